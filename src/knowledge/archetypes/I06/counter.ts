import type { z } from "zod";
import { fig } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { Technology } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";
import { AGG_CAPACITY } from "./aggregation.js";

/**
 * A count shown beside the thing counted (topic "shown-count", knowledge/topics.ts): a video's views, a post's likes,
 * a song's plays. The event-counting pipeline (aggregation.ts) still keeps the raw events and the windowed totals
 * analytics reads; what the page reads is one running total per key, kept in a key-value store that takes a batched
 * atomic add from each aggregator task every flush and answers a point read, behind a cache whose time to live fits
 * inside the stated freshness. A page view reads the count, so the read rate is about the counted rate.
 *
 * Facts, checked against primary sources:
 * - Redis INCRBY adds an amount to the 64-bit integer stored at a key in one O(1) command, a missing key counting as 0
 *   (redis.io, "INCRBY"). Cassandra's counter columns change only by `UPDATE ... SET c = c + n` (Apache Cassandra
 *   docs, "Using a counter"), and a counter update is not idempotent: each application changes the value again, so
 *   drivers do not retry it by default (DataStax drivers docs, "Query idempotence"). A retried add can therefore
 *   count twice unless it is made once per batch id, or the total is rebuilt from the events.
 * - DynamoDB spreads a table over partitions but caps each one at 1,000 write units and 3,000 read units a second,
 *   and a write of an item of up to 1 KB costs one write unit (AWS DynamoDB developer guide, "warm throughput" and
 *   "read and write operations"): one key written once per like tops out near a thousand likes a second, which is
 *   why increments are combined per key before they reach the store, and a key written by several tasks is split
 *   into sub-counters summed on read.
 * - A like is a conditional insert of the (item, person) row. DynamoDB's PutItem takes a condition expression, and
 *   `attribute_not_exists` on the partition key makes the put succeed only where no such item exists (AWS DynamoDB
 *   API reference, "PutItem"). Cassandra's `INSERT ... IF NOT EXISTS` is a lightweight transaction run over Paxos,
 *   about four times the latency of a plain write (DataStax CQL docs, "Lightweight transactions"): at millions of
 *   likes a second the reaction store's conditional writes are the first write bottleneck, sized as such and spread
 *   over many partitions, a viral item's rows over (item, bucket) keys.
 */

const T = "shown-count" as const;
/** A count of people's own likes or reactions (topic `reaction`): each is a toggle of one person on one item. */
const R = "reaction" as const;

export const COUNTER_ENTITIES = [
  // first where it is spoken: a count of likes is derived from who liked what, so the reaction rows are its truth
  {
    name: "Reaction",
    description:
      "One person's like of one item, kept once as the row (key, user id). The rows are the set of who liked what: a row answers whether a person liked the item, an unlike removes it, and as the dedupe key it keeps a repeated tap from counting twice; only a change to it appends a +1 or -1 event to the log.",
    truth: true,
    topic: R,
  },
  {
    name: "RunningTotal",
    description:
      "The lifetime count of one key, the number shown beside the item: its total, the last batch id each aggregator task added, and the event time it reflects; it trails the events by the flush interval and can be rebuilt from the raw events; like a window's total, it is the answer its readers use.",
    truth: true,
    topic: T,
  },
] as const;

export const COUNTER_WRITES = [
  {
    action:
      "add each key's flushed sum to its running total in the count store, by an atomic add made once per batch id",
    entity: "RunningTotal",
    shape: "overwrite current value",
    mechanism: "atomic-counter",
    critical: true,
    topic: T,
  },
  {
    action:
      "record a like as an idempotent set-add of (key, user id) in the reaction store, an unlike as its removal, and append a +1 or -1 event for the item only when the set changed",
    entity: "Reaction",
    shape: "create target",
    mechanism: "put-if-absent",
    critical: true,
    topic: R,
  },
] as const;

export const COUNTER_READS = [
  {
    action: "read a key's running total, the count shown on its page, through the count cache",
    entity: "RunningTotal",
    shape: "read projection",
    staleness:
      "Trails the newest events by the flush interval, the log lag, the add and the cache's time to live, which together fit inside the freshness bound; an over-count is corrected when the batch recount rebuilds the total.",
    topic: T,
  },
  {
    action: "check whether a person liked an item, by (key, user id), in the reaction store",
    entity: "Reaction",
    shape: "read source",
    staleness: "None: the person's own like is read from the row their call wrote, ahead of the shown count",
    topic: R,
  },
] as const;

