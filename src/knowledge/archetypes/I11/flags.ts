import { fig } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { ArchetypeInput, MechanismId } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * Feature flags (topic "feature-flags", knowledge/topics.ts): a flag service whose SDKs, inside every service
 * instance, evaluate flags for each request from an in-memory copy of the environment's flags and segments, with no
 * call per evaluation. A flag holds variations, an on/off switch (the kill switch: off serves the off variation
 * whatever the rules say), targeting rules over user attributes and segments, and a fallthrough; a percentage
 * rollout is a rule inside the flag that picks a variation by hashing the flag key, its salt and the user's key into
 * buckets, so a user keeps the same answer on every instance and raising the percentage only adds users. That is not
 * a fleet rollout: no cohorts of hosts, no health gates. Every change to a flag or segment commits at the next number
 * of one global version per environment, with its audit entry; relays hold the SDKs' long-lived streams (server-sent
 * events) and send each change as a small delta with its version, a full snapshot only to an SDK that starts or fell
 * too far behind, and SDKs poll the relays while their stream is down. An SDK with no snapshot yet answers with the
 * caller's default.
 *
 * Facts, checked against primary sources:
 * - LaunchDarkly (contributor's guide; SDK docs): SDKs keep every flag in an in-memory store fed by a streaming
 *   connection by default or by polling, and evaluate without a request per evaluation. Its server SDKs bucket a
 *   user by a SHA-1 hash of the flag key, the flag's salt and the user's key, scaled into [0, 1) and compared with
 *   the rollout's weights (out of 100,000). The Relay Proxy is a small Go program on the customer's side that keeps
 *   one connection to LaunchDarkly's streaming API and serves many SDKs from it (proxy mode), or writes flags to a
 *   database SDKs read (daemon mode).
 * - Unleash (its overview): toggles are evaluated inside the SDK in the application, accepting an update delay of
 *   seconds; its server SDKs poll for toggle configuration (every 15 seconds by default in its Node client).
 * - Flagsmith: server-side SDKs can evaluate locally from an environment document they download and refresh on an
 *   interval, or ask the API to evaluate remotely.
 * - OpenFeature: a vendor-neutral specification of a flag evaluation API; a provider plugs in the flag system, and
 *   with no provider the no-op provider returns the default value the caller passed.
 * Planning figures (a change's bytes, each hop's time) are assumptions, said as such in their rows.
 */

const T = "feature-flags" as const;

/** Callers the operator does not control ("mobile apps", "mobile banking apps", browsers): the rules stay off them. */
const UNTRUSTED_CALLERS = String.raw`\b(?:browsers?|mobile (?:\w+ )?apps?|client-side|front-?ends?)\b`;

/**
 * The prompt has the clients evaluate flags themselves while cut off ("devices evaluate flags offline", "evaluation
 * works offline", "offline evaluation"): the rules must be on the client, whoever the client is.
 */
const EVALUATES_OFFLINE = String.raw`\bevaluat\w*\s+(?:\w+\s+){0,3}?(?:offline|without (?:a )?(?:network|connection))|\boffline\s+evaluation\b|\bevaluation\s+(?:\w+\s+){0,2}?offline\b`;

export const FLAG_ENTITIES = [
  {
    name: "Flag",
    description:
      "One feature flag in an environment by its key: its variations, on/off (off is the kill switch and serves the off variation), individual targets, targeting rules in order (each a list of attribute clauses or a segment, serving a variation or a percentage rollout), the fallthrough, the off variation, a salt for bucketing, and the global version of its last change.",
    truth: true,
    topic: T,
  },
  {
    name: "Segment",
    description:
      "A named set of users that flags' rules refer to: users included and excluded by key, and rules over attributes; changed at the same global version sequence as flags.",
    truth: true,
    topic: T,
  },
  {
    name: "FlagChange",
    description:
      "One committed change by its global version in the environment: the flag or segment key, who made it and why, the state before and after, and when; the audit log, and the delta relays send to SDKs.",
    truth: true,
    topic: T,
  },
] as const;

export const FLAG_WRITES = [
  {
    action:
      "change a flag's targeting rules, individual targets or rollout percentages under the version the editor read, committed at the next global version together with its audit entry",
    entity: "Flag",
    shape: "overwrite current value",
    mechanism: "version-check",
    critical: true,
    topic: T,
  },
  {
    action:
      "turn a flag off with the kill switch: one change at the next global version, after which every SDK that applied it serves the off variation",
    entity: "Flag",
    shape: "state transition",
    mechanism: "guarded-transition",
    critical: true,
    topic: T,
  },
  {
    action: "edit a segment's included and excluded users or its rules, committed at the next global version",
    entity: "Segment",
    shape: "overwrite current value",
    mechanism: "version-check",
    topic: T,
  },
  {
    action:
      "relays stream each committed change to their SDKs as a small delta with its version, and send a full snapshot only to an SDK that starts or has fallen behind the relay's window of recent changes",
    entity: "FlagChange",
    shape: "async process",
    mechanism: "watch-stream",
    critical: true,
    topic: T,
  },
] as const;

export const FLAG_READS = [
  {
    action:
      "an SDK evaluates a flag for a user in process: off gives the off variation; else individual targets, then rules and segments in order, then the fallthrough; a percentage picks the variation by the user's bucket, a hash of the flag key, salt and user key; with no snapshot yet, the caller's default",
    entity: "Flag",
    shape: "read projection",
    staleness:
      "the SDK's applied version: within the propagation bound while its stream is up, its last snapshot while it is cut off",
    topic: T,
  },
  {
    action: "read the audit log of a flag's changes: who changed what, when and why",
    entity: "FlagChange",
    shape: "read source",
    staleness: "none: read from the flag store's committed change log",
    topic: T,
  },
] as const;

export const FLAG_INVARIANTS = [
  "Every change to a Flag or Segment commits at the next number of one global version sequence for its environment, in the same write as its FlagChange audit entry, so an SDK at version v holds every change up to v and the audit log lists each one.",
  "An SDK applies FlagChanges in version order and never skips one or goes back: a gap in the versions makes it fetch the missing changes, or a full snapshot when the relay no longer has them.",
  "A user's bucket in a percentage rollout is a pure function of the flag key, the Flag's salt and the user's key, so every SDK on every instance serves that user the same variation, and raising the percentage only adds users.",
  "A Flag that is turned off serves its off variation on every SDK that has applied the change, whatever its targeting rules say.",
  "An SDK that holds no Flag yet answers every evaluation with the caller's default value, and one that loses its stream keeps evaluating the last Flags it applied.",
];

/** The mechanism that keeps each of the flag service's rules (`keptBy` on the card's invariant marks). */
export const FLAG_KEPT_BY: Readonly<Record<string, MechanismId>> = {
  [FLAG_INVARIANTS[0] as string]: "version-check",
  [FLAG_INVARIANTS[1] as string]: "watch-stream",
  [FLAG_INVARIANTS[3] as string]: "watch-stream",
};

export const FLAG_FAILURES = [
  {
    failure: "A relay dies and every SDK streaming from it loses its updates",
    role: "derived",
    prevention:
      "SDKs reconnect with jittered backoff to another relay behind the load balancer, sending the version they applied, and poll meanwhile",
    repair:
      "The new relay sends the changes after that version, or a full snapshot if it is older than the relay's window",
    topic: T,
  },
  {
    failure: "The flag store's primary fails",
    role: "truth",
    prevention:
      "The synchronous standby already holds every committed change and is promoted; changes are refused for the seconds the failover takes, while relays and SDKs keep serving the last snapshot they hold",
    repair: "Changes resume on the promoted primary at the next version; nothing an SDK holds is lost meanwhile",
    topic: T,
  },
  {
    failure: "A bad targeting change goes out and breaks a feature for the users it now targets",
    role: "truth",
    prevention:
      "Validate rules on commit, require a reviewed change in production, and start a percentage rollout small",
    repair:
      "Turn the flag off with its kill switch, or revert to the state its audit entry recorded: one more change, delivered within the propagation bound",
    topic: T,
  },
  {
    failure: "A service instance starts while no relay is reachable, so its SDK has no flags at all",
    role: "derived",
    prevention:
      "The SDK answers with the caller's default for every flag (or a bootstrap file shipped with the service) instead of blocking start-up",
    repair: "On its first snapshot it swaps the real flags in atomically and keeps streaming",
    topic: T,
  },
] as const;

export const FLAG_BOTTLENECKS = [
  {
    bottleneck: "Reconnect storm: after a relay tier restart every SDK reconnects and asks for a full snapshot at once",
    mitigation:
      "Jittered reconnects, snapshots cached in the relays by version, and deltas to SDKs that report a recent applied version",
    formula: {
      yields: "bandwidth to re-bootstrap every SDK within the propagation bound",
      expression: "config_bytes * nodes / propagation_seconds",
      unit: "B/s",
    },
    topic: T,
  },
  {
    bottleneck: "Streams held open by every service instance",
    mitigation: "A relay tier of stateless servers, each holding tens of thousands of idle streams",
    formula: {
      yields: "relay servers",
      expression: "max(replicas, nodes / (streams_per_server * target_utilisation))",
      unit: "servers",
    },
    topic: T,
  },
] as const;

export const FLAG_COMPONENTS: ComponentSpec[] = [
  {
    id: "flag-admins",
    name: "Flag admins (console, API, CI)",
    kind: "client",
    runs: ["edit flag", "kill switch", "read audit log"],
    because: "people and pipelines change flags, and every change must be validated, versioned and recorded",
    topic: T,
  },
  {
    id: "flag-api",
    name: "Flag management API (validate, version, audit)",
    kind: "service",
    runs: ["validate rules", "commit at the next global version", "write the audit entry"],
    because:
      "a bad rule is stopped before it has a version, and concurrent editors are serialised by the version they read",
    topic: T,
  },
  {
    id: "flag-store",
    name: "Flag store (one primary + synchronous standby; flags, segments and audit log by global version)",
    kind: "replica-group",
    holds: ["Flag", "Segment", "FlagChange"],
    runs: ["commit change at next version", "serve changes after a version"],
    because:
      "one environment's flags are small, exact and written rarely, while its audit log only grows, so one primary with a synchronous standby commits a change and its audit entry in one transaction",
    topic: T,
  },
  {
    id: "relays",
    name: "Relay tier (SSE streams to SDKs, deltas by version)",
    kind: "service",
    runs: ["hold SDK streams", "send deltas after a version", "send a snapshot to bootstrap", "answer polls"],
    because:
      "the store cannot hold a stream per service instance; stateless relays watch it once and fan each change out",
    topic: T,
  },
  {
    id: "sdks",
    name: "SDKs in each service instance (in-memory flags, local evaluation)",
    kind: "worker-pool",
    runs: ["apply deltas in version order", "evaluate flags locally", "serve defaults before the first snapshot"],
    because: "evaluation runs on every request, so it reads memory, and keeps working when the flag service is down",
    topic: T,
  },
];

export const FLAG_LINKS: LinkSpec[] = [
  { from: "flag-admins", to: "flag-api", kind: "request", label: "edit flag or segment, kill switch", topic: T },
  { from: "flag-api", to: "flag-store", kind: "request", label: "commit change and audit entry", topic: T },
  { from: "flag-store", to: "relays", kind: "stream", label: "changes after version v", topic: T },
  { from: "relays", to: "sdks", kind: "stream", label: "SSE: deltas with versions", topic: T },
  { from: "sdks", to: "relays", kind: "request", label: "poll since version (fallback)", topic: T },
];

export const FLAG_API: ApiSpec[] = [
  {
    operation: "update flag",
    call: "PATCH /v1/environments/{env}/flags/{flag_key}",
    request: ["expected_version", "rules, targets or rollout percentages", "comment"],
    response: ["version"],
    errors: ["400 invalid rule", "409 version moved (reload and retry)", "403 change needs review"],
    guarantee: "each change gets the next global version and an audit entry in the same commit",
    topic: T,
  },
  {
    operation: "kill switch",
    call: "POST /v1/environments/{env}/flags/{flag_key}:off",
    request: ["reason"],
    response: ["version"],
    errors: ["404 unknown flag"],
    guarantee:
      "one change like any other, so it reaches every streaming SDK within the propagation bound, and they serve the off variation",
    topic: T,
  },
  {
    operation: "stream (SDK-facing)",
    call: "GET /sdk/v1/{env}/stream?since_version= (text/event-stream)",
    request: ["SDK key", "applied version (none at start)"],
    response: [
      "put: full snapshot with version (at start or when too far behind)",
      "patch: one change with its version",
    ],
    errors: ["401 unknown SDK key"],
    guarantee: "changes arrive in version order; a gap is filled or answered with a full snapshot",
    topic: T,
  },
  {
    operation: "poll (SDK-facing fallback)",
    call: "GET /sdk/v1/{env}/flags?since_version=",
    request: ["SDK key", "applied version"],
    response: ["changes after the version, or 304 when none"],
    errors: ["401 unknown SDK key"],
    guarantee: "used while the stream is down; the same versions as the stream",
    topic: T,
  },
  {
    operation: "evaluate (in process)",
    call: "client.variation(flag_key, context, default_value)",
    request: ["flag key", "user context (key and attributes)", "default value"],
    response: ["variation", "reason (off, target, rule, fallthrough, default)"],
    errors: ["none: an unknown flag or no snapshot gives the default"],
    guarantee: "answered from memory with no network call; the same user gets the same variation on every instance",
    topic: T,
  },
  {
    operation: "audit log",
    call: "GET /v1/environments/{env}/changes?flag_key=&before_version=",
    request: ["flag key (optional)", "page"],
    response: ["changes with version, actor, reason, before and after"],
    errors: ["404 unknown environment"],
    guarantee: "every committed change is listed, in version order",
    topic: T,
  },
];

export const FLAG_DATA: DataSpec[] = [
  {
    entity: "Flag",
    key: ["environment", "flag_key"],
    fields: ["on", "variations", "targets", "rules", "fallthrough", "off_variation", "salt", "version"],
    indexes: [],
    partitionKey: "environment",
    owner: "flag-store",
    topic: T,
  },
  {
    entity: "Segment",
    key: ["environment", "segment_key"],
    fields: ["included keys", "excluded keys", "rules", "version"],
    indexes: [],
    partitionKey: "environment",
    owner: "flag-store",
    topic: T,
  },
  {
    entity: "FlagChange",
    key: ["environment", "version"],
    fields: ["flag or segment key", "actor", "reason", "before", "after", "committed_at"],
    indexes: ["(flag_key, version)"],
    partitionKey: "environment",
    owner: "flag-store",
    topic: T,
  },
];

export const FLAG_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Change a flag and stream it to every SDK",
    notation:
      "flag-admins>flag-api[change rules or turn the flag off {rules valid}] -> flag-api>flag-store[commit the change and its audit entry at the next version {expected version = current}] -> flag-api>flag-admins[new version] -> flag-store>relays[change at the new version] -> relays>sdks[SSE patch with the version] -> sdks[apply and swap atomically {version = applied version + 1}] |-> sdks>relays[poll since the applied version {stream down or version gap}] => done | retry",
    topic: T,
  },
  {
    name: "SDK start-up and bootstrap",
    notation:
      "sdks>relays[open the stream with no version] -> relays>sdks[full snapshot with its version] -> sdks[swap in the snapshot and evaluate from it] |-> sdks[answer with the caller's defaults {no snapshot yet}] => done | retry",
    topic: T,
  },
];

