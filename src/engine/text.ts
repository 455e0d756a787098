/** Small text utilities shared by lookup and recognition. Pure and deterministic. */

/** Three reused rows of the distance table (two back, one back, current); grown when a longer word comes. */
let rowsBuf = new Int32Array(0);

/** Damerau-Levenshtein (optimal string alignment) distance, capped for speed. */
export function editDistance(a: string, b: string, cap = 8): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const cols = b.length + 1;
  if (rowsBuf.length < 3 * cols) rowsBuf = new Int32Array(3 * cols);
  let back2 = 0;
  let back1 = cols;
  let cur = 2 * cols;
  const d = rowsBuf;
  for (let j = 0; j < cols; j++) d[back1 + j] = j;
  for (let i = 1; i <= a.length; i++) {
    d[cur] = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j < cols; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = Math.min(
        (d[back1 + j] as number) + 1,
        (d[cur + j - 1] as number) + 1,
        (d[back1 + j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        v = Math.min(v, (d[back2 + j - 2] as number) + 1);
      }
      d[cur + j] = v;
    }
    const t = back2;
    back2 = back1;
    back1 = cur;
    cur = t;
  }
  return d[back1 + b.length] as number;
}

/**
 * A pure function of a text that remembers its answers (it must never answer undefined): the texts are
 * mostly the knowledge base's own (entity names, actions, rules, sentences), so they recur design after
 * design. Bounded; emptied when full.
 */
export function rememberText<T>(fn: (text: string) => T, max = 20000): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    let hit = seen.get(text);
    if (hit === undefined) {
      hit = fn(text);
      if (seen.size >= max) seen.clear();
      seen.set(text, hit);
    }
    return hit;
  };
}

/** The indefinite article a word takes, by its first letter ("an order", "a write"). */
export const article = (word: string): "a" | "an" =>
  /^[aeiou]/i.test(word) && !/^(?:one\b|once\b|uni(?!n)|use[drs]?\b|user|usu|euro)/i.test(word) ? "an" : "a";
/** A noun phrase with its indefinite article ("an order"). */
export const anA = (noun: string): string => `${article(noun)} ${noun}`;

/** A literal text as a regular-expression source that matches exactly it. */
export const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Words as one alternation of a pattern, longest first so a shorter word never stops a longer one: "(?:secs|sec|s)". */
export const anyWord = (words: readonly string[]): string =>
  `(?:${[...new Set(words)]
    .sort((a, b) => b.length - a.length || compareText(a, b))
    .map(escapeRe)
    .join("|")})`;

/** Patterns built from text at run time, compiled once per source and flags; bounded, emptied when full. */
const PATTERNS = new Map<string, RegExp>();
const PATTERNS_MAX = 4096;

/**
 * `new RegExp(source, flags)`, compiled once: the sources are built from the knowledge base's words (entities,
 * verbs, nouns, decision conditions), so they recur design after design. A global or sticky pattern keeps its
 * place between uses; `replace` and `search` start it from the beginning, so use it only with those.
 */
export function pattern(source: string, flags = ""): RegExp {
  const key = `${flags}/${source}`;
  let re = PATTERNS.get(key);
  if (!re) {
    re = new RegExp(source, flags);
    if (PATTERNS.size >= PATTERNS_MAX) PATTERNS.clear();
    PATTERNS.set(key, re);
  }
  return re;
}

/**
 * Whether a text names a noun as a word of its own, in any case: singular or plural ("order", "orders", "boxes",
 * "policy" → "policies"), never inside a longer word ("reorder", "orderly") nor after an apostrophe.
 */
export function namesNoun(text: string, noun: string): boolean {
  const ies = /y$/i.test(noun) ? `|${escapeRe(noun.slice(0, -1))}ies` : "";
  return pattern(`(?:^|[^a-z'])(?:${escapeRe(noun)}(?:e?s)?${ies})(?![a-z])`, "i").test(text);
}

/**
 * Printable ASCII in the order the default collator (`localeCompare`, ICU's root order) puts it:
 * spaces, punctuation, symbols, digits, then letters with each lower case before its upper case.
 */
const COLLATION_ORDER =
  " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789aAbBcCdDeEfFgGhHiIjJkKlLmMnNoOpPqQrRsStTuUvVwWxXyYzZ";
