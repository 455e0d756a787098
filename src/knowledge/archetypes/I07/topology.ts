import type { ProtocolSpec, Topology } from "../../topology.js";

/** Cache / edge delivery: edge caches, a shield tier, the origin, and a purge control plane. */
export const protocols: ProtocolSpec[] = [
  {
    // behind a look-aside cache a tailer reads the database's commit log and deletes each changed key (Facebook's
    // mcsqueal, "Scaling Memcache at Facebook", NSDI 2013), resuming from its checkpoint, so no delete is lost;
    // first, so a look-aside design draws the path its freshness rides on
    name: "Committed change: commit log, tailer, delete on every copy",
    topic: "cache-aside",
    notation:
      "clients>origin[write the record] -> origin>clients[committed] -> origin>invalidator[the change, read from the commit log in commit order {the write committed}] -> invalidator>edge[delete key] -> edge[drop the copy and void open fill leases for the key] -> edge>invalidator[ack the delete] -> invalidator[advance the checkpoint past the change {every delete of the change acknowledged and InvalidationCheckpoint.position < the change's position}] |-> invalidator>edge[resend the delete {no ack before the timeout}] => done | retry",
  },
  {
    name: "Read through with a coalesced fill",
    notation:
      "clients>edge[GET object] -> edge[look up copy {CachedCopy.expires_at > now}] -> edge>shield[fill on miss, one request per key {no fresh copy and no InflightFill for key}] -> shield>origin[fetch on shield miss] -> origin>shield[object with version] -> shield>edge[object] -> edge>clients[response with age] |-> edge>clients[serve stale copy {origin error and stale_if_error allows}] => done | retry",
  },
  {
    // read-through: the cache tier itself loads a missed key from the database, one load per key at a time, and the
    // caller never reads the database (the caller asks only the cache)
    name: "Read-through: the cache loads a missed key from the database",
    notation:
      "clients>edge[get key] -> edge[look up the copy; a miss starts the key's one load {no fresh CachedCopy and no InflightFill for key}] -> edge>origin[load the record] -> origin>edge[record with version] -> edge[store the copy {no delete voided the load}] -> edge>clients[value] |-> edge>clients[hit: the cached value, no load {a fresh CachedCopy for key: CachedCopy.expires_at > now}] |-> edge>clients[answer from the load already in flight for the key {InflightFill for key}] => done | retry",
  },
  {
    name: "Look-aside read with a lease-guarded fill",
    notation:
      "clients>edge[get key] -> edge>clients[miss, with a fill lease {no fresh CachedCopy and no InflightFill for key}] -> clients>origin[read the record] -> origin>clients[record with version] -> clients>edge[set key with the lease] -> edge[store the copy {InflightFill.lease = the caller's and no delete voided it}] |-> edge>clients[another caller holds the fill lease: wait briefly and get again {InflightFill for key held by another}] => done | retry",
  },
  {
    name: "Delete on a committed change",
    unlessTopic: "cache-aside",
    notation:
      "publishers>origin[write the record] -> origin>publishers[committed] -> origin>edge[delete key, from the change stream {the write committed}] -> edge[drop the copy and void open fill leases for the key] -> edge>origin[ack the delete] |-> origin>edge[resend the delete {no ack before the timeout}] => done | retry",
  },
  {
    name: "Purge by tag",
    unlessTopic: "cache-aside",
    notation:
      "publishers>purge-control[purge tag] -> purge-control[record purge {PurgeRequest.id not seen}] -> purge-control>edge[invalidate copies {CachedCopy.tags contains tag and CachedCopy.fetched_at < PurgeRequest.issued_at}] -> edge>purge-control[ack purge id] -> purge-control>publishers[purge complete] |-> purge-control>edge[resend {edge ack missing after timeout}] => done | retry | expire",
  },
];

