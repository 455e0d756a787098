import { BOUND_MARGIN, SERVICE_SECONDS } from "./capacity/latency.js";
import type { Quantity } from "./schema.js";

/**
 * The named quantities starter formulas may use. The NFR parser fills them from the
 * prompt ("200,000 leases", "10k rps"); an `assumed` value is used only where the
 * design says so, and is always shown as an assumption.
 */
const BASE_QUANTITIES: readonly Quantity[] = [
  {
    id: "peak_factor",
    label: "peak-to-average traffic ratio",
    unit: "x",
    assumed: 3,
    assumedBecause: "daily traffic commonly peaks at two to three times its average",
  },
  {
    id: "target_utilisation",
    label: "share of a component's capacity to plan for",
    unit: "fraction",
    assumed: 0.5,
    assumedBecause: "running at half capacity leaves room for a failover or a burst",
  },
  {
    id: "leader_writes_per_sec",
    label: "small writes one consensus leader sustains",
    unit: "writes/s",
    assumed: 10000,
    assumedBecause:
      "a Raft or ZAB leader, as in etcd or ZooKeeper, that fsyncs every commit is planned at about ten thousand small writes per second",
  },
  {
    id: "partition_bytes_per_sec",
    label: "write bandwidth planned per log partition",
    unit: "B/s",
    assumed: 10000000,
    assumedBecause: "a log partition is commonly planned at about 10 MB/s so one consumer per partition keeps up",
  },
  {
    id: "node_requests_per_sec",
    label: "requests one stateless server or proxy handles",
    unit: "req/s",
    assumed: 10000,
    assumedBecause: "a tuned proxy or API server handles on the order of ten thousand small requests per second",
  },
  {
    id: "primary_writes_per_sec",
    label: "small transactional writes one database primary handles",
    unit: "writes/s",
    assumed: 10000,
    assumedBecause:
      "no published figure states a single primary's write ceiling, so this is a planning number to measure with pgbench on the chosen instance",
  },
  {
    id: "store_node_ops_per_sec",
    label: "simple operations one in-memory store node serves",
    unit: "ops/s",
    assumed: 100000,
    assumedBecause: "a single Redis-class node serves on the order of a hundred thousand simple operations per second",
  },
  {
    id: "cache_node_ops_per_sec",
    label: "gets and deletes one in-memory cache node serves",
    unit: "ops/s",
    assumed: 100000,
    assumedBecause:
      "one in-memory cache node answers on the order of a hundred thousand small gets a second (a planning figure; measure it on the chosen nodes)",
  },
  {
    id: "cache_node_bytes",
    label: "memory for data on one cache node",
    unit: "B",
    assumed: 64000000000,
    assumedBecause: "a cache node commonly gives about 64 GB of memory to data",
  },
  {
    id: "requests_per_user_per_day",
    label: "requests one user makes per day",
    unit: "req/day",
    assumed: 20,
    assumedBecause: "an active user opens the product a few times a day and each visit makes a handful of calls",
  },
  {
    id: "read_write_ratio",
    label: "read-to-write ratio",
    unit: "x",
    assumed: 10,
    assumedBecause: "most keyed data is read about ten times for every write",
  },
  {
    id: "hot_key_share",
    label: "share of traffic on the single hottest key",
    unit: "fraction",
    assumed: 0.01,
    assumedBecause: "skewed key popularity commonly puts around one percent of all traffic on the hottest key",
  },
  // a typeahead's latency budget split (network, edge, lookup) and the share of keystrokes its caches answer;
  // latency_budget_ms is the prompt's tightest stated latency target ("within 50 ms") when it states one
  { id: "latency_budget_ms", label: "end-to-end latency target for one request", unit: "ms" },
  {
    id: "network_rtt_ms",
    label: "round trip from a user to the nearest serving region and back",
    unit: "ms",
    share: "for the network round trip",
  },
  { id: "edge_ms", label: "time in the edge cache and gateway", unit: "ms", share: "in the edge cache and gateway" },
  {
    id: "lookup_ms",
    label: "time in the serving process, queueing included",
    unit: "ms",
    share: "in the serving process",
  },
  { id: "edge_hit_ratio", label: "share of requests answered by browser and edge caches", unit: "fraction" },
  {
    // stated as one key's rate ("500,000 clicks per second per key"), else the hottest key's share of the peak
    id: "hot_key_events_per_sec",
    label: "events a second on the hottest key",
    unit: "events/s",
  },
  {
    // a ledger's hottest account (a merchant's settlement account), which caps its rate at one row's commits
    id: "hot_account_transfers_per_sec",
    label: "transfers a second on the hottest account",
    unit: "transfers/s",
  },
  {
    // a ledger sharded by account: with accounts hashed over n shards, about 1 - 1/n of transfers span two
    id: "cross_shard_share",
    label: "share of transfers whose two accounts are on different shards",
    unit: "ratio",
  },
  {
    id: "hot_set_fraction",
    label: "share of the catalogue that serves most reads",
    unit: "fraction",
    assumed: 0.2,
    assumedBecause: "read popularity is skewed: about a fifth of the items serves most requests",
  },
  {
    id: "active_keys",
    label: "keys, clients or scopes with a budget at once",
    unit: "keys",
  },
  {
    id: "ops_per_participant_per_sec",
    label: "operations one participant sends per second while active",
    unit: "ops/s",
    assumed: 1,
    assumedBecause: "clients batch keystrokes or moves and send about one operation a second",
  },
  {
    id: "sample_bytes",
    label: "compressed bytes per stored sample",
    unit: "B",
    assumed: 2,
    assumedBecause: "Gorilla-style delta-of-delta and XOR compression stores a sample in under 1.4 bytes; plan for 2",
  },
  {
    id: "shard_bytes",
    label: "target size of one index shard",
    unit: "B",
    assumed: 30000000000,
    assumedBecause:
      "inverted-index shards are kept to roughly 10 to 50 GB each so that recovery and rebalancing stay quick (Elastic's shard-sizing guidance)",
  },
  {
    id: "master_memory_bytes",
    label: "memory one metadata machine gives its in-memory tables",
    unit: "B",
    assumed: 256e9,
    assumedBecause:
      "a large server has a few hundred gigabytes of memory, and a master that keeps its tables in memory needs room beside them for its log, snapshots and request handling (a planning figure)",
  },
  {
    id: "chunk_meta_bytes",
    label: "metadata bytes per chunk on the metadata service",
    unit: "B",
    assumed: 64,
    assumedBecause: "the GFS master kept under 64 bytes of metadata per 64 MB chunk",
  },
  { id: "requests_per_sec", label: "requests per second", unit: "req/s" },
  { id: "writes_per_sec", label: "writes per second", unit: "writes/s" },
  { id: "reads_per_sec", label: "reads per second", unit: "reads/s" },
  { id: "messages_per_sec", label: "messages (events) per second", unit: "msg/s" },
  { id: "workflows_per_sec", label: "workflows started per second", unit: "workflows/s" },
  { id: "samples_per_sec", label: "samples per second", unit: "samples/s" },
  { id: "queries_per_sec", label: "queries or searches per second", unit: "req/s" },
  { id: "ids_per_sec", label: "identifiers issued per second", unit: "ids/s" },
  { id: "items_per_sec", label: "pages or items fetched or processed per second", unit: "items/s" },
  { id: "bytes_per_day", label: "bytes ingested per day", unit: "B/day" },
  { id: "bytes_per_sec", label: "ingest bandwidth", unit: "B/s" },
  { id: "properties", label: "listed properties (hotels, rentals)", unit: "properties" },
  { id: "merchants", label: "merchants (restaurants, shops) on the platform", unit: "merchants" },
  { id: "databases", label: "databases (or database instances)", unit: "databases" },
  { id: "places", label: "places a location index holds that rarely move (businesses, venues)", unit: "places" },
  // the areas a map is divided into and each computed on its own (a city's pricing zones, hexagon cells): a count of
  // places the work is partitioned by, never of regions the service runs in; no typical value, so only a prompt that
  // counts them shows their figures
  {
    id: "zones",
    label: "areas the map is divided into, each computed on its own (zones, hexagon cells)",
    unit: "zones",
  },
  // "files up to 10 GB": the largest one, which sizes an upload in blocks or parts, never the average size that sizes
  // the bytes stored
  { id: "max_object_bytes", label: "size of the largest object or file", unit: "B" },
  { id: "zone_recompute_seconds", label: "zone recompute interval", unit: "s" },
  { id: "alert_rules", label: "alert rules evaluated, each on its own schedule", unit: "rules" },
  {
    id: "eval_interval_seconds",
    label: "rule evaluation interval (between two evaluations of one alert rule)",
    unit: "s",
    assumed: 60,
    assumedBecause: "Prometheus evaluates rules every minute unless its global evaluation_interval says otherwise",
  },
  {
    id: "alert_hold_seconds",
    label: "alert hold time",
    unit: "s",
  },
  {
    id: "page_bound_seconds",
    label: "bound on the time from an alert's condition to paging the person on call",
    unit: "s",
  },
  // a stated bound on undoing a bad change ("a bad config can be rolled back within one minute"): the whole way back,
  // from the bad change showing in its health signal to every node running the last good version again
  // (knowledge/capacity/spread.ts ROLLBACK_STEPS), never how fast a new change rolls out
  {
    id: "rollback_bound_seconds",
    label: "bound on rolling a bad change back (from its health signal failing to every node on the last good version)",
    unit: "s",
  },
  {
    id: "rollback_detect_seconds",
    label: "health window a bad change must fail over before it is rolled back",
    unit: "s",
    assumed: 30,
    assumedBecause:
      "a planning figure: a gate judges an error rate over a few of its samples, about half a minute, so one noisy sample never rolls a change back",
    share: "for the health gate to see the bad change",
  },
  {
    id: "rollback_decide_seconds",
    label: "time for the rollout controller to read a failing gate and move the target back",
    unit: "s",
    assumed: 5,
    assumedBecause:
      "a planning figure: the controller reads each cohort's gate every few seconds and rolls back without waiting for a person",
    share: "for the controller to read the failing gate and decide",
  },
  {
    id: "page_notify_seconds",
    label: "time from an alert firing to the page reaching the person on call",
    unit: "s",
    assumed: 5,
    assumedBecause:
      "a paging route that waits a few seconds to group a new alert with its siblings, then the pager's own delivery; Alertmanager's default route waits 30 s (group_wait), too long for a page held to a minute",
  },
  { id: "radius_km", label: "search radius around the point a nearby search is asked for", unit: "km" },
  {
    id: "run_seconds",
    label: "run time per workflow, job or session (from its start to its end)",
    unit: "s",
  },
  { id: "bookings_per_sec", label: "bookings confirmed per second at the peak", unit: "bookings/s" },
  { id: "units_for_sale", label: "units of an item put on sale", unit: "units" },
  { id: "items_per_event", label: "items on sale per event (seats, rooms for a night)", unit: "items" },
  // the window a sale's buyers arrive in ("in the first minute"): the divisor of their attempt rate
  { id: "onsale_seconds", label: "sale's opening window", unit: "s" },
  { id: "buyers_at_onsale", label: "buyers arriving when a sale opens", unit: "buyers" },
  { id: "hold_attempts_per_buyer", label: "hold attempts by each buyer", unit: "attempts" },
  {
    id: "timer_lead_seconds",
    label: "scheduling lead time, from setting a run up to its due time",
    unit: "s",
    assumed: 86400,
    assumedBecause:
      "a recurring job's next occurrence is set up when the last one runs, so a daily job waits about a day",
  },
  {
    id: "propagation_seconds",
    label: "freshness bound (time for a change to reach every reader)",
    unit: "s",
    assumed: 5,
    assumedBecause: "a few seconds is the usual promise for configuration or membership changes",
  },
  {
    id: "message_bytes",
    label: "average message size",
    unit: "B",
    assumed: 1000,
    assumedBecause: "a typical small event or request body is about 1 KB",
  },
  {
    id: "object_bytes",
    label: "average object size",
    unit: "B",
    assumed: 1000000,
    assumedBecause: "a typical stored object or asset is about 1 MB",
  },
  { id: "objects", label: "stored objects or keys", unit: "objects" },
  { id: "users", label: "users", unit: "users" },
  { id: "nodes", label: "nodes, hosts or servers", unit: "nodes" },
  // each card's own fleet, named by its role (capacity/helpers.ts fleetOf): the stated machines when the prompt counts them
  { id: "proxies", label: "proxies or gateway instances in the request path", unit: "proxies" },
  { id: "gateways", label: "gateway instances enforcing the limits", unit: "gateways" },
  { id: "config_clients", label: "hosts or devices applying the same configuration", unit: "clients" },
  { id: "cache_sites", label: "cache sites or nodes the tier spreads over", unit: "sites" },
  { id: "session_servers", label: "servers holding live sessions", unit: "servers" },
  { id: "workers", label: "workers", unit: "workers" },
  { id: "accelerators", label: "GPUs or other accelerators the prompt counts", unit: "GPUs" },
  { id: "ingesters", label: "ingest or storage nodes of a telemetry pipeline", unit: "ingesters" },
  { id: "clients", label: "connected clients or sessions", unit: "clients" },
  { id: "concurrent_streams", label: "streams playing at the same moment", unit: "streams" },
  { id: "open_connections", label: "connections held open at the peak", unit: "connections" },
  {
    id: "master_ops_per_client_per_sec",
    label: "metadata operations one client sends the master a second",
    unit: "ops/s",
  },
  { id: "append_record_bytes", label: "bytes of one appended record", unit: "B" },
  {
    id: "partitions",
    label: "partitions or shards",
    unit: "partitions",
    assumed: 64,
    assumedBecause: "a common starting partition count that leaves room to grow",
  },
  {
    id: "consumer_groups",
    label: "independent consumer groups",
    unit: "groups",
    assumed: 3,
    assumedBecause: "a handful of teams reading the same stream",
  },
  { id: "leases", label: "active leases or locks", unit: "leases" },
  {
    id: "lease_seconds",
    label: "lease duration",
    unit: "s",
    assumed: 10,
    assumedBecause: "ten seconds balances failover time against renewal load",
    share: "of lease",
  },
  { id: "keepalive_seconds", label: "keep-alive interval", unit: "s" },
  {
    id: "failover_seconds",
    label: "failover bound (from a holder's crash until a new holder serves and the others know it)",
    unit: "s",
  },
  { id: "slot_seconds", label: "length of one bookable slot", unit: "s" },
  // "is credited $10", "at most $500 per calendar year": a rule's amounts of money
  { id: "money_amount", label: "amount of money one act of the rule moves (a credit, a charge)", unit: "money" },
  { id: "amount_cap", label: "most money one scope may receive or spend under the rule in its period", unit: "money" },
  {
    id: "lease_sweep_seconds",
    label: "interval between two checks that take back expired leases",
    unit: "s",
    assumed: 1,
    assumedBecause:
      "the store that grants leases checks their deadlines about once a second (a planning figure; measure the store's own expiry check)",
  },
  {
    id: "reclaim_bound_seconds",
    label: "reclaim bound (from a holder's crash until what it held goes back to the others)",
    unit: "s",
  },
  {
    id: "redelivery_bound_seconds",
    label: "redelivery bound (from a consumer's crash or a failed attempt until the item is handed out again)",
    unit: "s",
  },
  {
    id: "visibility_timeout_seconds",
    label: "time a received message stays hidden from other consumers before it is handed out again unless deleted",
    unit: "s",
    assumed: 30,
    assumedBecause:
      "Amazon SQS hides a received message for 30 seconds by default (settable from 0 seconds to 12 hours), long enough for most handlers to finish and delete it",
    share: "of visibility timeout",
  },
  {
    id: "receive_poll_seconds",
    label: "longest an idle consumer takes to ask for the next message",
    unit: "s",
    assumed: 1,
    assumedBecause:
      "an idle consumer asks again about once a second, or holds a long poll open that returns as soon as a message is visible (a planning figure)",
    share: "until a consumer asks again",
  },
  {
    id: "detection_bound_seconds",
    label: "removal bound (from a member's death until it is out of every reader's view)",
    unit: "s",
  },
  {
    id: "store_election_seconds",
    label: "time a consensus group (the lock or metadata store) needs to elect a new leader when its leader fails",
    unit: "s",
    assumed: 1,
    assumedBecause:
      "etcd's default election timeout is 1000 ms (its heartbeat 100 ms), so a follower waits about a second before it stands for leader (etcd tuning guide)",
    share: "for the store's own election",
  },
  {
    id: "expiry_check_seconds",
    label: "how often the lock store's leader looks for leases past their expiry",
    unit: "s",
    assumed: 0.5,
    assumedBecause:
      "etcd's lessor looks for expired leases every 500 ms, so an expired lease may stand up to half a second before it is revoked (etcd lessor source)",
    share: "for the store's expiry check",
  },
  {
    id: "min_lease_seconds",
    label: "shortest lease the lock store grants",
    unit: "s",
    assumed: 2,
    assumedBecause:
      "etcd grants no lease shorter than one and a half election timeouts, rounded up to whole seconds: 2 s with the default 1000 ms election timeout (etcd server source, minTTL)",
  },
  {
    id: "keepalives_per_lease",
    label: "keep-alives a holder sends within one lease duration",
    unit: "keep-alives",
    assumed: 3,
    assumedBecause:
      "etcd's client sends the next keep-alive a third of the TTL after the last reply, so a lease survives two missed beats",
  },
  {
    id: "notify_seconds",
    label: "time for a watch event to reach the waiting clients or candidates and for them to act on it",
    unit: "s",
    assumed: 0.5,
    assumedBecause:
      "a watch event and the winning candidate's conditional write are a few round trips inside one region, well under half a second",
    share: "to tell a waiting candidate",
  },
  // the parts of a shown count's freshness (knowledge/archetypes/I06/counter.ts), each said as its share of the bound
  {
    id: "flush_seconds",
    label: "how often an aggregator task adds its batched sums to the running totals",
    unit: "s",
    share: "of batching",
  },
  {
    id: "log_lag_seconds",
    label: "how far the aggregator trails the log's newest event",
    unit: "s",
    share: "of log lag",
  },
  { id: "apply_seconds", label: "one round of batched adds to the count store", unit: "s", share: "to apply" },
  {
    id: "cache_ttl_seconds",
    label: "how long a cached count is served before it is read again",
    unit: "s",
    share: "in the cache",
  },
  {
    id: "latency_seconds",
    label: "latency target",
    unit: "s",
  },
  {
    id: "client_rtt_seconds",
    label: "client's network round trip to the nearest serving site",
    unit: "s",
    assumed: 0.02,
    assumedBecause:
      "a client's round trip to a serving region or edge site on its own continent is commonly 10 to 40 ms (a planning figure; measure it)",
    share: "for the client's round trip",
  },
  // the costed steps of a request path a stated latency bounds (knowledge/capacity/latency.ts): each a drawn part's
  // work, with a planning cost and its reason, summed against the bound with headroom kept spare
  {
    id: "in_region_rtt_seconds",
    label: "caller's round trip inside the serving region",
    unit: "s",
    assumed: 0.0005,
    assumedBecause:
      "a round trip between machines of one data centre is about half a millisecond (a planning figure; measure it)",
    share: "for the caller's round trip inside the region",
  },
  // the steps of a change spreading to every site or server within a stated bound (knowledge/capacity/spread.ts)
  {
    id: "change_commit_seconds",
    label:
      "time to commit a change (a purge, a config version) in the control plane's replicated store before it is sent",
    unit: "s",
    assumed: 0.01,
    assumedBecause:
      "a majority write inside one region is a few round trips of half a millisecond plus a disk sync, about ten milliseconds (a planning figure; measure it)",
    share: "to commit the change at the control plane",
  },
  {
    id: "node_pickup_seconds",
    label: "time from a committed change to a node holding it (a watch stream's write, or the node's next poll)",
    unit: "s",
    assumed: 0.1,
    assumedBecause:
      "a watch stream sends the change as soon as its distribution server sees the commit: a relay hop and a stream write, about a hundred milliseconds (a planning figure; measure it)",
    share: "for a node to pick the change up",
  },
  {
    id: "wide_area_rtt_seconds",
    label: "round trip from the control plane to the farthest site and its acknowledgement back",
    unit: "s",
    assumed: 0.25,
    assumedBecause:
      "light in fibre alone takes about 55 ms from New York to London and back, and measured round trips across an ocean or between distant continents run about 150 to 250 ms; the farthest site sets the bound (a planning figure; measure it)",
    share: "for the round trip to the farthest site and its acknowledgement",
  },
  {
    id: "site_apply_seconds",
    label: "time for a site to pass a change to its servers, each dropping or replacing its copy and acknowledging",
    unit: "s",
    assumed: 0.05,
    assumedBecause:
      "inside one site the change is broadcast to its servers and applied in memory: a few local round trips, tens of milliseconds (a planning figure; measure it)",
    share: "to apply it on every server of a site",
  },
  {
    id: "gateway_seconds",
    label: "time in the load balancer and API gateway",
    unit: "s",
    assumed: 0.002,
    assumedBecause:
      "a proxy on warm connections adds about a millisecond of its own work plus one round trip inside the region (a planning figure)",
    share: "in the gateway",
  },
  {
    id: "service_seconds",
    label: "the serving service's own work on one request",
    unit: "s",
    assumed: SERVICE_SECONDS,
    assumedBecause:
      "checking the caller, parsing the request and encoding the answer take a few milliseconds of a service's own time (a planning figure)",
    share: "in the service itself",
  },
  {
    id: "cache_read_seconds",
    label: "one key read from an in-memory cache",
    unit: "s",
    assumed: 0.001,
    assumedBecause: "an in-memory cache answers a key in well under a millisecond, plus a round trip inside the region",
    share: "for the cache read",
  },
  {
    id: "store_read_seconds",
    label: "one key read from the serving store at its slow tail",
    unit: "s",
    assumed: 0.01,
    assumedBecause:
      "a replicated store on SSD answers a key read in a few milliseconds at the median; 10 ms covers its 99th percentile (a planning figure; measure it)",
    share: "for the store read",
  },
  // a model's own steps (their costs and reasons sit on the model's latency path)
  {
    id: "fanout_seconds",
    label: "time the fan-out workers take to push one post to every follower of an author at the celebrity threshold",
    unit: "s",
    share: "to push the post to every follower's list",
  },
  {
    id: "fanout_inserts_per_sec",
    label: "list inserts a second one post's fan-out reaches, its follower pages spread over many workers",
    unit: "inserts/s",
  },
  {
    id: "celebrity_pull_seconds",
    label: "reading the recent posts of the followed accounts merged at read time",
    unit: "s",
    share: "to pull the followed celebrities' recent posts",
  },
  { id: "hydrate_seconds", label: "fetching a page's posts by id", unit: "s", share: "to fetch the page's posts" },
  { id: "geo_query_seconds", label: "finding the nearby available candidates", unit: "s", share: "for the geo query" },
  {
    id: "eta_rank_seconds",
    label: "ranking the candidates by road ETA",
    unit: "s",
    share: "to rank the candidates by ETA",
  },
  { id: "claim_seconds", label: "claiming the chosen candidate", unit: "s", share: "for the claim" },
  {
    id: "offer_push_seconds",
    label: "pushing the offer to the chosen candidate",
    unit: "s",
    share: "to push the offer",
  },
  {
    id: "merge_rank_seconds",
    label: "merging and ordering one page in the serving service",
    unit: "s",
    share: "to merge and order the page",
  },
  {
    id: "shard_search_seconds",
    label: "the slowest shard's answer to one query scattered to every shard",
    unit: "s",
    share: "for the slowest shard's search",
  },
  {
    id: "node_lookup_seconds",
    label: "one in-memory key lookup and its reply on the node that holds the key",
    unit: "s",
    assumed: 0.0001,
    assumedBecause:
      "a hash-table lookup in memory and its reply take about a tenth of a millisecond of the node's time (a planning figure; measure it)",
    share: "for the node's in-memory lookup",
  },
  {
    id: "poll_interval_seconds",
    label: "time between two scans of one due-index shard by its poller",
    unit: "s",
    share: "waiting for its shard's next poll",
  },
  {
    id: "claim_write_seconds",
    label: "one conditional claim committed on the primary and its synchronous replica",
    unit: "s",
    share: "for the conditional claim",
  },
  {
    id: "dispatch_seconds",
    label: "handing a claimed run to a free worker slot",
    unit: "s",
    share: "to hand the run to a worker",
  },
  // a video meeting's mouth-to-ear path (archetypes/I13/conference.ts): capture and encode, the network to and from
  // the SFU, the SFU's forwarding, the receiver's jitter buffer, decode and render
  { id: "frame_encode_seconds", label: "capturing and encoding a frame", unit: "s", share: "to capture and encode" },
  {
    id: "media_one_way_seconds",
    label: "one network leg between a participant and its SFU",
    unit: "s",
    share: "for each network leg to and from the SFU",
  },
  { id: "sfu_forward_seconds", label: "the SFU forwarding a packet", unit: "s", share: "in the SFU" },
  { id: "jitter_buffer_seconds", label: "the receiver's jitter buffer", unit: "s", share: "in the jitter buffer" },
  { id: "decode_seconds", label: "decoding and rendering a frame", unit: "s", share: "to decode and render" },
  {
    id: "media_network_seconds",
    label: "the network legs from sender to SFU to receiver",
    unit: "s",
    share: "on the network to and from the SFU",
  },
  { id: "media_legs", label: "network legs between sender and receiver through the SFU", unit: "legs" },
  {
    id: "block_fetch_seconds",
    label: "fetching a query's stored blocks from object storage, in parallel",
    unit: "s",
    share: "to fetch the day's blocks from object storage",
  },
  { id: "scan_points_per_sec", label: "stored points one querier decodes and aggregates a second", unit: "points/s" },
  {
    id: "query_splits",
    label: "pieces a query's time range is split into, run on queriers in parallel",
    unit: "pieces",
  },
  {
    id: "rollup_scan_seconds",
    label: "scanning and summing the window totals of a query's whole range in the columnar store",
    unit: "s",
    share: "to scan the window totals of the whole range",
  },
  {
    id: "scan_rows_per_sec",
    label: "stored rows a columnar store reads and sums a second for one query",
    unit: "rows/s",
  },
  { id: "keys_per_query", label: "keys one query reads (a chart split by one dimension)", unit: "keys" },
  { id: "rollup_row_bytes", label: "bytes one stored window total takes, compressed", unit: "B" },
  { id: "log_retention_days", label: "days the event log keeps events for replay", unit: "days" },
  {
    id: "query_scan_seconds",
    label: "decoding and aggregating a query's points, split across queriers",
    unit: "s",
    share: "to scan the points across the queriers",
  },
  {
    id: "stage_share",
    label: "share of a tight freshness bound one fixed stage of the path may take",
    unit: "fraction",
    assumed: 0.1,
    assumedBecause:
      "a planning rule: under a freshness bound too tight for the usual stages, each fixed stage (capture lag, log lag, an allowed lateness, a checkpoint) is held to a tenth of it, so the stages and the chosen interval still leave the planned headroom",
  },
  {
    id: "invalidation_delete_seconds",
    label: "time from a tailer reading a committed change to the key's cache node acknowledging its delete",
    unit: "s",
    share: "to delete the copy",
  },
  {
    id: "capture_lag_seconds",
    label: "how far change capture trails the source's commit",
    unit: "s",
    share: "of capture lag",
  },
  {
    id: "index_write_seconds",
    label: "one bulk write of changes into the index or view",
    unit: "s",
    share: "to write the index",
  },
  {
    id: "refresh_seconds",
    label: "interval between index refreshes that make writes searchable",
    unit: "s",
    share: "until the next refresh",
  },
  {
    id: "bound_headroom",
    label: "share of a stated time bound the design keeps spare",
    unit: "fraction",
    assumed: BOUND_MARGIN.planned,
    assumedBecause:
      "a step's slow tail (a pause, a retry, a queue near saturation) runs several times its usual cost, so the parts are planned to fill at most 70% of a stated bound and the rest absorbs one slow step",
  },
  {
    id: "candidates_per_service",
    label: "instances of one service that stand for its leadership",
    unit: "candidates",
    assumed: 3,
    assumedBecause:
      "a service's leader is usually chosen among about three candidate instances, one per zone, while its other instances only watch who leads",
  },
  {
    id: "durability_nines",
    label: "stated durability target in nines (annual loss probability per object of 10^-nines)",
    unit: "nines",
  },
  {
    id: "disk_afr",
    label: "annualized failure rate of one storage disk",
    unit: "fraction",
    assumed: 0.02,
    assumedBecause:
      "Backblaze's published fleet statistics put hard-drive annualized failure rates between about 1.2% and 2.3% a year, so 2% is a cautious planning figure",
  },
  {
    id: "tolerated_losses",
    label: "pieces of one stripe or replica set that can be lost without losing data",
    unit: "pieces",
    assumed: 2,
    assumedBecause: "three full replicas survive the loss of any two",
  },
  {
    id: "failure_domains",
    label: "failure domains (availability zones) the pieces of a stripe are spread over",
    unit: "zones",
    assumed: 3,
    assumedBecause:
      "a cloud region commonly offers three or more availability zones, and a piece in each survives the loss of any one",
  },
  {
    id: "allowance_sync_seconds",
    label: "sync interval of local allowances (how often an enforcing node reports its spend and takes a new one)",
    unit: "s",
    assumed: 1,
    assumedBecause:
      "about a second is the shortest sync that still spares the budget store a call per request, so it bounds the overshoot from below",
  },
  {
    id: "count_sync_seconds",
    label: "interval at which regions exchange their per-key counts (each sends its own slots to the others)",
    unit: "s",
    assumed: 1,
    assumedBecause:
      "a second leaves room for a cross-region round trip (about 150 ms between continents) and a small batch, and keeps the over-admission to one second of a key's rate per other region",
  },
  { id: "leader_requests_per_sec", label: "requests one consensus leader handles", unit: "req/s" },
  {
    id: "heartbeat_seconds",
    label: "heartbeat interval",
    unit: "s",
    assumed: 5,
    assumedBecause: "a few seconds lets expiry detect a dead member within a few missed beats",
  },
  {
    id: "ttl_seconds",
    label: "time-to-live of a cached or ephemeral entry",
    unit: "s",
    assumed: 60,
    assumedBecause: "a minute is a common staleness budget for cached copies",
  },
  { id: "timers", label: "pending timers or scheduled jobs", unit: "timers" },
  // "80 million carts", "10k game worlds": things of a kind no stated noun lists, each kept as one record
  { id: "population", label: "things the prompt counts, each kept as one record", unit: "records" },
  { id: "items", label: "items to scan or visit", unit: "items" },
  { id: "host_delay_seconds", label: "per-host delay between fetches", unit: "s" },
  { id: "links_per_page", label: "links extracted from a fetched page", unit: "links" },
  { id: "dns_ttl_seconds", label: "seconds a cached DNS answer is kept", unit: "s" },
  {
    id: "scan_period_seconds",
    label: "time allowed for one full pass",
    unit: "s",
    assumed: 86400,
    assumedBecause: "a daily pass is the usual revisit period",
  },
  { id: "series", label: "active time series", unit: "series" },
  { id: "series_budget_per_ingester", label: "series budgeted per ingester", unit: "series" },
  {
    id: "provider_requests_per_sec",
    label: "calls a second the outside party accepts per account",
    unit: "req/s",
    // no typical value: the party decides it (knowledge/parties.ts), and a customer's endpoint has none
  },
  {
    id: "distributor_samples_per_core",
    label: "samples a second planned per distributor core",
    unit: "samples/s",
    assumed: 25000,
    assumedBecause: "that is what Mimir's capacity guide plans for one distributor core",
  },
  {
    id: "writes_per_workflow",
    label: "writes for each workflow",
    unit: "writes for each workflow",
    assumed: 3,
    assumedBecause: "a workflow writes its state once on create, once on calling out and once on settling",
  },
  {
    id: "scrape_seconds",
    label: "scrape or report interval",
    unit: "s",
    assumed: 15,
    assumedBecause: "fifteen seconds is a common scrape interval",
  },
  {
    id: "distinct_keys_per_window",
    label: "distinct keys seen in one window",
    unit: "keys",
    assumed: 20000000,
    assumedBecause: "an hour of a large social stream carries tens of millions of distinct hashtags",
  },
  {
    id: "keys_per_message",
    label: "counted keys one event carries",
    unit: "keys",
    assumed: 0.5,
    assumedBecause: "most posts carry no hashtag and some carry several",
  },
  {
    id: "bucket_count",
    label: "buckets in the window",
    unit: "buckets",
    assumed: 60,
    assumedBecause: "an hour slid by the minute keeps 60 one-minute buckets",
  },
  // "1536-dimensional embeddings": the size of one vector a nearest-neighbour index holds
  { id: "vector_dimensions", label: "dimensions of one embedding", unit: "dimensions" },
  {
    id: "top_k",
    label: "keys in the ranking",
    unit: "keys",
    assumed: 100,
    assumedBecause: "a top-100 list",
  },
  {
    id: "retention_days",
    label: "retention period",
    unit: "days",
    assumed: 7,
    assumedBecause: "a week of replayable history is a common default",
  },
  {
    id: "raw_retention_days",
    label: "days raw samples are kept before only rollups remain",
    unit: "days",
    assumed: 30,
    assumedBecause: "a month of full resolution covers recent investigations; older ranges are read as trends",
  },
  {
    id: "rollup_share",
    label: "bytes of the kept rollups, as a share of the raw bytes over the same period",
    unit: "fraction",
    assumed: 0.27,
    assumedBecause:
      "5-minute and 1-hour rollups keep five aggregates per step: about 27% of the raw bytes at a 15 s interval",
  },
  // a consensus group's members are not a store's copies of an item: the group the drawing names has this size
  {
    id: "voters",
    label: "voting members of one consensus group",
    unit: "voters",
    assumed: 5,
    assumedBecause: "five voters keep a majority of three through two failures, one planned and one not",
  },
  {
    id: "replicas",
    label: "replicas per item",
    unit: "replicas",
    assumed: 3,
    assumedBecause: "three copies survive one failure during repair of another",
  },
  {
    id: "writes_per_run",
    label: "run-store writes per run",
    unit: "writes",
    assumed: 3,
    assumedBecause: "a run's record is written when it is materialised, when a worker claims it and when it completes",
  },
  // a DAG run is a graph of tasks, each its own task instance with its own state and tries (I03/dag.ts)
  {
    id: "tasks_per_run",
    label: "task instances per DAG run",
    unit: "tasks",
    assumed: 10,
    assumedBecause: "a batch DAG (extract, a few transforms, load, checks) has around ten tasks; a planning figure",
  },
  {
    id: "writes_per_task",
    label: "placement and state writes per task",
    unit: "writes",
    assumed: 3,
    assumedBecause:
      "the control plane writes a task's state when it is bound to a node, when it starts and when it finishes",
  },
  {
    id: "missed_heartbeats",
    label: "missed heartbeats before a member is declared dead",
    unit: "heartbeats",
    assumed: 3,
    assumedBecause:
      "waiting for three missed beats rides out one lost packet or a short pause without evicting a live member",
  },
  {
    id: "timestamp_bits",
    label: "bits of an id holding milliseconds since the layout's epoch",
    unit: "bits",
    assumed: 41,
    assumedBecause:
      "Twitter's Snowflake layout gives the time 41 bits of milliseconds from a custom epoch, after one unused sign bit (twitter-archive/snowflake README)",
  },
  {
    id: "worker_bits",
    label: "bits of an id naming the generator (worker id)",
    unit: "bits",
    assumed: 10,
    assumedBecause: "Twitter's Snowflake layout gives the machine id 10 bits, up to 1,024 machines",
  },
  {
    id: "sequence_bits",
    label: "bits of an id counting ids within one millisecond on one generator",
    unit: "bits",
    assumed: 12,
    assumedBecause: "Twitter's Snowflake layout gives the sequence 12 bits, rolling over every 4,096 ids per machine",
  },
  {
    id: "ids_per_generator_per_sec",
    label: "ids one generator mints per second with a 12-bit sequence",
    unit: "ids/s",
    assumed: 4096000,
    assumedBecause:
      "a 12-bit sequence numbers 4,096 ids within each millisecond, so one generator mints at most 4,096,000 a second",
  },
  {
    id: "worker_id_space",
    label: "generators a 10-bit worker-id field can name",
    unit: "workers",
    assumed: 1024,
    assumedBecause: "a 10-bit field holds 2^10 = 1,024 distinct worker ids",
  },
  {
    id: "id_bytes",
    label: "bytes per stored id",
    unit: "B",
    assumed: 8,
    assumedBecause: "a 64-bit id takes 8 bytes",
  },
  {
    id: "entries_per_transfer",
    label: "ledger entries per transfer",
    unit: "entries",
    assumed: 2,
    assumedBecause: "double-entry bookkeeping writes a debit and a credit for every transfer",
  },
  {
    id: "edge_copies",
    label: "copies kept of each edge",
    unit: "copies",
    assumed: 2,
    assumedBecause:
      "each edge is kept under both endpoints, in one user's following list and the other's follower list, so either direction reads one partition",
  },
  {
    id: "cells_per_nearby_query",
    label: "grid cells one nearby search reads",
    unit: "cells",
    assumed: 9,
    assumedBecause:
      "a search reads its own cell and the eight around it, so a match just across a cell edge is not missed",
  },
  {
    // "answers searches over the last 90 days" in a store that keeps records for years: the recent window a search
    // index holds, apart from the retention the archive keeps
    id: "search_window_days",
    label: "search window",
    unit: "days",
  },
  {
    id: "local_retention_days",
    label: "days of closed log segments kept on broker disks when older ones live in object storage",
    unit: "days",
    assumed: 1,
    assumedBecause:
      "with a remote tier the brokers need only the hot window tail reads and a consumer catching up after an outage touch, about a day (Kafka's local.retention.ms, at most retention.ms)",
  },
  {
    id: "snapshot_reads_per_node",
    label: "reads one node answers a second from the configuration snapshot it holds in memory",
    unit: "reads/s",
    assumed: 100000,
    assumedBecause:
      "a read is one in-memory lookup and a small reply, microseconds of work, so a hundred thousand a second on a few cores (a planning figure)",
  },
  {
    id: "streams_per_server",
    label: "long-lived streams one distribution server holds while pushing each of them a payload within seconds",
    unit: "streams",
    assumed: 20000,
    assumedBecause:
      "an event-loop server holds far more idle sockets, but one that must send every stream a full payload at once, over TLS, and absorb their reconnects after a restart is commonly planned at tens of thousands",
  },
  {
    id: "server_egress_bytes_per_sec",
    label: "network egress one server sustains",
    unit: "B/s",
    assumed: 1250000000,
    assumedBecause: "a common server network card carries 10 Gbit/s",
  },
  {
    id: "planning_years",
    label: "years of growth storage is planned for",
    unit: "years",
    assumed: 5,
    assumedBecause: "storage is commonly provisioned for about five years of growth",
  },
  {
    id: "ranked_entry_bytes",
    label: "bytes per ranked-list entry (id plus score)",
    unit: "B",
    assumed: 16,
    assumedBecause: "an 8-byte id plus an 8-byte score",
  },
  {
    id: "sorts_per_community",
    label: "ranked lists kept per community",
    unit: "lists",
    assumed: 3,
    assumedBecause: "hot, top and new are each kept as their own ordered list",
  },
  {
    id: "storage_overhead",
    label: "raw bytes stored per byte of data (the redundancy scheme's overhead)",
    unit: "x",
    assumed: 3,
    assumedBecause:
      "three full replicas; an erasure code with k data and m parity fragments stores (k + m) / k instead",
  },
  {
    id: "min_storage_nodes",
    label: "fewest storage nodes the redundancy scheme places one piece per node on",
    unit: "nodes",
    assumed: 3,
    assumedBecause: "three replicas need three nodes in distinct failure domains",
  },
  {
    id: "regions",
    label: "regions or data centres",
    unit: "regions",
    assumed: 1,
    assumedBecause: "a single region unless the prompt names more",
  },
  {
    id: "gateways_per_region",
    label: "gateway instances enforcing limits in one region or data centre",
    unit: "gateways",
    assumed: 3,
    assumedBecause:
      "a site runs a few gateway instances, one per zone, so losing one still leaves it admitting requests",
  },
  {
    id: "serving_regions",
    label: "regions the reads are served from, each with its own copy",
    unit: "regions",
    assumed: 1,
    assumedBecause:
      "reads are served from the home region unless a stated latency target is below one round trip between regions",
  },
  {
    id: "hit_ratio",
    label: "cache hit ratio",
    unit: "fraction",
    assumed: 0.9,
    assumedBecause: "a warmed cache commonly serves nine requests in ten",
  },
  { id: "subscribers", label: "subscribers or watchers per change", unit: "watchers" },
  { id: "subjects", label: "shared subjects (documents, rooms)", unit: "subjects" },
  {
    id: "participants",
    label: "participants per subject",
    unit: "participants",
    assumed: 10,
    assumedBecause: "a small group edits or chats together",
  },
  // a stated per-subject count ("up to 50 people edit the same board") is the most one subject holds: it sizes the
  // busiest subject, while fleet totals read the typical subject's participants
  {
    id: "max_participants",
    label: "participants of the busiest subject (the most one subject holds)",
    unit: "participants",
  },
  // a video meeting's media, per layer and per receiver (archetypes/I13/conference.ts)
  { id: "speaker_video_bytes_per_sec", label: "speaker's high-layer video rate", unit: "B/s" },
  { id: "thumbnail_bytes_per_sec", label: "gallery thumbnail's low-layer video rate", unit: "B/s" },
  { id: "audio_bytes_per_sec", label: "audio stream rate", unit: "B/s" },
  { id: "gallery_page", label: "video thumbnails one receiver shows at once", unit: "streams" },
  { id: "audio_forwarded", label: "audio streams forwarded to each receiver", unit: "streams" },
  { id: "simulcast_bytes_per_sec", label: "camera's upload rate in all its simulcast encodings", unit: "B/s" },
  { id: "sfu_egress_bytes_per_sec", label: "SFU host's forwarding rate", unit: "B/s" },
  { id: "relay_share", label: "share of participants whose media goes through a TURN relay", unit: "fraction" },
  // a game server's tick: how often it steps a match and sends its players the state (archetypes/I13/game.ts)
  { id: "tick_rate_hz", label: "ticks a second a game server steps a match and sends its state", unit: "ticks/s" },
  // an auction site's own sizes (archetypes/I13/auction.ts)
  { id: "auctions", label: "auctions open at once", unit: "auctions" },
  { id: "bids_per_auction", label: "bids one auction draws over its life", unit: "bids" },
  { id: "auction_days", label: "how long an auction runs", unit: "days" },
  { id: "backup_interval_seconds", label: "interval between one source's backups", unit: "s" },
  { id: "closing_bids", label: "bids the hottest auction draws in its closing moments", unit: "bids" },
  { id: "closing_burst_seconds", label: "span of the hottest auction's closing burst of bids", unit: "s" },
  { id: "closing_bid_rate", label: "bids one bidder sends a second in an auction's last seconds", unit: "bids/s" },
  { id: "price_pushes_per_sec", label: "coalesced price pushes one watcher gets a second", unit: "msgs/s" },
  { id: "group_commit_seconds", label: "interval between group commits of a log", unit: "s" },
  {
    id: "closing_window_seconds",
    label: "an auction's closing window (its last seconds, or what a soft close extends it by)",
    unit: "s",
  },
  // nearby static places: the directory, its index and the popular-cell cache (features/places.ts)
  { id: "place_index_bytes", label: "one place in the geo index", unit: "B" },
  { id: "business_bytes", label: "one business record", unit: "B" },
  { id: "cell_cache_hit_ratio", label: "share of cell reads the popular-cell cache answers", unit: "fraction" },
  { id: "review_reads_per_sec", label: "review page reads a second", unit: "reads/s" },
  { id: "index_node_reads_per_sec", label: "cell reads one index replica answers a second", unit: "reads/s" },
  { id: "reviews_per_day", label: "reviews written a day", unit: "reviews/day" },
  // a log pipeline's own sizes (archetypes/I18/logs.ts)
  { id: "line_bytes", label: "average log line size", unit: "B" },
  { id: "compression_ratio", label: "compression ratio of log text", unit: "x" },
  { id: "index_size_ratio", label: "bytes the hot tier keeps on disk per raw log byte", unit: "x" },
  { id: "shard_ingest_bytes_per_sec", label: "indexing rate of one index shard", unit: "B/s" },
  { id: "buffer_hours", label: "replay window of the durable buffer", unit: "h" },
  { id: "hot_days", label: "days kept in the hot index", unit: "days" },
  { id: "ship_seconds", label: "shipper flush interval", unit: "s" },
  { id: "buffer_lag_seconds", label: "indexer lag behind the buffer", unit: "s" },
  { id: "index_batch_seconds", label: "indexing batch time", unit: "s" },
  { id: "index_refresh_seconds", label: "index refresh interval", unit: "s" },
  { id: "query_label_share", label: "share of lines a search's labels select", unit: "fraction" },
  // a tracing backend's own sizes (archetypes/I18/traces.ts)
  { id: "span_bytes", label: "average span size", unit: "B" },
  { id: "spans_per_trace", label: "spans per trace", unit: "spans" },
  { id: "collector_spans_per_sec", label: "spans one collector takes a second", unit: "spans/s" },
  // a tracing pipeline's spans and the share of traces it keeps (archetypes/I18/traces.ts)
  { id: "spans_per_sec", label: "spans received a second", unit: "spans/s" },
  { id: "trace_sample_share", label: "sampling rate (share of traces kept)", unit: "fraction" },
  // ratio bounds a prompt states (knowledge/bound-kinds.ts RATIO_BOUNDS), each a fraction read in its own words
  {
    id: "overshoot_bound_share",
    label: "stated overshoot bound (admissions past a quota or limit, as a share of it)",
    unit: "fraction",
  },
  {
    id: "count_error_bound_share",
    label: "stated count error bound (how far an answered count may be from the true one, as a share of it)",
    unit: "fraction",
  },
  { id: "duplicate_bound_share", label: "stated duplicate bound (repeats as a share of all items)", unit: "fraction" },
  { id: "loss_bound_share", label: "stated loss bound (items lost as a share of all items)", unit: "fraction" },
  {
    id: "quota_window_seconds",
    label: "quota window (the span a quota or limit is counted over)",
    unit: "s",
    assumed: 60,
    assumedBecause: "a per-minute quota is the common contract an API states to its callers",
  },
  // an IoT fleet's devices and sensors, its raw-then-rollups retention and a last-24-hour query (archetypes/I18/iot.ts)
  { id: "devices", label: "devices reporting", unit: "devices" },
  // "unique across all 12 warehouses", "across 40 box offices": places that each run their own copy of the service
  { id: "sites", label: "places that each run their own copy of the service (a warehouse, a branch)", unit: "sites" },
  {
    id: "generators_per_site",
    label: "id generator processes in one data centre or site",
    unit: "generators",
    assumed: 10,
    assumedBecause:
      "a planning figure: enough generators in each place that one can fail and the rest still mint at the peak; Twitter's own Snowflake left room for 32 per data centre (5 of its 10 worker-id bits name the data centre, 5 the worker)",
  },
  {
    id: "sensors_per_device",
    label: "sensors (series) per device",
    unit: "series",
    assumed: 10,
    assumedBecause: "a planning figure: a device carries about ten sensors, each its own series",
  },
  { id: "rollup_seconds", label: "width of one rollup bucket", unit: "s" },
  { id: "rollup_bytes", label: "one series' rollup bucket, compressed", unit: "B" },
  { id: "series_per_query", label: "series one dashboard query reads", unit: "series" },
  // a whiteboard's per-board cursor relay and stored objects (archetypes/I13/whiteboard.ts)
  { id: "cursor_updates_per_sec", label: "cursor updates one participant sends a second", unit: "msgs/s" },
  { id: "cursor_bytes", label: "one cursor update on the wire", unit: "B" },
  { id: "objects_per_board", label: "objects on one board", unit: "objects" },
  { id: "boards", label: "boards kept", unit: "boards" },
  { id: "bytes_stored", label: "total bytes stored", unit: "B" },
  {
    id: "chunk_bytes",
    label: "chunk or block size",
    unit: "B",
    assumed: 67108864,
    assumedBecause: "64 MB chunks keep metadata small for large files",
  },
  {
    id: "node_bytes",
    label: "usable bytes per storage node",
    unit: "B",
    assumed: 20000000000000,
    assumedBecause: "a dense storage node holds about 20 TB",
  },
  {
    id: "disk_bytes",
    label: "usable bytes of one disk or drive",
    unit: "B",
  },
  {
    id: "disks_per_node",
    label: "disks one storage node carries",
    unit: "disks",
    assumed: 12,
    assumedBecause: "a common 2U storage server has twelve drive bays (a planning figure)",
  },
  {
    id: "disk_fill",
    label: "share of a storage node's bytes planned to be used",
    unit: "fraction",
    assumed: 0.8,
    assumedBecause:
      "nodes are planned to about 80% full, so a failed node's data has room on its peers and growth has room before new nodes arrive (a planning figure)",
  },
  {
    id: "max_node_bytes",
    label: "the most bytes one storage server can carry",
    unit: "B",
    assumed: 1.2e15,
    assumedBecause:
      "a dense 4U enclosure of 60 drives of 20 TB carries about 1.2 PB, the most one server holds (a planning figure)",
  },
  {
    id: "disk_write_bytes_per_sec",
    label: "sustained write bandwidth per node",
    unit: "B/s",
    assumed: 200000000,
    assumedBecause: "a node sustains about 200 MB/s of writes",
  },
  { id: "bytes_per_user", label: "bytes of files stored per user", unit: "B" },
  {
    id: "queue_writes_per_message",
    label: "replicated writes one work-queue message costs",
    unit: "writes",
    assumed: 3,
    assumedBecause:
      "a message is written when sent, again when a receive leases it, and once more when its ack deletes it",
  },
  {
    id: "consumer_outage_seconds",
    label: "longest time workers may stop consuming that the queue must hold",
    unit: "s",
    assumed: 3600,
    assumedBecause:
      "a bad deploy or a failing downstream can stop every worker for about an hour before it is rolled back",
  },
  {
    id: "nodes_per_rack",
    label: "storage servers behind one top-of-rack switch",
    unit: "nodes",
    assumed: 40,
    assumedBecause:
      "a rack holds a few dozen storage servers sharing one top-of-rack switch and power feed (a planning figure)",
  },
  {
    id: "repair_helpers",
    label: "nodes that take part in rebuilding one failed node's data at once",
    unit: "nodes",
    assumed: 100,
    assumedBecause:
      "the repair scheduler caps concurrent rebuilds so foreground traffic keeps its bandwidth, and a failed node's pieces are scattered over about a hundred peers that rebuild them at once (a planning figure)",
  },
  {
    id: "repair_bytes_per_sec",
    label: "repair bandwidth planned per node taking part in a rebuild",
    unit: "B/s",
    assumed: 100000000,
    assumedBecause:
      "repair is throttled to about a tenth of a 10 Gb/s network link so client reads and writes keep the rest (a planning figure)",
  },
  {
    id: "repair_read_amplification",
    label: "bytes read from other nodes per byte rebuilt",
    unit: "x",
    assumed: 1,
    assumedBecause: "a lost replica is copied whole from one surviving copy",
  },
  { id: "backends", label: "backends or upstream instances", unit: "backends" },
  { id: "bidders", label: "bidders (demand partners) an ad exchange may send each bid request to", unit: "bidders" },
  // an ad exchange's deadline, step by step (knowledge/archetypes/I17/adx.ts): each step's words as the budget is said
  {
    id: "publisher_rtt_seconds",
    label: "publisher's round trip to the nearest region",
    unit: "s",
    share: "for the publisher's round trip",
  },
  { id: "enrich_seconds", label: "time to parse and enrich a bid request", unit: "s", share: "for enrichment" },
  {
    id: "bidder_timeout_seconds",
    label: "time the exchange waits for bidders (the tmax it sends them)",
    unit: "s",
    share: "waiting for bidders",
  },
  { id: "auction_seconds", label: "time to rank the bids and write the answer", unit: "s", share: "for the auction" },
  { id: "services", label: "logical services (each a name with instances behind it)", unit: "services" },
  {
    id: "instances_per_service",
    label: "running instances behind one service",
    unit: "instances",
    assumed: 20,
    assumedBecause: "a service runs a few to a few dozen instances across zones and versions",
  },
  // "a city of 2 million people": the people living where the service runs, which bound its users, riders and trips,
  // each derived with a share of its own (QUANTITY_BRIDGES), never all of them users
  {
    id: "place_population",
    label: "people living where the service runs",
    unit: "people",
  },
  {
    id: "resident_user_share",
    label: "share of the place's people who use the service",
    unit: "fraction",
    assumed: 0.2,
    assumedBecause:
      "about one resident in five uses a popular local service (a planning share; a public service every resident must use reaches nearly all, so pin it where that holds)",
  },
  {
    id: "rides_per_resident_per_day",
    label: "ride-hailing trips a day for each person living in the served place",
    unit: "rides/day",
    assumed: 0.05,
    assumedBecause:
      "about one app trip a day for every twenty residents of a city the service is well established in (a planning figure; measure the market)",
  },
  {
    id: "trip_seconds",
    label: "time one ride lasts, from pickup to drop-off",
    unit: "s",
    assumed: 1200,
    assumedBecause: "a city ride of about twenty minutes (a planning figure)",
  },
  {
    id: "driver_busy_share",
    label: "share of an online driver's time spent carrying a rider",
    unit: "fraction",
    assumed: 0.5,
    assumedBecause:
      "an online driver carries a rider about half the time and waits or drives to the next pickup the rest (a planning share)",
  },
  // "500 hours of video uploaded every minute": media said by its running time per period, as seconds a second
  {
    id: "media_seconds_per_sec",
    label: "seconds of media arriving each second (hours of video a minute, said in seconds a second)",
    unit: "s of media/s",
  },
  {
    id: "moving_objects",
    label: "drivers, couriers or other objects whose live position is tracked",
    unit: "objects",
  },
  {
    id: "update_seconds",
    label: "interval between two position reports from one moving object",
    unit: "s",
  },
  // "each robot asks for its next moves every 200 ms": how often one counted client calls the service, which with the
  // stated count of clients is the request rate the service answers
  {
    id: "request_interval_seconds",
    label: "interval between two requests from one client",
    unit: "s",
  },
  { id: "rotation_period_seconds", label: "time between two rotations of one secret", unit: "s" },
  {
    id: "progress_interval_seconds",
    label: "interval between two saves of the playback position",
    unit: "s",
  },
  { id: "viewing_hours_per_user_per_day", label: "hours of viewing per user a day", unit: "hours/day" },
  { id: "appliance_bytes_per_sec", label: "bytes one edge cache appliance serves a second", unit: "B/s" },
  // a music service's audio from a CDN's edges: the count of edge servers its peak egress needs (features/music.ts)
  { id: "edge_server_bytes_per_sec", label: "bytes a second one edge server serves", unit: "B/s" },
  { id: "recipients_per_message", label: "recipients of one message", unit: "recipients" },
  // the busiest conversation's posting rate: with its member count it sizes one post's fan-out (features/chat.ts)
  { id: "posts_per_sec_in_busiest", label: "messages posted a second in the busiest conversation", unit: "msg/s" },
  { id: "status_changes_per_user_per_hour", label: "status changes each user makes an hour", unit: "changes/h" },
  { id: "watchers_per_user", label: "watchers of one user's status", unit: "watchers" },
  {
    id: "online_share",
    label: "share of daily users online at the peak",
    unit: "fraction",
    assumed: 0.1,
    assumedBecause: "about one user in ten is online at the daily peak",
  },
  { id: "push_share", label: "share of notifications sent as a phone push", unit: "fraction" },
  { id: "notifications_per_user_per_day", label: "notifications per user a day", unit: "notifications/day" },
  {
    id: "retry_window_seconds",
    label: "how long a failed call keeps being retried before it is given up",
    unit: "s",
  },
  {
    id: "backoff_base_seconds",
    label: "wait before the first retry of a failed call",
    unit: "s",
    assumed: 30,
    assumedBecause: "the first retry waits about half a minute, long enough for a blip to pass",
  },
  {
    id: "backoff_factor",
    label: "how many times longer each wait between attempts is than the one before",
    unit: "x",
    assumed: 2,
    assumedBecause: "exponential backoff doubles the wait after each failure",
  },
  {
    id: "backoff_doublings",
    label: "times the wait between attempts grows before it stops",
    unit: "doublings",
    assumed: 10,
    assumedBecause:
      "ten doublings take a thirty-second wait to about eight and a half hours, so a long outage costs a few attempts a day",
  },
  {
    id: "failed_share",
    label: "share of calls that fail and wait for a retry",
    unit: "fraction",
    assumed: 0.01,
    assumedBecause: "at any moment about one call in a hundred meets an endpoint that is down, slow or erroring",
  },
  { id: "tenants", label: "tenants or customers", unit: "tenants" },
  // the outputs a media pipeline makes from each upload ("into five resolutions", "producing three bitrates")
  { id: "renditions", label: "outputs made from each upload (resolutions, bitrates, sizes)", unit: "renditions" },
  // trained models a serving platform keeps loaded for online predictions ("for 200 models")
  { id: "models", label: "models served", unit: "models" },
  { id: "tasks_per_sec", label: "tasks or invocations per second", unit: "tasks/s" },
  {
    id: "task_seconds",
    label: "average task duration",
    unit: "s",
    assumed: 30,
    assumedBecause: "a short background job takes tens of seconds",
  },
  // the parts of a windowed count's wait before it is visible (knowledge/archetypes/I06/aggregation.ts)
  {
    id: "window_seconds",
    label: "length of one window (a session window's inactivity gap)",
    unit: "s",
    share: "of window",
  },
  // read by the stated uses (capacity/stated.ts) where no model of the design reads the stated number
  { id: "window_key_bytes", label: "state one key's open window takes", unit: "B" },
  { id: "readers_per_source", label: "change-log readers per source database", unit: "readers" },
  { id: "updates_per_subject_per_sec", label: "state updates one subject sends each participant a second", unit: "/s" },
  { id: "update_bytes", label: "bytes one state update takes", unit: "B" },
  { id: "frames_per_sec", label: "frames one participant's video stream sends a second", unit: "frames/s" },
  { id: "frame_bytes", label: "bytes one encoded video frame takes", unit: "B" },
  { id: "live_delay_seconds", label: "how far a viewer's picture may trail the live source", unit: "s" },
  { id: "viewers_per_stream", label: "viewers watching one live stream at once", unit: "viewers" },
  { id: "encode_seconds", label: "time from capture to the first encoded bytes of a segment", unit: "s" },
  {
    id: "edge_delivery_seconds",
    label: "time to publish a segment and fetch it through the edge to a viewer",
    unit: "s",
  },
  { id: "buffered_segments", label: "segments a live player holds behind the live edge", unit: "segments" },
  { id: "relay_fanout", label: "servers one relay server feeds in a distribution tree", unit: "servers" },
  { id: "packets_per_sec", label: "packets the data plane forwards a second", unit: "packets/s" },
  { id: "node_packets_per_sec", label: "packets one forwarding machine moves a second", unit: "packets/s" },
  { id: "packet_bytes", label: "average size of one forwarded packet", unit: "B" },
  {
    id: "watermark_delay_seconds",
    label: "delay of the watermark behind the newest events (clock skew and partition lag)",
    unit: "s",
    share: "of watermark delay",
  },
  {
    id: "allowed_lateness_seconds",
    label: "time a window stays open past the watermark for late events",
    unit: "s",
    share: "of allowed lateness",
  },
  {
    id: "checkpoint_seconds",
    label: "interval between checkpoints that commit the published counts",
    unit: "s",
    share: "until its checkpoint commits",
  },
  {
    id: "open_seconds",
    label: "time each workflow stays open, from its start to its end (waits included)",
    unit: "s",
  },
  {
    id: "slots_per_worker",
    label: "concurrent tasks per worker",
    unit: "slots",
    assumed: 4,
    assumedBecause: "a worker runs a few tasks at once",
  },
  {
    id: "config_bytes",
    label: "size of one configuration snapshot",
    unit: "B",
    assumed: 1000000,
    assumedBecause: "a rule or route table is commonly around 1 MB",
  },
  { id: "changes_per_sec", label: "configuration or metadata changes per second", unit: "changes/s" },
  // a change reaches a node as a delta from the version it applied; the whole snapshot only when it starts or falls
  // behind, and a whole fleet's re-sync is spread over a jittered reconnect window (archetypes/I11/capacity.ts)
  {
    id: "delta_bytes",
    label: "bytes one change sends a node: the changed entries since the version it applied",
    unit: "B",
  },
  {
    id: "resync_seconds",
    label: "window over which a whole fleet's reconnects are spread (jittered) when it re-syncs full snapshots",
    unit: "s",
  },
  // a work queue partition's leader commits in groups, and an unacked message expires after its retention
  // (archetypes/I05/capacity.ts)
  {
    id: "group_commit_writes_per_sec",
    label: "small writes one queue partition leader sustains with group commit",
    unit: "writes/s",
  },
  { id: "message_retention_days", label: "how long an unacknowledged message is kept before it expires", unit: "days" },
  {
    id: "membership_changes_per_sec",
    label: "membership changes (joins, leaves and status changes) per second",
    unit: "changes/s",
  },
  {
    id: "fanout",
    label: "average fan-out per event",
    unit: "deliveries",
    assumed: 100,
    assumedBecause: "a typical subscriber count per change",
  },
  {
    id: "id_block_size",
    label: "identifiers per leased block",
    unit: "ids",
    assumed: 1000,
    assumedBecause: "a block of a thousand ids makes allocator round trips rare while wasting few ids on a crash",
  },
  {
    id: "value_bytes",
    label: "average key-value item size",
    unit: "B",
    assumed: 1000,
    assumedBecause: "a session, profile or small record value is about 1 KB",
  },
  {
    id: "partition_skew",
    label: "load on the busiest partition over the average partition's",
    unit: "x",
    assumed: 2,
    assumedBecause:
      "keys are rarely uniform, so the busiest partition is planned at about twice the average until its real load is measured",
  },
  // a waiting room's line (archetypes/I08/waiting-room.ts): the rate the protected site takes new visitors at, the
  // waiting page's poll interval, the edge's points of presence and its cache of the watermark, an admitted visit
  { id: "admits_per_sec", label: "new visitors the protected site takes a second", unit: "visitors/s" },
  { id: "poll_seconds", label: "time between two position polls of one waiting page", unit: "s" },
  { id: "edge_pops", label: "CDN points of presence serving the waiting page", unit: "pops" },
  { id: "watermark_cache_seconds", label: "how long a point of presence caches the room's watermark", unit: "s" },
  { id: "session_seconds", label: "how long an admitted visitor stays active on the protected site", unit: "s" },
  { id: "ticket_bytes", label: "bytes of one queue ticket with its index entry", unit: "B" },
  // "losing any two disk servers at once loses nothing": a floor on the losses the replicas or stripe must survive,
  // which the redundancy decision meets (never the fleet's size, never the pieces a chosen code tolerates)
  {
    id: "machines_lost_at_once",
    label: "machines the prompt says may fail at once without losing data",
    unit: "nodes",
  },
  // one-time codes (archetypes/I16/otp.ts): "20,000 codes are sent per second", "valid for 5 minutes", "at most 5
  // wrong guesses per code"
  { id: "codes_per_sec", label: "one-time codes issued and sent a second at peak", unit: "codes/s" },
  { id: "code_valid_seconds", label: "how long one code may be used after it is issued", unit: "s" },
  { id: "attempt_limit", label: "wrong tries allowed on one secret before it is refused", unit: "attempts" },
];

