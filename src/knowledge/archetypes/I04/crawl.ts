import { fig, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * A frontier scan whose items are other people's web pages (topic "crawl", knowledge/topics.ts): a web crawler, a
 * link checker, a price monitor. The hard rule is no longer coverage of a keyspace but politeness to every host:
 * at most one fetch in flight to a host, successive fetches a delay apart, and nothing its robots.txt disallows.
 * The hosts cannot check a token or refuse a burst on our behalf, so the rule is kept by the one frontier partition
 * that owns the host, on the fetch path, and it fails closed: a host whose state is unknown waits, it is not fetched.
 *
 * Facts, checked against primary sources:
 * - Manning, Raghavan and Schütze, "Introduction to Information Retrieval", ch. 20.2.3 "The URL frontier" (after
 *   Mercator, Heydon and Najork 1999): front queues order URLs by priority (change rate and quality), back queues
 *   hold one host each and are never empty while the crawl runs, and a heap keyed by the earliest time each host may
 *   be contacted again picks the next back queue; the goals are one open connection per host and a gap of a few
 *   seconds between requests to it, commonly an order of magnitude longer than the host's last fetch took; Mercator
 *   keeps about three times as many back queues as fetch threads. A host splitter sends a URL to the crawl node
 *   that owns its host (ch. 20.2.4), and DNS answers are cached because resolution is a bottleneck (ch. 20.2.2).
 * - RFC 9309 (Robots Exclusion Protocol, 2022): a crawler should not use a cached robots.txt for more than 24
 *   hours; a robots.txt that is unavailable (4xx) lets the crawler fetch anything, while one that is unreachable
 *   (5xx or a network error) means assume a complete disallow (after 30 days the cached copy or no rules may be
 *   used). Crawl-delay is not part of the standard; a crawler may honour it.
 */

const T = "crawl" as const;

export const CRAWL_ENTITIES = [
  {
    name: "HostState",
    description:
      "One host's politeness state, owned by the frontier partition its name hashes to: its cached robots.txt rules with the time they were fetched, the crawl-delay it asks for, whether a fetch to it is in flight, next_allowed_fetch_at, the last response time and its back queue of due URLs.",
    truth: true,
    topic: T,
    stance: {
      consistency: "linearizable",
      availability: "fail-closed",
      because:
        "one partition decides every fetch to its hosts; while a host's state is unknown the host waits, because fetching it blind could hit a site twice at once or ignore its robots.txt",
    },
  },
] as const;

export const CRAWL_WRITES = [
  {
    action:
      "give out the next URL of a host only when no fetch to that host is in flight and its next_allowed_fetch_at has passed, marking the host in flight",
    entity: "HostState",
    shape: "state transition",
    mechanism: "guarded-transition",
    critical: true,
    topic: T,
  },
  {
    action:
      "clear the host's in-flight mark when its fetch ends and set next_allowed_fetch_at to now plus the larger of its crawl-delay and ten times the response time, longer after an error or a Retry-After",
    entity: "HostState",
    shape: "state transition",
    mechanism: "guarded-transition",
    hidden: true,
    critical: true,
    topic: T,
  },
  {
    action:
      "fetch a host's robots.txt before its first URL and again once the cached copy is a day old, dropping the URLs it disallows",
    entity: "HostState",
    shape: "overwrite current value",
    mechanism: "ttl-expiry",
    hidden: true,
    critical: true,
    topic: T,
  },
] as const;

export const CRAWL_READS = [
  {
    action: "fetcher reads the host's cached robots.txt rules with each URL it is handed",
    entity: "HostState",
    shape: "read source",
    staleness:
      "at most a day old, the longest RFC 9309 lets a crawler keep a robots.txt; a rule the owner adds is obeyed from the next refetch",
    topic: T,
  },
] as const;

export const CRAWL_INVARIANTS = [
  "No host ever has more than one fetch in flight, and successive fetches to it start at least the larger of its crawl-delay and ten times its last response time apart; only the frontier partition that holds its HostState hands out its URLs.",
  "No URL is fetched unless the HostState of its host holds a robots.txt fetched within the last day that allows it; a host whose robots.txt is unreachable is treated as disallowing everything until it answers.",
  "A host whose HostState is unknown (its partition is moving or down) is not fetched until that state is back: politeness fails closed, so the crawl slows down instead of hammering a site.",
];

export const CRAWL_SCOPES = {
  topic: T,
  ordering: {
    scope: "key",
    why: "fetches to one host are spaced one after another by its delay; fetches to different hosts run in any order",
  },
  exclusivity: {
    scope: "key",
    why: "each host belongs to one frontier partition, the only one that may hand out its URLs, so politeness is decided in one place",
  },
  coordination: {
    scope: "partition",
    why: "a frontier partition owns its hosts' queues and politeness state, and moves between nodes with that state",
  },
} as const;

export const CRAWL_FAILURES = [
  {
    failure:
      "Two partitions both think they own a host during a rebalance, so two fetchers hit it at once or before its delay",
    role: "external effect",
    prevention:
      "A host's URLs are handed out only by the partition that owns its hash, and a partition moves with its host state; a host is paused until its new owner has loaded next_allowed_fetch_at",
    repair: "Back the host off for a longer delay and check the fetch log for hosts fetched closer than their delay",
    topic: T,
  },
  {
    failure: "A fetcher dies mid-fetch and the host stays marked in flight, so its URLs are never handed out again",
    role: "coordination",
    prevention: "The in-flight mark carries a deadline a little past the fetch timeout",
    repair:
      "The partition clears marks past their deadline and sets the host's next_allowed_fetch_at as if the fetch had failed",
    topic: T,
  },
] as const;

export const CRAWL_BOTTLENECKS = [
  {
    bottleneck:
      "Politeness caps each host at one fetch per delay, so the fetch rate needs that many hosts in rotation at once",
    mitigation:
      "Keep several back queues per fetch thread (Mercator used three) so a host always waits out its delay while others are fetched, and spread large sites' URLs over time rather than over fetchers",
    formula: {
      yields: "hosts in rotation at the peak fetch rate",
      expression: "items_per_sec * peak_factor * host_delay_seconds",
      unit: "hosts",
    },
    topic: T,
  },
  {
    bottleneck: "Fetch bandwidth and page storage at the crawl rate",
    mitigation:
      "Compress pages, store each content fingerprint once (near-duplicates are skipped), and spread fetchers over several egress networks",
    formula: {
      yields: "peak fetch bandwidth",
      expression: "items_per_sec * peak_factor * object_bytes",
      unit: "B/s",
    },
    topic: T,
  },
  {
    bottleneck: "URL seen-set lookups: every link on every fetched page is tested before it may enter the frontier",
    mitigation:
      "Test a partitioned in-memory Bloom filter first and the exact fingerprint table only on a filter hit, partitioned by host hash like the frontier",
    formula: {
      yields: "seen-set lookups a second at the peak",
      expression: "items_per_sec * peak_factor * links_per_page",
      unit: "lookups/s",
    },
    topic: T,
  },
] as const;

export const CRAWL_CAPACITY: CapacityModel = {
  inputs: [
    {
      quantity: "links_per_page",
      typical: 50,
      why: "a web page commonly carries some tens of links (a planning figure; measure it on the first crawl)",
    },
    {
      quantity: "dns_ttl_seconds",
      typical: 300,
      why: "DNS answers for web hosts commonly carry TTLs of minutes (a planning figure)",
    },
    {
      quantity: "items_per_sec",
      typical: 400,
      why: "a web-scale crawl fetches on the order of a billion pages a month, about 400 a second",
      from: { expression: "items / scan_period_seconds", why: "the stated frontier revisited once per period" },
    },
    {
      quantity: "items",
      typical: 1e9,
      why: "a web-scale frontier holds about a billion URLs",
      from: { expression: "items_per_sec * scan_period_seconds", why: "the stated fetch rate over one revisit period" },
    },
    inp("value_bytes", 200, "a frontier entry (URL, host, next-visit time, priority) is a couple of hundred bytes"),
    inp("object_bytes", 100000, "a fetched HTML page is on the order of 100 KB"),
    inp("task_seconds", 2, "fetching one page takes a second or two including connection set-up"),
    {
      quantity: "crawl_delay_seconds",
      label: "crawl-delay a host's robots.txt asks for",
      unit: "s",
      typical: 1,
      why: "Crawl-delay is not part of RFC 9309 and most robots.txt files state none, so a second is the floor a host asks for",
    },
    {
      quantity: "response_gap_factor",
      label: "gap between fetches to a host, in multiples of its last response time",
      unit: "x",
      typical: 10,
      why: "the gap between requests to a host is commonly an order of magnitude longer than its last fetch took (Introduction to Information Retrieval, ch. 20.2.3)",
    },
    {
      // read after the fetch time and the crawl-delay: the delay is the politeness rule the invariant states, worked
      // out from its own inputs, never a separate guess that could contradict it
      quantity: "host_delay_seconds",
      from: [
        {
          expression: "max(crawl_delay_seconds, response_gap_factor * task_seconds)",
          why: "the politeness rule: the larger of a host's crawl-delay and ten times its last response time",
          floor: true,
        },
        {
          // a crawl prompt states a request rate as its cap on one site ("no site sees more than 1 request/s"); the
          // fleet's own rate it states in pages (items_per_sec). The cap is a ceiling on the rate, so the politeness
          // rule still holds beside it
          expression: "max(1 / requests_per_sec, crawl_delay_seconds, response_gap_factor * task_seconds)",
          why: "the prompt's cap on requests a second to one site, and never faster than the politeness rule",
        },
      ],
    },
    inp("slots_per_worker", 100, "an asynchronous fetcher keeps about a hundred fetches in flight"),
    {
      // a crawl is self-paced: the scheduler hands out fetches at the rate the crawl is planned for, so no daily peak
      // of people's traffic multiplies it (a peak factor sizes user-driven load only)
      quantity: "peak_factor",
      typical: 1,
      why: "a crawler sets its own pace: fetches are handed out at the planned rate, not when people are awake, so it is sized at its steady rate; the planned utilisation leaves the headroom to catch up after an outage",
    },
  ],
  figures: [
    fig("peak_fetches", "peak fetches a second", "peak", "items_per_sec * peak_factor", "items/s"),
    fig(
      "hosts_in_rotation",
      "hosts in rotation at the peak fetch rate (each gives one fetch per delay)",
      "hotspot",
      "items_per_sec * peak_factor * host_delay_seconds",
      "hosts",
    ),
    fig("fetch_bandwidth", "peak fetch bandwidth", "bandwidth", "items_per_sec * peak_factor * object_bytes", "B/s"),
    fig("pages_bytes_per_day", "page bytes stored per day", "growth", "items_per_sec * object_bytes * 86400", "B/day"),
    fig("frontier_bytes", "frontier size across replicas", "storage", "items * value_bytes * replicas", "B"),
    fig(
      "seen_lookups",
      "seen-set lookups a second at the peak",
      "rate",
      "items_per_sec * peak_factor * links_per_page",
      "lookups/s",
    ),
    fig(
      "dns_lookups",
      "DNS lookups a second with answers cached per host",
      "rate",
      "items_per_sec * peak_factor * host_delay_seconds / dns_ttl_seconds",
      "lookups/s",
    ),
    fig(
      "fetchers_needed",
      "fetchers at the planned slots each",
      "count",
      "items_per_sec * peak_factor * task_seconds / slots_per_worker",
      "workers",
      true,
      "workers",
    ),
  ],
};

export const CRAWL_COMPONENTS: ComponentSpec[] = [
  {
    id: "crawl-operators",
    name: "Operators (seed lists, host policies)",
    kind: "client",
    runs: ["submit seeds", "set host policy", "read crawl stats"],
    because: "someone seeds the crawl, slows or blocks a host on its owner's complaint, and watches the rate",
    topic: T,
  },
  {
    id: "crawl-api",
    name: "Crawl control API",
    kind: "service",
    runs: ["submit seeds", "host policy", "crawl stats"],
    because: "seeds enter the frontier through the same normalise-and-dedupe path as discovered links",
    topic: T,
  },
  {
    id: "url-frontier",
    name: "URL frontier (partitioned by host: priority front queues, one back queue per host)",
    kind: "store",
    holds: ["FrontierItem", "HostState"],
    runs: [
      "route a URL to its host's partition",
      "pick the host with the earliest next_allowed_fetch_at",
      "mark the host in flight",
      "set next_allowed_fetch_at",
    ],
    because:
      "one partition owns each host's queue, robots rules and next_allowed_fetch_at, so politeness is decided in one place on the fetch path and never needs a lock",
    topic: T,
  },
  {
    id: "fetchers",
    name: "Fetchers (asynchronous HTTP, many hosts at once)",
    kind: "worker-pool",
    runs: ["take a due host's next URL", "fetch robots.txt and pages", "report the fetch's end"],
    because: "a fetch waits on someone else's server for a second or two, so each fetcher keeps many hosts in flight",
    topic: T,
  },
  {
    id: "dns-cache",
    name: "Resolver cache (host addresses)",
    kind: "cache",
    runs: ["resolve host names", "keep answers for their TTL"],
    because: "a DNS lookup per fetch would make name resolution the bottleneck, so answers are cached per host",
    topic: T,
  },
  {
    id: "websites",
    name: "Websites (other people's hosts)",
    kind: "external",
    runs: ["serve robots.txt", "serve pages"],
    because:
      "they belong to others: each sets its rules in robots.txt and can only slow down or block us, never check a token",
    topic: T,
  },
  {
    id: "parsers",
    name: "Parsers and link extractors",
    kind: "worker-pool",
    runs: ["extract and normalise links", "fingerprint content", "drop near-duplicates"],
    because:
      "discovered links feed the frontier again, and a page within a small SimHash distance of a stored one is skipped",
    topic: T,
  },
  {
    id: "url-seen",
    name: "URL seen set (Bloom filter over an exact fingerprint table)",
    kind: "store",
    holds: ["SeenSet"],
    runs: ["membership test"],
    because: "every extracted link is tested before it enters the frontier, which needs a lookup in memory first",
    topic: T,
  },
  {
    id: "page-store",
    name: "Page store (object storage, with content fingerprints)",
    kind: "store",
    holds: ["VisitResult"],
    runs: ["store page", "content fingerprint lookup"],
    because: "fetched pages are kept for the indexer, each content fingerprint once",
    topic: T,
  },
  {
    id: "recrawl-scheduler",
    name: "Recrawl scheduler",
    kind: "control-loop",
    runs: ["set next_visit_at from each page's change rate", "move due URLs into the front queues"],
    because: "a page that changes often is fetched again sooner, so freshness goes where it is worth the fetches",
    topic: T,
  },
];

export const CRAWL_LINKS: LinkSpec[] = [
  { from: "crawl-operators", to: "crawl-api", kind: "request", label: "seeds / host policy / stats", topic: T },
  { from: "crawl-api", to: "url-frontier", kind: "request", label: "admit seeds", topic: T },
  { from: "fetchers", to: "url-frontier", kind: "request", label: "take a due host's URL / report the end", topic: T },
  { from: "fetchers", to: "dns-cache", kind: "request", label: "resolve host", topic: T },
  {
    from: "fetchers",
    to: "websites",
    kind: "request",
    label: "robots.txt, then pages (one per host at a time)",
    topic: T,
  },
  { from: "fetchers", to: "parsers", kind: "stream", label: "fetched pages", topic: T },
  { from: "parsers", to: "page-store", kind: "stream", label: "page with content fingerprint", topic: T },
  { from: "parsers", to: "url-seen", kind: "request", label: "URL fingerprint test", topic: T },
  { from: "parsers", to: "url-frontier", kind: "request", label: "admit new URLs to their host's partition", topic: T },
  { from: "recrawl-scheduler", to: "url-frontier", kind: "control", label: "next_visit_at by change rate", topic: T },
];

export const CRAWL_API: ApiSpec[] = [
  {
    operation: "submit seeds",
    call: "POST /v1/seeds",
    request: ["urls", "priority"],
    response: ["admitted_count"],
    errors: ["400 invalid URL"],
    guarantee: "URLs already seen are ignored; each admitted URL joins its host's partition",
    topic: T,
  },
  {
    operation: "take (fetcher-facing)",
    call: "POST /v1/partitions/{partition}:take",
    request: ["fetcher_id"],
    response: ["url", "host", "robots_rules", "in_flight_deadline"],
    errors: ["204 no host due yet"],
    guarantee: "a URL only of a host with no fetch in flight whose next_allowed_fetch_at has passed",
    topic: T,
  },
  {
    operation: "report (fetcher-facing)",
    call: "POST /v1/hosts/{host}:done",
    request: ["url", "status", "response_ms", "retry_after"],
    response: ["next_allowed_fetch_at"],
    errors: ["409 not in flight"],
    guarantee: "the host's next fetch waits at least its delay after this one ended",
    topic: T,
  },
  {
    operation: "host policy",
    call: "PUT /v1/hosts/{host}/policy",
    request: ["min_delay_seconds", "blocked"],
    response: ["ok"],
    errors: ["400 delay below the host's robots.txt crawl-delay"],
    guarantee: "a policy can only slow a host down or block it, never fetch it faster than its own rules allow",
    topic: T,
  },
  {
    operation: "crawl stats",
    call: "GET /v1/crawl/stats",
    request: [],
    response: ["pages_per_sec", "hosts_in_rotation", "frontier_size"],
    errors: [],
    guarantee: "seconds fresh, read from the partitions",
    topic: T,
  },
];

export const CRAWL_DATA: DataSpec[] = [
  {
    entity: "FrontierItem",
    key: ["url_fingerprint"],
    fields: ["url", "host", "priority", "next_visit_at", "last_fetched_at", "content_fingerprint", "version"],
    indexes: ["(host, next_visit_at)"],
    partitionKey: "host",
    owner: "url-frontier",
    topic: T,
  },
  {
    entity: "HostState",
    key: ["host"],
    fields: [
      "robots_rules",
      "robots_fetched_at",
      "crawl_delay_seconds",
      "in_flight_until",
      "next_allowed_fetch_at",
      "last_response_ms",
    ],
    indexes: ["next_allowed_fetch_at (the partition's host heap)"],
    partitionKey: "host",
    owner: "url-frontier",
    topic: T,
  },
];

export const CRAWL_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Polite fetch from the host's back queue",
    notation:
      "fetchers>url-frontier[take the due host's next URL {HostState.in_flight_until < now and HostState.next_allowed_fetch_at <= now}] -> url-frontier>fetchers[URL and robots rules, host marked in flight] -> fetchers>dns-cache[resolve host] -> dns-cache>fetchers[address] -> fetchers>websites[GET the page {URL allowed by HostState.robots_rules}] -> websites>fetchers[page or status] -> fetchers>url-frontier[report the end {HostState.in_flight_until >= now}] -> url-frontier[set next_allowed_fetch_at to now + max(crawl-delay, 10 x response time)] -> fetchers>parsers[fetched page] |-> url-frontier>fetchers[no host due yet {every host in flight or waiting out its delay}] => done | retry | requeue",
    topic: T,
  },
  {
    name: "Robots rules fetched before a host's pages",
    notation:
      "fetchers>url-frontier[take a host whose robots copy is missing or a day old {HostState.robots_fetched_at < now - 24 h}] -> fetchers>websites[GET /robots.txt] -> websites>fetchers[rules and crawl-delay] -> fetchers>url-frontier[store the rules, drop disallowed URLs] |-> fetchers>url-frontier[keep the host paused as disallowing everything {robots.txt unreachable: 5xx or timeout}] => done | retry",
    topic: T,
  },
  {
    name: "Discovered links back to the frontier",
    notation:
      "parsers>page-store[store the page {no stored page within a small SimHash distance}] -> parsers>url-seen[test normalised URL fingerprints {fingerprint not in SeenSet}] -> parsers>url-frontier[admit new URLs to their host's partition {FrontierItem absent}] => done | retry",
    topic: T,
  },
];

