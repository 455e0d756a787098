import type { z } from "zod";
import { fig } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { MechanismId, Technology } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * A projection whose subject is scoring each transaction (or click, or login) for fraud as it happens (topic
 * "fraud-scoring", knowledge/topics.ts): a card issuer's or payment company's risk engine, ad click fraud scoring,
 * account-takeover risk at login. The caller (the authorisation path) waits for the answer, so the score is a
 * synchronous call with a deadline: the scorer reads the online features of the card, the merchant and the device
 * from a low-latency key-value store, runs the live model version and the rules, and answers approve, review or
 * decline. The features are a read copy derived from the transaction stream (velocity counters over sliding windows,
 * the last place a card was seen), so the projection's concerns hold: each transaction is applied to them once, late
 * at worst. "Scored exactly once" is one Decision per transaction id, written by a conditional insert with the score,
 * the model version and the features it used, so a retried authorisation gets the stored answer. Chargebacks and
 * analysts' verdicts come back later as labels, joined to the stored features for training.
 *
 * Facts, checked against primary sources:
 * - Feast's online store serves features at low latency and keeps only the latest value per entity key (no history);
 *   values arrive by materialization from a source or are written directly through push sources (Feast docs,
 *   "Online store").
 * - Flink's sliding event-time windows have a size and a slide; an element is assigned to size / slide overlapping
 *   windows (SlidingEventTimeWindows.assignWindows in Flink's source).
 * - Stripe Radar scores each payment in real time with a risk score from a model over many signals and learns from
 *   payments marked fraudulent; its rules take the actions allow, block, review (manual review of a charge) or request
 *   3DS (Stripe docs, "Transaction risk prevention", "Radar rules").
 * Planning figures (scorer throughput, key-value node rate, the latency split) are assumptions, said in their rows.
 */

const T = "fraud-scoring" as const;
type TechnologyInput = z.input<typeof Technology>;

export const FRAUD_ENTITIES = [
  {
    name: "TransactionEvent",
    description:
      "One transaction the caller asked about (a card authorisation, a click, a login) with its transaction id, card or account, merchant, device, amount, country, time and the decision made. The feature counters and training sets are rebuilt from these events.",
    truth: true,
    topic: T,
  },
  {
    name: "Decision",
    description:
      "The one answer for a transaction id: approve, review or decline, the score, the model version, the rules that fired, the feature values it read and whether the model or the fallback rules decided; written once and returned to every retry.",
    truth: true,
    topic: T,
  },
  {
    name: "FeatureCounter",
    description:
      "One entity's online features (a card's, a merchant's, a device's): counts and amounts over sliding windows (a minute, an hour, a day), distinct merchants and countries, the last place and time seen, and the recent transaction ids already applied; derived from the transaction log.",
    truth: false,
    topic: T,
  },
  {
    name: "ModelVersion",
    description:
      "An immutable trained model and its thresholds, with its stage (shadow, canary, live, retired) and its share of traffic; exactly one live version decides, a shadow version is scored beside it and never decides.",
    truth: true,
    topic: T,
  },
  {
    name: "FraudLabel",
    description:
      "What later proved true of a transaction: a chargeback, a cardholder's fraud report or an analyst's verdict, keyed by (transaction id, source) and joined to the Decision's stored features for training.",
    truth: true,
    topic: T,
  },
  {
    name: "ReviewCase",
    description:
      "A transaction decided 'review', queued for an analyst: open, claimed, then resolved once with a verdict that becomes a label.",
    truth: true,
    topic: T,
  },
] as const;

export const FRAUD_WRITES = [
  {
    action:
      "record the one Decision per transaction id: insert it only where none exists, with the score, the model version and the features used",
    entity: "Decision",
    shape: "create target",
    mechanism: "put-if-absent",
    critical: true,
    topic: T,
  },
  {
    action:
      "append each scored transaction to the transaction log with its id, card, merchant, device, amount, time and decision, relayed from the outbox row its decision's insert wrote in the same transaction",
    entity: "TransactionEvent",
    shape: "append event",
    mechanism: "transactional-outbox",
    topic: T,
  },
  {
    action:
      "add a transaction to its card's, merchant's and device's window counters once, skipping a transaction id the key already applied",
    entity: "FeatureCounter",
    shape: "async process",
    mechanism: "idempotent-receiver",
    critical: true,
    topic: T,
  },
  {
    action:
      "stage a new model version as shadow, then canary, then live by a conditional write on the registry's live pointer",
    entity: "ModelVersion",
    shape: "state transition",
    mechanism: "head-pointer-cas",
    hidden: true,
    topic: T,
  },
  {
    action:
      "record a label from a dispute, a fraud report or an analyst's verdict once per (transaction id, source) and join it to the Decision's stored features for training",
    entity: "FraudLabel",
    shape: "create target",
    mechanism: "put-if-absent",
    hidden: true,
    topic: T,
  },
  {
    action: "open a review case for a 'review' decision and resolve it once with the analyst's verdict",
    entity: "ReviewCase",
    shape: "state transition",
    mechanism: "guarded-transition",
    hidden: true,
    topic: T,
  },
] as const;

export const FRAUD_READS = [
  {
    action:
      "read the window counters of the card, its merchant and its device from the online feature store in one multi-get",
    entity: "FeatureCounter",
    shape: "read projection",
    staleness:
      "The counters trail the transaction log by the feature updater's lag (about a second); the scorer adds the transaction it is scoring to what it read, so only transactions in that last second are missing.",
    topic: T,
  },
  {
    action: "read a transaction's stored decision by its transaction id",
    entity: "Decision",
    shape: "read source",
    staleness: "None: the decision is read from its one row in the decision store, which never changes once written.",
    topic: T,
  },
] as const;

export const FRAUD_INVARIANTS = [
  "A txn_id has at most one Decision: a retried score call for the same txn_id returns the stored Decision and is never scored again.",
  "A Decision holds the score, the ModelVersion and the feature values it used, so every decision can be explained and replayed.",
  "Each TransactionEvent is added to a FeatureCounter at most once: a redelivered or replayed event whose txn_id the counter already applied changes nothing.",
  "The caller gets a Decision within the latency budget: when the model misses its deadline the rules alone decide, and the Decision says it was a fallback.",
  "Exactly one ModelVersion is live at a time; a shadow version's score is recorded but never decides.",
];

/** The mechanism that keeps each of the fraud scoring's rules (`keptBy` on the card's invariant marks). */
export const FRAUD_KEPT_BY: Readonly<Record<string, MechanismId>> = {
  "A txn_id has at most one Decision: a retried score call for the same txn_id returns the stored Decision and is never scored again.":
    "put-if-absent",
  "Each TransactionEvent is added to a FeatureCounter at most once: a redelivered or replayed event whose txn_id the counter already applied changes nothing.":
    "idempotent-receiver",
  "Exactly one ModelVersion is live at a time; a shadow version's score is recorded but never decides.":
    "head-pointer-cas",
};

export const FRAUD_SCOPES = {
  topic: T,
  ordering: {
    scope: "key",
    why: "a card's transactions are applied to its counters in the log's per-card order; different cards are independent",
  },
  exclusivity: {
    scope: "key",
    why: "one Decision per transaction id, taken by a conditional insert on that id",
  },
  coordination: {
    scope: "partition",
    why: "the feature updater owns each log partition (cards hashed to it) and checkpoints its offset per partition",
  },
} as const;

export const FRAUD_FAILURES = [
  {
    failure: "The model servers slow down or fail, so scores would come back after the authorisation's deadline",
    role: "derived",
    prevention:
      "The scorer gives the model a deadline inside the budget; past it the rules and an amount limit decide, the Decision is marked as a fallback, and the model servers shed load rather than queue",
    repair:
      "Fallback decisions are rescored by the model once it recovers, and those it would have declined go to review; alert on the fallback share",
    topic: T,
  },
  {
    failure:
      "The authorisation times out and is retried while the first score call is still running, so the transaction could be scored twice with different answers",
    role: "coordination",
    prevention:
      "Both calls insert the Decision keyed by transaction id only where none exists; the loser reads and returns the winner's Decision, so one answer stands",
    repair: "Nothing to repair: the stored Decision is the answer every retry gets",
    topic: T,
  },
  {
    failure:
      "The feature updater crashes after updating counters but before checkpointing its offset, so the replay adds the same transactions again",
    role: "derived",
    prevention:
      "Each counter keeps the recent transaction ids it applied and skips one it has seen, so a replay from the last checkpoint changes nothing",
    repair: "Rebuild a key's counters from the transaction log if they are ever in doubt",
    topic: T,
  },
  {
    failure:
      "A burst of card-testing transactions arrives faster than the updater's lag, so each one is scored against counters that do not yet hold the others",
    role: "truth",
    prevention:
      "The scorer adds the transaction it scores to the counters it read, and the shortest window (a minute) is also bumped on the scoring path by an add keyed by transaction id",
    repair: "Decisions in the burst are rescored from the log and their cards blocked; analysts review them",
    topic: T,
  },
  {
    failure: "A new model version scores worse than the live one and declines good customers or lets fraud through",
    role: "truth",
    prevention:
      "A new version runs in shadow on all traffic, then as a canary on a small share, compared on approval rate and later labels before it goes live",
    repair: "Move the live pointer back to the previous version, which the model servers still hold",
    topic: T,
  },
  {
    failure: "A feature store shard is unreachable, so some features are missing when a transaction is scored",
    role: "coordination",
    prevention:
      "Each shard has replicas across zones; the scorer scores with the missing features marked absent (the model is trained with absent values) and stores which were absent in the Decision",
    repair: "A replica is promoted and the shard's counters are rebuilt from the log's last day if its replicas lag",
    topic: T,
  },
] as const;

export const FRAUD_BOTTLENECKS = [
  {
    bottleneck:
      "Every transaction reads several entities' counters from the online feature store and adds to each of them once",
    mitigation:
      "Read the card, merchant and device rows in one parallel multi-get, keep counters in memory, and shard by entity id",
    formula: {
      yields: "feature store reads a second at peak",
      expression: "requests_per_sec * peak_factor * feature_keys_per_txn",
      unit: "reads/s",
    },
    topic: T,
  },
  {
    bottleneck:
      "The latency budget: the hop from the caller, the feature fetch, the model, the rules and the decision's insert must all fit under the target",
    mitigation:
      "Fetch features in parallel, keep the model in the scorer's memory, give the model a deadline and decide by rules past it",
    topic: T,
  },
  {
    bottleneck: "A merchant or a shared device is a hot key: every transaction at a big merchant adds to one counter",
    mitigation: "Combine a hot key's adds in the updater per batch and spread its counter over sub-keys summed on read",
    topic: T,
  },
] as const;

export const FRAUD_TECHNOLOGIES: TechnologyInput[] = [
  {
    product: "Redis Cluster (online feature store)",
    layer: "storage",
    fits: "In-memory hashes per card, merchant and device answer a multi-get in about a millisecond inside a zone; sharded by key.",
    suits: ["low-latency", "high-throughput"],
    poorFor: ["low-cost"],
    caveat:
      "Replication is asynchronous, so a failover can lose the last second of counter updates; they are rebuilt from the log.",
    fills: ["online feature store"],
    topic: T,
  },
  {
    product: "Feast (feature definitions and online store)",
    layer: "serving",
    fits: "Declares features once for training and serving; its online store keeps the latest value per entity key, written by materialization or push sources.",
    suits: ["operational-simplicity"],
    poorFor: ["low-latency"],
    caveat: "It keeps no history in the online store, so windows are computed by the stream job that pushes to it.",
    topic: T,
  },
  {
    product: "Apache Flink (feature updater)",
    layer: "coordination",
    fits: "Keyed state per card and sliding event-time windows, with checkpoints holding the log offsets beside the state.",
    suits: ["high-throughput", "elastic-scale"],
    poorFor: ["operational-simplicity"],
    caveat: "A window of size s sliding by d puts each event in s / d windows, so short slides multiply state.",
    fills: ["feature updater"],
    topic: T,
  },
  {
    product: "Kafka (transaction log)",
    layer: "storage",
    fits: "A replicated log partitioned by card id, kept for days, that the feature updater and training read at their own offsets.",
    suits: ["high-throughput", "durable", "ordering"],
    poorFor: ["operational-simplicity"],
    caveat:
      "Order holds within a partition only, so the log is partitioned by card id to keep one card's transactions in order.",
    fills: ["transaction log"],
    topic: T,
  },
];

export const FRAUD_COMPONENTS: ComponentSpec[] = [
  {
    id: "auth-caller",
    name: "Authorisation service (the caller, waits for the decision)",
    kind: "client",
    runs: ["score a transaction within its deadline", "approve, hold or decline by the decision"],
    because: "the decision sits on the authorisation path, so the caller waits for it and retries with the same id",
    topic: T,
  },
  {
    id: "scorer",
    name: "Scoring service (decision API: features, model, rules, fallback)",
    kind: "gateway",
    runs: [
      "return a stored decision",
      "fetch features",
      "score on the live model",
      "apply rules",
      "decide by rules past the deadline",
    ],
    because:
      "one service owns the deadline: it decides by rules when the model is late, so the caller always gets an answer",
    topic: T,
  },
  {
    id: "decision-store",
    name: "Decision store (one row per transaction id)",
    kind: "store",
    holds: ["Decision", "ReviewCase"],
    runs: ["insert if absent, with an outbox row", "read by transaction id", "relay outbox rows to the log"],
    because:
      "a conditional insert on the transaction id is what makes each transaction scored once, and the outbox row written in the same transaction gets every stored decision to the log, even if the scorer crashes right after answering",
    topic: T,
  },
  {
    id: "feature-store",
    name: "Online feature store (in-memory key-value, per card, merchant and device)",
    kind: "store",
    holds: ["FeatureCounter"],
    runs: ["multi-get counters", "apply adds once per transaction id"],
    because: "velocity features must be read in milliseconds, so they are kept precomputed per entity in memory",
    topic: T,
  },
  {
    id: "model-servers",
    name: "Model servers (live, canary and shadow versions in memory)",
    kind: "service",
    holds: ["ModelVersion"],
    runs: ["score a feature vector", "score the shadow version beside it"],
    because: "a model held in memory scores a feature vector in a few milliseconds",
    topic: T,
  },
  {
    id: "txn-log",
    name: "Transaction log (partitioned by card id)",
    kind: "log",
    holds: ["TransactionEvent"],
    runs: ["append", "read from an offset"],
    because: "the transactions are the truth the counters, training data and replays are rebuilt from",
    topic: T,
  },
  {
    id: "feature-updater",
    name: "Feature updater (stream job: sliding-window counters per key)",
    kind: "worker-pool",
    runs: ["add to window counters once per transaction id", "checkpoint offsets"],
    because: "counting in the stream keeps writes off the scoring path while the counters trail by about a second",
    topic: T,
  },
  {
    id: "model-registry",
    name: "Model registry (versions, stages, live pointer)",
    kind: "store",
    runs: ["stage a version", "move the live pointer"],
    because: "every version stays loadable, so a canary is compared and a bad model rolls back by one pointer move",
    topic: T,
  },
  {
    id: "label-store",
    name: "Label and training store (decisions, features used, chargebacks)",
    kind: "store",
    holds: ["FraudLabel"],
    runs: ["record a label once", "join labels to stored features"],
    because:
      "labels arrive weeks later; joined to the features each decision used, they train the next model without leakage",
    topic: T,
  },
  {
    id: "trainer",
    name: "Training pipeline (offline, builds candidate model versions)",
    kind: "control-loop",
    runs: ["train on labelled decisions", "register a candidate version"],
    because: "fraud patterns drift, so models are retrained on recent labels and shipped through shadow and canary",
    topic: T,
  },
  {
    id: "review-queue",
    name: "Review queue (analysts' cases for 'review' decisions)",
    kind: "service",
    runs: ["open a case", "resolve a case once"],
    because: "borderline transactions are held for a person, whose verdict is also a label",
    topic: T,
  },
];

export const FRAUD_LINKS: LinkSpec[] = [
  { from: "auth-caller", to: "scorer", kind: "request", label: "score(txn) with a deadline", topic: T },
  { from: "scorer", to: "decision-store", kind: "request", label: "insert decision if absent", topic: T },
  { from: "scorer", to: "feature-store", kind: "request", label: "multi-get card, merchant, device", topic: T },
  { from: "scorer", to: "model-servers", kind: "request", label: "score features on the live model", topic: T },
  {
    from: "decision-store",
    to: "txn-log",
    kind: "stream",
    label: "scored transactions, relayed from the outbox once per transaction id",
    topic: T,
  },
  { from: "txn-log", to: "feature-updater", kind: "stream", label: "transactions by card partition", topic: T },
  { from: "feature-updater", to: "feature-store", kind: "stream", label: "window adds keyed by txn id", topic: T },
  { from: "scorer", to: "review-queue", kind: "stream", label: "'review' decisions", topic: T },
  { from: "review-queue", to: "label-store", kind: "stream", label: "analysts' verdicts", topic: T },
  { from: "txn-log", to: "label-store", kind: "stream", label: "decisions with features used", topic: T },
  { from: "trainer", to: "label-store", kind: "request", label: "read labelled decisions", topic: T },
  { from: "trainer", to: "model-registry", kind: "request", label: "register candidate version", topic: T },
  { from: "model-servers", to: "model-registry", kind: "control", label: "watch stages, load versions", topic: T },
];

export const FRAUD_API: ApiSpec[] = [
  {
    operation: "score transaction",
    call: "POST /v1/score",
    request: ["txn_id", "card_id", "merchant_id", "device_id", "amount", "currency", "country", "time"],
    response: [
      "decision (approve, review or decline)",
      "score",
      "model_version",
      "reasons",
      "decided_by (model or fallback)",
    ],
    errors: ["400 missing transaction id", "409 transaction id reused with a different body"],
    guarantee:
      "one decision per txn_id: a retry returns the stored decision; answered within the deadline, by the rules alone when the model is late",
    topic: T,
  },
  {
    operation: "read decision",
    call: "GET /v1/decisions/{txn_id}",
    request: ["txn_id"],
    response: ["decision", "score", "model_version", "features used"],
    errors: ["404 never scored"],
    guarantee: "the decision it returns is the stored one, unchanged since it was made",
    topic: T,
  },
  {
    operation: "record label",
    call: "POST /v1/labels",
    request: ["txn_id", "source (chargeback, report, analyst)", "label"],
    response: ["recorded"],
    errors: ["404 unknown transaction"],
    guarantee: "recorded once per (txn_id, source); a repeat changes nothing",
    topic: T,
  },
  {
    operation: "resolve review case",
    call: "POST /v1/cases/{txn_id}/resolve",
    request: ["verdict", "analyst"],
    response: ["resolved"],
    errors: ["409 case already resolved"],
    guarantee: "a case is resolved once; its verdict becomes a label",
    topic: T,
  },
  {
    operation: "stage model version",
    call: "POST /v1/models/{version}/stage",
    request: ["stage (shadow, canary or live)", "traffic share", "expected live version"],
    response: ["stage"],
    errors: ["409 live version moved"],
    guarantee: "exactly one live version; a shadow version is scored but never decides",
    topic: T,
  },
];

export const FRAUD_DATA: DataSpec[] = [
  {
    entity: "Decision",
    key: ["txn_id"],
    fields: ["decision", "score", "model_version", "rules_fired", "features_used", "decided_by", "decided_at"],
    indexes: ["card_id, decided_at"],
    partitionKey: "txn_id",
    owner: "decision-store",
    topic: T,
  },
  {
    entity: "FeatureCounter",
    key: ["entity_type", "entity_id"],
    fields: [
      "count and amount per window (1 min, 1 h, 24 h)",
      "distinct merchants and countries",
      "last_country, last_seen_at",
      "recent applied txn_ids",
    ],
    indexes: [],
    partitionKey: "entity_id",
    owner: "feature-store",
    topic: T,
  },
  {
    entity: "TransactionEvent",
    key: ["card_id", "log_offset"],
    fields: ["txn_id", "merchant_id", "device_id", "amount", "country", "event_time", "decision", "model_version"],
    indexes: [],
    partitionKey: "card_id",
    owner: "txn-log",
    topic: T,
  },
  {
    entity: "ModelVersion",
    key: ["version"],
    fields: ["artifact_uri", "stage", "traffic_share", "thresholds", "trained_on"],
    indexes: [],
    owner: "model-servers",
    topic: T,
  },
  {
    entity: "FraudLabel",
    key: ["txn_id", "source"],
    fields: ["label", "reported_at"],
    indexes: [],
    partitionKey: "txn_id",
    owner: "label-store",
    topic: T,
  },
  {
    entity: "ReviewCase",
    key: ["txn_id"],
    fields: ["state", "analyst", "verdict", "opened_at"],
    indexes: ["state, opened_at"],
    partitionKey: "txn_id",
    owner: "decision-store",
    topic: T,
  },
];

export const FRAUD_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Score a transaction on the authorisation path",
    notation:
      "auth-caller>scorer[score the transaction with its txn id and a deadline] -> scorer>decision-store[read the decision for txn_id] -> decision-store>scorer[none stored yet] -> scorer>feature-store[multi-get the counters of its card and merchant and device] -> scorer>model-servers[score the features on the live version and the shadow beside it] -> scorer[decide approve or review or decline by rules and thresholds and by rules alone past the model's deadline] -> scorer>decision-store[insert the decision with its score and features and its outbox row in one transaction {no Decision for txn_id yet}] -> scorer>auth-caller[the decision with its score and model version] -> decision-store>txn-log[outbox relay appends the scored transaction keyed by txn id] |-> decision-store>scorer[the decision an earlier call stored {Decision exists for txn_id}] -> scorer>auth-caller[that stored decision, not scored again] => done | retry",
    topic: T,
  },
  {
    name: "Update features from the transaction log",
    notation:
      "txn-log>feature-updater[deliver transactions from the checkpointed offset] -> feature-updater>feature-store[add to the window counters of card, merchant and device {txn_id not in the key's applied set}] -> feature-updater>txn-log[commit the offset] => done | retry",
    topic: T,
  },
  {
    name: "Label, review and retrain",
    notation:
      "scorer>review-queue[open a case for a 'review' decision] -> review-queue>label-store[record the verdict once per (txn_id, source)] -> trainer>label-store[read decisions with their stored features and labels] -> trainer>model-registry[register a candidate version] -> model-servers>model-registry[load it as shadow, then canary, then live {live pointer as expected}] => done | rollback",
    topic: T,
  },
];

