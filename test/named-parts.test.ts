import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { countedParts, relationalParts, spreadOf } from "../src/engine/named-parts.js";
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
    // a number word a rule bounds or forbids says how many may share one thing, never parts of it
    expect(countedParts("A meeting room never holds two bookings for the same hour.")).toEqual([]);
    expect(countedParts("A delivery van must never be loaned to two drivers at once.")).toEqual([]);
    expect(countedParts("An agent can work at most three tickets at a time.")).toEqual([]);
    expect(countedParts("Each warehouse keeps up to four pick lanes open.")).toEqual([]);
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

describe("named parts are drawn: counted parts as records with their count, relational parts as records and boxes", () => {
  it("reads relational parts: a relation after a possessive, or live and map in one sentence", () => {
    expect(
      relationalParts("Design a chat app where users see which of their friends are online.").map((p) => p.id),
    ).toEqual(["contacts"]);
    expect(
      relationalParts("Design a parcel tracking app that shows each courier live on a map.").map((p) => p.id),
    ).toEqual(["live-map"]);
    expect(relationalParts("Design a map tile service. Serve live traffic.")).toEqual([]);
    expect(relationalParts("Design a contacts sync service.")).toEqual([]);
  });

  it("a counted part no record plays is a record per unit and part, carrying the count", () => {
    const d = design("Design a quiz service where each quiz has ten questions and 1 million players answer at once.");
    const row = d.dataModel.find((e) => /Question/.test(e.entity));
    expect(row).toBeDefined();
    expect(row?.fields.join(" ")).toMatch(/one of 10 per quiz/);
    expect(d.components.some((c) => c.id === row?.owner && c.holds.includes(row?.entity ?? ""))).toBe(true);
    expect(missing(d)).toEqual([]);
  });

  it("a counted part a subject's own record plays is that record, and the count reaches its sizing", () => {
    const d = design(
      "Design a video transcoding pipeline that processes 500,000 uploaded videos a day into five resolutions, where a crashed worker's job is picked up again and no half-written output is ever published.",
    );
    expect(d.dataModel.filter((e) => /Resolution|Rendition/.test(e.entity))).toHaveLength(1);
    expect(d.capacity.flatMap((r) => r.inputs).some((i) => i.name === "renditions" && i.value === 5)).toBe(true);
    expect(missing(d)).toEqual([]);
  });

  it("their contacts: a contact list a status change fans out over, read by the status path", () => {
    const d = design(
      "Design an online presence service that shows whether each of 200 million users is online, with status changes visible to their contacts within 5 seconds.",
    );
    const contact = d.dataModel.find((e) => e.entity === "Contact");
    expect(contact?.key).toEqual(["user_id", "contact_id"]);
    expect(d.links.some((l) => l.to === contact?.owner && l.label === "who sees the change")).toBe(true);
    expect(missing(d)).toEqual([]);
  });

  it("a relation a subject already draws is not drawn twice (a Follow edge is the friends list)", () => {
    const d = design("Design a social app where users see when their friends post.");
    expect(d.dataModel.some((e) => e.entity === "Follow")).toBe(true);
    expect(d.dataModel.some((e) => e.entity === "Contact")).toBe(false);
  });

  it("live on a map: a channel that pushes each position to the watching client, fed by the position path", () => {
    const d = design("Design a parcel tracking app that shows each courier live on a map.");
    const live = d.components.find((c) => c.id === "live-tracking");
    expect(live?.holds).toEqual(["TrackingWatch"]);
    expect(d.links.some((l) => l.to === "live-tracking")).toBe(true);
    expect(d.links.some((l) => l.from === "live-tracking" && l.label === "push each new position")).toBe(true);
    expect(checkCoherence(d)).toEqual([]);
    const s = JSON.stringify(design(CHECKOUT).script);
    expect(s).toMatch(/Let me draw this[^"]*shipping service/);
  });

  it("coherence named-part-missing: a relational part with no record or box playing it", () => {
    const d = structuredClone(
      design(
        "Design an online presence service that shows whether each of 200 million users is online, with status changes visible to their contacts within 5 seconds.",
      ),
    );
    d.components = d.components.filter((c) => c.id !== "contact-store");
    d.dataModel = d.dataModel.filter((e) => e.entity !== "Contact");
    expect(missing(d).map((p) => p.detail)).toEqual([expect.stringContaining("contacts part")]);
  });
});
