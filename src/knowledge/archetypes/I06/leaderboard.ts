import type { z } from "zod";
import { fig } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { MechanismId, Technology } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * A projection whose subject is a ranking (topic "leaderboard", knowledge/topics.ts): a game's global leaderboard, a
 * high-score table, sellers ranked by sales. The read copy is not a searchable document per record but one ordered
 * set per board and time window, in which a member's rank is the count of members scoring higher. Each score is
 * recorded first in a durable score store (the record), then set in the ordered set in the same request, so a
 * player's rank moves one index write after the commit, with no stream and no search refresh on the path. The
 * ordered set is an index: it can be dropped and rebuilt from the score store, and each window's board is its own
 * set that expires after its window. One board past one node's memory or command rate is split by score range, with
 * a count per range, so a global rank is the counts of the ranges above plus the rank inside the player's range.
 *
 * Facts, checked against primary sources:
 * - Redis sorted sets keep each member with a score, ordered by score (ties by member), in a skip list beside a hash
 *   table from member to score (Redis docs, "Sorted sets"; the early SortedSets implementation notes). ZADD is
 *   O(log N) per member added, and its GT flag updates an existing member only when the new score is greater,
 *   which keeps a best score without reading it first (redis.io, "ZADD"). ZINCRBY adds to a member's score in
 *   O(log N) (redis.io, "ZINCRBY"), so a retried increment counts twice. ZREVRANK returns a member's 0-based rank
 *   from the highest score in O(log N) (redis.io, "ZREVRANK"), and ZRANGE ... REV over a rank range costs
 *   O(log N + M) for M members returned (redis.io, "ZRANGE"/"ZREVRANGE").
 * - Redis Cluster maps every key to one of 16384 hash slots and each slot to one primary, so one sorted set, however
 *   large, lives on one primary (Redis Cluster docs): a board is split only by splitting it into several keys.
 * - Redis's own leaderboard guide ranks players, products or sellers by a changing score with sorted sets, and keeps
 *   daily, weekly and monthly boards as separate keys (redis.io, "Redis leaderboard" use case).
 * Planning figures (bytes per member, commands a node runs a second) are assumptions, said as such in their rows.
 */

const T = "leaderboard" as const;
type TechnologyInput = z.input<typeof Technology>;

export const LB_ENTITIES = [
  {
    name: "PlayerScore",
    description:
      "One member's score on one board and window (a player's best or running total, a seller's sales): the score, the last update id applied and when it changed; the record every ranking is rebuilt from.",
    truth: true,
    topic: T,
  },
  {
    name: "RankedBoard",
    description:
      "One board and window's ordered set of (score, member) in memory (a Redis sorted set): a skip list that counts the members it skips, so a member's rank, the number of members scoring higher, and the top k are read in O(log N); derived from PlayerScore and rebuilt from it, each window's set expiring after its window.",
    truth: false,
    topic: T,
  },
] as const;

export const LB_WRITES = [
  {
    action:
      "record the score in the score store once per update id (a match or order id), keeping the best score, or the running total, that a retry cannot change again",
    entity: "PlayerScore",
    shape: "overwrite current value",
    mechanism: "max-update",
    critical: true,
    topic: T,
  },
  {
    action:
      "set the member's stored score in each window's ordered set right after the commit (ZADD with GT, O(log N)), never adding the change as an increment",
    entity: "RankedBoard",
    shape: "overwrite current value",
    mechanism: "order-statistic-index",
    critical: true,
    topic: T,
  },
  {
    action:
      "rebuild a board's ordered set from the score store into a new key and switch readers to it once loaded, when its node is lost or it disagrees with the store",
    entity: "RankedBoard",
    shape: "async process",
    mechanism: "replay-rebuild",
    hidden: true,
    topic: T,
  },
  {
    action: "start each window's board under the window's own key, and drop the closed one after a grace period",
    entity: "RankedBoard",
    shape: "async process",
    mechanism: "ttl-expiry",
    hidden: true,
    topic: T,
  },
] as const;

export const LB_READS = [
  {
    action:
      "read a member's rank on a board: the count of members scoring higher, one ZREVRANK on the window's ordered set (O(log N))",
    entity: "RankedBoard",
    shape: "read projection",
    staleness:
      "Trails the score store by one index write after the commit, and a read replica by its replication lag, which together stay inside the freshness bound; nothing waits for a refresh.",
    topic: T,
  },
  {
    action: "read the top k of a board from the top-k cache, refilled from the ordered set (ZRANGE REV 0 k-1)",
    entity: "RankedBoard",
    shape: "read projection",
    staleness: "The cached page is at most its refill interval old, which fits inside the freshness bound.",
    topic: T,
  },
] as const;

