import type { z } from "zod";
import { fig, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { MechanismId } from "../../mechanisms/catalog.js";
import type { Technology } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * Key-scoped state whose subject is who may do what to which object (topic "relationship-authz",
 * knowledge/topics.ts): a relationship-based authorization service in the manner of Zanzibar. Permissions are
 * relation tuples, object#relation@user, where the user is a user id or a userset (object#relation: "the members of
 * group eng"), kept per object in a replicated store with commit timestamps that respect real-time order; each write
 * commits with its changelog entry in one transaction and returns a snapshot token (a zookie). Each namespace's
 * configuration says how a relation is computed from others (userset rewrites: union, intersection, exclusion, a
 * computed userset "every editor is a viewer", a tuple-to-userset "the viewers of the parent folder"). A check walks
 * that graph at one snapshot no older than the zookie its caller holds, depth-bounded, fanning sub-checks out to the
 * servers that own each object and caching their answers by snapshot; a derived index flattens nested groups, fed
 * from the changelog. The guarantee that makes it right is the "new enemy" rule: a user removed from an object's ACL
 * before new content was written never sees that content, because the content was stored with a zookie taken after
 * the removal and every check on it is evaluated at a snapshot at least that fresh. Signing people in (passwords,
 * sessions) is the auth subject (auth.ts), not this one.
 *
 * Facts, checked against primary sources:
 * - Zanzibar (Pang et al., USENIX ATC 2019, abstract): a global system storing ACLs and evaluating checks for
 *   hundreds of Google services; decisions respect the causal order of user actions (external consistency amid
 *   changes to ACLs and content); trillions of ACLs, millions of authorization requests a second, 95th-percentile
 *   latency under 10 ms and availability above 99.999% over 3 years.
 * - Zanzibar's data model: a tuple is object#relation@user, an object is namespace:object_id, a user is a user id or
 *   a userset object#relation; relations are declared in the namespace configuration with userset rewrite rules.
 * - Zanzibar's storage (paper §3, as its summaries restate it): tuples in Spanner, one database per client
 *   namespace, keyed by (shard id, object id, relation, user, commit timestamp) so several versions are kept and a
 *   read can be evaluated at any timestamp inside the garbage-collection window; a separate changelog database; each
 *   write commits the tuples and a changelog entry in one transaction; watch servers serve the changelog; a
 *   separate indexing system (Leopard) flattens nested group membership and is kept current from the changelog.
 * - Authzed docs (Zookie concept): an opaque token returned by Write and sent back on Check and Expand so the check
 *   is not evaluated at a snapshot staler than the change, which prevents the New Enemy Problem; the docs advise
 *   storing it beside the object in the application's own database.
 * - SpiceDB consistency options: minimize_latency (the server picks the fastest snapshot, may be stale),
 *   at_least_as_fresh (a ZedToken), at_exact_snapshot, fully_consistent (bypasses the cache); snapshots older than
 *   --datastore-gc-window are refused. SpiceDB's storage is pluggable: Spanner, CockroachDB, PostgreSQL, MySQL.
 * - OpenFGA: an authorization model of type definitions whose relations are direct ("this"), computedUserset,
 *   tupleToUserset, union, intersection and difference ("but not"); its query consistency is MINIMIZE_LATENCY
 *   (served from cache when possible) or HIGHER_CONSISTENCY (skips the cache).
 * Planning figures (a check server's rate, the cache hit ratio, sub-checks per check, a snapshot read's time) are
 * assumptions, said as such in their rows.
 */

const T = "relationship-authz" as const;
type TechnologyInput = z.input<typeof Technology>;

const STANCE = {
  consistency: "linearizable",
  availability: "fail-closed",
  because:
    "a check answered from a snapshot older than the caller's zookie can let a removed user see content added after the removal, so a server with no snapshot that fresh forwards or refuses, and an answer it cannot compute is a denial, never an allow",
} as const;

export const AUTHZ_ENTITIES = [
  {
    name: "RelationTuple",
    description:
      "One relationship, object#relation@user: the object (namespace:object_id), the relation (viewer, editor, owner, member, parent), and the user, either a user id or a userset (group:eng#member, folder:A#viewer); each version is kept under its commit timestamp so a check can read the ACL as of any snapshot inside the garbage-collection window.",
    stance: STANCE,
    truth: true,
    topic: T,
  },
  {
    name: "NamespaceConfig",
    description:
      "One namespace's relations and their userset rewrite rules (this, computed userset, tuple-to-userset, combined by union, intersection and exclusion), under a version; a check reads the version current at its snapshot.",
    truth: true,
    topic: T,
  },
  {
    name: "ChangelogEntry",
    description:
      "One committed tuple change by commit timestamp: the tuple, touched or deleted, written in the same transaction as the tuple; the stream watch servers serve and the group index is fed from.",
    truth: true,
    topic: T,
  },
  {
    name: "GroupIndex",
    description:
      "The nested-group index: for each group the flattened set of its direct and indirect members (and the groups nested in each group), held in memory by the index servers at the changelog timestamp they have applied; derived, rebuilt from a tuple snapshot plus the changelog.",
    truth: false,
    topic: T,
  },
  {
    name: "CachedCheck",
    description:
      "A check or sub-check answer (object#relation@user is member or not) keyed by the snapshot timestamp it was computed at, on the check server that owns the object; reused only by checks evaluated at that same snapshot.",
    truth: false,
    topic: T,
  },
] as const;

export const AUTHZ_WRITES = [
  {
    action:
      "write tuples (touch or delete), with an optional precondition on the object's current tuples: the tuples and their changelog entry commit in one transaction at a commit timestamp in real-time order (the store's commit wait on bounded clock uncertainty), and the caller gets a zookie naming that timestamp",
    entity: "RelationTuple",
    shape: "overwrite current value",
    mechanism: "version-check",
    critical: true,
    topic: T,
  },
  {
    action:
      "change a namespace's relations and rewrite rules: validate the new version (every relation it names exists, no cycle without a depth bound) and commit it only if the namespace is still at the version the caller read",
    entity: "NamespaceConfig",
    shape: "overwrite current value",
    mechanism: "version-check",
    topic: T,
  },
  {
    action:
      "the index builder tails the changelog in commit order and applies each membership change to the nested-group index, advancing the timestamp the index has applied",
    entity: "GroupIndex",
    shape: "async process",
    mechanism: "projector-checkpoint",
    critical: true,
    topic: T,
  },
  {
    action:
      "a check server stores each sub-check answer under the object, relation, user and the snapshot it was evaluated at",
    entity: "CachedCheck",
    shape: "overwrite current value",
    mechanism: "request-coalescing",
    hidden: true,
    topic: T,
  },
] as const;

export const AUTHZ_READS = [
  {
    action:
      "check whether a user has a relation to an object: pick a snapshot at least as fresh as the caller's zookie, read the relation's rewrite rule, and walk the object's tuples and nested usersets at that one snapshot, depth-bounded, with sub-checks sent to the servers that own each object and answered from their snapshot caches or the group index",
    entity: "RelationTuple",
    shape: "read source",
    staleness:
      "no older than the caller's zookie; without one, a recent snapshot a few seconds old that every replica already holds",
    tolerates: "snapshot",
    topic: T,
  },
  {
    action:
      "content-change check before the caller saves new content: evaluate the check at the latest snapshot and return its zookie, which the caller stores beside the content version",
    entity: "RelationTuple",
    shape: "read source",
    staleness: "none: evaluated at the newest committed snapshot",
    topic: T,
  },
  {
    action:
      "expand a relation into its userset tree (who can view this document, through which groups) at a snapshot no older than the zookie",
    entity: "RelationTuple",
    shape: "read source",
    staleness: "no older than the caller's zookie",
    tolerates: "snapshot",
    topic: T,
  },
  {
    action:
      "watch a namespace's tuple changes: the changelog after a zookie, in commit order, with progress zookies while nothing changes",
    entity: "ChangelogEntry",
    shape: "read projection",
    staleness: "the changelog up to the newest commit the watch server has read",
    topic: T,
  },
  {
    action:
      "look up whether a user is in a group, through any nesting, in the nested-group index at a snapshot it has applied",
    entity: "GroupIndex",
    shape: "read projection",
    staleness: "the changelog timestamp the index has applied; a check at a later snapshot walks the tuples instead",
    topic: T,
  },
] as const;

const EXTERNAL =
  "Every RelationTuple write commits with its ChangelogEntry in one transaction (two-phase commit across their shards) at a commit timestamp that respects real-time order: a write that starts after another has committed gets a larger timestamp, so the order of timestamps is the order users acted in.";
const NEW_ENEMY =
  "A check that carries a zookie reads every RelationTuple and rewrite rule it needs at one snapshot no older than the zookie, so a user whose RelationTuple was deleted before content was saved with its zookie never sees that content.";
const PRECONDITION =
  "A RelationTuple write that names a precondition commits only if the object's tuples are still as the caller read them, so two concurrent edits of one ACL never silently undo each other.";
const INDEX_FRESH =
  "The nested-group index answers for a snapshot only once it has applied every ChangelogEntry up to that snapshot; a check at a later snapshot walks the tuples instead, so index lag costs time, never a wrong answer.";
const CACHE_BY_SNAPSHOT =
  "A CachedCheck answers only checks evaluated at the snapshot it was computed at, so no cached allow outlives a RelationTuple deleted after that snapshot.";
const BOUNDED =
  "A check walks RelationTuple usersets to at most the configured depth and answers an error, treated as a denial, past it; it never allows on a partial walk.";

export const AUTHZ_INVARIANTS = [NEW_ENEMY, EXTERNAL, PRECONDITION, INDEX_FRESH, CACHE_BY_SNAPSHOT, BOUNDED];

/** The mechanism that keeps each of the authorization service's rules (`keptBy` on the card's invariant marks). */
export const AUTHZ_KEPT_BY: Readonly<Record<string, MechanismId>> = {
  [EXTERNAL]: "commit-wait",
  [NEW_ENEMY]: "consistent-cut",
  [PRECONDITION]: "version-check",
  [INDEX_FRESH]: "projector-checkpoint",
  [CACHE_BY_SNAPSHOT]: "derived-view-read",
};

export const AUTHZ_SCOPES = {
  topic: T,
  ordering: {
    scope: "global",
    why: "every tuple write takes a commit timestamp from one externally consistent order, and a zookie compares across every object and region",
  },
  exclusivity: {
    scope: "key",
    why: "a write's precondition is checked against one object's tuples; unrelated objects never contend",
  },
  coordination: {
    scope: "partition",
    why: "each shard of tuples (by object id) is replicated by its own consensus group; a write touching several shards commits them in one transaction",
  },
} as const;

export const AUTHZ_FAILURES = [
  {
    failure:
      "A revoke races a read: a user is removed from a folder, new content is saved, and a check evaluated at a snapshot from before the removal lets the user see it (the new enemy problem)",
    role: "truth",
    prevention:
      "The content write first runs a content-change check at the latest snapshot and stores the returned zookie beside the content; every later check on that content carries the zookie, and a server evaluates it only at a snapshot at least that fresh",
    repair:
      "A server whose replica has not reached the zookie's timestamp forwards the check to a replica that has, or waits for its own to catch up; it never answers from the older snapshot",
    topic: T,
  },
  {
    failure:
      "A hot object or group: a public document, or a group nearly everyone is in, draws a large share of the checks to the servers that own it",
    role: "derived",
    prevention:
      "Route sub-checks by object id (consistent hashing) so each object's answers are cached in one place, collapse identical concurrent sub-checks into one evaluation, and read every tuple of a known-hot object at once",
    repair:
      "Snapshot timestamps are rounded to a coarse grain so concurrent checks share cache entries; a server past its load sheds to replicas of the same shard",
    topic: T,
  },
  {
    failure: "The nested-group index lags the changelog (a slow builder, a restart)",
    role: "derived",
    prevention:
      "The index says the changelog timestamp it has applied; a check whose snapshot is later walks the tuples instead of trusting the index",
    repair:
      "The builder resumes from its applied timestamp; a lost index is rebuilt from a tuple snapshot at a known timestamp plus the changelog after it",
    topic: T,
  },
  {
    failure: "A deep or wide group graph: one check fans out into thousands of sub-checks and misses the latency bound",
    role: "derived",
    prevention:
      "A depth bound on the walk, the nested-group index for groups of groups, and hedged sub-checks: after a short delay the same sub-check is also sent to another replica and the first answer wins",
    repair: "A walk that exceeds the bound returns an error the caller treats as a denial, and the group is flattened",
    topic: T,
  },
  {
    failure: "A region is lost, or a replica falls behind the global commit order",
    role: "truth",
    prevention:
      "Every region holds a replica of every tuple, so checks at a snapshot the survivors hold are answered in place; writes need a majority of the replicas across regions",
    repair:
      "Callers move to the nearest healthy region; checks with a zookie newer than a lagging replica are forwarded to one that has caught up",
    topic: T,
  },
  {
    failure: "A bad namespace change (a rewrite rule that grants far more than meant, or a cycle)",
    role: "truth",
    prevention:
      "Validate every new version (relations exist, the walk is bounded) and test it against sample tuples before it commits; the old version stays readable",
    repair:
      "Commit the previous version again; checks at snapshots after the revert use it, and cached answers keyed by older snapshots age out",
    topic: T,
  },
] as const;

export const AUTHZ_BOTTLENECKS = [
  {
    bottleneck:
      "Check servers: every check and its sub-checks are evaluated there, so the fleet is sized by the check rate",
    mitigation:
      "Answer repeated sub-checks from the snapshot cache, collapse identical concurrent ones, and add servers; objects are spread over them by consistent hashing",
    formula: {
      yields: "check servers at peak",
      expression: "checks_per_sec / (server_checks_per_sec * target_utilisation)",
      unit: "servers",
    },
    topic: T,
  },
  {
    bottleneck: "Snapshot reads of tuples: each sub-check the cache misses reads the store",
    mitigation:
      "Keep the cache hit ratio high (coarse snapshot timestamps shared by concurrent checks), flatten nested groups into the index, and read from each region's own replica",
    formula: {
      yields: "tuple reads a second at the store",
      expression: "checks_per_sec * subchecks_per_check * (1 - check_cache_hit_ratio)",
      unit: "reads/s",
    },
    topic: T,
  },
] as const;

export const AUTHZ_TECHNOLOGIES: TechnologyInput[] = [
  {
    product: "Google Cloud Spanner or CockroachDB as the tuple store",
    layer: "storage",
    fits: "Multi-version rows read at any timestamp inside the GC window, transactions across shards, and commit timestamps in one real-time order across regions (TrueTime commit wait in Spanner; hybrid logical clocks with an uncertainty bound in CockroachDB), which is what a zookie compares",
    suits: ["linearizable", "multi-region", "durable", "elastic-scale"],
    poorFor: ["low-cost", "operational-simplicity"],
    caveat:
      "Every write pays a cross-region majority; checks must read replicas at a snapshot, never the leader, to stay within a few milliseconds",
    topic: T,
  },
  {
    product: "PostgreSQL sharded by object id, with a changelog table written in each transaction",
    layer: "storage",
    fits: "Tuples and their changelog entry in one local transaction; a zookie is the shard's commit position, and read replicas serve checks once they have replayed past it",
    suits: ["durable", "operational-simplicity", "low-cost"],
    poorFor: ["multi-region"],
    caveat:
      "No global commit order across shards or regions: a zookie is only comparable within one shard, so a check whose objects span shards must carry each shard's position",
    topic: T,
  },
  {
    product: "Envoy or gRPC client-side hedging between callers and check servers",
    layer: "serving",
    fits: "Sends a second copy of a slow check to another replica after a short delay and takes the first answer, trimming the tail",
    suits: ["low-latency"],
    poorFor: ["low-cost"],
    caveat: "Hedge only after the p95 delay, or the extra copies add the load they were meant to avoid",
    topic: T,
  },
];

export const AUTHZ_COMPONENTS: ComponentSpec[] = [
  {
    id: "callers",
    name: "Client services (documents, folders, photos; store each content version's zookie beside it)",
    kind: "client",
    runs: ["check", "write tuples", "content-change check", "expand", "watch"],
    because:
      "the applications that hold the content ask before showing it, change ACLs when users share, and keep the zookie that orders content after ACL changes",
    topic: T,
  },
  {
    id: "check-servers",
    name: "Check servers (evaluate rewrite rules at a snapshot, fan sub-checks out by object id)",
    kind: "service",
    runs: [
      "pick a snapshot at least as fresh as the zookie",
      "walk the relation's userset rewrites, depth-bounded",
      "send sub-checks to the owner of each object, hedged",
      "commit tuple writes and return zookies",
    ],
    because:
      "a check is a graph walk over many objects' tuples; spreading objects over servers by consistent hashing keeps each object's answers cached in one place",
    topic: T,
  },
  {
    id: "check-cache",
    name: "Snapshot check cache (sub-check answers by object, relation, user and snapshot, on the owning server)",
    kind: "cache",
    holds: ["CachedCheck"],
    runs: ["answer a sub-check at a snapshot", "collapse identical concurrent sub-checks"],
    because:
      "most checks repeat the same sub-checks (the same group, the same folder), and an answer keyed by its snapshot is never stale for that snapshot",
    topic: T,
  },
  {
    id: "tuple-store",
    name: "Tuple store (relation tuples and changelog, multi-version, replicated in every region)",
    kind: "replica-group",
    holds: ["RelationTuple", "ChangelogEntry"],
    runs: ["commit tuples and changelog in one transaction", "read at a snapshot timestamp"],
    because:
      "the ACLs are the truth, read at a chosen snapshot from a replica in the caller's region and written with a commit timestamp every region orders the same way",
    topic: T,
  },
  {
    id: "namespace-config",
    name: "Namespace configuration store (relations and rewrite rules by version)",
    kind: "store",
    holds: ["NamespaceConfig"],
    runs: ["validate and commit a configuration version"],
    because: "every check reads how its relation is computed, and changes to that must be versioned like the tuples",
    topic: T,
  },
  {
    id: "watch-servers",
    name: "Watch servers (serve the changelog after a zookie, in commit order)",
    kind: "service",
    runs: ["stream tuple changes after a zookie", "send progress zookies"],
    because:
      "callers and the index builder keep derived state (search filters, the group index) current from the ordered changes",
    topic: T,
  },
  {
    id: "index-builder",
    name: "Index builder (offline snapshot, then the changelog applied in commit order)",
    kind: "worker-pool",
    runs: ["build the index from a tuple snapshot", "apply changelog entries after the applied timestamp"],
    because: "flattening nested groups is derived work that must follow the changelog without racing it",
    topic: T,
  },
  {
    id: "group-index",
    name: "Nested-group index servers (flattened group memberships in memory, at an applied timestamp)",
    kind: "store",
    holds: ["GroupIndex"],
    runs: ["answer is-member at an applied snapshot"],
    because:
      "a user's membership in a group of groups is one set lookup here instead of a walk through every level of nesting",
    topic: T,
  },
];

export const AUTHZ_LINKS: LinkSpec[] = [
  {
    from: "callers",
    to: "check-servers",
    kind: "request",
    label: "check / write / expand with a zookie",
    topic: T,
  },
  { from: "check-servers", to: "check-cache", kind: "request", label: "sub-check at snapshot t", topic: T },
  {
    from: "check-servers",
    to: "tuple-store",
    kind: "request",
    label: "read tuples at snapshot t; commit writes",
    topic: T,
  },
  { from: "check-servers", to: "namespace-config", kind: "request", label: "rewrite rules at snapshot t", topic: T },
  { from: "check-servers", to: "group-index", kind: "request", label: "is-member at snapshot t", topic: T },
  { from: "tuple-store", to: "watch-servers", kind: "stream", label: "changelog after timestamp", topic: T },
  { from: "watch-servers", to: "index-builder", kind: "stream", label: "membership changes in commit order", topic: T },
  {
    from: "index-builder",
    to: "group-index",
    kind: "stream",
    label: "apply changes, advance applied timestamp",
    topic: T,
  },
  { from: "watch-servers", to: "callers", kind: "stream", label: "tuple changes after a zookie", topic: T },
];

export const AUTHZ_API: ApiSpec[] = [
  {
    operation: "check",
    call: "POST /v1/check",
    request: ["object (namespace:id)", "relation", "user (user id or userset)", "zookie (optional)"],
    response: ["allowed or denied", "zookie of the snapshot evaluated"],
    errors: [
      "400 relation not in the namespace configuration",
      "503 no replica at a snapshot this fresh (retry elsewhere)",
      "depth exceeded (treated as denied)",
    ],
    guarantee:
      "evaluated at one snapshot no older than the zookie; without one, at a recent snapshot every replica holds",
    topic: T,
  },
  {
    operation: "content-change check",
    call: "POST /v1/check?consistency=latest",
    request: ["object", "relation", "user"],
    response: ["allowed or denied", "zookie to store beside the new content version"],
    errors: ["503 the latest snapshot is unreachable"],
    guarantee:
      "evaluated at the newest committed snapshot, so the zookie orders the content after every ACL change before it",
    topic: T,
  },
  {
    operation: "write tuples",
    call: "POST /v1/write",
    request: [
      "updates: touch or delete object#relation@user",
      "preconditions: tuples that must or must not exist",
      "request_id",
    ],
    response: ["zookie (commit timestamp)"],
    errors: ["409 precondition failed (read and retry)", "400 relation not in the namespace"],
    guarantee:
      "every update commits at one timestamp with its changelog entry, or none does; a repeated request_id returns the first zookie",
    topic: T,
  },
  {
    operation: "read tuples",
    call: "GET /v1/tuples?object=&relation=&zookie=",
    request: ["object", "relation (optional)", "zookie (optional)", "page token"],
    response: ["tuples at the snapshot", "zookie"],
    errors: ["400 zookie older than the garbage-collection window"],
    guarantee: "the ACL exactly as of one snapshot no older than the zookie",
    topic: T,
  },
  {
    operation: "expand",
    call: "GET /v1/expand?object=&relation=&zookie=",
    request: ["object", "relation", "zookie (optional)"],
    response: ["userset tree: direct users, and the usersets and rewrite branches they come through"],
    errors: ["depth exceeded"],
    guarantee: "one snapshot for the whole tree",
    topic: T,
  },
  {
    operation: "watch",
    call: "GET /v1/watch?namespaces=&after=zookie (stream)",
    request: ["namespaces", "start zookie"],
    response: ["tuple changes in commit order, each with its zookie", "progress zookies while nothing changes"],
    errors: ["400 start zookie older than the changelog keeps (read a snapshot, then watch from it)"],
    guarantee: "every change after the start zookie, once, in commit-timestamp order",
    topic: T,
  },
  {
    operation: "write namespace configuration",
    call: "PUT /v1/namespaces/{namespace}",
    request: ["relations and userset rewrite rules", "expected_version"],
    response: ["version"],
    errors: ["409 version moved", "400 unknown relation or unbounded cycle"],
    guarantee: "validated before it commits; checks read the version current at their snapshot",
    topic: T,
  },
];

export const AUTHZ_DATA: DataSpec[] = [
  {
    entity: "RelationTuple",
    key: ["namespace", "object_id", "relation", "user", "commit_ts"],
    fields: ["user (user id, or userset object#relation)", "deleted (a removal's version)"],
    indexes: ["(user) for reverse lookups"],
    partitionKey: "object_id",
    owner: "tuple-store",
    topic: T,
  },
  {
    entity: "NamespaceConfig",
    key: ["namespace", "version"],
    fields: ["relations", "userset rewrite rules", "committed_at"],
    indexes: [],
    partitionKey: "namespace",
    owner: "namespace-config",
    topic: T,
  },
  {
    entity: "ChangelogEntry",
    key: ["changelog_shard", "commit_ts", "object_id"],
    fields: ["tuple", "touch or delete"],
    indexes: ["(namespace, commit_ts)"],
    partitionKey: "changelog_shard",
    owner: "tuple-store",
    topic: T,
  },
  {
    entity: "GroupIndex",
    key: ["group", "member"],
    fields: ["applied_ts"],
    indexes: ["(member) for the groups a user is in"],
    partitionKey: "group",
    owner: "group-index",
    topic: T,
  },
  {
    entity: "CachedCheck",
    key: ["object", "relation", "user", "snapshot_ts"],
    fields: ["member or not"],
    indexes: [],
    partitionKey: "object",
    owner: "check-cache",
    topic: T,
  },
];

export const AUTHZ_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Remove a user, then save new content (the new enemy)",
    notation:
      "callers>check-servers[delete doc#viewer@user {precondition holds}] -> check-servers>tuple-store[commit the delete and its changelog entry at timestamp t1] -> check-servers>callers[zookie t1] -> callers>check-servers[content-change check on the doc] -> check-servers>tuple-store[read the doc's ACL at the latest snapshot t2 {t2 after t1}] -> check-servers>callers[zookie t2, stored beside the new content] -> callers>check-servers[check doc#viewer@user with zookie t2] -> check-servers>tuple-store[read the ACL at a snapshot {snapshot at or after t2}] -> check-servers>callers[denied] => done",
    topic: T,
  },
  {
    name: "Check with a zookie",
    notation:
      "callers>check-servers[check object#relation@user with zookie] -> check-servers[pick snapshot t {t at or after the zookie}] -> check-servers>namespace-config[rewrite rule of the relation at t] -> check-servers>check-cache[sub-check at t] -> check-servers>tuple-store[read the object's tuples at t {cache miss}] -> check-servers>group-index[is the user in the userset at t {index applied through t}] -> check-servers>callers[allowed or denied, zookie t] |-> check-servers>tuple-store[walk nested usersets at t {index behind t; depth within the bound}] => done | retry",
    topic: T,
  },
  {
    name: "Keep the nested-group index current",
    notation:
      "tuple-store>watch-servers[changelog after the applied timestamp] -> watch-servers>index-builder[membership changes in commit order] -> index-builder>group-index[apply the changes {commit order}] -> group-index[advance the applied timestamp] => done | retry",
    topic: T,
  },
];

