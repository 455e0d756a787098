import type { DecisionPoint } from "../../decisions/types.js";

/** The decision points: each trade-off, what its options buy and cost, when each wins, and the rules that pick one. */
export const decisions: DecisionPoint[] = [
  {
    id: "i04-partitioning",
    question: "Split the frontier by key range (or host group), or by hash?",
    options: [
      {
        id: "range-or-host",
        name: "by key range or host group",
        buys: "a checkpoint is just the last key reached; one owner per host can enforce politeness",
        costs: "big ranges or hosts become hot and must be split",
        winsWhen: "per-range progress or per-host politeness matters more than perfectly even load",
        implies: { addMechanisms: ["range-lease", "scan-checkpoint"] },
      },
      {
        id: "hash",
        name: "by hash of the item key",
        buys: "even load without splitting",
        costs: "no ordered resumption; politeness per host needs cross-shard coordination",
        winsWhen: "the visit rate is high and items are independent",
        implies: { addMechanisms: ["sharded-frontier", "consistent-hashing"] },
      },
    ],
    rules: [
      {
        when: [{ number: "visits_per_sec", atLeast: 20000 }],
        option: "hash",
        because: "the visit rate needs an even spread",
      },
    ],
    fallback: {
      option: "range-or-host",
      because: "range checkpoints are simple and the visit rate does not force hashing",
    },
  },
  {
    id: "i04-revisit",
    question: "Revisit every item once per period, or by priority?",
    options: [
      {
        id: "fixed-period",
        name: "a fixed pass over every item each period",
        buys: "a simple, predictable schedule and a clear 'pass done' signal",
        costs: "visits are wasted on items that never change",
        winsWhen: "the whole set fits in one period's visit budget",
      },
      {
        id: "priority",
        name: "a priority frontier ordered by change rate and importance",
        buys: "freshness where it matters with fewer wasted visits",
        costs: "per-item change statistics and a priority queue instead of a scan",
        winsWhen: "the set is too large to revisit fully every period",
        implies: { addMechanisms: ["sharded-frontier"] },
      },
    ],
    rules: [
      {
        when: [{ number: "items", atLeast: 100000000 }],
        option: "priority",
        because: "the set is too large to refresh evenly",
      },
    ],
    fallback: { option: "fixed-period", because: "the set fits one pass per period" },
  },
];
