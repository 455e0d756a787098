import { fig, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { ArchetypeInput } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * A telemetry pipeline whose records are the spans of distributed traces (topic "traces", knowledge/topics.ts).
 * Each request carries a trace context from service to service; every service's SDK records a span (trace id, span
 * id, parent span id, service, operation, start, duration, tags, status) and hands it to an agent or collector.
 * What makes a trace useful is that it is whole: the keep-or-drop decision is made once per trace, either at the
 * head (from the trace id, or at the root, and carried downstream in the trace context) or at the tail (after
 * every span of the trace has reached one collector, routed there by trace id and held for a decision window).
 * Kept spans are stored by trace id, so a whole trace is one read, beside an index by service, operation, tags,
 * duration and time for search; both lapse by a time to live at the retention. No series or alert rule is drawn.
 *
 * Facts, checked against primary sources:
 * - W3C Trace Context: the `traceparent` header carries version, a 16-byte trace id, the 8-byte parent span id and
 *   trace flags, whose lowest bit is "sampled": the caller may have recorded the trace, and a downstream service
 *   following a parent-based sampler keeps the same decision. OpenTelemetry's `parentbased_traceidratio` sampler
 *   derives the decision from the trace id, so every service reaches the same answer for the same trace.
 * - OpenTelemetry Collector contrib, tail sampling processor README: every span of a trace must reach the same
 *   collector instance for a correct decision; `decision_wait` (default 30 s) is how long it waits after a trace's
 *   first span, and `num_traces` (default 50,000) how many traces it holds in memory; a trace-id-aware load
 *   balancing exporter in front routes spans by trace id.
 * - Jaeger documentation ("Storage Backends", FAQ): Cassandra, Elasticsearch and OpenSearch are the primary
 *   distributed span stores; Cassandra is a key-value store that is efficient for a trace by id, with search built
 *   on index tables, and the project recommends OpenSearch or Elasticsearch for search at scale. Jaeger's Cassandra
 *   schema gives trace data a default time to live (`trace_ttl`). The service dependency graph is computed by batch
 *   or streaming jobs (spark-dependencies), since scanning every stored trace on demand is too costly.
 * Planning figures (span size, spans per trace, collector throughput) are assumptions, said as such in their rows.
 */

const T = "traces" as const;

export const TRACES_ENTITIES = [
  {
    name: "Span",
    description:
      "One timed operation of a trace: trace id, span id, parent span id, service, operation, start time, duration, status and tags; stored under its trace id, so a trace is every span with that id, and it lapses by its time to live at the retention.",
    truth: true,
    topic: T,
  },
  {
    name: "TraceIndex",
    description:
      "Search entries for kept traces by service, operation, tag values, duration and start time, each pointing at a trace id; written with the spans and lapsing with them.",
    truth: false,
    topic: T,
  },
  {
    name: "DependencyLink",
    description:
      "A caller-to-callee edge between two services with its call count for a day, computed from stored spans by a batch job.",
    truth: false,
    topic: T,
  },
] as const;

export const TRACES_WRITES = [
  {
    action: "write each kept span to the span store under its trace id, with the retention as its time to live",
    entity: "Span",
    shape: "append event",
    mechanism: "ttl-expiry",
    critical: true,
    repeatSafe:
      "a span resent after a lost acknowledgement has the same trace id and span id, so writing it again overwrites the same row",
    topic: T,
  },
  {
    action:
      "decide once per trace whether it is kept (from its trace id's hash or its root's sampled flag, or, with the whole trace held at one collector, from its errors and latency) and drop every span of a trace that is not",
    entity: "Span",
    shape: "state transition",
    mechanism: "trace-sampling",
    critical: true,
    repeatSafe: "deciding again for the same trace id gives the same answer, so a resent span meets the same decision",
    runs: {
      in: "request path",
      because: "the collector applies the trace's decision to each batch of spans as it arrives",
    },
    topic: T,
  },
  {
    action: "add the kept trace's service, operation, tags, duration and start time to the search index",
    entity: "TraceIndex",
    shape: "append event",
    mechanism: "ttl-expiry",
    hidden: true,
    topic: T,
  },
  {
    action: "aggregate a day of stored spans into caller-to-callee service links",
    entity: "DependencyLink",
    shape: "async process",
    mechanism: "replay-rebuild",
    hidden: true,
    topic: T,
  },
] as const;

