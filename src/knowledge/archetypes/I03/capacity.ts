import { fig, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import { DAG_CAPACITY } from "./dag.js";

/** The scheduler's own inputs and figures, before any subject changes them. */
const BASE: CapacityModel = {
  inputs: [
    {
      quantity: "tasks_per_sec",
      typical: 200,
      why: "a shared scheduler fires a few hundred runs a second on average",
      // "2 million expirations a day", "3 million signups a month": the scheduler's own act said under a noun of the
      // prompt's (read as its request rate); each sets one timer that fires once, so at a steady state runs fire as
      // fast as they are set up
      from: {
        expression: "requests_per_sec",
        why: "each stated request sets up one run that fires once, so runs fire as fast as they are set up",
      },
    },
    {
      quantity: "timers",
      typical: 10000000,
      why: "reminder and delayed-job systems commonly hold millions of pending timers",
      from: {
        expression: "tasks_per_sec * timer_lead_seconds",
        why: "Little's law: the pending timers are the firing rate times how far ahead a run is set up",
      },
    },
    inp("task_seconds", 5, "a fired timer usually sends a message or calls a webhook, which takes seconds"),
    inp("peak_factor", 10, "timers cluster on round times such as the top of the hour, so peaks are sharp"),
    inp(
      "slots_per_worker",
      100,
      "a fired run mostly waits on the call it makes (a message sent, a webhook answered), so one asynchronous worker keeps about a hundred runs in flight; a run that computes holds a core instead (set it from the task)",
    ),
  ],
  figures: [
    fig(
      "peak_fires_per_sec",
      "runs due per second at the top of the hour",
      "peak",
      "tasks_per_sec * peak_factor",
      "runs/s",
    ),
    fig(
      "run_store_writes",
      "run-store writes (materialise, claim, complete)",
      "hotspot",
      "peak_fires_per_sec * writes_per_run",
      "writes/s",
    ),
    fig(
      "due_index_shards",
      "due-index shards so no leader saturates",
      "count",
      "run_store_writes / (leader_writes_per_sec * target_utilisation)",
      "shards",
      true,
      "partitions",
    ),
    fig(
      "workers_needed",
      "workers to keep up with firing",
      "count",
      "peak_fires_per_sec * task_seconds / slots_per_worker",
      "workers",
      true,
      "workers",
    ),
    fig("timer_storage", "stored timer payloads across replicas", "storage", "timers * message_bytes * replicas", "B"),
  ],
  // a stated bound on firing ("fire within 2 seconds of its time") is spent from the due time to the run's start on a
  // worker, not along a client's request: the shard's next poll, its due-range scan, the claim, the hand-off
  latencyPath: {
    serves: "one due run",
    steps: ["poll_interval_seconds", "store_read_seconds", "claim_write_seconds", "dispatch_seconds"],
    inputs: [
      inp(
        "poll_interval_seconds",
        0.5,
        "each shard's poller scans its due range every 500 ms (and loads the next seconds' runs ahead of time), so a run waits at most one interval past its due time (a planning choice: set it from the firing bound)",
      ),
      inp(
        "claim_write_seconds",
        0.01,
        "a conditional update acknowledged after the synchronous replica has it takes a few milliseconds in one region; 10 ms covers its tail (a planning figure; measure it)",
      ),
      inp(
        "dispatch_seconds",
        0.005,
        "a claimed run goes to a worker slot that is already connected and waiting, through an in-region queue, in a few milliseconds (a planning figure)",
      ),
    ],
  },
};

// DAGs of tasks: each stated job is a DAG run of several task instances, started together at the top of the hour, and
// the executor slots are the task starts times a task's seconds (Little's law)
const DAG_INPUTS = new Set(DAG_CAPACITY.inputs.map((x) => x.quantity));

/** The capacity model: inputs typical of this kind of system (and why), and the figures every design of it shows. */
export const capacity: CapacityModel = {
  ...BASE,
  topics: {
    "dag-workflow": {
      inputs: [
        ...DAG_CAPACITY.inputs,
        inp(
          "tasks_per_run",
          10,
          "a batch DAG (extract, a few transforms, load, checks) has around ten tasks; a planning figure",
        ),
        ...BASE.inputs.filter((x) => !DAG_INPUTS.has(x.quantity) && x.quantity !== "timers"),
      ],
      figures: [
        fig(
          "task_instances_per_sec",
          "task instances started per second on average",
          "rate",
          "tasks_per_sec * tasks_per_run",
          "tasks/s",
        ),
        fig(
          "peak_task_starts",
          "task instances started per second at the top of the hour",
          "peak",
          "task_instances_per_sec * peak_factor",
          "tasks/s",
        ),
        fig(
          "metadata_db_writes",
          "metadata-database writes (queue, start, finish)",
          "hotspot",
          "peak_task_starts * writes_per_run",
          "writes/s",
        ),
        fig(
          "executor_slots",
          "executor slots busy at the peak (Little's law)",
          "count",
          "peak_task_starts * task_seconds",
          "slots",
          true,
        ),
        fig(
          "workers_needed",
          "workers at the peak",
          "count",
          "executor_slots / slots_per_worker",
          "workers",
          true,
          "workers",
        ),
      ],
    },
  },
};
