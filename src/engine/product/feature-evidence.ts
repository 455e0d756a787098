import {
  NOUN_BEFORE,
  OBJECT_AFTER,
  OBJECT_VERBS,
  SUBJECT_PRONOUNS,
  VERB_BEFORE,
} from "../../knowledge/feature-words.js";
import type { Hit } from "../recognize/match.js";
import { piecesOf, type Token } from "../recognize/tokens.js";

/**
 * The kinds of evidence a product feature is read from, strongest first:
 * - `product`: a named product known for it ("Design Airbnb");
 * - `head`: its word stands in the head noun phrase, what is asked to be built ("a desk booking app", "a ticket site");
 * - `phrase`: a signal of two words or more ("pick seats", "food ordering");
 * - `operation`: one word said as an act, a verb with what it acts on ("book a table", "search by city", "is never
 *   booked", "members book classes");
 * - `named`: one word written in the signal's own form naming the feature itself ("with search, photos and reviews",
 *   "a community feed"), never a word for where it happens ("restaurant");
 * - `repeat`: one word, not said as a noun, written in two places or more;
 * - `required`: a kept feature needs it;
 * - `word`: one word in another form than the signal's own, once or only as a noun ("their books" for booking, "a
 *   used-book marketplace", "availability and rates" for rating), or a place's word alone.
 */
export const FEATURE_EVIDENCE_KINDS = [
  "product",
  "head",
  "phrase",
  "operation",
  "named",
  "repeat",
  "required",
  "word",
] as const;
export type FeatureEvidenceKind = (typeof FEATURE_EVIDENCE_KINDS)[number];

/** Words that join the items of a list: a word before one is a listed noun, not a verb's object. */
const LIST_JOINS: ReadonlySet<string> = new Set(["and", "or", "plus"]);
/** Marks and words a coordinated verb phrase opens after ("…, book dates", "… and rate recipes"). */
const PHRASE_OPENERS: ReadonlySet<string> = new Set([",", "and", "or", "then"]);
const SUBJECTS: ReadonlySet<string> = new Set(SUBJECT_PRONOUNS);

/** How a one-word hit's word is written: as a noun, as an act, or neither. */
type Use = "noun" | "act" | "plain";

/** The piece index of each written word (`Token.at` counts the pieces with a letter or digit). */
function pieceAt(pieces: readonly string[]): number[] {
  const out: number[] = [];
  pieces.forEach((p, i) => {
    if (/[a-z0-9]/.test(p)) out.push(i);
  });
  return out;
}

/** How the prompt uses the word of token `i`: read from the written words either side of it (knowledge/feature-words.ts). */
export function wordUse(prompt: string, tokens: readonly Token[], i: number): Use {
  const t = tokens[i];
  if (!t) return "plain";
  const pieces = piecesOf(prompt);
  const at = pieceAt(pieces)[t.at];
  if (at === undefined) return "plain";
  const piece = pieces[at] ?? "";
  const prev = pieces[at - 1] ?? "";
  const next = pieces[at + 1] ?? "";
  // a word inside a compound ("used-book", "no-show") names a thing, unless it is the compound's participle ("double-booked")
  if (piece !== t.raw && !/(?:ed|ing)$/.test(piece)) return "noun";
  if (NOUN_BEFORE.has(prev) || OBJECT_VERBS.has(prev) || /\d/.test(prev)) return "noun";
  if (VERB_BEFORE.has(prev) || OBJECT_AFTER.has(next) || /\d/.test(next)) return "act";
  // a verb after its plural subject ("members book classes", "customers reserve items"), or opening a coordinated
  // phrase with its object ("find sitters, book dates and leave reviews")
  // ("customers upload pictures, choose sizes, pay, and track"; "parents book and pay for them"): a bare form with no
  // plural ending there is a verb, a plural one only with its object after it
  const word = /^[a-z]/.test(next) && !LIST_JOINS.has(next);
  const opens = /[^s']s$/.test(prev) || PHRASE_OPENERS.has(prev) || SUBJECTS.has(prev);
  if (opens && (!/s$/.test(t.raw) || word)) return "act";
  return "plain";
}

/** Whether a one-word hit's written word is the signal's own word (its plural too): "reservation", not "reserved". */
function ownForm(h: Hit): boolean {
  const w = h.quoted.toLowerCase();
  const s = h.signal.text.toLowerCase();
  return w === s || w === `${s}s` || w === `${s}es` || `${w}s` === s;
}

/**
 * The kinds of one feature's evidence, from its hits in the prompt (`head`, `phrase`, `operation`, `repeat`, `word`):
 * the caller adds `product` and `required`. Every place the hit's stem is written counts toward `repeat`.
 */
export function featureHitKinds(
  prompt: string,
  tokens: readonly Token[],
  hits: readonly Hit[],
  setting: readonly string[] = [],
  actStems: ReadonlySet<string> = new Set(),
): FeatureEvidenceKind[] {
  const kinds = new Set<FeatureEvidenceKind>();
  for (const h of hits) {
    if (h.signal.stems.length > 1) {
      kinds.add("phrase");
      continue;
    }
    const i = h.covers[0];
    if (i === undefined) continue;
    if (h.covers.every((k) => tokens[k]?.head === true)) {
      kinds.add("head");
      continue;
    }
    const stem = tokens[i]?.stem;
    // the place a feature happens in, named as where its own act goes ("order from nearby restaurants"): the act's
    // word, a word of the feature's own phrases, stands just before it (past a preposition and an adjective)
    if (
      setting.includes(h.signal.text) &&
      [1, 2, 3].some(
        (b) => i - b >= 0 && actStems.has(tokens[i - b]?.stem ?? "") && !setting.includes(tokens[i - b]?.raw ?? ""),
      )
    ) {
      kinds.add("operation");
      continue;
    }
    const uses = tokens.flatMap((t, k) => (t.stem === stem ? [wordUse(prompt, tokens, k)] : []));
    if (uses.includes("act")) kinds.add("operation");
    else if (ownForm(h) && !setting.includes(h.signal.text)) kinds.add("named");
    else if (uses.filter((u) => u !== "noun").length > 1) kinds.add("repeat");
    else kinds.add("word");
  }
  return FEATURE_EVIDENCE_KINDS.filter((k) => kinds.has(k));
}

/** Whether a feature's evidence is only of the `word` kind: one word, once or only as a noun. */
export function featureStrayOnly(kinds: readonly FeatureEvidenceKind[]): boolean {
  return kinds.length > 0 && kinds.every((k) => k === "word");
}
