import type { z } from "zod";
import { fig, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import { HARD_CAP } from "../../decisions/stated-conditions.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { MechanismId } from "../../mechanisms/catalog.js";
import type { Technology } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * Admission control whose subject is long-running work held to a count per scope (topic "job-slots",
 * knowledge/topics.ts): a distributed semaphore or per-tenant concurrency limiter that lets each tenant run at most
 * its quota of jobs at once across a fleet of workers, even when workers crash. Unlike a rate limit (requests over
 * time, a small overshoot tolerated), the count here is a hard cap on work in progress: a slot is a row with a lease,
 * acquired by one conditional write under the quota on the tenant's authority, renewed by the worker's heartbeat,
 * and ended by a release or by reclaim once its lease has lapsed. What makes it right is that a tenant's live slots
 * never exceed its quota however workers fail or partitions fall, that a crashed worker's slot comes back, and that
 * a worker cut off from the authority stops its job before its slot can be handed to another.
 *
 * Facts, checked against primary sources:
 * - etcd leases: LeaseGrant creates a lease with a TTL that expires unless the server receives a keepAlive within it;
 *   every key attached to the lease is deleted when it expires or is revoked, each deletion an event in the history;
 *   LeaseKeepAlive streams renewals. etcd transactions compare keys' values or revisions and apply writes atomically.
 * - Redisson's PermitExpirableSemaphore: each permit is acquired with a lease time and an id of its own, and only that
 *   id releases it; an expired permit is returned on its own. It lives in Redis, whose replication is asynchronous, so
 *   a failover can forget granted permits and admit above the count.
 * - A conditional update such as PostgreSQL's UPDATE … SET held = held + 1 WHERE tenant_id = $1 AND held < quota
 *   reports one row or none, so of two racing acquisitions for the last slot exactly one succeeds.
 * Planning figures (a job's length, the heartbeat interval, slots per worker) are assumptions, said in their rows.
 */

const T = "job-slots" as const;
type TechnologyInput = z.input<typeof Technology>;

const STANCE = {
  consistency: "linearizable",
  availability: "fail-closed",
  because:
    "a slot granted on both sides of a split, or counted by a replica that missed a release, runs one job more than the quota, so a tenant whose authority has no majority starts no new job until it has one",
} as const;

export const SLOT_ENTITIES = [
  {
    name: "TenantQuota",
    description:
      "One tenant's cap and count: max_concurrent (the quota), held (live slots now), a fencing counter raised on every grant, and the policy version; the row every acquisition and release of the tenant changes, on the shard the tenant id hashes to.",
    stance: STANCE,
    truth: true,
    topic: T,
  },
  {
    name: "JobSlot",
    description:
      "One running job's hold on its tenant's quota: tenant id, job id, the worker holding it, the fencing token it was granted with, and lease_expires_at, pushed forward by each heartbeat; deleted by release or by reclaim after the lease lapses.",
    stance: STANCE,
    truth: true,
    topic: T,
  },
  {
    name: "QueuedJob",
    description:
      "A submitted job waiting in its tenant's queue: tenant id, job id, submitted_at, attempt (raised each time it starts) and state (queued, running, done, failed); it leaves the queue only when a slot is granted for it.",
    truth: true,
    topic: T,
  },
] as const;

export const SLOT_WRITES = [
  {
    action:
      "acquire a slot for a job: in one transaction on the tenant's shard, raise TenantQuota.held only while it is below max_concurrent, take the next fencing token, and insert the JobSlot with its lease; no row updated means no free slot",
    entity: "JobSlot",
    shape: "create target",
    mechanism: "concurrency-slots",
    critical: true,
    topic: T,
  },
  {
    action:
      "renew a slot's lease on every worker heartbeat: push lease_expires_at forward only where the slot still carries the worker's fencing token and has not lapsed",
    entity: "JobSlot",
    shape: "state transition",
    mechanism: "heartbeat-renewal",
    critical: true,
    topic: T,
  },
  {
    action:
      "release a slot when its job ends: delete the JobSlot by (job id, fencing token) and lower TenantQuota.held in the same transaction; a repeat finds no row and changes nothing",
    entity: "JobSlot",
    shape: "state transition",
    mechanism: "guarded-transition",
    critical: true,
    topic: T,
  },
  {
    action:
      "reclaim lapsed slots: delete each JobSlot whose lease expired longer ago than the clock-drift bound, by (job id, fencing token), lower held in the same transaction, and requeue its job with its attempt raised",
    entity: "JobSlot",
    shape: "async process",
    mechanism: "expiry-sweeper",
    critical: true,
    topic: T,
  },
  {
    action:
      "dispatch: take the next QueuedJob of a tenant with a free slot, round-robin across tenants, move it from queued to running with its attempt raised, and hand it to an idle worker with its slot",
    entity: "QueuedJob",
    shape: "state transition",
    mechanism: "guarded-transition",
    critical: true,
    topic: T,
  },
  {
    action:
      "change a tenant's quota with a version check; a lowered quota starts no job until held falls below it and stops no running job",
    entity: "TenantQuota",
    shape: "overwrite current value",
    mechanism: "versioned-overwrite",
    topic: T,
  },
] as const;

export const SLOT_READS = [
  {
    action: "read a tenant's running jobs and free slots from its TenantQuota row on the tenant's shard leader",
    entity: "TenantQuota",
    shape: "read source",
    staleness: "none: the count is read where it is changed, on the shard leader",
    topic: T,
  },
] as const;

/** The prompt's cap: at most the quota of jobs at once, whatever fails. */
const CAP =
  "A tenant never has more live JobSlots than its TenantQuota.max_concurrent, because a slot is granted only by one conditional transaction on the tenant's shard that raises held while it is below the quota, and a shard with no majority grants nothing.";
const SELF_FENCE =
  "A worker runs a job only while its JobSlot lease is current: it renews on every heartbeat and stops the job itself once it cannot renew before its own deadline (the lease length less the clock-drift bound), so a slot reclaimed after its lease has lapsed by more than that bound has no job still running.";
const NO_LEAK =
  "Every JobSlot ends by a release or by a reclaim after its lease has lapsed, each a delete by (job id, fencing token) that lowers held in the same transaction, so a crashed worker's slot comes back and a late release never frees a newer holder's slot.";
const ONE_RUN =
  "A QueuedJob runs under at most one attempt at a time: dispatch moves it from queued to running with its attempt raised, and a result or side effect is accepted only with the fencing token of its current slot.";

export const SLOT_INVARIANTS = [CAP, SELF_FENCE, NO_LEAK, ONE_RUN];

/** The mechanism that keeps each of the semaphore's rules (`keptBy` on the card's invariant marks). */
export const SLOT_KEPT_BY: Readonly<Record<string, MechanismId>> = {
  [CAP]: "concurrency-slots",
  [SELF_FENCE]: "heartbeat-renewal",
  [NO_LEAK]: "expiry-sweeper",
  [ONE_RUN]: "fencing-token",
};

export const SLOT_SCOPES = {
  topic: T,
  ordering: {
    scope: "key",
    why: "one tenant's grants, releases and reclaims apply in one order on its shard; tenants are independent",
  },
  exclusivity: {
    scope: "key",
    why: "the leader of the tenant's shard alone grants the tenant's slots, so its count has one writer",
  },
  coordination: {
    scope: "replica group",
    why: "a tenant's quota row and slots live on one shard, replicated by consensus; no step spans tenants",
  },
} as const;

export const SLOT_FAILURES = [
  {
    failure: "A worker crashes mid-job and never releases its slot",
    role: "truth",
    prevention:
      "The slot has a lease renewed by the worker's heartbeat; with no heartbeat it lapses, and the reclaimer deletes it by (job id, fencing token) once the drift bound has passed too",
    repair: "held drops by one, the job is requeued with its attempt raised, and the tenant can start another job",
    topic: T,
  },
  {
    failure:
      "A worker is cut off from the authority but alive, so its slot is reclaimed while its job may still run: the tenant would run one job over its quota",
    role: "truth",
    prevention:
      "The worker stops its job itself once it cannot renew before its local deadline, which falls before the reclaimer may act; its fencing token is refused by every store the job writes once a newer slot exists",
    repair: "The stopped job's partial output is discarded; its requeued attempt runs under a new token",
    topic: T,
  },
  {
    failure: "Two dispatchers race for a tenant's last free slot",
    role: "truth",
    prevention:
      "The grant is one conditional update of held (below the quota) with the slot insert in the same transaction on the tenant's shard leader; only one updates a row",
    repair: "The loser leaves its job queued and tries the next tenant",
    topic: T,
  },
  {
    failure: "The tenant's shard loses its leader",
    role: "truth",
    prevention:
      "Slots and the count are replicated by consensus, so the new leader holds every granted slot; while there is none, no new job of those tenants starts",
    repair:
      "Running jobs keep their slots if the new leader comes up within their lease; renewals resume against it, and jobs that could not renew stopped themselves",
    topic: T,
  },
  {
    failure: "A release is lost in the network after the job finished",
    role: "derived",
    prevention: "The worker retries the release by (job id, fencing token), which is idempotent",
    repair: "If the worker is gone too, the lease lapses and the reclaimer returns the slot",
    topic: T,
  },
  {
    failure: "One tenant floods the queue and the others wait behind it",
    role: "derived",
    prevention:
      "A queue per tenant and round-robin dispatch across tenants with a free slot, so a tenant's backlog waits only on its own quota",
    repair: "Raise or lower quotas by tenant; the dispatcher's order changes on the next pick",
    topic: T,
  },
] as const;

export const SLOT_BOTTLENECKS = [
  {
    bottleneck:
      "Heartbeats: every running job renews its lease every few seconds, and each renewal is a replicated write on its tenant's shard",
    mitigation:
      "Renew every third of the lease, batch a worker's renewals into one request per shard, and keep the lease minutes long for jobs that run for hours",
    formula: {
      yields: "lease renewals a second",
      expression: "workers * slots_per_worker / heartbeat_seconds",
      unit: "writes/s",
    },
    topic: T,
  },
  {
    bottleneck: "A tenant with many short jobs makes its shard's quota row hot",
    mitigation:
      "Grant several slots in one transaction for a batch of its jobs, and give a very large tenant a shard of its own",
    formula: {
      yields: "slot grants and releases a second",
      expression: "workers * slots_per_worker / job_seconds * 2",
      unit: "writes/s",
    },
    topic: T,
  },
] as const;

export const SLOT_TECHNOLOGIES: TechnologyInput[] = [
  {
    product: "PostgreSQL sharded by tenant id (a primary with a synchronous replica each)",
    layer: "storage",
    fits: "One tenant row with max_concurrent and held: UPDATE … SET held = held + 1 WHERE held < max_concurrent reports one row or none, and the JobSlot insert commits in the same transaction",
    suits: ["linearizable", "durable", "rich-queries"],
    poorFor: ["multi-region", "elastic-scale"],
    caveat: "Reclaim is our own sweeper over an index on lease_expires_at; failover must not lose a committed grant",
    topic: T,
  },
  {
    product: "etcd (a slot key per job attached to a lease, granted in a transaction)",
    layer: "coordination",
    fits: "A slot key attached to a lease is deleted by etcd itself when the worker's keepAlive stops; a transaction compares the tenant's count key before it writes the new slot and count",
    suits: ["linearizable", "durable"],
    poorFor: ["high-throughput", "elastic-scale"],
    caveat: "One Raft group for every tenant: fine for thousands of renewals a second, not for millions",
    topic: T,
  },
  {
    product: "Redis semaphore (Redisson PermitExpirableSemaphore)",
    layer: "storage",
    fits: "Permits with an id and a lease time each, returned on their own when they lapse",
    suits: ["low-latency", "operational-simplicity"],
    poorFor: ["linearizable", "durable"],
    caveat:
      "Replication is asynchronous, so a failover may forget granted permits and start more jobs than the quota: fit only where a brief overshoot is allowed",
    topic: T,
  },
];

export const SLOT_COMPONENTS: ComponentSpec[] = [
  {
    id: "clients",
    name: "Tenants' clients (submit jobs)",
    kind: "client",
    runs: ["submit job", "read job status"],
    because: "a tenant submits work whenever it likes; the quota decides when each job starts",
    topic: T,
  },
  {
    id: "job-api",
    name: "Job API (accepts jobs into per-tenant queues)",
    kind: "service",
    runs: ["submit job", "read status", "set quota"],
    because: "submission never waits on a free slot: a job is queued at once and started when its tenant has room",
    topic: T,
  },
  {
    id: "job-queue",
    name: "Job queue (one queue per tenant)",
    kind: "store",
    holds: ["QueuedJob"],
    runs: ["enqueue", "take next of a tenant", "requeue"],
    because: "a tenant's backlog waits in its own queue, so it never blocks another tenant's jobs",
    topic: T,
  },
  {
    id: "dispatcher",
    name: "Dispatcher (round-robin over tenants with a free slot)",
    kind: "service",
    runs: ["pick next tenant", "acquire slot", "hand job to a worker"],
    because: "a job leaves its queue only with a granted slot, and tenants are served in turn",
    topic: T,
  },
  {
    id: "slot-authority",
    name: "Slot authority (tenant-sharded, a consensus group per shard: quota rows and slots)",
    kind: "replica-group",
    holds: ["TenantQuota", "JobSlot"],
    runs: ["conditional grant", "renew lease", "release", "reclaim"],
    because: "each tenant's count has one writer, its shard leader, and survives a node's loss",
    topic: T,
  },
  {
    id: "workers",
    name: "Workers (run jobs, heartbeat their slots, stop a job they cannot renew)",
    kind: "worker-pool",
    runs: ["run job", "renew slot lease", "release slot", "stop job at deadline"],
    because: "the workers hold the slots while they run, and are the ones that crash",
    topic: T,
  },
  {
    id: "reclaimer",
    name: "Reclaimer (returns slots whose lease lapsed)",
    kind: "control-loop",
    runs: ["find lapsed slots", "delete by token and lower held", "requeue the job"],
    because: "a crashed worker never releases, so a sweep over lease_expires_at must",
    topic: T,
  },
];

export const SLOT_LINKS: LinkSpec[] = [
  { from: "clients", to: "job-api", kind: "request", label: "submit jobs", topic: T },
  { from: "job-api", to: "job-queue", kind: "request", label: "enqueue by tenant", topic: T },
  { from: "dispatcher", to: "job-queue", kind: "request", label: "take next job of a tenant", topic: T },
  { from: "dispatcher", to: "slot-authority", kind: "request", label: "grant a slot under the quota", topic: T },
  { from: "dispatcher", to: "workers", kind: "request", label: "run job with its slot token", topic: T },
  { from: "workers", to: "slot-authority", kind: "request", label: "heartbeat renewals, release", topic: T },
  { from: "reclaimer", to: "slot-authority", kind: "request", label: "delete lapsed slots by token", topic: T },
  { from: "reclaimer", to: "job-queue", kind: "request", label: "requeue the job", topic: T },
];

export const SLOT_API: ApiSpec[] = [
  {
    operation: "submit job",
    call: "POST /v1/tenants/{tenant_id}/jobs",
    request: ["job_id (the client's, for retries)", "payload"],
    response: ["202 queued", "position in the tenant's queue"],
    errors: ["409 job_id already submitted (the first answer is returned)"],
    guarantee: "a retried submit queues the job once; it starts when the tenant has a free slot",
    topic: T,
  },
  {
    operation: "acquire slot",
    call: "POST /v1/tenants/{tenant_id}/slots",
    request: ["job_id", "worker_id", "lease_seconds"],
    response: ["slot granted: fencing token, lease_expires_at"],
    errors: ["409 quota full (retry when a slot frees)", "503 the tenant's shard has no leader: nothing granted"],
    guarantee: "granted only while held is below the quota, on the tenant's shard leader",
    topic: T,
  },
  {
    operation: "renew slot",
    call: "PUT /v1/slots/{job_id}/lease",
    request: ["fencing token"],
    response: ["lease_expires_at"],
    errors: ["410 slot lapsed or reclaimed: stop the job"],
    guarantee: "extends only the slot still holding this token",
    topic: T,
  },
  {
    operation: "release slot",
    call: "DELETE /v1/slots/{job_id}?token={fencing_token}",
    request: ["job_id", "fencing token"],
    response: ["204"],
    errors: [],
    guarantee: "idempotent; frees only the slot granted with this token",
    topic: T,
  },
  {
    operation: "set quota",
    call: "PUT /v1/tenants/{tenant_id}/quota",
    request: ["max_concurrent", "expected_version"],
    response: ["new version"],
    errors: ["409 version changed"],
    guarantee: "a lowered quota starts nothing new until held is below it; running jobs keep their slots",
    topic: T,
  },
];

export const SLOT_DATA: DataSpec[] = [
  {
    entity: "TenantQuota",
    key: ["tenant_id"],
    fields: ["max_concurrent", "held", "next_token", "version"],
    indexes: [],
    partitionKey: "hash(tenant_id)",
    owner: "slot-authority",
    topic: T,
  },
  {
    entity: "JobSlot",
    key: ["tenant_id", "job_id"],
    fields: ["worker_id", "fencing_token", "acquired_at", "lease_expires_at"],
    indexes: ["lease_expires_at (the reclaimer's scan)", "worker_id"],
    partitionKey: "hash(tenant_id)",
    owner: "slot-authority",
    topic: T,
  },
  {
    entity: "QueuedJob",
    key: ["tenant_id", "job_id"],
    fields: ["submitted_at", "state", "attempt", "payload_ref"],
    indexes: ["(tenant_id, state, submitted_at)"],
    partitionKey: "hash(tenant_id)",
    owner: "job-queue",
    topic: T,
  },
];

export const SLOT_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Acquire, run, renew and release a slot",
    notation:
      "dispatcher>job-queue[take the next job of a tenant] -> dispatcher>slot-authority[grant: raise held and insert the slot with a new token {TenantQuota.held < max_concurrent}] -> slot-authority>dispatcher[token and lease] -> dispatcher>workers[run the job with its token] -> workers>slot-authority[renew on each heartbeat {token matches and lease current}] -> workers>slot-authority[release by job id and token, lower held] |-> dispatcher>job-queue[leave the job queued {TenantQuota.held >= max_concurrent}] => done | reject",
    topic: T,
  },
  {
    name: "A worker dies and its slot comes back",
    notation:
      "workers[stop the job at its deadline {no renewal before lease end minus drift}] -> reclaimer>slot-authority[find slots lapsed longer than the drift bound] -> reclaimer>slot-authority[delete by job id and token, lower held {token unchanged}] -> reclaimer>job-queue[requeue the job with its attempt raised] => done | retry",
    topic: T,
  },
];

