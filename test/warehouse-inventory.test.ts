import { describe, expect, it } from "vitest";
import { recognizeProduct } from "../src/engine/product/recognize.js";
import { deriveDesign } from "../src/lib/index.js";

const designOf = (prompt: string) => {
  const r = deriveDesign(prompt);
  if (!r.ok) throw new Error(r.error);
  return r.design;
};
const featureIds = (prompt: string) => recognizeProduct(prompt).features.map((f) => f.feature.id);

// paraphrases of stock held at named locations, with nothing bought or sold there
const LOCATED = [
  "Design an inventory system for a chain of 500 warehouses where stock must never go negative.",
  "Design stock levels across 200 stores and 3 distribution centres.",
  "Design a parts inventory for 40 depots; a depot's count of a part can never drop below zero.",
  "Design inventory tracking for a retailer with 1,000 shops.",
];

describe("stock held at locations is warehouse operations, not a sale's checkout (features/stock-ledger.ts)", () => {
  it.each(LOCATED.map((p) => [p]))("receipts, picks, transfers and counts, no payment (%s)", (prompt) => {
    expect(featureIds(prompt)).toContain("stock-ledger");
    expect(featureIds(prompt)).not.toContain("stock");
    const d = designOf(prompt);
    const text = JSON.stringify({ c: d.components, a: d.api, m: d.dataModel, o: d.operations });
    expect(text).not.toMatch(/payment provider|\bcheckout\b|\bin the sale\b|shopper/i);
    const calls = d.api.map((a) => a.call);
    for (const c of ["/shipments", "/receipts", "/transfers", "/counts"])
      expect(calls.some((x) => x.includes(c))).toBe(true);
    const entities = d.dataModel.map((m) => m.entity);
    for (const e of ["Stock", "StockMovement", "Transfer"]) expect(entities).toContain(e);
    expect(d.decisions.map((x) => x.id)).toContain("stock-transfer-mode");
    expect(d.coherence.filter((c) => c.rule !== "requirement-not-carried")).toEqual([]);
  });

  it("one count per (item, location): no second field for the same quantity, no stock_id beside its own key", () => {
    const d = designOf(LOCATED[0] as string);
    const stock = d.dataModel.find((m) => m.entity === "Stock");
    expect(stock?.key).toEqual(["location_id", "item_id"]);
    expect(stock?.fields).toEqual(["on_hand", "version"]);
    const ship = d.api.find((a) => a.call.includes("/shipments"));
    expect(ship?.request).not.toContain("stock_id");
    expect(ship?.request).not.toContain("amount");
    expect(ship?.request).not.toContain("idempotency_key");
    // the stated floor is checked on the row's own count
    expect(stock?.indexes.join(" ")).toMatch(/on_hand - amount >= 0/);
  });

  it("the stated number of locations sizes the rows and the per-location write rate", () => {
    const d = designOf(LOCATED[0] as string);
    const fig = (id: string) => d.capacity.find((c) => c.id === id);
    const rows = fig("stock_rows");
    expect(rows?.inputs.find((i) => i.name === "stock_locations")).toMatchObject({ value: 500 });
    const perLocation = fig("location_writes_per_sec");
    expect(perLocation?.value).toBeCloseTo((fig("movement_writes_per_sec")?.value ?? 0) / 500);
    expect(d.capacity.map((c) => c.id)).not.toContain("population_held_bytes");
  });

  it("stores and distribution centres together are the locations", () => {
    const d = designOf(LOCATED[1] as string);
    const rows = d.capacity.find((c) => c.id === "stock_rows");
    expect(rows?.inputs.find((i) => i.name === "stock_locations")).toMatchObject({ value: 203 });
  });

  // the sale's stock stays where buying, a sale or a payment is stated, or no location is named
  it.each([
    [
      "Design an inventory service for an online retailer with 50 million SKUs across 400 warehouses where stock never goes below zero during a flash sale.",
    ],
    ["Design an inventory reservation service for 50 warehouses: an order holds units for 10 minutes while it pays."],
    ["Design an inventory management system that never oversells."],
    ["Design an inventory service."],
    ["Design stock levels for 200 stores where shoppers reserve items and pay at checkout."],
  ])("a sale keeps the reserved count (%s)", (prompt) => {
    const ids = featureIds(prompt);
    expect(ids).not.toContain("stock-ledger");
  });
});
