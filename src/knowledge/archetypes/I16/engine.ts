import type { z } from "zod";
import { fig, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { MechanismId } from "../../mechanisms/catalog.js";
import type { Technology } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * Key-scoped state kept by one process on one machine (topic "storage-engine", knowledge/topics.ts): an embedded
 * log-structured merge (LSM) storage engine like RocksDB or LevelDB. Its parts are threads and files, not nodes:
 * writers queue, a leader appends the group's records to the write-ahead log with one fsync and gives each write the
 * next sequence number, the writes go into an in-memory skip list (the memtable), a full memtable becomes immutable
 * and a flush thread writes it out as a sorted string table (data blocks, an index block, a Bloom filter block);
 * compaction threads merge tables level by level; every change to the set of live files is an edit appended to the
 * MANIFEST, and a new MANIFEST is made current by rewriting the CURRENT pointer. Reads take a sequence number as
 * their snapshot and look in the memtables, then the tables newest first, skipping a table whose filter says the key
 * is absent. Replication, consensus and shards belong to the stores built on top (a replicated key-value store is
 * the card's own shape), never to this subject.
 *
 * Facts, checked against primary sources:
 * - RocksDB wiki, WAL Performance: with WriteOptions.sync = false (the default) a write reaches the OS page cache,
 *   not the disk; with sync = true the WAL is fsynced before the write returns. Concurrent writes that qualify are
 *   combined and written to the WAL once with one fsync (group commit), up to a 1 MB group.
 * - RocksDB WriteOptions: a sync = false write survives a process crash (it is in the page cache) but may be lost
 *   when the machine crashes; sync = true behaves like write() followed by fdatasync().
 * - RocksDB wiki, MANIFEST: file system operations are not atomic, so the engine keeps a transactional log of its
 *   state changes (version edits) in MANIFEST-<n> files; CURRENT names the latest one. A new manifest starts with a
 *   snapshot of the state, CURRENT is switched to it and synced, and the old one is then removed.
 * - RocksDB wiki, Bloom Filter: each SST file carries a filter built when the file is written; about 10 bits per
 *   key gives roughly a 1% false positive rate. (The standard Bloom bound with the best number of probes is
 *   0.6185^bits_per_key, 0.8% at 10 bits.)
 * - RocksDB wiki, Write Stalls: writes slow down and then stop when too many memtables wait to be flushed
 *   (max_write_buffer_number), when level 0 holds too many files (level0_slowdown_writes_trigger 20 and
 *   level0_stop_writes_trigger 36 by default) or when the estimated compaction debt passes the soft and hard
 *   pending-compaction-bytes limits.
 * - RocksDB wiki, Universal Compaction and Tuning Guide: leveled compaction (the default) merges a smaller sorted run
 *   into a larger one eagerly; tiered (universal) waits for runs of similar size, writing far less at the cost of
 *   more sorted runs to read and, during a full compaction, up to twice the space. Write amplification is bytes
 *   written to storage over bytes written to the database.
 * - LevelDB implementation notes (doc/impl.md): the log holds recent updates and a copy of it is the memtable; a
 *   sorted table holds entries sorted by key, each a value or a deletion marker kept to hide older values; tables
 *   from a log go to level 0, whose files may overlap, and compaction merges them into the next level.
 * - O'Neil, Cheng, Gawlick, O'Neil, "The Log-Structured Merge-Tree" (1996): inserts go to a small in-memory
 *   component and are merged into larger disk components in batches, trading read work for far cheaper writes than
 *   a B-tree updated in place.
 * Planning figures (SSD bandwidth and fsync time, block and memtable sizes, the level size ratio, cache hit ratio)
 * are assumptions, said as such in their rows.
 */

type TechnologyInput = z.input<typeof Technology>;

const T = "storage-engine" as const;

export const ENGINE_ENTITIES = [
  {
    name: "WalRecord",
    description:
      "One write batch appended to the current write-ahead log file: its first sequence number, the puts and deletes it carries and a checksum; the only copy of a write until its memtable is flushed.",
    stance: {
      consistency: "linearizable",
      availability: "fail-closed",
      because:
        "one process holds every write, so a read sees every write acknowledged before it; with no other copy, the engine is down while its machine is, and a failed sync turns it read-only rather than acknowledge what the disk may not hold",
    },
    truth: true,
    topic: T,
  },
  {
    name: "MemtableEntry",
    description:
      "One write in the in-memory skip list, ordered by user key and then by sequence number, newest first: a value, or a deletion marker; rebuilt from the WAL after a crash.",
    truth: false,
    topic: T,
  },
  {
    name: "SSTable",
    description:
      "One immutable sorted string table file by its file number: data blocks of sorted entries (values and deletion markers), an index block of each data block's last key, a Bloom filter block and a footer; its level and key range are recorded in the MANIFEST.",
    truth: true,
    topic: T,
  },
  {
    name: "VersionEdit",
    description:
      "One change to the set of live files appended to the MANIFEST: the tables a flush or compaction adds and removes per level, the WAL number whose writes are now in tables, the last sequence number and the next file number; CURRENT names the manifest in use.",
    truth: true,
    topic: T,
  },
  {
    name: "ReadSnapshot",
    description:
      "A sequence number a reader or iterator holds: it sees every write at or below it and none above, and compaction keeps the newest older version each held snapshot can see.",
    truth: false,
    topic: T,
  },
] as const;

export const ENGINE_WRITES = [
  {
    action:
      "put or delete a key: the batch joins the writer queue, whose leader appends the whole group to the WAL with one fsync when any of them asked for sync, gives each write the next sequence number and inserts it into the memtable before any is acknowledged",
    entity: "WalRecord",
    shape: "append event",
    mechanism: "write-ahead-log",
    critical: true,
    topic: T,
  },
  {
    action:
      "switch a full memtable to immutable with a new WAL file, write it out as a sorted table (data, index and filter blocks), sync the file, then append a version edit adding it and marking the old WAL obsolete",
    entity: "SSTable",
    shape: "async process",
    mechanism: "head-pointer-cas",
    critical: true,
    topic: T,
  },
  {
    action:
      "compact: merge a level's overlapping tables into the next level's, keep the newest version of each key plus the newest one each open snapshot can see, drop deletion markers once no lower level has the key, and install the result by one version edit",
    entity: "SSTable",
    shape: "async process",
    mechanism: "tombstones",
    topic: T,
  },
  {
    action:
      "roll the MANIFEST: write a new manifest with the whole current version, sync it, point CURRENT at it by writing a temporary file and renaming it over CURRENT, then delete the old manifest",
    entity: "VersionEdit",
    shape: "state transition",
    mechanism: "head-pointer-cas",
    hidden: true,
    topic: T,
  },
  {
    action:
      "slow down, then stop, incoming writes while immutable memtables, level-0 files or pending compaction bytes are past their limits, until flush and compaction catch up",
    entity: "MemtableEntry",
    shape: "async process",
    mechanism: "load-shedding",
    hidden: true,
    topic: T,
  },
] as const;

export const ENGINE_READS = [
  {
    action:
      "get a key at a snapshot sequence: the active memtable, the immutable ones, then level 0's tables newest first and one table per deeper level, each table skipped when its Bloom filter says the key is absent, its block found by the index and read through the block cache",
    entity: "SSTable",
    shape: "read source",
    staleness: "none: every write acknowledged before the read took its sequence number is seen",
    topic: T,
  },
  {
    action:
      "iterate a key range at a snapshot: one merging iterator over the memtables and every level, newest version at or below the snapshot per key, deletion markers hiding older values",
    entity: "ReadSnapshot",
    shape: "read projection",
    staleness: "the snapshot's sequence number, fixed for the whole scan",
    topic: T,
  },
] as const;

const ACKED_SURVIVES =
  "A write acknowledged with sync is in a WAL record that was fsynced before the acknowledgement, so it survives a crash of the process or the machine; a write without sync survives a process crash but may be lost with the machine.";
const SEQUENCE_ORDER =
  "Every write has a sequence number above every earlier write's, given in WAL order; a read at sequence s sees exactly the writes at or below s, newest first per key.";
const MANIFEST_ATOMIC =
  "The live set of tables changes only by a version edit appended and synced to the MANIFEST after the new tables are synced, and a new MANIFEST becomes current only by renaming CURRENT; a crash leaves the old version or the new one, never a mix.";
const RECOVERY_REPLAYS =
  "Recovery loads the version CURRENT names and replays every WAL record above the last sequence number its tables hold, stopping at the first record whose checksum fails; no WAL file is deleted before a version edit says its writes are in tables.";
const TOMBSTONE_BOTTOM =
  "A deletion marker is dropped only by a compaction into the level below which no table holds the key and no held snapshot can see an older value; until then it hides every older value of the key.";

export const ENGINE_INVARIANTS = [ACKED_SURVIVES, SEQUENCE_ORDER, MANIFEST_ATOMIC, RECOVERY_REPLAYS, TOMBSTONE_BOTTOM];

/** The mechanism that keeps each of the engine's rules (`keptBy` on the card's invariant marks). */
export const ENGINE_KEPT_BY: Readonly<Record<string, MechanismId>> = {
  [ACKED_SURVIVES]: "write-ahead-log",
  [SEQUENCE_ORDER]: "op-sequencer",
  [MANIFEST_ATOMIC]: "head-pointer-cas",
  [RECOVERY_REPLAYS]: "replay-rebuild",
  [TOMBSTONE_BOTTOM]: "tombstones",
};

export const ENGINE_SCOPES = {
  topic: T,
  ordering: {
    scope: "global",
    why: "one sequence number orders every write in the database, in the order the WAL holds them",
  },
  exclusivity: {
    scope: "global",
    why: "one writer-queue leader appends to the WAL at a time, and one thread at a time installs a version edit",
  },
  coordination: {
    scope: "global",
    why: "threads of one process share one WAL, one memtable and one MANIFEST under a mutex; nothing is coordinated across machines",
  },
} as const;

export const ENGINE_FAILURES = [
  {
    failure:
      "The process crashes while the writer queue's leader is between appending a group to the WAL and inserting it into the memtable",
    role: "coordination",
    prevention:
      "No write in the group is acknowledged, and no reader is given its sequence number, until the whole group is in the WAL (fsynced when asked) and in the memtable",
    repair:
      "The restart replays the WAL, so every record that reached it comes back at its own sequence number; a caller that saw no acknowledgement writes again",
    topic: T,
  },
  {
    failure: "The machine loses power between a write and its acknowledgement, leaving a torn record at the WAL's tail",
    role: "truth",
    prevention:
      "Every record carries a checksum and a sync write is acknowledged only after the fsync that covers its group returns",
    repair:
      "Recovery replays records up to the first bad checksum and drops the torn tail, which held only unacknowledged writes",
    topic: T,
  },
  {
    failure: "The process crashes in the middle of a flush or a compaction",
    role: "truth",
    prevention:
      "New tables are written and synced before the version edit that adds them, and the WAL is kept until an edit says its writes are in tables",
    repair:
      "On restart the MANIFEST names the old files, the half-written tables are deleted as orphans and the WAL is replayed into a memtable again",
    topic: T,
  },
  {
    failure:
      "Compaction falls behind the write rate: level-0 files and pending compaction bytes pile up (compaction debt)",
    role: "derived",
    prevention:
      "Size compaction threads and disk bandwidth for the write amplification, and slow writes down before the debt stops them (write stalls)",
    repair:
      "Writes are delayed, then stopped, until compaction drains level 0; more compaction threads or tiered compaction cut the debt for good",
    topic: T,
  },
  {
    failure: "The disk fills up",
    role: "truth",
    prevention:
      "Keep free space for the largest compaction's output (tiered compaction can briefly need the database's size again) and refuse writes at a reserved floor",
    repair:
      "The engine turns read-only instead of writing a torn file; after space is freed, it resumes from the last synced version",
    topic: T,
  },
  {
    failure: "A table's block is corrupt on the SSD (a bit flip or a bad sector)",
    role: "truth",
    prevention: "Every block carries a checksum verified on read and during compaction",
    repair:
      "The read fails loudly instead of returning wrong data; the file is restored from a backup or a replica kept by the store built on top",
    topic: T,
  },
] as const;

export const ENGINE_BOTTLENECKS = [
  {
    bottleneck: "fsyncs a second: one sync write per fsync caps the engine at the SSD's fsync rate",
    mitigation:
      "Group commit: the writer-queue leader syncs the whole group of concurrent writes with one fsync, so writes per second grow with writers while fsyncs stay at the disk's rate",
    formula: {
      yields: "writes each fsync carries",
      expression: "writes_per_sec * wal_fsync_seconds",
      unit: "writes",
    },
    topic: T,
  },
  {
    bottleneck: "Compaction rewrites every byte many times, and the SSD's write bandwidth is shared with the WAL",
    mitigation:
      "Pick the compaction style by write amplification against the SSD's budget, compress the lower levels and rate-limit compaction so the WAL keeps its share",
    formula: {
      yields: "SSD write bandwidth under leveled compaction",
      expression: "writes_per_sec * (key_bytes + value_bytes) * leveled_write_amp",
      unit: "B/s",
    },
    topic: T,
  },
] as const;

export const ENGINE_TECHNOLOGIES: TechnologyInput[] = [
  {
    product: "NVMe SSD with power-loss protection",
    layer: "storage",
    fits: "Its capacitors let the drive acknowledge an fsync from its cache safely, so a sync costs tens of microseconds and group commit has room to spare",
    suits: ["durable", "high-throughput", "low-latency"],
    poorFor: ["low-cost"],
    caveat:
      "A consumer drive without it either syncs slowly or lies about the sync; check the drive honours flushes before promising sync writes",
    topic: T,
  },
  {
    product: "LZ4 for upper levels and ZSTD for the bottom level (block compression)",
    layer: "storage",
    fits: "Most bytes live in the bottom level, so compressing it hard saves space and compaction bandwidth while the hot upper levels stay cheap to decompress",
    suits: ["low-cost", "high-throughput"],
    poorFor: ["low-latency"],
    caveat: "Compression spends CPU on every flush, compaction and cache miss",
    topic: T,
  },
];

export const ENGINE_COMPONENTS: ComponentSpec[] = [
  {
    id: "engine-callers",
    name: "Application threads (Put, Delete, Write batch, Get, iterators, snapshots)",
    kind: "client",
    runs: ["put or delete", "get at a snapshot", "iterate a range"],
    because: "the engine is a library inside one process; its callers are that process's threads",
    topic: T,
  },
  {
    id: "write-queue",
    name: "Writer queue (one leader per group: WAL append, one fsync, sequence numbers, memtable insert)",
    kind: "service",
    runs: ["group concurrent writes", "assign sequence numbers", "insert into the memtable"],
    because: "one fsync must carry many writes, and sequence numbers must follow the WAL's order",
    topic: T,
  },
  {
    id: "wal",
    name: "Write-ahead log files (append-only, checksummed records, fsynced per group)",
    kind: "log",
    holds: ["WalRecord"],
    runs: ["append a group's records", "fsync", "replay after a crash"],
    because: "a write lives only in memory until its memtable is flushed, so the log is what makes it durable",
    topic: T,
  },
  {
    id: "memtables",
    name: "Memtables (active skip list plus immutable ones waiting to flush)",
    kind: "cache",
    holds: ["MemtableEntry"],
    runs: ["insert by key and sequence", "serve reads of recent writes", "turn immutable when full"],
    because: "writes are sorted in memory so that a flush writes one sorted file sequentially",
    topic: T,
  },
  {
    id: "flush-thread",
    name: "Flush thread (immutable memtable to a level-0 table)",
    kind: "worker-pool",
    runs: ["write a sorted table", "sync it", "install it by a version edit"],
    because: "turning memory into files off the write path keeps writers from waiting on table building",
    topic: T,
  },
  {
    id: "compaction",
    name: "Compaction threads (merge tables level by level, drop shadowed versions and bottom-level deletion markers)",
    kind: "worker-pool",
    runs: ["pick the level most over its target", "merge sorted runs", "install the result by a version edit"],
    because: "without merging, every read would search every flushed file and deleted data would never free space",
    topic: T,
  },
  {
    id: "sst-files",
    name: "Sorted table files on the SSD, by level (data, index and Bloom filter blocks)",
    kind: "store",
    holds: ["SSTable"],
    runs: ["serve blocks", "hold each level's key ranges"],
    because: "immutable sorted files written sequentially are what the SSD stores cheapest and reads by key fastest",
    topic: T,
  },
  {
    id: "manifest",
    name: "MANIFEST and CURRENT (the version edit log and the pointer to it)",
    kind: "log",
    holds: ["VersionEdit"],
    runs: ["append and sync a version edit", "roll to a new manifest", "rename CURRENT"],
    because: "file system operations are not atomic, so the set of live files is itself a log replayed on open",
    topic: T,
  },
  {
    id: "block-cache",
    name: "Block cache (LRU of data, index and filter blocks in memory)",
    kind: "cache",
    runs: ["serve hot blocks", "keep index and filter blocks resident"],
    because: "a hit costs no SSD read, and filters and indexes are touched on every lookup",
    topic: T,
  },
];

export const ENGINE_LINKS: LinkSpec[] = [
  { from: "engine-callers", to: "write-queue", kind: "request", label: "Put, Delete, Write(batch, sync)", topic: T },
  { from: "write-queue", to: "wal", kind: "request", label: "append the group, one fsync", topic: T },
  { from: "write-queue", to: "memtables", kind: "request", label: "insert at sequence numbers", topic: T },
  { from: "memtables", to: "flush-thread", kind: "stream", label: "immutable memtable", topic: T },
  { from: "flush-thread", to: "sst-files", kind: "request", label: "write and sync a level-0 table", topic: T },
  { from: "flush-thread", to: "manifest", kind: "request", label: "version edit: add table, WAL obsolete", topic: T },
  { from: "compaction", to: "sst-files", kind: "request", label: "merge level n into n+1", topic: T },
  { from: "compaction", to: "manifest", kind: "request", label: "version edit: add and remove tables", topic: T },
  { from: "engine-callers", to: "memtables", kind: "request", label: "Get at a snapshot", topic: T },
  { from: "engine-callers", to: "block-cache", kind: "request", label: "table blocks for a Get or iterator", topic: T },
  { from: "block-cache", to: "sst-files", kind: "request", label: "read a block on a miss", topic: T },
];

export const ENGINE_API: ApiSpec[] = [
  {
    operation: "put or delete",
    call: "Write(WriteOptions{sync}, batch of Put(key, value) and Delete(key))",
    request: ["batch", "sync (true: fsynced before return)", "disable_wal (false)"],
    response: ["ok with the batch's sequence number"],
    errors: [
      "IOError (disk full or failed sync: the engine turns read-only)",
      "Incomplete (stalled, with no_slowdown)",
    ],
    guarantee:
      "the whole batch is applied at consecutive sequence numbers or not at all; with sync it survives a machine crash, without sync a process crash",
    topic: T,
  },
  {
    operation: "get",
    call: "Get(ReadOptions{snapshot}, key)",
    request: ["key", "snapshot (optional: the latest sequence otherwise)"],
    response: ["value, or not found"],
    errors: ["Corruption (a block checksum failed)"],
    guarantee: "the newest value at or below the snapshot's sequence, or not found if a deletion marker is newer",
    topic: T,
  },
  {
    operation: "iterate",
    call: "NewIterator(ReadOptions{snapshot}) then Seek(start), Next() until the end key",
    request: ["start key", "end key", "snapshot"],
    response: ["keys and values in order"],
    errors: ["Corruption (a block checksum failed)"],
    guarantee: "one consistent view at the snapshot's sequence for the whole scan, whatever writes or compactions run",
    topic: T,
  },
  {
    operation: "snapshot",
    call: "GetSnapshot() / ReleaseSnapshot(s)",
    request: [],
    response: ["the current last sequence number, held until released"],
    errors: [],
    guarantee: "compaction keeps every version a held snapshot can see",
    topic: T,
  },
];

export const ENGINE_DATA: DataSpec[] = [
  {
    entity: "WalRecord",
    key: ["log_number", "offset"],
    fields: ["first sequence", "count", "puts and deletes", "crc32c"],
    indexes: [],
    partitionKey: "none (one log per database)",
    owner: "wal",
    topic: T,
  },
  {
    entity: "MemtableEntry",
    key: ["user_key", "sequence (descending)"],
    fields: ["type (value or deletion)", "value"],
    indexes: ["skip list order"],
    partitionKey: "none (one memtable per database)",
    owner: "memtables",
    topic: T,
  },
  {
    entity: "SSTable",
    key: ["file_number"],
    fields: [
      "level",
      "smallest and largest key",
      "smallest and largest sequence",
      "data blocks",
      "index block",
      "filter block",
      "footer",
    ],
    indexes: ["per level: key range to file", "index block: last key to data block"],
    partitionKey: "key range within a level",
    owner: "sst-files",
    topic: T,
  },
  {
    entity: "VersionEdit",
    key: ["manifest_number", "edit_offset"],
    fields: [
      "files added (level, number, key range)",
      "files removed",
      "log number",
      "last sequence",
      "next file number",
    ],
    indexes: [],
    partitionKey: "none (one MANIFEST, named by CURRENT)",
    owner: "manifest",
    topic: T,
  },
];

export const ENGINE_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Write with sync through group commit",
    notation:
      "engine-callers>write-queue[Write(batch, sync) joins the queue] -> write-queue>wal[the leader appends every queued batch as checksummed records] -> write-queue>wal[one fsync for the group {any batch asked for sync}] -> write-queue>memtables[insert each write at its sequence number] -> write-queue>engine-callers[ok with the sequence number {fsync returned}] |-> write-queue>engine-callers[IOError, engine read-only {fsync or append failed}] => done",
    topic: T,
  },
  {
    name: "Flush a memtable and install the table",
    notation:
      "memtables>flush-thread[immutable memtable, new WAL already started] -> flush-thread>sst-files[write data, index and filter blocks, then sync the file] -> flush-thread>manifest[append and sync a version edit: add the table at level 0, WAL obsolete {table synced}] -> flush-thread>memtables[drop the immutable memtable] |-> flush-thread>sst-files[delete the orphan table {crash before the edit}] => done | retry",
    topic: T,
  },
  {
    name: "Compact a level",
    notation:
      "compaction>manifest[pick the level most over its target and its overlapping tables] -> compaction>sst-files[merge the sorted runs: newest version per key and per open snapshot, deletion markers dropped {no lower level has the key}] -> compaction>sst-files[sync the new tables] -> compaction>manifest[append and sync one version edit adding the new tables and removing the inputs] => done | retry",
    topic: T,
  },
  {
    name: "Recover after a crash",
    notation:
      "engine-callers>manifest[open: read CURRENT, replay the MANIFEST's edits into the live version] -> engine-callers>wal[replay records above the version's last sequence into a memtable] -> engine-callers>wal[stop at the first record whose checksum fails {torn tail}] -> engine-callers>flush-thread[flush the recovered memtable and install it] => done",
    topic: T,
  },
  {
    name: "Get a key at a snapshot",
    notation:
      "engine-callers>memtables[look up the key at or below the snapshot sequence] -> engine-callers>block-cache[for each table that may hold it, newest first: check its Bloom filter {filter says maybe}] -> block-cache>sst-files[read the index and data block on a miss] -> engine-callers[newest version found, or not found if a deletion marker is newer] => done",
    topic: T,
  },
];

