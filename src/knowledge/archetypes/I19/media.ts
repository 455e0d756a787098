import { fig } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { ArchetypeInput, MechanismId } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * Stored photos and other media blobs (topic "media-store", knowledge/topics.ts): a photo or image storage service
 * that takes uploads, keeps every photo it acknowledged, and serves it through a CDN. The service is the store, so
 * nothing here is bought as an object store: an upload service takes each photo under an upload id the client chose
 * (resumable, part by part, each part with its checksum), appends its bytes as one record (a "needle") to a large
 * append-only volume file whose replicas sit in distinct zones, and commits the photo's metadata (owner, volume,
 * offset, size, checksum) only once every replica has the bytes on disk. Reads go through a CDN whose URLs name a
 * photo's content, so a URL's bytes never change and nothing has to be purged; a miss reads the needle in one disk
 * read from the volume's in-memory index. Full volumes are sealed read-only, scrubbed against their checksums,
 * rebuilt from healthy replicas when a disk or node dies, and may move, once they cool, to an erasure-coded warm tier.
 *
 * Facts, checked against primary sources:
 * - Facebook's Haystack (the 2009 engineering post and the OSDI 2010 paper "Finding a needle in Haystack"): the old
 *   design kept one file per photo on NFS appliances and spent several disk reads on file-system metadata per photo;
 *   Haystack packs many photos as needles into large physical volume files, keeps each store machine's map from
 *   photo id to offset and size in memory so a read costs at most one disk read, replicates each logical volume on
 *   physical volumes of several machines, and has a directory that maps logical to physical volumes and marks full
 *   ones read-only. Each uploaded photo was stored in four sizes.
 * - f4 (OSDI 2014, "f4: Facebook's Warm BLOB Storage System"): BLOBs are created once, read many times, never
 *   modified and sometimes deleted; once a volume is locked and its BLOBs cool, it moves from Haystack to f4, which
 *   keeps it Reed-Solomon (10,4) coded within a cell and XOR-coded across data centres, lowering the effective
 *   replication factor from Haystack's 3.6 to 2.8 or 2.1.
 * Planning figures (a photo's bytes, a volume's size) are assumptions, said as such in their rows.
 */

const T = "media-store" as const;

export const MEDIA_ENTITIES = [
  {
    name: "Photo",
    description:
      "One stored photo by its photo id: owner, the upload id it was created under, its state (uploading, committed, deleted), size, SHA-256 checksum and where its bytes are (logical volume and offset); the name the URL carries.",
    truth: true,
    topic: T,
  },
  {
    name: "Volume",
    description:
      "A large append-only file many photos are packed into, by volume id: its state (writable, sealed read-only, moved to the warm tier), its replicas with their nodes and zones (or its erasure-coded stripe), and the bytes used.",
    truth: true,
    topic: T,
  },
  {
    name: "Needle",
    description:
      "One photo's bytes inside a volume replica: a header with the photo id, a deleted flag and the size, then the data and its checksum; appended once, never rewritten, and found through the storage node's in-memory index (photo id to offset).",
    truth: true,
    topic: T,
  },
] as const;

export const MEDIA_WRITES = [
  {
    action:
      "accept an upload under the upload id the client chose, part by part with each part's checksum, so a retried or resumed upload creates one photo",
    entity: "Photo",
    shape: "create target",
    mechanism: "idempotency-key",
    critical: true,
    topic: T,
  },
  {
    action:
      "append the photo's bytes as a needle, checked against the SHA-256 its URL will carry, to a writable volume on every replica in distinct zones (or as the pieces of its erasure-coded stripe), each written to disk before it answers",
    entity: "Needle",
    shape: "append event",
    mechanism: "content-addressing",
    critical: true,
    topic: T,
  },
  {
    action:
      "commit the photo's metadata (owner, volume, offset, size, checksum) only after every replica has its needle on disk, then answer the uploader with its content-addressed URL",
    entity: "Photo",
    shape: "state transition",
    mechanism: "publish-content-first",
    critical: true,
    topic: T,
  },
  {
    action:
      "rebuild the replicas of volumes on a lost disk or node from healthy ones, on nodes in other zones, fewest healthy replicas first",
    entity: "Volume",
    shape: "async process",
    mechanism: "replica-repair",
    hidden: true,
    critical: true,
    topic: T,
  },
  {
    action:
      "scrub sealed volumes by recomputing each needle's checksum and replace a bad needle from a healthy replica",
    entity: "Needle",
    shape: "async process",
    mechanism: "anti-entropy-repair",
    hidden: true,
    topic: T,
  },
  {
    action:
      "delete a photo by marking its metadata and needle deleted; the bytes are reclaimed when the volume is compacted after a grace period",
    entity: "Photo",
    shape: "state transition",
    mechanism: "guarded-transition",
    topic: T,
  },
] as const;

