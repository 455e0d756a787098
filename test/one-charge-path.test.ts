import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { type Design, design } from "../src/lib/index.js";

/** The components that send a charge to an outside party (a sweeper settling unknown charges is control, not a charge). */
const chargers = (d: Design) => {
  const outside = new Set(d.components.filter((c) => c.kind === "external").map((c) => c.id));
  return new Set(
    d.links.filter((l) => outside.has(l.to) && l.kind !== "control" && /\bcharge\b/i.test(l.label)).map((l) => l.from),
  );
};

describe("a purchase held before it is paid is charged along one path", () => {
  // a hold (a seat, a slot, a stay, counted stock) confirmed by its own charge, with the prompt also asking to pay
  const PROMPTS = [
    "Design an app where people reserve tennis courts for an hour and pay in the app.",
    "Design a ticketing site for a comedy club: pick seats on a map, hold them for eight minutes, then check out and pay.",
    "Design a booking app for a climbing gym's classes with checkout and card payments.",
    "Design a limited-edition sneaker drop where 50,000 pairs sell out in minutes; shoppers check out and pay by card.",
    "Design a cabin rental website: guests pick dates, a stay is held while they pay, and nights are never double booked.",
  ];
  for (const p of PROMPTS)
    it(p, () => {
      const d = design(p);
      expect(chargers(d).size).toBe(1);
      expect(checkCoherence(d).map((x) => x.rule)).not.toContain("two-charge-paths");
      // the checkout the prompt asks for is covered, and the feature that covers it says why
      expect(d.features.map((f) => f.id)).not.toContain("checkout");
      expect(JSON.stringify(d.features)).toMatch(
        /replaces Checkout and payment \(.*\): its confirm charges the \w+ once/,
      );
    });

  it("flags two components that each charge the same outside party", () => {
    const d = design(PROMPTS[0] as string);
    const [from] = [...chargers(d)];
    const charge = d.links.find((l) => l.from === from && /\bcharge\b/i.test(l.label));
    const other = d.components.find((c) => c.kind === "service" && c.id !== from);
    expect(charge && other).toBeTruthy();
    if (!charge || !other) return;
    const twice: Design = { ...d, links: [...d.links, { ...charge, from: other.id }] };
    expect(
      checkCoherence(twice)
        .filter((x) => x.rule === "two-charge-paths")
        .map((x) => x.detail),
    ).toEqual([`${from} and ${other.id} each charge ${charge.to}`]);
  });
});
