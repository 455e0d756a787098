import { fig, inp, perUserDaily } from "./helpers.js";
import type { FeatureEntry } from "./index.js";
import { MEDIA_PROTOCOLS } from "./protocols.js";

export const MEDIA: FeatureEntry = {
  id: "media",
  name: "Media upload and delivery",
  summary:
    "Clients upload photos and videos straight to blob storage through a short-lived pre-signed URL; a processing pipeline makes the sizes or renditions; readers fetch them from a CDN. Published media is immutable, so every copy can be cached forever.",
  signals: [
    "upload photo",
    "upload video",
    "share photos",
    "photo sharing",
    "video sharing",
    "images",
    "media",
    "thumbnail",
    "transcode",
  ],
  terms: { media: "photo" },
  promptNouns: { media: ["video", "photo", "image", "picture"] },
  actions: [
    {
      action: "ask for an upload URL for a {media}",
      shape: "create target",
      entity: "MediaItem",
      critical: false,
      substrate: "I14",
    },
    {
      action: "upload the {media} bytes straight to the object store",
      shape: "create target",
      entity: "MediaBlob",
      critical: true,
      substrate: "I14",
      mechanism: "content-addressing",
    },
    {
      action: "process the uploaded {media} into its sizes and formats",
      shape: "async process",
      entity: "Rendition",
      critical: false,
      hidden: true,
      substrate: "I15",
      mechanism: "publish-content-first",
    },
    {
      action: "view a {media} from the nearest edge",
      shape: "read projection",
      entity: "Rendition",
      critical: false,
      substrate: "I07",
    },
  ],
  entities: [
    { name: "MediaItem", description: "metadata of one upload: owner, state (pending/ready), blob key, sizes" },
    { name: "MediaBlob", description: "the original bytes under an immutable key in the object store" },
    { name: "Rendition", description: "a derived size or encoding of the media, also immutable" },
  ],
  nfrs: [
    "uploads survive flaky mobile networks: large files go up in resumable parts",
    "a {media} is shown only after every rendition it needs exists",
    "media bytes never flow through the API servers",
  ],
  // Media sits in a managed object store behind a CDN: nothing here is a substrate a product leans on. The bytes
  // are not kept on a chunk store the design builds (I19), and a photo is no artefact under moving tags (I14 gives
  // only its immutable key).
  substrates: [
    {
      id: "I14",
      role: "input",
      why: "published media is immutable content under a stable key",
      record: {
        entity: "MediaBlob",
        why: "each upload is one immutable object under a key the media record names, so the object store and the media rows are the namespace: no manifests, moving tags or peer-to-peer distribution of its own",
      },
    },
    { id: "I15", role: "output", why: "resizing and transcoding run on a worker fleet" },
    { id: "I07", role: "output", why: "the CDN serves copies near readers and fills from the object store" },
  ],
  // an edge miss goes to a regional tier before the origin (CloudFront's regional edge caches, and Origin Shield as one
  // more layer in front of the origin: Amazon CloudFront Developer Guide, "Using Origin Shield"), and a key that names
  // its content never changes, so an edge may keep it until it is evicted
  hotspot: {
    figure: "media_egress",
    bottleneck:
      "Delivery egress: every view fetches {media} bytes, so reads outweigh uploads by orders of magnitude, and a viral {media} sends a flood of requests for one object",
    mitigation:
      "serve every view from CDN edges under immutable, content-named URLs with a long cache lifetime, put a regional or shield cache tier between the edges and the object store so each edge miss does not reach it, and send each client the rendition sized to its screen",
  },
  capacity: {
    inputs: [
      inp("users", 200e6, "daily active users of a large social app"),
      perUserDaily("uploads_per_user_per_day", "uploads", 0.2, "a minority of users upload a photo or two a day"),
      inp("object_bytes", 2e6, "a compressed phone photo is a few megabytes"),
      inp("rendition_factor", 1.5, "the resized copies add about half the original's size"),
      inp("views_per_user_per_day", 100, "a feed session shows dozens of images"),
      inp("view_bytes", 200e3, "the rendition shown in a feed is a few hundred kilobytes"),
    ],
    figures: [
      fig("uploads_per_sec", "uploads per second", "rate", "users * uploads_per_user_per_day / 86400", "uploads/s"),
      fig(
        "upload_ingress",
        "upload bandwidth into the object store",
        "bandwidth",
        "uploads_per_sec * object_bytes",
        "B/s",
      ),
      fig(
        "media_bytes_per_day",
        "media storage added per day",
        "growth",
        "uploads_per_sec * 86400 * object_bytes * rendition_factor",
        "B/day",
      ),
      fig(
        "media_bytes_5y",
        "media storage after five years",
        "storage",
        "media_bytes_per_day * 365 * planning_years",
        "B",
      ),
      fig(
        "media_egress",
        "average media delivery bandwidth",
        "bandwidth",
        "users * views_per_user_per_day * view_bytes / 86400",
        "B/s",
      ),
      fig(
        "origin_egress",
        "bandwidth the CDN pulls from the object store",
        "bandwidth",
        "media_egress * (1 - hit_ratio)",
        "B/s",
      ),
    ],
  },
  decisions: [
    {
      id: "media-upload-path",
      question: "Upload media through the API servers or straight to the object store with a pre-signed URL?",
      options: [
        {
          id: "presigned",
          name: "pre-signed URL, client uploads directly",
          buys: "API servers never carry media bytes; uploads scale with the object store",
          costs: "a second step to confirm the upload, and objects that were never confirmed to clean up",
          winsWhen: "files are large or uploads are many",
        },
        {
          id: "through-servers",
          name: "upload through the API servers",
          buys: "one request; the server can inspect bytes as they arrive",
          costs: "API servers carry all upload bandwidth and hold connections open for slow phones",
          winsWhen: "files are tiny and few",
        },
      ],
      rules: [
        {
          when: [{ number: "object_bytes", below: 50000 }],
          option: "through-servers",
          because: "the files are small enough that relaying them costs little",
        },
      ],
      fallback: { option: "presigned", because: "media files are megabytes and uploads arrive in bulk" },
    },
    {
      id: "media-renditions",
      question: "Produce every size when the media is uploaded, or resize on first request at the edge?",
      options: [
        {
          id: "eager",
          name: "make the renditions at upload time",
          buys: "every read hits a ready file; cost is paid once",
          costs: "storage for sizes that may never be viewed",
          winsWhen: "most media is viewed soon after upload in a few known sizes",
        },
        {
          id: "on-demand",
          name: "resize on first request and cache the result",
          buys: "no storage for unused sizes; new sizes need no backfill",
          costs: "a slow first view and resize load that follows traffic spikes",
          winsWhen: "many sizes exist and most media is rarely viewed",
        },
      ],
      rules: [],
      fallback: { option: "eager", because: "feeds show a few fixed sizes soon after posting" },
    },
  ],
  invariants: [
    {
      action: "upload the {media} bytes straight to the object store",
      statement:
        "A {media} is shown only after its media blob is fully uploaded and checked (size and type); a half-written media blob is never referenced.",
    },
  ],
  failures: [
    {
      failure: "An upload stops half way on a mobile network",
      prevention: "multipart or resumable upload with per-part retries",
      repair: "a lifecycle rule aborts incomplete multipart uploads after a day",
      role: "immutable",
    },
    {
      failure: "A processing worker crashes and a {media} never gets its sizes",
      prevention:
        "processing starts from the object-created event and is retried; renditions go to deterministic keys, so a retry overwrites",
      repair: "sweep {media} items stuck in processing and re-queue them",
      role: "derived",
    },
    {
      failure: "A deleted {media} keeps being served from edge caches",
      prevention: "private {media} use signed URLs with short expiry; a delete invalidates the cached paths",
      repair: "purge the paths at the CDN",
      role: "derived",
    },
  ],
  technology: [
    {
      layer: "storage",
      product: "Amazon S3",
      fits: "pre-signed PUT and multipart upload straight from the client",
    },
    {
      layer: "serving",
      product: "Amazon CloudFront",
      fits: "serves {media} renditions from the nearest edge",
    },
  ],
  topology: {
    components: [
      {
        id: "media-service",
        name: "Media service",
        kind: "service",
        holds: ["MediaItem"],
        runs: ["issue pre-signed upload URL", "mark media ready"],
        because: "records each upload and signs a URL valid for one key and a few minutes",
      },
      {
        id: "media-db",
        name: "Media metadata store",
        kind: "store",
        holds: ["MediaItem", "Rendition"],
        because: "which blob keys exist, their state and their renditions",
      },
      {
        id: "media-workers",
        name: "Media processing workers",
        kind: "worker-pool",
        runs: ["resize / transcode", "write renditions", "mark ready"],
        because: "CPU-heavy work runs off the request path, retried from the upload event",
      },
      {
        id: "upload-events",
        name: "Upload event queue",
        kind: "log",
        holds: ["ObjectCreated events"],
        because: "the object store announces each finished upload, so processing starts without polling",
      },
    ],
    links: [
      { from: "gateway", to: "media-service", kind: "request", label: "request upload URL" },
      { from: "client", to: "object-store", kind: "request", label: "PUT bytes via pre-signed URL" },
      { from: "media-service", to: "media-db", kind: "request", label: "record pending upload" },
      { from: "object-store", to: "upload-events", kind: "stream", label: "object created" },
      { from: "upload-events", to: "media-workers", kind: "stream", label: "process upload" },
      { from: "media-workers", to: "object-store", kind: "request", label: "write renditions" },
      { from: "media-service", to: "object-store", kind: "request", label: "sign upload URLs, publish the object" },
      { from: "media-workers", to: "media-db", kind: "request", label: "mark ready" },
    ],
    api: [
      {
        operation: "request an upload URL",
        call: "POST /v1/media",
        request: ["request_id", "content_type", "size_bytes", "sha256"],
        response: ["media_id", "upload_url", "expires_at"],
        errors: ["413 too large", "415 unsupported type"],
        guarantee: "the URL allows one PUT to one key until it expires",
      },
      {
        operation: "check media state",
        call: "GET /v1/media/{media_id}",
        request: ["media_id"],
        response: ["state", "rendition_urls{}"],
        errors: ["404 unknown media"],
        guarantee: "state becomes ready only after every rendition is stored",
      },
    ],
    dataModel: [
      {
        entity: "MediaItem",
        key: ["media_id"],
        fields: ["owner_id", "blob_key", "content_type", "size_bytes", "sha256", "state", "created_at"],
        indexes: ["(owner_id, created_at desc)", "state"],
        partitionKey: "media_id",
        owner: "media-db",
      },
      {
        entity: "Rendition",
        key: ["media_id", "variant"],
        fields: ["blob_key", "width", "height", "bitrate"],
        indexes: [],
        partitionKey: "media_id",
        owner: "media-db",
      },
    ],
    entry: "media-service",
    stateOwner: "object-store",
    protocols: MEDIA_PROTOCOLS,
  },
};
