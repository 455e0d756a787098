import { fig, inp } from "./helpers.js";
import type { FeatureEntry } from "./index.js";

export const PLAYBACK: FeatureEntry = {
  id: "playback",
  name: "Video playback and watch progress",
  summary:
    "A title is encoded ahead of time into short segments at several bitrates; the player fetches a manifest and then segments from the nearest CDN edge, switching bitrate as bandwidth changes, and saves where the viewer stopped.",
  signals: ["stream video", "watch video", "video streaming", "watch movies", "playback", "resume watching"],
  terms: { title: "video", viewer: "viewer" },
  actions: [
    {
      action: "start playing a {title}",
      shape: "read projection",
      entity: "Manifest",
      critical: false,
      substrate: "I07",
    },
    {
      action: "stream the {title}'s segments from the nearest edge",
      shape: "read projection",
      entity: "Segment",
      critical: false,
      substrate: "I14",
    },
    {
      action: "save the {viewer}'s playback position",
      shape: "overwrite current value",
      entity: "WatchProgress",
      critical: false,
      substrate: "I16",
      mechanism: "lww-overwrite",
    },
    {
      action: "resume a {title} where the {viewer} stopped",
      shape: "read source",
      entity: "WatchProgress",
      critical: false,
      substrate: "I16",
    },
    {
      action: "encode a new {title} into segments at several bitrates",
      shape: "async process",
      entity: "Segment",
      critical: true,
      hidden: true,
      substrate: "I15",
      mechanism: "publish-content-first",
    },
  ],
  entities: [
    { name: "Manifest", description: "the list of renditions and segment URLs of one title" },
    { name: "Segment", description: "a few seconds of encoded video at one bitrate, immutable" },
    { name: "WatchProgress", description: "(viewer, title) -> last position, updated every few seconds" },
  ],
  nfrs: [
    "playback starts in about a second and does not stall: segments come from an edge near the viewer",
    "a title is visible in the catalogue only when all its renditions are published",
    "watch position may lose the last few seconds; it never goes backwards across devices by much",
  ],
  substrates: [
    { id: "I07", role: "substrate", why: "segments are served from edge caches filled from the origin" },
    { id: "I14", role: "substrate", why: "encoded segments and manifests are immutable artifacts" },
    { id: "I15", role: "input", why: "encoding runs as a batch on a worker fleet" },
    { id: "I16", role: "output", why: "watch progress is per-viewer key-value state" },
  ],
  hotspot: {
    figure: "progress_writes_per_sec",
    bottleneck: "Watch-position writes: every playing stream saves its {viewer}'s position every few seconds",
    mitigation:
      "keep the latest position per {viewer} and {title} in a key-value store that overwrites in place, and write less often while playback is steady",
  },
  capacity: {
    inputs: [
      inp("users", 200e6, "members of a large streaming service"),
      inp("viewing_hours_per_user_per_day", 2, "members watch an hour or two a day on average"),
      inp("stream_bytes_per_sec", 625000, "an HD stream of about 5 Mbit/s"),
      inp("progress_interval_seconds", 10, "the player saves its position every few seconds"),
      // a planning figure, not a published rating: Netflix described work toward 80 Gbit/s from one Open Connect
      // appliance (2014) and its appliance pages list storage and flash models without one throughput figure
      inp(
        "appliance_bytes_per_sec",
        12.5e9,
        "a planning figure of about 100 Gbit/s one edge cache appliance serves from flash and disk (Netflix aimed at 80 Gbit/s per Open Connect appliance in 2014)",
      ),
    ],
    figures: [
      fig(
        "concurrent_streams",
        "concurrent streams at peak",
        "peak",
        "users * viewing_hours_per_user_per_day / 24 * peak_factor",
        "streams",
      ),
      fig("peak_egress", "peak delivery bandwidth", "bandwidth", "concurrent_streams * stream_bytes_per_sec", "B/s"),
      fig(
        "progress_writes_per_sec",
        "watch-position writes per second at peak",
        "rate",
        "concurrent_streams / progress_interval_seconds",
        "writes/s",
      ),
      fig(
        "edge_appliances",
        "edge cache appliances to serve the peak",
        "count",
        "peak_egress / (appliance_bytes_per_sec * target_utilisation)",
        "appliances",
        true,
      ),
    ],
  },
  decisions: [
    {
      id: "playback-edge",
      // the CDN-or-ISP question is where the edge cache's copies live, for video; segments and manifests are
      // immutable, published once at the origin, so no cached copy goes stale, nobody writes through the cache and
      // nothing is purged on change (either option leaves invalidation out)
      settles: ["i07-placement", "i07-freshness", "i07-write-policy"],
      question: "Deliver video through a commercial CDN or through our own caches placed inside ISPs?",
      options: [
        {
          id: "commercial-cdn",
          name: "commercial CDN",
          buys: "global reach on day one with no hardware",
          costs: "per-byte fees that dominate at very high egress",
          winsWhen: "egress is modest or the catalogue is new",
          implies: { preferTechnology: ["CloudFront", "Fastly", "Akamai"], removeMechanisms: ["cache-invalidation"] },
        },
        {
          id: "own-edge",
          name: "own cache appliances inside ISP networks (as Netflix Open Connect does)",
          buys: "the cheapest bytes at huge scale, filled off-peak from a known catalogue",
          costs: "hardware, ISP partnerships and an operations team",
          winsWhen: "peak egress reaches a terabyte a second (eight terabits) and the catalogue is curated",
          wins: [{ number: "peak_egress", atLeast: 1000000000000 }],
          implies: { preferTechnology: ["Open Connect"], removeMechanisms: ["cache-invalidation"] },
        },
      ],
      rules: [
        {
          when: [{ number: "peak_egress", atLeast: 1e12 }],
          option: "own-edge",
          because: "peak egress passes a terabyte per second, where owning the edge pays back",
        },
      ],
      fallback: { option: "commercial-cdn", because: "egress is within what a CDN serves economically" },
    },
    {
      id: "playback-format",
      question: "Adaptive bitrate segments or one progressive file per title?",
      options: [
        {
          id: "abr",
          name: "adaptive bitrate (HLS or DASH segments at several bitrates)",
          buys: "the player switches quality as bandwidth changes, so playback rarely stalls",
          costs: "several encodings and many small objects per title",
          winsWhen: "viewers are on variable mobile and home networks",
        },
        {
          id: "progressive",
          name: "one progressive file",
          buys: "one encoding, one object",
          costs: "stalls or wasted bandwidth when the network changes",
          winsWhen: "clips are short and networks are fast and steady",
        },
      ],
      rules: [],
      fallback: { option: "abr", because: "long titles on changing networks need quality switching" },
    },
  ],
  invariants: [
    {
      action: "encode a new {title} into segments at several bitrates",
      statement:
        "A {title}'s manifest lists only segments that exist at every bitrate it names: every segment is written before the manifest that points to it is published.",
    },
  ],
  failures: [
    {
      failure: "A popular new {title} floods the origin while edge caches are still cold",
      prevention: "pre-position popular {titles} at the edge and coalesce misses at a shield tier",
      repair: "serve from the shield while the edges fill",
      role: "derived",
    },
    {
      failure: "The {viewer}'s network slows and playback stalls",
      prevention: "adaptive bitrate: the player picks a lower rendition for the next segments (HLS or DASH)",
      repair: "step back up once throughput recovers",
      role: "derived",
    },
    {
      failure: "An encode job dies half way and a {title} is published with renditions missing",
      prevention:
        "publish the manifest only after every rendition is written; segment encodes are retried under deterministic keys",
      repair: "re-run the missing renditions and republish",
      role: "immutable",
    },
    {
      failure: "Two devices save the {viewer}'s playback position at once",
      prevention: "keep the latest position per ({viewer}, {title}) by the device's timestamp",
      repair: "the next save corrects it",
      role: "derived",
    },
  ],
  technology: [
    {
      layer: "storage",
      product: "Amazon S3",
      fits: "immutable segments and manifests at the origin",
    },
    {
      layer: "serving",
      product: "a CDN (CloudFront, Akamai or Fastly)",
      fits: "caches segments near {viewers}; most bytes never reach the origin",
    },
    // the edge decision keeps one of these two: a chosen option's products lead, a rejected one's are dropped
    {
      layer: "serving",
      product: "own edge appliances inside ISPs (as Netflix Open Connect: FreeBSD and NGINX)",
      fits: "serves segments from inside the {viewers}' ISPs, filled off-peak from the catalogue",
    },
  ],
  topology: {
    components: [
      {
        id: "playback-service",
        name: "Playback service",
        kind: "service",
        runs: [
          "authorise playback (entitlement and region)",
          "steer: rank nearby edge caches that hold the title by proximity and load",
          "return manifest and ranked edge URLs",
          "point protected titles at the DRM licence service",
        ],
        // a DRM licence server answers the player's licence request with the content key and its rights (Microsoft's
        // PlayReady licence server overview describes this request and response)
        because:
          "checks entitlement and region, then hands the player a manifest and a ranked list of nearby edges; the player fetches segments from the first that answers and asks the licence service for the content key of a protected title",
      },
      {
        id: "catalog-store",
        name: "Catalogue store",
        kind: "store",
        holds: ["Title", "Manifest"],
        because: "what titles exist and which renditions are published",
      },
      {
        id: "encode-workers",
        name: "Encoding workers",
        kind: "worker-pool",
        runs: ["split into segments", "encode each bitrate", "publish manifest last"],
        because: "encoding is parallel per segment and must finish before the manifest appears",
      },
      {
        id: "progress-store",
        name: "Watch progress store",
        kind: "store",
        holds: ["WatchProgress"],
        because: "a small, write-heavy key-value table keyed by viewer and title",
      },
    ],
    links: [
      { from: "gateway", to: "playback-service", kind: "request", label: "start playback" },
      { from: "playback-service", to: "catalog-store", kind: "request", label: "read manifest" },
      { from: "encode-workers", to: "object-store", kind: "request", label: "write segments" },
      { from: "playback-service", to: "object-store", kind: "request", label: "resolve and sign segment URLs" },
      { from: "encode-workers", to: "catalog-store", kind: "request", label: "publish manifest" },
      { from: "gateway", to: "progress-store", kind: "request", label: "save / read position" },
    ],
    api: [
      {
        operation: "start playback",
        call: "POST /v1/titles/{title_id}/playback",
        request: ["title_id", "device_capabilities"],
        response: ["manifest_url", "edge_urls_ranked", "licence_url", "resume_position_s"],
        errors: ["403 not available in region", "404 unknown title"],
        guarantee: "the manifest names only published segments",
      },
      {
        operation: "save watch position",
        call: "PUT /v1/titles/{title_id}/progress",
        request: ["title_id", "position_s", "client_ts"],
        response: ["saved"],
        errors: [],
        guarantee: "last writer wins by client timestamp",
      },
    ],
    dataModel: [
      {
        entity: "Manifest",
        key: ["title_id"],
        fields: ["renditions[]", "segment_template", "published_at"],
        indexes: [],
        partitionKey: "title_id",
        owner: "catalog-store",
      },
      {
        entity: "WatchProgress",
        key: ["viewer_id", "title_id"],
        fields: ["position_s", "updated_at"],
        indexes: ["(viewer_id, updated_at desc)"],
        partitionKey: "viewer_id",
        owner: "progress-store",
      },
    ],
    entry: "playback-service",
    stateOwner: "catalog-store",
  },
};
