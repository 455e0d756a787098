import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * The workflow's email subject (topic "email", knowledge/topics.ts): the effect is a message in a person's mailbox,
 * handed over SMTP to the recipient's mail server (directly by our MTAs, or through a sending gateway such as Amazon
 * SES). An email design keeps a send API over templates, a suppression list checked when a send is accepted and fed
 * by bounces and complaints, one recipient send per address queued by recipient domain and paced under that
 * domain's limits, a DKIM signer and a pool of sending MTAs on their own IPs, and an ingest path for the feedback;
 * it has no compensation (a delivered email cannot be recalled) and no lookup by our key (SMTP has none).
 *
 * Facts, checked against their sources:
 * - RFC 5321 section 4.2.1: a 4yz reply is a transient failure the client should retry later, a 5yz reply a
 *   permanent one it should not repeat as is.
 * - RFC 6376 (DKIM): the signer adds a DKIM-Signature header naming its signing domain (d=) and a selector (s=), a
 *   hash of the canonicalised body (bh=) and the signed header fields (h=, which must include From); the verifier
 *   fetches the public key from DNS at <selector>._domainkey.<domain>, so a key is rotated by publishing a new selector.
 * - Amazon SES (docs.aws.amazon.com/ses, "Monitor sending using notifications", SetIdentityFeedbackForwardingEnabled):
 *   bounce and complaint notifications are published to Amazon SNS topics (or forwarded as email), delivery
 *   notifications only through SNS; the sandbox allows 1 email a second and 200 a day (quotas.html).
 */

export const EMAIL_ENTITIES = [
  {
    name: "Template",
    description:
      "A message template of an account: subject, HTML and text bodies with their variables, under an immutable version, so a send names the version it rendered and an edit never changes a message already queued.",
    truth: true,
    topic: "email",
  },
  {
    name: "SuppressionEntry",
    description:
      "An address no message of the account may go to: the reason (hard bounce, complaint, unsubscribe, added by hand), the message that caused it and when; checked when a send is accepted and again before each recipient send leaves.",
    truth: true,
    topic: "email",
  },
] as const;

export const EMAIL_WRITES = [
  {
    action:
      "accept a send under the caller's idempotency key: drop recipients on the suppression list and write the message with one recipient send per remaining address, queued by recipient domain, in one transaction",
    entity: "OutboxEntry",
    shape: "state transition",
    mechanism: "transactional-outbox",
    critical: true,
    topic: "email",
  },
  {
    action:
      "render each due recipient send from its template version, sign it with the sending domain's DKIM key and hand it to an MTA of the account's IP pool, which speaks SMTP to the recipient's mail server and logs its reply: 2xx delivered, 4xx deferred with backoff, 5xx failed for good",
    entity: "EffectAttempt",
    shape: "append event",
    mechanism: "retry-dead-letter",
    critical: true,
    topic: "email",
    runs: {
      in: "async worker",
      because: "senders drain each recipient domain's queue at the pace that domain accepts",
    },
  },
  {
    action:
      "pace each recipient domain's queue under its own connection and message limits, backing a domain off when it answers with deferrals (421 or 4xx), so one slow or throttling mailbox provider never holds the others",
    entity: "OutboxEntry",
    shape: "async process",
    mechanism: "token-bucket",
    hidden: true,
    critical: true,
    topic: "email",
    runs: {
      in: "async worker",
      because: "each domain queue takes from its own budget before a connection is opened",
    },
  },
  {
    action:
      "record each bounce and complaint report (the gateway's notifications, or delivery status notifications and feedback-loop reports at our inbound MX) against its recipient send by message id, and put hard-bounced and complaining addresses on the suppression list",
    entity: "SuppressionEntry",
    shape: "create target",
    mechanism: "put-if-absent",
    hidden: true,
    critical: true,
    topic: "email",
    runs: {
      in: "async worker",
      because: "reports arrive minutes to days after the send, from the gateway or the recipient's server",
    },
  },
  {
    action: "publish a template as a new immutable version",
    entity: "Template",
    shape: "create target",
    mechanism: "put-if-absent",
    topic: "email",
  },
  {
    action: "add an address to the suppression list (an unsubscribe or a manual block) or remove one added by hand",
    entity: "SuppressionEntry",
    shape: "overwrite current value",
    mechanism: "lww-overwrite",
    topic: "email",
  },
] as const;

