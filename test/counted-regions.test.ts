import { describe, expect, it } from "vitest";
import { design } from "../src/lib/index.js";

const input = (p: string, name: string) =>
  design(p)
    .capacity.flatMap((r) => r.inputs)
    .find((i) => i.name === name);

describe("a count of regions sizes figures as stated only where the prompt counts it", () => {
  it("reads 'worldwide' regions as an assumed input naming the word", () => {
    const r = input("Design a link shortener used worldwide that serves 20,000 redirects per second.", "regions");
    expect(r?.source).toBe("assumed");
    expect(r?.because).toMatch(/counts no regions but says 'worldwide'/);
  });

  it("reads 'multi-region' the same way", () => {
    const r = input("Design a multi-region session store for 5 million users.", "regions");
    if (r) expect(r.source).toBe("assumed");
  });

  it("keeps a counted region count stated", () => {
    const r = input("Design a session store running in three regions for 5 million users.", "regions");
    expect(r?.source).toBe("stated");
  });

  it("keeps a TTL said in tens read by a figure ('thirty seconds')", () => {
    const p = "Design a product page cache used worldwide; cache each page for thirty seconds.";
    const d = design(p);
    expect(d.capacity.some((r) => r.inputs.some((i) => i.name === "ttl_seconds" && i.source === "stated"))).toBe(true);
    expect(d.coherence.filter((c) => c.rule === "stated-number-unused")).toEqual([]);
  });
});
