import { FEATURE_BY_ID } from "../../knowledge/features/index.js";
import type { Scope } from "../../knowledge/schema.js";
import { scopesOf, writtenBy } from "../../knowledge/stances.js";
import type { Deriver } from "../design/graph.js";
import type { Fields, ScopeRow } from "../design/types.js";
import { fillTerms } from "../product/index.js";

/**
 * The scopes a design's feature gives the archetype that leads it (a chat's order per conversation, not a log's
 * per partition), in the feature's terms; undefined where no feature of the design gives its own.
 */
function featureScopes(id: string, features: Fields["features"]) {
  for (const row of features) {
    const own = FEATURE_BY_ID.get(row.id)?.substrates.find((s) => s.id === id)?.scopes;
    if (!own) continue;
    const fill = (r: { scope: Scope; why: string }) => ({ scope: r.scope, why: fillTerms(r.why, row.terms) });
    return { ordering: fill(own.ordering), exclusivity: fill(own.exclusivity), coordination: fill(own.coordination) };
  }
  return undefined;
}

const ORDERING_SCOPE: Record<string, Scope> = {
  none: "none",
  "per-key": "key",
  "per-partition": "partition",
  global: "global",
};

export const scopesField: Deriver<"scopes"> = {
  field: "scopes",
  category: "Classified",
  reads: ["operations", "archetypes", "nfrs", "features"],
  rule: "ordering, exclusivity and coordination each hold at the narrowest scope the archetype allows (key, partition, shard, replica group, global), or the one its card gives for a subject the design speaks of (a file-sync product's commits are ordered by its namespace journal), or the one a design's feature gives the archetype in its own records (a chat's order per conversation, kept by its owner), or, where the card's reason speaks of records the operations do not write, the card's alternative (an object store's immutable versions, not a writer lease); a stated ordering NFR sets the ordering scope",
  derive: (f) => {
    const lead = f.archetypes[0];
    if (!lead) return [];
    const stance = {
      scopes:
        featureScopes(lead.realizes?.id ?? lead.id, f.features) ??
        scopesOf(lead.id, f.nfrs.topics, writtenBy(lead.id, f.operations)),
    };
    const ordering: ScopeRow =
      f.nfrs.ordering.source === "default"
        ? { concern: "ordering", ...stance.scopes.ordering, archetype: lead.id }
        : {
            concern: "ordering",
            scope: ORDERING_SCOPE[f.nfrs.ordering.value] ?? "key",
            why: `${f.nfrs.ordering.because}, so order is kept ${f.nfrs.ordering.value === "none" ? "nowhere" : `at ${ORDERING_SCOPE[f.nfrs.ordering.value]} scope`}`,
            archetype: lead.id,
          };
    const rows: ScopeRow[] = [
      ordering,
      { concern: "exclusivity", ...stance.scopes.exclusivity, archetype: lead.id },
      { concern: "coordination", ...stance.scopes.coordination, archetype: lead.id },
    ];
    // A supporting archetype with a critical write adds its own exclusivity scope (a lease inside a queue, say).
    for (const ra of f.archetypes.slice(1)) {
      const critical = f.operations.some((o) => o.archetype === ra.id && o.critical);
      const ex = scopesOf(ra.id, f.nfrs.topics, writtenBy(ra.id, f.operations)).exclusivity;
      if (critical && ex.scope !== "none") rows.push({ concern: "exclusivity", ...ex, archetype: ra.id });
    }
    return rows;
  },
};
