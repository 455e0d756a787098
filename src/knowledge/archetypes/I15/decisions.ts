import type { DecisionPoint } from "../../decisions/types.js";
import { MEDIA_DECISIONS } from "./media.js";
import { SANDBOX_DECISIONS } from "./sandbox.js";
import { SERVING_DECISIONS } from "./serving.js";

/** The decision points: each trade-off, what its options buy and cost, when each wins, and the rules that pick one. */
export const decisions: DecisionPoint[] = [
  {
    id: "i15-scheduler",
    // a media pipeline's workers claim leased tasks; no scheduler places them on nodes (media.ts)
    // nor places model replicas: the serving controller does, by GPU memory (serving.ts)
    unlessTopic: ["media-pipeline", "model-serving"],
    question: "One scheduler that sees everything, or several schedulers over shared state?",
    options: [
      {
        id: "monolithic",
        name: "a single scheduler with a global view (as in the default Kubernetes scheduler)",
        buys: "simple, globally informed placement",
        costs: "placement throughput is capped by one scheduler loop",
        winsWhen: "placements per second fit one scheduler",
        // the Omega paper (EuroSys 2013) names Borg's scheduler as monolithic: one scheduler over the whole cell
        usedBy: ["Borg"],
        implies: {
          addMechanisms: ["placement-scheduler"],
          // one scheduler loop makes every placement: the placement load is not split over shards
          capacity: [{ quantity: "partitions", value: 1, why: "one scheduler loop makes every placement" }],
        },
      },
      {
        id: "shared-state",
        name: "parallel schedulers committing placements optimistically to shared cell state (Omega-style)",
        buys: "placement throughput grows with schedulers",
        costs: "conflicting placements are retried; more moving parts",
        winsWhen: "tens of thousands of placements a second",
        wins: [{ number: "peak_tasks_per_sec", atLeast: 10000 }],
        // Omega's parallel schedulers commit to shared cell state with optimistic concurrency (Omega paper)
        usedBy: ["Omega"],
        // parallel schedulers are the part sharded: one scheduler loop has no shards to count
        implies: { addMechanisms: ["placement-scheduler", "version-check"], sizes: ["scheduler_shards"] },
      },
    ],
    rules: [
      {
        when: [{ number: "peak_tasks_per_sec", atLeast: 10000 }],
        option: "shared-state",
        because: "one scheduler loop cannot place that many tasks",
      },
    ],
    fallback: { option: "monolithic", because: "placement rate fits one scheduler" },
  },
  {
    id: "i15-capacity",
    // model replicas scale on queue depth with a floor per model (serving.ts decides batching and packing instead)
    unlessTopic: "model-serving",
    question: "Scale the pool on demand, or keep a warm buffer?",
    options: [
      {
        id: "reactive",
        name: "reactive autoscaling from utilisation and queue depth",
        buys: "pay only for what runs",
        costs: "bursts wait for new workers to boot",
        winsWhen: "tasks tolerate cold starts",
        implies: { addMechanisms: ["autoscaling"] },
      },
      {
        id: "warm-pool",
        name: "a warm pool of idle workers above demand",
        buys: "tasks start at once",
        costs: "idle capacity costs money",
        winsWhen: "a latency target leaves no time for cold starts",
        wins: [{ latencyAtMost: 1000 }],
        implies: { addMechanisms: ["autoscaling"] },
      },
    ],
    rules: [
      {
        when: [{ latencyAtMost: 1000 }],
        option: "warm-pool",
        because: "the latency target leaves no time to boot workers",
      },
    ],
    fallback: { option: "reactive", because: "no start-latency target is stated" },
  },
  ...SANDBOX_DECISIONS,
  ...MEDIA_DECISIONS,
  ...SERVING_DECISIONS,
];
