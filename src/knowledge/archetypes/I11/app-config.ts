import { fig } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { ArchetypeInput, MechanismId } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * Remote config for app installs (topic "app-config", knowledge/topics.ts): the clients are apps on people's phones,
 * consoles or PCs, counted in installs, not a fleet of servers. An install is asleep most of the day and is opened a
 * few times, so it asks for the config when it starts or comes to the foreground: a conditional GET of a small
 * manifest through a CDN (ETag / If-None-Match, a short TTL), and only on a new version the immutable snapshot for its
 * platform and app version, cached at the edge by version. No install holds a stream; none reports its health as a
 * node would (crash and error rates arrive through the app's own crash reporting, per app and config version). The
 * app ships baked-in defaults and keeps the last snapshot it activated on the device, so it starts and runs offline
 * and never waits on the fetch. Parameters are targeted by platform, app version range and a percentage bucket of
 * the install id. A kill switch is its own record, outside any staged rollout: flipping it publishes the manifest at
 * once, purges it from the CDN and sends a best-effort silent push that wakes installs to fetch; an install that
 * does not get it turns the feature off at its next start or foreground.
 *
 * Facts, checked against primary sources:
 * - Firebase Remote Config (SDK reference, FirebaseRemoteConfigSettings / RemoteConfigSettings): the app sets in-app
 *   default values returned until a fetch succeeds; fetched values are stored until the app calls activate(); a
 *   minimum fetch interval (12 hours by default in the SDKs) makes a fetch inside it return the cached values, and a
 *   fetch can be reported as throttled. Real-time Remote Config keeps a listener connection open only while the app
 *   runs and then fetches; Firebase advises a longer fetch interval paired with real-time listeners for critical
 *   parameters.
 * - Apple, "Pushing background updates to your App": a background (silent) notification is low priority, its
 *   delivery is not guaranteed, the system may throttle it, and Apple advises no more than two or three an hour; it
 *   is sent with apns-priority 5 and content-available 1.
 * - FCM, "Set the priority of a message": normal-priority messages to a backgrounded app may be delayed; high
 *   priority tries to deliver at once even in Doze; data messages to Apple devices must use normal priority (5).
 * Planning figures (opens a day, bytes, TTLs) are assumptions, said as such in their rows.
 */

const T = "app-config" as const;

/**
 * Targeting that must not be readable from the app ("mobile banking apps", "segments of users", "per-user targeting"):
 * the rules stay on the servers and each install is answered with its own values.
 */
const PRIVATE_TARGETING = String.raw`\b(?:bank\w*|fintech|health\w*|payments?|segments?|per[- ]user targeting|user lists?|private (?:rules|targeting))\b`;

export const APP_CONFIG_ENTITIES = [
  {
    name: "RemoteConfig",
    description:
      "The app's config template at one version: each parameter's default value and its conditional values, each condition over platform, app version range, country or a percentage bucket of the install id; immutable once committed, with a checksum.",
    truth: true,
    topic: T,
  },
  {
    name: "KillSwitch",
    description:
      "One emergency switch per feature: off or on, the platforms and app version range it applies to, the longest an install may go without refreshing before it treats the switch as off (for a feature risky to run on stale config), who flipped it and why, and the RemoteConfig version it was published in; flipped outside any staged rollout.",
    truth: true,
    topic: T,
  },
  {
    name: "ConfigRollout",
    description:
      "A RemoteConfig version's rollout to a growing percentage of installs: the current percentage, the crash-free gate for each step and its state (advancing, paused, rolled back).",
    truth: true,
    topic: T,
  },
] as const;

export const APP_CONFIG_WRITES = [
  {
    action:
      "validate and commit a new RemoteConfig version under the head version the editor read, then publish its snapshots per platform and app version to the object store and the manifest to the CDN",
    entity: "RemoteConfig",
    shape: "create target",
    mechanism: "version-check",
    critical: true,
    topic: T,
  },
  {
    action:
      "widen a ConfigRollout to the next percentage of installs only while the crash-free rate of the installs already on it passes its gate",
    entity: "ConfigRollout",
    shape: "state transition",
    mechanism: "staged-rollout",
    critical: true,
    topic: T,
    runs: {
      in: "control loop",
      because: "the rollout controller reads the crash-free rate per config version and widens or halts on its own",
    },
  },
  {
    action:
      "flip a kill switch: committed at the next version outside any rollout, the manifest republished at once with the CDN's copy purged, and a silent push sent to wake installs",
    entity: "KillSwitch",
    shape: "state transition",
    mechanism: "guarded-transition",
    critical: true,
    topic: T,
  },
] as const;

export const APP_CONFIG_READS = [
  {
    action:
      "an app fetches the manifest on start and on coming to the foreground with If-None-Match: its version, through the CDN, and downloads the snapshot for its platform and app version only when the version is new",
    entity: "RemoteConfig",
    shape: "read projection",
    staleness:
      "the manifest's CDN TTL plus the time until the install next opens; while offline, the last snapshot it activated",
    topic: T,
  },
  {
    action:
      "an app reads a parameter on the device: a kill switch that is off wins, then the activated snapshot's conditions for its platform, app version and bucket, else the baked-in default",
    entity: "RemoteConfig",
    shape: "read projection",
    staleness: "the install's activated version; its baked-in defaults before its first successful fetch",
    topic: T,
  },
  {
    action: "read a rollout's progress: the percentage reached and the crash-free rate per config version",
    entity: "ConfigRollout",
    shape: "read projection",
    staleness: "the crash reports' aggregation window, minutes",
    topic: T,
  },
] as const;

export const APP_CONFIG_INVARIANTS = [
  "A RemoteConfig version is committed only after validation, at the next version after the head its editor read, and never changes afterwards; its snapshots are stored under that version before the manifest names it.",
  "An app activates a whole RemoteConfig snapshot only after its checksum verifies, keeps the last one it activated on the device, and before its first fetch uses the defaults baked into its build; it never blocks start-up on the fetch.",
  "A KillSwitch changes state only through one conditional write at the next version, published the moment it commits and never queued behind a rollout; once off, it turns its feature off on every install that has fetched it, whatever the config's conditions say.",
  "A ConfigRollout widens to more installs only while the crash-free rate of the installs already on its version passes the gate; a failing gate halts it and moves the manifest back to the last good version.",
];

/** The mechanism that keeps each of the app config service's rules (`keptBy` on the card's invariant marks). */
export const APP_CONFIG_KEPT_BY: Readonly<Record<string, MechanismId>> = {
  [APP_CONFIG_INVARIANTS[0] as string]: "version-check",
  [APP_CONFIG_INVARIANTS[1] as string]: "versioned-snapshot",
  [APP_CONFIG_INVARIANTS[2] as string]: "guarded-transition",
  [APP_CONFIG_INVARIANTS[3] as string]: "staged-rollout",
};

export const APP_CONFIG_FAILURES = [
  {
    failure: "A bad config version makes the app crash on start, so installs cannot stay up long enough to fetch a fix",
    role: "truth",
    prevention:
      "Roll a version out to a small percentage of installs first behind a crash-free gate; an app activates a fetched snapshot on its next start, and falls back to its baked-in defaults when it crashes twice right after activating one",
    repair:
      "The gate halts the rollout and moves the manifest back to the last good version, or an operator flips the kill switch; installs take it on their next start",
    topic: T,
  },
  {
    failure: "The CDN keeps serving the old manifest after a kill switch is flipped",
    role: "derived",
    prevention:
      "The manifest has a short TTL and is purged on every kill switch; snapshots are immutable and cached by version, so only the small manifest is ever stale",
    repair: "Installs that fetched the stale manifest take the switch at their next foreground, after the TTL",
    topic: T,
  },
  {
    failure: "A silent push for the kill switch is throttled or never arrives (app force-quit, device offline)",
    role: "derived",
    prevention:
      "The push only wakes an install early; the switch is in the manifest, which every install fetches on its next start or foreground",
    repair:
      "An offline install keeps its last known switch state, except that a switch marked with a maximum age counts as off once the install has not refreshed for that long; a feature that needs the server is off while offline anyway",
    topic: T,
  },
  {
    failure:
      "Installs fetch all at once (a silent push to every install, a big launch, a TV moment) and the origin is flooded",
    role: "derived",
    prevention:
      "The CDN answers manifest and snapshot from cache, collapsing concurrent misses into one origin fetch; pushes go out in batches and apps add jitter before fetching",
    repair: "The origin sheds load with 503 and Retry-After; apps keep their last snapshot and retry with backoff",
    topic: T,
  },
  {
    failure: "The config store's primary fails",
    role: "truth",
    prevention:
      "A synchronous standby already holds every committed version and is promoted; publishes are refused for the seconds it takes",
    repair: "The CDN keeps serving the last manifest and snapshots, so no install notices; publishes resume after",
    topic: T,
  },
] as const;

export const APP_CONFIG_BOTTLENECKS = [
  {
    bottleneck: "Manifest fetches from every install each time it opens",
    mitigation:
      "A conditional GET through the CDN answered 304 from the edge; the origin sees only one fetch per edge per TTL",
    formula: {
      yields: "manifest fetches per second at the peak",
      expression: "config_clients * app_opens_per_day / 86400 * peak_to_average",
      unit: "req/s",
    },
    topic: T,
  },
  {
    bottleneck: "Every install downloading a new snapshot after a change",
    mitigation: "Snapshots immutable by version and cached at the edge, split per platform and app version and gzipped",
    formula: {
      yields: "CDN egress for one change reaching every install",
      expression: "config_bytes * config_clients",
      unit: "B",
    },
    topic: T,
  },
] as const;

export const APP_CONFIG_COMPONENTS: ComponentSpec[] = [
  {
    id: "config-editors",
    name: "Operators and release managers (console, CI)",
    kind: "client",
    runs: ["edit config", "flip kill switch", "start rollout"],
    because: "people and pipelines change the config, and every change must be validated and versioned",
    topic: T,
  },
  {
    id: "app-config-api",
    name: "Config API (validate, version, targeting)",
    kind: "service",
    runs: ["validate parameters and conditions", "commit at the next version", "flip kill switch"],
    because:
      "a bad config is stopped before it has a version, and concurrent editors are serialised by the head they read",
    topic: T,
  },
  {
    id: "app-config-store",
    name: "Config store (one primary + synchronous standby; versions, kill switches, rollouts)",
    kind: "replica-group",
    holds: ["RemoteConfig", "KillSwitch", "ConfigRollout"],
    runs: ["commit version", "record rollout step"],
    because: "the config is small, exact and written a few times a day, so one primary with a standby holds it",
    topic: T,
  },
  {
    id: "snapshot-publisher",
    name: "Snapshot publisher (per platform and app version, then the manifest)",
    kind: "worker-pool",
    runs: ["render snapshots per platform and app version", "upload by version", "publish manifest", "purge CDN"],
    because:
      "installs read static files, so each version is rendered once into immutable snapshots before the manifest points at it",
    topic: T,
  },
  {
    id: "app-config-cdn",
    name: "Object store + CDN (manifest with short TTL and ETag; snapshots immutable by version)",
    kind: "cache",
    runs: ["answer 304 on an unchanged ETag", "serve snapshots by version"],
    because: "hundreds of millions of installs are served from the edge, never from the store",
    topic: T,
  },
  {
    id: "push-sender",
    name: "Silent push sender (APNs background, FCM data messages)",
    kind: "service",
    runs: ["send a wake-up to installs in batches"],
    because: "a kill switch should not wait for the next app open where the platform lets the app wake early",
    topic: T,
  },
  {
    id: "rollout-gate",
    name: "Rollout controller (percentage steps, crash-free gates)",
    kind: "control-loop",
    runs: ["read crash-free rate per config version", "widen or halt"],
    because:
      "a bad version must be caught on a small percentage of installs; crash reporting already counts crashes per version",
    topic: T,
  },
  {
    id: "app-installs",
    name: "App installs (baked-in defaults, last good snapshot on device)",
    kind: "client",
    runs: ["fetch on start and foreground", "verify and activate", "evaluate parameters locally"],
    because:
      "the app must start and run offline, so it evaluates on the device from what it activated or from its defaults",
    topic: T,
  },
];

export const APP_CONFIG_LINKS: LinkSpec[] = [
  { from: "config-editors", to: "app-config-api", kind: "request", label: "edit config, kill switch", topic: T },
  { from: "app-config-api", to: "app-config-store", kind: "request", label: "commit version", topic: T },
  { from: "rollout-gate", to: "app-config-store", kind: "control", label: "widen or halt rollout", topic: T },
  { from: "app-config-store", to: "snapshot-publisher", kind: "stream", label: "new version", topic: T },
  {
    from: "snapshot-publisher",
    to: "app-config-cdn",
    kind: "request",
    label: "snapshots by version, then manifest; purge",
    topic: T,
  },
  { from: "snapshot-publisher", to: "push-sender", kind: "request", label: "kill switch flipped", topic: T },
  { from: "push-sender", to: "app-installs", kind: "callback", label: "silent push (best effort)", topic: T },
  {
    from: "app-installs",
    to: "app-config-cdn",
    kind: "request",
    label: "GET manifest If-None-Match on start/foreground",
    topic: T,
  },
];

export const APP_CONFIG_API: ApiSpec[] = [
  {
    operation: "publish config",
    call: "POST /v1/apps/{app}/config/versions",
    request: ["template (parameters, defaults, conditions)", "expected_head_version"],
    response: ["version"],
    errors: ["400 validation failed", "409 head moved"],
    guarantee: "versions are totally ordered and immutable; installs see a version only after its snapshots exist",
    topic: T,
  },
  {
    operation: "flip kill switch",
    call: "POST /v1/apps/{app}/kill-switches/{feature}:off",
    request: ["platforms and app version range", "reason"],
    response: ["version"],
    errors: ["404 unknown feature"],
    guarantee:
      "the switch is published at once, outside any rollout: the manifest republished, its CDN copy purged and a silent push sent; every install takes it by its next start or foreground",
    topic: T,
  },
  {
    operation: "fetch manifest (app-facing)",
    call: "GET /config/{app}/{platform}/manifest.json (If-None-Match)",
    request: ["ETag of the activated version (one cached manifest per platform: no per-install field)"],
    response: ["304 unchanged", "or the version, its snapshot URL per app version, checksum and kill switches"],
    errors: ["none the app waits on: on failure it keeps its last snapshot"],
    guarantee:
      "served by the CDN, stale by at most its TTL; percentage conditions are evaluated on the device from a hash of the install id, so every install shares the cached copy",
    topic: T,
  },
  {
    operation: "fetch snapshot (app-facing)",
    call: "GET /config/{app}/{platform}/{app_version_range}/v{version}.json",
    request: ["version from the manifest"],
    response: ["the whole snapshot with its checksum"],
    errors: ["404 retried with backoff"],
    guarantee: "immutable by version, so cached at the edge for a long time",
    topic: T,
  },
  {
    operation: "rollout",
    call: "POST /v1/apps/{app}/config/rollouts",
    request: ["version", "percentage steps", "crash-free gate"],
    response: ["rollout_id"],
    errors: ["409 another rollout active"],
    guarantee: "a step widens only after the previous step's gate passes",
    topic: T,
  },
];

export const APP_CONFIG_DATA: DataSpec[] = [
  {
    entity: "RemoteConfig",
    key: ["app", "version"],
    fields: ["parameters", "defaults", "conditions", "checksum", "author", "created_at"],
    indexes: [],
    partitionKey: "app",
    owner: "app-config-store",
    topic: T,
  },
  {
    entity: "KillSwitch",
    key: ["app", "feature"],
    fields: ["state", "platforms", "app_version_range", "max_stale_age", "reason", "actor", "published_version"],
    indexes: [],
    partitionKey: "app",
    owner: "app-config-store",
    topic: T,
  },
  {
    entity: "ConfigRollout",
    key: ["rollout_id"],
    fields: ["version", "percentage", "gate", "state"],
    indexes: ["(app, state)"],
    partitionKey: "app",
    owner: "app-config-store",
    topic: T,
  },
];

export const APP_CONFIG_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "App fetch on start or foreground",
    notation:
      "app-installs>app-config-cdn[GET manifest If-None-Match: activated version] -> app-config-cdn>app-installs[304 unchanged, or the manifest with a new version {version > activated}] -> app-installs>app-config-cdn[GET snapshot for platform and app version] -> app-installs[verify and activate on next start {checksum matches}] |-> app-installs[keep last snapshot, else baked-in defaults {offline or fetch failed}] => done | retry",
    topic: T,
  },
  {
    name: "Kill switch",
    notation:
      "config-editors>app-config-api[flip kill switch off] -> app-config-api>app-config-store[commit at the next version, outside any rollout {KillSwitch.state = on}] -> app-config-store>snapshot-publisher[new version] -> snapshot-publisher>app-config-cdn[publish manifest and purge] -> snapshot-publisher>push-sender[kill switch flipped] -> push-sender>app-installs[silent push, best effort] -> app-installs>app-config-cdn[GET manifest] |-> app-installs[take it at next start or foreground {push not delivered}] => done | retry",
    topic: T,
  },
];

