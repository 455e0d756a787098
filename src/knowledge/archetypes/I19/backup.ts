import { fig } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { ArchetypeInput, MechanismId } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * A backup service (topic "backup", knowledge/topics.ts): incremental snapshots of many machines, databases or
 * laptops, kept for a retention window, any of which restores its source to that point in time. The service is a
 * deduplicated chunk store with a catalog of snapshots on top: an agent on each source finds what changed since its
 * last snapshot (changed files by their metadata, or changed blocks), cuts the changed bytes into content-defined
 * chunks, names each chunk by its SHA-256, asks the chunk index which of those it lacks, and uploads only those,
 * packed many to a pack file, to an erasure-coded store across zones. The night's snapshot (its manifest: the tree
 * of files or the block map as lists of chunk hashes, with its parent snapshot) is committed in the catalog only
 * after every chunk it lists is durable: content before the pointer. Retention expires snapshots older than the
 * window, and garbage collection marks every chunk a kept or running snapshot lists and sweeps the rest only after a
 * grace period longer than any backup session, so a backup that deduplicated against a chunk never loses it. The
 * nightly window is spread across the fleet by a coordinator that gives each source a jittered start time and admits
 * sessions at the rate the ingest tier can take.
 *
 * Facts, checked against primary sources:
 * - restic (design document and the restic/chunker package): files are cut by content-defined chunking on a rolling
 *   Rabin hash, chunks average about 1 MiB and are stored as blobs named by the SHA-256 of their plaintext, packed
 *   into larger pack files; a snapshot is a small JSON document naming the root tree, host and time; a backup reads
 *   a parent snapshot's metadata to skip unchanged files. A backup takes a shared (non-exclusive) lock on the
 *   repository and prune takes an exclusive one, so prune never deletes what a running backup relies on; rustic
 *   instead prunes without locks by only marking packs for deletion and deleting them after a grace period.
 * - Borg (internals): deduplication is global across a repository's backups and hosts, chunks come from a rolling
 *   hash chunker (Buzhash; FastCDC in borg 2), and each chunk's hash is checked against a hash table of every chunk
 *   already stored.
 * - Amazon EBS (DeleteSnapshot API reference): periodic snapshots of a volume are incremental, saving only blocks
 *   changed since the last snapshot, and deleting a snapshot removes only data no other snapshot needs, so every
 *   remaining snapshot still restores the whole volume.
 * - Convergent encryption (keys derived from a chunk's content) lets identical chunks of different owners dedup
 *   while encrypted, and is open to a confirmation-of-a-file attack: whoever holds a plaintext can tell whether it is
 *   stored.
 * Planning figures (a server's disk, its daily change, the window, the dedup share) are assumptions, said as such.
 */

const T = "backup" as const;

export const BACKUP_ENTITIES = [
  {
    name: "Snapshot",
    description:
      "One point-in-time backup of a source, by snapshot id and unique per (source, night): its state (in progress, committed, expired), its parent snapshot, and the hash of its root manifest (the tree of files or the block map, each as a list of chunk hashes); restorable only once committed.",
    truth: true,
    topic: T,
  },
  {
    name: "Chunk",
    description:
      "One content-defined chunk of a source's data, by the SHA-256 of its content within its dedup scope: its size, the pack and offset holding it, and when a garbage-collection mark last found a retained snapshot listing it; stored once however many snapshots and sources list it.",
    truth: true,
    topic: T,
  },
  {
    name: "Pack",
    description:
      "An immutable file of many compressed, encrypted chunks, by pack id: the chunk hashes it holds with their offsets, its checksum, and the erasure-coded fragments (or copies) it is stored as in distinct zones; written once, repacked or deleted only by garbage collection.",
    truth: true,
    topic: T,
  },
  {
    name: "BackupSource",
    description:
      "One machine, database or laptop that is backed up, by source id: its tenant, its policy (retention days, the night's window and the jittered start offset inside it), and its last committed snapshot, the parent the next backup diffs against.",
    truth: true,
    topic: T,
  },
] as const;

export const BACKUP_WRITES = [
  {
    action:
      "open the night's snapshot for a source under its (source, night) id, admitted by the ingest tier inside the source's jittered start time, so a retried or resumed backup of the same night reuses it",
    entity: "Snapshot",
    shape: "create target",
    mechanism: "idempotency-key",
    critical: true,
    topic: T,
  },
  {
    action:
      "upload only the changed data's chunks whose SHA-256 the chunk index does not hold, packed with others into a pack written as fragments to distinct zones, and record each chunk in the index once its pack is durable",
    entity: "Chunk",
    shape: "create target",
    mechanism: "content-addressing",
    critical: true,
    topic: T,
  },
  {
    action:
      "commit the snapshot's manifest (each file or block range as a list of chunk hashes, with its parent snapshot) only after every chunk it lists is durable and still live, then mark the snapshot committed",
    entity: "Snapshot",
    shape: "state transition",
    mechanism: "publish-content-first",
    critical: true,
    topic: T,
  },
  {
    action:
      "expire each source's snapshots older than its retention window, then mark every chunk a retained or running snapshot lists and delete the unmarked ones only after a grace period longer than any backup session",
    entity: "Chunk",
    shape: "async process",
    mechanism: "reference-gc",
    hidden: true,
    critical: true,
    topic: T,
  },
  {
    action:
      "rebuild the fragments of packs on a lost disk, node or zone from the surviving ones, packs with the fewest healthy fragments first",
    entity: "Pack",
    shape: "async process",
    mechanism: "replica-repair",
    hidden: true,
    critical: true,
    topic: T,
  },
  {
    action:
      "scrub packs by recomputing their checksums and every chunk's hash, and rebuild a corrupt one from its other fragments",
    entity: "Pack",
    shape: "async process",
    mechanism: "anti-entropy-repair",
    hidden: true,
    topic: T,
  },
  {
    action:
      "register a source with its policy (retention days, nightly window) and give it a start offset spread across the window by a hash of its id",
    entity: "BackupSource",
    shape: "create target",
    mechanism: "put-if-absent",
    topic: T,
  },
] as const;

export const BACKUP_READS = [
  {
    action:
      "restore a source to a chosen day: find that day's committed snapshot, walk its manifest and stream every chunk from its pack, checking each chunk's hash before it is written to the target",
    entity: "Chunk",
    shape: "read source",
    staleness:
      "none: a committed snapshot and the chunks it lists never change, so a restore reads exactly what was backed up",
    topic: T,
  },
  {
    action: "list a source's restorable snapshots, one per night inside its retention window",
    entity: "Snapshot",
    shape: "read source",
    staleness: "none: read from the catalog that committed them",
    topic: T,
  },
] as const;

export const BACKUP_INVARIANTS = [
  "A Snapshot is committed, and offered for restore, only after every Chunk its manifest lists is durable in the chunk store; a crashed or partial backup leaves no committed snapshot, so every listed restore point restores in full.",
  "A Chunk is named by the SHA-256 of its content and stored once in its dedup scope, and a chunk whose bytes do not match its hash is never written to a restore target.",
  "A Chunk is deleted only when no retained or running Snapshot lists it and it has stayed unmarked for longer than any backup session runs, so neither a kept snapshot nor a backup that deduplicated against it loses it.",
  "A retried or resumed backup of the same source and night produces at most one Snapshot.",
];

/** The mechanism that keeps each of the backup service's rules (`keptBy` on the card's invariant marks). */
export const BACKUP_KEPT_BY: Readonly<Record<string, MechanismId>> = {
  [BACKUP_INVARIANTS[0] as string]: "publish-content-first",
  [BACKUP_INVARIANTS[1] as string]: "content-addressing",
  [BACKUP_INVARIANTS[2] as string]: "reference-gc",
  [BACKUP_INVARIANTS[3] as string]: "idempotency-key",
};

export const BACKUP_FAILURES = [
  {
    failure:
      "Garbage collection deletes a chunk a running backup found in the index and did not upload again, and that backup then commits a snapshot listing a deleted chunk",
    role: "truth",
    prevention:
      "Sweep only chunks unmarked for longer than the longest backup session (the grace period), mark the chunks of in-progress snapshots too, and re-check at commit that every listed chunk is still live",
    repair:
      "A commit that finds a listed chunk gone is refused, and the agent uploads that chunk again before it retries the commit",
    topic: T,
  },
  {
    failure:
      "A snapshot is committed while some of its chunks are still being uploaded, and the agent or the ingest node crashes: the catalog offers a restore point that cannot restore",
    role: "truth",
    prevention:
      "Commit the Snapshot only after every pack holding its chunks is durable across zones (content before the pointer)",
    repair:
      "A snapshot left in progress past its window is resumed by the next session for that night, or discarded; its parent stays the last restore point",
    topic: T,
  },
  {
    failure:
      "Every agent starts at midnight, and the ingest tier and chunk index are flooded while the rest of the night sits idle",
    role: "coordination",
    prevention:
      "Give each source a start offset spread across the window (jittered by a hash of its id) and admit sessions only at the rate the ingest tier can take, answering others with a later start",
    repair:
      "A refused or throttled agent retries at the start it was given; a backup that overruns the window resumes the next night from its parent",
    topic: T,
  },
  {
    failure:
      "A source misses its night (agent down, window overrun), so that day has no restore point and nobody notices until a restore is asked for",
    role: "coordination",
    prevention:
      "The coordinator keeps each source's last committed snapshot and flags every source with none for the night",
    repair:
      "The next backup diffs against the last committed parent, so it catches up in one session; the flagged gap is reported",
    topic: T,
  },
  {
    failure:
      "A pack's fragments are corrupted or a zone is lost, and because chunks are deduplicated, one lost chunk breaks every snapshot of every source that lists it",
    role: "truth",
    prevention:
      "Packs are erasure-coded (or copied) across distinct zones, scrubbed against their checksums and chunk hashes, and sampled by regular test restores",
    repair:
      "Rebuild lost fragments from the surviving ones, fewest healthy first; a chunk no fragment can rebuild is uploaded again by any source that still has it",
    topic: T,
  },
] as const;

export const BACKUP_BOTTLENECKS = [
  {
    bottleneck:
      "The nightly window: every source's changed bytes are read, chunked and checked against the index within a few hours, not spread over a day",
    mitigation:
      "Spread start times across the window, dedup at the agent so only new chunks cross the network, and size the ingest tier and chunk index for the window's rate, not the daily average",
    formula: {
      yields: "changed bytes read a second across the fleet during the window",
      expression: "bytes_per_day / backups_per_day / backup_window_seconds",
      unit: "B/s",
    },
    topic: T,
  },
  {
    bottleneck: "Chunk index lookups: every changed chunk of every source asks whether its hash is already stored",
    mitigation:
      "Shard the index by chunk hash, batch an agent's hashes into one request, and let each agent keep its parent snapshot's chunk list so unchanged files never ask",
    formula: {
      yields: "chunk index lookups a second during the window",
      expression: "bytes_per_day / backups_per_day / chunk_bytes / backup_window_seconds",
      unit: "lookups/s",
    },
    topic: T,
  },
] as const;

export const BACKUP_COMPONENTS: ComponentSpec[] = [
  {
    id: "agents",
    name: "Backup agents (one per source: change scan, chunking, hashing, upload, restore)",
    kind: "client",
    runs: ["scan changes since the parent snapshot", "cut and hash chunks", "upload missing chunks", "restore"],
    because:
      "only the source sees what changed since its last snapshot, and deduplicating there keeps unchanged bytes off the network",
    topic: T,
  },
  {
    id: "backup-coordinator",
    name: "Backup coordinator (nightly schedule, jittered starts, missed-night checks)",
    kind: "control-loop",
    holds: ["BackupSource"],
    runs: ["assign start offsets across the window", "flag sources with no snapshot for the night"],
    because:
      "a million sources starting at once would flood the ingest tier; spreading their starts over the window keeps the rate flat",
    topic: T,
  },
  {
    id: "ingest",
    name: "Ingest service (session admission, missing-chunk checks, pack upload, snapshot commit)",
    kind: "gateway",
    runs: ["admit a session", "answer which hashes are missing", "write packs", "commit snapshot"],
    because:
      "agents upload through a tier that admits sessions at the rate behind it can take and commits a snapshot only after its chunks are durable",
    topic: T,
  },
  {
    id: "chunk-index",
    name: "Chunk index (chunk hash to pack and last mark; sharded by hash)",
    kind: "store",
    holds: ["Chunk"],
    runs: ["look up hashes", "record chunks", "mark live chunks"],
    because: "deduplication asks for every changed chunk whether it is already stored; sharding by hash spreads it",
    topic: T,
  },
  {
    id: "chunk-store",
    name: "Chunk store (immutable packs of chunks, spread across zones)",
    kind: "store",
    holds: ["Pack", "StorageNode"],
    runs: ["write pack fragments", "read chunks", "scrub checksums"],
    because:
      "chunks are written once and read rarely (on restore), so packing many into large files keeps the object count low and lets the redundancy be chosen per pack",
    topic: T,
  },
  {
    id: "catalog",
    name: "Snapshot catalog (sources and snapshots by source and night; replicated)",
    kind: "replica-group",
    holds: ["Snapshot"],
    runs: ["open snapshot", "commit snapshot", "list restore points", "expire snapshots"],
    because: "a restore starts from the committed snapshot of a (source, day); the catalog is the only pointer to it",
    topic: T,
  },
  {
    id: "retention-gc",
    name: "Retention and garbage collection (expire snapshots, mark and sweep chunks)",
    kind: "control-loop",
    runs: ["expire snapshots past retention", "mark chunks of kept and running snapshots", "sweep after grace"],
    because:
      "deduplicated chunks are shared across snapshots and sources, so one is freed only when no kept snapshot lists it",
    topic: T,
  },
  {
    id: "restore-service",
    name: "Restore service (walk a snapshot's manifest, stream its chunks)",
    kind: "service",
    runs: ["find the day's snapshot", "walk manifest", "stream chunks with hash checks"],
    because: "a restore reads one snapshot's chunks in manifest order from many packs and verifies each one",
    topic: T,
  },
];

export const BACKUP_LINKS: LinkSpec[] = [
  { from: "backup-coordinator", to: "agents", kind: "control", label: "start offset in the window", topic: T },
  { from: "agents", to: "ingest", kind: "request", label: "open snapshot, missing hashes, packs, commit", topic: T },
  { from: "ingest", to: "chunk-index", kind: "request", label: "look up and record hashes", topic: T },
  { from: "ingest", to: "chunk-store", kind: "request", label: "write pack fragments", topic: T },
  { from: "ingest", to: "catalog", kind: "request", label: "open, commit snapshot", topic: T },
  { from: "backup-coordinator", to: "catalog", kind: "request", label: "last committed snapshot per source", topic: T },
  { from: "agents", to: "restore-service", kind: "request", label: "restore to a day", topic: T },
  { from: "restore-service", to: "catalog", kind: "request", label: "find the day's snapshot", topic: T },
  { from: "restore-service", to: "chunk-index", kind: "request", label: "chunk to pack", topic: T },
  { from: "restore-service", to: "chunk-store", kind: "request", label: "read chunks", topic: T },
  { from: "retention-gc", to: "catalog", kind: "control", label: "expire past retention", topic: T },
  { from: "retention-gc", to: "chunk-index", kind: "control", label: "mark, sweep after grace", topic: T },
  { from: "retention-gc", to: "chunk-store", kind: "control", label: "repack, delete dead packs", topic: T },
  { from: "repair", to: "chunk-store", kind: "control", label: "rebuild fragments, scrub", topic: T },
];

export const BACKUP_API: ApiSpec[] = [
  {
    operation: "open snapshot",
    call: "POST /v1/sources/{source_id}/snapshots",
    request: ["night", "parent_snapshot_id"],
    response: ["snapshot_id", "session deadline"],
    errors: ["429 retry after the given start (window full)", "409 the night already committed"],
    guarantee: "one snapshot per source and night: a retried open returns the same in-progress snapshot",
    topic: T,
  },
  {
    operation: "find missing chunks",
    call: "POST /v1/chunks:missing",
    request: ["sha256 hashes (batched)"],
    response: ["the hashes the index does not hold"],
    errors: ["429 slow down"],
    guarantee: "a hash reported held stays held while any snapshot lists it or for the grace period after",
    topic: T,
  },
  {
    operation: "upload pack",
    call: "PUT /v1/packs/{pack_id}",
    request: ["pack bytes", "chunk hashes with offsets", "pack checksum"],
    response: ["pack durable"],
    errors: ["400 checksum or chunk hash mismatch"],
    guarantee:
      "answers only once the pack's fragments are durable in distinct zones; its chunks are in the index after that",
    topic: T,
  },
  {
    operation: "commit snapshot",
    call: "POST /v1/snapshots/{snapshot_id}:commit",
    request: ["root manifest hash"],
    response: ["committed snapshot"],
    errors: ["409 listed chunks missing (upload them, then retry)"],
    guarantee:
      "commits only after every chunk the manifest lists is durable and live; a retry returns the same committed snapshot",
    topic: T,
  },
  {
    operation: "list snapshots",
    call: "GET /v1/sources/{source_id}/snapshots",
    request: ["source_id", "from day", "to day"],
    response: ["committed snapshots: id, night, size"],
    errors: ["404 unknown source"],
    guarantee: "lists only committed snapshots inside the retention window, each restorable in full",
    topic: T,
  },
  {
    operation: "restore",
    call: "POST /v1/sources/{source_id}/restores",
    request: ["snapshot_id or day", "target (the source, a new machine, or paths)"],
    response: ["restore_id", "streamed chunks with their hashes"],
    errors: ["404 no committed snapshot that day", "410 expired"],
    guarantee: "restores exactly the committed snapshot; a chunk that fails its hash is re-read, never written",
    topic: T,
  },
];

export const BACKUP_DATA: DataSpec[] = [
  {
    entity: "BackupSource",
    key: ["source_id"],
    fields: [
      "tenant_id",
      "kind (server, database, laptop)",
      "retention_days",
      "window",
      "start_offset",
      "last_snapshot_id",
    ],
    indexes: ["(tenant_id)", "(last committed night)"],
    partitionKey: "source_id",
    owner: "backup-coordinator",
    topic: T,
  },
  {
    entity: "Snapshot",
    key: ["snapshot_id"],
    fields: [
      "source_id",
      "night",
      "state (in progress, committed, expired)",
      "parent_snapshot_id",
      "root_manifest_hash",
      "bytes",
      "committed_at",
    ],
    indexes: ["unique (source_id, night)", "(state, committed_at)"],
    partitionKey: "source_id",
    owner: "catalog",
    topic: T,
  },
  {
    entity: "Chunk",
    key: ["dedup_scope", "sha256"],
    fields: ["size", "pack_id", "offset", "last_marked_at"],
    indexes: ["(pack_id)"],
    partitionKey: "sha256",
    owner: "chunk-index",
    topic: T,
  },
  {
    entity: "Pack",
    key: ["pack_id"],
    fields: [
      "chunk hashes and offsets",
      "checksum",
      "fragments (node, zone)",
      "live bytes",
      "state (live, repacking, deleted)",
    ],
    indexes: ["(state)"],
    partitionKey: "pack_id",
    owner: "chunk-store",
    topic: T,
  },
];

export const BACKUP_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Nightly incremental backup, committed once its chunks are durable",
    notation:
      "backup-coordinator>agents[start at the source's offset in the window] -> agents>ingest[open snapshot for (source, night) {admitted; none committed for this night}] -> ingest>catalog[insert in-progress snapshot] -> agents[scan changes since the parent snapshot, cut content-defined chunks, hash each] -> agents>ingest[which hashes are missing] -> ingest>chunk-index[look up hashes] -> agents>ingest[upload packs of the missing chunks] -> ingest>chunk-store[write pack fragments to distinct zones {chunk hashes match}] -> chunk-store>ingest[durable] -> ingest>chunk-index[record chunks in their pack] -> agents>ingest[commit manifest] -> ingest>chunk-index[check every listed chunk is live] -> ingest>catalog[commit snapshot {every listed chunk durable}] -> ingest>agents[committed] |-> agents>ingest[resume the same snapshot {crash, timeout or listed chunk missing}] => done | retry",
    topic: T,
  },
  {
    name: "Restore a source to a chosen day",
    notation:
      "agents>restore-service[restore to a day] -> restore-service>catalog[find the committed snapshot for (source, day) {Snapshot.state = committed}] -> restore-service>chunk-store[read the manifest and each chunk from its pack {hash ok}] -> restore-service>agents[stream chunks in manifest order] |-> restore-service>chunk-store[read from other fragments {hash fails or node down}] => done | retry",
    topic: T,
  },
  {
    name: "Expire snapshots and collect unreferenced chunks",
    notation:
      "retention-gc>catalog[expire snapshots older than the retention window {committed_at < now - retention}] -> retention-gc>chunk-index[mark chunks listed by retained and in-progress snapshots] -> retention-gc>chunk-index[sweep chunks unmarked for longer than the grace period {last_marked_at < now - grace}] -> retention-gc>chunk-store[repack or delete packs with no live chunks] => done | retry",
    topic: T,
  },
];

