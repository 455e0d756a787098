import type { ProtocolSpec, Topology } from "../../topology.js";
import { DAG_API, DAG_API_COMPONENT, DAG_COMPONENTS, DAG_DATA, DAG_LINKS, DAG_PROTOCOLS } from "./dag.js";

/** The generic timer's parts, which a DAG scheduler replaces with its own (dag.ts). */
const D = "dag-workflow" as const;

/** Due-time scheduler: schedule API, a durable schedule/run store with a due index, pollers, claimable workers. */
export const protocols: ProtocolSpec[] = [
  ...DAG_PROTOCOLS,
  {
    unlessTopic: D,
    name: "Release, claim, execute, complete",
    notation:
      "due-poller>schedule-db[scan due index and mark runnable {Run.due_at <= now and Run.state = pending}] -> workers>schedule-db[claim run {Run.state = runnable or Run.claim_expires_at < now}] -> schedule-db>workers[run id and attempt] -> workers>target[execute with idempotency key = run id] -> target>workers[result] -> workers>schedule-db[complete {Run.claimed_by = me and Run.attempt = mine}] |-> claim-sweeper>schedule-db[reclaim expired claim {Run.state = claimed and Run.claim_expires_at < now}] => done | retry | reclaim | park",
  },
  {
    // the at-most-once form of the release (decision i03-lapsed-run): the start is recorded before the call, and a
    // started run whose claim lapsed is reported, never handed to another worker
    unlessTopic: D,
    name: "Release, claim, mark started, execute once",
    notation:
      "due-poller>schedule-db[scan due index and mark runnable {Run.due_at <= now and Run.state = pending}] -> workers>schedule-db[claim run {Run.state = runnable}] -> schedule-db>workers[run id and attempt] -> workers>schedule-db[mark started durably before the call {Run.claimed_by = me and Run.state = claimed}] -> workers>target[execute once with key = run id] -> target>workers[result] -> workers>schedule-db[complete {Run.claimed_by = me and Run.attempt = mine}] |-> claim-sweeper>schedule-db[lapsed started run becomes unknown and is reported, never fired again {Run.state = started and Run.claim_expires_at < now}] => done | park",
  },
  {
    unlessTopic: D,
    name: "Create and materialise a schedule",
    notation:
      "clients>scheduler-api[schedule with idempotency key] -> scheduler-api>schedule-db[insert schedule and first run {no Schedule with this idempotency key}] -> scheduler-api>clients[schedule id and next due time] -> materializer>schedule-db[insert next run {no Run with key (schedule id, due_at)}] -> materializer>schedule-db[advance cursor {Schedule.version = read version}] => done | retry",
  },
  {
    unlessTopic: D,
    name: "Cancel racing the release",
    notation:
      "clients>scheduler-api[cancel schedule] -> scheduler-api>schedule-db[cancel unclaimed runs {Run.state = pending or Run.state = runnable}] -> scheduler-api>clients[cancelled] |-> scheduler-api>clients[already fired with run id {Run.state = claimed or Run.state = done}] => done | reject",
  },
];

