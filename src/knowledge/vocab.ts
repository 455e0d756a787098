/**
 * The closed vocabularies of the knowledge base as plain values. The engine reads these at run time;
 * schema.ts builds its zod enums from them, so the CLI never loads zod to know a vocabulary.
 */

/** Archetype ids come from the archetype registry, written out by the knowledge compile step. */
export { ARCHETYPE_IDS, type ArchetypeId } from "./generated/ids.js";

export const COMPONENT_ROLE_VALUES = ["truth", "derived", "coordination", "immutable", "external effect"] as const;
export type ComponentRole = (typeof COMPONENT_ROLE_VALUES)[number];

export const OPERATION_VALUES = [
  "create target",
  "overwrite current value",
  "state transition",
  "append event",
  "async process",
  "read source",
  "read projection",
] as const;
export type Operation = (typeof OPERATION_VALUES)[number];

export const WRITE_SHAPE_VALUES = [
  "create target",
  "overwrite current value",
  "state transition",
  "append event",
  "async process",
] as const;
export type WriteShape = (typeof WRITE_SHAPE_VALUES)[number];

/** Where a path runs: inside a caller's request, in a worker after the caller is answered, or in a periodic loop. */
export const RUNS_IN_VALUES = ["request path", "async worker", "control loop"] as const;
export type RunsIn = (typeof RUNS_IN_VALUES)[number];

export const READ_SHAPE_VALUES = ["read source", "read projection"] as const;
export type ReadShape = (typeof READ_SHAPE_VALUES)[number];

export const INTERACTION_KIND_VALUES = [
  "create target",
  "update target",
  "hidden write target",
  "async side-effect target",
  "read source target",
  "read projection target",
] as const;
export type InteractionKind = (typeof INTERACTION_KIND_VALUES)[number];

export const COMPOSITION_ROLE_VALUES = ["input", "output", "decorator", "substrate"] as const;
export type CompositionRole = (typeof COMPOSITION_ROLE_VALUES)[number];

export const MECHANISM_FAMILY_VALUES = [
  "guarded write",
  "ownership control",
  "append + replay",
  "projection + catch-up",
  "state propagation",
  "immutable publication",
  "selection / assignment",
] as const;
export type MechanismFamily = (typeof MECHANISM_FAMILY_VALUES)[number];

/** Predicate ids come from the predicate registry (one module per predicate). */
export { PREDICATE_IDS as PREDICATE_ID_VALUES, type PredicateId } from "./predicates.js";

export const NFR_TAG_VALUES = [
  "linearizable",
  "read-your-writes",
  "consistent-prefix",
  "eventual",
  "low-latency",
  "high-throughput",
  "durable",
  "multi-region",
  "exactly-once",
  "at-least-once",
  "at-most-once",
  "ordering",
  "large-objects",
  "small-metadata",
  "elastic-scale",
  "operational-simplicity",
  "low-cost",
  "fail-closed",
  "stay-available",
  "long-retention",
  "rich-queries",
] as const;
export type NfrTag = (typeof NFR_TAG_VALUES)[number];

export const SCOPE_VALUES = ["key", "partition", "shard", "replica group", "global", "none"] as const;
export type Scope = (typeof SCOPE_VALUES)[number];

/**
 * "consistent-prefix": every reader sees a prefix of one agreed order of writes, possibly trailing the newest
 * (a replicated log read up to its commit point, from the leader or a lagging follower).
 */
export const CONSISTENCY_VALUES = ["linearizable", "read-your-writes", "consistent-prefix", "eventual"] as const;
export type Consistency = (typeof CONSISTENCY_VALUES)[number];

export const AVAILABILITY_VALUES = ["fail-closed", "stay-available"] as const;
export type Availability = (typeof AVAILABILITY_VALUES)[number];

export const DELIVERY_VALUES = ["at-most-once", "at-least-once", "exactly-once"] as const;
export type Delivery = (typeof DELIVERY_VALUES)[number];

export const ORDERING_VALUES = ["none", "per-key", "per-partition", "global"] as const;
export type Ordering = (typeof ORDERING_VALUES)[number];

export const DURABILITY_VALUES = ["durable", "best-effort"] as const;
export type Durability = (typeof DURABILITY_VALUES)[number];
