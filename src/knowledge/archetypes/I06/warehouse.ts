import type { z } from "zod";
import { fig } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { MechanismId, Technology } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * Change data capture into a warehouse (topic "cdc-warehouse", knowledge/topics.ts): every committed row change of
 * one or many source databases is read from the database's own log, by the engine the prompt names (MySQL's binlog
 * in row format with GTID positions, topic "mysql-binlog"; otherwise PostgreSQL's write-ahead log through a logical
 * replication slot, by LSN), after an initial consistent snapshot; each change is published to a log (Kafka) keyed by
 * (table, primary key), so one table's changes of a key stay in one partition in commit order; a loader batches them
 * per table, collapses each key to its last change in the batch, and MERGEs the batch into the warehouse table
 * (upsert by primary key, a delete as a tombstone that removes or flags the row) in the same warehouse transaction
 * that records the batch's end position per source partition. A crash resumes each stage from its committed position,
 * and a batch applied twice changes nothing, because its position is already recorded and the MERGE compares the
 * row's stored source position.
 *
 * Facts, checked against primary sources:
 * - Debezium's MySQL connector reads the binlog, which records changes in commit order, and needs it in ROW format
 *   (binlog_row_image FULL); because binlogs are purged after a while, it first takes a consistent snapshot and then
 *   reads the binlog from the snapshot's position. With GTIDs on, its offset is the GTID set, which survives a
 *   failover to a replica. It writes each table's changes to their own Kafka topic, keyed by the row's primary key,
 *   and records DDL in a schema history topic so each change is read with the schema it was written under
 *   (Debezium MySQL connector documentation).
 * - Debezium's PostgreSQL connector reads committed changes through a logical replication slot with the pgoutput
 *   plugin and stores each change's LSN as its offset; a slot retains the WAL its consumer has not confirmed
 *   (Debezium PostgreSQL connector documentation; PostgreSQL logical decoding).
 * - A delete is emitted as a delete event (before image, no after image) followed by a tombstone: the same key with
 *   a null value, so a compacted topic can drop the key's earlier records (Debezium, tombstones.on.delete, default
 *   true; Kafka log compaction).
 * - BigQuery, Snowflake and Redshift each have a MERGE statement that updates, inserts and deletes target rows from
 *   a source table by a join condition, in one statement.
 * Planning figures (change rates per database, row bytes, batch interval) are assumptions, said in their rows.
 */

const T = "cdc-warehouse" as const;
/** The source engine is MySQL (or MariaDB): the binlog and GTIDs, never a replication slot or an LSN. */
const M = "mysql-binlog" as const;
type TechnologyInput = z.input<typeof Technology>;

const STANCE = {
  consistency: "linearizable",
  availability: "fail-closed",
  because:
    "a position moved past a change that is not yet durable further on loses that change for good, so a stage that cannot commit its position stops and resumes from the last committed one",
} as const;

export const WH_ENTITIES = [
  {
    name: "SourcePosition",
    description:
      "Where capture stands in one source database's log: the binlog file and offset with the executed GTID set (MySQL), kept in the connector's offsets and moved only after the changes up to it are durable in the change log.",
    stance: STANCE,
    truth: true,
    topic: M,
  },
  {
    name: "SourcePosition",
    description:
      "Where capture stands in one source database's log: the logical replication slot's confirmed LSN (PostgreSQL), moved only after the changes up to it are durable in the change log; the slot keeps all WAL after it.",
    stance: STANCE,
    truth: true,
    topic: T,
    unlessTopic: M,
  },
  {
    name: "ChangeRecord",
    description:
      "One committed row change: source database, table, primary key, operation (insert, update, delete, or snapshot read), the row after (and before) it, the schema version, and its source position in that engine's log with the order within its transaction.",
    truth: true,
    topic: T,
  },
  {
    name: "LoadBatch",
    description:
      "One batch the loader merged into one warehouse table: table, the change-log partition ranges it covers (start and end offsets), row count, and the warehouse transaction that applied it.",
    stance: STANCE,
    truth: true,
    topic: T,
  },
  {
    name: "WarehouseRow",
    description:
      "A source row's copy in the warehouse table: its columns, the source position of the last change applied to it, and a deleted flag (or no row) after a delete.",
    truth: false,
    topic: T,
  },
] as const;

