/**
 * The shape of one predicate module (FRAMEWORK.md §6): its meta, the rule that decides whether it holds
 * for a design, and example prompts for which it must and must not hold. One module per predicate, one
 * line in the registry (../predicates.ts); test/predicates.test.ts runs every module's examples through
 * `design()`, the way a linter tests its rules.
 */
import type { MechanismId } from "../mechanisms/catalog.js";
import type { Availability, Consistency, Delivery, Durability, Operation, Ordering } from "../vocab.js";

interface Stance<T> {
  value: T;
  because: string;
  /** Whether the prompt states it ("stated") or a default gives it. */
  source?: string;
}

/** What a predicate rule may read: plain values the engine derived before the predicates. */
export interface PredicateFacts {
  operations: readonly {
    phrase: string;
    entity: string;
    operation: Operation;
    hidden: boolean;
    /** Why a repeat of this write changes nothing, from the archetype's write path (schema `repeatSafe`). */
    repeatSafe?: string;
  }[];
  invariants: readonly { statement: string }[];
  nfrs: {
    delivery: Stance<Delivery>;
    consistency: Stance<Consistency>;
    availability: Stance<Availability>;
    ordering: Stance<Ordering>;
    durability: Stance<Durability>;
    /** An outcome final only once a named outside party confirms it (engine/stated-stance.ts). */
    confirmation?: { party: string; because: string };
    /** Claims the prompt treats as lasting ownership rather than session leases (engine/stated-stance.ts). */
    tenure?: { value: "durable"; because: string };
  };
  context: { retries: string };
  /** The dominant archetype's usual predicates, by id, with the archetype's reason. */
  typical: ReadonlyMap<string, string>;
  /**
   * The design's durable source-of-truth records that a group committing each write by majority holds (a worker-id
   * lease in a consensus group), each with the holder and why: evidence from the drawn design, not the card.
   */
  consensusHeld?: readonly { entity: string; because: string }[];
  /** Why the design's whole state lives in one process on one machine (knowledge/topics.ts ONE_MACHINE_TOPICS). */
  oneMachine?: string;
}

export interface Verdict {
  holds: boolean;
  because: string;
}

export interface PredicateModule<Id extends string = string> {
  id: Id;
  name: string;
  holdsWhen: string;
  /** Companion mechanisms the predicate adds when it holds. */
  adds: readonly MechanismId[];
  addsBecause: string;
  /** Words of the invariant the companions guard (the companion row names the first invariant that matches). */
  guards: RegExp;
  /** Decides the predicate for one design; `usual` is the dominant archetype's reason when it usually holds. */
  rule: (f: PredicateFacts, usual: string | undefined) => Verdict;
  /** Prompts for which the predicate must hold (valid) and must not hold (invalid). */
  examples: { valid: readonly string[]; invalid: readonly string[] };
}

/** Keeps the literal id type of a module, so the registry can derive the id union. */
export const definePredicate = <const Id extends string>(m: PredicateModule<Id>): PredicateModule<Id> => m;

/** The phrase of the first operation whose phrase or entity matches. */
export const phraseMatching = (re: RegExp, ops: PredicateFacts["operations"]) =>
  ops.find((o) => re.test(`${o.phrase} ${o.entity}`))?.phrase;

/** Every operation that writes, and those the user sees. */
export const writesOf = (f: PredicateFacts) =>
  f.operations.filter((o) => o.operation !== "read source" && o.operation !== "read projection");