/** The app config service's figures: fetches from the installs' opens, CDN egress, the kill switch's reach. */
export const APP_CONFIG_CAPACITY: CapacityModel = {
  inputs: [
    {
      quantity: "config_clients",
      typical: 10000000,
      why: "app installs that fetch the config (a planning figure for a popular app)",
      from: [
        { expression: "population", why: "the installs the prompt counts each fetch the config" },
        { expression: "clients", why: "the devices the prompt counts each run one install" },
        { expression: "users", why: "one install for each user the prompt counts (a floor: some have two devices)" },
      ],
    },
    {
      quantity: "app_opens_per_day",
      label: "times an install starts or comes to the foreground a day",
      unit: "opens/day",
      typical: 5,
      why: "an active install is opened a few times a day; each open checks the manifest (a planning figure)",
    },
    {
      quantity: "peak_to_average",
      label: "peak hour over the day's average",
      unit: "x",
      typical: 3,
      why: "app opens follow the day, peaking at about three times the average (a planning figure)",
    },
    {
      quantity: "manifest_bytes",
      label: "bytes of one manifest response (304 or a small manifest)",
      unit: "B",
      typical: 1000,
      why: "headers plus a version, URLs, checksums and the kill switches: about a kilobyte (a planning figure)",
    },
    {
      quantity: "config_bytes",
      typical: 50000,
      why: "one platform and app version's snapshot of parameters, gzipped: tens of kilobytes (a planning figure)",
    },
    {
      quantity: "changes_per_day",
      label: "config versions published a day",
      unit: "changes/day",
      typical: 10,
      why: "a handful of config edits, rollout steps and switches a day (a planning figure)",
    },
    {
      quantity: "commit_seconds",
      label: "time to commit a change in the config store",
      unit: "s",
      typical: 0.02,
      why: "a commit acknowledged by a synchronous standby in another zone takes tens of milliseconds (a planning figure)",
    },
    {
      quantity: "publish_seconds",
      label: "time to render, upload and purge the manifest",
      unit: "s",
      typical: 30,
      why: "rendering the snapshots per platform and app version, uploading them and a CDN purge take seconds to tens of seconds (a planning figure)",
    },
    {
      quantity: "manifest_ttl_seconds",
      label: "CDN TTL of the manifest",
      unit: "s",
      typical: 60,
      why: "a minute keeps the edge answering almost every fetch while a purge-missed copy lives a minute at most (a planning figure)",
    },
    {
      quantity: "push_batch_seconds",
      label: "time to send a silent push to every install",
      unit: "s",
      typical: 600,
      why: "sent in batches over about ten minutes so the installs it wakes do not all fetch at once (a planning figure)",
    },
  ],
  figures: [
    fig(
      "manifest_fetches_per_sec",
      "manifest fetches a second from installs opening the app, at the peak hour",
      "rate",
      "config_clients * app_opens_per_day / 86400 * peak_to_average",
      "req/s",
    ),
    fig(
      "manifest_egress",
      "CDN egress for manifest checks at the peak",
      "bandwidth",
      "manifest_fetches_per_sec * manifest_bytes",
      "B/s",
    ),
    fig(
      "change_egress_bytes",
      "CDN egress for one change reaching every install (each downloads its snapshot once)",
      "bandwidth",
      "config_bytes * config_clients",
      "B",
    ),
    fig(
      "daily_egress_bytes",
      "CDN egress a day: manifest checks plus every change's snapshot to every install",
      "bandwidth",
      "config_clients * (app_opens_per_day * manifest_bytes + changes_per_day * config_bytes)",
      "B",
    ),
    fig(
      "kill_switch_seconds",
      "time from a kill switch flip until an install that opens the app, or is woken by the push, turns the feature off (commit + publish and purge + a missed purge's TTL)",
      "time",
      "commit_seconds + publish_seconds + manifest_ttl_seconds",
      "s",
    ),
    fig(
      "push_wake_fetches_per_sec",
      "fetches a second while a silent push wakes every install in batches",
      "rate",
      "config_clients / push_batch_seconds",
      "req/s",
    ),
  ],
};

