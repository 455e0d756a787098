import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";

/** Everything a design draws, as one text. */
const drawn = (d: ReturnType<typeof design>) =>
  JSON.stringify([d.components, d.links, d.api, d.dataModel, d.diagrams, d.failures, d.mechanisms]);

// paraphrases of real-time risk scoring: card payments, ad clicks, logins, orders
const PARAPHRASES = [
  "Design payment fraud checks for an online payments company: every payment is checked against a risk model before it is authorised, 20,000 payments per second, decision within 100 ms.",
  "Build an ad click fraud scoring system that scores every click in real time, 500,000 clicks per second.",
  "Design account-takeover risk scoring at login: each login attempt gets a risk score within 50 ms, 30,000 logins per second.",
  "Design a fraud detection service for a bank's card authorisations: 50,000 transactions per second, p99 under 150 ms, each transaction decided once.",
  "Design a risk engine that approves, reviews or declines each e-commerce order in real time using velocity features per card and device.",
];

describe("scoring each transaction for fraud while the caller waits is a fraud-scoring design", () => {
  const designs = PARAPHRASES.map((p) => design(p));
  const card = designs[0] as ReturnType<typeof design>;

  it("leads with the projection pipeline under the fraud-scoring subject, never a workflow with an outbox", () => {
    for (const d of designs) {
      expect(d.nfrs.topics, d.prompt).toContain("fraud-scoring");
      expect(d.archetypes[0]?.id, d.prompt).toBe("I06");
      expect(
        d.archetypes.map((a) => a.id),
        d.prompt,
      ).not.toContain("I12");
      const text = drawn(d);
      for (const word of ["WorkflowInstance", "OutboxEntry", "compensat", "refund"])
        expect(text.includes(word), `${word} in ${d.prompt}`).toBe(false);
    }
  });

  it("draws the synchronous score call, the online feature store fed by the log, model serving and labels", () => {
    const names = card.components.map((c) => c.name).join("\n");
    for (const part of [
      "Scoring service",
      "Decision store",
      "Online feature store",
      "Model servers",
      "Transaction log",
      "Feature updater",
      "Model registry",
      "Review queue",
      "Label and training store",
    ])
      expect(names, part).toContain(part);
    const score = card.api.find((a) => a.call === "POST /v1/score");
    expect(score?.response.join(" ")).toMatch(/approve, review or decline/);
    expect(score?.guarantee).toMatch(/retry returns the stored decision/);
    expect(card.dataModel.find((m) => m.entity === "Decision")?.key).toEqual(["txn_id"]);
    expect(card.dataModel.find((m) => m.entity === "Decision")?.fields).toEqual(
      expect.arrayContaining(["score", "model_version", "features_used"]),
    );
    expect(card.dataModel.find((m) => m.entity === "FeatureCounter")?.key).toEqual(["entity_type", "entity_id"]);
  });

  it("sizes scorer nodes and feature reads from the stated rate and splits the stated latency", () => {
    const figure = (id: string) => card.capacity.find((r) => r.id === id)?.value;
    // 20,000 payments a second at 2,000 a node run at half its rate
    expect(figure("scorer_nodes")).toBe(20);
    expect(figure("feature_reads")).toBe(60000);
    // 100 ms less the hop (5), features (10), rules (5) and the decision's insert (10)
    expect(figure("model_deadline_ms")).toBe(70);
    expect(figure("latency_slack_ms")).toBe(60);
  });

  it("decides the fallback, the counters' feed and the model's rollout with their trade-offs", () => {
    const chosen = (id: string) => card.decisions.find((r) => r.id === id)?.chosen;
    expect(chosen("i06-fraud-fallback")).toBe("rules-fallback");
    expect(chosen("i06-fraud-features")).toBe("stream");
    expect(chosen("i06-fraud-rollout")).toBe("shadow-canary");
  });

  it("raises no coherence problem", () => {
    for (const d of designs) expect(d.coherence, d.prompt).toEqual([]);
  });
});

describe("prompts about training, feeds or charging cards are not fraud scoring", () => {
  it.each([
    ["Design a batch ML training pipeline that retrains models nightly on 10 TB of data.", "I15"],
    [
      "Design a credit-card payment processor that charges cards through acquirers, 5,000 payments per second, never charging twice.",
      "I12",
    ],
  ])("%s", (prompt, lead) => {
    const d = design(prompt);
    expect(d.nfrs.topics ?? []).not.toContain("fraud-scoring");
    expect(d.archetypes[0]?.id).toBe(lead);
  });

  it("a recommendation feed draws no scoring service", () => {
    const d = design("Design a recommendation feed for a video app with 50 million users.");
    expect(d.nfrs.topics ?? []).not.toContain("fraud-scoring");
    expect(d.components.map((c) => c.name).join("\n")).not.toContain("Scoring service");
  });
});

describe("a stream job that keeps totals for fraud checks is the job itself", () => {
  it("draws the stream processor's parts, not a scoring service beside them", () => {
    const d = design(
      "A Flink job keeps per-card spend totals in sliding windows for fraud checks, and after a restart it must not count any transaction twice.",
    );
    expect(d.nfrs.topics ?? []).toContain("stream-processor");
    expect(d.nfrs.topics ?? []).not.toContain("fraud-scoring");
    expect(d.components.map((c) => c.name).join("\n")).not.toContain("Scoring service");
  });
});
