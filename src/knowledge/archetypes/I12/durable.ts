import type { z } from "zod";
import { fig } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { Technology } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * A workflow whose subject is the engine itself (topic "workflow-engine", knowledge/topics.ts): a durable execution
 * service like Temporal or Cadence that runs other people's workflow code. Its truth is each workflow execution's
 * append-only event history, from which the workflow's state is rebuilt by replaying deterministic workflow code; the
 * history service owns executions by history shard, appends events together with the tasks they imply (dispatch a
 * workflow or activity task, fire a timer) in one shard write, and the matching service hands those tasks to workers
 * that poll task queues. Activities run at least once and must be idempotent; a completion is accepted only from the
 * attempt the execution is waiting for, so a zombie worker's late answer changes nothing. The activities call whatever
 * services the workflow's authors choose, so no payment provider, refund or void belongs here unless money is asked.
 *
 * Facts, checked against primary sources:
 * - Temporal's History Service determines the history events a request implies and appends them, adds a Transfer Task
 *   when a workflow or activity task must go to the Matching Service, and a Timer Task when the workflow waits on a
 *   timer; each shard has a RangeID, a generation number used for fencing (temporalio/temporal,
 *   docs/architecture/history-service.md).
 * - The number of history shards is fixed at cluster creation; each workflow id hashes to one shard, and shards are
 *   spread over history hosts by membership (the same document; Temporal community forum, "Understanding Temporal
 *   internals").
 * - Workers long-poll task queues, which the Matching Service partitions and matches with pollers; a worker polls
 *   only when it has spare capacity (docs.temporal.io, Task Queues; Matching Service architecture notes).
 * - Workflow code must be deterministic because a worker recovers an execution's state by replaying its history
 *   (Temporal docs, Workflows / Event History).
 * - The history service refuses an activity completion, heartbeat or failure whose task token's attempt differs from
 *   the pending activity's attempt (ErrActivityTaskNotFound, service/history/api/activity_util.go).
 * - An execution's event history is limited to 51,200 events or 50 MB (warnings at 10,240 events or 10 MB);
 *   Continue-As-New closes the execution and starts a new run with the same workflow id and a fresh history in one
 *   atomic step (docs.temporal.io, Workflow Execution limits; Continue-As-New).
 * - Activities are retried and must be idempotent (at-least-once) or non-retryable (docs.temporal.io, Activities).
 */

const T = "workflow-engine" as const;
type TechnologyInput = z.input<typeof Technology>;

const HISTORY_STANCE = {
  consistency: "linearizable",
  availability: "fail-closed",
  because:
    "each append is a conditional write on the shard that owns the execution, fenced by the shard's range id, so a history host cut off from its store or its shard ownership appends nothing rather than fork a history",
} as const;

export const WF_ENTITIES = [
  {
    name: "WorkflowExecution",
    description:
      "One run of a workflow (workflow id, run id) on the history shard its workflow id hashes to: its mutable state (status, next event id, pending activities with their attempt numbers, pending timers, pending signals) kept beside its history so a request need not replay it.",
    truth: true,
    stance: HISTORY_STANCE,
    topic: T,
  },
  {
    name: "HistoryEvent",
    description:
      "One event in an execution's append-only history (started, workflow task completed, activity scheduled, started, completed or failed, timer started or fired, signal received), numbered by event id; replaying the events through the workflow code rebuilds its state.",
    truth: true,
    stance: HISTORY_STANCE,
    topic: T,
  },
  {
    name: "HistoryTask",
    description:
      "A task the history shard owes the rest of the system, written with the events that imply it: a transfer task (put a workflow or activity task on a task queue) or a timer task (fire a timer, an activity timeout or a retry at its time).",
    truth: true,
    stance: HISTORY_STANCE,
    topic: T,
  },
  {
    name: "HistoryShard",
    description:
      "One of a fixed number of shards that workflow ids hash to: its current owner host and range id (the fencing generation), and how far its transfer and timer queues have been processed.",
    truth: true,
    topic: T,
  },
] as const;

export const WF_WRITES = [
  {
    action:
      "start an execution under its workflow id: append the started event and a transfer task for the first workflow task to a new history on the shard the id hashes to, in one shard write, refused if a run of that id is still open",
    entity: "WorkflowExecution",
    shape: "create target",
    mechanism: "put-if-absent",
    critical: true,
    topic: T,
  },
  {
    action:
      "complete a workflow task: a worker replays the history through the workflow code and returns commands, and the history service appends their events with the transfer and timer tasks they imply in one shard write, guarded by the execution's next event id",
    entity: "HistoryEvent",
    shape: "append event",
    mechanism: "transactional-outbox",
    critical: true,
    topic: T,
  },
  {
    action:
      "accept an activity's completion only when its task token's scheduled event id and attempt match the pending activity, appending the completed event; a late answer from an earlier attempt is refused",
    entity: "WorkflowExecution",
    shape: "state transition",
    mechanism: "fencing-token",
    critical: true,
    topic: T,
  },
  {
    action:
      "process each shard's task queues: hand a transfer task to the matching service's task queue, and fire a timer task at its time by appending its event (timer fired, activity timed out, next retry attempt)",
    entity: "HistoryTask",
    shape: "async process",
    mechanism: "due-time-index",
    hidden: true,
    critical: true,
    topic: T,
  },
  {
    action:
      "take ownership of a history shard by raising its range id, so every write of the previous owner is refused",
    entity: "HistoryShard",
    shape: "state transition",
    mechanism: "epoch-term",
    hidden: true,
    critical: true,
    topic: T,
  },
  {
    action:
      "continue a long-running execution as new before its history nears the limit: close the run and start the next with the same workflow id and a fresh history in one step",
    entity: "WorkflowExecution",
    shape: "state transition",
    mechanism: "guarded-transition",
    hidden: true,
    topic: T,
  },
] as const;

export const WF_READS = [
  {
    action: "describe an execution or read its history by workflow id",
    entity: "HistoryEvent",
    shape: "read source",
    staleness:
      "None: read from the shard that owns the execution; a listing by search attributes reads a visibility index seconds behind.",
    topic: T,
  },
] as const;

export const WF_INVARIANTS = [
  "A WorkflowExecution's HistoryEvents are appended in event-id order and never changed; its state is what replaying them gives, so workflow code is deterministic and every effect outside goes through an activity.",
  "Every HistoryEvent that needs work elsewhere is written in the same shard write as the HistoryTask that carries it out, so no activity, workflow task or timer is lost or made without its event.",
  "A WorkflowExecution accepts an activity result only from the attempt it is waiting for: a completion whose task token carries another attempt is refused, so a step completes at most once in the history.",
  "Each workflow id maps to one HistoryShard for the cluster's life, and only the host holding the shard's current range id writes it.",
];

export const WF_FAILURES = [
  {
    failure:
      "A worker crashes mid-activity after its side effect may have happened, and the step must not run twice in effect",
    role: "external effect",
    prevention:
      "The activity's start-to-close or heartbeat timeout fires as a timer task and schedules the next attempt; the activity passes the workflow id and activity id to the service it calls as an idempotency key",
    repair:
      "The retry runs under a higher attempt number; the called service drops the repeat by its key, and the history records one completion",
    topic: T,
  },
  {
    failure:
      "A zombie worker, paused past its timeout while the retry already ran elsewhere, reports its completion late",
    role: "truth",
    prevention:
      "The task token carries the attempt number; the history service compares it with the pending activity's attempt and refuses the stale answer",
    repair: "Nothing to repair: the late completion is refused and the history keeps the retry's result",
    topic: T,
  },
  {
    failure:
      "A history host dies or is cut off while it owns shards, and another host takes them over while the old one may still write",
    role: "truth",
    prevention:
      "The new owner raises each shard's range id before writing, and every shard write is conditional on the range id it holds",
    repair:
      "The old owner's writes fail on the range id; the new owner reloads the shard's queues from their processed positions",
    topic: T,
  },
  {
    failure:
      "A code change alters the commands a workflow makes, so replaying an open execution's history no longer matches it (non-determinism)",
    role: "truth",
    prevention:
      "Version workflow code (patch markers or worker build ids) so open executions replay on the code they started with; replay recorded histories against new code before deploying",
    repair: "Roll back the worker, or reset the affected executions to an event before the divergence",
    topic: T,
  },
  {
    failure:
      "An execution that runs for months keeps appending events until its history passes the size limit and it fails",
    role: "truth",
    prevention:
      "Continue as new at a bounded event count (well under 51,200 events or 50 MB), carrying the state forward to a fresh history",
    repair: "Reset the execution to a point before the limit and continue it as new",
    topic: T,
  },
  {
    failure:
      "Many timers fall due at the same moment (a popular schedule, a mass timeout), and one shard's timer queue falls behind",
    role: "truth",
    prevention: "Spread timers over many shards by workflow id, and add jitter to timers set in bulk",
    repair: "Timers fire late, never lost: the timer queue catches up from its processed position",
    topic: T,
  },
] as const;

export const WF_BOTTLENECKS = [
  {
    bottleneck:
      "History writes: every start, workflow task, activity and timer appends events and tasks to its shard, so the persistence store carries starts × events per workflow",
    mitigation:
      "Choose the shard count for the peak years ahead (it cannot change), batch a workflow task's events into one write, and keep payloads small",
    formula: {
      yields: "history event writes a second at peak",
      expression: "workflows_per_sec * peak_factor * events_per_workflow",
      unit: "writes/s",
    },
    topic: T,
  },
  {
    bottleneck:
      "Open executions: workflows that run for months stay open with their histories and timers, so the store holds the start rate times the run length",
    mitigation:
      "Keep histories bounded with continue-as-new, and archive closed histories out of the primary store after a retention period",
    formula: {
      yields: "open executions",
      expression: "workflows_per_sec * workflow_days * 86400",
      unit: "executions",
    },
    topic: T,
  },
] as const;

export const WF_TECHNOLOGIES: TechnologyInput[] = [
  {
    product: "Apache Cassandra for histories and mutable state (one partition per history shard)",
    layer: "storage",
    fits: "A shard's execution rows and tasks live in one partition, written with lightweight-transaction conditions on the range id and next event id; the store scales out by adding nodes.",
    suits: ["high-throughput", "elastic-scale", "durable"],
    poorFor: ["rich-queries", "operational-simplicity"],
    caveat:
      "Conditional writes cost a Paxos round, and listing executions needs a separate visibility store (Elasticsearch).",
    topic: T,
  },
  {
    product: "Sharded MySQL or PostgreSQL for histories and mutable state",
    layer: "storage",
    fits: "History shards spread over database shards; a shard's events, mutable state and tasks commit in one local transaction.",
    suits: ["linearizable", "durable", "rich-queries"],
    poorFor: ["elastic-scale"],
    caveat: "Moving history shards between database shards is an operation of its own.",
    topic: T,
  },
];

export const WF_COMPONENTS: ComponentSpec[] = [
  {
    id: "callers",
    name: "Client SDKs (start, signal, query)",
    kind: "client",
    runs: ["start", "signal", "query", "cancel"],
    because:
      "a start carries the caller's workflow id, so a retried start finds the open run instead of making another",
    topic: T,
  },
  {
    id: "frontend",
    name: "Frontend service (stateless, routes by workflow id)",
    kind: "service",
    runs: ["start", "signal", "poll", "respond"],
    because: "it validates and rate-limits calls and sends each to the history host that owns the workflow id's shard",
    topic: T,
  },
  {
    id: "history",
    name: "History service (owns history shards)",
    kind: "service",
    runs: ["append events and tasks", "fence by range id", "process transfer and timer queues"],
    because:
      "each execution is changed only by the host that owns its shard, which appends events and the tasks they imply together",
    topic: T,
  },
  {
    id: "history-store",
    name: "Persistence (histories, mutable state and tasks by shard)",
    kind: "store",
    holds: ["WorkflowExecution", "HistoryEvent", "HistoryTask", "HistoryShard"],
    runs: ["conditional shard write"],
    because:
      "a shard's events, mutable state and tasks commit in one conditional write, so no event exists without its task",
    topic: T,
  },
  {
    id: "matching",
    name: "Matching service (task queue partitions)",
    kind: "service",
    runs: ["add task", "long poll", "hand a task to one poller"],
    because: "workers pull work only when they have room, so load spreads over whatever workers are polling",
    topic: T,
  },
  {
    id: "workers",
    name: "Workers (the users' workflow and activity code)",
    kind: "worker-pool",
    runs: ["replay history, return commands", "run activities", "heartbeat"],
    because:
      "workflow code runs outside the engine and keeps no state the engine needs: a crashed worker's task goes to another, which replays the history",
    topic: T,
  },
  {
    id: "services",
    name: "Services the activities call",
    kind: "external",
    runs: ["perform the activity's effect, idempotent by workflow and activity id"],
    because: "activities run at least once, so the services they call must drop a repeat",
    topic: T,
  },
];

export const WF_LINKS: LinkSpec[] = [
  { from: "callers", to: "frontend", kind: "request", label: "start / signal / query (workflow id)", topic: T },
  { from: "frontend", to: "history", kind: "request", label: "route by hash(workflow id) to its shard", topic: T },
  { from: "history", to: "history-store", kind: "request", label: "events + tasks in one shard write", topic: T },
  { from: "history", to: "matching", kind: "request", label: "add workflow and activity tasks", topic: T },
  { from: "workers", to: "frontend", kind: "request", label: "long poll a task queue; respond with token", topic: T },
  { from: "frontend", to: "matching", kind: "request", label: "poll", topic: T },
  { from: "workers", to: "services", kind: "request", label: "activity call (idempotency key)", topic: T },
];

export const WF_API: ApiSpec[] = [
  {
    operation: "start",
    call: "POST /v1/namespaces/{namespace}/workflows/{workflow_id}",
    request: ["workflow_type", "task_queue", "input", "id reuse policy"],
    response: ["run_id"],
    errors: ["409 a run of this workflow id is still open"],
    guarantee: "one open run per workflow id: a retried start finds the run it made",
    topic: T,
  },
  {
    operation: "signal",
    call: "POST /v1/namespaces/{namespace}/workflows/{workflow_id}/signal",
    request: ["signal_name", "input", "request_id"],
    response: ["ok"],
    errors: ["404 no open run"],
    guarantee: "appended to the history once per request id, delivered to the workflow in history order",
    topic: T,
  },
  {
    operation: "poll",
    call: "POST /v1/namespaces/{namespace}/task-queues/{task_queue}:poll",
    request: ["kind (workflow | activity)", "worker identity"],
    response: ["task token", "history (workflow task) or input (activity task)"],
    errors: ["204 no task before the long poll ends"],
    guarantee: "each task goes to one poller; an unanswered task times out and is handed out again",
    topic: T,
  },
  {
    operation: "complete activity",
    call: "POST /v1/activities:complete",
    request: ["task token (shard, workflow, scheduled event id, attempt)", "result"],
    response: ["ok"],
    errors: ["404 activity not found (another attempt is pending, or it already closed)"],
    guarantee: "accepted only from the attempt the execution waits for, so one completion is recorded",
    topic: T,
  },
  {
    operation: "history",
    call: "GET /v1/namespaces/{namespace}/workflows/{workflow_id}/history",
    request: ["run_id", "page_token"],
    response: ["events", "next_page_token"],
    errors: ["404 unknown execution"],
    guarantee: "read from the owning shard: every appended event, in event-id order",
    topic: T,
  },
];

export const WF_DATA: DataSpec[] = [
  {
    entity: "WorkflowExecution",
    key: ["namespace", "workflow_id", "run_id"],
    fields: ["status", "next_event_id", "pending activities (attempt)", "pending timers", "version"],
    indexes: [],
    partitionKey: "shard_id = hash(workflow_id) mod shards",
    owner: "history-store",
    topic: T,
  },
  {
    entity: "HistoryEvent",
    key: ["run_id", "event_id"],
    fields: ["event type", "attributes", "payloads"],
    indexes: [],
    partitionKey: "shard_id",
    owner: "history-store",
    topic: T,
  },
  {
    entity: "HistoryTask",
    key: ["shard_id", "task_id"],
    fields: ["kind (transfer | timer)", "fire_at", "run_id", "event_id"],
    indexes: ["(shard_id, fire_at) for timers"],
    partitionKey: "shard_id",
    owner: "history-store",
    topic: T,
  },
  {
    entity: "HistoryShard",
    key: ["shard_id"],
    fields: ["owner host", "range_id", "transfer ack level", "timer ack level"],
    indexes: [],
    owner: "history-store",
    topic: T,
  },
];

export const WF_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Run an activity step under its attempt fence",
    notation:
      "callers>frontend[start with workflow id] -> frontend>history[route to the shard of hash(workflow id)] -> history>history-store[append the started event and a workflow task's transfer task in one shard write {no open run of the id and HistoryShard.range_id = owned}] -> history>matching[add the workflow task] -> workers>matching[long poll] -> matching>workers[workflow task with the history] -> workers>history[commands after replay: schedule an activity] -> history>history-store[append the scheduled event and an activity transfer task {WorkflowExecution.next_event_id = expected}] -> history>matching[add the activity task] -> matching>workers[activity task with a token (attempt n)] -> workers>services[call with workflow id and activity id as the key] -> workers>history[activity completed with the token] -> history>history-store[append the completed event {token attempt = pending attempt}] |-> history[refuse a completion from another attempt {token attempt <> pending attempt}] => done | retry | reject",
    topic: T,
  },
  {
    name: "Fire a durable timer",
    notation:
      "workers>history[command: start a timer for a duration] -> history>history-store[append the timer-started event and a timer task at its fire time {WorkflowExecution.next_event_id = expected}] -> history[timer queue reaches the fire time] -> history>history-store[append the timer-fired event and a workflow task's transfer task {timer still pending}] -> history>matching[add the workflow task] => done | retry",
    topic: T,
  },
];

