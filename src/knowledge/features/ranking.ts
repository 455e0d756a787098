import { fig, inp } from "./helpers.js";
import type { FeatureEntry } from "./index.js";

export const RANKING: FeatureEntry = {
  id: "ranking",
  name: "Ranking posts by votes",
  summary:
    "Users vote items up or down; each vote is one overwritable row per (user, item). Lists such as hot, top and new are projections ordered by a score that mixes net votes with age, recomputed as votes arrive. Reddit's published hot score, for one, adds log10 of the net votes to the age in seconds divided by 45000, so ten times the votes buys 12.5 hours of freshness.",
  signals: ["upvote", "downvote", "vote on posts", "voting", "hot posts", "top posts", "front page", "rank posts"],
  terms: { post: "post", community: "community" },
  actions: [
    {
      action: "upvote or downvote a {post}",
      shape: "overwrite current value",
      entity: "Vote",
      critical: true,
      substrate: "I16",
      mechanism: "versioned-overwrite",
    },
    {
      action: "recompute the {post}'s score and its place in the ranked lists",
      shape: "async process",
      entity: "RankedList",
      critical: false,
      hidden: true,
      substrate: "I06",
      mechanism: "projector-checkpoint",
    },
    {
      action: "view the hot {posts} of a {community}",
      shape: "read projection",
      entity: "RankedList",
      critical: false,
      substrate: "I06",
      mechanism: "derived-view-read",
    },
    {
      action: "submit a {post} to a {community}",
      shape: "create target",
      entity: "{Post}",
      critical: false,
      substrate: "I16",
      mechanism: "insert-primary",
    },
  ],
  entities: [
    { name: "Vote", description: "(item, user) -> +1 / -1 / 0; the truth behind every score" },
    { name: "{Post}", description: "the item being ranked: author, community, created, net score" },
    { name: "RankedList", description: "per community and sort: the top few hundred ids with scores" },
  ],
  nfrs: [
    "one vote per user per {post}; changing it replaces it",
    "ranked lists may lag votes by seconds and are served from cache",
  ],
  substrates: [
    { id: "I16", role: "substrate", why: "a vote is per-(user, item) key state" },
    { id: "I06", role: "output", why: "hot and top lists are derived views ordered by score" },
    { id: "I05", role: "input", why: "vote events feed the score recompute in batches" },
  ],
  capacity: {
    inputs: [
      inp("users", 50e6, "daily active users of a large forum"),
      inp("votes_per_user_per_day", 5, "a few votes per visit"),
      inp("communities", 100000, "communities with their own ranked lists"),
      inp("list_length", 1000, "ranked ids kept per list"),
    ],
    figures: [
      fig("votes_per_sec", "votes per second", "rate", "users * votes_per_user_per_day / 86400", "writes/s"),
      fig("peak_votes_per_sec", "peak votes per second", "peak", "votes_per_sec * peak_factor", "writes/s"),
      fig(
        "ranked_list_bytes",
        "memory for every ranked list (id plus score)",
        "storage",
        "communities * list_length * ranked_entry_bytes * sorts_per_community",
        "B",
      ),
    ],
  },
  decisions: [
    {
      id: "ranking-score",
      question: "Rank by net votes alone, or by a score that decays with age?",
      options: [
        {
          id: "time-decayed",
          name: "time-decayed score (e.g. Reddit's hot: log10 of net votes plus age / 45000 s)",
          buys: "fresh posts reach the top; ten times the votes buys 12.5 hours",
          costs: "scores must be recomputed or rely on submission time only",
          winsWhen: "the front page should change through the day",
        },
        {
          id: "net-votes",
          name: "net votes within a time window (top of the day, week)",
          buys: "simple and explainable",
          costs: "old posts dominate unless a window is chosen",
          winsWhen: "users ask for the best of a period",
          // the prompt asks for the best of a period
          wins: [
            {
              words: String.raw`\b(?:top|best|most (?:upvoted|voted)) (?:posts? )?(?:of|this|for the) (?:the )?(?:day|week|month|year|all[- ]time)\b|\ball[- ]time (?:top|best)\b`,
            },
          ],
        },
      ],
      rules: [],
      fallback: { option: "time-decayed", because: "a front page must turn over as new posts arrive" },
    },
    {
      id: "ranking-recompute",
      question: "Update the ranked lists on every vote, or recompute them in batches?",
      options: [
        {
          id: "per-vote",
          name: "adjust the item's position on every vote",
          buys: "lists reflect votes at once",
          costs: "a write to a sorted set per vote; hot posts hammer one list",
          winsWhen: "votes per second are modest",
        },
        {
          id: "batched",
          name: "recompute scores from the vote stream every few seconds",
          buys: "one update per item per batch",
          costs: "lists lag by the batch interval",
          winsWhen: "votes arrive by the thousands per second",
          wins: [{ number: "peak_votes_per_sec", atLeast: 1000 }],
        },
      ],
      rules: [
        {
          when: [{ number: "peak_votes_per_sec", atLeast: 2000 }],
          option: "batched",
          because: "thousands of votes a second would turn each hot list into a write hotspot",
        },
      ],
      fallback: { option: "per-vote", because: "the vote rate is modest" },
    },
  ],
  invariants: [
    {
      action: "upvote or downvote a {post}",
      statement:
        "Each user has at most one vote per {post}: the vote is keyed by (user, {post}), a change overwrites it and the score moves by the difference, so retries and re-votes never count twice.",
    },
  ],
  failures: [
    {
      failure: "A retried or repeated vote counts twice",
      prevention:
        "votes are keyed by (user, {post}); the score moves by the difference between the old and the new vote",
      repair: "recount the {post}'s score from its vote rows",
      role: "truth",
    },
    {
      failure: "A viral {post} draws thousands of votes a second onto one score row",
      prevention:
        "buffer votes and apply them to the score in batches, or split the counter into shards summed on read",
      repair: "catch the score up from the vote rows",
      role: "derived",
    },
    {
      failure: "The hot list of a {community} goes stale while scores keep moving",
      prevention:
        "recompute hot scores of recently active {posts} on a short schedule; the list is a cache, not the truth",
      repair: "rebuild the list from the current scores",
      role: "derived",
    },
    {
      failure: "Vote rings or bots push a {post} up",
      prevention: "rate-limit votes per account and discount votes from new or linked accounts",
      repair: "void the fraudulent votes and recompute the score",
      role: "truth",
    },
  ],
  technology: [
    {
      layer: "storage",
      product: "PostgreSQL",
      fits: "{posts} and votes, with a unique key on (user, {post})",
    },
    {
      layer: "serving",
      product: "Redis sorted sets",
      fits: "each {community}'s ranked list, ordered by hot score",
    },
  ],
  topology: {
    components: [
      {
        id: "vote-service",
        name: "Vote service",
        kind: "service",
        runs: ["cast / change vote", "adjust net score"],
        because: "replaces the user's previous vote and applies the difference to the item's score",
      },
      {
        id: "vote-store",
        name: "Vote store (partitioned by item)",
        kind: "store",
        holds: ["Vote", "Post"],
        because: "votes and posts with their net score",
      },
      {
        id: "ranker",
        name: "Ranking workers",
        kind: "worker-pool",
        runs: ["recompute score", "update ranked lists"],
        because: "the score depends on votes and age, so lists are refreshed as votes arrive and as time passes",
      },
      {
        id: "ranked-cache",
        name: "Ranked list cache",
        kind: "cache",
        holds: ["RankedList"],
        because: "front pages are the most read lists; each is a sorted set per community",
      },
    ],
    links: [
      { from: "gateway", to: "vote-service", kind: "request", label: "vote / submit" },
      { from: "vote-service", to: "vote-store", kind: "request", label: "upsert vote + adjust score" },
      { from: "vote-store", to: "ranker", kind: "stream", label: "score changes" },
      { from: "ranker", to: "ranked-cache", kind: "request", label: "update sorted sets" },
      { from: "gateway", to: "ranked-cache", kind: "request", label: "read hot / top" },
    ],
    api: [
      {
        operation: "vote",
        call: "PUT /v1/posts/{post_id}/vote",
        request: ["post_id", "direction (+1, 0, -1)"],
        response: ["net_score"],
        errors: ["404 unknown post", "403 archived"],
        guarantee: "idempotent: the user's vote is replaced, never added twice",
      },
      {
        operation: "list ranked {posts}",
        call: "GET /v1/communities/{community}/posts?sort=hot&after={cursor}",
        request: ["community", "sort", "after"],
        response: ["posts[]", "after"],
        errors: [],
        guarantee: "ordered by the score as of the last recompute",
      },
    ],
    dataModel: [
      {
        entity: "Vote",
        key: ["post_id", "user_id"],
        fields: ["direction", "updated_at"],
        indexes: ["(user_id, updated_at desc)"],
        partitionKey: "post_id",
        owner: "vote-store",
      },
      {
        entity: "RankedList",
        key: ["community", "sort"],
        fields: ["sorted(post_id, score)"],
        indexes: [],
        partitionKey: "community",
        owner: "ranked-cache",
      },
    ],
    entry: "vote-service",
    stateOwner: "vote-store",
  },
};