/** The flag service's figures: each hop of a change to every SDK within the bound, the streams, relays and bytes. */
export const FLAG_CAPACITY: CapacityModel = {
  inputs: [
    { quantity: "nodes", typical: 10000, why: "service instances running an SDK (a planning figure)" },
    {
      quantity: "changes_per_sec",
      typical: 0.1,
      why: "flags are changed by people and release pipelines: a few changes a minute at a busy hour (a planning figure)",
    },
    {
      quantity: "flag_change_bytes",
      label: "bytes of one flag change sent to an SDK",
      unit: "B",
      typical: 1000,
      why: "one flag's JSON with its rules is about a kilobyte (a planning figure)",
    },
    {
      quantity: "config_bytes",
      typical: 1000000,
      why: "an environment's flags and segments as one snapshot: about a thousand flags of a kilobyte each (a planning figure)",
    },
    {
      quantity: "commit_seconds",
      label: "time to commit a change in the flag store",
      unit: "s",
      typical: 0.02,
      why: "a commit acknowledged by a synchronous standby in another zone of one region takes milliseconds to tens of milliseconds (a planning figure)",
    },
    {
      quantity: "relay_notify_seconds",
      label: "time for a committed change to reach the relays' watch",
      unit: "s",
      typical: 0.1,
      why: "relays watch the store's change log and see a commit within about a hundred milliseconds (a planning figure)",
    },
    {
      quantity: "stream_push_seconds",
      label: "time for a relay to write a change to all of its streams",
      unit: "s",
      typical: 0.2,
      why: "one small event written to each of tens of thousands of open streams, the slowest within a few hundred milliseconds (a planning figure)",
    },
    {
      quantity: "apply_seconds",
      typical: 0.01,
      why: "an SDK parses one small change and swaps its in-memory store in milliseconds (a planning figure)",
    },
    {
      quantity: "poll_interval_seconds",
      typical: 30,
      why: "the fallback poll while a stream is down; polling SDKs commonly wait 15 to 60 seconds (Unleash's Node client 15 s by default)",
      // a fallback is still held to a stated propagation bound: an interval longer than the bound would let every SDK
      // whose stream is down miss it, so the interval is set from the bound (half of it, the rest for commit and apply)
      from: {
        expression: "propagation_seconds / 2",
        why: "the fallback poll is set from the stated propagation bound, half of it, so an SDK whose stream is down still takes a change within the bound",
      },
    },
  ],
  figures: [
    {
      ...fig(
        "flag_propagation_seconds",
        "time from a committed change to every streaming SDK evaluating it (commit + relay watch + stream write + apply)",
        "time",
        "commit_seconds + relay_notify_seconds + stream_push_seconds + apply_seconds",
        "s",
      ),
      bound: "propagation_seconds",
    },
    {
      ...fig(
        "poll_fallback_seconds",
        "longest time to a change for an SDK whose stream is down and that polls instead",
        "time",
        "commit_seconds + poll_interval_seconds + apply_seconds",
        "s",
      ),
      bound: "propagation_seconds",
    },
    fig("watch_streams", "open SDK streams", "count", "nodes", "streams", true),
    fig(
      "relay_servers",
      "relay servers holding the SDK streams at the planned utilisation",
      "count",
      "max(replicas, nodes / (streams_per_server * target_utilisation))",
      "servers",
      true,
    ),
    fig(
      "change_fanout_bytes",
      "bytes sent for one flag change to every SDK (a delta, not a snapshot)",
      "bandwidth",
      "flag_change_bytes * nodes",
      "B",
    ),
    // the audit log is never trimmed, so the store must take what it reaches; a product whose documented limit is
    // below it (etcd's quota, knowledge/state-limits.ts) is left out for it
    fig(
      "audit_log_bytes",
      "audit log kept over the planning years: every change with its state before and after",
      "storage",
      "changes_per_sec * 86400 * 365 * planning_years * flag_change_bytes * 2",
      "B",
    ),
    fig(
      "stream_bandwidth",
      "relay egress for changes at the peak change rate",
      "bandwidth",
      "flag_change_bytes * nodes * changes_per_sec",
      "B/s",
    ),
    fig(
      "rebootstrap_bandwidth",
      "bandwidth to send every SDK a full snapshot within the propagation bound after a relay tier restart",
      "bandwidth",
      "config_bytes * nodes / propagation_seconds",
      "B/s",
    ),
  ],
};

