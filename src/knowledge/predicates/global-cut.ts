import { definePredicate } from "./define.js";

/** A step that reads state kept on several shards or partitions ("per shard", "across partitions"). */
const SPREAD = /\b(?:across|per|every|each|all)\s+(?:the\s+)?(?:shards?|partitions?)\b/i;
/** A step that checks a total over that state (a sum, a reconciliation, an audit of what is conserved). */
const TOTAL = /\b(?:sums?|summing|totals?|reconcil\w*|audit\w*|conserv\w*)\b/i;

/** A rule that keeps a total over every record (money conserved, balances that add up). */
const KEPT_TOTAL = /\b(?:conserv\w*|add up|total)\b/i;

export default definePredicate({
  id: "global-cut",
  name: "check across shards at one cut",
  holdsWhen:
    "A check sums or compares state that several shards keep, while changes move between those shards, so it must see every shard as of one moment.",
  adds: ["consistent-cut"],
  addsBecause:
    "Shards read one after another at different moments see a change that moves between them twice or not at all, so the check reads them at one snapshot timestamp, or matches each change's two legs by its id and counts a lone leg as in flight.",
  guards: KEPT_TOTAL,
  rule: (f) => {
    const step = f.operations.find((o) => SPREAD.test(o.phrase) && TOTAL.test(o.phrase));
    // the rule the total checks, by its first sentence, where the design states one
    const rule = f.invariants.find((i) => KEPT_TOTAL.test(i.statement))?.statement.split(/(?<=\.)\s/)[0];
    if (step)
      return {
        holds: true,
        because: `'${step.phrase}' checks a total over state several shards keep${rule ? ` ('${rule}')` : ""}, so it must read them as of one moment`,
      };
    return { holds: false, because: "no check sums or compares state across shards" };
  },
  examples: {
    valid: ["Design a bank ledger that transfers money between accounts on different shards without losing money."],
    invalid: ["Design a CDN.", "Design a rate limiter.", "Design a unique ID generator."],
  },
});