/**
 * The semaphore's figures: the jobs running at once (the stated workers' slots), job starts a second, grant and
 * release writes, heartbeat renewals, and the slot state held.
 */
export const SLOT_CAPACITY: CapacityModel = {
  inputs: [
    inp("tenants", 1000, "a multi-tenant service with about a thousand customers"),
    inp("workers", 100, "a worker fleet of about a hundred machines"),
    {
      quantity: "slots_per_worker",
      label: "jobs one worker runs at once",
      unit: "jobs",
      typical: 4,
      why: "a few jobs per machine, one per core group (a planning figure)",
    },
    {
      quantity: "job_seconds",
      label: "how long one job runs",
      unit: "s",
      typical: 300,
      why: "a background job of a few minutes (an export, a build); a planning figure",
      from: { expression: "run_seconds", why: "the prompt says how long a job runs" },
    },
    {
      quantity: "heartbeat_seconds",
      label: "interval between two renewals of one slot's lease",
      unit: "s",
      typical: 10,
      why: "a lease of about 30 s renewed every third of it (a planning figure)",
    },
    {
      quantity: "slot_bytes",
      label: "bytes of one slot row with its indexes",
      unit: "B",
      typical: 200,
      why: "ids, a token and two times, with index overhead",
    },
  ],
  figures: [
    fig("running_jobs", "jobs running at once across the fleet", "count", "workers * slots_per_worker", "jobs"),
    fig("job_starts", "job starts a second", "rate", "workers * slots_per_worker / job_seconds", "jobs/s"),
    fig(
      "grant_release_writes",
      "slot grants and releases a second",
      "rate",
      "workers * slots_per_worker / job_seconds * 2",
      "writes/s",
    ),
    fig("renewals", "lease renewals a second", "hotspot", "workers * slots_per_worker / heartbeat_seconds", "writes/s"),
    fig("lease_seconds", "a slot's lease, three heartbeats long", "time", "heartbeat_seconds * 3", "s"),
    fig(
      "slot_state_bytes",
      "quota rows and live slots held",
      "storage",
      "(tenants + workers * slots_per_worker) * slot_bytes",
      "B",
    ),
  ],
};