/**
 * The authorization service's figures: check servers for the stated checks, the store's snapshot reads after the
 * cache, the latency of a cache-missing check against the stated bound, tuples stored and the changelog a day.
 */
export const AUTHZ_CAPACITY: CapacityModel = {
  inputs: [
    {
      quantity: "checks_per_sec",
      label: "permission checks a second at peak",
      unit: "checks/s",
      typical: 100000,
      why: "checks from every service that shows shared content, one or more per page or API call (a planning figure)",
      from: {
        expression: "requests_per_sec",
        why: "each stated request is a permission check the service answers",
      },
    },
    inp("target_utilisation"),
    {
      quantity: "server_checks_per_sec",
      label: "checks one check server evaluates a second",
      unit: "checks/s",
      typical: 20000,
      why: "a check is a few cached sub-checks and, on a miss, snapshot reads; tens of thousands a second per server is a planning figure to measure",
    },
    {
      quantity: "subchecks_per_check",
      label: "sub-checks one check fans out to (rewrite branches, nested usersets)",
      unit: "sub-checks",
      typical: 5,
      why: "a viewer check tries the direct tuple, the editors, the parent folder and a group or two (a planning figure)",
    },
    {
      quantity: "check_cache_hit_ratio",
      label: "share of sub-checks answered from the snapshot cache",
      unit: "ratio",
      typical: 0.9,
      why: "popular groups and folders repeat across checks, and coarse snapshot timestamps let concurrent checks share entries (a planning figure)",
    },
    {
      quantity: "check_depth",
      label: "levels of nested usersets a cache-missing check walks in sequence",
      unit: "levels",
      typical: 3,
      why: "document, folder, group: sub-checks at one level run in parallel, levels run one after another (a planning figure)",
    },
    {
      quantity: "snapshot_read_ms",
      label: "time for one snapshot read of an object's tuples from the region's replica",
      unit: "ms",
      typical: 2,
      why: "a keyed read at a past timestamp from a replica in the same region, a couple of milliseconds (a planning figure)",
    },
    {
      quantity: "hop_ms",
      label: "time for a caller's request to reach a check server in its region and return",
      unit: "ms",
      typical: 1,
      why: "one round trip inside a region, about a millisecond (a planning figure)",
    },
    {
      quantity: "cache_lookup_ms",
      label: "time to look a sub-check up in the owning server's snapshot cache",
      unit: "ms",
      typical: 0.5,
      why: "one in-region call to the server that owns the object, answered from memory (a planning figure)",
    },
    {
      quantity: "tuples_per_object",
      label: "relation tuples in one object's ACL",
      unit: "tuples",
      typical: 10,
      why: "an owner, a parent folder and a handful of people or groups it is shared with (a planning figure)",
    },
    {
      quantity: "relation_tuples",
      label: "relation tuples stored",
      unit: "tuples",
      typical: 10000000000,
      why: "ten billion ACL entries across every object's sharing (a planning figure; Zanzibar reports trillions)",
      from: {
        expression: "objects * tuples_per_object",
        why: "each stated object (a document, a file) carries its own ACL of tuples",
      },
    },
    {
      quantity: "tuple_bytes",
      label: "bytes of one tuple version with its index entries",
      unit: "B",
      typical: 100,
      why: "namespace, object id, relation, user and a timestamp, with key and index overhead (a planning figure)",
    },
    {
      quantity: "tuple_writes_per_sec",
      label: "tuple writes a second",
      unit: "writes/s",
      typical: 5000,
      why: "sharing changes and group edits are far fewer than checks (a planning figure)",
      from: { expression: "writes_per_sec", why: "each stated write changes tuples" },
    },
    {
      quantity: "changelog_entry_bytes",
      label: "bytes of one changelog entry",
      unit: "B",
      typical: 150,
      why: "the tuple, the operation and the commit timestamp (a planning figure)",
    },
  ],
  figures: [
    fig(
      "check_servers",
      "check servers at peak",
      "count",
      "checks_per_sec / (server_checks_per_sec * target_utilisation)",
      "servers",
      true,
    ),
    fig(
      "subchecks_per_sec",
      "sub-checks a second across the fleet",
      "rate",
      "checks_per_sec * subchecks_per_check",
      "sub-checks/s",
    ),
    fig(
      "snapshot_reads_per_sec",
      "tuple reads a second at the store after the snapshot cache",
      "hotspot",
      "checks_per_sec * subchecks_per_check * (1 - check_cache_hit_ratio)",
      "reads/s",
    ),
    fig(
      "walk_ms",
      "time to walk the nested levels when every sub-check misses the cache (levels × snapshot read)",
      "time",
      "check_depth * snapshot_read_ms",
      "ms",
    ),
    {
      ...fig(
        "check_miss_latency_ms",
        "latency of a check that misses the cache at every level (hop + cache lookup + walk)",
        "time",
        "hop_ms + cache_lookup_ms + walk_ms",
        "ms",
      ),
      bound: "latency_budget_ms",
    },
    fig(
      "tuple_bytes_stored",
      "tuples stored, one version each, in every region's replica",
      "storage",
      "relation_tuples * tuple_bytes * regions",
      "B",
    ),
    fig(
      "changelog_bytes_per_day",
      "changelog written a day",
      "storage",
      "tuple_writes_per_sec * changelog_entry_bytes * 86400",
      "B",
    ),
  ],
};

