import type { FocusCue } from "../../knowledge/branch.js";
import type { Archetype, ArchetypeId } from "../../knowledge/schema.js";
import {
  type AmbiguousSystem,
  COVER_WEIGHT,
  type CombinationRule,
  type KnownSystem,
  type Need,
  type RequirementRule,
  type SystemKind,
} from "../../knowledge/signals/index.js";
import { type CompiledCombinations, compileCombinations } from "./combos.js";
import { buildIndex, compileSignal, type Owner, rankTexts, type Signal, type SignalIndex } from "./match.js";

export interface ProductFeature {
  text: string;
  archetypes: readonly ArchetypeId[];
  why: string;
}

/** Everything the recogniser matches against, compiled once from the knowledge base. */
/**
 * What recognition reads of an archetype entry: its id, its name and its connections (typical companions and
 * composition roles). The CLI loads these alone (generated/archetype-links.ts), not the whole entries.
 */
export type ArchetypeLinks = Pick<Archetype, "id" | "name" | "connections">;

export interface RecognitionKnowledge {
  archetypes: readonly ArchetypeLinks[];
  byId: ReadonlyMap<ArchetypeId, ArchetypeLinks>;
  /** All signals (archetype phrases, requirements, systems, branch words, features, cues), by word. */
  index: SignalIndex;
  productFeatures: readonly ProductFeature[];
  ambiguous: readonly AmbiguousSystem[];
  needs: readonly Need[];
  defaultSubstrates: { archetypes: readonly ArchetypeId[]; why: string };
  /** Focus cues as whole-word patterns over the lower-cased prompt (they are mostly function words). */
  focus: readonly { text: string; pattern: RegExp; explicit: boolean }[];
  /** Matches a prompt that opens by stating an invariant ("Ensure…", "Design a system that prevents…"). */
  opener: RegExp | undefined;
  /** Requirements read from word families together, looked up by stem. */
  combinations: CompiledCombinations | undefined;
  /** How many signals were compiled (for tests and the bench). */
  size: number;
  /**
   * The signals of knowledge tables other parts of the engine match prompts against, compiled with
   * these (tables loaded from the build decode them on first call); undefined when none were given.
   */
  lists: (() => SignalLists) | undefined;
  /** The named systems of the archetypes in the order engine/references.ts looks for them, when given. */
  systemNames: readonly string[] | undefined;
}

/**
 * Signal phrases of knowledge tables outside the recogniser's, one list per row in the table's order:
 * the operation aliases (engine/fields/requirements.ts), the named products (name and aliases) and the
 * product features (engine/product/recognize.ts).
 */
export interface SignalLists {
  aliases: readonly (readonly Signal[])[];
  products: readonly (readonly Signal[])[];
  features: readonly (readonly Signal[])[];
}

/** The phrases each row of a table gives, as `SignalLists` compiles them. */
export interface ListTables {
  aliases: readonly { phrase: string }[];
  products: readonly { name: string; aliases?: readonly string[] }[];
  features: readonly { signals: readonly string[] }[];
}

/** Compiles the rows' phrases: an alias's phrase, a product's name and aliases (as named systems), a feature's phrases. */
export function compileLists(tables: ListTables): SignalLists {
  const each = (texts: readonly string[], kind: Signal["kind"]) =>
    texts.flatMap((t) => compileSignal(t, 1, kind) ?? []);
  return {
    aliases: tables.aliases.map((row) => each([row.phrase], "phrase")),
    products: tables.products.map((p) => each([p.name, ...(p.aliases ?? [])], "system")),
    features: tables.features.map((f) => each(f.signals, "phrase")),
  };
}

export interface BranchTables {
  infra: readonly { text: string; weight: number }[];
  product: readonly { text: string; weight: number }[];
  productNames: readonly { name: string; weight: number; features?: readonly string[] }[];
  features: readonly { feature: string; archetypes: readonly ArchetypeId[]; why: string }[];
  defaultSubstrates: { archetypes: readonly ArchetypeId[]; why: string };
  /** Words that ask for a closer look at one part of a product. */
  focus?: readonly FocusCue[];
}

