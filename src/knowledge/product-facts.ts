/**
 * What each storage or messaging product does on the two properties a design's requirements most often bind, checked
 * against its own documentation: whether a write it acknowledged survives the loss of the node that took it, and
 * whether it applies a conditional write (a compare-and-set, a put-if-absent) natively in that write. One entry per
 * product, so every design that weighs a product weighs the same facts; the technology field and the coherence check
 * `technology-breaks-requirement` read them through `factsOf`.
 *
 * Sources (each entry's `source` names the page it rests on):
 * - Memcached wiki, "Overview": clients hash each key to one server, servers know nothing of each other; the text
 *   protocol's `gets`/`cas` pair is a check-and-set on an item's 64-bit unique value.
 * - redis.io, "Redis replication": replication is asynchronous by default; WAIT does not make Redis strongly
 *   consistent, so a promoted replica can lack acknowledged writes. MULTI/EXEC with WATCH and Lua scripts run
 *   atomically on the key's primary.
 * - DataStax / Apache Cassandra docs, "Lightweight transactions": an IF clause runs Paxos (prepare, read, propose,
 *   commit) with a quorum of replicas, four round trips; writes at QUORUM are acknowledged by a majority of replicas.
 * - Amazon DynamoDB developer guide, "Condition expressions": PutItem, UpdateItem and DeleteItem take a condition
 *   evaluated in the same request; the DynamoDB paper (USENIX ATC 2022): each partition's replication group is led by
 *   a Multi-Paxos leader and a write is acknowledged once a quorum of its replicas has logged it.
 * - FoundationDB docs, "Architecture" and "Features": a commit succeeds once the transaction is logged on several
 *   transaction log servers; the coordinators run Paxos only to elect the cluster controller and take no part in
 *   individual transactions; every read and write is in a serializable transaction.
 * - TiKV / TiDB docs, "TiKV Overview": each region is a Raft group and a write succeeds only once a majority of its
 *   replicas hold it; transactions are Percolator-style.
 * - etcd docs, "API guarantees" and the Txn API: a write commits through Raft on a majority; a transaction compares a
 *   key's revision before it writes.
 * - ZooKeeper Programmer's Guide: updates are ordered by the leader and acknowledged after a quorum (Zab); setData and
 *   delete take an expected version.
 * - PostgreSQL docs, "High Availability, Load Balancing, and Replication" / synchronous_standby_names: streaming
 *   replication is asynchronous by default, so a failover can lose commits; with a synchronous standby named, a
 *   commit waits for it.
 * - MySQL reference manual, "Replication" and "Semisynchronous Replication": asynchronous by default; semi-sync makes
 *   the source wait for one replica's receipt.
 * - Apache Kafka docs, producer `acks` and topic `min.insync.replicas`: with acks=all a write is acknowledged only once
 *   every in-sync replica has it, and min.insync.replicas refuses it when too few are in sync; a produce has no
 *   condition on the partition's current offset.
 */

/** What happens to a write the product acknowledged when the node that took it is lost. */
export type NodeLoss =
  /** acknowledged only once a majority or every in-sync replica (or a durable log) holds it */
  | "kept"
  /** kept only when synchronous replication is configured (it is off by default) */
  | "if-configured"
  /** replicas copy it after the acknowledgement: a failover can lose it */
  | "may-lose"
  /** no copy anywhere else: it is gone with the node */
  | "lost";

/** How the product applies a write conditional on the current value (compare-and-set, put-if-absent). */
export type ConditionalWrite =
  /** in the write itself, on the key's one leader or in a transaction */
  | "native"
  /** only through a consensus round of its own per conditional write (several round trips) */
  | "consensus-round"
  /** not at all */
  | "none";

export interface ProductFacts {
  /** The product's name as a row names it (matched as a whole word, case-insensitively). */
  name: string;
  nodeLoss: NodeLoss;
  /** How it replicates, in our own words: what the node-loss answer rests on. */
  replication: string;
  conditional: ConditionalWrite;
  /** How a conditional write is done, in our own words. */
  conditionalHow: string;
  /** Whether its data lives in memory (a restart or node loss empties it unless it is copied elsewhere). */
  inMemory: boolean;
  /** The primary source checked. */
  source: string;
}

