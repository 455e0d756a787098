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
    "Build a service that tracks how many upvotes each comment has, 300k upvotes per second, totals visible within 3 seconds",
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
    // a count of likes combines its own +1 and -1 events (reaction-counter.test.ts); a view count windows outside events
    expect(names(d)).toMatch(/Stream aggregator|Combining aggregator/);
    expect(drawn(d)).not.toMatch(/alias swap|Projection store|stays searchable|Request coordinators|Partition map/);
    expect(d.api.map((a) => a.call).join("\n")).not.toMatch(/expected_version/);
  });

  it("names the key-value store the count store plays as covered, with the reason", () => {
    const d = design(n24);
    const lead = d.archetypes[0];
    // the head names a kind of system (a view counter) or the lead speaks of its subject
    expect(lead?.evidence[0]).toMatch(/speaks of its subject|in the head names a view counter/);
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

  it("records a like as an idempotent set-add of (item, person) that answers 'did I like it' and takes an unlike", () => {
    const d = design(n24);
    expect(d.nfrs.topics).toContain("reaction");
    expect(d.dataModel.find((m) => m.entity === "Reaction")?.key).toEqual(["key", "user_id"]);
    const calls = d.api.map((a) => a.call).join("\n");
    expect(calls).toMatch(/PUT \/v1\/items\/\{key\}\/likes\/\{user_id\}/);
    expect(calls).toMatch(/DELETE \/v1\/items\/\{key\}\/likes\/\{user_id\}/);
    expect(d.invariants.map((i) => i.statement).join("\n")).toMatch(/retried like moves no count/);
    // views are not a person's toggle: no like rows in a view counter
    expect(drawn(design("Design view counts for videos at 2M views/s"))).not.toContain("Reaction");
  });

  it("sizes the hot counter from the stated rate: combined adds, the hot key against one key's write limit", () => {
    const d = design(n24);
    const fig = (id: string) => d.capacity.find((r) => r.id === id);
    expect(fig("peak_events")?.value).toBe(5000000);
    // combining folds a flush's events into one add per key touched
    expect(fig("count_adds")?.value).toBeLessThan(5000000);
    // one write per like on the hottest post would be many times what one DynamoDB partition takes
    expect(fig("hot_key_uncombined")?.value).toBeGreaterThan(1);
    expect(fig("hot_key_adds")?.value).toBeLessThan(1000);
    expect(fig("count_visible_seconds")?.value).toBeLessThanOrEqual(5);
    // the first hotspot says why there is no read-compare-set on the hot path
    expect(d.bottlenecks[0]?.mitigation).toMatch(/never a read-compare-set/);
    expect(JSON.stringify(d)).not.toMatch(/100 thousand requests a second|expected_version/);
    expect(d.coherence).toEqual([]);
  });

  it("fits a tight freshness bound by holding the log lag and the add to their share of it", () => {
    const d = design("Show how many likes each photo has got, updated within 2 seconds");
    expect(d.nfrs.topics).toContain("shown-count");
    expect(d.capacity.find((r) => r.id === "count_visible_seconds")?.value).toBeLessThanOrEqual(2);
    expect(d.coherence).toEqual([]);
  });
});
