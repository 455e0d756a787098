import { isWrite, MULTI_OBJECT_WRITE } from "../patterns.js";
import { defineGate, type PreconditionFacts } from "./define.js";

const precondition = (d: PreconditionFacts) =>
  d.operations.some((o) => isWrite(o) && MULTI_OBJECT_WRITE.test(o.phrase)) ||
  d.invariants.some((i) => MULTI_OBJECT_WRITE.test(i.statement))
    ? undefined
    : "no write changes several records together, so a single-record write is atomic on its own";

export default defineGate({
  mechanism: "transaction",
  needs: "a write or invariant that changes several records together, all inside stores this design owns",
  skip: (g) =>
    g.holds.has("external-effect")
      ? "an external effect cannot join a local transaction; a saga coordinates it"
      : precondition(g),
  precondition,
  examples: { kept: ["Design a payment system."], dropped: ["Design a package registry like npm."] },
});
