import { describe, expect, it } from "vitest";
import { deriveDesign } from "../src/engine/design/design.js";
import { objectOf } from "../src/engine/product/recognize.js";
import { coverageOf } from "../src/knowledge/covers.js";

const designOf = (prompt: string) => {
  const r = deriveDesign(prompt);
  if (!r.ok) throw new Error(r.error);
  return r.design;
};
const entities = (d: ReturnType<typeof designOf>) => d.dataModel.map((m) => m.entity);

// A thing a business sells or books one of (a seat, a unit of stock) held under a "never two" or "never negative"
// rule is a reservation or inventory system: the authority is that thing's own row, kept by a guarded conditional
// update, never a lock service or a limiter.
describe("a sold item under a never-two or never-negative rule", () => {
  it("a seat booking system sized by its booking rate is a booking design, not a lock service", () => {
    const d = designOf(
      "Design a movie theater seat booking system handling 50,000 bookings per minute at peak, where two customers can never book the same seat.",
    );
    expect(d.features.map((f) => f.id)).toContain("booking");
    expect(entities(d)).not.toContain("Lease");
    expect(entities(d)).toContain("Item");
    expect(d.nfrs.consistency).toBe("linearizable");
    // the stated rate sizes the item rows' conditional writes; "two customers" is no user count
    expect(d.nfrs.scale.bookings_per_sec).toBeCloseTo(50000 / 60);
    expect(d.nfrs.scale.users).toBeUndefined();
    expect(d.capacity.find((c) => c.id === "item_writes_per_sec")?.value).toBeGreaterThan(1000);
    expect(d.coherence).toEqual([]);
  });

  it("an airline seat or an appointment slot paraphrase reads the same way, naming the prompt's own item", () => {
    for (const [prompt, item] of [
      [
        "Design an airline seat reservation system where two passengers can never hold the same seat on a flight, at 20,000 reservations per minute.",
        "seat",
      ],
      ["Design a doctor appointment booking service where two patients can never book the same slot.", "slot"],
    ] as const) {
      const d = designOf(prompt);
      expect(d.features.map((f) => f.id)).toContain("booking");
      expect(entities(d)).not.toContain("Lease");
      expect(d.invariants[0]?.statement).toMatch(new RegExp(`^A ${item} has at most one live hold`));
    }
  });

  it("a flash sale's stock is a count on its own row, not a rate limiter's budget", () => {
    const d = designOf(
      "Design an inventory service for flash sales where 1 million shoppers compete for 10,000 units and stock never goes negative.",
    );
    expect(d.features.map((f) => f.id)).toEqual(["stock"]);
    expect(d.archetypes[0]?.id).toBe("I16");
    expect(d.archetypes[0]?.realizes?.entity).toBe("Stock");
    expect(d.archetypes.map((a) => a.id)).not.toContain("I08");
    expect(entities(d)).toEqual(expect.arrayContaining(["Stock", "Reservation", "Order"]));
    expect(entities(d)).not.toContain("Budget");
    expect(d.nfrs.consistency).toBe("linearizable");
    expect(d.nfrs.availability).toBe("fail-closed");
    // the stated units and shoppers size the opening burst, not a day's average
    expect(d.nfrs.scale.units_for_sale).toBe(10000);
    const burst = d.capacity.find((c) => c.id === "buy_attempts_per_sec");
    expect(burst?.value).toBeGreaterThanOrEqual(100000);
    expect(d.decisions.find((x) => x.id === "stock-layout")?.chosen).toBe("buckets");
    expect(d.decisions.find((x) => x.id === "stock-admission")?.chosen).toBe("waiting-room");
    expect(d.invariants[0]?.statement).toMatch(/never goes below zero/);
    // the stock row keeps the feature's own stance, not the eventual one of the counter it realizes
    const stock = d.primaryState.find((r) => r.entity === "Stock");
    expect([stock?.consistency.value, stock?.availability.value]).toEqual(["linearizable", "fail-closed"]);
    expect(d.coherence).toEqual([]);
  });

  it("an inventory that never oversells draws no lease service beside its stock rows", () => {
    const d = designOf("Design an inventory management system that never oversells.");
    expect(d.features.map((f) => f.id)).toEqual(["stock"]);
    expect(entities(d)).not.toContain("Lease");
    expect(d.coherence).toEqual([]);
  });

  it("soft state never covers a stated floor on a count", () => {
    expect(coverageOf("I08", "I16", [], "a rate limiter that allows each key 1,000 requests per minute")).toBeDefined();
    expect(coverageOf("I08", "I16", [], "a flash sale limiter where stock never goes negative")).toBeUndefined();
  });

  it("the object of a booking verb skips a word that only picks one of its kind", () => {
    expect(objectOf("a seat booking system where two customers can never book the same seat", ["book"])).toBe("seat");
    expect(objectOf("reserve the last room", ["reserve"])).toBe("room");
  });
});