/**
 * The backup service's sizing: the stated sources at a disk's size and daily change rate are the bytes changed each
 * night, read within the window; the chunks not yet held are uploaded; a first full copy after cross-source dedup
 * plus a retention window of nightly new chunks is what the chunk store holds.
 */
export const BACKUP_CAPACITY_INPUTS: CapacityModel["inputs"] = [
  {
    quantity: "backup_sources",
    label: "machines, databases or laptops backed up",
    unit: "sources",
    typical: 10000,
    why: "a fleet of about ten thousand servers (a planning figure)",
    from: [
      { expression: "nodes", why: "each stated server or machine is one backup source" },
      { expression: "users", why: "each stated user's machine is one backup source" },
      { expression: "databases", why: "each stated database is one backup source" },
      { expression: "devices", why: "each stated laptop, desktop or device is one backup source" },
    ],
  },
  {
    quantity: "source_bytes",
    label: "bytes on one source's disks",
    unit: "B",
    typical: 500e9,
    why: "a server's disks hold about 500 GB of data (a planning figure)",
  },
  {
    quantity: "daily_change_ratio",
    label: "share of a source's bytes that change in a day",
    unit: "fraction",
    typical: 0.02,
    why: "a server rewrites about 2% of its data a day: logs, database files, packages (a planning figure; measure it)",
  },
  {
    quantity: "new_chunk_ratio",
    label: "share of changed bytes whose chunks are not already stored",
    unit: "fraction",
    typical: 0.5,
    why: "about half of what changes is new content; the rest (a moved file, the same package on many servers) is a chunk already held (a planning figure)",
  },
  {
    quantity: "dedup_ratio",
    typical: 0.5,
    why: "servers of one fleet share operating systems, packages and images, so the first full copies dedup to about half (a planning figure)",
  },
  {
    quantity: "backup_window_seconds",
    label: "the nightly backup window",
    unit: "s",
    typical: 28800,
    why: "backups run in an eight-hour night window, off the sources' busy hours (a planning figure)",
    // "each laptop backs up every hour": a source that backs up every interval starts somewhere in each interval,
    // so the starts spread over the stated interval instead of a night's window
    from: { expression: "backup_interval_seconds", why: "the stated interval between one source's backups" },
  },
  {
    quantity: "backups_per_day",
    label: "backups each source runs a day",
    unit: "backups",
    typical: 1,
    why: "one nightly backup per source (a planning figure)",
    from: { expression: "86400 / backup_interval_seconds", why: "a day over the stated interval between backups" },
  },
  {
    quantity: "retention_days",
    typical: 30,
    why: "nightly snapshots kept for 30 days, a common backup retention window",
  },
  {
    quantity: "chunk_bytes",
    typical: 1048576,
    why: "content-defined chunks average about 1 MiB, as restic's do: small enough to dedup a shifted edit, large enough to keep the index small",
  },
  {
    quantity: "chunk_meta_bytes",
    typical: 80,
    why: "one index entry: a 32-byte SHA-256, the pack id, offset, size and last mark, about 80 bytes (a planning figure)",
  },
  {
    quantity: "restore_bytes_per_sec",
    label: "bytes a second one restore streams",
    unit: "B/s",
    typical: 200e6,
    why: "one restore streams about 200 MB/s, bounded by the target's disk and network (a planning figure)",
  },
  {
    quantity: "bytes_per_day",
    typical: 1e14,
    why: "about 100 TB of changed data a night",
    from: {
      expression: "backup_sources * source_bytes * daily_change_ratio",
      why: "every source's bytes at its daily change rate",
    },
  },
  {
    quantity: "bytes_stored",
    typical: 1e16,
    why: "a backup store holds about 10 PB",
    from: {
      expression: "backup_sources * source_bytes * dedup_ratio + bytes_per_day * new_chunk_ratio * retention_days",
      why: "one full copy of every source after dedup, plus each night's new chunks for the retention window",
    },
  },
];

