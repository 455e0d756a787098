import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { type Design, design } from "../src/lib/index.js";

const rules = (d: Design) => checkCoherence(d).map((p) => p.rule);
const reasons = (d: Design) =>
  (["consistency", "availability", "ordering", "durability"] as const).map((k) => d.nfrs.sources[k]?.because ?? "");

const SCHEDULER =
  "Design a distributed job scheduler that runs 50 million scheduled jobs a day, each at most once per due time";
const CACHE = "Design a distributed cache in front of a user-profile database serving 1 million reads per second";
const CHAT = "Design a chat app like WhatsApp for 500 million daily users";

describe("a default stance's reason comes from the design's stated guarantees, not the archetype's usual text", () => {
  it("a stated at-most-once never sits beside a reason that lets an item fire twice, and claims wait for the primary", () => {
    const d = design(SCHEDULER);
    expect(d.nfrs.delivery).toBe("at-most-once");
    for (const r of reasons(d)) expect(r).not.toMatch(/fire a little late or twice|receivers are idempotent/);
    // never lost and never twice: a side cut off from the primary holds its items, so the design fails closed
    expect(d.nfrs.availability).toBe("fail-closed");
    expect(d.nfrs.sources.availability?.because).toMatch(/at most once.*late, never twice/);
    expect(rules(d)).not.toContain("stance-against-delivery");
  });

  it("coherence catches a repeat promised beside a stated at-most-once", () => {
    const d = structuredClone(design(SCHEDULER));
    const s = d.nfrs.sources.ordering;
    expect(s).toBeDefined();
    if (s) s.because = "not stated; I03's default ordering (a due item may fire a little late or twice)";
    expect(rules(d)).toContain("stance-against-delivery");
  });

  it("a look-aside cache tier's stance speaks of the database behind it, not of a shard majority it does not have", () => {
    const d = design(CACHE);
    const why = d.nfrs.sources.availability?.because ?? "";
    expect(why).not.toMatch(/cut off from its majority|elects a leader/);
    expect(why).toMatch(/falls? through to the database/);
  });

  it("a chat's stance is said per conversation, in the feature's terms, not as a log's produce requests", () => {
    const d = design(CHAT);
    const why = d.nfrs.sources.availability?.because ?? "";
    expect(why).not.toMatch(/min\.insync\.replicas|acks=all/);
    expect(why).toMatch(/cut off from its owner takes no new sends/);
    expect(why).toMatch(/every other chat/);
  });
});
