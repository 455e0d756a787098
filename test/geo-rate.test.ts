import { describe, expect, it } from "vitest";
import { design } from "../src/lib/index.js";
import { writeScript } from "../src/render/script/index.js";

/** The cross-region decision, the geo parts and the figures of a rate limiter enforced across several regions. */
const read = (p: string) => {
  const d = design(p);
  const text = JSON.stringify([d.components, d.links, d.failures, d.invariants]);
  return {
    d,
    text,
    chosen: d.decisions.find((x) => x.id === "i08-cross-region")?.chosen,
    figure: (id: string) => d.capacity.find((r) => r.id === id),
    input: (id: string) => d.capacity.flatMap((r) => r.inputs).find((i) => i.name === id),
    sequences: d.diagrams.filter((x) => x.kind === "sequence").map((x) => x.title),
    script: writeScript(d)
      .steps.flatMap((s) => s.lines.map((l) => l.text))
      .join(" "),
  };
};

describe("a rate limiter enforced across several regions shares each key's budget by a stated protocol", () => {
  it("per-region counts summed every sync interval where an even share is too small to split: overshoot sized, merged by slot", () => {
    for (const [p, regions, rate] of [
      ["Design a rate limiter that caps each API key at 600 requests per minute across 5 regions.", 5, 10],
      [
        "Build a per-user quota service: 50,000 calls per day per user, enforced globally across 12 data centers.",
        12,
        50000 / 86400,
      ],
    ] as const) {
      const r = read(p);
      expect(r.d.nfrs.regions, p).toBe(regions);
      expect(r.chosen, p).toBe("summed-counts");
      const sync = r.input("count_sync_seconds")?.value ?? Number.NaN;
      // overshoot = (regions - 1) x the key's rate x the sync interval
      expect(r.figure("region_count_overshoot_per_key")?.value, p).toBeCloseTo((regions - 1) * rate * sync, 1);
      expect(r.figure("region_count_overshoot_share")?.formula, p).toMatch(/quota_window_seconds/);
      // counts merge per region slot, summed: never a conflict rule, never shipped in version order
      expect(r.text, p).not.toMatch(/conflict rule|version order/);
      expect(r.d.components.find((c) => c.id === "cross-region-replicator")?.name, p).toMatch(/^Count exchange/);
      expect(r.d.invariants.map((i) => i.statement).join(" "), p).toMatch(
        /only in its own slot.*sum of the regions' slots/,
      );
      expect(r.d.failures.find((f) => /^Region cut off/.test(f.failure))?.prevention, p).toMatch(/share of the limit/);
      expect(
        r.sequences.some((t) => /Cross-region count exchange/.test(t)),
        p,
      ).toBe(true);
      expect(r.script, p).toContain(
        `Across the ${regions} regions, each region counts a key's admissions only in its own slot`,
      );
      expect(r.d.coherence, p).toEqual([]);
    }
  });

  it("a key's home region where summing per-region counts would over-admit a tenth of the quota or more", () => {
    for (const p of [
      "Design a rate limiter for 3 regions where each tenant may make 100 requests per second.",
      "Design a rate limiter allowing each user 10 requests per minute, enforced in 40 data centres.",
    ]) {
      const r = read(p);
      expect(r.chosen, p).toBe("home-region");
      expect(r.figure("cross_region_check_seconds")?.value, p).toBeGreaterThan(0.07);
      expect(r.figure("region_count_overshoot_per_key"), p).toBeUndefined();
      expect(r.d.decisions.find((x) => x.id === "i08-cross-region")?.because, p).toMatch(
        /region_count_overshoot_share/,
      );
      expect(r.text, p).not.toMatch(/conflict rule|version order/);
      expect(
        r.sequences.some((t) => /home region/.test(t)),
        p,
      ).toBe(true);
      expect(r.d.coherence, p).toEqual([]);
    }
  });

  it("a stated overshoot bound sets the interval at which regions exchange their counts", () => {
    const p =
      "Design a rate limiter giving each API key 100,000 requests per day across 4 regions; a key may exceed its limit by at most 0.1%.";
    const r = read(p);
    expect(r.chosen).toBe("summed-counts");
    expect(r.input("count_sync_seconds")?.because).toMatch(/overshoot_bound_share/);
    expect(r.figure("region_count_overshoot_share")?.value).toBeLessThanOrEqual(0.001);
  });

  it("one region asks no cross-region question and sizes no regional share", () => {
    const r = read("Design an API rate limiter that lets each customer make 1,000 requests per hour.");
    expect(r.chosen).toBeUndefined();
    expect(r.figure("region_share_per_key")).toBeUndefined();
    expect(r.input("count_sync_seconds")).toBeUndefined();
    expect(r.script).not.toMatch(/Across the \d+ regions/);
  });
});
