import type { ProtocolSpec, Topology } from "../../topology.js";

/** Frontier scan (crawler, periodic sweep): a frontier store split into shards, claimed and checkpointed by workers. */
export const protocols: ProtocolSpec[] = [
  {
    name: "Shard claim, checkpointed scan, reclaim",
    notation:
      "pass-coordinator>frontier-db[open pass and split shards {no ScanPass open for this period}] -> workers>frontier-db[claim shard {ScanShard.owner = null or ScanShard.lease_expires_at < now}] -> frontier-db>workers[shard, checkpoint and token] -> workers>targets[visit batch after checkpoint {key > ScanShard.checkpoint}] -> targets>workers[visit results] -> workers>results-store[write results] -> workers>frontier-db[advance checkpoint {ScanShard.owner = me and ScanShard.token = mine}] |-> shard-sweeper>frontier-db[reclaim shard {ScanShard.lease_expires_at < now}] => done | retry | reclaim",
  },
  {
    name: "Discovering crawl with politeness",
    notation:
      "workers>frontier-db[take due items {FrontierItem.next_visit_at <= now and host budget available}] -> workers>targets[fetch] -> targets>workers[content and discovered links] -> workers>seen-set[test fingerprints {fingerprint not in SeenSet}] -> workers>frontier-db[admit new keys and record visit {FrontierItem.version = read version}] => done | retry | requeue",
  },
];

export const topology: Topology = {
  components: [
    {
      id: "clients",
      name: "Operators and submitters",
      kind: "client",
      runs: ["start pass", "submit keys", "progress"],
      because: "someone seeds the frontier and watches a pass finish",
    },
    {
      id: "frontier-api",
      name: "Frontier API",
      kind: "service",
      runs: ["start pass", "submit", "progress"],
      because: "one entry point dedupes submitted keys and reports pass progress from the shard table",
    },
    {
      id: "frontier-db",
      name: "Frontier store (partitioned by host)",
      kind: "store",
      holds: ["ScanPass", "ScanShard", "FrontierItem"],
      runs: ["conditional shard claim", "checkpoint"],
      because:
        "the pass, its shards with checkpoints and the frontier items are the authoritative progress of the scan",
    },
    {
      id: "seen-set",
      name: "Seen set (fingerprint store)",
      kind: "store",
      holds: ["SeenSet"],
      runs: ["membership test"],
      because: "rediscovered keys must not re-enter the frontier, which needs a fast fingerprint lookup",
    },
    {
      id: "pass-coordinator",
      name: "Pass coordinator",
      kind: "control-loop",
      runs: ["open pass", "split keyspace into shards"],
      because: "a period's pass is opened once and split into disjoint shards that together cover the keyspace",
    },
    {
      id: "workers",
      name: "Scan workers",
      kind: "worker-pool",
      runs: ["claim shard", "visit", "advance checkpoint"],
      because: "workers hold an expiring lease per shard and resume from its checkpoint after a crash",
    },
    {
      id: "shard-sweeper",
      name: "Shard lease sweeper",
      kind: "control-loop",
      runs: ["reclaim expired shard leases"],
      because: "a dead worker's shard must go back to the pool, resuming at its last checkpoint",
    },
    {
      id: "targets",
      name: "Scanned targets (hosts or records)",
      kind: "external",
      runs: ["answer visits within a per-host budget"],
      because: "the things being visited are outside the system and limit how fast they may be visited",
    },
    {
      id: "results-store",
      name: "Results store",
      kind: "store",
      holds: ["VisitResult"],
      because: "visit outcomes are written before the checkpoint moves, so a crash re-visits rather than skips",
    },
  ],
  links: [
    { from: "clients", to: "frontier-api", kind: "request", label: "start pass / submit / progress" },
    { from: "frontier-api", to: "frontier-db", kind: "request", label: "open pass, admit keys" },
    { from: "pass-coordinator", to: "frontier-db", kind: "control", label: "open pass, split shards" },
    { from: "workers", to: "frontier-db", kind: "request", label: "claim shard / checkpoint" },
    { from: "workers", to: "seen-set", kind: "request", label: "fingerprint test" },
    { from: "workers", to: "targets", kind: "request", label: "visit (politeness budget)" },
    { from: "workers", to: "results-store", kind: "stream", label: "visit results" },
    { from: "shard-sweeper", to: "frontier-db", kind: "control", label: "reclaim expired shards" },
  ],
  api: [
    {
      operation: "start pass",
      call: "POST /v1/passes",
      request: ["keyspace", "period", "shard_count"],
      response: ["pass_id"],
      errors: ["409 pass already open for the period (returns it)"],
      guarantee: "one pass per period; its shards cover the keyspace exactly once",
    },
    {
      operation: "claim shard (worker-facing)",
      call: "POST /v1/passes/{pass_id}/shards:claim",
      request: ["worker_id", "lease_ttl"],
      response: ["shard_id", "start_key", "checkpoint", "token"],
      errors: ["204 none left"],
      guarantee: "one worker holds a shard at a time; an abandoned shard resumes from its checkpoint",
    },
    {
      operation: "checkpoint (worker-facing)",
      call: "POST /v1/shards/{shard_id}:checkpoint",
      request: ["token", "last_key"],
      response: ["ok"],
      errors: ["409 lease lost"],
      guarantee: "the checkpoint only moves forward, and only for the current lease holder",
    },
    {
      operation: "submit",
      call: "POST /v1/frontier",
      request: ["keys", "priority"],
      response: ["admitted_count"],
      errors: ["429 host budget exceeded"],
      guarantee: "keys already known are ignored",
    },
    {
      operation: "progress",
      call: "GET /v1/passes/{pass_id}",
      request: ["pass_id"],
      response: ["shards_done", "keys_visited", "projected_completion"],
      errors: ["404 unknown pass"],
      guarantee: "computed from the shard checkpoints",
    },
  ],
  dataModel: [
    {
      entity: "ScanPass",
      key: ["pass_id"],
      fields: ["period", "state", "shard_count"],
      indexes: ["period (unique)"],
      owner: "frontier-db",
    },
    {
      entity: "ScanShard",
      key: ["pass_id", "shard_id"],
      fields: ["start_key", "end_key", "checkpoint", "owner", "token", "lease_expires_at"],
      indexes: ["(owner, lease_expires_at)"],
      partitionKey: "pass_id",
      owner: "frontier-db",
    },
    {
      entity: "FrontierItem",
      key: ["fingerprint"],
      fields: ["url or key", "host", "next_visit_at", "priority", "version"],
      indexes: ["(host, next_visit_at)"],
      partitionKey: "host",
      owner: "frontier-db",
    },
  ],
  entry: "frontier-api",
  stateOwner: "frontier-db",
  outlet: "results-store",
  protocols,
};
