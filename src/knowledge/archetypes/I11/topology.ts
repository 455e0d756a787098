import type { ProtocolSpec, Topology } from "../../topology.js";
import {
  APP_CONFIG_API,
  APP_CONFIG_COMPONENTS,
  APP_CONFIG_DATA,
  APP_CONFIG_LINKS,
  APP_CONFIG_PROTOCOLS,
} from "./app-config.js";
import { DEPLOY_API, DEPLOY_COMPONENTS, DEPLOY_DATA, DEPLOY_LINKS, DEPLOY_PROTOCOLS } from "./deploy.js";
import { DNS_API, DNS_COMPONENTS, DNS_DATA, DNS_LINKS, DNS_PROTOCOLS } from "./dns.js";
import { FLAG_API, FLAG_COMPONENTS, FLAG_DATA, FLAG_LINKS, FLAG_PROTOCOLS } from "./flags.js";

/**
 * A fleet's staged configuration rollout, which a feature-flag design (flags.ts), a DNS design (dns.ts) and a software
 * deployment (deploy.ts) draw none of.
 */
const F = ["feature-flags", "dns", "deploy-rollout", "app-config"] as const;

/** Control plane + snapshot distribution: versioned config truth, a staged rollout controller, a fan-out tier and node agents. */
export const protocols: ProtocolSpec[] = [
  ...FLAG_PROTOCOLS,
  ...APP_CONFIG_PROTOCOLS,
  ...DNS_PROTOCOLS,
  ...DEPLOY_PROTOCOLS,
  {
    unlessTopic: F,
    name: "Publish and roll out in stages",
    notation:
      "operators>config-api[publish new config {validation passes and head = expected}] -> config-api>config-store[commit version {ConfigVersion.version = last + 1}] -> config-api>operators[new version] -> rollout-controller>config-store[advance stage {current cohort gate healthy}] -> config-store>distributors[watch event, cohort target changed] -> distributors>agents[deliver the cohort's new snapshot {version > applied version}] -> agents>distributors[report applied version] |-> rollout-controller>config-store[roll back cohort target {gate fails}] => done | rollback",
  },
  {
    unlessTopic: F,
    // the whole fleet at once: validation is the only gate before every node, and a rollback moves the target back to
    // the last good version (one model of rollback across the design: the pointer moves, no version is republished)
    name: "Publish to the whole fleet at once",
    notation:
      "operators>config-api[publish new config {validation passes and head = expected}] -> config-api>config-store[commit version {ConfigVersion.version = last + 1}] -> config-api>operators[new version] -> config-store>distributors[watch event, new head version] -> distributors>agents[deliver the new snapshot {version > applied version}] -> agents>distributors[report applied version] |-> operators>config-api[roll back to the last good version {error rate rises}] -> config-api>config-store[move the target back to the last good version {target = expected}] -> config-store>distributors[watch event, target changed] -> distributors>agents[deliver the last good snapshot {marked as a rollback}] => done | rollback",
  },
  {
    unlessTopic: F,
    name: "Poll for a newer version",
    notation:
      "agents>distributors[GET the snapshot with If-None-Match: applied version] -> distributors>config-store[read latest snapshot for cohort] -> distributors>agents[304 unchanged, or the new snapshot with checksum {target version > applied version}] -> agents[verify and swap atomically {checksum matches}] |-> agents[keep last good snapshot {snapshot invalid or fetch failed}] => done | retry",
  },
  {
    unlessTopic: F,
    name: "Node catch-up",
    notation:
      "agents>distributors[watch from applied version] -> distributors>config-store[read latest snapshot for cohort] -> distributors>agents[snapshot with checksum] -> agents[verify and swap atomically {checksum matches}] |-> agents[keep last good snapshot {snapshot invalid or stream lost}] => done | retry",
  },
  {
    unlessTopic: F,
    name: "Automatic rollback on a failing gate",
    notation:
      "health-monitor>rollout-controller[cohort error rate above gate] -> rollout-controller>config-store[pause and retarget to last good {Rollout.state = advancing}] -> config-store>distributors[watch event, target changed] -> distributors>agents[deliver the last good snapshot] => rollback",
  },
];

