import type { z } from "zod";
import { fig } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { Technology } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * Key-scoped state whose subject is a distributed SQL database (topic "distributed-sql", knowledge/topics.ts): rows
 * of tables kept in ordered key ranges, each range replicated by its own consensus group, and transactions that
 * read and write rows of many ranges at once. What makes it right is the order of commits: every transaction gets
 * one commit timestamp, its writes appear together at that timestamp on every range it touched, and (external
 * consistency) a transaction that commits before another starts has the smaller timestamp, so a snapshot read at any
 * timestamp sees a state some real moment had. No sibling values, no quorum reads that may miss a write.
 *
 * Facts, checked against primary sources:
 * - Spanner (Corbett et al., OSDI 2012): data is sharded into splits of a key range, each replicated by a Paxos
 *   group whose leader holds a timed lease and keeps the lock table; a transaction across groups runs two-phase
 *   commit between the groups' leaders, one of them coordinating, and every prepare and commit record is itself
 *   logged through the group's Paxos, so a leader's loss loses no decision. TrueTime's `TT.now()` returns an interval
 *   [earliest, latest] that holds the absolute time; the coordinator picks a commit timestamp s no smaller than
 *   `TT.now().latest` (and every participant's prepare timestamp) and waits until `TT.now().earliest > s` before
 *   releasing locks and answering (commit wait, about twice the uncertainty). The paper gives the uncertainty as a
 *   sawtooth from about 1 to 7 ms, about 4 ms most of the time, kept by time masters with GPS receivers and atomic
 *   clocks. Read-only transactions and snapshot reads take no locks: a replica serves a read at timestamp t once its
 *   safe time has passed t. Deadlocks are avoided by wound-wait.
 * - Cloud Spanner's API (sessions: beginTransaction, executeSql, read, commit, rollback) and its stale reads (exact
 *   or bounded staleness).
 * - CockroachDB (docs and source): hybrid logical clocks with a configured maximum clock offset (500 ms by default);
 *   serializable transactions, with a read that meets a value inside its uncertainty interval restarting at a later
 *   timestamp; causally unrelated transactions on different nodes are not promised real-time order.
 * - TiDB (docs, "TimeStamp Oracle"): the Placement Driver's leader hands out every transaction's start and commit
 *   timestamps (the Percolator model), so one service orders all transactions, at a round trip to it each.
 */

const T = "distributed-sql" as const;
type TechnologyInput = z.input<typeof Technology>;

const STANCE = {
  consistency: "linearizable",
  availability: "fail-closed",
  because:
    "a transaction must see every transaction committed before it began, so a key range cut off from its group's majority refuses reads and writes that need its leader rather than answer from a stale replica",
} as const;

export const SQL_ENTITIES = [
  {
    name: "Row",
    description:
      "One row of a table, kept under its primary key in the key range that holds it, as versions stamped with the commit timestamps of the transactions that wrote them (multi-version), so a read at a timestamp finds the version current then.",
    stance: STANCE,
    truth: true,
    topic: T,
  },
  {
    name: "TransactionRecord",
    description:
      "A read-write transaction's outcome, logged through the coordinating range's consensus group: its participants (the key ranges it wrote), its state (prepared, committed, aborted) and its commit timestamp; each participant logs its own prepare record through its group.",
    stance: STANCE,
    truth: true,
    topic: T,
  },
] as const;

export const SQL_WRITES = [
  {
    action:
      "run a read-write transaction: read rows under read locks at each key range's leader, buffer the writes, then commit them to every range together",
    entity: "Row",
    shape: "overwrite current value",
    mechanism: "transaction",
    critical: true,
    topic: T,
  },
  {
    action:
      "commit across key ranges by two-phase commit between the ranges' leaders: each participant takes its write locks and logs a prepare record through its group, and the coordinating leader logs the outcome through its own group",
    entity: "TransactionRecord",
    shape: "state transition",
    mechanism: "consensus-replication",
    critical: true,
    topic: T,
  },
  {
    action:
      "pick the commit timestamp at or above every prepare timestamp and the clock interval's latest bound, then keep the locks and delay the answer until the interval's earliest bound has passed it (commit wait)",
    entity: "TransactionRecord",
    shape: "state transition",
    mechanism: "commit-wait",
    critical: true,
    topic: T,
  },
] as const;

