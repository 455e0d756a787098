import type { ArchetypeInput } from "../../schema.js";
import type { Topic } from "../../topics.js";
import {
  CRAWL_BOTTLENECKS_BY_SCOPE,
  CRAWL_ENTITIES_BY_SCOPE,
  CRAWL_FAILURES_BY_SCOPE,
  CRAWL_INVARIANTS,
  CRAWL_READS_BY_SCOPE,
  CRAWL_SCOPES,
  CRAWL_WRITES_BY_SCOPE,
  SITE_INVARIANTS,
  SITE_SCOPES,
  siteRow,
} from "./crawl.js";
import { protocols } from "./topology.js";

/** Rows about a pass over a keyspace with leased, checkpointed shards, which a crawl of other people's hosts replaces. */
const C = "crawl" as const;
/** A crawl whose politeness the prompt bounds per site: its rows are the per-host ones said per registrable domain. */
const S = "polite-site" as const;

const PASS_INVARIANTS = [
  "The shards of a ScanPass are disjoint and their union is the whole keyspace of the pass.",
  "A ScanPass is marked complete only when every ScanShard's checkpoint has reached its end key, so every item is visited at least once per pass.",
  "A ScanShard checkpoint only moves forward and only past keys whose visit result is durable; a crash resumes after the checkpoint, never skipping an unvisited key.",
  "At most one worker holds an unexpired lease on a ScanShard, and a checkpoint write carrying an older token is refused.",
];
const ADMIT_ONCE =
  "A discovered key is admitted to the frontier at most once; rediscovery updates priority at most, never adds a second FrontierItem.";

/** The runtime overlay of a crawl polite per host; its per-site form is said the same of registrable domains. */
const HOST_OVERLAY = {
  topic: C as Topic,
  driver: "the recrawl scheduler's next_visit_at per page and each host's next_allowed_fetch_at",
  unit: "one fetch of one URL, handed out by the frontier partition that owns its host",
  worker: "fetchers that keep many hosts in flight, and parsers that extract links and fingerprint content",
  slot: "one fetch in flight per host, and about a hundred hosts in flight per fetcher",
  state:
    "FrontierItem and HostState rows in the host's frontier partition are authoritative; the in-flight mark and next_allowed_fetch_at are the attempt state",
  source: "seed URLs and the links extracted from fetched pages",
  sink: "fetched pages in the page store for the indexer",
  fabric: "priority front queues feeding one back queue per host, and a heap of hosts by next_allowed_fetch_at",
  maintenance:
    "refetching robots.txt daily, clearing in-flight marks past their deadline, rebalancing partitions with their host state and compacting the seen set",
};

