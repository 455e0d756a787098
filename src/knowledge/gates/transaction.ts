import { isWrite, MULTI_OBJECT_WRITE } from "../patterns.js";
import { EFFECT_WORDS } from "../predicates/external-effect.js";
import { defineGate, type PreconditionFacts } from "./define.js";

/** Words of a change that reaches, or records, an effect outside: an outbox row, a send, a charge. */
const REACHES_OUT = /\b(effects?|outbox\w*|send\w*|sent)\b/i;
const local = (text: string) => !EFFECT_WORDS.test(text) && !REACHES_OUT.test(text);

/** A change of several records that names no outside effect: it stays inside this design's stores. */
const localOnly = (d: PreconditionFacts) =>
  d.operations.some((o) => isWrite(o) && MULTI_OBJECT_WRITE.test(o.phrase) && local(o.phrase)) ||
  d.invariants.some((i) => MULTI_OBJECT_WRITE.test(i.statement) && local(i.statement));

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
