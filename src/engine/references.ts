import { ARCHETYPES } from "../knowledge/index.js";
import { LazyLiteralIndex } from "../knowledge/pattern-literals.js";
import { REFERENCE_FAMILIES, type ReferenceFamily } from "../knowledge/references.js";
import type { Archetype, ArchetypeId } from "../knowledge/schema.js";
import { mayMatch } from "./nfr-parse.js";
import { compiledSystemNames } from "./recognize/index.js";
import { subPartDrawn } from "./technology-parts.js";
import { compareText, escapeRe } from "./text.js";

const NAME_RE = new Map<string, RegExp>();

const NON_ASCII = /[\u0080-\uffff]/;
const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Whole-word, case-insensitive test of a name inside a text. ASCII text and name (nearly every call)
 * are compared lower-cased, position by position, which is what the pattern below matches for them,
 * without compiling hundreds of patterns the first time a design asks; other text uses the pattern.
 */
export function mentionsName(text: string, name: string): boolean {
  if (name.length > 0 && !NON_ASCII.test(name)) {
    const lowered = asciiLowered(text);
    if (lowered !== undefined) return mentionsLowered(lowered, name.toLowerCase());
  }
  return namePattern(name).test(text);
}

/**
 * The last text asked about, lower-cased when it is ASCII (else undefined): a design asks about one prompt for
 * hundreds of names, and a long prompt checked and lower-cased for each cost its length every time.
 */
let lastText: { text: string; lowered: string | undefined } | undefined;
function asciiLowered(text: string): string | undefined {
  if (lastText?.text !== text) lastText = { text, lowered: NON_ASCII.test(text) ? undefined : text.toLowerCase() };
  return lastText.lowered;
}

/** `mentionsName` for an ASCII text and a non-empty ASCII name, both already lower-cased. */
function mentionsLowered(t: string, n: string): boolean {
  for (let i = t.indexOf(n); i >= 0; i = t.indexOf(n, i + 1))
    if (
      (i === 0 || !isWordChar(t.charCodeAt(i - 1))) &&
      (i + n.length === t.length || !isWordChar(t.charCodeAt(i + n.length)))
    )
      return true;
  return false;
}

/** The whole-word, case-insensitive pattern for a name (each compiled once). */
export function namePattern(name: string): RegExp {
  let re = NAME_RE.get(name);
  if (!re) {
    re = new RegExp(`(^|[^A-Za-z0-9])${escapeRe(name)}([^A-Za-z0-9]|$)`, "i");
    // Names come from the knowledge base and from its product lists, so the map stays small.
    if (NAME_RE.size < 5000) NAME_RE.set(name, re);
  }
  return re;
}

/**
 * Every named system (and alias) of the archetypes, longest first so "Amazon S3" beats "S3". The build keeps
 * the knowledge base's with the recognition tables (engine/recognize/compile.ts): sorting them is a few
 * milliseconds of every CLI run otherwise.
 */
export function systemNamesOf(archetypes: readonly Archetype[]): string[] {
  return [...new Set(archetypes.flatMap((a) => a.signals.systems.flatMap((s) => [s.name, ...s.aliases])))]
    .filter((n) => n.length >= 2)
    .sort((a, b) => b.length - a.length || compareText(a, b));
}

interface SystemName {
  name: string;
  /**
   * Lower-cased with its first word (letters and digits up to the first other character), when it is
   * ASCII; the others go through their pattern. A whole-word mention starts with that first word as a
   * whole word of the text, so a name whose first word the text lacks is not looked for.
   */
  lowered: { name: string; first: string | undefined } | undefined;
}
interface KnownSystems {
  names: readonly SystemName[];
  /** Positions of the names with a first word, by that word: an ASCII prompt's words reach only these. */
  byFirst: ReadonlyMap<string, readonly number[]>;
  /** Positions of the names every prompt is tested against (no first word, or not ASCII). */
  always: readonly number[];
}
let systemNames: KnownSystems | undefined;
function knownSystems(): KnownSystems {
  if (!systemNames) {
    const names = (compiledSystemNames() ?? systemNamesOf(ARCHETYPES)).map((n): SystemName => {
      if (NON_ASCII.test(n)) return { name: n, lowered: undefined };
      const name = n.toLowerCase();
      return { name: n, lowered: { name, first: /^[a-z0-9]+/.exec(name)?.[0] } };
    });
    const byFirst = new Map<string, number[]>();
    const always: number[] = [];
    names.forEach((n, i) => {
      const first = n.lowered?.first;
      if (first === undefined) always.push(i);
      else byFirst.set(first, [...(byFirst.get(first) ?? []), i]);
    });
    systemNames = { names, byFirst, always };
  }
  return systemNames;
}

