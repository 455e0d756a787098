import type { ProtocolSpec, Topology } from "../../topology.js";

/** Replicated chunk storage (GFS-like): a replicated metadata master, chunkservers with a leased primary, repair. */
export const protocols: ProtocolSpec[] = [
  {
    name: "Leased primary write",
    notation:
      "clients>master[look up chunk and primary {FileEntry.generation = g}] -> master>chunk-primary[grant primary lease and bump chunk version {PrimaryLease.holder = null or PrimaryLease.expires_at < now}] -> master>clients[primary, secondaries and version] -> clients>chunk-secondaries[push data to the nearest replica, forwarded along a chain through the others] -> clients>chunk-primary[request the write once every replica holds the data] -> chunk-primary>chunk-secondaries[apply in serial order {ChunkReplica.version = ChunkPlacement.version}] -> chunk-secondaries>chunk-primary[applied] -> chunk-primary>clients[write ok] |-> clients>master[ask again after the lease moved {primary refused or replica failed}] => done | retry",
  },
  {
    name: "Repair lost redundancy",
    notation:
      "repair>master[list under-replicated chunks {valid replicas < ChunkPlacement.target}] -> repair>chunk-secondaries[clone chunk onto a node in a distinct failure domain] -> chunk-secondaries>chunk-primary[copy from a healthy replica {source checksum ok}] -> chunk-secondaries>repair[copied at version] -> repair>master[add replica {copied version = ChunkPlacement.version}] => done | retry | repair",
  },
  {
    name: "Verified read with failover",
    notation:
      "clients>master[resolve path to chunk locations] -> master>clients[replicas and version] -> clients>chunk-secondaries[read range {ChunkReplica.version = ChunkPlacement.version and checksum ok}] -> chunk-secondaries>clients[bytes] |-> clients>chunk-primary[read the next replica {checksum mismatch or node down}] => done | retry | repair",
  },
];

export const topology: Topology = {
  components: [
    {
      id: "clients",
      name: "Client library",
      kind: "client",
      runs: ["lookup", "push data", "write", "read"],
      because: "clients ask the master only for metadata and move bytes directly to and from chunkservers",
    },
    {
      id: "master",
      name: "Metadata master (replicated op log)",
      kind: "replica-group",
      holds: ["FileEntry", "ChunkPlacement", "PrimaryLease"],
      runs: ["namespace", "placement", "grant primary leases"],
      because:
        "one authority for the namespace and chunk placement keeps metadata simple; its log is replicated before it answers",
    },
    {
      id: "chunk-primary",
      name: "Chunkserver holding the primary lease",
      kind: "store",
      holds: ["ChunkReplica"],
      runs: ["order mutations", "forward to secondaries"],
      because: "the lease holder picks one serial order for all mutations of its chunk",
    },
    {
      id: "chunk-secondaries",
      name: "Secondary chunkservers (distinct racks)",
      kind: "store",
      replicaOf: "chunk-primary",
      holds: ["ChunkReplica", "StorageNode"],
      runs: ["apply in primary order", "serve reads", "checksum"],
      because: "replicas in distinct racks survive a rack loss; checksums catch silent corruption",
    },
    {
      id: "repair",
      name: "Re-replication and rebalance (in the master)",
      kind: "control-loop",
      runs: ["detect under-replication", "clone", "rebalance"],
      because: "a lost disk or node leaves chunks under target; repair is prioritised by how few copies remain",
    },
  ],
  links: [
    { from: "clients", to: "master", kind: "request", label: "metadata: lookup, create" },
    { from: "clients", to: "chunk-primary", kind: "request", label: "write (after data push)" },
    { from: "clients", to: "chunk-secondaries", kind: "request", label: "push data / read" },
    { from: "chunk-primary", to: "chunk-secondaries", kind: "replication", label: "serial mutation order" },
    { from: "master", to: "chunk-primary", kind: "control", label: "primary lease, version" },
    { from: "repair", to: "master", kind: "control", label: "under-replicated chunks" },
    { from: "repair", to: "chunk-secondaries", kind: "control", label: "clone / rebalance" },
  ],
  api: [
    {
      operation: "open",
      call: "GET /v1/files/{path}",
      request: ["path"],
      response: ["file_id", "generation", "chunk list with replica locations"],
      errors: ["404 no such file"],
      guarantee: "metadata comes from the master's committed log",
    },
    {
      operation: "write",
      call: "PUT /v1/files/{file_id}/chunks/{index}?offset=",
      request: ["bytes", "chunk_version", "lease holder"],
      response: ["ok"],
      errors: ["409 lease moved or stale version (look up again)", "503 replica failed (retry)"],
      guarantee: "acknowledged once every replica applied it in the primary's order",
    },
    {
      operation: "append",
      call: "POST /v1/files/{file_id}:append",
      request: ["record", "request_id"],
      response: ["offset"],
      errors: ["503 retry"],
      guarantee:
        "the record is placed at least once at an offset the primary chooses; readers skip duplicates by request id",
    },
    {
      operation: "read",
      call: "GET /v1/files/{file_id}/chunks/{index}?offset=&length=",
      request: ["offset", "length", "chunk_version"],
      response: ["checksum-verified bytes"],
      errors: ["409 stale replica version (try another)"],
      guarantee: "a replica with a stale version or a bad checksum never answers",
    },
  ],
  dataModel: [
    {
      entity: "FileEntry",
      key: ["path"],
      fields: ["file_id", "generation", "chunk handles", "length"],
      indexes: ["path prefix (directory listing)"],
      owner: "master",
    },
    {
      entity: "ChunkPlacement",
      key: ["chunk_handle"],
      fields: ["version", "replica nodes", "target copies"],
      indexes: ["node_id -> chunks"],
      partitionKey: "chunk_handle",
      owner: "master",
    },
    {
      entity: "ChunkReplica",
      key: ["node_id", "chunk_handle"],
      fields: ["version", "checksums per block"],
      indexes: [],
      owner: "chunk-secondaries",
    },
    {
      entity: "PrimaryLease",
      key: ["chunk_handle"],
      fields: ["holder", "expires_at"],
      indexes: [],
      owner: "master",
    },
  ],
  entry: "master",
  stateOwner: "master",
  outlet: "chunk-secondaries",
  protocols,
};