export const SLOT_DECISIONS: DecisionPoint[] = [
  {
    id: "i08-slots-unrenewable",
    topic: T,
    question: "What does a worker do with a running job when it cannot renew the job's slot?",
    options: [
      {
        id: "stop-job",
        name: "stop the job at its own deadline, before the reclaimer may hand the slot to another",
        buys: "the quota holds even when a worker is cut off: no tenant ever runs one job over its cap",
        costs: "a partition or an authority outage longer than the lease stops running jobs, which restart later",
        winsWhen: "the quota is a hard cap (licences, a database's connections, a paid plan's limit)",
        // the prompt states the quota as a cap never run over, even for a moment
        wins: [{ words: HARD_CAP }],
      },
      {
        id: "keep-running",
        name: "let the job finish and reclaim only slots whose worker is known dead",
        buys: "long jobs survive a short authority outage",
        costs:
          "a worker cut off from the authority but alive runs on while its slot is reclaimed, so the tenant may run over its quota",
        winsWhen: "the quota is a fairness target and a brief overshoot costs little",
        wins: [{ words: "\\b(?:soft (?:limit|cap|quota)|best[- ]effort|roughly|approximately)\\b" }],
      },
    ],
    rules: [
      {
        when: [{ words: String.raw`\b(?:soft (?:limit|cap|quota)|best[- ]effort|roughly|approximately)\b` }],
        option: "keep-running",
        because: "the prompt allows the quota to be approximate",
      },
    ],
    fallback: {
      option: "stop-job",
      because: "a worker that runs on after losing its slot breaks the cap the prompt states",
    },
  },
];
