import { NUMBER_WORDS } from "../../knowledge/lexicon.js";
import type { ArchetypeId } from "../../knowledge/schema.js";
import { SYSTEM_KINDS } from "../../knowledge/signals/kinds.js";
import { editDistance } from "../text.js";
import { stemSet, stemWord, type Token, tokenize } from "./tokens.js";

const isCount = (raw: string) => /^\d+$/.test(raw) || NUMBER_WORDS.has(raw);

/** Who a compiled signal speaks for; the recogniser sorts hits into these groups. */
export type Owner =
  | { kind: "archetype"; id: ArchetypeId }
  | { kind: "infra" }
  | { kind: "product" }
  | { kind: "feature"; index: number }
  | { kind: "ambiguous"; system: number }
  | { kind: "cue"; system: number; use: number }
  | { kind: "need"; index: number }
  /** A kind of system named in the head (signals/kinds.ts SYSTEM_KINDS, by index). */
  | { kind: "kind"; index: number }
  /** A well-known system, read only where the prompt asks for one like it (KNOWN_SYSTEMS, by index). */
  | { kind: "known"; index: number }
  | { kind: "none" };

/** A compiled signal: what to look for and what a hit is worth. */
export interface Signal {
  text: string;
  stems: string[];
  weight: number;
  kind: "phrase" | "system";
  /** Raw lower-case words, used for typo-tolerant matching of named systems. */
  raws: string[];
  /** Extra words allowed between a phrase's words (any order). */
  slack: number;
  owner: Owner;
  /** For requirement phrases: the rule they state and why it points where it does. */
  rule?: { name: string; why: string };
  /**
   * For requirement phrases: words that, in the clause the phrase's words stand in, say the clause states another
   * property (`says`) unless one of `unlessWith` stands there too (`RequirementRule.instead`, clause-reading.ts).
   */
  instead?: { says: string; words: readonly string[]; unlessWith?: readonly string[] };
  /** For requirement phrases: the rule states what must hold through a failure (`RequirementRule.underFailure`). */
  underFailure?: boolean;
  /** A word typical of an archetype: weak evidence that never counts as a stated requirement. */
  concept?: boolean;
  /** Read from word families together: states a requirement, never names a component. */
  combined?: boolean;
  /** Stems that, right before the first covered word, cancel the match. */
  unlessAfter?: readonly string[];
  /**
   * The text's place in the collation order of every text the compiled tables hold (rankTexts): hits
   * of equal weight are ordered by it, so matching needs no locale-aware comparison at run time.
   */
  rank?: number;
}

export interface Hit {
  signal: Signal;
  /** Token indexes covered by the hit. */
  covers: number[];
  /** The words of the prompt that matched, as written. */
  quoted: string;
  /** True when a named system matched only through a typo. */
  fuzzy: boolean;
  /** Extra explanation, e.g. which use of an ambiguous named system the rest of the prompt picked. */
  note?: string;
}

const SLACK = 2;
/** Stems that must come first when a phrase starts with them (negations and quantifiers). */
const LEADING = new Set(["never", "no", "not"]);

export function compileSignal(
  text: string,
  weight: number,
  kind: Signal["kind"],
  extra: {
    owner?: Owner;
    slack?: number;
    rule?: Signal["rule"];
    unlessAfter?: readonly string[];
    instead?: Signal["instead"];
    underFailure?: boolean;
  } = {},
): Signal | undefined {
  const toks = tokenize(text);
  if (toks.length === 0) return undefined;
  return {
    text,
    stems: toks.map((t) => t.stem),
    raws: toks.map((t) => t.raw),
    weight,
    kind,
    slack: extra.slack ?? SLACK,
    owner: extra.owner ?? { kind: "none" },
    ...(extra.rule ? { rule: extra.rule } : {}),
    ...(extra.instead ? { instead: extra.instead } : {}),
    ...(extra.underFailure ? { underFailure: true } : {}),
    ...(extra.unlessAfter && extra.unlessAfter.length > 0
      ? { unlessAfter: extra.unlessAfter.flatMap((w) => tokenize(w).map((t) => t.stem)) }
      : {}),
  };
}

