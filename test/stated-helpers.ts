/** What the stated-rule tests read from a design, in one place (test/stated-*.test.ts). */
import type { Design } from "../src/lib/index.js";

/** The rule a design read from the prompt whose reason quotes the given words. */
export const stated = (d: Design, quote: RegExp) =>
  d.invariants.find((i) => /the prompt says/.test(i.because) && quote.test(i.because));

/** The first rule a design read from the prompt that a mechanism keeps. */
export const keptStated = (d: Design) => d.invariants.find((i) => /the prompt says '/.test(i.because) && i.keptBy);

/** Every sequence diagram's Mermaid text, one after another. */
export const seqs = (d: Design) =>
  d.diagrams
    .filter((x) => x.kind === "sequence")
    .map((x) => x.mermaid)
    .join("\n");
