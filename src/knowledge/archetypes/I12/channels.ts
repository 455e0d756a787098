import { MESSAGE_RATES, PARTIES } from "../../parties.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * The workflow's multi-channel subject (topic "multi-channel", knowledge/topics.ts): one notification may reach a
 * person by push, email or text, whichever their preferences allow. A channel router turns a notification into one
 * delivery per allowed channel and contact point, and each channel has its own sender and outside party, with that
 * party's facts (knowledge/parties.ts): the push gateways (APNs, FCM) answer each send and drop nothing by our id;
 * an email leaves over SMTP and comes back only as bounces and complaints; a text goes through an SMS gateway that
 * meters each sending number and honours a recipient's STOP reply (Twilio stops sending from a number to a recipient
 * who texted an opt-out keyword until they opt back in, twilio.com/docs/proxy/opt-out-keywords; AWS End User
 * Messaging keeps an opt-out list the same way, docs.aws.amazon.com/sms-voice "Required opt-out keywords").
 * Each channel's dead contact point (a gone token, a hard-bounced or complaining address, an opted-out number) is
 * never sent to again until the person registers it anew.
 */

const PUSH = PARTIES["push-gateway"];
const MESSAGE = PARTIES["message-gateway"];

export const CHANNEL_ENTITIES = [
  {
    name: "ContactPoint",
    description:
      "One way to reach a user on one channel: a device's push token (with platform and app), an email address or a phone number, whether it is verified, and its state (active, or dead because its gateway reported it gone, bounced, complained about or opted out).",
    truth: true,
    topic: "multi-channel",
  },
  {
    name: "ChannelPreference",
    description:
      "What a user allows per category of notification: which channels (push, email, SMS), muted categories, and quiet hours with the user's time zone, read by the router for every notification.",
    truth: true,
    topic: "multi-channel",
  },
] as const;

export const CHANNEL_WRITES = [
  {
    action:
      "accept a notification for a user under its notification id, so a retried send is answered with the first and is never routed twice",
    entity: "WorkflowInstance",
    shape: "create target",
    mechanism: "idempotency-key",
    critical: true,
    topic: "multi-channel",
  },
  {
    action:
      "route the notification: read the user's channel preferences and active contact points, and write one delivery per allowed channel and contact point (push per device token, email per address, SMS per verified number) in one transaction, holding those that fall in quiet hours",
    entity: "OutboxEntry",
    shape: "state transition",
    mechanism: "transactional-outbox",
    critical: true,
    topic: "multi-channel",
    runs: {
      in: "async worker",
      because: "the router expands a notification after the caller was answered, off the request path",
    },
  },
  {
    action:
      "send each delivery through its channel's sender and gateway (APNs or FCM with the notification id as collapse id; a DKIM-signed email over SMTP, retried on 4xx and ended on 5xx; a text through the SMS gateway from a sending number) and log the gateway's answer",
    entity: "EffectAttempt",
    shape: "append event",
    mechanism: "retry-dead-letter",
    critical: true,
    topic: "multi-channel",
    runs: {
      in: "async worker",
      because: "each channel's senders drain their own queue at the pace their gateway allows",
    },
  },
  {
    action:
      "pace each channel's queue under its own gateway's ceiling (FCM's per-project quota, each recipient mail domain's limits, each SMS sending number's rate), so a slow channel never holds the others",
    entity: "OutboxEntry",
    shape: "async process",
    mechanism: "token-bucket",
    hidden: true,
    critical: true,
    topic: "multi-channel",
    runs: { in: "async worker", because: "each sender takes from its channel's budget before a call" },
  },
  {
    action:
      "mark a contact point dead when its gateway reports it (APNs 410 Unregistered or FCM UNREGISTERED, an email hard bounce or complaint, an SMS opt-out reply), so no later routing sends to it",
    entity: "ContactPoint",
    shape: "state transition",
    mechanism: "guarded-transition",
    hidden: true,
    critical: true,
    topic: "multi-channel",
    runs: { in: "async worker", because: "the senders and the feedback ingest learn it from the gateways' answers" },
  },
  {
    action: "register a contact point for a user (a device's push token, an email address, a phone number)",
    entity: "ContactPoint",
    shape: "overwrite current value",
    mechanism: "versioned-overwrite",
    topic: "multi-channel",
  },
  {
    action: "set a user's preferences: channels per category, muted categories and quiet hours",
    entity: "ChannelPreference",
    shape: "overwrite current value",
    mechanism: "lww-overwrite",
    topic: "multi-channel",
  },
] as const;

