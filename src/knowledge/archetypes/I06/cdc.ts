import type { z } from "zod";
import type { MechanismId, Technology } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * A projection fed by change data capture from a database the applications write directly (topic "cdc",
 * knowledge/topics.ts), with a cache or key-value store as a further sink where the prompt names one ("cdc-cache").
 * Nothing goes through a write API of ours: the database's own write-ahead log is the change stream's source, read
 * through a logical replication slot, and the log position of each change's commit (the LSN) is both where the
 * capture resumes and the version every sink compares before it applies a change. No update is lost because no
 * position (the slot's, the change log's, each sink's) moves past a change that is not yet durable or applied further
 * on; per-row order holds because every change of one primary key goes through one partition and one applier.
 *
 * Facts, checked against primary sources:
 * - PostgreSQL logical decoding streams committed changes through a replication slot with an output plugin; Debezium's
 *   PostgreSQL connector uses the built-in pgoutput plugin, reads a consistent snapshot first and then streams, and
 *   records each event's LSN (with the transaction id) as its source offset (Debezium PostgreSQL connector docs,
 *   Red Hat Debezium user guide, "How Debezium PostgreSQL connectors work" and "Setting up PostgreSQL").
 * - A replication slot keeps all the WAL its consumer still needs even while the connector is stopped, so disk use
 *   must be watched (the same guide). PostgreSQL's max_slot_wal_keep_size caps that WAL (-1, the default, keeps
 *   without limit); a slot whose restart_lsn falls further behind may lose the WAL it needs (PostgreSQL docs,
 *   runtime-config-replication). The slot's confirmed_flush_lsn is where its consumer has confirmed receipt;
 *   transactions committed before it are not decoded again.
 * - Debezium keys each change event by the row's primary key (or the columns message.key.columns names), so Kafka
 *   puts every change of one row in one partition (Debezium change event keys).
 * - Elasticsearch with version_type=external indexes a document only when the given version is higher than the
 *   stored one, and refuses an older or equal one with a version conflict (Elasticsearch index API, versioning).
 *   A deleted document's version is kept only for index.gc_deletes, 60 seconds by default (Elasticsearch delete API
 *   reference), so a late older change arriving after that would recreate a deleted document.
 * - A Redis script (EVAL) runs atomically: no other command runs while it does, so a read-compare-write on the stored
 *   version is one step (Redis EVAL documentation, "atomicity of scripts").
 * - PostgreSQL logical replication does not carry DDL: schema changes reach the consumer only as new relation
 *   descriptions on the next changed row (PostgreSQL logical replication, restrictions).
 *
 * Where the captured database is MySQL (topic "cdc-mysql", which needs "cdc") its own rows stand in for the PostgreSQL
 * ones, and no slot, WAL or LSN is said:
 * - MySQL's binary log records every committed change in commit order, DDL included, and is what replication reads;
 *   Debezium's MySQL connector reads it as a replica would (row-based logging, binlog_format=ROW), takes a consistent
 *   snapshot first and then reads the binlog from the snapshot's point (Debezium MySQL connector docs, Red Hat
 *   Debezium user guide, "How Debezium MySQL connectors work").
 * - The connector's place is the binlog file and position (and, with GTIDs on, the GTID set), kept in Kafka Connect's
 *   offsets; the server keeps nothing for it and purges binary logs by age (binlog_expire_logs_seconds, 30 days by
 *   default in MySQL 8.0): a replica not connected while a file it has yet to read is purged cannot continue (MySQL
 *   reference manual, PURGE BINARY LOGS), so the connector must snapshot again.
 * - The DDL it reads is kept in the connector's schema history topic, which must be kept whole (one partition, no
 *   expiry) for the connector to read older events (Debezium MySQL connector docs, schema history topic).
 * - A promoted replica writes its own binlog files, so a file and position mean nothing there; with GTIDs the
 *   connector finds its place on the new primary by the transactions it has already seen (the same docs).
 */

