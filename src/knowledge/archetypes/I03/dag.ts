import type { CapacityModel } from "../../capacity/types.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { ArchetypeInput, MechanismId } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * A batch workflow scheduler that runs DAGs of tasks (topic "dag-workflow", knowledge/topics.ts): Airflow, Dagster,
 * Argo Workflows, an ETL or data-pipeline orchestrator. A DAG is code: tasks and the upstream edges between them, a
 * schedule and its limits. A scheduler loop creates one DagRun per DAG and logical date when it falls due (or when a
 * person triggers or backfills one), and within each run marks a TaskInstance ready once every upstream task of the
 * same run has succeeded, then queues it to an executor within its pool's free slots. A worker starts a queued task
 * only by a conditional update (queued to running, try number raised), heartbeats while it runs, and reports its end
 * under that try number; a zombie detector fails or retries a running task whose heartbeat stopped, and a failed try
 * is retried after a backoff until the task's retry limit. Several schedulers run at once against the metadata
 * database, each taking rows under row locks that skip what another holds, so no consensus service is drawn.
 *
 * Facts, checked against primary sources:
 * - Airflow scheduler docs ("Running more than one scheduler"): the HA scheduler uses the existing metadata database
 *   rather than direct communication or a consensus algorithm between schedulers (Raft, Paxos) or another consensus
 *   tool (ZooKeeper, Consul), to keep the operational surface small; its loop checks for DAGs needing a new DagRun
 *   and creates them, then examines a batch of DagRuns for schedulable task instances. Airflow takes those rows with
 *   SELECT ... FOR UPDATE ... SKIP LOCKED (apache/airflow PR 71250 counts eleven such queries, task_instance among them).
 * - Airflow docs (zombie tasks; issue 7925, PR 6284): a running task updates a heartbeat timestamp; a task instance
 *   left running whose job stopped heartbeating is a zombie the scheduler fails or retries, and a task that cannot
 *   heartbeat should kill itself, or a rescheduled try could run beside it. The zombie timeout is about 300 s.
 * - Airflow pools docs: a pool is a named number of worker slots that limits the parallelism of the tasks assigned
 *   to it; when it is full, runnable tasks wait queued and start by priority weight as slots free; default_pool
 *   starts with 128 slots.
 * Planning figures (tasks per DAG, a task's minutes, slots per worker) are assumptions, said as such in their rows.
 */

const T = "dag-workflow" as const;

export const DAG_ENTITIES = [
  {
    name: "Dag",
    description:
      "One workflow definition parsed from code: dag id, its tasks and the upstream edges between them, schedule (cron or timetable), max active runs, retries and retry delay per task, pool per task, and the version of its serialized form.",
    truth: true,
    topic: T,
  },
  {
    name: "DagRun",
    description:
      "One run of a Dag for one logical date, keyed by (dag_id, run_id): run type (scheduled, manual, backfill), data interval, state (queued, running, success, failed).",
    truth: true,
    topic: T,
  },
  {
    name: "TaskInstance",
    description:
      "One task of one DagRun, keyed by (dag_id, task_id, run_id): state (none, scheduled, queued, running, success, failed, up_for_retry, upstream_failed), try_number, hostname, last heartbeat, next retry time and pool.",
    truth: true,
    topic: T,
  },
  {
    name: "Pool",
    description:
      "A named number of worker slots (a database, an API, a GPU node) that bounds how many of the tasks assigned to it run at once.",
    truth: true,
    topic: T,
  },
] as const;

export const DAG_WRITES = [
  {
    action:
      "a worker starts a queued task instance only by the conditional update queued to running that raises try_number and records its host, so two workers never run one task instance at once",
    entity: "TaskInstance",
    shape: "state transition",
    mechanism: "claim-run",
    critical: true,
    topic: T,
  },
  {
    action:
      "create the next DagRun of each DAG whose schedule has fallen due, keyed by (dag_id, logical date) and inserted only if absent, within the DAG's max active runs",
    entity: "DagRun",
    shape: "create target",
    mechanism: "put-if-absent",
    critical: true,
    topic: T,
  },
  {
    action:
      "mark a task instance scheduled when every upstream task of the same DagRun has succeeded (upstream_failed when one failed for good), then queued to the executor within its pool's free slots, on rows taken with FOR UPDATE SKIP LOCKED",
    entity: "TaskInstance",
    shape: "state transition",
    mechanism: "guarded-transition",
    critical: true,
    topic: T,
  },
  {
    action: "the worker heartbeats its running task instance, and kills the task when it cannot heartbeat",
    entity: "TaskInstance",
    shape: "overwrite current value",
    mechanism: "heartbeat-renewal",
    hidden: true,
    topic: T,
  },
  {
    action:
      "record success or failure only when the report carries the task instance's current try_number; a failed try becomes up_for_retry with a next retry time after its backoff, or failed after its retries",
    entity: "TaskInstance",
    shape: "state transition",
    mechanism: "guarded-transition",
    critical: true,
    topic: T,
  },
  {
    action:
      "the zombie detector moves a running task instance whose heartbeat is older than the timeout to up_for_retry, or to failed after its retries",
    entity: "TaskInstance",
    shape: "state transition",
    mechanism: "expiry-sweeper",
    hidden: true,
    critical: true,
    topic: T,
  },
  {
    action:
      "hold running task instances of a pool to its slots: a task is queued only while the pool's occupied slots are below its size",
    entity: "Pool",
    shape: "state transition",
    mechanism: "concurrency-slots",
    hidden: true,
    topic: T,
  },
  {
    action: "publish a DAG parsed from code as a new serialized version under a version check",
    entity: "Dag",
    shape: "overwrite current value",
    mechanism: "versioned-overwrite",
    topic: T,
  },
] as const;

export const DAG_READS = [
  {
    action: "operators read a DagRun's task instances, their states, tries and logs (the grid view)",
    entity: "TaskInstance",
    shape: "read source",
    staleness: "none: read from the metadata database the scheduler and workers write",
    topic: T,
  },
] as const;

export const DAG_INVARIANTS = [
  "A TaskInstance has at most one running try: only the worker whose conditional start from queued to running raised its try_number runs it, and only that try's heartbeats and result are accepted.",
  "A TaskInstance is queued only after every upstream task of the same DagRun has succeeded; when an upstream task fails for good, its downstream tasks become upstream_failed and never run.",
  "A DAG and logical date yield at most one DagRun, however many schedulers or backfills create it.",
  "A failed try is retried only after its retry delay, and no more than the task's retries; the running tasks of a pool never exceed its slots.",
] as const;

/** Each invariant's keeping mechanism (the claim, the upstream gate, the unique run key, the slots). */
export const DAG_KEPT_BY: Readonly<Record<string, MechanismId>> = {
  [DAG_INVARIANTS[0]]: "claim-run",
  [DAG_INVARIANTS[1]]: "guarded-transition",
  [DAG_INVARIANTS[2]]: "put-if-absent",
  [DAG_INVARIANTS[3]]: "concurrency-slots",
};

export const DAG_FAILURES = [
  {
    failure:
      "Zombie task: a worker host is lost while its task instance stays running in the metadata database, or a live worker cut off from it keeps running the task",
    role: "coordination",
    prevention:
      "Workers heartbeat each running task; a worker that cannot write its heartbeat kills the task, and results are accepted only under the current try_number",
    repair:
      "The zombie detector moves a task whose heartbeat is older than the timeout to up_for_retry under the next try_number; a late report from the old try is refused",
    topic: T,
  },
  {
    failure: "A scheduler dies mid-loop, holding row locks on the DagRuns and task instances it was examining",
    role: "coordination",
    prevention:
      "Each loop iteration is one database transaction, and every scheduler takes rows with FOR UPDATE SKIP LOCKED, so the others skip what it holds and keep scheduling",
    repair:
      "The dead scheduler's transaction rolls back and its locks are released; the next loop of any other scheduler takes those rows",
    topic: T,
  },
  {
    failure: "A DAG file fails to parse, or a change drops a task that has running instances",
    role: "truth",
    prevention:
      "Runs use the last serialized version that parsed; the import error is shown beside the DAG, and a new version is published only when the whole file parses",
    repair: "Fix and re-deploy the file; task instances of a removed task are marked removed, never run",
    topic: T,
  },
  {
    failure:
      "Backfill storm: a backfill of a year of daily runs, or a midnight of every @daily DAG, queues thousands of task instances at once and starves the scheduled runs",
    role: "coordination",
    prevention:
      "Max active runs per DAG, pools sized to what each resource can take, a separate pool for backfills, and priority weights for the scheduled runs",
    repair: "Queued tasks start as slots free, by priority weight; raise executor slots from the queued-task backlog",
    topic: T,
  },
  {
    failure:
      "Pool starvation: long or hung tasks hold every slot of a pool, and tasks that need it wait queued without end",
    role: "coordination",
    prevention: "An execution timeout per task, and a pool per shared resource instead of one shared default pool",
    repair: "The timeout fails the hung try, which is retried or fails, and frees its slot",
    topic: T,
  },
] as const;

export const DAG_BOTTLENECKS: NonNullable<ArchetypeInput["bottlenecks"]> = [
  {
    bottleneck:
      "Top of the hour: every @hourly and @daily DAG creates its run at once, and their first tasks all want executor slots together",
    mitigation:
      "Queue what the slots cannot take at once by priority weight, size pools per shared resource, stagger schedules, and add workers from the queued-task backlog",
    topic: T,
    formula: {
      yields: "task instances started per second at the top of the hour",
      expression: "tasks_per_sec * tasks_per_run * peak_factor",
      unit: "tasks/s",
    },
  },
];

export const DAG_COMPONENTS: ComponentSpec[] = [
  {
    id: "dag-processor",
    name: "DAG processor (parses DAG files)",
    kind: "control-loop",
    runs: ["parse DAG files", "publish serialized DAG versions"],
    because:
      "DAGs are code, parsed apart from the scheduler so a slow or broken file never stalls scheduling, and the scheduler reads the serialized form",
    topic: T,
  },
  {
    id: "dag-scheduler",
    name: "Schedulers (several, each loop one transaction)",
    kind: "control-loop",
    runs: ["create due DagRuns", "mark ready task instances", "queue within pool slots", "detect zombies"],
    because:
      "several schedulers run the same loop for throughput and survival, each taking rows with FOR UPDATE SKIP LOCKED, so they never queue one task instance twice and need no consensus service",
    topic: T,
  },
  {
    id: "metadata-db",
    name: "Metadata database (PostgreSQL primary + sync replica)",
    kind: "store",
    holds: ["Dag", "DagRun", "TaskInstance", "Pool"],
    runs: ["row locks with SKIP LOCKED", "conditional state updates"],
    because:
      "DAG runs, task instances, tries and pools are the truth every scheduler and worker reads and writes under row locks",
    topic: T,
  },
  {
    id: "executor-queue",
    name: "Executor queue (Celery broker or Kubernetes pods)",
    kind: "log",
    runs: ["hand queued task instances to worker slots"],
    because:
      "queued task instances wait here for a free worker slot; a message delivered twice is harmless, since the worker's conditional start lets one try run",
    topic: T,
  },
];

export const DAG_LINKS: LinkSpec[] = [
  { from: "dag-processor", to: "metadata-db", kind: "request", label: "serialized DAGs", topic: T },
  { from: "dag-scheduler", to: "metadata-db", kind: "control", label: "runs, ready tasks (SKIP LOCKED)", topic: T },
  { from: "dag-scheduler", to: "executor-queue", kind: "stream", label: "queue task instance", topic: T },
  { from: "executor-queue", to: "workers", kind: "stream", label: "task instance to a slot", topic: T },
  { from: "workers", to: "metadata-db", kind: "callback", label: "start, heartbeat, result with try_number", topic: T },
  { from: "clients", to: "dag-api", kind: "request", label: "trigger / backfill / status", topic: T },
  { from: "dag-api", to: "metadata-db", kind: "request", label: "insert run if absent", topic: T },
];

export const DAG_API_COMPONENT: ComponentSpec = {
  id: "dag-api",
  name: "API server (stateless)",
  kind: "service",
  runs: ["trigger a DAG run", "backfill", "clear a task", "status"],
  because: "operators and other systems trigger, backfill and inspect runs; every write lands in the metadata database",
  topic: T,
};

export const DAG_API: ApiSpec[] = [
  {
    operation: "trigger a DAG run",
    call: "POST /api/v1/dags/{dag_id}/dagRuns",
    request: ["dag_id", "run_id", "logical_date", "conf"],
    response: ["run_id", "state"],
    errors: ["404 unknown DAG", "409 a run with this run_id or logical date exists"],
    guarantee: "one DagRun per (dag_id, run_id) and per logical date; a repeat returns 409, never a second run",
    topic: T,
  },
  {
    operation: "backfill",
    call: "POST /api/v1/dags/{dag_id}/backfills",
    request: ["dag_id", "from_date", "to_date", "max_active_runs"],
    response: ["backfill_id", "runs created"],
    errors: ["404 unknown DAG", "422 range has no schedule"],
    guarantee: "a logical date that already has a run is skipped; at most max_active_runs of them run at once",
    topic: T,
  },
  {
    operation: "read a run's task instances",
    call: "GET /api/v1/dags/{dag_id}/dagRuns/{run_id}/taskInstances",
    request: ["dag_id", "run_id"],
    response: ["task_id", "state", "try_number", "start and end"],
    errors: ["404 unknown run"],
    guarantee: "from the metadata database the scheduler and workers write",
    topic: T,
  },
  {
    operation: "clear a task instance",
    call: "POST /api/v1/dags/{dag_id}/clearTaskInstances",
    request: ["dag_id", "run_id", "task_ids", "include_downstream"],
    response: ["task instances reset"],
    errors: ["404 unknown run"],
    guarantee: "a cleared task runs again under a higher try_number, and so do the downstream tasks cleared with it",
    topic: T,
  },
];

export const DAG_DATA: DataSpec[] = [
  {
    entity: "Dag",
    key: ["dag_id"],
    fields: ["serialized_dag", "schedule", "max_active_runs", "is_paused", "version"],
    indexes: ["next_dagrun_create_after"],
    owner: "metadata-db",
    topic: T,
  },
  {
    entity: "DagRun",
    key: ["dag_id", "run_id"],
    fields: ["logical_date", "run_type", "data_interval", "state"],
    indexes: ["(dag_id, logical_date) unique", "(state, dag_id)"],
    owner: "metadata-db",
    topic: T,
  },
  {
    entity: "TaskInstance",
    key: ["dag_id", "task_id", "run_id"],
    fields: ["state", "try_number", "max_tries", "hostname", "last_heartbeat_at", "next_retry_at", "pool"],
    indexes: ["(state, pool, priority_weight)", "(state, last_heartbeat_at)"],
    owner: "metadata-db",
    topic: T,
  },
  {
    entity: "Pool",
    key: ["pool"],
    fields: ["slots"],
    indexes: [],
    owner: "metadata-db",
    topic: T,
  },
];

export const DAG_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Run a DAG: create the run, release each task when its upstream succeeded, start it once",
    notation:
      "dag-scheduler>metadata-db[create DagRun {no DagRun for (dag_id, logical date) and running runs < max_active_runs}] -> dag-scheduler>metadata-db[lock ready task instances FOR UPDATE SKIP LOCKED, mark queued {every upstream TaskInstance = success and Pool.occupied < Pool.slots}] -> dag-scheduler>executor-queue[queue task instance] -> executor-queue>workers[task instance to a slot] -> workers>metadata-db[start and raise try_number {TaskInstance.state = queued}] -> workers>metadata-db[heartbeat] -> workers>metadata-db[record result {TaskInstance.try_number = mine}] |-> dag-scheduler>metadata-db[zombie to up_for_retry, or failed after retries {TaskInstance.last_heartbeat_at < now - timeout}] => done | retry | reject",
    topic: T,
  },
];

