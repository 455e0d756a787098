import type { ArchetypeInput } from "../schema.js";

export const I03 = {
  id: "I03",
  name: "Due-Time Release + Claimable Run",
  summary:
    "Work is stored now to run later: timers, reminders, delayed messages, cron jobs, scheduled callbacks, expiring holds. The authoritative state is the schedule (what runs, when, how often) and the run records it materialises; a due-time index lets pollers find what has become due, and workers claim due runs one at a time. The core concern is that every due item fires (late is tolerable, lost is not), that a run is executed by one worker at a time, and that a retry or a duplicate release has no double effect. Timer services, job schedulers, cron platforms and delay queues share this shape.",
  roles: ["truth", "coordination"],
  signals: {
    phrases: [
      { text: "timer service", weight: 1 },
      { text: "timer", weight: 0.8 },
      { text: "scheduler", weight: 0.7 },
      { text: "job scheduler", weight: 1 },
      { text: "task scheduler", weight: 1 },
      { text: "cron", weight: 0.9 },
      { text: "scheduled job", weight: 0.9 },
      { text: "scheduled times", weight: 0.9 },
      { text: "scheduled task", weight: 0.9 },
      { text: "delayed message", weight: 0.9 },
      { text: "delay queue", weight: 0.9 },
      { text: "reminder", weight: 0.8 },
      { text: "fire callback", weight: 0.8 },
      { text: "run at", weight: 0.5 },
      { text: "at given time", weight: 0.8 },
      { text: "due time", weight: 0.9 },
      { text: "recurring job", weight: 0.9 },
      { text: "nightly", weight: 0.4 },
      { text: "every night", weight: 0.4 },
      { text: "expire after", weight: 0.4 },
      { text: "deadline", weight: 0.4 },
      { text: "retry later", weight: 0.4 },
      { text: "future time", weight: 0.7 },
      { text: "millions of timers", weight: 1 },
    ],
    systems: [
      { name: "Quartz", aliases: ["Quartz Scheduler"], weight: 1 },
      { name: "Airflow scheduler", aliases: [], weight: 0.8 },
      { name: "EventBridge Scheduler", aliases: ["CloudWatch Events"], weight: 1 },
      { name: "Sidekiq", aliases: [], weight: 0.7 },
    ],
  },
  entities: [
    { name: "Schedule", description: "What to run and when: a one-shot due time or a recurrence rule, with its target and payload.", truth: true },
    { name: "Run", description: "One materialised execution: due time, state (pending, claimed, done), claim expiry, attempt count.", truth: true },
    { name: "DueIndex", description: "Pending runs ordered by due time, sharded by time bucket or hash.", truth: false },
  ],
  writePaths: [
    { action: "schedule job", entity: "Schedule", shape: "create target", mechanism: "idempotency-key", critical: true },
    { action: "materialise next run", entity: "Run", shape: "create target", mechanism: "put-if-absent", hidden: true, critical: true },
    { action: "claim due run", entity: "Run", shape: "state transition", mechanism: "claim-run", critical: true },
    { action: "complete run", entity: "Run", shape: "state transition", mechanism: "guarded-transition", critical: true },
    { action: "index due time", entity: "DueIndex", shape: "async process", mechanism: "due-time-index", hidden: true },
    { action: "cancel timer", entity: "Schedule", shape: "state transition", mechanism: "guarded-transition" },
  ],
  readPaths: [
    { action: "poll due runs", entity: "DueIndex", shape: "read projection", staleness: "the polling interval; a run may start that much after its due time" },
    { action: "read run status", entity: "Run", shape: "read source", staleness: "none" },
  ],
  protocols: [
    {
      name: "release and run",
      notation:
        "poller[find due {Run.due_at <= now and Run.state = pending}] -> worker[claim {Run.state = pending or Run.claim_expires < now}] -> worker[execute {idempotency key = Run.id}] -> worker[complete {Run.claimed_by = me}] |-> poller[reclaim {Run.claim_expires < now}] => done | retry | reclaim",
    },
  ],
  invariants: [
    "Every Run whose due time has passed is eventually claimed and executed, unless cancelled.",
    "A Run is claimed by at most one worker at a time.",
    "Materialising the same (Schedule, due time) twice yields one Run.",
    "A completed Run is never executed again; a retried execution carries the Run's id so the target can ignore repeats.",
  ],
  contract: {
    api: [
      "schedule(target, payload, at | cron, idempotency key) -> schedule id",
      "cancel(schedule id) -> ok | already fired",
      "status(schedule id) -> next due time, recent runs",
    ],
    guarantees: ["at-least-once firing no earlier than the due time", "bounded lateness under normal load"],
  },
  predicates: [
    { id: "time-bounded-hold", because: "claims on due runs expire so a dead worker's run is released" },
    { id: "exclusivity-matters", because: "one worker executes a run at a time" },
    { id: "duplicate-retry-matters", because: "schedule requests and executions are retried" },
    { id: "external-effect", because: "callbacks usually call out to other systems" },
  ],
  failures: [
    { failure: "a worker claims a run and crashes", role: "coordination", prevention: "claims expire", repair: "the poller releases the run again after the claim expires and another worker runs it" },
    { failure: "the poller falls behind and runs fire late", role: "coordination", prevention: "shard the due index and run pollers per shard", repair: "scale pollers; report lateness as a metric" },
    { failure: "a recurring schedule materialises the same run twice", role: "truth", prevention: "runs are keyed by (schedule, due time) with put-if-absent", repair: "the duplicate insert fails harmlessly" },
    { failure: "a callback succeeds but completion is not recorded and it runs again", role: "external effect", prevention: "pass the run id as an idempotency key to the target", repair: "the target ignores the repeat" },
    { failure: "many timers are due at the same instant (top of the hour)", role: "coordination", prevention: "jitter recurring schedules and pre-load upcoming buckets", repair: "spread the burst through a queue with rate limits" },
  ],
  bottlenecks: [
    {
      bottleneck: "bursts of runs due at the same moment",
      mitigation: "time-bucketed due index pre-loaded ahead, jitter on recurring jobs, queue between release and execution",
      formula: { yields: "average releases per second", expression: "timers / scan_period_seconds", unit: "runs/s" },
    },
    {
      bottleneck: "polling the due index",
      mitigation: "hierarchical timing wheels in memory per shard, backed by the durable store",
      formula: { yields: "runs per due-index shard per second", expression: "tasks_per_sec / partitions", unit: "runs/s" },
    },
    {
      bottleneck: "storage of many far-future timers",
      mitigation: "keep far-future timers in cheap storage and move them into the hot index as they approach",
      formula: { yields: "stored timer bytes", expression: "timers * message_bytes", unit: "B" },
    },
  ],
  silhouette: {
    storage: "schedule truth + due index + runnable store",
    coordination: "time-gating + idempotent materialization",
    serving: "runnable fetch / worker claim",
  },
  technologies: [
    { product: "PostgreSQL with an index on due time", layer: "storage", fits: "durable schedule and run rows claimed with SKIP LOCKED", suits: ["durable", "linearizable", "operational-simplicity"], poorFor: ["high-throughput"], caveat: "polling load and hot index pages at high rates" },
    { product: "Redis sorted set by due time", layer: "serving", fits: "fast due-time index with atomic pop of due items", suits: ["low-latency", "high-throughput"], poorFor: ["durable"], caveat: "needs a durable store behind it as the truth" },
    { product: "Cassandra or DynamoDB time-bucketed tables", layer: "storage", fits: "partition by time bucket for very many timers", suits: ["high-throughput", "elastic-scale", "durable"], poorFor: ["linearizable"], caveat: "claims need conditional writes" },
    { product: "Temporal timers / EventBridge Scheduler", layer: "coordination", fits: "managed durable timers", suits: ["operational-simplicity", "durable"], poorFor: ["low-cost"], caveat: "throughput quotas" },
  ],
  connections: [
    { to: "I02", role: "decorator", why: "each due run is claimed under an expiring lease", typical: true },
    { to: "I12", role: "output", why: "fired callbacks are external effects that need idempotent delivery", typical: true },
    { to: "I15", role: "substrate", why: "due runs execute on a worker fleet" },
    { to: "I05", role: "output", why: "due items are often released into a queue for workers" },
  ],
  overlay: {
    driver: "the due-time poller",
    unit: "one Run of a schedule",
    worker: "run executors",
    slot: "a worker's concurrent run capacity",
    state: "Schedule and Run (authoritative), claim expiry and attempt count (attempt state)",
    source: "clients creating schedules",
    sink: "callback targets and queues",
    fabric: "the due index and the release queue",
    maintenance: "reclaiming expired claims, materialising recurring runs, archiving old runs",
  },
} satisfies ArchetypeInput;
