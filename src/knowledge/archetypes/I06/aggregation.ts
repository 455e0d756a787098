import type { z } from "zod";
import { fig, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { DecisionPoint } from "../../decisions/types.js";
import { NEVER_COUNTED_TWICE, REPEAT_ACCEPTED } from "../../patterns.js";
import type { MechanismId, Technology } from "../../schema.js";
import { TOPIC_WORDS } from "../../topics.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * A projection whose subject is counting business events (topic "aggregation", knowledge/topics.ts): clicks per
 * campaign per minute, page views per article, follows per user. The read copy is not one document per source
 * record but a total per (key, time window), folded from a partitioned log of immutable events. What makes it right
 * is that each event counts once, in the window of the time it happened, and that a hot key does not pin the whole
 * load on one task. The raw events stay the truth: totals are recounted from them.
 *
 * Facts, checked against primary sources:
 * - Flink: a checkpoint snapshots operator state together with the source offsets, which is how state is restored
 *   exactly once after a failure; a sink is exactly-once only when it takes part in the checkpoint (two-phase commit
 *   or idempotent writes). In event-time windows an element is late once the watermark has passed the window's end;
 *   late elements are dropped by default (allowed lateness defaults to 0), `allowedLateness` keeps a window's state
 *   open longer and fires it again, and `sideOutputLateData` hands the rest to a side stream (Flink DataStream docs,
 *   "Windows: Allowed Lateness").
 * - Kafka Streams: a window accepts records until stream time reaches window end plus its grace period, and drops
 *   later ones (Kafka javadoc `Windows`); KIP-633 removed the old 24-hour default grace, so it is chosen explicitly.
 * - Apache Druid: Kafka indexing tasks read by Kafka's own partitions and offsets, which is how its Kafka ingestion
 *   is exactly-once (druid.apache.org, "Apache Kafka ingestion").
 * - Apache Pinot: a real-time table ingests from a stream such as Kafka, an offline table loads batch data, and a
 *   hybrid table serves both under one name (docs.pinot.apache.org, "Table").
 * - Google MillWheel (VLDB 2013): records carry unique ids that receivers dedupe, per-key state is checkpointed
 *   atomically with the records produced, and a low watermark bounds the event time of work still pending.
 *   Google Photon (SIGMOD 2013) joins search queries with ad clicks for billing: no duplicates in the output at any
 *   time, most events joined in real time, and exactly-once eventually.
 * - Top k (topic "top-k", the most frequent keys of a sliding window): with events partitioned by key, each key is
 *   counted on one partition, so the global top k is among the union of the partitions' own top k lists. The
 *   Count-Min Sketch (Cormode and Muthukrishnan, J. Algorithms 2005) answers a key's frequency from a depth x width
 *   table of counters, never below the true count and above it by at most eps x N with probability 1 - delta when the
 *   width is ceil(e / eps) and the depth ceil(ln(1 / delta)); it keeps no list of keys, so a heap of the current
 *   leaders beside it names the top k. Space-Saving (Metwally, Agrawal and El Abbadi, ICDT 2005) keeps k counters
 *   and replaces the smallest, overestimating by at most that counter's value.
 */

const T = "aggregation" as const;
/** A count shown beside the thing counted (counter.ts): its rows replace the ad and billing readers' ones. */
const SHOWN = "shown-count" as const;
/** The k most frequent keys of a sliding window (trending hashtags, most viewed videos of the last hour). */
const TOPK = "top-k" as const;
/** Counts that are billed, paid on or audited (ad clicks, impressions): fraud is charged to someone. */
const BILLED = "billed" as const;
/**
 * Counts whose increments are the system's own writes (topic "reaction", counter.ts): a person's like, upvote or
 * clap made through the system's own API, server-stamped and deduped by its (item, person) row, with nothing
 * reported from outside. Such a counter draws none of the parts that exist for events from outside: no event
 * sources and collectors, no bot filter, no event-time windows or late events, no columnar analytics store, no
 * archive, recount or dashboards. Its rows are marked `unlessTopic: OWN`.
 */
const OWN = "reaction" as const;
type TechnologyInput = z.input<typeof Technology>;

export const AGG_ENTITIES = [
  {
    name: "RawEvent",
    description:
      "One immutable business event (a click, a view, a follow) with its unique event id, the key it is counted under, the time it happened and its attributes; kept in the partitioned log and archived by hour, it is the source of every recount.",
    truth: true,
    topic: T,
    unlessTopic: OWN,
  },
  {
    name: "WindowCount",
    description:
      "The total for one key in one time window (one key's events in one minute): its count, how many late events it took, whether the window is closed, and which recount last corrected it; it is the answer every reader uses, and can always be recounted from the raw events.",
    truth: true,
    topic: T,
    unlessTopic: OWN,
  },
  {
    name: "PartialCount",
    description:
      "An aggregator task's running count for one (key, salt, window): a hot key's events are split over several salts, each counted on its own task and summed when the window closes.",
    truth: false,
    topic: T,
  },
  {
    name: "AggregatorCheckpoint",
    description:
      "A consistent snapshot of every aggregator task's window state together with the log offsets it reflects, restored as one after a failure.",
    truth: false,
    topic: T,
  },
  {
    name: "RankingSnapshot",
    description:
      "The ranked k keys with the highest counts over one sliding window (the last hour), with their counts and the minute it was computed at; rebuilt every minute from the per-minute counts and replaced whole, so a reader sees one ranking, never a half-updated one.",
    truth: false,
    topic: TOPK,
  },
] as const;

export const AGG_WRITES = [
  {
    action:
      "append each event to the partitioned event log under its event id, resending with the same id after a lost acknowledgement",
    entity: "RawEvent",
    shape: "append event",
    mechanism: "append-log",
    critical: true,
    topic: T,
    unlessTopic: OWN,
  },
  {
    action:
      "add each valid event, once per event id, to its key's tumbling window by event time, a hot key split over salted partial counts",
    entity: "PartialCount",
    shape: "overwrite current value",
    mechanism: "dedup-window",
    critical: true,
    topic: T,
    unlessTopic: OWN,
  },
  {
    action: "checkpoint the window state with the log offsets it reflects",
    entity: "AggregatorCheckpoint",
    shape: "overwrite current value",
    mechanism: "projector-checkpoint",
    hidden: true,
    critical: true,
    topic: T,
    unlessTopic: OWN,
  },
  {
    action:
      "close a window once the watermark passes its end plus the allowed lateness, sum its partial counts and upsert the total by (key, window)",
    entity: "WindowCount",
    shape: "overwrite current value",
    mechanism: "versioned-overwrite",
    critical: true,
    topic: T,
    unlessTopic: OWN,
  },
  {
    action:
      "rank the window each minute: each partition adds the newest minute's per-key counts, subtracts the minute that left the window and keeps its own top k, then the partitions' lists merge into the global top k, published as a new snapshot",
    entity: "RankingSnapshot",
    shape: "overwrite current value",
    mechanism: "partition-top-k-merge",
    critical: true,
    topic: TOPK,
  },
  {
    action: "recount each closed hour from the archived raw events in a batch job and replace the totals that differ",
    entity: "WindowCount",
    shape: "async process",
    mechanism: "replay-rebuild",
    hidden: true,
    topic: T,
    unlessTopic: OWN,
  },
] as const;

export const AGG_READS = [
  {
    action: "read the current top k keys of the last hour from the newest snapshot",
    entity: "RankingSnapshot",
    shape: "read projection",
    staleness:
      "Up to one minute behind, plus the watermark delay: the snapshot is rebuilt when each minute closes, and says which minute it reflects.",
    topic: TOPK,
  },
  {
    action: "read counts for a key over a time range, by window, from the analytics store",
    entity: "WindowCount",
    shape: "read projection",
    staleness:
      "The open window is partial and trails the events by the watermark delay (seconds to a minute); a closed window is final unless a late event or the batch recount corrects it, and each row says which.",
    topic: T,
    unlessTopic: OWN,
  },
] as const;

/** The top k's own rules: a ranking made from counts each key has in exactly one place, and a window that slides exactly. */
export const TOPK_INVARIANTS = [
  "Each key is ranked on exactly one ranker partition, from its whole minute count (a hot key's salted partials are summed before ranking), so the global RankingSnapshot is drawn from the union of the partitions' own top k lists and misses no key that belongs in it.",
  "A key's count in a RankingSnapshot is the sum of its per-minute counts inside the window: each minute is added once when it closes and subtracted once when it leaves the window.",
];

/** The mechanism that keeps each top k rule it names: the partitions' own top k lists, merged into one ranking. */
export const TOPK_KEPT_BY: Readonly<Record<string, MechanismId>> = {
  [TOPK_INVARIANTS[0] as string]: "partition-top-k-merge",
};

export const AGG_INVARIANTS = [
  "Each RawEvent adds to its window's PartialCount at most once, by its event id, however often the log or the aggregator delivers it again.",
  // the log's own rule: what an acknowledgement promises the sender, and what the recount replays
  "A RawEvent is acknowledged to its sender only once the partitioned event log has written it durably, so an acknowledged event is never lost before it is counted, and the batch recount can replay it.",
  "A WindowCount is published only after the watermark passes its window's end plus the allowed lateness; an event later than that is never silently dropped: it is counted as late and settled by the batch recount.",
  "Each key's WindowCount equals the sum of its salted PartialCount rows for that window, each merged once.",
  "An AggregatorCheckpoint restores window state and the log offsets it reflects together, so a restart neither loses nor double-counts an event.",
  "After the batch recount, each closed WindowCount equals the number of distinct valid event ids recorded for its key and window.",
];

export const AGG_SCOPES = {
  topic: T,
  ordering: {
    scope: "none",
    why: "counts add up in any order; what matters is the event's own time, which picks its window, not the order it arrives in",
  },
  exclusivity: {
    scope: "partition",
    why: "one aggregator task owns each (key, salt) group's window state between checkpoints, so two tasks never count the same partial",
  },
  coordination: {
    scope: "partition",
    why: "each log partition's offset is checkpointed with the window state of the task that read it, all in one snapshot of the job, so a restore never mixes moments",
  },
} as const;

export const AGG_FAILURES = [
  {
    failure: "The aggregator restarts and replays events it had already counted, so totals come out high",
    role: "derived",
    prevention:
      "Restore window state and log offsets from one checkpoint, dedupe by event id within the window, and upsert totals by (key, window) rather than adding to them",
    repair: "Recount the affected windows from the raw events and replace their totals",
    topic: T,
    unlessTopic: OWN,
  },
  {
    failure:
      "Events from a phone that was offline arrive after their window closed and are dropped without trace, so totals come out low",
    role: "derived",
    prevention:
      "Keep windows open for an allowed lateness past the watermark, send later events to a late-event stream, and count them there",
    repair: "The batch recount over the raw events folds the late events into the closed windows",
    topic: T,
    unlessTopic: OWN,
  },
  {
    failure:
      "One key carries a large share of all events (a viral item, a campaign running a national ad), and the single task that owns it falls behind while the others idle",
    role: "derived",
    prevention:
      "Split a hot key over several salts, count each on its own task, and sum the partials when the window closes; pre-aggregate in the collectors for a few seconds",
    repair: "Raise the key's salt count from its measured rate and let the log's backlog drain on the added tasks",
    topic: T,
    unlessTopic: OWN,
  },
  {
    failure:
      "An idle or stuck log partition holds the watermark back, so no window closes and every total stops moving",
    role: "coordination",
    prevention:
      "Mark a partition idle after a quiet period so it stops holding the watermark, and alert on watermark lag against wall-clock time",
    repair: "Restart or reassign the stuck reader; windows close in a burst once the watermark moves",
    topic: T,
    unlessTopic: OWN,
  },
  {
    failure: "Bot or fraudulent clicks are counted and billed to the advertiser",
    role: "truth",
    prevention:
      "Filter events before counting by known-bot lists, rate per device and duplicate click ids, keeping the rejected ones with their reason",
    repair:
      "Reclassify with the improved rules in the batch recount and issue corrected totals for the affected windows",
    topic: BILLED,
  },
  {
    // where nothing is billed and no count is shown, bots still skew what the totals (or a ranking) say
    failure: "Bots or scripted accounts inflate some keys' counts, so the totals and anything ranked from them mislead",
    unlessTopic: [SHOWN, BILLED],
    role: "truth",
    prevention:
      "Filter events before counting by known-bot lists, rate per account or device and duplicate event ids, keeping the rejected ones with their reason",
    repair: "Reclassify with the improved rules in the batch recount and correct the affected window totals",
    topic: T,
  },
  {
    failure: "Bots or scripted replays inflate the shown counts",
    role: "truth",
    prevention:
      "Filter events before counting by known-bot lists, rate per device and duplicate event ids, keeping the rejected ones with their reason",
    repair:
      "Reclassify with the improved rules in the batch recount and correct the affected window totals and running totals",
    topic: SHOWN,
    unlessTopic: OWN,
  },
  {
    failure:
      "The streamed totals drift from the raw events (a bug, a skipped partition, a bad deploy) and nobody notices",
    role: "derived",
    prevention: "Recount every closed hour from the raw archive in a batch job and compare it with the streamed totals",
    repair: "Replace the streamed totals with the recount and alert when the difference passes a small threshold",
    topic: T,
    unlessTopic: OWN,
  },
] as const;

export const AGG_BOTTLENECKS = [
  {
    bottleneck:
      "The hottest key's events all go to the one task that owns the key, which caps that key's rate at one task's throughput",
    mitigation:
      "Split the key over salts (key, hash(event id) mod N) counted on N tasks and summed downstream, and pre-aggregate per collector for a few seconds",
    formula: {
      yields: "events a second on the hottest key",
      expression: "hot_key_events_per_sec",
      unit: "events/s",
    },
    topic: T,
    unlessTopic: OWN,
  },
  {
    bottleneck: "Ingest: every event is written to the log and replicated before it is acknowledged",
    mitigation: "Batch events per producer, compress them, and add log partitions as the byte rate grows",
    formula: {
      yields: "peak ingest bytes a second",
      expression: "messages_per_sec * peak_factor * message_bytes",
      unit: "B/s",
    },
    topic: T,
  },
  {
    bottleneck:
      "Window state: every open window of every key and salt is held in the aggregator's state until it closes",
    mitigation: "Keep state on local disk (RocksDB) with incremental checkpoints, and keep the allowed lateness short",
    topic: T,
    unlessTopic: OWN,
  },
] as const;

export const AGG_TECHNOLOGIES: TechnologyInput[] = [
  {
    product: "Apache Kafka as the event log",
    layer: "storage",
    fits: "A partitioned, replicated log the collectors append to in compressed batches; readers resume from an offset, which is what the aggregator's checkpoint records.",
    suits: ["durable", "high-throughput", "long-retention"],
    poorFor: ["rich-queries", "operational-simplicity"],
    caveat: "Retention bounds how far a job can be replayed, so the raw events are also archived by hour for recounts.",
    topic: T,
    unlessTopic: OWN,
  },
  {
    product: "Apache Flink (event-time windows)",
    layer: "coordination",
    fits: "Keyed tumbling windows in event time with watermarks, allowed lateness and a side output for later events; checkpoints snapshot window state with the Kafka offsets.",
    suits: ["exactly-once", "high-throughput", "elastic-scale"],
    poorFor: ["operational-simplicity", "low-cost"],
    caveat:
      "Late elements are dropped unless allowed lateness or a late side output is set, and the sink is exactly-once only if it joins the checkpoint or its writes are idempotent.",
    topic: T,
    unlessTopic: OWN,
  },
  {
    product: "Kafka Streams windowed aggregation",
    layer: "coordination",
    fits: "A library inside the application that counts per key and window from Kafka topics, with state in local stores backed by changelog topics.",
    suits: ["exactly-once", "ordering", "operational-simplicity"],
    poorFor: ["multi-region", "rich-queries"],
    caveat:
      "A window takes records until stream time passes its end plus the grace period and drops later ones, so the grace period must be set on purpose.",
    topic: T,
    unlessTopic: OWN,
  },
  {
    product: "Apache Druid",
    layer: "serving",
    fits: "A column store for time-bucketed totals: its Kafka ingestion reads by partition and offset for exactly-once loading, rolls rows up at ingest and answers range queries by key in well under a second.",
    suits: ["rich-queries", "high-throughput", "elastic-scale"],
    poorFor: ["operational-simplicity", "linearizable"],
    caveat:
      "Correcting a closed interval means re-ingesting that interval's segments, which the batch recount does by hour.",
    topic: T,
    unlessTopic: OWN,
  },
  {
    product: "Apache Pinot (hybrid table)",
    layer: "serving",
    fits: "A real-time table fed from Kafka and an offline table loaded by the batch recount, served under one name, so recounted hours replace streamed ones.",
    suits: ["rich-queries", "high-throughput", "low-latency"],
    poorFor: ["operational-simplicity", "linearizable"],
    caveat:
      "The real-time and offline halves must cover the same time ranges and schema, or queries see gaps or double counts at the seam.",
    topic: T,
    unlessTopic: OWN,
  },
];

export const AGG_COMPONENTS: ComponentSpec[] = [
  {
    id: "ranker",
    name: "Top-k ranker (per partition: an hour of minute buckets per key and its own top k; merged into the global top k)",
    kind: "worker-pool",
    holds: ["RankingSnapshot"],
    runs: ["slide the hour", "rank the partition", "merge partition lists"],
    because:
      "a ranking over an hour needs each key's hour total kept current minute by minute, and only the leaders of each partition can lead overall",
    topic: TOPK,
  },
  {
    id: "sources",
    name: "Event sources (apps, browsers, servers)",
    kind: "client",
    runs: ["send events"],
    because: "each event is stamped with a unique id and the time it happened where it happens",
    topic: T,
    unlessTopic: SHOWN,
  },
  {
    id: "sources",
    name: "Event sources (players, browsers, apps)",
    kind: "client",
    runs: ["send events"],
    because: "each view or play is stamped with a unique id and the time it happened where it happens",
    topic: SHOWN,
    unlessTopic: OWN,
  },
  {
    id: "collectors",
    name: "Event collectors (validate, stamp ids, batch)",
    kind: "gateway",
    runs: ["validate", "assign event id", "append in batches"],
    because: "a stateless edge tier takes the event rate, rejects malformed events and appends in batches to the log",
    topic: T,
    unlessTopic: OWN,
  },
  {
    id: "event-log",
    name: "Event log (partitioned, replicated, keyed by event id)",
    kind: "log",
    holds: ["RawEvent"],
    runs: ["append", "replay from offset"],
    because: "the immutable events are the truth; retained and replayable, they let counting restart or be redone",
    topic: T,
    unlessTopic: OWN,
  },
  {
    id: "fraud-filter",
    name: "Bot and fraud filter",
    kind: "worker-pool",
    runs: ["drop bots", "drop duplicate event ids", "keep rejects with reason"],
    because:
      "invalid events are removed before they are counted, and kept aside so a later recount can judge them again",
    topic: T,
    unlessTopic: OWN,
  },
  {
    id: "aggregator",
    name: "Stream aggregator (event-time tumbling windows, watermark, salted hot keys)",
    kind: "worker-pool",
    holds: ["PartialCount", "AggregatorCheckpoint"],
    runs: ["count per (key, salt, window)", "advance watermark", "checkpoint with offsets"],
    because:
      "counts are folded per window in local state and checkpointed with the offsets, so a restart neither loses nor repeats a count",
    topic: T,
    unlessTopic: OWN,
  },
  {
    id: "merger",
    name: "Partial merger (sums salted partials per key and window)",
    kind: "worker-pool",
    runs: ["sum partials", "upsert totals"],
    because:
      "a hot key's partial counts from several tasks become one total per window, written as an idempotent upsert",
    topic: T,
    unlessTopic: OWN,
  },
  {
    id: "olap",
    name: "Analytics store (columnar, by key and time window)",
    kind: "store",
    holds: ["WindowCount"],
    runs: ["range query by key", "replace recounted hours"],
    because: "totals per key and window are read by time range, which a columnar, time-partitioned store answers fast",
    topic: T,
    unlessTopic: OWN,
  },
  {
    id: "raw-archive",
    name: "Raw event archive (object storage, by hour)",
    kind: "store",
    holds: ["RawEvent"],
    runs: ["store hourly files"],
    because: "the log's retention is days, but recounts and disputed totals need every raw event for months",
    topic: T,
    unlessTopic: OWN,
  },
  {
    id: "query-api",
    name: "Query API (counts by key and time range)",
    kind: "service",
    runs: ["query counts"],
    because:
      "serves totals by window from the analytics store, marking the open window partial with the watermark it reflects",
    topic: T,
    unlessTopic: OWN,
  },
  {
    id: "readers",
    name: "Dashboards, billing and advertisers",
    kind: "client",
    runs: ["query counts"],
    because: "they read totals by key and time range, and billing reads only closed, recounted windows",
    topic: BILLED,
    unlessTopic: SHOWN,
  },
  {
    // where nothing is billed: the same readers without a bill
    id: "readers",
    name: "Dashboards and reports",
    kind: "client",
    runs: ["query counts"],
    because: "they read totals by key and time range; a closed window is final once the recount has checked it",
    topic: T,
    unlessTopic: [SHOWN, BILLED],
  },
  {
    id: "readers",
    name: "Analytics dashboards and reports",
    kind: "client",
    runs: ["query counts"],
    because:
      "they read totals by key and time range (views per hour, per region); the count shown on a page is read from the count store",
    topic: SHOWN,
    unlessTopic: OWN,
  },
  {
    id: "recount",
    name: "Batch recount (hourly, from the raw archive)",
    kind: "control-loop",
    runs: ["recount closed hours", "replace drifted totals"],
    because:
      "a second count from the raw events catches what the stream got wrong: late events, bugs, refined fraud rules",
    topic: T,
    unlessTopic: OWN,
  },
];

export const AGG_LINKS: LinkSpec[] = [
  { from: "aggregator", to: "ranker", kind: "stream", label: "per-minute counts per key", topic: TOPK },
  { from: "ranker", to: "olap", kind: "request", label: "publish top k snapshot", topic: TOPK },
  { from: "sources", to: "collectors", kind: "request", label: "events with id and event time", topic: T },
  { from: "collectors", to: "event-log", kind: "request", label: "append in batches", topic: T },
  { from: "event-log", to: "fraud-filter", kind: "stream", label: "events from offset", topic: T },
  { from: "fraud-filter", to: "aggregator", kind: "stream", label: "valid events by (key, salt)", topic: T },
  { from: "aggregator", to: "merger", kind: "stream", label: "partials of closed windows", topic: T },
  { from: "merger", to: "olap", kind: "stream", label: "upsert total by (key, window)", topic: T },
  { from: "event-log", to: "raw-archive", kind: "stream", label: "hourly files", topic: T },
  { from: "recount", to: "raw-archive", kind: "request", label: "read a closed hour", topic: T },
  { from: "recount", to: "olap", kind: "control", label: "replace recounted totals", topic: T },
  { from: "readers", to: "query-api", kind: "request", label: "counts by key and range", topic: T },
  { from: "query-api", to: "olap", kind: "request", label: "sum windows in range", topic: T },
];

export const AGG_API: ApiSpec[] = [
  {
    operation: "top k",
    call: "GET /v1/top?window=1h&k=",
    request: ["window", "k"],
    response: ["keys with counts, ranked", "minute the ranking reflects"],
    errors: ["400 window or k not offered"],
    guarantee: "one whole ranking from one snapshot, at most about a minute behind",
    topic: TOPK,
  },
  {
    operation: "record event",
    call: "POST /v1/events",
    request: ["event_id", "key", "event_time", "attributes"],
    response: ["accepted"],
    errors: ["400 malformed event", "429 over the source's rate"],
    guarantee: "accepted once the log holds it; an event resent with the same event_id is counted once",
    topic: T,
  },
  {
    operation: "query counts",
    call: "GET /v1/counts?key=&from=&to=&granularity=",
    request: ["key", "from", "to", "granularity"],
    response: ["count per window", "final or partial per window", "watermark"],
    errors: ["400 range or granularity not allowed"],
    guarantee:
      "closed windows are final until a recount corrects them; the open window is partial and says so, with the watermark it reflects",
    topic: T,
    unlessTopic: OWN,
  },
];

export const AGG_DATA: DataSpec[] = [
  {
    entity: "RankingSnapshot",
    key: ["window", "computed_at_minute"],
    fields: ["ranked (key, count) list of k", "watermark"],
    indexes: [],
    owner: "ranker",
    topic: TOPK,
  },
  {
    entity: "RawEvent",
    key: ["event_id"],
    fields: ["key", "event_time", "received_at", "attributes", "verdict (valid or rejected with reason)"],
    indexes: ["hour of event_time (archive files)"],
    partitionKey: "event_id",
    owner: "event-log",
    topic: T,
  },
  {
    entity: "PartialCount",
    key: ["key", "salt", "window_start"],
    fields: ["count", "event ids seen in the window"],
    indexes: [],
    partitionKey: "(key, salt)",
    owner: "aggregator",
    topic: T,
  },
  {
    entity: "WindowCount",
    key: ["key", "window_start"],
    fields: ["count", "late_count", "closed", "recount_version"],
    indexes: ["window_start"],
    partitionKey: "time window, then key",
    owner: "olap",
    topic: T,
  },
  {
    entity: "AggregatorCheckpoint",
    key: ["job", "checkpoint_id"],
    fields: ["log offset per partition", "state snapshot location", "watermark"],
    indexes: [],
    owner: "aggregator",
    topic: T,
  },
];

export const AGG_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Rank the last hour each minute",
    notation:
      "aggregator>ranker[per-key counts of the minute that just closed {watermark past the minute's end}] -> ranker[add the new minute, subtract the minute that left the hour, keep the partition's top k] -> ranker[merge every partition's top k into the global top k] -> ranker>olap[publish the snapshot for this minute] => done | retry",
    topic: TOPK,
  },
  {
    name: "Count an event once in its window",
    notation:
      "sources>collectors[send event with event id and event time] -> collectors>event-log[append in a batch {replicated before the acknowledgement}] -> event-log>fraud-filter[deliver from the checkpointed offset] -> fraud-filter>aggregator[valid event by (key, salt) {not a bot, event id not seen in its window}] -> aggregator[add to the window of its event time {event time after the watermark minus the allowed lateness}] |-> aggregator[count it as late {event time before the watermark minus the allowed lateness}] => done | retry",
    topic: T,
    unlessTopic: OWN,
  },
  {
    name: "Close a window at the watermark",
    notation:
      "aggregator[watermark passes the window end plus the allowed lateness] -> aggregator>merger[partial counts of each salt] -> merger>olap[upsert the total by (key, window) {every salt merged}] -> olap>merger[acknowledged] -> aggregator[checkpoint state with the log offsets] => done | retry",
    topic: T,
    unlessTopic: OWN,
  },
  {
    name: "Recount a closed hour",
    notation:
      "recount>raw-archive[read the hour's raw events] -> recount[count distinct valid event ids per (key, window)] -> recount>olap[replace totals that differ {recount newer than the stored one}] => done | retry",
    topic: T,
    unlessTopic: OWN,
  },
  {
    name: "Query counts",
    notation:
      "readers>query-api[counts for a key and time range] -> query-api>olap[sum windows in range] -> olap>query-api[counts with final flags] -> query-api>readers[counts and the watermark] => done",
    topic: T,
    unlessTopic: OWN,
  },
];

