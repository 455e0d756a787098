/**
 * The shape of one companion gate: some companions a predicate adds are alternatives, or only make sense
 * when the design has a certain operation. A gate module names its mechanism, says in words what the
 * design needs, returns why the companion is left out (or undefined when it applies), and carries example
 * prompts where the companion is kept and where its predicate holds but the gate drops it.
 * A gate whose condition is a precondition of the mechanism itself also exports it as `precondition`,
 * which the coherence check re-tests on every finished design (src/engine/coherence.ts).
 */
import type { MechanismId } from "../mechanisms/catalog.js";
import type { PartyKind } from "../parties.js";
import type { Operation } from "../vocab.js";

export interface GateOperation {
  phrase: string;
  entity: string;
  operation: Operation;
  archetype: string;
  /** The product feature whose user action this is, when it comes from one. */
  feature?: string;
}

/** What a precondition reads: the design's operations and invariants, and whether any read uses a copy. */
export interface PreconditionFacts {
  operations: readonly GateOperation[];
  invariants: readonly { statement: string }[];
  /** Some read is served from a derived copy (a projection read, or a read path not served by the authority). */
  derivedRead: boolean;
  /** The kind of outside party the design's effects reach (knowledge/parties.ts), when it has one. */
  party?: PartyKind;
  /** The prompt treats its claims as lasting ownership (engine/stated-stance.ts `statedTenure`), with why. */
  lasting?: string;
}

/** What a gate reads: the predicates that hold and the mechanisms the design wants so far. */
export interface GateFacts extends PreconditionFacts {
  holds: ReadonlySet<string>;
  have: ReadonlySet<string>;
  /**
   * Why the design keeps its authoritative records on one primary with a synchronous standby (a drawn "primary +
   * synchronous replica" store, or features whose every storage product commits on its primary first), if it does:
   * that store's own replication and failover keep the truth (engine/truth-store.ts).
   */
  singlePrimary?: string;
}

export interface GateModule<M extends MechanismId = MechanismId> {
  mechanism: M;
  /** What the design needs for the companion to apply, in words. */
  needs: string;
  /** Why the companion is left out, or undefined when it applies. */
  skip: (g: GateFacts) => string | undefined;
  /** Why the companion applies in this design, said beside its predicate's reason (absent when that says it all). */
  because?: (g: GateFacts) => string | undefined;
  /** The mechanism's own precondition, shared with the coherence check (absent when the gate only picks alternatives). */
  precondition?: (d: PreconditionFacts) => string | undefined;
  /** Prompts whose design keeps the mechanism, and prompts where its predicate holds but the gate drops it. */
  examples: { kept: readonly string[]; dropped: readonly string[] };
}

export const defineGate = <const M extends MechanismId>(g: GateModule<M>): GateModule<M> => g;
