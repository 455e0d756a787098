import { fig } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { ArchetypeInput } from "../../schema.js";
import type { ComponentSpec, DataSpec, LinkSpec, ProtocolSpec, Topology } from "../../topology.js";

/**
 * A claim held as lasting ownership (topic "lasting-ownership", knowledge/topics.ts: a domain registered to an
 * account, a vehicle titled to an owner of record, a call number issued to one copy): one durable ownership record per
 * resource (owner, since, a version that rises on every change of owner, state) and an append-only transfer history.
 * A claim is a conditional insert, a transfer a compare-and-set on the version with the current owner's authorisation,
 * a retirement a guarded transition. Nothing here has a session, a keep-alive, an expiry sweep or a lease length: the
 * record changes only when someone asks for a change, so it never lapses on silence.
 */
const T = "lasting-ownership" as const;

export const LASTING_ENTITIES = [
  {
    name: "OwnershipRecord",
    description:
      "One row per resource: the owner of record, since when, the state (active or retired) and a version that rises by one on every change of owner and is never reused, so it doubles as a fencing counter. Nothing on it expires; it changes only by a claim, a transfer or a retirement.",
    truth: true,
    topic: T,
  },
  {
    name: "OwnershipTransfer",
    description:
      "The resource's history of owners: one append-only row per change (the version it produced, the previous and new owner, who authorised it and when), written in the same commit as the record it explains.",
    truth: true,
    topic: T,
  },
] as const;

export const LASTING_WRITES = [
  {
    action:
      "claim a free resource by a conditional insert of its ownership record (owner, since, version 1), which fails if any record exists for it, so two claims of one resource never both succeed",
    entity: "OwnershipRecord",
    shape: "create target",
    mechanism: "put-if-absent",
    critical: true,
    topic: T,
  },
  {
    action:
      "transfer the resource by a compare-and-set on the version the current owner's authorisation named, setting the new owner and raising the version by one",
    entity: "OwnershipRecord",
    shape: "state transition",
    mechanism: "version-check",
    critical: true,
    topic: T,
  },
  {
    action:
      "append the change to the resource's history (previous and new owner, version, authorisation) in the same transaction as the record",
    entity: "OwnershipTransfer",
    shape: "append event",
    mechanism: "transaction",
    critical: true,
    topic: T,
  },
  {
    action:
      "retire the resource once by a guarded transition from active to retired on its current version, recorded in the history; a retired record is never claimed or transferred again",
    entity: "OwnershipRecord",
    shape: "state transition",
    mechanism: "guarded-transition",
    critical: true,
    topic: T,
  },
] as const;

export const LASTING_READS = [
  {
    action: "look up the owner of record, state and version of a resource",
    entity: "OwnershipRecord",
    shape: "read source",
    staleness:
      "none for a decision: a claim, transfer or retirement reads the primary and carries the version it saw into its compare-and-set; a replica copy may trail by its apply lag and only answers who-owns-what lookups",
    topic: T,
  },
  {
    action: "read a resource's history of owners in version order",
    entity: "OwnershipTransfer",
    shape: "read projection",
    staleness:
      "a replica may trail the last commit by its apply lag; the history is never used to decide a transfer, only the record's version is",
    tolerates: "stale",
    topic: T,
  },
] as const;

export const LASTING_INVARIANTS = [
  "Each resource has at most one OwnershipRecord, created only by a conditional insert, so two claims of one resource never both succeed.",
  "OwnershipRecord.version rises by exactly one on every change of owner and is never reused, so a request carrying an older version changes nothing.",
  "A transfer changes the owner only with the current owner's authorisation and the version it read, and its OwnershipTransfer row commits in the same transaction.",
  "Ownership never lapses on silence: only a claim, a transfer or a retirement changes an OwnershipRecord, and a retired resource is never claimed again.",
  "A change of owner is acknowledged only after it is durable on more than one machine, so a failover of the store cannot forget an owner.",
];

/** Where order, exclusivity and agreement hold: per resource, on its own record, with no session anywhere. */
export const LASTING_SCOPES = {
  topic: T,
  ordering: {
    scope: "key",
    why: "each resource's changes are ordered by its own version; different resources never wait on each other",
  },
  exclusivity: {
    scope: "key",
    why: "each resource has one owner of record, changed only by a compare-and-set on its version",
  },
  coordination: {
    scope: "key",
    why: "a claim, transfer or retirement is one conditional write on the resource's record and its history row, in one transaction",
  },
} as const;

