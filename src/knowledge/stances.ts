import { ARCHETYPES } from "./index.js";
import type { ArchetypeId, Stance } from "./schema.js";

/**
 * Per archetype: the NFR stance a design takes when the prompt is silent, and the scopes at which
 * ordering, exclusivity and coordination hold (each entry's `stance`). A stated NFR always wins over these.
 */
export const STANCES: Readonly<Record<ArchetypeId, Stance>> = Object.fromEntries(
  ARCHETYPES.map((a) => [a.id, a.stance]),
) as Record<ArchetypeId, Stance>;