export const CHANNEL_READS = [
  {
    action:
      "a caller reads a notification's outcome per channel and contact point (sent, held, bounced, dead, expired)",
    entity: "WorkflowInstance",
    shape: "read source",
    staleness:
      "seconds: an outcome trails the gateway's reply, and an email's bounce or complaint arriving minutes to days later changes it",
    tolerates: "stale",
    topic: "multi-channel",
  },
] as const;

export const CHANNEL_INVARIANTS = [
  "A notification id names exactly one WorkflowInstance: a retried send returns the first answer and is never routed again.",
  "Each allowed channel and ContactPoint of the user gets exactly one OutboxEntry, written in the transaction that records the routing, so a crashed router or a retried send never adds a second delivery.",
  "No OutboxEntry goes to a ContactPoint its gateway reported dead (a gone token, a hard-bounced or complaining address, a number whose owner opted out by text) until the user registers it again.",
];

export const CHANNEL_FAILURES = [
  {
    failure:
      "One channel's gateway slows or throttles (FCM answers 429, a mail domain defers, an SMS number hits its rate) and every channel's deliveries wait behind it",
    role: "external effect",
    prevention:
      "Give each channel its own queue, senders and budget, so the router only writes deliveries and never waits on a gateway",
    repair: "Back off only the throttled channel and let its queue drain; the other channels keep sending",
    topic: "multi-channel",
  },
] as const;

export const CHANNEL_COMPONENTS: ComponentSpec[] = [
  {
    id: "clients",
    name: "Calling services",
    kind: "client",
    runs: ["send notification", "read outcome"],
    because: "product services send a notification to a user under its notification id and retry on timeouts",
    topic: "multi-channel",
  },
  {
    id: "devices",
    name: "User apps and settings pages",
    kind: "client",
    runs: ["register contact point", "set preferences"],
    because: "apps register push tokens at start, and users add addresses and numbers and choose what reaches them",
    topic: "multi-channel",
  },
  {
    id: "workflow-api",
    name: "Notification API (stateless)",
    kind: "service",
    runs: ["send", "register contact point", "preferences", "outcome"],
    because: "accepts a send once per notification id, and writes contact points and preferences to the registry",
    topic: "multi-channel",
  },
  {
    id: "contact-registry",
    name: "Contact and preference registry (partitioned by user)",
    kind: "store",
    holds: ["ContactPoint", "ChannelPreference"],
    runs: ["contact points and preferences by user"],
    because: "every routing reads one user's live contact points and preferences by user id",
    topic: "multi-channel",
  },
  {
    id: "workflow-db",
    name: "Notification DB (notifications + per-channel deliveries)",
    kind: "store",
    holds: ["WorkflowInstance", "OutboxEntry", "EffectAttempt"],
    runs: ["notification + deliveries in one transaction", "a delivery queue per channel"],
    because:
      "a notification and its deliveries commit together, so a crash neither loses a channel's delivery nor routes twice",
    topic: "multi-channel",
  },
  {
    id: "relay",
    name: "Channel router",
    kind: "worker-pool",
    runs: ["claim notification", "read preferences and contact points", "write one delivery per channel and contact"],
    because: "one notification becomes a delivery per allowed channel, held past quiet hours, off the request path",
    topic: "multi-channel",
  },
  {
    id: "push-sender",
    name: "Push senders (APNs, FCM)",
    kind: "worker-pool",
    runs: ["claim push deliveries", "send with the notification id as collapse id", "drop gone tokens"],
    because: `${PUSH.ceiling?.because ?? ""}; ${PUSH.reconcile}`,
    topic: "multi-channel",
  },
  {
    id: "email-sender",
    name: "Email senders (DKIM-signing MTAs)",
    kind: "worker-pool",
    runs: ["claim email deliveries", "queue and pace per recipient domain", "sign with DKIM and send over SMTP"],
    because: MESSAGE.reconcile,
    topic: "multi-channel",
  },
  {
    id: "sms-sender",
    name: "SMS senders",
    kind: "worker-pool",
    runs: ["claim SMS deliveries", "pace per sending number", "skip opted-out numbers"],
    because: `${MESSAGE_RATES.sms}; so the rate is a number to ask for, and a pool of senders or a short code raises it`,
    topic: "multi-channel",
  },
  {
    id: "push-gateways",
    name: "Push gateways (APNs, FCM)",
    kind: "external",
    runs: ["deliver to devices, best effort"],
    because: PUSH.queryable.because,
    topic: "multi-channel",
  },
  {
    id: "mail-servers",
    name: "Recipient mail servers or email gateway",
    kind: "external",
    runs: ["accept or refuse over SMTP", "send bounces and complaints later"],
    because: MESSAGE.queryable.because,
    topic: "multi-channel",
  },
  {
    id: "sms-gateway",
    name: "SMS gateway (carrier aggregator)",
    kind: "external",
    runs: ["deliver texts", "report delivery and opt-out replies"],
    because:
      "the gateway queues texts per sending number and stops sending to a recipient who replied with an opt-out keyword until they opt back in",
    topic: "multi-channel",
  },
  {
    id: "feedback",
    name: "Feedback ingest (bounces, complaints, opt-outs)",
    kind: "worker-pool",
    runs: ["match reports to deliveries", "mark contact points dead"],
    because: "email bounces, complaints and SMS opt-outs arrive after the send, from the gateways",
    topic: "multi-channel",
  },
];

