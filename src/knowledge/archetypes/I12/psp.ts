import type { z } from "zod";
import { fig } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { Technology } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * A workflow whose subject is the payment provider itself (topic "psp", knowledge/topics.ts): a payment API like
 * Stripe, a payment gateway or processor that merchants call, not a merchant's checkout that calls one. Merchants
 * create and confirm payment intents under their own Idempotency-Key; the provider keeps card numbers in a tokenising
 * vault, authorises and captures through acquirers over the card networks (the outside party, whose reply may never
 * come), posts each money movement to a double-entry ledger, and tells merchants what happened by signed webhooks.
 * What makes it right: a (merchant, key) pair makes one payment however often it is retried, an authorisation whose
 * outcome is unknown is never sent again as a new one, and every movement's ledger lines sum to zero.
 *
 * Facts, checked against primary sources:
 * - Stripe's idempotent requests (docs.stripe.com/api/idempotent_requests): the status and body of the first request
 *   under a key are saved once the endpoint starts executing, and a retry with the key gets them back, errors
 *   included; the parameters of a retry are compared with the first request's and a mismatch is an error; a request
 *   that conflicts with one running concurrently saves nothing and is safe to retry; keys may be pruned once they are
 *   at least 24 hours old, after which the same key makes a new request.
 * - Stripe's webhooks (docs.stripe.com/webhooks): in live mode a failed delivery is retried with exponential backoff
 *   for up to three days; events may arrive more than once and out of order, so receivers drop repeats by event id;
 *   each delivery carries a signature header over the timestamp and the body (HMAC-SHA256 with the endpoint's
 *   secret), which the receiver checks within a tolerance to refuse replays.
 * - Stripe's PaymentIntent lifecycle (docs.stripe.com/payments/paymentintents/lifecycle): its statuses are
 *   requires_payment_method, requires_confirmation, requires_action, processing, requires_capture, succeeded and
 *   canceled; there is no failed status, and a declined attempt puts the intent back to requires_payment_method.
 * - ISO 8583 (the card networks' authorisation messages): an authorisation request (0100) is answered by 0110, and a
 *   reversal (0400/0420, answered 0410/0430) cancels an authorisation whose reply never arrived or is no longer wanted;
 *   acquirers ask the sender to reverse a request that timed out.
 * - PCI DSS tokenisation guidance (PCI SSC): systems that hold only tokens that cannot be turned back into card
 *   numbers are outside the cardholder data environment; the vault that maps tokens to card numbers stays in scope.
 */

const T = "psp" as const;
type TechnologyInput = z.input<typeof Technology>;

const PAYMENT_STANCE = {
  consistency: "linearizable",
  availability: "fail-closed",
  because:
    "a payment's state and its idempotency key decide whether a card is charged again, so a shard cut off from its synchronous replica refuses new payments rather than risk charging twice",
} as const;

export const PSP_ENTITIES = [
  {
    name: "PaymentIntent",
    description:
      "One merchant's attempt to collect an amount: merchant, amount, currency, the card's vault token, capture method, state (requires_payment_method, requires_confirmation, requires_action, processing, requires_capture, succeeded, canceled; a declined attempt returns it to requires_payment_method), amount captured and refunded, and a version; it lives on the shard its (merchant, Idempotency-Key) hashes to, and its id carries that shard.",
    stance: PAYMENT_STANCE,
    truth: true,
    topic: T,
  },
  {
    name: "IdempotencyKey",
    description:
      "A merchant's Idempotency-Key: merchant id and key (unique together), a hash of the request's parameters, state (in flight or done), the stored response status and body, and an expiry about 24 hours on; inserted in the same transaction as the PaymentIntent it creates.",
    stance: PAYMENT_STANCE,
    truth: true,
    topic: T,
  },
  {
    name: "AcquirerAttempt",
    description:
      "One message to an acquirer for a payment: operation (authorise, capture, reverse, refund), our trace reference, the acquirer's reference once known, outcome (approved, declined, unknown) and when it was sent; written before the message goes out, so a lost reply leaves a row to settle.",
    stance: PAYMENT_STANCE,
    truth: true,
    topic: T,
  },
  {
    name: "MerchantEvent",
    description:
      "Something a merchant subscribes to (payment_intent.succeeded, charge.refunded): event id, merchant, type, the object's state, and one delivery row per endpoint with attempts and the next attempt time.",
    stance: PAYMENT_STANCE,
    truth: true,
    topic: T,
  },
  {
    name: "VaultToken",
    description:
      "A card number held by the vault, encrypted under keys the vault's HSMs hold, behind a random token that cannot be turned back into it; every other component sees only the token and the last four digits.",
    stance: PAYMENT_STANCE,
    truth: true,
    topic: T,
  },
] as const;

export const PSP_WRITES = [
  {
    action:
      "create a payment under the merchant's Idempotency-Key: insert the unique (merchant, key) row as in flight and the PaymentIntent in one transaction on their shard; a retry replays the stored response, and a retry while the first is in flight gets 409",
    entity: "PaymentIntent",
    shape: "create target",
    mechanism: "idempotency-key",
    critical: true,
    topic: T,
  },
  {
    action:
      "record the finished request's status and body on its (merchant, key) row, so a retry within 24 hours replays them",
    entity: "IdempotencyKey",
    shape: "overwrite current value",
    mechanism: "idempotency-key",
    topic: T,
  },
  {
    action:
      "confirm a payment: record an AcquirerAttempt, have the vault send the card number to the acquirer as an ISO 8583 authorisation, and move the PaymentIntent to requires_capture, or back to requires_payment_method when the acquirer declines, by a transition guarded by its state and version",
    entity: "AcquirerAttempt",
    shape: "state transition",
    mechanism: "guarded-transition",
    critical: true,
    topic: T,
  },
  {
    action:
      "capture an authorised payment up to the authorised amount and post its balanced LedgerEntry lines in the same transaction",
    entity: "LedgerEntry",
    shape: "append event",
    mechanism: "transaction",
    critical: true,
    topic: T,
  },
  {
    action:
      "refund a captured payment up to what was captured, posting a reversing movement and sending the refund to the acquirer under its own reference",
    entity: "PaymentIntent",
    shape: "state transition",
    mechanism: "guarded-transition",
    critical: true,
    topic: T,
  },
  {
    action:
      "settle acquirer attempts whose outcome is unknown: reverse a timed-out authorisation under its trace reference, and match every capture and refund against the acquirer's daily settlement file",
    entity: "AcquirerAttempt",
    shape: "async process",
    mechanism: "reconciliation-loop",
    hidden: true,
    critical: true,
    topic: T,
  },
  {
    action:
      "deliver each event to the merchant's webhook endpoints at least once, signed with the endpoint's secret and retried with backoff for up to three days",
    entity: "MerchantEvent",
    shape: "async process",
    mechanism: "retry-dead-letter",
    hidden: true,
    topic: T,
  },
  {
    action: "tokenise a card number in the vault and return its token",
    entity: "VaultToken",
    shape: "create target",
    mechanism: "put-if-absent",
    topic: T,
  },
] as const;

export const PSP_READS = [
  {
    action: "retrieve a payment by its id",
    entity: "PaymentIntent",
    shape: "read source",
    staleness: "None: read from the shard the payment's id names, which every transition passes through.",
    topic: T,
  },
  {
    action: "read a merchant's balance and its ledger lines",
    entity: "LedgerEntry",
    shape: "read source",
    staleness:
      "Seconds: a balance is a projection folded from the ledger lines after they commit; the lines themselves are read from their shard.",
    topic: T,
  },
] as const;

export const PSP_INVARIANTS = [
  "A merchant's Idempotency-Key makes at most one PaymentIntent. Its unique (merchant, key) row is inserted in the same transaction as the payment, so a retry gets the stored response and a retry while the first runs gets 409. The same key with other parameters is refused.",
  "A PaymentIntent changes state only by a transition guarded by its state and version; the amount captured never exceeds the amount authorised, and the amount refunded never exceeds the amount captured.",
  "An authorisation or capture whose acquirer reply never came is not sent again as a new one: it is reversed or looked up under the same trace reference, and the acquirer's settlement file has the last word.",
  "The LedgerEntry lines of one money movement sum to zero and commit in one transaction on the payment's shard; balances are a projection folded from the lines, never written on their own.",
  "A card number exists only inside the vault; every other component, log and event holds its token.",
];

export const PSP_FAILURES = [
  {
    failure:
      "A merchant's server times out and retries a payment, or sends the same request twice at once, and the card would be charged twice",
    role: "truth",
    prevention:
      "The unique (merchant, key) row is inserted in the payment's own transaction, so of two concurrent requests one commits and the other gets 409; a later retry gets the stored response",
    repair:
      "Return the first payment's response; a key older than its retention is looked up by the merchant's order reference first",
    topic: T,
  },
  {
    failure: "An authorisation's reply from the acquirer never arrives, so whether the card was charged is unknown",
    role: "external effect",
    prevention:
      "The AcquirerAttempt is written before the message goes out under our trace reference, and an unanswered authorisation is reversed under that reference, never resent as a new one",
    repair:
      "The reconciler settles the attempt from the reversal's answer or the acquirer's lookup, and the daily settlement file confirms it",
    topic: T,
  },
  {
    failure:
      "The acquirer's settlement file disagrees with our captures: a capture missing, an amount different, a refund we never sent",
    role: "external effect",
    prevention: "Every capture and refund is matched line by line against the settlement file each day",
    repair:
      "Post an adjusting ledger movement for each difference and open a case with the acquirer; never edit a posted line",
    topic: T,
  },
  {
    failure: "One acquirer slows down or goes down, and authorisations queue behind it",
    role: "external effect",
    prevention:
      "Each acquirer link has its own in-flight cap and timeout, and a circuit breaker sends new authorisations to a second acquirer",
    repair:
      "Attempts left unknown by the outage are reversed or looked up once it recovers; none is resent through the other acquirer",
    topic: T,
  },
  {
    failure: "A merchant's webhook endpoint is down for hours",
    role: "external effect",
    prevention:
      "Deliveries are retried with exponential backoff for up to three days from a per-endpoint queue, so one endpoint never slows another",
    repair: "The merchant lists missed events through the events API, and receivers drop repeats by event id",
    topic: T,
  },
  {
    failure: "The card vault is unreachable",
    role: "truth",
    prevention: "The vault is replicated across zones; no other component holds card numbers to fall back on",
    repair:
      "New confirmations are refused until the vault answers; payments already authorised keep capturing by token",
    topic: T,
  },
] as const;

export const PSP_BOTTLENECKS = [
  {
    bottleneck:
      "Acquirer links: each acquirer connection takes a bounded number of authorisations a second and in flight, so the peak confirm rate sets how many links are needed",
    mitigation:
      "Spread authorisations over several links per acquirer and over several acquirers, each with its own in-flight cap",
    formula: {
      yields: "acquirer links needed at peak",
      expression: "requests_per_sec * peak_factor / acquirer_link_tps",
      unit: "links",
    },
    topic: T,
  },
  {
    bottleneck:
      "Payment shards: each payment commits its key, its intent, its attempts, its ledger lines and its events on one shard, so the shard count follows the peak payment rate",
    mitigation: "Hash payments by (merchant, key), so even one large merchant's payments spread over every shard",
    formula: {
      yields: "payment shards at peak",
      expression: "requests_per_sec * peak_factor * writes_per_payment / shard_writes_per_sec",
      unit: "shards",
    },
    topic: T,
  },
] as const;

export const PSP_TECHNOLOGIES: TechnologyInput[] = [
  {
    product: "PostgreSQL shards (a primary and two synchronous standbys each, quorum commit)",
    layer: "storage",
    fits: "A payment's idempotency key, intent, acquirer attempts, ledger lines and outbox events commit in one local ACID transaction, and the unique (merchant, key) index refuses a second payment.",
    suits: ["linearizable", "durable", "rich-queries"],
    poorFor: ["multi-region", "elastic-scale"],
    caveat:
      "Adding shards moves payments between them; the payment id carries its shard so reads route without a lookup.",
    topic: T,
  },
  {
    product: "Apache Kafka",
    layer: "coordination",
    fits: "The outbox's events, partitioned by merchant, feed the webhook senders and the balance projector, each reading at its own offset.",
    suits: ["durable", "at-least-once", "ordering"],
    poorFor: ["low-latency"],
    caveat: "Delivery is at least once, so the balance projector drops a repeated movement by its id.",
    topic: T,
  },
];

export const PSP_COMPONENTS: ComponentSpec[] = [
  {
    id: "merchants",
    name: "Merchants' servers and checkout pages",
    kind: "client",
    runs: ["create payment", "confirm", "capture", "refund"],
    because: "merchants retry on timeouts, so every POST carries their Idempotency-Key",
    topic: T,
  },
  {
    id: "payments-api",
    name: "Payments API (stateless; authenticates the merchant, routes by shard)",
    kind: "service",
    runs: ["create payment", "confirm", "capture", "refund", "retrieve"],
    because:
      "it routes each request to the shard its (merchant, key) or payment id names, and runs the payment's transitions there",
    topic: T,
  },
  {
    id: "payments-db",
    name: "Payment shards (intents, idempotency keys, attempts, ledger lines, outbox)",
    kind: "replica-group",
    holds: ["PaymentIntent", "IdempotencyKey", "AcquirerAttempt", "LedgerEntry", "MerchantEvent"],
    runs: ["unique key insert", "guarded transition", "balanced ledger post"],
    because:
      "a payment's key, state, attempts, ledger lines and events change together in one local transaction on its shard",
    topic: T,
  },
  {
    id: "vault",
    name: "Card vault (tokenises card numbers; the only part in PCI DSS scope)",
    kind: "store",
    holds: ["VaultToken"],
    runs: ["tokenise", "send the card number to the acquirer"],
    because:
      "only the vault ever holds a card number, so everything else stays outside the cardholder data environment",
    topic: T,
  },
  {
    id: "acquirer-links",
    name: "Acquirer connectors (ISO 8583 links per acquirer)",
    kind: "worker-pool",
    runs: ["authorise", "capture", "reverse", "refund"],
    because: "each acquirer speaks its own dialect over long-lived links with their own caps and timeouts",
    topic: T,
  },
  {
    id: "acquirers",
    name: "Acquirers and card networks",
    kind: "external",
    runs: ["authorise", "capture", "settle"],
    because: "the card is charged by its issuer through an acquirer and the network; their reply may never come",
    topic: T,
  },
  {
    id: "reconciler",
    name: "Reconciler (unknown attempts, daily settlement files)",
    kind: "control-loop",
    runs: ["reverse or look up unknown attempts", "match settlement files"],
    because:
      "only the acquirer knows an unanswered attempt's outcome, and only its settlement file shows what was paid",
    topic: T,
  },
  {
    id: "event-log",
    name: "Event log (outbox events by merchant)",
    kind: "log",
    runs: ["relay outbox events"],
    because: "events committed with the payment are relayed once and read by the webhook senders and the projector",
    topic: T,
  },
  {
    id: "webhook-senders",
    name: "Webhook senders (signed, retried per endpoint)",
    kind: "worker-pool",
    runs: ["sign and deliver", "retry with backoff"],
    because: "merchants learn of asynchronous outcomes only by webhooks, and a slow endpoint must not hold others",
    topic: T,
  },
  {
    id: "merchant-endpoints",
    name: "Merchants' webhook endpoints",
    kind: "external",
    runs: ["receive events"],
    because: "each merchant's endpoint checks the signature and drops repeats by event id",
    topic: T,
  },
  {
    id: "balance-projector",
    name: "Balance projector (folds ledger lines into balances)",
    kind: "worker-pool",
    runs: ["fold ledger lines by account"],
    because:
      "a merchant's balance spans every shard's lines, so it is folded from them rather than written by payments",
    topic: T,
  },
];

export const PSP_LINKS: LinkSpec[] = [
  { from: "merchants", to: "payments-api", kind: "request", label: "POST with Idempotency-Key", topic: T },
  { from: "merchants", to: "vault", kind: "request", label: "card number, from the checkout page", topic: T },
  {
    from: "payments-api",
    to: "payments-db",
    kind: "request",
    label: "key insert and transition in one transaction",
    topic: T,
  },
  { from: "payments-api", to: "acquirer-links", kind: "request", label: "authorise, capture, refund", topic: T },
  { from: "acquirer-links", to: "vault", kind: "request", label: "card number for the token", topic: T },
  { from: "acquirer-links", to: "acquirers", kind: "request", label: "ISO 8583 under our trace reference", topic: T },
  { from: "reconciler", to: "acquirers", kind: "control", label: "reversals, lookups, settlement files", topic: T },
  { from: "reconciler", to: "payments-db", kind: "control", label: "settle unknown attempts", topic: T },
  { from: "payments-db", to: "event-log", kind: "stream", label: "outbox events", topic: T },
  { from: "event-log", to: "webhook-senders", kind: "stream", label: "events by merchant", topic: T },
  { from: "webhook-senders", to: "merchant-endpoints", kind: "callback", label: "signed event", topic: T },
  { from: "event-log", to: "balance-projector", kind: "stream", label: "ledger movements", topic: T },
];

export const PSP_API: ApiSpec[] = [
  {
    operation: "create payment",
    call: "POST /v1/payment_intents",
    request: ["Idempotency-Key header", "amount (minor units)", "currency", "payment method token", "capture_method"],
    response: ["payment_intent_id", "state"],
    errors: [
      "409 a request with this key is still in flight",
      "422 this key was used with other parameters",
      "402 card declined",
    ],
    guarantee: "one payment per (merchant, Idempotency-Key) for 24 hours; a retry returns the first response",
    topic: T,
  },
  {
    operation: "confirm",
    call: "POST /v1/payment_intents/{id}/confirm",
    request: ["Idempotency-Key header", "payment method token"],
    response: ["state (requires_capture | succeeded | processing | requires_payment_method after a decline)"],
    errors: ["402 card declined", "409 in flight", "400 wrong state"],
    guarantee: "the card is authorised at most once per payment; an unknown outcome shows as processing until settled",
    topic: T,
  },
  {
    operation: "capture",
    call: "POST /v1/payment_intents/{id}/capture",
    request: ["Idempotency-Key header", "amount_to_capture"],
    response: ["state", "amount_captured"],
    errors: ["400 more than authorised", "400 wrong state"],
    guarantee: "captured at most up to the authorised amount; its ledger lines commit with it",
    topic: T,
  },
  {
    operation: "refund",
    call: "POST /v1/refunds",
    request: ["Idempotency-Key header", "payment_intent_id", "amount"],
    response: ["refund_id", "state"],
    errors: ["400 more than captured"],
    guarantee: "refunds never exceed what was captured",
    topic: T,
  },
  {
    operation: "retrieve",
    call: "GET /v1/payment_intents/{id}",
    request: ["payment_intent_id"],
    response: ["state", "amounts", "last acquirer outcome"],
    errors: ["404 unknown payment"],
    guarantee: "read from the payment's own shard",
    topic: T,
  },
  {
    operation: "list events",
    call: "GET /v1/events?created_after=",
    request: ["cursor"],
    response: ["events in order of creation"],
    errors: [],
    guarantee: "every event a webhook carried can be fetched again",
    topic: T,
  },
];

export const PSP_DATA: DataSpec[] = [
  {
    entity: "PaymentIntent",
    key: ["payment_intent_id"],
    fields: [
      "merchant_id",
      "amount",
      "currency",
      "card_token",
      "state",
      "amount_captured",
      "amount_refunded",
      "version",
    ],
    indexes: ["(merchant_id, created_at)"],
    partitionKey: "hash(merchant_id, idempotency_key), carried in the id",
    owner: "payments-db",
    topic: T,
  },
  {
    entity: "IdempotencyKey",
    key: ["merchant_id", "idempotency_key"],
    fields: ["request_hash", "state (in_flight | done)", "response_status", "response_body", "expires_at"],
    indexes: ["(expires_at) for pruning"],
    partitionKey: "hash(merchant_id, idempotency_key)",
    owner: "payments-db",
    topic: T,
  },
  {
    entity: "AcquirerAttempt",
    key: ["payment_intent_id", "attempt"],
    fields: ["operation", "trace_reference", "acquirer_reference", "outcome", "sent_at"],
    indexes: ["(outcome, sent_at) for the reconciler"],
    partitionKey: "the payment's shard",
    owner: "payments-db",
    topic: T,
  },
  {
    entity: "LedgerEntry",
    key: ["movement_id", "line"],
    fields: ["account", "amount (signed)", "currency", "payment_intent_id", "posted_at"],
    indexes: ["(account, posted_at) for the projector"],
    partitionKey: "the payment's shard (movement_id carries it)",
    owner: "payments-db",
    topic: T,
  },
  {
    entity: "MerchantEvent",
    key: ["event_id"],
    fields: ["merchant_id", "type", "object", "deliveries (endpoint, attempts, next_attempt_at)"],
    // failed deliveries are retried with backoff over days: the senders poll the due ones by their next attempt time
    indexes: ["(merchant_id, created_at)", "(next_attempt_at) of pending deliveries as the due-time index"],
    partitionKey: "the payment's shard",
    owner: "payments-db",
    topic: T,
  },
  {
    entity: "VaultToken",
    key: ["token"],
    fields: ["encrypted card number", "last4", "expiry", "fingerprint"],
    indexes: ["(fingerprint)"],
    partitionKey: "hash(token)",
    owner: "vault",
    topic: T,
  },
];

export const PSP_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Create and confirm a payment under the merchant's key",
    notation:
      "merchants>payments-api[create payment with Idempotency-Key] -> payments-api>payments-db[insert the (merchant, key) row as in flight and the PaymentIntent in one transaction {no IdempotencyKey row for (merchant, key)}] -> payments-api>payments-db[record an AcquirerAttempt with a new trace reference {PaymentIntent.state = requires_confirmation}] -> payments-api>acquirer-links[authorise the token] -> acquirer-links>vault[card number for the token] -> acquirer-links>acquirers[ISO 8583 authorisation under the trace reference] -> acquirers>acquirer-links[approved or declined] -> payments-api>payments-db[move to requires_capture, or back to requires_payment_method on a decline, store the response on the key {PaymentIntent.version = v}] -> payments-api>merchants[response] |-> payments-api>merchants[409 in flight, or the stored response {IdempotencyKey row exists}] => done | retry | reject",
    topic: T,
  },
  {
    name: "Capture and post the ledger",
    notation:
      "merchants>payments-api[capture with Idempotency-Key] -> payments-api>payments-db[capture, post the balanced LedgerEntry lines and an outbox event in one transaction {PaymentIntent.state = requires_capture and amount at most the authorised amount}] -> payments-api>acquirer-links[capture under a new trace reference] -> acquirer-links>acquirers[capture] -> payments-api>merchants[succeeded] => done | retry | reject",
    topic: T,
  },
  {
    name: "Settle an unknown authorisation",
    notation:
      "reconciler>payments-db[list attempts with no reply {AcquirerAttempt.outcome = unknown and AcquirerAttempt.sent_at < now - timeout}] -> reconciler>acquirers[reverse under the same trace reference] -> acquirers>reconciler[reversal answer] -> reconciler>payments-db[record the outcome and fail or keep the payment {PaymentIntent.state = processing}] -> reconciler>acquirers[fetch the daily settlement file] -> reconciler>payments-db[match captures and refunds, post adjusting movements] => done | repair | retry",
    topic: T,
  },
  {
    name: "Deliver a signed webhook",
    notation:
      "payments-db>event-log[outbox event] -> event-log>webhook-senders[event by merchant] -> webhook-senders>merchant-endpoints[event signed over timestamp and body] -> merchant-endpoints>webhook-senders[2xx, or error] |-> webhook-senders[schedule the next attempt with backoff {attempts within three days}] => done | retry | park",
    topic: T,
  },
];

