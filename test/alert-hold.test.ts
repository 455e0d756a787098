import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { parseRuleGuarantees } from "../src/engine/nfr-parse.js";
import { statedRule } from "../src/engine/stated-rules.js";
import { requirementKind } from "../src/knowledge/requirement-kinds.js";

const holds = (prompt: string) => parseRuleGuarantees(prompt).filter((g) => g.kind === "alert-hold");

describe("an alert stated to wait until its condition has lasted a span", () => {
  it("reads what is watched, its threshold and the hold, with the alert before or after the condition", () => {
    expect(
      holds(
        "Monitor 40,000 checkout servers every ten seconds and page the on-call engineer when the error rate stays above 2% for ten minutes.",
      ),
    ).toEqual([
      {
        kind: "alert-hold",
        noun: "error rate",
        threshold: "above 2%",
        hold: "ten minutes",
        quote: "page the on-call engineer when the error rate stays above 2% for ten minutes",
      },
    ]);
    const [b] = holds(
      "Collect disk usage from our 9,000 database hosts; if free space has been below 10% for 30 minutes, wake someone up.",
    );
    expect(b).toMatchObject({ noun: "free space", threshold: "below 10%", hold: "30 minutes" });
    const [c] = holds(
      "Track request rates for every API route and alert after a five-minute breach of the latency objective.",
    );
    expect(c).toMatchObject({ kind: "alert-hold", hold: "five minutes" });
    const [d] = holds("Page the storage team whenever p99.9 write latency stays over 40 ms for a minute.");
    expect(d).toMatchObject({ noun: "p99.9 write latency", threshold: "over 40 ms", hold: "one minute" });
  });

  it("reads no hold from an alert with no span, or a span with no alert", () => {
    expect(holds("Track request rates for every API route and alert when errors spike.")).toEqual([]);
    expect(
      holds("Ingest metrics from 500 hosts and keep the page load under 2 seconds for five minutes of traffic."),
    ).toEqual([]);
    expect(holds("A session stays open for 30 minutes after the last request.")).toEqual([]);
    expect(requirementKind("keep the page load under 2 seconds for five minutes of traffic")?.id).not.toBe(
      "alert-hold",
    );
    expect(requirementKind("page someone when p99 latency stays above 250 ms for five minutes")?.id).toBe("alert-hold");
  });

  it("becomes a pending-then-firing rule whose start outlives an evaluator restart", () => {
    const r = statedRule({ kind: "alert-hold", noun: "error rate", threshold: "above 2%", hold: "ten minutes" });
    expect(r.keeper).toBe("guarded-transition");
    const text = r.statement("alert state");
    expect(text).toMatch(/^No page goes out for a breach shorter than ten minutes\./);
    expect(text).toContain("pending");
    expect(text).toContain("on its alert state record");
    expect(r.says(text.toLowerCase())).toBe(true);
    expect(r.failure.failure).toBe(
      "Error rate is above 2% for less than ten minutes, or the evaluator restarts partway through a breach",
    );
  });

  it("carries the clause in a design: the rule, its keeper, its failure row and no latency bound", () => {
    for (const prompt of [
      "Monitor 40,000 checkout servers every ten seconds and page the on-call engineer when the error rate stays above 2% for ten minutes.",
      "Collect disk usage from our 9,000 database hosts; if free space has been below 10% for 30 minutes, wake someone up.",
    ]) {
      const d = design(prompt);
      const row = d.statedRequirements.find((x) => / for (?:ten|30) minutes/.test(x.clause));
      expect(row?.carried, prompt).toBe(true);
      const rule = d.invariants.find((i) => i.statement.startsWith("No page goes out for a breach shorter than"));
      expect(rule?.keptBy).toBe("guarded-transition");
      expect(d.mechanisms.some((m) => m.id === "guarded-transition")).toBe(true);
      expect(d.failures.some((f) => /evaluator restarts partway through a breach/.test(f.failure))).toBe(true);
      expect(d.coherence.filter((c) => c.rule === "qualifier-unkept" || c.rule === "requirement-not-carried")).toEqual(
        [],
      );
    }
  });
});
