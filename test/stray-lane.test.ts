// Round 44 (lane stray): a business noun that only says what the records or clients are about draws no workflow
// card, and ordinary interview systems named in the head (a view counter, live comments, a notification inbox)
// lead with the archetype that builds them.
import { describe, expect, it } from "vitest";
import { classify } from "../src/engine/recognize/index.js";

const ids = (prompt: string) => classify(prompt).archetypes.map((a) => a.id);
const notDrawn = (prompt: string) => classify(prompt).archetypes[0]?.notDrawn ?? [];

describe("a support read only from a business noun is not drawn", () => {
  it.each([
    // the noun names which client is served or whose records are kept
    "Make sure only one instance of our billing service is active at any moment, even right after a machine dies.",
    "Rebuild the per-merchant balance page from the payments table whenever the page and the table disagree.",
  ])("%s", (prompt) => {
    expect(ids(prompt)).not.toContain("I12");
    const nd = notDrawn(prompt).find((n) => n.id === "I12");
    expect(nd?.rule).toBe("subject-noun");
    expect(nd?.words).toHaveLength(1);
    expect(classify(prompt).archetypes[0]?.evidence.join("\n")).toMatch(/I12 .* is not drawn: it is read only from '/);
  });

  it("a workflow stated in its own words is still drawn", () => {
    for (const prompt of [
      "Design an order service that charges the card through the payment provider exactly once and refunds it if the warehouse cannot ship.",
      "Keep an inventory count per shop and call the payment provider to charge each order once, retrying when it times out.",
    ]) {
      expect(ids(prompt), prompt).toContain("I12");
      expect(
        notDrawn(prompt).find((n) => n.rule === "subject-noun"),
        prompt,
      ).toBeUndefined();
    }
  });
});

describe("ordinary interview systems named in the head", () => {
  it.each([
    ["Design a view counter.", "I06"],
    ["Design a play count service for a podcast app with 60 million listens a day.", "I06"],
    ["Design live comments for a cooking show stream watched by 300,000 people at once.", "I05"],
    ["Design a notification inbox for a recipe site's 5 million members.", "I16"],
  ] as const)("%s leads with %s, as infrastructure", (prompt, id) => {
    const r = classify(prompt);
    expect(r.branch.kind).toBe("infra");
    expect(r.archetypes[0]?.id).toBe(id);
  });

  it("the same nouns outside the head name a part, not what is built", () => {
    // a counter named in a clause of a shop's product prompt does not make the shop a counting system
    const r = classify(
      "Design a recipe sharing app where members save recipes, follow cooks and see a view counter on each recipe.",
    );
    expect(r.branch.kind).not.toBe("infra");
  });
});

describe("a pair one of whose words only says when is a stray reading", () => {
  it.each([
    "Make sure a print request sent to our 40 office print servers comes out on just one of them each time.",
    "Give every shipment a label number that is unique across six warehouses without calling a central server each time.",
  ])("'each time' beside a fleet word draws no telemetry pipeline (%s)", (prompt) => {
    expect(ids(prompt)).not.toContain("I18");
    const nd = notDrawn(prompt).find((n) => n.id === "I18");
    expect(nd?.kinds).toContain("time-word");
    expect(nd?.because).toContain("only says when");
  });

  it("'one … at a time' says how many at once, and its pair still reads exclusivity", () => {
    const prompt =
      "Design a print queue where each document is leased to one printer at a time and returns to the queue when the printer stops acknowledging.";
    const i02 = classify(prompt).archetypes.find((a) => a.id === "I02");
    expect(i02?.basis).toContain("combo");
    expect(i02?.basis).not.toContain("time-word");
  });
});

describe("'notice' is the verb of detecting, not a message to a person", () => {
  it.each([
    "Every storage node must notice a failed disk within a minute and copy its chunks to healthy disks elsewhere.",
    "Keep a copy of each shop's price list near every checkout terminal and notice new prices within a minute.",
  ])("%s draws no outside-effect workflow", (prompt) => {
    expect(ids(prompt)).not.toContain("I12");
  });

  it("a message to a person stated in its own words still reads one", () => {
    const prompt =
      "When a parcel is delivered, send an email to its buyer exactly once, even if the mail provider times out.";
    expect(ids(prompt)).toContain("I12");
  });
});
