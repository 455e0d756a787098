import type { RoleVocabularyEntry } from "./tables-schema.js";

/**
 * Generic failure and bottleneck vocabularies per component role (FRAMEWORK.md §7). The design
 * classifies each component's role, restates these phrases in the domain, and keeps the pairing
 * of each failure with a prevention and a repair.
 */
export const ROLE_VOCABULARY: readonly RoleVocabularyEntry[] = [
  {
    role: "truth",
    meaning: "The authoritative state: when it and any copy disagree, it is right and the copy is wrong.",
    failures: [
      {
        phrase: "written twice",
        prevention: "Give every create an idempotency key or deterministic id and write it with put-if-absent.",
        repair: "Find records sharing the same request id, keep the first, and merge or void the others.",
      },
      {
        phrase: "half committed",
        prevention:
          "Change related records in one transaction, or as a recorded workflow whose every step can be undone.",
        repair: "Scan for records left in intermediate states and either finish the change or compensate it.",
      },
      {
        phrase: "overwritten concurrently",
        prevention: "Require the version that was read on every overwrite and refuse the write when it has moved.",
        repair: "Rebuild the lost change from the append history or audit trail and reapply it on the current value.",
      },
      {
        phrase: "served stale",
        prevention: "Send reads that need freshness to the leader or a quorum, and label replica reads with their lag.",
        repair: "Invalidate or re-read the affected copies and tell the caller to retry against the authority.",
      },
      {
        phrase: "acked before durable",
        prevention:
          "Acknowledge only after the write is in the log on enough replicas to survive the failures promised.",
        repair:
          "Replay from the write-ahead log or the surviving replicas and report any acknowledged writes that were lost.",
      },
    ],
    bottlenecks: [
      {
        phrase: "hot key",
        mitigation: "Split the key into sub-keys that merge on read, or move it to a dedicated shard.",
      },
      {
        phrase: "serialization point",
        mitigation: "Narrow the ordering scope to per key or per partition so unrelated writes proceed in parallel.",
      },
      {
        phrase: "read hotspot",
        mitigation: "Serve tolerant reads from replicas or caches and coalesce identical misses.",
      },
      {
        phrase: "replication cost",
        mitigation:
          "Batch and pipeline replication, and replicate synchronously only inside the failure domain that must survive.",
      },
    ],
  },
  {
    role: "derived",
    meaning: "A copy shaped for reading (cache, index, view, replica) that can always be rebuilt from the truth.",
    failures: [
      {
        phrase: "late",
        prevention: "Measure projector lag against the source position and alert when it passes the promised bound.",
        repair: "Add projector capacity or route the affected reads to the source until the copy catches up.",
      },
      {
        phrase: "missing",
        prevention:
          "Drive the projection from the source's ordered change stream and advance its checkpoint only after applying.",
        repair: "Compare the copy with the source and replay the gap from the last good checkpoint.",
      },
      {
        phrase: "applied twice",
        prevention: "Make each projected write idempotent by keying it on the source event id or version.",
        repair: "Recompute the affected entries from the source rather than trying to subtract the duplicate.",
      },
      {
        phrase: "tombstone missed",
        prevention: "Carry deletes as tombstones through the same stream and keep them until every copy has seen them.",
        repair: "Run a sweep that removes copy entries whose source record no longer exists.",
      },
      {
        phrase: "rebuilt stale",
        prevention: "Rebuild from a snapshot taken at a known position and then replay everything after that position.",
        repair:
          "Discard the rebuilt copy and rebuild again from a fresh snapshot plus tail replay before swapping it in.",
      },
    ],
    bottlenecks: [
      {
        phrase: "fan-out",
        mitigation: "Fan out at write time only for ordinary keys and merge at read time for the very large ones.",
      },
      { phrase: "lag", mitigation: "Partition the projector by key so it scales out while keeping per-key order." },
      { phrase: "hot projection", mitigation: "Replicate or cache the hot view entry and spread its reads." },
      { phrase: "rebuild cost", mitigation: "Keep periodic snapshots so a rebuild replays only a short tail." },
      {
        phrase: "scatter-gather",
        mitigation:
          "Partition the view by the dominant query key so most reads touch one shard, and cap the rest with timeouts.",
      },
    ],
  },
  {
    role: "coordination",
    meaning: "State that decides who may act: leases, locks, leaders, claims, memberships and assignments.",
    failures: [
      {
        phrase: "granted twice",
        prevention: "Grant through one conditional write on quorum-replicated state, never from a cache or a replica.",
        repair: "Bump the fencing number so the resource rejects the older holder, then let one holder re-acquire.",
      },
      {
        phrase: "stale owner accepted",
        prevention: "Have the protected resource check the fencing token on every write and refuse older ones.",
        repair: "Undo or re-validate the work done under the stale token and re-run it under the current owner.",
      },
      {
        phrase: "expiry late",
        prevention:
          "Compute expiry on the granting side's clock with a safety margin, and have holders stop before it.",
        repair: "Force-expire the grant by bumping its epoch and reassign the work.",
      },
      {
        phrase: "release missed",
        prevention: "Attach every grant to a lease so a holder that vanishes without releasing loses it on expiry.",
        repair: "Let the expiry sweeper free the grant with a guarded release that leaves renewed grants alone.",
      },
      {
        phrase: "progress stalled",
        prevention:
          "Require holders to renew with a progress marker and alert when a grant is held but nothing advances.",
        repair: "Revoke the stuck holder's grant and hand the work to another actor from its last checkpoint.",
      },
    ],
    bottlenecks: [
      {
        phrase: "fan-in on the coordinator",
        mitigation: "Keep only ownership in the coordinator, shard it by resource, and let holders do the work off it.",
      },
      {
        phrase: "heartbeat/renew storms",
        mitigation: "Lengthen lease duration, add jitter to renewals, and batch many leases under one session.",
      },
      {
        phrase: "reclaim thundering herd",
        mitigation: "Randomise who retries first after an expiry and back off contenders that lose.",
      },
    ],
  },
  {
    role: "immutable",
    meaning: "Content written once and never changed; only the pointers naming it move.",
    failures: [
      {
        phrase: "published incomplete",
        prevention: "Make all bytes and the manifest durable and verified before moving any name to them.",
        repair: "Move the name back to the last complete version and re-upload the missing pieces.",
      },
      {
        phrase: "misreferenced",
        prevention: "Refer to content by its hash and verify checksums on write and on read.",
        repair: "Re-point the reference to the correct digest and purge copies served under the wrong one.",
      },
      {
        phrase: "collected too early",
        prevention: "Collect only blobs that a mark pass found unreferenced and that are older than a grace period.",
        repair: "Restore the blob from a replica, backup or re-upload, and lengthen the grace period.",
      },
      {
        phrase: "lost after publish",
        prevention: "Replicate content across failure domains before acknowledging the publish.",
        repair: "Re-replicate from surviving copies and run scrubbing that compares stored hashes.",
      },
      {
        phrase: "mutated after publish",
        prevention: "Refuse overwrites of any published digest and make storage write-once for content.",
        repair: "Detect the hash mismatch, restore the original bytes, and publish any change as a new version.",
      },
    ],
    bottlenecks: [
      {
        phrase: "blob fan-out on a hot release",
        mitigation:
          "Serve immutable blobs through edge caches and peer distribution, and stage the rollout to spread demand.",
      },
      {
        phrase: "metadata lookup on resolve",
        mitigation:
          "Cache digest lookups forever and name-to-digest lookups briefly, since only the latter can change.",
      },
      {
        phrase: "GC scan cost",
        mitigation: "Keep reference counts or per-blob reference records so collection does not rescan every manifest.",
      },
      {
        phrase: "large upload throughput",
        mitigation: "Upload in resumable chunks in parallel and skip chunks whose hash the store already has.",
      },
    ],
  },
  {
    role: "external effect",
    meaning:
      "A call whose effect leaves our system (payment, email, webhook, provider action) and cannot be rolled back by us.",
    failures: [
      {
        phrase: "fired twice",
        prevention: "Send a stable idempotency key with every call so the provider applies the effect once.",
        repair: "Detect the duplicate in reconciliation and issue a compensating action such as a refund.",
      },
      {
        phrase: "fired but unrecorded",
        prevention: "Record the intent before calling and record the outcome keyed by the same id afterwards.",
        repair: "Query the provider by idempotency key and write back the outcome it reports.",
      },
      {
        phrase: "recorded but never fired",
        prevention: "Write the intent to an outbox in the same transaction and relay it until the provider confirms.",
        repair: "Re-drive outbox entries that are older than a threshold and still lack a confirmation.",
      },
      {
        phrase: "retried after success",
        prevention: "Before retrying an ambiguous failure, ask the provider for the status of that key.",
        repair: "Reconcile against the provider's record and void the extra effect.",
      },
      {
        phrase: "dependency stalled",
        prevention:
          "Put timeouts and a circuit breaker on the call and keep the intent queued rather than blocking callers.",
        repair:
          "Drain the queued intents with backoff once the provider recovers, and park persistent failures for review.",
      },
    ],
    bottlenecks: [
      {
        phrase: "slow provider",
        mitigation:
          "Call asynchronously from workers with a bounded pool, so provider latency never holds request threads.",
      },
      {
        phrase: "provider rate limits",
        mitigation: "Meter outgoing calls with a token bucket per provider account and queue the excess.",
      },
      {
        phrase: "reconciliation backlog",
        mitigation: "Reconcile incrementally from a checkpoint and prioritise entries that are unconfirmed and oldest.",
      },
      {
        phrase: "outbox relay lag",
        mitigation: "Partition the outbox and run one relay per partition to keep per-key order.",
      },
    ],
  },
];
