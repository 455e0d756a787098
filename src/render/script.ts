import type { ScriptStep } from "../engine/design/types.js";
import { type Block, heading, para } from "./doc.js";

/**
 * Share of the interview each spoken step deserves: mechanisms and failures carry most of the
 * signal, so they get the most time; the context step is the shortest.
 */
const STEP_SHARE = [0.1, 0.1, 0.1, 0.1, 0.08, 0.22, 0.12, 0.18];

/** Minutes per step for a round of `total` minutes, rounded to half minutes. */
export function stepBudget(total: number): number[] {
  return STEP_SHARE.map((s) => Math.max(0.5, Math.round(s * total * 2) / 2));
}

export function scriptBlocks(prompt: string, steps: readonly ScriptStep[], minutes?: number): Block[] {
  const budget = minutes ? stepBudget(minutes) : undefined;
  return [
    heading(1, `Presentation script: ${prompt}`),
    ...(minutes ? [para(`Time budget for a ${minutes}-minute round.`)] : []),
    ...steps.flatMap((s, i) => [
      heading(3, `${s.step}. ${s.title}${budget ? ` (${budget[i]} min)` : ""}`),
      para(s.text),
    ]),
  ];
}
