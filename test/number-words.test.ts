import { describe, expect, it } from "vitest";
import { parseDurabilityNines, parseRepeatWindow } from "../src/engine/nfr-parse.js";
import { limitValue } from "../src/engine/stated-clauses.js";
import { CARDINAL_WORDS, NUMBER_WORDS } from "../src/knowledge/lexicon.js";
import { countMismatch, numberWord } from "../src/render/script/speak.js";

describe("one table of number words (CARDINAL_WORDS) feeds every reader and speaker of them", () => {
  it("reads a stated limit in any number word of the table", () => {
    for (const [w, v] of Object.entries(CARDINAL_WORDS)) expect(limitValue(w)).toBe(v);
  });

  it("counts every spelled cardinal and the quantity words as number words for recognition", () => {
    for (const w of Object.keys(CARDINAL_WORDS)) expect(NUMBER_WORDS.has(w)).toBe(true);
    for (const w of ["few", "several", "half", "hundred", "million"]) expect(NUMBER_WORDS.has(w)).toBe(true);
    expect(NUMBER_WORDS.has("service")).toBe(false);
  });

  it("reads a repeat window counted in any number word", () => {
    expect(parseRepeatWindow("never bill the same customer twice in five days")?.seconds).toBe(5 * 86400);
    expect(parseRepeatWindow("never bill the same customer twice in twelve hours")?.seconds).toBe(12 * 3600);
  });

  it("reads nines of durability in words up to sixteen", () => {
    expect(parseDurabilityNines("eleven nines of durability")?.value).toBe(11);
    expect(parseDurabilityNines("sixteen nines of durability")?.value).toBe(16);
  });

  it("says counts up to ten as words and checks a said count against what follows it", () => {
    expect([0, 7, 10, 11].map(numberWord)).toEqual(["zero", "seven", "ten", "11"]);
    expect(countMismatch("It keeps seven parts: a, b and c.")).toBe("says seven parts and names 3");
  });
});
