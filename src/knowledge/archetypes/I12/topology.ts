import type { ProtocolSpec, Topology } from "../../topology.js";
import { CHANNEL_API, CHANNEL_COMPONENTS, CHANNEL_DATA, CHANNEL_LINKS, CHANNEL_PROTOCOLS } from "./channels.js";
import { WF_API, WF_COMPONENTS, WF_DATA, WF_LINKS, WF_PROTOCOLS } from "./durable.js";
import { EMAIL_API, EMAIL_COMPONENTS, EMAIL_DATA, EMAIL_LINKS, EMAIL_PROTOCOLS } from "./email.js";
import { PSP_API, PSP_COMPONENTS, PSP_DATA, PSP_LINKS, PSP_PROTOCOLS } from "./psp.js";
import { PUSH_API, PUSH_COMPONENTS, PUSH_DATA, PUSH_LINKS, PUSH_PROTOCOLS } from "./push.js";

/** The generic send's elements, which no push, email or multi-channel design draws (each has its own). */
const OWN_SEND_SHAPE = ["push", "email", "multi-channel", "workflow-engine", "psp"] as const;
/** The generic rows a workflow engine or a payment provider replaces with its own. */
const NOT_ENGINE = ["workflow-engine", "psp"] as const;

/** Workflow with an external effect: API, workflow DB with outbox, relay workers, the provider, a reconciler. */
export const protocols: ProtocolSpec[] = [
  {
    name: "Payment with outbox, idempotent provider call, ledger posting",
    unlessTopic: OWN_SEND_SHAPE,
    parties: ["payment-provider"],
    notation:
      "clients>workflow-api[start a payment with amount, currency, a payment-method token and an idempotency key {no IdempotencyRecord for the key}] -> workflow-api>workflow-db[create the payment and write outbox in one transaction {WorkflowInstance.state = expected and WorkflowInstance.version = v}] -> workflow-api>clients[payment id, pending] -> relay>workflow-db[claim outbox entry {OutboxEntry.state = pending or OutboxEntry.claim_expires_at < now}] -> relay>provider[charge the token with idempotency key = outbox id] -> provider>relay[outcome] -> relay>workflow-db[record outcome and post balanced LedgerEntry lines in one transaction {WorkflowInstance.state = awaiting_effect}] |-> reconciler>provider[query by idempotency key {EffectAttempt.outcome = unknown}] => done | retry | repair | park",
  },
  {
    name: "Transition with outbox, idempotent external call",
    unlessTopic: OWN_SEND_SHAPE,
    parties: ["service"],
    notation:
      "clients>workflow-api[start with idempotency key {no IdempotencyRecord for the key}] -> workflow-api>workflow-db[transition and write outbox in one transaction {WorkflowInstance.state = expected and WorkflowInstance.version = v}] -> workflow-api>clients[workflow id, pending] -> relay>workflow-db[claim outbox entry {OutboxEntry.state = pending or OutboxEntry.claim_expires_at < now}] -> relay>provider[call with idempotency key = outbox id] -> provider>relay[outcome] -> relay>workflow-db[record outcome {WorkflowInstance.state = awaiting_effect}] |-> reconciler>provider[query by idempotency key {EffectAttempt.outcome = unknown}] => done | retry | repair | park",
  },
  {
    // a payout to another bank: the balance is debited in our ledger with the outbox entry, the rail is sent the
    // payment under our end-to-end reference, and what it did is settled from the bank's statement and returns
    name: "Payout with ledger debit, outbox, bank payment under our reference",
    unlessTopic: OWN_SEND_SHAPE,
    parties: ["bank"],
    notation:
      "clients>workflow-api[start a payout with amount, currency, destination account and an idempotency key {no IdempotencyRecord for the key}] -> workflow-api>workflow-db[debit the balance, post balanced LedgerEntry lines and write outbox in one transaction {WorkflowInstance.state = expected and WorkflowInstance.version = v}] -> workflow-api>clients[payout id, pending] -> relay>workflow-db[claim outbox entry {OutboxEntry.state = pending or OutboxEntry.claim_expires_at < now}] -> relay>provider[send the payment with end-to-end reference = outbox id] -> provider>relay[accepted] -> relay>workflow-db[record the bank's reference {WorkflowInstance.state = awaiting_effect}] |-> reconciler>provider[match the statement and returns by end-to-end reference {EffectAttempt.outcome = unknown}] => done | repair | park",
  },
  {
    name: "Transition with outbox, delivery under its event id",
    unlessTopic: OWN_SEND_SHAPE,
    parties: ["customer-endpoint", "push-gateway", "message-gateway"],
    notation:
      "clients>workflow-api[accept event with idempotency key {no IdempotencyRecord for the key}] -> workflow-api>workflow-db[record event and outbox entry in one transaction {WorkflowInstance.state = expected and WorkflowInstance.version = v}] -> workflow-api>clients[event id, accepted] -> relay>workflow-db[claim outbox entry {OutboxEntry.state = pending or OutboxEntry.claim_expires_at < now}] -> relay>provider[send with event id] -> provider>relay[status code] -> relay>workflow-db[log attempt and its status {WorkflowInstance.state = awaiting_effect}] => done | retry | park",
  },
  {
    name: "List and replay deliveries",
    unlessTopic: NOT_ENGINE,
    parties: ["customer-endpoint"],
    notation:
      "clients>workflow-api[list an endpoint's deliveries] -> workflow-api>workflow-db[read the delivery log] -> workflow-api>clients[attempts with status codes] -> clients>workflow-api[replay failed deliveries since a time] -> workflow-api>workflow-db[queue them again under their original event ids {EndpointSubscription.state = active}] => requeue | reject",
  },
  {
    name: "Reconcile unknown outcomes",
    unlessTopic: OWN_SEND_SHAPE,
    parties: ["payment-provider", "bank", "service"],
    notation:
      "reconciler>workflow-db[list unsettled attempts {EffectAttempt.outcome = unknown and EffectAttempt.sent_at < now - grace}] -> reconciler>provider[look up record by idempotency key] -> provider>reconciler[provider record] -> reconciler>workflow-db[apply outcome {WorkflowInstance.state = awaiting_effect}] => done | repair | retry",
  },
  {
    name: "Provider callback",
    unlessTopic: OWN_SEND_SHAPE,
    parties: ["payment-provider", "bank", "service"],
    notation:
      "provider>workflow-api[callback with effect id and outcome] -> workflow-api>workflow-db[apply if still awaiting {WorkflowInstance.state = awaiting_effect}] -> workflow-api>provider[200, duplicates ignored] => done",
  },
  ...PUSH_PROTOCOLS,
  ...EMAIL_PROTOCOLS,
  ...CHANNEL_PROTOCOLS,
  ...WF_PROTOCOLS,
  ...PSP_PROTOCOLS,
];

