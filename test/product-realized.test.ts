import { describe, expect, it } from "vitest";
import { design } from "../src/lib/index.js";

// A product-first design whose lead substrate a feature's own record realizes (a seat hold is a conditional write on
// the seat's row) draws no lease service of its own, as a mixed design with the same feature does.
describe("a product-first design realized by its feature's record", () => {
  const d = design("Design a movie ticket booking app.");

  it("names the realized archetype on the lead row with the record that realizes it", () => {
    expect(d.branch.kind).toBe("product");
    expect(d.archetypes[0]?.id).toBe("I02");
    expect(d.archetypes[0]?.realizes?.entity).toBe("Hold");
  });

  it("draws no lease table, lock-store decision or consensus-leader hotspot", () => {
    expect(d.primaryState.map((p) => p.entity)).not.toContain("Lease");
    expect(d.decisions.map((x) => x.id)).not.toContain("i02-lock-store");
    expect(d.bottlenecks[0]?.bottleneck).toMatch(/on-sale event's partition/);
  });

  it("keeps the lease machinery when the prompt asks for locks", () => {
    const locked = design("Design a movie ticket booking app that takes a distributed lock on each seat.");
    expect(locked.archetypes.some((a) => a.realizes !== undefined)).toBe(false);
  });
});
