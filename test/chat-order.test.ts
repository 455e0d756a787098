import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { type Design, design, writeScript } from "../src/lib/index.js";

// A team chat whose members must all see one order: the conversation's owner numbers its messages and the message
// rows are its log, so no broker cluster, second sequencer or transformation of edits is drawn beside it.
const TEAM =
  "Design a Slack-like team chat where channels have up to 100,000 members and every member sees messages in the same order";
const GROUP = "Design a group chat service with message ordering per room.";

const ordering = (d: Design) =>
  d.components.filter((c) => c.runs.some((r) => /^assign (?:seq|sequence)/.test(r)) || /sequencer/i.test(c.name));
const script = (d: Design) =>
  writeScript(d, { minutes: 45 })
    .steps.flatMap((s) => s.lines.map((l) => l.text))
    .join(" ");

describe("a chat whose members see one order", () => {
  it("is led by the messaging feature, its message rows realizing the log", () => {
    const d = design(TEAM);
    expect(d.archetypes[0]?.realizes).toMatchObject({ id: "I05", feature: "chat", entity: "Message" });
    expect(d.archetypes.some((a) => a.role === "dominant")).toBe(false);
    expect(d.components.filter((c) => c.archetype === "I05")).toEqual([]);
    // one ordering authority: the conversation's owner
    expect(ordering(d).map((c) => c.name)).toEqual(["Message service (owner per conversation)"]);
    expect(d.archetypes.some((a) => a.id === "I13")).toBe(false);
    expect(d.decisions.some((x) => x.id === "i13-merge")).toBe(false);
    expect(d.scopes.find((s) => s.concern === "ordering")?.scope).toBe("key");
    const said = script(d);
    expect(said).toMatch(/so I draw no separate broker cluster/);
    expect(said).not.toMatch(/in-sync replica|consumer group reads it|The core mechanism is in-sync/);
    expect(checkCoherence(d)).toEqual([]);
  });

  it("keeps membership rows and sizes one post's fan-out through the gateways", () => {
    const d = design(TEAM);
    expect(d.dataModel.find((r) => /Member$/.test(r.entity))?.indexes).toContain("(user_id, conversation_id)");
    const ids = d.capacity.map((c) => c.id);
    expect(ids).toEqual(
      expect.arrayContaining(["busiest_post_deliveries", "busiest_post_gateways", "busiest_deliveries_per_sec"]),
    );
    // suggestions while typing are not asked for; message search is not named, so it is deferred (no search parts)
    expect(d.operations.some((o) => /suggested queries/.test(o.phrase))).toBe(false);
    expect(d.decisions.find((x) => x.id === "search-ranking")).toBeUndefined();
    // asked for, the chat's own messages are searched newest first
    const searched = design(`${TEAM}, with search over messages`);
    expect(searched.decisions.find((x) => x.id === "search-ranking")?.chosen).toBe("newest-first");
  });

  it("hands the lead back to the log where the prompt asks for its machinery", () => {
    const d = design(`${TEAM}, built on Kafka topics`);
    expect(d.archetypes[0]?.realizes).toBeUndefined();
  });

  it("draws no second sequencer in a group chat product", () => {
    const d = design(GROUP);
    expect(ordering(d)).toHaveLength(1);
    expect(checkCoherence(d).filter((p) => p.rule === "two-ordering-authorities")).toEqual([]);
    // a second part deciding the same order is caught
    const owner = ordering(d)[0];
    if (!owner) throw new Error("no ordering part");
    const twice = { ...d, components: [...d.components, { ...owner, id: "seq", name: "Subject sequencer" }] };
    expect(checkCoherence(twice).filter((p) => p.rule === "two-ordering-authorities")).toHaveLength(1);
  });
});