/** The engine's storage, coordination and serving in a few words (the card's summary for this subject). */
export const WF_SILHOUETTE = {
  storage: "append-only event histories, mutable state and transfer/timer tasks per history shard",
  coordination:
    "shard ownership fenced by range id; transfer and timer queues per shard; task queues matched to polling workers",
  serving: "start, signal and query by workflow id, routed to the owning shard",
  topic: T,
} as const;

/** What runs the engine's work (the card's runtime overlay for this subject). */
export const WF_OVERLAY = {
  topic: T,
  driver:
    "starts and signals from callers, workflow and activity tasks that workers long-poll from task queues, and each shard's transfer and timer queues",
  unit: "one workflow task (replay the history, return commands) or one activity attempt under its task token",
  worker:
    "the users' worker processes, which poll task queues and run workflow and activity code, and history hosts that process their shards' queues",
  slot: "a worker's concurrent task slots (it polls only when one is free), and each history shard's serial conditional writes",
  state:
    "Authoritative: each execution's event history, mutable state and the shard's transfer and timer tasks. Attempt: activity attempts with their task tokens, heartbeats and timeouts.",
  source: "client SDK calls that start, signal and query executions by workflow id",
  sink: "whatever services the activities call, each dropping a repeat by workflow id and activity id",
  fabric:
    "the history shards' persistence (one conditional write per step) and the matching service's task queue partitions",
  maintenance:
    "moving shards between history hosts by range id, processing transfer and timer queues, archiving closed histories and deleting them after retention",
} as const;