export const BACKUP_CAPACITY_FIGURES: CapacityModel["figures"] = [
  fig("chunks", "distinct chunks in the dedup index", "hotspot", "bytes_stored / chunk_bytes", "chunks"),
  fig(
    "metadata_bytes",
    "chunk index entries across its hash shards (not one machine's memory)",
    "storage",
    "chunks * chunk_meta_bytes",
    "B",
  ),
  fig(
    "backup_scan_bandwidth",
    "changed bytes read and chunked a second across the fleet during the window",
    "bandwidth",
    "bytes_per_day / backups_per_day / backup_window_seconds",
    "B/s",
  ),
  fig(
    "ingest_bandwidth",
    "new chunk bytes uploaded a second during the window, before redundancy",
    "bandwidth",
    "bytes_per_day * new_chunk_ratio / backups_per_day / backup_window_seconds",
    "B/s",
  ),
  fig(
    "write_bandwidth",
    "bytes written to the chunk store a second during the window, redundancy included",
    "bandwidth",
    "bytes_per_day * new_chunk_ratio * storage_overhead / backups_per_day / backup_window_seconds",
    "B/s",
  ),
  fig(
    "chunk_lookups_per_sec",
    "chunk index lookups a second during the window",
    "rate",
    "bytes_per_day / backups_per_day / chunk_bytes / backup_window_seconds",
    "lookups/s",
  ),
  fig(
    "session_starts_per_sec",
    "backup sessions admitted a second with starts spread over the window",
    "rate",
    "backup_sources / backup_window_seconds",
    "sessions/s",
  ),
  fig(
    "snapshots_retained",
    "snapshots in the catalog",
    "count",
    "backup_sources * retention_days * backups_per_day",
    "snapshots",
  ),
  fig(
    "daily_growth",
    "raw bytes of new chunks added a night, before expiry frees older ones",
    "growth",
    "bytes_per_day * new_chunk_ratio * storage_overhead",
    "B/day",
  ),
  fig(
    "full_restore_seconds",
    "time to restore one whole source at one restore stream's rate",
    "time",
    "source_bytes / restore_bytes_per_sec",
    "s",
  ),
];