function quote(tokens: readonly Token[], covers: readonly number[]): string {
  let said = "";
  for (let k = 0; k < covers.length; k++) said += (k === 0 ? "" : " ") + (tokens[covers[k] as number]?.raw ?? "");
  return said;
}

/** True when a prompt word may be a misspelling of a name word (same first letter, small edit distance). */
export function typoMatch(promptWord: string, nameWord: string): boolean {
  if (nameWord.length < 5 || promptWord[0] !== nameWord[0]) return false;
  const limit = nameWord.length >= 8 ? 2 : 1;
  // the cheap checks first: a long prompt asks this of every word against a name
  if (Math.abs(promptWord.length - nameWord.length) > limit || /\d/.test(nameWord)) return false;
  return editDistance(promptWord, nameWord, limit) <= limit;
}

/**
 * True when the word right before token `i` is one of `unless` (a bound that changes the meaning). A search from
 * token `from` on sees no word before it.
 */
export function blocked(tokens: readonly Token[], i: number, unless: readonly string[] | undefined, from = 0): boolean {
  if (!unless) return false;
  let k = i - 1;
  // "within ten seconds", "every 30 minutes": look past the count to the word that bounds it.
  while (k >= from && isCount(tokens[k]?.raw ?? "")) k--;
  const before = k >= from ? tokens[k] : undefined;
  return before !== undefined && unless.includes(before.stem);
}

/**
 * True when words taken together split a fixed expression: they take a word of it that only qualifies its last
 * word ("most" or "least" of "at most once", "exactly" of "exactly once") without that last word, together with
 * words outside it ("most … day" from "at most once per due time … a day" is no cap per day). Taking its last
 * word ("exactly once … never twice"), all of it, or staying inside it is fine.
 */
export function splitsExpression(tokens: readonly Token[], covers: readonly number[], from = 0): boolean {
  for (const i of covers) {
    const unit = tokens[i]?.unit;
    if (unit === undefined) continue;
    const inside = (k: number) => tokens[k]?.unit === unit;
    if (covers.every(inside)) continue;
    // `unit` numbers its first word in the whole prompt; a search from token `from` on walks from the word at that
    // number counted from `from`, as it did when such a search ran on its own copy of the later tokens (the later
    // occurrences of a cue: recognize.ts `occurrences`), so what it finds is unchanged
    let end = unit + from;
    while (inside(end + 1)) end++;
    if (!covers.includes(end)) return true;
  }
  return false;
}

/**
 * The compound nouns that name a kind of system (signals/kinds.ts `nouns` of two words or more: "feature store",
 * "workflow orchestrator"), by the stem of their last word, each as the stems of the words before it.
 */
let compounds: Map<string, string[][]> | undefined;
function compoundsByHead(): Map<string, string[][]> {
  if (compounds !== undefined) return compounds;
  const made = new Map<string, string[][]>();
  for (const kind of SYSTEM_KINDS)
    for (const noun of kind.nouns) {
      const stems = tokenize(noun).map((t) => t.stem);
      const head = stems.pop();
      if (head === undefined || stems.length === 0) continue;
      const list = made.get(head) ?? [];
      if (!list.some((l) => l.join(" ") === stems.join(" "))) list.push(stems);
      made.set(head, list);
    }
  compounds = made;
  return made;
}

/**
 * Whether a signal names what a product is ("online store", "food delivery app"; branch and feature phrases): such a
 * name is split by a compound between its words (`splitsCompound`). A phrase that reads a property ("which servers are
 * up", "delay queue") still reads it across one: "which game servers are up" is about servers, and "a delayed job
 * queue" is a queue whose jobs wait.
 */
const names = (signal: Signal): boolean => signal.owner.kind === "product" || signal.owner.kind === "feature";