export const MEDIA_READS = [
  {
    action:
      "serve a photo by its URL through the CDN; on a miss the read service finds its volume and offset and reads the needle in one disk read, checking its checksum",
    entity: "Needle",
    shape: "read source",
    staleness:
      "none: a URL names one photo's content, whose bytes never change, so any cached copy is correct and no purge is needed",
    topic: T,
  },
  {
    action: "look up a photo's metadata (owner, state, placement, checksum) by photo id",
    entity: "Photo",
    shape: "read source",
    staleness: "none: read from the metadata store that committed it",
    topic: T,
  },
] as const;

export const MEDIA_INVARIANTS = [
  "A Photo is acknowledged to its uploader only after its Needle is on disk in every replica of its Volume in distinct zones (or its erasure-coded stripe is complete), and only then does the Photo record point at it, so no acknowledged photo is ever lost to a disk, node or zone failure.",
  "A Photo's URL names its content (photo id and checksum) and the bytes under it never change, so a CDN or browser copy is never stale and nothing is purged when a photo is read.",
  "A Needle whose checksum does not match is never served and never counted as a replica; a scrub or a reader replaces it from a healthy one.",
  "A retried or resumed upload under the same upload id creates at most one Photo.",
];

/** The mechanism that keeps each of the photo store's rules (`keptBy` on the card's invariant marks). */
export const MEDIA_KEPT_BY: Readonly<Record<string, MechanismId>> = {
  [MEDIA_INVARIANTS[0] as string]: "publish-content-first",
  [MEDIA_INVARIANTS[1] as string]: "content-addressing",
  [MEDIA_INVARIANTS[2] as string]: "anti-entropy-repair",
  [MEDIA_INVARIANTS[3] as string]: "idempotency-key",
};

export const MEDIA_FAILURES = [
  {
    failure:
      "Acknowledged, then lost: the service answers the upload once one replica has the bytes, and that disk dies before the others have them",
    role: "truth",
    prevention:
      "Answer the uploader only after every replica (or every piece of the stripe) has written the needle to disk, and commit the metadata after that",
    repair:
      "Nothing can bring back bytes no replica kept, which is why the acknowledgement waits; an upload that failed before it is retried by the client under the same upload id",
    topic: T,
  },
  {
    failure:
      "Metadata points at missing bytes: the photo record is committed while its needle is still being written, and a crash leaves a URL that returns nothing",
    role: "truth",
    prevention: "Commit the Photo record only after the needle is durable on every replica",
    repair:
      "An upload left in the uploading state past its deadline is marked failed and its partial needles are reclaimed at compaction",
    topic: T,
  },
  {
    failure:
      "A whole zone is lost and every volume keeps one replica fewer, so a second failure could take a photo's last copy",
    role: "truth",
    prevention:
      "Replicas (or stripe pieces) of each volume sit in distinct zones, so a zone loss leaves the others readable",
    repair:
      "Rebuild the missing replicas in the surviving zones, throttled so uploads and reads keep their bandwidth, volumes with the fewest healthy replicas first",
    topic: T,
  },
  {
    failure:
      "A client retries an upload after a timeout and the photo is stored twice under two photo ids, one of them never referenced",
    role: "coordination",
    prevention: "The upload id is the idempotency key: a retry finds the upload it started and resumes it",
    repair: "Needles no committed photo points at are reclaimed when their volume is compacted",
    topic: T,
  },
] as const;

export const MEDIA_BOTTLENECKS = [
  {
    bottleneck:
      "Ingest: every uploaded byte is written once per replica, and the daily bytes decide how many disks are added each day",
    mitigation:
      "Stream each photo to its replicas in parallel from the upload service, fill one writable volume per disk sequentially, and move cooled, sealed volumes to an erasure-coded warm tier",
    formula: {
      yields: "raw bytes added per day",
      expression: "bytes_per_day * storage_overhead",
      unit: "B/day",
    },
    topic: T,
  },
] as const;

