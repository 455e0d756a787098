import type { ProtocolSpec, Topology } from "../../topology.js";
import { BACKUP_API, BACKUP_COMPONENTS, BACKUP_DATA, BACKUP_LINKS, BACKUP_PROTOCOLS } from "./backup.js";
import { FILE_SYNC_COMPONENTS, FILE_SYNC_DATA, FILE_SYNC_LINKS, FILE_SYNC_PROTOCOLS } from "./filesync.js";
import { MEDIA_API, MEDIA_COMPONENTS, MEDIA_DATA, MEDIA_LINKS, MEDIA_PROTOCOLS } from "./media.js";

/** Elements of the general chunk or object store that neither file sync's block store, a photo store nor a backup service draws. */
const OFF = ["file-sync", "media-store", "backup"] as const;

/**
 * Chunk, block, file and object storage: a replicated metadata service, storage nodes, repair. Two shapes
 * share it, chosen by the i19-interface decision (its options name the elements each one draws): a file
 * system (paths, appends, a leased primary ordering each chunk's mutations, GFS-style) and an object store
 * (buckets, immutable objects written by multipart upload, ranged reads behind a CDN, S3-style).
 */
export const protocols: ProtocolSpec[] = [
  ...FILE_SYNC_PROTOCOLS,
  ...MEDIA_PROTOCOLS,
  ...BACKUP_PROTOCOLS,
  {
    unlessTopic: OFF,
    name: "Leased primary write",
    notation:
      "clients>master[look up chunk and primary {FileEntry.generation = g}] -> master>chunk-primary[grant primary lease and bump chunk version {PrimaryLease.holder = null or PrimaryLease.expires_at < now}] -> master>clients[primary, secondaries and version] -> clients>chunk-secondaries[push data to the nearest replica, forwarded along a chain through the others] -> clients>chunk-primary[request the write once every replica holds the data] -> chunk-primary>chunk-secondaries[apply in serial order {ChunkReplica.version = ChunkPlacement.version}] -> chunk-secondaries>chunk-primary[applied] -> chunk-primary>clients[write ok] |-> clients>master[ask again after the lease moved {primary refused or replica failed}] => done | retry",
  },
  {
    // HDFS's write: the NameNode leases the file to one writer and hands it, block by block, a pipeline of DataNodes
    // (each on its own rack under the rack-fault-tolerant placement); packets flow down the pipeline and acks flow back, so the writer hears a packet acked
    // only once every DataNode of the pipeline holds it; a failed DataNode is dropped from the pipeline and the block
    // goes on under a new generation stamp, so the dropped replica is recognisably stale
    unlessTopic: OFF,
    name: "Pipelined block write",
    notation:
      "clients>master[create the file and take its writer lease {no other client holds an unexpired FileLease on the path}] -> master>clients[file id and lease] -> clients>master[add a block {caller holds the FileLease}] -> master>clients[block id, generation stamp and a pipeline of DataNodes, each on its own rack] -> clients>chunk-secondaries[stream packets to the first DataNode {generation stamp current}] -> chunk-secondaries[forward each packet down the DataNode pipeline, acks flowing back] -> chunk-secondaries>clients[packet acked by every DataNode of the pipeline] -> clients>master[complete the file once its last block has its minimum replicas {caller holds the FileLease}] -> master>clients[file closed, lease released] |-> clients>master[rebuild the pipeline without the failed DataNode under a new generation stamp {a DataNode failed}] => done | retry",
  },
  {
    unlessTopic: OFF,
    name: "Block read with failover",
    notation:
      "clients>master[get the block locations for a byte range] -> master>clients[blocks with their DataNodes, nearest first] -> clients>chunk-secondaries[read the range from the nearest DataNode {ChunkReplica.version = ChunkPlacement.version and checksum ok}] -> chunk-secondaries>clients[bytes] |-> clients>chunk-secondaries[read from the next DataNode and report the bad replica {checksum mismatch or DataNode down}] => done | retry | repair",
  },
  {
    unlessTopic: OFF,
    name: "Upload an object in parts, then commit it",
    notation:
      "clients>front-ends[start multipart upload for bucket and key {caller may write the bucket}] -> front-ends>clients[upload id] -> clients>front-ends[PUT each part with its checksum] -> front-ends>chunk-secondaries[write the part's pieces (replicas or fragments, as the redundancy decision chose) to nodes in distinct failure domains {part checksum ok}] -> chunk-secondaries>front-ends[durable] -> clients>front-ends[complete upload with the part list] -> front-ends>master[commit the new object version in one transaction {every listed part is durable}] -> master>front-ends[version id] -> front-ends>clients[200 with ETag and version id] |-> front-ends>clients[retry the part {node failed or checksum mismatch}] => done | retry",
  },
  {
    unlessTopic: OFF,
    name: "Repair lost redundancy",
    notation:
      "repair>master[list chunks or stripes below their redundancy target {healthy pieces < ChunkPlacement.target}] -> repair>chunk-secondaries[rebuild the missing piece on a node in a distinct failure domain, from a healthy copy or from enough surviving fragments {source checksums ok}] -> chunk-secondaries>repair[rebuilt at version] -> repair>master[record the new placement {rebuilt version = ChunkPlacement.version}] => done | retry | repair",
  },
  {
    unlessTopic: OFF,
    name: "Verified read with failover",
    notation:
      "clients>master[resolve path to chunk locations] -> master>clients[replicas and version] -> clients>chunk-secondaries[read range {ChunkReplica.version = ChunkPlacement.version and checksum ok}] -> chunk-secondaries>clients[bytes] |-> clients>chunk-primary[read the next replica {checksum mismatch or node down}] => done | retry | repair",
  },
  {
    unlessTopic: OFF,
    name: "Ranged read through the CDN",
    notation:
      "clients>cdn[GET object with a byte range] -> cdn>front-ends[fill the range on a miss {range not cached}] -> front-ends>master[look up the committed version and its placement {object version committed}] -> front-ends>chunk-secondaries[read the chunks or fragments that cover the range {checksum ok}] -> chunk-secondaries>front-ends[bytes, decoded from surviving fragments if a node is down] -> front-ends>cdn[206 partial content] -> cdn>clients[range bytes, cached for later viewers] => done | retry",
  },
];

