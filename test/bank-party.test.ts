import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { PARTIES, partyOf } from "../src/knowledge/parties.js";
import { type Design, design } from "../src/lib/index.js";

const PAYOUT =
  "Design a payout service that pays 3 million Uber drivers weekly through bank transfers, never paying a driver twice.";
const PARTNER =
  "Transfer money to a partner bank and be certain the transfer happens exactly once even if our process restarts mid-call.";
const CHARGE = "Design a payment service that charges cards through Stripe and never charges twice";

const rules = (d: Design) => checkCoherence(d).map((p) => p.rule);
const failures = (d: Design) => d.failures.map((f) => `${f.failure} | ${f.prevention} | ${f.repair}`).join("\n");

describe("money sent to another bank reaches a bank rail, not a card processor", () => {
  it("is read from words of bank transfers, unless the text also takes a card payment", () => {
    expect(partyOf("pays freelancers weekly by bank transfer").kind).toBe("bank");
    expect(partyOf("call the bank's transfer API for each payout").kind).toBe("bank");
    expect(partyOf("sends transfers through external banking partners").kind).toBe("bank");
    expect(partyOf("a money transfer service between bank accounts").kind).toBe("bank");
    // a card charge beside a payout: the charge is the effect taken through a payment provider
    expect(partyOf("buyers check out with a card and sellers are paid by bank transfer").kind).toBe("payment-provider");
    expect(partyOf("a payment service that refunds orders").kind).toBe("payment-provider");
    // a banking app that sends push notifications is not a transfer to another bank
    expect(partyOf("a push notification service for a banking app").kind).toBe("push-gateway");
  });

  it("a payout by bank transfer draws the bank rail, settles a lost reply by our reference and never refunds", () => {
    const d = design(PAYOUT);
    expect(d.nfrs.party).toBe("bank");
    const names = d.components.map((c) => c.name);
    expect(names).toContain(PARTIES.bank.component);
    expect(names).not.toContain(PARTIES["payment-provider"].component);
    const text = failures(d);
    expect(text).toMatch(/Paid twice/);
    expect(text).toMatch(/end-to-end reference/);
    // nothing true of a card payment only: Stripe's key pruning, an authorisation, a refund of a charge
    expect(text).not.toMatch(/Stripe|authoris|refunds? (?:it|the excess)|a second charge/);
    // a sent payment cannot be undone, so no saga compensates it: each payout is a tracked delivery
    expect(d.mechanisms.map((m) => m.id)).not.toContain("saga");
    expect(d.decisions.find((x) => x.id === "i12-coordination")?.chosen).toBe("tracked-delivery");
    // no provider's per-account request ceiling is assumed for a bank
    expect(d.capacity.flatMap((r) => r.inputs).find((i) => i.name === "provider_requests_per_sec")).toBeUndefined();
    expect(d.nfrs.consistency).toBe("linearizable");
    expect(d.nfrs.availability).toBe("fail-closed");
    expect(rules(d)).toEqual([]);
  });

  it("the bank's payout protocol posts ledger lines with the outbox and matches the statement by reference", () => {
    const d = design(PARTNER);
    expect(d.nfrs.party).toBe("bank");
    const seq = d.diagrams
      .filter((g) => g.kind === "sequence")
      .map((g) => g.mermaid)
      .join("\n");
    expect(seq).toMatch(/end-to-end reference/);
    expect(seq).not.toMatch(/charge the token/);
    expect(d.dataModel.some((m) => m.entity === "LedgerEntry")).toBe(true);
  });

  it("a card payment still reaches the payment provider with its refund row", () => {
    const d = design(CHARGE);
    expect(d.nfrs.party).toBe("payment-provider");
    expect(failures(d)).not.toMatch(/Paid twice/);
  });

  it("a wallet's cash-out goes over the bank rail, its payment rows stay with card payments", () => {
    const d = design("Design Venmo.");
    expect(d.nfrs.party).toBe("bank");
    expect(d.components.map((c) => c.name)).toContain("Bank / payment rail (ACH, wire)");
    expect(failures(d)).not.toMatch(/Stripe/);
  });

  it("a banking app whose effects reach another service never says a payment provider prunes our keys", () => {
    const d = design("Design a mobile banking app.");
    expect(rules(d)).not.toContain("party-fact-elsewhere");
  });
});

describe("a prompt that asks for sending money between users takes the ledger's stance", () => {
  it("is linearizable and fails closed, said in the transfer feature's words", () => {
    const d = design(
      "Design a mobile app where users pay friends from a wallet balance and cash out to their bank account.",
    );
    expect(d.features?.map((f) => f.id)).toContain("transfer");
    expect(d.nfrs.consistency).toBe("linearizable");
    expect(d.nfrs.availability).toBe("fail-closed");
    expect(d.nfrs.sources.consistency?.because).toMatch(/overdraw/);
  });
});