/** What runs the provider's work (the card's runtime overlay for this subject). */
export const PSP_OVERLAY = {
  topic: T,
  driver: "merchants' create, confirm, capture and refund calls, the reconciler's schedule, and the outbox's events",
  unit: "one payment transition, and within it one acquirer message under its trace reference",
  worker: "stateless API servers, acquirer connectors, webhook senders and the balance projector",
  slot: "each acquirer link's in-flight cap and each payment shard's commit rate",
  state:
    "Authoritative: PaymentIntents, IdempotencyKeys, AcquirerAttempts and LedgerEntry lines on the payment shards, and card numbers in the vault. Derived: balances and webhook deliveries.",
  source: "merchants' requests under their Idempotency-Keys",
  sink: "the acquirers and card networks, and the merchants' webhook endpoints",
  fabric: "the payment shards' transactions and the event log the outbox feeds",
  maintenance:
    "pruning idempotency keys after 24 hours, reconciling settlement files daily, rotating vault keys and webhook secrets",
} as const;

/** The provider's storage, coordination and serving in a few words (the card's summary for this subject). */
export const PSP_SILHOUETTE = {
  storage: "payments, idempotency keys, acquirer attempts and ledger lines per payment shard; card numbers in a vault",
  coordination: "unique (merchant, key) insert in the payment's transaction; guarded transitions; reversal of unknowns",
  serving: "payment state by id; signed webhooks; balances projected from the ledger",
  topic: T,
} as const;

