import { describe, expect, it } from "vitest";
import { compileCombinations, matchCombinations } from "../src/engine/recognize/combos.js";
import { recognitionKnowledge } from "../src/engine/recognize/index.js";
import { tokenize } from "../src/engine/recognize/tokens.js";
import type { CombinationRule } from "../src/knowledge/signals/index.js";

/** The words of a prompt the tokenizer marks as a stated rate's unit of time. */
const rateUnits = (prompt: string) => tokenize(prompt).flatMap((t) => (t.rate ? [t.raw] : []));

/** The read-together rules the shipped tables find in a prompt, with the words each quotes. */
const readings = (prompt: string) => {
  const kb = recognitionKnowledge().combinations;
  if (!kb) throw new Error("no combinations compiled");
  return matchCombinations(tokenize(prompt), kb).map((h) => `${h.signal.text} <${h.quoted}>`);
};

describe("recognition: a stated rate's unit of time is read only by a rule about rates", () => {
  it("marks the unit of a count per unit of time, and no cadence, duration or offset", () => {
    expect(rateUnits("A ferry operator sells 40,000 tickets a day to island commuters.")).toEqual(["day"]);
    expect(rateUnits("The museum app logs 300 thousand audio-guide plays per week.")).toEqual(["week"]);
    expect(rateUnits("Our quiz backend takes 12,000 answers a second at peak.")).toEqual(["second"]);
    // a cadence of one action, a count of the unit itself, a period, an offset
    expect(rateUnits("Re-check every one of our 50 million listings once a day.")).toEqual([]);
    expect(rateUnits("Rescan each of the 4,000 partner feeds three times a day.")).toEqual([]);
    expect(rateUnits("A new listing must be searchable within half a minute.")).toEqual([]);
    expect(rateUnits("Audit all 20 thousand storage buckets every week.")).toEqual([]);
    expect(rateUnits("Delete a closed account's files 30 days after closing.")).toEqual([]);
  });

  it("reads no cadence, delay or offset from a rate's unit", () => {
    // each of these states a rate and a revisit or delay word near it; none asks for a periodic pass or a due time
    const prompts = [
      "A port terminal moves 9,000 containers a day and customs may inspect any container on the quay.",
      "The museum app logs 300,000 audio-guide plays a day, and curators audit which exhibits draw crowds.",
      "Scooter docks report 5 million unlock events a day when riders scan a code on the handlebar.",
      "A bakery chain's ordering app takes 200,000 orders a day, delayed orders get a coupon, and kitchens print tickets.",
      "Our language-learning app grades 3 million spoken exercises a day and lets learners redo any lesson.",
    ];
    for (const p of prompts) {
      const read = readings(p).filter((r) => /periodic pass|stated time|waiting period|quiet period/.test(r));
      expect(read, p).toEqual([]);
    }
  });

  it("still reads a cadence, and a cap per unit of time, from the same words", () => {
    expect(readings("Re-check every one of our 50 million product listings once a day for broken images.")).toContain(
      "periodic pass over a large set <check … day>",
    );
    expect(readings("Rescan each of the 4,000 partner feeds three times a day.")).toContain(
      "periodic pass over a large set <rescan … day>",
    );
    expect(readings("Free-tier workspaces get 2,000 exports a day, and extra exports are refused.")).toContain(
      "a cap per unit of time <refused … day>",
    );
    expect(readings("Each partner may send at most 300 invoices per minute to the billing endpoint.")).toContain(
      "a cap per unit of time <most … minute>",
    );
  });

  it("lets a rule that says it reads rates take the unit, and keeps it from one that does not", () => {
    // a word in the sense its family means: "scan events" are readings of a barcode, no pass (word-sense.test.ts)
    const families = { revisit: ["visit"], period: ["day"] };
    const rule: CombinationRule = {
      rule: "pass",
      why: "w",
      families: ["revisit", "period"],
      targets: [{ id: "I04", weight: 0.7 }],
    };
    const prompt = "crawlers make 30 million visits a day";
    expect(matchCombinations(tokenize(prompt), compileCombinations(families, [rule], 10))).toEqual([]);
    const rates = compileCombinations(families, [{ ...rule, rates: true as const }], 10);
    expect(matchCombinations(tokenize(prompt), rates).map((h) => h.quoted)).toEqual(["visits … day"]);
  });
});
