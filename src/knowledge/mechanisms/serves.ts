import type { MechanismId } from "./catalog.js";

/**
 * What a mechanism is for when it keeps no correctness rule of the design: liveness, throughput, cost or recovery
 * time. A mechanism listed here and paired with no invariant is shown with this purpose instead of a rule; one not
 * listed here (an idempotency key, a version check, a fencing token) exists only to keep a rule, so with no rule to
 * keep it is left out of the design. Own words; each entry says the concern, not a rule it would keep.
 */
export const MECHANISM_SERVES: Readonly<Partial<Record<MechanismId, string>>> = {
  "heartbeat-renewal": "failure detection: a holder that stops renewing is declared dead after its timeout",
  "leader-read": "fresh reads: a read that must see the latest acknowledged write goes to the current leader",
  "derived-view-read": "read throughput: reads are served from a copy so they stay off the authoritative store",
  "projector-checkpoint": "catch-up after a crash: the projector resumes from its checkpoint instead of the start",
  "replay-rebuild": "recovery of a derived copy: a lost or wrong copy is rebuilt from the authoritative state",
  "reconciliation-loop": "convergence: the loop keeps moving actual state toward the desired state after any miss",
  "ttl-expiry": "bounded storage: records nobody deletes lapse on their own",
  "consistent-hashing": "spreading keys over nodes, with few keys moving when a node joins or leaves",
  "due-time-index": "finding due work by time without scanning every record",
  "load-shedding": "overload protection: low-priority work is refused first so the rest keeps its latency",
  "outlier-ejection": "routing around failing instances before their errors spread",
  "health-checked-selection": "routing only to instances whose health checks pass",
  autoscaling: "capacity that follows the load",
  "dynamic-batching": "accelerator throughput: requests share a batch within the time the latency budget leaves",
  "request-coalescing": "origin load: concurrent misses for one key share a single fetch",
  "rollup-downsampling": "storage and query cost of old data",
  "trace-sampling": "storage and ingest cost: only a share of whole traces is kept",
  "log-compaction": "bounded log size and replay time",
  "watch-stream": "change propagation: clients learn of a change without polling",
  "gossip-dissemination": "spreading membership and state to every node without a central sender",
  "staged-rollout": "blast radius: a bad change reaches a small cohort before everyone",
  "consumer-group-assignment": "spreading partitions over the consumers of a group",
  "placement-scheduler": "spreading work over machines by their free capacity",
  "sharded-frontier": "parallel progress: workers claim disjoint shards of the work",
  "retry-dead-letter": "progress past a message that keeps failing: it is set aside after bounded retries",
  "scan-checkpoint": "resuming a long scan where it stopped after a crash",
  "sync-standby-replication":
    "acknowledged commits kept through the loss of the primary: the synchronous standby holds each one before it is acknowledged and is the one promoted",
  "async-replication": "a warm standby and read copies without waiting on the replica for each write",
  "versioned-snapshot": "fast bootstrap: a new client loads one snapshot, then follows changes from its version",
  "anti-entropy-repair": "convergence of replicas that missed writes",
  "replica-repair": "restoring redundancy after a node or disk is lost",
  "subject-snapshot": "bounded recovery time: replay starts from the latest snapshot, not the first entry",
  "cache-invalidation": "freshness of cached copies after a write",
  "partition-key-ordering":
    "one order per key: every write of a key goes through the one partition that owns it, so its writes apply in the order they arrive",
  "epoch-term":
    "safe leader changes: a deposed leader's or an old configuration's late messages carry an older number and are refused",
  tombstones: "deletes that reach every replica and derived copy instead of being resurrected by an old one",
};

/**
 * Mechanisms that keep a rule about one housekeeping concern only: repeats (a retried request or a redelivered
 * event takes effect once) or removal (a deleted record stays gone, an unreferenced one is collected). A design's
 * hard rule is only about such a concern when its main clause says so (`only`) and the prompt asks about it
 * (`asks`: "no seat sold twice", "count each view", "deleted posts"); otherwise a rule of that concern is
 * bookkeeping beside the rule the prompt asks for, and a mechanism listed here is never the design's core
 * mechanism unless the spoken hard rule's main clause is about its concern or the design pairs the mechanism with
 * that very rule. Own words.
 */
export const HOUSEKEEPING_CONCERNS: readonly {
  concern: "repeats" | "removal" | "client discipline";
  mechanisms: readonly MechanismId[];
  /** Words of a rule only about the concern. */
  only: RegExp;
  /** Words of a rule that speaks of the concern (a retried request creates one order): its mechanism may lead it. */
  rule: RegExp;
  asks: RegExp;
}[] = [
  {
    concern: "repeats",
    mechanisms: ["idempotency-key", "dedup-window", "idempotent-receiver"],
    only: /\b(?:at most once|takes? effect once|twice|duplicat\w*|resubmit\w*|more than once)\b/i,
    rule: /\b(?:at most once|takes? effect once|once per|twice|duplicat\w*|resubmit\w*|retried|more than once)\b/i,
    asks: /\b(?:twice|duplicat\w*|exactly[- ]once|at[- ]most[- ]once|idempoten\w*|double[- ]\w+|counts?|counters?|counting|increments?|retr(?:y|ies|ied))\b/i,
  },
  {
    concern: "removal",
    mechanisms: ["reference-gc", "tombstones", "ttl-expiry"],
    only: /\b(?:delet\w*|remov\w*|purg\w*|tombstone\w*|garbage|collected|resurrect\w*|unreferenced)\b/i,
    rule: /\b(?:delet\w*|remov\w*|purg\w*|tombstone\w*|garbage|collected|resurrect\w*|unreferenced)\b/i,
    asks: /\b(?:delet\w*|remov\w*|purg\w*|unpublish\w*|retract\w*|garbage|retention|expir\w*)\b/i,
  },
  {
    // what a consumer does with a record outside the system (commit its position only after its own effects are
    // durable) is the client's discipline, which the system cannot check: never the hard rule of a log or queue the
    // prompt asks to build, unless the prompt asks how records are processed once
    concern: "client discipline",
    mechanisms: ["consumer-offsets"],
    only: /\bprocessing effects\b|\beffects are not yet durable\b/i,
    rule: /\bprocessing effects\b|\beffects are not yet durable\b/i,
    asks: /\b(?:exactly[- ]once|process(?:ed|es|ing)? (?:exactly |only )?once|effects?)\b/i,
  },
];

/**
 * A bottleneck that is a storage cost (bytes kept several times, storage that grows), not a load on a unit: it is
 * sized and paid for, but it is not where the design first runs hot while a rate or a contended unit is listed
 * beside it (engine/fields/bottleneck-load.ts ranks such a row after the first load; script check `hotspotProblems`).
 */
export const STORAGE_COST =
  /^(?:raw )?capacity:|\bstored (?:several times|once per replica)\b|\bstorage (?:needed|grows|growth)\b|^storage of\b|\brecord storage\b/i;
