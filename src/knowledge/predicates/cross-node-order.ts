import { definePredicate } from "./define.js";

/** A step that stamps what it writes from the node's own clock. */
const STAMPS = /\btimestamps?\b/i;
/** A rule that promises those stamps order what the nodes write (a timestamp, and ids that sort or increase by it). */
const ORDERS = /\b(?:sort\w*|increas\w*|order\w*|monoton\w*)\b/i;

export default definePredicate({
  id: "cross-node-order",
  name: "order across independent clocks",
  holdsWhen:
    "Several nodes stamp what they write from their own clocks with no coordinator between them, and readers sort by those stamps.",
  adds: ["clock-skew-bound"],
  addsBecause:
    "Clocks on different nodes disagree by the skew their sync allows, so records of different nodes sort only to within that bound (k-sorted), and a node whose clock steps back must wait or refuse rather than stamp a past time again.",
  guards: /\b(strictly increase|sort\w*|monoton\w*|timestamp)\b/i,
  rule: (f) => {
    const step = f.operations.find((o) => STAMPS.test(o.phrase) && o.operation !== "read source");
    const rule = step ? f.invariants.find((i) => STAMPS.test(i.statement) && ORDERS.test(i.statement)) : undefined;
    if (step && rule)
      return {
        holds: true,
        because: `'${step.phrase}' stamps from the node's own clock and '${rule.statement}' orders by it, so records of different nodes sort only as well as their clocks agree`,
      };
    return { holds: false, because: "no rule orders records by a node's own clock" };
  },
  examples: {
    valid: [
      "Design a unique ID generator that produces 1 million sortable IDs per second without a central coordinator",
    ],
    invalid: ["Design a CDN.", "Design a rate limiter.", "Design a payment system."],
  },
});
