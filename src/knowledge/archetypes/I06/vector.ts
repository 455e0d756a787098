import type { z } from "zod";
import { fig } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { MechanismId, Technology } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * Vector similarity search (topic "vector-search", knowledge/topics.ts): a service that keeps embeddings with their
 * ids and metadata and answers "the k vectors nearest this one" approximately, within a latency target. Vectors are
 * committed to a durable store of record, each change captured at its shard's next sequence in a per-shard log;
 * query nodes tail the log into a growing segment indexed as vectors arrive, so a vector is searchable after a stated
 * delay; index builders seal growing ranges into immutable ANN segments (an HNSW graph over full vectors, or IVF lists
 * of product-quantised codes), merge small ones and drop deleted vectors, and a shard manifest swapped by a
 * conditional write names the segments every replica serves. Shards are cut by vector id, so a query scatters to one
 * replica of every shard, each returns its own top k by distance and a router merges them; replicas carry the query
 * rate. A delete is a tombstone every search masks until a merge drops the vector. Vectors from different embedding
 * models are not comparable, so a collection holds one model version and a model change re-embeds into a new
 * generation switched in whole. It is a projection (I06) whose read copy is a nearest-neighbour index, not an
 * inverted index of terms.
 *
 * Facts, checked against primary sources:
 * - HNSW (Malkov & Yashunin, IEEE TPAMI 2018, arXiv 1603.09320): a multi-layer structure of proximity graphs over
 *   nested subsets of the elements, each element's top layer drawn at random with an exponentially decaying
 *   probability; a search starts at the top layer and descends, giving logarithmic complexity scaling; it is built
 *   incrementally, one insertion at a time.
 * - hnswlib's parameters (ALGO_PARAMS.md): M is the number of bi-directional links made for each new element, with a
 *   reasonable range of 2-100, and sets memory at roughly M * 8-10 bytes per element; ef, the size of the dynamic
 *   candidate list at search, trades speed for recall and cannot be below k; ef_construction does the same at build.
 * - FAISS ("Lower memory footprint", "Indexing 1G vectors" wiki pages): IndexIVFPQ keeps vectors in the Voronoi cells
 *   of a coarse quantiser (nlist cells, nprobe of them visited per query) and compresses each to m bytes with a
 *   product quantiser of 8-bit sub-codes, so distances are approximate; at 10M-1G vectors per server compression is
 *   required, and the coarse quantiser is best an HNSW over the centroids (IVFx_HNSW). An IVF index must be trained.
 * - Milvus (docs "Consistency Level"; blogs on delete and compaction): writes go to a write-ahead log and growing
 *   data is searchable before it is sealed into segments kept in object storage; a delete is logical, a mark that
 *   hides the entity from searches, and compaction merges small segments and purges deleted entities; consistency
 *   levels are Strong, Bounded (the default), Session and Eventually.
 * - Qdrant (docs "Indexing", "Filtering"): payload indexes on filtered fields let the planner estimate a filter's
 *   cardinality and choose between filtering during the HNSW traversal and searching the filtered points directly.
 * - Elasticsearch (docs "Filter approximate kNN results"; knn-search reference): dense_vector kNN is HNSW per Lucene
 *   segment, num_candidates are gathered per shard and merged into the top k; a filter inside the knn clause is
 *   applied during the search so k matches return, while a post-filter can return fewer than k; when the filtered
 *   set is small Lucene searches it by brute force instead of the graph.
 * - pgvector: HNSW and IVFFlat indexes; a WHERE filter is applied after the index scan, so a selective filter returns
 *   fewer rows than asked unless ef_search is raised or iterative index scans (0.8.0) are on; no built-in sharding.
 * Planning figures (a node's search rate, each step's time, the bytes per vector, the build and embed rates) are
 * assumptions, said as such in their rows.
 */

const T = "vector-search" as const;
type TechnologyInput = z.input<typeof Technology>;

export const VEC_ENTITIES = [
  {
    name: "VectorRecord",
    description:
      "One vector by its id in a collection: the embedding (dimensions x 4-byte floats), its metadata fields used for filters and display, the model version that produced it and its version; the store of record every index is rebuilt from.",
    truth: true,
    topic: T,
  },
  {
    name: "Collection",
    description:
      "One collection of vectors: its dimensions, distance metric (cosine, inner product or L2), the embedding model version every vector in it comes from, the index type and parameters, its shard count and the generation queries are served from.",
    truth: true,
    topic: T,
  },
  {
    name: "VectorChange",
    description:
      "One committed upsert or delete at its shard's next sequence (the shard is the vector id's hash): the vector id, the operation, the vector and metadata or a tombstone; the log query nodes tail and builders seal ranges of.",
    truth: true,
    topic: T,
  },
  {
    name: "IndexSegment",
    description:
      "One immutable ANN index over a range of a shard's sequences (an HNSW graph over full vectors, or IVF lists of PQ codes), with its vector count, the ids deleted since it was built and its files in object storage; rebuilt from the store at any time.",
    truth: false,
    topic: T,
  },
  {
    name: "ShardManifest",
    description:
      "For each shard of a collection generation: the sealed segments replicas serve, the sequence they cover up to and the manifest's version, swapped by a conditional write when a build or merge lands.",
    truth: true,
    topic: T,
  },
] as const;

