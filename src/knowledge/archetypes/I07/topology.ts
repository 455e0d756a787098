import type { ProtocolSpec, Topology } from "../../topology.js";

/** Cache / edge delivery: edge caches, a shield tier, the origin, and a purge control plane. */
export const protocols: ProtocolSpec[] = [
  {
    name: "Read through with a coalesced fill",
    notation:
      "clients>edge[GET object] -> edge[look up copy {CachedCopy.expires_at > now}] -> edge>shield[fill on miss, one request per key {no fresh copy and no InflightFill for key}] -> shield>origin[fetch on shield miss] -> origin>shield[object with version] -> shield>edge[object] -> edge>clients[response with age] |-> edge>clients[serve stale copy {origin error and stale_if_error allows}] => done | retry",
  },
  {
    name: "Look-aside read with a lease-guarded fill",
    notation:
      "clients>edge[get key] -> edge>clients[miss, with a fill lease {no fresh CachedCopy and no InflightFill for key}] -> clients>origin[read the record] -> origin>clients[record with version] -> clients>edge[set key with the lease] -> edge[store the copy {InflightFill.lease = the caller's and no delete voided it}] |-> edge>clients[another caller holds the fill lease: wait briefly and get again {InflightFill for key held by another}] => done | retry",
  },
  {
    name: "Delete on a committed change",
    notation:
      "publishers>origin[write the record] -> origin>publishers[committed] -> origin>edge[delete key, from the change stream {the write committed}] -> edge[drop the copy and void open fill leases for the key] -> edge>origin[ack the delete] |-> origin>edge[resend the delete {no ack before the timeout}] => done | retry",
  },
  {
    name: "Purge by tag",
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
      holds: ["OriginObject"],
      runs: ["serve versioned objects"],
      because: "the only authoritative copy; every cached copy is a projection of it",
    },
    {
      id: "purge-control",
      name: "Purge and policy control plane",
      kind: "control-loop",
      holds: ["PurgeRequest", "CachePolicy"],
      runs: ["purge fan-out with acks", "policy distribution"],
      because:
        "invalidations must reach every edge and be tracked until each acknowledges, or a stale copy lives to its TTL",
    },
    {
      id: "publishers",
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
    { from: "origin", to: "edge", kind: "control", label: "delete keys of committed changes (change stream)" },
    { from: "publishers", to: "purge-control", kind: "request", label: "purge key / prefix / tag" },
    { from: "purge-control", to: "edge", kind: "control", label: "purge fan-out, policy" },
  ],
  api: [
    {
      operation: "get",
      call: "GET /{path} (Cache-Control, If-None-Match)",
      request: ["path", "request headers (vary keys)"],
      response: ["body", "Age", "ETag", "cache status hit | miss | stale"],
      errors: ["504 origin unreachable and nothing stale to serve"],
      guarantee: "a copy is at most its TTL (plus stale windows) older than the origin unless purged sooner",
    },
    {
      operation: "purge",
      call: "POST /v1/purges",
      request: ["key | prefix | tag", "request_id"],
      response: ["purge_id"],
      errors: ["429 purge rate limit"],
      guarantee: "after status reports complete, no edge serves a copy fetched before the purge",
    },
    {
      operation: "purge status",
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
      owner: "edge",
    },
    {
      entity: "PurgeRequest",
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
