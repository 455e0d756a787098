import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";
import { designTopicsSpoken } from "../src/knowledge/topics.js";
import { writeScript } from "../src/render/script/index.js";

const spoken = (prompt: string) => designTopicsSpoken(prompt, []).map((t) => t.value);
const chosen = (d: ReturnType<typeof design>, id: string) => d.decisions.find((r) => r.id === id)?.chosen;
const figure = (d: ReturnType<typeof design>, id: string) => d.capacity.find((r) => r.id === id);
const drawn = (d: ReturnType<typeof design>) =>
  JSON.stringify([d.components, d.links, d.api, d.dataModel, d.failures, d.decisions]);

describe("a count shown beside the thing counted is a running total served through a cache", () => {
  const views = design(
    "Design a view counter for videos: 1 million increments per second, counts visible within 10 seconds",
  );
  const likes = design(
    "Design a like counter for posts: 200,000 likes per second, like counts visible within 5 seconds",
  );
  const plays = design(
    "Count song plays for a music service: 500,000 plays per second, play counters shown on each song, artists paid royalties per play",
  );
  const clicks = design(
    "Design an ad click aggregator: 1 million clicks per second, clicks per ad per minute for billing advertisers",
  );

  it("is spoken only where the prompt counts events and shows the count", () => {
    expect(spoken("Design a view counter for YouTube videos")).toEqual(
      expect.arrayContaining(["shown-count", "aggregation"]),
    );
    // a counter with no counted events (a rate limiter's counter) is no shown count
    expect(spoken("Design a distributed rate limiter with a counter per API key")).not.toContain("shown-count");
    expect(spoken("Design an ad click aggregator with counts per campaign per minute")).not.toContain("shown-count");
  });

  it("keeps one running total per key in a store that a read path reads through a cache", () => {
    for (const d of [views, likes, plays]) {
      expect(d.nfrs.topics).toContain("shown-count");
      const store = d.components.find((c) => c.holds.includes("RunningTotal"));
      expect(store?.name).toMatch(/Count store/);
      expect(d.components.some((c) => c.kind === "cache" && /Count cache/.test(c.name))).toBe(true);
      expect(d.readPaths.some((r) => r.entity === "RunningTotal")).toBe(true);
      expect(d.dataModel.find((m) => m.entity === "RunningTotal")?.key).toEqual(["key", "sub_counter"]);
      expect(d.invariants.map((i) => i.statement).join("\n")).toMatch(/RunningTotal at most once, by its batch id/);
    }
    // an ad-click aggregation keeps its windowed, billed shape with no running total
    expect(drawn(clicks)).not.toContain("RunningTotal");
    expect(clicks.components.map((c) => c.name)).toContain("Dashboards, billing and advertisers");
  });

  it("meets a stated freshness end to end: flush + log lag + add + cache time to live within the bound", () => {
    const visible = figure(views, "count_visible_seconds");
    expect(visible?.formula).toContain("flush_seconds + log_lag_seconds + apply_seconds + cache_ttl_seconds");
    expect(visible?.bound).toEqual({ quantity: "propagation_seconds", value: 10 });
    expect(visible?.value).toBeLessThanOrEqual(10);
    expect(figure(likes, "count_visible_seconds")?.value).toBeLessThanOrEqual(5);
    // the windows feed analytics, so they keep their minute instead of shrinking to the bound
    expect(views.capacity.find((r) => r.id === "window_final_seconds")?.value).toBe(62);
    // the budget is said aloud, part by part, against the stated bound
    expect(JSON.stringify(writeScript(views, { minutes: 45 }))).toMatch(
      /shown count is 2\.5 seconds of batching, plus 1 second of log lag, plus 1 second to apply, plus 2\.5 seconds in the cache/,
    );
    // every page view reads the count: reads run at the counted rate
    expect(figure(views, "count_reads")?.value).toBe(1000000);
  });

  it("sizes the keys from the counted items, never from an ad platform's campaigns", () => {
    const keys = (d: ReturnType<typeof design>) => JSON.stringify(d.trace).match(/keys = [^"]*/)?.[0] ?? "";
    expect(drawn(views)).not.toMatch(/advertiser|ad servers|campaigns and ads/);
    expect(keys(views)).not.toMatch(/campaign/);
  });

  it("takes the dedupe stance from the prompt's words: shown counts tolerate a small over-count, billed ones do not", () => {
    expect(chosen(views, "i06-agg-count")).toBe("at-least-once");
    // a count of people's own likes is exact through its (item, person) row (reaction-counter.test.ts)
    expect(chosen(likes, "i06-reaction-count")).toBe("row-exact");
    expect(chosen(plays, "i06-agg-count")).toBe("exact");
    expect(chosen(clicks, "i06-agg-count")).toBe("exact");
    expect(clicks.decisions.find((r) => r.id === "i06-agg-count")?.because).toMatch(/billed/);
  });

  it("has no coherence problem, and the shape rule catches a shown count with no serving store", () => {
    for (const d of [views, likes, plays, clicks]) expect(d.coherence).toEqual([]);
    const broken = structuredClone(views);
    broken.components = broken.components.filter((c) => !c.holds.includes("RunningTotal"));
    broken.readPaths = broken.readPaths.filter((r) => r.entity !== "RunningTotal");
    broken.capacity = broken.capacity.filter((r) => r.id !== "count_reads");
    const details = checkCoherence(broken)
      .filter((p) => p.rule === "shown-count-shape")
      .map((p) => p.detail)
      .join("\n");
    expect(details).toMatch(/no component holds RunningTotal[\s\S]*no read path[\s\S]*count_reads/);
    // a time to a shown count past the stated bound is caught by the bound rule
    const slow = structuredClone(views);
    const row = slow.capacity.find((r) => r.id === "count_visible_seconds");
    if (row) row.value = 14;
    expect(checkCoherence(slow).some((p) => p.rule === "stated-bound-exceeded")).toBe(true);
  });
});
