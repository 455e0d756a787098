import { FEATURE_BY_ID } from "../../knowledge/features/index.js";
import type { ArchetypeId } from "../../knowledge/schema.js";
import { STANCES } from "../../knowledge/stances.js";
import type { Deriver } from "../design/graph.js";
import type { PrimaryStateRow } from "../design/types.js";
import { archetype } from "./common.js";

export const primaryStateField: Deriver<"primaryState"> = {
  field: "primaryState",
  category: "Derived",
  reads: ["branch", "features", "operations", "archetypes", "criticalPaths"],
  rule: "keep only the source-of-truth entities of archetypes that own a critical path: the smallest state that must be authoritative. A product-first design names first the product's own records its critical actions write (a ticket hold, a message), kept by the feature's state owner, then the substrate's records that carry them",
  derive: (f) => {
    const out: PrimaryStateRow[] = [];
    if (f.branch.kind === "product") {
      for (const op of f.operations) {
        if (!op.critical || !op.feature || out.some((r) => r.entity === op.entity)) continue;
        const row = f.features.find((x) => x.id === op.feature);
        const feature = FEATURE_BY_ID.get(op.feature);
        if (!row || !feature) continue;
        const owner = feature.topology.components.find((c) => c.id === feature.topology.stateOwner);
        const stance = STANCES[op.archetype as ArchetypeId];
        out.push({
          entity: op.entity,
          description: row.entities.find((e) => e.name === op.entity)?.description ?? `what '${op.phrase}' writes`,
          authority: owner?.name ?? feature.name,
          scope: stance.scopes.coordination.scope,
          archetype: op.archetype,
          because: `'${op.phrase}' is a critical action of ${feature.name} and writes it; ${op.archetype} carries its correctness (${stance.scopes.coordination.why})`,
        });
      }
    }
    const owners = new Set(f.criticalPaths.map((p) => p.archetype));
    const lead = f.archetypes[0];
    if (lead) owners.add(lead.id);
    for (const ra of f.archetypes) {
      if (!owners.has(ra.id)) continue;
      const a = archetype(ra.id);
      const stance = STANCES[a.id];
      for (const e of a.entities.filter((x) => x.truth)) {
        if (out.some((r) => r.entity === e.name)) continue;
        out.push({
          entity: e.name,
          description: e.description,
          authority: a.silhouette.storage,
          scope: stance.scopes.coordination.scope,
          archetype: a.id,
          because: `${e.name} is ${a.id}'s source of truth; ${stance.scopes.coordination.why}`,
        });
      }
    }
    return out;
  },
};
