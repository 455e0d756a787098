import { describe, expect, it } from "vitest";
import { namesWholeSubject } from "../src/engine/recognize/subject.js";
import { design } from "../src/lib/index.js";

// A product's possessive names one part of it ("Twitter's home timeline"), unless what follows is the product's core
// ("Instagram's core features"), which is the product (engine/recognize/subject.ts CORE_OF).
describe("a named product's core is the whole product", () => {
  it("reads 'X's core features' and 'X's main functionality' as the whole subject", () => {
    expect(namesWholeSubject("Design Instagram's core features: posting photos and likes.", "Instagram", true)).toBe(
      true,
    );
    expect(namesWholeSubject("Design Uber's main functionality.", "Uber", true)).toBe(true);
    expect(namesWholeSubject("Design Twitter's home timeline", "Twitter", true)).toBe(false);
    expect(namesWholeSubject("Design Yelp's nearby search.", "Yelp", true)).toBe(false);
    // a core that is not the product's head stays a qualifier
    expect(namesWholeSubject("Design a feed ranker for Instagram's core features.", "Instagram", false)).toBe(false);
  });

  it("draws Instagram's core (media, feed, graph, counters) for its core features", () => {
    const d = design("Design Instagram's core features: posting photos, following people, likes and comments.");
    expect(d.features.map((f) => f.id)).toEqual(expect.arrayContaining(["media", "feed", "graph", "counters"]));
    expect(design("Design Twitter's home timeline").features.map((f) => f.id)).not.toContain("media");
  });
});