/**
 * Politeness scoped to a site (topic "polite-site", knowledge/topics.ts): where the prompt bounds fetches per site,
 * domain or website ("never hits one site more than once a second", "one request a second per domain"), the unit the
 * bound holds for is the registrable domain, not the host name: shop.example.co.uk and www.example.co.uk are one site,
 * so the frontier's partitioning, the politeness state and its key are per registrable domain, and every host of a
 * site shares its one fetch in flight and its delay. Where the prompt says host or server, or names no unit, the rows
 * above (per host) stand.
 *
 * Facts, checked against primary sources:
 * - The Public Suffix List (publicsuffix.org; Go's golang.org/x/net/publicsuffix documents it): a public suffix is a
 *   name under which anyone may register names directly (com, co.uk, com.au), and the registrable domain (eTLD+1)
 *   is the public suffix with one more label (books.amazon.co.uk and www.books.amazon.co.uk share amazon.co.uk). The
 *   list has a private section too (blogspot.co.uk, appspot.com): there each customer's name is its own registrable
 *   domain, so separate blogs are separate sites. A name is reduced to its site by the list, never by cutting at the
 *   last dot, which would make every name under co.uk one site.
 * - RFC 9309: a robots.txt is read from the top of one host (scheme, host and port), and its rules cover that host
 *   only, so a site keeps each of its hosts' robots rules apart while they share one politeness budget.
 * - Resolution stays per host: DNS answers are for host names, so the resolver cache is the per-host rows' own.
 */