/** Tasks per DAG run, a task's seconds and the slots of one worker: task instances a day and executor slots follow. */
export const DAG_CAPACITY: Pick<CapacityModel, "inputs"> = {
  inputs: [
    {
      quantity: "task_seconds",
      typical: 300,
      why: "a batch task (an extract, a SQL transform, a Spark submit that waits) runs for minutes; five minutes is a planning figure",
    },
    {
      quantity: "slots_per_worker",
      typical: 16,
      why: "a Celery worker runs 16 task processes at once (its worker_concurrency default), each a task instance",
    },
    {
      quantity: "peak_factor",
      typical: 4,
      why: "most DAGs are @hourly or @daily, so their runs crowd the top of the hour and midnight: the busiest hour runs about four times the day's average (a planning figure), and shorter bursts wait queued for slots",
    },
    {
      quantity: "tasks_per_sec",
      typical: 1.2,
      why: "a large deployment runs about 100,000 DAG runs a day, 1.2 a second on average (a planning figure; each run is several task instances)",
    },
  ],
};

export const DAG_DECISIONS: DecisionPoint[] = [
  {
    id: "i03-dag-scheduler-ha",
    topic: T,
    question:
      "Keep several schedulers from queueing one task twice with the metadata database's row locks, or with one leader elected through a consensus service?",
    options: [
      {
        id: "db-row-locks",
        name: "every scheduler active, taking rows with SELECT ... FOR UPDATE SKIP LOCKED in the metadata database",
        buys: "no service beyond the database every component already talks to, and more schedulers add throughput",
        costs: "the database must support SKIP LOCKED (PostgreSQL, MySQL 8), and every scheduler's loop loads it",
        winsWhen: "the scheduling state already lives in one transactional database, as DAG runs and tasks do",
      },
      {
        id: "elected-leader",
        name: "one active scheduler holding a lease in etcd or ZooKeeper, the others on standby",
        buys: "one writer, so the loop needs no row locks",
        costs:
          "a consensus service to run, a fail-over gap while the lease lapses, and a leader that still needs fencing",
        winsWhen: "the scheduling state is not in a database with row locks (an in-memory queue)",
      },
    ],
    rules: [],
    fallback: {
      option: "db-row-locks",
      because:
        "DAG runs and task instances already live in one transactional database, so row locks that skip what another scheduler holds keep them apart without a consensus service",
    },
  },
];

