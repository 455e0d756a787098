import { definePredicate } from "./define.js";

export default definePredicate({
  id: "ordering-matters",
  name: "ordering matters",
  holdsWhen: "Consumers or replicas give a different, wrong result if they see the same changes in another order.",
  adds: ["partition-key-ordering"],
  addsBecause:
    "Order is only affordable within a declared scope, so routing every change of one key to one partition gives order exactly where it is needed.",
  guards: /\b(order|sequence|monoton)/i,
  rule: (f) =>
    f.nfrs.ordering.value === "none"
      ? { holds: false, because: `ordering is not required (${f.nfrs.ordering.because})` }
      : { holds: true, because: `ordering is ${f.nfrs.ordering.value} (${f.nfrs.ordering.because})` },
  examples: {
    valid: ["Design a payment system.", "Design a key-value store."],
    invalid: ["Design a CDN.", "Design a rate limiter."],
  },
});
