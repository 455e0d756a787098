import { fig, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import { CRAWL_CAPACITY, siteDeep } from "./crawl.js";

/** The capacity model: inputs typical of this kind of system (and why), and the figures every design of it shows. */
export const capacity: CapacityModel = {
  inputs: [
    {
      quantity: "items",
      typical: 1e9,
      why: "a web-scale frontier or large keyspace holds about a billion items",
      from: [
        { expression: "items_per_sec * scan_period_seconds", why: "the stated visit rate over one pass" },
        // "walk all 800 million customer records": each stated record, row or object is one item the pass visits
        { expression: "objects", why: "each stored record the prompt counts is one item the pass visits" },
      ],
    },
    inp("object_bytes", 100000, "a fetched page or scanned batch is on the order of 100 KB"),
    inp("task_seconds", 2, "fetching or checking one item takes a second or two"),
    inp("slots_per_worker", 100, "an asynchronous fetcher keeps about a hundred visits in flight"),
    inp("value_bytes", 200, "a frontier entry (URL or key, next-visit time, priority) is a couple of hundred bytes"),
  ],
  figures: [
    fig(
      "visits_per_sec",
      "visits per second to finish a pass on time",
      "rate",
      "items / scan_period_seconds",
      "items/s",
    ),
    fig("fetch_bandwidth", "fetch bandwidth", "bandwidth", "visits_per_sec * object_bytes", "B/s"),
    fig("fetched_per_day", "bytes fetched per day", "growth", "visits_per_sec * object_bytes * 86400", "B/day"),
    fig(
      "workers_needed",
      "workers at the planned slots each",
      "count",
      "visits_per_sec * task_seconds / slots_per_worker",
      "workers",
      true,
      "workers",
    ),
    fig("frontier_bytes", "frontier size across replicas", "storage", "items * value_bytes * replicas", "B"),
    fig(
      "visits_per_shard",
      "visits per second per frontier shard",
      "hotspot",
      "visits_per_sec / partitions",
      "items/s",
    ),
  ],
  topics: { "polite-site": siteDeep(CRAWL_CAPACITY), crawl: CRAWL_CAPACITY },
};
