import { fig, inp } from "./helpers.js";
import type { FeatureEntry } from "./index.js";

export const SEARCH: FeatureEntry = {
  id: "search",
  name: "Search over user content",
  summary:
    "An inverted index (term -> documents) built by a projector from the change stream of the source tables. Queries read only the index; the source stays authoritative and the index can be rebuilt by replay.",
  signals: ["search", "keyword", "full text", "find posts", "autocomplete", "typeahead", "hashtag"],
  terms: { doc: "post" },
  promptNouns: { doc: ["product", "listing", "restaurant", "video", "document", "message", "post", "question"] },
  actions: [
    {
      action: "search {docs} by keyword",
      shape: "read projection",
      entity: "SearchIndex",
      critical: false,
      substrate: "I06",
      mechanism: "derived-view-read",
    },
    {
      action: "see suggested queries while typing",
      shape: "read projection",
      entity: "SuggestionIndex",
      critical: false,
      substrate: "I07",
      // suggestions while typing are a typeahead of their own: drawn only where the prompt asks for them
      topic: "typeahead",
    },
    {
      action: "index a new or edited {doc}",
      shape: "async process",
      entity: "SearchIndex",
      critical: false,
      hidden: true,
      substrate: "I06",
      mechanism: "projector-checkpoint",
    },
    {
      action: "remove a deleted {doc} from results",
      shape: "async process",
      entity: "SearchIndex",
      critical: false,
      hidden: true,
      substrate: "I06",
      mechanism: "tombstones",
    },
  ],
  entities: [
    { name: "SearchIndex", description: "term -> posting list of (doc id, score fields), sharded by doc id" },
    { name: "IndexCheckpoint", description: "the change-stream position the index has applied" },
    {
      name: "SuggestionIndex",
      description: "popular query prefixes -> top completions, rebuilt from query logs",
      topic: "typeahead",
    },
  ],
  nfrs: [
    "new content is searchable within seconds to a minute",
    "a deleted or private {doc} disappears from results promptly",
    "queries answer in a few hundred milliseconds at p99",
  ],
  substrates: [
    { id: "I06", role: "substrate", why: "the index is a projection of the source tables, fed by their change stream" },
    { id: "I05", role: "input", why: "the change stream is an ordered log the indexer consumes" },
  ],
  // a query goes to one copy of every shard of a document-partitioned index and the coordinating node merges their
  // top hits; more replicas of each shard take more queries (Elasticsearch: The Definitive Guide, "Distributed Search
  // Execution" and "Query Phase")
  hotspot: {
    figure: "peak_queries_per_sec",
    bottleneck:
      "Query fan-out: an index split by {doc} sends every search to one copy of each shard and waits for the slowest, so each query costs as many shard searches as there are shards",
    mitigation:
      "add replicas of each shard so the copies share the queries, keep shards few and large enough that one query does not touch hundreds, and cache the results of the most repeated searches for a short time",
  },
  capacity: {
    inputs: [
      inp("users", 200e6, "daily active users"),
      {
        quantity: "docs_per_day",
        typical: 1e8,
        why: "items of the product's own content, new or edited, to index per day",
        // where the design's own chat sizes its messages, each message sent is the document to index
        from: [
          // "ingests 8,000 listings per second": each stated write of the product's own records is one to index
          { expression: "writes_per_sec * 86400", why: "each stated write of a record, over a day, is one to index" },
          {
            expression: "users * messages_per_user_per_day",
            why: "each message sent a day is one document to index",
            fromDesign: true,
          },
        ],
      },
      inp("doc_index_bytes", 1500, "a document's postings and stored fields"),
      inp("queries_per_user_per_day", 3, "a few searches per active user"),
    ],
    figures: [
      fig("index_writes_per_sec", "documents indexed per second", "rate", "docs_per_day / 86400", "docs/s"),
      fig("queries_per_sec", "search queries per second", "rate", "users * queries_per_user_per_day / 86400", "req/s"),
      fig("peak_queries_per_sec", "peak search queries per second", "peak", "queries_per_sec * peak_factor", "req/s"),
      fig("index_bytes_per_year", "index growth per year", "growth", "docs_per_day * 365 * doc_index_bytes", "B"),
    ],
  },
  decisions: [
    {
      id: "search-ranking",
      question: "Order results by text relevance, or newest first?",
      options: [
        {
          id: "relevance-with-freshness",
          name: "text relevance (BM25) with a boost for recent and popular items",
          buys: "the best match comes first even when it is a few days old",
          costs: "scores to tune; results change order as items age",
          winsWhen: "people search for a thing, not for the latest news",
        },
        {
          id: "newest-first",
          name: "newest matching items first",
          buys: "simple, predictable, and cheap to paginate by time",
          costs: "old but relevant items sink out of reach",
          winsWhen: "the content is a stream (live events, hashtags, chat history)",
          wins: [{ words: "\\b(?:chat\\w*|hashtags?|live events?)\\b" }],
        },
      ],
      rules: [
        {
          // the prompt's content is one of the streams this option names: people look back through it by time
          when: [{ words: String.raw`\b(?:chat\w*|hashtags?|live events?)\b` }],
          option: "newest-first",
          because: "the content searched is a stream people look back through by time, so the newest match first",
        },
      ],
      fallback: { option: "relevance-with-freshness", because: "users expect the best match first" },
    },
    {
      id: "search-freshness",
      question: "Near-real-time indexing from the change stream, or periodic batch rebuilds?",
      options: [
        {
          id: "near-real-time",
          name: "indexer consumes the change stream, and the index refreshes every second or so",
          buys: "new content is searchable in seconds",
          costs: "a continuously running indexer with checkpoints",
          winsWhen: "users expect to find what was just posted",
        },
        {
          id: "batch",
          name: "rebuild the index every few hours",
          buys: "simple, cheap, reproducible",
          costs: "hours of staleness; deletes linger",
          winsWhen: "content changes slowly (a catalogue)",
          wins: [
            {
              words: "\\bcatalog(?:ue)?s?\\b",
              unless: "\\b(?:stock|inventory|prices?|posts?|posted|real[- ]time|live|seconds?|instantly)\\b",
            },
          ],
        },
      ],
      rules: [
        {
          // a catalogue the prompt names, with nothing in it that changes by the second (stock, prices, posts)
          when: [
            {
              words: String.raw`\bcatalog(?:ue)?s?\b`,
              unless: String.raw`\b(?:stock|inventory|prices?|posts?|posted|real[- ]time|live|seconds?|instantly)\b`,
            },
          ],
          option: "batch",
          because:
            "the content searched is a catalogue that changes slowly, so a rebuild every few hours keeps it current",
        },
      ],
      fallback: { option: "near-real-time", because: "user content is expected to be searchable soon after posting" },
    },
  ],
  failures: [
    {
      failure: "A new or edited {doc} does not show in results for a while",
      prevention: "index from the change stream with a checkpoint and a bounded refresh interval",
      repair: "replay the change stream from the last checkpoint",
      role: "derived",
    },
    {
      failure: "A deleted {doc} still shows up in results",
      prevention:
        "deletes travel the same change stream as edits, and results are checked against the store before display",
      repair: "re-send the delete for ids the check rejects",
      role: "derived",
    },
    {
      failure: "The index is lost or its mapping must change",
      prevention: "the index is derived: it can be rebuilt from the source of truth",
      repair: "build a new index beside the old one and switch an alias to it",
      role: "derived",
    },
  ],
  technology: [
    {
      layer: "serving",
      product: "Elasticsearch or OpenSearch",
      fits: "inverted index over {docs} with relevance ranking and aliases for rebuilds",
    },
  ],
  topology: {
    components: [
      {
        id: "search-service",
        name: "Search service",
        kind: "service",
        runs: ["parse query", "scatter to shards", "merge and rank"],
        because: "queries every index shard and merges the top results",
      },
      {
        id: "search-index",
        name: "Search index cluster (sharded by doc id)",
        kind: "replica-group",
        holds: ["SearchIndex"],
        because: "inverted index shards with replicas for query throughput",
      },
      {
        id: "indexer",
        name: "Indexer workers",
        kind: "worker-pool",
        runs: ["consume changes", "tokenise", "upsert / delete docs", "checkpoint"],
        because: "keeps the index in step with the source, resumable from its checkpoint",
      },
      {
        id: "change-stream",
        name: "Change stream (CDC)",
        kind: "log",
        holds: ["ChangeEvent"],
        because: "every committed create, edit and delete in order, so the indexer misses nothing",
      },
    ],
    links: [
      { from: "gateway", to: "search-service", kind: "request", label: "search" },
      { from: "search-service", to: "search-index", kind: "request", label: "query shards" },
      { from: "change-stream", to: "indexer", kind: "stream", label: "changes" },
      { from: "indexer", to: "search-index", kind: "request", label: "upsert / delete" },
    ],
    api: [
      {
        operation: "search",
        call: "GET /v1/search?q={query}&cursor={cursor}",
        request: ["q", "cursor", "filters"],
        response: ["results[]", "next_cursor"],
        errors: ["400 query too long"],
        guarantee: "results reflect the source up to the indexer's lag",
      },
    ],
    dataModel: [
      {
        entity: "SearchIndex",
        key: ["doc_id"],
        fields: ["terms", "author_id", "created_at", "visibility"],
        indexes: ["inverted(terms)", "created_at"],
        partitionKey: "doc_id",
        owner: "search-index",
      },
    ],
    entry: "search-service",
    stateOwner: "search-index",
  },
};
