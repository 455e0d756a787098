import type { ArchetypeInput } from "../schema.js";

export const I08 = {
  id: "I08",
  name: "Traffic Shaping / Admission Control",
  summary:
    "Decides, in the request path, whether each request may proceed now: rate limiters, quota services, concurrency limiters and load shedders. The authoritative state is a budget per scope (client, tenant, route): tokens left, requests in a window, or in-flight count, plus the policies that set the limits. The core concern is an admission decision that is fast, atomic per scope and roughly fair, with a clear stance on what happens when the budget store is unreachable. API rate limiting, per-customer quotas and overload protection all follow this shape.",
  roles: ["coordination"],
  signals: {
    phrases: [
      { text: "api gateway", weight: 0.3 },
      { text: "rate limiter", weight: 1 },
      { text: "rate limit", weight: 1 },
      { text: "throttle", weight: 0.85 },
      { text: "quota", weight: 0.8 },
      { text: "token bucket", weight: 0.95 },
      { text: "leaky bucket", weight: 0.95 },
      { text: "sliding window", weight: 0.7 },
      { text: "concurrency limit", weight: 0.95 },
      { text: "concurrency limiter", weight: 1 },
      { text: "in flight requests", weight: 0.8 },
      { text: "admission control", weight: 1 },
      { text: "load shedding", weight: 0.9 },
      { text: "shed load", weight: 0.8 },
      { text: "backpressure", weight: 0.5 },
      { text: "requests per customer", weight: 0.6 },
      { text: "per user limit", weight: 0.7 },
      { text: "caps requests", weight: 0.8 },
      { text: "too many requests", weight: 0.8 },
      { text: "api calls per", weight: 0.5 },
      { text: "fair share", weight: 0.5 },
      { text: "overload protection", weight: 0.8 },
      { text: "abuse prevention", weight: 0.5 },
      { text: "limit number of requests", weight: 0.9 },
    ],
    systems: [
      {
        name: "Redis",
        aliases: [],
        weight: 0.3,
        sharedBecause:
          "Redis is mostly used as key-scoped state (I16) but also as a budget store for rate limiting (I08) and as a cache in front of an origin (I07)",
      },
      { name: "Envoy rate limit service", aliases: ["ratelimit service"], weight: 1 },
      { name: "Doorman", aliases: [], weight: 1 },
    ],
  },
  entities: [
    {
      name: "Budget",
      description:
        "Tokens left (or count in the current window, or in-flight requests) for one scope, with last refill time.",
      truth: true,
    },
    {
      name: "LimitPolicy",
      description: "The limit, refill rate and burst per scope, and the fail-open or fail-closed stance.",
      truth: true,
    },
    {
      name: "LocalAllowance",
      description: "A slice of budget a node may spend without asking the store.",
      truth: false,
    },
  ],
  writePaths: [
    { action: "admit request", entity: "Budget", shape: "state transition", mechanism: "token-bucket", critical: true },
    {
      action: "release concurrency slot",
      entity: "Budget",
      shape: "state transition",
      mechanism: "concurrency-slots",
      critical: true,
    },
    {
      action: "refill budget",
      entity: "Budget",
      shape: "overwrite current value",
      mechanism: "token-bucket",
      hidden: true,
    },
    {
      action: "update limit policy",
      entity: "LimitPolicy",
      shape: "overwrite current value",
      mechanism: "versioned-overwrite",
    },
    {
      action: "propagate policy",
      entity: "LimitPolicy",
      shape: "async process",
      mechanism: "versioned-snapshot",
      hidden: true,
    },
  ],
  readPaths: [
    {
      action: "check remaining budget",
      entity: "Budget",
      shape: "read source",
      staleness: "none on the owning shard; a local allowance may be slightly ahead",
    },
    {
      action: "evaluate policy locally",
      entity: "LimitPolicy",
      shape: "read projection",
      staleness: "seconds behind the policy store",
    },
  ],
  protocols: [
    {
      name: "admit",
      notation:
        "client[request] -> limiter[take token {Budget.tokens >= cost after refill}] -> backend[serve] |-> limiter[reject {budget empty: 429 with retry after}] => done | reject",
    },
    {
      name: "concurrency slot",
      notation:
        "client[request] -> limiter[acquire slot {Budget.in_flight < limit}] -> backend[serve] -> limiter[release slot] |-> sweeper[expire slot {holder lost}] => done | reject | reclaim",
    },
  ],
  invariants: [
    "Over any refill interval a scope is admitted at most its limit plus the configured burst, give or take the declared local-allowance slack.",
    "A Budget update is atomic: two concurrent admissions never both spend the last token.",
    "An in-flight slot that is never released is reclaimed after its expiry.",
  ],
  contract: {
    api: [
      "admit(scope, cost) -> allowed | rejected with retry-after",
      "release(scope, slot) -> ok",
      "set_limit(scope, rate, burst, stance) -> policy version",
    ],
    guarantees: [
      "decision within a small, bounded latency in the request path",
      "explicit fail-open or fail-closed behaviour when the budget store is unreachable",
    ],
  },
  predicates: [
    { id: "exclusivity-matters", because: "the last token must go to exactly one request" },
    { id: "time-bounded-hold", because: "concurrency slots and windows expire" },
    { id: "derived-read", because: "policies are evaluated from local copies" },
  ],
  failures: [
    {
      failure: "the budget store is unreachable",
      role: "coordination",
      prevention: "local allowances and a declared fail-open or fail-closed stance per policy",
      repair: "resync budgets when the store returns",
    },
    {
      failure: "two nodes both admit with the last token",
      role: "coordination",
      prevention: "atomic decrement on the shard that owns the scope",
      repair: "accept the small overshoot and tighten local allowances",
    },
    {
      failure: "a crashed caller never releases its concurrency slot",
      role: "coordination",
      prevention: "slots carry an expiry",
      repair: "the sweeper reclaims expired slots",
    },
    {
      failure: "clock skew between nodes distorts windows",
      role: "coordination",
      prevention: "refill computed on the budget store's clock",
      repair: "windows self-correct at the next refill",
    },
    {
      failure: "a hot tenant's budget key overloads one shard",
      role: "coordination",
      prevention: "split large budgets into per-node allowances",
      repair: "rebalance the hot scope across sub-keys",
    },
  ],
  bottlenecks: [
    {
      bottleneck: "one round trip to the budget store per request",
      mitigation: "batch token grabs into local allowances; check locally and sync periodically",
      formula: { yields: "budget store operations per second", expression: "requests_per_sec", unit: "ops/s" },
    },
    {
      bottleneck: "a hot scope key for a large tenant",
      mitigation: "shard the scope into sub-budgets summed loosely",
      formula: { yields: "admissions per second per tenant", expression: "requests_per_sec / tenants", unit: "req/s" },
    },
    {
      bottleneck: "policy distribution to every enforcing node",
      mitigation: "push versioned policy snapshots through the control plane",
      formula: { yields: "policy bytes pushed per change", expression: "config_bytes * nodes", unit: "B" },
    },
  ],
  silhouette: {
    storage: "budget/token/concurrency state store",
    coordination: "atomic admission update + policy propagation",
    serving: "evaluator fast path",
  },
  technologies: [
    {
      product: "Redis with atomic scripts",
      layer: "storage",
      fits: "token buckets and windows updated atomically per key with TTLs",
      suits: ["low-latency", "high-throughput", "operational-simplicity"],
      poorFor: ["durable", "multi-region"],
      caveat: "failover can reset counters; usually acceptable for limits",
    },
    {
      product: "In-process limiter with local allowances",
      layer: "serving",
      fits: "zero network cost per decision",
      suits: ["low-latency", "stay-available"],
      poorFor: ["linearizable"],
      caveat: "global limits become approximate",
    },
    {
      product: "Envoy global rate limit service",
      layer: "coordination",
      fits: "central decision service called by proxies",
      suits: ["operational-simplicity", "stay-available"],
      poorFor: ["low-latency"],
      caveat: "adds a hop per request unless combined with local limits",
    },
  ],
  connections: [
    { to: "I17", role: "substrate", why: "the limiter runs inside the gateway or proxy that mediates requests" },
    { to: "I11", role: "substrate", why: "limit policies are distributed as snapshots" },
    { to: "I16", role: "substrate", why: "budgets are key-scoped counters in a fast KV store" },
  ],
} satisfies ArchetypeInput;
