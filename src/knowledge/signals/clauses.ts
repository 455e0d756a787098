/**
 * How a requirement's words are read within one clause of the prompt (engine/recognize/clause-reading.ts): the words
 * of a requirement must stand in one clause, and a clause that only says under which failure the requirement must
 * hold is a condition of it, not a requirement of its own.
 *
 * - A clause runs between the prompt's marks (a comma, a semicolon, a full stop) and the words below that open a
 *   clause of their own: "no session is lost | when one node fails", "keep accepting writes | even if a data center
 *   goes offline", "messages are kept for 7 days | and a subscriber never sees …".
 * - A clause opened by a condition word and holding a failure word says under which failure the main clause must
 *   hold ("no session lost when one node fails" is durability under a failure, not knowing who is alive), unless the
 *   clause before it notices the failure ("detect when a node fails", "alert within a minute if a host dies"): there
 *   the clause is what is noticed, and that is the requirement.
 */

/** Words that open a subordinate clause: a requirement's words on both sides of one are read from two clauses. */
export const SUBORDINATE_OPENERS: readonly string[] = [
  "when",
  "whenever",
  "if",
  "unless",
  "while",
  "whereas",
  "although",
  "though",
  "because",
];

/** Words joining two items of a list or two main clauses: words read together across one are from different items. */
export const CLAUSE_JOINS: readonly string[] = ["and", "or", "but"];

/** Subordinate openers that make their clause a condition of the main clause ("when one node fails"). */
export const CONDITION_OPENERS: readonly string[] = ["when", "whenever", "if", "unless"];

/**
 * Written words that say a part of the system fails ("a node fails", "a region goes offline", "the worker crashes"):
 * a condition clause holding one says under which failure the main clause's requirement must hold.
 */
export const FAILURE_WORDS: readonly string[] = [
  "fail",
  "fails",
  "failed",
  "failing",
  "crash",
  "crashes",
  "crashed",
  "die",
  "dies",
  "died",
  "dead",
  "down",
  "offline",
  "dark",
  "outage",
  "partitioned",
  "restart",
  "restarts",
  "restarted",
  "reboots",
  "rebooted",
  "unreachable",
  "lost",
  "away",
];

/**
 * Words that start the subject of a new clause right after a failure condition written without a comma ("if a disk
 * dies | the missing copies are rebuilt", "if the job crashes halfway | it must continue"): the condition ends before
 * one, at the latest after its failure word.
 */
export const SUBJECT_STARTS: readonly string[] = [
  "the",
  "a",
  "an",
  "it",
  "its",
  "we",
  "they",
  "their",
  "our",
  "this",
  "these",
  "those",
  "each",
  "every",
  "all",
  "any",
  "no",
  "nothing",
];

/**
 * Verbs that take what happens as their object ("detect when a node fails", "notice within seconds when a worker
 * stops", "finds out quickly when a node dies"): a condition clause after one is what is noticed, which is the requirement, not a condition of it.
 */
export const NOTICING_VERBS: readonly string[] = [
  "detect",
  "detects",
  "detected",
  "detecting",
  "notice",
  "notices",
  "noticed",
  "know",
  "knows",
  "tell",
  "tells",
  "alert",
  "alerts",
  "alerted",
  "notify",
  "notifies",
  "notified",
  "report",
  "reports",
  "flag",
  "flags",
  "spot",
  "spots",
  "warn",
  "warns",
  "page",
  "pages",
  "paged",
  "see",
  "sees",
  "learn",
  "learns",
  "find",
  "finds",
  "discover",
  "discovers",
  "show",
  "shows",
  "mark",
  "marks",
  "declare",
  "declares",
  "declared",
];
