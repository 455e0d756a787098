import type { ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * The storage substrate under file sync (topic "file-sync", knowledge/topics.ts): a Dropbox-style product keeps its
 * namespace, versions and journal in its own metadata service (the file-sync feature), so the substrate is only an
 * immutable, content-addressed block store. A block is written once under its hash, never edited, and deleted only
 * when no retained file version lists it; nothing here has a file path, an append, a leased primary ordering
 * mutations, or a bucket API.
 *
 * Facts, checked (Dropbox tech blog, "Streaming File Synchronization", 2014): every file is split into 4 MB blocks
 * (the last one shorter), each hashed with SHA-256; a file's contents are its list of block hashes (its blocklist);
 * the Server File Journal holds the metadata (namespace, path, blocklist), not file contents.
 */

export const FILE_SYNC_ENTITIES = [
  {
    name: "FileVersion",
    description:
      "One committed version of a file in its namespace: the path, the version it replaced (its parent), its position in the namespace's journal and the list of block hashes that make up its contents; the journal orders every commit of the namespace, and devices follow it from their cursor.",
    truth: true,
    topic: "file-sync",
  },
  {
    name: "BlockPlacement",
    description:
      "One stored block by its content hash: its size, the redundancy it is kept at (copies or an erasure-code stripe), the storage nodes holding its pieces and their failure domains.",
    truth: true,
    topic: "file-sync",
  },
  {
    name: "BlockReplica",
    description:
      "The bytes of one block (or one erasure-coded fragment of it) on one storage node, with a checksum; immutable once written.",
    truth: true,
    topic: "file-sync",
  },
] as const;

export const FILE_SYNC_WRITES = [
  {
    action:
      "store a block under its SHA-256 hash as copies or erasure-coded fragments on nodes in distinct failure domains, acknowledged once every piece is durable; a hash already stored is not written again",
    entity: "BlockPlacement",
    shape: "create target",
    mechanism: "content-addressing",
    critical: true,
    topic: "file-sync",
  },
  {
    action: "rebuild the pieces of blocks whose healthy copies or fragments dropped below target, fewest left first",
    entity: "BlockPlacement",
    shape: "async process",
    mechanism: "replica-repair",
    hidden: true,
    critical: true,
    topic: "file-sync",
  },
  {
    action: "scrub stored blocks by recomputing their hashes and replace a corrupt piece from a good one",
    entity: "BlockReplica",
    shape: "async process",
    mechanism: "anti-entropy-repair",
    hidden: true,
    topic: "file-sync",
  },
  {
    action:
      "delete a block once no retained file version lists it, after a grace period longer than any upload still waiting to commit",
    entity: "BlockReplica",
    shape: "async process",
    mechanism: "reference-gc",
    hidden: true,
    topic: "file-sync",
  },
] as const;

export const FILE_SYNC_READS = [
  {
    action: "fetch a block by its hash from a node holding a healthy piece, checking the hash of the bytes returned",
    entity: "BlockReplica",
    shape: "read source",
    staleness:
      "none: a block never changes once stored, and bytes whose hash differs from the requested one are never returned",
    topic: "file-sync",
  },
] as const;

export const FILE_SYNC_INVARIANTS = [
  "A block is stored under the hash of its bytes and never changes, so any copy whose hash matches is correct.",
  "A block is acknowledged only when every piece of it is durable.",
  "Each namespace's journal gives every committed change one position, in commit order, so a device that has applied the changes up to its cursor misses none after it.",
  "A block is deleted only when no retained file version lists it, after a grace period longer than any in-flight commit.",
];

/**
 * Where order, exclusivity and agreement hold under file sync: a commit is ordered by its namespace's journal, a
 * file's head moves by compare-and-set on the parent version (no writer lease), and blocks need no order at all.
 */
export const FILE_SYNC_SCOPES = {
  topic: "file-sync",
  ordering: {
    scope: "partition",
    why: "commits are ordered per namespace by its journal, and devices apply them in that order from their cursor",
  },
  exclusivity: {
    scope: "key",
    why: "one file's head moves only by compare-and-set from the parent version the device saw; there is no writer lease, and a stale parent becomes a conflicted copy",
  },
  coordination: {
    scope: "partition",
    why: "a commit is checked and appended within one namespace's journal, after every block it lists is stored",
  },
} as const;

/** Under file sync, what goes wrong with a stale read is a commit from an old parent, not a lagging chunk replica. */
export const FILE_SYNC_STALE_PARENT = {
  id: "stale-write-dangerous",
  topic: "file-sync",
  because:
    "a device that commits from an old parent version would overwrite a newer one from another device, so a commit names its parent and the head moves only by compare-and-set",
} as const;

export const FILE_SYNC_FAILURES = [
  {
    failure:
      "Collected too early: a block is deleted while an upload that will list it has not committed yet, so the new version points at a missing block",
    role: "truth",
    prevention:
      "Count references from committed versions only after a grace period longer than any upload, and have a commit re-check that its blocks exist",
    repair: "The commit answers with the missing blocks and the client uploads them again from its local copy",
    topic: "file-sync",
  },
  {
    failure:
      "A client uploads bytes that do not match the hash it names, and a wrong block would be shared by every file that lists it",
    role: "truth",
    prevention: "The block store recomputes the SHA-256 of every block it receives and refuses a mismatch",
    repair: "A scrub that finds a piece whose hash differs replaces it from a healthy copy",
    topic: "file-sync",
  },
] as const;

export const FILE_SYNC_COMPONENTS: ComponentSpec[] = [
  {
    id: "block-service",
    name: "Block store front-ends (put and get by hash)",
    kind: "gateway",
    runs: ["verify hash", "place pieces", "fetch by hash"],
    because: "stateless front-ends check each block's hash and turn a put into copies or fragments on storage nodes",
    topic: "file-sync",
  },
  {
    id: "block-index",
    name: "Block index (hash to placement, sharded by hash)",
    kind: "store",
    holds: ["BlockPlacement"],
    runs: ["look up hash", "record placement"],
    because:
      "one entry per stored block says where its pieces are; sharding by hash spreads billions of entries evenly",
    topic: "file-sync",
  },
  {
    id: "block-nodes",
    name: "Block storage nodes (copies or fragments in distinct racks)",
    kind: "store",
    holds: ["BlockReplica", "StorageNode"],
    runs: ["store pieces", "serve reads", "scrub"],
    because: "pieces in distinct racks survive a rack loss; hashes catch silent corruption",
    topic: "file-sync",
  },
];

export const FILE_SYNC_LINKS: LinkSpec[] = [
  { from: "block-service", to: "block-index", kind: "request", label: "look up, record placement", topic: "file-sync" },
  { from: "block-service", to: "block-nodes", kind: "request", label: "write pieces, read", topic: "file-sync" },
  { from: "repair", to: "block-index", kind: "control", label: "blocks below target", topic: "file-sync" },
  { from: "repair", to: "block-nodes", kind: "control", label: "rebuild pieces", topic: "file-sync" },
];

export const FILE_SYNC_DATA: DataSpec[] = [
  {
    entity: "BlockPlacement",
    key: ["block_hash"],
    fields: ["size", "redundancy scheme", "nodes with pieces", "reference count"],
    indexes: ["node_id -> blocks"],
    partitionKey: "block_hash",
    owner: "block-index",
    topic: "file-sync",
  },
  {
    entity: "BlockReplica",
    key: ["node_id", "block_hash"],
    fields: ["piece index", "checksum"],
    indexes: [],
    owner: "block-nodes",
    topic: "file-sync",
  },
];

export const FILE_SYNC_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Store a block by its hash",
    notation:
      "block-service[receive a block with its SHA-256 hash] -> block-service>block-index[look up the hash {no BlockPlacement for the hash}] -> block-service>block-nodes[write copies or fragments in distinct failure domains {hash of the bytes = block hash}] -> block-nodes>block-service[durable] -> block-service>block-index[record the placement] -> block-service[stored] |-> block-service[already stored {BlockPlacement exists}] => done | retry",
    topic: "file-sync",
  },
  {
    name: "Repair a block's lost pieces",
    notation:
      "repair>block-index[list blocks below their redundancy target {healthy pieces < target}] -> repair>block-nodes[rebuild the missing piece on a node in a distinct failure domain from healthy pieces {source hashes ok}] -> block-nodes>repair[rebuilt] -> repair>block-index[record the new placement] => done | retry | repair",
    topic: "file-sync",
  },
];
