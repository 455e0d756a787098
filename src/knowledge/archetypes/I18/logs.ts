import { fig, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { ArchetypeInput } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * A telemetry pipeline whose records are application log lines (topic "logs", knowledge/topics.ts): text, not
 * numbers, so nothing is a series of samples and no alert rule is evaluated. A shipper on every host tails the
 * files, batches lines, buffers on local disk and slows down (backpressure) when the pipeline pushes back; batches
 * land in a durable, partitioned log (Kafka-like, partitioned by source) that absorbs bursts and outages of the
 * index tier; indexers read each partition in order, build the index for their shard and time range, and commit
 * their offset only after the batch is indexed. "Searchable within N seconds" is a freshness bound that the ship
 * flush, the buffer lag, the indexing batch and the index refresh share. Older data leaves the hot index for
 * compressed chunks in object storage (warm, then cold), kept for the retention. A query names a time range plus
 * labels or words and fans out to the shards and chunks that cover it.
 *
 * Facts, checked against primary sources:
 * - Elasticsearch reference, "Refresh API" (7.x) and the index setting `index.refresh_interval`: a refresh makes
 *   what was indexed since the last one visible to search; by default it runs every second, but only on indices that
 *   had a search in the last 30 seconds (an idle shard refreshes when the next search arrives). OpenSearch keeps the
 *   same setting. A longer interval trades freshness for indexing throughput.
 * - Grafana Loki documentation (overview, "Storage"): Loki indexes only the labels of each log stream, not the
 *   text; the lines themselves are compressed into chunks kept in object storage (S3, GCS), and since 2.8 the index
 *   (TSDB) lives in the same object store. A search for words is a scan of the chunks the labels and time range
 *   select.
 * Planning figures (line size, compression ratio, per-shard and per-partition ingest, hot days, shipper flush) are
 * assumptions, said as such in their rows.
 */

const T = "logs" as const;

export const LOGS_ENTITIES = [
  {
    name: "LogRecord",
    description:
      "One log line as the shipper sent it: host, source (service and file), timestamp, level, labels, the message text and a line id (host, file, byte offset) that makes a resend recognisable; held in the durable buffer's partition for its source until the indexers have taken it.",
    truth: true,
    topic: T,
  },
  {
    name: "LogChunk",
    description:
      "An immutable, compressed block of one source's lines for a time range, written to object storage and kept for the retention: warm while recent, cold after; searches read it by scanning its lines.",
    truth: true,
    topic: T,
  },
  {
    name: "LogIndex",
    description:
      "The index of one shard for a time range (the words of every line, or only the labels of each stream, as the index decision chooses), pointing at the lines or chunks that match; rebuilt from the buffer or the chunks if lost.",
    truth: false,
    topic: T,
  },
] as const;

export const LOGS_WRITES = [
  {
    action:
      "append each batch a host's shipper sends to the durable buffer partition of its source, acknowledged once the partition's replicas hold it",
    entity: "LogRecord",
    shape: "append event",
    mechanism: "append-log",
    critical: true,
    repeatSafe:
      "a batch resent after a lost acknowledgement carries the same line ids (host, file, byte offset), so the indexers keep one copy of each line",
    topic: T,
  },
  {
    action:
      "index each partition's next batch into the shard for its time range, make it searchable at the next refresh, then commit the partition offset",
    entity: "LogIndex",
    shape: "async process",
    mechanism: "projector-checkpoint",
    hidden: true,
    critical: true,
    topic: T,
  },
  {
    action:
      "seal a source's lines for a time range into a compressed chunk and upload it before the index points at it",
    entity: "LogChunk",
    shape: "create target",
    mechanism: "publish-content-first",
    hidden: true,
    critical: true,
    topic: T,
  },
  {
    action:
      "move chunks from the hot tier to warm and cold object storage as they age, and delete them past the retention",
    entity: "LogChunk",
    shape: "async process",
    mechanism: "ttl-expiry",
    hidden: true,
    topic: T,
  },
] as const;

export const LOGS_READS = [
  {
    action:
      "search a time range for lines matching labels and words, fanned out to the hot shards and the chunks that cover it and merged by time",
    entity: "LogIndex",
    shape: "read projection",
    staleness:
      "Behind the newest lines by the freshness bound at most: the shipper's flush, the buffer lag, the indexing batch and the index refresh.",
    topic: T,
  },
  {
    action: "tail a source's newest lines as they arrive (live tail)",
    entity: "LogRecord",
    shape: "read source",
    staleness: "Seconds behind: lines are read from the buffer partition of their source as they are appended.",
    tolerates: "stale",
    topic: T,
  },
] as const;

export const LOGS_INVARIANTS = [
  "A LogRecord the shipper saw acknowledged is held by the durable buffer's replicas, and becomes searchable within the freshness bound, which the shipper's flush, the buffer lag, the indexing batch and the index refresh share.",
  "An indexer commits a partition's offset only after the lines before it are in the index or in an uploaded LogChunk, so a crash replays them instead of losing them, and a replayed line with a known line id is kept once.",
  "A LogChunk is deleted only after the retention has passed for every line it holds, and the hot index drops a time range only after that range's chunks are durable in object storage.",
];

export const LOGS_FAILURES = [
  {
    failure:
      "The index tier slows down or fails and the indexers fall behind the buffer, so new lines stop being searchable within the bound",
    role: "derived",
    prevention:
      "Size the buffer's retention to hours of ingest so nothing is lost, alert on consumer lag against the freshness bound, and add indexers up to the partition count",
    repair:
      "Let the indexers replay from their committed offsets; searches for the lagging range say the results may be incomplete",
    topic: T,
  },
  {
    failure:
      "The buffer pushes back during a burst and a shipper's local disk buffer fills, so the host starts dropping its oldest lines",
    role: "truth",
    prevention:
      "Give each shipper a bounded disk buffer sized for the longest expected outage, rate-limit noisy sources per tenant at the buffer, and count every dropped line per host",
    repair:
      "Re-read the host's log files from the shipper's saved file offsets while they still exist, and report the gap that could not be recovered",
    topic: T,
  },
  {
    failure: "One service logs in a loop and its partition (and the shard it feeds) runs hot while the rest are idle",
    role: "derived",
    prevention:
      "Partition by source with the host as a salt for sources that are known to be large, and cap each source's ingest with a per-source quota",
    repair: "Split the hot source over more partitions and shards from the next time range on",
    topic: T,
  },
  {
    failure:
      "An indexer crashes after indexing a batch but before committing its offset, so the batch is indexed again",
    role: "derived",
    prevention:
      "Index each line under its line id, so writing it again overwrites the same entry instead of adding one",
    repair: "Nothing to repair: the replayed batch lands on the entries it already wrote",
    topic: T,
  },
] as const;

/** The usual conditions of a log pipeline, said in its own terms. */
export const LOGS_PREDICATES = [
  {
    id: "dedup-matters",
    topic: T,
    because:
      "a shipper resends a batch after a lost acknowledgement and an indexer replays from its last committed offset, so a line must be kept once by its line id",
  },
  {
    id: "ordering-matters",
    topic: T,
    because:
      "a source's lines are read back in the order they were written, so they stay in order inside its buffer partition",
  },
  {
    id: "derived-read",
    topic: T,
    because: "searches read the index and chunks, copies built from the buffer that can be rebuilt from it",
  },
] as const;

export const LOGS_BOTTLENECKS = [
  {
    bottleneck: "Indexing throughput: every byte of every line is parsed and indexed by the shard for its time range",
    mitigation:
      "Add primary shards to the current time range's index (one indexer per partition), lengthen the refresh interval up to what the freshness bound leaves, and index only labels for low-value sources",
    formula: {
      yields: "index shards needed for the ingest",
      expression: "bytes_per_sec / shard_ingest_bytes_per_sec",
      unit: "shards",
    },
    topic: T,
  },
  {
    bottleneck: "Retained bytes: the hot index keeps replicated copies, object storage the compressed chunks",
    mitigation:
      "Keep only the last days hot, move the rest to compressed chunks in object storage, and drop debug lines sooner than the rest",
    formula: {
      yields: "bytes kept in the hot tier",
      expression: "bytes_per_sec * 86400 * index_size_ratio * min(hot_days, retention_days) * replicas",
      unit: "B",
    },
    topic: T,
  },
] as const;

/** The log pipeline's own inputs and figures: bandwidth, lines, buffer partitions, shards, tiers and freshness. */
export const LOGS_CAPACITY: CapacityModel = {
  inputs: [
    inp(
      "bytes_per_sec",
      1000000000,
      "a planning figure: a large fleet's application logs come to about a gigabyte a second",
    ),
    inp("nodes", 10000, "a planning figure: a fleet of about ten thousand hosts, each with a shipper"),
    {
      quantity: "line_bytes",
      typical: 500,
      why: "a planning figure: a structured application log line with its labels is a few hundred bytes",
    },
    {
      quantity: "compression_ratio",
      typical: 10,
      why: "a planning figure: log text repeats itself (timestamps, levels, the same messages with new values), so block compressors such as zstd commonly shrink it about tenfold",
    },
    {
      quantity: "index_size_ratio",
      typical: 0.75,
      why: "a full-text index of log lines (inverted index, stored source and columns) takes about three quarters of the raw bytes on disk: Elastic's storage tests measured 0.73 for logs both searched and charted",
    },
    {
      quantity: "shard_ingest_bytes_per_sec",
      typical: 20000000,
      why: "a planning figure: one shard parses and indexes a few tens of megabytes of log text a second; measure it with the real mappings",
    },
    inp(
      "partition_bytes_per_sec",
      10000000,
      "a log partition is commonly planned at about 10 MB/s so one indexer per partition keeps up",
    ),
    {
      quantity: "buffer_hours",
      typical: 6,
      why: "a planning figure: six hours lets the index tier fail for a night's incident and catch up from the buffer",
    },
    {
      quantity: "hot_days",
      typical: 7,
      why: "a planning figure: most searches look at the last few days, so a week stays hot and older lines are read from chunks",
    },
    inp("retention_days", 30, "a planning figure: application logs are commonly kept about a month"),
    inp("replicas", 2, "a hot index shard keeps one replica beside its primary, so one node's loss loses nothing"),
    {
      quantity: "ship_seconds",
      typical: 5,
      why: "a planning figure: a shipper flushes every few seconds or sooner when its batch fills",
    },
    {
      quantity: "buffer_lag_seconds",
      typical: 5,
      why: "a planning figure: indexers that keep up trail the newest line by a few seconds",
    },
    {
      quantity: "index_batch_seconds",
      typical: 2,
      why: "a planning figure: bulk requests of a few megabytes fill in a second or two per partition",
    },
    // the wait between indexing a batch and reading it is the chosen index's own (i18-log-index fixes it)
    {
      quantity: "index_refresh_seconds",
      typical: 1,
      why: "a planning figure: an index makes a newly indexed batch readable about a second later",
    },
    {
      quantity: "query_label_share",
      typical: 0.01,
      why: "a planning figure: a search names a service and an environment, about one stream in a hundred",
    },
  ],
  // the first figures after the hotspot are the ones said on the cheat sheet: lines a second, the index a day and
  // the primaries it fills, and what the retention keeps
  figures: [
    fig("log_lines_per_sec", "log lines ingested a second", "rate", "bytes_per_sec / line_bytes", "lines/s"),
    fig(
      "index_bytes_per_day",
      "bytes the hot tier adds a day (one copy)",
      "growth",
      "bytes_per_sec * 86400 * index_size_ratio",
      "B/day",
    ),
    // time-based indices roll over when their shards reach the planned size (`shard_bytes`), so a day's volume, not
    // the ingest rate alone, says how many primaries a day creates and the cluster must hold
    fig(
      "daily_primary_shards",
      "primary shards a day's index fills at the planned shard size",
      "count",
      "index_bytes_per_day / shard_bytes",
      "shards",
      true,
    ),
    fig(
      "hot_bytes",
      "bytes kept in the hot tier (with replicas)",
      "storage",
      "index_bytes_per_day * min(hot_days, retention_days) * replicas",
      "B",
    ),
    fig(
      "cold_bytes",
      "compressed chunks kept in object storage past the hot days",
      "storage",
      "bytes_per_sec / compression_ratio * 86400 * (retention_days - min(hot_days, retention_days))",
      "B",
    ),
    fig("host_bytes_per_sec", "bytes one host's shipper sends a second", "rate", "bytes_per_sec / nodes", "B/s"),
    fig("raw_bytes_per_day", "raw log bytes a day", "growth", "bytes_per_sec * 86400", "B/day"),
    fig(
      "compressed_bytes_per_day",
      "compressed log bytes a day",
      "growth",
      "bytes_per_sec * 86400 / compression_ratio",
      "B/day",
    ),
    fig(
      "buffer_partitions",
      "durable buffer partitions for the ingest",
      "count",
      "bytes_per_sec / partition_bytes_per_sec",
      "partitions",
      true,
    ),
    fig(
      "buffer_bytes",
      "bytes the buffer keeps for replay across its replicas (batches compressed by the shippers)",
      "storage",
      "bytes_per_sec / compression_ratio * buffer_hours * 3600 * 3",
      "B",
    ),
    fig(
      "index_shards",
      "index shards taking the current time range's ingest",
      "count",
      "bytes_per_sec / shard_ingest_bytes_per_sec",
      "shards",
      true,
    ),
    {
      ...fig(
        "searchable_seconds",
        "longest time from a line being written to it being searchable (shipper flush + buffer lag + indexing batch + refresh)",
        "time",
        "ship_seconds + buffer_lag_seconds + index_batch_seconds + index_refresh_seconds",
        "s",
      ),
      bound: "propagation_seconds",
    },
    fig(
      "query_scan_bytes",
      "compressed bytes one hour-wide search scans once its labels narrow it",
      "rate",
      "bytes_per_sec / compression_ratio * 3600 * query_label_share",
      "B",
    ),
  ],
};

export const LOGS_COMPONENTS: ComponentSpec[] = [
  {
    id: "shippers",
    name: "Log shippers on every host (tail files, batch, disk buffer, backpressure)",
    kind: "client",
    runs: ["tail log files", "batch lines", "buffer on local disk", "slow down when pushed back", "resend unacked"],
    because:
      "lines are collected where they are written; a bounded disk buffer rides out a slow or unreachable pipeline without dropping lines",
    topic: T,
  },
  {
    id: "log-buffer",
    name: "Durable buffer (Kafka-like log, partitioned by source, replicated)",
    kind: "log",
    holds: ["LogRecord"],
    runs: ["append batches", "replicate", "keep hours for replay"],
    because:
      "bursts and index outages are absorbed by an ordered, replicated log, so an acknowledged line survives and indexers can replay it",
    topic: T,
  },
  {
    id: "indexers",
    name: "Indexers (one per partition: parse, bulk index, commit offset)",
    kind: "worker-pool",
    runs: ["read a partition in order", "parse and label", "bulk index", "commit offset after indexing"],
    because: "indexing runs behind the buffer at its own pace and resumes from its committed offset after a crash",
    topic: T,
  },
  {
    id: "hot-index",
    name: "Hot index shards (recent days, one index per time range)",
    kind: "store",
    holds: ["LogIndex"],
    runs: ["refresh", "search recent data", "roll over by time"],
    because: "recent lines are searched most; a shard per time range is dropped whole when it ages out",
    topic: T,
  },
  {
    id: "chunk-store",
    name: "Object storage (compressed chunks, warm then cold)",
    kind: "store",
    holds: ["LogChunk"],
    runs: ["store chunks", "tier by age", "expire past retention"],
    because: "older lines are cheap compressed chunks in object storage, read only when a search reaches back that far",
    topic: T,
  },
  {
    id: "log-query",
    name: "Query frontend (split by time, fan out to shards and chunks, merge)",
    kind: "service",
    runs: ["split by time range", "select by labels", "fan out", "merge by timestamp"],
    because: "a search covers many shards and chunks; splitting it by time and merging the answers keeps it fast",
    topic: T,
  },
];

export const LOGS_READERS: ComponentSpec = {
  id: "users",
  name: "Engineers and dashboards (search, live tail)",
  kind: "client",
  runs: ["search", "tail"],
  because: "people search recent and older lines by labels, words and time range",
  topic: T,
};

export const LOGS_LINKS: LinkSpec[] = [
  { from: "shippers", to: "log-buffer", kind: "request", label: "append batches", topic: T },
  { from: "log-buffer", to: "indexers", kind: "stream", label: "partitions in order", topic: T },
  { from: "indexers", to: "hot-index", kind: "request", label: "bulk index", topic: T },
  { from: "indexers", to: "chunk-store", kind: "stream", label: "upload chunks", topic: T },
  { from: "users", to: "log-query", kind: "request", label: "search", topic: T },
  { from: "log-query", to: "hot-index", kind: "request", label: "recent days", topic: T },
  { from: "log-query", to: "chunk-store", kind: "request", label: "older chunks", topic: T },
];

export const LOGS_API: ApiSpec[] = [
  {
    operation: "ship lines",
    call: "POST /v1/logs",
    request: ["host", "source", "lines[] (line_id, timestamp, level, labels, message)"],
    response: ["accepted"],
    errors: ["429 slow down (shipper keeps the batch on disk)", "413 batch too large"],
    guarantee: "acknowledged once the buffer's replicas hold the batch; searchable within the freshness bound",
    topic: T,
  },
  {
    operation: "search",
    call: "GET /v1/logs/search?query=&labels=&start=&end=&limit=",
    request: ["labels", "words or pattern", "start", "end", "limit"],
    response: ["lines (newest first)", "cursor", "partial (true while a range is still being indexed)"],
    errors: ["400 time range too wide for the labels given", "503 timeout"],
    guarantee: "sees every acknowledged line older than the freshness bound",
    topic: T,
  },
  {
    operation: "tail",
    call: "GET /v1/logs/tail?labels=",
    request: ["labels"],
    response: ["stream of new lines"],
    errors: ["400 labels select too many sources"],
    guarantee: "lines arrive seconds after the buffer takes them, in order per source",
    topic: T,
  },
];

export const LOGS_DATA: DataSpec[] = [
  {
    entity: "LogRecord",
    key: ["source", "timestamp", "line_id (host, file, byte offset)"],
    fields: ["host", "level", "labels", "message"],
    indexes: [],
    partitionKey: "source (service, with the host as salt for large ones)",
    owner: "log-buffer",
    topic: T,
  },
  {
    entity: "LogChunk",
    key: ["source", "min_time", "max_time"],
    fields: ["compressed lines", "line count", "labels"],
    indexes: ["labels + time range"],
    partitionKey: "tenant + time range",
    owner: "chunk-store",
    topic: T,
  },
  {
    entity: "LogIndex",
    key: ["time range", "shard"],
    fields: ["terms or labels", "postings (line or chunk refs)"],
    indexes: [],
    partitionKey: "time range, then shard",
    owner: "hot-index",
    topic: T,
  },
];

export const LOGS_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Ship, buffer and index log lines",
    notation:
      "shippers>log-buffer[append a batch to its source's partition {partition leader up and the source under its quota}] -> log-buffer>shippers[ack after the replicas hold it] -> indexers>log-buffer[read the partition from the committed offset] -> indexers>hot-index[bulk index under each line id] -> hot-index[refresh: the batch becomes searchable] -> indexers>log-buffer[commit the offset after the batch is indexed] |-> log-buffer>shippers[429 slow down; the shipper keeps the batch on disk {buffer over its ingest quota}] => done | retry",
    topic: T,
  },
  {
    name: "Search logs",
    notation:
      "users>log-query[search labels and words over a time range {range and labels within the query limits}] -> log-query>hot-index[search the recent shards in parallel] -> log-query>chunk-store[scan the chunks the labels select for older hours] -> log-query>users[lines merged by time, partial while a range is still indexing] => done",
    topic: T,
  },
];