export const VEC_WRITES = [
  {
    action:
      "upsert vectors with their ids and metadata: each checked against the collection's dimensions and model version, committed in the store of record and captured at its shard's next sequence in the same write",
    entity: "VectorRecord",
    shape: "overwrite current value",
    // the write names the collection's model version, and commits only while the collection is still at it
    mechanism: "version-check",
    critical: true,
    topic: T,
  },
  {
    action:
      "delete vectors by id: a tombstone committed at the shard's next sequence, masked by every search from the moment a replica applies it, the vector dropped from segments at the next merge",
    entity: "VectorChange",
    shape: "state transition",
    mechanism: "tombstones",
    critical: true,
    topic: T,
  },
  {
    action:
      "each shard replica tails its shard's changes from its applied sequence and inserts each vector into the growing segment's index, so it is searchable within the freshness bound",
    entity: "VectorChange",
    shape: "async process",
    mechanism: "projector-checkpoint",
    topic: T,
  },
  {
    action:
      "seal a growing range into an immutable ANN segment, merge small segments dropping deleted vectors, and swap the shard manifest to name the new segments when it is still at the version the builder read",
    entity: "ShardManifest",
    shape: "state transition",
    mechanism: "head-pointer-cas",
    critical: true,
    topic: T,
  },
  {
    action:
      "rebuild a collection under a new model version: every record embedded again into a new generation built from the store of record, queries switched to it whole once it has caught up and passed the recall check",
    entity: "Collection",
    shape: "state transition",
    mechanism: "replay-rebuild",
    hidden: true,
    topic: T,
  },
] as const;

export const VEC_READS = [
  {
    action:
      "search the k nearest vectors to a query vector with an optional metadata filter: scattered to one replica of every shard, each searching its growing and sealed segments and masking tombstones, its top k merged by distance",
    entity: "IndexSegment",
    shape: "read projection",
    staleness:
      "the sequence each replica has applied, within the freshness bound of a commit; approximate by design, at the collection's recall target",
    topic: T,
  },
  {
    action: "read a vector and its metadata by id from the store of record",
    entity: "VectorRecord",
    shape: "read source",
    staleness: "none: read from the store of record",
    topic: T,
  },
] as const;

export const VEC_INVARIANTS = [
  "Every VectorRecord in a Collection has the collection's dimensions and comes from its embedding model version, and a query vector from another model version is refused, so no distance is ever taken between vectors of two models.",
  "A deleted or overwritten VectorRecord is never returned by a search on a replica that has applied its VectorChange: every search masks the ids whose latest change is a tombstone or a newer version, until a merge drops them from the IndexSegments.",
  "A replica serves a shard from the IndexSegments its ShardManifest names and switches to a new manifest whole, after loading every segment it names; a sealed IndexSegment never changes, and the manifest moves only from the version a builder read.",
  "Every search takes each shard's own top k by distance and merges them into the global top k, so a vector is missed only by the approximate index, never by the merge; a search that lacks a shard's answer says so instead of returning short.",
  "Every IndexSegment and generation can be rebuilt from the store of record and its log: no write reads the index to decide anything.",
];

/** The mechanism that keeps each of the vector search's rules (`keptBy` on the card's invariant marks). */
export const VEC_KEPT_BY: Readonly<Record<string, MechanismId>> = {
  [VEC_INVARIANTS[0] as string]: "version-check",
  [VEC_INVARIANTS[1] as string]: "tombstones",
  [VEC_INVARIANTS[2] as string]: "head-pointer-cas",
  [VEC_INVARIANTS[3] as string]: "partition-top-k-merge",
  [VEC_INVARIANTS[4] as string]: "replay-rebuild",
};

export const VEC_SCOPES = {
  topic: T,
  ordering: {
    scope: "partition",
    why: "a shard's changes form one sequence that every replica applies in order, so a vector's latest change wins",
  },
  exclusivity: {
    scope: "shard",
    why: "one builder at a time moves a shard's manifest, by a conditional write on the version it read",
  },
  coordination: {
    scope: "shard",
    why: "each shard's replicas tail its log and load its manifest on their own; a query needs one replica of every shard",
  },
} as const;

export const VEC_SILHOUETTE = {
  topic: T,
  storage:
    "vectors, ids and metadata in a store of record by vector id, each change logged at its shard's sequence; immutable ANN segments in object storage",
  coordination: "segments sealed, built and merged off the query path, swapped into each shard's manifest whole",
  serving:
    "shard replicas holding ANN segments in memory, a router scattering each query to every shard and merging their top k",
} as const;

