import { isLeaseBookkeeping, isWrite, TOKEN_CHECKING_WRITE } from "../patterns.js";
import { defineGate, type PreconditionFacts } from "./define.js";

const precondition = (d: PreconditionFacts) =>
  d.operations.some((o) => isWrite(o) && !isLeaseBookkeeping(o) && TOKEN_CHECKING_WRITE.test(o.phrase))
    ? undefined
    : "no protected resource checks a holder's token: the exclusive hold guards work whose only effect is its own lease";

export default defineGate({
  mechanism: "fencing-token",
  needs: "a write outside the lease itself that checks the holder's token, epoch or attempt",
  skip: precondition,
  precondition,
  examples: { kept: ["Design a container scheduler like Kubernetes."], dropped: ["Design a CDN."] },
});
