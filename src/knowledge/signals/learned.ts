import type { ArchetypeId } from "../schema.js";

/**
 * Word weights learned from the labelled prompts (eval/tuned.jsonl) at build time: a multinomial logistic
 * (softmax) model over the archetypes, one weight per word stem and archetype plus a bias per archetype.
 *
 * A prompt's features are its distinct content stems (not numbers, not generic design words). Training
 * minimises the mean cross-entropy against each prompt's dominant labels (a prompt labelled with two
 * archetypes counts half for each) plus an L2 penalty `L2`, by `EPOCHS` full passes of Adagrad with rate
 * `RATE` from all-zero weights: no randomness, fixed order, so the same prompts give the same table. Unlike
 * counting how often a word comes with an archetype, the fitted weights share the evidence between words
 * that come together and go negative where a word speaks against an archetype ("scheduled" against a lock
 * when the prompt is about a timer). Weights below `MIN_WEIGHT` are dropped and the rest rounded to two
 * decimals, so the generated table (`scripts/build-learned.ts` → `generated/learned-words.ts`) is small and
 * byte-identical on every build.
 *
 * At recognition time the weights of a prompt's stems are summed per archetype with its bias, and the
 * softmax gives each archetype a probability; one whose probability is at least `MIN_SHARE` gets that
 * probability times `LEARNED_CAP` as one more noisy-OR piece of evidence, quoted with the words that
 * weighed most for it. Like the typical words it never counts as a stated requirement: it ranks and
 * breaks ties, but does not decide the branch.
 */
/** Chosen by 5-fold cross-validation on tuned.jsonl among 0.001, 0.0003, 0.0001, 0.00003 and 0.00001 (the smallest scored best). */
export const L2 = 0.00001;
export const EPOCHS = 300;
export const RATE = 0.5;
/** Smaller weights are dropped from the generated table (they hardly move a probability). */
export const MIN_WEIGHT = 0.1;
/**
 * The most one archetype can gain from learned words, at probability 1. 5-fold cross-validation on tuned.jsonl
 * scored 0.6–1.0 within two prompts of each other (0.4 lower); 0.9 was kept, the pooled held-out parts breaking
 * the tie, so a phrase of weight 0.9 or more is never outranked by learned words alone.
 */
export const LEARNED_CAP = 0.9;
/** A probability below this is too little evidence to speak for an archetype at all. */
export const MIN_SHARE = 0.1;
/** How many of the words that spoke evidence quotes. */
export const LEARNED_QUOTED = 3;

/** Words (as written; the generator stems them) every kind of design prompt uses: whatever their counts, they say nothing about the archetype. */
export const GENERIC_WORDS: ReadonlySet<string> = new Set([
  "design",
  "build",
  "system",
  "service",
  "platform",
  "need",
  "must",
  "should",
  "want",
  "make",
  "sure",
  "us",
  "our",
  "we",
  "like",
  "use",
  "support",
  "scale",
  "data",
  "user",
  "new",
  "one",
  "two",
  "each",
  "every",
  "all",
  "many",
  "way",
  "thing",
  "time",
  "get",
  "keep",
  "kept",
  "always",
  "never",
]);

/** A fitted softmax model over classes K: per class a bias, and per stem the classes it speaks for or against. */
export interface LearnedTable<K extends string> {
  readonly bias: Readonly<Partial<Record<K, number>>>;
  /** stem → class → weight; only weights of at least MIN_WEIGHT in size, rounded to two decimals. */
  readonly words: Readonly<Record<string, Readonly<Partial<Record<K, number>>>>>;
}

/** The learned model over the archetypes: per archetype a bias, and per stem the archetypes it speaks for or against. */
export type LearnedWords = LearnedTable<ArchetypeId>;

/** The three branches, in the order the learned branch model lists them. */
export const BRANCH_KINDS = ["infra", "product", "mixed"] as const;
export type LearnedBranch = (typeof BRANCH_KINDS)[number];

/** A fitted branch model: per branch a bias, and per stem or mark (engine/recognize/branch-learned.ts) the branches it speaks for or against. */
export type LearnedBranchTable = LearnedTable<LearnedBranch>;

/** The branch model's L2 penalty (its classes have far fewer product and mixed prompts than the archetypes have rows). */
export const BRANCH_L2 = 0.001;

/** No branch model: every branch equally likely, so it never speaks. */
export const NO_LEARNED_BRANCH: LearnedBranchTable = { bias: {}, words: {} };

/** No learned words: every archetype's probability is the same, below MIN_SHARE, so nothing is added. */
export const NO_LEARNED_WORDS: LearnedWords = { bias: {}, words: {} };

