import { defineGate } from "./define.js";

export default defineGate({
  mechanism: "sync-standby-replication",
  needs: "authoritative records kept on one primary with a synchronous standby (engine/truth-store.ts)",
  skip: (g) =>
    g.singlePrimary ? undefined : "the design keeps its truth in no one-primary store with a synchronous standby",
  because: (g) => g.singlePrimary,
  examples: {
    kept: [
      "Design a payment orchestration layer that sends each charge to one of four card processors.",
      "Design an e-commerce checkout for a store selling 10,000 orders a day",
    ],
    dropped: ["Design a key-value store."],
  },
});
