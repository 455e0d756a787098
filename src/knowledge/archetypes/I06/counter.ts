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
 */

const T = "shown-count" as const;

export const COUNTER_ENTITIES = [
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
] as const;

export const COUNTER_INVARIANTS = [
  "Each aggregator batch adds to a key's RunningTotal at most once, by its batch id, however often the add is retried after a lost acknowledgement.",
  "A RunningTotal shows every counted event within the freshness bound: the flush interval, the log lag, the add and the cache's time to live together stay inside it.",
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
] as const;

export const COUNTER_BOTTLENECKS = [
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
    runs: ["add a batch's sums by batch id", "read a total"],
    because:
      "the number shown beside each item is one row per key that takes a batched atomic add and a point read; no time-range query is needed for it",
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
];

export const COUNTER_LINKS: LinkSpec[] = [
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
];

export const COUNTER_DATA: DataSpec[] = [
  {
    entity: "RunningTotal",
    key: ["key"],
    fields: ["count", "last batch id per aggregator task", "as_of"],
    indexes: [],
    partitionKey: "key",
    owner: "count-store",
    topic: T,
  },
];

export const COUNTER_PROTOCOLS: ProtocolSpec[] = [
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
    },
    {
      quantity: "apply_seconds",
      typical: 1,
      why: "a batch of atomic adds to a key-value store, with one retry, lands within about a second",
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
      "adds to running totals a second (at most one per key per flush, never more than the events)",
      "rate",
      "min(messages_per_sec * peak_factor, keys / flush_seconds)",
      "writes/s",
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
