import type { ProtocolSpec, Topology } from "../../topology.js";

/** Identifier generation: stateless generator nodes issuing from leased blocks or a worker id, backed by a small consensus store. */
export const protocols: ProtocolSpec[] = [
  {
    name: "Timestamp layout with a leased worker id",
    notation:
      "id-generators>counter-store[claim worker id {WorkerIdLease.owner = null or WorkerIdLease.expires_at < now}] -> counter-store>id-generators[worker id and lease] -> clients>id-generators[next id] -> id-generators[compose timestamp, worker id and sequence {now >= GeneratorClock.last_ms and sequence below its bit limit}] -> id-generators>clients[64-bit id] |-> id-generators[wait for the next millisecond {sequence exhausted or clock moved back}] => done | retry | reject",
  },
  {
    name: "Leased block allocation",
    notation:
      "id-generators>counter-store[lease block {SequenceCounter.next = value read}] -> counter-store>id-generators[range start to end] -> clients>id-generators[next id] -> id-generators[issue from memory {next value < IdBlock.end}] -> id-generators>clients[id] |-> id-generators>counter-store[lease the next block early {IdBlock below low watermark}] => done | retry",
  },
  {
    name: "Gap-free number inside the business transaction",
    notation:
      "clients>counter-store[increment counter row in the business transaction {SequenceCounter row locked by this transaction}] -> clients>counter-store[insert record carrying the number] -> clients>counter-store[commit {both writes commit together}] -> counter-store>clients[committed number] => done | rollback",
  },
];

export const topology: Topology = {
  components: [
    {
      id: "clients",
      name: "Callers needing identifiers",
      kind: "client",
      runs: ["next id"],
      because: "ids are requested on the hot path of other services' writes",
    },
    {
      id: "id-generators",
      name: "ID generator nodes (no shared state: each keeps its own lease, clock and last timestamp)",
      kind: "service",
      holds: ["IdBlock", "GeneratorClock"],
      runs: ["issue ids", "lease blocks", "claim worker id"],
      because: "each generator issues from state it alone owns, so no id takes a coordinated write",
    },
    {
      id: "counter-store",
      name: "Counter store (3-node consensus group)",
      kind: "replica-group",
      holds: ["SequenceCounter", "WorkerIdLease", "IdLayout"],
      runs: ["conditional block lease", "worker id lease"],
      because: "whatever it hands out to a generator must never go out twice, even across failover",
    },
  ],
  links: [
    { from: "clients", to: "id-generators", kind: "request", label: "next id" },
    { from: "id-generators", to: "counter-store", kind: "request", label: "lease block" },
    { from: "id-generators", to: "counter-store", kind: "request", label: "claim worker id" },
  ],
  api: [
    {
      operation: "next id",
      call: "POST /v1/namespaces/{ns}/ids",
      request: ["count (default 1)"],
      response: ["ids (64-bit)"],
      errors: ["503 clock moved back or no lease"],
      guarantee: "unique across the namespace; time-ordered (roughly, across nodes) with the timestamp layout",
    },
    {
      operation: "allocate block",
      call: "POST /v1/sequences/{seq}/blocks",
      request: ["size", "expected_next"],
      response: ["start", "end"],
      errors: ["409 counter moved, retry"],
      guarantee: "blocks never overlap; unused ids of a crashed node are skipped, not reissued",
    },
    {
      operation: "parse id",
      call: "GET /v1/ids/{id}",
      request: ["id"],
      response: [
        "timestamp (41 bits: ms since the namespace epoch)",
        "worker_id (10 bits; across data centres its high bits are the data-centre id)",
        "sequence (12 bits)",
      ],
      errors: ["400 not an id of this layout"],
      guarantee: "pure function of the bit layout",
    },
  ],
  dataModel: [
    {
      entity: "SequenceCounter",
      key: ["namespace"],
      fields: ["next", "version"],
      indexes: [],
      owner: "counter-store",
    },
    {
      // Twitter's Snowflake: 41 bits of milliseconds from a custom epoch (69 years), a 10-bit machine id (1,024
      // machines) and a 12-bit sequence that rolls over every 4,096 per machine (twitter-archive/snowflake README)
      entity: "IdLayout",
      key: ["namespace"],
      fields: [
        "epoch_ms (custom epoch)",
        "sign_bits = 1 (unused, keeps ids positive)",
        "timestamp_bits = 41 (ms since the epoch)",
        "worker_bits = 10 (across data centres, 5 name the data centre and 5 the worker, as in Snowflake)",
        "sequence_bits = 12",
        "layout_version",
      ],
      indexes: [],
      owner: "counter-store",
    },
    {
      entity: "WorkerIdLease",
      key: ["worker_id"],
      fields: ["owner_instance", "expires_at"],
      indexes: ["expires_at"],
      owner: "counter-store",
    },
  ],
  entry: "id-generators",
  stateOwner: "counter-store",
  protocols,
  unit: { entity: "SequenceCounter", words: ["sequence"] },
};
