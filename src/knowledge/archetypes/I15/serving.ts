import type { z } from "zod";
import { fig } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { MechanismId } from "../../mechanisms/catalog.js";
import type { Technology } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * Online model serving (topic "model-serving", knowledge/topics.ts): a platform that answers prediction requests from
 * trained models held in memory on a fleet of GPU or CPU replicas, under a stated rate and latency, while new model
 * versions replace old ones without downtime. A model version is an immutable artifact: its files are stored once by
 * content digest in an artifact store and registered as (model, version) in a model registry that never lets a
 * version's content change. Each model's traffic split (its stable version, a canary version and percentage, a shadow
 * version) is one record moved by compare-and-set on its revision; the inference gateway checks the tenant's quota,
 * picks the version by hashing the request id into the split, fetches features the request lacks from the online
 * feature store, and sends the request to a replica that reports the version loaded and warm. On each replica a
 * dynamic batcher holds a request at most the maximum queue delay to fill a batch, so network + queue wait + batch
 * compute stays within the stated p99. A serving controller loads a new version on fresh replicas and lets the gateway
 * route to it only once it is ready; a rollout analyser compares the canary's errors, latency and prediction
 * distribution with the stable version's and rolls back by moving the split back in one write; the old version is
 * unloaded only after no split names it and its requests have drained. Every request and response is logged with the
 * version that answered, for monitoring and retraining. Building the features or training the models is not this
 * subject (a batch-training scheduler is TOPIC_UNLESS).
 *
 * Facts, checked against primary sources:
 * - NVIDIA Triton Inference Server (docs.nvidia.com, user guide "Batchers" and "Model Management"): serves models from
 *   a model repository laid out as model name / numeric version directories; the dynamic batcher, set per model,
 *   combines requests into a batch up to the model's maximum batch size, sends a batch of a preferred size at once
 *   when it can form one, and otherwise may hold requests up to `max_queue_delay_microseconds` (default 0, no delay)
 *   for more to join; batches go to all the model's instances. Model control modes: NONE loads every model at startup
 *   and ignores repository changes, POLL watches the repository and loads or unloads on change, EXPLICIT loads and
 *   unloads only on model-control API calls; in EXPLICIT mode a failed reload leaves the loaded model serving, and a
 *   successful one replaces it without losing availability.
 * - KServe (kserve.github.io, "Canary Rollout Strategy"): an InferenceService's component takes `canaryTrafficPercent`,
 *   and the traffic is split between the last revision rolled out with 100% traffic and the new one; an unhealthy
 *   revision gets no traffic, promotion makes the new revision the rolled-out one, and a rollback pins all traffic to
 *   the previous good revision. The docs say the canary strategy needs the serverless (Knative) deployment mode.
 * - TensorFlow Serving (tensorflow.org/tfx/serving/serving_config): a model's version policy says which versions to
 *   load and serve together: `latest` (the highest-numbered N, by default one), `all`, or `specific` versions; version
 *   labels (such as "stable" and "canary") map a name to a version, and a request may name a label instead of a number.
 * Planning figures (a batch's compute time, model size, a loader's read speed, the network's share of the budget)
 * are assumptions, said as such in their rows.
 */

const T = "model-serving" as const;
type TechnologyInput = z.input<typeof Technology>;

const STANCE = {
  consistency: "read-your-writes",
  availability: "stay-available",
  because:
    "predictions keep flowing from the versions replicas already hold while the registry is down; only registering versions and moving a traffic split wait for it",
} as const;

export const SERVING_ENTITIES = [
  {
    name: "ModelVersion",
    description:
      "One trained version of a model, by (model, version): the artifact's content digest and location in the artifact store, its framework and input/output signature, the memory it needs loaded, its validation results and state (registered, validated, serving, retired); written once, never changed.",
    stance: STANCE,
    truth: true,
    topic: T,
  },
  {
    name: "TrafficSplit",
    description:
      "One model's routing: the stable version, a canary version with its percentage, a shadow version with the share of requests mirrored to it, aliases (production, staging) and a revision raised by every change; the one record a rollout, a promotion and a rollback move.",
    stance: STANCE,
    truth: true,
    topic: T,
  },
  {
    name: "ReplicaPool",
    description:
      "The desired serving of one version: the hardware class (GPU or CPU), the models packed per server, the batch settings (maximum batch size and queue delay), the replica count the autoscaler sets and its floor and ceiling.",
    stance: STANCE,
    truth: true,
    topic: T,
  },
  {
    name: "LoadedModel",
    description:
      "What one replica holds: the versions it has loaded and warmed, whether each is ready, its queue depth and requests in flight; reported by the replica, so observed state the gateway and the autoscaler read.",
    truth: false,
    topic: T,
  },
  {
    name: "TenantQuota",
    description:
      "A calling tenant's limits: predictions a second and requests in flight per model, with the burst it may take.",
    truth: true,
    topic: T,
  },
  {
    name: "PredictionLog",
    description:
      "One served request by request id: the tenant, model and version that answered, the features used, the output, the latency, and later the outcome joined to it; appended after the response, for monitoring and retraining.",
    truth: false,
    topic: T,
  },
] as const;

export const SERVING_WRITES = [
  {
    action:
      "register a model version: upload its artifact to the artifact store under its content digest, then create the (model, version) row with that digest only if absent, so a version's content never changes and a retried registration adds nothing",
    entity: "ModelVersion",
    shape: "create target",
    mechanism: "content-addressing",
    critical: true,
    topic: T,
  },
  {
    action:
      "load a version on a replica: fetch the artifact by digest, check the digest, load it into GPU or CPU memory, run warm-up requests, and only then report it ready, so the gateway never routes to a replica still loading",
    entity: "LoadedModel",
    shape: "state transition",
    mechanism: "health-checked-selection",
    critical: true,
    topic: T,
  },
  {
    action:
      "roll out a version: move the model's TrafficSplit (stable, canary percentage, shadow share, aliases) by compare-and-set on its revision, only to versions whose pool reports enough ready replicas; promotion and rollback are the same one write",
    entity: "TrafficSplit",
    shape: "state transition",
    mechanism: "head-pointer-cas",
    critical: true,
    topic: T,
  },
  {
    action:
      "the rollout analyser steps the canary: at each step it compares the canary's error rate, p99 latency and prediction distribution with the stable version's, raises the canary percentage when all stay within their thresholds and sets it to zero when one breaks",
    entity: "TrafficSplit",
    shape: "async process",
    mechanism: "staged-rollout",
    critical: true,
    topic: T,
  },
  {
    action:
      "the serving controller reconciles each ReplicaPool: places replicas on nodes with the GPU memory the version needs, loads versions a split names, and unloads a version only after no split names it and its in-flight requests have drained",
    entity: "ReplicaPool",
    shape: "async process",
    mechanism: "reconciliation-loop",
    hidden: true,
    critical: true,
    topic: T,
  },
  {
    action:
      "the autoscaler sets each pool's replica count from queue depth and requests in flight per replica (GPU utilisation lags the queue), within its floor and ceiling, adding replicas early enough to cover a model's cold load",
    entity: "ReplicaPool",
    shape: "async process",
    mechanism: "autoscaling",
    hidden: true,
    topic: T,
  },
  {
    action:
      "batch predictions on a replica: each request joins its model version's batch queue, and the batch runs once it is full or its oldest request has waited the maximum queue delay; a request that cannot start within its deadline is refused",
    entity: "LoadedModel",
    shape: "state transition",
    mechanism: "dynamic-batching",
    critical: true,
    topic: T,
  },
  {
    action:
      "admit a prediction only within the tenant's quota: a token bucket per (tenant, model) at the gateway, refusing with a retry hint past it",
    entity: "TenantQuota",
    shape: "state transition",
    mechanism: "token-bucket",
    topic: T,
  },
  {
    action:
      "append each request and response, with the request id and the version that answered, to the prediction log after the response is sent, never on the request's path",
    entity: "PredictionLog",
    shape: "append event",
    mechanism: "append-log",
    hidden: true,
    topic: T,
  },
] as const;

export const SERVING_READS = [
  {
    action:
      "predict: the gateway picks the version by hashing the request id into the model's TrafficSplit, fills missing features from the online feature store, and a ready replica's dynamic batcher runs the request in a batch and returns the output with the version that produced it",
    entity: "LoadedModel",
    shape: "read projection",
    staleness:
      "the split the gateway last received, within seconds of a change; a request is answered by the version it was routed to, never a half-loaded one",
    topic: T,
  },
  {
    action: "read a model's versions, its traffic split and each pool's ready replicas",
    entity: "TrafficSplit",
    shape: "read source",
    staleness: "none: read from the registry's committed revision",
    topic: T,
  },
] as const;

const IMMUTABLE =
  "A ModelVersion's content never changes: its artifact is stored under its content digest and the (model, version) row is created once with that digest, and a replica serves the version only after the bytes it loaded match the digest.";
const READY_ONLY =
  "Every prediction is answered by a replica whose LoadedModel is ready, its version loaded and warmed, for a version the model's split names; a replica joins the gateway's routing only once ready, and a version is unloaded only after no split names it and its in-flight requests have drained, so a rollout drops no request.";
const ONE_SPLIT =
  "A model's TrafficSplit moves only by compare-and-set on its revision, to versions whose pools report enough ready replicas; a rollback is one write back to the last good version, and every response names the version that produced it.";
const BUDGET =
  "A request waits in its LoadedModel's batch queue no longer than the maximum queue delay, which is set from the stated latency target so network + feature lookup + queue wait + batch compute stays within it; a request that cannot start in time is refused, never served late.";

export const SERVING_INVARIANTS = [IMMUTABLE, READY_ONLY, ONE_SPLIT, BUDGET];

/** The mechanism that keeps each of the serving platform's rules (`keptBy` on the card's invariant marks). */
export const SERVING_KEPT_BY: Readonly<Record<string, MechanismId>> = {
  [IMMUTABLE]: "content-addressing",
  [READY_ONLY]: "health-checked-selection",
  [ONE_SPLIT]: "head-pointer-cas",
  [BUDGET]: "dynamic-batching",
};

export const SERVING_FAILURES = [
  {
    failure: "A bad model version is rolled out (wrong outputs, a latency regression, a crash on some inputs)",
    role: "truth",
    prevention:
      "It gets shadow traffic and then a small canary percentage first; the rollout analyser compares its errors, p99 latency and prediction distribution with the stable version's at every step",
    repair:
      "The analyser sets the canary percentage to zero in one compare-and-set on the split, so traffic is back on the stable version within the gateway's next update; the version stays registered for diagnosis",
    topic: T,
  },
  {
    failure: "A replica runs out of GPU memory on a large batch and crashes or fails the batch",
    role: "derived",
    prevention:
      "Cap the maximum batch size (and input length) at what the model was load-tested with in its memory share, and pack models per node by their measured footprint plus activation room",
    repair:
      "The gateway retries the failed requests once on another ready replica; the controller restarts the replica and reloads its models before it is routed to again",
    topic: T,
  },
  {
    failure: "A burst arrives and new replicas take minutes to serve (a cold start: node, image and model load)",
    role: "derived",
    prevention:
      "Scale on queue depth and in-flight requests with headroom that covers a cold load, keep model images and artifacts cached on nodes, and keep a floor of warm replicas per model",
    repair: "Shed the lowest-priority tenants past their quota with a retry hint until the new replicas report ready",
    topic: T,
  },
  {
    failure: "One model turns hot and its replicas' queues grow while the rest of the fleet is idle",
    role: "derived",
    prevention:
      "Autoscale each model's pool on its own queue depth, and give a hot model its own pool instead of a shared multi-model server",
    repair:
      "Its tenants' quotas hold the overflow at the gateway while the pool grows; other models' pools are untouched",
    topic: T,
  },
  {
    failure: "A version is unloaded while requests routed to it are still queued",
    role: "truth",
    prevention:
      "The controller unloads only after the split no longer names the version and the replica reports no request in flight for it",
    repair: "A refused request is retried by the gateway on the version the split names now",
    topic: T,
  },
  {
    failure: "The model registry is down",
    role: "truth",
    prevention:
      "Gateways and replicas keep the last split and the versions they hold; only registering versions and moving splits stop",
    repair: "Changes resume on the registry's standby; no prediction is interrupted meanwhile",
    topic: T,
  },
  {
    failure: "The online feature store is slow or down for a request that does not carry its features",
    role: "derived",
    prevention: "A lookup deadline taken from the latency budget, and a cache of recent feature rows at the gateway",
    repair:
      "Answer with the model's defaults for missing features (marked in the prediction log) or refuse, as the model's owner chose",
    topic: T,
  },
] as const;

export const SERVING_BOTTLENECKS = [
  {
    bottleneck: "Accelerator compute: every prediction runs in some batch on some replica",
    mitigation:
      "Batch dynamically within the queue delay the budget allows, run several model instances per GPU, and add replicas on queue depth",
    formula: {
      yields: "replicas for the stated rate",
      expression:
        "requests_per_sec / (batch_size * 1000 / (batch_base_ms + batch_item_ms * batch_size) * target_utilisation)",
      unit: "replicas",
    },
    topic: T,
  },
  {
    bottleneck: "GPU memory: each loaded model holds its weights plus room for a batch's activations",
    mitigation:
      "Pack small models several to a GPU and give large or hot ones their own pool; unload cold models and load them on demand where a cold start is allowed",
    formula: {
      yields: "models one accelerator holds",
      expression: "floor(accelerator_memory_bytes * weights_memory_share / model_bytes)",
      unit: "models",
    },
    topic: T,
  },
] as const;

export const SERVING_TECHNOLOGIES: TechnologyInput[] = [
  {
    product: "NVIDIA Triton Inference Server",
    layer: "serving",
    fits: "The model server on each replica: models from a repository by name and numeric version, a dynamic batcher per model with a maximum queue delay and preferred batch sizes, several instances per GPU, and explicit load and unload calls the serving controller drives",
    suits: ["low-latency", "high-throughput"],
    poorFor: ["operational-simplicity"],
    caveat:
      "It is the server on one replica: the registry, traffic splits, canary analysis and autoscaling across replicas are still ours",
    topic: T,
  },
  {
    product: "KServe on Kubernetes",
    layer: "coordination",
    fits: "An InferenceService per model with a canary traffic percentage between the last rolled-out revision and the new one, rollback to the last good revision, and scaling on concurrency",
    suits: ["elastic-scale", "stay-available"],
    poorFor: ["low-latency", "operational-simplicity"],
    caveat:
      "Its canary rollout needs the serverless (Knative) mode, and a service per model is many services at hundreds of models unless several share a multi-model server",
    topic: T,
  },
  {
    product: "TensorFlow Serving",
    layer: "serving",
    fits: "Serves TensorFlow models with a version policy (the latest N, all, or specific versions loaded together) and version labels such as stable and canary that requests may name",
    suits: ["low-latency", "high-throughput"],
    poorFor: ["operational-simplicity"],
    caveat: "TensorFlow models only; other frameworks need another server",
    topic: T,
  },
  {
    product: "PostgreSQL with a synchronous standby (model registry)",
    layer: "storage",
    fits: "Models, versions, traffic splits and quotas are a few thousand small rows: a version row created once with its digest, a split moved by an UPDATE on its revision, read by gateways through a change feed",
    suits: ["linearizable", "durable", "small-metadata"],
    poorFor: ["elastic-scale"],
    caveat: "It is off the request path: gateways and replicas keep serving from what they hold while it fails over",
    topic: T,
  },
  {
    product: "Amazon S3 (artifact store, keys by content digest)",
    layer: "storage",
    fits: "Model artifacts as whole immutable objects under their digest, read by every replica that loads the version",
    suits: ["durable", "large-objects"],
    poorFor: ["rich-queries"],
    caveat:
      "Loading a large model from it takes seconds to minutes, so nodes cache artifacts and scale-up starts early",
    topic: T,
  },
];

export const SERVING_COMPONENTS: ComponentSpec[] = [
  {
    id: "callers",
    name: "Calling services (apps and backends asking for predictions)",
    kind: "client",
    runs: ["predict", "register version", "roll out"],
    because: "each prediction carries a request id, and a retry is safe because predicting changes nothing",
    topic: T,
  },
  {
    id: "inference-gateway",
    name: "Inference gateway (tenant quota, traffic split, feature fill, shadow copy, logging)",
    kind: "gateway",
    holds: ["TenantQuota"],
    runs: [
      "admit within the tenant's quota",
      "pick the version by the traffic split",
      "fill missing features",
      "send to a ready replica",
      "mirror shadow traffic",
      "log request and response",
    ],
    because:
      "one place turns (model, alias) into a version and a ready replica, so a rollout is a change of its table, not of callers",
    topic: T,
  },
  {
    id: "model-registry",
    name: "Model registry (models, immutable versions, traffic splits and quotas; primary + synchronous standby)",
    kind: "replica-group",
    holds: ["ModelVersion", "TrafficSplit", "ReplicaPool", "TenantQuota"],
    runs: ["create a version once", "move a split by revision", "stream changes to gateways and the controller"],
    because: "a version's digest and a model's split must each have one committed value everyone reads",
    topic: T,
  },
  {
    id: "artifact-store",
    name: "Artifact store (model files by content digest, never overwritten)",
    kind: "store",
    runs: ["store artifacts by digest", "serve artifacts to loading replicas"],
    because: "a version's bytes are written once under their digest, so what a replica loads is what was validated",
    topic: T,
  },
  {
    id: "model-servers",
    name: "Model server replicas (GPU or CPU; versions loaded in memory; a dynamic batcher per model)",
    kind: "worker-pool",
    holds: ["LoadedModel"],
    runs: [
      "load, check and warm a version",
      "batch requests within the maximum queue delay",
      "run a batch",
      "report readiness and queue depth",
    ],
    because: "models answer from memory, and batching is what makes an accelerator pay at this rate",
    topic: T,
  },
  {
    id: "serving-controller",
    name: "Serving controller (places pools, loads versions, marks ready, drains and unloads)",
    kind: "control-loop",
    runs: ["place replicas by GPU memory", "load versions a split names", "unload drained versions"],
    because: "the replicas must converge on what the registry says, and never unload what is still routed to",
    topic: T,
  },
  {
    id: "rollout-analyzer",
    name: "Rollout analyser (canary against stable; promotes or rolls back)",
    kind: "control-loop",
    runs: ["compare canary and stable metrics", "raise the canary percentage", "roll back to the last good version"],
    because: "a bad version must be stopped by its metrics within minutes, without a person watching",
    topic: T,
  },
  {
    id: "serving-autoscaler",
    name: "Autoscaler (replicas per pool from queue depth and in-flight requests)",
    kind: "control-loop",
    runs: ["resize each pool"],
    because: "queue depth moves before GPU utilisation does, and a new replica needs a cold load before it helps",
    topic: T,
  },
  {
    id: "feature-store",
    name: "Online feature store (given: latest feature values by entity)",
    kind: "external",
    runs: ["return an entity's latest features"],
    because: "a request that names only an entity needs its features; building them is another system's job",
    topic: T,
  },
  {
    id: "prediction-log",
    name: "Prediction log (requests, responses and versions, for monitoring and retraining)",
    kind: "log",
    holds: ["PredictionLog"],
    runs: ["append after the response", "feed monitoring and training"],
    because: "drift, canary comparison and the next training set all read what was predicted by which version",
    topic: T,
  },
];

export const SERVING_LINKS: LinkSpec[] = [
  { from: "callers", to: "inference-gateway", kind: "request", label: "predict (model, alias or version)", topic: T },
  { from: "callers", to: "model-registry", kind: "request", label: "register version, roll out", topic: T },
  { from: "callers", to: "artifact-store", kind: "request", label: "upload artifact by digest", topic: T },
  { from: "model-registry", to: "inference-gateway", kind: "stream", label: "traffic splits and quotas", topic: T },
  { from: "inference-gateway", to: "feature-store", kind: "request", label: "missing features", topic: T },
  { from: "inference-gateway", to: "model-servers", kind: "request", label: "predict on a ready replica", topic: T },
  { from: "inference-gateway", to: "prediction-log", kind: "stream", label: "request, response, version", topic: T },
  { from: "model-servers", to: "artifact-store", kind: "request", label: "fetch artifact by digest", topic: T },
  { from: "model-servers", to: "serving-controller", kind: "callback", label: "ready, queue depth", topic: T },
  { from: "serving-controller", to: "model-registry", kind: "control", label: "watch pools and splits", topic: T },
  { from: "serving-controller", to: "model-servers", kind: "control", label: "load, unload", topic: T },
  { from: "rollout-analyzer", to: "prediction-log", kind: "request", label: "canary and stable metrics", topic: T },
  { from: "rollout-analyzer", to: "model-registry", kind: "control", label: "move split by revision", topic: T },
  { from: "serving-autoscaler", to: "model-registry", kind: "control", label: "pool replica count", topic: T },
];

export const SERVING_API: ApiSpec[] = [
  {
    operation: "predict",
    call: "POST /v1/models/{model}/predict",
    request: ["request_id", "inputs or entity id", "version or alias (optional)", "tenant token"],
    response: ["outputs", "model_version"],
    errors: ["429 over the tenant's quota", "503 no ready replica", "504 latency budget spent"],
    guarantee:
      "answered by a loaded version the split names, and the response says which; a retry is safe, since predicting changes nothing",
    topic: T,
  },
  {
    operation: "register version",
    call: "PUT /v1/models/{model}/versions/{version}",
    request: ["artifact digest", "signature", "memory footprint", "validation report"],
    response: ["version state"],
    errors: ["409 version exists with another digest", "400 artifact digest not found"],
    guarantee: "a version is created once; the same digest again returns it, a different one is refused",
    topic: T,
  },
  {
    operation: "roll out",
    call: "POST /v1/models/{model}/split",
    request: ["stable", "canary and percentage", "shadow and share", "expected_revision"],
    response: ["revision"],
    errors: ["409 revision moved", "412 version not ready on enough replicas"],
    guarantee: "moves the split in one compare-and-set; a rollback is the same call with the last good version",
    topic: T,
  },
  {
    operation: "model status",
    call: "GET /v1/models/{model}",
    request: ["model"],
    response: ["versions", "split and revision", "ready replicas per version"],
    errors: ["404 unknown model"],
    guarantee: "from the registry's committed revision",
    topic: T,
  },
];

export const SERVING_DATA: DataSpec[] = [
  {
    entity: "ModelVersion",
    key: ["model", "version"],
    fields: ["artifact_digest", "artifact_uri", "framework", "signature", "memory_bytes", "state", "created_at"],
    indexes: ["(model, state)"],
    partitionKey: "model",
    owner: "model-registry",
    topic: T,
  },
  {
    entity: "TrafficSplit",
    key: ["model"],
    fields: [
      "stable_version",
      "canary_version",
      "canary_percent",
      "shadow_version",
      "shadow_percent",
      "aliases",
      "revision",
    ],
    indexes: [],
    partitionKey: "model",
    owner: "model-registry",
    topic: T,
  },
  {
    entity: "ReplicaPool",
    key: ["model", "version"],
    fields: ["hardware", "models_per_server", "max_batch_size", "max_queue_delay_us", "replicas", "min", "max"],
    indexes: [],
    partitionKey: "model",
    owner: "model-registry",
    topic: T,
  },
  {
    entity: "LoadedModel",
    key: ["replica_id", "model", "version"],
    fields: ["state (loading, ready, draining)", "queue_depth", "in_flight", "reported_at"],
    indexes: ["(model, version, state)"],
    owner: "model-servers",
    topic: T,
  },
  {
    entity: "TenantQuota",
    key: ["tenant", "model"],
    fields: ["predictions_per_sec", "burst", "max_in_flight"],
    indexes: [],
    owner: "model-registry",
    topic: T,
  },
  {
    entity: "PredictionLog",
    key: ["request_id"],
    fields: ["tenant", "model", "version", "features", "outputs", "latency_ms", "at"],
    indexes: ["(model, version, at)"],
    partitionKey: "hash(model)",
    owner: "prediction-log",
    topic: T,
  },
];

export const SERVING_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Predict within the latency budget",
    topic: T,
    notation:
      "callers>inference-gateway[predict with request id] -> inference-gateway[admit {TenantQuota has tokens for this tenant and model}] -> inference-gateway[pick the version by hashing the request id into the split {TrafficSplit.revision = latest received}] -> inference-gateway>feature-store[fetch missing features {request lacks them}] -> inference-gateway>model-servers[predict {LoadedModel.state = ready}] -> model-servers[join a batch, wait at most the maximum queue delay {queue wait <= max_queue_delay}] -> model-servers>inference-gateway[outputs with the version] -> inference-gateway>callers[outputs and model_version] -> inference-gateway>prediction-log[append request, response, version] |-> inference-gateway>callers[429 retry later {TenantQuota exhausted}] => done | retry | reject",
  },
  {
    name: "Roll out a version: load, canary, promote or roll back",
    topic: T,
    notation:
      "callers>model-registry[register version {no ModelVersion with this model and version}] -> serving-controller>model-registry[watch the new pool] -> serving-controller>model-servers[load the version] -> model-servers>artifact-store[fetch artifact by digest] -> model-servers>serving-controller[ready after digest check and warm-up {LoadedModel.state = ready}] -> rollout-analyzer>model-registry[set canary percentage {TrafficSplit.revision = read revision}] -> model-registry>inference-gateway[new split] -> rollout-analyzer>prediction-log[compare canary with stable] -> rollout-analyzer>model-registry[promote to stable {canary within thresholds}] |-> rollout-analyzer>model-registry[roll back: canary percentage to zero {canary breaks a threshold}] => done | rollback",
  },
];

