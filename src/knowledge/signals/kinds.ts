import type { ArchetypeId } from "../schema.js";
import type { Topic } from "../topics.js";

/**
 * How well an archetype builds a kind of system: `well` when the archetype is that kind, `partly` when it is only the
 * nearest one (the kind has parts no archetype holds), so recognition reads it with low confidence and says so.
 */
export type KindCover = "well" | "partly";

/**
 * A kind of system a prompt's head may name ("Design a secrets manager …") or a well-known system may be
 * ("… like HashiCorp Vault"), and the archetype that builds it. `nouns` are the head noun phrases that name the kind;
 * they count only in the head (in a clause, "stored in a relational database" names a part, not what is built) and
 * are left empty where the archetype cards' own phrases already name it.
 */
export interface SystemKind {
  kind: string;
  id: ArchetypeId;
  cover: KindCover;
  nouns: readonly string[];
  /** What the archetype holds of the kind, and (when `partly`) what it leaves out. */
  why: string;
  /**
   * Subjects (knowledge/topics.ts) whose words a prompt asking for this kind uses for something else: a secret store's
   * "credentials" are what it keeps and hands out, not people signing in. A head that names the kind keeps them unspoken.
   */
  unlike?: readonly Topic[];
}

/** What a kind named in the head, or a well-known system asked for, is worth to its archetype, by how well it builds it. */
export const COVER_WEIGHT: Readonly<Record<KindCover, number>> = { well: 1, partly: 0.55 };

