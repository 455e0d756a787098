import type { DecisionCondition, DecisionPoint } from "../../decisions/types.js";
import { RACK_FAILURE_UNIT, ZONE_FAILURE_UNIT } from "../../regions.js";
import { TOPIC_WORDS } from "../../topics.js";
import { BACKUP_DECISIONS } from "./backup.js";

/** Words that ask for an object store: buckets, whole objects put and got, blobs, an S3-like service. */
/**
 * The object index (an entry for every object: bucket and key, version, size, where its pieces live) is at least one
 * machine's memory: a single in-memory master cannot hold it, so the metadata is partitioned. Read where the design
 * counts its objects (an object store); the figures are `object_index_bytes` and `master_memory_bytes`.
 */
const OBJECT_INDEX_OUTGROWS_ONE_MACHINE: DecisionCondition = {
  number: "object_index_bytes",
  atLeast: 1,
  of: "master_memory_bytes",
};

const OBJECT_STORE = String.raw`\b(?:s3|object (?:storage|store)|blob (?:storage|store)|buckets?|(?:put|get) (?:and|\/) (?:get|put)|objects?\b|video files?|photos?|images?|media|backups?|uploads?|(?:gcs|minio|azure blob))`;

/** Elements of the topology each shape draws (component ids, API operations, protocols, entities, links). */
const FILE_SYSTEM = [
  "chunk-primary",
  "clients>master",
  "clients>chunk-secondaries",
  "open",
  "write",
  "append",
  "read",
  "FileEntry",
  "PrimaryLease",
  "Leased primary write",
  "Verified read with failover",
];
/**
 * What a file system with one writer per file draws (HDFS: the NameNode leases a file to one writer, which streams
 * append-only bytes through a pipeline of DataNodes; no chunk has a primary, no record append, no write at an offset).
 */
const SINGLE_WRITER = [
  "clients>master",
  "clients>chunk-secondaries",
  "chunk-secondaries>chunk-secondaries",
  "open",
  "create",
  "add block",
  "complete",
  "read",
  "FileEntry",
  "FileLease",
  "Pipelined block write",
  "Block read with failover",
];
/** A named system's own words for one writer per file: a prompt that names it takes its write model. */
const SINGLE_WRITER_SYSTEMS = String.raw`\b(?:hdfs|hadoop)\b`;
/** A named system whose chunks are mutated at offsets and appended to by many writers under a leased primary. */
const LEASED_PRIMARY_SYSTEMS = String.raw`\b(?:gfs|google file system)\b`;
/** Wording that belongs to the single-writer file system alone: a per-file writer lease and its pipeline. */
const SINGLE_WRITER_WORDS = [
  String.raw`\bFileLease\b`,
  String.raw`\bwriter lease on (?:a|the) file\b`,
  "DataNode pipeline",
];
const OBJECT_STORE_PARTS = [
  "front-ends",
  "cdn",
  "multipart upload",
  "get object",
  "list objects",
  "ObjectVersion",
  "Upload an object in parts, then commit it",
  "Ranged read through the CDN",
];

