import { FEATURE_BY_ID, FEATURES, type FeatureEntry, PRODUCTS } from "./features/index.js";
import { coreFeatures } from "./features/products.js";
import type { PhraseSignal } from "./schema.js";
import type { DefaultSubstrate, ProductNameInput, ProductSubstrate } from "./tables-schema.js";

/**
 * Branch signals for the recogniser: does a prompt ask about infrastructure first, or about a
 * product / user workflow first? Phrases are matched on lower-cased, stemmed content words in
 * any order within a short window (hyphens split, stop words dropped), so one spelling covers
 * inflections. Weight 1.0 = the phrase alone settles the branch; 0.2–0.4 = a weak lean that
 * also shows up in the other branch.
 */

/** Topics and words that make a prompt infrastructure-first (the seed's list, then common infra vocabulary). */
export const INFRA_SIGNALS: readonly PhraseSignal[] = [
  // the seed's dominant questions
  { text: "coordination", weight: 0.7 },
  { text: "routing", weight: 0.5 },
  { text: "replication", weight: 0.7 },
  { text: "control plane", weight: 0.9 },
  { text: "data plane", weight: 0.8 },
  { text: "ordering guarantee", weight: 0.7 },
  { text: "message ordering", weight: 0.8 },
  { text: "total order", weight: 0.7 },
  { text: "partition", weight: 0.6 },
  { text: "ownership", weight: 0.4 },
  { text: "serving substrate", weight: 0.8 },
  // the seed's typical signals
  { text: "queue", weight: 0.7 },
  { text: "pub sub", weight: 0.9 },
  { text: "stream processing", weight: 0.8 },
  { text: "event stream", weight: 0.7 },
  { text: "broker", weight: 0.8 },
  { text: "cache", weight: 0.6 },
  { text: "key value", weight: 0.9 },
  { text: "session store", weight: 0.8 },
  { text: "lock", weight: 0.6 },
  { text: "lock service", weight: 0.9 },
  { text: "load balancer", weight: 0.9 },
  { text: "gateway", weight: 0.6 },
  { text: "cdn", weight: 0.9 },
  { text: "service discovery", weight: 0.9 },
  { text: "config", weight: 0.4 },
  { text: "config service", weight: 0.8 },
  { text: "leader election", weight: 1 },
  { text: "scheduler", weight: 0.7 },
  { text: "serverless", weight: 0.8 },
  { text: "worker fleet", weight: 0.7 },
  { text: "metadata store", weight: 0.9 },
  { text: "id generation", weight: 0.9 },
  { text: "unique id", weight: 0.6 },
  // wider infra vocabulary
  { text: "throughput", weight: 0.3 },
  { text: "latency", weight: 0.3 },
  { text: "p99", weight: 0.4 },
  { text: "tail latency", weight: 0.5 },
  { text: "replica", weight: 0.6 },
  { text: "shard", weight: 0.6 },
  { text: "consensus", weight: 0.9 },
  { text: "quorum", weight: 0.9 },
  { text: "raft", weight: 0.8 },
  { text: "paxos", weight: 0.9 },
  { text: "failover", weight: 0.6 },
  { text: "split brain", weight: 0.9 },
  { text: "idempotent", weight: 0.4 },
  { text: "exactly once", weight: 0.6 },
  { text: "at least once", weight: 0.7 },
  { text: "at most once", weight: 0.7 },
  { text: "backpressure", weight: 0.7 },
  { text: "sla", weight: 0.3 },
  { text: "multi region", weight: 0.4 },
  { text: "consistent hashing", weight: 0.9 },
  { text: "write ahead log", weight: 0.9 },
  { text: "offset", weight: 0.5 },
  { text: "consumer group", weight: 0.9 },
  { text: "durability", weight: 0.4 },
  { text: "linearizable", weight: 0.9 },
  { text: "eventual consistency", weight: 0.6 },
  { text: "strong consistency", weight: 0.6 },
  { text: "rate limiter", weight: 0.9 },
  { text: "circuit breaker", weight: 0.7 },
  { text: "health check", weight: 0.6 },
  { text: "heartbeat", weight: 0.7 },
  { text: "lease", weight: 0.6 },
  { text: "fencing token", weight: 1 },
  { text: "gossip protocol", weight: 0.9 },
  { text: "reverse proxy", weight: 0.9 },
  { text: "service mesh", weight: 0.9 },
  { text: "sidecar", weight: 0.6 },
  { text: "dead letter", weight: 0.7 },
  { text: "visibility timeout", weight: 0.8 },
  { text: "compaction", weight: 0.6 },
  { text: "retention policy", weight: 0.5 },
  { text: "hot partition", weight: 0.7 },
  { text: "rebalance", weight: 0.6 },
  { text: "replication lag", weight: 0.8 },
  { text: "read replica", weight: 0.7 },
  { text: "object storage", weight: 0.8 },
  { text: "blob store", weight: 0.8 },
  { text: "block storage", weight: 0.9 },
  { text: "distributed file system", weight: 0.9 },
  { text: "chunk server", weight: 0.9 },
  { text: "artifact registry", weight: 0.9 },
  { text: "container registry", weight: 0.9 },
  { text: "package registry", weight: 0.8 },
  { text: "job queue", weight: 0.9 },
  { text: "task queue", weight: 0.9 },
  { text: "cron", weight: 0.7 },
  { text: "time series", weight: 0.8 },
  { text: "telemetry", weight: 0.8 },
  { text: "log aggregation", weight: 0.8 },
  { text: "monitoring", weight: 0.5 },
  { text: "feature flag", weight: 0.6 },
  { text: "rollout", weight: 0.4 },
  { text: "control loop", weight: 0.7 },
  { text: "container orchestration", weight: 0.9 },
  { text: "kubernetes", weight: 0.7 },
  { text: "workflow engine", weight: 0.8 },
  { text: "vector clock", weight: 0.8 },
  { text: "infrastructure", weight: 0.5 },
  { text: "platform team", weight: 0.5 },
  { text: "multi tenant", weight: 0.4 },
  { text: "storage engine", weight: 0.9 },
];

