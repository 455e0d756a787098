import type { z } from "zod";
import { fig, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { MechanismId, Technology } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * A stream processor whose subject is keyed, event-time windows over a partitioned stream (topic "stream-processor",
 * knowledge/topics.ts): a Flink job, a Kafka Streams application, a Dataflow (Beam) pipeline. Sources read
 * partitions of a replayable log at offsets; events are keyed and routed so one task owns each key; a window operator
 * puts each event into its tumbling, sliding or session windows by the event's own time and keeps the partial results
 * as keyed state in a state backend (RocksDB on the task's local disk); a watermark says how far event time has
 * progressed, and a window fires once the watermark passes its end (plus the allowed lateness). What makes a result
 * count each event exactly once is the checkpoint: the coordinator injects a barrier into every source partition, each
 * operator snapshots its state once the barrier has arrived on all its inputs (aligned barriers, a Chandy-Lamport
 * style consistent cut), and the snapshot holds the source offsets beside the state; results leave through a sink that
 * commits only with a completed checkpoint (two-phase commit) or writes idempotently by (key, window). A crash
 * restores every task from the last completed checkpoint and replays the log from its offsets.
 *
 * Facts, checked against primary sources:
 * - Flink's checkpoints are distributed snapshots after Chandy-Lamport: the sources inject numbered barriers into
 *   the stream, an operator with several inputs waits until the barrier has arrived on all of them (alignment),
 *   snapshots its state and forwards the barrier; the checkpoint is complete when every sink has acknowledged. On
 *   failure the job restores the latest completed checkpoint and the sources re-read from the offsets stored in it,
 *   which needs a replayable source (Kafka, Kinesis, files). Since Flink 1.11 checkpoints may also be unaligned
 *   (in-flight records stored in the snapshot). (Flink docs: fault tolerance / checkpointing; stateful stream
 *   processing concepts.)
 * - Late elements are those whose timestamp is behind the watermark; by default they are dropped once the watermark
 *   passes a window's end. allowedLateness keeps a window's state that much longer, and an element arriving within
 *   it fires the window again (a late firing that updates the earlier result); sideOutputLateData sends later ones
 *   to a side output instead of dropping them. Session windows close after a gap of inactivity and merge when a late
 *   element bridges two sessions. (Flink DataStream windows documentation.)
 * - Flink's TwoPhaseCommitSinkFunction (and the later Sink API, FLIP-143) pre-commits a sink's writes when the
 *   checkpoint barrier arrives and commits them when the checkpoint completes; the Kafka sink uses Kafka transactions
 *   for it, so readers with isolation.level=read_committed see only committed results.
 * - Kafka Streams gets exactly-once by processing.guarantee=exactly_once_v2 (brokers 2.5 or later): consumed offsets,
 *   state-store changelog writes and output records are committed in one Kafka transaction (KIP-447).
 * - Flink's RocksDB state backend keeps keyed state on the task's local disk, so state may exceed memory, and
 *   supports incremental checkpoints that upload only new SST files to the checkpoint storage.
 * Planning figures (task throughput, bytes per key's window state, checkpoint interval) are assumptions, said in their
 * rows.
 */

const T = "stream-processor" as const;
type TechnologyInput = z.input<typeof Technology>;

const STANCE = {
  consistency: "linearizable",
  availability: "fail-closed",
  because:
    "a result counts each event once only if state and source offsets come from the same completed checkpoint; a task that cannot reach the checkpoint storage stops and restarts from the last complete one rather than publish results no checkpoint covers",
} as const;

export const STREAM_ENTITIES = [
  {
    name: "SourcePartition",
    description:
      "One partition of the input log (a Kafka partition, a Kinesis shard): its events in append order, each with an event id, a key and its event time; the job's read position in it is an offset, stored only inside checkpoints.",
    truth: true,
    topic: T,
  },
  {
    name: "WindowState",
    description:
      "The partial result of one window of one key (a count, a sum, a session's events and last-seen time), kept as keyed state in the state backend of the task that owns the key, until the window fires and its allowed lateness has passed.",
    stance: STANCE,
    truth: true,
    topic: T,
  },
  {
    name: "Checkpoint",
    description:
      "One consistent snapshot of the job, by checkpoint id: every operator's state handle (the state backend's files in durable storage) and every source partition's offset at the barrier, marked complete only when every task has acknowledged it.",
    stance: STANCE,
    truth: true,
    topic: T,
  },
  {
    name: "WindowResult",
    description:
      "A fired window's result keyed by (key, window start, window end): the value, whether it is the main firing or a late update, and the checkpoint whose transaction committed it.",
    truth: false,
    topic: T,
  },
] as const;

export const STREAM_WRITES = [
  {
    action:
      "producers append each event to the source log, in the partition its key hashes to, with its event id and event time",
    entity: "SourcePartition",
    shape: "append event",
    mechanism: "partition-key-ordering",
    topic: T,
  },
  {
    action:
      "the window operator assigns each event to its windows by the event's own time (tumbling, sliding or session) and folds it into the key's window state in the state backend, while the watermark has not yet passed the window's end plus the allowed lateness",
    entity: "WindowState",
    shape: "overwrite current value",
    mechanism: "out-of-order-window",
    critical: true,
    topic: T,
  },
  {
    action:
      "fire a window once the watermark passes its end, emit its result, keep its state for the allowed lateness (a late event updates the result) and then clear it; an event later still goes to a late side output, never silently into nothing",
    entity: "WindowState",
    shape: "state transition",
    mechanism: "out-of-order-window",
    critical: true,
    topic: T,
  },
  {
    action:
      "take a checkpoint: the coordinator injects a numbered barrier into every source partition; each operator, once the barrier has arrived on all its inputs, snapshots its keyed state (incrementally, from the state backend) and forwards the barrier; the checkpoint, holding every source offset at the barrier, completes when every task acknowledges",
    entity: "Checkpoint",
    shape: "async process",
    mechanism: "consistent-cut",
    critical: true,
    topic: T,
  },
  {
    action:
      "write fired results into a sink transaction opened for the current checkpoint, pre-commit it when the barrier reaches the sink and commit it only when that checkpoint completes, so readers see only results some completed checkpoint covers",
    entity: "WindowResult",
    shape: "state transition",
    mechanism: "transaction",
    critical: true,
    topic: T,
  },
  {
    action:
      "recover from a crash: restart every task from the last completed checkpoint, reload its keyed state, rewind each source partition to the offset stored with it, abort sink transactions opened after it, and replay",
    entity: "Checkpoint",
    shape: "async process",
    mechanism: "replay-rebuild",
    critical: true,
    topic: T,
  },
] as const;

export const STREAM_READS = [
  {
    action:
      "readers read committed window results (a read_committed consumer of the output topic, or the upsert table keyed by key and window)",
    entity: "WindowResult",
    shape: "read projection",
    staleness:
      "a window's result appears after the watermark passes its end and the next checkpoint completes, so it trails event time by the watermark delay plus up to one checkpoint interval; a late update may follow within the allowed lateness",
    topic: T,
  },
] as const;

const ONCE =
  "Every event is counted exactly once in the result of each window it belongs to: WindowState and the source offsets are restored together from one completed Checkpoint, so a crash replays exactly the events after it, and a WindowResult becomes visible only through the sink transaction that Checkpoint commits.";
const CUT =
  "A Checkpoint is complete only when every task has snapshotted its state at the same barrier, taken after all the events before the barrier on every input and none after it; recovery never mixes state or offsets from two checkpoints.";
const LATE =
  "A key's WindowState fires a window only once the watermark has passed the window's end; an event within the allowed lateness updates that window's result, and a later one goes to the late side output, so no event is dropped without a record of it.";
const KEYED =
  "Every event of one key goes to one SourcePartition, and the key's WindowState is owned by exactly one task at a time, chosen by hashing the key to a key group, so two tasks never fold events of one key into separate partial results.";

export const STREAM_INVARIANTS = [ONCE, CUT, LATE, KEYED];

/** The mechanism that keeps each of the stream processor's rules (`keptBy` on the card's invariant marks). */
export const STREAM_KEPT_BY: Readonly<Record<string, MechanismId>> = {
  [ONCE]: "consistent-cut",
  [CUT]: "consistent-cut",
  [LATE]: "out-of-order-window",
  [KEYED]: "partition-key-ordering",
};

export const STREAM_SCOPES = {
  topic: T,
  ordering: {
    scope: "none",
    why: "a window's result does not depend on the order events arrive in: the event's own time picks its window and the watermark decides when it is complete",
  },
  exclusivity: {
    scope: "partition",
    why: "one task owns each key group's window state between checkpoints, so a key is never counted in two places",
  },
  coordination: {
    scope: "global",
    why: "a checkpoint is one cut across every source partition and every operator: all tasks snapshot at the same barrier, and a restore resets them all to it",
  },
} as const;

export const STREAM_FAILURES = [
  {
    failure: "A worker crashes between two checkpoints, after folding events into its window state",
    role: "truth",
    prevention:
      "Nothing after the last completed checkpoint is visible: its results sit in an uncommitted sink transaction",
    repair:
      "Every task restarts from the last completed checkpoint, sources rewind to its offsets and the events since are replayed; the open transaction is aborted, so each event is counted once",
    topic: T,
  },
  {
    failure: "The sink commits and the job crashes before the checkpoint's completion is recorded everywhere",
    role: "truth",
    prevention:
      "The pre-committed transaction is stored in the checkpoint, and a commit of an already-committed transaction is a no-op",
    repair: "On restore the job re-commits the transactions the restored checkpoint lists, then continues",
    topic: T,
  },
  {
    failure: "A slow or idle source partition holds the watermark back, so windows stop firing",
    role: "derived",
    prevention:
      "Mark idle partitions idle after a timeout so they stop holding the watermark, and alert on watermark lag",
    repair: "Once the partition catches up the windows fire in order; results are late, not wrong",
    topic: T,
  },
  {
    failure: "Events arrive later than the allowed lateness (a phone offline for an hour)",
    role: "derived",
    prevention: "Size the allowed lateness from measured delay, and send later events to the late side output",
    repair:
      "A correction job folds the late output into the stored results, or readers are told the window is final at its lateness",
    topic: T,
  },
  {
    failure: "Backpressure from a slow sink or a hot key stalls barriers, so checkpoints time out",
    role: "coordination",
    prevention:
      "Pre-aggregate a hot key before the shuffle, raise parallelism, or switch to unaligned checkpoints that store in-flight records",
    repair:
      "A timed-out checkpoint is dropped and the next one starts; recovery time grows with the events since the last complete one",
    topic: T,
  },
  {
    failure: "State grows without bound (session windows that never close, keys never seen again)",
    role: "derived",
    prevention: "Clear a window's state after its allowed lateness, and put a state time-to-live on per-key state",
    repair: "Restore from a savepoint after a fix; the RocksDB backend spills to local disk meanwhile",
    topic: T,
  },
] as const;

export const STREAM_BOTTLENECKS = [
  {
    bottleneck: "Window state: every key keeps a partial result for each open window until its lateness passes",
    mitigation:
      "Keep state in RocksDB on local disk, fold events incrementally (a count, not the events), and clear state after the allowed lateness",
    formula: {
      yields: "window state held across the job",
      expression: "keys * open_windows_per_key * window_state_bytes",
      unit: "B",
    },
    topic: T,
  },
  {
    bottleneck: "Operator throughput: every event is deserialised, keyed, shuffled and folded once",
    mitigation:
      "Give the source as many partitions as the job's parallelism, and pre-aggregate before the key shuffle where a key is hot",
    formula: {
      yields: "parallel tasks needed",
      expression: "messages_per_sec * peak_factor / task_events_per_sec",
      unit: "tasks",
    },
    topic: T,
  },
] as const;

export const STREAM_TECHNOLOGIES: TechnologyInput[] = [
  {
    product: "Apache Flink with the RocksDB state backend and incremental checkpoints to object storage",
    layer: "serving",
    fits: "Keyed event-time windows with watermarks, allowed lateness and a late side output; aligned barrier checkpoints holding state and source offsets; a two-phase-commit sink for exactly-once results",
    suits: ["high-throughput", "durable", "elastic-scale"],
    poorFor: ["operational-simplicity"],
    caveat:
      "The job manager and its checkpoint storage must be highly available, and a rescale restores from a savepoint",
    topic: T,
  },
  {
    product: "Kafka Streams with processing.guarantee=exactly_once_v2",
    layer: "serving",
    fits: "A library inside the application: windowed aggregations over Kafka topics, state in local RocksDB stores backed by changelog topics, and consumed offsets, state changes and output committed in one Kafka transaction",
    suits: ["operational-simplicity", "durable"],
    poorFor: ["multi-region"],
    caveat: "Input and output must both be Kafka; brokers 2.5 or later",
    topic: T,
  },
  {
    product: "Google Cloud Dataflow (Apache Beam)",
    layer: "serving",
    fits: "A managed runner for Beam pipelines with event-time windows, watermarks, triggers and allowed lateness, and exactly-once processing inside the pipeline",
    suits: ["operational-simplicity", "elastic-scale"],
    poorFor: ["low-cost"],
    caveat: "Output is exactly once only into sinks that are idempotent or transactional",
    topic: T,
  },
  {
    product: "Apache Kafka (source and transactional output topics)",
    layer: "storage",
    fits: "Partitioned, replayable input read by offset, and output written in transactions that read_committed consumers see only once committed",
    suits: ["durable", "high-throughput"],
    poorFor: ["rich-queries"],
    caveat:
      "Transactions left open block read_committed readers until they time out, so the transaction timeout must exceed the checkpoint interval plus recovery",
    topic: T,
  },
];

export const STREAM_COMPONENTS: ComponentSpec[] = [
  {
    id: "producers",
    name: "Producers (apps and devices sending events)",
    kind: "client",
    runs: ["send events"],
    because: "each event carries its own id and event time, which pick its window however late it arrives",
    topic: T,
  },
  {
    id: "source-log",
    name: "Source log (partitioned, replayable by offset)",
    kind: "log",
    holds: ["SourcePartition"],
    runs: ["append by key", "serve reads from an offset"],
    because: "recovery rewinds to a checkpoint's offsets, so the input must be kept and re-readable",
    topic: T,
  },
  {
    id: "job-manager",
    name: "Job manager (checkpoint coordinator, scheduler of tasks)",
    kind: "control-loop",
    holds: ["Checkpoint"],
    runs: ["inject barriers", "collect acknowledgements", "complete checkpoints", "restart from the last checkpoint"],
    because: "one coordinator numbers the checkpoints and decides which one is complete",
    topic: T,
  },
  {
    id: "task-workers",
    name: "Task workers (Flink task managers, Kafka Streams or Beam workers: source readers, keyed window operators, sink writers)",
    kind: "worker-pool",
    holds: ["WindowState"],
    runs: [
      "read partitions",
      "assign windows by event time",
      "fold into keyed state",
      "fire on watermark",
      "snapshot on barrier",
    ],
    because: "each task owns a range of key groups and their window state between checkpoints",
    topic: T,
  },
  {
    id: "state-backend",
    name: "State backend (RocksDB on each task's local disk)",
    kind: "store",
    holds: ["WindowState"],
    runs: ["keyed get and put", "incremental snapshot"],
    because: "window state for millions of keys exceeds memory and must be snapshotted without stopping the stream",
    topic: T,
  },
  {
    id: "checkpoint-store",
    name: "Checkpoint storage (object store)",
    kind: "store",
    holds: ["Checkpoint"],
    runs: ["store state files and offsets", "serve a restore"],
    because: "a checkpoint outlives every worker, so it is kept off the workers",
    topic: T,
  },
  {
    id: "result-sink",
    name: "Result sink (transactional output topic or upsert table by key and window)",
    kind: "store",
    holds: ["WindowResult"],
    runs: ["pre-commit on barrier", "commit on checkpoint complete", "serve committed results"],
    because: "results become visible only with the checkpoint that covers them",
    topic: T,
  },
  {
    id: "result-readers",
    name: "Result readers (dashboards, downstream services)",
    kind: "client",
    runs: ["read committed results"],
    because: "they read only committed results, so a replay never shows them a count twice",
    topic: T,
  },
];

export const STREAM_LINKS: LinkSpec[] = [
  { from: "producers", to: "source-log", kind: "request", label: "append event by key", topic: T },
  { from: "source-log", to: "task-workers", kind: "stream", label: "read partitions from offsets", topic: T },
  { from: "task-workers", to: "state-backend", kind: "request", label: "fold into keyed window state", topic: T },
  { from: "job-manager", to: "task-workers", kind: "control", label: "barriers, restarts", topic: T },
  { from: "task-workers", to: "checkpoint-store", kind: "request", label: "upload state snapshot", topic: T },
  { from: "task-workers", to: "job-manager", kind: "control", label: "acknowledge checkpoint", topic: T },
  {
    from: "task-workers",
    to: "result-sink",
    kind: "request",
    label: "write results in the checkpoint's transaction",
    topic: T,
  },
  { from: "result-readers", to: "result-sink", kind: "request", label: "read committed results", topic: T },
];

export const STREAM_API: ApiSpec[] = [
  {
    operation: "send event",
    call: "produce(topic, key, {event_id, event_time, payload})",
    request: ["key", "event_id", "event_time", "payload"],
    response: ["partition", "offset"],
    errors: ["retriable: leader moved (the idempotent producer keeps one copy)"],
    guarantee: "appended once per producer sequence to the key's partition",
    topic: T,
  },
  {
    operation: "read window results",
    call: "GET /v1/results/{key}?from=&to=",
    request: ["key", "time range"],
    response: ["windows with value and whether final"],
    errors: ["404 unknown key"],
    guarantee: "only results of completed checkpoints; a window within its allowed lateness may still be updated",
    topic: T,
  },
  {
    operation: "trigger a savepoint",
    call: "POST /v1/jobs/{job_id}/savepoints",
    request: ["target directory"],
    response: ["savepoint path"],
    errors: ["409 checkpoint in progress"],
    guarantee: "a consistent snapshot the job can be restarted or rescaled from",
    topic: T,
  },
];

export const STREAM_DATA: DataSpec[] = [
  {
    entity: "SourcePartition",
    key: ["topic", "partition", "offset"],
    fields: ["key", "event_id", "event_time", "payload"],
    indexes: [],
    partitionKey: "hash(key)",
    owner: "source-log",
    topic: T,
  },
  {
    entity: "WindowState",
    key: ["key", "window_start", "window_end"],
    fields: ["partial result", "last event time and inactivity gap (sessions)"],
    indexes: ["timer on window_end + allowed lateness"],
    partitionKey: "key group = hash(key) mod max_parallelism",
    owner: "state-backend",
    topic: T,
  },
  {
    entity: "Checkpoint",
    key: ["job_id", "checkpoint_id"],
    fields: ["state handles per operator", "source offsets per partition", "pending sink transactions", "completed_at"],
    indexes: [],
    partitionKey: "job_id",
    owner: "checkpoint-store",
    topic: T,
  },
  {
    entity: "WindowResult",
    key: ["key", "window_start", "window_end"],
    fields: ["value", "firing (main or late)", "checkpoint_id"],
    indexes: ["window_end"],
    partitionKey: "hash(key)",
    owner: "result-sink",
    topic: T,
  },
];

export const STREAM_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Window by event time, fire on the watermark",
    topic: T,
    notation:
      "producers>source-log[append event by key] -> source-log>task-workers[read from offset] -> task-workers>state-backend[fold into the key's window state {watermark < window end + allowed lateness}] -> task-workers>result-sink[emit the window's result {watermark >= window end}] |-> task-workers[send to the late side output {watermark >= window end + allowed lateness}] => done | park",
  },
  {
    name: "Checkpoint by aligned barriers, commit the sink with it",
    topic: T,
    notation:
      "job-manager>task-workers[inject barrier n at every source, recording offsets] -> task-workers>state-backend[snapshot keyed state {barrier n arrived on every input}] -> task-workers>checkpoint-store[upload state files] -> task-workers>result-sink[pre-commit transaction n] -> task-workers>job-manager[acknowledge n] -> job-manager>checkpoint-store[mark checkpoint n complete {every task acknowledged}] -> job-manager>task-workers[notify complete] -> task-workers>result-sink[commit transaction n] => done | retry",
  },
  {
    name: "Restore after a crash and replay",
    topic: T,
    notation:
      "task-workers[crash] -> job-manager>checkpoint-store[read the last completed checkpoint] -> job-manager>task-workers[restart every task with its state] -> task-workers>result-sink[abort transactions after it, re-commit those it lists] -> task-workers>source-log[rewind to the checkpoint's offsets {offset = Checkpoint.offset}] => done | retry",
  },
];

/**
 * The job's figures: events a second (a stated rate), keys and the window's length make the state the backend holds
 * and each checkpoint uploads; parallelism from a task's throughput; recovery replays at most a checkpoint interval.
 */
export const STREAM_CAPACITY: CapacityModel = {
  inputs: [
    {
      quantity: "messages_per_sec",
      typical: 100000,
      why: "a busy event stream runs at about a hundred thousand events a second (a planning figure)",
      from: [
        {
          expression: "messages_per_sec_per_key",
          why: "the prompt states the rate beside a key, which the job must carry in full, so the stream is planned at no less than it",
        },
        {
          expression: "messages_per_sec_per_user",
          why: "the prompt states the rate beside its users, which the job must carry in full, so the stream is planned at no less than it",
        },
      ],
    },
    {
      quantity: "message_bytes",
      typical: 300,
      why: "an event carries its id, key, timestamps and a few attributes in a few hundred bytes",
    },
    {
      quantity: "task_events_per_sec",
      label: "events a second one task keys, windows and folds",
      unit: "events/s",
      typical: 100000,
      why: "a keyed window task with RocksDB state folds on the order of a hundred thousand small events a second (a planning figure; measure it)",
    },
    {
      quantity: "keys",
      label: "distinct keys with open windows (users, stores, sessions)",
      unit: "keys",
      typical: 10000000,
      why: "a large product's active users or keys in a window number about ten million (a planning figure)",
    },
    {
      quantity: "window_seconds",
      label: "window length",
      unit: "s",
      typical: 300,
      why: "a five-minute window (a planning figure when the prompt names none)",
    },
    {
      quantity: "allowed_lateness_seconds",
      typical: 60,
      why: "a window's state is kept a minute past its end so events the slowest partition delays still count in it (a planning figure; Flink's default is none)",
    },
    inp("open_windows_per_key", 2, "a tumbling window open and the previous one held for its allowed lateness"),
    {
      quantity: "window_state_bytes",
      label: "bytes of one key's state for one window in RocksDB",
      unit: "B",
      typical: 64,
      why: "a key, a window and a running count or sum, with RocksDB's per-entry overhead (a planning figure; a window that keeps its events needs far more)",
    },
    {
      quantity: "checkpoint_interval_seconds",
      label: "time between checkpoints",
      unit: "s",
      typical: 30,
      why: "checkpoints every half minute keep replay after a crash short without spending much on uploads (a planning figure)",
    },
  ],
  figures: [
    fig("peak_events_per_sec", "events a second at peak", "peak", "messages_per_sec * peak_factor", "events/s"),
    fig(
      "parallel_tasks",
      "parallel window tasks (and source partitions, at least as many)",
      "count",
      "peak_events_per_sec / task_events_per_sec",
      "tasks",
      true,
      "tasks",
    ),
    fig(
      "window_state_total_bytes",
      "window state held across the job",
      "storage",
      "keys * open_windows_per_key * window_state_bytes",
      "B",
    ),
    fig(
      "events_per_window",
      "events folded into one window across all keys",
      "count",
      "messages_per_sec * window_seconds",
      "events",
    ),
    fig(
      "replay_events",
      "events replayed after a crash at most (one checkpoint interval)",
      "count",
      "peak_events_per_sec * checkpoint_interval_seconds",
      "events",
    ),
    fig("input_bytes_per_sec", "input bytes a second at peak", "rate", "peak_events_per_sec * message_bytes", "B/s"),
  ],
};

export const STREAM_DECISIONS: DecisionPoint[] = [
  {
    id: "i06-stream-window",
    topic: T,
    question: "Which windows does each key's result need: tumbling, sliding or session?",
    options: [
      {
        id: "tumbling",
        name: "tumbling windows of a fixed length, each event in exactly one window",
        buys: "the least state (one open window per key) and one result per key per window",
        costs: "an answer only at window boundaries",
        winsWhen: "results are asked per fixed period (per 5 minutes, hourly)",
      },
      {
        id: "sliding",
        name: "sliding (hopping) windows of a length advanced by a shorter slide, each event in length / slide windows",
        buys: "a fresh answer for the last N minutes at every slide",
        costs: "state and results multiplied by length / slide",
        winsWhen: "the prompt asks for the last N minutes, updated more often than N",
        wins: [
          {
            words:
              "\\b(?:sliding|hopping|rolling) windows?\\b|\\b(?:last|past) \\d+ (?:minutes?|hours?|seconds?)\\b[^.;]{0,40}\\bevery\\b",
          },
        ],
      },
      {
        id: "session",
        name: "session windows per key, closed after a gap of inactivity and merged when a late event bridges two",
        buys: "one result per burst of a user's activity, however long",
        costs: "windows merge, so state must be mergeable, and a session's end is known only after the gap",
        winsWhen: "the prompt groups events by activity with an inactivity gap",
        wins: [
          {
            words:
              "\\b(?:sessioni[sz]\\w*|session windows?|inactivity|idle gaps?|gaps? of inactivity|(?:\\d+|thirty|ten|five)[- ]minutes? (?:of )?(?:inactivity|gap|idle))\\b",
          },
        ],
      },
    ],
    rules: [
      {
        when: [
          {
            words: String.raw`\b(?:sessioni[sz]\w*|session windows?|inactivity|idle gaps?|gaps? of inactivity|(?:\d+|thirty|ten|five)[- ]minutes? (?:of )?(?:inactivity|gap|idle))\b`,
          },
        ],
        option: "session",
        because: "the prompt groups a key's events by activity separated by a gap",
      },
      {
        when: [
          {
            words: String.raw`\b(?:sliding|hopping|rolling) windows?\b|\b(?:last|past) \d+ (?:minutes?|hours?|seconds?)\b[^.;]{0,40}\bevery\b`,
          },
        ],
        option: "sliding",
        because: "the prompt asks for a window that moves by a shorter step",
      },
    ],
    fallback: { option: "tumbling", because: "results per fixed period need each event in one window only" },
  },
  {
    id: "i06-stream-sink",
    topic: T,
    question:
      "How do results leave exactly once: a transactional sink committed with each checkpoint, or idempotent upserts by (key, window)?",
    options: [
      {
        id: "two-phase-commit",
        name: "a two-phase-commit sink: results written in a transaction per checkpoint, committed when it completes",
        buys: "readers never see a result twice or one a crash will undo, whatever the sink's key",
        costs:
          "results appear only at each checkpoint, so latency is at least the checkpoint interval, and open transactions hold read_committed readers",
        winsWhen: "the output is a log or store with transactions (Kafka) and readers consume every record",
      },
      {
        id: "idempotent-upsert",
        name: "idempotent upserts keyed by (key, window start): a replayed result overwrites the same row",
        buys: "results visible as soon as a window fires, with no transactions",
        costs:
          "readers may briefly see a result a crash will recompute (to the same value), and it works only for a store with upsert by key",
        winsWhen: "the output is a key-value or warehouse table, and a result is a value, not an event to act on",
      },
    ],
    rules: [
      {
        when: [
          {
            words: String.raw`\b(?:upserts?|key-value|dashboards?|tables?|redis|cassandra|dynamodb|bigquery|snowflake)\b`,
          },
        ],
        option: "idempotent-upsert",
        because: "the results land in a table readers query by key, where a replayed result overwrites itself",
      },
    ],
    fallback: {
      option: "two-phase-commit",
      because: "results go to a log whose readers act on every record, so only committed ones may be seen",
    },
  },
];