/** A count of people's own likes: its increments are summed per flush, not counted in windows by event time. */
export const REACTION_WRITES = [
  {
    action: "checkpoint each task's summed batch with the log offsets it reflects, once its add is acknowledged",
    entity: "AggregatorCheckpoint",
    shape: "overwrite current value",
    mechanism: "projector-checkpoint",
    hidden: true,
    critical: true,
    topic: R,
  },
] as const;

/** Where a count of people's own likes is ordered, owned and coordinated (the card's `topicScopes`). */
export const REACTION_SCOPES = {
  topic: R,
  ordering: {
    scope: "none",
    why: "adds commute, so the +1 and -1 events sum to the same total in any order; one person's like and unlike are settled by the (item, person) row each one changes",
  },
  exclusivity: {
    scope: "partition",
    why: "one aggregator task owns each item and salt's sum between flushes and adds it under its own batch id, so two tasks never add the same likes",
  },
  coordination: {
    scope: "partition",
    why: "each like-log partition's offset is checkpointed with the sums of the task that read it, so a restarted task resumes at the batch it had not yet added",
  },
} as const;

export const COUNTER_INVARIANTS = [
  "A RunningTotal shows every counted event within the freshness bound: the flush interval, the log lag, the add and the cache's time to live add up to less than it.",
  "Each aggregator batch adds to a key's RunningTotal at most once, by its batch id, however often the add is retried after a lost acknowledgement.",
  // the atomic add's own rule: the count store applies each add where the value lives, so overlapping adds both count
  "Every add to a key's RunningTotal is one atomic increment in the count store, never a read, a sum and a write back by the aggregator, so no increment is lost when two adds to the key overlap.",
];

/** The rule of a count of people's own likes: one person's like counts once (topic `reaction`). */
export const REACTION_INVARIANTS = [
  "A repeated tap or a retried like moves no count: only the add or the removal that changes the Reaction (key, user id), which exists once, appends a +1 or -1 event.",
  "An AggregatorCheckpoint records a task's summed batch with the log offsets it reflects only once the batch's add is acknowledged, so a restart either finds the batch id already applied or sums the same events again: no like is lost or added twice.",
];

export const COUNTER_FAILURES = [
  {
    failure:
      "An aggregator's add to the running total times out after it was applied, the retry adds the batch again, and the shown count jumps",
    role: "derived",
    prevention:
      "Add under a batch id the count store keeps per aggregator task, skipping a batch id it already holds, and checkpoint the batch with the log offsets it summed",
    repair: "Rebuild the key's running total from the closed window totals or the raw events, and replace it",
    topic: T,
    unlessTopic: R,
  },
  {
    failure:
      "An aggregator's add to the running total times out after it was applied, the retry adds the batch again, and the shown count jumps",
    role: "derived",
    prevention:
      "Add under a batch id the count store keeps per aggregator task, skipping a batch id it already holds, and checkpoint the batch with the log offsets it summed",
    repair: "Recount the item's total from its reaction rows and replace the running total",
    topic: R,
  },
  {
    failure:
      "A viral item's count is read on every page view and every read lands on the one count-store shard that holds its key",
    role: "derived",
    prevention:
      "Serve the count from a cache whose time to live fits inside the freshness bound, so the store takes one read per key per time to live, not one per view",
    repair: "Add cache replicas for the hot key and shorten nothing: a stale count within the bound is correct",
    topic: T,
  },
  {
    failure:
      "A double tap or a retried like request reaches two servers at once, and both append a +1 for the same person",
    role: "truth",
    prevention:
      "Make the like a conditional insert of (key, user id) in the reaction store and append the +1 only from the call whose insert created the row; an unlike appends its -1 only from the call whose delete removed it",
    repair: "Recount the item's total from its reaction rows and replace the running total",
    topic: R,
  },
  {
    failure:
      "A viral post's likes all land on the one like-log partition and aggregator task that own its item, and that task falls behind while the others idle",
    role: "derived",
    prevention:
      "Split the item over salts after reading it from the log: each salt's task sums its share per flush and adds it to its own sub-counter, and readers sum the sub-counters",
    repair:
      "Raise the item's salt count from its measured rate and let the partition's backlog drain on the added tasks",
    topic: R,
  },
] as const;

