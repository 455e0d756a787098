/**
 * Archetype ids the engine falls back on, as knowledge rather than literals in code: a new or renamed
 * archetype changes them here, and the id union makes a dangling one fail to compile.
 */
import type { ArchetypeId } from "./vocab.js";

/**
 * The archetype a design leans on when recognition names none (a pure product prompt): key-scoped mutable
 * state, because every product keeps per-user or per-object records before anything else.
 */
export const FALLBACK_ARCHETYPE: ArchetypeId = "I16";

/**
 * The archetype that owns stored future actions released at a due time. When a prompt states a time trigger
 * ("remind me at…", "every night") without it, the design still adds a due-time requirement.
 */
export const DUE_TIME_ARCHETYPE: ArchetypeId = "I03";
