import { describe, expect, it } from "vitest";
import { ARCHETYPE_BUNDLES } from "../src/knowledge/archetypes/index.js";
import { FEATURES } from "../src/knowledge/features/index.js";

/**
 * Every option's `winsWhen` completes "… would win if …" with a condition that can hold: an option that never wins
 * is said by its costs, not by "would win if never for money people owe each other".
 */
describe("an option's winning condition", () => {
  it("is a condition, never a 'never'", () => {
    const points = [...ARCHETYPE_BUNDLES.flatMap((a) => a.decisions), ...FEATURES.flatMap((f) => f.decisions ?? [])];
    expect(points.length).toBeGreaterThan(50);
    const said = points.flatMap((p) => p.options.map((o) => o.winsWhen));
    expect(said.filter((w) => /^never\b/i.test(w.trim()))).toEqual([]);
  });
});
