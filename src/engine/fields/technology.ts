import type { NfrTag } from "../../knowledge/schema.js";
import type { Deriver } from "../design/graph.js";
import type { Nfrs, TechnologyRow } from "../design/types.js";
import { featureLed, featureTechnology } from "../product/index.js";
import { type ReferenceFacts, referenceFacts, referenceVerdict, unaskedBuildingBlock } from "../references.js";
import { compareText } from "../text.js";
import { archetype } from "./common.js";
import { preferTechnology } from "./decisions.js";

/** The NFR tags a design asks of its products, each with the reason it is asked. */
export function wantedTags(n: Nfrs, mechanismIds: ReadonlySet<string>): Map<NfrTag, string> {
  const want = new Map<NfrTag, string>();
  const c = n.consistency.value;
  want.set(c, `consistency ${c}`);
  want.set(n.delivery.value, `delivery ${n.delivery.value}`);
  want.set(n.availability.value, `stance ${n.availability.value}`);
  if (n.durability.value === "durable") want.set("durable", "durable state");
  if (n.ordering.value !== "none") want.set("ordering", `ordering ${n.ordering.value}`);
  if (n.regions.value > 1) want.set("multi-region", `${n.regions.value} regions`);
  if (n.latency.length > 0) want.set("low-latency", `latency target ${n.latency[0]?.quote}`);
  const big = Object.entries(n.scale).find(([k, v]) => k.endsWith("_per_sec") && v.value >= 10000);
  if (big) want.set("high-throughput", `'${big[1].quote}'`);
  if (mechanismIds.has("consensus-replication")) want.set("small-metadata", "consensus-held state stays small");
  return want;
}

export const technologyField: Deriver<"technology", ReferenceFacts> = {
  field: "technology",
  category: "Chosen",
  reads: [
    "prompt",
    "archetypes",
    "baseMechanisms",
    "companions",
    "nfrs",
    "decisions",
    "branch",
    "features",
    "criticalPaths",
  ],
  rule: "a product-first design takes each layer from its features' products, falling back to the lead archetype only when no feature names a product; otherwise recall the dominant archetype's silhouette (storage, coordination, serving), then rank products of that shape (leaving out one that stands in for a mechanism the design builds itself: no workflow engine beside a hand-built outbox) by how many wanted NFRs they suit minus how many they are poor at, a chosen decision's preferred products leading their layer; a product the prompt asks to build is shown as the reference design, never as a choice, parts for building an archetype appear only when the prompt asks to build it, and a product is never both chosen and avoided",
  // all the technology reads of the prompt: the systems it names and the archetypes it asks to build
  facts: (f) => referenceFacts(f.prompt),
  derive: (f, _input, asked) => {
    const lead = f.archetypes[0];
    if (!lead) return [];
    const a = archetype(lead.id);
    const ids = new Set([...f.baseMechanisms, ...f.companions].map((m) => m.id));
    const want = wantedTags(f.nfrs, ids);
    const inDesign = f.archetypes.map((x) => x.id);
    const own = featureLed(f.branch.kind, f.features)
      ? featureTechnology(f.features, (p) => !unaskedBuildingBlock(p, asked) && !referenceVerdict(p, asked, inDesign))
      : [];
    // A feature-led design names products only for the layers its features need; the lead archetype's
    // silhouette (a lock service for a hotel) fills in only when no feature names any product.
    const substrateCounts = own.length === 0;
    const rows: TechnologyRow[] = [];
    for (const layer of ["storage", "coordination", "serving"] as const) {
      const mine = own.find((r) => r.layer === layer);
      if (mine) {
        rows.push(mine);
        continue;
      }
      if (!substrateCounts) continue;
      const references: NonNullable<TechnologyRow["references"]> = [];
      const scored = a.technologies
        .filter((t) => t.layer === layer && !unaskedBuildingBlock(t.product, asked))
        // a product standing in for a mechanism this design builds itself would contradict it
        .filter((t) => !t.instead?.some((m) => ids.has(m)))
        .filter((t) => {
          const ref = referenceVerdict(t.product, asked, inDesign);
          if (ref) references.push({ product: t.product, why: ref.why });
          return !ref;
        })
        .map((t) => {
          const good = t.suits.filter((s) => want.has(s));
          const bad = t.poorFor.filter((s) => want.has(s));
          return { t, good, bad, score: good.length - bad.length };
        })
        .sort((x, y) => y.score - x.score || compareText(x.t.product, y.t.product));
      const picked = scored.filter((s) => s.score >= 0).slice(0, 2);
      const choices = picked.map((s) => ({
        product: s.t.product,
        fits: s.t.fits,
        why:
          s.good.length > 0
            ? `suits ${s.good.map((g) => `${g} (${want.get(g)})`).join(", ")}`
            : "fits the shape; no stated NFR argues against it",
      }));
      const row: TechnologyRow = { layer, shape: a.silhouette[layer], archetype: a.id, choices };
      if (references.length > 0) row.references = references;
      // Only a product left out of the choices can be the one to avoid.
      const worst = [...scored].reverse().find((s) => s.bad.length > 0 && !picked.includes(s));
      if (worst)
        row.avoid = {
          product: worst.t.product,
          why: `tempting, but poor for ${worst.bad.map((b) => `${b} (${want.get(b)})`).join(", ")}; ${worst.t.caveat}`,
        };
      if (choices.length > 0 || row.avoid || row.references) rows.push(row);
    }
    // No product is both chosen in one layer and avoided in another.
    const chosen = new Set(rows.flatMap((r) => r.choices.map((c) => c.product.toLowerCase())));
    for (const r of rows) if (r.avoid && chosen.has(r.avoid.product.toLowerCase())) delete r.avoid;
    // Hook (numbers helper): a chosen decision's preferred products lead their layer.
    return preferTechnology(rows, f.decisions);
  },
};
