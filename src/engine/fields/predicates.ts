import { PREDICATES } from "../../knowledge/predicates.js";
import type { PredicateId } from "../../knowledge/schema.js";
import { MULTI_OBJECT_WRITE } from "../coherence.js";
import type { Deriver } from "../design/graph.js";
import type { PredicateRow } from "../design/types.js";
import { archetype } from "./common.js";

/** The phrase of the first operation whose phrase or entity matches. */
const has = (re: RegExp, ops: readonly { phrase: string; entity: string }[]) =>
  ops.find((o) => re.test(`${o.phrase} ${o.entity}`))?.phrase;

export const predicatesField: Deriver<"predicates"> = {
  field: "predicates",
  category: "Derived",
  reads: ["operations", "context", "invariants", "nfrs", "archetypes"],
  rule: "each of the eleven predicates is tested against the operations, the execution context, the invariants and the NFRs, with the dominant archetype's usual predicates as the fallback evidence",
  derive: (f) => {
    const n = f.nfrs;
    // Only the dominant archetype's usual predicates count; supporting ones act through their operations.
    const lead = f.archetypes[0];
    const typical = new Map<PredicateId, string>();
    if (lead) for (const p of archetype(lead.id).predicates) typical.set(p.id, `${lead.id}: ${p.because}`);
    const writes = f.operations.filter((o) => o.operation !== "read source" && o.operation !== "read projection");
    const visibleWrites = writes.filter((o) => !o.hidden);
    const texts = f.operations;
    const eventual = n.consistency.value === "eventual";

    const verdict = (id: PredicateId): { holds: boolean; because: string } => {
      const usual = typical.get(id);
      switch (id) {
        case "duplicate-retry-matters": {
          if (n.delivery.value === "at-most-once")
            return {
              holds: false,
              because: `delivery is at-most-once (${n.delivery.because}): nothing is retried, so nothing applies twice`,
            };
          const w = visibleWrites.find((o) => o.operation !== "overwrite current value");
          if (w)
            return {
              holds: true,
              because: `${f.context.retries}; a retried '${w.phrase}' (${w.operation}) would apply twice`,
            };
          return usual
            ? { holds: true, because: usual }
            : { holds: false, because: "every write is a plain overwrite, which a retry repeats harmlessly" };
        }
        case "stale-write-dangerous": {
          const w = writes.find((o) => o.operation === "overwrite current value" || o.operation === "state transition");
          if (!w) return { holds: false, because: "no path overwrites or transitions existing state" };
          if (eventual && !usual)
            return {
              holds: false,
              because: `consistency is eventual (${n.consistency.because}): a newer version simply wins`,
            };
          return {
            holds: true,
            because: `'${w.phrase}' changes existing ${w.entity}; an actor acting on an old read could clobber a newer value`,
          };
        }
        case "exclusivity-matters": {
          const t = has(/\b(claim|lock|lease|exclusive|acquire|elect|holder|single writer|mutual)/i, texts);
          if (usual) return { holds: true, because: usual };
          if (t) return { holds: true, because: `'${t}' gives one actor the right to act alone` };
          return { holds: false, because: "any actor may perform any path; no ownership is handed out" };
        }
        case "multi-object": {
          const multi = f.invariants.find((i) => MULTI_OBJECT_WRITE.test(i.statement));
          if (usual) return { holds: true, because: usual };
          if (multi) return { holds: true, because: `the invariant '${multi.statement}' spans several records` };
          return { holds: false, because: "each critical write changes one record" };
        }
        case "ordering-matters":
          return n.ordering.value === "none"
            ? { holds: false, because: `ordering is not required (${n.ordering.because})` }
            : { holds: true, because: `ordering is ${n.ordering.value} (${n.ordering.because})` };
        case "dedup-matters": {
          if (n.delivery.value === "at-most-once")
            return { holds: false, because: "at-most-once delivery never redelivers" };
          if (n.delivery.value === "exactly-once")
            return {
              holds: true,
              because: `delivery is exactly-once (${n.delivery.because}), so a redelivered event must be recognised`,
            };
          const a = writes.find((o) => o.operation === "append event" || o.operation === "async process");
          if (usual) return { holds: true, because: usual };
          if (a)
            return {
              holds: true,
              because: `at-least-once delivery of '${a.phrase}' means consumers see repeats and must not count them twice`,
            };
          return { holds: false, because: "no event stream is consumed" };
        }
        case "lww-acceptable": {
          if (!eventual)
            return {
              holds: false,
              because: `consistency is ${n.consistency.value}: concurrent writes must not silently drop one`,
            };
          if (typical.has("exclusivity-matters"))
            return { holds: false, because: "ownership is exclusive, so a lost write could be a lost grant" };
          return {
            holds: true,
            because: `consistency is eventual (${n.consistency.because}); for the same key the newest write may win`,
          };
        }
        case "external-effect": {
          const t = has(
            /\b(charg\w*|payments?|refund\w*|bank|e-?mails?|sms|webhooks?|callbacks?|third[- ]party|provider|external)\b/i,
            texts,
          );
          if (usual) return { holds: true, because: usual };
          if (t)
            return {
              holds: true,
              because: `'${t}' leaves the system, and cannot be rolled back by a local transaction`,
            };
          return { holds: false, because: "every effect stays inside stores this design owns" };
        }
        case "time-bounded-hold": {
          const t = has(/\b(lease|ttl|expir|heartbeat|hold|timeout|renew|visibility)/i, texts);
          if (t) return { holds: true, because: `'${t}' is ownership or liveness that must lapse on its own` };
          if (usual) return { holds: true, because: usual };
          return { holds: false, because: "nothing is held for a bounded time" };
        }
        case "derived-read": {
          const r = f.operations.find((o) => o.operation === "read projection");
          if (r) return { holds: true, because: `'${r.phrase}' is served from a copy of the truth` };
          return usual
            ? { holds: true, because: usual }
            : { holds: false, because: "every read goes to the authority" };
        }
        case "quorum-truth": {
          if (n.durability.value !== "durable")
            return {
              holds: false,
              because: `durability is best-effort (${n.durability.because}): losing the state is survivable`,
            };
          if (n.consistency.value === "linearizable")
            return {
              holds: true,
              because: `linearizable truth (${n.consistency.because}) must survive node loss without two leaders`,
            };
          if (usual) return { holds: true, because: usual };
          return { holds: false, because: "replicas may disagree briefly; no single-leader truth is needed" };
        }
      }
    };
    return PREDICATES.map((p): PredicateRow => ({ id: p.id, name: p.name, ...verdict(p.id), source: "derived" }));
  },
};