export const LB_INVARIANTS = [
  "A member's rank is one plus the count of members on its RankedBoard scoring higher, read from the ordered set in logarithmic time, never by scanning or sorting the scores on request.",
  "Every committed PlayerScore is set in each window's RankedBoard within the freshness bound: the store's commit, one index write and the read replica's lag, with no stream or refresh between them.",
  "A retried or repeated update never counts twice and never lowers a score: PlayerScore applies each update id once, and RankedBoard is set to the stored score, never incremented by the change.",
  "PlayerScore is the record: a lost or wrong RankedBoard is rebuilt from it, and no write reads a RankedBoard to decide a score.",
];

/** The mechanism that keeps each of the leaderboard's rules (`keptBy` on the card's invariant marks). */
export const LB_KEPT_BY: Readonly<Record<string, MechanismId>> = {
  [LB_INVARIANTS[0] as string]: "order-statistic-index",
  [LB_INVARIANTS[1] as string]: "order-statistic-index",
  [LB_INVARIANTS[2] as string]: "max-update",
  [LB_INVARIANTS[3] as string]: "replay-rebuild",
};

export const LB_SCOPES = {
  topic: T,
  ordering: {
    scope: "key",
    why: "one member's updates on one board must not move its score backwards; different members are independent",
  },
  exclusivity: {
    scope: "key",
    why: "each update id changes a member's score once, by a conditional write on the member's row",
  },
  coordination: {
    scope: "shard",
    why: "a board is one ordered set on one node, or one per score range, each with its own count; no cross-shard transaction",
  },
} as const;

export const LB_FAILURES = [
  {
    failure:
      "The node holding a board's ordered set dies, and ranks and top lists stop answering, or answer from an empty set",
    role: "derived",
    prevention:
      "Keep a replica of each ranking node in another zone that takes over on failure, and serve reads from it meanwhile",
    repair:
      "Rebuild the set from the score store into a new key and switch readers to it; updates that arrived meanwhile are set again from the store, so none is lost",
    topic: T,
  },
  {
    failure: "The score commits but the index write fails or times out, so the member's rank lags its recorded score",
    role: "derived",
    prevention:
      "Retry the index write with the stored score (setting it is safe to repeat), and mark the update applied only after the index acknowledges it",
    repair:
      "A reconcile sweep compares recent PlayerScore rows with the ordered set and sets any member whose index score differs",
    topic: T,
  },
  {
    failure:
      "An index update is sent as an increment (ZINCRBY) and retried after a lost reply, so the member's score, and rank, jump by the update twice",
    role: "derived",
    prevention:
      "Set the absolute score read back from the score store's commit (ZADD GT), so a repeat writes the same value",
    repair: "Rebuild the member's entry, or the whole set, from the score store",
    topic: T,
  },
  {
    failure:
      "A score that lands just after a window closes goes into the next day's board, or into a board that already expired",
    role: "derived",
    prevention:
      "Name each window's set by the window the update's event time falls in, and keep a closed window's set for a grace period before it expires",
    repair: "Recompute the closed window's board from the score store's updates within its time range",
    topic: T,
  },
] as const;

export const LB_BOTTLENECKS = [
  {
    bottleneck:
      "One board is one ordered set on one node: every update to it, for each window it is kept in, runs on that node's single command thread",
    mitigation:
      "Send reads to replicas, write only scores that change the set (a best score that did not rise is skipped), and past one node's rate split the board by score range with a count per range",
    formula: {
      yields: "ordered-set writes a second at peak, across the windows",
      expression: "writes_per_sec * peak_factor * board_windows",
      unit: "writes/s",
    },
    topic: T,
  },
  {
    bottleneck: "Memory: the all-time board holds every member ever scored in one node's memory",
    mitigation:
      "Keep only member id and score in the set (names and avatars live elsewhere), let windowed boards expire, and split by score range past one node",
    formula: {
      yields: "memory of the all-time board",
      expression: "players * lb_entry_bytes",
      unit: "B",
    },
    topic: T,
  },
] as const;

