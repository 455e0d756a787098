import type { AmbiguousSystem } from "./types.js";

const LOCK_CUES = [
  "lock",
  "mutex",
  "mutual exclusion",
  "lease",
  "only one",
  "leader election",
  "fencing",
  "once only",
  "only once",
  "never twice",
  "at most one",
  // Redis documents `SET key value NX EX ttl` (and the older SETNX) as its simple lock pattern, and Redlock as the
  // fault-tolerant one: a key set only if absent, with an expiry, guarding something is a lease.
  "nx",
  "setnx",
  "redlock",
];
const QUEUE_CUES = ["queue", "stream", "job", "background workers", "pub sub", "consumer", "broker", "publish"];
const LIMIT_CUES = ["rate limit", "throttle", "quota", "limit requests", "attempts per"];
const CONFIG_CUES = [
  "configuration",
  "feature flag",
  "setting",
  "reload",
  "distribute config",
  "key value config",
  "rollout",
  "push changes",
  "percentage",
];
/** Words saying a cache sits in front of an origin that stays authoritative (look-aside, I07). */
const LOOK_ASIDE_CUES = [
  "in front database",
  "in front of",
  "cache aside",
  "look aside",
  "hot reads",
  "cache results",
  "results queries",
  "expensive queries",
  "offload database",
];
const DISCOVERY_CUES = [
  "service discovery",
  "discovery",
  "health check",
  "registry",
  "membership",
  "register",
  "alive",
  "liveness",
  "heartbeat",
  "ephemeral",
];

/**
 * Written words right before a named system that make it where the designed system's data lands or comes from: a sink
 * or a source ("streams changes into Elasticsearch and Redis", "reads route tables from Consul"). The designed
 * system's own verbs before such a word ("streams", "publishes") say how data reaches the named system, not what it
 * is used as; only the noun moved (the word right before: "jobs into Redis") or words after the name ("into Redis
 * Streams") pick its use.
 */
export const FLOW_WORDS: readonly string[] = ["into", "onto", "to", "from"];
/** The flow words that make the named system a sink: where the data lands (its `sink` use, when it has one). */
export const SINK_WORDS: readonly string[] = ["into", "onto", "to"];
/** Written words that may stand between a flow word and the named system: articles, and a list's joins. */
export const FLOW_SKIPS: readonly string[] = ["a", "an", "the", "and", "or"];
/** How many other written words (a listed sibling: "into Elasticsearch and Redis") may stand there. */
export const FLOW_REACH = 3;

/**
 * An in-memory store the designed system writes its data into ("streams changes into Elasticsearch and Redis"): a
 * derived copy kept for fast reads, whose origin is elsewhere.
 */
const SINK_COPY = {
  use: "a derived copy kept for fast reads (the origin is elsewhere)",
  cues: [],
  targets: [{ id: "I07", weight: 0.9 }],
} as const;

/**
 * Named systems with several common uses. The name alone says which systems family is meant but
 * not which archetype; the rest of the prompt does (the evidence quotes the cue). These names are
 * recognised only through this table, so the archetypes' own system lists do not also count them.
 */
