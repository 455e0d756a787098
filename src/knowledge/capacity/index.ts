/** The capacity model registry: one model per infra archetype (product features carry their own). */
import type { ArchetypeId } from "../schema.js";
import { ARCHETYPE_CAPACITY } from "./models.js";
import type { CapacityModel } from "./types.js";

export type { CapacityFigureSpec, CapacityInputSpec, CapacityKind, CapacityModel } from "./types.js";

export function capacityModel(id: ArchetypeId): CapacityModel | undefined {
  return ARCHETYPE_CAPACITY[id];
}

export { ARCHETYPE_CAPACITY };
