import type { Deriver } from "../design/graph.js";
import type { InvariantRow } from "../design/types.js";
import { archetype, entityWords } from "./common.js";

const mentions = (text: string, entity: string) => {
  const t = text.toLowerCase();
  return t.includes(entity.toLowerCase()) || t.includes(entityWords(entity));
};

export const invariantsField: Deriver<"invariants"> = {
  field: "invariants",
  category: "Derived",
  reads: ["operations", "criticalPaths", "primaryState", "nfrs"],
  rule: "per critical path, the archetype's never-violate statements about an entity that path writes (an invariant is attached only to a path that writes what it constrains), plus the guarantees the stated NFRs add on the first path's entity",
  derive: (f) => {
    const out: InvariantRow[] = [];
    const used = new Set<string>();
    const entityOf = new Map(f.operations.map((o) => [o.phrase, o.entity]));
    const pathEntities = (p: (typeof f.criticalPaths)[number]) => [
      ...new Set(p.operations.flatMap((o) => (entityOf.has(o) ? [entityOf.get(o) as string] : []))),
    ];
    for (const p of f.criticalPaths) {
      const a = archetype(p.archetype);
      const entities = pathEntities(p);
      const pick = a.invariants
        .filter((i) => !used.has(i))
        .map((i) => ({ i, e: entities.find((e) => mentions(i, e)) }))
        .filter((x): x is { i: string; e: string } => x.e !== undefined)
        .slice(0, 2);
      for (const { i: statement, e } of pick) {
        used.add(statement);
        out.push({
          path: p.name,
          statement,
          archetype: a.id,
          because: `${a.id} states it for ${e}, which '${p.name}' writes`,
        });
      }
    }
    const first = f.criticalPaths[0];
    if (first) {
      const subject = entityWords(pathEntities(first)[0] ?? f.primaryState[0]?.entity ?? "record");
      const d = f.nfrs.delivery;
      const delivery: Record<typeof d.value, string> = {
        "exactly-once": `A retried '${first.name}' takes effect once: the same request id never produces a second ${subject} change.`,
        "at-least-once": `An acknowledged ${subject} change is never lost; it may be delivered again, and every consumer tolerates the repeat.`,
        "at-most-once": `A ${subject} change is never applied twice; losing one under failure is accepted.`,
      };
      out.push({
        path: first.name,
        statement: delivery[d.value],
        archetype: first.archetype,
        because: `delivery is ${d.value}: ${d.because}`,
      });
      const c = f.nfrs.consistency;
      if (c.value === "linearizable") {
        out.push({
          path: first.name,
          statement: `Once a ${subject} write is acknowledged, every later read sees it or something newer.`,
          archetype: first.archetype,
          because: `consistency is linearizable: ${c.because}`,
        });
      } else if (c.value === "read-your-writes") {
        out.push({
          path: first.name,
          statement: `A client that wrote a ${subject} change reads its own write afterwards, even from another replica.`,
          archetype: first.archetype,
          because: `consistency is read-your-writes: ${c.because}`,
        });
      } else if (f.nfrs.regions.value > 1 || c.source !== "default") {
        out.push({
          path: first.name,
          statement: `Replicas of a ${subject} converge to the same value once writes stop, with a bounded lag.`,
          archetype: first.archetype,
          because: `consistency is eventual: ${c.because}`,
        });
      }
      const o = f.nfrs.ordering;
      if (o.source !== "default" && o.value !== "none") {
        out.push({
          path: first.name,
          statement: `Within one ${o.value === "global" ? "system" : o.value.replace("per-", "")}, ${subject} changes are applied in the order they were accepted.`,
          archetype: first.archetype,
          because: `ordering is ${o.value}: ${o.because}`,
        });
      }
    }
    return out;
  },
};
