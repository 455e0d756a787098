import { PARTIES } from "../parties.js";
import type { PreconditionFacts } from "./define.js";
import { defineGate } from "./define.js";
import { effectAmongChanges } from "./transaction.js";

/** A compensation needs an effect that a later effect can undo; a delivered webhook, push or email cannot be. */
const undoable = (d: PreconditionFacts): string | undefined => {
  const party = d.party && PARTIES[d.party];
  return party && !party.undoes.value
    ? `the effects reach ${party.name}, and nothing compensates them: ${party.undoes.because}`
    : undefined;
};

export default defineGate({
  mechanism: "saga",
  needs: "an external effect among the objects that change together, which a later effect can undo",
  skip: (g) =>
    !g.holds.has("external-effect")
      ? "every object lives in stores this design owns, so a transaction suffices"
      : !effectAmongChanges(g)
        ? "the records that change together all live in stores this design owns, so a transaction keeps them; the outside effect is a single call guarded by its key"
        : undoable(g),
  precondition: undoable,
  examples: {
    kept: ["Design a payment system."],
    dropped: [
      "Design a package registry like npm.",
      "Design a webhook delivery service that retries failed deliveries for up to 72 hours",
    ],
  },
});