/** The index decision: every word of every line, or only each stream's labels with compressed chunks. */
export const LOGS_DECISIONS: DecisionPoint[] = [
  {
    id: "i18-log-index",
    topic: T,
    question:
      "Index every word of every line (a full-text inverted index), or index only each stream's labels and scan compressed chunks for the words?",
    options: [
      {
        id: "full-text",
        name: "full-text inverted index over every line (Elasticsearch or OpenSearch), refreshed every second",
        buys: "any word is found at once over any range the index holds, with relevance and aggregations",
        costs:
          "indexing every byte costs CPU and an index about three quarters the size of the raw text, on replicated hot nodes; the refresh interval and shard count must keep up with the ingest",
        winsWhen: "the ingest is modest or searches are mostly for rare words across all sources",
        implies: {
          preferTechnology: ["Elasticsearch"],
          sizes: ["daily_primary_shards"],
          capacity: [
            {
              quantity: "index_refresh_seconds",
              value: 1,
              why: "Elasticsearch and OpenSearch refresh a shard every second by default (index.refresh_interval), and only then can a search see the batch",
            },
          ],
        },
      },
      {
        id: "labels-chunks",
        name: "index only labels (service, host, level) and keep lines as compressed chunks in object storage (as Loki does)",
        buys: "a small index and cheap storage, so high volumes are kept for long at a fraction of the cost",
        costs:
          "a search for words scans every chunk its labels and time range select, so a wide range with loose labels is slow; labels must stay low in cardinality",
        winsWhen: "the ingest runs to gigabytes a second and most searches name a service and a time range",
        wins: [{ stated: "bytes_per_sec" }, { number: "bytes_per_sec", atLeast: 1000000000 }],
        implies: {
          preferTechnology: ["Loki"],
          // the full-text index's own hotspot (every byte parsed and indexed) is not this option's
          excludes: [String.raw`\bevery byte of every line is parsed and indexed\b`],
          // Loki's queriers ask the ingesters for lines still in memory before reading flushed chunks
          capacity: [
            {
              quantity: "index_size_ratio",
              value: 0.1,
              why: "the hot tier keeps lines as compressed chunks, about a tenth of the raw text, and indexes only their labels",
            },
            {
              quantity: "index_refresh_seconds",
              value: 0,
              why: "no refresh interval waits: a querier reads the lines an ingester still holds in memory, so a line is searchable once appended",
            },
          ],
        },
      },
    ],
    rules: [
      {
        when: [{ words: String.raw`\bfull[- ]text\b|\belasticsearch\b|\bopensearch\b|\bELK\b|\bkibana\b` }],
        option: "full-text",
        because: "the prompt asks for word search over every line, which a full-text index answers",
      },
      {
        when: [{ stated: "bytes_per_sec" }, { number: "bytes_per_sec", atLeast: 1000000000 }],
        option: "labels-chunks",
        because:
          "at gigabytes a second, indexing every word costs more than scanning the few chunks a labelled search selects",
      },
    ],
    fallback: {
      option: "full-text",
      because: "at a modest ingest every word can be indexed, and any word is then found at once",
    },
  },
];

