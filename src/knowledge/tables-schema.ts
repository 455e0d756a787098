import { z } from "zod";
import {
  ArchetypeId,
  ComponentRole,
  InteractionKind,
  MechanismFamily,
  MechanismId,
  Operation,
  PhraseSignal,
  PredicateId,
  ReadShape,
  WriteShape,
} from "./schema.js";

/**
 * Schemas for the shared knowledge tables (aliases, operations, predicates, families, roles,
 * checklist, presentation, system mappings, branch signals). Archetype entries live in
 * schema.ts; these tables are the vocabulary the engine applies across all archetypes.
 */

const text = z.string().trim().min(3);
const weight = z.number().gt(0).lte(1);
/** A lower-case phrase as people write it: letters, digits, spaces, hyphens, slashes, dots. */
const lowerPhrase = z
  .string()
  .trim()
  .min(2)
  .regex(/^[a-z0-9][a-z0-9 ./'-]*[a-z0-9]$/, "must be a lower-case phrase");

/** Rejects a table in which `key` yields the same value twice. */
function uniqueBy<T>(key: (row: T) => string, what: string) {
  return (rows: readonly T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      const k = key(row);
      if (seen.has(k)) ctx.addIssue({ code: "custom", message: `duplicate ${what} '${k}'`, path: [i] });
      seen.add(k);
    });
  };
}

/**
 * Names of the design fields a checklist answer, a script line or a table row draws on.
 * They follow the field graph of FRAMEWORK.md §3 in camelCase.
 */
export const DesignField = z.enum([
  "requirements",
  "operations",
  "archetypes",
  "criticalPaths",
  "primaryState",
  "scopes",
  "invariants",
  "context",
  "predicates",
  "mechanisms",
  "companions",
  "readPaths",
  "technology",
  "failures",
  "bottlenecks",
  "nfrs",
]);
export type DesignField = z.infer<typeof DesignField>;

/** The subset of design fields the infra checklist is answered from. */
export const ChecklistField = DesignField.extract([
  "primaryState",
  "scopes",
  "invariants",
  "context",
  "predicates",
  "mechanisms",
  "readPaths",
  "failures",
  "bottlenecks",
  "nfrs",
  "operations",
]);
export type ChecklistField = z.infer<typeof ChecklistField>;

// ---------------------------------------------------------------- aliases

export const AliasRow = z.strictObject({
  /** A lower-case verb phrase as it appears in prompts. */
  phrase: lowerPhrase,
  operation: Operation,
  interaction: InteractionKind,
  /** True when the write is one nobody asked for (renewal, heartbeat, offset, cursor, sweep). */
  hidden: z.boolean(),
  note: text,
});
export type AliasRow = z.infer<typeof AliasRow>;

export const AliasTable = z
  .array(AliasRow)
  .min(60)
  .superRefine(uniqueBy((r: AliasRow) => r.phrase, "alias phrase"))
  .superRefine((rows, ctx) => {
    rows.forEach((r, i) => {
      const isRead = r.operation === "read source" || r.operation === "read projection";
      if (isRead && r.hidden)
        ctx.addIssue({ code: "custom", message: `'${r.phrase}': a pure read cannot be a hidden write`, path: [i] });
      if (r.interaction === "hidden write target" && !r.hidden)
        ctx.addIssue({ code: "custom", message: `'${r.phrase}': hidden write target must set hidden`, path: [i] });
    });
  });

// ---------------------------------------------------------------- operations

export const OperationInfo = z.strictObject({
  operation: Operation,
  meaning: text,
  defaultInteraction: InteractionKind,
});
export type OperationInfo = z.infer<typeof OperationInfo>;

export const OperationTable = z
  .array(OperationInfo)
  .length(Operation.options.length)
  .superRefine(uniqueBy((r: OperationInfo) => r.operation, "operation"));

export const ShapeMechanism = z.strictObject({
  shape: z.union([WriteShape, ReadShape]),
  /** Default base mechanism id from the mechanism catalogue. */
  mechanism: MechanismId,
  realizations: z.array(text).min(2),
  /** Why this is the default. */
  why: text,
});
export type ShapeMechanism = z.infer<typeof ShapeMechanism>;

export const ShapeMechanismTable = z
  .array(ShapeMechanism)
  .length(WriteShape.options.length + ReadShape.options.length)
  .superRefine(uniqueBy((r: ShapeMechanism) => r.shape, "shape"));

// ---------------------------------------------------------------- predicates

export const PredicateInfo = z.strictObject({
  id: PredicateId,
  name: text,
  holdsWhen: text,
  /** Companion mechanism ids from the catalogue that the predicate adds. */
  adds: z.array(MechanismId).min(1),
  addsBecause: text,
});
export type PredicateInfo = z.infer<typeof PredicateInfo>;

