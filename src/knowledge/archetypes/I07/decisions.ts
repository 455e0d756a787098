import type { DecisionPoint } from "../../decisions/types.js";
import { SEES_OWN_WRITE } from "../../patterns.js";

/**
 * Words that put cached copies at the edge, near readers spread over the world: a CDN, points of presence,
 * content served to browsers and devices (media, static assets, downloads), or readers in many regions.
 */
const AT_THE_EDGE = String.raw`\b(?:cdn|content delivery|edge|points? of presence|pops?|origin shield|static (?:assets|content|files|sites?|websites?)|assets|video|images?|photos?|media|streaming|segments|downloads?|global(?:ly)?|worldwide|around the world|geograph\w*|continents|countries|regions)\b`;

/**
 * A cache cluster by key (look-aside or read-through) holds each key on one node: no edge site, DNS steering or
 * shield over many edges is part of it (the edge option's failure rows, figures and steps).
 */
const NO_EDGE_SITE = [
  String.raw`\b(?:some|every|many) edges?\b`,
  String.raw`\bevery (?:cache|edge) site\b`,
  String.raw`\bedge (?:egress|storage)\b`,
  String.raw`\bDNS\b`,
];
/** The names a cache cluster beside the services gives the topology's database, invalidation and writers. */
const CLUSTER_PARTS = [
  { component: "origin", name: "Database (the records the cache fronts)" },
  { component: "purge-control", name: "Invalidation and policy control" },
  { component: "publishers", name: "Writers of the database" },
];

/**
 * A cluster by key caches database records, not pages or media: a record (a row, a small object) is a few KB at most,
 * where the archetype's default value size is an HTTP response's at the edge.
 */
const RECORD_VALUE = [
  {
    quantity: "value_bytes",
    value: 2000,
    why: "a database record cached by key (a row or a small object) is a few KB at most, not a page or media file",
  },
];

/** A cache the prompt says reads through: it loads a missed key itself ("a read-through cache in front of …"). */
const READ_THROUGH = String.raw`\bread[- ]through\b`;

