import { fig, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import { IOT_CAPACITY } from "./iot.js";
import { LOGS_CAPACITY } from "./logs.js";
import { TRACES_CAPACITY } from "./traces.js";

/** The figures every design of this kind shows, with the inputs typical of it (and why). */
const BASE: CapacityModel = {
  inputs: [
    {
      quantity: "series",
      typical: 10000000,
      why: "a large fleet exports about ten million active series",
      from: [
        // "12,000 servers, 300 measurements each every 20 seconds": the stated samples a second over the stated
        // interval are the series, each reporting once in it (read before a typical count per host)
        {
          expression: "samples_per_sec * scrape_seconds",
          why: "every series reports once per stated interval, so the stated samples over it are the series",
          allStated: true,
        },
        { expression: "nodes * 1000", why: "each monitored host exports about a thousand series" },
        // "5,000 cell towers push metrics": a reporting device's own measurements are its series
        { expression: "devices * sensors_per_device", why: "every measurement of every stated device is one series" },
      ],
    },
    inp("retention_days", 15, "Prometheus keeps 15 days of samples by default"),
    {
      quantity: "raw_retention_days",
      from: {
        expression: "retention_days",
        why: "raw samples are kept for the whole retention unless older data is downsampled",
      },
    },
    inp("rollup_share", 0, "nothing is downsampled unless the design chooses rollups"),
    inp(
      "series_budget_per_ingester",
      2000000,
      "Cortex's ingester playbook targets 1.5 million active series per ingester and a maximum of 2.5 million",
    ),
    {
      quantity: "samples_per_sec",
      from: { expression: "series / scrape_seconds", why: "every series reports once per scrape" },
    },
  ],
  figures: [
    fig("ingest_samples_per_sec", "samples ingested", "rate", "samples_per_sec", "samples/s"),
    fig(
      "daily_growth",
      "compressed bytes written per day across replicas",
      "growth",
      "samples_per_sec * sample_bytes * 86400 * replicas",
      "B/day",
    ),
    // Ingesters write every sample to `replicas` of them, but the compactor merges those copies into one
    // block per time range, so what stays for the retention period is one copy (the object store's own
    // redundancy aside): raw samples for their own retention, and rollups (stored beside the raw blocks,
    // not in place of them) for the whole retention.
    fig(
      "retained_bytes",
      "compressed bytes retained",
      "storage",
      "samples_per_sec * sample_bytes * 86400 * (min(raw_retention_days, retention_days) + retention_days * rollup_share)",
      "B",
    ),
    // every active series sits in the in-memory head of each ingester it replicates to, so memory, not the
    // sample rate, sizes the ingest tier: the ingester count follows from a per-ingester series budget
    fig("replicated_series", "active series held in ingester memory", "hotspot", "series * replicas", "series"),
    fig(
      "ingesters_needed",
      "ingesters needed",
      "count",
      "replicated_series / series_budget_per_ingester",
      "ingesters",
      true,
    ),
    fig(
      "series_per_ingester",
      "active series held in memory per ingester",
      "rate",
      "replicated_series / ingesters_needed",
      "series",
    ),
    // a distributor holds no series, so its CPU follows the sample rate alone (Mimir's capacity guide)
    fig(
      "distributor_cores",
      "distributor cores needed",
      "count",
      "samples_per_sec / distributor_samples_per_core",
      "cores",
      true,
    ),
    fig(
      "samples_per_ingester",
      "samples per second per ingester",
      "rate",
      "samples_per_sec * replicas / ingesters_needed",
      "samples/s",
    ),
    // "2 million samples per second from 50,000 hosts": each host's own share, what one agent sends and batches
    fig(
      "samples_per_node_per_sec",
      "samples each monitored host sends a second",
      "rate",
      "samples_per_sec / nodes",
      "samples/s",
    ),
  ],
};

// devices pushing readings: the ingest tier's figures stay, the series come from devices times sensors, and the
// retained bytes follow the raw-then-rollups retention (the IoT model's own retained_bytes replaces the raw-only one)
const IOT_OWN = new Set(IOT_CAPACITY.figures.map((x) => x.id));
const IOT_INPUTS = new Set(IOT_CAPACITY.inputs.map((x) => x.quantity));

/**
 * Alerting over a server fleet's series: each rule is a query evaluated on its own schedule, so the rules over their
 * interval are the evaluation load the rulers carry (Prometheus's global evaluation_interval defaults to one minute).
 * Monitoring's own, not a device fleet's or a log pipeline's.
 */
const ALERTING: CapacityModel = {
  inputs: [
    // a stated paging bound shortens the evaluation interval to half its planned share, then the scrape interval to
    // what the evaluation and the notification leave of it
    {
      quantity: "eval_interval_seconds",
      from: {
        expression: "page_bound_seconds * (1 - bound_headroom) / 2",
        why: "half the share of the stated paging bound planned for use, the other half left to the scrape and the page",
        atMost: 60,
      },
    },
    {
      quantity: "scrape_seconds",
      from: {
        expression: "page_bound_seconds * (1 - bound_headroom) - eval_interval_seconds - page_notify_seconds",
        why: "the share of the stated paging bound planned for use, less an evaluation interval and the notification: a condition must be scraped within what is left",
        atMost: 15,
      },
    },
    inp(
      "alert_rules",
      10000,
      "a planning figure: a large fleet's monitoring keeps on the order of ten thousand alerting and recording rules",
    ),
  ],
  figures: [
    // a condition shows in the next scrape, is seen by the next evaluation, and its page leaves once the route sends
    {
      ...fig(
        "page_seconds",
        "longest time from a condition to the page (a scrape interval + an evaluation interval + notification)",
        "time",
        "scrape_seconds + eval_interval_seconds + page_notify_seconds",
        "s",
      ),
      bound: "page_bound_seconds",
    },
    fig(
      "rule_evals_per_sec",
      "alert rule evaluations a second (each rule once per evaluation interval)",
      "rate",
      "alert_rules / eval_interval_seconds",
      "evals/s",
    ),
  ],
};

/** The capacity model: inputs typical of this kind of system (and why), and the figures every design of it shows. */
export const capacity: CapacityModel = {
  ...BASE,
  inputs: [...ALERTING.inputs, ...BASE.inputs],
  figures: [...BASE.figures, ...ALERTING.figures],
  topics: {
    iot: {
      inputs: [...IOT_CAPACITY.inputs, ...BASE.inputs.filter((x) => !IOT_INPUTS.has(x.quantity))],
      figures: [...BASE.figures.filter((x) => !IOT_OWN.has(x.id)), ...IOT_CAPACITY.figures],
      ...(IOT_CAPACITY.latencyPath ? { latencyPath: IOT_CAPACITY.latencyPath } : {}),
    },
    // log lines and trace spans are not series of samples: their models replace the base one whole
    logs: LOGS_CAPACITY,
    traces: TRACES_CAPACITY,
  },
};
