import type { Design } from "../../engine/design/design.js";

/** A sentence the candidate says; `core` ones survive the short version and a tight budget. */
export interface Line {
  text: string;
  keep: "core" | "detail";
}

/** When to pick up the pen: which of the design's diagrams to draw, and the words that introduce it. */
export interface DiagramCue {
  kind: "hld" | "sequence";
  title: string;
  say: string;
}

/** A question the interviewer is likely to ask at this step, with the short answer from the design. */
export interface FollowUp {
  question: string;
  answer: string;
}

/** One spoken step: what to say, how long it takes, and what to expect around it. */
export interface ScriptStep {
  step: number;
  title: string;
  /** The spoken text: the kept sentences, joined. */
  text: string;
  sentences: string[];
  words: number;
  /** Speaking time at the script's words-per-minute. */
  seconds: number;
  /** This step's share of the round, in minutes. */
  minutes: number;
  /** Speaking time the step may use (its share of the round times the speaking share). */
  budgetSeconds: number;
  /** The step's core sentences alone exceed its budget. */
  overrun: boolean;
  /** Detail sentences left out to fit the budget or the short version. */
  dropped: number;
  /** Every sentence the step could say, core first in speaking order; re-timing picks from these. */
  lines: Line[];
  cue?: DiagramCue;
  /** A question to ask the interviewer at the end of this step. */
  checkIn?: string;
  followUps: FollowUp[];
}

export interface DeepDive {
  topic: string;
  why: string;
}

export interface CheatSheet {
  checklist: { question: string; answer: string }[];
  numbers: string[];
  decisions: string[];
}

export interface ScriptOptions {
  /** Length of the round in minutes (default 45, or 20 for the short version). */
  minutes?: number;
  /** Speaking rate (default 140 words a minute). */
  wpm?: number;
  /** The 20-minute version: invariants, mechanisms and the first failure; details dropped. */
  short?: boolean;
  /** Relative weight of each of the eight steps (default: a real round's split). */
  weights?: readonly number[];
  /** Share of each step's time spent talking rather than drawing or answering (default 0.5). */
  speakingShare?: number;
}

export interface Script {
  prompt: string;
  minutes: number;
  wpm: number;
  short: boolean;
  weights: number[];
  speakingShare: number;
  steps: ScriptStep[];
  deepDives: DeepDive[];
  cheatSheet: CheatSheet;
  totals: { words: number; seconds: number; budgetSeconds: number; overruns: number[] };
}

/** The Design contract with its spoken script attached (what the CLI, server and library hand out). */
export type ScriptedDesign = Design & { script: ScriptStep[] };
