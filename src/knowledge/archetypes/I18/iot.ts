import { fig, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { MechanismId } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * A time-series pipeline whose samples come from devices and sensors that push them (topic "iot",
 * knowledge/topics.ts): meters, vehicles, machines. Nothing is scraped: each device (or the gateway it talks to)
 * buffers readings while it is offline and sends them late, so a series' samples arrive out of order within a
 * window and must be accepted rather than refused. Each series belongs to a registered device whose metadata
 * (model, site, sensors with their units and report intervals) says what it measures, and the device count times
 * its sensors is the series cardinality. Long retention keeps raw samples for a recent span and rollups for the
 * rest, so the retained bytes follow that split. Alert rules, scraper pairs and pod-name churn belong to
 * monitoring a server fleet, not here.
 *
 * Facts, checked against primary sources:
 * - Grafana, "New in Grafana Mimir: introducing out-of-order sample ingestion" (blog, 7 Sep 2022): the Prometheus
 *   TSDB traditionally took only in-order samples less than an hour old; IoT devices that wake up and write
 *   asynchronously are a named reason for out-of-order support. Mimir's `out_of_order_time_window` limit (docs,
 *   "Configure out-of-order samples ingestion") accepts samples up to that long behind the newest sample of their
 *   series, per tenant if needed, and a query cache should not keep results that fall inside the window for long,
 *   since late samples can still change them. Prometheus itself added the same setting in v2.39 (release notes).
 * - Thanos compactor docs ("Compactor", downsampling, resolution and retention): 5-minute rollups are made for
 *   blocks older than 40 hours and 1-hour rollups for blocks older than 10 days; raw, 5-minute and 1-hour data
 *   each have their own retention, and the raw retention is what bounds the bytes kept at full resolution.
 * Planning figures (sensors per device, rollup bytes, series per query) are assumptions, said as such in their rows.
 */

const T = "iot" as const;

export const IOT_ENTITIES = [
  {
    name: "Device",
    description:
      "One registered device: device id, tenant, model and firmware, site or location, the sensors it carries (each with its unit and report interval) and when it was last heard from; every series it sends carries its device id as a label.",
    truth: true,
    topic: T,
  },
] as const;

export const IOT_WRITES = [
  {
    action: "append the samples a device pushes to the write-ahead log and head block",
    entity: "Sample",
    shape: "append event",
    mechanism: "write-ahead-log",
    critical: true,
    repeatSafe:
      "a batch sent again after a lost acknowledgement has the same series and timestamps, so the ingester keeps one value per timestamp",
    topic: T,
  },
  {
    action:
      "accept a device's late sample, sent from its offline buffer, when it is within the out-of-order window behind its series' newest timestamp, and merge it into the series in time order",
    entity: "Sample",
    shape: "append event",
    mechanism: "out-of-order-window",
    hidden: true,
    critical: true,
    repeatSafe:
      "a buffered batch sent again after a lost acknowledgement has the same series and timestamps, so the ingester keeps one value per timestamp",
    topic: T,
  },
  {
    action: "register a device and its sensors (model, site, units, report intervals) before its samples are accepted",
    entity: "Device",
    shape: "overwrite current value",
    mechanism: "versioned-overwrite",
    critical: false,
    topic: T,
  },
] as const;

export const IOT_READS = [
  {
    action:
      "last-24-hour or ad hoc range query, merging the ingesters' head for the latest hours with stored blocks, behind a results cache",
    entity: "Block",
    shape: "read source",
    staleness:
      "About one report interval plus the ingest delay behind; samples a device still buffers appear when they arrive, within the out-of-order window, so cached steps inside that window are kept only briefly.",
    topic: T,
  },
  {
    action: "find a device's series by device id, site or model, then query their last 24 hours",
    entity: "Device",
    shape: "read source",
    staleness:
      "a device registered a moment ago is found at once; its newest samples show after the ingest delay, and late ones appear when they arrive",
    topic: T,
  },
] as const;

