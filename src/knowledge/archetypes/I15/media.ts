import type { z } from "zod";
import { fig, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { MechanismId } from "../../mechanisms/catalog.js";
import type { Technology } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * A worker fleet whose subject is uploaded media turned into renditions (topic "media-pipeline",
 * knowledge/topics.ts): a video transcoding pipeline making several resolutions, a podcast pipeline making several
 * audio bitrates, an image pipeline making thumbnail sizes, a converter turning uploaded documents into PDFs. The
 * source goes straight to object storage; its completed upload creates one asset record and a durable job for it; a
 * splitter cuts a long source at keyframes into segments and fans out one encode task per (rendition, segment) (an
 * image or a document is one segment); a fleet of workers takes the tasks under leases and writes each output under
 * the attempt's own staging prefix; and only when every task of every rendition is done does the packager write the
 * playlists and publish them in one step, a conditional write of the asset's manifest pointer, which the CDN and
 * players follow. What makes it right is that a crashed worker's task comes back when its lease lapses, that a retry
 * of a (asset, rendition, segment) overwrites the same output rather than adding one, and that nobody ever sees a
 * rendition, playlist or asset before all of its parts exist.
 *
 * Facts, checked against primary sources:
 * - HLS (RFC 8216): a media playlist lists a rendition's segments in order, each with its duration (EXTINF);
 *   EXT-X-TARGETDURATION bounds every segment's duration; a playlist of type VOD must not change, and EXT-X-ENDLIST
 *   says no segment follows. A multivariant (master) playlist lists one entry per rendition (EXT-X-STREAM-INF with
 *   its bandwidth and resolution), so a player only learns of a rendition through it.
 * - Apple's HLS authoring specification: key frames (IDRs) should come every two seconds, and it recommends a ladder
 *   of variants from 416x234 up to 1080p and beyond, each with its average bit rate.
 * - MPEG-DASH: the MPD is an XML manifest of Periods, each holding Adaptation Sets, each holding Representations (one
 *   per resolution or bit rate), whose segments a SegmentTemplate names by number.
 * - Amazon S3 PutObject: S3 never adds a partial object; a success means the whole object was added. Of concurrent
 *   writes to one key the last wins, and S3 itself offers no locking across keys, so publishing a set of objects as
 *   one needs a pointer the application writes last.
 * Planning figures (an upload's length, encode speed per core, segment length, bit rates) are assumptions, said in
 * their rows.
 */

const T = "media-pipeline" as const;
type TechnologyInput = z.input<typeof Technology>;

const STANCE = {
  consistency: "linearizable",
  availability: "fail-closed",
  because:
    "a task lease or a manifest pointer granted on both sides of a split lets two attempts write and publish the same output, so a job store without a majority hands out no task and publishes nothing; encodes already running keep going and report when it is back",
} as const;

export const MEDIA_ENTITIES = [
  {
    name: "Asset",
    description:
      "One uploaded source (a video, an episode, an image, a document): upload id (the idempotency key), source object key and checksum, probed duration and format, state (uploaded, splitting, encoding, packaging, published, failed), and the version of its published manifest.",
    stance: STANCE,
    truth: true,
    topic: T,
  },
  {
    name: "Rendition",
    description:
      "One output the asset is turned into, counted from the prompt (a resolution, an audio bitrate, a thumbnail size, a PDF): its label, resolution or size, bitrate and codec, the number of segments done out of the asset's total, and state (pending, complete).",
    stance: STANCE,
    truth: true,
    topic: T,
  },
  {
    name: "EncodeTask",
    description:
      "One unit of encode work, keyed by (asset, rendition, segment): the source byte or time range, state (queued, leased, done, failed), attempt, the worker holding the lease and lease_expires_at, and the staging key and checksum of its output.",
    stance: STANCE,
    truth: true,
    topic: T,
  },
  {
    name: "Manifest",
    description:
      "The published version of an asset: the keys of its multivariant playlist and of each rendition's playlist (or its DASH MPD, or the output files of an image or document), the attempt that wrote them and when; the one pointer players, the CDN and the API follow.",
    stance: STANCE,
    truth: true,
    topic: T,
  },
] as const;

export const MEDIA_WRITES = [
  {
    action:
      "accept a completed upload: the client puts the source straight into the object store under a pre-signed multipart upload, and its completion creates the Asset under the upload id and enqueues one job for it, so a repeated completion makes nothing twice",
    entity: "Asset",
    shape: "create target",
    mechanism: "idempotency-key",
    critical: true,
    topic: T,
  },
  {
    action:
      "split the source: probe it, cut it at keyframes into segments of a few seconds (an image or a document is one segment), and write an EncodeTask per (rendition, segment), each created only if absent",
    entity: "EncodeTask",
    shape: "create target",
    mechanism: "put-if-absent",
    critical: true,
    topic: T,
  },
  {
    action:
      "create a Rendition per output the prompt counts (a resolution, a bitrate, a size, a format) with its label and segment total, only if absent, so a re-run split adds none",
    entity: "Rendition",
    shape: "create target",
    mechanism: "put-if-absent",
    topic: T,
  },
  {
    action:
      "claim an encode task: a worker moves one queued EncodeTask to leased with its own id, a raised attempt and lease_expires_at, by a conditional write that only one worker wins",
    entity: "EncodeTask",
    shape: "state transition",
    mechanism: "claim-run",
    critical: true,
    topic: T,
  },
  {
    action:
      "renew an encode task's lease on the worker's heartbeat while the encode runs, only where the task still carries the worker's attempt",
    entity: "EncodeTask",
    shape: "state transition",
    mechanism: "heartbeat-renewal",
    hidden: true,
    topic: T,
  },
  {
    action:
      "finish an encode task: write the encoded segment under the attempt's staging prefix, at a key fixed by (asset, rendition, segment), verify its checksum, then mark the task done and count the segment on its Rendition, accepted only from the attempt number the task carries now",
    entity: "Rendition",
    shape: "state transition",
    mechanism: "fencing-token",
    critical: true,
    topic: T,
  },
  {
    action:
      "re-queue the encode tasks whose lease lapsed (a crashed or stalled worker), with the attempt raised, and fail a task that has used up its attempts",
    entity: "EncodeTask",
    shape: "async process",
    mechanism: "expiry-sweeper",
    hidden: true,
    critical: true,
    topic: T,
  },
  {
    action:
      "publish the asset's outputs: once every Rendition is complete, write each rendition's playlist and the multivariant playlist under the staging prefix, then move the Manifest pointer to them in one conditional write on the Asset, the last step and the only one readers see",
    entity: "Manifest",
    shape: "state transition",
    mechanism: "head-pointer-cas",
    critical: true,
    topic: T,
  },
  {
    action:
      "delete the staging prefixes of abandoned attempts, and of any version no Manifest points at, after a grace period",
    entity: "Manifest",
    shape: "async process",
    mechanism: "reference-gc",
    hidden: true,
    topic: T,
  },
] as const;

export const MEDIA_READS = [
  {
    action: "a player fetches the published playlist and its segments through the CDN",
    entity: "Manifest",
    shape: "read projection",
    staleness:
      "none for what is published: a playlist of a published version never changes, so every edge copy of it is exact; a new version is a new key",
    topic: T,
  },
  {
    action: "an uploader reads its asset's state and how many segments of each rendition are done",
    entity: "Asset",
    shape: "read source",
    staleness: "none: read from the job store that the workers report to",
    topic: T,
  },
] as const;

const NO_HALF =
  "No half-written Asset is ever published: encode outputs go only under an attempt's staging prefix, which no player, CDN or API follows, and the Asset becomes visible through one conditional write of its Manifest pointer, made last, after every EncodeTask of every Rendition is done and its output verified.";
const ONE_OUTPUT =
  "Each (asset, rendition, segment) has one output: a retried EncodeTask writes the same key, and a finish is accepted only from the EncodeTask's current attempt, so a crashed or late worker never adds a second segment or finishes one EncodeTask twice.";
const NO_LOSS =
  "A crashed worker's EncodeTask is never lost: its lease lapses without renewals and the sweeper re-queues it with its attempt raised, so every EncodeTask ends done or, after its last attempt, failed with the Asset marked failed.";
const LADDER =
  "A Manifest lists every Rendition the asset is made into, each with all of its segments in order and no segment longer than the playlist's target duration; a rendition with a missing segment is never listed.";

export const MEDIA_INVARIANTS = [NO_HALF, ONE_OUTPUT, NO_LOSS, LADDER];

/** The mechanism that keeps each of the pipeline's rules (`keptBy` on the card's invariant marks). */
export const MEDIA_KEPT_BY: Readonly<Record<string, MechanismId>> = {
  [NO_HALF]: "head-pointer-cas",
  [ONE_OUTPUT]: "fencing-token",
  [NO_LOSS]: "expiry-sweeper",
  [LADDER]: "publish-content-first",
};

export const MEDIA_FAILURES = [
  {
    failure: "A worker crashes halfway through encoding a segment",
    role: "truth",
    prevention:
      "The task is leased, renewed by the worker's heartbeat; with no renewals the lease lapses and the sweeper re-queues it with its attempt raised",
    repair:
      "Another worker encodes that one segment again into a new staging location; only that segment's work is lost, not the video's",
    topic: T,
  },
  {
    failure:
      "A worker pauses past its lease (a long GC or a network cut), wakes up and tries to finish a task another worker has taken",
    role: "truth",
    prevention:
      "The finish is a conditional write on the task's current attempt, so the stale worker's report is refused; its output sits in its own staging prefix, which nothing points at",
    repair: "The stale staging is deleted after the grace period; the current attempt's output is the one published",
    topic: T,
  },
  {
    failure: "The packager crashes after writing some playlists and before the manifest pointer moves",
    role: "truth",
    prevention:
      "Playlists go under the staging prefix and the pointer write comes last, so readers still see the previous version or nothing",
    repair:
      "The publish step is re-run from the done tasks (it is idempotent by the asset's version) and moves the pointer once",
    topic: T,
  },
  {
    failure: "A segment's output is corrupt or cut short",
    role: "derived",
    prevention:
      "Each output is written by one whole-object PUT and its checksum verified before the task is marked done",
    repair: "The task fails its check and is re-queued; the asset stays unpublished until it passes",
    topic: T,
  },
  {
    failure: "A source that always fails (a corrupt upload, an unknown codec) is retried forever",
    role: "derived",
    prevention: "Each task has an attempt limit; past it the task and its Asset are marked failed",
    repair: "The uploader is told; an operator can re-drive the asset after a fix",
    topic: T,
  },
  {
    failure: "An upload spike (a campaign, a time zone's evening) fills the queue faster than the fleet encodes",
    role: "derived",
    prevention:
      "Autoscale workers on queue backlog in core-seconds, and give short or paid uploads their own queue so a long backlog does not hold them",
    repair: "Drain the backlog with spot capacity; the leases keep a reclaimed spot worker's tasks safe",
    topic: T,
  },
] as const;

export const MEDIA_BOTTLENECKS = [
  {
    bottleneck: "Encode compute: every second of media is encoded once per rendition",
    mitigation:
      "Encode segments in parallel on a fleet sized from backlog, keep the ladder to the renditions players use, use hardware encoders or spot capacity for the bulk",
    formula: {
      yields: "cores busy encoding on the day's average",
      expression: "assets_per_sec * media_seconds * renditions * encode_core_seconds / target_utilisation",
      unit: "cores",
    },
    topic: T,
  },
  {
    bottleneck: "Task bookkeeping: a claim, renewals and a finish per (rendition, segment) in the job store",
    mitigation:
      "Shard the job store by asset id, batch a worker's renewals, and make segments a few seconds long, not one",
    formula: {
      yields: "encode tasks started a second at peak",
      expression: "assets_per_sec * peak_factor * renditions * media_seconds / segment_seconds",
      unit: "tasks/s",
    },
    topic: T,
  },
] as const;

export const MEDIA_TECHNOLOGIES: TechnologyInput[] = [
  {
    product: "Amazon S3 (or any object store) with a staging prefix per attempt",
    layer: "storage",
    fits: "Sources, staged outputs and published renditions as whole objects. A PUT never leaves a partial object, and a key fixed by (asset, rendition, segment) makes a retry replace the same object",
    suits: ["durable", "large-objects", "elastic-scale"],
    poorFor: ["low-latency"],
    caveat:
      "There is no transaction across keys, so a set of objects becomes visible only through a pointer written last in a store that has conditional writes",
    topic: T,
  },
  {
    product: "PostgreSQL sharded by asset id (job store: assets, renditions, encode tasks, manifest pointer)",
    layer: "coordination",
    fits: "A task is claimed with UPDATE … SET state = 'leased', attempt = attempt + 1 WHERE state = 'queued' (FOR UPDATE SKIP LOCKED), finished only WHERE attempt matches, and the manifest pointer moved by one conditional update",
    suits: ["linearizable", "durable", "rich-queries"],
    poorFor: ["multi-region"],
    caveat: "Thousands of task writes a second need a few shards; the lease sweeper is our own index scan",
    topic: T,
  },
  {
    product: "FFmpeg workers (x264, x265 or hardware encoders), packaging HLS and DASH",
    layer: "serving",
    fits: "Encodes one segment of one rendition per task and writes HLS playlists or a DASH MPD from the finished segments",
    suits: ["high-throughput", "low-cost"],
    poorFor: ["operational-simplicity"],
    caveat:
      "Segments cut at fixed keyframe intervals must line up across renditions, so the splitter forces keyframes (every two seconds) before cutting",
    topic: T,
  },
  {
    product: "AWS Elemental MediaConvert",
    layer: "serving",
    fits: "A managed transcoder that takes a source from S3 and writes an HLS or DASH ladder back to it",
    suits: ["operational-simplicity", "elastic-scale"],
    poorFor: ["low-cost"],
    caveat:
      "It writes its outputs where it is told, so the pipeline still publishes by its own pointer after the job completes",
    topic: T,
  },
];

export const MEDIA_COMPONENTS: ComponentSpec[] = [
  {
    id: "uploaders",
    name: "Uploaders (pre-signed multipart upload)",
    kind: "client",
    runs: ["upload source", "read status", "play"],
    because: "the source bytes go straight to the object store; a retried completion names the same upload id",
    topic: T,
  },
  {
    id: "upload-api",
    name: "Upload API (upload URLs, completion, status)",
    kind: "service",
    runs: ["issue upload URL", "accept completion", "read status"],
    because: "it creates the asset and its job once per upload id and never touches the bytes",
    topic: T,
  },
  {
    id: "object-store",
    name: "Object store (sources, per-attempt staging prefixes, published renditions)",
    kind: "store",
    runs: ["put whole objects", "serve published objects to the CDN"],
    because: "a PUT adds a whole object or none, and staging keys are never followed by readers",
    topic: T,
  },
  {
    id: "job-store",
    name: "Job store (assets, renditions, encode tasks with leases, manifest pointer; sharded by asset)",
    kind: "replica-group",
    holds: ["Asset", "Rendition", "EncodeTask", "Manifest"],
    runs: ["conditional claim", "renew lease", "finish by attempt", "move manifest pointer"],
    because: "task leases and the publish pointer need conditional writes on one authority",
    topic: T,
  },
  {
    id: "splitter",
    name: "Splitter (probe, cut at keyframes, fan out one task per rendition and segment)",
    kind: "service",
    runs: ["probe source", "cut segments", "create tasks"],
    because: "segments of a few seconds let the whole ladder of a long video encode in parallel",
    topic: T,
  },
  {
    id: "encode-workers",
    name: "Encode workers (claim a leased task, encode one segment of one rendition, write to staging)",
    kind: "worker-pool",
    runs: ["claim task", "encode", "renew lease", "write output", "finish task"],
    because: "the fleet does the compute and is the part that crashes",
    topic: T,
  },
  {
    id: "lease-sweeper",
    name: "Lease sweeper (re-queues lapsed tasks, deletes abandoned staging)",
    kind: "control-loop",
    runs: ["find lapsed leases", "re-queue with attempt raised", "delete abandoned staging after grace"],
    because: "a crashed worker never says so; its lease lapsing is the signal",
    topic: T,
  },
  {
    id: "packager",
    name: "Packager (writes playlists, then moves the manifest pointer last)",
    kind: "service",
    runs: ["write rendition playlists", "write multivariant playlist", "publish manifest"],
    because: "publishing is one step that comes after every part exists",
    topic: T,
  },
  {
    id: "encode-autoscaler",
    name: "Autoscaler (workers from queued encode seconds)",
    kind: "control-loop",
    runs: ["resize the worker pool"],
    because: "uploads arrive in waves and the backlog in core-seconds says how many workers to run",
    topic: T,
  },
  {
    id: "cdn",
    name: "CDN (published playlists and segments)",
    kind: "cache",
    runs: ["serve playlists and segments", "fill from the object store"],
    because: "published versions never change, so edges keep them as long as they like",
    topic: T,
  },
];

export const MEDIA_LINKS: LinkSpec[] = [
  { from: "uploaders", to: "upload-api", kind: "request", label: "upload URL, completion, status", topic: T },
  { from: "uploaders", to: "object-store", kind: "request", label: "multipart upload of the source", topic: T },
  { from: "upload-api", to: "job-store", kind: "request", label: "create asset and job by upload id", topic: T },
  {
    from: "splitter",
    to: "job-store",
    kind: "request",
    label: "claim a new asset's split, then write its rendition and encode task rows",
    topic: T,
  },
  { from: "splitter", to: "object-store", kind: "request", label: "read source", topic: T },
  {
    from: "encode-workers",
    to: "job-store",
    kind: "request",
    label: "claim, renew, finish by attempt (the last task done moves its asset to packaging)",
    topic: T,
  },
  { from: "encode-workers", to: "object-store", kind: "request", label: "read segment, write to staging", topic: T },
  { from: "lease-sweeper", to: "job-store", kind: "control", label: "re-queue lapsed tasks", topic: T },
  { from: "packager", to: "object-store", kind: "request", label: "write playlists", topic: T },
  {
    from: "packager",
    to: "job-store",
    kind: "request",
    label: "claim an asset in packaging, then move its manifest pointer",
    topic: T,
  },
  { from: "encode-autoscaler", to: "encode-workers", kind: "control", label: "pool size", topic: T },
  { from: "cdn", to: "object-store", kind: "request", label: "fill published objects", topic: T },
  { from: "uploaders", to: "cdn", kind: "request", label: "play published renditions", topic: T },
];

export const MEDIA_API: ApiSpec[] = [
  {
    operation: "start upload",
    call: "POST /v1/uploads",
    request: ["upload_id (the client's, for retries)", "content type", "size"],
    response: ["pre-signed part URLs"],
    errors: ["413 too large", "415 unsupported type"],
    guarantee: "a retried call with the same upload id returns the same upload",
    topic: T,
  },
  {
    operation: "complete upload",
    call: "POST /v1/uploads/{upload_id}:complete",
    request: ["part checksums"],
    response: ["asset_id", "state"],
    errors: ["409 parts missing"],
    guarantee: "creates the asset and its job once; a repeat returns the same asset",
    topic: T,
  },
  {
    operation: "asset status",
    call: "GET /v1/assets/{asset_id}",
    request: ["asset_id"],
    response: ["state", "renditions with segments done", "manifest URL once published"],
    errors: ["404 unknown asset"],
    guarantee: "a manifest URL appears only after publish",
    topic: T,
  },
  {
    operation: "claim task",
    call: "POST /v1/encode-tasks:claim",
    request: ["worker_id", "lease_seconds"],
    response: ["asset, rendition, segment, source range, attempt, lease_expires_at"],
    errors: ["204 nothing queued"],
    guarantee: "one worker holds a task's lease at a time",
    topic: T,
  },
  {
    operation: "finish task",
    call: "POST /v1/encode-tasks/{asset_id}/{rendition}/{segment}:finish",
    request: ["attempt", "staging key", "checksum"],
    response: ["done"],
    errors: ["409 superseded attempt (the lease lapsed and the task moved on)"],
    guarantee: "accepted only from the current attempt; a repeat changes nothing",
    topic: T,
  },
];

export const MEDIA_DATA: DataSpec[] = [
  {
    entity: "Asset",
    key: ["asset_id"],
    fields: ["upload_id", "source_key", "checksum", "duration", "state", "manifest_version"],
    indexes: ["upload_id (unique)", "state"],
    partitionKey: "hash(asset_id)",
    owner: "job-store",
    topic: T,
  },
  {
    entity: "Rendition",
    key: ["asset_id", "rendition"],
    fields: ["resolution", "bitrate", "size", "codec", "segments_done", "segments_total", "state"],
    indexes: [],
    partitionKey: "hash(asset_id)",
    owner: "job-store",
    topic: T,
  },
  {
    entity: "EncodeTask",
    key: ["asset_id", "rendition", "segment"],
    fields: ["source_range", "state", "attempt", "worker_id", "lease_expires_at", "staging_key", "checksum"],
    indexes: ["(state, queued_at) (claims)", "lease_expires_at (the sweeper's scan)"],
    partitionKey: "hash(asset_id)",
    owner: "job-store",
    topic: T,
  },
  {
    entity: "Manifest",
    key: ["asset_id", "version"],
    fields: ["master_playlist_key", "rendition_playlist_keys", "attempt", "published_at"],
    indexes: [],
    partitionKey: "hash(asset_id)",
    owner: "job-store",
    topic: T,
  },
];

export const MEDIA_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Upload, split, encode in parallel, publish last",
    topic: T,
    notation:
      "uploaders>object-store[multipart upload of the source] -> uploaders>upload-api[complete upload {no Asset with this upload id}] -> upload-api>job-store[create asset and job] -> splitter>job-store[claim the new asset's split {Asset.state = uploaded}] -> splitter>job-store[create a task per rendition and segment {absent}] -> encode-workers>job-store[claim a task {EncodeTask.state = queued}] -> encode-workers>object-store[write output under the attempt's staging prefix] -> encode-workers>job-store[finish (the last task done moves the asset to packaging) {EncodeTask.attempt = current}] -> packager>job-store[claim the asset to package {every EncodeTask of the Asset done}] -> packager>object-store[write playlists under the staging prefix] -> packager>job-store[move the manifest pointer {Asset.manifest_version = read version}] => done | retry",
  },
  {
    name: "A worker dies and its task comes back",
    topic: T,
    notation:
      "encode-workers[stop renewing (crash)] -> lease-sweeper>job-store[find tasks whose lease lapsed {EncodeTask.lease_expires_at < now}] -> lease-sweeper>job-store[re-queue with attempt raised {attempt unchanged}] -> encode-workers>job-store[another worker claims it] |-> lease-sweeper>job-store[mark failed {attempt >= max_attempts}] => done | retry | reject",
  },
];