/** What a log design must draw and must not (coherence `logs-shape`). */
export const LOGS_SHAPE = {
  buffer: "log-buffer",
  record: "LogRecord",
  freshness: "searchable_seconds",
  bound: "propagation_seconds",
  /** Residue of monitoring numbers or of other cards: series, alert state, config rollout, change capture. */
  residue:
    /\b(?:scrap(?:e|es|ed|er|ers|ing)|alert rules?|AlertState|rule evaluat\w*|active series|config rollout|rollout controller|change stream|CDC)\b/i,
} as const;

export const LOGS_TECHNOLOGIES: NonNullable<ArchetypeInput["technologies"]> = [
  {
    product: "Apache Kafka as the durable buffer",
    layer: "storage",
    fits: "A replicated, partitioned log between the shippers and the indexers: it absorbs bursts, survives an index outage for as long as its retention, and lets each indexer resume from its committed offset",
    suits: ["durable", "high-throughput", "at-least-once", "elastic-scale"],
    poorFor: ["operational-simplicity", "low-cost"],
    caveat:
      "The partition count caps how many indexers read in parallel, and the buffer's retention bounds how long the index tier may be down before lines are lost",
    topic: T,
  },
  {
    product: "Elasticsearch or OpenSearch",
    layer: "serving",
    fits: "A full-text inverted index over every line, one index per time range, searchable after each refresh (every second by default)",
    suits: ["rich-queries", "low-latency"],
    poorFor: ["low-cost", "long-retention"],
    caveat:
      "Indexing every word costs CPU and replicated hot storage about three quarters the size of the raw text; an idle shard refreshes only when searched again",
    topic: T,
  },
  {
    product: "Grafana Loki",
    layer: "serving",
    fits: "Indexes only each stream's labels and keeps the lines as compressed chunks in object storage, scanning the chunks a search's labels and time range select",
    suits: ["low-cost", "long-retention", "high-throughput"],
    poorFor: ["rich-queries"],
    caveat:
      "A word search over a wide range with loose labels scans many chunks, and high-cardinality labels (request ids, user ids) bloat its index",
    topic: T,
  },
  {
    product: "Fluent Bit, Vector or the OpenTelemetry Collector as shippers",
    layer: "coordination",
    fits: "Agents on every host that tail files, batch lines, buffer on disk and back off when the pipeline pushes back",
    suits: ["at-least-once", "stay-available"],
    poorFor: ["exactly-once"],
    caveat: "A resend after a lost acknowledgement repeats lines, so lines carry an id the indexers keep once",
    topic: T,
  },
  {
    product: "Object storage (S3 or GCS) for chunks",
    layer: "storage",
    fits: "Compressed chunks of older lines, tiered to cheaper classes as they age and deleted past the retention by lifecycle rules",
    suits: ["durable", "long-retention", "low-cost"],
    poorFor: ["low-latency"],
    caveat: "Searches that reach back into cold chunks are slow; keep the days people search most in the hot tier",
    topic: T,
  },
];

