import type { ArchetypeId } from "../vocab.js";
import type { MechanismId } from "./catalog.js";

/**
 * The mechanisms that realise each archetype's central rule: the only ones a script may name as the design's core
 * mechanism when the design holds one of them. A replication, idempotency or ordering companion (tunable quorums, an
 * idempotency key, per-key ordering) sits under almost every design, so it is listed only where it is what the
 * archetype is about: a consensus store's replicated log, a log's in-sync replicas, an aggregate counted once by its
 * event id, a workflow's external effect taken once under its key. Best first within an archetype. Own words.
 */
export const CORE_MECHANISMS: Readonly<Record<ArchetypeId, readonly MechanismId[]>> = {
  // a majority agrees on every write; locks and sessions are leases on top of it
  I01: ["consensus-replication", "lease", "guarded-transition", "head-pointer-cas"],
  // one holder at a time: a lease granted by a conditional write, a late holder fenced off
  I02: ["lease", "guarded-transition", "fencing-token", "range-lease", "claim-run"],
  // a due run created once, claimed by one worker
  I03: ["put-if-absent", "claim-run", "guarded-transition", "lease", "due-time-index"],
  // a frontier handed out under its per-host guard, a scan resumed from its checkpoint
  I04: ["guarded-transition", "scan-checkpoint", "sharded-frontier", "claim-run"],
  // a replicated append-only log, or a queue that leases each message to one consumer, or one sequencer per subject
  I05: [
    "isr-replication",
    "op-sequencer",
    "claim-run",
    "lease",
    "guarded-transition",
    "append-log",
    "consumer-offsets",
  ],
  // a derived copy fed once from the truth: the outbox, the snapshot, counts taken once per event, a sink that
  // applies only a newer version
  I06: [
    "order-statistic-index",
    "transactional-outbox",
    "versioned-snapshot",
    "partition-top-k-merge",
    "dedup-window",
    "version-check",
    "projector-checkpoint",
    "append-log",
  ],
  // a cached copy and its origin: a versioned overwrite, a purge on change, a key created once
  I07: ["versioned-overwrite", "cache-invalidation", "put-if-absent", "content-addressing", "request-coalescing"],
  // admission by a counter or bucket each key owns
  I08: ["token-bucket", "atomic-counter", "concurrency-slots"],
  // identifiers that never repeat: a worker id held under a lease, or one counter advanced in a transaction
  I09: ["worker-id-allocation", "heartbeat-renewal", "timestamp-sequence-id", "transaction", "range-lease"],
  // a registration created once and kept alive by heartbeats
  I10: ["put-if-absent", "heartbeat-renewal", "lease", "gossip-dissemination"],
  // a versioned change carried to every client in order, rolled out in stages
  I11: ["staged-rollout", "watch-stream", "versioned-snapshot", "head-pointer-cas"],
  // an external effect taken once: outbox, idempotency key, saga, fencing
  I12: ["transactional-outbox", "idempotency-key", "saga", "fencing-token", "guarded-transition"],
  // the merge of concurrent edits to one subject: a sequencer with transforms, or a CRDT, or last writer wins; an
  // auction's bids decided and sequenced by its one owner; a match's inputs applied by its one server at each tick; a
  // meeting's streams forwarded by its one SFU, each receiver's layers within its bandwidth estimate
  I13: [
    "owner-sequenced-bid",
    "authoritative-tick",
    "selective-forwarding",
    "op-sequencer",
    "operational-transform",
    "crdt-merge",
    "lww-overwrite",
  ],
  // immutable content named by its hash, published before its pointer
  I14: ["content-addressing", "publish-content-first", "head-pointer-cas"],
  // work placed on a fleet and fenced when its holder is replaced
  I15: ["fencing-token", "publish-content-first", "sandbox-isolation", "placement-scheduler", "lease"],
  // a key's state changed by its own conflict rule: a versioned or conditional write, a merge, a transaction
  I16: [
    "versioned-overwrite",
    "lww-overwrite",
    "crdt-merge",
    "guarded-transition",
    "put-if-absent",
    "atomic-counter",
    "transaction",
    "commit-wait",
    "saga",
  ],
  // a routing snapshot every proxy loads whole, by version; an exchange's fan-out to bidders answered by its deadline
  I17: ["versioned-snapshot", "health-checked-selection", "outlier-ejection", "deadline-fanout"],
  // samples appended durably in order, rules evaluated by one owner
  I18: ["write-ahead-log", "append-log", "guarded-transition", "out-of-order-window", "trace-sampling"],
  // chunks placed under a lease and published before the pointer that names them
  I19: ["lease", "publish-content-first", "content-addressing", "replica-repair"],
};

/**
 * The replication, idempotency and ordering companions that sit under almost any design. A rule kept only by these
 * (acknowledged once a quorum stores it, a retried request takes effect once) is the substrate's housekeeping, not the
 * subject's central rule, unless its archetype lists one of them as core (a consensus store, a log, a workflow).
 */
export const GENERIC_KEEPERS: readonly MechanismId[] = [
  "quorum-read-write",
  "pipelined-replication",
  "consensus-replication",
  "sync-standby-replication",
  "isr-replication",
  "async-replication",
  "anti-entropy-repair",
  "partition-key-ordering",
  "epoch-term",
  "idempotency-key",
  "dedup-window",
  "idempotent-receiver",
  "version-check",
  "ttl-expiry",
  "leader-read",
];

/**
 * Whether a rule's named keeper (`keptBy`) may be spoken as the core: any mechanism but a generic companion, and a
 * generic one only where one of the design's archetypes lists it as core.
 */
export const keeperMayLead = (id: string, archetypes: readonly ArchetypeId[]): boolean =>
  !(GENERIC_KEEPERS as readonly string[]).includes(id) ||
  archetypes.some((a) => (CORE_MECHANISMS[a] as readonly string[]).includes(id));
