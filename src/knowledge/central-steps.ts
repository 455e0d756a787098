import type { MechanismId } from "./schema.js";

/**
 * The step a mechanism turns on, which a design built on it draws in its sequence: where none of the design's drawn
 * steps says it, it is drawn as work of the participant that sends the anchor step, just before that step (the
 * sequencer transforms a late op before it appends it). Each entry names its source.
 */
export interface CentralStep {
  mechanism: MechanismId;
  /** Words of a drawn step (its message or its check) that already show it. */
  drawn: RegExp;
  /** The step it happens just before, by its message's words; drawn as local work of that step's sender. */
  before: RegExp;
  /** The step drawn. */
  step: string;
  source: string;
}

export const CENTRAL_STEPS: readonly CentralStep[] = [
  {
    // the server applies an op made against an older state only after transforming it past the ops it had already
    // ordered since that state, so every copy converges on one document
    mechanism: "operational-transform",
    drawn: /\btransform/i,
    before: /\bappend (?:the )?op\b|\bsequence (?:the )?op\b|\bassign (?:it )?(?:the next )?seq/i,
    step: "transform the op against the ops sequenced after its base seq",
    source:
      "Ellis and Gibbs, Concurrency Control in Groupware Systems (SIGMOD 1989); Nichols et al., High-Latency, Low-Bandwidth Windowing in the Jupiter Collaboration System (UIST 1995)",
  },
  {
    // a replica folds a remote op into its state by the type's merge, commutative and idempotent, so copies that
    // received the same ops in any order hold the same state
    mechanism: "crdt-merge",
    drawn: /\bmerge/i,
    before:
      /\bappend (?:the )?(?:op|update|change)s?\b|\bpersist (?:the )?(?:op|update|change)s?\b|\bstore (?:the )?(?:op|update|change)s?\b/i,
    step: "merge the update into the document state (commutative, idempotent)",
    source: "Shapiro et al., Conflict-free Replicated Data Types (SSS 2011)",
  },
];