const T = "cdc" as const;
const C = "cdc-cache" as const;
/** The captured database is MySQL: its rows say binary log and binlog position where PostgreSQL's say slot and LSN. */
const M = "cdc-mysql" as const;
type TechnologyInput = z.input<typeof Technology>;

export const CDC_ENTITIES = [
  {
    name: "ReplicationSlot",
    description:
      "The source database's logical replication slot (pgoutput): its confirmed_flush_lsn, up to which the CDC connector has confirmed that changes are durable downstream, and its restart_lsn, the oldest WAL the source must keep for it.",
    // the capture's position lives only here: a slot lost or moved past a change loses that update for every sink
    truth: true,
    stance: {
      consistency: "linearizable",
      availability: "fail-closed",
      because:
        "the slot lives on the source primary and only moves forward; a connector cut off from it captures nothing rather than skip a change",
    },
    topic: T,
    unlessTopic: M,
  },
  {
    name: "CacheEntry",
    description:
      "One row's copy in the cache, stored with the log position of the change that wrote it (a deleted row keeps its position as a marker with a TTL longer than any replay), so an older change is refused.",
    truth: false,
    topic: C,
  },
  {
    name: "BinlogOffset",
    description:
      "The CDC connector's committed place in the source's binary log: the binlog file and position of the last change durable in the change log and, with GTIDs on, the set of transactions already captured. Kafka Connect keeps it with the connector's offsets; the MySQL server keeps nothing for the connector.",
    // the capture's position lives only here: an offset moved past a change loses that update for every sink
    truth: true,
    stance: {
      consistency: "linearizable",
      availability: "fail-closed",
      because:
        "the offset only moves forward and only past changes durable downstream; a connector that cannot commit it reads again from the last one rather than skip a change",
    },
    topic: M,
  },
] as const;

export const CDC_WRITES = [
  {
    action:
      "decode each committed row change from the write-ahead log through the logical replication slot (pgoutput) and publish it to the change log keyed by primary key, carrying its commit LSN",
    entity: "ChangeEvent",
    shape: "append event",
    mechanism: "partition-key-ordering",
    critical: true,
    topic: T,
    unlessTopic: M,
  },
  {
    action:
      "confirm an LSN to the replication slot only once every change up to it is durable in the change log, so the source releases only WAL nothing still needs",
    entity: "ReplicationSlot",
    shape: "overwrite current value",
    mechanism: "projector-checkpoint",
    critical: true,
    topic: T,
    unlessTopic: M,
  },
  {
    action:
      "index the document with its commit LSN as an external version (version_type=external), so a replayed or older change is refused",
    entity: "IndexDocument",
    shape: "overwrite current value",
    mechanism: "version-check",
    critical: true,
    topic: T,
    unlessTopic: M,
  },
  {
    action:
      "carry a source delete as a soft-delete document stamped with the delete's LSN, filtered out of queries and purged later, so its version outlives index.gc_deletes",
    entity: "IndexDocument",
    shape: "state transition",
    mechanism: "version-check",
    topic: T,
    unlessTopic: M,
  },
  {
    action:
      "apply the change to the cache by an atomic script that compares its log position with the one stored beside the value and writes only a newer one",
    entity: "CacheEntry",
    shape: "overwrite current value",
    mechanism: "version-check",
    critical: true,
    topic: C,
  },
  {
    action:
      "take a consistent snapshot of each captured table at the slot's starting LSN, then stream every change after it",
    entity: "ChangeEvent",
    shape: "async process",
    mechanism: "replay-rebuild",
    hidden: true,
    topic: T,
    unlessTopic: M,
  },
  {
    action:
      "read each committed row change from the source's row-based binary log as a replica would and publish it to the change log keyed by primary key, carrying its binlog position",
    entity: "ChangeEvent",
    shape: "append event",
    mechanism: "partition-key-ordering",
    critical: true,
    topic: M,
  },
  {
    action:
      "commit the binlog offset (file, position and GTID set) only once every change up to it is durable in the change log, so a restart resumes at a change nothing downstream has lost",
    entity: "BinlogOffset",
    shape: "overwrite current value",
    mechanism: "projector-checkpoint",
    critical: true,
    topic: M,
  },
  {
    action:
      "index the document with its binlog position as an external version (version_type=external), so a replayed or older change is refused",
    entity: "IndexDocument",
    shape: "overwrite current value",
    mechanism: "version-check",
    critical: true,
    topic: M,
  },
  {
    action:
      "carry a source delete as a soft-delete document stamped with the delete's binlog position, filtered out of queries and purged later, so its version outlives index.gc_deletes",
    entity: "IndexDocument",
    shape: "state transition",
    mechanism: "version-check",
    topic: M,
  },
  {
    action:
      "take a consistent snapshot of each captured table at one binlog position, then stream every change after it",
    entity: "ChangeEvent",
    shape: "async process",
    mechanism: "replay-rebuild",
    hidden: true,
    topic: M,
  },
] as const;

