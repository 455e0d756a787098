import { CHAT } from "../../knowledge/features/chat.js";
import { FEATURE_BY_ID, FEATURES, type FeatureEntry, PRODUCTS } from "../../knowledge/features/index.js";
import { coreFeatures, type NamedProduct } from "../../knowledge/features/products.js";
import { SYSTEM_KINDS } from "../../knowledge/signals/kinds.js";
import { PEOPLE_MESSAGING_WEIGHT, SYSTEM_MESSAGING_WHY } from "../../knowledge/signals/messaging.js";
import { classify, compiledSignals, recognitionKnowledge } from "../recognize/index.js";
import {
  buildIndex,
  compileSignal,
  findSignal,
  type Hit,
  isKnown,
  type Signal,
  type SignalIndex,
  shapeKey,
  typoMatch,
} from "../recognize/match.js";
import { type MessagingReading, messagingReadings, messagingTokens } from "../recognize/messaging.js";
import { asksLike, namesWholeSubject } from "../recognize/subject.js";
import { STEM_CACHE_MAX, stemWord, type Token, tokenize } from "../recognize/tokens.js";
import { escapeRe, pattern } from "../text.js";
import {
  FEATURE_EVIDENCE_KINDS,
  type FeatureEvidenceKind,
  featureHitKinds,
  featureStrayOnly,
} from "./feature-evidence.js";

/** How a scoped product's evidence ends: the features the prompt's own words leave out of the product. */
export const SCOPED = "are left out";
/** How a whole product's evidence ends: what it is also known for that the prompt neither names nor needs. */
export const DEFERRED = "deferred (out of scope)";

/** A product feature found in a prompt, with the words that named it. */
export interface RecognizedFeature {
  feature: FeatureEntry;
  evidence: string[];
  /** Terms read from the prompt's own words ("users pick seats" -> item: seat). */
  promptTerms: Record<string, string>;
  /** The kinds of evidence it was read from (`feature-evidence.ts`), strongest first. */
  kinds: FeatureEvidenceKind[];
  /** Whether one of the prompt's phrases for it stands in the prompt's head ("Design loyalty points that …"). */
  inHead?: boolean;
}

const DETERMINERS = "a|an|the|their|your|his|her|its|our|my|some|one|two|several|multiple|many|any";
/** Words between a determiner and the object that pick one of its kind ("book the same seat", "the last room"). */
const PICKING = "same|very|last|next|final";
const NOT_OBJECTS = new Set(
  "for at in on to with and or that which where who whose from by of while so when before after until per via into them it one this these those up system service app application platform site website engine tool flow process page api".split(
    " ",
  ),
);