const S = "polite-site" as const;

/** Sentences the word-for-word change would make false, said afresh for a site. */
const SITE_SENTENCES: Readonly<Record<string, string>> = {
  "One host's politeness state, owned by the frontier partition its name hashes to: its cached robots.txt rules with the time they were fetched, the crawl-delay it asks for, whether a fetch to it is in flight, next_allowed_fetch_at, the last response time and its back queue of due URLs.":
    "One site's politeness state, keyed by its registrable domain (the public suffix plus one label, read from the Public Suffix List: shop.example.co.uk and www.example.co.uk are one site) and owned by the frontier partition that domain hashes to: the robots.txt rules of each of its hosts with the time each was fetched, the crawl-delay it asks for, whether a fetch to any of its hosts is in flight, next_allowed_fetch_at, the last response time and its back queue of due URLs.",
  "No URL is fetched unless the HostState of its host holds a robots.txt fetched within the last day that allows it; a host whose robots.txt is unreachable is treated as disallowing everything until it answers.":
    "No URL is fetched unless the SiteState of its site holds its own host's robots.txt, fetched within the last day, and that file allows it; a host whose robots.txt is unreachable is treated as disallowing everything until it answers.",
  "fetch a host's robots.txt before its first URL and again once the cached copy is a day old, dropping the URLs it disallows":
    "fetch each host's robots.txt before that host's first URL and again once the cached copy is a day old, keeping it in its site's state under the host and dropping the URLs it disallows",
  "fetcher reads the host's cached robots.txt rules with each URL it is handed":
    "fetcher reads the cached robots.txt rules of the URL's own host with each URL it is handed",
  "A URL the host's robots rules disallow is never fetched":
    "A URL its own host's robots rules disallow is never fetched",
  "DNS lookups a second with answers cached per host": "DNS lookups a second with answers cached per host",
  "robots.txt, then pages (one per host at a time)": "each host's robots.txt, then pages (one per site at a time)",
};

