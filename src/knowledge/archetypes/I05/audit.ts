import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * The log card's audit-log subject (topic "audit-log", knowledge/topics.ts): every action is kept as its own record for
 * a retention period measured in years and must not be altered once written. The log is the system of record, so its
 * records are never rolled up, sampled or compacted by key; tamper evidence is a hash chain per partition whose head is
 * signed into checkpoints at intervals (Schneier and Kelsey, "Secure Audit Logs to Support Computer Forensics", ACM
 * TISSEC 1999; Crosby and Wallach, "Efficient Data Structures for Tamper-Evident Logging", USENIX Security 2009), and
 * the years of retention live as closed segments in object storage under a retention lock in compliance mode (Amazon
 * S3 User Guide, "Locking objects with Object Lock": in compliance mode no user, the root user included, can overwrite
 * or delete a locked object version or shorten its retention until it expires; governance mode lets a user with the
 * bypass permission do both). Searches read a derived index holding only the recent window the prompt searches.
 */

export const AUDIT_ENTITIES = [
  {
    name: "AuditRecord",
    description:
      "One action as its own record: its id, the actor, the action, the target, when it happened, the request id its writer sent, the hash of the record before it in its partition's chain (prev_hash) and its own hash over its fields and prev_hash. Appended once; nothing updates, rolls up, samples or deletes it before its retention ends.",
    truth: true,
    topic: "audit-log",
  },
  {
    name: "ChainCheckpoint",
    description:
      "A signed statement of one partition's chain: the partition, the last offset covered, the head hash at that offset and when it was made, signed with a key held in a KMS that the log's writers and operators cannot use, and stored in the write-once archive.",
    truth: true,
    topic: "audit-log",
  },
  {
    name: "ArchiveSegment",
    description:
      "A closed run of one partition's AuditRecords (first and last offsets, first and last hashes) written once as an object version under a compliance-mode retention lock whose retain-until date is the retention period after its newest record.",
    truth: true,
    topic: "audit-log",
  },
] as const;

export const AUDIT_WRITES = [
  {
    action:
      "append an action as an AuditRecord carrying the hash of the record before it in its partition's chain, under the writer's request id so a resend is not appended twice",
    entity: "AuditRecord",
    shape: "append event",
    mechanism: "hash-chain",
    critical: true,
    topic: "audit-log",
  },
  {
    action:
      "sign each partition's chain head into a ChainCheckpoint at a fixed interval and store it in the write-once archive",
    entity: "ChainCheckpoint",
    shape: "append event",
    mechanism: "hash-chain",
    hidden: true,
    critical: true,
    topic: "audit-log",
  },
  {
    action:
      "copy each closed segment to object storage as an ArchiveSegment under a compliance-mode retention lock, and only then let the brokers delete their local copy",
    entity: "ArchiveSegment",
    shape: "async process",
    mechanism: "worm-retention",
    hidden: true,
    critical: true,
    topic: "audit-log",
  },
  {
    action:
      "delete an ArchiveSegment once its retain-until date has passed, and drop search-index days older than the search window",
    entity: "ArchiveSegment",
    shape: "async process",
    mechanism: "ttl-expiry",
    hidden: true,
    topic: "audit-log",
  },
] as const;

export const AUDIT_READS = [
  {
    action:
      "a verifier recomputes each AuditRecord's hash from its predecessor across a range and compares the head with the signed ChainCheckpoint",
    entity: "AuditRecord",
    shape: "read source",
    staleness:
      "Read from the log and the archive themselves, never from the search index, so a verification sees exactly what is stored.",
    topic: "audit-log",
  },
] as const;

/** Words of a prompt clause that asks for records that cannot change once written. */
export const AUDIT_UNALTERED_WORDS = String.raw`\b(?:(?:cannot|can ?not|can't|must not|may not|must never|never|not) (?:be )?(?:altered|changed|modified|edited|rewritten|tampered with|deleted|overwritten)|tamper[- ]?(?:evident|proof|resistant)|immutable|append[- ]only|write[- ]once|worm)\b`;

export const AUDIT_UNALTERED =
  "An AuditRecord is never altered or removed once written: it is only appended, each record carries the hash of the record before it in its partition's chain, and the chain's head is signed into a ChainCheckpoint at intervals, so a record changed, dropped or reordered after it was written fails verification against the last checkpoint.";
export const AUDIT_LOCKED =
  "An ArchiveSegment is written once under a compliance-mode retention lock whose retain-until date is the retention period after its newest record: until then no one, an administrator included, can overwrite or delete it or shorten the lock, and a broker deletes its local copy of a segment only after the archived copy is locked.";
export const AUDIT_WHOLE =
  "Every AuditRecord is kept as its own record for the whole retention period: records are never rolled up, sampled or compacted by key, and the search index, which holds only the recent search window, is derived from the log and never its only copy.";