/**
 * The serving figures: replicas from the stated rate over one replica's throughput at the chosen batch size, the
 * latency path (network + feature lookup + queue wait + waiting for the running batch + own batch) against the stated
 * target, models per accelerator by memory, the cold load of a new replica, and the prediction log's bytes a day.
 */
export const SERVING_CAPACITY: CapacityModel = {
  inputs: [
    {
      quantity: "requests_per_sec",
      label: "predictions a second the fleet serves (taken as the peak)",
      unit: "req/s",
      typical: 10000,
      why: "a platform serving a company's online models answers thousands to tens of thousands of predictions a second (a planning figure)",
    },
    {
      quantity: "models",
      label: "models served",
      unit: "models",
      typical: 50,
      why: "a team's or company's online models, tens to hundreds (a planning figure)",
    },
    {
      quantity: "latency_budget_ms",
      label: "p99 latency target for one prediction",
      unit: "ms",
      typical: 100,
      why: "online predictions on a user's request commonly get tens to a hundred milliseconds (a planning figure)",
    },
    {
      quantity: "network_ms",
      label: "network time of one prediction's hops inside a region (caller, gateway, replica and back)",
      unit: "ms",
      typical: 2,
      why: "a few hops inside one region there and back over kept-alive connections, a couple of milliseconds at p99 (a planning figure)",
    },
    {
      quantity: "feature_lookup_ms",
      label: "time to fetch a request's missing features from the online feature store",
      unit: "ms",
      typical: 3,
      why: "one key-value read of an entity's latest features from an in-memory store in the same region, a few milliseconds at p99 (a planning figure)",
    },
    {
      quantity: "tail_margin",
      label: "share of the latency target kept spare for the tail (retries, a slow replica, a GC pause)",
      unit: "fraction",
      typical: 0.25,
      why: "a quarter of the target is left unspent so the p99 holds when one hop is slow (a planning figure)",
    },
    {
      quantity: "batch_base_ms",
      label: "fixed time of one batch on a replica, whatever its size (launch and transfer)",
      unit: "ms",
      typical: 2,
      why: "kernel launches, host-to-device copies and the framework's own overhead, a couple of milliseconds (a planning figure, measured per model)",
    },
    {
      quantity: "batch_item_ms",
      label: "time each request adds to a batch",
      unit: "ms",
      typical: 0.2,
      why: "a mid-sized ranking or vision model on one GPU adds a fraction of a millisecond per batched request (a planning figure, measured per model)",
    },
    {
      quantity: "batch_size",
      label: "maximum batch size a replica runs",
      unit: "requests",
      typical: 32,
      why: "a mid-sized model on one GPU is commonly batched at tens of requests (a planning figure, load-tested per model)",
      from: {
        expression:
          "max(1, min(64, floor(((latency_budget_ms * (1 - tail_margin) - network_ms - feature_lookup_ms) / 3 - batch_base_ms) / batch_item_ms)))",
        why: "the largest batch (64 at most) whose compute fits a third of what the stated latency target, less its tail margin, leaves after the network and the feature lookup: a request may wait in the queue, then for the running batch, then run in its own",
      },
    },
    {
      quantity: "max_queue_delay_ms",
      label: "longest a request waits in the batch queue for others to join",
      unit: "ms",
      typical: 5,
      why: "a few milliseconds fill a batch at thousands of requests a second (a planning figure)",
      from: {
        expression:
          "max(0.5, latency_budget_ms * (1 - tail_margin) - network_ms - feature_lookup_ms - 2 * (batch_base_ms + batch_item_ms * batch_size))",
        why: "set from the stated latency target: what its share before the tail margin leaves after the network, the feature lookup, waiting for the running batch and running its own",
      },
    },
    {
      quantity: "model_bytes",
      label: "memory one loaded model takes (weights and runtime)",
      unit: "B",
      typical: 2000000000,
      why: "a model of about a billion parameters in half precision, or a large ranking model with its embeddings (a planning figure)",
    },
    {
      quantity: "accelerator_memory_bytes",
      label: "memory of one accelerator",
      unit: "B",
      typical: 24000000000,
      why: "one data-centre GPU of 24 GB, an L4 or A10 class card (a planning figure)",
    },
    {
      quantity: "weights_memory_share",
      label: "share of an accelerator's memory given to loaded models",
      unit: "fraction",
      typical: 0.7,
      why: "the rest holds a batch's activations and the runtime's workspace (a planning figure, measured per model)",
    },
    {
      quantity: "artifact_read_bytes_per_sec",
      label: "speed a replica reads an artifact from the artifact store",
      unit: "B/s",
      typical: 200000000,
      why: "an object store read into one node at a couple of hundred MB/s (a planning figure)",
    },
    {
      quantity: "warmup_seconds",
      label: "warm-up time before a loaded replica is marked ready",
      unit: "s",
      typical: 20,
      why: "warm-up requests compile kernels and fill caches before the replica takes traffic (a planning figure)",
    },
    {
      quantity: "min_replicas_per_model",
      label: "replicas every model keeps at least",
      unit: "replicas",
      typical: 2,
      why: "two replicas in different zones, so losing one leaves the model served",
    },
    {
      quantity: "prediction_log_bytes",
      label: "bytes of one logged request and response",
      unit: "B",
      typical: 2000,
      why: "the features used, the outputs and the ids, a couple of kilobytes (a planning figure)",
    },
    {
      quantity: "versions_kept",
      label: "versions of each model kept in the artifact store",
      unit: "versions",
      typical: 5,
      why: "the last few versions of each model are kept for rollback and comparison (a planning figure)",
    },
  ],
  figures: [
    fig(
      "batch_compute_ms",
      "time to run one full batch on a replica",
      "time",
      "batch_base_ms + batch_item_ms * batch_size",
      "ms",
    ),
    fig(
      "replica_throughput",
      "predictions one replica serves a second at full batches",
      "rate",
      "batch_size * 1000 / (batch_base_ms + batch_item_ms * batch_size)",
      "req/s",
    ),
    fig(
      "replicas_for_load",
      "replicas the stated rate needs at the planned utilisation (rate ÷ per-replica throughput)",
      "count",
      "requests_per_sec / (batch_size * 1000 / (batch_base_ms + batch_item_ms * batch_size) * target_utilisation)",
      "replicas",
    ),
    fig(
      "models_per_accelerator",
      "models one accelerator holds, the rest of its memory left for batch activations",
      "count",
      "floor(accelerator_memory_bytes * weights_memory_share / model_bytes)",
      "models",
    ),
    fig(
      "replica_floor",
      "replicas every model keeps warm even with no traffic, one model per pool",
      "count",
      "models * min_replicas_per_model",
      "replicas",
    ),
    fig(
      "dedicated_replicas",
      "replicas with one model per pool: the larger of the load and every model's floor",
      "count",
      "max(requests_per_sec / (batch_size * 1000 / (batch_base_ms + batch_item_ms * batch_size) * target_utilisation), models * min_replicas_per_model)",
      "replicas",
      true,
      "workers",
    ),
    fig(
      "packed_replicas",
      "replicas with models packed onto multi-model servers: the load, or enough servers for every model twice",
      "count",
      "max(requests_per_sec / (batch_size * 1000 / (batch_base_ms + batch_item_ms * batch_size) * target_utilisation), min_replicas_per_model * ceil(models / max(1, floor(accelerator_memory_bytes * weights_memory_share / model_bytes))))",
      "replicas",
      true,
      "workers",
    ),
    fig(
      "requests_per_model",
      "predictions a second for an average model",
      "hotspot",
      "requests_per_sec / models",
      "req/s",
    ),
    {
      ...fig(
        "prediction_latency_ms",
        "worst path of one prediction: network + feature lookup + queue wait + the running batch + its own batch",
        "time",
        "network_ms + feature_lookup_ms + max_queue_delay_ms + 2 * (batch_base_ms + batch_item_ms * batch_size)",
        "ms",
      ),
      bound: "latency_budget_ms",
    },
    fig(
      "cold_load_seconds",
      "time for a new replica to serve: read the artifact, load it, warm it up",
      "time",
      "model_bytes / artifact_read_bytes_per_sec + warmup_seconds",
      "s",
    ),
    fig(
      "gpu_memory_per_replica",
      "accelerator memory the loaded models of one replica take",
      "storage",
      "min(models, floor(accelerator_memory_bytes * weights_memory_share / model_bytes)) * model_bytes",
      "B",
    ),
    fig(
      "artifact_bytes",
      "artifacts kept in the artifact store for every model's recent versions",
      "storage",
      "models * versions_kept * model_bytes",
      "B",
    ),
    fig(
      "prediction_log_bytes_per_day",
      "prediction log written a day (the day's average is the peak over the peak factor)",
      "growth",
      "requests_per_sec / peak_factor * 86400 * prediction_log_bytes",
      "B/day",
    ),
  ],
};