const link = (from: string, to: string, label: string, kind: LinkSpec["kind"] = "request"): LinkSpec => ({
  from,
  to,
  kind,
  label,
  topic: "multi-channel",
});

export const CHANNEL_LINKS: LinkSpec[] = [
  link("clients", "workflow-api", "send / outcome"),
  link("devices", "workflow-api", "register contact point / preferences"),
  link("workflow-api", "contact-registry", "upsert contact points, preferences"),
  link("workflow-api", "workflow-db", "notification + routing entry"),
  link("relay", "workflow-db", "claim, write per-channel deliveries"),
  link("relay", "contact-registry", "live contact points + preferences by user"),
  link("push-sender", "workflow-db", "claim push deliveries, record outcome"),
  link("email-sender", "workflow-db", "claim email deliveries, record outcome"),
  link("sms-sender", "workflow-db", "claim SMS deliveries, record outcome"),
  link("push-sender", "push-gateways", "send with collapse id"),
  link("email-sender", "mail-servers", "SMTP, DKIM-signed"),
  link("sms-sender", "sms-gateway", "send text from a sending number"),
  link("push-sender", "contact-registry", "mark gone tokens dead"),
  link("mail-servers", "feedback", "bounces, complaints", "callback"),
  link("sms-gateway", "feedback", "delivery reports, opt-out replies", "callback"),
  link("feedback", "contact-registry", "mark contact points dead"),
  link("feedback", "workflow-db", "update delivery outcome"),
];

export const CHANNEL_API: ApiSpec[] = [
  {
    operation: "send",
    call: "POST /v1/notifications",
    request: [
      "notification_id",
      "user_id",
      "category",
      "content per channel (push title and body, email template, SMS text)",
      "ttl",
    ],
    response: ["notification_id", "state"],
    errors: ["409 same notification id with a different body", "422 unknown user or category"],
    guarantee: "a retry with the same notification id returns the first answer and is never routed twice",
    topic: "multi-channel",
  },
  {
    operation: "register contact point",
    call: "PUT /v1/users/{user_id}/contacts/{contact_id}",
    request: ["channel (push | email | sms)", "push token and platform, or address, or phone number"],
    response: ["registered", "verification needed"],
    errors: ["422 invalid address or number"],
    guarantee: "a newly registered contact point is live again even if an earlier one at the same address was dead",
    topic: "multi-channel",
  },
  {
    operation: "set preferences",
    call: "PUT /v1/users/{user_id}/preferences",
    request: ["channels per category", "muted categories", "quiet_hours (start, end, time_zone)"],
    response: ["version"],
    errors: ["422 invalid time zone"],
    guarantee: "every routing that starts after the write commits honours it",
    topic: "multi-channel",
  },
  {
    operation: "outcome",
    call: "GET /v1/notifications/{notification_id}",
    request: ["notification_id"],
    response: ["state", "per channel and contact: sent | held | bounced | dead | expired"],
    errors: ["404 unknown notification"],
    guarantee: "'sent' means the channel's gateway accepted it; an email's bounce may change it later",
    topic: "multi-channel",
  },
];

