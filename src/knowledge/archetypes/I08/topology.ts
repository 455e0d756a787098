import type { ProtocolSpec, Topology } from "../../topology.js";
import { SLOT_API, SLOT_COMPONENTS, SLOT_DATA, SLOT_LINKS, SLOT_PROTOCOLS } from "./slots.js";
import { ROOM_API, ROOM_COMPONENTS, ROOM_DATA, ROOM_LINKS, ROOM_PROTOCOLS } from "./waiting-room.js";

/** Admission control: a limiter in the request path, an atomic counter store, a policy plane, the protected backend. */
export const protocols: ProtocolSpec[] = [
  {
    unlessTopic: ["job-slots", "waiting-room"],
    name: "Token bucket admission",
    notation:
      "clients>limiter[request with caller identity] -> limiter[match policy {LimitPolicy.version = local snapshot}] -> limiter>counter-store[refill and take atomically {Budget.tokens + refill >= cost}] -> counter-store>limiter[allowed, remaining] -> limiter>backend[forward request] -> backend>limiter[response] -> limiter>clients[response with remaining quota] |-> limiter>clients[429 with Retry-After {Budget.tokens + refill < cost}] => done | reject",
  },
  {
    unlessTopic: ["job-slots", "waiting-room"],
    name: "Sliding window admission",
    notation:
      "clients>limiter[request with caller identity] -> limiter[match policy {LimitPolicy.version = local snapshot}] -> limiter>counter-store[count the request in the current window and read the previous one atomically {previous count x overlap + current count < limit}] -> counter-store>limiter[allowed, remaining] -> limiter>backend[forward request] -> backend>limiter[response] -> limiter>clients[response with remaining quota] |-> limiter>clients[429 with Retry-After {weighted window count >= limit}] => done | reject",
  },
  {
    unlessTopic: ["job-slots", "waiting-room"],
    name: "Concurrency slot",
    topic: "in-flight",
    notation:
      "clients>limiter[request] -> limiter>counter-store[acquire slot {count of ConcurrencySlot < cap}] -> counter-store>limiter[slot id] -> limiter>backend[forward request] -> backend>limiter[response] -> limiter>counter-store[release slot] -> limiter>clients[response] |-> limiter>clients[reject, no free slot {count of ConcurrencySlot >= cap}] => done | reject | reclaim",
  },
  {
    unlessTopic: ["job-slots", "waiting-room"],
    name: "Local allowance",
    notation:
      "limiter>counter-store[lease an allowance chunk {Budget.tokens >= chunk}] -> counter-store>limiter[chunk granted] -> limiter[admit locally {LocalAllowance.remaining > 0}] -> limiter>counter-store[report spend and renew] |-> limiter[apply the declared fail-open or fail-closed stance {counter store unreachable}] => done | reject | expire",
  },
  ...SLOT_PROTOCOLS,
  ...ROOM_PROTOCOLS,
];

