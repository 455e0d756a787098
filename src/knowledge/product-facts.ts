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
 *   a Multi-Paxos leader and a write is acknowledged once a quorum of its replicas has logged it. Global tables
 *   ("How DynamoDB global tables work", consistency modes) replicate across Regions in one of two modes: multi-Region
 *   eventual consistency (the default; concurrent writes to an item settle by last writer wins) or multi-Region strong
 *   consistency (exactly three Regions, or two and a witness; a write is acknowledged once another Region holds it,
 *   a strongly consistent read in any Region returns the latest write, and a write that conflicts with one in
 *   progress in another Region fails with ReplicatedWriteConflictException).
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
 *   condition on the partition's current offset. *
 * The entries after Kafka (Elasticsearch, OpenSearch, ClickHouse, S3, GCS, Pulsar, Kinesis, Redpanda, RabbitMQ, SQS,
 * NATS JetStream, Spanner, CockroachDB, TiDB, MongoDB, HBase, Bigtable, Consul, Prometheus, Eureka, Durable Objects,
 * Ceph) are the stores designs pick most often; each names in its `source` the official page its replication, commit and conditional write were checked
 * against. `commit` says who must hold a write before it is acknowledged, so a text calling a product's
 * acknowledgement a quorum or a majority can be checked against it (`deniedClaims`).
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

/** Who must hold a write before the product acknowledges it, by default. */
export type Commit =
  /** a majority of the replicas (Raft, Paxos, Zab, a QUORUM consistency level) */
  | "majority"
  /** every copy in the set the leader keeps in sync (Kafka's ISR, an Elasticsearch replication group, an HDFS pipeline) */
  | "every-copy"
  /** the primary alone: replicas copy it afterwards, a synchronous standby only where configured */
  | "primary-first"
  /** one node, with no copy elsewhere */
  | "single-copy"
  /** a managed service that stores it in several zones before answering, by a protocol it does not document */
  | "managed";

export interface ProductFacts {
  /** The product's name as a row names it (matched as a whole word, case-insensitively). */
  name: string;
  nodeLoss: NodeLoss;
  commit: Commit;
  /** How it replicates, in our own words: what the node-loss answer rests on. */
  replication: string;
  conditional: ConditionalWrite;
  /** How a conditional write is done, in our own words. */
  conditionalHow: string;
  /** Whether its data lives in memory (a restart or node loss empties it unless it is copied elsewhere). */
  inMemory: boolean;
  /**
   * How to make it acknowledge a write only once a majority of its copies holds it, where it does not by default but
   * can be configured to (PostgreSQL's quorum commit, a RabbitMQ quorum queue), in our own words.
   */
  majorityHow?: string;
  /** Words that, right after the name, make it another product ("Prometheus Alertmanager" is no Prometheus server). */
  another?: string;
  /**
   * A managed service that keeps whole objects by key on the provider's own fleet (S3, GCS): buying it buys the disks,
   * the redundancy and the repair, so a design that sizes storage nodes of its own for the same bytes buys them twice.
   */
  managedObjects?: true;
  /**
   * How it acknowledges a write once a majority of the regions hold it, where the regions are its data centres, in our
   * own words: `{quorum}` of `{total}` replicas, `{replicas}` per region, over `{regions}` regions.
   */
  regionQuorum?: string;
  /**
   * What it does across regions, where a design's acknowledged write must outlive a region, in our own words, and the
   * region count its strongly consistent mode needs (where that count is asked, the text is no reason against it).
   */
  acrossRegions?: { says: string; strongRegions: number };
  /** The primary source checked. */
  source: string;
}

/**
 * Cassandra's (and ScyllaDB's, which takes the same consistency levels) way to wait for a majority of regions: QUORUM
 * counts a quorum of the key's replicas across every data centre, so with the same number in each region it always
 * spans a majority of them; LOCAL_QUORUM waits only on the coordinator's data centre, and EACH_QUORUM needs a quorum
 * in every data centre, so it fails while one is down (DataStax docs, "How is the consistency level configured?").
 */
