import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";
import { topicsSpoken } from "../src/knowledge/topics.js";

/** Everything a design draws, as one text. */
const drawn = (d: ReturnType<typeof design>) =>
  JSON.stringify([d.components, d.links, d.api, d.dataModel, d.failures, d.technology]);
const shape = (d: ReturnType<typeof design>) => checkCoherence(d).filter((p) => p.rule === "psp-shape");
const spoken = (p: string) => topicsSpoken(p).map((t) => t.value);

describe("a payment API like Stripe is the provider itself, not a merchant that calls one", () => {
  const stripe = design(
    "Design a payment API like Stripe that charges cards for 5,000 requests per second and never charges a customer twice when clients retry.",
  );
  const gateway = design(
    "Design a payment gateway that lets merchants authorize and capture card payments, 2,000 transactions per second, safe to retry.",
  );
  const build = design(
    "Build a Stripe-like payments platform: merchants create charges and refunds, and get webhooks.",
  );

  it("is switched on by the provider's words, and a shop's checkout that calls a provider is not", () => {
    for (const d of [stripe, gateway, build]) expect(d.nfrs.topics).toContain("psp");
    expect(spoken("Design a payment processor for card transactions at 10k TPS")).toContain("psp");
    expect(spoken("Design an Adyen-like payment service provider for European merchants")).toContain("psp");
    expect(spoken("Design the checkout for our online shop using Stripe")).not.toContain("psp");
    expect(spoken("Design a food delivery app that charges the customer through a payment gateway")).not.toContain(
      "psp",
    );
    expect(spoken("Design a payment system for an e-commerce site")).not.toContain("psp");
  });

  it("draws payments under a merchant-scoped key, an acquirer, a vault and webhooks; no bought provider or lease", () => {
    for (const d of [stripe, gateway, build]) {
      expect(d.archetypes[0]?.id).toBe("I12");
      expect(d.api.map((a) => a.call)).toContain("POST /v1/payment_intents");
      expect(d.dataModel.find((m) => m.entity === "IdempotencyKey")?.key).toEqual(["merchant_id", "idempotency_key"]);
      expect(d.dataModel.find((m) => m.entity === "LedgerEntry")?.partitionKey).not.toMatch(/account/);
      expect(d.components.map((c) => c.id)).toEqual(expect.arrayContaining(["vault", "acquirers", "webhook-senders"]));
      expect(drawn(d)).not.toMatch(/Payment provider \(charges|\/v1\/workflows|Stripe\.js|etcd|ZooKeeper/);
      expect(d.archetypes.map((a) => a.id)).toEqual(["I12"]);
      expect(shape(d)).toEqual([]);
      expect(checkCoherence(d).filter((p) => p.rule === "charge-without-payment-party")).toEqual([]);
    }
    // 'never charges … twice' is the lead's own rule in other words: no lease archetype is drawn, and the row says why
    expect(stripe.archetypes.map((a) => a.id)).not.toContain("I02");
    expect(stripe.archetypes[0]?.notDrawn?.map((n) => n.id)).toContain("I02");
  });

  it("names only the PaymentIntent statuses Stripe has: a decline goes back to requires_payment_method", () => {
    // docs.stripe.com/payments/paymentintents/lifecycle: seven statuses and no "failed"
    const text = JSON.stringify([stripe.api, stripe.dataModel, stripe.operations, stripe.diagrams]);
    expect(text).toMatch(/requires_payment_method/);
    expect(text).not.toMatch(/requires_capture or failed|\| failed\)|canceled, failed/);
  });

  it("a merchant's checkout keeps the merchant-side design that calls a payment provider", () => {
    const shop = design(
      "Design the checkout for our online shop that charges customers with Stripe and never double charges.",
    );
    expect(shop.nfrs.topics ?? []).not.toContain("psp");
    expect(shop.components.some((c) => c.kind === "external" && /payment provider/i.test(c.name))).toBe(true);
  });

  it("the coherence rule fires on ledger lines kept by account, an unscoped key or a bought provider", () => {
    const broken = {
      ...stripe,
      dataModel: stripe.dataModel.map((m) =>
        m.entity === "LedgerEntry"
          ? { ...m, partitionKey: "account" }
          : m.entity === "IdempotencyKey"
            ? { ...m, key: ["idempotency_key"] }
            : m,
      ),
      components: [
        ...stripe.components,
        { ...stripe.components[0], id: "provider", kind: "external", name: "Payment provider (charges, refunds)" },
      ],
    } as typeof stripe;
    const details = shape(broken).map((p) => p.detail);
    expect(details.some((x) => /not kept by movement/.test(x))).toBe(true);
    expect(details.some((x) => /not scoped by merchant/.test(x))).toBe(true);
    expect(details.some((x) => /buys the payment provider/.test(x))).toBe(true);
  });
});
