import type { ProtocolSpec, Topology } from "../../topology.js";
import { LASTING_API, LASTING_COMPONENTS, LASTING_DATA, LASTING_LINKS, LASTING_PROTOCOLS } from "./lasting.js";

/** The lock service's elements, none of which a lasting ownership record draws (lasting.ts). */
const LEASED = "lasting-ownership" as const;

/** Lock / lease service: a client library, a quorum-replicated lease table, and a resource that checks fences. */
export const protocols: ProtocolSpec[] = [
  ...LASTING_PROTOCOLS,
  {
    name: "Acquire, fenced write, release",
    unlessTopic: ["election", LEASED],
    notation:
      "client-lib>lock-leader[acquire resource, owner, ttl {Lease.session_id = null or HolderSession.expires_at < now}] -> lock-leader>lock-followers[replicate grant with token + 1] -> lock-followers>lock-leader[majority ack] -> lock-leader>client-lib[granted token and expires_at] -> client-lib>protected-resource[write with fencing token {token >= ProtectedResource.last_fence}] -> protected-resource>client-lib[applied, last_fence raised] -> client-lib>lock-leader[release {Lease.session_id = mine and Lease.token = mine}] |-> protected-resource>client-lib[reject stale token {token < ProtectedResource.last_fence}] => done | reclaim | reject",
  },
  {
    // etcd's v3 election API (Campaign returns a leader key whose creation revision guards later writes; Observe
    // streams each leader's proclamation in order) and ZooKeeper's election recipe (the lowest ephemeral sequential
    // node leads, each candidate watches the one just below it)
    name: "Campaign, fenced write, observe",
    topic: "election",
    notation:
      "client-lib>lock-leader[campaign for the election under the session lease {no candidate key of a lower revision is live}] -> lock-leader>lock-followers[replicate candidate key] -> lock-followers>lock-leader[majority ack] -> lock-leader>client-lib[leader key and its revision] -> client-lib>protected-resource[write with the revision as fencing token {revision >= ProtectedResource.last_fence}] -> protected-resource>client-lib[applied, last_fence raised] -> lock-leader>client-lib[observers told the new leader and revision] |-> protected-resource>client-lib[reject stale revision {revision < ProtectedResource.last_fence}] => done | reject",
  },
  {
    name: "Renewal with self-fencing",
    unlessTopic: "lasting-ownership",
    notation:
      "client-lib>lock-leader[session keep-alive {HolderSession.expires_at > now}] -> lock-leader>client-lib[new expires_at for every bound lease, extended in leader memory without a log entry] -> client-lib[extend local deadline] |-> client-lib[stop all work {local deadline passed or renew refused}] => done | expire",
  },
  {
    name: "Expiry and handoff to the next waiter",
    unlessTopic: "lasting-ownership",
    notation:
      "expiry-sweeper>lock-leader[reclaim leases of an expired session {HolderSession.expires_at < now}] -> lock-leader>lock-followers[replicate release] -> lock-followers>lock-leader[majority ack] -> lock-leader>client-lib[notify next waiter] -> client-lib>lock-leader[acquire {predecessor gone and Lease.session_id = null}] => done | reclaim | retry",
  },
];

