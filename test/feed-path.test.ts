import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { type Design, design, writeScript } from "../src/lib/index.js";

const NEWS =
  "Design a news feed for a social network with 500 million daily users where a new post from a followed account shows up within 5 seconds.";
const TIMELINE =
  "Design a Twitter-like home timeline where a tweet appears in followers' timelines within 3 seconds for 300 million users.";
const INSTA = "Design an Instagram-like photo feed for 1 billion users.";
const WITH_SEARCH = "Design a social network with a news feed, post search and likes for 200 million users.";

const figure = (d: Design, id: string) => d.capacity.find((c) => c.id === id);

describe("a feed's freshness is sized over its own path, not a search index's", () => {
  for (const p of [NEWS, TIMELINE, INSTA]) {
    it(`no index, term or refresh leftovers: ${p.slice(0, 40)}`, () => {
      const d = design(p);
      // the feed's per-reader lists are the projection: no index decisions, refresh interval or index rebuild
      expect(d.decisions.map((x) => x.id).filter((id) => id.startsWith("i06-"))).toEqual([]);
      expect(figure(d, "copy_fresh_seconds")).toBeUndefined();
      expect(JSON.stringify(d.capacity)).not.toContain("refresh_seconds");
      expect(JSON.stringify(d.bottlenecks)).not.toMatch(/refresh disabled|index shard/);
      expect(JSON.stringify(d.diagrams)).not.toContain("IndexDocument");
      expect(d.overlay.map((o) => o.archetype)).not.toContain("I06");
      // the path's stages: relay lag + post-log lag + the push to an author at the celebrity threshold
      const visible = figure(d, "post_visible_seconds");
      expect(visible?.formula).toContain("fanout_seconds");
      expect(figure(d, "celebrity_threshold")?.value).toBeGreaterThan(0);
    });
  }

  it("a stated bound sets the push time, and the threshold follows from it", () => {
    const five = design(NEWS);
    const three = design(TIMELINE);
    const v5 = figure(five, "post_visible_seconds")?.value ?? 0;
    const v3 = figure(three, "post_visible_seconds")?.value ?? 0;
    expect(v5).toBeLessThanOrEqual(5 * 0.7 + 1e-9);
    expect(v3).toBeLessThanOrEqual(3 * 0.7 + 1e-9);
    expect(figure(three, "celebrity_threshold")?.value ?? 0).toBeLessThan(
      figure(five, "celebrity_threshold")?.value ?? 0,
    );
    expect(checkCoherence(five).filter((h) => h.rule === "stated-number-unused")).toEqual([]);
    const spoken = writeScript(five, {})
      .steps.flatMap((s) => s.lines.map((l) => l.text))
      .join(" ");
    expect(spoken).not.toMatch(/refresh|write the index/);
    expect(spoken).toMatch(/push the post to every follower's list/);
  });

  it("a product that also searches its posts keeps the index's own decisions", () => {
    const d = design(WITH_SEARCH);
    expect(d.decisions.map((x) => x.id)).toContain("i06-sharding");
  });
});
