import { ARCHETYPE_BUNDLES, ARCHETYPE_ENTRIES, registryProblems } from "./archetypes/index.js";
import { topologyProblems, topologyVariants } from "./architecture/index.js";
import { STATED_USES } from "./capacity/stated.js";
import { FEATURES } from "./features/index.js";
import { GATE_MODULES } from "./gates.js";
import { MECHANISM_CATALOG } from "./mechanisms/catalog.js";
import { MECHANISMS } from "./mechanisms/index.js";
import { type Expr, formulaConstants, parseFormula } from "./notation/formula.js";
import { PREDICATE_MODULES, PREDICATES } from "./predicates.js";
import { FORMULA_CONSTANTS, QUANTITIES } from "./quantities.js";
import { Archetype, Mechanism, Quantity } from "./schema.js";
import { PredicateTable } from "./tables-schema.js";
import { crossEntryProblems, entryProblems, type KnownIds } from "./validate.js";
import { ARCHETYPE_IDS } from "./vocab.js";

/**
 * The knowledge compile step: every table parsed by its schema (defaults applied), references
 * resolved and cross-checked, and every problem reported at once. It runs at build time
 * (scripts/build-kb.ts writes its result as a plain module the CLI loads without zod), in
 * `scripts/check-entry.ts` while an entry is being written, and in the tests.
 */
export interface CompiledKnowledge {
  archetypes: Archetype[];
  problems: string[];
}

export function knownIds(): KnownIds {
  return {
    mechanisms: new Set(MECHANISMS.map((m) => m.id)),
    quantities: new Set(QUANTITIES.map((q) => q.id)),
    archetypes: new Set<string>(ARCHETYPE_ENTRIES.map((e) => e.id)),
  };
}

export function compileKnowledge(): CompiledKnowledge {
  const known = knownIds();
  const problems: string[] = [];
  for (const [family, entries] of Object.entries(MECHANISM_CATALOG)) {
    for (const e of entries) {
      const r = Mechanism.safeParse({ ...e, family });
      if (!r.success)
        problems.push(...r.error.issues.map((i) => `mechanism ${e.id}: ${i.path.join(".")}: ${i.message}`));
    }
  }
  for (const q of QUANTITIES) {
    const r = Quantity.safeParse(q);
    if (!r.success) problems.push(...r.error.issues.map((i) => `quantity ${q.id}: ${i.path.join(".")}: ${i.message}`));
  }
  const predicates = PredicateTable.safeParse(PREDICATES);
  if (!predicates.success)
    problems.push(...predicates.error.issues.map((i) => `predicates: ${i.path.join(".")}: ${i.message}`));
  for (const p of PREDICATE_MODULES)
    if (p.examples.valid.length === 0 || p.examples.invalid.length === 0)
      problems.push(`predicate ${p.id}: needs at least one valid and one invalid example prompt`);
  const added = new Set(PREDICATE_MODULES.flatMap((p) => p.adds));
  for (const g of GATE_MODULES) {
    if (!added.has(g.mechanism)) problems.push(`gate ${g.mechanism}: no predicate adds this mechanism`);
    if (g.examples.kept.length === 0) problems.push(`gate ${g.mechanism}: needs at least one kept example prompt`);
  }
  problems.push(...registryProblems());
  const ids = ARCHETYPE_ENTRIES.map((e) => e.id);
  for (const id of ARCHETYPE_IDS) if (!ids.includes(id)) problems.push(`archetype registry: ${id} has no entry`);
  const archetypes: Archetype[] = [];
  for (const [i, e] of ARCHETYPE_ENTRIES.entries()) {
    // a card's bottleneck formula may read its own capacity model's figures (one source of numbers per design)
    const capacity = ARCHETYPE_BUNDLES[i]?.capacity;
    // and a subject's own model (a shown count's reads), whose bottleneck rows carry the same subject
    const models = capacity ? [capacity, ...Object.values(capacity.topics ?? {})] : [];
    const own = models.flatMap((m) => [
      ...m.inputs.map((x) => x.quantity),
      ...m.figures.flatMap((f) => (f.sets ? [f.id, f.sets] : [f.id])),
    ]);
    const p = entryProblems(e, { ...known, quantities: new Set([...known.quantities, ...own]) });
    problems.push(...p);
    const parsed = Archetype.safeParse(e);
    if (parsed.success) archetypes.push(parsed.data);
  }
  problems.push(...crossEntryProblems(archetypes));
  problems.push(...unnamedConstantProblems(), ...countedLabelProblems());
  // The folders themselves, not the run-time tables: those read generated/parts.ts, which a new folder only
  // reaches once this step has written it.
  for (const b of ARCHETYPE_BUNDLES)
    for (const v of topologyVariants(b.topology))
      problems.push(...topologyProblems(`${b.card.id}${v.where}`, v.topology));
  return { archetypes, problems };
}

