import type { OperationInfo, ShapeMechanism } from "./tables-schema.js";

/** The seven shared operations every normalised requirement is expressed in (FRAMEWORK.md §4). */
export const OPERATIONS: readonly OperationInfo[] = [
  {
    operation: "create target",
    meaning: "Bring a new record into existence in the authoritative store; a second copy of it must not appear.",
    defaultInteraction: "create target",
  },
  {
    operation: "overwrite current value",
    meaning: "Replace the single current value of an existing record, whatever it was, subject to a version rule.",
    defaultInteraction: "update target",
  },
  {
    operation: "state transition",
    meaning: "Move a record from one named state to another only when it is still in the state the caller expects.",
    defaultInteraction: "update target",
  },
  {
    operation: "append event",
    meaning: "Add an immutable fact to the end of an ordered sequence without touching what is already there.",
    defaultInteraction: "create target",
  },
  {
    operation: "async process",
    meaning:
      "Work that runs after, or apart from, the request that caused it: propagation, maintenance or an outside call.",
    defaultInteraction: "async side-effect target",
  },
  {
    operation: "read source",
    meaning: "Read the authoritative state from its owner, paying for freshness with latency or load.",
    defaultInteraction: "read source target",
  },
  {
    operation: "read projection",
    meaning: "Read a derived copy (cache, index, replica, view) that may lag the truth by a stated bound.",
    defaultInteraction: "read projection target",
  },
];

/**
 * Write shape / read shape → default base mechanism (FRAMEWORK.md §5).
 *
 * "async process" defaults to a reconciliation loop: most infra async work (rebalance, propagate,
 * compact, repair, collect) converges observed state on desired state, and a loop that recomputes
 * the gap on every pass survives crashes and duplicates without a recorded hand-off. When the async
 * work is triggered by one specific write that must not be lost, the predicates add the hand-off:
 * external-effect brings the transactional outbox, derived-read brings the projector checkpoint.
 */
export const WRITE_SHAPE_MECHANISMS: readonly ShapeMechanism[] = [
  {
    shape: "create target",
    mechanism: "insert-primary",
    realizations: [
      "row insert under a unique key",
      "key-value put-if-absent",
      "content-addressed blob write where the name is the hash",
    ],
    why: "A new record needs one durable home and a uniqueness rule so a repeat cannot make a second copy.",
  },
  {
    shape: "overwrite current value",
    mechanism: "versioned-overwrite",
    realizations: [
      "version column checked in the update",
      "ETag with a conditional put",
      "optimistic concurrency with read, compute, write-if-unchanged and retry",
      "last-writer-wins, only where the business accepts losing a concurrent write",
    ],
    why: "Carrying the version read makes a lost update visible instead of silent; plain overwrite is an opt-in relaxation.",
  },
  {
    shape: "state transition",
    mechanism: "guarded-transition",
    realizations: [
      "conditional update where the state and version equal the expected ones",
      "compare-and-set on a key-value entry",
      "a transaction when several rows must move together",
    ],
    why: "A transition is only valid from a known prior state, so the guard belongs in the write itself.",
  },
  {
    shape: "append event",
    mechanism: "append-log",
    realizations: [
      "immutable insert into an append-only table",
      "append to a partitioned log",
      "time-series append through a write-ahead log",
    ],
    why: "Facts are never edited, so an ordered durable append gives history, replay and a natural ordering scope.",
  },
  {
    shape: "async process",
    mechanism: "reconciliation-loop",
    realizations: [
      "controller comparing desired and observed state each pass",
      "outbox relay worker draining recorded intents",
      "background compaction, repair or collection job resuming from a checkpoint",
      "queue consumer with an idempotent handler",
    ],
    why: "Async work must tolerate crashes and repeats; re-deriving what is left to do each pass makes it converge idempotently.",
  },
  {
    shape: "read source",
    mechanism: "leader-read",
    realizations: [
      "read from the primary or the leader holding a valid lease",
      "quorum read across replicas",
      "linearizable read confirmed through the consensus log",
    ],
    why: "Only the current owner of the truth can promise the read reflects every acknowledged write.",
  },
  {
    shape: "read projection",
    mechanism: "derived-view-read",
    realizations: [
      "cache or edge copy with a time-to-live",
      "search or secondary index",
      "materialised view",
      "follower replica with bounded lag",
    ],
    why: "A copy trades freshness for cost and latency, so it needs a stated lag bound and a way to rebuild from truth.",
  },
];
