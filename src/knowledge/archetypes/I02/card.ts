import type { ArchetypeInput } from "../../schema.js";
import {
  LASTING_BOTTLENECKS,
  LASTING_ENTITIES,
  LASTING_FAILURES,
  LASTING_INVARIANTS,
  LASTING_PREDICATES,
  LASTING_READS,
  LASTING_SCOPES,
  LASTING_SILHOUETTE,
  LASTING_TECHNOLOGIES,
  LASTING_WRITES,
} from "./lasting.js";
import { protocols } from "./topology.js";

/** The lease service's own rules: none holds where the claim is lasting ownership (lasting.ts). */
const LEASE_INVARIANTS = [
  "At any instant the committed lease store holds at most one unexpired Lease per resource; a grant happens only through a conditional write on the current owner and version.",
  "Lease.token for a resource strictly increases across grants and is never reused, even after release, row deletion, restore from backup, or leader failover of the lease store.",
  "ProtectedResource never applies a write whose token is below the last_fence it has already accepted, and it compares and records the token in the same atomic step as the write.",
  "Only the current owner presenting the current token can release; a release carrying an older token changes nothing.",
  "A holder stops acting before the server-side expiry: its local deadline is the acquire send time plus the TTL minus the maximum clock drift.",
  "A grant is acknowledged to the claimant only after a quorum has durably recorded it, so a lease-store failover cannot forget an owner.",
];

