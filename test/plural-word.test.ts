import { describe, expect, it } from "vitest";
import { isPluralWord, singularOf } from "../src/engine/counted-nouns.js";
import { tokenize } from "../src/engine/recognize/tokens.js";

const other = (p: string) =>
  tokenize(p)
    .filter((t) => t.other)
    .map((t) => t.raw);

describe("one plural test: a word is plural where its singular form drops an ending, save -us and -is", () => {
  it("reads regular plurals and keeps singulars in -ss, -us and -is and short words", () => {
    for (const w of ["elevators", "users", "drones", "boxes", "parties", "batches"]) expect(isPluralWord(w)).toBe(true);
    for (const w of ["class", "status", "various", "analysis", "gas", "bus", "server"])
      expect(isPluralWord(w)).toBe(false);
    expect(singularOf("parties")).toBe("party");
  });
  it("is the plural the word-sense reader takes after a collective's 'of'", () => {
    expect(other("Design the dispatch controller for a bank of 24 elevators")).toEqual(["bank"]);
    expect(other("Design a ledger for a bank of record status")).toEqual([]);
  });
});