export const BACKUP_SCOPES = {
  topic: T,
  ordering: {
    scope: "key",
    why: "a source's snapshots form a chain by night, each naming its parent; sources never order against each other",
  },
  exclusivity: {
    scope: "key",
    why: "one snapshot per source and night: the open is conditional on none being committed for that night",
  },
  coordination: {
    scope: "global",
    why: "garbage collection must see every retained and running snapshot of every source sharing the dedup scope before it deletes a chunk",
  },
} as const;

export const BACKUP_SILHOUETTE = {
  topic: T,
  storage:
    "a snapshot catalog by source and night over deduplicated chunks by SHA-256, packed into files spread across zones",
  coordination:
    "content before the pointer at commit, jittered nightly starts with admission, retention and grace-period mark and sweep",
  serving: "restore by walking one snapshot's manifest and streaming its chunks",
} as const;

export const BACKUP_TECHNOLOGIES: NonNullable<ArchetypeInput["technologies"]> = [
  {
    product: "restic- or Borg-style agents (content-defined chunking, SHA-256 chunk ids, packs)",
    layer: "storage",
    fits: "The agent diffs against its parent snapshot, cuts changed files into content-defined chunks, names each by its SHA-256 and uploads only chunks the repository lacks, packed many to a file",
    suits: ["low-cost", "large-objects", "durable"],
    poorFor: ["operational-simplicity"],
    caveat:
      "One shared repository per tool needs locks for prune; at this scale the index, catalog and collection are a service of our own, the chunking and formats are what carries over",
    topic: T,
  },
  {
    product: "a sharded key-value store for the chunk index (Cassandra, DynamoDB or FoundationDB)",
    layer: "coordination",
    fits: "Billions of small entries keyed by chunk hash, looked up in batches all night and written once per new chunk",
    suits: ["small-metadata", "elastic-scale", "high-throughput"],
    poorFor: ["large-objects"],
    caveat: "Hashes are random, so no range is hot; the mark pass reads the whole index, so it runs by shard",
    topic: T,
  },
  {
    product:
      "a replicated relational database for the snapshot catalog (PostgreSQL or MySQL with synchronous replicas)",
    layer: "coordination",
    fits: "Sources and snapshots are a few tens of millions of rows with a unique (source, night) key and a conditional commit",
    suits: ["linearizable", "small-metadata", "durable", "rich-queries"],
    poorFor: ["elastic-scale"],
    caveat: "Shard it by source when the rows outgrow one primary",
    topic: T,
  },
];

