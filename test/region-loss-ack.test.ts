import { describe, expect, it } from "vitest";
import { design } from "../src/lib/index.js";

/**
 * "No acknowledged write is lost when one region goes down": a write acknowledged on one region's quorum and shipped
 * later dies with that region, so the acknowledgement waits on a majority of regions, and every part of the design
 * says so (the choice, the parts drawn, the figures, the rules, the failure row), never the shipping afterwards.
 */
describe("an acknowledged write that must outlive a whole region", () => {
  const prompts = [
    "Design multi-region replication for a customer account database in 5 regions so that no acknowledged write is lost when a region goes down.",
    "Design a replicated key-value store across 3 regions where no acknowledged write may be lost if a region fails.",
    "Design a settings store replicated over 4 regions; an acknowledged update must never be lost, even if a whole region is lost.",
  ];

  it("waits for a majority of regions before acknowledging, in every section", () => {
    for (const p of prompts) {
      const d = design(p);
      expect(d.decisions.find((x) => x.id === "i16-ack")?.chosen, p).toBe("sync");
      const ids = d.components.map((c) => c.id);
      // no stream ships acknowledged writes afterwards
      expect(ids, p).not.toContain("cross-region-replicator");
      expect(d.capacity.find((r) => r.id === "region_rpo_seconds")?.value, p).toBe(0);
      expect(
        d.capacity.find((r) => r.id === "cross_region_commit_seconds"),
        p,
      ).toBeDefined();
      expect(
        d.invariants.some((i) => /acknowledged only once a majority of regions hold it/.test(i.statement)),
        p,
      ).toBe(true);
      // no rule says the replicas of one record sit one per region beside a full cluster in every region
      expect(
        d.invariants.some((i) => /never two members in one region/.test(i.statement)),
        p,
      ).toBe(false);
      expect(d.context.regions, p).toMatch(/cross-region quorum round trip/);
      expect(d.context.regions, p).not.toMatch(/replicates asynchronously/);
      expect(d.failures.find((r) => /^Region cut off/.test(r.failure))?.repair, p).toMatch(
        /no acknowledged write is lost/,
      );
      expect(
        d.coherence.filter((c) => /regions-sync-and-async|default-weakens/.test(c.rule)),
        p,
      ).toEqual([]);
    }
  });

  it("keeps region-local acknowledgement where only serving through a region's loss is asked", () => {
    const d = design("Design a session store in 2 regions that keeps serving when one region goes down.");
    expect(d.decisions.find((x) => x.id === "i16-ack")?.chosen).toBe("local-sync");
    expect(d.components.map((c) => c.id)).toContain("cross-region-replicator");
  });
});
