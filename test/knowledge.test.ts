import { describe, expect, it } from "vitest";
import { ARCHETYPE_BUNDLES, ARCHETYPE_ENTRIES, registryProblems } from "../src/knowledge/archetypes/index.js";
import { PRODUCT_NAMES, PRODUCT_SUBSTRATES } from "../src/knowledge/branch.js";
import { knowledgeProblems, knownIds } from "../src/knowledge/compile.js";
import { ARCHETYPES, MECHANISMS } from "../src/knowledge/index.js";

const KNOWN_IDS = knownIds();

import { QUANTITY_BY_ID } from "../src/knowledge/quantities.js";
import { ARCHETYPE_IDS, type ArchetypeInput } from "../src/knowledge/schema.js";
import { STANCES } from "../src/knowledge/stances.js";
import { STATED_NOUNS } from "../src/knowledge/stated-nouns.js";
import { crossEntryProblems, entryProblems } from "../src/knowledge/validate.js";

const clone = <T>(x: T): T => structuredClone(x);
const i02 = () => clone(ARCHETYPE_ENTRIES[1] as ArchetypeInput);

describe("knowledge base", () => {
  it("has no problems at all", () => {
    expect(knowledgeProblems()).toEqual([]);
  });

  it("holds exactly the 19 archetypes in id order", () => {
    expect(ARCHETYPES.map((a) => a.id)).toEqual([...ARCHETYPE_IDS]);
  });

  it("registers each archetype folder under its card's id", () => {
    expect(ARCHETYPE_BUNDLES.map((b) => b.card.id)).toEqual([...ARCHETYPE_IDS]);
    const [first, second] = ARCHETYPE_BUNDLES;
    if (!first || !second) throw new Error("registry is empty");
    expect(registryProblems({ [first.card.id]: second })).toEqual([
      `archetype registry: ${first.card.id} is exported under a name other than its card's id ${second.card.id}`,
    ]);
  });

  it("meets the minimum depth per archetype", () => {
    for (const a of ARCHETYPES) {
      expect(a.failures.length, a.id).toBeGreaterThanOrEqual(4);
      expect(a.bottlenecks.length, a.id).toBeGreaterThanOrEqual(3);
      expect(a.protocols.length, a.id).toBeGreaterThanOrEqual(1);
      expect(
        a.entities.some((e) => e.truth),
        a.id,
      ).toBe(true);
    }
  });

  it("names only known features for product names", () => {
    const features = new Set(PRODUCT_SUBSTRATES.map((f) => f.feature));
    for (const p of PRODUCT_NAMES)
      for (const f of p.features ?? []) expect(features.has(f), `${p.name}: ${f}`).toBe(true);
  });

  it("has unique mechanism ids", () => {
    const ids = MECHANISMS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("has default stances that never contradict themselves", () => {
    for (const id of ARCHETYPE_IDS) {
      const s = STANCES[id];
      // A partitioned minority cannot both answer and stay linearizable.
      expect(s.consistency === "linearizable" && s.availability === "stay-available", id).toBe(false);
      // Exactly-once is a default only where an effect leaves the system and is reconciled.
      if (s.delivery === "exactly-once")
        expect(
          ARCHETYPES.find((a) => a.id === id)?.predicates.some((p) => p.id === "external-effect"),
          id,
        ).toBe(true);
    }
  });

  it("tags no workflow engine as exactly-once (activities run at least once)", () => {
    for (const a of ARCHETYPES)
      for (const t of a.technologies)
        if (/Temporal|Cadence|Step Functions/.test(t.product)) expect(t.suits, t.product).not.toContain("exactly-once");
  });

  it("does not call DynamoDB a leaderless Dynamo-style store, nor Kafka's ISR a majority quorum", () => {
    const text = JSON.stringify(ARCHETYPES);
    expect(text).not.toMatch(/Dynamo-style stores? \(DynamoDB/);
    for (const a of ARCHETYPES)
      for (const w of a.writePaths)
        if (/in-sync/i.test(w.action)) expect(w.mechanism, w.action).not.toBe("consensus-replication");
  });

  it("contains no placeholder text", () => {
    const text = JSON.stringify(ARCHETYPES);
    expect(text).not.toMatch(/\b(TODO|TBD|FIXME|lorem|placeholder)\b|\betc\.?"/i);
  });
});

describe("knowledge validation catches broken entries", () => {
  it("flags a missing field", () => {
    const e = i02() as Record<string, unknown>;
    delete e.invariants;
    expect(entryProblems(e as ArchetypeInput, KNOWN_IDS).join("\n")).toMatch(/invariants/);
  });

  it("flags an empty field", () => {
    const e = i02();
    e.contract.guarantees = [];
    expect(entryProblems(e, KNOWN_IDS).join("\n")).toMatch(/contract\.guarantees/);
  });

  it("flags a dangling connection", () => {
    const e = i02();
    e.connections = [{ to: "I42" as never, role: "input", why: "a target that does not exist" }];
    expect(entryProblems(e, KNOWN_IDS).length).toBeGreaterThan(0);
  });

  it("flags an unknown mechanism", () => {
    const e = i02();
    const first = e.writePaths[0];
    if (!first) throw new Error("I02 has no write path");
    // @ts-expect-error a mechanism id outside the catalogue does not even compile
    first.mechanism = "quantum-entanglement";
    expect(entryProblems(e, KNOWN_IDS).join("\n")).toMatch(/writePaths\.0\.mechanism/);
  });

  it("flags an unknown quantity in a formula", () => {
    const e = i02();
    e.bottlenecks = [
      ...e.bottlenecks,
      {
        bottleneck: "made up load",
        mitigation: "none needed",
        formula: { yields: "extra load", expression: "bogus_quantity / 2", unit: "1/s" },
      },
    ];
    expect(entryProblems(e, KNOWN_IDS).join("\n")).toMatch(/unknown quantity bogus_quantity/);
  });

  it("flags bad protocol notation", () => {
    const e = i02();
    e.protocols = [{ name: "broken protocol", notation: "client[do thing] -> server[other thing]" }];
    expect(entryProblems(e, KNOWN_IDS).join("\n")).toMatch(/outcome/);
  });

  it("flags a duplicate id and an unexplained shared system", () => {
    const a = ARCHETYPES[0];
    if (!a) throw new Error("no archetypes");
    const twin = clone(a);
    expect(crossEntryProblems([a, twin]).join("\n")).toMatch(/appears 2 times/);
    const other = clone(ARCHETYPES[1] ?? a);
    other.id = "I02";
    other.signals.systems = [{ name: "SharedThing", aliases: [], weight: 1 }];
    const first = clone(a);
    first.signals.systems = [{ name: "SharedThing", aliases: [], weight: 1 }];
    expect(crossEntryProblems([first, other]).join("\n")).toMatch(/sharedthing/);
  });
});

describe("stated nouns", () => {
  it("bind every noun to quantities the capacity table defines, each with a unit", () => {
    const missing: string[] = [];
    for (const n of STATED_NOUNS)
      for (const id of [n.count, n.rate, ...[n.also ?? []].flat()].filter((x): x is string => x !== undefined)) {
        const q = QUANTITY_BY_ID.get(id);
        if (!q?.unit) missing.push(`${n.re.source} -> ${id}`);
      }
    expect(missing).toEqual([]);
  });
});
