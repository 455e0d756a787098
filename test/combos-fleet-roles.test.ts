import { describe, expect, it } from "vitest";
import { matchCombinations } from "../src/engine/recognize/combos.js";
import { recognitionKnowledge } from "../src/engine/recognize/index.js";
import { tokenize } from "../src/engine/recognize/tokens.js";

/** The control-plane rules read from a change word and a fleet word together, with the words each quotes. */
const spread = (prompt: string) => {
  const kb = recognitionKnowledge().combinations;
  if (!kb) throw new Error("no combinations compiled");
  return matchCombinations(tokenize(prompt), kb)
    .filter((h) => /^a change spread/.test(h.signal.text))
    .map((h) => `${h.signal.text} <${h.quoted}>`);
};

describe("recognition: a change reaches a fleet only where the words name many receivers", () => {
  it("reads no fleet from one user, host or gateway the prompt does not count as many", () => {
    for (const p of [
      "The app keeps one setting per user for the preferred theme.",
      "Design a rate limiter that runs inside our API gateway.",
      "Odds on a cricket match change every few seconds, and a wager is taken only at the price the user confirmed.",
      "A schema change must be applied by a single host even when two deploy jobs start together.",
      "Profile lookups for data that barely changes hit the user table too often.",
    ])
      expect(spread(p), p).toEqual([]);
  });

  it("reads no fleet from what a change verb acts on ('switches devices' swaps a device)", () => {
    for (const p of [
      "A shopper who switches devices mid-checkout must see the same basket.",
      "A technician who changes servers during a shift keeps the same ticket queue.",
      "A player who switches devices keeps their saved progress.",
      "A student who changes devices between lessons keeps the same progress.",
      "A reader who switches devices while signed in keeps their bookmarks.",
    ])
      expect(spread(p), p).toEqual([]);
  });

  it("still reads a change pushed to every server, all hosts, a share of users or everyone", () => {
    const read: [string, string][] = [
      ["A pricing rule change must reach every checkout server within a minute.", "server"],
      ["Push each new timeout value to all 3,000 gateway nodes.", "timeout"],
      ["Change the retry limit on all hosts without redeploying.", "hosts"],
      ["Roll a new ranking model out to 5% of users first, then to everyone.", "model"],
      ["When an operator edits a routing rule, every proxy instance picks it up within seconds.", "rule"],
    ];
    for (const [p, word] of read) {
      const found = spread(p);
      expect(found.length, p).toBeGreaterThan(0);
      expect(found.join(" | "), p).toContain(word);
    }
  });
});
