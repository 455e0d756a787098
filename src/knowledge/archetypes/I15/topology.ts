import type { ProtocolSpec, Topology } from "../../topology.js";
import { MEDIA_API, MEDIA_COMPONENTS, MEDIA_DATA, MEDIA_LINKS, MEDIA_PROTOCOLS } from "./media.js";
import { SANDBOX_API, SANDBOX_COMPONENTS, SANDBOX_DATA, SANDBOX_LINKS, SANDBOX_PROTOCOLS } from "./sandbox.js";
import { SERVING_API, SERVING_COMPONENTS, SERVING_DATA, SERVING_LINKS, SERVING_PROTOCOLS } from "./serving.js";

/** Drawn only where the prompt speaks of functions run per invocation: a function platform's invocation path. */
const F = "functions" as const;
/** Untrusted code: users submit code, not task specs, and read its verdict (sandbox.ts). */
const U = "untrusted-code" as const;
/** Uploaded media made into renditions: its own upload, split, encode and publish path replaces the cluster manager's (media.ts). */
const M = "media-pipeline" as const;
/** Trained models served online: a registry, traffic splits and model replicas replace the cluster manager (serving.ts). */
const S = "model-serving" as const;
/** The cluster manager's own parts, drawn by neither subject that replaces them. */
const MS = [M, S] as const;

/** Execution fleet: a control API, a consensus cluster store, scheduler and controllers, worker nodes, and an invocation router where functions run per invocation. */
export const protocols: ProtocolSpec[] = [
  ...SANDBOX_PROTOCOLS,
  ...MEDIA_PROTOCOLS,
  ...SERVING_PROTOCOLS,
  {
    unlessTopic: MS,
    name: "Place, run as a numbered attempt, reschedule on node loss",
    notation:
      "clients>control-api[submit spec with request id {no Task with this request id}] -> control-api>cluster-store[create pending task] -> control-api>clients[task id] -> scheduler>cluster-store[bind task to a node {Task.state = pending and WorkerNode.free >= Task.demand}] -> cluster-store>workers[watch event, assignment with attempt number] -> workers>cluster-store[report started and result {Assignment.attempt = current}] |-> node-controller>cluster-store[re-place tasks of a dead node under a new attempt number {WorkerNode.last_heartbeat < now - timeout}] => done | retry | reclaim",
  },
  {
    name: "Invocation with warm reuse",
    topic: F,
    notation:
      "clients>router[invoke function] -> router>workers[run on an idle warm sandbox {WarmSandbox.state = idle and WarmSandbox.version = Deployment.version}] -> workers>router[result] -> router>clients[result] |-> router>workers[cold start a sandbox {no idle sandbox and WorkerNode.free >= demand}] => done | retry | reject",
  },
  {
    unlessTopic: MS,
    name: "Reconcile and autoscale",
    notation:
      "autoscaler>cluster-store[read backlog and running tasks] -> autoscaler>cluster-store[set desired replicas {Deployment.version = read version}] -> scheduler>cluster-store[bind new tasks] -> cluster-store>workers[watch event, start tasks] => done | retry",
  },
];

