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