export const TRACES_READS = [
  {
    action: "get a whole trace by its trace id, every span in one partition of the span store",
    entity: "Span",
    shape: "read source",
    staleness: "A span is readable once its collector has written it, seconds after the request ended.",
    topic: T,
  },
  {
    action: "search traces by service, operation, tags, duration and time range, then fetch the matching trace ids",
    entity: "TraceIndex",
    shape: "read projection",
    staleness: "Written with the spans, so a kept trace is found seconds after it ends.",
    topic: T,
  },
  {
    action: "show the service dependency graph for a day",
    entity: "DependencyLink",
    shape: "read projection",
    staleness: "As old as the last run of the dependency job, up to a day.",
    tolerates: "stale",
    topic: T,
  },
] as const;

export const TRACES_INVARIANTS = [
  "Every span of a trace gets the same sampling decision, made once per trace (at its head from the trace id, carried in the trace context, or at its tail by the one collector holding all its spans), so a trace is stored whole or not at all, and the kept share matches the sampling policy.",
  "A kept Span is stored under its trace id and found by it for the whole retention; it and its TraceIndex entries lapse at the same time by their time to live, so search never points at a trace that is gone.",
];

export const TRACES_FAILURES = [
  {
    failure:
      "Services disagree on the decision (one samples on its own random number, or drops the incoming sampled flag), so stored traces have holes",
    role: "truth",
    prevention:
      "Use a parent-based sampler everywhere: the root decides from the trace id, and every service honours the sampled flag it receives in traceparent",
    repair: "Fix the misconfigured service's sampler; broken traces age out with their time to live",
    topic: T,
    chosen: { decision: "i18-trace-sampling", options: ["head"] },
  },
  {
    failure:
      "Spans of one trace reach two collectors (the router's collector list changed mid-trace, or an agent sent past the router), so each decides on part of the trace and stored traces have holes",
    role: "truth",
    prevention:
      "Route every span by a consistent hash of its trace id through the trace-id router, change the collector set rarely and behind a drain, and keep a cache of recent decisions so a late span follows its trace's",
    repair: "The split trace is stored in part or not at all and ages out with its time to live; fix the route",
    topic: T,
    chosen: { decision: "i18-trace-sampling", options: ["tail"] },
  },
  {
    failure:
      "A collector holds more traces in its decision window than it has room for (a traffic burst, or a decision wait set long), so it evicts traces before deciding and loses errors it was meant to keep",
    role: "derived",
    prevention:
      "Size each collector's trace buffer as new traces a second times the decision wait, add collectors behind the router before it fills, and count evicted traces",
    repair:
      "Evicted traces are lost; widen the buffer or the collector tier, and shorten the decision wait if traces end sooner",
    topic: T,
    chosen: { decision: "i18-trace-sampling", options: ["tail"] },
  },
  {
    failure: "A collector crashes with unacknowledged span batches in memory, or a span store node goes down",
    role: "truth",
    prevention:
      "Collectors hold no state, so agents send each batch to any live collector and resend a batch that was not acknowledged (a resent span lands again under its trace id and span id); the span store keeps every span on more than one node and still accepts writes while one replica is down",
    repair:
      "Replace the collector, which takes batches at once; spans an agent could not buffer meanwhile are lost and their traces show as incomplete; the store node is rebuilt from its replicas",
    topic: T,
    chosen: { decision: "i18-trace-sampling", options: ["head"] },
  },
  {
    failure: "A collector crashes holding the traces of its decision window in memory, or a span store node goes down",
    role: "truth",
    prevention:
      "The trace-id router moves the dead collector's share of the hash ring to the others, and agents resend unacknowledged batches through it (a resent span lands again under its trace id and span id); the span store keeps every span on more than one node and still accepts writes while one replica is down",
    repair:
      "Traces held by the dead collector are lost, or decided later on the spans that arrive after the move, and show as incomplete; replace the collector, and rebuild the store node from its replicas",
    topic: T,
    chosen: { decision: "i18-trace-sampling", options: ["tail"] },
  },
  {
    failure:
      "The span store slows down and collectors' queues fill, so spans are dropped at the collectors before they are written",
    role: "truth",
    prevention:
      "Bound each collector's queue, put a durable buffer between collectors and the store if losses must be near zero, and alert on dropped spans",
    repair: "Add store nodes or collectors; dropped spans are lost, and the affected traces show as incomplete",
    topic: T,
  },
  {
    failure:
      "One service emits very large traces (thousands of spans) and fills one store partition and one collector's memory",
    role: "derived",
    prevention: "Cap spans per trace and tag bytes per span at the SDK and the collector, and count what is cut",
    repair: "Mark the trace as truncated in the UI; the rest of its spans are still readable",
    topic: T,
  },
] as const;

