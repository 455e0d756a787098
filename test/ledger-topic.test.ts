import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";

/** Everything a design draws, as one text. */
const drawn = (d: ReturnType<typeof design>) =>
  JSON.stringify([d.components, d.links, d.api, d.dataModel, d.diagrams, d.technology]);

describe("money moved between the system's own accounts is a sharded ledger, not a call to a provider", () => {
  const ledger = design(
    "Design a bank ledger that transfers money between accounts on different shards without losing or creating money",
  );
  const wallet = design("Build a ledger service that moves money between customer accounts kept across 32 shards");
  const payment = design("Design a payment service that charges cards exactly once at 2,000 payments per second");
  const otherBank = design(
    "Transferring money to another bank must either complete on both sides or be undone, and a retry must never send it twice.",
  );

  it("leads with key-scoped state under the ledger topic when the accounts are the system's own", () => {
    expect(ledger.archetypes[0]?.id).toBe("I16");
    expect(ledger.nfrs.topics).toContain("ledger");
    expect(wallet.archetypes[0]?.id).toBe("I16");
    // an outside party named keeps the workflow with its provider
    expect(payment.archetypes[0]?.id).toBe("I12");
    expect(payment.components.some((c) => c.kind === "external")).toBe(true);
    expect(otherBank.archetypes[0]?.id).toBe("I12");
    // accounts held at banks are the banks' accounts, not the system's own
    expect(design("Design a money transfer service between bank accounts.").archetypes[0]?.id).toBe("I12");
    // "bank ledger" alone says the ledger is the system's own
    const plain = design("Design a bank ledger that must be linearizable and never lose a transaction.");
    expect(plain.archetypes[0]?.id).toBe("I16");
    expect(plain.components.some((c) => c.kind === "external")).toBe(false);
  });

  it("draws accounts, a transfer keyed by transfer id, a journal and the saga between shards, and no provider", () => {
    const text = drawn(ledger);
    for (const e of ["Account", "Transfer", "JournalEntry"]) expect(ledger.dataModel.map((m) => m.entity)).toContain(e);
    expect(ledger.dataModel.find((m) => m.entity === "Transfer")?.key).toEqual(["transfer_id"]);
    expect(ledger.components.some((c) => c.kind === "external")).toBe(false);
    expect(text).not.toMatch(/merchant_id|payment_method|Stripe|capture/i);
    expect(text).toMatch(/Cross-shard transfer as a saga/);
    expect(ledger.invariants.map((i) => i.statement).join("\n")).toMatch(/Money is conserved/);
    expect(JSON.stringify(ledger.nfrs.consistency)).toMatch(/linearizable/);
    const cross = ledger.decisions.find((x) => x.id === "i16-ledger-cross-shard");
    expect(cross?.chosen).toBe("saga");
    expect(cross?.options.map((o) => o.id)).toEqual(["saga", "two-phase-commit", "distributed-sql"]);
    expect(ledger.capacity.map((c) => c.id)).toEqual(
      expect.arrayContaining(["cross_shard_transfers", "account_shards", "hot_account"]),
    );
  });

  it("keeps the ledger's shape, checked by coherence", () => {
    expect(ledger.coherence).toEqual([]);
    const broken = structuredClone(ledger) as typeof ledger;
    broken.dataModel = broken.dataModel.filter((m) => m.entity !== "Transfer");
    broken.components = [
      ...broken.components,
      { ...broken.components[0], id: "provider", name: "Payment provider (charges, refunds)", kind: "external" },
    ] as typeof broken.components;
    const rules = checkCoherence(broken).filter((p) => p.rule === "ledger-shape");
    expect(rules.map((p) => p.detail).join("\n")).toMatch(/Payment provider[\s\S]*no Transfer/);
  });
});

