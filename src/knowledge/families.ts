import type { FamilyInfo } from "./tables-schema.js";

/** The seven top-level mechanism families; longer mechanism phrases are compositions of these. */
export const FAMILIES: readonly FamilyInfo[] = [
  {
    family: "guarded write",
    meaning:
      "The store itself decides whether a write may land, by checking a condition in the same atomic step: the key is absent, the version is unchanged, the state is the expected one, the budget is sufficient. Correctness comes from the guard rather than from any coordination between writers, so retries, races and stale callers are refused at the point of truth.",
    rightWhen:
      "Correctness is a property of one record or one shard at a time and the authoritative store can evaluate the condition atomically.",
  },
  {
    family: "ownership control",
    meaning:
      "One actor at a time is made responsible for a resource, a scope or a piece of work, for a bounded time. Grants expire unless renewed, carry an increasing number so a deposed owner can be recognised, and are reclaimed after a crash. This family turns 'only one may act' into state the rest of the system can check.",
    rightWhen:
      "The work happens outside the store (a worker, a leader, a generator) so the store cannot guard each step and must instead know who is allowed to act.",
  },
  {
    family: "append + replay",
    meaning:
      "Changes are recorded as an ordered, durable sequence of immutable entries, and every consumer keeps its own position in it. State elsewhere is rebuilt by reading the sequence again from a position, which makes order, history, redelivery and recovery explicit properties of the log.",
    rightWhen:
      "Several consumers need the same changes in the same order, history must be retained, or a crash must resume from a known point rather than be reconstructed.",
  },
  {
    family: "projection + catch-up",
    meaning:
      "Reads are served from copies shaped for them (caches, indexes, views, edge copies) that trail the truth. A projector applies changes in order and records how far it got; when a copy drifts or is lost it is rebuilt from the truth, and deletes travel as explicit markers so nothing is resurrected.",
    rightWhen:
      "The read pattern or read volume differs from the write pattern and the caller can accept a stated lag behind the authoritative state.",
  },
  {
    family: "state propagation",
    meaning:
      "Authoritative state is copied to other replicas or nodes: synchronously by quorum when loss is intolerable, asynchronously when lag is acceptable, as whole numbered snapshots for control-plane data, or by gossip and reconciliation loops when convergence is enough. The focus is how the same state reaches many places and what each place may assume meanwhile.",
    rightWhen:
      "The same state must live on many nodes for durability, availability or locality, and the question is how fresh and how agreed each copy is.",
  },
  {
    family: "immutable publication",
    meaning:
      "Content is written once, named by what it is, verified, and never changed; only a small mutable pointer moves between versions, by compare-and-set. Because content cannot change it can be cached and copied freely, and deletion becomes garbage collection of what no pointer references.",
    rightWhen:
      "Releases, artifacts, chunks or snapshots are published as versions that readers fetch by name, and the danger is a half-written or misreferenced version rather than a concurrent edit.",
  },
  {
    family: "selection / assignment",
    meaning:
      "Something is chosen from a set: which node owns a key, which backend takes a request, which worker gets a partition, which items are due, where new capacity goes. The choice is computed from a map, health, capacity or time, and recomputed as membership changes, while keeping movement small.",
    rightWhen:
      "The problem is distributing keys, requests, partitions or work across a changing set of members rather than deciding whether a single write is valid.",
  },
];
