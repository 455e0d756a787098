import type { ArchetypeInput } from "../../schema.js";
import { keptBy, type Topic, type TopicMark, unlessTopics } from "../../topics.js";
import {
  IOT_BOTTLENECKS,
  IOT_ENTITIES,
  IOT_FAILURES,
  IOT_INVARIANTS,
  IOT_KEPT_BY,
  IOT_READS,
  IOT_WRITES,
} from "./iot.js";
import {
  LOGS_BOTTLENECKS,
  LOGS_ENTITIES,
  LOGS_FAILURES,
  LOGS_INVARIANTS,
  LOGS_OVERLAY,
  LOGS_PREDICATES,
  LOGS_READS,
  LOGS_SCOPES,
  LOGS_SILHOUETTE,
  LOGS_TECHNOLOGIES,
  LOGS_WRITES,
} from "./logs.js";
import { protocols } from "./topology.js";
import {
  TRACES_BOTTLENECKS,
  TRACES_ENTITIES,
  TRACES_FAILURES,
  TRACES_INVARIANTS,
  TRACES_OVERLAY,
  TRACES_PREDICATES,
  TRACES_READS,
  TRACES_SCOPES,
  TRACES_SILHOUETTE,
  TRACES_TECHNOLOGIES,
  TRACES_WRITES,
} from "./traces.js";

/** Rows about monitoring a fleet of servers (alert rules, scraping, pod labels), which devices pushing readings drop. */
const I = "iot" as const;

