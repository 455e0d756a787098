import { REVERSE_LIST_AT_ONCE } from "../decisions/stated-conditions.js";
import { fig, inp } from "./helpers.js";
import type { FeatureEntry } from "./index.js";

export const GRAPH: FeatureEntry = {
  id: "graph",
  name: "Social graph (follow, friends, mutuals)",
  summary:
    "Who follows whom. The follow edge is stored once under the follower; the reverse list (who follows me) is a derived index kept by a projector, and counts are denormalised.",
  // "follow" counts only beside a person or what people follow them for: "a cart follows the shopper across devices"
  // is a cart kept per shopper, not a follow graph ("followers" stems to "follow" too)
  signals: [
    "follow user",
    "follow account",
    "follow people",
    "follow other",
    "follow creator",
    "follow artist",
    "follow celebrity",
    "follow post",
    "follow feed",
    "follow timeline",
    "social graph",
    "friends",
    "friend request",
    "connections",
    "mutual",
  ],
  terms: { user: "user", follow: "follow", unfollow: "unfollow", follows: "follows" },
  actions: [
    {
      action: "{follow} a {user}",
      shape: "create target",
      entity: "Follow",
      critical: true,
      substrate: "I16",
      mechanism: "put-if-absent",
    },
    {
      action: "{unfollow} a {user}",
      shape: "state transition",
      entity: "Follow",
      critical: false,
      substrate: "I16",
      mechanism: "tombstones",
    },
    {
      action: "keep the reverse list of who {follows} each {user} current",
      shape: "async process",
      entity: "FollowerIndex",
      critical: false,
      hidden: true,
      substrate: "I06",
      mechanism: "projector-checkpoint",
    },
    {
      action: "list a {user}'s followers",
      shape: "read projection",
      entity: "FollowerIndex",
      critical: false,
      substrate: "I06",
    },
    {
      action: "list who a {user} {follows}",
      shape: "read source",
      entity: "Follow",
      critical: false,
      substrate: "I16",
    },
  ],
  entities: [
    { name: "Follow", description: "the edge (follower, followee, since), stored under the follower" },
    { name: "FollowerIndex", description: "the reverse edge (followee, follower), derived, sharded by followee" },
  ],
  nfrs: [
    "following is idempotent: repeating the call leaves one edge",
    "follower lists may lag a follow by seconds; the follower's own list reads its writes",
  ],
  substrates: [
    { id: "I16", role: "substrate", why: "each edge is key-scoped state owned by the follower's shard" },
    {
      id: "I06",
      role: "output",
      why: "the followers-of list and the counts are projections of the edges",
      record: {
        entity: "FollowerIndex",
        why: "the reverse edges are rows keyed by (followee, follower), kept from the edge change stream, so they are the projection: no search index of its own",
      },
    },
  ],
  // a vertex's degree is heavily skewed: the most-followed accounts have tens of millions of followers, and the
  // reverse list is stored under the followee's key, so one partition holds all of it; reads of the graph outnumber
  // its writes by orders of magnitude (TAO, Bronson et al., USENIX ATC 2013: a billion reads and millions of writes a
  // second), so lists and counts are served from a cache in front of the store
  hotspot: {
    // only where people follow accounts: a small group of friends has no vertex with millions of edges
    topic: "followers",
    figure: "largest_follower_list_bytes",
    bottleneck:
      "The most-followed {user}: their followers list holds one edge per follower, tens of millions on a large network, under one followee key, so one partition stores it, takes every new {follow} of them and serves every read of who {follows} them",
    mitigation:
      "partition the lists by {user}, keep each list sorted by {follow} time so a page is one short range read and never the whole list, keep follower counts as denormalised counters, split a list past a few million edges into sub-partitions by (followee, bucket) read in parallel, and cache a hot {user}'s first pages and count on several cache nodes",
  },
  capacity: {
    inputs: [
      inp("users", 200e6, "daily active users of a large social app"),
      {
        ...inp("follows_per_user", 200, "the average number of accounts a user follows"),
        from: {
          expression: "followers_per_user",
          why: "on average a user follows as many accounts as follow them: every edge has one of each",
        },
      },
      inp("follow_changes_per_user_per_day", 0.2, "follows and unfollows are rare next to reads"),
      inp("edge_bytes", 64, "two ids, a timestamp and a state"),
      inp(
        "celebrity_follower_share",
        0.25,
        "the most-followed accounts reach a large share of all users (tens of millions on the largest networks)",
      ),
    ],
    figures: [
      fig("edges", "follow edges stored", "count", "users * follows_per_user", "edges"),
      fig("edge_bytes_total", "edge storage, both directions", "storage", "edges * edge_bytes * edge_copies", "B"),
      fig(
        "largest_follower_list_bytes",
        "the most-followed user's followers list, all under one followee key",
        "hotspot",
        "users * celebrity_follower_share * edge_bytes",
        "B",
      ),
      fig(
        "follow_writes_per_sec",
        "follow and unfollow writes per second",
        "rate",
        "users * follow_changes_per_user_per_day / 86400",
        "writes/s",
      ),
    ],
  },
  decisions: [
    {
      id: "graph-reverse-index",
      question: "Write both directions of a follow together, or derive the followers list asynchronously?",
      options: [
        {
          id: "async-projection",
          name: "store under the follower, derive the reverse edge from the change stream",
          buys: "a follow is one single-shard write; the reverse index can be rebuilt",
          costs: "the followed user's list lags by seconds",
          winsWhen: "a short lag in follower lists is acceptable",
        },
        {
          id: "two-sided-transaction",
          name: "write both edges in one cross-shard transaction",
          buys: "both lists agree at every moment",
          costs: "a distributed transaction on every follow",
          winsWhen:
            "the product needs both sides consistent (mutual friendship accepted by both), or a follow must show in the other side's list as soon as it is made",
          // the prompt asks for a relationship both sides accept, or for the reverse list to read the follow at once
          // (a projection from the change stream trails it by the stream's lag)
          wins: [
            {
              words: String.raw`\bmutual (?:friends?|friendships?|follows?|connections?)\b|\bfriend(?:ship)? requests?\b|\b(?:both|each) (?:sides?|users?|people|parties) (?:must |have to )?(?:accept|agree|confirm|approve)\b|${REVERSE_LIST_AT_ONCE}`,
            },
          ],
        },
      ],
      rules: [],
      fallback: { option: "async-projection", because: "follower lists tolerate seconds of lag" },
    },
    {
      id: "graph-store",
      question: "Adjacency lists in a sharded key-value or SQL store, or a graph database?",
      options: [
        {
          id: "adjacency-lists",
          name: "adjacency lists keyed by user",
          buys: "one-hop reads (who do I follow, who follows me) are single-partition scans",
          costs: "multi-hop queries (friends of friends) need several round trips",
          winsWhen: "the product only asks one-hop questions",
          implies: { preferTechnology: ["MySQL sharded by user id"] },
        },
        {
          id: "graph-db",
          name: "a graph database",
          buys: "expressive multi-hop traversals",
          costs: "harder to shard at hundreds of millions of users",
          winsWhen: "recommendations or queries walk several hops online",
          implies: { preferTechnology: ["(graph database)"] },
          // the prompt asks questions that walk several hops
          wins: [
            {
              words: String.raw`\bfriends? of (?:a )?friends?\b|\b(?:two|three|2|3|multi|several)[- ]hops?\b|\bdegrees? of (?:separation|connection)\b|\bpeople you may know\b|\bshortest paths?\b|\b(?:second|third|2nd|3rd)[- ]degree\b`,
            },
          ],
        },
      ],
      rules: [],
      fallback: { option: "adjacency-lists", because: "feeds and profiles only need one-hop lists" },
    },
  ],
  invariants: [
    {
      action: "{follow} a {user}",
      statement:
        "A follow edge exists at most once per (follower, followee): a retried follow never duplicates it, and the reverse follower list reflects every follow and unfollow.",
    },
  ],
  failures: [
    {
      failure: "The reverse follower list misses an edge after a crash",
      prevention: "build it from the change stream of follow rows with a checkpoint",
      repair: "rebuild the {user}'s follower list from the follow table",
      role: "derived",
    },
    {
      failure: "One very popular {user}'s follower list outgrows a partition",
      prevention: "page follower lists and split very large ones across partitions",
      repair: "re-split the list when it crosses the size limit",
      role: "derived",
    },
  ],
  technology: [
    {
      layer: "storage",
      product: "MySQL sharded by user id",
      fits: "follow edges keyed by (follower, followee) with a unique key; Facebook's TAO keeps its graph in sharded MySQL",
    },
    {
      layer: "storage",
      product: "Amazon Neptune or Neo4j (graph database)",
      fits: "multi-hop questions such as friends of friends run as one Gremlin or openCypher traversal inside the store",
    },
  ],
  topology: {
    components: [
      {
        id: "graph-service",
        name: "Graph service",
        kind: "service",
        runs: ["follow", "unfollow", "list followers / following"],
        because: "one owner for edge writes keeps follow idempotent and emits the change for the reverse index",
      },
      {
        id: "graph-store",
        name: "Edge store (sharded by follower)",
        kind: "store",
        holds: ["Follow"],
        because: "the authoritative edges; 'who do I follow' is one partition read",
      },
      {
        id: "follower-index",
        name: "Follower index (sharded by followee)",
        kind: "store",
        holds: ["FollowerIndex"],
        because: "fan-out and 'who follows me' need the reverse direction without a scatter over every shard",
      },
    ],
    links: [
      { from: "gateway", to: "graph-service", kind: "request", label: "follow / unfollow / list" },
      { from: "graph-service", to: "graph-store", kind: "request", label: "put edge if absent" },
      { from: "graph-store", to: "follower-index", kind: "stream", label: "edge changes -> reverse edges" },
      { from: "graph-service", to: "follower-index", kind: "request", label: "list followers" },
    ],
    api: [
      {
        operation: "{follow} a {user}",
        call: "PUT /v1/users/{user_id}/following/{target_id}",
        request: ["user_id", "target_id"],
        response: ["since"],
        errors: ["404 no such user", "403 blocked"],
        guarantee: "idempotent: a repeat returns the existing edge",
      },
      {
        operation: "list followers",
        call: "GET /v1/users/{user_id}/followers?cursor={cursor}",
        request: ["user_id", "cursor"],
        response: ["users[]", "next_cursor"],
        errors: ["404 no such user"],
        guarantee: "eventually includes every follow; pages are stable under the cursor",
      },
    ],
    dataModel: [
      {
        entity: "Follow",
        key: ["follower_id", "followee_id"],
        fields: ["since", "state"],
        indexes: ["(follower_id, since desc)"],
        partitionKey: "follower_id",
        owner: "graph-store",
      },
      {
        entity: "FollowerIndex",
        key: ["followee_id", "follower_id"],
        fields: ["since"],
        indexes: ["(followee_id, since desc)"],
        partitionKey: "followee_id",
        owner: "follower-index",
      },
    ],
    entry: "graph-service",
    stateOwner: "graph-store",
  },
};