export const SQL_READS = [
  {
    action:
      "strong read: a read-only transaction at the clock interval's latest bound, served lock-free by any replica of each range whose safe time has reached that timestamp",
    entity: "Row",
    shape: "read source",
    staleness:
      "None: the read's timestamp is past every commit acknowledged before the read began, and a replica answers only once it has applied everything up to it (it waits, or the read goes to the leader)",
    topic: T,
  },
  {
    action: "stale read as of a past timestamp, or as of at most a few seconds ago, lock-free from the nearest replica",
    entity: "Row",
    shape: "read projection",
    staleness:
      "As old as the bound the caller chose (for example 15 seconds), but one consistent snapshot of every range at one timestamp, never a mix",
    topic: T,
  },
] as const;

/** The rule the prompt's "externally consistent" names, said in the design's own entities. */
export const EXTERNAL_CONSISTENCY =
  "A transaction that commits before another starts always gets the smaller commit timestamp (external consistency), so Row versions and TransactionRecord timestamps order commits as clients saw them and a read at any timestamp sees a state that was real at that moment.";

export const SQL_INVARIANTS = [
  EXTERNAL_CONSISTENCY,
  "A transaction's Row writes appear on every key range it wrote at its one commit timestamp, or on none; a participant that logged a prepare record never decides alone and applies the outcome the coordinator logged.",
  "No commit is acknowledged and no lock released before the commit timestamp is certainly past on every clock, so the coordinator waits until the clock interval's earliest bound exceeds it.",
  "A read at timestamp t sees every Row version committed at or before t and none after, because a replica serves it only once its safe time has reached t.",
  "Each key range has one leader at a time under a lease its group grants, and successive leaders' leases never overlap, so one lock table orders the range's writers.",
];

export const SQL_SCOPES = {
  topic: T,
  ordering: {
    scope: "global",
    why: "commit timestamps order every transaction in the database, across key ranges and regions, in the order clients saw them commit",
  },
  exclusivity: {
    scope: "key",
    why: "a row's write lock is taken at the leader of the key range that holds it, so two writers of one row are serialised there",
  },
  coordination: {
    scope: "global",
    why: "a transaction that writes rows of several key ranges commits on all of them at one timestamp through two-phase commit",
  },
} as const;

export const SQL_FAILURES = [
  {
    failure:
      "The coordinating leader fails after the participants prepared and before they learn the outcome, so their rows stay locked",
    role: "truth",
    prevention:
      "The coordinator's prepare and commit records are logged through its own consensus group, so the group's next leader reads the outcome from the log and finishes the commit or abort",
    repair:
      "The new leader of the coordinating range resends the logged outcome; participants release their locks once they apply it",
    topic: T,
  },
  {
    failure:
      "Clock uncertainty grows (a node loses its time masters, or its oscillator drifts), so a timestamp could be picked before a commit that already happened",
    role: "truth",
    prevention:
      "The clock interval widens with the time since the last sync at the worst-case drift rate, and commit wait waits out the wider interval; a node whose clock disagrees with the masters beyond the bound takes itself out",
    repair: "Commits get slower while the interval is wide, never misordered; restore the time masters",
    topic: T,
  },
  {
    failure: "A key range's leader fails mid-transaction, with prepared transactions and its lock table in memory",
    role: "truth",
    prevention:
      "Prepare records are in the group's log, so the group's next leader, elected once the old lease has run out, takes the prepared transactions' locks again before serving",
    repair: "Transactions that were not yet prepared abort and the clients retry them",
    topic: T,
  },
  {
    failure:
      "Two transactions each hold a lock the other waits for (deadlock) or keep aborting each other on a hot row",
    role: "truth",
    prevention:
      "Wound-wait: an older transaction aborts (wounds) a younger one that holds a lock it needs, and a younger one waits for an older, so no cycle forms and the oldest always finishes",
    repair: "The wounded transaction retries with its original start time, so it grows older and eventually wins",
    topic: T,
  },
  {
    failure: "A whole region is lost, with every replica in it",
    role: "truth",
    prevention:
      "Each group spreads its voting replicas over at least three regions (for example 2 + 2 + 1), so losing one region leaves a majority that elects a leader elsewhere",
    repair: "Re-replicate the lost replicas in a surviving region; writes meanwhile pay the longer round trip",
    topic: T,
  },
] as const;

export const SQL_BOTTLENECKS = [
  {
    bottleneck:
      "Commit latency: a write that spans key ranges pays a prepare round and a commit round through consensus groups spread over regions, plus commit wait",
    mitigation:
      "Keep rows written together in one key range (interleave a child table under its parent's key), place group leaders in the region that writes most, and use lock-free stale reads where the caller allows",
    formula: {
      yields: "milliseconds to commit a transaction across key ranges",
      expression: "2 * quorum_rtt_ms + 2 * clock_uncertainty_ms",
      unit: "ms",
    },
    topic: T,
  },
  {
    bottleneck:
      "Sequential keys: inserts keyed by a timestamp or an increasing id all land at the end of one key range, whose leader takes every insert",
    mitigation:
      "Key rows by a UUID or a hashed prefix so inserts spread over ranges, and let ranges split by load as well as by size",
    topic: T,
  },
] as const;

