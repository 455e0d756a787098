import { fig } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
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
 */

const T = "shown-count" as const;
/** A count of people's own likes or reactions (topic `reaction`): each is a toggle of one person on one item. */
const R = "reaction" as const;

export const COUNTER_ENTITIES = [
  {
    name: "RunningTotal",
    description:
      "The lifetime count of one key, the number shown beside the item: its total, the last batch id each aggregator task added, and the event time it reflects; it trails the events by the flush interval and can be rebuilt from the raw events; like a window's total, it is the answer its readers use.",
    truth: true,
    topic: T,
  },
  {
    name: "Reaction",
    description:
      "One person's like of one item, kept once as the row (key, user id): the set of who liked what, which answers whether a person liked the item, lets an unlike remove it, and is the dedupe key that keeps a repeated tap from counting twice; only a change to it appends a +1 or -1 event to the log.",
    truth: true,
    topic: R,
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

export const COUNTER_INVARIANTS = [
  "A RunningTotal shows every counted event within the freshness bound: the flush interval, the log lag, the add and the cache's time to live add up to less than it.",
  "Each aggregator batch adds to a key's RunningTotal at most once, by its batch id, however often the add is retried after a lost acknowledgement.",
];

/** The rule of a count of people's own likes: one person's like counts once (topic `reaction`). */
export const REACTION_INVARIANTS = [
  "A repeated tap or a retried like moves no count: only the add or the removal that changes the Reaction (key, user id), which exists once, appends a +1 or -1 event.",
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
] as const;

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
