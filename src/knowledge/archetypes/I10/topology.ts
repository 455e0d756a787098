import type { ProtocolSpec, Topology } from "../../topology.js";

/** Membership registry: members register and heartbeat into a replicated registry; consumers look up and watch. */
export const protocols: ProtocolSpec[] = [
  {
    name: "Register, heartbeat, expire",
    notation:
      "members>registry-leader[register with a new incarnation {Registration.incarnation < new incarnation}] -> registry-leader>registry-followers[replicate registration] -> registry-followers>registry-leader[majority ack] -> registry-leader>members[registered with lease ttl] -> members>registry-leader[heartbeat {LivenessLease.expires_at > now}] |-> expiry-sweeper>registry-leader[expire member {LivenessLease.expires_at < now and incarnation unchanged}] => done | expire",
  },
  {
    // gossip chosen (i10-detection): the members detect failures among themselves (SWIM: direct probe, indirect
    // probes through k peers, a suspect state the member can refute), and only a confirmed failure reaches the
    // registry, which keeps the registrations; Consul pairs Serf gossip for liveness with Raft servers for its catalog
    name: "Register, probe, report failure",
    notation:
      "members>registry-leader[register with a new incarnation {Registration.incarnation < new incarnation}] -> registry-leader>registry-followers[replicate registration] -> registry-followers>registry-leader[majority ack] -> registry-leader>members[registered] -> members>gossip-detector[probe a random peer, then ask k peers to probe it indirectly] |-> gossip-detector>registry-leader[report the member failed {suspicion not refuted within the suspicion timeout}] => done | expire",
  },
  {
    name: "Lookup and watch with fallback",
    notation:
      "watchers>registry-followers[lookup and watch service {MembershipView.revision >= last revision seen}] -> registry-followers>watchers[live instances and revision] -> watchers>members[call chosen instance] |-> watchers>members[call next instance {call failed or instance gone}] => done | retry | redirect",
  },
];

export const topology: Topology = {
  components: [
    {
      id: "members",
      name: "Members (service instances, each with an agent)",
      kind: "client",
      holds: ["LivenessLease"],
      runs: ["register", "heartbeat"],
      because: "a member proves it is alive only by renewing; silence is how the registry learns of a crash",
    },
    {
      id: "registry-leader",
      name: "Registry leader (3-5 node consensus group)",
      kind: "replica-group",
      holds: ["Registration", "LivenessLease"],
      runs: ["register", "renew", "expire"],
      because: "registrations and incarnations are decided in one order so a restarted member supersedes its old entry",
    },
    {
      id: "registry-followers",
      name: "Registry followers (serve lookups and watches)",
      kind: "replica-group",
      replicaOf: "registry-leader",
      holds: ["Registration", "MembershipEvent"],
      runs: ["lookup", "watch"],
      because: "lookups and watch streams are read-heavy and spread over followers",
    },
    {
      id: "expiry-sweeper",
      name: "Liveness expiry loop",
      kind: "control-loop",
      runs: ["expire members whose lease lapsed"],
      because: "a crashed member never deregisters; its lease lapses and a guarded delete removes it",
    },
    {
      id: "gossip-detector",
      name: "Gossip failure detection (SWIM probes among the members)",
      kind: "service",
      runs: ["probe peers", "spread suspicions", "report confirmed failures"],
      because:
        "each member probes a few random peers and gossips suspicions, so liveness costs every member the same whatever the fleet size; only a failure nobody refutes reaches the registry",
    },
    {
      id: "watchers",
      name: "Consumers with a cached view",
      kind: "client",
      holds: ["MembershipView"],
      runs: ["lookup", "watch", "call with fallback"],
      because: "callers keep a local view updated by watch events and treat it as a hint",
    },
  ],
  links: [
    { from: "members", to: "registry-leader", kind: "request", label: "register / heartbeat" },
    { from: "members", to: "registry-leader", kind: "request", label: "register" },
    { from: "members", to: "gossip-detector", kind: "request", label: "probe peers, gossip suspicions" },
    { from: "gossip-detector", to: "registry-leader", kind: "control", label: "report confirmed failures" },
    { from: "registry-leader", to: "registry-followers", kind: "replication", label: "replicate, majority ack" },
    { from: "expiry-sweeper", to: "registry-leader", kind: "control", label: "expire lapsed members" },
    { from: "registry-followers", to: "watchers", kind: "stream", label: "lookup / watch events" },
    { from: "watchers", to: "members", kind: "request", label: "call chosen instance" },
  ],
  api: [
    {
      operation: "register",
      call: "PUT /v1/services/{service}/instances/{instance_id}",
      request: ["address", "metadata", "ttl", "incarnation"],
      response: ["incarnation", "lease_expires_at"],
      errors: ["409 older incarnation"],
      guarantee: "the newest incarnation of an instance wins",
    },
    {
      operation: "heartbeat",
      call: "POST /v1/instances/{instance_id}:heartbeat",
      request: ["incarnation"],
      response: ["lease_expires_at"],
      errors: ["404 unknown (register again)"],
      guarantee: "a member that stops heartbeating leaves the view within its ttl",
    },
    {
      operation: "lookup",
      call: "GET /v1/services/{service}/instances?watch_from=",
      request: ["service", "filters", "from_revision"],
      response: ["live instances", "revision"],
      errors: ["410 revision compacted"],
      guarantee: "eventually consistent view, revision-ordered events",
    },
  ],
  dataModel: [
    {
      entity: "Registration",
      key: ["service", "instance_id"],
      fields: ["address", "metadata", "incarnation", "revision"],
      indexes: ["service"],
      partitionKey: "service",
      owner: "registry-leader",
    },
    {
      entity: "LivenessLease",
      key: ["instance_id"],
      fields: ["incarnation", "expires_at"],
      indexes: ["expires_at"],
      owner: "registry-leader",
    },
  ],
  entry: "registry-leader",
  stateOwner: "registry-leader",
  outlet: "registry-followers",
  protocols,
};
