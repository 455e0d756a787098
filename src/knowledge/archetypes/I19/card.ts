import type { ArchetypeInput } from "../../schema.js";
import { keptBy } from "../../topics.js";
import {
  BACKUP_BOTTLENECKS,
  BACKUP_ENTITIES,
  BACKUP_FAILURES,
  BACKUP_INVARIANTS,
  BACKUP_KEPT_BY,
  BACKUP_OVERLAY,
  BACKUP_READS,
  BACKUP_SCOPES,
  BACKUP_SILHOUETTE,
  BACKUP_TECHNOLOGIES,
  BACKUP_WRITES,
} from "./backup.js";
import {
  FILE_SYNC_ENTITIES,
  FILE_SYNC_FAILURES,
  FILE_SYNC_INVARIANTS,
  FILE_SYNC_READS,
  FILE_SYNC_SCOPES,
  FILE_SYNC_STALE_PARENT,
  FILE_SYNC_WRITES,
} from "./filesync.js";
import {
  MEDIA_BOTTLENECKS,
  MEDIA_ENTITIES,
  MEDIA_FAILURES,
  MEDIA_INVARIANTS,
  MEDIA_KEPT_BY,
  MEDIA_READS,
  MEDIA_SCOPES,
  MEDIA_SILHOUETTE,
  MEDIA_TECHNOLOGIES,
  MEDIA_WRITES,
} from "./media.js";
import { protocols } from "./topology.js";

/**
 * Rows of a chunk store's general model that neither the block store under file sync, a photo store nor a backup
 * service keeps.
 */
const OFF = ["file-sync", "media-store", "backup"] as const;

/** A chunk store's own rules: durable acks, one primary per chunk, versions, failure domains, references. */
const CHUNK_INVARIANTS = [
  "A write is acknowledged only after every replica of the chunk's current set (or every fragment of its stripe) has it durable, so an acknowledged write survives the loss of any allowed number of nodes.",
  "A chunk has at most one primary with an unexpired PrimaryLease, and the chunk version rises with every grant, so a replica that missed mutations is identifiable as stale.",
  "A replica whose version is below ChunkPlacement.version, or whose checksum fails, is never served and never counted toward the chunk's redundancy.",
  "The valid replicas of a chunk sit in distinct failure domains, so one rack or zone loss cannot take out every copy.",
  "A FileEntry never references a chunk whose data is not yet durable.",
  "A chunk is deleted only after no FileEntry or snapshot has referenced it for a grace period.",
];

/**
 * What readers of a file system's appended files see (the GFS paper's relaxed model): a record append lands whole at
 * least once at an offset the primary picks, and a retry after a replica failed leaves padding and duplicates between
 * records, which readers skip by checksum and drop by record id. An object store appends nothing.
 */
/**
 * One writer per file (HDFS, after its package doc): the metadata service leases an open file to one client, bytes
 * only go to the end of that writer's stream in the order written, and a closed file never changes. A GFS-style file
 * system or an object store says none of it: their options exclude the per-file lease's words.
 */
const SINGLE_WRITER_INVARIANTS = [
  "A file has at most one writer: only the client holding the file's unexpired FileLease adds blocks to it or completes it, and its bytes land in the order that writer sent them; once the lease lapses the metadata service recovers it, closing the file at a length every live replica of its last block holds.",
];

const APPEND_INVARIANTS = [
  "After concurrent record appends to one file, every acknowledged record is there whole, at least once, at the offset the primary chose and at that offset in every ChunkReplica; a failed or retried append can leave padding, partial pieces and duplicate copies between records, so readers skip what fails its record checksum and drop repeats by the record's unique id.",
];