describe("a payment named as what moves between the system's own accounts is the ledger, not a provider's workflow", () => {
  // "payment" names what moves; with own accounts and no outside party named, the ledger leads
  const paymentLedger = design(
    "Build a payment ledger that posts 5,000 transfers a second between accounts and never creates or loses money.",
  );
  const paymentsSystem = design(
    "Design a payments system that moves funds between user accounts on different shards and never loses a cent.",
  );
  // words taken together ("query … date", "past … payment") ask this of the ledger's own journal
  const audited = design(
    "Design a payment ledger for transfers between accounts that auditors can query as of any past date.",
  );

  it("leads with the ledger, draws no outside party, and its coherence holds", () => {
    for (const d of [paymentLedger, paymentsSystem, audited]) {
      expect(d.archetypes[0]?.id).toBe("I16");
      expect(d.nfrs.topics).toContain("ledger");
      expect(d.components.some((c) => c.kind === "external")).toBe(false);
    }
    // ("a payments system" still names its unit "payment", which renames the account: left for the unit-noun rules)
    for (const d of [paymentLedger, audited])
      expect(checkCoherence(d).filter((p) => p.rule === "ledger-shape")).toEqual([]);
    expect(audited.archetypes.map((a) => a.id)).not.toContain("I06");
  });

  it("keeps a payment through an outside party a workflow at the provider", () => {
    const psp = design(
      "Design a payment API like Stripe that merchants call to charge cards and that never charges a customer twice.",
    );
    expect(psp.archetypes[0]?.id).toBe("I12");
    const payout = design("Design a payments service that pays sellers out to their bank accounts exactly once.");
    expect(payout.archetypes[0]?.id).toBe("I12");
  });

  it("reads double-entry accounting and an internal ledger as the system's own accounts", () => {
    for (const p of [
      "Design a double-entry accounting system for a marketplace.",
      "Design an internal credits ledger for a game economy with history replay.",
    ]) {
      const d = design(p);
      expect(d.archetypes[0]?.id).toBe("I16");
      expect(d.nfrs.topics).toContain("ledger");
    }
  });
});

describe("a ledger reproduces any past balance from its immutable journal", () => {
  const d = design(
    "Design a ledger that moves money between accounts and lets auditors see any account's balance at any past time.",
  );

  it("reads a balance as of a past time from a snapshot plus the journal lines after it", () => {
    const read = d.operations.find((o) => /as of a past time/.test(o.phrase));
    expect(read?.entity).toBe("JournalEntry");
    expect(d.dataModel.find((m) => m.entity === "BalanceSnapshot")?.key).toEqual(["account_id", "sequence"]);
    expect(d.api.some((a) => /as_of/.test(a.call))).toBe(true);
    expect(d.invariants.some((i) => /Any past balance can be reproduced/.test(i.statement))).toBe(true);
    expect(d.failures.some((f) => /edited or deleted in place/.test(f.failure))).toBe(true);
    expect(checkCoherence(d)).toEqual([]);
  });
});

describe("learned words never lift an archetype the prompt gives no word of its own above the stated ledger", () => {
  it("an as-of balance read for auditors is the ledger's own read, not a search index", () => {
    for (const p of [
      "Design a payment ledger that records 5,000 transfers per second between accounts and lets auditors read any balance as of a past date.",
      "Design a ledger for transfers between accounts where auditors can read any balance as of a past date.",
    ]) {
      const d = design(p);
      expect(d.archetypes[0]?.id).toBe("I16");
      expect(d.archetypes.map((a) => a.id)).not.toContain("I06");
    }
  });
});

describe("money users send one another from balances the system stores is its own ledger, not a card workflow", () => {
  // paraphrases of a peer-to-peer payments app (a product head with a demand: mixed, led by the ledger)
  const p2p = design(
    "Design a P2P money transfer app like Cash App for 5 million users: friends send each other money from their in-app balance, and a retried transfer must never move the money twice.",
  );
  const friends = design(
    "Build a peer-to-peer payments app where people send money to friends out of a stored balance; a payment is never applied twice.",
  );
  const credits = design(
    "Design a system to transfer credits between users of a game: 2 million players, credits can never be duplicated or lost.",
  );

  it("leads with the ledger under its topic and draws no outside party", () => {
    for (const d of [p2p, friends, credits]) {
      expect(d.archetypes[0]?.id).toBe("I16");
      expect(d.nfrs.topics).toContain("ledger");
      expect(d.archetypes.some((a) => a.id === "I12")).toBe(false);
      expect(d.components.some((c) => c.kind === "external")).toBe(false);
      expect(drawn(d)).not.toMatch(/merchant_id|payment_method|capture/i);
      for (const e of ["Account", "Transfer", "JournalEntry"]) expect(d.dataModel.map((m) => m.entity)).toContain(e);
    }
    expect(p2p.branch.kind).toBe("mixed");
  });

  it("draws the ledger once: the wallet feature brings no second ledger beside it", () => {
    for (const d of [p2p, friends]) {
      expect(d.features.map((f) => f.id)).not.toContain("transfer");
      expect(checkCoherence(d).filter((x) => x.rule === "ledger-shape")).toEqual([]);
    }
  });

  it("keeps money named with an outside party a workflow, and a product named alone keeps its wallet feature", () => {
    expect(design("Design a money transfer service between bank accounts.").archetypes[0]?.id).toBe("I12");
    expect(design("Design Venmo.").features.map((f) => f.id)).toContain("transfer");
  });
});