export interface LabelledStems<K extends string = ArchetypeId> {
  /** The prompt's stems. */
  stems: readonly string[];
  /** The classes the prompt is labelled with (for the archetype model, its dominant archetypes). */
  top: readonly K[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const isNumber = (s: string) => /^\d+$/.test(s);

/** The stems a prompt's learned evidence reads: distinct, in order of first use, without numbers and generic words. */
function featureStems(stems: readonly string[], generic: ReadonlySet<string>): string[] {
  return [...new Set(stems)].filter((s) => !generic.has(s) && !isNumber(s));
}

/** Softmax of logits in place; returns the array. */
function softmax(z: Float64Array): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let k = 0; k < z.length; k++) {
    const e = Math.exp((z[k] ?? 0) - max);
    z[k] = e;
    sum += e;
  }
  for (let k = 0; k < z.length; k++) z[k] = (z[k] ?? 0) / sum;
  return z;
}

/** Fits the model to labelled prompts. Deterministic: fixed order, zero start, no randomness, rounded weights. */
export function learnWords<K extends string>(
  rows: readonly LabelledStems<K>[],
  ids: readonly K[],
  genericStems: ReadonlySet<string>,
  l2: number = L2,
): LearnedTable<K> {
  const K = ids.length;
  const data = rows
    .filter((r) => r.top.length > 0)
    .map((r) => {
      const top = [...new Set(r.top)];
      const target = new Float64Array(K);
      for (const id of top) {
        const k = ids.indexOf(id);
        if (k >= 0) target[k] = 1 / top.length;
      }
      return { stems: featureStems(r.stems, genericStems), target };
    });
  const weights = new Map<string, Float64Array>();
  const squares = new Map<string, Float64Array>();
  for (const d of data)
    for (const s of d.stems)
      if (!weights.has(s)) {
        weights.set(s, new Float64Array(K));
        squares.set(s, new Float64Array(K));
      }
  const bias = new Float64Array(K);
  const biasSquares = new Float64Array(K);
  const n = data.length;
  const step = (w: Float64Array, acc: Float64Array, g: Float64Array | undefined, l2: number) => {
    for (let k = 0; k < K; k++) {
      const grad = (g?.[k] ?? 0) / n + l2 * (w[k] ?? 0);
      acc[k] = (acc[k] ?? 0) + grad * grad;
      w[k] = (w[k] ?? 0) - (RATE * grad) / (Math.sqrt(acc[k] ?? 0) + 1e-8);
    }
  };
  for (let epoch = 0; epoch < EPOCHS && n > 0; epoch++) {
    const grads = new Map<string, Float64Array>();
    const biasGrad = new Float64Array(K);
    for (const d of data) {
      const z = Float64Array.from(bias);
      for (const s of d.stems) {
        const w = weights.get(s);
        if (w) for (let k = 0; k < K; k++) z[k] = (z[k] ?? 0) + (w[k] ?? 0);
      }
      softmax(z);
      for (let k = 0; k < K; k++) {
        z[k] = (z[k] ?? 0) - (d.target[k] ?? 0);
        biasGrad[k] = (biasGrad[k] ?? 0) + (z[k] ?? 0);
      }
      for (const s of d.stems) {
        let g = grads.get(s);
        if (!g) {
          g = new Float64Array(K);
          grads.set(s, g);
        }
        for (let k = 0; k < K; k++) g[k] = (g[k] ?? 0) + (z[k] ?? 0);
      }
    }
    for (const [s, w] of weights) step(w, squares.get(s) as Float64Array, grads.get(s), l2);
    step(bias, biasSquares, biasGrad, 0);
  }
  const outBias: Partial<Record<K, number>> = {};
  ids.forEach((id, k) => {
    outBias[id] = round2(bias[k] ?? 0);
  });
  const outWords: Record<string, Partial<Record<K, number>>> = {};
  for (const s of [...weights.keys()].sort()) {
    const w = weights.get(s) as Float64Array;
    const kept: Partial<Record<K, number>> = {};
    let any = false;
    ids.forEach((id, k) => {
      const v = round2(w[k] ?? 0);
      if (Math.abs(v) >= MIN_WEIGHT) {
        kept[id] = v;
        any = true;
      }
    });
    if (any) outWords[s] = kept;
  }
  return { bias: outBias, words: outWords };
}

export interface LearnedShare<K extends string> {
  id: K;
  /** The model's probability for this class (rounded to two decimals in learnedEvidence). */
  share: number;
  /** The prompt's words that weighed most for it, strongest first, as written. */
  words: string[];
}

/** A prompt's distinct stems (each with the word it was first written as), and the table's weights of each. */
interface Reading {
  firsts: readonly { stem: string; raw: string }[];
  words: Indexed["words"];
}

