/**
 * The capacity model of each infra archetype: the inputs with values typical of that kind of
 * system (and why), and the figures every design of it should show.
 */
import type { ArchetypeId } from "../schema.js";
import type { CapacityFigureSpec, CapacityInputSpec, CapacityKind, CapacityModel } from "./types.js";

const inp = (quantity: string, typical?: number, why?: string): CapacityInputSpec =>
  typical === undefined ? { quantity } : { quantity, typical, why: why ?? "" };
const fig = (
  id: string,
  label: string,
  kind: CapacityKind,
  expression: string,
  unit: string,
  ceil?: boolean,
  sets?: string,
): CapacityFigureSpec => ({ id, label, kind, expression, unit, ...(ceil ? { ceil } : {}), ...(sets ? { sets } : {}) });
/** Total requests from whatever the prompt states: writes and reads, writes, reads, or users. */
const fromUsers = (typical: number, why: string): CapacityInputSpec => ({
  quantity: "requests_per_sec",
  typical,
  why,
  from: [
    { expression: "writes_per_sec + reads_per_sec", why: "the stated writes and reads together" },
    { expression: "writes_per_sec * (1 + read_write_ratio)", why: "the stated writes plus reads at the usual ratio" },
    {
      expression: "reads_per_sec * (1 + 1 / read_write_ratio)",
      why: "the stated reads plus writes at the usual ratio",
    },
    { expression: "users * requests_per_user_per_day / 86400", why: "each user's daily requests spread over a day" },
  ],
});

