import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { topicsSpoken } from "../src/knowledge/topics.js";
import { type Design, design } from "../src/lib/index.js";

const BOARD = "Design a collaborative whiteboard like Miro where up to 50 people edit the same board at once";
const rules = (d: Design) => checkCoherence(d).map((p) => p.rule);

describe("a collaborative whiteboard is a board of objects with per-property last-writer-wins", () => {
  const d = design(BOARD);

  it("keeps board objects with a parent frame, a fractional order key and properties as its first state", () => {
    expect(d.nfrs.topics).toContain("whiteboard");
    expect(d.primaryState[0]?.entity).toBe("BoardObject");
    const fields = d.dataModel.find((m) => m.entity === "BoardObject")?.fields ?? [];
    for (const f of ["type", "parent_id", "order_key", "properties"]) expect(fields).toContain(f);
    expect(d.invariants[0]?.statement).toMatch(/sequenced last/);
    expect(d.invariants.some((i) => /fractional order keys/.test(i.statement))).toBe(true);
    expect(d.invariants.some((i) => /undo/i.test(i.statement))).toBe(true);
  });

  it("chooses per-property last-writer-wins under the board's server over OT and CRDTs, and drops the transform", () => {
    const merge = d.decisions.find((x) => x.id === "i13-board-merge");
    expect(merge?.chosen).toBe("lww-property");
    expect(merge?.options.map((o) => o.id).sort()).toEqual(["crdt", "lww-property", "ot"]);
    expect(d.decisions.map((x) => x.id)).not.toContain("i13-merge");
    const ops = d.operations.map((o) => o.phrase).join(" ");
    expect(ops).toMatch(/set one property of a board object/);
    expect(ops).not.toMatch(/\btransform the submitted operation/);
    expect(d.predicates.find((p) => p.id === "lww-acceptable")?.holds).toBe(true);
  });

  it("carries presence on the board's own connections: no registry, and cursors in no durable store", () => {
    expect((d.archetypes[0]?.covers ?? []).map((c) => c.id)).toContain("I10");
    expect(d.components.filter((c) => c.archetype === "I10")).toEqual([]);
    expect(d.dataModel.map((m) => m.entity)).not.toContain("Registration");
    expect(d.decisions.map((x) => x.id)).not.toContain("i10-detection");
    const holders = d.components.filter((c) => c.holds.includes("CursorPresence"));
    expect(holders.map((c) => c.kind)).toEqual(["service"]);
  });

  it("sizes the cursor fan-out per board from the stated editors: n x (n - 1) x the cursor rate, the first hotspot", () => {
    const e = design(
      "Design a collaborative whiteboard like Miro where up to 50 editors work on the same board at once",
    );
    const cursor = e.capacity.find((c) => c.id === "cursor_msgs_per_board");
    const n = cursor?.inputs.find((i) => i.name === "max_participants");
    expect(n?.value).toBe(50);
    expect(cursor?.value).toBe(50 * 49 * 10);
    expect(e.bottlenecks[0]?.bottleneck).toMatch(/^Cursor fan-out/);
    expect(rules(e)).toEqual([]);
  });

  it("is coherent", () => {
    expect(rules(d)).toEqual([]);
  });

  it("switches on from the prompt's board words only", () => {
    for (const p of [
      "Design an infinite canvas for design teams",
      "Design a collaborative design tool like Figma",
      "Design an online whiteboard",
      "Build a shared diagram editor",
    ])
      expect(topicsSpoken(p).map((t) => t.value)).toContain("whiteboard");
    for (const p of ["Design Google Docs", "Draw charts on an HTML canvas element", "Design a chat app"])
      expect(topicsSpoken(p).map((t) => t.value)).not.toContain("whiteboard");
    const docs = design("Design a collaborative document editor like Google Docs");
    expect(docs.nfrs.topics ?? []).not.toContain("whiteboard");
    expect(docs.decisions.map((x) => x.id)).toContain("i13-merge");
  });
});

describe("whiteboard-shape goes red when broken", () => {
  it("presence kept in a registry, or cursors in a durable store", () => {
    const d = structuredClone(design(BOARD));
    const row = d.dataModel[0];
    if (!row) throw new Error("no data model");
    d.dataModel.push({ ...row, entity: "Registration" });
    const log = d.components.find((c) => c.kind === "log");
    if (!log) throw new Error("no log");
    log.holds = [...log.holds, "CursorPresence"];
    const found = checkCoherence(d).filter((p) => p.rule === "whiteboard-shape");
    expect(found.map((p) => p.detail).join(" ")).toMatch(/Registration/);
    expect(found.map((p) => p.detail).join(" ")).toMatch(/keeps cursors durably/);
  });

  it("a board without objects or a property call", () => {
    const d = structuredClone(design(BOARD));
    d.dataModel = d.dataModel.filter((m) => m.entity !== "BoardObject");
    d.api = d.api.filter((a) => a.operation !== "set properties");
    expect(checkCoherence(d).filter((p) => p.rule === "whiteboard-shape")).toHaveLength(2);
  });
});
