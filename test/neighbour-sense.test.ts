import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { sameFamily } from "../src/engine/recognize/match.js";

// A neighbour joins only in its own sense (the sequel to neighbour-join.test.ts): a word's family needs its real form,
// a rate is no time bound, money joins where the prompt speaks of it, a named product's other features where asked.
const ids = (p: string) => design(p).archetypes.map((a) => a.id);

describe("a quality noun made with '-ness' is not the bare word it is made from", () => {
  it("sameFamily tells the quality from the word", () => {
    expect(sameFamily("live", "liveness")).toBe(false);
    expect(sameFamily("businesses", "busy")).toBe(false);
    expect(sameFamily("liveness", "liveness")).toBe(true);
    expect(sameFamily("queued", "queue")).toBe(true);
    expect(sameFamily("politely", "politeness")).toBe(true);
  });
  it("'live' audio, sports or auctions bring no liveness registry", () => {
    for (const p of [
      "Design a live audio streaming service where one host reaches 100,000 listeners.",
      "Design a live audio rooms app like Clubhouse.",
      "Design a live sports score service that pushes scores to 10 million fans.",
      "Design a live auction service where bidders see each new bid within 1 second.",
    ])
      expect(ids(p), p).not.toContain("I10");
  });
  it("liveness, said as itself, still does", () => {
    expect(ids("Design a failure detector that tracks node liveness across 5,000 servers.")[0]).toBe("I10");
    expect(ids("Design a service registry that tracks which instances are live.")[0]).toBe("I10");
  });
});

describe("a 'within' that bounds a radius is no freshness bound on a rate's second", () => {
  const entities = (p: string) => design(p).dataModel.map((e) => e.entity);
  it("a rate per second beside places within a radius draws no change-capture pipeline", () => {
    for (const p of [
      "Design a nearby places service like Yelp that answers 100,000 queries per second for businesses within a given radius out of 200 million places.",
      "Design a store locator that answers 5,000 lookups per second for shops within 10 km of a user.",
    ]) {
      expect(entities(p), p).not.toContain("ChangeEvent");
      expect(entities(p), p).not.toContain("ProjectorCheckpoint");
    }
  });
  it("a deadline on a unit of time still asks for a fresh index", () => {
    for (const p of [
      "Design a product search where a new listing is searchable within 10 seconds.",
      "Design a job board where new postings show up in search within a few seconds.",
    ])
      expect(ids(p)[0], p).toBe("I06");
  });
});