export const topology: Topology = {
  components: [
    {
      id: "clients",
      name: "Clients (browsers, apps, services)",
      kind: "client",
      runs: ["get"],
      because: "readers are steered to a nearby edge and accept bounded staleness",
    },
    {
      id: "edge",
      name: "Edge cache nodes (per point of presence)",
      kind: "cache",
      holds: ["CachedCopy", "InflightFill"],
      runs: ["lookup", "coalesced fill", "serve stale"],
      because:
        "serving copies near readers is the point; one fill per key protects the tiers behind it from a miss storm",
    },
    {
      id: "shield",
      name: "Origin shield (regional mid-tier cache)",
      kind: "cache",
      holds: ["CachedCopy"],
      runs: ["lookup", "fill from origin"],
      because: "edges miss independently; a shield collapses their misses into one origin fetch per key",
    },
    {
      id: "origin",
      name: "Origin (authoritative content)",
      kind: "store",
      holds: ["OriginObject", "DatabaseRecord"],
      runs: ["serve versioned objects"],
      because: "the only authoritative copy; every cached copy is a projection of it",
    },
    {
      id: "invalidator",
      topic: "cache-aside",
      name: "Invalidation tailer (reads the database's commit log from a checkpoint)",
      kind: "control-loop",
      holds: ["InvalidationCheckpoint"],
      runs: ["tail committed changes", "delete changed keys", "advance the checkpoint"],
      because:
        "a committed change must reach every cached copy: the tailer turns each commit into a delete, resends it until acknowledged and resumes from its checkpoint, so no change is lost with a node",
    },
    {
      id: "purge-control",
      unlessTopic: "cache-aside",
      name: "Purge and policy control plane",
      kind: "control-loop",
      holds: ["PurgeRequest", "CachePolicy"],
      runs: ["purge fan-out with acks", "policy distribution"],
      because:
        "invalidations must reach every edge and be tracked until each acknowledges, or a stale copy lives to its TTL",
    },
    {
      id: "publishers",
      unlessTopic: "cache-aside",
      name: "Publishers and operators",
      kind: "client",
      runs: ["update origin", "purge"],
      because: "whoever changes content issues the purge after the origin write commits",
    },
  ],
  links: [
    { from: "clients", to: "edge", kind: "request", label: "GET" },
    { from: "edge", to: "shield", kind: "request", label: "fill on miss (coalesced)" },
    { from: "shield", to: "origin", kind: "request", label: "fetch on miss" },
    { from: "clients", to: "origin", kind: "request", label: "read on a miss, then set the copy under its fill lease" },
    { from: "edge", to: "origin", kind: "request", label: "load a missed key (one load per key at a time)" },
    {
      unlessTopic: "cache-aside",
      from: "origin",
      to: "edge",
      kind: "control",
      label: "delete keys of committed changes (change stream)",
    },
    {
      topic: "cache-aside",
      from: "origin",
      to: "invalidator",
      kind: "stream",
      label: "committed changes (commit log, in commit order)",
    },
    {
      topic: "cache-aside",
      from: "invalidator",
      to: "edge",
      kind: "control",
      label: "delete key (resent until acknowledged)",
    },
    {
      unlessTopic: "cache-aside",
      from: "publishers",
      to: "purge-control",
      kind: "request",
      label: "purge key / prefix / tag",
    },
    { unlessTopic: "cache-aside", from: "purge-control", to: "edge", kind: "control", label: "purge fan-out, policy" },
  ],
  api: [
    {
      // a cluster sharded by key is asked by key, as a key-value store is, not by an HTTP path with cache headers
      operation: "get",
      chosen: { decision: "i07-placement", options: ["cluster"] },
      call: "get(key) on the key's cache node",
      request: ["key"],
      response: ["value and its version, or a miss"],
      errors: ["a timeout when the key's node is down: the caller reads the database (look-aside) or retries"],
      guarantee: "a copy is at most its TTL older than the database unless a committed change deleted it sooner",
    },
    {
      // read-through: the caller asks only the cache, which answers a miss by loading the record itself
      operation: "get",
      chosen: { decision: "i07-placement", options: ["read-through"] },
      call: "get(key) on the key's cache node",
      request: ["key"],
      response: ["value and its version (from memory, or loaded from the database on a miss)"],
      errors: [
        "a timeout when the key's node is down, or an error when its load from the database fails: the caller retries (it never reads the database itself)",
      ],
      guarantee: "a copy is at most its TTL older than the database unless a committed change deleted it sooner",
    },
    {
      operation: "get",
      chosen: { decision: "i07-placement", options: ["edge"] },
      call: "GET /{path} (Cache-Control, If-None-Match)",
      request: ["path", "request headers (vary keys)"],
      response: ["body", "Age", "ETag", "cache status hit | miss | stale"],
      errors: ["504 origin unreachable and nothing stale to serve"],
      guarantee: "a copy is at most its TTL (plus stale windows) older than the origin unless purged sooner",
    },
    {
      operation: "purge",
      unlessTopic: "cache-aside",
      call: "POST /v1/purges",
      request: ["key | prefix | tag", "request_id"],
      response: ["purge_id"],
      errors: ["429 purge rate limit"],
      guarantee: "after status reports complete, no edge serves a copy fetched before the purge",
    },
    {
      operation: "purge status",
      unlessTopic: "cache-aside",
      call: "GET /v1/purges/{purge_id}",
      request: ["purge_id"],
      response: ["pending edges", "complete"],
      errors: ["404 unknown purge"],
      guarantee: "complete only when every edge acknowledged",
    },
  ],
  dataModel: [
    {
      entity: "OriginObject",
      unlessTopic: "cache-aside",
      key: ["path or key"],
      fields: ["body", "version (ETag)", "tags", "updated_at"],
      indexes: ["tags"],
      owner: "origin",
    },
    {
      entity: "CachedCopy",
      key: ["cache key (path + vary headers)"],
      fields: ["body", "version", "fetched_at", "expires_at", "tags"],
      indexes: ["tag -> keys"],
      partitionKey: "consistent hash of cache key within a PoP",
      chosen: { decision: "i07-placement", options: ["edge"] },
      owner: "edge",
    },
    {
      entity: "CachedCopy",
      chosen: { decision: "i07-placement", options: ["cluster", "read-through"] },
      key: ["cache key (the record's key)"],
      fields: ["value", "version", "fetched_at", "expires_at"],
      indexes: [],
      partitionKey: "consistent hash of the cache key over the cache nodes",
      owner: "edge",
    },
    {
      entity: "DatabaseRecord",
      topic: "cache-aside",
      key: ["primary key"],
      fields: ["columns", "commit position of its last change"],
      indexes: [],
      owner: "origin",
    },
    {
      entity: "InvalidationCheckpoint",
      topic: "cache-aside",
      key: ["database shard"],
      fields: ["commit log position", "updated_at"],
      indexes: [],
      owner: "invalidator",
    },
    {
      entity: "PurgeRequest",
      unlessTopic: "cache-aside",
      key: ["purge_id"],
      fields: ["selector", "issued_at", "acks per edge"],
      indexes: ["issued_at"],
      owner: "purge-control",
    },
  ],
  entry: "edge",
  stateOwner: "origin",
  upstream: "origin",
  protocols,
  hostedBy: { I11: "purge-control" },
};
