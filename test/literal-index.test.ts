import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TOPIC_LITERALS } from "../src/knowledge/generated/topic-literals.js";
import { LazyLiteralIndex, LiteralIndex } from "../src/knowledge/pattern-literals.js";
import { TOPIC_VALUES, topicsSpoken } from "../src/knowledge/topics.js";

/** What the index must answer: for each list, whether the text holds one of its literals. */
const byIncludes = (lists: readonly (readonly string[])[], text: string) =>
  lists.map((literals) => literals.some((l) => text.includes(l)));

describe("the literal index (knowledge/pattern-literals.ts LiteralIndex)", () => {
  it("answers as includes does: literals at the start, the end, overlapping, one character long, past ASCII", () => {
    const lists = [["ab", "logs"], ["log"], ["x"], ["é€"], ["ogs b"], [""], ["zz"]];
    const index = new LiteralIndex(lists);
    for (const text of ["", "a", "ab", "the logs bar", "catalog", "x", "café€", "zzz", "blog sb"])
      expect(index.holds(text), text).toEqual(byIncludes(lists, text));
  });

  it("answers as includes does for every topic's literals, over random texts made of their own pieces", () => {
    const lists = TOPIC_VALUES.map((t) => TOPIC_LITERALS[t]?.literals ?? [""]);
    const index = new LiteralIndex(lists);
    const pieces = [...new Set(lists.flat())].flatMap((l) => [l, l.slice(0, -1), l.slice(1)]);
    const text = fc
      .array(fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(" ", "-", "/", "\n", "é", "s"), fc.string()), {
        maxLength: 12,
      })
      .map((xs) => xs.join(""));
    fc.assert(
      fc.property(text, (t) => {
        expect(index.holds(t)).toEqual(byIncludes(lists, t));
      }),
      { numRuns: 500, seed: 32 },
    );
  });

  it("gates every text, not only a process's first few: the topics past 40 texts are those of a fresh reading", async () => {
    const prompt = "Design a payment ledger that pages on-call when the job queue backs up";
    for (let i = 0; i < 40; i++) topicsSpoken(`${prompt} (${i})`);
    expect(topicsSpoken(prompt).map((x) => x.value)).toEqual(expect.arrayContaining(["money", "work-queue"]));
  });
});

describe("LazyLiteralIndex", () => {
  it("answers as includes does before and after it builds its trie", () => {
    const lists = [["abc", "xy"], [""], [], ["zz"]];
    const lazy = new LazyLiteralIndex(lists, 2);
    for (const text of ["abcd", "no", "xyzz", "", "zzabc"])
      expect(lazy.holds(text)).toEqual(lists.map((l) => l.some((x) => text.includes(x))));
  });
});