/**
 * True when a phrase's words, found at `covers`, stand apart with a compound noun's modifier between them: the later
 * word is the head of a compound that names a kind of system, and the words right before it that make the compound lie
 * in the gap. "online feature store" is a feature store that is online, never an "online store"; "online grocery store"
 * (no kind of system) still is one.
 */
export function splitsCompound(tokens: readonly Token[], covers: readonly number[]): boolean {
  if (covers.length < 2) return false;
  const sorted = [...covers].sort((a, b) => a - b);
  for (let k = 1; k < sorted.length; k++) {
    const before = sorted[k - 1] as number;
    const at = sorted[k] as number;
    if (at - before < 2) continue;
    const mods = compoundsByHead().get((tokens[at] as Token).stem);
    if (mods === undefined) continue;
    for (const mod of mods) {
      const start = at - mod.length;
      if (start <= before) continue;
      if (mod.every((stem, m) => tokens[start + m]?.stem === stem)) return true;
    }
  }
  return false;
}

/** True when a signal's `k`-th word is the "most" or "least" of an "at most" / "at least" it is written with. */
export function wantsBound(signal: Signal, k: number): boolean {
  const raw = signal.raws[k];
  return (raw === "most" || raw === "least") && new RegExp(`\\bat ${raw}\\b`).test(signal.text);
}

/** How many written words apart a two-word phrase's words may stand across a comma. */
const SPLIT_REACH = 2;

/**
 * True when a phrase's words, found at `covers` (in the phrase's word order), reach across the end of a phrase
 * of the prompt (see signals/expressions.ts): across a full stop; taking the "most" of "at most" (a bound on a
 * count) as any other "most"; out of their own order across a comma; or joining the noun before a relative
 * pronoun to the word right after it in another form, with the noun not the phrase's head ("a log that ingests"
 * is not "log ingestion"; "a lock that expires" is "an expiring lock").
 */
export function crossesPhrase(tokens: readonly Token[], signal: Signal, covers: readonly number[]): boolean {
  // by index over the covered tokens: this runs for every candidate place of every phrase a prompt reaches
  const first = tokens[covers[0] as number] as Token;
  let bound = false;
  let inOrder = true;
  let parts = false;
  let unbound = false;
  for (let k = 0; k < covers.length; k++) {
    const t = tokens[covers[k] as number] as Token;
    if (t.sentence !== first.sentence) return true;
    if (t.bound) bound = true;
    else if (!unbound && wantsBound(signal, k)) unbound = true;
    if (t.part !== first.part) parts = true;
    if (k > 0 && (covers[k] as number) <= (covers[k - 1] as number)) inOrder = false;
  }
  // "at most one request" is a bound on a count, not "the most requested"
  if (bound && !/\bat (most|least)\b/.test(signal.text)) return true;
  // and the other way: "the most-watched clips of the past hour" is a superlative, not "at most … an hour"
  if (unbound) return true;
  if (!inOrder && parts) return true;
  // a two-word phrase is one expression: its words far apart in two phrases of the prompt ("per second, and never
  // returns an old version") are two expressions, never "seconds old"; a comma inside it ("once, a day later") is
  // still read
  if (parts && covers.length === 2 && Math.abs((tokens[covers[1] as number] as Token).at - first.at) > SPLIT_REACH)
    return true;
  const last = covers.length - 1;
  return covers.some((i, k) => {
    const next = tokens[i + 1];
    if (k === last || next === undefined || next.clause === (tokens[i] as Token).clause) return false;
    const m = covers.indexOf(i + 1);
    return m >= 0 && signal.raws[m] !== next.raw;
  });
}

/**
 * Finds the first occurrence of a signal: all its stems inside a short window, in any order
 * (so "limits the rate" matches "rate limit"). Named systems must be contiguous and may match
 * through one typo per word. With `from`, the first occurrence among the tokens from that one on, as a search of
 * those tokens alone would find it (covers still number the whole list's tokens).
 */
