import type { MechanismId } from "./catalog.js";

/**
 * Mechanisms that hand a message to a consumer which may see it again: a log its readers replay from an offset, an
 * outbox its relay publishes, a projector resuming after its last checkpoint, a claimed run handed out again once its
 * claim lapses, a retried delivery. Only a path carried by one of these delivers messages, so only there does an
 * at-least-once stance become a rule that every consumer tolerates a repeat; a store written by a conditional
 * update, a versioned snapshot or a quorum write delivers nothing (its retries are the caller's, settled at the store).
 */
export const DELIVERING_MECHANISMS: ReadonlySet<MechanismId> = new Set<MechanismId>([
  "append-log",
  "transactional-outbox",
  "consumer-offsets",
  "projector-checkpoint",
  "claim-run",
  "retry-dead-letter",
]);

/**
 * Mechanisms that carry a committed change to the copies readers are served from, best first: a cache's delete on
 * change, a projector applying the change log from its checkpoint, a watch stream pushing each new version, a sink
 * that applies only a newer version. Where the prompt bounds how soon a change is visible, the rule that spends the
 * bound is kept by the first of these the design holds.
 */
export const PROPAGATING_MECHANISMS: readonly MechanismId[] = [
  "cache-invalidation",
  "projector-checkpoint",
  "watch-stream",
  "version-check",
];
