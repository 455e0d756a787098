/**
 * Turning design values into things a person says: short names for long phrases, lists read as
 * "three things: a, b and c", one clause per sentence, and no table text read out mid-sentence.
 * Everything here is pure string work on values the Design already holds.
 */

import { binaryBytes, SCIENTIFIC_FROM, scientific } from "../../engine/quantity-format.js";
import { actionVerb, DETERMINERS, LEADING_VERBS, rememberText } from "../../engine/text.js";
import { CARDINAL_WORDS } from "../../knowledge/lexicon.js";

/** Longest sentence the script ever speaks; longer ones are split at a clause boundary or left out. */
export const MAX_SENTENCE_WORDS = 40;
/** Sentences longer than this are kept only when time allows. */
export const COMFORT_WORDS = 25;

/** Whether a character code is white space as `\s` reads it in a regular expression. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * The words of a text a listener hears: runs between white space that hold a letter or digit (a lone
 * dash or arrow is not a word). Scanned by hand: it is asked of every sentence several times over.
 */
export function countWords(s: string): number {
  let n = 0;
  let spoken = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) {
      if (spoken) n++;
      spoken = false;
    } else if (!spoken && ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) spoken = true;
  }
  return spoken ? n + 1 : n;
}

/** The counts said as words, zero to ten (knowledge/lexicon.ts `CARDINAL_WORDS`); a larger count is said in digits. */
const NUMBER_WORDS = Object.entries(CARDINAL_WORDS)
  .filter(([, v]) => v <= 10)
  .sort((a, b) => a[1] - b[1])
  .map(([w]) => w);
export const numberWord = (n: number): string => NUMBER_WORDS[n] ?? String(n);

/**
 * A quoted path phrase inside a cell ("A retried 'accept a request under …' takes effect once") is
 * said by its short name, so no quoted table text is read out mid-sentence.
 */
function unquote(s: string): string {
  return s
    .replace(/\b([Aa]) retried '((?:[^']|'(?=[a-z])){12,}?)'(?=[\s,.:;]|$)/g, (_m, a: string, inner: string) => {
      const name = actionName(inner);
      const again = gerund(name);
      if (again) return `${a === "A" ? again.charAt(0).toUpperCase() + again.slice(1) : again} again`;
      return `${a} repeat where ${name}`;
    })
    .replace(
      /(^|\s)'((?:[^']|'(?=[a-z])){12,}?)'(?=[\s,.:;]|$)/g,
      (_m, pre: string, inner: string) => `${pre}${actionName(inner)}`,
    );
}

/** Finite verbs a bracketed tuple may stand before as the subject ("… (asset, rendition, segment) has one output"). */
const TUPLE_VERB =
  /^(?:has|have|is|are|was|were|must|may|can|will|never|maps|gets|keeps|holds|owns|names|stays|appears|exists|lives)$/;

/** Text as speech: identifiers and symbols a reader would not say are turned into words. */
/** A noun owning itself ("a prefix's prefix suggestions", "the key's key"), the second one a following word or not. */
const OWNED_TWICE = /\b([a-z]+)'s \1\b( (?=[a-z]))?/gi;

/**
 * A record named after its key's noun says the noun once: "a prefix's prefix suggestions" -> "a prefix's suggestions",
 * "the key's key" -> "the key".
 */
export const ownedOnce = (_m: string, noun: string, more?: string): string => (more ? `${noun}'s ` : noun);

/** A text with every noun that owns itself said once (`ownedOnce`). */
export const sayOwnedOnce = (s: string): string => s.replace(OWNED_TWICE, ownedOnce);

export const speakable = rememberText((s: string): string => {
  return (
    unquote(s)
      // a cost in big-O notation is said by its name ("in O(log N)" would lose its bracket and end "in O.")
      .replace(/\bO\(1\)/g, "constant time")
      .replace(/\bO\(log ?[nNkK]\)/g, "logarithmic time")
      .replace(/\bO\([nN] log ?[nN]\)/g, "n log n time")
      .replace(/\bO\(([nNkK])\)/g, "linear time")
      .replace(/\bO\(log ?[nN] ?\+ ?([a-zA-Z])\)/g, "logarithmic time plus one step per item returned")
      // a parenthesis that is the object of a preposition is said as words; any other is an aside for the page
      .replace(
        /\b(on|by|of|in|at|to|for|with|from|per) \(([^()]*)\)/g,
        (_m, p: string, inner: string) => `${p} ${andList(inner.split(/,\s*/))}`,
      )
      // a parenthesised tuple that modifies the noun after it is the noun's content, not an aside:
      // "A (Job, due_at) pair" -> "A pair of Job and due_at" (dropping it would leave "A pair yields …")
      .replace(
        /\b([Aa]n?|[Tt]he|[Ee]ach|[Ee]very|[Oo]ne) \(([^()]*,[^()]*)\) ([a-z]+)\b/g,
        (_m, det: string, inner: string, noun: string) =>
          // a verb after the tuple ("Each (asset, rendition, segment) has one output") leaves no noun to hang it
          // on: the tuple is said as what it is, a combination ("Each combination of asset, rendition and segment has")
          TUPLE_VERB.test(noun) || (/^(?:an?|each|every|one)$/i.test(det) && /[^su]s$/.test(noun))
            ? `${det} combination of ${andList(inner.split(/,\s*/))} ${noun}`
            : `${det} ${noun} of ${andList(inner.split(/,\s*/))}`,
      )
      // a stated window ("(for Stripe, possibly after 24 hours)") is a fact worth saying, so it stays as an aside
      .replace(/\s*\(([^()]*\b\d+\s*(?:hours?|days?|minutes?|weeks?)\b[^()]*)\)/g, ", $1,")
      .replace(/\s*\((?:[^()]|\([^()]*\))*\)/g, "")
      // a variable after a preposition is a named value: "compare it with last_fence" -> "with the last fence"
      .replace(/\b(with|than|below|above|against) ([a-z]+_[a-z_]+)\b/g, "$1 the $2")
      // a record's field ("KeyValue.version") is said as the record's own: "the key value's version"
      .replace(
        /\b(?:the )?([A-Z][a-z]+(?:[A-Z][a-z]+)+)\.([a-z_]+)\b/g,
        (_m, e: string, f: string) => `the ${entityWords(e)}'s ${f}`,
      )
      .replace(/\b([A-Z][a-z]+)\.([a-z_]+)\b/g, (_m, e: string, f: string) => `the ${e.toLowerCase()} ${f}`)
      // a time column is said as a time ("due_at" the due time, "claim_expires_at" the claim expiry time): said as
      // words it would end a sentence on "at"
      .replace(
        /\b([a-z]+(?:_[a-z]+)*)_at\b/g,
        (_m, stem: string) => `${stem.replace(/_/g, " ").replace(/\bexpires$/, "expiry")} time`,
      )
      // a count column ("wave_no", "seq_num") is said as the number it holds, never "wave no"
      .replace(/\b([a-z]+)_(?:no|num)\b/g, "$1 number")
      .replace(/\b([a-z]+)_([a-z_]+)\b/g, (m) => m.replace(/_/g, " "))
      .replace(/\s*≈\s*/g, " about ")
      .replace(/(\d)\s*\/s\b/g, "$1 a second")
      .replace(/\b(\w+)\/s\b/g, "$1 a second")
      // "APNs / FCM", "Email / SMS gateway": alternatives, never a rate ("email per SMS")
      .replace(/(\w) \/ ([A-Z]{2,})\b/g, "$1 or $2")
      .replace(/\s+\/\s+|(?<=[a-z])\/(?=[a-z])/g, " or ")
      .replace(/\s+\+\s+/g, " plus ")
      .replace(/\s*→\s*/g, " then ")
      .replace(/\s*×\s*/g, " times ")
      .replace(/\s*≥\s*/g, " at least ")
      .replace(/\s*≤\s*/g, " at most ")
      // configuration syntax said as words: "acks=all" -> "acks all", "min.insync.replicas" -> "min insync replicas"
      .replace(/\b([A-Za-z_]+)=(\w)/g, "$1 $2")
      .replace(/\b([a-z]+)\.(?=[a-z]+\b)/g, "$1 ")
      .replace(/\b([A-Z])\/([A-Z])\/([A-Z])\b/g, "$1, $2 and $3")
      .replace(/\b([A-Z])\/([A-Z])\b/g, "$1 and $2")
      .replace(/\s+—\s+/g, ", ")
      .replace(/\b([Aa]) (?=(?:[aei]|o(?!ne\b))[a-z])/g, "$1n ")
      .replace(/\s+/g, " ")
      .replace(/\s+([,.;:])/g, "$1")
      .replace(/,+/g, ",")
      .replace(/,([.;:!?])/g, "$1")
      .replace(OWNED_TWICE, ownedOnce)
      .trim()
  );
});

/** "ProtectedResource" -> "protected resource"; acronyms stay as written. */
export const entityWords = rememberText((name: string): string =>
  name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(" ")
    .map((w) => (/^[A-Z0-9]+$/.test(w) ? w : w.toLowerCase()))
    .join(" "),
);

