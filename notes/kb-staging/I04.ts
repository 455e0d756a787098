import type { ArchetypeInput } from "../schema.js";

export const I04 = {
  id: "I04",
  name: "Frontier Scan + Claimable Run",
  summary:
    "A large set of items must be visited repeatedly or exhaustively: crawl the web, re-validate every DNS record daily, scrub every chunk, re-index every document, expire stale entries. The authoritative state is the frontier (what still needs visiting, with priority and next-visit time) and per-shard checkpoints of scan progress; workers claim shards or batches and process them. The core concern is coverage: no item is skipped, no shard is scanned by two workers at once, a crash resumes from the checkpoint rather than restarting or skipping, and the pass finishes within its period. Web crawlers, re-validation sweeps, scrubbers and backfills share this shape.",
  roles: ["coordination", "truth"],
  signals: {
    phrases: [
      { text: "web crawler", weight: 1 },
      { text: "crawler", weight: 0.95 },
      { text: "crawl", weight: 0.8 },
      { text: "re validate every", weight: 0.9 },
      { text: "revalidate", weight: 0.8 },
      { text: "scan every", weight: 0.8 },
      { text: "sweep", weight: 0.5 },
      { text: "frontier", weight: 0.9 },
      { text: "url frontier", weight: 1 },
      { text: "backfill", weight: 0.7 },
      { text: "scrub", weight: 0.6 },
      { text: "once a day", weight: 0.4 },
      { text: "every record", weight: 0.5 },
      { text: "fixes stale", weight: 0.6 },
      { text: "checkpoint", weight: 0.5 },
      { text: "resume scan", weight: 0.8 },
      { text: "full table scan job", weight: 0.7 },
      { text: "periodic audit", weight: 0.6 },
      { text: "visit each", weight: 0.6 },
      { text: "politeness", weight: 0.7 },
      { text: "link checker", weight: 0.8 },
      { text: "data migration", weight: 0.5 },
    ],
    systems: [
      { name: "Googlebot", aliases: [], weight: 1 },
      { name: "Apache Nutch", aliases: ["Nutch"], weight: 1 },
      { name: "Heritrix", aliases: [], weight: 1 },
    ],
  },
  entities: [
    { name: "FrontierItem", description: "An item to visit with its priority, last visit, next visit time and outcome.", truth: true },
    { name: "ScanShard", description: "A range or hash bucket of the frontier with its owner claim and checkpoint.", truth: true },
    { name: "VisitResult", description: "What a visit found and did (fixed, unchanged, failed).", truth: false },
  ],
  writePaths: [
    { action: "add item to frontier", entity: "FrontierItem", shape: "create target", mechanism: "put-if-absent", critical: true },
    { action: "claim scan shard", entity: "ScanShard", shape: "state transition", mechanism: "claim-run", critical: true },
    { action: "checkpoint scan", entity: "ScanShard", shape: "overwrite current value", mechanism: "scan-checkpoint", hidden: true, critical: true },
    { action: "record visit result", entity: "VisitResult", shape: "append event", mechanism: "append-log" },
    { action: "reschedule next visit", entity: "FrontierItem", shape: "overwrite current value", mechanism: "versioned-overwrite", hidden: true },
    { action: "split frontier into shards", entity: "ScanShard", shape: "async process", mechanism: "sharded-frontier", hidden: true },
  ],
  readPaths: [
    { action: "fetch next batch", entity: "FrontierItem", shape: "read source", staleness: "none within the claimed shard" },
    { action: "report pass progress", entity: "ScanShard", shape: "read projection", staleness: "one checkpoint interval" },
  ],
  protocols: [
    {
      name: "scan a shard",
      notation:
        "worker[claim shard {ScanShard.owner = null or ScanShard.lease_expires < now}] -> worker[read batch after checkpoint] -> worker[visit and fix {idempotent per item}] -> worker[checkpoint {ScanShard.owner = me}] |-> coordinator[reclaim shard {lease expired}] => done | retry | reclaim",
    },
  ],
  invariants: [
    "Every FrontierItem is visited at least once per pass period.",
    "A ScanShard is scanned by at most one worker at a time.",
    "A ScanShard checkpoint only advances past items whose visit results are durable.",
    "Visiting an item twice has no extra effect beyond the first fix.",
  ],
  contract: {
    api: [
      "enqueue(item, priority) -> ok (deduplicated)",
      "start_pass(period) -> pass id; progress(pass id) -> shards done, items left",
      "claim(worker) -> shard and checkpoint",
    ],
    guarantees: ["full coverage within the pass period", "resumable after crashes without rescanning completed ranges"],
  },
  predicates: [
    { id: "exclusivity-matters", because: "one worker per shard avoids double scanning" },
    { id: "time-bounded-hold", because: "shard claims expire when workers die" },
    { id: "dedup-matters", because: "the same item discovered twice must be visited once per pass" },
  ],
  failures: [
    { failure: "a worker dies mid-shard", role: "coordination", prevention: "shard claims expire; progress is checkpointed", repair: "another worker reclaims the shard and resumes after the checkpoint" },
    { failure: "the checkpoint advances past an unprocessed item", role: "coordination", prevention: "checkpoint only after the batch's results are durable", repair: "rescan the shard from an earlier checkpoint; visits are idempotent" },
    { failure: "a skewed shard makes the pass miss its deadline", role: "coordination", prevention: "split shards by size, not by key range alone", repair: "split the slow shard and hand halves to idle workers" },
    { failure: "the scan overloads the systems it visits", role: "external effect", prevention: "per-target politeness and rate limits", repair: "back off and extend the pass" },
    { failure: "new items are added behind the scan position and missed", role: "truth", prevention: "new items get an immediate next-visit time in the frontier", repair: "the next pass picks them up; alert on items overdue" },
  ],
  bottlenecks: [
    {
      bottleneck: "the visit rate needed to finish a pass in time",
      mitigation: "more workers and smaller shards; prioritise items most likely to need fixing",
      formula: { yields: "visits per second to finish a pass", expression: "items / scan_period_seconds", unit: "visits/s" },
    },
    {
      bottleneck: "per-target politeness limits (per host or per API)",
      mitigation: "interleave targets across workers and queue per host",
      formula: { yields: "workers needed", expression: "items / scan_period_seconds * task_seconds", unit: "workers" },
    },
    {
      bottleneck: "frontier storage and deduplication at large scale",
      mitigation: "hash-partitioned frontier with a compact seen-set per shard",
      formula: { yields: "frontier bytes", expression: "items * message_bytes", unit: "B" },
    },
  ],
  silhouette: {
    storage: "frontier store + checkpoint store",
    coordination: "claim + checkpoint progression",
    serving: "worker scan / batch fetch",
  },
  technologies: [
    { product: "PostgreSQL or MySQL frontier table", layer: "storage", fits: "rows with next-visit time, shard claims by conditional update", suits: ["durable", "linearizable", "operational-simplicity"], poorFor: ["high-throughput"], caveat: "hot index on next-visit time at very high rates" },
    { product: "Cassandra or Bigtable frontier", layer: "storage", fits: "huge frontiers partitioned by host or hash", suits: ["high-throughput", "elastic-scale", "durable"], poorFor: ["linearizable"], caveat: "claims need a separate coordination store" },
    { product: "Kafka partitions as shards", layer: "coordination", fits: "partitions as work shards with committed offsets as checkpoints", suits: ["ordering", "at-least-once", "high-throughput"], poorFor: ["rich-queries"], caveat: "re-visit scheduling by time is awkward in a log" },
  ],
  connections: [
    { to: "I02", role: "decorator", why: "shards are claimed under expiring leases", typical: true },
    { to: "I05", role: "output", why: "visit results are published as events" },
    { to: "I15", role: "substrate", why: "workers run on a fleet that scales with the pass" },
    { to: "I08", role: "decorator", why: "politeness limits per target are admission control" },
  ],
  overlay: {
    driver: "the pass scheduler that opens a new pass each period",
    unit: "a shard of the frontier, processed in batches",
    worker: "scan workers",
    slot: "a claimed shard",
    state: "FrontierItem and ScanShard checkpoint (authoritative), claim lease (attempt state)",
    source: "the frontier store",
    sink: "fixed records and the visit-result stream",
    fabric: "shard claims in the coordination store",
    maintenance: "re-splitting slow shards, reclaiming expired claims, pruning dead items",
  },
} satisfies ArchetypeInput;