/** How a count of people's own likes counts, in place of the event-counting pipeline's at-least-once stance. */
export const REACTION_DECISIONS: DecisionPoint[] = [
  {
    id: "i06-reaction-count",
    topic: R,
    question: "Count each like exactly through its (item, person) row, or count like events at least once?",
    options: [
      {
        id: "row-exact",
        name: "exact counts through the (item, person) row, each batch added once by its batch id",
        buys: "no over-count and no dedupe window: a repeated tap, a retried call or a retried add moves nothing, and a recount of an item's rows gives the same total",
        costs:
          "a conditional write per like on the reaction store, the design's first write bottleneck, and a batch id kept per task beside each count",
        winsWhen: "the counted events are people's own likes, each a toggle of one person on one item",
      },
      {
        id: "event-at-least-once",
        name: "like events counted at least once, a rare repeat accepted as a small over-count",
        buys: "no store write before each event: the API only appends",
        costs:
          "a double like or a retried append can count twice, an unlike has no row to remove, and nobody can ask whether they liked an item",
        winsWhen: "the counted thing is not a person's own toggle (a view or a play)",
      },
    ],
    rules: [],
    fallback: {
      option: "row-exact",
      because:
        "a like is one person's toggle on one item, so its row makes each +1 unique and lets an unlike take it back",
    },
  },
];

export const COUNTER_BOTTLENECKS = [
  {
    bottleneck:
      "One viral item's increments, which all land on one hot key: written uncombined, once per event, the key would need many times what one key of the count store takes, and a read-compare-set per increment would make concurrent writers conflict and retry on that key in a storm",
    mitigation:
      "Combine each key's events in the aggregator for one flush and write the sum as one blind add of the delta to the count, never a read-compare-set; each salt's task adds to its own sub-counter, and readers sum the key's sub-counters",
    formula: {
      yields: "events a second on the hottest key",
      expression: "hot_key_events_per_sec",
      unit: "events/s",
    },
    topic: T,
  },
  {
    bottleneck: "Count reads: every page view reads its item's count, so the reads run at about the counted rate",
    mitigation:
      "Read through a cache whose time to live fits inside the freshness bound; only misses and expiries reach the count store",
    formula: {
      yields: "reads of shown counts a second at peak",
      expression: "messages_per_sec * peak_factor * count_reads_per_event",
      unit: "reads/s",
    },
    topic: T,
  },
] as const;

export const COUNTER_COMPONENTS: ComponentSpec[] = [
  {
    id: "count-store",
    name: "Count store (key-value, one running total per key)",
    kind: "store",
    holds: ["RunningTotal"],
    runs: ["add a batch's sums by batch id", "read and sum a key's sub-counters"],
    because:
      "the number shown beside each item is one row per key and sub-counter that takes a batched blind add (count += delta) and a point read; no read-compare-set runs on it, since on a viral item concurrent writers' compare-and-set attempts would conflict and retry",
    topic: T,
  },
  {
    id: "count-cache",
    name: "Count cache (time to live within the freshness bound)",
    kind: "cache",
    holds: ["copies of running totals"],
    runs: ["serve counts", "expire after the time to live"],
    because: "every page view reads a count, so reads are served from memory and the store sees only misses",
    topic: T,
  },
  {
    id: "count-api",
    name: "Count API (a key's running total)",
    kind: "service",
    runs: ["read a count"],
    because: "answers the shown count from the cache, with the event time it reflects",
    topic: T,
  },
  {
    id: "viewers",
    name: "Pages that show the count",
    kind: "client",
    runs: ["read the count"],
    because: "each page view shows the item's count, read on every load",
    topic: T,
  },
  {
    id: "like-api",
    name: "Like API (set-add or remove a person's like, then append +1 or -1)",
    kind: "service",
    runs: ["add a like if absent", "remove a like if present", "did I like it"],
    because:
      "the (item, person) row is the natural dedupe key: a repeated tap or a retried call finds the row and appends nothing, and an unlike is the row's removal",
    topic: R,
  },
  {
    id: "reaction-store",
    name: "Reaction store (one row per item and person, partitioned by item)",
    kind: "store",
    holds: ["Reaction"],
    runs: ["insert if absent", "delete if present", "point read"],
    because: "who liked what is the truth the counts are derived from and a person's own liked state is read from",
    topic: R,
  },
];

