import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";
import { topicsSpoken } from "../src/knowledge/topics.js";

/** Everything a design draws, as one text. */
const drawn = (d: ReturnType<typeof design>) =>
  JSON.stringify([d.components, d.links, d.api, d.dataModel, d.failures, d.technology, d.decisions]);
const spoken = (text: string) => topicsSpoken(text).map((t) => t.value);
const chosen = (d: ReturnType<typeof design>, id: string) => d.decisions.find((x) => x.id === id)?.chosen;

describe("a per-tenant concurrency limiter holds each running job to a leased slot under a hard cap", () => {
  const tenants = design(
    "Design a per-tenant concurrency limiter that lets each of 10,000 tenants run at most their quota of jobs at once across 500 workers, even when workers crash.",
  );
  const paraphrases = [
    design("Design a semaphore service limiting each customer to N parallel exports"),
    design(
      "Build a distributed semaphore that limits how many jobs each customer runs in parallel across our worker fleet",
    ),
  ];

  it("is admission control's job-slot subject, fail-closed, not a request rate limiter", () => {
    for (const d of [tenants, ...paraphrases]) {
      expect(d.branch.kind).toBe("infra");
      expect(d.archetypes[0]?.id).toBe("I08");
      expect(d.nfrs.topics).toContain("job-slots");
      expect(d.nfrs.topics).not.toContain("in-flight");
      expect(d.nfrs.consistency).toBe("linearizable");
      expect(d.nfrs.availability).toBe("fail-closed");
      expect(checkCoherence(d)).toEqual([]);
      expect(drawn(d)).not.toMatch(/[Tt]oken bucket|LocalAllowance|fail-open|Protected backend|sum them loosely/);
    }
    expect(spoken("at most their quota of jobs at once across 500 workers")).toContain("job-slots");
    // requests in flight stay the request limiter's concurrency slots
    expect(spoken("cap each customer at 50 concurrent requests to our database")).toEqual(["in-flight"]);
  });

  it("draws the queue, dispatcher, slot authority, workers and reclaimer, and the acquire-renew-release calls", () => {
    expect(tenants.components.map((c) => c.id)).toEqual(
      expect.arrayContaining(["job-queue", "dispatcher", "slot-authority", "workers", "reclaimer"]),
    );
    for (const e of ["TenantQuota", "JobSlot", "QueuedJob"])
      expect(tenants.dataModel.map((m) => m.entity)).toContain(e);
    expect(tenants.api.map((a) => a.operation)).toEqual(
      expect.arrayContaining(["submit job", "acquire slot", "renew slot", "release slot"]),
    );
  });

  it("makes the cap the first rule, with self-fencing workers and slots that never leak", () => {
    const rules = tenants.invariants.map((i) => i.statement);
    expect(rules[0]).toMatch(/never has more live JobSlots than its TenantQuota.max_concurrent/);
    const all = rules.join("\n");
    expect(all).toMatch(/stops the job itself once it cannot renew/);
    expect(all).toMatch(/a late release never frees a newer holder's slot/);
    expect(chosen(tenants, "i08-slots-unrenewable")).toBe("stop-job");
    expect(tenants.mechanisms.map((m) => m.id)).toEqual(
      expect.arrayContaining(["concurrency-slots", "heartbeat-renewal", "expiry-sweeper"]),
    );
  });

  it("sizes from the stated workers and tenants: running jobs, renewals and slot state", () => {
    const row = (id: string) => tenants.capacity.find((r) => r.id === id);
    expect(row("running_jobs")?.value).toBe(2000);
    expect(row("renewals")?.value).toBe(200);
    expect(row("slot_state_bytes")?.value).toBe((10000 + 2000) * 200);
    expect(JSON.stringify(tenants.capacity)).not.toMatch(/requests_per_sec|active_keys/);
  });
});
