import { describe, expect, it } from "vitest";
import { design } from "../src/lib/index.js";

/**
 * Rooms also sold through partner travel sites come out of the same inventory: a channel manager takes each
 * partner's booking as the same conditional decrement before the partner confirms, deduplicated by the partner's own
 * booking id, and pushes free rooms and rates back; a plain hotel design draws none of it. A partner that sells our
 * stock is a sales channel, not an outside party a workflow must reach once.
 */
describe("rooms also sold through partner sites", () => {
  for (const p of [
    "Design a hotel booking platform for 200,000 properties; a room night must never be sold twice, even though the rooms are also sold through partner travel sites.",
    "Build a hotel reservation system whose rooms are also listed on Expedia and other online travel agencies; the same night may never be sold twice.",
    "Design room booking for a hotel chain that also sells its rooms on third-party sites, with no double sale of any night.",
  ])
    it(p, () => {
      const d = design(p);
      expect(d.components.map((c) => c.name)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^Channel manager/),
          expect.stringMatching(/^Partner travel sites/),
        ]),
      );
      expect(d.decisions.find((x) => x.id === "stay-channels")?.chosen).toBe("partner-api");
      expect(d.api.some((a) => /^POST \/v1\/partners\/\{partner_id\}\/reservations/.test(a.call))).toBe(true);
      expect(d.dataModel.some((m) => m.entity === "PartnerReservation")).toBe(true);
      expect(d.components.some((c) => /partner or internal service/.test(c.name))).toBe(false);
    });

  it("draws no channel for a hotel sold only on its own site", () => {
    const d = design("Design a hotel booking platform for 1 million properties.");
    expect(d.components.some((c) => /Channel manager/.test(c.name))).toBe(false);
    expect(d.decisions.some((x) => x.id === "stay-channels")).toBe(false);
  });
});
