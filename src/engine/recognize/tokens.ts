import { stemmer } from "stemmer";
import { STOP_WORDS, WORD_VARIANTS } from "../../knowledge/lexicon.js";
import { own } from "../own.js";

/** One content word of a prompt or phrase: its stem (for matching) and the word as written. */
export interface Token {
  stem: string;
  raw: string;
  /** Index of the original word in the text, so evidence can quote it. */
  at: number;
  /** True while the token is in the prompt's head: the words before the first clause break. */
  head: boolean;
}

/** Words and marks that end the head noun phrase ("a timer service | that fires callbacks"). */
const CLAUSE_BREAKS = new Set([
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
  "in",
  "on",
  ",",
  ";",
  ":",
  "(",
  ".",
]);

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

/** Lower-cases, splits hyphens and slashes, expands variants, drops stop words, stems. */
export function tokenize(text: string): readonly Token[] {
  if (last?.text === text) return last.tokens;
  const pieces = foldText(text).match(/[a-z0-9/+-]+|[,;:(.]/g) ?? [];
  const out: Token[] = [];
  let head = true;
  let at = 0;
  for (const piece of pieces) {
    if (CLAUSE_BREAKS.has(piece) && out.length > 0) head = false;
    if (!/[a-z0-9]/.test(piece)) continue;
    for (const { stem, raw } of wordsOf(piece)) out.push(Object.freeze({ stem, raw, at, head }));
    at++;
  }
  const tokens = Object.freeze(out);
  last = { text, tokens };
  return tokens;
}