/** Word changes from a host to a site, in order; a phrase about resolving names stays per host. */
const SITE_WORDS: readonly (readonly [RegExp, string])[] = [
  [/\bHostState\b/g, "SiteState"],
  [/\bits name hashes to\b/g, "its registrable domain hashes to"],
  [/\bthe host name\b/g, "the site's registrable domain"],
  [/\bHosts\b/g, "Sites"],
  [/\bHost\b/g, "Site"],
  [/\bhosts\b/g, "sites"],
  [/\bhost\b/g, "site"],
  // a name is resolved per host
  [/\bresolve site\b/g, "resolve the URL's host"],
];

/** A text about one host said about one site (its registrable domain); a sentence listed above is said afresh. */
export function siteWords(text: string): string {
  const whole = SITE_SENTENCES[text];
  if (whole !== undefined) return whole;
  return SITE_WORDS.reduce((t, [re, to]) => t.replace(re, to), text);
}

/** Fields that name things by id or kind, never said in words. */
const SITE_KEEP = new Set(["id", "from", "to", "kind", "mechanism", "shape", "role", "topic", "unlessTopic", "option"]);

/** A value of the per-host crawl said per site: every word field rewritten, ids and kinds kept. */
export function siteDeep<T extends object>(row: T): T {
  const map = (v: unknown, key?: string): unknown =>
    key !== undefined && SITE_KEEP.has(key)
      ? v
      : typeof v === "string"
        ? siteWords(v)
        : Array.isArray(v)
          ? v.map((x) => map(x))
          : v !== null && typeof v === "object"
            ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, map(x, k)]))
            : v;
  return map(row) as T;
}

