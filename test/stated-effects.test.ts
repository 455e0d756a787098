import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { guaranteeClauses } from "../src/engine/stated-clauses.js";
import { type Design, design, writeScript } from "../src/lib/index.js";

const stated = (d: Design) => d.invariants.find((i) => /the prompt says '/.test(i.because) && i.keptBy);
const said = (d: Design) =>
  writeScript(d, { minutes: 45 })
    .steps.map((x) => x.text)
    .join(" ");

describe("a stated rule sits on the record that plays its thing's role", () => {
  // a lease is the lock's holder record: the rule about a lock is kept by the lease's conditional acquire
  for (const prompt of [
    "Design a distributed lock service where a lock is never held by two clients at the same time.",
    "Design a distributed mutex service where a mutex can never be held by two processes at once.",
    "Design a lock manager for 10,000 workers where no lock is ever granted to two workers at the same time.",
  ]) {
    it(`is kept by the lease's acquire (${prompt.slice(9, 50)}…)`, () => {
      const d = design(prompt);
      const rule = stated(d);
      expect(rule?.keptBy).toBe("lease");
      expect(rule?.path).toMatch(/acquire/);
      expect(rule?.statement).not.toContain("no mechanism in this design keeps it");
      expect(rule?.statement).toMatch(/In this design a (?:lock|mutex) is its lease record\./);
    });
  }
});

describe("an exactly-once effect on a named party is a rule on the effect's record", () => {
  it("reads the effect, its party and its thing, active or passive", () => {
    expect(
      guaranteeClauses(
        "Design an ad click counting service that takes 1 million clicks per second, bills each advertiser for each click exactly once, and drops duplicate clicks.",
      )[0],
    ).toMatchObject({
      statement: "Each advertiser is billed for each click exactly once.",
      head: "click",
      kind: "effect-once",
      party: { noun: "advertiser", effect: "billing line" },
    });
    expect(
      guaranteeClauses("Design a royalty service where each artist is paid for each stream exactly once.")[0],
    ).toMatchObject({
      statement: "Each artist is paid for each stream exactly once.",
      head: "stream",
      party: { noun: "artist", effect: "payout" },
    });
    expect(
      guaranteeClauses("Design an API metering service that bills customers for every API call exactly once.")[0],
    ).toMatchObject({
      head: "call",
      party: { noun: "customer" },
    });
    // an exactly-once act on the thing itself names no party
    expect(
      guaranteeClauses("Design a payment service where each order is charged exactly once.")[0]?.kind,
    ).toBeUndefined();
  });

  for (const [prompt, words] of [
    [
      "Design an ad click counting service that takes 1 million clicks per second, bills each advertiser for each click exactly once, and drops duplicate clicks.",
      /Each click's billing line to its advertiser is one row keyed by the click's event id.*same transaction.*What an advertiser owes/,
    ],
    [
      "Design a ride-hailing payments service that charges each rider for each trip exactly once.",
      /Each trip's charge to its rider.*idempotency key.*What a rider owes/,
    ],
    [
      "Design a royalty service where each artist is paid for each stream exactly once, for 50 million streams a day.",
      /Each stream's payout to its artist.*What an artist is owed/,
    ],
  ] as const) {
    it(`is kept by an effect ledger keyed by event id, which leads the script (${prompt.slice(9, 50)}…)`, () => {
      const d = design(prompt);
      const rule = stated(d);
      expect(rule?.keptBy).toBe("keyed-effect-ledger");
      expect(rule?.statement).toMatch(words);
      expect(d.mechanisms.some((m) => m.id === "keyed-effect-ledger")).toBe(true);
      const text = said(d);
      expect(text).toContain(`The hard rule is this. ${rule?.statement.split(". ")[0]}.`);
      expect(text).toMatch(/The core mechanism is an effect ledger keyed by event id\./);
      expect(checkCoherence(d).filter((p) => p.rule.startsWith("stated-rule"))).toEqual([]);
    });
  }
});
