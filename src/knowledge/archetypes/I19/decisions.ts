import type { DecisionPoint } from "../../decisions/types.js";

/** The decision points: each trade-off, what its options buy and cost, when each wins, and the rules that pick one. */
export const decisions: DecisionPoint[] = [
  {
    id: "i19-redundancy",
    question: "Replicate chunks, or erasure-code them?",
    options: [
      {
        id: "replication",
        name: "three full replicas",
        buys: "simple repair and fast reads from any copy",
        costs: "3x the raw bytes",
        winsWhen: "data is hot or the store is small",
        implies: { addMechanisms: ["replica-repair"] },
      },
      {
        id: "erasure-coding",
        name: "erasure coding (for example Reed-Solomon 6+3, 1.5x)",
        buys: "the same failure tolerance at about half the raw bytes",
        costs: "repair reads several chunks; small or hot reads pay decode latency",
        winsWhen: "petabytes of mostly cold data",
        implies: { addMechanisms: ["replica-repair"] },
      },
    ],
    rules: [
      { when: [{ latencyAtMost: 10 }], option: "replication", because: "a tight read-latency target" },
      {
        when: [{ number: "bytes_stored", atLeast: 1e15 }],
        option: "erasure-coding",
        because: "at a petabyte and more the raw-byte saving dominates",
      },
    ],
    fallback: { option: "replication", because: "the store is small enough that simplicity wins" },
  },
  {
    id: "i19-metadata",
    question: "One metadata master, or sharded metadata?",
    options: [
      {
        id: "single-master",
        name: "one replicated metadata master holding the namespace in memory (GFS-style)",
        buys: "simple, globally informed placement and repair",
        costs: "the namespace is bounded by one machine's memory and request rate",
        winsWhen: "the chunk count fits one machine's memory comfortably",
        implies: { addMechanisms: ["consensus-replication"] },
      },
      {
        id: "sharded-metadata",
        name: "metadata sharded across a distributed database (Colossus-style)",
        buys: "the namespace grows without a single-machine limit",
        costs: "cross-shard renames and listings become distributed operations",
        winsWhen: "billions of chunks",
        implies: { addMechanisms: ["consensus-replication", "range-lease"] },
      },
    ],
    rules: [
      {
        when: [{ number: "chunks", atLeast: 1e9 }],
        option: "sharded-metadata",
        because: "the chunk count outgrows one machine",
      },
    ],
    fallback: { option: "single-master", because: "the metadata fits one master's memory" },
  },
];
