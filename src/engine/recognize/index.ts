import {
  DEFAULT_SUBSTRATE,
  FOCUS_CUES,
  INFRA_SIGNALS,
  PRODUCT_NAMES,
  PRODUCT_SIGNALS,
  PRODUCT_SUBSTRATES,
} from "../../knowledge/branch.js";
import { ARCHETYPES } from "../../knowledge/index.js";
import {
  AMBIGUOUS_SYSTEMS,
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
    },
  );
  return compiled;
}

let last: { prompt: string; result: Recognition } | undefined;

/** Branch and ranked archetypes for a prompt, with evidence. Pure and deterministic. */
export function classify(prompt: string, opts: { branch?: BranchKind } = {}): Recognition {
  // The field graph asks twice per design (branch, then archetypes); the last answer is reused
  // unless an override forces a different branch. Results are treated as read-only.
  if (last?.prompt !== prompt) last = { prompt, result: recognize(prompt, recognitionKnowledge()) };
  if (!opts.branch || opts.branch === last.result.branch.kind) return last.result;
  return recognize(prompt, recognitionKnowledge(), opts);
}

export type { BranchKind, Recognition };
