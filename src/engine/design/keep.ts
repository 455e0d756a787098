/**
 * What the field graph keeps between designs (see ARCHITECTURE.md, "What the engine keeps between designs").
 *
 * A field's value is a pure function of the values it reads, so a deriver that does not read the prompt is run
 * once per distinct tuple of input values and its answer reused. Two values are "the same input" when they are
 * the same kept object: a value a deriver answers from memory already is; a value derived afresh from the prompt
 * is replaced by the kept value with the same content (interned), so the fields below it find their answers by
 * identity. Content is kept on its second sighting only: a prompt seen once (most of a batch) keeps nothing and
 * pays nothing for it, since an answer is kept only when all its inputs are kept values (a key holding a
 * value that is not kept can never be asked again).
 *
 * Kept values are shared, so they are frozen through when kept: a deriver that changed one of its inputs would
 * throw, and a design hands them out as they are (a Design is read-only, deeply frozen: design.ts), instead of
 * copying them for each design. Freezing happens once per kept value, not once per design that reads it.
 */

/**
 * Each kept object's identity as a key part ("|#12"), made once when it is kept rather than at every key that holds
 * it (with its separator, so a key grows by one concatenation per input).
 */
const IDS = new WeakMap<object, string>();
let nextId = 0;

/** Marks a value as kept (it gets an identity) and freezes it through. */
export function keep<T>(value: T): T {
  if (typeof value === "object" && value !== null && !IDS.has(value)) IDS.set(value, `|#${++nextId}`);
  return deepFreeze(value);
}

/**
 * The JSON text of frozen values, as `JSON.stringify` writes it: a frozen value's text is a function of the value alone.
 * The coherence rules make the JSON of a new design's fields before the design is frozen (engine/coherence.ts
 * `fieldJson`) and hand the texts on once it is (`keepJsonTexts`), so the design's JSON (render/design-json.ts) does
 * not serialise the same fields again. Kept beside the object (a WeakMap: it goes when the object goes).
 */
const JSON_TEXTS = new WeakMap<object, string>();

/** `JSON.stringify(value)`, kept beside the value when it is a frozen object. */
export function jsonText(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || !Object.isFrozen(value)) return JSON.stringify(value);
  let text = JSON_TEXTS.get(value);
  if (text === undefined) {
    text = JSON.stringify(value) as string | undefined;
    if (text !== undefined) JSON_TEXTS.set(value, text);
  }
  return text;
}

/** The kept JSON text of a frozen value, if one was made; nothing is made or kept. */
export const keptJsonText = (value: object): string | undefined => JSON_TEXTS.get(value);

/**
 * Keeps texts made of values before they were frozen: each only if its value is now frozen, and the caller vouches
 * that nothing changed the value between its text's making and its freezing.
 */
export function keepJsonTexts(texts: Iterable<readonly [object, string]>): void {
  for (const [value, text] of texts) if (Object.isFrozen(value) && !JSON_TEXTS.has(value)) JSON_TEXTS.set(value, text);
}

/** Freezes a value and everything it holds (a value frozen by its producer is taken as frozen through). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    // field values are plain data (no inherited enumerable keys), so for-in is Object.values, without the array
    for (const k in value) deepFreeze((value as Record<string, unknown>)[k]);
  }
  return value;
}

/**
 * A value's identity as a key part ("|" and text): a kept object's number, a primitive's own value; undefined for
 * an object that is not kept (a key holding it could never be asked again).
 */
export function identity(value: unknown): string | undefined {
  if (typeof value === "object" && value !== null) return IDS.get(value);
  if (typeof value === "string") return `|${JSON.stringify(value)}`;
  return `|${typeof value}:${Object.is(value, -0) ? "-0" : String(value)}`;
}

/** Whether a value can be part of a key: a primitive, or a kept object (what `identity` answers, without its text). */
export const hasIdentity = (value: unknown): boolean => typeof value !== "object" || value === null || IDS.has(value);

/**
 * The key of an answer: its facts' key followed by the identities of the field values it reads; undefined when
 * one of them is not kept (no later design could ask that key).
 */
export function answerKey(factsText: string, values: readonly unknown[]): string | undefined {
  let key = factsText;
  for (const v of values) {
    const id = identity(v);
    if (id === undefined) return undefined;
    key += id;
  }
  return key;
}

/**
 * A number standing for a plain data value's content: equal contents (as `sameContent` tells them) give equal
 * numbers; different contents may share one, so a table compares the values themselves behind it. A string counts
 * by its length and its first and last eight characters: cheap, and the comparison settles the rest.
 */
