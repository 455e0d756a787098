import { describe, expect, it } from "vitest";
import { design } from "../src/lib/index.js";

/**
 * A URL shortener is designed as short links, not as a generic product record over a CDN's purge plane: codes from
 * leased counter blocks, the link row created once under its code, redirects read through a cache, clicks counted
 * off the redirect path; its numbers start from the stated rate of new links.
 */
describe("short links (URL shortener)", () => {
  it("draws the shortener's own parts, rule and decisions", () => {
    for (const p of ["Design a URL shortener.", "Design a link shortener.", "Design a short link service."]) {
      const d = design(p);
      expect(
        d.features.map((f) => f.id),
        p,
      ).toContain("shortlinks");
      const ids = d.components.map((c) => c.id);
      expect(ids, p).toEqual(
        expect.arrayContaining(["shorten-service", "redirect-service", "link-store", "link-cache", "code-counter"]),
      );
      for (const gone of ["purge-control", "product-api", "product-store"]) expect(ids, p).not.toContain(gone);
      expect(
        d.invariants.some((i) => /never reassigned/.test(i.statement)),
        p,
      ).toBe(true);
      expect(d.decisions.find((x) => x.id === "shortlink-codes")?.chosen, p).toBe("counter-blocks");
      expect(d.decisions.find((x) => x.id === "shortlink-redirect-status")?.chosen, p).toBe("temporary-302");
      expect(d.coherence, p).toEqual([]);
    }
  });

  it("counts clicks with its own click log and counters when the counts must show soon, drawing no second pipeline", () => {
    for (const p of [
      "Design a short-link service for an ad network: 1,000 links made per second and each link's click counts visible within a minute.",
      "Design a URL shortener whose owners see click totals for their links within 30 seconds.",
      "Design a link shortener whose click counts are never more than 60 seconds behind the clicks.",
    ]) {
      const d = design(p);
      const ids = d.components.map((c) => c.id);
      expect(ids, p).toEqual(expect.arrayContaining(["click-log", "click-counter", "stats-store"]));
      // one counting path: no event collectors, window aggregator or analytics store beside the feature's counters
      expect(
        d.components.filter((c) => /aggregat|collector|analytics/i.test(c.name)).map((c) => c.name),
        p,
      ).toEqual([]);
      expect(d.coherence, p).toEqual([]);
    }
  });

  it("lets the prompt's words pick random codes or permanent redirects", () => {
    const secret = design("Design a URL shortener whose codes must not be guessable, for private documents.");
    expect(secret.decisions.find((x) => x.id === "shortlink-codes")?.chosen).toBe("random-codes");
    const plain = design("Design a URL shortener with permanent redirects and no click analytics.");
    expect(plain.decisions.find((x) => x.id === "shortlink-redirect-status")?.chosen).toBe("permanent-301");
  });

  it("sizes redirects from the stated rate of new links", () => {
    const d = design("Design a URL shortener that creates 50 million short links a month.");
    const reads = d.capacity.find((f) => f.id === "peak_redirects_per_sec");
    expect(reads?.inputs.find((x) => x.name === "writes_per_sec")?.source).toBe("stated");
    // 50 M a month ≈ 19.0 links/s × 100 clicks each × a peak factor of 3
    expect(reads?.value).toBeCloseTo(((50e6 * 12) / (365 * 86400)) * 100 * 3, -1);
  });

  it("merges the code counter into the sequence card's own parts where that card leads", () => {
    const d = design("Design TinyURL, focusing on how each short code is generated without collisions.");
    expect(d.archetypes[0]?.id).toBe("I09");
    const ids = d.components.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(["id-generators", "counter-store", "redirect-service", "link-store"]));
    expect(ids).not.toContain("code-counter");
    expect(ids).not.toContain("shorten-service");
  });
});
