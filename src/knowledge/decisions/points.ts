/**
 * The decision points of each infra archetype: the trade-offs a strong candidate argues, with
 * what each option buys and costs, when it wins, and the rules that pick one for a prompt.
 */
import type { ArchetypeId } from "../schema.js";
import type { DecisionPoint } from "./types.js";

/** A limit stated per minute, hour, day or month (a quota per window rather than a rate). */
const PER_WINDOW = String.raw`\b(?:per|a|an|every|each)\s+(?:minute|hour|day|month)|/\s*(?:min|minute|h|hr|hour|d|day)\b`;

export const ARCHETYPE_DECISIONS: Readonly<Record<ArchetypeId, DecisionPoint[]>> = {
  I01: [
    {
      id: "i01-replication",
      question: "How do the replicas agree on the metadata log?",
      options: [
        {
          id: "majority-consensus",
          name: "leader-based consensus with majority quorums (Raft, ZAB, Multi-Paxos)",
          buys: "a single agreed order of writes; an acknowledged write survives the loss of any minority of replicas; linearizable reads through the leader",
          costs:
            "every write goes through one leader and waits for a majority round trip; a minority partition cannot write",
          winsWhen:
            "other systems act on these facts (leaders, locks, shard maps), so a fork or a lost write is a correctness bug",
          implies: {
            addMechanisms: ["consensus-replication", "leader-election", "epoch-term"],
            removeMechanisms: ["async-replication"],
          },
        },
        {
          id: "async-primary",
          name: "one primary with asynchronous replicas",
          buys: "lower write latency and a simpler deployment",
          costs:
            "writes acknowledged just before a failover are lost, and without fencing two nodes can both believe they are primary",
          winsWhen:
            "the metadata is advisory: stale or lost updates are tolerable (eventual consistency, best-effort durability)",
          implies: { addMechanisms: ["async-replication"], removeMechanisms: ["consensus-replication"] },
        },
      ],
      rules: [
        {
          when: [{ nfr: "consistency", in: ["linearizable"] }],
          option: "majority-consensus",
          because: "the facts must be linearizable",
        },
        {
          when: [{ nfr: "availability", in: ["fail-closed"] }],
          option: "majority-consensus",
          because: "the store must refuse rather than fork",
        },
        {
          when: [
            { nfr: "consistency", in: ["eventual"] },
            { nfr: "durability", in: ["best-effort"] },
          ],
          option: "async-primary",
          because: "stale and lost metadata are both acceptable here",
        },
      ],
      fallback: {
        option: "majority-consensus",
        because: "coordination facts must not fork, whatever the prompt leaves unsaid",
      },
    },
    {
      id: "i01-groups",
      question: "One consensus group for the whole key space, or many?",
      options: [
        {
          id: "single-group",
          name: "one consensus group",
          buys: "one total order over every key, so multi-key transactions and watches from a single revision are trivial",
          costs: "write throughput is capped by one leader",
          winsWhen: "the leader runs well below its write capacity",
        },
        {
          id: "sharded-groups",
          name: "the key space split across many consensus groups (multi-Raft)",
          buys: "write throughput grows with the number of groups",
          costs: "no cross-group order or atomicity without a two-phase protocol; a shard map to keep and rebalance",
          winsWhen: "one leader would run above about half of its write capacity",
          implies: { addMechanisms: ["range-lease"] },
        },
      ],
      rules: [
        {
          when: [{ nfr: "ordering", in: ["global"] }],
          option: "single-group",
          because: "a single global order is required",
        },
        {
          when: [{ number: "consensus_groups", atLeast: 2 }],
          option: "sharded-groups",
          because: "one leader would run above its planned share of capacity",
        },
      ],
      fallback: { option: "single-group", because: "the metadata load leaves one leader plenty of headroom" },
    },
  ],
  I02: [
    {
      id: "i02-lock-store",
      question: "A consensus store or a single Redis for the locks?",
      options: [
        {
          id: "consensus-store",
          name: "a consensus-replicated store (etcd, ZooKeeper) with fencing tokens",
          buys: "a lease survives node loss without being granted twice, and the store's revision number doubles as a fencing token",
          costs: "a majority round trip on every acquire and renewal; write throughput of one leader per group",
          winsWhen: "a double grant corrupts data (the lock guards correctness)",
          implies: {
            addMechanisms: ["consensus-replication", "fencing-token"],
            preferTechnology: ["etcd", "ZooKeeper"],
          },
        },
        {
          id: "single-redis",
          name: "a single Redis with SET NX and an expiry",
          buys: "sub-millisecond acquires and almost nothing to operate",
          costs: "a failover to an asynchronous replica can grant the same lock twice, and there is no fencing token",
          winsWhen: "the lock only avoids duplicate work, so a rare double grant costs efficiency, not correctness",
          implies: { removeMechanisms: ["consensus-replication"], preferTechnology: ["Redis"] },
        },
      ],
      rules: [
        {
          when: [{ nfr: "availability", in: ["fail-closed"] }],
          option: "consensus-store",
          because: "a lease must never be granted twice",
        },
        {
          when: [{ nfr: "consistency", in: ["linearizable"] }],
          option: "consensus-store",
          because: "lease state must be linearizable",
        },
        {
          when: [{ nfr: "consistency", in: ["eventual"] }],
          option: "single-redis",
          because: "the prompt accepts eventual consistency, so the lock is an efficiency hint",
        },
      ],
      fallback: {
        option: "consensus-store",
        because: "a lock usually guards correctness, and a double grant is silent",
      },
    },
    {
      id: "i02-lease-length",
      question: "Short leases with frequent renewal, or long leases?",
      options: [
        {
          id: "short-leases",
          name: "short leases (seconds), renewed every third of the TTL",
          buys: "a crashed holder's resource is free again within seconds",
          costs: "renewal writes grow with leases / TTL; a long GC pause can outlive the lease (fencing handles it)",
          winsWhen: "the renewal load fits the store",
        },
        {
          id: "long-leases",
          name: "long leases (tens of seconds or more)",
          buys: "a fraction of the renewal writes",
          costs: "a crashed holder blocks its resource for the whole lease",
          winsWhen: "renewals alone would load the store heavily",
        },
      ],
      rules: [
        {
          when: [{ stated: "lease_seconds" }, { number: "lease_seconds", below: 30 }],
          option: "short-leases",
          because: "the prompt states a short lease, so renewal load is sized for it",
        },
        {
          when: [{ stated: "lease_seconds" }, { number: "lease_seconds", atLeast: 30 }],
          option: "long-leases",
          because: "the prompt states a long lease",
        },
        {
          when: [{ number: "renewals_per_sec", atLeast: 50000 }],
          option: "long-leases",
          because: "renewals alone would dominate the store's writes",
        },
      ],
      fallback: { option: "short-leases", because: "renewal load is modest, so fast failover is cheap" },
    },
  ],
  I03: [
    {
      id: "i03-due-index",
      question: "How are due runs found: polling a durable due-time index, or in-memory timing wheels?",
      options: [
        {
          id: "polled-index",
          name: "a durable due-time index polled by claimers",
          buys: "nothing is lost in a crash and any worker can fire any run",
          costs: "firing lags by up to the poll interval and every poll reads the index",
          winsWhen: "the firing rate fits a few index shards",
          implies: { addMechanisms: ["due-time-index", "claim-run"] },
        },
        {
          id: "timing-wheel",
          name: "per-shard in-memory timing wheels loaded ahead from the store",
          buys: "precise firing with constant-time insert and almost no store reads",
          costs: "each shard needs one owner (a lease) and a reload after failover; memory grows with near-term timers",
          winsWhen: "peaks fire tens of thousands of runs a second or the timing must be tight",
          implies: { addMechanisms: ["due-time-index", "lease"] },
        },
      ],
      rules: [
        {
          when: [{ number: "peak_fires_per_sec", atLeast: 50000 }],
          option: "timing-wheel",
          because: "polling could not keep up with the peak firing rate",
        },
      ],
      fallback: { option: "polled-index", because: "the peak firing rate fits a polled index" },
    },
    {
      id: "i03-handoff",
      question: "Do workers claim runs in the run store, or are due runs released onto a queue?",
      options: [
        {
          id: "claim-in-store",
          name: "workers claim run records with a lease in the run store",
          buys: "one record per run holds its state, retries and timeout",
          costs: "every claim is a conditional write on the run store",
          winsWhen: "the run store absorbs a claim write per run",
          implies: { addMechanisms: ["claim-run"] },
        },
        {
          id: "release-to-queue",
          name: "a releaser moves due runs onto a log or queue that workers consume",
          buys: "bursts are absorbed by the log and workers scale independently",
          costs: "two systems to keep consistent: a run can be released twice, so handlers must be idempotent",
          winsWhen: "peak firing rates exceed what the run store should take in claims",
          implies: { addMechanisms: ["append-log", "consumer-offsets", "idempotent-receiver"] },
        },
      ],
      rules: [
        {
          when: [{ number: "run_store_writes", atLeast: 100000 }],
          option: "release-to-queue",
          because: "claim writes would overload the run store at peak",
        },
      ],
      fallback: { option: "claim-in-store", because: "claim writes fit the run store" },
    },
  ],
  I04: [
    {
      id: "i04-partitioning",
      question: "Split the frontier by key range (or host group), or by hash?",
      options: [
        {
          id: "range-or-host",
          name: "by key range or host group",
          buys: "a checkpoint is just the last key reached; one owner per host can enforce politeness",
          costs: "big ranges or hosts become hot and must be split",
          winsWhen: "per-range progress or per-host politeness matters more than perfectly even load",
          implies: { addMechanisms: ["range-lease", "scan-checkpoint"] },
        },
        {
          id: "hash",
          name: "by hash of the item key",
          buys: "even load without splitting",
          costs: "no ordered resumption; politeness per host needs cross-shard coordination",
          winsWhen: "the visit rate is high and items are independent",
          implies: { addMechanisms: ["sharded-frontier", "consistent-hashing"] },
        },
      ],
      rules: [
        {
          when: [{ number: "visits_per_sec", atLeast: 20000 }],
          option: "hash",
          because: "the visit rate needs an even spread",
        },
      ],
      fallback: {
        option: "range-or-host",
        because: "range checkpoints are simple and the visit rate does not force hashing",
      },
    },
    {
      id: "i04-revisit",
      question: "Revisit every item once per period, or by priority?",
      options: [
        {
          id: "fixed-period",
          name: "a fixed pass over every item each period",
          buys: "a simple, predictable schedule and a clear 'pass done' signal",
          costs: "visits are wasted on items that never change",
          winsWhen: "the whole set fits in one period's visit budget",
        },
        {
          id: "priority",
          name: "a priority frontier ordered by change rate and importance",
          buys: "freshness where it matters with fewer wasted visits",
          costs: "per-item change statistics and a priority queue instead of a scan",
          winsWhen: "the set is too large to revisit fully every period",
          implies: { addMechanisms: ["sharded-frontier"] },
        },
      ],
      rules: [
        {
          when: [{ number: "items", atLeast: 100000000 }],
          option: "priority",
          because: "the set is too large to refresh evenly",
        },
      ],
      fallback: { option: "fixed-period", because: "the set fits one pass per period" },
    },
  ],
  I05: [
    {
      id: "i05-acks",
      question: "Producer acknowledgement: acks=all with a minimum in-sync replica count, or acks=1?",
      options: [
        {
          id: "acks-all",
          name: "acks=all with min.insync.replicas=2 of 3",
          buys: "an acknowledged record survives the loss of the partition leader",
          costs:
            "each publish waits for the slowest in-sync follower; with too few in-sync replicas the partition refuses writes",
          winsWhen: "an acknowledged record must not be lost",
        },
        {
          id: "acks-leader",
          name: "acks=1 (leader only)",
          buys: "lower publish latency and higher throughput",
          costs: "records acknowledged but not yet copied are lost when the leader fails",
          winsWhen: "losing a few recent records is acceptable (metrics, best-effort telemetry)",
        },
      ],
      rules: [
        {
          when: [{ nfr: "durability", in: ["durable"] }],
          option: "acks-all",
          because: "records must be durable once acknowledged",
        },
        {
          when: [{ nfr: "delivery", in: ["at-least-once", "exactly-once"] }],
          option: "acks-all",
          because: "delivery must not drop records",
        },
        {
          when: [{ nfr: "durability", in: ["best-effort"] }],
          option: "acks-leader",
          because: "durability is best-effort",
        },
        {
          when: [{ nfr: "delivery", in: ["at-most-once"] }],
          option: "acks-leader",
          because: "delivery is at-most-once",
        },
      ],
      fallback: { option: "acks-all", because: "a log is trusted as the record of what happened" },
    },
    {
      id: "i05-consumption",
      question: "Do consumers pull by offset, or does the broker push?",
      options: [
        {
          id: "pull",
          name: "consumers pull batches and commit offsets (Kafka-style)",
          buys: "each consumer sets its own pace, batches, and can replay from any retained offset",
          costs: "polling adds a little latency; consumers own their offsets",
          winsWhen: "several groups read the same stream, volume is high, or replay matters",
          implies: { addMechanisms: ["consumer-offsets"] },
        },
        {
          id: "push",
          name: "the broker pushes messages and tracks per-message acks (RabbitMQ-style)",
          buys: "low per-message latency and per-message retry and dead-lettering",
          costs:
            "the broker keeps per-message delivery state; slow consumers need prefetch limits; no replay after ack",
          winsWhen: "volume is low, there is one consumer group, and no one replays",
          implies: { addMechanisms: ["retry-dead-letter"], removeMechanisms: ["consumer-offsets"] },
        },
      ],
      rules: [
        {
          when: [
            { number: "peak_messages_per_sec", below: 1000 },
            { number: "consumer_groups", below: 2 },
          ],
          option: "push",
          because: "one consumer group at low volume does not need offsets or replay",
        },
      ],
      fallback: {
        option: "pull",
        because: "several groups read the stream and replay by offset is the point of a log",
      },
    },
    {
      id: "i05-order-scope",
      question: "Order records per key across many partitions, or globally in one partition?",
      options: [
        {
          id: "per-key",
          name: "per-key order: records with the same key go to the same partition",
          buys: "throughput grows with partitions while each key stays ordered",
          costs: "no order across keys; changing the partition count moves keys",
          winsWhen: "order matters per entity, not across entities",
          implies: { addMechanisms: ["partition-key-ordering"] },
        },
        {
          id: "single-partition",
          name: "one partition for a single global order",
          buys: "every consumer sees every record in the same order",
          costs: "throughput is capped by one partition and one consumer",
          winsWhen: "a single global order is required and the volume fits one partition",
        },
      ],
      rules: [
        {
          when: [{ nfr: "ordering", in: ["global"] }],
          option: "single-partition",
          because: "a global order is required",
        },
      ],
      fallback: { option: "per-key", because: "order is needed per key, so partitions can carry the volume" },
    },
  ],
  I06: [
    {
      id: "i06-update",
      question: "Update the derived copy in the write path, or asynchronously from a change stream?",
      options: [
        {
          id: "async-stream",
          name: "asynchronously from an outbox or change-data-capture stream",
          buys: "writes do not wait for or fail with the index; the copy can be rebuilt by replay",
          costs: "reads of the copy lag the source by the pipeline's delay",
          winsWhen: "readers tolerate a short lag",
          implies: { addMechanisms: ["transactional-outbox", "projector-checkpoint"] },
        },
        {
          id: "sync-write",
          name: "synchronously, in the same transaction or call as the source write",
          buys: "a reader sees its own write in the copy at once",
          costs: "higher write latency; an index outage fails writes; dual writes outside a transaction can diverge",
          winsWhen: "the copy must never lag the source",
          implies: { addMechanisms: ["transaction"], removeMechanisms: ["transactional-outbox"] },
        },
      ],
      rules: [
        {
          when: [{ nfr: "consistency", in: ["linearizable"] }],
          option: "sync-write",
          because: "the copy must be as fresh as the source",
        },
      ],
      fallback: {
        option: "async-stream",
        because: "a derived copy may lag, and decoupling keeps the source's writes fast",
      },
    },
    {
      id: "i06-sharding",
      question: "Shard the index by document or by term?",
      options: [
        {
          id: "by-document",
          name: "by document (each shard indexes its own documents; queries scatter and gather)",
          buys: "a write touches one shard and shards stay balanced",
          costs: "every query fans out to every shard",
          winsWhen: "query fan-out across shards stays affordable",
        },
        {
          id: "by-term",
          name: "by term (a global index partitioned by term)",
          buys: "a query touches only the shards of its terms",
          costs: "one document write touches many shards; popular terms make hot shards",
          winsWhen: "scatter-gather would send millions of shard requests a second",
        },
      ],
      rules: [
        {
          when: [{ number: "shard_requests", atLeast: 1000000 }],
          option: "by-term",
          because: "scatter-gather load is too high",
        },
      ],
      fallback: { option: "by-document", because: "scatter-gather across the planned shards is affordable" },
    },
  ],
  I07: [
    {
      id: "i07-freshness",
      question: "Keep cached copies fresh by TTL expiry, or by invalidating on change?",
      options: [
        {
          id: "ttl",
          name: "TTL expiry",
          buys: "no coupling to the writer; staleness is bounded by the TTL",
          costs: "readers see old data for up to one TTL; popular keys expire together and stampede the origin",
          winsWhen: "readers tolerate staleness of one TTL",
          implies: { addMechanisms: ["ttl-expiry", "request-coalescing"] },
        },
        {
          id: "invalidate",
          name: "invalidation on every change (from the writer or a change stream)",
          buys: "copies are replaced within the pipeline's delay of a write",
          costs: "an invalidation pipeline to run, and races where a stale fill lands after the delete",
          winsWhen: "readers must see changes quickly, or a read-your-writes promise is made",
          implies: { addMechanisms: ["cache-invalidation", "version-check"] },
        },
      ],
      rules: [
        {
          when: [{ nfr: "consistency", in: ["linearizable", "read-your-writes"] }],
          option: "invalidate",
          because: "readers must see changes promptly",
        },
        {
          when: [{ number: "propagation_seconds", below: 30 }, { stated: "propagation_seconds" }],
          option: "invalidate",
          because: "changes must be visible within the stated time",
        },
      ],
      fallback: { option: "ttl", because: "staleness of one TTL is acceptable for a derived copy" },
    },
    {
      id: "i07-write-policy",
      question: "Cache-aside, write-through, or write-back?",
      options: [
        {
          id: "cache-aside",
          name: "cache-aside (read through on a miss, the origin is written directly)",
          buys: "only requested data is cached; the origin stays the source of truth",
          costs: "a miss pays the origin's latency; a stale fill can race a write",
          winsWhen: "reads dominate and a short staleness window is fine",
        },
        {
          id: "write-through",
          name: "write-through (writes update the cache and the origin together)",
          buys: "the cache holds the latest value right after a write",
          costs: "writes are slower and cold data gets cached",
          winsWhen: "readers must read their own writes from the cache",
        },
        {
          id: "write-back",
          name: "write-back (the cache absorbs writes and flushes later)",
          buys: "write bursts are absorbed and coalesced",
          costs: "writes not yet flushed are lost when a cache node dies",
          winsWhen: "losing the latest writes on a crash is acceptable",
        },
      ],
      rules: [
        {
          when: [{ nfr: "consistency", in: ["read-your-writes", "linearizable"] }],
          option: "write-through",
          because: "writers read their own writes",
        },
        {
          when: [{ nfr: "durability", in: ["best-effort"], stated: true }],
          option: "write-back",
          because: "durability is best-effort",
        },
      ],
      fallback: { option: "cache-aside", because: "reads dominate and the origin stays authoritative" },
    },
  ],
  I08: [
    {
      id: "i08-algorithm",
      question: "Token bucket or sliding window?",
      options: [
        {
          id: "token-bucket",
          name: "token bucket",
          buys: "allows short bursts up to the bucket size at a steady refill rate; two numbers per key",
          costs: "not a hard count per calendar window",
          winsWhen: "the limit is a rate with tolerated bursts",
          implies: { addMechanisms: ["token-bucket"] },
        },
        {
          id: "sliding-window",
          name: "sliding-window counter (current and previous window, weighted)",
          buys: "a smooth per-window quota without the fixed window's double burst at the boundary",
          costs: "approximate unless a per-request log is kept, which costs memory per request",
          winsWhen: "the limit is stated as a quota per minute or longer that callers read as a contract",
          implies: { addMechanisms: ["atomic-counter"], removeMechanisms: ["token-bucket"] },
        },
      ],
      rules: [
        {
          when: [{ stated: "requests_per_sec_per_key", matching: PER_WINDOW }],
          option: "sliding-window",
          because:
            "the limit is stated as a quota per window, so a burst at the window boundary would visibly break it",
        },
        {
          when: [{ stated: "requests_per_sec_per_user", matching: PER_WINDOW }],
          option: "sliding-window",
          because:
            "the limit is stated as a quota per window, so a burst at the window boundary would visibly break it",
        },
        {
          when: [{ stated: "requests_per_sec_per_tenant", matching: PER_WINDOW }],
          option: "sliding-window",
          because:
            "the limit is stated as a quota per window, so a burst at the window boundary would visibly break it",
        },
      ],
      fallback: { option: "token-bucket", because: "a rate limit with tolerated bursts is the common contract" },
    },
    {
      id: "i08-enforcement",
      question: "Check a central budget store on every request, or spend local allowances synced periodically?",
      options: [
        {
          id: "central-store",
          name: "a central budget store (for example Redis with an atomic script) on every check",
          buys: "an exact limit across every gateway",
          costs: "one store round trip per request; the store's throughput and availability bound the gateway",
          winsWhen: "the store handles the fleet's peak checks on a few nodes",
          implies: { addMechanisms: ["atomic-counter"] },
        },
        {
          id: "local-allowance",
          name: "local allowances per gateway, synced every few seconds",
          buys: "no remote call on the request path",
          costs: "the fleet may over-admit by up to one allowance per gateway between syncs",
          winsWhen: "central checks would need many store nodes or add unacceptable latency",
          implies: { addMechanisms: ["heartbeat-renewal"] },
        },
      ],
      rules: [
        {
          when: [{ nfr: "consistency", in: ["linearizable"] }],
          option: "central-store",
          because: "the limit must be exact",
        },
        {
          when: [{ number: "budget_store_nodes", atLeast: 4 }],
          option: "local-allowance",
          because: "central checks would need many store nodes",
        },
        {
          when: [{ latencyAtMost: 1 }],
          option: "local-allowance",
          because: "a sub-millisecond budget leaves no room for a remote call",
        },
      ],
      fallback: { option: "central-store", because: "the fleet's checks fit a small store cluster" },
    },
    {
      id: "i08-on-failure",
      question: "When the budget store is unreachable: fail open or fail closed?",
      options: [
        {
          id: "fail-open",
          name: "fail open (admit and log)",
          buys: "a limiter outage does not become a full outage",
          costs: "limits are not enforced while the store is down",
          winsWhen: "the limiter protects capacity rather than money or security",
        },
        {
          id: "fail-closed",
          name: "fail closed (reject)",
          buys: "no request is admitted beyond its budget",
          costs: "the limiter's outage rejects all traffic",
          winsWhen: "over-admission costs money or breaks a security promise",
        },
      ],
      rules: [
        {
          when: [{ nfr: "availability", in: ["fail-closed"] }],
          option: "fail-closed",
          because: "the prompt asks to fail closed",
        },
      ],
      fallback: {
        option: "fail-open",
        because: "rejecting everything when the limiter is down turns its outage into everyone's",
      },
    },
  ],
  I09: [
    {
      id: "i09-scheme",
      question: "Timestamp + worker id (Snowflake-style), leased blocks from a counter, or one sequencer?",
      options: [
        {
          id: "snowflake",
          name: "timestamp + worker id + per-millisecond sequence",
          buys: "no coordination per id and roughly time-sorted ids",
          costs: "depends on clocks (a clock step back must stall minting); worker ids must be unique",
          winsWhen: "ids should sort by time and throughput is high",
          implies: { addMechanisms: ["timestamp-sequence-id", "worker-id-allocation"] },
        },
        {
          id: "leased-blocks",
          name: "blocks of ids leased from a durable counter",
          buys: "short dense ids and no clock dependency",
          costs: "ids are ordered only within a block, and a crash wastes the rest of a block",
          winsWhen: "ids must be short (URLs, tickets) and need no time order",
          implies: { addMechanisms: ["atomic-counter"], removeMechanisms: ["timestamp-sequence-id"] },
        },
        {
          id: "single-sequencer",
          name: "one sequencer (a consensus-replicated counter)",
          buys: "one strictly increasing sequence",
          costs: "every id is a replicated write, capped by one leader",
          winsWhen: "a strict global order is required at modest rates",
          implies: {
            addMechanisms: ["consensus-replication", "op-sequencer"],
            removeMechanisms: ["timestamp-sequence-id"],
          },
        },
      ],
      rules: [
        {
          when: [{ nfr: "ordering", in: ["global"] }],
          option: "single-sequencer",
          because: "ids must follow one strict global order",
        },
        {
          when: [{ nfr: "ordering", in: ["none"] }],
          option: "leased-blocks",
          because: "no order is promised, so dense short ids win",
        },
      ],
      fallback: { option: "snowflake", because: "time-sortable ids without coordination per id" },
    },
    {
      id: "i09-worker-ids",
      question: "Where do generators get their worker ids: static configuration or a leased registry?",
      options: [
        {
          id: "leased",
          name: "leased from a coordination store (renewed, released on shutdown)",
          buys: "safe under autoscaling and restarts: two live processes never share an id",
          costs: "a dependency at startup and lease renewal traffic",
          winsWhen: "generators come and go, or there are many of them",
          implies: { addMechanisms: ["lease"] },
        },
        {
          id: "static",
          name: "static configuration per host",
          buys: "no runtime dependency",
          costs: "a copied config or a moved host silently duplicates ids",
          winsWhen: "a handful of long-lived hosts",
        },
      ],
      rules: [
        {
          when: [{ number: "workers", below: 10 }],
          option: "static",
          because: "only a handful of long-lived generators",
        },
      ],
      fallback: { option: "leased", because: "generator processes scale and restart, so ids must be leased" },
    },
  ],
  I10: [
    {
      id: "i10-detection",
      question: "Heartbeats to a central registry, or gossip between members (SWIM-style)?",
      options: [
        {
          id: "central-registry",
          name: "heartbeats or session keepalives to a replicated registry, sharded by member id when the load needs it",
          buys: "one authoritative view that watchers can trust, for any kind of member (users, devices, services)",
          costs: "registry load grows with members / heartbeat interval, so a large population needs registry shards",
          winsWhen: "members are users, devices or service instances, or the view must be authoritative",
          implies: { addMechanisms: ["heartbeat-renewal", "watch-stream"] },
        },
        {
          id: "gossip",
          name: "gossip-based membership with indirect probes",
          buys: "no central bottleneck; load per member stays constant as the cluster grows",
          costs: "the view converges eventually; false suspicions need a suspect state",
          winsWhen:
            "the members are thousands of servers of one cluster that each need the full view, and an eventual view is fine",
          implies: { addMechanisms: ["gossip-dissemination"], removeMechanisms: ["heartbeat-renewal"] },
        },
      ],
      rules: [
        {
          when: [{ nfr: "consistency", in: ["linearizable"] }],
          option: "central-registry",
          because: "the view must be authoritative",
        },
        {
          when: [{ stated: "nodes" }, { number: "nodes", atLeast: 1000 }],
          option: "gossip",
          because: "thousands of cluster servers each need the full view",
        },
      ],
      fallback: {
        option: "central-registry",
        because: "one authoritative view; heartbeat load is spread over registry shards",
      },
    },
    {
      id: "i10-notify",
      question: "Push changes to watchers, or let them poll?",
      options: [
        {
          id: "push",
          name: "push over watch streams",
          buys: "watchers learn of changes within a round trip",
          costs: "open streams per watcher and fan-out work per change",
          winsWhen: "changes must be seen quickly",
          implies: { addMechanisms: ["watch-stream"] },
        },
        {
          id: "poll",
          name: "periodic polling with a version check",
          buys: "stateless servers and cacheable responses",
          costs: "staleness up to the poll interval and load from polls that find nothing new",
          winsWhen: "fan-out would exceed millions of notifications a second and staleness of a poll interval is fine",
        },
      ],
      rules: [
        {
          when: [{ number: "notifications_per_sec", atLeast: 1000000 }],
          option: "poll",
          because: "push fan-out would be too large",
        },
      ],
      fallback: { option: "push", because: "changes should reach watchers promptly and the fan-out is affordable" },
    },
  ],
  I11: [
    {
      id: "i11-distribution",
      question: "Push snapshots over watch streams, or let nodes poll for a new version?",
      options: [
        {
          id: "push",
          name: "push over long-lived watch streams",
          buys: "a change reaches every node within seconds",
          costs: "a stream per node and fan-out servers to hold them",
          winsWhen: "changes must propagate within seconds",
          implies: { addMechanisms: ["watch-stream", "versioned-snapshot"] },
        },
        {
          id: "poll",
          name: "nodes poll for a new version (cacheable, CDN-friendly)",
          buys: "stateless, cacheable distribution that scales with any fleet",
          costs: "propagation takes up to a poll interval; idle polls cost load",
          winsWhen: "propagation within minutes is acceptable and the fleet is huge",
          implies: { addMechanisms: ["versioned-snapshot"] },
        },
      ],
      rules: [
        {
          when: [{ number: "propagation_seconds", below: 60 }],
          option: "push",
          because: "changes must arrive within the propagation target",
        },
      ],
      fallback: { option: "poll", because: "propagation within minutes allows cacheable polling" },
    },
    {
      id: "i11-rollout",
      question: "Apply a change everywhere at once, or roll it out in stages?",
      options: [
        {
          id: "staged",
          name: "staged rollout with canaries and automatic rollback",
          buys: "a bad change is caught on a small slice before it reaches the fleet",
          costs: "slower propagation",
          winsWhen: "the propagation target leaves time for stages",
          implies: { addMechanisms: ["staged-rollout"] },
        },
        {
          id: "all-at-once",
          name: "all at once, guarded by validation and instant rollback",
          buys: "the fastest propagation",
          costs: "a bad change reaches every node before anyone notices",
          winsWhen: "the change must land within seconds (for example, blocking an attack)",
        },
      ],
      rules: [
        {
          when: [{ stated: "propagation_seconds" }, { number: "propagation_seconds", below: 10 }],
          option: "all-at-once",
          because: "a propagation target of seconds leaves no time for stages",
        },
      ],
      fallback: { option: "staged", because: "fleet-wide configuration pushes are a common cause of outages" },
    },
  ],
  I12: [
    {
      id: "i12-handoff",
      question: "Record intended effects in a transactional outbox, or call the provider right after commit?",
      options: [
        {
          id: "outbox",
          name: "transactional outbox with a relay that retries",
          buys: "the state change and the intent to act commit together, so no effect is lost in a crash",
          costs: "relay lag, and effects may be sent more than once, so the receiver must deduplicate",
          winsWhen: "an effect must not be lost",
          implies: { addMechanisms: ["transactional-outbox", "idempotency-key"] },
        },
        {
          id: "direct-call",
          name: "a direct call after the commit",
          buys: "lower latency and one fewer component",
          costs: "a crash between commit and call loses the effect; a retry after a timeout can repeat it",
          winsWhen: "the effect is best-effort (a notification that may be dropped)",
          implies: { removeMechanisms: ["transactional-outbox"] },
        },
      ],
      rules: [
        {
          when: [{ nfr: "durability", in: ["best-effort"] }],
          option: "direct-call",
          because: "effects may be dropped",
        },
        {
          when: [{ nfr: "delivery", in: ["at-most-once"] }],
          option: "direct-call",
          because: "effects are at-most-once",
        },
      ],
      fallback: { option: "outbox", because: "an external effect must neither vanish nor depend on luck" },
    },
    {
      id: "i12-coordination",
      question: "Orchestrate the steps centrally, or let services react to each other's events?",
      options: [
        {
          id: "orchestration",
          name: "orchestration: a workflow engine holds each instance's step and drives it",
          buys: "the state of every instance is visible, and retries and compensations live in one place",
          costs: "a central component whose store carries every step",
          winsWhen: "steps need compensation or a person must see where an instance is stuck",
          implies: { addMechanisms: ["saga"] },
        },
        {
          id: "choreography",
          name: "choreography: each service reacts to the previous step's event",
          buys: "loose coupling and no central engine",
          costs: "no single place to see or repair an instance; compensations are scattered",
          winsWhen: "few steps, owned by independent teams, with no compensation",
        },
      ],
      rules: [
        {
          when: [{ predicate: "external-effect", holds: true }],
          option: "orchestration",
          because: "external effects need tracked retries and compensation",
        },
      ],
      fallback: {
        option: "orchestration",
        because: "a multi-step process with effects needs one place that knows its state",
      },
    },
  ],
  I13: [
    {
      id: "i13-merge",
      question: "Operational transformation or CRDTs to merge concurrent edits?",
      options: [
        {
          id: "ot",
          name: "operational transformation with a server sequencer per subject",
          buys: "small operations and one authoritative order per subject, with intent-preserving transforms",
          costs: "a central sequencer per subject; long offline edits are painful to rebase",
          winsWhen: "a server is always in the path and sequences each subject",
          implies: { addMechanisms: ["op-sequencer", "subject-snapshot"], removeMechanisms: ["crdt-merge"] },
        },
        {
          id: "crdt",
          name: "CRDTs that merge without a central order",
          buys: "replicas converge in any delivery order: offline edits, peer-to-peer and multi-region writes",
          costs: "per-element metadata and tombstones grow the state; compaction needs care",
          winsWhen: "editing must continue offline or in several regions without one sequencer",
          implies: { addMechanisms: ["crdt-merge", "subject-snapshot"], removeMechanisms: ["op-sequencer"] },
        },
      ],
      rules: [
        {
          when: [{ nfr: "consistency", in: ["linearizable"] }],
          option: "ot",
          because: "one authoritative order per subject is required",
        },
        {
          when: [{ nfr: "availability", in: ["stay-available"] }, { regionsAtLeast: 2 }],
          option: "crdt",
          because: "every region must keep accepting edits without a single sequencer",
        },
      ],
      fallback: {
        option: "ot",
        because: "a server already sits in every session, so one sequencer per subject is the simplest correct order",
      },
    },
    {
      id: "i13-routing",
      question: "Route each subject to one owning server, or fan out through pub/sub?",
      options: [
        {
          id: "owner-server",
          name: "one owning server per subject (consistent hashing on the subject id)",
          buys: "the sequencer lives in one process's memory, so ordering and fan-out are cheap",
          costs: "ownership must move on failure; a very hot subject is bound by one server",
          winsWhen: "a subject's participants fit one server",
          implies: { addMechanisms: ["consistent-hashing", "lease"] },
        },
        {
          id: "pubsub",
          name: "stateless servers that publish to a per-subject channel",
          buys: "any server can take any participant",
          costs: "order must come from the log or store, adding a hop per operation",
          winsWhen: "subjects have thousands of participants",
          implies: { addMechanisms: ["append-log"] },
        },
      ],
      rules: [
        {
          when: [{ number: "participants", atLeast: 1000 }],
          option: "pubsub",
          because: "a subject's participants exceed one server",
        },
      ],
      fallback: { option: "owner-server", because: "each subject's participants fit one server" },
    },
  ],
  I14: [
    {
      id: "i14-addressing",
      question: "Address content by digest, or by name and version?",
      options: [
        {
          id: "by-digest",
          name: "content-addressed by digest, with mutable tags pointing at digests",
          buys: "deduplication, integrity checks and caches that never need purging",
          costs: "a separate mutable tag pointer, and garbage collection of unreferenced blobs",
          winsWhen: "artifacts are shared and cached widely",
          implies: { addMechanisms: ["content-addressing", "head-pointer-cas", "reference-gc"] },
        },
        {
          id: "by-name",
          name: "by name and version, overwritten in place",
          buys: "the simplest layout",
          costs: "caches and mirrors can serve mixed or stale versions; no deduplication",
          winsWhen: "a small private store with few readers",
        },
      ],
      rules: [
        { when: [{ number: "objects", below: 1000 }], option: "by-name", because: "a small store with few artifacts" },
      ],
      fallback: { option: "by-digest", because: "immutability by digest makes caching and verification free" },
    },
    {
      id: "i14-distribution",
      question: "Serve pulls from the origin, through a CDN, or peer to peer?",
      options: [
        {
          id: "origin",
          name: "straight from the origin store",
          buys: "nothing extra to run",
          costs: "a rollout's whole volume hits the origin at once",
          winsWhen: "rollouts are small",
        },
        {
          id: "cdn",
          name: "through a CDN or pull-through caches",
          buys: "origin bandwidth drops to one copy per cache site",
          costs: "cache fill storms when a new artifact is first pulled everywhere",
          winsWhen: "pull bandwidth reaches gigabytes per second",
          implies: { addMechanisms: ["request-coalescing"] },
        },
        {
          id: "p2p",
          name: "peer to peer between pulling nodes (Kraken, Dragonfly)",
          buys: "rollout bandwidth grows with the fleet itself",
          costs: "a tracker and agents on every node",
          winsWhen: "one rollout moves tens of terabytes",
        },
      ],
      rules: [
        {
          when: [{ number: "rollout_bytes", atLeast: 1e13 }],
          option: "p2p",
          because: "one rollout moves tens of terabytes",
        },
        {
          when: [{ number: "pull_bandwidth", atLeast: 1e9 }],
          option: "cdn",
          because: "pull bandwidth reaches gigabytes per second",
        },
      ],
      fallback: { option: "origin", because: "the pull volume fits the origin" },
    },
  ],
  I15: [
    {
      id: "i15-scheduler",
      question: "One scheduler that sees everything, or several schedulers over shared state?",
      options: [
        {
          id: "monolithic",
          name: "a single scheduler with a global view (as in the default Kubernetes scheduler)",
          buys: "simple, globally informed placement",
          costs: "placement throughput is capped by one scheduler loop",
          winsWhen: "placements per second fit one scheduler",
          implies: { addMechanisms: ["placement-scheduler"] },
        },
        {
          id: "shared-state",
          name: "parallel schedulers committing placements optimistically to shared cell state (Omega-style)",
          buys: "placement throughput grows with schedulers",
          costs: "conflicting placements are retried; more moving parts",
          winsWhen: "tens of thousands of placements a second",
          implies: { addMechanisms: ["placement-scheduler", "version-check"] },
        },
      ],
      rules: [
        {
          when: [{ number: "peak_tasks_per_sec", atLeast: 10000 }],
          option: "shared-state",
          because: "one scheduler loop cannot place that many tasks",
        },
      ],
      fallback: { option: "monolithic", because: "placement rate fits one scheduler" },
    },
    {
      id: "i15-capacity",
      question: "Scale the pool on demand, or keep a warm buffer?",
      options: [
        {
          id: "reactive",
          name: "reactive autoscaling from utilisation and queue depth",
          buys: "pay only for what runs",
          costs: "bursts wait for new workers to boot",
          winsWhen: "tasks tolerate cold starts",
          implies: { addMechanisms: ["autoscaling"] },
        },
        {
          id: "warm-pool",
          name: "a warm pool of idle workers above demand",
          buys: "tasks start at once",
          costs: "idle capacity costs money",
          winsWhen: "a latency target leaves no time for cold starts",
          implies: { addMechanisms: ["autoscaling"] },
        },
      ],
      rules: [
        {
          when: [{ latencyAtMost: 1000 }],
          option: "warm-pool",
          because: "the latency target leaves no time to boot workers",
        },
      ],
      fallback: { option: "reactive", because: "no start-latency target is stated" },
    },
  ],
  I16: [
    {
      id: "i16-replication",
      question: "Leader-based replication per shard, or leaderless quorums (Dynamo-style)?",
      options: [
        {
          id: "leader-based",
          name: "one leader per shard replicating through consensus or a primary",
          buys: "linearizable reads and writes per key with no conflicts to resolve",
          costs: "a shard cannot take writes while its leader fails over; writes go to the leader's region",
          winsWhen: "a read must see the latest write, or writes must never conflict",
          implies: {
            addMechanisms: ["consensus-replication", "leader-election"],
            removeMechanisms: ["quorum-read-write", "anti-entropy-repair"],
          },
        },
        {
          id: "leaderless",
          name: "leaderless replication with N/R/W quorums, hinted handoff and read repair",
          buys: "any replica accepts writes, so writes continue through node failures and partitions",
          costs: "concurrent writes conflict (version vectors or last-writer-wins), and replicas need anti-entropy",
          winsWhen: "writes must always be accepted and eventual consistency is acceptable",
          implies: {
            addMechanisms: ["quorum-read-write", "anti-entropy-repair"],
            removeMechanisms: ["consensus-replication", "leader-election"],
          },
        },
      ],
      rules: [
        {
          when: [{ nfr: "consistency", in: ["linearizable"] }],
          option: "leader-based",
          because: "reads must see the latest write",
        },
        {
          when: [{ nfr: "availability", in: ["fail-closed"] }],
          option: "leader-based",
          because: "writes must be refused rather than conflict",
        },
        {
          when: [
            { nfr: "availability", in: ["stay-available"], stated: true },
            { nfr: "consistency", in: ["eventual", "read-your-writes"] },
          ],
          option: "leaderless",
          because:
            "the prompt asks for writes to be accepted even when replicas are cut off, and eventual consistency is allowed",
        },
        {
          when: [
            { regionsAtLeast: 2 },
            { nfr: "availability", in: ["stay-available"] },
            { nfr: "consistency", in: ["eventual"] },
          ],
          option: "leaderless",
          because: "every region must take writes locally and eventual consistency is allowed",
        },
      ],
      fallback: {
        option: "leader-based",
        because: "no stated need to accept writes during partitions, and one leader per shard avoids conflicts",
      },
    },
    {
      id: "i16-ack",
      question: "Acknowledge a write after replicas confirm it (synchronous), or after the first copy (asynchronous)?",
      options: [
        {
          id: "sync",
          name: "synchronous to a majority (or all in-region replicas)",
          buys: "an acknowledged write survives a node loss",
          costs: "write latency of the slowest replica in the quorum; across regions, a wide-area round trip",
          winsWhen: "acknowledged writes must survive failures",
        },
        {
          id: "async",
          name: "asynchronous replication",
          buys: "the lowest write latency",
          costs: "writes acknowledged just before a failure are lost; replicas serve stale reads",
          winsWhen: "losing the latest writes is acceptable (caches, sessions)",
          implies: { addMechanisms: ["async-replication"] },
        },
      ],
      rules: [
        {
          when: [{ nfr: "consistency", in: ["linearizable"] }],
          option: "sync",
          because: "reads must see acknowledged writes",
        },
        { when: [{ nfr: "durability", in: ["best-effort"] }], option: "async", because: "durability is best-effort" },
      ],
      fallback: { option: "sync", because: "an acknowledged write is expected to survive" },
    },
    {
      id: "i16-partitioning",
      question: "Partition keys by hash or by range?",
      options: [
        {
          id: "hash",
          name: "consistent hashing of the key",
          buys: "even spread and little data movement when nodes join",
          costs: "no efficient range scans",
          winsWhen: "every access names one key",
          implies: { addMechanisms: ["consistent-hashing"] },
        },
        {
          id: "range",
          name: "ordered key ranges that split when they grow",
          buys: "range scans and prefix queries",
          costs: "sequential keys (timestamps) pile onto one range",
          winsWhen: "readers scan key ranges",
          implies: { addMechanisms: ["range-lease"] },
        },
      ],
      rules: [],
      fallback: { option: "hash", because: "each read and write names one key, so an even spread matters most" },
    },
  ],
  I17: [
    {
      id: "i17-balancing",
      question: "How does a proxy pick a backend?",
      options: [
        {
          id: "p2c",
          name: "least-requests over two random choices (power of two choices)",
          buys: "avoids overloaded backends using only local, possibly stale load counts",
          costs: "no affinity: repeated keys land anywhere",
          winsWhen: "backends are interchangeable",
          implies: { addMechanisms: ["health-checked-selection", "outlier-ejection"] },
        },
        {
          id: "hash-affinity",
          name: "consistent hashing on a request key",
          buys: "the same key reaches the same backend, keeping its caches warm",
          costs: "hot keys overload one backend",
          winsWhen: "backends keep per-key state or caches",
          implies: { addMechanisms: ["consistent-hashing"] },
        },
        {
          id: "round-robin",
          name: "round robin",
          buys: "the simplest spread",
          costs: "ignores load, so a slow backend collects a queue",
          winsWhen: "a handful of identical backends with uniform requests",
        },
      ],
      rules: [
        { when: [{ number: "backends", below: 5 }], option: "round-robin", because: "only a handful of backends" },
      ],
      fallback: { option: "p2c", because: "backends are interchangeable and load varies per request" },
    },
    {
      id: "i17-layer",
      question: "Balance at layer 4, layer 7, or an L4 tier in front of L7 proxies?",
      options: [
        {
          id: "l7",
          name: "L7 proxies",
          buys: "routing by path or header, retries and per-request balancing",
          costs: "TLS and HTTP parsing cost CPU per request",
          winsWhen: "per-request routing is needed at moderate volume",
        },
        {
          id: "l4-then-l7",
          name: "an L4 tier (ECMP or a connection balancer) spreading over L7 proxies",
          buys: "the L7 tier scales out behind one address",
          costs: "two tiers to run and debug",
          winsWhen: "peak traffic needs dozens of L7 proxies",
        },
        {
          id: "l4",
          name: "L4 only",
          buys: "the highest throughput per box; TLS can pass through",
          costs: "no per-request routing or retries",
          winsWhen: "traffic is not HTTP, or routing per request is not needed",
        },
      ],
      rules: [
        {
          when: [{ number: "proxies_needed", atLeast: 10 }],
          option: "l4-then-l7",
          because: "the proxy tier needs many L7 boxes behind one address",
        },
      ],
      fallback: { option: "l7", because: "per-request routing at a volume a few proxies carry" },
    },
  ],
  I18: [
    {
      id: "i18-collection",
      question: "Pull (scrape) samples, or have agents push them?",
      options: [
        {
          id: "pull",
          name: "pull: the collector scrapes each target",
          buys: "the collector sets the pace, and a failed scrape is itself a health signal",
          costs: "needs service discovery, and cannot reach short-lived jobs or hosts behind NAT",
          winsWhen: "targets are long-lived and reachable",
        },
        {
          id: "push",
          name: "push: agents send to a distributor",
          buys: "works for short-lived jobs, edge devices and hosts behind NAT",
          costs:
            "the ingest tier must shed load when senders surge; a silent sender is indistinguishable from a dead one",
          winsWhen: "senders are short-lived, mobile or not reachable",
          implies: { addMechanisms: ["load-shedding"] },
        },
      ],
      rules: [
        {
          when: [{ number: "nodes", atLeast: 100000 }],
          option: "push",
          because: "a fleet this large is easier to ingest by push through a distributor tier",
        },
      ],
      fallback: { option: "pull", because: "long-lived targets and free liveness signals" },
    },
    {
      id: "i18-retention",
      question: "Keep raw samples for the whole retention, or downsample older data?",
      options: [
        {
          id: "raw",
          name: "raw samples for the whole retention",
          buys: "full resolution for every query",
          costs: "storage grows linearly with retention",
          winsWhen: "retention is a couple of weeks",
        },
        {
          id: "downsample",
          name: "raw for recent data, rollups (for example 5-minute and 1-hour) for older data",
          buys: "long retention at a fraction of the bytes",
          costs: "old data loses resolution; rollups must be computed and compacted",
          winsWhen: "retention runs to months",
          implies: { addMechanisms: ["rollup-downsampling"] },
        },
      ],
      rules: [
        {
          when: [{ number: "retention_days", atLeast: 30 }],
          option: "downsample",
          because: "retention runs to months",
        },
      ],
      fallback: { option: "raw", because: "retention is short enough to keep full resolution" },
    },
  ],
  I19: [
    {
      id: "i19-redundancy",
      question: "Replicate chunks, or erasure-code them?",
      options: [
        {
          id: "replication",
          name: "three full replicas",
          buys: "simple repair and fast reads from any copy",
          costs: "3x the raw bytes",
          winsWhen: "data is hot or the store is small",
          implies: { addMechanisms: ["replica-repair"] },
        },
        {
          id: "erasure-coding",
          name: "erasure coding (for example Reed-Solomon 6+3, 1.5x)",
          buys: "the same failure tolerance at about half the raw bytes",
          costs: "repair reads several chunks; small or hot reads pay decode latency",
          winsWhen: "petabytes of mostly cold data",
          implies: { addMechanisms: ["replica-repair"] },
        },
      ],
      rules: [
        { when: [{ latencyAtMost: 10 }], option: "replication", because: "a tight read-latency target" },
        {
          when: [{ number: "bytes_stored", atLeast: 1e15 }],
          option: "erasure-coding",
          because: "at a petabyte and more the raw-byte saving dominates",
        },
      ],
      fallback: { option: "replication", because: "the store is small enough that simplicity wins" },
    },
    {
      id: "i19-metadata",
      question: "One metadata master, or sharded metadata?",
      options: [
        {
          id: "single-master",
          name: "one replicated metadata master holding the namespace in memory (GFS-style)",
          buys: "simple, globally informed placement and repair",
          costs: "the namespace is bounded by one machine's memory and request rate",
          winsWhen: "the chunk count fits one machine's memory comfortably",
          implies: { addMechanisms: ["consensus-replication"] },
        },
        {
          id: "sharded-metadata",
          name: "metadata sharded across a distributed database (Colossus-style)",
          buys: "the namespace grows without a single-machine limit",
          costs: "cross-shard renames and listings become distributed operations",
          winsWhen: "billions of chunks",
          implies: { addMechanisms: ["consensus-replication", "range-lease"] },
        },
      ],
      rules: [
        {
          when: [{ number: "chunks", atLeast: 1e9 }],
          option: "sharded-metadata",
          because: "the chunk count outgrows one machine",
        },
      ],
      fallback: { option: "single-master", because: "the metadata fits one master's memory" },
    },
  ],
};