/** The engine's figures: WAL bytes and fsyncs from the stated writes, memtable flushes, levels, write amplification, filters and the read path. */
export const ENGINE_CAPACITY: CapacityModel = {
  inputs: [
    {
      quantity: "writes_per_sec",
      typical: 20000,
      why: "an embedded store on one SSD commonly takes tens of thousands of small writes a second (a planning figure)",
      from: {
        expression: "writes_per_sec_per_node",
        why: "the engine is the one machine, so the rate stated for the machine is the engine's",
      },
    },
    {
      quantity: "reads_per_sec",
      typical: 100000,
      why: "a planning figure: about one point read for every write",
      from: {
        expression: "writes_per_sec * read_write_ratio",
        why: "the stated writes at the usual read-to-write ratio",
      },
    },
    inp("read_write_ratio", 1, "a planning figure: an ingest-heavy engine reads about as often as it writes"),
    inp("value_bytes"),
    {
      quantity: "key_bytes",
      label: "bytes of one key with its sequence number and type",
      unit: "B",
      typical: 32,
      why: "a 24-byte key plus the 8 bytes of sequence number and type every internal key carries (a planning figure)",
    },
    {
      quantity: "objects",
      typical: 1000000000,
      why: "a planning figure: a billion live keys on one machine",
      from: {
        expression: "bytes_stored / (key_bytes + value_bytes)",
        why: "the stated bytes held, over the bytes of one key and its value",
      },
    },
    inp("target_utilisation"),
    {
      quantity: "ssd_write_bytes_per_sec",
      label: "sustained sequential write bandwidth of the SSD",
      unit: "B/s",
      typical: 2000000000,
      why: "a datacenter NVMe SSD sustains about 2 GB/s of sequential writes (a planning figure)",
    },
    {
      quantity: "wal_fsync_seconds",
      label: "time for one fsync of the WAL",
      unit: "s",
      typical: 0.0005,
      why: "an NVMe SSD with power-loss protection completes a small sync in tens to hundreds of microseconds; half a millisecond is kept as a margin (a planning figure)",
    },
    {
      quantity: "memtable_bytes",
      label: "size at which a memtable turns immutable (write buffer)",
      unit: "B",
      typical: 64000000,
      why: "a write buffer of tens of megabytes keeps flushes large and sequential (a planning figure)",
    },
    {
      quantity: "level_base_bytes",
      label: "target size of level 1",
      unit: "B",
      typical: 256000000,
      why: "level 1 about the size of a few memtables, so a level-0 to level-1 compaction stays small (a planning figure)",
    },
    {
      quantity: "level_fanout",
      label: "size ratio between one level and the next",
      unit: "x",
      typical: 10,
      why: "each level ten times the one above, the usual leveled setting (a planning figure)",
    },
    {
      quantity: "bloom_bits_per_key",
      label: "Bloom filter bits per key",
      unit: "bits",
      typical: 10,
      why: "about 10 bits per key gives roughly a 1% false positive rate (RocksDB wiki)",
    },
    {
      quantity: "block_bytes",
      label: "size of one data block",
      unit: "B",
      typical: 4096,
      why: "a data block of a few kilobytes, one SSD page read per lookup (a planning figure)",
    },
    {
      quantity: "block_cache_hit_ratio",
      label: "share of block reads served by the block cache",
      unit: "fraction",
      typical: 0.9,
      why: "index and filter blocks stay resident and hot data blocks mostly hit (a planning figure)",
    },
  ],
  figures: [
    fig(
      "ingest_bytes_per_sec",
      "bytes written by callers a second (keys and values)",
      "bandwidth",
      "writes_per_sec * (key_bytes + value_bytes)",
      "B/s",
    ),
    fig(
      "wal_fsyncs_per_sec",
      "WAL fsyncs a second with group commit: the leader syncs back to back, never more than one per write",
      "rate",
      "min(writes_per_sec, 1 / wal_fsync_seconds)",
      "fsyncs/s",
    ),
    fig(
      "writes_per_fsync",
      "writes one fsync carries at the stated rate (the group size)",
      "fan-out",
      "writes_per_sec / min(writes_per_sec, 1 / wal_fsync_seconds)",
      "writes",
    ),
    fig(
      "sync_write_latency_seconds",
      "longest wait for a sync write: the fsync in flight, then its own group's",
      "time",
      "2 * wal_fsync_seconds",
      "s",
    ),
    fig(
      "memtable_fill_seconds",
      "time to fill one memtable, the interval between flushes",
      "time",
      "memtable_bytes / (writes_per_sec * (key_bytes + value_bytes))",
      "s",
    ),
    fig(
      "db_bytes",
      "bytes of every live key in the bottom levels",
      "storage",
      "objects * (key_bytes + value_bytes)",
      "B",
    ),
    fig(
      "lsm_levels",
      "levels below level 0, each ten times the one above, to hold the database",
      "count",
      "max(1, ceil(log(objects * (key_bytes + value_bytes) / level_base_bytes, level_fanout)))",
      "levels",
    ),
    fig(
      "leveled_write_amp",
      "write amplification under leveled compaction: the WAL, the flush, and about half the fan-out per level a byte moves through",
      "rate",
      "2 + max(1, ceil(log(objects * (key_bytes + value_bytes) / level_base_bytes, level_fanout))) * (level_fanout + 1) / 2",
      "x",
    ),
    fig(
      "tiered_write_amp",
      "write amplification under tiered (universal) compaction: the WAL, the flush, and about one rewrite per tier",
      "rate",
      "2 + max(1, ceil(log(objects * (key_bytes + value_bytes) / level_base_bytes, level_fanout)))",
      "x",
    ),
    fig(
      "leveled_write_bytes_per_sec",
      "SSD write bandwidth leveled compaction needs at the stated writes",
      "bandwidth",
      "writes_per_sec * (key_bytes + value_bytes) * (2 + max(1, ceil(log(objects * (key_bytes + value_bytes) / level_base_bytes, level_fanout))) * (level_fanout + 1) / 2)",
      "B/s",
    ),
    fig(
      "leveled_ssd_share",
      "share of the SSD's planned write bandwidth leveled compaction would take (above 1 it cannot keep up)",
      "headroom",
      "writes_per_sec * (key_bytes + value_bytes) * (2 + max(1, ceil(log(objects * (key_bytes + value_bytes) / level_base_bytes, level_fanout))) * (level_fanout + 1) / 2) / (ssd_write_bytes_per_sec * target_utilisation)",
      "x",
    ),
    fig(
      "tiered_write_bytes_per_sec",
      "SSD write bandwidth tiered compaction needs at the stated writes",
      "bandwidth",
      "writes_per_sec * (key_bytes + value_bytes) * (2 + max(1, ceil(log(objects * (key_bytes + value_bytes) / level_base_bytes, level_fanout))))",
      "B/s",
    ),
    fig(
      "bloom_false_positive_rate",
      "chance a table's Bloom filter wrongly says a key may be there (0.6185 to the power of the bits per key)",
      "rate",
      "0.6185 ^ bloom_bits_per_key",
      "fraction",
    ),
    fig(
      "bloom_filter_bytes",
      "memory for every table's Bloom filter",
      "storage",
      "objects * bloom_bits_per_key / 8",
      "B",
    ),
    fig(
      "ssd_reads_per_get",
      "SSD block reads one point read costs: the block holding the key plus false positives in the other levels, after the block cache",
      "rate",
      "(1 + max(1, ceil(log(objects * (key_bytes + value_bytes) / level_base_bytes, level_fanout))) * 0.6185 ^ bloom_bits_per_key) * (1 - block_cache_hit_ratio)",
      "reads",
    ),
    fig(
      "ssd_read_bytes_per_sec",
      "SSD read bandwidth point reads take",
      "bandwidth",
      "reads_per_sec * (1 + max(1, ceil(log(objects * (key_bytes + value_bytes) / level_base_bytes, level_fanout))) * 0.6185 ^ bloom_bits_per_key) * (1 - block_cache_hit_ratio) * block_bytes",
      "B/s",
    ),
  ],
  // a point read inside the process: no network hop, the memtables and each level's filter and index probed in
  // memory, then one SSD read for the data block on a block-cache miss
  latencyPath: {
    serves: "one point read that misses the block cache",
    steps: ["engine_probe_seconds", "ssd_read_seconds"],
    inputs: [
      {
        quantity: "engine_probe_seconds",
        label: "time to probe the memtables and every level's Bloom filter and index block in memory",
        unit: "s",
        typical: 0.00002,
        why: "a skip-list search and a filter and index probe per level, all in memory, take microseconds (a planning figure; measure it)",
      },
      {
        quantity: "ssd_read_seconds",
        label: "time for one random block read from the SSD",
        unit: "s",
        typical: 0.0001,
        why: "an NVMe SSD serves a random 4 KB read in about a hundred microseconds (a planning figure; measure it)",
      },
    ],
  },
};

