import { fig, fromUsers, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";

/** The capacity model: inputs typical of this kind of system (and why), and the figures every design of it shows. */
export const capacity: CapacityModel = {
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
    inp("nodes", 50, "a cache tier or CDN footprint of a few dozen sites or nodes"),
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
    fig("egress_per_node", "egress per site or cache node at peak", "bandwidth", "egress_bandwidth / nodes", "B/s"),
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
      "changes_per_sec * nodes",
      "purges/s",
    ),
  ],
};
