import type { GateFacts } from "../../knowledge/gates/define.js";
import { GATE_BY_MECHANISM } from "../../knowledge/gates.js";
import { REPEAT_KEEPERS } from "../../knowledge/index.js";
import { PREDICATE_BY_ID } from "../../knowledge/predicates.js";
import type { Deriver } from "../design/graph.js";
import type { MechanismRow } from "../design/types.js";
import { fromStatedGuarantee } from "../stated-rules.js";
import { keepStatedSemantics, statedSemantics } from "../stated-semantics.js";
import { electionOfStore, singlePrimaryTruth } from "../truth-store.js";
import { applyDecisions } from "./decisions.js";
import { addMechanism, KEEPS_STATED, mechanismRow, protectedInvariant } from "./mechanism-rows.js";

/** A decision's reason naming an option that is itself a voting store (a consensus store, etcd, ZooKeeper). */
const VOTING_OPTION = /^decision \S+: .*\b(?:consensus|majority|quorum|etcd|zookeeper)\b/i;
const namesVote = (why: readonly string[]) => why.some((w) => VOTING_OPTION.test(w));

export const companionsField: Deriver<"companions"> = {
  field: "companions",
  category: "Derived",
  reads: [
    "baseMechanisms",
    "predicates",
    "invariants",
    "criticalPaths",
    "operations",
    "decisions",
    "nfrs",
    "prompt",
    "components",
    "features",
    "branch",
    "archetypes",
    "primaryState",
  ],
  rule: "every predicate that holds adds its companion mechanisms (idempotency key, version check, lease + fencing, outbox, sweeper, projector checkpoint, quorum…); nothing is added without a predicate, except the mechanism a rule made from a stated guarantee names as its keeper; truth kept on one database primary with a synchronous standby (a store drawn so, or features whose every storage product commits on its primary first) is kept by that store's commit rule and failover, never by a majority vote and terms of the design's own",
  derive: (f) => {
    const rows: MechanismRow[] = [];
    const base = new Set(f.baseMechanisms.map((m) => m.id));
    const holds = new Set(f.predicates.filter((p) => p.holds).map((p) => p.id));
    const wanted = new Set<string>([
      ...base,
      ...f.predicates.filter((p) => p.holds).flatMap((p) => PREDICATE_BY_ID.get(p.id)?.adds ?? []),
    ]);
    const facts: GateFacts = {
      holds,
      have: wanted,
      operations: f.operations,
      invariants: f.invariants,
      derivedRead: f.operations.some((o) => o.operation === "read projection"),
      ...(f.nfrs.party ? { party: f.nfrs.party.value } : {}),
      ...(f.nfrs.tenure ? { lasting: f.nfrs.tenure.because } : {}),
    };
    const singlePrimary = singlePrimaryTruth(f);
    if (singlePrimary) facts.singlePrimary = singlePrimary;
    const skipped = (id: string) => GATE_BY_MECHANISM.get(id)?.skip(facts) ?? electionOfStore(id, singlePrimary);
    // the rules a base mechanism that recognises a repeat already keeps (an admission's put-if-absent keeps "admitted
    // at most once"): a consumer's dedup window paired with the same rule adds nothing and protects no other rule (an
    // idempotent receiver or a caller's key stays: each sits on another side of the call)
    const repeatKept = new Set(
      f.baseMechanisms.filter((m) => REPEAT_KEEPERS.has(m.id as never) && m.protects !== "").map((m) => m.protects),
    );
    const redundant = (row: MechanismRow | undefined) =>
      row !== undefined && row.id === "dedup-window" && repeatKept.has(row.protects);
    for (const p of f.predicates) {
      if (!p.holds) continue;
      const def = PREDICATE_BY_ID.get(p.id);
      if (!def) continue;
      for (const id of def.adds) {
        if (base.has(id)) continue;
        if (skipped(id)) continue;
        // what the gate found that makes this companion the one here (the store that keeps the truth)
        const gated = GATE_BY_MECHANISM.get(id)?.because?.(facts);
        const why = [`${p.id}: ${p.because}`, ...(gated ? [`${id}: ${gated}`] : [])];
        const row = mechanismRow(
          id,
          "companion",
          why,
          protectedInvariant(
            f.invariants,
            id,
            { operations: f.operations, because: why, paths: f.criticalPaths },
            { guards: def.guards, guardedBy: `the ${p.id} predicate` },
          ),
        );
        if (!redundant(row)) addMechanism(rows, row);
      }
    }
    // a rule made from a guarantee the prompt states names the mechanism that keeps it (an atomic manifest swap for
    // "no half-written output is ever published"): that mechanism joins the design, protecting that rule, where no
    // predicate brought it
    for (const inv of f.invariants) {
      if (!inv.keptBy || !fromStatedGuarantee(inv.because) || base.has(inv.keptBy)) continue;
      if (rows.some((r) => r.id === inv.keptBy)) continue;
      addMechanism(
        rows,
        mechanismRow(inv.keptBy, "companion", [`stated: ${inv.because}`], {
          statement: inv.statement,
          because: `${KEEPS_STATED} it as what keeps it`,
        }),
      );
    }
    // Hook (numbers helper): chosen decisions add the mechanisms they imply and drop the ones they rule out; a
    // mechanism that would break a rule the prompt states is said as the variant that keeps it
    const decided = applyDecisions(
      rows,
      f.decisions,
      "companion",
      // A decision's mechanism still needs its precondition in this design (the same gates as above); an option
      // that names a voting store itself ("a consensus-replicated store (etcd, ZooKeeper)") keeps its vote there,
      // whatever store keeps the rest of the truth
      (id, why) =>
        (namesVote(why) ? GATE_BY_MECHANISM.get(id)?.skip({ ...facts, singlePrimary: undefined }) : skipped(id))
          ? undefined
          : mechanismRow(
              id,
              "companion",
              why,
              protectedInvariant(f.invariants, id, { operations: f.operations, because: why, paths: f.criticalPaths }),
            ),
      base,
    );
    return keepStatedSemantics(decided, statedSemantics(f.prompt, f.nfrs));
  },
};
