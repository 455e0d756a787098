import { fig, inp, perUserDaily } from "./helpers.js";
import type { FeatureEntry } from "./index.js";

export const COUNTERS: FeatureEntry = {
  id: "counters",
  name: "Likes and view counts",
  summary:
    "A like is a row (user, item) that exists once; the count shown is an aggregate of those rows, folded in batches from an event stream so one viral item does not melt one key. View counts may be approximate.",
  signals: [
    // "like" is a stop word ("a system like X"): a phrase led by it would match on its other words alone, so a
    // like is named by its other forms ("likes", "liking")
    "likes",
    "liking",
    "likes on",
    "view count",
    "counter",
    "upvote count",
    "kudos",
    "hearts",
    "reactions",
  ],
  terms: { item: "post", like: "like", reaction: "like", reactions: "likes" },
  promptNouns: { item: ["video", "photo", "post", "comment", "song", "article"] },
  actions: [
    {
      action: "{like} a {item}",
      shape: "create target",
      entity: "{Reaction}",
      critical: false,
      substrate: "I16",
      mechanism: "put-if-absent",
    },
    {
      action: "fold new {reactions} into each {item}'s count",
      shape: "async process",
      entity: "Counter",
      critical: false,
      hidden: true,
      substrate: "I05",
      mechanism: "consumer-offsets",
    },
    {
      action: "see a {item}'s {reaction} count",
      shape: "read projection",
      entity: "Counter",
      critical: false,
      substrate: "I06",
    },
  ],
  entities: [
    { name: "{Reaction}", description: "(item, user) exists once; the source of truth for who liked what" },
    { name: "Counter", description: "per item: the aggregated count, possibly split into shards for hot items" },
  ],
  nfrs: [
    "a user's {like} counts once, however often they tap",
    "counts may lag by seconds and may be approximate for views; they never go negative",
    "one viral {item} must not overload a single key",
  ],
  substrates: [
    { id: "I16", role: "substrate", why: "each like is per-(item, user) key state" },
    { id: "I05", role: "input", why: "like and view events are batched from a log into counts" },
    {
      id: "I06",
      role: "output",
      why: "counts and rankings are derived views",
      record: {
        entity: "Counter",
        why: "the aggregators fold logged events into each item's counter row, so the counter is the derived view: no search index of its own",
      },
    },
  ],
  hotspot: {
    figure: "hot_item_likes_per_sec",
    bottleneck:
      "Hot counter: every {reaction} on a viral {item} lands on its one counter row, which serialises every increment",
    mitigation:
      "split the hot counter into sub-counters summed on read, or buffer increments and apply them in batches, keeping the per-user {reaction} record as the source of truth",
  },
  capacity: {
    inputs: [
      inp("users", 200e6, "daily active users"),
      perUserDaily("likes_per_user_per_day", "likes", 10, "people like a handful of items a day"),
      inp("hot_key_share", 0.001, "a viral item can draw a tenth of a percent of all likes"),
      inp("like_bytes", 40, "two ids and a timestamp"),
    ],
    figures: [
      fig("likes_per_sec", "likes per second", "rate", "users * likes_per_user_per_day / 86400", "writes/s"),
      fig("peak_likes_per_sec", "peak likes per second", "peak", "likes_per_sec * peak_factor", "writes/s"),
      fig(
        "hot_item_likes_per_sec",
        "likes per second on one viral item",
        "hotspot",
        "peak_likes_per_sec * hot_key_share",
        "writes/s",
      ),
      fig(
        "like_bytes_per_year",
        "like storage added per year",
        "growth",
        "likes_per_sec * 86400 * 365 * like_bytes",
        "B",
      ),
    ],
  },
  decisions: [
    {
      id: "counter-writes",
      question: "Increment the count on every like, or fold likes into counts in batches?",
      options: [
        {
          id: "direct-increment",
          name: "atomic increment on the item's counter per like",
          buys: "exact counts at once",
          costs: "a viral item's counter becomes one hot key",
          winsWhen: "no item draws more writes than one key can take",
          implies: { draws: ["engagement-service>counter-cache[increment per like]"] },
        },
        {
          id: "batched",
          name: "like events on a log, aggregated per item in batches (or sharded counters)",
          buys: "one write per batch per item; bursts are absorbed by the log",
          costs: "counts lag by seconds",
          winsWhen: "some items draw hundreds or thousands of likes a second",
          wins: [{ number: "hot_item_likes_per_sec", atLeast: 100 }],
          implies: { draws: ["count-aggregator>counter-cache[increment by batch]"] },
        },
      ],
      rules: [
        {
          when: [{ number: "hot_item_likes_per_sec", atLeast: 100 }],
          option: "batched",
          because: "a viral item would take more increments a second than one key should",
        },
      ],
      fallback: { option: "direct-increment", because: "even the hottest item stays within one key's write rate" },
    },
    {
      id: "counter-exactness",
      question: "Exact counts everywhere, or approximate counts for views and unique viewers?",
      options: [
        {
          id: "exact-likes-approx-views",
          name: "exact likes (one row each) and approximate unique views (HyperLogLog sketches)",
          buys: "likes stay exact while view counting costs a few kilobytes per item",
          // redis.io, "HyperLogLog" data type page: a 12 KB Redis HyperLogLog has a standard error of 0.81%
          costs: "unique view counts carry a small error (a standard error of 0.81% for Redis's 12 KB HyperLogLog)",
          winsWhen: "views vastly outnumber likes and nobody audits them",
        },
        {
          id: "all-exact",
          name: "exact counts for everything",
          buys: "numbers that can be audited",
          costs: "a row or set member per view",
          winsWhen: "counts drive money (ad billing, payouts)",
          // the prompt pays or bills on the counts
          wins: [
            {
              words: String.raw`\b(?:bill(?:s|ed|ing|able)?|invoic\w*|payouts?|paid per|pay(?:s|ing)? (?:out|per)|royalt\w*|revenue share|charg(?:e|ed|es) per)\b`,
            },
          ],
        },
      ],
      rules: [],
      fallback: { option: "exact-likes-approx-views", because: "displayed view counts tolerate a small error" },
    },
  ],
  failures: [
    {
      failure: "A hot {item} receives so many {reactions} that its one counter row becomes the bottleneck",
      prevention: "split the counter into shards summed on read, or buffer increments and flush them in batches",
      repair: "recount from the {reaction} rows",
      role: "derived",
    },
    {
      failure: "A retried {like} counts twice",
      prevention: "store each {reaction} keyed by (user, {item}) and derive the count from the stored rows",
      repair: "recount the {item} from its {reaction} rows",
      role: "truth",
    },
    {
      failure: "The shown count lags the true one",
      prevention:
        "counts are approximate and refreshed every few seconds; the user's own {like} is shown from their write",
      repair: "the next flush catches the count up",
      role: "derived",
    },
  ],
  technology: [
    {
      layer: "serving",
      product: "Redis",
      fits: "INCRBY on in-memory counters, flushed to the store in batches",
    },
    {
      layer: "storage",
      product: "Apache Cassandra counter columns",
      fits: "",
      poorFor: "a counter update is not idempotent, so a timed-out increment cannot be retried safely and counts drift",
    },
  ],
  topology: {
    components: [
      {
        id: "engagement-service",
        name: "Engagement service",
        kind: "service",
        runs: ["like / unlike", "read counts"],
        because: "records who liked what idempotently and emits a like event",
      },
      {
        id: "like-store",
        name: "Like store (partitioned by item)",
        kind: "store",
        holds: ["Like"],
        because: "the truth of who liked what; a count can always be rebuilt from it",
      },
      {
        id: "engagement-log",
        name: "Engagement event log",
        kind: "log",
        holds: ["LikeEvent", "ViewEvent"],
        because: "absorbs bursts on viral items; aggregators consume it at their own pace",
      },
      {
        id: "count-aggregator",
        name: "Count aggregators",
        kind: "worker-pool",
        runs: ["batch events per item", "fold views into sketches", "add to counters"],
        because: "one add of N per batch replaces N writes to the hot key; view events become approximate counts",
      },
      {
        id: "counter-cache",
        name: "Counter cache",
        kind: "cache",
        holds: ["Counter"],
        because: "counts are read on every view of an item",
      },
    ],
    links: [
      { from: "gateway", to: "engagement-service", kind: "request", label: "like / read count" },
      { from: "engagement-service", to: "like-store", kind: "request", label: "insert like if absent" },
      { from: "engagement-service", to: "engagement-log", kind: "stream", label: "like / view events" },
      { from: "engagement-log", to: "count-aggregator", kind: "stream", label: "consume in batches" },
      { from: "count-aggregator", to: "counter-cache", kind: "request", label: "increment by batch" },
      { from: "count-aggregator", to: "counter-cache", kind: "request", label: "merge view sketches" },
      { from: "engagement-service", to: "counter-cache", kind: "request", label: "increment per like" },
      { from: "engagement-service", to: "counter-cache", kind: "request", label: "read counts" },
    ],
    api: [
      {
        operation: "{like} a {item}",
        call: "PUT /v1/items/{item_id}/likes/me",
        request: ["item_id"],
        response: ["liked", "approx_count"],
        errors: ["404 unknown item"],
        guarantee: "idempotent: one like per (item, user)",
      },
      {
        operation: "read a {reaction} count",
        call: "GET /v1/items/{item_id}/likes/count",
        request: ["item_id"],
        response: ["count", "as_of"],
        errors: ["404 unknown item"],
        guarantee: "counts every acknowledged like; a count folded in batches lags by up to one batch",
      },
    ],
    dataModel: [
      {
        entity: "Like",
        key: ["item_id", "user_id"],
        fields: ["created_at"],
        indexes: ["(user_id, created_at desc)"],
        partitionKey: "item_id",
        owner: "like-store",
      },
      {
        entity: "Counter",
        key: ["item_id", "shard"],
        fields: ["count", "applied_offset"],
        indexes: [],
        partitionKey: "item_id",
        owner: "counter-cache",
      },
    ],
    entry: "engagement-service",
    stateOwner: "like-store",
  },
};