export const card = {
  id: "I19",
  name: "Replicated Chunk / Block / File Storage Substrate",
  summary:
    "This archetype owns keeping bytes durable and reachable on machines that fail: files, objects or volumes are split into chunks or blocks, each chunk is replicated (or erasure coded) across storage nodes in different failure domains, and a metadata service maps names to chunks and chunks to replica locations. " +
    "Its authoritative state is split in two: the namespace and file-to-chunk metadata (with chunk versions and writer leases) held by a metadata service, and the chunk replicas themselves with their versions and checksums on the storage nodes. Which nodes hold which replica is soft state: GFS's master never persists it but rebuilds it from chunkserver reports at startup and in heartbeats. " +
    "The metadata service is made durable in one of two ways: GFS logs every namespace change to a local and remote operation log with periodic checkpoints and read-only shadow masters (no consensus protocol), while newer designs (Colossus over Bigtable, Ceph monitors, HDFS with a journal quorum) replicate it by consensus. " +
    "The core correctness concern is that an acknowledged write survives the loss of any allowed number of nodes, that each chunk has at most one writer ordering its mutations, that a stale or corrupt replica is never served or counted as a copy, and that lost redundancy is restored before another failure makes it permanent. " +
    "GFS used 64 MB chunks and separated control flow (client to master for locations, client to the primary for ordering) from data flow (bytes pushed along a chain of chunkservers, nearest first); its record append lands at least once at an offset the primary picks, leaving padding and duplicates, so regions are consistent-and-defined only after a successful serial write and readers skip padding and duplicates by record ids and checksums. " +
    "Distributed file systems (GFS, HDFS), block storage (EBS, Ceph RBD), object stores (S3, which has read-after-write consistency and conditional writes; MinIO) and the storage layers behind backup and file-sync products share this shape.",
  roles: ["truth", "coordination"],
  /** Runs work (FRAMEWORK.md §9), so the entry carries the runtime overlay. */
  runtime: true,
  signals: {
    phrases: [
      { text: "distributed file system", weight: 1.0 },
      { text: "block storage", weight: 1.0 },
      { text: "chunk server", weight: 1.0 },
      { text: "file storage", weight: 0.9 },
      { text: "object storage", weight: 0.9 },
      { text: "blob storage", weight: 0.85 },
      // storage named by what it holds ("a photo storage service", "video storage for uploads"): the bytes themselves
      { text: "photo storage", weight: 0.9 },
      { text: "image storage", weight: 0.9 },
      { text: "video storage", weight: 0.9 },
      { text: "media storage", weight: 0.9 },
      { text: "photo hosting", weight: 0.9 },
      { text: "image hosting", weight: 0.9 },
      { text: "storage layer", weight: 0.8 },
      { text: "storage cluster", weight: 0.7 },
      { text: "storage node", weight: 0.7 },
      { text: "data node", weight: 0.6 },
      { text: "block device", weight: 0.8 },
      { text: "virtual disk", weight: 0.8 },
      { text: "persistent disk", weight: 0.8 },
      { text: "chunk", weight: 0.6 },
      { text: "replica placement", weight: 0.8 },
      { text: "three copies", weight: 0.8 },
      { text: "copies of every file", weight: 0.9 },
      { text: "replication factor", weight: 0.6 },
      { text: "erasure coding", weight: 0.9 },
      { text: "re replication", weight: 0.8 },
      { text: "disk failure", weight: 0.6 },
      { text: "bit rot", weight: 0.7 },
      { text: "durable storage", weight: 0.7 },
      { text: "eleven nines", weight: 0.6 },
      { text: "store large files", weight: 0.8 },
      { text: "file hosting", weight: 0.7 },
      { text: "photo backup", weight: 0.6 },
      // backups of machines, databases or laptops: snapshots kept for a window and restored to a point in time
      { text: "backup service", weight: 0.9 },
      { text: "backup system", weight: 0.9 },
      { text: "incremental backup", weight: 1.0 },
      { text: "incremental snapshot", weight: 1.0 },
      { text: "nightly backup", weight: 0.9 },
      { text: "snapshot backup", weight: 0.9 },
      { text: "backup snapshot", weight: 0.9 },
      { text: "point in time restore", weight: 1.0 },
      { text: "point in time recovery", weight: 0.9 },
      { text: "restore any server", weight: 0.9 },
      { text: "deduplicated backup", weight: 1.0 },
      { text: "laptop backup", weight: 0.9 },
      { text: "backups", weight: 0.6 },
      { text: "file sync", weight: 0.6 },
      { text: "upload files", weight: 0.5 },
      { text: "namespace metadata", weight: 0.6 },
      { text: "petabytes", weight: 0.5 },
      { text: "exabytes", weight: 0.5 },
      { text: "rebalance data", weight: 0.5 },
      { text: "volume", weight: 0.4 },
      { text: "checksum", weight: 0.3 },
    ],
    systems: [
      { name: "GFS", aliases: ["Google File System"], weight: 1.0 },
      { name: "Colossus", aliases: [], weight: 1.0 },
      { name: "HDFS", aliases: ["Hadoop Distributed File System"], weight: 1.0 },
      { name: "Ceph", aliases: ["RADOS", "CephFS", "Ceph RBD"], weight: 1.0 },
      { name: "EBS", aliases: ["Amazon EBS", "Elastic Block Store"], weight: 1.0 },
      { name: "Haystack", aliases: ["Facebook Haystack"], weight: 1.0 },
      { name: "Magic Pocket", aliases: [], weight: 1.0 },
      {
        name: "Amazon S3",
        aliases: ["S3", "Simple Storage Service"],
        weight: 0.9,
        sharedBecause:
          "S3 is a replicated object storage substrate (I19) and is also the blob store under immutable artifact namespaces and static origins (I14, I07)",
      },
      { name: "MinIO", aliases: [], weight: 0.9 },
      { name: "Google Cloud Storage", aliases: ["GCS"], weight: 0.9 },
      { name: "Azure Blob Storage", aliases: [], weight: 0.9 },
      { name: "GlusterFS", aliases: [], weight: 0.9 },
      { name: "Lustre", aliases: [], weight: 0.9 },
      { name: "SeaweedFS", aliases: [], weight: 0.9 },
      { name: "JuiceFS", aliases: [], weight: 0.8 },
      { name: "Dropbox", aliases: [], weight: 0.6 },
      { name: "restic", aliases: [], weight: 0.9 },
      { name: "BorgBackup", aliases: ["Borg backup"], weight: 0.9 },
      { name: "Time Machine", aliases: [], weight: 0.8 },
      { name: "Google Drive", aliases: [], weight: 0.5 },
    ],
  },
  entities: [
    ...FILE_SYNC_ENTITIES,
    ...MEDIA_ENTITIES,
    ...BACKUP_ENTITIES,
    {
      name: "FileEntry",
      unlessTopic: OFF,
      description:
        "A namespace entry: path or object key, file id, ordered chunk ids, length, generation number and permissions; the name-to-data mapping.",
      truth: true,
      stance: {
        consistency: "linearizable",
        availability: "fail-closed",
        because:
          "namespace changes are atomic: the metadata service applies them in its log's one order, and a cut-off master refuses them",
      },
    },
    {
      name: "ChunkPlacement",
      unlessTopic: OFF,
      description:
        "Metadata per chunk: current version, target redundancy (replica count or erasure-code scheme), the nodes that hold valid replicas, and their failure domains.",
      truth: true,
      stance: {
        consistency: "linearizable",
        availability: "fail-closed",
        because: "chunk versions and placement are decided by the metadata service's log alone, in one order",
      },
    },
    {
      name: "ChunkReplica",
      unlessTopic: OFF,
      description:
        "The bytes of one chunk on one storage node, stamped with the chunk version and per-block checksums; the data itself.",
      truth: true,
    },
    {
      name: "PrimaryLease",
      unlessTopic: OFF,
      description:
        "A time-bounded grant making one replica the primary that orders all mutations of a chunk; each grant raises the chunk version.",
      truth: false,
    },
    {
      name: "FileLease",
      unlessTopic: OFF,
      description:
        "A time-bounded grant making one client the only writer of an open file, renewed while it writes and recovered by the metadata service when it lapses.",
      truth: false,
    },
    {
      name: "StorageNode",
      description:
        "A disk server: capacity and free space, failure domain (host, rack, zone), heartbeat time, state (up, draining, dead) and the chunk list it last reported.",
      truth: false,
    },
  ],
  writePaths: [
    ...FILE_SYNC_WRITES,
    ...MEDIA_WRITES,
    ...BACKUP_WRITES,
    {
      action:
        "create a namespace entry (a path or an object key) through the metadata service's logged, replicated operation log: a file system refuses a path that exists (and renames entries this way), while an object store's put of an existing key replaces it with a newer version unless the caller made it conditional (If-None-Match)",
      entity: "FileEntry",
      shape: "create target",
      mechanism: "consensus-replication",
      critical: true,
      repeatSafe:
        "a file create is conditional on the path being absent in the metadata log, so a retry finds the entry its first attempt made and is refused; a retried object put writes the same bytes again as the key's newest version, and a conditional put is refused, so neither leaves a second entry",
    },
    {
      action:
        "allocate a new chunk and choose the nodes for its replicas or erasure-coded fragments, with free space in distinct failure domains",
      entity: "ChunkPlacement",
      shape: "create target",
      mechanism: "placement-scheduler",
      critical: true,
      repeatSafe:
        "the allocation is keyed by the file and chunk index, so a retry finds the chunk its first attempt allocated instead of adding a second",
    },
    {
      action:
        "grant one replica the primary lease for a chunk written in place and raise the chunk version on every grant; an immutable object's chunks have one writer, their uploader, and need no lease",
      entity: "PrimaryLease",
      shape: "state transition",
      mechanism: "lease",
      critical: true,
      repeatSafe:
        "only the metadata service grants, from its own log: a retried request finds the lease it already granted and is answered with its holder and version, so no second primary or version bump follows",
    },
    {
      action:
        "grant one client the writer lease on a file it creates or reopens to append to, renewed while it writes; a lease its holder stops renewing is recovered by the metadata service, which closes the file",
      entity: "FileLease",
      shape: "state transition",
      mechanism: "lease",
      critical: true,
      unlessTopic: OFF,
      repeatSafe:
        "only the metadata service grants, from its own log: a retried create or reopen by the holder finds the lease it already holds and is answered with it, and any other client is refused while it is unexpired",
    },
    {
      action:
        "write a chunk's bytes to every node of its replica set, pushed along a pipeline of nodes, or each erasure-coded fragment to its own node; the writer is acknowledged only when every piece is durable",
      entity: "ChunkReplica",
      shape: "append event",
      mechanism: "pipelined-replication",
      critical: true,
      repeatSafe:
        "a retried write puts the same bytes at the same offset of the same chunk version, so repeating it changes nothing; only a retried record append can land twice, and readers drop that copy by its record id",
    },
    {
      action:
        "publish the new chunk list in the namespace (a file's new length, or an object's new committed version) only after the chunk data is durable",
      entity: "FileEntry",
      shape: "state transition",
      mechanism: "publish-content-first",
      critical: true,
      repeatSafe:
        "the publish is conditional on the entry's generation it read, so a retry after the first attempt applied finds a newer generation and is refused, never applied twice",
    },
    {
      action:
        "storage nodes send heartbeats and report the chunks and versions they hold, which is how the metadata service learns replica locations",
      entity: "StorageNode",
      shape: "overwrite current value",
      mechanism: "heartbeat-renewal",
      hidden: true,
    },
    {
      action: "re-replicate or re-encode chunks whose valid copies dropped below target, most endangered first",
      entity: "ChunkPlacement",
      shape: "async process",
      mechanism: "replica-repair",
      hidden: true,
      critical: true,
    },
    {
      action: "scrub replicas by recomputing checksums and replace corrupt or stale copies from a good one",
      entity: "ChunkReplica",
      shape: "async process",
      mechanism: "anti-entropy-repair",
      hidden: true,
    },
    {
      action: "delete chunks no longer referenced by any file or snapshot after a grace period",
      entity: "ChunkReplica",
      shape: "async process",
      mechanism: "reference-gc",
      hidden: true,
    },
  ],
  readPaths: [
    ...FILE_SYNC_READS,
    ...MEDIA_READS,
    ...BACKUP_READS,
    {
      action: "client resolves a path or object key to its chunk ids and the nodes holding their replicas or fragments",
      entity: "ChunkPlacement",
      shape: "read source",
      staleness:
        "clients cache locations for minutes; a cached location can point at a moved or stale replica, which the version check on the node catches and the client refreshes",
    },
    {
      action:
        "client reads a byte range from the nearest nodes holding the current version, and reads around a lost node from the chunk's other pieces",
      entity: "ChunkReplica",
      shape: "read source",
      staleness:
        "none for acknowledged data: only replicas at the current chunk version serve reads, and every block is checksum-verified before it is returned",
    },
  ],
  protocols,
  invariants: [
    ...CHUNK_INVARIANTS,
    ...SINGLE_WRITER_INVARIANTS,
    ...APPEND_INVARIANTS,
    ...FILE_SYNC_INVARIANTS,
    ...MEDIA_INVARIANTS,
    ...BACKUP_INVARIANTS,
  ],
  invariantTopics: [
    ...CHUNK_INVARIANTS.map((statement) => ({ statement, unlessTopic: OFF })),
    ...SINGLE_WRITER_INVARIANTS.map((statement) => ({
      statement,
      unlessTopic: ["file-sync", "object-store", "media-store", "backup"] as const,
    })),
    ...APPEND_INVARIANTS.map((statement) => ({
      statement,
      unlessTopic: ["file-sync", "object-store", "media-store", "backup"] as const,
    })),
    ...FILE_SYNC_INVARIANTS.map((statement) => ({ statement, topic: "file-sync" as const })),
    ...MEDIA_INVARIANTS.map((statement) => ({
      statement,
      topic: "media-store" as const,
      ...keptBy(statement, MEDIA_KEPT_BY),
    })),
    ...BACKUP_INVARIANTS.map((statement) => ({
      statement,
      topic: "backup" as const,
      ...keptBy(statement, BACKUP_KEPT_BY),
    })),
  ],
  contract: {
    api: [
      "create(path) -> file_id | exists; open(path) -> file_id, generation, chunk list",
      "write(file_id, offset, bytes) -> ok once durable on the replica set | retry (lease moved or replica failed)",
      "append(file_id, bytes) -> offset at which the record was placed, at least once",
      "read(file_id, offset, length) -> checksum-verified bytes",
      "delete(path) -> ok; space is reclaimed later by garbage collection",
      "snapshot(path or volume) -> snapshot id sharing unchanged chunks",
    ],
    guarantees: [
      "Durability: acknowledged data survives the loss of up to replicas minus one nodes (or the erasure code's parity count) until repair restores full redundancy.",
      "Integrity: data returned to a reader always matches what was written, because every block is checksummed end to end.",
      "Namespace operations are atomic and ordered by the metadata service's log; chunk data written concurrently to one region follows the primary's order, and in GFS a region written by concurrent writers is consistent but undefined, while record append is at least once with padding and duplicates readers must skip.",
    ],
  },
  predicates: [
    {
      id: "quorum-truth",
      because:
        "the namespace and chunk placement must survive metadata node loss without split brain, and data must survive storage node loss, so both are replicated",
    },
    {
      id: "exclusivity-matters",
      unlessTopic: OFF,
      entities: ["PrimaryLease", "FileLease"],
      because:
        "two writers ordering the bytes of one chunk or file independently would diverge, so one holder (a chunk's primary, or a file's one writer) holds a lease at a time",
    },
    {
      id: "time-bounded-hold",
      because:
        "a primary or storage node can vanish, so its lease expires and the master can grant a new primary or start repair",
    },
    {
      id: "stale-write-dangerous",
      unlessTopic: OFF,
      because:
        "a replica that was down during mutations returns with old bytes, so chunk versions let the master and readers exclude it",
    },
    FILE_SYNC_STALE_PARENT,
    {
      id: "multi-object",
      because:
        "one logical write touches several replicas and the namespace metadata, so data is made durable first and metadata is published after",
    },
  ],
  failures: [
    ...FILE_SYNC_FAILURES,
    ...MEDIA_FAILURES,
    ...BACKUP_FAILURES,
    {
      failure:
        "Acked before durable: the client was acknowledged while a replica still held the data only in memory, then power was lost",
      role: "truth",
      prevention:
        "Every node fsyncs (or writes to a battery-backed journal) before acknowledging its replica or fragment, and the writer is acknowledged only after all of them",
      repair: "Replicas with missing data are detected by version and checksum and restored from a surviving copy",
    },
    {
      failure:
        "Lost after publish: all replicas of a chunk end up in one failing domain, or a second disk dies before repair finishes",
      role: "truth",
      prevention:
        "Spread replicas across racks or zones and prioritise repair of chunks with the fewest remaining copies",
      repair: "Restore from erasure-coded parity, a remote copy or backup; otherwise report the affected files as lost",
    },
    {
      unlessTopic: OFF,
      failure: "Stale replica served: a node rejoins after missing mutations and answers reads with old data",
      role: "truth",
      prevention:
        "Bump the chunk version on every primary grant and serve only replicas whose version equals the current one",
      repair: "The master marks the replica stale, removes it from the location list and garbage-collects it",
    },
    {
      failure: "Silent corruption: bit rot or a firmware bug changes bytes on disk without an error",
      role: "truth",
      prevention: "Checksum every block on write and verify on every read",
      repair: "The reader fails over to another replica, and the scrubber replaces the corrupt copy from a good one",
    },
    {
      unlessTopic: OFF,
      failure:
        "Granted twice: a partitioned primary keeps accepting writes while the master grants the chunk to another replica",
      role: "coordination",
      prevention:
        "The master waits for the old lease to expire before granting a new one, and secondaries reject mutations from a lower version",
      repair: "Writes from the old primary fail at the secondaries; the client retries through the new primary",
    },
    {
      failure:
        "Repair storm: losing a whole rack triggers re-replication that saturates the network and slows foreground traffic",
      role: "coordination",
      prevention:
        "Throttle repair bandwidth, wait a short grace period before treating a node as dead, and repair the most endangered chunks first",
      repair: "Spread repair across many source and target nodes so it completes in minutes rather than hours",
    },
    {
      unlessTopic: OFF,
      failure:
        "Collected too early: garbage collection deletes a chunk that a concurrent write or snapshot still references",
      role: "coordination",
      prevention:
        "Mark chunks orphaned only after a grace period longer than any in-flight write, and count snapshot references",
      repair: "Keep deleted chunks in a recoverable trash state for the grace period before reclaiming space",
    },
  ],
  bottlenecks: [
    ...MEDIA_BOTTLENECKS,
    ...BACKUP_BOTTLENECKS,
    {
      unlessTopic: OFF,
      bottleneck:
        "Metadata service memory and operation rate: one entry per chunk and per file on a single consensus group",
      mitigation:
        "Keep the metadata in memory with large chunks, let clients cache chunk locations so reads and appends skip the master, and shard the namespace across metadata groups by directory or key range when one group runs out",
      formula: {
        yields: "chunks tracked by the metadata service",
        expression: "bytes_stored / chunk_bytes",
        unit: "chunks",
      },
    },
    {
      unlessTopic: ["file-sync", "object-store", "media-store", "backup"] as const,
      // the GFS paper (section 2.5): a one-chunk executable that hundreds of machines started at once overloaded its
      // few chunkservers; GFS stored such executables with a higher replication factor and staggered the start times
      bottleneck:
        "Hot small file: a file of one or a few chunks that many clients read at once (an executable a batch job starts everywhere) overloads the few nodes holding its replicas",
      mitigation:
        "Give such files a higher replication factor than the default and stagger the readers' start times, as GFS did for executables",
    },
    {
      bottleneck: "Raw capacity: every logical byte is stored several times",
      mitigation:
        "Use erasure coding instead of full replication (about 2 times overhead instead of 3, with no zone holding more fragments than the parity)",
      formula: {
        yields: "storage nodes needed",
        expression: "bytes_stored * storage_overhead / node_bytes",
        unit: "nodes",
      },
    },
    {
      bottleneck: "Repair time after a node dies, during which its chunks run with reduced redundancy",
      mitigation:
        "Scatter each node's chunks across many peers so a hundred or so of them rebuild a small share each in parallel, throttled so client traffic keeps its bandwidth, and repair the pieces with the fewest healthy copies first",
      formula: {
        yields: "time to re-replicate one failed node's data",
        expression: "node_bytes * repair_read_amplification / (min(nodes - 1, repair_helpers) * repair_bytes_per_sec)",
        unit: "s",
      },
    },
    {
      bottleneck: "Write bandwidth amplification: each ingested byte crosses the network once per replica",
      mitigation:
        "Pipeline data along a chain of replicas (or stream fragments straight from the encoding front-end) so each link carries it once, and place pieces to limit cross-zone traffic",
      formula: {
        yields: "write bandwidth with redundancy",
        expression: "bytes_per_day * storage_overhead / 86400",
        unit: "B/s",
      },
    },
    {
      bottleneck: "Small-file overhead: many tiny files flood the metadata service and waste seeks",
      mitigation: "Pack small objects into large append-only volumes with an in-memory offset index per volume",
    },
  ],
  topicSilhouettes: [
    MEDIA_SILHOUETTE,
    BACKUP_SILHOUETTE,
    {
      topic: "file-sync",
      storage:
        "a metadata journal per namespace (file versions as block-hash lists) over immutable blocks by content hash, replicated or erasure-coded",
      coordination:
        "compare-and-set commits on the parent version, block placement, repair and reference-counted deletion",
      serving: "put and get block by hash",
    },
  ],
  silhouette: {
    storage: "metadata store + chunk placement + replica state",
    coordination: "placement, writer lease, repair/rebalance",
    serving: "metadata lookup + chunk fetch",
  },
  technologies: [
    ...MEDIA_TECHNOLOGIES,
    ...BACKUP_TECHNOLOGIES,
    {
      // a backup service builds its own erasure-coded pack store (its redundancy, nodes and repair are sized), so the
      // substrate it names is one to run, never a managed store bought beside it
      unlessTopic: ["file-sync", "media-store"] as const,
      product: "Ceph (RADOS with RBD, CephFS or RGW)",
      layer: "storage",
      fits: "CRUSH computes placement from a cluster map, primaries order writes per placement group, and the cluster self-heals and rebalances",
      suits: ["durable", "elastic-scale", "large-objects", "linearizable"],
      poorFor: ["operational-simplicity", "low-cost"],
      caveat: "Recovery and rebalancing traffic can swamp client I/O unless throttled, and tuning takes real expertise",
    },
    {
      unlessTopic: OFF,
      product: "HDFS",
      layer: "storage",
      fits: "A NameNode holds the namespace and block map, DataNodes pipeline block replicas across racks for large sequential files",
      suits: ["high-throughput", "large-objects", "durable"],
      poorFor: ["low-latency", "small-metadata", "multi-region"],
      caveat: "The NameNode keeps every block in memory, so many small files exhaust it long before disks fill",
    },
    {
      // a photo store is the object store: buying one would buy the system being designed; a backup service sizes,
      // erasure-codes and repairs its own pack store, so buying a managed one beside it would buy the store twice
      unlessTopic: ["media-store", "backup"] as const,
      product: "Amazon S3 or Google Cloud Storage",
      layer: "storage",
      fits: "Managed object storage with multi-zone redundancy and provider-run repair; both give strong read-after-write consistency per object and conditional writes (S3 If-None-Match and If-Match on the ETag, GCS generation preconditions)",
      suits: [
        "durable",
        "elastic-scale",
        "large-objects",
        "operational-simplicity",
        "read-your-writes",
        "linearizable",
      ],
      poorFor: ["low-latency", "rich-queries"],
      caveat:
        "Objects are replaced whole, not edited in place; per-object conditional writes exist, but listing or renaming a prefix is slow and never atomic across objects",
    },
    {
      product: "MinIO",
      layer: "storage",
      fits: "A self-hosted S3-compatible store that erasure-codes objects across drives and nodes",
      suits: ["durable", "large-objects", "operational-simplicity"],
      poorFor: ["multi-region", "rich-queries"],
      caveat: "Growth happens by adding whole server pools, not by rebalancing onto single new disks",
    },
    {
      unlessTopic: OFF,
      product: "FoundationDB for the metadata tier",
      layer: "coordination",
      // FoundationDB's docs (Features): it scales out by adding machines and partitions its data automatically
      // FoundationDB docs (Architecture): a commit is answered once logged on several transaction log servers; Paxos
      // runs only among the coordinators, so its records are replicated synchronously, not by a consensus group
      fits: "Namespace entries, chunk maps and primary leases need small records changed in serializable transactions and held on several machines before a change is answered, and it partitions its ordered keys across storage servers on its own, so the tier scales out as the namespace grows",
      suits: ["linearizable", "small-metadata", "fail-closed", "elastic-scale"],
      poorFor: ["large-objects", "low-cost"],
      caveat: "Keep bytes out of it: only metadata belongs here",
    },
    {
      unlessTopic: ["file-sync", "object-store", "media-store", "backup"] as const,
      product: "a metadata master of our own over a replicated operation log",
      layer: "coordination",
      // the GFS paper (sections 2.6.3 and 5.1.3): the master logs every metadata change locally and on remote
      // machines before answering, checkpoints its in-memory state, and read-only shadow masters replay the log
      fits: "The namespace and chunk map live in the master's memory; every change goes to an operation log copied to other machines before the client is answered; checkpoints keep replay short; read-only shadow masters follow the log, and a Raft log adds automatic failover",
      suits: ["linearizable", "small-metadata", "fail-closed", "high-throughput"],
      poorFor: ["elastic-scale", "multi-region"],
      caveat:
        "One machine's memory and operation rate bound the namespace; beyond a few billion chunks it must be sharded",
    },
    {
      unlessTopic: OFF,
      product: "Apache Ratis (a Raft library) under the master's operation log",
      layer: "coordination",
      fits: "The master keeps the namespace and chunk map in its own memory and commits each change to a Raft log on a majority of its replicas before applying it, with checkpoints of the in-memory state to bound replay: the state is bounded by the master's memory, not a key-value store's quota",
      suits: ["linearizable", "small-metadata", "fail-closed"],
      poorFor: ["elastic-scale", "operational-simplicity"],
      // apache/ratis README: a Java library implementing Raft for any system that needs a replicated log, with a
      // pluggable state machine and a pluggable Raft log
      caveat: "A library, not a service: the master embeds it and writes its own state machine and checkpoints",
    },
    {
      unlessTopic: OFF,
      product: "etcd for a small metadata tier",
      layer: "coordination",
      fits: "Namespace entries, chunk maps and primary leases need transactional, consensus-replicated small records",
      suits: ["linearizable", "small-metadata", "fail-closed"],
      poorFor: ["large-objects", "low-cost"],
      // etcd's docs (System limits): 2 GiB storage quota by default, 8 GiB suggested maximum
      caveat: "One consensus group holds all of it, so it fits only a namespace of a few gigabytes",
    },
  ],
  connections: [
    {
      to: "I01",
      role: "substrate",
      why: "the namespace, chunk placement and primary leases live on a consensus-replicated metadata store",
    },
    {
      to: "I10",
      role: "input",
      why: "storage node heartbeats and chunk reports decide which replicas count as live and trigger repair",
    },
    {
      to: "I02",
      role: "decorator",
      why: "a primary lease per chunk gives one writer that orders mutations, fenced by the chunk version",
    },
    {
      to: "I04",
      role: "decorator",
      why: "scrubbing, repair audits and garbage collection are checkpointed scans over every chunk",
    },
    {
      to: "I07",
      role: "output",
      why: "hot objects are served through caches or a CDN whose origin is the storage substrate",
    },
  ],
  topicOverlays: [BACKUP_OVERLAY],
  overlay: {
    driver: "client reads and writes on the data path, plus the master's placement, repair and rebalance decisions",
    unit: "one chunk or block, with its replica set and version",
    worker: "storage node daemons that store, serve, copy and scrub chunk replicas",
    slot: "disk capacity, disk and network bandwidth per node, with a separate budget for repair traffic",
    state:
      "FileEntry, ChunkPlacement and ChunkReplica are authoritative; primary leases, node heartbeats and reported chunk lists are the attempt state",
    source: "clients writing files, objects or volume blocks",
    sink: "durable replicas on disks in distinct failure domains, and readers fetching chunks",
    fabric: "the replication pipeline between storage nodes and the client-to-node data path",
    maintenance:
      "re-replicating lost copies, scrubbing checksums, rebalancing onto new nodes, draining retired disks and garbage-collecting unreferenced chunks",
  },
  /** The NFR stance a design takes when the prompt is silent, and where ordering, exclusivity and coordination hold. */
  stance: {
    consistency: "linearizable",
    availability: "fail-closed",
    delivery: "at-least-once",
    ordering: "per-key",
    durability: "durable",
    because:
      "an acknowledged write must survive disk and node loss, and metadata must never point at missing data; a client retries a failed write (GFS record append even lands at least once, leaving duplicates and padding that readers skip), so the substrate is at-least-once and the strong default fits S3, Ceph and HDFS rather than GFS's relaxed region model",
    // the GFS paper (section 2.7, table 1) and MIT 6.824's GFS FAQ: regions are defined, consistent but undefined, or
    // inconsistent; record append is at least once; a stale replica of an append-only file returns a short read
    relaxed: {
      when: String.raw`\bgfs\b|google file system|\bappend(?:s|ed|ing)?\b|append-(?:only|mostly)|\blog files?\b`,
      consistency: "consistent-prefix",
      because:
        "the prompt names GFS or appended files, so the design takes GFS's relaxed model: namespace changes are atomic and ordered by the master's log; a region a write succeeded on alone is defined (every reader sees exactly that write), concurrent successful writes leave it consistent but undefined (the same bytes on every replica, fragments of several writes), a failed write leaves it inconsistent; a record append lands whole at least once at an offset the primary picks, so retries leave padding and duplicates that readers skip by checksum and record id; a reader on a stale cached replica of an append-only file sees a shorter prefix, not other data",
    },
    scopes: {
      ordering: {
        scope: "key",
        why: "mutations to one chunk or file are ordered by its primary or writer lease",
        entities: ["PrimaryLease", "FileLease"],
        otherwise: {
          scope: "key",
          why: "versions of one key are ordered by the metadata service's log; a chunk, once written, never changes",
        },
      },
      exclusivity: {
        scope: "key",
        why: "one writer lease per file or chunk at a time",
        entities: ["PrimaryLease", "FileLease"],
        otherwise: {
          scope: "key",
          why: "no writer holds a chunk: chunks are immutable once written, and only the publish of a key's new version is a conditional write at the metadata service",
        },
      },
      coordination: { scope: "replica group", why: "replicas of a chunk agree on the committed length and version" },
    },
  },
  topicScopes: [FILE_SYNC_SCOPES, MEDIA_SCOPES, BACKUP_SCOPES],
} satisfies ArchetypeInput;