export const SYSTEM_KINDS: readonly SystemKind[] = [
  {
    kind: "secret store",
    id: "I16",
    cover: "well",
    nouns: [
      "secrets manager",
      "secret manager",
      "secret store",
      "secrets store",
      "secrets vault",
      "secrets service",
      "secrets management service",
      "secret management service",
    ],
    why: "secrets are kept by path with versions in a replicated key-scoped store whose reads must see a revocation at once; the leases, rotation, encryption barrier and audit log a secret store adds are built by I16's own secrets subject",
    unlike: ["auth"],
  },
  {
    kind: "game server",
    id: "I13",
    cover: "well",
    nouns: [
      "game server",
      "game servers",
      "game backend",
      "game back-end",
      "multiplayer backend",
      "multiplayer server",
      "dedicated server",
      "dedicated game server",
      "authoritative server",
      "match server",
    ],
    why: "one match is a shared subject that one server process owns and steps on a tick, applying every player's inputs in one order; matchmaking, the tick loop, delta snapshots and the match directory are built by I13's own game-server subject",
  },
  {
    kind: "video conferencing system",
    id: "I13",
    cover: "well",
    nouns: [
      "video conferencing",
      "video conference",
      "video conferencing system",
      "video conferencing service",
      "video conferencing platform",
      "video conferencing app",
      "video calling",
      "video calling app",
      "video calling service",
      "video call service",
      "video call system",
      "group video call",
      "group video calling",
      "video chat",
      "video chat app",
      "video chat service",
      "video meeting service",
      "video meeting platform",
      "video meeting app",
      "online meeting service",
      "online meeting platform",
      "virtual meeting platform",
      "web conferencing",
      "meeting platform",
      "webrtc",
      "webrtc sfu",
      "webrtc backend",
      "sfu",
      "selective forwarding unit",
      "media server",
    ],
    why: "one meeting is a shared subject whose media one SFU (or a cascade of them) forwards to every participant by what each chose, within its bandwidth; admission by token, signalling (SDP, ICE, STUN/TURN, DTLS-SRTP), placement, simulcast layers and active-speaker subscription are built by I13's own video-conference subject, and the people in a meeting are its own participants, not a presence registry",
    unlike: ["user-presence"],
  },
  {
    kind: "shopping cart",
    id: "I16",
    cover: "well",
    nouns: [
      "shopping cart",
      "shopping carts",
      "shopping basket",
      "shopping bag",
      "cart service",
      "cart system",
      "basket service",
      "grocery basket",
      "grocery cart",
      "wishlist",
      "wish list",
      "wishlist service",
    ],
    why: "a cart is key-scoped state per shopper whose lines change one transaction at a time under request ids; the lines, the guest-cart merge and the re-check at checkout are built by I16's own cart subject",
  },
  {
    kind: "document database",
    id: "I16",
    cover: "partly",
    nouns: ["document database", "document store", "document db"],
    why: "documents are records scoped by their id in a replicated, partitioned store with a primary per shard; secondary indexes and queries over document fields are more than the key-scoped store holds",
  },
  {
    kind: "key management service",
    id: "I16",
    cover: "partly",
    nouns: ["key management service", "key management system"],
    why: "keys and their versions are key-scoped records in a replicated store; the hardware security modules and cryptographic operations around them are not an archetype of their own",
    unlike: ["auth"],
  },
  {
    kind: "stream processor",
    id: "I06",
    cover: "well",
    nouns: [
      "stream processor",
      "stream processing engine",
      "stream processing framework",
      "stream processing system",
      "stream processing app",
      "stream processing application",
      "streaming application",
      "streaming job",
      "kafka streams app",
      "kafka streams application",
    ],
    why: "a stream processor reads ordered partitions, keeps per-key window state with checkpoints and writes derived results, which is the projection pipeline; its windows, watermarks, barrier checkpoints and exactly-once sink are built by I06's own stream-processor subject",
  },
  {
    kind: "change data capture pipeline",
    id: "I06",
    cover: "well",
    nouns: [
      "change data capture pipeline",
      "change data capture system",
      "change data capture service",
      "cdc pipeline",
      "cdc system",
      "cdc service",
      "database replication pipeline",
    ],
    why: "committed row changes are read from a database's log, carried through an ordered change stream and applied to a derived copy with the capture position, which is the projection pipeline; a warehouse as the copy is built by I06's own cdc-warehouse subject",
  },
  {
    kind: "relational database",
    id: "I16",
    cover: "partly",
    nouns: ["relational database", "rdbms"],
    why: "rows are key-scoped state in ordered ranges, each replicated from a leader (with transactions across ranges where the prompt speaks of distributed SQL); a query planner and secondary indexes over any column are more than the key-scoped store holds",
  },
  {
    kind: "key-value store",
    id: "I16",
    cover: "well",
    nouns: ["kv store", "key value database", "nosql key value store"],
    why: "values are read and written by key in a partitioned, replicated store with a stated consistency per read and write, which is the key-scoped store itself",
  },
  {
    kind: "wide-column store",
    id: "I16",
    cover: "well",
    nouns: ["wide column store", "wide column database", "column family store"],
    why: "rows are partitioned by key and replicated across nodes, with sorted columns inside a partition and a consistency level per request, which the key-scoped store holds",
  },
  {
    kind: "graph database",
    id: "I16",
    cover: "partly",
    nouns: ["graph database", "graph store", "graph db"],
    why: "vertices and their adjacency lists are records scoped by vertex id in a partitioned, replicated store; traversals that hop across partitions and a graph query language are not an archetype of their own",
  },
  {
    kind: "embedded storage engine",
    id: "I16",
    cover: "well",
    nouns: [
      "storage engine",
      "embedded key value store",
      "embedded database",
      "lsm tree",
      "log structured merge tree",
      "key value storage engine",
    ],
    why: "it keeps key-scoped records durable on one node; the write-ahead log with group commit, memtables, sorted tables, compaction, MANIFEST and block cache inside one process are built by I16's own storage-engine subject",
  },
  {
    kind: "data warehouse",
    id: "I06",
    cover: "partly",
    nouns: ["data warehouse", "analytics warehouse", "enterprise data warehouse"],
    why: "a warehouse is loaded from the systems of record as a derived copy for reading, which is the projection pipeline; columnar storage and a parallel SQL planner over the copy are not an archetype of their own",
  },
  {
    kind: "analytics database",
    id: "I18",
    cover: "partly",
    nouns: [
      "olap database",
      "olap datastore",
      "analytical database",
      "analytics database",
      "columnar database",
      "column oriented database",
    ],
    why: "events are ingested continuously, kept in time-partitioned columnar segments and rolled up for dashboards, which is the telemetry pipeline's store; ad hoc SQL with joins over any column is more than it holds",
  },
  {
    kind: "SQL query engine",
    id: "I15",
    cover: "partly",
    nouns: [
      "sql query engine",
      "distributed query engine",
      "distributed sql query engine",
      "sql engine",
      "query engine",
      "interactive sql engine",
      "interactive query engine",
      "federated query engine",
    ],
    why: "a coordinator splits each query into tasks that a fleet of workers runs in parallel over data kept elsewhere, which is an execution fleet; the query planner and the exchange of rows between stages are not an archetype of their own",
  },
  {
    kind: "batch processor",
    id: "I15",
    cover: "partly",
    nouns: [
      "batch processing framework",
      "batch processing system",
      "batch processing engine",
      "batch processor",
      "mapreduce framework",
      "mapreduce system",
    ],
    why: "a job is split into tasks placed on a fleet of workers, and a failed task is run again elsewhere, which is the execution fleet; the shuffle between map and reduce stages is not an archetype of its own",
  },
  {
    kind: "message queue",
    id: "I05",
    cover: "well",
    nouns: ["messaging system", "message queuing service", "message queueing system"],
    why: "producers append messages that consumers take with acknowledged progress and redelivery, which is the append log with consumer progress",
  },
  {
    kind: "distributed log",
    id: "I05",
    cover: "well",
    nouns: ["distributed log", "distributed commit log", "log storage service"],
    why: "records are appended in order to replicated segments and readers keep their own position in them, which is the append log with consumer progress",
  },
  {
    kind: "workflow scheduler",
    id: "I03",
    cover: "well",
    nouns: ["data pipeline scheduler", "etl scheduler", "batch job scheduler"],
    why: "jobs become due on their schedules and after the jobs they depend on, and each due run is claimed by one worker, which is the due-time release with a claimable run",
  },
  {
    kind: "durable workflow engine",
    id: "I12",
    cover: "well",
    nouns: ["durable execution engine", "durable workflow engine"],
    why: "a workflow's steps are recorded as they complete, so a crash resumes it where it stopped and each outside call runs once in effect, which is the workflow with an external side effect",
  },
  {
    kind: "container orchestrator",
    id: "I15",
    cover: "well",
    nouns: [
      "container orchestrator",
      "cluster orchestrator",
      "container scheduler",
      "container orchestration platform",
    ],
    why: "workloads are placed on a fleet of machines by their resource requests, watched, and started again elsewhere when a machine fails, which is the execution fleet",
  },
  {
    kind: "serverless platform",
    id: "I15",
    cover: "well",
    nouns: ["serverless platform", "functions platform", "faas platform"],
    why: "user code runs on demand in isolated sandboxes drawn from a warm pool on a shared fleet, which is the execution fleet",
  },
  {
    kind: "cache",
    id: "I07",
    cover: "well",
    nouns: ["in memory cache", "caching service", "cache service", "caching system", "cache cluster"],
    why: "copies of an origin's data are kept close to readers with a version and an expiry, filled on a miss without a stampede and invalidated when the origin changes, which is the cache in front of its origin",
  },
  {
    kind: "content delivery network",
    id: "I07",
    cover: "well",
    nouns: ["content delivery service", "edge network"],
    why: "edge caches near readers answer from copies of the origin's content and fill misses through a shield tier, which is the cache and edge delivery archetype",
  },
  {
    kind: "DNS resolver",
    id: "I07",
    cover: "partly",
    nouns: ["dns resolver", "recursive resolver", "caching resolver", "recursive dns"],
    why: "a resolver answers from records it cached for their time to live and asks the authoritative servers on a miss, which is a cache in front of its origin; walking the delegation chain from the root is not an archetype of its own",
  },
  {
    kind: "DNS server",
    id: "I11",
    cover: "well",
    nouns: [
      "dns server",
      "authoritative dns",
      "authoritative name server",
      "name server",
      "nameserver",
      "dns service",
      "managed dns",
      "dns hosting",
      "internal dns",
      "service dns",
      "private dns",
    ],
    why: "records are authored in one place and reach many name servers as versioned zones they answer from memory, which is a control plane distributing snapshots; zones, record sets, SOA serials, NOTIFY and incremental transfer, anycast PoPs and negative caching are built by I11's own dns subject (a resolver that answers from cached records is a cache)",
  },
  {
    kind: "service registry",
    id: "I10",
    cover: "well",
    nouns: ["naming service", "discovery service", "service discovery system"],
    why: "instances register with a lease or heartbeat, drop out when it lapses, and callers read the live set, which is the membership registry",
  },
  {
    kind: "configuration service",
    id: "I11",
    cover: "well",
    nouns: ["config service", "config server", "configuration server"],
    why: "settings are authored once, versioned, and pushed to every server as snapshots it applies and acknowledges, which is the control plane with snapshot distribution",
  },
  {
    kind: "deployment system",
    id: "I11",
    cover: "well",
    nouns: [
      "deployment system",
      "deploy system",
      "deployment service",
      "deployment platform",
      "deployment tool",
      "deployment orchestrator",
      "continuous deployment system",
      "continuous deployment platform",
      "continuous delivery platform",
      "canary deployment system",
      "canary release system",
      "release rollout system",
      "progressive delivery system",
      "progressive delivery platform",
      "code deployment system",
      "rollout orchestrator",
      "upgrade orchestrator",
      "release orchestrator",
      "rolling update system",
      "rolling upgrade system",
    ],
    why: "a service's desired release per host group is the control plane's truth, moved wave by wave behind health gates and pulled by an agent on every host, which is a control plane distributing versioned state; releases by digest, waves within an unavailable cap, canary analysis and automatic rollback are built by I11's own deploy-rollout subject",
  },
  {
    kind: "feature flag service",
    id: "I11",
    cover: "well",
    nouns: ["feature flag service", "feature flag system", "feature flagging service", "flag service"],
    why: "flag rules are authored centrally and pushed as versioned snapshots that servers evaluate locally, with staged rollouts and a kill switch, which is the control plane with snapshot distribution",
  },
  {
    kind: "coordination service",
    id: "I01",
    cover: "well",
    nouns: ["consensus service", "distributed coordination service"],
    why: "a small replicated log agreed by a quorum keeps strongly consistent metadata, watches and ephemeral entries, which is the consensus metadata store",
  },
  {
    kind: "object store",
    id: "I19",
    cover: "well",
    nouns: ["object store", "object storage service", "blob storage service"],
    why: "objects are cut into chunks or erasure-coded fragments placed on storage nodes, with a metadata map from key to fragments and repair when a copy is lost, which is the replicated chunk storage substrate",
  },
  {
    kind: "file system",
    id: "I19",
    cover: "well",
    nouns: ["network file system", "shared file system", "file system service", "distributed filesystem"],
    why: "files are split into replicated chunks on storage servers with a metadata service naming where each lives, which is the replicated chunk and file storage substrate",
  },
  {
    kind: "block store",
    id: "I19",
    cover: "well",
    nouns: ["block store", "block storage service", "volume service"],
    why: "virtual disks are striped into replicated extents on storage servers and attached to one machine at a time, which is the replicated block storage substrate",
  },
  {
    kind: "load balancer",
    id: "I17",
    cover: "well",
    nouns: ["layer 4 load balancer", "layer 7 load balancer", "l4 load balancer", "l7 load balancer"],
    why: "requests or connections are spread over a healthy backend pool by a policy, with health checks and draining, which is the traffic steering plane",
  },
  {
    kind: "API gateway",
    id: "I17",
    cover: "well",
    nouns: ["api management platform", "api proxy"],
    why: "one entry point authenticates, rate limits and routes each request to the service behind it, which is the request mediation plane",
  },
  {
    kind: "service mesh",
    id: "I17",
    cover: "well",
    nouns: ["mesh control plane"],
    why: "sidecar proxies beside every service route, retry and encrypt calls under policy pushed from a control plane, which is the request mediation plane",
  },
  {
    kind: "search engine",
    id: "I06",
    cover: "well",
    nouns: ["full text search engine", "full text search service"],
    why: "documents from a system of record are indexed into inverted indexes that answer queries, and are rebuilt from the source, which is the projection and search pipeline",
  },
  {
    kind: "vector database",
    id: "I06",
    cover: "well",
    nouns: [
      "vector database",
      "vector store",
      "vector db",
      "similarity search service",
      "vector search service",
      "vector search engine",
      "vector similarity search",
      "nearest neighbour search service",
      "nearest neighbor search service",
      "embedding search service",
      "semantic search service",
      "semantic search backend",
      "embedding store",
      "embeddings store",
      "similarity service",
      "image similarity service",
      "image similarity search",
      "ann service",
      "face search system",
      "face search service",
      "reverse image search",
      "rag retrieval",
      "retrieval layer for a rag",
    ],
    why: "embeddings derived from source records are indexed for nearest-neighbour reads and rebuilt from the store of record, which is the projection pipeline; the approximate index segments (HNSW graphs, IVF lists of quantised codes), their shards, tombstones, memory sizing and recall trade-offs are built by I06's own vector-search subject",
  },
  {
    kind: "metrics system",
    id: "I18",
    cover: "well",
    nouns: ["metrics system", "metrics service", "metrics monitoring system"],
    why: "samples are scraped or pushed, stored by series in time-partitioned blocks, downsampled and queried by alert rules, which is the telemetry pipeline",
  },
  {
    kind: "log management system",
    id: "I18",
    cover: "well",
    nouns: ["logging system", "logging service", "log management system", "log search system", "log analytics system"],
    why: "log lines are shipped by agents, buffered, indexed by time and labels and kept for a retention period, which is the telemetry pipeline",
  },
  {
    kind: "tracing system",
    id: "I18",
    cover: "well",
    nouns: ["distributed tracing system", "tracing system", "tracing service", "tracing backend"],
    why: "spans are sampled at the services, collected, joined by trace id and kept for a retention period, which is the telemetry pipeline",
  },
  {
    kind: "identity provider",
    id: "I16",
    cover: "partly",
    nouns: ["identity provider", "single sign on service", "sso service", "identity and access management service"],
    why: "accounts, credentials and sessions are key-scoped records read on every sign-in, which I16's sign-in subject builds; federation protocols between companies (SAML, OpenID Connect) are not an archetype of their own",
  },
  {
    kind: "authorization service",
    id: "I16",
    cover: "partly",
    nouns: [
      "authorization service",
      "authorization system",
      "authorisation service",
      "permission service",
      "permissions service",
      "permission system",
      "permissions system",
      "access control service",
      "access control system",
      "fine-grained authorization service",
    ],
    why: "permissions are relationship records kept per object (this object, this relation, this user or group) in a replicated, strongly consistent store, and a check reads them at a snapshot no older than the change its caller saw, so a revoked user never sees content added after the revoke, which is key-scoped state; expanding nested groups through a derived membership index and caching check answers near the callers are parts no archetype holds whole",
  },
  {
    kind: "email delivery service",
    id: "I12",
    cover: "partly",
    nouns: ["email delivery service", "email sending service", "transactional email service"],
    why: "each message is a step whose outside effect (handing it to the receiving mail server) is retried under an idempotency key until it is accepted or bounces, which is the workflow with an external side effect; sender reputation and mail transfer queues are not an archetype of their own",
  },
  {
    kind: "push notification service",
    id: "I12",
    cover: "partly",
    nouns: ["push notification service", "push notification system", "push delivery service"],
    why: "each notification is an outside effect delivered through a platform's push gateway with retries and a record of what was sent, which is the workflow with an external side effect; the long-lived connections to devices are a registry of connections, not drawn here",
  },
  {
    kind: "voting system",
    id: "I16",
    cover: "partly",
    nouns: [
      "voting system",
      "voting service",
      "voting platform",
      "online voting system",
      "election system",
      "election voting system",
      "electronic voting system",
      "e-voting system",
      "ballot system",
    ],
    why: "each voter's one ballot is a record keyed by the voter and written once by a conditional write, so two devices racing cannot both count, which is key-scoped state; it is never a lease: a cast ballot is not released or expired. Tallying the accepted ballots into counts, and proving the count to auditors, are not an archetype of their own",
  },
  {
    kind: "payment processor",
    id: "I12",
    cover: "partly",
    nouns: ["payment processor", "payment gateway", "payment processing service", "payment processing system"],
    why: "a charge is an outside effect on a card network made once under an idempotency key, with its state recorded and reconciled, which is the workflow with an external side effect; settlement between banks and card network rules are not an archetype of their own",
  },
];