/** Words that make a prompt product- or user-workflow-first. */
export const PRODUCT_SIGNALS: readonly PhraseSignal[] = [
  { text: "news feed", weight: 0.9 },
  { text: "feed", weight: 0.5 },
  { text: "timeline", weight: 0.5 },
  { text: "follow user", weight: 0.6 },
  { text: "social graph", weight: 0.7 },
  { text: "likes", weight: 0.4 },
  { text: "comment", weight: 0.4 },
  { text: "post", weight: 0.3 },
  { text: "hashtag", weight: 0.7 },
  { text: "stories", weight: 0.4 },
  { text: "profile page", weight: 0.8 },
  { text: "user profile", weight: 0.5 },
  { text: "friend", weight: 0.5 },
  { text: "photo sharing", weight: 0.9 },
  { text: "video sharing", weight: 0.9 },
  { text: "chat app", weight: 0.8 },
  { text: "messenger app", weight: 0.8 },
  { text: "group chat", weight: 0.7 },
  { text: "ride hailing", weight: 0.9 },
  { text: "ride sharing", weight: 0.9 },
  { text: "rider driver", weight: 0.7 },
  { text: "food delivery", weight: 0.9 },
  { text: "grocery delivery", weight: 0.9 },
  { text: "booking", weight: 0.5 },
  { text: "reservation", weight: 0.5 },
  { text: "ticket booking", weight: 0.9 },
  { text: "ticketing", weight: 0.6 },
  { text: "checkout", weight: 0.6 },
  // limited stock sold in a burst: a business's units held under a "never oversell" rule
  { text: "flash sale", weight: 0.7 },
  { text: "limited drop", weight: 0.7 },
  { text: "sneaker drop", weight: 0.8 },
  { text: "inventory", weight: 0.4 },
  { text: "oversell", weight: 0.5 },
  { text: "shopping cart", weight: 0.9 },
  { text: "marketplace", weight: 0.7 },
  { text: "e-commerce", weight: 0.8 },
  { text: "ecommerce", weight: 0.8 },
  { text: "online store", weight: 0.8 },
  { text: "product catalog", weight: 0.7 },
  { text: "restaurant", weight: 0.7 },
  { text: "hotel", weight: 0.7 },
  { text: "job board", weight: 0.8 },
  { text: "ratings", weight: 0.5 },
  { text: "reviews", weight: 0.4 },
  { text: "recommendations", weight: 0.5 },
  { text: "matchmaking", weight: 0.6 },
  { text: "social network", weight: 0.9 },
  { text: "dating app", weight: 0.9 },
  { text: "video streaming app", weight: 0.8 },
  { text: "music streaming", weight: 0.8 },
  { text: "online game", weight: 0.7 },
  { text: "multiplayer game", weight: 0.8 },
  { text: "leaderboard", weight: 0.5 },
  { text: "auction", weight: 0.6 },
  { text: "coupon", weight: 0.6 },
  { text: "wallet", weight: 0.4 },
  { text: "mobile app", weight: 0.5 },
  { text: "end users", weight: 0.3 },
  { text: "customer", weight: 0.3 },
  { text: "url shortener", weight: 0.5 },
  { text: "pastebin", weight: 0.5 },
  { text: "video call", weight: 0.6 },
  { text: "calendar", weight: 0.5 },
  { text: "newsletter", weight: 0.5 },
  { text: "nearby", weight: 0.4 },
  { text: "trending", weight: 0.4 },
  { text: "user upload photo", weight: 0.6 },
  { text: "wiki", weight: 0.7 },
  { text: "comment threads", weight: 0.5 },
  // people sharing costs among themselves (features/shared-expenses.ts): 'bill' there is a dinner's bill, not billing
  { text: "split expenses", weight: 0.9 },
  { text: "shared expenses", weight: 0.9 },
  { text: "expense sharing", weight: 0.9 },
  { text: "expense splitting", weight: 0.9 },
  { text: "split the bill", weight: 0.9 },
  { text: "bill splitting", weight: 0.9 },
  { text: "split costs", weight: 0.8 },
  { text: "who owes whom", weight: 0.9 },
  { text: "iou", weight: 0.8 },
  { text: "settle up", weight: 0.6 },
];