/**
 * A count of people's own likes draws its own pipeline from the Like API: the +1 and -1 events are the system's own
 * writes, appended by item, so the aggregator combines each item's events locally with no event sources, collectors
 * or bot filter in front of it (aggregation.ts marks those rows `unlessTopic` reaction).
 */
export const REACTION_COMPONENTS: ComponentSpec[] = [
  {
    id: "sources",
    name: "People's apps (tap like or unlike)",
    kind: "client",
    runs: ["like", "unlike"],
    because: "a like is made through the system's own API, stamped by its server: nothing is reported from outside",
    topic: R,
  },
  {
    id: "event-log",
    name: "Like log (partitioned by item id: each item's +1 and -1 events)",
    kind: "log",
    runs: ["append", "replay from offset"],
    because:
      "partitioned by item, all of one item's changes reach the same aggregator task, so combining is local and needs no reshuffle",
    topic: R,
  },
  {
    id: "aggregator",
    name: "Combining aggregator (sums each item's +1 and -1 per flush, salted hot items)",
    kind: "worker-pool",
    holds: ["PartialCount", "AggregatorCheckpoint"],
    runs: ["sum per item per flush", "add sums by batch id", "checkpoint with offsets"],
    because:
      "thousands of likes on one item become one add per flush, and the batch is checkpointed with the log offsets it summed",
    topic: R,
  },
];

export const COUNTER_LINKS: LinkSpec[] = [
  { from: "sources", to: "like-api", kind: "request", label: "like or unlike (key, user id)", topic: R },
  { from: "like-api", to: "reaction-store", kind: "request", label: "insert if absent / delete if present", topic: R },
  {
    from: "like-api",
    to: "event-log",
    kind: "request",
    label: "append +1 or -1 for the item, only on a change",
    topic: R,
  },
  { from: "event-log", to: "aggregator", kind: "stream", label: "+1 and -1 events by item, from offset", topic: R },
  {
    from: "aggregator",
    to: "count-store",
    kind: "stream",
    label: "add each flushed batch's sums by batch id",
    topic: T,
  },
  { from: "viewers", to: "count-api", kind: "request", label: "count for a key", topic: T },
  { from: "count-api", to: "count-cache", kind: "request", label: "read the total", topic: T },
  {
    from: "count-cache",
    to: "count-store",
    kind: "request",
    label: "fill on a miss or after the time to live",
    topic: T,
  },
];

type TechnologyInput = z.input<typeof Technology>;

/** The products a count of people's own likes is built on: its reaction store takes every like as a row write. */
export const REACTION_TECHNOLOGIES: TechnologyInput[] = [
  {
    product: "Apache Cassandra or ScyllaDB as the reaction store",
    layer: "storage",
    fits: "A wide-column store partitioned by item, with the person as the clustering key, that takes millions of row writes a second across nodes; a like is an upsert of the (item, person) row, so a repeat rewrites the same row.",
    suits: ["high-throughput", "elastic-scale", "durable"],
    poorFor: ["linearizable", "rich-queries"],
    caveat:
      "INSERT ... IF NOT EXISTS is a Paxos round (several times a plain write's latency), so it is kept off the hot path; a viral item's rows are spread over (item, bucket) partitions.",
    topic: R,
  },
  {
    product: "Amazon DynamoDB as the reaction store",
    layer: "storage",
    fits: "A managed key-value table keyed by (item, person); a like is a PutItem with attribute_not_exists on the key, which succeeds only for the first like.",
    suits: ["high-throughput", "elastic-scale", "operational-simplicity"],
    poorFor: ["low-cost", "rich-queries"],
    caveat:
      "One partition takes about 1,000 writes a second, so a viral item's likes go under (item, bucket) partition keys, the bucket taken from the person's id.",
    topic: R,
  },
  {
    product: "Apache Flink as the combining aggregator",
    layer: "coordination",
    fits: "Keyed state per item (and salt) sums the +1 and -1 events between flushes; a checkpoint snapshots that state with the Kafka offsets, so a restarted task resumes at the batch it had not yet added.",
    suits: ["high-throughput", "elastic-scale", "exactly-once"],
    poorFor: ["operational-simplicity", "low-cost"],
    caveat:
      "The add to the count store is outside the checkpoint, so it stays exactly-once only because the store skips a batch id it already holds.",
    topic: R,
  },
  {
    product: "Redis as the count cache",
    layer: "serving",
    fits: "Keeps each item's total in memory under a key with a time to live inside the freshness bound, answering the impressions' point reads; replicas spread a viral item's reads.",
    suits: ["low-latency", "high-throughput"],
    poorFor: ["durable", "rich-queries"],
    caveat:
      "A cached count is a copy: it is refilled from the count store on a miss and never written by the aggregators.",
    topic: R,
  },
  {
    product: "Apache Kafka as the like log",
    layer: "storage",
    fits: "A partitioned, replicated log keyed by item id, so each item's +1 and -1 events land on one partition and one aggregator task; readers resume from the offset their checkpoint recorded.",
    suits: ["durable", "high-throughput"],
    poorFor: ["rich-queries", "operational-simplicity"],
    caveat: "A viral item's partition carries its whole rate, so the aggregator salts it after reading, not the log.",
    topic: R,
  },
];