export const topology: Topology = {
  components: [
    ...LASTING_COMPONENTS,
    {
      id: "client-lib",
      unlessTopic: LEASED,
      name: "Lock client library (in each worker)",
      kind: "client",
      holds: ["HolderSession"],
      runs: ["acquire", "session keep-alive", "local deadline check"],
      because:
        "the holder must renew before expiry and stop acting on its own monotonic deadline, which only code inside the holder can do",
    },
    {
      id: "lock-leader",
      unlessTopic: LEASED,
      name: "Lock leader (1 of 5-node Raft/Paxos group)",
      kind: "replica-group",
      holds: ["Lease", "Waiter"],
      runs: ["grant", "session keep-alive", "release", "lazy expiry check"],
      because:
        "one leader orders every conditional write on the lease table, so two claimants can never both see the resource free",
    },
    {
      id: "lock-followers",
      unlessTopic: LEASED,
      name: "Lock service followers (4 voters)",
      kind: "replica-group",
      replicaOf: "lock-leader",
      holds: ["Lease"],
      runs: ["store grant", "vote"],
      because:
        "a grant is acknowledged only after a majority stores it, so a leader failover cannot forget an owner; the service fails closed without a majority",
    },
    {
      id: "expiry-sweeper",
      name: "Expiry sweeper (on the leader)",
      kind: "control-loop",
      // a claim held as lasting ownership never expires on silence, so nothing reclaims it
      unlessTopic: "lasting-ownership",
      runs: ["reclaim expired leases"],
      because:
        "a crashed holder never releases, so expired leases are reclaimed by a guarded write that loses to a renewal",
    },
    {
      id: "protected-resource",
      unlessTopic: LEASED,
      name: "Protected resource (checks the fencing token)",
      kind: "resource",
      holds: ["ProtectedResource"],
      runs: ["token check against last_fence"],
      because:
        "a paused holder can wake after its lease expired; only the resource refusing tokens below last_fence stops its write",
    },
  ],
  links: [
    ...LASTING_LINKS,
    {
      from: "client-lib",
      to: "lock-leader",
      kind: "request",
      label: "acquire / keep-alive / release",
      unlessTopic: "election",
    },
    {
      from: "client-lib",
      to: "lock-leader",
      kind: "request",
      label: "campaign / keep-alive / resign / observe",
      topic: "election",
    },
    { from: "lock-leader", to: "lock-followers", kind: "replication", label: "replicate grant, majority ack" },
    { from: "client-lib", to: "protected-resource", kind: "request", label: "write carrying fencing token" },
    {
      from: "expiry-sweeper",
      to: "lock-leader",
      kind: "control",
      label: "reclaim expired leases",
      unlessTopic: "lasting-ownership",
    },
    {
      from: "lock-leader",
      to: "client-lib",
      kind: "callback",
      label: "waiter notified on release",
      unlessTopic: "election",
    },
    {
      from: "lock-leader",
      to: "client-lib",
      kind: "callback",
      label: "observers told each new leader and revision",
      topic: "election",
    },
  ],
  api: [
    ...LASTING_API,
    {
      operation: "campaign",
      call: "POST /v1/elections/{election}:campaign",
      request: ["session_id (its lease)", "candidate_value (endpoint)"],
      response: ["leader_key", "revision (the leader key's create revision, used as the fencing token)"],
      errors: ["blocks while another candidate leads", "410 session lost (expired)", "503 no quorum (fails closed)"],
      guarantee:
        "at most one leader per election; each new leader's revision is higher than every earlier leader's, so writes guarded by it fence out a deposed leader",
      topic: "election",
    },
    {
      operation: "observe",
      call: "GET /v1/elections/{election}:observe (stream)",
      request: ["election"],
      response: ["stream of leader value and revision"],
      errors: ["stream cut on compaction (read the leader again and resume)"],
      guarantee:
        "every change of leader in order, so a service's other instances learn the new leader within the notify time",
      topic: "election",
    },
    {
      operation: "proclaim",
      call: "POST /v1/elections/{election}:proclaim",
      request: ["leader_key", "value"],
      response: ["revision"],
      errors: ["409 not the leader (leadership lost)"],
      guarantee: "only the current leader changes the value it posts (its endpoint); observers see the change in order",
      topic: "election",
    },
    {
      operation: "resign",
      call: "POST /v1/elections/{election}:resign",
      request: ["leader_key"],
      response: ["resigned"],
      errors: ["409 not the leader (no-op)"],
      guarantee: "leadership passes to the next candidate at once instead of after the lease runs out",
      topic: "election",
    },
    {
      operation: "get leader",
      call: "GET /v1/elections/{election}/leader",
      request: ["election"],
      response: ["leader value", "revision"],
      errors: ["404 no leader", "503 no quorum"],
      guarantee: "a linearizable read of the current leader and its revision",
      topic: "election",
    },
    {
      operation: "acquire",
      unlessTopic: ["election", LEASED],
      call: "POST /v1/locks/{resource}:acquire",
      request: ["session_id", "owner_id", "request_id"],
      response: ["fencing_token", "expires_at"],
      errors: ["409 held by another owner (holder, expires_at)", "503 no quorum (fails closed)"],
      guarantee: "at most one unexpired grant per resource; a repeat by the same owner returns its existing grant",
    },
    {
      operation: "keep-alive",
      unlessTopic: "lasting-ownership",
      call: "POST /v1/sessions/{session}:keepalive",
      request: ["session_id"],
      response: ["expires_at"],
      errors: ["410 session lost (expired)", "503 no quorum"],
      guarantee: "extends every lease bound to the session; a lapsed session's leases expire together",
    },
    {
      operation: "release",
      unlessTopic: ["election", LEASED],
      call: "POST /v1/locks/{resource}:release",
      request: ["owner_id", "fencing_token"],
      response: ["released"],
      errors: ["409 not owner (stale token, no-op)"],
      guarantee: "idempotent on (resource, token); a late release cannot free a newer grant",
    },
    {
      operation: "protected write",
      unlessTopic: LEASED,
      call: "PUT /resource/{id} (header Fencing-Token)",
      request: ["fencing_token", "payload"],
      response: ["applied", "last_fence"],
      errors: ["409 stale fencing token"],
      guarantee: "the resource never applies a token lower than one it already accepted",
    },
  ],
  dataModel: [
    ...LASTING_DATA,
    {
      entity: "Lease",
      unlessTopic: LEASED,
      // a lease is the lock's holder record: who holds the lock, under which fencing token, until when
      plays: ["lock", "mutex"],
      key: ["resource_id"],
      fields: ["session_id", "fencing_token", "version"],
      indexes: ["session_id (a lapsed session's leases are reclaimed together)"],
      partitionKey: "resource_id",
      owner: "lock-leader",
    },
    {
      entity: "ProtectedResource",
      unlessTopic: LEASED,
      key: ["resource_id"],
      fields: ["last_fence", "data"],
      indexes: [],
      owner: "protected-resource",
    },
    {
      entity: "HolderSession",
      unlessTopic: "lasting-ownership",
      key: ["session_id"],
      fields: ["owner_id", "expires_at"],
      indexes: ["expires_at"],
      owner: "lock-leader",
    },
    {
      entity: "Waiter",
      unlessTopic: LEASED,
      key: ["resource_id", "sequence"],
      fields: ["owner_id", "enqueued_at"],
      indexes: [],
      partitionKey: "resource_id",
      owner: "lock-leader",
    },
  ],
  entry: "lock-leader",
  stateOwner: "lock-leader",
  topicHooks: { "lasting-ownership": { entry: "ownership-api", stateOwner: "ownership-store" } },
  protocols,
};