export const EMAIL_READS = [
  {
    action:
      "a caller reads a message's outcome per recipient (queued, deferred, delivered, bounced, complained, suppressed)",
    entity: "WorkflowInstance",
    shape: "read source",
    staleness:
      "seconds: an outcome trails the SMTP reply, and a bounce or complaint arriving minutes to days after 'delivered' changes it",
    tolerates: "stale",
    topic: "email",
  },
] as const;

/** Email invariants, first in the card's list so they lead where an email design writes their entities. */
export const EMAIL_INVARIANTS = [
  "A caller's idempotency key names exactly one WorkflowInstance, and each of its recipients has exactly one OutboxEntry written in the same transaction, so a retried send never queues an address twice.",
  "No OutboxEntry leaves for an address with a SuppressionEntry: the list is checked when the send is accepted and again when a sender claims the recipient send.",
  "An OutboxEntry is sent again only after a transient (4xx) reply or no reply, under the same Message-ID, and never after a permanent (5xx) reply (RFC 5321 section 4.2.1).",
  "Every EffectAttempt leaves signed with the sending domain's DKIM key (RFC 6376), over the From header and the body as sent.",
];

export const EMAIL_FAILURES = [
  {
    failure:
      "A mailbox provider sees complaints or bounces climb, and starts deferring or junking everything from the account's sending IPs",
    role: "external effect",
    prevention:
      "Suppress hard bounces and complainers at once, keep transactional and bulk mail on separate IP pools, and warm a new IP up over weeks",
    repair:
      "Pause the offending account's bulk sends, drain the deferred queue slowly, and move transactional mail to a clean pool",
    topic: "email",
  },
] as const;

export const EMAIL_COMPONENTS: ComponentSpec[] = [
  {
    id: "clients",
    name: "Calling services",
    kind: "client",
    runs: ["send", "read outcome", "templates", "suppressions"],
    because: "product services send transactional mail under an idempotency key and retry on timeouts",
    topic: "email",
  },
  {
    id: "workflow-api",
    name: "Send API (stateless)",
    kind: "service",
    runs: ["send", "templates", "suppressions", "outcome"],
    because:
      "accepts a send once per idempotency key, checks the template and the sending domain, and drops suppressed recipients before anything is queued",
    topic: "email",
  },
  {
    id: "suppression-store",
    name: "Template and suppression store",
    kind: "store",
    holds: ["Template", "SuppressionEntry"],
    runs: ["template by id and version", "suppression lookup by address"],
    because:
      "every accepted recipient is looked up by address, and every send renders a template version that never changes",
    topic: "email",
  },
  {
    id: "workflow-db",
    name: "Message DB (messages + per-recipient sends)",
    kind: "store",
    holds: ["WorkflowInstance", "OutboxEntry", "IdempotencyRecord", "EffectAttempt"],
    runs: ["message + recipient sends in one transaction", "due sends by recipient domain"],
    because:
      "a message and its recipient sends commit together, so a crash neither loses a recipient nor queues one twice",
    topic: "email",
  },
  {
    id: "relay",
    name: "Domain queue schedulers",
    kind: "worker-pool",
    runs: ["claim due sends of one recipient domain", "pace per domain", "re-check suppression"],
    because:
      "each recipient domain (gmail.com, outlook.com, …) accepts mail at its own pace and defers what exceeds it, so sends queue and back off per domain",
    topic: "email",
  },
  {
    id: "dkim-signer",
    name: "DKIM signer",
    kind: "service",
    runs: ["render template version", "sign with the sending domain's key (RFC 6376)"],
    because:
      "mailbox providers check the DKIM signature against the key published at <selector>._domainkey.<domain>, so the private keys stay in one place and rotate by selector",
    topic: "email",
  },
  {
    id: "mta-pool",
    name: "MTA pool (sending IPs per pool)",
    kind: "worker-pool",
    runs: ["SMTP to the recipient's MX", "classify replies: 2xx, 4xx defer, 5xx fail"],
    because:
      "a mailbox provider judges mail by the IP it comes from, so transactional and bulk mail leave from separate pools and each IP's reputation is guarded",
    topic: "email",
  },
  {
    id: "provider",
    name: "Recipient mail servers (MX) or sending gateway",
    kind: "external",
    runs: ["accept or refuse each message over SMTP", "send bounces and complaint reports later"],
    because:
      "the message lands in a mailbox we do not run; a reply lost after the body was sent leaves a possible duplicate, and what became of it returns only as bounces and complaints",
    topic: "email",
  },
  {
    id: "feedback",
    name: "Bounce and complaint ingest",
    kind: "worker-pool",
    runs: ["parse bounces and feedback-loop reports", "suppress the address", "update the recipient send"],
    because:
      "a hard bounce or a complaint arrives after 'delivered', and sending to that address again harms the sender's reputation",
    topic: "email",
  },
];

