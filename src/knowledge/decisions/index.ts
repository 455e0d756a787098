/** The decision point registry: per infra archetype (product features carry their own). */
import { FEATURES } from "../features/index.js";
import type { ArchetypeId } from "../schema.js";
import { ARCHETYPE_DECISIONS } from "./points.js";
import type { DecisionPoint } from "./types.js";

export type { DecisionCondition, DecisionImplies, DecisionOptionSpec, DecisionPoint, DecisionRule } from "./types.js";

export function decisionPoints(id: ArchetypeId): readonly DecisionPoint[] {
  return ARCHETYPE_DECISIONS[id] ?? [];
}

/** Every decision point, archetypes first then product features, by id. */
export const DECISION_BY_ID: ReadonlyMap<string, DecisionPoint> = new Map(
  [...Object.values(ARCHETYPE_DECISIONS).flat(), ...FEATURES.flatMap((f) => f.decisions ?? [])].map((d) => [d.id, d]),
);

export { ARCHETYPE_DECISIONS };
