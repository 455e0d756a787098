import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { type Design, design, writeScript } from "../src/lib/index.js";

const rules = (d: Design) => checkCoherence(d).filter((p) => p.rule === "names-undrawn-entity");
const ID_PROMPT =
  "Design a unique ID generator that produces 1 million sortable IDs per second without a central coordinator";
const TICKETS =
  "Design a concert ticketing system where 1 million fans race for 50,000 seats and no seat is sold twice";

describe("what a design carries once its decisions are made", () => {
  it("a record a chosen option leaves out is named by no requirement, predicate, mechanism or spoken reason", () => {
    const d = design(ID_PROMPT);
    expect(d.decisions.find((x) => x.id === "i09-scheme")?.chosen).toBe("snowflake");
    const text = JSON.stringify({
      requirements: d.requirements,
      predicates: d.predicates,
      mechanisms: d.mechanisms,
      invariants: d.invariants,
      failures: d.failures,
    });
    expect(text).not.toContain("SequenceCounter");
    expect(text).not.toContain("high-water mark");
    const spoken = writeScript(d, {})
      .steps.flatMap((s) => s.lines.map((l) => l.text))
      .join(" ");
    expect(spoken).not.toMatch(/overlapping blocks/);
    expect(rules(d)).toEqual([]);
  });

  it("a record only read, which only a rejected option draws, leaves with every list that names it", () => {
    const d = design(ID_PROMPT);
    const text = JSON.stringify({
      operations: d.operations,
      readPaths: d.readPaths,
      predicates: d.predicates,
      mechanisms: d.mechanisms,
      components: d.components,
      links: d.links,
      scopes: d.scopes,
      checklist: d.checklist,
    });
    expect(text).not.toContain("IdBlock");
    expect(text).not.toMatch(/in-memory block|range block|lease blocks?\b|block lease\b/);
    // the block option still draws its own records and duties
    const blocks = design(ID_PROMPT, ["decision.i09-scheme=leased-blocks"]);
    expect(blocks.components.flatMap((c) => c.holds)).toContain("IdBlock");
    expect(blocks.links.map((l) => l.label)).toContain("lease block");
  });

  it("a mechanism's own name opening a sentence ('Lease with expiry on the hold write') names no record", () => {
    const d = design(
      "Design a concert ticketing app with e-tickets and seat maps, where no seat may ever go to two buyers.",
    );
    expect(d.primaryState.map((p) => p.entity)).not.toContain("Lease");
    expect(d.mechanisms.some((m) => /^lease with expiry$/i.test(m.name))).toBe(true);
    expect(rules(d)).toEqual([]);
    // a record truly left out is still caught, wherever its name appears
    const broken = structuredClone(d);
    broken.invariants[0] = { ...broken.invariants[0]!, statement: "Each Lease row is fenced by a token." };
    expect(rules(broken).map((p) => p.detail)).toEqual([expect.stringMatching(/names Lease/)]);
  });

  it("the archetype a feature's record realizes draws no record, rule, step or protocol of its own", () => {
    const d = design(TICKETS);
    expect(d.archetypes[0]?.realizes?.id).toBe("I02");
    expect(d.requirements.some((r) => r.path?.entity === "Lease")).toBe(false);
    expect(d.primaryState.map((p) => p.entity)).not.toContain("Lease");
    expect(d.components.flatMap((c) => c.holds)).not.toContain("Lease");
    expect(d.invariants.some((i) => /lease store/i.test(i.statement))).toBe(false);
    expect(d.failures.some((f) => /fencing token/i.test(`${f.failure} ${f.prevention} ${f.repair}`))).toBe(false);
    expect(d.diagrams.some((g) => /Lease\./.test(g.mermaid))).toBe(false);
    expect(rules(d)).toEqual([]);
  });

  it("the coherence rule names a leftover record", () => {
    const d = structuredClone(design(ID_PROMPT));
    d.invariants.push({
      ...d.invariants[0],
      statement: "SequenceCounter only moves forward.",
    } as Design["invariants"][number]);
    expect(rules(d).map((p) => p.detail)).toEqual([
      "invariant 'SequenceCounter only moves forward.' names SequenceCounter, which the design does not draw",
    ]);
    const t = structuredClone(design(TICKETS));
    t.primaryState.push({ ...t.primaryState[0], entity: "Lease" } as Design["primaryState"][number]);
    expect(rules(t).length).toBeGreaterThan(0);
  });
});