export const WH_WRITES = [
  {
    action:
      "take an initial consistent snapshot of each captured table, recording the log position it was taken at, and emit each row as a snapshot read",
    entity: "ChangeRecord",
    shape: "async process",
    mechanism: "replay-rebuild",
    topic: T,
  },
  {
    action:
      "read each committed row change from the MySQL binlog (ROW format, binlog_row_image FULL) after the snapshot's position and publish it to the change log keyed by (table, primary key), with its GTID and binlog offset",
    entity: "ChangeRecord",
    shape: "append event",
    mechanism: "partition-key-ordering",
    critical: true,
    topic: M,
  },
  {
    action:
      "decode each committed row change from the write-ahead log through a logical replication slot (pgoutput) after the snapshot's LSN and publish it to the change log keyed by (table, primary key), with its commit LSN",
    entity: "ChangeRecord",
    shape: "append event",
    mechanism: "partition-key-ordering",
    critical: true,
    topic: T,
    unlessTopic: M,
  },
  {
    action:
      "commit the source position only after every change up to it is acknowledged by the change log (acks=all), so a restarted connector resumes there and re-sends at most changes the loader will recognise",
    entity: "SourcePosition",
    shape: "overwrite current value",
    mechanism: "projector-checkpoint",
    critical: true,
    topic: T,
  },
  {
    action:
      "load a batch: collect one table's changes for a few seconds, keep each primary key's last change, stage them, and MERGE them into the warehouse table by primary key (update, insert, or delete on a tombstone) only where the change's source position is newer than the row's, recording the batch's end offsets in the same warehouse transaction",
    entity: "LoadBatch",
    shape: "state transition",
    mechanism: "transaction",
    critical: true,
    topic: T,
  },
  {
    action:
      "apply a schema change: read it from the schema history in log order, and add the column to the warehouse table before merging any change written under the new schema",
    entity: "WarehouseRow",
    shape: "state transition",
    mechanism: "version-check",
    topic: T,
  },
] as const;

export const WH_READS = [
  {
    action: "analysts query the warehouse tables",
    entity: "WarehouseRow",
    shape: "read projection",
    staleness:
      "trails the source by capture lag plus the loader's batch interval and merge time; each table is a consistent prefix of its source's commits",
    topic: T,
  },
] as const;

const ONCE =
  "Every committed source change is applied to its WarehouseRow exactly once and in commit order per table and key: a key's ChangeRecords travel in one change-log partition, and each LoadBatch's MERGE and its end offsets commit in one warehouse transaction, so a batch replayed after a crash is recognised and a change older than the row's source position is skipped.";
const NO_LOSS =
  "No committed change is lost: a SourcePosition moves only after the changes before it are durable in the change log, and the loader's offsets move only with the MERGE that applied them.";
const DELETES =
  "A source delete removes (or marks deleted) its WarehouseRow, and no earlier change replayed later brings the row back.";
const SCHEMA =
  "A change is merged only with the schema it was written under: a column added at the source is added to the warehouse table before any change that carries it.";

export const WH_INVARIANTS = [ONCE, NO_LOSS, DELETES, SCHEMA];

/** The mechanism that keeps each of the warehouse load's rules. */
export const WH_KEPT_BY: Readonly<Record<string, MechanismId>> = {
  [ONCE]: "transaction",
  [NO_LOSS]: "projector-checkpoint",
  [DELETES]: "tombstones",
  [SCHEMA]: "version-check",
};