export const COUNTER_API: ApiSpec[] = [
  {
    operation: "get count",
    call: "GET /v1/counts/{key}",
    request: ["key"],
    response: ["count", "as_of (the event time it reflects)"],
    errors: ["404 unknown key"],
    guarantee:
      "the count trails the newest events by at most the freshness bound; it may differ from the windowed totals until the recount settles both",
    topic: T,
  },
  {
    operation: "like",
    call: "PUT /v1/items/{key}/likes/{user_id}",
    request: ["key", "user_id"],
    response: ["liked", "changed"],
    errors: ["404 unknown item"],
    guarantee: "idempotent: a repeat finds the row and changes nothing, so a person's like counts once",
    topic: R,
  },
  {
    operation: "unlike",
    call: "DELETE /v1/items/{key}/likes/{user_id}",
    request: ["key", "user_id"],
    response: ["liked", "changed"],
    errors: ["404 unknown item"],
    guarantee: "idempotent: only the call that removes the row appends the -1",
    topic: R,
  },
  {
    operation: "did I like it",
    call: "GET /v1/items/{key}/likes/{user_id}",
    request: ["key", "user_id"],
    response: ["liked"],
    errors: [],
    guarantee: "read from the reaction store, so a person sees their own like at once, ahead of the shown count",
    topic: R,
  },
];

export const COUNTER_DATA: DataSpec[] = [
  {
    entity: "Reaction",
    key: ["key", "user_id"],
    fields: ["created_at"],
    indexes: [],
    partitionKey: "key",
    owner: "reaction-store",
    topic: R,
  },
  {
    entity: "RunningTotal",
    key: ["key", "sub_counter"],
    fields: ["count", "last batch id of the task that owns this sub-counter", "as_of"],
    indexes: [],
    partitionKey: "key",
    owner: "count-store",
    topic: T,
  },
];

export const COUNTER_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Like an item",
    notation:
      "sources>like-api[like (key, user id)] -> like-api>reaction-store[insert (key, user id) {row absent}] -> like-api>event-log[append +1 for the item {the insert created the row}] -> like-api>sources[liked] => done | retry",
    topic: R,
  },
  {
    name: "Flush a batch into the running totals",
    notation:
      "aggregator[each flush interval, sum each key's valid events since the last flush] -> aggregator>count-store[add each key's sum under the batch id {batch id not yet applied for this task}] -> count-store>aggregator[acknowledged] -> aggregator[checkpoint the batch with the log offsets it summed] => done | retry",
    topic: T,
  },
  {
    name: "Read a shown count",
    notation:
      "viewers>count-api[count for a key] -> count-api>count-cache[read the total {copy younger than the time to live}] -> count-cache>count-store[read the total on a miss or after expiry] -> count-api>viewers[count and the event time it reflects] => done",
    topic: T,
  },
];

/**
 * The shown count's capacity: the aggregation's (rate, bytes, hottest key, salts, windows) with the running total's
 * freshness budget and reads beside it. The stated freshness is met by the running total, so the analytics windows
 * keep their usual length instead of shrinking to the bound.
 */
