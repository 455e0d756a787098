import { REFUSES_STALE, RISES_ONLY } from "../patterns.js";
import { definePredicate } from "./define.js";

/** An invariant that refuses a write arriving out of order or as a duplicate (a series' samples in time order). */
const REFUSES_OUT_OF_ORDER = /\bout-of-order\b[^.;]*\b(refused|rejected|deduplicated)\b/i;
/** A rule that keeps, per key or property, the value its one owner sequenced last. */
const SEQUENCED_LAST = /\bthe value (?:the|its) [\w' ]{1,40} sequenced last\b/i;

export default definePredicate({
  id: "lww-acceptable",
  name: "last writer wins acceptable",
  holdsWhen: "The business accepts that one of two concurrent writes to the same key is silently dropped.",
  adds: ["lww-overwrite"],
  addsBecause:
    "With loss tolerated, replicas can resolve conflicts by timestamp or version with no coordination on the write path.",
  guards: /\b(converge|newest|latest|last)/i,
  rule: (f, usual) => {
    // a design whose one owner per key keeps the value it sequenced last (a board server's per-property register)
    // drops the earlier of two concurrent writes by its own rule, decided in one place rather than by replica clocks
    const settled = f.invariants.find((i) => SEQUENCED_LAST.test(i.statement));
    if (settled)
      return {
        holds: true,
        because: `the invariant '${settled.statement}' keeps the value its one owner sequenced last, so the earlier of two concurrent writes to it is dropped by design`,
      };
    const c = f.nfrs.consistency;
    if (c.value !== "eventual")
      return { holds: false, because: `consistency is ${c.value}: concurrent writes must not silently drop one` };
    const guarded = f.invariants.find((i) => REFUSES_STALE.test(i.statement));
    if (guarded)
      return {
        holds: false,
        because: `the invariant '${guarded.statement}' refuses a write made from an old read, so a concurrent write may not be dropped silently`,
      };
    const refused = f.invariants.find((i) => REFUSES_OUT_OF_ORDER.test(i.statement));
    if (refused)
      return {
        holds: false,
        because: `the invariant '${refused.statement}' refuses or deduplicates a write that arrives out of order, so a newer write never silently replaces the stored one`,
      };
    const rises = f.invariants.find((i) => RISES_ONLY.test(i.statement));
    if (rises)
      return {
        holds: false,
        because: `the invariant '${rises.statement}' lets the value only rise, so a newer but lower write must not replace it`,
      };
    // exclusive ownership elsewhere in the design says nothing of records the card itself lets converge
    const owner = f.typical.get("exclusivity-matters");
    if (owner && usual) return { holds: true, because: usual };
    if (owner)
      return {
        holds: false,
        because: `one owner acts at a time (${owner}), so a write silently dropped for a newer one could undo that owner's work`,
      };
    return {
      holds: true,
      because: `consistency is eventual (${c.because}); for the same key the newest write may win`,
    };
  },
  examples: {
    valid: ["Design a CDN.", "Design a load balancer.", "Design a collaborative whiteboard like Miro."],
    invalid: ["Design a rate limiter.", "Design a payment system."],
  },
});