/**
 * Named consumer products, derived from the one product list (features/products.ts): each name and
 * alias with its weight, and the catalogue features of its core, which give its substrates.
 */
export const PRODUCT_NAMES: readonly ProductNameInput[] = PRODUCTS.map((p) => ({
  name: p.name,
  aliases: p.aliases ?? [],
  weight: p.weight,
  ...(p.note ? { note: p.note } : {}),
  // its core and what the core needs: what it is also known for (search, notifications) is a substrate only where
  // the prompt's own words name it
  features: withNeeds(coreFeatures(p)).map(featurePhrase),
}));

/** Features and, transitively, the features they need (fulfilment needs dispatch, which needs locations). */
function withNeeds(ids: readonly string[]): string[] {
  const all = new Set(ids);
  for (const id of all) for (const dep of FEATURE_BY_ID.get(id)?.requires ?? []) all.add(dep);
  return [...all];
}

/** The row key of a catalogue feature: its id as words ("file-sync" -> "file sync"). */
function featurePhrase(id: string): string {
  return id.replace(/-/g, " ");
}

/**
 * A catalogue feature's substrate row: the archetypes it rests on as substrates, in the order
 * the feature lists them (the archetypes it only feeds from or into stay with the feature).
 */
function featureRow(f: FeatureEntry): ProductSubstrate {
  const core = f.substrates.filter((s) => s.role === "substrate");
  return {
    feature: featurePhrase(f.id),
    archetypes: core.map((s) => s.id),
    why:
      core.length > 0 ? `${f.name}: ${core.map((s) => s.why).join("; ")}.` : `${f.name}: rests on managed parts only.`,
  };
}

