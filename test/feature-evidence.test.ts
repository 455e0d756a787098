import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { featureStrayOnly, wordUse } from "../src/engine/product/feature-evidence.js";
import { objectOf, recognizeProduct } from "../src/engine/product/recognize.js";
import { tokenize } from "../src/engine/recognize/tokens.js";

const ids = (prompt: string) => recognizeProduct(prompt).features.map((f) => f.feature.id);
const notDrawn = (prompt: string) => recognizeProduct(prompt).notDrawn.map((n) => n.id);
/** How the prompt uses its first token with this raw word. */
const use = (prompt: string, raw: string) => {
  const tokens = tokenize(prompt);
  return wordUse(
    prompt,
    tokens,
    tokens.findIndex((t) => t.raw === raw),
  );
};

describe("how a one-word feature signal is used", () => {
  it("reads a noun after a determiner, a listing verb or inside a compound", () => {
    expect(use("Design a library app: branches list their books and members borrow them.", "books")).toBe("noun");
    expect(use("Design a market where sellers list books with a price.", "books")).toBe("noun");
    expect(use("Design a used-book marketplace for a campus.", "book")).toBe("noun");
  });
  it("reads an act from a verb with its object, a modal or auxiliary, a plural subject or a coordinated phrase", () => {
    expect(use("Design an app where diners book a table for tonight.", "book")).toBe("act");
    expect(use("Design an app where a table is never booked twice.", "booked")).toBe("act");
    expect(use("Design a gym app where members book classes.", "book")).toBe("act");
    expect(use("Design a site where owners find walkers, book dates and leave tips.", "book")).toBe("act");
  });
});

describe("the feature evidence bar", () => {
  it("does not draw a feature read only from a noun that shares its stem", () => {
    // "books" on a shelf is no booking; the bar names it, with why
    const p = "Design a reading log where people shelve books, set a yearly goal and follow friends.";
    expect(ids(p)).not.toContain("booking");
    expect(notDrawn(p)).toContain("booking");
    const row = recognizeProduct(p).notDrawn.find((n) => n.id === "booking");
    expect(row?.because).toContain("'books' (as 'booking')");
    expect(row?.kinds).toEqual(["word"]);
  });
  it("keeps a feature stated as an operation, in the head, in a list in its own form, or by a phrase", () => {
    expect(ids("Design a gym app where members book classes and pay monthly.")).toContain("booking");
    expect(ids("Design a desk booking app for offices.")).toContain("booking");
    expect(ids("Design a travel site with search, photos and reviews.")).toEqual(
      expect.arrayContaining(["search", "reviews"]),
    );
  });
  it("does not read a place word alone as its feature", () => {
    const p = "Design the booking website for a restaurant group: guests pick a time and party size.";
    expect(ids(p)).not.toContain("fulfilment");
  });
  it("is a bar on the word kind only", () => {
    expect(featureStrayOnly(["word"])).toBe(true);
    expect(featureStrayOnly(["named", "word"])).toBe(false);
    expect(featureStrayOnly([])).toBe(false);
  });
  it("names a not-drawn feature on the design's first archetype row", () => {
    const d = design(
      "Design a reading log app where people shelve books, set a yearly goal and see friends' progress.",
    );
    expect(d.features.map((f) => f.id)).not.toContain("booking");
    expect(d.archetypes[0]?.featuresNotDrawn?.map((n) => n.id)).toContain("booking");
  });
});

describe("the prompt's own nouns for a feature's terms", () => {
  it("skips a determiner and a counted modifier before the object", () => {
    expect(objectOf("patients book a 20-minute slot", ["book"])).toBe("slot");
  });
  it("reads no noun from the end of a compound", () => {
    const r = recognizeProduct(
      "Design a court booking app: players book a court for an hour, and a no-show fee is charged.",
    );
    const booking = r.features.find((f) => f.feature.id === "booking");
    expect(booking?.promptTerms.slot).toBeUndefined();
    expect(booking?.promptTerms.item).toBe("court");
  });
});
