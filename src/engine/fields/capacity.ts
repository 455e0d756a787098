import { capacityModel } from "../../knowledge/capacity/index.js";
import { FEATURE_BY_ID } from "../../knowledge/features/index.js";
import { evaluateCapacity } from "../capacity.js";
import type { Deriver } from "../design/graph.js";
import type { CapacityRow } from "../design/types.js";
import { impliedCapacity } from "./decisions.js";

export const capacityField: Deriver<"capacity"> = {
  field: "capacity",
  category: "Derived",
  reads: ["nfrs", "branch", "archetypes", "features", "decisions"],
  rule: "each archetype's (and product feature's) capacity model evaluated with the prompt's numbers; an unstated input a chosen decision option fixes (a redundancy scheme's storage overhead) takes that value with the decision as its reason, and every other unstated input the archetype's typical value with why it is typical. A product-first design with features shows the features' models first and, of each archetype, its first hotspot and storage figures",
  derive: (f) => {
    const rows: CapacityRow[] = [];
    const seen = new Set<string>();
    const add = (list: CapacityRow[]) => {
      for (const r of list) {
        const key = `${r.archetype}:${r.id}`;
        if (!seen.has(key)) {
          seen.add(key);
          rows.push(r);
        }
      }
    };
    const featureLed = f.branch.kind === "product" && f.features.length > 0;
    const features = () => {
      for (const feat of f.features) {
        const model = FEATURE_BY_ID.get(feat.id)?.capacity;
        if (model) add(evaluateCapacity(model, feat.id, f.nfrs.scale, impliedCapacity(f.decisions, feat.id)));
      }
    };
    if (featureLed) features();
    f.archetypes.forEach((a, i) => {
      const model = capacityModel(a.id);
      if (!model) return;
      const all = evaluateCapacity(model, a.id, f.nfrs.scale, impliedCapacity(f.decisions, a.id));
      // The dominant archetype shows its whole model; a supporting one (and every one beside a
      // product's features) its first hotspot and storage figures.
      add(i === 0 && !featureLed ? all : all.filter((r) => r.kind === "hotspot" || r.kind === "storage").slice(0, 2));
    });
    if (!featureLed) features();
    return rows;
  },
};
