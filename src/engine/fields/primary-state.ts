import { STANCES } from "../../knowledge/stances.js";
import type { Deriver } from "../design/graph.js";
import type { PrimaryStateRow } from "../design/types.js";
import { archetype } from "./common.js";

export const primaryStateField: Deriver<"primaryState"> = {
  field: "primaryState",
  category: "Derived",
  reads: ["archetypes", "criticalPaths"],
  rule: "keep only the source-of-truth entities of archetypes that own a critical path: the smallest state that must be authoritative",
  derive: (f) => {
    const owners = new Set(f.criticalPaths.map((p) => p.archetype));
    const lead = f.archetypes[0];
    if (lead) owners.add(lead.id);
    const out: PrimaryStateRow[] = [];
    for (const ra of f.archetypes) {
      if (!owners.has(ra.id)) continue;
      const a = archetype(ra.id);
      const stance = STANCES[a.id];
      for (const e of a.entities.filter((x) => x.truth)) {
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