/**
 * Well-known systems and the kind each one is, one line each, from the system's own documentation (`source`). Read
 * only where the prompt asks for such a system ("like Vault", "a Vault-like …", "Design Vault"): a system merely
 * named beside what is built is a part or a caller, which the archetype cards' systems say. A name here is in no
 * card's systems nor the ambiguous systems (the knowledge compile checks it).
 */
export interface KnownSystem {
  name: string;
  aliases: readonly string[];
  kind: string;
  source: string;
}

// biome-ignore format: one well-known system a line
export const KNOWN_SYSTEMS: readonly KnownSystem[] = [
  { name: "HashiCorp Vault", aliases: ["Vault"], kind: "secret store", source: "developer.hashicorp.com/vault/docs/concepts/lease (a tool for securely accessing secrets; leases, renewal, revocation)" },
  { name: "AWS Secrets Manager", aliases: ["Amazon Secrets Manager"], kind: "secret store", source: "aws.amazon.com/documentation-overview/secrets-manager (stores, rotates and retrieves secrets)" },
  { name: "Google Secret Manager", aliases: ["Google Cloud Secret Manager", "GCP Secret Manager"], kind: "secret store", source: "cloud.google.com/sdk/gcloud/reference/secrets (store and retrieve secrets, with versions)" },
  { name: "Azure Key Vault", aliases: [], kind: "secret store", source: "learn.microsoft.com/azure/key-vault/general/overview (a secure store for secrets, keys and certificates)" },
  { name: "AWS KMS", aliases: ["AWS Key Management Service", "Amazon KMS"], kind: "key management service", source: "docs.aws.amazon.com/kms/latest/developerguide/concepts-intro.html (generates and manages cryptographic keys)" },
  { name: "CoreDNS", aliases: [], kind: "DNS server", source: "coredns.io (a DNS server used for service discovery)" },
  { name: "Apache Storm", aliases: [], kind: "stream processor", source: "storm.apache.org (a distributed realtime computation system over unbounded streams)" },
  { name: "Apache Samza", aliases: ["Samza"], kind: "stream processor", source: "samza.apache.org (a distributed stream processing framework with managed, snapshotted state)" },
  { name: "PostgreSQL", aliases: ["Postgres"], kind: "relational database", source: "postgresql.org/docs/current/intro-whatis.html (an object-relational database management system)" },
  { name: "MySQL", aliases: [], kind: "relational database", source: "dev.mysql.com/doc/refman/8.0/en/what-is-mysql.html (an open-source relational database management system)" },
  { name: "Neo4j", aliases: [], kind: "graph database", source: "neo4j.com/docs (a native graph database: nodes and relationships, queried in Cypher)" },
  { name: "Amazon Neptune", aliases: ["AWS Neptune"], kind: "graph database", source: "docs.aws.amazon.com/neptune/latest/apiref/Welcome.html (a managed graph database service for highly connected data)" },
  { name: "Apache CouchDB", aliases: ["CouchDB"], kind: "document database", source: "couchdb.apache.org (a document-oriented database of JSON documents over an HTTP API, with replication)" },
  { name: "RocksDB", aliases: [], kind: "embedded storage engine", source: "rocksdb.org (an embeddable persistent key-value store for fast storage)" },
  { name: "LevelDB", aliases: [], kind: "embedded storage engine", source: "github.com/google/leveldb doc/impl.md (a key-value library: a log and memtable, sorted tables in levels merged by compaction)" },
  { name: "Amazon Redshift", aliases: ["Redshift", "AWS Redshift"], kind: "data warehouse", source: "docs.aws.amazon.com/redshift/latest/dg/c_redshift_system_overview.html (a petabyte-scale data warehouse with columnar storage and parallel queries)" },
  { name: "Google BigQuery", aliases: ["BigQuery"], kind: "data warehouse", source: "cloud.google.com/bigquery/docs/introduction (a serverless, fully managed data warehouse queried in SQL)" },
  { name: "ClickHouse", aliases: [], kind: "analytics database", source: "clickhouse.com/docs (a column-oriented database management system for online analytical processing)" },
  { name: "Apache Pinot", aliases: [], kind: "analytics database", source: "docs.pinot.apache.org (a realtime distributed OLAP datastore ingesting from Kafka and batch sources)" },
  { name: "Presto", aliases: ["PrestoDB"], kind: "SQL query engine", source: "prestodb.github.io/docs/current/overview (a distributed SQL query engine over large data sets spread across one or more different data sources)" },
  { name: "Trino", aliases: ["PrestoSQL"], kind: "SQL query engine", source: "trino.io (a distributed SQL query engine that queries data where it lives: data lakes, object stores, databases)" },
  { name: "Apache Spark", aliases: [], kind: "batch processor", source: "spark.apache.org (a unified analytics engine for large-scale data processing)" },
  { name: "Apache BookKeeper", aliases: ["BookKeeper"], kind: "distributed log", source: "bookkeeper.apache.org (a fault-tolerant, low-latency storage service for append-only workloads, the log store under Pulsar)" },
  { name: "Hadoop MapReduce", aliases: ["Apache Hadoop MapReduce"], kind: "batch processor", source: "hadoop.apache.org/docs (a framework that splits a job's input into tasks run in parallel on a cluster and re-executes failed tasks)" },
  { name: "Apache RocketMQ", aliases: ["RocketMQ"], kind: "message queue", source: "rocketmq.apache.org (a distributed messaging and streaming platform: publish/subscribe, ordered queues)" },
  { name: "Amazon ECS", aliases: ["Amazon Elastic Container Service", "AWS ECS"], kind: "container orchestrator", source: "docs.aws.amazon.com/AmazonECS (a container management service that places containers across a cluster by resource needs)" },
  { name: "Amazon ElastiCache", aliases: ["ElastiCache", "AWS ElastiCache"], kind: "cache", source: "docs.aws.amazon.com/AmazonElastiCache/latest/dg/WhatIs.html (a managed distributed in-memory cache on Valkey, Redis OSS or Memcached)" },
  { name: "Unbound", aliases: [], kind: "DNS resolver", source: "nlnetlabs.nl/projects/unbound (a validating, recursive and caching DNS resolver; answers are cached for their TTL)" },
  { name: "Knot Resolver", aliases: [], kind: "DNS resolver", source: "knot-resolver.cz (a caching DNS resolver)" },
  { name: "PowerDNS Authoritative Server", aliases: ["PowerDNS"], kind: "DNS server", source: "doc.powerdns.com/authoritative (an authoritative-only name server serving zones from a database backend)" },
  { name: "NSD", aliases: ["NLnet Labs NSD"], kind: "DNS server", source: "nlnetlabs.nl/projects/nsd (an authoritative DNS name server)" },
  { name: "Milvus", aliases: [], kind: "vector database", source: "milvus.io/docs (an open-source vector database for embedding similarity search)" },
  { name: "Qdrant", aliases: [], kind: "vector database", source: "qdrant.tech/documentation (a vector similarity search engine and vector database)" },
  { name: "Graylog", aliases: [], kind: "log management system", source: "graylog.org (centralized log management: capture, store and search machine data)" },
  { name: "Grafana Tempo", aliases: [], kind: "tracing system", source: "grafana.com/docs/tempo (a high-scale distributed tracing backend on object storage)" },
  { name: "Zanzibar", aliases: ["Google Zanzibar"], kind: "authorization service", source: "Pang et al., USENIX ATC 2019 (a global system storing access control lists as relation tuples and evaluating checks that respect the causal order of changes)" },
  { name: "SpiceDB", aliases: [], kind: "authorization service", source: "authzed.com/docs (an open-source, Zanzibar-inspired database for application permissions)" },
  { name: "OpenFGA", aliases: [], kind: "authorization service", source: "openfga.dev (an authorization and permission engine inspired by Zanzibar)" },
  { name: "Keycloak", aliases: [], kind: "identity provider", source: "keycloak.org/docs/latest/server_admin (identity and access management: single sign-on, OpenID Connect, SAML, identity brokering)" },
  { name: "Amazon SES", aliases: ["Amazon Simple Email Service", "AWS SES"], kind: "email delivery service", source: "docs.aws.amazon.com/ses (an email-sending service with bounce, complaint and delivery notifications)" },
  { name: "Weaviate", aliases: [], kind: "vector database", source: "weaviate.io/developers/weaviate/introduction (an open-source vector database storing objects and their vectors)" },
  { name: "Fluentd", aliases: [], kind: "log management system", source: "docs.fluentd.org (an open-source data collector for a unified logging layer)" },
  { name: "Okta", aliases: [], kind: "identity provider", source: "developer.okta.com (workforce identity: single sign-on, multi-factor authentication, a universal directory)" },
  { name: "SendGrid", aliases: ["Twilio SendGrid"], kind: "email delivery service", source: "twilio.com/docs/sendgrid (an email delivery platform for transactional and marketing email over an API or SMTP)" },
  { name: "Firebase Cloud Messaging", aliases: ["FCM"], kind: "push notification service", source: "firebase.google.com/docs/cloud-messaging (a cross-platform service delivering notification and data messages to devices)" },
  { name: "Adyen", aliases: [], kind: "payment processor", source: "docs.adyen.com/payments (a payment platform for online and in-person payments, risk management and acquiring)" },
  { name: "Amazon EFS", aliases: ["Amazon Elastic File System", "AWS EFS"], kind: "file system", source: "docs.aws.amazon.com/efs (an elastic shared NFS file system that grows and shrinks with its files)" },
  { name: "Apache Oozie", aliases: ["Oozie"], kind: "workflow scheduler", source: "oozie.apache.org (a workflow scheduler for Hadoop jobs: DAGs of actions, triggered by time and data availability)" },
  { name: "Docker Swarm", aliases: ["Docker Swarm mode"], kind: "container orchestrator", source: "docs.docker.com/engine/swarm (cluster management and orchestration in Docker Engine: services kept at their desired replicas)" },
  { name: "MariaDB", aliases: ["MariaDB Server"], kind: "relational database", source: "mariadb.com/kb (an open-source relational database management system compatible with MySQL)" },
  { name: "Amazon Aurora", aliases: ["AWS Aurora"], kind: "relational database", source: "docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide (a managed MySQL- and PostgreSQL-compatible relational database with storage replicated across three zones)" },
  { name: "Google Cloud Dataflow", aliases: ["Cloud Dataflow"], kind: "stream processor", source: "cloud.google.com/dataflow/docs (a managed service running Apache Beam pipelines for stream and batch processing)" },
  { name: "Azure Cosmos DB", aliases: ["Cosmos DB", "CosmosDB"], kind: "document database", source: "learn.microsoft.com/azure/cosmos-db/overview (a globally distributed NoSQL database of JSON documents with a choice of consistency levels)" },
  { name: "Google Cloud Firestore", aliases: ["Cloud Firestore", "Firestore"], kind: "document database", source: "cloud.google.com/firestore/docs (a NoSQL document database of collections of documents, built for automatic scaling)" },
  { name: "JanusGraph", aliases: [], kind: "graph database", source: "janusgraph.org (a distributed graph database over pluggable storage backends such as Cassandra, HBase or Bigtable)" },
  { name: "AWS X-Ray", aliases: ["Amazon X-Ray"], kind: "tracing system", source: "docs.aws.amazon.com/xray/latest/devguide/aws-xray (collects request segments into traces and a service graph, with sampling)" },
  { name: "Amazon Timestream", aliases: ["AWS Timestream"], kind: "metrics system", source: "docs.aws.amazon.com/timestream (a managed time-series database keeping recent points in memory and older ones in a cheaper tier)" },
  { name: "Braintree", aliases: [], kind: "payment processor", source: "developer.paypal.com/braintree (a payment gateway and processor for card and wallet payments, with webhooks and disputes)" },
  { name: "Auth0", aliases: [], kind: "identity provider", source: "auth0.com/docs (an authentication and authorization service on OpenID Connect, OAuth 2.0 and SAML, with single sign-on)" },
  { name: "Mailgun", aliases: [], kind: "email delivery service", source: "documentation.mailgun.com (APIs to send, receive and track email, with bounce tracking)" },
  { name: "Backblaze B2", aliases: ["B2 Cloud Storage"], kind: "object store", source: "backblaze.com/apidocs (cloud object storage with an S3-compatible API)" },
  { name: "Tyk", aliases: ["Tyk Gateway"], kind: "API gateway", source: "tyk.io/docs/tyk-oss-gateway (an API gateway for REST, GraphQL, TCP and gRPC: authentication, rate limits, analytics)" },
  { name: "LevelDB", aliases: [], kind: "embedded storage engine", source: "github.com/google/leveldb (a key-value storage library giving an ordered mapping from string keys to values)" },
  { name: "OneSignal", aliases: [], kind: "push notification service", source: "documentation.onesignal.com (a push notification service for web and mobile apps, with targeting and scheduling)" },
  { name: "YugabyteDB", aliases: ["Yugabyte"], kind: "relational database", source: "docs.yugabyte.com (a PostgreSQL-compatible distributed SQL database replicated by Raft)" },
];

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "[\\s-]+");

