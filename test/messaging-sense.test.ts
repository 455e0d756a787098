import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { messagingReadings } from "../src/engine/recognize/messaging.js";
import { classify, type Design, design, writeScript } from "../src/lib/index.js";

/**
 * "Messaging" said of people (a group messaging service, a messenger, friends who message each other, DMs) is the chat
 * product; said of programs (a messaging system for microservices, a pub/sub messaging backbone) it is a broker's log
 * (I05). The sender word nearest to the messaging words decides (engine/recognize/messaging.ts).
 */
const PEOPLE: readonly string[] = [
  "Design a group messaging app where all members of a group see its messages in one order",
  "Design a messaging app where friends message each other and see the same message order",
  "Design a messaging system for teams where every member of a channel sees messages in the same order",
  "Build a direct messaging feature so users can send DMs to their contacts, delivered in order",
  "Design a customer support messaging service where customers and agents message each other in real time",
  "Design an app where neighbours text each other and group conversations stay in order for all members",
  "Design a group messaging system for families with read receipts and offline sync",
  "Design a workplace messaging platform where teams chat in channels and direct messages reach offline members when they reconnect",
  "Design a messenger for 50 million users where conversations keep their messages in order on every device",
  "Design a messaging feature for a dating app where matched couples message each other",
  "Design a messaging app where event attendees message each other",
];

const PROGRAMS: readonly string[] = [
  "Design a messaging system for microservices",
  "Design a pub/sub messaging backbone that carries 1 million events a second from producers to consumers",
  "Design a messaging system where producers publish events to topics and consumer groups read them in order per partition",
  "Design an asynchronous messaging layer between 300 internal services with at-least-once delivery",
  "Design a messaging broker that keeps each topic's messages in order and lets consumers replay from an offset",
  "Design a real-time messaging substrate for internal services that keeps per-key ordering",
  "Design an event messaging platform for a bank's services where every event reaches each subscribing service once",
  "Design a messaging middleware that lets 200 backend services exchange order events with at-least-once delivery",
  "Design an enterprise messaging bus that routes events between applications",
  "Design a messaging system that carries customer events between services",
];

const features = (d: Design) => d.features.map((f) => f.id);

describe("whom messaging is said of", () => {
  it("reads the sender word nearest to the messaging words", () => {
    const read = (p: string) => messagingReadings(p).map((r) => `${r.sense}:${r.words}:${r.sender}`);
    expect(read("Design a group messaging service")).toEqual(["people:messaging:group"]);
    expect(read("Design a messaging system for microservices")).toEqual(["systems:messaging:microservices"]);
    expect(read("friends text each other")).toEqual(["people:text each other:friends"]);
    expect(read("users send DMs")).toEqual(["people:dms:users"]);
    expect(read("a pub/sub messaging backbone for our users")).toEqual(["systems:messaging:pub/sub"]);
    // a people word before a program word says only whose ("customer events"); a singular "event" says what people
    expect(read("a messaging system that carries customer events")).toEqual(["systems:messaging:customer events"]);
    expect(read("event attendees message each other")).toEqual(["people:message each other:attendees"]);
    // no sender word near: not read either way
    expect(read("Design a messaging system")).toEqual([]);
  });

  it("designs people messaging each other as the chat product, never a broker", () => {
    for (const p of PEOPLE) {
      const d = design(p);
      expect(d.branch.kind, p).not.toBe("infra");
      expect(features(d), p).toContain("chat");
      expect(
        d.archetypes.some((a) => a.role === "dominant" && a.id === "I05" && a.realizes === undefined),
        p,
      ).toBe(false);
    }
  });

  it("keeps messaging between programs a broker's log, with no chat feature", () => {
    for (const p of PROGRAMS) {
      const r = classify(p);
      expect(r.branch.kind, p).toBe("infra");
      expect(r.archetypes.find((a) => a.role === "dominant")?.id, p).toBe("I05");
      expect(features(design(p)), p).not.toContain("chat");
    }
  });

  it("quotes the sender word in the product evidence", () => {
    const r = classify("Design a group messaging service for families");
    expect(r.branch.evidence.join(" ")).toMatch(/'group messaging' \(as 'people messaging'\); 'group' says whom/);
  });
});

describe("a group messaging service whose members see one order", () => {
  const PROMPT = "Design a group messaging system where all members of a family group see its messages in one order";

  it("keeps the order by the conversation owner's sequence number", () => {
    const d = design(PROMPT);
    expect(features(d)).toEqual(["chat"]);
    const rule = d.invariants.find((i) => /same order/.test(i.statement));
    expect(rule?.keptBy).toBe("op-sequencer");
    expect(rule?.statement).toMatch(/next sequence number from its group's one owner/);
    expect(d.dataModel.find((e) => e.entity === "Conversation")?.fields).toEqual(
      expect.arrayContaining(["owner_instance", "owner_epoch"]),
    );
    expect(d.components.filter((c) => c.archetype === "I05")).toEqual([]);
    expect(checkCoherence(d)).toEqual([]);
  });

  it("counts no Order record from 'in one order'", () => {
    const d = design(PROMPT);
    expect(d.dataModel.map((e) => e.entity)).not.toContain("Order");
    const said = writeScript(d, { minutes: 45 })
      .steps.flatMap((s) => s.lines.map((l) => l.text))
      .join(" ");
    expect(said).not.toMatch(/rests on the order\b/);
    expect(said).toMatch(/per-conversation sequence assigned by the conversation's owner/);
  });
});
