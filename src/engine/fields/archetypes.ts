import { coverageOf, variantOf } from "../../knowledge/covers.js";
import { asksForMachinery, FEATURE_BY_ID } from "../../knowledge/features/index.js";
import { ARCHETYPE_BY_ID } from "../../knowledge/index.js";
import type { ArchetypeId } from "../../knowledge/schema.js";
import { designTopicsUnspoken } from "../../knowledge/topics.js";
import type { Deriver } from "../design/graph.js";
import type { Fields } from "../design/types.js";
import { fillTerms } from "../product/index.js";
import { classify } from "../recognize/index.js";

const MAX_ARCHETYPES = 5;

/**
 * A product-first design's substrates in the order its features' critical actions need them (the
 * seat hold's lease before the search index), each carrying the action that makes it critical;
 * a critical substrate the recogniser did not rank is added. Others keep their order after them.
 */
function byCriticalActions(recognised: Fields["archetypes"], features: Fields["features"]): Fields["archetypes"] {
  const critical: { id: ArchetypeId; why: string }[] = [];
  for (const row of features) {
    const feature = FEATURE_BY_ID.get(row.id);
    for (const a of feature?.actions ?? []) {
      if (!a.critical || critical.some((c) => c.id === a.substrate)) continue;
      critical.push({
        id: a.substrate,
        why: `${feature?.name}: a critical action ('${a.action.replace(/[{}]/g, "")}') rests on it`,
      });
    }
  }
  if (critical.length === 0) return recognised;
  const top = Math.max(0, ...recognised.map((a) => a.score));
  const lead = critical.flatMap((c) => {
    const have = recognised.find((a) => a.id === c.id);
    if (have) return [{ ...have, evidence: [c.why, ...have.evidence] }];
    const entry = ARCHETYPE_BY_ID.get(c.id);
    return entry ? [{ id: c.id, name: entry.name, role: "substrate" as const, score: top, evidence: [c.why] }] : [];
  });
  const rest = recognised.filter((a) => !critical.some((c) => c.id === a.id));
  return [...lead, ...rest].slice(0, Math.max(MAX_ARCHETYPES, lead.length));
}

/**
 * An archetype-led design without the supporting archetypes whose role the dominant's own variant plays
 * (`knowledge/covers.ts`): each is named on the dominant's row with the part that covers it, and adds no
 * components, paths, invariants, numbers or decisions of its own.
 */
function withoutCovered(archetypes: Fields["archetypes"], prompt: string): Fields["archetypes"] {
  const [first, ...rest] = archetypes;
  if (first === undefined || first.role !== "dominant") return archetypes;
  const unspoken = designTopicsUnspoken(prompt, []);
  const v = variantOf(first.id, unspoken);
  const lead = v
    ? {
        ...first,
        variant: { topic: v.topic, subject: v.subject, summary: [...v.summary], absorbs: [...v.absorbs] },
      }
    : first;
  if (rest.length === 0) return v ? [lead] : archetypes;
  const covers: NonNullable<Fields["archetypes"][number]["covers"]> = [];
  const kept = rest.filter((a) => {
    const c = coverageOf(lead.id, a.id, unspoken, prompt);
    if (!c) return true;
    covers.push({ id: a.id, name: a.name, role: a.role, score: a.score, evidence: a.evidence, because: c.because });
    return false;
  });
  if (covers.length === 0) return v ? [lead, ...rest] : archetypes;
  return [{ ...lead, covers }, ...kept];
}

/**
 * The recognised archetypes without a supporting one a design's feature carries itself (`carries`: who is in a
 * document lives in its session's memory, so no consensus registry of presence is drawn beside it), unless it
 * leads the design or another feature rests on it.
 */