/**
 * Product activity a prompt states per day ("500 million tweets a day", "each user posts twice a
 * day"): the fleet's total a day and one user's a day. Product features' capacity models read the
 * per-user form and derive it from the daily total and the users when that is what is stated.
 */
export const DAILY_ACTIVITIES = [
  { id: "posts", label: "posts (tweets, answers, activities, stories) published" },
  { id: "uploads", label: "photos or videos uploaded" },
  { id: "likes", label: "likes, votes or reactions given" },
  { id: "messages", label: "chat messages sent" },
  { id: "orders", label: "orders placed" },
  { id: "transfers", label: "payments or transfers between users" },
  { id: "rides", label: "rides, trips or deliveries requested" },
] as const;
export type DailyActivity = (typeof DAILY_ACTIVITIES)[number]["id"];

const DAILY_QUANTITIES: readonly Quantity[] = [
  ...DAILY_ACTIVITIES.flatMap((a): Quantity[] => [
    { id: `${a.id}_per_day`, label: `${a.label} per day, across all users`, unit: `${a.id}/day` },
    { id: `${a.id}_per_user_per_day`, label: `${a.label} per user per day`, unit: `${a.id}/day per user` },
  ]),
  {
    id: "followers_per_user",
    label: "accounts one user follows, which on average equals the followers one user has",
    unit: "accounts",
  },
];