export const LB_TECHNOLOGIES: TechnologyInput[] = [
  {
    product: "Redis (or Valkey) sorted sets, a primary with a replica in another zone per board shard",
    layer: "serving",
    fits: "ZADD GT sets a score and ZREVRANK reads a rank, both O(log N); ZRANGE REV gives the top k; each window is its own key with an expiry",
    suits: ["low-latency", "high-throughput"],
    poorFor: ["rich-queries", "elastic-scale"],
    caveat:
      "A sorted set is one key, so it lives on one primary; it is an index here, rebuilt from the score store, not the record",
    topic: T,
  },
  {
    product: "a sharded, replicated database for the score store (PostgreSQL shards, DynamoDB or Cassandra)",
    layer: "storage",
    fits: "One row per member, board and window, updated by a conditional write keyed by the member; the record the ordered sets are rebuilt from",
    suits: ["durable", "elastic-scale", "small-metadata"],
    poorFor: ["rich-queries"],
    caveat: "It is never asked for a rank: ORDER BY over millions of rows per request is what the ordered set avoids",
    topic: T,
  },
];

export const LB_COMPONENTS: ComponentSpec[] = [
  {
    id: "score-sources",
    name: "Score sources (game servers, order service)",
    kind: "client",
    runs: ["report a score with its update id"],
    because:
      "scores come from the servers that decide them (a match's result, an order), never from the player's own app",
    topic: T,
  },
  {
    id: "score-api",
    name: "Score API (record once, then set in each window's board)",
    kind: "service",
    runs: ["record score by update id", "set score in the ordered sets", "retry the index write"],
    because: "commits the score to the record first, then sets it in the ranking index in the same request",
    topic: T,
  },
  {
    id: "score-store",
    name: "Score store (durable, one row per member and board; the record)",
    kind: "store",
    holds: ["PlayerScore"],
    runs: ["conditional max or once-per-update add", "scan a board for a rebuild"],
    because: "every ranking is derived from it, so it is the only state that must never be lost",
    topic: T,
  },
  {
    id: "rank-index",
    name: "Ranking index (Redis sorted set per board and window; primary and replica)",
    kind: "store",
    holds: ["RankedBoard"],
    runs: ["ZADD GT", "ZREVRANK", "ZRANGE REV", "expire closed windows"],
    because: "rank is the count of members scoring higher, which an ordered set answers in O(log N) from memory",
    topic: T,
  },
  {
    id: "rank-api",
    name: "Rank API (a member's rank, the top k, the members around one)",
    kind: "service",
    runs: ["read rank", "read top k", "read neighbours"],
    because: "answers every rank read from the ordered set's replica and the top page from its cache",
    topic: T,
  },
  {
    id: "topk-cache",
    name: "Top-k cache (each board's first page, refilled every refill interval)",
    kind: "cache",
    holds: ["copies of each board's top k"],
    runs: ["serve the top k", "refill from the ordered set"],
    because: "every player opens the same first page, so it is read once per refill, not once per view",
    topic: T,
  },
  {
    id: "players",
    name: "Players' apps (see their rank and the top players)",
    kind: "client",
    runs: ["read rank", "read top k"],
    because: "a player checks the rank after each match and browses the top of the board",
    topic: T,
  },
  {
    id: "board-rebuilder",
    name: "Board rebuilder (reload an ordered set from the score store)",
    kind: "control-loop",
    runs: ["load a board into a new key", "switch readers", "reconcile recent scores"],
    because: "a lost or wrong ranking is repaired by rebuilding it from the record, not by patching it",
    topic: T,
  },
];

export const LB_LINKS: LinkSpec[] = [
  { from: "score-sources", to: "score-api", kind: "request", label: "score with update id", topic: T },
  { from: "score-api", to: "score-store", kind: "request", label: "record once, conditional max", topic: T },
  { from: "score-api", to: "rank-index", kind: "request", label: "ZADD GT stored score per window", topic: T },
  { from: "players", to: "rank-api", kind: "request", label: "my rank, top k", topic: T },
  { from: "rank-api", to: "rank-index", kind: "request", label: "ZREVRANK, neighbours (replica)", topic: T },
  { from: "rank-api", to: "topk-cache", kind: "request", label: "top k page", topic: T },
  { from: "topk-cache", to: "rank-index", kind: "request", label: "refill: ZRANGE REV 0 k-1", topic: T },
  { from: "board-rebuilder", to: "score-store", kind: "request", label: "scan a board's scores", topic: T },
  { from: "board-rebuilder", to: "rank-index", kind: "control", label: "load new key, switch", topic: T },
];

