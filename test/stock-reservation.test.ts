import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { recognizeProduct } from "../src/engine/product/recognize.js";
import { deriveDesign } from "../src/lib/index.js";

const designOf = (prompt: string) => {
  const r = deriveDesign(prompt);
  if (!r.ok) throw new Error(r.error);
  return r.design;
};
const featureIds = (prompt: string) => recognizeProduct(prompt).features.map((f) => f.feature.id);
const componentIds = (d: ReturnType<typeof designOf>) => d.components.map((c) => c.id);
const capacityIds = (d: ReturnType<typeof designOf>) => d.capacity.map((c) => c.id);

const GROCERY =
  "Design stock reservation for a grocery delivery app with 400 stores: items in a customer's cart are held for 15 minutes, and we must never sell more of an item than a store has.";

describe("counted goods are the stock feature's reservation, distinct items the booking hold (knowledge/goods.ts)", () => {
  it.each([
    [GROCERY],
    [
      "Design a click-and-collect app where shoppers reserve items for 10 minutes, and a shop must never sell more units than it has in stock.",
    ],
    [
      "Design click-and-collect stock reservations for a chain of 300 pharmacies, where a branch must never sell more units than it has.",
    ],
    ["Design an inventory reservation service for 50 warehouses: an order holds units for 10 minutes while it pays."],
  ])("one writer of the stock and one charge path (%s)", (prompt) => {
    const ids = featureIds(prompt);
    expect(ids).toContain("stock");
    expect(ids).not.toContain("booking");
    const d = designOf(prompt);
    expect(componentIds(d)).toContain("sale-service");
    expect(componentIds(d)).not.toContain("booking-service");
    expect(checkCoherence(d).filter((p) => p.rule === "two-charge-paths")).toEqual([]);
    // (the evidence may say why a seat-style hold is not drawn; nothing the design does speaks of seats)
    expect(JSON.stringify(d.features.map((f) => ({ ...f, evidence: [] })))).not.toMatch(/\bseats?\b/);
  });

  it("says on the stock feature why the seat-style hold is not drawn", () => {
    const d = designOf(
      "Design a click-and-collect app where shoppers reserve items for 10 minutes, and a shop must never sell more units than it has in stock.",
    );
    expect(d.features.map((f) => f.id)).not.toContain("booking");
    const stock = d.features.find((f) => f.id === "stock");
    expect(stock?.evidence.join("\n")).toMatch(/it replaces Booking with a temporary hold .*counted units of an item/);
  });

  // negatives: distinct items named, the booking hold stays and no stock count is drawn beside it
  it.each([
    ["Design a concert ticketing app with seat maps where no seat may ever be oversold."],
    ["Design a restaurant reservation app where the same table is never given to two parties at once."],
    ["Design a parking app where drivers reserve a spot and no parking spot is ever sold out twice."],
  ])("distinct items keep the booking hold (%s)", (prompt) => {
    const ids = featureIds(prompt);
    expect(ids).toContain("booking");
    expect(ids).not.toContain("stock");
  });

  it("a stated rule of selling no more of an item than a place has is carried", () => {
    const d = designOf(GROCERY);
    expect(d.coherence.filter((c) => c.rule === "requirement-not-carried")).toEqual([]);
    expect(d.invariants.map((i) => i.statement).join("\n")).toMatch(/No more items are ever sold than the store has/);
  });
});

describe("a feature named only as the setting of the head's feature brings none of its own needs", () => {
  it.each([
    [GROCERY, ["stock", "fulfilment"]],
    ["Design the checkout for a food delivery app", ["checkout", "fulfilment"]],
  ])("the head asks for one part, so no dispatch or courier locations (%s)", (prompt, kept) => {
    const ids = featureIds(prompt);
    for (const id of kept) expect(ids).toContain(id);
    expect(ids).not.toContain("matching");
    expect(ids).not.toContain("proximity");
    const fulfilment = recognizeProduct(prompt).features.find((f) => f.feature.id === "fulfilment");
    expect(fulfilment?.evidence.join("\n")).toMatch(
      /names this feature only as its setting.*Matching \(ride dispatch\).*is not drawn/,
    );
  });

  it.each([
    ["Design a food delivery app like DoorDash"],
    ["Design a food delivery app."],
    ["Design Uber Eats."],
    ["Build a food delivery app where customers order from restaurants and couriers carry the food."],
  ])("a delivery app that is the subject still draws dispatch and couriers (%s)", (prompt) => {
    const ids = featureIds(prompt);
    expect(ids).toContain("fulfilment");
    expect(ids).toContain("matching");
    expect(ids).toContain("proximity");
  });
});