export const CDC_READS = [
  {
    action: "read a row's cached copy by primary key",
    entity: "CacheEntry",
    shape: "read projection",
    staleness:
      "Trails the database by the capture and apply lag, typically under a second; a miss or a decision that needs the current row reads the database.",
    topic: C,
  },
] as const;

export const CDC_INVARIANTS = [
  "A ReplicationSlot's confirmed LSN never passes a change not yet durable in the change log, and no sink's offset passes a change that sink has not applied, so a crash anywhere resumes without losing an update.",
  "Every sink applies a ChangeEvent only when its commit LSN is above the LSN it already holds for that primary key, so a redelivered, replayed or reordered change leaves the newer value in place.",
  "All ChangeEvents of one primary key travel through one change-log partition and are applied by one worker per sink, in LSN order.",
];

/** The same rules where the captured database is MySQL: its binlog offset and binlog positions. */
export const CDC_MYSQL_INVARIANTS = [
  "A BinlogOffset never passes a change not yet durable in the change log, and no sink's offset passes a change that sink has not applied, so a crash anywhere resumes without losing an update.",
  "Every sink applies a ChangeEvent only when its binlog position is above the one it already holds for that primary key, so a redelivered, replayed or reordered change leaves the newer value in place.",
  "All ChangeEvents of one primary key travel through one change-log partition and are applied by one worker per sink, in binlog order.",
];

/** The mechanism that keeps each capture rule it names: a sink's guard is a compare of the change's LSN to its own. */
export const CDC_KEPT_BY: Readonly<Record<string, MechanismId>> = {
  [CDC_INVARIANTS[0] as string]: "projector-checkpoint",
  [CDC_INVARIANTS[1] as string]: "version-check",
  [CDC_MYSQL_INVARIANTS[0] as string]: "projector-checkpoint",
  [CDC_MYSQL_INVARIANTS[1] as string]: "version-check",
};

export const CDC_CACHE_INVARIANTS = [
  "A CacheEntry is replaced only by a change whose log position is above the one stored beside it, compared and written in one atomic script.",
];

