import { describe, expect, it } from "vitest";
import { foldText, tokenize } from "../src/engine/recognize/tokens.js";

// Recognition folds a prompt once per design (tokens.ts foldText) for the tokenizer and the ask and turn readers.
describe("foldText", () => {
  it("normalises compatibility forms, lower-cases and drops possessive 's", () => {
    expect(foldText("Ｄｅｓｉｇｎ the Bank's LEDGER")).toBe("design the bank ledger");
    expect(foldText("the ﬁle store’s index")).toBe("the file store index");
  });

  it("remembers only the last text: a different text is folded afresh", () => {
    expect(foldText("Design A")).toBe("design a");
    expect(foldText("Design B")).toBe("design b");
    expect(foldText("Design A")).toBe("design a");
  });

  it("is what the tokenizer splits", () => {
    expect(tokenize("Ｒａｔｅ limiter's quota").map((t) => t.raw)).toEqual(["rate", "limiter", "quota"]);
  });
});
