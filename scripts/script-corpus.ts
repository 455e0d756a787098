// The corpus walk `script-shapes.ts` and `script-slots.ts` share: every `every`-th prompt of a corpus file designed,
// its script written, each handed to `visit`, and each step's minutes of talk gathered at the script's own rate
import { readFileSync } from "node:fs";
import { design } from "../src/engine/design/design.js";
import { writeScript } from "../src/render/script/index.js";
import type { Script } from "../src/render/script/types.js";

type Design = ReturnType<typeof design>;

export interface CorpusWalk {
  prompts: number;
  errors: number;
  /** Minutes of talk per step (index 0 is step 1), one entry per script. */
  minutes: number[][];
}

/** The prompts of a corpus file, one a line, every `every`-th kept. */
export function corpusPrompts(file: string, every: number): string[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .filter((_, i) => i % every === 0);
}

/** Designs and scripts every prompt; a prompt the engine refuses is counted as an error and skipped. */
export function walkCorpus(
  file: string,
  every: number,
  visit: (d: Design, s: Script, prompt: string) => void,
): CorpusWalk {
  const prompts = corpusPrompts(file, every);
  const minutes: number[][] = [];
  let errors = 0;
  for (const p of prompts) {
    let d: Design;
    try {
      d = design(p);
    } catch {
      errors++;
      continue;
    }
    const s = writeScript(d);
    visit(d, s, p);
    for (const st of s.steps) {
      const row = minutes[st.step - 1] ?? [];
      row.push(st.words / s.wpm);
      minutes[st.step - 1] = row;
    }
  }
  return { prompts: prompts.length, errors, minutes };
}

export const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);

/** Each step's mean (and least) minutes of talk, then the whole script's mean. */
export function minutesTable(minutes: readonly number[][]): string {
  const rows = minutes.map(
    (xs, i) => `step ${i + 1}: mean ${mean(xs).toFixed(2)} min, min ${Math.min(...xs).toFixed(2)} min`,
  );
  return [...rows, `total ${minutes.reduce((a, xs) => a + mean(xs), 0).toFixed(2)} min`].join("\n");
}
