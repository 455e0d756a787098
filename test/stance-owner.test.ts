import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { carriedPaths } from "../src/engine/fields/decisions.js";
import { type Design, design } from "../src/lib/index.js";
import { writeScript } from "../src/render/script/index.js";

const clone = (d: Design): Design => structuredClone(d);
const rules = (d: Design) => checkCoherence(d).map((p) => p.rule);
const row = (d: Design, entity: string) => d.primaryState.find((r) => r.entity === entity);
const said = (d: Design) =>
  writeScript(d, { minutes: 45 })
    .steps.flatMap((s) => s.sentences)
    .join(" ");

const EXCHANGE = "Design a stock exchange order matching engine for 100k orders per second";
const DOCS = "Design a collaborative document editor like Google Docs";
const WEBHOOKS = "Design a webhook delivery service that retries failed deliveries for up to 72 hours";
const CONSUL = "Design a service discovery and configuration system like Consul for 5,000 services";
const LIMITER =
  "Design a distributed rate limiter for a public API that allows each API key 1,000 requests per minute across 30 gateway nodes";

describe("the failure stance follows the state's holder (r15 defect 3)", () => {
  it("an exchange halts a symbol without its matcher; executions stay readable as a prefix", () => {
    const d = design(EXCHANGE);
    expect(d.nfrs.availability).toBe("fail-closed");
    expect(d.context.failureStance).toMatch(/^fails closed/);
    expect(d.nfrs.sources.availability?.because).toMatch(/stops taking orders/);
    expect(row(d, "Execution")?.availability.value).toBe("stay-available");
    expect(row(d, "Execution")?.consistency.value).toBe("consistent-prefix");
    expect(checkCoherence(d)).toEqual([]);
  });

  it("a document behind its sequencer's lease is read-only while ownership moves", () => {
    const d = design(DOCS);
    expect(d.nfrs.availability).toBe("fail-closed");
    expect(row(d, "Document")?.availability.because).toMatch(/read-only/);
    expect(checkCoherence(d)).toEqual([]);
  });

  it("a webhook's delivery state takes the stance of a party that accepts a repeat", () => {
    const d = design(WEBHOOKS);
    expect(d.nfrs.availability).toBe("stay-available");
    for (const e of ["Delivery", "OutboxEntry", "IdempotencyRecord"]) {
      expect(row(d, e)?.availability.value, e).toBe("stay-available");
      expect(row(d, e)?.durability.value, e).toBe("durable");
    }
    expect(checkCoherence(d)).toEqual([]);
  });

  it("a payment keeps its workflow state fail-closed: the provider's repeat is not accepted", () => {
    const d = design("Design a payment service that charges customers' cards through Stripe");
    expect(d.primaryState[0]?.availability.value).toBe("fail-closed");
  });

  it("Consul-like discovery: registrations durable and read as a prefix, liveness soft", () => {
    const d = design(CONSUL);
    expect(row(d, "Registration")).toMatchObject({
      durability: { value: "durable" },
      consistency: { value: "consistent-prefix" },
      availability: { value: "stay-available" },
    });
    expect(row(d, "LivenessLease")).toMatchObject({
      durability: { value: "best-effort" },
      consistency: { value: "eventual" },
      availability: { value: "stay-available" },
    });
    expect(checkCoherence(d)).toEqual([]);
  });

  it("goes red: an owner-held authority said to stay up", () => {
    const d = clone(design(EXCHANGE));
    d.nfrs.availability = "stay-available";
    (d.nfrs.sources.availability as { source: string }).source = "default";
    expect(rules(d)).toContain("stance-against-owner");
  });

  it("goes red: a soft row called fail-closed under a stays-up stance", () => {
    const w = clone(design(WEBHOOKS));
    const outbox = w.primaryState.find((r) => r.entity === "OutboxEntry");
    if (!outbox) throw new Error("no OutboxEntry");
    outbox.availability.value = "fail-closed";
    expect(rules(w)).toContain("soft-row-fail-closed");
    const c = clone(design(CONSUL));
    const lease = c.primaryState.find((r) => r.entity === "LivenessLease");
    if (!lease) throw new Error("no LivenessLease");
    lease.availability.value = "fail-closed";
    expect(rules(c)).toContain("soft-row-fail-closed");
  });
});

describe("the hard rule comes from the prompt's own quantity (r15 defect 2)", () => {
  it("a rate limiter's hard rule is the window count per key across every node, not a concurrency slot", () => {
    const cases: [string, RegExp][] = [
      [
        LIMITER,
        /^Each key's Budget admits at most 1,000 requests per minute in any window .*across all 30 gateway nodes/,
      ],
      [
        "limit each user to 10 uploads per hour",
        /^Each user's Budget admits at most 10 uploads per hour .*every enforcing node/,
      ],
      [
        "cap each tenant at 500 requests per second across 12 API servers",
        /^Each tenant's Budget admits at most 500 requests per second .*across all 12 API servers/,
      ],
      ["Design a rate limiter.", /^A scope's Budget admits at most the policy's limit in any window/],
    ];
    for (const [p, rule] of cases) {
      const d = design(p);
      expect(d.invariants[0]?.statement, p).toMatch(rule);
      expect(
        d.primaryState.map((r) => r.entity),
        p,
      ).not.toContain("ConcurrencySlot");
      expect(
        d.dataModel.map((r) => r.entity),
        p,
      ).not.toContain("ConcurrencySlot");
      const text = said(d);
      expect(text, p).toMatch(/The hard rule is this\. (Each \w+'s|A scope's) budget admits at most/);
      expect(text, p).not.toMatch(/concurrency slot/i);
    }
  });

  it("a concurrency limiter's hard rule is the slot cap", () => {
    const d = design(
      "Design a concurrency limiter that caps in-flight requests per customer to a downstream database.",
    );
    expect(d.invariants[0]?.statement).toMatch(/live ConcurrencySlots for a scope never exceeds its cap/);
    expect(said(d)).toMatch(/The core mechanism is a concurrency slot counter/);
  });

  it("a path a decision leaves out hands its rules to the carried path writing the same state", () => {
    const paths = [
      { name: "take a token", operations: ["take a token (budget)"] },
      { name: "count the request", operations: ["count the request (budget)"] },
    ];
    const invariants = [
      { path: "take a token", statement: "A Budget never goes below zero.", because: "for 'take a token'" },
    ];
    const ops = [
      { phrase: "take a token (budget)", entity: "Budget" },
      { phrase: "count the request (budget)", entity: "Budget" },
    ];
    const out = carriedPaths(paths, invariants, [ops[1] as (typeof ops)[number]], ops);
    expect(out.paths.map((p) => p.name)).toEqual(["count the request"]);
    expect(out.invariants).toHaveLength(1);
    expect(out.invariants[0]?.path).toBe("count the request");
    expect(out.invariants[0]?.because).toMatch(/moved from 'take a token'/);
    // with no path writing the same state, the rule goes with its path
    expect(carriedPaths(paths, invariants, [ops[1] as (typeof ops)[number]], []).invariants).toEqual([]);
  });
});
