import type { ArchetypeInput } from "../schema.js";

export const I17 = {
  id: "I17",
  name: "Traffic Steering / Request Mediation Plane",
  summary:
    "A data plane of proxies that sits in the request path and decides where each request goes: load balancers, API gateways, reverse proxies, service meshes. Its state is the route table, backend health and policy, pushed from a control plane and held locally by every proxy. The core concern is sending each request to a healthy, correct backend fast, shifting traffic safely (blue/green, canary) and failing over without black-holing requests. Envoy, NGINX, HAProxy, AWS ALB and Kong are typical.",
  roles: ["derived", "coordination"],
  signals: {
    phrases: [
      { text: "load balancer", weight: 1 },
      { text: "load balancing", weight: 0.95 },
      { text: "api gateway", weight: 1 },
      { text: "reverse proxy", weight: 1 },
      { text: "service mesh", weight: 0.95 },
      { text: "sidecar proxy", weight: 0.9 },
      { text: "traffic shifting", weight: 0.85 },
      { text: "blue green", weight: 0.8 },
      { text: "canary traffic", weight: 0.7 },
      { text: "weighted routing", weight: 0.8 },
      { text: "route request", weight: 0.7 },
      { text: "request routing", weight: 0.8 },
      { text: "health check", weight: 0.5 },
      { text: "backend selection", weight: 0.8 },
      { text: "failover traffic", weight: 0.6 },
      { text: "l4", weight: 0.6 },
      { text: "l7", weight: 0.6 },
      { text: "ingress", weight: 0.6 },
      { text: "proxy", weight: 0.55 },
      { text: "round robin", weight: 0.7 },
      { text: "least connections", weight: 0.8 },
      { text: "sticky session", weight: 0.6 },
      { text: "tls termination", weight: 0.7 },
      { text: "dns based load balancing", weight: 0.8 },
      { text: "global traffic manager", weight: 0.8 },
      { text: "circuit breaker", weight: 0.4 },
    ],
    systems: [
      { name: "Envoy", aliases: ["Envoy Proxy"], weight: 1 },
      { name: "NGINX", aliases: ["nginx"], weight: 0.9 },
      { name: "HAProxy", aliases: [], weight: 1 },
      { name: "Elastic Load Balancer", aliases: ["ELB", "ALB", "NLB", "AWS ALB"], weight: 1 },
      { name: "Kong", aliases: ["Kong Gateway"], weight: 1 },
      { name: "Istio", aliases: [], weight: 0.9 },
      { name: "Traefik", aliases: [], weight: 1 },
      { name: "Linkerd", aliases: [], weight: 0.9 },
      { name: "Maglev", aliases: [], weight: 1 },
    ],
  },
  entities: [
    {
      name: "RouteTable",
      description:
        "Versioned routes and weights from request attributes to backend clusters, as pushed by the control plane.",
      truth: true,
    },
    {
      name: "BackendHealth",
      description: "Per-backend health from active probes and passive outlier detection.",
      truth: false,
    },
    { name: "Backend", description: "An upstream instance with address, zone, weight and current load.", truth: false },
    { name: "Policy", description: "Auth, retry, timeout and rate policies attached to routes.", truth: true },
  ],
  writePaths: [
    {
      action: "publish route table",
      entity: "RouteTable",
      shape: "overwrite current value",
      mechanism: "versioned-snapshot",
      critical: true,
    },
    {
      action: "shift traffic weight",
      entity: "RouteTable",
      shape: "state transition",
      mechanism: "staged-rollout",
      critical: true,
    },
    {
      action: "probe backend health",
      entity: "BackendHealth",
      shape: "overwrite current value",
      mechanism: "heartbeat-renewal",
      hidden: true,
    },
    {
      action: "eject unhealthy backend",
      entity: "BackendHealth",
      shape: "state transition",
      mechanism: "outlier-ejection",
      hidden: true,
    },
  ],
  readPaths: [
    {
      action: "route request",
      entity: "RouteTable",
      shape: "read projection",
      staleness: "the proxy's local snapshot; seconds behind the control plane",
    },
    {
      action: "pick healthy backend",
      entity: "BackendHealth",
      shape: "read projection",
      staleness: "one probe interval",
    },
  ],
  protocols: [
    {
      name: "proxy a request",
      notation:
        "client[request] -> proxy[match route {RouteTable.version = local snapshot}] -> proxy[pick backend {BackendHealth = healthy}] -> backend[serve] |-> proxy[retry other backend {error and retry budget left}] => done | retry | reject",
    },
    {
      name: "shift traffic",
      notation:
        "operator[set weights] -> control[publish {RouteTable.version + 1}] -> proxy[apply snapshot] |-> control[roll back {error rate above threshold}] => done | rollback",
    },
  ],
  invariants: [
    "Every proxy routes with one complete RouteTable version, never a mix of two.",
    "No request is sent to a backend marked unhealthy while a healthy one exists for that route.",
    "Retries stay within a budget so that a failing backend is not amplified into an outage.",
    "Traffic weights for a route always sum to the whole, during and after a shift.",
  ],
  contract: {
    api: [
      "route(request) -> backend response | 503 with retry hint",
      "set_weights(route, {version: weight}) -> new route table version",
      "health(backend) -> healthy | ejected until T",
    ],
    guarantees: [
      "keeps routing on the last good route table if the control plane is unreachable",
      "bounded added latency per hop",
    ],
  },
  predicates: [
    { id: "derived-read", because: "proxies route from a local copy of the route table" },
    { id: "time-bounded-hold", because: "ejections and health marks expire and are re-probed" },
    { id: "duplicate-retry-matters", because: "proxy retries can send a non-idempotent request twice" },
  ],
  failures: [
    {
      failure: "a bad route table is pushed to every proxy at once",
      role: "coordination",
      prevention: "validate and roll out route changes in stages with health gates",
      repair: "roll back to the previous version number; proxies keep it locally",
    },
    {
      failure: "health checks pass while the backend fails real requests",
      role: "derived",
      prevention: "combine active probes with passive outlier detection on real traffic",
      repair: "eject the outlier and re-probe after a cool-off",
    },
    {
      failure: "retries from every proxy amplify an overload",
      role: "derived",
      prevention: "retry budgets, jittered backoff and circuit breakers",
      repair: "shed load and let breakers close gradually",
    },
    {
      failure: "the control plane is down and proxies cannot get updates",
      role: "coordination",
      prevention: "proxies keep serving the last good snapshot",
      repair: "control plane recovers and pushes the current version",
    },
    {
      failure: "a proxy node dies with connections in flight",
      role: "derived",
      prevention: "several proxies behind anycast or DNS with health checks",
      repair: "clients retry idempotent requests on another proxy",
    },
  ],
  bottlenecks: [
    {
      bottleneck: "per-proxy connection and request capacity",
      mitigation: "scale proxies horizontally behind L4 balancing or anycast; keep connection pools to backends",
      formula: { yields: "requests per proxy per second", expression: "requests_per_sec / nodes", unit: "req/s" },
    },
    {
      bottleneck: "health-check traffic from many proxies to many backends",
      mitigation: "subset backends per proxy and share health through the control plane",
      formula: {
        yields: "health probes per second",
        expression: "nodes * backends / heartbeat_seconds",
        unit: "probes/s",
      },
    },
    {
      bottleneck: "route table size and push frequency across the fleet",
      mitigation: "incremental updates and scoping each proxy to the routes it serves",
      formula: { yields: "config bytes pushed per change", expression: "config_bytes * nodes", unit: "B" },
    },
  ],
  silhouette: {
    storage: "route/health/policy state",
    coordination: "health-aware selection + policy mediation",
    serving: "proxy / steering plane",
  },
  technologies: [
    {
      product: "Envoy",
      layer: "serving",
      fits: "L7 proxy with dynamic configuration (xDS), outlier detection and weighted clusters",
      suits: ["low-latency", "high-throughput", "stay-available"],
      poorFor: ["operational-simplicity"],
      caveat: "needs a control plane to feed it",
    },
    {
      product: "NGINX or HAProxy",
      layer: "serving",
      fits: "mature proxies for L4/L7 balancing and TLS termination",
      suits: ["low-latency", "high-throughput", "operational-simplicity"],
      poorFor: ["elastic-scale"],
      caveat: "config reloads rather than streaming updates",
    },
    {
      product: "AWS ALB / NLB",
      layer: "serving",
      fits: "managed balancing with health checks and weighted target groups",
      suits: ["elastic-scale", "operational-simplicity", "stay-available"],
      poorFor: ["low-cost"],
      caveat: "limited custom logic per request",
    },
    {
      product: "Istio / xDS control plane",
      layer: "coordination",
      fits: "computes and streams route and policy snapshots to every proxy",
      suits: ["eventual", "stay-available"],
      poorFor: ["operational-simplicity"],
      caveat: "adds a complex component of its own",
    },
  ],
  connections: [
    {
      to: "I11",
      role: "substrate",
      why: "routes, weights and policies are distributed to every proxy by a control plane",
      typical: true,
    },
    { to: "I08", role: "decorator", why: "rate limits and admission control run inside the proxy" },
    { to: "I10", role: "input", why: "backend lists come from a service registry" },
    { to: "I07", role: "decorator", why: "gateways and edges often cache responses" },
  ],
} satisfies ArchetypeInput;
