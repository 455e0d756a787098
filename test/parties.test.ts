import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { PARTIES, partyOf } from "../src/knowledge/parties.js";
import { type Design, design } from "../src/lib/index.js";

const WEBHOOK = "Design a webhook delivery service that retries failed deliveries for up to 72 hours";
const PUSH = "Design a notification service that sends 10 million push notifications per hour";
const PAYMENT = "Design a payment service that charges cards through Stripe and never charges twice";
const CONSUL = "Design a service discovery and configuration system like Consul for 5,000 services";
const UBER = "Design a ride-hailing app like Uber";

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

  it("a product's notifications reach the push gateways, so nothing queries APNs or FCM", () => {
    const d = design(UBER);
    expect(d.nfrs.party).toBe("push-gateway");
    expect(d.nfrs.sources.party?.because).toMatch(/Notifications/);
    expect(sequences(d)).not.toMatch(/query by idempotency key/);
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
