import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { guaranteeClauses, keeperOf, saysClause, UNKEPT } from "../src/engine/stated-clauses.js";
import { fromStatedGuarantee } from "../src/engine/stated-rules.js";
import { type Design, design, writeScript } from "../src/lib/index.js";

const said = (d: Design) =>
  writeScript(d, { minutes: 45 })
    .steps.map((x) => x.text)
    .join(" ");
const one = (prompt: string) => {
  const c = guaranteeClauses(prompt)[0];
  if (!c) throw new Error(`no clause in '${prompt}'`);
  return c;
};

describe("a guarantee clause no clause shape reads", () => {
  it("is said as its subject and cleaned verb phrase, with the head noun of what it constrains", () => {
    const said = (p: string) => guaranteeClauses(p).map((c) => [c.statement, c.head]);
    expect(said("a gift card service where a card's balance never goes below zero")).toEqual([
      ["A card's balance never goes below zero.", "balance"],
    ]);
    expect(said("a ticket scanner where a ticket is never accepted at two gates")).toEqual([
      ["A ticket is never accepted at two gates.", "ticket"],
    ]);
    expect(said("a document store where a signed contract can never be edited")).toEqual([
      ["A signed contract is never edited.", "contract"],
    ]);
    expect(said("a package registry where a published version can never be changed")).toEqual([
      ["A published version is never changed.", "version"],
    ]);
    expect(said("a session router that keeps each user's session on the same server while it is healthy")).toEqual([
      ["Each user's session stays on the same server while it is healthy.", "session"],
    ]);
    expect(said("a metering pipeline where each event is billed exactly once")).toEqual([
      ["Each event is billed exactly once.", "event"],
    ]);
    expect(said("an inventory service where stock never goes negative")).toEqual([
      ["Stock never goes negative.", "stock"],
    ]);
    // a pronoun names nothing to constrain
    expect(guaranteeClauses("a chat app where it never crashes")).toEqual([]);
  });

  it("is said by a rule that names its thing, says a limit and shares its verb, counting words for the same limit", () => {
    const c = one("an inventory service where stock never goes negative");
    expect(saysClause("Stock never drops below zero: a decrement is one conditional write.", c)).toBe(true);
    expect(saysClause("Stock levels are replicated to three zones.", c)).toBe(false);
    expect(saysClause("A balance never goes below zero.", c)).toBe(false);
    // claimants that never share a thing constrain the thing; a noun the verb names is not its verb
    const seat = one("a theater booking system where two customers can never book the same seat");
    expect(seat.head).toBe("seat");
    expect(
      saysClause("A booking is confirmed only by the holder of a live hold, so no seat is sold twice.", seat),
    ).toBe(true);
    // the card's own noun for the thing, said with two of the verb's own words
    const ticket = one("an event ticketing system where a ticket is never sold twice");
    expect(
      saysClause("A booking is confirmed only by the holder of a live hold, so no seat is sold twice.", ticket),
    ).toBe(true);
    expect(saysClause("A seat is never held by two buyers.", ticket)).toBe(false);
    const leader = one("a lock service where a leader never writes after it has lost leadership");
    expect(saysClause("A token is never reused, even after a leader failover.", leader)).toBe(false);
  });

  it("is kept by a mechanism on a write naming its thing that its verb calls for, else by none", () => {
    const c = one("a document store where a signed contract can never be edited");
    const w = (phrase: string, mechanism: string) => ({ phrase, entity: "Contract", mechanism, words: phrase });
    expect(
      keeperOf(c, [w("edit a contract", "versioned-overwrite"), w("sign a contract", "guarded-transition")]),
    ).toEqual(w("sign a contract", "guarded-transition"));
    expect(keeperOf(c, [w("edit a contract", "versioned-overwrite")])).toBeUndefined();
    const nowhere = (phrase: string, mechanism: string) => ({ phrase, entity: "KeyValue", mechanism, words: phrase });
    expect(keeperOf(c, [nowhere("put a key", "guarded-transition")])).toBeUndefined();
  });

  for (const prompt of [
    "a gift card service where a card's balance never goes below zero",
    "a ticket scanner where a ticket is never accepted at two gates",
    "a document store where a signed contract can never be edited",
    "a session router that keeps each user's session on the same server while it is healthy",
    "Design a hotel booking system where a room is never booked twice for the same night and payment is charged once.",
    "Design a movie theater seat booking system where two customers can never book the same seat.",
  ])
    it(`leads the spoken hard rule in the prompt's words, kept or honestly unkept: ${prompt}`, () => {
      const d = design(prompt);
      const c = one(prompt);
      const rule = d.invariants.find((i) => fromStatedGuarantee(i.because));
      expect(rule).toBeDefined();
      // said in the prompt's words, or by the card's rule that already says it
      if (rule?.statement.startsWith(c.statement)) expect(said(d)).toContain(`The hard rule is this. ${c.statement}`);
      else expect(saysClause(rule?.statement ?? "", c)).toBe(true);
      if (rule?.statement.endsWith(UNKEPT) !== true) expect(said(d)).not.toMatch(/No mechanism in this design keeps/);
      if (rule?.keptBy === undefined && rule?.statement.startsWith(c.statement)) {
        expect(rule?.statement.endsWith(UNKEPT)).toBe(true);
        expect(said(d)).not.toMatch(/It keeps the hard rule/);
      }
      expect(
        checkCoherence(d).filter((p) => p.rule === "stated-rule-unkept" || p.rule === "invariant-off-path"),
      ).toEqual([]);
    });

  it("is flagged when a stated rule names no keeper and does not say so, or a keeper the design lacks", () => {
    const d = design("a document store where a signed contract can never be edited");
    const k = d.invariants.findIndex((i) => fromStatedGuarantee(i.because));
    const silent = structuredClone(d);
    const inv = silent.invariants[k];
    if (!inv) throw new Error("no stated rule");
    inv.statement = "A signed contract is never edited.";
    delete inv.keptBy;
    expect(checkCoherence(silent).map((p) => p.rule)).toContain("stated-rule-unkept");
    const lacking = structuredClone(d);
    const row = lacking.invariants[k];
    if (!row) throw new Error("no stated rule");
    row.keptBy = "saga";
    expect(checkCoherence(lacking).map((p) => p.rule)).toContain("stated-rule-unkept");
    // a rule that says no mechanism keeps it, yet one protects it
    const credited = structuredClone(d);
    const unkept = credited.invariants[k];
    const m = credited.mechanisms[0];
    if (!m || !unkept) throw new Error("no mechanism");
    unkept.statement = `A signed contract is never edited. The record write it sits on refuses nothing that breaks it: ${UNKEPT}`;
    delete unkept.keptBy;
    m.protects = unkept.statement;
    expect(checkCoherence(credited).map((p) => p.rule)).toContain("stated-rule-unkept");
  });
});