export function findSignal(tokens: readonly Token[], signal: Signal, from = 0): Hit | undefined {
  return findSignalAt(tokens, signal, from, tokens.length >= PLACES_FROM);
}

/**
 * `findSignal`, with the list's stems indexed by place or walked: the same answer either way (exported for the test
 * that says so).
 */
export function findSignalAt(
  tokens: readonly Token[],
  signal: Signal,
  from: number,
  indexed: boolean,
): Hit | undefined {
  const n = signal.stems.length;
  if (signal.kind === "system") {
    for (let i = from; i + n <= tokens.length; i++) {
      let fuzzy = false;
      let ok = true;
      for (let k = 0; k < n && ok; k++) {
        const t = tokens[i + k] as Token;
        // a short name word (an acronym: "GCS", "S3") is matched as written, never through its stem ("GC" of a
        // "GC pause" is no Google Cloud Storage)
        if (t.stem === signal.stems[k] && (t.raw === signal.raws[k] || (signal.raws[k] ?? "").length > 4)) continue;
        if (typoMatch(t.raw, signal.raws[k] ?? "")) fuzzy = true;
        else ok = false;
      }
      if (ok) {
        const covers = Array.from({ length: n }, (_, k) => i + k);
        return { signal, covers, quoted: quote(tokens, covers), fuzzy };
      }
    }
    return undefined;
  }
  const first = signal.stems[0] as string;
  const places = indexed ? stemPlaces(tokens) : undefined;
  if (n === 1) {
    const bound = wantsBound(signal, 0);
    const form = oneWordReading(signal);
    // on a long list, only the places of the signal's word are tried (the others fail the first test)
    const at = places?.get(first);
    if (places !== undefined && at === undefined) return undefined;
    for (
      let p = at === undefined ? from : firstAtOrAfter(at, from);
      at === undefined ? p < tokens.length : p < at.length;
      p++
    ) {
      const i = at === undefined ? p : (at[p] as number);
      if (
        (tokens[i] as Token).stem === first &&
        sameFamily((tokens[i] as Token).raw, signal.raws[0] ?? "") &&
        (form === undefined || sameForm((tokens[i] as Token).raw, form)) &&
        // a word read alone is read in the sense its signal means ("a blood type" is no one typing, tokens.ts `other`)
        (tokens[i] as Token).other !== true &&
        !blocked(tokens, i, signal.unlessAfter, from) &&
        (!bound || tokens[i]?.bound)
      )
        return { signal, covers: [i], quoted: (tokens[i] as Token).raw, fuzzy: false };
    }
    return undefined;
  }
  const window = n + signal.slack;
  // on a long list, the places where one of the signal's words stands, in order (every other start is skipped by the
  // first test below); none when a word of it stands nowhere from `from` on, as no start could then cover them all
  const starts = places === undefined ? undefined : signalStarts(places, signal.stems, from);
  if (starts === null) return undefined;
  for (let p = starts === undefined ? from : 0; starts === undefined ? p < tokens.length : p < starts.length; p++) {
    const start = starts === undefined ? p : (starts[p] as number);
    if (!signal.stems.includes((tokens[start] as Token).stem)) continue;
    // the words found so far (a signal has a few stems, so a list, not a set, says which are taken)
    const covers: number[] = [];
    for (const stem of signal.stems) {
      let found = -1;
      for (let j = start; j < Math.min(tokens.length, start + window); j++) {
        if (
          !covers.includes(j) &&
          (tokens[j] as Token).stem === stem &&
          sameFamily((tokens[j] as Token).raw, signal.raws[signal.stems.indexOf(stem)] ?? "")
        ) {
          found = j;
          break;
        }
      }
      if (found < 0) break;
      covers.push(found);
    }
    // A negation or quantifier leads what it scopes, and scopes the word right after it: "never change" is
    // neither "changes … never" nor "never loses an acknowledged change", "no two … same" not "no gaps … two … same".
    if (
      covers.length === n &&
      LEADING.has(first) &&
      (covers.some((c) => c < (covers[0] as number)) || covers[1] !== (covers[0] as number) + 1)
    )
      continue;
    if (
      covers.length === n &&
      (crossesPhrase(tokens, signal, covers) ||
        (names(signal) && splitsCompound(tokens, covers)) ||
        splitsExpression(tokens, covers, from) ||
        unitNotRate(tokens, signal, covers, from))
    )
      continue;
    if (covers.length === n) {
      sortNumbers(covers);
      if (blocked(tokens, covers[0] as number, signal.unlessAfter, from)) continue;
      return { signal, covers, quoted: quote(tokens, covers), fuzzy: false };
    }
  }
  return undefined;
}

