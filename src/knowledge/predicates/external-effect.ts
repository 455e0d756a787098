import { definePredicate, phraseMatching } from "./define.js";

/** The words of an effect that leaves the system (a charge, an email, a webhook, a provider call). */
export const EFFECT_WORDS =
  /\b(charg\w*|payments?|refund\w*|bank|e-?mails?|sms|webhooks?|callbacks?|third[- ]party|provider|external)\b/i;

export default definePredicate({
  id: "external-effect",
  name: "external effect",
  holdsWhen:
    "A step has an effect outside our system (charge, email, webhook, provider call) that cannot be rolled back.",
  adds: ["transactional-outbox", "idempotent-receiver", "reconciliation-loop"],
  addsBecause:
    "The outbox ties the intent to the state change, the receiver's key absorbs repeats, and reconciliation catches whatever both sides still disagree on.",
  guards: /\b(effect|charge|call|external|provider|sent|exactly once)/i,
  rule: (f, usual) => {
    // an outcome the prompt says is final only once an outside party confirms it leaves the design, whatever the card
    const c = f.nfrs.confirmation;
    if (c)
      return {
        holds: true,
        because: `${c.because}: the ${c.party} decides the outcome outside this design, so it stays pending until the ${c.party} answers, and an unknown answer is settled by asking the ${c.party}`,
      };
    const t = phraseMatching(EFFECT_WORDS, f.operations);
    if (usual) return { holds: true, because: usual };
    if (t)
      return { holds: true, because: `'${t}' leaves the system, and cannot be rolled back by a local transaction` };
    return { holds: false, because: "every effect stays inside stores this design owns" };
  },
  examples: {
    valid: [
      "Design a payment system.",
      "Design a logging and observability platform.",
      "Design a movie ticket booking app.",
    ],
    invalid: ["Design a CDN.", "Design a rate limiter."],
  },
});
