/** The mechsd library: knowledge base, lookup and (as they land) recognition and design. */
export { lookupArchetype, normaliseArchetypeId } from "../engine/lookup.js";
export { parseProtocol } from "../engine/protocol.js";
export { ARCHETYPE_BY_ID, ARCHETYPES, knowledgeProblems, MECHANISMS, QUANTITIES } from "../knowledge/index.js";
export type { Archetype, ArchetypeId, Mechanism } from "../knowledge/schema.js";