/**
 * How fine a restore point is: a snapshot a night restores to that night; a database restored to any moment needs its
 * write-ahead log archived continuously beside a periodic base backup (PostgreSQL's continuous archiving: replay
 * from a base backup stops at any target time), which the chunk store holds as one more stream of immutable segments.
 */
const POINT_IN_TIME = String.raw`\b(?:point[- ]in[- ]time|any (?:moment|second|minute|point in time)|(?:wal|binlog|write-ahead log|redo log)s?\b|continuous(?:ly)? (?:archiv\w*|backups?))`;
const RESTORE_POINTS: DecisionPoint = {
  id: "backup-restore-points",
  topic: T,
  question: "Restore to the nightly snapshots only, or to any moment by archiving each database's log between them?",
  options: [
    {
      id: "nightly-snapshots",
      name: "a snapshot a night: a source restores to the state of any night in the retention window",
      key: String.raw`snapshot a night|nightly snapshots? only`,
      buys: "one backup session a source a night, and a restore that reads one snapshot",
      costs: "whatever changed since the last night is lost when a source fails (a recovery point up to a day old)",
      winsWhen: "machines and laptops restored to a day, not databases restored to a moment",
    },
    {
      id: "base-plus-log-archive",
      name: "periodic base backups plus the database's write-ahead log archived continuously, replayed to the chosen moment",
      key: String.raw`write-ahead log archiv\w*|log archive`,
      buys: "a restore to any moment inside the window, losing at most the last log segment not yet archived",
      costs:
        "every log segment is shipped as it fills, and a restore replays the log from the base backup before it, which takes longer the older the base",
      winsWhen: "a database must be restored to a moment (before a bad write), not to last night",
      wins: [
        {
          words:
            "\\b(?:point[- ]in[- ]time|any (?:moment|second|minute|point in time)|(?:wal|binlog|write-ahead log|redo log)s?\\b|continuous(?:ly)? (?:archiv\\w*|backups?))",
        },
      ],
    },
  ],
  rules: [
    {
      when: [{ words: POINT_IN_TIME }],
      option: "base-plus-log-archive",
      because: "the prompt asks to restore to a point in time, which a nightly snapshot alone cannot reach",
    },
  ],
  fallback: {
    option: "nightly-snapshots",
    because: "the prompt asks for restores to a day, which the nightly snapshot of that day gives",
  },
};

