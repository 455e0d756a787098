import type { z } from "zod";
import { fig } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { Technology } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * A projection whose subject is suggesting completions as people type (topic "typeahead", knowledge/topics.ts):
 * search autocomplete, product-name typeahead. The read copy is not one document per source record but, for every
 * prefix, the few completions that score highest, built offline from what people searched (or from a catalogue)
 * into an immutable, versioned snapshot that serving shards hold in memory. What makes it right is that a keystroke
 * is answered from memory within the latency budget, that a snapshot is switched in whole and can be rolled back,
 * and that fresh or blocked terms reach the lists without waiting for a rebuild.
 *
 * Facts, checked against primary sources:
 * - Elasticsearch's completion suggester is a prefix suggester backed by Lucene's AnalyzingSuggester, which uses
 *   finite state transducers; such structures are costly to build and held in memory, so the suggester writes the
 *   FST into the index at index time (elastic.co reference, "Completion Suggester"; Elastic blog "You Complete Me":
 *   suggestions must arrive within a few milliseconds, even after network latency).
 * - Lucene's WFSTCompletionLookup is a suggester over a weighted FST that walks the prefix and then the n best
 *   paths to return the top-ranked completions; AnalyzingSuggester's targets typically come from query logs,
 *   weighted by how often each query was searched (Lucene suggest API docs; Lucene committer's AnalyzingSuggester
 *   write-up).
 * - Common typeahead designs precompute the top k completions at every trie node offline from aggregated query
 *   frequencies, ship the serialized structure to serving nodes that swap it in atomically, shard by prefix, and
 *   cache short prefixes and debounce on the client (system design write-ups found by search; a design pattern, not
 *   a product's documented behaviour).
 */

const T = "typeahead" as const;
type TechnologyInput = z.input<typeof Technology>;

export const TA_ENTITIES = [
  {
    name: "QueryLogEntry",
    description:
      "One search a person submitted (or one catalogue name to suggest): the normalized text, the time, the locale and whether a result was chosen; appended to the query log and kept by day, it is the source every count and snapshot is rebuilt from.",
    truth: true,
    topic: T,
  },
  {
    name: "QueryScore",
    description:
      "One normalized query's score over the ranking window: its count with older days decayed, minus blocked or too-rare queries; the input the snapshot build ranks by.",
    truth: false,
    topic: T,
  },
  {
    name: "PrefixSuggestions",
    description:
      "One prefix's top-k list inside an immutable snapshot: the k highest-scoring completions that start with the prefix, each with its score, held at the prefix's node of an FST or trie in a serving shard's memory; a published version never changes, so every replica of a shard answers alike.",
    truth: true,
    topic: T,
  },
  {
    name: "SnapshotVersion",
    description:
      "The pointer that names the snapshot version every serving shard loads, the last known-good version to roll back to, and each build's validation verdict.",
    truth: true,
    topic: T,
  },
  {
    name: "TrendingOverlay",
    description:
      "A small per-prefix list of queries rising in the last minutes, counted by a stream job and pushed into each prefix range's serving replicas, which merge it into the snapshot's list in memory at read time; replaced every minute and empty when the stream stops.",
    truth: false,
    topic: T,
  },
] as const;

export const TA_WRITES = [
  {
    action: "append each submitted search to the query log with its normalized text, time and locale",
    entity: "QueryLogEntry",
    shape: "append event",
    mechanism: "append-log",
    topic: T,
  },
  {
    action:
      "score every normalized query over the ranking window in a batch job, decaying older days and dropping blocked and rare queries",
    entity: "QueryScore",
    shape: "async process",
    mechanism: "rollup-downsampling",
    hidden: true,
    topic: T,
  },
  {
    action:
      "build an immutable snapshot of each prefix's top-k completions by score, one FST per prefix-range shard, and validate it against the last good one",
    entity: "PrefixSuggestions",
    shape: "async process",
    mechanism: "versioned-snapshot",
    critical: true,
    topic: T,
  },
  {
    action:
      "publish a validated snapshot by moving the current version pointer, each shard replica loading it whole before it serves from it",
    entity: "SnapshotVersion",
    shape: "state transition",
    mechanism: "head-pointer-cas",
    critical: true,
    topic: T,
  },
  {
    action:
      "count the last minutes' searches in a stream and push a new trending overlay of the prefixes that rise to their range's serving replicas",
    entity: "TrendingOverlay",
    shape: "overwrite current value",
    mechanism: "ttl-expiry",
    hidden: true,
    topic: T,
  },
] as const;

export const TA_READS = [
  {
    action:
      "suggest the top-k completions for a typed prefix from the serving shard's in-memory snapshot, merged with the trending overlay",
    entity: "PrefixSuggestions",
    shape: "read projection",
    staleness:
      "The snapshot trails the query log by one build cycle (hours); the trending overlay by a minute; a browser or edge copy by its time-to-live (about a minute). A suggestion is a hint, so this lag is accepted.",
    topic: T,
  },
] as const;

export const TA_INVARIANTS = [
  "Every PrefixSuggestions list has at most k completions, ordered by score, and each starts with the normalized prefix.",
  "A serving replica switches SnapshotVersion whole: it answers from the old snapshot until the new one is loaded and checked, never from a mix of the two.",
  "A snapshot is published only after it passes validation against the last good one (prefix coverage, size, blocked terms absent); otherwise SnapshotVersion stays on the last good snapshot.",
  "A prefix's PrefixSuggestions are read from one shard replica's memory, with no disk read, database query or scatter to other shards on the suggest path.",
  "A blocked term never appears in a served PrefixSuggestions list: it is removed at build and filtered again at serve time, so a new block takes effect before the next build.",
];

export const TA_SCOPES = {
  topic: T,
  ordering: {
    scope: "none",
    why: "suggestion lists are recomputed whole from counts, so the order in which searches were logged does not matter",
  },
  exclusivity: {
    scope: "global",
    why: "one build at a time moves the snapshot version pointer, by a conditional write on the version it read",
  },
  coordination: {
    scope: "shard",
    why: "each prefix-range shard's replicas load and switch the published version on their own; a query needs only its own shard",
  },
} as const;

export const TA_FAILURES = [
  {
    failure:
      "A bad build (a broken count job, a truncated log day) produces a snapshot with missing prefixes or junk suggestions",
    role: "derived",
    prevention:
      "Before the version pointer moves, check every build against the last good one for prefix coverage, size, score distribution and blocked terms, and roll it out to one replica first",
    repair: "Move the version pointer back to the last good snapshot, which replicas still hold on disk, and rebuild",
    topic: T,
  },
  {
    failure: "The build pipeline stops, so the served snapshot grows stale and new or trending queries never appear",
    role: "derived",
    prevention:
      "Keep serving the last good snapshot, alert on the snapshot's age, and let the trending overlay carry recent queries meanwhile",
    repair: "Fix and rerun the build from the query log, which still holds every day it reads",
    topic: T,
  },
  {
    failure: "A serving shard's replicas are all down, so every prefix in its range gets no suggestions",
    role: "coordination",
    prevention:
      "Run each prefix-range shard on several replicas across zones behind health checks; a replica loads its snapshot from object storage on start",
    repair:
      "Start replacement replicas from the current snapshot; meanwhile the gateway answers that range with an empty list rather than an error, and edge caches keep serving short prefixes",
    topic: T,
  },
  {
    failure:
      "A news event makes one short prefix very hot, so the shard holding it is overloaded while the others idle",
    role: "derived",
    prevention:
      "Answer one- and two-character prefixes from browser and edge caches, and replicate hot prefix ranges on more replicas",
    repair: "Add replicas to the hot shard's range; they load the same snapshot and join behind the load balancer",
    topic: T,
  },
  {
    failure: "An offensive or legally blocked query is suggested to everyone typing its prefix",
    role: "truth",
    prevention:
      "Filter queries against a blocklist at build time and again at serve time, so a new entry takes effect within a minute",
    repair: "Add the term to the blocklist; serving filters it at once and the next build drops it from the lists",
    topic: T,
  },
] as const;

export const TA_BOTTLENECKS = [
  {
    bottleneck:
      "Every debounced keystroke is a suggest request, and the requests that miss the browser and edge caches all reach the serving replicas",
    mitigation:
      "Debounce on the client, cache short prefixes at the edge, and add replicas per prefix-range shard from the measured miss rate",
    formula: {
      yields: "suggest lookups a second that reach the serving replicas at peak",
      expression: "requests_per_sec * peak_factor * (1 - edge_hit_ratio)",
      unit: "req/s",
    },
    topic: T,
  },
  {
    bottleneck:
      "The latency budget: network round trip, edge and gateway, and the in-memory lookup must all fit under the target",
    mitigation:
      "Serve from the nearest region's edge, keep the lookup in memory with no fan-out, and answer a slow shard with the cached or an empty list",
    formula: {
      yields: "latency left after the network, the edge and the lookup",
      expression: "latency_budget_ms - network_rtt_ms - edge_ms - lookup_ms",
      unit: "ms",
    },
    topic: T,
  },
  {
    bottleneck: "Snapshot size: every prefix's top-k list must fit in a serving replica's memory",
    mitigation: "Drop queries below a minimum count, cap prefix depth, and split the prefix space into more shards",
    topic: T,
  },
] as const;

export const TA_TECHNOLOGIES: TechnologyInput[] = [
  {
    product: "Lucene weighted FST suggester (WFSTCompletionLookup) in a custom serving process",
    layer: "serving",
    fits: "A compact in-memory FST built from weighted queries; a lookup walks the prefix and then the n best paths, so top-k comes straight from memory.",
    suits: ["low-latency", "high-throughput"],
    poorFor: ["operational-simplicity", "read-your-writes"],
    caveat: "The FST is immutable: a change means building a new one, which is why snapshots are rebuilt and swapped.",
    fills: ["suggestion server"],
    topic: T,
  },
  {
    product: "Elasticsearch completion suggester",
    layer: "serving",
    fits: "The same kind of structure run for us: a completion field's FST is written at index time and loaded into memory, so a prefix lookup is fast, with a weight per input and context filters.",
    suits: ["low-latency", "high-throughput", "operational-simplicity"],
    poorFor: ["low-cost"],
    caveat:
      "A weight is fixed when its input is indexed, so a new ranking is a new index: build each version as its own index and switch an alias to it, which is also the rollback.",
    fills: ["suggestion server"],
    topic: T,
  },
  {
    product: "Spark batch job over the query log",
    layer: "coordination",
    fits: "Counts normalized queries per day, decays older days and writes each build's scored list and FST shards to object storage.",
    suits: ["high-throughput", "elastic-scale"],
    poorFor: ["low-latency"],
    caveat: "A batch build runs hours behind the searches it counts, which is why the trending overlay exists.",
    topic: T,
  },
  {
    product: "CDN edge cache",
    layer: "serving",
    fits: "Caches the responses for short prefixes near users for a minute, so the hottest keystrokes never reach the origin.",
    suits: ["low-latency", "high-throughput", "multi-region"],
    poorFor: ["read-your-writes"],
    caveat:
      "A cached list outlives a new block for its time-to-live, so blocked terms need a purge of the prefixes they match.",
    fills: ["edge cache"],
    topic: T,
  },
];

export const TA_COMPONENTS: ComponentSpec[] = [
  {
    id: "browser",
    name: "Search box (debounced, browser cache)",
    kind: "client",
    runs: ["debounce keystrokes", "cache recent prefixes", "suggest"],
    because: "the client sends one request per pause in typing and reuses answers it already has",
    topic: T,
  },
  {
    id: "edge",
    name: "Edge cache (CDN, short prefixes)",
    kind: "cache",
    runs: ["cache suggestions for a minute"],
    because: "one- and two-character prefixes are few and hot, so edge copies answer them near the user",
    topic: T,
  },
  {
    id: "suggest-gateway",
    name: "Suggest gateway (routes a prefix to its shard)",
    kind: "gateway",
    runs: ["normalize prefix", "route by prefix range", "filter blocked terms"],
    because: "each prefix lives on exactly one shard, so a request goes to one replica with no fan-out",
    topic: T,
  },
  {
    id: "suggest-shards",
    name: "Suggestion servers (prefix-range shards, replicated, in memory)",
    kind: "service",
    holds: ["PrefixSuggestions", "TrendingOverlay"],
    runs: ["walk the prefix", "return top-k merged with the trending overlay", "load and swap snapshots"],
    because: "the lookup is a walk of a few nodes in memory and a copy of k entries, well inside the latency budget",
    topic: T,
  },
  {
    id: "search-frontends",
    name: "Search front ends (log submitted searches)",
    kind: "service",
    runs: ["log submitted search"],
    because: "what people actually searched, and picked, is the signal suggestions are ranked by",
    topic: T,
  },
  {
    id: "query-log",
    name: "Query log (append-only, kept by day)",
    kind: "log",
    holds: ["QueryLogEntry"],
    runs: ["append", "read a day"],
    because: "the raw searches are the truth; every score and snapshot can be rebuilt from them",
    topic: T,
  },
  {
    id: "index-builder",
    name: "Index builder (batch: score, top-k per prefix, FST shards)",
    kind: "control-loop",
    holds: ["QueryScore"],
    runs: ["score queries", "build snapshot", "validate against last good"],
    because: "ranking and building are heavy and done offline, so serving only reads a finished structure",
    topic: T,
  },
  {
    id: "snapshot-store",
    name: "Snapshot store (object storage, versioned) and version pointer",
    kind: "store",
    holds: ["SnapshotVersion"],
    runs: ["store snapshot files", "move version pointer"],
    because: "every built version stays loadable, so a replica can start from it and a bad build rolls back",
    topic: T,
  },
  {
    id: "trending",
    name: "Trending counter (stream, last minutes)",
    kind: "worker-pool",
    runs: ["count recent searches", "push rising prefixes to their range's replicas"],
    because:
      "a news-driven query would otherwise wait hours for the next build; it pushes the overlay to the serving replicas each minute, so no suggest request waits on it",
    topic: T,
  },
];

export const TA_LINKS: LinkSpec[] = [
  { from: "browser", to: "edge", kind: "request", label: "GET suggest?q=prefix", topic: T },
  { from: "edge", to: "suggest-gateway", kind: "request", label: "cache miss", topic: T },
  { from: "suggest-gateway", to: "suggest-shards", kind: "request", label: "lookup on the prefix's shard", topic: T },
  // the overlay is refreshed offline and pushed into the shards' memory: a suggest request never calls the counter
  {
    from: "trending",
    to: "suggest-shards",
    kind: "stream",
    label: "push each prefix range's rising completions every minute",
    topic: T,
  },
  { from: "search-frontends", to: "query-log", kind: "stream", label: "submitted searches", topic: T },
  { from: "query-log", to: "index-builder", kind: "stream", label: "days in the ranking window", topic: T },
  { from: "query-log", to: "trending", kind: "stream", label: "last minutes' searches", topic: T },
  { from: "index-builder", to: "snapshot-store", kind: "request", label: "write version, move pointer", topic: T },
  { from: "suggest-shards", to: "snapshot-store", kind: "control", label: "watch pointer, load snapshot", topic: T },
];

export const TA_API: ApiSpec[] = [
  {
    operation: "suggest",
    call: "GET /v1/suggest?q=&limit=&locale=",
    request: ["q (the typed prefix)", "limit (at most k)", "locale"],
    response: ["completions with scores", "snapshot version"],
    errors: ["400 prefix empty or too long", "429 over the client's rate"],
    guarantee:
      "at most limit completions, each starting with the normalized prefix and none blocked; cacheable for a minute by prefix and locale",
    topic: T,
  },
  {
    operation: "block term",
    call: "POST /v1/blocked-terms",
    request: ["term", "reason"],
    response: ["blocked"],
    errors: ["400 empty term"],
    guarantee: "filtered from served suggestions within a minute and dropped from the next build",
    topic: T,
  },
  {
    operation: "roll back snapshot",
    call: "POST /v1/snapshots/{version}/activate",
    request: ["version", "expected current version"],
    response: ["active version"],
    errors: ["404 unknown version", "409 current version moved"],
    guarantee: "replicas switch to the named, already validated version whole",
    topic: T,
  },
];

export const TA_DATA: DataSpec[] = [
  {
    entity: "QueryLogEntry",
    key: ["day", "log_offset"],
    fields: ["normalized_query", "locale", "submitted_at", "result_chosen"],
    indexes: [],
    partitionKey: "day",
    owner: "query-log",
    topic: T,
  },
  {
    entity: "QueryScore",
    key: ["build_version", "normalized_query"],
    fields: ["score", "count_by_day"],
    indexes: [],
    partitionKey: "normalized_query",
    owner: "index-builder",
    topic: T,
  },
  {
    entity: "PrefixSuggestions",
    key: ["snapshot_version", "prefix"],
    fields: ["top-k completions with scores"],
    indexes: [],
    partitionKey: "prefix range",
    owner: "suggest-shards",
    topic: T,
  },
  {
    entity: "SnapshotVersion",
    key: ["index_name"],
    fields: ["current_version", "last_good_version", "built_at", "validation verdict"],
    indexes: [],
    owner: "snapshot-store",
    topic: T,
  },
  {
    entity: "TrendingOverlay",
    key: ["prefix"],
    fields: ["rising completions with scores", "expires_at"],
    indexes: [],
    partitionKey: "prefix range",
    owner: "suggest-shards",
    topic: T,
  },
];

export const TA_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Suggest for a prefix",
    notation:
      "browser>edge[suggest for the typed prefix after a pause in typing] |-> edge>browser[cached completions {prefix cached within its time-to-live}] -> edge>suggest-gateway[forward the miss] -> suggest-gateway>suggest-shards[look up the prefix on its range's replica] -> suggest-shards>suggest-gateway[top-k from the in-memory snapshot merged with the pushed trending overlay] -> suggest-gateway>edge[merged list without blocked terms] -> edge>browser[completions, cached for a minute] => done",
    topic: T,
  },
  {
    name: "Build and publish a snapshot",
    notation:
      "search-frontends>query-log[append submitted searches] -> index-builder>query-log[read the days in the ranking window] -> index-builder[score queries and keep each prefix's top k] -> index-builder>snapshot-store[write the new version's FST shards] -> index-builder>snapshot-store[move the version pointer {validation passed and pointer still at the version read}] -> suggest-shards>snapshot-store[load the new version whole, then swap] => done | rollback",
    topic: T,
  },
  {
    name: "Roll back a bad snapshot",
    notation:
      "index-builder>snapshot-store[point current at the last good version {current version as expected}] -> suggest-shards>snapshot-store[load the last good version, then swap] => done",
    topic: T,
  },
];

