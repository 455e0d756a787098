/** The capacity model registry: one model per infra archetype, from its folder (product features carry their own). */
import { byArchetype } from "../archetypes/runtime.js";
import type { ArchetypeId } from "../schema.js";
import type { CapacityModel } from "./types.js";

export type { CapacityFigureSpec, CapacityInputSpec, CapacityKind, CapacityModel } from "./types.js";

/** Each archetype's capacity model (its folder's `capacity.ts`). */
export const ARCHETYPE_CAPACITY: Readonly<Record<ArchetypeId, CapacityModel>> = byArchetype((b) => b.capacity);

export function capacityModel(id: ArchetypeId): CapacityModel | undefined {
  return ARCHETYPE_CAPACITY[id];
}
