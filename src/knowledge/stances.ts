import type { ArchetypeId, Stance } from "./schema.js";

/**
 * Per archetype: the NFR stance a design takes when the prompt is silent, and the scopes at
 * which ordering, exclusivity and coordination hold. A stated NFR always wins over these.
 */
export const STANCES: Readonly<Record<ArchetypeId, Stance>> = {
  I01: {
    consistency: "linearizable",
    availability: "fail-closed",
    delivery: "at-least-once",
    ordering: "global",
    durability: "durable",
    because:
      "coordination metadata is what other systems trust to decide who leads; a stale or split answer is worse than no answer, so a minority refuses; a client that loses its connection retries, and a compare on the version it read makes the retry safe",
    scopes: {
      ordering: {
        scope: "replica group",
        why: "every change passes through one consensus log, so the replica group sees a single order",
      },
      exclusivity: { scope: "replica group", why: "one leader per replica group accepts writes in a given term" },
      coordination: { scope: "replica group", why: "a majority of the group must agree before a change commits" },
    },
  },
  I02: {
    consistency: "linearizable",
    availability: "fail-closed",
    delivery: "at-least-once",
    ordering: "per-key",
    durability: "durable",
    because:
      "granting the same resource to two holders breaks the one guarantee the component exists for, so it refuses rather than guesses; a retried acquire by the same owner finds its own grant instead of taking a second one",
    scopes: {
      ordering: { scope: "key", why: "fencing tokens only need to increase per resource" },
      exclusivity: { scope: "key", why: "each resource has at most one holder; different resources are independent" },
      coordination: {
        scope: "replica group",
        why: "the lease table itself is replicated by quorum so a grant survives a node loss",
      },
    },
  },
  I03: {
    consistency: "read-your-writes",
    availability: "stay-available",
    delivery: "at-least-once",
    ordering: "none",
    durability: "durable",
    because: "a due item may fire a little late or twice (receivers are idempotent) but must never be lost",
    scopes: {
      ordering: { scope: "none", why: "items fire by due time; no consumer relies on a total order between items" },
      exclusivity: { scope: "key", why: "each due run is claimed by one worker at a time" },
      coordination: {
        scope: "shard",
        why: "the due index is split into time or hash shards, each polled by one owner",
      },
    },
  },
  I04: {
    consistency: "read-your-writes",
    availability: "stay-available",
    delivery: "at-least-once",
    ordering: "none",
    durability: "durable",
    because: "revisiting an item twice costs a little work; skipping one silently breaks the coverage promise",
    scopes: {
      ordering: { scope: "none", why: "items in a pass may be visited in any order" },
      exclusivity: {
        scope: "shard",
        why: "one worker owns a frontier shard at a time so shards are not scanned twice concurrently",
      },
      coordination: { scope: "shard", why: "progress is checkpointed per shard" },
    },
  },
  I05: {
    consistency: "linearizable",
    availability: "fail-closed",
    delivery: "at-least-once",
    ordering: "per-partition",
    durability: "durable",
    because:
      "an acknowledged record must survive and be replayable, so with acks=all a partition whose in-sync set falls below min.insync.replicas refuses produces instead of acknowledging an under-replicated record (unclean leader election would trade that for availability and can lose acknowledged records); consumers de-duplicate, so redelivery is the safe failure",
    scopes: {
      ordering: {
        scope: "partition",
        why: "the log is totally ordered only within a partition; the partition key decides what shares an order",
      },
      exclusivity: {
        scope: "partition",
        why: "one leader appends to a partition and one member of a consumer group reads it",
      },
      coordination: { scope: "partition", why: "offsets and leadership are tracked per partition" },
    },
  },
  I06: {
    consistency: "eventual",
    availability: "stay-available",
    delivery: "at-least-once",
    ordering: "per-key",
    durability: "durable",
    because: "the projection may lag the truth by a bounded amount, but every change must land exactly once in effect",
    scopes: {
      ordering: {
        scope: "key",
        why: "changes to the same source entity must be applied in order; different entities are independent",
      },
      exclusivity: { scope: "partition", why: "one projector consumes each source partition so applies do not race" },
      coordination: { scope: "partition", why: "checkpoints are kept per source partition" },
    },
  },
  I07: {
    consistency: "eventual",
    availability: "stay-available",
    delivery: "at-most-once",
    ordering: "none",
    durability: "best-effort",
    because: "a cache is a copy: losing it costs origin load, serving it slightly stale is the accepted trade",
    scopes: {
      ordering: { scope: "none", why: "copies are replaced wholesale; a newer version simply wins" },
      exclusivity: { scope: "key", why: "one fill per key at a time keeps misses from stampeding the origin" },
      coordination: { scope: "key", why: "invalidation and refresh are decided per key or tag" },
    },
  },
  I08: {
    consistency: "eventual",
    availability: "stay-available",
    delivery: "at-most-once",
    ordering: "none",
    durability: "best-effort",
    because:
      "admission must answer in the request path; a small overshoot of a budget is cheaper than blocking all traffic",
    scopes: {
      ordering: { scope: "none", why: "requests are admitted independently" },
      exclusivity: { scope: "key", why: "each client or tenant key owns its own budget counter" },
      coordination: { scope: "key", why: "budget updates are atomic per key on the shard that owns it" },
    },
  },
  I09: {
    consistency: "read-your-writes",
    availability: "stay-available",
    delivery: "at-least-once",
    ordering: "per-key",
    durability: "durable",
    because:
      "an identifier handed out twice corrupts every system that keys on it, yet uniqueness needs no cross-node read at issue time: each generator issues from its own leased block or worker id, so issuing continues through short outages, and only block allocation is a conditional write; a retried request simply gets a fresh id, leaving a gap but never a duplicate",
    scopes: {
      ordering: {
        scope: "shard",
        why: "monotonic order is promised per generator or per sequence, not across all of them",
      },
      exclusivity: { scope: "shard", why: "each worker id or range block has one live owner" },
      coordination: { scope: "shard", why: "only block allocation touches shared durable state" },
    },
  },
  I10: {
    consistency: "eventual",
    availability: "stay-available",
    delivery: "at-most-once",
    ordering: "per-key",
    durability: "best-effort",
    because:
      "membership is soft state rebuilt from heartbeats; a briefly stale view is acceptable, a frozen one is not",
    scopes: {
      ordering: { scope: "key", why: "a member's own heartbeats and status changes must not go backwards" },
      exclusivity: { scope: "key", why: "one live registration per instance id" },
      coordination: { scope: "global", why: "lookups read a view of the whole membership" },
    },
  },
  I11: {
    consistency: "linearizable",
    availability: "fail-closed",
    delivery: "at-least-once",
    ordering: "global",
    durability: "durable",
    because:
      "config truth is written rarely and must be exact, so a publish is refused when the store has no majority; the data plane is not blocked by that, because every node keeps serving the last good snapshot it holds",
    scopes: {
      ordering: { scope: "global", why: "snapshot versions form one sequence that every node can compare" },
      exclusivity: { scope: "global", why: "one rollout at a time moves the fleet for a given config" },
      coordination: { scope: "global", why: "the control plane publishes one desired version for all targets" },
    },
  },
  I12: {
    consistency: "linearizable",
    availability: "fail-closed",
    delivery: "exactly-once",
    ordering: "per-key",
    durability: "durable",
    because:
      "an external effect cannot be taken back cheaply, so each one must happen once in effect and be reconciled",
    scopes: {
      ordering: { scope: "key", why: "the steps of one workflow instance happen in order; instances are independent" },
      exclusivity: { scope: "key", why: "one executor advances a given workflow instance at a time" },
      coordination: { scope: "key", why: "state transitions are guarded per workflow instance" },
    },
  },
  I13: {
    consistency: "read-your-writes",
    availability: "stay-available",
    delivery: "at-least-once",
    ordering: "per-key",
    durability: "durable",
    because: "participants must see their own edits at once and converge on one order per subject",
    scopes: {
      ordering: { scope: "key", why: "operations are sequenced per shared subject (document, room, board)" },
      exclusivity: { scope: "key", why: "one sequencer owns each subject at a time" },
      coordination: { scope: "key", why: "merging and versioning happen within one subject" },
    },
  },
  I14: {
    consistency: "linearizable",
    availability: "fail-closed",
    delivery: "at-least-once",
    ordering: "per-key",
    durability: "durable",
    because:
      "moving a tag is a compare-and-set that must be refused rather than forked, and a published version must never change or vanish; pulls of content-addressed bytes keep working from any copy or cache, since those bytes never change",
    scopes: {
      ordering: { scope: "key", why: "versions of one name form a sequence; names are independent" },
      exclusivity: { scope: "key", why: "a head pointer moves by compare-and-set per name" },
      coordination: { scope: "key", why: "publication is coordinated per artifact name" },
    },
  },
  I15: {
    consistency: "read-your-writes",
    availability: "stay-available",
    delivery: "at-least-once",
    ordering: "none",
    durability: "durable",
    because:
      "placement decisions must be exact per slot, but the fleet keeps running work while the scheduler recovers",
    scopes: {
      ordering: { scope: "none", why: "units of work are placed independently" },
      exclusivity: { scope: "key", why: "each task or slot has one assigned worker at a time" },
      coordination: { scope: "shard", why: "schedulers own cells or shards of the fleet" },
    },
  },
  I16: {
    consistency: "eventual",
    availability: "stay-available",
    delivery: "at-least-once",
    ordering: "per-key",
    durability: "durable",
    because:
      "key-scoped state usually tolerates a short replication lag in exchange for staying writable; stronger reads are a stated opt-in",
    scopes: {
      ordering: { scope: "key", why: "writes to one key are ordered by version; keys are independent" },
      exclusivity: { scope: "shard", why: "one leader or coordinator owns writes for a shard of keys" },
      coordination: { scope: "replica group", why: "each shard is replicated within its replica group" },
    },
  },
  I17: {
    consistency: "eventual",
    availability: "stay-available",
    delivery: "at-most-once",
    ordering: "none",
    durability: "best-effort",
    because: "the steering plane must keep forwarding with the routes it has; route updates may arrive a little late",
    scopes: {
      ordering: { scope: "none", why: "requests are routed independently" },
      exclusivity: { scope: "none", why: "any proxy instance can route any request" },
      coordination: { scope: "global", why: "route and health state is shared by the whole proxy fleet" },
    },
  },
  I18: {
    consistency: "eventual",
    availability: "stay-available",
    delivery: "at-most-once",
    ordering: "per-key",
    durability: "durable",
    because: "telemetry must keep ingesting during trouble; a lost sample is acceptable, a stalled pipeline is not",
    scopes: {
      ordering: { scope: "key", why: "samples of one series arrive in time order" },
      exclusivity: { scope: "shard", why: "one ingester owns a series shard and one evaluator runs a rule group" },
      coordination: { scope: "shard", why: "compaction and rule evaluation are assigned per shard" },
    },
  },
  I19: {
    consistency: "linearizable",
    availability: "fail-closed",
    delivery: "at-least-once",
    ordering: "per-key",
    durability: "durable",
    because:
      "an acknowledged write must survive disk and node loss, and metadata must never point at missing data; a client retries a failed write (GFS record append even lands at least once, leaving duplicates and padding that readers skip), so the substrate is at-least-once and the strong default fits S3, Ceph and HDFS rather than GFS's relaxed region model",
    scopes: {
      ordering: { scope: "key", why: "mutations to one chunk or file are ordered by its primary or writer lease" },
      exclusivity: { scope: "key", why: "one writer lease per file or chunk at a time" },
      coordination: { scope: "replica group", why: "replicas of a chunk agree on the committed length and version" },
    },
  },
};
