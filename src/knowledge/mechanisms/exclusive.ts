import type { MechanismId } from "./catalog.js";

/**
 * Mechanisms that state opposite answers to one question, so a design holding both contradicts itself: one
 * store's writes are acknowledged either after a majority holds them or before any replica does, never both.
 */
export const EXCLUSIVE_MECHANISMS: readonly { pair: readonly [MechanismId, MechanismId]; why: string }[] = [
  {
    pair: ["consensus-replication", "async-replication"],
    why: "a majority commit acknowledges a write only once most replicas hold it, while asynchronous replication acknowledges it before any replica does",
  },
  {
    pair: ["op-sequencer", "crdt-merge"],
    why: "a sequencer gives every operation one central order, while a CRDT merges concurrent edits without one",
  },
];
