import type { DecisionPoint } from "../../decisions/types.js";

/** The decision points: each trade-off, what its options buy and cost, when each wins, and the rules that pick one. */
export const decisions: DecisionPoint[] = [
  {
    id: "i01-replication",
    question: "How do the replicas agree on the metadata log?",
    options: [
      {
        id: "majority-consensus",
        name: "leader-based consensus with majority quorums (Raft, ZAB, Multi-Paxos)",
        buys: "a single agreed order of writes; an acknowledged write survives the loss of any minority of replicas; linearizable reads through the leader",
        costs:
          "every write goes through one leader and waits for a majority round trip; a minority partition cannot write",
        winsWhen:
          "other systems act on these facts (leaders, locks, shard maps), so a fork or a lost write is a correctness bug",
        implies: {
          addMechanisms: ["consensus-replication", "leader-election", "epoch-term"],
          removeMechanisms: ["async-replication"],
        },
      },
      {
        id: "async-primary",
        name: "one primary with asynchronous replicas",
        buys: "lower write latency and a simpler deployment",
        costs:
          "writes acknowledged just before a failover are lost, and without fencing two nodes can both believe they are primary",
        winsWhen:
          "the metadata is advisory: stale or lost updates are tolerable (eventual consistency, best-effort durability)",
        wins: [
          { nfr: "consistency", in: ["eventual"], stated: true },
          { nfr: "durability", in: ["best-effort"], stated: true },
        ],
        implies: { addMechanisms: ["async-replication"], removeMechanisms: ["consensus-replication"] },
      },
    ],
    rules: [
      {
        when: [{ nfr: "consistency", in: ["linearizable"] }],
        option: "majority-consensus",
        because: "the facts must be linearizable",
      },
      {
        when: [{ nfr: "availability", in: ["fail-closed"] }],
        option: "majority-consensus",
        because: "the store must refuse rather than fork",
      },
      {
        when: [
          { nfr: "consistency", in: ["eventual"] },
          { nfr: "durability", in: ["best-effort"] },
        ],
        option: "async-primary",
        because: "stale and lost metadata are both acceptable here",
      },
    ],
    fallback: {
      option: "majority-consensus",
      because: "coordination facts must not fork, whatever the prompt leaves unsaid",
    },
  },
  {
    id: "i01-groups",
    question: "One consensus group for the whole key space, or many?",
    options: [
      {
        id: "single-group",
        name: "one consensus group",
        buys: "one total order over every key, so multi-key transactions and watches from a single revision are trivial",
        costs: "write throughput is capped by one leader",
        winsWhen: "the leader runs well below its write capacity",
      },
      {
        id: "sharded-groups",
        name: "the key space split across many consensus groups (multi-Raft)",
        buys: "write throughput grows with the number of groups",
        costs: "no cross-group order or atomicity without a two-phase protocol; a shard map to keep and rebalance",
        winsWhen: "one leader would run above about half of its write capacity",
        wins: [{ number: "consensus_groups", atLeast: 2 }],
        implies: { addMechanisms: ["range-lease"] },
      },
    ],
    rules: [
      {
        when: [{ nfr: "ordering", in: ["global"] }],
        option: "single-group",
        because: "a single global order is required",
      },
      {
        when: [{ number: "consensus_groups", atLeast: 2 }],
        option: "sharded-groups",
        because: "one leader would run above its planned share of capacity",
      },
    ],
    fallback: { option: "single-group", because: "the metadata load leaves one leader plenty of headroom" },
  },
];