export const MEDIA_COMPONENTS: ComponentSpec[] = [
  {
    id: "clients",
    name: "Apps and browsers (upload and view photos)",
    kind: "client",
    runs: ["upload in parts", "resume an upload", "view by URL"],
    because: "phones upload over flaky networks and viewers fetch photos by URL, mostly from the CDN",
    topic: T,
  },
  {
    id: "cdn",
    name: "CDN edge (immutable, content-named photo URLs)",
    kind: "cache",
    holds: [],
    runs: ["serve photo", "fill on miss"],
    because:
      "fresh photos are read most, near the viewers; a URL's bytes never change, so copies are kept, never purged",
    topic: T,
  },
  {
    id: "upload-service",
    name: "Upload service (idempotent, resumable uploads)",
    kind: "gateway",
    runs: ["start upload", "receive parts with checksums", "write needle to every replica", "commit metadata"],
    because:
      "uploads arrive from phones on flaky networks, so each is resumable under its upload id and acknowledged only when durable",
    topic: T,
  },
  {
    id: "photo-meta",
    name: "Photo metadata store (photo id to owner, volume and checksum; sharded)",
    kind: "store",
    holds: ["Photo"],
    runs: ["insert uploading photo if absent", "commit placement", "look up"],
    because:
      "one row per photo says whose it is and where its bytes are; sharding by photo id spreads billions of rows",
    topic: T,
  },
  {
    id: "volume-directory",
    name: "Volume directory (volumes, their replicas and state)",
    kind: "replica-group",
    holds: ["Volume"],
    runs: ["pick a writable volume", "seal full volumes", "record replicas"],
    because:
      "uploads need a writable volume with healthy replicas in distinct zones, and repair needs to know where each one is",
    topic: T,
  },
  {
    id: "volume-stores",
    name: "Storage nodes (large append-only volumes of needles, in-memory index)",
    kind: "store",
    holds: ["Needle", "StorageNode"],
    runs: ["append needle", "read needle in one disk read", "scrub checksums"],
    because:
      "packing many photos into a few large files keeps the per-photo metadata small enough for memory, so a read is one disk read",
    topic: T,
  },
  {
    id: "photo-read",
    name: "Photo read service (the CDN's origin)",
    kind: "service",
    runs: ["look up placement", "read needle", "fail over to another replica"],
    because: "a CDN miss needs the photo's volume and offset before one disk read on a healthy replica",
    topic: T,
  },
];

export const MEDIA_LINKS: LinkSpec[] = [
  { from: "clients", to: "upload-service", kind: "request", label: "start upload, PUT parts, complete", topic: T },
  { from: "upload-service", to: "photo-meta", kind: "request", label: "insert, commit placement", topic: T },
  { from: "upload-service", to: "volume-directory", kind: "request", label: "writable volume", topic: T },
  { from: "upload-service", to: "volume-stores", kind: "request", label: "append needle to every replica", topic: T },
  { from: "clients", to: "cdn", kind: "request", label: "GET photo URL", topic: T },
  { from: "cdn", to: "photo-read", kind: "request", label: "fill on miss", topic: T },
  { from: "photo-read", to: "photo-meta", kind: "request", label: "look up placement", topic: T },
  { from: "photo-read", to: "volume-stores", kind: "request", label: "read needle", topic: T },
  { from: "repair", to: "volume-directory", kind: "control", label: "volumes below target", topic: T },
  { from: "repair", to: "volume-stores", kind: "control", label: "rebuild replicas, scrub", topic: T },
];

export const MEDIA_API: ApiSpec[] = [
  {
    operation: "start upload",
    call: "POST /v1/uploads",
    request: ["upload_id (chosen by the client)", "size", "sha256", "content type"],
    response: ["pre-signed part URLs (expiring)", "part size"],
    errors: ["413 too large", "409 upload id reused with another checksum"],
    guarantee: "the same upload id always names the same upload, so a retried start resumes it",
    topic: T,
  },
  {
    operation: "upload part",
    call: "PUT /v1/uploads/{upload_id}/parts/{n} (pre-signed)",
    request: ["part bytes", "part checksum"],
    response: ["part received"],
    errors: ["400 part checksum mismatch", "403 URL expired"],
    guarantee: "a part sent again replaces the same part, so an interrupted upload resumes from its missing parts",
    topic: T,
  },
  {
    operation: "complete upload",
    call: "POST /v1/uploads/{upload_id}:complete",
    request: ["upload_id"],
    response: ["photo_id", "URL naming the photo's content"],
    errors: ["400 checksum mismatch", "503 not durable yet (retry with the same upload id)"],
    guarantee:
      "answers only once the photo's bytes are durable on every replica in distinct zones and its metadata is committed; a retry returns the same photo",
    topic: T,
  },
  {
    operation: "get photo",
    call: "GET https://cdn.example.com/p/{photo_id}-{sha256}.jpg",
    request: ["photo_id", "checksum in the URL"],
    response: ["bytes with Cache-Control: public, max-age=31536000, immutable"],
    errors: ["404 unknown or deleted photo"],
    guarantee: "the bytes under a URL never change, so edges and browsers keep them and nothing is purged on read",
    topic: T,
  },
  {
    operation: "delete photo",
    call: "DELETE /v1/photos/{photo_id}",
    request: ["photo_id"],
    response: ["deleted"],
    errors: ["403 not the owner", "404 unknown photo"],
    guarantee:
      "the origin stops serving it at once and its bytes are reclaimed at compaction; copies already at the edge age out",
    topic: T,
  },
];

