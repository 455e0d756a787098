import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { topicsSpoken } from "../src/knowledge/topics.js";

const tier = (d: ReturnType<typeof design>) => d.components.find((c) => c.id.endsWith("remote-tier"));
const spoken = (p: string) => topicsSpoken(p).map((t) => t.value);

describe("a log kept for days or replayed from old offsets draws its remote tier", () => {
  it("is read from a stated retention, a replay or tiered storage, never from a bare duration", () => {
    expect(spoken("keeps messages for 7 days")).toContain("tiered-log");
    expect(spoken("consumers can replay events from the last week")).toContain("tiered-log");
    expect(spoken("with 30-day retention")).toContain("tiered-log");
    expect(spoken("a retention of 30 days")).toContain("tiered-log");
    expect(spoken("Design a rate limiter allowing 100 requests per 30 seconds")).not.toContain("tiered-log");
  });

  it("draws the object store and the brokers' copy of closed segments for a Kafka-like log", () => {
    for (const p of [
      "Design a distributed message queue like Kafka that ingests 3 GB/s, keeps messages for 7 days, and lets consumer groups replay from any offset.",
      "Design an event streaming platform where consumers can replay events from the last week",
    ]) {
      const d = design(p);
      expect(d.archetypes[0]?.id).toBe("I05");
      expect(tier(d)?.name).toMatch(/Object store/);
      expect(d.links.some((l) => l.to === tier(d)?.id && /closed segments/.test(l.label))).toBe(true);
      expect(d.coherence).toEqual([]);
    }
  });

  it("a work queue deletes what it delivered, so it draws no remote tier", () => {
    const d = design("Design a distributed message queue like SQS that keeps messages for 14 days");
    expect(tier(d)).toBeUndefined();
  });
});
