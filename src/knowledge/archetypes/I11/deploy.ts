import { fig } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { ArchetypeInput, MechanismId } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * A fleet's software rollout (topic "deploy-rollout", knowledge/topics.ts): a deployment system that moves a
 * service's servers to a new release in waves and moves them back on its own when the new release hurts. A release is
 * built once and registered by the digest of its artifact, and never changes. An operator (or the pipeline) starts a
 * rollout of a release with a plan of waves: a canary of a few hosts in one zone, then growing shares of the fleet,
 * each wave inside fewer failure domains than all of them. The authority is one desired-version record per service
 * and host group; the orchestrator moves it wave by wave, and host agents poll it, fetch the artifact by digest,
 * drain, install, pass a local health check, return to the load balancer and report. At most a stated share of a
 * group is out of service at once. After each wave the orchestrator waits its bake time and asks the health gate,
 * which reads the metrics system: the wave's hosts against control hosts still on the old release over the same
 * window. A failing gate moves every group the rollout moved back to the previous release in one write and stops the
 * waves; missing metrics fail closed (the wave holds and someone is paged). One rollout per service is active at a
 * time, by a conditional write on the service's record, and every change lands in an audit log. A host that cannot
 * reach the control plane keeps running what it runs.
 *
 * This is not a feature flag (a per-user rule evaluated inside an SDK, flags.ts) and not a configuration snapshot
 * pushed to every node in seconds (the card's own rows): the unit here is a built artifact installed on a host, which
 * takes minutes and costs capacity while it happens.
 *
 * Facts, checked against primary sources:
 * - Kubernetes Deployment (apps/v1 RollingUpdateDeployment): maxUnavailable is how many pods may be unavailable during
 *   the update and maxSurge how many may run above the desired count, each a number or a percentage (unavailable
 *   rounds down, surge rounds up), both 25% by default, and they cannot both be 0. `kubectl rollout undo` returns a
 *   Deployment to its previous revision (or a named one with --to-revision); `kubectl rollout pause`/`resume` hold and
 *   continue a rollout.
 * - Argo Rollouts (analysis docs): an AnalysisRun ends Successful, Failed or Inconclusive, and that makes the rollout
 *   continue, abort or pause; an AnalysisTemplate queries a metrics provider (Prometheus, for one) at an interval
 *   against a success condition, with a failure limit, and an abort sets the canary's weight back to zero.
 * - Spinnaker with Kayenta (canary docs): canary analysis compares the canary's metrics with a baseline's over the
 *   same interval and scores the difference; the default judge first checks that both sides have data, then scores
 *   each metric; its interval is recommended at 30 minutes or more.
 * - AWS CodeDeploy (deployment configurations): on EC2/on-premises a configuration states the minimum healthy hosts
 *   (a count or a fleet percentage, optionally per availability zone); the predefined ones are OneAtATime (the
 *   default), HalfAtATime and AllAtOnce.
 * - Google SRE workbook, "Canarying Releases": canarying is a partial, time-limited deployment of a change and its
 *   evaluation, the canary against the control, which decides whether the rollout proceeds; builds are reproducible
 *   and deployments automated and small. Google's Canary Analysis Service (ACM Queue) only observes and judges: the
 *   rollout tool makes every change.
 * Planning figures (each host's drain, install and warm-up, bake times, poll intervals, artifact size) are
 * assumptions, said as such in their rows.
 */

const T = "deploy-rollout" as const;

export const DEPLOY_ENTITIES = [
  {
    name: "DesiredVersion",
    description:
      "One record per service and host group: the release the group should run, and the rollout and generation that set it. It is the control plane's authority: agents converge to it, and a rollback moves it back.",
    truth: true,
    topic: T,
  },
  {
    name: "DeployedService",
    description:
      "One deployed service: its host groups (by zone and region), the release it runs, and the id and generation of its active rollout if any. A rollout starts by a conditional write on this record.",
    truth: true,
    topic: T,
  },
  {
    name: "ReleaseArtifact",
    description:
      "One built version of a service: its version, the digest of its artifact, the build that made it and who registered it. It never changes, and every host installs it by that digest.",
    truth: true,
    topic: T,
  },
  {
    name: "Rollout",
    description:
      "One service's move from a release to another: its plan of waves, the wave it is on, its state (running, baking, paused, rolling back, rolled back, aborted, done) and a generation every change raises; at most one per service is active.",
    truth: true,
    topic: T,
  },
  {
    name: "RolloutWave",
    description:
      "One step of a rollout's plan: the host groups it moves (a zone, a region, a share of the fleet), the most hosts of a group out of service at once, its bake time and the gate's verdict after it.",
    truth: true,
    topic: T,
  },
  {
    name: "HostStatus",
    description:
      "What each host reported last: the release it runs, its state (installing, healthy, failed, drained) and when; observed state, which says how far a wave got and which hosts are stuck.",
    truth: false,
    topic: T,
  },
  {
    name: "AuditEvent",
    description:
      "One change to a service's rollouts or desired versions, appended in order: who or what (the orchestrator, an operator), the action, the state before and after, and the reason (the gate's verdict for a rollback).",
    truth: true,
    topic: T,
  },
] as const;

export const DEPLOY_WRITES = [
  {
    action:
      "advance to the next wave: move the desired version of the wave's host groups to the new release, only after the previous wave baked and its gate passed",
    entity: "DesiredVersion",
    shape: "state transition",
    mechanism: "staged-rollout",
    critical: true,
    runs: {
      in: "control loop",
      because: "the orchestrator advances a wave on its own once the gate passes; nobody calls it per wave",
    },
    topic: T,
  },
  {
    action:
      "roll back: move the desired version of every host group the rollout moved back to the previous release in one write and stop the waves, when a gate fails",
    entity: "DesiredVersion",
    shape: "state transition",
    mechanism: "guarded-transition",
    critical: true,
    runs: {
      in: "control loop",
      because:
        "the orchestrator rolls back on its own when the gate fails; an operator's abort only asks it for the same move",
    },
    topic: T,
  },
  {
    action:
      "start a rollout of a release with its plan of waves by a conditional write on the service's record, refused while another rollout of the service is active",
    entity: "Rollout",
    shape: "create target",
    mechanism: "version-check",
    critical: true,
    topic: T,
  },
  {
    action:
      "register a release under its version and artifact digest, refused if the version exists with another digest",
    entity: "ReleaseArtifact",
    shape: "create target",
    mechanism: "content-addressing",
    topic: T,
  },
  {
    action:
      "set the service's active rollout and generation in the same conditional write that creates the rollout, and clear it when the rollout ends",
    entity: "DeployedService",
    shape: "overwrite current value",
    mechanism: "version-check",
    hidden: true,
    runs: {
      in: "request path",
      because: "the deploy API sets it in the same conditional write that creates the rollout",
    },
    topic: T,
  },
  {
    action:
      "pause, resume or abort a rollout by an operator, a conditional write on the rollout's generation, with its reason in the audit log",
    entity: "Rollout",
    shape: "state transition",
    mechanism: "guarded-transition",
    topic: T,
  },
  {
    action:
      "install the desired release on a host: its agent, seeing its group's desired version change, fetches the artifact by digest, drains the host while its group has room under the unavailable cap, installs, passes its health check and returns to the load balancer",
    entity: "HostStatus",
    shape: "async process",
    mechanism: "reconciliation-loop",
    critical: true,
    topic: T,
  },
  {
    action: "each host agent reports the release it runs and its state",
    entity: "HostStatus",
    shape: "overwrite current value",
    mechanism: "heartbeat-renewal",
    hidden: true,
    topic: T,
  },
  {
    action: "append every change to a rollout or a desired version to the service's audit log, in the same transaction",
    entity: "AuditEvent",
    shape: "append event",
    mechanism: "append-log",
    hidden: true,
    topic: T,
  },
] as const;

export const DEPLOY_READS = [
  {
    action: "a host agent polls its group's desired version, answered unchanged unless the generation moved",
    entity: "DesiredVersion",
    shape: "read projection",
    staleness:
      "one poll interval behind the control plane; unbounded while the control plane is down, when the host keeps its release",
    topic: T,
  },
  {
    action:
      "judge a wave: the health gate reads its error rate and latency against the control hosts' over the bake window from the metrics system",
    entity: "RolloutWave",
    shape: "read projection",
    staleness: "the metrics system's scrape and query delay, a minute or so",
    topic: T,
  },
  {
    action: "read a rollout's progress: hosts per release and state in each wave, stuck hosts, gate verdicts",
    entity: "HostStatus",
    shape: "read projection",
    staleness: "one report interval",
    topic: T,
  },
  {
    action: "read a service's audit log of rollouts, gate verdicts and operator actions",
    entity: "AuditEvent",
    shape: "read source",
    staleness: "none: read from the deploy store",
    topic: T,
  },
] as const;

export const DEPLOY_INVARIANTS = [
  "A Rollout moves a wave's DesiredVersion only after the previous wave has baked for its bake time and its gate passed; a gate whose metrics are missing or too few counts as not passed, so the wave holds.",
  "A failing gate moves every DesiredVersion the rollout set back to the previous ReleaseArtifact in one write and stops the waves; a host that cannot reach the control plane keeps running the release it has.",
  "At most one Rollout per service is active: a rollout starts only by a conditional write on the service's record that finds none active, and every later change to it names the generation it read.",
  "No more than a wave's unavailable cap of a host group is out of service at once, and no wave spans every failure domain of the fleet.",
  "A ReleaseArtifact never changes once registered: its version names one artifact digest, and a host installs only an artifact whose digest matches.",
];

/** The mechanism that keeps each of the deployment system's rules (`keptBy` on the card's invariant marks). */
export const DEPLOY_KEPT_BY: Readonly<Record<string, MechanismId>> = {
  [DEPLOY_INVARIANTS[0] as string]: "staged-rollout",
  [DEPLOY_INVARIANTS[1] as string]: "guarded-transition",
  [DEPLOY_INVARIANTS[2] as string]: "version-check",
  [DEPLOY_INVARIANTS[3] as string]: "staged-rollout",
  [DEPLOY_INVARIANTS[4] as string]: "content-addressing",
};

export const DEPLOY_FAILURES = [
  {
    failure: "A bad build goes out: the new release raises errors or latency",
    role: "coordination",
    prevention:
      "The canary wave is a few hosts in one zone; after its bake the gate judges their error rate and latency before any other wave moves",
    repair:
      "The gate fails, the orchestrator moves the desired version back to the previous release in one write and stops the waves; agents reinstall the previous artifact, still on their disks, within a poll and an install",
    topic: T,
  },
  {
    failure: "A host's install hangs, or the host never passes its health check",
    role: "derived",
    prevention:
      "Each host's install has a deadline; past it the agent marks the host failed and leaves it out of the load balancer, and it counts against the wave's budget of failed hosts",
    repair:
      "A failed host is replaced from the pool or reimaged; past the wave's budget of failed hosts the wave fails like a gate",
    topic: T,
  },
  {
    failure: "The control plane is down (the deploy store or the orchestrator)",
    role: "truth",
    prevention:
      "Hosts keep running the release they have and keep serving; agents keep polling with backoff, and nothing installs while no desired version can be read",
    repair:
      "A rollout resumes from its recorded wave and generation when the control plane is back; a wave that was baking bakes again before its gate",
    topic: T,
  },
  {
    failure:
      "The metrics the gate reads are missing or too few (the metrics system is down, or a wave takes too little traffic)",
    role: "coordination",
    prevention:
      "The gate fails closed: without enough data for both the wave and its control it does not pass, so the wave holds and the rollout pauses",
    repair: "The on-call is paged; the rollout resumes when the data is back, or an operator rolls back",
    topic: T,
  },
  {
    failure: "The orchestrator crashes mid-wave, or two instances think they run the same rollout",
    role: "coordination",
    prevention:
      "The rollout's state lives in the deploy store, and every write names the generation it read, so a stale instance's write is refused",
    repair:
      "A standby takes the orchestrator's lease, reads the rollout's wave and generation, and carries on from there",
    topic: T,
  },
  {
    failure: "Two operators start a rollout of the same service at once",
    role: "truth",
    prevention:
      "The conditional write on the service's record lets one start; the other is refused with the active rollout's id",
    repair: "The second operator waits for the first to finish or aborts it, which is audited",
    topic: T,
  },
] as const;

export const DEPLOY_BOTTLENECKS = [
  {
    bottleneck: "Hosts out of service at once: each one drained for its install is capacity lost",
    mitigation:
      "Cap the hosts in flight per group (max unavailable), surge extra hosts where the pool has them, and size the cap so the rest carry peak traffic",
    formula: {
      yields: "hosts out of service at once",
      expression: "max(1, nodes * max_unavailable_fraction)",
      unit: "hosts",
    },
    topic: T,
  },
  {
    bottleneck: "Artifact downloads: every host in flight fetches the same artifact at once",
    mitigation:
      "Serve artifacts by digest from regional mirrors, prefetch onto hosts before their wave, and let hosts in a rack share pieces",
    formula: {
      yields: "artifact bandwidth while a batch installs",
      expression: "max(1, nodes * max_unavailable_fraction) * artifact_bytes / install_seconds",
      unit: "B/s",
    },
    topic: T,
  },
  {
    bottleneck: "Agents' polls at the control plane: every host asks for its desired version",
    mitigation:
      "Answer polls from desired-state servers holding each group's record in memory, unchanged unless the generation moved",
    formula: {
      yields: "agent polls a second",
      expression: "nodes / agent_poll_seconds",
      unit: "polls/s",
    },
    topic: T,
  },
] as const;

export const DEPLOY_COMPONENTS: ComponentSpec[] = [
  {
    id: "release-pipeline",
    name: "Release pipeline (CI: builds once, registers a release by digest)",
    kind: "client",
    runs: ["register release", "start rollout"],
    because: "a release is built and tested once, so every host installs the same bytes",
    topic: T,
  },
  {
    id: "deploy-operators",
    name: "Operators (start, pause, resume, abort)",
    kind: "client",
    runs: ["start rollout", "pause, resume or abort", "read status and audit"],
    because: "people start rollouts and stop them, and every action they take is recorded",
    topic: T,
  },
  {
    id: "deploy-api",
    name: "Deploy API (releases, rollouts, operator actions)",
    kind: "service",
    runs: ["register release", "start rollout", "pause, resume or abort", "report status"],
    because: "every change to a rollout goes through one place that checks the generation and writes the audit entry",
    topic: T,
  },
  {
    id: "deploy-store",
    name: "Deploy store (consensus-replicated: releases, rollouts, waves, desired versions, audit log)",
    kind: "replica-group",
    holds: ["DeployedService", "ReleaseArtifact", "Rollout", "RolloutWave", "DesiredVersion", "AuditEvent"],
    runs: ["conditional write on a service's record", "commit a desired version with its audit entry"],
    because:
      "the desired versions are the fleet's truth and must survive a lost node; conditional writes keep one rollout per service",
    topic: T,
  },
  {
    id: "rollout-orchestrator",
    name: "Rollout orchestrator (waves, bake timers, rollback; one leader by lease)",
    kind: "control-loop",
    runs: ["advance to the next wave", "wait the bake time", "roll back on a failing gate"],
    because: "waves advance and roll back without a person, and one leader means one writer per rollout",
    topic: T,
  },
  {
    id: "health-gate",
    name: "Health gate (canary against control, from the metrics system)",
    kind: "service",
    runs: ["judge a wave after its bake", "fail closed without data"],
    because: "the gate only observes and judges; the orchestrator makes every change",
    topic: T,
  },
  {
    id: "metrics-system",
    name: "Metrics system (the fleet's existing error-rate and latency series, by host and release)",
    kind: "external",
    runs: ["answer the gate's queries"],
    because: "the fleet already reports its errors and latency; the gate reads them by release and host group",
    topic: T,
  },
  {
    id: "artifact-store",
    name: "Artifact store (artifacts by digest, regional mirrors)",
    kind: "store",
    runs: ["serve an artifact by digest"],
    because: "an artifact is fetched by its digest, so any mirror can serve it and a host can verify it",
    topic: T,
  },
  {
    id: "desired-state-servers",
    name: "Desired-state servers (answer agents' polls per region)",
    kind: "service",
    runs: ["answer a group's desired version", "take host reports"],
    because:
      "twenty thousand agents poll; these servers hold each group's record in memory so the store is not asked per poll",
    topic: T,
  },
  {
    id: "host-agents",
    name: "Host agents (pull, drain, install, health-check, report)",
    kind: "worker-pool",
    holds: ["HostStatus"],
    runs: ["poll the desired version", "drain, install and health-check", "report the running release"],
    because:
      "each host converges to its group's desired version on its own, and keeps its release when the control plane is away",
    topic: T,
  },
  {
    id: "load-balancers",
    name: "Load balancers (take a draining host out of rotation)",
    kind: "service",
    runs: ["drain a host", "return a healthy host"],
    because: "a host stops taking requests before it restarts, so an install drops no request",
    topic: T,
  },
];

export const DEPLOY_LINKS: LinkSpec[] = [
  { from: "release-pipeline", to: "deploy-api", kind: "request", label: "register release, start rollout", topic: T },
  { from: "deploy-operators", to: "deploy-api", kind: "request", label: "start, pause, resume, abort", topic: T },
  { from: "deploy-api", to: "deploy-store", kind: "request", label: "conditional write + audit entry", topic: T },
  { from: "rollout-orchestrator", to: "deploy-store", kind: "control", label: "move desired versions", topic: T },
  { from: "rollout-orchestrator", to: "health-gate", kind: "request", label: "judge the wave", topic: T },
  { from: "health-gate", to: "metrics-system", kind: "request", label: "wave vs control series", topic: T },
  {
    from: "deploy-store",
    to: "desired-state-servers",
    kind: "stream",
    label: "desired versions by generation",
    topic: T,
  },
  {
    from: "host-agents",
    to: "desired-state-servers",
    kind: "request",
    label: "poll desired version, report",
    topic: T,
  },
  { from: "host-agents", to: "artifact-store", kind: "request", label: "fetch artifact by digest", topic: T },
  { from: "host-agents", to: "load-balancers", kind: "control", label: "drain / return", topic: T },
];

export const DEPLOY_API: ApiSpec[] = [
  {
    operation: "register release",
    call: "POST /v1/services/{service}/releases",
    request: ["version", "artifact digest", "build id"],
    response: ["release id"],
    errors: ["409 version exists with another digest"],
    guarantee:
      "a version names one digest forever; registering the same version and digest again returns the same release",
    topic: T,
  },
  {
    operation: "start rollout",
    call: "POST /v1/services/{service}/rollouts",
    request: ["release id", "plan: waves (host groups, unavailable cap, bake time)", "client_token"],
    response: ["rollout id", "generation"],
    errors: ["409 another rollout of the service is active", "400 a wave spans every failure domain"],
    guarantee: "one active rollout per service; a repeated client_token returns the first rollout",
    topic: T,
  },
  {
    operation: "pause, resume or abort",
    call: "POST /v1/rollouts/{rollout_id}:pause | :resume | :abort",
    request: ["expected generation", "reason"],
    response: ["state", "generation"],
    errors: ["409 generation moved (reload)", "409 rollout already finished"],
    guarantee:
      "an abort moves every desired version the rollout set back to the previous release; each action is audited",
    topic: T,
  },
  {
    operation: "rollout status",
    call: "GET /v1/rollouts/{rollout_id}",
    request: ["rollout_id"],
    response: ["wave", "state", "hosts per release and state", "stuck hosts", "gate verdicts"],
    errors: ["404 unknown rollout"],
    guarantee: "from host reports, so it lags the fleet by one report interval",
    topic: T,
  },
  {
    operation: "poll desired version (agent-facing)",
    call: "GET /v1/desired/{service}/{host_group}?generation=",
    request: ["host id", "the generation the agent holds"],
    response: ["304 unchanged, or the release, its digest and the generation"],
    errors: ["404 unknown host group"],
    guarantee: "a generation never goes backwards; a rollback is a newer generation naming the older release",
    topic: T,
  },
  {
    operation: "report host status (agent-facing)",
    call: "PUT /v1/hosts/{host_id}/status",
    request: ["release running", "state", "generation applied"],
    response: ["ok"],
    errors: [],
    guarantee: "the latest report wins per host",
    topic: T,
  },
  {
    operation: "read audit log",
    call: "GET /v1/services/{service}/audit?after=",
    request: ["service", "after sequence"],
    response: ["events in order: actor, action, before, after, reason"],
    errors: ["404 unknown service"],
    guarantee: "every change to a rollout or a desired version is listed, in commit order",
    topic: T,
  },
];

export const DEPLOY_DATA: DataSpec[] = [
  {
    entity: "DeployedService",
    key: ["service"],
    fields: ["host groups (zone, region)", "current release", "active rollout_id", "generation", "owners"],
    indexes: [],
    partitionKey: "service",
    owner: "deploy-store",
    plays: ["microservice", "application", "app"],
    topic: T,
  },
  {
    entity: "DesiredVersion",
    key: ["service", "host_group"],
    fields: ["release", "artifact digest", "rollout_id", "generation"],
    indexes: [],
    partitionKey: "service",
    owner: "deploy-store",
    topic: T,
  },
  {
    entity: "ReleaseArtifact",
    key: ["service", "version"],
    fields: ["artifact digest", "build id", "registered_by", "registered_at"],
    indexes: ["(artifact digest)"],
    partitionKey: "service",
    owner: "deploy-store",
    topic: T,
  },
  {
    entity: "Rollout",
    key: ["rollout_id"],
    fields: ["service", "from release", "to release", "current wave", "state", "generation", "orchestrator lease"],
    indexes: ["unique (service) where state is active"],
    partitionKey: "service",
    owner: "deploy-store",
    topic: T,
  },
  {
    entity: "RolloutWave",
    key: ["rollout_id", "wave_no"],
    fields: ["host groups", "unavailable cap", "bake seconds", "started_at", "baked_at", "gate verdict"],
    indexes: [],
    partitionKey: "service",
    owner: "deploy-store",
    topic: T,
  },
  {
    entity: "HostStatus",
    key: ["host_id"],
    fields: ["service", "host_group", "release running", "state", "generation applied", "reported_at"],
    indexes: ["(service, host_group, release)"],
    partitionKey: "service",
    owner: "host-agents",
    topic: T,
  },
  {
    entity: "AuditEvent",
    key: ["service", "seq"],
    fields: ["actor", "action", "before", "after", "reason", "at"],
    indexes: [],
    partitionKey: "service",
    owner: "deploy-store",
    topic: T,
  },
];

export const DEPLOY_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Roll a release out in waves",
    notation:
      "deploy-operators>deploy-api[start rollout of a release with its waves {release registered}] -> deploy-api>deploy-store[create the rollout and its audit entry {no active rollout for the service}] -> deploy-api>deploy-operators[rollout id] -> rollout-orchestrator>deploy-store[move the wave's desired version to the release {previous wave's gate passed}] -> deploy-store>desired-state-servers[new generation for the host groups] -> host-agents>desired-state-servers[poll the desired version] -> host-agents>artifact-store[fetch the artifact by digest] -> host-agents>load-balancers[drain the host {group under its unavailable cap}] -> host-agents[install and pass the health check {digest matches}] -> host-agents>load-balancers[return the host] -> host-agents>desired-state-servers[report the running release] -> rollout-orchestrator>health-gate[judge the wave after its bake time] -> health-gate>metrics-system[read the wave's error rate and latency over the bake window] -> health-gate>rollout-orchestrator[pass {enough data and the wave within the gate}] |-> health-gate>rollout-orchestrator[no verdict, hold the wave {metrics missing}] => done | park",
    topic: T,
  },
  {
    name: "Roll back on a failing gate",
    notation:
      "health-gate>rollout-orchestrator[fail: the wave's error rate or latency is worse than the gate allows] -> rollout-orchestrator>deploy-store[move every desired version back to the previous release and stop the waves {generation = the one read}] -> deploy-store>desired-state-servers[new generation naming the previous release] -> host-agents>desired-state-servers[poll the desired version] -> host-agents[reinstall the previous artifact kept on disk {digest matches}] -> host-agents>desired-state-servers[report the running release] => rollback",
    topic: T,
  },
  {
    name: "An operator pauses or aborts a rollout",
    notation:
      "deploy-operators>deploy-api[pause or abort with a reason] -> deploy-api>deploy-store[set the rollout's state and append the audit entry {generation = expected}] -> deploy-api>deploy-operators[new state and generation] |-> deploy-api>deploy-operators[409 generation moved {another change landed first}] => done | reject",
    topic: T,
  },
];

