import { describe, expect, it } from "vitest";
import { parseStatedNfrs } from "../src/engine/nfr-parse.js";
import { design } from "../src/lib/index.js";

const regions = (p: string) => parseStatedNfrs(p).regions?.value;

describe("a worldwide product is served from several regions", () => {
  it("reads 'global' on a system, 'worldwide' and a user base beyond one country's market as three regions", () => {
    for (const p of [
      "Design a global configuration service that 100,000 servers watch",
      "Design a config system for a global fleet of 1 million hosts",
      "Build a feature flag platform used by a global e-commerce company",
      "Design a worldwide photo sharing app",
      "Design a chat app used around the world",
      "Design WhatsApp: 2 billion users, messages delivered in order per conversation",
      "Design a chat app for 500 million users",
    ])
      expect(regions(p), p).toBe(3);
  });

  it("reads a count of continents served as that many regions, one on each", () => {
    for (const [p, n] of [
      ["Design a key-value store replicated across three continents", 3],
      ["Design a photo backup service for customers on 2 continents", 2],
      ["Design a price feed served to traders on four continents within 50 ms", 4],
    ] as const)
      expect(regions(p), p).toBe(n);
  });

  it("keeps one region where 'global' qualifies an order, an id or an index, and for a national-sized user base", () => {
    for (const p of [
      "Design a log with a global order of events",
      "Design a globally unique ID generator",
      "Design a database with a global secondary index",
      "Design a global leaderboard for a game",
      "Design a chat app for 50 million users",
    ])
      expect(regions(p), p).toBeUndefined();
    // a plain multi-region prompt keeps its two regions
    expect(regions("Design a multi-region key-value store")).toBe(2);
  });

  it("says why in the design and never keeps it to one region", () => {
    const d = design(
      "Design a global configuration service that 100,000 servers watch, where a change must reach all of them within 10 seconds",
    );
    expect(d.nfrs.regions).toBe(3);
    expect(JSON.stringify(d)).toMatch(/the prompt says 'global configuration service': [^"]*continent/);
    expect(d.context.regions).not.toMatch(/^one region/);
  });
});

describe("regions are read only from deployment words", () => {
  const doc = async (p: string) => {
    const { designBlocks } = await import("../src/render/design-doc.js");
    const { toMarkdown } = await import("../src/render/doc.js");
    return toMarkdown(designBlocks(design(p)));
  };

  it("says a region count implied by a user base or a worldwide product is derived, with the words it came from", async () => {
    const md = await doc("Design a password reset and login service for 300 million accounts.");
    expect(md).toMatch(/Regions: 3 \(derived: the prompt says '300 million accounts'/);
    expect(md).not.toMatch(/Regions: 3 \(stated\)/);
    expect(await doc("Design a key-value store deployed in 4 regions.")).toMatch(/Regions: 4 \(stated\)/);
  });

  it("reads no region from availability zones or from the zones of a city", () => {
    expect(regions("Design a key-value store replicated across 3 availability zones")).toBeUndefined();
    expect(
      regions("Design a surge pricing service that recomputes prices for 10,000 city zones every 30 seconds"),
    ).toBeUndefined();
    expect(regions("Design a key-value store across 3 data centers")).toBe(3);
  });
});
