/** The mechsd library: recognition, the full design, and the knowledge base behind them. */
export { COHERENCE_RULES, type CoherenceRule, checkCoherence, type Problem } from "../engine/coherence.js";

import { deriveDesign as deriveEngineDesign } from "../engine/design/design.js";
import { type ScriptedDesign, withScript } from "../render/script/index.js";

export { SCHEMA_VERSION } from "../engine/design/design.js";

/** The Design contract as the library hands it out: the derived design with its spoken script attached. */
export type Design = ScriptedDesign;
export type DesignResult = { ok: true; design: Design } | { ok: false; error: string };

/** Derives the complete, explained design for a prompt (with its script); overrides are `key=value` strings. */
export function deriveDesign(prompt: string, overrides: readonly string[] = []): DesignResult {
  const r = deriveEngineDesign(prompt, overrides);
  return r.ok ? { ok: true, design: withScript(r.design) } : r;
}

/** Returns the Design or throws an Error whose message says what is wrong. */
export function design(prompt: string, overrides: readonly string[] = []): Design {
  const r = deriveDesign(prompt, overrides);
  if (!r.ok) throw new Error(r.error);
  return r.design;
}

export { OVERRIDE_KEYS } from "../engine/design/overrides.js";
export type { Fields, TraceEntry } from "../engine/design/types.js";
export { lookupArchetype, normaliseArchetypeId } from "../engine/lookup.js";
export { parseStatedNfrs } from "../engine/nfr-parse.js";
export { checkPrompt, MAX_PROMPT_CHARS } from "../engine/prompt.js";
export { type BranchKind, classify, type Recognition } from "../engine/recognize/index.js";
export { knowledgeProblems } from "../knowledge/compile.js";
export { ARCHETYPE_BY_ID, ARCHETYPES, MECHANISMS, QUANTITIES } from "../knowledge/index.js";
export { parseProtocol } from "../knowledge/notation/protocol.js";
export type { Archetype, ArchetypeId, Mechanism } from "../knowledge/schema.js";
export { designBlocks } from "../render/design-doc.js";
export { designJson, designJsonBytes } from "../render/design-json.js";
export { toMarkdown, toTerminal } from "../render/doc.js";
export { scriptBlocks } from "../render/script/document.js";
export {
  type Script,
  type ScriptOptions,
  type ScriptStep,
  stepBudget,
  withScript,
  writeScript,
} from "../render/script/index.js";
