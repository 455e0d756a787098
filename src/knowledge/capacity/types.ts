import type { Topic } from "../topics.js";
/**
 * Capacity models: the back-of-envelope figures every design of an archetype (or product
 * feature) should show, as formulas over named quantities (see ../quantities.ts).
 */

/** A way to derive an input from other quantities, and what that derivation assumes. */
export interface CapacityDerivation {
  expression: string;
  why: string;
  /**
   * Also taken when every quantity it reads is another model's estimate in the same design (a product feature's
   * rides or notifications a day), not only when it rests on a stated number: the design's own load sizes it.
   */
  fromDesign?: boolean;
  /**
   * Taken only when the prompt states every quantity it reads ("the stated writes and reads together"): a stated
   * rate added to another model's typical one would size the input on a number the prompt never gave.
   */
  allStated?: true;
  /**
   * The design's own rule for this input (a politeness gap its invariant states): the value the design uses is never
   * below it, whatever else sets the input, and coherence (`input-below-own-rule`) checks that.
   */
  floor?: boolean;
  /** Taken only while its value stays at or below this (a stage held to a share of a tight bound, never lengthened). */
  atMost?: number;
}

/** An input a model needs, with the value typical of this archetype and why it is typical. */
export interface CapacityInputSpec {
  /** A quantity id: one from QUANTITIES, or a new one this model declares with `label` and `unit`. */
  quantity: string;
  /** For a quantity not in QUANTITIES: what it is, in words. */
  label?: string;
  /** For a quantity not in QUANTITIES: its unit (byte units get SI prefixes). */
  unit?: string;
  /** The value assumed when the prompt states none (overrides the quantity's generic default). */
  typical?: number;
  /** Why that value is typical for this kind of system; required with `typical`. */
  why?: string;
  /**
   * When the prompt states none of this quantity, derive it from others instead of assuming it
   * (e.g. requests from users: `users * 20 / 86400`). The words say what the derivation assumes.
   * With several, the first that rests on a stated quantity wins.
   */
  from?: CapacityDerivation | CapacityDerivation[];
  /**
   * Stated quantities that count the same thing this assumed input stands for (stated places a location index
   * holds, where the model assumes moving drivers): when the prompt states one of them and not this one, the
   * assumption is retired, so this input and every figure that reads it leave the design.
   */
  supersededBy?: readonly string[];
  /**
   * Read only when the prompt states it (a read rate the fleet that takes the changes also serves): with no stated
   * value it is not assumed, and this input and every figure that reads it leave the design.
   */
  statedOnly?: true;
}

export const CAPACITY_KIND_VALUES = [
  "rate",
  "peak",
  "storage",
  "growth",
  "bandwidth",
  "fan-out",
  "hotspot",
  "count",
  "time",
  /** a load over what one unit handles: how close the hottest number is to its ceiling */
  "headroom",
] as const;
export type CapacityKind = (typeof CAPACITY_KIND_VALUES)[number];

/** One figure: `id = expression`, in `unit`. Later figures may use earlier figure ids as variables. */
export interface CapacityFigureSpec {
  /** A snake_case id, usable by later figures and by decision conditions. */
  id: string;
  /** What it is, in words ("peak writes per second"). */
  label: string;
  kind: CapacityKind;
  /** Arithmetic over quantity ids and earlier figure ids: + - * / ^ ( ) and numbers. */
  expression: string;
  /** The display unit; byte units ("B", "B/s", "B/day") get SI prefixes. */
  unit: string;
  /** Round up to a whole number (partition counts, node counts). */
  ceil?: boolean;
  /**
   * The design quantity this figure decides (e.g. a `consensus_groups` figure sets `partitions`), so
   * other formulas of the design (bottlenecks) use the computed count instead of a generic default.
   */
  sets?: string;
  /**
   * A stated target (a scale quantity in the same unit) this figure must not exceed: a failover time against the
   * prompt's "fails over within 5 seconds". The figure reads it as a budget, and coherence flags a figure past it.
   */
  bound?: string;
  /**
   * A quantity of the design this figure must stay strictly below (pieces a zone's loss takes against the pieces the
   * code tolerates): coherence (`count-reaches-tolerance`) flags a figure that reaches it, so the design changes its code
   * or placement instead of showing the two numbers side by side.
   */
  below?: string;
}

/**
 * The request path a stated latency bounds, as costed steps in the order a request meets them: each step is an input
 * (a quantity in seconds, with its planning cost and reason) for one drawn part's work. The steps are summed against
 * the stated latency (knowledge/capacity/latency.ts), so the bound is spent step by step with headroom kept spare.
 */
export interface LatencyPath {
  /** The step quantities, in path order (each an input below or a quantity of the shared table). */
  steps: readonly string[];
  /** The steps' own inputs (and any quantity a step is derived from) that the shared table does not give a cost. */
  inputs: readonly CapacityInputSpec[];
  /** What the path serves, in words ("one home feed page"). */
  serves: string;
}

/** The capacity model of one archetype or one product feature. */
export interface CapacityModel {
  inputs: CapacityInputSpec[];
  figures: CapacityFigureSpec[];
  /** The costed request path a stated latency bounds; without one, a generic path (latency.ts) is spent. */
  latencyPath?: LatencyPath;
  /** The model of a design about one subject (knowledge/topics.ts), where it sizes other things (an order book's matchers). */
  topics?: Partial<Record<Topic, CapacityModel>>;
  /**
   * The model keeps copies a change must reach (a cache's nodes): a stated freshness bound ("a price change must be
   * visible within 1 second") is met by the change's path out to those copies, whatever words state it, so the lead
   * model spends it over that path (capacity/spread.ts) as it does a bound worded as a fan-out.
   */
  copiesFollowChanges?: true;
}
