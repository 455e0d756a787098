import { MAKING_VERBS } from "./product-record.js";

/**
 * Words that read a stock the prompt counts ("storing 50 million recipes", "for 100 million voters", "each voter can
 * vote exactly once") into the calls its own record takes (engine/stock-records.ts): a verb right before the count
 * makes the record, a modal after the noun says what the counted thing does.
 */

/**
 * Verbs that, said right before a count, make the thing counted ("schedule 1 billion messages", "publish 5 million
 * packages"): the record's create call is named by the verb. A verb outside this list before a count (a "spreads …
 * across 1,000 backends") makes nothing, and the record is added or updated by its key.
 */
export const STOCK_VERBS: readonly string[] = [...MAKING_VERBS, "schedule", "register", "ingest"];

/**
 * Verbs that, said right before a count, keep the things counted without saying how they are made ("storing 50
 * million recipes", "tracks 30 million parcels"): each is put by its key, and the count is the store's.
 */
export const KEEP_VERBS: readonly string[] = ["store", "save", "keep", "hold", "host", "index", "track", "manage"];

/** Words between a counted noun and the verb it does ("each voter can vote", "voters each cast"): the verb is the thing's own action. */
export const ACTION_MODALS: readonly string[] = ["can", "may", "must", "should", "will", "each"];

/** Words in the action's clause that make it a once-only action per thing ("vote exactly once", "only once"). */
export const ONCE_WORDS: readonly string[] = ["once", "twice"];

/**
 * Counted nouns that measure a fungible quantity rather than name things kept one by one ("10,000 units" of stock is a
 * count in the stock's row, not 10,000 records).
 */
export const MEASURE_NOUNS: readonly string[] = [
  "unit",
  "piece",
  // "10,000 pairs of sneakers", "a code of 10 chars": a count of a quantity or a length
  "pair",
  "char",
  "character",
  "byte",
  // "900 requests per 15 minutes", "20 database queries in flight": traffic the system meters, counted as a rate or a
  // cap, not things kept one by one
  "request",
  "query",
];

/**
 * Counted nouns naming the places a system serves from or mints at ("unique across 12 warehouses", "edge caches in 150
 * cities", "200 points of presence", "6 DCs"): where its copies, minters or clients sit, never a record it keeps.
 */
export const SITE_NOUNS: readonly string[] = [
  "city",
  "country",
  "branch",
  "airport",
  "office",
  "supermarket",
  "warehouse",
  "point",
  "dc",
  "dcs",
];

/**
 * Counted system pieces of a fleet the prompt's system pushes to or runs on ("10,000 proxies", "3 replicas", "3,000
 * VMs"): the system's own layout or its clients, never a record it keeps (with `FLEET_NOUNS`).
 */
export const FLEET_PIECES: readonly string[] = ["proxy", "replica", "vm", "vms"];

/**
 * Words before a figure that make it a name or a label rather than a count ("a layer 4 load balancer", "level 3",
 * "version 2"): the noun after it is not counted.
 */
export const LABEL_LEADS: readonly string[] = ["layer", "level", "tier", "version", "step", "phase", "stage", "http"];

/** Words a figure may stand before that are no noun ("a 429 instead"): never a counted thing. */
export const NOT_NOUNS: readonly string[] = ["instead", "again", "apart", "ahead", "away", "later", "more", "less"];

/**
 * Counted nouns naming hardware a machine is built of ("4 SSDs per node", "600 GPUs"): a count of them sizes the
 * machines, never a record the system keeps, and no design need name them in its records.
 */
export const HARDWARE_NOUNS: readonly string[] = [
  "disk",
  "drive",
  "ssd",
  "hdd",
  "nvme",
  "core",
  "cpu",
  "gpu",
  "rack",
  "vm",
];

/**
 * Counted nouns that name the machines a system runs on or the pieces its own data is laid out in ("50 API gateway
 * nodes", "10,000 machines", "200 edge locations", "10,000 shards"): parts of the system's own fleet and layout, which
 * its components and capacity figures are, never records it keeps for its users.
 */
export const FLEET_NOUNS: readonly string[] = [
  "node",
  "machine",
  "server",
  "host",
  "location",
  "pop",
  "shard",
  "partition",
  "disk",
  "drive",
  "core",
  "cpu",
  "cluster",
  ...HARDWARE_NOUNS,
];

/** Words before a count that make it how many are picked, not how many are kept ("the top 100 hashtags"). */
export const SELECTION_WORDS: readonly string[] = ["top", "first", "last", "bottom"];

/** Counted nouns naming other systems that call this one ("2,000 microservices elect leaders"): callers, never records. */
export const CALLER_SYSTEM_NOUNS: readonly string[] = ["microservice"];

/**
 * Counted nouns naming the people who use or run the system ("for 10k engineers", "with 80k tutors"): a counted party
 * is a client whose count sizes the load, never a record of its own, unless the prompt gives each one a rule the
 * system must keep ("each voter can vote exactly once": the record holds the receipt). Where a record of the design
 * stands for whatever it tracks (a registration, a key), that record plays the party ("Registration plays the
 * prompt's 'tutor'").
 */
export const PARTY_NOUNS: readonly string[] = [
  "engineer",
  "developer",
  "operator",
  "employee",
  "staff",
  "driver",
  "rider",
  "courier",
  "student",
  "teacher",
  "tutor",
  "patient",
  "doctor",
  "nurse",
  "buyer",
  "seller",
  "shopper",
  "merchant",
  "marketer",
  "agent",
  "player",
  "gamer",
  "fan",
  "farmer",
  "coach",
  "resident",
  "guest",
  "traveler",
  "traveller",
  "passenger",
  "subscriber",
  "follower",
  "creator",
  "reader",
  "listener",
  "dispatcher",
  "analyst",
  "admin",
  "partner",
  "voter",
  // readers, visitors and outside parties the system serves or calls ("2 million learners", "50,000 publishers",
  // "300 bidders", "2 billion app installs", "3,000 newsrooms")
  "learner",
  "visitor",
  "publisher",
  "bidder",
  "install",
  "newsroom",
];

/**
 * Counted nouns naming one try at something ("5 failed attempts", "6 guesses per puzzle"): a count of them is a
 * counter on the record the try is made against, never a record per try.
 */
export const ATTEMPT_NOUNS: readonly string[] = ["attempt", "guess", "try", "retry", "login", "click"];

/**
 * Words of a record's key that stand for whatever the design tracks (KeyValue's key, a Registration's instance, a
 * SourceRecord's record, a Device's device): such a record plays a thing the prompt counts in its own noun rather
 * than the design growing a second record beside it ("Registration plays the prompt's 'router'").
 */
export const STAND_IN_KEYS: readonly string[] = [
  "key",
  "record",
  "instance",
  "device",
  "object",
  "resource",
  "member",
  "target",
  "entity",
];

/**
 * Heads of records that hold the system's own bookkeeping (a partition map, a checkpoint, an offset, an election
 * term, a layout, a lease): never the home of a record the prompt counts.
 */
export const BOOKKEEPING_HEADS: readonly string[] = [
  "Map",
  "Checkpoint",
  "Offset",
  "Term",
  "Layout",
  "Lease",
  "Policy",
  "Log",
  "Epoch",
  "Assignment",
];

/** Verbs too weak to be a counted thing's own action ("players each get 6 guesses"): they say what it has, not what it does. */
export const WEAK_ACTION_VERBS: readonly string[] = [
  "get",
  "gets",
  "have",
  "has",
  "see",
  "sees",
  "need",
  "needs",
  "use",
  "uses",
  "want",
  "wants",
];