export const topology: Topology = {
  components: [
    ...DAG_COMPONENTS,
    DAG_API_COMPONENT,
    {
      id: "clients",
      name: "Scheduling clients",
      kind: "client",
      runs: ["schedule", "cancel", "status"],
      because: "callers create, cancel and inspect schedules and expect a retried create not to double-schedule",
    },
    {
      unlessTopic: D,
      id: "scheduler-api",
      name: "Schedule API (stateless)",
      kind: "service",
      runs: ["create", "cancel", "status"],
      because: "validates cron and time zone, and writes the schedule and its first run in one transaction",
    },
    {
      unlessTopic: D,
      id: "schedule-db",
      name: "Schedule store (primary + sync replica)",
      kind: "store",
      holds: ["Schedule", "Run", "DueIndex"],
      runs: ["conditional claim and complete"],
      because:
        "schedules and runs are the authoritative state; a due index lets pollers find what is due without a full scan",
    },
    {
      unlessTopic: D,
      id: "materializer",
      name: "Materializer (expands recurring schedules)",
      kind: "control-loop",
      runs: ["insert the next occurrence", "advance the schedule cursor"],
      because:
        "each occurrence must exist exactly once as a Run keyed by (schedule, due time) before it can be released",
    },
    {
      unlessTopic: D,
      id: "due-poller",
      name: "Due poller (one lease per due-index shard)",
      kind: "control-loop",
      runs: ["scan due index", "release runnable runs"],
      because:
        "runs become claimable only when their due time passes; each poller scans only its own shard's due range, so a top-of-the-hour burst is spread over every shard",
    },
    {
      id: "workers",
      name: "Worker pool",
      kind: "worker-pool",
      holds: ["Attempt"],
      runs: ["claim", "execute", "complete"],
      because: "workers claim runs with an expiring claim, so a crashed worker's run is retried instead of lost",
    },
    {
      unlessTopic: D,
      id: "claim-sweeper",
      name: "Claim sweeper",
      kind: "control-loop",
      runs: ["return expired claims", "park after the retry limit"],
      because: "a worker that dies mid-run never completes; its expired claim must go back to runnable",
    },
    {
      unlessTopic: D,
      id: "target",
      name: "Job target (callback endpoint or handler)",
      kind: "external",
      runs: ["perform the job, deduplicating by run id"],
      because: "execution is at least once, so the target must treat the run id as an idempotency key",
    },
  ],
  links: [
    ...DAG_LINKS,
    { unlessTopic: D, from: "clients", to: "scheduler-api", kind: "request", label: "schedule / cancel / status" },
    {
      unlessTopic: D,
      from: "scheduler-api",
      to: "schedule-db",
      kind: "request",
      label: "insert schedule and first run",
    },
    {
      unlessTopic: D,
      from: "materializer",
      to: "schedule-db",
      kind: "control",
      label: "insert next run, advance cursor",
    },
    { unlessTopic: D, from: "due-poller", to: "schedule-db", kind: "control", label: "scan due index, release" },
    { unlessTopic: D, from: "workers", to: "schedule-db", kind: "request", label: "claim / complete (conditional)" },
    { unlessTopic: D, from: "workers", to: "target", kind: "request", label: "execute with run id" },
    { unlessTopic: D, from: "claim-sweeper", to: "schedule-db", kind: "control", label: "reclaim expired claims" },
  ],
  api: [
    ...DAG_API,
    {
      unlessTopic: D,
      operation: "schedule",
      call: "POST /v1/schedules",
      request: ["target", "payload", "run_at or cron + time_zone", "idempotency_key"],
      response: ["schedule_id", "next_due_at"],
      errors: ["400 invalid cron or time zone"],
      guarantee: "a repeat with the same idempotency key returns the first schedule",
    },
    {
      unlessTopic: D,
      operation: "cancel",
      call: "POST /v1/schedules/{schedule_id}:cancel",
      request: ["schedule_id"],
      response: ["cancelled"],
      errors: ["409 already fired (run_id)"],
      guarantee: "no occurrence that was not yet claimed runs after the cancel returns",
    },
    {
      unlessTopic: D,
      operation: "status",
      call: "GET /v1/schedules/{schedule_id}",
      request: ["schedule_id"],
      response: ["next_due_at", "recent runs with state and attempt"],
      errors: ["404 unknown schedule"],
      guarantee: "read from the authoritative store",
    },
    {
      unlessTopic: D,
      operation: "claim due runs (worker-facing)",
      call: "POST /v1/runs:claim",
      request: ["worker_id", "max", "claim_ttl"],
      response: ["runs with run_id and attempt"],
      errors: ["204 nothing due"],
      guarantee: "a run is claimed by one worker at a time; an expired claim can be taken over",
    },
    {
      unlessTopic: D,
      operation: "complete (worker-facing)",
      call: "POST /v1/runs/{run_id}:complete",
      request: ["attempt", "outcome"],
      response: ["ok"],
      errors: ["409 not owner (claim expired and re-claimed)"],
      guarantee: "only the current attempt can finish the run",
    },
  ],
  dataModel: [
    ...DAG_DATA,
    {
      unlessTopic: D,
      entity: "Schedule",
      key: ["schedule_id"],
      fields: ["cron or run_at", "time_zone", "next_due_at", "state", "idempotency_key", "version"],
      indexes: ["idempotency_key (unique)", "next_due_at"],
      partitionKey: "schedule_id",
      owner: "schedule-db",
    },
    {
      unlessTopic: D,
      entity: "Run",
      key: ["schedule_id", "due_at"],
      fields: ["state", "claimed_by", "claim_expires_at", "attempt"],
      indexes: ["(state, due_at) as the due index", "claim_expires_at"],
      partitionKey: "hash(schedule_id) mod due-index shards, due_at ordered within each shard",
      owner: "schedule-db",
    },
  ],
  entry: "scheduler-api",
  stateOwner: "schedule-db",
  outlet: "workers",
  protocols,
  unit: { entity: "Schedule", words: ["schedule"] },
  topicHooks: {
    "dag-workflow": {
      entry: "dag-api",
      stateOwner: "metadata-db",
      outlet: "workers",
    },
  },
};
