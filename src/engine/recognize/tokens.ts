import { stemmer } from "stemmer";
import { TIME_UNITS } from "../../knowledge/counted-things.js";
import { NUMBER_WORDS, STOP_WORDS, WORD_VARIANTS } from "../../knowledge/lexicon.js";
import {
  CADENCE_COUNTS,
  FIXED_EXPRESSIONS,
  MANY_WORDS,
  PHRASE_BREAKS,
  RATE_REACH,
  RATE_WORDS,
  RELATIVE_PRONOUNS,
} from "../../knowledge/signals/expressions.js";
import { own } from "../own.js";
import { otherSenses } from "./sense.js";

/** One content word of a prompt or phrase: its stem (for matching) and the word as written. */
export interface Token {
  stem: string;
  raw: string;
  /** Index of the original word in the text, so evidence can quote it. */
  at: number;
  /** True while the token is in the prompt's head: the words before the first clause break. */
  head: boolean;
  /** Which phrase of the prompt the token is in: the count of phrase breaks (a comma, a full stop, …) before it. */
  part: number;
  /** Which sentence of the prompt the token is in: the count of full stops before it. */
  sentence: number;
  /** True for "most" or "least" of "at most" / "at least": a bound on a count, never a superlative. */
  bound?: true;
  /** The count of relative pronouns ("that", "which") before it: a clause about the noun before the pronoun. */
  clause: number;
  /** The index of the first token of the fixed expression ("at most once") the token is part of, if any. */
  unit?: number;
  /** True for a unit of time that is a stated rate's unit ("30 million parcels a day"): no cadence, no offset. */
  rate?: true;
  /** True when one of the two written words before it counts many ("every server", "all 40 nodes", "3 regions"). */
  many?: true;
  /**
   * True when the word stands in a sense no one-word signal of it means ("a blood type", "a bank of 24 elevators",
   * "machine learning"; knowledge/signals/senses.ts, read by `otherSenses`): only a phrase of more words reads it.
   */
  other?: true;
}

/** Words and marks that end the head noun phrase ("a timer service | that fires callbacks"). */
export const CLAUSE_BREAKS: ReadonlySet<string> = new Set([
  "that",
  "which",
  "where",
  "who",
  "whose",
  "with",
  "so",
  "when",
  "while",
  "to",
  "using",
  "across",
  "for",
  "by",
  "from",
  "without",
  // "an image store | behind a CDN": what stands in front of the thing asked for is not the thing
  "behind",
  "in",
  "on",
  ",",
  ";",
  ":",
  "(",
  ".",
]);

const BREAKS = new Set([...PHRASE_BREAKS, "."]);
const RELATIVES = new Set(RELATIVE_PRONOUNS);
const RATE = new Set(RATE_WORDS);
const MANY = new Set(MANY_WORDS);
const CADENCE = new Set(CADENCE_COUNTS);
const UNITS = new Set(TIME_UNITS.flatMap((u) => [u, `${u}s`]));
const isWord = (piece: string | undefined): piece is string => piece !== undefined && /[a-z0-9]/.test(piece);
const isNumber = (piece: string): boolean => /^\d/.test(piece) || NUMBER_WORDS.has(piece);

/**
 * Whether the piece at `p` is a unit of time a stated rate is counted in: a rate word right before it ("a", "per"), a
 * count a few words before that ("30 million parcels a day"), and no cadence word ("once a day", "ten times an hour")
 * or count of the unit itself ("half a minute") right before the rate word.
 */
function rateUnit(pieces: readonly string[], p: number): boolean {
  if (!UNITS.has(pieces[p] as string) || !RATE.has(pieces[p - 1] ?? "")) return false;
  const before = pieces[p - 2];
  // "half a minute" counts the unit itself: a duration
  if (!isWord(before) || CADENCE.has(before) || isNumber(before)) return false;
  for (let k = p - 2; k >= Math.max(0, p - 1 - RATE_REACH); k--) {
    const w = pieces[k] as string;
    if (!isWord(w)) return false;
    if (isNumber(w)) return true;
  }
  return false;
}

