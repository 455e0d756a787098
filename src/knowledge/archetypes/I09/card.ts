import type { ArchetypeInput } from "../../schema.js";
import { protocols } from "./topology.js";

export const card = {
  id: "I09",
  name: "Sequence / Identifier Generation",
  summary:
    "This archetype hands out identifiers or sequence numbers that must never repeat, often with an ordering promise such as time-sortable, per-generator monotonic, or gap-free. " +
    "Its authoritative state is tiny: a durable high-water mark per sequence (for block allocation) and a lease per generator worker id (for timestamp layouts), while the ids themselves are minted in memory. " +
    "The core correctness concern is uniqueness across restarts, failovers and clock jumps, traded against how much coordination each id costs: coordination-free random ids, worker-id layouts, leased ranges, or a fully serialized counter when gaps are forbidden. " +
    "Typical systems are Snowflake-style generators, Flickr-style ticket servers, database sequences, and timestamp oracles.",
  roles: ["truth", "coordination"],
  signals: {
    phrases: [
      { text: "id generator", weight: 1.0 },
      { text: "sequence generator", weight: 1.0 },
      { text: "distributed id", weight: 1.0 },
      { text: "unique id", weight: 0.8 },
      { text: "id generation", weight: 0.9 },
      { text: "64 bit id", weight: 0.9 },
      { text: "monotonically increasing id", weight: 0.9 },
      { text: "sortable id", weight: 0.9 },
      { text: "time ordered id", weight: 0.8 },
      { text: "sequential id", weight: 0.8 },
      { text: "gap free", weight: 0.9 },
      { text: "gapless", weight: 0.9 },
      { text: "ticket server", weight: 0.9 },
      { text: "ticket number", weight: 0.6 },
      { text: "invoice number", weight: 0.6 },
      { text: "sequence number", weight: 0.6 },
      { text: "global sequence", weight: 0.8 },
      { text: "auto increment", weight: 0.7 },
      { text: "primary key generation", weight: 0.7 },
      { text: "allocate id", weight: 0.8 },
      { text: "id range", weight: 0.7 },
      { text: "id block", weight: 0.6 },
      { text: "duplicate id", weight: 0.7 },
      { text: "id collision", weight: 0.7 },
      { text: "worker id", weight: 0.6 },
      { text: "machine id bits", weight: 0.7 },
      { text: "ulid", weight: 0.9 },
      { text: "ksuid", weight: 0.9 },
      { text: "timestamp oracle", weight: 0.8 },
      { text: "monotonic", weight: 0.5 },
      { text: "strictly increasing", weight: 0.5 },
      { text: "clock moves backward", weight: 0.5 },
      { text: "logical clock", weight: 0.4 },
      { text: "short code", weight: 0.4 },
    ],
    systems: [
      {
        name: "Twitter Snowflake",
        aliases: ["Snowflake"],
        weight: 1.0,
        sharedBecause:
          "the bare name also denotes the Snowflake data warehouse; here it means Twitter's timestamp-based id layout",
      },
      { name: "Sonyflake", aliases: [], weight: 1.0 },
      { name: "Flickr Ticket Server", aliases: ["Flickr ticket servers"], weight: 0.9 },
      { name: "UidGenerator", aliases: ["Baidu UidGenerator"], weight: 0.9 },
      { name: "Meituan Leaf", aliases: ["Leaf segment"], weight: 0.9 },
      { name: "Instagram sharded ids", aliases: ["Instagram id"], weight: 0.8 },
    ],
  },
  entities: [
    {
      name: "SequenceCounter",
      description:
        "Per sequence or namespace, the durable high-water mark: the first value not yet handed out to any generator or transaction.",
      truth: true,
    },
    {
      name: "WorkerIdLease",
      description:
        "Which live generator instance owns each worker id (the machine bits of a timestamp layout), with an expiry renewed by heartbeat.",
      truth: true,
    },
    {
      name: "IdBlock",
      description:
        "A contiguous range [start, end) leased from SequenceCounter and held in one generator's memory; unused values are lost as gaps if the generator dies.",
      truth: false,
    },
    {
      name: "GeneratorClock",
      description:
        "A generator's last issued timestamp and the sequence counter within that timestamp, used to refuse time going backwards and to roll over within a millisecond.",
      truth: false,
    },
    {
      name: "IssuedId",
      description:
        "An identifier once handed out: immutable and decodable into its time, worker and sequence parts; the generator stores nothing per id, so the caller's own record is where an id lives.",
      truth: false,
    },
    {
      name: "IdLayout",
      description:
        "A namespace's bit layout, fixed for every id it issues: one unused sign bit, 41 bits of milliseconds since a custom epoch (about 69 years), 10 bits of worker id (1,024 generators) and 12 bits of per-millisecond sequence (4,096 ids per millisecond per generator), with the epoch and a layout version.",
      truth: false,
    },
  ],
  writePaths: [
    {
      action: "lease the next block by advancing the high-water mark with a compare-and-set",
      entity: "SequenceCounter",
      shape: "state transition",
      mechanism: "range-lease",
      critical: true,
      repeatSafe:
        "a retried compare-and-set still carries the old expected mark, so it fails and the retry takes a fresh block; a lost reply wastes a block as a gap, never hands one out twice",
    },
    {
      action: "claim a free worker id when a generator instance starts",
      entity: "WorkerIdLease",
      shape: "state transition",
      mechanism: "worker-id-allocation",
      critical: true,
      repeatSafe:
        "the claim is keyed by the instance, so a retried claim finds the instance's own lease instead of taking a second worker id",
    },
    {
      action: "renew the worker id lease while the generator runs",
      entity: "WorkerIdLease",
      shape: "overwrite current value",
      mechanism: "heartbeat-renewal",
      hidden: true,
      critical: true,
    },
    {
      action:
        "mint an id in memory from timestamp, worker id and per-millisecond sequence, advancing the last issued timestamp",
      entity: "GeneratorClock",
      shape: "overwrite current value",
      mechanism: "timestamp-sequence-id",
      critical: true,
    },
    {
      action: "take a gap-free number in the same transaction that inserts the record it numbers",
      entity: "SequenceCounter",
      shape: "state transition",
      mechanism: "transaction",
      critical: true,
    },
  ],
  readPaths: [
    {
      action: "serve the next id from the generator's in-memory block or clock",
      entity: "IdBlock",
      shape: "read projection",
      staleness:
        "no staleness question: the block is exclusively owned by this generator, and values it never issues simply become gaps",
    },
    {
      action: "read the current high-water mark before a block compare-and-set or for capacity monitoring",
      entity: "SequenceCounter",
      shape: "read source",
      staleness: "may be stale when read, which is safe because the following conditional advance fails and is retried",
    },
    {
      action: "decode an id into its creation time, worker and sequence",
      entity: "IssuedId",
      shape: "read projection",
      staleness:
        "none: the parts are computed from the bits; the embedded time is only as accurate as the issuing node's clock",
    },
  ],
  protocols,
  invariants: [
    "No value is ever issued twice within a namespace, across generator restarts, allocator failovers and clock corrections.",
    "SequenceCounter only moves forward; a block once handed out is never handed out again, even if none of its values were used.",
    "At most one live generator holds a given worker id, and it stops issuing as soon as its WorkerIdLease can no longer be renewed in time.",
    "A generator never issues an id with a timestamp lower than GeneratorClock.last_ms, so its ids strictly increase.",
    "For a gap-free sequence a number is consumed exactly when the record carrying it commits, and an aborted transaction returns it.",
    "The bit layout (epoch, time bits, worker bits, sequence bits) of a namespace never changes for ids already issued.",
  ],
  contract: {
    api: [
      "nextId(namespace) -> 64-bit id",
      "nextIds(namespace, n) -> n ids, increasing",
      "allocateBlock(sequence, size) -> [start, end)",
      "registerWorker(instance, ttl) -> worker_id | exhausted",
      "nextGapless(sequence) inside the caller's transaction -> number",
      "parse(id) -> {timestamp, worker_id, sequence}",
    ],
    guarantees: [
      "Uniqueness within a namespace for the lifetime of the layout.",
      "Strictly increasing ids per generator, and roughly time-ordered ids across generators (within clock skew and block size).",
      "Issuing needs no network round trip except when a block or worker id lease is renewed, so it survives short allocator outages.",
      "Gaps are allowed unless gap-free numbering is requested, and gap-free numbering serializes all writers of that sequence.",
    ],
  },
  predicates: [
    {
      id: "exclusivity-matters",
      because: "a worker id or block shared by two live generators produces the same ids twice",
    },
    {
      id: "time-bounded-hold",
      because: "worker ids are leased so a crashed generator's id returns to the pool, but only after its lease lapses",
    },
    {
      id: "stale-write-dangerous",
      because:
        "two allocators advancing the high-water mark from the same stale read would hand out overlapping blocks",
      entities: ["SequenceCounter"],
    },
    {
      id: "quorum-truth",
      because: "if a failover loses the last advance of the high-water mark, blocks already in use are issued again",
      entities: ["SequenceCounter"],
    },
    {
      id: "ordering-matters",
      because:
        "callers rely on ids increasing (per generator, or roughly by time) for sorting, pagination and index locality",
    },
  ],
  failures: [
    {
      failure:
        "Duplicate id after the clock steps backwards (time sync correction or VM migration) on a timestamp generator",
      role: "truth",
      prevention:
        "Compare with GeneratorClock.last_ms and wait or refuse while the clock is behind; persist the last timestamp so a restart cannot reuse time",
      repair: "Alert on sustained skew; if the jump is large, retire the worker id and start under a fresh one",
    },
    {
      failure:
        "Two live instances share a worker id because of a copied config, or because a paused instance kept issuing after its lease lapsed",
      role: "coordination",
      prevention:
        "Allocate worker ids only by lease from a consensus store and stop issuing when the local lease deadline passes",
      repair:
        "A unique constraint downstream exposes the collision; reassign the worker id and audit ids issued in the overlap window",
    },
    {
      failure:
        "Block granted twice: a read-modify-write race, or failover to an allocator replica that missed the last advance, hands the same block out twice",
      role: "truth",
      prevention: "Advance the high-water mark only by compare-and-set on a quorum-replicated store",
      repair: "After any allocator failover, jump the high-water mark forward by a safety margin before serving blocks",
    },
    {
      failure: "Allocator unavailable: generators run out of leased blocks and issuing stops",
      role: "coordination",
      prevention:
        "Fetch the next block when the current one falls below a low watermark, and size blocks to outlast a typical outage",
      repair: "Restore the allocator; temporarily hand out larger blocks to refill buffers",
    },
    {
      failure:
        "Bits run out: a generator exhausts its per-millisecond sequence, or the layout's time bits run out at the end of the epoch",
      role: "truth",
      prevention:
        "Size sequence bits from the per-worker peak rate and choose a custom epoch that leaves decades of headroom",
      repair:
        "Block until the next millisecond under bursts; before the epoch ends, move the namespace to a new layout version",
      // a block handed out by a sequencer or one counter has no per-millisecond sequence to exhaust
      chosen: { decision: "i09-scheme", options: ["snowflake"] },
    },
    {
      // storing each id against its request would be a durable write per id, the central store the design avoids
      failure: "A caller retries its create after a timeout and gets a second id for one logical record",
      role: "truth",
      prevention:
        "The caller takes an id once and reuses it on its own retries, or keys its record by its own request id; the generator keeps no per-id record",
      repair: "The unused id is only a gap; duplicates the caller wrote are merged by its natural key",
    },
    {
      failure:
        "A gap appears in a gap-free sequence because the number came from a counter outside the aborted transaction",
      role: "truth",
      prevention: "Take the number inside the same transaction as the record, as late as possible before commit",
      repair: "Record an explicit voided entry for the missing number so the audit trail stays complete",
    },
  ],
  bottlenecks: [
    {
      bottleneck: "Allocator round trips for new blocks",
      mitigation: "Enlarge blocks, prefetch the next block asynchronously, and shard the sequence space by namespace",
      formula: { yields: "block allocations per second", expression: "ids_per_sec / id_block_size", unit: "writes/s" },
    },
    {
      bottleneck:
        "Sequence bits per worker cap the ids one generator can issue per millisecond (4096 with a 12-bit sequence)",
      mitigation: "Add generator workers, or trade worker bits for sequence bits when the fleet is small",
      formula: {
        yields: "minimum generator workers for a 12-bit sequence",
        expression: "ids_per_sec / ids_per_generator_per_sec",
        unit: "workers",
      },
    },
    {
      bottleneck:
        "Worker id space: a 10-bit worker field allows 1024 live generators, and churning instances hold ids until their leases lapse",
      mitigation:
        "Lease worker ids with a short TTL and release them on graceful shutdown; across several data centres the field's high bits are the data-centre id (Snowflake's 5 of 10), so each data centre leases only its own part of the space from its own store",
      formula: {
        yields: "share of the 10-bit worker id space in use",
        expression: "workers / worker_id_space",
        unit: "fraction",
      },
    },
    {
      bottleneck: "A gap-free counter row serializes every transaction that takes a number from it",
      mitigation:
        "Partition the sequence by scope (per country or per tenant), take the number at the very end of the transaction, and keep that transaction short",
    },
  ],
  silhouette: {
    storage: "counter/range lease store",
    coordination: "uniqueness, monotonicity, worker-id allocation",
    serving: "ID issue endpoint",
  },
  technologies: [
    {
      product: "Snowflake-style in-process generator",
      layer: "serving",
      fits: "Packs milliseconds, a worker id and a sequence into 64 bits so each node issues sortable ids with no network call",
      suits: ["low-latency", "high-throughput", "stay-available", "elastic-scale"],
      poorFor: ["linearizable"],
      caveat:
        "Correct only with a unique leased worker id and a guard against the clock moving backwards; ids are roughly, not strictly, ordered across nodes",
    },
    {
      product: "PostgreSQL sequence or counter row",
      layer: "storage",
      fits: "A sequence issues increasing numbers cheaply, and a counter row updated inside the business transaction gives gap-free numbering",
      suits: ["durable", "linearizable", "ordering", "operational-simplicity"],
      poorFor: ["high-throughput", "multi-region"],
      // PostgreSQL's sequence functions page: nextval is atomic across sessions, and its value is not reclaimed when
      // the calling transaction aborts, so aborts and crashes leave gaps (postgresql.org/docs/current/functions-sequence.html)
      caveat:
        "Every number comes from one primary's sequence or row, a central coordinator each id waits on and whose failover stops issuing; a nextval is never handed back when its transaction aborts, so only a counter row updated in the inserting transaction is gap-free",
    },
    {
      product: "etcd or ZooKeeper for worker-id leases",
      layer: "coordination",
      fits: "A compare-and-set claim under a TTL lease gives each live generator its own worker id. A crashed generator's id returns to the pool only after its lease lapses",
      suits: ["linearizable", "small-metadata", "fail-closed"],
      poorFor: ["high-throughput"],
      caveat:
        "Touch it at generator start and on lease renewal, never per id, or the consensus log becomes the bottleneck",
    },
    {
      product: "etcd key for block high-water marks",
      layer: "coordination",
      fits: "A transaction that compares the key's revision and raises the mark by one block gives each allocator its own range. A majority commit keeps the advance through failover",
      suits: ["linearizable", "small-metadata", "fail-closed"],
      poorFor: ["multi-region"],
      caveat: "Touch it once per block, never per id, or the consensus log becomes the bottleneck",
    },
    {
      product: "Redis INCRBY",
      layer: "storage",
      fits: "An atomic increment by block size hands out ranges with sub-millisecond latency",
      suits: ["low-latency", "high-throughput"],
      poorFor: ["durable", "linearizable"],
      caveat:
        "Asynchronous replication can roll the counter back on failover and reissue ranges unless a safety jump follows every failover",
    },
    {
      product: "UUIDv7 or ULID",
      layer: "serving",
      // RFC 9562 section 5.7: a UUIDv7 is 128 bits (48-bit Unix milliseconds, version, variant, 74 random bits); the
      // ULID spec (github.com/ulid/spec): 48-bit milliseconds and 80 random bits, 128 in all
      idBits: 128,
      fits: "128-bit ids from a millisecond timestamp and random bits need no coordination at all and still sort by creation time",
      suits: ["stay-available", "multi-region", "elastic-scale", "operational-simplicity"],
      poorFor: ["ordering"],
      caveat:
        "Twice the size of a 64-bit id and only millisecond ordering; random UUIDv4 instead scatters inserts across an index",
    },
  ],
  connections: [
    {
      to: "I01",
      role: "substrate",
      why: "worker id leases and sequence high-water marks must survive failover without going backwards, so they live on a consensus store",
    },
    {
      to: "I02",
      role: "decorator",
      why: "a worker id or a leased block is an exclusive claim with expiry that must not be held by two generators at once",
    },
    {
      to: "I16",
      role: "substrate",
      why: "block counters are often a single key advanced atomically in a key-value store",
    },
  ],
  /** The NFR stance a design takes when the prompt is silent, and where ordering, exclusivity and coordination hold. */
  stance: {
    consistency: "read-your-writes",
    availability: "stay-available",
    delivery: "at-least-once",
    ordering: "per-key",
    durability: "durable",
    because:
      "an identifier handed out twice corrupts every system that keys on it, yet uniqueness needs no cross-node read at issue time: each generator issues from state it alone holds (its worker id, or a block leased to it), so issuing continues through short outages, and only handing out that state is a conditional write; a retried request simply gets a fresh id, leaving a gap but never a duplicate",
    scopes: {
      ordering: {
        scope: "shard",
        why: "monotonic order is promised per generator or per sequence, not across all of them",
      },
      exclusivity: {
        scope: "shard",
        why: "each worker id has one live owner",
        entities: ["WorkerIdLease"],
        otherwise: { scope: "shard", why: "each leased range block, or the sequencer's counter, has one live owner" },
      },
      coordination: {
        scope: "shard",
        why: "only block allocation touches shared durable state",
        entities: ["SequenceCounter"],
        otherwise: {
          scope: "shard",
          why: "each generator mints ids from its own clock and sequence; only its claim on a worker id touches shared state",
        },
      },
    },
  },
} satisfies ArchetypeInput;