export const card = {
  id: "I02",
  name: "Claim / Lease / Exclusive Ownership",
  summary:
    "This archetype answers one question for every resource: who may act on it right now, and until when. " +
    "Its authoritative state is a small lease record per resource (owner, fencing token, expiry) changed only by conditional writes on a quorum-replicated store. " +
    "The core correctness concern is that ownership is granted to at most one holder at a time and that a holder who lost its lease (paused, partitioned, or slow clock) cannot still change the protected resource, which is why expiry is paired with a strictly increasing fencing token checked downstream. " +
    "A fencing token only protects a resource that itself compares the token with the highest it has accepted, atomically with the write; a resource that cannot (a plain file, an external API) needs Chubby's fallback, a lock-delay: after a holder vanishes without releasing, the lock stays ungrantable for a short period so the old holder's in-flight requests drain. Chubby also hands out sequencers (lock name, mode and generation) that servers can check. " +
    "It appears as distributed lock services (Chubby, ZooKeeper and etcd recipes), singleton-job guards, shard and partition ownership, and the visibility timeout or claim inside queues and schedulers.",
  roles: ["coordination", "truth"],
  signals: {
    phrases: [
      { text: "hold system", weight: 0.6 },
      { text: "distributed lock", weight: 1.0 },
      { text: "lock service", weight: 1.0 },
      { text: "lock manager", weight: 1.0 },
      { text: "lease service", weight: 1.0 },
      { text: "lease manager", weight: 0.9 },
      { text: "mutual exclusion", weight: 0.9 },
      { text: "exclusive ownership", weight: 0.9 },
      { text: "only one instance", weight: 0.9 },
      { text: "at most one worker", weight: 0.9 },
      { text: "exactly one owner", weight: 0.8 },
      { text: "only one runs at a time", weight: 0.8 },
      { text: "runs at a time", weight: 0.5 },
      { text: "prevent concurrent execution", weight: 0.8 },
      { text: "never process twice at the same time", weight: 0.7 },
      { text: "exclusive access", weight: 0.8 },
      { text: "advisory lock", weight: 0.8 },
      { text: "read write lock", weight: 0.7 },
      { text: "fencing token", weight: 0.8 },
      { text: "lock holder", weight: 0.8 },
      { text: "acquire release", weight: 0.6 },
      { text: "renew lease", weight: 0.7 },
      { text: "lease expiry", weight: 0.7 },
      { text: "lock timeout", weight: 0.6 },
      { text: "lease", weight: 0.6 },
      { text: "lock", weight: 0.6 },
      { text: "singleton job", weight: 0.7 },
      { text: "singleton", weight: 0.5 },
      { text: "single writer", weight: 0.6 },
      { text: "lock contention", weight: 0.6 },
      { text: "shard ownership", weight: 0.6 },
      { text: "partition ownership", weight: 0.5 },
      { text: "distributed semaphore", weight: 0.7 },
      { text: "stale holder", weight: 0.6 },
      { text: "zombie worker", weight: 0.5 },
      { text: "leader lease", weight: 0.6 },
      { text: "leader election", weight: 0.5 },
      { text: "exclusive claim", weight: 0.7 },
      { text: "claim", weight: 0.3 },
      { text: "deadlock", weight: 0.4 },
      { text: "split brain", weight: 0.4 },
      { text: "visibility timeout", weight: 0.3 },
      { text: "temporary hold", weight: 0.4 },
      { text: "seat hold", weight: 0.6 },
      { text: "hold service", weight: 0.6 },
    ],
    systems: [
      {
        name: "Chubby",
        aliases: ["Google Chubby"],
        weight: 1.0,
        sharedBecause:
          "Chubby is both a coordination metadata store (I01) and the canonical coarse-grained lock service (I02)",
      },
      { name: "Redlock", aliases: ["Redis Redlock"], weight: 0.9 },
      { name: "DynamoDB Lock Client", aliases: ["Amazon DynamoDB Lock Client"], weight: 0.9 },
      { name: "ShedLock", aliases: [], weight: 0.9 },
      { name: "Kubernetes Lease", aliases: ["coordination.k8s.io Lease"], weight: 0.8 },
      {
        name: "Apache Curator",
        aliases: ["Curator"],
        weight: 0.7,
        sharedBecause:
          "Curator is a ZooKeeper client (I01) whose best-known recipes are locks, leases and leader latches (I02)",
      },
      {
        name: "ZooKeeper",
        aliases: ["Apache ZooKeeper"],
        weight: 0.6,
        sharedBecause:
          "ZooKeeper is a consensus metadata store (I01) most often deployed to hold locks and leader leases (I02) and service registrations (I10)",
      },
      {
        name: "etcd",
        aliases: [],
        weight: 0.6,
        sharedBecause:
          "etcd is a consensus metadata store (I01) whose leases and lock API make it a lock service (I02) and a registry or config source for other archetypes",
      },
      {
        name: "Consul",
        aliases: ["HashiCorp Consul"],
        weight: 0.4,
        sharedBecause:
          "Consul's sessions give locks and leader election (I02) on top of its Raft store (I01), while its catalog is a service registry (I10)",
      },
    ],
  },
  entities: [
    ...LASTING_ENTITIES,
    {
      name: "Lease",
      unlessTopic: "lasting-ownership",
      description:
        "One row per protected resource: the holder's session id, the fencing token and a row version. Expiry lives on the session, so one keep-alive covers every lease it holds. The token is a per-resource high-water mark that survives release, so a later grant always gets a larger number.",
      truth: true,
    },
    {
      name: "ProtectedResource",
      unlessTopic: "lasting-ownership",
      description:
        "The thing being guarded (a file, shard, job, or downstream table) together with last_fence, the highest fencing token it has ever accepted; it is where a stale holder is finally stopped.",
      truth: false,
    },
    {
      name: "HolderSession",
      // a claim held as lasting ownership is bound to no session that could lapse
      unlessTopic: "lasting-ownership",
      description:
        "A client's liveness handle kept alive by keepalives; leases bound to a session lapse together when the session expires, so one heartbeat covers many leases.",
      truth: false,
    },
    {
      name: "Waiter",
      unlessTopic: "lasting-ownership",
      description:
        "An ordered entry of a claimant waiting for a busy resource; each waiter watches only its predecessor so a release wakes exactly one claimant.",
      truth: false,
    },
  ],
  writePaths: [
    ...LASTING_WRITES,
    {
      action:
        "acquire a free or expired resource by a conditional write that binds it to the claimant's session and bumps the token, returning the new fencing token to the holder (never a number reused for that resource)",
      entity: "Lease",
      shape: "state transition",
      mechanism: "lease",
      critical: true,
      unlessTopic: "lasting-ownership",
    },
    {
      action:
        "renew the session with a keep-alive before it lapses, which extends every lease bound to it; a lapsed session's leases expire together",
      entity: "HolderSession",
      unlessTopic: "lasting-ownership",
      shape: "overwrite current value",
      mechanism: "heartbeat-renewal",
      hidden: true,
      critical: true,
    },
    {
      action:
        "release the lease when work ends, guarded by owner and token so a late release cannot free a newer grant",
      entity: "Lease",
      shape: "state transition",
      mechanism: "guarded-transition",
      critical: true,
      unlessTopic: "lasting-ownership",
    },
    {
      action:
        "reclaim leases whose session expired, with a conditional write that loses to a keep-alive that arrived first",
      entity: "Lease",
      unlessTopic: "lasting-ownership",
      shape: "state transition",
      mechanism: "expiry-sweeper",
      hidden: true,
      critical: true,
    },
    {
      action: "update the protected resource only if the write's token is at least last_fence, raising last_fence",
      entity: "ProtectedResource",
      shape: "state transition",
      mechanism: "fencing-token",
      critical: true,
      unlessTopic: "lasting-ownership",
    },
    {
      action: "enqueue a waiter for a busy resource in arrival order",
      entity: "Waiter",
      shape: "create target",
      mechanism: "insert-primary",
      unlessTopic: "lasting-ownership",
    },
  ],
  readPaths: [
    ...LASTING_READS,
    {
      action: "decide ownership: read the current holder session and token of a resource",
      entity: "Lease",
      shape: "read source",
      staleness:
        "none: ownership decisions read the leader or a quorum; a follower copy may be seconds old and must never be used to decide who owns",
      unlessTopic: "lasting-ownership",
    },
    {
      action: "holder checks locally whether it may still act before each side effect",
      entity: "Lease",
      shape: "read projection",
      staleness:
        "the holder's own deadline, measured on a monotonic clock from when the acquire or the last keep-alive was sent, minus a drift margin, so it gives up before the server expires the lease",
      unlessTopic: "lasting-ownership",
    },
    {
      action: "waiters learn that the resource was released or expired",
      entity: "Waiter",
      shape: "read projection",
      staleness:
        "a notification may arrive late by the watch delivery delay; it is only a hint to retry acquire, never proof of ownership",
      unlessTopic: "lasting-ownership",
    },
  ],
  protocols,
  invariants: [...LEASE_INVARIANTS, ...LASTING_INVARIANTS],
  invariantTopics: [
    ...LEASE_INVARIANTS.map((statement) => ({ statement, unlessTopic: "lasting-ownership" as const })),
    ...LASTING_INVARIANTS.map((statement) => ({ statement, topic: "lasting-ownership" as const })),
  ],
  contract: {
    api: [
      "acquire(resource, owner, ttl) -> {token, expires_at} | busy(holder, expires_at); a repeated call by the same owner returns its existing grant",
      "keepAlive(session) -> new expiry for every lease bound to the session | lost (the session expired)",
      "release(resource, token) -> ok | not_owner; releasing with a stale token is a no-op",
      "holder(resource) -> {owner, token, expires_at} | free, answered linearizably",
      "acquireWait(resource, owner, ttl, max_wait) -> token | timeout, queued fairly behind earlier claimants",
      "watch(resource, from_revision) -> ordered granted / released / expired events",
    ],
    guarantees: [
      "Mutual exclusion per resource in the lease store's timeline: two unexpired grants for one resource never overlap.",
      "Every grant carries a fencing token larger than any earlier grant for that resource, so the protected side can refuse a holder that lost its lease.",
      "A crashed holder's lease lapses within its TTL, after which another claimant can acquire; progress never waits on the dead holder.",
      "Fails closed: without a quorum, acquire and keep-alive are refused rather than answered from state that may be stale.",
    ],
  },
  predicates: [
    ...LASTING_PREDICATES,
    {
      id: "exclusivity-matters",
      because:
        "the whole point is that one holder acts on a resource at a time; two concurrent owners corrupt the resource or duplicate the job",
    },
    {
      unlessTopic: "lasting-ownership",
      id: "time-bounded-hold",
      because:
        "a holder can crash without releasing, so every grant expires unless renewed and a sweeper or lazy check reclaims it",
    },
    {
      unlessTopic: "lasting-ownership",
      id: "stale-write-dangerous",
      because:
        "a holder paused past its expiry can wake up and write after a new owner started, which only a fencing token checked at the resource stops",
    },
    {
      unlessTopic: "lasting-ownership",
      id: "quorum-truth",
      because:
        "a grant remembered by one node and forgotten after failover hands the resource out twice, so the lease table is replicated by consensus",
    },
    {
      unlessTopic: "lasting-ownership",
      id: "duplicate-retry-matters",
      because:
        "an acquire whose reply was lost is retried; without owner-keyed idempotency the claimant blocks on its own lease until it expires",
    },
  ],
  failures: [
    ...LASTING_FAILURES,
    {
      unlessTopic: "lasting-ownership",
      failure:
        "Lease granted twice: two claimants both read the resource as free, or the lease store fails over to a replica that missed the latest grant",
      role: "coordination",
      prevention:
        "Grant only through one conditional write (owner and version compare) on the quorum leader, and acknowledge only after the quorum commit",
      repair:
        "The protected resource refuses the lower token, so the losing holder sees a stale-fence error, abandons its work and re-acquires",
    },
    {
      unlessTopic: "lasting-ownership",
      failure:
        "Stale owner accepted: a holder frozen by a garbage-collection pause or a network partition resumes after its lease expired and writes to the resource",
      role: "coordination",
      prevention:
        "Pass the fencing token with every protected write and have the resource compare it with last_fence; the holder also checks its local deadline before each side effect",
      repair:
        "The resource rejects the write; the old holder treats the lease as lost, discards partial work and rejoins as an ordinary claimant",
    },
    {
      unlessTopic: "lasting-ownership",
      // etcd's new leader refreshes every lease to its full TTL plus one election timeout when it takes over (lessor
      // Promote), since it cannot know when the old leader last saw each keep-alive
      failure:
        "Expiry late: a crashed holder keeps the resource locked far longer than intended because the TTL is long, the sweeper lags, or the session never times out",
      role: "coordination",
      prevention:
        "Keep the TTL short with renewal at a third of it, and check the holder's session on every acquire rather than only in a sweeper; a store whose own leader fails re-arms every lease for a whole lease plus an election timeout, so promise a failover bound for one failure at a time and keep the store's election short",
      repair:
        "An operator force-release bumps the token, so the previous holder is fenced out even if it is still alive; an overrun costs time, never a second holder",
    },
    {
      unlessTopic: "lasting-ownership",
      failure:
        "Release missed: the holder finishes its work but the release request is lost or the process exits first",
      role: "coordination",
      prevention: "Make release idempotent on (resource, token) and retry it on shutdown paths",
      repair:
        "The lease expires after its TTL and the next claimant acquires it; the cost is at most one TTL of idle time",
    },
    {
      unlessTopic: "lasting-ownership",
      failure:
        "Clock drift: the holder's clock runs slow, so it believes its lease is valid after the server has already expired it",
      role: "coordination",
      prevention:
        "The server alone decides expiry on its own clock; the holder measures elapsed time on a monotonic clock from the request send time and subtracts a drift bound",
      repair: "Fencing at the resource rejects whatever the holder writes after the true expiry",
    },
    {
      unlessTopic: "lasting-ownership",
      failure:
        "Fencing counter goes backwards after the lease store is restored from a snapshot or migrated, so an old token looks current again",
      role: "truth",
      prevention:
        "Keep the token as a durable per-resource high-water mark inside the lease row and put a store epoch in its high bits that is raised on every restore",
      repair:
        "Raise the epoch for all resources; resources compare (epoch, counter) and reject every pre-restore token",
    },
    {
      unlessTopic: "lasting-ownership",
      failure:
        "Renewal storm: the lease store slows down, renewals time out, many leases expire together and mass failover adds even more load",
      role: "coordination",
      prevention:
        "Renew per session rather than per lease, add jitter to keep-alive times, and give keep-alives priority over new acquires under load",
      repair: "Shed non-renewal traffic until latency recovers, then let claimants re-acquire with randomized backoff",
    },
    {
      unlessTopic: "lasting-ownership",
      failure:
        "Self-deadlock after a retried acquire: the first attempt succeeded but its reply was lost, and the claimant waits on its own lease",
      role: "coordination",
      prevention:
        "Key acquire by owner id (or request id) so a repeat by the same owner returns the existing grant and token",
      repair: "The orphaned lease expires after its TTL and the claimant acquires normally",
    },
    {
      unlessTopic: "lasting-ownership",
      failure:
        "The protected resource cannot check tokens (a plain file store or an external API), so a holder whose lease lapsed during a pause still writes",
      role: "coordination",
      prevention:
        "Apply a lock-delay: after a holder disappears without releasing, keep the lock ungrantable for a bounded period so its in-flight requests drain, and have the holder stop before its local deadline",
      repair:
        "Audit writes made around the handover by owner and time, and move the resource behind a service that can compare tokens when overlap is unacceptable",
    },
  ],
  bottlenecks: [
    ...LASTING_BOTTLENECKS,
    {
      unlessTopic: "lasting-ownership",
      bottleneck:
        "The single consensus leader per lease group: acquires, releases and expiries all serialize through one leader's log",
      mitigation:
        "Lock coarser resources (a shard or job, never a single request) so there are fewer acquires, and split the key space over independent groups, carrying each resource's last fencing token with it when it moves",
      formula: {
        yields: "replicated lease writes per consensus group",
        expression: "writes_per_sec * peak_factor / partitions",
        unit: "writes/s",
      },
    },
    {
      unlessTopic: "lasting-ownership",
      bottleneck:
        "The lock leader: every client session's keep-alive reaches it, and it extends that session's leases in memory rather than writing a log entry per renewal",
      mitigation:
        "Put leases whose failover can wait on a separate session with a longer TTL, and add jitter so keep-alives do not arrive in bursts",
      formula: {
        yields: "session keep-alives per second (each client every third of the TTL)",
        expression: "clients / keepalive_seconds",
        unit: "req/s",
      },
    },
    {
      unlessTopic: "lasting-ownership",
      bottleneck: "Hot resource contention: many claimants wake on every release and stampede the same lease row",
      mitigation:
        "Queue waiters in order and have each watch only its predecessor, add jittered backoff to retries, or split the resource into finer independent leases",
    },
    {
      unlessTopic: "lasting-ownership",
      bottleneck: "Failover delay: after a holder crashes the resource stays idle until its lease runs out",
      mitigation:
        "Release explicitly on graceful shutdown and pick the TTL as the largest idle time the business accepts, trading it against renewal load",
      formula: { yields: "worst-case idle time after a holder crashes", expression: "lease_seconds", unit: "s" },
    },
  ],
  topicSilhouettes: [LASTING_SILHOUETTE],
  silhouette: {
    storage: "lease/claim table or store",
    coordination: "guarded claim + renewal + fencing",
    serving: "owner read / fenced actor path",
  },
  technologies: [
    ...LASTING_TECHNOLOGIES,
    {
      unlessTopic: "lasting-ownership",
      product: "etcd",
      layer: "coordination",
      fits: "Its leases have server-side TTLs and attach to any number of keys; the leader's lessor extends a lease on each keep-alive without a Raft entry (grants and revokes are logged, and checkpoints of the remaining TTL only when enabled); transactions compare revisions; a key's create revision serves as a fencing token",
      suits: ["linearizable", "fail-closed", "small-metadata", "durable"],
      poorFor: ["high-throughput", "multi-region"],
      caveat:
        "Its lock helper alone does not fence: the lock key's revision must be carried to and checked by the protected resource",
    },
    {
      unlessTopic: "lasting-ownership",
      product: "ZooKeeper",
      layer: "coordination",
      fits: "Ephemeral sequential nodes give fair lock queues, sessions expire leases together, and the node's zxid works as a fence",
      suits: ["linearizable", "fail-closed", "small-metadata", "ordering"],
      poorFor: ["high-throughput", "multi-region", "operational-simplicity"],
      caveat:
        "Follower reads can lag, so an ownership check must sync first; the session timeout is the effective lease length",
    },
    {
      unlessTopic: "lasting-ownership",
      product: "Embedded Raft library",
      layer: "coordination",
      fits: "Where the lock service is the thing being built, a Raft library such as the etcd raft package or HashiCorp's Raft library replicates its own lease table and session log, so grants, releases and token bumps commit on a majority",
      suits: ["linearizable", "fail-closed", "durable"],
      poorFor: ["operational-simplicity", "multi-region"],
      caveat:
        "The library supplies the replicated log; session keep-alives, lease expiry on the leader's clock, snapshots and membership changes remain the service's own job",
    },
    {
      unlessTopic: "lasting-ownership",
      product: "PostgreSQL lease table",
      layer: "storage",
      fits: "A conditional UPDATE on owner and expires_at that also increments a token column gives grant, renewal and fencing in one familiar store",
      suits: ["linearizable", "durable", "operational-simplicity", "rich-queries"],
      poorFor: ["high-throughput", "multi-region"],
      caveat:
        "A failover to an asynchronously replicated standby can forget a grant; use synchronous replication or accept that window",
      instead: ["consensus-replication"],
    },
    {
      unlessTopic: "lasting-ownership",
      product: "DynamoDB with conditional writes",
      layer: "storage",
      fits: "A conditional put on the owner and version attributes grants the lease, and an incremented attribute serves as the token, with no servers to run",
      suits: ["durable", "elastic-scale", "operational-simplicity", "linearizable"],
      poorFor: ["multi-region", "low-cost"],
      caveat:
        "Global tables in their default eventual mode resolve conflicts by last writer wins, so a lock table is written in one region only, unless the table runs in the multi-Region strong consistency mode, which refuses a write that conflicts with one in another Region",
      instead: ["consensus-replication"],
    },
    {
      unlessTopic: "lasting-ownership",
      product: "Redis SET NX PX",
      layer: "serving",
      fits: "A single atomic set-if-absent with an expiry gives a very fast lock for work where an occasional double run is harmless",
      suits: ["low-latency", "high-throughput"],
      poorFor: ["linearizable", "fail-closed", "durable"],
      caveat:
        "Asynchronous replication can drop a lock on failover and there is no fencing token, so use it only for efficiency, never for correctness",
    },
  ],
  connections: [
    {
      to: "I01",
      role: "substrate",
      why: "the lease table must survive node loss without split brain, so it lives on a consensus-replicated metadata store",
    },
    {
      to: "I10",
      role: "input",
      why: "session heartbeats and membership decide when a holder counts as dead and its leases lapse",
    },
    {
      to: "I16",
      role: "substrate",
      why: "where occasional double ownership is tolerable, a claim is just a key written by a conditional put in a key-value store, with a TTL where it must lapse",
    },
    {
      to: "I12",
      role: "output",
      why: "work done under the lease that reaches an outside system cannot be fenced, so those effects need idempotency keys and reconciliation",
    },
  ],
  /** The NFR stance a design takes when the prompt is silent, and where ordering, exclusivity and coordination hold. */
  stance: {
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
        entities: ["Lease"],
        otherwise: {
          scope: "partition",
          why: "each claim is one conditional write in the partition of the store that holds the claimed item, so only that partition coordinates",
        },
      },
    },
  },
  topicScopes: [LASTING_SCOPES],
} satisfies ArchetypeInput;
