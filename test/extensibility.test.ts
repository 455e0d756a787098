/**
 * A new archetype is data: this test registers a synthetic 20th archetype in every per-archetype registry
 * (the compiled entry with its stance, the id list, architecture topology, capacity model, decision points,
 * concept words, and the recognition tables `npm run kb` compiles from them;
 * docs/KB-AUTHORING.md lists the same files) and derives a design whose dominant archetype is the new one.
 * No engine module is touched, so a hard-coded id list anywhere in the engine would make this fail.
 */
import { describe, expect, it, vi } from "vitest";

const NEW_ID: string = "I20";
const BASE = "I16";
const NAME = "Quasar Ledger Relay";

vi.mock("../src/knowledge/generated/ids.js", async (orig) => {
  const m = await orig<typeof import("../src/knowledge/generated/ids.js")>();
  return { ...m, ARCHETYPE_IDS: [...m.ARCHETYPE_IDS, NEW_ID] };
});

vi.mock("../src/knowledge/generated/archetypes.js", async (orig) => {
  const m = await orig<typeof import("../src/knowledge/generated/archetypes.js")>();
  const base = m.COMPILED_ARCHETYPES.find((a) => a.id === BASE);
  if (!base) throw new Error("base archetype missing");
  const entry = {
    ...structuredClone(base),
    id: NEW_ID,
    name: NAME,
    signals: {
      phrases: [
        { text: "quasar ledger relay", weight: 1 },
        { text: "quasar ledger", weight: 1 },
        { text: "ledger relay", weight: 0.8 },
      ],
      systems: [],
    },
    connections: base.connections.filter((c) => c.to !== NEW_ID),
  };
  return { ...m, COMPILED_ARCHETYPES: [...m.COMPILED_ARCHETYPES, entry] };
});

vi.mock("../src/knowledge/architecture/index.js", async (orig) => {
  const m = await orig<typeof import("../src/knowledge/architecture/index.js")>();
  return { ...m, ARCHITECTURE: { ...m.ARCHITECTURE, [NEW_ID]: m.ARCHITECTURE[BASE] } };
});

vi.mock("../src/knowledge/capacity/models.js", async (orig) => {
  const m = await orig<typeof import("../src/knowledge/capacity/models.js")>();
  return { ...m, ARCHETYPE_CAPACITY: { ...m.ARCHETYPE_CAPACITY, [NEW_ID]: m.ARCHETYPE_CAPACITY[BASE] } };
});

vi.mock("../src/knowledge/decisions/points.js", async (orig) => {
  const m = await orig<typeof import("../src/knowledge/decisions/points.js")>();
  return { ...m, ARCHETYPE_DECISIONS: { ...m.ARCHETYPE_DECISIONS, [NEW_ID]: [] } };
});

vi.mock("../src/knowledge/signals/concepts.js", async (orig) => {
  const m = await orig<typeof import("../src/knowledge/signals/concepts.js")>();
  return { ...m, CONCEPT_WORDS: { ...m.CONCEPT_WORDS, [NEW_ID]: ["quasar"] } };
});

// What `npm run kb` writes once the entry exists: the recognition tables compiled from the (mocked) knowledge.
vi.mock("../src/knowledge/generated/recognition.js", async () => {
  const { COMPILED_ARCHETYPES } = await import("../src/knowledge/generated/archetypes.js");
  const { recognitionJson } = await import("../src/engine/recognize/compile.js");
  return { RECOGNITION_JSON: recognitionJson(COMPILED_ARCHETYPES) };
});

describe("a synthetic 20th archetype", () => {
  it("is registered and drives a design as the dominant archetype", async () => {
    const { ARCHETYPE_IDS, ARCHETYPE_BY_ID } = await import("../src/knowledge/index.js");
    expect(ARCHETYPE_IDS).toContain(NEW_ID);
    expect(ARCHETYPE_BY_ID.get(NEW_ID as never)?.name).toBe(NAME);
    const { design } = await import("../src/engine/design/design.js");
    const d = design("Design a quasar ledger relay.");
    expect(d.archetypes[0]?.id).toBe(NEW_ID);
    expect(d.archetypes[0]?.name).toBe(NAME);
    expect(d.operations.some((o) => o.archetype === NEW_ID)).toBe(true);
    expect(d.components.length).toBeGreaterThan(0);
    expect(d.capacity.some((c) => c.archetype === NEW_ID)).toBe(true);
    const { checkCoherence } = await import("../src/engine/coherence.js");
    expect(checkCoherence(d)).toEqual([]);
  });

  it("can be chosen by override like any other", async () => {
    const { design } = await import("../src/engine/design/design.js");
    const d = design("Design a key-value store.", [`dominant=${NEW_ID}`]);
    expect(d.archetypes[0]?.id).toBe(NEW_ID);
  });
});