export const CDC_FAILURES = [
  {
    failure:
      "A sink or the connector stalls, the slot's position stops, and the source keeps every WAL segment since until its disk fills",
    role: "truth",
    prevention:
      "Alert on each slot's retained WAL (pg_replication_slots) and cap it with max_slot_wal_keep_size, so a stalled consumer can never stop the source database",
    repair:
      "A slot that passed the cap has lost WAL it needed: create a new slot, re-snapshot the tables and stream from there; the LSN guards at the sinks make the re-applied rows harmless",
    topic: T,
    unlessTopic: M,
  },
  {
    failure:
      "A delete reaches Elasticsearch, and a late older change for the same row arrives after index.gc_deletes (60 s by default) has dropped the delete's version, recreating the deleted document",
    role: "derived",
    prevention:
      "Write deletes as soft-delete documents that keep their LSN as the version (filtered out of queries, purged once older than the longest replay), or raise index.gc_deletes above the longest replay window",
    repair: "Sweep the index for documents whose row no longer exists in the database and soft-delete them at its LSN",
    topic: T,
    unlessTopic: M,
  },
  {
    failure:
      "The connector restarts and re-emits every change since the slot's last confirmed LSN, so sinks see changes twice",
    role: "derived",
    prevention:
      "Every sink compares the change's LSN with the one it holds for the row, so a repeat is refused as stale",
    repair: "Nothing to repair: the repeats were refused; count them to watch the replay size",
    topic: T,
    unlessTopic: M,
  },
  {
    failure:
      "A table's schema changes (a column added, renamed or retyped); logical replication carries no DDL, and a sink's mapping refuses the new shape and blocks its partition",
    role: "coordination",
    prevention:
      "Add columns to the sinks' mappings before the database, make only additive changes in place, and read the new column set from the change events' relation descriptions",
    repair:
      "Build a new index generation with the new mapping from a snapshot, replay from its LSN and swap the alias; park the blocked changes and replay them after",
    topic: T,
    unlessTopic: M,
  },
  {
    failure:
      "The source primary fails over, and its logical replication slot does not exist on the promoted standby, so capture cannot resume where it stopped",
    role: "truth",
    prevention:
      "Synchronise the slot to the standby (PostgreSQL 17 failover slots), or fail over only after the connector has caught up",
    repair:
      "Create a slot on the new primary and re-snapshot; the LSN guards at the sinks refuse anything older than what they hold",
    topic: T,
    unlessTopic: M,
  },
  {
    failure:
      "The cache evicts a row's key (or restarts empty), losing the log position stored beside the value, so a replay of an older change can write an older value back",
    role: "derived",
    prevention:
      "Run the CDC-fed cache without eviction (or keep each row's position in a key that is never evicted), and replay only from the cache applier's own committed offset",
    repair: "Reload the affected keys from the database, each with the log position the capture has reached",
    topic: C,
  },
  {
    failure:
      "The connector stays down longer than the source keeps its binary logs (binlog_expire_logs_seconds, 30 days by default in MySQL 8.0), the files it has yet to read are purged, and it cannot resume",
    role: "truth",
    prevention:
      "Keep binary logs longer than the longest connector outage, alert on the connector's lag behind the source's current binlog position, and never purge by hand past the connector's offset",
    repair:
      "Take a new snapshot of the tables and stream from its binlog position; the position guards at the sinks make the re-applied rows harmless",
    topic: M,
  },
  {
    failure:
      "A delete reaches Elasticsearch, and a late older change for the same row arrives after index.gc_deletes (60 s by default) has dropped the delete's version, recreating the deleted document",
    role: "derived",
    prevention:
      "Write deletes as soft-delete documents that keep their binlog position as the version (filtered out of queries, purged once older than the longest replay), or raise index.gc_deletes above the longest replay window",
    repair:
      "Sweep the index for documents whose row no longer exists in the database and soft-delete them at the current binlog position",
    topic: M,
  },
  {
    failure:
      "The connector restarts and re-emits every change since its last committed binlog offset, so sinks see changes twice",
    role: "derived",
    prevention:
      "Every sink compares the change's binlog position with the one it holds for the row, so a repeat is refused as stale",
    repair: "Nothing to repair: the repeats were refused; count them to watch the replay size",
    topic: M,
  },
  {
    failure:
      "A table's schema changes; the binary log carries the DDL and the connector keeps it in its schema history topic, so a lost or expired history topic stops the connector from reading older events, and a sink mapping that refuses the new shape blocks its partition",
    role: "coordination",
    prevention:
      "Keep the schema history topic whole (one partition, no expiry), add columns to the sinks' mappings before the database, and make only additive changes in place",
    repair:
      "Build a new index generation with the new mapping from a snapshot, replay from its binlog position and swap the alias; park the blocked changes and replay them after",
    topic: M,
  },
  {
    failure:
      "The source primary fails over; the promoted replica writes its own binlog files, so the connector's file and position mean nothing there, and the new primary's positions do not continue the old ones",
    role: "truth",
    prevention:
      "Run the source with GTIDs (gtid_mode=ON), so the connector finds its place on the promoted server by the transactions it has already captured, and rank each sink's version by the primary's failover generation before the binlog position",
    repair:
      "Without GTIDs, take a new snapshot on the promoted primary and stream from its binlog position under the next generation; the guards at the sinks refuse anything older than what they hold",
    topic: M,
  },
] as const;

