import type { ApiSpec, ComponentSpec, ProtocolSpec, Topology } from "../../topology.js";
import { AUTH_API, AUTH_COMPONENTS, AUTH_DATA, AUTH_LINKS, AUTH_PROTOCOLS } from "./auth.js";
import { AUTHZ_API, AUTHZ_COMPONENTS, AUTHZ_DATA, AUTHZ_LINKS, AUTHZ_PROTOCOLS } from "./authz.js";
import { CART_API, CART_COMPONENTS, CART_DATA, CART_LINKS, CART_PROTOCOLS } from "./cart.js";
import { ENGINE_API, ENGINE_COMPONENTS, ENGINE_DATA, ENGINE_LINKS, ENGINE_PROTOCOLS } from "./engine.js";
import { LEDGER_API, LEDGER_COMPONENTS, LEDGER_DATA, LEDGER_LINKS, LEDGER_PROTOCOLS } from "./ledger.js";
import { KVC_API, KVC_COMPONENTS, KVC_DATA, KVC_LINKS, KVC_PROTOCOLS } from "./memcache.js";
import { OTP_API, OTP_COMPONENTS, OTP_DATA, OTP_LINKS, OTP_PROTOCOLS } from "./otp.js";
import { SECRETS_API, SECRETS_COMPONENTS, SECRETS_DATA, SECRETS_LINKS, SECRETS_PROTOCOLS } from "./secrets.js";
import { SESSION_DATA } from "./session.js";
import { SQL_API, SQL_COMPONENTS, SQL_DATA, SQL_LINKS, SQL_PROTOCOLS } from "./sql.js";
import { MAPLESS_SUBJECTS, OWN_STORE_SUBJECTS } from "./subjects.js";

/**
 * Where a cache tier fronts this store (topic "cache-aside"), the store is the database behind the cache: the
 * application servers read through the cache and write here, and the store's own repair of a leaderless quorum
 * (hinted handoff, Merkle trees) and its tombstones are not part of the drawing.
 */
const CACHE_ASIDE_COMPONENTS: ComponentSpec[] = [
  {
    id: "clients",
    name: "Application servers (cache clients)",
    kind: "client",
    runs: ["get", "put", "conditional put"],
    because: "the application reads through the cache tier and writes the record to the database",
    topic: "cache-aside",
  },
  {
    id: "coordinators",
    name: "Database front end (routes by key to the owning shard)",
    kind: "service",
    runs: ["route by key", "read and write the owning shard"],
    because: "the database stays the system of record: every miss and every write lands here",
    topic: "cache-aside",
  },
  {
    id: "replicas",
    name: "Database shards (existing system of record, replicated as it already is)",
    kind: "replica-group",
    holds: ["KeyValue"],
    runs: ["versioned write", "read"],
    because:
      "the records the cache copies live here durably; the prompt puts the cache in front of this database, so its replication is given, not designed here",
    topic: "cache-aside",
  },
];

/** The calls of a look-aside cache tier in front of this store as the database of record. */
const CACHE_ASIDE_API: ApiSpec[] = [
  {
    operation: "get",
    topic: "cache-aside",
    call: "GET /v1/records/{key}",
    request: ["key"],
    response: ["value", "version", "served_from (cache or database)"],
    errors: ["404 no record with this key", "503 database unavailable on a miss"],
    guarantee:
      "a hit returns the cached copy; a miss reads the database and sets the copy under the key's lease, so one reader fills while the others wait",
  },
  {
    operation: "put",
    topic: "cache-aside",
    call: "PUT /v1/records/{key}",
    request: ["value", "expected_version (optional)"],
    response: ["version"],
    errors: ["409 version conflict"],
    guarantee:
      "commits in the database first, then deletes the cached copy, so the next read refills from the committed value",
  },
  {
    operation: "delete",
    topic: "cache-aside",
    call: "DELETE /v1/records/{key}",
    request: ["expected_version (optional)"],
    response: ["ok"],
    errors: ["409 version conflict"],
    guarantee: "removes the record in the database, then deletes the cached copy",
  },
  {
    operation: "cache get (internal)",
    topic: "cache-aside",
    call: "cache protocol: get key",
    request: ["key"],
    response: ["value, or a miss with a lease token when no other reader holds the key's lease"],
    errors: ["miss without a token: another reader is filling, so wait briefly and retry"],
    guarantee: "at most one lease per key at a time, so a hot key's miss sends one read to the database",
  },
  {
    operation: "cache set (internal)",
    topic: "cache-aside",
    call: "cache protocol: set key value lease_token",
    request: ["key", "value", "lease_token"],
    response: ["stored"],
    errors: ["refused: a delete voided the lease since it was issued"],
    guarantee: "a fill that started before a write's delete never stores its older value",
  },
];