/** The decision points: each trade-off, what its options buy and cost, when each wins, and the rules that pick one. */
export const decisions: DecisionPoint[] = [
  {
    id: "i07-placement",
    question:
      "Where do the cached copies live: in a cache cluster beside the services, in front of their database, or in edge points of presence near the readers?",
    options: [
      {
        id: "cluster",
        name: "a cache cluster sharded by key in front of the database, read aside by the services (Memcached- or Redis-style)",
        buys: "one network hop from the services, a fill lease per key against stampedes, and deletes straight from the database's change stream",
        costs:
          "readers in other regions pay the round trip to this region; a lost node empties its share of keys onto the database",
        winsWhen: "the readers are services in the same region as the database the cache fronts",
        implies: {
          // a look-aside tier of in-memory key-value nodes (the card's Memcached or Redis row)
          preferTechnology: ["Memcached", "Redis"],
          draws: ["Look-aside read with a lease-guarded fill", "clients>origin"],
          // a cluster sharded by key holds each key on one node: a purge goes to that node, and no edge site, DNS
          // steering or shield over many edges is part of it (the edge option's failure rows, figures and steps)
          excludes: [...NO_EDGE_SITE],
          capacity: RECORD_VALUE,
          names: [
            {
              component: "clients",
              name: "Services reading through the cache",
              because: "services in the database's region ask the cache first and accept a copy a bounded time old",
            },
            {
              component: "edge",
              name: "Cache nodes (a cluster sharded by key)",
              because:
                "keeping hot records in memory one hop from the services is the point; one fill lease per key protects the database from a miss storm",
            },
            ...CLUSTER_PARTS,
          ],
        },
      },
      {
        // the prompt's own "read-through": the cache tier loads what it misses, so callers never read the database
        id: "read-through",
        name: "a read-through cache cluster sharded by key: on a miss the cache itself loads the record from the database",
        buys: "callers ask only the cache; concurrent misses of one key become one load inside the cache tier, so a miss storm reaches the database once per key",
        costs:
          "the cache tier carries a loader that knows the database's records, and a slow database holds up the cache's own loads",
        winsWhen: "the prompt asks for a read-through cache",
        wins: [{ words: READ_THROUGH }],
        implies: {
          // an in-memory map that calls a loader on a miss (the card's Hazelcast row)
          preferTechnology: ["Hazelcast"],
          draws: ["Read-through: the cache loads a missed key from the database", "edge>origin"],
          excludes: [...NO_EDGE_SITE],
          capacity: RECORD_VALUE,
          names: [
            {
              component: "clients",
              name: "Services reading through the cache",
              because: "services ask only the cache, never the database, and accept a copy a bounded time old",
            },
            {
              component: "edge",
              name: "Read-through cache nodes (a cluster sharded by key, loading misses from the database)",
              runs: ["lookup", "load a missed key from the database, one load per key"],
              because:
                "the cache answers every read: a hit from memory, a miss by loading the record itself, one load per key at a time, so a miss storm reaches the database once per key",
            },
            ...CLUSTER_PARTS,
          ],
        },
      },
      {
        id: "edge",
        name: "edge points of presence near the readers behind an origin shield (CDN-style)",
        buys: "copies served close to readers everywhere, and one origin fetch per key for all edges",
        costs: "many copies to purge across the world, and a shield tier to run",
        winsWhen:
          "readers are spread over regions or the content is media or static assets fetched by browsers and devices",
        implies: {
          // CDNs and self-run HTTP edge caches, with an object store as the origin behind them (the card's rows)
          preferTechnology: ["CloudFront", "Fastly", "Akamai", "Varnish", "Traffic Server", "object store as origin"],
          // a purge tracked until every edge acknowledges is an edge fleet's; a cluster deletes a key on its one node
          draws: ["shield", "Read through with a coalesced fill", "edge>shield", "shield>origin", "purge status"],
        },
      },
    ],
    rules: [
      {
        when: [{ words: AT_THE_EDGE }],
        option: "edge",
        because: "the prompt puts the readers or the content at the edge",
      },
      {
        when: [{ words: READ_THROUGH }],
        option: "read-through",
        because: "the prompt asks for a read-through cache, which loads what it misses itself",
      },
    ],
    fallback: {
      option: "cluster",
      because: "nothing puts the readers at the edge, so the cache sits beside the services in front of their database",
    },
  },
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
        winsWhen:
          "readers must see changes quickly (a stated staleness bound under the TTL), or a read-your-writes promise is made",
        // the prompt promises fresh reads or read-your-writes, or bounds staleness under the TTL a copy may live for
        // (the assumed cache_ttl_seconds, a minute): a TTL-only copy is as stale as its TTL
        wins: [
          {
            any: [
              { nfr: "consistency", in: ["linearizable", "read-your-writes"], stated: true },
              { boundBelow: "propagation_seconds", seconds: 60, figure: "the TTL a copy lives for" },
            ],
          },
        ],
        implies: {
          addMechanisms: ["cache-invalidation", "version-check"],
          draws: ["Delete on a committed change", "origin>edge"],
        },
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
    question: "Where do writes go: straight to the origin, through the cache, or into the cache to flush later?",
    options: [
      {
        id: "cache-aside",
        // the write side of both a look-aside and a read-through tier (where it is called write-around)
        name: "writes go to the origin directly, and a miss fills the cache (cache-aside; write-around under a read-through cache)",
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
        // (an NFR, or the prompt's own words: "shoppers see their own review immediately after posting it")
        wins: [{ any: [{ nfr: "consistency", in: ["read-your-writes", "linearizable"] }, { words: SEES_OWN_WRITE }] }],
        // a write sets the cached value itself: no text says a write invalidates (deletes) the copy instead
        implies: { excludes: ["\\binvalidat\\w* (?:on|after) (?:every |each |a )?(?:write|update)\\b"] },
      },
      {
        id: "write-back",
        name: "write-back (the cache absorbs writes and flushes later)",
        buys: "write bursts are absorbed and coalesced",
        costs: "writes not yet flushed are lost when a cache node dies",
        winsWhen: "losing the latest writes on a crash is acceptable",
        // the cache holds the write until it flushes: no text says a write invalidates (deletes) the cached copy
        implies: { excludes: ["\\binvalidat\\w* (?:on|after) (?:every |each |a )?(?:write|update)\\b"] },
        // the writes in question are the origin's: only a prompt that says so gives them up
        wins: [{ nfr: "durability", in: ["best-effort"], stated: true }],
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
];