/** Why the engine's design needs each usual predicate, said of histories, attempts and shards. */
export const WF_PREDICATES = [
  {
    id: "external-effect",
    because:
      "activities call services outside the engine and cannot be rolled back, so each attempt carries a stable key (workflow id and activity id) the service can drop a repeat by",
    topic: T,
  },
  {
    id: "duplicate-retry-matters",
    because:
      "a timed-out activity is retried under a new attempt while the first may still be running, and a caller retries a start, so a step or a start must not count twice",
    topic: T,
  },
  {
    id: "stale-write-dangerous",
    because:
      "a zombie worker's late completion or a deposed history host's write could change an execution that has moved on, so completions check the attempt and shard writes the range id",
    topic: T,
  },
  {
    id: "exclusivity-matters",
    because: "each history shard must have one writing host at a time, or one execution's history forks",
    topic: T,
  },
] as const;

/** The engine's capacity: history writes from the start rate, open executions from how long they run, and shards. */
export const WF_CAPACITY: CapacityModel = {
  inputs: [
    {
      quantity: "workflows_per_sec",
      typical: 500,
      why: "a shared workflow service starts hundreds of executions a second for a large business (a planning figure)",
      from: [
        { expression: "requests_per_sec", why: "each stated request starts one execution" },
        { expression: "messages_per_sec", why: "each stated message or event starts one execution" },
      ],
    },
    {
      quantity: "events_per_workflow",
      label: "history events one execution appends",
      unit: "events",
      typical: 20,
      why: "a start, a few workflow tasks and a few activities, each taking scheduled, started and completed events, add up to a few dozen",
    },
    {
      quantity: "workflow_days",
      label: "days an execution stays open",
      unit: "days",
      typical: 30,
      why: "long-running workflows wait on timers and signals for weeks or months (a planning figure)",
      from: [{ expression: "run_seconds / 86400", why: "the stated time one execution runs, in days" }],
    },
    {
      quantity: "event_bytes",
      label: "bytes of one history event with its payload",
      unit: "B",
      typical: 1000,
      why: "an event's attributes plus a small input or result payload",
    },
    {
      quantity: "shard_writes_per_sec",
      label: "conditional writes a second one history shard sustains",
      unit: "writes/s",
      typical: 200,
      why: "a shard's writes are serialised by its range-id condition on one partition (a planning figure; measure it)",
    },
    {
      quantity: "shard_growth_headroom",
      label: "growth the fixed history shard count is sized for, over today's peak",
      unit: "x",
      typical: 4,
      why: "the shard count is fixed when the cluster is created and cannot change, so it is sized for the peak the cluster will carry years ahead, not today's (a planning figure)",
    },
    {
      quantity: "tasks_per_workflow",
      label: "workflow and activity tasks one execution dispatches through task queues",
      unit: "tasks",
      typical: 6,
      why: "each activity is one activity task and each step the workflow code decides is one workflow task; each task takes about three history events (scheduled, started, completed), so twenty events carry about six tasks",
    },
    {
      quantity: "partition_dispatches_per_sec",
      label: "tasks a second one task queue partition hands to polling workers",
      unit: "tasks/s",
      typical: 1000,
      why: "a partition is owned by one matching host, which matches each task to a waiting long poll in memory or spills it to the store (a planning figure; measure it)",
    },
    {
      quantity: "timers_per_workflow",
      label: "durable timers one execution fires (sleeps, activity timeouts, retry backoffs)",
      unit: "timers",
      typical: 4,
      why: "a long-running workflow sleeps or waits with a timeout a few times, and each activity attempt sets a start-to-close timeout timer",
    },
  ],
  figures: [
    fig("peak_starts", "peak executions started a second", "peak", "workflows_per_sec * peak_factor", "workflows/s"),
    fig(
      "history_writes",
      "history event writes a second at peak",
      "hotspot",
      "workflows_per_sec * peak_factor * events_per_workflow",
      "writes/s",
    ),
    fig(
      "open_executions",
      "open executions (start rate × days open)",
      "count",
      "workflows_per_sec * workflow_days * 86400",
      "executions",
    ),
    fig(
      "history_bytes",
      "history held for open executions, across replicas",
      "storage",
      "workflows_per_sec * workflow_days * 86400 * events_per_workflow * event_bytes * replicas",
      "B",
    ),
    fig(
      "history_shards",
      "history shards by write rate with growth headroom (fixed at creation: sized for the peak years ahead)",
      "count",
      "workflows_per_sec * peak_factor * events_per_workflow * shard_growth_headroom / shard_writes_per_sec",
      "shards",
      true,
    ),
    fig(
      "task_dispatches",
      "workflow and activity tasks the matching service dispatches a second at peak",
      "rate",
      "workflows_per_sec * peak_factor * tasks_per_workflow",
      "tasks/s",
    ),
    fig(
      "task_queue_partitions",
      "task queue partitions the dispatch rate needs, over all task queues",
      "count",
      "task_dispatches / partition_dispatches_per_sec",
      "partitions",
      true,
    ),
    fig(
      "timer_fires",
      "durable timers fired a second across the shards' timer queues",
      "rate",
      "workflows_per_sec * peak_factor * timers_per_workflow",
      "timers/s",
    ),
  ],
};