/** The deployment system's figures: hosts per batch, a host's update, the whole rollout's time, polls and downloads. */
export const DEPLOY_CAPACITY: CapacityModel = {
  inputs: [
    { quantity: "nodes", typical: 10000, why: "servers running the service being deployed (a planning figure)" },
    {
      quantity: "services",
      typical: 200,
      why: "services the system deploys, each with its own rollouts (a planning figure)",
    },
    {
      quantity: "canary_fraction",
      label: "share of the fleet in the canary wave",
      unit: "fraction",
      typical: 0.01,
      why: "a canary is a small slice, about one percent, enough traffic to compare with its control (a planning figure)",
    },
    {
      quantity: "min_canary_hosts",
      label: "fewest hosts in a canary wave",
      unit: "hosts",
      typical: 5,
      why: "fewer hosts than a handful give the comparison too little traffic to tell a real rise from noise (a planning figure)",
    },
    {
      quantity: "rollout_waves",
      label: "waves in a rollout's plan",
      unit: "waves",
      typical: 6,
      why: "a canary, then one zone, one region, a quarter, half and the rest: each wave within fewer failure domains than all (a planning figure)",
      from: {
        expression: "2 + regions",
        why: "a canary and one zone, then each stated region in turn, so no wave spans every region",
        allStated: true,
      },
    },
    {
      quantity: "max_unavailable_fraction",
      label: "share of the fleet out of service at once (max unavailable)",
      unit: "fraction",
      typical: 0.05,
      why: "the rest must carry peak traffic while a batch installs; Kubernetes defaults to 25%, a busy service keeps it to a few percent (a planning figure)",
    },
    {
      quantity: "drain_seconds",
      label: "time to drain a host's connections before it stops",
      unit: "s",
      typical: 30,
      why: "the load balancer stops sending new requests and in-flight ones finish, tens of seconds (a planning figure)",
    },
    {
      quantity: "install_seconds",
      label: "time to fetch, verify and install the artifact and restart the service",
      unit: "s",
      typical: 60,
      why: "a few hundred megabytes from a regional mirror, unpacked, and a process restart, about a minute (a planning figure)",
    },
    {
      quantity: "warmup_seconds",
      label: "time for a restarted host to pass its health check and take traffic",
      unit: "s",
      typical: 30,
      why: "the health check passes and caches warm within tens of seconds (a planning figure)",
    },
    {
      quantity: "bake_seconds",
      label: "bake time after each wave before its gate judges it",
      unit: "s",
      typical: 1800,
      why: "long enough for slow faults (leaks, daily jobs) to show and for enough requests to compare; Spinnaker recommends canary intervals of 30 minutes or more",
    },
    {
      quantity: "agent_poll_seconds",
      label: "how often a host agent polls its desired version",
      unit: "s",
      typical: 30,
      why: "a change or a rollback reaches an agent within half a minute, a small cost next to an install (a planning figure)",
    },
    {
      quantity: "gate_check_seconds",
      label: "time for the gate to see a rise once it shows in the metrics",
      unit: "s",
      typical: 120,
      why: "the metrics system's scrape and query delay plus a couple of bad intervals in a row before failing, a couple of minutes (a planning figure)",
      // a stated rollback bound: the gate's window is the tunable step of the way back (gate + poll + reinstall)
      from: {
        expression:
          "rollback_bound_seconds * (1 - bound_headroom) - agent_poll_seconds - drain_seconds - install_seconds - warmup_seconds",
        why: "the share of the stated rollback bound planned for use, less the agents' poll and one host's reinstall (drain, install, warm-up): the gate must judge within what is left, so gate + poll + reinstall fits the bound",
        atMost: 120,
      },
    },
    {
      quantity: "artifact_bytes",
      label: "size of one release's artifact",
      unit: "B",
      typical: 500000000,
      why: "a service binary or container image with its dependencies, hundreds of megabytes (a planning figure)",
    },
  ],
  figures: [
    fig(
      "canary_hosts",
      "hosts in the canary wave",
      "count",
      "max(min_canary_hosts, nodes * canary_fraction)",
      "hosts",
      true,
    ),
    fig(
      "hosts_in_flight",
      "hosts out of service at once across the fleet (max unavailable), each draining, installing or warming up",
      "count",
      "max(1, nodes * max_unavailable_fraction)",
      "hosts",
      true,
    ),
    fig(
      "host_update_seconds",
      "time one host takes to update (drain + install + warm-up)",
      "time",
      "drain_seconds + install_seconds + warmup_seconds",
      "s",
    ),
    fig(
      "install_batches",
      "batches the whole fleet takes, at most the hosts in flight at a time",
      "count",
      "nodes / hosts_in_flight",
      "batches",
      true,
    ),
    fig(
      "rollout_seconds",
      "time to take the whole fleet to a release: every batch's update plus each wave's bake",
      "time",
      "install_batches * host_update_seconds + rollout_waves * bake_seconds",
      "s",
    ),
    // a stated rollback bound ("a bad release rolled back within 5 minutes") holds the way back this model computes
    {
      ...fig(
        "rollback_seconds",
        "time from a rise in the canary's errors to its hosts running the previous release (gate + poll + reinstall)",
        "time",
        "gate_check_seconds + agent_poll_seconds + host_update_seconds",
        "s",
      ),
      bound: "rollback_bound_seconds",
    },
    fig(
      "second_fleet_hosts",
      "hosts a blue-green switch keeps as a second fleet for the rollout's length",
      "count",
      "nodes",
      "hosts",
    ),
    fig(
      "max_active_rollouts",
      "rollouts the orchestrator runs at once at most: one active per service",
      "count",
      "services",
      "rollouts",
    ),
    fig(
      "agent_polls_per_sec",
      "agent polls a second at the control plane",
      "hotspot",
      "nodes / agent_poll_seconds",
      "polls/s",
    ),
    fig(
      "desired_state_servers",
      "desired-state servers answering the polls at the planned utilisation (two at least, so one can fail)",
      "count",
      "max(2, nodes / agent_poll_seconds / (node_requests_per_sec * target_utilisation))",
      "servers",
      true,
    ),
    fig(
      "artifact_bandwidth",
      "artifact bandwidth while a batch installs: every host in flight fetches it within its install",
      "bandwidth",
      "hosts_in_flight * artifact_bytes / install_seconds",
      "B/s",
    ),
  ],
};