export const card = {
  id: "I04",
  name: "Frontier Scan + Claimable Run",
  summary:
    "This archetype owns work defined by a set to walk rather than by requests: visit every item of a large keyspace (or every URL discovered so far) once per period, check or fix it, and possibly discover more items to visit. " +
    "Its authoritative state is the frontier (the items still to visit with their next-visit times and priorities) together with the pass's shard map, where each shard is a disjoint key range carrying an owner lease and a durable checkpoint of how far it got. " +
    "The core correctness concern is coverage without overlap: every item is visited at least once per pass, two workers never scan the same shard at the same time, a crash resumes from the checkpoint instead of skipping or restarting, and a newly discovered item is queued once. " +
    "Web crawlers, daily re-validation and repair sweeps, backfills and re-indexing jobs, data scrubbers and link checkers share this shape. A web crawler adds its own rules: it obeys each host's robots.txt (and any crawl-delay it chooses to honour, which the robots standard leaves out), normalises URLs before the seen-set check, caches DNS answers, keeps Mercator-style front queues for priority and back queues with one host per queue for politeness, caps depth and URL patterns to escape spider traps, and drops near-duplicate pages by a content fingerprint such as SimHash.",
  roles: ["truth", "coordination"],
  /** Runs work (FRAMEWORK.md §9), so the entry carries the runtime overlay. */
  runtime: true,
  signals: {
    phrases: [
      { text: "saved cursor", weight: 0.6 },
      { text: "last checkpoint", weight: 0.6 },
      { text: "go through all", weight: 0.5 },
      { text: "web crawler", weight: 1.0 },
      { text: "url frontier", weight: 1.0 },
      { text: "crawler", weight: 0.95 },
      { text: "crawl", weight: 0.8 },
      { text: "frontier", weight: 0.9 },
      { text: "re validate every", weight: 0.9 },
      { text: "revalidate", weight: 0.8 },
      { text: "full scan", weight: 0.6 },
      { text: "scan", weight: 0.5 },
      { text: "keyspace pass", weight: 0.7 },
      { text: "visit", weight: 0.4 },
      { text: "fixes stale", weight: 0.6 },
      { text: "repair stale", weight: 0.5 },
      { text: "sweep", weight: 0.5 },
      { text: "backfill", weight: 0.7 },
      { text: "reprocess all", weight: 0.7 },
      { text: "re index everything", weight: 0.6 },
      { text: "scrub", weight: 0.6 },
      { text: "periodic audit", weight: 0.6 },
      { text: "link checker", weight: 0.8 },
      { text: "politeness", weight: 0.7 },
      { text: "robots txt", weight: 0.7 },
      { text: "sitemap", weight: 0.5 },
      { text: "resume scan", weight: 0.8 },
      { text: "resume from checkpoint", weight: 0.6 },
      { text: "checkpoint", weight: 0.5 },
      { text: "once a day", weight: 0.4 },
      { text: "full table scan job", weight: 0.7 },
      { text: "data migration", weight: 0.5 },
      { text: "discover new pages", weight: 0.8 },
      { text: "revisit", weight: 0.5 },
    ],
    systems: [
      { name: "Apache Nutch", aliases: ["Nutch"], weight: 1.0 },
      { name: "Heritrix", aliases: [], weight: 1.0 },
      { name: "StormCrawler", aliases: [], weight: 1.0 },
      { name: "Frontera", aliases: [], weight: 0.9 },
      { name: "Googlebot", aliases: [], weight: 0.9 },
      { name: "Scrapy", aliases: ["Scrapy Cluster"], weight: 0.8 },
      { name: "Common Crawl", aliases: [], weight: 0.7 },
    ],
  },
  entities: [
    ...CRAWL_ENTITIES_BY_SCOPE,
    {
      name: "ScanPass",
      unlessTopic: C,
      description:
        "One full pass over the keyspace for a period: pass id, period, deadline, state (open, running, complete) and the shard count it was split into.",
      truth: true,
    },
    {
      name: "ScanShard",
      unlessTopic: C,
      description:
        "A disjoint key range (or hash bucket) of a pass: start and end key, owner, fencing token, lease_expires_at, checkpoint (last key whose visit is durable) and state.",
      truth: true,
    },
    {
      name: "FrontierItem",
      description:
        "An item to visit: key, priority, next_visit_at, last visit outcome, content fingerprint and version; for a crawler also its host, which politeness limits group by.",
      truth: true,
    },
    {
      name: "SeenSet",
      description:
        "Fingerprints of keys already admitted to the frontier (a filter backed by an exact table), used to drop rediscovered items; rebuildable from FrontierItem.",
      truth: false,
    },
    {
      name: "VisitResult",
      description:
        "What a visit produced: the check verdict, a fix applied, fetched content or extracted links, published downstream for indexing or reporting.",
      truth: false,
    },
  ],
  writePaths: [
    ...CRAWL_WRITES_BY_SCOPE,
    {
      unlessTopic: C,
      action: "open a pass for the period and split the keyspace into disjoint shards that together cover it",
      entity: "ScanShard",
      shape: "create target",
      mechanism: "sharded-frontier",
      critical: true,
    },
    {
      unlessTopic: C,
      action: "claim a free or abandoned shard by a conditional write of owner, a new token and lease expiry",
      entity: "ScanShard",
      shape: "state transition",
      mechanism: "claim-run",
      critical: true,
    },
    {
      unlessTopic: C,
      action: "renew the shard lease while the worker keeps scanning",
      entity: "ScanShard",
      shape: "overwrite current value",
      mechanism: "heartbeat-renewal",
      hidden: true,
    },
    {
      action:
        "advance the shard checkpoint after a batch's visits are durable, accepted only from the current owner and token and only forward",
      entity: "ScanShard",
      shape: "state transition",
      mechanism: "scan-checkpoint",
      hidden: true,
      critical: true,
    },
    {
      action: "record the visit outcome and the item's next_visit_at, guarded by the version read before the visit",
      entity: "FrontierItem",
      shape: "overwrite current value",
      mechanism: "versioned-overwrite",
    },
    {
      action: "admit a newly discovered item to the frontier only if its fingerprint is not present yet",
      entity: "FrontierItem",
      shape: "create target",
      mechanism: "put-if-absent",
      critical: true,
    },
    {
      unlessTopic: C,
      action: "return shards whose lease expired to free so another worker resumes from the checkpoint",
      entity: "ScanShard",
      shape: "state transition",
      mechanism: "expiry-sweeper",
      hidden: true,
      critical: true,
    },
    {
      action: "publish visit results and fixes for downstream indexing or reporting",
      entity: "VisitResult",
      shape: "append event",
      mechanism: "append-log",
    },
  ],
  readPaths: [
    {
      unlessTopic: C,
      action: "worker fetches the next batch of keys after its shard checkpoint from the item table",
      entity: "FrontierItem",
      shape: "read source",
      staleness:
        "as of the batch read; an item changed right after it was visited is caught on the next pass, which is the accepted revisit bound",
    },
    {
      unlessTopic: C,
      action: "operators read pass progress: shards done, checkpoint positions, projected finish time",
      entity: "ScanShard",
      shape: "read projection",
      staleness: "seconds behind the shard table; progress is advisory and never used to decide ownership",
    },
    {
      action: "discovery checks whether a found key is already known before admitting it",
      entity: "SeenSet",
      shape: "read projection",
      staleness:
        "may lag the frontier briefly; a filter miss falls through to the conditional insert, which is the real guard against duplicates",
    },
    ...CRAWL_READS_BY_SCOPE,
  ],
  protocols,
  invariants: [...SITE_INVARIANTS, ...CRAWL_INVARIANTS, ...PASS_INVARIANTS, ADMIT_ONCE],
  // a pass over a keyspace is held to coverage; a crawl of other people's hosts is held to politeness first
  invariantTopics: [
    ...SITE_INVARIANTS.map((statement) => ({ statement, topic: S })),
    ...CRAWL_INVARIANTS.map((statement) => ({ statement, topic: C, unlessTopic: S })),
    ...PASS_INVARIANTS.map((statement) => ({ statement, unlessTopic: C })),
  ],
  contract: {
    api: [
      "startPass(keyspace, period, shard_count) -> pass_id; a second start for the same period returns the open pass",
      "claimShard(pass_id, worker, lease_ttl) -> {shard, start_key, checkpoint, token} | none_left",
      "checkpoint(shard, token, last_key) -> ok | lost_lease",
      "submit(keys, priority) -> admitted count; keys already known are ignored",
      "progress(pass_id) -> shards done, keys visited, projected completion time",
    ],
    guarantees: [
      "Coverage: each item in the keyspace is visited at least once per pass, and the pass reports incomplete rather than complete if a shard was not finished.",
      "Resumability: a worker crash costs at most the batch in flight since the last checkpoint, which is revisited by the next owner.",
      "No concurrent double scan of a shard; an individual item may be visited twice after a crash, so visit actions must be idempotent.",
    ],
  },
  predicates: [
    {
      unlessTopic: C,
      id: "exclusivity-matters",
      because:
        "two workers scanning one shard waste the pass budget and can apply conflicting fixes, so each shard is leased to one worker",
    },
    {
      unlessTopic: C,
      id: "time-bounded-hold",
      because:
        "a worker can die mid-shard, so shard leases expire and the shard is reclaimed and resumed from its checkpoint",
    },
    {
      unlessTopic: C,
      id: "stale-write-dangerous",
      because:
        "a worker whose lease was reclaimed could still move the checkpoint backwards or past keys it never visited, so checkpoint writes are fenced by the shard token",
    },
    {
      id: "dedup-matters",
      because:
        "the same key is discovered many times over (links to one page), so admission to the frontier is deduplicated by fingerprint",
    },
  ],
  failures: [
    ...CRAWL_FAILURES_BY_SCOPE,
    {
      unlessTopic: C,
      failure: "Granted twice: two workers claim the same shard and scan it in parallel",
      role: "coordination",
      prevention: "Claim is a single conditional update on owner and lease expiry that issues a new fencing token",
      repair: "The loser's checkpoint writes are refused by the token check and it drops the shard",
    },
    {
      unlessTopic: C,
      failure: "Progress stalled: a worker holds a shard lease but hangs, so one shard holds back the whole pass",
      role: "coordination",
      prevention:
        "Leases are short and renewed only while the checkpoint keeps advancing; shard sizes are small enough to finish well inside the period",
      repair:
        "The sweeper reclaims the shard, and a straggling shard is split at its checkpoint so several workers finish the remainder",
    },
    {
      unlessTopic: C,
      failure:
        "Items skipped: the checkpoint was advanced before the batch's visits were durable and the worker then crashed",
      role: "truth",
      prevention: "Write visit results first and advance the checkpoint only after they commit",
      repair:
        "A coverage audit compares each item's last visit time with the pass start and requeues any item the pass missed",
    },
    {
      unlessTopic: C,
      failure: "A pass misses its deadline because the keyspace grew or visits slowed",
      role: "coordination",
      prevention: "Size the worker count from the required visit rate and track projected completion per pass",
      repair: "Add workers and split remaining shards; raise an alert when the projected finish passes the period",
    },
    {
      failure: "Duplicate frontier entries: two workers discover the same URL together and both admit it",
      role: "truth",
      prevention: "Admission is put-if-absent on a normalised fingerprint of the key",
      repair:
        "The second insert fails harmlessly; a periodic dedup job merges entries created under an older normalisation rule",
    },
    {
      unlessTopic: C,
      failure:
        "Target overloaded: the scan hammers one host or one downstream partition because many shards map onto it",
      role: "external effect",
      prevention: "Group items by host or target and enforce a per-target rate limit and concurrency cap on fetches",
      repair: "Back off the hot target on errors or slow responses and requeue its items with a later next_visit_at",
    },
    {
      failure:
        "A spider trap (an endless calendar, session ids in URLs, infinitely deep paths) fills the frontier with URLs that never end",
      role: "truth",
      prevention:
        "Normalise URLs (case, default ports, fragments, sorted or stripped tracking parameters), cap depth and URLs per host per pass, and detect repeating path patterns",
      repair: "Purge the trapped host's frontier entries, add a pattern rule, and re-queue only its genuine pages",
    },
    {
      failure: "The crawler overloads a small host or fetches pages its robots.txt forbids",
      role: "external effect",
      prevention:
        "Fetch and cache robots.txt per host before crawling it, keep one back queue per host with a minimum delay between fetches, and cache DNS so politeness is not undone by lookups",
      repair: "Back off the host, drop disallowed URLs from the frontier, and honour the owner's complaint address",
    },
    {
      failure:
        "Near-duplicate pages (mirrors, printer versions, boilerplate changes) are stored and indexed many times",
      role: "derived",
      prevention:
        "Fingerprint page content (SimHash or shingles) and skip pages within a small distance of one already stored",
      repair: "Collapse stored duplicates to one canonical URL and re-point links to it",
    },
  ],
  bottlenecks: [
    {
      unlessTopic: C,
      bottleneck: "Required visit rate to finish a pass within its period",
      mitigation:
        "Spread the pass evenly over the period and prioritise items by staleness so the important ones are never late",
      formula: { yields: "visits per second needed", expression: "items / scan_period_seconds", unit: "items/s" },
    },
    {
      unlessTopic: C,
      bottleneck: "Worker capacity: slow visits (network fetches, remote checks) need many concurrent slots",
      mitigation:
        "Use asynchronous I/O with many slots per worker and autoscale workers from projected pass completion",
      formula: {
        yields: "workers needed at one visit per slot",
        expression: "items / scan_period_seconds * task_seconds / slots_per_worker",
        unit: "workers",
      },
    },
    {
      unlessTopic: C,
      bottleneck: "Shard skew: a few shards hold most of the keys or the slowest targets and finish last",
      mitigation:
        "Split by key count rather than key range, and split a straggler at its checkpoint so the tail is parallelised",
      formula: {
        yields: "visits per second per shard",
        expression: "items / scan_period_seconds / partitions",
        unit: "items/s",
      },
    },
    {
      unlessTopic: C,
      bottleneck: "Politeness limits: one large host or target caps how fast its items can be visited",
      mitigation:
        "Keep one queue per host with its own rate, and interleave hosts so workers stay busy while a host is throttled",
    },
    {
      unlessTopic: C,
      bottleneck: "Seen-set size and lookups for billions of discovered keys",
      mitigation:
        "Front the exact fingerprint table with a partitioned probabilistic filter and shard both by host hash",
    },
    ...CRAWL_BOTTLENECKS_BY_SCOPE,
  ],
  silhouette: {
    storage: "frontier store + checkpoint store",
    coordination: "claim + checkpoint progression",
    serving: "worker scan / batch fetch",
  },
  topicSilhouettes: [
    {
      topic: C,
      storage:
        "URL frontier partitioned by host (front queues by priority, a back queue and politeness state per host)",
      coordination: "one owning partition per host hands out its URLs, one fetch in flight, a delay apart",
      serving: "asynchronous fetchers over many hosts at once",
    },
  ],
  technologies: [
    {
      unlessTopic: C,
      product: "PostgreSQL shard and checkpoint table",
      layer: "coordination",
      fits: "Shard leases, tokens and checkpoints are a few thousand rows updated with conditional writes",
      suits: ["linearizable", "durable", "operational-simplicity"],
      poorFor: ["high-throughput", "multi-region"],
      caveat:
        "Keep only shard metadata here; putting every frontier item in the same table turns it into the bottleneck",
    },
    {
      product: "Bigtable, HBase or Cassandra frontier table keyed by host and priority",
      layer: "storage",
      fits: "A wide, sorted table holds billions of frontier items and lets workers range-read per host or per shard",
      suits: ["high-throughput", "elastic-scale", "durable"],
      poorFor: ["linearizable", "rich-queries"],
      caveat: "Claims on individual items need conditional mutations; claim whole shards instead of single rows",
    },
    {
      product: "Kafka topic of discovered keys",
      layer: "serving",
      fits: "A log of discovered keys partitioned by host hash, so each host reaches one consumer and per-host politeness stays local",
      suits: ["high-throughput", "ordering", "at-least-once"],
      poorFor: ["rich-queries", "exactly-once"],
      caveat: "A log cannot reschedule an item for later; revisit timing still needs the frontier table",
    },
    {
      unlessTopic: C,
      product: "Spark or Beam batch job over the source table",
      layer: "coordination",
      fits: "For a fixed keyspace, the engine splits input into splits, retries failed tasks and tracks completion",
      suits: ["high-throughput", "elastic-scale"],
      poorFor: ["low-latency", "exactly-once"],
      caveat: "A failed task is re-run in full, so side effects of the visit must be idempotent",
    },
  ],
  connections: [
    {
      to: "I02",
      role: "decorator",
      why: "each shard is held under an expiring lease with a fencing token so only its owner advances the checkpoint",
      typical: true,
    },
    {
      to: "I08",
      role: "decorator",
      why: "per-host politeness and per-target caps are admission control on the visits",
    },
    {
      to: "I03",
      role: "input",
      why: "a recurring due-time schedule opens each pass and sets the items' next visit times",
    },
    {
      to: "I06",
      role: "output",
      why: "fetched content and verdicts feed an index or projection that is rebuilt from the visits",
    },
    {
      to: "I15",
      role: "substrate",
      why: "visits run on a worker fleet that scales with the visit rate the pass needs",
    },
  ],
  overlay: {
    driver: "the pass coordinator that opens a pass each period and the frontier's next_visit_at ordering",
    unit: "one ScanShard (a key range) claimed as a whole, visited in checkpointed batches of items",
    worker: "scanners or fetchers that claim shards, visit items, record outcomes and admit discovered keys",
    slot: "concurrent visits per worker, capped further by per-host or per-target politeness budgets",
    state:
      "ScanPass, ScanShard and FrontierItem rows are authoritative; shard owner, token, lease expiry and checkpoint are the attempt state",
    source: "the source table or keyspace being walked, plus keys discovered during visits",
    sink: "visit results, fixes applied to the source, and the downstream index or report",
    fabric: "per-host queues or a partitioned log of discovered keys between discovery and fetch",
    maintenance:
      "reclaiming expired shard leases, splitting straggler shards, auditing coverage at pass end and compacting the seen set",
  },
  topicOverlays: [siteRow(HOST_OVERLAY), HOST_OVERLAY],
  /** The NFR stance a design takes when the prompt is silent, and where ordering, exclusivity and coordination hold. */
  stance: {
    consistency: "read-your-writes",
    availability: "stay-available",
    delivery: "at-least-once",
    ordering: "none",
    durability: "durable",
    because: "revisiting an item twice costs a little work; skipping one silently breaks the coverage promise",
    scopes: {
      ordering: { scope: "none", why: "items in a pass may be visited in any order" },
      exclusivity: {
        scope: "shard",
        why: "one worker owns a frontier shard at a time so shards are not scanned twice concurrently",
      },
      coordination: { scope: "shard", why: "progress is checkpointed per shard" },
    },
  },
  topicScopes: [SITE_SCOPES, CRAWL_SCOPES],
} satisfies ArchetypeInput;
