/**
 * Words that follow a stated count without naming a thing the designed system holds: units of time, size, distance
 * and share ("30 seconds", "10 TB", "5 km", "99.9 percent"), and words that only stand for something else. A count
 * of anything else ("300 million accounts", "10,000 city zones", "1 million servers") names a thing the prompt sizes,
 * which the design's records, operations or API should hold (engine/counted-nouns.ts, coherence `prompt-noun-uncovered`).
 */
/**
 * Units of time, one a line: the unit's word, its seconds (a year is 365 days and a month a twelfth of it, 30.4 days, so
 * '12 months' is a year, as a calendar-month expiry rule means, never 360 days) and every spelling a prompt writes it in ("30 secs", "per hr", "/s"). Every reader of a time unit builds
 * its words from this table: a rate's tail (engine/record-size.ts), a duration or rate's seconds (engine/nfr-parse.ts),
 * a word that is never a holder (engine/stated-clauses.ts), a count that is never a thing held (engine/counted-nouns.ts).
 */
export interface TimeUnit {
  readonly word: string;
  readonly seconds: number;
  readonly spellings: readonly string[];
}
export const TIME_UNIT_TABLE: readonly TimeUnit[] = [
  { word: "millisecond", seconds: 0.001, spellings: ["millisecond", "milliseconds", "ms"] },
  { word: "second", seconds: 1, spellings: ["second", "seconds", "sec", "secs", "s"] },
  { word: "minute", seconds: 60, spellings: ["minute", "minutes", "min", "mins"] },
  { word: "hour", seconds: 3600, spellings: ["hour", "hours", "hr", "hrs", "h"] },
  { word: "day", seconds: 86400, spellings: ["day", "days", "d"] },
  { word: "week", seconds: 604800, spellings: ["week", "weeks", "wk", "wks"] },
  { word: "month", seconds: 2628000, spellings: ["month", "months", "mo"] },
  { word: "year", seconds: 31536000, spellings: ["year", "years", "yr", "yrs"] },
];
/**
 * Stretches of time with no fixed length in seconds ("each term", "two shifts", "at the same time"): like a unit, a
 * count of them is a duration, never a holder or a party; unlike a unit, none makes a count before it a rate.
 */
export const TIME_SPANS: readonly string[] = ["time", "moment", "term", "semester", "quarter", "season", "shift"];

/** Every spelling of a unit of time ("seconds", "sec", "s"). */
export const TIME_UNIT_SPELLINGS: readonly string[] = TIME_UNIT_TABLE.flatMap((u) => u.spellings);
/**
 * Every unit of time a rate is counted in ("30 million parcels a day", "$120 per night"): the table's spellings and a
 * night, a stay's unit. A count of one is a duration, and one after a rate word makes a count a rate.
 */
export const TIME_UNITS: readonly string[] = [...TIME_UNIT_SPELLINGS, "night"];

export const NOT_COUNTED_THINGS: readonly string[] = [
  ...TIME_UNITS,
  "time",
  // size and rate units
  "byte",
  "kb",
  "mb",
  "gb",
  "tb",
  "pb",
  "eb",
  "kib",
  "mib",
  "gib",
  "tib",
  "bit",
  "kbps",
  "mbps",
  "gbps",
  "tbps",
  "rps",
  "qps",
  "tps",
  "percent",
  "x",
  "k",
  "m",
  "b",
  // distance
  "km",
  "mile",
  "meter",
  "metre",
  // the audience and participants: what the design serves, not a record it keeps
  "people",
  "person",
  "user",
  "viewer",
  "client",
  "caller",
  "customer",
  // a table's rows and a code's digits stand for the records and codes the prompt names elsewhere
  "row",
  "digit",
  "character",
  // words that stand for something named elsewhere
  "their",
  "its",
  "them",
  "of",
  "more",
  "other",
  "copy",
  "region",
  "zone-less",
  "nine",
  "nines",
];

/**
 * Prepositions that may follow a counted noun without making it act ("2 million spots across 5,000 garages", "50
 * million domains behind one resolver"): the noun is still a thing held, not a client doing the next word.
 */
export const PLACING_WORDS: readonly string[] = [
  "across",
  "over",
  "under",
  "between",
  "among",
  "within",
  "through",
  "around",
  "behind",
  "near",
  "inside",
  "spread",
];

/** Scale words a count is written with ("1.5 billion", "thousands of"). */
export const COUNT_SCALE_WORDS: readonly string[] = [
  "hundred",
  "hundreds",
  "thousand",
  "thousands",
  "million",
  "millions",
  "billion",
  "billions",
  "trillion",
];

/**
 * Words that, between a counted noun and a unit of time, make the count a rate ("500,000 tweets per second", "a billion
 * pages a month"); "every" does not: "10,000 zones every 30 seconds" counts zones, recomputed on a cadence.
 */
export const RATE_WORDS: readonly string[] = ["per", "a", "an", "each", "/"];