export const DEPLOY_DECISIONS: DecisionPoint[] = [
  {
    id: "i11-deploy-delivery",
    topic: T,
    question: "Do host agents pull their desired version, or does the orchestrator push each install to the hosts?",
    options: [
      {
        id: "agent-pull",
        name: "agents on every host poll their group's desired version and converge to it",
        buys: "the control plane writes one record per host group whatever the fleet's size; a host that was down catches up on its own; the orchestrator holds no connection per host",
        costs: "an agent on every host, and a change waits up to a poll interval",
        winsWhen: "the fleet is thousands of hosts or more, and hosts come and go",
        wins: [{ number: "nodes", atLeast: 1000 }],
      },
      {
        id: "push",
        name: "the orchestrator connects to each host (SSH or a remote command) and runs the install",
        buys: "no agent to run; the orchestrator sees each install's result at once",
        costs:
          "a connection per host from one place, retries for every host that was down, and a fleet the orchestrator must list",
        winsWhen: "a few hundred hosts or fewer, and no agent can be installed on them",
        // the prompt says no agent runs on the hosts
        wins: [
          {
            words: String.raw`\bagentless\b|\bno agents?\b|\bwithout (?:an? |installing (?:an? )?)?agents?\b|\b(?:cannot|can't|can not) (?:install|run) (?:an? )?agents?\b`,
          },
        ],
      },
    ],
    rules: [
      {
        when: [{ number: "nodes", atLeast: 1000 }],
        option: "agent-pull",
        because: "thousands of hosts each converging on their own beat one orchestrator holding a connection to each",
      },
    ],
    fallback: {
      option: "agent-pull",
      because: "a host that was down catches up on its own, and the control plane writes one record per group",
    },
  },
  {
    id: "i11-deploy-analysis",
    topic: T,
    question: "Does the gate compare the wave with control hosts on the old release, or check fixed thresholds?",
    options: [
      {
        id: "canary-vs-control",
        name: "canary analysis: the wave's error rate and latency against control hosts still on the old release, over the same window",
        buys: "a rise the release causes is told from one the day causes (traffic, a dependency), since both sides see the same window",
        costs: "control hosts of the same size kept on the old release, and enough traffic on both sides to compare",
        winsWhen: "the ask is to catch a rise in errors or latency, and each wave takes enough traffic to compare",
      },
      {
        id: "fixed-thresholds",
        name: "fixed thresholds: the wave passes while its error rate and latency stay under set limits",
        buys: "anyone can state and check the limit, and no control hosts are kept",
        costs: "a limit loose enough for a busy day misses a small rise, and a tight one fails on noise",
        winsWhen: "the service states hard limits (an SLO), or its traffic is too small for a comparison",
        wins: [
          {
            words:
              "\\b(?:(?:fixed )?thresholds?\\b|slos?\\b|(?:above|over|exceeds?|past) \\d+(?:\\.\\d+)? ?(?:%|percent\\b))",
          },
        ],
        implies: {
          names: [
            {
              component: "health-gate",
              name: "Health gate (error rate and latency against fixed limits, from the metrics system)",
              runs: ["judge a wave after its bake", "fail closed without data"],
            },
          ],
        },
      },
    ],
    rules: [
      {
        when: [
          {
            words: String.raw`\b(?:(?:fixed )?thresholds?\b|slos?\b|(?:above|over|exceeds?|past) \d+(?:\.\d+)? ?(?:%|percent\b))`,
          },
        ],
        option: "fixed-thresholds",
        because: "the prompt states the limits the gate checks",
      },
    ],
    fallback: {
      option: "canary-vs-control",
      because: "comparing with control hosts over the same window tells the release's rise from the day's",
    },
  },
  {
    id: "i11-deploy-strategy",
    topic: T,
    question:
      "Update the hosts in place in rolling batches, or stand up a second fleet and switch traffic to it (blue-green)?",
    options: [
      {
        id: "rolling-in-place",
        name: "rolling in place: batches of hosts drained, updated and returned, within the unavailable cap",
        buys: "no extra hosts: the fleet updates itself batch by batch",
        costs: "capacity drops by the batch while it installs, and a rollback reinstalls on every moved host",
        winsWhen: "the fleet is large, so a second copy of it is too costly",
        // the second fleet is sized only where a blue-green switch is chosen
        implies: { excludes: ["second fleet"] },
      },
      {
        id: "blue-green",
        name: "blue-green: a second fleet on the new release takes traffic in one switch at the load balancer, the old one kept for a switch back",
        buys: "a rollback is one switch back, in seconds, and no capacity is lost while installing",
        costs:
          "a second fleet as large as the first for the rollout's length, and one switch moves every request at once",
        winsWhen: "a rollback must take seconds, and spare hosts for a second copy of the service exist",
        wins: [{ words: "\\b(?:blue[-/ ]green|red[-/ ]black|instant (?:rollback|switch)|switch traffic)\\b" }],
        implies: {
          names: [
            {
              component: "load-balancers",
              name: "Load balancers (switch traffic between the blue and green fleets)",
              runs: ["switch traffic to the green fleet", "switch back on a failing gate", "drain a host"],
            },
          ],
        },
      },
    ],
    rules: [
      {
        when: [{ words: String.raw`\b(?:blue[-/ ]green|red[-/ ]black|instant (?:rollback|switch)|switch traffic)\b` }],
        option: "blue-green",
        because: "the prompt asks for a second fleet and a switch of traffic",
      },
    ],
    fallback: {
      option: "rolling-in-place",
      because: "a second copy of the whole fleet costs as many hosts again, while rolling batches cost only the cap",
    },
  },
];

