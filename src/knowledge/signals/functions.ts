import type { FunctionWord } from "./types.js";

/**
 * What a system does, said by the last word of the head's noun phrase when the head names no kind of system
 * ("Design package tracking for a parcel carrier …", "Design the metering behind a paywall …", "Design the course
 * registration system …"). Each row is a function noun or a nominalised verb and the archetypes that do it; when the
 * prompt's other words favour none of them, the first is read. Rows come from the heads of the labelled prompts
 * (eval/*.jsonl) where those exist, the label counts noted beside the row; rows with no labelled head are marked
 * "no labelled head". Words that end product heads in the labels ("a reading tracker", "a wedding planning site",
 * "a fitness class booking platform") are left out: there the head names a product, not a function.
 */
/**
 * What the head's function word is worth to the archetype that does it: above one word read in the body, below a
 * component the head names outright (0.7), so a component named there, a kind asked for and a stated hard rule each
 * still lead over it.
 */
export const FUNCTION_WEIGHT = 0.6;

/**
 * Words that, at the end of the head, say only that a whole thing is built ("the ranking engine", "the routing layer"),
 * beside the whole-product tails (knowledge/branch-heads.ts): the function word stands before them. Not "platform",
 * which ends a product's name as often ("a volunteer-matching platform").
 */
export const FUNCTION_TAILS: readonly string[] = ["engine", "layer", "tier"];