/**
 * The pipeline's figures: assets a second from the stated uploads, segments per asset, encode tasks a second, the
 * cores and workers the stated renditions need at a planning encode speed, and the bytes stored a day.
 */
export const MEDIA_CAPACITY: CapacityModel = {
  inputs: [
    // before the uploads a second, which a stated amount of media a second derives over this length
    {
      quantity: "media_seconds",
      label: "average length of one upload",
      unit: "s",
      typical: 300,
      why: "a user video or episode of about five minutes; an image or a document counts as one segment (a planning figure)",
    },
    {
      quantity: "assets_per_sec",
      label: "uploads to process a second (average)",
      unit: "assets/s",
      typical: 1,
      why: "a service taking tens of thousands of uploads a day (a planning figure)",
      from: [
        { expression: "writes_per_sec", why: "each stated upload is one asset to process" },
        // "500 hours of video uploaded every minute": the stated media a second over one upload's average length, so
        // the encode cores and the bytes a day rest on the stated hours, whatever length an upload is taken to have
        {
          expression: "media_seconds_per_sec / media_seconds",
          why: "the stated seconds of media arriving each second, over one upload's average length",
        },
      ],
    },
    {
      quantity: "renditions",
      label: "outputs made from each upload",
      unit: "renditions",
      typical: 4,
      why: "a small ladder of resolutions, bitrates or sizes (a planning figure)",
    },
    inp("segment_seconds", 6, "segments of a few seconds, cut on keyframes placed every two seconds"),
    {
      quantity: "encode_core_seconds",
      label: "core-seconds to encode one second of media into one rendition",
      unit: "s",
      typical: 2,
      why: "software H.264 at a medium preset, averaged over a ladder up to 1080p (a planning figure; hardware encoders need far less)",
    },
    inp("cores_per_worker", 16, "a compute-optimised machine of sixteen cores"),
    {
      quantity: "rendition_bytes_per_sec",
      label: "bytes of one rendition per second of media (average over the ladder)",
      unit: "B/s",
      typical: 250000,
      why: "about 2 Mb/s on average across a ladder from 234p to 1080p (a planning figure)",
    },
  ],
  figures: [
    fig(
      "peak_assets_per_sec",
      "uploads to process a second at peak",
      "peak",
      "assets_per_sec * peak_factor",
      "assets/s",
    ),
    fig("segments_per_asset", "segments per upload", "count", "media_seconds / segment_seconds", "segments"),
    fig(
      "encode_tasks_per_sec",
      "encode tasks started a second at peak (one per rendition and segment)",
      "rate",
      "peak_assets_per_sec * renditions * segments_per_asset",
      "tasks/s",
    ),
    fig(
      "encode_cores",
      "cores busy encoding (the day's average load; the task queue absorbs the peak and the autoscaler follows it)",
      "count",
      "assets_per_sec * media_seconds * renditions * encode_core_seconds / target_utilisation",
      "cores",
    ),
    fig(
      "workers_needed",
      "encode workers needed",
      "count",
      "encode_cores / cores_per_worker",
      "workers",
      true,
      "workers",
    ),
    fig(
      "task_writes_per_sec",
      "job-store writes for tasks (claim, a renewal, finish)",
      "hotspot",
      "encode_tasks_per_sec * 3",
      "writes/s",
    ),
    fig(
      "output_bytes_per_day",
      "rendition bytes written a day",
      "growth",
      "assets_per_sec * 86400 * media_seconds * renditions * rendition_bytes_per_sec",
      "B/day",
    ),
  ],
};