export const topology: Topology = {
  components: [
    ...FILE_SYNC_COMPONENTS,
    ...MEDIA_COMPONENTS,
    ...BACKUP_COMPONENTS,
    {
      unlessTopic: OFF,
      id: "clients",
      name: "Clients (SDK)",
      kind: "client",
      runs: ["lookup", "write", "read"],
      because:
        "clients fetch only metadata from the metadata service and move bytes straight to and from the storage nodes",
    },
    {
      unlessTopic: OFF,
      id: "front-ends",
      name: "API front-ends (auth, bucket policy, chunk and encode)",
      kind: "gateway",
      runs: ["authenticate", "multipart upload", "encode and place", "ranged read"],
      because: "stateless HTTP front-ends turn whole-object PUTs and ranged GETs into chunk or fragment traffic",
    },
    {
      unlessTopic: OFF,
      id: "cdn",
      name: "CDN edge (caches popular objects by range)",
      kind: "cache",
      holds: [],
      runs: ["serve ranges", "fill on miss"],
      because: "large, immutable objects read by many viewers are served from the edge, not the storage nodes",
    },
    {
      unlessTopic: OFF,
      id: "master",
      name: "Metadata service (namespace and placement, replicated)",
      kind: "replica-group",
      holds: ["FileEntry", "ObjectVersion", "ChunkPlacement", "PrimaryLease", "FileLease"],
      runs: ["namespace", "placement", "commit versions"],
      because:
        "one authority for the namespace and chunk placement keeps metadata consistent; its log is replicated before it answers",
    },
    {
      unlessTopic: OFF,
      id: "chunk-primary",
      name: "Chunkserver holding the primary lease",
      kind: "store",
      holds: ["ChunkReplica"],
      runs: ["order mutations", "forward to secondaries"],
      because: "the lease holder picks one serial order for all mutations of its chunk",
    },
    {
      unlessTopic: OFF,
      id: "chunk-secondaries",
      name: "Storage nodes (chunks or fragments in distinct racks)",
      kind: "store",
      replicaOf: "chunk-primary",
      holds: ["ChunkReplica", "StorageNode"],
      runs: ["store chunks", "serve reads", "checksum"],
      because: "copies or fragments in distinct racks survive a rack loss; checksums catch silent corruption",
    },
    {
      id: "repair",
      name: "Repair and rebalance (rebuild copies or fragments)",
      kind: "control-loop",
      runs: ["detect under-replication", "clone", "rebalance"],
      because: "a lost disk or node leaves chunks under target; repair is prioritised by how few copies remain",
    },
  ],
  links: [
    ...FILE_SYNC_LINKS,
    ...MEDIA_LINKS,
    ...BACKUP_LINKS,
    { from: "clients", to: "master", kind: "request", label: "metadata: lookup, create", unlessTopic: OFF },
    {
      from: "clients",
      to: "chunk-primary",
      kind: "request",
      label: "write (after data push)",
      unlessTopic: OFF,
    },
    { from: "clients", to: "chunk-secondaries", kind: "request", label: "push data / read", unlessTopic: OFF },
    {
      from: "chunk-primary",
      to: "chunk-secondaries",
      kind: "replication",
      label: "serial mutation order",
      unlessTopic: OFF,
    },
    { from: "master", to: "chunk-primary", kind: "control", label: "primary lease, version", unlessTopic: OFF },
    {
      from: "chunk-secondaries",
      to: "chunk-secondaries",
      kind: "replication",
      label: "packets down the DataNode pipeline, acks back",
      unlessTopic: OFF,
    },
    {
      from: "repair",
      to: "master",
      kind: "control",
      label: "chunks below their redundancy target",
      unlessTopic: OFF,
    },
    {
      from: "repair",
      to: "chunk-secondaries",
      kind: "control",
      label: "rebuild / rebalance",
      unlessTopic: OFF,
    },
    {
      from: "clients",
      to: "front-ends",
      kind: "request",
      label: "PUT parts, complete, GET range",
      unlessTopic: OFF,
    },
    {
      from: "front-ends",
      to: "master",
      kind: "request",
      label: "commit object version, look up",
      unlessTopic: OFF,
    },
    {
      from: "front-ends",
      to: "chunk-secondaries",
      kind: "request",
      label: "write chunks or fragments, read ranges",
      unlessTopic: OFF,
    },
    { from: "clients", to: "cdn", kind: "request", label: "GET range (popular objects)", unlessTopic: OFF },
    { from: "cdn", to: "front-ends", kind: "request", label: "fill on miss", unlessTopic: OFF },
  ],
  api: [
    ...MEDIA_API,
    ...BACKUP_API,
    {
      unlessTopic: OFF,
      operation: "multipart upload",
      call: "POST /v1/buckets/{bucket}/objects/{key}?uploads, PUT ...?partNumber=&uploadId=, POST ...?uploadId= (complete)",
      request: ["bucket", "key", "parts with checksums", "upload id"],
      response: ["ETag", "version_id"],
      errors: ["403 bucket policy denies", "400 part checksum mismatch", "404 no such upload"],
      guarantee:
        "the object appears whole, at a new version, only when the complete call commits; a failed upload leaves nothing visible",
    },
    {
      unlessTopic: OFF,
      operation: "get object",
      call: "GET /v1/buckets/{bucket}/objects/{key}?versionId= with Range: bytes=a-b",
      request: ["bucket", "key", "byte range", "version (optional)"],
      response: ["206 partial content with checksum"],
      errors: ["404 no such key", "416 range not satisfiable"],
      guarantee: "a committed object's bytes never change; a read after a successful PUT sees the new version",
    },
    {
      unlessTopic: OFF,
      operation: "list objects",
      call: "GET /v1/buckets/{bucket}?prefix=&continuation-token=",
      request: ["bucket", "prefix", "page token"],
      response: ["keys with size, ETag and version", "next page token"],
      errors: ["404 no such bucket"],
      guarantee: "lists committed object versions only, in key order",
    },
    {
      unlessTopic: OFF,
      operation: "open",
      call: "GET /v1/files/{path}",
      request: ["path"],
      response: ["file_id", "generation", "chunk list with replica locations"],
      errors: ["404 no such file"],
      guarantee: "metadata comes from the master's committed log",
    },
    {
      unlessTopic: OFF,
      operation: "create",
      call: "PUT /v1/files/{path}?op=create",
      request: ["path", "replication", "block size", "client id"],
      response: ["file_id", "writer lease"],
      errors: ["409 path exists", "409 another client holds the file's writer lease"],
      guarantee:
        "one writer per file: the metadata service grants the lease only while no other client holds an unexpired one",
    },
    {
      unlessTopic: OFF,
      operation: "add block",
      call: "POST /v1/files/{file_id}:addBlock",
      request: ["client id (the lease holder)", "previous block and its length"],
      response: ["block id", "generation stamp", "DataNode pipeline, rack-aware"],
      errors: ["409 not the lease holder (lease lost or recovered)"],
      guarantee:
        "a new block is allocated only to the lease holder, after its previous block reached its minimum replicas",
    },
    {
      unlessTopic: OFF,
      operation: "complete",
      call: "POST /v1/files/{file_id}:complete",
      request: ["client id (the lease holder)", "last block and its length"],
      response: ["closed"],
      errors: ["409 not the lease holder", "503 last block below its minimum replicas (retry)"],
      guarantee: "the file's length is final and its lease released; a closed file's bytes never change",
    },
    {
      unlessTopic: OFF,
      operation: "write",
      call: "PUT /v1/files/{file_id}/chunks/{index}?offset=",
      request: ["bytes", "chunk_version", "lease holder"],
      response: ["ok"],
      errors: ["409 lease moved or stale version (look up again)", "503 replica failed (retry)"],
      guarantee: "acknowledged once every replica applied it in the primary's order",
    },
    {
      unlessTopic: OFF,
      operation: "append",
      call: "POST /v1/files/{file_id}:append",
      request: ["record", "request_id"],
      response: ["offset"],
      errors: ["503 retry"],
      guarantee:
        "the record is placed at least once at an offset the primary chooses; readers skip duplicates by request id",
    },
    {
      unlessTopic: OFF,
      operation: "read",
      call: "GET /v1/files/{file_id}/chunks/{index}?offset=&length=",
      request: ["offset", "length", "chunk_version"],
      response: ["checksum-verified bytes"],
      errors: ["409 stale replica version (try another)"],
      guarantee: "a replica with a stale version or a bad checksum never answers",
    },
  ],
  dataModel: [
    ...FILE_SYNC_DATA,
    ...MEDIA_DATA,
    ...BACKUP_DATA,
    {
      unlessTopic: OFF,
      entity: "ObjectVersion",
      key: ["bucket", "key", "version_id"],
      fields: ["size", "ETag", "chunk or stripe list", "state (uploading, committed, deleted)"],
      indexes: ["bucket + key prefix (listing)"],
      partitionKey: "bucket + key",
      owner: "master",
    },
    {
      unlessTopic: OFF,
      entity: "FileEntry",
      key: ["path"],
      fields: ["file_id", "generation", "chunk handles", "length"],
      indexes: ["path prefix (directory listing)"],
      owner: "master",
    },
    {
      unlessTopic: OFF,
      entity: "ChunkPlacement",
      key: ["chunk_handle"],
      fields: ["version", "replica nodes", "target copies"],
      indexes: ["node_id -> chunks"],
      partitionKey: "chunk_handle",
      owner: "master",
    },
    {
      unlessTopic: OFF,
      entity: "ChunkReplica",
      key: ["node_id", "chunk_handle"],
      fields: ["version", "checksums per block"],
      indexes: [],
      owner: "chunk-secondaries",
    },
    {
      unlessTopic: OFF,
      entity: "FileLease",
      key: ["file_id"],
      fields: ["holder (client id)", "expires_at"],
      indexes: ["holder -> files (renewal and recovery)"],
      owner: "master",
    },
    {
      unlessTopic: OFF,
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
  topicHooks: {
    "file-sync": { entry: "block-service", stateOwner: "block-index", outlet: "block-nodes" },
    "media-store": { entry: "upload-service", stateOwner: "photo-meta", outlet: "volume-stores" },
    backup: { entry: "ingest", stateOwner: "catalog", outlet: "chunk-store" },
  },
  protocols,
};