/** The usual conditions of a tracing backend, said in its own terms. */
export const TRACES_PREDICATES = [
  {
    id: "dedup-matters",
    topic: T,
    because:
      "an agent resends a span batch after a lost acknowledgement, so a span must be stored once under its trace id and span id",
  },
  {
    id: "derived-read",
    topic: T,
    because: "trace search reads index entries written beside the spans, and the dependency graph is built from them",
  },
] as const;

export const TRACES_BOTTLENECKS = [
  {
    bottleneck:
      "Collector ingest: every span of every request reaches a collector before the sampling decision drops most",
    mitigation:
      "Decide at the root where possible (services then send only kept spans), add collectors as spans grow (behind a load balancer while the decision needs only the trace id; behind the trace-id router where it waits for the whole trace)",
    formula: {
      yields: "span bytes reaching the collectors a second",
      expression: "spans_per_sec * span_bytes",
      unit: "B/s",
    },
    topic: T,
  },
  {
    bottleneck: "Span store writes and bytes: kept spans with their index entries, replicated, for the retention",
    mitigation: "Keep the sampling rate, cap tags per span, and let the time to live drop whole partitions by day",
    formula: {
      yields: "bytes the span store keeps across replicas",
      expression: "spans_per_sec * trace_sample_share * span_bytes * 86400 * retention_days * replicas",
      unit: "B",
    },
    topic: T,
  },
] as const;

/** The tracing pipeline's own inputs and figures: spans in, spans kept, bytes kept for the retention. */
export const TRACES_CAPACITY: CapacityModel = {
  inputs: [
    inp(
      "spans_per_sec",
      100000,
      "a planning figure: a mid-sized fleet of traced services emits about 100k spans a second",
    ),
    inp(
      "trace_sample_share",
      0.01,
      "a planning figure: busy fleets keep about one trace in a hundred, with errors and slow traces kept by rule if tail sampling is chosen",
    ),
    {
      quantity: "span_bytes",
      typical: 500,
      why: "a planning figure: ids, service, operation, timestamps and a handful of tags come to a few hundred bytes",
    },
    {
      quantity: "spans_per_trace",
      typical: 20,
      why: "a planning figure: a request crosses about ten services with a couple of spans each",
    },
    {
      quantity: "collector_spans_per_sec",
      typical: 100000,
      why: "a planning figure: a collector instance handles on the order of a hundred thousand small spans a second; measure it",
    },
    inp("retention_days", 7, "a planning figure: traces are kept about a week, long enough to investigate an incident"),
    inp("replicas", 3, "the span store keeps three copies of each partition"),
  ],
  figures: [
    fig(
      "ingest_span_bytes",
      "span bytes reaching the collectors a second",
      "bandwidth",
      "spans_per_sec * span_bytes",
      "B/s",
    ),
    fig("traces_per_sec", "traces started a second", "rate", "spans_per_sec / spans_per_trace", "traces/s"),
    fig(
      "kept_spans_per_sec",
      "spans kept and written a second (the sampling rate of every span)",
      "rate",
      "spans_per_sec * trace_sample_share",
      "spans/s",
    ),
    fig(
      "kept_traces_per_sec",
      "whole traces kept a second",
      "rate",
      "spans_per_sec * trace_sample_share / spans_per_trace",
      "traces/s",
    ),
    fig(
      "kept_span_bytes_per_sec",
      "span bytes written to the store a second",
      "bandwidth",
      "spans_per_sec * trace_sample_share * span_bytes",
      "B/s",
    ),
    fig(
      "span_store_bytes",
      "span bytes kept for the retention across replicas",
      "storage",
      "spans_per_sec * trace_sample_share * span_bytes * 86400 * retention_days * replicas",
      "B",
    ),
    fig(
      "collectors_needed",
      "collector instances for the incoming spans",
      "count",
      "spans_per_sec / collector_spans_per_sec",
      "collectors",
      true,
    ),
  ],
};

