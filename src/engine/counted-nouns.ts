import {
  COUNT_SCALE_WORDS,
  NOT_COUNTED_THINGS,
  PLACING_WORDS,
  RATE_WORDS,
  TIME_UNITS,
} from "../knowledge/counted-things.js";
import { SCALE_WORDS, STOP_WORDS } from "../knowledge/lexicon.js";

const SCALE = new Set(COUNT_SCALE_WORDS);
const NOT_THINGS = new Set(NOT_COUNTED_THINGS);
const RATE = new Set(RATE_WORDS);
const TIME = new Set(TIME_UNITS);
const PLACING = new Set(PLACING_WORDS);

/** Singular nouns of five letters in -us, whose s is not a plural's ("bonus"), beside "menus" which is one. */
const SINGULAR_US = new Set(["bonus", "virus", "focus", "locus", "torus", "opus"]);

/**
 * A word's singular form, for matching a prompt's noun against a design's words, in any case ("Photos" → "Photo").
 * Kept: words of three letters or fewer ("bus"), acronyms ("LMS"), and singulars in -ss, in -us or -is past four
 * letters ("status", "analysis", "basis", not "gpus" or "apis") and the five-letter -us words above. An acronym's
 * plural drops its s ("GPUs"). -es comes off after a sibilant ("classes", "statuses", "boxes", "watches"), save the
 * -ache/-iche words ("caches", "niches") and -ouse/-ause ("warehouses", "causes"); -ies becomes -y past four letters.
 */
export function singularOf(w: string): string {
  if (w.length <= 3 || /^[A-Z\d]+$/.test(w)) return w;
  if (/[A-Z]s$/.test(w)) return w.slice(0, -1);
  if (/(?:^|[ch])aches$|iches$/i.test(w)) return w.slice(0, -1);
  if (/(?:ss|[^aeiou]us|x|sh|ch)es$/i.test(w)) return w.slice(0, -2);
  if (/ies$/i.test(w) && w.length > 4) return `${w.slice(0, -3)}y`;
  if (!/s$/i.test(w) || /ss$/i.test(w)) return w;
  if (/is$/i.test(w) && w.length > 4) return w;
  if (/us$/i.test(w) && (w.length > 5 || SINGULAR_US.has(w.toLowerCase()))) return w;
  return w.slice(0, -1);
}

/**
 * Whether a written word reads as a regular plural ("elevators", "users", "boxes"): a word of more than three letters
 * whose singular form (`singularOf`) drops an ending, save one in -us or -is, which is read as a singular of its own
 * ("status", "various", "analysis").
 */
export const isPluralWord = (w: string): boolean => w.length > 3 && singularOf(w) !== w && !/[iu]s$/.test(w);

/** A size said as an adjective ("1536-dimensional", "64-bit", "4k-token"): it describes the noun after it, never counts it. */
const SIZE_ADJECTIVE = /^\d[\d,]*-(?:dimensional|dimension|dim|d|bit|byte|token|character|char|word)$/;
const isCount = (w: string) => (/^\d/.test(w) && !SIZE_ADJECTIVE.test(w)) || SCALE.has(w);

/** A count written with a scale letter ("50k", "80M", "1.5b"), a plain figure ("10,000") or neither. */
function figureOf(token: string): number {
  const m = /^(\d[\d,]*(?:\.\d+)?)([kmb])?$/.exec(token);
  if (!m) return Number.NaN;
  const scale = m[2] === "k" ? 1e3 : m[2] === "m" ? 1e6 : m[2] === "b" ? 1e9 : 1;
  return Number((m[1] ?? "").replace(/,/g, "")) * scale;
}

/** A thing a prompt counts: its noun (singular), the count when it is written as one, and the words it came from. */
export interface CountedThing {
  noun: string;
  count: number | undefined;
  quote: string;
}

/** The scale words (knowledge/lexicon.ts `SCALE_WORDS`), singular or plural ("thousands of bidders"). */
const SCALE_VALUE: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(SCALE_WORDS).flatMap(([w, v]) => [
    [w, v],
    [`${w}s`, v],
  ]),
);

