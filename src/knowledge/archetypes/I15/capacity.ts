import { fig } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import { MEDIA_CAPACITY } from "./media.js";
import { SANDBOX_CAPACITY } from "./sandbox.js";
import { SERVING_CAPACITY } from "./serving.js";

/** The fleet's own inputs and figures, before any subject changes its inputs. */
const BASE: CapacityModel = {
  inputs: [
    {
      quantity: "tasks_per_sec",
      typical: 1000,
      why: "a shared compute fleet starts about a thousand tasks or invocations a second",
      from: [
        { expression: "requests_per_sec", why: "each stated invocation or request runs one task" },
        // a stated fleet with no stated load says how much work it is there to run: every slot busy at the peak
        {
          expression: "workers * slots_per_worker / task_seconds / peak_factor",
          why: "the stated fleet runs one task in each of its slots at the peak, each for a run's time",
        },
      ],
    },
  ],
  figures: [
    fig("peak_tasks_per_sec", "peak task starts", "peak", "tasks_per_sec * peak_factor", "tasks/s"),
    fig(
      "concurrent_tasks",
      "tasks running at once at peak (Little's law)",
      "count",
      "peak_tasks_per_sec * task_seconds",
      "tasks",
    ),
    fig("workers_needed", "workers needed", "count", "concurrent_tasks / slots_per_worker", "workers", true, "workers"),
    fig(
      "heartbeats_per_sec",
      "worker heartbeats at the control plane",
      "rate",
      "workers_needed / heartbeat_seconds",
      "writes/s",
    ),
    fig(
      "placement_writes",
      "placement and state writes (bind, start, finish)",
      "hotspot",
      "peak_tasks_per_sec * writes_per_task",
      "writes/s",
    ),
    fig(
      "scheduler_shards",
      "scheduler shards so no leader saturates",
      "count",
      "placement_writes / (leader_writes_per_sec * target_utilisation)",
      "shards",
      true,
      "partitions",
    ),
  ],
};

// untrusted code judged in sandboxes: a run's seconds and the sandboxes per host are the judge's own, the figures stay
const SANDBOX_INPUTS = new Set(SANDBOX_CAPACITY.inputs.map((x) => x.quantity));

/** The capacity model: inputs typical of this kind of system (and why), and the figures every design of it shows. */
export const capacity: CapacityModel = {
  ...BASE,
  topics: {
    "untrusted-code": {
      inputs: [...SANDBOX_CAPACITY.inputs, ...BASE.inputs.filter((x) => !SANDBOX_INPUTS.has(x.quantity))],
      figures: BASE.figures,
    },
    // uploaded media: assets, renditions, segments and encode speed size the fleet, not a generic task rate
    "media-pipeline": MEDIA_CAPACITY,
    // trained models served online: the stated predictions, models and latency target size replicas and the batch
    "model-serving": SERVING_CAPACITY,
  },
};
