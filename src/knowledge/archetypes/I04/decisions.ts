import type { DecisionPoint } from "../../decisions/types.js";

/** The decision points: each trade-off, what its options buy and cost, when each wins, and the rules that pick one. */
export const decisions: DecisionPoint[] = [
  {
    id: "i04-partitioning",
    // a crawl of other people's hosts asks its own question (i04-crawl-partitioning)
    unlessTopic: "crawl",
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
        implies: {
          addMechanisms: ["sharded-frontier", "consistent-hashing"],
          names: [{ component: "frontier-db", name: "Frontier store (partitioned by hash of the item key)" }],
        },
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
        when: [{ invariant: String.raw`\brobots\.txt\b` }],
        option: "priority",
        because:
          "a web crawl never ends: pages change at very different rates, so each is refetched by its own change rate",
      },
      {
        when: [{ number: "items", atLeast: 100000000 }],
        option: "priority",
        because: "the set is too large to refresh evenly",
      },
    ],
    fallback: { option: "fixed-period", because: "the set fits one pass per period" },
  },
  {
    id: "i04-crawl-partitioning",
    topic: "crawl",
    question: "Partition the URL frontier by host, or by hash of the URL?",
    options: [
      {
        id: "by-host",
        name: "by hash of the host name",
        buys: "the owning partition alone decides when a host is fetched next, so one fetch in flight and the delay are local state, with no lock or shared counter",
        costs:
          "a very large site is one partition's work, and moving a partition must carry its hosts' politeness state",
        winsWhen: "per-host politeness is the rule to keep, which it is for any crawl of other people's sites",
        implies: { addMechanisms: ["consistent-hashing"] },
      },
      {
        id: "by-url",
        name: "by hash of the URL",
        buys: "even load however the URLs are spread over hosts",
        costs:
          "a host's URLs sit in every partition, so politeness needs a shared per-host budget every fetch must consult, and it fails open or stalls when that budget is unreachable",
        winsWhen: "the targets are our own and take any load, so no per-host limit applies",
        // the prompt fetches its own sites
        wins: [{ words: String.raw`\b(?:our own|internal) (?:sites?|websites?|pages|domains?)\b` }],
      },
    ],
    rules: [
      {
        when: [{ invariant: String.raw`\bone fetch in flight\b|\bmore than one fetch in flight\b` }],
        option: "by-host",
        because:
          "the design holds each host to one fetch in flight and a delay, which one owner per host keeps without coordination",
      },
    ],
    fallback: { option: "by-host", because: "a crawl of other people's sites is held to per-host politeness" },
  },
];
