import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { countedParts, spreadOf } from "../src/engine/named-parts.js";
import { design } from "../src/lib/index.js";

const CHECKOUT =
  "Design an online store checkout that reserves inventory, charges the card and books shipping across three services, and never charges for an order that cannot ship.";
const TRAVEL = "Design a travel booking that books a flight, a hotel and a car across three providers.";

const missing = (d: Parameters<typeof checkCoherence>[0]) =>
  checkCoherence(d).filter((p) => p.rule === "named-part-missing");

describe("named parts: the prompt's counted parts and the systems it spreads its steps across", () => {
  it("reads each step's system from its verb or its object, one per step", () => {
    expect(spreadOf(CHECKOUT)?.members.map((m) => m.system)).toEqual(["inventory", "payment", "shipping"]);
    expect(spreadOf(CHECKOUT)?.count).toBe(3);
    const travel = spreadOf(TRAVEL);
    expect(travel?.head).toBe("provider");
    expect(travel?.members).toEqual([
      { system: "flight", step: "books a flight" },
      { system: "hotel", step: "books a hotel" },
      { system: "car", step: "books a car" },
    ]);
    expect(
      spreadOf(
        "Design an order service that charges the customer and ships the package across two services.",
      )?.members.map((m) => m.system),
    ).toEqual(["payment", "shipping"]);
    expect(spreadOf("Design a user profile store that replicates across three data centers.")).toBeUndefined();
  });

  it("counts parts in number words and boxes in figures, not guarantees, places or other figures", () => {
    expect(countedParts("Design a pipeline that turns each video into five resolutions.")).toEqual([
      { noun: "resolution", count: 5, quote: "five resolutions" },
    ]);
    expect(countedParts("Design a job runner with 200 workers pulling from one queue.").map((t) => t.noun)).toEqual([
      "worker",
      "queue",
    ]);
    expect(countedParts("Every order is assigned to exactly one courier.")).toEqual([]);
    expect(countedParts("A profile store that replicates across three data centers.")).toEqual([]);
    expect(countedParts("1 million shoppers compete for 10,000 units.")).toEqual([]);
    expect(countedParts(CHECKOUT)).toEqual([]);
  });

  it("draws every system a spread names, called by the part that sends the effects", () => {
    const d = design(CHECKOUT);
    const shipping = d.components.find((c) => c.name === "Shipping service");
    expect(shipping).toBeDefined();
    expect(d.links.some((l) => l.to === shipping?.id && l.label === "books shipping")).toBe(true);
    expect(d.diagrams[0]?.mermaid).toContain("Shipping service");
    expect(missing(d)).toEqual([]);
    const t = design(TRAVEL);
    expect(t.components.filter((c) => c.id.startsWith("spread-")).map((c) => c.name)).toEqual([
      "Flight provider",
      "Hotel provider",
      "Car provider",
    ]);
  });

  it("coherence named-part-missing: a spread's system or a counted part with no box and no record", () => {
    const d = structuredClone(design(CHECKOUT));
    d.components = d.components.filter((c) => c.name !== "Shipping service");
    expect(missing(d).map((p) => p.detail)).toEqual([
      expect.stringContaining("no component is the shipping service that 'books shipping' reaches"),
    ]);
    const q = design("Design a job runner with 200 workers pulling from one queue.");
    const drawsQueue = q.components.some((c) => /queue/i.test(`${c.name} ${c.holds.join(" ")}`));
    expect(missing(q).some((p) => p.detail.includes("'one queue'"))).toBe(!drawsQueue);
  });
});

describe("the unit is the prompt's own noun when a feature's record carries the lead's workflow", () => {
  it("a checkout's workflow instance is its order: one record, one service, one store", () => {
    const d = design(CHECKOUT);
    const orders = d.dataModel.filter((e) => /\bOrder\b/.test(e.entity));
    expect(orders.map((e) => e.entity)).toEqual(["Order (WorkflowInstance)"]);
    expect(d.dataModel.some((e) => e.entity === "WorkflowInstance")).toBe(false);
    expect(d.components.filter((c) => /^Order (service|DB|database)/.test(c.name)).length).toBe(2);
    expect(d.components.some((c) => /^Workflow /.test(c.name))).toBe(false);
    expect(d.api.filter((a) => a.call === "POST /v1/orders")).toHaveLength(1);
    expect(d.primaryState.map((p) => p.entity)).toContain("Order");
  });
});