/**
 * The things a prompt counts as a stock, singular: the last noun of the phrase right after a stated count ("300
 * million accounts" → account, "10,000 city zones" → zone, "thousands of bidders" → bidder). A count followed by a
 * rate word ("5 million increments per second", "a billion pages a month") is a rate of work, not things held, and a
 * unit ("30 seconds", "10 TB") is no thing at all; counted things that go on to act ("100,000 servers watch") are
 * the system's clients. With `words`, a count written as a small number word counts too ("five resolutions").
 */
export function countedThings(
  prompt: string,
  words?: Readonly<Record<string, number>>,
): readonly Readonly<CountedThing>[] {
  // several fields and coherence rules of one design ask for the same prompt's things (with and without number words):
  // the last prompt's answers are kept, frozen, so each is read once
  if (lastCounted?.prompt !== prompt) lastCounted = { prompt, answers: new Map() };
  const known = lastCounted.answers.get(words ?? NO_WORDS);
  if (known !== undefined) return known;
  const things = readCountedThings(prompt, words);
  for (const t of things) Object.freeze(t);
  Object.freeze(things);
  lastCounted.answers.set(words ?? NO_WORDS, things);
  return things;
}
const NO_WORDS: Readonly<Record<string, number>> = Object.freeze({});
let lastCounted:
  | { prompt: string; answers: Map<Readonly<Record<string, number>>, readonly Readonly<CountedThing>[]> }
  | undefined;

/** Nouns for the order things come in ("seen in one order"): a count before one after "in" counts nothing. */
const SEQUENCE_NOUNS = new Set(["order", "sequence", "ordering"]);
/** Words before a number that bound or forbid it: "never … two", "no two", "at most two", "no more than two", "up to two". */
const BOUNDING = new Set(["never", "no", "not", "most", "than", "nor"]);
/** Whether the number word at `i` is a bound a rule states: a bounding word up to three words before it, or "at once", "at a time" or "at the same time" within four words after it. */
function boundedWord(tokens: readonly string[], i: number): boolean {
  for (let b = Math.max(0, i - 3); b < i; b++) if (BOUNDING.has(tokens[b] ?? "")) return true;
  if (tokens[i - 1] === "to" && tokens[i - 2] === "up") return true;
  const after = tokens.slice(i + 1, i + 7).join(" ");
  return /\bat (?:once|a time|the same time)\b/.test(after);
}

