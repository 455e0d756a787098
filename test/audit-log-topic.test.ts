// An audit log keeps every action whole for years and must not change once written: the log leads, each record is
// hash-chained with signed checkpoints, closed segments are archived under a compliance-mode retention lock, nothing
// is rolled up, sampled or compacted, and searches read an index of the recent window only (lane auditlog).
import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { type Design, design } from "../src/lib/index.js";

const AUDIT = [
  "Design an audit log service that keeps every admin action for 7 years, cannot be altered once written, and answers searches over the last 90 days within 2 seconds.",
  "Design a tamper-evident audit trail service for a bank: every privileged action is kept for ten years and auditors search the last 30 days in under a second.",
  "Build an audit logging system for our SaaS admin console that stores 2,000 admin events per second, keeps them for 7 years, and records must never be altered.",
];
const mechanisms = (d: Design) => d.mechanisms.map((m) => m.id);
const drawn = (d: Design) =>
  JSON.stringify([d.components, d.links, d.api, d.dataModel, d.failures, d.invariants, d.operations, d.decisions]);

describe("an audit log", () => {
  for (const p of AUDIT)
    it(`is an append log whose records are hash-chained and archived under a retention lock: ${p.slice(0, 60)}`, () => {
      const d = design(p);
      expect(d.archetypes[0]?.id).toBe("I05");
      expect(d.archetypes.map((a) => a.id)).not.toContain("I18");
      expect(d.nfrs.topics).toContain("audit-log");
      expect(mechanisms(d)).toEqual(expect.arrayContaining(["hash-chain", "worm-retention"]));
      expect(mechanisms(d)).not.toContain("rollup-downsampling");
      expect(mechanisms(d)).not.toContain("log-compaction");
      expect(d.invariants[0]?.statement).toMatch(/^An AuditRecord is never altered or removed once written/);
      expect(drawn(d)).toMatch(/compliance-mode retention lock/);
      expect(drawn(d)).toMatch(/Chain verifier/);
      expect(drawn(d)).not.toMatch(/Alertmanager|scrape|rollups?\b/i);
    });

  it("carries 'cannot be altered' by the subject's rule, kept by the hash chain", () => {
    const d = design(AUDIT[0] as string);
    const row = d.statedRequirements.find((r) => /cannot be altered/.test(r.clause));
    expect(row?.carriedBy.some((c) => c.kind === "rule" && /AuditRecord is never altered/.test(c.what))).toBe(true);
    expect(checkCoherence(d).map((p) => p.rule)).not.toContain("requirement-not-carried");
  });

  it("reads the searched look-back as the search window, never a freshness bound, and sizes the index by it", () => {
    const d = design(AUDIT[0] as string);
    expect(d.nfrs.scale.search_window_days).toBe(90);
    expect(d.nfrs.scale.retention_days).toBe(2555);
    expect(d.nfrs.scale.propagation_seconds).toBeUndefined();
    const index = d.capacity.find((r) => r.id === "index_bytes");
    expect(JSON.stringify(index)).toMatch(/search_window_days/);
  });

  it("a feature flag service's audit history is no audit log of its own", () => {
    const d = design("Design a feature flag service with percentage rollouts and an audit log.");
    expect(d.nfrs.topics ?? []).not.toContain("audit-log");
    expect(mechanisms(d)).not.toContain("hash-chain");
  });
});
