/** The mechsd library: recognition, the full design, and the knowledge base behind them. */
export { type Design, type DesignResult, deriveDesign, design, SCHEMA_VERSION } from "../engine/design/design.js";
export { OVERRIDE_KEYS } from "../engine/design/overrides.js";
export type { Fields, TraceEntry } from "../engine/design/types.js";
export { lookupArchetype, normaliseArchetypeId } from "../engine/lookup.js";
export { parseStatedNfrs } from "../engine/nfr-parse.js";
export { checkPrompt, MAX_PROMPT_CHARS } from "../engine/prompt.js";
export { parseProtocol } from "../engine/protocol.js";
export { type BranchKind, classify, type Recognition } from "../engine/recognize/index.js";
export { knowledgeProblems } from "../knowledge/compile.js";
export { ARCHETYPE_BY_ID, ARCHETYPES, MECHANISMS, QUANTITIES } from "../knowledge/index.js";
export type { Archetype, ArchetypeId, Mechanism } from "../knowledge/schema.js";
export { designBlocks } from "../render/design-doc.js";
export { toMarkdown, toTerminal } from "../render/doc.js";