export const SERVING_DECISIONS: DecisionPoint[] = [
  {
    id: "i15-serving-batching",
    topic: T,
    question: "Batch requests dynamically on each replica, or run every request on its own?",
    options: [
      {
        id: "dynamic",
        name: "dynamic batching: a replica holds a request up to the maximum queue delay (set from the latency target) to fill a batch",
        buys: "an accelerator runs tens of requests for little more than the cost of one, so far fewer replicas serve the rate",
        costs: "every request may wait up to the queue delay, which comes out of the latency budget",
        winsWhen:
          "models run on GPUs at thousands of predictions a second and the latency target leaves milliseconds to wait",
        implies: { addMechanisms: ["dynamic-batching"] },
      },
      {
        id: "unbatched",
        name: "no batching: each request runs alone as soon as it arrives",
        buys: "no queue wait at all",
        costs: "a GPU spends a batch's time on one request, so the fleet is many times larger; fine on CPUs",
        winsWhen:
          "small models on CPUs, or a latency target of 15 ms or less, which leaves room for a batch of one only",
        wins: [{ latencyAtMost: 15 }],
        implies: {
          capacity: [
            { quantity: "batch_size", value: 1, why: "each request runs alone, a batch of one" },
            {
              quantity: "max_queue_delay_ms",
              value: 0,
              why: "a request runs as soon as it arrives, waiting for no other",
            },
          ],
        },
      },
    ],
    rules: [
      {
        when: [{ latencyAtMost: 15 }],
        option: "unbatched",
        because:
          "a target this tight leaves, after the network and the feature lookup, room for a batch of one only, so no request waits for others",
      },
    ],
    fallback: {
      option: "dynamic",
      because: "the latency target leaves milliseconds to fill a batch, which multiplies what each replica serves",
    },
  },
  {
    id: "i15-serving-packing",
    topic: T,
    question: "Give every model its own replica pool, or pack several models onto multi-model servers?",
    options: [
      {
        id: "pool-per-model",
        name: "one model per pool: each model version has its own replicas, scaled on its own queue",
        buys: "isolation: a hot or crashing model touches no other, and each pool is sized and rolled out alone",
        costs: "every model keeps its floor of warm replicas, even one that gets a few requests a minute",
        winsWhen: "few models, each busy enough to fill its own replicas",
        implies: { sizes: ["dedicated_replicas"] },
      },
      {
        id: "multi-model",
        name: "multi-model servers: several models loaded on each replica by memory, hot models given their own pool",
        buys: "a long tail of quiet models shares a few GPUs instead of holding two each",
        costs: "models on one server share its memory and compute, so one hot or leaking model slows its neighbours",
        winsWhen: "many models whose floors of dedicated replicas would far exceed what their traffic needs",
        wins: [{ number: "models", atLeast: 20 }],
        implies: { sizes: ["packed_replicas"] },
      },
    ],
    rules: [
      {
        when: [{ number: "models", atLeast: 20 }],
        option: "multi-model",
        because:
          "with this many models, two dedicated replicas each exceed what the traffic needs, so quiet models share servers",
      },
    ],
    fallback: { option: "pool-per-model", because: "few models, each worth its own replicas" },
  },
  {
    id: "i15-serving-hardware",
    topic: T,
    question: "Serve on GPUs or on CPUs?",
    options: [
      {
        id: "gpu",
        name: "GPU replicas with dynamic batching",
        buys: "deep models run a batch in milliseconds, so a few replicas serve a high rate",
        costs: "GPUs cost many times a CPU node, and memory per GPU caps the models it holds",
        winsWhen: "deep or large models (neural rankers, vision, language) at high rates",
      },
      {
        id: "cpu",
        name: "CPU replicas, one request or a small batch at a time",
        buys: "cheap, plentiful nodes that start fast and scale finely",
        costs: "a deep model is slow on a CPU, so the latency target or the node count breaks first",
        winsWhen: "small models (trees, linear models, small networks) whose prediction takes a millisecond on a core",
        wins: [
          {
            words: String.raw`\b(?:xgboost|lightgbm|gradient[- ]boosted|decision trees?|random forests?|logistic regression|linear models?|scikit|sklearn|on cpus?|cpu[- ]only)\b`,
          },
        ],
      },
    ],
    rules: [
      {
        when: [
          {
            words: String.raw`\b(?:xgboost|lightgbm|gradient[- ]boosted|decision trees?|random forests?|logistic regression|linear models?|scikit|sklearn|on cpus?|cpu[- ]only)\b`,
          },
        ],
        option: "cpu",
        because: "the prompt's models are small ones that answer in a millisecond on a CPU core",
      },
    ],
    fallback: { option: "gpu", because: "deep models at this rate need an accelerator's batches" },
  },
  {
    id: "i15-serving-mode",
    topic: T,
    question: "Answer every prediction synchronously, or queue long jobs and return a result later?",
    options: [
      {
        id: "sync",
        name: "synchronous requests answered on the same connection within the latency target",
        buys: "the caller has its answer in one round trip, which a user's request needs",
        costs: "every request holds a connection and a replica slot until it is answered",
        winsWhen: "predictions take milliseconds and a caller waits on them",
      },
      {
        id: "async",
        name: "asynchronous jobs: a request is queued, a worker runs it, and the caller polls or is called back",
        buys: "long jobs (minutes of generation, large batches) survive retries and do not hold connections",
        costs: "a queue, job records and a result store, and no answer within a request's time",
        winsWhen: "a prediction takes seconds to minutes or the caller does not wait",
        wins: [
          {
            words: String.raw`\b(?:async(?:hronous)? (?:inference|predictions?|jobs?)|long[- ]running (?:inference|predictions?|jobs?)|batch (?:inference|predictions?|scoring)|callbacks? when (?:done|finished|ready))\b`,
          },
        ],
      },
    ],
    rules: [
      {
        when: [
          {
            words: String.raw`\b(?:async(?:hronous)? (?:inference|predictions?|jobs?)|long[- ]running (?:inference|predictions?|jobs?)|batch (?:inference|predictions?|scoring)|callbacks? when (?:done|finished|ready))\b`,
          },
        ],
        option: "async",
        because: "the prompt's predictions are long jobs the caller does not wait on",
      },
    ],
    fallback: { option: "sync", because: "a caller waits on each prediction within the latency target" },
  },
];

