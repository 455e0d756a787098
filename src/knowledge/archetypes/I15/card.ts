import type { ArchetypeInput } from "../../schema.js";
import {
  MEDIA_BOTTLENECKS,
  MEDIA_ENTITIES,
  MEDIA_FAILURES,
  MEDIA_INVARIANTS,
  MEDIA_KEPT_BY,
  MEDIA_READS,
  MEDIA_TECHNOLOGIES,
  MEDIA_WRITES,
} from "./media.js";
import { SANDBOX_ENTITIES, SANDBOX_FAILURES, SANDBOX_INVARIANTS, SANDBOX_READS, SANDBOX_WRITES } from "./sandbox.js";
import {
  SERVING_BOTTLENECKS,
  SERVING_ENTITIES,
  SERVING_FAILURES,
  SERVING_INVARIANTS,
  SERVING_KEPT_BY,
  SERVING_OVERLAY,
  SERVING_READS,
  SERVING_SCOPES,
  SERVING_SILHOUETTE,
  SERVING_TECHNOLOGIES,
  SERVING_WRITES,
} from "./serving.js";
import { protocols } from "./topology.js";

/** Uploaded media made into renditions (media.ts): its own records, paths and rules replace the cluster manager's. */
const M = "media-pipeline" as const;
/** Trained models served online (serving.ts): its registry, traffic splits and replicas replace the cluster manager's. */
const S = "model-serving" as const;
/** The cluster manager's own rows, drawn by neither subject that replaces them. */
const MS = [M, S] as const;

