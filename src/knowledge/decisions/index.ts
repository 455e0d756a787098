/** The decision point registry: per infra archetype, from its folder (product features carry their own). */
import { byArchetype } from "../archetypes/runtime.js";
import { FEATURES } from "../features/index.js";
import type { ArchetypeId } from "../schema.js";
import type { DecisionCondition, DecisionPoint } from "./types.js";

export type { DecisionCondition, DecisionImplies, DecisionOptionSpec, DecisionPoint, DecisionRule } from "./types.js";

/** Each archetype's decision points (its folder's `decisions.ts`). */
export const ARCHETYPE_DECISIONS: Readonly<Record<ArchetypeId, DecisionPoint[]>> = byArchetype((b) => b.decisions);

export function decisionPoints(id: ArchetypeId): readonly DecisionPoint[] {
  return ARCHETYPE_DECISIONS[id] ?? [];
}

/** Every decision point, archetypes first then product features, by id. */
export const DECISION_BY_ID: ReadonlyMap<string, DecisionPoint> = new Map(
  [...Object.values(ARCHETYPE_DECISIONS).flat(), ...FEATURES.flatMap((f) => f.decisions ?? [])].map((d) => [d.id, d]),
);

/** Every condition a point's rules and win conditions test, each alternative of an `any` on its own. */
export function conditionsOf(p: Pick<DecisionPoint, "rules" | "options">): DecisionCondition[] {
  const flat = (c: DecisionCondition): DecisionCondition[] => ("any" in c ? c.any.flatMap(flat) : [c]);
  return [...p.rules.flatMap((r) => r.when), ...p.options.flatMap((x) => x.wins ?? [])].flatMap(flat);
}