export const CDC_TECHNOLOGIES: TechnologyInput[] = [
  {
    product: "PostgreSQL logical decoding (pgoutput) through a replication slot",
    layer: "coordination",
    fits: "Streams committed row changes in commit order from the write-ahead log, each with its commit LSN, and keeps the WAL its consumer has not confirmed.",
    suits: ["ordering", "durable", "at-least-once"],
    poorFor: ["operational-simplicity"],
    caveat:
      "A stalled consumer makes the source keep WAL until max_slot_wal_keep_size is reached, and DDL is not carried.",
    topic: T,
    unlessTopic: M,
  },
  {
    product: "Debezium PostgreSQL connector on Kafka Connect",
    layer: "coordination",
    fits: "Snapshots the tables, then streams their changes keyed by primary key with the LSN as each event's offset, and confirms LSNs to the slot as its offsets commit.",
    suits: ["ordering", "at-least-once", "durable"],
    poorFor: ["exactly-once", "operational-simplicity"],
    caveat: "A restart re-emits the changes since the last confirmed LSN, so every sink must refuse stale versions.",
    topic: T,
    unlessTopic: M,
  },
  {
    product: "Redis (values with their log position, written by a compare-and-set script)",
    layer: "serving",
    fits: "Serves each row's copy by key from memory; an EVAL script compares the stored log position and writes atomically.",
    suits: ["low-latency", "high-throughput"],
    poorFor: ["durable", "rich-queries"],
    caveat:
      "Eviction drops the stored position with the value, so a CDC-fed cache runs without eviction or keeps the position apart.",
    topic: C,
  },
  {
    product: "MySQL row-based binary log (binlog_format=ROW, GTIDs on)",
    layer: "coordination",
    fits: "Records every committed change in commit order, DDL included, and is read by any client that joins as a replica.",
    suits: ["ordering", "durable", "at-least-once"],
    poorFor: ["operational-simplicity"],
    caveat:
      "The server purges binary logs by age whether or not the connector has read them, so retention must outlast the longest connector outage.",
    topic: M,
  },
  {
    product: "Debezium MySQL connector on Kafka Connect",
    layer: "coordination",
    fits: "Snapshots the tables, then reads the binary log as a replica and streams changes keyed by primary key, keeping the binlog position and GTID set as its offsets and every DDL in a schema history topic.",
    suits: ["ordering", "at-least-once", "durable"],
    poorFor: ["exactly-once", "operational-simplicity"],
    caveat: "A restart re-emits the changes since the last committed offset, so every sink must refuse stale versions.",
    topic: M,
  },
];

