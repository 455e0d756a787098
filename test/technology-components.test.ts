import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";

const products = (d: ReturnType<typeof design>) => d.technology.flatMap((t) => t.choices.map((c) => c.product));

describe("technology follows the components and the role of the state", () => {
  it("a registry kept in a consensus group is not stored in an asynchronously replicated store", () => {
    const d = design("Design a service discovery and configuration system like Consul for 5,000 services");
    expect(products(d).filter((p) => /redis/i.test(p))).toEqual([]);
    const storage = d.technology.find((t) => t.layer === "storage" && t.archetype === "I10");
    expect(storage?.avoid?.product).toBe("Redis keys with TTL");
    expect(storage?.avoid?.why).toMatch(
      /consensus group.*a majority of replicas holds it.*replication is asynchronous/,
    );
  });

  it("coherence refuses a truth-layer product that lacks what a consensus group needs", () => {
    const d = structuredClone(design("Design a service discovery system like Consul."));
    const row = d.technology.find((t) => t.layer === "storage" && t.archetype === "I10");
    if (!row) throw new Error("no I10 storage row");
    row.choices.push({ product: "Redis keys with TTL", fits: "presence keys", why: "test" });
    expect(checkCoherence(d).map((p) => p.rule)).toContain("technology-lacks-property");
  });

  it("a cache asked for in front of a database buys cache nodes, not a durable store", () => {
    const d = design(
      "Design a distributed cache in front of a user-profile database serving 1 million reads per second",
    );
    expect(products(d)).toEqual(["Memcached"]);
    expect(d.technology.flatMap((t) => (t.references ?? []).map((r) => r.product))).toEqual(["Redis Cluster"]);
  });

  it("a store the prompt asks for still gets its durable storage layer", () => {
    const d = design("Design a key-value store");
    expect(d.technology.find((t) => t.layer === "storage")?.choices.length).toBeGreaterThan(0);
  });
});

describe("technology follows the chosen geo index", () => {
  it("constantly moving drivers are not indexed where every move rewrites a row or a document", () => {
    const p = "Design a ride-hailing app like Uber";
    const moving = products(design(p)).join(" | ");
    expect(moving).not.toMatch(/PostGIS|Elasticsearch/);
    expect(moving).toMatch(/Redis/);
    expect(products(design(p, ["decision.geo-index=quadtree"])).join(" | ")).toMatch(/PostGIS/);
  });
});