export const WF_DECISIONS: DecisionPoint[] = [
  {
    id: "i12-wf-history-store",
    topic: T,
    question: "Keep histories and mutable state in a wide-column store (Cassandra) or in sharded SQL databases?",
    options: [
      {
        id: "cassandra",
        name: "Cassandra: one partition per history shard, conditional writes on the range id and next event id",
        buys: "capacity grows by adding nodes, and a shard's rows and tasks sit in one partition",
        costs: "each conditional write pays a Paxos round, and listing executions needs a separate visibility index",
        winsWhen: "history writes run to tens of thousands a second or more",
        wins: [{ number: "history_writes", atLeast: 10000 }],
        key: String.raw`\bcassandra\b`,
        implies: { preferTechnology: ["Cassandra"] },
      },
      {
        id: "sharded-sql",
        name: "sharded MySQL or PostgreSQL: history shards spread over database shards, one local transaction per write",
        buys: "a shard's events, state and tasks commit in one ACID transaction on a familiar database",
        costs: "adding database shards means moving history shards between them",
        winsWhen: "history writes fit a modest number of database primaries",
        key: String.raw`\bsharded (?:mysql|postgres\w*|sql)\b`,
        implies: { preferTechnology: ["Sharded MySQL or PostgreSQL"] },
      },
    ],
    rules: [
      {
        when: [{ number: "workflows_per_sec", atLeast: 5000 }],
        option: "cassandra",
        because: "the start rate times the events per workflow is more than a few database primaries take",
      },
    ],
    fallback: {
      option: "sharded-sql",
      because: "the history writes fit a few database primaries, and one local transaction per write is simplest",
    },
  },
];

/**
 * What a durable workflow engine must draw, checked by the coherence rule `workflow-engine-shape`: its executions,
 * history, tasks and shards, the task queues workers poll, the attempt fence on a completion, and no payment rows.
 */
export const WF_SHAPE = {
  entities: ["WorkflowExecution", "HistoryEvent", "HistoryTask", "HistoryShard"],
  taskQueues: "matching",
  attemptFence: /\battempt\b/i,
  money: /\b(?:refund|void|Stripe|payment provider|charge the card)\b/i,
} as const;