/** Capitalises the first letter and closes the sentence with a full stop. */
export function sentence(s: string): string {
  // Trailing white space, commas, semicolons and colons go (scanned by hand: every line passes here).
  let end = s.length;
  while (end > 0) {
    const c = s.charCodeAt(end - 1);
    if (!isSpace(c) && c !== 44 && c !== 59 && c !== 58) break; // , ; :
    end--;
  }
  const t = s.slice(0, end).trim();
  if (t.length === 0) return t;
  const c = t.charAt(0).toUpperCase() + t.slice(1);
  const last = c.charCodeAt(c.length - 1);
  return last === 46 || last === 33 || last === 63 ? c : `${c}.`; // . ! ?
}

/** Lower-cases the first letter unless the first word is an acronym or a proper name in capitals. */
export function lowerFirst(s: string): string {
  const space = s.search(/\s/);
  const first = space < 0 ? s : s.slice(0, space);
  if (/^[A-Z0-9]{2,}/.test(first) || /[A-Z]/.test(first.slice(1))) return s;
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** "a", "a and b", "a, b and c". */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "or" version of andList. */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

/**
 * An enumeration as a speaker says it: one item is named, two are joined, three are announced by
 * count ("three writes: a, b and c"). A longer list is never read out, and its full count is never
 * said without its items: the `max` items that matter most (callers order them so) are announced by
 * their own count with `most` ("three writes matter most: a, b and c"); the rest are for follow-ups.
 */
export function enumerate(
  noun: string,
  plural: string,
  items: readonly string[],
  max = 3,
  most = `${plural} that matter most`,
): string {
  const uniq = [...new Set(items.filter((x) => x.length > 0))];
  if (uniq.length === 0) return "";
  if (uniq.length === 1) return `one ${noun}: ${uniq[0]}`;
  if (uniq.length <= max) return `${numberWord(uniq.length)} ${plural}: ${andList(uniq)}`;
  const shown = uniq.slice(0, Math.max(2, max));
  return `${numberWord(shown.length)} ${most}: ${andList(shown)}`;
}

/**
 * The items of a spoken list as a listener counts them: split at commas, and the last part at its
 * last "and" ("agents and scrapers, ingesters and compactor" is three items, not four).
 */
export function countedItems(list: string): string[] {
  const parts = list
    .replace(/\breads and writes\b/g, "reads-and-writes")
    .split(/,\s+/)
    .filter((x) => x.length > 0);
  const last = parts.pop() ?? "";
  const cut = last.lastIndexOf(" and ");
  return cut > 0 ? [...parts, last.slice(0, cut), last.slice(cut + 5)] : [...parts, last];
}

const COUNT_WORDS = new Map(NUMBER_WORDS.map((w, i) => [w, i]));
/** A count of two or more said as a word ("two" … "ten"): a sentence that says one names as many. */
const MANY = NUMBER_WORDS.slice(2).join("|");
const COUNT_NAMES_NONE = new RegExp(String.raw`^(?:[A-Z][a-z]+, )?(${MANY})(?: [a-z][a-z'-]*){1,3}$`, "i");
const COUNT_THEN_LIST = new RegExp(String.raw`(?:^|[\s,])(${MANY}) ([a-z][a-z' -]*?): (.+)$`, "i");

/**
 * Why a sentence's count does not match what it names, if it does not: "Five boxes: a, b and c"
 * names three, and "Six writes matter." names none.
 */
export function countMismatch(text: string): string | undefined {
  const body = text.replace(/[.!?]$/, "");
  const bare = COUNT_NAMES_NONE.exec(body);
  if (bare?.[1]) return `says ${bare[1].toLowerCase()} and names none`;
  const m = COUNT_THEN_LIST.exec(body);
  if (!m?.[1] || !m[3]) return undefined;
  const said = COUNT_WORDS.get(m[1].toLowerCase()) ?? 0;
  const named = countedItems(m[3]).length;
  return named === said ? undefined : `says ${m[1].toLowerCase()} ${m[2]} and names ${named}`;
}

/** Verbs whose last consonant doubles before "-ing" ("commit" -> "committing"). */
const DOUBLES = new Set(
  "commit cut run set put get stop drop ship plan skip tag map admit emit omit submit permit swap trim rerun reset begin bootstrap transfer refer defer prefer occur incur confer".split(
    " ",
  ),
);

/** A base-form verb with "-ing": "settle" -> "settling", "commit" -> "committing", "tie" -> "tying". */
export function ingForm(verb: string): string {
  // one syllable ending consonant-vowel-consonant doubles its last letter: "fan" -> "fanning", "scrub" -> "scrubbing"
  if (DOUBLES.has(verb) || /^[^aeiou]*[aeiou][bdgmnprt]$/.test(verb)) return `${verb}${verb.slice(-1)}ing`;
  if (/ie$/.test(verb)) return `${verb.slice(0, -2)}ying`;
  // a silent final e drops, after a consonant or a u ("settle" -> "settling", "continue" -> "continuing")
  if (/(?:[^aeiou]|u)e$/.test(verb) && !/ee$/.test(verb)) return `${verb.slice(0, -1)}ing`;
  return `${verb}ing`;
}

/** A third-person verb in its base form: "claims" -> "claim", "fetches" -> "fetch", "applies" -> "apply". */
export function baseForm(verb: string): string {
  if (/ies$/.test(verb)) return `${verb.slice(0, -3)}y`;
  if (/(ch|sh|ss|x|z)es$/.test(verb)) return verb.slice(0, -2);
  if (/[^s]s$/.test(verb)) return verb.slice(0, -1);
  return verb;
}

/** "accept the request" -> "accepting the request"; undefined when the name does not start with a verb. */
export function gerund(name: string): string | undefined {
  const [first = "", ...rest] = name.split(/\s+/);
  if (!/^[a-z]{3,}$/.test(first) || DETERMINERS.has(first) || /s$/.test(first)) return undefined;
  return [ingForm(first), ...rest].join(" ");
}

/** Words that end the verb phrase at the start of an action: what follows is how, not what. */
const CLAUSE_BREAK =
  /,(?!\d)|[;:(]| — | - | by | so that | so | with | only | when | whenever | whose | that | which | using | until | up to | before | after | whether | once | unless | if | while /;
/** Words that cannot end a noun phrase: prepositions, conjunctions, determiners, adverbs. */
const NP_STOP = new Set([
  ...DETERMINERS,
  ..."of for to from on in at into onto below above after before under over with without as across per between among through by and or but so that which who whose when while if until then than only also once whether not no it they them we our your".split(
    " ",
  ),
]);
const stops = (w: string) =>
  NP_STOP.has(w.toLowerCase()) || /(ably|ally|ily|ively|ently|ately|ously|edly|ctly)$/.test(w);
const joins = (w: string) => w === "or" || w === "and";

/** The leading words of `words` up to (not including) the first stop word after position `from`. */
function until(words: readonly string[], from: number): string[] {
  const out: string[] = [];
  for (let i = from; i < words.length; i++) {
    const w = words[i] ?? "";
    const next = words[i + 1];
    // "free or expired resource": a conjunction between two content words stays inside the phrase, unless the word
    // after it takes an object of its own ("an execution or read its history": a second verb phrase, not the noun's)
    const joinsVerb = DETERMINERS.has((words[i + 2] ?? "").toLowerCase());
    if (w === "or" && out.length + from > 0 && next !== undefined && !stops(next) && !joinsVerb) {
      out.push(w);
      continue;
    }
    // "a segment's included and excluded users": a participle after a determiner or possessive names no thing yet,
    // so the "and" joins it to the next modifier of the same noun rather than ending the phrase
    const before = (out.length > 1 ? out[out.length - 2] : words[from - 1]) ?? "";
    const modifier =
      /^[a-z]+ed$/.test(out[out.length - 1] ?? "") && (DETERMINERS.has(before.toLowerCase()) || /'s$/.test(before));
    if (w === "and" && modifier && next !== undefined && !stops(next)) {
      out.push(w);
      continue;
    }
    if (stops(w)) break;
    out.push(w);
  }
  return out;
}

/** Words a spoken name cannot end on: the phrase was cut before its object ("segments past", "location during"). */
const DANGLING = new Set(
  "past older newer during against along straight such where desired than how what who whom whose served about".split(
    " ",
  ),
);
/** Common verbs that need an object; a name ending on one after its subject ("waiters learn") is cut short. */
const BARE_VERBS = new Set(
  "learn learns claims reads checks fetch fetches see sees ask asks push pushes get gets know knows find finds takes sends compare compares searches watches rebuild deregister extends".split(
    " ",
  ),
);
const dangles = (w: string) => stops(w) || DANGLING.has(w.toLowerCase());

/**
 * Whether a short name is a complete phrase a person would say: it does not end on a preposition,
 * article, conjunction or "past", and it is not a verb with no object ("fetch", "waiters learn").
 */
export function isCompletePhrase(name: string): boolean {
  const words = name
    .replace(/[.!?]$/, "")
    .split(/\s+/)
    .filter(Boolean);
  const last = words[words.length - 1] ?? "";
  if (words.length <= 1 || dangles(last)) return false;
  if (!BARE_VERBS.has(last.toLowerCase())) return true;
  // "return runs", "apply the holder's check": a verb or determiner before it makes it the object
  const before = (words[words.length - 2] ?? "").toLowerCase();
  return before !== "" && (DETERMINERS.has(before) || /'s?$/.test(before) || ACTION_VERBS.has(before));
}

/** Words a spoken phrase or sentence can never end on: prepositions, articles, conjunctions, "past". */
const NEVER_LAST = new Set(
  "of for from with without as across per between among and or but nor the a an past than during against such".split(
    " ",
  ),
);

/**
 * Why a spoken phrase is cut short, if it is: it ends on a preposition, article, conjunction or
 * "past" ("segments past"), or on a verb with no object ("waiters learn", "fetch").
 */
export function danglingEnd(phrase: string, verbs = true): string | undefined {
  const words = phrase
    .replace(/[.!?]$/, "")
    .split(/\s+/)
    .filter(Boolean);
  const last = (words[words.length - 1] ?? "").toLowerCase();
  if (NEVER_LAST.has(last)) return `ends on "${last}"`;
  if (verbs && BARE_VERBS.has(last)) {
    const before = (words[words.length - 2] ?? "").toLowerCase();
    if (words.length === 1 || !(DETERMINERS.has(before) || /'s?$/.test(before) || ACTION_VERBS.has(before)))
      return `a verb with no object ("${last}")`;
  }
  return undefined;
}

/** Imperative verbs that start action phrases; a word after one of them is its object. */
const ACTION_VERBS = new Set(
  "return release reclaim expire delete compact replicate scrub fold drain eject filter spread record publish propagate apply renew acquire create update commit view cancel follow unfollow sync settle halt advance".split(
    " ",
  ),
);

/** The entity in a phrase's trailing aside: "… past the retention limit (partition)" -> "partition". */
function asideEntity(phrase: string): string | undefined {
  const m = /\(([a-z][a-z ]{2,30})\)\s*$/.exec(phrase.trim());
  return m?.[1];
}

/** Particles of phrasal verbs that may follow the object ("fan the post out", "back the change up"). */
const PARTICLES: ReadonlySet<string> = new Set(["out", "up", "off", "back", "down", "away"]);

/** Verbs whose short name keeps the one they give to ("hand the new fencing token to the holder"). */
const GIVING = new Set(["hand", "hands", "give", "gives", "pass", "passes"]);

function rawActionName(phrase: string): string {
  // a phrase that opens on its condition ("where the subject is a CRDT instead, merge each update …") is named by
  // its action after the comma, never by the condition cut short ("where the subject is")
  const base = speakable(phrase.replace(/\s*\([^)]*\)\s*$/, "")).replace(
    /^(?:where|if|when|whenever|once|unless)\s[^,]*,\s*/i,
    "",
  );
  const cut = (base.split(CLAUSE_BREAK)[0] ?? base).trim();
  const words = cut.split(/\s+/).filter(Boolean);
  // a second verb with a pronoun object ("change a line's quantity or remove it") is a second action, never the
  // first one's object ("change the remove"): the name ends before its "or"
  const n = words.length;
  if (n >= 5 && /^(?:it|them)$/i.test(words[n - 1] ?? "") && /^(?:or|and)$/i.test(words[n - 3] ?? ""))
    words.splice(n - 3);
  while (words.length > 1 && dangles(words[words.length - 1] ?? "")) words.pop();
  if (words.length <= 3) return words.join(" ");
  // "a relay claims a due outbox entry": a subject with its article may stand before the verb
  const subject = DETERMINERS.has((words[0] ?? "").toLowerCase()) ? 1 : 0;
  const det = words.findIndex((w, i) => i > subject && DETERMINERS.has(w.toLowerCase()));
  const verb = det > 0 ? words.slice(0, det) : [];
  if (det > 0 && verb.length <= 3 + subject && !verb.slice(subject).some((w) => stops(w) && !joins(w))) {
    const np = until(words, det + 1);
    while (np.length > 0 && dangles(np[np.length - 1] ?? "")) np.pop();
    if (np.length > 0) {
      // a long object keeps its head noun, and a generic head ("time", "number") keeps the modifiers that say
      // which one, back to an owner or an "or": "last-seen time", "next due time", never "the time"
      const head = np.slice(-1);
      if (/^(?:time|number|value|count|status|date|id)$/.test(head[0] ?? ""))
        for (let i = np.length - 2; i >= 0 && head.length < 3; i--) {
          const w = np[i] ?? "";
          if (/'s?$|^(?:or|and|of|the|a|an|its|their)$/.test(w)) break;
          head.unshift(w);
        }
      else if (/-/.test(np[np.length - 2] ?? "")) head.unshift(np[np.length - 2] ?? "");
      // a phrasal verb's particle after its object ("fan the new post out") stays after the head noun it follows
      const particle = np.length >= 2 && PARTICLES.has(np[np.length - 1] ?? "") ? np.pop() : undefined;
      if (particle) head.splice(0, head.length, np[np.length - 1] ?? "");
      // modifiers joined by "and" ("segment's included and excluded users") say which one as a whole, kept together
      const joined = np.includes("and") && np.length <= 5;
      const noun = (np.length <= 3 && verb.length + np.length <= 5 + subject) || joined ? np : head;
      if (particle) return `${verb.join(" ")} the ${noun.join(" ")} ${particle}`;
      // "hand the new fencing token to the holder": a verb of giving keeps whom it gives to
      const after = det + 1 + np.length;
      const to = words[after] === "to" && DETERMINERS.has((words[after + 1] ?? "").toLowerCase());
      const whom = to ? until(words, after + 2) : [];
      if (GIVING.has((verb[verb.length - 1] ?? "").toLowerCase()) && whom.length === 1)
        return `${verb.join(" ")} the ${noun.join(" ")} to the ${whom[0]}`;
      // a count or quantifier is part of what the verb does ("keeps one operation in flight"): a state said as
      // "the" would read as an action ("keeps the operation")
      const own = (words[det] ?? "").toLowerCase();
      if (/^(?:one|no)$/.test(own)) return "";
      // "a few times", "a couple of times", "three times" count how often, not a thing: "retry the few times" is
      // no English, so the phrase is said whole
      if (/^(?:few|couple|little|lot|bit)$/.test(np[0] ?? "") || /^times?$/.test(np[np.length - 1] ?? "")) return "";
      return `${verb.join(" ")} the ${noun.join(" ")}`;
    }
  }
  const lead = [words[0] ?? "", ...until(words, 1)];
  while (lead.length > 1 && dangles(lead[lead.length - 1] ?? "")) lead.pop();
  // cut mid-phrase ("operator or autoscaler reads consumer" from "… consumer lag"): keep only what ends cleanly
  return lead.length <= 6 ? lead.join(" ") : "";
}

/**
 * The name a person would say for an action or path: "acquire a free or expired resource by a
 * conditional write…" -> "acquire the resource"; "renew the lease before it lapses…" -> "renew the lease".
 * When the short form would be cut before its object ("fetch", "waiters learn"), the verb takes the
 * record named in the phrase's aside ("fetch the origin object"), or the whole phrase is said when it
 * is short; an empty string means no complete short name exists.
 */
export const actionName = rememberText((phrase: string): string => {
  const name = rawActionName(phrase);
  if (name && isCompletePhrase(name)) return name;
  const entity = asideEntity(phrase);
  const words = name.split(/\s+/).filter(Boolean);
  const last = words[words.length - 1] ?? "";
  const whole = speakable(phrase.replace(/\s*\([^)]*\)\s*$/, "")).replace(/,(?!\d{3}\b).*$/, "");
  // the phrase's own words when they are short and whole ("heartbeat pushes the liveness expiry forward"), before
  // the record in its aside is made the verb's object ("pushes the liveness lease" says a state as an action)
  if (words.length > 1 && countWords(whole) <= 9 && isCompletePhrase(whole)) return whole;
  if ((words.length === 1 || BARE_VERBS.has(last.toLowerCase())) && entity && !whole.includes(entity)) {
    const subject = words.slice(0, -1).join(" ");
    return `${subject ? `${subject} ` : ""}${last} the ${entity}`;
  }
  if (countWords(whole) <= 9 && isCompletePhrase(whole)) return whole;
  return "";
});
/** The head of a labelled cell ("Lease granted twice: two claimants…" -> "lease granted twice"). */
export function headOf(cell: string, maxWords = 10): string | undefined {
  const t = speakable(cell);
  const colon = t.indexOf(": ");
  const head = colon > 0 ? t.slice(0, colon) : t.replace(/\.$/, "");
  return countWords(head) <= maxWords ? lowerFirst(head) : undefined;
}

/** The explanation after a labelled cell's colon, if there is one. */
export function bodyOf(cell: string): string | undefined {
  const t = speakable(cell);
  const colon = t.indexOf(": ");
  return colon > 0 ? t.slice(colon + 2) : undefined;
}

/**
 * Sentences a cell says on its own: split at full stops and semicolons (each part is a clause that
 * stands alone), then at ", so " / ", and " when a part is still too long. Parts that cannot be
 * brought under the maximum are left out, never cut mid-clause.
 */
export function clauses(cell: string, max = MAX_SENTENCE_WORDS): readonly string[] {
  // The same knowledge cells are spoken in design after design: their sentences are remembered, per
  // maximum (a handful of constants), so a cell is looked up as it is, never joined into a new key.
  let byCell = CLAUSES_BY_MAX.get(max);
  if (!byCell) {
    if (CLAUSES_BY_MAX.size >= 64) CLAUSES_BY_MAX.clear();
    byCell = rememberText((c: string): readonly string[] => clausesOf(c, max));
    CLAUSES_BY_MAX.set(max, byCell);
  }
  return byCell(cell);
}
const CLAUSES_BY_MAX = new Map<number, (cell: string) => readonly string[]>();

/** A comma piece that only qualifies the clause before it: a preposition first ("by a conditional append"). */
const QUALIFIER = /^(?:as|by|without|with|via|through|in|on|at|for|from|to|under|over|after|before|until|unless)\s/i;

function clausesOf(cell: string, max: number): string[] {
  const out: string[] = [];
  for (const raw of speakable(cell).split(/(?<=[.!?])\s+(?=[A-Z])|;\s+/)) {
    const part = raw.trim();
    if (!part) continue;
    if (countWords(part) <= max) {
      out.push(sentence(part));
      continue;
    }
    // Too long to say in one breath: split where a new clause starts, if every piece still says something.
    const pieces = part.split(/,\s+(?=so |and |but |because |which )/);
    // "a, b, and c" split before its last item: "a and b." then "Also, c.", never a sentence opening on "And";
    // but a first part whose last piece already closes a list of its own ("Store every send, lease change and ack on
    // a quorum …") or only qualifies what comes before ("…, by a conditional append", "…, as the idempotency key")
    // is left whole: "a, and b and c" and "…, and by a conditional append" are garbles
    const [head = "", tail = ""] = pieces;
    if (pieces.length === 2 && /^and /.test(tail) && head.includes(", ")) {
      const last = head.slice(head.lastIndexOf(", ") + 2);
      const closed = /^(?:\S+\s+){1,2}and\s/.test(last) || QUALIFIER.test(last);
      const first = closed ? head : head.replace(/,\s+(?!.*,\s)/, ", and ");
      pieces.splice(0, 2, first, `also, ${tail.slice(4)}`);
    }
    // a relative clause belongs to the noun before it: said with it where the two fit one breath, else left unsaid
    // (", which no player follows" adds to the prefix it follows), never a sentence of its own ("Which no player …")
    for (let i = pieces.length - 1; i > 0; i--) {
      const rel = pieces[i] ?? "";
      if (!/^which /.test(rel)) continue;
      const joined = `${pieces[i - 1]}, ${rel}`;
      pieces.splice(i - 1, 2, ...(countWords(joined) <= max ? [joined] : [pieces[i - 1] ?? ""]));
    }
    // a later clause opening on "and" is said as "Also, …", as the two-piece split says it, never "And …"
    for (let i = 1; i < pieces.length; i++) pieces[i] = (pieces[i] ?? "").replace(/^and /, "also, ");
    // each piece leans on the one before it ("and records …", "so …"): once one is too long, the rest go unsaid
    if (pieces.length > 1 && pieces.every((p) => countWords(p) >= 6))
      for (const p of pieces) {
        if (countWords(p) > max) break;
        out.push(sentence(p));
      }
  }
  return out;
}

/** The first stand-alone sentence of a cell, if it is short enough to say. */
export function firstClause(cell: string, max = COMFORT_WORDS + 5): string | undefined {
  return clauses(cell, max)[0];
}

/** Speaks a figure's display text: "≈ 30 k writes/s" -> "about 30 thousand writes a second". */
const BYTE_WORDS: Readonly<Record<string, string>> = {
  PB: "petabyte",
  TB: "terabyte",
  GB: "gigabyte",
  MB: "megabyte",
  KB: "kilobyte",
};

const BINARY_WORDS: Readonly<Record<string, string>> = {
  KiB: "kibibyte",
  MiB: "mebibyte",
  GiB: "gibibyte",
  TiB: "tebibyte",
};

export function speakFigure(display: string): string {
  return speakable(
    display
      // "1.16k" is said "1.2 thousand", "3.33 h" "3.3 h": a spoken figure keeps two significant digits
      .replace(/\b\d+\.\d{2,}(?=\s*(?:[kMB]|h|min|days?)\b)/g, (x) => String(+Number(x).toPrecision(2)))
      .replace(/(\d)\s*k\b/g, "$1 thousand")
      .replace(/(\d)\s*M\b/g, "$1 million")
      .replace(/(\d)\s*B\b/g, "$1 billion")
      .replace(/\bmsg\b/g, "messages")
      .replace(/\breq\b/g, "requests")
      .replace(/\bops\b/g, "operations")
      // one of a unit is singular: "1 gigabyte a second", never "1 gigabytes"
      .replace(/(?<![\d.])1\s*(TB|GB|MB|KB|PB)\b/g, (_, u: string) => `1 ${BYTE_WORDS[u] ?? u}`)
      // a size set in powers of two keeps its binary unit: "64 mebibytes", never "67 megabytes"
      .replace(/(?<![\d.])1\s*(KiB|MiB|GiB|TiB)\b/g, (_, u: string) => `1 ${BINARY_WORDS[u] ?? u}`)
      .replace(/(\d)\s*(KiB|MiB|GiB|TiB)\b/g, (_, d: string, u: string) => `${d} ${BINARY_WORDS[u] ?? u}s`)
      .replace(/(\d)\s*PB\b/g, "$1 petabytes")
      .replace(/(\d)\s*TB\b/g, "$1 terabytes")
      .replace(/(\d)\s*GB\b/g, "$1 gigabytes")
      .replace(/(\d)\s*MB\b/g, "$1 megabytes")
      .replace(/(\d)\s*KB\b/g, "$1 kilobytes")
      .replace(/\/day\b/g, " a day"),
  );
}

/** A number as a speaker rounds it: 100000 -> "100 thousand". */
export function speakNumber(n: number): string {
  const abs = Math.abs(n);
  // nobody says "2777.8" or "231.5 thousand": past a hundred a figure is said whole, below it with one decimal
  const fmt = (x: number) =>
    Number.isInteger(x) ? String(x) : Math.abs(x) >= 100 ? String(Math.round(x)) : x.toFixed(1).replace(/\.0$/, "");
  // past a thousand trillion a number is said by its power of ten: "5 times ten to the 294", never "5e+294 trillion"
  if (abs >= SCIENTIFIC_FROM) {
    const [mantissa, exponent] = scientific(n, 2).split("e");
    return mantissa === "1" ? `ten to the ${exponent}` : `${mantissa} times ten to the ${exponent}`;
  }
  if (abs >= 1e3 && abs < 1e4 && !Number.isInteger(n)) return `${fmt(n / 1e3)} thousand`;
  if (abs >= 1e12) return `${fmt(n / 1e12)} trillion`;
  if (abs >= 1e9) return `${fmt(n / 1e9)} billion`;
  if (abs >= 1e6) return `${fmt(n / 1e6)} million`;
  if (abs >= 1e4) return `${fmt(n / 1e3)} thousand`;
  // A fraction keeps two significant digits: 0.01 stays "0.01", never rounds to "0".
  if (abs > 0 && abs < 1) return String(+n.toPrecision(2));
  return fmt(n);
}

/** A size in bytes as said aloud: 1000 -> "1 kilobyte", 64000000000 -> "64 gigabytes". */
export function speakBytes(n: number): string {
  // a size set in powers of two is said in its binary unit ("64 mebibytes", never "67 megabytes")
  const binary = binaryBytes(n);
  if (binary) return speakFigure(binary);
  // past ten a size is said whole
  const fmt = (x: number) =>
    Number.isInteger(x) ? String(x) : Math.abs(x) >= 10 ? String(Math.round(x)) : x.toFixed(1).replace(/\.0$/, "");
  const steps: [number, string][] = [
    [1e15, "petabyte"],
    [1e12, "terabyte"],
    [1e9, "gigabyte"],
    [1e6, "megabyte"],
    [1e3, "kilobyte"],
  ];
  for (const [size, word] of steps) if (Math.abs(n) >= size) return `${fmt(n / size)} ${word}${n === size ? "" : "s"}`;
  return `${fmt(n)} byte${n === 1 ? "" : "s"}`;
}

/** Rate units as words: "msg/s" -> "messages". */
const RATE_NOUNS: Record<string, string> = { msg: "messages", req: "requests", ops: "operations" };

/** A quantity's label as a short spoken noun phrase: asides dropped, "a or b" pairs said by their first word. */
function spokenLabel(label: string): string {
  return speakable(label)
    .replace(/\b(\w+) or \w+(?= \w)/g, "$1")
    .replace(/,(?!\d{3}\b).*$/, "")
    .trim();
}

/** A label with its indefinite article; one that opens on its own determiner ("an auction's closing window") keeps it. */
const an = (phrase: string) =>
  /^(?:a|an|the|one|each|every|its|their)\s/i.test(phrase)
    ? phrase
    : `${/^[aeiou]/i.test(phrase) ? "an" : "a"} ${phrase}`;

/**
 * A figure's input as said aloud, by its quantity's spoken label and unit, never its variable name:
 * leases 100000 -> "100 thousand active leases", lease_seconds 10 s -> "a lease duration of 10 seconds",
 * writes_per_sec 1000 writes/s -> "1000 writes a second", a share below one as a percentage.
 */
export function speakInput(value: number, name: string, unit?: string, label?: string): string {
  const words = label ? spokenLabel(label) : speakable(name);
  const u = unit ?? "";
  const n = speakNumber(value);
  const rate = /^(\w+)\/s$/.exec(u);
  // a label that is a question ("how long a failed call keeps being retried …") takes no article: the amount is said
  // first, then what it measures ("3 days for how long a failed call keeps being retried …")
  if (/^how (?:long|often|many|much|far|soon)\b/.test(words)) {
    const amount = speakInput(value, name, unit, "x")
      .replace(/^an? x of /, "")
      .replace(/ x$/, "");
    return `${amount} for ${words}`;
  }
  if (u === "fraction" || (value > 0 && value < 1 && /\b(share|ratio|fraction)\b/.test(words)))
    return `${an(words)} of ${+(value * 100).toPrecision(2)} percent`;
  // a whole number of days or hours is said in them: "86.4 thousand seconds" is a day
  if (u === "s" && value >= 3600 && value % 3600 === 0)
    return value % 86400 === 0
      ? `${an(words)} of ${speakNumber(value / 86400)} day${value === 86400 ? "" : "s"}`
      : `${an(words)} of ${speakNumber(value / 3600)} hour${value === 3600 ? "" : "s"}`;
  // a sub-second target is said in milliseconds: "a latency target of 50 milliseconds", never "0.05 seconds"
  if (u === "s" && value > 0 && value < 1 && value !== 0.5 && Number.isInteger(+(value * 1000).toPrecision(6)))
    return `${an(words)} of ${+(value * 1000).toPrecision(6)} milliseconds`;
  if (u === "s") return `${an(words)} of ${n} second${value === 1 ? "" : "s"}`;
  if (u === "days") return `${an(words)} of ${n} day${value === 1 ? "" : "s"}`;
  const per = /\bbytes per (.+)$/.exec(words);
  if (u === "B" && per?.[1]) return `${speakBytes(value)} per ${per[1]}`;
  if (u === "B") return `${an(words)} of ${speakBytes(value)}`;
  if (u === "B/s") return `${an(words)} of ${speakBytes(value)} a second`;
  // a daily amount of bytes is said in its size unit: "600 terabytes ingested a day", never "600 trillion bytes"
  if (u === "B/day") return `${speakBytes(value)} ${words.replace(/^bytes\s+/, "").replace(/\bper day\b/, "a day")}`;
  if (u === "x") return `${an(words)} of ${n}`;
  if (rate?.[1]) {
    const noun = RATE_NOUNS[rate[1]] ?? rate[1];
    // "1 operation a second", never "1 operations"
    return `${n} ${value === 1 ? noun.replace(/s$/, "") : noun} a second`;
  }
  if (/^[a-z]+s$/.test(u)) {
    const last = words.split(/\s+/).pop();
    // "series budgeted per ingester": a label that starts with its unit says what the count is of
    const leads = new RegExp(`^${u} [a-z]+ed\\b`).test(words) && countWords(words) <= 5;
    const said = (last === u && countWords(words) <= 4) || leads ? words : u;
    // "1 region", never "1 regions"
    return `${n} ${value === 1 ? said.replace(new RegExp(`\\b${u}\\b`), u.replace(/s$/, "")) : said}`;
  }
  return `${n} ${words}`;
}

/** An archetype title as words: "Claim / Lease / Exclusive Ownership" -> "claim, lease and exclusive ownership". */
export function titleWords(title: string): string {
  const parts = title
    .split(/\s+[/+]\s+/)
    .map((p) =>
      p
        .split(/\s+/)
        .map((w) => (/^[A-Z0-9]{2,}$/.test(w) ? w : w.toLowerCase()))
        .join(" "),
    )
    .filter(Boolean);
  return andList(parts);
}

/** Nouns said without an article: mass nouns and processes ("replication", "ordering", "expiry"). */
const MASS = /(tion|sion|ing|ency|ance|ence|expiry|retention|data|state|consensus)$/;
/** Nouns with a mass-like ending that are counted ("a transaction", never "with transaction"). */
const COUNTED = /^transactions?$/;

/**
 * A mechanism or component name with the article a speaker would use: "an idempotency key",
 * "a lease with expiry", but "quorum replication" and "tombstones" stay bare.
 */
export function withArticle(name: string): string {
  // the head noun ends before a relative clause too: "CRDTs that merge without a central order" is plural
  const head = (
    name.split(/\s+(?:via|with|for|of|from|into|on|in|at|by|per|across|that|which|whose)\s+|,\s*/)[0] ?? name
  ).trim();
  const last = head.split(/\s+/).pop() ?? "";
  if (
    /^(the|a|an)\s/i.test(name) ||
    (/s$/.test(last) && !/(ss|us)$/.test(last)) ||
    (MASS.test(last) && !COUNTED.test(last))
  )
    return name;
  // a name that opens with its own determiner or count ("one in-memory sorted set", "each key's own lock") takes none
  // ("per-subject operation sequencer" is an adjective before a counted agent noun, which takes one: "a per-subject …")
  if (
    /^(?:one|two|three|four|each|every|per|all|no|some|any|this|that|its|their|our|\d+)\b/i.test(name) &&
    !(/^per-/i.test(name) && /[a-z](?:er|or)$/.test(last))
  )
    return name;
  // a mechanism named by what it does is said as the doing, so it fits after "kept by" or "is": "publish content
  // before the pointer" -> "publishing content before the pointer"; one whose verb heads an "of" phrase is a noun
  // ("claim of a runnable unit" -> "the claim of a runnable unit")
  if (LEADING_VERBS.has(firstWord(name).toLowerCase()))
    return /^\S+ of\s/.test(name) ? `the ${name}` : (gerund(name) ?? name);
  // an acronym takes the article of its first letter's name: "a URL shortener", "an SQL store"
  const vowel = /^[A-Z]{2,}\b/.test(name) ? /^[AEFHILMNORSX]/.test(name) : /^[aeiou]/i.test(name);
  return `${vowel ? "an" : "a"} ${name}`;
}

/** Finite verbs the knowledge's short phrases use; a phrase with one is a clause, without one a noun phrase. */
const FINITE =
  /\b(is|are|was|were|can|cannot|must|may|might|will|would|should|has|have|does|do|needs|need|goes|gets|stays|survives|holds|sets|sends|grows|grow|lags|adds|add|reaches|touches|fans|fan|lives|live|drops|drop|pays|pay|sees|see|doubles|caps|moves|keeps|owns|fits|takes|runs|waits|wait|learn|learns|becomes|serializes|serialize|expire|expires|stampede|lose|loses|outlive|outlives|applies|apply|depends|carries|gives|lets|makes|allows|allow|accepts|accept|starts|syncs|decides|avoids|let|hits|stall|stalls|wins|fails|costs|reads|scales|tolerates|survive|carry|stay|hold|get|go|become|move|keep|exceed|exceeds|outgrow|outgrows|outrun|outruns|outpace|outpaces|surpass|surpasses|overtake|overtakes|came|went|took|gave|ran|fell|grew|wrote|became|saw|began|broke|chose|drew|knew|threw)\b/i;
/** Every finite verb of a phrase (global: `match` starts it from the beginning each time). */
const FINITE_ALL = new RegExp(FINITE.source, "gi");

/**
 * Whether a phrase is a clause ("a crashed holder's resource is free again") rather than a noun phrase
 * ("full resolution", "a central component whose store carries every step": a verb inside a relative
 * clause does not make the phrase a clause).
 */
export const isClause = rememberText((phrase: string): boolean => {
  // a hyphenated word ("fan-out", "write-through") is a noun, never the clause's verb; a verb inside a
  // subordinate clause ("…, sharded by member id when the load needs it") is not the phrase's own
  const head = (
    phrase.split(/\b(?:whose|which|that|who|whom|where|what|when|while|if|unless|until|because)\b|;/)[0] ?? phrase
  )
    .replace(/\b\w+(?:-\w+)+\b/g, "x")
    // a noun compound whose second word is also a verb ("commit wait", "read repair") names a thing
    .replace(/\b(?:commit|read|write|group|lock) (?:wait|repair|quorum|lease|hold)s?\b/gi, "x")
    // a word after a determiner or an adjective ("a hold", "temporary hold") is a noun, not a verb
    .replace(/\b(?:a|an|the|no|each|every|\w+(?:ary|ic|ive|ous|ful|less))\s+\w+/gi, "x");
  // a subject, its verb and the verb's object or clause ("one board outgrows one node's memory", "the prompt
  // stores whole objects", "equal scores share a rank", "session-bound keys vanish when …", "… turns every append")
  if (
    /^(?:(?:the|a|an|one|each|every)\s+)?[a-z-]+(?:\s+[a-z-]+)?\s+[a-z]{3,}(?<!ss|us|is)s\s+(?:the|a|an|one|its|their|whole|every|each|all|no)\b/i.test(
      phrase,
    ) ||
    /^(?:[a-z-]+\s+)?[a-z]{3,}s\s+(?!of\b|for\b|in\b|on\b|at\b|per\b|from\b|to\b|with\b|by\b|and\b|or\b|over\b)[a-z]{3,}\s+(?:the|a|an|one|its|their|every|each|when|if)\b/i.test(
      phrase,
    ) ||
    /\bturns (?:every|each|the|a|an)\b/.test(phrase) ||
    // a pronoun subject and its verb ("It computes and streams …", "It stores tickets")
    /^(?:it|they|we)\s+[a-z]{3,}s?\s/i.test(phrase)
  )
    return true;
  // "a buyer who starts paying is sure to get the item": a relative clause's verb, then the main one
  if (/\b(?:who|that|which)\b/.test(phrase) && (phrase.match(FINITE_ALL)?.length ?? 0) >= 2) return true;
  // "consumers pull batches" has a subject before the verb; "push for most authors" is an option named by it
  return (
    FINITE.test(head) ||
    head
      .split(/,\s*|\s+and\s+/)
      .some(
        (part) =>
          countWords(part) >= 3 &&
          /^\S+\s.*\b(pull|pulls|push|pushes|poll|tracks|scrape|scrapes|claim|consume)\b/.test(part),
      )
  );
});

/**
 * A subject and its finite verb at the start of a condition that `isClause` reads as a noun phrase: a question word
 * ("what people type changes slowly"), a subject, an adverb and its verb ("order barely matters"), a determined
 * singular subject and its verb ("no key comes near …", "one
 * organisation backs up …"), or a plural subject and its base verb ("readers scan key ranges", "two live processes
 * never share an id", "clients append to or rewrite files", "recommendations or queries walk several hops"); a
 * plural before "of", a participle or an adverb ("tens of thousands of …", "goods or services delivered at once") heads a noun phrase.
 */
const SUBJECT_VERB = [
  /^(?:what|who|how|whether)\s/i,
  // a determined subject and a verb of asking or reaching ("the prompt asks for …", "the hottest account's rate nears …")
  /^(?:the|a|an|one|each|every|no|this)\s+(?:[a-z'-]+\s+){0,3}(?:asks|needs|requires|states|says|wants|expects|demands|nears|exceeds|outgrows|reaches|approaches|passes)\b/i,
  // a subject, an adverb and its verb ("order barely matters", "the key rarely changes")
  /^(?:(?:no|one|each|every|the|a|an)\s+)?(?:[a-z-]+\s+){0,2}(?:[a-z]+ly|never|always|only|seldom|often)\s+[a-z]{3,}s\b/i,
  /^(?:no|one|each|every|the|a|an|this|that)\s+(?:[a-z'-]+\s+){0,2}?[a-z'-]+\s+[a-z]{3,}(?<!ss|us|is|ed|ly)s\s+(?:up\b|down\b|out\b|near\b|to\b|on\b|in\b|its\b|their\b|the\b|a\b|an\b|one\b|no\b|all\b|every\b|each\b|[a-z]+ly\b)/i,
  /^(?:[a-z'-]+\s+){0,2}[a-z-]{3,}(?<!ss|us|is)s(?:,\s+[a-z-]+)*(?:,?\s+(?:or|and)\s+[a-z-]{3,}s)?\s+(?:never\s+|always\s+|only\s+|also\s+)?(?!of\b|for\b|in\b|on\b|at\b|per\b|from\b|to\b|with\b|by\b|and\b|or\b|over\b|a\b|an\b|the\b|than\b|that\b|which\b|when\b|while\b|if\b|as\b|unless\b|until\b|where\b|after\b|before\b|because\b)[a-z]{3,}(?<!ed|ing|ly|s)\s+[a-z]/i,
];

/** Whether a condition is a finite clause, said after "if" ("readers scan key ranges"), not a noun phrase. */
export const isConditionClause = (when: string): boolean => isClause(when) || SUBJECT_VERB.some((re) => re.test(when));

/**
 * Whether a reason or a cost is a finite clause, said after "because" or "the cost is that": a subject and its verb
 * ("replicas converge in any delivery order"), or a clause with a verb `verbless` knows.
 */
export const isFiniteClause = (text: string): boolean =>
  SUBJECT_VERB.some((re) => re.test(text)) || (isClause(text) && !verbless(text));

/** Ambiguous words that are nouns after an adjective ("fast reads", "cheap writes") and verbs after a subject. */
const NOUN_VERBS = /\b(?:reads|writes|costs|runs|holds|drops|starts|wins|fails|lags)\b/;

/**
 * Whether a reason said after "because" is a clause a speaker could finish: it has a verb of its own, not only
 * a noun phrase ("because daily active users of a large social app", "because millisecond reads").
 */
export function verbless(reason: string): boolean {
  // the reason's own clause: a subordinate one after it ("… while a post costs one write") is not its verb
  const r = (reason.split(/\b(?:while|when|whose|which|so|if|unless|until|where)\b/)[0] ?? reason).trim();
  if (/^(?:of|it|we|they|you|I|he|she|there|this|that)\b/i.test(r)) return false;
  if (FINITE_WORDS.test(r)) return false;
  const words = r.split(/\s+/).map((w) => w.replace(/[,;:]$/, ""));
  return !words.some((w, i) => {
    const prior = words[i - 1]?.toLowerCase() ?? "";
    // a base or past form after its subject ("watchers learn", "the keyspace grew", "visits slowed")
    // (after a preposition a base form is a noun: "a recheck at sweep time", "checksums on write")
    if (
      i > 0 &&
      BASE_VERBS.test(w) &&
      !/^(?:the|a|an|to|each|every|no|its|their|of|for|at|in|on|by|from|with|per|after|before|into|over|under)$/.test(
        prior,
      )
    )
      return true;
    if (
      i > 0 &&
      /^[a-z]{3,}ed$/.test(w) &&
      !/^(?:the|a|an|each|every|no|its|their|of|for|and|or)$/.test(prior) &&
      !/^(?:by|from|in|on|at|to|with|for|per|as)$/.test(words[i + 1] ?? "")
    )
      return true;
    const before = words[i - 1]?.toLowerCase() ?? "";
    const after = words[i + 1]?.toLowerCase() ?? "";
    if (i === 0 || !/^[a-z]{3,}(?:s|es)$/.test(w) || /(?:ss|us|is|ics|ness)$/.test(w)) return false;
    // "users of …", "a hundred million records", "fast reads": a plural noun, not the clause's verb
    if (
      after === "of" ||
      after === "to" ||
      /^(?:\d[\d,.]*|thousand|million|billion|hundred|few|many|several)$/.test(before)
    )
      return false;
    if (/^(?:the|a|an|each|every|no|its|their|and|or|of|for|per|with|by|in|on|to)$/.test(before)) return false;
    // after an owner, before a conjunction or preposition ("an environment's flags and segments"), a plural noun;
    // "each key's writes land …" keeps its verb
    if (/'s$/.test(before) && /^(?:and|or|as|of|for|per|in|on|at|from|with|)$/.test(after)) return false;
    if (NOUN_VERBS.test(w) && (ADJECTIVE.test(before) || !after || /^(?:for|from|and|or|per)$/.test(after)))
      return false;
    return true;
  });
}

/** Words that make a reason a clause wherever they stand. */
const FINITE_WORDS =
  /\b(?:is|are|was|were|can|cannot|must|may|might|will|would|should|has|have|had|does|do|did|keep|stay|need|grow|fit)\b/i;
/** Base and past forms a reason's verb takes after a plural subject ("apps report", "the keyspace grew"). */
const BASE_VERBS =
  /^(?:run|learn|open|report|commit|hold|take|read|write|see|apply|arrive|change|share|send|get|go|come|use|lose|fail|drop|move|pay|grew|fell|rose|ran|took|left|became|came|went|gave|wrote|began|broke|chose|drew|knew|threw|outgrow|outgrows|stores|turns|vanish)$/;
/** Adjectives before "reads" or "writes" that make them nouns ("fast reads", "millisecond reads"). */
const ADJECTIVE =
  /^(?:fast|slow|cheap|simple|millisecond|linearizable|stale|local|strong|consistent|small|few|more|fewer|extra|blind|random|sequential|concurrent|single|cheaper|faster)$/i;

/** Verbs that, first in a phrase with no subject, make it an instruction ("fold the time into the sort key"). */
const INSTRUCTION_VERBS =
  "fold offer keep send store split give let use run write retry hold reserve drop reject assign claim precompute recompute compute merge replicate copy move broadcast serve poll scan sign encrypt compress charge refund check ask accept elect route pay get avoid make authorise authorize request rebuild publish collapse resize upload sort fail";
const INSTRUCTION = new RegExp(`^(?:${INSTRUCTION_VERBS.replace(/ /g, "|")}|fan out)\\b`, "i");

/** A phrase whose first word comes before an instruction joined by "and" ("index only labels and keep lines …"). */
const JOINED_INSTRUCTION = new RegExp(`^[a-z]+\\s[^,;:()]*?\\band (?:${INSTRUCTION_VERBS.replace(/ /g, "|")})\\s`, "i");

/** Whether a phrase opens with a verb in its base form and no subject ("pay only for what runs", "make the renditions …"). */
export const startsWithInstruction = (phrase: string): boolean => INSTRUCTION.test(phrase.trim());

/** Prepositions and adverbs that open an option named by how or where ("by document", "through a CDN"). */
const MODIFIER_HEAD = /^(?:by|through|via|from|straight|inside|within|at|on|in|all at once)\b(?!-)|^[a-z]+ly\b(?!-)/i;

/**
 * The grammatical form of a decision option's name, which decides how it is said: an instruction ("fold the
 * time into the sort key": "I'd fold …"), a clause with its own subject ("consumers pull batches": "a design
 * where …"), a modifier that names how or where ("by document", "synchronous to a majority", "leased from a
 * coordination store": "I'd go …"), or a noun phrase ("a token bucket": "I'd pick …").
 */
export function optionForm(name: string): "instruction" | "clause" | "modifier" | "noun" {
  const t = name.trim();
  // an instruction's verb is followed by its object or a preposition, never by "is" ("fold is …")
  if (INSTRUCTION.test(t) && !/^\S+\s+(?:is|are|was)\b/i.test(t) && /\s/.test(t)) return "instruction";
  // a first word joined by "and" to an instruction ("index only labels and keep lines …") is an instruction too,
  // unless it is a subject (a plural or a determiner: "agents scrape … and push …", "the broker … and keeps …")
  if (JOINED_INSTRUCTION.test(t) && !/^(?:[a-z]+s|the|a|an|each|every|one|no)\s/i.test(t)) return "instruction";
  if (isClause(t)) return "clause";
  // an adjective or participle straight before its preposition ("synchronous to", "leased from") names a how
  if (MODIFIER_HEAD.test(t) || /^[a-z-]+(?:ed|ous|al)\s+(?:to|from|by|in|on|at|into)\s/i.test(t)) return "modifier";
  return "noun";
}

/**
 * Whether a phrase is a headline, not a clause: a bare noun phrase whose first verb-like word is a past
 * participle with no finite verb after it ("deleted value resurrected by a replica …", "some nights
 * decremented, then a crash", "stale read from a lagging replica"). Such a phrase cannot follow "What if".
 */
export function isHeadline(phrase: string): boolean {
  const m =
    /^((?:[\w'/-]+\s+){0,3}?[\w'/-]+)\s+(\w+ed|read|handed out|run out)\b(?=\s+(?:by|under|after|from|twice|out|while|because)\b|,)/i.exec(
      phrase.trim(),
    );
  if (!m?.[1]) return false;
  // "a consumer stalled by a long pause keeps processing": a finite verb after the participle makes it a clause
  // (a subordinate clause right after the participle is that verb's own: "session expired while the client is alive")
  return !isClause(
    phrase
      .trim()
      .slice(m[0].length)
      .replace(/^\s*(?:while|because|when|if|until|unless)\b/, ""),
  );
}

export { actionVerb };

/** The text before the first white space: what `s.split(/\s+/)[0]` gives, without splitting the rest. */
export const firstWord = (s: string): string => /^\S*/.exec(s)?.[0] ?? "";

/** Whether an action phrase starts with its verb ("acquire the resource"), not a subject ("producer appends …"). */
export const startsWithVerb = (phrase: string): boolean => actionVerb(phrase) === firstWord(phrase.trim());

/** Whether a phrase is a predicate with no subject ("needs service discovery"): it starts with a finite verb. */
export function isPredicate(phrase: string): boolean {
  // "reads of the copy lag the source": a plural noun followed by "of" heads a noun phrase, not a verb
  if (
    /^(?:reads|writes|updates|changes|deletes|inserts|calls|requests|lookups|scans|retries|copies)\s+of\b/i.test(
      phrase.trim(),
    )
  )
    return false;
  const first = firstWord(phrase.trim());
  return (
    FINITE.test(first) &&
    !/^(do|does|have|has|need|add|drop|pay|see|apply|get|go|keep|hold|move|stay|become|carry|survive|grow|fan|live|wait|learn|lose|serialize|expire|stall|let)$/i.test(
      first,
    )
  );
}

/** Verbs an action phrase may start with or its subject may take ("decide ownership", "the holder checks …"), in base form. */
const VERBS = new Set([
  ...LEADING_VERBS,
  ...ACTION_VERBS,
  ..."check learn read see ask push get know find take send compare search watch rebuild deregister reassign decide hand park propose enqueue post deliver issue run write verify mark load serve route pick notify flush upload emit assign elect choose grant revoke bump poll scan ship validate shift report move split list receive stream look invalidate purge refill refresh revalidate evict consume produce distribute promote mint allocate reserve insert upsert rebuild restore dedupe".split(
    " ",
  ),
  // what a user or a product does first in an operation's name ("start playing a video", "invite people", "pay for the
  // reservation", "set room counts"): said as an action, never as a noun given "the"
  ..."start stop invite pay set undo recover dispatch sign join leave cancel buy submit download subscribe redeem withdraw".split(
    " ",
  ),
]);

/** Verbs that are nouns as often, known as verbs only in their third person before an object ("charges cards"). */
const THIRD_PERSON_VERBS = new Set(
  "charge index book place compute store count pool snapshot refund transfer deposit".split(" "),
);

/** Whether a word is a verb an action phrase may start with, in its base form ("start", "invite"). */
export const isActionVerb = (word: string): boolean => VERBS.has(word.toLowerCase());

/** Where the verb of a phrase with its subject first stands ("the consumer commits …" -> 1), or -1. */
export function subjectVerbAt(words: readonly string[]): number {
  for (let i = 1; i < words.length; i++) {
    const w = (words[i] ?? "").toLowerCase();
    const before = words[i - 1] ?? "";
    if (DETERMINERS.has(w)) break;
    // "the consumer commits": a singular subject's verb ends in -s; "in-sync followers fetch": a plural subject's does not
    if (/[^s]s$/.test(w) && VERBS.has(baseForm(w))) return i;
    if (VERBS.has(w) && /s$/.test(before) && !VERBS.has(baseForm(before.toLowerCase()))) return i;
    // "the consumer acks the message": a word in "-s" between its subject and its object's article is the verb
    if (/^[a-z]+[^s]s$/.test(w) && !/'/.test(before) && DETERMINERS.has((words[i + 1] ?? "").toLowerCase())) return i;
  }
  return -1;
}

/** The grammatical form of a spoken list item: a bare verb phrase, a clause with its own subject, or a noun phrase. */
export function phraseForm(item: string): "verb" | "clause" | "gerund" | "noun" {
  return formOf(item);
}
/** `phraseForm`, remembered: list items are the knowledge base's own phrases, said design after design. */
const formOf = rememberText((item: string): "verb" | "clause" | "gerund" | "noun" => {
  const words = item.trim().split(/\s+/);
  const first = (words[0] ?? "").toLowerCase();
  // "routing the request" is a gerund; "routing table" a noun phrase
  if (
    /^[a-z][a-z-]{2,}ing$/.test(first) &&
    (!/^(thing|string|ring|ceiling|pricing|billing|routing|timing)$/.test(first) ||
      DETERMINERS.has((words[1] ?? "").toLowerCase()))
  )
    return "gerund";
  // "set of replicas", "index of terms": a word before "of" heads a noun phrase whatever else it can be
  if (VERBS.has(first) && !DETERMINERS.has(first) && words[1] !== "of") return "verb";
  // the prompt's own "… that evaluates 1 million alert rules" with its subject left off: a third-person verb
  // before its counted or determined object is a verb phrase, never a noun ("the evaluates …")
  if (thirdPersonLead(words)) return "verb";
  // "admit a request", "complete or fail the run": a word straight before its object's article is a verb
  if (/^re-[a-z]+$/.test(first)) return "verb";
  const objectAt =
    words[1] === "or" || words[1] === "and" ? 3 : /^(up|out|off|down|back)$/.test(words[1] ?? "") ? 2 : 1;
  if (
    /^[a-z]{3,}$/.test(first) &&
    !/^(where|what|how|who|when|why|which)$/.test(first) &&
    !NP_STOP.has(first) &&
    DETERMINERS.has((words[objectAt] ?? "").toLowerCase()) &&
    (objectAt === 1 || /^[a-z]{3,}$/.test(words[2] ?? ""))
  )
    return "verb";
  const body = DETERMINERS.has(first) ? words.slice(1) : words;
  return subjectVerbAt(body) > 0 ? "clause" : "noun";
});

/** A verb phrase or clause as a gerund phrase: "delete or compact segments" -> "deleting or compacting segments". */
function asGerund(item: string, form: "verb" | "clause"): string {
  const words = item.trim().split(/\s+/);
  if (form === "clause") {
    const body = DETERMINERS.has((words[0] ?? "").toLowerCase()) ? words.slice(1) : words;
    const at = subjectVerbAt(body);
    const verb = (body[at] ?? "").toLowerCase();
    const ing = (v: string) => ingForm(/s$/.test(v) ? baseForm(v) : v);
    // "driver accepts or declines the offer" -> "accepting or declining the offer": both verbs take "-ing"
    const [join = "", next = ""] = body.slice(at + 1, at + 3);
    if (/^(or|and)$/.test(join) && /[^s]s$/.test(next) && /s$/.test(verb))
      return [ing(verb), join, ing(next.toLowerCase()), ...body.slice(at + 3)].join(" ");
    return [ing(verb), ...body.slice(at + 1)].join(" ");
  }
  const [first = "", or, second = "", ...rest] = words;
  if (
    (or === "or" || or === "and") &&
    (VERBS.has(second.toLowerCase()) || /^re-/.test(second) || DETERMINERS.has((rest[0] ?? "").toLowerCase()))
  )
    return [ingForm(first.toLowerCase()), or, ingForm(second.toLowerCase()), ...rest].join(" ");
  // "start playing a video": a verb that takes a gerund says it as "to" and the base form ("starting to play a video")
  const then = /^([a-z]{2,})ing$/.exec((or ?? "").toLowerCase())?.[1];
  if (then && CATENATIVE.test(first)) {
    const doubled = /([bdgmnprt])\1$/.test(then) ? then.slice(0, -1) : then;
    const base = VERBS.has(`${doubled}e`) ? `${doubled}e` : doubled;
    return [ingForm(first.toLowerCase()), "to", base, second, ...rest].filter(Boolean).join(" ");
  }
  // a verb phrase led by a third person ("evaluates 1 million rules", "processes the payment") takes its base form
  const lower = first.toLowerCase();
  const verb = /^[a-z][a-z-]{2,}(?<!ss|us|is)s$/.test(lower) ? baseForm(lower) : lower;
  // a second verb joined after the object takes the same form ("inviting people and recording their replies")
  return [ingForm(verb), ...words.slice(1)]
    .join(" ")
    .replace(SECOND_VERB, (m, v: string) => (VERBS.has(v) ? ` and ${ingForm(v)} ` : m));
}

/** A second verb joined by "and" before its own object ("… and record their replies"). */
const SECOND_VERB = / and ([a-z]{3,}) (?=(?:the|a|an|its|their|each|every)\b)/;

/** Verbs that take a gerund as their object ("start playing", "stop sending", "keep retrying"). */
const CATENATIVE = /^(?:start|stop|keep|begin|finish|resume)$/i;

/** Whether a phrase opens with a verb's third person before its object: a number or a determiner ("evaluates 1 million …"). */
function thirdPersonLead(words: readonly string[]): boolean {
  const first = (words[0] ?? "").toLowerCase();
  const next = (words[1] ?? "").toLowerCase();
  // "sends emails at …", "charges cards through …": a plural object straight after the verb counts as one too
  const object = /^\d/.test(next) || DETERMINERS.has(next) || /^[a-z]{3,}[^s']s$/.test(next);
  if (!/^[a-z]{3,}[^s']s$/.test(first) || !object) return false;
  const base = baseForm(first);
  return VERBS.has(base) || THIRD_PERSON_VERBS.has(base) || /(?:ate|ize|ise|ify)$/.test(base);
}

/**
 * The items of one spoken list in one grammatical form, so no listener hears "the consumer commits the
 * offset and delete segments": clauses that all carry their own subject stay clauses; otherwise every
 * action becomes a gerund phrase ("committing the offset", "deleting or compacting segments") and every
 * bare noun phrase takes "the". `clauses` says which form came out, for the sentence that frames it.
 */
export function oneForm(items: readonly string[]): { items: string[]; clauses: boolean } {
  const forms = items.map((x) => phraseForm(x));
  if (items.length > 0 && forms.every((f) => f === "clause")) return { items: [...items], clauses: true };
  // an operation named by its noun ("blind put", "serializable read") among actions is said as one: "issuing a blind put"
  const actions = forms.some((f, i) => f !== "noun" || passiveAsGerund(items[i] as string) !== undefined);
  const out = items.map((x) => {
    if (!actions || phraseForm(x) !== "noun" || !ACTION_NOUN.test(x)) return inListForm(x);
    const bare = x.replace(/^(?:the|a|an)\s+/i, "");
    return `issuing ${/^[aeiou]/i.test(bare) ? "an" : "a"} ${bare}`;
  });
  return { items: [...new Set(out)], clauses: false };
}

/** A noun phrase whose head is an operation ("conditional put naming the version", "linearizable read"). */
const ACTION_NOUN =
  /^(?:(?:the|a|an)\s+)?(?:[a-z0-9-]+\s+){0,5}(?:put|read|write|get|append|delete|scan|lookup|query|insert|upsert|purge|increment|decrement)(?:\s+(?:of|naming|with|on|from|to|by|at|under|for|that|which)\b.*)?$/i;

/** A participle's base form when it is a known verb: "rebuilt" -> "rebuild", "published" -> "publish", "stored" -> "store". */
function participleBase(word: string): string | undefined {
  const w = word.toLowerCase();
  const tries = /ilt$/.test(w)
    ? [`${w.slice(0, -1)}d`]
    : /ied$/.test(w)
      ? [`${w.slice(0, -3)}y`]
      : /ed$/.test(w)
        ? [w.slice(0, -2), w.slice(0, -1), w.slice(0, -3)]
        : [];
  return tries.find((t) => VERBS.has(t) || THIRD_PERSON_VERBS.has(t));
}

/**
 * A passive clause as the action it names: "the whole index can be rebuilt by replaying the log" -> "rebuilding the
 * whole index by replaying the log"; undefined when the item is no passive of a known verb.
 */
function passiveAsGerund(item: string): string | undefined {
  const m =
    /^(.+?)\s+(?:(?:can|must|should|may|will|could)\s+(?:always\s+|still\s+|also\s+)?be|is|are|gets?)\s+([a-z]+)\b(.*)$/i.exec(
      item.trim(),
    );
  if (!m) return undefined;
  const base = participleBase(m[2] as string);
  return base ? `${ingForm(base)} ${m[1]}${m[3]}` : undefined;
}

/** One item of a list not all clauses, in the list's form (remembered: the items recur design after design). */
const inListForm = rememberText((x: string): string => {
  const f = phraseForm(x);
  if (f === "verb" || f === "clause") return asGerund(x, f);
  const passive = f === "noun" ? passiveAsGerund(x) : undefined;
  if (passive) return passive;
  // a noun clause ("where the subject is") is said as it is
  const head = firstWord(x).toLowerCase();
  if (f === "noun" && !DETERMINERS.has(head) && !/^(where|what|how|who|when|why|which|whether)$/.test(head))
    return `the ${x}`;
  return x;
});

/**
 * Why a spoken list mixes grammatical forms, if it does: a bare command beside a clause or a noun phrase
 * ("the producer appends the record, create a topic"), or a clause beside anything else.
 */
export function mixedForms(items: readonly string[]): string | undefined {
  const forms = new Set(items.map(phraseForm));
  if (forms.size <= 1) return undefined;
  if (forms.has("verb") || forms.has("clause")) return `mixes ${[...forms].sort().join(" and ")}`;
  return undefined;
}

/** One action as a gerund phrase whatever its form: "a relay claims the due outbox entry" -> "claiming the due outbox entry". */
export function gerundOf(item: string): string {
  const f = phraseForm(item);
  return f === "verb" || f === "clause" ? asGerund(item, f) : item;
}

/** Whether a word is a known verb's third person ("computes", "stores", "snapshots"). */
function thirdPerson(word: string): boolean {
  const w = word.toLowerCase();
  if (!/^[a-z]{3,}[^s']s$/.test(w)) return false;
  const base = baseForm(w);
  return VERBS.has(base) || THIRD_PERSON_VERBS.has(base) || INSTRUCTION.test(base);
}

/**
 * Whether a description is a predicate with its subject left off ("Computes and streams route snapshots …",
 * "Stores tickets, pools them …", "Snapshots the tables, then …"): a third-person verb before its object, joined to
 * a second one, or followed later by another verb of the same form. Said as "It computes …", never "It gives computes …".
 */
export function subjectlessPredicate(phrase: string): boolean {
  const words = phrase.trim().split(/\s+/);
  const [first = "", second = "", third = ""] = words.map((w) => w.replace(/[,;:.]$/, ""));
  if (!thirdPerson(first)) return false;
  if (thirdPersonLead(words.map((w) => w.toLowerCase()))) return true;
  if ((second === "and" || second === "or") && thirdPerson(third)) return true;
  // "Counts normalized queries per day, decays older days …": a later verb of the same form after a comma or "and"
  for (const m of words.slice(1).join(" ").matchAll(LATER_VERB)) if (thirdPerson(m[1] ?? "")) return true;
  return false;
}

/** A second verb after a comma, "and" or "then", before its object ("…, pools them", "… and writes each build's …"). */
const LATER_VERB =
  /(?:,|\band\b|\bthen\b)\s+(?:and\s+|then\s+)?([a-z]{3,}s)\s+(?:the|a|an|its|their|them|it|each|every|older|newer|\d)/g;
