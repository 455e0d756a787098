import type { ArchetypeInput } from "../../schema.js";
import { keptBy } from "../../topics.js";
import {
  AGG_BOTTLENECKS,
  AGG_ENTITIES,
  AGG_FAILURES,
  AGG_INVARIANTS,
  AGG_READS,
  AGG_SCOPES,
  AGG_TECHNOLOGIES,
  AGG_WRITES,
  TOPK_INVARIANTS,
  TOPK_KEPT_BY,
} from "./aggregation.js";
import {
  CDC_CACHE_INVARIANTS,
  CDC_ENTITIES,
  CDC_FAILURES,
  CDC_INVARIANTS,
  CDC_KEPT_BY,
  CDC_MYSQL_INVARIANTS,
  CDC_READS,
  CDC_TECHNOLOGIES,
  CDC_WRITES,
} from "./cdc.js";
import {
  COUNTER_BOTTLENECKS,
  COUNTER_ENTITIES,
  COUNTER_FAILURES,
  COUNTER_INVARIANTS,
  COUNTER_READS,
  COUNTER_WRITES,
  REACTION_INVARIANTS,
  REACTION_SCOPES,
  REACTION_TECHNOLOGIES,
  REACTION_WRITES,
} from "./counter.js";
import {
  FRAUD_BOTTLENECKS,
  FRAUD_ENTITIES,
  FRAUD_FAILURES,
  FRAUD_INVARIANTS,
  FRAUD_KEPT_BY,
  FRAUD_READS,
  FRAUD_SCOPES,
  FRAUD_TECHNOLOGIES,
  FRAUD_WRITES,
} from "./fraud.js";
import {
  LB_BOTTLENECKS,
  LB_ENTITIES,
  LB_FAILURES,
  LB_INVARIANTS,
  LB_KEPT_BY,
  LB_READS,
  LB_SCOPES,
  LB_TECHNOLOGIES,
  LB_WRITES,
} from "./leaderboard.js";
import {
  STREAM_BOTTLENECKS,
  STREAM_ENTITIES,
  STREAM_FAILURES,
  STREAM_INVARIANTS,
  STREAM_KEPT_BY,
  STREAM_READS,
  STREAM_SCOPES,
  STREAM_TECHNOLOGIES,
  STREAM_WRITES,
} from "./stream.js";
import { protocols } from "./topology.js";
import {
  TA_BOTTLENECKS,
  TA_ENTITIES,
  TA_FAILURES,
  TA_INVARIANTS,
  TA_READS,
  TA_SCOPES,
  TA_TECHNOLOGIES,
  TA_WRITES,
} from "./typeahead.js";
import {
  VEC_BOTTLENECKS,
  VEC_ENTITIES,
  VEC_FAILURES,
  VEC_INVARIANTS,
  VEC_KEPT_BY,
  VEC_READS,
  VEC_SCOPES,
  VEC_SILHOUETTE,
  VEC_TECHNOLOGIES,
  VEC_WRITES,
} from "./vector.js";
import {
  WH_BOTTLENECKS,
  WH_ENTITIES,
  WH_FAILURES,
  WH_INVARIANTS,
  WH_KEPT_BY,
  WH_READS,
  WH_SCOPES,
  WH_TECHNOLOGIES,
  WH_WRITES,
} from "./warehouse.js";

/** The projection's own rules, which hold where the subject is not counting events in windows. */
const PROJECTION_INVARIANTS = [
  "An IndexDocument never moves to an older SourceRecord version than one it already reflects.",
  "A deleted SourceRecord never stays searchable past the lag bound, and a late earlier update never resurrects it.",
  "ProjectorCheckpoint never advances past a ChangeEvent whose index write has not been acknowledged.",
  "Every committed SourceRecord change appears in the ChangeEvent stream; no change commits without being captured.",
  "No write path reads the IndexDocument to decide a change to SourceRecord; the index can be dropped and rebuilt from the source at any time.",
];
const U = "aggregation" as const;
/** The rows of the record-by-record projection: neither a counting nor a typeahead design draws them. */
const BASE = [
  U,
  "typeahead",
  "vector-search",
  "leaderboard",
  "stream-processor",
  "cdc-warehouse",
  "fraud-scoring",
] as const;
/** The base rows a change-data-capture design replaces with its own (capture from the log, LSN-guarded apply, soft deletes). */
const NOT_CDC = [
  U,
  "typeahead",
  "vector-search",
  "leaderboard",
  "cdc",
  "stream-processor",
  "cdc-warehouse",
  "fraud-scoring",
] as const;

