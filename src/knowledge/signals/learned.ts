import type { ArchetypeId } from "../schema.js";

/**
 * Words typical of each archetype in the labelled prompts (eval/tuned.jsonl), learned at build time.
 *
 * For each archetype and word stem: the log-odds that a labelled prompt about that archetype contains the
 * stem, against prompts about any other archetype (each prompt counts a stem once; add-`SMOOTHING` on both
 * sides). Only stems with clear evidence are kept: seen in at least `MIN_PROMPTS` prompts of the archetype,
 * log-odds at least `MIN_LOG_ODDS`, and not a generic design word. The table is written by
 * `scripts/build-learned.ts` (called from the knowledge compile step) into `generated/learned-words.ts`.
 *
 * At recognition time a prompt's stems are summed per archetype and the sums turned into shares (softmax);
 * an archetype's share times `LEARNED_CAP` is one more weak, noisy-OR piece of evidence. Like the typical
 * words it never counts as a stated requirement: it ranks and breaks ties, but does not decide the branch.
 */
export const SMOOTHING = 1;
export const MIN_PROMPTS = 3;
export const MIN_LOG_ODDS = 1;
/** The most one archetype can gain from learned words: what one typical word is worth (CONCEPT_WEIGHT). */
export const LEARNED_CAP = 0.4;
/** A sum below this is too little evidence to speak for an archetype at all. */
export const MIN_LEARNED_SUM = 3;
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

/** One archetype's learned words: stem → log-odds (rounded to two decimals), strongest first. */
export type LearnedWords = Readonly<Partial<Record<ArchetypeId, Readonly<Record<string, number>>>>>;

export interface LabelledStems {
  /** The prompt's distinct stems. */
  stems: readonly string[];
  /** The archetypes the prompt is labelled with as dominant. */
  top: readonly ArchetypeId[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Learns the table from labelled prompts. Deterministic: fixed ordering, no randomness, rounded weights. */
export function learnWords(
  rows: readonly LabelledStems[],
  ids: readonly ArchetypeId[],
  genericStems: ReadonlySet<string>,
): LearnedWords {
  const labelled = rows.filter((r) => r.top.length > 0);
  const df = new Map<ArchetypeId, Map<string, number>>();
  const perClass = new Map<ArchetypeId, number>();
  const total = new Map<string, number>();
  for (const r of labelled) {
    const stems = [...new Set(r.stems)].filter((s) => !genericStems.has(s) && !/^\d+$/.test(s));
    for (const s of stems) total.set(s, (total.get(s) ?? 0) + 1);
    for (const id of new Set(r.top)) {
      perClass.set(id, (perClass.get(id) ?? 0) + 1);
      const m = df.get(id) ?? new Map<string, number>();
      for (const s of stems) m.set(s, (m.get(s) ?? 0) + 1);
      df.set(id, m);
    }
  }
  const n = labelled.length;
  const out: Partial<Record<ArchetypeId, Record<string, number>>> = {};
  for (const id of ids) {
    const m = df.get(id);
    const na = perClass.get(id) ?? 0;
    if (!m || na === 0) continue;
    const kept: [string, number][] = [];
    for (const [s, c] of m) {
      if (c < MIN_PROMPTS) continue;
      const rest = (total.get(s) ?? 0) - c;
      const pIn = (c + SMOOTHING) / (na + 2 * SMOOTHING);
      const pOut = (rest + SMOOTHING) / (n - na + 2 * SMOOTHING);
      const w = round2(Math.log(pIn / pOut));
      if (w >= MIN_LOG_ODDS) kept.push([s, w]);
    }
    kept.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (kept.length > 0) out[id] = Object.fromEntries(kept);
  }
  return out;
}

export interface LearnedEvidence {
  id: ArchetypeId;
  /** The weight this adds as one noisy-OR piece of evidence (at most LEARNED_CAP), rounded to two decimals. */
  weight: number;
  /** The prompt's words that spoke for it, strongest first, as written. */
  words: string[];
}

/**
 * What the learned words say about a prompt: per archetype whose words sum to at least MIN_LEARNED_SUM,
 * its share of the evidence (softmax over all archetypes' sums) times LEARNED_CAP.
 */
export function learnedEvidence(
  table: LearnedWords,
  tokens: readonly { stem: string; raw: string }[],
  ids: readonly ArchetypeId[],
): LearnedEvidence[] {
  const seen = new Map<string, string>();
  for (const t of tokens) if (!seen.has(t.stem)) seen.set(t.stem, t.raw);
  const sums = ids.map((id) => {
    const words = table[id] ?? {};
    const hits: [string, number][] = [];
    for (const [stem, raw] of seen) {
      const w = Object.hasOwn(words, stem) ? words[stem] : undefined;
      if (w !== undefined) hits.push([raw, w]);
    }
    hits.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    return { id, sum: hits.reduce((s, h) => s + h[1], 0), hits };
  });
  const max = Math.max(0, ...sums.map((s) => s.sum));
  const z = sums.reduce((acc, s) => acc + Math.exp(s.sum - max), 0);
  return sums
    .filter((s) => s.sum >= MIN_LEARNED_SUM)
    .map((s) => ({
      id: s.id,
      weight: round2((LEARNED_CAP * Math.exp(s.sum - max)) / z),
      words: s.hits.slice(0, LEARNED_QUOTED).map((h) => h[0]),
    }))
    .filter((e) => e.weight > 0);
}
