/** The capacity model registry: one model per infra archetype, from its folder (product features carry their own). */
import { byArchetype } from "../archetypes/runtime.js";
import type { ArchetypeId } from "../schema.js";
import type { Topic } from "../topics.js";
import type { CapacityModel } from "./types.js";

export type { CapacityFigureSpec, CapacityInputSpec, CapacityKind, CapacityModel } from "./types.js";

/** Each archetype's capacity model (its folder's `capacity.ts`). */
export const ARCHETYPE_CAPACITY: Readonly<Record<ArchetypeId, CapacityModel>> = byArchetype((b) => b.capacity);

/** An archetype's capacity model, the variant for the first spoken subject it has one for (an order book's) when given. */
export function capacityModel(id: ArchetypeId, spoken?: readonly { value: Topic }[]): CapacityModel | undefined {
  const model = ARCHETYPE_CAPACITY[id];
  const variant = (spoken ?? []).map((t) => model?.topics?.[t.value]).find((m) => m !== undefined);
  return variant ?? model;
}
