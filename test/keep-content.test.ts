import { describe, expect, it } from "vitest";
import { contentHash, KeptByContent, sameContent } from "../src/engine/design/keep.js";

// Fields derived afresh from the prompt are interned by content (src/engine/design/keep.ts): a wrong "same" would
// hand one design another's value, so the comparison must tell apart everything a design's JSON could.
describe("sameContent", () => {
  const pairs: [unknown, unknown][] = [
    [0, -0],
    [1, "1"],
    [null, undefined],
    [
      { a: 1, b: 2 },
      { b: 2, a: 1 },
    ], // key order is content: it is the order the design prints
    [{ a: undefined }, {}],
    [[1, 2], { 0: 1, 1: 2 }],
    [[undefined], []],
    [{ a: [1, { b: "x" }] }, { a: [1, { b: "y" }] }],
    [new Map([["a", 1]]), new Map([["a", 1]])], // not plain data: the same only as the same object
    [`${"a".repeat(20)}b${"a".repeat(20)}`, `${"a".repeat(20)}c${"a".repeat(20)}`], // differs where the hash does not look
  ];
  it("tells apart values that differ in anything a design holds", () => {
    for (const [a, b] of pairs) {
      expect(sameContent(a, b), `${String(a)} vs ${String(b)}`).toBe(false);
      expect(sameContent(b, a)).toBe(false);
    }
  });
  it("finds equal content equal, with an equal hash", () => {
    const make = () => ({ a: [1, NaN, { b: "x".repeat(40), c: null }], d: true, e: undefined, f: "é→" });
    expect(sameContent(make(), make())).toBe(true);
    expect(contentHash(make())).toBe(contentHash(make()));
  });
});

describe("KeptByContent", () => {
  it("keeps content on its second sighting and answers the kept value after", () => {
    const table = new KeptByContent(8);
    const make = () => ({ id: "I01", because: ["x"] });
    const first = make();
    expect(table.intern(first)).toBe(first);
    expect(Object.isFrozen(first)).toBe(false); // seen once: not kept
    const second = make();
    expect(table.intern(second)).toBe(second);
    expect(Object.isFrozen(second.because)).toBe(true); // kept, frozen through
    expect(table.intern(make())).toBe(second);
    expect(table.intern({ id: "I02", because: ["x"] })).not.toBe(second);
  });
  it("stays bounded: a full table is emptied, never wrong", () => {
    const table = new KeptByContent(4);
    for (let round = 0; round < 3; round++)
      for (let i = 0; i < 10; i++) {
        const v = { i };
        expect(table.intern(v)).toEqual({ i });
      }
  });
});
