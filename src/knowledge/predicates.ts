import type { PredicateInfo } from "./tables-schema.js";

/** The eleven derived predicates and the companion mechanisms each one adds (FRAMEWORK.md §6). */
export const PREDICATES: readonly PredicateInfo[] = [
  {
    id: "duplicate-retry-matters",
    name: "duplicate retry matters",
    holdsWhen:
      "A client or worker may resend a request whose first attempt already took effect, and doing it twice is wrong.",
    adds: ["idempotency-key", "put-if-absent"],
    addsBecause:
      "A stored request id or a deterministic id turns the second attempt into a lookup of the first result instead of a second effect.",
  },
  {
    id: "stale-write-dangerous",
    name: "stale write dangerous",
    holdsWhen:
      "An actor may compute a write from an old read and would erase a newer change if the write went through.",
    adds: ["version-check"],
    addsBecause: "Sending the version the write was based on lets the store refuse it once the record has moved on.",
  },
  {
    id: "exclusivity-matters",
    name: "exclusivity matters",
    holdsWhen: "At most one actor may own a resource or perform a piece of work at any moment.",
    adds: ["lease", "fencing-token"],
    addsBecause:
      "A lease bounds how long a dead owner blocks others, and a fencing token stops a paused former owner from writing after it lost the lease.",
  },
  {
    id: "multi-object",
    name: "multi-object change",
    holdsWhen: "Several records, possibly in different stores, must end up changed together or not at all.",
    adds: ["transaction", "saga"],
    addsBecause:
      "Inside one store a transaction makes the change atomic; across stores an orchestrated workflow with undo steps reaches the same end state.",
  },
  {
    id: "ordering-matters",
    name: "ordering matters",
    holdsWhen: "Consumers or replicas give a different, wrong result if they see the same changes in another order.",
    adds: ["partition-key-ordering"],
    addsBecause:
      "Order is only affordable within a declared scope, so routing every change of one key to one partition gives order exactly where it is needed.",
  },
  {
    id: "dedup-matters",
    name: "dedup matters",
    holdsWhen: "The same event can arrive more than once and must be counted or applied once.",
    adds: ["dedup-window"],
    addsBecause: "Remembering applied event ids for a bounded window lets consumers drop redeliveries cheaply.",
  },
  {
    id: "lww-acceptable",
    name: "last writer wins acceptable",
    holdsWhen: "The business accepts that one of two concurrent writes to the same key is silently dropped.",
    adds: ["lww-overwrite"],
    addsBecause:
      "With loss tolerated, replicas can resolve conflicts by timestamp or version with no coordination on the write path.",
  },
  {
    id: "external-effect",
    name: "external effect",
    holdsWhen:
      "A step has an effect outside our system (charge, email, webhook, provider call) that cannot be rolled back.",
    adds: ["transactional-outbox", "idempotent-receiver", "reconciliation-loop"],
    addsBecause:
      "The outbox ties the intent to the state change, the receiver's key absorbs repeats, and reconciliation catches whatever both sides still disagree on.",
  },
  {
    id: "time-bounded-hold",
    name: "time-bounded hold",
    holdsWhen: "Ownership, a reservation or an in-flight claim is granted only until a deadline.",
    adds: ["expiry-sweeper", "ttl-expiry"],
    addsBecause:
      "The stored deadline caps how long a lost holder blocks others, and a sweeper releases expired holds with a guard so a late renewal is not undone.",
  },
  {
    id: "derived-read",
    name: "derived read",
    holdsWhen: "Some read is answered from a copy (cache, index, view, replica) instead of the authoritative state.",
    adds: ["projector-checkpoint", "replay-rebuild", "tombstones"],
    addsBecause:
      "A checkpointed projector keeps the copy complete and in order, replay rebuilds it when it drifts, and tombstones carry deletes into it.",
  },
  {
    id: "quorum-truth",
    name: "quorum truth",
    holdsWhen: "The authoritative state must survive losing nodes without two sides both believing they are in charge.",
    adds: ["consensus-replication", "epoch-term"],
    addsBecause:
      "Majority agreement keeps committed writes through minority loss, and terms let every node reject messages from a deposed leader.",
  },
];