/**
 * The fraud scoring's capacity: the scored rate (stated, or typical), the scorer nodes it takes, the feature-store
 * reads and counter adds, the latency budget split and the deadline the model gets, and the decisions kept a day.
 */
export const FRAUD_CAPACITY: CapacityModel = {
  inputs: [
    {
      quantity: "requests_per_sec",
      typical: 10000,
      why: "a large card issuer or payment company scores about ten thousand transactions a second (a planning figure)",
      from: [
        { expression: "messages_per_sec", why: "each stated event is one transaction to score" },
        { expression: "writes_per_sec", why: "each stated transaction is one score call" },
        { expression: "reads_per_sec", why: "each stated request is one score call" },
      ],
    },
    {
      quantity: "feature_keys_per_txn",
      label: "entities whose features one score reads",
      unit: "keys",
      typical: 3,
      why: "the card (or account), the merchant and the device: one row each",
    },
    {
      quantity: "windows_per_key",
      label: "sliding windows each entity's counters keep",
      unit: "windows",
      typical: 3,
      why: "a minute catches card testing, an hour and a day catch spending sprees",
    },
    {
      quantity: "scorer_txn_per_sec",
      label: "transactions one scoring node scores a second",
      unit: "txn/s",
      typical: 2000,
      why: "a tree model over about a hundred features takes well under a millisecond of CPU; with rules, parsing and the calls' overhead a 16-core node scores about two thousand a second (a planning figure; measure it)",
    },
    {
      quantity: "scorer_utilisation",
      label: "share of a scoring node's rate planned for at peak",
      unit: "fraction",
      typical: 0.5,
      why: "half, so the tail latency stays inside the budget and a zone's nodes can fail",
    },
    {
      quantity: "kv_node_ops_per_sec",
      label: "key reads and adds one in-memory feature store node serves a second",
      unit: "ops/s",
      typical: 100000,
      why: "an in-memory key-value node answers on the order of a hundred thousand small operations a second (a planning figure)",
    },
    {
      quantity: "latency_budget_ms",
      typical: 200,
      why: "a card authorisation allows the risk check a few hundred milliseconds of its time",
    },
    {
      quantity: "caller_hop_ms",
      label: "round trip from the caller to the scoring service and back",
      unit: "ms",
      typical: 5,
      why: "both run in the same region over kept-alive connections; a hop and back takes about a millisecond, five at the tail",
    },
    {
      quantity: "feature_fetch_ms",
      label: "one parallel multi-get of the entities' counters, at the tail",
      unit: "ms",
      typical: 10,
      why: "an in-memory read in the same zone takes about a millisecond; ten covers the slowest of three at p99",
    },
    {
      quantity: "model_ms",
      label: "scoring one feature vector on the model servers, queueing included",
      unit: "ms",
      typical: 10,
      why: "a tree ensemble scores in about a millisecond; ten covers queueing at p99 on a node run at half its rate",
    },
    {
      quantity: "rules_ms",
      label: "evaluating the rules and thresholds",
      unit: "ms",
      typical: 5,
      why: "a few hundred compiled rules over values already in memory",
    },
    {
      quantity: "decision_write_ms",
      label: "the conditional insert of the decision, replicated",
      unit: "ms",
      typical: 10,
      why: "a write acknowledged by a replica in another zone of the region: a few milliseconds, ten at the tail",
    },
    {
      quantity: "decision_bytes",
      label: "bytes per stored decision with the features it used",
      unit: "B",
      typical: 2000,
      why: "the decision, score, version and reasons, plus about a hundred feature values",
    },
    {
      quantity: "review_share",
      label: "share of transactions decided 'review'",
      unit: "fraction",
      typical: 0.0001,
      why: "only a narrow band just under the decline threshold, about one in ten thousand; at card volumes most of that band is sent to a step-up check (3-D Secure, a one-time code) rather than to a person (a planning figure)",
    },
  ],
  figures: [
    fig("peak_scores", "transactions scored a second at peak", "peak", "requests_per_sec * peak_factor", "txn/s"),
    fig(
      "scorer_nodes",
      "scoring nodes at the planned utilisation",
      "count",
      "requests_per_sec * peak_factor / (scorer_txn_per_sec * scorer_utilisation)",
      "nodes",
      true,
    ),
    fig(
      "feature_reads",
      "feature store reads a second at peak, one per entity per transaction",
      "rate",
      "requests_per_sec * peak_factor * feature_keys_per_txn",
      "reads/s",
    ),
    fig(
      "counter_adds",
      "counter adds a second at peak, one per entity and window per transaction",
      "rate",
      "requests_per_sec * peak_factor * feature_keys_per_txn * windows_per_key",
      "adds/s",
    ),
    fig(
      "feature_store_nodes",
      "feature store shards for those reads and adds",
      "count",
      "(feature_reads + counter_adds) / kv_node_ops_per_sec",
      "shards",
      true,
    ),
    fig(
      "model_deadline_ms",
      "the model's deadline: what the budget leaves after the hop, the features, the rules and the insert",
      "time",
      "latency_budget_ms - caller_hop_ms - feature_fetch_ms - rules_ms - decision_write_ms",
      "ms",
    ),
    fig(
      "latency_slack_ms",
      "latency left after the hop, the features, the model, the rules and the insert",
      "time",
      "latency_budget_ms - caller_hop_ms - feature_fetch_ms - model_ms - rules_ms - decision_write_ms",
      "ms",
    ),
    fig(
      "decision_bytes_per_day",
      "decisions with their features stored a day",
      "storage",
      "requests_per_sec * decision_bytes * 86400",
      "B/day",
    ),
    fig(
      "review_cases_per_day",
      "transactions sent to review a day",
      "rate",
      "requests_per_sec * review_share * 86400",
      "cases/day",
    ),
  ],
};

