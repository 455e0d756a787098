import { definePredicate } from "./define.js";

/** A step that stamps what it writes from the node's own clock. */
const STAMPS = /\btimestamps?\b/i;
/** A rule that promises those stamps order what the nodes write (a timestamp, and ids that sort or increase by it). */
const ORDERS = /\b(?:sort\w*|increas\w*|order\w*|monoton\w*)\b/i;

export default definePredicate({
  id: "cross-node-order",
  name: "order across independent clocks",
  holdsWhen:
    "What several nodes stamp from their own clocks, with no coordinator ordering it, sorts by time only to within the skew between those clocks.",
  adds: ["clock-skew-bound"],
  addsBecause:
    "Clocks on different nodes disagree by the skew their sync allows, so records of different nodes sort only to within that bound (k-sorted), and a node whose clock steps back must wait or refuse rather than stamp a past time again.",
  guards: /\b(strictly increase|sort\w*|monoton\w*|timestamp)\b/i,
  rule: (f) => {
    // a commit that waits out the clocks' known uncertainty orders by real time, not within a skew bound
    const waited = f.operations.find((o) => /\bcommit wait\b/i.test(o.phrase));
    if (waited)
      return {
        holds: false,
        because: `'${waited.phrase}' waits out the clocks' uncertainty before a stamp takes effect, so stamps order by real time, not only within a skew bound`,
      };
    const step = f.operations.find((o) => STAMPS.test(o.phrase) && o.operation !== "read source");
    const rule = step ? f.invariants.find((i) => STAMPS.test(i.statement) && ORDERS.test(i.statement)) : undefined;
    if (step && rule)
      return {
        holds: true,
        because: `'${step.phrase}' stamps from the node's own clock and '${rule.statement}' orders by it, so ids of different nodes are k-sorted only within the clock-skew bound (assumed tens of milliseconds under NTP-class sync, Snowflake's own target), and a node whose clock steps back waits, or refuses past a short wait, rather than stamp a past time again`,
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