export const WH_SCOPES = {
  topic: T,
  ordering: {
    scope: "key",
    why: "the source commits each row's changes in order and each (table, primary key) keeps them in order through one partition and one loader",
  },
  exclusivity: {
    scope: "partition",
    why: "one connector task reads each source database's log and one loader owns each change-log partition",
  },
  coordination: {
    scope: "partition",
    why: "each stage commits its own position: the connector's in the source log, the loader's per change-log partition in the warehouse with the batch",
  },
} as const;

export const WH_FAILURES = [
  {
    failure: "The connector crashes after publishing changes and before committing its source position",
    role: "truth",
    prevention: "The position is committed only after the change log acknowledges, so at worst changes are re-sent",
    repair:
      "The connector resumes from its committed position; the re-sent changes carry positions the warehouse rows already hold, so the MERGE skips them",
    topic: T,
  },
  {
    failure: "The loader crashes after a MERGE and before it knows the transaction committed",
    role: "truth",
    prevention: "The batch's end offsets are written in the same warehouse transaction as the MERGE",
    repair:
      "On restart the loader reads its offsets from the warehouse, not from the log's consumer group, and continues after the last committed batch",
    topic: T,
  },
  {
    failure: "The source purges binlog files the connector has not read yet (a long outage)",
    role: "truth",
    prevention:
      "Keep binlogs longer than the longest tolerated outage (binlog_expire_logs_seconds) and alert on capture lag",
    repair: "Take a new snapshot of the affected tables and resume streaming from its position",
    topic: M,
  },
  {
    failure: "A stalled slot makes the source keep WAL until its disk fills",
    role: "truth",
    prevention: "Cap retained WAL with max_slot_wal_keep_size and alert on the slot's lag in bytes",
    repair: "Drop the slot, take a new snapshot of the affected tables and resume from the new slot",
    topic: T,
    unlessTopic: M,
  },
  {
    failure: "A source fails over to a replica",
    role: "coordination",
    prevention: "Positions are GTID sets, which mean the same transactions on any replica",
    repair: "The connector reconnects to the new primary and resumes after the GTIDs it has already sent",
    topic: M,
  },
  {
    failure: "A schema change (a new column, a type change) arrives mid-stream",
    role: "derived",
    prevention:
      "The connector records DDL in a schema history; the loader adds columns before merging rows that carry them",
    repair: "An incompatible change (a narrowed type) parks that table's batches and pages the owner",
    topic: T,
  },
  {
    failure: "The warehouse falls behind: merge cost grows with the table, not the batch",
    role: "derived",
    prevention: "Cluster or partition warehouse tables by primary key so a MERGE touches few files, and batch by time",
    repair: "Lengthen the batch interval; lag grows but each change still lands once",
    topic: T,
  },
] as const;

export const WH_BOTTLENECKS = [
  {
    bottleneck: "Capture: one connector task reads each source's log serially",
    mitigation:
      "Run one task per source database, spread across Kafka Connect workers; one slow source lags only itself",
    formula: {
      yields: "row changes a second across all sources at peak",
      expression: "databases * changes_per_sec_per_database * peak_factor",
      unit: "changes/s",
    },
    topic: T,
  },
  {
    bottleneck: "Warehouse merges: each MERGE rewrites the files holding the keys it touches",
    mitigation:
      "Batch per table for seconds to minutes, collapse each key to its last change, and cluster tables by key",
    topic: T,
  },
] as const;