export const topology: Topology = {
  components: [
    {
      unlessTopic: ["job-slots", "waiting-room"],
      id: "clients",
      name: "Callers",
      kind: "client",
      runs: ["request"],
      because: "each request is charged against the caller's budget",
    },
    {
      unlessTopic: ["job-slots", "waiting-room"],
      id: "limiter",
      name: "Limiter (gateway or sidecar)",
      kind: "gateway",
      holds: ["LocalAllowance"],
      runs: ["match policy", "admit or reject"],
      because: "admission must be decided in the request path before the backend spends any work",
    },
    {
      unlessTopic: ["job-slots", "waiting-room"],
      id: "counter-store",
      name: "Counter store (sharded in-memory KV)",
      kind: "store",
      holds: ["Budget", "ConcurrencySlot"],
      runs: ["atomic refill-and-take", "slot acquire and release"],
      because: "a shared budget across limiter instances needs one atomic read-modify-write per scope",
    },
    {
      unlessTopic: ["job-slots", "waiting-room"],
      id: "policy-control",
      name: "Policy control plane",
      kind: "control-loop",
      holds: ["LimitPolicy"],
      runs: ["publish limits to limiters"],
      because: "limits change without redeploying limiters, and every limiter must converge on the same version",
    },
    {
      unlessTopic: ["job-slots", "waiting-room"],
      id: "backend",
      name: "Protected backend",
      kind: "resource",
      runs: ["serve admitted requests"],
      because: "the capacity being protected; it only sees admitted traffic",
    },
    ...SLOT_COMPONENTS,
    ...ROOM_COMPONENTS,
  ],
  links: [
    { unlessTopic: ["job-slots", "waiting-room"], from: "clients", to: "limiter", kind: "request", label: "request" },
    {
      unlessTopic: ["job-slots", "waiting-room"],
      from: "limiter",
      to: "counter-store",
      kind: "request",
      label: "take tokens / acquire slot",
    },
    {
      unlessTopic: ["job-slots", "waiting-room"],
      from: "limiter",
      to: "backend",
      kind: "request",
      label: "admitted requests",
    },
    {
      unlessTopic: ["job-slots", "waiting-room"],
      from: "policy-control",
      to: "limiter",
      kind: "control",
      label: "policy snapshot",
    },
    ...SLOT_LINKS,
    ...ROOM_LINKS,
  ],
  api: [
    {
      unlessTopic: ["job-slots", "waiting-room"],
      operation: "admit",
      call: "any request through the limiter (response headers RateLimit-Remaining, Retry-After)",
      request: ["caller key (API key, user or IP)", "cost"],
      response: ["allowed", "remaining", "reset"],
      errors: ["429 Too Many Requests with Retry-After"],
      guarantee:
        "a scope never gets more than rate x window + burst admitted, within the sync bound of local allowances",
    },
    {
      unlessTopic: ["job-slots", "waiting-room"],
      operation: "set limit",
      call: "PUT /v1/limits/{scope}",
      request: ["rate", "burst", "cap", "stance (fail open | closed)", "expected_version"],
      response: ["policy_version"],
      errors: ["409 version conflict"],
      guarantee: "every limiter converges on the new version",
    },
    {
      unlessTopic: ["job-slots", "waiting-room"],
      operation: "usage",
      call: "GET /v1/limits/{scope}/usage",
      request: ["scope"],
      response: ["consumed", "remaining", "window_end"],
      errors: ["404 unknown scope"],
      guarantee: "read from the counter store, seconds fresh",
    },
    ...SLOT_API,
    ...ROOM_API,
  ],
  dataModel: [
    {
      unlessTopic: ["job-slots", "waiting-room"],
      entity: "Budget",
      key: ["scope_key"],
      fields: ["tokens", "last_refill_at"],
      indexes: [],
      partitionKey: "scope_key",
      owner: "counter-store",
    },
    {
      unlessTopic: ["job-slots", "waiting-room"],
      entity: "LimitPolicy",
      key: ["scope_pattern"],
      fields: ["rate", "burst", "cap", "stance", "version"],
      indexes: [],
      owner: "policy-control",
    },
    {
      unlessTopic: ["job-slots", "waiting-room"],
      entity: "ConcurrencySlot",
      topic: "in-flight",
      key: ["scope_key", "slot_id"],
      fields: ["expires_at"],
      indexes: ["expires_at"],
      partitionKey: "scope_key",
      owner: "counter-store",
    },
    ...SLOT_DATA,
    ...ROOM_DATA,
  ],
  entry: "limiter",
  stateOwner: "counter-store",
  upstream: "backend",
  protocols,
  hostedBy: { I17: "limiter", I11: "policy-control" },
  topicHooks: {
    "job-slots": {
      entry: "job-api",
      stateOwner: "slot-authority",
      upstream: "workers",
      unit: { entity: "QueuedJob", words: ["job"] },
    },
    "waiting-room": {
      entry: "edge",
      stateOwner: "queue-store",
      upstream: "backend",
      unit: { entity: "QueueTicket", words: ["visitor"] },
    },
  },
};