/** Rate quantities a prompt may state per key, user, tenant, node or partition rather than for the whole fleet. */
export const SCOPED_RATES = [
  "requests_per_sec",
  "writes_per_sec",
  "reads_per_sec",
  "messages_per_sec",
  "samples_per_sec",
  "ids_per_sec",
  "tasks_per_sec",
  "items_per_sec",
] as const;
export const RATE_SCOPES = ["key", "user", "tenant", "node", "partition"] as const;

/**
 * The named quantities starter formulas and capacity models may use, including the scoped rates
 * (`requests_per_sec_per_key` is one key's rate, never the fleet's).
 */
/**
 * The only numbers a figure or bottleneck formula may write out: unit conversions, and one as the identity
 * ("1 - hit_ratio", "replicas - 1"). Any other constant is an assumption, so it is a named quantity with its
 * reason; the knowledge compile step rejects a formula that writes one out.
 */
export const FORMULA_CONSTANTS: ReadonlyMap<number, string> = new Map([
  [1, "one, as an identity (the rest of a share, all replicas but one)"],
  [2, "two, the base a count of bits is counted in"],
  [10, "ten, the base a count of nines is counted in"],
  [1000, "milliseconds a second"],
  [8760, "hours a year"],
  [24, "hours a day"],
  [60, "seconds a minute"],
  [3600, "seconds an hour"],
  [86400, "seconds a day"],
  [365, "days a year"],
  [31536000, "seconds a year"],
]);

