import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { type Design, deriveDesign } from "../src/engine/design/design.js";

const design = (p: string, overrides: string[] = []): Design => {
  const r = deriveDesign(p, overrides);
  if (!r.ok) throw new Error(r.error);
  return r.design;
};

const TRENDING = "Design a system that counts hashtag events and shows the top 100 hashtags of the last hour";

describe("the k most counted keys of a recent window (topic top-k)", () => {
  it("ranks each partition's own top k and merges them every minute, from counts kept per minute", () => {
    const d = design(TRENDING);
    expect(d.nfrs.topics).toEqual(expect.arrayContaining(["top-k", "aggregation"]));
    expect(d.operations.map((o) => o.entity)).toContain("RankingSnapshot");
    expect(d.components.some((c) => /top-k ranker/i.test(c.name))).toBe(true);
    expect(d.api.some((a) => a.call.startsWith("GET /v1/top"))).toBe(true);
    expect(d.invariants.some((i) => /union of the partitions' own top k/.test(i.statement))).toBe(true);
    expect(d.nfrs.scale.top_k).toBe(100);
    expect(d.decisions.find((x) => x.id === "i06-topk-count")?.chosen).toBe("exact-per-key");
    expect(checkCoherence(d).map((p) => p.rule)).not.toContain("stated-number-unread");
  });

  it("estimates with a sketch and a heap when the window's distinct keys would not fit as counters", () => {
    const d = design(TRENDING, ["scale.distinct_keys_per_window=500000000"]);
    expect(d.decisions.find((x) => x.id === "i06-topk-count")?.chosen).toBe("sketch-and-heap");
  });

  it("counting without a ranking keeps no top-k parts", () => {
    const d = design("Design a real-time ad click aggregator that counts 1 million clicks per second per campaign");
    expect(d.nfrs.topics ?? []).not.toContain("top-k");
    expect(d.operations.map((o) => o.entity)).not.toContain("RankingSnapshot");
  });
});