/** The aggregation's capacity: the event rate, its bytes, the hottest key and the salts that spread it. */
export const AGG_CAPACITY: CapacityModel = {
  inputs: [
    {
      quantity: "messages_per_sec",
      typical: 100000,
      why: "an ad or analytics event stream runs at about a hundred thousand events a second",
      // "1 million clicks per second per campaign" states the hottest key's rate, not the fleet's: the fleet carries
      // at least that key, so it is planned at that floor rather than at a typical rate below it
      from: [
        {
          expression: "messages_per_sec_per_key",
          why: "the prompt states one key's rate only, so the whole stream is planned at no less than that key's rate (a floor: other keys add to it)",
        },
        // "1 million page views per second": in a counting pipeline a view or visit is the event counted, not a read
        { expression: "reads_per_sec", why: "each stated view or visit is one event the counts add up" },
        {
          expression: "reads_per_sec_per_key",
          why: "the prompt states one key's view rate only, so the whole stream is planned at no less than that key's rate (a floor: other keys add to it)",
        },
      ],
    },
    {
      quantity: "message_bytes",
      typical: 300,
      why: "an event carries its id, key, timestamps and a few attributes in a few hundred bytes",
    },
    {
      quantity: "task_events_per_sec",
      label: "events a second one aggregator task counts",
      unit: "events/s",
      typical: 100000,
      why: "a keyed counting task with local state handles on the order of a hundred thousand small events a second (a planning figure; measure it)",
    },
    {
      quantity: "keys",
      label: "keys counted (campaigns, articles, users)",
      unit: "keys",
      typical: 1000000,
      why: "one business's counted keys (campaigns, articles, products) number about a million (a planning figure)",
    },
    // the stated retention ("aggregates over the last 90 days") is how far back the window totals are kept and
    // queried; the raw events stay in the log only as long as a replay needs them, and in the archive for recounts
    {
      quantity: "retention_days",
      typical: 7,
      why: "without a stated range, a week of window totals covers the usual dashboards (a planning figure)",
    },
    {
      quantity: "log_retention_days",
      typical: 7,
      why: "the log keeps a week so a failed job can be replayed; older raw events are read from the hourly archive",
    },
    {
      quantity: "rollup_row_bytes",
      typical: 16,
      why: "a planning figure: one total (key id, window start, count) in a columnar store, delta-encoded and compressed, takes about 10 to 20 bytes; measure it",
    },
    {
      quantity: "keys_per_query",
      typical: 100,
      why: "a planning figure: one chart reads a metric split by one dimension of about a hundred values (event types, campaigns, countries)",
    },
    {
      quantity: "watermark_share",
      label: "share of a tight freshness bound the watermark may trail by",
      unit: "fraction",
      typical: 0.2,
      why: "a planning rule: under a tight freshness bound the watermark may trail the newest events by at most a fifth of it",
    },
    // a stated freshness too tight for the usual stages holds each stage to its share of the bound (never longer than
    // usual), so the window and the stages together still fill only the planned share of it
    {
      quantity: "watermark_delay_seconds",
      typical: 2,
      why: "sources' clocks and the slowest log partition hold the watermark a second or two behind the newest events (a planning figure; measure it)",
      from: {
        expression: "propagation_seconds * watermark_share",
        why: "a tight freshness bound holds the watermark to its share of it: sources' clocks and the slowest partition must stay that close",
        atMost: 2,
      },
    },
    {
      quantity: "allowed_lateness_seconds",
      typical: 1,
      why: "the design's own rule publishes a window only after the watermark passes its end plus this lateness; Flink's default is none, and a second keeps events the slowest partition delays in their window (a planning figure)",
      from: {
        expression: "propagation_seconds * stage_share",
        why: "a tight freshness bound holds the allowed lateness to its share of it; later events go to the correction path",
        atMost: 1,
      },
    },
    {
      quantity: "checkpoint_seconds",
      typical: 1,
      why: "an exactly-once sink publishes a window's total only when the checkpoint holding it completes (Flink's two-phase-commit sink commits its transaction on checkpoint completion, apache/flink TwoPhaseCommitSinkFunction), so a count can wait up to one interval (a planning figure)",
      from: {
        expression: "propagation_seconds * stage_share",
        why: "a tight freshness bound holds the checkpoint interval to its share of it, since a window's total waits for the checkpoint holding it",
        atMost: 1,
      },
    },

    {
      // a stated freshness bound ("counts visible within 10 seconds") sets the window: a count is visible once its
      // window closes, the watermark passes its end plus the allowed lateness, and the checkpoint that holds it
      // commits; the window is sized so all of that takes the planned share of the bound, keeping the rest as margin
      quantity: "window_seconds",
      typical: 60,
      why: "totals are usually kept by the minute",
      from: [
        {
          expression:
            "propagation_seconds * target_utilisation - watermark_delay_seconds - allowed_lateness_seconds - checkpoint_seconds",
          why: "a count is visible once its window ends, the watermark passes that end plus the allowed lateness and the checkpoint holding it commits; all of that fits the planned share of the stated bound, so the rest is margin for a slow checkpoint or a lagging partition",
        },
        {
          expression: "propagation_seconds - watermark_delay_seconds - allowed_lateness_seconds - checkpoint_seconds",
          why: "a count is visible once its window ends, the watermark passes that end plus the allowed lateness and the checkpoint holding it commits; the stated bound is too tight to keep a margin, so all of it is spent",
        },
      ],
    },
    {
      quantity: "hot_key_events_per_sec",
      from: [
        { expression: "messages_per_sec_per_key", why: "the prompt states one key's own event rate" },
        { expression: "reads_per_sec_per_key", why: "the prompt states one key's own view rate, each view one event" },
        {
          expression: "messages_per_sec * peak_factor * hot_key_share",
          why: "the hottest key's share of the peak event rate",
        },
      ],
    },
  ],
  figures: [
    fig("peak_events", "peak events a second", "peak", "messages_per_sec * peak_factor", "events/s"),
    fig("ingest_bytes", "peak ingest bytes a second", "rate", "messages_per_sec * peak_factor * message_bytes", "B/s"),
    fig(
      "log_bytes",
      "event log retained across replicas",
      "storage",
      "messages_per_sec * message_bytes * 86400 * log_retention_days * replicas",
      "B",
    ),
    fig("hot_key_events", "events a second on the hottest key", "hotspot", "hot_key_events_per_sec", "events/s"),
    fig(
      "hot_key_salts",
      "salts the hottest key is split over",
      "count",
      "hot_key_events_per_sec / task_events_per_sec",
      "salts",
      true,
    ),
    fig(
      "aggregator_tasks",
      "aggregator tasks at peak",
      "count",
      "messages_per_sec * peak_factor / task_events_per_sec",
      "tasks",
      true,
    ),
    fig("window_rows_per_day", "window totals written a day", "rate", "keys * 86400 / window_seconds", "rows/day"),
    // the totals are kept at the window's own resolution for the whole retention: a query over the last N days reads
    // one row per key and window, never a coarser rollup (coherence `rollup-coarser-than-query`)
    fig(
      "rollup_bytes",
      "window totals kept at full resolution for the retention, across replicas",
      "storage",
      "keys * 86400 / window_seconds * retention_days * rollup_row_bytes * replicas",
      "B",
    ),
    fig(
      "query_rows",
      "window totals one query over the whole retention reads",
      "count",
      "keys_per_query * retention_days * 86400 / window_seconds",
      "rows",
    ),
    // the longest a reader waits for an event to show in a count: its window's whole length, then the watermark delay;
    // held to the stated freshness bound where the prompt states one
    {
      ...fig(
        "count_visible_seconds",
        "longest time from an event to its count being visible (window length, watermark delay, allowed lateness and checkpoint commit)",
        "time",
        "window_seconds + watermark_delay_seconds + allowed_lateness_seconds + checkpoint_seconds",
        "s",
      ),
      bound: "propagation_seconds",
    },
  ],
  // one query for a range of totals: the query API, then the columnar store scanning the window totals of the whole
  // range for the keys asked (one row per key and window), summed where the chart asks for a coarser step
  latencyPath: {
    serves: "one query over the whole retention",
    steps: ["client_rtt_seconds", "gateway_seconds", "service_seconds", "rollup_scan_seconds"],
    inputs: [
      inp(
        "scan_rows_per_sec",
        100000000,
        "ClickHouse's own description puts one server's scan at hundreds of millions to over a billion rows a second; 100 million is the low end, for a query that filters by key and sums (a planning figure; measure it)",
      ),
      {
        quantity: "rollup_scan_seconds",
        from: {
          expression: "keys_per_query * retention_days * 86400 / window_seconds / scan_rows_per_sec",
          why: "the window totals one query over the whole retention reads, over what one store server scans and sums a second",
        },
      },
    ],
  },
};