/** The silhouette of a DAG scheduler: its records, its coordination and what it serves. */
export const DAG_SILHOUETTE = {
  topic: T,
  storage: "DAG definitions, DAG runs and task instances with try numbers in one metadata database",
  coordination: "upstream gating, row locks with SKIP LOCKED across schedulers, heartbeats and try-numbered starts",
  serving: "queued task instances handed to executor slots",
} as const;

export const DAG_TECHNOLOGIES: NonNullable<ArchetypeInput["technologies"]> = [
  {
    product: "PostgreSQL metadata database with FOR UPDATE SKIP LOCKED",
    layer: "storage",
    topic: T,
    fits: "DAG runs, task instances and pools in one transactional store; several schedulers lock ready rows and skip what another holds",
    suits: ["durable", "linearizable", "operational-simplicity", "rich-queries"],
    poorFor: ["high-throughput", "elastic-scale"],
    caveat:
      "Every scheduler loop queries it; past some thousands of task instances a minute, scheduler batch sizes and connection pooling decide throughput",
  },
  {
    product: "Celery executor on a Redis or RabbitMQ broker",
    layer: "serving",
    topic: T,
    fits: "Queued task instances go through a broker to a pool of long-lived workers, each running a fixed number of task processes",
    suits: ["high-throughput", "operational-simplicity"],
    poorFor: ["elastic-scale"],
    caveat:
      "Workers are sized ahead of the peak; the broker may deliver a task twice, which the conditional start absorbs",
  },
  {
    product: "Kubernetes executor (one pod per task instance)",
    layer: "serving",
    topic: T,
    fits: "Each task instance runs in its own pod with its own image and resources, and capacity follows the cluster",
    suits: ["elastic-scale"],
    poorFor: ["low-latency", "high-throughput"],
    caveat: "A pod start adds seconds to every task, which short tasks feel",
  },
];

/** What a DAG scheduler's design must draw and must not (coherence `dag-workflow-shape`). */
export const DAG_SHAPE = {
  entities: ["DagRun", "TaskInstance"],
  oneTry: /\bat most one running try\b/i,
  /** Residue of a payment workflow, a durable-execution engine and a lease service. */
  residue:
    /\b(?:OutboxEntry|provider webhooks?|HistoryShard|HistoryEvent|continue as new|etcd, ZooKeeper\)|consensus-replicated store)\b/i,
} as const;