export const TRACES_COMPONENTS: ComponentSpec[] = [
  {
    id: "traced-services",
    name: "Instrumented services (tracing SDK, trace context propagation)",
    kind: "client",
    runs: ["start and end spans", "propagate traceparent", "sample at the root", "export batches"],
    because:
      "each service records its own spans and passes the trace id and the sampled flag to the next call, so spans of one request join up",
    topic: T,
  },
  {
    id: "trace-agents",
    name: "Agents (one per host: batch and forward spans)",
    kind: "gateway",
    runs: ["receive spans", "batch", "forward to collectors"],
    because: "a local agent takes spans cheaply from the services and ships them in batches, retrying on failure",
    topic: T,
  },
  {
    id: "collectors",
    name: "Collectors (validate, sample per trace, write)",
    kind: "service",
    runs: ["validate spans", "apply the trace's sampling decision", "write kept spans and index entries"],
    because:
      "a tier that applies one decision per trace and writes only what is kept, sharing no state between collectors, so it scales with the incoming spans",
    topic: T,
  },
  {
    id: "span-store",
    name: "Span store (partitioned by trace id, TTL at the retention)",
    kind: "store",
    holds: ["Span", "TraceIndex"],
    runs: ["store spans by trace id", "index by service, operation, tags, duration", "expire by time to live"],
    because:
      "keying spans by trace id makes a whole trace one partition read, and the time to live removes them at the retention",
    topic: T,
  },
  {
    id: "trace-query",
    name: "Query service and UI (trace by id, search)",
    kind: "service",
    runs: ["get trace by id", "search by service and tags", "assemble the span tree"],
    because: "readers find traces through the index and read each one whole by its id",
    topic: T,
  },
  {
    id: "dependency-job",
    name: "Dependency job (daily batch over stored spans)",
    kind: "control-loop",
    holds: ["DependencyLink"],
    runs: ["aggregate caller-callee pairs"],
    because: "the service graph is too costly to compute from every trace on demand, so a batch job builds it",
    topic: T,
  },
];

/** Tail sampling's tier in front of the collectors: every span of a trace reaches the one collector that decides it. */
export const TRACES_ROUTER: ComponentSpec = {
  id: "trace-router",
  name: "Trace-id router (load-balancing exporter: every span of a trace to one collector)",
  kind: "gateway",
  runs: ["hash each span's trace id onto the collector ring", "forward to that trace's collector"],
  because:
    "a tail decision needs the whole trace in one place, so a routing tier sends every span with the same trace id to the same collector",
  topic: T,
  chosen: { decision: "i18-trace-sampling", options: ["tail"] },
};

export const TRACES_READERS: ComponentSpec = {
  id: "users",
  name: "Engineers (trace UI: search, open a trace)",
  kind: "client",
  runs: ["search traces", "open a trace"],
  because: "people find slow or failing requests and read their traces whole",
  topic: T,
};

