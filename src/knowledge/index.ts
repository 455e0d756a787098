import { COMPILED_ARCHETYPES } from "./generated/archetypes.js";
import type { Archetype, ArchetypeId } from "./schema.js";

/**
 * All archetypes, parsed (defaults applied) and checked at build time by the knowledge compile
 * step (src/knowledge/compile.ts, run by scripts/build-kb.ts); loading them needs no zod.
 */
export const ARCHETYPES: readonly Archetype[] = COMPILED_ARCHETYPES;

export const ARCHETYPE_BY_ID: ReadonlyMap<ArchetypeId, Archetype> = new Map(ARCHETYPES.map((a) => [a.id, a]));

export { CORE_MECHANISMS, GENERIC_KEEPERS, keeperMayLead } from "./mechanisms/core.js";
export { DELIVERING_MECHANISMS, PROPAGATING_MECHANISMS } from "./mechanisms/delivers.js";
export { MECHANISM_BY_ID, MECHANISMS } from "./mechanisms/index.js";
export { canKeep, isRetryRule, keepsFirst, REPEAT_KEEPERS } from "./mechanisms/keeps.js";
export {
  type KeptKind,
  keepRank,
  keepsKind,
  keptKinds,
  WHOLE_DESIGN_KINDS,
  wouldKeep,
} from "./mechanisms/rule-kinds.js";
export { HOUSEKEEPING_CONCERNS, MECHANISM_SERVES, STORAGE_COST } from "./mechanisms/serves.js";
export { QUANTITIES } from "./quantities.js";
export type * from "./schema.js";
export { ARCHETYPE_IDS } from "./vocab.js";
