import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { type Design, design } from "../src/lib/index.js";

const derive = (p: string) => structuredClone(design(p)) as Design;
const rules = (d: Design) => checkCoherence(d).map((p) => p.rule);

describe("a figure reads its inputs from the rule the design states", () => {
  const crawler = () =>
    derive("Design a web crawler that fetches 1 billion pages a month while staying polite to every site");

  it("the per-host delay is the politeness rule worked out from the fetch time, not a separate guess", () => {
    const d = crawler();
    const rotation = d.capacity.find((c) => c.id === "hosts_in_rotation");
    const delay = rotation?.inputs.find((i) => i.name === "host_delay_seconds");
    const fetch = rotation?.inputs.find((i) => i.name === "task_seconds");
    expect(fetch?.value).toBe(2);
    expect(delay?.value).toBe(20);
    expect(delay?.because).toMatch(/crawl_delay_seconds, response_gap_factor \* task_seconds/);
    expect(rules(d)).not.toContain("input-below-own-rule");
  });

  it("flags a delay below the rule the design's invariant states", () => {
    const d = crawler();
    for (const r of d.capacity) for (const i of r.inputs) if (i.name === "host_delay_seconds") i.value = 5;
    expect(rules(d)).toContain("input-below-own-rule");
  });
});