/**
 * The typeahead's capacity: the suggest rate (stated, or typical), what reaches the servers past the caches, the
 * snapshot's size and shards, the replicas that carry the load, and the latency budget split.
 */
export const TA_CAPACITY: CapacityModel = {
  inputs: [
    {
      quantity: "requests_per_sec",
      typical: 20000,
      why: "a busy search box sends one suggest request per debounced keystroke: tens of thousands a second",
      from: [{ expression: "reads_per_sec", why: "each stated read is one suggest request" }],
    },
    {
      quantity: "edge_hit_ratio",
      label: "share of suggest requests answered by browser and edge caches",
      unit: "fraction",
      typical: 0.5,
      why: "one- and two-character prefixes are few and typed by everyone, so caches answer about half the keystrokes; longer prefixes mostly miss (a planning figure; measure it)",
    },
    {
      quantity: "replica_lookups_per_sec",
      label: "suggest lookups one in-memory replica answers a second",
      unit: "req/s",
      typical: 20000,
      why: "a lookup walks a few nodes and copies k entries, tens of microseconds of CPU, so one server answers tens of thousands a second with headroom (a planning figure; measure it)",
    },
    {
      quantity: "distinct_queries",
      label: "distinct normalized queries kept in the index",
      unit: "queries",
      typical: 100000000,
      why: "queries seen more than a few times in the ranking window; the long tail searched once is dropped",
      from: [
        { expression: "objects", why: "each stated item (a product, a title, a name) is one suggestible completion" },
      ],
    },
    {
      quantity: "index_bytes_per_query",
      label: "snapshot bytes per kept query",
      unit: "B",
      typical: 400,
      why: "about twenty characters of text in the FST plus its share of the top-k lists (ten 4-byte ids at each of the prefixes it adds)",
    },
    {
      quantity: "replica_memory_bytes",
      label: "memory one serving replica gives to its snapshot",
      unit: "B",
      typical: 16000000000,
      why: "a 32 GB server keeps half its memory for one snapshot, leaving room to load the next before the swap",
    },
    {
      quantity: "propagation_seconds",
      typical: 60,
      why: "a rising query suggested within about a minute is fresh enough; suggestions are hints, not records",
    },
    {
      quantity: "keystrokes_per_search",
      label: "suggest requests one submitted search sends",
      unit: "requests",
      typical: 5,
      why: "with debouncing, a person pauses a handful of times while typing a query",
    },
    {
      quantity: "log_entry_bytes",
      label: "bytes per query log entry",
      unit: "B",
      typical: 100,
      why: "the normalized query, locale, time and a flag fit in about a hundred bytes",
    },
    {
      quantity: "latency_budget_ms",
      label: "end-to-end latency target for a suggestion",
      unit: "ms",
      typical: 100,
      why: "a suggestion must arrive before the next keystroke, about a tenth of a second",
    },
    {
      quantity: "network_rtt_ms",
      label: "round trip from a user to the nearest region and back",
      unit: "ms",
      typical: 30,
      why: "a user within the same continent as a serving region sees a round trip of a few tens of milliseconds",
    },
    {
      quantity: "edge_ms",
      label: "time in the edge cache and suggest gateway",
      unit: "ms",
      typical: 5,
      why: "a cache lookup and a routed hop inside the region take a few milliseconds",
    },
    {
      quantity: "hot_range_share",
      label: "share of the lookups past the caches that land on the busiest prefix range",
      unit: "fraction",
      typical: 0.5,
      why: "ranges are cut by the snapshot's bytes, not by traffic, and the prefixes of the most typed first letters crowd into one or two of them, so the busiest range can take about half the misses (a planning figure; measure it and split the range)",
    },
    {
      quantity: "lookup_ms",
      label: "time in the suggestion server, queueing included",
      unit: "ms",
      typical: 2,
      why: "the in-memory walk takes microseconds; two milliseconds covers queueing at planned utilisation",
    },
  ],
  figures: [
    fig("peak_suggest", "peak suggest requests a second", "peak", "requests_per_sec * peak_factor", "req/s"),
    fig(
      "latency_slack_ms",
      "latency left after network, edge and lookup",
      "time",
      "latency_budget_ms - network_rtt_ms - edge_ms - lookup_ms",
      "ms",
    ),
    fig(
      "origin_lookups",
      "suggest lookups a second past the browser and edge caches at peak",
      "hotspot",
      "requests_per_sec * peak_factor * (1 - edge_hit_ratio)",
      "req/s",
    ),
    fig("snapshot_bytes", "one full snapshot in memory", "storage", "distinct_queries * index_bytes_per_query", "B"),
    fig(
      "suggest_shards",
      "prefix-range shards the snapshot is split into",
      "count",
      "distinct_queries * index_bytes_per_query / replica_memory_bytes",
      "shards",
      true,
    ),
    fig(
      "serving_replicas",
      "serving replicas: each shard on its replicas in every region that serves reads",
      "count",
      "suggest_shards * replicas * serving_regions",
      "replicas",
    ),
    fig(
      "replica_lookups",
      "lookups a second on one replica, the peak spread over every replica",
      "rate",
      "requests_per_sec * peak_factor * (1 - edge_hit_ratio) / serving_replicas",
      "req/s",
    ),
    fig(
      "replica_utilisation",
      "one replica's share of what it can answer at peak",
      "headroom",
      "replica_lookups / replica_lookups_per_sec",
      "fraction",
    ),
    fig(
      "hot_range_replica_lookups",
      "lookups a second on one replica of the busiest prefix range at peak",
      "hotspot",
      "requests_per_sec * peak_factor * (1 - edge_hit_ratio) * max(hot_range_share, 1 / suggest_shards) / (replicas * serving_regions)",
      "req/s",
    ),
    fig(
      "hot_range_utilisation",
      "the busiest range's replica's share of what it can answer at peak",
      "headroom",
      "hot_range_replica_lookups / replica_lookups_per_sec",
      "fraction",
    ),
    fig(
      "overlay_refreshes",
      "trending overlay replacements a second, each shard's within the freshness budget",
      "rate",
      "suggest_shards / propagation_seconds",
      "refreshes/s",
    ),
    fig(
      "query_log_bytes_per_day",
      "query log written a day",
      "storage",
      "requests_per_sec / keystrokes_per_search * log_entry_bytes * 86400",
      "B/day",
    ),
  ],
};

