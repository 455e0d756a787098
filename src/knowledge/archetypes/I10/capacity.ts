import { fig, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";

/** The capacity model: inputs typical of this kind of system (and why), and the figures every design of it shows. */
export const capacity: CapacityModel = {
  inputs: [
    {
      quantity: "clients",
      typical: 1000000,
      why: "a presence or registry service tracks about a million live sessions or instances",
      from: [
        {
          expression: "services * instances_per_service",
          why: "every running instance of a service registers and heartbeats as one member",
        },
        { expression: "nodes", why: "each stated server runs one agent that holds a session with the registry" },
        {
          expression: "moving_objects",
          why: "each stated moving object reports its position while it is online, so each holds a live session",
        },
        {
          expression: "users * online_share",
          why: "every online user's device holds one session",
          fromDesign: true,
        },
      ],
    },
    {
      quantity: "membership_changes_per_sec",
      typical: 1000,
      why: "joins, leaves and status changes are a small share of heartbeats",
      from: { expression: "clients / 600", why: "a member changes status about once every ten minutes" },
    },
    inp(
      "subscribers",
      50,
      "each membership change is watched by a few dozen subscribers that keep a view of the members",
    ),
    // a stated bound on a status change reaching the watchers ("status changes visible to their contacts within 5
    // seconds") covers the change no member announces, its death, which only the missed beats reveal: the slowest
    // change the bound covers is a removal, so the freshness bound is the removal bound (read only when stated)
    {
      quantity: "detection_bound_seconds",
      from: {
        expression: "propagation_seconds",
        why: "a status change the watchers must see within the stated time includes a member that dies without a word, which only its missed beats reveal, so the slowest change the bound covers is a removal",
        allStated: true,
      },
    },
    // a stated bound on removing a dead member is met by the failure detector: the misses it waits for, each one
    // interval long, then the removal spreading to the watchers, all planned inside the bound's share the headroom rule
    // leaves (BOUND_MARGIN), so a late beat or a slow push still lands within the bound
    {
      quantity: "heartbeat_seconds",
      typical: 5,
      why: "a few seconds lets expiry detect a dead member within a few missed beats",
      from: {
        expression: "(detection_bound_seconds * (1 - bound_headroom) - notify_seconds) / missed_heartbeats",
        why: "the stated removal bound's planned share (its headroom kept spare), less the time to tell the watchers, over the missed beats waited for",
      },
    },
    inp("value_bytes", 200, "one registration (id, address, status, expiry) is a couple of hundred bytes"),
    inp(
      "leader_requests_per_sec",
      30000,
      "etcd's performance guide reports a three-member cluster completing more than 30,000 requests a second under heavy load, and each keep-alive is one request its leader answers",
    ),
  ],
  figures: [
    fig("heartbeats_per_sec", "heartbeats received", "hotspot", "clients / heartbeat_seconds", "writes/s"),
    // a shard is one replica group: its leader takes the shard's heartbeats and its replicas add copies, never
    // throughput, so the load divides by shards and the nodes are the shards times their replicas. The group is a
    // consensus group (the registry products the chosen option prefers: etcd or ZooKeeper ephemeral keys), whose
    // leader answers each session's keep-alive itself (etcd's lessor renews a lease on the leader, committing only an
    // occasional checkpoint), so a shard is planned at a consensus leader's request rate, the one a lock service's
    // keep-alives are planned at, never at an in-memory cache node's
    fig(
      "registry_shards",
      "registry shards (one replica group each, its leader taking the shard's heartbeats)",
      "count",
      "heartbeats_per_sec / (leader_requests_per_sec * target_utilisation)",
      "shards",
      true,
    ),
    fig(
      "registry_nodes",
      "registry nodes: every shard's replicas",
      "count",
      "registry_shards * replicas",
      "nodes",
      true,
      "nodes",
    ),
    fig(
      "heartbeats_per_shard",
      "heartbeats each shard's leader takes (its replicas add copies, not throughput)",
      "rate",
      "heartbeats_per_sec / registry_shards",
      "writes/s",
    ),
    fig(
      "notifications_per_sec",
      "change notifications at peak",
      "fan-out",
      "membership_changes_per_sec * peak_factor * subscribers",
      "events/s",
    ),
    fig(
      "detection_seconds",
      "failure detection with three missed heartbeats",
      "time",
      "missed_heartbeats * heartbeat_seconds",
      "s",
    ),
    // from a member's death: its missed beats, then the registry's removal reaching the watchers (DNS, blocking
    // queries, subscribers); a stated removal bound holds this figure
    {
      ...fig(
        "removal_time",
        "worst-case time from a member's death until every watcher's view drops it",
        "time",
        "detection_seconds + notify_seconds",
        "s",
      ),
      bound: "detection_bound_seconds",
    },
    fig("registry_bytes", "registrations across replicas", "storage", "clients * value_bytes * replicas", "B"),
  ],
};
