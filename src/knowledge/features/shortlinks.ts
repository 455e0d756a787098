import { fig, inp } from "./helpers.js";
import type { FeatureEntry } from "./index.js";
import { SHORTLINK_PROTOCOLS } from "./protocols.js";

/**
 * Short links (a URL shortener): a code maps to one long URL for good. Sources checked for the claims below:
 * DynamoDB's conditional PutItem with attribute_not_exists on the key refuses to replace an existing item (AWS
 * DynamoDB API reference, PutItem); Cassandra's INSERT … IF NOT EXISTS is a lightweight transaction run over Paxos
 * with linearizable consistency, at several round trips (DataStax CQL docs, "Lightweight transactions"); a 301
 * response is cacheable by default while a 302 is stored only when cache headers allow it (RFC 9110 §15.4, RFC 9111
 * §4.2.2), so a browser that saw a 301 may skip the service on the next click.
 */
export const SHORTLINKS: FeatureEntry = {
  id: "shortlinks",
  name: "Short links (URL shortener)",
  summary:
    "A short code names one long URL for good: codes come from blocks of a counter each shortening node leases, the link row is created once under its code, and redirects are read through a cache keyed by code; clicks go to a log and are counted apart from the redirect path.",
  signals: [
    "url shortener",
    "link shortener",
    "url shortening",
    "link shortening",
    "short link",
    "short links",
    "short url",
    "short urls",
    "shortened url",
    "shortened urls",
    "shorten url",
    "shorten urls",
    "shorten links",
    "tinyurl",
    "bitly",
    "bit ly",
  ],
  wholeSystem:
    "a URL shortener is its short links: the create, the redirect and the code-to-URL rows are the whole system, and the code counter only feeds them",
  realizes: [
    {
      id: "I09",
      entity: "ShortLink",
      demand: "a short code never points to two different URLs",
      why: "a code is bound to its long URL once, by a put-if-absent on the ShortLink row keyed by that code, so a repeated or clashing code is refused at the row; the codes themselves come from counter blocks each shortening node leases, one compare-and-set per block, so no id generator service sits on the create path",
      instead: "id generator service",
      // a prompt about how the codes are made (generated, minted by workers) asks for the sequence card's own parts
      unless: String.raw`\b(?:snowflake|worker ids?|machine ids?|gap[- ]free|time[- ]ordered|k-sorted|generat(?:e|ed|es|ing|ion))\b`,
    },
  ],
  terms: {},
  actions: [
    {
      action: "shorten a long URL into a short link",
      shape: "create target",
      entity: "ShortLink",
      // a code given to two URLs sends one link's visitors to the other's page
      critical: true,
      substrate: "I16",
      mechanism: "put-if-absent",
    },
    {
      action: "lease the next block of codes",
      shape: "state transition",
      entity: "CodeBlock",
      // two nodes holding the same block would hand out the same codes, but the link's put-if-absent still refuses a
      // repeated code, so the block is kept here and not walked again as the sequence card's own deep dive
      critical: false,
      hidden: true,
      substrate: "I09",
      mechanism: "range-lease",
    },
    {
      action: "redirect a short link to its long URL",
      shape: "read projection",
      entity: "ShortLink",
      critical: false,
      substrate: "I07",
    },
    {
      action: "count each link's clicks from the click log",
      shape: "async process",
      entity: "ClickCount",
      critical: false,
      hidden: true,
      substrate: "I05",
      mechanism: "consumer-offsets",
    },
    {
      action: "see a link's click counts",
      shape: "read projection",
      entity: "ClickCount",
      critical: false,
      substrate: "I05",
    },
  ],
  entities: [
    {
      name: "ShortLink",
      description:
        "the long URL a code stands for, with its owner, creation time and optional expiry; it never changes once made",
    },
    {
      name: "CodeBlock",
      description: "the counter's high-water mark; each shortening node leases the next block of it",
    },
    { name: "ClickEvent", description: "(code, time, referrer, country) appended to the click log per redirect" },
    { name: "ClickCount", description: "per link per day: clicks counted from the click log" },
  ],
  nfrs: [
    "a code names one long URL for good: it is never given to another URL, even after its link expires",
    "a redirect answers in a few milliseconds at the service, from memory for popular links",
    "a new link works for its creator at once, and everywhere within seconds",
    "click counts may lag the clicks by a minute",
  ],
  stance: {
    consistency: "eventual",
    availability: "stay-available",
    because:
      "a link row never changes after it is made, so a region's copy is either there or not yet there, never a wrong URL; redirects keep answering while a region is cut off",
  },
  // a link's click counts are the feature's own projection: the redirect service logs each click by code and the
  // counters fold the log into per-link counts, so a demand that the counts be seen soon ("visible within a minute")
  // is met by how often those counters commit, not by a second event pipeline of collectors and aggregators
  carries: [
    {
      id: "I06",
      why: "a link's click counts are already a view folded from the click log by the feature's own counters, which commit their counts with their log offsets every few seconds, so the counts lag the clicks by seconds and no second event pipeline (collectors, window aggregators, an analytics store) is drawn beside them",
    },
  ],
  substrates: [
    {
      id: "I16",
      role: "substrate",
      why: "the link row keyed by code is key-value state",
      record: {
        entity: "ShortLink",
        why: "the link row is created once by a put-if-absent on its code and never updated, so it needs no versioned writes or merge rules: a partitioned key-value table is the whole store",
      },
    },
    {
      id: "I09",
      role: "input",
      why: "codes are unique identifiers handed out at the shortening rate",
      record: {
        entity: "CodeBlock",
        why: "each shortening node advances the counter's high-water mark by a whole block with one compare-and-set and encodes the numbers of its block in base 62, so the counter takes one write per block, not per link",
      },
    },
    {
      id: "I07",
      role: "decorator",
      why: "redirects far outnumber new links and are served from memory",
      record: {
        entity: "ShortLink",
        why: "redirects read the link row through a cache keyed by code; a link never changes, so a cached copy is never stale, only evicted or removed when its link is deleted",
      },
    },
    {
      id: "I05",
      role: "output",
      why: "clicks are events counted off the redirect path",
      record: {
        entity: "ClickCount",
        why: "the redirect service appends each click to a log partitioned by code, and counters fold it into per-link daily counts, committing their offsets with the counts",
      },
    },
  ],
  hotspot: {
    figure: "hot_link_redirects_per_sec",
    bottleneck: "One widely shared link: its clicks all go to one code, so to one cache node and one store partition",
    mitigation:
      "serve redirects from an in-memory cache in each region, keep the hottest codes on several cache nodes (or in each redirect node's own memory), and let the edge answer links marked permanent",
  },
  capacity: {
    inputs: [
      inp("writes_per_sec", 1200, "new short links per second: about 100 million a day"),
      inp("clicks_per_link", 100, "redirects per link made: reads far outnumber creates"),
      {
        quantity: "reads_per_sec",
        typical: 120000,
        why: "redirects per second: a link is clicked about a hundred times for each one made",
        from: {
          expression: "writes_per_sec * clicks_per_link",
          why: "the stated rate of new links times the clicks each link draws",
        },
      },
      inp("link_bytes", 500, "a 7-character code, a long URL of a few hundred bytes, the owner and two timestamps"),
      inp("link_retention_years", 5, "links are kept for years; the code is never reused"),
      inp("code_block_size", 10000, "codes a node leases at once: one counter write per ten thousand links"),
      inp("cached_share", 0.2, "the share of recent links that draws most clicks"),
      inp("hot_link_share", 0.01, "one link shared widely can draw a hundredth of all clicks"),
      inp("value_bytes", 500, "a redirect answer: a 302 status and a Location header, a few hundred bytes"),
      inp("hot_window_days", 30, "links are clicked mostly in the month after they are made"),
      inp("code_space", 3521614606208, "7 base-62 characters: 62 to the 7th power codes"),
    ],
    figures: [
      fig("links_per_day", "new short links per day", "count", "writes_per_sec * 86400", "links"),
      fig(
        "link_bytes_total",
        "link storage over the retention",
        "storage",
        "writes_per_sec * 86400 * 365 * link_retention_years * link_bytes",
        "B",
      ),
      fig(
        "link_bytes_all_regions",
        "link storage with a copy in every region that serves redirects",
        "storage",
        "link_bytes_total * regions",
        "B",
      ),
      fig(
        "codes_used_share",
        "share of the 7-character base-62 code space used over the retention",
        "count",
        "writes_per_sec * 86400 * 365 * link_retention_years / code_space",
        "fraction",
      ),
      fig("peak_redirects_per_sec", "peak redirects per second", "peak", "reads_per_sec * peak_factor", "reads/s"),
      fig(
        "egress_bandwidth",
        "redirect answers sent at peak",
        "bandwidth",
        "peak_redirects_per_sec * value_bytes",
        "B/s",
      ),
      fig(
        "hot_link_redirects_per_sec",
        "redirects per second on one widely shared link",
        "hotspot",
        "peak_redirects_per_sec * hot_link_share",
        "reads/s",
      ),
      fig(
        "redirect_cache_bytes",
        "cache for the links most clicked (the hot share of recent links)",
        "storage",
        "writes_per_sec * 86400 * hot_window_days * cached_share * link_bytes",
        "B",
      ),
      fig(
        "counter_writes_per_sec",
        "counter writes per second (one per leased block)",
        "rate",
        "writes_per_sec / code_block_size",
        "writes/s",
      ),
    ],
  },
  decisions: [
    {
      id: "shortlink-codes",
      question:
        "How are codes made: numbers from leased counter blocks in base 62, random codes checked for a clash, or a hash of the URL?",
      options: [
        {
          id: "counter-blocks",
          name: "leased counter blocks encoded in base 62",
          buys: "no clash to check: every code is new, and the counter takes one write per block",
          costs: "codes come out in order, so neighbours can be guessed unless the numbers are shuffled",
          winsWhen: "codes need not be secret and the shortening rate is high",
        },
        {
          id: "random-codes",
          name: "random codes created with put-if-absent",
          buys: "codes cannot be guessed from each other and no counter is shared",
          costs: "every create is a conditional write that may clash and retry, more often as the space fills",
          winsWhen: "links must not be enumerable (private documents behind short links)",
          wins: [
            {
              words: String.raw`\b(?:unguessable|not (?:be )?guessable|(?:can ?not|can't|must not|never) be (?:guessed|enumerated)|hard to guess|random (?:codes?|links?|ids?))\b`,
            },
          ],
        },
        {
          id: "url-hash",
          name: "a hash of the long URL, cut to the code's length",
          buys: "the same URL always gets the same code, so repeats cost no new row",
          costs:
            "cut hashes clash and need a suffix; links to one URL by different users share one code, its counts and its expiry",
          winsWhen: "the same long URL must always return the same short link",
          wins: [
            {
              words: String.raw`\bsame (?:long )?(?:url|link) (?:always )?(?:gets?|returns?|maps? to|yields?) the same\b|\bdedup\w* (?:long )?urls\b`,
            },
          ],
        },
      ],
      rules: [],
      fallback: {
        option: "counter-blocks",
        because: "nothing asks for secret codes, and blocks need no clash check at the shortening rate",
      },
    },
    {
      id: "shortlink-redirect-status",
      question: "Answer a redirect with 302 (every click reaches us) or 301 (browsers and the edge may keep it)?",
      options: [
        {
          id: "temporary-302",
          name: "302 redirects",
          buys: "every click reaches the service, so it is counted, and a link can expire or be disabled at once",
          costs: "every click is a lookup at the service",
          winsWhen: "links are counted, expire or can be disabled",
        },
        {
          id: "permanent-301",
          name: "301 redirects",
          buys: "browsers and the edge keep the answer, so repeat clicks cost nothing",
          costs: "repeat clicks are not seen, and a disabled link may still redirect from a browser's cache",
          winsWhen: "no click counts are kept and links never change or expire",
          wins: [
            {
              words: String.raw`\b(?:no|without) (?:click )?(?:analytics|statistics|stats|click counts?)\b|\bpermanent redirects?\b|\b301\b`,
            },
          ],
        },
      ],
      rules: [],
      fallback: {
        option: "temporary-302",
        because: "click counts and disabling a bad link both need each click to reach the service",
      },
    },
  ],
  invariants: [
    {
      action: "shorten a long URL into a short link",
      statement:
        "A code names at most one long URL, ever: the ShortLink row is created by a put-if-absent on its code and is never reassigned, even after its link expires.",
      keptBy: "put-if-absent",
    },
    {
      action: "lease the next block of codes",
      statement:
        "No two shortening nodes hold overlapping code blocks: a block is leased by advancing the counter's high-water mark with a compare-and-set, so a crashed node's unused codes are skipped, never handed out again.",
      keptBy: "range-lease",
    },
  ],
  failures: [
    {
      failure:
        "Two shortening nodes hand out the same code (one block leased twice, or a counter restored from an old backup)",
      prevention:
        "the counter is advanced by a compare-and-set on a majority-replicated row, and the link row is still created with put-if-absent, so a repeated code is refused",
      repair: "move the counter past the highest code in use and retry the refused creates with new codes",
      role: "truth",
    },
    {
      failure: "A widely shared link's clicks all land on one cache node and one store partition",
      prevention: "copy the hottest codes to several cache nodes or into each redirect node's memory",
      repair: "shed the copies once the link cools down",
      role: "derived",
    },
    {
      failure: "A shortening node crashes holding a leased block",
      prevention: "nothing to prevent: its unused codes are simply never used",
      repair: "the next lease moves on from the counter; the lost codes are a rounding error in the code space",
      role: "coordination",
    },
    {
      failure: "A short link points to a phishing or malware page",
      prevention: "check long URLs against a blocklist when a link is made and again on a schedule",
      repair: "disable the code so it redirects to a warning page; the row stays, so the code is never reused",
      role: "truth",
    },
    {
      failure: "A click counter restarts and counts some clicks twice or drops them",
      prevention: "commit the consumer's offsets in the same write as the counts it folded",
      repair: "recount the affected days from the retained click log",
      role: "derived",
    },
  ],
  technology: [
    {
      layer: "storage",
      product: "DynamoDB or Cassandra",
      fits: "a key-value table of billions of small rows read by code; the create is a conditional put (attribute_not_exists in DynamoDB, IF NOT EXISTS in Cassandra)",
    },
    {
      layer: "serving",
      product: "Redis or Memcached",
      fits: "the redirect cache: link rows by code in memory, filled on a miss",
    },
  ],
  topology: {
    components: [
      {
        id: "shorten-service",
        name: "Shorten service",
        kind: "service",
        runs: ["shorten a URL", "read click counts"],
        because: "checks the long URL, takes the next code from its leased block and creates the link row",
        // where the sequence card leads (a prompt about generating the codes), its generators are these nodes
        sameAs: { I09: "id-generators" },
      },
      {
        id: "code-counter",
        name: "Code counter (one majority-replicated row)",
        kind: "store",
        holds: ["CodeBlock"],
        because: "the one shared number: advanced by a whole block with a compare-and-set",
        sameAs: { I09: "counter-store" },
      },
      {
        id: "link-store",
        name: "Link store (partitioned by code)",
        kind: "store",
        holds: ["ShortLink"],
        because: "the source of truth: one row per code, replicated to every region that serves redirects",
      },
      {
        id: "redirect-service",
        name: "Redirect service",
        kind: "service",
        runs: ["redirect by code"],
        because: "the hot path: finds the code in the cache or the store, answers the redirect and logs the click",
      },
      {
        id: "link-cache",
        name: "Redirect cache (link rows by code)",
        kind: "cache",
        holds: ["ShortLink"],
        because: "most clicks go to a few recent links, so they are answered from memory",
      },
      {
        id: "click-log",
        name: "Click log (partitioned by code)",
        kind: "log",
        holds: ["ClickEvent"],
        because: "clicks leave the redirect path at once and are counted later",
      },
      {
        id: "click-counter",
        name: "Click counters",
        kind: "worker-pool",
        runs: ["fold clicks into per-link daily counts"],
        because: "turn the click stream into counts, committing offsets with them",
      },
      {
        id: "stats-store",
        name: "Click count store",
        kind: "store",
        holds: ["ClickCount"],
        because: "per link per day counts, read by the link's owner",
      },
    ],
    links: [
      { from: "gateway", to: "shorten-service", kind: "request", label: "shorten / read counts" },
      { from: "gateway", to: "redirect-service", kind: "request", label: "GET /{code}" },
      { from: "shorten-service", to: "code-counter", kind: "request", label: "lease the next block (compare-and-set)" },
      { from: "shorten-service", to: "link-store", kind: "request", label: "create link (put-if-absent on code)" },
      { from: "redirect-service", to: "link-cache", kind: "request", label: "look up code" },
      { from: "redirect-service", to: "link-store", kind: "request", label: "read on a cache miss" },
      { from: "redirect-service", to: "click-log", kind: "stream", label: "append click" },
      { from: "click-log", to: "click-counter", kind: "stream", label: "clicks by code" },
      { from: "click-counter", to: "stats-store", kind: "request", label: "add counts + offsets" },
      { from: "shorten-service", to: "stats-store", kind: "request", label: "read a link's counts" },
    ],
    protocols: SHORTLINK_PROTOCOLS,
    api: [
      {
        operation: "shorten a URL",
        call: "POST /v1/links",
        request: ["long_url", "custom_alias (optional)", "expires_at (optional)", "request_id"],
        response: ["code", "short_url"],
        errors: ["400 not a valid URL", "409 alias taken", "403 URL on the blocklist"],
        guarantee:
          "a retry with the same request_id returns the same code; a custom alias is claimed by a put-if-absent on the code, so a taken one answers 409 and a code is never given to another URL",
      },
      {
        operation: "redirect",
        call: "GET /{code}",
        request: ["code"],
        response: ["302 with Location: long_url"],
        errors: ["404 unknown code", "410 link expired or disabled"],
        guarantee: "the long URL the code was made for, or nothing",
      },
      {
        operation: "read click counts",
        call: "GET /v1/links/{code}/clicks?from=&to=",
        request: ["code", "from", "to"],
        response: ["days[] (date, clicks)"],
        errors: ["404 unknown code", "403 not the link's owner"],
        guarantee: "counts as of the last folded batch, about a minute behind",
      },
    ],
    dataModel: [
      {
        entity: "ShortLink",
        key: ["code"],
        fields: ["long_url", "owner_id", "created_at", "expires_at", "state"],
        indexes: ["(owner_id, created_at desc)"],
        partitionKey: "code",
        owner: "link-store",
        plays: ["link", "short link", "short url", "url", "code"],
      },
      {
        entity: "CodeBlock",
        key: ["code_space"],
        fields: ["next_unleased", "version"],
        indexes: [],
        owner: "code-counter",
      },
      {
        entity: "ClickCount",
        key: ["code", "day"],
        fields: ["clicks", "log_offset"],
        indexes: [],
        partitionKey: "code",
        owner: "stats-store",
      },
    ],
    entry: "shorten-service",
    stateOwner: "link-store",
  },
};
