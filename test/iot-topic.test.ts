import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { topicsSpoken } from "../src/knowledge/topics.js";
import { type Design, design } from "../src/lib/index.js";

const IOT =
  "Design a time-series database for IoT sensors ingesting 2 million points per second, keeping one year of data with downsampling, and answering last-24-hour queries in under one second";
const rules = (d: Design) => checkCoherence(d).map((p) => p.rule);
const drawn = (d: Design) =>
  JSON.stringify([d.components, d.links, d.api, d.dataModel, d.failures, d.invariants, d.operations, d.decisions]);

describe("readings devices push: late samples accepted, devices registered, no server-fleet residue", () => {
  const d = design(IOT);

  it("reads by quorum in a ring with no leader, never from a current leader", () => {
    const ids = d.mechanisms.map((m) => m.id);
    expect(ids).toContain("quorum-read-write");
    expect(ids).not.toContain("leader-read");
    // a key-value store that chose leaderless quorums reads by quorum too
    const kv = design("Design a distributed key-value store", ["decision.i16-replication=leaderless"]);
    expect(kv.decisions.find((x) => x.id === "i16-replication")?.chosen).toBe("leaderless");
    expect(kv.mechanisms.map((m) => m.id)).toContain("quorum-read-write");
    expect(kv.mechanisms.map((m) => m.id)).not.toContain("leader-read");
  });

  it("accepts a late sample within the out-of-order window instead of refusing it", () => {
    expect(d.nfrs.topics).toContain("iot");
    expect(d.invariants[0]?.statement).toMatch(/out-of-order window .* is accepted/);
    expect(d.invariants.map((i) => i.statement).join(" ")).not.toMatch(
      /out-of-order or duplicate timestamp is refused/,
    );
    expect(d.operations.map((o) => o.phrase).join(" ")).toMatch(/late sample/);
  });

  it("keeps a device record for each series and sizes the fleet's devices", () => {
    expect(d.dataModel.find((m) => m.entity === "Device")?.fields).toEqual(expect.arrayContaining(["sensors", "site"]));
    expect(d.api.map((a) => a.operation)).toContain("register device");
    const devices = d.capacity.find((c) => c.id === "devices_reporting");
    expect(devices?.value).toBe((2e6 * 15) / 10);
  });

  it("draws no scraping, alert rules, scraper pairs or pod-name churn", () => {
    expect(drawn(d)).not.toMatch(/scrap(?:e|ed|er|ing)\b|alert rule|AlertState|rule group|pod names?/i);
    expect(d.decisions.map((x) => x.id)).not.toContain("i18-collection");
  });

  it("sizes retained bytes from the chosen downsampling: raw for the raw retention, rollups for the rest", () => {
    expect(d.decisions.find((x) => x.id === "i18-retention")?.chosen).toBe("downsample");
    const kept = d.capacity.find((c) => c.id === "retained_bytes");
    const raw = 2e6 * 2 * 86400 * 30;
    const rollups = 2e6 * 15 * (86400 / 300) * 16 * (365 - 30);
    expect(Math.abs((kept?.value ?? 0) - (raw + rollups))).toBeLessThan(1e6);
    // well under raw for the whole year
    expect(kept?.value ?? 0).toBeLessThan(2e6 * 2 * 86400 * 365 * 0.5);
    expect(d.capacity.map((c) => c.id)).toContain("query_points");
  });

  it("is coherent", () => {
    expect(rules(d)).toEqual([]);
  });

  it("switches on from device and sensor words only, and leaves a server fleet's monitoring as it was", () => {
    for (const p of [
      "Design an IoT platform",
      "Store readings from 5 million smart meters",
      "Design a backend where devices push telemetry every minute",
      "Ingest environmental sensor data",
    ])
      expect(topicsSpoken(p).map((t) => t.value)).toContain("iot");
    for (const p of ["Design a monitoring system like Prometheus", "Send push notifications to 10 million devices"])
      expect(topicsSpoken(p).map((t) => t.value)).not.toContain("iot");
    const prom = design("Design a metrics monitoring system like Prometheus with alerting");
    expect(prom.nfrs.topics ?? []).not.toContain("iot");
    expect(prom.decisions.map((x) => x.id)).toContain("i18-collection");
    expect(drawn(prom)).toMatch(/AlertState|alert rule/i);
  });
});

describe("iot-shape goes red when broken", () => {
  it("a refusing invariant, scraping drawn, and no device record", () => {
    const d = structuredClone(design(IOT));
    const first = d.invariants[0];
    if (!first) throw new Error("no invariant");
    d.invariants.push({
      ...first,
      statement: "Within one series, an out-of-order or duplicate timestamp is refused or deduplicated.",
    });
    const agents = d.components.find((c) => c.kind === "client");
    if (!agents) throw new Error("no client");
    agents.runs = [...agents.runs, "scrape targets"];
    d.dataModel = d.dataModel.filter((m) => m.entity !== "Device");
    const found = checkCoherence(d).filter((p) => p.rule === "iot-shape");
    expect(found).toHaveLength(3);
    // a residue problem names the drawn part and the shape it belongs to (residueProblems in coherence.ts)
    expect(found.map((p) => p.detail)).toContain(
      `component '${agents.name}' draws a server fleet's scraping or alert rules`,
    );
  });
});