const CASSANDRA_REGION_QUORUM =
  "writes and reads at QUORUM, a quorum of the key's replicas counted across every region ({quorum} of {total}, {replicas} per region, which always spans a majority of the {regions} regions); never LOCAL_QUORUM, which waits only on the writing region, nor EACH_QUORUM, which needs a quorum in every region and so refuses writes while one region is down";

export const PRODUCT_FACTS: readonly ProductFacts[] = [
  {
    name: "Memcached",
    nodeLoss: "lost",
    commit: "single-copy",
    replication: "none: each key lives on the one server the client hashes it to, and servers never copy each other",
    conditional: "native",
    conditionalHow: "`cas` on the item's unique value from `gets`",
    inMemory: true,
    source: "Memcached wiki, Overview; memcached protocol, gets and cas",
  },
  {
    name: "Redis",
    nodeLoss: "may-lose",
    commit: "primary-first",
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
    commit: "majority",
    replication:
      "leaderless: any replica coordinates, and a write at QUORUM is acknowledged once a majority of the key's replicas hold it",
    conditional: "consensus-round",
    conditionalHow: "a lightweight transaction (IF …): a Paxos exchange of four round trips with a quorum of replicas",
    inMemory: false,
    regionQuorum: CASSANDRA_REGION_QUORUM,
    source: "Apache Cassandra / DataStax docs, consistency levels and Lightweight transactions",
  },
  {
    name: "ScyllaDB",
    nodeLoss: "kept",
    commit: "majority",
    replication:
      "leaderless like Cassandra: a write at QUORUM is acknowledged once a majority of the key's replicas hold it",
    conditional: "consensus-round",
    conditionalHow: "a Paxos-based lightweight transaction per conditional write",
    inMemory: false,
    regionQuorum: CASSANDRA_REGION_QUORUM,
    source: "ScyllaDB docs, Lightweight Transactions",
  },
  {
    name: "DynamoDB",
    nodeLoss: "kept",
    commit: "majority",
    replication:
      "each partition is a replication group led by a Multi-Paxos leader, which acknowledges a write once a quorum of its replicas has logged it",
    conditional: "native",
    conditionalHow:
      "a condition expression on PutItem, UpdateItem or DeleteItem, checked by the partition's leader in the same write",
    inMemory: false,
    // "Global tables - multi-active, multi-Region replication" and the prescriptive guidance on global tables: MREC is
    // the default, every replica takes writes and replicates them in the background, last writer wins by timestamp;
    // MRSC needs exactly three Regions (three replicas, or two and a witness)
    acrossRegions: {
      says: "its global tables are multi-active: in their default mode every Region takes writes and ships them to the others asynchronously, settling concurrent writes to an item by last writer wins, so a write acknowledged in a Region lost before it shipped is gone; its multi-Region strong consistency mode holds a write in a second Region before acknowledging it, but spans exactly three Regions (three replicas, or two and a witness)",
      strongRegions: 3,
    },
    source:
      "Amazon DynamoDB developer guide, Condition expressions and Global tables (consistency modes); Elhemali et al., USENIX ATC 2022",
  },
  {
    name: "FoundationDB",
    nodeLoss: "kept",
    commit: "every-copy",
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
    commit: "majority",
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
    commit: "majority",
    replication: "one Raft group: a write commits once a majority of members hold it",
    conditional: "native",
    conditionalHow: "a Txn comparing the key's mod revision before it writes",
    inMemory: false,
    source: "etcd docs, API guarantees and KV Txn",
  },
  {
    name: "ZooKeeper",
    nodeLoss: "kept",
    commit: "majority",
    replication: "the leader orders every update and acknowledges it once a quorum of followers has logged it (Zab)",
    conditional: "native",
    conditionalHow: "setData or delete with the expected version",
    inMemory: false,
    source: "ZooKeeper Programmer's Guide",
  },
  {
    name: "PostgreSQL",
    nodeLoss: "if-configured",
    commit: "primary-first",
    replication:
      "streaming replication is asynchronous by default; a commit waits for a standby only when synchronous_standby_names names one",
    conditional: "native",
    conditionalHow: "a transaction (INSERT … ON CONFLICT, UPDATE … WHERE version = …) on the primary",
    inMemory: false,
    majorityHow:
      "with two synchronous standbys named as ANY 1 (…) in synchronous_standby_names (quorum commit), each commit waits for one of them, so two of three copies hold it; PostgreSQL itself detects no failed primary, so promoting a standby still needs a failover manager outside it",
    source:
      "PostgreSQL docs, High Availability (synchronous replication, failover) and synchronous_standby_names (ANY, quorum commit)",
  },
  {
    name: "MySQL",
    nodeLoss: "if-configured",
    commit: "primary-first",
    replication:
      "binary-log replication is asynchronous by default; semi-synchronous replication makes the source wait for a replica's receipt",
    conditional: "native",
    conditionalHow: "a transaction (UPDATE … WHERE version = …) on the source",
    inMemory: false,
    majorityHow:
      "in a Group Replication group (single-primary by default), a transaction commits only once a majority of the members agree on it through the group's Paxos-based protocol",
    source: "MySQL reference manual, Replication, Semisynchronous Replication and Group Replication (fault tolerance)",
  },
  {
    name: "Kafka",
    nodeLoss: "kept",
    commit: "every-copy",
    replication:
      "each partition's leader acknowledges a write with acks=all only once every in-sync replica has it, and min.insync.replicas refuses it when too few are in sync",
    conditional: "none",
    conditionalHow:
      "a produce carries no condition on the partition's current offset (the idempotent producer only drops its own retries)",
    inMemory: false,
    source: "Apache Kafka docs, producer acks and min.insync.replicas",
  },
  {
    name: "Elasticsearch",
    nodeLoss: "kept",
    commit: "every-copy",
    replication:
      "primary-backup per shard: the primary indexes a write, forwards it to every copy in its in-sync set and answers once they all have it; a copy that fails is dropped from the set first",
    conditional: "native",
    conditionalHow:
      "an index or delete with if_seq_no and if_primary_term, or op_type=create, checked on the shard's primary",
    inMemory: false,
    source:
      "Elasticsearch reference, Reading and writing documents (data replication model) and Optimistic concurrency control",
  },
  {
    name: "OpenSearch",
    nodeLoss: "kept",
    commit: "every-copy",
    replication:
      "document replication inherited from Elasticsearch: the primary shard forwards a write to its in-sync replicas and answers once they have it",
    conditional: "native",
    conditionalHow:
      "an index request with if_seq_no and if_primary_term, or the _create endpoint, checked on the primary",
    inMemory: false,
    source: "OpenSearch docs, Index document API (if_seq_no, if_primary_term, _create)",
  },
  {
    name: "ClickHouse",
    nodeLoss: "if-configured",
    commit: "primary-first",
    replication:
      "ReplicatedMergeTree replicas copy each inserted part from one another after the INSERT returns (asynchronous, any replica takes writes); insert_quorum makes an INSERT wait until that many replicas hold it",
    conditional: "none",
    conditionalHow: "an INSERT adds a data part and checks nothing about the rows already there",
    inMemory: false,
    majorityHow: "with insert_quorum = 'auto', an INSERT succeeds only once a majority of the table's replicas hold it",
    source: "ClickHouse docs, Replicated* table engines and the insert_quorum setting",
  },
  {
    name: "S3",
    nodeLoss: "kept",
    commit: "managed",
    replication: "the service stores an object redundantly across several Availability Zones before a PUT succeeds",
    conditional: "native",
    conditionalHow: "a PUT with If-None-Match (create only when the key is absent) or If-Match on the object's ETag",
    inMemory: false,
    managedObjects: true,
    source: "Amazon S3 user guide, Data protection and Conditional writes",
  },
  {
    name: "GCS",
    nodeLoss: "kept",
    commit: "managed",
    replication: "the service stores an object redundantly within its location before an upload succeeds",
    conditional: "native",
    conditionalHow: "an upload with ifGenerationMatch (0: create only when absent) or ifMetagenerationMatch",
    inMemory: false,
    managedObjects: true,
    source: "Google Cloud Storage docs, Request preconditions",
  },
  {
    name: "Pulsar",
    nodeLoss: "kept",
    commit: "every-copy",
    replication:
      "each entry of a topic's ledger goes to a write quorum of BookKeeper bookies, and the broker acknowledges once the ledger's ack quorum of them (a configured count, not necessarily a majority) has persisted it",
    conditional: "none",
    conditionalHow:
      "a publish carries no condition on the topic's last message (deduplication only drops a producer's own resends)",
    inMemory: false,
    source: "Apache BookKeeper docs, The BookKeeper protocol (ensemble, write and ack quorum)",
  },
  {
    name: "Kinesis",
    nodeLoss: "kept",
    commit: "managed",
    replication:
      "the service replicates each record synchronously across three Availability Zones before PutRecord answers",
    conditional: "none",
    conditionalHow:
      "PutRecord's SequenceNumberForOrdering only orders one producer's records under a partition key; it checks nothing",
    inMemory: false,
    source: "Amazon Kinesis Data Streams API reference, PutRecord; Kinesis Data Streams FAQ (durability)",
  },
  {
    name: "Redpanda",
    nodeLoss: "kept",
    commit: "majority",
    replication:
      "each partition is a Raft group: with acks=all a write is acknowledged once a majority has it, fsynced",
    conditional: "none",
    conditionalHow: "a produce through the Kafka API carries no condition on the partition's current offset",
    inMemory: false,
    source: "Redpanda docs, Configure producers (acks) and How Redpanda works",
  },
  {
    name: "RabbitMQ",
    nodeLoss: "if-configured",
    commit: "primary-first",
    replication:
      "a classic queue lives on one node; a quorum queue (declared with x-queue-type=quorum) is a Raft group that confirms a message once a majority holds it",
    conditional: "none",
    conditionalHow: "a publish carries no condition on what the queue holds",
    inMemory: false,
    majorityHow: "a queue declared as a quorum queue confirms a message only once a majority of its replicas holds it",
    source: "RabbitMQ docs, Quorum Queues",
  },
  {
    name: "SQS",
    nodeLoss: "kept",
    commit: "managed",
    replication:
      "the service stores a message redundantly in several Availability Zones before SendMessage is acknowledged",
    conditional: "none",
    conditionalHow: "a send carries no condition on what the queue holds",
    inMemory: false,
    source: "Amazon SQS developer guide, Standard queues and At-least-once delivery",
  },
  {
    name: "NATS",
    nodeLoss: "if-configured",
    commit: "majority",
    replication:
      "a JetStream stream has one replica unless created with more; a stream of three or five replicas is a Raft group that stores a message once a majority holds it",
    conditional: "native",
    conditionalHow:
      "a publish with Nats-Expected-Last-Subject-Sequence (or Nats-Expected-Last-Sequence), rejected when the stream has moved on",
    inMemory: false,
    majorityHow:
      "a stream created with three (or five) replicas stores a message only once a majority of them holds it",
    source: "NATS docs, JetStream clustering (Raft) and JetStream headers",
  },
  {
    name: "Spanner",
    nodeLoss: "kept",
    commit: "majority",
    replication:
      "each split is replicated by Paxos: a write commits once a majority of its voting replicas agree, and a commit across splits is a two-phase commit over those groups",
    conditional: "native",
    conditionalHow: "a read-write transaction that locks the rows it reads and writes them",
    inMemory: false,
    source: "Google Cloud Spanner docs, Replication and Life of Spanner reads and writes",
  },
  {
    name: "CockroachDB",
    nodeLoss: "kept",
    commit: "majority",
    replication:
      "each range is a Raft group: a write commits once a majority of its replicas (two of three by default) has it",
    conditional: "native",
    conditionalHow: "a serializable SQL transaction (UPDATE … WHERE version = …, INSERT … ON CONFLICT)",
    inMemory: false,
    source: "CockroachDB docs, Architecture glossary (consensus, replication) and strong consistency",
  },
  {
    name: "TiDB",
    nodeLoss: "kept",
    commit: "majority",
    replication:
      "its rows live in TiKV, where each region is a Raft group and a write succeeds once a majority holds it",
    conditional: "native",
    conditionalHow: "a SQL transaction (UPDATE … WHERE version = …, INSERT … ON DUPLICATE KEY)",
    inMemory: false,
    source: "TiDB docs, TiKV Overview",
  },
  {
    name: "MongoDB",
    nodeLoss: "kept",
    commit: "majority",
    replication:
      "a replica set's primary acknowledges at the default write concern, majority, once most data-bearing voting members have applied the write",
    conditional: "native",
    conditionalHow: "an update or findOneAndUpdate whose filter names the expected version, atomic on one document",
    inMemory: false,
    source: "MongoDB manual, Write Concern and Write Concern for Replica Sets",
  },
  {
    name: "HBase",
    nodeLoss: "kept",
    commit: "every-copy",
    replication:
      "a region server appends each mutation to its write-ahead log on HDFS and, at the default SYNC_WAL, flushes it to the DataNodes of the block's pipeline before answering",
    conditional: "native",
    conditionalHow: "checkAndMutate, which checks a row and applies the mutation atomically on the row's region server",
    inMemory: false,
    source: "Apache HBase API docs, Durability (SYNC_WAL) and Table.checkAndMutate",
  },
  {
    name: "Bigtable",
    nodeLoss: "kept",
    commit: "managed",
    replication:
      "a cluster's nodes keep no data of their own: tablets live in Google's replicated file system, so losing a node loses nothing; replication between clusters is eventually consistent",
    conditional: "native",
    conditionalHow: "CheckAndMutateRow, which applies mutations atomically on one row depending on a filter's result",
    inMemory: false,
    source: "Google Cloud Bigtable docs, Bigtable overview and the CheckAndMutateRow API",
  },
  {
    name: "Consul",
    nodeLoss: "kept",
    commit: "majority",
    replication: "the servers form one Raft group: a key-value write commits once a majority of servers hold it",
    conditional: "native",
    conditionalHow: "a KV PUT with ?cas= the key's ModifyIndex (0: create only when absent)",
    inMemory: false,
    source: "HashiCorp Consul docs, consul kv put (-cas, -modify-index) and Consensus protocol",
  },
  {
    name: "Prometheus",
    nodeLoss: "lost",
    commit: "single-copy",
    replication:
      "none: a server's local time-series database is neither clustered nor replicated (high availability means two servers scraping the same targets, each with its own copy)",
    conditional: "none",
    conditionalHow: "samples are appended by scraping; nothing writes conditionally",
    inMemory: false,
    another: "Alertmanager",
    source: "Prometheus docs, Storage (local storage)",
  },
  {
    name: "Eureka",
    nodeLoss: "may-lose",
    commit: "primary-first",
    replication:
      "peer-to-peer: the server a client registered with answers, then replicates the operation to the peers it knows; a failed replication is reconciled on the next heartbeat",
    conditional: "none",
    conditionalHow: "a registration or heartbeat carries no condition on the registry's current entry",
    inMemory: true,
    source: "Netflix Eureka wiki, Understanding Eureka Peer to Peer Communication",
  },
  {
    name: "Durable Objects",
    nodeLoss: "kept",
    commit: "managed",
    replication:
      "each object's storage is transactional and strongly consistent, and the object holds back its response until the writes it made are confirmed durable (its output gate)",
    conditional: "native",
    conditionalHow: "a read then write inside the object, which runs one event at a time, or a storage transaction",
    inMemory: false,
    source: "Cloudflare docs, Durable Objects overview and Transactional Storage API",
  },
  {
    name: "Ceph",
    nodeLoss: "kept",
    commit: "every-copy",
    replication:
      "the primary OSD of an object's placement group writes it to the secondary OSDs of the acting set and acknowledges once they and it have persisted it",
    conditional: "native",
    conditionalHow:
      "a librados write operation guarded by cmpxattr or an omap compare, applied atomically by the primary OSD",
    inMemory: false,
    source: "Ceph docs, Architecture (replication) and the librados API (rados_write_op_cmpxattr)",
  },
];

const wordOf = (name: string, another?: string) =>
  new RegExp(`(?:^|[^\\w-])${name}(?!\\s+${another ?? "(?!)"})(?:$|[^\\w-])`, "i");
const MATCHERS = PRODUCT_FACTS.map((f) => ({ f, re: wordOf(f.name, f.another) }));

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
