import { definePredicate, phraseMatching } from "./define.js";

export default definePredicate({
  id: "time-bounded-hold",
  name: "time-bounded hold",
  holdsWhen: "Ownership, a reservation or an in-flight claim is granted only until a deadline.",
  adds: ["expiry-sweeper", "ttl-expiry"],
  addsBecause:
    "The stored deadline caps how long a lost holder blocks others, and a sweeper releases expired holds with a guard so a late renewal is not undone.",
  guards: /\b(expir|lease|hold|ttl|heartbeat|renew)/i,
  rule: (f, usual) => {
    // a claim the prompt treats as lasting ownership never lapses on its own, whatever the card usually holds
    if (f.nfrs.tenure) return { holds: false, because: f.nfrs.tenure.because };
    const t = phraseMatching(/\b(lease|ttl|expir|heartbeat|hold|timeout|renew|visibility)/i, f.operations);
    if (t) return { holds: true, because: `'${t}' is ownership or liveness that must lapse on its own` };
    if (usual) return { holds: true, because: usual };
    return { holds: false, because: "nothing is held for a bounded time" };
  },
  examples: {
    valid: ["Design a CDN.", "Design a rate limiter."],
    invalid: ["Design a payment system.", "Design a feature flag service."],
  },
});
