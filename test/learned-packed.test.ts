import { describe, expect, it } from "vitest";
import { ARCHETYPE_IDS } from "../src/knowledge/generated/ids.js";
import { LEARNED_BRANCH, LEARNED_WORDS } from "../src/knowledge/generated/learned-words.js";
import {
  BRANCH_KINDS,
  type LearnedTable,
  learnedShares,
  packedLearnedTable,
  packLearnedWords,
} from "../src/knowledge/signals/learned.js";

/** The same table as a plain object: recognition then indexes every stem at once. */
const plain = <K extends string>(t: LearnedTable<K>): LearnedTable<K> => ({ bias: t.bias, words: t.words });

describe("packed learned tables", () => {
  it("find every stem, and only those, with the weights the parsed table gives", () => {
    for (const [table, ids] of [
      [LEARNED_WORDS, ARCHETYPE_IDS],
      [LEARNED_BRANCH, BRANCH_KINDS],
    ] as const) {
      const parsed = plain(table as LearnedTable<string>);
      const stems = Object.keys(parsed.words);
      expect(stems.length).toBeGreaterThan(100);
      // each stem alone, so a stem found with another's weights would show; then absent ones around the ends
      for (const stem of [...stems, "", "0", "aaaa", "zzzzzz", "~", `${stems[0]}x`, `${stems[stems.length - 1]}x`]) {
        const tokens = [{ stem, raw: stem }];
        expect(learnedShares(table as LearnedTable<string>, tokens, ids), stem).toEqual(
          learnedShares(parsed, tokens, ids),
        );
      }
    }
  });

  it("bisect any sorted packing, including one entry and none", () => {
    const words = { b: { x: 1 }, a: { y: -2 }, "a b": { x: 0.5 }, $m: { y: 3 } };
    const table = packedLearnedTable<string>({ x: 0.1 }, packLearnedWords(words));
    for (const stem of ["a", "b", "a b", "$m", "c", "ab", "^"])
      expect(learnedShares(table, [{ stem, raw: stem }], ["x", "y"]), stem).toEqual(
        learnedShares({ bias: { x: 0.1 }, words }, [{ stem, raw: stem }], ["x", "y"]),
      );
    const one = packedLearnedTable<string>({}, packLearnedWords({ m: { x: 2 } }));
    expect(learnedShares(one, [{ stem: "m", raw: "m" }], ["x", "y"])[0]?.words).toEqual(["m"]);
    const none = packedLearnedTable<string>({}, packLearnedWords({}));
    expect(learnedShares(none, [{ stem: "m", raw: "m" }], ["x", "y"])[0]?.words).toEqual([]);
  });

  it("refuses a stem the packed text could not hold", () => {
    for (const bad of ['a"b', "a}b", "a{b", "a\\b", "a\nb"])
      expect(() => packLearnedWords({ [bad]: { x: 1 } })).toThrow();
  });
});
