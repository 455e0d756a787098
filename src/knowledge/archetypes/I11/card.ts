import type { ArchetypeInput } from "../../schema.js";
import { keptBy } from "../../topics.js";
import {
  DEPLOY_BOTTLENECKS,
  DEPLOY_ENTITIES,
  DEPLOY_FAILURES,
  DEPLOY_INVARIANTS,
  DEPLOY_KEPT_BY,
  DEPLOY_READS,
  DEPLOY_SCOPES,
  DEPLOY_SILHOUETTE,
  DEPLOY_TECHNOLOGIES,
  DEPLOY_WRITES,
} from "./deploy.js";
import {
  DNS_BOTTLENECKS,
  DNS_ENTITIES,
  DNS_FAILURES,
  DNS_INVARIANTS,
  DNS_KEPT_BY,
  DNS_READS,
  DNS_SCOPES,
  DNS_SILHOUETTE,
  DNS_TECHNOLOGIES,
  DNS_WRITES,
} from "./dns.js";
import {
  FLAG_BOTTLENECKS,
  FLAG_ENTITIES,
  FLAG_FAILURES,
  FLAG_INVARIANTS,
  FLAG_KEPT_BY,
  FLAG_READS,
  FLAG_SCOPES,
  FLAG_SILHOUETTE,
  FLAG_TECHNOLOGIES,
  FLAG_WRITES,
} from "./flags.js";
import { protocols } from "./topology.js";

/**
 * A fleet's configuration rollout, which a feature-flag design (flags.ts), a DNS design (dns.ts) and a software
 * deployment (deploy.ts, its own waves of hosts and releases) do not draw.
 */
const F = ["feature-flags", "dns", "deploy-rollout"] as const;
const ROLLOUT_INVARIANTS = [
  "A ConfigVersion is committed only after validation, its number is strictly greater than every earlier one, and its content never changes afterwards.",
  "Each node applies a whole ConfigVersion atomically; it never runs half of one version and half of another.",
  "A node never moves to an older ConfigVersion except through an explicit rollback.",
  "A Rollout never widens to a new cohort while the current cohort's health gate is failing or unknown.",
  "A node that cannot reach the control plane keeps serving with its last good snapshot rather than failing or reverting to defaults.",
];

