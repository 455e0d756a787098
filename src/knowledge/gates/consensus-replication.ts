import { defineGate } from "./define.js";

export default defineGate({
  mechanism: "consensus-replication",
  needs: "records that are not already replicated through an in-sync replica set",
  skip: (g) =>
    g.have.has("isr-replication")
      ? "the log's records are replicated through the in-sync replica set, not a majority vote; consensus lives in the controller that picks leaders"
      : undefined,
  examples: { kept: ["Design a payment system."], dropped: ["Design a distributed message queue like Kafka."] },
});