export const EMAIL_LINKS: LinkSpec[] = [
  { from: "clients", to: "workflow-api", kind: "request", label: "send / outcome / templates", topic: "email" },
  {
    from: "workflow-api",
    to: "suppression-store",
    kind: "request",
    label: "suppressed recipients, template version",
    topic: "email",
  },
  {
    from: "workflow-api",
    to: "workflow-db",
    kind: "request",
    label: "message + recipient sends (one transaction)",
    topic: "email",
  },
  {
    from: "relay",
    to: "workflow-db",
    kind: "request",
    label: "claim due sends per domain, record outcome",
    topic: "email",
  },
  { from: "relay", to: "suppression-store", kind: "request", label: "re-check suppression", topic: "email" },
  { from: "relay", to: "dkim-signer", kind: "request", label: "render and sign", topic: "email" },
  { from: "relay", to: "mta-pool", kind: "request", label: "signed message for one domain", topic: "email" },
  { from: "mta-pool", to: "provider", kind: "request", label: "SMTP MAIL FROM / RCPT TO / DATA", topic: "email" },
  { from: "provider", to: "feedback", kind: "callback", label: "bounces, complaints (SNS or DSN/ARF)", topic: "email" },
  { from: "feedback", to: "suppression-store", kind: "request", label: "add address", topic: "email" },
  { from: "feedback", to: "workflow-db", kind: "request", label: "mark bounced / complained", topic: "email" },
];

export const EMAIL_API: ApiSpec[] = [
  {
    operation: "send",
    call: "POST /v1/messages",
    request: [
      "idempotency_key",
      "from (an address of a verified sending domain)",
      "to, cc, bcc",
      "template_id and variables, or subject, html and text",
      "tags",
    ],
    response: ["message_id", "per recipient: queued | suppressed"],
    errors: [
      "409 same key with a different body",
      "422 unknown template or unverified sending domain",
      "429 account over its sending rate",
    ],
    guarantee:
      "a retry with the same key returns the first answer and queues no address twice; a suppressed address is never sent to",
    topic: "email",
  },
  {
    operation: "outcome",
    call: "GET /v1/messages/{message_id}",
    request: ["message_id"],
    response: ["per recipient: queued | deferred | delivered | bounced | complained | suppressed"],
    errors: ["404 unknown message"],
    guarantee: "'delivered' means the recipient's server accepted it; a later bounce or complaint changes the outcome",
    topic: "email",
  },
  {
    operation: "publish template",
    call: "POST /v1/templates/{template_id}/versions",
    request: ["subject", "html", "text", "variables"],
    response: ["version"],
    errors: ["422 template does not render with its declared variables"],
    guarantee: "a version never changes, so a queued message renders as it did when it was accepted",
    topic: "email",
  },
  {
    operation: "suppress",
    call: "PUT /v1/suppressions/{address}",
    request: ["reason (unsubscribe | manual)"],
    response: ["suppressed_at"],
    errors: ["422 invalid address"],
    guarantee: "no recipient send claimed after the write commits goes to the address",
    topic: "email",
  },
  {
    operation: "feedback",
    call: "POST /v1/feedback/{gateway}",
    request: ["notification type (bounce | complaint | delivery)", "message_id", "recipients", "signature"],
    response: ["200"],
    errors: ["401 bad signature"],
    guarantee: "a repeated notification changes nothing twice; a hard bounce or complaint suppresses the address",
    topic: "email",
  },
];

