import { definePredicate, phraseMatching } from "./define.js";

export default definePredicate({
  id: "exclusivity-matters",
  name: "exclusivity matters",
  holdsWhen: "At most one actor may own a resource or perform a piece of work at any moment.",
  adds: ["lease", "fencing-token"],
  addsBecause:
    "A lease bounds how long a dead owner blocks others, and a fencing token stops a paused former owner from writing after it lost the lease.",
  guards:
    /\b(at most one|only one|exactly one|single|owner|holder|exclusive|one (?:worker|holder|owner|evaluator|leader|writer|sender))/i,
  rule: (f, usual) => {
    // "acquire" the verb, not an acquirer (a card payment's bank)
    const t = phraseMatching(
      /\b(claim|lock|lease|exclusive|acquire[sd]?\b|elect|holder|single writer|mutual)/i,
      f.operations,
    );
    if (usual) return { holds: true, because: usual };
    if (t) return { holds: true, because: `'${t}' gives one actor the right to act alone` };
    return { holds: false, because: "any actor may perform any path; no ownership is handed out" };
  },
  examples: {
    valid: [
      "Design a distributed lock manager that grants exclusive leases on resources.",
      "Design a container scheduler like Kubernetes.",
    ],
    invalid: ["Design a load balancer.", "Design a key-value store."],
  },
});