export const VEC_FAILURES = [
  {
    failure: "A query node dies, or one shard's replica answers slowly and holds up every query",
    role: "derived",
    prevention:
      "Run each shard on several replicas across zones; the router sends a second request to another replica of a shard that has not answered by its usual tail, and takes the first answer",
    repair:
      "A replacement loads the shard's manifest segments from object storage and tails the log from the sequence the manifest covers; until then the other replicas carry the shard",
    topic: T,
  },
  {
    failure:
      "Recall falls silently: new vectors drift away from the centroids an IVF index was trained on, or deletes leave holes in a graph",
    role: "derived",
    prevention:
      "After every build and on a schedule, search a sample of queries both approximately and by exact flat search and compare, alerting below the recall target",
    repair:
      "Retrain the centroids or rebuild the affected shards' segments from the store of record, and raise ef or nprobe meanwhile",
    topic: T,
  },
  {
    failure: "A selective metadata filter returns fewer than k results, or makes the graph search wander and slow",
    role: "derived",
    prevention:
      "Index the filtered fields, apply the filter during the search rather than after it, and search the filtered vectors exactly when they are few",
    repair: "Raise the candidates searched for that filter, or give a filter every query uses its own partition",
    topic: T,
  },
  {
    failure: "Vectors from a new embedding model are written into a collection of the old model's vectors",
    role: "truth",
    prevention:
      "The write path refuses a vector whose model version or dimensions differ from the collection's, and a query vector likewise",
    repair:
      "A model change is a new generation: re-embed every record under the new model, build its segments, and switch queries to it whole",
    topic: T,
  },
  {
    failure: "A deleted vector comes back in results (a merge lost its tombstone, or an older segment was reloaded)",
    role: "truth",
    prevention:
      "Keep each tombstone in the log until every segment built before it has been merged away, and mask by each id's latest sequence at search",
    repair: "Rebuild the shard's segments from the store of record, where the record is deleted, and swap the manifest",
    topic: T,
  },
  {
    failure: "A bad build (a corrupt or truncated segment) is swapped into a shard",
    role: "derived",
    prevention: "Check each built segment's vector count and sample recall against the store before the manifest moves",
    repair: "Move the manifest back to the previous segments, which object storage still holds, and rebuild the range",
    topic: T,
  },
] as const;

export const VEC_BOTTLENECKS = [
  {
    bottleneck:
      "Memory: every shard replica holds its segments' vectors (or their codes), graph links and filter fields in RAM",
    mitigation:
      "Quantise (PQ or 8-bit scalar codes) and keep full vectors on disk for re-ranking, or add shards; memory is count x dimensions x bytes per value, plus links",
    formula: {
      yields: "index memory for one copy of the collection",
      expression: "vector_count * (in_memory_vector_bytes + graph_link_bytes + filter_bytes_per_vector)",
      unit: "B",
    },
    topic: T,
  },
  {
    bottleneck: "Scatter-gather: a query without a shard key asks every shard, so each shard sees the whole query rate",
    mitigation:
      "Add replicas per shard for the query rate; keep shards few and large enough, and route by a tenant key when every query names one",
    formula: {
      yields: "shard searches a second at peak",
      expression: "queries_per_sec * peak_factor * vector_shards",
      unit: "searches/s",
    },
    topic: T,
  },
  {
    bottleneck: "A model change re-embeds every vector, and a full index rebuild reads the whole store",
    mitigation:
      "Run the re-embedding on a fleet of embedders into a new generation while the old one serves, and switch only once it has caught up",
    formula: {
      yields: "time to re-embed the collection",
      expression: "vector_count / embed_vectors_per_sec",
      unit: "s",
    },
    topic: T,
  },
] as const;

export const VEC_TECHNOLOGIES: TechnologyInput[] = [
  {
    product: "FAISS (IVF-PQ with an HNSW coarse quantiser) or hnswlib inside our own query nodes",
    layer: "serving",
    fits: "The index libraries themselves: HNSW graphs for full-precision vectors in memory, or IVF lists of product-quantised codes for a billion vectors in a fraction of the memory; each sealed segment is one library index",
    suits: ["low-latency", "high-throughput", "low-cost"],
    poorFor: ["operational-simplicity"],
    caveat:
      "A library, not a service: sharding, replication, the log, deletes (masks and merges) and the manifest are ours to build",
    topic: T,
  },
  {
    product: "Apache Kafka as the per-shard change log",
    layer: "coordination",
    fits: "One partition per shard keeps each shard's upserts and tombstones in sequence; query nodes tail it from their applied offset and builders read sealed ranges",
    suits: ["durable", "high-throughput"],
    poorFor: ["operational-simplicity"],
    caveat: "Retention must outlast the oldest unsealed range, or a new replica cannot catch up from the manifest",
    topic: T,
  },
  {
    product: "Object storage (S3, GCS) for sealed segments and manifests",
    layer: "storage",
    fits: "Immutable segment files are written once and loaded by every replica of a shard; old segments stay for rollback",
    suits: ["durable", "low-cost", "elastic-scale"],
    poorFor: ["rich-queries"],
    caveat: "Read only when a replica loads a segment, never on the query path",
    topic: T,
  },
  {
    product: "Cassandra or ScyllaDB as the store of record by vector id",
    layer: "storage",
    fits: "Vectors, metadata and model version partitioned by vector id, replicated; the source a generation is rebuilt from and the full vectors a quantised search re-ranks against",
    suits: ["durable", "elastic-scale", "high-throughput"],
    poorFor: ["linearizable"],
    caveat: "A full scan for a rebuild must be throttled against live writes",
    topic: T,
  },
  {
    product: "PostgreSQL with pgvector",
    layer: "storage",
    fits: "For up to tens of millions of vectors: HNSW or IVFFlat indexes beside the rows, filters as SQL, one system",
    suits: ["operational-simplicity", "linearizable"],
    poorFor: ["elastic-scale"],
    caveat:
      "No built-in sharding of the index, and a WHERE filter is applied after the index scan, so a selective filter returns short unless iterative scans are on",
    topic: T,
  },
];