export const APP_CONFIG_DECISIONS: DecisionPoint[] = [
  {
    id: "i11-app-delivery",
    topic: T,
    question: "Have installs fetch the config through a CDN when they open, or hold a stream to each install?",
    options: [
      {
        id: "cdn-poll",
        name: "a conditional fetch of a small manifest through a CDN on start and foreground, with a silent push to wake installs for a kill switch",
        buys: "stateless, cacheable delivery that scales with any number of installs; no connection per install",
        costs:
          "an install takes a change only when it next opens (or is woken), and a stale manifest lives up to its TTL",
        winsWhen: "the clients are app installs that sleep most of the day, counted in millions",
        implies: { addMechanisms: ["versioned-snapshot"] },
      },
      {
        id: "edge-evaluated",
        name: "a fetch on start and foreground that an edge service answers with the install's own resolved values, the rules kept on the servers",
        buys: "targeting rules and user segments never reach the device, which a banking or health app needs",
        costs:
          "every fetch is computed for its install and cannot be shared from the CDN's cache, so the edge service takes the full fetch rate",
        winsWhen: "the targeting rules name users, segments or money that must not be readable from the app",
        wins: [{ words: PRIVATE_TARGETING }],
        implies: { addMechanisms: ["versioned-snapshot"] },
      },
      {
        id: "stream",
        name: "a long-lived stream (SSE or WebSocket) from each running app to a relay tier",
        buys: "a running app takes a change within a second",
        costs:
          "a connection per running install, held by a relay fleet, and nothing for apps in the background, which the OS suspends",
        winsWhen: "a change must reach the apps in use within seconds and the running apps are few enough to hold",
        implies: { addMechanisms: ["watch-stream"] },
      },
    ],
    rules: [
      {
        when: [{ words: PRIVATE_TARGETING }],
        option: "edge-evaluated",
        because:
          "the targeting names users or money, so its rules stay on the servers and each install gets only its own values",
      },
    ],
    fallback: {
      option: "cdn-poll",
      because:
        "apps are suspended in the background, so a stream reaches only the ones in use; a fetch on every open reaches each install the moment it matters, from the CDN's cache",
    },
  },
];