export const FRAUD_DECISIONS: DecisionPoint[] = [
  {
    id: "i06-fraud-fallback",
    topic: T,
    question: "When the model misses its deadline, decide by the rules alone (fail open), or decline (fail closed)?",
    options: [
      {
        id: "rules-fallback",
        name: "fail open to the rules alone, with an amount limit above which the transaction goes to review",
        buys: "good customers keep paying through a model outage, and large amounts still get a second look",
        costs: "fraud the rules miss gets through while the model is down, so the fallback share must be watched",
        winsWhen: "declining good customers costs more than the fraud let through during a short outage",
      },
      {
        id: "decline",
        name: "fail closed: decline or hold every transaction the model cannot score in time",
        buys: "no transaction is approved without the model",
        costs: "a model outage becomes an outage of payments, declining every good customer",
        winsWhen:
          "one fraudulent approval costs more than refusing every customer during an outage (high-value transfers)",
        wins: [
          {
            words: String.raw`\b(?:fail[- ]closed|never approve\w* without|wire transfers?|high[- ]value transfers?)\b`,
          },
        ],
      },
    ],
    rules: [
      {
        when: [
          {
            words: String.raw`\b(?:fail[- ]closed|never approve\w* without|wire transfers?|high[- ]value transfers?)\b`,
          },
        ],
        option: "decline",
        because: "the prompt makes an unscored approval the worse failure",
      },
    ],
    fallback: {
      option: "rules-fallback",
      because:
        "most transactions are good, so declining them all in an outage costs more than the fraud the rules miss for minutes",
    },
  },
  {
    id: "i06-fraud-features",
    topic: T,
    question: "Update the velocity counters from the transaction stream, or inline on the scoring path?",
    options: [
      {
        id: "stream",
        name: "from the transaction stream, once per transaction id, each scored transaction relayed to it from the decision's outbox row",
        buys: "no writes on the scoring path, counters rebuilt from the log, one place that counts",
        costs: "counters trail by the stream's lag (about a second), so a fast burst is partly unseen",
        winsWhen: "the rate is high and the latency budget leaves little room for writes",
      },
      {
        id: "inline",
        name: "inline: the scorer adds to every counter before it answers",
        buys: "counters that hold every transaction scored so far",
        costs:
          "writes to several keys on every score call, in the latency budget, and a retried call must not add twice",
        winsWhen: "the rate is low and bursts must be seen at once",
      },
    ],
    rules: [
      {
        when: [{ number: "peak_scores", atLeast: 5000 }],
        option: "stream",
        because: "thousands of score calls a second would each pay for several counter writes on the path",
      },
    ],
    fallback: { option: "stream", because: "the scoring path stays read-only apart from the decision's one insert" },
  },
  {
    id: "i06-fraud-rollout",
    topic: T,
    question: "Ship a new model version straight to live, or through shadow and canary first?",
    options: [
      {
        id: "shadow-canary",
        name: "a staged rollout: the new version scores all traffic in shadow without deciding, then decides for a canary share, then goes live, with rollback by the live pointer",
        buys: "a bad model is caught on real traffic before it decides, and rolled back in one move",
        costs: "scoring twice during shadow, and a rollout takes days",
        winsWhen: "a wrong decline or approval costs money and customers",
      },
      {
        id: "direct",
        name: "a direct swap: the live model replaced right after offline validation",
        buys: "a new model decides the same day",
        costs: "offline metrics miss drift in live traffic; a bad model decides until someone notices",
        winsWhen: "the decisions are cheap to get wrong",
      },
    ],
    rules: [],
    fallback: {
      option: "shadow-canary",
      because: "a model that declines good customers is costly, and shadow scoring shows it before it decides",
    },
  },
];
