import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldText, tokenize, writtenWords } from "../src/engine/recognize/tokens.js";

// writtenWords reads the tokenizer's pieces (one scan of the text for both): its answer must stay the runs of word
// characters with a letter or digit, in order, whatever the text and whichever of the two asked first.
const alphabet = [..."ab9z -/+,;:(.'’sÉé\n"];
const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 80 }).map((cs) => cs.join(""));
const reference = (t: string) => (foldText(t).match(/[a-z0-9/+-]+/g) ?? []).filter((p) => /[a-z0-9]/.test(p));

describe("writtenWords (engine/recognize/tokens.ts)", () => {
  it("is the folded text's runs of word characters with a letter or digit, tokenized first or not", () => {
    fc.assert(
      fc.property(text, fc.boolean(), (t, tokenizeFirst) => {
        if (tokenizeFirst) tokenize(t);
        expect(writtenWords(t)).toEqual(reference(t));
      }),
      { numRuns: 2000 },
    );
  });
  it("counts a token's place the way the tokenizer does", () => {
    const t = "Design a rate-limiter, at 1,000 req/s (per user); then: a cache.";
    const words = writtenWords(t);
    for (const token of tokenize(t)) expect(words[token.at]).toContain(token.raw.split("-")[0]?.slice(0, 2) ?? "");
  });
});