/** The provider's capacity: the payment rate, the writes each payment makes, acquirer links and the keys held. */
export const PSP_CAPACITY: CapacityModel = {
  inputs: [
    {
      quantity: "requests_per_sec",
      typical: 1000,
      why: "a payment API's merchants send on the order of a thousand payment calls a second (a planning figure; the prompt states none)",
      // a payment or charge stated by its own noun counts as a message (stated-nouns.ts), a transaction as a write:
      // either is one payment call the API serves
      from: [
        { expression: "messages_per_sec", why: "each stated payment or charge is one payment call" },
        { expression: "writes_per_sec", why: "each stated transaction is one payment call" },
      ],
    },
    {
      quantity: "writes_per_payment",
      label: "rows one payment writes (key, intent, attempts, ledger lines, event)",
      unit: "writes",
      typical: 8,
      why: "an idempotency key, the intent and its update, two acquirer attempts, two or three ledger lines and an event",
    },
    {
      quantity: "shard_writes_per_sec",
      label: "row writes a second one payment shard commits",
      unit: "writes/s",
      typical: 10000,
      why: "a relational primary with a synchronous replica commits a few thousand small transactions of a few rows each a second (a planning figure; measure it)",
    },
    {
      quantity: "acquirer_link_tps",
      label: "authorisations a second one acquirer link takes",
      unit: "req/s",
      typical: 500,
      why: "acquirers agree a message rate per connection with each processor (a planning figure; take it from the acquirer's contract)",
    },
    {
      quantity: "key_retention_hours",
      label: "hours an idempotency key is kept",
      unit: "h",
      typical: 24,
      why: "Stripe keeps a key for at least 24 hours before it may be pruned, which covers a merchant's retries",
    },
    {
      quantity: "key_bytes",
      label: "bytes of one idempotency key row with its stored response",
      unit: "B",
      typical: 2000,
      why: "a key, a request hash and the stored response body of a payment",
    },
  ],
  figures: [
    fig("peak_payments", "peak payment calls a second", "peak", "requests_per_sec * peak_factor", "req/s"),
    fig(
      "shard_writes",
      "row writes a second at peak",
      "rate",
      "requests_per_sec * peak_factor * writes_per_payment",
      "writes/s",
    ),
    fig(
      "payment_shards",
      "payment shards by commit rate",
      "count",
      "requests_per_sec * peak_factor * writes_per_payment / shard_writes_per_sec",
      "shards",
      true,
    ),
    fig(
      "acquirer_links",
      "acquirer links at peak",
      "count",
      "requests_per_sec * peak_factor / acquirer_link_tps",
      "links",
      true,
    ),
    fig(
      "keys_held",
      "idempotency key bytes held over the retention",
      "storage",
      "requests_per_sec * 3600 * key_retention_hours * key_bytes",
      "B",
    ),
  ],
};

