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
 * A pure text-to-text function that remembers its answers: the texts are mostly the knowledge base's own
 * (entity names, actions), so they recur design after design. Bounded; emptied when full.
 */
export function rememberText(fn: (text: string) => string, max = 4096): (text: string) => string {
  const seen = new Map<string, string>();
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