export const PRODUCT_FACTS: readonly ProductFacts[] = [
  {
    name: "Memcached",
    nodeLoss: "lost",
    replication: "none: each key lives on the one server the client hashes it to, and servers never copy each other",
    conditional: "native",
    conditionalHow: "`cas` on the item's unique value from `gets`",
    inMemory: true,
    source: "Memcached wiki, Overview; memcached protocol, gets and cas",
  },
  {
    name: "Redis",
    nodeLoss: "may-lose",
    replication:
      "asynchronous to replicas by default: the primary answers before a replica has the write, so a promoted replica can lack it (WAIT narrows the window but is no consensus)",
    conditional: "native",
    conditionalHow: "SET NX, WATCH with MULTI/EXEC, or a Lua script run atomically on the key's primary",
    inMemory: true,
    source: "redis.io, Redis replication and WAIT",
  },
  {
    name: "Cassandra",
    nodeLoss: "kept",
    replication:
      "leaderless: any replica coordinates, and a write at QUORUM is acknowledged once a majority of the key's replicas hold it",
    conditional: "consensus-round",
    conditionalHow: "a lightweight transaction (IF …): a Paxos exchange of four round trips with a quorum of replicas",
    inMemory: false,
    source: "Apache Cassandra / DataStax docs, consistency levels and Lightweight transactions",
  },
  {
    name: "ScyllaDB",
    nodeLoss: "kept",
    replication:
      "leaderless like Cassandra: a write at QUORUM is acknowledged once a majority of the key's replicas hold it",
    conditional: "consensus-round",
    conditionalHow: "a Paxos-based lightweight transaction per conditional write",
    inMemory: false,
    source: "ScyllaDB docs, Lightweight Transactions",
  },
  {
    name: "DynamoDB",
    nodeLoss: "kept",
    replication:
      "each partition is a replication group led by a Multi-Paxos leader, which acknowledges a write once a quorum of its replicas has logged it",
    conditional: "native",
    conditionalHow:
      "a condition expression on PutItem, UpdateItem or DeleteItem, checked by the partition's leader in the same write",
    inMemory: false,
    source: "Amazon DynamoDB developer guide, Condition expressions; Elhemali et al., USENIX ATC 2022",
  },
  {
    name: "FoundationDB",
    nodeLoss: "kept",
    replication:
      "a commit succeeds once it is logged on several transaction log servers, and storage servers pull it from them; Paxos runs only among the coordinators to elect the cluster controller",
    conditional: "native",
    conditionalHow: "a serializable transaction that reads the key and writes it, checked for conflicts at commit",
    inMemory: false,
    source: "FoundationDB docs, Architecture and Features",
  },
  {
    name: "TiKV",
    nodeLoss: "kept",
    replication:
      "each key range (region) is a Raft group, and a write succeeds once a majority of its replicas hold it",
    conditional: "native",
    conditionalHow: "a transaction, or the raw API's compare-and-swap",
    inMemory: false,
    source: "TiDB docs, TiKV Overview",
  },
  {
    name: "etcd",
    nodeLoss: "kept",
    replication: "one Raft group: a write commits once a majority of members hold it",
    conditional: "native",
    conditionalHow: "a Txn comparing the key's mod revision before it writes",
    inMemory: false,
    source: "etcd docs, API guarantees and KV Txn",
  },
  {
    name: "ZooKeeper",
    nodeLoss: "kept",
    replication: "the leader orders every update and acknowledges it once a quorum of followers has logged it (Zab)",
    conditional: "native",
    conditionalHow: "setData or delete with the expected version",
    inMemory: false,
    source: "ZooKeeper Programmer's Guide",
  },
  {
    name: "PostgreSQL",
    nodeLoss: "if-configured",
    replication:
      "streaming replication is asynchronous by default; a commit waits for a standby only when synchronous_standby_names names one",
    conditional: "native",
    conditionalHow: "a transaction (INSERT … ON CONFLICT, UPDATE … WHERE version = …) on the primary",
    inMemory: false,
    source: "PostgreSQL docs, High Availability (synchronous replication) and synchronous_standby_names",
  },
  {
    name: "MySQL",
    nodeLoss: "if-configured",
    replication:
      "binary-log replication is asynchronous by default; semi-synchronous replication makes the source wait for a replica's receipt",
    conditional: "native",
    conditionalHow: "a transaction (UPDATE … WHERE version = …) on the source",
    inMemory: false,
    source: "MySQL reference manual, Replication and Semisynchronous Replication",
  },
  {
    name: "Kafka",
    nodeLoss: "kept",
    replication:
      "each partition's leader acknowledges a write with acks=all only once every in-sync replica has it, and min.insync.replicas refuses it when too few are in sync",
    conditional: "none",
    conditionalHow:
      "a produce carries no condition on the partition's current offset (the idempotent producer only drops its own retries)",
    inMemory: false,
    source: "Apache Kafka docs, producer acks and min.insync.replicas",
  },
];

const wordOf = (name: string) => new RegExp(`(?:^|[^\\w-])${name}(?:$|[^\\w-])`, "i");
const MATCHERS = PRODUCT_FACTS.map((f) => ({ f, re: wordOf(f.name) }));

/**
 * The facts of every product a row's name offers ("TiKV or FoundationDB" gives both), in the order named; a product
 * named only inside a longer phrase that makes it another thing (Redis Streams, Kafka Connect) is still that product.
 */
export function factsOf(product: string): ProductFacts[] {
  return MATCHERS.filter((m) => m.re.test(product))
    .map((m) => ({ f: m.f, at: product.search(m.re) }))
    .sort((x, y) => x.at - y.at)
    .map((x) => x.f);
}
