import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { guaranteeClauses } from "../src/engine/stated-clauses.js";
import { type Design, design, writeScript } from "../src/lib/index.js";
import { keptStated } from "./stated-helpers.js";

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
      const rule = keptStated(d);
      expect(rule?.keptBy).toBe("lease");
      expect(rule?.path).toMatch(/acquire/);
      expect(rule?.statement).not.toContain("no mechanism in this design keeps it");
      // a lock held by one holder at a time is its kind's rule, kept by the lease with the lock named as the resource
      expect(rule?.statement).toMatch(
        /In this design each (?:lock|mutex) is a resource of the lock service: its lease record/,
      );
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
      const rule = keptStated(d);
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

describe("a kind's rule on a record not named for the prompt's noun says which role that record plays", () => {
  for (const [prompt, words] of [
    [
      "Design a parking reservation system for 5,000 garages where a parking spot can never be double-booked.",
      /In this design each booking of a spot is a hold record\.$/,
    ],
    [
      "Design a calendar service like Google Calendar for 500 million users where a meeting room can never be double-booked.",
      /In this design each booking of a room is a calendar event record\.$/,
    ],
    [
      "Design a document archive where a filed record can never be altered.",
      /each filed record is a manifest record\.$/,
    ],
    ["Design a reminder service that never sends a reminder early.", /each waiting reminder is a run record\.$/],
  ] as const) {
    it(`names the record's role (${prompt.slice(9, 50)}…)`, () => {
      expect(keptStated(design(prompt))?.statement).toMatch(words);
    });
  }

  it("says nothing of a role where the record is named for the noun", () => {
    const d = design("Design a hotel reservation service where a room can never be double-booked.");
    expect(keptStated(d)?.statement).not.toContain("In this design");
  });

  it("never says a thing that is never deleted is removed", () => {
    const rule = keptStated(
      design("Design a document archive where a stored document can never be altered or deleted."),
    );
    expect(rule?.statement).toMatch(/No operation removes one either/);
    expect(rule?.statement).not.toMatch(/Removing one/);
  });
});

describe("a kind's rule carried by a write that is not its thing's names the thing's own record", () => {
  it("says the room's booking record, not the idempotency record of the path it sits on", () => {
    const rule = keptStated(design("Design a hotel reservation service where a room can never be double-booked."));
    expect(rule?.keptBy).toBe("interval-exclusion");
    expect(rule?.statement).toMatch(/a conditional insert on its room booking record/);
    expect(rule?.statement).not.toMatch(/idempotency record/);
  });
});