/**
 * From how many tokens a list's stems are indexed by place: below it a walk of the list costs less than the index.
 * Either way `findSignal` tries the same places in the same order.
 */
const PLACES_FROM = 48;
/** Each stem's places in a token list, ascending, made once per list (a long prompt's ~700 tokens, ~1,000 signals). */
const PLACES = new WeakMap<readonly Token[], { length: number; at: Map<string, number[]> }>();
function stemPlaces(tokens: readonly Token[]): Map<string, number[]> {
  const kept = PLACES.get(tokens);
  if (kept !== undefined && kept.length === tokens.length) return kept.at;
  const at = new Map<string, number[]>();
  for (let i = 0; i < tokens.length; i++) {
    const stem = (tokens[i] as Token).stem;
    const list = at.get(stem);
    if (list === undefined) at.set(stem, [i]);
    else list.push(i);
  }
  PLACES.set(tokens, { length: tokens.length, at });
  return at;
}
/** The index of the first place at or after `from` in an ascending list (its length when there is none). */
function firstAtOrAfter(places: readonly number[], from: number): number {
  if (from <= 0) return 0;
  let lo = 0;
  let hi = places.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((places[mid] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
/**
 * The places from `from` on where one of a phrase's stems stands, ascending; null when one of its stems stands at
 * none of them.
 */
function signalStarts(places: Map<string, number[]>, stems: readonly string[], from: number): readonly number[] | null {
  let out: number[] | undefined;
  for (let k = 0; k < stems.length; k++) {
    const stem = stems[k] as string;
    if (stems.indexOf(stem) < k) continue;
    const list = places.get(stem);
    const lo = list === undefined ? 0 : firstAtOrAfter(list, from);
    if (list === undefined || lo === list.length) return null;
    const mine = lo === 0 ? list : list.slice(lo);
    out = out === undefined ? mine : mergeAscending(out, mine);
  }
  return out ?? null;
}
/** Two ascending lists of distinct numbers (no number in both) as one. */
function mergeAscending(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length)
    out[k++] = (a[i] as number) < (b[j] as number) ? (a[i++] as number) : (b[j++] as number);
  while (i < a.length) out[k++] = a[i++] as number;
  while (j < b.length) out[k++] = b[j++] as number;
  return out;
}

/**
 * The one word a requirement is read from where its phrase says it with words that carry nothing ("which are
 * connected", "for each viewer"): the requirement lies in that word's own form, so another word of its stem is not it
 * ("connections" of a balancer's flows are no member being connected). Undefined for any other signal.
 */
function oneWordReading(signal: Signal): string | undefined {
  return signal.rule !== undefined && signal.stems.length === 1 && /\s/.test(signal.text.trim())
    ? signal.raws[0]
    : undefined;
}

/**
 * Whether a written word is the same word as another, inflected or not ("viewer", "viewers"; "deployed", "deploying"),
 * and not a noun made from it ("connections" of "connected"): what is left once an inflection is taken off is the same.
 */
const sameForm = (written: string, word: string): boolean => written === word || inflected(written) === inflected(word);
const inflected = (w: string): string =>
  w
    .replace(/(?:ing|ed|es|s)$/, "")
    .replace(/([^aeiou])\1$/, "$1")
    .replace(/e$/, "");

/**
 * Whether a written word and a signal's word of one stem are one word family: a noun of a quality made with "-ness"
 * ("liveness", "business") is not the bare word it is made from ("live" video, a "busy" hour), whose other senses the
 * quality does not share, so the quality matches the bare word neither way; its adverb says the quality ("fetch
 * politely" is "politeness").
 */
export const sameFamily = (written: string, word: string): boolean =>
  QUALITY.test(written) === QUALITY.test(word) || MANNER.test(written) || MANNER.test(word);
const QUALITY = /ness(?:es)?$/;
const MANNER = /ly$/;

/** Units of time a rate is counted in ("calls a minute", "requests per second"). */
const TIME_UNITS = new Set(["second", "seconds", "minute", "minutes", "hour", "hours", "day", "days"]);
const DEADLINE = stemWord("within");

/**
 * True when a phrase that ends on a unit of time, read as a rate ("calls minute": calls a minute), found the unit where
 * it counts no rate of what the phrase names: in a deadline ("pages on-call within a minute": "within" bounds the unit,
 * and the phrase did not ask for it), or in a phrase of its own before that word ("probes URLs every minute and pages
 * whoever is on call"); a unit right before the word still counts it ("a per-minute call budget").
 */
export function unitNotRate(tokens: readonly Token[], signal: Signal, covers: readonly number[], from = 0): boolean {
  const lastRaw = signal.raws[signal.raws.length - 1] ?? "";
  if (covers.length < 2 || !TIME_UNITS.has(lastRaw) || signal.stems.includes(DEADLINE)) return false;
  // the covered words for the unit and for what it counts: covers are in the phrase's word order until returned
  const unit = covers[covers.length - 1] as number;
  const counted = covers[covers.length - 2] as number;
  if (unit < counted - 1) return true;
  // a search from token `from` on sees no word before it
  let k = unit - 1;
  while (k >= from && isCount(tokens[k]?.raw ?? "")) k--;
  return k >= from && tokens[k]?.stem === DEADLINE && !covers.includes(k);
}

/** Units of time a deadline bounds ("within 10 seconds", "within a day"), by stem. */
const DEADLINE_UNITS = new Set(
  ["second", "minute", "hour", "day", "week", "month", "year"].flatMap((w) => [stemWord(w), stemWord(`${w}s`)]),
);

/**
 * True when words chosen together hold a deadline ("within") and a unit of time, but the deadline bounds no unit of
 * time among them: "answers 100,000 queries per second for businesses within a given radius" bounds a radius, and its
 * "second" counts a rate. A deadline bounds the unit right after it, past counts only ("within a few seconds").
 */
export function deadlineUnbound(tokens: readonly Token[], covers: readonly number[]): boolean {
  const deadlines = covers.filter((i) => tokens[i]?.stem === DEADLINE);
  const units = covers.filter((i) => DEADLINE_UNITS.has(tokens[i]?.stem ?? ""));
  if (deadlines.length === 0 || units.length === 0) return false;
  return !units.some((u) => {
    let k = u - 1;
    while (k >= 0 && isCount(tokens[k]?.raw ?? "")) k--;
    return k >= 0 && deadlines.includes(k);
  });
}

/**
 * Sorts a short list in place, stably, by `compare`: the order Array.prototype.sort gives for a consistent comparator
 * (it is stable too), without the ~1 KB of work space V8's sort allocates on every call, which recognition's dozen
 * small sorts a prompt added up to. A long list is left to Array.prototype.sort.
 */
export function sortShort<T>(xs: T[], compare: (a: T, b: T) => number): T[] {
  if (xs.length > 64) return xs.sort(compare);
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i] as T;
    let j = i - 1;
    while (j >= 0 && compare(xs[j] as T, x) > 0) {
      xs[j + 1] = xs[j] as T;
      j--;
    }
    xs[j + 1] = x;
  }
  return xs;
}

