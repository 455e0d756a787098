import type { ArchetypeInput } from "../schema.js";

export const I07 = {
  id: "I07",
  name: "Cache / Origin Projection / Edge Delivery",
  summary:
    "Copies of origin data are kept close to readers so most reads never reach the origin: a cache in front of a database, a CDN's edge caches in front of an object store. The authoritative state stays at the origin; caches hold projections with a version or expiry. The core concern is bounded staleness: how a change at the origin reaches or invalidates every copy, and how misses are filled without stampeding the origin. CDNs such as CloudFront, Akamai, Fastly and Cloudflare, and read-through caches, have this shape.",
  roles: ["derived"],
  signals: {
    phrases: [
      { text: "content delivery network", weight: 1 },
      { text: "cdn", weight: 1 },
      { text: "edge cache", weight: 1 },
      { text: "edge location", weight: 0.8 },
      { text: "cache", weight: 0.55 },
      { text: "caching layer", weight: 0.8 },
      { text: "read through cache", weight: 0.9 },
      { text: "cache aside", weight: 0.9 },
      { text: "write through cache", weight: 0.8 },
      { text: "cache invalidation", weight: 0.9 },
      { text: "purge", weight: 0.6 },
      { text: "purge by tag", weight: 0.8 },
      { text: "origin", weight: 0.5 },
      { text: "static assets", weight: 0.7 },
      { text: "cache hit ratio", weight: 0.7 },
      { text: "cache stampede", weight: 0.8 },
      { text: "thundering herd", weight: 0.5 },
      { text: "point of presence", weight: 0.8 },
      { text: "reverse proxy cache", weight: 0.8 },
      { text: "serve stale", weight: 0.5 },
      { text: "video delivery", weight: 0.5 },
      { text: "image delivery", weight: 0.5 },
      { text: "distributed cache", weight: 0.55 },
      { text: "cache in front of database", weight: 0.9 },
    ],
    systems: [
      { name: "CloudFront", aliases: ["Amazon CloudFront", "AWS CloudFront"], weight: 1 },
      { name: "Akamai", aliases: [], weight: 1 },
      { name: "Fastly", aliases: [], weight: 1 },
      { name: "Cloudflare", aliases: [], weight: 0.8 },
      { name: "Varnish", aliases: ["Varnish Cache"], weight: 1 },
      {
        name: "Memcached",
        aliases: ["memcache"],
        weight: 0.5,
        sharedBecause: "Memcached is a key-value cache cluster (I16) usually deployed in front of a database (I07)",
      },
    ],
  },
  entities: [
    {
      name: "OriginObject",
      description: "The authoritative object or row at the origin, with version or ETag.",
      truth: true,
    },
    {
      name: "CachedCopy",
      description: "A copy held at a cache or edge node with its version, tags and expiry.",
      truth: false,
    },
    {
      name: "PurgeRequest",
      description: "An invalidation by key, prefix or tag that every copy must apply.",
      truth: false,
    },
  ],
  writePaths: [
    {
      action: "update origin object",
      entity: "OriginObject",
      shape: "overwrite current value",
      mechanism: "versioned-overwrite",
      critical: true,
    },
    {
      action: "fill cache on miss",
      entity: "CachedCopy",
      shape: "create target",
      mechanism: "request-coalescing",
      hidden: true,
    },
    {
      action: "purge by key or tag",
      entity: "PurgeRequest",
      shape: "async process",
      mechanism: "cache-invalidation",
      critical: true,
    },
    { action: "expire copy", entity: "CachedCopy", shape: "async process", mechanism: "ttl-expiry", hidden: true },
  ],
  readPaths: [
    {
      action: "serve cached object",
      entity: "CachedCopy",
      shape: "read projection",
      staleness: "bounded by TTL or by purge propagation time",
    },
    { action: "fetch from origin", entity: "OriginObject", shape: "read source", staleness: "none" },
  ],
  protocols: [
    {
      name: "read through",
      notation:
        "client[get] -> edge[lookup {CachedCopy fresh}] |-> edge[fill {miss: one fetch per key}] -> origin[serve {OriginObject.version}] => done | retry",
    },
    {
      name: "purge",
      notation:
        "publisher[update origin] -> control[publish purge {tag}] -> edge[invalidate {CachedCopy has tag}] |-> edge[expire {purge missed: TTL}] => done | expire",
    },
  ],
  invariants: [
    "A CachedCopy is never served after its expiry unless stale serving is explicitly allowed and marked.",
    "After a purge is acknowledged, no edge serves a CachedCopy older than the purge.",
    "The OriginObject remains the only authority; a cache never writes back values it did not get from the origin.",
  ],
  contract: {
    api: [
      "get(url or key) -> object with age and cache status",
      "purge(key | prefix | tag) -> purge id; status(purge id) -> complete when all edges applied it",
      "set cache policy(path, ttl, stale-while-revalidate)",
    ],
    guarantees: ["staleness bounded by TTL and purge time", "origin load bounded by one fill per key per expiry"],
  },
  predicates: [
    { id: "derived-read", because: "every read is served from a copy of the origin" },
    { id: "time-bounded-hold", because: "copies expire after a TTL" },
    { id: "lww-acceptable", because: "a newer origin version simply replaces the copy" },
  ],
  failures: [
    {
      failure: "a purge is lost and an edge keeps serving old content",
      role: "derived",
      prevention: "TTL on every copy plus acknowledged purges with retries",
      repair: "re-issue the purge by tag; the TTL caps the damage",
    },
    {
      failure: "a popular key expires and every request hits the origin at once",
      role: "derived",
      prevention: "request coalescing and early refresh before expiry",
      repair: "serve stale while one request revalidates",
    },
    {
      failure: "the origin is down",
      role: "derived",
      prevention: "serve stale content on origin errors within a grace window",
      repair: "restore the origin; copies refresh on the next miss",
    },
    {
      failure: "a cache fill races an update and stores the old value",
      role: "derived",
      prevention: "fills carry the origin version and never overwrite a newer copy",
      repair: "the next invalidation or TTL replaces it",
    },
    {
      failure: "cache poisoning by a varying header stores a wrong variant",
      role: "derived",
      prevention: "normalise cache keys and vary only on allowed headers",
      repair: "purge the affected keys",
    },
  ],
  bottlenecks: [
    {
      bottleneck: "origin load from misses and refreshes",
      mitigation: "raise hit ratio with longer TTLs and tiered caching (an origin shield)",
      formula: {
        yields: "origin requests per second",
        expression: "requests_per_sec * (1 - hit_ratio)",
        unit: "req/s",
      },
    },
    {
      bottleneck: "purge fan-out to every edge",
      mitigation: "tag-based purges broadcast through a fan-out tree; versioned URLs avoid purges entirely",
      formula: { yields: "edge invalidations per second", expression: "changes_per_sec * nodes", unit: "purges/s" },
    },
    {
      bottleneck: "edge egress bandwidth for large objects",
      mitigation: "range requests, compression, and spreading hot objects across edge nodes",
      formula: { yields: "egress bytes per second", expression: "requests_per_sec * object_bytes", unit: "B/s" },
    },
  ],
  silhouette: {
    storage: "origin store + edge cache",
    coordination: "invalidation, refresh, purge",
    serving: "cache/edge serving",
  },
  technologies: [
    {
      product: "CloudFront / Fastly / Akamai",
      layer: "serving",
      fits: "global edge network with TTLs, purge APIs and origin shielding",
      suits: ["low-latency", "multi-region", "elastic-scale", "stay-available"],
      poorFor: ["linearizable", "low-cost"],
      caveat: "purge propagation takes seconds and costs per request",
    },
    {
      product: "Varnish",
      layer: "serving",
      fits: "self-run HTTP cache with fine-grained invalidation",
      suits: ["low-latency", "high-throughput"],
      poorFor: ["multi-region", "operational-simplicity"],
      caveat: "you run and scale the fleet",
    },
    {
      product: "Redis or Memcached",
      layer: "serving",
      fits: "application-side cache-aside in front of a database",
      suits: ["low-latency", "high-throughput"],
      poorFor: ["durable", "linearizable"],
      caveat: "invalidation is the application's job",
    },
    {
      product: "S3 or another object store",
      layer: "storage",
      fits: "durable origin for assets",
      suits: ["durable", "large-objects", "low-cost"],
      poorFor: ["low-latency"],
      caveat: "serving it directly to the world skips caching and costs more",
    },
  ],
  connections: [
    {
      to: "I11",
      role: "substrate",
      why: "purges and cache policy are propagated to every edge by a control plane",
      typical: true,
    },
    { to: "I14", role: "input", why: "immutable versioned artifacts are the easiest content to cache forever" },
    { to: "I16", role: "substrate", why: "the cache tier itself is a sharded key-value store" },
    { to: "I17", role: "decorator", why: "edge requests are routed to nearby healthy nodes by a steering plane" },
  ],
} satisfies ArchetypeInput;
