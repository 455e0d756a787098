import { definePredicate, writesOf } from "./define.js";

export default definePredicate({
  id: "dedup-matters",
  name: "dedup matters",
  holdsWhen: "The same event can arrive more than once and must be counted or applied once.",
  adds: ["dedup-window"],
  addsBecause: "Remembering applied event ids for a bounded window lets consumers drop redeliveries cheaply.",
  guards:
    /\b(exactly once|at most once|(?:applied|counted|delivered) (?:once|twice)|takes? effect once|twice|duplicate|double)/i,
  rule: (f, usual) => {
    const d = f.nfrs.delivery;
    if (d.value === "at-most-once") return { holds: false, because: "at-most-once delivery never redelivers" };
    if (d.value === "exactly-once")
      return {
        holds: true,
        because: `delivery is exactly-once (${d.because}), so a redelivered event must be recognised`,
      };
    const a = writesOf(f).find((o) => o.operation === "append event" || o.operation === "async process");
    if (usual) return { holds: true, because: usual };
    if (a)
      return {
        holds: true,
        because: `at-least-once delivery of '${a.phrase}' means consumers see repeats and must not count them twice`,
      };
    return { holds: false, because: "no event stream is consumed" };
  },
  examples: {
    valid: ["Design a payment system.", "Design a Kafka-like distributed log."],
    invalid: ["Design a CDN.", "Design a rate limiter."],
  },
});
