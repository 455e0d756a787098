import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { type Design, design } from "../src/lib/index.js";

const EMAIL = "Design an email delivery service that sends 50 million transactional emails per day";
const NEWSLETTER = "Design a newsletter platform sending 5M emails an hour";
const CHANNELS = "Design a notification service that sends push, email and SMS notifications";
const PAYMENT = "Design a payment system that charges cards exactly once";

const names = (d: Design) => d.components.map((c) => c.name);
const input = (d: Design, name: string) => d.capacity.flatMap((r) => r.inputs).find((i) => i.name === name);

describe("an email design is an email pipeline, not a generic workflow with a cron scheduler", () => {
  it("draws the send API, suppression list, domain queues, DKIM signer, MTA pool and bounce ingest", () => {
    for (const prompt of [EMAIL, NEWSLETTER]) {
      const d = design(prompt);
      expect(d.nfrs.topics).toContain("email");
      const drawn = names(d).join("\n");
      for (const part of [
        "Send API",
        "Template and suppression store",
        "Domain queue schedulers",
        "DKIM signer",
        "MTA pool",
        "Bounce and complaint ingest",
      ])
        expect(drawn).toContain(part);
      expect(drawn).not.toMatch(/Schedule API|Materializer|Due poller|Job target/);
      const send = d.api.find((a) => a.operation === "send");
      expect(send?.call).toBe("POST /v1/messages");
      expect(send?.request.join(" ")).toMatch(/idempotency_key.*template_id/);
      const entities = d.dataModel.map((x) => x.entity);
      expect(entities).toEqual(expect.arrayContaining(["SuppressionEntry", "Template"]));
      expect(d.operations.some((o) => o.entity === "SuppressionEntry" && /bounce/.test(o.phrase))).toBe(true);
      expect(d.archetypes[0]?.variant?.topic).toBe("email");
      expect(checkCoherence(d)).toEqual([]);
    }
  });

  it("the due-time scheduler a word like 'per day' pulls in is covered by the domain queues' next attempt times", () => {
    const d = design(EMAIL);
    const row = d.archetypes.find((a) => a.id === "I03");
    expect(
      row === undefined || (row as { covers?: unknown }).covers !== undefined || row.role.includes("covered"),
    ).toBe(true);
    expect(d.dataModel.map((x) => x.entity)).not.toContain("Schedule");
  });
});

describe("a notification sent by several channels is routed per channel", () => {
  it("draws a channel router and one sender and gateway per channel", () => {
    const d = design(CHANNELS);
    expect(d.nfrs.topics).toEqual(["multi-channel"]);
    const drawn = names(d);
    expect(drawn).toEqual(
      expect.arrayContaining([
        "Channel router",
        "Push senders (APNs, FCM)",
        "Email senders (DKIM-signing MTAs)",
        "SMS senders",
      ]),
    );
    expect(d.components.filter((c) => c.kind === "external").length).toBe(3);
    expect(d.dataModel.map((x) => x.entity)).toContain("ContactPoint");
    expect(d.archetypes[0]?.variant?.topic).toBe("multi-channel");
    expect(checkCoherence(d)).toEqual([]);
  });
});

describe("payment wording stays in payment designs", () => {
  it("an email design keeps its idempotency records for its own retries, a payment design for the provider's key retention", () => {
    const email = input(design(EMAIL), "retention_days");
    expect(email?.because).not.toMatch(/payment|Stripe/i);
    const pay = input(design(PAYMENT), "retention_days");
    expect(pay?.because).toMatch(/Stripe/);
  });

  it("the coherence check catches a payment provider's key pruning said of an email gateway", () => {
    const d = structuredClone(design(EMAIL)) as Design;
    const row = d.capacity[0];
    if (!row) throw new Error("no capacity row");
    row.inputs.push({
      name: "retention_days",
      value: 1,
      source: "assumed",
      because: "payment APIs such as Stripe's may prune idempotency keys after 24 hours",
      unit: "days",
    } as (typeof row.inputs)[number]);
    expect(checkCoherence(d).map((p) => p.rule)).toContain("party-fact-elsewhere");
    const paid = structuredClone(d);
    paid.nfrs.party = "payment-provider";
    expect(checkCoherence(paid).map((p) => p.rule)).not.toContain("party-fact-elsewhere");
  });
});
