import { describe, expect, it } from "vitest";
import { evaluateCapacity } from "../src/engine/capacity.js";
import { checkCoherence } from "../src/engine/coherence.js";
import { parseStatedNfrs } from "../src/engine/nfr-parse.js";
import { type Design, design, writeScript } from "../src/lib/index.js";

const scale = (p: string) => Object.fromEntries(Object.entries(parseStatedNfrs(p).scale).map(([k, v]) => [k, v.value]));
const rules = (d: Design) => checkCoherence(d).map((p) => p.rule);
const figure = (d: Design, id: string, archetype?: string) =>
  d.capacity.find((c) => c.id === id && (archetype === undefined || c.archetype === archetype));
const input = (d: Design, name: string) => d.capacity.flatMap((c) => c.inputs).find((i) => i.name === name);

describe("a stated quantity is parsed where the prompt states it", () => {
  it("keeps a bandwidth stated per second as the bandwidth to serve, and a per-day amount per day", () => {
    const s = parseStatedNfrs("a log that ingests 1 GB/s and keeps 7 days of data");
    expect(s.scale.bytes_per_sec?.value).toBe(1e9);
    expect(s.scale.bytes_per_day).toBeUndefined();
    expect(s.implied.peak_factor?.value).toBe(1);
    expect(scale("a metrics system that ingests 2 TB per day")).toEqual({ bytes_per_day: 2e12 });
  });

  it("reads 'keeps N days' as retention, quoting the duration without the joining word", () => {
    const s = parseStatedNfrs("a log that ingests 1 GB/s and keeps 7 days of data");
    expect(s.scale.retention_days?.value).toBe(7);
    expect(s.scale.retention_days?.quote).toBe("7 days");
    expect(scale("logs retained for 30 days").retention_days).toBe(30);
  });

  it("binds a count of businesses to the inventory the features size", () => {
    expect(scale("a hotel reservation system that never double-books a room, for 20,000 hotels")).toEqual({
      properties: 20000,
    });
    expect(scale("a food delivery app for 50,000 restaurants")).toEqual({ merchants: 50000 });
  });
});

describe("a stated number in another unit reaches the model through a bridge", () => {
  const model = {
    inputs: [{ quantity: "messages_per_sec", typical: 50000, why: "a typical bus" }],
    figures: [
      {
        id: "ingest_bandwidth",
        label: "ingest",
        kind: "bandwidth" as const,
        expression: "messages_per_sec * message_bytes",
        unit: "B/s",
      },
    ],
  };
  it("sizes a record-counting model from a stated bandwidth at the record size, and the other way", () => {
    const rows = evaluateCapacity(model, "X", { bytes_per_sec: { value: 2e9, quote: "2 GB/s", source: "stated" } });
    expect(rows[0]?.value).toBeCloseTo(2e9, 0);
    const rate = rows[0]?.inputs.find((i) => i.name === "messages_per_sec");
    expect(rate?.value).toBeCloseTo(2e6, 0);
    expect(rate?.because).toMatch(/derived as bytes_per_sec \/ message_bytes/);
    expect(rows[0]?.inputs.find((i) => i.name === "bytes_per_sec")?.source).toBe("stated");
  });
});