/** "appointments" -> "appointment", "classes" -> "class", "parties" -> "party". */
export function singular(word: string): string {
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(?:ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (/[^s]s$/.test(word)) return word.slice(0, -1);
  return word;
}

/** The pattern for the object of the first of `verbs`. */
const objectPattern = (verbs: readonly string[]) =>
  pattern(
    `(?<![\\w-])(?:${verbs.join("|")})(?:s|es|ed|ing)?\\s+(?:(?:${DETERMINERS})\\s+)?(?:(?:${PICKING})\\s+)?(?:\\d[\\w-]*\\s+)?([a-z][a-z-]*)(?:\\s+([a-z][a-z-]*))?`,
    "gi",
  );

/** The object of the first of `verbs` in the prompt, at most two words ("book doctor appointments" -> "doctor appointment"). */
export function objectOf(prompt: string, verbs: readonly string[]): string | undefined {
  // the first use of a verb that has an object: "a seat booking system … where two customers can never book the same
  // seat" names it at the second
  for (const m of prompt.toLowerCase().matchAll(objectPattern(verbs))) {
    const noun = objectNoun(m[1], m[2]);
    if (noun) return noun;
  }
  return undefined;
}

/** Determiners: a word among them is never the object itself ("book a 20-minute slot" books a slot, not "a"). */
const DETERMINER_WORDS: ReadonlySet<string> = new Set(DETERMINERS.split("|"));

function objectNoun(first: string | undefined, second: string | undefined): string | undefined {
  if (!first || NOT_OBJECTS.has(first) || DETERMINER_WORDS.has(first)) return undefined;
  if (second && !NOT_OBJECTS.has(second) && !/(?:ed|ing|ly)$/.test(second)) {
    if (NOT_OBJECTS.has(singular(second))) return undefined;
    return `${first} ${singular(second)}`;
  }
  return singular(first);
}

export interface ProductRecognition {
  /** The named products, in the order they appear in the prompt. */
  products: NamedProduct[];
  /** True when the prompt's subject is a named product ("Design Dropbox", not "a cache like Amazon's"). */
  subjectIsProduct: boolean;
  features: RecognizedFeature[];
  /** The first named product's words for the features' terms (each feature falls back to its own). */
  terms: Record<string, string>;
  /** Features the prompt's words reach only through a stray word (`feature-evidence.ts`), set aside with why. */
  notDrawn: FeatureNotDrawn[];
}

/** A product feature recognition does not draw, with the rule that set it aside and its inputs (words, their kinds). */
export interface FeatureNotDrawn {
  id: string;
  name: string;
  /** `stray-feature`: read only from a stray word; `other-kind`: its words belong to another kind of thing here. */
  rule: "stray-feature" | "other-kind";
  words: string[];
  kinds: FeatureEvidenceKind[];
  because: string;
}

/**
 * A table's rows (named products, features) with their signals indexed by first word (match.ts `buildIndex`), so
 * a prompt costs in proportion to its words, not to its words times the phrases.
 */
interface Rows<T> {
  rows: readonly T[];
  /** Every row's signals in row order, then signal order; `rowOf` gives each one's row. */
  index: SignalIndex;
  rowOf: readonly number[];
  /** Written words already looked up as possible misspellings of names (see `misspelt`). */
  misspelt: Map<string, readonly number[]>;
}

function rowsOf<T>(rows: readonly T[], signals: readonly (readonly Signal[])[]): Rows<T> {
  const rowOf = rows.flatMap((_, r) => (signals[r] ?? []).map(() => r));
  return { rows, index: buildIndex(signals.flat()), rowOf, misspelt: new Map() };
}

/** How many written words the named products' misspelling lookups remember. */
export const misspeltCacheSize = (): number => compiled?.products.misspelt.size ?? 0;

const NONE: readonly number[] = [];
/**
 * The named systems a written word may be a misspelling of (positions), remembered by word: prompts repeat their
 * words. Bounded like the tokenizer's caches.
 */
function misspelt(raw: string, { index, misspelt: seen }: Rows<unknown>): readonly number[] {
  let found = seen.get(raw);
  if (found === undefined) {
    const list: number[] = [];
    for (let len = raw.length - 2; len <= raw.length + 2; len++)
      for (const i of index.byShape.get(shapeKey(raw, len)) ?? [])
        if (typoMatch(raw, index.at(i).raws[0] ?? "")) list.push(i);
    found = list.length > 0 ? list : NONE;
    if (seen.size >= STEM_CACHE_MAX) seen.delete(seen.keys().next().value as string);
    seen.set(raw, found);
  }
  return found;
}

/**
 * The rows the tokens may match, in row order, each with its signals that may match in their order: a phrase
 * only where all its stems are words of the prompt, a name only where its first word is (by stem, or through a
 * typo findSignal accepts). Every signal findSignal could find is among them, so the first hit is the same.
 */
function candidates<T>(tokens: readonly Token[], table: Rows<T>): { of: T; signals: Signal[] }[] {
  const { rows, index, rowOf } = table;
  const present = new Set<string>();
  for (const t of tokens) present.add(t.stem);
  const picked = new Set<number>();
  for (const stem of present)
    for (const i of index.byStem.get(stem) ?? []) {
      const s = index.at(i);
      if (s.kind !== "phrase" || s.stems.every((st) => present.has(st))) picked.add(i);
    }
  // only an unknown word can be a misspelt name, as for the archetypes' systems: "snapshot" is a word the knowledge
  // speaks, never Snapchat spelt wrong
  if (index.byShape.size > 0) {
    const known = recognitionKnowledge().index;
    for (const t of tokens) if (!isKnown(known, t.stem)) for (const i of misspelt(t.raw, table)) picked.add(i);
  }
  const out: { of: T; signals: Signal[] }[] = [];
  let lastRow = -1;
  for (const i of [...picked].sort((a, b) => a - b)) {
    const r = rowOf[i] as number;
    if (r === lastRow) out[out.length - 1]?.signals.push(index.at(i));
    else out.push({ of: rows[r] as T, signals: [index.at(i)] });
    lastRow = r;
  }
  return out;
}

/** The words of a feature's own phrases other than its place words ("order food" → order, food), stemmed, by feature. */
const ACT_STEMS = new Map<FeatureEntry, ReadonlySet<string>>();
function actStemsOf(feature: FeatureEntry): ReadonlySet<string> {
  let stems = ACT_STEMS.get(feature);
  if (!stems) {
    const place = new Set((feature.setting ?? []).flatMap((w) => tokenize(w).map((t) => t.stem)));
    stems = new Set(
      feature.signals
        .filter((w) => w.includes(" "))
        .flatMap((w) => tokenize(w).map((t) => t.stem))
        .filter((t) => !place.has(t)),
    );
    ACT_STEMS.set(feature, stems);
  }
  return stems;
}

interface Compiled {
  products: Rows<NamedProduct>;
  features: Rows<FeatureEntry>;
}

let compiled: Compiled | undefined;
/** The named products' names and aliases and the features' phrases, as compiled with the recognition tables. */
function knowledge(): Compiled {
  if (!compiled) {
    const products = compiledSignals("products", PRODUCTS.length);
    const features = compiledSignals("features", FEATURES.length);
    compiled = {
      products: rowsOf(PRODUCTS, products),
      features: rowsOf(FEATURES, features),
    };
  }
  return compiled;
}

/** The named products' or the features' signals a prompt's tokens may match, by row (the index's answer). */
export function signalsToTry(tokens: readonly Token[], table: "products" | "features"): readonly Signal[][] {
  return candidates<unknown>(tokens, knowledge()[table]).map((row) => row.signals);
}

/** How many words may stand between a place's noun and another feature's phrase it names the place of. */
const PLACE_REACH = 2;
/** Words that end a noun phrase: a place's noun before one of them names a thing of its own ("restaurants and ..."). */
const PHRASE_BREAK = /^(?:and|or|but|then|to|from|with|for|of|that|which|where|who|while|plus)$/;

/**
 * Whether `place` stands just before `phrase` in one noun phrase ("restaurant table reservation"): at most
 * PLACE_REACH words between them, none a connective, and no punctuation.
 */
/**
 * Whether a place phrase stands as where something happens: after a preposition, past at most an article and one
 * word ("for an online store", "on a large marketplace").
 */
function placeAfter(prompt: string, place: string): boolean {
  const text = prompt.toLowerCase();
  const at = text.indexOf(place.toLowerCase());
  return at > 0 && PLACE_PREPOSITION.test(text.slice(0, at));
}
const PLACE_PREPOSITION =
  /\b(?:for|in|at|on|of|across|within|inside)\s+(?:(?:an?|the|our|your|its|their|my|one|every|each)\s+)?(?:[a-z-]+\s+)?$/;

function modifies(prompt: string, place: string, phrase: string): boolean {
  const text = prompt.toLowerCase();
  const at = text.indexOf(place.toLowerCase());
  if (at < 0) return false;
  const after = text.slice(at + place.length);
  const end = after.indexOf(phrase.toLowerCase());
  if (end < 0) return false;
  const middle = after.slice(0, end);
  if (/[^\w\s'-]/.test(middle)) return false;
  const words = middle.split(/\s+/).filter((w) => w.length > 0);
  return words.length <= PLACE_REACH && !words.some((w) => PHRASE_BREAK.test(w));
}

const RECORD_STEMS = new WeakMap<FeatureEntry, ReadonlySet<string>>();
/** The stems of the nouns a feature keeps its records under ("{Driver}State" → driver, state; terms' nouns too). */
function recordStems(f: FeatureEntry): ReadonlySet<string> {
  let out = RECORD_STEMS.get(f);
  if (out === undefined) {
    const words = [
      ...f.entities.flatMap((e) =>
        e.name
          .replace(/[{}]/g, "")
          .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
          .split(" "),
      ),
      ...Object.values(f.terms ?? {}),
    ];
    out = new Set(words.map((w) => stemWord(w.toLowerCase())));
    RECORD_STEMS.set(f, out);
  }
  return out;
}

/** A word shaped like an adjective ("shared", "available", "double-booked"): it describes a noun, not names a kind. */
const DESCRIBING = /(?:ive|ed|al|able|ible|ous|ful|less)$/;
/** Adjectives without an adjective's ending ("nearby restaurants", "local shops"): they describe, never name a kind. */
const PLAIN_ADJECTIVES: ReadonlySet<string> = new Set([
  "nearby",
  "local",
  "online",
  "remote",
  "new",
  "old",
  "own",
  "other",
  "popular",
  "live",
  "busy",
  "big",
  "small",
  "main",
]);
const OWN_WORDS = new WeakMap<FeatureEntry, ReadonlySet<string>>();
/** The stems of a feature's own vocabulary: its records' nouns, its signals and its summary ("a guest", "a property"). */
function ownWords(f: FeatureEntry): ReadonlySet<string> {
  let out = OWN_WORDS.get(f);
  if (out === undefined) {
    const words =
      [...f.signals, f.summary, f.name]
        .join(" ")
        .toLowerCase()
        .match(/[a-z][a-z0-9]*/g) ?? [];
    out = new Set([...recordStems(f), ...words.map(stemWord)]);
    OWN_WORDS.set(f, out);
  }
  return out;
}

const NAME_STEMS = new WeakMap<FeatureEntry, ReadonlySet<string>>();
/** The stems of a feature's id ("booking"): a noun naming the feature's own act (its name may list its items). */
function featureNameStems(f: FeatureEntry): ReadonlySet<string> {
  let out = NAME_STEMS.get(f);
  if (out === undefined) {
    out = new Set(
      f.id
        .toLowerCase()
        .match(/[a-z][a-z0-9]*/g)
        ?.map(stemWord) ?? [],
    );
    NAME_STEMS.set(f, out);
  }
  return out;
}

let ALL_RECORD_STEMS: ReadonlySet<string> | undefined;
/**
 * Whether a word is the record noun of some feature: a modifier that is one says what the noun holds ("a photo feed" is
 * a feed of photos), not another kind's thing ("a meeting room").
 */
function anyRecordStem(stem: string): boolean {
  ALL_RECORD_STEMS ??= new Set(FEATURES.flatMap((f) => [...recordStems(f)]));
  return ALL_RECORD_STEMS.has(stem);
}

/**
 * Features of a product prompt: those a named product is known for (in the product's order),
 * then those the prompt's own words name ("users pick seats" -> booking), then the features
 * those depend on.
 */
export function recognizeProduct(prompt: string, opts: { namedOnly?: boolean } = {}): ProductRecognition {
  const namedOnly = opts.namedOnly === true;
  // the features field and the archetypes field (its not-drawn rows) both ask of the same prompt
  if (lastRecognition?.prompt === prompt && lastRecognition.namedOnly === namedOnly) return lastRecognition.result;
  const result = recognizeAfresh(prompt, opts);
  lastRecognition = { prompt, namedOnly, result };
  return result;
}

let lastRecognition: { prompt: string; namedOnly: boolean; result: ProductRecognition } | undefined;

function recognizeAfresh(prompt: string, opts: { namedOnly?: boolean }): ProductRecognition {
  const tokens = tokenize(prompt);
  const kb = knowledge();
  const named: { product: NamedProduct; at: number; quoted: string }[] = [];
  for (const { of: product, signals } of candidates(tokens, kb.products)) {
    const hits = signals.flatMap((s) => findSignal(tokens, s) ?? []);
    const first = hits.sort((a, b) => (a.covers[0] ?? 0) - (b.covers[0] ?? 0))[0];
    if (first) named.push({ product, at: first.covers[0] ?? 0, quoted: first.quoted });
  }
  // A longer name covering a shorter one ("facebook messenger" vs "messenger") wins.
  named.sort((a, b) => a.at - b.at || b.quoted.length - a.quoted.length);
  const products = named.filter((n, i) => !named.slice(0, i).some((m) => m.at === n.at)).map((n) => n.product);

  const found = new Map<string, string[]>();
  const kindsOf = new Map<string, Set<FeatureEvidenceKind>>();
  const headHit = new Set<string>();
  const addKinds = (id: string, kinds: readonly FeatureEvidenceKind[]) => {
    const set = kindsOf.get(id) ?? new Set<FeatureEvidenceKind>();
    for (const k of kinds) set.add(k);
    kindsOf.set(id, set);
  };
  const add = (id: string, why: string) => {
    const list = found.get(id);
    if (list) {
      if (!list.includes(why)) list.push(why);
    } else found.set(id, [why]);
  };
  // Features the prompt's own words name, in the order the prompt mentions them.
  // a feature drawn only where the prompt's words say its setting (`drawnWhere`: stock at named locations, nothing sold)
  const drawnHere = (f: FeatureEntry) =>
    f.drawnWhere === undefined ||
    (pattern(f.drawnWhere.words, "i").test(prompt) && !pattern(f.drawnWhere.unless, "i").test(prompt));
  // messaging said of programs ("a messaging system for microservices") is a broker's log, no feature's word; said of
  // people ("a group messaging service", "friends text each other") it is the chat feature's (recognize/messaging.ts)
  const messaging = messagingReadings(prompt);
  const systemsAt = messagingTokens(tokens, messaging, "systems");
  const people = peopleMessagingHit(tokens, messaging);
  const programs: FeatureNotDrawn[] = [];
  const worded = candidates(tokens, kb.features).flatMap(({ of: feature, signals }) => {
    if (!drawnHere(feature)) return [];
    const all = signals.flatMap((s) => findSignal(tokens, s) ?? []);
    const hits = all.filter((h) => !h.covers.some((i) => systemsAt.has(i)));
    if (hits.length === 0 && all.length > 0) programs.push(programsMessaging(feature, all, messaging));
    if (feature.id === CHAT.id && people !== undefined) hits.push(people);
    const first = hits.sort((a, b) => Math.min(...a.covers) - Math.min(...b.covers))[0];
    return first ? [{ feature, hit: first, at: Math.min(...first.covers), hits }] : [];
  });
  // people messaging in words no chat signal holds ("neighbours text each other")
  if (people !== undefined && !worded.some((x) => x.feature.id === CHAT.id) && drawnHere(CHAT))
    worded.push({ feature: CHAT, hit: people, at: Math.min(...people.covers), hits: [people] });
  // A word of a feature's phrase that another feature's longer phrase covers belongs to that phrase: "nearby search"
  // is proximity search, not a second search over user content.
  const said = worded.filter(
    (x) =>
      !worded.some(
        (y) =>
          y !== x &&
          y.hits.some((h) => h.covers.length > x.hit.covers.length && x.hit.covers.every((i) => h.covers.includes(i))),
      ),
  );
  // A feature named only by the place it happens in ("restaurant"), just before another feature's own phrase, is that
  // feature's place ("a restaurant table reservation app" books tables; it takes no food orders or couriers).
  // So is one named only by its place after a preposition, once another feature's own phrase has said what is built ("a
  // product reviews system for an online store" writes reviews; it takes no orders or payments).
  const placeOnly = (x: (typeof said)[number]) =>
    x.hits.every((h) => x.feature.setting?.includes(h.signal.text)) &&
    said.some(
      (y) =>
        y.feature !== x.feature &&
        y.hits.some(
          (h) =>
            !y.feature.setting?.includes(h.signal.text) &&
            (modifies(prompt, x.hit.quoted, h.quoted) ||
              x.hits.every((p) => Math.min(...h.covers) < Math.min(...p.covers) && placeAfter(prompt, p.quoted))),
        ),
    );
  // A feature named by one word whose subject, right before it, is another named feature's record ("a cart follows the
  // shopper across devices") is that record's verb in another sense, not the feature's own action (following a user)
  const recordOf = (x: (typeof said)[number], stem: string) =>
    said.some((y) => y.feature !== x.feature && recordStems(y.feature).has(stem));
  const otherSense = (x: (typeof said)[number]) =>
    x.hits.every((h) => {
      const at = h.covers[0] ?? 0;
      const word = tokens[at];
      const before = tokens[at - 1];
      // the verb right after its subject, as written ("a cart follows"): not "riders with nearby drivers"
      return (
        h.covers.length === 1 &&
        word !== undefined &&
        /[^s]s$/.test(word.raw) &&
        before !== undefined &&
        before.at === word.at - 1 &&
        recordOf(x, before.stem)
      );
    });
  // A feature's record noun written with a modifier of another kind before it ("a meeting room", "a conference-room
  // booking tool") names that kind's thing, not the feature's (a hotel's room-nights): a word just before the noun in
  // one noun phrase that is neither the feature's own word nor shaped like an adjective ("free", "shared")
  // (messaging said of people is no such noun: its sender word says whose it is, "customer support messaging")
  const foreignCompound = (x: (typeof said)[number]) =>
    x.hits.every(
      (h) =>
        h !== people &&
        h.covers.some((i) => {
          const noun = tokens[i];
          const mod = tokens[i - 1];
          return (
            noun !== undefined &&
            mod !== undefined &&
            !h.covers.includes(i - 1) &&
            mod.part === noun.part &&
            (mod.at === noun.at || mod.at === noun.at - 1) &&
            recordStems(x.feature).has(noun.stem) &&
            !ownWords(x.feature).has(mod.stem) &&
            !anyRecordStem(mod.stem) &&
            !DESCRIBING.test(mod.raw) &&
            !PLAIN_ADJECTIVES.has(mod.raw) &&
            // the feature's own act written with what it acts on ("an appointment booking service") is the feature
            !featureNameStems(x.feature).has(noun.stem) &&
            !/\d/.test(mod.raw)
          );
        }),
    );
  const placed = said.filter((x) => !placeOnly(x) && !otherSense(x) && !foreignCompound(x));
  // "Twitter's home timeline", "the Instagram news feed", "a view counter for YouTube videos" ask for one part of the
  // product, or name it only as the context: its own words scope the design to the features they name (and what
  // those need), not everything the product is known for. Only a product that is the whole subject ("Design
  // Instagram", "an app like Instagram", "Design Instagram with stories") brings its features.
  const shown = named.filter((x) => products.includes(x.product));
  // an infra prompt whose subject is a named product ("Design Dropbox ...") takes the product's features alone: of
  // the prompt's own words, only those naming what the product is also known for ("... with search over files")
  const extraOf = new Set(shown.flatMap((n) => n.product.features.slice(coreFeatures(n.product).length)));
  const spoken = opts.namedOnly ? placed.filter((x) => extraOf.has(x.feature.id)) : placed;
  const whole = (n: { at: number; quoted: string }) => namesWholeSubject(prompt, n.quoted, n.at === 0);
  const scope = !opts.namedOnly && spoken.length > 0 && shown.length > 0 && shown.every((n) => !whole(n));
  const leftOut: { product: string; ids: string[] }[] = [];
  const deferred: { product: string; ids: string[] }[] = [];
  for (const n of shown) {
    if (scope) {
      leftOut.push({ product: n.product.name, ids: [...n.product.features] });
      continue;
    }
    // the product's core comes with its name; what it is also known for (Dropbox's search, notifications) joins
    // only when the prompt's words name it or a kept feature needs it (below), else it is deferred in one line
    for (const id of coreFeatures(n.product)) {
      add(id, `'${n.quoted}' names ${n.product.name}, known for it`);
      addKinds(id, ["product"]);
    }
    const extras = n.product.features.slice(coreFeatures(n.product).length);
    if (extras.length > 0) deferred.push({ product: n.product.name, ids: extras });
  }
  // an infra ask whose head names a kind of system that is a catalogue feature over the lead's substrate ("Design a
  // file sync service"): the kind brings that feature as a named product would (`SystemKind.feature`)
  // (an infra ask), or whose need the prompt states in words where its head names no kind (any ask: "a system that
  // keeps people's documents synchronised across their laptop and phone" reads as a product's)
  const headKind = named.some((n) => products.includes(n.product)) ? undefined : headKindFeature(prompt);
  const kind = opts.namedOnly || headKind?.inHead === false ? headKind : undefined;
  if (kind) {
    add(
      kind.feature.id,
      kind.inHead === false
        ? `'${kind.quoted}' states the need of a ${kind.kind}, which is ${kind.feature.name}`
        : `'${kind.quoted}' in the head names a ${kind.kind}, which is ${kind.feature.name}`,
    );
    addKinds(kind.feature.id, ["head"]);
  }
  const notDrawn: FeatureNotDrawn[] = [...programs];
  for (const { feature, hit, hits } of spoken.sort((a, b) => a.at - b.at)) {
    const kinds = featureHitKinds(prompt, tokens, hits, feature.setting, actStemsOf(feature));
    // a feature read only from one word in another form than its own, once or as a noun ("their books" for booking),
    // and from no named product, is not drawn: that word alone does not make it a part of the product
    if (!found.has(feature.id) && featureStrayOnly(kinds)) {
      notDrawn.push(strayFeature(feature, hits));
      continue;
    }
    // its words used for another kind of thing ("every answer is ordered against the question timer" of a quiz): not
    // drawn unless a named product brought it or the head names it by its own word
    const other = feature.otherKind;
    const otherWord =
      other && !found.has(feature.id) && !kinds.includes("head") ? otherKindWord(prompt, other.words) : undefined;
    if (other && otherWord !== undefined) {
      const words = [...new Set(hits.map((h) => writtenSignal(prompt, h)))];
      notDrawn.push({
        id: feature.id,
        name: feature.name,
        rule: "other-kind",
        words,
        kinds,
        because: `the prompt says '${otherWord}', so ${words.map((w) => `'${w}'`).join(", ")} there ${other.because}`,
      });
      continue;
    }
    addKinds(feature.id, kinds);
    if (hits.some((h) => h.covers.some((k) => tokens[k]?.head === true))) headHit.add(feature.id);
    const said = writtenSignal(prompt, hit);
    add(
      feature.id,
      `the prompt says '${said}'${said.toLowerCase() === hit.signal.text ? "" : ` (as '${hit.signal.text}')`}`,
    );
  }
  // what a needed feature needs too (a delivery's dispatch needs the couriers' locations): a map's walk reaches
  // the entries added during it. Where the prompt's head (or a named product) names what is built, that is the
  // design's lead: a feature read only from the words around it ("stock reservation for a grocery delivery app", "the
  // checkout for a food delivery app") is the lead's setting, so what it needs and the prompt never names (a
  // delivery's couriers and their dispatch) is not drawn; it is said on that feature instead. With no feature in the
  // head ("Design a platform where customers order food …") every feature the words name may lead, as before.
  const headWords = (id: string) =>
    spoken.some((x) => x.feature.id === id && x.hits.some((h) => h.covers.some((k) => tokens[k]?.head === true)));
  const leads = new Set([...found.keys()].filter((id) => kindsOf.get(id)?.has("product") || headWords(id)));
  const skipped = new Map<string, string[]>();
  for (const id of found.keys()) {
    const needs = FEATURE_BY_ID.get(id)?.requires ?? [];
    const leading = leads.size === 0 || leads.has(id);
    for (const dep of needs) {
      if (!leading && !found.has(dep)) {
        skipped.set(id, [...(skipped.get(id) ?? []), dep]);
        continue;
      }
      add(dep, `${FEATURE_BY_ID.get(id)?.name} needs it`);
      addKinds(dep, ["required"]);
      // a feature a lead needs leads its own needs (fulfilment needs dispatch, dispatch the couriers' locations)
      if (leading) leads.add(dep);
    }
  }
  for (const [id, deps] of skipped) {
    const out = deps.filter((d) => !found.has(d)).map((d) => FEATURE_BY_ID.get(d)?.name ?? d);
    const lead = [...leads].map((l) => FEATURE_BY_ID.get(l)?.name ?? l);
    if (out.length > 0)
      found
        .get(id)
        ?.push(
          `the prompt's head asks for ${lead.join(", ")}, and names this feature only as its setting, so what this one needs beyond it (${out.join(", ")}) is not drawn`,
        );
  }
  // what a scoped prompt leaves out of the product, said on the first feature kept
  const first = [...found.values()][0];
  for (const { product, ids } of leftOut) {
    const out = ids.filter((id) => !found.has(id)).map((id) => FEATURE_BY_ID.get(id)?.name ?? id);
    if (first && out.length > 0)
      first.push(`the prompt asks for part of ${product}, so its ${out.join(", ")} ${SCOPED}`);
  }
  for (const { product, ids } of deferred) {
    const out = ids.filter((id) => !found.has(id)).map((id) => FEATURE_BY_ID.get(id)?.name ?? id);
    if (first && out.length > 0)
      first.push(
        `the prompt neither names nor needs ${product}'s ${out.join(", ")}, so ${out.length === 1 ? "it is" : "they are"} ${DEFERRED}`,
      );
  }
  // A more specific feature replaces the general one it supersedes (a hotel's room nights, not a seat hold).
  // A feature replaced here says nothing of what it would have replaced; the one kept says why of each. One the head
  // of the prompt names by its own word is what the prompt asks for ("an online store checkout that reserves
  // inventory"), so it stays; a head noun it is only read from ("a pet sitting marketplace") asks for no checkout.
  const inHead = (id: string) =>
    spoken.some(
      (x) =>
        x.feature.id === id &&
        x.hits.some((h) =>
          h.covers.some((k) => tokens[k]?.head === true && featureNameStems(x.feature).has(tokens[k]?.stem ?? "")),
        ),
    );
  // A replacement that holds only for some goods says which by the prompt's words (stock replaces a seat-style hold
  // where the goods are counted units, knowledge/goods.ts)
  const holds = (g: { when?: string; unless?: string }) =>
    (g.when === undefined || pattern(g.when, "i").test(prompt)) &&
    (g.unless === undefined || !pattern(g.unless, "i").test(prompt));
  const supersedesHere = (id: string) => (FEATURE_BY_ID.get(id)?.supersedes ?? []).filter(holds);
  const replaced = new Set(
    [...found.keys()].flatMap((id) =>
      supersedesHere(id)
        .filter((g) => g.inHead === true || !inHead(g.id))
        .map((g) => g.id),
    ),
  );
  for (const [id, evidence] of [...found.entries()].filter(([id]) => !replaced.has(id)))
    for (const gone of supersedesHere(id)) {
      const said = replaced.has(gone.id) ? found.get(gone.id) : undefined;
      if (said)
        evidence.push(`it replaces ${FEATURE_BY_ID.get(gone.id)?.name ?? gone.id} (${said[0]}): ${gone.because}`);
    }
  for (const id of replaced) found.delete(id);
  const lead = products.find((p) => named.some((n) => n.product === p));
  const features = [...found.entries()].flatMap(([id, evidence]): RecognizedFeature[] => {
    const feature = FEATURE_BY_ID.get(id);
    if (!feature) return [];
    const promptTerms: Record<string, string> = {};
    const o = feature.objectTerm;
    if (o && lead?.terms[o.term] === undefined) {
      const noun = objectOf(prompt, o.verbs);
      if (noun) {
        promptTerms[o.term] = noun;
        evidence.push(`the prompt's own noun '${noun}' names the ${o.term}`);
      }
    }
    for (const [term, nouns] of Object.entries(feature.promptNouns ?? {})) {
      if (promptTerms[term] !== undefined || lead?.terms[term] !== undefined) continue;
      // the noun as a word of its own, not the end of a compound ("a no-show fee" names no show)
      const noun = nouns.find((n) => pattern(`(?<![\\w-])${n}(?:s|es)?\\b`, "i").test(prompt));
      if (noun && noun !== feature.terms[term]) {
        promptTerms[term] = noun;
        evidence.push(`the prompt's own noun '${noun}' names the ${term}`);
      }
    }
    const kinds = FEATURE_EVIDENCE_KINDS.filter((k) => kindsOf.get(id)?.has(k));
    return [{ feature, evidence, promptTerms, kinds, ...(headHit.has(id) ? { inHead: true } : {}) }];
  });

  // the product is the subject when the prompt opens with it ("Design Dropbox") or asks for a system like it
  // ("a collaborative editor like Google Docs": what Google Docs does is what is built)
  // ("like Twitter Snowflake" names another system: a capitalised word after the name continues it)
  const subjectIsProduct =
    kind !== undefined || named.some((n) => products.includes(n.product) && (n.at === 0 || asksLike(prompt, n.quoted)));
  return { products, subjectIsProduct, features, terms: { ...(lead?.terms ?? {}) }, notDrawn };
}

/**
 * The catalogue feature the kind of system named in the prompt's head is (`SystemKind.feature`), with the kind and
 * the words naming it, or undefined: no kind in the head, or one the archetypes build whole.
 */
function headKindFeature(
  prompt: string,
): { feature: FeatureEntry; kind: string; quoted: string; inHead?: false } | undefined {
  const head = classify(prompt).headKind;
  const id = head === undefined ? undefined : SYSTEM_KINDS.find((k) => k.kind === head.kind)?.feature;
  const feature = id === undefined ? undefined : FEATURE_BY_ID.get(id);
  if (head && feature) return { feature, kind: head.kind, quoted: head.quoted };
  if (head) return undefined;
  // a head that names no kind ("a service that keeps a user's files in sync on all their devices"): the kind whose
  // need the prompt states in words, and no words of another kind of thing beside it
  for (const k of SYSTEM_KINDS) {
    if (k.need === undefined || k.feature === undefined) continue;
    const said = pattern(k.need.words, "i").exec(prompt)?.[0];
    const kept = FEATURE_BY_ID.get(k.feature);
    if (said && kept && !pattern(k.need.unless, "i").test(prompt))
      return { feature: kept, kind: k.kind, quoted: said, inHead: false };
  }
  return undefined;
}

/**
 * How the prompt writes a feature's hit: the signal's own text where the prompt writes it as is and the matched words
 * alone lose its marks or small words ("Q&A" read as "q", "vote on posts" as "vote posts"), else the matched words.
 */
function writtenSignal(prompt: string, hit: { quoted: string; signal: { text: string } }): string {
  const text = hit.signal.text.toLowerCase();
  if (hit.quoted.toLowerCase() === text) return hit.quoted;
  const words = escapeRe(text).replace(/ /g, "[\\s-]+");
  return pattern(`(?<![\\w&-])${words}(?![\\w&-])`, "i").exec(prompt)?.[0] ?? hit.quoted;
}

/**
 * The chat feature's evidence where messaging is said of people: the messaging words and their sender word read
 * together, a phrase (a bare "messaging" in the body would be one stray word), quoting both.
 */
function peopleMessagingHit(tokens: readonly Token[], readings: readonly MessagingReading[]): Hit | undefined {
  const reading = readings.find((r) => r.sense === "people");
  if (reading === undefined) return undefined;
  const signal = compileSignal(`${reading.sender} ${reading.words}`, PEOPLE_MESSAGING_WEIGHT, "phrase");
  // only the messaging words: the sender word stays free for the feature its own word names ("friends" of a graph)
  const at = new Set(reading.at);
  const covers = tokens.flatMap((t, i) => (at.has(t.at) ? [i] : []));
  if (signal === undefined || covers.length === 0) return undefined;
  return { signal, covers, quoted: signal.text, fuzzy: false, note: reading.why };
}

/** A feature read only from messaging words said of programs: not drawn, with the sender word that says so. */
function programsMessaging(
  feature: FeatureEntry,
  hits: readonly Hit[],
  readings: readonly MessagingReading[],
): FeatureNotDrawn {
  const words = [...new Set(hits.map((h) => h.quoted))];
  const reading = readings.find((r) => r.sense === "systems");
  return {
    id: feature.id,
    name: feature.name,
    rule: "other-kind",
    words,
    kinds: ["word"],
    because: reading?.why ?? SYSTEM_MESSAGING_WHY,
  };
}

/** The prompt's word that says a feature's words belong to another kind of thing (`FeatureEntry.otherKind`), if any. */
function otherKindWord(prompt: string, words: string): string | undefined {
  return pattern(words, "i").exec(prompt)?.[0];
}

/** The not-drawn record of a feature read only from stray words, with why (its words and their kind). */
function strayFeature(
  feature: FeatureEntry,
  hits: readonly { quoted: string; signal: { text: string } }[],
): FeatureNotDrawn {
  // one written word may match several of the feature's signals ("rates" as 'rating' and 'ratings'): said once
  const once = hits.filter((h, i) => hits.findIndex((x) => x.quoted === h.quoted) === i);
  const said = once.map((h) =>
    h.quoted.toLowerCase() === h.signal.text.toLowerCase() ? `'${h.quoted}'` : `'${h.quoted}' (as '${h.signal.text}')`,
  );
  return {
    id: feature.id,
    name: feature.name,
    rule: "stray-feature",
    words: once.map((h) => h.quoted),
    kinds: ["word"],
    because: `it is read only from ${said.join(", ")}, one word the prompt writes once or as a noun, neither in the head, nor a stated operation on a thing, nor in the feature's own form, which alone does not make it a part of the product`,
  };
}

/** A feature's terms: its own defaults, then the prompt's own nouns, then the named product's words. */
export function termsFor(r: RecognizedFeature, productTerms: Readonly<Record<string, string>>): Record<string, string> {
  return { ...r.feature.terms, ...r.promptTerms, ...productTerms };
}
