import type { DecisionPoint } from "../../decisions/types.js";
import { TOPIC_WORDS } from "../../topics.js";

/** The words that bound a crawl per site (the topic "polite-site"), quoted by the choice they make. */
const SITE_SCOPE_WORDS = TOPIC_WORDS["polite-site"];

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
    // a crawl polite per site: the unit is the registrable domain, so the frontier is split by it, never by host name
    id: "i04-crawl-site-partitioning",
    topic: "polite-site",
    question: "Partition the URL frontier by site (registrable domain), by host, or by hash of the URL?",
    options: [
      {
        id: "by-site",
        name: "by hash of the site's registrable domain",
        buys: "every host of a site (shop.example.co.uk, www.example.co.uk) lands in the one partition that holds the site's politeness state, so one fetch in flight per site and its delay are local state, with no lock or shared counter",
        costs:
          "a very large site with many hosts is one partition's work, and reducing a host name to its site needs a current copy of the Public Suffix List",
        winsWhen: "the prompt bounds fetches per site, domain or website, so all of a site's hosts share one budget",
        implies: { addMechanisms: ["consistent-hashing"] },
      },
      {
        id: "by-host-name",
        name: "by hash of the host name",
        buys: "no suffix list to keep: a host name is its own key, and each host's robots.txt sits with its budget",
        costs:
          "the hosts of one site hash to different partitions, so each gets its own budget and a site with ten hosts is hit ten times as often as the bound allows, unless a shared per-site budget is consulted on every fetch",
        winsWhen: "the prompt bounds fetches per host or per server, not per site",
      },
      {
        id: "by-url",
        name: "by hash of the URL",
        buys: "even load however the URLs are spread over sites",
        costs:
          "a site's URLs sit in every partition, so politeness needs a shared per-site budget every fetch must consult, and it fails open or stalls when that budget is unreachable",
        winsWhen: "the targets are our own and take any load, so no per-site limit applies",
        wins: [{ words: String.raw`\b(?:our own|internal) (?:sites?|websites?|pages|domains?)\b` }],
      },
    ],
    rules: [
      {
        when: [{ words: SITE_SCOPE_WORDS }],
        option: "by-site",
        because:
          "the prompt bounds fetches per site, and a site is its registrable domain (the public suffix plus one label), so every host of it must draw on one budget held by one owner",
      },
    ],
    fallback: { option: "by-site", because: "the prompt bounds a crawl's fetches per site" },
  },
  {
    id: "i04-crawl-partitioning",
    topic: "crawl",
    unlessTopic: "polite-site",
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