export const MEDIA_DATA: DataSpec[] = [
  {
    entity: "Photo",
    key: ["photo_id"],
    fields: ["owner_id", "upload_id", "state", "size", "sha256", "volume_id", "offset", "created_at"],
    indexes: ["(owner_id, created_at)", "upload_id"],
    partitionKey: "photo_id",
    owner: "photo-meta",
    topic: T,
  },
  {
    entity: "Volume",
    key: ["volume_id"],
    fields: ["state (writable, sealed, warm)", "replicas (node, zone) or stripe", "bytes_used"],
    indexes: ["(state, zone)"],
    owner: "volume-directory",
    topic: T,
  },
  {
    entity: "Needle",
    key: ["volume_id", "offset"],
    fields: ["photo_id", "deleted flag", "size", "checksum", "data"],
    indexes: ["in memory: photo_id -> offset, size"],
    partitionKey: "volume_id",
    owner: "volume-stores",
    topic: T,
  },
];

export const MEDIA_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Upload a photo, acknowledged once durable",
    notation:
      "clients>upload-service[start upload with upload id {no Photo for this upload id}] -> upload-service>photo-meta[insert uploading photo] -> clients>upload-service[PUT parts with checksums] -> upload-service>volume-directory[pick a writable volume with replicas in distinct zones] -> upload-service>volume-stores[append needle on every replica {checksum of bytes = declared checksum}] -> volume-stores>upload-service[on disk in every replica] -> upload-service>photo-meta[commit placement {every replica durable}] -> upload-service>clients[photo id and URL] |-> upload-service>clients[retry with the same upload id {a replica failed}] => done | retry",
    topic: T,
  },
  {
    name: "Read a photo through the CDN",
    notation:
      "clients>cdn[GET photo URL] -> cdn>photo-read[fill on miss {not cached}] -> photo-read>photo-meta[look up volume and offset {Photo.state = committed}] -> photo-read>volume-stores[read needle {checksum ok}] -> volume-stores>photo-read[bytes] -> photo-read>cdn[bytes, immutable] -> cdn>clients[photo] |-> photo-read>volume-stores[read another replica {checksum fails or node down}] => done | retry",
    topic: T,
  },
  {
    name: "Rebuild a lost volume replica",
    notation:
      "repair>volume-directory[list volumes below their replica target {healthy replicas < target}] -> repair>volume-stores[copy the volume from a healthy replica to a node in another zone {source checksums ok}] -> volume-stores>repair[copied] -> repair>volume-directory[record the new replica] => done | retry | repair",
    topic: T,
  },
];

/**
 * The photo store's bytes: the stated uploads a day at a photo's size give the bytes a day, a year of them what the
 * store holds, and from those the raw bytes, disks and bandwidth with the redundancy the i19-redundancy decision picks.
 */
export const MEDIA_CAPACITY_INPUTS: CapacityModel["inputs"] = [
  {
    quantity: "object_bytes",
    typical: 2000000,
    why: "a phone camera JPEG is a few megabytes, and the service keeps a few resized copies beside it, so about 2 MB a photo in all (a planning figure)",
  },
  {
    quantity: "bytes_per_day",
    typical: 1e13,
    why: "about 10 TB of new photos a day",
    from: {
      expression: "writes_per_sec * object_bytes * 86400",
      why: "the stated uploads at a photo's size, over a day",
    },
  },
  {
    quantity: "bytes_stored",
    typical: 1e15,
    why: "a photo store holds about a petabyte",
    from: {
      expression: "bytes_per_day * 365",
      why: "a year of uploads: photos are never deleted by the store, so it holds at least that by the end of its first year",
    },
  },
  {
    quantity: "chunk_bytes",
    typical: 100000000000,
    why: "a volume is one large append-only file of many photos (about 100 GB, a planning figure), so a node keeps a few hundred and their index fits in memory",
  },
  {
    quantity: "photo_meta_bytes",
    label: "bytes of one photo's metadata row",
    unit: "B",
    typical: 200,
    why: "photo id, owner, upload id, state, size, checksum, volume and offset: about 200 bytes (a planning figure)",
  },
];