/** Whether one of the two written pieces before `p` counts many: a word of `MANY_WORDS` or a count other than one. */
function countsMany(pieces: readonly string[], p: number): boolean {
  for (let k = p - 1; k >= Math.max(0, p - 2); k--) {
    const w = pieces[k] as string;
    if (!isWord(w)) return false;
    if (MANY.has(w) || (isNumber(w) && w !== "1" && w !== "one" && w !== "single" && w !== "half")) return true;
  }
  return false;
}

/** Fixed expressions by their first word, as written words. */
const EXPRESSIONS = new Map<string, string[][]>();
for (const e of FIXED_EXPRESSIONS) {
  const words = e.split(" ");
  EXPRESSIONS.set(words[0] as string, [...(EXPRESSIONS.get(words[0] as string) ?? []), words]);
}

/** The length in pieces of the fixed expression starting at piece `i`, or 0. */
function expressionAt(pieces: readonly string[], i: number): number {
  for (const words of EXPRESSIONS.get(pieces[i] as string) ?? [])
    if (words.every((w, k) => pieces[i + k] === w)) return words.length;
  return 0;
}

/** True when a hyphenated piece holds "at-most" / "at-least" ("at-most-once"): its "most" bounds a count too. */
const boundInPiece = (piece: string, raw: string): boolean =>
  piece.includes("-") && new RegExp(`(?:^|[-/+])at[-/+]${raw}(?:[-/+]|$)`).test(piece);

/** Bounded: a long-running server meets unbounded distinct words. The oldest entry goes first (Map keeps insertion order). */
export const STEM_CACHE_MAX = 20_000;
const stemCache = new Map<string, string>();
export const stemCacheSize = (): number => stemCache.size;

/** Porter stem with a trailing 'e' dropped so "queue", "queued" and "queuing" agree. */
export function stemWord(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stemmer(word);
    if (s.length > 3 && s.endsWith("e")) s = s.slice(0, -1);
    if (stemCache.size >= STEM_CACHE_MAX) stemCache.delete(stemCache.keys().next().value as string);
    stemCache.set(word, s);
  }
  return s;
}

function expand(word: string): string[] {
  const direct = own(WORD_VARIANTS, word);
  if (direct) return direct.split(" ");
  const joined = word.replace(/[-/+]/g, "");
  const viaJoined = own(WORD_VARIANTS, joined);
  if (viaJoined && joined !== word) return viaJoined.split(" ");
  return word
    .split(/[-/+]+/)
    .filter((w) => w.length > 0)
    .flatMap((w) => (own(WORD_VARIANTS, w) ?? w).split(" "));
}

/** A written piece's content words: each word the piece expands to, less stop words, with its stem. */
type Words = readonly { readonly stem: string; readonly raw: string }[];
/** Bounded like the stem cache (a long-running server meets unbounded distinct pieces); oldest entry first out. */
const pieceCache = new Map<string, Words>();
export const pieceCacheSize = (): number => pieceCache.size;

function wordsOf(piece: string): Words {
  let words = pieceCache.get(piece);
  if (words === undefined) {
    words = expand(piece)
      .filter((w) => w.length > 0 && !STOP_WORDS.has(w))
      .map((w) => ({ stem: stemWord(w), raw: w }));
    if (pieceCache.size >= STEM_CACHE_MAX) pieceCache.delete(pieceCache.keys().next().value as string);
    pieceCache.set(piece, words);
  }
  return words;
}

/** The last text folded and its folded form: recognition folds the same prompt several times per design. */
let lastFolded: { text: string; folded: string } | undefined;

/**
 * A text as the recognisers read it: compatibility-normalised (NFKC: full-width letters, ligatures), lower-cased,
 * without possessive 's. Remembered for the last text, as the tokenizer and the ask and turn readers each fold it.
 */