function withoutCarried(recognised: Fields["archetypes"], features: Fields["features"]): Fields["archetypes"] {
  const rests = new Set(features.flatMap((row) => row.substrates.map((s) => s.id)));
  const carried = new Map(
    features.flatMap((row) => {
      const feature = FEATURE_BY_ID.get(row.id);
      return (feature?.carries ?? []).map((c) => [c.id as string, `${feature?.name}: ${c.why}`] as const);
    }),
  );
  if (carried.size === 0) return recognised;
  const gone = recognised.filter((a, i) => i > 0 && a.role !== "dominant" && carried.has(a.id) && !rests.has(a.id));
  const [lead, ...rest] = recognised;
  if (gone.length === 0 || !lead) return recognised;
  const why = gone.map((a) => `${a.id} ${a.name} is not drawn: ${carried.get(a.id)}`);
  return [{ ...lead, evidence: [...lead.evidence, ...why] }, ...rest.filter((a) => !gone.includes(a))];
}

/**
 * A mixed design whose dominant archetype came from a demand ("never double-books") that a recognised feature's own
 * record already enforces in the system of record (`realizes`: room-night counts changed in one transaction): the
 * feature leads, composed as a product design, and the dominant row stays as the archetype that record realizes,
 * in the role the feature gives it; unless the prompt asks for the archetype's own machinery (a lock, a lease).
 */
function realizedByFeature(
  recognised: Fields["archetypes"],
  features: Fields["features"],
  prompt: string,
): Fields["archetypes"] | undefined {
  const [lead, ...rest] = recognised;
  if (lead?.role !== "dominant") return undefined;
  for (const row of features) {
    const feature = FEATURE_BY_ID.get(row.id);
    const r = feature?.realizes?.find((x) => x.id === lead.id);
    if (!feature || !r || asksForMachinery(r, prompt)) continue;
    const entity = fillTerms(r.entity, row.terms);
    const because = fillTerms(r.why, row.terms);
    const realizes = {
      id: lead.id,
      name: lead.name,
      evidence: lead.evidence,
      feature: row.id,
      featureName: row.name,
      entity,
      demand: fillTerms(r.demand, row.terms),
      because,
    };
    // it stays, in the role the feature gives it, only where a critical action rests on it (a seat hold)
    const critical = features.some((x) =>
      FEATURE_BY_ID.get(x.id)?.actions.some((a) => a.critical && a.substrate === lead.id),
    );
    const role = feature.substrates.find((s) => s.id === lead.id)?.role ?? "substrate";
    const kept = critical ? [{ ...lead, role }, ...rest] : rest;
    const [first, ...others] = byCriticalActions(kept, features);
    if (!first) return undefined;
    return [
      {
        ...first,
        evidence: [...first.evidence, `${lead.id} ${lead.name} is realized by ${row.name}'s ${entity}: ${because}`],
        realizes,
      },
      ...others,
    ];
  }
  return undefined;
}

export const archetypesField: Deriver<"archetypes"> = {
  field: "archetypes",
  category: "Classified",
  reads: ["prompt", "branch", "features"],
  rule: "the archetype with the strongest signals dominates; others join with the role their knowledge-base connection gives (input, output, decorator, substrate), except one whose role the dominant's own variant already plays (a work queue's visibility timeout is the per-message lease), which is named on the dominant's row with the part that covers it and adds nothing else, and a supporting one whose concern a design's feature keeps in its own components and no feature rests on (a document's presence in its session's memory, not a registry). A product-first design orders its substrates by the features' critical actions that rest on them; so does a mixed design whose dominant archetype came from a demand that a recognised feature's own record enforces in the system of record (a feature's `realizes`: room-night counts changed in one transaction keep a room from being booked twice), unless the prompt asks for that archetype's own machinery (a lock, a lease): the dominant archetype stays, in the role the feature gives it, only where a critical action rests on it, the first row names it (`realizes`) with that record, and the design is composed as a product design",
  derive: (f) => {
    const recognised = withoutCarried(classify(f.prompt, { branch: f.branch.kind }).archetypes, f.features);
    if (f.branch.kind === "product" && f.features.length > 0) return byCriticalActions(recognised, f.features);
    const realized = f.branch.kind === "mixed" ? realizedByFeature(recognised, f.features, f.prompt) : undefined;
    return realized ?? withoutCovered(recognised, f.prompt);
  },
};