export const QUANTITIES: readonly Quantity[] = [
  ...BASE_QUANTITIES,
  ...DAILY_QUANTITIES,
  ...SCOPED_RATES.flatMap((r) => {
    const base = BASE_QUANTITIES.find((q) => q.id === r);
    return RATE_SCOPES.map(
      (scope): Quantity => ({
        id: `${r}_per_${scope}`,
        label: `${base?.label ?? r} for one ${scope} (not the fleet total)`,
        unit: `${base?.unit ?? "/s"} per ${scope}`,
      }),
    );
  }),
];

export const QUANTITY_BY_ID: ReadonlyMap<string, Quantity> = new Map(QUANTITIES.map((q) => [q.id, q]));

/**
 * Fleets a stated count fixes: a figure that sizes one of these (`sets`) gives way to the prompt's count ("runs builds
 * on 500 worker machines" is the worker fleet, never a second, computed one beside it). Nodes are not among them: a
 * stated count of machines is as often the hosts a service watches or serves as its own fleet.
 */
export const STATED_FLEETS: ReadonlySet<string> = new Set(["workers"]);

/**
 * Counts of machines whose meaning is each model's own role: a cache card's `nodes` are its cache servers, a gateway's
 * its proxies, a configuration card's the hosts applying the config. Stated, the count is the prompt's and every model
 * reads it; assumed, it is one model's guess at its own fleet and is never handed to another model (a cache tier's
 * fifty nodes would otherwise size an object store's storage fleet).
 */
