import { fig, fleetOf, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import { APP_CONFIG_CAPACITY } from "./app-config.js";
import { DEPLOY_CAPACITY } from "./deploy.js";
import { DNS_CAPACITY } from "./dns.js";
import { FLAG_CAPACITY } from "./flags.js";

/** The capacity model: inputs typical of this kind of system (and why), and the figures every design of it shows. */
export const capacity: CapacityModel = {
  inputs: [
    // where the fleet that takes the changes also answers the prompt's reads from its local copy (name servers
    // answering queries from the zones they were sent, proxies routing by the routes they hold), the stated read
    // rate sizes that fleet: its read path is one lookup in memory per read
    { quantity: "reads_per_sec", statedOnly: true },
    { quantity: "snapshot_reads_per_node" },
    // where the design draws its own fleet (a proxy or gateway tier, cache sites), that fleet applies the config
    fleetOf("config_clients", 10000, "a fleet of proxies, hosts or devices applying the same configuration", [
      // "firmware for 3 million smart thermostats": each stated device takes the change itself
      { expression: "devices", why: "each stated device applies the change itself" },
      // "timeouts used by 8,000 services": every running instance of a stated service reads the configuration
      {
        expression: "services * instances_per_service",
        why: "each running instance of a stated service applies the configuration itself",
      },
      ...["proxies", "gateways", "cache_sites"].map((fleet) => ({
        expression: fleet,
        why: `the design's ${fleet.replace(/_/g, " ")} are the fleet that applies the configuration`,
        fromDesign: true as const,
      })),
      {
        expression: "max(3, reads_per_sec / (snapshot_reads_per_node * target_utilisation))",
        why: "the fleet that takes each change also answers the stated reads from its local snapshot, so it has as many nodes as those reads need at the planned utilisation (three at least, so one can fail)",
      },
    ]),
    inp("changes_per_sec", 1, "configuration changes are human- or controller-paced, about one a second at peak"),
    // a change reaches a node as a delta from the version it has applied (the card's own mitigation): one changed
    // flag, route or rule, not the whole snapshot; the whole snapshot goes only to a node that starts or falls behind
    {
      quantity: "delta_bytes",
      typical: 1000,
      why: "one changed flag, route or rule with its new version is about a kilobyte",
    },
    // how a node picks a committed change up: the distribution decision fixes it (a stream write, or its next poll)
    {
      quantity: "node_pickup_seconds",
      label: "time from a committed change to a node holding it (a watch stream's write, or the node's next poll)",
      unit: "s",
      typical: 0.1,
      why: "a watch stream sends the change as soon as its distribution server sees the commit: a relay hop and a stream write, about a hundred milliseconds (a planning figure; measure it)",
    },
    {
      quantity: "resync_seconds",
      typical: 60,
      why: "nodes reconnect with jittered backoff over about a minute after a distribution server restarts, and keep serving their local copy meanwhile",
    },
  ],
  figures: [
    fig(
      "change_bytes",
      "bytes pushed to bring every node one change (a delta from each node's applied version)",
      "bandwidth",
      "delta_bytes * config_clients",
      "B",
    ),
    fig(
      "rollout_bandwidth",
      "distribution bandwidth to reach every node with a change in the propagation target",
      "bandwidth",
      "change_bytes / propagation_seconds",
      "B/s",
    ),
    // a stated bound on a change reaching every node is spent commit + pickup + apply, so the path is shown to fit
    {
      ...fig(
        "config_spread_seconds",
        "worst-case time for a committed change to reach every node (the commit + the node's pickup: a stream write or its next poll + the swap)",
        "time",
        "change_commit_seconds + node_pickup_seconds + site_apply_seconds",
        "s",
      ),
      bound: "propagation_seconds",
    },
    fig(
      "rollout_bytes",
      "bytes pushed when every node takes a full snapshot (a whole fleet starting, or re-syncing after a distribution server restart)",
      "bandwidth",
      "config_bytes * config_clients",
      "B",
    ),
    fig(
      "resync_bandwidth",
      "distribution bandwidth while a whole fleet re-syncs full snapshots over its jittered reconnect window",
      "bandwidth",
      "rollout_bytes / resync_seconds",
      "B/s",
    ),
    fig(
      "reads_per_node",
      "reads each node answers from its local snapshot at peak (the stated read rate over the serving fleet)",
      "hotspot",
      "reads_per_sec / config_clients",
      "reads/s",
    ),
    fig("node_updates_per_sec", "node updates per second", "fan-out", "changes_per_sec * config_clients", "updates/s"),
    fig(
      "status_reports_per_sec",
      "status reports at the control plane",
      "hotspot",
      "config_clients / heartbeat_seconds",
      "reports/s",
    ),
    fig("watch_streams", "open watch streams", "count", "config_clients", "streams", true),
    // the streams and the rollout bandwidth are held by servers: each holds so many streams (one per node) and
    // sends so many bytes a second, so the larger of the two bounds sets how many distribution (relay) servers fan
    // out; under polling there are no watch streams and the label's words drop the figure with them
    fig(
      "distribution_servers",
      "distribution servers holding the watch streams, sending a change within the target and a fleet's full re-sync within its reconnect window, at the planned utilisation",
      "count",
      "max(replicas, config_clients / (streams_per_server * target_utilisation), max(rollout_bandwidth, resync_bandwidth) / (server_egress_bytes_per_sec * target_utilisation))",
      "servers",
      true,
    ),
  ],
  topics: {
    "app-config": APP_CONFIG_CAPACITY,
    "feature-flags": FLAG_CAPACITY,
    dns: DNS_CAPACITY,
    "deploy-rollout": DEPLOY_CAPACITY,
  },
};
