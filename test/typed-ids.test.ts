/**
 * Ids are typed: mechanism, predicate and archetype ids are unions derived from their registries, so a
 * dangling or renamed id in a gate, a predicate's companions, a decision's `implies` or an archetype's
 * paths fails to compile. Each `@ts-expect-error` below fails `tsc` the day its line starts compiling.
 */
import { describe, expect, it } from "vitest";
import type { DecisionImplies } from "../src/knowledge/decisions/types.js";
import { defineGate } from "../src/knowledge/gates/define.js";
import type { MechanismId } from "../src/knowledge/mechanisms/catalog.js";
import { MECHANISM_IDS } from "../src/knowledge/mechanisms/catalog.js";
import { definePredicate } from "../src/knowledge/predicates/define.js";
import { PREDICATE_IDS, type PredicateId } from "../src/knowledge/predicates.js";
import type { ArchetypeInput } from "../src/knowledge/schema.js";
import { ARCHETYPE_IDS, type ArchetypeId } from "../src/knowledge/vocab.js";

describe("typed ids", () => {
  it("a dangling id fails to compile", () => {
    const gate = defineGate({
      // @ts-expect-error "fencing-tokens" is not a catalogued mechanism
      mechanism: "fencing-tokens",
      needs: "x",
      skip: () => undefined,
      examples: { kept: [], dropped: [] },
    });
    const predicate = definePredicate({
      id: "made-up",
      name: "made up",
      holdsWhen: "never",
      // @ts-expect-error a predicate may only add catalogued mechanisms
      adds: ["quantum-lock"],
      addsBecause: "none",
      guards: /x/,
      rule: () => ({ holds: false, because: "never" }),
      examples: { valid: [], invalid: [] },
    });
    // @ts-expect-error decisions name catalogued mechanisms only
    const implies: DecisionImplies = { addMechanisms: ["two-phase-lock"] };
    // @ts-expect-error "exclusivity" is not a predicate id
    const p: PredicateId = "exclusivity";
    // @ts-expect-error "I42" is not a registered archetype
    const a: ArchetypeId = "I42";
    // @ts-expect-error an archetype connection names a registered archetype
    const c: ArchetypeInput["connections"][number] = { to: "I99", role: "input", why: "nothing" };
    // @ts-expect-error an archetype's write path names a catalogued mechanism
    const m: ArchetypeInput["writePaths"][number]["mechanism"] = "magic-write";
    expect([gate, predicate, implies, p, a, c, m].length).toBe(7);
  });

  it("the unions come from the registries at run time too", () => {
    const mech: MechanismId = "fencing-token";
    expect(MECHANISM_IDS).toContain(mech);
    expect(PREDICATE_IDS).toContain("exclusivity-matters");
    expect(ARCHETYPE_IDS).toContain("I01");
  });
});