export interface RecognitionTables {
  requirements: readonly RequirementRule[];
  concepts?: { weight: number; words: Readonly<Record<string, readonly string[]>> };
  openers?: readonly string[];
  ambiguous: readonly AmbiguousSystem[];
  needs: readonly Need[];
  combinations?: {
    families: Readonly<Record<string, readonly string[]>>;
    rules: readonly CombinationRule[];
    window: number;
    synonyms?: Readonly<Record<string, readonly string[]>>;
  };
  lists?: ListTables;
  systemNames?: readonly string[];
  /** Kinds of system a head may name and the well-known systems of each kind (knowledge/signals/kinds.ts). */
  kinds?: { kinds: readonly SystemKind[]; known: readonly KnownSystem[] };
}

const REQUIREMENT_SLACK = 3;
const SINGLE_WORD_REQUIREMENT = 0.75; // one word ("burst", "replay") says less about the invariant than a phrase
const CUE_WEIGHT = 1;
const NEED_CUE_SLACK = 4; // "held by only one buyer for ten minutes": a need's cue words may sit further apart

const defined = <T>(x: T | undefined): x is T => x !== undefined;

export function compileRecognition(
  archetypes: readonly Archetype[],
  tables: BranchTables,
  extra: RecognitionTables = { requirements: [], ambiguous: [], needs: [] },
): RecognitionKnowledge {
  const all: (Signal | undefined)[] = [];
  const ambiguousNames = new Set(extra.ambiguous.flatMap((s) => [s.name, ...s.aliases].map((n) => n.toLowerCase())));

  for (const archetype of archetypes) {
    const owner: Owner = { kind: "archetype", id: archetype.id };
    for (const p of archetype.signals.phrases) all.push(compileSignal(p.text, p.weight, "phrase", { owner }));
    for (const s of archetype.signals.systems) {
      // A name with several uses is resolved by context through the ambiguous-systems table instead.
      if (ambiguousNames.has(s.name.toLowerCase())) continue;
      for (const name of [s.name, ...s.aliases]) {
        if (ambiguousNames.has(name.toLowerCase())) continue;
        const sig = compileSignal(name, s.weight, "system", { owner });
        all.push(sig ? { ...sig, text: s.name } : undefined);
      }
    }
  }
  for (const r of extra.requirements)
    for (const t of r.targets)
      for (const p of r.phrases) {
        const sig = compileSignal(p, t.weight, "phrase", {
          owner: { kind: "archetype", id: t.id },
          slack: r.slack ?? REQUIREMENT_SLACK,
          rule: { name: r.rule, why: r.why },
          ...(r.unlessAfter ? { unlessAfter: r.unlessAfter } : {}),
          ...(r.instead ? { instead: r.instead } : {}),
          ...(r.underFailure ? { underFailure: true } : {}),
        });
        all.push(sig && sig.stems.length === 1 ? { ...sig, weight: sig.weight * SINGLE_WORD_REQUIREMENT } : sig);
      }
  for (const archetype of archetypes)
    for (const word of extra.concepts?.words[archetype.id] ?? []) {
      const sig = compileSignal(word, extra.concepts?.weight ?? 0, "phrase", {
        owner: { kind: "archetype", id: archetype.id },
      });
      if (sig) all.push({ ...sig, concept: true });
    }
  extra.ambiguous.forEach((sys, system) => {
    for (const name of [sys.name, ...sys.aliases]) {
      const sig = compileSignal(name, sys.weight, "system", { owner: { kind: "ambiguous", system } });
      all.push(sig ? { ...sig, text: sys.name } : undefined);
    }
    sys.uses.forEach((u, use) => {
      for (const cue of u.cues)
        all.push(compileSignal(cue, CUE_WEIGHT, "phrase", { owner: { kind: "cue", system, use }, slack: 3 }));
    });
  });
  extra.needs.forEach((n, index) => {
    for (const cue of n.cues)
      all.push(compileSignal(cue, CUE_WEIGHT, "phrase", { owner: { kind: "need", index }, slack: NEED_CUE_SLACK }));
  });
  const kinds = extra.kinds?.kinds ?? [];
  kinds.forEach((k, index) => {
    // a kind's noun phrase is written whole: "dns server" is not "dns resolver server"
    for (const noun of k.nouns)
      all.push(compileSignal(noun, COVER_WEIGHT[k.cover], "phrase", { owner: { kind: "kind", index }, slack: 0 }));
  });
  // one place per name: a known system is read only where it is asked for, a card's or an ambiguous one wherever named
  const named = new Set([
    ...ambiguousNames,
    ...archetypes.flatMap((a) => a.signals.systems.flatMap((x) => [x.name, ...x.aliases])).map((n) => n.toLowerCase()),
    ...tables.productNames.map((p) => p.name.toLowerCase()),
  ]);
  extra.kinds?.known.forEach((sys, index) => {
    const kind = kinds.find((k) => k.kind === sys.kind);
    if (kind === undefined) throw new Error(`known system ${sys.name}: no kind '${sys.kind}' in SYSTEM_KINDS`);
    const twice = [sys.name, ...sys.aliases].find((n) => named.has(n.toLowerCase()));
    if (twice !== undefined)
      throw new Error(`known system ${sys.name}: '${twice}' is already a card's, an ambiguous or a product's name`);
    for (const name of [sys.name, ...sys.aliases]) {
      const sig = compileSignal(name, COVER_WEIGHT[kind.cover], "system", { owner: { kind: "known", index } });
      all.push(sig ? { ...sig, text: sys.name } : undefined);
    }
  });
  for (const s of tables.infra) all.push(compileSignal(s.text, s.weight, "phrase", { owner: { kind: "infra" } }));
  for (const s of tables.product) all.push(compileSignal(s.text, s.weight, "phrase", { owner: { kind: "product" } }));
  for (const s of tables.productNames)
    all.push(compileSignal(s.name, s.weight, "system", { owner: { kind: "product" } }));

  const productFeatures: ProductFeature[] = [];
  for (const f of tables.features) {
    const index = productFeatures.length;
    productFeatures.push({ text: f.feature, archetypes: f.archetypes, why: f.why });
    all.push(compileSignal(f.feature, 0.6, "phrase", { owner: { kind: "feature", index } }));
  }
  // A named product stands for the features it is known for (Uber: ride dispatch, driver location…).
  for (const p of tables.productNames) {
    const rows = (p.features ?? []).flatMap((name) => tables.features.filter((f) => f.feature === name));
    if (rows.length === 0) continue;
    const index = productFeatures.length;
    productFeatures.push({
      text: p.name,
      archetypes: [...new Set(rows.flatMap((r) => r.archetypes))],
      why: `it is known for ${rows.map((r) => r.feature).join(", ")}`,
    });
    all.push(compileSignal(p.name, 0.6, "system", { owner: { kind: "feature", index } }));
  }

  const signals = all.filter(defined);
  const lists = extra.lists && compileLists(extra.lists);
  const compiled = extra.combinations
    ? compileCombinations(
        extra.combinations.families,
        extra.combinations.rules,
        extra.combinations.window,
        extra.combinations.synonyms,
      )
    : undefined;
  // Hits of equal weight are ordered by text: by rank, fixed here, not by a locale at run time.
  const rank = rankTexts([...signals.map((s) => s.text), ...(compiled?.rules ?? []).map((r) => r.rule)]);
  for (const s of signals) s.rank = rank.get(s.text);
  const combinations = compiled && { ...compiled, ranks: compiled.rules.map((r) => rank.get(r.rule) as number) };
  return {
    combinations,
    archetypes,
    byId: new Map(archetypes.map((a) => [a.id, a])),
    index: buildIndex(signals),
    productFeatures,
    ambiguous: extra.ambiguous,
    needs: extra.needs,
    defaultSubstrates: tables.defaultSubstrates,
    focus: (tables.focus ?? []).map((cue) => ({
      text: cue.text,
      pattern: new RegExp(`\\b${cue.text.toLowerCase().replace(/[\s-]+/g, "[\\s-]+")}\\b`),
      explicit: cue.explicit === true,
    })),
    opener:
      extra.openers && extra.openers.length > 0
        ? new RegExp(
            `^\\s*(?:(?:design|build)\\s+(?:a|an|the)?\\s*(?:[a-z-]+\\s+){0,3}?(?:that|which|to)\\s+)?(${extra.openers
              .map((o) => o.replace(/\s+/g, "\\s+"))
              .join("|")})\\b`,
          )
        : undefined,
    size: signals.length + (combinations?.size ?? 0),
    lists: lists && (() => lists),
    systemNames: extra.systemNames,
  };
}