export const LASTING_PREDICATES = [
  {
    id: "stale-write-dangerous",
    topic: T,
    because:
      "a transfer prepared from an old read would hand the resource on from someone who no longer owns it, so every change carries the version it read",
  },
  {
    id: "quorum-truth",
    topic: T,
    because:
      "an owner remembered by one node and forgotten after a failover would let the resource be claimed twice, so a change is durable on more than one machine before it is acknowledged",
  },
  {
    id: "duplicate-retry-matters",
    topic: T,
    because:
      "a claim or transfer whose reply was lost is retried; keyed by its request id it finds its own change instead of failing as a conflict",
  },
] as const;

export const LASTING_FAILURES = [
  {
    failure: "Claimed twice: two claimants both read the resource as free and both write a record",
    role: "truth",
    prevention: "Create the record only by a conditional insert on the resource's key, on the primary",
    repair: "The second insert fails and its claimant is told the owner; no record is ever overwritten by a claim",
    topic: T,
  },
  {
    failure:
      "Lost transfer: two transfers of one resource read the same version, and the later write silently undoes the earlier",
    role: "truth",
    prevention: "Every transfer is a compare-and-set on the version it read, raising it by one",
    repair: "The second write fails on the changed version; its caller re-reads the new owner and asks again",
    topic: T,
  },
  {
    failure: "Transfer without consent: a forged or replayed request moves the resource away from its owner",
    role: "truth",
    prevention:
      "Accept a transfer only with the current owner's authorisation for that version (a one-time transfer code or a signed confirmation), checked before the write and kept in the history",
    repair:
      "Undo it by a new transfer back to the rightful owner, recorded in the history with who authorised the correction; history rows are never edited",
    topic: T,
  },
  {
    failure: "Record and history disagree: the owner changed but its history row is missing, or the reverse",
    role: "truth",
    prevention: "Write the record and its history row in one transaction",
    repair:
      "A reconciliation compares each record's version with its latest history row and reports any gap for an operator to resolve",
    topic: T,
  },
  {
    failure:
      "Version goes backwards after the store is restored from a backup, so a request carrying an old version succeeds again",
    role: "truth",
    prevention:
      "Restore only with the history replayed to its last commit, and put a store epoch beside the version that is raised on every restore",
    repair: "Raise the epoch; callers re-read the record before their next change",
    topic: T,
  },
] as const;

export const LASTING_BOTTLENECKS = [
  {
    bottleneck:
      "The primary of the ownership store: claims, transfers and retirements all commit there, with their history rows",
    mitigation:
      "Partition by resource key if one primary's writes run out; ownership changes rarely, so one primary usually carries a whole registry",
    formula: {
      yields: "ownership changes on each primary",
      expression: "writes_per_sec * peak_factor / partitions",
      unit: "writes/s",
    },
    topic: T,
  },
  {
    bottleneck:
      "A sought-after resource (a short name, a popular number) draws many claims at the same moment on one row",
    mitigation:
      "Let every claim but the first fail fast on the conditional insert, and answer availability lookups from a replica so only real claims reach the primary",
    topic: T,
  },
  {
    bottleneck: "Owner lookups far outnumber changes",
    mitigation:
      "Serve lookups from read replicas or a cache invalidated on each change; decisions still read the primary",
    formula: { yields: "owner lookups at peak", expression: "reads_per_sec * peak_factor", unit: "reads/s" },
    topic: T,
  },
] as const;

export const LASTING_SILHOUETTE = {
  topic: T,
  storage: "ownership record per resource + append-only transfer history",
  coordination: "conditional insert + compare-and-set on version",
  serving: "owner lookup / authorised transfer path",
} as const;

/**
 * Facts, checked: PostgreSQL's INSERT ... ON CONFLICT DO NOTHING skips a row whose key already exists (PostgreSQL
 * documentation, INSERT); DynamoDB's condition expressions with attribute_not_exists make a put fail when the item
 * exists, and TransactWriteItems applies its writes all or nothing (Amazon DynamoDB Developer Guide).
 */
export const LASTING_TECHNOLOGIES: ArchetypeInput["technologies"] = [
  {
    product: "PostgreSQL ownership table",
    layer: "storage",
    fits: "A claim is an INSERT that does nothing on a key conflict, a transfer an UPDATE ... WHERE version = the version read, and the history row is inserted in the same transaction; unique keys and ordinary queries serve the registry's lookups",
    suits: ["linearizable", "durable", "operational-simplicity", "rich-queries"],
    poorFor: ["multi-region", "elastic-scale"],
    caveat:
      "A failover to an asynchronously replicated standby can lose the last changes of owner; use a synchronous standby",
    topic: T,
  },
  {
    product: "DynamoDB with conditional writes",
    layer: "storage",
    fits: "A claim is a put conditioned on attribute_not_exists, a transfer an update conditioned on the version, and a transaction writes the record and its history item together, with no servers to run",
    suits: ["durable", "elastic-scale", "operational-simplicity", "linearizable"],
    poorFor: ["multi-region", "rich-queries"],
    caveat:
      "Global tables in their default eventual mode resolve conflicting writes by last writer wins, so ownership changes are written in one region only, unless the table runs in the multi-Region strong consistency mode, which refuses a write that conflicts with one in another Region",
    topic: T,
  },
];