export const LOGS_OVERLAY = {
  topic: T,
  driver: "Shippers push batches as hosts write lines; indexers read each buffer partition as fast as they can.",
  unit: "A batch of one host's lines, or one indexer's bulk request from one partition.",
  worker: "Indexers owning buffer partitions, and hot index shards owning a time range.",
  slot: "Buffer partitions per indexer and shards per index node.",
  state:
    "Authoritative: the durable buffer's partitions and the chunks in object storage. Derived: the hot index, rebuilt from either. Attempt: the indexers' committed offsets.",
  source: "Shippers on every host tailing application log files.",
  sink: "The hot index and object storage, read through the query frontend.",
  fabric: "Shippers to the buffer's partition leaders, replicated to followers; indexers consume partitions in order.",
  maintenance:
    "Index rollover by time, tiering chunks to warm and cold storage, retention deletion, consumer lag watch.",
} as const;

export const LOGS_SILHOUETTE = {
  topic: T,
  storage: "durable log buffer + hot index + compressed chunks in object storage",
  coordination: "partitions per indexer, offsets committed after indexing",
  serving: "time-range search over labels and words, fanned out to shards and chunks",
} as const;

export const LOGS_SCOPES = {
  topic: T,
  ordering: { scope: "partition", why: "lines of one source keep their order inside its buffer partition" },
  exclusivity: {
    scope: "partition",
    why: "one indexer reads each buffer partition at a time, under its group's assignment",
  },
  coordination: {
    scope: "partition",
    why: "indexers coordinate only through partition assignment and committed offsets; no consensus sits on the ingest path",
  },
} as const;
