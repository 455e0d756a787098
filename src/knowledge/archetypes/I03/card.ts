import type { ArchetypeInput } from "../../schema.js";
import { keptBy } from "../../topics.js";
import {
  DAG_BOTTLENECKS,
  DAG_ENTITIES,
  DAG_FAILURES,
  DAG_INVARIANTS,
  DAG_KEPT_BY,
  DAG_READS,
  DAG_SILHOUETTE,
  DAG_TECHNOLOGIES,
  DAG_WRITES,
} from "./dag.js";
import { protocols } from "./topology.js";

/** The generic timer's records and rows, which a DAG scheduler replaces with its own (dag.ts). */
const D = "dag-workflow" as const;

const BASE_INVARIANTS = [
  "Every Run whose due_at has passed and that is not cancelled is eventually claimed and reaches done or failed; a poller restart, index loss or worker crash delays it but never drops it.",
  "A Run never starts before its due_at, and at any instant at most one worker holds an unexpired claim on it.",
  "A (Schedule, due_at) pair yields at most one Run, no matter how many materialisers or retries insert it.",
  "Completion is recorded only by the worker whose claimed_by and attempt number match the Run, so a worker whose claim was reclaimed cannot overwrite the newer attempt's outcome.",
  "Every execution carries the Run id as its idempotency key, so an effect repeated after a reclaim is recognised downstream.",
];

