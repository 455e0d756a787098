import type { CapacityModel } from "../capacity/types.js";
import type { DecisionPoint } from "../decisions/types.js";
import type { ArchetypeInput } from "../schema.js";
import type { Topology } from "../topology.js";

/**
 * One archetype, whole: everything the knowledge base knows about it lives in its folder
 * (`archetypes/<id>/`) and is handed to the registry (`registry.ts`) as this one bundle. The
 * per-archetype tables (the compiled entries and id union, ARCHITECTURE, ARCHETYPE_CAPACITY,
 * ARCHETYPE_DECISIONS, CONCEPT_WORDS, STANCES) are all derived from the registry's bundles.
 */
export interface ArchetypeBundle {
  /** The card: summary, roles, recognition signals, entities, paths, invariants, failures, stance, … (schema.ts). */
  card: ArchetypeInput;
  /** The component topology, with the card's protocols bound to its components. */
  topology: Topology;
  /** The capacity model: typical inputs and the figures every design of it shows. */
  capacity: CapacityModel;
  /** The decision points a design of it argues. */
  decisions: DecisionPoint[];
  /** Words typical of its problem (weak recognition evidence; see signals/concepts.ts). */
  concepts: readonly string[];
}

/** Types an archetype folder's parts as one bundle; the knowledge compile step checks its contents. */
export function defineArchetype(bundle: ArchetypeBundle): ArchetypeBundle {
  return bundle;
}

/** The parts of a bundle the engine reads at run time; the card reaches it compiled (generated/archetypes.ts). */
export type ArchetypeParts = Omit<ArchetypeBundle, "card">;
