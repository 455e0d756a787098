import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";
import { classify } from "../src/engine/recognize/index.js";
import { card as I18 } from "../src/knowledge/archetypes/I18/card.js";
import { STATED_STEP, stepSeconds } from "../src/knowledge/resolutions.js";

const ids = (p: string) => classify(p).archetypes.map((a) => a.id);
const input = (d: ReturnType<typeof design>, name: string) =>
  d.capacity.flatMap((r) => r.inputs).find((i) => i.name === name);
const figure = (d: ReturnType<typeof design>, id: string) => d.capacity.find((r) => r.id === id);

describe("counting what users do is event analytics, not metrics monitoring", () => {
  const analytics = [
    "Build an analytics service that takes in 800,000 app events per second and serves per-minute aggregates for the past 60 days in under 300 ms.",
    "Design a clickstream dashboard for an e-commerce site that counts page views and add-to-cart clicks per minute for the last 30 days and loads in under a second.",
    "Design game telemetry that computes daily active user counts and per-minute session totals from 500,000 player events per second, kept for 6 months.",
  ];
  const monitoring = [
    "Design a metrics monitoring system for 10,000 hosts with alerting.",
    "Design a Prometheus-like monitoring system.",
    "Count errors per service per minute from application logs and page the owning team when the count spikes.",
  ];

  it("leads with the windowed count of business events and draws no telemetry pipeline", () => {
    for (const p of analytics) {
      expect(ids(p)[0], p).toBe("I06");
      expect(ids(p), p).not.toContain("I18");
      expect(design(p).nfrs.topics, p).toContain("aggregation");
    }
  });

  it("keeps monitoring prompts, which name hosts, metrics, logs or alerts, on the telemetry pipeline", () => {
    for (const p of monitoring) expect(ids(p)[0], p).toBe("I18");
  });

  it("keeps the window totals for the stated range and spends the stated latency on scanning them", () => {
    const d = design(analytics[0] as string);
    expect(input(d, "retention_days")).toMatchObject({ value: 60, source: "stated" });
    // the log keeps only what a replay needs; the stated range is the totals'
    expect(figure(d, "log_bytes")?.formula).toMatch(/log_retention_days/);
    expect(input(d, "log_retention_days")?.value).toBe(7);
    expect(figure(d, "rollup_bytes")?.formula).toMatch(/retention_days \* rollup_row_bytes/);
    expect(figure(d, "query_rows")?.value).toBe(100 * 60 * 1440);
    expect(figure(d, "request_path_seconds")?.formula).toMatch(/rollup_scan_seconds/);
    expect(d.coherence).toEqual([]);
  });
});

describe("a kept step coarser than the stated query step is a contradiction (rollup-coarser-than-query)", () => {
  const p =
    "Design a metrics platform for 10,000 hosts that answers per-minute averages over the last 90 days and alerts when a threshold is crossed.";

  it("reads the step a prompt asks its answers at, not a rate", () => {
    const step = (t: string) => {
      const m = new RegExp(STATED_STEP, "i").exec(t);
      return m ? stepSeconds(m) : undefined;
    };
    expect(step("answers per-minute aggregates over the last 90 days")).toBe(60);
    expect(step("hourly totals per campaign")).toBe(3600);
    expect(step("counts per hour")).toBe(3600);
    expect(step("ingests 2 million app events per second")).toBeUndefined();
  });

  it("keeps raw data for the whole range where answers are asked per minute, and flags rollups forced over it", () => {
    const d = design(p);
    expect(d.decisions.find((r) => r.id === "i18-retention")?.chosen).toBe("raw");
    expect(checkCoherence(d).map((x) => x.rule)).not.toContain("rollup-coarser-than-query");
    const forced = design(p, ["decision.i18-retention=downsample"]);
    const hit = checkCoherence(forced).find((x) => x.rule === "rollup-coarser-than-query");
    expect(hit?.detail).toMatch(/60 s step over the stated 90 days[\s\S]*300 s/);
    // a range that only asks for retention, with no step, still downsamples
    const kept = design(
      "Design a metrics platform for 10,000 hosts that keeps 90 days of data and alerts when a threshold is crossed.",
    );
    expect(kept.decisions.find((r) => r.id === "i18-retention")?.chosen).toBe("downsample");
    expect(checkCoherence(kept).map((x) => x.rule)).not.toContain("rollup-coarser-than-query");
  });
});

describe("named long-term metric stores are offered for what they do", () => {
  it("never offers Grafana Mimir where rollups are chosen: its compactor does not downsample", () => {
    const mimir = I18.technologies.find((t) => t.product === "Grafana Mimir");
    expect(mimir?.lacks).toContain("rollup-downsampling");
    const thanos = I18.technologies.find((t) => t.product === "Thanos");
    expect(thanos?.caveat).toMatch(/raw, 5-minute and 1-hour/);
    expect(I18.technologies.map((t) => t.product)).not.toContain("Grafana Mimir or Thanos");
  });
});
