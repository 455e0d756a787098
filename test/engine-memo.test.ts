import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";

// Parts of a design that the engine keeps between designs (compositions, capacity rows, protocol parses)
// are shared by the designs that read them, so a design is handed out frozen through: changing it throws,
// and no change can reach another design. A caller that wants to edit one edits its own structuredClone.
describe("kept derivations are shared read-only between designs", () => {
  it("a composition shared by two prompts cannot be changed through either", () => {
    const a = design("Design a distributed lock service");
    const b = design("Design a distributed lock service for our cluster");
    expect(b.components).toEqual(a.components);
    const first = a.components[0];
    if (!first) throw new Error("no components");
    expect(() => first.holds.push("Mutated")).toThrow(TypeError);
    expect(() => {
      first.name = "changed";
    }).toThrow(TypeError);
    expect(() => {
      a.links.length = 0;
    }).toThrow(TypeError);
    const again = design("Design a distributed lock service, please");
    expect(again.components).toEqual(b.components);
    expect(again.links.length).toBe(b.links.length);
  });

  it("every design is frozen through, whether its parts were kept or derived afresh", () => {
    const isFrozenThrough = (v: unknown): boolean =>
      v === null || typeof v !== "object" || (Object.isFrozen(v) && Object.values(v).every(isFrozenThrough));
    // the first derivation keeps nothing (content is kept on its second sighting); the third answers from memory
    for (let i = 0; i < 3; i++) expect(isFrozenThrough(design("Design a distributed message queue"))).toBe(true);
    expect(isFrozenThrough(design("Design a distributed message queue", ["regions=3"]))).toBe(true);
  });

  it("a copy of a design is the caller's own: changing it reaches no other design", () => {
    const a = structuredClone(design("Design a distributed message queue"));
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

describe("named systems through the three-letter index", () => {
  it("finds exactly the names a whole-word, any-case test of every name finds", async () => {
    const { ARCHETYPES } = await import("../src/knowledge/index.js");
    const { namedSystems } = await import("../src/engine/references.js");
    const names = [
      ...new Set(ARCHETYPES.flatMap((a) => a.signals.systems.flatMap((s) => [s.name, ...s.aliases]))),
    ].filter((n) => n.length >= 2);
    const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const brute = (p: string) =>
      new Set(names.filter((n) => new RegExp(`(^|[^A-Za-z0-9])${esc(n)}([^A-Za-z0-9]|$)`, "i").test(p)));
    let seed = 7;
    const rnd = (k: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % k;
    };
    const noise = [" ", "-", "é", "İ", "x", ".", "K", "\u212a"];
    for (let t = 0; t < 300; t++) {
      let p = "Design ";
      for (let w = 0; w < 4; w++) {
        const n = names[rnd(names.length)] ?? "";
        p += [...n].map((c) => (rnd(2) ? c.toUpperCase() : c.toLowerCase())).join("");
        p += noise[rnd(noise.length)];
        if (rnd(3) === 0) p += n.slice(0, 3);
      }
      expect(new Set(namedSystems(p)), p).toEqual(brute(p));
    }
  });
});
