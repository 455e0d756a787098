import { describe, expect, it } from "vitest";
import { classify } from "../src/lib/index.js";

const ids = (p: string) => classify(p).archetypes.map((a) => a.id);
const bankEvidence = (p: string) =>
  classify(p)
    .archetypes.flatMap((a) => a.evidence)
    .filter((e) => /'bank(?: api)?'/.test(e));

describe("'bank' names an outside provider only where it is a bank of money", () => {
  it("reads no payment provider in a bank that keeps something else", () => {
    for (const p of [
      "Design inventory tracking for a regional blood bank network where a unit is reserved for one patient at a time.",
      "Design a food bank's donation intake for 300 volunteers where each donation is recorded once.",
      "Design a seed bank catalogue that keeps 2 million samples and their germination tests.",
      "Design a question bank for an exam platform where each question is shown to a student at most once.",
      "Design a tissue bank registry that tracks every sample's consent and storage freezer.",
    ])
      expect(bankEvidence(p), p).toEqual([]);
  });

  it("still reads a bank that moves money as a provider to call", () => {
    for (const p of [
      "Design a service that pays 40,000 suppliers through the bank each night, exactly once per invoice.",
      "Design payouts to sellers where the bank's API confirms each transfer a day later.",
    ]) {
      expect(bankEvidence(p).length, p).toBeGreaterThan(0);
      expect(ids(p), p).toContain("I12");
    }
  });
});