/** The decision points: each trade-off, what its options buy and cost, when each wins, and the rules that pick one. */
export const decisions: DecisionPoint[] = [
  {
    id: "i19-interface",
    unlessTopic: ["file-sync", "media-store", "backup"],
    question: "A file system (paths, appends, in-place writes) or an object store (buckets, immutable objects)?",
    options: [
      {
        id: "file-system",
        name: "a file system: paths, appends and writes at offsets, one leased primary ordering each chunk's mutations (GFS-style)",
        buys: "in-place and append writes with one serial order per chunk, and renames inside one namespace",
        costs: "a primary lease per chunk and a mutation protocol across its replicas",
        winsWhen: "clients append to or rewrite files in place (logs, analytics inputs, block volumes)",
        // GFS's model; CephFS is Ceph's file system over RADOS (HDFS has one writer per file: the option below)
        implies: { draws: FILE_SYSTEM, preferTechnology: ["CephFS"], excludes: SINGLE_WRITER_WORDS },
      },
      {
        // Apache Hadoop's package doc: unlike GFS, a file has strictly one writer at a time, bytes only go to the end of
        // the writer's stream, and there is no record append or mutation; the NameNode's lease on the file enforces
        // it, blocks (128 MiB by default) stream through a pipeline of DataNodes. The default placement puts a block's
        // three replicas on two racks (one local, two on one remote rack); the racks decision below asks each replica on
        // its own rack, which is HDFS's rack-fault-tolerant placement policy, so the DataNodes are named that way
        id: "single-writer",
        name: "a file system with one writer per file (HDFS-style): a file lease from the metadata service, and append-only blocks piped through the storage nodes",
        key: String.raw`one writer per file|single[- ]writer`,
        buys: "no per-chunk ordering protocol at all: bytes land in the order the one writer sent them, and a block is immutable once closed",
        costs:
          "no concurrent appends or writes at offsets; many producers need a file each, and a writer that dies holds its file until the lease lapses and is recovered",
        winsWhen:
          "files are written once by one job and then read many times (analytics inputs, logs closed on rotation)",
        // the prompt writes each file once and reads it many times
        wins: [
          {
            words: String.raw`\bwrite[- ]once,? read[- ]many\b|\bwritten once (?:by one (?:job|writer)|and (?:then )?read many)\b`,
          },
        ],
        implies: {
          draws: SINGLE_WRITER,
          preferTechnology: ["HDFS"],
          capacity: [
            {
              quantity: "chunk_bytes",
              value: 134217728,
              why: "HDFS's default block size (dfs.blocksize) is 128 MiB",
            },
          ],
          names: [
            {
              component: "master",
              name: "NameNode (namespace, block map and file leases, its edit log replicated before it answers)",
              runs: ["namespace", "file leases", "block placement"],
            },
            {
              component: "chunk-secondaries",
              name: "DataNodes (block replicas, each on its own rack)",
              runs: ["store blocks", "forward packets down the pipeline", "serve reads", "checksum"],
            },
          ],
          excludes: [
            "primary lease",
            "primary grant",
            "partitioned primary",
            "serial (mutation )?order",
            ":append\\b",
            String.raw`\brecord appends?\b`,
          ],
        },
      },
      {
        id: "object-store",
        name: "an object store: buckets of immutable objects written whole by multipart upload, read by byte range behind a CDN (S3-style)",
        buys: "no mutation ordering at all: an object version is written once, committed atomically, then only read or deleted",
        costs: "no appends or partial rewrites; an edit uploads a new version",
        winsWhen: "the prompt stores whole objects (media, backups, uploads) in buckets",
        implies: {
          draws: OBJECT_STORE_PARTS,
          // S3, GCS and MinIO are object stores; Ceph serves objects through its RADOS gateway (RGW)
          preferTechnology: ["S3", "Cloud Storage", "MinIO", "RGW"],
          excludes: [
            "primary lease",
            "primary grant",
            "partitioned primary",
            "serial (mutation )?order",
            ":append\\b",
            String.raw`\brecord appends?\b`,
            ...SINGLE_WRITER_WORDS,
          ],
        },
      },
    ],
    rules: [
      {
        when: [{ words: SINGLE_WRITER_SYSTEMS }],
        option: "single-writer",
        because: "the prompt names a file system whose files have one writer at a time, so its write model is that one",
      },
      {
        when: [{ words: LEASED_PRIMARY_SYSTEMS }],
        option: "file-system",
        because:
          "the prompt names a file system whose chunks take concurrent writes at offsets and record appends, ordered by a leased primary",
      },
      {
        when: [{ words: OBJECT_STORE }],
        option: "object-store",
        because: "the prompt asks for objects in buckets, put and got whole",
      },
      {
        // an immutable artifact's blob or manifest (I14's records, also a sync feature's content-hashed blocks)
        when: [{ invariant: String.raw`\b(?:Blob|Manifest)\b|content[- ]address` }],
        option: "object-store",
        because:
          "the design keeps immutable content-addressed blobs, each written whole once and never appended to or rewritten in place",
      },
    ],
    fallback: {
      option: "file-system",
      because: "a chunk store's clients usually append to and rewrite files by path",
    },
  },
  {
    id: "i19-redundancy",
    question: "Replicate chunks, or erasure-code them?",
    options: [
      {
        id: "replication",
        name: "three full replicas",
        key: String.raw`(?:three|3) full replicas|replicated whole|whole replicas`,
        buys: "simple repair and fast reads from any copy",
        costs: "3x the raw bytes",
        winsWhen: "data is hot, the store is small, or files are appended and rewritten in place",
        implies: {
          addMechanisms: ["replica-repair"],
          capacity: [
            { quantity: "storage_overhead", value: 3, why: "three full copies of every byte" },
            { quantity: "min_storage_nodes", value: 3, why: "one copy per node in distinct failure domains" },
            { quantity: "tolerated_losses", value: 2, why: "any one surviving copy of three still holds the data" },
            {
              quantity: "repair_read_amplification",
              value: 1,
              why: "a lost replica is copied whole from one surviving copy",
            },
          ],
        },
      },
      {
        id: "erasure-coding",
        // CubeFS's BlobStore (blobstore/common/codemode/codemode.go) keeps its three-zone code modes, EC6P6 and
        // EC15P12, at no more pieces in one zone than the code has parity, so a whole zone's loss still decodes; its
        // 6+3 mode is for a single zone
        name: "erasure coding (for example Reed-Solomon 6+6 spread 4 fragments to each of 3 zones, 2x)",
        key: String.raw`erasure[- ]cod(?:ing|ed)|Reed[- ]Solomon`,
        buys: "survives a whole zone's loss with 2 fragments to spare, more than three replicas survive, at two thirds of their raw bytes",
        costs:
          "repair reads 6 fragments to rebuild one; small or hot reads pay decode latency; pieces are written once, not mutated",
        winsWhen: "petabytes of immutable, mostly cold objects",
        implies: {
          addMechanisms: ["replica-repair"],
          capacity: [
            { quantity: "storage_overhead", value: 2, why: "(6 + 6) / 6 raw bytes per byte of data" },
            {
              quantity: "min_storage_nodes",
              value: 12,
              why: "each of a stripe's 12 fragments on its own node, 4 in each zone",
            },
            {
              quantity: "tolerated_losses",
              value: 6,
              why: "any 6 of a stripe's 12 fragments rebuild it, so a zone's 4 can go with 2 more",
            },
            {
              quantity: "repair_read_amplification",
              value: 6,
              why: "rebuilding one lost fragment reads the stripe's 6 data-sized fragments from other nodes",
            },
          ],
          excludes: ["primary lease", "primary grant", "partitioned primary", "serial (mutation )?order"],
        },
      },
    ],
    rules: [
      { when: [{ latencyAtMost: 10 }], option: "replication", because: "a tight read-latency target" },
      {
        when: [{ stated: "replicas", matching: String.raw`\b(?:copies|replicas|replicated)\b` }],
        option: "replication",
        because: "the prompt asks for whole copies",
      },
      {
        when: [{ words: TOPIC_WORDS["file-sync"] }, { number: "bytes_stored", atLeast: 1e15 }],
        option: "erasure-coding",
        because:
          "a file-sync product's blocks are immutable and addressed by hash, at a petabyte and more: the raw-byte saving dominates",
      },
      {
        when: [{ words: TOPIC_WORDS.backup }, { number: "bytes_stored", atLeast: 1e15 }],
        option: "erasure-coding",
        because:
          "backed-up chunks are immutable and read only on restore, at a petabyte and more: the raw-byte saving dominates",
      },
      {
        when: [{ words: OBJECT_STORE }, { number: "bytes_stored", atLeast: 1e15 }],
        option: "erasure-coding",
        because:
          "immutable objects at a petabyte and more: the raw-byte saving dominates and nothing is mutated in place",
      },
      {
        // HDFS erasure-codes whole directories (RS 6+3 by default) but its coded files take no append, hflush or
        // hsync: coding suits closed, cold files, never ones still being written
        when: [{ number: "bytes_stored", atLeast: 1e15 }],
        option: "replication",
        because:
          "files and volumes are written while open (appends, flushes, writes in place), which whole replicas take as they come; at a petabyte and more, erasure-coding files once they are closed and cold is what saves raw bytes, not coding data still being written",
      },
    ],
    fallback: { option: "replication", because: "the store is small enough that simplicity wins" },
  },
  {
    // HDFS's placement docs: the default policy puts a block's three replicas on two racks (one on the writer's, two
    // on one remote rack), and BlockPlacementPolicyRackFaultTolerant puts them on three, so two racks down at once
    // leave a block readable
    id: "i19-failure-domain",
    unlessTopic: ["file-sync", "media-store", "backup"],
    question:
      "Which failure domain are a chunk's pieces spread over: the racks of one data centre, or availability zones?",
    options: [
      {
        id: "racks",
        name: "rack-aware placement in one data centre, each of a chunk's pieces on its own rack",
        buys: "a whole rack's loss (its top-of-rack switch or power feed) costs each chunk at most one piece, and writes and repair stay on one data centre's network",
        costs:
          "the data centre is itself one failure domain: losing it loses the data unless another site keeps a copy",
        winsWhen: "the prompt names a rack as the failure the store must survive",
        wins: [
          {
            words: "\\bracks?\\b",
            unless: "\\b(?:availability zones?|zones?|azs?|data ?cent(?:er|re)s?|datacent(?:er|re)s?|regions?)\\b",
          },
        ],
        implies: { excludes: [String.raw`\bwhole zone\b`] },
      },
      {
        id: "zones",
        name: "zone-aware placement, a chunk's pieces spread evenly over three availability zones",
        buys: "a whole zone's loss (a data centre) costs a third of a chunk's pieces, and any one rack within it less",
        costs: "every write and every repair crosses zones, paying inter-zone bandwidth and latency",
        winsWhen: "the prompt names zones or data centres, or the store runs in a cloud region",
        implies: { excludes: [String.raw`\bone rack's loss\b`] },
      },
    ],
    rules: [
      {
        when: [{ words: RACK_FAILURE_UNIT, unless: ZONE_FAILURE_UNIT }],
        option: "racks",
        because: "the prompt names a rack, and no zone or data centre, as the failure the store must survive",
      },
    ],
    fallback: {
      option: "zones",
      because:
        "a cloud region commonly offers three availability zones, and spreading over them also survives any one rack",
    },
  },
  {
    id: "i19-metadata",
    unlessTopic: ["file-sync", "media-store", "backup"],
    question: "One metadata master, or sharded metadata?",
    options: [
      {
        id: "single-master",
        name: "one metadata master holding the whole namespace in memory, its operation log replicated before it answers (GFS-style)",
        buys: "simple, globally informed placement and repair",
        costs: "the namespace is bounded by one machine's memory and request rate",
        winsWhen: "the chunks and objects it tracks fit one machine's memory comfortably",
        // the GFS master: metadata in memory, every change logged locally and on remote machines before it answers
        implies: {
          addMechanisms: ["consensus-replication"],
          preferTechnology: ["replicated operation log", "Apache Ratis"],
        },
      },
      {
        id: "sharded-metadata",
        name: "sharded metadata in a transactional key-value store (FoundationDB-style, as Colossus does on Bigtable)",
        buys: "the namespace grows without a single-machine limit",
        costs: "cross-shard renames and listings become distributed operations",
        winsWhen: "there are billions of chunks, or the object index outgrows one machine's memory",
        // an object store counts its objects beside its chunks: their index entries against one machine's memory
        wins: [{ any: [{ number: "chunks", atLeast: 1000000000 }, OBJECT_INDEX_OUTGROWS_ONE_MACHINE] }],
        implies: {
          addMechanisms: ["consensus-replication"],
          preferTechnology: ["FoundationDB"],
          // one consensus group holding the whole namespace is the single master's (its memory bottleneck)
          excludes: [String.raw`\bsingle consensus group\b`],
        },
      },
    ],
    rules: [
      {
        when: [{ number: "chunks", atLeast: 1e9 }],
        option: "sharded-metadata",
        because: "the chunk count outgrows one machine",
      },
      {
        when: [OBJECT_INDEX_OUTGROWS_ONE_MACHINE],
        option: "sharded-metadata",
        because: "one master's memory cannot hold an index entry for every object",
      },
    ],
    fallback: { option: "single-master", because: "the metadata fits one group's memory" },
  },
  ...BACKUP_DECISIONS,
];
