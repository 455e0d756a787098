import { describe, expect, it } from "vitest";
import { design } from "../src/lib/index.js";

const parts = (p: string) => {
  const d = design(p);
  return {
    d,
    ids: d.components.map((c) => c.id),
    links: d.links.map((l) => `${l.from}->${l.to}:${l.kind}`),
    figures: new Map(d.capacity.map((r) => [r.id, r.value])),
    cut: d.failures.find((r) => /^(?:Primary )?[Rr]egion cut off/.test(r.failure)),
  };
};

describe("a design served from several regions draws what that needs", () => {
  it("active-active: per-region clusters, a cross-region replicator, lag and RPO figures, a region-cut row", () => {
    for (const p of [
      "Design a multi-region key-value store with active-active writes in three regions and automatic conflict resolution.",
      "Build a key-value database replicated across regions where every region accepts writes and conflicts merge automatically",
      "Design a worldwide photo sharing app where no photo is ever lost, served through a CDN",
    ]) {
      const { d, ids, links, figures, cut } = parts(p);
      expect(d.nfrs.regions, p).toBeGreaterThan(1);
      expect(ids, p).toEqual(expect.arrayContaining(["geo-router", "cross-region-replicator", "other-regions"]));
      expect(links, p).toContain("cross-region-replicator->other-regions:replication");
      expect(
        links.some((l) => l.startsWith("geo-router->")),
        p,
      ).toBe(true);
      expect(figures.get("cross_region_lag_seconds"), p).toBeGreaterThan(0.07);
      expect(figures.get("region_rpo_seconds"), p).toBe(figures.get("cross_region_lag_seconds"));
      expect(cut?.prevention, p).toMatch(/keeps serving/);
      expect(d.coherence, p).toEqual([]);
    }
  });

  it("linearizable state across regions is one consensus group that pays the WAN round trip and loses nothing", () => {
    for (const p of [
      "Design a global configuration service that 100,000 servers watch, where a change must reach all of them within 10 seconds and a bad change can be rolled back.",
      "Design a worldwide config store for a fleet of servers, where every read sees the latest committed change",
    ]) {
      const { d, ids, links, figures, cut } = parts(p);
      expect(d.nfrs.consistency, p).toBe("linearizable");
      expect(ids, p).not.toContain("cross-region-replicator");
      expect(
        links.some((l) => l.endsWith("->other-regions:replication")),
        p,
      ).toBe(true);
      expect(figures.get("cross_region_commit_seconds"), p).toBeGreaterThanOrEqual(0.07);
      expect(figures.get("region_rpo_seconds"), p).toBe(0);
      expect(cut?.prevention, p).toMatch(/stops accepting writes[^;]*keeps serving/);
    }
  });

  it("a single-region design draws none of it", () => {
    const { d, ids, figures, cut } = parts(
      "Design a key-value store for a single data center with 100k writes per second",
    );
    expect(d.nfrs.regions).toBe(1);
    expect(ids.filter((i) => /geo-router|other-regions|cross-region/.test(i))).toEqual([]);
    expect([...figures.keys()].filter((k) => /region/.test(k))).toEqual([]);
    expect(cut).toBeUndefined();
  });
});
