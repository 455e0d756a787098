import type { DecisionPoint } from "../../decisions/types.js";
import { LEDGER_DECISIONS } from "./ledger.js";
import { SQL_DECISIONS } from "./sql.js";

/** The decision points: each trade-off, what its options buy and cost, when each wins, and the rules that pick one. */
export const decisions: DecisionPoint[] = [
  {
    id: "i16-replication",
    // behind a look-aside cache the database's own replication is not the design's subject (the cache tier is); a
    // ledger's shards are each a leader with synchronous replicas, and its decision is the step across shards
    unlessTopic: ["cache-aside", "ledger", "distributed-sql"],
    question: "Leader-based replication per shard, or leaderless quorums (Dynamo-style)?",
    options: [
      {
        id: "leader-based",
        // how many followers hold a write before it is acknowledged is i16-ack's question, not this one's
        name: "one leader per shard that orders every write to its keys",
        buys: "each key's writes land in one order with no conflicts to resolve, and reads at the leader see the latest write",
        costs: "a shard cannot take writes while its leader fails over; writes go to the leader's region",
        winsWhen: "a read must see the latest write, or writes must never conflict",
        implies: {
          addMechanisms: ["consensus-replication", "leader-election"],
          removeMechanisms: ["quorum-read-write", "anti-entropy-repair"],
          // each key range has one leader: a Raft group per region in TiKV, a transaction system that orders
          // commits in FoundationDB, a Multi-Paxos leader per partition in DynamoDB (the card's rows)
          preferTechnology: ["TiKV", "FoundationDB", "DynamoDB"],
          draws: ["Leader write with a majority commit", "get", "put"],
          excludes: ["hinted handoff", "sloppy quorum", "wait W\\b", "R \\+ W > N"],
        },
      },
      {
        id: "leaderless",
        name: "leaderless replication with N/R/W quorums, hinted handoff and read repair",
        buys: "any replica accepts writes, so writes continue through node failures and partitions",
        costs: "concurrent writes conflict (version vectors or last-writer-wins), and replicas need anti-entropy",
        winsWhen: "writes must always be accepted and eventual consistency is acceptable",
        implies: {
          addMechanisms: ["quorum-read-write", "anti-entropy-repair"],
          removeMechanisms: ["consensus-replication", "leader-election"],
          // Cassandra is masterless: any node coordinates a write to all replicas and waits for the consistency
          // level's count (Apache Cassandra docs, architecture/dynamo); ScyllaDB keeps the same model
          preferTechnology: ["Cassandra", "ScyllaDB"],
          draws: ["Quorum write with hinted handoff", "anti-entropy", "HintedWrite", "quorum get", "quorum put"],
        },
      },
    ],
    rules: [
      {
        when: [{ nfr: "consistency", in: ["linearizable"] }],
        option: "leader-based",
        because: "reads must see the latest write",
      },
      {
        when: [{ nfr: "availability", in: ["fail-closed"] }],
        option: "leader-based",
        because: "writes must be refused rather than conflict",
      },
      {
        when: [
          { nfr: "availability", in: ["stay-available"], stated: true },
          { nfr: "consistency", in: ["eventual", "read-your-writes"] },
        ],
        option: "leaderless",
        because:
          "the prompt asks for writes to be accepted even when replicas are cut off, and eventual consistency is allowed",
      },
      {
        when: [
          { regionsAtLeast: 2 },
          { nfr: "availability", in: ["stay-available"] },
          { nfr: "consistency", in: ["eventual"] },
        ],
        option: "leaderless",
        because: "every region must take writes locally and eventual consistency is allowed",
      },
    ],
    fallback: {
      option: "leader-based",
      because: "no stated need to accept writes during partitions, and one leader per shard avoids conflicts",
    },
  },
  {
    id: "i16-ack",
    // behind a look-aside cache the database's own replication is not the design's subject (the cache tier is)
    unlessTopic: ["cache-aside", "ledger", "distributed-sql"],
    question: "Acknowledge a write after replicas confirm it (synchronous), or after the first copy (asynchronous)?",
    options: [
      {
        id: "sync",
        name: "synchronous to a majority (or all in-region replicas)",
        buys: "an acknowledged write survives a node loss",
        costs: "write latency of the slowest replica in the quorum; across regions, a wide-area round trip",
        winsWhen: "acknowledged writes must survive failures",
        wins: [{ nfr: "durability", in: ["durable"] }],
        // the leader's write waits for a majority only when acknowledgements are synchronous
        implies: { draws: ["Leader write with a majority commit"] },
      },
      {
        id: "async",
        name: "asynchronous replication",
        buys: "the lowest write latency",
        costs: "writes acknowledged just before a failure are lost; replicas serve stale reads",
        winsWhen:
          "losing the latest writes is acceptable, because the state is a copy whose origin still holds every write",
        wins: [{ nfr: "durability", in: ["best-effort"] }],
        // a leader that acknowledges before its replicas is a primary with followers, not a majority commit
        implies: { addMechanisms: ["async-replication"], removeMechanisms: ["consensus-replication"] },
      },
    ],
    rules: [
      {
        when: [{ nfr: "consistency", in: ["linearizable"] }],
        option: "sync",
        because: "reads must see acknowledged writes",
      },
      { when: [{ nfr: "durability", in: ["best-effort"] }], option: "async", because: "durability is best-effort" },
    ],
    fallback: { option: "sync", because: "an acknowledged write is expected to survive" },
  },
  {
    id: "i16-partitioning",
    // a distributed SQL database keeps ordered key ranges by its nature (tables are scanned in key order)
    unlessTopic: "distributed-sql",
    question: "Partition keys by hash or by range?",
    options: [
      {
        id: "hash",
        name: "consistent hashing of the key",
        buys: "even spread and little data movement when nodes join",
        costs: "no efficient range scans",
        winsWhen: "every access names one key",
        implies: { addMechanisms: ["consistent-hashing"] },
      },
      {
        id: "range",
        name: "ordered key ranges that split when they grow",
        buys: "range scans and prefix queries",
        costs: "sequential keys (timestamps) pile onto one range",
        winsWhen: "readers scan key ranges",
        implies: { addMechanisms: ["range-lease"] },
      },
    ],
    rules: [],
    fallback: { option: "hash", because: "each read and write names one key, so an even spread matters most" },
  },
  ...LEDGER_DECISIONS,
  ...SQL_DECISIONS,
];