export const FLAG_DECISIONS: DecisionPoint[] = [
  {
    id: "i11-flag-delivery",
    topic: T,
    question: "Stream each flag change to the SDKs, or let them poll for changes?",
    options: [
      {
        id: "stream",
        name: "server-sent event streams from a relay tier, deltas by version, with polling as the fallback",
        buys: "a change reaches every SDK in well under a second, and only the change's bytes travel",
        costs:
          "a long-lived stream per service instance, held by relays, and a reconnect storm to absorb after a relay restart",
        winsWhen: "a change must reach every instance within seconds",
        // a stated propagation bound under the polling SDKs' interval (the poll option's own `delays`: 30 s)
        wins: [{ boundBelow: "propagation_seconds", seconds: 30, figure: "the poll interval of polling SDKs" }],
        implies: { addMechanisms: ["watch-stream"] },
      },
      {
        id: "poll",
        name: "SDKs poll the relays (or a CDN) for changes after their version every 15 to 60 seconds",
        buys: "stateless, cacheable delivery with no open connections",
        costs: "a change takes up to a poll interval, and idle polls cost requests",
        winsWhen: "a change may take a minute to land everywhere",
        delays: {
          bound: "propagation_seconds",
          seconds: 30,
          why: "an SDK sees a change only at its next poll, and polling SDKs wait 15 to 60 s between polls (LaunchDarkly's server SDKs no less than 30 s)",
        },
        implies: { addMechanisms: ["versioned-snapshot"] },
      },
    ],
    rules: [
      {
        when: [{ number: "propagation_seconds", below: 30 }],
        option: "stream",
        because: "a poll interval would spend the propagation bound on its own",
      },
    ],
    fallback: {
      option: "stream",
      because: "a kill switch is only worth having if it lands within seconds, which a stream gives",
    },
  },
  {
    id: "i11-flag-evaluation",
    topic: T,
    question: "Evaluate flags inside each service's SDK, or ask an evaluation service per request?",
    options: [
      {
        id: "local",
        name: "SDKs keep every flag's rules in memory and evaluate locally",
        buys: "an evaluation makes no network call, and it keeps working when the flag service is down",
        costs: "every instance holds the whole environment's rules and must keep them current",
        winsWhen:
          "the callers are trusted back-end services, or the prompt has the clients evaluate flags offline from the rules they last received",
        // the second half as facts: the prompt asks for evaluation on the device while it is offline
        wins: [{ words: EVALUATES_OFFLINE }],
      },
      {
        id: "remote",
        name: "an evaluation service answers each request, and clients hold only their own values",
        buys: "rules and segments never leave the servers, which suits browsers and phones",
        costs: "a network call per evaluation (or per page), and an outage returns only defaults",
        winsWhen: "the callers are untrusted clients (browsers, mobile apps) that must not see the rules",
        wins: [{ words: UNTRUSTED_CALLERS, unless: EVALUATES_OFFLINE }],
      },
    ],
    rules: [
      {
        // "mobile apps", "mobile banking apps": the app on the phone is the caller, unless the prompt has it evaluate the
        // rules itself while offline (then the rules are on the device by the prompt's own requirement)
        when: [{ words: UNTRUSTED_CALLERS, unless: EVALUATES_OFFLINE }],
        option: "remote",
        because: "untrusted clients must not receive the targeting rules, so a server evaluates for them",
      },
    ],
    fallback: {
      option: "local",
      because: "back-end instances evaluate on every request, so the rules live in their memory",
    },
  },
];

