/**
 * What the field graph keeps between designs (see ARCHITECTURE.md, "What the engine keeps between designs").
 *
 * A field's value is a pure function of the values it reads, so a deriver that does not read the prompt is run
 * once per distinct tuple of input values and its answer reused. Two values are "the same input" when they are
 * the same object: a value a deriver answers from memory already is; a value derived afresh is first replaced by
 * the kept value with the same content (interned), so the fields below it can find their answers by identity.
 * Kept values are shared, so they are deeply frozen; each design is handed its own mutable copy (`ownCopy`).
 */

/** Freezes a value and everything it holds (a value frozen by its producer is taken as frozen through). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** A design's own copy of a kept value: every array and plain object new, strings and numbers shared. */
export function ownCopy<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    const n = value.length;
    const out = new Array(n);
    for (let i = 0; i < n; i++) out[i] = ownCopy(value[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  // field values are plain data (no inherited enumerable keys), so for-in is Object.keys, only faster
  for (const k in value) out[k] = ownCopy((value as Record<string, unknown>)[k]);
  return out as T;
}

const IDS = new WeakMap<object, number>();
let nextId = 0;

/** A value's identity as text: an object's number (given on first sight), a primitive's own value. */
export function identity(value: unknown): string {
  if (typeof value === "object" && value !== null) {
    let id = IDS.get(value);
    if (id === undefined) {
      id = ++nextId;
      IDS.set(value, id);
    }
    return `#${id}`;
  }
  if (typeof value === "string") return JSON.stringify(value);
  return `${typeof value}:${Object.is(value, -0) ? "-0" : String(value)}`;
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
  constructor(private readonly max: number) {}
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