/** The card of a pipeline of numbers (metrics, or readings devices push); log lines and trace spans replace its rows. */
const NUMBERS = {
  id: "I18",
  name: "Telemetry / Time-Series Pipeline",
  summary:
    "Owns high-volume ingestion, storage, querying and alerting over timestamped measurements: metrics, logs, traces and sensor readings. The authoritative state is the write-ahead log and immutable compressed blocks of samples per series, with a label index to find series and alert state derived from rule evaluation. The core correctness concern is that the pipeline keeps ingesting and alerting through failures and load spikes, loses at most a bounded gap of samples, keeps each series in time order, and never deletes data before its compacted replacement is durable. Typical systems are Prometheus with Thanos or Mimir, InfluxDB, Graphite, Datadog, log aggregation stacks and IoT sensor pipelines. Pull-based collectors (Prometheus) find targets through service discovery and scrape them; when a target or series disappears, a staleness marker ends the series so queries stop returning its last value instead of repeating it for the five-minute lookback; counters restart from zero when a process restarts, and rate and increase treat any drop as a reset rather than a negative change.",
  roles: ["truth", "derived", "coordination", "external effect"],
  /** Runs work (FRAMEWORK.md §9), so the entry carries the runtime overlay. */
  runtime: true,
  signals: {
    phrases: [
      { text: "time series database", weight: 1 },
      { text: "metrics platform", weight: 1 },
      { text: "monitoring system", weight: 1 },
      { text: "metrics collection", weight: 1 },
      { text: "metrics pipeline", weight: 1 },
      { text: "metrics store", weight: 1 },
      { text: "metrics database", weight: 1 },
      { text: "telemetry pipeline", weight: 1 },
      { text: "telemetry", weight: 0.9 },
      { text: "log aggregation", weight: 0.9 },
      { text: "time series", weight: 0.8 },
      { text: "observability", weight: 0.8 },
      { text: "alert rule", weight: 0.8 },
      { text: "scrape metric", weight: 0.9 },
      { text: "scrape", weight: 0.4 },
      { text: "high cardinality", weight: 0.8 },
      { text: "downsampling", weight: 0.8 },
      { text: "log ingestion", weight: 0.8 },
      { text: "APM", weight: 0.8 },
      { text: "monitoring", weight: 0.6 },
      { text: "alerting", weight: 0.6 },
      { text: "trace span", weight: 0.7 },
      { text: "sensor data", weight: 0.7 },
      { text: "log collection", weight: 0.7 },
      { text: "centralized logging", weight: 0.9 },
      { text: "centralised logging", weight: 0.9 },
      { text: "logging pipeline", weight: 0.9 },
      { text: "log management", weight: 0.9 },
      { text: "log lines", weight: 0.6 },
      { text: "application logs", weight: 0.6 },
      { text: "IoT", weight: 0.6 },
      { text: "tracing", weight: 0.6 },
      { text: "gauge", weight: 0.6 },
      { text: "rollup", weight: 0.6 },
      { text: "metrics", weight: 0.5 },
      { text: "dashboard", weight: 0.4 },
      { text: "histogram", weight: 0.5 },
      { text: "cpu usage", weight: 0.5 },
      { text: "host agent", weight: 0.5 },
      { text: "real time analytics", weight: 0.5 },
      { text: "analytics event", weight: 0.5 },
      { text: "anomaly detection", weight: 0.4 },
      { text: "aggregate per minute", weight: 0.4 },
    ],
    systems: [
      { name: "Prometheus", aliases: [], weight: 1 },
      { name: "Thanos", aliases: [], weight: 1 },
      { name: "Mimir", aliases: ["Grafana Mimir"], weight: 1 },
      { name: "Cortex", aliases: [], weight: 0.9 },
      { name: "VictoriaMetrics", aliases: ["Victoria Metrics"], weight: 1 },
      { name: "InfluxDB", aliases: ["Influx DB", "InfluxData"], weight: 1 },
      { name: "Graphite", aliases: [], weight: 1 },
      { name: "OpenTSDB", aliases: [], weight: 1 },
      { name: "M3DB", aliases: ["M3"], weight: 1 },
      { name: "Gorilla", aliases: ["Facebook Gorilla"], weight: 0.9 },
      { name: "Monarch", aliases: ["Google Monarch"], weight: 0.9 },
      { name: "Datadog", aliases: [], weight: 1 },
      { name: "TimescaleDB", aliases: ["Timescale"], weight: 0.9 },
      { name: "Grafana", aliases: [], weight: 0.7 },
      { name: "Loki", aliases: ["Grafana Loki"], weight: 0.9 },
      { name: "Jaeger", aliases: [], weight: 0.8 },
      { name: "Zipkin", aliases: [], weight: 0.8 },
      { name: "OpenTelemetry", aliases: ["OTel"], weight: 0.8 },
      { name: "Splunk", aliases: [], weight: 0.8 },
      { name: "New Relic", aliases: [], weight: 0.8 },
      { name: "CloudWatch", aliases: ["Amazon CloudWatch", "AWS CloudWatch"], weight: 0.8 },
      {
        name: "Druid",
        aliases: ["Apache Druid"],
        weight: 0.6,
        sharedBecause:
          "Druid ingests event streams as time-partitioned segments here, and serves OLAP projections (I06)",
      },
    ],
  },
  entities: [
    {
      name: "Sample",
      description:
        "One measurement (series, timestamp, value) appended to an ingester's write-ahead log and in-memory head block.",
      truth: true,
    },
    {
      name: "Block",
      description:
        "An immutable, compressed chunk of samples for a time range and set of series, with its own index, stored in object or local storage.",
      truth: true,
    },
    {
      name: "SeriesIndex",
      description: "The inverted index from label names and values to series ids, used to select series for a query.",
      truth: false,
    },
    {
      name: "Rollup",
      description:
        "Downsampled aggregates (count, sum, min and max per bucket) built from a closed, compacted time range of blocks for long-range queries; keeping count and sum, not only an average, lets averages and rates over several buckets be computed exactly.",
      truth: false,
    },
    {
      name: "AlertRule",
      unlessTopic: I,
      description:
        "A versioned rule definition: query expression, threshold, how long it must hold, labels and routing.",
      truth: true,
    },
    {
      name: "AlertState",
      unlessTopic: I,
      description:
        "Per-alert instance status (inactive, pending, firing, resolved) with its start time and last notification time.",
      truth: false,
    },
    // a device is the series' metadata, listed after the samples and blocks that are the store's own truth
    ...IOT_ENTITIES,
  ],
  writePaths: [
    ...IOT_WRITES,
    {
      unlessTopic: I,
      action: "append scraped or pushed samples to the write-ahead log and head block",
      entity: "Sample",
      shape: "append event",
      mechanism: "write-ahead-log",
      critical: true,
      repeatSafe:
        "a resent sample has the same series and timestamp, so the ingester keeps one value and a retry adds nothing",
    },
    {
      action: "replicate each series' samples to several ingesters chosen on the hash ring and ack on a write quorum",
      entity: "Sample",
      shape: "async process",
      mechanism: "quorum-read-write",
      hidden: true,
      critical: true,
    },
    {
      action: "register a new label set in the series index on its first sample",
      entity: "SeriesIndex",
      shape: "create target",
      mechanism: "put-if-absent",
      hidden: true,
      runs: {
        in: "request path",
        because: "the ingester registers the series inside the write that carries its first sample",
      },
    },
    {
      action: "cut the head into an immutable block and upload chunks and index before announcing it",
      entity: "Block",
      shape: "create target",
      mechanism: "publish-content-first",
      hidden: true,
      critical: true,
    },
    {
      action: "compact blocks and build downsampled rollups",
      entity: "Rollup",
      shape: "async process",
      mechanism: "rollup-downsampling",
      hidden: true,
    },
    {
      action: "delete blocks older than the retention period",
      entity: "Block",
      shape: "async process",
      mechanism: "log-compaction",
      hidden: true,
    },
    {
      unlessTopic: I,
      action: "evaluate a rule and move the alert between pending, firing and resolved",
      entity: "AlertState",
      shape: "state transition",
      mechanism: "guarded-transition",
      critical: true,
      runs: {
        in: "control loop",
        because: "the rule evaluator runs every rule on its evaluation interval; no caller waits for it",
      },
      repeatSafe:
        "evaluating a rule again over the same data computes the same alert state, so setting it again changes nothing; the notifier dedupes what it sends",
    },
  ],
  readPaths: [
    ...IOT_READS,
    {
      unlessTopic: I,
      action: "dashboard or ad hoc range query over recent data, merging head blocks and stored blocks",
      entity: "Block",
      shape: "read source",
      staleness:
        "About one scrape interval plus ingestion delay behind reality; recent points may still be missing from a lagging replica.",
    },
    {
      unlessTopic: I,
      action: "alert rule query over recent samples, read from the ingesters every evaluation interval",
      entity: "Sample",
      shape: "read source",
      staleness:
        "none: recent samples live only on the ingesters until their block is uploaded, so for the short windows that threshold rules use, the evaluator reads the ingesters, not object storage",
    },
    {
      action: "long-range query served from downsampled rollups",
      entity: "Rollup",
      shape: "read projection",
      staleness: "Hours behind and coarser in resolution, since rollups are built only after blocks are compacted.",
    },
  ],
  protocols,
  invariants: [
    ...IOT_INVARIANTS,
    "A Sample acknowledged to the agent is held by a write quorum of the ingesters its series replicates to, so it survives one ingester loss until its Block is uploaded; each ingester's write-ahead log covers only its own restart.",
    "Within one series, Samples are stored in timestamp order; an out-of-order or duplicate timestamp is refused or deduplicated, never interleaved.",
    "A source Block is deleted only after the compacted Block covering its range is durable and visible to queries.",
    "Each rule group is evaluated by one evaluator per interval, and AlertState changes only through rule evaluation.",
    "A new series is admitted only while its tenant is under its active-series limit, so one tenant's label explosion cannot exhaust ingester memory.",
  ],
  // a device's late samples are accepted within a window, a scraped server's refused; devices carry no alert rules
  invariantTopics: [
    ...IOT_INVARIANTS.map((statement) => ({ statement, topic: I, ...keptBy(statement, IOT_KEPT_BY) })),
    {
      statement:
        "Within one series, Samples are stored in timestamp order; an out-of-order or duplicate timestamp is refused or deduplicated, never interleaved.",
      unlessTopic: I,
    },
    {
      statement:
        "Each rule group is evaluated by one evaluator per interval, and AlertState changes only through rule evaluation.",
      unlessTopic: I,
    },
  ],
  contract: {
    api: [
      "write(tenant, batch of (labels, timestamp, value)) -> accepted | rate_limited | series_limit_exceeded",
      "queryRange(expression, start, end, step) -> series matrix at raw or rollup resolution",
      "series(matchers, start, end) -> label sets found in the series index",
      "putRule(group, expression, forDuration, labels) -> rule version",
      "alerts() -> pending and firing alerts with their start times",
    ],
    guarantees: [
      "Ingestion stays available through partial failure, shedding or dropping samples rather than blocking agents.",
      "Accepted samples survive a single ingester loss and are queryable within one scrape interval plus ingestion delay.",
      "An alert fires within one evaluation interval after its condition has held for the rule's duration, and notifications are deduplicated per alert fingerprint.",
    ],
  },
  predicates: [
    {
      id: "dedup-matters",
      topic: I,
      because:
        "a device resends a buffered batch after a lost acknowledgement, and replicated ingesters hold each sample more than once, so a repeat of series and timestamp must count once",
    },
    {
      id: "exclusivity-matters",
      topic: I,
      because: "one compactor per time range, or blocks overlap and a range is counted twice",
    },
    {
      id: "ordering-matters",
      because:
        "each series is compressed as time-ordered deltas, so samples must arrive and be stored in timestamp order",
    },
    {
      unlessTopic: I,
      id: "dedup-matters",
      because:
        "redundant scraper pairs and replicated ingesters produce the same sample more than once, which must not double sums",
    },
    {
      id: "lww-acceptable",
      because: "two copies of a sample at the same series and timestamp can collapse to one value without harm",
    },
    {
      id: "derived-read",
      entities: ["Rollup"],
      because:
        "long-range queries read rollups and every query selects series through the label index, both rebuilt from blocks",
    },
    {
      id: "derived-read",
      entities: ["SeriesIndex"],
      because: "every query selects series through the label index, a copy rebuilt from blocks",
    },
    {
      unlessTopic: I,
      id: "exclusivity-matters",
      because: "one evaluator per rule group and one compactor per time range, or alerts page twice and blocks overlap",
    },
    {
      unlessTopic: I,
      id: "external-effect",
      because: "alert notifications leave the system as pages, chat messages and webhooks",
    },
  ],
  failures: [
    ...IOT_FAILURES,
    {
      failure: "An ingester crashes and the samples held only in its memory head are lost.",
      role: "truth",
      prevention:
        "Append to a write-ahead log before acknowledging and replicate each series to several ingesters with a write quorum.",
      repair:
        "Replay the write-ahead log on restart; any unreplicated loss shows as a bounded gap, not corrupted data.",
    },
    {
      unlessTopic: I,
      failure: "Both members of a redundant scraper pair ship the same samples, so sums and rates double.",
      role: "derived",
      prevention:
        "Accept samples from one elected replica per cluster and drop the other's, or keep both and deduplicate by replica label at query time as well as at compaction.",
      repair: "Deduplicate at query time by ignoring the replica label, and recompact the affected blocks.",
    },
    {
      failure:
        "A label carrying unbounded values, such as a request id, creates millions of series and ingesters run out of memory.",
      role: "truth",
      prevention:
        "Enforce per-tenant series limits in the ingesters, which know which series are new, and refuse new series beyond them; enforce rate and label limits at the distributor.",
      repair:
        "Drop or relabel the offending metric at the agent and restart ingesters, which rebuild from the write-ahead log.",
    },
    {
      failure:
        "The compactor deletes source blocks before the compacted block finished uploading, and that time range disappears.",
      role: "immutable",
      prevention:
        "Upload all chunks and the index first, then mark sources deletable, and delete only after a grace period.",
      repair: "Recompact from the retained source blocks, or restore them from object-storage versioning.",
    },
    {
      unlessTopic: I,
      failure: "Two evaluators run the same rule group after a ring change and every alert pages twice.",
      role: "coordination",
      prevention:
        "Assign rule groups by ring ownership or a lease, and deduplicate notifications by alert fingerprint downstream.",
      repair:
        "The notifier drops the duplicate within the repeat interval, and the ring settles to one owner per group.",
    },
    {
      unlessTopic: I,
      failure: "Rule evaluation falls behind under query load, so alerts fire minutes late.",
      role: "derived",
      prevention:
        "Shard rule groups across evaluators, isolate them from dashboard queries, and alert on evaluation lag.",
      repair: "Add evaluators or split heavy groups, and precompute expensive expressions as recording rules.",
    },
    {
      unlessTopic: I,
      failure: "The monitoring pipeline itself stops and no alert reaches anyone.",
      role: "external effect",
      prevention: "Keep an always-firing watchdog alert that an outside service expects, and page when it goes silent.",
      repair: "Restore the pipeline, then review the gap from agents' local buffers and the write-ahead log.",
    },
    {
      failure:
        "A counter resets to zero when its process restarts, and a naive difference shows a huge negative rate or loses the increase",
      role: "derived",
      prevention:
        "Store raw cumulative counters and compute rates with reset-aware functions that treat a drop as a restart from zero",
      repair: "Recompute the affected rates from raw samples; nothing stored needs changing",
    },
    {
      unlessTopic: I,
      failure: "A target vanishes but queries keep showing its last value for minutes, hiding that it is gone",
      role: "derived",
      prevention:
        "Write a staleness marker when a scrape no longer returns a series or the target leaves service discovery, and alert on absent series explicitly",
      repair:
        "Once marked stale the series drops out of instant queries; the up metric and absent() alerts show the gap",
    },
  ],
  bottlenecks: [
    ...IOT_BOTTLENECKS,
    {
      unlessTopic: I,
      bottleneck:
        "Ingester memory: every active series lives in the in-memory head of each ingester it replicates to, so memory, not the sample rate, runs out first",
      mitigation:
        "Add ingesters to the ring as series grow, limit cardinality per tenant, and drop unused labels at the agent",
      formula: { yields: "active series held in ingester memory", expression: "series * replicas", unit: "series" },
    },
    {
      unlessTopic: I,
      bottleneck:
        "Retained bytes: roughly two bytes per compressed sample for the whole retention, once compaction has merged the replicated ingesters' copies into one",
      mitigation: "Shorten raw retention, downsample older data into rollups, and move blocks to object storage",
      formula: {
        yields: "compressed bytes retained",
        expression:
          "samples_per_sec * sample_bytes * 86400 * (min(raw_retention_days, retention_days) + retention_days * rollup_share)",
        unit: "B",
      },
    },
    {
      bottleneck:
        "Distributor CPU: every sample is validated, hashed to its series' ingesters and forwarded, so distributor cores grow with the sample rate",
      mitigation:
        "Add distributors behind the load balancer, since they are stateless, and lengthen scrape intervals for low-value series.",
      formula: {
        yields: "distributor cores needed",
        expression: "samples_per_sec / distributor_samples_per_core",
        unit: "cores",
      },
    },
    {
      unlessTopic: I,
      bottleneck: "Queries over many series and long ranges scan huge numbers of chunks.",
      mitigation:
        "Shard queries by time and series, serve long ranges from rollups, cache results by step-aligned range, and cap samples per query.",
    },
    {
      unlessTopic: I,
      bottleneck: "Series churn from short-lived labels such as pod names bloats the label index.",
      mitigation: "Keep churning identifiers out of labels and compact index blocks frequently.",
    },
  ],
  silhouette: {
    storage: "WAL/block store + label index + alert state",
    coordination: "ingest, compaction, rule evaluation",
    serving: "time-series query / alerting",
  },
  topicSilhouettes: [
    {
      topic: I,
      storage: "device registry + WAL/block store + rollups",
      coordination: "ingest ring, out-of-order window, compaction",
      serving: "time-series query over the ingesters' head and blocks",
    },
  ],
  technologies: [
    {
      product: "Prometheus",
      layer: "storage",
      fits: "A pull-based collector with a local time-series store (write-ahead log, head block, two-hour blocks) and built-in rule evaluation.",
      suits: ["low-latency", "operational-simplicity", "stay-available"],
      poorFor: ["long-retention", "multi-region", "durable"],
      caveat:
        "One server keeps one unreplicated copy, so durability and long retention need redundant pairs plus Thanos or Mimir.",
    },
    // Thanos compactor docs: it compacts blocks in object storage and downsamples them, and its resolutions are raw,
    // 5m (for blocks older than 40 hours) and 1h (older than 10 days) only, each kept under its own retention flag.
    // Grafana Mimir compactor docs: the compactor merges blocks, keeps the bucket index and deletes blocks past
    // retention; downsampling is not among its jobs.
    {
      product: "Thanos",
      layer: "storage",
      fits: "Long-term storage behind Prometheus servers: blocks uploaded to object storage, queried through store gateways, compacted and downsampled by one compactor per bucket to 5-minute and 1-hour resolutions beside the raw data.",
      suits: ["long-retention", "durable", "low-cost"],
      poorFor: ["operational-simplicity"],
      caveat:
        "The compactor knows only raw, 5-minute and 1-hour resolutions, each with its own retention; a range kept past the raw retention cannot be read at a finer step than 5 minutes.",
    },
    {
      product: "Grafana Mimir",
      layer: "storage",
      fits: "Horizontally scaled ingestion and querying over replicated ingesters on a hash ring, with blocks compacted into object storage and deleted past the retention period.",
      suits: ["long-retention", "elastic-scale", "durable", "high-throughput"],
      poorFor: ["operational-simplicity"],
      caveat:
        "Its compactor merges and deduplicates blocks and applies retention but does not downsample, so long ranges are read at full resolution; many components (distributors, ingesters, compactors, store gateways) must be sized and operated together.",
      lacks: ["rollup-downsampling"],
    },
    {
      product: "VictoriaMetrics",
      layer: "storage",
      fits: "A compact time-series store with high ingest per core and a Prometheus-compatible query API.",
      suits: ["high-throughput", "low-cost", "long-retention"],
      poorFor: ["multi-region"],
      caveat:
        "Cluster mode replicates only when a replication factor is configured, so durability otherwise rests on the disks.",
    },
    {
      product: "InfluxDB",
      layer: "storage",
      fits: "A time-series database with tag indexes, retention policies and push ingestion suited to sensor and event data.",
      suits: ["operational-simplicity", "low-latency"],
      poorFor: ["high-throughput", "elastic-scale"],
      caveat: "High-cardinality tags inflate the series index, so unbounded identifiers belong in fields, not tags.",
    },
    {
      unlessTopic: I,
      product: "Prometheus Alertmanager",
      layer: "serving",
      fits: "Groups, silences, deduplicates and routes fired alerts to pagers, chat and webhooks.",
      suits: ["stay-available", "at-least-once"],
      poorFor: ["exactly-once"],
      caveat:
        "Highly available peers share notification state by gossip, so a split between peers can send a notification twice.",
    },
    {
      // Grafana Mimir's key-value store and hash-ring pages: the hash ring is shared through a KV store, memberlist
      // gossip by default (no extra cluster), Consul or etcd as alternatives
      // (grafana.com/docs/mimir/latest/references/architecture/key-value-store, .../configure/configure-hash-rings).
      // Only gossip belongs to a stay-available row: Consul's servers and etcd commit through Raft and refuse writes
      // without a majority (developer.hashicorp.com/consul/docs/concept, "Consensus"; etcd.io/docs FAQ), so they are
      // the consistent alternative named in the caveat, not part of this choice
      product: "memberlist gossip for the hash ring",
      layer: "coordination",
      fits: "Distributors, ingesters and rule evaluators keep their ring tokens and health in a shared key-value store. Every distributor then maps a series to the same ingesters, and every rule group to one owner. Gossip needs no cluster of its own",
      suits: ["stay-available", "elastic-scale", "operational-simplicity"],
      poorFor: ["linearizable"],
      caveat:
        "Gossip converges in seconds, so two distributors may briefly disagree on a series' ingesters; replication to several ingesters and quorum writes absorb that, and Consul or etcd give one consistent view instead, at the cost of a cluster to run that takes no ring change while it lacks a majority",
    },
    {
      product: "Object storage (S3 or GCS) for compacted blocks",
      layer: "storage",
      fits: "It holds immutable, compressed time-series blocks and their indexes, uploaded after the in-memory head is cut and read back by queriers and compactors",
      suits: ["durable", "long-retention", "low-cost", "elastic-scale"],
      poorFor: ["low-latency"],
      caveat:
        "Recent samples still live in the ingesters' write-ahead log and memory; queries over old blocks need caching to stay fast",
    },
  ],
  connections: [
    {
      to: "I08",
      role: "decorator",
      why: "per-tenant ingestion rate and active-series limits are admission control in front of the ingesters",
    },
    {
      to: "I10",
      role: "input",
      why: "service discovery supplies the scrape targets, and ingester ring membership is kept by heartbeats",
    },
    {
      to: "I05",
      role: "input",
      why: "log and event pipelines buffer agents' output in an append log so storage outages do not drop data",
    },
    {
      to: "I12",
      role: "output",
      why: "alert notifications are external effects that need retries and deduplication by fingerprint",
    },
    {
      to: "I19",
      role: "substrate",
      why: "compacted blocks live in replicated object or block storage, which provides their durability",
    },
  ],
  overlay: {
    driver:
      "Scrape timers on collectors or push batches from agents for ingest, plus fixed intervals for rule evaluation and compaction.",
    unit: "A batch of samples from one scrape or push, one rule-group evaluation, or one compaction of a time range.",
    worker:
      "Ingesters owning hash-ring ranges of series, rule evaluators owning rule groups, and compactors owning time ranges.",
    slot: "Active series held in memory per ingester, and rule groups per evaluator.",
    state:
      "Authoritative: write-ahead logs, head blocks, uploaded blocks and alert rule definitions. Attempt: pending and firing alert state, notification log and compaction marks.",
    source: "Host agents, exporters, application SDKs and OpenTelemetry collectors.",
    sink: "Block storage in object stores, the query API behind dashboards, and notification channels.",
    fabric:
      "Distributor-to-ingester replication over a hash ring, optionally with an append-log buffer between agents and ingesters.",
    maintenance:
      "Compaction and downsampling, retention deletion, write-ahead log checkpointing, ring membership repair and cardinality audits.",
  },
  topicOverlays: [
    {
      topic: I,
      driver:
        "Devices and gateways push batches as they read their sensors, and resend what they buffered while offline; compaction runs on fixed intervals.",
      unit: "A batch of one device's samples, possibly hours old, or one compaction of a time range.",
      worker: "Ingesters owning hash-ring ranges of series, and compactors owning time ranges.",
      slot: "Active series held in memory per ingester, with each series' out-of-order window of late samples.",
      state:
        "Authoritative: the device registry, write-ahead logs, head blocks and uploaded blocks. Attempt: compaction marks.",
      source: "Devices, sensors and the gateways that buffer for them.",
      sink: "Block storage in object stores and the query API behind dashboards.",
      fabric: "Distributor-to-ingester replication over a hash ring.",
      maintenance:
        "Compaction and downsampling, raw and rollup retention, write-ahead log checkpointing, ring membership repair and device cardinality audits.",
    },
  ],
  /** The NFR stance a design takes when the prompt is silent, and where ordering, exclusivity and coordination hold. */
  stance: {
    consistency: "eventual",
    availability: "stay-available",
    delivery: "at-least-once",
    ordering: "per-key",
    durability: "durable",
    because:
      "telemetry must keep ingesting during trouble; a sender retries a failed write with backoff, and a resent sample (same series and timestamp) collapses to one value, so delivery is at least once while it retries; a sample dropped after the sender's retry budget is an accepted gap, a stalled pipeline is not",
    scopes: {
      ordering: { scope: "key", why: "samples of one series arrive in time order" },
      exclusivity: {
        scope: "shard",
        why: "each series lives on several ingesters the hash ring picks for it, with no leader among them, while one evaluator runs a rule group and one compactor a time range",
      },
      coordination: {
        scope: "shard",
        why: "the ingest path needs no consensus or leader (a leaderless write quorum); only rule evaluation and compaction are assigned per shard, by ring ownership or a lease",
      },
    },
  },
  topicScopes: [
    {
      topic: I,
      ordering: {
        scope: "key",
        why: "samples of one series are stored in time order, late ones merged in within the out-of-order window",
      },
      exclusivity: {
        scope: "shard",
        why: "each series lives on several ingesters the hash ring picks for it, with no leader among them, while one compactor owns a time range",
      },
      coordination: {
        scope: "shard",
        why: "the ingest path needs no consensus or leader (a leaderless write quorum); only compaction is assigned per time range",
      },
    },
  ],
} satisfies ArchetypeInput;

