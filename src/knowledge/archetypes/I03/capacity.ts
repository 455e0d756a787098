import { fig, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";

/** The capacity model: inputs typical of this kind of system (and why), and the figures every design of it shows. */
export const capacity: CapacityModel = {
  inputs: [
    {
      quantity: "timers",
      typical: 10000000,
      why: "reminder and delayed-job systems commonly hold millions of pending timers",
      from: {
        expression: "tasks_per_sec * timer_lead_seconds",
        why: "Little's law: the pending timers are the firing rate times how far ahead a run is set up",
      },
    },
    inp("tasks_per_sec", 200, "a shared scheduler fires a few hundred runs a second on average"),
    inp("task_seconds", 5, "a fired timer usually sends a message or calls a webhook, which takes seconds"),
    inp("peak_factor", 10, "timers cluster on round times such as the top of the hour, so peaks are sharp"),
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
};
