import {
  DEFAULT_SUBSTRATE,
  FOCUS_CUES,
  INFRA_SIGNALS,
  PRODUCT_NAMES,
  PRODUCT_SIGNALS,
  PRODUCT_SUBSTRATES,
} from "../../knowledge/branch.js";
import { ARCHETYPES } from "../../knowledge/index.js";
import { SYNONYMS } from "../../knowledge/lexicon.js";
import {
  AMBIGUOUS_SYSTEMS,
  COMBINATION_RULES,
  COMBINATION_WINDOW,
  CONCEPT_FAMILIES,
  CONCEPT_WEIGHT,
  CONCEPT_WORDS,
  INVARIANT_OPENERS,
  NEEDS,
  REQUIREMENT_RULES,
} from "../../knowledge/signals/index.js";
import { type BranchKind, type Recognition, recognize } from "./recognize.js";
import { compileRecognition, type RecognitionKnowledge } from "./signals.js";

let compiled: RecognitionKnowledge | undefined;

/** The recogniser's compiled signals, built on first use. */
export function recognitionKnowledge(): RecognitionKnowledge {
  compiled ??= compileRecognition(
    ARCHETYPES,
    {
      infra: INFRA_SIGNALS,
      product: PRODUCT_SIGNALS,
      productNames: PRODUCT_NAMES.flatMap((p) =>
        [p.name, ...(p.aliases ?? [])].map((name) => ({ name, weight: p.weight, features: p.features ?? [] })),
      ),
      features: PRODUCT_SUBSTRATES,
      defaultSubstrates: DEFAULT_SUBSTRATE,
      focus: FOCUS_CUES,
    },
    {
      requirements: REQUIREMENT_RULES,
      concepts: { weight: CONCEPT_WEIGHT, words: CONCEPT_WORDS },
      openers: INVARIANT_OPENERS,
      ambiguous: AMBIGUOUS_SYSTEMS,
      needs: NEEDS,
      combinations: {
        families: CONCEPT_FAMILIES,
        rules: COMBINATION_RULES,
        window: COMBINATION_WINDOW,
        synonyms: SYNONYMS,
      },
    },
  );
  return compiled;
}

let last: { prompt: string; result: Recognition } | undefined;

/** Freezes a value and everything it holds, so a shared answer cannot be changed by a caller. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Branch and ranked archetypes for a prompt, with evidence. Pure and deterministic; the answer is
 * deeply frozen, because the last one is shared with the next caller that asks about the same prompt.
 */
export function classify(prompt: string, opts: { branch?: BranchKind } = {}): Recognition {
  // The field graph asks twice per design (branch, then archetypes); the last answer is reused
  // unless an override forces a different branch. Results are treated as read-only.
  if (last?.prompt !== prompt) last = { prompt, result: deepFreeze(recognize(prompt, recognitionKnowledge())) };
  if (!opts.branch || opts.branch === last.result.branch.kind) return last.result;
  return deepFreeze(recognize(prompt, recognitionKnowledge(), opts));
}

export type { BranchKind, Recognition };