export const ROLE_FLEETS: ReadonlySet<string> = new Set(["nodes"]);

/**
 * The same amount said in another unit: a stated bandwidth with an assumed record size is a record rate, a
 * stated record rate at that size a bandwidth, a daily amount a per-second one. A model that reads one of
 * these quantities, where the prompt states another of the pair, reads the stated number through the bridge
 * (only a bridge that rests on a stated number is taken, and never in place of a model's own derivation from
 * one): "ingests 1 GB/s" sizes a log that counts records, and "1 million clicks per second" a pipeline that
 * counts samples.
 */
export interface QuantityBridge {
  quantity: string;
  expression: string;
  why: string;
  /** The bridge holds only while its value is at most this (a longer stated run is mostly waiting, not work). */
  atMost?: number;
  /**
   * The bridge holds only when the prompt states every quantity it reads: a ratio of two rates means something only
   * when both are the prompt's, never a stated rate over another model's typical one.
   */
  allStated?: true;
  /** The bridge holds only when the prompt also states one of these quantities (a report interval for a fleet that reports). */
  needsOne?: readonly string[];
}

export const QUANTITY_BRIDGES: readonly QuantityBridge[] = [
  // "8,000 buses report their position every 10 seconds": the things the prompt counts and says report once an
  // interval are the members a registry or pipeline tracks, never another model's typical million clients
  {
    quantity: "clients",
    expression: "population",
    why: "the things the prompt counts report once an interval, so they are the clients the service tracks",
    needsOne: ["update_seconds", "heartbeat_seconds", "scrape_seconds", "request_interval_seconds"],
  },
  // "2,000 robots, each asks for its next moves every 200 ms": the counted things each calling once an interval are
  // the request rate the service answers, never a typical one beside them
  {
    quantity: "requests_per_sec",
    expression: "population / request_interval_seconds",
    why: "each of the things the prompt counts sends one request an interval, so their count over the interval is the request rate",
    allStated: true,
  },
  {
    quantity: "requests_per_sec",
    expression: "clients / request_interval_seconds",
    why: "each of the stated clients sends one request an interval, so their count over the interval is the request rate",
    allStated: true,
  },
  // "a failed dispatcher must be replaced within 2 seconds": a lease that fits the bound may be shorter than the store's
  // shortest grant at its default election timeout (etcd: one and a half election timeouts, rounded up to whole
  // seconds), so the store's election timeout is cut until that floor fits the lease the bound leaves, never above
  // etcd's 1000 ms default nor below the 500 ms its tuning guide shows for a low-latency network; a shorter election
  // timeout also elects the store's own new leader sooner, at the cost of more needless elections on a slow disk or a
  // lost heartbeat
  {
    quantity: "store_election_seconds",
    expression:
      "min(1, max(0.5, (failover_seconds - expiry_check_seconds - notify_seconds) * keepalives_per_lease / (keepalives_per_lease + 1) / 1.5))",
    why: "the stated failover bound less the expiry check and the time to tell a candidate, with one keep-alive interval spare, is the longest lease that meets it; the store grants no lease shorter than one and a half election timeouts, so its election timeout is cut to fit (between etcd's 500 ms tuned example and its 1000 ms default)",
  },
  {
    quantity: "min_lease_seconds",
    expression:
      "ceil(1.5 * min(1, max(0.5, (failover_seconds - expiry_check_seconds - notify_seconds) * keepalives_per_lease / (keepalives_per_lease + 1) / 1.5)))",
    why: "etcd grants no lease shorter than one and a half election timeouts, rounded up to whole seconds, so the election timeout cut to fit the stated failover bound (between etcd's 500 ms tuned example and its 1000 ms default) sets the store's shortest lease",
  },
  // "redelivered to another consumer within 30 seconds": a crashed consumer's message comes back only when its
  // visibility timeout runs out, so the timeout is cut to the bound's planned share less one idle consumer's next ask
  {
    quantity: "visibility_timeout_seconds",
    expression: "redelivery_bound_seconds * (1 - bound_headroom) - receive_poll_seconds",
    why: "the stated redelivery bound's planned share, less the wait for an idle consumer's next receive, so a crashed consumer's message is visible again and taken inside the bound (a handler that runs longer extends its own message's timeout while it works, or it is handed out twice)",
  },
  // "a crashed holder's claim must be reclaimed within 2 minutes": the lease runs out, and the check that takes it back
  // runs, inside the bound's planned share
  {
    quantity: "lease_seconds",
    expression: "reclaim_bound_seconds * (1 - bound_headroom) - lease_sweep_seconds",
    why: "the stated reclaim bound's planned share, less one deadline check, so a crashed holder's lease runs out and is taken back inside the bound",
  },
  { quantity: "bytes_per_day", expression: "bytes_per_sec * 86400", why: "the stated bandwidth over a day" },
  { quantity: "bytes_per_sec", expression: "bytes_per_day / 86400", why: "the stated daily bytes over a day" },
  {
    quantity: "bytes_per_sec",
    expression: "messages_per_sec * message_bytes",
    why: "the stated record rate at the record size",
  },
  {
    quantity: "bytes_per_day",
    expression: "messages_per_sec * message_bytes * 86400",
    why: "the stated record rate at the record size, over a day",
  },
  {
    quantity: "messages_per_sec",
    expression: "bytes_per_sec / message_bytes",
    why: "the stated bandwidth in records of the record size",
  },
  {
    quantity: "messages_per_sec",
    expression: "bytes_per_day / 86400 / message_bytes",
    why: "the stated daily bytes in records of the record size, over a day",
  },
  { quantity: "samples_per_sec", expression: "messages_per_sec", why: "each stated event is one data point ingested" },
  // "answers searches over the last 90 days": the searched records are the window's records, so the search index
  // holds the records appended over the stated window, never a typical corpus beside it
  {
    quantity: "objects",
    expression: "messages_per_sec * 86400 * search_window_days",
    why: "the records appended over the stated search window are what the search index holds",
  },
  // "50 million active sessions of about 2 KB each": the stated size of each thing the prompt counts is the value a
  // store keeps for it, never a typical value size beside the stated one
  {
    quantity: "value_bytes",
    expression: "object_bytes",
    why: "the stated size of each counted thing is the value the store keeps for it",
    // a thing of megabytes or more (a file, an image) is an object kept in object storage, never a key's value in a
    // store that keeps each value in one record (etcd refuses a request over 1.5 MiB by default)
    atMost: 1000000,
  },
  {
    quantity: "tasks_per_sec",
    expression: "messages_per_sec",
    why: "each stated message handed over at its chosen time is one run released when it falls due",
  },
  {
    quantity: "node_bytes",
    expression: "disk_bytes * disks_per_node",
    why: "the stated disk size times the disks one node carries",
  },
  // stated reads and writes give their ratio: a figure that splits requests into reads and writes at a typical ratio
  // would otherwise show other writes than the prompt states
  {
    quantity: "read_write_ratio",
    expression: "reads_per_sec / writes_per_sec",
    why: "the stated reads over the stated writes",
    allStated: true,
  },
  // the same thing counted under a model's own name: a stated search is a nearby query, a stated run time is how
  // long each run stays open, a stated place is a point the location index holds
  { quantity: "nearby_queries_per_sec", expression: "queries_per_sec", why: "each stated search is one nearby query" },
  // a run of up to a day is busy work that holds its worker slot the whole time (a build, a batch job); a run of
  // days or months spends its time waiting on timers, signals and people, which holds a stored row, not a slot
  {
    quantity: "task_seconds",
    expression: "run_seconds",
    why: "each run holds its worker slot for the stated time it runs",
    atMost: 86400,
  },
  // a message a scheduler holds until its time is one run it fires then ("1 billion messages a day for delivery at a
  // chosen time"): where the prompt counts messages and a model counts the runs it fires, each message is one
  {
    quantity: "tasks_per_sec",
    expression: "messages_per_sec",
    why: "each stated message is one run fired and handed on when it is due",
  },
  // a workflow started is at least one task run: its first step, at the least (a floor, not the steps it takes)
  {
    quantity: "tasks_per_sec",
    expression: "workflows_per_sec",
    why: "each stated workflow start runs at least one task",
  },
  {
    quantity: "clients",
    expression: "services * instances_per_service",
    why: "each running instance of a stated service holds one session of its own",
  },
  // "a lock service for a fleet of 5,000 batch workers": the workers the prompt counts are the processes that call the
  // service, each over one session (its keep-alives, its connection), never another model's typical client count
  {
    quantity: "clients",
    expression: "workers",
    why: "each stated worker is a process that calls the service over a session of its own, so there are at least as many sessions as workers",
  },
  // a tracked object that reports its position every few seconds is alive by that report: the position report is
  // its heartbeat, and the objects reporting are the live clients ("1 million drivers sending their location every
  // 4 seconds" are a million sessions beating every 4 s, not an assumed online share of them at a typical interval)
  {
    quantity: "heartbeat_seconds",
    expression: "update_seconds",
    why: "each stated position report also tells the service the object is alive, so it is the heartbeat",
  },
  {
    quantity: "clients",
    expression: "moving_objects",
    why: "each stated moving object reports its position while it is online, so each holds a live session",
  },
  // "a city of 2 million people": the place's people bound what the service counts of them, each with a share said as
  // its own input (the residents who use it, the trips they take a day), never a large market's typical counts
  {
    quantity: "users",
    expression: "place_population * resident_user_share",
    why: "the people of the stated place, of whom a share use the service",
  },
  {
    quantity: "rides_per_day",
    expression: "place_population * rides_per_resident_per_day",
    why: "the people of the stated place, each taking a share of a ride a day",
  },
  // drivers online at the peak by Little's law: the rides under way at the peak (the peak ride rate times one ride's
  // length), over the share of an online driver's time spent carrying a rider
  {
    quantity: "moving_objects",
    expression: "rides_per_day * peak_factor / 86400 * trip_seconds / driver_busy_share",
    why: "the stated rides at the peak rate, each holding a driver for one ride's length, over the share of an online driver's time spent carrying a rider",
  },
  {
    quantity: "moving_objects",
    expression:
      "place_population * rides_per_resident_per_day * peak_factor / 86400 * trip_seconds / driver_busy_share",
    why: "the stated place's rides a day at the peak rate, each holding a driver for one ride's length, over the share of an online driver's time spent carrying a rider",
  },
  {
    quantity: "samples_per_sec",
    expression: "bytes_per_sec / message_bytes",
    why: "the stated bandwidth in records of the record size, each one data point ingested",
  },
  {
    quantity: "samples_per_sec",
    expression: "bytes_per_day / 86400 / message_bytes",
    why: "the stated daily bytes in records of the record size, each one data point ingested",
  },
];

