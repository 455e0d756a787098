import { FEATURE_BY_ID, type FeatureEntry } from "../../knowledge/features/index.js";
import type { ArchetypeId } from "../../knowledge/schema.js";
import { fitsTopics, type Topic } from "../../knowledge/topics.js";
import type {
  CriticalPath,
  DesignArchetype,
  FailureRow,
  FeatureRow,
  InvariantRow,
  OperationRow,
  TechnologyRow,
} from "../design/types.js";
import { fillTerms } from "./terms.js";

/**
 * The correctness rows a product design's features declare (invariants, failures, technology),
 * in the product's nouns. A product-first design leads with them; the substrate archetypes keep
 * only the rows that protect a critical action.
 */

interface Recognized {
  row: FeatureRow;
  entry: FeatureEntry;
}

function recognized(features: readonly FeatureRow[]): Recognized[] {
  return features.flatMap((row) => {
    const entry = FEATURE_BY_ID.get(row.id);
    return entry ? [{ row, entry }] : [];
  });
}

/**
 * A design is feature-led when it is product-first and recognised product features, or when a feature's own record
 * realizes the archetype a demand made dominant (`realizes` on the first row: a hotel's room-night counts,
 * not a lease service, keep a room from being booked twice).
 */
export const featureLed = (
  kind: string,
  features: readonly FeatureRow[],
  archetypes: readonly Pick<DesignArchetype, "realizes">[],
): boolean => features.length > 0 && (kind === "product" || realizedLead(archetypes));

/** Whether a feature's record realizes the archetype a demand made dominant, so the feature leads the design. */
export const realizedLead = (archetypes: readonly Pick<DesignArchetype, "realizes">[]): boolean =>
  archetypes[0]?.realizes !== undefined;

/** The branch kind a design is composed by: a mixed design a feature's record realizes is composed as a product. */
export const composedKind = <K extends string>(
  kind: K,
  archetypes: readonly Pick<DesignArchetype, "realizes">[],
): K | "product" => (realizedLead(archetypes) ? "product" : kind);

/** The archetype a feature's correctness rests on: its first critical action's substrate, else its first substrate. */
function homeArchetype(entry: FeatureEntry): ArchetypeId {
  const critical = entry.actions.find((a) => a.critical);
  const sub = entry.substrates.find((s) => s.role === "substrate") ?? entry.substrates[0];
  return critical?.substrate ?? sub?.id ?? entry.actions[0]?.substrate ?? "I16";
}

/** The archetypes whose paths carry a critical action: the only substrates whose own rows a feature-led design keeps. */
export const criticalArchetypes = (paths: readonly CriticalPath[]): Set<ArchetypeId> =>
  new Set(paths.map((p) => p.archetype));

/**
 * Each feature invariant whose action is an operation on a critical path, on that path, with the
 * archetype that carries the action.
 */
export function featureInvariants(
  features: readonly FeatureRow[],
  operations: readonly OperationRow[],
  paths: readonly CriticalPath[],
  unspoken: readonly Topic[] = [],
): InvariantRow[] {
  const out: InvariantRow[] = [];
  const byPhrase = new Map(operations.map((o) => [o.phrase, o]));
  for (const { row, entry } of recognized(features)) {
    for (const inv of (entry.invariants ?? []).filter((x) => fitsTopics(x, unspoken))) {
      const phrase = fillTerms(inv.action, row.terms);
      const path = paths.find((p) => p.operations.includes(phrase));
      const op = byPhrase.get(phrase);
      if (!path || !op) continue;
      out.push({
        path: path.name,
        statement: fillTerms(inv.statement, row.terms),
        archetype: op.archetype,
        because: `the ${entry.name.toLowerCase()} feature states it for '${phrase}', which writes ${op.entity}`,
        ...(inv.keptBy ? { keptBy: inv.keptBy } : {}),
      });
    }
  }
  return out;
}

/**
 * The features' failure rows, in feature order: a row about a subject the prompt does not speak of (a crowd at an
 * on-sale beside a shop reserving stock) is left out with the parts it names.
 */
export function featureFailures(features: readonly FeatureRow[], unspoken: readonly Topic[] = []): FailureRow[] {
  return recognized(features).flatMap(({ row, entry }) =>
    (entry.failures ?? [])
      .filter((x) => fitsTopics(x, unspoken))
      .map((x) => ({
        failure: fillTerms(x.failure, row.terms),
        prevention: fillTerms(x.prevention, row.terms),
        repair: fillTerms(x.repair, row.terms),
        role: x.role,
        archetype: homeArchetype(entry),
        source: `${entry.name.toLowerCase()} failure modes`,
      })),
  );
}

