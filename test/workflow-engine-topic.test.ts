import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";

/** Everything a design draws, as one text. */
const drawn = (d: ReturnType<typeof design>) =>
  JSON.stringify([d.components, d.links, d.api, d.dataModel, d.failures, d.capacity, d.technology]);

describe("a durable workflow engine keeps histories on shards and hands tasks to polling workers", () => {
  const engine = design(
    "Design a durable workflow engine like Temporal: 50,000 workflow starts per second, workflows that run for months, and no step executed twice after a worker crash",
  );
  const cadence = design(
    "Build a durable execution platform like Cadence where activities are retried and each workflow can sleep for weeks",
  );
  const payment = design(
    "Design a payment workflow that charges a card, reserves inventory and ships, with compensation on failure",
  );

  it("is switched on by the prompt's engine words, and a payment workflow stays a payment workflow", () => {
    expect(engine.nfrs.topics).toContain("workflow-engine");
    expect(cadence.nfrs.topics).toContain("workflow-engine");
    expect(payment.nfrs.topics ?? []).not.toContain("workflow-engine");
    expect(payment.components.some((c) => c.id === "history")).toBe(false);
  });

  it("draws history, shards, task queues and the attempt fence, and no provider, outbox relay or fleet", () => {
    const text = drawn(engine);
    for (const id of ["frontend", "history", "history-store", "matching", "workers"])
      expect(engine.components.map((c) => c.id)).toContain(id);
    for (const e of ["WorkflowExecution", "HistoryEvent", "HistoryTask", "HistoryShard"])
      expect(engine.dataModel.some((m) => m.entity.includes(e))).toBe(true);
    expect(text).not.toMatch(/\b(?:refund|void|Stripe|Outbox relay|Invocation router|Autoscaler)\b/);
    const rules = engine.invariants.map((i) => i.statement).join("\n");
    expect(rules).toMatch(/only from the attempt it is waiting for/);
    expect(rules).toMatch(/same shard write as the HistoryTask/);
    // the supporting timer and fleet archetypes are the engine's own timer tasks and the users' workers
    expect(engine.archetypes.map((a) => a.id)).not.toContain("I03");
    expect(JSON.stringify(engine.archetypes[0])).toMatch(/I03[\s\S]*I15|I15[\s\S]*I03/);
    expect(engine.components.some((c) => /Due poller|Materializer|Cluster state store/.test(c.name))).toBe(false);
    expect(engine.capacity.map((c) => c.id)).toEqual(
      expect.arrayContaining(["history_writes", "open_executions", "history_shards"]),
    );
    expect(engine.decisions.map((x) => x.id)).toContain("i12-wf-history-store");
    expect(engine.coherence).toEqual([]);
  });

  it("keeps its shape, checked by coherence", () => {
    const broken = structuredClone(engine) as typeof engine;
    broken.components = [
      ...broken.components.filter((c) => c.id !== "matching"),
      { ...broken.components[0], id: "provider", name: "Payment provider (refunds, voids)", kind: "external" },
    ] as typeof broken.components;
    const found = checkCoherence(broken)
      .filter((p) => p.rule === "workflow-engine-shape")
      .map((p) => p.detail);
    expect(found).toEqual(
      expect.arrayContaining([
        "no task queues hand work to polling workers",
        "a payment provider's rows appear though no money moves",
      ]),
    );
  });
});