/**
 * One quantity under two names in two units (a model that splits a latency budget in milliseconds beside the shared
 * budget figures in seconds): `quantity` = `twin` * `factor`. A design gives both one value (an unstated one takes its
 * twin's value, converted) and coherence (`quantity-two-values`) compares them as one quantity.
 */
export interface QuantityTwin {
  quantity: string;
  twin: string;
  factor: number;
}

export const QUANTITY_TWINS: readonly QuantityTwin[] = [
  { quantity: "latency_budget_ms", twin: "latency_seconds", factor: 1000 },
  { quantity: "network_rtt_ms", twin: "client_rtt_seconds", factor: 1000 },
  // one order stream counted a day and a second (a checkout's orders a second beside a fulfilment's orders a day)
  { quantity: "orders_per_day", twin: "orders_per_sec", factor: 86400 },
];

/** Each quantity's twins, both ways, with the factor that turns the twin's value into its own. */
export const TWINS_OF: ReadonlyMap<string, readonly { twin: string; factor: number }[]> = (() => {
  const m = new Map<string, { twin: string; factor: number }[]>();
  for (const t of QUANTITY_TWINS) {
    m.set(t.quantity, [...(m.get(t.quantity) ?? []), { twin: t.twin, factor: t.factor }]);
    m.set(t.twin, [...(m.get(t.twin) ?? []), { twin: t.quantity, factor: 1 / t.factor }]);
  }
  return m;
})();

/** The bridges to each quantity, in the table's order. */
export const BRIDGES_TO: ReadonlyMap<string, readonly QuantityBridge[]> = new Map(
  [...new Set(QUANTITY_BRIDGES.map((b) => b.quantity))].map((q) => [
    q,
    QUANTITY_BRIDGES.filter((b) => b.quantity === q),
  ]),
);
