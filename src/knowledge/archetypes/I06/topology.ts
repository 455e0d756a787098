import type { ProtocolSpec, Topology } from "../../topology.js";
import { AGG_API, AGG_COMPONENTS, AGG_DATA, AGG_LINKS, AGG_PROTOCOLS } from "./aggregation.js";
import { CDC_API, CDC_COMPONENTS, CDC_DATA, CDC_LINKS, CDC_PROTOCOLS } from "./cdc.js";
import {
  COUNTER_API,
  COUNTER_COMPONENTS,
  COUNTER_DATA,
  COUNTER_LINKS,
  COUNTER_PROTOCOLS,
  REACTION_COMPONENTS,
} from "./counter.js";
import { LB_API, LB_COMPONENTS, LB_DATA, LB_LINKS, LB_PROTOCOLS } from "./leaderboard.js";
import { TA_API, TA_COMPONENTS, TA_DATA, TA_LINKS, TA_PROTOCOLS } from "./typeahead.js";

const U = "aggregation" as const;
/** The rows of the record-by-record projection: neither a counting nor a typeahead design draws them. */
const BASE = [U, "typeahead", "leaderboard"] as const;
/** The base elements a change-data-capture design replaces: applications write the database, capture reads its log. */
const NOT_CDC = [U, "typeahead", "leaderboard", "cdc"] as const;

/** Projection pipeline: a source of truth, a change stream, projectors with checkpoints, an index and a query API. */
export const protocols: ProtocolSpec[] = [
  {
    unlessTopic: NOT_CDC,
    name: "Apply a change with checkpoint",
    notation:
      "writers>write-api[put with expected version] -> write-api>source-db[commit record and change event {SourceRecord.version = expected}] -> source-db>change-log[capture change in commit order] -> change-log>projector[deliver change {ChangeEvent.position > ProjectorCheckpoint.position}] -> projector>index[upsert document {ChangeEvent.version > IndexDocument.source_version}] -> index>projector[acknowledged] -> projector>change-log[commit checkpoint position] |-> projector[skip stale change {ChangeEvent.version <= IndexDocument.source_version}] => done | retry | park",
  },
  {
    unlessTopic: BASE,
    name: "Rebuild into a new generation",
    notation:
      "rebuilder>index[create new generation {IndexAlias.next = none}] -> rebuilder>source-db[read snapshot at position P] -> rebuilder>index[bulk load generation] -> projector>change-log[replay from position P] -> rebuilder>index[swap alias {lag within bound and document counts match source}] => done | rollback",
  },
  {
    unlessTopic: BASE,
    name: "Query the projection",
    notation:
      "readers>query-api[search with filters and cursor] -> query-api>index[query current alias] -> index>query-api[hits with source versions] -> query-api>readers[hits, next cursor and freshness position] => done",
  },
  ...AGG_PROTOCOLS,
  ...COUNTER_PROTOCOLS,
  ...TA_PROTOCOLS,
  ...LB_PROTOCOLS,
  ...CDC_PROTOCOLS,
];