/** Encryption of the chunks (dedup across owners, or privacy between them), and how fine a restore point is. */
export const BACKUP_DECISIONS: DecisionPoint[] = [
  {
    id: "backup-encryption",
    topic: T,
    question: "Encrypt chunks so identical ones dedup across tenants (convergent keys), or with each tenant's own key?",
    options: [
      {
        id: "per-tenant-keys",
        name: "each tenant's own key: chunks dedup only within a tenant",
        key: String.raw`per-tenant keys?|tenant's own key`,
        buys: "no tenant can learn whether another stores a given chunk, and deleting a tenant's key destroys its data",
        costs: "identical chunks of two tenants are stored twice",
        winsWhen: "several customers share the service, or the data is private",
      },
      {
        id: "convergent",
        name: "convergent encryption: each chunk's key derived from its content, so identical chunks dedup everywhere",
        key: String.raw`convergent`,
        buys: "the most dedup: one copy of a chunk however many tenants hold it",
        costs:
          "whoever holds a plaintext can confirm it is stored (a confirmation-of-a-file attack), and no key can be destroyed per tenant",
        winsWhen: "one organisation backs up its own fleet and trusts every part of it",
      },
    ],
    rules: [
      {
        when: [{ words: String.raw`\b(?:tenants?|customers?|users?|laptops?|private|privacy|personal)\b` }],
        option: "per-tenant-keys",
        because: "the sources belong to different owners, whose data must not be confirmable by each other",
      },
    ],
    fallback: {
      option: "per-tenant-keys",
      because:
        "dedup within one tenant keeps most of the saving (a fleet shares its own images), and privacy between tenants is kept",
    },
  },
  RESTORE_POINTS,
];