export const AUTHZ_DECISIONS: DecisionPoint[] = [
  {
    id: "i16-authz-consistency",
    topic: T,
    question:
      "At what snapshot is a check evaluated: at least as fresh as the caller's zookie, always the latest, or whatever snapshot is fastest?",
    options: [
      {
        id: "at-least-as-fresh",
        name: "at least as fresh as the zookie the caller stored with its content (any snapshot at or after it)",
        buys: "no new enemy: content saved after a removal is never shown to the removed user, while most checks still run at a slightly old snapshot every replica holds and the cache shares",
        costs:
          "callers must store a zookie beside each content version and pass it back; a replica behind the zookie must forward or wait",
        winsWhen: "a removed user must never see content added after the removal, at millions of checks a second",
        implies: { addMechanisms: ["consistent-cut"] },
      },
      {
        id: "fully-consistent",
        name: "every check at the latest committed snapshot",
        buys: "no token to carry: every check sees every change committed before it",
        costs:
          "every check needs the newest timestamp (a round trip to the leaders), and no cached answer can be reused across snapshots",
        winsWhen: "checks are few (an admin console) or callers cannot store a token",
      },
      {
        id: "any-snapshot",
        name: "the fastest snapshot the server has (minimize latency), seconds stale",
        buys: "the lowest latency and the highest cache hit ratio",
        costs: "a removal may not be seen for the staleness window, so the new enemy problem is open",
        winsWhen: "a change may take a few seconds to apply and nothing is hidden from a removed user after the fact",
      },
    ],
    rules: [
      {
        when: [
          {
            words: String.raw`\b(?:revok\w*|remov\w*|unshar\w*|los[et]s?|lost)\b[^.]*\b(?:never|must not|cannot|can't)\b|\b(?:never|must not|cannot|can't)\b[^.]*\b(?:after|once)\b[^.]*\b(?:revok\w*|remov\w*|unshar\w*|lost)\b|\bnew enemy\b|\bzookies?\b|\bzedtokens?\b`,
          },
        ],
        option: "at-least-as-fresh",
        because:
          "the prompt forbids a removed user seeing what came after the removal, which a snapshot no older than the content's zookie guarantees without making every check read the latest",
      },
      {
        when: [
          {
            words: String.raw`\b(?:eventual(?:ly)?(?: consistent)?|stale (?:answers?|checks?|results?) (?:are )?(?:fine|ok|acceptable))\b`,
          },
        ],
        option: "any-snapshot",
        because: "the prompt accepts answers a few seconds stale",
      },
    ],
    fallback: {
      option: "at-least-as-fresh",
      because: "it closes the new enemy problem while most checks still use a snapshot every replica and cache holds",
    },
  },
  {
    id: "i16-authz-store",
    topic: T,
    question:
      "Keep tuples in a globally replicated store with one commit order (Spanner, CockroachDB), or in a relational store sharded by object id with a changelog table?",
    options: [
      {
        id: "global-commit-order",
        name: "a multi-region store whose commit timestamps follow real time across shards (Spanner with TrueTime, CockroachDB with hybrid clocks)",
        buys: "one zookie compares across every object and region; snapshot reads at a past timestamp from the nearest replica",
        costs: "each write waits for a cross-region majority (and Spanner's commit wait), tens of milliseconds",
        winsWhen: "callers are in several regions and checks must respect changes made anywhere",
        // callers in several regions
        wins: [{ regionsAtLeast: 2 }],
        implies: { addMechanisms: ["commit-wait"] },
      },
      {
        id: "sharded-relational",
        name: "PostgreSQL or MySQL sharded by object id, a changelog table written in each transaction, read replicas for checks",
        buys: "familiar, cheap, fast local writes; the changelog is an ordinary table",
        costs:
          "a zookie is one shard's commit position, not comparable across shards; another region only gets asynchronous replicas",
        winsWhen: "one region serves the callers and an object's ACL lives on one shard",
      },
    ],
    rules: [
      {
        when: [{ regionsAtLeast: 2 }],
        option: "global-commit-order",
        because: "callers in several regions need one commit order a zookie can be compared against everywhere",
      },
    ],
    fallback: {
      option: "sharded-relational",
      because:
        "in one region a sharded relational store with a changelog gives snapshot tokens per shard at far less cost",
    },
  },
  {
    id: "i16-authz-nested-groups",
    topic: T,
    question:
      "Answer membership of nested groups by walking the group tuples at check time, or from a derived index that flattens them?",
    options: [
      {
        id: "walk-and-cache",
        name: "walk nested usersets at check time, depth-bounded, with sub-check answers cached by snapshot",
        buys: "nothing derived to keep current: every answer comes from the tuples at the check's snapshot",
        costs: "a deep or wide group graph costs one round of sub-checks per level",
        winsWhen: "groups nest a level or two and the cache absorbs repeats",
      },
      {
        id: "flattened-index",
        name: "a nested-group index (Leopard in Zanzibar): each group's flattened members in memory, built from a snapshot and kept current from the changelog",
        buys: "membership of a group of groups is one set lookup, whatever the depth",
        costs: "an index service and builder to run; a check at a snapshot newer than the index falls back to the walk",
        winsWhen: "groups nest deeply or hold very many members (an organisation's teams of teams)",
        implies: {
          capacity: [
            {
              quantity: "check_depth",
              value: 1,
              why: "the flattened index answers a membership through any depth of nesting in one lookup",
            },
          ],
        },
      },
    ],
    rules: [
      {
        when: [
          {
            words: String.raw`\b(?:nested|nest(?:s|ing)? (?:inside|within|in)|groups? (?:of|in|within|inside) (?:other )?groups?|sub-?groups?|teams? (?:of|within) teams?|(?:contain|include|hold)s? (?:other )?(?:teams?|groups?|sub-?groups?)|deep(?:ly)? (?:nested )?(?:groups?|hierarch\w*|folders?)|org(?:ani[sz]ation(?:al)?)? (?:charts?|trees?|hierarch\w*)|hierarch\w* of (?:groups?|teams?|folders?))\b`,
          },
        ],
        option: "flattened-index",
        because: "the prompt nests groups, which a flattened index answers in one lookup instead of a walk per level",
      },
      {
        when: [{ latencyAtMost: 6 }],
        option: "flattened-index",
        because:
          "a check latency this tight leaves no room to walk several levels of snapshot reads one after another; the index answers a nested membership in one lookup",
      },
    ],
    fallback: {
      option: "walk-and-cache",
      because: "with shallow nesting the cached walk fits the bound, and no derived index must be kept current",
    },
  },
  {
    id: "i16-authz-placement",
    topic: T,
    question:
      "One central relationship service every application asks, or a policy library (OPA-style) embedded beside each service?",
    options: [
      {
        id: "central-rebac",
        name: "a central service holding every relationship, asked over the network",
        buys: "one copy of who shares what with whom, consistent across applications, and one place that orders ACL changes against content",
        costs: "a network hop on every check, and a service every application depends on",
        winsWhen:
          "permissions come from relationships people create (sharing, groups, folders) that several services read",
      },
      {
        id: "embedded-policy",
        name: "a policy engine embedded in each service (OPA, Cedar), deciding from the request's attributes and data pushed to it",
        buys: "no network hop; decisions in microseconds; each service owns its rules",
        costs:
          "relationship data must be copied to every service, with no shared snapshot to order a removal against new content",
        winsWhen:
          "decisions depend on the request's own attributes (token claims, resource labels), not on a shared graph of relationships",
      },
    ],
    rules: [
      {
        when: [
          {
            words: String.raw`\b(?:embedded|in-process|sidecar|policy (?:as code|library|engine)|open policy agent|opa|rego|cedar|attribute-based|abac)\b`,
            unless: String.raw`\b(?:shar\w+|groups?|folders?|relationships?|zanzibar|spicedb|openfga)\b`,
          },
        ],
        option: "embedded-policy",
        because: "the prompt decides from attributes with a policy library, with no shared relationships to order",
      },
    ],
    fallback: {
      option: "central-rebac",
      because: "shared relationships and the new enemy rule need one store that orders ACL changes against content",
    },
  },
  {
    id: "i16-authz-model",
    topic: T,
    question: "Model permissions as roles (RBAC) or as relationships between users and objects (ReBAC)?",
    options: [
      {
        id: "rebac",
        name: "relationships: tuples per object and userset rewrites (owner implies editor implies viewer; a folder's viewers view its documents)",
        buys: "per-object sharing, inheritance through folders and nested groups, all in one model",
        costs: "each check is a graph walk; rewrite rules must be designed and versioned",
        winsWhen: "users share individual objects and permissions flow through containers and groups",
      },
      {
        id: "rbac",
        name: "roles: a user holds roles per tenant, and each role grants a fixed set of permissions",
        buys: "a small, auditable model; a check is a lookup of the user's roles",
        costs: "no per-object sharing without a role per object, which explodes",
        winsWhen: "access is by job function within a tenant, not by sharing individual objects",
      },
    ],
    rules: [
      {
        when: [
          {
            words: String.raw`\b(?:rbac|role-based|roles? (?:and|with) permissions|assign(?:ing|s)? roles?)\b`,
            unless: String.raw`\b(?:shar\w+|folders?|nested|relationships?|rebac|zanzibar|spicedb|openfga)\b`,
          },
        ],
        option: "rbac",
        because: "the prompt grants access by role, with no per-object sharing",
      },
    ],
    fallback: {
      option: "rebac",
      because:
        "per-object sharing and inheritance need relationships; roles are one kind of relationship (role#member) inside it",
    },
  },
];

export const AUTHZ_SILHOUETTE = {
  topic: T,
  storage:
    "relation tuples and their changelog, multi-version by commit timestamp, replicated in every region with one commit order",
  coordination:
    "zookies: checks evaluated at a snapshot no older than the caller's token; a nested-group index kept current from the changelog",
  serving: "check servers walking userset rewrites at a snapshot, with sub-checks cached by snapshot and hedged",
} as const;

/** What a relationship-authorization design must draw and must not (coherence `relationship-authz-shape`). */
export const AUTHZ_SHAPE = {
  entities: ["RelationTuple", "NamespaceConfig", "ChangelogEntry"],
  latency: "check_miss_latency_ms",
  bound: "latency_budget_ms",
  servers: "check_servers",
  /** A token check API that carries the snapshot token. */
  zookie: /\bzookie\b/,
  /** Residue of a generic key-value store or of sign-in. */
  residue: /\b(?:hinted handoff|Merkle|anti-entropy|sibling|password|sign-in session|quorum (?:get|put|delete))\b/i,
} as const;