export const SQL_TECHNOLOGIES: TechnologyInput[] = [
  {
    product: "Google Cloud Spanner",
    layer: "storage",
    fits: "Splits replicated by Paxos groups, two-phase commit across groups, and TrueTime commit wait for externally consistent transactions; SQL over it.",
    suits: ["linearizable", "durable", "multi-region", "rich-queries"],
    poorFor: ["low-cost", "low-latency"],
    caveat:
      "Needs its time infrastructure; off Google Cloud the same design needs bounded-uncertainty clocks of its own.",
    topic: T,
  },
  {
    product: "CockroachDB",
    layer: "storage",
    fits: "Ranges replicated by Raft, serializable transactions across ranges, hybrid logical clocks with a maximum clock offset instead of hardware time.",
    suits: ["linearizable", "durable", "multi-region", "rich-queries"],
    poorFor: ["low-latency"],
    caveat:
      "Serializable, not externally consistent for unrelated transactions; reads inside the clock-uncertainty window restart.",
    topic: T,
  },
  {
    product: "TiDB",
    layer: "storage",
    fits: "SQL over TiKV's Raft-replicated regions, with every transaction's timestamps handed out by the Placement Driver's timestamp oracle.",
    suits: ["linearizable", "durable", "rich-queries"],
    poorFor: ["multi-region", "low-latency"],
    caveat: "Every transaction pays a round trip to the timestamp oracle's leader, which is costly across regions.",
    topic: T,
  },
];

export const SQL_COMPONENTS: ComponentSpec[] = [
  {
    id: "clients",
    name: "Applications (SQL clients with sessions)",
    kind: "client",
    runs: ["read-write transaction", "strong read", "stale read"],
    because: "a client retries a transaction that aborts, so it keeps the transaction's statements until it commits",
    topic: T,
  },
  {
    id: "sql-frontend",
    name: "SQL front-end (parses, plans, routes by key range, drives each transaction)",
    kind: "service",
    runs: ["plan a query", "route reads and writes", "commit"],
    because:
      "a statement names tables and predicates, not key ranges, so something turns it into reads and writes at the ranges that hold the rows",
    topic: T,
  },
  {
    id: "range-groups",
    name: "Key-range groups (one consensus group per key range, replicas across regions; the leader keeps the lock table)",
    kind: "replica-group",
    holds: ["Row", "TransactionRecord"],
    runs: ["locked read", "prepare", "commit at a timestamp", "snapshot read"],
    because:
      "each key range's rows and the records of transactions it coordinates change only through its group's log, so a majority keeps them through any single loss",
    topic: T,
  },
  {
    id: "time-masters",
    name: "Time masters (GPS and atomic clocks) and a time daemon on every node",
    kind: "service",
    runs: ["publish time with its uncertainty"],
    because: "commit timestamps mean real-time order only if every node knows how far its clock may be off",
    topic: T,
  },
];

export const SQL_LINKS: LinkSpec[] = [
  { from: "clients", to: "sql-frontend", kind: "request", label: "transactions and queries (session)", topic: T },
  { from: "sql-frontend", to: "partition-map", kind: "request", label: "which group holds each key range", topic: T },
  {
    from: "sql-frontend",
    to: "range-groups",
    kind: "request",
    label: "locked reads, buffered writes, commit; snapshot reads",
    topic: T,
  },
  {
    from: "range-groups",
    to: "range-groups",
    kind: "request",
    label: "two-phase commit between range leaders",
    topic: T,
  },
  { from: "range-groups", to: "time-masters", kind: "control", label: "clock interval (earliest, latest)", topic: T },
];