export const TA_DECISIONS: DecisionPoint[] = [
  {
    id: "i06-ta-index",
    topic: T,
    question:
      "Precompute each prefix's top-k into an in-memory snapshot, or run a prefix query on a search index per keystroke?",
    options: [
      {
        id: "precomputed",
        name: "precomputed top-k per prefix in an FST or trie snapshot, served from memory",
        buys: "a lookup of a few nodes and k entries, in microseconds, with no fan-out",
        costs: "suggestions change only when a new snapshot is built, and the snapshot must fit the replicas' memory",
        winsWhen: "the lookup rate is high or the latency target is tight",
        wins: [{ latencyAtMost: 200 }],
      },
      {
        id: "query-time",
        name: "a prefix or n-gram query against a search index at request time, ranked then",
        buys: "a new or changed item is suggestible as soon as it is indexed, with rich filters",
        costs: "each keystroke runs a query across shards, which is slow and costly at tens of thousands a second",
        winsWhen: "the rate is low and items must be suggestible the moment they are added",
      },
    ],
    rules: [
      {
        when: [{ latencyAtMost: 200 }],
        option: "precomputed",
        because: "a tight latency target leaves no room for a query that scatters across shards",
      },
      {
        when: [{ number: "origin_lookups", atLeast: 5000 }],
        option: "precomputed",
        because: "thousands of lookups a second are cheap only from a precomputed structure in memory",
      },
    ],
    fallback: {
      option: "precomputed",
      because: "a suggestion is read on every keystroke and changes slowly, so it is computed once and read many times",
    },
  },
  {
    id: "i06-ta-fresh",
    topic: T,
    question: "Rebuild suggestions only in the periodic batch, or also merge a streamed trending overlay?",
    options: [
      {
        id: "batch-and-trending",
        name: "periodic batch snapshot plus a trending overlay counted in a stream over the last minutes",
        buys: "a query that rises with the news is suggested within minutes, while the snapshot stays simple",
        costs: "a stream job and a merge at read time, and the overlay needs its own blocklist filter",
        winsWhen: "queries follow events, or new items must appear before the next build",
        implies: { draws: ["trending", "trending>suggest-shards", "query-log>trending"] },
      },
      {
        id: "batch-only",
        name: "periodic batch snapshot only",
        buys: "one code path; every suggestion passed the build's validation",
        costs: "a new query waits for the next build, hours away",
        winsWhen: "what people type changes slowly (a fixed catalogue, internal tools)",
      },
    ],
    rules: [
      {
        when: [
          {
            words: String.raw`\b(?:trending|real[- ]?time|fresh\w*|recent\w*|news|seconds? ago|minutes? ago|just added|new (?:items|products|queries))\b`,
          },
        ],
        option: "batch-and-trending",
        because: "the prompt asks for recent queries or items to be suggested",
      },
    ],
    fallback: {
      option: "batch-and-trending",
      because:
        "search traffic follows events, and a rising query that waits hours for the build is the miss people notice",
    },
  },
  {
    id: "i06-ta-shard",
    topic: T,
    question: "Hold the whole snapshot on every replica, or split it into prefix-range shards?",
    options: [
      {
        id: "prefix-shards",
        name: "prefix-range shards, each replicated for load",
        buys: "a snapshot larger than one server's memory, and a build that ships each shard on its own",
        costs: "a routing step, and a hot range needs more replicas than the others",
        winsWhen: "the snapshot does not fit one replica's memory",
        wins: [{ number: "suggest_shards", atLeast: 2 }],
      },
      {
        id: "full-replica",
        name: "the whole snapshot on every replica",
        buys: "any replica answers any prefix; no routing and no hot shard",
        costs: "every replica holds the whole snapshot, which caps its size",
        winsWhen: "the snapshot fits one replica's memory",
      },
    ],
    rules: [
      {
        when: [{ number: "suggest_shards", atLeast: 2 }],
        option: "prefix-shards",
        because: "the snapshot is larger than one replica's memory",
      },
    ],
    fallback: { option: "full-replica", because: "the snapshot fits one replica's memory" },
  },
];

/**
 * What a design about typeahead must draw, checked by the coherence rule `typeahead-shape`: a prefix in the served
 * lists' key, a suggest API, a stated latency target split into its parts, and none of the record-by-record projection's
 * change-capture entities.
 */
export const TA_SHAPE = {
  prefixKey: "prefix",
  listEntity: "PrefixSuggestions",
  /** refreshed offline and pushed into the serving replicas: no suggest request calls whatever counts it */
  overlayEntity: "TrendingOverlay",
  suggestCall: /\bsuggest\b/,
  latencyFigure: "latency_slack_ms",
  projectionEntities: ["SourceRecord", "IndexDocument", "IndexAlias", "ChangeEvent", "ProjectorCheckpoint"],
} as const;