/** Prompt phrases for product features the catalogue does not model as a feature of its own. */
const PHRASE_SUBSTRATES: readonly ProductSubstrate[] = [
  {
    feature: "news feed",
    archetypes: ["I06", "I05"],
    why: "A feed is a per-reader projection filled by fanning out a log of posts.",
  },
  {
    feature: "timeline",
    archetypes: ["I06", "I05"],
    why: "A timeline is the same fan-out projection as a feed, read newest first.",
  },
  {
    feature: "chat",
    archetypes: ["I05", "I10"],
    why: "Messages are an ordered log per conversation, delivered to whoever the presence registry says is connected.",
  },
  {
    feature: "direct message",
    archetypes: ["I05", "I10"],
    why: "A one-to-one conversation is a small ordered log plus routing to the recipient's live connection.",
  },
  {
    feature: "presence",
    archetypes: ["I10"],
    why: "Online status is heartbeat-kept membership with expiry.",
  },
  {
    feature: "online status",
    archetypes: ["I10"],
    why: "Whether someone is online is a presence entry that lapses when heartbeats stop.",
  },
  {
    feature: "typing indicator",
    archetypes: ["I10", "I05"],
    why: "Short-lived presence state pushed to the other participants of a conversation.",
  },
  {
    feature: "payment",
    archetypes: ["I12"],
    why: "Money moves at an outside provider, so it needs an outbox, idempotent calls and reconciliation.",
  },
  {
    feature: "checkout",
    archetypes: ["I12", "I02"],
    why: "Checkout holds stock for the buyer and then runs a payment workflow with an external effect.",
  },
  {
    feature: "refund",
    archetypes: ["I12"],
    why: "A refund is an external effect that must fire once and be reconciled.",
  },
  {
    feature: "booking",
    archetypes: ["I02", "I03"],
    why: "A booking claims a slot exclusively, with a hold that expires if it is not confirmed in time.",
  },
  {
    feature: "reservation",
    archetypes: ["I02", "I03"],
    why: "Reserving is an exclusive claim on an item plus a due-time release of unconfirmed holds.",
  },
  {
    feature: "seat hold",
    archetypes: ["I02", "I03"],
    why: "Holding a seat is a lease on one seat that expires at a deadline.",
  },
  {
    feature: "waiting room",
    archetypes: ["I08", "I02"],
    why: "A virtual queue for a sale meters admission, then grants holds to those let in.",
  },
  {
    feature: "inventory",
    archetypes: ["I16"],
    why: "Stock counts are key-scoped state decremented under a guard; a reservation of items in a cart is a row beside the count that lapses at its expiry.",
  },
  {
    feature: "shopping cart",
    archetypes: ["I16"],
    why: "A cart is per-user mutable state where a plain overwrite is usually acceptable.",
  },
  {
    feature: "search",
    archetypes: ["I06"],
    why: "Search serves a derived index built from the source of truth by a projector.",
  },
  {
    feature: "autocomplete",
    archetypes: ["I06", "I07"],
    why: "Prefix suggestions come from a precomputed index served through a cache.",
  },
  {
    feature: "photo upload",
    archetypes: ["I14", "I19", "I07"],
    why: "Uploaded media is immutable content stored in chunked blob storage and delivered from edge caches.",
  },
  {
    feature: "video upload",
    archetypes: ["I14", "I19", "I07", "I15"],
    why: "Video is stored as immutable blobs, transcoded on a worker fleet, and streamed from edge caches.",
  },
  {
    feature: "video streaming",
    archetypes: ["I07", "I14"],
    why: "Playback is edge delivery of immutable video segments from an origin.",
  },
  {
    feature: "media",
    archetypes: ["I14", "I19", "I07"],
    why: "Images, audio and video are write-once blobs served from copies near readers.",
  },
  {
    feature: "notification",
    archetypes: ["I03", "I12"],
    why: "Notifications fire at a due time and leave the system through an outside provider.",
  },
  {
    feature: "reminder",
    archetypes: ["I03", "I12"],
    why: "A reminder is a stored future trigger whose firing sends an external message.",
  },
  {
    feature: "email",
    archetypes: ["I12"],
    why: "Email is an external side effect relayed from a recorded intent.",
  },
  {
    feature: "rate limit",
    archetypes: ["I08"],
    why: "Per-user or per-key budgets are admission control.",
  },
  {
    feature: "likes",
    archetypes: ["I16", "I05"],
    why: "Counts are key-scoped counters, often fed by an event log to absorb bursts on popular items.",
  },
  {
    feature: "view count",
    archetypes: ["I16", "I05"],
    why: "Views are high-volume increments best aggregated from a log into a counter per item.",
  },
  {
    feature: "counter",
    archetypes: ["I16"],
    why: "A counter is mutable state per key updated atomically on its owner.",
  },
  {
    feature: "rating",
    archetypes: ["I16", "I06"],
    why: "Individual ratings are per-key state; the average shown is a derived aggregate.",
  },
  {
    feature: "leaderboard",
    archetypes: ["I16", "I06"],
    why: "Scores are per-player state and the ranking is a sorted projection of them.",
  },
  {
    feature: "matchmaking",
    archetypes: ["I02", "I10"],
    why: "Waiting players are a presence pool, and forming a match claims each player exclusively.",
  },
  {
    feature: "recommendation",
    archetypes: ["I06", "I05"],
    why: "Recommendations are a derived view computed from an activity event stream.",
  },
  {
    feature: "trending",
    archetypes: ["I06", "I05"],
    why: "Trending items are a windowed aggregate projected from an event stream.",
  },
  {
    feature: "ride dispatch",
    archetypes: ["I10", "I16", "I02"],
    why: "Available drivers are a presence registry with locations, and assigning a trip claims one driver.",
  },
  {
    feature: "driver location",
    archetypes: ["I10", "I16"],
    why: "Live location is a frequently overwritten value per driver that lapses when updates stop.",
  },
  {
    feature: "nearby",
    archetypes: ["I06", "I16"],
    why: "Proximity search runs over a geo index derived from per-entity location state.",
  },
  {
    feature: "collaborative editing",
    archetypes: ["I13"],
    why: "Several people edit one document, so operations must be sequenced or merged per document.",
  },
  {
    feature: "shared document",
    archetypes: ["I13", "I14"],
    why: "A shared document is a coordinated subject with versioned snapshots.",
  },
  {
    feature: "whiteboard",
    archetypes: ["I13", "I10"],
    why: "A live canvas merges concurrent edits and shows who is present.",
  },
  {
    feature: "analytics",
    archetypes: ["I18", "I05"],
    why: "Analytics ingests events into a time-series or aggregation pipeline.",
  },
  {
    feature: "metrics dashboard",
    archetypes: ["I18"],
    why: "Dashboards query a telemetry store of time-bucketed samples.",
  },
  {
    feature: "activity log",
    archetypes: ["I05"],
    why: "An activity or audit history is an append-only log per user or account.",
  },
  {
    feature: "order status",
    archetypes: ["I12", "I05"],
    why: "An order moves through workflow states, each change published to whoever tracks it.",
  },
  {
    feature: "order book",
    archetypes: ["I13", "I05"],
    why: "Orders on one instrument are a hot shared subject sequenced by a single matcher, with fills published as a log.",
  },
  {
    feature: "auction",
    archetypes: ["I13", "I03"],
    why: "Bids on one item are sequenced on a shared subject, and the close happens at a due time.",
  },
  {
    feature: "ledger",
    archetypes: ["I05", "I12"],
    why: "Balances come from an append-only ledger, and money leaving goes through an external-effect workflow.",
  },
  {
    feature: "subscription billing",
    archetypes: ["I03", "I12"],
    why: "Recurring charges are due-time jobs that each trigger an external payment.",
  },
  {
    feature: "scheduled post",
    archetypes: ["I03"],
    why: "A post set for later is a stored due time released into publishing when it arrives.",
  },
  {
    feature: "url shortener",
    archetypes: ["I09", "I16", "I07"],
    why: "Short codes come from an id generator, the mapping is key-value state, and redirects are served from cache.",
  },
  {
    feature: "promo code",
    archetypes: ["I16", "I09"],
    why: "Codes are generated unique and their redemption count is guarded per-code state.",
  },
  {
    feature: "file sync",
    archetypes: ["I19", "I14", "I05"],
    why: "Files are chunked storage with immutable versions and a change log each device follows.",
  },
  {
    feature: "user profile",
    archetypes: ["I16", "I07"],
    why: "A profile is per-user mutable state read far more than written, so it is cached.",
  },
  {
    feature: "social graph",
    archetypes: ["I16", "I06"],
    why: "Follow edges are per-user state, with reverse lookups maintained as a derived index.",
  },
  {
    feature: "live stream",
    archetypes: ["I07", "I15", "I05"],
    why: "Live video is ingested, transcoded on workers, and pushed through edge delivery as it is produced.",
  },
];

