export { COMBINATION_RULES, COMBINATION_WINDOW, CONCEPT_FAMILIES } from "./combinations.js";
export { CONCEPT_WEIGHT, CONCEPT_WORDS } from "./concepts.js";
export {
  COVER_WEIGHT,
  type KindCover,
  KNOWN_SYSTEMS,
  type KnownSystem,
  SYSTEM_KINDS,
  type SystemKind,
} from "./kinds.js";
export { NEEDS } from "./needs.js";
export { INVARIANT_OPENERS, REQUIREMENT_RULES } from "./requirements.js";
export { AMBIGUOUS_SYSTEMS, FLOW_REACH, FLOW_SKIPS, FLOW_WORDS, SINK_WORDS } from "./systems.js";
export type { AmbiguousSystem, CombinationRule, Need, RequirementRule, SystemUse, Target } from "./types.js";