export const LASTING_DECISION: DecisionPoint = {
  id: "i02-ownership-store",
  topic: T,
  question: "A relational primary or a managed key-value table for the ownership records?",
  options: [
    {
      id: "ownership-relational",
      name: "a relational primary with a synchronous standby (PostgreSQL)",
      buys: "the record and its history row in one ordinary transaction, unique keys for claims, and rich queries over owners and history",
      costs: "one primary takes every change of owner; a synchronous standby adds a round trip to each commit",
      winsWhen: "changes of owner fit one primary, which they usually do, and the registry is queried in many ways",
      implies: { addMechanisms: ["transaction"], preferTechnology: ["PostgreSQL ownership table"] },
    },
    {
      id: "ownership-kv",
      name: "a managed key-value table with conditional writes (DynamoDB)",
      buys: "no servers to run and capacity that grows with the records",
      costs:
        "queries beyond the key need their own indexes, and a transaction over record and history is priced per item",
      winsWhen: "the records outgrow one primary or nobody should operate a database",
      wins: [{ number: "ownership_write_headroom", atLeast: 0.5 }],
      implies: { preferTechnology: ["DynamoDB with conditional writes"] },
    },
  ],
  rules: [
    {
      when: [{ number: "ownership_write_headroom", atLeast: 0.5 }],
      option: "ownership-kv",
      because: "changes of owner would take half of one primary's writes, so the table partitions them",
    },
  ],
  fallback: {
    option: "ownership-relational",
    because:
      "ownership changes rarely and each change writes a record and its history together, which one relational transaction does",
  },
};

/** Ownership records change rarely: the figures count claims, transfers and lookups, never keep-alives. */
export const LASTING_CAPACITY: CapacityModel = {
  inputs: [
    {
      quantity: "owned_resources",
      label: "resources with an ownership record",
      unit: "records",
      typical: 10000000,
      why: "a planning figure: a large registry keeps on the order of ten million owned things",
    },
    {
      quantity: "writes_per_sec",
      typical: 100,
      why: "a planning figure: claims, transfers and retirements together, a hundred a second at a large registry, since ownership changes rarely",
    },
    {
      quantity: "reads_per_sec",
      typical: 5000,
      why: "a planning figure: lookups of who owns something outnumber changes of owner many times over",
    },
    {
      quantity: "value_bytes",
      typical: 300,
      why: "an ownership record (resource key, owner, since, version, state) is a few hundred bytes",
    },
    {
      quantity: "primary_writes_per_sec",
      label: "small transactions one database primary commits",
      unit: "writes/s",
      typical: 5000,
      why: "a planning figure: a primary that waits for its synchronous standby on every commit is planned at a few thousand small transactions a second",
    },
    {
      quantity: "history_row_bytes",
      label: "bytes of one history row",
      unit: "B",
      typical: 500,
      why: "a history row holds the version, the previous and new owner, the authorisation and the time",
    },
  ],
  figures: [
    fig(
      "peak_ownership_writes",
      "peak changes of owner (claims, transfers, retirements)",
      "peak",
      "writes_per_sec * peak_factor",
      "writes/s",
    ),
    fig(
      "ownership_write_headroom",
      "share of one primary's write capacity the changes use",
      "headroom",
      "peak_ownership_writes / primary_writes_per_sec",
      "fraction",
    ),
    fig("peak_owner_lookups", "owner lookups at peak", "peak", "reads_per_sec * peak_factor", "reads/s"),
    fig(
      "ownership_state_bytes",
      "ownership records across the store's copies",
      "storage",
      "owned_resources * value_bytes * voters",
      "B",
    ),
    fig(
      "history_bytes_per_year",
      "transfer history added each year",
      "storage",
      "writes_per_sec * 31536000 * history_row_bytes",
      "B",
    ),
  ],
};

