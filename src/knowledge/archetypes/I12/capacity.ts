import { fig } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import { WF_CAPACITY } from "./durable.js";
import { PSP_CAPACITY } from "./psp.js";

/** The capacity model: inputs typical of this kind of system (and why), and the figures every design of it shows. */
export const capacity: CapacityModel = {
  inputs: [
    {
      // its own quantity, not the design's generic request rate: a key-value tier's requests a second start no workflows
      quantity: "workflows_per_sec",
      typical: 500,
      why: "workflows with an outside effect (payments, deliveries, provisioning) run in the hundreds per second for a large business",
      from: [
        // "delivers every event to up to 50 endpoints": one delivery (its retries, its acknowledgement) per event and
        // endpoint, so the stated fan-out multiplies the workflows, taken only when the prompt states both
        {
          expression: "messages_per_sec * fanout",
          why: "each stated event is delivered to each of the stated parties it is sent to, one delivery workflow each",
          allStated: true,
        },
        { expression: "messages_per_sec", why: "each stated message or event starts one workflow" },
        { expression: "writes_per_sec", why: "each stated transaction starts one workflow" },
        { expression: "requests_per_sec", why: "each stated request starts one workflow" },
        { expression: "tasks_per_sec", why: "each stated job or task run is one workflow" },
        {
          expression: "rides_per_day / 86400 + users * notifications_per_user_per_day / 86400",
          why: "each ride is charged once and each notification is delivered once, one workflow each, from the product's own rides and notifications a day",
          fromDesign: true,
        },
        {
          expression: "users * notifications_per_user_per_day / 86400",
          why: "each notification the product creates is delivered by one workflow, from the product's own notifications a day",
          fromDesign: true,
        },
        {
          expression: "rides_per_day / 86400",
          why: "each ride is charged once by one payment workflow, from the product's own rides a day",
          fromDesign: true,
        },
      ],
    },
    {
      // how long a workflow stays open, waits included: not the time a worker is busy with one of its steps, so it
      // counts rows held, never worker slots (a waiting workflow holds no worker)
      quantity: "open_seconds",
      typical: 10,
      why: "a workflow with a provider call or two takes seconds end to end",
      // Little's law counts what stays open: when the prompt states how long failed calls are retried, a failing
      // call stays open for that whole window, which outweighs the seconds a successful one takes
      from: [
        {
          expression: "failed_share * retry_window_seconds",
          why: "a failing call stays open for the whole stated retry window, and those waits outweigh the seconds a successful call takes",
        },
        { expression: "run_seconds", why: "each one stays open for the stated time it runs" },
      ],
    },
    {
      quantity: "retention_days",
      typical: 1,
      why: "an idempotency record must outlive the last retry of the call it guards, and a retry schedule of growing waits usually ends within hours",
      from: {
        expression: "retry_window_seconds / 86400",
        why: "a call's idempotency record must outlive its last retry, or a late retry acts twice",
      },
    },
  ],
  figures: [
    fig("peak_workflows_per_sec", "peak workflows started", "peak", "workflows_per_sec * peak_factor", "workflows/s"),
    fig(
      "open_instances",
      "open workflow instances at peak (Little's law)",
      "count",
      "peak_workflows_per_sec * open_seconds",
      "instances",
    ),
    fig(
      "outbox_writes",
      "state and outbox writes (create, effect, settle)",
      "hotspot",
      "peak_workflows_per_sec * writes_per_workflow",
      "writes/s",
    ),
    // every state and outbox write commits on the one database primary; its ceiling is an assumption to measure
    fig(
      "primary_headroom",
      "share of one database primary's write capacity the state and outbox writes use",
      "headroom",
      "outbox_writes / primary_writes_per_sec",
      "fraction",
    ),
    // the step that acts on that share: the state and its outbox split by workflow id over enough primaries that
    // each runs at the planned utilisation (a workflow's state and outbox rows stay on one primary, so the
    // transaction that writes both never spans two)
    fig(
      "state_shards",
      "database primaries the workflow state and outbox are split over by workflow id, each at the planned utilisation",
      "count",
      "outbox_writes / (primary_writes_per_sec * target_utilisation)",
      "shards",
      true,
    ),
    // each workflow makes one external call at peak; the outside party's per-account limit is its ceiling, where
    // one applies (knowledge/parties.ts: none for customers' own endpoints)
    fig(
      "provider_headroom",
      "share of the outside party's per-account limit the calls use",
      "headroom",
      "peak_workflows_per_sec / provider_requests_per_sec",
      "fraction",
    ),
    // only when the prompt states how long failed calls are retried: the calls waiting out that window
    fig(
      "retry_backlog",
      "failed calls waiting for a retry when the failing share stays down for the whole retry window",
      "count",
      "peak_workflows_per_sec * failed_share * retry_window_seconds",
      "calls",
    ),
    // only when the prompt states the retry window: the schedule that spans it (a window shorter than the growing
    // waits ends the schedule early, so the attempts then count the growth steps in full, an upper bound)
    fig(
      "retry_cap_seconds",
      "longest wait between attempts, where the growth stops (never past the retry window)",
      "time",
      "min(backoff_base_seconds * backoff_factor ^ backoff_doublings, retry_window_seconds)",
      "s",
    ),
    fig(
      "backoff_span_seconds",
      "time the growing waits take before they reach the cap (within the retry window)",
      "time",
      "min(backoff_base_seconds * (backoff_factor ^ (backoff_doublings + 1) - 1) / (backoff_factor - 1), retry_window_seconds)",
      "s",
    ),
    fig(
      "retry_attempts",
      "attempts one failing call gets across the retry window: growing waits up to the cap, then one per cap",
      "count",
      "backoff_doublings + 1 + (retry_window_seconds - backoff_span_seconds) / retry_cap_seconds",
      "attempts",
      true,
    ),
    fig(
      "idempotency_bytes",
      "idempotency records held",
      "storage",
      "workflows_per_sec * 86400 * retention_days * message_bytes",
      "B",
    ),
    fig(
      "record_growth",
      "workflow and attempt records written per day",
      "growth",
      "workflows_per_sec * 86400 * message_bytes * writes_per_workflow",
      "B/day",
    ),
  ],
  topics: { "workflow-engine": WF_CAPACITY, psp: PSP_CAPACITY },
};
