import { describe, expect, it } from "vitest";
import { design } from "../src/lib/index.js";

/** A stated ask that shares no word with any record lands on a record the design's subjects keep. */
describe("an ask's record with no shared word", () => {
  for (const prompt of [
    "Design a collaborative spreadsheet where 200 people edit one sheet together and owners can delete a sheet for everyone.",
    "Design a shared drawing canvas for classrooms: 40 pupils draw at once, every pupil sees strokes in the same order, and teachers can remove a stroke for everyone.",
  ]) {
    it(`is not a record of a subject the prompt never speaks of: ${prompt.slice(0, 40)}`, () => {
      const d = design(prompt);
      const ops = d.operations.filter((o) => /remove|delete/.test(o.phrase));
      expect(ops.length).toBeGreaterThan(0);
      for (const o of ops) expect(o.entity).not.toBe("OrderBook");
      expect(JSON.stringify(d)).not.toMatch(/OrderBook/);
    });
  }
});
