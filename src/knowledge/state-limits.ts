/**
 * Documented limits on how much state a product holds, so a product is never offered for more state than its own
 * documentation says it takes (no etcd for a hundred gigabytes of object metadata). Each limit says where it comes from.
 */
export interface StateLimit {
  /** Matched case-insensitively as a whole word of a technology row's product name. */
  product: string;
  /** The most state, in bytes, the product's documentation suggests it hold. */
  bytes: number;
  /** The limit in our own words. */
  what: string;
  /** Where the limit is documented. */
  source: string;
}

export const STATE_LIMITS: readonly StateLimit[] = [
  {
    product: "etcd",
    bytes: 8 * 2 ** 30,
    what: "etcd's storage quota is 2 GiB by default and 8 GiB is its suggested maximum (it warns at start-up above that)",
    source: "etcd documentation, dev-guide 'System limits' (--quota-backend-bytes)",
  },
];

/** The documented state limit of a product, if one is known (the product's name as a whole word). */
export function stateLimitOf(product: string): StateLimit | undefined {
  return STATE_LIMITS.find((_, i) => limitPattern(i).test(product));
}

/** Each limit's product name as a whole word, compiled on first ask rather than once per product asked about. */
const LIMIT_PATTERNS: RegExp[] = [];
function limitPattern(i: number): RegExp {
  let re = LIMIT_PATTERNS[i];
  if (re === undefined) {
    re = new RegExp(`\\b${(STATE_LIMITS[i] as StateLimit).product}\\b`, "i");
    LIMIT_PATTERNS[i] = re;
  }
  return re;
}

/**
 * Stores that take every write of a database on one primary: their replicas serve reads only, so a write rate past
 * what one primary handles needs the data split over several databases by key (or a store that partitions itself).
 * A product name that says it is already split ("Sharded MySQL") is such a split.
 */
export const ONE_PRIMARY_STORE = {
  product: /\b(?:PostgreSQL|Postgres|MySQL|MariaDB|SQL Server|Oracle Database|SQLite)\b/i,
  split: /\b(?:sharded|partitioned|distributed|Citus|Vitess)\b/i,
  what: "a PostgreSQL standby accepts read-only connections only (not even temporary tables may be written), so every write lands on the one primary; MySQL replication likewise copies one source's writes to read replicas",
  source: "PostgreSQL documentation, 'Hot Standby' (User's Overview); MySQL Reference Manual, 'Replication'",
} as const;

/** Whether a product keeps a database's writes on one primary (and its name does not say it is split). */
export const onOnePrimary = (product: string): boolean =>
  ONE_PRIMARY_STORE.product.test(product) && !ONE_PRIMARY_STORE.split.test(product);

/**
 * Documented typical read latencies of products, so a product is never said to suit a latency target its own
 * documentation puts its ordinary reads above (no DynamoDB for a 1 ms p99: AWS puts its responses in single-digit
 * milliseconds and sends microsecond needs to DAX). `ms` is the upper end of the documented typical read; a p99 sits
 * at or above it. Each figure says where it comes from.
 */
export interface LatencyFact {
  /** Matched case-insensitively as a whole word of a technology row's product name. */
  product: string;
  /** The upper end of the documented typical read, in milliseconds. */
  ms: number;
  /** The figure in our own words. */
  what: string;
  /** Where it is documented. */
  source: string;
}

export const LATENCY_FACTS: readonly LatencyFact[] = [
  {
    product: "DynamoDB",
    ms: 10,
    what: "DynamoDB answers in single-digit milliseconds in most cases; microsecond reads need the DAX cache in front of it",
    source: "Amazon DynamoDB Developer Guide, 'In-memory acceleration with DynamoDB Accelerator (DAX)'",
  },
  {
    product: "FoundationDB",
    ms: 2,
    what: "a FoundationDB read typically takes 0.3–1 ms to start its transaction and 0.1–1 ms more to read, below 75% load",
    source: "FoundationDB documentation, 'Performance' (Latency)",
  },
];

/**
 * Why a product's documented reads are slower than a stated latency target, or undefined when they are not or no
 * figure is known (every product the row names must be known to be slower: "TiKV or FoundationDB" is judged by its
 * slowest known part only when each part has a figure).
 */
export function slowerThan(product: string, targetMs: number): LatencyFact | undefined {
  const fact = LATENCY_FACTS.find((l) => new RegExp(`\\b${l.product}\\b`, "i").test(product));
  return fact && fact.ms > targetMs ? fact : undefined;
}