export const IOT_INVARIANTS = [
  "A Sample up to the out-of-order window older than its series' newest timestamp is accepted and stored in timestamp order, however late its device sends it; a repeat of the same series and timestamp keeps one value, and only a sample older than the window is refused, counted per device.",
  "Every series belongs to one registered Device, whose id is one of its labels; samples from an unknown device are refused, so a misconfigured device cannot create series without bound.",
];

/** The mechanism that keeps each device rule it names: late samples by a window behind each series' newest one. */
export const IOT_KEPT_BY: Readonly<Record<string, MechanismId>> = {
  [IOT_INVARIANTS[0] as string]: "out-of-order-window",
};

export const IOT_FAILURES = [
  {
    failure:
      "A device comes back after hours offline and uploads its buffer, older than the out-of-order window, and that gap stays in every chart",
    role: "truth",
    prevention:
      "Size the out-of-order window to the longest offline spell devices are expected to buffer, and send anything older through a backfill path that writes its own blocks for the compactor to merge",
    repair: "Replay the device's or its gateway's buffer through the backfill path and compact the blocks in",
    topic: T,
  },
  {
    failure:
      "A device with a wrong clock stamps samples hours ahead, so its later, correct samples fall behind the window and are refused",
    role: "truth",
    prevention:
      "Refuse samples stamped further ahead of the server's clock than a small grace period, and have devices take their time from the gateway or NTP",
    repair: "Drop the future-stamped samples from the head and let the device resend its buffer with corrected times",
    topic: T,
  },
  {
    failure:
      "A fleet-wide firmware update changes a label on every device at once, so every series is new and ingester memory doubles until the old series age out",
    role: "derived",
    prevention:
      "Keep firmware and other changing attributes in the Device record, not in series labels, and roll updates out in waves",
    repair: "Relabel at the distributor back to the stable label set and let the orphaned series go stale",
    topic: T,
  },
] as const;

export const IOT_BOTTLENECKS = [
  {
    bottleneck:
      "Device cardinality: every sensor of every device is its own series, held in the in-memory head of each ingester it replicates to",
    mitigation:
      "Keep only the device id and sensor as series labels (the rest in the Device record), add ingesters as the fleet grows, and cap series per tenant",
    formula: { yields: "active series held in ingester memory", expression: "series * replicas", unit: "series" },
    topic: T,
  },
  {
    bottleneck:
      "Retained bytes: raw samples for the raw retention, then only rollups for the rest of the retention, once compaction has merged the replicas' copies",
    mitigation:
      "Shorten the raw retention, keep 5-minute and 1-hour rollups for the rest, and keep blocks in object storage",
    formula: {
      yields: "bytes retained, raw then rollups",
      expression:
        "samples_per_sec * sample_bytes * 86400 * min(raw_retention_days, retention_days) + series * 86400 / rollup_seconds * rollup_bytes * (retention_days - min(raw_retention_days, retention_days))",
      unit: "B",
    },
    topic: T,
  },
  {
    bottleneck:
      "A last-24-hour query over many devices reads every raw point of the day, from the ingesters' head for the latest hours and from blocks for the rest",
    mitigation:
      "Split the day by time across queriers, cache step-aligned results outside the out-of-order window, and cap the series one query may touch",
    formula: {
      yields: "raw points one last-24-hour query reads",
      expression: "series_per_query * 86400 / scrape_seconds",
      unit: "points",
    },
    topic: T,
  },
] as const;

