import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { PRESENTATION_STEPS } from "../src/knowledge/presentation.js";
import { designBlocks } from "../src/render/design-doc.js";
import { toMarkdown } from "../src/render/doc.js";
import { stepBudget } from "../src/render/script.js";

const PROMPTS = [
  "Design a distributed lock service with fencing tokens",
  "Design Kafka",
  "Design a payment service that charges cards exactly once",
  "Design a presence service that shows which users are online",
  "Design a timer service that fires callbacks at scheduled times",
  "Design a web crawler",
  "Design a CDN",
  "Design a rate limiter for a public API",
  "Design a Snowflake ID generator",
  "Design a feature flag service",
  "Design a metrics monitoring platform",
  "Design a distributed file system like HDFS",
];

describe("presentation script", () => {
  const designs = PROMPTS.map((p) => design(p));

  it("has the eight steps, each opened by its line and filled with this prompt's own fields", () => {
    for (const d of designs) {
      expect(d.script.map((s) => s.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      d.script.forEach((s, i) => {
        const line = PRESENTATION_STEPS[i]?.line ?? "";
        expect(s.text.startsWith(line), `${d.prompt} step ${s.step}`).toBe(true);
        expect(s.text.length, `${d.prompt} step ${s.step} has a body`).toBeGreaterThan(line.length + 40);
      });
      const all = d.script.map((s) => s.text).join(" ");
      expect(all, d.prompt).toContain(d.primaryState[0]?.entity ?? "missing entity");
      expect(
        d.mechanisms.some((m) => all.includes(m.name)),
        `${d.prompt} names a mechanism`,
      ).toBe(true);
    }
  });

  it("reads differently for every prompt at every step", () => {
    for (let step = 0; step < 8; step++) {
      const texts = new Set(designs.map((d) => d.script[step]?.text));
      expect(texts.size, `step ${step + 1}`).toBe(designs.length);
    }
  });

  it("splits a round into a budget that sums to about the round", () => {
    const b = stepBudget(45);
    expect(b).toHaveLength(8);
    expect(Math.abs(b.reduce((x, y) => x + y, 0) - 45)).toBeLessThanOrEqual(2);
  });
});

describe("design Markdown", () => {
  it("keeps the framework's section order for every prompt", () => {
    const order = [
      "## Branch and archetypes",
      "## Requirements and NFRs",
      "## Correctness-critical state and scopes",
      "## Primary state",
      "## Hard invariants",
      "## Execution context",
      "## Predicates and mechanisms",
      "## Serving paths",
      "## Retries, crashes, replication and scale",
      "## Checklist",
      "## Presentation script",
      "## Diagrams",
    ];
    for (const p of PROMPTS) {
      const md = toMarkdown(designBlocks(design(p)));
      const pos = order.map((h) => md.indexOf(h));
      expect(
        pos.every((x) => x >= 0),
        p,
      ).toBe(true);
      expect(
        [...pos].sort((a, b) => a - b),
        p,
      ).toEqual(pos);
      expect(md, p).toContain("```mermaid");
    }
  });
});
