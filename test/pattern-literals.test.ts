import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GENERATED_TOPIC_LITERALS, topicLiteralsSource } from "../scripts/build-kb.js";
import { requiredLiterals } from "../src/knowledge/pattern-literals.js";
import { TOPIC_UNLESS, TOPIC_VALUES, topicPatterns } from "../src/knowledge/topics.js";

const prompts = [
  ...readFileSync(new URL("./fixtures/arch-prompts.txt", import.meta.url), "utf8").split("\n"),
  ...readFileSync(new URL("./fixtures/corpus.txt", import.meta.url), "utf8").split("\n"),
].filter((l) => l.trim() && !l.startsWith("#"));
const lowered = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
/** True when the literals allow the text (or there are none): what must hold wherever the pattern matches. */
const allows = (literals: readonly string[] | undefined, text: string) =>
  literals === undefined || literals.some((l) => text.includes(l));

describe("the literals a pattern cannot match without (knowledge/pattern-literals.ts)", () => {
  it("reads alternations, optional parts, classes, repeats, escapes and lookarounds", () => {
    expect(requiredLiterals(String.raw`\b(?:pay(?:s|ment)?|refund\w*)\b`)).toEqual(["pay", "refund"]);
    // an optional part adds nothing a match must hold; a required repeat keeps its part's literals
    expect(requiredLiterals(String.raw`\bweb ?crawl(?:er)?s?\b`)).toEqual(["webcrawl", "web crawl"]);
    expect(requiredLiterals(String.raw`(?:ab)+c`)).toEqual(["ab"]);
    expect(requiredLiterals(String.raw`x[- ]y`)).toEqual(["x-y", "x y"]);
    expect(requiredLiterals(String.raw`robots\.txt`)).toEqual(["robots.txt"]);
    expect(requiredLiterals(String.raw`(?<!not )\bheld(?= now)`)).toEqual(["held"]);
    expect(requiredLiterals(String.raw`(?<word>cache)s?`)).toEqual(["cache"]);
    expect(requiredLiterals(String.raw`cache|\d+ ms`)).toEqual(["cache", " ms"]);
  });

  it("finds none where a part may match anything", () => {
    expect(requiredLiterals(String.raw`\w+`)).toBeUndefined();
    expect(requiredLiterals(String.raw`a?`)).toBeUndefined();
    expect(requiredLiterals(String.raw`(?:x|)y?`)).toBeUndefined();
    expect(requiredLiterals(String.raw`[^.]{0,40}`)).toBeUndefined();
  });

  it("never rules out a text a pattern matches, over random texts made of its own pieces", () => {
    const sources = [
      ...topicPatterns()
        .filter((p) => p.flags === "")
        .map((p) => p.source),
      String.raw`\b(?:a|bc)+d{2,3}(?:e|f\w)?g\b`,
      String.raw`x(?=y)z|w[- ]?v`,
    ];
    for (const source of sources) {
      const re = new RegExp(source);
      const literals = requiredLiterals(source);
      // texts built from the pattern's own words and characters, where a match is likely
      const words = source.match(/[a-z][a-z' -]*/g) ?? ["x"];
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...words, " ", "s", "-", "1", "."), { maxLength: 8 }), (parts) => {
          const text = parts.join("");
          if (re.test(text)) expect(allows(literals, text), `/${source}/ on '${text}'`).toBe(true);
        }),
        { numRuns: 200, seed: 16 },
      );
      for (const p of prompts) if (re.test(lowered(p))) expect(allows(literals, lowered(p)), p).toBe(true);
    }
  });

  it("lists every topic's, up to date with the patterns (run `npm run kb` after editing topics)", () => {
    expect(readFileSync(GENERATED_TOPIC_LITERALS, "utf8") === topicLiteralsSource(), "topic-literals.ts is stale").toBe(
      true,
    );
    for (const p of topicPatterns()) if (p.flags === "") expect(requiredLiterals(p.source), p.topic).toBeDefined();
    expect(Object.keys(TOPIC_UNLESS).every((t) => (TOPIC_VALUES as readonly string[]).includes(t))).toBe(true);
  });
});