/** The element a stable sort by `compare` puts first (the earliest of the least), without sorting; undefined for none. */
export function firstBy<T>(xs: readonly T[], compare: (a: T, b: T) => number): T | undefined {
  let best: T | undefined;
  for (const x of xs) if (best === undefined || compare(x, best) < 0) best = x;
  return best;
}

const ascending = (a: number, b: number): number => a - b;
/** Whole numbers in place, ascending (see sortShort). */
export const sortNumbers = (xs: number[]): number[] => sortShort(xs, ascending);

/**
 * Texts in collation order: each text's rank, equal for texts that collate as equal. Computed when the
 * tables are compiled, so the order is the one `localeCompare` gives there, on every machine.
 */
export function rankTexts(texts: Iterable<string>): Map<string, number> {
  const sorted = [...new Set(texts)].sort((a, b) => a.localeCompare(b));
  const rank = new Map<string, number>();
  sorted.forEach((t, i) => {
    const prev = sorted[i - 1];
    rank.set(t, prev !== undefined && prev.localeCompare(t) === 0 ? (rank.get(prev) as number) : i);
  });
  return rank;
}

/** Two signals by text: by their ranks when both have one, else by `localeCompare` (signals built by hand). */
const byText = (a: Signal, b: Signal): number =>
  a.rank !== undefined && b.rank !== undefined ? a.rank - b.rank : a.text.localeCompare(b.text);

