import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { parseCopiesWithin, STALE, STALE_WORD } from "../src/engine/stated-copies.js";
import { requiredLiterals } from "../src/knowledge/pattern-literals.js";

describe("a stated bound on how far copies trail their source (engine/stated-copies.ts)", () => {
  it("reads a change reaching every copy within a time, and a served copy trailing by no more, quoting the clause", () => {
    expect(
      parseCopiesWithin(
        "Store managers edit discount rules from head office. The rules must reach every shop terminal within 3 minutes.",
      ),
    ).toEqual({
      kind: "copies-within",
      bound: "3 minutes",
      quote: "The rules must reach every shop terminal within 3 minutes",
    });
    expect(
      parseCopiesWithin("When an author replaces a cover image, the old one must be gone everywhere within a minute.")
        ?.quote,
    ).toBe("the old one must be gone everywhere within a minute");
    expect(
      parseCopiesWithin("Serve stock levels from memory and never show a stock level older than a minute."),
    ).toMatchObject({ bound: "a minute", noun: "stock level" });
    expect(parseCopiesWithin("An edited listing must not be served stale for more than a few seconds.")).toMatchObject({
      bound: "a few seconds",
      noun: "listing",
    });
  });

  it("does not read a bound on one answer, or a change with no copies to reach", () => {
    expect(parseCopiesWithin("Every request must be answered within 50 ms.")).toBeUndefined();
    expect(parseCopiesWithin("A payment must get a reply within 2 seconds.")).toBeUndefined();
    expect(parseCopiesWithin("Each seat must be held for that buyer for 8 minutes.")).toBeUndefined();
  });

  it("carries the clause by a rule on the write that propagates, kept by its mechanism, with its failure row", () => {
    for (const [prompt, clause, rule, failure] of [
      [
        "Operators edit routing rules in one place, and all ten thousand proxies must switch to the new version within a minute, able to roll back.",
        "must switch to the new version within a minute",
        "Every copy applies a change within a minute of its commit",
        "A copy misses a change",
      ],
      [
        "Product pages are read thousands of times between edits; answer most reads without touching the database, and never show a page more than a minute older than its last edit.",
        "never show a page more than a minute older",
        "No copy serves a page more than a minute behind its last change",
        "An invalidation is lost",
      ],
    ] as const) {
      const d = design(prompt);
      expect(d.statedRequirements.find((r) => r.clause.includes(clause))?.carried, prompt).toBe(true);
      const inv = d.invariants.find((i) => i.statement.startsWith(rule));
      expect(inv?.keptBy, prompt).toBeDefined();
      expect(d.mechanisms.some((m) => m.id === inv?.keptBy)).toBe(true);
      expect(
        d.failures.some((f) => f.failure.startsWith(failure)),
        prompt,
      ).toBe(true);
      expect(
        d.coherence.filter((c) =>
          /requirement-not-carried|qualifier-unkept|stated-rule|invariant-off-path/.test(c.rule),
        ),
        prompt,
      ).toEqual([]);
    }
  });
});

describe("the stale-copy forms' word check (parseCopiesWithin)", () => {
  it("names, for each form, a word every match of it holds", () => {
    expect(STALE_WORD.length).toBe(STALE.length);
    STALE.forEach((re, i) => {
      const literals = requiredLiterals(re.source) ?? [];
      expect(literals.length, `/${re.source}/`).toBeGreaterThan(0);
      for (const l of literals) expect(l.toLowerCase()).toContain(STALE_WORD[i]);
    });
  });
});