export const APP_CONFIG_SCOPES = {
  topic: T,
  ordering: {
    scope: "partition",
    why: "an app's config versions form one sequence that its manifest and every install compare",
  },
  exclusivity: {
    scope: "key",
    why: "an edit commits only if the app's head is still the version the editor read",
  },
  coordination: {
    scope: "partition",
    why: "one primary orders each app's versions; installs evaluate with no coordination at all",
  },
} as const;

export const APP_CONFIG_SILHOUETTE = {
  topic: T,
  storage: "config versions, kill switches and rollouts on one primary with a synchronous standby",
  coordination: "immutable snapshots per version behind a short-TTL manifest on a CDN; silent push for kill switches",
  serving: "on-device evaluation from the last activated snapshot or the baked-in defaults",
} as const;

export const APP_CONFIG_TECHNOLOGIES: NonNullable<ArchetypeInput["technologies"]> = [
  {
    product: "PostgreSQL with a synchronous standby",
    layer: "storage",
    fits: "A version, its kill switches and the rollout step commit in one transaction; the data is small and written a few times a day",
    suits: ["linearizable", "durable", "operational-simplicity"],
    poorFor: ["high-throughput", "elastic-scale"],
    caveat: "A failover pauses publishes for seconds while the CDN keeps serving every install",
    topic: T,
  },
  {
    product: "Object store plus CDN (ETag, short-TTL manifest, purge)",
    layer: "serving",
    fits: "Installs read static files: a 304 from the edge for an unchanged manifest, immutable snapshots cached by version",
    suits: ["elastic-scale", "low-cost", "stay-available"],
    poorFor: ["low-latency"],
    caveat: "A change lands at the next open or after the TTL; a purge shortens it for the kill switch",
    topic: T,
  },
  {
    product: "APNs and FCM silent (background / data) pushes",
    layer: "coordination",
    fits: "Wakes installs to fetch after a kill switch; Apple sends background notifications at low priority and may throttle them, so they only shorten the wait",
    suits: ["stay-available"],
    poorFor: ["low-latency"],
    caveat: "Delivery is not guaranteed; Apple advises no more than two or three background notifications an hour",
    topic: T,
  },
  {
    product: "Firebase Remote Config",
    layer: "serving",
    fits: "The managed reference of this design: in-app defaults, fetch then activate, conditions by platform, app version and percentile",
    suits: ["operational-simplicity", "elastic-scale"],
    poorFor: ["low-latency"],
    caveat:
      "Its SDKs cache fetched values for 12 hours by default, so a kill switch needs a shorter fetch interval or its real-time listener",
    topic: T,
  },
];
