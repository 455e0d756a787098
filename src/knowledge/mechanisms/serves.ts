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
  "request-coalescing": "origin load: concurrent misses for one key share a single fetch",
  "rollup-downsampling": "storage and query cost of old data",
  "log-compaction": "bounded log size and replay time",
  "watch-stream": "change propagation: clients learn of a change without polling",
  "gossip-dissemination": "spreading membership and state to every node without a central sender",
  "staged-rollout": "blast radius: a bad change reaches a small cohort before everyone",
  "consumer-group-assignment": "spreading partitions over the consumers of a group",
  "placement-scheduler": "spreading work over machines by their free capacity",
  "sharded-frontier": "parallel progress: workers claim disjoint shards of the work",
  "retry-dead-letter": "progress past a message that keeps failing: it is set aside after bounded retries",
  "scan-checkpoint": "resuming a long scan where it stopped after a crash",
  "async-replication": "a warm standby and read copies without waiting on the replica for each write",
  "versioned-snapshot": "fast bootstrap: a new client loads one snapshot, then follows changes from its version",
  "anti-entropy-repair": "convergence of replicas that missed writes",
  "replica-repair": "restoring redundancy after a node or disk is lost",
  "subject-snapshot": "bounded recovery time: replay starts from the latest snapshot, not the first entry",
  "cache-invalidation": "freshness of cached copies after a write",
  tombstones: "deletes that reach every replica and derived copy instead of being resurrected by an old one",
};
