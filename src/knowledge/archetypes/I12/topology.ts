import type { ProtocolSpec, Topology } from "../../topology.js";
import { PUSH_API, PUSH_COMPONENTS, PUSH_DATA, PUSH_LINKS, PUSH_PROTOCOLS } from "./push.js";

/** Workflow with an external effect: API, workflow DB with outbox, relay workers, the provider, a reconciler. */
export const protocols: ProtocolSpec[] = [
  {
    name: "Transition with outbox, idempotent external call",
    unlessTopic: "push",
    notation:
      "clients>workflow-api[start with idempotency key {no IdempotencyRecord for the key}] -> workflow-api>workflow-db[transition and write outbox in one transaction {WorkflowInstance.state = expected and WorkflowInstance.version = v}] -> workflow-api>clients[workflow id, pending] -> relay>workflow-db[claim outbox entry {OutboxEntry.state = pending or OutboxEntry.claim_expires_at < now}] -> relay>provider[call with idempotency key = outbox id] -> provider>relay[outcome] -> relay>workflow-db[record outcome {WorkflowInstance.state = awaiting_effect}] |-> reconciler>provider[query by idempotency key {EffectAttempt.outcome = unknown}] => done | retry | repair | park",
  },
  {
    name: "Reconcile unknown outcomes",
    unlessTopic: "push",
    notation:
      "reconciler>workflow-db[list unsettled attempts {EffectAttempt.outcome = unknown and EffectAttempt.sent_at < now - grace}] -> reconciler>provider[look up record by idempotency key] -> provider>reconciler[provider record] -> reconciler>workflow-db[apply outcome {WorkflowInstance.state = awaiting_effect}] => done | repair | retry",
  },
  {
    name: "Provider callback",
    unlessTopic: "push",
    notation:
      "provider>workflow-api[callback with effect id and outcome] -> workflow-api>workflow-db[apply if still awaiting {WorkflowInstance.state = awaiting_effect}] -> workflow-api>provider[200, duplicates ignored] => done",
  },
  ...PUSH_PROTOCOLS,
];

export const topology: Topology = {
  components: [
    ...PUSH_COMPONENTS,
    {
      id: "clients",
      unlessTopic: "push",
      name: "Clients",
      kind: "client",
      runs: ["start", "status", "cancel"],
      because: "callers retry on timeouts, so every start carries an idempotency key",
    },
    {
      id: "workflow-api",
      unlessTopic: "push",
      name: "Workflow service (stateless API)",
      kind: "service",
      runs: ["start", "signal", "provider callbacks"],
      because: "accepts requests under idempotency keys and moves workflows only through guarded transitions",
    },
    {
      id: "workflow-db",
      unlessTopic: "push",
      name: "Workflow DB (primary + synchronous replica)",
      kind: "store",
      holds: ["WorkflowInstance", "OutboxEntry", "IdempotencyRecord", "EffectAttempt"],
      runs: ["transition + outbox in one transaction"],
      because:
        "the state change and the intent to call the provider commit together, so neither happens without the other",
    },
    {
      id: "relay",
      unlessTopic: "push",
      name: "Outbox relay workers",
      kind: "worker-pool",
      runs: ["claim outbox entry", "call provider", "record outcome"],
      because:
        "the external call happens outside the transaction, at least once, keyed so the provider applies it once",
    },
    {
      id: "provider",
      unlessTopic: "push",
      name: "External system (provider, partner or endpoint)",
      kind: "external",
      holds: ["ProviderRecord"],
      runs: ["apply effect once per idempotency key"],
      because:
        "the effect lands outside our system and can only be made safe by its idempotency key and by reconciliation",
    },
    {
      id: "reconciler",
      unlessTopic: "push",
      name: "Reconciler",
      kind: "control-loop",
      runs: ["settle unknown outcomes", "compare with provider reports"],
      because: "a timeout leaves the outcome unknown; only asking the provider settles it",
    },
  ],
  links: [
    ...PUSH_LINKS,
    { from: "clients", to: "workflow-api", kind: "request", label: "start / status / cancel", unlessTopic: "push" },
    {
      from: "workflow-api",
      to: "workflow-db",
      kind: "request",
      label: "transition + outbox (one transaction)",
      unlessTopic: "push",
    },
    { from: "relay", to: "workflow-db", kind: "request", label: "claim outbox, record outcome", unlessTopic: "push" },
    { from: "relay", to: "provider", kind: "request", label: "call with idempotency key", unlessTopic: "push" },
    { from: "provider", to: "workflow-api", kind: "callback", label: "webhook outcome", unlessTopic: "push" },
    { from: "reconciler", to: "provider", kind: "control", label: "look up unknown outcomes", unlessTopic: "push" },
    { from: "reconciler", to: "workflow-db", kind: "control", label: "apply settled outcomes", unlessTopic: "push" },
  ],
  api: [
    ...PUSH_API,
    {
      operation: "start",
      unlessTopic: "push",
      call: "POST /v1/workflows",
      request: ["type", "input", "idempotency_key"],
      response: ["workflow_id", "state"],
      errors: ["409 same key with a different request", "422 invalid input"],
      guarantee:
        "a repeat with the same key returns the first workflow and its result; the effect happens at most once",
    },
    {
      operation: "status",
      unlessTopic: "push",
      call: "GET /v1/workflows/{workflow_id}",
      request: ["workflow_id"],
      response: ["state", "step", "effect outcomes", "version"],
      errors: ["404 unknown workflow"],
      guarantee: "read from the workflow DB",
    },
    {
      operation: "cancel",
      unlessTopic: "push",
      call: "POST /v1/workflows/{workflow_id}:cancel",
      request: ["expected_version"],
      response: ["cancelled | compensating"],
      errors: ["409 too late (effect settled)"],
      guarantee: "a cancel never races an effect into a half-done state: settled effects are compensated",
    },
    {
      operation: "provider callback",
      unlessTopic: "push",
      call: "POST /v1/callbacks/{provider}",
      request: ["effect_id", "outcome", "signature"],
      response: ["200"],
      errors: ["401 bad signature"],
      guarantee: "duplicate callbacks are ignored",
    },
  ],
  dataModel: [
    ...PUSH_DATA,
    {
      entity: "WorkflowInstance",
      unlessTopic: "push",
      key: ["workflow_id"],
      fields: ["type", "state", "step", "version", "input"],
      indexes: ["(state, updated_at)"],
      partitionKey: "workflow_id",
      owner: "workflow-db",
    },
    {
      entity: "OutboxEntry",
      unlessTopic: "push",
      key: ["outbox_id"],
      fields: ["workflow_id", "effect", "state", "claimed_by", "claim_expires_at"],
      indexes: ["(state, created_at)"],
      partitionKey: "workflow_id",
      owner: "workflow-db",
    },
    {
      entity: "IdempotencyRecord",
      unlessTopic: "push",
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
};
