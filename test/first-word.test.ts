import { describe, expect, it } from "vitest";
import { firstWord } from "../src/render/script/speak.js";

// firstWord stands in for `s.split(/\s+/)[0]` in the script's hot helpers (without splitting the rest).
describe("firstWord", () => {
  it("gives what splitting on white space gives first, for every kind of text", () => {
    const texts = [
      "acquire the lease",
      "  leading space",
      "one",
      "",
      "   ",
      "tab\tseparated",
      "a\u00a0b c",
      "x\ny",
      "é ü",
    ];
    for (const s of texts) expect(firstWord(s)).toBe(s.split(/\s+/)[0]);
  });
});
