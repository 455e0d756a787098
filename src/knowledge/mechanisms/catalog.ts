import type { MechanismFamily } from "../schema.js";

/** The mechanism catalogue: every mechanism an archetype or predicate may name, grouped by family. */
/**
 * `summary` says what the mechanism does, and its words pair it with a design's rules; `limits` says what it does
 * not give where the summary could be read as promising it (checked against the source named beside it).
 */
type Entry = { readonly id: string; readonly name: string; readonly summary: string; readonly limits?: string };

const byFamily = {
  "guarded write": [
    {
      id: "completion-barrier",
      name: "fan-in completion barrier",
      summary:
        "A parent record keeps how many parts it has and which part ids are done; each part's completion adds its id once by a conditional write, and the write that finds every part done is the one that moves the parent on, so the parent changes state once and never early.",
    },
    {
      id: "insert-primary",
      name: "insert into the primary store",
      summary:
        "A new record is written once to the authoritative store; a put-if-absent or unique key rejects a second copy.",
    },
    {
      id: "put-if-absent",
      name: "put-if-absent",
      summary: "The write succeeds only when the key does not exist yet, so two creators cannot both win.",
    },
    {
      id: "write-once-key",
      name: "write-once key",
      summary:
        "A record is created under an immutable key by a create-if-absent write and no operation updates it in place; removing it leaves a tombstone under the key, so the key is never reused for other content.",
    },
    {
      id: "interval-exclusion",
      name: "per-resource interval exclusion",
      summary:
        "A booking holds a time interval on one resource and is inserted only if no live booking of that resource overlaps it, checked and written in one step under the resource's serialization or by an exclusion constraint on (resource, interval).",
    },
    {
      id: "exclusive-claim",
      name: "exclusive claim by compare-and-set",
      summary:
        "A thing is held by one holder at a time: its own row carries a state, a holder column and a version, and a claim moves it from free to held only while it is still free (a conditional write, compare-and-set on the version). A claim that takes several things at once takes every one in one transaction over their rows, or one by one in a fixed order, releasing those it took when one is already held. A claim carries a lease, so a crashed holder's thing is freed after the lease by a conditional write on the same version.",
    },
    {
      id: "use-once-key",
      name: "use-once key",
      summary:
        "A use of a thing that may happen once (or once per party) is recorded by a put-if-absent on a unique key of the thing (or of the thing and the party), and the use is marked in that same conditional write; a retry carrying the same idempotency key gets the first result back, and any other request for the same key gets a conflict.",
    },
    {
      id: "capped-holder-count",
      name: "per-holder capped count",
      summary:
        "A holder's row carries the count of what it holds (or a count keyed by holder and period for a limit per period), and an assignment increments that count in the same atomic write that records it, accepted only while the count stays within the cap; a release decrements it in the same way.",
    },
    {
      id: "bounded-counter",
      name: "bounded counter with escrow",
      summary:
        "A total cap is one counter row of what is left, taken by a conditional decrement that never goes below zero. Where the rate makes that one row hot, the counter hands out blocks of units to shards (escrow): each shard spends its block locally and returns what it leaves unused, so the total is never exceeded; units that are held and later released are leases that expire, so a crashed holder's unit returns.",
    },
    {
      id: "party-interval-exclusion",
      name: "per-party interval exclusion",
      summary:
        "A party never holds two things whose times overlap: each thing it takes has its own times, and taking one writes the party's busy intervals for those times in the same transaction that checks none overlaps an interval the party already holds, serialised per party (an exclusion constraint on the party and the interval, or one writer per party), while the thing itself may be taken by many parties.",
    },
    {
      id: "ordered-apply",
      name: "ordered apply by event order",
      summary:
        "Each update of a key carries its own order (the event's time with a tie-break, a sequence number, or the rank of a forward-only state), and the current row takes it by one conditional write only if that order is above the one the row holds; an older update that arrives late is kept in the key's history but never moves the current row back.",
    },
    {
      id: "bounded-quantity-update",
      name: "bounded conditional update",
      summary:
        "A quantity held per key (a balance, an exposure, a fill level) changes only by one conditional update on the key's row that checks the bound and applies the change in the same write (or a reservation of the amount that later commits or is released), so two concurrent changes can never together pass the bound, and a change that would is refused.",
    },
    {
      id: "versioned-overwrite",
      name: "versioned overwrite",
      summary:
        "Each value carries a version or ETag; an overwrite names the version it read and fails when the stored one has moved on.",
    },
    {
      id: "max-update",
      name: "conditional max update",
      summary:
        "A write applies only when its value is above the stored one, in one step at the store (Redis ZADD GT, or SET best = GREATEST(best, new)), so a late, repeated or lower write never lowers it and no read is needed first.",
    },
    {
      id: "lww-overwrite",
      name: "last-writer-wins overwrite",
      summary:
        "Replicas keep the value with the highest timestamp or version; concurrent writes resolve by dropping the older one.",
    },
    {
      id: "guarded-transition",
      name: "guarded conditional update",
      summary: "A state change applies only when the current state (and version) equals what the caller expects.",
    },
    {
      id: "version-check",
      name: "version check (compare-and-set)",
      summary: "A write carries the version it was computed from and is refused when the stored version differs.",
    },
    {
      id: "transaction",
      name: "atomic multi-row transaction",
      summary: "Several records change together or not at all inside one store's transaction.",
    },
    {
      id: "saga",
      name: "orchestrated workflow with compensation",
      summary:
        "A multi-step change across stores runs as recorded steps, each with an undo, driven to completion by an orchestrator.",
    },
    {
      id: "idempotency-key",
      name: "idempotency key",
      summary:
        "A caller-chosen request id is stored with the first result; a retry with the same id returns that result instead of acting again.",
    },
    {
      id: "dedup-window",
      name: "event id + dedup window",
      summary: "Consumers remember applied event ids for a bounded window (or in an applied-set) and skip repeats.",
    },
    {
      id: "keyed-effect-ledger",
      name: "effect ledger keyed by event id",
      summary:
        "Each effect on an outside party (a charge, a credit, a payout) is recorded as one line keyed by the event that caused it, inserted only if absent and in the same transaction as the aggregate it feeds and the input position it consumed, so a replay finds the line and has no second effect.",
    },
    {
      id: "idempotent-receiver",
      name: "idempotent receiver",
      summary: "The receiving side keys each effect by a stable id so a redelivered request has no second effect.",
    },
    {
      id: "atomic-counter",
      name: "atomic counter update",
      summary:
        "An increment or decrement is applied as one atomic operation on the owning shard, never read-modify-write from a client.",
    },
    {
      id: "token-bucket",
      name: "token bucket / sliding window budget",
      summary: "Each scope holds a budget that refills at a set rate; admission atomically takes from it or refuses.",
    },
    {
      id: "concurrency-slots",
      name: "concurrency slot counter",
      summary:
        "A per-scope in-flight counter is atomically incremented on admit and decremented on completion, with expiry for lost releases.",
    },
    {
      id: "timestamp-sequence-id",
      name: "timestamp + worker + sequence layout",
      summary:
        "An id packs a time component, a worker id and a per-worker sequence so ids are unique without a round trip.",
    },
    {
      id: "clock-skew-bound",
      name: "clock-skew bound with a backward-clock guard",
      summary:
        "Every node stamps records from its own clock, kept by NTP-class sync within an assumed skew bound (tens of milliseconds), so records from different nodes sort by time only to within that bound (k-sorted) while each node's own stay strictly increasing; a node whose clock steps behind its last stamp waits until the clock passes it, and refuses to issue when the step is longer than a short wait, never stamping a past millisecond again.",
    },
    {
      id: "commit-wait",
      name: "commit wait on a clock with bounded uncertainty",
      summary:
        "Every node's clock answers with an interval that holds the true time; a transaction's commit timestamp is at or above the interval's latest bound, and its locks and its answer are held until the interval's earliest bound has passed that timestamp, so any transaction that starts afterwards gets a larger timestamp (real-time order without a central timestamp service).",
    },
    {
      id: "crdt-merge",
      name: "conflict-free replicated data type (CRDT)",
      // Shapiro, Preguiça, Baquero and Zawirski, "Conflict-free Replicated Data Types" (SSS 2011; INRIA RR-7687):
      // a state-based CRDT's merge is a join (commutative, associative, idempotent), so states may arrive in any order
      // and more than once; an operation-based CRDT needs concurrent operations to commute and each operation
      // delivered exactly once in causal order.
      summary:
        "Every edit carries enough identity (unique element ids, version vectors) that replicas which have received the same edits converge, without a central sequencer or transformation.",
      limits:
        "Only replicas that ship whole states merge them in any order and any number of times (the merge is a join); replicas that ship operations need each one delivered once and after the operations it depends on (causal order), which the replication layer must provide.",
    },
  ],
  "ownership control": [
    {
      id: "lease",
      name: "lease with expiry",
      summary:
        // Gray and Cheriton, "Leases" (SOSP 1989), and Kleppmann, "How to do distributed locking" (2016): the holder
        // must stop acting by its own clock before the grantor's expiry, less a drift bound, and a holder paused past
        // that point still believes it holds the lease, which only a fencing check at the resource refuses.
        "Ownership is granted for a bounded time and must be renewed; an unrenewed lease lapses and can be claimed again.",
      limits:
        "The holder stops acting by its own clock before the lease ends, less a clock-drift allowance; a holder paused past the end (a GC pause, a stalled VM) can still act late, so a lease alone does not exclude a second holder, and a resource that must never see two writers also checks a fencing token.",
    },
    {
      id: "fencing-token",
      name: "fencing token",
      summary:
        "Each grant carries a strictly increasing number; the protected resource rejects writes bearing an older number.",
    },
    {
      id: "heartbeat-renewal",
      name: "heartbeat renewal",
      summary:
        "Holders periodically refresh their liveness or lease; missing heartbeats mark them dead after a timeout.",
    },
    {
      id: "expiry-sweeper",
      name: "expiry sweeper with guarded release",
      summary:
        "A background loop finds expired holds and releases them with a conditional write so a late renewal is not clobbered.",
    },
    {
      id: "leader-election",
      name: "leader election",
      // Raft (Ongaro and Ousterhout, USENIX ATC 2014), section 5.2 and Figure 3: Election Safety is at most one leader
      // per term; a term may end with a split vote and no leader, and a new term begins.
      summary: "Replicas agree on at most one leader per term; only the leader accepts writes for its scope.",
      limits:
        "A candidate needs a majority's votes and each replica votes once per term, so a split vote leaves a term with no leader and a new term starts; a deposed leader that has not yet heard of the new term may still try to act, which the term number on its messages lets others refuse.",
    },
    {
      id: "epoch-term",
      name: "terms / epochs",
      summary: "Every leadership or configuration change bumps a number; messages from an older number are rejected.",
    },
    {
      id: "claim-run",
      name: "claim of a runnable unit",
      summary:
        "A worker takes a runnable item by a conditional transition (available -> claimed by me until T), so one worker runs it at a time.",
    },
    {
      id: "range-lease",
      name: "range lease / block allocation",
      summary:
        "A generator leases a block of the sequence from durable storage and hands out numbers from memory until the block is used.",
    },
    {
      id: "worker-id-allocation",
      name: "worker id allocation",
      summary: "Each generator instance holds a unique worker id under a lease so two live instances never share one.",
    },
    {
      id: "leader-read",
      name: "read from the current leader",
      summary: "Reads that must be fresh go to the leader holding a valid lease, or through a quorum read.",
    },
  ],
  "append + replay": [
    {
      id: "append-log",
      name: "partitioned append-only log",
      summary: "Records are appended to an ordered, durable log per partition and retained for replay.",
    },
    {
      id: "hash-chain",
      name: "hash chain with signed checkpoints",
      // Schneier and Kelsey, "Secure Audit Logs to Support Computer Forensics" (ACM TISSEC 1999), and Crosby and
      // Wallach, "Efficient Data Structures for Tamper-Evident Logging" (USENIX Security 2009): each entry's hash
      // covers the previous entry's hash, so altering, dropping or reordering an entry changes every later hash; the
      // log is only tamper-evident against a commitment (a signed head) held where the log's writer cannot rewrite it.
      summary:
        "Each record carries the hash of the record before it in its chain and its own hash over both, and the chain's head is signed into a checkpoint at intervals; a verifier recomputes the hashes from the last trusted checkpoint, so a record altered, removed or reordered after it was written is detected.",
      limits:
        "It detects alteration, it does not prevent it: whoever can rewrite the log and re-sign can rebuild every later hash, so the signing key must be out of the writers' reach and each checkpoint kept where they cannot change it (write-once storage, or published outside); records after the last checkpoint are only as safe as the log that holds them.",
    },
    {
      id: "worm-retention",
      name: "write-once storage with a compliance retention lock",
      // Amazon S3 User Guide, "Locking objects with Object Lock": write-once-read-many; in compliance mode no user,
      // the account's root user included, can overwrite or delete a locked object version, change its mode or shorten
      // its retention period until it expires; governance mode lets users holding s3:BypassGovernanceRetention do so.
      summary:
        "Each closed batch of records is written once as an object version under a retention lock in compliance mode with a retain-until date the retention period after its newest record; until that date no user, an administrator included, can overwrite or delete the version or shorten its lock, and once it passes the version may be deleted.",
      limits:
        "The lock covers an object version once it is written, not the records still waiting in the log to be archived; governance mode is not this: a user granted the bypass permission can delete a version or shorten its retention there.",
    },
    {
      id: "partition-key-ordering",
      name: "per-key ordering via partition key",
      summary: "All records for one key hash to one partition, which gives a total order within that key.",
    },
    {
      id: "consumer-offsets",
      name: "committed consumer offsets",
      summary:
        "Each consumer group records how far it has processed per partition, committed after the work is durable.",
    },
    {
      id: "transactional-outbox",
      name: "transactional outbox",
      summary:
        "The intent to emit an event or call is written in the same transaction as the state change, then relayed.",
    },
    {
      id: "retry-dead-letter",
      name: "bounded retry with dead-letter queue",
      summary:
        "Failed deliveries retry with backoff up to a limit, then park in a dead-letter queue for inspection and replay.",
    },
    {
      id: "write-ahead-log",
      name: "write-ahead log",
      summary: "A change is made durable in a sequential log before it is applied or acknowledged.",
    },
    {
      id: "log-compaction",
      name: "log compaction / retention",
      summary:
        "Old segments are deleted by age or size, or compacted to the latest value per key, without touching the active tail.",
    },
    {
      id: "scan-checkpoint",
      name: "scan checkpoint",
      summary:
        "A scanner durably records the last position it finished so a restart resumes instead of rescanning or skipping.",
    },
    {
      id: "op-sequencer",
      name: "per-subject operation sequencer",
      summary:
        "One owner assigns each operation on a subject a sequence number, giving every participant the same order.",
    },
    {
      id: "owner-sequenced-bid",
      name: "owner-sequenced conditional bid",
      summary:
        "One owner per auction checks each bid against the state only it holds (still open by its own clock, at least the current price plus the increment, bid id unseen) and appends the accepted bid at the next sequence number in the same step, so two bids never both lead and no bid sequenced after the close marker counts.",
    },
    {
      id: "authoritative-tick",
      name: "server-authoritative tick loop",
      summary:
        "One server process owns a match: on a fixed clock it applies each player's numbered inputs in order (each at most once, only if the rules allow it), steps the simulation, and sends every player a snapshot stamped with the last input it applied, which clients predict ahead of and reconcile to.",
    },
    {
      id: "operational-transform",
      name: "operational transformation",
      summary:
        "An operation made against an older revision is rewritten against every operation ordered since, by the server and by each client against its own unacknowledged edits, so intent is kept and all copies converge.",
    },
  ],
  "projection + catch-up": [
    {
      id: "derived-view-read",
      name: "read a derived view",
      summary: "Reads are served from a cache, index or materialised view with a bounded lag and a rebuild path.",
    },
    {
      id: "order-statistic-index",
      name: "ordered set with rank by count above",
      summary:
        "Every member's score sits in an ordered structure that counts the members each link skips (a Redis sorted set's skip list), so setting a score re-places one member and a member's rank, the count of members scoring higher, and the top k are each read in logarithmic time, never by sorting on request.",
    },
    {
      id: "projector-checkpoint",
      name: "projector with checkpoint",
      summary:
        "A projector consumes changes in order and durably records the last applied position with (or after) the projected write.",
    },
    {
      id: "replay-rebuild",
      name: "replay / rebuild from truth",
      summary:
        "A derived store can be dropped and rebuilt by replaying the source log or rescanning the source of truth.",
    },
    {
      id: "tombstones",
      name: "tombstones",
      summary:
        "Deletes are recorded as markers that flow to every derived copy, so a delete is not lost or resurrected.",
    },
    {
      id: "cache-invalidation",
      name: "invalidation / purge on change",
      summary: "A change to the origin sends invalidations (by key or tag) to every copy that may hold the old value.",
    },
    {
      id: "ttl-expiry",
      name: "time-to-live expiry",
      summary: "Copies and ephemeral keys expire after a bounded time, which caps staleness and reclaims space.",
    },
    {
      id: "request-coalescing",
      name: "request coalescing",
      summary: "Concurrent misses for one key wait on a single origin fetch instead of stampeding the origin.",
    },
    {
      id: "rollup-downsampling",
      name: "rollups / downsampling",
      summary: "Raw points are aggregated into coarser buckets for long ranges and older data.",
    },
    {
      id: "trace-sampling",
      name: "one sampling decision per trace",
      summary:
        "Whether a trace is kept is decided once, from its trace id or at its root, and carried with it, so every span of the trace is kept or dropped together.",
    },
    {
      id: "out-of-order-window",
      name: "out-of-order window for each series",
      summary:
        "Each series accepts a sample up to a set time behind its newest one, kept apart in memory and merged into the series in timestamp order when blocks are cut; an older sample is refused and counted, never silently dropped.",
    },
    {
      id: "partition-top-k-merge",
      name: "partition-local top k merged into one ranking",
      summary:
        "Events are partitioned by key, so each key is counted whole on one partition; each partition keeps its own top k, and the global top k, which lies in the union of those lists, is merged from them.",
    },
    {
      id: "subject-snapshot",
      name: "periodic snapshot + tail replay",
      summary:
        "State is checkpointed as a snapshot so readers and recoverers load it and replay only the operations after it.",
    },
  ],
  "state propagation": [
    {
      id: "consensus-replication",
      name: "quorum / consensus replication",
      summary:
        // Raft (Ongaro and Ousterhout, USENIX ATC 2014), sections 5.4.1 and 5.4.2: a leader counts replicas only for
        // an entry of its own term, and entries before it commit with it; a voter refuses a candidate whose log is
        // less up to date, which is why every later leader holds every committed entry.
        "A write commits once a majority of replicas have it in the same log position, so truth survives minority loss without split brain.",
      limits:
        "A leader counts a majority only for an entry of its own term (an older term's entry commits only with a newer entry of the current term), and a replica votes only for a candidate whose log is at least as up to date as its own; together these, not the majority alone, make every later leader hold every committed write.",
    },
    {
      id: "isr-replication",
      name: "in-sync replica set replication",
      summary:
        "A leader acknowledges once every follower currently in its in-sync set has the record and the set has at least a configured minimum size; laggards are dropped from the set, and only an in-sync member may become leader.",
    },
    {
      // PostgreSQL docs, "High Availability, Load Balancing, and Replication": with a standby named in
      // synchronous_standby_names and synchronous_commit on, a commit is acknowledged only once the synchronous
      // standby has flushed its commit record; PostgreSQL detects no failed primary itself, so failover is left to
      // outside software, which must stop the old primary acting as one (STONITH). MySQL reference manual,
      // "Semisynchronous Replication": the source waits for one replica's receipt, and after
      // rpl_semi_sync_source_timeout (10 s by default) falls back to asynchronous replication.
      id: "sync-standby-replication",
      name: "one primary with a synchronous standby",
      summary:
        "The store's one primary acknowledges a commit only once its synchronous standby has the commit record on disk; when the primary fails, the failover manager fences it and promotes that standby, which holds every acknowledged commit, so the store's own replication and failover keep the truth and the design runs no vote of its own.",
      limits:
        "The database detects no failure itself: the failover manager must fence the old primary (cut it from the write endpoint, or power it off) before promoting, or both take writes; while no synchronous standby answers, PostgreSQL makes commits wait and MySQL's semisynchronous source falls back to asynchronous replication after its timeout, so a failover in that window can lose acknowledged commits.",
    },
    {
      id: "async-replication",
      name: "asynchronous replication",
      summary:
        "The primary acknowledges before followers apply; followers lag by a bounded amount and can serve stale reads.",
    },
    {
      // GFS pushes a write's data along a chain of chunkservers, nearest first; HDFS streams a block's packets down a
      // pipeline of DataNodes whose acks flow back, so the writer hears a packet acknowledged once every node has it
      id: "pipelined-replication",
      name: "pipelined replication acknowledged by every replica",
      summary:
        "The writer sends bytes to the first replica, each replica forwards them to the next, and the acknowledgement comes back only once every replica of the set holds them; a replica that fails mid-write is dropped from the pipeline, the write goes on under a new version, and repair restores the lost copy.",
    },
    {
      id: "quorum-read-write",
      name: "tunable quorum reads and writes",
      summary:
        // Dynamo (DeCandia et al., SOSP 2007), sections 4.5 and 4.6; Cassandra's consistency-level docs: R + W > N
        // over a key's N home replicas makes each read set meet each acknowledged write set, but a sloppy quorum
        // counts stand-in nodes (hinted handoff), and concurrent writes come back as siblings or by timestamp.
        "Writes wait for W replicas and reads ask R replicas; with R + W > N a read overlaps the replicas of the latest acknowledged write.",
      limits:
        "The overlap holds only among a key's N home replicas: a sloppy quorum lets stand-in nodes acknowledge (hinted handoff), so a read of the home replicas can miss the write; concurrent writes come back as siblings or are settled by timestamp, so even a strict quorum is not linearizability.",
    },
    {
      id: "anti-entropy-repair",
      name: "anti-entropy / read repair",
      summary: "Replicas compare digests in the background (and on reads) and copy over missing or newer versions.",
    },
    {
      id: "watch-stream",
      name: "watch / change notification stream",
      summary:
        "Clients subscribe to a key range and receive ordered change events from a revision onward, resuming after disconnect.",
    },
    {
      id: "versioned-snapshot",
      name: "versioned snapshot distribution",
      summary:
        "The control plane publishes a whole, numbered snapshot; data-plane nodes swap it in atomically and report the version they run.",
    },
    {
      id: "staged-rollout",
      name: "staged rollout with health gates",
      summary:
        "A change reaches a small cohort first and widens only while health signals stay good; a bad signal halts and rolls back.",
    },
    {
      id: "gossip-dissemination",
      name: "gossip dissemination",
      summary:
        "Nodes exchange membership or state with random peers so news spreads in logarithmic rounds without a central fan-out.",
    },
    {
      id: "reconciliation-loop",
      name: "reconciliation loop",
      summary:
        "A control loop compares desired state with observed state and issues the actions that close the gap, repeatedly and idempotently.",
    },
    {
      id: "consistent-cut",
      name: "consistent cut by snapshot timestamp or by joining both legs on their id",
      summary:
        "A check over state several shards keep reads all of them as of one moment: each shard is read at one shared snapshot (an MVCC read at the same commit timestamp), or, where shards share no timestamp, every cross-shard change is matched with its other leg by its id, so a change seen on one side only is counted as in flight instead of as money or items lost or made; shards read one after another at different moments would count a moving change twice or not at all.",
    },
    {
      id: "replica-repair",
      name: "re-replication / repair",
      summary:
        "When a replica is lost, the system copies surviving replicas to new homes until the target count is restored.",
    },
  ],
  "immutable publication": [
    {
      id: "content-addressing",
      name: "content addressing with checksums",
      summary:
        "Blobs are named by a hash of their bytes, so a name can never point at different content and corruption is detectable.",
    },
    {
      id: "publish-content-first",
      name: "publish content before the pointer",
      summary: "All bytes and the manifest are durable and verified before any head or tag is moved to reference them.",
    },
    {
      id: "head-pointer-cas",
      name: "head pointer compare-and-set",
      summary:
        "A mutable name (tag, latest, channel) moves to a new immutable version by a conditional write on its current value.",
    },
    {
      id: "reference-gc",
      name: "reference-tracked garbage collection",
      summary:
        "Unreferenced blobs are collected only after a grace period and a mark pass, never while a manifest may still point at them.",
    },
  ],
  "selection / assignment": [
    {
      id: "selective-forwarding",
      name: "selective forwarding with per-receiver layers",
      summary:
        "One media server per meeting receives each sender's streams once, in several simulcast encodings or SVC layers, and forwards every receiver only the streams it subscribed to, each at the highest layer that fits that receiver's bandwidth estimate, without decoding or mixing; the few loudest speakers and a page of thumbnails are all a receiver is sent, whatever the meeting's size.",
    },
    {
      id: "consistent-hashing",
      name: "consistent hashing / partition map",
      summary:
        // Karger et al., "Consistent Hashing and Random Trees" (STOC 1997); Dynamo (DeCandia et al., SOSP 2007),
        // section 4.2 (virtual nodes): a node change moves only about 1/N of the keys; with one point per node a lost
        // node's keys all land on its successor, and many virtual nodes per node spread them over the survivors.
        "Keys map to owners through a hash ring or partition table, so adding a node moves only a small share of keys (about 1/N of them for N nodes).",
      limits:
        "It moves keys, not load away: a lost node's keys and their traffic all fall on its ring successor unless each node holds many virtual nodes, which spread them over every survivor, and the survivors still take that whole share between them.",
    },
    {
      id: "consumer-group-assignment",
      name: "consumer group partition assignment",
      summary:
        "Partitions are divided among the live members of a group, one owner per partition, rebalanced on membership change.",
    },
    {
      id: "health-checked-selection",
      name: "health-aware backend selection",
      summary:
        "The steering layer picks among healthy backends by a policy (least requests, weighted, hashing) using probe and passive health.",
    },
    {
      id: "outlier-ejection",
      name: "outlier ejection / circuit breaking",
      summary:
        "Backends or dependencies that fail too often are removed from rotation for a cool-off, and callers stop piling on.",
    },
    {
      id: "deadline-fanout",
      name: "deadline-bounded fan-out",
      summary:
        "One request is sent to many parties at once, each call carrying a timeout cut from the caller's remaining budget; whatever answered in time is used, late answers are dropped, and the caller is answered at the deadline with the best result so far or an empty one, never late.",
    },
    {
      id: "load-shedding",
      name: "load shedding by priority",
      summary: "Under overload, low-priority work is refused early with a retry hint so the rest keeps its latency.",
    },
    {
      id: "sticky-assignment",
      name: "connection table over a consistent hash",
      summary:
        // Maglev (Eisenbud et al., NSDI 2016), section 3.3: each balancer's connection tracking table is its own and
        // bounded; a flow that reaches another balancer, or whose entry was evicted, is placed by the hash again.
        "A flow's first packet picks its backend by a consistent hash over the live backends that moves few keys when the set changes; the pick is recorded per flow, and later packets follow that record, so a change of the set moves no flow the balancer has recorded whose backend is still live.",
      limits:
        "The record is in each balancer's own bounded table: a flow whose packets reach another balancer, or whose entry was evicted, is placed by the hash again, which keeps most but not all such flows on the same backend.",
    },
    {
      id: "not-before-gate",
      name: "not-before release gate",
      summary:
        "An item is released only once the releasing node's clock, less its error bound, has passed the item's due time, so a clock error makes it late, never early.",
    },
    {
      id: "due-time-index",
      name: "due-time index",
      summary:
        "Pending items are indexed by the time they become runnable, and a poller moves due ones into the runnable set.",
    },
    {
      id: "placement-scheduler",
      name: "capacity-aware placement",
      summary: "Units of work or data are placed on nodes with free capacity and spread across failure domains.",
    },
    {
      id: "sandbox-isolation",
      name: "one fresh sandbox per run",
      summary:
        "Each run of untrusted code gets its own sandbox (a user-space kernel or a microVM) with no network, a read-only root and cgroup limits on CPU time, memory, processes and output, and the sandbox is destroyed when the run ends.",
    },
    {
      id: "dynamic-batching",
      name: "dynamic batching within a queue delay",
      summary:
        "A server holds each arriving request for at most a set queue delay so others can join it, then runs them together as one batch up to a maximum size; the delay is taken from the latency budget, so batching multiplies an accelerator's throughput without breaking the latency target.",
    },
    {
      id: "autoscaling",
      name: "demand-driven autoscaling",
      summary:
        "Capacity is added or removed from backlog and utilisation signals, with headroom and cool-downs to avoid flapping.",
    },
    {
      id: "sharded-frontier",
      name: "sharded work frontier",
      summary:
        "The set of items to visit is split into shards that workers claim, so the scan parallelises without overlap.",
    },
  ],
} as const satisfies Record<MechanismFamily, readonly Entry[]>;

export const MECHANISM_CATALOG: Readonly<Record<MechanismFamily, readonly Entry[]>> = byFamily;

/** Every mechanism id of the catalogue: a dangling or renamed id in a gate, table or decision fails to compile. */
export type MechanismId = (typeof byFamily)[MechanismFamily][number]["id"];

/** Every mechanism id, in catalogue order. */
export const MECHANISM_IDS = Object.values(byFamily).flatMap((es) =>
  es.map((e) => e.id),
) as readonly MechanismId[] as readonly [MechanismId, ...MechanismId[]];
