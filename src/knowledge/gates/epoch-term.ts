import { defineGate } from "./define.js";

export default defineGate({
  mechanism: "epoch-term",
  needs: "a leader the design elects itself, not a database primary its failover manager replaces",
  skip: (g) =>
    g.singlePrimary
      ? `${g.singlePrimary}: its failover manager fences the old primary before it promotes the standby, so the design numbers no terms of its own`
      : undefined,
  examples: {
    kept: ["Design a key-value store."],
    dropped: ["Design a payment orchestration layer that sends each charge to one of four card processors."],
  },
});
