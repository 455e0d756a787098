import { defineGate } from "./define.js";

export default defineGate({
  mechanism: "consensus-replication",
  needs:
    "records that are not already replicated through an in-sync replica set, nor kept on one primary with a synchronous standby",
  skip: (g) =>
    g.have.has("isr-replication")
      ? "the log's records are replicated through the in-sync replica set, not a majority vote; consensus lives in the controller that picks leaders"
      : g.singlePrimary
        ? `${g.singlePrimary}: that store's synchronous standby and its failover keep every acknowledged write, so the design runs no majority vote of its own over them`
        : undefined,
  examples: {
    kept: ["Design a key-value store."],
    dropped: [
      "Design a distributed message queue like Kafka.",
      "Design a payment orchestration layer that sends each charge to one of four card processors.",
    ],
  },
});