export const CDC_COMPONENTS: ComponentSpec[] = [
  {
    id: "writers",
    name: "Applications (write the database directly)",
    kind: "client",
    runs: ["insert", "update", "delete"],
    because: "the applications keep writing the database as before; capture reads its log and asks nothing of them",
    topic: T,
  },
  {
    id: "source-db",
    name: "Source database (primary: write-ahead log and logical replication slot)",
    kind: "store",
    holds: ["SourceRecord", "ReplicationSlot"],
    runs: ["commit", "logical decoding (pgoutput)"],
    because:
      "it stays the system of record; its write-ahead log orders every committed change and the slot keeps what capture has not confirmed",
    topic: T,
    unlessTopic: M,
  },
  {
    id: "cdc-connector",
    name: "CDC connector (Debezium, reads the slot)",
    kind: "worker-pool",
    runs: ["snapshot", "decode changes", "publish keyed by primary key", "confirm LSN"],
    because:
      "one reader per slot turns the log into change events keyed by primary key, and confirms an LSN only once it is durable downstream",
    topic: T,
    unlessTopic: M,
  },
  {
    id: "cache-applier",
    name: "Cache applier workers",
    kind: "worker-pool",
    runs: ["compare-and-set by log position", "commit offset"],
    because: "the cache is a second sink with its own position, so neither sink waits for the other or loses its place",
    topic: C,
  },
  {
    id: "cache",
    name: "Cache (Redis: each row's copy with its log position)",
    kind: "store",
    holds: ["CacheEntry"],
    runs: ["get by key", "compare-and-set script"],
    because: "serves each row by key, refusing any change older than the one it holds",
    topic: C,
  },
  {
    id: "source-db",
    name: "Source database (MySQL primary: row-based binary log, GTIDs on)",
    kind: "store",
    holds: ["SourceRecord"],
    runs: ["commit", "write the binary log"],
    because:
      "it stays the system of record; its binary log orders every committed change, kept for its retention whether or not capture has read it",
    topic: M,
  },
  {
    id: "cdc-connector",
    name: "CDC connector (Debezium, reads the binary log as a replica)",
    kind: "worker-pool",
    holds: ["BinlogOffset"],
    runs: ["snapshot", "read the binary log", "publish keyed by primary key", "commit the binlog offset"],
    because:
      "one reader per source database turns the binary log into change events keyed by primary key, and commits its offset only once they are durable downstream",
    topic: M,
  },
];

export const CDC_LINKS: LinkSpec[] = [
  { from: "writers", to: "source-db", kind: "request", label: "SQL writes (commit)", topic: T },
  {
    from: "source-db",
    to: "cdc-connector",
    kind: "stream",
    label: "pgoutput changes from the slot's confirmed LSN",
    topic: T,
    unlessTopic: M,
  },
  {
    from: "cdc-connector",
    to: "change-log",
    kind: "stream",
    label: "change events keyed by primary key (acks = all)",
    topic: T,
  },
  {
    from: "cdc-connector",
    to: "source-db",
    kind: "control",
    label: "confirm LSN once durable",
    topic: T,
    unlessTopic: M,
  },
  { from: "change-log", to: "cache-applier", kind: "stream", label: "changes from its own offset", topic: C },
  { from: "cache-applier", to: "cache", kind: "request", label: "compare-and-set by log position (script)", topic: C },
  {
    from: "source-db",
    to: "cdc-connector",
    kind: "stream",
    label: "row events from the binary log, from the committed binlog position",
    topic: M,
  },
];

export const CDC_API: ApiSpec[] = [
  {
    operation: "lag",
    call: "GET /v1/pipeline/lag",
    request: [],
    response: ["source current LSN", "slot confirmed LSN and retained WAL", "each sink's applied LSN"],
    errors: [],
    guarantee: "each sink's lag is the source's current LSN minus the LSN that sink has applied",
    topic: T,
    unlessTopic: M,
  },
  {
    operation: "resnapshot",
    call: "POST /v1/pipeline/snapshots",
    request: ["tables"],
    response: ["snapshot_id", "starting LSN"],
    errors: ["409 a snapshot of these tables is running"],
    guarantee:
      "the snapshot is read at one LSN and streaming resumes from it; rows it rewrites carry that LSN, so sinks holding newer ones refuse them",
    topic: T,
    unlessTopic: M,
  },
  {
    operation: "lag",
    call: "GET /v1/pipeline/lag",
    request: [],
    response: [
      "source current binlog position",
      "connector committed binlog offset",
      "each sink's applied binlog position",
    ],
    errors: [],
    guarantee: "each sink's lag is the source's current binlog position minus the one that sink has applied",
    topic: M,
  },
  {
    operation: "resnapshot",
    call: "POST /v1/pipeline/snapshots",
    request: ["tables"],
    response: ["snapshot_id", "starting binlog position"],
    errors: ["409 a snapshot of these tables is running"],
    guarantee:
      "the snapshot is read at one binlog position and streaming resumes from it; rows it rewrites carry that position, so sinks holding newer ones refuse them",
    topic: M,
  },
];

