import { describe, expect, it } from "vitest";
import { design } from "../src/lib/index.js";

/**
 * A multi-region design keeps its own durability choice everywhere: where a write waits for a majority of regions, no
 * call lets a caller ask for less, stand-ins never count, a cut-off region refuses writes, the majority is counted in
 * regions and its round trip is the majority-th nearest region's; an id generator across data centres splits the id
 * space by region instead of merging one lease store between regions.
 */
describe("a write that must outlive a region, said the same way in every section", () => {
  const prompts = [
    "Design a replicated account settings store across 4 regions; an acknowledged update must never be lost if a whole region fails.",
    "Build cross-region replication for a customer preferences database in four regions so no acknowledged write is lost when a region goes down.",
    "Design a key-value store for user records spread over 4 regions where no acknowledged write may be lost if one region is lost.",
  ];

  it("offers no weaker acknowledgement, counts no stand-ins and refuses writes in a cut-off region", () => {
    for (const p of prompts) {
      const d = design(p);
      expect(d.nfrs.regions, p).toBe(4);
      const writes = d.api.filter((a) => !/^GET\b/.test(a.call));
      expect(
        d.api.filter((a) => /consistency=one/.test(a.call)),
        p,
      ).toEqual([]);
      expect(
        writes.filter((a) => /W of N/.test(a.guarantee)),
        p,
      ).toEqual([]);
      expect(
        d.failures.filter((r) => /stand-ins count toward W/.test(r.prevention)),
        p,
      ).toEqual([]);
      expect(d.context.failureStance, p).toMatch(/refuses writes/);
      expect(d.context.failureStance, p).not.toMatch(/^stays up/);
      const commit = d.capacity.find((r) => r.id === "cross_region_commit_seconds");
      expect(commit?.quantity, p).toMatch(/3 of 4/);
      expect(commit?.quantity, p).toMatch(/second-nearest/);
      const seq = JSON.stringify(d.diagrams);
      expect(seq, p).not.toMatch(/2 of 3 copies/);
      expect(seq, p).toMatch(/3 of 4 regions/);
    }
  });

  it("names Cassandra's level for a majority of regions and DynamoDB's global tables as they are", () => {
    const d = design(prompts[1] as string);
    const storage = d.technology.find((t) => t.choices.some((c) => /Cassandra/.test(c.product)));
    const why = storage?.choices.find((c) => /Cassandra/.test(c.product))?.why;
    expect(why).toMatch(/QUORUM/);
    expect(why).toMatch(/never LOCAL_QUORUM/);
    expect(storage?.runnerUp?.product).toMatch(/DynamoDB/);
    expect(storage?.runnerUp?.why).not.toMatch(/leader's region/);
    expect(storage?.runnerUp?.why).toMatch(/last writer wins/);
  });
});

describe("an id generator across data centres", () => {
  const prompts = [
    "Design a unique ID service handing out 64-bit, time-sortable ids at 1 million per second across 5 data centres; no id may ever repeat.",
    "Build a distributed id generator for 4 datacenters producing 64-bit k-sorted identifiers, 500k per second, never a duplicate.",
    "Design a Snowflake-like 64-bit identifier generator running in 3 regions at 300,000 ids per second; ids must be unique.",
  ];

  it("splits the id space by region and replicates no lease store between regions", () => {
    for (const p of prompts) {
      const d = design(p);
      expect(d.nfrs.regions, p).toBeGreaterThan(1);
      const ids = d.components.map((c) => c.id);
      expect(ids, p).not.toContain("cross-region-replicator");
      expect(
        d.capacity.filter((r) => /^(?:region_rpo_seconds|cross_region_lag_seconds)$/.test(r.id)),
        p,
      ).toEqual([]);
      expect(d.context.regions, p).toMatch(/data-centre id/);
      expect(
        d.failures.filter((r) => /failover promotes a replica/.test(r.failure)),
        p,
      ).toEqual([]);
      expect(d.components.find((c) => c.id === "id-generators")?.name, p).not.toMatch(/stateless/);
      expect(
        d.technology.flatMap((t) => t.choices).filter((c) => /UUIDv7|ULID/.test(c.product)),
        p,
      ).toEqual([]);
    }
  });
});