/** The runtime overlay of a backup service: a nightly window of sessions, not a stream of client reads and writes. */
export const BACKUP_OVERLAY = {
  topic: T,
  driver: "Every source's nightly backup session, started at its offset in the window, and the occasional restore.",
  unit: "One chunk: hashed at the agent, checked against the index, uploaded in a pack only when new.",
  worker: "An ingest instance that admits sessions, answers missing hashes, writes packs and commits snapshots.",
  slot: "The window's ingest bandwidth and chunk-index lookups, shared out by admitting sessions at a steady rate.",
  state:
    "Authoritative: sources, snapshots and their manifests, the chunk index and the packs. Attempt state: in-progress snapshots and their session deadlines.",
  source: "Agents on the servers, databases or laptops backed up.",
  sink: "Packs durable across zones, and restores streaming a snapshot's chunks back.",
  fabric: "Agent-to-ingest uploads and the pack writes to the chunk store; no change stream.",
  maintenance:
    "Expiring snapshots past retention, marking and sweeping chunks after the grace period, repacking, repair and scrubbing of packs.",
} as const;

/** What a backup design must draw and must not (coherence `backup-shape`). */
export const BACKUP_SHAPE = {
  entities: ["Snapshot", "Chunk", "Pack"],
  commit: "commit snapshot",
  growth: "daily_growth",
  retention: "retention_days",
  /** Residue of a config rollout, a cache purge plane or a file system's leased writes. */
  residue:
    /\b(?:Rollout controller|Health gate|cohorts?|Config store|purge (?:and policy|fan-?out|requests?)|primary lease|chunkserver|append\(file)\b/i,
} as const;