export const MEDIA_DECISIONS: DecisionPoint[] = [
  {
    id: "i15-media-split",
    topic: T,
    question: "Encode each rendition of an upload as one task, or cut the source into segments encoded in parallel?",
    options: [
      {
        id: "segments",
        name: "cut at keyframes into segments of a few seconds and encode each (rendition, segment) as its own task",
        buys: "a long video finishes in minutes across many workers, and a crash loses one segment's work",
        costs: "keyframes must be forced at the cut points, and the packager must join segments in order",
        winsWhen: "uploads run for minutes or more (video, long audio)",
      },
      {
        id: "whole-file",
        name: "one task per rendition over the whole source",
        buys: "no splitting or joining, and the encoder sees the whole source (two-pass rate control)",
        costs: "a long source takes as long as one machine needs, and a crash restarts the whole rendition",
        winsWhen: "every upload is small: an image, a document or a clip of seconds",
      },
    ],
    rules: [
      {
        when: [{ words: String.raw`\b(?:images?|photos?|pictures?|thumbnails?|documents?|pdfs?|files? to pdf)\b` }],
        option: "whole-file",
        because: "the prompt's uploads are images or documents, one small unit each",
      },
    ],
    fallback: {
      option: "segments",
      because: "a long upload encoded as one task makes a crash cost the whole rendition",
    },
  },
];
