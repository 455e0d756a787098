import type { ArchetypeId } from "../schema.js";

/** An archetype a requirement or a named system points to, and how strongly. */
export interface Target {
  id: ArchetypeId;
  weight: number;
}

/**
 * A requirement or invariant that a prompt can state without naming any component ("only one
 * copy may run", "exactly thirty minutes after"). Each phrase lists content words that must all
 * appear within a short window in any order; the rule's name and `why` become the evidence.
 */
export interface RequirementRule {
  /** Short name of the requirement kind, e.g. "exclusivity". */
  rule: string;
  /** The invariant in plain words: why these phrases point to the targets. */
  why: string;
  targets: readonly Target[];
  phrases: readonly string[];
  /** Extra words allowed between the phrase's words (default 3). */
  slack?: number;
  /**
   * Words that, right before the phrase's first word, mean something else: "within ten seconds"
   * bounds a delay, it does not set a due time.
   */
  unlessAfter?: readonly string[];
  /**
   * Written words that, in the clause the phrase's words stand in, say the clause states another property (`says`):
   * "history is kept for one year" is a retention, not samples stored by time for telemetry. `unlessWith` words there
   * keep the reading ("metrics are kept for a year"). Words of several are matched as written, in order.
   */
  instead?: { says: string; words: readonly string[]; unlessWith?: readonly string[] };
  /**
   * The rule states what must hold through a failure ("survive losing a region"): its words are read inside a clause
   * that only names a failure ("even if a whole data center burns down") too, where another rule's are not
   * (engine/recognize/clause-reading.ts `failureCondition`).
   */
  underFailure?: true;
}

/** One use of a named system that the rest of the prompt picks out ("Redis … lock" → a lock). */
export interface SystemUse {
  use: string;
  /** Words in the prompt that say this use is meant. */
  cues: readonly string[];
  targets: readonly Target[];
}

/** A named system with more than one common use; the default applies when no cue fires. */
export interface AmbiguousSystem {
  name: string;
  aliases: readonly string[];
  weight: number;
  default: SystemUse;
  uses: readonly SystemUse[];
  /**
   * What the system is where the designed system's data lands in it ("… streams changes into Redis"): read in place
   * of the default when no cue picks a use (its cues are unused).
   */
  sink?: SystemUse;
  /**
   * Words naming one of the system's own pieces right after its name ("Consul's key/value store"): they say
   * which part of the named system is meant, not that another component is asked for.
   */
  parts?: readonly string[];
}

/**
 * What a dominant archetype needs underneath it even when the prompt does not name it, when one
 * of the cues appears (no cues = always). The role comes from the cards' recorded connection.
 */
export interface Need {
  dominant: ArchetypeId;
  needs: ArchetypeId;
  cues: readonly string[];
  why: string;
}

/**
 * A requirement read from ideas rather than fixed wording: one word from each named family of
 * `CONCEPT_FAMILIES` close together ("only one" + "at the same time" → an exclusive claim).
 */
export interface CombinationRule {
  rule: string;
  why: string;
  /** Names of word families that must all appear. */
  families: readonly string[];
  targets: readonly Target[];
  /** At most this many content words from the first matched word to the last (default: the shared window). */
  window?: number;
  /** Words that, right before a family word, take it out of this rule ("within seconds" is no due time). */
  unlessAfter?: readonly string[];
  /**
   * Words that, as the next word kept right after a family word in the same phrase, take it out of this rule: "no more
   * than 5 seconds stale" bounds how old a copy may be, not a count per second.
   */
  unlessBefore?: readonly string[];
  /**
   * Families whose words must stand in one phrase of the prompt (no comma, colon or full stop between): "30 days after
   * signup" ties the time to the event, "run for months, and … after a worker crash" does not.
   */
  samePhrase?: readonly string[];
  /**
   * True when the rule is about a rate, so a stated rate's unit of time ("30 million parcels a day") is one of its
   * words; every other rule leaves such a unit unread: it says how much happens, not when or how often a thing is done.
   */
  rates?: true;
  /**
   * Families whose words here name the many something reaches ("servers", "users" a change is spread to): a member the
   * family lists only as a plural, written singular, counts only where the prompt counts it as many ("every server",
   * "all 40 gateway node"), as "the user saw" or "a user profile" is one user, no fleet.
   */
  many?: readonly string[];
  /**
   * A family pair [verb, object]: a word of the object family written right after a word of the verb family is what
   * that verb acts on, not a part the rule's meaning needs ("a reader switches devices" swaps a device; no change is
   * spread to devices).
   */
  object?: readonly [string, string];
  /** As `RequirementRule.underFailure`: the rule states what must hold through a failure. */
  underFailure?: true;
}

/**
 * A word that, as the last word of the head's noun phrase, says what the system does when the head names no kind of
 * system ("package tracking", "the metering behind …", "arrival predictions"): the archetypes that do it, the first the
 * one read when the prompt's other words favour none, and why.
 */
export interface FunctionWord {
  /** The word's forms as written ("tracking", "tracker"). */
  words: readonly string[];
  /** Archetypes that do what the word says, in order of preference when nothing else in the prompt picks one. */
  ids: readonly ArchetypeId[];
  /** What the word asks for, as a noun phrase in the words of the archetype that does it ("the latest state of each thing, …"). */
  why: string;
}
