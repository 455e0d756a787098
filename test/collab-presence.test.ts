import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";

describe("a collaborative editor keeps presence as soft state and checks sharing", () => {
  const d = design("Design a collaborative document editor like Google Docs");

  it("takes the named product's features when the prompt asks for a system like it", () => {
    expect(d.features.map((f) => f.id)).toContain("collab-docs");
    // a capitalised word after the name continues another system's name: no product features
    expect(design("Design a distributed ID generator like Twitter Snowflake").features).toEqual([]);
  });

  it("draws no consensus registry of presence and writes no heartbeats", () => {
    expect(d.archetypes.map((a) => a.id)).not.toContain("I10");
    expect(d.archetypes[0]?.evidence.some((e) => e.startsWith("I10 ") && e.includes("session's memory"))).toBe(true);
    expect(d.components.some((c) => /registry/i.test(c.name))).toBe(false);
    expect(d.capacity.some((r) => /heartbeat/i.test(`${r.id} ${r.quantity}`))).toBe(false);
    const session = d.components.find((c) => c.runs.some((r) => /who is here/.test(r)));
    expect(session?.name).toMatch(/sequencer/i);
  });

  it("runs the feature on the leading archetype's components instead of drawing them twice", () => {
    expect(d.components.filter((c) => c.kind === "service" && /sequenc|session/i.test(c.name))).toHaveLength(1);
    expect(d.components.filter((c) => /WebSocket/.test(c.name))).toHaveLength(1);
  });

  it("shares a document at a role and checks every operation against it", () => {
    const acl = d.components.find((c) => c.holds.includes("DocPermission"));
    expect(acl).toBeDefined();
    expect(d.links.some((l) => l.to === acl?.id && /author's role/.test(l.label))).toBe(true);
    expect(d.api.some((a) => /permissions/.test(a.call))).toBe(true);
    expect(d.invariants.some((i) => /editor or owner role/.test(i.statement))).toBe(true);
    expect(d.decisions.find((x) => x.id === "collab-presence")?.chosen).toBe("session-memory");
  });

  it("keeps a synced file's versions and journal in one metadata store, not a second database beside it", () => {
    const sync = design("Design Dropbox file sync for 100 million users");
    const holders = sync.components.filter((c) => c.holds.includes("FileVersion"));
    expect(holders).toHaveLength(1);
    expect(holders[0]?.holds).toContain("Journal");
  });
});