export const WH_TECHNOLOGIES: TechnologyInput[] = [
  {
    product: "Debezium MySQL connector on Kafka Connect",
    layer: "serving",
    fits: "Snapshot then binlog streaming in ROW format, offsets as GTID sets, one topic per table keyed by primary key, DDL in a schema history topic, deletes followed by tombstones",
    suits: ["durable", "high-throughput"],
    poorFor: ["operational-simplicity"],
    caveat:
      "Needs binlog_format=ROW, binlog_row_image=FULL, GTID mode for failover, and binlogs kept longer than any outage",
    topic: M,
  },
  {
    product: "Debezium PostgreSQL connector on Kafka Connect",
    layer: "serving",
    fits: "Snapshot then streaming from a logical replication slot (pgoutput), offsets as commit LSNs, one topic per table keyed by primary key, deletes followed by tombstones",
    suits: ["durable", "high-throughput"],
    poorFor: ["operational-simplicity"],
    caveat:
      "A stalled slot makes the source keep WAL; DDL is not replicated, so schema changes arrive with the next row",
    topic: T,
    unlessTopic: M,
  },
  {
    product: "Apache Kafka (change topics, replication factor 3, acks=all)",
    layer: "storage",
    fits: "Keeps each key's changes in order in one partition and lets the loader replay from its recorded offsets",
    suits: ["durable", "high-throughput"],
    poorFor: ["rich-queries"],
    caveat:
      "Per-key order needs the key as the partition key and one in-flight batch per partition (or the idempotent producer)",
    topic: T,
  },
  {
    product: "Warehouse MERGE (BigQuery, Snowflake or Redshift) from a staged batch",
    layer: "storage",
    fits: "One statement upserts and deletes a batch by primary key; the batch's offsets go into a bookkeeping table in the same transaction",
    suits: ["rich-queries", "durable"],
    poorFor: ["low-latency"],
    caveat: "Each MERGE rewrites the files it touches, so loads are batched per table every few seconds to minutes",
    topic: T,
  },
];

export const WH_COMPONENTS: ComponentSpec[] = [
  {
    id: "source-dbs",
    name: "Source databases (their own commit logs)",
    kind: "store",
    runs: ["commit transactions", "keep the log for capture"],
    because: "applications write them as usual; capture reads their log and never their tables after the snapshot",
    topic: T,
  },
  {
    id: "cdc-connectors",
    name: "CDC connectors (one task per source database, Kafka Connect)",
    kind: "worker-pool",
    holds: ["SourcePosition"],
    runs: ["snapshot", "read the log", "publish by (table, primary key)", "commit the source position"],
    because: "one reader per source log keeps its commit order",
    topic: T,
  },
  {
    id: "change-log",
    name: "Change log (Kafka, a topic per table keyed by primary key)",
    kind: "log",
    holds: ["ChangeRecord"],
    runs: ["append in order per key", "serve reads from an offset"],
    because: "it decouples capture from loading and keeps every key's changes in order for replay",
    topic: T,
  },
  {
    id: "schema-history",
    name: "Schema history (DDL in log order)",
    kind: "log",
    runs: ["record schema changes", "serve the schema at a position"],
    because: "every change is read with the schema it was written under",
    topic: T,
  },
  {
    id: "warehouse-loader",
    name: "Warehouse loader (batch per table, MERGE, commit offsets with it)",
    kind: "worker-pool",
    holds: ["LoadBatch"],
    runs: ["batch per table", "collapse to last change per key", "stage", "MERGE with offsets in one transaction"],
    because: "the merge and the offsets commit together, so a replayed batch is recognised",
    topic: T,
  },
  {
    id: "warehouse",
    name: "Data warehouse (tables, staging, load bookkeeping)",
    kind: "store",
    holds: ["WarehouseRow", "LoadBatch"],
    runs: ["MERGE by primary key", "record loaded offsets", "serve queries"],
    because: "analysts query it; it is a derived copy that can be rebuilt from a new snapshot",
    topic: T,
  },
  {
    id: "lag-monitor",
    name: "Lag monitor (capture lag per source, load lag per table)",
    kind: "control-loop",
    runs: ["compare source head with committed positions", "alert"],
    because: "a stalled stage loses nothing but falls behind silently",
    topic: T,
  },
  {
    id: "analysts",
    name: "Analysts and reports",
    kind: "client",
    runs: ["query"],
    because: "they read a consistent prefix of each table's changes",
    topic: T,
  },
];