/** Every problem in the knowledge base; the tests and the build require this to be empty. */
export function knowledgeProblems(): string[] {
  return compileKnowledge().problems;
}

/**
 * A figure's or bottleneck's formula writes out no assumption: every number in it other than a unit
 * conversion or the identity one (`FORMULA_CONSTANTS`) is a named quantity with its reason ("3 * runs" says
 * neither what the three counts nor why). A derived input's `from` carries its own why and is not checked here.
 */
export function unnamedConstantProblems(
  bundles: readonly {
    card: { id: string; bottlenecks: readonly { formula?: { expression: string } }[] };
    capacity?: { figures: readonly { id: string; expression: string }[] };
  }[] = ARCHETYPE_BUNDLES,
  features: readonly { id: string; capacity?: { figures: readonly { id: string; expression: string }[] } }[] = FEATURES,
): string[] {
  const out: string[] = [];
  const check = (where: string, expression: string) => {
    let parsed: Expr;
    try {
      parsed = parseFormula(expression);
    } catch {
      return; // reported where formulas are parsed
    }
    for (const n of formulaConstants(parsed))
      if (!FORMULA_CONSTANTS.has(n))
        out.push(`${where}: formula "${expression}" writes out ${n}; make it a named quantity with its reason`);
  };
  for (const b of bundles) {
    for (const [i, x] of b.card.bottlenecks.entries())
      if (x.formula) check(`archetype ${b.card.id}: bottleneck ${i + 1}`, x.formula.expression);
    for (const f of b.capacity?.figures ?? []) check(`archetype ${b.card.id}: capacity ${f.id}`, f.expression);
  }
  for (const f of features)
    for (const x of f.capacity?.figures ?? []) check(`feature ${f.id}: capacity ${x.id}`, x.expression);
  return out;
}

/** What a rate's unit counts, as a label says it: "req/s" counts requests, "reads/s" reads, "writes/s" writes. */
const COUNTED: Readonly<Record<string, string>> = { reads: "reads", writes: "writes", req: "requests" };

/**
 * A rate figure's label says what it counts: a label naming reads, writes or requests names what its unit
 * counts ("peak reads" for requests_per_sec * peak_factor, which counts reads and writes, is a false label).
 */
export function countedLabelProblems(
  models: readonly {
    owner: string;
    capacity?: { figures: readonly { id: string; label: string; unit: string }[] };
  }[] = [
    ...ARCHETYPE_BUNDLES.map((b) => ({ owner: `archetype ${b.card.id}`, capacity: b.capacity })),
    ...FEATURES.map((f) => ({ owner: `feature ${f.id}`, capacity: f.capacity })),
  ],
): string[] {
  const out: string[] = [];
  for (const m of models)
    for (const f of m.capacity?.figures ?? []) {
      const counted = COUNTED[/^(\w+)\/s$/.exec(f.unit)?.[1] ?? ""];
      const said = /\b(reads|writes|requests)\b/.exec(f.label.toLowerCase())?.[1];
      if (counted && said && said !== counted)
        out.push(`${m.owner}: capacity ${f.id}: the label "${f.label}" says ${said}, but ${f.unit} counts ${counted}`);
    }
  return out;
}

/** Every `expression` string anywhere under a value (bottleneck formulas, capacity figures and derivations). */
function expressions(v: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(v)) for (const x of v) expressions(x, out);
  else if (v && typeof v === "object")
    for (const [k, x] of Object.entries(v)) {
      if (k === "expression" && typeof x === "string") out.add(x);
      else expressions(x, out);
    }
  return out;
}

/**
 * The formula notation parsed once, at build time: every formula the archetypes, capacity models and features
 * carry, by its source text, in sorted order. Formulas that do not parse are left out (the compile step reports
 * them); the engine parses anything missing on the spot.
 */
export function compileFormulas(archetypes: readonly Archetype[]): [string, Expr][] {
  const all = expressions(
    [archetypes, ARCHETYPE_BUNDLES.map((b) => b.capacity), FEATURES, STATED_USES.map((u) => u.model)],
    new Set(),
  );
  const out: [string, Expr][] = [];
  for (const src of [...all].sort()) {
    try {
      out.push([src, parseFormula(src)]);
    } catch {
      // Reported by entryProblems (archetypes) and the capacity tests.
    }
  }
  return out;
}
