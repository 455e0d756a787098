import { describe, expect, it } from "vitest";
import { design } from "../src/lib/index.js";

describe("a substrate's critical action is said in the design's own words", () => {
  it("fills the feature's terms with their article, not its raw placeholder", () => {
    const d = design(
      "Design a restaurant table-booking site for 60,000 restaurants: diners pick a time slot, and a table must never be booked twice for the same slot.",
    );
    const why = d.archetypes.flatMap((a) => a.evidence).join("\n");
    expect(why).toContain("a critical action ('hold a time slot for a few minutes')");
    expect(why).not.toMatch(/\ba item\b/);
  });
});