export const LASTING_COMPONENTS: ComponentSpec[] = [
  {
    id: "ownership-api",
    name: "Ownership API (stateless, checks the caller's authorisation)",
    kind: "gateway",
    runs: ["claim", "transfer", "retire", "look up owner"],
    because:
      "every change of owner needs the current owner's authorisation checked before the write, which a stateless front can do on any node",
    topic: T,
  },
  {
    id: "ownership-store",
    name: "Ownership store primary (records and history, one transaction per change)",
    kind: "store",
    holds: ["OwnershipRecord", "OwnershipTransfer"],
    runs: ["conditional insert", "compare-and-set on version", "append history"],
    because:
      "one primary orders every conditional write on a resource's record, so two claims or two transfers never both succeed",
    topic: T,
  },
  {
    id: "ownership-replicas",
    name: "Ownership store standby and read replicas",
    kind: "replica-group",
    replicaOf: "ownership-store",
    holds: ["OwnershipRecord", "OwnershipTransfer"],
    runs: ["synchronous standby", "serve lookups"],
    because:
      "a change is acknowledged only once the synchronous standby holds it, so a failover cannot forget an owner; the other replicas answer lookups",
    topic: T,
  },
];

export const LASTING_LINKS: LinkSpec[] = [
  {
    from: "ownership-api",
    to: "ownership-store",
    kind: "request",
    label: "claim / transfer / retire (conditional writes)",
    topic: T,
  },
  { from: "ownership-store", to: "ownership-replicas", kind: "replication", label: "commit, standby ack", topic: T },
  { from: "ownership-api", to: "ownership-replicas", kind: "request", label: "owner and history lookups", topic: T },
];

export const LASTING_API: Topology["api"] = [
  {
    operation: "claim",
    call: "POST /v1/resources/{resource}:claim",
    request: ["owner_id", "request_id"],
    response: ["owner_id", "since", "version"],
    errors: ["409 already owned (owner of record)", "410 retired", "503 store unavailable (fails closed)"],
    guarantee: "at most one owner of record per resource; a repeat with the same request id returns the same claim",
    topic: T,
  },
  {
    operation: "transfer",
    call: "POST /v1/resources/{resource}:transfer",
    request: ["new_owner_id", "expected_version", "owner_authorisation", "request_id"],
    response: ["owner_id", "version"],
    errors: ["409 version changed (re-read)", "403 not authorised by the current owner", "410 retired"],
    guarantee: "changes the owner only from the version the current owner authorised, and records it in the history",
    topic: T,
  },
  {
    operation: "retire",
    call: "POST /v1/resources/{resource}:retire",
    request: ["expected_version", "owner_authorisation"],
    response: ["retired", "version"],
    errors: ["409 version changed", "410 already retired (no-op)"],
    guarantee: "retires a resource once; it is never claimed or transferred again",
    topic: T,
  },
  {
    operation: "owner",
    call: "GET /v1/resources/{resource}",
    request: ["resource"],
    response: ["owner_id", "since", "version", "state"],
    errors: ["404 never claimed"],
    guarantee: "the owner of record as of the replica's last applied commit; decisions read the primary",
    topic: T,
  },
  {
    operation: "history",
    call: "GET /v1/resources/{resource}/history",
    request: ["resource", "from_version"],
    response: ["transfers in version order"],
    errors: ["404 never claimed"],
    guarantee: "every change of owner since the claim, in order",
    topic: T,
  },
];

export const LASTING_DATA: DataSpec[] = [
  {
    entity: "OwnershipRecord",
    key: ["resource_id"],
    fields: ["owner_id", "since", "version", "state"],
    indexes: ["owner_id (everything one owner holds)"],
    partitionKey: "resource_id",
    owner: "ownership-store",
    topic: T,
  },
  {
    entity: "OwnershipTransfer",
    key: ["resource_id", "version"],
    fields: ["previous_owner_id", "new_owner_id", "authorised_by", "at"],
    indexes: [],
    partitionKey: "resource_id",
    owner: "ownership-store",
    topic: T,
  },
];

export const LASTING_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Claim a free resource",
    notation:
      "ownership-api>ownership-store[insert the record with version 1 {no OwnershipRecord for the resource}] -> ownership-store>ownership-replicas[commit to the synchronous standby] -> ownership-replicas>ownership-store[standby ack] -> ownership-store>ownership-api[claimed, version 1] |-> ownership-store>ownership-api[already owned, with the owner of record {OwnershipRecord exists}] => done | reject",
    topic: T,
  },
  {
    name: "Transfer by compare-and-set on the version",
    notation:
      "ownership-api[check the current owner's authorisation for the version it names] -> ownership-api>ownership-store[set the new owner, raise the version and append the history row in one transaction {OwnershipRecord.version = expected version and OwnershipRecord.state = active}] -> ownership-store>ownership-replicas[commit to the synchronous standby] -> ownership-replicas>ownership-store[standby ack] -> ownership-store>ownership-api[transferred, new version] |-> ownership-store>ownership-api[conflict, re-read the owner {OwnershipRecord.version changed}] => done | retry | reject",
    topic: T,
  },
];
