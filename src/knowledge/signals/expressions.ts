/**
 * Where one phrase of a prompt ends and the next begins, for the matcher: a phrase or a set of family words
 * read together must come from one phrase of the prompt, not from the tail of one and the start of the next.
 *
 * - Fixed expressions are read whole: "at most once" is a delivery term, so its "most" is not a cap ("at most
 *   … a day") and its "once" not a frequency ("once a day"). A signal may take all of one or stay inside it,
 *   never part of it together with words outside it.
 * - A sentence end ends every phrase; "at most" and "at least" bound a count, so their "most" is no superlative
 *   ("at most one request" is not "the most requested").
 * - Punctuation inside a sentence (a comma, a semicolon, a colon, an opening bracket) ends a phrase: a signal's
 *   words found in an order other than its own may not reach across it ("… jobs a day, each at most once" is not
 *   "once a day").
 * - A relative pronoun starts a clause about the noun before it: "a log that ingests 1 GB/s" is a log doing the
 *   ingesting, not "log ingestion" (the ingestion of logs). Across one, the signal's last word, the head of a
 *   compound ("log ingestion", "expiring lock"), must be the noun the clause is about, before the pronoun.
 */
export const FIXED_EXPRESSIONS: readonly string[] = [
  "at most once",
  "at least once",
  "exactly once",
  "exactly one time",
  "effectively once",
];

/** Marks inside a sentence that end a phrase. */
export const PHRASE_BREAKS: readonly string[] = [",", ";", ":", "("];

/** Words that open a relative clause about the noun before them. */
export const RELATIVE_PRONOUNS: readonly string[] = ["that", "which", "who", "whose"];

/**
 * A stated rate's unit of time: a count, the thing counted and one of these before the unit ("30 million parcels a
 * day", "50,000 views per second"). Such a unit measures how much happens, never when or how often a thing is done:
 * only a combination about rates reads it (`CombinationRule.rates`).
 */
export const RATE_WORDS: readonly string[] = ["a", "an", "per"];

/** Words before a rate word that make the unit a cadence of one action ("once a day", "three times an hour"). */
export const CADENCE_COUNTS: readonly string[] = ["once", "twice", "thrice", "times"];

/**
 * Words that say how often or on which day something happens ("nightly", "daily", "weekly"): read alone as a
 * requirement, such a word says when the prompt's own work runs ("workers that rebuild nightly partitions"), not that
 * the system keeps a due time and releases work when it comes (`evidence-kinds.ts`, kind `time-word`).
 */
export const CADENCE_WORDS: readonly string[] = [
  "hourly",
  "nightly",
  "daily",
  "weekly",
  "fortnightly",
  "monthly",
  "quarterly",
  "yearly",
  "annual",
  "annually",
  "overnight",
  "midnight",
];

/** How many written words before the rate word a count of the rate may stand ("2 million new reports a day"). */
export const RATE_REACH = 5;

/**
 * Words that, one or two words before a singular noun, make it name many ("every server", "all 40 gateway node"): a
 * family word written only as a plural ("servers", "users") names many, so its singular counts only after one of
 * these or a count above one ("the user saw" is one user, no fleet; engine/recognize/combos.ts).
 */
export const MANY_WORDS: readonly string[] = ["every", "all", "each", "both", "many", "several", "multiple"];
