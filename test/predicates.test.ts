/**
 * The rule tester: every predicate module and every companion-gate module carries example prompts, and
 * this file runs each of them through `design()`, the way a linter tests its rules. A new predicate or gate
 * is tested by adding its module and its registry line; nothing here names one.
 */
import { describe, expect, it } from "vitest";
import { GATE_MODULES } from "../src/knowledge/gates.js";
import { MECHANISM_BY_ID } from "../src/knowledge/mechanisms/index.js";
import { PREDICATE_MODULES } from "../src/knowledge/predicates.js";
import { design } from "../src/lib/index.js";

describe.each(PREDICATE_MODULES.map((m) => [m.id, m] as const))("predicate %s", (_id, m) => {
  it("has at least one valid and one invalid example", () => {
    expect(m.examples.valid.length).toBeGreaterThan(0);
    expect(m.examples.invalid.length).toBeGreaterThan(0);
  });
  it.each(m.examples.valid)("holds for %s", (prompt) => {
    const row = design(prompt).predicates.find((p) => p.id === m.id);
    expect(row?.holds, row?.because).toBe(true);
  });
  it.each(m.examples.invalid)("does not hold for %s", (prompt) => {
    const row = design(prompt).predicates.find((p) => p.id === m.id);
    expect(row?.holds, row?.because).toBe(false);
  });
  it("adds only catalogued mechanisms", () => {
    for (const id of m.adds) expect(MECHANISM_BY_ID.has(id), id).toBe(true);
  });
});

describe.each(GATE_MODULES.map((g) => [g.mechanism, g] as const))("companion gate %s", (_id, g) => {
  const adders = PREDICATE_MODULES.filter((p) => (p.adds as readonly string[]).includes(g.mechanism)).map((p) => p.id);
  it("gates a mechanism some predicate adds, and has a kept example", () => {
    expect(adders.length).toBeGreaterThan(0);
    expect(g.examples.kept.length).toBeGreaterThan(0);
  });
  it.each(g.examples.kept)("keeps it for %s", (prompt) => {
    expect(design(prompt).mechanisms.map((x) => x.id)).toContain(g.mechanism);
  });
  it.each(g.examples.dropped)("drops it for %s although its predicate holds", (prompt) => {
    const d = design(prompt);
    expect(d.predicates.some((p) => p.holds && adders.includes(p.id))).toBe(true);
    expect(d.mechanisms.map((x) => x.id)).not.toContain(g.mechanism);
  });
});
