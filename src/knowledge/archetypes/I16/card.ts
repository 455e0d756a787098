import type { ArchetypeInput } from "../../schema.js";
import { keptBy } from "../../topics.js";
import {
  AUTH_BOTTLENECKS,
  AUTH_ENTITIES,
  AUTH_FAILURES,
  AUTH_INVARIANTS,
  AUTH_KEPT_BY,
  AUTH_READS,
  AUTH_SCOPES,
  AUTH_SIGNED_OUT,
  AUTH_TECHNOLOGIES,
  AUTH_WRITES,
} from "./auth.js";
import {
  AUTHZ_BOTTLENECKS,
  AUTHZ_ENTITIES,
  AUTHZ_FAILURES,
  AUTHZ_INVARIANTS,
  AUTHZ_KEPT_BY,
  AUTHZ_READS,
  AUTHZ_SCOPES,
  AUTHZ_SILHOUETTE,
  AUTHZ_TECHNOLOGIES,
  AUTHZ_WRITES,
} from "./authz.js";
import {
  CART_BOTTLENECKS,
  CART_ENTITIES,
  CART_FAILURES,
  CART_INVARIANTS,
  CART_KEPT_BY,
  CART_READS,
  CART_SCOPES,
  CART_TECHNOLOGIES,
  CART_WRITES,
} from "./cart.js";
import {
  ENGINE_BOTTLENECKS,
  ENGINE_ENTITIES,
  ENGINE_FAILURES,
  ENGINE_INVARIANTS,
  ENGINE_KEPT_BY,
  ENGINE_READS,
  ENGINE_SCOPES,
  ENGINE_SILHOUETTE,
  ENGINE_TECHNOLOGIES,
  ENGINE_WRITES,
} from "./engine.js";
import {
  LEDGER_BOTTLENECKS,
  LEDGER_ENTITIES,
  LEDGER_FAILURES,
  LEDGER_INVARIANTS,
  LEDGER_READS,
  LEDGER_SCOPES,
  LEDGER_TECHNOLOGIES,
  LEDGER_WRITES,
} from "./ledger.js";
import {
  KVC_BOTTLENECKS,
  KVC_ENTITIES,
  KVC_FAILURES,
  KVC_INVARIANTS,
  KVC_READS,
  KVC_SCOPES,
  KVC_TECHNOLOGIES,
  KVC_WRITES,
} from "./memcache.js";
import {
  OTP_BOTTLENECKS,
  OTP_ENTITIES,
  OTP_FAILURES,
  OTP_INVARIANTS,
  OTP_KEPT_BY,
  OTP_READS,
  OTP_SCOPES,
  OTP_TECHNOLOGIES,
  OTP_WRITES,
} from "./otp.js";
import {
  SECRETS_BOTTLENECKS,
  SECRETS_ENTITIES,
  SECRETS_FAILURES,
  SECRETS_INVARIANTS,
  SECRETS_KEPT_BY,
  SECRETS_READS,
  SECRETS_SCOPES,
  SECRETS_TECHNOLOGIES,
  SECRETS_WRITES,
} from "./secrets.js";
import {
  REVOKED_NEVER_ACCEPTED,
  SESSION_ENTITIES,
  SESSION_FAILURES,
  SESSION_INVARIANTS,
  SESSION_REVOKE_WORDS,
  SESSION_WRITES,
} from "./session.js";
import {
  SQL_BOTTLENECKS,
  SQL_ENTITIES,
  SQL_FAILURES,
  SQL_INVARIANTS,
  SQL_READS,
  SQL_SCOPES,
  SQL_TECHNOLOGIES,
  SQL_WRITES,
} from "./sql.js";
import { MAPLESS_SUBJECTS, OWN_STORE_SUBJECTS } from "./subjects.js";
import { protocols } from "./topology.js";

/** A store behind a cache deletes plainly; replicated tombstones belong to a store that is its own system of record. */
const TOMBSTONE_OUTLIVES =
  "A deleted key stays deleted: a Tombstone outlives the longest replica outage plus the repair cycle, so no returning replica resurrects the value.";

/** Where a cache tier fronts the store, the store is the system of record the cache copies. */
const DATABASE_OF_RECORD =
  "A KeyValue in the database stays the system of record the cache only copies: a write commits here first and then deletes the cached copy, so a miss always refills from a value the database holds and no cached value outlives the write that replaced it by more than its TTL.";

/** One replica group writes each key range per map epoch: a key-value store's rule and a sharded ledger's alike. */
const PARTITION_EPOCH = "For a given PartitionMap epoch, exactly one replica group accepts writes for each key range.";

/** The key-value store's own rules. */
const KV_INVARIANTS = [
  DATABASE_OF_RECORD,
  "An acknowledged write is stored on at least the configured number of replicas and is never silently dropped afterwards.",
  "For each key, versions only move forward on every replica; an older version never replaces a newer one.",
  "A conditional write applies only when KeyValue.version still equals the version the caller read.",
  TOMBSTONE_OUTLIVES,
  PARTITION_EPOCH,
  "A KeyValue read through the partition leader returns the latest acknowledged write; a leaderless read promises only what its quorum overlaps, and concurrent versions are resolved by the conflict rule the design states, never dropped unnoticed.",
];

