import type { ProtocolSpec, Topology } from "../../topology.js";

/** Coordination / consensus metadata (ZooKeeper, etcd, Chubby): a small replicated log behind a leader. */
export const protocols: ProtocolSpec[] = [
  {
    name: "Committed write through the leader",
    notation:
      "client-lib>consensus-leader[propose put or txn {ElectionTerm.current = leader term}] -> consensus-leader>consensus-followers[append entries {log matches at previous index and term}] -> consensus-followers>consensus-leader[entry stored] -> consensus-leader[commit and apply {majority stored the entry}] -> consensus-leader>client-lib[ok with new revision] |-> consensus-followers>client-lib[not the leader, forward or redirect to it {node is not leader or term changed}] => done | redirect | retry",
  },
  {
    name: "Compare-and-set with watch",
    notation:
      "client-lib>consensus-followers[read key and mod_revision] -> consensus-followers>client-lib[value and revision] -> client-lib>consensus-leader[txn compare mod_revision then put {MetadataKey.mod_revision = revision read}] -> consensus-leader>consensus-followers[replicate entry] -> consensus-followers>consensus-leader[majority ack] -> consensus-leader>client-lib[succeeded at revision] -> consensus-followers>client-lib[watch event {revision > last seen revision}] |-> consensus-leader>client-lib[compare failed, re-read and retry {MetadataKey.mod_revision changed}] => done | retry",
  },
  {
    name: "Session keepalive and expiry",
    notation:
      "client-lib>consensus-leader[keepalive session {ClientSession.expires_at > now}] -> consensus-leader>client-lib[ttl extended] |-> session-expiry>consensus-leader[propose session expiry {no keepalive within ttl}] -> consensus-leader>consensus-followers[replicate delete of ephemeral keys] -> consensus-followers>consensus-leader[majority ack] -> consensus-followers>client-lib[watch event, ephemeral keys gone] => done | expire",
  },
];

export const topology: Topology = {
  components: [
    {
      id: "client-lib",
      name: "Client library (session, watches, redirect)",
      kind: "client",
      holds: ["ClientSession"],
      runs: ["propose", "read", "watch", "keepalive"],
      because:
        "every caller talks to the group through a library that keeps one session alive, re-sends to the new leader and resumes watches from the last revision",
    },
    {
      id: "consensus-leader",
      name: "Consensus leader (1 of a 5-node Raft/ZAB group)",
      kind: "replica-group",
      holds: ["ConsensusLog", "MetadataKey", "ElectionTerm"],
      runs: ["append", "commit", "linearizable read"],
      because:
        "all writes are ordered by one elected leader per term and committed once a majority stores them, so a minority failure loses nothing",
    },
    {
      id: "consensus-followers",
      name: "Followers (4 voters, 2 failures tolerated)",
      kind: "replica-group",
      replicaOf: "consensus-leader",
      holds: ["ConsensusLog", "Snapshot", "Watch"],
      runs: ["store entry", "vote", "serve watches and serializable reads"],
      because:
        "five voters keep a majority of three through two node losses; followers also fan out watches so the leader is not the only read path",
    },
    {
      id: "session-expiry",
      name: "Session expiry loop (on the leader)",
      kind: "control-loop",
      holds: ["ClientSession"],
      runs: ["expire silent sessions through the log"],
      because: "a crashed client's ephemeral keys must vanish, and only a replicated log entry may delete them",
    },
    {
      id: "snapshotter",
      name: "Snapshot and log compaction",
      kind: "control-loop",
      holds: ["Snapshot"],
      runs: ["snapshot state", "truncate log"],
      because: "the log grows without bound unless each node snapshots applied state and drops the prefix",
    },
  ],
  links: [
    { from: "client-lib", to: "consensus-leader", kind: "request", label: "put / txn / linearizable get / keepalive" },
    { from: "consensus-leader", to: "consensus-followers", kind: "replication", label: "append entries, majority ack" },
    { from: "consensus-followers", to: "client-lib", kind: "stream", label: "watch events by revision" },
    { from: "session-expiry", to: "consensus-leader", kind: "control", label: "propose session expiry" },
    { from: "snapshotter", to: "consensus-followers", kind: "control", label: "snapshot, compact log" },
  ],
  api: [
    {
      operation: "put",
      call: "POST /v3/kv/put (etcd's JSON gateway form)",
      request: ["key", "value", "lease (optional)"],
      response: ["header.revision"],
      errors: ["unavailable: no leader or no quorum (retry)"],
      guarantee: "acknowledged only after a majority stored it; linearizable across all keys",
    },
    {
      operation: "get",
      call: "POST /v3/kv/range",
      request: ["key", "range_end (prefix)", "serializable (default false)"],
      response: ["kvs with create_revision, mod_revision, version", "header.revision"],
      errors: ["unavailable: no quorum (linearizable reads only)"],
      guarantee: "linearizable by default (the leader confirms it still leads); serializable reads may be stale",
    },
    {
      operation: "compare-and-set",
      call: "POST /v3/kv/txn",
      request: ["compare[] (key, mod_revision)", "success[]", "failure[]"],
      response: ["succeeded", "header.revision"],
      errors: ["unavailable: no quorum"],
      guarantee: "one branch applies atomically at one revision; a lost race shows as succeeded = false",
    },
    {
      operation: "watch",
      call: "POST /v3/watch",
      request: ["create_request: key, range_end, start_revision"],
      response: ["ordered events with mod_revision"],
      errors: ["compacted: start_revision is older than the compaction point (re-read, then watch)"],
      guarantee: "no event after start_revision is skipped or reordered",
    },
    {
      operation: "keepalive",
      call: "POST /v3/lease/keepalive",
      request: ["lease ID"],
      response: ["TTL remaining"],
      errors: ["lease not found (expired): keys attached to it are gone"],
      guarantee: "keys attached to a lease live exactly as long as the lease is kept alive",
    },
  ],
  dataModel: [
    {
      entity: "MetadataKey",
      key: ["key"],
      fields: ["value", "create_revision", "mod_revision", "version", "lease_id"],
      indexes: ["key prefix (ordered)", "lease_id"],
      owner: "consensus-leader",
    },
    {
      entity: "ConsensusLog",
      key: ["index"],
      fields: ["term", "command", "committed"],
      indexes: [],
      owner: "consensus-leader",
    },
    {
      entity: "ElectionTerm",
      key: ["node_id"],
      fields: ["current_term", "voted_for"],
      indexes: [],
      owner: "consensus-leader",
    },
    {
      entity: "ClientSession",
      key: ["session_id"],
      fields: ["ttl", "expires_at", "ephemeral_keys"],
      indexes: ["expires_at"],
      owner: "consensus-leader",
    },
  ],
  entry: "consensus-leader",
  stateOwner: "consensus-leader",
  outlet: "consensus-followers",
  protocols,
};