/** The softmax of a prompt's logits per class, and what the words that weighed for a class are read from (`quoted`). */
function probabilities<K extends string>(
  table: LearnedTable<K>,
  tokens: readonly { stem: string; raw: string }[],
  ids: readonly K[],
  extra: readonly string[],
): { p: Float64Array; reading: Reading } {
  const { bias, words, logits: z } = indexed(table, ids);
  // each distinct stem once, with the word it was first written as
  const seen = new Set<string>();
  const firsts: { stem: string; raw: string }[] = [];
  for (const t of tokens)
    if (!seen.has(t.stem)) {
      seen.add(t.stem);
      firsts.push(t);
    }
  z.set(bias);
  for (const { stem } of firsts) {
    const w = words.get(stem);
    if (!w) continue;
    for (let j = 0; j < w.length; j++) {
      const pair = w[j] as [number, number];
      z[pair[0]] = (z[pair[0]] ?? 0) + pair[1];
    }
  }
  for (const f of extra) {
    const w = seen.has(f) ? undefined : words.get(f);
    if (w) for (const [k, v] of w) z[k] = (z[k] ?? 0) + v;
  }
  return { p: softmax(z), reading: { firsts, words } };
}

/**
 * The words that weighed most for class `k` (a positive weight), strongest first, as written: read again from the
 * prompt's stems only for the classes quoted (most classes are not), in the order the stems come.
 */
function quoted(reading: Reading, k: number): string[] {
  // the strongest few kept in order as they come (a stable sort's first few), not every word sorted: a word goes
  // after every kept one at least as strong (ties by the word as written, then the earlier first)
  const words: string[] = [];
  const weights: number[] = [];
  for (const { stem, raw } of reading.firsts) {
    const w = reading.words.get(stem);
    if (!w) continue;
    for (let j = 0; j < w.length; j++) {
      // by index, not destructured: a destructuring reads the pair through an iterator
      const pair = w[j] as [number, number];
      const c = pair[0];
      const v = pair[1];
      if (c !== k || v <= 0) continue;
      let i = words.length;
      while (i > 0 && stronger(words[i - 1] as string, weights[i - 1] as number, raw, v) > 0) i--;
      if (i >= LEARNED_QUOTED) continue;
      words.splice(i, 0, raw);
      weights.splice(i, 0, v);
      if (words.length > LEARNED_QUOTED) {
        words.pop();
        weights.pop();
      }
    }
  }
  return words;
}

/** Which of two quoted words weighed more for a class: the stronger first, ties by the word as written. */
const stronger = (a: string, av: number, b: string, bv: number): number => bv - av || (a < b ? -1 : a > b ? 1 : 0);

/**
 * What a fitted table says about a prompt: per class, the softmax of its bias plus the weights of the
 * prompt's stems (each distinct stem once), with the words that weighed most for it. `extra` are features
 * that are not words of the prompt (the branch model's marks, each given once), read like stems but never quoted.
 */
export function learnedShares<K extends string>(
  table: LearnedTable<K>,
  tokens: readonly { stem: string; raw: string }[],
  ids: readonly K[],
  extra: readonly string[] = [],
): LearnedShare<K>[] {
  const { p, reading } = probabilities(table, tokens, ids, extra);
  return ids.map((id, k) => ({ id, share: p[k] ?? 0, words: quoted(reading, k) }));
}

export interface LearnedEvidence extends LearnedShare<ArchetypeId> {
  /** The weight this adds as one noisy-OR piece of evidence (at most LEARNED_CAP), rounded to two decimals. */
  weight: number;
}

/**
 * What the learned words say about a prompt: per archetype whose probability (softmax of bias plus the
 * prompt's stem weights) is at least MIN_SHARE, that probability times LEARNED_CAP.
 */
export function learnedEvidence(
  table: LearnedWords,
  tokens: readonly { stem: string; raw: string }[],
  ids: readonly ArchetypeId[],
): LearnedEvidence[] {
  const { p, reading } = probabilities(table, tokens, ids, []);
  const out: LearnedEvidence[] = [];
  ids.forEach((id, k) => {
    const share = p[k] ?? 0;
    if (share < MIN_SHARE) return;
    const weight = round2(LEARNED_CAP * share);
    if (weight > 0) out.push({ id, weight, share: round2(share), words: quoted(reading, k) });
  });
  return out;
}

interface Indexed {
  ids: readonly string[];
  /** The id list it was built for, as given: the same list again needs no comparison. */
  given: readonly string[];
  bias: Float64Array;
  /**
   * The logits of the prompt being read, then its probabilities: one array reused by every reading of the table, as
   * each reading's caller is done with them before the next one starts.
   */
  logits: Float64Array;
  /** stem → (class position, weight) pairs, so a prompt's stem costs one lookup. */
  words: { get(stem: string): [number, number][] | undefined };
}
const indexes = new WeakMap<object, Indexed>();

