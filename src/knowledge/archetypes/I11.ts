import type { ArchetypeInput } from "../schema.js";

export const I11 = {
  id: "I11",
  name: "Control Plane + Snapshot Distribution",
  summary:
    "A control plane holds the desired configuration (routes, flags, policies, firmware targets) and distributes versioned snapshots to a large fleet, which applies them locally and reports what it runs. The authoritative state is the config truth and its version history; each node's applied version is the observed state. The core concern is that every node runs one complete, validated version, that changes roll out safely in stages, and that the data plane keeps working on its last good snapshot when the control plane is away. Feature-flag services, xDS servers, OS update rollouts and policy push systems share this shape.",
  roles: ["truth", "coordination"],
  signals: {
    phrases: [
      { text: "control plane", weight: 1 },
      { text: "configuration service", weight: 0.95 },
      { text: "config service", weight: 0.95 },
      { text: "config distribution", weight: 1 },
      { text: "feature flag", weight: 0.95 },
      { text: "push configuration", weight: 0.9 },
      { text: "push rules", weight: 0.85 },
      { text: "push policies", weight: 0.9 },
      { text: "propagate config", weight: 0.9 },
      { text: "rollout", weight: 0.7 },
      { text: "staged rollout", weight: 0.9 },
      { text: "update rollout", weight: 0.9 },
      { text: "os update", weight: 0.8 },
      { text: "firmware update", weight: 0.8 },
      { text: "rollout progress", weight: 0.8 },
      { text: "every host fleet", weight: 0.6 },
      { text: "every proxy", weight: 0.5 },
      { text: "every node", weight: 0.4 },
      { text: "routing rules", weight: 0.6 },
      { text: "firewall policies", weight: 0.7 },
      { text: "dynamic configuration", weight: 0.85 },
      { text: "roll back", weight: 0.4 },
      { text: "canary release", weight: 0.6 },
      { text: "desired state", weight: 0.6 },
      { text: "config snapshot", weight: 0.9 },
      { text: "within seconds every", weight: 0.4 },
    ],
    systems: [
      { name: "LaunchDarkly", aliases: [], weight: 1 },
      { name: "AWS AppConfig", aliases: ["AppConfig"], weight: 1 },
      { name: "xDS", aliases: ["Envoy xDS"], weight: 0.9 },
      { name: "Puppet", aliases: [], weight: 0.8 },
      { name: "Chef", aliases: [], weight: 0.7 },
      { name: "Spinnaker", aliases: [], weight: 0.7 },
    ],
  },
  entities: [
    {
      name: "ConfigVersion",
      description:
        "An immutable, validated snapshot of the desired configuration with a monotonically increasing version.",
      truth: true,
    },
    {
      name: "Rollout",
      description: "The plan and progress of moving targets to a version: cohorts, gates, state.",
      truth: true,
    },
    { name: "NodeStatus", description: "The version each node reports as applied, with health.", truth: false },
    { name: "Target", description: "A node, device or proxy that receives snapshots.", truth: false },
  ],
  writePaths: [
    {
      action: "publish config version",
      entity: "ConfigVersion",
      shape: "create target",
      mechanism: "versioned-snapshot",
      critical: true,
    },
    {
      action: "advance rollout stage",
      entity: "Rollout",
      shape: "state transition",
      mechanism: "staged-rollout",
      critical: true,
    },
    { action: "propagate config", entity: "Target", shape: "async process", mechanism: "watch-stream", hidden: true },
    {
      action: "report applied version",
      entity: "NodeStatus",
      shape: "overwrite current value",
      mechanism: "heartbeat-renewal",
      hidden: true,
    },
    { action: "roll back config", entity: "Rollout", shape: "state transition", mechanism: "guarded-transition" },
  ],
  readPaths: [
    {
      action: "evaluate local snapshot",
      entity: "ConfigVersion",
      shape: "read projection",
      staleness: "the node's last applied version; seconds to minutes behind",
    },
    {
      action: "read rollout progress",
      entity: "NodeStatus",
      shape: "read projection",
      staleness: "one report interval",
    },
  ],
  protocols: [
    {
      name: "publish and roll out",
      notation:
        "operator[publish {validation passes}] -> control[create version {ConfigVersion.version = last + 1}] -> control[advance stage {cohort healthy}] -> node[apply snapshot {version newer than applied}] -> node[report version] |-> control[roll back {health gate fails}] => done | rollback",
    },
    {
      name: "node catch-up",
      notation:
        "node[watch {from applied version}] -> control[send latest snapshot] -> node[swap atomically] |-> node[keep last good {snapshot invalid}] => done | retry",
    },
  ],
  invariants: [
    "Each node applies a whole ConfigVersion atomically; it never runs half of one and half of another.",
    "A node never moves to an older ConfigVersion except through an explicit rollback.",
    "A Rollout never widens to a new cohort while the current cohort's health gate is failing.",
    "A node that cannot reach the control plane keeps serving with its last good snapshot.",
  ],
  contract: {
    api: [
      "publish(config) -> version | validation errors",
      "rollout(version, plan) -> rollout id; pause / resume / roll back",
      "watch(node, from version) -> stream of snapshots",
      "status(rollout) -> per-cohort applied counts and health",
    ],
    guarantees: [
      "eventual convergence of every reachable node to the target version",
      "monotonic versions per node except on rollback",
    ],
  },
  predicates: [
    { id: "derived-read", because: "nodes evaluate a local copy of the config" },
    { id: "ordering-matters", because: "versions must apply in order and never go backwards" },
    { id: "stale-write-dangerous", because: "two operators editing config must not clobber each other" },
    { id: "quorum-truth", because: "the config truth must survive control-plane node loss" },
  ],
  failures: [
    {
      failure: "a bad config reaches the whole fleet",
      role: "coordination",
      prevention: "validation, staged rollout and automatic health gates",
      repair: "roll back by publishing the previous version; nodes keep it locally",
    },
    {
      failure: "a node applies a partial snapshot",
      role: "derived",
      prevention: "whole-snapshot swap with checksum",
      repair: "node discards it and refetches",
    },
    {
      failure: "nodes miss updates while disconnected",
      role: "derived",
      prevention: "watches resume from the applied version",
      repair: "on reconnect the node receives the latest snapshot",
    },
    {
      failure: "two operators publish conflicting edits",
      role: "truth",
      prevention: "compare-and-set on the config's current version",
      repair: "the second edit is rejected and rebased",
    },
    {
      failure: "the control plane is down",
      role: "coordination",
      prevention: "data plane depends only on its local snapshot",
      repair: "control plane recovers; rollouts resume from recorded progress",
    },
  ],
  bottlenecks: [
    {
      bottleneck: "pushing snapshots to a very large fleet at once",
      mitigation: "fan-out through relays or a CDN, deltas instead of whole snapshots, staged cohorts",
      formula: { yields: "bytes pushed per full rollout", expression: "config_bytes * nodes", unit: "B" },
    },
    {
      bottleneck: "status reports from every node",
      mitigation: "aggregate reports per cohort and sample health",
      formula: { yields: "status reports per second", expression: "nodes / heartbeat_seconds", unit: "reports/s" },
    },
    {
      bottleneck: "watch connections held open by every node",
      mitigation: "connection-holding relay tier; long-poll with backoff",
      formula: { yields: "open watch streams", expression: "nodes", unit: "streams" },
    },
  ],
  silhouette: {
    storage: "config truth + snapshot state",
    coordination: "watch, propagation, rollout",
    serving: "local snapshot evaluator",
  },
  technologies: [
    {
      product: "etcd or Consul KV",
      layer: "storage",
      fits: "versioned config truth with watches",
      suits: ["linearizable", "small-metadata", "durable"],
      poorFor: ["high-throughput", "large-objects"],
      caveat: "fan-out to a big fleet needs a relay tier",
    },
    {
      product: "Envoy xDS management server",
      layer: "coordination",
      fits: "streams versioned route and policy snapshots to proxies",
      suits: ["eventual", "stay-available", "low-latency"],
      poorFor: ["operational-simplicity"],
      caveat: "you implement versioning and acks",
    },
    {
      product: "LaunchDarkly / AppConfig",
      layer: "serving",
      fits: "managed flags with local evaluation and staged rollout",
      suits: ["operational-simplicity", "stay-available", "elastic-scale"],
      poorFor: ["low-cost"],
      caveat: "vendor SDK on every node",
    },
    {
      product: "Object store + CDN for snapshots",
      layer: "serving",
      fits: "cheap, scalable distribution of large immutable snapshots",
      suits: ["large-objects", "low-cost", "elastic-scale"],
      poorFor: ["low-latency"],
      caveat: "polling delays propagation",
    },
  ],
  connections: [
    {
      to: "I14",
      role: "substrate",
      why: "snapshots and update images are immutable artifacts referenced by version",
      typical: false,
    },
    { to: "I01", role: "substrate", why: "config truth and versions live in a consensus-backed store" },
    { to: "I10", role: "input", why: "the set of targets comes from a fleet registry" },
    { to: "I17", role: "output", why: "proxies consume the route snapshots" },
  ],
} satisfies ArchetypeInput;
