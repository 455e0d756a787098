import { describe, expect, it } from "vitest";
import { catchUpsOf } from "../src/engine/catch-up-cursors.js";
import { design } from "../src/engine/design/design.js";

describe("a stated catch-up after absence is carried by a per-reader cursor", () => {
  it("reads who is away and what they missed from the clause", () => {
    expect(
      catchUpsOf(
        "Design an IoT command service for 10 million smart thermostats: commands sent while a device is offline are delivered when it reconnects.",
      ),
    ).toEqual([expect.objectContaining({ reader: "device", missed: "command" })]);
    expect(
      catchUpsOf("Design a score service: a fan whose app was closed catches up on the events they missed.")[0],
    ).toMatchObject({
      reader: "fan",
      missed: "event",
    });
    expect(catchUpsOf("Design a URL shortener for 100 million links a month.")).toEqual([]);
  });

  it("draws the cursor, the acknowledge that only moves it forward and the read after it", () => {
    const d = design(
      "Design a sports live score service for 30 million fans: scores update within 2 seconds, and a fan whose app was in the background catches up on the events they missed.",
    );
    const cursor = d.dataModel.find((r) => r.entity === "FanCursor");
    expect(cursor?.key).toEqual(["fan_id"]);
    expect(cursor?.fields[0]).toMatch(/^last_delivered_/);
    expect(cursor?.because).toMatch(/catch-up read from a cursor/);
    const read = d.api.find((a) => a.call.startsWith("GET /v1/fans/{fan_id}/events?after="));
    expect(read?.errors.some((e) => /^410 .*older than retention: read the snapshot/.test(e))).toBe(true);
    expect(d.api.find((a) => a.call === "PUT /v1/fans/{fan_id}/cursors")?.guarantee).toMatch(/forward only/);
    const row = d.statedRequirements.find((r) => r.asks?.kind === "catch-up");
    expect(row?.carried).toBe(true);
    expect(row?.carriedBy.map((c) => c.what)).toContain("FanCursor");
  });

  it("carries the clause by a cursor the design already keeps rather than drawing a second", () => {
    const d = design(
      "Design a group chat backend for 20 million daily users: groups have up to 500 members, users who were offline get the messages they missed when they reconnect, and history is kept for one year.",
    );
    expect(d.dataModel.some((r) => /Cursor$/.test(r.entity))).toBe(false);
    const row = d.statedRequirements.find((r) => r.asks?.kind === "catch-up");
    expect(row?.carried).toBe(true);
    expect(row?.carriedBy.some((c) => c.kind === "record")).toBe(true);
    expect(d.coherence.some((c) => c.rule === "requirement-not-carried")).toBe(false);
  });
});