/** Per character code: its primary weight (a letter's two cases share one) and whether it is an upper-case letter. */
const PRIMARY = new Int16Array(128).fill(-1);
const UPPER = new Uint8Array(128);
for (let i = 0, w = 0; i < COLLATION_ORDER.length; i++) {
  const c = COLLATION_ORDER.charCodeAt(i);
  const upper = c >= 65 && c <= 90;
  if (upper) UPPER[c] = 1;
  PRIMARY[c] = upper ? w - 1 : w++;
}

/**
 * Compares two texts exactly as `a.localeCompare(b)` does (its sign), without loading the locale
 * machinery for printable ASCII: by character weights first (case set aside), then by the first
 * difference in case, lower case first. Text with any other character is handed to `localeCompare`.
 */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  let primary = 0;
  let tertiary = 0;
  // One pass: the first difference in weight, the first in case, and whether both are printable ASCII.
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x < 32 || x > 126 || y < 32 || y > 126) return a.localeCompare(b);
    if (x === y || primary !== 0) continue;
    const px = PRIMARY[x] as number;
    const py = PRIMARY[y] as number;
    if (px !== py) primary = px < py ? -1 : 1;
    else if (tertiary === 0) tertiary = UPPER[x] ? 1 : -1;
  }
  const longer = a.length > n ? a : b;
  for (let i = n; i < longer.length; i++) {
    const c = longer.charCodeAt(i);
    if (c < 32 || c > 126) return a.localeCompare(b);
  }
  if (primary !== 0) return primary;
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return tertiary;
}

/** Words too common to tie two texts together by meaning. */
const STOP =
  /^(the|and|that|with|from|into|only|every|each|once|this|their|them|they|what|when|which|while|after|before|never|other|same|until|than|then|been|being|have|holds?|later|still|least|most|more|much|many|such|some|also|over|under|per|its|it's|one|two)$/;

/** Content-word stems of a text: lower-cased words of four letters or more, cut to five letters (remembered: the same texts recur). */
export const contentStems = rememberText((text: string): ReadonlySet<string> => {
  return new Set(
    text
      .toLowerCase()
      .replace(/[^a-z\s-]/g, " ")
      .split(/[\s-]+/)
      .filter((w) => w.length >= 4 && !STOP.test(w))
      .map((w) => w.replace(/(ies|es|s)$/, "").slice(0, 5)),
  );
});

/** Words that open a noun phrase ("the", "each", "its"). */
export const DETERMINERS: ReadonlySet<string> = new Set([
  "a",
  "an",
  "the",
  "every",
  "each",
  "its",
  "their",
  "all",
  "any",
  "one",
  "his",
  "her",
]);

/** Verbs that start an action phrase ("settle attempts", "call the external system"). */
export const LEADING_VERBS: ReadonlySet<string> = new Set(
  "accept acquire advance append apply call claim commit compact create cut delete drain evaluate expire fetch fold hold publish read reclaim reconcile record register release remember renew replicate reschedule run scrub send settle sync update".split(
    " ",
  ),
);

/**
 * The verb of an action phrase: its first word when that is a verb or a determiner follows it
 * ("call the external system"), else the word after its subject ("a relay claims …" -> "claims").
 */
export function actionVerb(phrase: string): string {
  const words = phrase.trim().split(/\s+/);
  if (DETERMINERS.has((words[0] ?? "").toLowerCase())) words.shift();
  const [first = "", second = ""] = words;
  if (LEADING_VERBS.has(first.toLowerCase()) || DETERMINERS.has(second.toLowerCase()) || second === "or" || !second)
    return first;
  return second;
}

/** How many stems two sets share. */
export const stemOverlap = (a: ReadonlySet<string>, b: ReadonlySet<string>): number =>
  [...a].filter((x) => b.has(x)).length;

/**
 * One pattern matching wherever any of `patterns` matches, first where the earliest of them first matches (none:
 * undefined). Patterns with flags, back-references or named groups would mean something else inside it: refused.
 */
export function eitherOf(patterns: readonly RegExp[]): RegExp | undefined {
  for (const p of patterns)
    if (p.flags !== "" || /\\[1-9k]|\(\?<[^=!]/.test(p.source))
      throw new Error(
        `the pattern /${p.source}/${p.flags} cannot be joined with others: no flags, back-references or named groups`,
      );
  return patterns.length === 0 ? undefined : new RegExp(patterns.map((p) => `(?:${p.source})`).join("|"));
}
