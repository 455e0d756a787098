import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";
import { designTopicsSpoken } from "../src/knowledge/topics.js";

/** Everything a design draws, as one text. */
const drawn = (d: ReturnType<typeof design>) =>
  JSON.stringify([d.components, d.links, d.api, d.dataModel, d.diagrams, d.technology]);

describe("a projection whose subject is counting events is a windowed aggregation", () => {
  const follows = design(
    "Design a materialized view service that keeps per-user follower counts up to date from a follow-events stream",
  );
  const clicks = design(
    "Design a materialized view service that keeps per-campaign click counts up to date from a click-event stream, with 200,000 clicks per second per key",
  );
  const search = design("Design a search index for a product catalogue kept in sync by change data capture");

  it("speaks of the subject from the prompt's own words, never from a product's features", () => {
    expect(follows.nfrs.topics).toContain("aggregation");
    expect(clicks.nfrs.topics).toContain("aggregation");
    expect(search.nfrs.topics ?? []).not.toContain("aggregation");
    expect(
      designTopicsSpoken("Design Twitter.", [{ name: "likes", actions: ["count likes per post"] }]).map((t) => t.value),
    ).not.toContain("aggregation");
    expect(designTopicsSpoken("Design an ad click aggregator", []).map((t) => t.value)).toContain("aggregation");
  });

  it("draws an event log keyed by event id, a fraud filter, a windowed aggregator, a merger, an OLAP store and a recount", () => {
    const names = follows.components.map((c) => c.name).join("\n");
    for (const part of [
      "Event log",
      "fraud filter",
      "tumbling windows, watermark",
      "Partial merger",
      "Analytics store",
      "Batch recount",
    ])
      expect(names, part).toContain(part);
    expect(follows.api.map((a) => a.operation)).toEqual(expect.arrayContaining(["record event", "query counts"]));
    const table = (e: string) => follows.dataModel.find((m) => m.entity === e);
    expect(table("RawEvent")?.key).toEqual(["event_id"]);
    expect(table("WindowCount")?.key).toEqual(["key", "window_start"]);
    expect(follows.primaryState[0]?.entity).toBe("RawEvent");
  });

  it("draws none of the record-by-record projection", () => {
    const text = drawn(follows);
    for (const gone of ["SourceRecord", "IndexDocument", "IndexAlias", "Rebuilder", "GET /v1/search"])
      expect(text, gone).not.toContain(gone);
    expect(follows.decisions.map((r) => r.id)).not.toContain("i06-sharding");
    // the search index keeps its own shape
    expect(drawn(search)).toContain("IndexDocument");
    expect(drawn(search)).not.toContain("WindowCount");
  });

  it("leads with counting each event id once, and decides exactness, windows and reconciliation", () => {
    expect(follows.invariants[0]?.statement).toMatch(/at most once, by its event id/);
    const chosen = (d: typeof follows, id: string) => d.decisions.find((r) => r.id === id)?.chosen;
    expect(chosen(follows, "i06-agg-count")).toBe("exact");
    expect(chosen(follows, "i06-agg-time")).toBe("event-time");
    expect(chosen(follows, "i06-agg-reconcile")).toBe("batch-recount");
  });

  it("sizes the hottest key from a stated per-key rate, which splits it over salts", () => {
    expect(clicks.bottlenecks[0]?.bottleneck).toMatch(/hottest key/);
    expect(clicks.capacity.find((r) => r.id === "hot_key_events")?.value).toBe(200000);
    expect(clicks.decisions.find((r) => r.id === "i06-agg-hot-key")?.chosen).toBe("salted");
    // without a stated per-key rate nothing shows the hottest key fits one task, so the design keeps the salted
    // partial counts it draws (one task per key is chosen only when the prompt's own per-key rate fits one)
    expect(follows.decisions.find((r) => r.id === "i06-agg-hot-key")?.chosen).toBe("salted");
  });

  it("has no coherence problem, and the shape rule catches a design that loses a part", () => {
    expect(follows.coherence).toEqual([]);
    expect(clicks.coherence).toEqual([]);
    const broken = structuredClone(follows);
    // every windowed record lost (the window totals, and the partial counts an operation names beside them)
    broken.dataModel = broken.dataModel.filter((m) => !m.key.includes("window_start"));
    broken.capacity = broken.capacity.filter((r) => r.id !== "hot_key_events");
    const rules = checkCoherence(broken).filter((p) => p.rule === "aggregation-shape");
    expect(rules.map((p) => p.detail).join("\n")).toMatch(/window_start[\s\S]*hot_key_events/);
  });
});