export const VEC_COMPONENTS: ComponentSpec[] = [
  {
    id: "vector-clients",
    name: "Applications (write vectors, search by a query vector)",
    kind: "client",
    runs: ["upsert vectors", "delete vectors", "search nearest neighbours"],
    because: "callers write embeddings with ids and metadata, and ask for the k nearest to a query vector",
    topic: T,
  },
  {
    id: "embedder",
    name: "Embedding service (one model version per collection)",
    kind: "service",
    runs: ["embed query text", "embed records for a new generation"],
    because:
      "a query is compared only with vectors of the same model, so the query and the records are embedded by the collection's model version",
    topic: T,
  },
  {
    id: "vector-api",
    name: "Vector API (check dimensions and model version, commit by id)",
    kind: "service",
    runs: ["validate a vector", "commit an upsert or tombstone", "read by id"],
    because: "a vector of the wrong model or size is refused before it can reach any index",
    topic: T,
  },
  {
    id: "vector-store",
    name: "Vector store of record (vectors, ids, metadata by vector id; replicated)",
    kind: "store",
    holds: ["Collection", "VectorRecord"],
    runs: ["commit a record with its change", "scan for a rebuild", "read by id"],
    because: "every index is disposable and is rebuilt from it, so it is the state that must never be lost",
    topic: T,
  },
  {
    id: "vector-log",
    name: "Change log by shard (upserts and tombstones in sequence)",
    kind: "log",
    holds: ["VectorChange"],
    runs: ["append at the shard's next sequence", "serve from a sequence"],
    because: "replicas and builders follow each shard's changes in order and resume from a sequence",
    topic: T,
  },
  {
    id: "index-builders",
    name: "Index builders (seal, build HNSW or IVF-PQ segments, merge and drop deleted vectors)",
    kind: "worker-pool",
    runs: ["seal a range", "build a segment", "merge segments", "swap the manifest"],
    because: "building a graph or training a quantiser is heavy, so it runs off the query path and lands whole",
    topic: T,
  },
  {
    id: "segment-store",
    name: "Segment store (object storage: sealed segments and shard manifests)",
    kind: "store",
    holds: ["IndexSegment", "ShardManifest"],
    runs: ["store segment files", "swap a manifest"],
    because: "a replica starts from the manifest's segments, and a bad build rolls back to the previous ones",
    topic: T,
  },
  {
    id: "query-nodes",
    name: "Query nodes (shard replicas: growing segment and sealed ANN segments in memory)",
    kind: "service",
    runs: ["tail the shard's changes", "search segments with a filter", "mask tombstones", "load a manifest"],
    because: "an approximate search over a shard's segments in memory takes milliseconds",
    topic: T,
  },
  {
    id: "query-router",
    name: "Query router (scatter to one replica per shard, merge top k)",
    kind: "gateway",
    runs: ["scatter a search", "merge shards' top k by distance", "hedge a slow shard"],
    because: "shards are cut by vector id, so the nearest vectors may sit on any shard and every shard is asked",
    topic: T,
  },
  {
    id: "reembedder",
    name: "Re-embedding job (new model version into a new generation, then switch)",
    kind: "control-loop",
    runs: ["re-embed records", "build the new generation", "switch the collection's generation"],
    because: "vectors of two models are not comparable, so a model change rebuilds the whole collection beside the old",
    topic: T,
  },
];

export const VEC_LINKS: LinkSpec[] = [
  { from: "vector-clients", to: "vector-api", kind: "request", label: "upsert / delete vectors", topic: T },
  {
    from: "vector-api",
    to: "vector-store",
    kind: "request",
    label: "commit the record and its change",
    topic: T,
  },
  { from: "vector-store", to: "vector-log", kind: "stream", label: "change at the shard's next sequence", topic: T },
  { from: "vector-log", to: "query-nodes", kind: "stream", label: "changes after the applied sequence", topic: T },
  { from: "vector-log", to: "index-builders", kind: "stream", label: "sealed ranges", topic: T },
  {
    from: "index-builders",
    to: "segment-store",
    kind: "request",
    label: "write segments, swap the manifest",
    topic: T,
  },
  { from: "query-nodes", to: "segment-store", kind: "control", label: "watch the manifest, load segments", topic: T },
  { from: "vector-clients", to: "embedder", kind: "request", label: "embed the query", topic: T },
  { from: "vector-clients", to: "query-router", kind: "request", label: "search k nearest", topic: T },
  { from: "query-router", to: "query-nodes", kind: "request", label: "search one replica of every shard", topic: T },
  { from: "reembedder", to: "vector-store", kind: "request", label: "scan records, switch generation", topic: T },
  { from: "reembedder", to: "embedder", kind: "request", label: "embed under the new model", topic: T },
];

