import type { ArchetypeInput } from "../../schema.js";
import { CHANNEL_ENTITIES, CHANNEL_FAILURES, CHANNEL_INVARIANTS, CHANNEL_READS, CHANNEL_WRITES } from "./channels.js";
import {
  WF_BOTTLENECKS,
  WF_ENTITIES,
  WF_FAILURES,
  WF_INVARIANTS,
  WF_OVERLAY,
  WF_PREDICATES,
  WF_READS,
  WF_SILHOUETTE,
  WF_TECHNOLOGIES,
  WF_WRITES,
} from "./durable.js";
import { EMAIL_ENTITIES, EMAIL_FAILURES, EMAIL_INVARIANTS, EMAIL_READS, EMAIL_WRITES } from "./email.js";
import {
  PSP_BOTTLENECKS,
  PSP_ENTITIES,
  PSP_FAILURES,
  PSP_INVARIANTS,
  PSP_OVERLAY,
  PSP_PREDICATES,
  PSP_READS,
  PSP_SCOPES,
  PSP_SILHOUETTE,
  PSP_TECHNOLOGIES,
  PSP_WRITES,
} from "./psp.js";
import { PUSH_ENTITIES, PUSH_FAILURES, PUSH_INVARIANTS, PUSH_READS, PUSH_WRITES } from "./push.js";
import { protocols } from "./topology.js";

/** Invariants a push design does not hold: APNs and FCM keep no idempotency keys and answer no lookup by our id. */
/** The generic send's rows, which no push, email or multi-channel design draws (each has its own). */
const OWN_SEND_SHAPE = ["push", "email", "multi-channel", "workflow-engine", "psp"] as const;
/**
 * The generic workflow rows a durable workflow engine replaces with its history, shards and task queues, and a
 * payment provider with its payments, acquirer attempts and vault.
 */
const NOT_ENGINE = ["workflow-engine", "psp"] as const;
const PROVIDER_DEDUPES =
  "Every retry of an OutboxEntry's external call carries the same effect id: a party that keeps our key applies it at most once while it still retains that idempotency key (past that window the relay first looks the effect up and resends only if it is absent), a receiver that keeps no key of ours drops the repeat by that effect id, and a rail that pays every entry it is sent (a bank) is asked for that id before any resend.";
const REQUEST_KEY =
  "A request key maps to exactly one WorkflowInstance and one request hash; a retried request returns the original result and never starts a second workflow, and the same key with a different body is refused.";
const UNKNOWN_SETTLED =
  "An effect whose outcome is unknown is never retried under a new effect id; it is retried with the same id or settled by reconciliation.";

