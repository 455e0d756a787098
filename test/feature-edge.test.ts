import { describe, expect, it } from "vitest";
import { FEATURES } from "../src/knowledge/features/index.js";

// A feature's topology is put on the shared product edge when first read (not for all features at load): it must be
// one object however often it is read (kept values are told apart by identity), and the entry's keys keep their order.
describe("features on the product edge", () => {
  it("give one topology object per feature, standing on the client, gateway and auth service", () => {
    for (const f of FEATURES) {
      const t = f.topology;
      expect(f.topology, f.id).toBe(t);
      expect(t.components.map((c) => c.id)).toEqual(expect.arrayContaining(["client", "gateway", "auth"]));
      expect(JSON.parse(JSON.stringify(f)).topology).toEqual(t);
    }
  });

  it("carry the topology as an own, enumerable key, so copies and spreads hold it", () => {
    for (const f of FEATURES) {
      expect(Object.keys(f)).toContain("topology");
      expect({ ...f }.topology).toBe(f.topology);
    }
  });
});