describe("the prompt's own numbers drive the figures", () => {
  it("a Kafka-like log sized from its stated 1 GB/s and 7 days: about 1.8 PB across three replicas", () => {
    const d = design("Design a Kafka-like distributed log that ingests 1 GB/s and keeps 7 days of data");
    expect(figure(d, "ingest_bandwidth", "I05")?.value).toBeCloseTo(1e9, -6);
    expect(figure(d, "retained_bytes", "I05")?.value).toBeCloseTo(1e9 * 86400 * 7 * 3, -12);
    expect(figure(d, "partitions_needed", "I05")?.value).toBe(200);
    expect(input(d, "retention_days")?.source).toBe("stated");
    expect(rules(d)).not.toContain("stated-number-unused");
  });

  it("a hotel system counts inventory rows from the stated hotels", () => {
    const d = design("Design a hotel reservation system that never double-books a room, for 20,000 hotels");
    expect(figure(d, "inventory_rows")?.value).toBeCloseTo(20000 * 5 * 365, 0);
    expect(input(d, "properties")?.source).toBe("stated");
  });

  it("the stated servers are the config plane's clients: one population, one heartbeat load", () => {
    const d = design("Design a configuration service that pushes config changes to 50,000 servers within 10 seconds");
    // since round 16 the prompt reads as I11 alone (no registry), so its fleet is the stated nodes; a registry's
    // clients, where one is drawn, are the same population
    expect(input(d, "nodes")?.value).toBe(50000);
    for (const name of ["clients", "sessions"]) {
      const i = input(d, name);
      if (i) expect(i.value).toBe(50000);
    }
    const hb = figure(d, "heartbeats_per_sec");
    const reports = figure(d, "status_reports_per_sec");
    if (hb && reports) expect(hb.value).toBeCloseTo(reports.value, 0);
  });

  it("a job scheduler's pending timers follow its stated daily runs, and the script says the rate per second", () => {
    const p =
      "Design a distributed job scheduler that runs 50 million scheduled jobs a day, each at most once per due time";
    const d = design(p);
    expect(input(d, "timers")?.value).toBeCloseTo(5e7, -3);
    const text = JSON.stringify(writeScript(d, { minutes: 45 }));
    expect(text).not.toMatch(/\b579 scheduled jobs a day\b/);
    expect(text).toMatch(/\b579 scheduled jobs a second\b/);
  });

  it("a stated event rate binds to the event rate the model counts", () => {
    const d = design("Design a real-time ad click aggregator that counts 1 million clicks per second per campaign");
    expect(rules(d)).not.toContain("stated-number-unused");
  });
});

describe("one quantity, one value across models", () => {
  const whatsapp = () => structuredClone(design("Design a chat app like WhatsApp for 500 million daily users"));

  it("a chat's ordered message rows realize the log, and the chat and the registry count the same heartbeats", () => {
    const d = whatsapp();
    // each conversation's rows are its ordered log (the chat feature realizes I05): no broker figures beside them
    expect(d.archetypes[0]?.realizes?.id).toBe("I05");
    expect(d.capacity.filter((c) => c.archetype === "I05")).toEqual([]);
    expect(figure(d, "heartbeats_per_sec", "I10")?.value).toBeCloseTo(
      figure(d, "heartbeats_per_sec", "presence")?.value ?? 0,
      0,
    );
    expect(rules(d)).not.toContain("quantity-two-values");
  });

  it("flags a figure whose quantity another model reads with another value", () => {
    const d = whatsapp();
    const row = d.capacity.find(
      (c) => c.archetype === "presence" && c.inputs.some((i) => i.name === "open_connections"),
    );
    const i = row?.inputs.find((x) => x.name === "open_connections");
    expect(i).toBeDefined();
    if (i) i.value = 50000;
    expect(rules(d)).toContain("quantity-two-values");
  });

  it("flags two models' figures of one rate that disagree, and a decision quoting another value", () => {
    const d = whatsapp();
    const hb = figure(d, "heartbeats_per_sec", "I10");
    if (hb) {
      hb.value = 1.67e6;
      hb.display = "≈ 1.67M writes/s";
    }
    expect(checkCoherence(d).some((p) => p.rule === "quantity-two-values" && /heartbeats_per_sec/.test(p.detail))).toBe(
      true,
    );
    const e = whatsapp();
    const dec = e.decisions.find((x) => (x.inputs ?? []).some((s) => /^presence_pushes_per_sec ≈/.test(s)));
    expect(dec).toBeDefined();
    if (dec?.inputs)
      dec.inputs = dec.inputs.map((s) =>
        s.replace(/^presence_pushes_per_sec ≈ [^(]+/, "presence_pushes_per_sec ≈ 150k msg/s "),
      );
    expect(rules(e)).toContain("quantity-two-values");
  });
});
