import type { ArchetypeInput } from "../../schema.js";
import { protocols } from "./topology.js";

/**
 * How a cached read keeps a linearizable stance: RFC 9111 (5.2.2.4) says a response marked no-cache is never reused
 * without a successful validation at the origin.
 */
const REVALIDATED_EACH_HIT = {
  staleness:
    "none: every hit is first revalidated at the origin (Cache-Control: no-cache, a conditional request on the ETag)",
  because:
    "consistency is linearizable, so the cache may keep a body but never reuse it before the origin confirms its ETag is still current: it saves the object's bytes on the way back, not the round trip to the origin",
};

export const card = {
  id: "I07",
  name: "Cache / Origin Projection / Edge Delivery",
  summary:
    "Keeps copies of origin content close to readers so that most reads are answered without touching the origin: a look-aside cache in front of a database, an HTTP reverse-proxy cache, or a CDN's tiers of edge caches in front of an object store or web origin. The origin object and its version stay authoritative; every cached copy is a projection carrying a version, a set of tags and an expiry. The core correctness concern is bounded staleness: each change at the origin must reach or invalidate every copy within a stated time, a late fill must never reinstate an older version, and misses must be filled without a stampede on the origin. CDNs (CloudFront, Akamai, Fastly, Cloudflare), Varnish or Traffic Server fleets and Memcached or Redis cache-aside tiers all have this shape. Requests reach the nearest healthy edge through DNS steering or anycast addresses; an edge that misses asks a regional or shield tier before the origin; and errors and not-found answers are cached briefly too (negative caching), so a missing object does not send every request to the origin.",
  roles: ["derived"],
  signals: {
    phrases: [
      { text: "content delivery network", weight: 1 },
      { text: "cdn", weight: 1 },
      { text: "edge cache", weight: 1 },
      { text: "edge location", weight: 0.8 },
      { text: "edge server", weight: 0.7 },
      { text: "point of presence", weight: 0.8 },
      { text: "cache", weight: 0.55 },
      { text: "caching layer", weight: 0.8 },
      { text: "cache tier", weight: 0.8 },
      { text: "http cache", weight: 0.9 },
      { text: "reverse proxy cache", weight: 0.9 },
      { text: "read through cache", weight: 0.9 },
      { text: "cache aside", weight: 0.9 },
      { text: "look aside cache", weight: 0.9 },
      { text: "write through cache", weight: 0.8 },
      { text: "write behind cache", weight: 0.6 },
      { text: "cache in front of database", weight: 0.9 },
      { text: "query result cache", weight: 0.7 },
      { text: "cache invalidation", weight: 0.9 },
      { text: "invalidation", weight: 0.45 },
      { text: "purge", weight: 0.6 },
      { text: "purge by tag", weight: 0.8 },
      { text: "surrogate key", weight: 0.8 },
      { text: "origin server", weight: 0.8 },
      { text: "origin shield", weight: 1 },
      { text: "origin offload", weight: 0.9 },
      { text: "origin", weight: 0.5 },
      { text: "static assets", weight: 0.7 },
      { text: "static content", weight: 0.7 },
      { text: "image delivery", weight: 0.5 },
      { text: "video delivery", weight: 0.5 },
      { text: "deliver video", weight: 0.5 },
      { text: "deliver content", weight: 0.5 },
      { text: "video streaming", weight: 0.4 },
      { text: "cache hit ratio", weight: 0.7 },
      { text: "cache miss", weight: 0.6 },
      { text: "cache stampede", weight: 0.8 },
      { text: "dogpile", weight: 0.7 },
      { text: "thundering herd", weight: 0.5 },
      { text: "request collapsing", weight: 0.7 },
      { text: "stale while revalidate", weight: 0.8 },
      { text: "serve stale", weight: 0.5 },
      { text: "cache control header", weight: 0.8 },
      { text: "cache ttl", weight: 0.6 },
      { text: "warm cache", weight: 0.5 },
      { text: "conditional get", weight: 0.4 },
      { text: "distributed cache", weight: 0.55 },
    ],
    systems: [
      { name: "CloudFront", aliases: ["Amazon CloudFront", "AWS CloudFront"], weight: 1 },
      { name: "Akamai", aliases: [], weight: 1 },
      { name: "Fastly", aliases: [], weight: 1 },
      {
        name: "Cloudflare",
        aliases: [],
        weight: 0.8,
        sharedBecause:
          "Cloudflare is best known as a CDN (I07) but its edge also runs rate limiting (I08) and load balancing (I17)",
      },
      { name: "Google Cloud CDN", aliases: ["Cloud CDN"], weight: 1 },
      { name: "Azure CDN", aliases: [], weight: 1 },
      { name: "Netflix Open Connect", aliases: ["Open Connect"], weight: 1 },
      { name: "Varnish", aliases: ["Varnish Cache"], weight: 1 },
      { name: "Apache Traffic Server", aliases: ["Traffic Server", "ATS"], weight: 1 },
      { name: "Squid", aliases: ["Squid proxy"], weight: 0.9 },
      {
        name: "Memcached",
        aliases: ["memcache"],
        weight: 0.5,
        sharedBecause: "Memcached is a key-value cache cluster (I16) usually deployed in front of a database (I07)",
      },
      {
        name: "Redis",
        aliases: [],
        weight: 0.3,
        sharedBecause:
          "Redis is mostly key-scoped state (I16), commonly a cache-aside tier in front of an origin (I07), and a budget store for rate limits (I08)",
      },
    ],
  },
  entities: [
    {
      // a look-aside cache's own durable state: how far its invalidation tailer has read the database's commit log
      topic: "cache-aside",
      name: "InvalidationCheckpoint",
      description:
        "The invalidation tailer's position in the database's commit log: the last committed change whose deletes every cache node has acknowledged, from which a restarted tailer resumes.",
      truth: false,
      durability: "durable",
    },
    {
      // behind a look-aside cache the origin is the database the cache fronts: its rows stay the system of record,
      // written by the applications that commit to it, never by the cache
      topic: "cache-aside",
      name: "DatabaseRecord",
      description:
        "The fronted database's row for one key: its value and the commit that last changed it. It is the system of record: every miss reads it, every write commits to it before the cached copy is deleted, and its commit log tells the invalidation tailer what changed.",
      truth: true,
      durability: "durable",
      givenBy: "the database the cache fronts (its primary, which commits every write)",
    },
    {
      unlessTopic: "cache-aside",
      name: "OriginObject",
      description:
        "The authoritative object, row or response at the origin, identified by key or URL and carrying a version or ETag that increases on every change.",
      truth: true,
      durability: "durable",
    },
    {
      name: "CachedCopy",
      description:
        "A copy held by one cache or edge node: body, origin version, cache key (URL plus the headers it varies on), surrogate tags, fetched-at time and expiry.",
      truth: false,
    },
    {
      unlessTopic: "cache-aside",
      name: "CachePolicy",
      description:
        "Per path or key pattern: TTL, stale-while-revalidate and stale-if-error windows, which headers enter the cache key, and whether the response may be cached in a shared tier at all.",
      truth: false,
    },
    {
      unlessTopic: "cache-aside",
      name: "PurgeRequest",
      description:
        "An invalidation by key, prefix or tag with an id, issue time and the set of edge nodes that have acknowledged applying it.",
      truth: false,
    },
    {
      name: "InflightFill",
      description:
        "A per-key marker on one node (or a fill lease in a shared cache) showing that one request is already fetching the key from upstream.",
      truth: false,
    },
  ],
  writePaths: [
    {
      // the tailer behind a look-aside cache (Facebook's mcsqueal): commit log in, deletes out, checkpoint after acks
      topic: "cache-aside",
      action:
        "tail the database's commit log, delete each changed key on its cache node, and advance the checkpoint once the deletes are acknowledged",
      entity: "InvalidationCheckpoint",
      shape: "async process",
      mechanism: "projector-checkpoint",
      hidden: true,
      critical: true,
    },
    {
      unlessTopic: "cache-aside",
      action: "update the origin object and bump its version",
      entity: "OriginObject",
      shape: "overwrite current value",
      mechanism: "versioned-overwrite",
      critical: true,
    },
    {
      action: "invalidate or delete the cached key after the origin write commits",
      entity: "CachedCopy",
      shape: "async process",
      mechanism: "cache-invalidation",
      critical: true,
    },
    {
      action: "fill the cache on a miss, one upstream fetch per key",
      entity: "CachedCopy",
      shape: "create target",
      mechanism: "request-coalescing",
      hidden: true,
      runs: {
        in: "request path",
        because: "the reader that missed waits for the fill",
      },
    },
    {
      action: "refuse a fill whose version is older than the copy or whose fill lease was voided by an invalidation",
      entity: "CachedCopy",
      shape: "state transition",
      mechanism: "version-check",
      hidden: true,
      critical: true,
    },
    {
      unlessTopic: "cache-aside",
      action: "record a purge by key, prefix or tag and fan it out to every edge, collecting acknowledgements",
      entity: "PurgeRequest",
      shape: "async process",
      mechanism: "cache-invalidation",
      critical: true,
    },
    {
      action: "expire or evict copies past their TTL",
      entity: "CachedCopy",
      shape: "async process",
      mechanism: "ttl-expiry",
      hidden: true,
    },
    {
      unlessTopic: "cache-aside",
      action: "change a cache policy and push it to every edge",
      entity: "CachePolicy",
      shape: "async process",
      mechanism: "versioned-snapshot",
    },
  ],
  readPaths: [
    {
      unlessTopic: "cache-aside",
      action: "serve the object from the nearest edge or cache node",
      entity: "CachedCopy",
      shape: "read projection",
      servesFeatureReads: true,
      staleness:
        "at most the TTL, cut short by purge propagation time; up to the stale-if-error window when the origin fails",
      linearizable: REVALIDATED_EACH_HIT,
    },
    {
      // a cache tier in front of a database: each key lives on one node, deleted from the database's commit log
      topic: "cache-aside",
      action: "serve the record from its key's cache node",
      entity: "CachedCopy",
      shape: "read projection",
      servesFeatureReads: true,
      staleness:
        "at most the invalidation lag after a committed change; at most the copy's time to live where that change's delete was lost",
      linearizable: REVALIDATED_EACH_HIT,
    },
    {
      unlessTopic: "cache-aside",
      action: "serve an edge miss from the regional shield tier",
      entity: "CachedCopy",
      shape: "read projection",
      staleness: "up to the sum of both tiers' TTLs unless the edge counts the Age the shield reports",
      linearizable: REVALIDATED_EACH_HIT,
    },
    {
      unlessTopic: "cache-aside",
      action: "fetch from the origin on a miss or revalidation",
      entity: "OriginObject",
      shape: "read source",
      staleness: "none when read from the primary; a lagging origin replica can hand the cache an old version",
    },
  ],
  protocols,
  invariants: [
    "A CachedCopy is never served past its expiry unless the CachePolicy allows stale serving for that path, and then only within the stated stale window and marked with its age.",
    "Once a PurgeRequest is reported complete, no edge serves a CachedCopy it covered that was fetched before the purge was issued.",
    "A fill never replaces a CachedCopy with an older OriginObject version, and a fill started before an invalidation is never stored after it.",
    "A fill never replaces a CachedCopy with an older version of the database record, and a fill started before an invalidation is never stored after it.",
    "A committed database write deletes its key's CachedCopy, so a read is served the old value for at most the invalidation lag, or, where that delete is lost, at most the copy's time to live.",
    "The OriginObject stays the only authority: a CachedCopy is only ever filled from the origin, so the cache never originates a value and never writes back one it did not receive from the origin.",
    "The cache key covers every request attribute the response varies on, and responses marked private or per-user are never stored in a shared tier.",
  ],
  // behind a look-aside cache the database's record is the origin (I16 states its authority), and no edge, purge
  // plane or shared HTTP tier is drawn
  invariantTopics: [
    {
      statement:
        "A CachedCopy is never served past its expiry unless the CachePolicy allows stale serving for that path, and then only within the stated stale window and marked with its age.",
      unlessTopic: "cache-aside",
    },
    {
      statement:
        "Once a PurgeRequest is reported complete, no edge serves a CachedCopy it covered that was fetched before the purge was issued.",
      unlessTopic: "cache-aside",
    },
    {
      statement:
        "A fill never replaces a CachedCopy with an older OriginObject version, and a fill started before an invalidation is never stored after it.",
      unlessTopic: "cache-aside",
    },
    {
      statement:
        "A fill never replaces a CachedCopy with an older version of the database record, and a fill started before an invalidation is never stored after it.",
      topic: "cache-aside",
    },
    {
      // the invalidation's own rule: the delete after the commit bounds how long the old value is served
      statement:
        "A committed database write deletes its key's CachedCopy, so a read is served the old value for at most the invalidation lag, or, where that delete is lost, at most the copy's time to live.",
      topic: "cache-aside",
    },
    {
      statement:
        "The OriginObject stays the only authority: a CachedCopy is only ever filled from the origin, so the cache never originates a value and never writes back one it did not receive from the origin.",
      unlessTopic: "cache-aside",
    },
    {
      statement:
        "The cache key covers every request attribute the response varies on, and responses marked private or per-user are never stored in a shared tier.",
      unlessTopic: "cache-aside",
    },
  ],
  contract: {
    api: [
      "get(url or key, request headers) -> body with age and status hit | miss | stale",
      "purge(key | prefix | tag) -> purge id; purge_status(purge id) -> pending with lagging edges | complete",
      "set_policy(path pattern, ttl, stale_while_revalidate, stale_if_error, vary headers) -> policy version",
      "delete(key) -> ok, the cache-aside invalidation an application issues after its origin write commits",
      "prefetch(keys) -> number of keys warmed at the chosen edges",
    ],
    guarantees: [
      "staleness is bounded by the TTL and, for purged content, by purge propagation time",
      "origin load is at most one fill per key per cache tier per expiry, however many readers miss at once",
      "when the origin fails, cached content keeps being served within the stale-if-error window",
    ],
  },
  predicates: [
    { id: "derived-read", because: "every read on the hot path is served from a copy of the origin object" },
    {
      id: "time-bounded-hold",
      because: "each copy lives only until its TTL, the backstop that caps staleness when an invalidation is lost",
    },
    {
      id: "stale-write-dangerous",
      because:
        "a slow fill that read the origin before an update can land after the invalidation and reinstate the old value",
    },
    {
      id: "lww-acceptable",
      because: "a copy has no value of its own: the newest origin version simply replaces whatever the cache held",
    },
  ],
  failures: [
    // behind a look-aside cache in one region ("Scaling Memcache at Facebook", NSDI 2013): no edge, shield or purge
    // plane; a lost node's misses, a hot key's expiry and a stopped invalidation tailer are the tier's own failures
    {
      topic: "cache-aside",
      failure: "a hot key expires and thousands of concurrent misses hit the database at once",
      role: "derived",
      prevention:
        "a per-key fill lease lets one reader fill while the others wait briefly, and hot keys refresh early with jitter",
      repair: "serve the stale copy for a short window while the lease holder refills it",
    },
    {
      topic: "cache-aside",
      failure: "a cache node crashes and its keys all miss at once, overloading the database",
      role: "derived",
      prevention:
        // Karger et al. (STOC 1997) and Dynamo (SOSP 2007) section 4.2: the ring moves only the lost node's share of
        // keys, and virtual nodes spread that share over the survivors instead of one successor; they do not shrink
        // the misses the share brings, which the fill leases and the spare pool absorb.
        "consistent hashing with virtual nodes so a lost node's keys and their misses spread over every survivor instead of one neighbour, fill leases so each key sends one read, and a small spare pool that takes a failed node's keys for a short time",
      repair: "replace the node and let fills refill its hottest keys first",
    },
    {
      topic: "cache-aside",
      failure:
        "the invalidation tailer stops or falls behind the database's commit log, so cached copies keep serving values that have changed",
      role: "derived",
      prevention:
        "the tailer reads the commit log from a durable checkpoint and resends each delete until the cache node acknowledges it; an alert fires when its lag passes half the freshness bound",
      repair:
        "restart it from its checkpoint: deletes are idempotent, so replaying some twice does no harm, and the time to live caps what it missed",
    },
    {
      topic: "cache-aside",
      failure: "the database is down or slow and every miss turns into an error",
      role: "derived",
      prevention:
        "database reads on a miss time out fast, and a copy past its expiry may be served for a short stale window",
      repair: "restore the database; copies refill on the next miss",
    },
    {
      unlessTopic: "cache-aside",
      failure: "a purge never reaches some edges, which keep serving removed or outdated content",
      role: "derived",
      prevention: "purges carry ids and are resent until every edge acknowledges; every copy also has a TTL",
      repair: "reissue the purge by tag for the lagging edges; the TTL bounds the worst case",
    },
    {
      unlessTopic: "cache-aside",
      failure: "a hot key expires and thousands of concurrent misses hit the origin at once",
      role: "derived",
      prevention:
        "coalesce fills per key, refresh early with jitter before expiry, and route misses through a shield tier",
      repair: "serve the stale copy while a single request revalidates it",
    },
    {
      failure: "a fill that read the old value lands after the invalidation and caches stale data until the TTL",
      role: "derived",
      prevention:
        "fills carry the origin version or a fill lease that an invalidation voids, and a store is refused when either check fails",
      repair: "a second, delayed invalidation after each write, with the TTL as the final backstop",
    },
    {
      failure:
        "the invalidation is sent before a lagging origin replica has the write, and the refill caches the old version",
      role: "derived",
      prevention: "invalidate only after the write commits and fill from the primary or with a minimum version",
      repair: "repeat the invalidation after the replica lag window passes",
    },
    {
      unlessTopic: "cache-aside",
      failure: "the origin is down or slow and every miss turns into an error",
      role: "derived",
      prevention: "stale-if-error serving, a shield tier and origin timeouts that fail fast",
      repair: "restore the origin; copies refresh on the next miss or revalidation",
    },
    {
      unlessTopic: "cache-aside",
      failure:
        "a wrong or private variant is cached and served to other users (cache poisoning or a key missing a header)",
      role: "derived",
      prevention:
        "normalise cache keys, vary only on allowed headers, and never store authenticated responses in shared tiers",
      repair: "purge the affected keys and fix the key or policy rule",
    },
    {
      unlessTopic: "cache-aside",
      failure:
        "a cache node crashes or a whole edge site restarts, comes back cold, and its misses overload the origin",
      role: "derived",
      prevention:
        // as above: virtual nodes spread a lost node's keys over the survivors; the misses still reach the shield tier
        "consistent hashing with virtual nodes so a lost node's keys spread over every survivor, a shield tier, and a gradual traffic ramp onto cold sites",
      repair: "warm the hottest keys from the shield and raise traffic to the site in steps",
    },
    {
      failure: "A popular missing object or an origin error is not cached, so every request for it goes to the origin",
      role: "derived",
      prevention:
        "Cache not-found and error answers with a short TTL of their own (negative caching), separate from the TTL of good objects",
      repair: "Purge the negative entry when the object is published, and let it lapse quickly otherwise",
    },
    {
      unlessTopic: "cache-aside",
      failure:
        "Requests are steered to a distant or failed edge because DNS answers are cached by resolvers for their TTL",
      role: "derived",
      prevention:
        "Use anycast addresses so routing withdraws a failed site within seconds, or short DNS TTLs with health-checked answers",
      repair: "Withdraw the site's route or DNS record; clients drift back as cached answers expire",
    },
  ],
  bottlenecks: [
    {
      unlessTopic: "cache-aside",
      bottleneck: "origin load from misses, expiries and revalidations",
      mitigation:
        "raise the hit ratio with longer TTLs, versioned URLs and a shield tier that collapses misses from many edges",
      formula: {
        yields: "origin requests per second",
        expression: "requests_per_sec * (1 - hit_ratio)",
        unit: "req/s",
      },
    },
    {
      topic: "cache-aside",
      bottleneck: "database load from misses",
      mitigation:
        "raise the hit ratio with more memory for the hot set and longer times to live (deletes from the commit log keep copies fresh), and one fill per key so a miss storm reaches the database once",
      formula: {
        yields: "origin requests per second",
        expression: "requests_per_sec * (1 - hit_ratio)",
        unit: "req/s",
      },
    },
    {
      bottleneck: "purge fan-out to every edge node",
      mitigation:
        "tag-based purges broadcast through a fan-out tree; content-versioned URLs make most purges unnecessary",
      formula: {
        yields: "edge invalidations per second",
        expression: "changes_per_sec * cache_sites",
        unit: "purges/s",
      },
    },
    {
      bottleneck: "edge egress bandwidth for large objects",
      mitigation: "range requests, compression, and spreading hot objects over several nodes in a site",
      formula: { yields: "egress bytes per second", expression: "requests_per_sec * value_bytes", unit: "B/s" },
    },
    {
      bottleneck: "edge storage needed to hold the working set at every site",
      mitigation: "keep only the hot set at the edge with LRU eviction and let the shield tier hold the long tail",
      formula: {
        yields: "bytes to cache the full catalogue at one site",
        expression: "objects * value_bytes",
        unit: "B",
      },
    },
    {
      bottleneck: "one viral object concentrated on the single node its key hashes to",
      mitigation: "replicate hot keys to several nodes or to an in-process first-level cache with a short TTL",
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
      fits: "global edge network with TTL policies, purge APIs (by tag on Fastly and Akamai) and origin shielding",
      suits: ["low-latency", "multi-region", "elastic-scale", "stay-available", "large-objects"],
      poorFor: ["linearizable", "read-your-writes"],
      caveat: "purges take seconds to reach every edge and are rate-limited, so they cannot replace versioned URLs",
    },
    {
      // Open Connect's appliance software page: FreeBSD, NGINX serving audio and video over HTTP, and the BIRD
      // routing daemon sharing ISP topology with the control system in AWS that directs clients to content
      product: "Own edge appliances in ISP networks (as Netflix Open Connect: FreeBSD, NGINX, BIRD for BGP)",
      layer: "serving",
      fits: "cache appliances inside ISPs filled off-peak from the catalogue; a steering service picks each client's appliances from the routes BGP shares",
      suits: ["high-throughput", "large-objects", "low-cost"],
      poorFor: ["operational-simplicity", "linearizable"],
      caveat: "you own the hardware, the ISP partnerships, the fill schedule and the steering",
      onlyChosen: true,
    },
    {
      product: "Varnish or Apache Traffic Server",
      layer: "serving",
      fits: "self-run HTTP caches with programmable cache keys, tag bans and request collapsing",
      suits: ["low-latency", "high-throughput"],
      poorFor: ["operational-simplicity", "multi-region"],
      caveat: "you run the fleet, its purge fan-out and its capacity planning yourself",
    },
    {
      product: "Memcached or Redis",
      layer: "serving",
      fits: "application-side cache-aside tier in front of a database, keyed by object id",
      suits: ["low-latency", "high-throughput", "small-metadata"],
      // (not "durable": the tier's copies are not the durable state, the database is; losing a node costs only hits)
      poorFor: ["linearizable"],
      caveat: "invalidation ordering and stale-fill protection are the application's job",
    },
    {
      // Hazelcast's MapLoader reference: IMap.get of a key not in memory calls the loader's load(key) and keeps the
      // result in the map; the MapStore configuration guide (5.x): load() and store() calls are offloaded from the
      // partition threads by default, so a slow load no longer blocks the partition's other keys (older versions did)
      product: "Hazelcast (a distributed map with a MapLoader)",
      layer: "serving",
      fits: "read-through in-memory cluster partitioned by key: a get of a key not held calls the configured loader, which reads the database, and keeps the record in the map",
      suits: ["low-latency", "high-throughput", "small-metadata"],
      poorFor: ["linearizable", "multi-region"],
      caveat:
        "every miss waits for its load, so a slow database slows exactly the reads that miss: loads need a tight timeout (current versions run loads off the partition threads, older ones blocked the partition's other keys meanwhile)",
      onlyChosen: true,
    },
    {
      product: "S3, GCS or another object store as origin",
      layer: "storage",
      fits: "durable, cheap origin for assets and media behind the edge",
      suits: ["durable", "large-objects", "low-cost"],
      poorFor: ["low-latency"],
      caveat: "serving it straight to the internet skips caching and multiplies egress cost",
    },
  ],
  connections: [
    {
      to: "I11",
      role: "substrate",
      why: "purges, cache policies and edge configuration reach every edge through a control plane",
      typical: true,
    },
    {
      to: "I16",
      role: "substrate",
      why: "a cache tier is itself a sharded key-value store with TTLs and eviction",
    },
    {
      to: "I17",
      role: "decorator",
      why: "readers are steered to a nearby healthy edge by anycast, DNS or a load balancer in front of the caches",
    },
    {
      to: "I14",
      role: "input",
      why: "content-addressed, immutable versions can be cached forever and never need a purge",
    },
    {
      to: "I05",
      role: "input",
      why: "a change stream from the origin (CDC or events) drives invalidations in commit order",
    },
  ],
  /** The NFR stance a design takes when the prompt is silent, and where ordering, exclusivity and coordination hold. */
  stance: {
    consistency: "eventual",
    availability: "stay-available",
    delivery: "at-most-once",
    ordering: "none",
    durability: "best-effort",
    because: "a cache is a copy: losing it costs origin load, serving it slightly stale is the accepted trade",
    scopes: {
      ordering: { scope: "none", why: "copies are replaced wholesale; a newer version simply wins" },
      exclusivity: { scope: "key", why: "one fill per key at a time keeps misses from stampeding the origin" },
      coordination: { scope: "key", why: "invalidation and refresh are decided per key or tag" },
    },
  },
} satisfies ArchetypeInput;
