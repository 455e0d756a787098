import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { parseRuleGuarantees } from "../src/engine/nfr-parse.js";

const writable = (p: string) => parseRuleGuarantees(p).filter((g) => g.kind === "stay-writable");

describe("a store stated to stay writable in every region while they are cut off", () => {
  it("reads the clause with its noun, its unit and its cut", () => {
    expect(
      writable(
        "Store each user's reading list by user id; it must stay writable in every region while the regions are partitioned, and merge afterwards.",
      ),
    ).toEqual([
      {
        kind: "stay-writable",
        noun: "record",
        unit: "region",
        cut: "partition",
        quote: "it must stay writable in every region while the regions are partitioned",
      },
    ]);
    const [g] = writable(
      "Each team's whiteboard notes must keep accepting writes in both data centres even if the link between them goes down.",
    );
    expect(g).toMatchObject({ kind: "stay-writable", noun: "note", unit: "data centre", cut: "partition" });
    const [lost] = writable(
      "Game lobbies are kept per player and must stay readable and writable when one of our three regions is down.",
    );
    expect(lost).toMatchObject({ kind: "stay-writable", unit: "region", cut: "loss" });
  });

  it("reads nothing where writes are refused, or no region is named", () => {
    for (const p of [
      "Payments must never be accepted twice; a region cut off from the majority must refuse writes.",
      "Design a lock service that stays consistent even when a data center is lost.",
      "Files are writable by their owner only, and readable by anyone they share them with.",
      "A minority that gets cut off must refuse writes.",
      "Each player's inventory must be readable and writable by player id in a few milliseconds.",
    ])
      expect(writable(p), p).toEqual([]);
  });

  it("becomes a rule with its keeper and failure row, carried by the ledger and forcing no fail-closed stance", () => {
    for (const prompt of [
      "Store each user's reading list by user id; it must stay writable in every region while the regions are partitioned, and merge afterwards.",
      "Each team's whiteboard notes must keep accepting writes in both data centres even if the link between them goes down.",
    ]) {
      const d = design(prompt);
      const rule = d.invariants.find((i) => /^No \w+ write is refused while the/.test(i.statement));
      expect(rule, prompt).toBeDefined();
      expect(rule?.keptBy).toBe("crdt-merge");
      expect(rule?.statement).toMatch(/merged by the record's merge rule/);
      expect(d.mechanisms.some((m) => m.id === "crdt-merge")).toBe(true);
      expect(d.failures.some((f) => /^The link between (?:regions|data centres) is cut/.test(f.failure))).toBe(true);
      expect(d.coherence.filter((c) => c.rule === "qualifier-unkept" || c.rule === "requirement-not-carried")).toEqual(
        [],
      );
      expect(d.statedRequirements.find((r) => /writ/.test(r.clause))?.carried).toBe(true);
    }
  });
});
