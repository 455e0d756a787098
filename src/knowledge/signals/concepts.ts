import { byArchetype } from "../archetypes/runtime.js";
import type { ArchetypeId } from "../schema.js";

/**
 * Words typical of each archetype's problem (its folder's `concepts.ts`). One alone is weak evidence;
 * several together add up (noisy-OR), which lets a prompt worded in its own way still reach the right
 * archetype. They never count as a stated requirement, so they do not decide the branch or outrank a
 * named component.
 */
export const CONCEPT_WEIGHT = 0.4;

export const CONCEPT_WORDS: Readonly<Record<ArchetypeId, readonly string[]>> = byArchetype((b) => b.concepts);
