import { type Topic, unlessTopics } from "../../topics.js";
import type { ProtocolSpec, Topology } from "../../topology.js";
import { IOT_API, IOT_COMPONENTS, IOT_DATA, IOT_LINKS, IOT_PROTOCOLS } from "./iot.js";
import { LOGS_API, LOGS_COMPONENTS, LOGS_DATA, LOGS_LINKS, LOGS_PROTOCOLS, LOGS_READERS } from "./logs.js";
import {
  TRACES_API,
  TRACES_COMPONENTS,
  TRACES_DATA,
  TRACES_LINKS,
  TRACES_PROTOCOLS,
  TRACES_READERS,
  TRACES_ROUTER,
} from "./traces.js";

/** Parts of monitoring a server fleet (scraping, alert rules, pagers), which devices pushing readings drop. */
const I = "iot" as const;

/** Telemetry pipeline: agents, distributors, replicated ingesters with a WAL, object-store blocks, queriers, rule evaluation. */
const NUMBER_PROTOCOLS: ProtocolSpec[] = [
  ...IOT_PROTOCOLS,
  {
    unlessTopic: I,
    name: "Ingest samples",
    notation:
      "agents>distributors[push sample batch] -> distributors[check tenant limits {tenant under active series and rate limits}] -> distributors>ingesters[write to RF ingesters on the hash ring {sample newer than the series' last timestamp}] -> ingesters>distributors[appended to WAL] -> distributors>agents[ack after write quorum] |-> distributors>agents[429, batch refused {tenant over its limits}] => done | retry | reject",
  },
  {
    unlessTopic: I,
    name: "Scrape and ingest",
    notation:
      "scrapers>targets[scrape the metrics endpoint {target discovered and its interval due}] -> targets>scrapers[current samples] -> scrapers>distributors[write the scraped batch] -> distributors[check tenant limits {tenant under active series and rate limits}] -> distributors>ingesters[write to RF ingesters on the hash ring {sample newer than the series' last timestamp}] -> ingesters>distributors[appended to WAL] -> distributors>scrapers[ack after write quorum] |-> scrapers[record the target as down {scrape failed or timed out}] => done | retry",
  },
  {
    unlessTopic: I,
    name: "Evaluate an alert rule",
    notation:
      "rule-evaluator[take its rule groups {the ruler ring assigns this evaluator the rule group}] -> rule-evaluator>queriers[query rule window] -> queriers>ingesters[recent samples] -> queriers>block-store[older blocks] -> queriers>rule-evaluator[series] -> rule-evaluator[transition alert {condition held for AlertRule.for_duration}] -> rule-evaluator>alert-state[record pending or firing since] -> rule-evaluator>notifier[send alert to every replica] -> notifier[group, dedupe, apply silences and inhibitions {alert matches no active silence and its group not notified within the repeat interval}] -> notifier>pager[page on-call once per alert group] => done | retry",
  },
  {
    name: "Cut and compact blocks",
    notation:
      "ingesters>block-store[upload the cut head block {chunks and index durable}] -> compactor[take its compaction jobs {the compactor ring assigns this compactor the tenant's jobs}] -> compactor>block-store[read the range's blocks, merge and downsample] -> compactor>block-store[upload compacted block, meta.json last] -> compactor>block-store[then mark the source blocks for deletion] => done | retry",
  },
];

/** Subjects whose records are not numbers: log lines and trace spans draw their own pipelines. */
const RECORDS: readonly Topic[] = ["logs", "traces"];

export const protocols: ProtocolSpec[] = [
  ...LOGS_PROTOCOLS,
  ...TRACES_PROTOCOLS,
  ...unlessTopics(NUMBER_PROTOCOLS, RECORDS),
];

