import { describe, expect, it } from "vitest";
import { checkCoherence, design } from "../src/lib/index.js";

/** The figures of a prompt's design that read a stated input, by id. */
const reading = (prompt: string, input: string) =>
  design(prompt)
    .capacity.filter((r) => r.inputs.some((i) => i.name === input && i.source === "stated"))
    .map((r) => r.id);

const hits = (prompt: string, rule: string) => checkCoherence(design(prompt)).filter((p) => p.rule === rule);

describe("each stated number lands on a quantity the lead model's figures read", () => {
  it("a ledger's transfers, payments or transactions are its transfer rate", () => {
    for (const p of [
      "Design a ledger that moves money between accounts at 10,000 transfers per second and never loses or creates money.",
      "Design a ledger that moves money between accounts at 20,000 transactions per second.",
    ])
      expect(
        design(p)
          .capacity.find((r) => r.id === "peak_transfers")
          ?.inputs.some((i) => i.source === "stated"),
      ).toBe(true);
  });

  it("a stated fleet of workers sizes the work it runs", () => {
    const p = "Design a CI build system where builds take minutes and run on a fleet of 2,000 workers.";
    expect(reading(p, "workers")).toContain("workers_needed");
    expect(hits(p, "stated-number-unused")).toEqual([]);
  });

  it("a device's report interval and a freshness bound are read by the IoT figures", () => {
    const p =
      "Design an IoT telemetry platform for 10 million devices each sending a reading every 10 seconds, queryable within 1 second.";
    expect(reading(p, "scrape_seconds")).toContain("query_points");
    const fresh = design(p).capacity.find((r) => r.id === "queryable_seconds");
    expect(fresh?.bound?.quantity).toBe("propagation_seconds");
    expect(checkCoherence(design(p))).toEqual([]);
  });

  it("alert rules over their evaluation interval are the rule evaluation rate", () => {
    const p = "Design a metrics alerting system that evaluates 1 million alert rules every 30 seconds.";
    const r = design(p).capacity.find((x) => x.id === "rule_evals_per_sec");
    expect(r?.value).toBeCloseTo(1e6 / 30);
    expect(hits(p, "stated-number-unread")).toEqual([]);
  });

  it("a paging bound holds the time from a condition to the page, shortening the intervals it leaves room for", () => {
    for (const p of [
      "Design a metrics alerting system that evaluates 1 million alert rules every 30 seconds and pages on-call within a minute.",
      "Design an alerting system over 20 million series that pages on-call within a minute.",
    ]) {
      const page = design(p).capacity.find((r) => r.id === "page_seconds");
      expect(page?.bound?.quantity).toBe("page_bound_seconds");
      expect(page?.value).toBeLessThanOrEqual(60 * 0.8);
      expect(checkCoherence(design(p))).toEqual([]);
    }
  });

  it("a search radius sizes the area a nearby search's cells cover", () => {
    const p = "Design Yelp: find nearby businesses within 5 km, 100 million places, 50,000 searches per second.";
    // fixed places take a quadtree, whose leaves are no fixed cells: the radius sizes the places a search filters
    expect(reading(p, "radius_km")).toContain("places_filtered_per_search");
    expect(checkCoherence(design(p))).toEqual([]);
    // moving objects' searches over fixed cells read it as the area of the point's cell and its neighbours
    const ride =
      "Design a proximity service for ride hailing that finds drivers within 3 km of a rider, 1 million drivers each sending their location every 4 seconds.";
    expect(reading(ride, "radius_km")).toContain("search_area_km2");
    expect(checkCoherence(design(ride))).toEqual([]);
  });

  it("a count of sensors is the series an IoT fleet reports", () => {
    const p =
      "Design an IoT platform: 2 million sensors each push one measurement every 30 s; data queryable within 2 seconds.";
    expect(design(p).nfrs.scale.series).toBe(2e6);
    expect(checkCoherence(design(p))).toEqual([]);
  });
});