/**
 * Combines hits as a noisy-OR, skipping a hit whose tokens are already all covered by a
 * stronger hit of the same group (so "message queue" and "queue" do not both count).
 */
export function combine(hits: readonly Hit[], weightOf: (h: Hit) => number): { score: number; counted: Hit[] } {
  // most archetypes have no hits in a prompt: nothing to sort or cover
  if (hits.length === 0) return { score: 0, counted: [] };
  // one hit (the next most common case): nothing to order or cover
  if (hits.length === 1) {
    const h = hits[0] as Hit;
    if (h.covers.length === 0) return { score: 0, counted: [] };
    return { score: 1 - (1 - Math.min(0.99, weightOf(h))), counted: [h] };
  }
  const sorted = sortShort(
    [...hits],
    (a, b) => weightOf(b) - weightOf(a) || b.covers.length - a.covers.length || byText(a.signal, b.signal),
  );
  const covered = new Set<number>();
  const counted: Hit[] = [];
  let miss = 1;
  for (const h of sorted) {
    if (h.covers.every((i) => covered.has(i))) continue;
    for (const i of h.covers) covered.add(i);
    counted.push(h);
    miss *= 1 - Math.min(0.99, weightOf(h));
  }
  return { score: 1 - miss, counted };
}

/** Signals by position: a list, or packed tables decoded one signal at a time on first use (plain.ts). */
export interface SignalList {
  /** How many signals the list holds. */
  size: number;
  /** The signal at a position, 0 ≤ position < size (the same object on every call). */
  at(position: number): Signal;
}

/** A list of signals as a SignalList. */
export const signalList = (signals: readonly Signal[]): SignalList => ({
  size: signals.length,
  at: (i) => signals[i] as Signal,
});

/** Every signal of a list, in position order (decodes them all: for tests and the compile step). */
export const everySignal = (list: SignalList): Signal[] => Array.from({ length: list.size }, (_, i) => list.at(i));

/**
 * Signals looked up by their words, so matching a prompt costs in proportion to its words rather
 * than to the size of the knowledge base: a phrase is indexed under its first stem (all its stems
 * must appear), a named system also under the shape of its first word for typo-tolerant matches.
 * The lists hold positions, so tables loaded from the build's packed data decode only the signals
 * a prompt's words reach, and ties between hits are broken by position.
 */
export interface SignalIndex extends SignalList {
  /** Positions by first stem, ascending. */
  byStem: ReadonlyMap<string, readonly number[]>;
  /** Positions of named systems by the shape of their first word, ascending. */
  byShape: ReadonlyMap<string, readonly number[]>;
  /** Stems of every phrase: words the knowledge base knows, so never read as a misspelt name. */
  vocabulary: ReadonlySet<string>;
}