export const card = {
  id: "I12",
  name: "Workflow + External Side Effect",
  summary:
    "This archetype owns multi-step processes whose steps reach outside the system: charging or refunding through a payment provider, calling a bank or partner API, delivering webhooks, sending email or SMS, provisioning in another service. " +
    "Its authoritative state is the workflow instance (current step, state, version) written in the same transaction as an outbox of intended effects, plus the record of every delivery attempt and its outcome; the external system keeps its own truth, which the workflow can only query. " +
    "The core correctness concern is that an effect that cannot be rolled back happens once in effect even though calls are retried, replies are lost and processes crash between calling and recording: effects carry a stable idempotency key, state changes are guarded transitions, failures past the retry budget are compensated or parked, and a reconciler compares our records with the provider's. " +
    "Money adds its own rules: balances come from an append-only double-entry ledger where every movement is a set of debit and credit entries that sum to zero; a card payment is authorised first (a hold that lapses after some days) and captured later, once, for no more than the authorised amount; the provider reports outcomes through inbound webhooks that arrive late, twice or out of order; and the idempotency key is bound to a hash of the request, so the same key with a different body is refused, and only for as long as the provider retains keys (Stripe may prune them after 24 hours). " +
    "Payment and refund services, webhook and notification delivery, order fulfilment and workflow engines such as Temporal or Step Functions share this shape.",
  roles: ["truth", "external effect"],
  /** Runs work (FRAMEWORK.md §9), so the entry carries the runtime overlay. */
  runtime: true,
  signals: {
    phrases: [
      { text: "payment service", weight: 1.0 },
      { text: "payment system", weight: 1.0 },
      { text: "payment", weight: 0.85 },
      { text: "charge card", weight: 1.0 },
      { text: "refund", weight: 0.9 },
      { text: "payout", weight: 0.8 },
      { text: "money transfer", weight: 0.8 },
      { text: "bank api", weight: 0.8 },
      { text: "payment provider", weight: 0.9 },
      { text: "billing", weight: 0.6 },
      { text: "webhook delivery", weight: 1.0 },
      { text: "webhook", weight: 0.8 },
      { text: "callback url", weight: 0.6 },
      { text: "send email", weight: 0.7 },
      { text: "email delivery", weight: 0.6 },
      { text: "notification service", weight: 0.8 },
      { text: "workflow engine", weight: 1.0 },
      // an orchestrator may run durable workflows with outside calls (Temporal) or batch DAGs (Airflow, I03): the word
      // alone is only typical of this problem (concepts.ts), and the prompt's other words say which
      { text: "workflow orchestration", weight: 0.8 },
      { text: "long running workflow", weight: 0.9 },
      { text: "multi step process", weight: 0.6 },
      { text: "business process", weight: 0.6 },
      { text: "approval workflow", weight: 0.7 },
      { text: "order fulfillment", weight: 0.6 },
      { text: "saga", weight: 0.9 },
      { text: "compensating action", weight: 0.8 },
      { text: "charge twice", weight: 0.9 },
      { text: "double charge", weight: 0.9 },
      { text: "not refund twice", weight: 0.9 },
      { text: "never send twice", weight: 0.7 },
      { text: "exactly once", weight: 0.4 },
      { text: "idempotency key", weight: 0.6 },
      { text: "outbox", weight: 0.6 },
      { text: "reconciliation", weight: 0.6 },
      { text: "third party api", weight: 0.6 },
      { text: "external api", weight: 0.6 },
      { text: "external call", weight: 0.6 },
      { text: "side effect", weight: 0.6 },
      { text: "ledger", weight: 0.5 },
      { text: "state machine", weight: 0.4 },
      { text: "retry failed deliveries", weight: 0.5 },
      { text: "notification system", weight: 0.8 },
    ],
    systems: [
      { name: "Temporal", aliases: ["Temporal.io"], weight: 1.0 },
      { name: "Cadence", aliases: ["Uber Cadence"], weight: 1.0 },
      { name: "AWS Step Functions", aliases: ["Step Functions"], weight: 1.0 },
      { name: "Netflix Conductor", aliases: ["Conductor", "Orkes Conductor"], weight: 1.0 },
      { name: "Azure Durable Functions", aliases: ["Durable Functions"], weight: 0.9 },
      { name: "Camunda", aliases: ["Zeebe"], weight: 0.9 },
      { name: "Svix", aliases: [], weight: 0.9 },
      { name: "Stripe", aliases: [], weight: 0.5 },
    ],
  },
  entities: [
    {
      name: "WorkflowInstance",
      unlessTopic: NOT_ENGINE,
      description:
        "One database row per workflow, one run of the process: current step, state (running, awaiting_effect, succeeded, failed), input, version and the step history that decides what runs next.",
      truth: true,
      stance: {
        consistency: "linearizable",
        availability: "fail-closed",
        because:
          "each transition or claim is a conditional write on the one primary, so an API or relay cut off from it accepts and sends nothing rather than act twice",
        against: "repeat",
      },
    },
    {
      name: "OutboxEntry",
      unlessTopic: NOT_ENGINE,
      description:
        "An intended external effect written in the same transaction as the state change that requires it: effect id (the idempotency key sent outside), target, payload, state, claim and next attempt time.",
      truth: true,
      stance: {
        consistency: "linearizable",
        availability: "fail-closed",
        because:
          "each transition or claim is a conditional write on the one primary, so an API or relay cut off from it accepts and sends nothing rather than act twice",
        against: "repeat",
      },
    },
    {
      name: "EffectAttempt",
      unlessTopic: NOT_ENGINE,
      description:
        "One try at performing an effect: attempt number, sent_at, response or timeout, and outcome (succeeded, rejected, unknown); the evidence for retries and reconciliation.",
      truth: false,
      truthFor: ["customer-endpoint", "push-gateway"],
      stance: {
        consistency: "eventual",
        availability: "stay-available",
        because:
          "the attempt log is appended by the senders and read by people and by replay; a listing seconds behind misleads nobody, and a sender never waits on a reader",
      },
    },
    {
      name: "IdempotencyRecord",
      unlessTopic: ["push", "multi-channel", "psp"],
      description:
        "Maps a caller's request key to the workflow it started and the stored response, so a retried request returns the first answer instead of starting twice.",
      truth: true,
      stance: {
        consistency: "linearizable",
        availability: "fail-closed",
        because:
          "a retry must find the first request's key, so the key is inserted only if absent on the one primary, and a request that cannot reach it is refused rather than started twice",
        against: "repeat",
      },
    },
    {
      name: "ProviderRecord",
      unlessTopic: OWN_SEND_SHAPE,
      description:
        "The external system's own record of the effect (a charge, a received event, a sent message) keyed by our effect id where it keeps one; read during reconciliation or learned from its replies and callbacks, never written by us directly.",
      truth: false,
    },
    {
      name: "EndpointSubscription",
      description:
        "An endpoint a customer registers: its URL, the event types it wants, its signing secret (two while a secret is rotated), its state (active, failing, disabled) and a delivery queue of its own with a cap on calls in flight.",
      truth: true,
      stance: {
        consistency: "read-your-writes",
        availability: "stay-available",
        because:
          "senders read an endpoint's URL and secrets from a copy that may trail by seconds (a rotated secret overlaps the old one for that reason), while its owner reads each change it makes",
      },
      topic: "webhook",
    },
    {
      name: "LedgerEntry",
      description:
        "One debit or credit line of a money movement, with account, amount, currency and the movement id; entries are appended, never edited, and the lines of one movement sum to zero.",
      truth: true,
      topic: "money",
    },
    // last: a stated ask that names no entity falls back on the card's first record, never a push one
    ...PUSH_ENTITIES,
    ...EMAIL_ENTITIES,
    ...CHANNEL_ENTITIES,
    ...WF_ENTITIES,
    ...PSP_ENTITIES,
  ],
  writePaths: [
    ...WF_WRITES,
    ...PSP_WRITES,
    ...PUSH_WRITES,
    ...EMAIL_WRITES,
    ...CHANNEL_WRITES,
    {
      action:
        "accept a request under the caller's idempotency key, storing the key and a hash of the request body with the workflow it creates",
      unlessTopic: NOT_ENGINE,
      entity: "IdempotencyRecord",
      shape: "create target",
      mechanism: "idempotency-key",
      critical: true,
    },
    {
      action:
        "advance the workflow to its next state and write the outbox entry for the effect in one transaction, guarded by expected state and version",
      unlessTopic: OWN_SEND_SHAPE,
      entity: "WorkflowInstance",
      shape: "state transition",
      mechanism: "transactional-outbox",
      critical: true,
    },
    {
      action: "a relay claims a due outbox entry so one sender works on it at a time",
      unlessTopic: NOT_ENGINE,
      entity: "OutboxEntry",
      shape: "state transition",
      mechanism: "claim-run",
      hidden: true,
      critical: true,
    },
    {
      action:
        "call the external system with the outbox entry's effect id (as its idempotency key where the party keeps one, else as the event id a receiver drops repeats by) and log the attempt",
      unlessTopic: OWN_SEND_SHAPE,
      entity: "EffectAttempt",
      shape: "append event",
      mechanism: "idempotent-receiver",
      critical: true,
      runs: {
        in: "async worker",
        because:
          "the outbox relay makes the call after the caller was answered, so a slow or failing provider never holds a request",
      },
    },
    {
      action:
        "record the effect outcome and move the workflow on, accepted only while it is still awaiting that effect",
      unlessTopic: OWN_SEND_SHAPE,
      entity: "WorkflowInstance",
      shape: "state transition",
      mechanism: "guarded-transition",
      critical: true,
      runs: {
        in: "async worker",
        because: "the relay (or the webhook handler) records the outcome it learned, after the caller was answered",
      },
    },
    {
      action: "register a customer's endpoint for the event types it wants and issue its signing secret",
      entity: "EndpointSubscription",
      shape: "create target",
      mechanism: "put-if-absent",
    },
    {
      action:
        "queue each delivery on its endpoint's own queue, with a few calls in flight per endpoint, so one slow or failing endpoint never holds another's deliveries",
      entity: "OutboxEntry",
      shape: "state transition",
      mechanism: "concurrency-slots",
      hidden: true,
      critical: true,
      topic: "webhook",
      // several calls in flight reorder a key's deliveries: where the prompt asks for order within a key, the
      // ordered queue below replaces this one
      unlessTopic: "keyed-order",
      runs: {
        in: "async worker",
        because: "the relay takes a slot of the endpoint's queue before each call and gives it back with the outcome",
      },
    },
    {
      action:
        "queue each delivery on its ordering key's own queue under a sequence number, one call in flight per key: a key's next delivery is claimed only after the one before it was acknowledged or parked, so a failing delivery holds only its own key's later ones (head-of-line blocking) until it succeeds or the retry budget parks it, and then the key moves on while the parked one waits for a replay under its sequence number",
      entity: "OutboxEntry",
      shape: "state transition",
      mechanism: "partition-key-ordering",
      hidden: true,
      critical: true,
      topic: "keyed-order",
      unlessTopic: NOT_ENGINE,
      runs: {
        in: "async worker",
        because: "the relay claims a key's next delivery once the one before it settles, after the event was accepted",
      },
    },
    {
      action:
        "sign each delivery with the endpoint's secret: an HMAC-SHA256 over the timestamp and the exact body, sent in a header beside the timestamp and the event id, so the receiver can check the sender, reject stale replays and drop repeats",
      entity: "EffectAttempt",
      shape: "append event",
      mechanism: "idempotent-receiver",
      hidden: true,
      critical: true,
      topic: "webhook",
      runs: {
        in: "async worker",
        because: "the relay signs each attempt as it sends it, after the event was accepted",
      },
    },
    {
      action:
        "disable an endpoint whose deliveries failed for the whole retry window, tell its owner, and keep its failed deliveries for a replay under their original event ids",
      entity: "EndpointSubscription",
      shape: "state transition",
      mechanism: "guarded-transition",
      hidden: true,
    },
    {
      action:
        "post each money movement as balanced debit and credit LedgerEntry rows in one transaction, appended and never updated",
      entity: "LedgerEntry",
      shape: "append event",
      mechanism: "transaction",
    },
    {
      action:
        "accept a provider webhook: verify its signature, drop it if its event id was already handled, and re-fetch the object from the provider instead of trusting the event's order",
      entity: "ProviderRecord",
      shape: "async process",
      mechanism: "idempotent-receiver",
      hidden: true,
      parties: ["payment-provider", "bank", "service"],
    },
    {
      action: "reschedule a failed attempt with backoff, or park it for an operator after the retry budget",
      unlessTopic: NOT_ENGINE,
      entity: "OutboxEntry",
      shape: "async process",
      mechanism: "retry-dead-letter",
      hidden: true,
    },
    {
      action: "run the compensating steps of already completed steps when a later step fails permanently",
      unlessTopic: OWN_SEND_SHAPE,
      entity: "WorkflowInstance",
      parties: ["payment-provider", "service"],
      shape: "state transition",
      mechanism: "saga",
      critical: true,
      runs: {
        in: "async worker",
        because:
          "compensation starts from a permanent failure the relay or reconciler observes, not from a caller's request",
      },
    },
    {
      action: "settle attempts with unknown outcome by querying the provider and fixing our record to match",
      unlessTopic: OWN_SEND_SHAPE,
      entity: "EffectAttempt",
      shape: "async process",
      mechanism: "reconciliation-loop",
      hidden: true,
      critical: true,
      parties: ["payment-provider", "bank", "service"],
    },
    {
      action:
        "keep every attempt with its status code in a delivery log the endpoint's owner can list, and replay failed deliveries on request under their original event ids (an endpoint cannot be asked what it received)",
      entity: "EffectAttempt",
      shape: "append event",
      mechanism: "retry-dead-letter",
      hidden: true,
      critical: true,
      parties: ["customer-endpoint"],
    },
    {
      action:
        "record each gateway reply as the attempt's outcome (sent, token gone, throttled) and resend a timed-out send at most once under the same collapse id (a gateway cannot be asked later what it delivered)",
      entity: "EffectAttempt",
      shape: "append event",
      mechanism: "retry-dead-letter",
      hidden: true,
      critical: true,
      parties: ["push-gateway"],
    },
  ],
  readPaths: [
    ...WF_READS,
    ...PSP_READS,
    ...PUSH_READS,
    ...EMAIL_READS,
    ...CHANNEL_READS,
    {
      action: "caller reads the status of its workflow (pending, succeeded, failed) by workflow id or request key",
      unlessTopic: OWN_SEND_SHAPE,
      entity: "WorkflowInstance",
      shape: "read source",
      staleness:
        "none for decisions such as whether an effect may be retried; a status page may read a replica seconds behind and show pending briefly",
    },
    {
      action: "reconciler reads the provider's record of an effect by our effect id or from its settlement report",
      entity: "ProviderRecord",
      shape: "read source",
      staleness:
        "the provider's own lag: a synchronous lookup is current, a settlement file may be hours old, so unknown outcomes wait a grace period before being judged",
      parties: ["payment-provider", "bank", "service"],
    },
    {
      action:
        "an endpoint's owner lists its deliveries: each attempt with its event id, time, status code and next retry",
      entity: "EffectAttempt",
      shape: "read source",
      staleness: "seconds: the newest attempts may trail the senders, which is fine for a log a person reads",
      tolerates: "stale",
      parties: ["customer-endpoint"],
    },
  ],
  protocols,
  invariants: [
    ...WF_INVARIANTS,
    ...PSP_INVARIANTS,
    ...PUSH_INVARIANTS,
    ...EMAIL_INVARIANTS,
    ...CHANNEL_INVARIANTS,
    "Every effect a WorkflowInstance requires has an OutboxEntry committed in the same transaction as the state change that required it; no effect is sent that the workflow has not recorded as intended.",
    PROVIDER_DEDUPES,
    "A WorkflowInstance changes state only through a transition guarded by its current state and version; an outcome arriving for a step it has already left changes nothing.",
    REQUEST_KEY,
    "The LedgerEntry lines of every money movement sum to zero, and a posted entry is corrected only by a new reversing movement, never by an edit.",
    UNKNOWN_SETTLED,
  ],
  invariantTopics: [
    ...WF_INVARIANTS.map((statement) => ({ statement, topic: "workflow-engine" as const })),
    ...PSP_INVARIANTS.map((statement) => ({ statement, topic: "psp" as const })),
    ...PUSH_INVARIANTS.map((statement) => ({ statement, topic: "push" as const })),
    ...EMAIL_INVARIANTS.map((statement) => ({ statement, topic: "email" as const })),
    ...CHANNEL_INVARIANTS.map((statement) => ({ statement, topic: "multi-channel" as const })),
    ...[PROVIDER_DEDUPES, REQUEST_KEY, UNKNOWN_SETTLED].map((statement) => ({
      statement,
      unlessTopic: OWN_SEND_SHAPE,
    })),
  ],
  contract: {
    api: [
      "start(workflow type, input, idempotency_key) -> workflow_id; a repeat with the same key returns the first workflow and its result",
      "status(workflow_id) -> state, current step, effect outcomes",
      "signal(workflow_id, event) -> accepted | rejected for the current state (for approvals, provider callbacks, cancellations)",
      "cancel(workflow_id) -> cancelled | compensating | too_late",
      "onProviderCallback(effect_id, outcome) -> ok; duplicate callbacks are ignored",
    ],
    guarantees: [
      "Effectively-once external effects: each intended effect is attempted until it succeeds, is rejected, or is parked, and never applied twice by a provider that honours the idempotency key.",
      "Durable progress: an accepted workflow survives process and host crashes and resumes from its last committed step.",
      "Every workflow ends in a terminal state (succeeded, failed with compensation done, or parked for an operator); none silently stops.",
    ],
  },
  predicates: [
    ...WF_PREDICATES,
    ...PSP_PREDICATES,
    {
      id: "external-effect",
      unlessTopic: NOT_ENGINE,
      because:
        "charges, refunds, webhooks, pushes and emails leave the system and cannot be rolled back, so they need an outbox, a send record checked before each call, the provider's idempotency key where it keeps one (a push, email or text gateway keeps none of ours), and reconciliation",
    },
    {
      id: "duplicate-retry-matters",
      unlessTopic: NOT_ENGINE,
      because:
        "clients retry on timeout and relays retry failed calls, and each retry of an effect would otherwise apply it again (a second charge, a duplicate message)",
    },
    {
      id: "multi-object",
      unlessTopic: NOT_ENGINE,
      because:
        "a step changes our workflow record and must also cause an effect elsewhere, and a process spans several services, so it needs an outbox and a saga instead of one transaction",
      // only where a later effect can undo an earlier one (a refund); a webhook, push or email is not compensated
      parties: ["payment-provider", "bank", "service"],
    },
    {
      id: "stale-write-dangerous",
      unlessTopic: NOT_ENGINE,
      because:
        "a late provider reply or a retried worker could move a workflow that has already advanced, so transitions check state and version",
    },
    {
      id: "exclusivity-matters",
      unlessTopic: NOT_ENGINE,
      because:
        "two relays sending the same outbox entry at once race on the provider, so each entry is claimed by one relay at a time",
    },
  ],
  failures: [
    ...WF_FAILURES,
    ...PSP_FAILURES,
    ...PUSH_FAILURES,
    ...EMAIL_FAILURES,
    ...CHANNEL_FAILURES,
    {
      failure:
        "Fired twice: a client or relay retries after a timeout and the external system applies the effect a second time (a second charge, a duplicate event)",
      unlessTopic: OWN_SEND_SHAPE,
      role: "external effect",
      prevention:
        "Send the outbox entry's effect id as the provider's idempotency key on every attempt, and dedupe incoming requests by the caller's key",
      repair:
        "Reconciliation finds the duplicate in the external system's records and issues a reversing effect (a refund, a void, a correction) keyed by its own effect id",
      parties: ["payment-provider", "service"],
    },
    // a bank rail drops no repeat by our key and a sent payment is not refunded (knowledge/parties.ts, bank)
    {
      failure:
        "Paid twice: the bank's reply to a payout is lost, a relay sends the payment again, and the rail pays the recipient a second time",
      unlessTopic: OWN_SEND_SHAPE,
      role: "external effect",
      prevention:
        "Record the attempt as unknown before sending, carry the outbox entry's id as the payment's end-to-end reference, and never resend an unknown attempt until the bank's payment status or statement shows no payment under that reference",
      repair:
        "Reverse the duplicate entry while the rail allows it (an ACH originator may reverse a duplicate up to five banking days after settlement), else ask the receiving bank to return it, and post the duplicate and its recovery as their own journal lines",
      parties: ["bank"],
    },
    {
      unlessTopic: NOT_ENGINE,
      failure:
        "Sent twice: a relay retries after a timeout and the receiver gets the same event or notification a second time",
      role: "external effect",
      prevention: "Send the same event id on every attempt so a receiver can drop the repeat",
      repair:
        "Nothing to undo on our side: the delivery log shows both attempts, and a receiver that keeps event ids absorbs the repeat",
      // a push has its own row: the collapse id folds a repeat on the device
      parties: ["customer-endpoint"],
    },
    // an email or SMS gateway keeps none of our ids (parties.ts, message-gateway.dedupes): a resend after a lost reply
    // reaches the recipient again, so the only guard is our own send record, and the window that is left is stated
    {
      unlessTopic: NOT_ENGINE,
      failure:
        "Sent twice: a sender's call times out after the email or SMS gateway accepted the message, and the retry sends it again",
      role: "external effect",
      prevention:
        "Check the delivery's own send record before every call and retry only an attempt with no gateway answer; the gateway drops nothing by our id, so a timeout after it accepted leaves a short window in which the person gets the message twice",
      repair:
        "Nothing to undo: a delivered email or text stays delivered; the delivery log shows both attempts, and the gateway's delivery reports, matched by its message id, show which ones landed",
      parties: ["message-gateway"],
    },
    // email and SMS (message-gateway): RFC 5321 section 4.2.1 makes a 4yz reply transient (the client SHOULD try again)
    // and a 5yz reply permanent (the same message fails again); bounces and complaints come back as feedback
    {
      unlessTopic: NOT_ENGINE,
      failure:
        "Retried into a wall: a permanent rejection (an SMTP 5xx, an unknown mailbox) is retried like a temporary one, so the same message fails again and again and every retry counts as another bounce against the sender",
      role: "external effect",
      prevention:
        "Classify each reply before scheduling a retry: a 4xx is transient and retried with backoff (RFC 5321 says the client should try again), a 5xx is permanent and ends the attempt at once",
      repair:
        "Park the message with the permanent reply, add the address to the suppression list, and show the rejection in the delivery log",
      parties: ["message-gateway"],
    },
    {
      unlessTopic: NOT_ENGINE,
      failure:
        "Mailing the suppressed: messages keep going to addresses that hard-bounced or whose owner marked the mail as spam, so the sender's bounce and complaint rates climb and mailbox providers defer or junk its other mail",
      role: "external effect",
      prevention:
        "Keep a suppression list fed by the gateway's bounce and complaint notifications, and check every recipient against it before a message is queued",
      repair:
        "Replay the gateway's bounce and complaint notifications since the gap into the suppression list, and drop queued messages to the addresses they name",
      parties: ["message-gateway"],
    },
    {
      unlessTopic: NOT_ENGINE,
      failure:
        "One mailbox provider floods: a burst to one recipient domain opens more connections and messages than that provider accepts, so it answers 4xx deferrals and slows every message to it",
      role: "external effect",
      prevention:
        "Queue and pace sends per recipient domain, sign each message with the sending domain's DKIM key at send time and send from the domain its SPF record authorises, so deferrals stay rare",
      repair:
        "Back off that domain's queue on deferrals and let the 4xx retries drain it, leaving other domains' queues untouched",
      parties: ["message-gateway"],
    },
    {
      failure:
        "Fired but unrecorded: the external system applied the effect but our process crashed before recording the outcome",
      unlessTopic: OWN_SEND_SHAPE,
      role: "external effect",
      prevention:
        "Record the intent durably before calling, and mark the attempt unknown until a definite answer arrives",
      repair: "The reconciler looks the effect up by its id after a grace period and records the real outcome",
      parties: ["payment-provider", "bank", "service"],
    },
    {
      unlessTopic: NOT_ENGINE,
      failure:
        "Sent but unrecorded: the receiver took the call but the relay crashed before logging its reply, and nobody outside can be asked what arrived",
      role: "external effect",
      prevention: "Log the attempt as unknown before sending, under the outbox entry's claim",
      repair: "The claim expires and another relay sends again under the same event id, which the receiver drops",
      parties: ["customer-endpoint"],
    },
    {
      unlessTopic: NOT_ENGINE,
      failure:
        "Sent but unrecorded: the gateway took the push but the sender crashed before logging its reply, and the gateway cannot be asked what it accepted",
      role: "external effect",
      prevention: "Log the attempt as unknown before sending, under the delivery's claim",
      repair:
        "The claim expires and another sender sends again under the same collapse id, so the device shows one notification",
      parties: ["push-gateway"],
    },
    {
      unlessTopic: NOT_ENGINE,
      failure:
        "Sent but unrecorded: the gateway accepted the message but the sender crashed before logging its reply, and SMTP has no command to ask what was accepted",
      role: "external effect",
      prevention:
        "Log the attempt as unknown before sending, and give the message a Message-ID fixed at accept time that every resend reuses",
      repair:
        "Wait for the gateway's delivery or bounce report for that message id; resend only when none came within the grace period, accepting a rare duplicate in the recipient's inbox",
      parties: ["message-gateway"],
    },
    {
      unlessTopic: NOT_ENGINE,
      failure: "Recorded but never fired: the state moved to awaiting_effect but the call was never made",
      role: "truth",
      prevention:
        "The outbox entry is committed with the state change, and a relay polls or tails pending entries until each is sent",
      repair: "A sweep of old pending outbox entries re-claims and sends them with their original effect id",
    },
    {
      unlessTopic: NOT_ENGINE,
      failure: "Half committed: the workflow state changed but its outbox entry did not, or the other way round",
      role: "truth",
      prevention: "Write both in one local transaction; never call the provider inside the database transaction",
      repair:
        "Consistency checks flag instances in a waiting state with no entry, and an operator or repair job re-creates the entry",
    },
    {
      failure:
        "Retried after success: a slow provider reply arrives after the workflow already failed over to compensation",
      unlessTopic: OWN_SEND_SHAPE,
      role: "truth",
      prevention:
        "Apply outcomes only through a guarded transition that checks the workflow is still awaiting that effect",
      repair:
        "The late success is recorded on the attempt and triggers a compensating effect if the workflow already moved on",
      parties: ["payment-provider", "service"],
    },
    {
      unlessTopic: NOT_ENGINE,
      failure: "Dependency stalled: the external system is down or rate limits, and attempts pile up",
      role: "external effect",
      prevention:
        "Exponential backoff with jitter, a concurrency cap per destination and a circuit breaker around the call",
      repair:
        "Entries past the retry budget park in a dead-letter state with alerts; once the destination recovers they are replayed with the same effect id",
    },
    {
      failure:
        "Compensation fails: the effect meant to undo a completed step (a refund undoing a charge) is itself rejected",
      unlessTopic: OWN_SEND_SHAPE,
      role: "external effect",
      prevention: "Compensations are workflows too, with their own effect ids, retries and terminal states",
      repair: "Park the instance as needing manual resolution with the full attempt history attached",
      parties: ["payment-provider", "service"],
    },
    {
      unlessTopic: NOT_ENGINE,
      failure:
        "Stripe may prune an idempotency key once it is 24 hours old, and a retry after that counts as a new request and charges twice",
      role: "external effect",
      prevention:
        "Stop blind retries well inside the provider's key retention window; past it, look the effect up by our effect id first and retry only if it is absent",
      repair: "Reconciliation finds the duplicate charge by effect id and refunds it through a new, recorded movement",
      topic: "money",
      // only a payment provider keeps our key for a while and then prunes it (knowledge/parties.ts keyRetention)
      parties: ["payment-provider"],
    },
    {
      failure:
        "Outcome callbacks arrive twice or out of order (a failure reported after the success), so the workflow moves backwards or applies an outcome twice",
      unlessTopic: OWN_SEND_SHAPE,
      role: "external effect",
      prevention:
        "Deduplicate by the event id, verify the signature, and treat the event as a hint: re-fetch the object's current state and apply it through a guarded transition",
      repair:
        "Reconciliation compares our records with the provider's objects and corrects any state the events left wrong",
      parties: ["payment-provider", "bank", "service"],
    },
    {
      unlessTopic: NOT_ENGINE,
      failure:
        "One slow or dead customer endpoint ties up the relay workers, and every other customer's deliveries wait behind it",
      role: "external effect",
      prevention:
        "Give each endpoint its own queue with a small in-flight cap and a call timeout of seconds, and a circuit breaker per endpoint that stops calling one that keeps failing",
      repair:
        "Pause the failing endpoint's queue while the rest keep flowing, and drain its backlog once probes succeed",
      topic: "webhook",
    },
    {
      unlessTopic: NOT_ENGINE,
      failure:
        "A receiver accepts a forged or replayed delivery, because nothing ties the request to us or to the moment it was sent",
      role: "external effect",
      prevention:
        "Sign the timestamp and the body with an HMAC-SHA256 under the endpoint's secret (Stripe's Stripe-Signature header carries t= and v1=; GitHub signs the body in X-Hub-Signature-256); receivers compare in constant time and refuse a timestamp older than a few minutes",
      repair:
        "Rotate a leaked secret: sign with the old and the new secret during the overlap, then retire the old one",
      topic: "webhook",
    },
    {
      unlessTopic: NOT_ENGINE,
      failure:
        "An endpoint stays down for the whole retry window and its deliveries run out of attempts while the customer never hears of it",
      role: "external effect",
      prevention:
        "A retry schedule that spans the window: waits that double with jitter up to a cap, then one attempt per cap until the window ends",
      repair:
        "Disable the endpoint, tell its owner, and keep the failed deliveries so a replay resends them with their original event ids",
      topic: "webhook",
    },
    {
      unlessTopic: NOT_ENGINE,
      failure: "An authorisation lapses before capture, or is captured twice or above the authorised amount",
      role: "external effect",
      prevention:
        "Capture once per authorisation under its own idempotency key, for at most the authorised amount, and track the hold's expiry to capture or re-authorise in time",
      repair: "Re-authorise (asking the customer again if needed), or refund the excess through a new ledger movement",
      topic: "money",
      // an authorisation and its capture are a card's: a bank payment is sent, not authorised and captured
      parties: ["payment-provider"],
    },
  ],
  bottlenecks: [
    ...WF_BOTTLENECKS,
    ...PSP_BOTTLENECKS,
    {
      unlessTopic: NOT_ENGINE,
      bottleneck:
        "The email or SMS gateway's sending rate: Amazon SES caps the emails an account sends per second and per day in each region (1 a second in its sandbox, set by use case outside it), and Twilio queues texts per sender (one segment a second from a US long code, 100 or more from a short code)",
      // first where it applies: the gateway's rate binds before any box of ours does
      parties: ["message-gateway"],
      mitigation:
        "Ask the gateway for a sending rate above the peak ahead of launch (SES reports it through GetSendQuota), pace each queue with a token bucket under it, and spread texts over a pool of senders or a short code",
      formula: {
        yields: "peak workflows started",
        expression: "workflows_per_sec * peak_factor",
        unit: "workflows/s",
      },
    },
    {
      unlessTopic: NOT_ENGINE,
      bottleneck:
        "Outbox relay throughput: every transition with an effect adds an outbox write plus a claim and an outcome update",
      mitigation:
        "Relay with change data capture or batched polling per outbox partition, and delete or archive sent entries promptly",
      formula: {
        yields: "state and outbox writes (create, effect, settle)",
        expression: "peak_workflows_per_sec * writes_per_workflow",
        unit: "writes/s",
      },
    },
    {
      unlessTopic: NOT_ENGINE,
      bottleneck:
        "Open workflow instances: long waits on providers and humans keep many instances live at once, which runs out of threads or memory if each waiting instance holds a worker",
      mitigation:
        "Persist waiting instances as rows woken by a due-time index instead of holding threads, so a waiting instance costs a row, not a worker",
      formula: {
        yields: "open workflow instances at peak (Little's law)",
        expression: "peak_workflows_per_sec * open_seconds",
        unit: "instances",
      },
    },
    {
      unlessTopic: NOT_ENGINE,
      bottleneck:
        "The provider's rate limit: it caps how fast effects can be sent per account, independent of our own capacity",
      // only a party with one account-wide ceiling: an unnamed service's limit is not known (knowledge/parties.ts)
      parties: ["payment-provider"],
      mitigation:
        "Arrange a raised limit with the provider well ahead, queue per provider with a token bucket matching its quota, and back off on rate-limit errors",
      formula: {
        yields: "share of the outside party's per-account limit the calls use",
        expression: "peak_workflows_per_sec / provider_requests_per_sec",
        unit: "fraction",
      },
    },
    {
      unlessTopic: NOT_ENGINE,
      bottleneck:
        "The push gateways' quota: FCM caps the messages a project sends per minute, independent of our own capacity",
      parties: ["push-gateway"],
      mitigation:
        "Queue per platform with a token bucket under the project's quota, collapse repeats before sending, ask for a raised quota ahead of a campaign, and back off on 429 answers",
      formula: {
        yields: "share of the outside party's per-account limit the calls use",
        expression: "peak_workflows_per_sec / provider_requests_per_sec",
        unit: "fraction",
      },
    },
    {
      unlessTopic: NOT_ENGINE,
      bottleneck: "Idempotency record storage grows with every request for the whole dedup window",
      mitigation: "Keep records for the longest period a client may retry, then expire them with a TTL",
      formula: {
        yields: "idempotency record bytes held",
        expression: "workflows_per_sec * 86400 * retention_days * message_bytes",
        unit: "B",
      },
    },
  ],
  silhouette: {
    storage: "workflow truth + outbox + delivery attempts",
    coordination: "state transition + idempotent effect",
    serving: "status read / reconciled effect",
  },
  topicSilhouettes: [
    WF_SILHOUETTE,
    PSP_SILHOUETTE,
    {
      storage: "messages + per-recipient sends + templates + suppression list",
      coordination: "suppression check on accept, per-recipient-domain pacing, SMTP reply classification",
      serving: "outcome per recipient, updated by bounces and complaints",
      topic: "email",
    },
    {
      storage: "notifications + per-channel deliveries + contact points and preferences",
      coordination: "routing per channel and contact point, per-channel pacing, dead contact points",
      serving: "outcome per channel and contact point",
      topic: "multi-channel",
    },
  ],
  technologies: [
    ...WF_TECHNOLOGIES,
    ...PSP_TECHNOLOGIES,
    {
      unlessTopic: NOT_ENGINE,
      product: "PostgreSQL workflow and outbox tables",
      layer: "storage",
      fits: "The state change and its outbox entry commit in one local transaction, and relays claim entries with SKIP LOCKED",
      suits: ["durable", "linearizable", "exactly-once", "operational-simplicity"],
      poorFor: ["elastic-scale", "multi-region"],
      caveat: "Exactly-once holds only up to the boundary: the provider still has to honour the idempotency key",
      fills: ["outbox relay"],
    },
    {
      product: "Temporal (or Cadence)",
      layer: "coordination",
      fits: "Workflow code is replayed from a durable event history, so steps, timers, retries and compensations survive crashes",
      suits: ["durable", "at-least-once", "ordering"],
      poorFor: ["low-latency", "operational-simplicity"],
      caveat:
        "Workflow state advances once because it is rebuilt from history, but activities are retried and so run at least once (at most once only by giving up retries); the external call inside an activity still needs an idempotency key",
      instead: ["transactional-outbox"],
    },
    {
      product: "AWS Step Functions",
      layer: "coordination",
      fits: "A managed state machine with per-step retries, catch handlers for compensation and waits for callbacks",
      suits: ["operational-simplicity", "durable", "elastic-scale"],
      poorFor: ["low-cost", "high-throughput", "low-latency"],
      caveat:
        "Standard workflows charge per state transition, and express workflows give up exactly-once step execution",
      instead: ["transactional-outbox"],
    },
    // KumoMTA: docs.kumomta.com "Traffic Shaping" (per egress path: connection_limit, max_message_rate, MX-site
    // grouping); Postfix: default_destination_concurrency_limit, 20 by default (postfix.org rate controls)
    {
      product: "KumoMTA or Postfix as the MTA pool",
      layer: "serving",
      fits: "Queues mail per destination and caps each one: KumoMTA shapes each egress path (sending IP to a recipient's MX site) by connection limit and message rate, and Postfix caps simultaneous deliveries per destination (20 by default); both defer and retry on 4xx replies",
      suits: ["high-throughput", "at-least-once", "durable"],
      poorFor: ["operational-simplicity", "low-cost"],
      caveat: "Owning the MTAs means owning IP warm-up, reputation and the feedback loops with each mailbox provider",
      topic: "email",
    },
    // SES: docs.aws.amazon.com/ses quotas (sandbox 1/s and 200/day) and bounce/complaint notifications through SNS
    {
      product: "Amazon SES as the sending gateway",
      layer: "serving",
      fits: "A managed MTA pool that signs with DKIM, retries deferrals itself, and publishes bounce, complaint and delivery notifications to SNS topics",
      suits: ["operational-simplicity", "elastic-scale", "at-least-once"],
      poorFor: ["low-latency"],
      caveat:
        "Its per-account send rate and daily quota are granted by use case (1 a second and 200 a day in the sandbox), so a large sender asks for its quota ahead of growth",
      topic: "email",
    },
    {
      unlessTopic: NOT_ENGINE,
      product: "Debezium relaying the outbox to Kafka",
      layer: "serving",
      fits: "Change data capture turns committed outbox rows into ordered events without a polling relay",
      suits: ["high-throughput", "ordering", "at-least-once"],
      poorFor: ["exactly-once", "operational-simplicity"],
      caveat: "Consumers still see duplicates after connector restarts and must dedupe by effect id",
      fills: ["outbox relay"],
    },
  ],
  connections: [
    {
      to: "I05",
      role: "output",
      why: "outbox entries are relayed through a log or queue to the senders and to other services that react to workflow events",
    },
    {
      to: "I03",
      role: "decorator",
      why: "retry backoffs, step timeouts, reminders and provider grace periods are all due-time releases",
    },
    {
      to: "I02",
      role: "decorator",
      why: "one relay or worker at a time advances an instance or sends an outbox entry, under an expiring claim",
    },
    {
      to: "I16",
      role: "substrate",
      why: "idempotency records are key-scoped entries with a TTL, often kept in a replicated key-value store",
    },
  ],
  topicOverlays: [WF_OVERLAY, PSP_OVERLAY],
  topicScopes: [PSP_SCOPES],
  overlay: {
    driver:
      "incoming requests and provider callbacks that start or signal workflows, plus the relay polling the outbox",
    unit: "one workflow step, and within it one OutboxEntry that must reach the provider",
    worker: "workflow workers that execute steps and outbox relays that call providers",
    slot: "per-provider concurrency and rate budgets, which are usually tighter than worker capacity",
    state:
      "WorkflowInstance, OutboxEntry and IdempotencyRecord are authoritative; EffectAttempt rows, claims and next-attempt times are the attempt state",
    source: "client requests carrying idempotency keys, and signals such as approvals or provider webhooks",
    sink: "the external system (a payment processor, a bank, an email gateway or a webhook endpoint) and its own records",
    fabric: "the outbox, relayed by polling or change data capture, often through a queue per provider",
    maintenance:
      "reconciling unknown outcomes against provider records, replaying parked entries, expiring idempotency records and archiving finished instances",
  },
  /** The NFR stance a design takes when the prompt is silent, and where ordering, exclusivity and coordination hold. */
  stance: {
    consistency: "linearizable",
    availability: "fail-closed",
    delivery: "at-least-once",
    ordering: "per-key",
    durability: "durable",
    because:
      "an external effect cannot be taken back cheaply: it is sent at least once under a stable idempotency key, so it happens once in effect where the receiver honours the key, and is reconciled",
    scopes: {
      ordering: { scope: "key", why: "the steps of one workflow instance happen in order; instances are independent" },
      exclusivity: { scope: "key", why: "one executor advances a given workflow instance at a time" },
      coordination: { scope: "key", why: "state transitions are guarded per workflow instance" },
    },
  },
} satisfies ArchetypeInput;
