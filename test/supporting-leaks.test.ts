import { describe, expect, it } from "vitest";
import { design } from "../src/lib/index.js";

// A supporting archetype contributes only the parts the prompt's requirements use: one a feature rests on but no user
// action does (a hold's expiry, an on-sale's admission) is the feature's own part, with no entity, decision or figure
// of its own; a hosted archetype whose state is the feature's own records draws no generic records (KeyValue,
// Tombstone, a log's Partition) as data; and a feature named only as the place another is built for is not drawn.
const held = (d: ReturnType<typeof design>) => d.components.flatMap((c) => c.holds);

describe("a seat sale's expiry and admission are the booking's own parts", () => {
  const d = design(
    "Design ticketing for a football final: 60,000 seats are released at noon and each seat can be sold only once.",
  );

  it("holds the booking's records, not a scheduler's or a rate limiter's", () => {
    expect(d.features.map((f) => f.id)).toContain("booking");
    expect(held(d)).toEqual(expect.arrayContaining(["Hold", "Booking"]));
    for (const name of ["Schedule", "Run", "Budget", "DueIndex"]) expect(held(d)).not.toContain(name);
  });

  it("decides and sizes nothing for a scheduler beside the hold's own sweeper", () => {
    const support: string[] = d.archetypes.slice(1).map((a) => a.id);
    expect(d.decisions.filter((x) => support.includes(x.archetype))).toEqual([]);
    expect(d.capacity.filter((c) => support.includes(c.archetype))).toEqual([]);
    expect(d.capacity.map((c) => c.id)).not.toContain("budget_store_ops");
  });

  it("keeps a limiter's machinery where the prompt asks for per-buyer limits", () => {
    const limited = design(
      "Design ticketing for a football final: 60,000 seats go on sale at noon, each seat can be sold only once, and each buyer may send at most 5 requests per second.",
    );
    expect(held(limited)).toContain("Budget");
  });
});

describe("a hosted store's records are the feature's own", () => {
  it("draws a music catalogue without key-value machinery as data", () => {
    const d = design("Design a music streaming app like Spotify");
    const catalogue = d.components.find((c) => c.holds.includes("Track"));
    expect(catalogue?.holds).not.toContain("KeyValue");
    expect(catalogue?.holds).not.toContain("Tombstone");
    expect(held(d)).not.toContain("Partition");
  });
});

describe("a feature named only as the place of another", () => {
  it("draws no checkout for a reviews system built for an online store", () => {
    const d = design(
      "Build a ratings service for an online store with 8 million items: customers leave star ratings and every item page shows its mean score.",
    );
    expect(d.features.map((f) => f.id)).toEqual(["reviews"]);
    expect(d.components.map((c) => c.name).join(" ")).not.toMatch(/Order|Payment/);
  });

  it("still draws the checkout of an online store itself", () => {
    expect(design("Design an online store").features.map((f) => f.id)).toContain("checkout");
  });
});