/** A word's index key for typo-tolerant lookups: its first letter and a length. */
export const shapeKey = (word: string, length: number): string => `${word[0]}${length}`;

/** The index's lists over signals in the order given (their positions). */
export function indexLists(signals: readonly Signal[]): Omit<SignalIndex, "size" | "at"> {
  const byStem = new Map<string, number[]>();
  const byShape = new Map<string, number[]>();
  const vocabulary = new Set<string>();
  const push = (m: Map<string, number[]>, k: string, i: number) => {
    const list = m.get(k);
    if (list) list.push(i);
    else m.set(k, [i]);
  };
  signals.forEach((s, i) => {
    if (s.kind === "phrase") for (const st of s.stems) vocabulary.add(st);
    push(byStem, s.stems[0] as string, i);
    const first = s.raws[0] ?? "";
    if (s.kind === "system" && first.length >= 5 && !/\d/.test(first)) push(byShape, shapeKey(first, first.length), i);
  });
  return { byStem, byShape, vocabulary };
}

export function buildIndex(signals: readonly Signal[]): SignalIndex {
  return { ...signalList(signals), ...indexLists(signals) };
}

/** A stem the knowledge base knows as a word or as the start of a name: never read as a typo. */
export const isKnown = (index: SignalIndex, stem: string): boolean =>
  index.vocabulary.has(stem) || index.byStem.has(stem);

/**
 * By index: each position's phrase stems once its signal has been decoded (null for a named system, which a typo may
 * match), so the check "are all its words in the prompt" reads one array of plain lists instead of the decoded
 * signals, whose many shapes make every `kind` and `stems` read a slow lookup.
 */
const phraseStems = new WeakMap<SignalIndex, (readonly string[] | null | undefined)[]>();

/** Every indexed signal found in the tokens, in index order. */
export function matchAll(tokens: readonly Token[], index: SignalIndex): Hit[] {
  const present = stemSet(tokens);
  let side = phraseStems.get(index);
  if (side === undefined) {
    side = new Array(index.size).fill(undefined);
    phraseStems.set(index, side);
  }
  const stemsAt = side;
  const seen = new Set<number>();
  const consider = (i: number) => {
    if (seen.has(i)) return;
    let stems = stemsAt[i];
    if (stems === undefined) {
      const s = index.at(i);
      stems = s.kind === "phrase" ? s.stems : null;
      stemsAt[i] = stems;
    }
    // a phrase is found only where all its words are
    if (stems !== null) for (let k = 0; k < stems.length; k++) if (!present.has(stems[k] as string)) return;
    seen.add(i);
  };
  for (const stem of present) {
    const list = index.byStem.get(stem);
    if (list !== undefined) for (let k = 0; k < list.length; k++) consider(list[k] as number);
  }
  // A word written again finds the same names (the look-up reads the written word alone), so each is tried once.
  const tried = new Set<string>();
  for (const t of tokens) {
    // Only an unknown word can be a misspelt name; known words and exact names are found by stem.
    if (t.raw.length < 4 || isKnown(index, t.stem) || tried.has(t.raw)) continue;
    tried.add(t.raw);
    for (let len = t.raw.length - 2; len <= t.raw.length + 2; len++)
      for (const i of index.byShape.get(shapeKey(t.raw, len)) ?? [])
        if (typoMatch(t.raw, index.at(i).raws[0] ?? "")) consider(i);
  }
  const hits: Hit[] = [];
  for (const position of sortNumbers([...seen])) {
    const s = index.at(position);
    const h = findSignal(tokens, s);
    // A known word ("shared") or another exact name ("Snowflake") is not a misspelling of a name.
    if (h?.fuzzy && h.covers.some((i, k) => tokens[i]?.stem !== s.stems[k] && isKnown(index, tokens[i]?.stem ?? "")))
      continue;
    if (h) hits.push(h);
  }
  return hits;
}
