import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { type Design, design } from "../src/lib/index.js";

const rules = (d: Design) => checkCoherence(d).map((p) => p.rule);
const chosen = (d: Design, id: string) => d.decisions.find((r) => r.id === id);

describe("a decision's facts come from the prompt before its assumptions", () => {
  const places = "Design Yelp's nearby search: 100 million places, 50,000 searches per second";

  it("fixed places the prompt names choose the adaptive tree over a structure for moving objects nobody stated", () => {
    const d = design(places);
    const row = chosen(d, "geo-index");
    expect(row?.chosen).toBe("quadtree");
    // the stated places retire the assumed moving objects, so the reason rests on points that rarely move
    expect(row?.because).toMatch(/the prompt says 'places'|rarely move/);
    expect(row?.because).not.toMatch(/moves a second/);
    // the chosen option reaches the sizing: fixed places do not report positions every few seconds
    const updates = d.capacity.find((c) => c.id === "location_updates_per_sec");
    expect(updates?.value ?? 0).toBeLessThan(1000);
    expect(d.bottlenecks.some((b) => /reports its position every few seconds/.test(b.bottleneck))).toBe(false);
    expect(rules(d)).toEqual([]);
  });

  it("moving things keep the cell keys, and a feature's own name does not make them fixed", () => {
    expect(chosen(design("Design a ride sharing service like Uber."), "geo-index")?.chosen).toBe("geohash");
    expect(chosen(design("Find nearby drivers for 2 million restaurants' deliveries"), "geo-index")?.chosen).not.toBe(
      "quadtree",
    );
  });

  it("the coherence check names a choice kept on assumed figures against the prompt's words", () => {
    const d = structuredClone(design(places)) as Design & { decisions: Design["decisions"] };
    const row = d.decisions.find((r) => r.id === "geo-index");
    if (!row) throw new Error("no geo-index decision");
    (row as { chosen: string }).chosen = "geohash";
    // kept against the prompt's words: caught as a choice on assumed figures or as its own flip condition holding
    expect(rules(d).some((r) => r === "choice-on-assumption" || r === "flip-condition-holds")).toBe(true);
  });
});

describe("a chosen retention option reaches the storage figure and the mitigations", () => {
  const iot =
    "Design a time-series database for IoT sensors ingesting 2 million points per second, keeping one year of data with downsampling, and answering last-24-hour queries in under one second";

  it("rollups chosen: raw bytes for the raw window plus rollups, not raw for the whole year", () => {
    const d = design(iot);
    expect(chosen(d, "i18-retention")?.chosen).toBe("downsample");
    const kept = d.capacity.find((c) => c.id === "retained_bytes");
    // 2M samples/s x 2 B x 86,400 s x 365 days of raw is 126 TB
    expect(kept?.value ?? Infinity).toBeLessThan(60e12);
    expect(kept?.inputs.find((i) => i.name === "raw_retention_days")?.value).toBe(30);
    for (const b of d.bottlenecks) expect(b.mitigation).not.toMatch(/downsample older data/i);
    expect(rules(d)).toEqual([]);
  });

  it("raw chosen by override keeps raw samples for the whole retention", () => {
    const metrics =
      "Design a metrics system like Prometheus ingesting 2 million samples per second, keeping one year of data with downsampling, and answering dashboard queries in under one second";
    const d = design(metrics, ["decision.i18-retention=raw"]);
    const kept = d.capacity.find((c) => c.id === "retained_bytes");
    expect(kept?.value).toBeCloseTo(2e6 * 2 * 86400 * 365, -9);
  });

  it("the coherence check names a mitigation proposing what a decision already chose", () => {
    const d = structuredClone(design(iot));
    const b = d.bottlenecks.find((x) => /^Retained bytes/.test(x.bottleneck));
    if (!b) throw new Error("no retained-bytes bottleneck");
    (b as { mitigation: string }).mitigation = "Shorten raw retention and downsample older data into rollups";
    expect(rules(d)).toContain("mitigation-proposes-chosen");
  });
});

describe("unstated stances follow the feature the prompt names", () => {
  const feed = "Design the Instagram news feed for 500 million daily users, with the feed loading in under 200 ms";

  it("a news feed is eventual and stays up, as its own requirement says, not linearizable and failing closed", () => {
    const d = design(feed);
    expect(d.nfrs.consistency).toBe("eventual");
    expect(d.nfrs.availability).toBe("stay-available");
    expect(d.nfrs.sources.consistency?.because).toMatch(/the prompt says 'news feed'/);
    expect(rules(d)).toEqual([]);
  });

  it("the coherence check names a default that contradicts the named feature's stance", () => {
    const d = structuredClone(design(feed));
    (d.nfrs as { consistency: string }).consistency = "linearizable";
    expect(rules(d)).toContain("default-against-requirement");
  });
});

describe("a hot key's salting agrees with the salted parts the design draws", () => {
  it("a view counter with no stated per-key rate splits hot keys over salts", () => {
    const d = design(
      "Design a view counter for YouTube videos: 1 million increments per second, counts visible within 10 seconds",
    );
    const row = chosen(d, "i06-agg-hot-key");
    expect(row?.chosen).toBe("salted");
    expect(row?.because).not.toMatch(/fits on one task/);
  });
});

describe("technology fits the design's own sizes, and no layer is an empty heading", () => {
  const gfs = "Design a distributed file system like GFS for 10 PB of large, mostly-appended files";

  it("a 10 PB file system's metadata group names a replicated log, not etcd past its documented size", () => {
    const d = design(gfs);
    const coord = d.technology.find((r) => r.layer === "coordination" && r.archetype === "I19");
    expect(coord?.choices.map((c) => c.product).join(" ")).toMatch(/Raft/);
    expect(coord?.choices.some((c) => /etcd/i.test(c.product))).toBe(false);
    expect(chosen(d, "i19-metadata")?.options.find((o) => o.id === "single-master")?.name).not.toMatch(/etcd/);
    expect(rules(d)).toEqual([]);
  });

  it("the coherence check names an empty layer and a choice built on a product past its limit", () => {
    const d = structuredClone(design(gfs));
    const coord = d.technology.find((r) => r.layer === "coordination");
    if (!coord) throw new Error("no coordination layer");
    (coord as { choices: unknown[] }).choices = [];
    delete (coord as { avoid?: unknown }).avoid;
    const row = d.decisions.find((r) => r.id === "i19-metadata");
    const single = row?.options.find((o) => o.id === "single-master");
    if (!single) throw new Error("no single-master option");
    (single as { implies?: { preferTechnology?: string[] } }).implies = { preferTechnology: ["etcd"] };
    expect(rules(d)).toEqual(expect.arrayContaining(["technology-layer-empty", "decision-built-over-limit"]));
  });
});