/** The table arranged for lookup by stem, built once per table and id list. */
function indexed<K extends string>(table: LearnedTable<K>, ids: readonly K[]): Indexed {
  const known = indexes.get(table);
  if (known && (known.given === ids || (known.ids.length === ids.length && known.ids.every((id, k) => ids[k] === id))))
    return known;
  const pairsOf = (ws: Readonly<Partial<Record<K, number>>>): [number, number][] => {
    const pairs: [number, number][] = [];
    ids.forEach((id, k) => {
      const v = ws[id];
      if (v !== undefined) pairs.push([k, v]);
    });
    return pairs;
  };
  const text = packedText.get(table);
  let words: Indexed["words"];
  if (text !== undefined) words = packedLookup(text, pairsOf);
  else {
    const map = new Map<string, [number, number][]>();
    for (const [stem, ws] of Object.entries(table.words) as [string, Readonly<Partial<Record<K, number>>>][]) {
      const pairs = pairsOf(ws);
      if (pairs.length > 0) map.set(stem, pairs);
    }
    words = map;
  }
  const built = {
    ids: [...ids],
    given: ids,
    bias: Float64Array.from(ids, (id) => table.bias[id] ?? 0),
    logits: new Float64Array(ids.length),
    words,
  };
  indexes.set(table, built);
  return built;
}

/**
 * The generated tables' words as packed text (packLearnedWords): `{"stem":{"I02":0.4,…},…}`, one entry per stem
 * in ascending order. A prompt reads a few dozen of its thousands of stems, so a command that recognises one
 * prompt finds each by bisection in the text instead of parsing the whole table (which took a short-lived
 * CLI run's largest single piece of start-up).
 */
const packedText = new WeakMap<object, string>();

/** Stems looked up in a packed table are remembered, up to this many misses (then forgotten at once). */
const MAX_REMEMBERED_MISSES = 4096;

/** A stem packed text cannot hold: its braces, quotes or backslashes would be taken for the text's own, and JSON forbids control characters. */
const unpackable = (stem: string): boolean => /[{}"\\]/.test(stem) || [...stem].some((c) => c < " ");

/** Packs a table's words as text bisected by stem (the generator's side of packedLearnedTable). */
export function packLearnedWords<K extends string>(words: LearnedTable<K>["words"]): string {
  const stems = Object.keys(words).sort();
  for (const s of stems) if (unpackable(s)) throw new Error(`the learned stem ${JSON.stringify(s)} cannot be packed`);
  return `{${stems.map((s) => `"${s}":${JSON.stringify(words[s])}`).join(",")}}`;
}

/**
 * A learned table whose words stay packed text until a tool reads `words` whole (then parsed once); recognition
 * looks a stem up in the text without parsing the rest.
 */
export function packedLearnedTable<K extends string>(bias: LearnedTable<K>["bias"], text: string): LearnedTable<K> {
  let words: LearnedTable<K>["words"] | undefined;
  const table: LearnedTable<K> = {
    bias,
    get words() {
      words ??= JSON.parse(text) as LearnedTable<K>["words"];
      return words;
    },
  };
  packedText.set(table, text);
  return table;
}

/** A stem's entry in packed text, by bisection over its ascending entries (each `"stem":{…}`, joined by commas). */
function findPacked(text: string, stem: string): string | undefined {
  let lo = 1;
  let hi = text.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const before = text.lastIndexOf("},", mid - 1);
    const start = before < lo ? lo : before + 2;
    const keyEnd = text.indexOf('":', start);
    const end = text.indexOf("}", keyEnd) + 1;
    const key = text.slice(start + 1, keyEnd);
    if (key === stem) return text.slice(keyEnd + 2, end);
    if (stem < key) hi = start - 1;
    else lo = end + 1;
  }
  return undefined;
}

function packedLookup<K extends string>(
  text: string,
  pairsOf: (ws: Readonly<Partial<Record<K, number>>>) => [number, number][],
): Indexed["words"] {
  const found = new Map<string, [number, number][] | undefined>();
  let misses = 0;
  return {
    get(stem) {
      if (found.has(stem)) return found.get(stem);
      const entry = findPacked(text, stem);
      const pairs = entry === undefined ? undefined : pairsOf(JSON.parse(entry));
      const kept = pairs && pairs.length > 0 ? pairs : undefined;
      if (kept === undefined && ++misses > MAX_REMEMBERED_MISSES) {
        for (const [s, p] of found) if (p === undefined) found.delete(s);
        misses = 1;
      }
      found.set(stem, kept);
      return kept;
    },
  };
}
