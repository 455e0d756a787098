import { definePredicate } from "./define.js";

export default definePredicate({
  id: "derived-read",
  name: "derived read",
  holdsWhen: "Some read is answered from a copy (cache, index, view, replica) instead of the authoritative state.",
  adds: ["projector-checkpoint", "replay-rebuild", "tombstones"],
  addsBecause:
    "A checkpointed projector keeps the copy complete and in order, replay rebuilds it when it drifts, and tombstones carry deletes into it.",
  guards: /\b(stale|lag|derived|projection|cache|copy|index)/i,
  rule: (f, usual) => {
    const r = f.operations.find((o) => o.operation === "read projection");
    if (r) return { holds: true, because: `'${r.phrase}' is served from a copy of the truth` };
    return usual ? { holds: true, because: usual } : { holds: false, because: "every read goes to the authority" };
  },
  examples: {
    valid: ["Design a CDN.", "Design a rate limiter."],
    invalid: ["Design a payment system.", "Design a real-time messaging substrate."],
  },
});
