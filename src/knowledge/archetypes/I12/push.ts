import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * The workflow's push-notification subject (topic "push", knowledge/topics.ts): the outside parties are the platform
 * push services, Apple's APNs and Google's FCM, and the effect is a notification shown on a person's phone. A push
 * design keeps a registry of device tokens per user, app and platform, the user's preferences and quiet hours, a
 * fan-out from one notification to one delivery per device, and a sender per platform; it has no compensation
 * (a shown notification cannot be taken back) and no lookup of an outcome by our key (neither service has one).
 *
 * Facts about the platforms, checked against their documentation:
 * - APNs (developer.apple.com, "Sending notification requests to APNs", "Handling notification responses from
 *   APNs"): one HTTP/2 POST to /3/device/{device token} per notification, with apns-topic (the app's bundle id),
 *   apns-push-type, apns-priority, apns-expiration and apns-collapse-id (at most 64 bytes; notifications with the same
 *   id are shown as one); apns-id only identifies a request, there is no API to look a notification up by it. 410
 *   (reason Unregistered) means the token is no longer active for the topic; 429 means too many requests for one
 *   token. APNs is best effort, may reorder, and keeps only one undelivered notification per app for an offline device.
 * - FCM HTTP v1 (firebase.google.com, "Throttling and quotas", ErrorCode reference, "Manage tokens"): one message per
 *   POST to /v1/projects/{project}/messages:send; a default quota of 600,000 messages per minute per project, answered
 *   with 429 QUOTA_EXCEEDED past it; 404 UNREGISTERED means the token is gone and should be deleted; payloads up to
 *   4,096 bytes; android.collapse_key replaces an undelivered message with the same key (a message already delivered
 *   is not touched), while android.notification.tag replaces a notification already shown in the drawer under the
 *   same tag (FCM reference, AndroidNotification.tag); tokens of devices not seen for 270 days expire.
 */

export const PUSH_ENTITIES = [
  {
    name: "DeviceToken",
    description:
      "One registered device of a user: app, platform (iOS through APNs, Android through FCM), the push token the platform issued, its environment (production or sandbox), when it was last refreshed, and whether it is still active; a device's newer token replaces its older one.",
    truth: true,
    topic: "push",
  },
  {
    name: "NotificationPreference",
    description:
      "What a user allows per category of notification: the channels (push, in-app, email), muted categories, and quiet hours with the user's time zone, read on every fan-out.",
    truth: true,
    topic: "push",
  },
] as const;

export const PUSH_WRITES = [
  {
    action:
      "accept a notification for a user under its notification id, so a retried send is answered with the first and never fans out twice",
    entity: "WorkflowInstance",
    shape: "create target",
    mechanism: "idempotency-key",
    critical: true,
    topic: "push",
  },
  {
    action:
      "fan the notification out to every active device token of the user that its preferences allow, one outbox entry per device written in one transaction, holding those that fall in quiet hours until they end",
    entity: "OutboxEntry",
    shape: "state transition",
    mechanism: "transactional-outbox",
    critical: true,
    topic: "push",
    runs: {
      in: "async worker",
      because:
        "fan-out workers expand a notification after the caller was answered, so one user's many devices or a large audience never hold a request",
    },
  },
  {
    action:
      "send each device's delivery through its platform's sender (APNs over HTTP/2, one POST per device token; FCM HTTP v1, one message per request) with the notification id as its collapse key, and log the platform's answer",
    entity: "EffectAttempt",
    shape: "append event",
    mechanism: "retry-dead-letter",
    critical: true,
    topic: "push",
    runs: {
      in: "async worker",
      because: "per-platform senders drain the delivery queues at the pace each push service allows",
    },
  },
  {
    action: "register a device's push token for a user, app and platform, replacing that device's earlier token",
    entity: "DeviceToken",
    shape: "overwrite current value",
    mechanism: "versioned-overwrite",
    topic: "push",
  },
  {
    action: "set a user's notification preferences: channels per category, muted categories and quiet hours",
    entity: "NotificationPreference",
    shape: "overwrite current value",
    mechanism: "lww-overwrite",
    topic: "push",
  },
  {
    action:
      "mark a device token invalid when its platform reports it gone (APNs 410 Unregistered, FCM 404 UNREGISTERED), so no later fan-out sends to it",
    entity: "DeviceToken",
    shape: "state transition",
    mechanism: "guarded-transition",
    hidden: true,
    critical: true,
    topic: "push",
    runs: {
      in: "async worker",
      because: "the sender learns a token is gone from the platform's answer to a send",
    },
  },
  {
    action:
      "pace each platform's sends under its budget (FCM's per-project quota per minute, APNs connections and streams), backing off on 429 and sending transactional pushes before bulk ones",
    entity: "OutboxEntry",
    shape: "async process",
    mechanism: "token-bucket",
    hidden: true,
    critical: true,
    topic: "push",
    runs: {
      in: "async worker",
      because: "each sender takes from its platform's budget before a call",
    },
  },
] as const;

export const PUSH_READS = [
  {
    action: "a caller reads a notification's outcome per device (sent, held for quiet hours, token gone, expired)",
    entity: "WorkflowInstance",
    shape: "read source",
    staleness:
      "seconds: the outcome trails the send, and 'sent' means the push service accepted it, not that the phone showed it",
    tolerates: "stale",
    topic: "push",
  },
] as const;

/** Push invariants, first in the card's list so they lead where a push design writes their entities. */
export const PUSH_INVARIANTS = [
  "A notification id names exactly one WorkflowInstance: a retried send with the same id returns the first answer and never fans out again, and the same id with a different body is refused.",
  "An OutboxEntry of a notification is written once per active DeviceToken the user's preferences allow, in the transaction that records the fan-out, so a retried send or a crashed fan-out worker never adds a second delivery to the same device.",
  "Every EffectAttempt of one delivery carries the notification id as its collapse key (APNs apns-collapse-id; on FCM both android.collapse_key, which folds a repeat still waiting for the device, and android.notification.tag, which replaces one already shown) and in its payload, because neither push service drops a repeat by our id: a resend replaces the shown notification or is dropped by the app.",
  "A DeviceToken the platform reported gone (APNs 410 Unregistered, FCM UNREGISTERED) is never sent to again until the device registers a token anew.",
];

export const PUSH_FAILURES = [
  {
    failure:
      "A sender times out after the push service accepted the notification and sends it again, and the phone shows it twice",
    role: "external effect",
    prevention:
      "Neither APNs nor FCM drops a repeat by our id, so every attempt carries the notification id as apns-collapse-id on APNs, as android.collapse_key and android.notification.tag on FCM, and in the payload",
    repair:
      "iOS shows notifications with the same collapse id as one; on Android the same tag replaces the shown notification (collapse_key alone folds only undelivered ones); the app drops an id it has shown",
    topic: "push",
  },
  {
    failure:
      "Tokens of uninstalled apps and replaced devices pile up, so fan-outs waste sends on them and they count against the platform's quota",
    role: "external effect",
    prevention:
      "Mark a token invalid on APNs 410 Unregistered or FCM 404 UNREGISTERED, and replace a device's token when the app registers a newer one",
    repair:
      "Sweep tokens not refreshed for months (FCM expires tokens of devices unseen for 270 days) and ask the app to register again at its next start",
    topic: "push",
  },
  {
    failure:
      "A broadcast fans out to millions of devices at once, FCM answers 429 QUOTA_EXCEEDED past the project's 600,000 messages a minute, and urgent pushes wait behind the bulk",
    role: "external effect",
    prevention:
      "Pace each platform with a token bucket under its quota, keep separate queues for transactional and bulk pushes, and spread a broadcast over minutes",
    repair:
      "Back off and retry the refused sends after the quota's minute, and drop bulk pushes whose time-to-live has passed",
    topic: "push",
  },
  {
    failure:
      "A push wakes a user at night or arrives for a category they muted, because preferences were read from a stale copy or quiet hours ignored their time zone",
    role: "truth",
    prevention:
      "Read the user's preferences and time zone from the registry at fan-out, and hold a delivery that falls in quiet hours until they end",
    repair: "A changed preference applies to the next fan-out; held deliveries check preferences again when released",
    topic: "push",
  },
  {
    failure:
      "A phone is offline for hours and receives only the last of several pushes, since APNs keeps one undelivered notification per app for it",
    role: "external effect",
    prevention:
      "Give every push an expiry (apns-expiration, FCM ttl) that says how long it is worth delivering, and keep what must not be lost in the app's in-app inbox",
    repair: "The app syncs the inbox from the notification store when it next opens",
    topic: "push",
  },
] as const;

/** The push variant of the workflow's topology: callers and apps, the API, the token registry, fan-out, per-platform senders. */
export const PUSH_COMPONENTS: ComponentSpec[] = [
  {
    id: "clients",
    name: "Calling services",
    kind: "client",
    runs: ["send notification", "read outcome"],
    because: "product services send a notification to a user under its notification id and retry on timeouts",
    topic: "push",
  },
  {
    id: "devices",
    name: "Mobile apps (iOS, Android)",
    kind: "client",
    runs: ["register device token", "set preferences", "show pushes"],
    because: "each app registers the token its platform issued at start, and the user sets what may reach them",
    topic: "push",
  },
  {
    id: "workflow-api",
    name: "Workflow service (stateless API)",
    kind: "service",
    runs: ["send", "register token", "preferences", "outcome"],
    because: "accepts a send once per notification id, and writes tokens and preferences to the registry",
    topic: "push",
  },
  {
    id: "token-registry",
    name: "Device token registry (partitioned by user)",
    kind: "store",
    holds: ["DeviceToken", "NotificationPreference"],
    runs: ["tokens and preferences by user"],
    because:
      "every fan-out reads one user's active tokens and preferences by user id, and every app start may refresh a token",
    topic: "push",
  },
  {
    id: "workflow-db",
    name: "Workflow DB (notifications + per-device outbox)",
    kind: "store",
    holds: ["WorkflowInstance", "OutboxEntry", "EffectAttempt"],
    runs: ["notification + deliveries in one transaction", "delivery queues per platform"],
    because:
      "a notification and its per-device deliveries commit together, so a crash neither loses a device's push nor repeats the fan-out",
    topic: "push",
  },
  {
    id: "relay",
    name: "Fan-out workers",
    kind: "worker-pool",
    runs: ["claim notification", "read tokens and preferences", "write one delivery per device"],
    because: "one notification becomes a delivery per allowed device, held past quiet hours, off the request path",
    topic: "push",
  },
  {
    id: "apns-sender",
    name: "APNs senders (HTTP/2)",
    kind: "worker-pool",
    runs: ["claim iOS deliveries", "POST /3/device/{token}", "drop tokens on 410"],
    because:
      "APNs takes one POST per device token over long-lived HTTP/2 connections, with apns-collapse-id and apns-expiration",
    topic: "push",
  },
  {
    id: "fcm-sender",
    name: "FCM senders (HTTP v1)",
    kind: "worker-pool",
    runs: ["claim Android deliveries", "POST messages:send under the project quota", "drop tokens on UNREGISTERED"],
    because: "FCM HTTP v1 takes one message per request, metered per project per minute",
    topic: "push",
  },
  {
    id: "apns",
    name: "APNs (Apple Push Notification service)",
    kind: "external",
    runs: ["deliver to iOS devices, best effort"],
    because: "only Apple's service can wake an iPhone; it keeps one undelivered push per app for an offline device",
    topic: "push",
  },
  {
    id: "fcm",
    name: "FCM (Firebase Cloud Messaging)",
    kind: "external",
    runs: ["deliver to Android devices"],
    because: "only Google's service reaches Android devices; 600,000 messages a minute per project by default",
    topic: "push",
  },
];

export const PUSH_LINKS: LinkSpec[] = [
  { from: "clients", to: "workflow-api", kind: "request", label: "send / outcome", topic: "push" },
  { from: "devices", to: "workflow-api", kind: "request", label: "register token / preferences", topic: "push" },
  { from: "workflow-api", to: "token-registry", kind: "request", label: "upsert token, preferences", topic: "push" },
  { from: "workflow-api", to: "workflow-db", kind: "request", label: "notification + fan-out entry", topic: "push" },
  { from: "relay", to: "workflow-db", kind: "request", label: "claim, write per-device deliveries", topic: "push" },
  { from: "relay", to: "token-registry", kind: "request", label: "active tokens + preferences by user", topic: "push" },
  {
    from: "apns-sender",
    to: "workflow-db",
    kind: "request",
    label: "claim iOS deliveries, record outcome",
    topic: "push",
  },
  {
    from: "fcm-sender",
    to: "workflow-db",
    kind: "request",
    label: "claim Android deliveries, record outcome",
    topic: "push",
  },
  { from: "apns-sender", to: "apns", kind: "request", label: "HTTP/2 POST /3/device/{token}", topic: "push" },
  { from: "fcm-sender", to: "fcm", kind: "request", label: "POST /v1/projects/{p}/messages:send", topic: "push" },
  {
    from: "apns-sender",
    to: "token-registry",
    kind: "request",
    label: "invalidate on 410 Unregistered",
    topic: "push",
  },
  { from: "fcm-sender", to: "token-registry", kind: "request", label: "invalidate on UNREGISTERED", topic: "push" },
  { from: "apns", to: "devices", kind: "stream", label: "push (best effort)", topic: "push" },
  { from: "fcm", to: "devices", kind: "stream", label: "push", topic: "push" },
];

export const PUSH_API: ApiSpec[] = [
  {
    operation: "send",
    call: "POST /v1/notifications",
    request: [
      "notification_id",
      "user_id",
      "category",
      "title, body, data (at most 4 KB)",
      "collapse_key",
      "ttl",
      "priority",
    ],
    response: ["notification_id", "state"],
    errors: ["409 same notification id with a different body", "413 payload over 4 KB", "422 unknown user or category"],
    guarantee: "a retry with the same notification id returns the first answer and never fans out twice",
    topic: "push",
  },
  {
    operation: "register device",
    call: "PUT /v1/users/{user_id}/devices/{device_id}",
    request: ["app_id", "platform (ios | android)", "push_token", "environment"],
    response: ["registered"],
    errors: ["422 unknown app or platform"],
    guarantee: "one active token per user, app and device: a newer registration replaces the older token",
    topic: "push",
  },
  {
    operation: "unregister device",
    call: "DELETE /v1/users/{user_id}/devices/{device_id}",
    request: ["device_id"],
    response: ["removed"],
    errors: [],
    guarantee: "no fan-out after the delete sends to that device",
    topic: "push",
  },
  {
    operation: "set preferences",
    call: "PUT /v1/users/{user_id}/preferences",
    request: ["channels per category", "muted categories", "quiet_hours (start, end, time_zone)"],
    response: ["version"],
    errors: ["422 invalid time zone"],
    guarantee: "every fan-out that starts after the write commits honours it",
    topic: "push",
  },
  {
    operation: "outcome",
    call: "GET /v1/notifications/{notification_id}",
    request: ["notification_id"],
    response: ["state", "per device: sent | held | token gone | expired"],
    errors: ["404 unknown notification"],
    guarantee: "'sent' means the push service accepted it; neither APNs nor FCM reports that the phone showed it",
    topic: "push",
  },
];

export const PUSH_DATA: DataSpec[] = [
  {
    entity: "WorkflowInstance",
    key: ["workflow_id"],
    fields: [
      "user_id",
      "category",
      "payload",
      "collapse_key",
      "ttl",
      "priority",
      "state (accepted | fanned_out | done)",
    ],
    indexes: ["(state, created_at)"],
    partitionKey: "workflow_id",
    owner: "workflow-db",
    topic: "push",
  },
  {
    entity: "OutboxEntry",
    key: ["workflow_id", "device_id"],
    fields: [
      "platform",
      "push_token",
      "state (queued | held | sent | token_gone | expired)",
      "not_before (end of quiet hours)",
      "expires_at",
      "claimed_by",
      "claim_expires_at",
    ],
    indexes: ["(platform, state, not_before)"],
    partitionKey: "workflow_id",
    owner: "workflow-db",
    topic: "push",
  },
  {
    entity: "DeviceToken",
    key: ["user_id", "app_id", "device_id"],
    fields: ["platform", "push_token", "environment", "state (active | invalid)", "refreshed_at"],
    indexes: ["push_token unique", "(state, refreshed_at)"],
    partitionKey: "user_id",
    owner: "token-registry",
    topic: "push",
  },
  {
    entity: "NotificationPreference",
    key: ["user_id", "category"],
    fields: ["channels", "muted", "quiet_hours_start", "quiet_hours_end", "time_zone", "version"],
    indexes: [],
    partitionKey: "user_id",
    owner: "token-registry",
    topic: "push",
  },
];

export const PUSH_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Send once, fan out to the user's devices",
    notation:
      "clients>workflow-api[send with notification id {no WorkflowInstance with this id}] -> workflow-api>workflow-db[insert notification and its fan-out entry in one transaction] -> workflow-api>clients[notification id, accepted] -> relay>workflow-db[claim fan-out entry {OutboxEntry.state = pending or OutboxEntry.claim_expires_at < now}] -> relay>token-registry[active tokens and preferences of the user] -> token-registry>relay[devices, muted categories, quiet hours] -> relay>workflow-db[one delivery per allowed device, held until quiet hours end {DeviceToken.state = active}] => done | requeue | reject",
    topic: "push",
  },
  {
    name: "Send to APNs and drop a dead token",
    notation:
      "apns-sender>workflow-db[claim iOS deliveries {OutboxEntry.state = queued and OutboxEntry.not_before < now}] -> apns-sender>apns[POST /3/device/token with apns-collapse-id = notification id and apns-expiration] -> apns>apns-sender[200, or 410 Unregistered, or 429] -> apns-sender>workflow-db[record outcome] |-> apns-sender>token-registry[mark token invalid {reason = Unregistered}] => done | retry | reject",
    topic: "push",
  },
  {
    name: "Send to FCM under the project quota",
    notation:
      "fcm-sender>workflow-db[claim Android deliveries within the minute's budget {OutboxEntry.state = queued}] -> fcm-sender>fcm[POST messages:send with android collapse_key and notification tag = notification id, and ttl] -> fcm>fcm-sender[message name, or 404 UNREGISTERED, or 429 QUOTA_EXCEEDED] -> fcm-sender>workflow-db[record outcome] |-> fcm-sender>token-registry[mark token invalid {error = UNREGISTERED}] => done | retry | reject",
    topic: "push",
  },
  {
    name: "Register a device token",
    notation:
      "devices>workflow-api[register token for user, app, device and platform] -> workflow-api>token-registry[replace the device's token {DeviceToken.refreshed_at < this registration}] -> workflow-api>devices[registered] => done",
    topic: "push",
  },
];