export const topology: Topology = {
  components: [
    ...FLAG_COMPONENTS,
    ...APP_CONFIG_COMPONENTS,
    ...DNS_COMPONENTS,
    ...DEPLOY_COMPONENTS,
    {
      unlessTopic: F,
      id: "operators",
      name: "Operators and CI publishing config",
      kind: "client",
      runs: ["publish", "rollout", "status"],
      because: "changes come from people and pipelines and must be validated and versioned before any node sees them",
    },
    {
      unlessTopic: F,
      id: "config-api",
      name: "Config API (validate, version)",
      kind: "service",
      runs: ["validate", "publish with expected head"],
      because: "a bad config is stopped before it has a version; concurrent publishers are serialised by expected head",
    },
    {
      unlessTopic: F,
      id: "config-store",
      name: "Config store (consensus, versioned)",
      kind: "replica-group",
      holds: ["ConfigVersion", "Rollout", "Target"],
      runs: ["commit version", "record stage"],
      because: "the version history and each cohort's target are the authoritative state every node converges to",
    },
    {
      unlessTopic: F,
      id: "rollout-controller",
      name: "Rollout controller (cohorts and health gates)",
      kind: "control-loop",
      runs: ["advance stage", "pause", "roll back"],
      because: "a change reaches the fleet in stages so a bad version is caught on a small cohort",
    },
    {
      unlessTopic: F,
      id: "distributors",
      name: "Distribution tier (fan-out servers and caches)",
      kind: "service",
      runs: ["serve snapshots and deltas"],
      because: "the store cannot hold a watch per node at fleet scale; a stateless tier fans snapshots out",
    },
    {
      unlessTopic: F,
      id: "agents",
      name: "Node agents (local snapshot)",
      kind: "worker-pool",
      holds: ["NodeStatus"],
      runs: ["verify", "atomic swap", "report applied"],
      because: "each node evaluates its local snapshot, so the data path keeps working if the control plane is down",
    },
    {
      unlessTopic: F,
      id: "health-monitor",
      name: "Health gate monitor",
      kind: "control-loop",
      runs: ["compare cohort error rates"],
      because: "advancing or rolling back needs a health signal per cohort",
    },
  ],
  links: [
    ...FLAG_LINKS,
    ...APP_CONFIG_LINKS,
    ...DNS_LINKS,
    ...DEPLOY_LINKS,
    { from: "operators", to: "config-api", kind: "request", label: "publish / rollout", unlessTopic: F },
    { from: "config-api", to: "config-store", kind: "request", label: "commit version", unlessTopic: F },
    {
      from: "rollout-controller",
      to: "config-store",
      kind: "control",
      label: "advance / roll back stage",
      unlessTopic: F,
    },
    { from: "config-store", to: "distributors", kind: "stream", label: "watch target versions", unlessTopic: F },
    { from: "distributors", to: "agents", kind: "stream", label: "push snapshots", unlessTopic: F },
    { from: "agents", to: "distributors", kind: "request", label: "poll for a newer version", unlessTopic: F },
    { from: "agents", to: "distributors", kind: "callback", label: "applied version", unlessTopic: F },
    { from: "health-monitor", to: "rollout-controller", kind: "control", label: "cohort health", unlessTopic: F },
  ],
  api: [
    ...FLAG_API,
    ...APP_CONFIG_API,
    ...DNS_API,
    ...DEPLOY_API,
    {
      unlessTopic: F,
      operation: "publish",
      call: "POST /v1/configs/{name}/versions",
      request: ["document", "expected_head_version"],
      response: ["version"],
      errors: ["400 validation failed", "409 head moved"],
      guarantee: "versions are totally ordered and immutable once committed",
    },
    {
      unlessTopic: F,
      operation: "rollout",
      call: "POST /v1/rollouts",
      request: ["config", "version", "cohorts and gates"],
      response: ["rollout_id"],
      errors: ["409 another rollout active"],
      guarantee: "a cohort advances only after the previous cohort's gate passes",
    },
    {
      // one model of rollback: the target moves back to a named earlier version, which is never republished
      unlessTopic: F,
      operation: "roll back",
      call: "POST /v1/configs/{name}/target:rollback",
      request: ["to_version (a named earlier version)", "expected_target_version", "reason"],
      response: ["target_version", "rollout_id paused"],
      errors: ["404 unknown version", "409 target moved"],
      guarantee:
        "moves the target back to a version already committed, in one compare-and-set write, and pauses any rollout; no version is republished, and nodes take the older version because the target marks it a rollback",
    },
    {
      unlessTopic: F,
      operation: "watch (node-facing)",
      call: "GET /v1/configs/{name}:watch?from_version=",
      request: ["node_id", "applied_version"],
      response: ["snapshot or delta with version and checksum"],
      errors: ["410 resend full snapshot"],
      guarantee: "a node never applies an older version than it has",
    },
    {
      unlessTopic: F,
      operation: "fetch snapshot (node-facing)",
      call: "GET /v1/configs/{name}/snapshot with If-None-Match: applied version",
      request: ["node_id", "applied_version"],
      response: ["304 not modified, or snapshot with version and checksum"],
      errors: ["404 unknown config"],
      guarantee: "cacheable by version; a node never applies an older version than it has",
    },
    {
      unlessTopic: F,
      operation: "rollout status",
      call: "GET /v1/rollouts/{rollout_id}",
      request: ["rollout_id"],
      response: ["per-cohort applied counts", "stragglers", "health"],
      errors: ["404 unknown rollout"],
      guarantee: "from node reports, so it lags the fleet by the report interval",
    },
  ],
  dataModel: [
    ...FLAG_DATA,
    ...APP_CONFIG_DATA,
    ...DNS_DATA,
    ...DEPLOY_DATA,
    {
      unlessTopic: F,
      entity: "ConfigVersion",
      key: ["config_name", "version"],
      fields: ["document", "checksum", "author", "created_at"],
      indexes: [],
      partitionKey: "config_name",
      owner: "config-store",
    },
    {
      unlessTopic: F,
      entity: "Rollout",
      key: ["rollout_id"],
      fields: ["version", "stage", "state", "cohort targets", "gate results"],
      indexes: ["(config_name, state)"],
      owner: "config-store",
    },
    {
      unlessTopic: F,
      entity: "NodeStatus",
      key: ["node_id"],
      fields: ["applied_version", "cohort", "reported_at"],
      indexes: ["(cohort, applied_version)"],
      owner: "agents",
    },
  ],
  entry: "config-api",
  stateOwner: "config-store",
  outlet: "distributors",
  protocols,
  unit: { entity: "ConfigVersion", words: ["config"] },
  topicHooks: {
    "app-config": {
      entry: "app-config-api",
      stateOwner: "app-config-store",
      outlet: "app-config-cdn",
      unit: { entity: "RemoteConfig", words: ["config", "configuration", "setting", "flag"] },
    },
    "deploy-rollout": {
      entry: "deploy-api",
      stateOwner: "deploy-store",
      outlet: "desired-state-servers",
      unit: {
        entity: "ReleaseArtifact",
        words: ["release", "build", "deployment", "deploy", "rollout", "delivery", "canary"],
      },
    },
    dns: {
      entry: "dns-api",
      stateOwner: "zone-store",
      outlet: "zone-distributors",
      unit: { entity: "Zone", words: ["zone", "record"] },
    },
    "feature-flags": {
      entry: "flag-api",
      stateOwner: "flag-store",
      outlet: "relays",
      unit: { entity: "Flag", words: ["flag"] },
    },
  },
};