export const SQL_API: ApiSpec[] = [
  {
    operation: "begin transaction",
    call: "POST /v1/sessions/{session}:beginTransaction",
    request: ["session", "mode (read-write | read-only strong | read-only at a timestamp or staleness bound)"],
    response: ["transaction_id", "read_timestamp (read-only)"],
    errors: ["404 session not found (create a new session)"],
    guarantee: "a read-only transaction reads one snapshot at its timestamp and takes no locks",
    topic: T,
  },
  {
    operation: "execute sql",
    call: "POST /v1/sessions/{session}:executeSql",
    request: ["transaction_id", "sql", "params"],
    response: ["rows", "read_timestamp"],
    errors: ["400 invalid statement", "409 aborted (wounded by an older transaction): retry the whole transaction"],
    guarantee: "reads in a read-write transaction hold read locks at the rows' range leaders until commit",
    topic: T,
  },
  {
    operation: "commit",
    call: "POST /v1/sessions/{session}:commit",
    request: ["transaction_id", "buffered mutations"],
    response: ["commit_timestamp"],
    errors: [
      "409 aborted: retry the whole transaction",
      "504 deadline exceeded (outcome unknown: read before retrying)",
    ],
    guarantee:
      "all the transaction's writes appear at one commit timestamp on every key range, and the answer comes only after commit wait, so a transaction that starts later gets a larger timestamp",
    topic: T,
  },
];

export const SQL_DATA: DataSpec[] = [
  {
    entity: "Row",
    key: ["table", "primary_key", "commit_ts"],
    fields: ["column values", "commit_ts (version)"],
    indexes: ["secondary indexes as their own tables, written in the same transaction"],
    partitionKey: "range(table, primary_key)",
    owner: "range-groups",
    topic: T,
  },
  {
    entity: "TransactionRecord",
    key: ["transaction_id"],
    fields: ["state (prepared | committed | aborted)", "commit_ts", "participants (key ranges)"],
    indexes: [],
    partitionKey: "the coordinating key range",
    owner: "range-groups",
    topic: T,
  },
];

export const SQL_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Read-write transaction across key ranges (two-phase commit with commit wait)",
    notation:
      "clients>sql-frontend[run the transaction's statements] -> sql-frontend>range-groups@participant[read rows under read locks at the range leader] -> range-groups@participant>sql-frontend[rows] -> sql-frontend>range-groups@coordinator[commit: buffered writes and the participant ranges] -> range-groups@coordinator>range-groups@participant[prepare: take write locks, log a prepare record through the group, choose a prepare timestamp] -> range-groups@participant>range-groups@coordinator[prepared at its timestamp] -> range-groups@coordinator>time-masters[read the clock interval from the node's time daemon] -> time-masters>range-groups@coordinator[earliest and latest] -> range-groups@coordinator[log the commit at timestamp s, at or above every prepare timestamp and the interval's latest bound, then wait until the interval's earliest bound passes s {TT.now().earliest > s}] -> range-groups@coordinator>range-groups@participant[commit at s, release locks] -> range-groups@coordinator>sql-frontend[committed at s] -> sql-frontend>clients[committed] |-> range-groups@coordinator>range-groups@participant[abort and release locks {a participant refused, or an older transaction wounded this one}] => done | retry",
    topic: T,
  },
  {
    name: "Strong read-only transaction",
    notation:
      "clients>sql-frontend[strong read] -> sql-frontend>time-masters[read the clock interval] -> time-masters>sql-frontend[latest bound t] -> sql-frontend>range-groups[read at t from the nearest replica of each range {replica safe time at or past t}] -> range-groups>sql-frontend[rows as of t] -> sql-frontend>clients[rows and read timestamp t] => done | retry",
    topic: T,
  },
];

/** A distributed SQL database's capacity: transactions, commit latency, key ranges and stored bytes. */
export const SQL_CAPACITY: CapacityModel = {
  inputs: [
    {
      quantity: "requests_per_sec",
      typical: 50000,
      why: "a large shared OLTP database runs on the order of tens of thousands of transactions a second (a planning figure; the prompt states none)",
    },
    {
      quantity: "write_share",
      label: "share of transactions that write",
      unit: "ratio",
      typical: 0.2,
      why: "most OLTP transactions only read; about one in five writes (a planning figure)",
    },
    {
      quantity: "clock_uncertainty_ms",
      label: "clock uncertainty (half the interval's width)",
      unit: "ms",
      typical: 4,
      why: "Spanner's paper reports TrueTime's uncertainty as a sawtooth from about 1 to 7 ms, about 4 ms most of the time",
    },
    {
      quantity: "quorum_rtt_ms",
      label: "round trip to a majority of a group's replicas",
      unit: "ms",
      typical: 30,
      why: "with voting replicas in nearby regions, the nearest majority answers in tens of milliseconds (a planning figure; measure it)",
    },
    {
      quantity: "data_bytes",
      label: "table data, one copy",
      unit: "B",
      typical: 10e12,
      why: "a large OLTP database holds on the order of ten terabytes (a planning figure)",
    },
    {
      quantity: "range_bytes",
      label: "bytes one key range holds before it splits",
      unit: "B",
      typical: 512 * 1024 * 1024,
      why: "a planning figure: range-partitioned SQL stores split a range once it holds a few hundred megabytes, and split a busy one by load",
    },
    {
      quantity: "replicas",
      typical: 5,
      why: "five voting replicas over three regions (2 + 2 + 1) keep a majority when a whole region is lost",
    },
  ],
  figures: [
    fig("peak_transactions", "transactions a second at peak", "peak", "requests_per_sec * peak_factor", "txn/s"),
    fig(
      "peak_write_transactions",
      "read-write transactions a second at peak",
      "rate",
      "requests_per_sec * peak_factor * write_share",
      "txn/s",
    ),
    fig("commit_wait_ms", "commit wait (about twice the clock uncertainty)", "time", "2 * clock_uncertainty_ms", "ms"),
    fig(
      "cross_range_commit_ms",
      "commit across key ranges: a prepare and a commit round through the groups, plus commit wait",
      "time",
      "2 * quorum_rtt_ms + 2 * clock_uncertainty_ms",
      "ms",
    ),
    fig("key_ranges", "key ranges (consensus groups) by size", "count", "data_bytes / range_bytes", "ranges", true),
    fig("stored_bytes", "stored bytes across replicas", "storage", "data_bytes * replicas", "B"),
  ],
};