export const topology: Topology = {
  components: [
    ...WF_COMPONENTS,
    ...PSP_COMPONENTS,
    ...PUSH_COMPONENTS,
    ...EMAIL_COMPONENTS,
    ...CHANNEL_COMPONENTS,
    {
      id: "clients",
      unlessTopic: OWN_SEND_SHAPE,
      name: "Clients",
      kind: "client",
      runs: ["start", "status", "cancel"],
      because: "callers retry on timeouts, so every start carries an idempotency key",
    },
    {
      id: "workflow-api",
      unlessTopic: OWN_SEND_SHAPE,
      name: "Workflow service (stateless API)",
      kind: "service",
      runs: ["start", "signal", "provider callbacks"],
      because: "accepts requests under idempotency keys and moves workflows only through guarded transitions",
    },
    {
      id: "workflow-db",
      unlessTopic: OWN_SEND_SHAPE,
      name: "Workflow DB (primary + synchronous replica)",
      kind: "store",
      holds: ["WorkflowInstance", "OutboxEntry", "IdempotencyRecord", "EffectAttempt", "LedgerEntry"],
      runs: ["transition + outbox in one transaction"],
      because:
        "the state change and the intent to call the provider commit together, so neither happens without the other",
    },
    {
      id: "relay",
      unlessTopic: OWN_SEND_SHAPE,
      name: "Outbox relay workers",
      kind: "worker-pool",
      runs: ["claim outbox entry", "call provider", "record outcome"],
      because:
        "the external call happens outside the transaction, at least once, keyed so the provider applies it once",
    },
    {
      id: "provider",
      unlessTopic: OWN_SEND_SHAPE,
      name: "External system (provider, partner or endpoint)",
      kind: "external",
      holds: ["ProviderRecord"],
      runs: ["receive each effect under our effect id"],
      because:
        "the effect lands outside our system: whether it drops a repeat by our id and whether it can be asked about an outcome depends on the kind of party",
      sink: true,
    },
    {
      id: "reconciler",
      unlessTopic: OWN_SEND_SHAPE,
      name: "Reconciler",
      kind: "control-loop",
      runs: ["settle unknown outcomes", "compare with provider reports"],
      because: "a timeout leaves the outcome unknown; only asking the provider settles it",
      parties: ["payment-provider", "bank", "service"],
    },
  ],
  links: [
    ...WF_LINKS,
    ...PSP_LINKS,
    ...PUSH_LINKS,
    ...EMAIL_LINKS,
    ...CHANNEL_LINKS,
    {
      from: "clients",
      to: "workflow-api",
      kind: "request",
      label: "start / status / cancel",
      unlessTopic: OWN_SEND_SHAPE,
    },
    {
      from: "workflow-api",
      to: "workflow-db",
      kind: "request",
      label: "transition + outbox (one transaction)",
      unlessTopic: OWN_SEND_SHAPE,
    },
    {
      from: "relay",
      to: "workflow-db",
      kind: "request",
      label: "claim outbox, record outcome",
      unlessTopic: OWN_SEND_SHAPE,
    },
    { from: "relay", to: "provider", kind: "request", label: "send with effect id", unlessTopic: OWN_SEND_SHAPE },
    {
      from: "provider",
      to: "workflow-api",
      kind: "callback",
      label: "webhook outcome",
      unlessTopic: OWN_SEND_SHAPE,
      parties: ["payment-provider", "bank", "service"],
    },
    {
      from: "reconciler",
      to: "provider",
      kind: "control",
      label: "look up unknown outcomes",
      unlessTopic: OWN_SEND_SHAPE,
      parties: ["payment-provider", "bank", "service"],
    },
    {
      from: "reconciler",
      to: "workflow-db",
      kind: "control",
      label: "apply settled outcomes",
      unlessTopic: OWN_SEND_SHAPE,
      parties: ["payment-provider", "bank", "service"],
    },
  ],
  api: [
    ...WF_API,
    ...PSP_API,
    ...PUSH_API,
    ...EMAIL_API,
    ...CHANNEL_API,
    {
      operation: "start",
      unlessTopic: OWN_SEND_SHAPE,
      call: "POST /v1/workflows",
      request: ["type", "input", "idempotency_key"],
      response: ["workflow_id", "state"],
      errors: ["409 same key with a different request", "422 invalid input"],
      guarantee:
        "a repeat with the same key returns the first workflow and its result; the effect happens at most once",
      parties: ["customer-endpoint", "push-gateway", "message-gateway", "bank", "service"],
    },
    // A payment names what moves and how it is paid: an amount in the currency's minor units, the currency, a
    // payment-method token the provider's client-side tokenisation returned (card numbers never reach our
    // servers, which keeps them out of PCI scope) and whether the authorisation is captured at once or later
    // (Stripe's PaymentIntents take amount, currency, payment_method and capture_method automatic | manual:
    // docs.stripe.com/api/payment_intents/create; tokenisation: stripe.com/docs/api/tokens).
    {
      operation: "start",
      unlessTopic: ["push", "psp"],
      call: "POST /v1/workflows",
      request: [
        "merchant_id",
        "amount (minor units)",
        "currency",
        "payment_method (provider token, never a card number)",
        "capture (automatic | manual)",
        "idempotency_key",
      ],
      response: ["workflow_id", "state (pending | authorized | captured | failed)"],
      errors: [
        "409 same key with a different request",
        "422 invalid amount or currency",
        "402 declined by the provider",
      ],
      guarantee:
        "a repeat with the same key returns the first payment and its result; the card is charged at most once",
      parties: ["payment-provider"],
    },
    {
      operation: "capture",
      unlessTopic: ["push", "psp"],
      call: "POST /v1/workflows/{workflow_id}:capture",
      request: ["amount (at most the authorized amount)", "expected_version"],
      response: ["captured | pending"],
      errors: ["409 not authorized, already captured or expired"],
      guarantee:
        "a manual-capture payment is captured once, through the outbox under its own effect id, and posts its ledger lines in the same transaction",
      parties: ["payment-provider"],
    },
    {
      operation: "status",
      unlessTopic: OWN_SEND_SHAPE,
      call: "GET /v1/workflows/{workflow_id}",
      request: ["workflow_id"],
      response: ["state", "step", "effect outcomes", "version"],
      errors: ["404 unknown workflow"],
      guarantee: "read from the workflow DB",
    },
    {
      operation: "cancel",
      unlessTopic: OWN_SEND_SHAPE,
      call: "POST /v1/workflows/{workflow_id}:cancel",
      request: ["expected_version"],
      response: ["cancelled | compensating"],
      errors: ["409 too late (effect settled)"],
      guarantee: "a cancel never races an effect into a half-done state: settled effects are compensated",
      parties: ["payment-provider", "service"],
    },
    {
      operation: "provider callback",
      unlessTopic: OWN_SEND_SHAPE,
      call: "POST /v1/callbacks/{provider}",
      request: ["effect_id", "outcome", "signature"],
      response: ["200"],
      errors: ["401 bad signature"],
      guarantee: "duplicate callbacks are ignored",
      parties: ["payment-provider", "bank", "service"],
    },
    {
      operation: "register endpoint",
      call: "POST /v1/endpoints",
      request: ["url", "event_types"],
      response: ["endpoint_id", "signing_secret"],
      errors: ["422 URL not HTTPS or not reachable"],
      guarantee: "the endpoint receives every later event of its types, signed with the secret returned once here",
      parties: ["customer-endpoint"],
    },
    {
      operation: "rotate secret",
      call: "POST /v1/endpoints/{endpoint_id}:rotate-secret",
      request: ["endpoint_id", "overlap_seconds"],
      response: ["new_signing_secret", "old_secret_expires_at"],
      errors: ["404 unknown endpoint"],
      guarantee:
        "deliveries carry signatures under both secrets until the overlap ends, so the receiver can switch without a gap",
      parties: ["customer-endpoint"],
    },
    {
      operation: "list deliveries",
      call: "GET /v1/endpoints/{endpoint_id}/deliveries",
      request: ["endpoint_id", "status", "cursor"],
      response: ["attempts (event id, time, status code, next retry)", "next_cursor"],
      errors: ["404 unknown endpoint"],
      guarantee: "read from the delivery log; the newest attempts may trail the senders by seconds",
      parties: ["customer-endpoint"],
    },
    {
      operation: "replay",
      call: "POST /v1/endpoints/{endpoint_id}:replay",
      request: ["endpoint_id", "since", "status = failed"],
      response: ["queued count"],
      errors: ["409 endpoint disabled (enable it first)"],
      guarantee:
        "each replayed delivery keeps its original event id, so a receiver that already handled it drops the repeat",
      parties: ["customer-endpoint"],
    },
  ],
  dataModel: [
    ...WF_DATA,
    ...PSP_DATA,
    ...PUSH_DATA,
    ...EMAIL_DATA,
    ...CHANNEL_DATA,
    {
      entity: "WorkflowInstance",
      unlessTopic: OWN_SEND_SHAPE,
      key: ["workflow_id"],
      fields: ["type", "state", "step", "version", "input"],
      indexes: ["(state, updated_at)"],
      partitionKey: "workflow_id",
      owner: "workflow-db",
      parties: ["customer-endpoint", "push-gateway", "message-gateway", "bank", "service"],
    },
    {
      entity: "WorkflowInstance",
      unlessTopic: ["push", "psp"],
      key: ["workflow_id"],
      fields: [
        "merchant_id",
        "amount",
        "currency",
        "payment_method_token",
        "capture (automatic | manual)",
        "state",
        "version",
        "provider_ref",
      ],
      indexes: ["(merchant_id, created_at)", "(state, updated_at)"],
      partitionKey: "workflow_id",
      owner: "workflow-db",
      parties: ["payment-provider"],
    },
    {
      entity: "LedgerEntry",
      topic: "money",
      key: ["movement_id", "line"],
      fields: ["account", "amount (signed)", "currency", "workflow_id", "posted_at"],
      indexes: ["(account, posted_at)"],
      partitionKey: "account",
      owner: "workflow-db",
      parties: ["payment-provider", "bank"],
    },
    {
      entity: "OutboxEntry",
      unlessTopic: OWN_SEND_SHAPE,
      key: ["outbox_id"],
      // a failed call is retried with backoff (over days, for a webhook): the time of its next attempt, and the index
      // the relay polls for due entries, are the outbox's own
      fields: ["workflow_id", "effect", "state", "attempt", "next_attempt_at", "claimed_by", "claim_expires_at"],
      indexes: ["(state, next_attempt_at) as the due-time index the relay polls"],
      partitionKey: "workflow_id",
      owner: "workflow-db",
    },
    {
      entity: "IdempotencyRecord",
      unlessTopic: OWN_SEND_SHAPE,
      key: ["idempotency_key"],
      fields: ["request_hash", "workflow_id", "response"],
      indexes: [],
      owner: "workflow-db",
    },
    {
      entity: "EffectAttempt",
      key: ["outbox_id", "attempt"],
      fields: ["sent_at", "outcome (ok | failed | unknown)", "provider_ref"],
      indexes: ["(outcome, sent_at)"],
      owner: "workflow-db",
    },
    {
      entity: "EndpointSubscription",
      key: ["endpoint_id"],
      fields: [
        "owner",
        "url",
        "event_types",
        "signing_secrets",
        "state (active | failing | disabled)",
        "in_flight_cap",
      ],
      indexes: ["(event_type, state)"],
      owner: "workflow-db",
    },
  ],
  entry: "workflow-api",
  stateOwner: "workflow-db",
  outlet: "relay",
  protocols,
  unit: { entity: "WorkflowInstance", words: ["workflow"] },
  topicHooks: {
    psp: {
      entry: "payments-api",
      stateOwner: "payments-db",
      outlet: "event-log",
      unit: { entity: "PaymentIntent", words: ["payment", "payments"] },
    },
    "workflow-engine": {
      entry: "frontend",
      stateOwner: "history-store",
      outlet: "workers",
      unit: { entity: "WorkflowExecution", words: ["execution", "executions"] },
    },
  },
};
