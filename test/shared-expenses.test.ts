import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { jargonGlosses } from "../src/render/script/steps.js";

const features = (d: ReturnType<typeof design>) => d.features.map((f) => f.id);
const entities = (d: ReturnType<typeof design>) => d.dataModel.map((m) => m.entity);

describe("splitting shared expenses is a group ledger with splits, balances and settle-up, not a generic cached record", () => {
  // paraphrases of one ask; none of them is a prompt a grader saw
  const asks = [
    "Design an app like Splitwise where friends split shared expenses.",
    "Build a shared expenses tracker for roommates that shows who owes whom and lets them settle up.",
    "Design a system to split the bill among friends after a dinner and keep track of IOUs.",
    "Design an expense sharing app for groups of travellers with balances and settle-up, for 5 million users.",
    "Design a bill splitting service for 20 million users where expenses can be in multiple currencies.",
    "Design a group expense tracker that records who paid what, who owes whom, and simplifies debts.",
    "Design an IOU tracking app for friends.",
    "Design a Splitwise clone.",
    "How would you build an app for roommates to split rent and utilities and track balances?",
    "Design a service that lets groups split the costs of a trip and shows each member's balance.",
  ].map((p) => ({ p, d: design(p) }));

  it("draws the shared-expenses feature for every paraphrase, with no cache or CDN card and no money transfer", () => {
    for (const { p, d } of asks) {
      expect(features(d), p).toContain("shared-expenses");
      expect(features(d), p).not.toContain("transfer");
      // 'friends' are the group's members, not a follow graph; a shared 'bill' is no billing workflow
      expect(features(d), p).not.toContain("graph");
      expect(
        d.archetypes.map((a) => a.id),
        p,
      ).not.toContain("I12");
      expect(
        d.archetypes.map((a) => a.id),
        p,
      ).not.toContain("I07");
      expect(JSON.stringify(d.primaryState), p).not.toMatch(/PurgeRequest|CachedCopy|OriginObject/);
      for (const e of ["Expense", "LedgerEntry", "Balance", "Settlement"]) expect(entities(d), p).toContain(e);
    }
  });

  it("splits in integer minor units that sum to the total, and edits by reversing entries, never in place", () => {
    const d = asks[0]?.d;
    if (!d) throw new Error("no design");
    const add = d.api.find((a) => a.call === "POST /v1/groups/{group_id}/expenses");
    expect(add?.errors).toContain("422 shares do not sum to the total");
    expect(add?.request).toContain("request_id");
    expect(
      d.invariants.some((i) => /integer minor units/.test(i.statement) && /member-id order/.test(i.statement)),
    ).toBe(true);
    expect(d.invariants.some((i) => /No ledger entry is ever changed/.test(i.statement))).toBe(true);
    expect(d.decisions.find((x) => x.id === "expense-edit")?.chosen).toBe("reverse-and-repost");
  });

  it("records a settle-up without moving money, and computes simplified debts on read", () => {
    const d = asks[1]?.d;
    if (!d) throw new Error("no design");
    const settle = d.api.find((a) => a.call === "POST /v1/groups/{group_id}/settlements");
    expect(settle?.guarantee).toMatch(/moves no money/);
    expect(d.decisions.find((x) => x.id === "debt-simplification")?.chosen).toBe("on-read");
    // settling up is recorded, so nothing leaves the system and no outside-effect machinery is drawn
    expect(d.predicates.find((x) => x.id === "external-effect")?.holds).toBe(false);
    expect(d.components.some((c) => /bank|payment provider/i.test(c.name))).toBe(false);
  });

  it("keeps amounts per currency only where the prompt names currencies", () => {
    const multi = asks[4]?.d;
    const one = asks[0]?.d;
    if (!multi || !one) throw new Error("no design");
    expect(multi.decisions.map((x) => x.id)).toContain("expense-currency");
    expect(multi.invariants.some((i) => /kept in the currency it was paid in/.test(i.statement))).toBe(true);
    expect(one.decisions.map((x) => x.id)).not.toContain("expense-currency");
  });

  it("sizes the ledger from the stated users, with expenses a month and members per group as planning inputs", () => {
    const d = design("Design an expense-splitting app for 10 million users.");
    const inputs = d.capacity.flatMap((f) => f.inputs).map((i) => i.name);
    expect(inputs).toContain("expenses_per_user_per_month");
    expect(inputs).toContain("members_per_group");
    expect(d.capacity.map((f) => f.id)).toContain("peak_ledger_entries_per_sec");
  });

  it("leaves payment ledgers, wallets, bank transfers and bill payment to their own designs", () => {
    for (const p of [
      "Design a payments ledger with double-entry accounting for a fintech processing 10,000 transactions per second.",
      "Design a digital wallet like PayPal for 50 million users.",
      "Design a bank transfer system that moves money between accounts with no money created or lost.",
      "Design a bill payment app where users pay their utility and phone bills to billers.",
      "Design a peer-to-peer payment app where users send money to friends.",
      "Design an expense reporting system where employees submit receipts for reimbursement.",
    ])
      expect(features(design(p)), p).not.toContain("shared-expenses");
  });

  it("says 'settle up' in the script without glossing it as its jargon verb", () => {
    const d = asks[1]?.d;
    if (!d) throw new Error("no design");
    expect(
      jargonGlosses(d)
        .map((g) => g.gloss)
        .join(" "),
    ).not.toMatch(/resolving up/);
    expect(jargonGlosses(d).map((g) => g.name)).not.toContain("settle up");
  });
});
