import { describe, expect, it } from "vitest";
import { design } from "../src/lib/index.js";

/**
 * An exchange's order book is the matching engine's state (I13's order-book subject), never a booking: the word
 * "book" inside "order book" (or an address book) is read by no one-word signal of the booking feature.
 */
describe("an order book is matched, not booked", () => {
  for (const p of [
    "Design a stock trading order book for one exchange: orders must be matched in strict price-time order and nothing may be lost if a machine dies.",
    "Design the order book for a crypto exchange.",
    "Design an order book service that keeps bids and asks for 5,000 symbols.",
  ])
    it(p.slice(0, 70), () => {
      const d = design(p);
      expect(d.archetypes[0]?.id).toBe("I13");
      expect(d.features.map((f) => f.id)).not.toContain("booking");
      expect(d.components.map((c) => c.id)).toEqual(expect.arrayContaining(["matcher", "order-log"]));
    });
  it("booking words still book, and a pickup booked for an order is no order book", () => {
    expect(design("Design a system to book a table at a restaurant.").features.map((f) => f.id)).toContain("booking");
    expect(design("Design an address book app that syncs contacts.").features.map((f) => f.id)).not.toContain(
      "booking",
    );
    const pickup = design(
      "Call the shipping carrier's API to book a pickup for each order without ever booking twice when retries happen.",
    );
    expect(pickup.archetypes.map((a) => a.id)).not.toContain("I13");
  });
});
