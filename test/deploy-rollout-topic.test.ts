import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { deriveDesign } from "../src/engine/design/design.js";

const designOf = (prompt: string, overrides: readonly string[] = []) => {
  const r = deriveDesign(prompt, overrides);
  if (!r.ok) throw new Error(r.error);
  return r.design;
};
const chosen = (d: ReturnType<typeof designOf>, id: string) => d.decisions.find((x) => x.id === id)?.chosen;
const fig = (d: ReturnType<typeof designOf>, id: string) => d.capacity.find((c) => c.id === id);

const DEPLOY =
  "Design a deployment system that rolls out a new version to 20,000 servers in stages and rolls back automatically if error rates rise";

describe("software deployment subject (topic 'deploy-rollout' on I11)", () => {
  it.each([
    DEPLOY,
    // prompts in no set
    "Design a continuous deployment platform like Spinnaker that ships each new build of 300 microservices to 8,000 hosts across 3 regions.",
    "Build a canary release system for a fleet of 50,000 machines: new binaries go to a small slice first, and the release stops on its own when latency climbs.",
    "Design a blue/green deployment service for 2,000 web servers with instant rollback.",
    "We push code to 120,000 servers several times a day. Design the system that rolls each release out zone by zone and reverts it if the error rate goes above 1%.",
  ])("draws releases, rollouts, desired versions and host agents behind a health gate (%s)", (prompt) => {
    const d = designOf(prompt);
    expect(d.archetypes[0]?.id).toBe("I11");
    const names = d.dataModel.map((m) => m.entity);
    expect(names).toEqual(
      expect.arrayContaining(["ReleaseArtifact", "Rollout", "DesiredVersion", "AuditEvent", "DeployedService"]),
    );
    expect(names).not.toContain("ConfigVersion");
    const parts = d.components.map((c) => c.name).join("\n");
    expect(parts).toMatch(/Host agents/);
    expect(parts).toMatch(/Health gate/);
    // the metrics system is read, not built; the artifact store is the subject's own, not a registry with GC
    expect(parts).not.toMatch(/Compactor|Rule evaluator|Garbage collector|Peer tracker|Proxy fleet/);
    const sequences = d.diagrams.filter((x) => x.kind === "sequence").map((x) => x.title);
    expect(sequences.join("\n")).toMatch(/Roll back on a failing gate/);
    expect(sequences.join("\n")).not.toMatch(/Publish and roll out in stages|Node catch-up/);
    expect(d.failures.map((f) => f.failure).join("\n")).not.toMatch(/snapshot|relay/);
    expect(chosen(d, "i11-rollout")).toBeUndefined();
    expect(checkCoherence(d)).toEqual([]);
  });

  it("sizes the whole rollout from the stated fleet: batches within the unavailable cap plus a bake per wave", () => {
    const d = designOf(DEPLOY);
    expect(fig(d, "hosts_in_flight")?.inputs.find((i) => i.name === "nodes")?.source).toBe("stated");
    expect(fig(d, "hosts_in_flight")?.value).toBe(1000);
    expect(fig(d, "install_batches")?.value).toBe(20);
    // 20 batches of 2 minutes + 6 waves of 30 minutes' bake
    expect(fig(d, "rollout_seconds")?.value).toBe(20 * 120 + 6 * 1800);
    expect(fig(d, "rollback_seconds")?.value).toBe(120 + 30 + 120);
    expect(fig(d, "agent_polls_per_sec")?.value).toBeCloseTo(20000 / 30);
    // stated regions set the waves: a canary, one zone, then each region
    const regions = designOf(
      "Design a continuous deployment platform like Spinnaker that ships each new build of 300 microservices to 8,000 hosts across 3 regions.",
    );
    expect(fig(regions, "rollout_seconds")?.inputs.find((i) => i.name === "rollout_waves")?.value).toBe(5);
    expect(fig(regions, "max_active_rollouts")?.value).toBe(300);
  });

  it("decides pull vs push by the fleet, the gate by the prompt's words, and rolling vs blue/green", () => {
    const d = designOf(DEPLOY);
    expect(chosen(d, "i11-deploy-delivery")).toBe("agent-pull");
    expect(chosen(d, "i11-deploy-analysis")).toBe("canary-vs-control");
    expect(chosen(d, "i11-deploy-strategy")).toBe("rolling-in-place");
    expect(
      chosen(designOf("Design a code deployment tool for 400 servers that a small team runs."), "i11-deploy-delivery"),
    ).toBe("agent-pull");
    expect(
      chosen(
        designOf(
          "We push code to 120,000 servers several times a day. Design the system that rolls each release out zone by zone and reverts it if the error rate goes above 1%.",
        ),
        "i11-deploy-analysis",
      ),
    ).toBe("fixed-thresholds");
    expect(
      chosen(
        designOf("Design a blue/green deployment service for 2,000 web servers with instant rollback."),
        "i11-deploy-strategy",
      ),
    ).toBe("blue-green");
  });

  it("keeps the one-active-rollout and fail-closed gate rules, and the coherence rule flags a missing rollout figure", () => {
    const d = designOf(DEPLOY);
    const rules = d.invariants.map((i) => i.statement).join("\n");
    expect(rules).toMatch(/metrics are missing or too few counts as not passed/);
    expect(rules).toMatch(/At most one Rollout per service is active/);
    const broken = { ...d, capacity: d.capacity.filter((c) => c.id !== "rollout_seconds") };
    expect(checkCoherence(broken).map((p) => p.rule)).toContain("deploy-rollout-shape");
  });

  it("a staged configuration rollout and a feature flag stay other subjects", () => {
    const config = designOf("Design a configuration service that pushes config changes to 10,000 hosts in stages.");
    expect(config.dataModel.map((m) => m.entity)).not.toContain("DesiredVersion");
    const flags = designOf("Design a feature flag service with gradual rollouts for 500 services.");
    expect(flags.dataModel.map((m) => m.entity)).not.toContain("DesiredVersion");
  });
});
