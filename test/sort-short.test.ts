import { describe, expect, it } from "vitest";
import { firstBy, sortNumbers, sortShort } from "../src/engine/recognize/match.js";

/** Lists with many ties (a fixed pseudo-random sequence), each element tagged with its place to see stability. */
const lists = Array.from({ length: 40 }, (_, n) =>
  Array.from({ length: n * 2 }, (_, i) => ({ key: (i * 7919 + n * 31) % (n + 3), at: i })),
);
const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;

describe("sortShort and firstBy: Array.prototype.sort's order without its work space", () => {
  it("order every list as the stable built-in sort does, ties kept in their places", () => {
    for (const list of lists) expect(sortShort([...list], byKey)).toEqual([...list].sort(byKey));
    expect(sortNumbers([3, 1, 2, 10, 1])).toEqual([1, 1, 2, 3, 10]);
  });

  it("pick the element the sort puts first: the earliest of the least", () => {
    for (const list of lists) expect(firstBy(list, byKey)).toBe([...list].sort(byKey)[0]);
    expect(firstBy([], byKey)).toBeUndefined();
  });
});