/** The IoT model's own inputs and figures; `capacity.ts` adds the ingest tier's figures it shares with the base. */
export const IOT_CAPACITY: CapacityModel = {
  inputs: [
    // first: the series read back from a stated sample rate divide by it
    inp("scrape_seconds", 15, "a planning figure: a sensor reports every few seconds to a minute"),
    {
      quantity: "devices",
      typical: 1000000,
      why: "a planning figure: a fleet of about a million devices",
      from: { expression: "clients", why: "each stated device holds one connection to the ingest tier" },
    },
    inp("sensors_per_device", 10, "a planning figure: a device carries about ten sensors, each its own series"),
    {
      quantity: "series",
      typical: 10000000,
      why: "a million devices with about ten sensors each",
      from: { expression: "devices * sensors_per_device", why: "every sensor of every device is one series" },
    },
    inp("retention_days", 365, "sensor data is commonly kept for a year"),
    inp(
      "raw_retention_days",
      30,
      "a planning figure: raw samples for a month, so recent data zooms in fully; Thanos keeps raw, 5-minute and 1-hour data under separate retentions",
    ),
    inp("rollup_seconds", 300, "Thanos's first rollup resolution is five minutes, made for blocks older than 40 hours"),
    inp(
      "rollup_bytes",
      16,
      "a planning figure: a rollup bucket keeps a few aggregates (min, max, sum, count), about 16 bytes compressed",
    ),
    inp(
      "series_per_query",
      100,
      "a planning figure: a dashboard panel over one site's devices reads about a hundred series",
    ),
    {
      quantity: "samples_per_sec",
      from: { expression: "series / scrape_seconds", why: "every sensor reports once per interval" },
    },
    {
      quantity: "ingest_append_seconds",
      label: "time for the distributor to write a batch to its ingesters' WAL and head and acknowledge it",
      unit: "s",
      typical: 0.05,
      why: "a planning figure: one round trip inside the region to each replica ingester plus a WAL append, tens of milliseconds; measure it",
    },
  ],
  figures: [
    fig(
      "retained_bytes",
      "bytes retained: raw samples for the raw retention, rollups for the rest",
      "storage",
      "samples_per_sec * sample_bytes * 86400 * min(raw_retention_days, retention_days) + series * 86400 / rollup_seconds * rollup_bytes * (retention_days - min(raw_retention_days, retention_days))",
      "B",
    ),
    fig(
      "raw_bytes_retained",
      "raw samples kept for the raw retention",
      "storage",
      "samples_per_sec * sample_bytes * 86400 * min(raw_retention_days, retention_days)",
      "B",
    ),
    fig("devices_reporting", "devices reporting", "count", "series / sensors_per_device", "devices"),
    // a pushed sample is queryable once an ingester has appended it to its in-memory head (the WAL write the write
    // path acknowledges), so its freshness is the device's send plus that write, never a later indexing step
    {
      ...fig(
        "queryable_seconds",
        "longest time from a device sending a sample to it being queryable (its send + the ingesters' head append)",
        "time",
        "client_rtt_seconds + ingest_append_seconds",
        "s",
      ),
      bound: "propagation_seconds",
    },
    fig(
      "query_points",
      "raw points one last-24-hour query reads",
      "rate",
      "series_per_query * 86400 / scrape_seconds",
      "points",
    ),
  ],
  // a last-24-hour query on a results-cache miss: the query frontend, the device registry (devices to series), the
  // older hours' blocks from object storage, the day's points scanned on queriers in parallel, then merged
  latencyPath: {
    serves: "one last-24-hour query",
    steps: [
      "client_rtt_seconds",
      "gateway_seconds",
      "store_read_seconds",
      "block_fetch_seconds",
      "query_scan_seconds",
      "service_seconds",
    ],
    inputs: [
      inp(
        "block_fetch_seconds",
        0.1,
        "AWS's S3 performance guide puts small requests' median latency in the tens of milliseconds, so 100 ms covers the slowest of a query's parallel block reads; a chunk cache on the queriers spares most of them",
      ),
      inp(
        "scan_points_per_sec",
        10000000,
        "a planning figure: decoding compressed chunks and summing them runs at millions to tens of millions of points a second on one core; measure it",
      ),
      inp(
        "query_splits",
        24,
        "a planning choice: the query frontend splits the day by hour and runs the pieces in parallel",
      ),
      {
        quantity: "query_scan_seconds",
        from: {
          expression: "series_per_query * 86400 / scrape_seconds / (scan_points_per_sec * query_splits)",
          why: "the raw points one query reads, over what the queriers running its pieces in parallel decode a second",
        },
      },
    ],
  },
};

