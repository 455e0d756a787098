/**
 * Properties a decision option may need of the products that carry it, and the products known to
 * lack each one. A chosen option that needs a property rules those products out of the technology
 * table, and the coherence check refuses a design that still recommends one.
 */

export const PROPERTY_VALUES = [
  "replay",
  "majority-commit",
  "cheap-moves",
  "single-leader",
  "multi-row-transaction",
  "leaderless-quorum",
] as const;
export type Property = (typeof PROPERTY_VALUES)[number];

export interface PropertyGap {
  /** Matched case-insensitively as a substring of a technology row's product name. */
  product: string;
  /** Why the product lacks the property, in our own words. */
  why: string;
}

export const PROPERTIES: Readonly<Record<Property, { means: string; lackedBy: PropertyGap[] }>> = {
  replay: {
    means: "a consumer can re-read records it (or another group) already consumed, from a retained position",
    lackedBy: [
      {
        product: "SQS",
        why: "a message is deleted once its consumer processes it, so nothing is left to re-read",
      },
      {
        product: "RabbitMQ",
        why: "classic and quorum queues remove a message on acknowledgement; only its separate stream type keeps history to re-read",
      },
    ],
  },
  "majority-commit": {
    means:
      "a write is acknowledged only once a majority of replicas holds it, so a failover never loses it or lets two leaders grant the same thing",
    lackedBy: [
      {
        // redis.io, basic replication: replication is asynchronous by default; the WAIT command docs add that even
        // WAIT does not make Redis a strongly consistent store
        product: "Redis",
        why: "replication is asynchronous by default: the primary acknowledges before its replicas have the write, so promoting a replica can lose it",
      },
      {
        product: "Memcached",
        why: "a node keeps no replica at all: its keys are gone when it is",
      },
    ],
  },
  "single-leader": {
    means:
      "each record has one primary that applies its conditional writes (a claim, a compare-and-set) in order and acknowledges them once its synchronous replica holds them",
    lackedBy: [
      {
        // DataStax, "Lightweight transactions": an IF clause runs Paxos (prepare, read, propose, commit) between the
        // coordinator and the replicas, four round trips, so conditional writes cost about four times a plain one
        product: "Cassandra",
        why: "it is leaderless: any replica coordinates a write and plain writes settle by timestamp, so a conditional claim needs a lightweight transaction, a Paxos exchange of four round trips with a quorum of replicas",
      },
      {
        product: "ScyllaDB",
        why: "like Cassandra it is leaderless, and a conditional write runs as a Paxos-based lightweight transaction rather than on one primary",
      },
    ],
  },
  "multi-row-transaction": {
    means:
      "a conditional write of several rows (a record and its outbox row) commits or fails as one, and no reader sees half of it",
    lackedBy: [
      {
        // DataStax CQL docs, BATCH: a batch over several partitions is atomic (through the batchlog) but isolated
        // only within one partition; a conditional (IF) batch runs as one lightweight transaction on one partition
        product: "Cassandra",
        why: "a batch over several partitions is atomic but not isolated, and a conditional batch runs as one lightweight transaction within a single partition, so 'insert the record if its request id is new, plus its outbox row' is no general multi-row transaction (capture the table's changes instead)",
      },
      {
        product: "ScyllaDB",
        why: "like Cassandra, a conditional batch is one lightweight transaction within a single partition, and a batch over several partitions is not isolated",
      },
    ],
  },
  "leaderless-quorum": {
    means:
      "any replica of a key accepts a write and the write is acknowledged once a quorum of its replicas holds it, with no leader in between",
    lackedBy: [
      {
        // MySQL reference manual, Replication: a source records changes in its binary log and replicas apply them;
        // Group Replication runs single-primary by default
        product: "MySQL",
        why: "each shard has one source (primary) that takes its writes and ships them to replicas from its binary log, so writes go through one leader",
      },
      {
        // PostgreSQL docs, High Availability: streaming replication sends the primary's WAL to standbys, which serve reads
        product: "PostgreSQL",
        why: "each shard has one primary that takes its writes and streams its write-ahead log to standbys, so writes go through one leader",
      },
    ],
  },
  "cheap-moves": {
    means: "moving a point is a small in-place write, so tens of thousands of moves a second stay affordable",
    lackedBy: [
      {
        product: "PostGIS",
        why: "a move changes an indexed column, so PostgreSQL writes a new row version and a new spatial index entry for every move and leaves the old ones for vacuum",
      },
      {
        product: "Elasticsearch",
        why: "an update marks the old document deleted and indexes a whole new one, which searches see only after the next refresh (one second by default)",
      },
    ],
  },
};

/** The gap that rules this product out for the property, if one is known. */
export function lacks(product: string, property: Property): PropertyGap | undefined {
  const p = product.toLowerCase();
  return PROPERTIES[property].lackedBy.find((g) => p.includes(g.product.toLowerCase()));
}