const NUMBERS: Topology = {
  components: [
    ...IOT_COMPONENTS,
    {
      unlessTopic: I,
      id: "agents",
      name: "Agents and scrapers",
      kind: "client",
      runs: ["scrape", "batch", "push"],
      because: "samples are collected near the source and pushed in batches, retried on failure",
    },
    {
      unlessTopic: I,
      id: "targets",
      name: "Monitored targets (metrics endpoints)",
      kind: "client",
      runs: ["expose current values"],
      because: "each service exposes its current counters and gauges for a scraper to read",
    },
    {
      unlessTopic: I,
      id: "scrapers",
      name: "Central scrapers (service discovery, one pass per interval)",
      kind: "service",
      runs: ["discover targets", "scrape", "write batches"],
      because: "the central tier reads every target on its own schedule, so a failed scrape is itself a health signal",
    },
    {
      id: "distributors",
      name: "Distributors (validate, limit, shard by series)",
      kind: "gateway",
      runs: ["validate", "per-tenant limits", "hash-ring fan-out"],
      because: "a stateless front tier enforces tenant limits and sends each series to its ingesters",
    },
    {
      id: "ingesters",
      name: "Ingesters (WAL + head, RF 3)",
      kind: "replica-group",
      holds: ["Sample", "SeriesIndex"],
      runs: ["append to WAL", "cut blocks"],
      because: "recent samples live in memory backed by a WAL on several ingesters, so one crash loses nothing",
    },
    {
      id: "block-store",
      name: "Object storage (immutable blocks)",
      kind: "store",
      holds: ["Block", "Rollup"],
      runs: ["store blocks"],
      because: "long-term data is cheap, immutable blocks with their own index",
    },
    {
      id: "compactor",
      name: "Compactor",
      kind: "control-loop",
      runs: ["merge blocks", "downsample", "apply retention"],
      because: "many small blocks slow queries; merged and downsampled blocks keep long ranges cheap",
    },
    {
      id: "queriers",
      name: "Query frontend and queriers",
      kind: "service",
      runs: ["split by time", "pick the resolution from the step and range", "merge ingesters and blocks"],
      because:
        "a query reads the recent window from ingesters and older data from blocks, raw where the step is finer than a rollup bucket and from rollups where it is coarser",
    },
    {
      unlessTopic: I,
      id: "rule-evaluator",
      name: "Rule evaluator (rule groups sharded on a ring)",
      kind: "control-loop",
      holds: ["AlertRule"],
      runs: ["evaluate rules", "pending to firing"],
      because: "each rule group is evaluated by one owner on a fixed interval",
    },
    {
      unlessTopic: I,
      id: "alert-state",
      name: "Alert state store (pending and firing since, per alert)",
      kind: "store",
      holds: ["AlertState"],
      runs: ["keep pending, firing and resolved state", "restore the for-duration clock after an evaluator restart"],
      because:
        "an evaluator that restarts or hands its rule group over reads when each alert became pending, so a rule's hold time is not counted again from zero",
    },
    {
      unlessTopic: I,
      id: "notifier",
      name: "Alert manager (HA cluster: dedupe, group, silence, route)",
      kind: "service",
      runs: ["deduplicate", "group", "silence", "route to the on-call receiver"],
      because:
        "evaluators send a firing alert to every alert-manager replica; the replicas share silences and a log of sent notifications by gossip, so one page goes out per alert group, and a split sends a duplicate rather than none",
    },
    {
      unlessTopic: I,
      id: "pager",
      name: "Paging provider (PagerDuty, Opsgenie)",
      kind: "external",
      runs: ["page on-call", "escalate unacknowledged pages"],
      because: "the page reaches a person through a provider that owns phones, SMS and escalation policies",
    },
    {
      id: "users",
      name: "Dashboards and users",
      kind: "client",
      runs: ["query"],
      because: "readers query ranges at raw or rollup resolution",
    },
  ],
  links: [
    ...IOT_LINKS,
    { from: "agents", to: "distributors", kind: "request", label: "push samples" },
    { from: "scrapers", to: "targets", kind: "request", label: "scrape every interval", unlessTopic: I },
    { from: "scrapers", to: "distributors", kind: "request", label: "write scraped batches", unlessTopic: I },
    { from: "distributors", to: "ingesters", kind: "replication", label: "write to RF ingesters" },
    { from: "ingesters", to: "block-store", kind: "stream", label: "upload cut blocks" },
    { from: "compactor", to: "block-store", kind: "control", label: "merge, downsample" },
    { from: "users", to: "queriers", kind: "request", label: "range query" },
    { from: "queriers", to: "ingesters", kind: "request", label: "recent window" },
    { from: "queriers", to: "block-store", kind: "request", label: "older blocks" },
    { from: "rule-evaluator", to: "queriers", kind: "control", label: "rule queries", unlessTopic: I },
    { from: "rule-evaluator", to: "alert-state", kind: "request", label: "pending and firing since", unlessTopic: I },
    { from: "rule-evaluator", to: "notifier", kind: "callback", label: "firing alerts", unlessTopic: I },
    { from: "notifier", to: "pager", kind: "request", label: "page on-call (one per alert group)", unlessTopic: I },
  ],
  api: [
    ...IOT_API,
    {
      unlessTopic: I,
      operation: "write",
      call: "POST /api/v1/push",
      request: ["tenant_id", "series (labels, timestamp, value)"],
      response: ["accepted"],
      errors: ["429 rate limited", "400 series limit exceeded or out-of-order sample"],
      guarantee: "acknowledged once a write quorum of ingesters appended it to their WAL",
    },
    {
      operation: "query range",
      call: "GET /api/v1/query_range?query=&start=&end=&step=",
      request: ["expression", "start", "end", "step"],
      response: ["series matrix"],
      errors: ["422 too many series", "503 timeout"],
      guarantee: "recent points may be missing for up to the ingest delay",
    },
    {
      unlessTopic: I,
      operation: "put rule",
      call: "PUT /v1/rule-groups/{group}",
      request: ["expression", "for_duration", "labels"],
      response: ["rule_version"],
      errors: ["400 invalid expression"],
      guarantee: "evaluated by exactly one owner per interval",
    },
  ],
  dataModel: [
    ...IOT_DATA,
    {
      entity: "Sample",
      key: ["series_id (hash of sorted labels)", "timestamp"],
      fields: ["value"],
      indexes: ["inverted label index (SeriesIndex)"],
      partitionKey: "tenant + series_id on the hash ring",
      owner: "ingesters",
    },
    {
      entity: "Block",
      key: ["tenant", "block_id (time range)"],
      fields: ["chunks", "index", "min_time", "max_time", "resolution"],
      indexes: ["time range"],
      partitionKey: "tenant",
      owner: "block-store",
    },
    {
      entity: "Rollup",
      key: ["tenant", "series_id", "resolution (5m, 1h)", "bucket_start"],
      fields: ["count", "sum", "min", "max", "source_block_ids"],
      indexes: ["time range per resolution"],
      partitionKey: "tenant, in the block of its closed time range",
      owner: "block-store",
    },
    {
      unlessTopic: I,
      entity: "AlertState",
      key: ["rule", "alert fingerprint (hash of labels)"],
      fields: ["state (pending, firing, resolved)", "active_since", "last_sent_at"],
      indexes: [],
      partitionKey: "rule group, as the evaluator ring assigns it",
      owner: "alert-state",
    },
    {
      unlessTopic: I,
      entity: "AlertRule",
      key: ["group", "rule_name"],
      fields: ["expression", "for_duration", "labels", "version"],
      indexes: [],
      owner: "rule-evaluator",
    },
  ],
  entry: "distributors",
  stateOwner: "ingesters",
  outlet: "block-store",
  protocols,
};

export const topology: Topology = {
  ...NUMBERS,
  components: [
    ...LOGS_COMPONENTS,
    ...TRACES_COMPONENTS,
    ...unlessTopics(NUMBERS.components, RECORDS),
    // each subject's readers, drawn last as the numbers' dashboards are
    LOGS_READERS,
    TRACES_ROUTER,
    TRACES_READERS,
  ],
  links: [...LOGS_LINKS, ...TRACES_LINKS, ...unlessTopics(NUMBERS.links, RECORDS)],
  api: [...LOGS_API, ...TRACES_API, ...unlessTopics(NUMBERS.api, RECORDS)],
  dataModel: [...LOGS_DATA, ...TRACES_DATA, ...unlessTopics(NUMBERS.dataModel, RECORDS)],
  topicHooks: {
    logs: { entry: "log-buffer", stateOwner: "log-buffer", outlet: "log-buffer" },
    traces: { entry: "collectors", stateOwner: "span-store", outlet: "span-store" },
  },
};