export const ARCHETYPE_CAPACITY: Readonly<Record<ArchetypeId, CapacityModel>> = {
  I01: {
    inputs: [
      inp(
        "changes_per_sec",
        500,
        "coordination metadata changes rarely: a busy cluster writes a few hundred changes a second",
      ),
      inp("clients", 10000, "every service instance of a large fleet holds one session with the store"),
      inp("subscribers", 20, "a few controllers and proxies watch each key range"),
      inp("replicas", 5, "five voters keep a majority through two failures"),
      inp("bytes_stored", 2e9, "etcd's default storage quota is 2 GB; coordination state is kept that small"),
    ],
    figures: [
      fig("peak_changes_per_sec", "peak metadata writes", "peak", "changes_per_sec * peak_factor", "writes/s"),
      fig("keepalive_writes_per_sec", "session keepalives", "rate", "clients / heartbeat_seconds", "writes/s"),
      fig(
        "leader_write_load",
        "writes through the one leader",
        "hotspot",
        "peak_changes_per_sec + keepalive_writes_per_sec",
        "writes/s",
      ),
      fig(
        "leader_utilisation",
        "share of one leader's write capacity in use",
        "hotspot",
        "leader_write_load / leader_writes_per_sec",
        "fraction",
      ),
      fig(
        "consensus_groups",
        "consensus groups needed",
        "count",
        "leader_write_load / (leader_writes_per_sec * target_utilisation)",
        "groups",
        true,
        "partitions",
      ),
      fig(
        "replication_msgs_per_sec",
        "replication messages sent by the leader",
        "bandwidth",
        "leader_write_load * (replicas - 1)",
        "msgs/s",
      ),
      fig(
        "watch_events_per_sec",
        "watch notifications at peak",
        "fan-out",
        "peak_changes_per_sec * subscribers",
        "events/s",
      ),
      fig(
        "snapshot_seconds",
        "time to ship a full snapshot to a new replica",
        "time",
        "bytes_stored / disk_write_bytes_per_sec",
        "s",
      ),
    ],
  },
  I02: {
    inputs: [
      inp("leases", 100000, "a large fleet holds on the order of a hundred thousand locks or leases at once"),
      inp("writes_per_sec", 1000, "acquires and releases are far rarer than renewals"),
      inp(
        "value_bytes",
        200,
        "a lease record (resource key, owner, fencing token, expiry) is a couple of hundred bytes",
      ),
    ],
    figures: [
      fig(
        "renewals_per_sec",
        "lease renewals (renewing every third of the TTL)",
        "rate",
        "3 * leases / lease_seconds",
        "writes/s",
      ),
      fig(
        "peak_lease_writes",
        "peak lease writes (renewals + acquires + releases)",
        "peak",
        "(renewals_per_sec + writes_per_sec) * peak_factor",
        "writes/s",
      ),
      fig(
        "consensus_groups",
        "consensus groups needed",
        "count",
        "peak_lease_writes / (leader_writes_per_sec * target_utilisation)",
        "groups",
        true,
        "partitions",
      ),
      fig(
        "writes_per_group",
        "lease writes on each group's leader",
        "hotspot",
        "peak_lease_writes / consensus_groups",
        "writes/s",
      ),
      fig("lease_state_bytes", "lease state across replicas", "storage", "leases * value_bytes * replicas", "B"),
      fig("idle_after_crash", "worst-case idle time after a holder crashes", "time", "lease_seconds", "s"),
    ],
  },
  I03: {
    inputs: [
      inp("timers", 10000000, "reminder and delayed-job systems commonly hold millions of pending timers"),
      inp("tasks_per_sec", 1000, "a shared scheduler fires about a thousand runs a second on average"),
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
        "3 * peak_fires_per_sec",
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
      fig(
        "timer_storage",
        "stored timer payloads across replicas",
        "storage",
        "timers * message_bytes * replicas",
        "B",
      ),
    ],
  },
  I04: {
    inputs: [
      {
        quantity: "items",
        typical: 1e9,
        why: "a web-scale frontier or large keyspace holds about a billion items",
        from: { expression: "items_per_sec * scan_period_seconds", why: "the stated visit rate over one pass" },
      },
      inp("object_bytes", 100000, "a fetched page or scanned batch is on the order of 100 KB"),
      inp("task_seconds", 2, "fetching or checking one item takes a second or two"),
      inp("slots_per_worker", 100, "an asynchronous fetcher keeps about a hundred visits in flight"),
      inp("value_bytes", 200, "a frontier entry (URL or key, next-visit time, priority) is a couple of hundred bytes"),
    ],
    figures: [
      fig(
        "visits_per_sec",
        "visits per second to finish a pass on time",
        "rate",
        "items / scan_period_seconds",
        "items/s",
      ),
      fig("fetch_bandwidth", "fetch bandwidth", "bandwidth", "visits_per_sec * object_bytes", "B/s"),
      fig("fetched_per_day", "bytes fetched per day", "growth", "visits_per_sec * object_bytes * 86400", "B/day"),
      fig(
        "workers_needed",
        "workers at the planned slots each",
        "count",
        "visits_per_sec * task_seconds / slots_per_worker",
        "workers",
        true,
        "workers",
      ),
      fig("frontier_bytes", "frontier size across replicas", "storage", "items * value_bytes * replicas", "B"),
      fig(
        "visits_per_shard",
        "visits per second per frontier shard",
        "hotspot",
        "visits_per_sec / partitions",
        "items/s",
      ),
    ],
  },
  I05: {
    inputs: [
      {
        quantity: "messages_per_sec",
        typical: 50000,
        why: "a shared event bus commonly carries tens of thousands of events a second",
        from: [
          { expression: "users * messages_per_sec_per_user", why: "each user's stated rate times the users" },
          { expression: "writes_per_sec", why: "every stated write is published as a record" },
        ],
      },
    ],
    figures: [
      fig("peak_messages_per_sec", "peak publish rate", "peak", "messages_per_sec * peak_factor", "msg/s"),
      fig("ingest_bandwidth", "peak ingest bandwidth", "bandwidth", "peak_messages_per_sec * message_bytes", "B/s"),
      fig(
        "partitions_needed",
        "partitions so each stays within its planned bandwidth",
        "count",
        "ingest_bandwidth / (partition_bytes_per_sec * target_utilisation)",
        "partitions",
        true,
        "partitions",
      ),
      fig(
        "messages_per_partition",
        "peak records per second per partition",
        "hotspot",
        "peak_messages_per_sec / partitions_needed",
        "msg/s",
      ),
      fig(
        "daily_growth",
        "bytes written per day across replicas",
        "growth",
        "messages_per_sec * message_bytes * 86400 * replicas",
        "B/day",
      ),
      fig("retained_bytes", "bytes retained across replicas", "storage", "daily_growth * retention_days", "B"),
      fig(
        "consumer_egress",
        "egress to all consumer groups at peak",
        "fan-out",
        "ingest_bandwidth * consumer_groups",
        "B/s",
      ),
    ],
  },
  I06: {
    inputs: [
      {
        quantity: "writes_per_sec",
        typical: 5000,
        why: "a system of record behind a search or view changes a few thousand records a second",
        from: { expression: "messages_per_sec", why: "each stated event or post changes one source record" },
      },
      inp("reads_per_sec", 20000, "derived views are read far more often than their sources change"),
      inp("fanout", 3, "one source change usually touches a few index documents or view rows"),
      inp("objects", 100000000, "a product catalogue or document corpus of about a hundred million records"),
      inp("message_bytes", 2000, "an indexed document with its fields and postings is a few KB"),
    ],
    figures: [
      fig("projected_writes", "peak index or view writes", "peak", "writes_per_sec * peak_factor * fanout", "writes/s"),
      fig("index_bytes", "index size across replicas", "storage", "objects * message_bytes * replicas", "B"),
      fig(
        "index_shards",
        "index shards at the planned shard size",
        "count",
        "objects * message_bytes / shard_bytes",
        "shards",
        true,
        "partitions",
      ),
      fig(
        "shard_requests",
        "per-shard requests when a query scatters to every shard",
        "fan-out",
        "reads_per_sec * peak_factor * index_shards",
        "req/s",
      ),
      fig(
        "rebuild_seconds",
        "lower bound on a full rebuild on one node's disk",
        "time",
        "objects * message_bytes / disk_write_bytes_per_sec",
        "s",
      ),
    ],
  },
  I07: {
    inputs: [
      fromUsers(50000, "a popular site or API in front of one origin serves tens of thousands of reads a second"),
      inp("object_bytes", 100000, "a cached page, asset or API response is tens to hundreds of KB"),
      inp("objects", 10000000, "a catalogue of about ten million cacheable items"),
      inp("changes_per_sec", 100, "origin content changes far less often than it is read"),
      inp("nodes", 50, "a cache tier or CDN footprint of a few dozen sites or nodes"),
    ],
    figures: [
      fig("peak_requests_per_sec", "peak reads", "peak", "requests_per_sec * peak_factor", "req/s"),
      fig(
        "origin_requests_per_sec",
        "requests that miss and reach the origin at peak",
        "hotspot",
        "peak_requests_per_sec * (1 - hit_ratio)",
        "req/s",
      ),
      fig("egress_bandwidth", "egress bandwidth at peak", "bandwidth", "peak_requests_per_sec * object_bytes", "B/s"),
      fig("hot_set_bytes", "cache size for the hot set", "storage", "objects * object_bytes * hot_set_fraction", "B"),
      fig("cache_nodes", "cache nodes to hold the hot set", "count", "hot_set_bytes / cache_node_bytes", "nodes", true),
      fig(
        "purges_per_sec",
        "invalidations delivered to every cache site",
        "fan-out",
        "changes_per_sec * nodes",
        "purges/s",
      ),
    ],
  },
  I08: {
    inputs: [
      fromUsers(50000, "a shared API gateway fleet commonly admits tens of thousands of requests a second in total"),
      inp("active_keys", 1000000, "an API with about a million keys or clients that hold a budget at once"),
      {
        quantity: "requests_per_sec_per_key",
        typical: 10,
        why: "a common per-key quota is on the order of ten requests a second",
        from: [
          {
            expression: "requests_per_sec_per_user",
            why: "the limit is stated per user, so each user is a budget key",
          },
          {
            expression: "requests_per_sec_per_tenant",
            why: "the limit is stated per tenant, so each tenant is a budget key",
          },
        ],
      },
      inp("nodes", 20, "a gateway fleet of a couple of dozen instances"),
      inp("value_bytes", 100, "one bucket or window (key, count or tokens, timestamp) is about a hundred bytes"),
    ],
    figures: [
      fig(
        "peak_requests_per_sec",
        "peak admission checks across the fleet",
        "peak",
        "requests_per_sec * peak_factor",
        "req/s",
      ),
      fig(
        "requests_per_gateway",
        "admission checks per gateway at peak",
        "rate",
        "peak_requests_per_sec / nodes",
        "req/s",
      ),
      fig(
        "budget_store_ops",
        "budget-store operations (one atomic update per check, no local allowance)",
        "hotspot",
        "peak_requests_per_sec",
        "ops/s",
      ),
      fig(
        "budget_store_nodes",
        "budget-store nodes at the planned load",
        "count",
        "budget_store_ops / (store_node_ops_per_sec * target_utilisation)",
        "nodes",
        true,
      ),
      fig("budget_state_bytes", "budget state for every active key", "storage", "active_keys * value_bytes", "B"),
      fig(
        "limit_per_key_per_minute",
        "one key's allowance per minute",
        "rate",
        "requests_per_sec_per_key * 60",
        "req/min per key",
      ),
    ],
  },
  I09: {
    inputs: [
      {
        quantity: "ids_per_sec",
        typical: 10000,
        why: "a busy service mints about ten thousand ids a second",
        from: [
          { expression: "writes_per_sec", why: "every stated write creates one record that needs an id" },
          { expression: "messages_per_sec", why: "every stated event or order needs an id" },
        ],
      },
      inp("workers", 100, "about a hundred generator processes across the fleet"),
    ],
    figures: [
      fig("peak_ids_per_sec", "peak ids minted", "peak", "ids_per_sec * peak_factor", "ids/s"),
      fig(
        "block_allocations",
        "block allocations on the durable counter at peak",
        "hotspot",
        "peak_ids_per_sec / id_block_size",
        "writes/s",
      ),
      fig("ids_per_year", "ids minted per year", "growth", "ids_per_sec * 31536000", "ids/year"),
      fig(
        "min_generators",
        "generators needed at 4,096 ids per millisecond each (12-bit sequence)",
        "count",
        "peak_ids_per_sec / 4096000",
        "generators",
        true,
      ),
      fig("worker_id_share", "share of a 10-bit worker-id space in use", "hotspot", "workers / 1024", "fraction"),
    ],
  },
  I10: {
    inputs: [
      inp("clients", 1000000, "a presence or registry service tracks about a million live sessions or instances"),
      inp("changes_per_sec", 1000, "joins, leaves and status changes are a small share of heartbeats"),
      inp("subscribers", 50, "each change is watched by a few dozen friends, callers or proxies"),
      inp("nodes", 20, "a registry or presence tier of a couple of dozen nodes"),
      inp("value_bytes", 200, "one registration (id, address, status, expiry) is a couple of hundred bytes"),
    ],
    figures: [
      fig("heartbeats_per_sec", "heartbeats received", "hotspot", "clients / heartbeat_seconds", "writes/s"),
      fig("heartbeats_per_node", "heartbeats per registry node", "rate", "heartbeats_per_sec / nodes", "writes/s"),
      fig(
        "notifications_per_sec",
        "change notifications at peak",
        "fan-out",
        "changes_per_sec * peak_factor * subscribers",
        "events/s",
      ),
      fig("detection_seconds", "failure detection with three missed heartbeats", "time", "3 * heartbeat_seconds", "s"),
      fig("registry_bytes", "registrations across replicas", "storage", "clients * value_bytes * replicas", "B"),
    ],
  },
  I11: {
    inputs: [
      inp("nodes", 10000, "a fleet of proxies, hosts or devices applying the same configuration"),
      inp("changes_per_sec", 1, "configuration changes are human- or controller-paced, about one a second at peak"),
    ],
    figures: [
      fig("rollout_bytes", "bytes pushed per full rollout", "bandwidth", "config_bytes * nodes", "B"),
      fig(
        "rollout_bandwidth",
        "distribution bandwidth to reach every node in the propagation target",
        "bandwidth",
        "rollout_bytes / propagation_seconds",
        "B/s",
      ),
      fig("node_updates_per_sec", "node updates per second", "fan-out", "changes_per_sec * nodes", "updates/s"),
      fig(
        "status_reports_per_sec",
        "status reports at the control plane",
        "hotspot",
        "nodes / heartbeat_seconds",
        "reports/s",
      ),
      fig("watch_streams", "open watch streams", "count", "nodes", "streams", true),
    ],
  },
  I12: {
    inputs: [
      {
        quantity: "requests_per_sec",
        typical: 500,
        why: "payment and side-effect workflows run in the hundreds per second for a large merchant",
        from: [
          { expression: "messages_per_sec", why: "each stated payment, order or message starts one workflow" },
          { expression: "writes_per_sec", why: "each stated transaction starts one workflow" },
        ],
      },
      inp("task_seconds", 10, "a workflow with a provider call or two takes seconds end to end"),
      inp("retention_days", 1, "payment APIs such as Stripe's may prune idempotency keys after 24 hours"),
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
        "3 * peak_workflows_per_sec",
        "writes/s",
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
        "requests_per_sec * 86400 * message_bytes * 3",
        "B/day",
      ),
    ],
  },
  I13: {
    inputs: [
      inp("subjects", 100000, "about a hundred thousand documents, rooms or matches open at once"),
      inp("message_bytes", 200, "one edit or chat operation is a few hundred bytes"),
      inp("nodes", 50, "a session tier of a few dozen servers"),
      {
        quantity: "clients",
        from: {
          expression: "subjects * participants",
          why: "every participant of every open subject holds a connection",
        },
      },
      {
        quantity: "writes_per_sec",
        from: [
          { expression: "messages_per_sec", why: "each stated message or edit is one operation" },
          {
            expression: "subjects * participants * ops_per_participant_per_sec",
            why: "every participant sends operations while active",
          },
        ],
      },
    ],
    figures: [
      fig("peak_ops_per_sec", "peak operations", "peak", "writes_per_sec * peak_factor", "ops/s"),
      fig(
        "ops_per_subject",
        "operations through one subject's sequencer",
        "hotspot",
        "participants * ops_per_participant_per_sec",
        "ops/s",
      ),
      fig(
        "deliveries_per_sec",
        "operation deliveries to participants at peak",
        "fan-out",
        "peak_ops_per_sec * participants",
        "msgs/s",
      ),
      fig("delivery_bandwidth", "delivery bandwidth at peak", "bandwidth", "deliveries_per_sec * message_bytes", "B/s"),
      fig("connections_per_server", "open connections per server", "rate", "clients / nodes", "connections"),
      fig("oplog_growth", "operation log written per day", "growth", "writes_per_sec * message_bytes * 86400", "B/day"),
    ],
  },
  I14: {
    inputs: [
      inp("objects", 10000000, "a registry of about ten million published artifacts or layers"),
      inp("object_bytes", 50000000, "a container layer, package or build output is tens of MB"),
      inp("writes_per_sec", 10, "publishes are rare next to pulls"),
      inp("requests_per_sec", 1000, "pulls and tag resolutions from CI and deploys"),
      inp("nodes", 10000, "a fleet that pulls the same artifact during a rollout"),
    ],
    figures: [
      fig("stored_bytes", "stored bytes across replicas", "storage", "objects * object_bytes * replicas", "B"),
      fig("publish_growth", "bytes published per day", "growth", "writes_per_sec * object_bytes * 86400", "B/day"),
      fig("rollout_bytes", "bytes served for one fleet-wide rollout", "fan-out", "nodes * object_bytes", "B"),
      fig(
        "pull_bandwidth",
        "pull bandwidth at peak",
        "bandwidth",
        "requests_per_sec * peak_factor * object_bytes",
        "B/s",
      ),
      fig("tag_resolutions", "tag resolutions at peak", "hotspot", "requests_per_sec * peak_factor", "req/s"),
    ],
  },
  I15: {
    inputs: [
      {
        quantity: "tasks_per_sec",
        typical: 1000,
        why: "a shared compute fleet starts about a thousand tasks or invocations a second",
        from: { expression: "requests_per_sec", why: "each stated invocation or request runs one task" },
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
      fig(
        "workers_needed",
        "workers needed",
        "count",
        "concurrent_tasks / slots_per_worker",
        "workers",
        true,
        "workers",
      ),
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
        "3 * peak_tasks_per_sec",
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
  },
  I16: {
    inputs: [
      fromUsers(100000, "a shared key-value tier serves on the order of a hundred thousand requests a second"),
      inp("objects", 1000000000, "a large key-value store holds about a billion keys"),
    ],
    figures: [
      fig("peak_requests_per_sec", "peak requests", "peak", "requests_per_sec * peak_factor", "req/s"),
      fig("peak_writes_per_sec", "peak writes", "peak", "peak_requests_per_sec / (1 + read_write_ratio)", "writes/s"),
      fig(
        "stored_bytes",
        "stored bytes across replicas and regions",
        "storage",
        "objects * value_bytes * replicas * regions",
        "B",
      ),
      fig("storage_nodes", "storage nodes by capacity", "count", "stored_bytes / node_bytes", "nodes", true, "nodes"),
      fig(
        "partitions_needed",
        "partitions by throughput",
        "count",
        "peak_requests_per_sec / (store_node_ops_per_sec * target_utilisation)",
        "partitions",
        true,
        "partitions",
      ),
      fig("hot_key_ops", "load on the hottest key", "hotspot", "peak_requests_per_sec * hot_key_share", "ops/s"),
      fig(
        "replica_writes",
        "replica writes at peak",
        "bandwidth",
        "peak_writes_per_sec * replicas * regions",
        "writes/s",
      ),
    ],
  },
  I17: {
    inputs: [
      fromUsers(100000, "an edge or ingress tier carries on the order of a hundred thousand requests a second"),
      inp("nodes", 50, "a few dozen proxies or gateway instances"),
      inp("backends", 500, "a few hundred upstream instances behind the proxies"),
      inp("message_bytes", 10000, "an average HTTP response is about 10 KB"),
    ],
    figures: [
      fig("peak_requests_per_sec", "peak requests", "peak", "requests_per_sec * peak_factor", "req/s"),
      fig("requests_per_proxy", "requests per proxy at peak", "hotspot", "peak_requests_per_sec / nodes", "req/s"),
      fig(
        "proxies_needed",
        "proxies at the planned load",
        "count",
        "peak_requests_per_sec / (node_requests_per_sec * target_utilisation)",
        "proxies",
        true,
      ),
      fig(
        "proxy_bandwidth",
        "bandwidth through the proxy tier at peak",
        "bandwidth",
        "peak_requests_per_sec * message_bytes",
        "B/s",
      ),
      fig(
        "health_probes",
        "active health probes per second",
        "fan-out",
        "nodes * backends / heartbeat_seconds",
        "probes/s",
      ),
    ],
  },
  I18: {
    inputs: [
      inp("series", 10000000, "a large fleet exports about ten million active series"),
      inp("retention_days", 15, "Prometheus keeps 15 days of samples by default"),
      inp("nodes", 20, "a couple of dozen ingesters"),
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
      fig("retained_bytes", "compressed bytes retained", "storage", "daily_growth * retention_days", "B"),
      fig(
        "series_per_ingester",
        "active series held in memory per ingester",
        "hotspot",
        "series * replicas / nodes",
        "series",
      ),
      fig(
        "samples_per_ingester",
        "samples per second per ingester",
        "rate",
        "samples_per_sec * replicas / nodes",
        "samples/s",
      ),
    ],
  },
  I19: {
    inputs: [
      {
        quantity: "bytes_stored",
        typical: 1e15,
        why: "a shared storage cluster holds about a petabyte of user data",
        from: { expression: "objects * object_bytes", why: "the stated objects at their average size" },
      },
      inp("bytes_per_day", 1e13, "about 10 TB of new data a day"),
    ],
    figures: [
      fig("raw_bytes", "raw bytes with every replica", "storage", "bytes_stored * replicas", "B"),
      fig("storage_nodes", "storage nodes needed", "count", "raw_bytes / node_bytes", "nodes", true, "nodes"),
      fig("chunks", "chunks tracked by the metadata service", "hotspot", "bytes_stored / chunk_bytes", "chunks"),
      fig(
        "metadata_bytes",
        "metadata held in the metadata service's memory",
        "storage",
        "chunks * chunk_meta_bytes",
        "B",
      ),
      fig("daily_growth", "raw bytes added per day", "growth", "bytes_per_day * replicas", "B/day"),
      fig("write_bandwidth", "replicated write bandwidth", "bandwidth", "bytes_per_day * replicas / 86400", "B/s"),
      fig(
        "rereplication_seconds",
        "time to re-replicate one failed node across the rest",
        "time",
        "node_bytes / (disk_write_bytes_per_sec * (storage_nodes - 1))",
        "s",
      ),
    ],
  },
};