/** Subjects whose records are not numbers: the series, samples, blocks and alert rules of the rows above never apply. */
const RECORDS: readonly Topic[] = ["logs", "traces"];

const invariantMark = (statement: string): { statement: string; topic?: Topic; unlessTopic?: TopicMark } =>
  NUMBERS.invariantTopics.find((x) => x.statement === statement) ?? { statement };

export const card = {
  ...NUMBERS,
  entities: [...LOGS_ENTITIES, ...TRACES_ENTITIES, ...unlessTopics(NUMBERS.entities, RECORDS)],
  writePaths: [...LOGS_WRITES, ...TRACES_WRITES, ...unlessTopics(NUMBERS.writePaths, RECORDS)],
  readPaths: [...LOGS_READS, ...TRACES_READS, ...unlessTopics(NUMBERS.readPaths, RECORDS)],
  invariants: [...LOGS_INVARIANTS, ...TRACES_INVARIANTS, ...NUMBERS.invariants],
  invariantTopics: [
    ...LOGS_INVARIANTS.map((statement) => ({ statement, topic: "logs" as const })),
    ...TRACES_INVARIANTS.map((statement) => ({ statement, topic: "traces" as const })),
    ...unlessTopics(NUMBERS.invariants.map(invariantMark), RECORDS),
  ],
  predicates: [...LOGS_PREDICATES, ...TRACES_PREDICATES, ...unlessTopics(NUMBERS.predicates, RECORDS)],
  failures: [...LOGS_FAILURES, ...TRACES_FAILURES, ...unlessTopics(NUMBERS.failures, RECORDS)],
  bottlenecks: [...LOGS_BOTTLENECKS, ...TRACES_BOTTLENECKS, ...unlessTopics(NUMBERS.bottlenecks, RECORDS)],
  technologies: [...LOGS_TECHNOLOGIES, ...TRACES_TECHNOLOGIES, ...unlessTopics(NUMBERS.technologies, RECORDS)],
  topicSilhouettes: [...NUMBERS.topicSilhouettes, LOGS_SILHOUETTE, TRACES_SILHOUETTE],
  topicOverlays: [...NUMBERS.topicOverlays, LOGS_OVERLAY, TRACES_OVERLAY],
  topicScopes: [...NUMBERS.topicScopes, LOGS_SCOPES, TRACES_SCOPES],
} satisfies ArchetypeInput;
