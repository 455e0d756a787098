import { RISES_ONLY } from "../patterns.js";
import { definePredicate, writesOf } from "./define.js";

export default definePredicate({
  id: "stale-write-dangerous",
  name: "stale write dangerous",
  holdsWhen: "An actor may compute a write from an old read and would erase a newer change if the write went through.",
  adds: ["version-check"],
  addsBecause: "Sending the version the write was based on lets the store refuse it once the record has moved on.",
  guards: /\b(version|older|stale|overwrit|clobber|newer)/i,
  rule: (f, usual) => {
    // a value that only rises is raised by a conditional max at the store, never computed from a read
    const risesOnly = (entity: string) =>
      f.invariants.some((i) => RISES_ONLY.test(i.statement) && i.statement.includes(entity));
    const w = writesOf(f).find(
      (o) => (o.operation === "overwrite current value" || o.operation === "state transition") && !risesOnly(o.entity),
    );
    if (!w) return { holds: false, because: "no path overwrites or transitions existing state" };
    if (f.nfrs.consistency.value === "eventual" && !usual)
      return {
        holds: false,
        because: `consistency is eventual (${f.nfrs.consistency.because}): a newer version simply wins`,
      };
    return {
      holds: true,
      because: `'${w.phrase}' changes existing ${w.entity}; an actor acting on an old read could clobber a newer value`,
    };
  },
  examples: {
    valid: ["Design a CDN.", "Design a rate limiter."],
    invalid: ["Design a logging and observability platform.", "Design a distributed tracing system like Dapper."],
  },
});