export const COUNTER_CAPACITY: CapacityModel = {
  inputs: [
    ...AGG_CAPACITY.inputs.map((i) =>
      i.quantity === "window_seconds"
        ? {
            quantity: i.quantity,
            label: i.label,
            unit: i.unit,
            typical: i.typical,
            why: "analytics totals are usually kept by the minute; the shown count meets the freshness bound through the running total, not through the windows",
          }
        : i.quantity === "keys"
          ? {
              quantity: i.quantity,
              label: "keys counted (videos, posts, songs)",
              unit: i.unit,
              typical: 1000000000,
              why: "a large platform shows a count beside hundreds of millions to billions of items, most of them rarely viewed (a planning figure)",
            }
          : i,
    ),
    {
      quantity: "log_lag_seconds",
      typical: 1,
      why: "a consumer that keeps up trails the log's head by about a second (a planning figure; alert on consumer lag)",
      from: {
        expression: "propagation_seconds * stage_share",
        why: "a tight freshness bound holds the consumer's lag to its share of it: the aggregators must keep that close to the log's head",
        atMost: 1,
      },
    },
    {
      quantity: "apply_seconds",
      typical: 1,
      why: "a batch of atomic adds to a key-value store, with one retry, lands within about a second",
      from: {
        expression: "propagation_seconds * stage_share",
        why: "a tight freshness bound holds a batch of adds, with its retry, to its share of it",
        atMost: 1,
      },
    },
    {
      quantity: "flush_share",
      label: "share of the freshness left after the log lag and the add that goes to batching",
      unit: "fraction",
      typical: 0.5,
      why: "what the bound leaves is split evenly between batching at the aggregator and the cache's time to live",
    },
    {
      quantity: "flush_seconds",
      typical: 5,
      why: "aggregators flush their sums every few seconds, so a count moves several times a minute and the store takes one add per key per flush",
      from: {
        expression: "(propagation_seconds * (1 - bound_headroom) - log_lag_seconds - apply_seconds) * flush_share",
        why: "the share of the stated freshness planned for use (the rest kept spare for a slow step), less the log lag and the add, split between batching and the cache",
      },
    },
    {
      quantity: "cache_ttl_seconds",
      typical: 5,
      why: "a count cached for a few seconds spares the store almost every read",
      from: {
        expression: "propagation_seconds * (1 - bound_headroom) - log_lag_seconds - apply_seconds - flush_seconds",
        why: "what the share of the stated freshness planned for use leaves after the flush interval, the log lag and the add",
      },
    },
    {
      quantity: "count_reads_per_event",
      label: "reads of the shown count per counted event",
      unit: "reads",
      typical: 1,
      why: "a count is shown on the page whose view it counts, so each counted view is about one read of it (a like or a follow is shown far more often than it is made: state the read rate)",
    },
    {
      quantity: "key_write_limit",
      label: "writes a second one key of the count store takes",
      unit: "writes/s",
      typical: 1000,
      why: "DynamoDB caps each partition at 1,000 write units a second and a write of an item up to 1 KB costs one unit, so one key's row tops out near a thousand writes a second however large the table (AWS warm-throughput docs; a planning figure for other stores)",
    },
    {
      quantity: "distinct_key_share",
      label: "share of a flush's events that are the first for their key in that flush",
      unit: "fraction",
      typical: 0.2,
      why: "popularity is skewed, so most events in a second land on keys already touched in it and combining folds them into one add per key (a planning figure; measure distinct keys per flush)",
    },
    {
      quantity: "count_row_bytes",
      label: "bytes of one running-total row",
      unit: "B",
      typical: 64,
      why: "a key, a 64-bit count, the last batch id per task and a timestamp",
    },
  ],
  figures: [
    ...AGG_CAPACITY.figures.map((f) =>
      // most of a billion keys see no event in a given window: a window holds a row only for a key it counted
      f.id === "window_rows_per_day"
        ? fig(
            "window_rows_per_day",
            "window totals written a day (at most one per key with an event in the window)",
            "rate",
            "min(keys, messages_per_sec * window_seconds) * 86400 / window_seconds",
            "rows/day",
          )
        : f.id === "count_visible_seconds"
          ? fig(
              "window_final_seconds",
              "longest time from an event to its window total being final in the analytics store (window length plus the watermark delay)",
              "time",
              "window_seconds + watermark_delay_seconds",
              "s",
            )
          : f,
    ),
    {
      ...fig(
        "count_visible_seconds",
        "longest time from an event to its shown count (flush interval + log lag + add + cache time to live)",
        "time",
        "flush_seconds + log_lag_seconds + apply_seconds + cache_ttl_seconds",
        "s",
      ),
      bound: "propagation_seconds",
    },

    fig(
      "count_reads",
      "reads of shown counts a second at peak",
      "peak",
      "messages_per_sec * peak_factor * count_reads_per_event",
      "reads/s",
    ),
    fig("count_store_reads", "count reads that miss the cache", "rate", "count_reads * (1 - hit_ratio)", "reads/s"),
    fig(
      "count_adds",
      "adds to running totals a second after combining (one per key touched in a flush, never more than every key once a flush)",
      "rate",
      "min(messages_per_sec * peak_factor * distinct_key_share, keys / flush_seconds)",
      "writes/s",
    ),
    fig(
      "hot_key_uncombined",
      "the hottest key's write load with one write per event, in multiples of one key's write limit",
      "hotspot",
      "hot_key_events_per_sec / key_write_limit",
      "x",
    ),
    fig(
      "hot_key_adds",
      "adds a second to the hottest key after combining (one per salt's sub-counter per flush)",
      "rate",
      "hot_key_salts / flush_seconds",
      "writes/s",
    ),
    fig(
      "hot_key_sub_counters",
      "sub-counters the hottest key needs after combining (its adds over one key's write limit, at least one per salt, each written only by its own task and summed on read)",
      "count",
      "max(hot_key_salts, hot_key_adds / key_write_limit)",
      "sub-counters",
      true,
    ),
    fig("count_store_bytes", "running totals across replicas", "storage", "keys * count_row_bytes * replicas", "B"),
  ],
};

