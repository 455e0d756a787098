import { describe, expect, it } from "vitest";
import { design } from "../src/lib/index.js";

/**
 * "Exactly once" kept by the outcome's own conditional insert (one fraud decision per transaction, answered in the
 * request) has no claim that lapses and no fencing token: a racing call finds the stored outcome. The decision's
 * insert writes an outbox row in the same transaction, so the scored transaction reaches the log even if the scorer
 * dies right after answering. Work handed to workers keeps its claim.
 */
describe("once, kept by the outcome's own insert", () => {
  for (const p of [
    "Design a real-time fraud scoring pipeline for card transactions: 50,000 events per second, each transaction scored exactly once and within 150 ms.",
    "Build a card fraud detection service that scores every payment exactly once in under 100 ms at 20,000 payments a second.",
    "Design real-time fraud scoring for an online payments company; every transaction must be scored exactly once within 300 ms.",
  ])
    it(p, () => {
      const d = design(p);
      const text = JSON.stringify([d.invariants, d.failures]);
      expect(text).not.toMatch(/claim lapses|fencing token|records a claim/);
      expect(text).toMatch(/only where none is stored|returns the stored Decision/);
      const relay = d.links.find(
        (l) => /^Decision store/.test(d.components.find((c) => c.id === l.from)?.name ?? "") && /outbox/.test(l.label),
      );
      expect(relay).toBeDefined();
      const score = d.diagrams.find((x) => /Score a transaction/.test(x.title))?.mermaid ?? "";
      expect(score.indexOf("read the decision for txn_id")).toBeGreaterThan(-1);
      expect(score.indexOf("read the decision for txn_id")).toBeLessThan(score.indexOf("multi-get the counters"));
    });

  it("keeps the claim where a worker takes the work", () => {
    const d = design("Design a job scheduler where each job runs exactly once, on a fleet of 500 workers.");
    expect(JSON.stringify(d.invariants)).toMatch(/records a claim/);
  });
});
