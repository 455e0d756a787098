/**
 * Decision points: the trade-offs a strong candidate argues for an archetype (or product
 * feature), as data. Each option says what it buys and costs; rules over NFRs and computed
 * numbers pick one; the option not chosen carries the condition under which it would win.
 */
import type { MechanismId } from "../mechanisms/catalog.js";
import type { PredicateId } from "../predicates.js";
import type { Topic, TopicMark } from "../topics.js";
import type { ArchetypeId, CompositionRole } from "../vocab.js";
import type { Property } from "./properties.js";

/** What choosing an option does to the rest of the design (read by the mechanism and technology derivers). */
export interface DecisionImplies {
  /** Mechanism ids this option adds to the design. */
  addMechanisms?: MechanismId[];
  /** Mechanism ids this option rules out. */
  removeMechanisms?: MechanismId[];
  /**
   * Products this option is built on (case-insensitive substrings of a technology row's product, for rows of the
   * option's owner, or every row when the owner is a product feature): they lead their layer when the option is
   * chosen and are never the product to avoid; when it is rejected they are never recommended (unless the chosen
   * option is built on them too). Coherence rule `technology-builds-rejected` holds the table to this.
   */
  preferTechnology?: string[];
  /**
   * Capacity inputs this option fixes for its owner's model (a redundancy scheme's storage overhead):
   * the capacity deriver uses them for every quantity the prompt does not state, with `why` as the reason.
   */
  capacity?: { quantity: string; value: number; why: string }[];
  /**
   * Parts of the owner's topology that exist only under this option: component ids, protocol names,
   * API operations, data-model entities and links as `from>to` (or `from>to[label]` for one of several links between the same two). An element some option of the point names is drawn only
   * when an option naming it is chosen, so the HLD, API and sequences show what was decided.
   */
  draws?: string[];
  /**
   * Capacity figures of the owner's model (figure ids) that size a part only this option has (the shards of parallel
   * schedulers): a figure some option of the point names is shown only when an option naming it is chosen, so the
   * capacity table sizes what was decided (coherence `option-not-carried`).
   */
  sizes?: string[];
  /**
   * Supporting archetypes the owner composes only for this option (the log a releaser moves due runs onto): where the
   * option is rejected, none of them is drawn in a supporting role for the owner (coherence `option-not-carried`).
   */
  composes?: ArchetypeId[];
  /**
   * Capacity inputs of a composed archetype that are the owner's own quantity under another name (the queue a releaser
   * feeds carries one message per released run: its `messages_per_sec` is the scheduler's `tasks_per_sec`): where the
   * option is chosen and the prompt states neither, the composed model reads the owner's value, with `why`.
   */
  carries?: { quantity: string; from: string; why: string }[];
  /**
   * Components of the owner's topology this option names in its own terms (the cache nodes of a cluster in
   * front of a database are not points of presence): the chosen option's names replace the topology's.
   */
  names?: {
    component: string;
    name: string;
    /** What the component does under this option, where the topology's own list is another option's work. */
    runs?: string[];
    /** Why the component is there under this option, where the topology's own reason is another option's. */
    because?: string;
  }[];
  /** Properties this option needs of its products: a product known to lack one is never recommended. */
  needs?: Property[];
  /**
   * Phrases (case-insensitive regular expressions) that belong to the options this one rejects: none
   * may appear in what the design draws or says (links, sequences, API, failures, mechanisms).
   */
  excludes?: string[];
  /**
   * How this option acknowledges a write across regions: `sync` waits on replicas in other regions (a wide-area round
   * trip per write), `async` ships the write to them afterwards. A design with several regions says which one it does
   * (engine/fields/context.ts); coherence `regions-sync-and-async` holds the chosen option to it.
   */
  crossRegion?: "sync" | "async";
  /**
   * The failure stance this option is (a limiter that rejects while its store is unreachable fails closed): where the
   * prompt leaves availability unstated and states this option's win condition in its own words (a `words` condition of
   * its `wins`), the design's stance follows the option, so the stance line and the decision never disagree
   * (engine/fields/nfrs.ts `stanceOfStatedOption`).
   */
  stance?: "fail-closed" | "stay-available";
  /**
   * How the design's state crosses its regions under this option, where it is not one of the general ways
   * (knowledge/regions.ts `REGION_MODES`): a key's budget counted in one home region, spent as regional shares, or
   * counted per region and summed. A design with several regions draws its geo parts, region-cut row and cross-region
   * sequence in this mode (engine/regions.ts `regionMode`).
   */
  regionMode?: "per-key-home" | "region-shares" | "count-slots";
}