export const LB_API: ApiSpec[] = [
  {
    operation: "submit score",
    call: "POST /v1/boards/{board_id}/scores",
    request: ["member_id", "score", "update_id (match or order id)", "event_time"],
    response: ["stored score", "rank"],
    errors: ["400 unknown board", "409 update id reused with another score"],
    guarantee:
      "recorded once per update id; the member's rank reflects it on return, and any reader sees it within the freshness bound",
    topic: T,
  },
  {
    operation: "get rank",
    call: "GET /v1/boards/{board_id}/members/{member_id}/rank?window=all|day|week&around=5",
    request: ["member_id", "window", "around"],
    response: ["rank (1 + members scoring higher)", "score", "neighbours[] (rank, member, score)"],
    errors: ["404 member has no score on this board"],
    guarantee: "read from one ordered set as of its last applied score, in O(log N)",
    topic: T,
  },
  {
    operation: "top k",
    call: "GET /v1/boards/{board_id}/top?k=100&window=all|day|week",
    request: ["k", "window"],
    response: ["entries[] (rank, member, score)", "as_of"],
    errors: ["400 k above the page limit"],
    guarantee: "served from the top-k cache, at most one refill interval old",
    topic: T,
  },
];

export const LB_DATA: DataSpec[] = [
  {
    entity: "PlayerScore",
    key: ["board_id", "window", "member_id"],
    fields: ["score", "last_update_id", "updated_at"],
    indexes: [],
    partitionKey: "member_id",
    owner: "score-store",
    topic: T,
  },
  {
    entity: "RankedBoard",
    key: ["board_id", "window"],
    fields: ["members ordered by (score, member_id)", "expires_at (windowed boards)"],
    indexes: ["skip list counting the members each link skips (rank)", "hash: member_id -> score"],
    partitionKey: "board_id",
    owner: "rank-index",
    topic: T,
  },
];

export const LB_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Submit a score and set it in the ranking",
    notation:
      "score-sources>score-api[score with update id] -> score-api>score-store[record score {update id not yet applied, new score above stored best}] -> score-store>score-api[stored score] -> score-api>rank-index[ZADD GT stored score in each window's set] -> rank-index>score-api[set] -> score-api>score-sources[stored score and rank] |-> score-api>rank-index[retry the same stored score {index write timed out}] => done | retry",
    topic: T,
  },
  {
    name: "Read a rank and the top players",
    notation:
      "players>rank-api[my rank] -> rank-api>rank-index[ZREVRANK on the window's set (replica)] -> rank-index>rank-api[members scoring higher] -> players>rank-api[top k] -> rank-api>topk-cache[top k page {younger than the refill interval}] -> topk-cache>rank-index[ZRANGE REV 0 k-1 on a miss] -> rank-api>players[rank, neighbours and the top page] => done",
    topic: T,
  },
  {
    name: "Rebuild a board from the score store",
    notation:
      "board-rebuilder>score-store[scan the board's scores] -> board-rebuilder>rank-index[load them into a new key] -> board-rebuilder>score-store[read scores changed since the scan began] -> board-rebuilder>rank-index[set them, then switch readers to the new key {member count matches the store}] => done | retry",
    topic: T,
  },
];

/**
 * The ranking's numbers: the stated players and their score updates give the ordered sets' writes, memory and node
 * count; the stated freshness bounds the commit, the index write and the replica's lag, summed.
 */
