import { describe, expect, it } from "vitest";
import { optionsCarried } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";
import { namedByPrompt } from "../src/engine/fields/decisions.js";
import { FEATURE_BY_ID } from "../src/knowledge/features/index.js";

const chosen = (d: ReturnType<typeof design>, point: string) => {
  const row = d.decisions.find((r) => r.id === point);
  return row?.options.find((o) => o.id === row.chosen)?.id;
};

describe("a chosen option is carried through and a rejected one is not drawn (option-not-carried)", () => {
  it("a due-time release draws the log it hands runs to, and claims in the store where it draws none", () => {
    // a delayed message service's own messages are not a log (the neighbour-join rule): with no log to release onto,
    // its peak claim writes stay in the run store's shards, never a release onto a log it does not draw
    const delayed = design(
      "Design a delayed message service where producers schedule 1 billion messages a day for delivery at a chosen future time, and each message is delivered within 1 second of its time and never before it.",
    );
    expect(delayed.archetypes.map((a) => a.id)).not.toContain("I05");
    expect(chosen(delayed, "i03-handoff")).toBe("claim-in-store");
    expect(optionsCarried(delayed)).toEqual([]);
    const flipped = delayed.decisions.map((r) => (r.id === "i03-handoff" ? { ...r, chosen: "release-to-queue" } : r));
    expect(optionsCarried({ ...delayed, decisions: flipped }).map((x) => x.detail)).toContainEqual(
      expect.stringMatching(/draws no I05/),
    );
    for (const p of ["Design a delayed task queue that fires reminders at a scheduled time."]) {
      const d = design(p);
      expect(
        d.archetypes.map((a) => a.id),
        p,
      ).toContain("I05");
      expect(chosen(d, "i03-handoff"), p).toBe("release-to-queue");
      expect(optionsCarried(d), p).toEqual([]);
    }
  });

  it("flags a log drawn beside claims in the run store", () => {
    const d = design("Design a delayed task queue that fires reminders at a scheduled time.");
    const decisions = d.decisions.map((r) => (r.id === "i03-handoff" ? { ...r, chosen: "claim-in-store" } : r));
    expect(optionsCarried({ ...d, decisions }).map((p) => p.detail)).toEqual([
      expect.stringMatching(/draws I05, which only 'a releaser moves due runs onto a log/),
    ]);
  });

  it("a due-time release with no log asked for claims in the store and draws none", () => {
    const d = design("Design a reminder service that never fires a reminder early, for 20 million reminders a day.");
    expect(d.archetypes.map((a) => a.id)).not.toContain("I05");
    expect(chosen(d, "i03-handoff")).toBe("claim-in-store");
  });

  it("a quadtree chosen names the index a quadtree and shows no fixed-cell search area", () => {
    for (const p of [
      "Design a nearby places service like Yelp that answers 100,000 queries per second for businesses within a given radius out of 200 million places.",
      "Design a geo search for 50 million parking spots using a quadtree.",
    ]) {
      const d = design(p);
      expect(chosen(d, "geo-index"), p).toBe("quadtree");
      expect(d.components.find((c) => c.id === "geo-index")?.name, p).toMatch(/^Quadtree index/);
      expect(
        d.capacity.map((c) => c.id),
        p,
      ).not.toContain("search_area_km2");
      expect(
        d.coherence.filter((x) => x.rule === "flip-condition-holds"),
        p,
      ).toEqual([]);
    }
    // moving objects keep fixed cells and the search area of the point's cell and its eight neighbours
    const moving = design(
      "Design a nearby drivers service for 1 million drivers sending their location every 4 seconds.",
    );
    expect(chosen(moving, "geo-index")).toBe("geohash");
    expect(moving.capacity.map((c) => c.id)).toContain("search_area_km2");
  });

  it("an option the prompt asks for by name is chosen, and only one so named", () => {
    const point = FEATURE_BY_ID.get("proximity")?.decisions?.find((p) => p.id === "geo-index");
    if (!point) throw new Error("no geo-index point");
    expect(namedByPrompt(point, "a search over spots using a quadtree")?.option.id).toBe("quadtree");
    expect(namedByPrompt(point, "a search built on geohash cells")?.option.id).toBe("geohash");
    expect(namedByPrompt(point, "a quadtree or geohash, whichever")).toBeUndefined();
  });

  it("an artifact registry's own CDN edge is its only edge tier: no second cache tier or purge plane", () => {
    for (const p of [
      "Design a package registry like npm that serves 100,000 downloads per second worldwide, where a published version can never be changed or overwritten.",
      "Design an artifact repository where a released build is immutable, serving 20,000 downloads per second worldwide.",
    ]) {
      const d = design(p);
      expect(
        d.archetypes.map((a) => a.id),
        p,
      ).not.toContain("I07");
      expect(
        d.components.map((c) => c.id),
        p,
      ).toContain("cdn-edge");
      expect(
        d.components.some((c) => /purge/i.test(c.name)),
        p,
      ).toBe(false);
      expect(d.coherence, p).toEqual([]);
    }
    // a prompt that asks for purges keeps the edge-cache archetype
    const purged = design(
      "Design a package registry like npm with 100,000 downloads per second, where mirrors purge yanked packages.",
    );
    expect(purged.archetypes.map((a) => a.id)).toContain("I07");
  });
});
