import type { ArchetypeInput } from "../schema.js";

export const I02 = {
  id: "I02",
  name: "Claim / Lease / Exclusive Ownership",
  summary:
    "One actor at a time may own a resource: a lock, a shard, a job, a seat, the leadership of a group. Ownership is granted by a conditional write on a claim record and held as a lease that lapses unless renewed, so a crashed holder cannot keep it forever. The authoritative state is the claim record (owner, expiry, fencing token) per resource. The core concern is that ownership is never granted twice and that a holder whose lease has lapsed cannot still act; distributed lock services such as Chubby, Redlock-style Redis locks, etcd leases and job-claim tables all have this shape.",
  roles: ["coordination"],
  signals: {
    phrases: [
      { text: "distributed lock", weight: 1 },
      { text: "lock service", weight: 1 },
      { text: "lock manager", weight: 1 },
      { text: "mutual exclusion", weight: 0.95 },
      { text: "lease", weight: 0.7 },
      { text: "fencing token", weight: 0.8 },
      { text: "only one instance", weight: 0.9 },
      { text: "only one worker", weight: 0.9 },
      { text: "at most one", weight: 0.7 },
      { text: "one at a time", weight: 0.6 },
      { text: "same time", weight: 0.35 },
      { text: "exclusive ownership", weight: 0.9 },
      { text: "exclusive access", weight: 0.85 },
      { text: "acquire lock", weight: 0.9 },
      { text: "lock", weight: 0.6 },
      { text: "claim", weight: 0.45 },
      { text: "shard ownership", weight: 0.7 },
      { text: "single owner", weight: 0.8 },
      { text: "never process twice", weight: 0.5 },
      { text: "visibility timeout", weight: 0.4 },
      { text: "seat hold", weight: 0.6 },
      { text: "hold expire", weight: 0.4 },
      { text: "leader lease", weight: 0.6 },
      { text: "semaphore", weight: 0.7 },
      { text: "double booking", weight: 0.5 },
      { text: "split brain", weight: 0.4 },
    ],
    systems: [
      { name: "Chubby", aliases: ["Google Chubby"], weight: 1 },
      { name: "Redlock", aliases: ["Redis lock", "Redis locks"], weight: 1 },
      { name: "DynamoDB lock client", aliases: [], weight: 0.9 },
    ],
  },
  entities: [
    { name: "Resource", description: "The thing being owned: a lock name, shard, job or seat, identified by a key.", truth: false },
    { name: "Claim", description: "The current grant for a resource: owner id, lease expiry, fencing token, version.", truth: true },
    { name: "FenceCounter", description: "The last fencing token issued per resource, strictly increasing.", truth: true },
    { name: "Waiter", description: "A queued request to be told when the resource frees up.", truth: false },
  ],
  writePaths: [
    { action: "claim lease", entity: "Claim", shape: "state transition", mechanism: "guarded-transition", critical: true },
    { action: "issue fencing token", entity: "FenceCounter", shape: "state transition", mechanism: "fencing-token", critical: true },
    { action: "renew heartbeat", entity: "Claim", shape: "overwrite current value", mechanism: "heartbeat-renewal", hidden: true, critical: true },
    { action: "release lease", entity: "Claim", shape: "state transition", mechanism: "guarded-transition" },
    { action: "sweep expired claims", entity: "Claim", shape: "async process", mechanism: "expiry-sweeper", hidden: true },
  ],
  readPaths: [
    { action: "read current owner", entity: "Claim", shape: "read source", staleness: "none: an ownership decision made on a stale read could grant twice" },
    { action: "watch for release", entity: "Claim", shape: "read source", staleness: "notifications may arrive late; the claim itself is re-checked" },
  ],
  protocols: [
    {
      name: "acquire, work, release",
      notation:
        "claimant[claim {Claim.owner = null or Claim.expires_at < now}] -> claimant[work {fence = Claim.token}] -> claimant[release {Claim.owner = me and Claim.token = fence}] |-> sweeper[expire {Claim.expires_at < now}] => done | reclaim",
    },
    {
      name: "renew while working",
      notation:
        "holder[renew {Claim.owner = me and Claim.token = fence}] -> holder[work {fence = Claim.token}] |-> holder[stop {renew refused}] => done | retry",
    },
  ],
  invariants: [
    "At most one owner holds the Claim on a resource at any time.",
    "Every new Claim on a resource carries a fencing token greater than any token issued before for it.",
    "The protected resource accepts a write only with a fencing token no older than the newest it has seen.",
    "An expired Claim is released only by a conditional write that re-checks its expiry and version.",
  ],
  contract: {
    api: [
      "acquire(resource, owner, ttl) -> token | busy",
      "renew(resource, owner, token) -> new expiry | lost",
      "release(resource, owner, token) -> ok | not owner",
      "owner(resource) -> owner, token, expiry",
    ],
    guarantees: [
      "no two owners hold the same resource at once, as judged by the lease store",
      "tokens increase per resource, so downstream systems can reject stale holders",
    ],
  },
  predicates: [
    { id: "exclusivity-matters", because: "the whole point is that one owner acts at a time" },
    { id: "time-bounded-hold", because: "a lease must lapse on its own when its holder dies" },
    { id: "stale-write-dangerous", because: "a paused holder acting on an old grant could clobber the new owner's work" },
    { id: "quorum-truth", because: "a grant recorded on one node that then dies must not be granted again elsewhere" },
  ],
  failures: [
    { failure: "the lock is granted twice after a failover of the lease store", role: "coordination", prevention: "keep claims in a quorum-replicated store and grant only from the current leader's term", repair: "fencing tokens make the older holder's writes fail; audit overlapping grants from the log" },
    { failure: "a holder pauses (GC, partition), its lease expires, and it wakes up and writes", role: "coordination", prevention: "every protected write carries the fencing token and is checked by the resource", repair: "the stale write is rejected; the holder discovers it lost the claim and stops" },
    { failure: "the holder crashes while owning the resource", role: "coordination", prevention: "leases expire unless renewed", repair: "after expiry another claimant takes over with a higher token and resumes from the resource's last committed state" },
    { failure: "expiry fires late because the sweeper is behind", role: "coordination", prevention: "claims check expiry at claim time, not only in the sweeper", repair: "a claimant may take any claim whose expiry has passed; the sweeper only tidies" },
    { failure: "a release is missed and the resource stays held until expiry", role: "coordination", prevention: "release in a finally path and keep leases short", repair: "the lease lapses and the sweeper frees it" },
    { failure: "clock skew makes a holder believe its lease is still valid", role: "coordination", prevention: "expiry judged by the store's clock; holders stop well before their local deadline", repair: "fencing rejects any write made after the store's expiry" },
  ],
  bottlenecks: [
    {
      bottleneck: "renewal traffic from many holders on the lease store",
      mitigation: "renew at a third of the lease, batch renewals per client session, and lengthen leases where failover time allows",
      formula: { yields: "lease renewals per second", expression: "leases / lease_seconds", unit: "writes/s" },
    },
    {
      bottleneck: "a hot lock that many claimants contend for",
      mitigation: "queue waiters and notify the next one instead of letting all retry; split the resource into finer locks",
    },
    {
      bottleneck: "the single consensus group behind all claims",
      mitigation: "shard claims by resource key across independent lease groups",
      formula: { yields: "claim writes per second per lease group", expression: "writes_per_sec / partitions", unit: "writes/s" },
    },
  ],
  silhouette: {
    storage: "lease/claim table or store",
    coordination: "guarded claim + renewal + fencing",
    serving: "owner read / fenced actor path",
  },
  technologies: [
    { product: "etcd leases", layer: "coordination", fits: "linearizable compare-and-set with leases and a revision usable as a fencing token", suits: ["linearizable", "fail-closed", "small-metadata"], poorFor: ["high-throughput", "multi-region"], caveat: "keep the number of leases and keys modest; it is a coordination store, not a database" },
    { product: "ZooKeeper ephemeral nodes", layer: "coordination", fits: "session-bound ephemeral znodes with sequence numbers for locks and fencing", suits: ["linearizable", "fail-closed", "small-metadata"], poorFor: ["high-throughput", "operational-simplicity"], caveat: "session expiry semantics need care; watches fire once" },
    { product: "PostgreSQL row with conditional UPDATE", layer: "storage", fits: "claim rows updated WHERE owner IS NULL OR expires_at < now(), token from a sequence", suits: ["linearizable", "durable", "operational-simplicity"], poorFor: ["multi-region", "high-throughput"], caveat: "the primary is a single point; failover must not lose the last grants" },
    { product: "Redis SET NX PX", layer: "serving", fits: "fast single-node lock with expiry", suits: ["low-latency", "operational-simplicity"], poorFor: ["linearizable", "fail-closed", "durable"], caveat: "asynchronous replication can grant twice after failover; use only where a double grant is harmless or fenced" },
  ],
  connections: [
    { to: "I01", role: "substrate", why: "the claim table must live in a consensus-backed store so grants survive failover", typical: true },
    { to: "I10", role: "decorator", why: "holder liveness comes from session heartbeats" },
    { to: "I03", role: "decorator", why: "expiry of holds is a due-time release driven by a sweeper" },
    { to: "I05", role: "input", why: "claimable messages and partitions come from a log or queue" },
  ],
} satisfies ArchetypeInput;
