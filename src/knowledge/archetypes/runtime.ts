import { ARCHETYPE_PARTS } from "../generated/parts.js";
import type { ArchetypeId } from "../schema.js";
import type { ArchetypeParts } from "./define.js";

/**
 * A per-archetype table for the engine: one part of each registered folder, keyed by id in id order. It reads
 * the generated run-time registry (generated/parts.ts, written by `npm run kb` from registry.ts), so the raw
 * cards, which reach the engine compiled, are never loaded at run time.
 */
export function byArchetype<T>(part: (p: ArchetypeParts) => T): Readonly<Record<ArchetypeId, T>> {
  return Object.fromEntries(Object.entries(ARCHETYPE_PARTS).map(([id, p]) => [id, part(p)])) as Record<ArchetypeId, T>;
}