/**
 * Product features mapped to the infra archetypes they lean on, main archetype first: one row per
 * catalogue feature (its substrates), then the phrase rows whose key no feature takes.
 */
export const PRODUCT_SUBSTRATES: readonly ProductSubstrate[] = [
  ...FEATURES.map(featureRow),
  ...PHRASE_SUBSTRATES.filter((r) => !FEATURE_BY_ID.has(r.feature.replace(/ /g, "-"))),
];

/** When a product prompt fires no feature row: the substrate most product designs rest on. */
export const DEFAULT_SUBSTRATE: DefaultSubstrate = {
  archetypes: ["I16", "I06", "I07"],
  why: "Most product features keep per-entity state by key, serve lists and searches from derived views, and put a cache in front of hot reads.",
};

/**
 * Words that ask for a closer look at one part of a product ("Design Uber, focusing on the
 * location store"): with them, a product prompt that also names infrastructure is mixed. An explicit
 * turn ("focusing on", "with emphasis on", "concentrating on") says outright that what follows is the
 * part to design, so less infrastructure evidence is needed after it than after "and its".
 */
export interface FocusCue {
  text: string;
  /** The cue itself asks to look closely at what follows. */
  explicit?: true;
}

export const FOCUS_CUES: readonly FocusCue[] = [
  { text: "focusing on", explicit: true },
  { text: "focus on", explicit: true },
  { text: "focused on", explicit: true },
  { text: "with a focus on", explicit: true },
  { text: "concentrating on", explicit: true },
  { text: "concentrate on", explicit: true },
  { text: "with emphasis on", explicit: true },
  { text: "with an emphasis on", explicit: true },
  { text: "emphasizing", explicit: true },
  { text: "emphasising", explicit: true },
  { text: "paying special attention to", explicit: true },
  { text: "paying attention to", explicit: true },
  { text: "with particular attention to", explicit: true },
  { text: "deep dive", explicit: true },
  { text: "deep-dive", explicit: true },
  { text: "dive into", explicit: true },
  { text: "zoom in on", explicit: true },
  { text: "zooming in on", explicit: true },
  { text: "drill into", explicit: true },
  { text: "drilling into", explicit: true },
  { text: "go deep on", explicit: true },
  { text: "going deep on", explicit: true },
  { text: "the interesting part is", explicit: true },
  { text: "the hard part is", explicit: true },
  // the same turn worded as a label or a named requirement ("The hard part: …", "The central requirement is …")
  { text: "the hard part", explicit: true },
  { text: "the hardest part", explicit: true },
  { text: "the tricky part", explicit: true },
  { text: "the central requirement", explicit: true },
  { text: "the key requirement", explicit: true },
  { text: "the main requirement", explicit: true },
  { text: "the core requirement", explicit: true },
  // a stated interest is a turn too: "I'm most interested in how you keep track of which couriers are online"
  { text: "most interested in", explicit: true },
  { text: "mainly interested in", explicit: true },
  { text: "especially interested in", explicit: true },
  { text: "i care most about", explicit: true },
  { text: "what i care about is", explicit: true },
  { text: "the part i care about", explicit: true },
  { text: "want to understand how", explicit: true },
  { text: "want to hear about", explicit: true },
  { text: "want to hear how", explicit: true },
  { text: "like to understand how", explicit: true },
  { text: "like to hear how", explicit: true },
  { text: "dig into", explicit: true },
  { text: "digging into", explicit: true },
  { text: "want to see how", explicit: true },
  { text: "want to see is how", explicit: true },
  { text: "worth discussing", explicit: true },
  { text: "worth digging into", explicit: true },
  { text: "and its" },
  { text: "with its" },
  { text: "in particular the" },
];
