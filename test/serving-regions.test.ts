import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";

describe("a latency target below one round trip between regions decides where reads are served", () => {
  const tight = design("Design a search autocomplete service answering 100,000 queries per second within 50 ms");

  it("serves a read that comes from a copy from a region near each group of readers, with its reason", () => {
    expect(tight.nfrs.regions).toBe(1);
    expect(tight.context.servingRegions?.value).toBe(3);
    expect(tight.context.servingRegions?.because).toMatch(
      /'within 50 ms' is below the worst round trip between two regions of one continent \(.*72 ms.*\), so one region cannot answer its farthest readers/,
    );
    expect(tight.context.servingRegions?.because).toMatch(/72 ms/);
    expect(tight.context.regions).toMatch(/^the read path is served from 3 regions/);
    expect(tight.coherence).toEqual([]);
  });

  it("leaves a target one region meets, a target only in-region callers meet and a stated region count alone", () => {
    const loose = design(
      "Design the Instagram news feed for 500 million daily users, with the feed loading in under 200 ms",
    );
    expect(loose.context.servingRegions).toBeUndefined();
    const inRegion = design("Design a search autocomplete service answering 100,000 queries per second within 5 ms");
    expect(inRegion.context.servingRegions).toBeUndefined();
    const stated = design(
      "Design a search autocomplete service answering 100,000 queries per second within 50 ms, deployed in 4 regions",
    );
    expect(stated.context.servingRegions).toBeUndefined();
  });

  it("flags a design that answers such a target from one region", () => {
    const one = structuredClone(tight);
    delete one.context.servingRegions;
    expect(checkCoherence(one).map((p) => p.rule)).toContain("latency-beyond-one-region");
  });
});