const MAX_CHOICES = 3;

/**
 * One row per layer from the features' technology: the fitting products in feature order (at
 * most three), and the first tempting product no feature chose as the one to avoid. `keep` drops
 * products the prompt asks to build or did not ask for as parts; one tied to a decision's option only where it was chosen.
 */
/**
 * The products a feature offers only under one option of a decision that was chosen (a feed's wide-column table when
 * durable storage was picked): the decision weighed them, so a later requirement check keeps them.
 */
export function decidedFeatureProducts(
  features: readonly FeatureRow[],
  chosenOf: (decision: string) => string | undefined,
): Set<string> {
  return new Set(
    recognized(features).flatMap(({ entry }) =>
      (entry.technology ?? [])
        .filter((t) => t.chosen !== undefined && chosenOf(t.chosen.decision) === t.chosen.option)
        .map((t) => t.product),
    ),
  );
}

export function featureTechnology(
  features: readonly FeatureRow[],
  keepProduct: (product: string) => boolean,
  chosenOf: (decision: string) => string | undefined = () => undefined,
  unspoken: readonly Topic[] = [],
): TechnologyRow[] {
  // a product is asked about once per layer and once overall: answer each once
  const kept = new Map<string, boolean>();
  const keep = (product: string) => {
    let k = kept.get(product);
    if (k === undefined) {
      k = keepProduct(product);
      kept.set(product, k);
    }
    return k;
  };
  const rows: TechnologyRow[] = [];
  // a product tied to one option of a decision is offered only where that option was chosen
  const all = recognized(features).flatMap(({ row, entry }) =>
    (entry.technology ?? [])
      .filter((t) => (!t.chosen || chosenOf(t.chosen.decision) === t.chosen.option) && fitsTopics(t, unspoken))
      .map((t) => ({ t, row, entry })),
  );
  const chosenAnywhere = new Set(all.filter((x) => !x.t.poorFor && keep(x.t.product)).map((x) => x.t.product));
  for (const layer of ["storage", "coordination", "serving"] as const) {
    const here = all.filter((x) => x.t.layer === layer && keep(x.t.product));
    const choices: TechnologyRow["choices"] = [];
    const owners: string[] = [];
    for (const x of here) {
      if (x.t.poorFor || choices.length >= MAX_CHOICES || choices.some((c) => c.product === x.t.product)) continue;
      choices.push({
        product: x.t.product,
        fits: fillTerms(x.t.fits, x.row.terms),
        why: `fits the ${x.entry.name.toLowerCase()} feature`,
      });
      if (!owners.includes(x.entry.name.toLowerCase())) owners.push(x.entry.name.toLowerCase());
    }
    const bad = here.find((x) => x.t.poorFor && !chosenAnywhere.has(x.t.product));
    if (choices.length === 0 && !bad) continue;
    const lead = here.find((x) => !x.t.poorFor) ?? here[0];
    const row: TechnologyRow = {
      layer,
      shape: `what the ${(owners.length > 0 ? owners : [bad?.entry.name.toLowerCase() ?? "product"]).join(" and ")} ${owners.length > 1 ? "features need" : "feature needs"}`,
      archetype: lead ? homeArchetype(lead.entry) : "I16",
      choices,
    };
    if (bad)
      row.avoid = {
        product: bad.t.product,
        why: `tempting, but ${fillTerms(bad.t.poorFor ?? "", bad.row.terms)}`,
      };
    rows.push(row);
  }
  return rows;
}

/** A feature's heaviest load as a bottleneck, in the product's nouns, with the capacity figure that measures it. */
export interface FeatureHotspotRow {
  feature: string;
  figure: string;
  bottleneck: string;
  mitigation: string;
  archetype: ArchetypeId;
}

/**
 * The features' hotspots, in feature order: each feature's own first, then the others it names for a design that
 * does not size the first's figure (the reader keeps one per feature, the first whose figure is sized).
 */
export function featureHotspots(features: readonly FeatureRow[], unspoken: readonly Topic[] = []): FeatureHotspotRow[] {
  return recognized(features).flatMap(({ row, entry }) =>
    [...(entry.hotspot ? [entry.hotspot] : []), ...(entry.otherHotspots ?? [])]
      .filter((h) => fitsTopics(h, unspoken))
      .map((h) => ({
        feature: entry.id,
        figure: h.figure,
        bottleneck: fillTerms(h.bottleneck, row.terms),
        mitigation: fillTerms(h.mitigation, row.terms),
        archetype: h.archetype ?? homeArchetype(entry),
      })),
  );
}
