import { fig, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import { FLAG_CAPACITY } from "./flags.js";

/** The capacity model: inputs typical of this kind of system (and why), and the figures every design of it shows. */
export const capacity: CapacityModel = {
  inputs: [
    inp("nodes", 10000, "a fleet of proxies, hosts or devices applying the same configuration"),
    inp("changes_per_sec", 1, "configuration changes are human- or controller-paced, about one a second at peak"),
  ],
  figures: [
    fig("rollout_bytes", "bytes pushed per full rollout", "bandwidth", "config_bytes * nodes", "B"),
    fig(
      "rollout_bandwidth",
      "distribution bandwidth to reach every node in the propagation target",
      "bandwidth",
      "rollout_bytes / propagation_seconds",
      "B/s",
    ),
    fig("node_updates_per_sec", "node updates per second", "fan-out", "changes_per_sec * nodes", "updates/s"),
    fig(
      "status_reports_per_sec",
      "status reports at the control plane",
      "hotspot",
      "nodes / heartbeat_seconds",
      "reports/s",
    ),
    fig("watch_streams", "open watch streams", "count", "nodes", "streams", true),
    // the streams and the rollout bandwidth are held by servers: each holds so many streams (one per node) and
    // sends so many bytes a second, so the larger of the two bounds sets how many distribution (relay) servers fan
    // out; under polling there are no watch streams and the label's words drop the figure with them
    fig(
      "distribution_servers",
      "distribution servers holding the watch streams and sending a full rollout within the target, at the planned utilisation",
      "count",
      "max(replicas, nodes / (streams_per_server * target_utilisation), rollout_bandwidth / (server_egress_bytes_per_sec * target_utilisation))",
      "servers",
      true,
    ),
  ],
  topics: { "feature-flags": FLAG_CAPACITY },
};
