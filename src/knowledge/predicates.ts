/**
 * The predicate registry: one line per predicate module under ./predicates/ (FRAMEWORK.md §6). Each module
 * holds its meta, its rule and its example prompts; this list fixes their order and derives the id union.
 */

import crossNodeOrder from "./predicates/cross-node-order.js";
import dedupMatters from "./predicates/dedup-matters.js";
import derivedRead from "./predicates/derived-read.js";
import duplicateRetryMatters from "./predicates/duplicate-retry-matters.js";
import exclusivityMatters from "./predicates/exclusivity-matters.js";
import externalEffect from "./predicates/external-effect.js";
import globalCut from "./predicates/global-cut.js";
import lwwAcceptable from "./predicates/lww-acceptable.js";
import multiObject from "./predicates/multi-object.js";
import orderingMatters from "./predicates/ordering-matters.js";
import quorumTruth from "./predicates/quorum-truth.js";
import staleWriteDangerous from "./predicates/stale-write-dangerous.js";
import timeBoundedHold from "./predicates/time-bounded-hold.js";

export const PREDICATE_MODULES = [
  duplicateRetryMatters,
  staleWriteDangerous,
  exclusivityMatters,
  multiObject,
  orderingMatters,
  dedupMatters,
  lwwAcceptable,
  externalEffect,
  timeBoundedHold,
  derivedRead,
  quorumTruth,
  globalCut,
  crossNodeOrder,
] as const;

export type PredicateId = (typeof PREDICATE_MODULES)[number]["id"];

/** Every predicate id, in registry order. */
export const PREDICATE_IDS = PREDICATE_MODULES.map((m) => m.id) as readonly PredicateId[] as readonly [
  PredicateId,
  ...PredicateId[],
];

/** The predicates' meta, without their rules and examples (what tables, catalogues and scripts show). */
export const PREDICATES = PREDICATE_MODULES.map(({ id, name, holdsWhen, adds, addsBecause }) => ({
  id,
  name,
  holdsWhen,
  adds,
  addsBecause,
}));

export const PREDICATE_BY_ID: ReadonlyMap<PredicateId, (typeof PREDICATE_MODULES)[number]> = new Map(
  PREDICATE_MODULES.map((m) => [m.id, m]),
);

/**
 * Whether a card's usual predicate speaks of state the design writes: a reason that names some of the card's
 * entities (`entities`) counts only where an operation of that archetype writes one of them (a block counter's
 * stale advance is no reason once the decisions left the counter out); one that names none always does.
 */
export const speaksOfWritten = (p: { entities?: readonly string[] }, written: ReadonlySet<string>): boolean =>
  !p.entities || p.entities.some((e) => written.has(e));
