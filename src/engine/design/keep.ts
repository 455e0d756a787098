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

/** Each kept object's identity text ("#12"), made once when it is kept rather than at every key that holds it. */
const IDS = new WeakMap<object, string>();
let nextId = 0;

/** Marks a value as kept (it gets an identity) and freezes it through. */
export function keep<T>(value: T): T {
  if (typeof value === "object" && value !== null && !IDS.has(value)) IDS.set(value, `#${++nextId}`);
  return deepFreeze(value);
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
 * A value's identity as text: a kept object's number, a primitive's own value; undefined for an object that is
 * not kept (a key holding it could never be asked again).
 */
export function identity(value: unknown): string | undefined {
  if (typeof value === "object" && value !== null) return IDS.get(value);
  if (typeof value === "string") return JSON.stringify(value);
  return `${typeof value}:${Object.is(value, -0) ? "-0" : String(value)}`;
}

/**
 * The key of an answer: its facts' key followed by the identities of the field values it reads; undefined when
 * one of them is not kept (no later design could ask that key).
 */
export function answerKey(factsText: string, values: readonly unknown[]): string | undefined {
  let key = factsText;
  for (const v of values) {
    const id = identity(v);
    if (id === undefined) return undefined;
    key += `|${id}`;
  }
  return key;
}

/** Marks what JSON would drop or blur (undefined, NaN, ±Infinity, -0), so content keys tell them apart. */
const MARK = "\u0000\u0001";
function exact(_key: string, v: unknown): unknown {
  if (v === undefined) return `${MARK}undefined`;
  if (typeof v === "number" && (!Number.isFinite(v) || Object.is(v, -0)))
    return `${MARK}${Object.is(v, -0) ? "-0" : v}`;
  if (typeof v === "string" && v.startsWith(MARK)) return `${MARK}${v}`;
  return v;
}

/** The content of a plain data value as text: equal texts mean equal values, key order included. */
export function contentKey(value: unknown): string {
  return JSON.stringify(value, exact) ?? `${MARK}undefined`;
}

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
    if (this.table.size >= this.max) this.table.clear();
    this.table.set(key, value);
  }
}
