import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { PARTIES, partyOf } from "../src/knowledge/parties.js";
import { type Design, design } from "../src/lib/index.js";
import { writeScript } from "../src/render/script/index.js";

const WEBHOOK = "Design a webhook delivery service that retries failed deliveries for up to 72 hours";
const PUSH = "Design a notification service that sends 10 million push notifications per hour";
const PAYMENT = "Design a payment service that charges cards through Stripe and never charges twice";
const CONSUL = "Design a service discovery and configuration system like Consul for 5,000 services";
// push notifications named, so the notification feature joins beside the core (a named product brings only its core)
const UBER = "Design a ride-hailing app like Uber with push notifications";

const rules = (d: Design) => checkCoherence(d).map((p) => p.rule);
const sequences = (d: Design) =>
  d.diagrams
    .filter((g) => g.kind === "sequence")
    .map((g) => g.mermaid)
    .join("\n");
const input = (d: Design, name: string) => d.capacity.flatMap((r) => r.inputs).find((i) => i.name === name);

describe("the kind of outside party a workflow's effects reach", () => {
  it("is read from the prompt's words, another service when none are spoken", () => {
    expect(partyOf("a webhook delivery service").kind).toBe("customer-endpoint");
    expect(partyOf("send 10 million push notifications per hour").kind).toBe("push-gateway");
    expect(partyOf("a payment service that refunds orders").kind).toBe("payment-provider");
    expect(partyOf("send password-reset emails").kind).toBe("message-gateway");
    expect(partyOf("a long running workflow engine").kind).toBe("service");
  });

  it("a webhook sender asks its customers' endpoints nothing afterwards: delivery log and replay instead", () => {
    const d = design(WEBHOOK);
    expect(d.nfrs.party).toBe("customer-endpoint");
    expect(sequences(d)).not.toMatch(/query by|look up record/);
    expect(d.components.map((c) => c.name)).toContain(PARTIES["customer-endpoint"].component);
    expect(d.components.some((c) => c.name === "Reconciler")).toBe(false);
    // the overlay's operations reach the API
    const ops = d.api.map((a) => a.operation);
    for (const op of ["register endpoint", "rotate secret", "list deliveries", "replay"]) expect(ops).toContain(op);
    expect(ops).not.toContain("provider callback");
    // no account-wide ceiling: a customer's endpoint has its own, so no Stripe rate limit sizes it
    expect(input(d, "provider_requests_per_sec")).toBeUndefined();
    expect(JSON.stringify(d.bottlenecks)).not.toMatch(/Stripe/);
    expect(JSON.stringify(d.failures)).not.toMatch(/a refund, a void/);
    expect(d.requirements.map((r) => r.text).join("\n")).not.toMatch(/compensating steps/);
    expect(rules(d)).toEqual([]);
  });

  it("a push sender is checked against FCM's per-project quota, not a payment provider's rate limit", () => {
    const d = design(PUSH);
    expect(d.nfrs.party).toBe("push-gateway");
    const ceiling = input(d, "provider_requests_per_sec");
    expect(ceiling?.value).toBe(10000);
    expect(ceiling?.because).toMatch(/600,000 messages a minute per project/);
    const headroom = d.capacity.find((r) => r.id === "provider_headroom");
    expect(headroom?.value).toBeLessThan(1);
    expect(sequences(d)).not.toMatch(/query by idempotency key/);
    expect(rules(d)).toEqual([]);
  });

  it("a payment keeps the provider lookup, Stripe's checked limit and a linearizable, fail-closed stance", () => {
    const d = design(PAYMENT);
    expect(d.nfrs.party).toBe("payment-provider");
    expect(input(d, "provider_requests_per_sec")?.value).toBe(100);
    expect(input(d, "provider_requests_per_sec")?.because).toMatch(/Stripe's live-mode rate limiter/);
    expect(d.nfrs.sources.party?.because).toMatch(/docs\.stripe\.com\/rate-limits/);
    expect(sequences(d)).toMatch(/query by idempotency key/);
    expect(d.nfrs.consistency).toBe("linearizable");
    expect(d.nfrs.availability).toBe("fail-closed");
  });

  it("a product's charge reaches a payment provider under the trip's owner; its notifications still reach APNs and FCM", () => {
    const d = design(UBER);
    // the charge is the effect that costs most to repeat, so the workflow runs where the ride is charged
    expect(d.nfrs.party).toBe("payment-provider");
    expect(d.nfrs.sources.party?.because).toMatch(/Matching/);
    const names = d.components.map((c) => c.name);
    expect(names).toContain(PARTIES["payment-provider"].component);
    expect(names.some((n) => /APNs/.test(n))).toBe(true);
    const holder = (e: string) => d.components.filter((c) => c.holds.includes(e)).map((c) => c.name);
    for (const e of ["OutboxEntry", "IdempotencyRecord", "LedgerEntry"]) expect(holder(e)).toEqual(["Trip database"]);
    const id = (name: string) => d.components.find((c) => c.name === name)?.id;
    expect(
      d.links.some((l) => l.from === id("Trip service") && l.to === id(PARTIES["payment-provider"].component)),
    ).toBe(true);
    expect(sequences(d)).not.toMatch(/APNs[^\n]*query|query[^\n]*APNs/);
    expect(rules(d)).not.toContain("charge-without-payment-party");
  });

  it("coherence catches a charge step with no payment provider, or with its ledger in another feature's store", () => {
    const base = design(UBER);
    const bare = structuredClone(base);
    bare.components = bare.components.filter((c) => c.name !== PARTIES["payment-provider"].component);
    expect(rules(bare)).toContain("charge-without-payment-party");
    const moved = structuredClone(base);
    for (const c of moved.components) {
      if (c.name === "Trip database")
        c.holds = c.holds.filter((h) => !["LedgerEntry", "OutboxEntry", "IdempotencyRecord"].includes(h));
      if (c.name === "Notification inbox store") c.holds.push("OutboxEntry", "LedgerEntry");
    }
    expect(rules(moved)).toContain("charge-without-payment-party");
  });

  it("card numbers stay at the provider where the prompt takes card payments, not in a transfer between bank accounts", () => {
    const cards = design("Design a payment service that charges cards exactly once at 2,000 payments per second");
    const box = cards.components.find((c) => c.name === PARTIES["payment-provider"].component);
    expect(box?.because).toMatch(/PCI DSS/);
    const said = writeScript(cards, {})
      .steps.map((s) => s.text)
      .join(" ");
    expect(said).toMatch(/Card numbers never touch our servers/);
    const bank = design("Design a money transfer service between bank accounts.");
    expect(JSON.stringify(bank.components)).not.toMatch(/PCI/);
  });
});

describe("each primary state's stance follows its role", () => {
  it("a webhook's guarded delivery state, its endpoints and its delivery log each take their own stance", () => {
    const d = design(WEBHOOK);
    const row = (e: string) => d.primaryState.find((s) => s.entity === e);
    expect(d.nfrs.consistency).not.toBe("linearizable");
    expect(d.nfrs.availability).toBe("stay-available");
    // the outbox fails closed only so an effect never runs twice; a webhook is delivered at least once, so it stays up
    expect(row("OutboxEntry")?.consistency.value).toBe("read-your-writes");
    expect(row("OutboxEntry")?.availability.value).toBe("stay-available");
    expect(row("OutboxEntry")?.availability.because).toMatch(/never runs twice/);
    expect(row("EndpointSubscription")?.consistency.value).toBe("read-your-writes");
    expect(row("EffectAttempt")?.consistency.value).toBe("eventual");
    expect(row("EffectAttempt")?.availability.value).toBe("stay-available");
    expect(row("EffectAttempt")?.because).toMatch(/only record/);
  });
});

describe("coherence catches a party asked what it cannot do, and a soft stance on consensus-held state", () => {
  it("a lookup sent to a webhook endpoint", () => {
    const d = structuredClone(design(WEBHOOK));
    const g = d.diagrams.find((x) => x.kind === "sequence" && /Customer endpoints/.test(x.mermaid));
    expect(g).toBeDefined();
    if (g) g.mermaid = g.mermaid.replace("send with event id", "query by idempotency key");
    expect(rules(d)).toContain("party-cannot-do");
  });

  it("a push sender checked against a payment provider's limit", () => {
    const d = structuredClone(design(PUSH));
    const i = d.capacity.flatMap((r) => r.inputs).find((x) => x.name === "provider_requests_per_sec");
    expect(i).toBeDefined();
    if (i) i.value = 100;
    expect(rules(d)).toContain("party-cannot-do");
  });

  it("a registration a consensus group commits, called best-effort", () => {
    const d = structuredClone(design(CONSUL));
    const r = d.primaryState.find((s) => s.entity === "Registration");
    expect(r).toBeDefined();
    if (r) r.durability = { value: "best-effort", because: "soft state" };
    expect(rules(d)).toContain("state-stance-against-holder");
  });
});
