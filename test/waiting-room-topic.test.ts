import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";
import { topicsSpoken } from "../src/knowledge/topics.js";

/** Everything a design draws, as one text. */
const drawn = (d: ReturnType<typeof design>) =>
  JSON.stringify([d.components, d.links, d.api, d.dataModel, d.failures, d.technology]);
const spoken = (text: string) => topicsSpoken(text).map((t) => t.value);
const chosen = (d: ReturnType<typeof design>, id: string) => d.decisions.find((x) => x.id === id)?.chosen;
const figure = (d: ReturnType<typeof design>, id: string) => d.capacity.find((r) => r.id === id)?.value;

describe("a virtual waiting room holds a crowd in one line and lets it out at the backend's rate", () => {
  const sale = design(
    "Design a virtual waiting room for a concert ticket sale: 2 million fans arrive in the first minute, the ticketing backend can take 5,000 new shoppers per minute, and fans must be admitted in the order they arrived",
  );
  const likeQueueIt = design(
    "Design a virtual queue like Queue-it for a sneaker drop: 500,000 shoppers hit the site and checkout can handle 2,000 new shoppers per minute.",
  );
  const lottery = design(
    "Build an online waiting room that protects a vaccine appointment site from 3 million visitors; the site can take 10,000 new visitors per minute, and everyone who arrives before the opening gets a random place in line.",
  );

  it("is I08's waiting-room subject, not a per-caller rate limiter, and keeps its own shape", () => {
    for (const d of [sale, likeQueueIt, lottery]) {
      expect(d.branch.kind).toBe("infra");
      expect(d.archetypes[0]?.id).toBe("I08");
      expect(d.nfrs.topics).toContain("waiting-room");
      expect(checkCoherence(d).filter((p) => !p.rule.startsWith("stated-number"))).toEqual([]);
      expect(drawn(d)).not.toMatch(/\bBudget\b|LimitPolicy|LocalAllowance|429 Too Many Requests|[Tt]oken bucket/);
    }
    expect(checkCoherence(sale)).toEqual([]);
  });

  it("draws the edge, the position counter, the watermark controller and the protected site", () => {
    expect(sale.components.map((c) => c.id)).toEqual(
      expect.arrayContaining(["edge", "queue-service", "queue-store", "admission-controller", "backend"]),
    );
    for (const e of ["QueueTicket", "RoomState", "AdmissionToken"])
      expect(sale.dataModel.map((m) => m.entity)).toContain(e);
    expect(sale.api.map((a) => a.operation)).toEqual(
      expect.arrayContaining(["join", "poll position", "claim admission"]),
    );
    // the token is checked where the crowd lands, before the backend, and the line is let out by its own loop
    const sequences = sale.diagrams.filter((x) => x.kind === "sequence");
    expect(sequences.map((x) => x.title).join("\n")).toMatch(/Join, wait at the edge, and enter with a token/);
    expect(sequences.map((x) => x.title).join("\n")).toMatch(/Let the line out at the backend's rate/);
    expect(JSON.stringify(sequences)).toMatch(/signature valid, not expired, visitor id matches/);
  });

  it("says arrival order first, kept by one counter per room and a watermark that only rises", () => {
    const rules = sale.invariants.map((i) => i.statement);
    expect(rules[0]).toMatch(/No visitor is admitted before one who joined the same room earlier/);
    const all = rules.join("\n");
    expect(all).toMatch(/served_up_to only ever rises/);
    expect(all).toMatch(/at most one QueueTicket per room/);
    expect(chosen(sale, "i08-room-order")).toBe("strict-fifo");
    expect(chosen(lottery, "i08-room-order")).toBe("prequeue-lottery");
    expect(chosen(sale, "i08-room-check")).toBe("edge-check");
  });

  it("sizes from the stated crowd and admission rate: the opening's joins, the drain time and the edge's polls", () => {
    expect(sale.nfrs.scale.admits_per_sec).toBeCloseTo(5000 / 60, 6);
    expect(figure(sale, "join_rate")).toBeCloseTo(2_000_000 / 60, 3);
    expect(figure(sale, "drain_seconds")).toBeCloseTo(2_000_000 / (5000 / 60), 3);
    expect(figure(sale, "admits_per_minute")).toBeCloseTo(5000, 6);
    expect(figure(likeQueueIt, "drain_seconds")).toBeCloseTo(500_000 / (2000 / 60), 3);
    // a crowd counted only as visitors is still the line's arrivals
    expect(figure(lottery, "drain_seconds")).toBeCloseTo(3_000_000 / (10_000 / 60), 3);
  });

  it("is spoken for a waiting room asked for itself, not for a meeting's lobby or a booking system", () => {
    expect(spoken("a virtual waiting room in front of our checkout")).toContain("waiting-room");
    expect(spoken("Design a video call app where the host admits people from the meeting waiting room")).not.toContain(
      "waiting-room",
    );
    expect(spoken("Design a ticket booking system with a waiting room for popular concerts")).not.toContain(
      "waiting-room",
    );
    // a count of new users a day is sign-ups, never an admission rate
    expect(
      design("Design a photo sharing app with 10,000 new users per day").nfrs.scale.admits_per_sec,
    ).toBeUndefined();
  });
});
