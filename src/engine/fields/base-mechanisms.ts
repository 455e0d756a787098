import { WRITE_SHAPE_MECHANISMS } from "../../knowledge/operations.js";
import type { Deriver } from "../design/graph.js";
import type { MechanismRow } from "../design/types.js";
import { keepStatedSemantics, statedSemantics } from "../stated-semantics.js";
import { applyDecisions } from "./decisions.js";
import { addMechanism, mechanismRow, protectedInvariant } from "./mechanism-rows.js";

/** The mechanism of a write replicated to a quorum of peers with no leader among them. */
const QUORUM = "quorum-read-write";

export const baseMechanismsField: Deriver<"baseMechanisms"> = {
  field: "baseMechanisms",
  category: "Classified",
  reads: ["operations", "invariants", "criticalPaths", "archetypes", "decisions", "prompt", "nfrs"],
  rule: "each write's shape gives its base mechanism (create -> insert, overwrite -> versioned overwrite, transition -> guarded update, append -> append log…), unless the archetype's path names a more specific one; a mechanism that would break a rule the prompt states (a dead-letter queue beside a stated per-key order, a renewed lease beside a fixed hold) is said as the variant that keeps it; a read from the source asks a read quorum, not a leader, where the archetype's own paths replicate by quorum",
  derive: (f) => {
    const rows: MechanismRow[] = [];
    const lead = f.archetypes[0]?.id;
    // an archetype whose own paths replicate by quorum has no leader to read from: its reads ask a read quorum
    const quorumOf = new Set(f.operations.filter((o) => o.mechanism === QUORUM).map((o) => o.archetype));
    for (const op of f.operations) {
      const isRead = op.operation === "read source" || op.operation === "read projection";
      if (isRead && op.archetype !== lead) continue;
      if (!isRead && !op.critical && !op.hidden && op.archetype !== lead) continue;
      const shapeDefault = WRITE_SHAPE_MECHANISMS.find((w) => w.shape === op.operation)?.mechanism;
      const fallback = shapeDefault === "leader-read" && quorumOf.has(op.archetype) ? QUORUM : shapeDefault;
      const id = op.mechanism ?? fallback;
      if (!id) continue;
      const path = f.invariants.find((i) => op.phrase.startsWith(i.path))?.path;
      const because = `${op.phrase}: ${op.operation} on ${op.entity}${op.mechanism ? " (the archetype's path names it)" : " (default for the write shape)"}`;
      addMechanism(
        rows,
        mechanismRow(
          id,
          "base",
          [because],
          protectedInvariant(
            f.invariants,
            id,
            { operations: f.operations, because: [because], paths: f.criticalPaths, own: true },
            path ? { path } : {},
          ),
        ),
      );
    }
    // Hook (numbers helper): a chosen decision can rule out a base mechanism (e.g. leaderless replaces consensus).
    // a mechanism that would break a rule the prompt states is said as the variant that keeps it
    return keepStatedSemantics(
      applyDecisions(rows, f.decisions, "base", () => undefined),
      statedSemantics(f.prompt, f.nfrs),
    );
  },
};
