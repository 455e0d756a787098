import { fig, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import { AGG_CAPACITY, TOPK_CAPACITY } from "./aggregation.js";
import { COUNTER_CAPACITY, REACTION_CAPACITY } from "./counter.js";
import { FRAUD_CAPACITY } from "./fraud.js";
import { LB_CAPACITY } from "./leaderboard.js";
import { STREAM_CAPACITY } from "./stream.js";
import { TA_CAPACITY } from "./typeahead.js";
import { VEC_CAPACITY } from "./vector.js";
import { WH_CAPACITY } from "./warehouse.js";

/** The capacity model: inputs typical of this kind of system (and why), and the figures every design of it shows. */
export const capacity: CapacityModel = {
  inputs: [
    {
      quantity: "writes_per_sec",
      typical: 5000,
      why: "a system of record behind a search or view changes a few thousand records a second",
      from: [
        { expression: "messages_per_sec", why: "each stated event or post changes one source record" },
        {
          expression: "users * posts_per_user_per_day / 86400",
          why: "each post the product publishes is one new document, from the product's own posts a day",
          fromDesign: true,
        },
      ],
    },
    {
      quantity: "reads_per_sec",
      typical: 20000,
      why: "derived views are read far more often than their sources change",
      // "10,000 queries per second" binds to the request rate; a search or view serves queries, so it is the read rate
      from: [{ expression: "requests_per_sec", why: "each stated query is a read of the index or view" }],
    },
    inp("fanout", 3, "one source change usually touches a few index documents or view rows"),
    inp("objects", 100000000, "a product catalogue or document corpus of about a hundred million records"),
    inp("message_bytes", 2000, "an indexed document with its fields and postings is a few KB"),
    // a source change is readable once capture reads it, the log delivers it, the index writes it and the next refresh
    // opens it; a stated freshness sets the refresh interval so the four fill only the planned share of the bound, and
    // a bound too tight for the usual stages holds each to its share of it
    {
      quantity: "capture_lag_seconds",
      typical: 1,
      why: "a change-data-capture connector reads the source's log about a second behind its commits when it keeps up (a planning figure; alert on its lag)",
      from: {
        expression: "propagation_seconds * stage_share",
        why: "a tight freshness bound holds capture to its share of it",
        atMost: 1,
      },
    },
    {
      quantity: "log_lag_seconds",
      typical: 1,
      why: "a consumer that keeps up trails the log's head by about a second (a planning figure; alert on consumer lag)",
      from: {
        expression: "propagation_seconds * stage_share",
        why: "a tight freshness bound holds the consumer's lag to its share of it",
        atMost: 1,
      },
    },
    {
      quantity: "index_write_seconds",
      typical: 0.5,
      why: "a bulk write of a batch of changed documents lands in a few hundred milliseconds (a planning figure)",
      from: {
        expression: "propagation_seconds * stage_share",
        why: "a tight freshness bound holds each bulk write to its share of it",
        atMost: 0.5,
      },
    },
    {
      quantity: "refresh_seconds",
      typical: 1,
      why: "a near-real-time inverted index makes new writes searchable at its next refresh, and a refresh each second is the common default (Elastic's index.refresh_interval)",
      from: {
        expression:
          "propagation_seconds * (1 - bound_headroom) - capture_lag_seconds - log_lag_seconds - index_write_seconds",
        why: "the share of the stated freshness planned for use (the rest kept spare for a slow step), less capture, the log's lag and the bulk write, where that is below the usual one-second refresh; a looser bound keeps the one-second refresh and its slack absorbs a slow step",
        atMost: 1,
      },
    },
  ],
  figures: [
    fig("projected_writes", "peak index or view writes", "peak", "writes_per_sec * peak_factor * fanout", "writes/s"),
    fig("index_bytes", "index size across replicas", "storage", "objects * message_bytes * replicas", "B"),
    fig(
      "index_shards",
      "index shards at the planned shard size",
      "count",
      "objects * message_bytes / shard_bytes",
      "shards",
      true,
      "partitions",
    ),
    // a search index makes changes visible by refreshing each shard, which writes a new segment (Elasticsearch
    // refreshes every second by default); the freshness budget sets how often that must happen
    fig(
      "shard_refreshes",
      "shard refreshes a second to keep changes searchable within the freshness budget",
      "rate",
      "index_shards / refresh_seconds",
      "refreshes/s",
    ),
    {
      ...fig(
        "copy_fresh_seconds",
        "longest time from a commit to its copy being readable (capture lag + log lag + bulk index + refresh)",
        "time",
        "capture_lag_seconds + log_lag_seconds + index_write_seconds + refresh_seconds",
        "s",
      ),
      bound: "propagation_seconds",
    },
    fig(
      "shard_requests",
      "per-shard requests when a query scatters to every shard",
      "fan-out",
      "reads_per_sec * peak_factor * index_shards",
      "req/s",
    ),
    fig(
      "rebuild_seconds",
      "lower bound on a full rebuild on one node's disk",
      "time",
      "objects * message_bytes / disk_write_bytes_per_sec",
      "s",
    ),
  ],
  // one query: scattered to every index shard, the page waits for the slowest shard, then the results are merged
  latencyPath: {
    serves: "one search query",
    steps: ["client_rtt_seconds", "gateway_seconds", "shard_search_seconds", "merge_rank_seconds"],
    inputs: [
      inp(
        "shard_search_seconds",
        0.05,
        "a shard answers a filtered query in a few to tens of milliseconds, and a scattered query waits for the slowest of its shards, so 50 ms covers the tail (a planning figure; measure it)",
      ),
      inp(
        "merge_rank_seconds",
        0.005,
        "merging the shards' top hits by score and encoding one page takes a few milliseconds at the coordinator (a planning figure)",
      ),
    ],
  },
  // "shown-count" comes before "aggregation" in the topics' order, so a shown count's model is found first
  topics: {
    // "reaction" comes before "shown-count" in the topics' order, so a count of likes finds its own model first
    reaction: REACTION_CAPACITY,
    "shown-count": COUNTER_CAPACITY,
    "top-k": TOPK_CAPACITY,
    aggregation: AGG_CAPACITY,
    typeahead: TA_CAPACITY,
    "fraud-scoring": FRAUD_CAPACITY,
    "vector-search": VEC_CAPACITY,
    leaderboard: LB_CAPACITY,
    "stream-processor": STREAM_CAPACITY,
    "cdc-warehouse": WH_CAPACITY,
  },
};
