import type { PartName } from "./part-nouns.js";
import type { ArchetypeId, Availability, ComponentRole } from "./schema.js";

/**
 * The crash, retry and replication failures a mechanism exists to survive. When a design
 * includes the mechanism, the failure joins its failure table with this prevention and repair.
 */
export const MECHANISM_FAILURES: readonly {
  mechanism: string;
  /** When set, the row describes the mechanism under that availability stance only. */
  stance?: Availability;
  /** When set, the row speaks of that archetype's own parts (a rate limiter's budget store) and holds only beside it. */
  archetype?: ArchetypeId;
  /**
   * Parts besides the mechanism's own that the row speaks of (`PART_NOUNS` by its `part`: the sweeper that frees a
   * lapsed lease, the watchers that see a holder leave): the row holds only where the design draws each of them.
   */
  names?: readonly PartName[];
  role: ComponentRole;
  failure: string;
  prevention: string;
  repair: string;
}[] = [
  {
    mechanism: "lease",
    names: ["a sweeper"],
    role: "coordination",
    failure: "the holder crashes while it owns the resource",
    prevention: "ownership is a lease that lapses unless renewed, so a dead holder cannot keep it",
    repair: "after expiry the next claimant takes it; the sweeper releases what nobody reclaims",
  },
  {
    mechanism: "fencing-token",
    role: "coordination",
    failure: "a paused holder (GC pause, partition) wakes up after its lease expired and writes",
    prevention:
      "every write carries the fencing token and the resource rejects tokens lower than the highest it has seen",
    repair: "the rejected holder drops its work and re-claims; nothing it wrote after expiry was accepted",
  },
  {
    mechanism: "heartbeat-renewal",
    names: ["a lease"],
    role: "coordination",
    failure:
      "heartbeats stop reaching the authority that holds the lease while its holder is alive (partition, overload)",
    prevention: "expiry is a few missed beats, not one, and renewals go to the authority's clock",
    // Gray and Cheriton, "Leases" (SOSP 1989): a holder cut off from the grantor may never hear that its lease ended,
    // so it must stop by its own clock (the lease's end less a drift bound); Kleppmann, "How to do distributed
    // locking" (2016): a holder paused past that point still acts, which a fencing token refuses at the resource.
    repair:
      "the lease lapses and another holder may take it; the old holder may never hear so, so it stops acting by its own clock once its lease, less the clock-drift bound, runs out, and a fencing token refuses any write it sends after a pause",
  },
  {
    mechanism: "leader-election",
    role: "truth",
    failure: "the leader crashes mid-replication",
    // Raft (Ongaro and Ousterhout, USENIX ATC 2014), section 5.4.1: the majority that stored an entry and the majority
    // that elects the next leader share a voter, and that voter refuses a candidate whose log is less up to date.
    prevention:
      "a write commits only once a majority has it, and a replica votes only for a candidate whose log is at least as up to date as its own, so a new leader always holds every committed entry",
    repair:
      "a new leader is elected with a higher term; uncommitted entries of the old leader are truncated and clients retry with their request ids",
  },
  {
    mechanism: "consensus-replication",
    stance: "fail-closed",
    role: "truth",
    failure: "a network partition splits the replicas",
    prevention: "only the side with a majority can elect a leader and commit, so there is never a second truth",
    repair:
      "the minority side refuses writes (fails closed) and catches up from the leader's log when the partition heals",
  },
  {
    mechanism: "consensus-replication",
    stance: "stay-available",
    role: "coordination",
    failure: "a network partition cuts part of the fleet off from the consensus-held metadata",
    prevention:
      "only the majority side can change the consensus-held state, so there is never a second truth, and the serving path does not need it on every request",
    repair:
      "the cut-off nodes keep serving from the last committed metadata and their local state; changes that need the metadata wait for the partition to heal",
  },
  // PostgreSQL docs, "High Availability, Load Balancing, and Replication" (synchronous replication, failover): a commit
  // is acknowledged only once the synchronous standby has flushed it; PostgreSQL detects no failed primary, and the
  // failover software must stop the old primary acting as one (STONITH); a standby listed after the synchronous one in
  // synchronous_standby_names takes over that role when it fails, and with none left commits wait.
  {
    mechanism: "sync-standby-replication",
    role: "truth",
    failure: "the primary fails with commits in flight",
    prevention:
      "a commit is acknowledged only once the synchronous standby has flushed it, and the failover manager fences the old primary (cuts it from the write endpoint) before it promotes that standby, so only one primary takes writes",
    repair:
      "clients reconnect to the promoted primary and retry under their request ids; every acknowledged commit is there, an unacknowledged one may be, and the retry's id finds it; a new standby is attached as the synchronous one",
  },
  {
    mechanism: "sync-standby-replication",
    stance: "fail-closed",
    role: "truth",
    failure: "the synchronous standby fails or is cut off from the primary",
    prevention:
      "commits wait rather than be acknowledged while the primary alone holds them, so no acknowledged write rests on one copy",
    repair:
      "the next standby listed as a synchronous candidate takes over that role and the waiting commits complete; with none left, the failover manager or an operator attaches one before writes resume",
  },
  {
    mechanism: "sync-standby-replication",
    stance: "stay-available",
    role: "truth",
    failure: "the synchronous standby fails or is cut off from the primary",
    prevention:
      "the next standby listed as a synchronous candidate takes over that role, so commits keep waiting on a second copy",
    repair:
      "with no standby left, writes wait until one is attached; lowering the commit rule to the primary alone keeps writes flowing, but a failover before the standby returns loses the commits made meanwhile",
  },
  {
    mechanism: "isr-replication",
    role: "truth",
    failure: "the in-sync set shrinks below min.insync.replicas (followers lag or die)",
    prevention:
      "with acks=all the leader refuses to acknowledge produces until enough followers catch up, instead of confirming a record held by too few copies",
    repair:
      "lagging followers fetch from the leader and rejoin the set once caught up; producers retry with the same producer id and sequence, so the retry is not appended twice",
  },
  {
    mechanism: "isr-replication",
    role: "truth",
    failure: "the leader dies and no in-sync follower is left",
    prevention:
      "unclean leader election stays disabled, so only an in-sync replica may take over and no acknowledged record is lost",
    repair:
      "the partition is unavailable until an in-sync replica returns; enabling unclean election would bring it back sooner at the cost of silently losing acknowledged records",
  },
  {
    mechanism: "async-replication",
    names: ["a leader or primary"],
    role: "truth",
    failure: "failover promotes a replica that lags the old primary",
    prevention: "acknowledge after a second copy is durable, or bound the allowed lag before promotion",
    repair: "writes missing from the new primary are found by comparing logs or versions and re-applied or reported",
  },
  {
    mechanism: "claim-run",
    role: "coordination",
    failure: "a worker crashes mid-task after claiming it",
    prevention:
      "a claim carries an expiry and an attempt number that fences the late holder's writes, and the task's effect is keyed by the task id, not the attempt, so a rerun is recognised where the effect lands",
    repair: "the claim lapses and another worker re-claims the task; the attempt count records the retry",
  },
  {
    mechanism: "idempotency-key",
    role: "truth",
    failure: "a client times out on a request that actually succeeded and retries it",
    prevention: "the request id is stored with the first outcome in the same write as the effect",
    repair: "the retry finds the stored outcome and returns it instead of acting again",
  },
  {
    mechanism: "transactional-outbox",
    role: "external effect",
    failure: "the state change commits but the process dies before the external call or event is sent",
    prevention: "the intent is written to an outbox in the same transaction as the state change",
    repair: "a relay re-sends every outbox entry not marked delivered; the receiver de-duplicates by id",
  },
  {
    mechanism: "consumer-offsets",
    names: ["consumer offsets"],
    role: "derived",
    failure: "a consumer crashes after processing records but before committing its offset",
    prevention: "offsets are committed only after the processed results are durable",
    repair: "the restarted consumer resumes from the last committed offset and re-processes the tail idempotently",
  },
  {
    mechanism: "projector-checkpoint",
    role: "derived",
    failure: "the projector crashes between applying a change and recording its checkpoint",
    prevention: "the checkpoint is written with (or after) the projected change, and applies are idempotent",
    repair: "the projector restarts from the checkpoint; a change applied twice has no second effect",
  },
  {
    mechanism: "cache-invalidation",
    role: "derived",
    failure: "an invalidation is lost and a copy keeps serving an old value",
    prevention: "every copy also carries a TTL that bounds how long a missed invalidation can hurt",
    repair: "purge by key or tag on demand, and let the TTL expire whatever the purge missed",
  },
  {
    mechanism: "versioned-snapshot",
    role: "coordination",
    failure: "a bad config snapshot reaches the data plane",
    prevention: "snapshots are validated before publish and roll out in stages with health gates",
    repair:
      "roll back by moving the target back to the last good version, never republishing it; nodes keep the previous snapshot to swap back locally",
  },
  {
    mechanism: "write-ahead-log",
    role: "truth",
    failure: "a node crashes after acknowledging a write but before applying it to its main structures",
    // a log whose acknowledgement rests on replication (Kafka's acks=all) does not flush before it: Kafka leaves
    // flushing to the operating system and relies on replication for durability (Red Hat Streams for Apache Kafka tuning guide, "Controlling the log flush of message data")
    prevention:
      "the write is in the log before the acknowledgement: flushed to disk (fsync) first, or, where the acknowledgement rests on replication, held by enough replicas that one node's unflushed tail survives on the others",
    repair:
      "on restart the node replays the log tail past its last checkpoint, and fetches back from a replica any tail it lost unflushed",
  },
  {
    mechanism: "replica-repair",
    role: "truth",
    failure: "a disk or node holding a replica dies",
    prevention: "every item keeps its replica count across failure domains",
    repair: "the repair loop notices the missing copy and re-replicates from a healthy one, most-at-risk items first",
  },
  {
    mechanism: "retry-dead-letter",
    role: "derived",
    failure: "a poison message fails on every attempt and blocks its partition or burns capacity",
    prevention: "retries are bounded with backoff",
    repair: "after the last attempt the message is parked in a dead-letter queue for inspection and replay",
  },
  {
    mechanism: "range-lease",
    role: "coordination",
    failure: "a holder crashes with part of its leased block unused",
    prevention: "blocks are leased from durable storage and never handed out twice",
    repair: "the unused rest of the block is never reissued; nothing is issued twice, at the cost of a gap",
  },
  {
    mechanism: "head-pointer-cas",
    names: ["a published tag"],
    role: "immutable",
    failure: "two publishers move the same tag at once",
    prevention: "the tag moves by compare-and-set on its current value",
    repair: "the loser re-reads the tag and decides again; no published content was changed",
  },
  {
    mechanism: "write-once-key",
    role: "immutable",
    failure: "a publisher retries, or a second publisher sends different bytes, under a key that is already written",
    prevention: "the create is conditional on the key being absent, and no operation updates a written record in place",
    repair:
      "the second write is refused and the caller must use a new key; a removed record leaves a tombstone, so its key stays taken",
  },
  {
    mechanism: "interval-exclusion",
    role: "coordination",
    failure: "two requests for overlapping intervals on the same resource arrive at once",
    prevention:
      "the overlap check and the insert run in one step under the resource's serialization (or an exclusion constraint), so the second sees the first",
    repair: "the second request is refused with the conflicting interval and may pick another time or resource",
  },
  {
    mechanism: "exclusive-claim",
    role: "coordination",
    failure: "two requests claim the same thing for different holders at once, or a holder crashes while it holds one",
    prevention:
      "the claim is a conditional write that moves the thing's row from free to held only while it is still free, so the second sees the first holder and is refused; every claim carries a lease",
    repair:
      "the refused request gets a clear 'already held' and may pick another; a crashed holder's lease lapses and a conditional write on the same version frees the thing, refusing the old holder's late writes",
  },
  {
    mechanism: "use-once-key",
    role: "coordination",
    failure:
      "a client retries a use after a timeout, or two requests use the same thing (or the same party uses it twice) at once",
    prevention:
      "the use is a put-if-absent on the thing's unique key (or on the thing and the party), and it marks the use in that same write, so only one of them is recorded",
    repair:
      "a retry with the same idempotency key gets the first result back; any other request finds the key taken and gets a clear 'already used'",
  },
  {
    mechanism: "capped-holder-count",
    role: "coordination",
    failure:
      "two assignments race for a holder's last free place, or an assignment is retried after a timeout and would count twice",
    prevention:
      "the holder's count is checked and incremented in the same atomic write that records the assignment, keyed by the request, so the second finds the cap reached and a retry finds its own assignment",
    repair:
      "the refused assignment goes to another holder or waits; a release decrements the count in the same way, and a crashed holder's assignments are released when their lease lapses",
  },
  {
    mechanism: "bounded-counter",
    role: "coordination",
    failure:
      "many requests race for the last units of a capped total, or a node holding a block of units (or a holder of a unit) crashes",
    prevention:
      "every take is a conditional decrement that never goes below zero, at the one counter row or within the block a shard was granted from it, so the sum of what is taken never exceeds the cap",
    repair:
      "a crashed shard's unused block and a crashed holder's leased unit return to the counter when their lease lapses, so the cap is under-used for a while, never exceeded",
  },
  {
    mechanism: "party-interval-exclusion",
    role: "coordination",
    failure:
      "one party takes two things whose times overlap from two sessions at once, each check seeing only the intervals it held before",
    prevention:
      "taking a thing inserts the party's busy intervals for its times in the same transaction that checks them, serialised per party (an exclusion constraint on the party and the interval), so the second take sees the first's intervals",
    repair:
      "the second take is refused with the clashing thing named, and the party may pick one at another time; dropping a thing deletes its intervals in the same transaction",
  },
  {
    mechanism: "ordered-apply",
    role: "coordination",
    failure: "an older update, delayed or retried, arrives after a newer one and would move a key's current state back",
    prevention:
      "each update carries its own order (event time and tie-break, a sequence, or a state's rank) and the current row takes it only by a conditional write that compares that order with the one it holds",
    repair:
      "the late update is kept in the key's history and leaves the current row as it is; the row can be rebuilt from the history by taking the highest order",
  },
  {
    mechanism: "bounded-quantity-update",
    role: "coordination",
    failure:
      "two changes to one key's quantity race, or one is retried after a timeout, and together would pass its bound",
    prevention:
      "every change is one conditional update on the key's row that checks the bound and applies the amount in the same write, keyed by an idempotency key",
    repair:
      "the change that would pass the bound is refused with the amount still available; a retry finds its first result and applies nothing again",
  },
  {
    mechanism: "sticky-assignment",
    role: "coordination",
    failure: "a backend is added or removed while flows are open",
    prevention:
      "each open flow follows its recorded backend, not the new hash, and the hash moves few keys, so a flow that lands on another balancer mostly finds the same backend",
    repair:
      "only flows whose backend left are moved and must reconnect; the flow records age out after the flow goes idle",
  },
  {
    mechanism: "keyed-effect-ledger",
    role: "truth",
    failure:
      "the consumer crashes after writing an effect's line but before its input position is saved, and replays the event",
    prevention:
      "the line is keyed by the event id and written in one transaction with the aggregate and the input position, so either all three are saved or none is",
    repair:
      "the replayed event finds its line and adds nothing; a wrong line is reversed by a new line, never edited, so the party's total stays the sum of its lines",
  },
  {
    mechanism: "not-before-gate",
    role: "coordination",
    failure: "the releasing node's clock runs ahead, or a poller wakes before an item's due time",
    prevention:
      "release requires the clock less its error bound to have passed the due time, so an early clock delays the item instead",
    repair:
      "an item found not yet due is left in place for the next pass; a node whose clock error exceeds the bound stops releasing until it resyncs",
  },
  {
    mechanism: "expiry-sweeper",
    names: ["a sweeper"],
    role: "coordination",
    failure: "the sweeper releases a hold that was renewed a moment earlier",
    prevention: "the release is a conditional write on the expiry and version it read",
    repair: "a refused release is simply skipped; the holder keeps its renewed hold",
  },
  {
    mechanism: "token-bucket",
    archetype: "I08",
    stance: "stay-available",
    role: "coordination",
    failure: "the budget store is unreachable from the request path",
    prevention: "each node keeps a local allowance, its share of the global limit, that it can spend without the store",
    repair:
      "admission fails open on the local allowance, so the fleet may overshoot by at most the sum of allowances, and resyncs when the store returns",
  },
  {
    mechanism: "token-bucket",
    archetype: "I08",
    stance: "fail-closed",
    role: "coordination",
    failure: "the budget store is unreachable from the request path",
    prevention: "each node keeps a small local allowance, its share of the global limit, for short blips",
    repair:
      "once the allowance is spent, admission rejects with 429 until the store returns, because overshooting the budget is the worse failure",
  },
];
