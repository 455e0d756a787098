import { type Design, keptBodyKey } from "../../engine/design/design.js";
import { deepFreeze, sameContent } from "../../engine/design/keep.js";
import { forScript } from "./memo.js";
import type { ScriptStep } from "./types.js";

/**
 * Scripts kept by the design body they were written from (see ARCHITECTURE.md, "What the engine keeps between
 * designs"). A script is a function of the design's body (kept by the identities of its fields: design.ts
 * `keptBodyKey`) and of its prompt, which the step writers read only through questions asked with `promptRead`
 * ("does the prompt name 'order'?", "the prompt's own name for what is built"). Each script written for a kept body
 * is kept with the questions it asked and their answers; a later design with the same body whose prompt answers
 * them alike has the same script, so it is handed out without writing it again (a prompt that differs from an
 * earlier one only in words no question reads: "… (case 12)").
 *
 * Any other read of the prompt while a script is written (the design's `prompt` read directly) marks the script as
 * not to be kept, so a question missed here costs only speed, never a wrong script.
 */

type Ask = (d: Design, ...args: unknown[]) => unknown;
interface Read {
  ask: Ask;
  args: readonly unknown[];
  answer: unknown;
}
interface Recording {
  reads: Read[];
  /** True once the prompt was read other than through `promptRead`. */
  raw: boolean;
  /** How many `promptRead` questions are being answered (one asked inside another is part of the outer one). */
  depth: number;
}
let recording: Recording | undefined;

/**
 * The answer of `ask` about the design's prompt (with `args`): a question a kept script's later designs are asked
 * again. `ask` must read nothing but the design and its arguments (a module-level function, not a closure over
 * values read from the prompt).
 */
export function promptRead<A extends unknown[], T>(d: Design, ask: (d: Design, ...args: A) => T, ...args: A): T {
  const r = recording;
  if (r === undefined) return ask(d, ...args);
  r.depth++;
  let answer: T;
  try {
    answer = ask(d, ...args);
  } finally {
    r.depth--;
  }
  if (r.depth === 0) r.reads.push({ ask: ask as unknown as Ask, args, answer });
  return answer;
}

/**
 * The fields a design holds beside its body that are made from its prompt (design.ts: the requirement ledger quotes
 * the prompt's clauses, the coherence findings name its words): two prompts with one body differ in them, so a
 * script that reads one asked a question of the prompt, and is handed to a later design only where it reads alike.
 * Each is read through a module-level function (`promptRead` asks must be).
 */
const readStatedRequirements = (d: Design) => d.statedRequirements;
const readCoherence = (d: Design) => d.coherence;
const PROMPT_MADE: readonly (readonly ["statedRequirements" | "coherence", Ask])[] = [
  ["statedRequirements", readStatedRequirements as Ask],
  ["coherence", readCoherence as Ask],
];

/**
 * The design as a script reads it while recorded: the same fields, its prompt read through a getter that tells, and
 * the fields made from its prompt (`PROMPT_MADE`) read as questions asked of it.
 */
function watched(d: Design, r: Recording): Design {
  const view = { ...d };
  Object.defineProperty(view, "prompt", {
    enumerable: true,
    get() {
      if (r.depth === 0) r.raw = true;
      return d.prompt;
    },
  });
  for (const [field, ask] of PROMPT_MADE)
    Object.defineProperty(view, field, {
      enumerable: true,
      get() {
        const value = d[field];
        if (r.depth === 0 && !r.reads.some((q) => q.ask === ask)) r.reads.push({ ask, args: [], answer: value });
        return value;
      },
    });
  return view;
}

interface KeptScript {
  reads: readonly Read[];
  steps: readonly ScriptStep[];
}

/** Kept scripts per body key; a few per body (prompts that answer its questions differently), emptied when full. */
const SCRIPTS = new Map<string, KeptScript[]>();
const MAX_BODIES = 256;
const MAX_PER_BODY = 4;

/** Whether a design's prompt answers a kept script's questions as the prompt it was written for did. */
const answersAlike = (d: Design, kept: KeptScript): boolean =>
  forScript(d, () => kept.reads.every((q) => sameContent(q.ask(d, ...q.args), q.answer)));

/**
 * The default script's steps of a design: `write(d)` for it, or the kept steps of an earlier design with the same
 * body whose prompt answered every question alike. Kept steps are shared, so frozen through.
 */
export function keptSteps(d: Design, write: (d: Design) => readonly ScriptStep[]): readonly ScriptStep[] {
  const key = keptBodyKey(d);
  if (key === undefined || recording !== undefined) return write(d);
  const list = SCRIPTS.get(key);
  if (list) for (const kept of list) if (answersAlike(d, kept)) return kept.steps;
  const r: Recording = { reads: [], raw: false, depth: 0 };
  recording = r;
  let steps: readonly ScriptStep[];
  try {
    steps = write(watched(d, r));
  } finally {
    recording = undefined;
  }
  if (r.raw) return steps;
  if (SCRIPTS.size >= MAX_BODIES && !list) SCRIPTS.clear();
  const own = list ?? [];
  if (own.length >= MAX_PER_BODY) own.shift();
  own.push({ reads: r.reads, steps: deepFreeze(steps) });
  SCRIPTS.set(key, own);
  return steps;
}