export const card = {
  id: "I11",
  name: "Control Plane + Snapshot Distribution",
  summary:
    "Holds the desired configuration of a fleet — routes, feature flags, limit or firewall policies, the software version each device should run — and distributes it as versioned snapshots that every node applies locally and evaluates without calling back. The authoritative state is the committed config versions with their history and the rollout plan that says which cohort should run which version; what each node reports as applied is observed state, not truth. The core correctness concern is that each node runs one whole validated version, that versions only move forward except through an explicit rollback, that a change widens in stages behind health gates, and that the data plane keeps serving on its last good snapshot when the control plane is unreachable. Feature-flag services, xDS management servers, configuration services and OS or firmware update rollouts share this shape.",
  roles: ["truth", "coordination"],
  signals: {
    phrases: [
      { text: "in rings", weight: 0.8 },
      { text: "deployment rings", weight: 0.9 },
      { text: "control plane", weight: 0.9 },
      { text: "configuration service", weight: 0.95 },
      { text: "configuration distribution", weight: 1 },
      { text: "centralized configuration", weight: 0.9 },
      { text: "dynamic configuration", weight: 0.85 },
      { text: "configuration management", weight: 0.8 },
      { text: "remote configuration", weight: 0.9 },
      { text: "configuration snapshot", weight: 0.9 },
      { text: "propagate configuration", weight: 0.9 },
      { text: "push configuration", weight: 0.9 },
      { text: "configuration change", weight: 0.5 },
      { text: "feature flag", weight: 0.95 },
      { text: "feature toggle", weight: 0.95 },
      { text: "kill switch", weight: 0.7 },
      { text: "push rule", weight: 0.85 },
      { text: "push policy", weight: 0.85 },
      { text: "policy distribution", weight: 0.9 },
      { text: "firewall policy", weight: 0.7 },
      { text: "routing rule", weight: 0.6 },
      { text: "rollout", weight: 0.7 },
      { text: "staged rollout", weight: 0.9 },
      { text: "gradual rollout", weight: 0.9 },
      { text: "percentage rollout", weight: 0.8 },
      { text: "progressive delivery", weight: 0.8 },
      { text: "rollout progress", weight: 0.8 },
      { text: "update rollout", weight: 0.9 },
      { text: "canary release", weight: 0.6 },
      { text: "roll back", weight: 0.4 },
      { text: "os update", weight: 0.8 },
      { text: "firmware update", weight: 0.8 },
      { text: "over the air update", weight: 0.9 },
      { text: "ota update", weight: 0.9 },
      { text: "host fleet", weight: 0.6 },
      { text: "device fleet", weight: 0.6 },
      { text: "fleet wide", weight: 0.6 },
      { text: "desired state", weight: 0.6 },
      { text: "configuration drift", weight: 0.7 },
      { text: "applied version", weight: 0.6 },
    ],
    systems: [
      { name: "LaunchDarkly", aliases: [], weight: 1 },
      { name: "AWS AppConfig", aliases: ["AppConfig"], weight: 1 },
      { name: "Unleash", aliases: [], weight: 1 },
      { name: "Flagsmith", aliases: [], weight: 1 },
      { name: "Spring Cloud Config", aliases: [], weight: 1 },
      { name: "Apollo Config", aliases: [], weight: 0.9 },
      { name: "xDS", aliases: ["Envoy xDS"], weight: 0.9 },
      { name: "Puppet", aliases: [], weight: 0.8 },
      { name: "Chef Infra", aliases: [], weight: 0.7 },
      { name: "Ansible", aliases: [], weight: 0.6 },
      { name: "Argo CD", aliases: ["ArgoCD"], weight: 0.8 },
      { name: "Spinnaker", aliases: [], weight: 0.7 },
      { name: "Mender", aliases: [], weight: 0.9 },
    ],
  },
  entities: [
    ...FLAG_ENTITIES,
    ...DNS_ENTITIES,
    ...DEPLOY_ENTITIES,
    {
      name: "ConfigVersion",
      unlessTopic: F,
      description:
        "An immutable, validated snapshot of the whole desired configuration for a scope, with a strictly increasing version number and a checksum.",
      truth: true,
    },
    {
      name: "Rollout",
      unlessTopic: F,
      description:
        "The plan for moving targets to a version: ordered cohorts, the health gate for each, the current stage and state (advancing, paused, rolled back).",
      truth: true,
    },
    {
      name: "NodeStatus",
      unlessTopic: F,
      description: "The version each target last reported as applied, when it reported, and its health since applying.",
      truth: false,
    },
    {
      name: "Target",
      unlessTopic: F,
      description:
        "A node, proxy or device that receives snapshots, with the cohort and labels that decide which version it should run.",
      truth: false,
    },
  ],
  writePaths: [
    ...FLAG_WRITES,
    ...DNS_WRITES,
    ...DEPLOY_WRITES,
    {
      action: "validate and commit a new config version with a check on the current head version",
      entity: "ConfigVersion",
      shape: "create target",
      mechanism: "versioned-snapshot",
      critical: true,
    },
    {
      action: "advance the rollout to the next cohort when the current cohort's gate passes",
      unlessTopic: F,
      entity: "Rollout",
      shape: "state transition",
      mechanism: "staged-rollout",
      critical: true,
    },
    {
      action: "halt the rollout and retarget cohorts to the last good version",
      unlessTopic: F,
      entity: "Rollout",
      shape: "state transition",
      mechanism: "guarded-transition",
      critical: true,
      runs: {
        in: "control loop",
        because:
          "the rollout controller halts and rolls back on its own when a cohort's health gate fails; an operator's halt only sets the same state for it to act on",
      },
    },
    {
      action: "propagate the target version to every node over watches or polls",
      entity: "Target",
      shape: "async process",
      mechanism: "watch-stream",
    },
    {
      action: "node reports the version it applied and its health",
      entity: "NodeStatus",
      shape: "overwrite current value",
      mechanism: "heartbeat-renewal",
      hidden: true,
    },
    {
      action: "re-send the desired version to nodes whose applied version differs",
      entity: "NodeStatus",
      shape: "async process",
      mechanism: "reconciliation-loop",
      hidden: true,
    },
  ],
  readPaths: [
    ...FLAG_READS,
    ...DNS_READS,
    ...DEPLOY_READS,
    {
      action: "evaluate a flag, route or policy from the node's local snapshot",
      entity: "ConfigVersion",
      shape: "read projection",
      staleness:
        "the node's last applied version; seconds behind the truth when connected, unbounded while partitioned",
    },
    {
      action: "read rollout progress per cohort",
      entity: "NodeStatus",
      shape: "read projection",
      staleness: "one report interval",
    },
    {
      action: "bootstrap a new node by fetching the current version for its cohort",
      entity: "ConfigVersion",
      shape: "read source",
      staleness: "none: the committed head for that cohort",
    },
  ],
  protocols,
  invariants: [...ROLLOUT_INVARIANTS, ...FLAG_INVARIANTS, ...DNS_INVARIANTS, ...DEPLOY_INVARIANTS],
  invariantTopics: [
    ...ROLLOUT_INVARIANTS.map((statement) => ({ statement, unlessTopic: F })),
    ...FLAG_INVARIANTS.map((statement) => ({
      statement,
      topic: "feature-flags" as const,
      ...keptBy(statement, FLAG_KEPT_BY),
    })),
    ...DNS_INVARIANTS.map((statement) => ({ statement, topic: "dns" as const, ...keptBy(statement, DNS_KEPT_BY) })),
    ...DEPLOY_INVARIANTS.map((statement) => ({
      statement,
      topic: "deploy-rollout" as const,
      ...keptBy(statement, DEPLOY_KEPT_BY),
    })),
  ],
  contract: {
    api: [
      "publish(config, expected head version) -> new version | validation errors | conflict",
      "rollout(version, cohorts and gates) -> rollout id; pause, resume and roll back by id",
      "watch(node, from version) -> stream of whole snapshots or deltas with versions",
      "status(rollout) -> per-cohort applied counts, stragglers and health",
      "get(version) -> snapshot, for bootstrap and audit",
    ],
    guarantees: [
      "every reachable node converges to the version its cohort should run",
      "versions are monotonic per node except on rollback",
      "a bad version reaches at most the current cohort before its gate stops it",
      "the data plane keeps working on its local snapshot when the control plane is down",
    ],
  },
  predicates: [
    { id: "derived-read", because: "every node evaluates a local copy of the configuration, not the truth" },
    { id: "ordering-matters", because: "versions must apply in order and must never go backwards silently" },
    { id: "stale-write-dangerous", because: "two operators editing from the same base must not clobber each other" },
    { id: "quorum-truth", because: "config truth and rollout state must survive the loss of a control-plane node" },
  ],
  failures: [
    ...FLAG_FAILURES,
    ...DNS_FAILURES,
    ...DEPLOY_FAILURES,
    {
      unlessTopic: F,
      failure: "a bad config reaches the whole fleet at once",
      role: "coordination",
      prevention: "validation, staged cohorts and automatic health gates before each widening",
      repair: "roll back by moving the target back to the last good version, which nodes keep locally",
    },
    {
      unlessTopic: "deploy-rollout",
      failure: "a node applies a truncated or corrupted snapshot",
      role: "derived",
      prevention: "whole-snapshot swap only after the checksum and schema validate",
      repair: "the node keeps its last good version and refetches",
    },
    {
      unlessTopic: "deploy-rollout",
      failure: "nodes miss updates while disconnected",
      role: "derived",
      prevention: "watches resume from the applied version and the server sends whatever is newer",
      repair: "the reconciliation loop re-sends the desired version to nodes reporting an older one",
    },
    {
      unlessTopic: "deploy-rollout",
      failure: "two operators publish conflicting edits from the same base version",
      role: "truth",
      prevention: "compare-and-set on the head version at publish",
      repair: "the second publish is rejected and rebased on the new head",
    },
    {
      unlessTopic: "deploy-rollout",
      failure: "a lagging relay hands a node an older version than it already runs",
      role: "derived",
      prevention: "nodes refuse any version lower than the applied one unless it is marked as a rollback",
      repair: "the node resyncs from the control plane directly",
    },
    {
      unlessTopic: "deploy-rollout",
      failure: "after a control-plane restart every node reconnects and asks for a full snapshot at once",
      role: "coordination",
      prevention: "jittered reconnects, a relay tier that caches snapshots, and deltas from the applied version",
      repair: "admit reconnects at a bounded rate while nodes keep serving on their local copy",
    },
    {
      unlessTopic: F,
      failure: "a rollout stalls because unreachable nodes never report",
      role: "coordination",
      prevention: "gates count a percentage of the cohort and time out stragglers",
      repair: "report stragglers separately and let reconciliation bring them up when they return",
    },
    {
      // the first row's failure where every change goes out at once (decision i11-rollout): that row belongs to a staged
      // rollout and is left out there, and this one says what guards a push with no canary (last, so it takes no
      // place of another row where the first is kept); a software deployment's own rows say how a bad build is caught
      unlessTopic: "deploy-rollout",
      failure: "a bad config reaches the whole fleet at once",
      role: "coordination",
      prevention:
        "schema and semantic validation, plus a dry run against a sample of live traffic, before a version is committed",
      repair:
        "instant rollback: move the target back to the last good version, which nodes still hold, and push it to every node like any change",
    },
  ],
  bottlenecks: [
    ...FLAG_BOTTLENECKS,
    ...DNS_BOTTLENECKS,
    ...DEPLOY_BOTTLENECKS,
    {
      unlessTopic: F,
      bottleneck:
        "bytes pushed when a whole fleet takes a full snapshot at once (a cold start, or every node re-syncing after a distribution server restarts)",
      mitigation:
        "send each change as a delta from the node's applied version and keep full snapshots for a node that starts or fell behind; jitter reconnects, and serve snapshots from relays or a CDN",
      formula: { yields: "bytes pushed per full rollout", expression: "config_bytes * config_clients", unit: "B" },
    },
    {
      unlessTopic: F,
      bottleneck: "frequent changes each fanned out to every node",
      mitigation: "batch changes into one snapshot per short interval and send deltas",
      formula: { yields: "node updates per second", expression: "changes_per_sec * config_clients", unit: "updates/s" },
    },
    {
      unlessTopic: F,
      bottleneck: "status reports from every node",
      mitigation: "aggregate reports per cohort in relays and sample health",
      formula: { yields: "status reports per second", expression: "nodes / heartbeat_seconds", unit: "reports/s" },
    },
    {
      unlessTopic: F,
      bottleneck: "watch connections held open by every node",
      mitigation: "a connection-holding relay tier in front of the truth store; long-polls with backoff for devices",
      formula: { yields: "open watch streams", expression: "nodes", unit: "streams" },
    },
  ],
  topicSilhouettes: [FLAG_SILHOUETTE, DNS_SILHOUETTE, DEPLOY_SILHOUETTE],
  topicScopes: [FLAG_SCOPES, DNS_SCOPES, DEPLOY_SCOPES],
  silhouette: {
    storage: "config truth + snapshot state",
    coordination: "watch, propagation, rollout",
    serving: "local snapshot evaluator",
  },
  technologies: [
    ...FLAG_TECHNOLOGIES,
    ...DNS_TECHNOLOGIES,
    ...DEPLOY_TECHNOLOGIES,
    {
      unlessTopic: "deploy-rollout",
      product: "etcd or Consul KV",
      layer: "storage",
      fits: "small, versioned config truth with compare-and-set and watches",
      suits: ["linearizable", "small-metadata", "durable"],
      poorFor: ["high-throughput", "large-objects"],
      caveat: "fanning watches out to a large fleet directly overloads it; put a relay tier in between",
    },
    {
      // xDS carries a proxy's resource types (listeners, routes, clusters, endpoints, secrets), not arbitrary config
      topic: "proxy-config",
      unlessTopic: F,
      product: "Envoy xDS management server (go-control-plane)",
      layer: "coordination",
      fits: "streams versioned route, cluster and policy snapshots to proxies with per-node acks",
      suits: ["eventual", "stay-available", "low-latency"],
      poorFor: ["operational-simplicity"],
      caveat: "you build validation, staging and rollback around it yourself",
    },
    {
      // a flag service is the thing being designed: buying one is no design of it
      unlessTopic: F,
      product: "LaunchDarkly, AWS AppConfig or Unleash",
      layer: "serving",
      fits: "managed flags and config with local SDK evaluation, targeting and gradual rollout",
      suits: ["operational-simplicity", "stay-available", "elastic-scale"],
      poorFor: ["low-cost", "large-objects"],
      caveat: "great for flags and small config, wrong for large binaries or per-request state",
    },
    {
      unlessTopic: F,
      product: "Object store plus CDN for snapshots and images",
      layer: "serving",
      fits: "cheap, scalable delivery of large immutable snapshots or update images referenced by version",
      suits: ["large-objects", "low-cost", "elastic-scale"],
      poorFor: ["low-latency"],
      caveat: "polling delays propagation; pair it with a small notification channel",
    },
  ],
  connections: [
    {
      to: "I01",
      role: "substrate",
      why: "config truth, version numbers and rollout state live in a consensus-backed store",
    },
    {
      to: "I14",
      role: "input",
      why: "a rollout moves targets to a version already published as an immutable artifact or snapshot",
    },
    { to: "I10", role: "input", why: "the set of targets and their cohorts comes from a fleet registry" },
    {
      to: "I07",
      role: "substrate",
      why: "large snapshots and update images reach devices through edge caches",
    },
    { to: "I17", role: "output", why: "proxies and load balancers are the main consumers of route snapshots" },
  ],
  /** The NFR stance a design takes when the prompt is silent, and where ordering, exclusivity and coordination hold. */
  stance: {
    consistency: "linearizable",
    availability: "fail-closed",
    delivery: "at-least-once",
    ordering: "global",
    durability: "durable",
    because:
      "config truth is written rarely and must be exact, so a publish is refused when the store has no majority; the data plane is not blocked by that, because every node keeps serving the last good snapshot it holds",
    scopes: {
      ordering: { scope: "global", why: "snapshot versions form one sequence that every node can compare" },
      exclusivity: { scope: "global", why: "one rollout at a time moves the fleet for a given config" },
      coordination: { scope: "global", why: "the control plane publishes one desired version for all targets" },
    },
  },
} satisfies ArchetypeInput;