export const MEDIA_CAPACITY_FIGURES: CapacityModel["figures"] = [
  fig(
    "ingest_bandwidth",
    "upload bandwidth into the upload service, before redundancy",
    "bandwidth",
    "bytes_per_day / 86400",
    "B/s",
  ),
  fig("photos_per_year", "photos stored a year", "growth", "bytes_per_day * 365 / object_bytes", "photos"),
  fig(
    "photo_meta_total_bytes",
    "photo metadata rows added a year, across the metadata shards",
    "storage",
    "bytes_per_day * 365 / object_bytes * photo_meta_bytes",
    "B",
  ),
];

export const MEDIA_SCOPES = {
  topic: T,
  ordering: {
    scope: "key",
    why: "a photo's bytes never change once committed; only its state moves (uploading, committed, deleted), in its own row",
  },
  exclusivity: {
    scope: "key",
    why: "one upload id creates one photo: the commit is conditional on the photo still being in the uploading state",
  },
  coordination: {
    scope: "replica group",
    why: "every replica of a volume must hold a needle on disk before its photo is committed",
  },
} as const;

export const MEDIA_SILHOUETTE = {
  topic: T,
  storage:
    "photo metadata by photo id + large append-only volumes of needles, replicated across zones or erasure-coded",
  coordination: "durable placement before the metadata commit, sealing, scrubbing and repair of volumes",
  serving: "a CDN in front of one-disk-read needle fetches by photo id",
} as const;

export const MEDIA_TECHNOLOGIES: NonNullable<ArchetypeInput["technologies"]> = [
  {
    product: "a volume store of our own (needles appended to large volume files, in-memory index, as Haystack does)",
    layer: "storage",
    fits: "Photos are written once and read many times, so packing them into large append-only files keeps per-photo metadata in memory and each read to one disk read; volumes are replicated whole across zones and sealed when full",
    suits: ["durable", "large-objects", "high-throughput", "low-cost"],
    poorFor: ["operational-simplicity"],
    caveat:
      "Deleted photos leave holes until a volume is compacted, and repair, scrubbing and compaction are ours to build and run",
    topic: T,
  },
  {
    product: "an erasure-coded warm tier for sealed volumes (Reed-Solomon 10+4 as in f4)",
    layer: "storage",
    fits: "Sealed volumes whose photos have cooled are re-encoded into stripes of 10 data and 4 parity pieces, so they take 1.4 times their bytes instead of three full copies",
    suits: ["durable", "low-cost", "large-objects"],
    poorFor: ["low-latency"],
    caveat:
      "Reading around a lost piece reads 10 others, so only cool volumes move there; hot, fresh photos stay replicated",
    topic: T,
  },
  {
    product: "a sharded, replicated database for photo metadata (MySQL shards or Cassandra)",
    layer: "coordination",
    fits: "One small row per photo keyed by photo id, written twice per upload (insert, then commit after the bytes are durable) and read on every CDN miss",
    suits: ["small-metadata", "elastic-scale", "durable"],
    poorFor: ["large-objects"],
    caveat: "Keep the bytes out of it; a listing by owner is a secondary index, not a scan",
    topic: T,
  },
  {
    product: "a CDN (CloudFront, Akamai or Fastly) in front of the read service",
    layer: "serving",
    fits: "Immutable, content-named URLs cache at the edge for a year and need no invalidation; fresh photos, read most, are served near the viewers",
    suits: ["low-latency", "elastic-scale", "high-throughput"],
    poorFor: ["low-cost"],
    caveat: "A deleted photo's copies stay at the edge until they age out, unless a takedown purges them",
    topic: T,
  },
];

/** What a photo store design must draw and must not (coherence `media-store-shape`). */
export const MEDIA_SHAPE = {
  entities: ["Photo", "Volume", "Needle"],
  upload: "complete upload",
  growth: "daily_growth",
  /** Residue of a cache-invalidation system, a config rollout, a file system or a bought object store. */
  residue:
    /\b(?:purge (?:and policy|fan-?out|requests?|status)|invalidation fan-?out|origin shield|Config store|Rollout controller|Health gate|primary lease|chunkserver|append\(file|Amazon S3|Google Cloud Storage)\b/i,
} as const;