export const DEPLOY_SCOPES = {
  topic: T,
  ordering: {
    scope: "partition",
    why: "each service's rollouts, waves and desired versions form one sequence by generation",
  },
  exclusivity: {
    scope: "partition",
    why: "one active rollout per service, by a conditional write on the service's record",
  },
  coordination: {
    scope: "partition",
    why: "one orchestrator leader writes a service's desired versions; hosts converge with no coordination among them",
  },
} as const;

export const DEPLOY_SILHOUETTE = {
  topic: T,
  storage:
    "releases by digest, rollouts with their waves, desired versions per host group and an audit log, consensus-replicated",
  coordination:
    "an orchestrator advancing waves behind a health gate that reads the metrics system, and rolling back on its own",
  serving: "host agents pulling their desired version, installing within the unavailable cap and reporting",
} as const;

export const DEPLOY_TECHNOLOGIES: NonNullable<ArchetypeInput["technologies"]> = [
  {
    product: "etcd for the deploy store and the orchestrator's lease",
    layer: "storage",
    fits: "Desired versions and rollouts are small records changed by compare-and-set on their revision, and a lease keeps one orchestrator leader",
    suits: ["linearizable", "small-metadata", "durable"],
    poorFor: ["high-throughput", "large-objects"],
    caveat: "Keep the audit log small or move it to a relational store; etcd's database has a size quota",
    topic: T,
  },
  {
    product: "Object storage with regional mirrors for artifacts by digest",
    layer: "serving",
    fits: "Artifacts are immutable and named by digest, so any mirror or cache can serve them and a host verifies what it got",
    suits: ["durable", "high-throughput"],
    poorFor: ["low-latency"],
    caveat: "Prefetch onto hosts ahead of their wave so a batch does not wait on the download",
    topic: T,
  },
];

/** What a deployment-system design must draw and must not (coherence `deploy-rollout-shape`). */
export const DEPLOY_SHAPE = {
  entities: ["ReleaseArtifact", "Rollout", "DesiredVersion", "AuditEvent"],
  rollout: "rollout_seconds",
  rollback: "rollback_seconds",
  /** Residue of a feature-flag service, a DNS service or the card's configuration snapshots. */
  residue:
    /\b(?:feature flags?|SDKs?|LaunchDarkly|Unleash|ConfigVersion|config snapshots?|zone transfer|NOTIFY|name servers?)\b/i,
} as const;
