import { fig, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";

/** The capacity model: inputs typical of this kind of system (and why), and the figures every design of it shows. */
export const capacity: CapacityModel = {
  inputs: [
    inp(
      "changes_per_sec",
      500,
      "coordination metadata changes rarely: a busy cluster writes a few hundred changes a second",
    ),
    inp("clients", 10000, "every service instance of a large fleet holds one session with the store"),
    inp("subscribers", 20, "a few controllers and proxies watch each key range"),
    inp("bytes_stored", 2e9, "etcd's default storage quota is 2 GB; coordination state is kept that small"),
    // "two of the five servers die", "one of its five replicas dies": the machines of a small ensemble are its voters
    {
      quantity: "voters",
      from: [
        {
          expression: "nodes",
          why: "the prompt's servers are the ensemble itself: each is a voting member of the one consensus group",
          atMost: 9,
          allStated: true,
        },
        {
          expression: "replicas",
          why: "the prompt's replicas of the metadata are the ensemble itself: each is a voting member of the one consensus group",
          atMost: 9,
          allStated: true,
        },
      ],
    },
  ],
  figures: [
    fig("peak_changes_per_sec", "peak metadata writes", "peak", "changes_per_sec * peak_factor", "writes/s"),
    // keep-alives refresh a session in the memory of the leader (etcd) or the connected server (ZooKeeper): no log entry
    fig(
      "session_keepalives_per_sec",
      "session keep-alives, answered in memory without a log entry",
      "rate",
      "clients / heartbeat_seconds",
      "msg/s",
    ),
    fig("leader_write_load", "writes through the one leader's log", "hotspot", "peak_changes_per_sec", "writes/s"),
    fig(
      "leader_utilisation",
      "share of one leader's write capacity in use",
      "hotspot",
      "leader_write_load / leader_writes_per_sec",
      "fraction",
    ),
    fig(
      "consensus_groups",
      "consensus groups needed",
      "count",
      "leader_write_load / (leader_writes_per_sec * target_utilisation)",
      "groups",
      true,
      "partitions",
    ),
    fig(
      "replication_msgs_per_sec",
      "replication messages sent by the leader",
      "bandwidth",
      "leader_write_load * (voters - 1)",
      "msgs/s",
    ),
    fig(
      "watch_events_per_sec",
      "watch notifications at peak",
      "fan-out",
      "peak_changes_per_sec * subscribers",
      "events/s",
    ),
    fig(
      "snapshot_seconds",
      "time to ship a full snapshot to a new replica",
      "time",
      "bytes_stored / disk_write_bytes_per_sec",
      "s",
    ),
    // the followers wait out the election timeout before one stands, then clients and watchers find the new leader
    {
      ...fig(
        "leader_failover_time",
        "worst-case time to replace a failed leader and redirect clients to the new one",
        "time",
        "store_election_seconds + notify_seconds",
        "s",
      ),
      bound: "failover_seconds",
    },
  ],
};
