import { fig, inp } from "./helpers.js";
import type { FeatureEntry } from "./index.js";

export const NOTIFICATIONS: FeatureEntry = {
  id: "notifications",
  name: "Notifications (in-app and push)",
  summary:
    "Events worth telling someone about become notification records; a dispatcher applies preferences and quiet hours, collapses bursts, and hands push messages to the platform services (APNs for iOS, FCM for Android), which deliver best-effort.",
  signals: ["notify", "notification", "push notification", "alert users", "remind", "reminder"],
  terms: { alert: "activity" },
  actions: [
    {
      action: "notify a user about a new {alert}",
      shape: "async process",
      entity: "Notification",
      critical: false,
      substrate: "I12",
      mechanism: "transactional-outbox",
    },
    {
      action: "list a user's notifications",
      shape: "read source",
      entity: "Notification",
      critical: false,
      substrate: "I16",
    },
    {
      action: "set notification preferences",
      shape: "overwrite current value",
      entity: "Preference",
      critical: false,
      substrate: "I16",
    },
    {
      action: "send scheduled or batched notifications when due",
      shape: "async process",
      entity: "Notification",
      critical: false,
      hidden: true,
      substrate: "I03",
      mechanism: "due-time-index",
    },
  ],
  entities: [
    { name: "Notification", description: "(user, id, kind, payload, created, seen): the in-app inbox row" },
    { name: "Preference", description: "per user and kind: channels allowed, quiet hours" },
    { name: "DeviceToken", description: "per device: the platform push token" },
  ],
  nfrs: [
    "the in-app inbox never loses a notification; push is best-effort and may be collapsed",
    "a user gets one push per event even when the dispatcher retries",
  ],
  substrates: [
    { id: "I12", role: "substrate", why: "push leaves the system through an outside provider", party: "push-gateway" },
    { id: "I03", role: "input", why: "digests and reminders fire at a due time" },
    { id: "I05", role: "input", why: "the events that trigger notifications arrive on a log" },
  ],
  hotspot: {
    figure: "peak_pushes_per_sec",
    bottleneck:
      "Push bursts: a campaign or event sends to many users at once, against the platform push services' limits",
    mitigation:
      "queue pushes per provider, send through several connections within the provider's limits, spread a campaign's sends over minutes, and collapse repeats to the same device",
  },
  capacity: {
    inputs: [
      inp("users", 200e6, "daily active users"),
      inp(
        "notifications_per_user_per_day",
        10,
        "about ten events a day concern a user: activity on what they own or follow, and changes to what they are waiting for",
      ),
      inp("push_share", 0.3, "the share that goes out as a phone push rather than in-app only"),
    ],
    figures: [
      fig(
        "notifications_per_sec",
        "notifications created per second",
        "rate",
        "users * notifications_per_user_per_day / 86400",
        "msg/s",
      ),
      fig(
        "peak_pushes_per_sec",
        "peak pushes to APNs / FCM per second",
        "peak",
        "notifications_per_sec * push_share * peak_factor",
        "msg/s",
      ),
    ],
  },
  decisions: [
    {
      id: "notification-batching",
      question: "Send each notification at once, or collapse bursts into digests?",
      options: [
        {
          id: "immediate",
          name: "send each one as it happens (with a collapse key)",
          buys: "timely alerts for direct actions (messages, replies)",
          costs: "noisy phones when an item goes viral",
          winsWhen: "notifications per user are few",
        },
        {
          id: "digest",
          name: "collapse bursts into a periodic digest",
          buys: "fewer, more useful pushes",
          costs: "a due-time scheduler and delay",
          winsWhen: "users would get dozens of notifications a day",
          wins: [{ number: "notifications_per_user_per_day", atLeast: 24 }],
        },
      ],
      rules: [
        {
          when: [{ number: "notifications_per_user_per_day", atLeast: 30 }],
          option: "digest",
          because: "users would otherwise get dozens of pushes a day",
        },
      ],
      fallback: { option: "immediate", because: "the volume per user is low enough to send each one" },
    },
  ],
  failures: [
    {
      failure: "A sender retries after a timeout and the user gets the same notification twice",
      prevention:
        "each notification has an id recorded before the push call and sent as its collapse id (APNs apns-collapse-id; on Android the FCM notification tag, since collapse_key folds only messages not yet delivered), so the device replaces a repeat it already shows",
      repair: "the inbox shows one row per notification id",
      role: "external effect",
    },
    {
      failure: "The push service rejects a device token because the app was uninstalled",
      prevention: "delete tokens the push service reports as no longer valid",
      repair: "the notification still lands in the in-app inbox",
      role: "external effect",
    },
    {
      failure:
        "A burst (one event that notifies a huge audience at once) queues millions of notifications and delays urgent ones",
      prevention: "separate queues by priority and a per-user rate limit",
      repair: "drain the backlog, dropping low-priority notifications that are too old to matter",
      role: "coordination",
    },
  ],
  technology: [
    {
      layer: "serving",
      product: "APNs and Firebase Cloud Messaging",
      fits: "the push services that reach iOS and Android devices",
    },
    {
      layer: "coordination",
      product: "Amazon SQS",
      fits: "a buffer between the services that raise notifications and the senders",
    },
  ],
  topology: {
    components: [
      {
        id: "notification-service",
        name: "Notification service",
        kind: "service",
        runs: ["create inbox row", "apply preferences", "enqueue push"],
        because: "turns product events into per-user notifications and decides the channel",
      },
      {
        id: "notification-store",
        name: "Notification inbox store",
        kind: "store",
        holds: ["Notification", "Preference", "DeviceToken"],
        because: "the durable inbox the app lists, partitioned by user",
      },
      {
        id: "push-workers",
        name: "Push dispatch workers",
        kind: "worker-pool",
        runs: ["collapse", "send to APNs / FCM", "drop dead tokens"],
        because: "platform calls are slow and rate-limited; retries carry a collapse key",
      },
      {
        id: "push-providers",
        name: "Push providers (APNs, FCM)",
        kind: "external",
        because: "only the platform can wake a phone",
      },
    ],
    links: [
      { from: "notification-service", to: "notification-store", kind: "request", label: "insert inbox row" },
      { from: "notification-service", to: "push-workers", kind: "stream", label: "push jobs" },
      { from: "push-workers", to: "push-providers", kind: "request", label: "send push" },
      {
        from: "push-workers",
        to: "notification-store",
        kind: "request",
        label: "claim due pushes, record the outcome",
      },
      { from: "gateway", to: "notification-service", kind: "request", label: "list / preferences" },
    ],
    api: [
      {
        operation: "list notifications",
        call: "GET /v1/notifications?cursor={cursor}",
        request: ["cursor"],
        response: ["notifications[]", "unseen_count", "next_cursor"],
        errors: [],
        guarantee: "every created notification appears, newest first",
      },
      {
        operation: "register device",
        call: "PUT /v1/devices/{device_id}",
        request: ["device_id", "platform", "push_token"],
        response: ["registered"],
        errors: [],
        guarantee: "the latest token per device wins",
      },
    ],
    dataModel: [
      {
        entity: "Notification",
        key: ["user_id", "notification_id"],
        fields: ["kind", "payload", "created_at", "seen_at", "dedup_key"],
        indexes: ["(user_id, created_at desc)", "dedup_key unique"],
        partitionKey: "user_id",
        owner: "notification-store",
      },
    ],
    entry: "notification-service",
    stateOwner: "notification-store",
  },
};
