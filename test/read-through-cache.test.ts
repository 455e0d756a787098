import { describe, expect, it } from "vitest";
import { design } from "../src/lib/index.js";

/**
 * A read-through cache loads what it misses itself: callers ask only the cache, the cache tier reads the database on
 * a miss (one load per key), and a cluster by key is asked by key, not by an HTTP path with a point of presence.
 */
describe("a read-through cache", () => {
  const link = (d: ReturnType<typeof design>, from: RegExp, to: RegExp) =>
    d.links.some(
      (l) =>
        from.test(d.components.find((c) => c.id === l.from)?.name ?? "") &&
        to.test(d.components.find((c) => c.id === l.to)?.name ?? ""),
    );

  it("draws the cache, not the caller, loading a miss from the database", () => {
    for (const p of [
      "Design a read-through cache in front of a product catalog database serving 2 million reads per second; a price change must be visible to every reader within 2 seconds.",
      "Design a read through caching layer for a user profile service doing 500,000 lookups a second.",
      "We need a read-through cache for our inventory database so services never query the database directly.",
    ]) {
      const d = design(p);
      expect(d.decisions.find((x) => x.id === "i07-placement")?.chosen, p).toBe("read-through");
      expect(link(d, /^Read-through cache nodes/, /^Database/), p).toBe(true);
      expect(link(d, /^Services/, /^Database/), p).toBe(false);
      expect(d.api.find((a) => a.operation === "get")?.call, p).toBe("get(key) on the key's cache node");
      expect(d.dataModel.find((m) => m.entity === "CachedCopy")?.partitionKey, p).not.toMatch(/PoP/);
      expect(
        d.diagrams.map((x) => x.title),
        p,
      ).toContain("I07: Read-through: the cache loads a missed key from the database");
      expect(d.components.find((c) => c.kind === "client")?.because, p).not.toMatch(/edge/);
    }
  });

  it("says read-through throughout: its summary, its get's errors, its fill diagram's hit, its sizes", () => {
    for (const p of [
      "Design a read-through cache in front of a product catalog database serving 2 million reads per second; a price change must be visible to every reader within 2 seconds.",
      "Design a read through caching layer in front of the user profile database doing 500,000 lookups a second.",
      "We need a read-through cache for our inventory database so services never query the database directly.",
    ]) {
      const d = design(p);
      const opening = d.script[0]?.text ?? "";
      expect(opening, p).toMatch(/At heart this is a read-through cache tier/);
      expect(opening, p).not.toMatch(/look-aside|reads the database and sets/);
      const get = d.api.find((a) => a.operation === "get");
      expect(get?.errors.join(" "), p).not.toMatch(/look-aside|caller reads the database/);
      const fill = d.diagrams.find((x) => /Read-through: the cache loads/.test(x.title))?.mermaid ?? "";
      expect(fill, p).toMatch(/alt a fresh CachedCopy/);
      // a database record, not a page: a few KB
      const inputs = d.capacity.flatMap((f) => f.inputs);
      expect(inputs.find((i) => i.name === "value_bytes")?.value, p).toBeLessThanOrEqual(4000);
      const tech = JSON.stringify(d.technology);
      expect(tech, p).not.toMatch(/poor for durable/);
    }
    // the node count carries the request rate, not only the hot set's memory
    const big = design(
      "Design a read-through cache in front of a product catalog database serving 2 million reads per second.",
    );
    const nodes = big.capacity.find((f) => f.id === "cache_nodes");
    expect(nodes?.value ?? 0).toBeGreaterThanOrEqual(20);
    expect(nodes?.formula).toMatch(/cache_node_ops_per_sec/);
  });

  it("keeps a look-aside cluster and a CDN edge where the prompt asks for those", () => {
    const aside = design("Design a cache in front of a product database serving 1 million reads per second.");
    expect(aside.decisions.find((x) => x.id === "i07-placement")?.chosen).toBe("cluster");
    expect(link(aside, /^Services/, /^Database/)).toBe(true);
    expect(aside.api.find((a) => a.operation === "get")?.call).toBe("get(key) on the key's cache node");
    const cdn = design("Design a CDN that serves images to users around the world.");
    expect(cdn.decisions.find((x) => x.id === "i07-placement")?.chosen).toBe("edge");
    expect(cdn.api.find((a) => a.operation === "get")?.call).toMatch(/^GET \/\{path\}/);
  });
});
