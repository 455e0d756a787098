import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { parseResume } from "../src/engine/stated-resume.js";

describe("a stated resume after a crash, never from the start (engine/stated-resume.ts)", () => {
  it("reads a crash kept from restarting the work, and a resume where it stopped, with nothing skipped beside it", () => {
    expect(
      parseResume("Dozens of workers re-index the archive, and a crash must not send us back to the start."),
    ).toEqual({ kind: "resume-from", quote: "a crash must not send us back to the start" });
    expect(
      parseResume(
        "Each night the audit pass checks 90 million invoices; a crash must neither restart it from the beginning nor skip any invoices.",
      )?.quote,
    ).toBe("a crash must neither restart it from the beginning nor skip any invoices");
    expect(
      parseResume(
        "How would you make the export resume where it stopped after any crash, never skip a row, and stay under 5k rows/s?",
      )?.quote,
    ).toBe("How would you make the export resume where it stopped after any crash, never skip a row");
  });

  it("does not read a gap in numbers, or a restart with no resume", () => {
    expect(parseResume("Invoice numbers must never skip a number, because auditors look for gaps.")).toBeUndefined();
    expect(parseResume("A crashed worker is restarted by the supervisor.")).toBeUndefined();
  });

  it("carries the clause by a rule on the progress the design records, with its mid-batch crash row", () => {
    for (const [prompt, clause] of [
      [
        "We must re-encrypt every row of a 40-billion-row table with a new key. Hundreds of workers share the job, a crash must not send us back to the start, and no key range may be handled by two workers at once.",
        "a crash must not send us back to the start",
      ],
      [
        "We need to walk through all 900 million rows of historical meter readings and re-validate each against the new tariff rules. Several workers should split the work without overlapping, and if the job crashes halfway it must continue from where it stopped rather than start over.",
        "must continue from where it stopped",
      ],
    ] as const) {
      const d = design(prompt);
      expect(d.statedRequirements.find((r) => r.clause.includes(clause))?.carried, prompt).toBe(true);
      const rule = d.invariants.find((i) => i.statement.startsWith("A crash loses at most the batch in progress"));
      expect(rule?.keptBy, prompt).toBeDefined();
      expect(d.mechanisms.some((m) => m.id === rule?.keptBy)).toBe(true);
      expect(
        d.failures.some((f) => f.failure.startsWith("A worker crashes mid-batch")),
        prompt,
      ).toBe(true);
      expect(
        d.coherence.filter((c) => /qualifier-unkept|stated-rule|invariant-off-path/.test(c.rule)),
        prompt,
      ).toEqual([]);
    }
  });
});