export const CDC_DATA: DataSpec[] = [
  {
    entity: "ReplicationSlot",
    key: ["slot_name"],
    fields: ["plugin (pgoutput)", "confirmed_flush_lsn", "restart_lsn", "retained WAL bytes"],
    indexes: [],
    owner: "source-db",
    topic: T,
    unlessTopic: M,
  },
  {
    entity: "CacheEntry",
    key: ["table", "primary_key"],
    fields: ["value", "position", "deleted (marker with TTL)"],
    indexes: [],
    partitionKey: "primary_key",
    owner: "cache",
    topic: C,
  },
  {
    entity: "BinlogOffset",
    key: ["connector", "source database"],
    fields: ["binlog_file", "position", "gtid_set", "committed_at"],
    indexes: [],
    owner: "cdc-connector",
    topic: M,
  },
];

export const CDC_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Capture a row change and apply it to the index by LSN",
    notation:
      "writers>source-db[commit the row change, logged in the WAL at LSN L] -> source-db>cdc-connector[decode the change from the slot in commit order {L > ReplicationSlot.confirmed_flush_lsn}] -> cdc-connector>change-log[publish keyed by primary key with version L] -> change-log>cdc-connector[acknowledged by every in-sync replica] -> cdc-connector>source-db[confirm L to the slot] -> change-log>projector[deliver the row's changes in order] -> projector>index[index with version L, version_type=external {L > IndexDocument.source_version}] -> index>projector[acknowledged] -> projector>change-log[commit the index applier's offset] |-> projector[skip a stale change {L <= IndexDocument.source_version}] => done | retry | park",
    topic: T,
    unlessTopic: M,
  },
  {
    name: "Apply a row change to the cache by log position",
    notation:
      "change-log>cache-applier[deliver the row's changes in order] -> cache-applier>cache[run the compare-and-set script: write the value and L {L > CacheEntry.position}] -> cache>cache-applier[applied, or refused as stale] -> cache-applier>change-log[commit the cache applier's offset] => done | retry | park",
    topic: C,
  },
  {
    name: "Capture a row change and apply it to the index by binlog position",
    notation:
      "writers>source-db[commit the row change, written to the binary log at position P] -> source-db>cdc-connector[stream the row event in commit order {P > BinlogOffset.position}] -> cdc-connector>change-log[publish keyed by primary key with version P] -> change-log>cdc-connector[acknowledged by every in-sync replica] -> cdc-connector[commit the binlog offset P] -> change-log>projector[deliver the row's changes in order] -> projector>index[index with version P, version_type=external {P > IndexDocument.source_version}] -> index>projector[acknowledged] -> projector>change-log[commit the index applier's offset] |-> projector[skip a stale change {P <= IndexDocument.source_version}] => done | retry | park",
    topic: M,
  },
];

/**
 * What a change-data-capture design must draw, checked by the coherence rule `cdc-shape`: the slot that holds the
 * capture position, the connector that reads it, the LSN-guarded apply, and no write API the applications go through.
 */
export const CDC_SHAPE = {
  entities: ["ReplicationSlot"],
  /** The capture position where the captured database is MySQL (topic "cdc-mysql"). */
  mysqlEntities: ["BinlogOffset"],
  connector: "cdc-connector",
  lsnGuard: /\b(?:LSN|binlog position)\b/,
  cacheEntity: "CacheEntry",
  noWriteApi: "write-api",
} as const;
