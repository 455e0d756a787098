import { fig, inp } from "./helpers.js";
import type { FeatureEntry } from "./index.js";

export const PRESENCE: FeatureEntry = {
  id: "presence",
  name: "Presence (online status, last seen, typing)",
  summary:
    "A device is online while it keeps renewing a short-lived entry; when the heartbeats stop the entry expires and the user shows as offline with a last-seen time. Changes are pushed only to people currently looking.",
  signals: ["online status", "presence", "last seen", "online users", "show online", "typing indicator", "is typing"],
  terms: { user: "user" },
  actions: [
    {
      action: "heartbeat while the app is open to stay online",
      shape: "overwrite current value",
      entity: "PresenceEntry",
      critical: false,
      hidden: true,
      substrate: "I10",
      mechanism: "heartbeat-renewal",
    },
    {
      action: "set a status such as away or busy",
      shape: "overwrite current value",
      entity: "PresenceEntry",
      critical: false,
      substrate: "I10",
      mechanism: "lww-overwrite",
    },
    {
      action: "see a contact's online status or last-seen time",
      shape: "read source",
      entity: "PresenceEntry",
      critical: false,
      substrate: "I10",
    },
    {
      action: "mark a {user} offline when heartbeats stop",
      shape: "async process",
      entity: "PresenceEntry",
      critical: false,
      hidden: true,
      substrate: "I10",
      mechanism: "ttl-expiry",
    },
  ],
  entities: [{ name: "PresenceEntry", description: "(user, device) -> online until, last seen, status" }],
  nfrs: [
    "presence is best-effort and may be a few seconds stale; it never blocks messaging",
    "a crashed device turns offline within one expiry interval",
  ],
  substrates: [{ id: "I10", role: "substrate", why: "online status is heartbeat-kept membership with expiry" }],
  hotspot: {
    figure: "presence_pushes_per_sec",
    bottleneck: "Presence fan-out: every status change goes to every watcher of that {user}",
    mitigation:
      "push changes only to watchers who are online and looking, coalesce rapid flips within a few seconds, and let large lists fetch status on view instead of subscribing",
  },
  capacity: {
    inputs: [
      inp("users", 500e6, "daily active users"),
      inp("online_share", 0.3, "the share of daily users online at a peak moment"),
      inp("heartbeat_seconds", 30, "an app heartbeat every half minute keeps status fresh without draining batteries"),
      inp("status_changes_per_user_per_hour", 4, "people open and close the app a few times an hour"),
      inp("watchers_per_user", 20, "contacts currently looking at a chat list that shows this user"),
    ],
    figures: [
      fig("online_users", "users online at peak", "count", "users * online_share", "users"),
      fig("heartbeats_per_sec", "heartbeats per second", "rate", "online_users / heartbeat_seconds", "writes/s"),
      fig(
        "presence_pushes_per_sec",
        "status pushes per second if every change goes to every watcher",
        "fan-out",
        "online_users * status_changes_per_user_per_hour / 3600 * watchers_per_user",
        "msg/s",
      ),
    ],
  },
  decisions: [
    {
      id: "presence-propagation",
      question: "Push every status change to all contacts, or only to those currently looking?",
      options: [
        {
          id: "push-all",
          name: "push to every online contact",
          buys: "status is always current everywhere",
          costs: "pushes grow with contacts times changes",
          winsWhen: "contact lists are small",
        },
        {
          id: "subscribe-visible",
          name: "clients subscribe only to users on screen and fetch the rest on open",
          buys: "pushes follow what people actually look at",
          costs: "a fetch when a screen opens, slightly staler status",
          winsWhen: "contact lists are large or pushes would run to millions per second",
          wins: [{ number: "presence_pushes_per_sec", atLeast: 1000000 }],
          // the push-every-change load is the rejected option's: with subscriptions to what is on screen it is no
          // hotspot of this design (its figure stays, as the number that decided against pushing to all)
          implies: { excludes: ["\\bevery status change goes to every watcher\\b"] },
        },
      ],
      rules: [
        {
          when: [{ number: "presence_pushes_per_sec", atLeast: 1e6 }],
          option: "subscribe-visible",
          because: "pushing every change to every contact would pass a million messages a second",
        },
      ],
      fallback: { option: "push-all", because: "the push volume is modest" },
    },
  ],
  failures: [
    {
      failure: "A phone loses its network and the {user} shows online for minutes",
      prevention: "online means a heartbeat within the last interval or two; the entry expires on its own",
      repair: "the entry lapses and contacts see last-seen time",
      role: "derived",
    },
    {
      failure: "A {user} with thousands of contacts flaps online and offline, flooding every contact",
      prevention: "debounce changes for a few seconds and push them only to contacts who are looking",
      repair: "contacts fetch current status when they open the chat",
      role: "derived",
    },
    {
      failure: "A presence node restarts and forgets who is online",
      prevention: "presence is soft state rebuilt from the next heartbeats",
      repair: "clients resend a heartbeat on reconnect",
      role: "derived",
    },
  ],
  technology: [
    {
      layer: "serving",
      product: "Redis",
      fits: "presence entries with a short TTL refreshed by heartbeats",
    },
  ],
  topology: {
    components: [
      {
        id: "presence-service",
        name: "Presence service",
        kind: "service",
        runs: ["renew", "expire", "publish changes to subscribers"],
        because: "turns heartbeats into online/offline transitions and pushes them to watchers",
      },
      {
        id: "presence-store",
        name: "Presence store (in-memory, TTL)",
        kind: "cache",
        holds: ["PresenceEntry"],
        because: "entries live only as long as their TTL; loss costs a few seconds of wrong status",
      },
    ],
    links: [
      { from: "gateway", to: "presence-service", kind: "request", label: "heartbeat / query" },
      { from: "presence-service", to: "presence-store", kind: "request", label: "set with TTL" },
    ],
    api: [
      {
        operation: "heartbeat",
        call: "PUT /v1/presence/{device_id}",
        request: ["device_id", "status"],
        response: ["ttl_s"],
        errors: [],
        guarantee: "the device is online until ttl_s passes without another heartbeat",
      },
      {
        operation: "query presence",
        call: "GET /v1/presence?user_ids=…",
        request: ["user_ids[]"],
        response: ["statuses[] (online, last_seen)"],
        errors: [],
        guarantee: "best-effort, stale by at most one TTL",
      },
    ],
    dataModel: [
      {
        entity: "PresenceEntry",
        key: ["user_id", "device_id"],
        fields: ["status", "expires_at", "last_seen"],
        indexes: ["expires_at"],
        partitionKey: "user_id",
        owner: "presence-store",
      },
    ],
    entry: "presence-service",
    stateOwner: "presence-store",
  },
};
