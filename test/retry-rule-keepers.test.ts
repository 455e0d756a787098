import { describe, expect, it } from "vitest";
import { retryRuleKeptByOther } from "../src/engine/coherence.js";
import { canKeep, isRetryRule } from "../src/knowledge/index.js";
import { type Design, design } from "../src/lib/index.js";

const ELECTION = "Design a leader election service for 500 services that fails over within 10 seconds";
const TICKETS = "Design a ticketing system for a stadium where 200,000 fans race for 30,000 seats";
const CRAWLER = "Design a polite web crawler that fetches 500 million pages a month";
const RETRY = /^A retried '/;

describe("a retry rule is kept only by what recognises the repeat", () => {
  it("classifies a rule by its lead clause, not by a retry named in its explanation", () => {
    expect(isRetryRule("A retried 'hold a seat' may arrive again but takes effect once: the same request id …")).toBe(
      true,
    );
    expect(isRetryRule("Every retry of an OutboxEntry's external call carries the same effect id: …")).toBe(true);
    expect(isRetryRule("A follow edge exists at most once per (follower, followee): a retried follow never …")).toBe(
      false,
    );
    expect(canKeep("lease", "A retried 'acquire' takes effect once: …")).toBe(false);
    expect(canKeep("idempotency-key", "A retried 'acquire' takes effect once: …")).toBe(true);
    // a mechanism that only recognises repeats keeps no rule about a token's order
    expect(canKeep("idempotency-key", "Lease.token for a resource strictly increases across grants.")).toBe(false);
  });

  it("an election whose campaign names only its session states no request-id rule; the lease keeps one holder", () => {
    const d = design(ELECTION);
    expect(d.api.some((a) => a.operation === "campaign")).toBe(true);
    expect(d.invariants.filter((i) => RETRY.test(i.statement)).map((i) => i.statement)).toEqual([]);
    const row = (id: string) => d.mechanisms.find((m) => m.id === id);
    expect(row("lease")?.protects).toMatch(/at most one unexpired Lease/);
    expect(row("heartbeat-renewal")?.serves).toMatch(/^failure detection/);
    expect(row("ttl-expiry")?.protects ?? "").not.toMatch(RETRY);
    expect(row("partition-key-ordering")?.protects ?? "").not.toMatch(RETRY);
    expect(retryRuleKeptByOther(d)).toEqual([]);
  });

  it("a crawler's take names only the fetcher: no rule promises a request id", () => {
    const d = design(CRAWLER);
    expect(d.invariants.filter((i) => /request id/.test(i.statement)).map((i) => i.statement)).toEqual([]);
  });

  it("a hold whose call carries a request id keeps the retry rule by its key; the payment's parts keep the charge", () => {
    const d = design(TICKETS);
    const retry = d.invariants.find((i) => RETRY.test(i.statement));
    expect(retry).toBeDefined();
    for (const m of d.mechanisms.filter((x) => x.protects === retry?.statement))
      expect([
        "idempotency-key",
        "dedup-window",
        "idempotent-receiver",
        "put-if-absent",
        "content-addressing",
      ]).toContain(m.id);
    const charge = d.invariants.find((i) => /charges its buyer at most once per hold/.test(i.statement))?.statement;
    expect(charge).toBeDefined();
    for (const id of ["transactional-outbox", "idempotent-receiver", "reconciliation-loop"]) {
      const m = d.mechanisms.find((x) => x.id === id);
      if (m && m.serves === undefined) expect(m.protects).toBe(charge);
    }
    expect(d.mechanisms.find((m) => m.id === "lease")?.protects).toMatch(/at most one live hold|expired hold frees/);
  });

  it("the coherence check catches a lease or an outbox protecting a retry rule", () => {
    const d = design(TICKETS);
    const retry = d.invariants.find((i) => RETRY.test(i.statement))?.statement ?? "";
    const bent: Design = {
      ...d,
      mechanisms: d.mechanisms.map((m) =>
        m.id === "lease" || m.id === "transactional-outbox" ? { ...m, protects: retry } : m,
      ),
    };
    expect(retryRuleKeptByOther(bent).map((p) => p.detail.split(" protects")[0])).toEqual(
      d.mechanisms.filter((m) => m.id === "lease" || m.id === "transactional-outbox").map((m) => m.name),
    );
  });
});