export const CHANNEL_DATA: DataSpec[] = [
  {
    entity: "WorkflowInstance",
    key: ["workflow_id"],
    fields: ["user_id", "category", "content per channel", "ttl", "state (accepted | routed | done)"],
    indexes: ["(state, created_at)"],
    partitionKey: "workflow_id",
    owner: "workflow-db",
    topic: "multi-channel",
  },
  {
    entity: "OutboxEntry",
    key: ["workflow_id", "channel", "contact_id"],
    fields: [
      "state (queued | held | sent | bounced | dead | expired)",
      "not_before (end of quiet hours)",
      "attempt",
      "next_attempt_at",
      "claimed_by",
      "claim_expires_at",
    ],
    indexes: ["(channel, state, next_attempt_at) as each channel's queue"],
    partitionKey: "workflow_id",
    owner: "workflow-db",
    topic: "multi-channel",
  },
  {
    entity: "ContactPoint",
    key: ["user_id", "contact_id"],
    fields: ["channel", "token, address or number", "verified", "state (active | dead)", "dead_reason", "updated_at"],
    indexes: ["(channel, token, address or number) unique"],
    partitionKey: "user_id",
    owner: "contact-registry",
    topic: "multi-channel",
  },
  {
    entity: "ChannelPreference",
    key: ["user_id", "category"],
    fields: ["channels", "muted", "quiet_hours_start", "quiet_hours_end", "time_zone", "version"],
    indexes: [],
    partitionKey: "user_id",
    owner: "contact-registry",
    topic: "multi-channel",
  },
];

export const CHANNEL_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Send once, route to each allowed channel",
    notation:
      "clients>workflow-api[send with notification id {no WorkflowInstance with this id}] -> workflow-api>workflow-db[insert notification and its routing entry in one transaction] -> workflow-api>clients[notification id, accepted] -> relay>workflow-db[claim routing entry {OutboxEntry.state = pending or OutboxEntry.claim_expires_at < now}] -> relay>contact-registry[live contact points and preferences of the user] -> contact-registry>relay[contact points per channel, muted categories, quiet hours] -> relay>workflow-db[one delivery per allowed channel and contact point {ContactPoint.state = active}] => done | requeue | reject",
    topic: "multi-channel",
  },
  {
    name: "Send a push and drop a dead token",
    notation:
      "push-sender>workflow-db[claim push deliveries {OutboxEntry.state = queued and OutboxEntry.not_before < now}] -> push-sender>push-gateways[send with the notification id as collapse id] -> push-gateways>push-sender[accepted, or token gone, or 429] -> push-sender>workflow-db[record outcome] |-> push-sender>contact-registry[mark the token dead {reason = Unregistered}] => done | retry | reject",
    topic: "multi-channel",
  },
  {
    name: "Send an email delivery and take its bounce",
    notation:
      "email-sender>workflow-db[claim due email deliveries of one recipient domain {OutboxEntry.state = queued and OutboxEntry.next_attempt_at < now}] -> email-sender>mail-servers[DKIM-signed message over SMTP] -> mail-servers>email-sender[2xx, 4xx or 5xx reply] -> email-sender>workflow-db[record sent, defer on 4xx, fail on 5xx] |-> mail-servers>feedback[later bounce or complaint] -> feedback>contact-registry[mark the address dead] => done | retry | reject",
    topic: "multi-channel",
  },
  {
    name: "Send a text and honour an opt-out",
    notation:
      "sms-sender>workflow-db[claim SMS deliveries within the sending number's rate {OutboxEntry.state = queued}] -> sms-sender>sms-gateway[send text from a sending number] -> sms-gateway>sms-sender[accepted, or refused as opted out] -> sms-sender>workflow-db[record outcome] |-> sms-gateway>feedback[opt-out reply from the recipient] -> feedback>contact-registry[mark the number dead] => done | retry | reject",
    topic: "multi-channel",
  },
];