export const AMBIGUOUS_SYSTEMS: readonly AmbiguousSystem[] = [
  {
    name: "Redis",
    aliases: ["Valkey", "KeyDB"],
    weight: 0.9,
    default: {
      use: "an in-memory key-value store",
      cues: [],
      targets: [
        { id: "I16", weight: 0.9 },
        { id: "I07", weight: 0.4 },
      ],
    },
    uses: [
      { use: "a lock (SET NX with expiry, Redlock)", cues: LOCK_CUES, targets: [{ id: "I02", weight: 0.9 }] },
      {
        use: "a queue or stream (lists, Streams, pub/sub)",
        cues: QUEUE_CUES,
        targets: [{ id: "I05", weight: 0.9 }],
      },
      { use: "a rate-limit counter store", cues: LIMIT_CUES, targets: [{ id: "I08", weight: 0.9 }] },
      {
        use: "a distributed cache",
        cues: ["cache", "caching"],
        targets: [
          { id: "I16", weight: 0.9 },
          { id: "I07", weight: 0.6 },
        ],
      },
      {
        use: "a look-aside cache in front of a database (the database stays the origin)",
        cues: LOOK_ASIDE_CUES,
        targets: [
          { id: "I07", weight: 0.95 },
          { id: "I16", weight: 0.6 },
        ],
      },
      {
        use: "a session or key-value store",
        cues: ["session", "key value", "leaderboard", "counter"],
        targets: [{ id: "I16", weight: 0.9 }],
      },
    ],
    sink: SINK_COPY,
  },
  {
    name: "Memcached",
    aliases: ["memcache"],
    weight: 0.9,
    sink: SINK_COPY,
    default: {
      use: "a distributed in-memory cache",
      cues: [],
      targets: [
        { id: "I16", weight: 0.9 },
        { id: "I07", weight: 0.5 },
      ],
    },
    uses: [
      {
        use: "a look-aside cache in front of a database (the database stays the origin)",
        cues: LOOK_ASIDE_CUES,
        targets: [
          { id: "I07", weight: 0.95 },
          { id: "I16", weight: 0.6 },
        ],
      },
    ],
  },
  {
    name: "DynamoDB",
    aliases: ["Amazon DynamoDB", "AWS DynamoDB"],
    weight: 0.9,
    default: {
      use: "a partitioned, replicated key-value store",
      cues: [],
      targets: [{ id: "I16", weight: 0.9 }],
    },
    uses: [
      {
        use: "a lock or claim table (conditional writes on an owner and expiry)",
        cues: [...LOCK_CUES, "claims", "claim each", "conditional write", "conditional writes"],
        targets: [
          { id: "I02", weight: 0.9 },
          { id: "I16", weight: 0.5 },
        ],
      },
    ],
  },
  {
    name: "Consul",
    aliases: ["HashiCorp Consul"],
    weight: 0.8,
    default: {
      use: "service discovery with health checks",
      cues: [],
      targets: [{ id: "I10", weight: 0.8 }],
    },
    uses: [
      {
        use: "service discovery with health checks",
        cues: DISCOVERY_CUES,
        targets: [{ id: "I10", weight: 0.9 }],
      },
      {
        use: "a configuration store (its key-value store watched by services)",
        cues: CONFIG_CUES,
        targets: [{ id: "I11", weight: 0.85 }],
      },
      { use: "a lock or leader election (sessions)", cues: LOCK_CUES, targets: [{ id: "I02", weight: 0.85 }] },
    ],
    // Consul KV is a core feature of Consul whose main uses are configuration parameters and metadata
    // (developer.hashicorp.com, "Consul key/value (KV) store overview").
    parts: ["key value store", "key value", "kv store"],
  },
  {
    name: "ZooKeeper",
    aliases: ["Apache ZooKeeper", "Zookeeper-like"],
    weight: 0.9,
    default: {
      use: "a consensus-replicated coordination store",
      cues: [],
      targets: [
        { id: "I01", weight: 0.9 },
        { id: "I02", weight: 0.3 },
      ],
    },
    uses: [
      { use: "a lock or leader election recipe", cues: LOCK_CUES, targets: [{ id: "I02", weight: 0.85 }] },
      { use: "a membership registry (ephemeral nodes)", cues: DISCOVERY_CUES, targets: [{ id: "I10", weight: 0.7 }] },
      {
        use: "a coordination store",
        cues: ["coordination", "metadata", "consensus", "watch"],
        targets: [{ id: "I01", weight: 0.9 }],
      },
    ],
  },
  {
    name: "etcd",
    aliases: [],
    weight: 0.9,
    default: {
      use: "a Raft-replicated key-value store for cluster state",
      cues: [],
      targets: [{ id: "I01", weight: 0.9 }],
    },
    uses: [
      { use: "a lock or leader election (leases)", cues: LOCK_CUES, targets: [{ id: "I02", weight: 0.85 }] },
      {
        use: "the store for cluster state",
        cues: ["cluster state", "metadata", "watch", "kubernetes", "consensus", "coordination"],
        targets: [{ id: "I01", weight: 0.9 }],
      },
    ],
    parts: ["key value store", "key value", "kv store"],
  },
  {
    name: "NGINX",
    aliases: ["nginx plus"],
    weight: 0.9,
    default: {
      use: "a reverse proxy and load balancer",
      cues: [],
      targets: [{ id: "I17", weight: 0.9 }],
    },
    uses: [
      {
        use: "a caching proxy (proxy_cache keeps responses from the upstream servers)",
        cues: ["cache", "caches", "caching", "cached", "proxy cache"],
        targets: [
          { id: "I07", weight: 0.95 },
          { id: "I17", weight: 0.5 },
        ],
      },
      {
        use: "a request rate limiter (limit_req, a leaky bucket per key)",
        cues: [...LIMIT_CUES, "limit each", "requests per second", "per client"],
        targets: [
          { id: "I08", weight: 0.9 },
          { id: "I17", weight: 0.5 },
        ],
      },
    ],
  },
  {
    name: "Elasticsearch",
    aliases: ["elastic search"],
    weight: 0.9,
    default: {
      use: "a full-text search index",
      cues: [],
      targets: [{ id: "I06", weight: 0.9 }],
    },
    uses: [
      {
        use: "a log store for observability (the ELK stack: logs shipped in, dashboards and alerts on top)",
        cues: ["logs", "log lines", "application logs", "error lines", "observability", "kibana", "logstash", "elk"],
        targets: [
          { id: "I18", weight: 0.9 },
          { id: "I06", weight: 0.4 },
        ],
      },
    ],
  },
  {
    name: "Cloudflare",
    aliases: [],
    weight: 0.9,
    default: {
      use: "a CDN",
      cues: [],
      targets: [{ id: "I07", weight: 0.9 }],
    },
    uses: [
      {
        use: "edge rate limiting rules",
        cues: LIMIT_CUES,
        targets: [
          { id: "I08", weight: 0.9 },
          { id: "I07", weight: 0.3 },
        ],
      },
      {
        use: "a global load balancer (pools, health monitors, traffic steering)",
        cues: ["load balancer", "load balancing", "failover", "healthy region", "health monitor", "steer", "steering"],
        targets: [
          { id: "I17", weight: 0.9 },
          { id: "I07", weight: 0.3 },
        ],
      },
    ],
  },
  {
    // Temporal runs durable workflows; its Schedules start a workflow at set times or intervals, in place of cron
    // (docs.temporal.io, "Schedules").
    name: "Temporal",
    aliases: ["Temporal.io"],
    weight: 1,
    default: {
      use: "a durable workflow engine (multi-step processes with retries)",
      cues: [],
      targets: [{ id: "I12", weight: 1 }],
    },
    uses: [
      {
        use: "a scheduler (Temporal Schedules start a workflow at set times or intervals, like cron)",
        cues: [
          "nightly",
          "every night",
          "every day",
          "each day",
          "every morning",
          "every month",
          "each month",
          "weekly",
          "cron",
          "schedule",
          "timer",
          "at midnight",
        ],
        targets: [
          { id: "I03", weight: 0.95 },
          { id: "I12", weight: 0.5 },
        ],
      },
    ],
  },
  {
    // Cassandra is a partitioned wide-column store; time-series tables are partitioned by source and time bucket
    // and compacted by time window (TimeWindowCompactionStrategy).
    name: "Cassandra",
    aliases: ["Apache Cassandra"],
    weight: 1,
    default: {
      use: "a partitioned, replicated key-value (wide-column) store",
      cues: [],
      targets: [{ id: "I16", weight: 1 }],
    },
    uses: [
      {
        use: "a time-series store (rows by source and time bucket)",
        cues: ["readings", "time series", "sensor", "sensors", "metrics", "samples", "measurements", "downsampling"],
        targets: [
          { id: "I18", weight: 0.9 },
          { id: "I16", weight: 0.4 },
        ],
      },
    ],
  },
  {
    // S3 is replicated object storage; with versioning and Object Lock (write once, read many) it keeps published
    // objects from being overwritten or deleted, and it is the usual origin behind a CDN.
    name: "Amazon S3",
    aliases: ["S3", "Simple Storage Service"],
    weight: 0.9,
    default: {
      use: "replicated object storage",
      cues: [],
      targets: [{ id: "I19", weight: 0.9 }],
    },
    uses: [
      {
        use: "the store under an immutable artifact namespace (versioned objects, Object Lock)",
        cues: [
          "immutable",
          "never change",
          "published",
          "build outputs",
          "artifact",
          "artifacts",
          "release",
          "registry",
          "digest",
          "object lock",
        ],
        targets: [
          { id: "I14", weight: 0.9 },
          { id: "I19", weight: 0.4 },
        ],
      },
      {
        use: "the origin behind a CDN (static files served from edge caches)",
        cues: ["cdn", "cloudfront", "static website", "edge cache", "edge caches"],
        targets: [
          { id: "I07", weight: 0.9 },
          { id: "I19", weight: 0.4 },
        ],
      },
    ],
  },
];