/** Replicated KV: coordinators route by a partition map to N replicas; repair and rebalance run in the background. */
/** The quorum read, as the conflict rule the design chose (i16-conflicts) shapes its answer. */
const QUORUM_READ_BY_CONFLICT_RULE = (
  [
    [["version-vectors"], ["value", "version", "siblings (when concurrent)"]],
    [["lww-hlc"], ["value", "version (hybrid-logical-clock timestamp)"]],
    [["crdt"], ["value (merged)", "context (for a later remove)"]],
  ] as const
).map(
  ([options, response]) =>
    ({
      operation: "quorum get",
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
      call: "GET /v1/kv/{key}?consistency=one|quorum",
      request: ["key", "consistency"],
      response: [...response],
      errors: ["404 not found", "503 quorum unavailable"],
      // Dynamo (DeCandia et al., SOSP 2007), section 4.6: a sloppy quorum counts stand-in nodes, so the overlap holds
      // only for writes the key's home replicas acknowledged
      guarantee:
        "a quorum read (R + W > N) overlaps the last write quorum of the key's home replicas and returns that write or a newer version (a write a sloppy quorum left on a stand-in node is missed until hinted handoff delivers it); ONE answers from any replica and may be stale",
      chosen: { decision: "i16-conflicts", options: [...options] },
    }) satisfies ApiSpec,
);

export const protocols: ProtocolSpec[] = [
  {
    name: "Leader write with a majority commit",
    // the database behind a look-aside cache replicates as it does; the cache design does not decide or draw it
    unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
    notation:
      "clients>coordinators[put key with the expected version] -> coordinators>replicas[forward to the key range's leader, which replicates the write to the range's followers and commits once a majority has it {leader holds the range's lease for the current epoch and expected version = KeyValue.version}] -> replicas>coordinators[committed at the new version] -> coordinators>clients[ok, new version] |-> coordinators>clients[409 version conflict {expected version != KeyValue.version}] => done | retry | reject",
  },
  {
    name: "Quorum write with hinted handoff",
    unlessTopic: [...OWN_STORE_SUBJECTS, "cache"],
    notation:
      // the map epoch is checked by the replicas that hold the key's range (as in the stale-map routing below), never
      // by a stateless coordinator or by a consensus hop to the map on every write
      "clients>coordinators[put key and value] -> coordinators>replicas[write to the key's N replicas with the client's map epoch {these nodes hold the key's range at that epoch}] -> replicas>coordinators[W acks] -> coordinators>clients[ok with version] |-> coordinators[store a hint for the unreachable replica {replica unreachable}] => done | retry | repair",
  },
  {
    name: "Optimistic read-modify-write",
    unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
    notation:
      // drawn with one leader per shard (the leaderless option removes the versioned overwrite): the read and the
      // version check are the key range's leader's, which holds the record, never the coordinator's
      "clients>coordinators[get key] -> coordinators>replicas[read from the key range's leader] -> replicas>coordinators[value with its version] -> coordinators>clients[value and version] -> clients>coordinators[put if version unchanged] -> coordinators>replicas[conditional put at the key range's leader {KeyValue.version = version read}] -> replicas>coordinators[committed at the new version] -> coordinators>clients[ok, new version] |-> coordinators>clients[conflict, re-read and reapply {KeyValue.version != version read}] => done | retry",
  },
  {
    name: "Routing with a stale partition map",
    unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
    notation:
      // the node that holds the range checks the request's map epoch against its own (no consensus hop per request);
      // only a refused request sends the client to the partition map for the ranges that moved
      "clients>coordinators[request routed by cached map] -> coordinators>replicas[forward with the client's map epoch {this node holds the key's range at that epoch}] -> replicas>coordinators[moved, the range has a newer owner] -> coordinators>partition-map[read the ranges changed since the client's epoch] -> partition-map>coordinators[new owner and epoch] -> coordinators>clients[redirect with the new map epoch] -> clients>coordinators[resend to the new owner] => done | redirect",
  },
  ...LEDGER_PROTOCOLS,
  ...SQL_PROTOCOLS,
  ...KVC_PROTOCOLS,
  ...AUTH_PROTOCOLS,
  ...SECRETS_PROTOCOLS,
  ...CART_PROTOCOLS,
  ...OTP_PROTOCOLS,
  ...AUTHZ_PROTOCOLS,
  ...ENGINE_PROTOCOLS,
];

