import { defineGate } from "./define.js";

export default defineGate({
  mechanism: "put-if-absent",
  needs: "a path that creates a record, and no idempotency key already making creates safe to retry",
  skip: (g) =>
    g.have.has("idempotency-key")
      ? "the idempotency key already makes creates safe to retry"
      : g.operations.some((o) => o.operation === "create target")
        ? undefined
        : "no path creates a record",
  examples: {
    kept: ["Design a job scheduler that runs cron jobs at their due time."],
    dropped: ["Design a payment system."],
  },
});