export const card = {
  id: "I03",
  name: "Due-Time Release + Claimable Run",
  summary:
    "This archetype owns work that is accepted now but may only start later: one-shot timers, delayed messages, reminders, cron and other recurring jobs, retry-after backoffs and expiring holds that need a follow-up action. " +
    "Its authoritative state is the schedule (what to run, for whom, at which instant or by which recurrence rule) together with the run records materialised from it; a due-time index derived from those runs tells pollers what has become runnable, and workers take each runnable run through an expiring claim. " +
    "The core correctness concern is that no due run is ever lost (firing late is tolerated, never firing is not), that a run is held by one worker at a time, that a recurring schedule produces each occurrence exactly once, and that a retried or duplicated release has no second effect downstream. " +
    "Timer services, distributed cron, job schedulers, delay queues and the timer layer inside workflow engines all share this shape. Schedules written in local time must name an IANA time zone and be expanded to UTC one occurrence at a time, because daylight-saving changes create a local hour that never happens (spring forward) and one that happens twice (fall back); the schedule states whether a skipped time runs at the next valid instant or not at all, and a repeated time runs once.",
  roles: ["truth", "coordination"],
  /** Runs work (FRAMEWORK.md §9), so the entry carries the runtime overlay. */
  runtime: true,
  signals: {
    phrases: [
      { text: "not before timestamp", weight: 0.9 },
      { text: "invisible until", weight: 0.9 },
      { text: "hidden until", weight: 0.8 },
      { text: "timer service", weight: 1.0 },
      { text: "millions of timers", weight: 1.0 },
      { text: "job scheduler", weight: 0.9 },
      { text: "task scheduler", weight: 1.0 },
      { text: "distributed cron", weight: 1.0 },
      { text: "cron job", weight: 1.0 },
      { text: "cron", weight: 0.9 },
      { text: "timer", weight: 0.8 },
      { text: "scheduler", weight: 0.6 },
      { text: "scheduled job", weight: 0.9 },
      { text: "scheduled task", weight: 0.9 },
      { text: "scheduled times", weight: 0.9 },
      { text: "recurring job", weight: 0.9 },
      { text: "recurring task", weight: 0.9 },
      { text: "periodic job", weight: 0.8 },
      { text: "delayed message", weight: 0.9 },
      { text: "delayed job", weight: 0.9 },
      { text: "delay queue", weight: 0.9 },
      { text: "deferred task", weight: 0.8 },
      { text: "send later", weight: 0.7 },
      { text: "reminder", weight: 0.8 },
      { text: "fire callback", weight: 0.8 },
      { text: "due time", weight: 0.9 },
      { text: "future time", weight: 0.7 },
      { text: "specific time", weight: 0.6 },
      { text: "at given time", weight: 0.8 },
      { text: "hourly", weight: 0.3 },
      { text: "nightly", weight: 0.4 },
      { text: "timing wheel", weight: 0.9 },
      { text: "countdown", weight: 0.5 },
      { text: "time triggered", weight: 0.7 },
      { text: "expire after", weight: 0.4 },
      { text: "deadline", weight: 0.4 },
      { text: "retry later", weight: 0.4 },
      { text: "retry with backoff", weight: 0.3 },
      { text: "timeout", weight: 0.2 },
      { text: "dag", weight: 0.9 },
      { text: "directed acyclic graph", weight: 1.0 },
      { text: "workflow scheduler", weight: 1.0 },
      { text: "pipeline orchestrator", weight: 1.0 },
      { text: "task dependencies", weight: 0.8 },
      { text: "jobs with dependencies", weight: 0.9 },
      { text: "upstream tasks", weight: 0.7 },
      // a batch of work written as a graph whose tasks wait for what they depend on (Airflow's DAG of tasks, each
      // task run once every upstream task of its run has succeeded)
      { text: "graph of tasks", weight: 1.0 },
      { text: "graph of jobs", weight: 1.0 },
      { text: "graph of steps", weight: 0.9 },
      { text: "upstream dependencies", weight: 0.9 },
      { text: "everything upstream", weight: 0.8 },
      { text: "job depends on", weight: 0.7 },
      { text: "task depends on", weight: 0.7 },
      { text: "etl jobs", weight: 0.7 },
    ],
    systems: [
      { name: "Quartz", aliases: ["Quartz Scheduler"], weight: 1.0 },
      { name: "EventBridge Scheduler", aliases: ["Amazon EventBridge Scheduler"], weight: 1.0 },
      { name: "Google Cloud Scheduler", aliases: ["Cloud Scheduler"], weight: 1.0 },
      { name: "Cloud Tasks", aliases: ["Google Cloud Tasks"], weight: 0.9 },
      { name: "Kubernetes CronJob", aliases: ["CronJob"], weight: 0.9 },
      { name: "Dkron", aliases: [], weight: 0.9 },
      { name: "Chronos", aliases: ["Mesos Chronos"], weight: 0.8 },
      { name: "Hangfire", aliases: [], weight: 0.8 },
      // batch orchestrators: DAG runs created on a schedule, each task released when its upstream tasks succeed
      { name: "Apache Airflow", aliases: ["Airflow", "Airflow scheduler"], weight: 1.0 },
      { name: "Dagster", aliases: [], weight: 1.0 },
      { name: "Prefect", aliases: [], weight: 0.9 },
      { name: "Argo Workflows", aliases: [], weight: 0.9 },
      { name: "Luigi", aliases: ["Spotify Luigi"], weight: 0.7 },
      {
        name: "Sidekiq",
        aliases: [],
        weight: 0.6,
        sharedBecause:
          "Sidekiq is a background job queue run by a worker pool (I15, I05) whose scheduled and retry sets are a due-time index (I03)",
      },
    ],
  },
  entities: [
    {
      unlessTopic: D,
      name: "Schedule",
      description:
        "The definition: target, payload, a one-shot due time or a recurrence rule with time zone, misfire policy, state (active, paused, cancelled), next_due_at cursor and a version.",
      truth: true,
    },
    {
      unlessTopic: D,
      name: "Run",
      description:
        "One occurrence keyed by (schedule id, due_at): state (pending, runnable, claimed, done, failed, cancelled), claimed_by, claim_expires_at, attempt number. It is the unit that gets claimed and executed.",
      truth: true,
    },
    {
      unlessTopic: D,
      name: "DueIndex",
      description:
        "Pending runs ordered by due time, partitioned into time buckets and hash shards; rebuilt from Run rows if lost, so it is a derived lookup, not truth.",
      truth: false,
    },
    {
      unlessTopic: D,
      name: "Attempt",
      description:
        "A record of one execution try of a run: attempt number, worker, start and end times, outcome and error, used for backoff, dead-lettering and audit.",
      truth: false,
    },
    ...DAG_ENTITIES,
  ],
  writePaths: [
    {
      unlessTopic: D,
      action: "create a schedule under the caller's idempotency key so a retried create returns the same schedule",
      entity: "Schedule",
      shape: "create target",
      mechanism: "idempotency-key",
      critical: true,
    },
    {
      unlessTopic: D,
      action:
        "materialise the next occurrence of a schedule as a Run keyed by (schedule id, due_at), inserted only if absent",
      entity: "Run",
      shape: "create target",
      mechanism: "put-if-absent",
      hidden: true,
      critical: true,
    },
    {
      unlessTopic: D,
      action: "advance the schedule's next_due_at cursor, guarded by the version read when the run was materialised",
      entity: "Schedule",
      shape: "state transition",
      mechanism: "version-check",
      hidden: true,
      critical: true,
    },
    {
      unlessTopic: D,
      action: "add the pending run to its time bucket in the due index",
      entity: "DueIndex",
      shape: "async process",
      mechanism: "due-time-index",
      hidden: true,
    },
    {
      unlessTopic: D,
      action:
        "claim a runnable run by a conditional transition to claimed by me until claim_expires_at, incrementing the attempt number",
      entity: "Run",
      shape: "state transition",
      mechanism: "claim-run",
      critical: true,
    },
    {
      unlessTopic: D,
      action: "extend the claim of a long-running run while the worker is still alive",
      entity: "Run",
      shape: "overwrite current value",
      mechanism: "heartbeat-renewal",
      hidden: true,
    },
    {
      unlessTopic: D,
      action:
        "complete or fail the run, accepted only if claimed_by and the attempt number still match the worker's claim",
      entity: "Run",
      shape: "state transition",
      mechanism: "guarded-transition",
      critical: true,
    },
    {
      unlessTopic: D,
      action: "return runs whose claim expired to runnable, or park them after the retry limit",
      entity: "Run",
      shape: "state transition",
      mechanism: "expiry-sweeper",
      hidden: true,
      critical: true,
    },
    ...DAG_WRITES,
  ],
  readPaths: [
    {
      unlessTopic: D,
      action: "poller fetches runs due up to now plus a small look-ahead from its shard of the due index",
      entity: "DueIndex",
      shape: "read projection",
      staleness:
        "up to one polling interval plus index lag; a run may start that much after its due time, and the claim re-checks Run state so a stale index entry can never cause a double run",
    },
    {
      unlessTopic: D,
      action: "client reads a schedule's next due time and the status of its recent runs",
      entity: "Run",
      shape: "read source",
      staleness:
        "none for cancel-or-already-fired decisions, which read the primary; a dashboard listing may come from a replica seconds behind",
    },
    ...DAG_READS,
  ],
  protocols,
  invariants: [...BASE_INVARIANTS, ...DAG_INVARIANTS],
  invariantTopics: [
    ...BASE_INVARIANTS.map((statement) => ({ statement, unlessTopic: D })),
    ...DAG_INVARIANTS.map((statement) => ({ statement, topic: D, ...keptBy(statement, DAG_KEPT_BY) })),
  ],
  contract: {
    api: [
      "schedule(target, payload, at | cron expression + time zone, idempotency_key) -> schedule_id; a repeat with the same key returns the first schedule",
      "cancel(schedule_id) -> cancelled | already_fired(run_id); cancels every occurrence not yet claimed",
      "pause(schedule_id) / resume(schedule_id, misfire policy: skip | run once | catch up) -> ok",
      "status(schedule_id) -> next_due_at and recent runs with state and attempts",
      "claimDue(worker, max, claim_ttl) -> runnable runs each with {run_id, attempt} (worker-facing)",
      "complete(run_id, attempt, outcome) -> ok | not_owner",
    ],
    guarantees: [
      "At-least-once firing, never before the due time; a duplicate carries the same run id so the target can deduplicate it.",
      "Bounded lateness under normal load: a due run is released within the polling interval plus the claim hand-off time.",
      "A recurring schedule materialises each occurrence once, and a missed occurrence during an outage is handled by the schedule's declared misfire policy instead of silently skipped.",
    ],
  },
  predicates: [
    {
      id: "time-bounded-hold",
      because:
        "a worker that dies mid-run must not keep the run forever, so every claim expires and a sweeper puts the run back into the runnable set",
    },
    {
      id: "exclusivity-matters",
      because:
        "two workers running the same occurrence double the effect, so a run is released to one claimant at a time",
    },
    {
      id: "duplicate-retry-matters",
      because:
        "creating a schedule or a run is retried by clients and by the loops that create runs, so each is keyed (an idempotency key, or the schedule and its due time) to create once",
    },
    {
      id: "stale-write-dangerous",
      because:
        "a worker whose claim expired can finish late and overwrite the outcome of the retry that replaced it, so completion is guarded by the attempt number",
    },
    {
      id: "external-effect",
      because:
        "firing usually calls a webhook or sends a message out of the system, which cannot be rolled back and must be deduplicated by run id",
    },
  ],
  failures: [
    ...DAG_FAILURES,
    {
      unlessTopic: D,
      failure: "Claim granted twice: two pollers read the same due entry and both hand the run to a worker",
      role: "coordination",
      prevention:
        "The index only nominates candidates; the claim itself is one conditional update on the Run row (state = runnable, or claim expired), so only one claimant wins",
      repair: "The losing worker's conditional update affects no row and it moves to the next candidate",
    },
    {
      unlessTopic: D,
      failure: "Release missed: a worker claims a run, crashes, and the run sits in claimed forever",
      role: "coordination",
      prevention: "Claims carry claim_expires_at and long runs heartbeat to extend it",
      repair:
        "The sweeper returns runs with expired claims to runnable and increments the attempt, parking them in a dead-letter state after the retry limit",
      delivery: ["at-least-once", "exactly-once"],
    },
    {
      unlessTopic: D,
      failure: "Release missed: a worker claims a run, crashes, and the run sits in claimed forever",
      role: "coordination",
      prevention:
        "Claims carry claim_expires_at, and a worker marks the run started durably before it calls the target",
      repair:
        "The sweeper returns a run whose claim lapsed before it started to runnable; one that lapsed after it started becomes unknown and is reported, never fired again automatically (at most once per due time)",
      delivery: ["at-most-once"],
    },
    {
      unlessTopic: D,
      failure:
        "Expiry late: pollers fall behind a burst (a top-of-the-hour spike) and runs fire minutes after their due time",
      role: "coordination",
      prevention:
        "Shard the due index by time bucket and hash with one poller lease per shard, pre-load upcoming buckets ahead of time, and jitter recurring schedules",
      repair:
        "Add pollers and workers from the lateness metric (now minus due_at at claim); runs past their misfire window follow the schedule's skip or run-once policy",
    },
    {
      unlessTopic: D,
      failure:
        "Written twice: a recurring schedule materialises the same occurrence twice after a materialiser retry or two materialisers overlapping",
      role: "truth",
      prevention:
        "Runs are keyed by (schedule id, due_at) and inserted with put-if-absent; the cursor advance is version-checked",
      repair: "The duplicate insert fails harmlessly and the cursor is recomputed from the latest existing Run",
    },
    {
      unlessTopic: D,
      failure:
        "Fired but unrecorded: the callback succeeded, the completion write was lost, the claim expired, and the run fires again",
      role: "external effect",
      prevention:
        "Send the run id, the same on every attempt of that run (never the attempt number), as the idempotency key the target deduplicates by, and keep claims longer than the call timeout",
      repair: "The target drops the repeat; the second attempt records done when it sees the duplicate acknowledged",
      delivery: ["at-least-once", "exactly-once"],
    },
    {
      unlessTopic: D,
      failure:
        "Fired but unrecorded: the callback succeeded, the completion write was lost, and the claim expired with the outcome unknown",
      role: "external effect",
      prevention:
        "The run is marked started durably before the call, and the call carries (job, due_at) as its key, so the target can tell an occurrence it already has",
      repair:
        "The started run whose claim lapsed moves to unknown, never back to runnable; the outcome is settled from the target's record or by an operator, and the occurrence is not fired again",
      delivery: ["at-most-once"],
    },
    {
      unlessTopic: D,
      failure:
        "Due index lost or corrupted: an in-memory timing wheel or cache-backed sorted set is dropped on restart",
      role: "derived",
      prevention: "Treat the index as derived: every Run row is durable first and the index only points at it",
      repair:
        "Rebuild the index by scanning pending Run rows with due_at below the horizon; overdue runs fire immediately",
    },
    {
      unlessTopic: D,
      failure: "Cancel lost to a race: a client cancels while a worker is already executing, and believes it stopped",
      role: "truth",
      prevention:
        "Cancel is a guarded transition that succeeds only from pending or runnable and otherwise returns already_fired",
      repair:
        "The client receives already_fired with the run id and can issue a compensating action through the target system",
    },
    {
      unlessTopic: D,
      failure: "Clock skew: a poller whose clock runs fast releases runs before their due time",
      role: "coordination",
      prevention:
        "Compare due_at against the store's clock (or a bounded-skew clock) in the claim predicate rather than the poller's",
      repair: "Early releases are refused by the claim guard and retried when the store's clock passes due_at",
    },
    {
      failure:
        "A local-time schedule falls into a daylight-saving gap or overlap, so a 02:30 job never runs on the spring-forward day or runs twice on the fall-back day",
      role: "coordination",
      prevention:
        "Store the wall-clock rule with its IANA zone, compute each next occurrence in that zone and convert it to a UTC due_at, and key the run by (schedule, local occurrence) so an overlap yields one run",
      repair:
        "Run a skipped occurrence at the next valid instant when the schedule says so, and let the unique run key absorb the second firing of a repeated hour",
    },
  ],
  bottlenecks: [
    ...DAG_BOTTLENECKS,
    {
      unlessTopic: D,
      bottleneck:
        "Firing bursts: many runs share the same due instant (midnight, top of the hour) and all need claims at once",
      mitigation:
        "Spread recurring schedules with jitter, pre-load the next buckets, and put a rate-limited runnable queue between release and execution",
      formula: {
        yields: "state writes on the run store (materialise, claim, complete)",
        expression: "tasks_per_sec * writes_per_run",
        unit: "writes/s",
      },
    },
    {
      unlessTopic: D,
      bottleneck: "Due-index hot partition: the current time bucket receives every poll and every release",
      mitigation:
        "Split each time bucket into hash shards owned by separate pollers, and keep near-term buckets in an in-memory timing wheel backed by the durable store",
      formula: { yields: "releases per due-index shard", expression: "tasks_per_sec / partitions", unit: "runs/s" },
    },
    {
      bottleneck:
        "Worker capacity: runs become due faster than workers can finish them, so lateness grows without bound",
      mitigation:
        "Autoscale workers from backlog and lateness, and cap per-target concurrency so one slow target does not hold all slots",
      formula: {
        yields: "workers needed to keep up with firing",
        expression: "tasks_per_sec * task_seconds / slots_per_worker",
        unit: "workers",
      },
    },
    {
      unlessTopic: D,
      bottleneck: "Storage of many far-future timers that dwarf the near-term working set",
      mitigation:
        "Keep far-future runs in cheap time-bucketed storage and move them into the hot index only as they enter the look-ahead window",
      formula: { yields: "stored timer payload bytes", expression: "timers * message_bytes", unit: "B" },
    },
  ],
  silhouette: {
    storage: "schedule truth + due index + runnable store",
    coordination: "time-gating + idempotent materialization",
    serving: "runnable fetch / worker claim",
  },
  topicSilhouettes: [DAG_SILHOUETTE],
  technologies: [
    ...DAG_TECHNOLOGIES,
    {
      unlessTopic: D,
      product: "PostgreSQL with a due_at index and FOR UPDATE SKIP LOCKED",
      layer: "storage",
      fits: "Schedules and runs live in one transactional store, and workers claim due rows without blocking each other",
      suits: ["durable", "linearizable", "operational-simplicity", "rich-queries"],
      poorFor: ["high-throughput", "elastic-scale"],
      caveat:
        "Due-index scans and claim updates churn one hot index range; past a few thousand runs per second it needs partitioning",
    },
    {
      unlessTopic: D,
      product: "Cassandra with time-bucketed partitions",
      layer: "storage",
      fits: "Runs partitioned by (time bucket, shard) let a very large number of timers be written and scanned bucket by bucket",
      suits: ["high-throughput", "elastic-scale", "durable"],
      poorFor: ["linearizable", "rich-queries"],
      caveat:
        "A claim is a conditional write, which Cassandra runs as a lightweight transaction: a Paxos exchange of four round trips with a quorum of replicas, far dearer than a plain write",
    },
    {
      unlessTopic: D,
      product: "Redis sorted set keyed by due time",
      layer: "serving",
      fits: "A score-ordered set gives a fast near-term due index with atomic pop of everything at or below now",
      suits: ["low-latency", "high-throughput"],
      poorFor: ["durable", "fail-closed"],
      caveat: "Use it as a rebuildable index in front of a durable run store, never as the only record of a timer",
    },
    {
      unlessTopic: D,
      product: "Temporal durable timers",
      layer: "coordination",
      fits: "Timers are part of durable workflow history, so a sleep or a cron workflow survives worker and server restarts",
      suits: ["durable", "at-least-once", "operational-simplicity"],
      poorFor: ["low-cost", "low-latency"],
      caveat:
        "Each timer is a workflow event, so millions of tiny independent timers cost more than a purpose-built timer table; the work a timer starts runs as an activity, which is retried and so runs at least once",
    },
    {
      unlessTopic: D,
      product: "EventBridge Scheduler",
      layer: "coordination",
      fits: "Managed one-time and recurring schedules that invoke a target with a retry policy and a dead-letter queue for runs that keep failing",
      suits: ["operational-simplicity", "durable", "at-least-once"],
      poorFor: ["low-latency", "low-cost"],
      caveat:
        "Per-account quotas and minute-level precision; the target must still deduplicate because delivery is at least once",
    },
  ],
  connections: [
    {
      to: "I02",
      role: "decorator",
      why: "claiming a runnable run is an expiring lease on that run, and poller shard ownership is a lease too",
      typical: true,
    },
    {
      to: "I12",
      role: "output",
      why: "a fired run usually calls an outside target, which needs an idempotency key, retries and reconciliation",
      typical: true,
    },
    {
      to: "I05",
      role: "output",
      why: "released runs are often pushed onto a queue or log that workers consume instead of claiming rows directly",
    },
    {
      to: "I15",
      role: "substrate",
      why: "the executors that take released runs are a worker fleet that scales with backlog and lateness",
    },
  ],
  overlay: {
    driver: "the due-time poller per index shard, which advances with the clock and releases what has become due",
    unit: "one Run, an occurrence of a schedule keyed by (schedule id, due_at)",
    worker: "run executors that claim runnable runs, call the target and record the outcome",
    slot: "a worker's concurrent run capacity, plus per-target concurrency caps that stop one slow target from taking all slots",
    state:
      "Schedule and Run rows are authoritative; claimed_by, claim_expires_at, attempt number and Attempt rows are the attempt state",
    source: "clients creating, pausing and cancelling schedules, and recurrence rules producing future occurrences",
    sink: "the callback target, webhook endpoint or queue that receives the fired run",
    fabric: "the time-bucketed due index and the runnable queue between release and execution",
    maintenance:
      "reclaiming expired claims, materialising upcoming recurring occurrences, rebuilding the due index, parking runs that hit the retry limit and archiving old runs",
  },
  /** The NFR stance a design takes when the prompt is silent, and where ordering, exclusivity and coordination hold. */
  stance: {
    consistency: "read-your-writes",
    availability: "stay-available",
    delivery: "at-least-once",
    ordering: "none",
    durability: "durable",
    because: "a due item may fire a little late or twice (receivers are idempotent) but must never be lost",
    scopes: {
      ordering: { scope: "none", why: "items fire by due time; no consumer relies on a total order between items" },
      exclusivity: { scope: "key", why: "each due run is claimed by one worker at a time" },
      coordination: {
        scope: "shard",
        why: "the due index is split into time or hash shards, each polled by one owner",
      },
    },
  },
} satisfies ArchetypeInput;
