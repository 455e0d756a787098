import { describe, expect, it } from "vitest";
import { recognitionKnowledge } from "../src/engine/recognize/index.js";
import { eitherOf } from "../src/engine/text.js";
import { DISMISSALS } from "../src/knowledge/branch-heads.js";

const texts = [
  "design a podcast app, focusing on how episodes reach listeners; the hard part is fan-out",
  "the hard part is that a charger can belong to only one driver, so focus on the lock",
  "build a rate limiter. don't dwell on the ui; treat the cache as given",
  "nothing of the kind here",
  "",
];

describe("eitherOf: one pattern for several", () => {
  it("matches first where the earliest of the patterns first matches, as trying each would find", () => {
    const sets = [recognitionKnowledge().focus.map((f) => f.pattern), DISMISSALS, [/\bb+c/, /a\b/, /\bzz/]];
    for (const patterns of sets)
      for (const text of texts) {
        const earliest = Math.min(...patterns.map((p) => p.exec(text)?.index ?? Number.POSITIVE_INFINITY));
        expect(eitherOf(patterns)?.exec(text)?.index ?? Number.POSITIVE_INFINITY, text).toBe(earliest);
        expect(eitherOf(patterns)?.test(text), text).toBe(patterns.some((p) => p.test(text)));
      }
  });

  it("is undefined for no patterns and refuses patterns it would change", () => {
    expect(eitherOf([])).toBeUndefined();
    expect(() => eitherOf([/a/, /b/i])).toThrow(/cannot be joined/);
    expect(() => eitherOf([/(a)\1/])).toThrow(/back-references/);
    expect(() => eitherOf([/(?<x>a)/])).toThrow(/named groups/);
    expect(eitherOf([/(?<=a)b/, /(?!c)d/])?.exec("ab")?.index).toBe(1);
  });
});
