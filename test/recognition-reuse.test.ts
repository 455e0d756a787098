import { describe, expect, it } from "vitest";
import { askWords, laterAskHead, openingAskAt } from "../src/engine/recognize/branch-learned.js";
import { compileCombinations, matchCombinations } from "../src/engine/recognize/combos.js";
import { stemSet, tokenize } from "../src/engine/recognize/tokens.js";
import { learnedShares } from "../src/knowledge/signals/learned.js";

// Recognition shares work between its passes (one stem set per token list, one test of the opening ask) and keeps
// no per-leaf arrays while picking words: what is shared must belong to what is asked about.

describe("the distinct stems of a token list", () => {
  it("belong to the list asked about, whichever list was asked before", () => {
    const a = tokenize("a rate limiter for the public API");
    const b = tokenize("a job queue and its retry limit");
    expect([...stemSet(a)].sort()).toEqual([...new Set(a.map((t) => t.stem))].sort());
    expect([...stemSet(b)].sort()).toEqual([...new Set(b.map((t) => t.stem))].sort());
    expect(b.length).toBe(a.length);
    expect(stemSet(a).has("job")).toBe(false);
    expect(stemSet(b).has("job")).toBe(true);
    // the same list again is answered from memory, as the same set
    expect(stemSet(b)).toBe(stemSet(b));
  });
});

describe("the opening ask, read once", () => {
  it("gives what its two readers give", () => {
    for (const p of [
      "Walk me through a leaderboard for a game",
      "Envoy sidecars call out to a central service; design that service for 10,000 callers",
      "Make sure the same coupon can't be redeemed twice.",
    ])
      expect(askWords(p)).toEqual({ opening: openingAskAt(p), later: laterAskHead(p) });
    expect([...askWords("Walk me through a leaderboard").opening]).toEqual([0, 1, 2]);
    expect([...askWords("Envoy sidecars call out to it; design that service for callers").later]).toEqual([8]);
  });
});

describe("the learned words quoted for a class", () => {
  it("are its strongest positive words, ties by the word, at most three, each as first written", () => {
    const table = {
      bias: { x: 0, y: 0 },
      words: { a: { x: 1 }, b: { x: 2 }, c: { x: 2, y: 1 }, d: { x: 0.5 }, e: { x: -1, y: 3 } },
    };
    const tokens = ["d", "c", "e", "a", "b", "c"].map((stem, i) => ({ stem, raw: `${stem}${i}` }));
    const [x, y] = learnedShares(table, tokens, ["x", "y"]);
    expect(x?.words).toEqual(["b4", "c1", "a3"]);
    expect(y?.words).toEqual(["e2", "c1"]);
  });
});

describe("a combination rule's words", () => {
  const kb = compileCombinations(
    { store: ["ledger"], act: ["append"] },
    [{ rule: "append-only ledger", why: "test", families: ["store", "act"], targets: [{ id: "I01", weight: 0.5 }] }],
    4,
  );
  it("are the closest set, one word of each family, on distinct words", () => {
    const hits = matchCombinations(tokenize("ledger keeps rows; later append happens then ledger append"), kb);
    expect(hits.map((h) => h.covers)).toEqual([[6, 7]]);
    expect(hits[0]?.quoted).toBe("ledger … append");
  });
  it("never take one word for two families", () => {
    const shared = compileCombinations(
      { store: ["ledger"], act: ["ledger", "append"] },
      [{ rule: "append-only ledger", why: "test", families: ["store", "act"], targets: [{ id: "I01", weight: 0.5 }] }],
      4,
    );
    expect(matchCombinations(tokenize("ledger rows append"), shared).map((h) => h.covers)).toEqual([[0, 2]]);
  });
  it("are none when every set spans more than the window", () => {
    expect(matchCombinations(tokenize("ledger one two three four five append"), kb)).toEqual([]);
  });
});