export const EMAIL_DATA: DataSpec[] = [
  {
    entity: "WorkflowInstance",
    key: ["workflow_id"],
    fields: ["account_id", "from", "template_id", "template_version", "variables", "idempotency_key", "state"],
    indexes: ["(account_id, created_at)"],
    partitionKey: "workflow_id",
    owner: "workflow-db",
    topic: "email",
  },
  {
    entity: "OutboxEntry",
    key: ["workflow_id", "recipient"],
    fields: [
      "recipient_domain",
      "state (queued | deferred | delivered | bounced | complained | suppressed | failed)",
      "attempt",
      "next_attempt_at",
      "last_smtp_reply",
      "claimed_by",
      "claim_expires_at",
    ],
    indexes: ["(recipient_domain, state, next_attempt_at) as the domain queue"],
    partitionKey: "workflow_id",
    owner: "workflow-db",
    topic: "email",
  },
  {
    entity: "IdempotencyRecord",
    key: ["account_id", "idempotency_key"],
    fields: ["request_hash", "workflow_id", "response", "expires_at"],
    indexes: ["expires_at"],
    owner: "workflow-db",
    topic: "email",
  },
  {
    entity: "Template",
    key: ["template_id", "version"],
    fields: ["account_id", "subject", "html", "text", "variables", "created_at"],
    indexes: [],
    partitionKey: "template_id",
    owner: "suppression-store",
    topic: "email",
  },
  {
    entity: "SuppressionEntry",
    key: ["account_id", "address"],
    fields: ["reason (hard_bounce | complaint | unsubscribe | manual)", "source_message_id", "created_at"],
    indexes: [],
    partitionKey: "address",
    owner: "suppression-store",
    topic: "email",
  },
];

export const EMAIL_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Accept a send, drop suppressed recipients",
    notation:
      "clients>workflow-api[send with idempotency key {no IdempotencyRecord for the key}] -> workflow-api>suppression-store[suppressed recipients and template version] -> suppression-store>workflow-api[suppressed addresses, template] -> workflow-api>workflow-db[insert key, message and one recipient send per allowed address in one transaction] -> workflow-api>clients[message id, queued or suppressed per recipient] => done | reject",
    topic: "email",
  },
  {
    name: "Send one recipient domain's queue, paced",
    notation:
      "relay>workflow-db[claim due sends of one recipient domain within its pace {OutboxEntry.state = queued and OutboxEntry.next_attempt_at < now}] -> relay>suppression-store[re-check the addresses] -> relay>dkim-signer[render template version and sign with the domain key] -> relay>mta-pool[signed message] -> mta-pool>provider[SMTP to the recipient's MX under the fixed Message-ID] -> provider>mta-pool[2xx, 4xx or 5xx reply] -> relay>workflow-db[record delivered, defer with backoff on 4xx, fail on 5xx] => done | retry | reject",
    topic: "email",
  },
  {
    name: "Ingest a bounce or complaint",
    notation:
      "provider>feedback[bounce or complaint report with message id] -> feedback>suppression-store[add the address {hard bounce or complaint}] -> feedback>workflow-db[mark the recipient send bounced or complained {OutboxEntry.state = delivered or deferred}] => done",
    topic: "email",
  },
];
