import type { ProtocolSpec, Topology } from "../../topology.js";
import { ADX_API, ADX_COMPONENTS, ADX_DATA, ADX_LINKS, ADX_PROTOCOLS } from "./adx.js";

/** The generic proxy plane, which an ad exchange (adx.ts) draws none of: its own auction servers replace it. */
const A = "ad-exchange" as const;

/** Traffic steering: a stateless proxy fleet with local route snapshots, a route control plane, health checking, backends. */
export const protocols: ProtocolSpec[] = [
  ...ADX_PROTOCOLS,
  {
    unlessTopic: A,
    name: "Proxy a request",
    notation:
      "clients>proxies[request] -> proxies[match route {RouteTable.version = local snapshot}] -> proxies>backends[forward to a healthy backend {BackendHealth = healthy and Backend.state = active}] -> backends>proxies[response] -> proxies>clients[response] |-> proxies>backends[retry on another backend {request idempotent and retry budget left}] => done | retry | reject",
  },
  {
    unlessTopic: A,
    name: "Forward a flow",
    notation:
      "clients>proxies[packet of a flow] -> proxies[look up the flow {connection tracked or hash of the 5-tuple}] -> proxies>backends[forward to the flow's backend {BackendHealth = healthy and Backend.state = active}] => done | reject",
  },
  {
    unlessTopic: A,
    name: "Shift traffic weights",
    notation:
      "operators>route-control[set weights] -> route-control>route-store[commit route table {RouteTable.version = previous + 1}] -> route-control>proxies[push snapshot] -> proxies>route-control[ack applied version] -> health-checker>route-control[new version error rate] |-> route-control>proxies[restore previous weights {error rate above threshold}] => done | rollback",
  },
  {
    unlessTopic: A,
    name: "Drain a backend",
    notation:
      "operators>route-control[drain backend] -> route-control>route-store[mark the backend draining {Backend.state = active}] -> route-control>proxies[mark draining] -> proxies>backends[no new requests, finish in-flight {in_flight = 0 or deadline passed}] -> route-control>route-store[remove backend] => done | expire",
  },
];

export const topology: Topology = {
  components: [
    ...ADX_COMPONENTS,
    {
      unlessTopic: A,
      id: "clients",
      name: "Clients",
      kind: "client",
      runs: ["request"],
      because: "callers reach one stable address and never see backend churn",
    },
    {
      unlessTopic: A,
      id: "proxies",
      name: "Proxy fleet (stateless, local route snapshot)",
      kind: "gateway",
      runs: ["match route", "pick backend", "retry within budget"],
      because: "every request is steered by a local snapshot, so the data path needs no call to the control plane",
    },
    {
      unlessTopic: A,
      id: "l4-tier",
      name: "L4 tier (ECMP or a connection balancer, one address)",
      kind: "gateway",
      runs: ["spread connections"],
      because: "one address in front of many L7 proxies: each connection is hashed to a proxy and stays on it",
    },
    {
      unlessTopic: A,
      id: "route-store",
      name: "Route store (versioned tables)",
      kind: "replica-group",
      holds: ["RouteTable", "RoutePolicy"],
      runs: ["commit route versions"],
      because: "route tables are versioned truth so a bad change can be rolled back to an exact earlier version",
    },
    {
      unlessTopic: A,
      id: "route-control",
      name: "Route control plane",
      kind: "control-loop",
      runs: ["publish snapshots", "shift weights", "drain"],
      because: "pushes each route version to every proxy and tracks which version each applied",
    },
    {
      unlessTopic: A,
      id: "health-checker",
      name: "Health checker",
      kind: "control-loop",
      holds: ["BackendHealth"],
      runs: ["probe backends", "eject and readmit"],
      because: "steering must avoid backends that stopped answering before clients notice",
    },
    {
      unlessTopic: A,
      id: "backends",
      name: "Backend instances",
      kind: "resource",
      holds: ["Backend"],
      runs: ["serve"],
      because: "the servers whose traffic is being steered",
    },
    {
      unlessTopic: A,
      id: "operators",
      name: "Operators and deploy tooling",
      kind: "client",
      runs: ["set weights", "drain"],
      because: "traffic shifts and drains come from deploys and operators",
    },
  ],
  links: [
    ...ADX_LINKS,
    { from: "clients", to: "proxies", kind: "request", label: "request", unlessTopic: A },
    { from: "clients", to: "l4-tier", kind: "request", label: "connect", unlessTopic: A },
    { from: "l4-tier", to: "proxies", kind: "request", label: "spread connections", unlessTopic: A },
    { from: "proxies", to: "backends", kind: "request", label: "forward (weighted, healthy)", unlessTopic: A },
    { from: "operators", to: "route-control", kind: "request", label: "set weights / drain", unlessTopic: A },
    { from: "route-control", to: "route-store", kind: "request", label: "commit route version", unlessTopic: A },
    { from: "route-control", to: "proxies", kind: "control", label: "push route snapshot", unlessTopic: A },
    { from: "health-checker", to: "backends", kind: "control", label: "probe", unlessTopic: A },
    { from: "health-checker", to: "route-control", kind: "control", label: "health, error rates", unlessTopic: A },
  ],
  api: [
    ...ADX_API,
    {
      unlessTopic: A,
      operation: "route",
      call: "any request to the proxy address",
      request: ["host, path and headers", "idempotency of the method"],
      response: ["backend response"],
      errors: ["503 no healthy backend (with Retry-After)", "429 when a limit applies"],
      guarantee: "retries only idempotent requests, within a retry budget",
    },
    {
      unlessTopic: A,
      operation: "forward",
      call: "any TCP or UDP flow to the service's virtual address",
      request: ["the flow's packets (5-tuple)"],
      response: ["the backend's packets, straight back to the client"],
      errors: ["connection reset when no healthy backend is left"],
      guarantee: "every packet of a flow reaches the same backend while that backend stays in the pool",
    },
    {
      unlessTopic: A,
      operation: "set weights",
      call: "PUT /v1/routes/{route}/weights",
      request: ["weights by version", "expected_route_version"],
      response: ["route_version"],
      errors: ["409 route version moved"],
      guarantee: "every proxy converges on the new version; the previous one stays available for rollback",
    },
    {
      unlessTopic: A,
      operation: "drain",
      call: "POST /v1/backends/{backend}:drain",
      request: ["deadline"],
      response: ["draining"],
      errors: ["404 unknown backend"],
      guarantee: "no new requests reach the backend; in-flight ones finish or hit the deadline",
    },
  ],
  dataModel: [
    ...ADX_DATA,
    {
      unlessTopic: A,
      entity: "RouteTable",
      key: ["route", "version"],
      fields: ["matchers", "backend pools", "weights"],
      indexes: [],
      owner: "route-store",
    },
    {
      unlessTopic: A,
      entity: "RoutePolicy",
      key: ["route"],
      fields: ["timeouts", "retry budget", "limits"],
      indexes: [],
      owner: "route-store",
    },
    {
      unlessTopic: A,
      entity: "Backend",
      key: ["backend_id"],
      fields: ["address", "pool", "state (active | draining)", "weight"],
      indexes: ["pool"],
      owner: "route-store",
    },
  ],
  entry: "proxies",
  stateOwner: "route-store",
  upstream: "backends",
  protocols,
  topicHooks: {
    "ad-exchange": {
      entry: "auction-servers",
      stateOwner: "billing-ledger",
      upstream: "bidders",
      unit: { entity: "Auction", words: ["auction", "bid request"] },
    },
  },
};
