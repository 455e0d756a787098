import { CONTROL_OPERATIONS } from "../../knowledge/control-operations.js";
import { OPERATIONS } from "../../knowledge/operations.js";
import type { InteractionKind, Operation } from "../../knowledge/schema.js";
import { fitsTopics, type Topic, unspokenBesides } from "../../knowledge/topics.js";
import type { Deriver } from "../design/graph.js";
import type { OperationRow } from "../design/types.js";
import { archetype, entityWords } from "./common.js";

const DEFAULT_INTERACTION = new Map(OPERATIONS.map((o) => [o.operation, o.defaultInteraction]));

/** How a requirement touches its target: a hidden write is its own kind, else the operation table's default. */
export function interactionFor(op: Operation, hidden: boolean): InteractionKind {
  if (hidden && op !== "read source" && op !== "read projection") return "hidden write target";
  return DEFAULT_INTERACTION.get(op) ?? "update target";
}

/**
 * Picks the archetype entity a free-text ask is about, by shared words; else its first source of truth the design's subjects keep. Of entities
 * that share as many words, one that fits the design's subjects wins (a durable workflow engine's "workflow starts"
 * are its executions, not the generic workflow row its subject replaces).
 */
function entityFor(text: string, id: OperationRow["archetype"], unspoken: readonly Topic[]): string {
  const a = archetype(id);
  const words = new Set(text.toLowerCase().split(/[^a-z]+/));
  const scored = a.entities.map((e) => ({
    e,
    n: entityWords(e.name)
      .split(" ")
      .filter((w) => words.has(w) || words.has(`${w}s`)).length,
  }));
  const fits = (e: (typeof a.entities)[number]) => (fitsTopics(e, unspoken) ? 1 : 0);
  const best = scored.sort((x, y) => y.n - x.n || fits(y.e) - fits(x.e))[0];
  if (best && best.n > 0) return best.e.name;
  // with no shared word, the first source of truth among the entities the design's subjects keep (an order book is
  // I13's first truth only where the prompt speaks of an exchange)
  const kept = a.entities.filter((e) => fitsTopics(e, unspoken));
  return (kept.find((e) => e.truth) ?? kept[0] ?? a.entities.find((e) => e.truth) ?? a.entities[0])?.name ?? "State";
}

export const operationsField: Deriver<"operations"> = {
  field: "operations",
  category: "Classified",
  reads: ["requirements", "nfrs"],
  rule: "each requirement becomes one shared operation (create, overwrite, transition, append, async, read source, read projection) with its interaction kind and entity",
  derive: (f) => {
    const out: OperationRow[] = [];
    const seen = new Set<string>();
    const ordered = [...f.requirements.filter((r) => r.path), ...f.requirements.filter((r) => !r.path)];
    for (const r of ordered) {
      let row: OperationRow | undefined;
      if (r.path) {
        row = {
          phrase: r.text,
          operation: r.path.shape,
          interaction: interactionFor(r.path.shape, r.path.hidden),
          entity: r.path.entity,
          archetype: r.archetype,
          critical: r.path.critical,
          hidden: r.path.hidden,
          because: `${r.kind} requirement: ${r.because}`,
        };
        if (r.path.mechanism) row.mechanism = r.path.mechanism;
        if (r.feature) row.feature = r.feature;
      } else if (r.alias) {
        const entity = entityFor(r.text, r.archetype, unspokenBesides(f.nfrs.topics));
        row = {
          phrase: r.text,
          operation: r.alias.operation,
          interaction: r.alias.hidden ? interactionFor(r.alias.operation, true) : r.alias.interaction,
          entity,
          archetype: r.archetype,
          critical: false,
          hidden: r.alias.hidden,
          because: r.because.startsWith("the prompt asks '")
            ? `stated: ${r.because.replace(/^the prompt asks /, "")}, ${/^[aeiou]/.test(r.alias.operation) ? "an" : "a"} ${r.alias.operation} on ${entity}`
            : `stated: '${r.alias.phrase}' maps to ${r.alias.operation} on ${entity}`,
        };
      }
      if (!row) continue;
      // a control verb the prompt grants (pause, mute, edit) is an operation of its own, beside any other on the record
      const control = r.alias !== undefined && CONTROL_OPERATIONS.some((c) => c.verb === r.alias?.phrase);
      if (!r.path && !control && out.some((o) => o.operation === row.operation && o.entity === row.entity)) continue;
      const key = `${row.operation}|${row.entity}|${row.phrase}${control ? `|${r.alias?.phrase}` : ""}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(row);
    }
    return out;
  },
};