/**
 * A count of people's own likes (topic `reaction`): the shown count's model with its reads stated as what they are,
 * a count read on every impression of the item, far more often than a like is made, from a cache that answers
 * almost all of them, and with the reaction store that takes every like as a row write sized.
 */
const WINDOW_FIGURES = ["window_rows_per_day", "rollup_bytes", "query_rows", "window_final_seconds"];
export const REACTION_CAPACITY: CapacityModel = {
  inputs: [
    ...COUNTER_CAPACITY.inputs.map((i) =>
      i.quantity === "count_reads_per_event"
        ? {
            quantity: i.quantity,
            label: "reads of the shown count per like",
            unit: i.unit,
            typical: 20,
            why: "a like count is read on every impression of the item (each feed, page and list that shows it), and people view far more than they like: tens of reads per like (a planning figure; measure impressions per like)",
          }
        : i,
    ),
    {
      quantity: "hit_ratio",
      label: "share of count reads the count cache answers",
      unit: "fraction",
      typical: 0.99,
      why: "a count cached for a few seconds is read many times before it expires, and most reads go to the few items in people's feeds right now, so the cache answers about 99 reads in 100 (a planning figure)",
    },
    {
      quantity: "reaction_row_bytes",
      label: "bytes of one (item, person) reaction row",
      unit: "B",
      typical: 40,
      why: "an item id, a person id and a timestamp, plus the store's per-row overhead",
    },
  ],
  // the analytics windows' figures (window rows, rollup bytes, range queries, final windows) are no part of it
  figures: [
    ...COUNTER_CAPACITY.figures.filter((f) => !WINDOW_FIGURES.includes(f.id)),
    fig(
      "reaction_writes",
      "row writes a second to the reaction store (each like or unlike is one conditional write of its (item, person) row)",
      "peak",
      "messages_per_sec * peak_factor",
      "writes/s",
    ),
    fig(
      "reaction_bytes_per_day",
      "reaction rows added a day, before unlikes remove some",
      "storage",
      "messages_per_sec * 86400 * reaction_row_bytes * replicas",
      "B/day",
    ),
    fig(
      "hot_item_reaction_buckets",
      "partitions the hottest item's reaction rows are spread over ((item, bucket) keys, the bucket from the person's id), each under one partition's write limit",
      "hotspot",
      "max(1, hot_key_events_per_sec / key_write_limit)",
      "partitions",
      true,
    ),
  ],
};

/**
 * What a design with a shown count must draw, checked by the coherence rule `shown-count-shape`: a component holding
 * the running total, a read path of it, the count reads sized, and the time to a shown count bound by a stated
 * freshness.
 */
export const COUNTER_SHAPE = {
  total: "RunningTotal",
  readsFigure: "count_reads",
  visibleFigure: "count_visible_seconds",
  bound: "propagation_seconds",
} as const;
