import { describe, expect, it } from "vitest";
import { checkCoherence, optionsCarried } from "../src/engine/coherence.js";
import type { Design } from "../src/engine/design/design.js";
import { design } from "../src/engine/design/design.js";

const rules = (d: Design) => checkCoherence(d).map((p) => p.rule);
const chosen = (d: Design, id: string) => d.decisions.find((r) => r.id === id)?.chosen;

describe("a chosen option is carried through the design, a rejected one is not (option-not-carried)", () => {
  const prompts = [
    "Design a cluster scheduler like Kubernetes that places pods onto 5,000 nodes without overcommitting memory.",
    "Design a container orchestrator that schedules containers onto a fleet of machines.",
    "Design a job scheduler that places batch tasks on a shared cluster of servers.",
  ];
  it.each(prompts)("one scheduler chosen sizes no scheduler shards: %s", (prompt) => {
    const d = design(prompt);
    if (chosen(d, "i15-scheduler") !== "monolithic") return;
    expect(d.capacity.map((c) => c.id)).not.toContain("scheduler_shards");
    const said = d.bottlenecks.map((b) => `${b.formula ?? ""} ${b.estimate ?? ""}`).join(" ");
    expect(said).not.toMatch(/\bscheduler_shards\b/);
    expect(rules(d)).not.toContain("option-not-carried");
  });

  it("parallel schedulers chosen size their shards", () => {
    const d = design(prompts[0] ?? "", ["decision.i15-scheduler=shared-state"]);
    expect(d.capacity.map((c) => c.id)).toContain("scheduler_shards");
    expect(rules(d)).not.toContain("option-not-carried");
  });

  it("flags a rejected option's figure and a chosen option's missing component", () => {
    const d = design(prompts[0] ?? "");
    expect(chosen(d, "i15-scheduler")).toBe("monolithic");
    const first = d.capacity.find((c) => c.archetype === "I15");
    if (!first) throw new Error("no I15 figure");
    const sized = { ...d, capacity: [...d.capacity, { ...first, id: "scheduler_shards" }] };
    expect(optionsCarried(sized).map((p) => p.detail)).toEqual([
      expect.stringMatching(/i15-scheduler chose .* sizes scheduler_shards, a part of 'parallel schedulers/),
    ]);
    // an object store chosen draws its front-ends; a design without them does not carry the choice
    const s3 = design("Design an object storage service that stores billions of objects in buckets.");
    expect(chosen(s3, "i19-interface")).toBe("object-store");
    expect(optionsCarried(s3)).toEqual([]);
    const bare = { ...s3, components: s3.components.filter((c) => c.id !== "front-ends") };
    expect(optionsCarried(bare).map((p) => p.detail)).toEqual([
      expect.stringMatching(/i19-interface chose .* does not draw 'front-ends'/),
    ]);
  });
});
