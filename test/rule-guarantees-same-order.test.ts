import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { parseRuleGuarantees } from "../src/engine/nfr-parse.js";

const order = (p: string) => parseRuleGuarantees(p).filter((g) => g.kind === "same-order");

describe("everyone sees the same order, or ends with the same state", () => {
  it("reads what is ordered, or the state that converges, with the clause's words", () => {
    expect(
      order(
        "Design a backend for a multiplayer quiz: every contestant must see the answers in the same order, even when two contestants answer at the same instant.",
      ),
    ).toEqual([
      {
        kind: "same-order",
        noun: "answer",
        quote:
          "every contestant must see the answers in the same order, even when two contestants answer at the same instant",
      },
    ]);
    expect(
      order(
        "In our ticket-drop queue, two purchases arriving in the same millisecond must be ordered the same way for everyone.",
      )[0],
    ).toMatchObject({ noun: "purchase" });
    expect(
      order("Each comment posted to a livestream must appear in the same order for every viewer.")[0],
    ).toMatchObject({ noun: "comment" });
    expect(
      order(
        "Several nurses update the same ward roster at once, and everyone must end up seeing the same roster without losing anyone's edits.",
      ),
    ).toEqual([
      {
        kind: "same-order",
        noun: "roster",
        converge: true,
        quote: "and everyone must end up seeing the same roster without losing anyone's edits".replace(/^and /, ""),
      },
    ]);
    expect(order("Every kiosk's display must agree on the current queue number.")[0]).toMatchObject({
      noun: "number",
      converge: true,
    });
  });

  it("reads nothing where replicas agree by consensus, or a thing is merely the same", () => {
    for (const p of [
      "Five replicas must agree on which configuration epoch is current.",
      "Design a durable event bus that lets several teams consume the same order events independently.",
      "Anyone who fetches that version must get the same bytes forever.",
      "Events for the same order must be processed in sequence.",
      "Every user sees their own feed sorted by time.",
    ])
      expect(order(p), p).toEqual([]);
  });

  it("becomes a rule kept by the design's sequencing write, with its failure row, carried by the ledger", () => {
    for (const prompt of [
      "Design a backend for a multiplayer quiz: every contestant must see the answers in the same order, even when two contestants answer at the same instant.",
      "Several nurses update the same ward roster at once, and everyone must end up seeing the same roster without losing anyone's edits.",
    ]) {
      const d = design(prompt);
      const rule = d.invariants.find((i) =>
        /^Every copy (?:shows answers in the same order|ends up with the same roster)/.test(i.statement),
      );
      expect(rule, prompt).toBeDefined();
      expect(rule?.statement).toMatch(/sequence number|merges concurrent changes/);
      expect(d.mechanisms.some((m) => m.id === rule?.keptBy)).toBe(true);
      expect(
        d.failures.some((f) =>
          /^Two (?:answers|changes to the same element) reach different servers at the same instant/.test(f.failure),
        ),
      ).toBe(true);
      expect(d.statedRequirements.filter((r) => /same/.test(r.clause)).every((r) => r.carried)).toBe(true);
      expect(d.nfrs.guarantees?.some((g) => g.kind === "never-lost")).toBe(false);
      expect(d.coherence.filter((c) => c.rule === "qualifier-unkept" || c.rule === "requirement-not-carried")).toEqual(
        [],
      );
    }
  });
});