/** The top k's model: the counting model, plus the keys each event carries, the window's distinct keys and memory. */
export const TOPK_CAPACITY: CapacityModel = {
  inputs: [
    ...AGG_CAPACITY.inputs,
    {
      quantity: "keys_per_message",
      label: "counted keys one event carries (hashtags per post)",
      unit: "keys",
      typical: 0.5,
      why: "most posts carry no hashtag and some carry several, so about one for every two posts (a planning figure; measure it)",
    },
    {
      quantity: "distinct_keys_per_window",
      label: "distinct keys seen in one window",
      unit: "keys",
      typical: 20000000,
      why: "an hour of a large social stream carries on the order of tens of millions of distinct hashtags (a planning figure; measure it)",
    },
    { quantity: "top_k", label: "keys in the ranking", unit: "keys", typical: 100, why: "a top-100 list" },
    {
      quantity: "bucket_count",
      label: "minute buckets in the window",
      unit: "buckets",
      typical: 60,
      why: "an hour slid by the minute keeps 60 one-minute buckets",
    },
  ],
  figures: [
    ...AGG_CAPACITY.figures,
    fig(
      "key_increments",
      "key increments a second at peak",
      "rate",
      "messages_per_sec * peak_factor * keys_per_message",
      "increments/s",
    ),
    fig(
      "topk_state_bytes",
      "exact counter state for the window (8-byte key hash and a 4-byte count per minute bucket)",
      "storage",
      "distinct_keys_per_window * (8 + 4 * bucket_count)",
      "B",
    ),
    fig(
      "merge_candidates",
      "candidates the merge ranks each minute (every partition's own top k)",
      "count",
      "messages_per_sec * peak_factor / task_events_per_sec * top_k",
      "keys",
      true,
    ),
  ],
};