export const topology: Topology = {
  components: [
    ...CACHE_ASIDE_COMPONENTS,
    {
      id: "clients",
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
      name: "Clients (cached partition map)",
      kind: "client",
      runs: ["get", "put", "conditional put"],
      because: "clients route by key and carry the map epoch so a stale route is detected",
    },
    {
      id: "coordinators",
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
      name: "Request coordinators (any node, routes by key)",
      kind: "service",
      runs: ["route by key", "forward to the replicas"],
      because:
        "the node that receives a request fans it out to the key's replicas and waits for the read or write quorum",
    },
    {
      id: "replicas",
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
      name: "Storage replicas (N = 3 per key range)",
      kind: "replica-group",
      holds: ["KeyValue", "Tombstone", "Replica", "HintedWrite"],
      runs: ["versioned write", "read"],
      because: "each key lives on N nodes in distinct failure domains, so a node loss neither loses nor blocks it",
    },
    {
      id: "partition-map",
      unlessTopic: [...MAPLESS_SUBJECTS, "cache-aside"],
      name: "Partition map (consensus metadata with epochs)",
      kind: "replica-group",
      holds: ["PartitionMap"],
      runs: ["assign key ranges", "bump epoch"],
      because: "which node owns which key range must be decided in one place and versioned",
    },
    {
      id: "anti-entropy",
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache"],
      name: "Anti-entropy repair (Merkle trees, hint replay)",
      kind: "control-loop",
      runs: ["compare replicas", "replay hints"],
      because: "replicas that missed writes converge only if something compares and repairs them",
    },
    {
      id: "rebalancer",
      unlessTopic: [...MAPLESS_SUBJECTS, "cache-aside"],
      name: "Rebalancer",
      kind: "control-loop",
      runs: ["move key ranges when nodes join or leave"],
      because: "capacity changes move ranges under a new map epoch, streaming data before switching ownership",
    },
    ...LEDGER_COMPONENTS,
    ...SQL_COMPONENTS,
    ...KVC_COMPONENTS,
    ...AUTH_COMPONENTS,
    ...SECRETS_COMPONENTS,
    ...CART_COMPONENTS,
    ...OTP_COMPONENTS,
    ...AUTHZ_COMPONENTS,
    ...ENGINE_COMPONENTS,
  ],
  links: [
    {
      unlessTopic: [...OWN_STORE_SUBJECTS],
      from: "clients",
      to: "coordinators",
      kind: "request",
      label: "get / put (key, version)",
    },
    {
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
      from: "coordinators",
      to: "replicas",
      kind: "replication",
      label: "replicate each write (leader's majority, or W of N)",
    },
    {
      // the database a cache tier fronts replicates as it already does; the cache design only reads and writes it
      topic: "cache-aside",
      from: "coordinators",
      to: "replicas",
      kind: "request",
      label: "read or write the record on its owning shard",
    },
    {
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
      from: "coordinators",
      to: "partition-map",
      kind: "request",
      label: "routing table by epoch",
    },
    {
      unlessTopic: [...OWN_STORE_SUBJECTS],
      from: "anti-entropy",
      to: "replicas",
      kind: "control",
      label: "Merkle compare, repair",
    },
    {
      unlessTopic: [...MAPLESS_SUBJECTS, "cache-aside"],
      from: "rebalancer",
      to: "partition-map",
      kind: "control",
      label: "move ranges, bump epoch",
    },
    ...LEDGER_LINKS,
    ...SQL_LINKS,
    ...KVC_LINKS,
    ...AUTH_LINKS,
    ...SECRETS_LINKS,
    ...CART_LINKS,
    ...OTP_LINKS,
    ...AUTHZ_LINKS,
    ...ENGINE_LINKS,
  ],
  api: [
    // where a cache tier fronts the store, callers see the cache-aside calls (Facebook's "Scaling Memcache at
    // Facebook", NSDI 2013: look-aside reads, delete after the database write, lease tokens on a miss)
    ...CACHE_ASIDE_API,
    // the read knob follows the replication chosen (i16-replication): under a leader per shard a strong read goes to
    // the leader and an eventual one to any replica, as DynamoDB's ConsistentRead does (AWS DynamoDB developer guide,
    // "Read consistency": eventually consistent by default, ConsistentRead=true returns every prior successful write);
    // R + W > N quorums are the leaderless option's knob (the Dynamo paper, Cassandra's consistency levels)
    {
      operation: "get",
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
      call: "GET /v1/kv/{key}?consistency=eventual|strong",
      request: ["key", "consistency"],
      response: ["value", "version"],
      errors: ["404 not found", "503 shard leader unavailable (strong reads)"],
      guarantee:
        "a strong read is served by the key's shard leader and sees every write acknowledged before it; an eventual read (the default) may come from any replica and trail the leader by its replication lag",
    },
    // the put promises what the acknowledgement chosen does (decision i16-ack), one variant per option: a majority
    // commit, the leader's own write before its followers copy it (PostgreSQL documentation, 'Synchronous
    // Replication': streaming replication is asynchronous unless standbys are named synchronous, so a commit can be
    // acknowledged before any standby holds it), or a majority within the writing region with the other regions
    // shipped afterwards (Cassandra's LOCAL_QUORUM: a quorum of replicas in the coordinator's data centre)
    {
      operation: "put",
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
      call: "PUT /v1/kv/{key}",
      request: ["value", "ttl (optional)", "expected_version (optional)"],
      response: ["version"],
      errors: ["409 version conflict", "503 shard leader unavailable"],
      guarantee:
        "acknowledged once the shard leader has it committed by a majority of the shard's replicas; conditional puts never overwrite a newer version",
      chosen: { decision: "i16-ack", options: ["sync"] },
    },
    {
      operation: "put",
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
      call: "PUT /v1/kv/{key}",
      request: ["value", "ttl (optional)", "expected_version (optional)"],
      response: ["version"],
      errors: ["409 version conflict", "503 shard leader unavailable"],
      guarantee:
        "acknowledged once the shard leader has written it, before its followers copy it, so a put acknowledged just before the leader fails can be lost; conditional puts never overwrite a newer version",
      chosen: { decision: "i16-ack", options: ["async"] },
    },
    {
      operation: "put",
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
      call: "PUT /v1/kv/{key}",
      request: ["value", "ttl (optional)", "expected_version (optional)"],
      response: ["version"],
      errors: ["409 version conflict", "503 shard leader unavailable"],
      guarantee:
        "acknowledged once a majority of the shard's replicas in the writing region hold it; the other regions receive it afterwards, so a put is lost only with its whole region before it was shipped; conditional puts never overwrite a newer version",
      chosen: { decision: "i16-ack", options: ["local-sync"] },
    },
    // The quorum calls say what a read returns and a write carries under the conflict rule the design chose
    // (i16-conflicts): siblings and the causal context the client read only where version vectors keep concurrent
    // writes; one value and a timestamp where last-writer-wins settles them; an update operation where CRDT values
    // merge them. Riak keeps siblings when two writes are causally concurrent and merges its data types (counters,
    // sets, maps) on the server, and a remove from a set or map should carry the context fetched with it (Riak KV
    // docs, data types); Cassandra keeps, of two writes to one cell, the one with the later write timestamp, a
    // delete included (its docs, Dynamo architecture).
    ...QUORUM_READ_BY_CONFLICT_RULE,
    {
      operation: "quorum put",
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
      call: "PUT /v1/kv/{key}?consistency=one|quorum",
      request: ["value", "ttl (optional)", "context (the version vector read)"],
      response: ["version"],
      errors: ["503 quorum unavailable"],
      guarantee:
        "acknowledged after W of N replicas stored it; a write that names no current version becomes a sibling rather than silently overwriting",
      chosen: { decision: "i16-conflicts", options: ["version-vectors"] },
    },
    {
      operation: "quorum put",
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
      call: "PUT /v1/kv/{key}?consistency=one|quorum",
      request: ["value", "ttl (optional)"],
      response: ["version (hybrid-logical-clock timestamp)"],
      errors: ["503 quorum unavailable"],
      guarantee:
        "acknowledged after W of N replicas stored it; every replica keeps the write with the highest (timestamp, region id), so of two concurrent puts one replaces the other",
      chosen: { decision: "i16-conflicts", options: ["lww-hlc"] },
    },
    {
      operation: "quorum put",
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
      call: "PATCH /v1/kv/{key}?consistency=one|quorum",
      request: ["update (increment, add or remove)", "context (the one read, for a remove)"],
      response: ["ok"],
      errors: ["400 update does not fit the key's type", "503 quorum unavailable"],
      guarantee:
        "acknowledged after W of N replicas applied it; every replica merges concurrent updates the same way, so increments add up and an add the remove had not seen survives",
      chosen: { decision: "i16-conflicts", options: ["crdt"] },
    },
    {
      operation: "delete",
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
      call: "DELETE /v1/kv/{key}",
      request: ["expected_version (optional)"],
      response: ["ok"],
      errors: ["409 version conflict"],
      guarantee: "recorded as a tombstone that replicates, so the value cannot reappear from a lagging replica",
    },
    {
      operation: "quorum delete",
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
      call: "DELETE /v1/kv/{key}?consistency=one|quorum",
      request: ["context (the version vector read)"],
      response: ["ok"],
      errors: ["503 quorum unavailable"],
      guarantee:
        "recorded as a tombstone carrying the context it deletes, which replicates like a write, so the value cannot reappear from a lagging replica",
      chosen: { decision: "i16-conflicts", options: ["version-vectors"] },
    },
    {
      operation: "quorum delete",
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
      call: "DELETE /v1/kv/{key}?consistency=one|quorum",
      request: ["context (the one read)"],
      response: ["ok"],
      errors: ["503 quorum unavailable"],
      guarantee:
        "recorded as a tombstone carrying the context it deletes, which replicates like a write, so the value cannot reappear from a lagging replica",
      chosen: { decision: "i16-conflicts", options: ["crdt"] },
    },
    {
      operation: "quorum delete",
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache-aside"],
      call: "DELETE /v1/kv/{key}?consistency=one|quorum",
      request: ["key", "consistency"],
      response: ["ok"],
      errors: ["503 quorum unavailable"],
      guarantee:
        "recorded as a tombstone with its own timestamp, which replicates like a write and outranks every older put, so the value cannot reappear from a lagging replica",
      chosen: { decision: "i16-conflicts", options: ["lww-hlc"] },
    },
    ...LEDGER_API,
    ...SQL_API,
    ...KVC_API,
    ...AUTH_API,
    ...SECRETS_API,
    ...CART_API,
    ...OTP_API,
    ...AUTHZ_API,
    ...ENGINE_API,
  ],
  dataModel: [
    {
      unlessTopic: [...OWN_STORE_SUBJECTS],
      entity: "KeyValue",
      key: ["key"],
      fields: ["value", "version", "expires_at", "updated_at"],
      indexes: ["expires_at (TTL)"],
      partitionKey: "hash(key)",
      owner: "replicas",
    },
    {
      entity: "PartitionMap",
      key: ["epoch"],
      fields: ["range -> replica nodes"],
      indexes: [],
      owner: "partition-map",
    },
    {
      entity: "Tombstone",
      unlessTopic: [...OWN_STORE_SUBJECTS, "cache", "login-session"],
      key: ["key"],
      fields: ["version", "deleted_at"],
      indexes: ["deleted_at (for GC after repair)"],
      partitionKey: "hash(key)",
      owner: "replicas",
    },
    ...LEDGER_DATA,
    ...SQL_DATA,
    ...KVC_DATA,
    ...AUTH_DATA,
    ...SESSION_DATA,
    ...SECRETS_DATA,
    ...CART_DATA,
    ...OTP_DATA,
    ...AUTHZ_DATA,
    ...ENGINE_DATA,
  ],
  entry: "coordinators",
  stateOwner: "replicas",
  protocols,
  unit: { entity: "KeyValue", words: ["kv"] },
  topicHooks: {
    ledger: { entry: "ledger-api", stateOwner: "account-shards", unit: { entity: "Account", words: ["account"] } },
    auth: { entry: "auth-api", stateOwner: "account-db", unit: { entity: "UserAccount", words: ["account"] } },
    // no unit: a prompt's noun for the engine ("an embedded database") names no record of it
    "storage-engine": { entry: "write-queue", stateOwner: "wal" },
    cart: { entry: "cart-service", stateOwner: "cart-store", unit: { entity: "Cart", words: ["cart"] } },
    "one-time-code": {
      entry: "otp-service",
      stateOwner: "code-store",
      unit: { entity: "OneTimeCode", words: ["code", "otp", "passcode", "password"] },
    },
    "relationship-authz": {
      entry: "check-servers",
      stateOwner: "tuple-store",
      // the kind's own nouns ("authorization service", "permission system", "access control service") name the
      // service, not a record of it, so they rename nothing
      unit: {
        entity: "RelationTuple",
        words: ["tuple", "relationship", "permission", "authorization", "authorisation", "acl", "control", "access"],
      },
    },
    secrets: { entry: "standbys", stateOwner: "secret-store", unit: { entity: "SecretVersion", words: ["secret"] } },
    "kv-cache": { entry: "cache-nodes", stateOwner: "cache-nodes", unit: { entity: "CacheItem", words: ["item"] } },
    "distributed-sql": { entry: "sql-frontend", stateOwner: "range-groups", unit: { entity: "Row", words: ["row"] } },
  },
};