export const TRACES_LINKS: LinkSpec[] = [
  { from: "traced-services", to: "trace-agents", kind: "request", label: "export spans", topic: T },
  {
    from: "trace-agents",
    to: "collectors",
    kind: "request",
    label: "span batches",
    topic: T,
    chosen: { decision: "i18-trace-sampling", options: ["head"] },
  },
  {
    from: "trace-agents",
    to: "trace-router",
    kind: "request",
    label: "every span batch",
    topic: T,
    chosen: { decision: "i18-trace-sampling", options: ["tail"] },
  },
  {
    from: "trace-router",
    to: "collectors",
    kind: "request",
    label: "spans by trace id",
    topic: T,
    chosen: { decision: "i18-trace-sampling", options: ["tail"] },
  },
  { from: "collectors", to: "span-store", kind: "request", label: "write kept spans", topic: T },
  { from: "users", to: "trace-query", kind: "request", label: "find traces", topic: T },
  { from: "trace-query", to: "span-store", kind: "request", label: "index, then trace by id", topic: T },
  { from: "dependency-job", to: "span-store", kind: "control", label: "read a day of spans", topic: T },
];

export const TRACES_API: ApiSpec[] = [
  {
    operation: "export spans",
    call: "POST /v1/traces",
    request: [
      "resource (service)",
      "spans[] (trace_id, span_id, parent_span_id, operation, start, duration, status, tags)",
    ],
    response: ["accepted"],
    errors: ["429 slow down", "400 malformed span"],
    guarantee: "a kept span is stored under its trace id; spans of an unkept trace are dropped whole",
    topic: T,
  },
  {
    operation: "get trace",
    call: "GET /api/traces/{trace_id}",
    request: ["trace_id"],
    response: ["spans of the trace as a tree"],
    errors: ["404 not kept or past the retention"],
    guarantee: "every stored span of the trace, read from one partition",
    topic: T,
  },
  {
    operation: "search traces",
    call: "GET /api/traces?service=&operation=&tags=&minDuration=&start=&end=&limit=",
    request: ["service", "operation", "tags", "min and max duration", "start", "end", "limit"],
    response: ["trace summaries (trace_id, root operation, duration, span count)"],
    errors: ["400 time range too wide"],
    guarantee: "finds kept traces seconds after they end, for the retention",
    topic: T,
  },
];

export const TRACES_DATA: DataSpec[] = [
  {
    entity: "Span",
    key: ["trace_id", "span_id"],
    fields: ["parent_span_id", "service", "operation", "start_time", "duration", "status", "tags", "ttl"],
    indexes: ["TraceIndex (service, operation, tags, duration, start_time)"],
    partitionKey: "trace_id",
    owner: "span-store",
    topic: T,
  },
  {
    entity: "TraceIndex",
    key: ["service", "operation or tag", "start_time", "trace_id"],
    fields: ["duration", "ttl"],
    indexes: [],
    partitionKey: "service + day bucket",
    owner: "span-store",
    topic: T,
  },
];

export const TRACES_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Sample and store spans",
    notation:
      "traced-services>trace-agents[export a span batch {the root set the sampled flag, or the collector decides}] -> trace-agents>collectors[forward the batch] -> collectors[decide from the trace id {hash of trace_id below the sampling rate}] -> collectors>span-store[write kept spans under their trace id with TTL, and their index entries] -> span-store>collectors[ack] |-> collectors[drop every span of the trace {trace not sampled}] => done | reject",
    topic: T,
    chosen: { decision: "i18-trace-sampling", options: ["head"] },
  },
  {
    name: "Hold each trace, then keep or drop it whole",
    notation:
      "traced-services>trace-agents[export every span batch {no decision at the root}] -> trace-agents>trace-router[forward the batch] -> trace-router>collectors[send each span to its trace's collector {hash of trace_id on the collector ring}] -> collectors[hold the trace's spans {until the decision wait after its first span}] -> collectors>span-store[write the kept trace's spans under their trace id with TTL, and their index entries {an error, a duration past the slow threshold, or the base share by trace id}] -> span-store>collectors[ack] |-> collectors[drop the held trace {no policy keeps it}] => done | reject",
    topic: T,
    chosen: { decision: "i18-trace-sampling", options: ["tail"] },
  },
  {
    name: "Find and read a trace",
    notation:
      "users>trace-query[search service, operation, tags and duration over a time range] -> trace-query>span-store[read index entries for the range] -> trace-query>span-store[read each trace's spans by trace id {trace within the retention}] -> trace-query>users[span trees] => done",
    topic: T,
  },
];