/**
 * A pattern (source, for a lowered text) for a prompt whose head asks for a kind `unlike` the topic: among the ask's
 * first words, one of the kind's nouns ("Design a secrets manager …") or a well-known system of the kind asked for
 * ("… like HashiCorp Vault", "a Vault-like …"); undefined when no kind is unlike it. A kind named later ("a sign-in
 * service that keeps its keys in a secrets manager") is a part, and leaves the subject spoken. Read with the topic's own
 * `TOPIC_UNLESS` words, so the subject stays unspoken whatever its words in the clauses say.
 */
export function kindsUnlike(topic: Topic): string | undefined {
  const kinds = SYSTEM_KINDS.filter((k) => k.unlike?.includes(topic));
  if (kinds.length === 0) return undefined;
  const nouns = kinds.flatMap((k) => k.nouns).map(escaped);
  const names = KNOWN_SYSTEMS.filter((sys) => kinds.some((k) => k.kind === sys.kind))
    .flatMap((sys) => [sys.name, ...sys.aliases])
    .map((n) => escaped(n.toLowerCase()));
  const asked = [
    ...nouns,
    ...(names.length === 0 ? [] : [String.raw`like\s+(?:${names.join("|")})`, `(?:${names.join("|")})-(?:like|style)`]),
  ];
  return String.raw`^\W*(?:design|build|implement|architect|create)\s+(?:an?\s+|the\s+)?(?:[\w/-]+\s+){0,3}?(?:${asked.join("|")})\b`;
}
