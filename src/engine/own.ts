/**
 * Reads a plain-object lookup table by a key that may come from user text. A bare `table[key]`
 * falls through to Object.prototype for keys such as "constructor" or "__proto__"; this never does.
 */
export function own<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