/**
 * Words that ask for every failing or slow request to be kept whatever the base rate: tail sampling by name, "keep all
 * errors", "errors and slow requests must always be kept", "never drop a failed request's trace", "100% of errors".
 * Only a decision made after the whole trace has arrived knows how it ended, which is the tail option's win.
 */
const FAILURES = String.raw`(?:errors?|errored|error(?:ed)? (?:traces?|requests?|calls?)|fail(?:ed|ing) (?:requests?|traces?|calls?)|failures?|exceptions?|slow (?:traces?|requests?|calls?|responses?)|(?:high[- ]latency|outlier) (?:traces?|requests?)|(?:slow(?:est)?|failed|failing|erroring)(?: (?:and|or) (?:the )?(?:slow(?:est)?|failed|failing|erroring))? ones)`;
export const KEEP_FAILURES = String.raw`\btail[- ](?:based )?sampl\w*|\b(?:all|every|(?:always )?(?:keep|keeps|keeping|retain|retains|retaining|capture|captures|capturing|store|stores|storing|record|records|recording))\s+(?:of\s+)?(?:the\s+|each\s+|every\s+)?${FAILURES}\b|\b${FAILURES}\b[^.;]{0,50}\b(?:must|should|have to|need to|are|is|get|to be)\s+(?:always\s+|all\s+)?(?:be\s+)?(?:kept|retained|captured|stored|recorded)\b|\b${FAILURES}\b[^.;]{0,50}\bnever\s+(?:be\s+)?(?:dropped|lost|discarded|sampled (?:out|away))\b|\bnever\s+(?:drop|lose|discard|sample out)\s+(?:an?\s+|the\s+|any\s+)?${FAILURES}|\b100 ?%\s+of\s+(?:the\s+)?${FAILURES}`;

/** Head or tail: where the one decision per trace is made. */
export const TRACES_DECISIONS: DecisionPoint[] = [
  {
    id: "i18-trace-sampling",
    topic: T,
    question:
      "Decide whether a trace is kept at its head (from the trace id, carried in the trace context), or at its tail after all its spans have arrived?",
    options: [
      {
        id: "head",
        name: "head sampling: keep a trace when its trace id hashes below the rate, decided at the root and carried in traceparent's sampled flag",
        buys: "no state and no coordination: every service and collector reaches the same answer for the same trace id, and unkept spans can be dropped before they cost anything",
        costs:
          "the decision is blind to how the trace ends, so rare errors and slow traces are kept only at the base rate",
        winsWhen: "a uniform share of traces is asked for, or ingest cost matters more than catching every error",
        implies: { draws: ["sample at the root"] },
      },
      {
        id: "tail",
        name: "tail sampling: route every span by trace id to one collector, hold the trace for a decision window, then keep errors, slow traces and a base share",
        buys: "every error and slow trace is kept, since the decision sees the whole trace",
        costs:
          "every span must reach the collectors and be held for the window in memory, a trace-id-aware routing tier must sit in front, and late spans miss the decision",
        winsWhen: "errors or slow requests must always be kept whatever the base rate",
        implies: {
          names: [
            {
              component: "collectors",
              name: "Collectors (hold each trace for the decision wait, keep errors, slow traces and a base share)",
              runs: [
                "validate spans",
                "hold each trace's spans for the decision wait",
                "keep errors, slow traces and a base share",
                "write kept traces and index entries",
              ],
            },
          ],
          // the ingest mitigation that sends only kept spans decides at the root, which tail sampling does not
          excludes: [String.raw`\bdecide at the root\b`],
        },
        wins: [
          {
            words: KEEP_FAILURES,
          },
        ],
      },
    ],
    rules: [
      {
        when: [
          {
            words: KEEP_FAILURES,
          },
        ],
        option: "tail",
        because: "errors or slow traces must be kept whatever the base rate, which needs the whole trace to decide",
      },
    ],
    fallback: {
      option: "head",
      because:
        "a fixed share of traces is kept most cheaply by deciding from the trace id, so every service agrees without holding anything",
    },
  },
];