export const PredicateTable = z
  .array(PredicateInfo)
  .length(PredicateId.options.length)
  .superRefine(uniqueBy((r: PredicateInfo) => r.id, "predicate"));

// ---------------------------------------------------------------- families

export const FamilyInfo = z.strictObject({
  family: MechanismFamily,
  meaning: z.string().min(80),
  rightWhen: text,
});
export type FamilyInfo = z.infer<typeof FamilyInfo>;

export const FamilyTable = z
  .array(FamilyInfo)
  .length(MechanismFamily.options.length)
  .superRefine(uniqueBy((r: FamilyInfo) => r.family, "family"));

// ---------------------------------------------------------------- roles

export const RoleFailure = z.strictObject({
  /** The generic failure phrase (a label from the role vocabulary). */
  phrase: text,
  prevention: text,
  repair: text,
});
export type RoleFailure = z.infer<typeof RoleFailure>;

export const RoleBottleneck = z.strictObject({
  phrase: text,
  mitigation: text,
});
export type RoleBottleneck = z.infer<typeof RoleBottleneck>;

export const RoleVocabularyEntry = z.strictObject({
  role: ComponentRole,
  meaning: text,
  failures: z.array(RoleFailure).min(3),
  bottlenecks: z.array(RoleBottleneck).min(2),
});
export type RoleVocabularyEntry = z.infer<typeof RoleVocabularyEntry>;

export const RoleVocabularyTable = z
  .array(RoleVocabularyEntry)
  .length(ComponentRole.options.length)
  .superRefine(uniqueBy((r: RoleVocabularyEntry) => r.role, "role"));

// ---------------------------------------------------------------- checklist

export const ChecklistItem = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  question: text,
  answeredFrom: z.array(ChecklistField).min(1),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

export const ChecklistTable = z
  .array(ChecklistItem)
  .length(7)
  .superRefine(uniqueBy((r: ChecklistItem) => r.id, "checklist id"));

// ---------------------------------------------------------------- presentation

export const PresentationStep = z.strictObject({
  step: z.number().int().min(1).max(8),
  title: text,
  /** The spoken sentence, first person, in the project's own words. */
  line: z.string().min(40),
  fields: z.array(DesignField).min(1),
});
export type PresentationStep = z.infer<typeof PresentationStep>;

export const PresentationTable = z
  .array(PresentationStep)
  .length(8)
  .superRefine((rows, ctx) => {
    rows.forEach((r, i) => {
      if (r.step !== i + 1) ctx.addIssue({ code: "custom", message: `step ${r.step} out of order`, path: [i] });
    });
  });

// ---------------------------------------------------------------- system mappings

// ---------------------------------------------------------------- branch signals

export const SignalTable = z
  .array(PhraseSignal)
  .min(20)
  .superRefine(uniqueBy((r: { text: string }) => r.text.toLowerCase(), "signal"));

export const ProductName = z
  .strictObject({
    name: z.string().trim().min(2),
    aliases: z.array(z.string().trim().min(2)).default([]),
    weight,
    /** Required when the weight is low: why the product does not clearly mean product-first. */
    note: text.optional(),
    /** Feature phrases of PRODUCT_SUBSTRATES the product is known for; they give its substrates. */
    features: z.array(lowerPhrase).default([]),
  })
  .refine((p) => p.weight >= 0.5 || p.note !== undefined, { message: "a low-weight product name needs a note" });
export type ProductName = z.infer<typeof ProductName>;
export type ProductNameInput = z.input<typeof ProductName>;

export const ProductNameTable = z
  .array(ProductName)
  .min(20)
  .superRefine(uniqueBy((r: ProductName) => r.name.toLowerCase(), "product name"));

export const ProductSubstrate = z.strictObject({
  /** A product feature phrase as people write it. */
  feature: lowerPhrase,
  /**
   * Infra archetypes the feature leans on, the main one first; none for a feature that rests on managed parts only
   * (media sits in an object store behind a CDN), whose phrase still says the prompt is about a product.
   */
  archetypes: z.array(ArchetypeId).refine((a) => new Set(a).size === a.length, { message: "archetype listed twice" }),
  why: text,
});
export type ProductSubstrate = z.infer<typeof ProductSubstrate>;

export const ProductSubstrateTable = z
  .array(ProductSubstrate)
  .min(25)
  .superRefine(uniqueBy((r: ProductSubstrate) => r.feature, "feature"));

/** The fallback when a product prompt fires no feature row. */
export const DefaultSubstrate = z.strictObject({
  archetypes: z.array(ArchetypeId).min(1),
  why: text,
});
export type DefaultSubstrate = z.infer<typeof DefaultSubstrate>;
