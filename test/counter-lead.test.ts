import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { designTopicsSpoken } from "../src/knowledge/topics.js";

const spoken = (prompt: string) => designTopicsSpoken(prompt, []).map((t) => t.value);
const names = (d: ReturnType<typeof design>) => d.components.map((c) => c.name).join("\n");
const drawn = (d: ReturnType<typeof design>) =>
  JSON.stringify([d.components, d.links, d.api, d.dataModel, d.invariants, d.failures]);

describe("a counter the prompt asks for leads with the counting subject, not a general key-value store", () => {
  const n24 =
    "Design a distributed counter service for likes on posts, handling 5 million increments per second with counts accurate within a few seconds.";
  const paraphrases = [
    n24,
    "Design a like counter for TikTok videos",
    "Design a like counter for videos",
    "Design view counts for videos at 2M views/s",
    "Count page views per URL in near real time",
    "Design a distributed counter service for page views.",
  ];

  it("speaks of a shown count from a counter of likes, views or reactions", () => {
    for (const p of paraphrases) expect(spoken(p)).toEqual(expect.arrayContaining(["shown-count", "aggregation"]));
    expect(spoken("Design a reactions counter for a chat app")).toContain("shown-count");
    // a counter with no counted events is no shown count
    expect(spoken("Design a distributed rate limiter with a counter per API key")).not.toContain("shown-count");
  });

  it.each(paraphrases)("draws the running total, its cache and the aggregators, with no projection or CAS: %s", (p) => {
    const d = design(p);
    expect(d.archetypes[0]?.id).toBe("I06");
    expect(d.nfrs.topics).toContain("shown-count");
    expect(names(d)).toMatch(/Count store/);
    expect(names(d)).toMatch(/Count cache/);
    expect(names(d)).toMatch(/Stream aggregator/);
    expect(drawn(d)).not.toMatch(/alias swap|Projection store|stays searchable|Request coordinators|Partition map/);
    expect(d.api.map((a) => a.call).join("\n")).not.toMatch(/expected_version/);
  });

  it("names the key-value store the count store plays as covered, with the reason", () => {
    const d = design(n24);
    const lead = d.archetypes[0];
    expect(lead?.evidence[0]).toMatch(/speaks of its subject/);
    expect(lead?.covers?.map((c) => c.id)).toContain("I16");
  });

  it("keeps the replicated key-value store where writes are taken in every region and merged", () => {
    const d = design("Keep a like counter per post that accepts increments in every region and never loses one.");
    expect(d.archetypes[0]?.id).toBe("I16");
  });

  it("leaves the rate limiter, the leaderboard and the trending ranking their own designs", () => {
    expect(design("Design a distributed rate limiter with a counter per API key").archetypes[0]?.id).toBe("I08");
    const board = design("Design a real-time leaderboard for a game with 10 million players");
    expect(board.nfrs.topics).toContain("leaderboard");
    expect(names(board)).toMatch(/Ranking index/);
    const trending = design("Design a system that shows the top 10 trending hashtags over the last hour");
    expect(trending.nfrs.topics).toContain("top-k");
    expect(trending.nfrs.topics).not.toContain("shown-count");
  });
});