export interface DecisionOptionSpec {
  id: string;
  name: string;
  buys: string;
  costs: string;
  /** In words: the condition under which this option wins. */
  winsWhen: string;
  /**
   * The words that name this option and no other option of its point (a case-insensitive regular expression:
   * `timing wheels?`, `siblings?`). Where the option is rejected, no component, API row, rule, sequence, mitigation
   * step or technology choice says them: they belong in the trade-off sentence only (the derivers leave such text
   * out, `excludedBy`); where it is chosen, no technology row offers them as the runner-up or the product to avoid.
   * Coherence rule `rejected-option-carried` holds the design to both.
   */
  key?: string;
  /**
   * `winsWhen` as a test over the design's facts, where facts decide it (a scale threshold, the kind of state,
   * an archetype or invariant the design holds): when every condition holds, this option wins over any choice
   * that rests only on default stances or the fallback, and a design that still rejects it contradicts itself
   * (coherence rule `flip-condition-holds`). Left out where no fact of the design decides the words.
   */
  wins?: DecisionCondition[];
  /**
   * What the option adds to the time a stated bound limits (a poll interval before a node sees a change, operator-paced
   * waves before the last cohort does): where the prompt states `bound` and `seconds` is more than half of it, the
   * option cannot meet the bound (the rest is left for commit, transfer and apply), so it is never chosen there
   * (engine `breaksBound`; coherence rule `option-violates-bound`).
   */
  delays?: { bound: string; seconds: number; why: string };
  /**
   * Well-known systems whose own design takes this option, each checked against the system's paper or documentation
   * (Maglev hashes flows with consistent hashing; Bigtable keeps row ranges in tablets that split). Where the prompt
   * asks for a system like one of them ("like Maglev", "a Bigtable-like store"), this option is the named system's own
   * choice and wins over a computed figure or a default, though not over a prompt clause that names another option.
   */
  usedBy?: readonly string[];
  implies?: DecisionImplies;
}

/** One test over the design's NFRs, predicates or numbers. */
export type DecisionCondition =
  /** An NFR's value; with `stated`, only a value the prompt or an override gives counts (never the default stance). */
  | { nfr: "consistency" | "availability" | "delivery" | "ordering" | "durability"; in: string[]; stated?: boolean }
  | { regionsAtLeast: number }
  /**
   * The prompt says the system survives the loss of one whole failure unit of these kinds ("no acknowledged write is
   * lost when one region goes down", "survives the loss of a data centre"): engine `nfrs.survives`.
   */
  | { survives: readonly ("zone" | "data centre" | "rack" | "region")[] }
  /**
   * A storage product the design's product features keep their records in is known to lack this property
   * (`knowledge/decisions/properties.ts`): a replication choice follows the stores the features name.
   */
  | { featureStoreLacks: Property }
  | { predicate: PredicateId; holds: boolean }
  /**
   * A capacity figure id or a quantity id, compared with a threshold; with `of` (another figure or quantity of the
   * design), the thresholds are multiples of that number: `{ number: "object_index_bytes", atLeast: 1, of:
   * "master_memory_bytes" }` holds where the index does not fit one machine's memory, and the reason says both figures.
   */
  | { number: string; atLeast?: number; below?: number; of?: string }
  /** A quantity the prompt (or an override) states, as opposed to assumes; `matching` tests the prompt's words (a case-insensitive regular expression). */
  | { stated: string; matching?: string }
  /** Some stated latency target is at most this many milliseconds. */
  | { latencyAtMost: number }
  /**
   * The prompt states the time bound `boundBelow` (a quantity id in seconds: how stale a reader may be, how soon a
   * change or a step must land) below `seconds`, the figure `figure` another option of the point adds to that time
   * (its TTL, poll interval, replication lag, offer timeout): that option cannot keep the bound, so this one wins.
   * Read only where the prompt states the bound (an assumed bound settles nothing); coherence
   * `decision-own-condition-met` holds a decision that rejects an option on it to the stated words.
   */
  | { boundBelow: string; seconds: number; figure: string }
  /** The outside party the design's effects reach can (or cannot) undo an effect by a later one (knowledge/parties.ts `undoes`). */
  | { partyUndoes: boolean }
  /**
   * The prompt's own words match this case-insensitive regular expression (what kind of thing it asks for); with
   * `unless`, only while they do not also match that one (fixed places, unless something named in it moves).
   */
  | { words: string; unless?: string }
  /** The design holds this archetype (in one of `roles`, when given). */
  | { archetype: ArchetypeId; roles?: (CompositionRole | "dominant")[] }
  /** Some invariant of the design matches this case-insensitive regular expression (what the design promises). */
  | { invariant: string }
  /**
   * Some one of these holds: a win condition said in words as two alternatives ("retention runs to months, or the
   * prompt keeps rollups for longer than its raw data"), each a fact; it rests on the weakest ground among them.
   */
  | { any: DecisionCondition[] };

/** Picks `option` when every condition in `when` holds; `because` explains it in general terms. */
export interface DecisionRule {
  when: DecisionCondition[];
  option: string;
  because: string;
}

export interface DecisionPoint {
  /** Unique across archetypes and features (kebab-case), used by `decision.<id>=<option>` overrides. */
  id: string;
  question: string;
  options: DecisionOptionSpec[];
  /** Tried in order; the first whose conditions all hold decides. */
  rules: DecisionRule[];
  /**
   * The question only exists under these options of an earlier point of the same owner (where worker ids come
   * from matters only for a timestamp + worker id layout): under any other choice the point is not decided at all.
   */
  onlyWith?: { point: string; options: string[] };
  /** The option taken when no rule holds, and why it is the sensible default. */
  fallback: { option: string; because: string };
  /**
   * The subject the question belongs to (`knowledge/topics.ts`): asked only where the prompt speaks of it
   * (`topic`), or never where it does (`unlessTopic`: a log's producer acks and per-key partitions are no
   * question for a work queue that leases each message, nor OT or CRDTs for an order book).
   */
  topic?: Topic;
  unlessTopic?: TopicMark;
  /**
   * A substrate archetype's decision points this one already answers for its feature (the playback feature's own
   * CDN-or-ISP-caches question settles where an edge cache's copies live): those are not asked again beside it.
   */
  settles?: readonly string[];
  /**
   * The question exists only where the design spans at least this many regions or data centres (how one key's
   * budget is shared across 40 data centres is no question for one region): below it, the point is not asked.
   */
  regionsAtLeast?: number;
}