export const card = {
  id: "I15",
  name: "Execution Fleet + Worker Substrate",
  summary:
    "This archetype owns running other people's work on a pool of machines: placing tasks, containers or function invocations onto workers with free capacity, keeping the pool the right size, and noticing when a worker dies. " +
    "Its authoritative state is the fleet's ledger: each worker node's capacity and health, each task's desired spec and state, and the binding of task to node with an attempt number; observed state reported by workers is compared against that desired state by reconciliation loops. " +
    "The core correctness concern is that a task runs where capacity was actually reserved, that a task presumed lost and rescheduled cannot keep running (or reporting) on its old node unnoticed, and that a dead node's work is always re-placed, while isolation keeps one tenant's code away from another's. " +
    "Serverless function platforms, container orchestrators, cluster schedulers, CI and build runners and batch or transcoding worker fleets share this shape.",
  roles: ["coordination", "truth"],
  /** Runs work (FRAMEWORK.md §9), so the entry carries the runtime overlay. */
  runtime: true,
  signals: {
    phrases: [
      // "build" is a stop word, so "build agents" alone would read every "support agent" as a worker fleet
      { text: "ci agents", weight: 0.8 },
      { text: "pool of agents", weight: 0.8 },
      { text: "autoscaled agents", weight: 0.8 },
      { text: "serverless", weight: 1.0 },
      { text: "serverless compute", weight: 1.0 },
      { text: "function as a service", weight: 1.0 },
      { text: "container orchestration", weight: 1.0 },
      { text: "container platform", weight: 0.9 },
      { text: "cluster scheduler", weight: 1.0 },
      { text: "place jobs", weight: 0.7 },
      { text: "thousands of machines", weight: 0.5 },
      { text: "cluster manager", weight: 0.9 },
      { text: "schedule containers", weight: 0.95 },
      { text: "schedule on machines", weight: 0.7 },
      { text: "resource manager", weight: 0.6 },
      { text: "worker fleet", weight: 1.0 },
      { text: "fleet of workers", weight: 1.0 },
      { text: "worker pool", weight: 0.9 },
      { text: "compute service", weight: 0.8 },
      { text: "job runner", weight: 0.8 },
      { text: "task execution", weight: 0.7 },
      { text: "distributed job execution", weight: 0.8 },
      { text: "run code", weight: 0.6 },
      { text: "execute user code", weight: 0.8 },
      { text: "code execution", weight: 0.8 },
      { text: "untrusted code", weight: 0.7 },
      { text: "sandbox", weight: 0.6 },
      { text: "execution environment", weight: 0.7 },
      { text: "cold start", weight: 0.7 },
      { text: "warm pool", weight: 0.7 },
      { text: "autoscale", weight: 0.7 },
      { text: "bin packing", weight: 0.7 },
      { text: "placement", weight: 0.5 },
      { text: "drain node", weight: 0.6 },
      { text: "spot instances", weight: 0.5 },
      { text: "gpu cluster", weight: 0.6 },
      { text: "batch processing", weight: 0.6 },
      { text: "transcoding", weight: 0.7 },
      { text: "video processing", weight: 0.6 },
      { text: "ci runner", weight: 0.8 },
      { text: "build farm", weight: 0.6 },
      { text: "online judge", weight: 0.7 },
      { text: "capacity", weight: 0.3 },
      { text: "shared machines", weight: 0.7 },
      { text: "packed tightly", weight: 0.7 },
      { text: "restarted elsewhere", weight: 0.7 },
      { text: "batch jobs", weight: 0.5 },
    ],
    systems: [
      { name: "AWS Lambda", aliases: ["Lambda"], weight: 1.0 },
      { name: "Google Cloud Functions", aliases: ["Cloud Functions"], weight: 1.0 },
      { name: "Azure Functions", aliases: [], weight: 1.0 },
      { name: "Cloud Run", aliases: ["Google Cloud Run"], weight: 0.9 },
      { name: "Knative", aliases: [], weight: 0.9 },
      { name: "OpenWhisk", aliases: ["Apache OpenWhisk"], weight: 0.9 },
      { name: "Firecracker", aliases: [], weight: 0.8 },
      { name: "Borg", aliases: ["Google Borg"], weight: 1.0 },
      {
        name: "Kubernetes",
        aliases: ["k8s"],
        weight: 0.9,
        sharedBecause:
          "Kubernetes is a container fleet and scheduler (I15) whose API server and controllers are also a control plane (I11) over a consensus store (I01)",
      },
      { name: "Nomad", aliases: ["HashiCorp Nomad"], weight: 1.0 },
      { name: "Mesos", aliases: ["Apache Mesos"], weight: 0.9 },
      { name: "YARN", aliases: ["Hadoop YARN"], weight: 0.9 },
      { name: "Slurm", aliases: [], weight: 0.9 },
      { name: "AWS Batch", aliases: [], weight: 0.9 },
      { name: "AWS Fargate", aliases: ["Fargate"], weight: 0.8 },
      { name: "Celery", aliases: [], weight: 0.7 },
      { name: "Ray", aliases: [], weight: 0.6 },
    ],
  },
  // where the prompt runs untrusted code, its submissions and their verdicts lead: they are what users see
  entities: [
    ...SANDBOX_ENTITIES,
    ...SERVING_ENTITIES,
    {
      unlessTopic: MS,
      name: "WorkerNode",
      description:
        "A machine or VM in the pool: allocatable capacity (CPU, memory, GPU, slots), labels and failure domain, state (ready, draining, dead) and the time of its last accepted heartbeat.",
      truth: true,
    },
    {
      unlessTopic: MS,
      name: "Task",
      description:
        "A unit to run (a container, a job, a build, a function call): spec and resource demand, tenant, state (pending, placed, running, succeeded, failed), attempt number and a submitter request id.",
      truth: true,
    },
    {
      unlessTopic: MS,
      name: "Assignment",
      description:
        "The binding of one task attempt to one node, with an attempt number that rises on every re-placement so the control plane can refuse reports from a superseded attempt.",
      truth: true,
    },
    {
      unlessTopic: MS,
      name: "Deployment",
      description:
        "Desired state a controller maintains: code or image version, replica or concurrency target, scaling policy; the control plane distributes it to nodes.",
      truth: true,
    },
    {
      unlessTopic: MS,
      name: "WarmSandbox",
      description:
        "An initialised execution environment (container or microVM) for one tenant and code version, idle or busy; a derived cache of capacity used to avoid cold starts.",
      truth: false,
    },
    ...MEDIA_ENTITIES,
  ],
  writePaths: [
    ...SANDBOX_WRITES,
    ...SERVING_WRITES,
    ...MEDIA_WRITES,
    {
      action: "submit a task under the caller's request id so a retried submit does not run it twice",
      entity: "Task",
      shape: "create target",
      mechanism: "idempotency-key",
      critical: true,
      // where users submit code, a submission under its submission id is the way in (sandbox.ts)
      unlessTopic: ["untrusted-code", M, S],
    },
    {
      unlessTopic: MS,
      action:
        "filter nodes whose free allocatable capacity covers the task's resource requests and whose taints it tolerates and affinity rules allow, score the rest (spread, bin-pack, locality), and bind to the best as one conditional write that reserves the requested capacity, preempting lower-priority tasks when nothing fits",
      entity: "Assignment",
      shape: "state transition",
      mechanism: "placement-scheduler",
      critical: true,
    },
    {
      unlessTopic: MS,
      action:
        "control plane accepts a node's start, status and result reports only when they carry the assignment's current attempt number",
      entity: "Assignment",
      shape: "state transition",
      mechanism: "fencing-token",
      critical: true,
    },
    {
      unlessTopic: MS,
      action: "worker heartbeats its liveness, free capacity and the tasks it is running",
      entity: "WorkerNode",
      shape: "overwrite current value",
      mechanism: "heartbeat-renewal",
      hidden: true,
    },
    {
      unlessTopic: MS,
      action:
        "mark a node unreachable after missed heartbeats, and after a grace period re-place its replaceable tasks under a new attempt number",
      entity: "WorkerNode",
      shape: "state transition",
      mechanism: "expiry-sweeper",
      hidden: true,
      critical: true,
    },
    {
      unlessTopic: MS,
      action: "controllers compare desired with observed tasks and create or stop tasks to close the gap",
      entity: "Deployment",
      shape: "async process",
      mechanism: "reconciliation-loop",
      hidden: true,
      critical: true,
    },
    {
      unlessTopic: MS,
      action: "grow or shrink the node pool and the warm sandbox pool from backlog, utilisation and cold-start rate",
      entity: "WorkerNode",
      shape: "async process",
      mechanism: "autoscaling",
      hidden: true,
    },
    {
      unlessTopic: MS,
      action: "drain a node: stop new placements, let running tasks finish or move, then retire it",
      entity: "WorkerNode",
      shape: "state transition",
      mechanism: "guarded-transition",
    },
  ],
  readPaths: [
    ...SANDBOX_READS,
    ...SERVING_READS,
    ...MEDIA_READS,
    {
      unlessTopic: MS,
      action: "the scheduler reads a snapshot of node capacity and idle warm sandboxes to pick a target",
      entity: "WarmSandbox",
      shape: "read projection",
      staleness:
        "a few seconds; the snapshot only proposes a target, and the node or the conditional bind refuses if the capacity is already gone",
    },
    {
      action: "a client reads a task's state, attempt, node and exit result",
      entity: "Task",
      shape: "read source",
      // where users submit code, they poll the submission's verdict instead (sandbox.ts)
      unlessTopic: ["untrusted-code", M, S],
      staleness: "none for retry decisions; progress views may trail the last heartbeat by one interval",
    },
  ],
  protocols,
  invariants: [
    ...SANDBOX_INVARIANTS,
    "A task has at most one current Assignment; status and results are accepted only from the current attempt number.",
    "The resource demands of the tasks bound to a WorkerNode never exceed its allocatable capacity.",
    "A task is re-placed only after its node is declared unreachable or the assignment is revoked, the new Assignment always carries a higher attempt number, and a task that must never run twice is not re-placed until the old node is confirmed gone.",
    "Every submitted Task reaches a terminal state or is retried within its policy; losing a node never silently drops a task.",
    "A sandbox serves only the tenant and code version it was built for; environments are never shared across tenants.",
    ...MEDIA_INVARIANTS,
    ...SERVING_INVARIANTS,
  ],
  // what untrusted code may reach and use, and its one verdict, are said only where the prompt runs such code
  invariantTopics: [
    ...SANDBOX_INVARIANTS.map((statement) => ({ statement, topic: "untrusted-code" as const })),
    // a media pipeline's leased encode tasks and its manifest pointer are its rules, not a cluster manager's
    ...[
      "A task has at most one current Assignment; status and results are accepted only from the current attempt number.",
      "The resource demands of the tasks bound to a WorkerNode never exceed its allocatable capacity.",
      "A task is re-placed only after its node is declared unreachable or the assignment is revoked, the new Assignment always carries a higher attempt number, and a task that must never run twice is not re-placed until the old node is confirmed gone.",
      "Every submitted Task reaches a terminal state or is retried within its policy; losing a node never silently drops a task.",
      "A sandbox serves only the tenant and code version it was built for; environments are never shared across tenants.",
    ].map((statement) => ({ statement, unlessTopic: MS })),
    ...MEDIA_INVARIANTS.map((statement) => ({ statement, topic: M, keptBy: MEDIA_KEPT_BY[statement] })),
    ...SERVING_INVARIANTS.map((statement) => ({ statement, topic: S, keptBy: SERVING_KEPT_BY[statement] })),
  ],
  contract: {
    api: [
      "submit(spec, resources, request_id) -> task_id; a repeated request id returns the existing task",
      "invoke(function, payload, mode: sync | async) -> result | accepted(invocation_id) | throttled",
      "status(task_id) -> state, node, attempt, exit result",
      "cancel(task_id) -> stopping | already_finished",
      "deploy(function or service, version, scaling policy) -> deployment revision",
      "drain(node) -> draining; node retires once its tasks finish or move",
    ],
    guarantees: [
      "At-least-once execution of accepted asynchronous work, with each attempt numbered so a superseded attempt cannot report success; the old attempt may still be running on a partitioned node, so the task's effects must be idempotent.",
      "Capacity isolation: a placed task gets the resources it asked for, and one tenant's tasks cannot read or starve another's.",
      "Self-healing: the running set converges to the desired set within a bounded number of reconcile periods after node failures.",
    ],
  },
  predicates: [
    {
      id: "stale-write-dangerous",
      topic: S,
      because:
        "two rollouts moving one model's traffic split from the same revision would silently undo each other, so the split moves by compare-and-set",
    },
    {
      id: "duplicate-retry-matters",
      topic: S,
      because:
        "a version registration retried after a timeout must neither add a second version nor change the first one's bytes",
    },
    {
      id: "exclusivity-matters",
      unlessTopic: S,
      because:
        "a task presumed lost and re-placed may run on two nodes at once, so each attempt binds to one node with its own attempt number",
    },
    {
      id: "time-bounded-hold",
      unlessTopic: S,
      because:
        "a node that stops heartbeating holds capacity and tasks, so its hold expires and its tasks are re-placed",
    },
    {
      id: "stale-write-dangerous",
      unlessTopic: S,
      because:
        "a partitioned node can keep reporting on a task that was moved, and a stale capacity view can overbook a node, so reports are checked against the attempt number and binds against the node's capacity version",
    },
    {
      id: "duplicate-retry-matters",
      unlessTopic: S,
      because:
        "submitters retry on timeout and asynchronous invocations are redelivered, so tasks are keyed by request id",
    },
  ],
  failures: [
    ...SANDBOX_FAILURES,
    ...SERVING_FAILURES,
    ...MEDIA_FAILURES,
    {
      unlessTopic: MS,
      failure: "Granted twice: two scheduler replicas bind different tasks into the same last free capacity of a node",
      role: "coordination",
      prevention: "Bind with a conditional write on the node's capacity version, or partition nodes among schedulers",
      repair:
        "The node admits only what fits and rejects the overflow task, which returns to pending and is placed elsewhere",
    },
    {
      unlessTopic: MS,
      failure:
        "Stale owner accepted: a node cut off by a partition keeps running a task that was already re-placed, and both report results",
      role: "coordination",
      prevention:
        "Reports carry the attempt number and the control plane drops superseded ones; tasks that must never overlap are not re-placed until the old node is confirmed gone",
      repair:
        "Reports from the older attempt are discarded; the task's own effects must be idempotent by task id, since both copies may have acted",
    },
    {
      unlessTopic: MS,
      failure: "Expiry late: a dead node is noticed only after a long timeout, so its tasks stall",
      role: "coordination",
      prevention: "Short heartbeat intervals with a timeout of a few missed beats, plus direct health probes",
      repair:
        "Reconcile re-places the tasks as soon as the node is declared dead; latency-sensitive work is retried by the client",
    },
    {
      unlessTopic: MS,
      failure: "Progress stalled: the control plane (scheduler or its store) is down, so nothing new is placed",
      role: "coordination",
      prevention:
        "Run scheduler replicas with leader election over a consensus store; nodes keep running what they have",
      repair: "A new leader rebuilds its view from the store and node reports, then resumes placement",
    },
    {
      unlessTopic: MS,
      failure:
        "Retry storm: a bad deployment crash-loops and rescheduling floods the scheduler and pulls images repeatedly",
      role: "coordination",
      prevention: "Exponential restart backoff per task and staged rollout of new versions with health gates",
      repair: "Halt the rollout, roll back the deployment revision and let backoff drain the failed attempts",
    },
    {
      unlessTopic: MS,
      failure: "Cold-start spike: a burst of work arrives with no warm sandboxes and start latency explodes",
      role: "derived",
      prevention: "Keep a warm pool sized from recent concurrency and pre-provision for known peaks",
      repair: "Throttle with a retry hint while new sandboxes start, and grow the warm pool target",
    },
    {
      unlessTopic: MS,
      failure:
        "Overcommitted node: tasks are placed by their resource requests but use up to their limits, so memory runs out and the kernel kills or the node evicts tasks",
      role: "coordination",
      prevention:
        "Set requests near real use, give critical tasks memory limits equal to their requests, and reserve capacity for the node's own daemons",
      repair:
        "Evicted tasks return to pending and are placed again; lower-priority tasks are evicted first so critical ones keep running",
    },
  ],
  bottlenecks: [
    ...MEDIA_BOTTLENECKS,
    ...SERVING_BOTTLENECKS,
    {
      unlessTopic: MS,
      bottleneck: "Fleet size: concurrent work equals arrival rate times duration, divided by slots per worker",
      mitigation:
        "Autoscale from backlog per slot with headroom and cool-downs, and use spot capacity for interruptible work",
      formula: {
        yields: "workers needed (Little's law)",
        expression: "tasks_per_sec * task_seconds / slots_per_worker",
        unit: "workers",
      },
    },
    {
      unlessTopic: MS,
      bottleneck: "Heartbeat and status fan-in on the control plane from every node",
      mitigation: "Batch status per node, report only changes, and split nodes across scheduler shards or cells",
      formula: {
        yields: "heartbeats per second at the control plane",
        expression: "workers / heartbeat_seconds",
        unit: "writes/s",
      },
    },
    {
      unlessTopic: MS,
      bottleneck: "Placement throughput: a single scheduler serialises every binding decision",
      mitigation:
        "Use optimistic parallel schedulers with conditional binds, or partition the fleet into independent cells",
      formula: { yields: "placements per scheduler shard", expression: "tasks_per_sec / partitions", unit: "tasks/s" },
    },
    {
      unlessTopic: MS,
      bottleneck: "Cold-start latency: fetching code or images and booting sandboxes on the request path",
      mitigation: "Cache images on nodes, snapshot initialised microVMs, and keep warm sandboxes of the busiest images",
    },
  ],
  silhouette: {
    storage: "worker/capacity/placement store",
    coordination: "placement, lease, reconciliation",
    serving: "worker runtime execution",
  },
  topicSilhouettes: [
    SERVING_SILHOUETTE,
    {
      topic: M,
      storage:
        "sources and outputs in an object store under per-attempt staging prefixes, and a job store sharded by asset for assets, renditions, leased encode tasks and the manifest pointer",
      coordination:
        "one leased task per (rendition, segment), claimed and finished by conditional writes on its attempt and re-queued when its lease lapses; the manifest pointer moved last by one conditional write",
      serving: "players fetch the published playlists and segments from a CDN that fills from the object store",
    },
  ],
  technologies: [
    ...MEDIA_TECHNOLOGIES,
    ...SERVING_TECHNOLOGIES,
    {
      unlessTopic: MS,
      product: "Kubernetes",
      layer: "coordination",
      fits: "The scheduler filters nodes by resource requests, affinity and taints with tolerations, scores the survivors and preempts lower-priority pods; kubelets heartbeat through node Lease objects, unreachable nodes are tainted and their pods evicted after a toleration period, and controllers reconcile desired replicas",
      suits: ["durable", "elastic-scale", "stay-available"],
      poorFor: ["low-latency", "operational-simplicity"],
      caveat:
        "Pod start takes seconds, and a single cluster tops out at a few thousand nodes; per-request functions need a layer on top",
    },
    {
      unlessTopic: MS,
      product: "Nomad",
      layer: "coordination",
      fits: "Optimistic parallel schedulers with plan verification place containers and plain binaries across a large fleet",
      suits: ["high-throughput", "operational-simplicity", "elastic-scale"],
      poorFor: ["rich-queries", "low-latency"],
      caveat: "Service discovery and secrets come from companion tools rather than built in",
    },
    {
      unlessTopic: MS,
      product: "Firecracker microVMs",
      layer: "serving",
      fits: "Lightweight VMs with strong isolation start in a fraction of a second and can be restored from snapshots for function sandboxes",
      suits: ["low-latency", "elastic-scale"],
      poorFor: ["operational-simplicity", "large-objects"],
      caveat: "It is only the sandbox; placement, routing, warm pools and image distribution are still yours to build",
    },
    {
      product: "gVisor (runsc)",
      layer: "serving",
      topic: "untrusted-code",
      fits: "A user-space kernel between each untrusted run and the host kernel, used as an OCI runtime under the same container images, with no network and cgroup limits per sandbox",
      suits: ["elastic-scale", "operational-simplicity"],
      poorFor: ["high-throughput"],
      caveat:
        "System-call-heavy work such as compilers and file I/O runs slower than under a plain container, and some Linux calls are not implemented",
    },
    {
      product: "AWS Lambda",
      layer: "serving",
      // a managed function platform only where the prompt runs functions per invocation
      topic: "functions",
      fits: "A managed function fleet with per-invocation scaling, async queues, retries and dead-letter destinations",
      suits: ["elastic-scale", "operational-simplicity", "at-least-once"],
      poorFor: ["low-cost", "low-latency", "exactly-once"],
      caveat:
        "Asynchronous invocations can be delivered more than once and runs are capped in duration, so handlers must be idempotent and short",
    },
    {
      unlessTopic: MS,
      product: "etcd as the cluster state store",
      layer: "storage",
      fits: "Node, task and assignment records with revision-guarded writes give the scheduler a consistent ledger and watches for controllers",
      suits: ["linearizable", "small-metadata", "fail-closed"],
      poorFor: ["high-throughput", "large-objects"],
      caveat: "Per-invocation records are far too many for it; keep only desired state and bindings there",
    },
  ],
  connections: [
    {
      to: "I03",
      role: "input",
      why: "scheduled, delayed and retried work is released by a due-time layer into the fleet",
      typical: true,
    },
    {
      to: "I11",
      role: "substrate",
      why: "deployments, function versions and routing tables reach every node through a control plane with snapshots",
      typical: true,
    },
    {
      to: "I05",
      role: "input",
      why: "asynchronous work usually arrives through a queue whose backlog also drives autoscaling",
    },
    {
      to: "I10",
      role: "substrate",
      why: "node liveness and the set of ready workers come from heartbeats kept in a membership registry",
    },
    {
      to: "I02",
      role: "decorator",
      why: "each task attempt is a claim held by one node, numbered so reports from a superseded attempt are refused",
    },
  ],
  overlay: {
    driver: "submissions and queue backlog, plus controllers reconciling the desired pool",
    unit: "one Task attempt with its resource demand",
    worker: "node agents that start sandboxes or containers, run tasks and report results",
    slot: "allocatable CPU, memory, GPU or concurrency on a node, and warm sandboxes per image",
    state:
      "WorkerNode, Task, Assignment and Deployment records are authoritative; heartbeats and attempt numbers are the attempt state",
    source: "API submissions, event triggers and queues feeding asynchronous work",
    sink: "task results and logs returned to callers, plus whatever the tasks themselves write",
    fabric: "the scheduler-to-node channel, and the image or code distribution to nodes",
    maintenance:
      "detecting dead nodes and re-placing their tasks, autoscaling pools, draining and upgrading nodes, evicting idle sandboxes and garbage-collecting finished tasks",
  },
  topicOverlays: [
    SERVING_OVERLAY,
    {
      // uploaded media: one leased task per (rendition, segment), published by one manifest write
      topic: M,
      driver:
        "completed uploads, each split into a task per rendition and segment, and the queued backlog that sizes the fleet",
      unit: "one EncodeTask attempt: one segment of one rendition, under a lease",
      worker: "encode workers that claim a task, encode its segment, write it to staging and finish it by attempt",
      slot: "cores per worker, one encode per few cores",
      state:
        "Asset, Rendition, EncodeTask and Manifest records in the job store are authoritative; outputs sit in the object store",
      source: "uploads straight to the object store, completed through the upload API",
      sink: "published renditions behind one manifest pointer, served by a CDN",
      fabric: "the encode tasks in the job store between the splitter and the workers",
      maintenance:
        "re-queuing tasks whose lease lapsed, deleting abandoned staging prefixes, and autoscaling workers from the backlog",
    },
    {
      // a function platform runs each invocation on a warm sandbox of the function's current version
      topic: "functions",
      driver: "invocation requests, submissions and queue backlog, plus controllers reconciling desired deployments",
      unit: "one Task attempt or function invocation with its resource demand",
      worker: "node agents that start sandboxes or containers, run invocations and report results",
      slot: "allocatable CPU, memory or concurrency on a node, and warm sandboxes per function",
      state:
        "WorkerNode, Task, Assignment and Deployment records are authoritative; heartbeats and attempt numbers are the attempt state",
      source: "API calls, event triggers and queues feeding asynchronous invocations",
      sink: "invocation results returned to callers, plus whatever the functions themselves write",
      fabric: "the invocation router and the scheduler-to-node channel, and the code distribution to nodes",
      maintenance:
        "detecting dead nodes and re-placing their tasks, autoscaling the warm pools, draining and upgrading nodes, evicting idle sandboxes and garbage-collecting finished invocations",
    },
    {
      // untrusted code: each submission queued per language and judged in a fresh sandbox to one verdict
      topic: "untrusted-code",
      driver: "submissions queued per language, and the queue backlog that sizes the sandbox pool",
      unit: "one Submission attempt, run in a fresh sandbox against its test cases",
      worker: "sandbox workers that take a submission, run it under its limits with no network and write its verdicts",
      slot: "sandboxes per host, each with its CPU, memory, process and output limits, from warm per-language images",
      state:
        "Submission and Verdict records are authoritative, with the attempt number that fences a retried run; WorkerNode and Assignment records place the runs",
      source: "users submitting code through the submission API",
      sink: "one verdict per submission, which the submitter polls or is pushed",
      fabric: "the per-language submission queues between the API and the sandbox workers",
      maintenance:
        "rebuilding the per-language images, recycling sandboxes after every run, draining and rebuilding hosts, and rejudging the runs of a host found compromised",
    },
  ],
  /** The NFR stance a design takes when the prompt is silent, and where ordering, exclusivity and coordination hold. */
  topicScopes: [SERVING_SCOPES],
  stance: {
    consistency: "read-your-writes",
    availability: "stay-available",
    delivery: "at-least-once",
    ordering: "none",
    durability: "durable",
    because:
      "placement decisions must be exact per slot, but the fleet keeps running work while the scheduler recovers",
    scopes: {
      ordering: { scope: "none", why: "units of work are placed independently" },
      exclusivity: { scope: "key", why: "each task or slot has one assigned worker at a time" },
      coordination: { scope: "shard", why: "schedulers own cells or shards of the fleet" },
    },
  },
} satisfies ArchetypeInput;
