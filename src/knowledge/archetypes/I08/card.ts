import type { ArchetypeInput } from "../../schema.js";
import { keptBy } from "../../topics.js";
import {
  SLOT_BOTTLENECKS,
  SLOT_ENTITIES,
  SLOT_FAILURES,
  SLOT_INVARIANTS,
  SLOT_KEPT_BY,
  SLOT_READS,
  SLOT_SCOPES,
  SLOT_TECHNOLOGIES,
  SLOT_WRITES,
} from "./slots.js";
import { protocols } from "./topology.js";
import {
  ROOM_BOTTLENECKS,
  ROOM_ENTITIES,
  ROOM_FAILURES,
  ROOM_INVARIANTS,
  ROOM_KEPT_BY,
  ROOM_READS,
  ROOM_SCOPES,
  ROOM_TECHNOLOGIES,
  ROOM_WRITES,
} from "./waiting-room.js";

export const card = {
  id: "I08",
  name: "Traffic Shaping / Admission Control",
  summary:
    "Decides in the request path whether each request may proceed now, later or not at all: rate limiters, API quotas, concurrency limiters, adaptive limiters and load shedders. The authoritative state is a budget per scope (API key, tenant, route, downstream dependency) — tokens left, a count for the current window or the number of requests in flight — together with the limit policies that set those budgets. The core correctness concern is an admission decision that is atomic per scope, fast enough to sit in front of every request, and explicit about what happens when the budget store cannot be reached. API rate limiting, per-customer quotas, concurrency caps in front of a database and overload protection in gateways all follow this shape. The counting rule matters: a fixed window lets a client send up to twice the limit across a window boundary; a sliding-window log stores every request time and is exact but heavy; a sliding-window counter weights the previous window's count and is close enough at two counters per key; a token bucket or its one-timestamp form, the generic cell rate algorithm (GCRA, which stores only a theoretical arrival time), allows a bounded burst. A refused request gets 429 Too Many Requests with Retry-After and rate-limit headers, and a global limit enforced by many nodes is split into per-node shares that are rebalanced as nodes come and go.",
  roles: ["coordination"],
  signals: {
    phrases: [
      { text: "rate limiter", weight: 1 },
      { text: "rate limit", weight: 1 },
      { text: "throttle", weight: 0.85 },
      { text: "quota", weight: 0.8 },
      { text: "usage plan", weight: 0.6 },
      { text: "token bucket", weight: 0.95 },
      { text: "leaky bucket", weight: 0.95 },
      { text: "sliding window", weight: 0.7 },
      { text: "fixed window counter", weight: 0.8 },
      { text: "sliding log", weight: 0.7 },
      { text: "concurrency limiter", weight: 1 },
      { text: "concurrency limit", weight: 0.95 },
      { text: "adaptive concurrency", weight: 0.8 },
      { text: "in flight requests", weight: 0.8 },
      { text: "max concurrent requests", weight: 0.8 },
      { text: "admission control", weight: 1 },
      { text: "load shedding", weight: 0.9 },
      { text: "overload protection", weight: 0.8 },
      { text: "protect downstream", weight: 0.6 },
      { text: "noisy neighbor", weight: 0.7 },
      { text: "fair share", weight: 0.5 },
      { text: "bulkhead", weight: 0.6 },
      { text: "spike arrest", weight: 0.8 },
      { text: "too many requests", weight: 0.8 },
      { text: "429", weight: 0.6 },
      { text: "limit number of requests", weight: 0.9 },
      { text: "cap request", weight: 0.7 },
      { text: "request limit", weight: 0.8 },
      { text: "per user limit", weight: 0.7 },
      { text: "per tenant limit", weight: 0.7 },
      { text: "api call limit", weight: 0.8 },
      { text: "limit api", weight: 0.7 },
      { text: "limit client", weight: 0.6 },
      { text: "allow burst", weight: 0.5 },
      { text: "excess request", weight: 0.6 },
      { text: "abuse prevention", weight: 0.5 },
      { text: "ddos", weight: 0.5 },
      { text: "backpressure", weight: 0.5 },
      { text: "api gateway", weight: 0.3 },
      { text: "politeness limit", weight: 0.6 },
      { text: "connection pool", weight: 0.5 },
    ],
    systems: [
      { name: "Envoy rate limit service", aliases: ["Envoy ratelimit", "ratelimit service"], weight: 1 },
      { name: "Doorman", aliases: [], weight: 1 },
      { name: "Bucket4j", aliases: [], weight: 1 },
      { name: "Guava RateLimiter", aliases: [], weight: 0.9 },
      { name: "Netflix concurrency-limits", aliases: ["concurrency-limits"], weight: 1 },
      { name: "Alibaba Sentinel", aliases: [], weight: 0.9 },
      { name: "Resilience4j", aliases: [], weight: 0.5 },
      {
        name: "Redis",
        aliases: [],
        weight: 0.3,
        sharedBecause:
          "Redis is mostly used as key-scoped state (I16) but also as a budget store for rate limiting (I08) and as a cache in front of an origin (I07)",
      },
    ],
  },
  entities: [
    {
      unlessTopic: ["job-slots", "waiting-room"],
      name: "Budget",
      description:
        "For one scope key: tokens left and last refill time (token bucket), or the count in the current and previous window, held on the shard that owns the scope.",
      truth: true,
    },
    {
      unlessTopic: ["job-slots", "waiting-room"],
      name: "LimitPolicy",
      description:
        "The rate, burst, window, concurrency cap and cost per operation for a scope pattern, plus its fail-open or fail-closed stance; versioned.",
      truth: true,
    },
    {
      unlessTopic: ["job-slots", "waiting-room"],
      name: "ConcurrencySlot",
      topic: "in-flight",
      description:
        "One admitted in-flight request for a scope, with its holder and an expiry so a crashed holder cannot keep it forever.",
      truth: false,
    },
    {
      unlessTopic: ["job-slots", "waiting-room"],
      name: "LocalAllowance",
      description:
        "A slice of a scope's budget that one enforcing node has leased and may spend without asking the store, returned or expired at the end of its interval.",
      truth: false,
    },
    ...SLOT_ENTITIES,
    ...ROOM_ENTITIES,
  ],
  writePaths: [
    {
      unlessTopic: ["job-slots", "waiting-room"],
      action: "admit a request by refilling and taking tokens in one atomic step",
      entity: "Budget",
      shape: "state transition",
      mechanism: "token-bucket",
      critical: true,
    },
    {
      unlessTopic: ["job-slots", "waiting-room"],
      action: "count the request in the current window and reject above the limit",
      entity: "Budget",
      shape: "state transition",
      mechanism: "atomic-counter",
      critical: true,
    },
    {
      unlessTopic: ["job-slots", "waiting-room"],
      action: "acquire a concurrency slot below the cap",
      topic: "in-flight",
      entity: "ConcurrencySlot",
      shape: "create target",
      mechanism: "concurrency-slots",
      critical: true,
    },
    {
      unlessTopic: ["job-slots", "waiting-room"],
      action: "release the slot when the request finishes",
      topic: "in-flight",
      entity: "ConcurrencySlot",
      shape: "state transition",
      mechanism: "concurrency-slots",
      critical: true,
    },
    {
      unlessTopic: ["job-slots", "waiting-room"],
      action: "reclaim slots whose holder crashed or timed out",
      topic: "in-flight",
      entity: "ConcurrencySlot",
      shape: "async process",
      mechanism: "expiry-sweeper",
      hidden: true,
    },
    {
      unlessTopic: ["job-slots", "waiting-room"],
      action:
        "lease a local allowance of tokens from the global budget, spent between syncs when allowances enforce the limit, or only while the budget store is unreachable when it is checked on every request",
      entity: "LocalAllowance",
      shape: "state transition",
      mechanism: "range-lease",
      hidden: true,
    },
    {
      unlessTopic: ["job-slots", "waiting-room"],
      action: "change a limit policy with a version check",
      entity: "LimitPolicy",
      shape: "overwrite current value",
      mechanism: "versioned-overwrite",
    },
    {
      unlessTopic: ["job-slots", "waiting-room"],
      action: "push the new policy version to every enforcing node",
      entity: "LimitPolicy",
      shape: "async process",
      mechanism: "versioned-snapshot",
      hidden: true,
    },
    ...SLOT_WRITES,
    ...ROOM_WRITES,
  ],
  readPaths: [
    {
      unlessTopic: ["job-slots", "waiting-room"],
      action: "check the remaining budget while admitting",
      entity: "Budget",
      shape: "read source",
      staleness: "none on the owning shard; a node spending a local allowance may run ahead by its unreported spend",
      // the check is the spend: one atomic step on the shard that owns the scope, never a replica's copy
      tolerates: "none",
    },
    {
      unlessTopic: ["job-slots", "waiting-room"],
      action: "match the request to its policy on the enforcing node",
      entity: "LimitPolicy",
      shape: "read projection",
      staleness: "the node's last applied policy version, seconds behind the policy store",
    },
    {
      unlessTopic: ["job-slots", "waiting-room"],
      action: "report remaining quota to the caller in response headers or a usage page",
      entity: "Budget",
      shape: "read projection",
      staleness: "approximate; may lag by one sync interval of local allowances",
    },
    ...SLOT_READS,
    ...ROOM_READS,
  ],
  protocols,
  invariants: [
    "A scope's Budget admits at most the policy's limit in any window of the policy's period, counted across every enforcing node (rate × period, plus the burst a token bucket allows), plus at most the outstanding LocalAllowance slack the policy declares.",
    "Checking and spending a Budget is one atomic step on the shard that owns its scope; two concurrent requests never both take its last unit.",
    "The number of live ConcurrencySlots for a scope never exceeds its cap, and every slot ends by release or by expiry, so the count cannot leak upward.",
    "A rejected request is turned away before any downstream work starts and is told when to retry.",
    "Every enforcing node applies one whole LimitPolicy version, and its behaviour when the budget store is unreachable is the policy's declared stance, never an accident.",
    ...SLOT_INVARIANTS,
    ...ROOM_INVARIANTS,
  ],
  invariantRates: [
    {
      statement:
        "A scope's Budget admits at most the policy's limit in any window of the policy's period, counted across every enforcing node (rate × period, plus the burst a token bucket allows), plus at most the outstanding LocalAllowance slack the policy declares.",
      stated:
        "Each {scope}'s Budget admits at most {rate} in any window of that length, counted across {nodes}, plus at most the outstanding LocalAllowance slack the policy declares.",
    },
  ],
  invariantTopics: [
    {
      statement:
        "The number of live ConcurrencySlots for a scope never exceeds its cap, and every slot ends by release or by expiry, so the count cannot leak upward.",
      topic: "in-flight",
    },
    // a request limiter's own rules are not a job semaphore's (its slots are leased rows under a hard cap)
    ...[
      "A scope's Budget admits at most the policy's limit in any window of the policy's period, counted across every enforcing node (rate × period, plus the burst a token bucket allows), plus at most the outstanding LocalAllowance slack the policy declares.",
      "Checking and spending a Budget is one atomic step on the shard that owns its scope; two concurrent requests never both take its last unit.",
      "A rejected request is turned away before any downstream work starts and is told when to retry.",
      "Every enforcing node applies one whole LimitPolicy version, and its behaviour when the budget store is unreachable is the policy's declared stance, never an accident.",
    ].map((statement) => ({ statement, unlessTopic: ["job-slots", "waiting-room"] as const })),
    ...SLOT_INVARIANTS.map((statement) => ({
      statement,
      topic: "job-slots" as const,
      ...keptBy(statement, SLOT_KEPT_BY),
    })),
    ...ROOM_INVARIANTS.map((statement) => ({
      statement,
      topic: "waiting-room" as const,
      ...keptBy(statement, ROOM_KEPT_BY),
    })),
  ],
  contract: {
    api: [
      "admit(scope, cost) -> allowed with remaining | rejected with retry-after",
      "acquire(scope) -> slot id | rejected; release(slot id) -> ok",
      "set_limit(scope pattern, rate, burst, cap, stance) -> policy version",
      "usage(scope) -> consumed and remaining for the current period",
    ],
    guarantees: [
      "a decision in bounded added latency on the request path, typically sub-millisecond locally or one store round trip",
      "admitted load per scope stays within the policy up to the declared approximation",
      "explicit fail-open or fail-closed behaviour per policy when the budget store is unreachable",
    ],
  },
  predicates: [
    {
      id: "exclusivity-matters",
      because: "the last token or the last free slot must go to exactly one request",
      unlessTopic: "waiting-room",
    },
    {
      id: "stale-write-dangerous",
      because: "a read-then-write of a counter from two enforcing nodes loses increments and admits too much",
    },
    {
      id: "time-bounded-hold",
      because: "concurrency slots, local allowances and windows all expire",
      unlessTopic: "waiting-room",
    },
    {
      id: "time-bounded-hold",
      because: "an admission token expires, and a place whose visitor stopped polling lapses",
      topic: "waiting-room",
    },
    { id: "derived-read", because: "policies are evaluated from local copies pushed to every enforcing node" },
  ],
  failures: [
    {
      unlessTopic: ["job-slots", "waiting-room"],
      failure: "the budget store is unreachable and no decision can be made",
      role: "coordination",
      prevention: "local allowances plus a declared fail-open or fail-closed stance per policy",
      repair: "resume store checks when it returns; counters reconverge within one window",
    },
    {
      unlessTopic: ["job-slots", "waiting-room"],
      failure: "two nodes both spend the last token because the counter was read, then written",
      role: "coordination",
      prevention: "atomic refill-and-decrement on the shard that owns the scope, as one script or conditional update",
      repair: "accept the bounded overshoot for that window and fix the non-atomic path",
    },
    {
      unlessTopic: ["job-slots", "waiting-room"],
      failure: "a crashed caller never releases its concurrency slot and the scope slowly locks itself out",
      topic: "in-flight",
      role: "coordination",
      prevention: "every slot carries an expiry a little longer than the request timeout",
      repair: "the sweeper reclaims expired slots",
    },
    {
      unlessTopic: ["job-slots", "waiting-room"],
      failure: "a bad policy (a limit of zero, a wrong scope pattern) is pushed and rejects legitimate traffic",
      role: "coordination",
      prevention: "validate policies, run them in log-only shadow mode first and roll them out in stages",
      repair: "roll back to the previous policy version, which nodes keep locally",
    },
    {
      unlessTopic: ["job-slots", "waiting-room"],
      failure: "rejected clients retry immediately and the retries become the overload",
      role: "coordination",
      prevention: "retry-after hints, client backoff with jitter, and rejecting as early and cheaply as possible",
      repair: "shed by priority at the outermost layer until the retry wave drains",
    },
    {
      unlessTopic: ["job-slots", "waiting-room"],
      failure: "a budget store failover loses counters and a burst above the limit gets through",
      role: "coordination",
      prevention: "treat limits as approximate where a reset is tolerable, or replicate counters where it is not",
      repair: "the next window starts clean; tighten burst while the replica warms",
    },
    {
      unlessTopic: ["job-slots", "waiting-room"],
      failure: "clock skew between enforcing nodes stretches or shrinks windows",
      role: "coordination",
      prevention: "compute refill and window boundaries on the budget store's clock",
      repair: "windows self-correct at the next refill",
    },
    {
      unlessTopic: ["job-slots", "waiting-room"],
      failure: "A fixed-window counter admits twice the limit in a short span straddling the window boundary",
      role: "coordination",
      prevention: "Use a sliding-window counter, a token bucket or GCRA where a burst across the boundary matters",
      repair: "Switch the policy's algorithm; no stored state needs repair because windows roll over on their own",
    },
    {
      unlessTopic: ["job-slots", "waiting-room"],
      failure: "Each of N enforcing nodes applies the full global limit locally, so the fleet admits N times the limit",
      role: "coordination",
      prevention:
        "Give each node a share of the global limit (limit divided by live nodes, or leased allowances from the central budget) and recompute shares as membership changes",
      repair: "Shrink shares on the next membership update; the overshoot lasts at most one allowance period",
    },
    ...SLOT_FAILURES,
    ...ROOM_FAILURES,
  ],
  bottlenecks: [
    {
      unlessTopic: ["job-slots", "waiting-room"],
      bottleneck: "one round trip to the budget store per request",
      mitigation:
        "shard the budget store by scope key so each node serves its share at the planned utilisation, and keep each check one atomic script call; spend local allowances synced once per interval only where the store cannot keep up",
      formula: {
        yields: "budget store operations per second without allowances",
        expression: "requests_per_sec",
        unit: "ops/s",
      },
    },
    {
      unlessTopic: ["job-slots", "waiting-room"],
      bottleneck: "sync traffic once every node holds an allowance for every active scope",
      mitigation: "sync only scopes active on that node and lengthen the interval for scopes far below their limit",
      formula: {
        yields: "allowance syncs per second",
        expression: "nodes * tenants / heartbeat_seconds",
        unit: "syncs/s",
      },
    },
    {
      unlessTopic: ["job-slots", "waiting-room"],
      bottleneck: "a hot scope key for one large tenant on one shard",
      mitigation: "split the scope into sub-budgets on several shards and sum them loosely",
      formula: {
        yields: "average admissions per second per tenant",
        expression: "requests_per_sec / tenants",
        unit: "req/s",
      },
    },
    {
      unlessTopic: ["job-slots", "waiting-room"],
      bottleneck: "memory for a budget entry per limited key",
      mitigation: "expire idle budgets with a TTL and keep entries to a few fields",
      formula: { yields: "budget state bytes for per-user limits", expression: "users * value_bytes", unit: "B" },
    },
    ...SLOT_BOTTLENECKS,
    ...ROOM_BOTTLENECKS,
  ],
  silhouette: {
    storage: "budget/token/concurrency state store",
    coordination: "atomic admission update + policy propagation",
    serving: "evaluator fast path",
  },
  topicSilhouettes: [
    {
      topic: "job-slots",
      storage:
        "a quota row and a leased slot row per running job, sharded by tenant, each shard a consensus group, with a queue per tenant",
      coordination:
        "a slot granted by one conditional transaction under the quota on the tenant's shard, renewed by the worker's heartbeat, ended by release or by reclaim after its lease lapses",
      serving: "a dispatcher round-robin over tenants with a free slot; workers stop a job they cannot renew",
    },
    {
      topic: "waiting-room",
      storage:
        "one position counter and a served-up-to watermark per room, and a ticket per visitor keyed by room and visitor, in memory with a replica",
      coordination:
        "positions stamped by one atomic increment per room, the watermark raised only upward at the backend's rate by one controller, tokens issued only at or below it",
      serving:
        "a static waiting page and position polls answered at the edge from a signed ticket cookie and a cached watermark; a signed, expiring admission token checked at the edge on every request",
    },
  ],
  technologies: [
    {
      unlessTopic: ["job-slots", "waiting-room"],
      product: "Redis with atomic scripts",
      layer: "storage",
      fits: "token buckets and window counters updated atomically per key, with TTLs on idle budgets",
      suits: ["low-latency", "high-throughput", "operational-simplicity"],
      poorFor: ["durable", "multi-region"],
      caveat: "a failover can reset counters, and a global limit across regions needs a second tier",
    },
    {
      unlessTopic: ["job-slots", "waiting-room"],
      product: "In-process limiter with local allowances (Bucket4j, Guava, concurrency-limits)",
      layer: "serving",
      fits: "no network hop per decision; adaptive limiters tune concurrency from observed latency",
      suits: ["low-latency", "stay-available"],
      poorFor: ["linearizable"],
      caveat: "a global limit becomes limit divided by live nodes, which drifts as the fleet scales",
    },
    {
      unlessTopic: ["job-slots", "waiting-room"],
      product: "Envoy global rate limit service",
      layer: "coordination",
      fits: "central decision service called by every proxy, backed by a shared counter store",
      suits: ["operational-simplicity", "stay-available"],
      poorFor: ["low-latency"],
      caveat: "adds a hop per request unless combined with local token buckets in each proxy",
    },
    {
      unlessTopic: ["job-slots", "waiting-room"],
      product: "Managed gateway throttling (AWS API Gateway usage plans, Cloudflare rate limiting)",
      layer: "serving",
      fits: "per-key quotas and burst limits enforced at the edge with no store to run",
      suits: ["operational-simplicity", "elastic-scale"],
      poorFor: ["linearizable", "low-cost"],
      caveat: "limits are approximate and coarse; exact metering for billing needs its own record",
    },
    ...SLOT_TECHNOLOGIES,
    ...ROOM_TECHNOLOGIES,
  ],
  connections: [
    {
      to: "I17",
      role: "substrate",
      why: "the limiter runs inside the gateway or proxy that already mediates every request",
    },
    {
      to: "I11",
      role: "substrate",
      why: "limit policies reach every enforcing node as versioned snapshots from a control plane",
    },
    { to: "I16", role: "substrate", why: "budgets are key-scoped counters with TTLs in a fast key-value store" },
    {
      to: "I10",
      role: "input",
      why: "splitting a global limit into per-node shares needs the count of live enforcing nodes",
    },
    {
      to: "I02",
      role: "decorator",
      why: "a concurrency slot is a short lease that must expire if its holder disappears",
    },
  ],
  /** The NFR stance a design takes when the prompt is silent, and where ordering, exclusivity and coordination hold. */
  topicScopes: [SLOT_SCOPES, ROOM_SCOPES],
  stance: {
    consistency: "eventual",
    availability: "stay-available",
    delivery: "at-most-once",
    ordering: "none",
    durability: "best-effort",
    because:
      "admission must answer in the request path; a small overshoot of a budget is cheaper than blocking all traffic",
    scopes: {
      ordering: { scope: "none", why: "requests are admitted independently" },
      exclusivity: { scope: "key", why: "each client or tenant key owns its own budget counter" },
      coordination: { scope: "key", why: "budget updates are atomic per key on the shard that owns it" },
    },
  },
} satisfies ArchetypeInput;
