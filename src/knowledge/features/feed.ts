import { fig, inp, perUserDaily } from "./helpers.js";
import type { FeatureEntry } from "./index.js";
import { FEED_PROTOCOLS } from "./protocols.js";

export const FEED: FeatureEntry = {
  id: "feed",
  name: "Home feed / timeline",
  summary:
    "Each reader sees the newest posts of the accounts they follow. The feed is a per-reader projection of the post log: written ahead of time for most authors, merged at read time for authors with huge audiences.",
  signals: ["news feed", "home feed", "timeline", "feed", "followers see", "posts from people they follow"],
  terms: { post: "post", feed: "home feed", user: "user" },
  // fan-out on write reads who follows the author: a feed stands on the follow graph's follower index
  requires: ["graph"],
  promptNouns: { post: ["photo", "video", "tweet", "story", "article", "post"] },
  actions: [
    {
      action: "publish a {post}",
      shape: "create target",
      entity: "{Post}",
      critical: true,
      substrate: "I06",
      mechanism: "transactional-outbox",
    },
    {
      action: "fan the new {post} out to each follower's {feed}",
      shape: "async process",
      entity: "FeedEntry",
      critical: false,
      hidden: true,
      substrate: "I06",
      mechanism: "projector-checkpoint",
    },
    {
      action: "view the {feed}",
      shape: "read projection",
      entity: "FeedEntry",
      critical: false,
      substrate: "I06",
      mechanism: "derived-view-read",
    },
    {
      action: "view a {user}'s own {posts}",
      shape: "read source",
      entity: "{Post}",
      critical: false,
      substrate: "I16",
    },
  ],
  entities: [
    { name: "{Post}", description: "what an author published: author, text, media references, created time" },
    { name: "FeedEntry", description: "a (reader, post id, time) row of one reader's precomputed feed" },
  ],
  nfrs: [
    "a new {post} reaches followers' feeds within seconds (eventual, not linearizable)",
    "the {feed} loads in well under a second, so it is served from a precomputed cache",
    "a published {post} is never lost, even if fan-out is delayed",
  ],
  stance: {
    consistency: "eventual",
    availability: "stay-available",
    because:
      "a new {post} reaches followers' feeds within seconds, not at once, and a feed served slightly stale beats no feed",
  },
  substrates: [
    { id: "I05", role: "input", why: "published posts go into a log that the fan-out workers consume in order" },
    {
      id: "I06",
      role: "substrate",
      why: "the feed is a projection of the post log per reader, rebuilt from it when lost",
      record: {
        entity: "FeedEntry",
        why: "the fan-out workers push each post id onto its followers' capped lists keyed by (reader, post id), so the lists are the projection: no search index, refresh or index shards of its own",
      },
    },
    { id: "I07", role: "decorator", why: "recent feeds and hot posts are served from an in-memory cache" },
  ],
  hotspot: {
    figure: "fanout_writes_per_sec",
    bottleneck:
      "Fan-out on write: each {post} is inserted into every follower's {feed}, so one account with millions of followers turns one {post} into millions of inserts",
    mitigation:
      "push to followers' {feeds} for ordinary accounts, merge the {posts} of accounts with very many followers at read time, and partition the {feed} store by reader",
  },
  capacity: {
    inputs: [
      inp("users", 200e6, "daily active users of a large social app"),
      {
        ...perUserDaily(
          "posts_per_user_per_day",
          "posts",
          0.5,
          "most users read; a minority posts once or twice a day",
        ),
        from: [
          { expression: "posts_per_day / users", why: "the stated posts a day shared over the users" },
          {
            expression: "uploads_per_day / users",
            why: "each stated photo or video upload is published as a post",
          },
        ],
      },
      inp("feed_reads_per_user_per_day", 20, "people open the app and refresh the feed many times a day"),
      inp("followers_per_user", 200, "the average follower count; the distribution is heavily skewed"),
      inp(
        "celebrity_follower_share",
        0.25,
        "the most-followed accounts reach a large share of all users (tens of millions on the largest networks)",
      ),
      // a new post is visible once the outbox relay reads its commit, the fan-out consumer reaches it on the post
      // log, and the workers have pushed its id onto every follower's list; a stated freshness bound leaves the push
      // what the relay and the log do not use of its planned share, and that push time sets the celebrity threshold
      {
        quantity: "capture_lag_seconds",
        typical: 1,
        why: "an outbox relay (or change-data-capture connector) reads the post store's commits about a second behind when it keeps up (a planning figure; alert on its lag)",
        from: {
          expression: "propagation_seconds * stage_share",
          why: "a tight freshness bound holds the relay to its share of it",
          atMost: 1,
        },
      },
      {
        quantity: "log_lag_seconds",
        typical: 1,
        why: "a fan-out consumer that keeps up trails the post log's head by about a second (a planning figure; alert on consumer lag)",
        from: {
          expression: "propagation_seconds * stage_share",
          why: "a tight freshness bound holds the fan-out consumer's lag to its share of it",
          atMost: 1,
        },
      },
      {
        quantity: "fanout_seconds",
        typical: 2,
        why: "pushing one post to every follower below the threshold is planned to take about two seconds (a planning figure)",
        from: {
          expression: "propagation_seconds * (1 - bound_headroom) - capture_lag_seconds - log_lag_seconds",
          why: "the share of the stated freshness planned for use (the rest kept spare for a slow step), less the relay's and the fan-out consumer's lag",
        },
      },
      inp(
        "fanout_inserts_per_sec",
        100000,
        "one post's follower list is read in pages that many fan-out workers push in parallel, each pipelining its list inserts to the reader shards, so one post reaches about a hundred thousand lists a second (a planning figure; measure it)",
      ),
      inp("post_bytes", 1000, "text, ids and media references of one post (media bytes live in the object store)"),
      inp("feed_length", 800, "a precomputed feed keeps the newest few hundred post ids"),
    ],
    // loading one page: the reader's list from the feed cache, the celebrities' recent posts merged at read, the
    // page's posts fetched by id, then merged and ordered in the feed service
    latencyPath: {
      serves: "one feed page",
      steps: [
        "client_rtt_seconds",
        "gateway_seconds",
        "cache_read_seconds",
        "celebrity_pull_seconds",
        "hydrate_seconds",
        "merge_rank_seconds",
      ],
      inputs: [
        inp(
          "celebrity_pull_seconds",
          0.01,
          "the few followed accounts above the threshold are read in parallel, one short range read each, so the slowest sets the cost (a planning figure)",
        ),
        inp(
          "hydrate_seconds",
          0.015,
          "a page's twenty or so posts sit on several post-store shards, read in parallel; the page waits for the slowest, which runs past one read's 10 ms tail (a planning figure)",
        ),
        inp(
          "merge_rank_seconds",
          0.01,
          "merging a few hundred candidate ids, ordering them and encoding one page is a few milliseconds of the service's own time (a planning figure)",
        ),
      ],
    },
    figures: [
      fig("posts_per_sec", "posts published per second", "rate", "users * posts_per_user_per_day / 86400", "posts/s"),
      fig(
        "feed_reads_per_sec",
        "feed reads per second",
        "rate",
        "users * feed_reads_per_user_per_day / 86400",
        "reads/s",
      ),
      fig(
        "peak_feed_reads_per_sec",
        "peak feed reads per second",
        "peak",
        "feed_reads_per_sec * peak_factor",
        "reads/s",
      ),
      fig("reads_per_post", "feed reads per post published", "count", "feed_reads_per_sec / posts_per_sec", "reads"),
      fig(
        "fanout_writes_per_sec",
        "feed inserts per second if every post is pushed",
        "fan-out",
        "posts_per_sec * followers_per_user",
        "writes/s",
      ),
      fig(
        "celebrity_post_inserts",
        "feed inserts one celebrity post would cost if pushed",
        "hotspot",
        "users * celebrity_follower_share",
        "writes",
      ),
      fig(
        "celebrity_threshold",
        "followers above which an author's posts are merged at read time instead of pushed (the most one post can be pushed to in the push time)",
        "count",
        "fanout_seconds * fanout_inserts_per_sec",
        "followers",
      ),
      {
        ...fig(
          "post_visible_seconds",
          "longest time from a post's commit to its id in every pushed follower's list (relay lag + post-log lag + push to an author at the threshold)",
          "time",
          "capture_lag_seconds + log_lag_seconds + fanout_seconds",
          "s",
        ),
        bound: "propagation_seconds",
      },
      fig(
        "post_bytes_per_year",
        "post storage added per year",
        "growth",
        "posts_per_sec * 86400 * 365 * post_bytes",
        "B",
      ),
      fig(
        "feed_cache_bytes",
        "memory for every reader's feed list (8-byte ids)",
        "storage",
        "users * feed_length * id_bytes",
        "B",
      ),
    ],
  },
  decisions: [
    {
      id: "feed-fanout",
      question: "Build each feed when a post is written (push) or when the feed is read (pull)?",
      options: [
        {
          id: "push",
          name: "fan-out on write",
          buys: "a feed read is one lookup of a precomputed list",
          costs: "one insert per follower per post; a celebrity post means millions of inserts",
          winsWhen: "reads far outnumber posts and no author has a huge audience",
        },
        {
          id: "pull",
          name: "fan-out on read",
          buys: "a post is one write; nothing is precomputed for inactive readers",
          costs: "every feed read gathers and merges the recent posts of everyone followed",
          winsWhen: "the user base is small or feeds are rarely opened",
          wins: [{ number: "users", below: 100000 }],
        },
        {
          id: "hybrid",
          name: "push for most authors, pull for authors above a follower threshold",
          buys: "cheap reads for everyone while a celebrity post costs one write",
          costs: "two read paths to merge, and a threshold to tune",
          winsWhen: "reads dominate and follower counts are skewed, with some accounts far above the threshold",
          wins: [{ number: "celebrity_post_inserts", atLeast: 100000 }],
        },
      ],
      rules: [
        {
          when: [{ number: "users", below: 100000 }],
          option: "pull",
          because: "with few users a read-time merge is cheap and nothing needs precomputing",
        },
        {
          when: [{ number: "celebrity_post_inserts", atLeast: 100000 }],
          option: "hybrid",
          because: "some authors have so many followers that pushing one post would take minutes of inserts",
        },
      ],
      fallback: { option: "push", because: "reads dominate and no author is large enough to make pushing slow" },
    },
    {
      id: "feed-storage",
      question: "Keep each reader's feed in memory or in a durable table?",
      options: [
        {
          id: "memory-list",
          name: "capped in-memory sorted set per reader (Redis-style)",
          buys: "millisecond reads; each post id is one member scored by its time, so a replayed push rewrites the same member instead of adding a second, and the set is a projection that can be rebuilt from posts and follows",
          costs: "memory for every active reader; a lost node means rebuilding those feeds",
          winsWhen: "the feed is a rebuildable projection and reads must be fast",
        },
        {
          id: "durable-table",
          name: "wide-column table keyed by reader",
          buys: "survives restarts and holds long histories cheaply on disk",
          costs: "slower reads and heavy write load from fan-out",
          winsWhen: "feeds must keep long histories or memory is too costly for the reader count",
          wins: [{ number: "feed_cache_bytes", atLeast: 10000000000000 }],
        },
      ],
      rules: [
        {
          when: [{ number: "feed_cache_bytes", atLeast: 1e13 }],
          option: "durable-table",
          because: "the lists for every reader would need more than ten terabytes of memory",
        },
      ],
      fallback: {
        option: "memory-list",
        because: "the lists fit in a memory cluster and are rebuildable from the post store",
      },
    },
  ],
  invariants: [
    {
      action: "publish a {post}",
      statement:
        "A published {post} reaches each follower's {feed} once (fanned out on write, or merged at read time for accounts with very many followers) and never appears twice.",
    },
  ],
  failures: [
    {
      failure: "An account with millions of followers publishes and the fan-out backlog delays every {feed}",
      prevention: "fan out on write only for ordinary accounts; merge very large accounts' {posts} at read time",
      repair: "drain the backlog; readers still see those {posts} through the read-time merge",
      role: "derived",
    },
    {
      failure: "A fan-out worker crashes half way through a follower list",
      prevention:
        "{feed} entries are keyed by (follower, {post} id), so a replay writes nothing new; the worker checkpoints its place",
      repair: "resume from the checkpoint",
      role: "derived",
    },
    {
      failure: "A deleted {post} stays in followers' {feeds}",
      prevention: "{feeds} hold {post} ids and hydrate on read, dropping deleted ones",
      repair: "fan out a removal for the deleted id",
      role: "derived",
    },
  ],
  technology: [
    {
      // the post and its outbox row commit in one transaction, which needs a store with multi-row transactions
      layer: "storage",
      product: "PostgreSQL or MySQL sharded by author",
      fits: "{posts} with their outbox rows, each {post} and its row committed in one transaction on the author's shard",
    },
    {
      layer: "storage",
      product: "Apache Cassandra",
      fits: "per-user {feed} entries partitioned by reader and ordered by time, kept on disk",
      chosen: { decision: "feed-storage", option: "durable-table" },
    },
    {
      layer: "serving",
      product: "Redis",
      fits: "the newest few hundred {feed} entries of each active user in memory",
    },
    {
      layer: "coordination",
      product: "Apache Kafka",
      fits: "the stream of new {posts} the fan-out workers consume",
    },
  ],
  topology: {
    components: [
      {
        id: "post-service",
        name: "Post service",
        kind: "service",
        holds: ["Post"],
        runs: ["publish a post", "read a user's posts"],
        because: "owns the post table and writes the post plus its outbox event in one transaction",
      },
      {
        id: "post-store",
        name: "Post store (sharded by author)",
        kind: "store",
        holds: ["Post"],
        because: "the authoritative copy of every post; feeds only hold post ids",
      },
      {
        id: "post-log",
        name: "Post event log",
        kind: "log",
        holds: ["PostCreated events"],
        because: "decouples publishing from fan-out so a slow fan-out never blocks the author",
      },
      {
        id: "fanout-workers",
        name: "Fan-out workers",
        kind: "worker-pool",
        runs: ["fan a post out to followers' feeds"],
        because: "push each post id into the feed of every follower, skipping authors above the celebrity threshold",
      },
      {
        id: "feed-cache",
        name: "Feed cache (per-reader lists)",
        kind: "cache",
        holds: ["FeedEntry"],
        because: "a bounded list of recent post ids per reader makes the feed read one lookup",
      },
      {
        id: "feed-service",
        name: "Feed service",
        kind: "service",
        runs: ["view the home feed"],
        because: "reads the reader's list, merges recent posts of followed celebrities, hydrates post bodies",
      },
    ],
    links: [
      { from: "gateway", to: "post-service", kind: "request", label: "publish post" },
      { from: "gateway", to: "feed-service", kind: "request", label: "get feed" },
      { from: "post-service", to: "post-store", kind: "request", label: "insert post + outbox row" },
      { from: "post-store", to: "post-log", kind: "stream", label: "outbox relay: PostCreated" },
      { from: "post-log", to: "fanout-workers", kind: "stream", label: "consume posts" },
      { from: "fanout-workers", to: "feed-cache", kind: "request", label: "push post id to followers' lists" },
      // the social graph's follower index, when the design has one: who receives the push
      { from: "fanout-workers", to: "follower-index", kind: "request", label: "list the author's followers" },
      { from: "feed-service", to: "feed-cache", kind: "request", label: "read reader's list" },
      { from: "feed-service", to: "post-store", kind: "request", label: "hydrate posts / celebrity posts" },
    ],
    api: [
      {
        operation: "publish a {post}",
        call: "POST /v1/posts",
        request: ["request_id", "text", "media_ids[]"],
        response: ["post_id", "created_at"],
        errors: ["400 media not processed", "409 duplicate request_id (returns the first post)"],
        guarantee: "the post is durable before 201; fan-out follows asynchronously and at least once",
      },
      {
        operation: "view the {feed}",
        call: "GET /v1/feed?cursor={cursor}&limit=20",
        request: ["cursor", "limit"],
        response: ["posts[]", "next_cursor"],
        errors: ["401 session expired"],
        guarantee: "newest first; may lag the newest posts by the fan-out delay; cursor pages are stable",
      },
    ],
    dataModel: [
      {
        entity: "Post",
        key: ["post_id"],
        fields: ["author_id", "text", "media_ids", "created_at"],
        indexes: ["(author_id, created_at desc)"],
        partitionKey: "author_id",
        owner: "post-store",
      },
      {
        entity: "FeedEntry",
        key: ["reader_id", "post_id"],
        fields: ["author_id", "created_at"],
        indexes: ["(reader_id, created_at desc)"],
        partitionKey: "reader_id",
        owner: "feed-cache",
      },
    ],
    entry: "post-service",
    stateOwner: "post-store",
    protocols: FEED_PROTOCOLS,
  },
};