export const IOT_COMPONENTS: ComponentSpec[] = [
  {
    id: "agents",
    name: "Devices and gateways (buffer while offline, push batches)",
    kind: "client",
    runs: ["read sensors", "buffer while offline", "push batches", "resend unacknowledged batches"],
    because:
      "a device is often offline: it keeps its readings and sends them late, so ingest must take samples out of order",
    topic: T,
  },
  {
    id: "device-registry",
    name: "Device registry (devices, sensors, units)",
    kind: "store",
    holds: ["Device"],
    runs: ["register device", "look up device", "list a site's devices"],
    because:
      "each series' meaning (model, unit, site) lives once per device, out of the series labels, so a changing attribute never creates new series",
    topic: T,
  },
  {
    id: "results-cache",
    name: "Query results cache (step-aligned, short-lived inside the out-of-order window)",
    kind: "cache",
    runs: ["cache step-aligned results"],
    because:
      "repeated last-24-hour panels are answered from cached time steps, and steps that late samples may still change are kept only briefly",
    topic: T,
  },
];

export const IOT_LINKS: LinkSpec[] = [
  { from: "distributors", to: "device-registry", kind: "request", label: "known device (cached)", topic: T },
  { from: "queriers", to: "device-registry", kind: "request", label: "devices to series", topic: T },
  { from: "queriers", to: "results-cache", kind: "request", label: "cached steps", topic: T },
];

export const IOT_API: ApiSpec[] = [
  {
    operation: "write",
    call: "POST /api/v1/push",
    request: ["device_id", "series (sensor, timestamp, value)"],
    response: ["accepted"],
    errors: ["429 rate limited", "400 unknown device", "400 sample older than the out-of-order window"],
    guarantee:
      "acknowledged once a write quorum of ingesters appended it to their WAL; a late sample within the window is accepted",
    topic: T,
  },
  {
    operation: "register device",
    call: "PUT /v1/devices/{device_id}",
    request: ["model", "site", "sensors[] (name, unit, interval_s)"],
    response: ["version"],
    errors: ["409 version conflict"],
    guarantee: "the device's samples are accepted from the moment this returns",
    topic: T,
  },
];

export const IOT_DATA: DataSpec[] = [
  {
    entity: "Device",
    key: ["device_id"],
    fields: ["tenant", "model", "firmware", "site", "sensors", "last_seen", "version"],
    indexes: ["site", "model"],
    partitionKey: "device_id",
    owner: "device-registry",
    topic: T,
  },
];

export const IOT_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Ingest samples",
    notation:
      "agents>distributors[push a buffered batch {device registered}] -> distributors[check tenant limits {tenant under active series and rate limits}] -> distributors>ingesters[write to RF ingesters on the hash ring {sample within the out-of-order window of the series' newest timestamp}] -> ingesters>distributors[appended to WAL, merged in time order] -> distributors>agents[ack after write quorum] |-> distributors>agents[refuse the samples older than the window, counted per device {sample behind the window}] => done | retry | reject",
    topic: T,
  },
];

/** What an IoT design must draw and must not (coherence `iot-shape`). */
export const IOT_SHAPE = {
  deviceEntity: "Device",
  /** Residue of monitoring a server fleet: alert state and scraping. */
  residue: /\b(?:scrap(?:e|es|ed|er|ers|ing)|alert rules?|AlertState|pod names?|redundant scraper)\b/i,
  refusesLate: /out-of-order (?:or duplicate )?timestamp is refused/i,
} as const;