describe("stock is sized for steady holds unless a burst is stated", () => {
  it("sizes the stated stores' rows, the holds open over the stated window and the busiest row", () => {
    const d = designOf(GROCERY);
    const ids = capacityIds(d);
    for (const id of ["stock_rows", "reservations_per_sec", "active_reservations", "hottest_row_writes_per_sec"])
      expect(ids).toContain(id);
    for (const id of ["buy_attempts_per_sec", "stock_buckets", "attempts_per_stock_write"])
      expect(ids).not.toContain(id);
    const fig = (id: string) => d.capacity.find((c) => c.id === id);
    expect(fig("stock_rows")?.inputs.find((i) => i.name === "stock_locations")).toMatchObject({ value: 400 });
    expect(fig("active_reservations")?.inputs.find((i) => i.name === "hold_seconds")).toMatchObject({
      value: 900,
      source: "stated",
    });
    expect(fig("active_reservations")?.value).toBeCloseTo((fig("reservations_per_sec")?.value ?? 0) * 900);
    expect(componentIds(d)).not.toContain("waiting-room");
    expect(d.decisions.map((x) => x.id)).not.toContain("stock-admission");
    expect(d.decisions.find((x) => x.id === "stock-layout")?.chosen).toBe("one-row");
    expect(d.dataModel.map((m) => m.entity)).not.toContain("ShopperClaim");
    // one count per (place, item), no sale or bucket in its key
    expect(d.dataModel.find((m) => m.entity === "Stock")?.key).toEqual(["place_id", "item_id"]);
  });

  it.each([
    ["Design an inventory management system that never oversells."],
    ["Design an inventory service for an online retailer with 50 million SKUs across 400 warehouses."],
  ])("steady stock without a burst (%s)", (prompt) => {
    const d = designOf(prompt);
    expect(capacityIds(d)).toContain("active_reservations");
    expect(capacityIds(d)).not.toContain("buy_attempts_per_sec");
    expect(componentIds(d)).not.toContain("waiting-room");
  });

  it.each([
    ["Design a flash-sale shopping app where 2 million people try to buy 10,000 pairs of sneakers at noon."],
    ["Design the inventory for a limited sneaker drop that must never oversell."],
    ["Design an inventory service that never oversells when a product drop opens at 10:00 sharp."],
  ])("a stated burst sizes the opening window, the buckets and the waiting room (%s)", (prompt) => {
    const d = designOf(prompt);
    expect(capacityIds(d)).toContain("buy_attempts_per_sec");
    expect(capacityIds(d)).toContain("stock_buckets");
    expect(capacityIds(d)).not.toContain("active_reservations");
    expect(componentIds(d)).toContain("waiting-room");
    expect(d.decisions.map((x) => x.id)).toContain("stock-admission");
  });
});

describe("a lease the stock count keeps in its own row is not drawn beside it", () => {
  it("an inventory reservation guarded by a lock draws the stock row's conditional decrement, not a lock service", () => {
    const d = designOf(
      "We guard inventory reservations with Redis SET NX plus a 10-second TTL. Is that safe? What would you build instead?",
    );
    expect(d.features.map((f) => f.id)).toEqual(["stock"]);
    expect(componentIds(d)).not.toContain("lock-leader");
    expect(d.coherence.filter((c) => c.rule === "realized-record-elsewhere")).toEqual([]);
  });
});

describe("a stated count a holder has is kept where its things are reserved (engine/fields/invariants.ts)", () => {
  it("'never sell more of an item than a store has' sits on the stock reserve, not on the store accepting an order", () => {
    const d = designOf(
      "Design stock reservation for a grocery delivery app with 400 stores: items in a customer's cart are held for 15 minutes, and we must never sell more of an item than a store has.",
    );
    const rule = d.invariants.find((i) => i.statement.startsWith("No more items are ever sold than the store has"));
    expect(rule?.path).toMatch(/^reserve units of an item/);
  });

  it("a holder's count with a path that does the act named keeps that path (a hotel's room booking)", () => {
    const d = designOf("Design a hotel booking system that never books more rooms than the hotel has.");
    const rule = d.invariants.find((i) => i.statement.startsWith("No more rooms are ever booked than the hotel has"));
    expect(rule?.path).toMatch(/^reserve a room/);
  });
});
