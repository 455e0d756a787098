import type { ArchetypeInput } from "../schema.js";

export const I16 = {
  id: "I16",
  name: "Key-Scoped Mutable State / Replicated KV",
  summary:
    "State addressed by key, overwritten in place and replicated across nodes: sessions, user profiles, counters, feature state, cached objects held as the primary copy. The authoritative state is the current value and version of each key on its owning shard and replicas. The core concern is per-key correctness under concurrent writers and replication: which write wins, how stale a replica read may be, and what survives a node loss. Distributed caches and key-value stores such as Redis, Memcached, DynamoDB, Cassandra and Riak follow this shape.",
  roles: ["truth"],
  signals: {
    phrases: [
      { text: "key value store", weight: 1 },
      { text: "distributed cache", weight: 0.9 },
      { text: "session store", weight: 1 },
      { text: "distributed counter", weight: 0.8 },
      { text: "counter service", weight: 0.7 },
      { text: "profile store", weight: 0.8 },
      { text: "keyed by", weight: 0.6 },
      { text: "key value", weight: 0.8 },
      { text: "get put", weight: 0.6 },
      { text: "in memory cache", weight: 0.8 },
      { text: "cache cluster", weight: 0.8 },
      { text: "replicated key value", weight: 1 },
      { text: "last writer wins", weight: 0.6 },
      { text: "consistent hashing", weight: 0.5 },
      { text: "ttl", weight: 0.35 },
      { text: "user session", weight: 0.6 },
      { text: "shopping cart store", weight: 0.6 },
      { text: "page view count", weight: 0.6 },
      { text: "view counter", weight: 0.6 },
      { text: "like counter", weight: 0.5 },
      { text: "wide column", weight: 0.6 },
      { text: "nosql", weight: 0.6 },
      { text: "quorum read write", weight: 0.6 },
      { text: "hot key", weight: 0.4 },
      { text: "replicates across data center", weight: 0.5 },
      { text: "feature store", weight: 0.4 },
    ],
    systems: [
      { name: "Redis", aliases: ["Redis Cluster"], weight: 0.9, sharedBecause: "Redis is mostly used as key-scoped state (I16) but also as a budget store for rate limiting (I08) and as a cache in front of an origin (I07)" },
      { name: "Memcached", aliases: ["memcache"], weight: 1, sharedBecause: "Memcached is a key-value cache cluster (I16) usually deployed in front of a database (I07)" },
      { name: "DynamoDB", aliases: ["Amazon DynamoDB", "Dynamo"], weight: 1 },
      { name: "Cassandra", aliases: ["Apache Cassandra"], weight: 1 },
      { name: "Riak", aliases: [], weight: 1 },
      { name: "ScyllaDB", aliases: ["Scylla"], weight: 1 },
      { name: "Aerospike", aliases: [], weight: 1 },
      { name: "FoundationDB", aliases: [], weight: 0.8 },
    ],
  },
  entities: [
    { name: "KeyValue", description: "The current value of a key with its version (or timestamp / vector clock) and optional expiry.", truth: true },
    { name: "Shard", description: "A range or hash bucket of keys owned by one replica group.", truth: false },
    { name: "ReplicaState", description: "Which replicas hold which versions, used for repair and read routing.", truth: false },
    { name: "Tombstone", description: "A marker that a key was deleted, kept until every replica has seen it.", truth: false },
  ],
  writePaths: [
    { action: "put key", entity: "KeyValue", shape: "overwrite current value", mechanism: "versioned-overwrite", critical: true },
    { action: "increment counter", entity: "KeyValue", shape: "overwrite current value", mechanism: "atomic-counter", critical: true },
    { action: "delete key", entity: "Tombstone", shape: "create target", mechanism: "tombstones" },
    { action: "replicate write", entity: "ReplicaState", shape: "async process", mechanism: "async-replication", hidden: true },
    { action: "repair divergent replicas", entity: "ReplicaState", shape: "async process", mechanism: "anti-entropy-repair", hidden: true },
  ],
  readPaths: [
    { action: "get key", entity: "KeyValue", shape: "read source", staleness: "from the owner: none; from a replica: up to the replication lag" },
  ],
  protocols: [
    {
      name: "versioned put",
      notation:
        "client[put {KeyValue.version = expected}] -> owner[write] -> replica[replicate {version newer than stored}] |-> client[retry {version conflict}] => done | retry",
    },
    {
      name: "quorum read with repair",
      notation: "client[get] -> coordinator[read R replicas] -> coordinator[pick newest version] |-> coordinator[repair {replica older}] => done | repair",
    },
  ],
  invariants: [
    "A write acknowledged for a KeyValue is not lost when one replica fails.",
    "Replicas of a KeyValue converge to the same version once writes stop.",
    "A conditional put succeeds only if the KeyValue still has the version the caller read.",
    "A deleted key does not reappear from a stale replica: its Tombstone outlives replica lag.",
  ],
  contract: {
    api: [
      "get(key, consistency) -> value, version | not found",
      "put(key, value, expected version?, ttl?) -> new version | conflict",
      "delete(key) -> ok",
      "increment(key, delta) -> new value",
    ],
    guarantees: ["per-key ordering of writes by version", "tunable read consistency: owner or quorum for fresh reads, nearest replica for fast reads"],
  },
  predicates: [
    { id: "stale-write-dangerous", because: "read-modify-write on a key can overwrite a concurrent update" },
    { id: "lww-acceptable", because: "for sessions and caches the newest write may simply win" },
    { id: "derived-read", because: "replica reads serve a copy that may lag" },
  ],
  failures: [
    { failure: "two clients overwrite the same key concurrently and one update is lost", role: "truth", prevention: "conditional puts on version, or atomic server-side operations", repair: "the losing client re-reads and re-applies its change" },
    { failure: "a replica serves a stale value after a failover", role: "truth", prevention: "quorum reads and writes where freshness matters (R + W > N)", repair: "read repair and anti-entropy bring the replica up to date" },
    { failure: "a write is acknowledged by one node that dies before replicating", role: "truth", prevention: "acknowledge after W replicas hold the write", repair: "hinted handoff or re-replication from survivors" },
    { failure: "a deleted key is resurrected by a replica that missed the delete", role: "truth", prevention: "tombstones kept longer than the longest repair interval", repair: "anti-entropy propagates the tombstone" },
    { failure: "a hot key overloads its shard", role: "truth", prevention: "detect hot keys and spread them (replicated reads, split counters)", repair: "add a local cache tier for the key" },
  ],
  bottlenecks: [
    {
      bottleneck: "a hot key concentrates load on one shard",
      mitigation: "replicate hot reads, shard counters into sub-keys summed on read, add a near cache",
      formula: { yields: "requests per shard per second on even spread", expression: "requests_per_sec / partitions", unit: "req/s" },
    },
    {
      bottleneck: "memory per node for the working set",
      mitigation: "shard across more nodes, evict with TTLs, keep large values elsewhere",
      formula: { yields: "memory needed across replicas", expression: "objects * object_bytes * replicas", unit: "B" },
    },
    {
      bottleneck: "cross-region replication of every write",
      mitigation: "home each key in one region, replicate asynchronously, accept last-writer-wins where the business allows",
      formula: { yields: "replicated writes per second", expression: "writes_per_sec * (regions - 1)", unit: "writes/s" },
    },
  ],
  silhouette: {
    storage: "partitioned KV state store",
    coordination: "per-key overwrite, replication, TTL",
    serving: "direct key lookup",
  },
  technologies: [
    { product: "Redis Cluster", layer: "serving", fits: "in-memory sharded KV with atomic operations and TTLs", suits: ["low-latency", "high-throughput", "operational-simplicity"], poorFor: ["durable", "linearizable", "multi-region"], caveat: "asynchronous replication can lose acknowledged writes on failover" },
    { product: "DynamoDB", layer: "storage", fits: "managed partitioned KV with conditional writes and global tables", suits: ["durable", "elastic-scale", "multi-region", "operational-simplicity"], poorFor: ["low-cost", "rich-queries"], caveat: "global tables resolve conflicts by last writer wins" },
    { product: "Cassandra", layer: "storage", fits: "leaderless wide-column store with tunable quorums and multi-datacenter replication", suits: ["high-throughput", "multi-region", "stay-available", "eventual", "durable"], poorFor: ["linearizable", "operational-simplicity"], caveat: "lightweight transactions are slow; tombstone buildup needs care" },
    { product: "etcd", layer: "coordination", fits: "small linearizable KV when keys are few and must be exact", suits: ["linearizable", "small-metadata"], poorFor: ["high-throughput", "large-objects"], caveat: "not meant for bulk user data" },
    { product: "Memcached", layer: "serving", fits: "simple volatile cache cluster with client-side hashing", suits: ["low-latency", "high-throughput", "low-cost"], poorFor: ["durable", "linearizable"], caveat: "no replication or persistence: a lost node is a cold cache" },
  ],
  connections: [
    { to: "I07", role: "output", why: "as a cache it holds projections of an origin, needing invalidation and TTLs" },
    { to: "I10", role: "decorator", why: "cluster membership and failure detection decide which nodes own which keys" },
    { to: "I06", role: "output", why: "aggregates such as counters can be projected from an event stream" },
    { to: "I01", role: "substrate", why: "shard maps and leadership may be kept in a consensus store" },
  ],
} satisfies ArchetypeInput;
