import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { deriveDesign } from "../src/engine/design/design.js";
import { topicsSpoken } from "../src/knowledge/topics.js";

const designOf = (prompt: string, overrides: readonly string[] = []) => {
  const r = deriveDesign(prompt, overrides);
  if (!r.ok) throw new Error(r.error);
  return r.design;
};
const chosen = (d: ReturnType<typeof designOf>, id: string) => d.decisions.find((x) => x.id === id)?.chosen;
const fig = (d: ReturnType<typeof designOf>, id: string) => d.capacity.find((c) => c.id === id);

const SERVING =
  "Design a model inference service that serves 50,000 predictions per second under 50 ms p99 for 200 models, with new model versions rolled out without downtime";

describe("model serving subject (topic 'model-serving' on I15)", () => {
  it.each([
    SERVING,
    // prompts in no set
    "Design an ML model serving platform like KServe that hosts 500 models and handles 20,000 requests per second with p99 under 100 ms.",
    "Design a prediction API for a recommendation team's 40 ranking models at 100k predictions/s within 20 ms.",
    "How would you build something like NVIDIA Triton behind a gateway for 1,000 models, rolling back automatically when a new version degrades?",
    "Design an online inference service for 5 models at 2,000 predictions per second with a 15 ms p99.",
    "Design a model hosting platform where data scientists deploy models and call them over HTTP; 5,000 inferences per second, 99.9% availability.",
  ])("draws versions, traffic splits and loaded replicas, not a cluster manager (%s)", (prompt) => {
    const d = designOf(prompt);
    expect(d.archetypes[0]?.id).toBe("I15");
    expect(d.nfrs.topics).toContain("model-serving");
    const names = d.dataModel.map((m) => m.entity);
    expect(names).toEqual(expect.arrayContaining(["ModelVersion", "TrafficSplit", "LoadedModel"]));
    expect(names).not.toContain("Task");
    expect(names).not.toContain("ConfigVersion");
    const parts = d.components.map((c) => c.name).join("\n");
    expect(parts).toMatch(/Inference gateway/);
    expect(parts).toMatch(/Model server replicas/);
    expect(parts).not.toMatch(/Cluster state store|Node lifecycle controller|Rollout controller \(cohorts/);
    const sequences = d.diagrams.filter((x) => x.kind === "sequence").map((x) => x.title);
    expect(sequences.join("\n")).toMatch(/Predict within the latency budget/);
    expect(sequences.join("\n")).toMatch(/Roll out a version/);
    expect(checkCoherence(d).filter((p) => p.rule === "model-serving-shape")).toEqual([]);
  });

  it("sizes replicas from the stated rate and bounds the prediction path by the stated p99", () => {
    const d = designOf(SERVING);
    const path = fig(d, "prediction_latency_ms");
    expect(path?.bound?.quantity).toBe("latency_budget_ms");
    expect(path?.value).toBeLessThanOrEqual(50);
    const load = fig(d, "replicas_for_load");
    expect(load?.inputs.find((i) => i.name === "requests_per_sec")?.source).toBe("stated");
    // 200 models is read as the models served: a floor of two replicas each is 400, so quiet models share servers
    expect(fig(d, "replica_floor")?.value).toBe(400);
    expect(chosen(d, "i15-serving-packing")).toBe("multi-model");
    expect(fig(d, "packed_replicas")).toBeDefined();
    expect(fig(d, "dedicated_replicas")).toBeUndefined();
    expect(chosen(d, "i15-serving-batching")).toBe("dynamic");
    // the cluster manager's own questions are not asked
    expect(chosen(d, "i15-scheduler")).toBeUndefined();
    expect(chosen(d, "i15-capacity")).toBeUndefined();
    expect(checkCoherence(d).filter((p) => /bound/.test(p.rule))).toEqual([]);
  });

  it("a tighter target takes a smaller batch; one with room for a batch of one runs requests unbatched", () => {
    const tight = designOf("Design a prediction API for 40 ranking models at 100k predictions/s within 20 ms.");
    const loose = designOf(SERVING);
    expect(fig(tight, "batch_compute_ms")?.value).toBeLessThan(fig(loose, "batch_compute_ms")?.value ?? 0);
    const none = designOf(
      "Design an online inference service for 5 models at 2,000 predictions per second with a 15 ms p99.",
    );
    expect(chosen(none, "i15-serving-batching")).toBe("unbatched");
    expect(chosen(none, "i15-serving-packing")).toBe("pool-per-model");
    expect(fig(none, "prediction_latency_ms")?.value).toBeLessThanOrEqual(15);
  });

  it("small tree models take CPUs; long generation jobs take asynchronous requests", () => {
    expect(
      chosen(
        designOf("Design a model serving platform for 30 XGBoost models at 10,000 predictions per second."),
        "i15-serving-hardware",
      ),
    ).toBe("cpu");
    expect(
      chosen(
        designOf("Design a model inference platform for long-running batch inference jobs with callbacks when done."),
        "i15-serving-mode",
      ),
    ).toBe("async");
  });

  it("a training job scheduler is not this subject", () => {
    expect(
      topicsSpoken("Design a GPU cluster scheduler for distributed training jobs.").map((t) => t.value),
    ).not.toContain("model-serving");
    const d = designOf("Design a GPU cluster scheduler for distributed training jobs.");
    expect(d.dataModel.map((m) => m.entity)).not.toContain("TrafficSplit");
  });
});
