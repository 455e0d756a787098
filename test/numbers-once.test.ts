import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { parseStatedNfrs } from "../src/engine/nfr-parse.js";
import { type Design, design } from "../src/lib/index.js";

const row = (d: Design, id: string) => d.capacity.find((r) => r.id === id);
const expression = (formula: string) => formula.split(" = ").slice(1).join(" = ").replace(/\s+/g, "");

describe("a stated match bound is spent along the matching path", () => {
  for (const p of [
    "Design Uber's dispatch system: match riders with nearby drivers within 3 seconds, with 1 million drivers sending their location every 4 seconds.",
    "Design a ride-hailing matcher where 2 million drivers send GPS pings every 3 seconds and a rider is matched in under 5 seconds.",
    "Design a food delivery dispatcher that assigns nearby couriers within 2 seconds; 300,000 couriers report location every 5 seconds.",
  ])
    it(p, () => {
      const d = design(p);
      const path = row(d, "request_path_seconds");
      expect(path?.archetype).toBe("matching");
      for (const step of ["geo_query_seconds", "eta_rank_seconds", "claim_seconds", "offer_push_seconds"])
        expect(path?.formula).toContain(step);
      expect(path?.bound?.quantity).toBe("latency_seconds");
      // the position interval is the drivers' update interval, never a metrics scrape interval
      expect(d.nfrs.scale.update_seconds).toBeDefined();
      expect(d.nfrs.scale.scrape_seconds).toBeUndefined();
      expect(checkCoherence(d).filter((x) => x.rule.startsWith("stated-number"))).toEqual([]);
    });

  it("reads 'matched in under 5 seconds' as the match's latency bound", () => {
    const s = parseStatedNfrs("Design a ride-hailing matcher where a rider is matched in under 5 seconds");
    expect(s.latency[0]?.ms).toBe(5000);
  });
});

describe("a typical input never stands beside the design's own figure for the same load", () => {
  it("sizes the nearby searches from the requests being matched, not the proximity index's typical rate", () => {
    for (const p of [
      "Design Uber's dispatch system: match riders with nearby drivers within 3 seconds, with 1 million drivers sending their location every 4 seconds.",
      "Design a food delivery app.",
    ]) {
      const d = design(p);
      const requests = row(d, "peak_ride_requests_per_sec")?.value ?? 0;
      expect(row(d, "nearby_queries_per_sec")?.value, p).toBeCloseTo(requests * 3);
      const read = d.capacity.flatMap((r) => r.inputs).filter((i) => i.name === "nearby_queries_per_sec");
      for (const i of read) expect(i.because, p).not.toMatch(/typical for proximity/);
    }
  });
});

describe("one quantity, one row", () => {
  it("never computes the same expression twice under two names", () => {
    for (const p of [
      "Design Uber's dispatch system: match riders with nearby drivers within 3 seconds, with 1 million drivers sending their location every 4 seconds.",
      "Design a chat application like WhatsApp.",
      "Design a distributed rate limiter shared by 50 API gateway nodes that enforces 1,000 requests per minute per customer.",
    ]) {
      const d = design(p);
      const computed = d.capacity.map((r) => expression(r.formula)).filter((e) => /[-+*/()]/.test(e));
      expect(new Set(computed).size, p).toBe(computed.length);
      expect(checkCoherence(d).filter((x) => x.rule === "quantity-computed-twice")).toEqual([]);
    }
  });

  it("flags a design that shows one quantity as two computed rows", () => {
    const d = design("Design a chat application like WhatsApp.");
    const first = d.capacity.find((r) => /[-+*/]/.test(expression(r.formula))) as Design["capacity"][number];
    const twin = { ...first, id: `${first.id}_again`, archetype: "other" };
    const broken = { ...d, capacity: [...d.capacity, twin] } as Design;
    expect(checkCoherence(broken).map((x) => x.rule)).toContain("quantity-computed-twice");
  });
});