export const SQL_DECISIONS: DecisionPoint[] = [
  {
    id: "i16-sql-clock",
    topic: T,
    question:
      "Where do commit timestamps come from: clocks with a known uncertainty and commit wait, hybrid logical clocks with a maximum offset, or one timestamp oracle?",
    options: [
      {
        id: "truetime-commit-wait",
        name: "clocks with a bounded uncertainty (GPS and atomic time masters) and commit wait",
        buys: "externally consistent transactions and lock-free snapshot reads at any timestamp, with no central service on the commit path",
        costs:
          "time masters in every region, and every read-write commit waits about twice the clock uncertainty (a few milliseconds)",
        winsWhen: "transactions must follow real-time order across regions (external consistency)",
        wins: [{ words: String.raw`\bexternal(?:ly)? consisten\w*|\bstrict(?:ly)? serializab\w*|\btrue ?time\b` }],
        // Spanner's TrueTime API and commit wait (Spanner paper, OSDI 2012)
        usedBy: ["Spanner"],
        implies: { preferTechnology: ["Spanner"] },
      },
      {
        id: "hybrid-logical-clock",
        name: "hybrid logical clocks with a configured maximum clock offset",
        buys: "ordinary NTP-synchronised servers, serializable transactions, no central timestamp service",
        costs:
          "reads that meet a value inside the uncertainty window restart, and unrelated transactions on different nodes may get timestamps out of real-time order",
        winsWhen: "serializable is enough and no special time hardware is available",
        // CockroachDB's hybrid-logical-clock timestamps under a maximum clock offset (its transaction-layer docs)
        usedBy: ["CockroachDB"],
        implies: { preferTechnology: ["CockroachDB"] },
      },
      {
        id: "timestamp-oracle",
        name: "one timestamp oracle that hands out every start and commit timestamp",
        buys: "a single total order with plain clocks and a simple design",
        costs:
          "every transaction pays a round trip to the oracle's leader, which is slow from far regions and a single hot service",
        winsWhen: "the database runs in one region",
        // TiDB takes every timestamp from the Placement Driver's timestamp oracle (TSO) (TiDB docs)
        usedBy: ["TiDB"],
        implies: { preferTechnology: ["TiDB"] },
      },
    ],
    rules: [
      {
        when: [
          {
            words: String.raw`\bexternal(?:ly)? consisten\w*|\bstrict(?:ly)? serializab\w*|\btrue ?time\b|\bspanner\b`,
          },
        ],
        option: "truetime-commit-wait",
        because:
          "the prompt asks for transactions in real-time order, which only a bounded clock and commit wait give without a central oracle",
      },
      {
        when: [{ regionsAtLeast: 2 }],
        option: "hybrid-logical-clock",
        because: "across regions a central oracle puts a wide-area round trip on every transaction",
      },
    ],
    fallback: {
      option: "timestamp-oracle",
      because: "in one region a round trip to one timestamp service costs well under a millisecond and gives one order",
    },
  },
];

/**
 * What a distributed SQL design must draw, checked by the coherence rule `distributed-sql-shape`: rows and
 * transaction records, the external-consistency (or serializability) rule, and none of a leaderless store's parts.
 */
export const SQL_SHAPE = {
  entities: ["Row", "TransactionRecord"],
  orderRule: /\b(?:external consistency|commit timestamp)\b/i,
  leaderless: ["quorum-read-write", "anti-entropy-repair", "lww-overwrite"],
} as const;