export const VEC_API: ApiSpec[] = [
  {
    operation: "upsert vectors",
    call: "POST /v1/collections/{collection}/vectors",
    request: ["ids", "vectors (the collection's dimensions)", "metadata", "model_version", "client_token"],
    response: ["sequence per shard", "durable"],
    errors: [
      "400 dimensions differ from the collection's",
      "409 model version differs from the collection's",
      "429 over the write rate",
    ],
    guarantee:
      "durable when acknowledged; an id's latest upsert replaces its earlier vector; searchable within the freshness bound",
    topic: T,
  },
  {
    operation: "delete vectors",
    call: "DELETE /v1/collections/{collection}/vectors",
    request: ["ids", "client_token"],
    response: ["tombstone sequence per shard"],
    errors: ["404 unknown collection"],
    guarantee:
      "never returned by a search once a replica has applied the tombstone (within the freshness bound); dropped from segments at the next merge",
    topic: T,
  },
  {
    operation: "search nearest neighbours",
    call: "POST /v1/collections/{collection}/search",
    request: [
      "query vector (or text to embed)",
      "model_version",
      "k",
      "filter on metadata (optional)",
      "min_sequence (optional, to see one's own writes)",
    ],
    response: ["k ids with distances and metadata", "sequence each shard searched", "partial flag"],
    errors: [
      "400 dimensions differ",
      "409 model version differs from the collection's",
      "504 no shard replica answered",
    ],
    guarantee:
      "approximate: the k nearest at the collection's recall target, all matching the filter, none deleted before the sequence searched, all from one model version",
    topic: T,
  },
  {
    operation: "get vector",
    call: "GET /v1/collections/{collection}/vectors/{id}",
    request: ["id"],
    response: ["vector", "metadata", "model_version", "version"],
    errors: ["404 unknown id"],
    guarantee: "read from the store of record",
    topic: T,
  },
  {
    operation: "create collection",
    call: "POST /v1/collections",
    request: ["name", "dimensions", "metric", "model_version", "index type and parameters", "shards"],
    response: ["collection", "generation"],
    errors: ["409 collection exists"],
    guarantee: "every vector written to it must match its dimensions and model version",
    topic: T,
  },
  {
    operation: "switch embedding model",
    call: "POST /v1/collections/{collection}/generations",
    request: ["new model_version", "expected current generation"],
    response: ["generation", "status BUILDING"],
    errors: ["409 generation moved"],
    guarantee: "queries move to the new generation whole, once every record is re-embedded and the recall check passes",
    topic: T,
  },
];

export const VEC_DATA: DataSpec[] = [
  {
    entity: "VectorRecord",
    key: ["collection", "vector_id"],
    fields: ["vector (dimensions x float32)", "metadata", "model_version", "version", "deleted"],
    indexes: [],
    partitionKey: "hash(vector_id)",
    owner: "vector-store",
    topic: T,
  },
  {
    entity: "Collection",
    key: ["collection"],
    fields: ["dimensions", "metric", "model_version", "index type and parameters", "shards", "current generation"],
    indexes: [],
    owner: "vector-store",
    topic: T,
  },
  {
    entity: "VectorChange",
    key: ["shard", "sequence"],
    fields: ["vector_id", "op (upsert or tombstone)", "vector", "metadata", "version"],
    indexes: [],
    partitionKey: "shard = hash(vector_id) mod shards",
    owner: "vector-log",
    topic: T,
  },
  {
    entity: "IndexSegment",
    key: ["generation", "shard", "segment_id"],
    fields: ["index type", "sequence range", "vector count", "deleted ids since build", "files"],
    indexes: ["metadata fields used by filters"],
    partitionKey: "shard",
    owner: "segment-store",
    topic: T,
  },
  {
    entity: "ShardManifest",
    key: ["generation", "shard"],
    fields: ["live segment ids", "covered up to sequence", "version"],
    indexes: [],
    partitionKey: "shard",
    owner: "segment-store",
    topic: T,
  },
];

export const VEC_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Write a vector and make it searchable",
    notation:
      "vector-clients>vector-api[upsert ids, vectors and metadata {dimensions and model version match the collection}] -> vector-api>vector-store[commit each record with its change at the shard's next sequence] -> vector-api>vector-clients[sequence, durable] -> vector-store>vector-log[change at the shard's next sequence] -> vector-log>query-nodes[changes after the replica's applied sequence] -> query-nodes[insert into the growing segment's index {sequence follows the applied one}] => done | retry",
    topic: T,
  },
  {
    name: "Search the k nearest vectors",
    notation:
      "vector-clients>embedder[embed the query with the collection's model version] -> vector-clients>query-router[search k nearest with a filter {model version = collection's}] -> query-router>query-nodes[search one replica of every shard] -> query-nodes[search growing and sealed segments with the filter, mask tombstones, keep the shard's top k] -> query-nodes>query-router[the shard's top k with distances] -> query-router>vector-clients[the global top k merged by distance] |-> query-router>vector-clients[results marked partial, naming the shard {no replica of a shard answered by the deadline}] => done",
    topic: T,
  },
  {
    name: "Seal, build and merge segments",
    notation:
      "index-builders>vector-log[read a shard's range past the manifest's sequence] -> index-builders[build the ANN segment and drop tombstoned vectors] -> index-builders>segment-store[write the segment files] -> index-builders>segment-store[swap the shard manifest {manifest version as read and sample recall passes}] -> query-nodes>segment-store[load the named segments whole, then switch] => done | retry",
    topic: T,
  },
  {
    name: "Change the embedding model",
    notation:
      "reembedder>vector-store[scan the collection's records] -> reembedder>embedder[embed each record under the new model version] -> reembedder>vector-store[write the new generation's records] -> index-builders>segment-store[build the new generation's segments] -> reembedder>vector-store[switch the collection's generation {new generation caught up and recall checked}] => done | rollback",
    topic: T,
  },
];

/**
 * The vector search's capacity: memory per copy from count x dimensions x bytes per value plus links (or the
 * quantised codes), the shards that memory needs, the replicas the query rate needs with every query touching every
 * shard, the stated latency spent router + slowest shard + merge, freshness hop by hop, and the re-embedding time.
 */