export const PSP_DECISIONS: DecisionPoint[] = [
  {
    id: "i12-psp-unknown-auth",
    topic: T,
    question:
      "When an authorisation's reply never comes, reverse it at once, or look it up at the acquirer first and reverse only if it was approved?",
    options: [
      {
        id: "reverse",
        name: "an immediate reversal under the same trace reference",
        buys: "the customer's funds are released quickly, and the payment fails cleanly for the merchant to retry",
        costs: "a payment the issuer did approve is thrown away, and the merchant must confirm again",
        winsWhen: "the acquirer accepts reversals of timed-out requests, as card networks expect",
      },
      {
        id: "lookup",
        name: "a lookup at the acquirer first, keeping an approved authorisation",
        buys: "an approved authorisation is kept, so the customer is not asked to pay again",
        costs: "the payment stays processing until the acquirer answers, and not every acquirer offers a lookup",
        winsWhen: "the acquirer offers a status lookup by reference and merchants prefer fewer declines",
        wins: [{ words: "\\b(?:look(?:s|ed)? up|status (?:lookup|query|inquiry)|query the acquirer)\\b" }],
      },
    ],
    rules: [
      {
        when: [{ words: String.raw`\b(?:look(?:s|ed)? up|status (?:lookup|query|inquiry)|query the acquirer)\b` }],
        option: "lookup",
        because: "the prompt asks to look an unknown outcome up",
      },
    ],
    fallback: {
      option: "reverse",
      because:
        "card networks expect a timed-out authorisation to be reversed, which needs nothing but the trace reference we already hold",
    },
  },
];

