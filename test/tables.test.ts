import { describe, expect, it } from "vitest";
import { ALIASES } from "../src/knowledge/aliases.js";
import {
  DEFAULT_SUBSTRATE,
  INFRA_SIGNALS,
  PRODUCT_NAMES,
  PRODUCT_SIGNALS,
  PRODUCT_SUBSTRATES,
} from "../src/knowledge/branch.js";
import { CHECKLIST } from "../src/knowledge/checklist.js";
import { FAMILIES } from "../src/knowledge/families.js";
import { MECHANISM_BY_ID, QUANTITIES } from "../src/knowledge/index.js";
import { MECHANISM_FAILURES } from "../src/knowledge/mechanism-failures.js";
import { OPERATIONS, WRITE_SHAPE_MECHANISMS } from "../src/knowledge/operations.js";
import { PREDICATES } from "../src/knowledge/predicates.js";
import { PRESENTATION_STEPS } from "../src/knowledge/presentation.js";
import { ROLE_VOCABULARY } from "../src/knowledge/roles.js";
import { ARCHETYPE_IDS, Quantity, Stance } from "../src/knowledge/schema.js";
import { STANCES } from "../src/knowledge/stances.js";
import * as T from "../src/knowledge/tables-schema.js";

const ok = (schema: { safeParse(x: unknown): { success: boolean; error?: unknown } }, value: unknown) => {
  const r = schema.safeParse(value);
  expect(r.success, JSON.stringify(r.error ?? "")).toBe(true);
};

describe("shared knowledge tables", () => {
  it("each parses with its schema", () => {
    ok(T.AliasTable, ALIASES);
    ok(T.OperationTable, OPERATIONS);
    ok(T.ShapeMechanismTable, WRITE_SHAPE_MECHANISMS);
    ok(T.PredicateTable, PREDICATES);
    ok(T.FamilyTable, FAMILIES);
    ok(T.RoleVocabularyTable, ROLE_VOCABULARY);
    ok(T.ChecklistTable, CHECKLIST);
    ok(T.PresentationTable, PRESENTATION_STEPS);
    ok(T.SignalTable, INFRA_SIGNALS);
    ok(T.SignalTable, PRODUCT_SIGNALS);
    ok(T.ProductNameTable, PRODUCT_NAMES);
    ok(T.ProductSubstrateTable, PRODUCT_SUBSTRATES);
    ok(T.DefaultSubstrate, DEFAULT_SUBSTRATE);
    for (const q of QUANTITIES) ok(Quantity, q);
  });

  it("references only catalogue mechanisms", () => {
    const refs = [
      ...PREDICATES.flatMap((p) => p.adds),
      ...WRITE_SHAPE_MECHANISMS.map((w) => w.mechanism),
      ...MECHANISM_FAILURES.map((f) => f.mechanism),
    ];
    for (const id of refs) expect(MECHANISM_BY_ID.has(id), id).toBe(true);
  });

  it("has a stance with scopes for every archetype", () => {
    for (const id of ARCHETYPE_IDS) ok(Stance, STANCES[id]);
    expect(Object.keys(STANCES).sort()).toEqual([...ARCHETYPE_IDS]);
  });
});
