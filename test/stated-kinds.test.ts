import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { clauseKind, guaranteeClauses, saysClause } from "../src/engine/stated-clauses.js";
import { type Design, design, writeScript } from "../src/lib/index.js";
import { keptStated } from "./stated-helpers.js";

const MAGLEV =
  "Design a layer-4 load balancer like Google's Maglev that spreads 10 million packets per second across 1,000 backends and keeps existing connections on their backend when backends are added or removed.";
const NPM =
  "Design a package registry like npm that serves 100,000 downloads per second worldwide, where a published version can never be changed or overwritten.";
const CALENDAR =
  "Design a calendar service like Google Calendar for 500 million users where a meeting room can never be double-booked.";
const DELAYED =
  "Design a delayed message service where producers schedule 1 billion messages a day for delivery at a chosen future time, and each message is delivered within 1 second of its time and never before it.";
// kinds of system in no prompt set
const PARKING = "Design a parking-spot reservation service where a spot is never given to two cars at the same time.";
const ARCHIVE = "Design a document archive where a filed record can never be altered.";
const REMINDER = "Design a reminder service that never sends a reminder early.";
const SESSIONS = "Design a session router that keeps each user's session on its server when servers join or leave.";

const said = (d: Design) =>
  writeScript(d, { minutes: 45 })
    .steps.map((x) => x.text)
    .join(" ");

describe("a guarantee clause of a kind gets a rule of its own on the thing it names", () => {
  it("reads the clause's kind from its verb (and a time clash only where the prompt books things)", () => {
    expect(clauseKind("be changed or overwritten", NPM)).toBe("immutable");
    expect(clauseKind("be double-booked", CALENDAR)).toBe("interval");
    expect(clauseKind("given to two cars at the same time", PARKING)).toBe("interval");
    // no booking words: two holders at once is one holder at a time, not a time clash
    expect(clauseKind("held by two clients at the same time", "a lock service")).toBe("one-holder");
    expect(clauseKind("stays on their backend when backends are added or removed", MAGLEV)).toBe("sticky");
    expect(clauseKind("stays on the same server while it is healthy", "a router")).toBeUndefined();
    expect(clauseKind("delivered before its time", DELAYED)).toBe("not-before");
    // a floor on a per-key quantity is a kind of its own now (a bounded conditional update), not left without one
    expect(clauseKind("goes below zero", "a wallet")).toBe("quantity-bound");
  });

  it("reads a never clause that shares the earlier clause's subject, and one whose subject is the system", () => {
    expect(guaranteeClauses(DELAYED)[0]).toMatchObject({
      statement: "Each message is never delivered before its time.",
      head: "message",
      kind: "not-before",
    });
    expect(guaranteeClauses(REMINDER)[0]).toMatchObject({
      statement: "A reminder is never sent early.",
      head: "reminder",
      kind: "not-before",
    });
    expect(guaranteeClauses(MAGLEV)[0]).toMatchObject({ head: "connection", holder: "backend", kind: "sticky" });
  });

  it("is not said by a neighbouring rule of another kind (a drain rule, a room-night count)", () => {
    const [sticky] = guaranteeClauses(MAGLEV);
    const [interval] = guaranteeClauses(CALENDAR);
    if (!sticky || !interval) throw new Error("clauses not read");
    expect(
      saysClause(
        "A draining Backend receives no new requests and is removed only after its in-flight requests finish or its drain deadline passes.",
        sticky,
      ),
    ).toBe(false);
    expect(
      saysClause(
        "For every night of the stay, a room inventory row's booked count never exceeds its total: all nights are decremented in one transaction, each only if a room is still free, or none are.",
        interval,
      ),
    ).toBe(false);
  });

  for (const [prompt, keeper, words] of [
    [MAGLEV, "sticky-assignment", /consistent hash[^.]*\. .*connection tracking/],
    [NPM, "write-once-key", /create-if-absent.*tombstone/],
    [CALENDAR, "interval-exclusion", /overlaps its interval/],
    [DELAYED, "not-before-gate", /error bound/],
    [PARKING, "interval-exclusion", /booking of a spot/],
    [ARCHIVE, "write-once-key", /Each filed record is written once/],
    [REMINDER, "not-before-gate", /late, never early/],
    [SESSIONS, "sticky-assignment", /adding a server moves no existing session/],
  ] as const) {
    it(`is kept by its kind's mechanism, which joins the design and leads the script (${prompt.slice(0, 50)}…)`, () => {
      const d = design(prompt);
      const rule = keptStated(d);
      expect(rule?.keptBy).toBe(keeper);
      expect(rule?.statement).toMatch(words);
      expect(d.mechanisms.some((m) => m.id === keeper)).toBe(true);
      const text = said(d);
      expect(text).toContain(`The hard rule is this. ${rule?.statement.split(". ")[0]}.`);
      const name = d.mechanisms.find((m) => m.id === keeper)?.name ?? "";
      expect(text).toMatch(new RegExp(`The core mechanism is (?:an? )?${name}\\.`));
      expect(checkCoherence(d).filter((p) => p.rule.startsWith("stated-rule"))).toEqual([]);
    });
  }

  it("never sits on a write that overwrites what it says is never overwritten", () => {
    const d = design(NPM);
    const rule = keptStated(d);
    expect(rule?.path).not.toMatch(/update|bump/);
    expect(rule?.statement).not.toContain("no mechanism in this design keeps it");
  });

  it("says the clock spends its error late when a rule forbids an early release", () => {
    expect(design(DELAYED).context.clocks).toMatch(/late, never early/);
    expect(design(DELAYED).context.clocks).not.toMatch(/a little early/);
  });
});

describe("coherence: a stated rule on a write whose shape breaks it", () => {
  it("flags a never-overwritten rule moved onto an overwrite path", () => {
    // an overwrite path of its own (npm draws none since the origin cache left it): one critical path whose only write
    // updates the published object in place
    const d = structuredClone(design(NPM));
    const rule = keptStated(d);
    const op = d.operations[0];
    if (!rule || !op) throw new Error("fixture changed");
    const phrase = "update the published object in place and bump its version";
    d.operations.push({ ...op, phrase });
    d.criticalPaths.push({
      ...(d.criticalPaths[0] as (typeof d.criticalPaths)[number]),
      name: "overwrite",
      operations: [phrase],
    });
    rule.path = "overwrite";
    expect(checkCoherence(d).map((p) => p.rule)).toContain("stated-rule-on-contradicting-write");
  });
});

describe("a never clause joined by a bare comma that says its own participle (engine/stated-clauses.ts elidedClause)", () => {
  it("takes the clause before's subject and its own act, and carries it by the kind's rule", () => {
    const prompt =
      "Each build artifact is stored once under its content hash, never modified, and fetched by thousands of test machines.";
    expect(guaranteeClauses(prompt).map((c) => [c.quote, c.kind, c.statement])).toEqual([
      [
        "Each build artifact is stored once under its content hash, never modified",
        "immutable",
        "Each build artifact is never modified.",
      ],
    ]);
    const d = design(prompt);
    expect(d.statedRequirements.find((r) => r.clause === "never modified")?.carried).toBe(true);
    expect(d.invariants.find((i) => i.statement.startsWith("Each build artifact is never modified"))?.keptBy).toBe(
      "write-once-key",
    );
  });

  it("keeps a comma before an act the clause before names (no participle of its own)", () => {
    expect(guaranteeClauses("Each reminder is sent on its day, never twice for one day.")).toEqual([]);
  });
});