export const FLAG_SCOPES = {
  topic: T,
  ordering: {
    scope: "partition",
    why: "changes to an environment's flags and segments form one version sequence that every SDK applies in order",
  },
  exclusivity: {
    scope: "key",
    why: "an edit to a flag commits only if the flag is still at the version the editor read",
  },
  coordination: {
    scope: "partition",
    why: "one primary per environment orders its changes; SDKs evaluate with no coordination at all",
  },
} as const;

export const FLAG_SILHOUETTE = {
  topic: T,
  storage: "flags, segments and an append-only audit log by global version on one primary with a synchronous standby",
  coordination: "versioned changes streamed as deltas through relays, snapshots only to bootstrap",
  serving: "in-process evaluation in every SDK: rules, segments and hashed percentage buckets",
} as const;

export const FLAG_TECHNOLOGIES: NonNullable<ArchetypeInput["technologies"]> = [
  {
    // Unleash keeps its flags and its event log in PostgreSQL, the one database it supports (Unleash docs, "Database")
    product: "PostgreSQL with a synchronous standby",
    layer: "storage",
    fits: "A change, the environment's next version and its audit row commit in one transaction, and the audit table grows for years without a size quota; relays read the changes after their version, woken by LISTEN/NOTIFY; the store Unleash itself runs on",
    suits: ["linearizable", "durable", "operational-simplicity"],
    poorFor: ["high-throughput", "elastic-scale"],
    caveat:
      "One primary takes every change, plenty at a few changes a minute; a failover pauses changes for seconds while every SDK keeps evaluating",
    topic: T,
  },
  {
    product: "a relay tier of our own streaming server-sent events",
    layer: "coordination",
    fits: "Stateless servers watch the flag store once and fan each change out as a small event with its version to tens of thousands of open HTTP streams, the pattern of a vendor's relay proxy that serves many SDKs from one upstream stream; an SDK reconnects with its version to any of them",
    suits: ["low-latency", "stay-available", "elastic-scale"],
    poorFor: ["operational-simplicity"],
    caveat: "Idle streams cost memory and a reconnect storm follows a restart, so reconnects are jittered",
    topic: T,
  },
  {
    product: "OpenFeature as the SDK's evaluation API",
    layer: "serving",
    fits: "Services call one vendor-neutral evaluation API; our SDK is its provider, and with no provider the caller's default comes back",
    suits: ["operational-simplicity", "stay-available"],
    poorFor: ["low-cost"],
    caveat: "It is an interface, not a flag service: the store, relays and rules engine are still ours",
    topic: T,
  },
];

/** What a feature-flag design must draw and must not (coherence `feature-flags-shape`). */
export const FLAG_SHAPE = {
  entities: ["Flag", "Segment", "FlagChange"],
  propagation: "flag_propagation_seconds",
  bound: "propagation_seconds",
  /** Residue of a fleet config rollout or a service mesh's control plane. */
  residue:
    /\b(?:Rollout controller|Health gate|cohorts? and (?:health )?gates|roll out in stages|xDS|go-control-plane)\b/i,
} as const;