/** The last prompt's lower-cased words and marks: it is read with and without number words (one split, not two). */
let lastTokens: { prompt: string; tokens: readonly string[] } | undefined;
function countTokens(prompt: string): readonly string[] {
  if (lastTokens?.prompt !== prompt)
    lastTokens = { prompt, tokens: prompt.toLowerCase().match(/[a-z0-9][a-z0-9'’-]*(?:[.,]\d+)*|[/,;:.()%]/g) ?? [] };
  return lastTokens.tokens;
}

function readCountedThings(prompt: string, words?: Readonly<Record<string, number>>): CountedThing[] {
  const tokens = countTokens(prompt);
  const out: CountedThing[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? "";
    const worded = words?.[t];
    if (!isCount(t) && worded === undefined) continue;
    // "the 20 most similar images", "the 10 nearest neighbours": how many a search picks, never things kept
    if (/^(?:nearest|closest)$/.test(tokens[i + 1] ?? "") || (tokens[i + 1] === "most" && tokens[i + 2] === "similar"))
      continue;
    // "the one Stripe puts in front", "the one that…": "one" after "the" stands for a thing, it counts none
    if (t === "one" && tokens[i - 1] === "the") continue;
    // "in one order", "in one sequence": the order things come in, said once for all of them; it counts no orders
    if (tokens[i - 1] === "in" && SEQUENCE_NOUNS.has(tokens[i + 1] ?? "")) continue;
    // an ordinal ("the 99th percentile") ranks, it counts nothing
    if (/^\d+(?:st|nd|rd|th)$/.test(t)) continue;
    // a count joined to its noun ("a 100M-item catalog", "a 30-second TTL", "64-bit numbers") counts that noun, and a
    // unit so joined ("30-second", "14-day") measures the next word rather than counting it
    const joined = /^(\d[\d,.]*[kmb]?)-([a-z]+)$/.exec(t);
    if (joined) {
      const noun = singularOf(joined[2] ?? "");
      if (
        !NOT_THINGS.has(noun) &&
        !NOT_THINGS.has(joined[2] ?? "") &&
        noun.length >= 3 &&
        !out.some((o) => o.noun === noun)
      ) {
        const n = figureOf(joined[1] ?? "");
        out.push({ noun, count: Number.isFinite(n) ? n : undefined, quote: t });
      }
      continue;
    }
    // a number word a rule bounds or forbids ("never holds two parcels", "at most two orders at a time", "for two
    // riders at once") counts no parts of a thing: it says how many may share one, which a rule keeps, never a record
    if (worded !== undefined && boundedWord(tokens, i)) continue;
    let count = worded ?? (/^\d/.test(t) ? figureOf(t) : SCALE_VALUE[t]);
    let j = i + 1;
    while (j < tokens.length && (SCALE.has(tokens[j] ?? "") || tokens[j] === "of")) {
      const v = SCALE_VALUE[tokens[j] ?? ""];
      if (v !== undefined && count !== undefined) count *= v;
      j++;
    }
    let last: string | undefined;
    let k = j;
    // the phrase's noun is its first plural ("10,000 city zones", "20,000 service instances evaluate"), else its first
    // word ("50 people edit")
    for (; k < tokens.length && k < j + 3; k++) {
      const w = tokens[k] ?? "";
      if (SIZE_ADJECTIVE.test(w)) continue;
      if (!/^[a-z][a-z-]*$/.test(w) || STOP_WORDS.has(w) || w.endsWith("ly")) break;
      last ??= w;
      if (/[^s]s$/.test(w)) {
        last = w;
        k++;
        break;
      }
    }
    const start = i;
    i = Math.max(i, k - 1);
    if (last === undefined || /(?:ing|ed)$/.test(last)) continue;
    if (RATE.has(tokens[k] ?? "") && TIME.has(singularOf(tokens[k + 1] ?? ""))) continue;
    // counted things that go on to act ("100,000 servers watch", "2 million fans try to buy") are the system's clients
    const next = tokens[k];
    // (a preposition placing them, "2 million spots across 5,000 garages", is no act)
    if (
      next !== undefined &&
      /^[a-z]/.test(next) &&
      !STOP_WORDS.has(next) &&
      !PLACING.has(next) &&
      !/(?:ing|ed)$/.test(next)
    )
      continue;
    const noun = singularOf(last);
    if (NOT_THINGS.has(noun) || NOT_THINGS.has(last) || noun.length < 3) continue;
    if (!out.some((o) => o.noun === noun))
      out.push({ noun, count: Number.isFinite(count) ? count : undefined, quote: tokens.slice(start, k).join(" ") });
  }
  return out;
}

/** The nouns of the things a prompt counts in figures (`countedThings` without number words). */
export function countedNouns(prompt: string): string[] {
  return countedThings(prompt).map((t) => t.noun);
}

/** The singular words of a design's text ("ResetToken" → reset, token). */
export function designWords(texts: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const t of texts)
    for (const w of t
      .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
      .toLowerCase()
      .match(/[a-z]+/g) ?? [])
      out.add(singularOf(w));
  return out;
}

/** Whether a design's words hold a prompt's noun (the same word, or one that starts with the other: zone, zones_id). */
export function holds(words: ReadonlySet<string>, noun: string): boolean {
  if (words.has(noun)) return true;
  for (const w of words) if (w.length >= 4 && (w.startsWith(noun) || noun.startsWith(w))) return true;
  return false;
}
