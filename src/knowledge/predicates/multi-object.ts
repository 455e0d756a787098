import { MULTI_OBJECT_WRITE } from "../patterns.js";
import { definePredicate } from "./define.js";

export default definePredicate({
  id: "multi-object",
  name: "multi-object change",
  holdsWhen: "Several records, possibly in different stores, must end up changed together or not at all.",
  adds: ["transaction", "saga"],
  addsBecause:
    "Inside one store a transaction makes the change atomic; across stores an orchestrated workflow with undo steps reaches the same end state.",
  guards: /\b(together|atomic|both|all or nothing)/i,
  rule: (f, usual) => {
    const multi = f.invariants.find((i) => MULTI_OBJECT_WRITE.test(i.statement));
    if (usual) return { holds: true, because: usual };
    if (multi) return { holds: true, because: `the invariant '${multi.statement}' spans several records` };
    return { holds: false, because: "each critical write changes one record" };
  },
  examples: {
    valid: ["Design a payment system.", "Design a package registry like npm."],
    invalid: ["Design a CDN.", "Design a rate limiter."],
  },
});
