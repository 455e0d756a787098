import { fig, inp } from "./helpers.js";
import type { FeatureEntry } from "./index.js";
import { MUSIC_PROTOCOLS } from "./protocols.js";

export const MUSIC: FeatureEntry = {
  id: "music",
  name: "Music streaming, playlists and play counts",
  summary:
    "Tracks are transcoded ahead of time into a few audio bitrates (tens to a few hundred kbit/s, so egress is small next to video); the player fetches each track's audio file from a CDN edge, a user's playlists are small ordered lists edited with versions, and every play is appended to a play log that is aggregated into play counts and royalty reports.",
  signals: [
    "stream music",
    "music streaming",
    "listen to music",
    "listen to songs",
    "play songs",
    "music player",
    "playlists",
    "podcast streaming",
    "podcast app",
    "listen to podcasts",
  ],
  terms: { track: "track", listener: "listener" },
  promptNouns: { track: ["episode", "song", "track"] },
  actions: [
    {
      action: "play a {track}",
      shape: "read projection",
      entity: "AudioFile",
      critical: false,
      substrate: "I07",
    },
    {
      action: "create a playlist and add {tracks} to it",
      shape: "overwrite current value",
      entity: "Playlist",
      critical: true,
      substrate: "I16",
      mechanism: "versioned-overwrite",
    },
    {
      action: "browse an album, an artist or a playlist",
      shape: "read source",
      entity: "Track",
      critical: false,
      substrate: "I16",
    },
    {
      action: "record each play for play counts and royalties",
      shape: "append event",
      entity: "PlayEvent",
      critical: true,
      hidden: true,
      substrate: "I05",
    },
    {
      action: "transcode a new {track} into several audio bitrates",
      shape: "async process",
      entity: "AudioFile",
      critical: false,
      hidden: true,
      substrate: "I15",
    },
  ],
  entities: [
    { name: "Track", description: "title, artists, album, duration, rights by country" },
    { name: "AudioFile", description: "one encoding of a track at one bitrate, immutable, served from the CDN" },
    { name: "Playlist", description: "owner, name, ordered track ids, version; may be collaborative" },
    { name: "PlayEvent", description: "(listener, track, started_at, seconds played, country) appended per play" },
  ],
  nfrs: [
    "a {track} starts within a few hundred milliseconds and the next one is prefetched, so playback is gapless",
    "a playlist edit from one device is never silently lost to a concurrent edit from another",
    "every qualifying play is counted exactly once in the royalty report, even if the client retries its upload",
  ],
  substrates: [
    { id: "I07", role: "substrate", why: "audio files are served from edge caches filled from the origin" },
    { id: "I05", role: "substrate", why: "plays are an append-only log that counts and royalties are computed from" },
    { id: "I16", role: "substrate", why: "playlists are small versioned per-user records" },
    { id: "I15", role: "input", why: "transcoding runs as batch jobs on a worker fleet" },
  ],
  // audio is the bulk of what the service sends: every listener streams continuously, and a hit release sends
  // millions to the same new files at once; an edge miss goes to a regional or shield tier before the origin
  // (Amazon CloudFront Developer Guide, "Using Origin Shield"), and a file that names one encoding never changes; the
  // load lands on the edge caches (I07), not on the playlists the feature's critical action writes
  hotspot: {
    figure: "peak_egress",
    archetype: "I07",
    bottleneck:
      "Audio delivery egress: every {listener} streams audio for as long as they listen, so delivery dwarfs every other load, and a hit release sends millions of {listeners} to the same new files at once",
    mitigation:
      "serve every audio file from CDN edges under an immutable URL per {track} and bitrate with a long cache lifetime, push a release's files to the edges before it goes live, put a shield tier in front of the object store so the edges' misses for one file reach it once, and let the player prefetch the next {track} from the edge",
  },
  capacity: {
    inputs: [
      inp("users", 100e6, "daily listeners of a large music service"),
      inp("listening_hours_per_user_per_day", 2, "people listen for an hour or more a day"),
      inp(
        "stream_bytes_per_sec",
        20000,
        "a 160 kbit/s audio stream; the quality settings of music services span roughly 24 to 320 kbit/s",
      ),
      inp("track_seconds", 210, "a typical song is three to four minutes"),
      inp("catalogue_tracks", 100e6, "tracks in a large catalogue"),
      inp("renditions_per_track", 4, "a few bitrates per track"),
      // a planning figure, not a vendor rating: one edge server's network ports, at tens of Gbit/s, bound what it
      // sends (Netflix's Open Connect appliances aimed at 80 Gbit/s each in 2014; features/playback.ts)
      inp(
        "edge_server_bytes_per_sec",
        5e9,
        "a planning figure of about 40 Gbit/s one CDN edge server sends from memory and flash (Netflix aimed at 80 Gbit/s per Open Connect appliance in 2014; measure it)",
      ),
    ],
    figures: [
      fig(
        "concurrent_streams",
        "concurrent streams at peak",
        "peak",
        "users * listening_hours_per_user_per_day / 24 * peak_factor",
        "streams",
      ),
      fig(
        "peak_egress",
        "peak audio delivery bandwidth",
        "bandwidth",
        "concurrent_streams * stream_bytes_per_sec",
        "B/s",
      ),
      fig(
        "edge_servers",
        "edge servers' worth of audio egress at the peak",
        "count",
        "peak_egress / (edge_server_bytes_per_sec * target_utilisation)",
        "servers",
        true,
      ),
      fig(
        "plays_per_sec",
        "plays recorded per second at peak",
        "rate",
        "concurrent_streams / track_seconds",
        "plays/s",
      ),
      fig(
        "catalogue_audio_bytes",
        "audio storage for the catalogue",
        "storage",
        "catalogue_tracks * renditions_per_track * track_seconds * stream_bytes_per_sec",
        "B",
      ),
    ],
  },
  decisions: [
    {
      id: "play-counting",
      question: "Count plays by incrementing a counter on each play, or by appending plays to a log and aggregating?",
      options: [
        {
          id: "play-log",
          name: "append every play to a log keyed by a client play id and aggregate in batches",
          buys: "exact, auditable counts for royalties; retries deduplicate on the play id; counts can be recomputed",
          costs: "counts shown in the app lag by minutes to hours",
          winsWhen: "counts drive payouts to rights holders",
        },
        {
          id: "live-counter",
          name: "increment a counter per track on each play",
          buys: "live counts",
          costs: "hot counters on hit songs, and a retried increment counts twice with nothing to audit against",
          winsWhen: "counts are only for display",
        },
      ],
      rules: [],
      fallback: {
        option: "play-log",
        because: "play counts decide royalty payments, so they must be exact and auditable",
      },
    },
    {
      id: "audio-delivery",
      question: "Stream each track as one file per bitrate with range requests, or as short adaptive segments?",
      options: [
        {
          id: "file-per-bitrate",
          name: "one file per bitrate, fetched with HTTP range requests and prefetched ahead",
          buys: "few objects per track and a high CDN hit rate; a song is small enough to prefetch whole",
          costs: "a bitrate change applies from the next track or range",
          winsWhen: "items are minutes long and a few MB each",
        },
        {
          id: "segments",
          name: "adaptive segments (HLS or DASH) as for video",
          buys: "quality switches within a track",
          costs: "many small objects and manifests for little gain at audio bitrates",
          winsWhen: "streams are long or live (radio, long podcasts)",
          // the prompt streams live or hours-long audio
          wins: [
            {
              words: String.raw`\blive (?:radio|audio|broadcasts?)\b|\binternet radio\b|\b(?:hours?|hour)[- ]long (?:podcasts?|episodes?|mixes|streams?)\b`,
            },
          ],
        },
      ],
      rules: [],
      fallback: {
        option: "file-per-bitrate",
        because: "a song is a few MB, small next to the bandwidth of most networks",
      },
    },
  ],
  invariants: [
    {
      action: "create a playlist and add {tracks} to it",
      statement:
        "A playlist edit applies only to the version the device read; a concurrent edit is refused and merged, so no added {track} is silently dropped.",
    },
    {
      action: "record each play for play counts and royalties",
      statement:
        "Each play event is stored once per client play id, so a retried upload never counts a play twice in the royalty report.",
    },
  ],
  failures: [
    {
      failure: "A hit release makes millions of {listeners} fetch the same new {track} while edges are cold",
      prevention: "push new releases to the CDN before they go live and coalesce misses at a shield tier",
      repair: "serve from the shield while the edges fill",
      role: "derived",
    },
    {
      failure: "The app plays offline and uploads its plays later, twice after a retry",
      prevention: "every play carries a client play id; the log keeps one event per id",
      repair: "recompute the period's counts from the deduplicated log",
      role: "truth",
    },
    {
      failure: "Two devices edit the same playlist at once and one edit erases the other",
      prevention:
        "edits carry the playlist version and are applied as operations (add at, remove id), not whole-list overwrites",
      repair: "the refused device reloads, reapplies its operations and retries",
      role: "truth",
    },
    {
      failure: "A {track} is played in a country where its rights have lapsed",
      prevention:
        "the play service checks the track's rights for the listener's country before handing out the file URL",
      repair: "expire the signed URL and remove the track from that country's catalogue",
      role: "truth",
    },
  ],
  technology: [
    {
      layer: "storage",
      product: "Apache Cassandra",
      fits: "playlists and listening history per user, written from many devices",
    },
    {
      layer: "storage",
      product: "Amazon S3",
      fits: "immutable audio files at the origin",
    },
    {
      layer: "coordination",
      product: "Apache Kafka",
      fits: "the play event log, partitioned by {listener}, feeding counts and royalty jobs",
    },
    {
      layer: "serving",
      product: "a CDN (CloudFront, Akamai or Fastly)",
      fits: "audio files cached near {listeners}",
    },
  ],
  topology: {
    components: [
      {
        id: "music-service",
        name: "Music service",
        kind: "service",
        runs: ["check rights for the country", "return signed audio URLs", "serve albums and artists"],
        because: "decides what a listener may play and where to fetch it",
      },
      {
        id: "music-catalogue",
        name: "Music catalogue (tracks, albums, rights)",
        kind: "store",
        holds: ["Track", "AudioFile"],
        because: "what tracks exist, their encodings and where each may be played",
      },
      {
        id: "playlist-store",
        name: "Playlist store (partitioned by owner)",
        kind: "store",
        holds: ["Playlist"],
        because: "small versioned lists edited from several devices",
      },
      {
        id: "play-log",
        name: "Play event log",
        kind: "log",
        holds: ["PlayEvent"],
        because: "every play, once per play id, for counts and royalties",
      },
      {
        id: "play-aggregator",
        name: "Play count and royalty aggregator",
        kind: "worker-pool",
        runs: ["deduplicate plays", "count per track and period", "produce royalty reports"],
        because: "counts are derived from the log, so they can be recomputed",
      },
      {
        id: "transcoders",
        name: "Audio transcoders",
        kind: "worker-pool",
        runs: ["encode each bitrate", "write audio files", "publish the track last"],
        because: "a track appears in the catalogue only when all its encodings exist",
      },
    ],
    links: [
      { from: "gateway", to: "music-service", kind: "request", label: "play / browse" },
      { from: "music-service", to: "music-catalogue", kind: "request", label: "track, rights, file URLs" },
      { from: "gateway", to: "playlist-store", kind: "request", label: "edit playlist with version" },
      { from: "gateway", to: "play-log", kind: "request", label: "append plays (play id)" },
      { from: "play-log", to: "play-aggregator", kind: "stream", label: "plays" },
      { from: "transcoders", to: "object-store", kind: "request", label: "write audio files" },
      { from: "transcoders", to: "music-catalogue", kind: "request", label: "publish track" },
      { from: "client", to: "cdn", kind: "request", label: "fetch audio (range requests)" },
    ],
    api: [
      {
        operation: "play a {track}",
        call: "GET /v1/tracks/{track_id}/stream?quality={q}",
        request: ["track_id", "quality", "country"],
        response: ["audio_url (signed, short-lived)", "bitrate_kbps", "duration_s"],
        errors: ["403 not licensed in this country", "404 unknown track"],
        guarantee: "the URL names only a published encoding",
      },
      {
        operation: "edit a playlist",
        call: "POST /v1/playlists/{playlist_id}/changes",
        request: ["playlist_id", "base_version", "ops[] (add track at position / remove entry)"],
        response: ["version"],
        errors: ["409 version changed"],
        guarantee: "applies only on the version the device read",
      },
      {
        operation: "report plays",
        call: "POST /v1/plays",
        request: ["plays[] (play_id, track_id, started_at, seconds_played)"],
        response: ["accepted"],
        errors: [],
        guarantee: "one play event per play_id, however often it is sent",
      },
    ],
    dataModel: [
      {
        entity: "Track",
        key: ["track_id"],
        fields: ["title", "artist_ids[]", "album_id", "duration_s", "countries[]", "renditions[]"],
        indexes: ["(album_id)", "(artist_id)"],
        partitionKey: "track_id",
        owner: "music-catalogue",
      },
      {
        entity: "Playlist",
        key: ["playlist_id"],
        fields: ["owner_id", "name", "track_ids[]", "version", "collaborative"],
        indexes: ["(owner_id)"],
        partitionKey: "playlist_id",
        owner: "playlist-store",
      },
      {
        entity: "PlayEvent",
        key: ["play_id"],
        fields: ["listener_id", "track_id", "started_at", "seconds_played", "country"],
        indexes: ["(track_id, day)"],
        partitionKey: "listener_id",
        owner: "play-log",
      },
    ],
    entry: "music-service",
    stateOwner: "music-catalogue",
    protocols: MUSIC_PROTOCOLS,
  },
};