export const card = {
  id: "I16",
  name: "Key-Scoped Mutable State / Replicated KV",
  summary:
    "This archetype stores mutable values addressed by key, where every read and write names one key and keys are independent of each other: sessions, profiles, counters, cached objects, feature state. " +
    "Its authoritative state is the partitioned set of key-value records with a version per key, replicated within each shard's replica group, plus the partition map that says which nodes own which keys. " +
    "The core correctness concern is per-key: no lost updates under concurrent writers, no acknowledged write lost on failover, no resurrected deletes, and reads whose staleness matches what the caller was promised. " +
    "Typical systems are leaderless Dynamo-style stores with hinted handoff, Merkle-tree anti-entropy, gossip membership and LSM storage engines (Amazon's Dynamo and Riak, whose sloppy quorums let stand-in nodes acknowledge a write; Cassandra, whose consistency levels count only a key's own replicas, a coordinator's hint counting only at ANY); leader-per-partition stores (DynamoDB, whose partitions each run a Multi-Paxos replication group and split when hot or large; TiKV, whose ordered ranges each run a Raft group); ordered transactional stores (FoundationDB, which orders every commit through one sequencer and logs it on several transaction log servers before answering); and in-memory stores and caches (Redis, Memcached).",
  roles: ["truth", "derived"],
  signals: {
    phrases: [
      { text: "key value store", weight: 1.0 },
      { text: "distributed cache", weight: 1.0 },
      { text: "session store", weight: 1.0 },
      { text: "key value", weight: 0.8 },
      { text: "session state", weight: 0.7 },
      { text: "in memory store", weight: 0.6 },
      { text: "get put", weight: 0.6 },
      { text: "store keyed", weight: 0.5 },
      { text: "key lookup", weight: 0.6 },
      { text: "profile store", weight: 0.6 },
      { text: "distributed counter", weight: 0.8 },
      { text: "counter", weight: 0.35 },
      { text: "replicate across data center", weight: 0.5 },
      { text: "geo replicated", weight: 0.4 },
      { text: "tunable consistency", weight: 0.8 },
      { text: "quorum read write", weight: 0.6 },
      { text: "sloppy quorum", weight: 0.8 },
      { text: "hinted handoff", weight: 0.8 },
      { text: "read repair", weight: 0.6 },
      { text: "anti entropy", weight: 0.5 },
      { text: "merkle tree", weight: 0.4 },
      { text: "vector clock", weight: 0.7 },
      { text: "last writer wins", weight: 0.6 },
      { text: "conflict resolution", weight: 0.4 },
      { text: "consistent hashing", weight: 0.5 },
      { text: "hot key", weight: 0.5 },
      { text: "eviction", weight: 0.5 },
      { text: "lru", weight: 0.5 },
      { text: "ttl", weight: 0.4 },
      { text: "eventual consistency", weight: 0.4 },
      { text: "read your writes", weight: 0.4 },
      { text: "wide column", weight: 0.7 },
      { text: "lsm tree", weight: 0.5 },
      { text: "compare and swap", weight: 0.4 },
      { text: "crdt", weight: 0.4 },
    ],
    systems: [
      { name: "DynamoDB", aliases: ["Amazon DynamoDB", "AWS DynamoDB"], weight: 1.0 },
      { name: "Amazon Dynamo", aliases: ["Dynamo"], weight: 1.0 },
      { name: "Cassandra", aliases: ["Apache Cassandra"], weight: 1.0 },
      { name: "Riak", aliases: ["Riak KV"], weight: 1.0 },
      { name: "ScyllaDB", aliases: ["Scylla"], weight: 0.9 },
      { name: "Aerospike", aliases: [], weight: 0.9 },
      { name: "TiKV", aliases: [], weight: 0.9 },
      { name: "FoundationDB", aliases: [], weight: 0.8 },
      { name: "Project Voldemort", aliases: ["Voldemort"], weight: 0.8 },
      { name: "Couchbase", aliases: [], weight: 0.7 },
      { name: "Bigtable", aliases: ["Google Bigtable", "Cloud Bigtable"], weight: 0.7 },
      { name: "HBase", aliases: ["Apache HBase"], weight: 0.7 },
      {
        name: "Redis",
        aliases: ["Redis Cluster"],
        weight: 0.9,
        sharedBecause:
          "Redis is a key-value store (I16) that is equally used as a cache in front of an origin (I07), as rate-limit counter state (I08), and as a TTL-based presence store (I10)",
      },
      {
        name: "Valkey",
        aliases: [],
        weight: 0.8,
        sharedBecause: "Valkey is the Redis fork and plays the same key-value (I16) and cache (I07) roles",
      },
      {
        name: "Memcached",
        aliases: [],
        weight: 0.8,
        sharedBecause:
          "Memcached is an in-memory key-value store (I16) used almost only as a look-aside cache for an origin (I07)",
      },
      {
        name: "Hazelcast",
        aliases: [],
        weight: 0.6,
        sharedBecause: "Hazelcast is a partitioned in-memory key-value grid (I16) commonly used as a cache (I07)",
      },
      { name: "Spanner", aliases: ["Google Spanner", "Cloud Spanner"], weight: 0.8 },
      { name: "CockroachDB", aliases: ["Cockroach DB"], weight: 0.8 },
      { name: "TiDB", aliases: [], weight: 0.7 },
      { name: "MongoDB", aliases: ["Mongo"], weight: 0.6 },
      { name: "Vitess", aliases: [], weight: 0.6 },
    ],
  },
  entities: [
    {
      unlessTopic: [...OWN_STORE_SUBJECTS],
      name: "KeyValue",
      description:
        "The record for one key: value, version (counter, timestamp or vector clock), optional expiry, and a deleted flag when it is a tombstone; a leaderless store may hold several concurrent siblings until a read or the client reconciles them.",
      truth: true,
      topicDescriptions: [
        {
          topic: "cache-aside",
          description:
            "The database's record for one key: value, a version the database bumps on every committed write, and an optional expiry; it is the system of record that every cache miss reads and every write commits to before the cached copy is deleted.",
        },
      ],
    },
    // a ledger's account is its first truth where the key-value record is left out, so its fail-closed stance is the
    // design's (engine/stance.ts ownedAuthority)
    ...LEDGER_ENTITIES,
    ...SQL_ENTITIES,
    ...KVC_ENTITIES,
    ...AUTH_ENTITIES,
    ...SESSION_ENTITIES,
    ...SECRETS_ENTITIES,
    ...CART_ENTITIES,
    ...OTP_ENTITIES,
    ...AUTHZ_ENTITIES,
    ...ENGINE_ENTITIES,
    {
      name: "PartitionMap",
      // the database a cache tier fronts is given: its own partition map is not part of the cache's design
      unlessTopic: [...MAPLESS_SUBJECTS, "cache-aside"],
      description:
        "Which replica group owns each key range or hash slot, with an epoch that changes whenever ownership moves.",
      truth: true,
    },
    {
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
      name: "Replica",
      description: "One node's copy of a shard's keys together with how far it has applied the shard's writes.",
      truth: false,
    },
    {
      name: "Tombstone",
      // a session store's tombstone is its logout (session.ts), drawn even where a cache fronts it
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache", "login-session"],
      description:
        "A delete marker kept for a grace period so replicas that missed the delete learn of it instead of bringing the old value back.",
      truth: false,
    },
    {
      name: "HintedWrite",
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache"],
      description:
        "A write held by a stand-in node for a replica that was unreachable, handed back when that replica returns.",
      truth: false,
    },
  ],
  writePaths: [
    {
      // behind a cache tier every write is the database's commit followed by the copy's delete
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
      action: "blind put of a value where the newest write may simply replace the old one",
      entity: "KeyValue",
      shape: "overwrite current value",
      mechanism: "lww-overwrite",
    },
    {
      // behind a cache tier, the database's write is the one the cache's correctness hangs on: commit, then
      // delete the copy (a delete is idempotent, where a set from the writer could race a slower fill)
      topic: "cache-aside",
      action: "commit the write in the database, then delete the cached copy so the next miss refills it",
      entity: "KeyValue",
      shape: "overwrite current value",
      mechanism: "cache-invalidation",
      critical: true,
    },
    {
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
      action: "conditional put naming the version the caller read (read-modify-write of a session or profile)",
      entity: "KeyValue",
      shape: "overwrite current value",
      mechanism: "versioned-overwrite",
      critical: true,
    },
    {
      action: "atomic increment or decrement of a counter on the owning shard",
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
      entity: "KeyValue",
      shape: "overwrite current value",
      mechanism: "atomic-counter",
    },
    {
      action:
        "replicate each write to the key's replicas, acknowledging after W of N or after the leader's quorum commit",
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
      entity: "Replica",
      shape: "async process",
      mechanism: "quorum-read-write",
      hidden: true,
      critical: true,
    },
    {
      unlessTopic: [...OWN_STORE_SUBJECTS, "login-session"],
      action: "delete a key by writing a tombstone that replicates like any other write",
      entity: "Tombstone",
      shape: "create target",
      mechanism: "tombstones",
      critical: true,
    },
    {
      unlessTopic: [...OWN_STORE_SUBJECTS],
      action: "expire keys whose time-to-live has passed",
      entity: "KeyValue",
      shape: "state transition",
      mechanism: "ttl-expiry",
      hidden: true,
    },
    {
      unlessTopic: [...OWN_STORE_SUBJECTS],
      action:
        "hold writes for an unreachable replica (hinted handoff) and repair divergent replicas in the background by comparing Merkle trees of key ranges",
      entity: "HintedWrite",
      shape: "async process",
      mechanism: "anti-entropy-repair",
      hidden: true,
    },
    {
      unlessTopic: [...MAPLESS_SUBJECTS, "cache-aside"],
      action:
        "move or split key ranges when nodes join or leave or a partition grows hot or large, bumping the map epoch",
      entity: "PartitionMap",
      shape: "state transition",
      mechanism: "consistent-hashing",
      hidden: true,
      critical: true,
    },
    ...LEDGER_WRITES,
    ...SQL_WRITES,
    ...KVC_WRITES,
    ...AUTH_WRITES,
    ...SESSION_WRITES,
    ...SECRETS_WRITES,
    ...CART_WRITES,
    ...OTP_WRITES,
    ...AUTHZ_WRITES,
    ...ENGINE_WRITES,
  ],
  readPaths: [
    {
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
      action: "get a key from its partition leader, or from a strict read quorum (R + W > N) in a leaderless store",
      entity: "KeyValue",
      shape: "read source",
      staleness:
        "none through a leader that holds its lease; a strict quorum read overlaps the last write quorum, but sloppy quorums, hinted handoff, concurrent writes and last-writer-wins clock skew can still return an older or a sibling value",
    },
    {
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
      action: "get a key from the nearest replica or a follower",
      entity: "Replica",
      shape: "read projection",
      staleness:
        "behind by the replication lag: milliseconds in one region, the cross-region round trip plus backlog across regions",
      // Raft's read index; TiKV's follower read waits until the follower's applied index reaches the read index it
      // got from the leader (docs.pingcap.com, Follower Read: strongly consistent reads from followers)
      linearizable: {
        staleness:
          "none: the follower first gets the leader's commit index (a read index) and answers once it has applied that far",
        because:
          "consistency is linearizable, so a follower answers only after it has applied every write the leader had committed when the read began (a read index, as TiKV's follower read does): it takes the read's work off the leader, not the round trip to it",
      },
    },
    {
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
      action: "route a request to the key's owner using the client's cached partition map",
      entity: "PartitionMap",
      shape: "read projection",
      staleness:
        "may lag ownership moves; the node answers moved or wrong epoch and the client refreshes the map and resends",
    },
    {
      // behind a cache tier the read is the cache's: a hit from the node that owns the key, a miss filled from the
      // database of record under a fill lease, so the copy trails the database by at most the invalidation path
      topic: "cache-aside",
      action: "get a key from the cache node that owns it, filling it from the database on a miss under a fill lease",
      entity: "KeyValue",
      shape: "read projection",
      staleness:
        "behind the database by at most the invalidation path (commit log, tailer, delete), with the time-to-live as the backstop if a delete is lost",
    },
    ...LEDGER_READS,
    ...SQL_READS,
    ...KVC_READS,
    ...AUTH_READS,
    ...SECRETS_READS,
    ...CART_READS,
    ...OTP_READS,
    ...AUTHZ_READS,
    ...ENGINE_READS,
  ],
  protocols,
  invariants: [
    ...KV_INVARIANTS,
    ...LEDGER_INVARIANTS,
    ...SQL_INVARIANTS,
    ...KVC_INVARIANTS,
    ...AUTH_INVARIANTS,
    ...SESSION_INVARIANTS,
    ...SECRETS_INVARIANTS,
    ...CART_INVARIANTS,
    ...OTP_INVARIANTS,
    ...AUTHZ_INVARIANTS,
    ...ENGINE_INVARIANTS,
  ],
  // a key-value store's own rules hold where the subject is not a ledger of accounts, the ledger's only where it is
  invariantTopics: [
    {
      statement: TOMBSTONE_OUTLIVES,
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache", "login-session"],
    },
    // a session store's delete is a logout: its rule names the session and the repair window (session.ts)
    {
      statement: REVOKED_NEVER_ACCEPTED,
      topic: "login-session",
      unlessTopic: [...OWN_STORE_SUBJECTS],
      keptBy: "tombstones",
      says: SESSION_REVOKE_WORDS,
    },
    { statement: DATABASE_OF_RECORD, topic: "cache-aside" },
    {
      statement: PARTITION_EPOCH,
      unlessTopic: [...MAPLESS_SUBJECTS, "cache-aside"],
    },
    // behind a cache tier the database's own replication, conditional writes and read promises are given, not designed
    ...KV_INVARIANTS.filter((x) => x !== TOMBSTONE_OUTLIVES && x !== DATABASE_OF_RECORD && x !== PARTITION_EPOCH).map(
      (statement) => ({
        statement,
        unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"] as const,
      }),
    ),
    ...LEDGER_INVARIANTS.map((statement) => ({ statement, topic: "ledger" as const })),
    ...SQL_INVARIANTS.map((statement) => ({ statement, topic: "distributed-sql" as const })),
    ...KVC_INVARIANTS.map((statement) => ({ statement, topic: "kv-cache" as const })),
    ...AUTH_INVARIANTS.map((statement) => ({
      statement,
      topic: "auth" as const,
      ...keptBy(statement, AUTH_KEPT_BY),
      ...(statement === AUTH_SIGNED_OUT ? { says: SESSION_REVOKE_WORDS } : {}),
    })),
    ...ENGINE_INVARIANTS.map((statement) => ({
      statement,
      topic: "storage-engine" as const,
      ...keptBy(statement, ENGINE_KEPT_BY),
    })),
    ...CART_INVARIANTS.map((statement) => ({
      statement,
      topic: "cart" as const,
      ...keptBy(statement, CART_KEPT_BY),
    })),
    ...OTP_INVARIANTS.map((statement) => ({
      statement,
      topic: "one-time-code" as const,
      ...keptBy(statement, OTP_KEPT_BY),
    })),
    ...SECRETS_INVARIANTS.map((statement) => ({
      statement,
      topic: "secrets" as const,
      ...keptBy(statement, SECRETS_KEPT_BY),
    })),
    ...AUTHZ_INVARIANTS.map((statement) => ({
      statement,
      topic: "relationship-authz" as const,
      ...keptBy(statement, AUTHZ_KEPT_BY),
    })),
  ],
  contract: {
    api: [
      "get(key, consistency) -> value, version | not_found",
      "put(key, value, ttl?) -> version",
      "putIf(key, value, expected_version) -> version | conflict",
      "delete(key, expected_version?) -> ok, recorded as a tombstone",
      "incr(key, delta, request_id?) -> new value",
      "scan(range or prefix, limit) -> ordered keys and values, on range-partitioned stores only",
    ],
    guarantees: [
      "Each single-key operation is atomic; several keys change together only where the store offers transactions.",
      "Consistency per request is a stated choice: linearizable per key through the partition leader (or a Paxos compare-and-set such as Cassandra's lightweight transactions), or eventual with last-writer-wins or sibling merge for availability; a leaderless quorum alone is not linearizable.",
      "Writes are durable at the stated replication factor once acknowledged, and expired keys disappear within a bounded delay.",
    ],
  },
  predicates: [
    {
      id: "lww-acceptable",
      unlessTopic: [...OWN_STORE_SUBJECTS],
      because:
        "much key-scoped state (a cached object, a session touch, a preference) tolerates the newest write winning",
    },
    {
      id: "stale-write-dangerous",
      topic: "ledger",
      because:
        "two debits of one account that both act on the balance they read would together take it below its limit without a check in the debit's own transaction",
    },
    {
      id: "stale-write-dangerous",
      unlessTopic: [...OWN_STORE_SUBJECTS],
      because:
        "two clients doing read-modify-write on the same session or profile silently drop one update without a version check",
    },
    {
      id: "stale-write-dangerous",
      topic: "distributed-sql",
      because:
        "two transactions that read a row and write from what they read would lose one update unless the read locks are held until commit",
    },
    {
      id: "multi-object",
      topic: "distributed-sql",
      because: "a transaction writes rows of several key ranges that must change together or not at all",
    },
    {
      id: "quorum-truth",
      unlessTopic: ["kv-cache", "cache-aside", "secrets", "cart", "relationship-authz", "storage-engine"],
      because: "when the store is the system of record, an acknowledged write must survive losing a replica",
    },
    {
      id: "derived-read",
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
      because: "follower, nearest-replica and cache-mode reads serve copies that lag the key's latest write",
    },
    {
      id: "duplicate-retry-matters",
      unlessTopic: ["kv-cache", "cache-aside", "secrets", "cart", "relationship-authz", "storage-engine"],
      because:
        "a retried increment or append to a value applies twice unless it carries a request id or is made idempotent",
    },
  ],
  failures: [
    {
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
      failure:
        "Lost update: two clients read the same key, modify it and write back, and the second write erases the first",
      role: "truth",
      prevention:
        "Use a conditional put on the version, or a server-side atomic operation, instead of client read-modify-write",
      repair:
        "The loser gets a conflict, re-reads and reapplies; stores that keep siblings merge them on the next read",
    },
    {
      unlessTopic: ["cache-aside", "kv-cache", "auth", "secrets", "cart", "relationship-authz", "storage-engine"],
      failure:
        "Acknowledged before durable: the leader acknowledges, fails before replicating, and the promoted replica lacks the write",
      role: "truth",
      prevention: "Acknowledge only after W replicas or a quorum commit, with the write-ahead log synced to disk",
      repair:
        "Promote only a replica that holds every acknowledged write; a write that was never acknowledged is retried by the client under its request id",
    },
    {
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
      failure: "Stale read: a lagging replica answers right after the caller's own write, without that write",
      role: "truth",
      prevention:
        "Read from the leader or a quorum for keys that drive decisions, or pin a session to its writer for read-your-writes",
      // one leader per shard: a follower replays the leader's log; leaderless: a read that sees replicas disagree
      // writes the newest version back (the Dynamo paper's read repair); the decision keeps the chosen one's clause
      repair:
        "A lagging follower catches up by applying the rest of the shard's log from its leader's commit point; in a leaderless store, read repair updates the lagging replica when the divergence is seen",
    },
    {
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
      failure:
        "A sloppy quorum acknowledges a write on stand-in nodes during a partition, so a later strict quorum read of the home replicas misses it",
      role: "truth",
      // Dynamo (SOSP 2007) section 4.6: stand-ins count toward a sloppy quorum, so read and write sets need not meet;
      // Cassandra's docs ("Hinted handoff"): a hint counts toward no consistency level but ANY, so its quorums stay strict
      prevention:
        "A sloppy quorum voids the overlap R + W > N promises, since stand-ins count toward W; where a read must see the last acknowledged write, count only a key's home replicas (strict quorums, as Cassandra's consistency levels do), or read through the partition leader or a Paxos compare-and-set",
      repair:
        "Hinted handoff delivers the stand-in's copy when the home replica returns, and Merkle-tree anti-entropy finds whatever the hints missed",
    },
    {
      failure:
        "Resurrected delete: a replica that was offline while the tombstone existed brings the deleted value back",
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache", "login-session"],
      role: "truth",
      // a returning follower replays the shard's log (or a snapshot) from its leader, tombstones included; a leaderless
      // store has no such log and relies on anti-entropy (Merkle-tree) repair: the decision keeps the chosen clause
      prevention:
        "Keep tombstones longer than the maximum replica downtime, and have a returning replica catch up before it serves; in a leaderless store, run full anti-entropy repair within that window",
      repair:
        "Delete again with a newer version; in a leaderless store, run anti-entropy repair first so every replica holds the tombstone",
    },
    {
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
      failure: "Lost newer write: last-writer-wins drops a newer write because the writer's clock was behind",
      role: "truth",
      prevention:
        "Have the store assign versions or hybrid logical clock timestamps, and use conditional writes where order matters",
      repair:
        "Nothing restores the dropped value afterwards, so keys that cannot tolerate it must move to versioned writes",
    },
    {
      failure:
        "Double count: a client retries an increment after a timeout whose first attempt had succeeded, and it counts twice",
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
      role: "truth",
      prevention:
        "Attach a request id remembered per key for a window, or keep a per-node counter merged as a mergeable data type",
      repair: "Recount from the source events where they exist, otherwise accept and bound the drift",
    },
    {
      // the failure domain a store of record is placed over: one replica of each range per zone (DynamoDB spreads a
      // partition's replicas over availability zones; Cassandra's NetworkTopologyStrategy places replicas on
      // distinct racks, which map to zones in a cloud), so the survivors of one zone's loss keep a majority
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache", "cache-aside"],
      failure:
        "Zone loss: a whole availability zone goes down at once, taking one replica of every key range and the nodes it hosted",
      role: "truth",
      prevention:
        "Place each key range's replicas in distinct zones (N = 3 over three zones), so the two left hold a majority of every range, and keep nodes under two-thirds of their capacity so two zones carry the whole load",
      repair:
        "Ranges whose leader was in the lost zone elect a new one among the survivors after the election timeout; re-create the lost zone's replicas on the surviving zones' nodes, throttled, before a second loss can leave a range without its majority",
    },
    {
      failure: "Early eviction: memory pressure evicts a session or value while it is still needed",
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache"],
      role: "derived",
      prevention:
        "Size memory for the working set, exclude the session keyspace from eviction, and enable persistence where loss hurts",
      repair: "Rebuild the value from the origin or make the user sign in again",
    },
    ...LEDGER_FAILURES,
    ...SQL_FAILURES,
    ...KVC_FAILURES,
    ...AUTH_FAILURES,
    ...SESSION_FAILURES,
    ...SECRETS_FAILURES,
    ...CART_FAILURES,
    ...OTP_FAILURES,
    ...AUTHZ_FAILURES,
    ...ENGINE_FAILURES,
  ],
  bottlenecks: [
    {
      unlessTopic: [...OWN_STORE_SUBJECTS],
      bottleneck: "Hot key: one key or shard takes far more than its share of traffic",
      mitigation:
        "Serve hot reads from replicas or a client-side cache, split hot counters into sub-keys summed on read, and add salt to skewed keys",
      // the hot key's own load, not the even-spread average per partition, which no hot key is
      formula: {
        yields: "load on the hottest key",
        expression: "peak_requests_per_sec * hot_key_share",
        unit: "ops/s",
      },
    },
    {
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
      bottleneck: "Capacity: every value is stored once per replica",
      mitigation: "Add nodes through the partition map, compress values, and expire keys that no longer matter",
      formula: {
        yields: "storage nodes needed",
        expression: "objects * value_bytes * replicas / node_bytes",
        unit: "nodes",
      },
    },
    {
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
      bottleneck: "Replication write amplification across replicas and regions",
      mitigation: "Replicate across regions only the keyspaces that need it and batch replication streams",
      formula: {
        yields: "replica writes per second",
        expression: "writes_per_sec * replicas * regions",
        unit: "writes/s",
      },
    },
    {
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
      bottleneck: "Rebalancing when a node joins or leaves moves data while serving traffic",
      mitigation: "Use many virtual nodes per host so the move is spread thinly, and throttle streaming",
      formula: { yields: "bytes moved when one node joins", expression: "bytes_stored / nodes", unit: "B" },
    },
    ...LEDGER_BOTTLENECKS,
    ...SQL_BOTTLENECKS,
    ...KVC_BOTTLENECKS,
    ...AUTH_BOTTLENECKS,
    ...SECRETS_BOTTLENECKS,
    ...CART_BOTTLENECKS,
    ...OTP_BOTTLENECKS,
    ...AUTHZ_BOTTLENECKS,
    ...ENGINE_BOTTLENECKS,
  ],
  silhouette: {
    storage: "partitioned KV state store",
    coordination: "per-key overwrite, replication, TTL",
    serving: "direct key lookup",
  },
  topicSilhouettes: [
    AUTHZ_SILHOUETTE,
    ENGINE_SILHOUETTE,
    {
      topic: "cart",
      storage:
        "each shopper's cart as lines keyed by (cart, sku) with the request ids already applied, partitioned by cart id and replicated, a majority acknowledging each change",
      coordination:
        "every add or change is one transaction on its cart under the client's request id; a guest cart merges into the account's once at sign-in",
      serving: "consistent reads of the cart from its home on any device; prices and stock are re-checked at checkout",
    },
    {
      topic: "one-time-code",
      storage:
        "one record per destination and purpose holding a code's keyed hash, expiry, wrong guesses and used flag, partitioned by the destination's hash, a majority acknowledging each write, with send jobs beside it and send windows in memory",
      coordination:
        "a verify spends a code by one conditional write (unused, unexpired, under its attempt limit); an issue replaces the record and writes its send job in one transaction under the request id",
      serving:
        "codes go out through two providers from send jobs that carry the same code on every retry; a verify reads and spends at the record's home",
    },
    {
      topic: "secrets",
      storage:
        "secrets, their versions and every issued lease in one encrypted store replicated by a Raft log, sealed by a keyring under a root key the KMS wraps",
      coordination:
        "one active node writes every issue, renewal, revocation and rotation; expired leases are revoked at their targets by the expiry manager",
      serving:
        "performance standbys serve reads from their replica after confirming the active node's commit index, and log every answer to the audit devices",
    },
    {
      topic: "auth",
      storage:
        "accounts with their password hashes and reset tokens sharded by user id in one home region each, sessions in an in-memory store, attempt counters in sliding windows",
      coordination:
        "a reset token consumed by one conditional write in the transaction that sets the new hash and raises the credential version; attempts counted per account and per source before a hash is verified",
      serving: "a session checked by its id on every request, or a short-lived signed token checked by its signature",
    },
    {
      topic: "distributed-sql",
      storage:
        "rows of tables in ordered key ranges, each range a consensus group with replicas across regions, every row versioned by commit timestamp",
      coordination:
        "read locks and write locks at each range's leader, two-phase commit across ranges with the outcome logged through the coordinating group, and commit wait on a clock with bounded uncertainty",
      serving:
        "strong reads at the current timestamp and lock-free stale reads at a past one, from any replica caught up to it",
    },
    {
      topic: "ledger",
      storage:
        "accounts, their journal lines and the transfers they send, sharded by account id, each shard a replicated group",
      coordination:
        "a checked debit and an idempotent credit, each one local transaction, joined across shards by a transfer record (or two-phase commit), and a reconciliation that sums the journal",
      serving: "balance and transfer status from the account's shard leader",
    },
  ],
  technologies: [
    {
      unlessTopic: [...OWN_STORE_SUBJECTS],
      product: "DynamoDB",
      layer: "storage",
      fits: "Managed partitioned key-value store whose partitions each replicate through a Multi-Paxos leader, with conditional writes, transactions, TTL and optional strongly consistent reads",
      suits: ["durable", "elastic-scale", "low-latency", "operational-simplicity"],
      poorFor: ["rich-queries", "low-cost"],
      caveat:
        "Each partition has a throughput ceiling, so hot keys throttle; global tables in their default eventual mode settle concurrent cross-region writes by last writer wins, while the multi-Region strong consistency mode (three Regions, or two and a witness) acknowledges a write only once another Region holds it and refuses one that conflicts with a write in another Region",
    },
    {
      unlessTopic: [...OWN_STORE_SUBJECTS],
      product: "Cassandra or ScyllaDB",
      layer: "storage",
      fits: "Leaderless LSM-based replication with tunable quorums, hinted handoff, gossip membership and Merkle-tree repair across racks and regions",
      suits: ["high-throughput", "multi-region", "stay-available", "eventual", "durable"],
      poorFor: ["operational-simplicity", "rich-queries"],
      caveat:
        "Plain writes resolve conflicts by timestamp, so skewed clocks drop writes; linearizable compare-and-set exists only through lightweight transactions (a Paxos round per write, several times the latency), and delete-heavy workloads pile up tombstones that slow reads",
    },
    {
      unlessTopic: [...OWN_STORE_SUBJECTS],
      product: "Redis Cluster",
      layer: "serving",
      fits: "In-memory hash-slot sharding with atomic operations, TTLs and sub-millisecond latency",
      suits: ["low-latency", "high-throughput"],
      poorFor: ["durable", "linearizable"],
      caveat:
        "Replication is asynchronous, so a failover can lose acknowledged writes; treat it as the record only when that is accepted",
    },
    {
      unlessTopic: [...OWN_STORE_SUBJECTS],
      product: "TiKV or FoundationDB",
      layer: "storage",
      // TiDB docs (TiKV Overview): each region is a Raft group, a write succeeds once a majority holds it; FoundationDB
      // docs (Architecture): a commit is answered once logged on several transaction log servers, and Paxos runs only
      // among the coordinators to elect the cluster controller, never per transaction (knowledge/product-facts.ts)
      fits: "Ordered key ranges with multi-key serializable transactions and range scans; a commit is answered only once several machines hold it (a Raft majority per range in TiKV, several transaction log servers in FoundationDB)",
      suits: ["linearizable", "durable", "ordering"],
      poorFor: ["low-cost", "multi-region"],
      caveat:
        "Transactions add latency and have size and duration limits, so large values and long transactions must be split",
    },
    {
      unlessTopic: [...OWN_STORE_SUBJECTS],
      product: "Memcached",
      layer: "serving",
      fits: "Simple multi-threaded in-memory cache addressed by client-side consistent hashing",
      suits: ["low-latency", "high-throughput", "operational-simplicity"],
      poorFor: ["durable", "linearizable"],
      caveat: "No replication or persistence: any node loss drops its keys, so it only ever holds copies",
    },
    {
      unlessTopic: [...OWN_STORE_SUBJECTS],
      product: "RocksDB as the per-node storage engine",
      layer: "storage",
      fits: "An embedded LSM tree (memtable, write-ahead log, sorted runs compacted in the background) that the nodes of a self-built store use under their own replication",
      suits: ["high-throughput", "durable", "low-latency"],
      poorFor: ["multi-region", "operational-simplicity"],
      caveat:
        "It stores one node's data only: partitioning, replication, repair and membership are the rest of the design, and compaction needs tuning to bound write and space amplification",
    },
    ...LEDGER_TECHNOLOGIES,
    ...SQL_TECHNOLOGIES,
    ...KVC_TECHNOLOGIES,
    ...AUTH_TECHNOLOGIES,
    ...SECRETS_TECHNOLOGIES,
    ...CART_TECHNOLOGIES,
    ...OTP_TECHNOLOGIES,
    ...AUTHZ_TECHNOLOGIES,
    ...ENGINE_TECHNOLOGIES,
  ],
  connections: [
    {
      to: "I01",
      role: "substrate",
      why: "the partition map and shard leadership are kept on a consensus store so two groups never own the same range",
    },
    {
      to: "I10",
      role: "input",
      why: "node failure detection and membership decide when to hand off writes, move ranges, or promote a replica",
    },
    {
      to: "I07",
      role: "decorator",
      why: "used as a cache, the store gains look-aside fill, invalidation and stampede control in front of an origin",
    },
    {
      to: "I05",
      role: "output",
      why: "a change stream of key updates feeds projections, search indexes and cross-region replication",
    },
  ],
  /** The NFR stance a design takes when the prompt is silent, and where ordering, exclusivity and coordination hold. */
  topicScopes: [
    LEDGER_SCOPES,
    SQL_SCOPES,
    KVC_SCOPES,
    AUTH_SCOPES,
    SECRETS_SCOPES,
    CART_SCOPES,
    OTP_SCOPES,
    AUTHZ_SCOPES,
    ENGINE_SCOPES,
  ],
  stance: {
    consistency: "eventual",
    availability: "stay-available",
    delivery: "at-least-once",
    ordering: "per-key",
    durability: "durable",
    because:
      "key-scoped reads keep being served by any replica, a short replication lag behind; whether a shard cut off from some of its replicas still takes writes is the replication decision's (i16-replication), never assumed here; reads that must see the latest write are a stated opt-in",
    scopes: {
      ordering: { scope: "key", why: "writes to one key are ordered by version; keys are independent" },
      exclusivity: {
        scope: "shard",
        // two clauses, one per i16-replication option: the option not chosen drops its clause (`implies.excludes`)
        why: "a shard's replica group takes every write for its keys; one leader per shard orders them; under leaderless quorums any replica of the group coordinates a write and the conflict rule settles concurrent ones",
      },
      coordination: { scope: "replica group", why: "each shard is replicated within its replica group" },
    },
  },
} satisfies ArchetypeInput;
