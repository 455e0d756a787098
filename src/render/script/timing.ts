import { countWords } from "./speak.js";
import type { Line, Script, ScriptOptions } from "./types.js";

export const DEFAULT_WPM = 140;
export const DEFAULT_MINUTES = 45;
export const SHORT_MINUTES = 20;
/** Half of each step's time is talk; the rest goes on drawing, checking in and answering. */
export const DEFAULT_SPEAKING_SHARE = 0.5;

/**
 * How a real infra round splits its time over the eight steps: framing is quick, while mechanisms
 * (step 6) and failures and scale (step 8) carry most of the signal, so they get the most time.
 */
export const DEFAULT_WEIGHTS: readonly number[] = [0.08, 0.08, 0.1, 0.1, 0.08, 0.24, 0.1, 0.22];

/** Minutes per step for a round of `total` minutes under `weights`, rounded to half minutes. */
export function stepBudget(total: number, weights: readonly number[] = DEFAULT_WEIGHTS): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  return weights.map((w) => Math.max(0.5, Math.round((w / sum) * total * 2) / 2));
}

/** Seconds it takes to say `words` at `wpm`. */
export const speakingSeconds = (words: number, wpm: number): number => Math.round((words / wpm) * 60);

export interface Fitted {
  sentences: string[];
  words: number;
  dropped: number;
  overrun: boolean;
}

/**
 * Keeps every core sentence and as many details as fit `budgetWords`, in their original order;
 * the short version keeps core sentences only. `overrun` means the core alone is over budget.
 */
export function fitToBudget(lines: readonly Line[], budgetWords: number, short: boolean): Fitted {
  // indexed loops: every step of every script passes here
  const counts = lines.map((l) => countWords(l.text));
  let coreWords = 0;
  for (let i = 0; i < lines.length; i++) if (lines[i]?.keep === "core") coreWords += counts[i] as number;
  let room = budgetWords - coreWords;
  const kept: string[] = [];
  let words = 0;
  let dropped = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as Line;
    const w = counts[i] as number;
    if (l.keep === "core" || (!short && w <= room)) {
      kept.push(l.text);
      words += w;
      if (l.keep !== "core") room -= w;
    } else dropped++;
  }
  return { sentences: kept, words, dropped, overrun: coreWords > budgetWords };
}

/**
 * Fits an already written script to a round: each step's share of `minutes` under `weights`, its
 * sentences chosen from its lines to fit that share at `wpm`. Needs no knowledge or design, so a
 * browser can re-time a script it was sent.
 */
export function retime(script: Script, opts: ScriptOptions = {}): Script {
  const short = opts.short ?? false;
  const minutes = opts.minutes ?? (short ? SHORT_MINUTES : DEFAULT_MINUTES);
  const wpm = opts.wpm ?? DEFAULT_WPM;
  const weights = [...(opts.weights ?? DEFAULT_WEIGHTS)];
  const speakingShare = opts.speakingShare ?? DEFAULT_SPEAKING_SHARE;
  const budget = stepBudget(minutes, weights);
  const steps = script.steps.map((s, i) => {
    const stepMinutes = budget[i] ?? 0;
    const budgetSeconds = Math.round(stepMinutes * 60 * speakingShare);
    const fitted = fitToBudget(s.lines, Math.floor((budgetSeconds / 60) * wpm), short);
    return {
      ...s,
      text: fitted.sentences.join(" "),
      sentences: fitted.sentences,
      words: fitted.words,
      seconds: speakingSeconds(fitted.words, wpm),
      minutes: stepMinutes,
      budgetSeconds,
      overrun: fitted.overrun,
      dropped: fitted.dropped,
    };
  });
  const words = steps.reduce((n, s) => n + s.words, 0);
  return {
    ...script,
    minutes,
    wpm,
    short,
    weights,
    speakingShare,
    steps,
    totals: {
      words,
      seconds: speakingSeconds(words, wpm),
      budgetSeconds: steps.reduce((n, s) => n + s.budgetSeconds, 0),
      overruns: steps.filter((s) => s.overrun).map((s) => s.step),
    },
  };
}
