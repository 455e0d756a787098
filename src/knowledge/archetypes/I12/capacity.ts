import { fig, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";

/** The capacity model: inputs typical of this kind of system (and why), and the figures every design of it shows. */
export const capacity: CapacityModel = {
  inputs: [
    {
      quantity: "requests_per_sec",
      typical: 500,
      why: "workflows with an outside effect (payments, deliveries, provisioning) run in the hundreds per second for a large business",
      from: [
        { expression: "messages_per_sec", why: "each stated payment, order, event or message starts one workflow" },
        { expression: "writes_per_sec", why: "each stated transaction starts one workflow" },
      ],
    },
    inp("task_seconds", 10, "a workflow with a provider call or two takes seconds end to end"),
    inp(
      "retention_days",
      1,
      "callers retry within hours, and provider APIs such as Stripe's may prune idempotency keys after 24 hours",
    ),
  ],
  figures: [
    fig("peak_workflows_per_sec", "peak workflows started", "peak", "requests_per_sec * peak_factor", "workflows/s"),
    fig(
      "open_instances",
      "open workflow instances at peak (Little's law)",
      "count",
      "peak_workflows_per_sec * task_seconds",
      "instances",
    ),
    fig(
      "outbox_writes",
      "state and outbox writes (create, effect, settle)",
      "hotspot",
      "peak_workflows_per_sec * writes_per_workflow",
      "writes/s",
    ),
    // each workflow makes one external call at peak; the provider's per-account rate limit is its ceiling
    fig(
      "provider_headroom",
      "share of one provider account's rate limit the calls use",
      "headroom",
      "peak_workflows_per_sec / provider_requests_per_sec",
      "fraction",
    ),
    fig(
      "idempotency_bytes",
      "idempotency records held",
      "storage",
      "requests_per_sec * 86400 * retention_days * message_bytes",
      "B",
    ),
    fig(
      "record_growth",
      "workflow and attempt records written per day",
      "growth",
      "requests_per_sec * 86400 * message_bytes * writes_per_workflow",
      "B/day",
    ),
  ],
};
