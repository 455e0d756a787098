/**
 * A new predicate is one module plus one registry line, and a new mechanism one catalogue entry: this test
 * registers a synthetic predicate (in the predicate registry) whose companion is a synthetic mechanism (in
 * the catalogue) and derives a design where the predicate holds and adds its companion. No engine module
 * is touched.
 */
import { describe, expect, it, vi } from "vitest";
import type { PredicateModule } from "../src/knowledge/predicates/define.js";

const PREDICATE_ID = "claim-audited";
const MECHANISM_ID = "claim-audit-trail";

vi.mock("../src/knowledge/mechanisms/catalog.js", async (orig) => {
  const m = await orig<typeof import("../src/knowledge/mechanisms/catalog.js")>();
  const entry = {
    id: MECHANISM_ID,
    name: "claim audit trail",
    summary: "Every grant and release of a claim is appended to an audit log that names the holder.",
  };
  return {
    ...m,
    MECHANISM_CATALOG: {
      ...m.MECHANISM_CATALOG,
      "ownership control": [...m.MECHANISM_CATALOG["ownership control"], entry],
    },
    MECHANISM_IDS: [...m.MECHANISM_IDS, MECHANISM_ID],
  };
});

vi.mock("../src/knowledge/predicates.js", async (orig) => {
  const m = await orig<typeof import("../src/knowledge/predicates.js")>();
  const extra: PredicateModule = {
    id: PREDICATE_ID,
    name: "claim audited",
    holdsWhen: "Every grant of exclusive ownership must be traceable to the holder afterwards.",
    adds: [MECHANISM_ID as never],
    addsBecause: "An append-only record of grants lets an operator prove who held what, and when.",
    guards: /\b(one|single|holder|owner)/i,
    rule: (f) => {
      const claim = f.operations.find((o) => /\b(acquire|claim|grant)/i.test(o.phrase));
      return claim
        ? { holds: true, because: `'${claim.phrase}' hands out ownership that must be traceable` }
        : { holds: false, because: "nothing is granted" };
    },
    examples: { valid: [], invalid: [] },
  };
  const modules = [...m.PREDICATE_MODULES, extra];
  return {
    ...m,
    PREDICATE_MODULES: modules,
    PREDICATE_IDS: modules.map((x) => x.id),
    PREDICATES: modules.map(({ id, name, holdsWhen, adds, addsBecause }) => ({
      id,
      name,
      holdsWhen,
      adds,
      addsBecause,
    })),
    PREDICATE_BY_ID: new Map(modules.map((x) => [x.id, x])),
  };
});

describe("a synthetic predicate and mechanism", () => {
  it("holds where its rule says and adds its catalogued companion", async () => {
    const { design } = await import("../src/engine/design/design.js");
    const d = design("Design a distributed lock manager that grants exclusive leases on resources.");
    const row = d.predicates.find((p) => p.id === (PREDICATE_ID as never));
    expect(row?.holds, row?.because).toBe(true);
    const mech = d.mechanisms.find((m) => m.id === MECHANISM_ID);
    expect(mech?.kind).toBe("companion");
    expect(mech?.family).toBe("ownership control");
    expect(mech?.because.join(" ")).toContain(PREDICATE_ID);
  });

  it("does not hold, and adds nothing, where nothing is granted", async () => {
    const { design } = await import("../src/engine/design/design.js");
    const d = design("Design a CDN.");
    expect(d.predicates.find((p) => p.id === (PREDICATE_ID as never))?.holds).toBe(false);
    expect(d.mechanisms.map((m) => m.id)).not.toContain(MECHANISM_ID);
  });

  it("can be pinned by override like any other predicate", async () => {
    const { design } = await import("../src/engine/design/design.js");
    const d = design("Design a CDN.", [`predicate.${PREDICATE_ID}=true`]);
    expect(d.predicates.find((p) => p.id === (PREDICATE_ID as never))?.holds).toBe(true);
    expect(d.mechanisms.map((m) => m.id)).toContain(MECHANISM_ID);
  });
});
