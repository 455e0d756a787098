import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";
import { parseStatedNfrs } from "../src/engine/nfr-parse.js";

/** Everything a design draws, as one text. */
const drawn = (d: ReturnType<typeof design>) =>
  JSON.stringify([d.components, d.links, d.api, d.dataModel, d.failures, d.technology]);
const shape = (d: ReturnType<typeof design>) => checkCoherence(d).filter((p) => p.rule === "media-store-shape");

describe("a photo storage service stores photos itself, durably, behind a CDN", () => {
  const photos = design(
    "Design a photo storage service for 2 billion uploads a day, served through a CDN, where no photo is ever lost.",
  );
  const images = design(
    "Build an image storage system that takes 500 million uploads per day; uploaded images must never be lost and are served via a CDN.",
  );
  const s3 = design("Design an S3-like object store for 100 billion objects with eleven nines of durability.");

  it("is switched on by the prompt's words; an S3-like object store keeps its bucket shape", () => {
    expect(photos.nfrs.topics).toContain("media-store");
    expect(images.nfrs.topics).toContain("media-store");
    expect(s3.nfrs.topics ?? []).not.toContain("media-store");
    expect(s3.dataModel.some((m) => m.entity === "Photo")).toBe(false);
  });

  it("leads with the store for 'image hosting' too, and counts pictures a day as uploads", () => {
    const hosting = design(
      "Design an image hosting backend storing 1 billion new pictures per day; every uploaded picture must be durable and delivered through a CDN.",
    );
    expect(hosting.archetypes[0]?.id).toBe("I19");
    expect(hosting.nfrs.topics).toContain("media-store");
    expect(hosting.nfrs.scale.writes_per_sec).toBeCloseTo(1e9 / 86400, 0);
    expect(shape(hosting)).toEqual([]);
  });

  it("reads 'never lost' as stated durability", () => {
    expect(parseStatedNfrs("where no photo is ever lost").durability?.value).toBe("durable");
    expect(parseStatedNfrs("uploaded images must never be lost").durability?.value).toBe("durable");
    expect(photos.nfrs.durability).toBe("durable");
    expect(photos.nfrs.sources.durability?.source).toBe("stated");
  });

  it("draws uploads, photo metadata and volumes of needles; the CDN is covered, with no purge machinery", () => {
    for (const e of ["Photo", "Volume", "Needle"]) expect(photos.dataModel.map((m) => m.entity)).toContain(e);
    expect(photos.api.map((a) => a.operation)).toEqual(
      expect.arrayContaining(["start upload", "upload part", "complete upload", "get photo"]),
    );
    expect(photos.archetypes.map((a) => a.id)).toEqual(["I19"]);
    expect(photos.archetypes[0]?.covers?.map((c) => c.id)).toEqual(["I07"]);
    expect(drawn(photos)).not.toMatch(/Purge and policy|Origin shield|Config store|Rollout|chunkserver|Amazon S3/);
    expect(photos.invariants.map((i) => i.statement).join("\n")).toMatch(/acknowledged to its uploader only after/);
    expect(shape(photos)).toEqual([]);
    expect(shape(images)).toEqual([]);
  });

  it("sizes the bytes a day, a year's storage and the ingest from the stated uploads", () => {
    const row = (id: string) => photos.capacity.find((r) => r.id === id);
    expect(row("ingest_bandwidth")?.value).toBeCloseTo((2e9 * 2e6) / 86400, -6);
    expect(row("daily_growth")?.value).toBeGreaterThan(4e15);
    expect(row("raw_bytes")?.value).toBeGreaterThan(1e18);
  });

  it("the coherence rule fires on a photo store that loses durability or draws a purge plane", () => {
    const broken = {
      ...photos,
      nfrs: { ...photos.nfrs, durability: "best-effort" },
      components: [
        ...photos.components,
        { ...photos.components[0], id: "purge", name: "Purge and policy control plane" },
      ],
    } as typeof photos;
    const details = shape(broken).map((p) => p.detail);
    expect(details.some((x) => /best-effort/.test(x))).toBe(true);
    expect(details.some((x) => /Purge/.test(x))).toBe(true);
  });
});