export const topology: Topology = {
  components: [
    {
      id: "writers",
      unlessTopic: NOT_CDC,
      name: "Writers",
      kind: "client",
      runs: ["put", "delete"],
      because: "changes are made only against the source of truth, never against the projection",
    },
    {
      id: "write-api",
      unlessTopic: NOT_CDC,
      name: "Write API",
      kind: "service",
      runs: ["versioned put and delete"],
      because: "one service applies versioned writes to the source and captures each change in the same commit",
    },
    {
      id: "source-db",
      unlessTopic: NOT_CDC,
      name: "Source of truth (primary + replicas)",
      kind: "store",
      holds: ["SourceRecord"],
      runs: ["versioned commit"],
      because: "the projection can always be rebuilt from it, so it is the only state that must never be lost",
    },
    {
      id: "change-log",
      unlessTopic: BASE,
      name: "Change stream (CDC log by record id)",
      kind: "log",
      holds: ["ChangeEvent"],
      runs: ["ordered delivery per record"],
      because: "captured in commit order per record, it lets projectors resume from a position and replay",
    },
    {
      id: "projector",
      unlessTopic: BASE,
      name: "Projector workers",
      kind: "worker-pool",
      holds: ["ProjectorCheckpoint"],
      runs: ["apply newer versions", "checkpoint"],
      because: "they apply a change only when its version is newer and checkpoint after the index acknowledges",
    },
    {
      id: "index",
      unlessTopic: BASE,
      name: "Projection store (search index or view)",
      kind: "store",
      holds: ["IndexDocument", "IndexAlias"],
      runs: ["query"],
      because: "a derived copy shaped for the read, with a bounded lag behind the source",
    },
    {
      id: "query-api",
      unlessTopic: BASE,
      name: "Query API",
      kind: "service",
      runs: ["search"],
      because: "serves reads from the projection and reports its freshness position",
    },
    {
      id: "readers",
      unlessTopic: BASE,
      name: "Readers",
      kind: "client",
      runs: ["search"],
      because: "reads tolerate the projection's lag",
    },
    {
      id: "rebuilder",
      unlessTopic: BASE,
      name: "Rebuilder (new generation + alias swap)",
      kind: "control-loop",
      runs: ["bulk load", "swap alias"],
      because: "a mapping change or a corrupt projection is repaired by rebuilding from the source, not by patching",
    },
    ...AGG_COMPONENTS,
    ...COUNTER_COMPONENTS,
    ...REACTION_COMPONENTS,
    ...TA_COMPONENTS,
    ...LB_COMPONENTS,
    ...CDC_COMPONENTS,
  ],
  links: [
    { unlessTopic: NOT_CDC, from: "writers", to: "write-api", kind: "request", label: "put / delete with version" },
    { unlessTopic: NOT_CDC, from: "write-api", to: "source-db", kind: "request", label: "commit + change event" },
    { unlessTopic: NOT_CDC, from: "source-db", to: "change-log", kind: "stream", label: "capture changes (CDC)" },
    { unlessTopic: BASE, from: "change-log", to: "projector", kind: "stream", label: "changes from checkpoint" },
    { unlessTopic: BASE, from: "projector", to: "index", kind: "stream", label: "versioned upsert / tombstone" },
    { unlessTopic: BASE, from: "readers", to: "query-api", kind: "request", label: "search" },
    { unlessTopic: BASE, from: "query-api", to: "index", kind: "request", label: "query current alias" },
    { unlessTopic: BASE, from: "rebuilder", to: "index", kind: "control", label: "bulk load, swap alias" },
    { unlessTopic: BASE, from: "rebuilder", to: "source-db", kind: "request", label: "scan the source at a snapshot" },
    ...AGG_LINKS,
    ...COUNTER_LINKS,
    ...TA_LINKS,
    ...LB_LINKS,
    ...CDC_LINKS,
  ],
  api: [
    {
      unlessTopic: NOT_CDC,
      operation: "put",
      call: "PUT /v1/records/{id}",
      request: ["fields", "expected_version"],
      response: ["version"],
      errors: ["409 version conflict"],
      guarantee: "written only to the source of truth; visible in the projection after the reported lag",
    },
    {
      unlessTopic: NOT_CDC,
      operation: "delete",
      call: "DELETE /v1/records/{id}",
      request: ["expected_version"],
      response: ["tombstone_version"],
      errors: ["409 version conflict"],
      guarantee: "the tombstone reaches every projection, so a stale copy cannot resurrect the record",
    },
    {
      unlessTopic: BASE,
      operation: "search",
      call: "GET /v1/search?q=&cursor=",
      request: ["query", "filters", "cursor"],
      response: ["hits with source_version", "next_cursor", "freshness_position"],
      errors: ["400 bad query"],
      guarantee: "results may lag the source by the projector lag, never reorder versions of one record",
    },
    ...COUNTER_API,
    ...AGG_API,
    ...TA_API,
    ...LB_API,
    ...CDC_API,
  ],
  dataModel: [
    {
      unlessTopic: BASE,
      entity: "SourceRecord",
      key: ["record_id"],
      fields: ["fields", "version", "updated_at"],
      indexes: ["updated_at"],
      partitionKey: "record_id",
      owner: "source-db",
    },
    {
      unlessTopic: BASE,
      entity: "ChangeEvent",
      key: ["partition", "position"],
      fields: ["record_id", "version", "op (upsert or delete)", "payload"],
      indexes: [],
      partitionKey: "record_id",
      owner: "change-log",
    },
    {
      unlessTopic: BASE,
      entity: "IndexDocument",
      key: ["generation", "record_id"],
      fields: ["projected fields", "source_version"],
      indexes: ["inverted index on searchable fields"],
      partitionKey: "record_id",
      owner: "index",
    },
    {
      unlessTopic: BASE,
      entity: "ProjectorCheckpoint",
      key: ["projector", "partition"],
      fields: ["position", "updated_at"],
      indexes: [],
      owner: "projector",
    },
    ...AGG_DATA,
    ...COUNTER_DATA,
    ...TA_DATA,
    ...LB_DATA,
    ...CDC_DATA,
  ],
  entry: "write-api",
  stateOwner: "source-db",
  intake: "projector",
  outlet: "index",
  consumer: "projector",
  topicHooks: {
    cdc: { entry: "source-db", stateOwner: "source-db", intake: "projector", outlet: "index", consumer: "projector" },
    typeahead: {
      entry: "suggest-gateway",
      stateOwner: "query-log",
      intake: "index-builder",
      outlet: "suggest-shards",
      consumer: "index-builder",
    },
    leaderboard: {
      entry: "score-api",
      stateOwner: "score-store",
      intake: "score-api",
      outlet: "rank-index",
      consumer: "score-api",
    },
    // a count of people's own likes enters at its own Like API and keeps its truth in the reaction rows; listed before
    // the aggregation it sits inside, since the first spoken topic's hooks are taken
    reaction: {
      entry: "like-api",
      stateOwner: "reaction-store",
      intake: "like-api",
      outlet: "count-store",
      consumer: "aggregator",
    },
    aggregation: {
      entry: "collectors",
      stateOwner: "event-log",
      intake: "fraud-filter",
      outlet: "olap",
      consumer: "aggregator",
    },
  },
  protocols,
};