export const LB_CAPACITY: CapacityModel = {
  inputs: [
    {
      quantity: "players",
      label: "members ranked on a board (players, sellers)",
      unit: "members",
      typical: 10000000,
      why: "a popular game's or marketplace's board holds millions of members",
      from: [
        { expression: "users", why: "each stated player is one member of the board" },
        { expression: "merchants", why: "each stated seller is one member of the board" },
      ],
    },
    {
      quantity: "score_updates_per_member_per_day",
      label: "score updates a member makes a day, averaged over all members",
      unit: "updates/day",
      typical: 4,
      why: "about a fifth of members are active on a day and an active one finishes about twenty matches, so about four updates per member a day (a planning figure)",
    },
    {
      quantity: "writes_per_sec",
      typical: 460,
      why: "score updates a second from the members' daily updates",
      from: {
        expression: "players * score_updates_per_member_per_day / 86400",
        why: "the members' daily score updates spread over a day",
      },
    },
    {
      quantity: "rank_reads_per_update",
      label: "rank and top-k reads per score update",
      unit: "reads",
      typical: 3,
      why: "a player checks the rank after each match and opens the top of the board about twice (a planning figure)",
    },
    {
      quantity: "board_windows",
      label: "windows each score is ranked in (all time, this week, today)",
      unit: "windows",
      typical: 3,
      why: "the all-time board and the current weekly and daily boards each hold the member",
    },
    {
      quantity: "lb_entry_bytes",
      label: "bytes of one member in an ordered set",
      unit: "B",
      typical: 100,
      why: "a member id of a few tens of bytes, its score, a skip-list node and a hash entry: about 100 bytes (a planning figure; measure with MEMORY USAGE)",
    },
    {
      quantity: "lb_node_memory_bytes",
      label: "memory one ranking node gives to its ordered sets",
      unit: "B",
      typical: 25000000000,
      why: "a 32 GB node keeps about 25 GB for data, leaving room to fork for a snapshot and to load a rebuilt set",
    },
    {
      quantity: "lb_node_ops_per_sec",
      label: "ordered-set commands one ranking node runs a second",
      unit: "ops/s",
      typical: 100000,
      why: "an O(log N) command over millions of members takes microseconds on one core, so about 100k a second with headroom (a planning figure; measure it)",
    },
    {
      quantity: "score_commit_seconds",
      label: "time to commit a score to the replicated score store",
      unit: "s",
      typical: 0.02,
      why: "a conditional write acknowledged by replicas in other zones of one region: about 10 to 20 ms",
    },
    {
      quantity: "index_write_seconds",
      label: "time to set the score in each window's ordered set",
      unit: "s",
      typical: 0.005,
      why: "a pipelined ZADD per window, one round trip inside the region: a few milliseconds",
    },
    {
      quantity: "replica_lag_seconds",
      label: "lag of the ranking replica that answers reads",
      unit: "s",
      typical: 0.1,
      why: "asynchronous replication inside a region trails by milliseconds; 100 ms covers a busy moment (alert above it)",
    },
    {
      quantity: "topk_refill_seconds",
      label: "interval at which the top-k page is refilled",
      unit: "s",
      typical: 0.5,
      why: "half a second keeps the first page inside a one-second freshness while the ordered set takes two reads a second per board for it",
    },
    {
      quantity: "top_k",
      label: "members on a board's first page",
      unit: "members",
      typical: 100,
      why: "a board's first page shows the top hundred",
    },
    {
      quantity: "score_row_bytes",
      label: "bytes of one score row",
      unit: "B",
      typical: 80,
      why: "board, window, member id, score, last update id and a timestamp",
    },
  ],
  figures: [
    fig("peak_score_updates", "score updates a second at peak", "peak", "writes_per_sec * peak_factor", "writes/s"),
    fig(
      "index_writes",
      "ordered-set writes a second at peak (one per window a score is ranked in)",
      "rate",
      "writes_per_sec * peak_factor * board_windows",
      "writes/s",
    ),
    fig(
      "rank_reads",
      "rank and top-k reads a second at peak",
      "peak",
      "writes_per_sec * peak_factor * rank_reads_per_update",
      "reads/s",
    ),
    fig(
      "board_bytes",
      "memory of the all-time board, every member in one ordered set",
      "hotspot",
      "players * lb_entry_bytes",
      "B",
    ),
    fig(
      "rank_shards",
      "ranking shards the boards need: by memory across every window, or by the ordered-set writes, whichever is more",
      "count",
      "max(players * lb_entry_bytes * board_windows / lb_node_memory_bytes, writes_per_sec * peak_factor * board_windows / lb_node_ops_per_sec)",
      "shards",
      true,
    ),
    fig(
      "rank_node_utilisation",
      "the ranking primary's share of its command rate at peak (writes only; reads go to the replica)",
      "headroom",
      "writes_per_sec * peak_factor * board_windows / (lb_node_ops_per_sec * rank_shards)",
      "fraction",
    ),
    fig(
      "rank_replica_utilisation",
      "the ranking replica's share of its command rate at peak (rank reads and top-k refills)",
      "headroom",
      "writes_per_sec * peak_factor * rank_reads_per_update / (lb_node_ops_per_sec * rank_shards)",
      "fraction",
    ),
    fig(
      "topk_refill_reads",
      "members read a second to refill every window's first page of a board",
      "rate",
      "top_k * board_windows / topk_refill_seconds",
      "members/s",
    ),
    {
      ...fig(
        "rank_visible_seconds",
        "longest time from a submitted score to the rank every reader sees (commit + index write + replica lag)",
        "time",
        "score_commit_seconds + index_write_seconds + replica_lag_seconds",
        "s",
      ),
      bound: "propagation_seconds",
    },
    fig(
      "score_store_bytes",
      "score rows across the windows and replicas",
      "storage",
      "players * board_windows * score_row_bytes * replicas",
      "B",
    ),
  ],
};