export const card = {
  id: "I06",
  name: "Projection / Index / Search Pipeline",
  summary:
    "Owns read-optimised copies derived from a system of record: search indexes, materialised views, secondary indexes, precomputed feeds and vector indexes. The authoritative state stays in the source records and their ordered change stream; the index is disposable and is rebuilt from them, with each projector keeping a checkpoint of how far it has applied. The core correctness concern is that every committed change, deletes included, reaches the projection exactly once in effect and in per-key order, so the copy is late at worst but never wrong, resurrected or silently missing data. Typical systems are Elasticsearch or OpenSearch fed by change data capture, CQRS read models, typeahead indexes and Flink or Kafka Streams materialisations.",
  roles: ["derived", "truth"],
  /** Runs work (FRAMEWORK.md §9), so the entry carries the runtime overlay. */
  runtime: true,
  signals: {
    phrases: [
      { text: "search index", weight: 1 },
      { text: "full text search", weight: 1 },
      { text: "inverted index", weight: 1 },
      { text: "materialized view", weight: 1 },
      { text: "CQRS", weight: 1 },
      { text: "read model", weight: 0.9 },
      { text: "indexing pipeline", weight: 0.9 },
      { text: "faceted search", weight: 0.8 },
      { text: "search engine", weight: 0.8 },
      { text: "derived view", weight: 0.8 },
      { text: "typeahead", weight: 0.7 },
      { text: "leaderboard", weight: 0.8 },
      { text: "high score", weight: 0.7 },
      { text: "scoreboard", weight: 0.6 },
      { text: "top players", weight: 0.7 },
      { text: "global rank", weight: 0.7 },
      { text: "player rank", weight: 0.7 },
      { text: "rank players", weight: 0.6 },
      { text: "ranking of sellers", weight: 0.6 },
      { text: "autocomplete", weight: 0.7 },
      { text: "change data capture", weight: 0.7 },
      { text: "CDC", weight: 0.7 },
      { text: "reindex", weight: 0.7 },
      { text: "rebuild index", weight: 0.7 },
      { text: "index lag", weight: 0.7 },
      { text: "near real time search", weight: 0.7 },
      { text: "vector search", weight: 0.7 },
      { text: "nearest neighbor", weight: 0.6 },
      { text: "secondary index", weight: 0.6 },
      { text: "read projection", weight: 0.7 },
      { text: "projector", weight: 0.7 },
      { text: "search query", weight: 0.6 },
      { text: "event sourcing", weight: 0.6 },
      { text: "eventually consistent view", weight: 0.6 },
      { text: "index document", weight: 0.6 },
      { text: "relevance ranking", weight: 0.5 },
      { text: "denormalize", weight: 0.5 },
      { text: "backfill", weight: 0.5 },
      { text: "ETL", weight: 0.5 },
      { text: "fan out on write", weight: 0.5 },
      { text: "replay from checkpoint", weight: 0.5 },
      { text: "precompute", weight: 0.4 },
      { text: "stream processing", weight: 0.4 },
      // keyed windows over a stream (stream.ts) and row changes loaded into a warehouse (warehouse.ts)
      { text: "tumbling window", weight: 0.9 },
      { text: "session window", weight: 0.9 },
      { text: "windowed count", weight: 0.8 },
      { text: "inactivity gap", weight: 0.9 },
      { text: "click stream", weight: 0.5 },
      { text: "event time", weight: 0.5 },
      { text: "data warehouse", weight: 0.6 },
      { text: "BigQuery", weight: 0.6 },
      { text: "replicate tables", weight: 0.6 },
      { text: "data pipeline", weight: 0.4 },
      { text: "log search", weight: 0.4 },
      { text: "keep in sync", weight: 0.3 },
    ],
    systems: [
      {
        name: "Elasticsearch",
        aliases: ["Elastic Search"],
        weight: 1,
        sharedBecause:
          "Elasticsearch is the classic search projection and is also the log-search backend of telemetry stacks (I18)",
      },
      {
        name: "OpenSearch",
        aliases: ["Amazon OpenSearch"],
        weight: 1,
        sharedBecause:
          "OpenSearch is a search projection and is also used for log analytics in telemetry pipelines (I18)",
      },
      { name: "Solr", aliases: ["Apache Solr"], weight: 1 },
      { name: "Lucene", aliases: ["Apache Lucene"], weight: 0.9 },
      { name: "Algolia", aliases: [], weight: 0.9 },
      { name: "Vespa", aliases: [], weight: 0.9 },
      { name: "Typesense", aliases: [], weight: 0.8 },
      { name: "Meilisearch", aliases: [], weight: 0.8 },
      { name: "Debezium", aliases: [], weight: 0.8 },
      { name: "Materialize", aliases: [], weight: 0.8 },
      {
        name: "Flink",
        aliases: ["Apache Flink"],
        weight: 0.5,
        sharedBecause: "Flink builds stateful projections and also aggregates streams in telemetry pipelines (I18)",
      },
      {
        name: "Kafka Streams",
        aliases: ["ksqlDB"],
        weight: 0.6,
        sharedBecause: "Kafka Streams materialises views from a Kafka log, which is itself the I05 append log",
      },
      { name: "Pinecone", aliases: [], weight: 0.6 },
    ],
  },
  entities: [
    {
      name: "SourceRecord",
      unlessTopic: BASE,
      description:
        "The authoritative row or document in the system of record, carrying a monotonically increasing version.",
      truth: true,
    },
    {
      name: "ChangeEvent",
      unlessTopic: BASE,
      description:
        "An ordered change (upsert or delete tombstone) captured from the source's log or outbox, with source position, key and version.",
      truth: false,
    },
    {
      name: "IndexDocument",
      unlessTopic: BASE,
      description:
        "The projected, denormalised document in the index or view, stamped with the source version it reflects.",
      truth: false,
    },
    {
      name: "ProjectorCheckpoint",
      unlessTopic: BASE,
      description: "The last change-stream position a projector has applied and acknowledged, per source partition.",
      truth: false,
    },
    {
      name: "IndexAlias",
      unlessTopic: BASE,
      description:
        "The pointer naming which physical index generation serves queries, switched atomically after a rebuild.",
      truth: false,
    },
    ...AGG_ENTITIES,
    ...COUNTER_ENTITIES,
    ...TA_ENTITIES,
    ...FRAUD_ENTITIES,
    ...VEC_ENTITIES,
    ...LB_ENTITIES,
    ...CDC_ENTITIES,
    ...STREAM_ENTITIES,
    ...WH_ENTITIES,
  ],
  writePaths: [
    {
      unlessTopic: BASE,
      action: "commit a change to the source of truth",
      entity: "SourceRecord",
      shape: "overwrite current value",
      mechanism: "versioned-overwrite",
      critical: true,
    },
    {
      unlessTopic: NOT_CDC,
      action: "capture the change into an ordered change stream in the same commit",
      entity: "ChangeEvent",
      shape: "append event",
      mechanism: "transactional-outbox",
      hidden: true,
      critical: true,
    },
    {
      unlessTopic: NOT_CDC,
      action: "apply the change to the index only if its source version is newer",
      entity: "IndexDocument",
      shape: "overwrite current value",
      mechanism: "version-check",
      critical: true,
    },
    {
      unlessTopic: NOT_CDC,
      action: "propagate a source delete as a versioned tombstone",
      entity: "IndexDocument",
      shape: "state transition",
      mechanism: "tombstones",
      critical: true,
    },
    {
      unlessTopic: BASE,
      action: "record the applied position after the index acknowledges the write",
      entity: "ProjectorCheckpoint",
      shape: "overwrite current value",
      mechanism: "projector-checkpoint",
      hidden: true,
      critical: true,
    },
    {
      unlessTopic: BASE,
      action: "rebuild into a new index generation and switch the alias once caught up",
      entity: "IndexAlias",
      shape: "state transition",
      mechanism: "replay-rebuild",
      hidden: true,
    },
    // a shown count's running total is written right after the events are counted, before the windows close
    ...AGG_WRITES.slice(0, 2),
    ...COUNTER_WRITES,
    ...REACTION_WRITES,
    ...AGG_WRITES.slice(2),
    ...TA_WRITES,
    ...FRAUD_WRITES,
    ...VEC_WRITES,
    ...LB_WRITES,
    ...CDC_WRITES,
    ...STREAM_WRITES,
    ...WH_WRITES,
  ],
  readPaths: [
    {
      unlessTopic: BASE,
      action: "search, filter or list query served from the index",
      entity: "IndexDocument",
      shape: "read projection",
      staleness:
        "Trails the source by projector lag plus the index refresh interval, typically seconds; a hit may be missing the latest write and is confirmed at the source when it matters.",
    },
    {
      unlessTopic: BASE,
      action: "detail or decision read after a search hit",
      entity: "SourceRecord",
      shape: "read source",
      staleness: "None: the authoritative record is read whenever a price, permission or stock decision depends on it.",
    },
    ...COUNTER_READS,
    ...AGG_READS,
    ...TA_READS,
    ...FRAUD_READS,
    ...VEC_READS,
    ...LB_READS,
    ...CDC_READS,
    ...STREAM_READS,
    ...WH_READS,
  ],
  protocols,
  invariants: [
    ...PROJECTION_INVARIANTS,
    ...AGG_INVARIANTS,
    ...TOPK_INVARIANTS,
    ...COUNTER_INVARIANTS,
    ...REACTION_INVARIANTS,
    ...TA_INVARIANTS,
    ...FRAUD_INVARIANTS,
    ...VEC_INVARIANTS,
    ...LB_INVARIANTS,
    ...CDC_INVARIANTS,
    ...CDC_MYSQL_INVARIANTS,
    ...CDC_CACHE_INVARIANTS,
    ...STREAM_INVARIANTS,
    ...WH_INVARIANTS,
  ],
  // a projection's rules hold where the subject is not counting events, the aggregation's only where it is
  invariantTopics: [
    ...PROJECTION_INVARIANTS.map((statement) => ({ statement, unlessTopic: BASE })),
    ...TA_INVARIANTS.map((statement) => ({ statement, topic: "typeahead" as const })),
    ...FRAUD_INVARIANTS.map((statement) => ({
      statement,
      topic: "fraud-scoring" as const,
      ...keptBy(statement, FRAUD_KEPT_BY),
    })),
    ...VEC_INVARIANTS.map((statement) => ({
      statement,
      topic: "vector-search" as const,
      ...keptBy(statement, VEC_KEPT_BY),
    })),
    ...LB_INVARIANTS.map((statement) => ({
      statement,
      topic: "leaderboard" as const,
      ...keptBy(statement, LB_KEPT_BY),
    })),
    // a count of people's own likes has no windows or raw events: its checkpoint rule is its own (REACTION_INVARIANTS)
    ...AGG_INVARIANTS.map((statement) => ({ statement, topic: U, unlessTopic: "reaction" as const })),
    ...TOPK_INVARIANTS.map((statement) => ({ statement, topic: "top-k" as const, ...keptBy(statement, TOPK_KEPT_BY) })),
    ...CDC_INVARIANTS.map((statement) => ({
      statement,
      topic: "cdc" as const,
      unlessTopic: "cdc-mysql" as const,
      ...keptBy(statement, CDC_KEPT_BY),
    })),
    ...CDC_MYSQL_INVARIANTS.map((statement) => ({
      statement,
      topic: "cdc-mysql" as const,
      ...keptBy(statement, CDC_KEPT_BY),
    })),
    ...CDC_CACHE_INVARIANTS.map((statement) => ({ statement, topic: "cdc-cache" as const })),
    ...COUNTER_INVARIANTS.map((statement) => ({ statement, topic: "shown-count" as const })),
    ...REACTION_INVARIANTS.map((statement) => ({ statement, topic: "reaction" as const })),
    ...STREAM_INVARIANTS.map((statement) => ({
      statement,
      topic: "stream-processor" as const,
      ...keptBy(statement, STREAM_KEPT_BY),
    })),
    ...WH_INVARIANTS.map((statement) => ({
      statement,
      topic: "cdc-warehouse" as const,
      ...keptBy(statement, WH_KEPT_BY),
    })),
  ],
  contract: {
    api: [
      "put(id, fields, expectedVersion) -> newVersion | conflict, written only to the source of truth",
      "delete(id, expectedVersion) -> tombstone version propagated to every projection",
      "search(query, filters, sort, cursor) -> hits with their source versions and the index freshness position",
      "lag() -> source head position minus the slowest ProjectorCheckpoint",
      "reindex(target) -> new generation id, switched in atomically once caught up",
    ],
    guarantees: [
      "Bounded staleness: a committed change becomes visible in queries within the stated lag bound under normal load.",
      "Convergence: once writes stop, the index equals the projection of the current source records, deletes included.",
      "Idempotent apply: replaying any range of the change stream leaves the index at the latest version of every key.",
    ],
  },
  predicates: [
    {
      id: "derived-read",
      because:
        "queries are served from a copy shaped for reading, which needs a checkpointed projector and a rebuild path",
    },
    {
      unlessTopic: BASE,
      id: "ordering-matters",
      because: "changes to one source key must be applied in version order or an older value wins",
    },
    {
      unlessTopic: ["typeahead", "vector-search"],
      id: "dedup-matters",
      because: "the change stream is at-least-once, so redelivered and replayed changes must not apply twice in effect",
    },
    {
      unlessTopic: BASE,
      id: "stale-write-dangerous",
      because: "a delayed older change could overwrite a newer projected document unless the apply checks versions",
    },
    {
      unlessTopic: BASE,
      id: "multi-object",
      because:
        "the source write and its change event must commit together, or a change is lost between database and index",
    },
  ],
  failures: [
    {
      unlessTopic: BASE,
      failure:
        "The application writes the database and then the index separately, crashes in between, and the index misses the change.",
      role: "derived",
      prevention:
        "Drive the index only from change data capture or a transactional outbox, never from application dual-writes.",
      repair: "Run a reconciliation sweep comparing source versions with indexed versions and replay the missing keys.",
    },
    {
      unlessTopic: BASE,
      failure: "A redelivered older change arrives after a newer one and overwrites the newer projected document.",
      role: "derived",
      prevention: "Index with external versioning so a write carrying a lower source version is refused.",
      repair: "Re-project the affected keys from their current source records.",
    },
    {
      unlessTopic: NOT_CDC,
      failure:
        "A delete is not propagated or its tombstone is purged too early, so the removed record stays searchable or comes back.",
      role: "derived",
      prevention: "Carry deletes as versioned tombstones and keep them longer than the longest replay window.",
      repair: "Sweep the index for documents whose source record no longer exists and remove them.",
    },
    {
      unlessTopic: BASE,
      failure: "Projector lag grows during a backfill or traffic spike and searches miss recent writes for minutes.",
      role: "derived",
      prevention:
        "Alert on lag against the source position, partition projectors, and run backfills in a separate lane.",
      repair:
        "Add projector capacity and route freshness-sensitive reads to the source until lag is back under the bound.",
    },
    {
      unlessTopic: BASE,
      failure: "A rebuild from a snapshot ignores changes made while it ran, and the new generation goes live stale.",
      role: "derived",
      prevention: "Record the source position of the snapshot and catch up from it before swapping the alias.",
      repair: "Swap the alias back to the previous generation and replay from the snapshot position.",
    },
    {
      unlessTopic: BASE,
      failure:
        "A change that cannot be projected, such as a mapping error, blocks its partition and freezes the checkpoint.",
      role: "coordination",
      prevention: "Retry a bounded number of times, then park the change in a dead-letter queue and move on.",
      repair: "Fix the mapping and replay the parked changes, which the version check makes safe to apply late.",
    },
    ...AGG_FAILURES,
    ...COUNTER_FAILURES,
    ...TA_FAILURES,
    ...FRAUD_FAILURES,
    ...VEC_FAILURES,
    ...LB_FAILURES,
    ...CDC_FAILURES,
    ...STREAM_FAILURES,
    ...WH_FAILURES,
  ],
  bottlenecks: [
    {
      unlessTopic: BASE,
      bottleneck: "Write amplification: one source change rewrites many denormalised documents or feed entries.",
      mitigation:
        "Denormalise only fields that queries filter on, resolve the rest at read time, and batch bulk updates.",
      formula: {
        yields: "projected document writes per second",
        expression: "writes_per_sec * fanout",
        unit: "docs/s",
      },
    },
    {
      unlessTopic: BASE,
      bottleneck: "Scatter-gather: a query without a routing key must ask every index shard.",
      mitigation: "Route queries by a tenant or entity key where possible and add replicas to spread shard reads.",
      formula: { yields: "shard requests per second", expression: "reads_per_sec * partitions", unit: "shard req/s" },
    },
    {
      unlessTopic: BASE,
      bottleneck: "Rebuild cost: a full reindex must reload every document while live changes continue.",
      mitigation:
        "Bulk load with refresh disabled into a new generation in parallel, and keep the old generation serving until the swap.",
      formula: {
        yields: "lower bound on full rebuild time when disk-bound",
        expression: "objects * message_bytes * replicas / (disk_write_bytes_per_sec * nodes)",
        unit: "s",
      },
    },
    {
      unlessTopic: BASE,
      bottleneck: "Projector lag on a hot source partition that one projector must apply in order.",
      mitigation: "Partition the change stream by key so projectors scale out while per-key order is kept.",
    },
    ...COUNTER_BOTTLENECKS,
    ...AGG_BOTTLENECKS,
    ...TA_BOTTLENECKS,
    ...FRAUD_BOTTLENECKS,
    ...VEC_BOTTLENECKS,
    ...LB_BOTTLENECKS,
    ...STREAM_BOTTLENECKS,
    ...WH_BOTTLENECKS,
  ],
  silhouette: {
    storage: "source truth + projection/index store",
    coordination: "projector checkpoint + replay",
    serving: "projection/search serving",
  },
  topicSilhouettes: [
    VEC_SILHOUETTE,
    {
      topic: "stream-processor",
      storage:
        "a partitioned, replayable source log; keyed window state in RocksDB on each task's disk; checkpoints (state files and source offsets) in an object store",
      coordination:
        "one task owns each key group; a coordinator numbers checkpoints, aligned barriers cut every partition and operator at one point, and the sink commits with each completed checkpoint",
      serving: "readers read committed window results from the output topic or an upsert table",
    },
    {
      topic: "cdc-warehouse",
      storage:
        "each source's own commit log, a change log keyed by table and primary key, and warehouse tables with a bookkeeping table of loaded offsets",
      coordination:
        "one capture task per source commits its log position after the change log acknowledges; one loader per partition MERGEs a batch and its end offsets in one warehouse transaction",
      serving: "analysts query the warehouse tables, a consistent prefix of each table's commits",
    },
    {
      topic: "leaderboard",
      storage:
        "a durable score store with one row per member, board and window (the record), and an ordered set per board and window in memory",
      coordination:
        "each score recorded once per update id, then set in the ordered sets in the same request; a rebuild from the store",
      serving: "a member's rank (count of members scoring higher) and the top k, each in O(log N), from a read replica",
    },
    {
      topic: "fraud-scoring",
      storage:
        "a decision store with one row per transaction id, an in-memory online feature store per card, merchant and device, and a transaction log partitioned by card",
      coordination:
        "a conditional insert of each transaction's decision, counters updated from the log once per transaction id, and one live model version moved by a pointer",
      serving:
        "a synchronous score call on the authorisation path: features, model and rules within a deadline, the rules alone past it",
    },
    {
      topic: "typeahead",
      storage:
        "an append-only query log kept by day, and immutable versioned snapshots of each prefix's top-k in object storage",
      coordination:
        "an offline build that scores queries and publishes a validated snapshot by moving a version pointer; a streamed trending overlay",
      serving: "prefix lookups from memory on replicated prefix-range shards, behind browser and edge caches",
    },
    {
      // a count of people's own likes: its truth is the reaction rows its own API writes, not events from outside
      topic: "reaction",
      storage:
        "a reaction store with one row per (item, person), partitioned by item and bucketed for a viral item; a like log partitioned by item id; running totals per item and sub-counter in a key-value store",
      coordination:
        "a conditional insert or delete of the reaction row appends a +1 or -1 only on a change; aggregators sum each item's changes per flush and add them once per batch id",
      serving:
        "the shown count from a cache whose time to live fits the freshness bound, and a person's own like from the reaction row",
    },
    {
      topic: U,
      storage:
        "a partitioned, replicated log of immutable events archived by hour, and totals per key and time window in a columnar store",
      coordination:
        "event-time windows closed by a watermark, window state checkpointed with the log offsets, hot keys split over salts",
      serving: "count queries by key and time range",
    },
  ],
  technologies: [
    {
      unlessTopic: BASE,
      product: "Elasticsearch or OpenSearch",
      layer: "serving",
      fits: "Sharded inverted indexes with near-real-time refresh, external version checks and alias switching for rebuilds.",
      suits: ["rich-queries", "eventual", "elastic-scale", "high-throughput"],
      poorFor: ["linearizable", "exactly-once"],
      caveat: "It is not a system of record: refresh delays visibility and there are no multi-document transactions.",
    },
    {
      unlessTopic: NOT_CDC,
      product: "Debezium",
      layer: "coordination",
      fills: ["change capture"],
      fits: "Reads the database's replication log and emits ordered per-key change events with source positions.",
      suits: ["ordering", "at-least-once", "durable"],
      poorFor: ["operational-simplicity", "exactly-once"],
      caveat:
        "Restarts re-emit changes and source schema changes flow downstream, so consumers must be idempotent and schema-aware.",
    },
    {
      unlessTopic: BASE,
      product: "Apache Kafka as the change log",
      layer: "storage",
      fits: "Keeps the change stream replayable, and compacted topics retain the latest value per key as a rebuild source.",
      suits: ["ordering", "long-retention", "high-throughput"],
      poorFor: ["rich-queries", "operational-simplicity"],
      caveat: "Compaction removes tombstones after a delay, so a rebuild that replays later than that misses deletes.",
    },
    {
      unlessTopic: NOT_CDC,
      product: "Apache Flink",
      layer: "coordination",
      fills: ["stream processing"],
      fits: "Stateful stream jobs that maintain aggregates and joins, with checkpointed state and replay from source offsets.",
      suits: ["exactly-once", "high-throughput", "ordering"],
      poorFor: ["operational-simplicity", "low-cost"],
      caveat: "Exactly-once stops at the job boundary unless the sink accepts transactional or idempotent upserts.",
    },
    {
      unlessTopic: NOT_CDC,
      product: "PostgreSQL materialized views",
      layer: "storage",
      fits: "A view computed inside the source database, refreshed from the same transactional data.",
      suits: ["rich-queries", "operational-simplicity", "read-your-writes"],
      poorFor: ["elastic-scale", "high-throughput"],
      caveat:
        "A refresh recomputes the whole view, so large or fast-changing views need an incremental projector instead.",
    },
    ...AGG_TECHNOLOGIES,
    ...REACTION_TECHNOLOGIES,
    ...TA_TECHNOLOGIES,
    ...FRAUD_TECHNOLOGIES,
    ...VEC_TECHNOLOGIES,
    ...LB_TECHNOLOGIES,
    ...CDC_TECHNOLOGIES,
    ...STREAM_TECHNOLOGIES,
    ...WH_TECHNOLOGIES,
  ],
  connections: [
    {
      to: "I05",
      role: "input",
      why: "the change stream is an append log whose offsets are the projector checkpoints",
      typical: true,
    },
    {
      to: "I16",
      role: "input",
      why: "the source of truth is often a partitioned key-value or relational store whose change log feeds the projector",
    },
    {
      to: "I04",
      role: "input",
      why: "a crawl or scan frontier supplies the documents that a web or corpus search index projects",
    },
    {
      to: "I07",
      role: "output",
      why: "popular queries and precomputed results are cached close to readers with a TTL bounded by the index lag",
    },
    {
      to: "I02",
      role: "decorator",
      why: "one projector per source partition is enforced by a lease, or two projectors race and reorder applies",
    },
  ],
  overlay: {
    driver: "The source's ordered change stream, plus rebuild jobs started by an operator or a mapping change.",
    unit: "One change event (key, version, upsert or tombstone), applied in bulk batches.",
    worker: "A projector instance that owns a set of source partitions and applies their changes in order.",
    slot: "One source partition per projector, and a bounded number of in-flight bulk requests per index shard.",
    state:
      "Authoritative: source records. Attempt: projector checkpoints, the active index generation pointer and parked changes.",
    source: "The system-of-record database's replication log or outbox table.",
    sink: "Search index shards, materialised view tables or precomputed feed entries.",
    fabric: "A partitioned change log between capture and projectors, and the index's bulk write API.",
    maintenance:
      "Reconciliation sweeps of source against index, periodic full reindex with alias swap, segment merging, and tombstone purge after the replay horizon.",
  },
  topicOverlays: [
    {
      topic: "stream-processor",
      driver: "events appended to the source log's partitions, and the coordinator's checkpoint timer",
      unit: "one event folded into its key's windows, and one checkpoint across the job",
      worker: "task workers that each own a range of key groups and the source partitions feeding them",
      slot: "one parallel task per source partition (at least), each with its own state backend",
      state:
        "Authoritative: the source log and the last completed checkpoint (state and offsets). Derived: window state between checkpoints and the committed results.",
      source: "producers appending events to a partitioned log",
      sink: "a transactional output topic or an upsert table of window results",
      fabric:
        "the key shuffle between source readers and window operators, carrying barriers and watermarks with the events",
      maintenance:
        "clearing window state after its allowed lateness, dropping old checkpoints, taking savepoints to rescale or upgrade, and watching watermark and checkpoint lag",
    },
    {
      topic: "cdc-warehouse",
      driver: "commits on the source databases, read from their logs, and the loader's batch timer per table",
      unit: "one committed row change, and one batch merged per table",
      worker: "a capture task per source database and a loader per change-log partition",
      slot: "one reader per source log, one loader per partition",
      state:
        "Authoritative: the source databases, each capture position and the loaded offsets in the warehouse. Derived: the change log and the warehouse tables.",
      source: "the source databases' commit logs",
      sink: "warehouse tables merged by primary key",
      fabric: "the change log, a topic per table keyed by primary key",
      maintenance:
        "re-snapshotting a table after a lost log position, applying schema changes, and alerting on capture and load lag",
    },
    {
      topic: "leaderboard",
      driver:
        "Score updates from the servers that decide them (a finished match, an order), and players reading ranks.",
      unit: "One score update (member, board, score, update id), set in each window's ordered set.",
      worker: "A score API instance that records the update and sets it in the ranking index.",
      slot: "One ordered set per board and window, on one ranking node or one per score range.",
      state:
        "Authoritative: the score rows. Derived: the ordered sets per board and window, their replicas and the cached top pages.",
      source: "Game servers or the order service reporting scores.",
      sink: "Ranks and top pages read by players' apps.",
      fabric: "Request paths from the score API to the score store and the ranking nodes; no change stream.",
      maintenance:
        "Rebuilds of a lost set from the score store, a reconcile sweep of recent scores, windowed boards expiring after their grace period.",
    },
    {
      topic: "fraud-scoring",
      driver:
        "Score calls from the authorisation path, each waiting for its decision; the transaction log feeding the counters; labels arriving weeks later.",
      unit: "One transaction scored: a decision inserted once under its transaction id.",
      worker: "A scoring node holding the live and shadow models' clients and the rules in memory.",
      slot: "One decision per transaction id; one feature updater task per log partition.",
      state:
        "Authoritative: the decisions, the transaction log, the labels and the model registry. Derived: the online feature counters, rebuilt from the log.",
      source: "The authorisation service calling score with the transaction id.",
      sink: "Decisions returned to the caller, review cases for analysts, labelled decisions for training.",
      fabric:
        "A request path from the caller through the scoring service to the feature store and model servers; a log partitioned by card between the scorer and the feature updater.",
      maintenance:
        "Retraining on labelled decisions, shadow and canary rollouts, rescoring fallback decisions, counter rebuilds from the log, and alerts on the fallback share and the updater's lag.",
    },
    {
      topic: "typeahead",
      driver:
        "Keystrokes: a suggest request per pause in typing; a periodic build from the query log, and a stream of the last minutes' searches for trending.",
      unit: "One prefix lookup returning its top-k completions.",
      worker: "A suggestion server replica holding one prefix-range shard of the current snapshot in memory.",
      slot: "One prefix range per shard, replicated across servers and zones.",
      state:
        "Authoritative: the query log and the snapshot version pointer. Derived: query scores, snapshot files, the in-memory shards, the trending overlay and every cached answer.",
      source: "People typing in search boxes; submitted searches logged by the search front ends.",
      sink: "Suggestion lists in the browser, at the edge and in the serving replicas' memory.",
      fabric:
        "A CDN in front of a suggest gateway that routes each prefix to its shard; snapshot files in object storage.",
      maintenance:
        "A build per cycle validated against the last good snapshot, rollback by moving the pointer, snapshot-age and latency alerts, and a blocklist applied at build and serve.",
    },
    {
      // a count of people's own likes: made through its own API, combined per flush, no windows
      topic: "reaction",
      driver:
        "People's likes and unlikes through the Like API, each changing one (item, person) row, and the aggregators' flush interval; every impression reading the item's count.",
      unit: "One like or unlike, a +1 or -1 on its item, summed into the item's next batch.",
      worker:
        "An aggregator task that owns a set of (item, salt) groups and sums their +1 and -1 events between flushes.",
      slot: "One like-log partition per reading task, keyed by item id, and the item sums a task owns until it flushes.",
      state:
        "Authoritative: the reaction rows. Derived: the +1 and -1 events in the like log, the running totals per item and sub-counter, and the cached counts.",
      source: "People's apps calling the Like API.",
      sink: "Running totals in the count store, read through the count cache by every page that shows the item.",
      fabric:
        "The like log partitioned by item id between the Like API and the aggregators, and batched adds from the aggregators to the count store.",
      maintenance:
        "A recount of an item's total from its reaction rows when it is in doubt, salt counts raised for viral items, consumer-lag and cache hit ratio alerts.",
    },
    {
      topic: U,
      driver:
        "Events arriving on the partitioned log, and the watermark, which closes each window once event time has passed its end plus the allowed lateness; an hourly batch recount.",
      unit: "One event (id, key, event time), folded into its key's window.",
      worker: "An aggregator task that owns a set of (key, salt) groups and their open windows between checkpoints.",
      slot: "One log partition per reading task, and the open windows of the keys and salts a task owns.",
      state:
        "Authoritative: the raw events in the log and the archive. Attempt: open windows' partial counts, checkpoints with log offsets, and totals not yet recounted.",
      source: "Apps, browsers and servers sending events through the collectors.",
      sink: "Totals per key and window in the analytics store.",
      fabric:
        "The partitioned event log between collectors and aggregators, and a keyed shuffle by (key, salt) between filter and aggregator.",
      maintenance:
        "Hourly recount from the raw archive, watermark-lag alerts, salt counts raised for hot keys, and log retention kept longer than the longest replay.",
    },
  ],
  topicScopes: [REACTION_SCOPES, AGG_SCOPES, TA_SCOPES, FRAUD_SCOPES, VEC_SCOPES, LB_SCOPES, STREAM_SCOPES, WH_SCOPES],
  /** The NFR stance a design takes when the prompt is silent, and where ordering, exclusivity and coordination hold. */
  stance: {
    consistency: "eventual",
    availability: "stay-available",
    delivery: "at-least-once",
    ordering: "per-key",
    durability: "durable",
    because: "the projection may lag the truth by a bounded amount, but every change must land exactly once in effect",
    scopes: {
      ordering: {
        scope: "key",
        why: "changes to the same source entity must be applied in order; different entities are independent",
      },
      exclusivity: { scope: "partition", why: "one projector consumes each source partition so applies do not race" },
      coordination: { scope: "partition", why: "checkpoints are kept per source partition" },
    },
  },
} satisfies ArchetypeInput;
