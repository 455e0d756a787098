import type { z } from "zod";
import { fig, fromUsers, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { Technology } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * Key-scoped state whose subject is an in-memory key-value cache of its own (topic "kv-cache", knowledge/topics.ts):
 * a pool of cache servers that hold items in RAM only, each item a copy of a value whose origin is elsewhere (a
 * database, a service's computed answer). Nothing is durable and nothing is replicated by default: clients pick the
 * server for a key by consistent hashing over the pool, servers never talk to each other, a full server evicts its
 * least recently used items, and a lost server costs only misses that fall through to the origin. Writes go to the
 * origin first and then delete the cached key; a miss takes a per-key lease so one reader fills it.
 *
 * Facts, checked against primary sources:
 * - Memcached (its wiki, "UserInternals"): memory given with -m is cut into 1 MB pages, each page assigned to a slab
 *   class and cut into chunks of that class's size; an item is stored in the smallest chunk that fits, so each class
 *   is in effect its own cache with its own LRU, and a full class evicts its least recently used item. Items are
 *   in memory only; a restart empties the server.
 * - Memcached's client docs ("ConfiguringClient") and libketama: clients map keys to servers by consistent hashing
 *   (ketama: each server hashed to 100-200 points on a circle, a key goes to the next point), so adding an eleventh
 *   server moves under a tenth of the keys where a modulo would move most; every client must be given the same
 *   server list. The servers themselves know nothing of each other.
 * - Scaling Memcache at Facebook (Nishtala et al., NSDI 2013): look-aside caching, with a write to the database
 *   followed by a delete of the key (deletes are idempotent); leases, a token given on a miss and voided by a delete,
 *   so a late set cannot store a stale value, and handed out at most once per key every few seconds, so others wait
 *   and retry instead of all reading the database (thundering herds); a small gutter pool that takes the keys of a
 *   failed server, with short expiries, so its load does not rehash onto the rest; mcrouter as the routing proxy, and
 *   replicated pools only for small, very hot key sets.
 * Planning figures (per-item overhead, a node's RAM, connections per client) are assumptions, said in their rows.
 */

const T = "kv-cache" as const;
type TechnologyInput = z.input<typeof Technology>;

const STANCE = {
  consistency: "eventual",
  availability: "stay-available",
  because:
    "every item is a copy of a value the origin keeps: a server lost or cut off costs only misses that read the origin, so the pool keeps answering, a copy at most briefly stale",
} as const;

export const KVC_ENTITIES = [
  {
    name: "CacheItem",
    description:
      "One cached value in a cache server's RAM under its key: the value's bytes, client flags, an expiry, a CAS unique number, and its place in its slab class's LRU; a copy of a value whose origin is elsewhere, evicted when its class is full.",
    stance: STANCE,
    truth: true,
    durability: "best-effort",
    topic: T,
  },
  {
    name: "Lease",
    description:
      "A per-key token a cache server hands to the first reader that misses: only its holder may set the key, a delete of the key voids it, and it lapses after a few seconds; other readers that miss meanwhile wait briefly and retry.",
    truth: false,
    topic: T,
  },
] as const;

export const KVC_WRITES = [
  {
    action:
      "fill a miss: the reader that holds the key's lease reads the origin and sets the item with its lease token and an expiry; the server refuses the set when a delete voided the lease",
    entity: "CacheItem",
    shape: "overwrite current value",
    mechanism: "request-coalescing",
    critical: true,
    topic: T,
  },
  {
    action:
      "invalidate on write: the writer commits the change at the origin, then deletes the key on the server that owns it, which voids any lease on the key",
    entity: "CacheItem",
    shape: "overwrite current value",
    mechanism: "cache-invalidation",
    critical: true,
    topic: T,
  },
] as const;

export const KVC_READS = [
  {
    action:
      "get a key: the client hashes it on the ketama ring to one cache server and reads the item from RAM; a miss returns a lease token (or a wait-and-retry when another reader holds it)",
    entity: "CacheItem",
    shape: "read projection",
    staleness:
      "at most the time between an origin commit and the writer's delete of the key, and never longer than the item's expiry",
    topic: T,
  },
] as const;

export const KVC_INVARIANTS = [
  "Every CacheItem lives on exactly one cache server of the pool, chosen by consistent hashing over the server list every client holds, so one server orders each key's sets, deletes and lease grants, and the servers never talk to each other.",
  "A CacheItem set that fills a miss is stored only with the key's current Lease token, and a delete of the key voids its Lease, so a fill that began before a write's delete never stores the older value.",
  "A writer commits at the origin before it deletes the CacheItem, so the next miss reads the committed value.",
];

export const KVC_SCOPES = {
  topic: T,
  ordering: {
    scope: "key",
    why: "only one key's lease and delete are ordered, on the one server that owns the key",
  },
  exclusivity: {
    scope: "key",
    why: "one lease per key at a time lets one reader fill a miss",
  },
  coordination: {
    scope: "none",
    why: "clients pick a key's server by hashing and the servers share nothing, so no step spans two servers",
  },
} as const;

export const KVC_FAILURES = [
  {
    failure: "A cache server dies and every key it held is gone",
    role: "derived",
    prevention:
      "Clients send the dead server's keys to a small gutter pool with short expiries instead of rehashing them onto the rest of the ring, so the others' hot keys are not pushed out and the origin sees one miss per key",
    repair:
      "A replacement server joins empty under the same ring position and fills from misses; nothing is copied, because every item is a copy of the origin",
    topic: T,
  },
  {
    failure: "A hot key's miss sends every concurrent reader to the origin at once (thundering herd)",
    role: "derived",
    prevention:
      "The server gives the key's lease to one reader; the others get no token, wait a few milliseconds and retry the cache",
    repair: "The lease lapses after a few seconds if its holder dies, and the next reader takes it",
    topic: T,
  },
  {
    failure: "A fill races a write and stores the old value after the write's delete (stale set)",
    role: "derived",
    prevention: "The delete voids the key's lease, so the late set carrying the old token is refused",
    repair: "Every item carries an expiry, so a copy that slipped through lapses on its own",
    topic: T,
  },
  {
    failure: "A server restarts, or the pool is resized, and the hit ratio falls while the origin takes the misses",
    role: "derived",
    prevention:
      "Consistent hashing moves only about 1/N of the keys when one of N servers is added or removed; resize in small steps, off peak",
    repair: "The moved keys refill from misses; a new pool can be warmed from a warm one before it takes traffic",
    topic: T,
  },
] as const;

export const KVC_BOTTLENECKS = [
  {
    bottleneck: "One hot key is served by one cache server, whatever the pool's size",
    mitigation:
      "Copy the few hottest keys under several suffixed keys (or a small replicated pool behind a routing proxy) and read one at random; keep a tiny in-process copy in the clients for the hottest",
    formula: {
      yields: "reads a second on the hottest key's server",
      expression: "peak_requests_per_sec * hot_key_share",
      unit: "ops/s",
    },
    topic: T,
  },
  {
    bottleneck: "Every client holds a connection to every cache server",
    mitigation:
      "A routing proxy on each host (mcrouter, twemproxy) pools the connections of the processes on it; multi-get batches a page's keys per server",
    formula: {
      yields: "connections each cache server holds",
      expression: "client_hosts * connections_per_client_host",
      unit: "connections/server",
    },
    topic: T,
  },
] as const;

export const KVC_TECHNOLOGIES: TechnologyInput[] = [
  {
    product: "Memcached",
    layer: "storage",
    fits: "Items in RAM cut into slab classes with an LRU each, a multithreaded server that serves from memory in well under a millisecond, and nothing kept across a restart: the cache's whole job, with clients hashing keys onto the pool",
    suits: ["low-latency", "high-throughput", "low-cost", "operational-simplicity"],
    poorFor: ["durable", "linearizable"],
    caveat:
      "No replication and no persistence: a lost server is a set of misses the origin must absorb; values over 1 MB need a larger item size setting",
    topic: T,
  },
  {
    product: "Redis (cluster mode off, no persistence) as a cache",
    layer: "storage",
    fits: "An in-memory server with per-key expiries and an eviction policy (allkeys-lru), plus data types (hashes, sorted sets) when a cached value is a structure rather than bytes",
    suits: ["low-latency", "high-throughput"],
    poorFor: ["low-cost", "durable"],
    caveat:
      "One command thread per server, so a server's ceiling is one core's; replicas are optional and asynchronous",
    topic: T,
  },
  {
    product: "mcrouter",
    layer: "serving",
    fits: "A memcached-protocol routing proxy on each client host: consistent hashing, connection pooling, a gutter pool on failure, and replicated pools for hot keys, the router the memcache paper describes",
    suits: ["stay-available", "high-throughput"],
    poorFor: ["operational-simplicity"],
    caveat: "One more hop on each request, inside the host; its route configuration must be the same on every host",
    topic: T,
  },
];

export const KVC_COMPONENTS: ComponentSpec[] = [
  {
    id: "clients",
    name: "Application clients (ketama ring over the server list)",
    kind: "client",
    runs: ["get", "set with lease", "delete after an origin write", "multi-get batched per server"],
    because:
      "the client hashes each key to its cache server itself, so no coordinator or partition map sits on the path",
    topic: T,
  },
  {
    id: "cache-nodes",
    name: "Cache servers (RAM only, slab classes with an LRU each, no replication)",
    kind: "service",
    holds: ["CacheItem", "Lease"],
    runs: ["get", "set if the lease holds", "delete and void the lease", "evict the least recently used item"],
    because:
      "every item is a copy, so a server keeps it in memory only, evicts when full and shares nothing with the others",
    topic: T,
  },
  {
    id: "gutter",
    name: "Gutter pool (a few spare servers, short expiries)",
    kind: "service",
    runs: ["take a failed server's keys"],
    because: "a failed server's keys land on a small spare pool instead of rehashing onto and evicting from the rest",
    topic: T,
  },
  {
    id: "origin",
    name: "Origin (the database or service each value is computed from)",
    kind: "external",
    runs: ["read on a miss", "commit a write"],
    because: "the cache holds copies; the origin keeps every value and takes every miss",
    topic: T,
  },
];

export const KVC_LINKS: LinkSpec[] = [
  { from: "clients", to: "cache-nodes", kind: "request", label: "get / set / delete, by ketama hash", topic: T },
  { from: "clients", to: "origin", kind: "request", label: "read on a miss, write then delete", topic: T },
  { from: "clients", to: "gutter", kind: "request", label: "a failed server's keys", topic: T },
];

export const KVC_API: ApiSpec[] = [
  {
    operation: "get",
    call: "cache text protocol: get <key> (or mg <key> with a lease flag)",
    request: ["key (up to 250 bytes)"],
    response: ["value and flags", "or a miss with a lease token", "or a miss without one: another reader is filling"],
    errors: ["server unreachable: treat as a miss and send the key to the gutter pool"],
    guarantee: "one server answers from RAM; at most one lease per key is out at a time",
    topic: T,
  },
  {
    operation: "set",
    call: "cache text protocol: set <key> <flags> <exptime> <bytes> (with the lease token)",
    request: ["key", "value (up to 1 MB by default)", "expiry", "lease token"],
    response: ["STORED"],
    errors: ["NOT_STORED: the lease was voided by a delete", "SERVER_ERROR out of memory"],
    guarantee: "a fill that raced a write's delete is refused, so no older value replaces a newer one's absence",
    topic: T,
  },
  {
    operation: "delete",
    call: "cache text protocol: delete <key>",
    request: ["key"],
    response: ["DELETED or NOT_FOUND"],
    errors: ["server unreachable: retry; the item's expiry bounds the staleness"],
    guarantee: "idempotent; voids the key's lease",
    topic: T,
  },
];

export const KVC_DATA: DataSpec[] = [
  {
    entity: "CacheItem",
    key: ["key"],
    fields: ["value", "flags", "exptime", "cas unique", "slab class", "LRU position"],
    indexes: [],
    partitionKey: "key (ketama hash)",
    owner: "cache-nodes",
    topic: T,
  },
  {
    entity: "Lease",
    key: ["key"],
    fields: ["token", "issued_at", "lapses_at"],
    indexes: [],
    partitionKey: "key (ketama hash)",
    owner: "cache-nodes",
    topic: T,
  },
];

export const KVC_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Look-aside read with a lease",
    notation:
      "clients>cache-nodes[get key on its ketama server] -> cache-nodes>clients[miss with a lease token {no lease out for the key}] -> clients>origin[read the value] -> origin>clients[value] -> clients>cache-nodes[set key with the token and an expiry {token = the key's current lease}] |-> clients[wait a few ms and retry the get {another reader holds the lease}] => done | retry",
    topic: T,
  },
  {
    name: "Write at the origin, then delete",
    notation:
      "clients>origin[commit the change] -> origin>clients[committed] -> clients>cache-nodes[delete key and void its lease] => done | retry",
    topic: T,
  },
];

/**
 * The cache's figures: RAM for every byte stated (the prompt's data is what must fit, all of it hot unless it says a
 * share), per-item overhead, the servers that RAM needs and the servers the load needs, connections, the hottest key.
 */
export const KVC_CAPACITY: CapacityModel = {
  inputs: [
    fromUsers(100000, "a shared cache pool serves on the order of a hundred thousand requests a second"),
    inp("store_node_ops_per_sec"),
    inp("target_utilisation"),
    inp("hit_ratio"),
    inp("hot_key_share"),
    {
      quantity: "cached_bytes",
      typical: 1000000000000,
      why: "a shared cache pool holds on the order of a terabyte (a planning figure)",
      from: {
        expression: "bytes_stored",
        why: "the data the prompt says the cache holds, all of it, since it is the cache's own",
      },
    },
    {
      quantity: "item_overhead_fraction",
      typical: 0.25,
      why: "item headers, keys and the unused tail of each slab chunk (sizes grow by a factor of 1.25 per class) take about a quarter on top of the values (a planning figure; measure it with the server's slab stats)",
    },
    {
      quantity: "cache_node_bytes",
      typical: 64000000000,
      why: "a cache server gives about 64 GB of its RAM to items, the rest to the OS and connections (a planning figure)",
    },
    {
      quantity: "client_hosts",
      typical: 1000,
      why: "application hosts that read the cache: about a thousand for a large site (a planning figure)",
    },
    {
      quantity: "connections_per_client_host",
      typical: 4,
      why: "a routing proxy per host keeps a few connections to each server for all the host's processes (a planning figure)",
    },
  ],
  figures: [
    fig("peak_requests_per_sec", "peak requests", "peak", "requests_per_sec * peak_factor", "req/s"),
    fig(
      "cache_ram_bytes",
      "RAM for the cached data with per-item overhead (no replicas)",
      "storage",
      "cached_bytes * (1 + item_overhead_fraction)",
      "B",
    ),
    fig(
      "cache_nodes",
      "cache servers, by RAM and by load, whichever needs more",
      "count",
      "max(cache_ram_bytes / cache_node_bytes, peak_requests_per_sec / (store_node_ops_per_sec * target_utilisation))",
      "nodes",
      true,
    ),
    fig(
      "origin_requests_per_sec",
      "misses that reach the origin at peak",
      "hotspot",
      "peak_requests_per_sec * (1 - hit_ratio)",
      "req/s",
    ),
    fig(
      "node_loss_origin_reads",
      "extra origin reads a second while one lost server's keys refill",
      "hotspot",
      "peak_requests_per_sec / cache_nodes",
      "req/s",
    ),
    fig(
      "server_connections",
      "connections each cache server holds",
      "count",
      "client_hosts * connections_per_client_host",
      "connections/server",
      true,
    ),
    fig(
      "hot_key_ops",
      "reads a second on the hottest key's server",
      "hotspot",
      "peak_requests_per_sec * hot_key_share",
      "ops/s",
    ),
  ],
};

export const KVC_DECISIONS: DecisionPoint[] = [
  {
    id: "i16-cache-copies",
    topic: T,
    question: "Keep one copy of each key in the pool, or replicate keys across servers?",
    options: [
      {
        id: "one-copy",
        name: "one copy per key: a lost server's keys miss and refill from the origin, through a gutter pool",
        buys: "all the RAM holds distinct items, and no write waits on another server",
        costs: "a lost server sends its share of reads to the origin until it refills",
        winsWhen: "the origin can absorb one server's share of misses",
      },
      {
        id: "replicated-pool",
        name: "a replicated pool for a small hot key set, written to every replica and read from any",
        buys: "a lost server costs no misses, and reads of a hot key spread over the replicas",
        costs: "RAM times the replica count, and a delete must reach every replica",
        winsWhen:
          "a small set of keys is read far more than one server can serve, or its misses would swamp the origin",
      },
    ],
    rules: [
      {
        when: [{ words: String.raw`\b(?:replicat\w*|no misses|survive (?:a )?(?:node|server) (?:loss|failure))\b` }],
        option: "replicated-pool",
        because: "the prompt asks for copies that survive a server's loss",
      },
    ],
    fallback: {
      option: "one-copy",
      because: "every item is a copy of the origin, so a lost server costs misses, not data",
    },
  },
];

/** What an in-memory cache design must draw and must not (coherence `kv-cache-shape`). */
export const KVC_SHAPE = {
  entities: ["CacheItem"],
  ram: "cache_ram_bytes",
  /** Residue of a durable replicated store drawn for a cache. */
  residue:
    /\b(?:Request coordinators?|Storage replicas?|N = 3|partition map|rebalancer|hinted handoff|Merkle|quorum)\b/i,
} as const;