/** A row of the per-host crawl said per site, marked with the site's topic. */
export const siteRow = <T extends object>(row: T): T => ({ ...siteDeep(row), topic: S });

/** The per-host rows kept where the prompt scopes politeness to a host or names no unit. */
const perHost = <T extends object>(row: T): T & { unlessTopic: typeof S } => ({ ...row, unlessTopic: S });

/** Rows per host and per site: each per-host row gives way to its per-site form where the prompt speaks of sites. */
const bothScopes = <T extends object>(rows: readonly T[]): T[] => [...rows.map(siteRow), ...rows.map(perHost)];

export const CRAWL_ENTITIES_BY_SCOPE = bothScopes(CRAWL_ENTITIES);
export const CRAWL_WRITES_BY_SCOPE = bothScopes(CRAWL_WRITES);
export const CRAWL_READS_BY_SCOPE = bothScopes(CRAWL_READS);
export const CRAWL_FAILURES_BY_SCOPE = bothScopes(CRAWL_FAILURES);
export const CRAWL_BOTTLENECKS_BY_SCOPE = bothScopes(CRAWL_BOTTLENECKS);
export const CRAWL_API_BY_SCOPE = bothScopes(CRAWL_API);
export const CRAWL_PROTOCOLS_BY_SCOPE = bothScopes(CRAWL_PROTOCOLS);
/** The resolver and its link stay per host in both: DNS answers are for host names. */
const PER_NAME = new Set(["dns-cache"]);
export const CRAWL_COMPONENTS_BY_SCOPE = [
  ...CRAWL_COMPONENTS.filter((c) => !PER_NAME.has(c.id)).map(siteRow),
  ...CRAWL_COMPONENTS.map((c) => (PER_NAME.has(c.id) ? c : perHost(c))),
];
export const CRAWL_LINKS_BY_SCOPE = [
  ...CRAWL_LINKS.filter((l) => !PER_NAME.has(l.to)).map(siteRow),
  ...CRAWL_LINKS.map((l) => (PER_NAME.has(l.to) ? l : perHost(l))),
];
/** The per-site invariants, said before the per-host ones they replace. */
export const SITE_INVARIANTS = CRAWL_INVARIANTS.map(siteWords);
export const SITE_SCOPES = { ...siteRow(CRAWL_SCOPES), topic: S } as const;

/** The data model per site: the frontier and the politeness state keyed by the registrable domain, robots per host. */
export const CRAWL_DATA_BY_SCOPE: DataSpec[] = [
  {
    entity: "FrontierItem",
    key: ["url_fingerprint"],
    fields: ["url", "host", "site", "priority", "next_visit_at", "last_fetched_at", "content_fingerprint", "version"],
    indexes: ["(site, next_visit_at)"],
    partitionKey: "site (registrable domain)",
    owner: "url-frontier",
    topic: S,
  },
  {
    entity: "SiteState",
    key: ["site"],
    fields: [
      "robots_rules_by_host",
      "robots_fetched_at_by_host",
      "crawl_delay_seconds",
      "in_flight_until",
      "next_allowed_fetch_at",
      "last_response_ms",
    ],
    indexes: ["next_allowed_fetch_at (the partition's site heap)"],
    partitionKey: "site (registrable domain)",
    owner: "url-frontier",
    topic: S,
  },
  ...CRAWL_DATA.map(perHost),
];