/** Audit-log invariants, each marked with its subject; the first carries a prompt clause that forbids alteration. */
export const AUDIT_INVARIANTS = [AUDIT_UNALTERED, AUDIT_LOCKED, AUDIT_WHOLE];

export const AUDIT_COMPONENTS: ComponentSpec[] = [
  {
    id: "worm-archive",
    name: "Object store with a compliance-mode retention lock (write once, kept for the retention period)",
    kind: "store",
    holds: ["ArchiveSegment", "ChainCheckpoint"],
    runs: ["keep each closed segment locked until its retain-until date", "serve reads older than the search window"],
    because:
      "the years of retention live in object storage as closed segments no one can overwrite or delete until their lock expires, so the brokers keep only a short local window",
    topic: "audit-log",
  },
  {
    id: "checkpoint-signer",
    name: "Checkpoint signer (KMS key the writers cannot use)",
    kind: "control-loop",
    runs: ["read each partition's chain head", "sign it", "store the checkpoint in the archive"],
    because:
      "a hash chain only shows tampering against a head its writer cannot rewrite, so the head is signed with a key out of the writers' reach and kept in write-once storage",
    topic: "audit-log",
  },
  {
    id: "verifier",
    name: "Chain verifier",
    kind: "worker-pool",
    runs: ["recompute hashes over a range", "compare the head with the signed checkpoint", "report a break"],
    because:
      "tamper evidence is only as good as its checking: a scheduled pass and an auditor's request recompute the chain from the archive and the log",
    topic: "audit-log",
  },
];

export const AUDIT_LINKS: LinkSpec[] = [
  {
    from: "partition-leaders",
    to: "worm-archive",
    kind: "stream",
    label: "closed segments written once under a retention lock",
    topic: "audit-log",
  },
  {
    from: "checkpoint-signer",
    to: "partition-leaders",
    kind: "control",
    label: "read chain heads",
    topic: "audit-log",
  },
  {
    from: "checkpoint-signer",
    to: "worm-archive",
    kind: "stream",
    label: "signed checkpoints",
    topic: "audit-log",
  },
  {
    from: "verifier",
    to: "worm-archive",
    kind: "request",
    label: "recompute hashes against checkpoints",
    topic: "audit-log",
  },
];

export const AUDIT_API: ApiSpec[] = [
  {
    operation: "append audit record",
    call: "POST /v1/audit/records",
    request: ["actor", "action", "target", "occurred_at", "request_id"],
    response: ["partition", "offset", "hash"],
    errors: ["503 not enough in-sync replicas (retryable)"],
    guarantee:
      "acknowledged once every in-sync replica holds it; a resend with the same request id is not appended twice; no call updates or deletes a record",
    topic: "audit-log",
  },
  {
    operation: "verify range",
    call: "GET /v1/audit/verify?partition=&from=&to=",
    request: ["partition", "from_offset", "to_offset"],
    response: ["ok or the first offset whose hash does not match", "checkpoint used"],
    errors: ["404 range past retention"],
    guarantee: "recomputed from the stored records and the signed checkpoint, never from the search index",
    topic: "audit-log",
  },
];

export const AUDIT_DATA: DataSpec[] = [
  {
    entity: "AuditRecord",
    key: ["partition", "offset"],
    fields: ["record_id", "actor", "action", "target", "occurred_at", "request_id", "prev_hash", "hash"],
    indexes: ["search index over the recent window: actor, action, target, occurred_at"],
    partitionKey: "hash(tenant or source service) mod partitions, so one chain per partition orders its records",
    owner: "partition-leaders",
    topic: "audit-log",
  },
  {
    entity: "ChainCheckpoint",
    key: ["partition", "last_offset"],
    fields: ["head_hash", "signed_at", "key_id", "signature"],
    indexes: [],
    owner: "worm-archive",
    topic: "audit-log",
  },
  {
    entity: "ArchiveSegment",
    key: ["partition", "first_offset"],
    fields: ["last_offset", "first_hash", "last_hash", "retain_until"],
    indexes: [],
    owner: "worm-archive",
    topic: "audit-log",
  },
];

export const AUDIT_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Append with the previous hash; sign the head; lock closed segments",
    notation:
      "producers>partition-leaders[append record with request id {no AuditRecord with this request id}] -> partition-leaders>isr-followers[replicate record with prev_hash and hash] -> isr-followers>partition-leaders[every in-sync replica holds it] -> partition-leaders>producers[partition, offset, hash] |-> checkpoint-signer>worm-archive[store signed head {interval elapsed}] |-> partition-leaders>worm-archive[write closed segment once, locked until retain_until {segment closed}] => done | retry",
    topic: "audit-log",
  },
];
