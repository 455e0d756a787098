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