export const FUNCTION_WORDS: readonly FunctionWord[] = [
  // labelled: "an error tracking service", "a fleet tracking system" (I18); no labelled head keeps one status per thing
  {
    words: ["tracking"],
    ids: ["I06", "I18"],
    why: "the latest state of each thing, kept per key from the events that report it and served by key",
  },
  // labelled: "a usage metering service" (I06 ×2)
  {
    words: ["metering"],
    ids: ["I06", "I08"],
    why: "each key's use counted per window from the events that report it, with any cap checked against that count",
  },
  // no labelled head
  {
    words: ["registration", "registrations", "enrollment", "enrollments", "enrolment", "enrolments"],
    ids: ["I02", "I16"],
    why: "one of a limited number of places given to each taker, and no place given twice",
  },
  // no labelled head
  {
    words: ["prediction", "predictions", "forecast", "forecasts", "forecasting", "estimates", "etas"],
    ids: ["I06"],
    why: "a value derived per key from the events that feed it, recomputed as they arrive and read by key",
  },
  // labelled: "a driver dispatch service" (I02)
  {
    words: ["dispatch", "dispatching", "dispatcher"],
    ids: ["I02"],
    why: "each job handed to exactly one taker at a time, and taken back when the taker goes silent",
  },
  // labelled: "an order matching engine" (I13 ×2)
  {
    words: ["matching", "matchmaking", "matcher"],
    ids: ["I13"],
    why: "the offers on each book or pool paired in one order, kept by a single authority for that book",
  },
  // labelled: "a service mesh's routing layer" (I17)
  {
    words: ["routing", "router"],
    ids: ["I17"],
    why: "each request steered to a backend by rules that every front node applies",
  },
  // labelled: "a coordination service" (I01 ×4)
  {
    words: ["coordination", "coordinator", "consensus"],
    ids: ["I01", "I02"],
    why: "a small set of shared facts agreed by a quorum, which every participant reads and acts on",
  },
  // labelled: "a subscription billing engine", "… billing system" (I12 ×3)
  {
    words: ["billing", "invoicing", "invoices"],
    ids: ["I12"],
    why: "each account charged once per period through outside payment parties, in steps that are retried safely",
  },
  // labelled: "the recurring payments system" (I12); "a payout engine" (I12 ×4)
  {
    words: ["payments", "payouts", "refunds", "settlement", "settlements", "fulfillment", "fulfilment"],
    ids: ["I12", "I16"],
    why: "money or goods moved through outside parties as the steps of a workflow, each done once however often it is retried",
  },
  // labelled: "a partition assignment service" (I02)
  {
    words: ["allocation", "allocations", "assignment", "assignments", "allocator"],
    ids: ["I02"],
    why: "each thing given to one holder at a time, and never held by two",
  },
  // no labelled head
  {
    words: ["moderation"],
    ids: ["I02", "I05"],
    why: "each report handed from a queue to one reviewer at a time, and returned when that claim lapses",
  },
  // no labelled head
  {
    words: ["verification"],
    ids: ["I16"],
    why: "one record per thing being verified, checked and spent by a single conditional write",
  },
  // labelled: "a fraud detection system" (I06 ×2); "a recommendation service" (I06 ×2); "a trending topics service"
  {
    words: ["detection", "scoring", "ranking", "rankings", "recommendation", "recommendations", "personalization"],
    ids: ["I06"],
    why: "a value derived per key from the events that feed it, kept current as they arrive and read by key",
  },
  // no labelled head
  {
    words: ["counting", "tallies", "tallying", "tally"],
    ids: ["I06", "I16"],
    why: "each event added to a running total per key and window, and the totals served by key",
  },
  // no labelled head
  {
    words: ["deduplication", "dedup", "dedupe"],
    ids: ["I16"],
    why: "a record per key of what was already seen, checked and set in one write",
  },
  // labelled: "a metrics ingestion service" (I18); "log collection" (I18 ×2)
  {
    words: ["ingestion", "collection"],
    ids: ["I18", "I05"],
    why: "a stream of reports from many sources taken into a durable buffer and stored by series and time",
  },
  // labelled: "a backup service" (I19 ×2); an archive is left out: what it keeps is often records that must never
  // change ("a document archive where a filed record can never be altered"), an immutable namespace, not chunk copies
  {
    words: ["backup", "backups"],
    ids: ["I19"],
    why: "copies of data kept as replicated chunks that survive the loss of disks, machines and zones",
  },
  // labelled: "a notification service" (I12 ×6); "messaging" said of people ("a group messaging service") is the chat
  // product's word and is not read here (signals/messaging.ts)
  {
    words: ["notification", "notifications", "messaging"],
    ids: ["I12", "I05"],
    why: "each message sent once through outside delivery parties, each step retried safely",
  },
  // labelled: "a log-based alerting system" (I18); "a monitoring system" (I18 ×8); "centralized logging" (I18)
  {
    words: ["alerting", "monitoring", "logging", "tracing", "observability", "telemetry"],
    ids: ["I18"],
    why: "measurements collected as time series, with rules evaluated over recent windows",
  },
  // labelled: "a video transcoding service" (I15); "a batch processing system" (I15 ×3)
  {
    words: ["transcoding", "encoding", "rendering", "processing", "provisioning", "execution"],
    ids: ["I15", "I06", "I12"],
    why: "units of work run on a fleet of workers, each leased by one worker and retried elsewhere when it fails",
  },
  // labelled: "a web scraping platform", "a malware scanner", "a link checker", "a data migration service" (I04)
  {
    words: [
      "scanning",
      "scanner",
      "scraping",
      "scraper",
      "crawling",
      "migration",
      "reconciliation",
      "sweeping",
      "sweeper",
    ],
    ids: ["I04"],
    why: "a pass over a large keyspace in claimable ranges, resumed where a failed worker stopped",
  },
  // labelled: "a reminder service" (I03 ×5), "a timer service" (I03 ×3)
  {
    words: [
      "reminders",
      "reminder",
      "scheduling",
      "expiry",
      "expiration",
      "expirations",
      "renewal",
      "renewals",
      "timers",
    ],
    ids: ["I03"],
    why: "each piece of work released once at its due time, from a store ordered by due time",
  },
  // labelled: "a config distribution system" (I11 ×7), "a release rollout service" (I11 ×3), "a deployment system" (I11 ×4)
  {
    words: ["distribution", "rollout", "rollouts", "propagation", "deployment", "deployments", "experimentation"],
    ids: ["I11"],
    why: "a versioned change spread from one control plane to a fleet in stages, and rolled back in one step",
  },
  // labelled: "an app release system" (I14)
  {
    words: ["publishing", "release", "releases", "versioning"],
    ids: ["I14"],
    why: "each version named once, never changed, and delivered by its content digest",
  },
  // labelled: "a sync backend", "the sync layer" (I13 ×4, I19)
  {
    words: ["sync", "syncing", "synchronization", "synchronisation", "collaboration", "editing", "co-editing"],
    ids: ["I13", "I19"],
    why: "every client's changes to a shared subject ordered in one place, and each client handed what it missed",
  },
  // labelled: "google cloud storage", "a block storage service" (I19 ×9)
  {
    words: ["storage"],
    ids: ["I19", "I16"],
    why: "data kept as replicated chunks on many disks, with a metadata service that says where each lives",
  },
  // labelled: "service discovery" (I10 ×6); "a presence service" (I10 ×6)
  {
    words: ["discovery", "presence", "heartbeats", "membership"],
    ids: ["I10"],
    why: "who is alive and where, kept from heartbeats that lapse when a member goes silent",
  },
  // labelled: "a real-time analytics service" (I06 ×3); "a log aggregation system" (I18 ×2, I06)
  {
    words: ["analytics", "reporting", "aggregation", "dashboards", "insights"],
    ids: ["I06", "I18"],
    why: "events counted per key in time windows from a log, and the results served to queries",
  },
  // labelled: "a search engine", "a log search system" (I06 ×17); where "search" ends a product feature's own phrase
  // ("a geo search", "nearby search") that feature designs it, and the function word is not read (`functionHit`)
  {
    words: ["search", "indexing", "lookup", "lookups", "autocomplete"],
    ids: ["I06", "I16"],
    why: "an index derived from the source records, updated as they change, that answers queries",
  },
  // labelled: "the edge caching layer" (I07 ×4)
  {
    words: ["caching"],
    ids: ["I07"],
    why: "copies of what an origin serves kept close to readers, refreshed or purged when it changes",
  },
  // labelled: "a per-tenant api quota service" (I08 ×4), "a throttling service" (I08), "a bot mitigation service" (I08 ×2)
  {
    words: ["throttling", "admission", "quotas", "limiting", "shedding", "mitigation", "queueing"],
    ids: ["I08"],
    why: "each request admitted only while its key's budget for the window lasts, the rest turned away or made to wait",
  },
  // labelled: "a leader election service" (I02 ×6)
  {
    words: ["election", "leasing", "locking"],
    ids: ["I02", "I01"],
    why: "one holder granted a lease at a time, fenced by a token that rises with each grant",
  },
  // labelled: "a ticketing backend" (I02 ×2), "a hotel reservation system" (I02 ×6), "a seat hold service" (I02 ×4)
  {
    words: ["ticketing", "reservation", "reservations", "holds"],
    ids: ["I02"],
    why: "each seat or unit held for one buyer at a time, and never sold twice",
  },
  // labelled: "a voting system", "an election voting service" (I02 ×2, I16)
  {
    words: ["voting", "ballots"],
    ids: ["I02", "I16"],
    why: "each voter's vote taken once, by a conditional write on the voter's own record",
  },
  // labelled: "a stock trading app" (I13 ×2); bidding and auctions are left out: an auction's product designs its bids
  // and its close at a due time ("a bidding system for a charity auction site" names the auction after the head, where
  // no feature's phrase covers "bidding"; "auctions" is always the auction feature's own word, so never read here)
  {
    words: ["trading"],
    ids: ["I13", "I05"],
    why: "every order on one instrument ordered in one place, which decides what matches",
  },
  // labelled: "an orchestrator" (I12 ×5, I15 ×2)
  {
    words: ["orchestration", "workflows"],
    ids: ["I12", "I15"],
    why: "the steps of each workflow run in order from a durable history, each retried safely",
  },
  // no labelled head
  {
    words: ["sequencing", "numbering", "shortening"],
    ids: ["I09"],
    why: "identifiers never issued twice, handed out from ranges each node owns",
  },
  // no labelled head
  {
    words: ["transfers", "bookkeeping", "accounting"],
    ids: ["I16"],
    why: "amounts moved once between accounts the system keeps, with balances that always sum",
  },
  // no labelled head
  {
    words: ["replication", "failover"],
    ids: ["I16", "I01"],
    why: "each key's value kept on several nodes, written through one leader per key range",
  },
  // labelled: "a global load balancer" (as 'balancer', I17 ×8); the -ing forms have no labelled head
  {
    words: ["balancing", "steering", "proxying"],
    ids: ["I17"],
    why: "requests spread over healthy backends by rules every front node applies",
  },
];
