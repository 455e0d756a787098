import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { keptKinds } from "../src/knowledge/mechanisms/rule-kinds.js";

/** The reasons that pair a mechanism with a rule by how the design derived it, not by words they share. */
const DERIVED = /sits on the path|names what .* guards|one live holder|as what keeps it/;

describe("a rule of no kind is paired only with the mechanism the design derived for it (engine/fields/mechanism-rows.ts)", () => {
  it("never pairs a rule of no kind with a mechanism by shared words alone", () => {
    for (const prompt of [
      "We need a feature store behind the fraud models of our online shop: nightly batch features and fresh streaming counts, read in under 10 ms.",
      "Design an online feature store for a ride-hailing company's pricing models, with features computed from a change stream of trips.",
      "Design a replicated log like Kafka where every acknowledged message survives a broker crash.",
    ]) {
      const d = design(prompt);
      const byWords = d.mechanisms.filter(
        (m) =>
          m.protects !== undefined &&
          keptKinds(m.protects).length === 0 &&
          /\bit shares '/.test(m.protectsBecause ?? "") &&
          !DERIVED.test(m.protectsBecause ?? ""),
      );
      expect(
        byWords.map((m) => `${m.id}: ${m.protectsBecause}`),
        prompt,
      ).toEqual([]);
    }
  });
});