/** The whole words (runs of ASCII letters and digits) of a lower-cased text. */
function wordsOf(lowered: string): Set<string> {
  const words = new Set<string>();
  for (let i = 0; i < lowered.length; ) {
    if (!isWordChar(lowered.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < lowered.length && isWordChar(lowered.charCodeAt(j))) j++;
    words.add(lowered.slice(i, j));
    i = j;
  }
  return words;
}

/** A name's first word lower-cased (letters and digits up to its first other character), or undefined. */
const FIRST_WORD = new Map<string, string | undefined>();
function firstWordOf(name: string): string | undefined {
  if (!FIRST_WORD.has(name))
    FIRST_WORD.set(name, NON_ASCII.test(name) ? undefined : /^[a-z0-9]+/.exec(name.toLowerCase())?.[0]);
  return FIRST_WORD.get(name);
}

/** The last ASCII text's whole words, lower-cased (`namesMentioned`). */
let lastWords: { text: string; words: ReadonlySet<string> } | undefined;

/**
 * The names a text mentions (`mentionsName`), in the list's order. In an ASCII text a whole-word mention of a name
 * starts with the name's first word as a whole word of the text, so a name whose first word the text lacks is not
 * looked for (each other one would be sought through the whole text).
 */
export function namesMentioned(text: string, names: readonly string[]): string[] {
  const lowered = asciiLowered(text);
  if (lowered === undefined) return names.filter((n) => mentionsName(text, n));
  if (lastWords?.text !== text) lastWords = { text, words: wordsOf(lowered) };
  const words = lastWords.words;
  return names.filter((n) => {
    const first = firstWordOf(n);
    return (first === undefined || words.has(first)) && mentionsName(text, n);
  });
}

let lastNamed: { prompt: string; names: readonly string[] } | undefined;

/** The real systems a prompt names ("like Kafka", "Design an object store like S3"). */
export function namedSystems(prompt: string): readonly string[] {
  // Asked once per product while a design is derived: the answer for the last prompt is kept.
  if (lastNamed?.prompt !== prompt) {
    // The prompt is lower-cased once for all the names, not once per name.
    const known = knownSystems();
    const lowered = NON_ASCII.test(prompt) ? undefined : prompt.toLowerCase();
    let names: string[];
    if (lowered === undefined) names = known.names.filter((n) => mentionsName(prompt, n.name)).map((n) => n.name);
    else {
      // only names whose first word is a word of the prompt can be mentioned in it, in the table's order
      const reached = [...known.always];
      for (const w of wordsOf(lowered)) for (const i of known.byFirst.get(w) ?? []) reached.push(i);
      names = reached
        .sort((a, b) => a - b)
        .flatMap((i) => {
          const { name, lowered: low } = known.names[i] as SystemName;
          return (low ? mentionsLowered(lowered, low.name) : mentionsName(prompt, name)) ? [name] : [];
        });
    }
    lastNamed = { prompt, names };
  }
  return lastNamed.names;
}

export interface ReferenceVerdict {
  /** The name that made the product a reference. */
  name: string;
  why: string;
}

/**
 * All that reference verdicts read of a prompt: the systems it names, and, for each reference family in
 * order, the words that ask to build one (null when it does not ask).
 */
export interface ReferenceFacts {
  named: readonly string[];
  /** The named systems the prompt asks to build, itself or one like it (`likenessPattern`); the others are parts. */
  subjects: readonly string[];
  asked: readonly (string | null)[];
}

/**
 * The named systems a prompt asks to build: one it asks for by likeness ("like Temporal", "a Kafka-like log", "Design
 * Kafka"), and a name inside such a name ("Snowflake" of "like Twitter Snowflake").
 */
function subjectsOf(prompt: string, named: readonly string[]): string[] {
  // ("not the S3 API, the part underneath": a system whose interface the prompt sets aside is the one whose inside it
  // asks for, its subject, never a part it uses nor a product to offer as this design's runner-up)
  const inside = (n: string) =>
    new RegExp(
      String.raw`\bnot (?:the |its )?${escapeRe(n)}(?:'s)? (?:api|interface|front[- ]?end|protocol)\b`,
      "i",
    ).test(prompt);
  const asked = named.filter((n) => likenessPattern(n).test(prompt) || inside(n));
  return named.filter((n) => asked.some((m) => mentionsName(m, n)));
}

let lastFacts: { prompt: string; facts: ReferenceFacts } | undefined;

/** The reference facts of a prompt (the last prompt's are kept: several fields of one design ask). */
export function referenceFacts(prompt: string): ReferenceFacts {
  if (lastFacts?.prompt !== prompt) {
    const lowered = prompt.toLowerCase();
    const named = namedSystems(prompt);
    const subjects = subjectsOf(prompt, named);
    const held = implementationsHeld(lowered);
    const asked = REFERENCE_FAMILIES.map(
      (f, i) =>
        (mayMatch(f.asks, lowered) ? askedWords(prompt.match(f.asks)) : undefined) ??
        likenessAsked(prompt, lowered, f, held[i] as readonly boolean[]),
    );
    const facts = Object.freeze({
      named,
      subjects: Object.freeze(subjects),
      asked: Object.freeze(asked.map((a, i) => a ?? kindLikened(subjects, asked, i))),
    });
    lastFacts = { prompt, facts };
  }
  return lastFacts.facts;
}

/**
 * The archetype each named system is one of, by its lower-cased name and aliases: a system only one archetype's card
 * names as its own (weight at least 0.9); null where two cards name it. Built on the first prompt that likens the
 * design to a system.
 */
let SYSTEM_KIND: Map<string, ArchetypeId | null> | undefined;
function kindOfSystem(name: string): ArchetypeId | undefined {
  if (!SYSTEM_KIND) {
    const kinds = new Map<string, ArchetypeId | null>();
    for (const a of ARCHETYPES)
      for (const sys of a.signals.systems) {
        if (sys.weight < 0.9) continue;
        for (const n of [sys.name, ...sys.aliases]) {
          const key = n.toLowerCase();
          const was = kinds.get(key);
          kinds.set(key, was === undefined || was === a.id ? a.id : null);
        }
      }
    SYSTEM_KIND = kinds;
  }
  return SYSTEM_KIND.get(name.toLowerCase()) ?? undefined;
}

/**
 * The words that ask for a family because the prompt likens the design to a system of its archetype ("like Google's
 * Borg" asks for a cluster scheduler, so Kubernetes and Nomad are whole ones, not parts). Only where no family of that
 * archetype is asked already, and only the family the system is one of: the one whose implementations name it (an
 * S3-compatible store is an object store, not a file system), else the archetype's only family that is not asked for in
 * the head alone (a balancer's two families, a balancer's and a reverse proxy's, name neither Maglev nor Katran).
 */
function kindLikened(subjects: readonly string[], asked: readonly (string | null)[], at: number): string | null {
  const family = REFERENCE_FAMILIES[at];
  if (subjects.length === 0 || !family || family.headOnly) return null;
  const own = REFERENCE_FAMILIES.flatMap((f, i) => (f.archetype === family.archetype && !f.headOnly ? [i] : []));
  if (own.some((i) => asked[i] !== null)) return null;
  for (const system of subjects) {
    if (kindOfSystem(system) !== family.archetype) continue;
    const named = own.filter((i) => REFERENCE_FAMILIES[i]?.implementations.some((impl) => mentionsName(impl, system)));
    if (named.length > 0 ? named[0] === at : own.length === 1) return `${system}-like system`;
  }
  return null;
}

/** The words of a family's ask: its first group where the pattern marks the kind's noun, else the whole match. */
const askedWords = (m: RegExpMatchArray | null): string | null => (m === null ? null : (m[1] ?? m[0]));

/**
 * Where a prompt's head ends: the first clause word or punctuation after its opening words ("Design a secrets manager
 * like Vault | that serves …"), or its end.
 */
const HEAD_END = /[,;:.]|\b(?:that|which|where|who|whose|with|for|so|and|to|in|on|using|backed)\b/g;
function headEndOf(lowered: string): number {
  HEAD_END.lastIndex = Math.min(lowered.length, 8);
  return HEAD_END.exec(lowered)?.index ?? lowered.length;
}

/**
 * The words that ask for a family by likeness: the prompt asks for a system like one of its whole implementations
 * ("a Kafka-like log", "a store like DynamoDB", "Design Kafka"), so every product of the same silhouette (Pulsar
 * and Kinesis beside Kafka) is a reference too, not only the one named; a prompt that builds on one ("a feed
 * using Kafka") does not ask for it.
 */
function likenessAsked(
  prompt: string,
  lowered: string,
  family: ReferenceFamily,
  held: readonly boolean[],
): string | null {
  for (const [k, impl] of family.implementations.entries()) {
    // a prompt without the name cannot ask for the likeness: most are skipped before their pattern is compiled
    if (!held[k]) continue;
    const at = prompt.search(likenessPattern(impl));
    if (at >= 0 && (!family.headOnly || at < headEndOf(lowered))) return `${impl}-like system`;
  }
  return null;
}

/**
 * By family and by implementation, in the knowledge's order: whether the lowered prompt holds the implementation's
 * `likenessWord` (always true for one without). The families' ~200 names are looked for in one pass over the prompt
 * (`LazyLiteralIndex`), not one `includes` scan of the whole prompt each (a long prompt paid its length ~200 times).
 */
function implementationsHeld(lowered: string): readonly (readonly boolean[])[] {
  likenessIndex ??= new LazyLiteralIndex(
    REFERENCE_FAMILIES.flatMap((f) =>
      f.implementations.map((impl) => {
        const word = likenessWord(impl);
        return word === undefined ? [""] : [word];
      }),
    ),
  );
  const flat = likenessIndex.holds(lowered);
  let at = 0;
  return REFERENCE_FAMILIES.map((f) => {
    const own = flat.slice(at, at + f.implementations.length);
    at += f.implementations.length;
    return own;
  });
}
let likenessIndex: LazyLiteralIndex | undefined;

/**
 * An implementation's name lower-cased when it is printable ASCII, else undefined: its likeness pattern is
 * case-insensitive without the `u` flag, which matches ASCII letters only with ASCII letters, so the pattern
 * matches only text whose lower case holds this word. Worked out once per implementation (knowledge: bounded).
 */
const LIKENESS_WORD = new Map<string, string | undefined>();
function likenessWord(impl: string): string | undefined {
  if (!LIKENESS_WORD.has(impl)) LIKENESS_WORD.set(impl, /^[\x20-\x7e]+$/.test(impl) ? impl.toLowerCase() : undefined);
  return LIKENESS_WORD.get(impl);
}

/**
 * Nouns that, a word or two after a named system, say the thing designed is built on it, not it: "Design a Kafka
 * Streams app" asks for an application of the library, "Design a Slack bot" for a bot; "Design a Kafka cluster" still
 * asks for Kafka.
 */
const BUILT_ON = String.raw`(?:apps?|applications?|jobs?|pipelines?|topolog(?:y|ies)|connectors?|plugins?|integrations?|bots?|consumers?|producers?|clients?)\b`;

/** How a prompt asks for a system like one implementation, compiled once per implementation (knowledge: bounded). */
const LIKENESS = new Map<string, RegExp>();
export function likenessPattern(impl: string): RegExp {
  let re = LIKENESS.get(impl);
  if (re === undefined) {
    const name = escapeRe(impl);
    re = new RegExp(
      String.raw`\b${name}[- ](?:like|style|compatible)\b|\blike (?:an? )?(?:[\w.-]+'s )?${name}\b|^\s*design (?:an? )?${name}\b(?!(?:\s+[\w-]+)?\s+${BUILT_ON})|\b${name} clone\b`,
      "i",
    );
    LIKENESS.set(impl, re);
  }
  return re;
}

/**
 * Whether a product is the very thing the prompt asks to design: the prompt asks to build it or a system like it
 * ("like Temporal", "a Kafka-like log", "Design Kafka"), or the prompt asks to build one of the design's archetypes
 * ("Design a CDN") and the product is a whole implementation of it. A system the prompt only names as a part it
 * uses ("streams changes into Elasticsearch", "backed by Redis", "charges cards through Stripe") is a part: the
 * subject is the prompt's own head noun phrase.
 */
export function referenceVerdict(
  product: string,
  prompt: ReferenceFacts,
  archetypes: readonly ArchetypeId[],
  components: readonly { name: string }[] = [],
): ReferenceVerdict | undefined {
  // one part of a whole system the design draws ("Prometheus Alertmanager" for its alert manager) is that part, named
  // for it, not the whole system to learn from, even where the prompt asks for a system like the whole one
  const part = components.length > 0 && subPartDrawn(product, components) !== undefined;
  for (const name of prompt.subjects) {
    if (mentionsName(product, name) && !part)
      return {
        name,
        why: `the prompt names ${name}: it is the system being designed, so its design is the reference, not a part to buy`,
      };
  }
  for (const [i, family] of REFERENCE_FAMILIES.entries()) {
    if (!archetypes.includes(family.archetype)) continue;
    // a design the family's archetype leads builds one of its kind, where the family says so, whatever the words
    const asked = prompt.asked[i] ?? (archetypes[0] === family.archetype ? family.ledBuilds : undefined);
    const impl = family.implementations.find((n) => mentionsName(product, n));
    // one part of a whole implementation the design draws ("Prometheus Alertmanager" for its alert manager) is that
    // part, named for it, not the whole system to learn from
    if (asked && impl && !part)
      return {
        name: impl,
        why: `the prompt asks for a ${asked} and ${impl} is a whole one: it is the reference design to learn from, not a part to buy`,
      };
  }
  return undefined;
}

/**
 * Whether a product is a part for building an archetype that this prompt does not ask to build
 * (a segment-file layout is offered for "Design Kafka", not for "Design Twitter", which buys a log).
 */
export function unaskedBuildingBlock(product: string, prompt: ReferenceFacts): boolean {
  let owned = false;
  for (const [i, f] of REFERENCE_FAMILIES.entries()) {
    if (!f.buildingBlocks?.some((b) => product.startsWith(b))) continue;
    if (prompt.asked[i] !== null) return false;
    owned = true;
  }
  return owned;
}