export const topology: Topology = {
  components: [
    {
      id: "clients",
      name: "Clients submitting tasks or invoking functions",
      kind: "client",
      runs: ["submit", "invoke", "status"],
      because: "submissions are retried, so each carries a request id",
      topic: F,
    },
    {
      id: "clients",
      name: "Clients submitting tasks",
      kind: "client",
      runs: ["submit", "status"],
      because: "submissions are retried, so each carries a request id",
      unlessTopic: [F, U, M, S],
    },
    {
      id: "clients",
      name: "Users submitting code",
      kind: "client",
      runs: ["submit code", "read verdict"],
      because: "a submission is retried under its submission id, so it is judged once",
      topic: U,
      unlessTopic: F,
    },
    {
      id: "control-api",
      unlessTopic: MS,
      name: "Control API (submit, deploy, status)",
      kind: "service",
      runs: ["submit", "deploy", "cancel"],
      because: "turns requests into desired state in the cluster store; it never starts work itself",
    },
    {
      id: "cluster-store",
      unlessTopic: MS,
      name: "Cluster state store (3-5 node consensus group)",
      kind: "replica-group",
      holds: ["Task", "Assignment", "Deployment", "WorkerNode"],
      runs: ["conditional bind", "watch"],
      because: "desired and observed state live in one strongly consistent store every controller watches",
    },
    {
      id: "scheduler",
      unlessTopic: MS,
      name: "Scheduler (placement)",
      kind: "control-loop",
      runs: ["filter and score nodes", "bind"],
      because: "binding a task to a node with free capacity, spread across failure domains, is a single guarded write",
    },
    {
      id: "node-controller",
      unlessTopic: MS,
      name: "Node lifecycle controller",
      kind: "control-loop",
      runs: ["detect missed heartbeats", "re-place under a new attempt number"],
      because:
        "a dead node's tasks must run elsewhere, and reports from the old attempt must be refused by its attempt number",
    },
    {
      id: "autoscaler",
      unlessTopic: MS,
      name: "Autoscaler",
      kind: "control-loop",
      runs: ["resize desired replicas and the node pool"],
      because: "capacity follows backlog per slot within a target band",
    },
    {
      id: "workers",
      unlessTopic: MS,
      name: "Worker nodes (agent + sandboxes)",
      kind: "worker-pool",
      holds: ["WarmSandbox"],
      runs: ["start task", "heartbeat", "report result"],
      because: "the agent on each node runs what is assigned to it and reports back with the attempt number",
    },
    ...SANDBOX_COMPONENTS,
    ...MEDIA_COMPONENTS,
    ...SERVING_COMPONENTS,
    {
      id: "router",
      topic: F,
      name: "Invocation router",
      kind: "gateway",
      runs: ["pick warm sandbox", "cold start"],
      because: "synchronous invocations need a warm sandbox of the current version, or a cold start within capacity",
    },
  ],
  links: [
    { from: "clients", to: "control-api", kind: "request", label: "submit / deploy / status", unlessTopic: MS },
    { from: "clients", to: "router", kind: "request", label: "invoke", topic: F },
    { from: "control-api", to: "cluster-store", kind: "request", label: "write desired state", unlessTopic: MS },
    { from: "scheduler", to: "cluster-store", kind: "control", label: "bind tasks", unlessTopic: MS },
    {
      from: "node-controller",
      to: "cluster-store",
      kind: "control",
      label: "reschedule on node loss",
      unlessTopic: MS,
    },
    { from: "autoscaler", to: "cluster-store", kind: "control", label: "desired replicas", unlessTopic: MS },
    { from: "cluster-store", to: "workers", kind: "stream", label: "watch assignments", unlessTopic: MS },
    { from: "workers", to: "cluster-store", kind: "callback", label: "heartbeat, status", unlessTopic: MS },
    { from: "router", to: "workers", kind: "request", label: "run invocation", topic: F },
    ...SANDBOX_LINKS,
    ...MEDIA_LINKS,
    ...SERVING_LINKS,
  ],
  api: [
    {
      operation: "submit",
      // where users submit code, the submission API is the way in (sandbox.ts)
      unlessTopic: [U, M, S],
      call: "POST /v1/tasks",
      request: ["spec", "resources", "request_id"],
      response: ["task_id", "state"],
      errors: ["400 invalid spec", "429 quota exceeded"],
      guarantee:
        "a repeated request id returns the existing task; each task has one current attempt, and reports from a superseded attempt are refused",
    },
    ...SANDBOX_API,
    ...MEDIA_API,
    ...SERVING_API,
    {
      operation: "invoke",
      topic: F,
      call: "POST /v1/functions/{name}:invoke",
      request: ["payload", "mode (sync | async)", "request_id"],
      response: ["result or invocation_id"],
      errors: ["429 throttled", "504 timeout"],
      guarantee: "async invocations run at least once; handlers must be idempotent on request_id",
    },
    {
      operation: "status",
      unlessTopic: MS,
      call: "GET /v1/tasks/{task_id}",
      request: ["task_id"],
      response: ["state", "node", "attempt", "exit result"],
      errors: ["404 unknown task"],
      guarantee: "from the cluster store",
    },
    {
      operation: "deploy",
      unlessTopic: MS,
      call: "PUT /v1/deployments/{name}",
      request: ["version", "replicas or scaling policy", "expected_version"],
      response: ["revision"],
      errors: ["409 version conflict"],
      guarantee: "controllers converge running tasks to the deployment revision",
    },
  ],
  dataModel: [
    ...SANDBOX_DATA,
    ...MEDIA_DATA,
    ...SERVING_DATA,
    {
      entity: "Task",
      unlessTopic: MS,
      key: ["task_id"],
      fields: ["spec", "demand", "state", "request_id", "attempt"],
      indexes: ["request_id (unique)", "state"],
      owner: "cluster-store",
    },
    {
      entity: "Assignment",
      unlessTopic: MS,
      key: ["task_id"],
      fields: ["node_id", "attempt", "bound_at"],
      indexes: ["node_id"],
      owner: "cluster-store",
    },
    {
      entity: "WorkerNode",
      unlessTopic: MS,
      key: ["node_id"],
      fields: ["capacity", "free", "state", "last_heartbeat", "failure_domain"],
      indexes: ["(state, free)"],
      owner: "cluster-store",
    },
    {
      entity: "Deployment",
      unlessTopic: MS,
      key: ["name"],
      fields: ["version", "replicas", "scaling policy"],
      indexes: [],
      owner: "cluster-store",
    },
  ],
  entry: "control-api",
  stateOwner: "cluster-store",
  intake: "workers",
  outlet: "workers",
  consumer: "workers",
  protocols,
  unit: { entity: "Task", words: ["task"] },
  topicHooks: {
    [S]: {
      entry: "inference-gateway",
      stateOwner: "model-registry",
      intake: "inference-gateway",
      outlet: "prediction-log",
      consumer: "model-servers",
      // no unit noun: "an inference service" or "a fraud scoring service" names what the models do, never a record
      unit: undefined,
    },
    [M]: {
      entry: "upload-api",
      stateOwner: "job-store",
      intake: "encode-workers",
      outlet: "packager",
      consumer: "encode-workers",
      unit: { entity: "Asset", words: ["asset"] },
    },
  },
};
