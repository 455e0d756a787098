import { fig, inp } from "./helpers.js";
import type { FeatureEntry } from "./index.js";
import { FILE_SYNC_PROTOCOLS } from "./protocols.js";

export const FILE_SYNC: FeatureEntry = {
  id: "file-sync",
  name: "File storage and sync across devices",
  summary:
    "Files are split into content-hashed blocks stored once; a file version is a list of block hashes committed to a metadata journal. Devices upload only blocks the server lacks, then follow the journal from their cursor to pull other devices' changes.",
  signals: ["file sync", "sync files", "upload files", "file storage", "share files", "cloud storage", "folders"],
  terms: { file: "file" },
  actions: [
    {
      action: "upload just the changed blocks of a {file}",
      shape: "create target",
      entity: "Block",
      critical: false,
      substrate: "I19",
      mechanism: "content-addressing",
    },
    {
      action: "commit a new {file} version",
      shape: "append event",
      entity: "FileVersion",
      critical: true,
      substrate: "I19",
      mechanism: "head-pointer-cas",
    },
    {
      action: "sync changes to the user's other devices",
      shape: "read source",
      entity: "Journal",
      critical: false,
      substrate: "I05",
      mechanism: "consumer-offsets",
    },
    {
      action: "share a folder with another user",
      shape: "create target",
      entity: "Share",
      critical: false,
      substrate: "I16",
    },
    {
      action: "delete blocks no version references any more",
      shape: "async process",
      entity: "Block",
      critical: false,
      hidden: true,
      substrate: "I19",
      mechanism: "reference-gc",
    },
  ],
  entities: [
    { name: "Block", description: "up to a few MB of content under its hash, stored once" },
    { name: "FileVersion", description: "(namespace, path, version) -> block hash list, size, author" },
    {
      name: "Journal",
      description:
        "per namespace: the ordered list of committed changes, each at the next journal_seq, that devices follow",
    },
    {
      name: "DeviceCursor",
      description:
        "per device and namespace: the journal_seq up to which the device has applied the changes; it lists changes after it",
    },
    {
      name: "Share",
      description:
        "per shared folder and member: the member's role (owner, editor or viewer); a shared folder is a namespace of its own, with its own journal, that every member's devices follow",
    },
  ],
  nfrs: [
    "no acknowledged {file} version is lost (durable, replicated blocks)",
    "concurrent edits from two devices never overwrite silently: the loser becomes a conflicted copy",
    "a small edit to a large {file} uploads only the changed blocks",
  ],
  substrates: [
    { id: "I19", role: "substrate", why: "blocks live in replicated chunk storage" },
    { id: "I05", role: "output", why: "each namespace's journal is a log devices read from their cursor" },
  ],
  // every commit must reach the namespace's other devices; a device waits on a long poll that says only that something
  // changed, then lists the journal from its cursor (Dropbox API v2 files/list_folder/longpoll: it blocks until there
  // are changes or it times out, with up to 90 seconds of random jitter added against a thundering herd)
  hotspot: {
    figure: "notification_servers",
    bottleneck:
      "Change notifications: every connected device holds a long poll that is re-issued at each timeout, and every commit must wake each of the owner's other devices (and every device of a shared folder's members), which then read the journal from their cursors",
    mitigation:
      "hold one long-poll or push connection per device on notification servers that say only that a namespace changed, let the device list the changes from the journal by its cursor, coalesce a burst of commits to one namespace into one wake-up, and add random jitter to reconnects so a restart does not bring every device back at once",
  },
  capacity: {
    inputs: [
      inp("users", 500e6, "registered users of a file sync service"),
      inp("bytes_per_user", 5e9, "a few gigabytes stored per user on average"),
      inp("dedup_ratio", 0.7, "identical blocks across users and versions are stored once"),
      inp("commits_per_user_per_day", 10, "file saves that reach the server"),
      {
        quantity: "block_bytes",
        label: "size of one block",
        unit: "B",
        typical: 4e6,
        // dropbox.tech, "Streaming File Synchronization" (2014): every file is cut into 4 MB blocks hashed with SHA-256
        why: "Dropbox cuts every file into 4 MB blocks (the last one shorter)",
      },
      {
        quantity: "devices_per_user",
        label: "devices linked to one account",
        unit: "devices",
        typical: 3,
        why: "a laptop, a phone and one more computer or tablet (a planning figure)",
      },
      {
        quantity: "connected_device_share",
        label: "share of linked devices connected at the daily peak",
        unit: "fraction",
        typical: 0.3,
        why: "desktops stay signed in and connected while on, phones mostly are not (a planning figure)",
      },
      {
        quantity: "sync_connections_per_server",
        label: "idle long-poll connections one notification server holds",
        unit: "connections",
        typical: 100000,
        why: "an event-driven server holds on the order of a hundred thousand idle HTTP connections (a planning figure)",
      },
      {
        // Dropbox API v2 files/list_folder/longpoll: a timeout of 30 s by default, plus up to 90 s of random jitter
        quantity: "longpoll_seconds",
        label: "how long one long poll is held before it is answered with no changes",
        unit: "s",
        typical: 75,
        why: "a 30 s timeout plus, on average, half of up to 90 s of random jitter, as Dropbox's list_folder/longpoll does",
      },
      {
        quantity: "hash_bytes",
        label: "bytes of one block hash in a version's block list",
        unit: "B",
        typical: 32,
        why: "a SHA-256 digest is 32 bytes",
      },
      {
        quantity: "client_uplink_bytes_per_sec",
        label: "upload bandwidth of one device",
        unit: "B/s",
        typical: 1.25e6,
        why: "a 10 Mb/s home uplink (a planning figure)",
      },
      // the largest file only where the prompt states it ("files up to 10 GB"): no typical value, so a design that
      // names no largest file shows no figure for it
      { quantity: "max_object_bytes" },
    ],
    figures: [
      fig(
        "stored_bytes",
        "bytes stored after deduplication (before replication)",
        "storage",
        "users * bytes_per_user * dedup_ratio",
        "B",
      ),
      fig(
        "commits_per_sec",
        "version commits per second",
        "rate",
        "users * commits_per_user_per_day / 86400",
        "commits/s",
      ),
      fig("stored_blocks", "blocks stored", "count", "stored_bytes / block_bytes", "blocks"),
      fig(
        "sync_wakeups_per_sec",
        "device wake-ups a second at peak, one per commit for each of the owner's other devices",
        "peak",
        "commits_per_sec * (devices_per_user - 1) * peak_factor",
        "wakeups/s",
      ),
      // a stated largest file ("files up to 10 GB") is a maximum, not the average: it sizes one upload, sent and
      // resumed block by block, and the list of block hashes its commit carries; shown only where the prompt states it
      fig(
        "blocks_per_largest_file",
        "blocks in the largest file (each uploaded, hashed and resumed on its own)",
        "fan-out",
        "max_object_bytes / block_bytes",
        "blocks",
      ),
      // its commit carries one hash per block: the version row of the largest file
      fig(
        "largest_blocklist_bytes",
        "block list the largest file's commit carries (one hash per block)",
        "storage",
        "max_object_bytes / block_bytes * hash_bytes",
        "B",
      ),
      // the first upload of the largest file takes hours on a home uplink: it must resume block by block
      fig(
        "largest_upload_seconds",
        "first upload of the largest file from one device",
        "time",
        "max_object_bytes / client_uplink_bytes_per_sec",
        "s",
      ),
      // every connected device holds one long poll; each is answered at its timeout and re-issued
      fig(
        "sync_connections",
        "long polls held open at peak, one per connected device",
        "count",
        "users * devices_per_user * connected_device_share",
        "connections",
      ),
      fig(
        "notification_servers",
        "notification servers holding them",
        "count",
        "sync_connections / sync_connections_per_server / target_utilisation",
        "servers",
        true,
      ),
      fig(
        "longpolls_per_sec",
        "long polls re-issued a second (each after its timeout or a wake-up)",
        "rate",
        "sync_connections / longpoll_seconds + sync_wakeups_per_sec",
        "req/s",
      ),
      // commits are ordered per namespace, so the metadata database shards by namespace; its primaries take the peak
      fig(
        "metadata_primaries",
        "metadata database primaries (shards by namespace) for the peak commits",
        "count",
        "commits_per_sec * peak_factor / primary_writes_per_sec / target_utilisation",
        "primaries",
        true,
      ),
    ],
  },
  decisions: [
    {
      id: "sync-conflict",
      question: "When two devices edit the same file, keep the last write or keep both?",
      options: [
        {
          id: "conflicted-copy",
          name: "the commit whose parent is stale becomes a 'conflicted copy' file",
          buys: "no edit is silently lost",
          costs: "users sometimes merge copies by hand",
          winsWhen: "files are opaque (binary documents) and edits matter",
        },
        {
          id: "last-writer-wins",
          name: "last writer wins",
          buys: "simple, one file",
          costs: "the other device's edit disappears",
          winsWhen:
            "the synced thing is a setting or a preference whose latest value is all anyone wants, not a user's file",
        },
      ],
      rules: [],
      fallback: { option: "conflicted-copy", because: "losing a user's edit is unacceptable" },
    },
    {
      id: "sync-chunking",
      question: "Upload whole files, or content-hashed blocks?",
      options: [
        {
          id: "blocks",
          name: "fixed-size content-hashed blocks",
          buys: "only changed blocks move; identical blocks are stored once",
          costs: "a block index and reference counting for deletion",
          winsWhen: "files are large or edited in place",
        },
        {
          id: "whole-file",
          name: "whole files",
          buys: "simplest storage model",
          costs: "a one-byte edit re-uploads the whole file",
          winsWhen: "files are small and rarely edited",
        },
      ],
      rules: [],
      fallback: { option: "blocks", because: "large files are edited in place and deduplication saves storage" },
    },
  ],
  invariants: [
    {
      action: "commit a new {file} version",
      statement:
        "A new {file} version is committed only on the parent version it names, which must still be the head; a commit from a stale parent becomes a conflicted copy, never a silent overwrite.",
    },
    {
      action: "commit a new {file} version",
      statement: "A {file} version is committed only after every block it lists is stored under its content hash.",
    },
  ],
  failures: [
    {
      failure: "Two devices edit the same {file} offline and both sync",
      prevention: "a commit names the version it was based on; the second commit sees a newer version",
      repair: "keep both as a conflicted copy and let the user choose",
      role: "truth",
    },
    {
      failure: "An upload is interrupted half way through a large {file}",
      prevention: "upload content-addressed blocks first and commit the version last",
      repair: "resume by uploading only the blocks the server lacks",
      role: "immutable",
    },
    {
      failure: "Block garbage collection deletes a block a new version is about to reference",
      prevention: "collect only blocks unreferenced for longer than the upload grace period",
      repair: "the client re-uploads the missing block before committing",
      role: "immutable",
    },
  ],
  technology: [
    {
      layer: "storage",
      product: "Amazon S3",
      fits: "content-addressed blocks, written once",
    },
    {
      layer: "storage",
      product: "MySQL",
      fits: "the metadata journal of {file} versions per namespace",
    },
  ],
  topology: {
    components: [
      {
        id: "metadata-service",
        name: "Metadata service",
        kind: "service",
        runs: ["commit version", "list changes since cursor", "share"],
        because: "checks that every block of a version exists, then moves the head if it is unchanged",
      },
      {
        id: "metadata-db",
        // in a design a replicated file store leads, its namespace service is where versions and the journal live
        sameAs: { I19: "master" },
        name: "Metadata database (sharded by namespace)",
        kind: "store",
        holds: ["FileVersion", "Journal", "DeviceCursor", "Share"],
        because: "the authority on which version is current and the journal order",
      },
      {
        id: "block-service",
        // where the replicated block store leads, its front-ends are this service: one block path, not two
        sameAs: { I19: "block-service" },
        name: "Block service",
        kind: "service",
        runs: ["has-blocks check", "store block by hash"],
        because: "lets clients upload only missing blocks, verified against their hash",
      },
      {
        id: "block-store",
        // the block store's index of blocks by hash is where the feature's Block rows live
        sameAs: { I19: "block-index" },
        name: "Block store (content-addressed, by hash)",
        kind: "store",
        holds: ["Block"],
        because: "each block is kept once under its SHA-256 hash, so an identical block uploaded twice is stored once",
      },
      {
        id: "notify-channel",
        name: "Change notification channel (long poll)",
        kind: "gateway",
        runs: ["tell devices their namespace changed"],
        because: "devices learn of changes without polling the journal constantly",
      },
    ],
    links: [
      { from: "gateway", to: "metadata-service", kind: "request", label: "commit / list changes after cursor" },
      { from: "gateway", to: "block-service", kind: "request", label: "upload / download blocks" },
      { from: "block-service", to: "block-store", kind: "request", label: "put / get block by hash" },
      { from: "metadata-service", to: "block-store", kind: "request", label: "check a version's blocks are stored" },
      { from: "metadata-service", to: "metadata-db", kind: "request", label: "CAS head + append journal" },
      { from: "metadata-service", to: "notify-channel", kind: "callback", label: "namespace changed" },
      { from: "client", to: "notify-channel", kind: "stream", label: "long poll" },
    ],
    api: [
      {
        operation: "find the blocks the server lacks",
        call: "POST /v1/blocks:missing",
        request: ["block_hashes[]"],
        response: ["missing_hashes[]"],
        errors: ["413 too many hashes in one call: send them in batches"],
        guarantee: "names every listed hash not stored yet, so only those blocks are uploaded",
      },
      {
        operation: "upload a block",
        call: "PUT /v1/blocks/{sha256}",
        request: ["sha256", "block bytes (up to 4 MB)"],
        response: ["stored"],
        errors: ["400 the SHA-256 of the bytes is not the named hash"],
        guarantee: "stored once under the hash of its bytes; a repeated upload of a stored hash changes nothing",
      },
      {
        operation: "commit a file version",
        call: "POST /v1/namespaces/{ns}/commit",
        request: ["path", "parent_version", "block_hashes[]", "size"],
        response: ["version", "journal_seq"],
        errors: [
          "409 parent_version is not the head (conflict)",
          "412 missing blocks[]",
          "403 no editor or owner Share on this namespace",
        ],
        guarantee: "the head moves only from the parent the client saw, and only for a member allowed to write",
      },
      {
        operation: "list changes",
        call: "GET /v1/namespaces/{ns}/changes?cursor={cursor}",
        request: ["ns", "cursor"],
        response: ["changes[]", "cursor", "has_more"],
        errors: ["410 cursor too old: full resync"],
        guarantee: "every committed change after the cursor, in journal order",
      },
      {
        operation: "wait for changes",
        call: "POST /v1/namespaces/{ns}/changes:longpoll",
        request: ["cursor", "timeout"],
        response: ["changes (true or false)", "backoff"],
        errors: ["410 cursor too old: full resync"],
        guarantee:
          "answers as soon as the journal passes the cursor, else at the timeout; it carries no changes, the device lists them",
      },
      {
        operation: "share a folder",
        call: "POST /v1/namespaces/{ns}/members",
        request: ["ns", "user_id", "role (editor | viewer)"],
        response: ["user_id", "role"],
        errors: ["403 only the folder's owner or an editor may share it", "404 no such user"],
        guarantee:
          "writes the member's Share row; from then on the member's devices list the folder's journal from its start, and every commit and list checks that row",
      },
      {
        operation: "download a block",
        call: "GET /v1/blocks/{sha256}",
        request: ["sha256"],
        response: ["block bytes"],
        errors: ["404 no block with this hash"],
        guarantee: "bytes whose SHA-256 is the requested hash, from any healthy copy",
      },
    ],
    dataModel: [
      {
        entity: "FileVersion",
        key: ["namespace_id", "path", "version"],
        fields: ["parent_version", "block_hashes", "size", "journal_seq", "author_device_id", "created_at"],
        indexes: ["(namespace_id, journal_seq)"],
        partitionKey: "namespace_id",
        owner: "metadata-db",
      },
      {
        entity: "Journal",
        key: ["namespace_id", "journal_seq"],
        fields: ["path", "version", "change (add, edit, delete, move)", "committed_at"],
        indexes: [],
        partitionKey: "namespace_id",
        owner: "metadata-db",
      },
      {
        entity: "DeviceCursor",
        key: ["namespace_id", "device_id"],
        fields: ["journal_seq applied", "last_seen_at"],
        indexes: [],
        partitionKey: "namespace_id",
        owner: "metadata-db",
      },
      {
        entity: "Share",
        key: ["namespace_id", "user_id"],
        fields: ["role (owner, editor, viewer)", "granted_by", "granted_at"],
        indexes: ["(user_id): the namespaces a user's devices follow"],
        partitionKey: "namespace_id",
        owner: "metadata-db",
      },
      {
        entity: "Block",
        key: ["sha256"],
        fields: ["size", "ref_count"],
        indexes: [],
        partitionKey: "sha256",
        owner: "block-store",
      },
    ],
    entry: "metadata-service",
    stateOwner: "metadata-db",
    protocols: FILE_SYNC_PROTOCOLS,
  },
};
