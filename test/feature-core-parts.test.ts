import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { deriveDesign } from "../src/engine/design/design.js";
import { recognizeProduct } from "../src/engine/product/recognize.js";

const designOf = (prompt: string) => {
  const r = deriveDesign(prompt);
  if (!r.ok) throw new Error(r.error);
  return r.design;
};
const names = (d: ReturnType<typeof designOf>) => d.components.map((c) => c.name).join("\n");

const CHECKOUT =
  "Design an online store checkout that reserves inventory, charges the card and books shipping across three services, and never charges for an order that cannot ship.";

describe("a feature triggered by one word brings its core, not its whole topology", () => {
  // a store's inventory is counted goods, so its reservation is the stock feature's (knowledge/goods.ts); a
  // prescription is held one by one, and a library book is the lending feature's loan and hold (features/lending.ts)
  it.each([
    [CHECKOUT, "stock", /Sale service/, /Stock store/, "stock-admission"],
    [
      "a pharmacy app that reserves prescriptions for pickup",
      "booking",
      /Booking service/,
      /Inventory store/,
      "booking-admission",
    ],
    [
      "a library app where members reserve books for pickup",
      "lending",
      /Circulation service/,
      /Circulation database/,
      "booking-admission",
    ],
  ])(
    "a hold without an on-sale crowd draws no waiting room and decides no admission (%s)",
    (prompt, feature, service, store, admission) => {
      const d = designOf(prompt);
      expect(d.features.map((f) => f.id)).toContain(feature);
      expect(names(d)).toMatch(service);
      expect(names(d)).toMatch(store);
      expect(names(d)).not.toMatch(/Waiting room/);
      expect(d.decisions.map((x) => x.id)).not.toContain(admission);
      expect(d.failures.map((x) => x.failure).join("\n")).not.toMatch(/popular on-sale/);
      expect(d.capacity.map((c) => c.id)).not.toContain("buyers_at_onsale");
      expect(d.capacity.map((c) => c.id)).not.toContain("inventory_rows");
      expect(d.bottlenecks.map((b) => `${b.bottleneck} ${b.mitigation}`).join("\n")).not.toMatch(/waiting room/);
      expect(checkCoherence(d).filter((p) => p.rule === "part-uncalled")).toEqual([]);
    },
  );

  it.each([[CHECKOUT], ["a pharmacy app that reserves prescriptions for pickup"]])(
    "nothing in the prompt browses what is free, so no availability map or its cache (%s)",
    (prompt) => {
      const d = designOf(prompt);
      expect(names(d)).not.toMatch(/Availability cache/);
      expect(d.features.flatMap((f) => f.entities.map((e) => e.name))).not.toContain("Availability");
      expect(JSON.stringify(d.links)).not.toMatch(/seat map/);
      expect(d.features.flatMap((f) => f.substrates.map((s) => s.id))).not.toContain("I08");
    },
  );

  it.each([
    ["Design a concert ticketing system like Ticketmaster where fans pick seats and no seat is sold twice"],
    ["Design a ticket booking site where a popular show goes on sale to a million buyers"],
  ])("an on-sale prompt keeps the waiting room and the seat map (%s)", (prompt) => {
    const d = designOf(prompt);
    expect(names(d)).toMatch(/Waiting room/);
    expect(names(d)).toMatch(/Availability cache/);
    expect(d.decisions.map((x) => x.id)).toContain("booking-admission");
  });

  it("a table booking browses free tables but meets no on-sale crowd", () => {
    const d = designOf("a restaurant table reservation app");
    expect(names(d)).toMatch(/Availability cache/);
    expect(names(d)).not.toMatch(/Waiting room/);
  });
});

describe("a feature named only by the place it happens in yields to the feature done there", () => {
  it.each([
    ["a restaurant table reservation app", "booking"],
    ["a restaurant review app", "reviews"],
  ])("'%s' takes no food orders or couriers", (prompt, kept) => {
    const ids = recognizeProduct(prompt).features.map((f) => f.feature.id);
    expect(ids).toContain(kept);
    expect(ids).not.toContain("fulfilment");
    expect(ids).not.toContain("matching");
  });

  it.each([
    ["a food delivery app for restaurants"],
    ["an app to order from nearby restaurants and reserve tables"],
    ["a restaurant ordering app"],
  ])("a place named with its own action or beside another feature keeps its feature (%s)", (prompt) => {
    expect(recognizeProduct(prompt).features.map((f) => f.feature.id)).toContain("fulfilment");
  });
});

describe("a courier's own state row realizes 'exactly one courier'", () => {
  const DOORDASH =
    "Design a food delivery app like DoorDash where customers track their courier live on a map and every order is assigned to exactly one courier.";

  it("draws no lock service or member registry beside the driver state store", () => {
    const d = designOf(DOORDASH);
    expect(names(d)).not.toMatch(/Lock leader|Lock service|Registry leader|Protected resource/);
    expect(names(d)).toMatch(/Driver state store/);
    expect(d.archetypes[0]?.realizes?.id).toBe("I02");
    expect(checkCoherence(d)).toEqual([]);
  });

  it("keeps the lock service where the prompt asks for a lock", () => {
    const d = designOf(
      "Design a food delivery app where every order is assigned to exactly one courier using a distributed lock service",
    );
    expect(names(d)).toMatch(/Lock leader/);
  });
});
