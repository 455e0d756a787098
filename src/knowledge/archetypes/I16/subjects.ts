/**
 * I16's subjects that draw their own records and store (a ledger's journal, a SQL database's ranges, a cache's items,
 * sign-in accounts, secrets, carts, relation tuples, one process's LSM files): the generic replicated key-value rows
 * (quorums, hinted handoff, a partition map, tombstones …) stay out of their designs. A row marked
 * `unlessTopic: [...OWN_STORE_SUBJECTS]` is drawn only where none of them is spoken of; a new subject that draws its
 * own store joins this list once, not every row.
 */
export const OWN_STORE_SUBJECTS = [
  "ledger",
  "distributed-sql",
  "kv-cache",
  "auth",
  "secrets",
  "cart",
  "relationship-authz",
  "storage-engine",
  "one-time-code",
] as const;

/**
 * The own-store subjects whose store routes keys by itself (one cluster's hash slots, a managed table, one process):
 * the generic store's partition map, its rebalancer, its range moves and the rule of one owner per range and epoch are
 * not drawn in their designs. A ledger, a SQL database and a sign-in service keep that map for their own shards.
 */
export const MAPLESS_SUBJECTS = [
  "kv-cache",
  "secrets",
  "cart",
  "relationship-authz",
  "storage-engine",
  "one-time-code",
] as const;
