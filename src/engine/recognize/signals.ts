import type { Archetype, ArchetypeId } from "../../knowledge/schema.js";
import { compileSignal, type Signal } from "./match.js";

export interface ProductFeature {
  signal: Signal;
  archetypes: readonly ArchetypeId[];
  why: string;
}

/** Everything the recogniser matches against, compiled once from the knowledge base. */
export interface RecognitionKnowledge {
  archetypes: { archetype: Archetype; signals: Signal[] }[];
  byId: ReadonlyMap<ArchetypeId, Archetype>;
  infraSignals: Signal[];
  productSignals: Signal[];
  productFeatures: ProductFeature[];
  defaultSubstrates: { archetypes: readonly ArchetypeId[]; why: string };
}

export interface BranchTables {
  infra: readonly { text: string; weight: number }[];
  product: readonly { text: string; weight: number }[];
  productNames: readonly { name: string; weight: number; features?: readonly string[] }[];
  features: readonly { feature: string; archetypes: readonly ArchetypeId[]; why: string }[];
  defaultSubstrates: { archetypes: readonly ArchetypeId[]; why: string };
}

const defined = <T>(x: T | undefined): x is T => x !== undefined;

export function compileRecognition(archetypes: readonly Archetype[], tables: BranchTables): RecognitionKnowledge {
  return {
    archetypes: archetypes.map((archetype) => ({
      archetype,
      signals: [
        ...archetype.signals.phrases.map((p) => compileSignal(p.text, p.weight, "phrase")),
        ...archetype.signals.systems.flatMap((s) =>
          [s.name, ...s.aliases].map((name) => {
            const sig = compileSignal(name, s.weight, "system");
            return sig ? { ...sig, text: s.name } : undefined;
          }),
        ),
      ].filter(defined),
    })),
    byId: new Map(archetypes.map((a) => [a.id, a])),
    infraSignals: tables.infra.map((s) => compileSignal(s.text, s.weight, "phrase")).filter(defined),
    productSignals: [
      ...tables.product.map((s) => compileSignal(s.text, s.weight, "phrase")),
      ...tables.productNames.map((s) => compileSignal(s.name, s.weight, "system")),
    ].filter(defined),
    productFeatures: [
      ...tables.features
        .map((f) => {
          const signal = compileSignal(f.feature, 0.6, "phrase");
          return signal ? { signal, archetypes: f.archetypes, why: f.why } : undefined;
        })
        .filter(defined),
      // A named product stands for the features it is known for (Uber: ride dispatch, driver location…).
      ...tables.productNames.flatMap((p) => {
        const rows = (p.features ?? []).flatMap((name) => tables.features.filter((f) => f.feature === name));
        const signal = rows.length > 0 ? compileSignal(p.name, 0.6, "system") : undefined;
        if (!signal) return [];
        const archetypes = [...new Set(rows.flatMap((r) => r.archetypes))];
        return [{ signal, archetypes, why: `it is known for ${rows.map((r) => r.feature).join(", ")}` }];
      }),
    ],
    defaultSubstrates: tables.defaultSubstrates,
  };
}
