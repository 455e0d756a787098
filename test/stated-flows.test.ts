import { describe, expect, it } from "vitest";
import { parseStatedNfrs } from "../src/engine/nfr-parse.js";
import { derivedFlows, statedFlows } from "../src/engine/stated-flows.js";

const scaleOf = (p: string) => parseStatedNfrs(p).scale;
const unread = (p: string) => parseStatedNfrs(p).unread.map((u) => u.quote);

describe("stated flows composed from the prompt's operations", () => {
  it("turns a per-item part count into the parts' rate where workers take the parts", () => {
    const p =
      "Design a document conversion service: 5 million PDFs a day are each split into 40 pages, OCR workers pull pages from a queue.";
    const s = scaleOf(p);
    expect(s.messages_per_sec?.value).toBeCloseTo((5e6 / 86400) * 40, 6);
    expect(s.messages_per_sec?.quote).toBe("5 million PDFs a day are each split into 40 pages");
    expect(s.messages_per_sec?.reading).toMatch(/× 40 pages each = 2\.31k pages\/s/);
    // the part count is read by the parts' rate, never a stock of items of its own
    expect(s.items).toBeUndefined();
    expect(unread(p)).not.toContain("40 pages");
  });

  it("reads 'with N parts each' and 'each with N parts', and a part naming the parent's own rate replaces it", () => {
    const p = "Design a genome analysis job system: 20,000 sequencing runs a day, each with 3,000 alignment tasks.";
    const s = scaleOf(p);
    expect(s.tasks_per_sec?.value).toBeCloseTo((20000 / 86400) * 3000, 6);
    expect(s.timers).toBeUndefined();
    const q = statedFlows("a render farm takes 500 scenes a minute with 240 frames each, and workers pull frames", {
      items_per_sec: { value: 500 / 60, quote: "500 scenes a minute" },
    });
    expect(q[0]?.qualifiers[0]).toMatchObject({ kind: "parts", value: 240, part: "frame" });
  });

  it("leaves a part count unread where nothing hands the parts on as work", () => {
    const p =
      "Design a thumbnail service: 10 million image uploads a day, each producing 6 thumbnails, served from a CDN.";
    expect(scaleOf(p).messages_per_sec).toBeUndefined();
    expect(unread(p)).toContain("6 thumbnails");
  });

  it("reads a size said of each item as that item's size and composes the bytes a day", () => {
    const p = "Design a backup service for laptops: 4 million file uploads a day averaging 5 MB, kept for a year.";
    const s = scaleOf(p);
    expect(s.bytes_stored).toBeUndefined();
    expect(s.object_bytes?.value).toBe(5e6);
    expect(s.bytes_per_day?.value).toBeCloseTo(4e6 * 5e6, 0);
    expect(s.bytes_per_day?.quote).toBe("4 million file uploads a day averaging 5 MB");
    // the size and the bytes it makes are one reading, so one is read where the other is
    expect(s.object_bytes?.reading).toBe(s.bytes_per_day?.reading);
    const m = scaleOf("an email pipeline receives 800 messages per second of about 64 KB each");
    expect(m.message_bytes?.value).toBe(64000);
    expect(m.bytes_per_day?.value).toBeCloseTo(800 * 86400 * 64000, 0);
  });

  it("reads a fan-out to every receiver, but not copies placed on replicas", () => {
    const p = "a weather service issues 72,000 alerts a day, and each of 40 broadcast stations receives every alert";
    const f = scaleOf(p).fanout;
    expect(f?.value).toBe(40);
    expect(f?.reading).toMatch(/0\.833 alerts\/s × 40 = 33\.3 deliveries\/s/);
    expect(scaleOf("30 million score updates a day are sent to all 8 regional replicas").fanout).toBeUndefined();
  });

  it("turns a stated point spacing into the streams held at once", () => {
    const p =
      "a fleet telemetry store ingests 500,000 readings per second from 200,000 trucks, keeps 30 days at 5-second resolution";
    const s = scaleOf(p);
    expect(s.series?.value).toBe(2.5e6);
    expect(s.scrape_seconds?.value).toBe(5);
    expect(unread(p)).not.toContain("5-second");
  });

  it("reads a rate's sources as the fleet sending it, not as its streams, where a spacing counts the streams", () => {
    const p =
      "a factory historian ingests 300,000 readings per second from 12,000 sensors at 5-second resolution and keeps 2 years";
    const s = scaleOf(p);
    expect(s.series?.value).toBe(1.5e6);
    expect(s.devices?.value).toBe(12000);
    expect(s.devices?.reading).toMatch(/from 12k sensors = 25 readings\/s from each sensor/);
    expect(unread(p)).not.toContain("12,000 sensors");
    // without a spacing the noun's own reading stands: a sensor is one series
    expect(scaleOf("a store ingests 800,000 samples per second from 40,000 sensors").series?.value).toBe(40000);
    // "with" closes the sources' noun ("250,000 sensors with a 30-second granularity")
    expect(
      scaleOf("taking 1 million samples per second from 250,000 sensors with a 30-second granularity").series?.value,
    ).toBe(3e7);
  });

  it("reads the time each stated job takes as its run time, and only of a rate of work", () => {
    const p = "A render farm takes 3,000 render jobs a day of 20 minutes each, workers pull jobs from a queue.";
    const s = scaleOf(p);
    expect(s.run_seconds?.value).toBe(1200);
    expect(s.run_seconds?.reading).toMatch(/× 20 min = 41\.7 jobs in flight/);
    expect(unread(p)).not.toContain("20 minutes");
    expect(scaleOf("A CI service runs 50,000 builds a day averaging 12 minutes.").run_seconds?.value).toBe(720);
    // the length said of an upload is its content's, not the work on it
    expect(scaleOf("A video platform gets 200,000 uploads a day averaging 3 minutes.").run_seconds).toBeUndefined();
  });

  it("reads a stream kept at two resolutions as its raw retention and its whole retention", () => {
    const p =
      "A network monitoring system ingests 1.5 million samples per second, keeps 30 days at 15-second resolution and 3 years of hourly rollups.";
    const s = scaleOf(p);
    expect(s.raw_retention_days?.value).toBe(30);
    expect(s.raw_retention_days?.quote).toBe("30 days at 15-second resolution");
    expect(s.retention_days?.value).toBe(1095);
    expect(s.rollup_seconds?.value).toBe(3600);
    // five aggregates an hour against 240 raw points
    expect(s.rollup_share?.value).toBeCloseTo(5 / 240, 9);
    expect(s.rollup_share?.reading).toBe(s.rollup_seconds?.reading);
    // one retention stays the whole one
    const one = scaleOf(
      "A metrics store ingests 1 million samples per second at 10-second resolution and keeps 90 days.",
    );
    expect(one.retention_days?.value).toBe(90);
    expect(one.raw_retention_days).toBeUndefined();
  });

  it("reads the sources a stated rate comes from", () => {
    const p = "ingests 500,000 readings per second from 200,000 trucks";
    const [f] = statedFlows(p, scaleOf(p));
    expect(f?.qualifiers).toContainEqual({
      kind: "sources",
      value: 200000,
      source: "truck",
      quote: "500,000 readings per second from 200,000 trucks",
      said: "200,000 trucks",
    });
  });

  it("derives nothing from a rate stated without qualifiers", () => {
    const p = "a key-value store serving 200,000 reads per second with p99 under 5 ms";
    expect(derivedFlows(p, scaleOf(p))).toEqual([]);
  });
});

describe("a composed rate in the script", () => {
  it("is said as what it counts, the sum of its reading", async () => {
    const { design } = await import("../src/lib/index.js");
    const d = design(
      "Design a document conversion service: 5 million PDFs a day are each split into 40 pages, OCR workers pull pages from a queue, and a document is returned once all of its pages are converted.",
    );
    const spoken = JSON.stringify(d.script).replace(/\\n/g, " ").replace(/\s+/g, " ");
    expect(spoken).toContain("2.3 thousand pages a second");
  });
});