export const VEC_CAPACITY: CapacityModel = {
  inputs: [
    {
      quantity: "vector_count",
      label: "vectors stored",
      unit: "vectors",
      typical: 100000000,
      why: "a corpus of documents, products or images at about a hundred million embeddings (a planning figure)",
      from: { expression: "objects", why: "each stated embedding or vector is one stored vector" },
    },
    {
      quantity: "vector_dimensions",
      label: "dimensions of one embedding",
      unit: "dimensions",
      typical: 768,
      why: "a BERT-base-sized sentence encoder outputs 768 floats; hosted text models use 1,024 to 3,072 (a planning figure: set it from the model)",
    },
    {
      quantity: "value_bytes",
      label: "bytes per stored value",
      unit: "B",
      typical: 4,
      why: "embeddings are kept as 32-bit floats",
    },
    {
      quantity: "hnsw_m",
      label: "HNSW links made per vector (M)",
      unit: "links",
      typical: 16,
      why: "hnswlib gives 2-100 as the reasonable range for M; 16 is a common default (pgvector's and Lucene's)",
    },
    {
      quantity: "link_bytes",
      label: "bytes of one graph link (a neighbour's id)",
      unit: "B",
      typical: 4,
      why: "a link is a 32-bit internal id",
    },
    {
      quantity: "in_memory_vector_bytes",
      label: "bytes each vector takes in a query node's memory",
      unit: "B",
      typical: 3072,
      why: "a graph index searches full-precision vectors: 768 dimensions x 4 bytes",
      from: {
        expression: "vector_dimensions * value_bytes",
        why: "an HNSW graph holds each vector at full precision: dimensions x bytes per value",
      },
    },
    {
      quantity: "graph_link_bytes",
      label: "bytes of index structure per vector (graph links, or the id in an inverted list)",
      unit: "B",
      typical: 128,
      why: "an HNSW element keeps about 2M links on its bottom layer: hnswlib puts it at roughly M x 8-10 bytes",
      from: {
        expression: "hnsw_m * 2 * link_bytes",
        why: "the bottom layer keeps up to 2M links per vector, each a 4-byte id (hnswlib: roughly M x 8-10 bytes)",
      },
    },
    {
      quantity: "filter_bytes_per_vector",
      label: "bytes of filterable metadata held in memory per vector",
      unit: "B",
      typical: 32,
      why: "a few indexed fields (a tenant, a category, a date) beside each vector for filters (a planning figure)",
    },
    {
      quantity: "node_index_memory_bytes",
      label: "memory one query node gives to its segments",
      unit: "B",
      typical: 256000000000,
      why: "a 512 GB memory-optimised host keeps half for segments, leaving room to load new segments before a swap (a planning figure)",
    },
    {
      quantity: "queries_per_sec",
      typical: 1000,
      why: "searches a second at the busy hour for a retrieval or recommendation backend (a planning figure)",
      from: [{ expression: "reads_per_sec", why: "each stated query is one nearest-neighbour search" }],
    },
    {
      quantity: "node_searches_per_sec",
      label: "searches one shard replica answers a second",
      unit: "searches/s",
      typical: 1000,
      why: "an approximate search of a few hundred candidates takes about a millisecond of one core, so a many-core node answers about a thousand a second with filters and merging (a planning figure; measure it)",
    },
    {
      quantity: "top_k",
      typical: 10,
      why: "a page of ten results, the usual k for retrieval and recommendations",
    },
    {
      quantity: "recall_target",
      label: "share of the true k nearest a search must return",
      unit: "fraction",
      typical: 0.95,
      why: "95% recall at k is a common target for approximate search; measured against exact flat search on sampled queries (an assumption: state it)",
    },
    {
      quantity: "writes_per_sec",
      typical: 2000,
      why: "new or changed embeddings a second as documents or items are added (a planning figure)",
    },
    {
      quantity: "seal_vectors",
      label: "vectors in a growing segment before it is sealed",
      unit: "vectors",
      typical: 1000000,
      why: "a growing segment is kept small so its incremental index stays cheap, and is sealed into a built segment at about a million vectors (a planning figure)",
    },
    {
      quantity: "embed_vectors_per_sec",
      label: "records the embedding fleet re-embeds a second",
      unit: "vectors/s",
      typical: 50000,
      why: "a fleet of a few dozen GPUs embeds tens of thousands of short texts a second (a planning figure)",
    },
    {
      quantity: "commit_seconds",
      label: "time to commit a vector in the store of record",
      unit: "s",
      typical: 0.01,
      why: "a replicated write in one region takes milliseconds (a planning figure)",
    },
    {
      quantity: "log_lag_seconds",
      typical: 0.5,
      why: "a replica tailing its shard's log trails the head by a fraction of a second when it keeps up (a planning figure)",
    },
    {
      quantity: "insert_seconds",
      label: "time for a replica to insert a batch of vectors into its growing segment's index",
      unit: "s",
      typical: 0.2,
      why: "an HNSW insertion is a search plus link updates, about a millisecond per vector per core, applied in batches (a planning figure)",
    },
    {
      quantity: "propagation_seconds",
      typical: 5,
      why: "a new vector searchable within a few seconds is fresh for retrieval and recommendations (an assumption: state it)",
    },
    {
      quantity: "shard_search_seconds",
      typical: 0.01,
      why: "an approximate search of one shard's segments in memory takes a few milliseconds; a scattered query waits for the slowest shard, so 10 ms covers its tail (a planning figure; measure it)",
    },
    {
      quantity: "merge_rank_seconds",
      typical: 0.003,
      why: "merging each shard's k candidates by distance and attaching metadata takes a few milliseconds at the router (a planning figure)",
    },
  ],
  figures: [
    fig(
      "raw_vector_bytes",
      "the vectors at full precision: count x dimensions x bytes per value",
      "storage",
      "vector_count * vector_dimensions * value_bytes",
      "B",
    ),
    fig(
      "index_memory_bytes",
      "index memory for one copy of the collection: each vector's in-memory bytes, its links and its filter fields",
      "storage",
      "vector_count * (in_memory_vector_bytes + graph_link_bytes + filter_bytes_per_vector)",
      "B",
    ),
    fig(
      "vector_shards",
      "shards the index memory needs at one node's memory each",
      "count",
      "vector_count * (in_memory_vector_bytes + graph_link_bytes + filter_bytes_per_vector) / node_index_memory_bytes",
      "shards",
      true,
    ),
    fig("peak_searches", "searches a second at peak", "peak", "queries_per_sec * peak_factor", "searches/s"),
    fig(
      "shard_searches",
      "shard searches a second at peak: every query asks every shard",
      "fan-out",
      "queries_per_sec * peak_factor * vector_shards",
      "searches/s",
    ),
    fig(
      "replicas_per_shard",
      "replicas of each shard for the peak query rate (two at least, so one can fail)",
      "count",
      "max(2, queries_per_sec * peak_factor / (node_searches_per_sec * target_utilisation))",
      "replicas",
      true,
    ),
    fig(
      "candidates_merged",
      "candidates the router merges for one search: each shard's own top k",
      "fan-out",
      "top_k * vector_shards",
      "candidates",
    ),
    fig(
      "true_neighbours_returned",
      "of the k returned, how many are among the true k nearest on average at the recall target (checked against exact search on sampled queries)",
      "count",
      "top_k * recall_target",
      "neighbours",
    ),
    fig(
      "query_nodes",
      "query nodes: every shard on its replicas in every region that serves reads",
      "count",
      "vector_shards * replicas_per_shard * serving_regions",
      "nodes",
    ),
    fig(
      "store_bytes",
      "the store of record: full vectors and their metadata, replicated",
      "storage",
      "vector_count * (vector_dimensions * value_bytes + filter_bytes_per_vector * 8) * replicas",
      "B",
    ),
    {
      ...fig(
        "vector_fresh_seconds",
        "time from a committed vector to its being searchable (commit + log lag + insert into the growing segment)",
        "time",
        "commit_seconds + log_lag_seconds + insert_seconds",
        "s",
      ),
      bound: "propagation_seconds",
    },
    fig(
      "segment_seals_per_hour",
      "segments sealed and built an hour at the write rate",
      "rate",
      "writes_per_sec * 3600 / seal_vectors",
      "segments/h",
    ),
    fig(
      "reembed_seconds",
      "time to re-embed the whole collection under a new model version",
      "time",
      "vector_count / embed_vectors_per_sec",
      "s",
    ),
  ],
  // one search, called by an application service in the serving region (a retrieval or recommendation backend): the
  // router scatters it to one replica of every shard, waits for the slowest, and merges their top k
  latencyPath: {
    serves: "one nearest-neighbour search from a service in the region",
    steps: ["in_region_rtt_seconds", "gateway_seconds", "shard_search_seconds", "merge_rank_seconds"],
    inputs: [],
  },
};

