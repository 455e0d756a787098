import { isWrite, MULTI_OBJECT_WRITE } from "../patterns.js";
import { EFFECT_WORDS } from "../predicates/external-effect.js";
import { defineGate, type PreconditionFacts } from "./define.js";

/** Words of a change that reaches, or records, an effect outside: an outbox row, a send, a charge. */
const REACHES_OUT = /\b(effects?|outbox\w*|send\w*|sent)\b/i;
const local = (text: string) => !EFFECT_WORDS.test(text) && !REACHES_OUT.test(text);

/** The texts of the writes and invariants that change several records together. */
const multiRecord = (d: PreconditionFacts): string[] => [
  ...d.operations.filter((o) => isWrite(o) && MULTI_OBJECT_WRITE.test(o.phrase)).map((o) => o.phrase),
  ...d.invariants.filter((i) => MULTI_OBJECT_WRITE.test(i.statement)).map((i) => i.statement),
];

/** A change of several records that names no outside effect: it stays inside this design's stores. */
const localOnly = (d: PreconditionFacts) => multiRecord(d).some(local);

/**
 * Whether an outside effect is among the records that change together (an outbox row beside the state change, a
 * charge and the order it pays for): only then does a saga coordinate them; a local multi-record change beside a
 * single keyed call to a provider is a transaction plus that call.
 */
export const effectAmongChanges = (d: PreconditionFacts): boolean =>
  multiRecord(d).some((t) => !local(t)) || !localOnly(d);

const precondition = (d: PreconditionFacts) =>
  d.operations.some((o) => isWrite(o) && MULTI_OBJECT_WRITE.test(o.phrase)) ||
  d.invariants.some((i) => MULTI_OBJECT_WRITE.test(i.statement))
    ? undefined
    : "no write changes several records together, so a single-record write is atomic on its own";

export default defineGate({
  mechanism: "transaction",
  needs: "a write or invariant that changes several records together, all inside stores this design owns",
  skip: (g) =>
    g.holds.has("external-effect") && !localOnly(g)
      ? "an external effect cannot join a local transaction; a saga coordinates it"
      : precondition(g),
  precondition,
  examples: { kept: ["Design a payment system."], dropped: ["Design a package registry like npm."] },
});
