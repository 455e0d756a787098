// An audit log is an append-only log of actions kept whole for its retention, not a log management (telemetry)
// system: the longer kind noun in the head ("audit log service") says what is built, so the shorter kind its last
// words name ("log service") gives no reading of its own (lane auditlog).
import { describe, expect, it } from "vitest";
import { classify } from "../src/engine/recognize/index.js";

const ranked = (prompt: string) => classify(prompt).archetypes.map((a) => a.id);

describe("an audit log's head", () => {
  it("an audit log service leads with the append log, with a search projection beside it", () => {
    for (const p of [
      "Design an audit log service that keeps every admin action for 7 years and cannot be altered once written.",
      "Build an audit logging service for our admin console: records are kept for ten years and can be searched by actor.",
      "Design a tamper-evident audit trail service for a bank; auditors search the last 30 days of actions.",
      "Design a compliance log that records every privileged access and keeps it for six years.",
    ]) {
      const ids = ranked(p);
      expect(ids[0], p).toBe("I05");
      expect(ids, p).not.toContain("I18");
    }
  });

  it("a kind inside a longer kind's words in the head gives no reading of its own", () => {
    const ev = classify(
      "Design an audit log service that keeps every admin action for 7 years and answers searches over the last 90 days.",
    )
      .archetypes.flatMap((a) => a.evidence)
      .join(" ");
    expect(ev).toMatch(/'audit log service' in the head names an audit log/);
    expect(ev).not.toMatch(/names a log management system/);
  });

  it("log management and metrics prompts still build the telemetry pipeline", () => {
    for (const p of [
      "Design a logging service that collects logs from 20,000 hosts and keeps them searchable for 30 days.",
      "Design a log aggregation system for 5,000 servers with full-text search over the last 14 days.",
      "Design a metrics system that scrapes 2 million series every 15 seconds and alerts on-call.",
    ])
      expect(ranked(p)[0], p).toBe("I18");
  });
});
