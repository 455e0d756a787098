import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { parseRepeatWindow, statedNfrsOf } from "../src/engine/nfr-parse.js";
import { type Design, design, writeScript } from "../src/lib/index.js";

const clone = (d: Design): Design => structuredClone(d);
const rules = (d: Design) => checkCoherence(d).map((p) => p.rule);

/** An order asked for within a key the prompt names, in several wordings. */
const ORDERED = [
  {
    prompt:
      "Design a webhook delivery service that sends 100 million events a day to customer endpoints, retries failures for up to 3 days, and keeps each customer's events in order.",
    key: "customer",
  },
  {
    prompt:
      "Design a notification service that delivers each tenant's notifications in order to their webhook endpoints.",
    key: "tenant",
  },
  { prompt: "Design an outbound event relay to partner APIs with per-partner ordering.", key: "partner" },
];

/** A repeat forbidden within a window, in several wordings. */
const WINDOWED = [
  {
    prompt:
      "Design a web crawler that fetches 5 billion pages a month, respects each site's robots.txt and crawl delay, and never fetches the same URL twice in one day.",
    noun: "URL",
    window: "one day",
  },
  {
    prompt: "Design a crawler that refetches a page at most once per hour and crawls 1 billion pages a month.",
    noun: "page",
    window: "one hour",
  },
];

describe("an order stated within a named key", () => {
  for (const { prompt, key } of ORDERED) {
    it(`is a rule within one ${key}, kept by an ordered queue partitioned by the ${key} (${prompt.slice(0, 50)}…)`, () => {
      const d = design(prompt);
      expect(d.nfrs.orderKey).toBe(key);
      const rule = d.invariants.find((i) => i.statement.startsWith(`Within one ${key},`));
      expect(rule?.statement).toMatch(/one is handed on only after the one before it was acknowledged or parked/);
      expect(d.mechanisms.some((m) => m.id === "partition-key-ordering" && m.protects === rule?.statement)).toBe(true);
      // no path keeps several calls in flight per key beside it
      expect(d.operations.some((o) => /in flight per endpoint/.test(o.phrase))).toBe(false);
      expect(d.operations.some((o) => /one call in flight per key/.test(o.phrase))).toBe(true);
      const queue = d.dataModel.find((r) => r.entity === "OutboxEntry");
      expect(queue?.partitionKey).toBe(`${key}_id`);
      expect(queue?.fields).toEqual(expect.arrayContaining([`${key}_id`, "seq", "next_attempt_at"]));
      expect(queue?.indexes.some((i) => i.startsWith(`(${key}_id, seq)`))).toBe(true);
      // the claim before the call checks the key's sequence
      expect(d.diagrams.some((g) => g.mermaid.includes(`its ${key}'s next seq`))).toBe(true);
      // the outbox is the ordered log: no broker internals drawn beside it
      expect(d.components.some((c) => /KRaft|group coordinator/i.test(c.name))).toBe(false);
      expect(rules(d)).toEqual([]);
      const said = writeScript(d, { minutes: 45 })
        .steps.map((x) => x.text)
        .join(" ");
      expect(said).toContain(`order within each ${key}`);
    });
  }

  it("keeps a sequencer's order in a chat without an outbox queue (the rule is said of the room)", () => {
    const d = design("Design a group chat service with message ordering per room.");
    expect(d.nfrs.orderKey).toBe("room");
    expect(
      d.invariants.some((i) =>
        i.statement.startsWith("Within one room, message changes never reach a reader out of the order"),
      ),
    ).toBe(true);
  });

  it("is flagged when no rule says it, or when no mechanism keeps the rule", () => {
    const d = design(ORDERED[0]?.prompt ?? "");
    const dropped = clone(d);
    dropped.invariants = dropped.invariants.filter((i) => !i.statement.startsWith("Within one customer"));
    expect(rules(dropped)).toContain("qualifier-unkept");
    const unkept = clone(d);
    unkept.mechanisms = unkept.mechanisms.filter((m) => !m.protects.startsWith("Within one customer"));
    expect(rules(unkept)).toContain("qualifier-unkept");
  });

  it("is flagged beside several calls in flight per key", () => {
    const d = clone(design(ORDERED[0]?.prompt ?? ""));
    const op = d.operations[0];
    if (!op) throw new Error("no operation");
    d.operations.push({
      ...op,
      phrase: "queue each delivery on its endpoint's own queue, with a few calls in flight per endpoint",
    });
    expect(rules(d)).toContain("order-beside-parallel");
  });
});

describe("a repeat forbidden within a window", () => {
  it("is read with its thing, act and window", () => {
    expect(parseRepeatWindow("never fetches the same URL twice in one day")).toMatchObject({
      noun: "URL",
      act: "fetch",
      seconds: 86400,
    });
    expect(parseRepeatWindow("a crawler that refetches a page at most once per hour")).toMatchObject({
      noun: "page",
      act: "refetch",
      seconds: 3600,
    });
    expect(parseRepeatWindow("never sends the same email twice within 24 hours")?.seconds).toBe(86400);
    expect(parseRepeatWindow("never charge a card twice")).toBeUndefined();
    // "at most once per hour" bounds a repeat in time; it is not at-most-once delivery
    expect(statedNfrsOf("a crawler that refetches a page at most once per hour").delivery).toBeUndefined();
    expect(statedNfrsOf("a job scheduler with at-most-once execution").delivery?.value).toBe("at-most-once");
  });

  for (const { prompt, noun, window } of WINDOWED) {
    it(`is a rule kept where the ${noun} is handed out, guarded in the take (${prompt.slice(0, 50)}…)`, () => {
      const d = design(prompt);
      const rule = d.invariants.find((i) => i.statement.startsWith(`No ${noun} gets a second`));
      expect(rule?.statement).toContain(`within ${window}`);
      expect(d.mechanisms.some((m) => m.protects === rule?.statement)).toBe(true);
      expect(d.diagrams.some((g) => g.mermaid.includes(`last `) && g.mermaid.includes(`now - ${window}`))).toBe(true);
      expect(rules(d)).toEqual([]);
      const dropped = clone(d);
      dropped.invariants = dropped.invariants.filter(
        (i) => i !== dropped.invariants.find((x) => x.statement === rule?.statement),
      );
      expect(rules(dropped)).toContain("qualifier-unkept");
    });
  }

  it("a self-paced crawl is sized at its steady rate, with no daily peak factor", () => {
    const d = design(WINDOWED[0]?.prompt ?? "");
    const peak = d.capacity.find((r) => r.id === "peak_fetches");
    expect(peak?.value).toBeCloseTo(d.nfrs.scale.items_per_sec ?? 0, 3);
  });
});

describe("a promised due time", () => {
  it("is an indexed field of the record that promises it", () => {
    const d = design(ORDERED[0]?.prompt ?? "");
    expect(rules(d)).not.toContain("due-time-unindexed");
    const lost = clone(d);
    for (const r of lost.dataModel) {
      r.fields = r.fields.filter((x) => x !== "next_attempt_at");
      r.indexes = r.indexes.filter((x) => !x.includes("next_attempt_at"));
    }
    expect(rules(lost)).toContain("due-time-unindexed");
  });
});
