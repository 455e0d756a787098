import { fig, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import { AGG_CAPACITY, TOPK_CAPACITY } from "./aggregation.js";
import { COUNTER_CAPACITY } from "./counter.js";
import { TA_CAPACITY } from "./typeahead.js";

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
      "index_shards / propagation_seconds",
      "refreshes/s",
    ),
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
  // "shown-count" comes before "aggregation" in the topics' order, so a shown count's model is found first
  topics: {
    "shown-count": COUNTER_CAPACITY,
    "top-k": TOPK_CAPACITY,
    aggregation: AGG_CAPACITY,
    typeahead: TA_CAPACITY,
  },
};
