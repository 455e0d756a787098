import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { topicsSpoken } from "../src/knowledge/topics.js";
import { type Design, design } from "../src/lib/index.js";

const YELP = "Design Yelp's nearby search: 100 million places, 50,000 searches per second";
const drawn = (d: Design) => JSON.stringify([d.components, d.api, d.dataModel, d.operations, d.capacity]);

describe("nearby search over places that stay put: business records as the authority, a derived static index", () => {
  const d = design(YELP);

  it("draws the business record as the authority and the cell index as derived from it, with filters", () => {
    expect(d.nfrs.topics).toContain("places");
    const business = d.dataModel.find((m) => m.entity === "Business");
    expect(business?.fields).toEqual(expect.arrayContaining(["name", "category", "rating", "price", "hours"]));
    expect(d.components.find((c) => c.holds.includes("Business"))?.kind).toBe("store");
    const nearby = d.api.find((a) => a.operation === "find nearby");
    expect(nearby?.request).toEqual(expect.arrayContaining(["category", "min_rating", "open_now"]));
    expect(d.operations.map((o) => o.phrase).join(" ")).toMatch(/post a review that feeds/);
  });

  it("names dense cells as the first hotspot and draws the search as its key sequence", () => {
    // places send no positions: the searches crowding into city-centre cells are the load, not a generic hot key
    expect(d.bottlenecks[0]?.bottleneck).toMatch(/^Dense cells: searches crowd into the few cells of city centres/);
    expect(d.bottlenecks[0]?.formula).toMatch(/^cell reads a second/);
    const seq = d.diagrams.find((g) => g.kind === "sequence");
    expect(seq?.title).toMatch(/^proximity: Find nearby/);
  });

  it("has no move path: no location updates, no moving objects, a static structure chosen", () => {
    expect(drawn(d)).not.toMatch(/location_updates_per_sec|moving_objects|update location|"Location"/);
    expect(d.decisions.find((x) => x.id === "geo-index")?.chosen).toBe("quadtree");
  });

  it("sizes the index from the places and the cell reads from the stated searches", () => {
    const index = d.capacity.find((c) => c.id === "geo_index_bytes");
    expect(index?.value).toBe(100e6 * 100);
    const reads = d.capacity.find((c) => c.id === "cell_reads_per_sec");
    expect(reads?.inputs.find((i) => i.name === "reads_per_sec")?.source).toBe("stated");
    expect(reads?.value).toBe(50000 * 9);
  });

  it("stays coherent as before", () => {
    expect(checkCoherence(d).map((p) => p.rule)).toEqual([]);
  });

  it("keeps drivers and couriers on the moving-object path", () => {
    for (const p of [
      "Design a service that finds nearby drivers for riders",
      "Find restaurants near me and track the courier delivering my order",
    ])
      expect(topicsSpoken(p).map((t) => t.value)).not.toContain("places");
    expect(topicsSpoken("Design a local search for restaurants near me").map((t) => t.value)).toContain("places");
    const uber = design("Design Uber's nearby drivers: 1 million drivers sending location updates every 4 seconds");
    expect(uber.nfrs.topics ?? []).not.toContain("places");
    expect(uber.capacity.map((c) => c.id)).toContain("location_updates_per_sec");
  });
});

describe("places as a noun only", () => {
  it("never reads the verb ('places tasks on machines') as a subject", () => {
    expect(
      topicsSpoken("Design a cluster scheduler that places tasks on machines like Borg.").map((t) => t.value),
    ).not.toContain("places");
    expect(topicsSpoken("Index 100 million places for search").map((t) => t.value)).toContain("places");
  });
});
