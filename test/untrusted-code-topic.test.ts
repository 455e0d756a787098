import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";

/** Everything a design draws, as one text. */
const drawn = (d: ReturnType<typeof design>) =>
  JSON.stringify([d.components, d.links, d.api, d.dataModel, d.failures, d.technology]);
const shape = (d: ReturnType<typeof design>) => checkCoherence(d).filter((p) => p.rule === "untrusted-code-shape");

describe("untrusted code run in sandboxes is isolated and judged to one verdict", () => {
  const judge = design(
    "Design an online code judge like LeetCode that runs 10,000 untrusted submissions per minute in sandboxes",
  );
  const runner = design("Design a service that runs users' Python code safely on a pool of sandbox workers");
  const lambda = design("Design a serverless function platform like AWS Lambda with cold starts under 100 ms");

  it("is switched on by the prompt's words, and a function platform stays a function platform", () => {
    expect(judge.nfrs.topics).toContain("untrusted-code");
    expect(runner.nfrs.topics).toContain("untrusted-code");
    expect(lambda.nfrs.topics ?? []).not.toContain("untrusted-code");
    expect(drawn(lambda)).toMatch(/Invocation router/);
    expect(lambda.dataModel.some((m) => m.entity === "Submission")).toBe(false);
  });

  it("draws submissions, verdicts and tests, holds isolation and one verdict, and no cron, rollout or Lambda", () => {
    for (const e of ["Submission", "Verdict", "Problem", "TestCase"])
      expect(judge.dataModel.map((m) => m.entity)).toContain(e);
    const rules = judge.invariants.map((i) => i.statement).join("\n");
    expect(rules).toMatch(/reaches no network, no host file or process and no other Submission/);
    expect(rules).toMatch(/exactly one final Verdict/);
    expect(drawn(judge)).not.toMatch(
      /Materializer|Rollout controller|functions\/\{name\}:invoke|Invocation router|AWS Lambda/,
    );
    expect(judge.archetypes.map((a) => a.id)).toEqual(["I15"]);
    expect(judge.decisions.find((x) => x.id === "i15-sandbox-isolation")?.chosen).toBe("gvisor");
    expect(shape(judge)).toEqual([]);
  });

  it("sizes the sandboxes from the stated rate and a judge run's seconds", () => {
    const row = (id: string) => judge.capacity.find((r) => r.id === id);
    expect(row("peak_tasks_per_sec")?.value).toBeCloseTo(166.67, 1);
    expect(row("concurrent_tasks")?.value).toBeCloseTo(1666.67, 1);
    expect(row("workers_needed")?.value).toBeCloseTo(105, 0);
  });

  it("the coherence rule fires on a judge that drops its verdicts or offers a function platform", () => {
    const broken = {
      ...judge,
      dataModel: judge.dataModel.filter((m) => m.entity !== "Verdict"),
      technology: [
        ...judge.technology,
        { layer: "serving", shape: "x", archetype: "I15", choices: [{ product: "AWS Lambda", fits: "", why: "" }] },
      ],
    } as typeof judge;
    const details = shape(broken).map((p) => p.detail);
    expect(details).toContain("no Verdict record is drawn");
    expect(details.some((x) => /AWS Lambda/.test(x))).toBe(true);
  });
});