export const ENGINE_DECISIONS: DecisionPoint[] = [
  {
    id: "i16-engine-structure",
    topic: T,
    question: "Log-structured merge tree, or a B-tree updated in place?",
    options: [
      {
        id: "lsm",
        name: "an LSM tree: WAL and memtable, flushed to immutable sorted tables merged by compaction",
        buys: "every write is a sequential append, so the SSD takes a high write rate, and immutable files compress well",
        costs:
          "a read may look in several tables (filters bound the cost), and compaction rewrites each byte several times",
        winsWhen: "writes are many and small, or the data is larger than memory and ingested fast",
      },
      {
        id: "b-tree",
        name: "a B-tree of pages updated in place behind a WAL (InnoDB, LMDB, WiredTiger's default)",
        buys: "a point read is one root-to-leaf walk and range scans read one sorted structure",
        costs: "each small write dirties a whole page, which costs random writes and page-sized write amplification",
        winsWhen: "reads far outnumber writes and latency of every read matters more than the write rate",
      },
    ],
    rules: [],
    fallback: {
      option: "lsm",
      because: "an ingest rate stated in writes a second is what sequential appends and batched merges serve best",
    },
  },
  {
    id: "i16-engine-compaction",
    topic: T,
    question: "Leveled compaction, or tiered (universal) compaction?",
    options: [
      {
        id: "leveled",
        name: "leveled: each level ten times the last, a level's overflow merged into the overlapping tables below",
        buys: "one table per level to read and little space held by old versions (about a tenth over the live data)",
        costs: "each byte is rewritten about half the fan-out per level it passes, the highest write amplification",
        winsWhen:
          "the SSD's write bandwidth covers leveled write amplification at the stated writes, and reads or space matter",
        wins: [
          {
            words: String.raw`\b(?:read[- ]heavy|read[- ]mostly|mostly reads|space[- ]efficien\w*|leveled compaction)\b`,
          },
        ],
      },
      {
        id: "tiered",
        name: "tiered (universal): sorted runs of similar size merged together once enough of them pile up",
        buys: "each byte is rewritten about once per tier, a fraction of leveled's writes",
        costs: "a read checks more sorted runs, and a full compaction can briefly need twice the database's space",
        winsWhen: "the write rate times leveled write amplification exceeds the SSD's write budget",
        wins: [
          { words: String.raw`\b(?:universal compaction|tiered compaction|size[- ]tiered|write[- ]optimi[sz]ed)\b` },
        ],
      },
    ],
    rules: [
      {
        when: [{ number: "leveled_ssd_share", atLeast: 1 }],
        option: "tiered",
        because:
          "leveled compaction would need more write bandwidth than the SSD has to spare at the stated writes; tiered writes each byte far fewer times",
      },
    ],
    fallback: {
      option: "leveled",
      because:
        "the SSD has the write bandwidth for leveled compaction, which keeps reads to one table per level and space close to the live data",
    },
  },
  {
    id: "i16-engine-sync",
    topic: T,
    question: "Make a write durable by an fsync of its own, by group commit, or leave the WAL to the page cache?",
    options: [
      {
        id: "group-commit",
        name: "sync writes with group commit: the writer-queue leader fsyncs every queued write at once",
        buys: "every acknowledged write survives a machine crash, at the disk's fsync rate times the group size",
        costs: "a sync write waits for the fsync in flight and its own, a millisecond or so",
        winsWhen: "an acknowledged write must never be lost and many threads write at once",
      },
      {
        id: "sync-each",
        name: "one fsync per write, each writer alone",
        buys: "the simplest code path and the same durability",
        costs: "writes a second are capped at the fsyncs a second the disk does",
        winsWhen: "one writer thread writes rarely and latency per write is all that matters",
      },
      {
        id: "async-wal",
        name: "no sync: the WAL is written to the page cache and synced in the background",
        buys: "writes cost a memory copy; the highest write rate",
        costs: "a machine crash loses the writes since the last background sync (a process crash loses none)",
        winsWhen: "the data can be rebuilt or losing the last second of writes on a power loss is acceptable",
        wins: [
          {
            words: String.raw`\b(?:sync(?:hronous)? (?:is )?(?:disabled|off)|without (?:f?sync|durability)|may lose|can lose|lose the last|rebuildable|best[- ]effort durab\w*)\b`,
          },
        ],
      },
    ],
    rules: [],
    fallback: {
      option: "group-commit",
      because: "an acknowledged write survives a power loss, and one fsync carries every write queued behind it",
    },
  },
];

export const ENGINE_SILHOUETTE = {
  topic: T,
  storage:
    "one process's write-ahead log, memtables and immutable sorted tables by level on one SSD, the live files named by a MANIFEST that CURRENT points to",
  coordination:
    "one writer-queue leader appends and fsyncs each group and hands out sequence numbers; flush and compaction threads install their files by version edits",
  serving:
    "reads at a snapshot sequence through the memtables and one table per level, Bloom filters skipping tables and a block cache in front of the SSD",
} as const;

/** What a storage-engine design must draw and must not (coherence `storage-engine-shape`). */
export const ENGINE_SHAPE = {
  entities: ["WalRecord", "SSTable", "VersionEdit"],
  figures: ["wal_fsyncs_per_sec", "leveled_write_amp", "bloom_false_positive_rate"],
  /** Residue of a replicated, sharded store: a single-node engine has none unless the prompt asks for it. */
  residue:
    /\b(?:replica(?:s|tion)?|quorum|partition map|rebalanc\w*|anti-entropy|hinted|coordinator|consensus|raft|paxos|shards?)\b/i,
} as const;
