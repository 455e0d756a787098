import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { PARTIES } from "../src/knowledge/parties.js";
import { type Design, design } from "../src/lib/index.js";

const WEBHOOK = "Design a webhook delivery service that retries failed deliveries for up to 72 hours";
const PUSH = "Design a notification service that sends 10 million push notifications per hour";
const EMAIL = "Design an email delivery service that sends 50 million transactional emails per day";
const PAYMENT = "Design a payment service that charges cards through Stripe and never charges twice";
const UBER = "Design a ride-hailing app like Uber";

const mechanisms = (d: Design) => d.mechanisms.map((m) => m.id);
const chosen = (d: Design, id: string) => d.decisions.find((x) => x.id === id)?.chosen;
const input = (d: Design, name: string) => d.capacity.flatMap((r) => r.inputs).find((i) => i.name === name);
const figure = (d: Design, id: string) => d.capacity.find((r) => r.id === id);

describe("effects that cannot be undone are not compensated", () => {
  it("knows which parties can undo an effect", () => {
    expect(PARTIES["payment-provider"].undoes.value).toBe(true);
    for (const k of ["customer-endpoint", "push-gateway", "message-gateway"] as const)
      expect(PARTIES[k].undoes.value).toBe(false);
  });

  it("a webhook, a push or an email design has no saga and tracks deliveries instead", () => {
    for (const p of [WEBHOOK, PUSH, EMAIL]) {
      const d = design(p);
      expect(mechanisms(d), p).not.toContain("saga");
      expect(chosen(d, "i12-coordination"), p).toBe("tracked-delivery");
      expect(d.predicates.find((x) => x.id === "multi-object")?.because ?? "", p).not.toMatch(/saga/);
      expect(checkCoherence(d), p).toEqual([]);
    }
  });

  it("a payment design keeps its orchestrated workflow with compensation", () => {
    const d = design(PAYMENT);
    expect(mechanisms(d)).toContain("saga");
    expect(chosen(d, "i12-coordination")).toBe("orchestration");
  });
});

describe("the unit is called by the prompt's noun", () => {
  it("invariants and failures of a webhook design speak of a Delivery, not a WorkflowInstance", () => {
    const d = design(WEBHOOK);
    const text = [...d.invariants.map((i) => i.statement), ...d.failures.map((f) => `${f.failure} ${f.prevention}`)];
    expect(text.join("\n")).not.toMatch(/WorkflowInstance|workflow instance/);
    expect(d.invariants.some((i) => /\bDelivery\b/.test(i.statement))).toBe(true);
    expect(d.primaryState.find((r) => r.entity === "Delivery")?.description).toMatch(/per delivery\b/);
  });
});

describe("outside loads", () => {
  it("a stated push load against the gateway's project quota is the first hotspot", () => {
    const d = design(PUSH);
    expect(d.bottlenecks[0]?.load?.figure).toBe("provider_headroom");
    expect(d.bottlenecks[0]?.bottleneck).toMatch(/push gateways' quota/);
  });

  it("an email design retries 4xx, stops on 5xx, keeps a suppression list, and leads with the gateway's sending rate", () => {
    const d = design(EMAIL);
    const failures = d.failures.map((f) => `${f.failure} ${f.prevention}`).join("\n");
    expect(failures).toMatch(/5xx/);
    expect(failures).toMatch(/suppression list/);
    expect(failures).toMatch(/DKIM/);
    expect(d.bottlenecks[0]?.bottleneck).toMatch(/gateway's sending rate/);
    // SMTP cannot be asked afterwards what it accepted: no lookup by our key, and no collapse id outside a push
    const sequences = d.diagrams.map((g) => g.mermaid).join("\n");
    expect(sequences).not.toMatch(/query by idempotency key/);
    expect(failures).not.toMatch(/collapse id/);
    // the rows are the message gateway's only
    expect(
      design(WEBHOOK)
        .failures.map((f) => f.failure)
        .join("\n"),
    ).not.toMatch(/5xx|suppress/);
  });

  it("Uber's workflows come from its rides and notifications, not a key-value tier's request rate", () => {
    const d = design(UBER);
    const w = input(d, "workflows_per_sec");
    expect(w?.because).toMatch(/rides_per_day/);
    expect(w?.value).toBeLessThan(100_000);
    expect(figure(d, "outbox_writes")?.value).toBeLessThan(900_000);
  });
});
