import { ARCHETYPE_ENTRIES } from "./archetypes/index.js";
import { MECHANISMS } from "./mechanisms/index.js";
import { QUANTITIES } from "./quantities.js";
import { ARCHETYPE_IDS, Archetype, type ArchetypeId } from "./schema.js";
import { crossEntryProblems, entryProblems } from "./validate.js";

export const KNOWN_IDS = {
  mechanisms: new Set(MECHANISMS.map((m) => m.id)),
  quantities: new Set(QUANTITIES.map((q) => q.id)),
  archetypes: new Set<string>(ARCHETYPE_IDS),
};

/** All archetypes, parsed (defaults applied) in id order. */
export const ARCHETYPES: readonly Archetype[] = ARCHETYPE_ENTRIES.map((e) => Archetype.parse(e));

export const ARCHETYPE_BY_ID: ReadonlyMap<ArchetypeId, Archetype> = new Map(ARCHETYPES.map((a) => [a.id, a]));

/** Every problem in the knowledge base; the tests require this to be empty. */
export function knowledgeProblems(): string[] {
  return [...ARCHETYPE_ENTRIES.flatMap((e) => entryProblems(e, KNOWN_IDS)), ...crossEntryProblems(ARCHETYPES)];
}

export { MECHANISM_BY_ID, MECHANISMS } from "./mechanisms/index.js";
export { QUANTITIES } from "./quantities.js";
export * from "./schema.js";
