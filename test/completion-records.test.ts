import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";

describe("a stated all-of rule keeps its parent's done set on a record", () => {
  const d = design(
    "Design a rendering farm queue: 50,000 animation frames a day are each split into 16 tiles, render nodes pull tiles, and a frame is published only after all of its tiles succeed.",
  );
  it("draws the parent with its part count, done set and state, and a call that records a part done", () => {
    const frame = d.dataModel.find((r) => r.entity === "Frame");
    expect(frame?.fields).toEqual(expect.arrayContaining(["tile_count", "done_tiles (set of tile_id)"]));
    expect(frame?.because).toMatch(/fan-in completion barrier/);
    const call = d.api.find((a) => a.call === "POST /v1/frames/{frame_id}/tiles/{tile_id}:done");
    expect(call?.guarantee).toMatch(/one conditional write/);
  });
  it("keeps the parts in that set, never as records of their own with a generic write", () => {
    expect(d.dataModel.some((r) => r.entity === "Tile")).toBe(false);
    expect(d.api.some((a) => a.call.startsWith("PUT /v1/tiles"))).toBe(false);
  });
  it("adds the fields to a record the design already keeps under the parent's noun", () => {
    const o = design(
      "Design an order fulfilment service where an order ships only when all of its items are packed, for 200,000 orders a day.",
    );
    const order = o.dataModel.filter((r) => /^Order\b/.test(r.entity));
    expect(order).toHaveLength(1);
    expect(order[0]?.fields).toEqual(expect.arrayContaining(["item_count", "done_items (set of item_id)"]));
  });
});
