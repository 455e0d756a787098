import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { designTopicsSpoken } from "../src/knowledge/topics.js";

/**
 * A counter whose increments are the system's own writes (topic "reaction": a person's like, upvote or clap made
 * through its own API) draws none of the parts that exist for events reported from outside: no event sources and
 * collectors, no bot filter, no event-time windows or late events, no columnar analytics store, archive or recount.
 * Its truth is the reaction rows, its log is partitioned by item, each +1 is unique per (item, person), and its
 * reaction store and count reads are sized.
 */
const spoken = (prompt: string) => designTopicsSpoken(prompt, []).map((t) => t.value);
const ids = (d: ReturnType<typeof design>) => d.components.map((c) => c.id);
const figure = (d: ReturnType<typeof design>, id: string) => d.capacity.find((r) => r.id === id);
const chosen = (d: ReturnType<typeof design>, id: string) => d.decisions.find((r) => r.id === id)?.chosen;
const OUTSIDE = ["collectors", "fraud-filter", "olap", "raw-archive", "recount", "merger", "query-api", "readers"];

describe("a counter of people's own likes draws no analytics pipeline", () => {
  const likes = design(
    "Design a distributed counter service for likes on posts, handling 5 million increments per second with counts accurate within a few seconds.",
  );
  const claps = design(
    "Design a claps counter for articles on a blogging platform, 500,000 claps per second, counts visible within 10 seconds.",
  );
  const upvotes = design(
    "Design the upvote counter for comments on a discussion site: 200k upvotes and downvotes per second, scores shown within a few seconds.",
  );
  const views = design(
    "Design a view counter for videos handling 1 million views per second, with counts shown within 5 seconds.",
  );

  it("speaks of a shown count of reactions for likes, claps and upvotes, and not for views", () => {
    for (const d of [likes, claps, upvotes])
      expect(d.nfrs.topics).toEqual(expect.arrayContaining(["reaction", "shown-count"]));
    expect(spoken("Design a claps counter for articles")).toContain("shown-count");
    expect(views.nfrs.topics).not.toContain("reaction");
  });

  it("draws no event sources, collectors, bot filter, analytics store, archive or recount", () => {
    for (const d of [likes, claps, upvotes]) {
      for (const id of OUTSIDE) expect(ids(d)).not.toContain(id);
      expect(d.components.find((c) => c.id === "event-log")?.name).toMatch(/partitioned by item id/);
      expect(d.components.find((c) => c.id === "sources")?.name).not.toMatch(/players|browsers/);
      expect(d.decisions.map((r) => r.id)).not.toEqual(expect.arrayContaining(["i06-agg-time"]));
      expect(d.decisions.map((r) => r.id)).not.toContain("i06-agg-reconcile");
      expect(JSON.stringify(d.failures)).not.toMatch(
        /after their window closed|holds the watermark back|Bots or scripted/,
      );
      expect(JSON.stringify(d.diagrams)).not.toMatch(/Recount a closed hour|Close a window/);
    }
    // a view counter's views are reported by players from outside: its pipeline keeps them
    for (const id of ["collectors", "fraud-filter", "recount"]) expect(ids(views)).toContain(id);
  });

  it("keeps its truth in the reaction rows and counts each like exactly, not at least once", () => {
    expect(likes.primaryState[0]?.entity).toBe("Reaction");
    expect(likes.primaryState.map((p) => p.entity)).not.toContain("RawEvent");
    expect(chosen(likes, "i06-reaction-count")).toBe("row-exact");
    expect(likes.decisions.map((r) => r.id)).not.toContain("i06-agg-count");
    expect(chosen(views, "i06-agg-count")).toBe("at-least-once");
  });

  it("sizes the reaction store's writes and reads the counts far more often than likes are made", () => {
    expect(figure(likes, "reaction_writes")?.value).toBeGreaterThanOrEqual(5_000_000);
    expect(figure(likes, "hot_item_reaction_buckets")?.value).toBeGreaterThan(1);
    const reads = figure(likes, "count_reads")?.value ?? 0;
    expect(reads).toBeGreaterThanOrEqual(10 * 5_000_000);
    expect(figure(likes, "count_store_reads")?.value ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(reads * 0.011);
    expect(JSON.stringify(likes.technology)).toMatch(
      /Cassandra or ScyllaDB as the reaction store|DynamoDB as the reaction store/,
    );
  });

  it("says and sizes nothing of analytics windows: no range query, no window figures, a runtime of likes", () => {
    expect(likes.api.map((a) => a.operation)).not.toContain("query counts");
    for (const id of ["window_rows_per_day", "rollup_bytes", "query_rows", "window_final_seconds"])
      expect(figure(likes, id)).toBeUndefined();
    expect(JSON.stringify(likes.overlay)).toMatch(/Authoritative: the reaction rows/);
    expect(JSON.stringify(likes.overlay)).not.toMatch(/watermark/);
    expect(figure(views, "window_rows_per_day")).toBeDefined();
  });

  it("has no coherence problem", () => {
    expect(likes.coherence).toEqual([]);
  });
});
