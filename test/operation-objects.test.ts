import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { operationObjects } from "../src/engine/operation-objects.js";

describe("a product's records keep the nouns its operations act on", () => {
  it("reads an owner publishing its things and an operation's qualifier", () => {
    const o = operationObjects(
      "Design a court booking app: 3,000 clubs publish their courts and opening hours, players book a court for a match type.",
    );
    expect(o.owners).toEqual([
      expect.objectContaining({ owner: "club", things: ["court"], attributes: ["opening hours"] }),
    ]);
    expect(o.qualifiers).toEqual([expect.objectContaining({ verb: "book", object: "court", qualifier: "match type" })]);
  });
  it("reads 'for a number of guests' as a count and leaves a length of time or a picked one alone", () => {
    const counted = operationObjects("guests book a cabin for a number of guests, and hosts list their cabins.");
    expect(counted.qualifiers.map((q) => q.qualifier)).toEqual(["guest count"]);
    expect(operationObjects("members reserve a desk for a half day").qualifiers).toEqual([]);
    expect(operationObjects("make sure a payout for a given merchant is sent once").qualifiers).toEqual([]);
    expect(operationObjects("customers manage their plans").owners).toEqual([]);
  });
  it("draws the owner's record with its attributes, its id on the things it publishes, and the qualifier on the booking", () => {
    const d = design(
      "Design a restaurant table reservation app: 40,000 restaurants publish their tables and opening hours, diners search by city and time and book a table for a party size, a table is never booked twice for overlapping times, and a no-show fee is charged if the diner does not arrive.",
    );
    const restaurant = d.dataModel.find((r) => r.entity === "Restaurant");
    expect(restaurant?.key).toEqual(["restaurant_id"]);
    expect(restaurant?.fields).toContain("opening_hours");
    expect(restaurant?.because).toMatch(/restaurants publish their tables and opening hours/);
    expect(d.components.some((c) => c.holds.includes("Restaurant"))).toBe(true);
    expect(d.api.some((a) => a.call === "PUT /v1/restaurants/{restaurant_id}")).toBe(true);
    const booking = d.dataModel.find((r) => r.entity === "Booking");
    expect(booking?.fields).toContain("party_size");
    expect(booking?.because).toMatch(/book a table for a party size/);
    expect(booking?.indexes.some((i) => /exclusion on \(table_id, \[starts_at, ends_at\)\)/.test(i))).toBe(true);
    // the table is the feature's sellable unit (the card's Item, paired with 'table' by its terms)
    expect(d.dataModel.find((r) => r.entity === "Item")?.fields).toContain("restaurant_id");
  });
  it("writes the qualifier on the booking record under whichever name the design gives it", () => {
    const d = design(
      "Design a vacation rental calendar: 300,000 hosts list their homes and house rules, guests book a home for a number of guests and a date range, and a home is never booked twice for overlapping nights.",
    );
    expect(d.dataModel.find((r) => r.entity === "Reservation")?.fields).toContain("guest_count");
    expect(d.dataModel.find((r) => r.entity === "Host")?.fields).toContain("house_rules");
  });
});
