import { describe, expect, it } from "vitest";
import { design } from "../src/lib/index.js";

/**
 * A bound on choosing a new leader or primary after a failure is a failover bound: it is read as failover_seconds
 * with the failure it counts from, carried by the failover figures, and never read as a change reaching every copy
 * (a "must never have two primaries" clause before it is no arrival verb).
 */
describe("a failover bound said after a one-leader rule", () => {
  const prompts = [
    "Design leader election for 200 Postgres shards: a shard must never have two primaries, and a new primary must be picked within 5 seconds of a crash.",
    "Build a primary election service for 1,000 partitions; there must never be two leaders for one partition and a new leader must be elected within 15 seconds after the old one fails.",
    "A coordinator for 50 MySQL clusters where each cluster must never have two masters at once, and a new master must be chosen within 20 seconds of a failure.",
  ];
  for (const p of prompts)
    it(p, () => {
      const d = design(p);
      expect(d.invariants.some((i) => /Every copy applies a change within/.test(i.statement))).toBe(false);
      expect(d.coherence.some((c) => c.rule === "requirement-not-carried")).toBe(false);
      const failover = d.capacity.flatMap((f) => f.inputs).find((i) => i.name === "failover_seconds");
      expect(failover?.source).toBe("stated");
    });

  it("still reads a change that must reach every copy within a time as that bound", () => {
    const d = design("Design a config service: a change must reach every one of 5,000 servers within 30 seconds.");
    expect(d.invariants.some((i) => /Every copy applies a change within 30 seconds/.test(i.statement))).toBe(true);
  });
});
