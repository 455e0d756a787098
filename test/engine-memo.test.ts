import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";

// Parts of a design that the engine keeps between designs (compositions, capacity rows, protocol parses)
// are handed out as each design's own copy: changing one design never reaches another.
describe("kept derivations stay private to each design", () => {
  it("a composition shared by two prompts is two independent copies", () => {
    const a = design("Design a distributed lock service");
    const b = design("Design a distributed lock service for our cluster");
    expect(b.components).toEqual(a.components);
    const first = a.components[0];
    if (!first) throw new Error("no components");
    first.holds.push("Mutated");
    first.name = "changed";
    a.links.length = 0;
    const again = design("Design a distributed lock service, please");
    expect(again.components).toEqual(b.components);
    expect(again.components[0]?.holds).not.toContain("Mutated");
    expect(again.links.length).toBe(b.links.length);
  });

  it("capacity rows kept for a model are copied out per design", () => {
    const a = design("Design a distributed message queue");
    const row = a.capacity[0];
    if (!row) throw new Error("no capacity rows");
    row.display = "changed";
    row.inputs.length = 0;
    const b = design("Design a distributed message queue");
    expect(b.capacity[0]?.display).not.toBe("changed");
    expect(b.capacity[0]?.inputs.length).toBeGreaterThan(0);
  });

  it("a stated number still reaches the capacity rows of a model evaluated before without it", () => {
    const plain = design("Design a distributed message queue");
    const stated = design("Design a distributed message queue for 2 million messages per second");
    expect(JSON.stringify(stated.capacity)).not.toBe(JSON.stringify(plain.capacity));
    expect(stated.capacity.some((r) => r.inputs.some((i) => i.source === "stated"))).toBe(true);
  });
});
