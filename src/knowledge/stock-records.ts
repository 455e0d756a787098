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
export const MEASURE_NOUNS: readonly string[] = ["unit", "piece"];

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
  "gpu",
  "cluster",
];

/** Words before a count that make it how many are picked, not how many are kept ("the top 100 hashtags"). */
export const SELECTION_WORDS: readonly string[] = ["top", "first", "last", "bottom"];

/** Counted nouns naming other systems that call this one ("2,000 microservices elect leaders"): callers, never records. */
export const CALLER_SYSTEM_NOUNS: readonly string[] = ["microservice"];
