import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";

describe("a best score only rises: a conditional max update, never last-writer-wins", () => {
  const d = design("Design a leaderboard for a mobile game with 50 million players");

  it("raises the best score with a conditional max at the store", () => {
    expect(d.mechanisms[0]?.id).toBe("max-update");
    expect(d.mechanisms.some((m) => m.id === "lww-overwrite")).toBe(false);
    const stale = d.predicates.find((p) => p.id === "stale-write-dangerous");
    expect(stale?.because ?? "").not.toMatch(/Score\b/);
  });

  it("flags last-writer-wins beside an invariant that lets a value only rise", () => {
    expect(checkCoherence(d).filter((p) => p.rule === "lww-beside-rises-only")).toEqual([]);
    const first = structuredClone(d.mechanisms[0]);
    if (!first) throw new Error("no mechanism");
    const lww = { ...first, id: "lww-overwrite", name: "last-writer-wins overwrite" };
    const bad = { ...structuredClone(d), mechanisms: [...structuredClone(d.mechanisms), lww] } as typeof d;
    const found = checkCoherence(bad).filter((p) => p.rule === "lww-beside-rises-only");
    expect(found).toHaveLength(1);
    expect(found[0]?.detail).toMatch(/only rise/);
  });

  it("names the global board's write rate as a bottleneck, sized by the players the prompt states", () => {
    // the leaderboard subject: one board's ordered set takes every index write to it
    const b = d.bottlenecks.find((x) => x.load?.figure === "index_writes");
    expect(b?.bottleneck).toMatch(/board is one ordered set/);
  });
});
