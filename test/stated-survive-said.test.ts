import { describe, expect, it } from "vitest";
import { parseRuleGuarantees } from "../src/engine/nfr-parse.js";
import { design } from "../src/lib/index.js";

// prompts of no prompt set: a loss to survive said with the loss first, as what the data stays, or with 'any' alone
const cases = [
  [
    "Design a config store run by seven voting members; losing three members must not lose accepted writes.",
    { noun: "write", lost: 3, of: 7, unit: "member" },
    "losing three members must not lose accepted writes",
  ],
  [
    "Design a photo album service for 30 million users where losing a data center must not erase anyone's albums.",
    { noun: "album", lost: 1, unit: "data centre" },
    "losing a data center must not erase anyone's albums",
  ],
  [
    "Design a tape archive holding 90 PB, which must keep every tape readable after losing any two racks.",
    { noun: "tape", lost: 2, unit: "rack" },
    "must keep every tape readable after losing any two racks",
  ],
  [
    "Design a backup store for 4,000 laptops so a dead disk or even a whole rack never loses a backup.",
    { noun: "backup", lost: 1, unit: "rack" },
    "a dead disk or even a whole rack never loses a backup",
  ],
  [
    "Design a lock service for our job fleet: the lock records themselves must survive losing any node.",
    { noun: "record", lost: 1, unit: "node" },
    "the lock records themselves must survive losing any node",
  ],
] as const;

describe("a loss to survive is read in more words", () => {
  it("reads the data, how many units are lost (of how many) and the unit, quoted from its clause's start", () => {
    for (const [p, want, words] of cases) {
      const g = parseRuleGuarantees(p).find((x) => x.kind === "survive-loss");
      expect(g, p).toMatchObject(want);
      expect(g?.quote, p).toContain(words);
    }
  });

  it("makes it a rule the ledger credits with the clause, majority-sized where the prompt counts the voters", () => {
    for (const [p, want, words] of cases) {
      const d = design(p);
      const row = d.statedRequirements.find((r) => r.clause.includes(words));
      expect(row?.carried, p).toBe(true);
      expect(d.invariants.some((i) => i.statement.startsWith(`No acknowledged ${want.noun} is lost`))).toBe(true);
    }
    const d = design(cases[0][0]);
    expect(d.invariants.find((i) => i.statement.startsWith("No acknowledged write is lost"))?.statement).toMatch(
      /seven members form one consensus group/,
    );
  });
});