/**
 * What a payment provider must draw, checked by the coherence rule `psp-shape`: the payment, its idempotency key
 * scoped by merchant, balanced ledger lines kept by movement (not by account), an acquirer outside, and no payment
 * provider bought from someone else.
 */
export const PSP_SHAPE = {
  entities: ["PaymentIntent", "IdempotencyKey", "LedgerEntry"],
  keyScope: ["merchant_id", "idempotency_key"],
  ledger: "LedgerEntry",
  ledgerKey: "movement_id",
  bought: /\bpayment provider\b|\bstripe\.js\b|\bhosted checkout\b/i,
  outside: /\bacquirers?\b/i,
} as const;

/** Why the provider's design needs each usual predicate, said of payments, keys and acquirer attempts. */
export const PSP_PREDICATES = [
  {
    id: "external-effect",
    because:
      "an authorisation or capture reaches the card's issuer through an acquirer and cannot be rolled back, only reversed or refunded, so each message carries a trace reference it can be reversed or looked up by",
    topic: T,
  },
  {
    id: "duplicate-retry-matters",
    because:
      "merchants retry on timeouts and may send one request twice at once, and each retry would otherwise charge the card again",
    topic: T,
  },
  {
    id: "stale-write-dangerous",
    because:
      "a late acquirer reply or a second capture could move a payment that has already moved on, so transitions check state and version",
    topic: T,
  },
  {
    id: "multi-object",
    because:
      "a capture changes the payment, posts ledger lines to several accounts and queues an event, which must all commit together",
    topic: T,
  },
] as const;

/** Where the provider's order, ownership and coordination hold: each payment on its shard. */
export const PSP_SCOPES = {
  topic: T,
  ordering: {
    scope: "key",
    why: "one payment's transitions apply in order on its shard, guarded by its version; payments are independent",
  },
  exclusivity: {
    scope: "key",
    why: "one (merchant, key) row exists, so of two concurrent requests one creates the payment and the other waits or gets 409",
  },
  coordination: {
    scope: "key",
    why: "a payment's key, state, attempts and ledger lines commit in one transaction on its own shard",
  },
} as const;
