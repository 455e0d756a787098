import { fig, fleetOf, fromUsers, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";

/** The capacity model: inputs typical of this kind of system (and why), and the figures every design of it shows. */
const base: CapacityModel = {
  // a change is visible to readers once every cache node holding the item has dropped or replaced it
  copiesFollowChanges: true,
  inputs: [
    // a cached item is the value the store behind the cache holds: one size for both, so the hot set is a share of the data
    {
      quantity: "value_bytes",
      typical: 100000,
      why: "a cached page, asset or API response is tens to hundreds of KB",
      from: { expression: "object_bytes", why: "the objects the prompt sizes are the items cached" },
    },
    // a stated bandwidth served ("10 Tbps of static content") is requests of one cached item each
    (() => {
      const base = fromUsers(
        50000,
        "a popular site or API in front of one origin serves tens of thousands of reads a second",
      );
      const from = Array.isArray(base.from) ? base.from : base.from ? [base.from] : [];
      return {
        ...base,
        from: [
          {
            expression: "bytes_per_sec / value_bytes",
            why: "the stated bandwidth served, one cached item per request",
          },
          ...from,
        ],
      };
    })(),
    inp("objects", 10000000, "a catalogue of about ten million cacheable items"),
    inp("changes_per_sec", 100, "origin content changes far less often than it is read"),
    fleetOf("cache_sites", 50, "a cache tier or CDN footprint of a few dozen sites or nodes"),
  ],
  figures: [
    fig("peak_requests_per_sec", "peak requests", "peak", "requests_per_sec * peak_factor", "req/s"),
    fig(
      "origin_requests_per_sec",
      "requests that miss and reach the origin at peak",
      "hotspot",
      "peak_requests_per_sec * (1 - hit_ratio)",
      "req/s",
    ),
    fig("egress_bandwidth", "egress bandwidth at peak", "bandwidth", "peak_requests_per_sec * value_bytes", "B/s"),
    // the egress is served by the sites (or cache nodes) it is spread over, each by servers of a bounded network egress
    fig(
      "egress_per_node",
      "egress per site or cache node at peak",
      "bandwidth",
      "egress_bandwidth / cache_sites",
      "B/s",
    ),
    fig(
      "servers_per_node",
      "servers one site needs for its share of the egress, at the planned utilisation",
      "count",
      "egress_per_node / (server_egress_bytes_per_sec * target_utilisation)",
      "servers",
      true,
    ),
    fig("hot_set_bytes", "cache size for the hot set", "storage", "objects * value_bytes * hot_set_fraction", "B"),
    fig("cache_nodes", "cache nodes to hold the hot set", "count", "hot_set_bytes / cache_node_bytes", "nodes", true),
    fig(
      "purges_per_sec",
      "invalidations delivered to every cache site",
      "fan-out",
      "changes_per_sec * cache_sites",
      "purges/s",
    ),
  ],
};

/**
 * A look-aside cache tier in front of a database in one region: no sites, servers per site or purge fan-out, and a
 * committed change reaches the copies through a tailer of the database's commit log (Facebook's mcsqueal), whose
 * capture lag and delete round trip together are the time to a visible change, bound by a stated freshness.
 */
const CACHE_ASIDE_CAPACITY: CapacityModel = {
  inputs: [
    ...base.inputs,
    {
      quantity: "capture_lag_seconds",
      typical: 1,
      why: "a tailer reads the database's commit log about a second behind its commits when it keeps up (a planning figure; alert on its lag)",
      from: {
        expression: "propagation_seconds * stage_share",
        why: "a tight freshness bound holds capture to its share of it",
        atMost: 1,
      },
    },
    inp(
      "invalidation_delete_seconds",
      0.05,
      "the tailer batches the deletes it read for a few milliseconds and sends each to the cache node that owns the key, one round trip inside the region, tens of milliseconds with the acknowledgement (a planning figure; measure it)",
    ),
    inp(
      "cache_ttl_seconds",
      300,
      "every copy also expires after a few minutes, the backstop that caps how long a copy outlives a change the tailer never delivered",
    ),
  ],
  figures: [
    ...base.figures.filter(
      (f) => !["egress_per_node", "servers_per_node", "purges_per_sec", "cache_nodes"].includes(f.id),
    ),
    // every read of the tier lands on the key's one node, so the node count must carry the request rate as well as
    // hold the hot set: the larger of the two decides
    fig(
      "cache_nodes",
      "cache nodes to hold the hot set and serve the peak requests",
      "count",
      "max(hot_set_bytes / cache_node_bytes, peak_requests_per_sec / (cache_node_ops_per_sec * target_utilisation))",
      "nodes",
      true,
    ),
    {
      ...fig(
        "invalidation_visible_seconds",
        "longest time from a commit to the stale copy being deleted (capture lag + delete round trip)",
        "time",
        "capture_lag_seconds + invalidation_delete_seconds",
        "s",
      ),
      bound: "propagation_seconds",
    },
    fig(
      "lost_change_stale_seconds",
      "longest a copy outlives a change whose delete was never delivered (its time to live, the backstop)",
      "time",
      "cache_ttl_seconds",
      "s",
    ),
  ],
};

export const capacity: CapacityModel = { ...base, topics: { "cache-aside": CACHE_ASIDE_CAPACITY } };
