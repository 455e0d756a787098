import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/lib/index.js";

const WALLET =
  "Design a digital wallet like PayPal's balance where 100 million users send money to each other and a balance can never be spent twice.";

describe("transfers between accounts the operator keeps are one double-entry ledger", () => {
  it("a wallet whose prompt builds the ledger subject draws it once, with no second ledger from the named product", () => {
    const d = design(WALLET);
    expect(d.archetypes[0]?.id).toBe("I16");
    expect(d.nfrs.topics).toContain("ledger");
    // the product's transfer feature would draw its own ledger service, database and payout rail beside the shards
    expect((d.features ?? []).map((f) => f.id)).not.toContain("transfer");
    const names = d.components.map((c) => c.name);
    expect(names.filter((n) => /ledger (?:service|database)/i.test(n))).toEqual([]);
    expect(names.some((n) => /^Account shards/.test(n))).toBe(true);
    // no outside party takes part in a transfer between our own accounts
    expect(d.components.some((c) => c.kind === "external")).toBe(false);
    expect(d.invariants.some((i) => /Money is conserved/.test(i.statement))).toBe(true);
    expect(checkCoherence(d).map((p) => p.rule)).toEqual([]);
  });

  it("a product prompt naming the wallet still draws the transfer feature", () => {
    const d = design("Design Venmo.");
    expect((d.features ?? []).map((f) => f.id)).toContain("transfer");
  });

  it("a ledger service keeps accounts: its name's word is the whole book, not the record", () => {
    const d = design(
      "Design a ledger service for a neobank where 20 million accounts move money between each other, 10,000 transfers a second, and balances never go negative.",
    );
    expect(d.dataModel.some((m) => m.entity === "Account")).toBe(true);
    expect(checkCoherence(d).map((p) => p.rule)).not.toContain("ledger-shape");
  });
});
