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