/** Words that accept an estimated rank below the top: a percentile, "top 5%", an approximate position. */
const APPROXIMATE_RANK = String.raw`\b(?:approximate|approx\.?|estimated?|percentiles?|top \d+ ?%|top (?:ten|five|one) percent)`;

export const LB_DECISIONS: DecisionPoint[] = [
  {
    id: "i06-lb-structure",
    topic: T,
    question:
      "Keep each board in one ordered set, split it into score-range shards with a count per range, or estimate ranks from a score histogram?",
    options: [
      {
        id: "one-sorted-set",
        name: "one sorted set per board and window, with a replica for reads",
        buys: "exact ranks, neighbours and the top k in logarithmic time from one key, with nothing to merge",
        costs: "the whole board sits in one node's memory and every update runs on that node's one command thread",
        winsWhen: "the boards fit one node's memory and its command rate",
      },
      {
        id: "score-range-shards",
        name: "score-range shards, each an ordered set keeping its member count",
        buys: "boards past one node; a global rank is the counts of the ranges above plus the rank inside the member's range",
        costs:
          "a member whose score crosses a range boundary moves between shards, and ranges must be re-cut as scores drift",
        winsWhen: "a board outgrows one node's memory or command rate",
        wins: [{ number: "rank_shards", atLeast: 2 }],
      },
      {
        id: "histogram",
        name: "exact top k in a small sorted set, and approximate ranks below it from a score histogram",
        buys: "any number of members in little memory; the top stays exact",
        costs: "a rank below the top is a percentile or an estimate, not a position",
        winsWhen: "ranks below the top may be approximate (a percentile, 'top 5%')",
        wins: [{ words: APPROXIMATE_RANK }],
      },
    ],
    rules: [
      {
        when: [{ words: APPROXIMATE_RANK }],
        option: "histogram",
        because: "the prompt accepts an approximate rank below the top",
      },
      {
        when: [{ number: "rank_shards", atLeast: 2 }],
        option: "score-range-shards",
        because: "the boards need more than one node's memory or command rate",
      },
    ],
    fallback: {
      option: "one-sorted-set",
      because: "the boards fit one node, so exact ranks come from one ordered set with nothing to merge",
    },
  },
  {
    id: "i06-lb-apply",
    topic: T,
    question:
      "Set a score in the ranking in the write request, after the score store commits, or from a change stream behind the store?",
    options: [
      {
        id: "in-request",
        name: "in the write request, right after the score store commits",
        buys: "the member's rank moves one index write after the commit; the response can carry the new rank",
        costs: "a slow or down ranking node slows the write path, so the write is retried and reconciled, not failed",
        winsWhen: "a new score must show in the rank within seconds",
      },
      {
        id: "change-stream",
        name: "from a change stream captured from the score store",
        buys: "writes never wait for the ranking, and a replay rebuilds it",
        costs: "capture lag and consumer lag sit between a score and its rank",
        winsWhen: "ranks may trail scores by many seconds",
      },
    ],
    rules: [
      {
        when: [{ number: "propagation_seconds", below: 10 }],
        option: "in-request",
        because: "a freshness of seconds leaves no room for capture and consumer lag",
      },
    ],
    fallback: {
      option: "in-request",
      because: "a player expects the rank to move as soon as the match ends",
    },
  },
];

/**
 * What a leaderboard design must draw, checked by the coherence rule `leaderboard-shape`: the score record and the
 * ordered set, a call that reads a rank and one that reads the top, the time to a visible rank bound by a stated
 * freshness, and none of a search projection's entities.
 */
export const LB_SHAPE = {
  entities: ["PlayerScore", "RankedBoard"],
  rankCall: /\brank\b/,
  topCall: /\btop\b/,
  visibleFigure: "rank_visible_seconds",
  bound: "propagation_seconds",
  projectionEntities: ["SourceRecord", "IndexDocument", "IndexAlias", "ChangeEvent", "ProjectorCheckpoint"],
} as const;