export function contentHash(value: unknown, seed = 0x811c9dc5): number {
  let h = seed;
  switch (typeof value) {
    case "string": {
      const n = value.length;
      h = Math.imul(h ^ n, 0x01000193);
      const head = n < 16 ? n : 8;
      for (let i = 0; i < head; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193);
      for (let i = n < 16 ? n : n - 8; i < n; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193);
      return h;
    }
    case "number":
      return Math.imul(h ^ (value | 0) ^ 0x5bd1e995, 0x01000193);
    case "boolean":
      return Math.imul(h ^ (value ? 3 : 5), 0x01000193);
    case "object": {
      if (value === null) return Math.imul(h ^ 7, 0x01000193);
      if (Array.isArray(value)) {
        h = Math.imul(h ^ value.length ^ 11, 0x01000193);
        for (let i = 0; i < value.length; i++) h = contentHash(value[i], h);
        return h;
      }
      for (const k in value) h = contentHash((value as Record<string, unknown>)[k], contentHash(k, h));
      return Math.imul(h ^ 13, 0x01000193);
    }
    default:
      return Math.imul(h ^ 17, 0x01000193);
  }
}

const plainObject = (v: object): boolean => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/**
 * Whether two plain data values have the same content, key order included: the same primitives (`Object.is`, so
 * -0 is not 0), arrays of the same contents, plain objects with the same own keys in the same order and the same
 * contents. Anything else (a Map, a class instance) is the same only as the same object.
 */
export function sameContent(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameContent(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || !plainObject(a) || !plainObject(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i] as string;
    if (k !== kb[i] || !sameContent((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

const MARK = "\u0000\u0001";

/**
 * The key of a deriver's prompt facts. Facts are JSON data by contract (strings, numbers, booleans, null, arrays
 * and plain objects; `undefined` only as the whole answer), so plain JSON tells them apart.
 */
export function factsKey(facts: unknown): string {
  return facts === undefined ? `${MARK}undefined` : JSON.stringify(facts);
}

/** A bounded table of kept values, emptied when full (a kept value is an optimisation, never a meaning). */
export class Kept<V> {
  private readonly table = new Map<string, V>();
  private readonly sighted = new Set<string>();
  /**
   * Counts the times the table was emptied. Between two emptyings a key's value never changes (it is set only
   * where it was missing), so a value read at one count is still the key's value while the count stands.
   */
  generation = 0;
  constructor(private readonly max: number) {}
  /** True on a key's second sighting (the first is only remembered): worth keeping what it names. */
  admit(key: string): boolean {
    if (this.sighted.delete(key)) return true;
    if (this.sighted.size >= this.max) this.sighted.clear();
    this.sighted.add(key);
    return false;
  }
  /** The kept value, or undefined (a kept value is never undefined). */
  get(key: string): V | undefined {
    return this.table.get(key);
  }
  set(key: string, value: V): void {
    if (value === undefined) return;
    if (this.table.size >= this.max) {
      this.table.clear();
      this.generation++;
    }
    this.table.set(key, value);
  }
}

/** Values by content: a bucket of values per content hash, counted, emptied when full. */
class ByContent {
  private readonly buckets = new Map<number, unknown[]>();
  size = 0;
  find(hash: number, value: unknown): unknown {
    const bucket = this.buckets.get(hash);
    if (bucket) for (const v of bucket) if (sameContent(v, value)) return v;
    return undefined;
  }
  add(hash: number, value: unknown): void {
    const bucket = this.buckets.get(hash);
    if (bucket) bucket.push(value);
    else this.buckets.set(hash, [value]);
    this.size++;
  }
  remove(hash: number, value: unknown): void {
    const bucket = this.buckets.get(hash) as unknown[];
    bucket.splice(bucket.indexOf(value), 1);
    if (bucket.length === 0) this.buckets.delete(hash);
    this.size--;
  }
  clear(): void {
    this.buckets.clear();
    this.size = 0;
  }
}

/**
 * A bounded table of kept values found by their content (`sameContent`) rather than by a key: a value derived
 * afresh finds the kept one with the same content. Content seen once is only remembered (the value itself, not
 * kept); on its second sighting the fresh value is kept, frozen through.
 */
export class KeptByContent {
  private readonly table = new ByContent();
  private readonly sighted = new ByContent();
  /** The content hash of the value `intern` was last given. */
  lastHash = 0;
  constructor(private readonly max: number) {}
  /** Whether a value is the kept one for its content (`hash`, its content hash): what `intern` of its content gives. */
  holds(hash: number, value: unknown): boolean {
    return this.table.find(hash, value) === value;
  }
  /** The kept value with the value's content, the value kept on its content's second sighting, or the value itself. */
  intern<T>(value: T): T {
    const hash = contentHash(value);
    this.lastHash = hash;
    const hit = this.table.find(hash, value);
    if (hit !== undefined) return hit as T;
    const seen = this.sighted.find(hash, value);
    if (seen === undefined) {
      if (this.sighted.size >= this.max) this.sighted.clear();
      this.sighted.add(hash, value);
      return value;
    }
    this.sighted.remove(hash, seen);
    if (this.table.size >= this.max) this.table.clear();
    this.table.add(hash, keep(value));
    return value;
  }
}
