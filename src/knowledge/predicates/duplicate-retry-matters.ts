import { definePredicate, writesOf } from "./define.js";

export default definePredicate({
  id: "duplicate-retry-matters",
  name: "duplicate retry matters",
  holdsWhen:
    "A client or worker may resend a request whose first attempt already took effect, and doing it twice is wrong.",
  adds: ["idempotency-key", "put-if-absent"],
  addsBecause:
    "A stored request id or a deterministic id turns the second attempt into a lookup of the first result instead of a second effect.",
  guards: /\b(exactly once|at most once|takes? effect once|twice|retr|duplicate|request id|repeat)/i,
  rule: (f, usual) => {
    const n = f.nfrs;
    // a stated at-most-once binds the effect (never re-run after an unknown outcome), not the API: a resent create
    // must still not make a second job, so a request id guards it as under any other delivery; a default one is soft
    // state whose loss is accepted
    if (n.delivery.value === "at-most-once" && n.delivery.source !== "stated")
      return {
        holds: false,
        because: `delivery is at-most-once (${n.delivery.because}): a resent write is retried only within a small budget and a repeat is tolerated, so no request id is stored`,
      };
    const w = writesOf(f).find((o) => !o.hidden && o.operation !== "overwrite current value" && !o.repeatSafe);
    const safe = writesOf(f).find((o) => !o.hidden && o.repeatSafe);
    if (!w && safe && !usual)
      return {
        holds: false,
        because: `${f.context.retries}; a retried '${safe.phrase}' changes nothing: ${safe.repeatSafe}`,
      };
    if (w)
      return {
        holds: true,
        because: `${f.context.retries}; a retried '${w.phrase}' (${w.operation}) would apply twice`,
      };
    return usual
      ? { holds: true, because: usual }
      : { holds: false, because: "every write is a plain overwrite, which a retry repeats harmlessly" };
  },
  examples: {
    valid: ["Design a payment system.", "Design a key-value store."],
    invalid: ["Design a CDN.", "Design a rate limiter."],
  },
});
