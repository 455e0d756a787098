import { editDistance } from "../text.js";
import { type Token, tokenize } from "./tokens.js";

/** A compiled signal: what to look for and what a hit is worth. */
export interface Signal {
  text: string;
  stems: string[];
  weight: number;
  kind: "phrase" | "system";
  /** Raw lower-case words, used for typo-tolerant matching of named systems. */
  raws: string[];
}

export interface Hit {
  signal: Signal;
  /** Token indexes covered by the hit. */
  covers: number[];
  /** The words of the prompt that matched, as written. */
  quoted: string;
  /** True when a named system matched only through a typo. */
  fuzzy: boolean;
}

export function compileSignal(text: string, weight: number, kind: Signal["kind"]): Signal | undefined {
  const toks = tokenize(text);
  if (toks.length === 0) return undefined;
  return { text, stems: toks.map((t) => t.stem), raws: toks.map((t) => t.raw), weight, kind };
}

const SLACK = 2;

function quote(tokens: readonly Token[], covers: readonly number[]): string {
  return covers.map((i) => tokens[i]?.raw ?? "").join(" ");
}

function typoMatch(promptWord: string, nameWord: string): boolean {
  if (nameWord.length < 5 || promptWord[0] !== nameWord[0]) return false;
  if (/\d/.test(nameWord)) return false;
  const limit = nameWord.length >= 8 ? 2 : 1;
  return Math.abs(promptWord.length - nameWord.length) <= limit && editDistance(promptWord, nameWord, limit) <= limit;
}

/**
 * Finds the first occurrence of a signal: all its stems inside a short window, in any order
 * (so "limits the rate" matches "rate limit"). Named systems must be contiguous and may match
 * through one typo per word.
 */
export function findSignal(tokens: readonly Token[], signal: Signal): Hit | undefined {
  const n = signal.stems.length;
  if (signal.kind === "system") {
    for (let i = 0; i + n <= tokens.length; i++) {
      let fuzzy = false;
      let ok = true;
      for (let k = 0; k < n && ok; k++) {
        const t = tokens[i + k] as Token;
        if (t.stem === signal.stems[k]) continue;
        if (typoMatch(t.raw, signal.raws[k] ?? "")) fuzzy = true;
        else ok = false;
      }
      if (ok) {
        const covers = Array.from({ length: n }, (_, k) => i + k);
        return { signal, covers, quoted: quote(tokens, covers), fuzzy };
      }
    }
    return undefined;
  }
  const first = signal.stems[0] as string;
  if (n === 1) {
    const i = tokens.findIndex((t) => t.stem === first);
    return i < 0 ? undefined : { signal, covers: [i], quoted: quote(tokens, [i]), fuzzy: false };
  }
  const window = n + SLACK;
  for (let start = 0; start < tokens.length; start++) {
    if (!signal.stems.includes((tokens[start] as Token).stem)) continue;
    const covers: number[] = [];
    const used = new Set<number>();
    for (const stem of signal.stems) {
      let found = -1;
      for (let j = start; j < Math.min(tokens.length, start + window); j++) {
        if (!used.has(j) && (tokens[j] as Token).stem === stem) {
          found = j;
          break;
        }
      }
      if (found < 0) break;
      used.add(found);
      covers.push(found);
    }
    if (covers.length === n) {
      covers.sort((a, b) => a - b);
      return { signal, covers, quoted: quote(tokens, covers), fuzzy: false };
    }
  }
  return undefined;
}

/**
 * Combines hits as a noisy-OR, skipping a hit whose tokens are already all covered by a
 * stronger hit of the same group (so "message queue" and "queue" do not both count).
 */
export function combine(hits: readonly Hit[], weightOf: (h: Hit) => number): { score: number; counted: Hit[] } {
  const sorted = [...hits].sort(
    (a, b) =>
      weightOf(b) - weightOf(a) || b.covers.length - a.covers.length || a.signal.text.localeCompare(b.signal.text),
  );
  const covered = new Set<number>();
  const counted: Hit[] = [];
  let miss = 1;
  for (const h of sorted) {
    if (h.covers.every((i) => covered.has(i))) continue;
    for (const i of h.covers) covered.add(i);
    counted.push(h);
    miss *= 1 - Math.min(0.99, weightOf(h));
  }
  return { score: 1 - miss, counted };
}