/** The index a shard's sealed segments are built as, by its memory for the stated count and dimensions. */
export const VEC_DECISIONS: DecisionPoint[] = [
  {
    id: "i06-vec-index",
    topic: T,
    question:
      "Build each shard's segments as HNSW graphs over full vectors in memory, IVF lists of product-quantised codes, or search exactly (flat)?",
    options: [
      {
        id: "hnsw",
        name: "HNSW graphs over full-precision vectors held in memory",
        buys: "the best recall for the time spent (a few milliseconds at 95-99% recall), incremental inserts with no training, and no re-ranking step",
        costs:
          "memory for every full vector plus its links (count x dimensions x 4 bytes, plus about M x 8 bytes), so many shards at a billion vectors; deletes leave holes until a merge rebuilds the graph",
        winsWhen: "the full vectors fit the memory you will pay for, or recall must be as high as possible",
      },
      {
        id: "ivf-pq",
        name: "IVF lists of product-quantised codes (a few dozen bytes per vector), re-ranked against full vectors from disk",
        buys: "a tenth to a fiftieth of the memory, so a billion vectors fit a handful of nodes",
        costs:
          "approximate distances lower recall unless the top candidates are re-ranked at full precision; the coarse quantiser and codebooks must be trained and retrained as the data drifts",
        winsWhen:
          "the full vectors would need terabytes of memory, or memory cost matters more than the last points of recall",
        wins: [{ number: "raw_vector_bytes", atLeast: 1000000000000 }],
        implies: {
          capacity: [
            {
              quantity: "in_memory_vector_bytes",
              value: 64,
              why: "a product quantiser of 64 sub-quantisers with 8-bit codes keeps 64 bytes per vector (FAISS IndexIVFPQ)",
            },
            {
              quantity: "graph_link_bytes",
              value: 8,
              why: "an inverted list keeps each vector's 8-byte id beside its code",
            },
            {
              quantity: "node_searches_per_sec",
              value: 300,
              why: "a search scans the codes of the nprobe lists it visits (about a million codes at a billion vectors) and re-ranks its top candidates at full precision from disk, several milliseconds of a many-core node (a planning figure; measure it)",
            },
          ],
        },
      },
      {
        id: "flat",
        name: "exact (flat) search: compare the query with every vector of the shard",
        buys: "perfect recall with no index to build, train or merge",
        costs: "time grows with the count: every query reads every vector",
        winsWhen: "the collection is small (up to about a million vectors) or a filter leaves few candidates",
        wins: [{ number: "vector_count", below: 1000000 }],
        implies: {
          capacity: [{ quantity: "graph_link_bytes", value: 0, why: "a flat index keeps no links" }],
        },
      },
    ],
    rules: [
      {
        when: [{ number: "vector_count", below: 1000000 }],
        option: "flat",
        because: "under a million vectors an exact scan is fast enough and recall is perfect",
      },
      {
        when: [{ number: "raw_vector_bytes", atLeast: 1000000000000 }],
        option: "ivf-pq",
        because:
          "the full vectors alone are past a terabyte, so graphs over them would take dozens of memory-optimised nodes per copy",
      },
      {
        when: [
          {
            words: String.raw`\b(?:low[- ]cost|cheap\w*|cost[- ]efficient|memory budget|on disk|ssds?|compress\w*|quantiz\w*|quantis\w*)\b`,
          },
        ],
        option: "ivf-pq",
        because: "the prompt asks to spend less memory per vector",
      },
    ],
    fallback: {
      option: "hnsw",
      because: "the full vectors fit memory, and a graph gives the best recall for the time",
    },
  },
  {
    id: "i06-vec-filter",
    topic: T,
    question:
      "Apply a metadata filter during the vector search, after it, or give the filtered key its own partitions?",
    options: [
      {
        id: "in-search",
        name: "filter during the search: indexed metadata fields checked as the graph or lists are walked, exact search over the filtered set when it is small",
        buys: "k results that all match, even for a selective filter",
        costs: "a payload index per filtered field, and a slower walk when few vectors match",
        winsWhen: "queries filter on fields of varied selectivity (a category, a date range)",
      },
      {
        id: "post-filter",
        name: "search the nearest candidates first, then drop those the filter rejects",
        buys: "the plain index, unchanged; no payload index",
        costs: "a selective filter leaves fewer than k results unless many more candidates are fetched",
        winsWhen: "filters are rare and match most vectors",
      },
      {
        id: "partition-by-key",
        name: "a partition per tenant (or per value of a field every query filters on)",
        buys: "each query searches only its tenant's vectors, with no filter at all",
        costs: "many small indexes to build and hold, and a tenant of its own size cannot share",
        winsWhen: "every query names one tenant or namespace",
        wins: [
          {
            words:
              "\\b(?:multi[- ]?tenant\\w*|per[- ](?:tenant|customer|user|namespace)|each (?:tenant|customer)'s|tenants?|namespaces?)\\b",
          },
        ],
      },
    ],
    rules: [
      {
        when: [
          {
            words: String.raw`\b(?:multi[- ]?tenant\w*|per[- ](?:tenant|customer|user|namespace)|each (?:tenant|customer)'s|tenants?|namespaces?)\b`,
          },
        ],
        option: "partition-by-key",
        because: "every query names its tenant, so its vectors can be searched alone",
      },
    ],
    fallback: {
      option: "in-search",
      because: "a filter applied during the search still returns k matches when it is selective",
    },
  },
  {
    id: "i06-vec-fresh",
    topic: T,
    question:
      "Make new vectors searchable as they arrive (a growing segment indexed incrementally), or only when the next batch build lands?",
    options: [
      {
        id: "growing-segment",
        name: "each replica tails its shard's log into a growing segment indexed as vectors arrive, sealed and rebuilt later",
        buys: "a vector is searchable within seconds of its commit",
        costs: "every query also searches the growing segment, and replicas apply every write",
        winsWhen: "new items must be findable within seconds or minutes",
        wins: [{ stated: "propagation_seconds" }, { number: "propagation_seconds", below: 3600 }],
      },
      {
        id: "batch-build",
        name: "rebuild the index in periodic batches and swap it in",
        buys: "the simplest path: only built, checked segments are ever served",
        costs: "a new vector waits for the next build, an hour or more",
        winsWhen: "the corpus changes slowly (a fixed catalogue, nightly loads)",
        wins: [{ words: "\\b(?:nightly|daily|batch(?:es)? (?:loads?|builds?)|static (?:corpus|catalog(?:ue)?))\\b" }],
        delays: {
          bound: "propagation_seconds",
          seconds: 3600,
          why: "a vector is searchable only after the next batch build, commonly an hour or more apart",
        },
      },
    ],
    rules: [
      {
        when: [{ stated: "propagation_seconds" }, { number: "propagation_seconds", below: 3600 }],
        option: "growing-segment",
        because: "a batch build would spend the freshness bound on its own",
      },
      {
        when: [
          { words: String.raw`\b(?:nightly|daily|batch(?:es)? (?:loads?|builds?)|static (?:corpus|catalog(?:ue)?))\b` },
        ],
        option: "batch-build",
        because: "the corpus is loaded in batches, so a batch build keeps up",
      },
    ],
    fallback: {
      option: "growing-segment",
      because: "new vectors are searchable within seconds of their commit",
    },
  },
];

/** What a vector search design must draw and must not (coherence `vector-search-shape`). */
export const VEC_SHAPE = {
  entities: ["VectorRecord", "IndexSegment", "Collection"],
  memory: "index_memory_bytes",
  shards: "vector_shards",
  searchCall: /\bsearch nearest neighbours\b/,
  /** Residue of a text search index: terms, analyzers and postings have no place in a nearest-neighbour index. */
  residue: /\b(?:inverted index\w*|analy[sz]ers?|postings?|IndexDocument|IndexAlias|term dictionar\w*)\b/i,
} as const;