export const WH_LINKS: LinkSpec[] = [
  {
    from: "cdc-connectors",
    to: "source-dbs",
    kind: "stream",
    label: "snapshot, then read the log from a position",
    topic: T,
  },
  {
    from: "cdc-connectors",
    to: "change-log",
    kind: "request",
    label: "publish by (table, primary key), acks=all",
    topic: T,
  },
  { from: "cdc-connectors", to: "schema-history", kind: "request", label: "record DDL", topic: T },
  {
    from: "change-log",
    to: "warehouse-loader",
    kind: "stream",
    label: "read per partition from loaded offsets",
    topic: T,
  },
  {
    from: "warehouse-loader",
    to: "warehouse",
    kind: "request",
    label: "MERGE batch with offsets in one transaction",
    topic: T,
  },
  { from: "lag-monitor", to: "cdc-connectors", kind: "control", label: "capture lag", topic: T },
  { from: "lag-monitor", to: "warehouse", kind: "control", label: "load lag", topic: T },
  { from: "analysts", to: "warehouse", kind: "request", label: "query", topic: T },
];

export const WH_API: ApiSpec[] = [
  {
    operation: "register a source",
    call: "POST /v1/sources",
    request: ["connection", "tables to capture", "snapshot mode"],
    response: ["source_id", "snapshot position"],
    errors: ["400 log not in row format or no replication privilege"],
    guarantee: "a snapshot is taken at a recorded position and streaming starts right after it",
    topic: T,
  },
  {
    operation: "source lag",
    call: "GET /v1/sources/{source_id}/lag",
    request: ["source_id"],
    response: ["capture lag", "load lag per table", "last committed positions"],
    errors: ["404 unknown source"],
    guarantee: "positions shown are committed ones",
    topic: T,
  },
  {
    operation: "re-snapshot tables",
    call: "POST /v1/sources/{source_id}/snapshots",
    request: ["tables"],
    response: ["snapshot position"],
    errors: ["409 snapshot in progress"],
    guarantee: "rows are re-read at a new position and merged by the same rule, so nothing is applied twice",
    topic: T,
  },
];

export const WH_DATA: DataSpec[] = [
  {
    entity: "ChangeRecord",
    key: ["source", "table", "primary_key", "source_position"],
    fields: ["op", "before", "after", "schema_version", "commit_ts"],
    indexes: [],
    partitionKey: "hash(table, primary_key)",
    owner: "change-log",
    topic: T,
  },
  {
    entity: "SourcePosition",
    key: ["source"],
    fields: ["binlog_file", "binlog_pos", "gtid_set", "snapshot_done"],
    indexes: [],
    partitionKey: "source",
    owner: "cdc-connectors",
    topic: M,
  },
  {
    entity: "SourcePosition",
    key: ["source"],
    fields: ["slot_name", "confirmed_lsn", "snapshot_done"],
    indexes: [],
    partitionKey: "source",
    owner: "cdc-connectors",
    topic: T,
    unlessTopic: M,
  },
  {
    entity: "LoadBatch",
    key: ["table", "partition", "end_offset"],
    fields: ["start_offset", "rows", "committed_at"],
    indexes: ["(table, partition) latest"],
    partitionKey: "table",
    owner: "warehouse",
    topic: T,
  },
  {
    entity: "WarehouseRow",
    key: ["source", "primary_key"],
    fields: ["columns", "source_position", "deleted"],
    indexes: ["clustered by primary_key"],
    partitionKey: "table",
    owner: "warehouse",
    topic: T,
  },
];

export const WH_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Capture, then merge with the position",
    topic: T,
    notation:
      "cdc-connectors>source-dbs[read the next committed change after the committed position] -> cdc-connectors>change-log[publish keyed by (table, primary key)] -> cdc-connectors[commit the source position {change log acknowledged}] -> change-log>warehouse-loader[read a partition from the loaded offset {offset > LoadBatch.end_offset}] -> warehouse-loader>warehouse[MERGE the batch by primary key and record its end offset in one transaction {ChangeRecord.source_position > WarehouseRow.source_position}] => done | retry",
  },
  {
    name: "Resume after a crash",
    topic: T,
    notation:
      "warehouse-loader[crash] -> warehouse-loader>warehouse[read the last committed offsets per partition] -> change-log>warehouse-loader[replay from them] -> warehouse-loader>warehouse[MERGE, skipping changes the rows already hold {ChangeRecord.source_position <= WarehouseRow.source_position}] => done | retry",
  },
];