export const SERVING_SCOPES = {
  topic: T,
  ordering: { scope: "none", why: "predictions are independent; no order holds between them" },
  exclusivity: {
    scope: "key",
    why: "a model's traffic split has one committed revision; a rollout moves it only from the revision it read",
  },
  coordination: {
    scope: "key",
    why: "each model's split and versions change through the registry; predictions need no coordination at all",
  },
} as const;

export const SERVING_SILHOUETTE = {
  topic: T,
  storage:
    "immutable model artifacts by content digest in an artifact store, and a registry of versions, traffic splits, pools and quotas on one primary with a synchronous standby",
  coordination:
    "each model's traffic split moved by compare-and-set on its revision; a controller loads versions and routes only to ready replicas, an analyser promotes or rolls back the canary",
  serving:
    "a gateway that admits by tenant quota and routes by the split to replicas answering from models in memory through a dynamic batcher",
} as const;

export const SERVING_OVERLAY = {
  topic: T,
  driver: "prediction requests at the stated rate, and the queue depth per replica that sizes each pool",
  unit: "one prediction, run inside a batch on a replica that holds its version loaded",
  worker: "model server replicas that load versions, batch requests within the queue delay and run them",
  slot: "accelerator memory for loaded models and batch slots per model instance",
  state:
    "ModelVersion, TrafficSplit, ReplicaPool and TenantQuota records in the registry are authoritative; LoadedModel is what each replica reports",
  source: "calling services' prediction requests, and model owners registering versions and rolling them out",
  sink: "outputs returned to the caller with their version, and every request logged for monitoring and retraining",
  fabric: "the gateway's routing table of splits and ready replicas, fed by the registry's change stream",
  maintenance:
    "loading and unloading versions, autoscaling pools on queue depth, comparing canaries with stable, and deleting artifacts of retired versions",
} as const;

/** What a model-serving design must draw and must not (coherence `model-serving-shape`). */
export const SERVING_SHAPE = {
  entities: ["ModelVersion", "TrafficSplit", "LoadedModel"],
  latency: "prediction_latency_ms",
  bound: "latency_budget_ms",
  replicas: ["dedicated_replicas", "packed_replicas"] as readonly string[],
  /** Residue of the generic cluster manager or of a training scheduler. */
  residue:
    /\b(?:Cluster state store|Node lifecycle controller|re-place under a new attempt number|POST \/v1\/tasks|training jobs?|gang schedul\w*|parameter servers?|checkpoint(?:s|ing)? (?:the )?training)\b/i,
} as const;