/** Words that say the counts are billed, paid on or audited (topic "billed"): such totals are counted exactly and recounted. */
const BILLED_WORDS = TOPIC_WORDS.billed;

/**
 * Words that ask for estimates rather than exact counts: approximate or estimated counts, distinct users or visitors
 * (counted with a sketch such as HyperLogLog), a cardinality. Only dashboards read such numbers.
 */
const APPROXIMATE = String.raw`\bapproximat\w*|\bestimat\w* (?:counts?|of distinct|distinct|unique)\b|\b(?:count[- ])?distinct (?:users|visitors|devices|ips)\b|\bunique (?:users|visitors|devices)\b|\bhyperloglog\b|\bcardinalit(?:y|ies)\b`;

export const AGG_DECISIONS: DecisionPoint[] = [
  {
    id: "i06-topk-count",
    topic: TOPK,
    question:
      "Count every key exactly over the window, or estimate counts with a Count-Min Sketch and keep a heap of the leaders?",
    options: [
      {
        id: "exact-per-key",
        name: "an exact count per key per minute bucket, each key on one partition",
        buys: "exact rankings and counts that can be checked against the raw events",
        costs: "memory for every distinct key seen in the window, times its minute buckets",
        winsWhen: "the distinct keys of one window fit in the partitions' memory",
      },
      {
        id: "sketch-and-heap",
        name: "a Count-Min Sketch per minute with a heap of the current leaders (or Space-Saving counters)",
        buys: "fixed memory whatever the number of distinct keys",
        costs: "counts are estimates that may run high by a bounded error, so two keys close in count may swap places",
        winsWhen: "distinct keys per window run to hundreds of millions, or memory per partition is tight",
        wins: [{ number: "distinct_keys_per_window", atLeast: 100000000 }],
      },
    ],
    rules: [
      {
        when: [{ number: "distinct_keys_per_window", atLeast: 100000000 }],
        option: "sketch-and-heap",
        because: "the window's distinct keys would not fit in memory as exact counters",
      },
    ],
    fallback: {
      option: "exact-per-key",
      because:
        "the window's distinct keys fit in memory spread over the partitions, so the ranking can be exact and checked",
    },
  },
  {
    id: "i06-agg-count",
    topic: T,
    unlessTopic: OWN,
    question: "Count exactly (dedupe by event id, checkpointed state) or approximately (sketches)?",
    options: [
      {
        id: "exact",
        name: "exact counts: dedupe by event id, exactly-once state by checkpoint",
        buys: "totals that can be billed or paid on, and that a recount can check to the event",
        costs: "state per open window and a dedupe set per window; more memory and checkpoint bytes",
        winsWhen: "totals are billed, paid out or audited, or the prompt says no event may be counted twice",
        // money rides on the totals, or the prompt rules out counting any event twice in its own words ("each vote
        // counted exactly once"), which a short dedupe window with an accepted over-count breaks
        wins: [
          {
            any: [
              {
                words:
                  "\\b(?:bill(?:s|ed|ing|able)?|invoic\\w*|advertis\\w*|ad (?:clicks?|impressions?|spend)|impressions?|cpc|cpm|payouts?|pay(?:s|ing)? (?:out|per)|paid|royalt\\w*|charg(?:e|es|ed|ing)|audit\\w*|revenue)\\b",
              },
              { words: NEVER_COUNTED_TWICE, unless: REPEAT_ACCEPTED },
            ],
          },
        ],
      },
      {
        id: "at-least-once",
        name: "at-least-once counting: event ids deduped within a short window, a rare repeat past it accepted as a small over-count",
        buys: "dedupe state of a few minutes per task and no exactly-once sink, so a shown count moves within seconds",
        costs: "a count can run slightly high (a repeat past the dedupe window), so it cannot be billed or paid on",
        winsWhen: "the count is shown to people and nothing is billed or paid out on it",
      },
      {
        id: "approximate",
        name: "approximate counts: HyperLogLog for distinct counts, count-min for heavy hitters",
        buys: "fixed, small memory per key however many events arrive",
        // HyperLogLog's error is relative to the distinct count (0.81% standard error for Redis's 12 KB sketch,
        // redis.io); Count-Min's is additive, at most eps times the whole stream's count and never below the true
        // count (Cormode and Muthukrishnan, J. Algorithms 2005), so a rare key's estimate can be mostly error
        costs:
          "distinct counts off by about 1% of themselves (HyperLogLog), and each key's count over by up to a fixed share of all the window's events, never under (count-min), so a rare key's count may be mostly error; neither can be billed on",
        winsWhen: "only dashboards read the numbers, or distinct users over huge ranges are counted",
        // the prompt asks for estimates (distinct users, approximate counts), unless money rides on them
        wins: [{ words: APPROXIMATE, unless: BILLED_WORDS }],
      },
    ],
    rules: [
      {
        when: [{ words: BILLED_WORDS }],
        option: "exact",
        because: "the counts are billed, paid on or audited, so each must be checkable against the raw events",
      },
      {
        when: [{ words: NEVER_COUNTED_TWICE, unless: REPEAT_ACCEPTED }],
        option: "exact",
        because: "the prompt rules out counting any event twice, so every repeat must be caught, not only recent ones",
      },
      {
        when: [{ words: APPROXIMATE, unless: BILLED_WORDS }],
        option: "approximate",
        because: "the prompt asks for estimates, and no money rides on the counts",
      },
      {
        when: [{ words: TOPIC_WORDS["shown-count"] }],
        option: "at-least-once",
        because:
          "the count is shown beside the item and nothing is billed on it, so a small over-count is acceptable and the dedupe state stays small",
      },
    ],
    fallback: {
      option: "exact",
      because:
        "counts of business events are usually billed or reported, so they must be checkable against the raw events",
    },
  },
  {
    id: "i06-agg-time",
    topic: T,
    unlessTopic: OWN,
    question: "Window by the time the event happened (watermarks) or the time it arrived?",
    options: [
      {
        id: "event-time",
        name: "event-time tumbling windows closed by a watermark, with an allowed lateness and a late-event stream",
        buys: "counts in the window each event happened in, whatever its delay, and the same totals on every replay",
        costs: "windows close only after the watermark delay, and state is held through the allowed lateness",
        winsWhen: "events arrive late or out of order (mobile clients, retries, replays)",
      },
      {
        id: "processing-time",
        name: "processing-time windows by arrival",
        buys: "windows close on the clock with no watermark to manage",
        costs: "a delayed or replayed event lands in the wrong window, so totals change on every replay",
        winsWhen: "arrival time is the measure wanted and nothing is ever replayed",
        // the prompt asks counts by arrival time
        wins: [{ words: String.raw`\bprocessing[- ]time\b|\b(?:by|on) arrival time\b` }],
      },
    ],
    rules: [],
    fallback: {
      option: "event-time",
      because:
        "events arrive late and are replayed after failures, and only event time gives the same totals each time",
    },
  },
  {
    id: "i06-agg-hot-key",
    topic: T,
    question: "Count each key on one task, or split hot keys over salted partial counts?",
    options: [
      {
        id: "salted",
        name: "split hot keys over salts, counted on several tasks and summed downstream",
        buys: "a key's rate is no longer capped by one task",
        costs: "a second merge stage, and a total is ready only once every salt has reported",
        winsWhen: "the hottest key's rate is near one task's throughput",
        wins: [{ number: "hot_key_salts", atLeast: 2 }],
      },
      {
        id: "one-task",
        name: "one task per key",
        buys: "one stage; a key's total is final as soon as its task closes the window",
        costs: "the hottest key's rate is capped by one task",
        winsWhen: "no key comes near one task's throughput",
      },
    ],
    rules: [
      {
        when: [{ number: "hot_key_salts", atLeast: 2 }],
        option: "salted",
        because: "the hottest key's events exceed what one task counts",
      },
      // only a rate the prompt gives for one key bounds the hottest key; an assumed share of the stream does not
      {
        when: [{ stated: "messages_per_sec_per_key" }, { number: "hot_key_salts", below: 2 }],
        option: "one-task",
        because: "the prompt's own rate for one key fits on one task",
      },
    ],
    // The drawn design (salted partial counts, a merger, the invariant over salted rows) is the salted one: a
    // design that chose one task per key would contradict its own parts.
    fallback: {
      option: "salted",
      because:
        "no stated rate bounds the hottest key, and one viral key can take any share of the stream, so a key is split over as many salts as its measured rate needs (one until then)",
    },
  },
  {
    id: "i06-agg-reconcile",
    topic: T,
    unlessTopic: OWN,
    question: "Trust the stream's totals alone, or recount closed hours from the raw events in batch?",
    options: [
      {
        id: "batch-recount",
        name: "stream for fresh totals, batch recount of each closed hour from the raw archive (lambda-style)",
        buys: "a second, independent count that catches late events, bugs and refined fraud rules",
        costs: "two code paths that must count alike, and a batch job per hour",
        winsWhen: "totals are billed and must match the raw events",
        wins: [
          {
            words:
              "\\b(?:bill(?:s|ed|ing|able)?|invoic\\w*|advertis\\w*|ad (?:clicks?|impressions?|spend)|impressions?|cpc|cpm|payouts?|pay(?:s|ing)? (?:out|per)|paid|royalt\\w*|charg(?:e|es|ed|ing)|audit\\w*|revenue)\\b",
          },
        ],
      },
      {
        id: "stream-only",
        name: "stream only, fixing errors by replaying the log through a new job (kappa-style)",
        buys: "one code path",
        costs: "a fix needs a full replay within the log's retention; nothing checks the totals independently",
        winsWhen: "totals feed dashboards, not bills",
      },
    ],
    rules: [
      {
        when: [{ words: BILLED_WORDS }],
        option: "batch-recount",
        because: "the counts are billed or paid on, and must match the raw events",
      },
    ],
    fallback: {
      option: "batch-recount",
      because:
        "an independent recount from the raw events is the only check that the stream did not drift, and it applies refined bot rules to past totals",
    },
  },
];

/**
 * What a design about counting events must draw, checked by the coherence rule `aggregation-shape`: an event id in
 * the truth's key (so a repeat is counted once), a time window in the totals' key, the hottest key's rate as a
 * figure (so salting is decided from it), and none of the record-by-record projection's entities.
 */
export const AGG_SHAPE = {
  eventKey: "event_id",
  windowKey: "window_start",
  hotKeyFigure: "hot_key_events",
  projectionEntities: ["SourceRecord", "IndexDocument", "IndexAlias", "ChangeEvent"],
} as const;
