import type { DecisionPoint } from "../../decisions/types.js";
import { WRITES_THROUGH_PARTITION } from "../../patterns.js";
import { AUTH_DECISIONS } from "./auth.js";
import { AUTHZ_DECISIONS } from "./authz.js";
import { CART_DECISIONS } from "./cart.js";
import { ENGINE_DECISIONS } from "./engine.js";
import { LEDGER_DECISIONS } from "./ledger.js";
import { KVC_DECISIONS } from "./memcache.js";
import { OTP_DECISIONS } from "./otp.js";
import { SECRETS_DECISIONS } from "./secrets.js";
import { SQL_DECISIONS } from "./sql.js";
import { MAPLESS_SUBJECTS, OWN_STORE_SUBJECTS } from "./subjects.js";

/** The decision points: each trade-off, what its options buy and cost, when each wins, and the rules that pick one. */
export const decisions: DecisionPoint[] = [
  {
    id: "i16-replication",
    // behind a look-aside cache the database's own replication is not the design's subject (the cache tier is); a
    // ledger's shards are each a leader with synchronous replicas, and its decision is the step across shards
    unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
    question: "Leader-based replication per shard, or leaderless quorums (Dynamo-style)?",
    options: [
      {
        id: "leader-based",
        // how many followers hold a write before it is acknowledged is i16-ack's question, not this one's
        name: "one leader per shard that orders every write to its keys",
        buys: "each key's writes land in one order with no conflicts to resolve, and reads at the leader see the latest write",
        costs: "a shard cannot take writes while its leader fails over; writes go to the leader's region",
        winsWhen: "a read must see the latest write, or writes must never conflict",
        wins: [{ nfr: "consistency", in: ["linearizable"], stated: true }],
        // one tablet server serves each Bigtable tablet (HBase: one region server per region); Spanner, CockroachDB
        // and TiKV elect a leader per range's Paxos or Raft group; DynamoDB a Multi-Paxos leader per partition
        usedBy: ["Bigtable", "HBase", "Spanner", "CockroachDB", "TiKV", "DynamoDB"],
        implies: {
          addMechanisms: ["consensus-replication", "leader-election"],
          removeMechanisms: ["quorum-read-write", "anti-entropy-repair"],
          // each key range has one leader: a Raft group per region in TiKV, one sequencer that orders every commit
          // in FoundationDB (logged on several transaction log servers, no consensus per write), a Multi-Paxos leader
          // per partition in DynamoDB (the card's rows)
          preferTechnology: ["TiKV", "FoundationDB", "DynamoDB"],
          // a write refused because the key's version moved on needs one place that orders the key's writes: the leader
          draws: ["Leader write with a majority commit", "get", "put", "Optimistic read-modify-write", "delete"],
          // ... nor siblings kept beside a value, read repair, a writer's clock deciding which write survives or R
          // replicas answering a read: each is the leaderless option's, said in a card row's clause of its own
          excludes: [
            "hinted handoff",
            "sloppy quorum",
            "wait W\\b",
            "R \\+ W > N",
            "\\bsiblings?\\b",
            "\\bread repair\\b",
            "\\bleaderless\\b",
            "\\bwriter's clock\\b",
            "\\bR replicas\\b",
          ],
        },
      },
      {
        id: "leaderless",
        name: "leaderless replication with N/R/W quorums, hinted handoff and read repair",
        buys: "any replica accepts writes, so writes continue through node failures and partitions",
        costs:
          "concurrent writes to one key can conflict and must be settled by version vectors or last-writer-wins, and replicas need anti-entropy",
        winsWhen: "writes must always be accepted and eventual consistency is acceptable",
        // availability stated as an NFR, or in the prompt's own words: writes taken through a partition
        wins: [
          { any: [{ nfr: "availability", in: ["stay-available"], stated: true }, { words: WRITES_THROUGH_PARTITION }] },
          { nfr: "consistency", in: ["eventual", "read-your-writes", "consistent-prefix"] },
        ],
        // Cassandra is masterless with tunable consistency levels (Cassandra docs, architecture/dynamo), as ScyllaDB is
        usedBy: ["Cassandra", "ScyllaDB"],
        implies: {
          addMechanisms: ["quorum-read-write", "anti-entropy-repair"],
          // no replica can refuse a write because the key's version moved on: any replica takes it, and a concurrent
          // one is merged afterwards (siblings, last writer or a CRDT), so there is no compare-and-set on a key
          removeMechanisms: ["consensus-replication", "leader-election", "versioned-overwrite"],
          // Cassandra is masterless: any node coordinates a write to all replicas and waits for the consistency
          // level's count (Apache Cassandra docs, architecture/dynamo); ScyllaDB keeps the same model
          preferTechnology: ["Cassandra", "ScyllaDB"],
          needs: ["leaderless-quorum"],
          draws: [
            "Quorum write with hinted handoff",
            "anti-entropy",
            "HintedWrite",
            "quorum get",
            "quorum put",
            "quorum delete",
          ],
          // ... and no leader acknowledges a write or is failed over to: a row about one is the leader-based option's
          excludes: [
            "\\bconditional write applies only when\\b",
            "\\bthe leader acknowledges\\b",
            "\\bfailover promotes a replica\\b",
            "\\bfrom its leader's\\b",
            "\\bwhose leader was\\b",
            // ... nor is a read served through a shard's leader, nor a leader said to order a shard's writes
            "\\bthrough the partition leader\\b",
            "\\bone leader per shard orders\\b",
            "\\bthrough a leader that holds its lease\\b",
          ],
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
      // a store the prompt names as its model replicates as that store does: Cassandra, ScyllaDB, Riak, Voldemort and
      // Amazon's Dynamo (the 2007 paper, not DynamoDB) are masterless, any node coordinating a write to the key's
      // replicas and waiting for the consistency level's count (Cassandra docs, architecture/dynamo)
      {
        when: [{ words: String.raw`\b(?:cassandra|scylla(?:db)?|riak|voldemort|dynamo)\b` }],
        option: "leaderless",
        because:
          "the prompt names a leaderless Dynamo-style store as its model, where any replica takes a key's writes and quorums decide",
      },
      // a product's features that keep their records in stores with one primary per shard (sharded MySQL or
      // PostgreSQL) already answer how writes replicate: through each shard's leader, shipped on to other regions
      {
        when: [{ featureStoreLacks: "leaderless-quorum" }],
        option: "leader-based",
        because:
          "the features keep their records in stores with one primary per shard, so each shard's writes go through its leader",
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
    unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
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
        implies: { draws: ["Leader write with a majority commit"], crossRegion: "sync" },
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
        implies: {
          addMechanisms: ["async-replication"],
          removeMechanisms: ["consensus-replication"],
          crossRegion: "async",
        },
      },
      {
        // active-active regions: each region's own quorum makes a write durable, and the other regions receive it
        // from a replication stream (Cassandra's LOCAL_QUORUM, DynamoDB global tables' background replication)
        id: "local-sync",
        name: "synchronous to a quorum in the writing region, asynchronous to the other regions",
        buys: "a write is acknowledged at in-region latency and survives a node or zone loss, while every region keeps taking writes",
        costs:
          "writes acknowledged in a region that is lost before they were shipped are lost with it (the recovery point is the cross-region replication lag), and regions disagree until the stream catches up",
        winsWhen: "several regions take writes and a read need not see the latest write made in another region",
        wins: [
          { regionsAtLeast: 2 },
          { nfr: "consistency", in: ["eventual", "read-your-writes", "consistent-prefix"] },
          { nfr: "durability", in: ["durable"] },
        ],
        implies: { draws: ["Leader write with a majority commit"], crossRegion: "async" },
      },
    ],
    rules: [
      {
        when: [{ nfr: "consistency", in: ["linearizable"] }],
        option: "sync",
        because: "reads must see acknowledged writes",
      },
      // "no acknowledged write is lost when one region goes down": a write acknowledged on one region's quorum and
      // shipped later dies with that region, so the quorum it waits for spans regions, whatever the read stance
      {
        when: [{ survives: ["region", "data centre"] }, { nfr: "durability", in: ["durable"], stated: true }],
        option: "sync",
        because:
          "an acknowledged write must outlive the loss of a whole region, so it is held in more than one region before it is acknowledged",
      },
      {
        when: [
          { regionsAtLeast: 2 },
          { nfr: "consistency", in: ["eventual", "read-your-writes", "consistent-prefix"] },
          { nfr: "durability", in: ["durable"] },
        ],
        option: "local-sync",
        because:
          "each region takes writes locally, so a write waits only for its own region's quorum and reaches the other regions asynchronously",
      },
      { when: [{ nfr: "durability", in: ["best-effort"] }], option: "async", because: "durability is best-effort" },
    ],
    fallback: { option: "sync", because: "an acknowledged write is expected to survive" },
  },
  {
    // a leaderless store accepts a key's writes at any replica, in any region: two of them can be concurrent, and no
    // replica can refuse one by version (no compare-and-set without a consensus round), so the design says how they merge
    id: "i16-conflicts",
    // asked only where i16-replication is (and chose leaderless): a ledger, distributed SQL or cache-aside design never is
    unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
    onlyWith: { point: "i16-replication", options: ["leaderless"] },
    question: "How do concurrent writes to one key, accepted by different replicas or regions, resolve?",
    options: [
      {
        id: "lww-hlc",
        name: "last-writer-wins per key on hybrid logical clock timestamps, ties broken by region id",
        key: String.raw`last[- ]writer[- ]wins|LWW`,
        buys: "one value per key and no merge code: every replica keeps the write with the highest timestamp, region id breaking ties, and all converge",
        costs:
          "one of two concurrent overwrites is discarded without a trace, and a replica whose clock runs ahead (within the clock's bound) wins writes that happened after it",
        winsWhen: "values are overwritten whole and losing one of two concurrent overwrites is acceptable",
        wins: [{ words: String.raw`\blast[- ]writer[- ]wins\b|\blww\b` }],
        implies: {
          addMechanisms: ["lww-overwrite"],
          // Cassandra reconciles two writes of one cell by their write timestamps, keeping the later (its docs,
          // architecture/dynamo); DynamoDB global tables resolve concurrent updates in different regions by last
          // writer wins (AWS developer guide, global tables: how it works)
          preferTechnology: ["Cassandra", "ScyllaDB"],
          needs: ["leaderless-quorum"],
        },
      },
      {
        id: "version-vectors",
        name: "version vectors per key: a write that does not descend from the stored version is kept beside it as a sibling, merged on read",
        key: String.raw`siblings?|version vectors?`,
        buys: "no concurrent write is lost: the store keeps every causally concurrent version until a read merges them",
        costs:
          "a read may return several siblings that the client or a stated merge function resolves, and the vectors grow with the writers (dotted version vectors bound them)",
        winsWhen: "no concurrent write may be discarded and the application can merge siblings",
        wins: [
          {
            words: String.raw`\bsiblings?\b|\b(?:version vectors?|vector clocks?)\b|\bnever (?:lose|drop|discard|overwrite) (?:a |an |any )?concurrent (?:write|update|edit)s?\b`,
          },
        ],
        // Riak tracks causal context (vector clocks, dotted version vectors) and keeps siblings when it cannot order
        // two writes (Riak KV docs, conflict resolution)
        implies: { removeMechanisms: ["lww-overwrite"], preferTechnology: ["Riak"] },
      },
      {
        id: "crdt",
        name: "CRDT values (counters, sets, maps, registers) that every replica merges the same way",
        key: String.raw`CRDTs?`,
        buys: "concurrent updates merge automatically and none is lost: increments add up, adds and removes of a set combine",
        costs: "only values modelled as those types merge so, and their metadata and tombstones grow the value",
        winsWhen: "the values are counters, sets or carts that concurrent writers change rather than overwrite",
        wins: [{ words: String.raw`\b(?:counters?|carts?|likes|votes|tallies)\b` }],
        // Riak's data types (counters, sets, maps, registers, flags) are CRDTs merged by the store (Riak KV docs)
        implies: {
          addMechanisms: ["crdt-merge"],
          preferTechnology: ["Riak"],
        },
      },
    ],
    rules: [],
    fallback: {
      option: "lww-hlc",
      because:
        "a replica resolves a conflict on its own, with no client merge: the write with the highest hybrid-logical-clock timestamp wins, region id breaking ties, which suits values overwritten whole",
    },
  },
  {
    id: "i16-partitioning",
    // a distributed SQL database keeps ordered key ranges by its nature (tables are scanned in key order)
    unlessTopic: [...MAPLESS_SUBJECTS, "distributed-sql"],
    question: "Partition keys by hash or by range?",
    options: [
      {
        id: "hash",
        name: "consistent hashing of the key",
        buys: "even spread and little data movement when nodes join",
        costs: "no efficient range scans",
        winsWhen: "every access names one key",
        // Cassandra's default Murmur3Partitioner hashes the partition key to a token on a ring (Cassandra docs,
        // "Dynamo" architecture page); DynamoDB hashes the partition key to pick its partition (DynamoDB API docs)
        usedBy: ["Cassandra", "ScyllaDB", "DynamoDB"],
        implies: { addMechanisms: ["consistent-hashing"] },
      },
      {
        id: "range",
        name: "ordered key ranges that split when they grow",
        buys: "range scans and prefix queries",
        costs: "sequential keys (timestamps) pile onto one range",
        winsWhen: "readers scan key ranges",
        // the prompt asks to scan key ranges
        wins: [
          {
            words: String.raw`\brange (?:scans?|queries|reads|lookups)\b|\bscan\w* (?:over |across )?(?:a |the )?(?:key )?ranges?\b|\bprefix (?:scans?|queries|lookups)\b|\b(?:ordered|sorted) scans?\b|\bscans? (?:in )?(?:key|sorted) order\b`,
          },
        ],
        // Bigtable keeps each table as tablets, row ranges that split as they grow (Bigtable paper, OSDI 2006), as
        // HBase does with regions; Spanner and CockroachDB split their key space into ranges that split by size and load
        usedBy: ["Bigtable", "HBase", "Spanner", "CockroachDB", "TiKV"],
        implies: { addMechanisms: ["range-lease"] },
      },
    ],
    rules: [],
    fallback: { option: "hash", because: "each read and write names one key, so an even spread matters most" },
  },
  ...LEDGER_DECISIONS,
  ...SQL_DECISIONS,
  ...KVC_DECISIONS,
  ...AUTH_DECISIONS,
  ...SECRETS_DECISIONS,
  ...CART_DECISIONS,
  ...OTP_DECISIONS,
  ...AUTHZ_DECISIONS,
  ...ENGINE_DECISIONS,
];
