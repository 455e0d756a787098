import { describe, expect, it } from "vitest";
import { design } from "../src/lib/index.js";

const start = (p: string) => design(p).api.find((a) => a.operation === "start");

describe("a workflow's API and records follow the kind of outside party", () => {
  const pay = design("Design a payment service that charges cards exactly once at 2,000 payments per second");

  it("a payment starts with merchant, amount, currency, a payment-method token and a capture mode, never card data", () => {
    const req = start(pay.prompt)?.request.join(", ") ?? "";
    for (const f of ["merchant_id", "amount", "currency", "payment_method", "capture", "idempotency_key"])
      expect(req, f).toContain(f);
    expect(req).not.toMatch(/\b(?:type|input)\b/);
    // the field names, without their notes: no raw card number, PAN or CVC crosses our API
    expect(req.replace(/\([^)]*\)/g, "")).not.toMatch(/card[_ ]number|\bpan\b|\bcvc\b/i);
    expect(pay.api.map((a) => a.operation)).toContain("capture");
    const record = pay.dataModel.find((m) => /WorkflowInstance/.test(m.entity));
    expect(record?.fields).toEqual(expect.arrayContaining(["amount", "currency", "payment_method_token"]));
  });

  it("a payment's ledger has an owner that holds it and a step in a drawn sequence", () => {
    const ledger = pay.dataModel.find((m) => m.entity === "LedgerEntry");
    expect(ledger).toBeDefined();
    expect(pay.components.some((c) => c.holds.includes("LedgerEntry"))).toBe(true);
    const seqs = pay.diagrams.filter((d) => d.kind === "sequence").map((d) => d.mermaid);
    expect(seqs.some((m) => /LedgerEntry/.test(m))).toBe(true);
  });

  it("a webhook delivery starts without a payment's amount or card token", () => {
    const req = start("Design a webhook delivery service that retries failed deliveries for up to 72 hours")?.request;
    expect(req?.join(", ") ?? "").not.toMatch(/amount|payment_method|currency/);
  });
});