/**
 * The pipeline's figures: row changes a second from the stated databases and a planning rate each, change-log bytes
 * a day, and the rows each table's batch merges.
 */
export const WH_CAPACITY: CapacityModel = {
  inputs: [
    {
      quantity: "databases",
      label: "source databases captured",
      unit: "databases",
      typical: 10,
      why: "a company's main operational databases (a planning figure)",
    },
    {
      quantity: "changes_per_sec_per_database",
      label: "committed row changes a second per source database (average)",
      unit: "changes/s",
      typical: 500,
      why: "a busy operational database commits a few hundred row changes a second on average (a planning figure; measure it)",
    },
    {
      quantity: "change_bytes",
      label: "bytes of one change record (before and after images, source metadata)",
      unit: "B",
      typical: 1000,
      why: "a row of a few hundred bytes carried with its before image and Debezium's envelope (a planning figure)",
    },
    {
      quantity: "batch_seconds",
      label: "loader batch interval per table",
      unit: "s",
      typical: 60,
      why: "a minute per batch keeps MERGE costs low while the warehouse stays within minutes of the source (a planning figure)",
    },
    {
      quantity: "tables_per_database",
      label: "captured tables per source database",
      unit: "tables",
      typical: 50,
      why: "an application schema of a few dozen tables (a planning figure)",
    },
  ],
  figures: [
    fig(
      "changes_per_sec",
      "row changes a second across all sources",
      "rate",
      "databases * changes_per_sec_per_database",
      "changes/s",
    ),
    fig("peak_changes_per_sec", "row changes a second at peak", "peak", "changes_per_sec * peak_factor", "changes/s"),
    fig(
      "change_log_bytes_per_day",
      "change-log bytes a day",
      "growth",
      "changes_per_sec * 86400 * change_bytes",
      "B/day",
    ),
    fig(
      "merges_per_hour",
      "MERGE statements an hour (one per table per batch)",
      "rate",
      "databases * tables_per_database * 3600 / batch_seconds",
      "merges/h",
    ),
    fig(
      "rows_per_batch",
      "changes one table's batch carries on average",
      "count",
      "changes_per_sec_per_database * batch_seconds / tables_per_database",
      "rows",
    ),
  ],
};

export const WH_DECISIONS: DecisionPoint[] = [
  {
    id: "i06-warehouse-apply",
    topic: T,
    question:
      "Merge changes into current-state tables, or append them to a change table and build current state by query?",
    options: [
      {
        id: "merge",
        name: "batch MERGE into current-state tables by primary key, with the batch's offsets in the same transaction",
        buys: "tables look like the source and queries are simple; a replayed batch changes nothing",
        costs: "each MERGE rewrites the files it touches, so loads are batched and lag is at least the batch interval",
        winsWhen: "analysts query the current state of source tables",
      },
      {
        id: "append-changes",
        name: "append every change to a change table and derive current state with a view or a periodic compaction",
        buys: "cheap appends, the full history of every row, and lower load latency",
        costs: "queries must pick each key's latest change, and duplicates must be removed by (key, position)",
        winsWhen: "the history of changes is itself what is analysed, or load latency matters more than query cost",
        wins: [{ words: "\\b(?:history|audit|every version|all versions|slowly changing|scd|point[- ]in[- ]time)\\b" }],
      },
    ],
    rules: [
      {
        when: [
          {
            words: String.raw`\b(?:history|audit|every version|all versions|slowly changing|scd|point[- ]in[- ]time)\b`,
          },
        ],
        option: "append-changes",
        because: "the prompt asks for the history of rows, not only their current state",
      },
    ],
    fallback: {
      option: "merge",
      because: "a warehouse copy of source tables is read as their current state",
    },
  },
];