export function foldText(text: string): string {
  if (lastFolded?.text === text) return lastFolded.folded;
  const folded = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/['’]s\b/g, "");
  lastFolded = { text, folded };
  return folded;
}

/**
 * The last text tokenized and its tokens: recognition, product features and the prompt facts each read the
 * same prompt's tokens, so it is split and stemmed once per design. The tokens are frozen, as they are shared.
 */
let last: { text: string; tokens: readonly Token[] } | undefined;
let lastPieces: { text: string; pieces: readonly string[] } | undefined;

/**
 * The folded text's pieces: runs of word characters, and the marks that break a phrase. The last text's are kept:
 * the tokenizer and `writtenWords` both read them (one scan of a long prompt, not two).
 */
/** A text's pieces as the tokenizer reads them: words (stop words included) and the marks that break phrases. */
export function piecesOf(text: string): readonly string[] {
  if (lastPieces?.text !== text) lastPieces = { text, pieces: foldText(text).match(/[a-z0-9/+-]+|[,;:(.]/g) ?? [] };
  return lastPieces.pieces;
}

/** Lower-cases, splits hyphens and slashes, expands variants, drops stop words, stems. */
export function tokenize(text: string): readonly Token[] {
  if (last?.text === text) return last.tokens;
  const pieces = piecesOf(text);
  const out: Token[] = [];
  let head = true;
  let at = 0;
  let part = 0;
  let sentence = 0;
  let clause = 0;
  // the fixed expression being read: its first token's index and the pieces it has left
  let unit: { first: number; left: number } | undefined;
  const others = otherSenses(pieces);
  pieces.forEach((piece, p) => {
    if (CLAUSE_BREAKS.has(piece) && out.length > 0) head = false;
    // a comma inside a number ("10,000") breaks nothing
    if (BREAKS.has(piece) && !(piece === "," && /^\d/.test(pieces[p + 1] ?? "") && /\d$/.test(pieces[p - 1] ?? "")))
      part++;
    if (piece === ".") sentence++;
    if (RELATIVES.has(piece)) clause++;
    if (unit && unit.left === 0) unit = undefined;
    if (!unit) {
      const n = expressionAt(pieces, p);
      if (n > 0) unit = { first: out.length, left: n };
    }
    if (unit) unit.left--;
    if (!/[a-z0-9]/.test(piece)) return;
    const rate = rateUnit(pieces, p);
    const many = countsMany(pieces, p);
    for (const { stem, raw } of wordsOf(piece)) {
      // keys in this order, `unit`, `bound`, `rate`, `many` and `other` only when they hold
      const token: Token = { stem, raw, at, head, part, sentence, clause };
      if (unit) token.unit = unit.first;
      if ((raw === "most" || raw === "least") && (pieces[p - 1] === "at" || boundInPiece(piece, raw)))
        token.bound = true;
      if (rate) token.rate = true;
      if (many) token.many = true;
      if (others.has(p)) token.other = true;
      out.push(Object.freeze(token));
    }
    at++;
  });
  const tokens = Object.freeze(out);
  last = { text, tokens };
  return tokens;
}

let lastStems: { tokens: readonly Token[]; stems: ReadonlySet<string> } | undefined;

/**
 * The distinct stems of a token list, remembered for the last list asked about (by identity: the tokens of a prompt
 * are one frozen array, see `tokenize`), as matching the signals, the word families and the learned words each ask.
 */
export function stemSet(tokens: readonly Token[]): ReadonlySet<string> {
  if (lastStems?.tokens !== tokens) {
    const stems = new Set<string>();
    for (let i = 0; i < tokens.length; i++) stems.add((tokens[i] as Token).stem);
    lastStems = { tokens, stems };
  }
  return lastStems.stems;
}

let lastWritten: { text: string; words: readonly string[] } | undefined;

/**
 * A text's written words, stop words included, in the order a token's `at` counts them (the tokenizer's pieces with a
 * letter or digit): `writtenWords(text)[t.at - 1]` is the word written right before token `t`.
 */
export function writtenWords(text: string): readonly string[] {
  if (lastWritten?.text !== text) {
    // the tokenizer's pieces with a letter or digit: a mark is a piece of its own, so the runs are the same
    const words = piecesOf(text).filter((p) => /[a-z0-9]/.test(p));
    lastWritten = { text, words: Object.freeze(words) };
  }
  return lastWritten.words;
}