/** What a tracing design must draw and must not (coherence `traces-shape`). */
export const TRACES_SHAPE = {
  span: "Span",
  spanKey: "trace_id",
  sampling: "trace-sampling",
  /** Residue of monitoring numbers: series, samples scraped, alert state. */
  residue: /\b(?:scrap(?:e|es|ed|er|ers|ing)|alert rules?|AlertState|rule evaluat\w*|active series|series_id)\b/i,
} as const;

export const TRACES_TECHNOLOGIES: NonNullable<ArchetypeInput["technologies"]> = [
  {
    product: "OpenTelemetry SDKs and Collector",
    layer: "coordination",
    fits: "SDKs record spans and propagate traceparent; collectors receive OTLP, apply a trace-id ratio sampler or the tail sampling processor, and export to the span store",
    suits: ["high-throughput", "stay-available", "elastic-scale"],
    poorFor: ["exactly-once"],
    caveat:
      "Tail sampling needs every span of a trace at one collector (a trace-id-aware load-balancing tier in front) and holds traces in memory for its decision wait",
    topic: T,
  },
  {
    product: "Cassandra (spans partitioned by trace id)",
    layer: "storage",
    fits: "Spans partitioned by trace id with a table time to live at the retention, so a trace is one partition read and old data lapses without deletes",
    suits: ["high-throughput", "elastic-scale", "stay-available", "durable"],
    poorFor: ["rich-queries"],
    caveat:
      "Search runs on index tables Jaeger writes beside the spans, so ad hoc tag queries are limited; Jaeger recommends OpenSearch for search at scale",
    topic: T,
  },
  {
    product: "OpenSearch or Elasticsearch (spans as documents)",
    layer: "storage",
    fits: "Spans as documents in day-named indices, found by trace id or by any indexed tag, with whole indices dropped past the retention",
    suits: ["rich-queries", "high-throughput"],
    poorFor: ["low-cost"],
    caveat: "Indexing every tag costs more CPU and storage than a key-value store keyed by trace id",
    topic: T,
  },
];

export const TRACES_OVERLAY = {
  topic: T,
  driver: "Services export span batches as requests finish; the dependency job runs once a day.",
  unit: "A batch of spans from one agent, or one day's dependency aggregation.",
  worker: "Stateless collectors behind a load balancer, and span store nodes owning trace-id ranges.",
  slot: "Spans in flight per collector queue.",
  state:
    "Authoritative: kept spans in the span store. Derived: the search index and dependency links. Attempt: none beyond the collectors' queues.",
  source: "Instrumented services and the agents on their hosts.",
  sink: "The span store, read through the query service and UI.",
  fabric: "Agents to collectors by load balancer, collectors to the span store's partition owners by trace id.",
  maintenance: "Time-to-live expiry of spans and index entries, the daily dependency job, sampler rate changes.",
} as const;

export const TRACES_SILHOUETTE = {
  topic: T,
  storage: "span store keyed by trace id + search index, both with a time to live",
  coordination: "one sampling decision per trace, carried in the trace context",
  serving: "trace by id, and search by service, operation, tags and duration",
} as const;

export const TRACES_SCOPES = {
  topic: T,
  ordering: {
    scope: "none",
    why: "spans are assembled into a tree by parent id at read time, so arrival order does not matter",
  },
  exclusivity: {
    scope: "none",
    why: "no record has a single writer: each span is written once by whichever collector received it",
  },
  coordination: {
    scope: "none",
    why: "each trace is decided in one place (from its trace id, or by the one collector its spans are routed to), so collectors share no state",
  },
} as const;
