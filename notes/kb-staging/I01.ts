import type { ArchetypeInput } from "../schema.js";

export const I01 = {
  id: "I01",
  name: "Coordination / Consensus Metadata",
  summary:
    "A small, strongly consistent store that other systems trust for cluster metadata: who leads, which node owns which shard, what the current configuration is. Its authoritative state is a replicated log of changes agreed by a majority, applied to a small key-value tree with revisions. The core concern is linearizable agreement that survives minority failures without ever producing two truths. ZooKeeper, etcd, Consul and Chubby's store are the familiar examples, usually paired with watches and sessions.",
  roles: ["truth", "coordination"],
  signals: {
    phrases: [
      { text: "coordination service", weight: 1 },
      { text: "coordination store", weight: 1 },
      { text: "consensus", weight: 0.85 },
      { text: "raft", weight: 0.85 },
      { text: "paxos", weight: 0.85 },
      { text: "leader election", weight: 0.75 },
      { text: "elect leader", weight: 0.7 },
      { text: "elects single controller", weight: 0.7 },
      { text: "metadata store", weight: 0.8 },
      { text: "cluster metadata", weight: 0.85 },
      { text: "strongly consistent metadata", weight: 0.9 },
      { text: "replicated state machine", weight: 0.9 },
      { text: "quorum", weight: 0.6 },
      { text: "linearizable", weight: 0.5 },
      { text: "watch key", weight: 0.5 },
      { text: "ephemeral node", weight: 0.6 },
      { text: "znode", weight: 0.9 },
      { text: "cluster membership configuration", weight: 0.5 },
      { text: "controller", weight: 0.35 },
      { text: "split brain", weight: 0.4 },
      { text: "source of truth for cluster", weight: 0.7 },
      { text: "distributed consensus", weight: 0.95 },
    ],
    systems: [
      { name: "ZooKeeper", aliases: ["Apache ZooKeeper", "Zookeeper"], weight: 1 },
      { name: "etcd", aliases: [], weight: 1, sharedBecause: "etcd is the consensus store itself (I01) and is also the usual backing for service registries (I10) and config distribution (I11)" },
      { name: "Consul", aliases: ["HashiCorp Consul"], weight: 0.8, sharedBecause: "Consul's consensus core is I01 while its service catalogue and health checks make it a registry (I10)" },
      { name: "KRaft", aliases: [], weight: 0.9 },
    ],
  },
  entities: [
    { name: "ConsensusLog", description: "The ordered log of changes a majority has accepted, with term and index per entry.", truth: true },
    { name: "MetadataNode", description: "A key in the small tree with value, version and revision, produced by applying the log.", truth: false },
    { name: "Session", description: "A client session with a timeout; ephemeral keys die with it.", truth: false },
    { name: "Term", description: "The leadership epoch; one leader per term.", truth: true },
  ],
  writePaths: [
    { action: "propose change", entity: "ConsensusLog", shape: "append event", mechanism: "consensus-replication", critical: true },
    { action: "elect leader", entity: "Term", shape: "state transition", mechanism: "leader-election", critical: true },
    { action: "compare and set key", entity: "MetadataNode", shape: "state transition", mechanism: "version-check", critical: true },
    { action: "keep session alive", entity: "Session", shape: "overwrite current value", mechanism: "heartbeat-renewal", hidden: true },
    { action: "snapshot and compact log", entity: "ConsensusLog", shape: "async process", mechanism: "log-compaction", hidden: true },
  ],
  readPaths: [
    { action: "read key linearizably", entity: "MetadataNode", shape: "read source", staleness: "none: the leader confirms it still leads, or the read goes through the log" },
    { action: "watch key range", entity: "MetadataNode", shape: "read projection", staleness: "events arrive after commit, in revision order" },
  ],
  protocols: [
    {
      name: "replicated write",
      notation:
        "client[propose {request id}] -> leader[append {Term.current = my term}] -> follower[accept {prev index and term match}] -> leader[commit {majority accepted}] |-> client[retry {leader changed}] => done | retry | redirect",
    },
    {
      name: "leader election",
      notation:
        "candidate[request votes {election timeout passed}] -> voter[vote {candidate log at least as up to date and no vote this term}] -> candidate[lead {majority of votes}] => done | retry",
    },
  ],
  invariants: [
    "There is at most one leader per Term.",
    "An entry committed to the ConsensusLog is present in the log of every future leader.",
    "Every replica applies ConsensusLog entries in the same order, so every MetadataNode has one history.",
    "A compare-and-set on a MetadataNode succeeds only against the version the caller read.",
  ],
  contract: {
    api: [
      "put(key, value, expected version) -> new revision | conflict",
      "get(key, linearizable) -> value, version, revision",
      "watch(prefix, from revision) -> ordered change events",
      "lease grant / keepalive / revoke for ephemeral keys",
    ],
    guarantees: [
      "linearizable writes and reads while a majority is up",
      "refuses writes rather than diverge when a majority is unreachable",
    ],
  },
  predicates: [
    { id: "quorum-truth", because: "metadata must survive node loss without two leaders" },
    { id: "stale-write-dangerous", because: "config and ownership changes are read-modify-write and must not clobber each other" },
    { id: "exclusivity-matters", because: "one leader per term orders all writes" },
    { id: "ordering-matters", because: "watchers and replicas must see changes in one order" },
  ],
  failures: [
    { failure: "a partition leaves a minority that still believes it leads", role: "truth", prevention: "a leader serves only while it can reach a majority; reads confirm leadership", repair: "the minority leader steps down on its next failed heartbeat round; clients retry against the new leader" },
    { failure: "the leader crashes after appending but before committing", role: "truth", prevention: "commit requires majority acceptance", repair: "the new leader's log wins; uncommitted entries are overwritten and clients retry with request ids" },
    { failure: "a watcher misses events during a disconnect", role: "derived", prevention: "watches resume from the last seen revision", repair: "if the revision was compacted, the watcher re-reads the range and restarts from the current revision" },
    { failure: "the log grows without bound and slows restarts", role: "truth", prevention: "periodic snapshots and log compaction", repair: "followers far behind install a snapshot instead of replaying" },
    { failure: "clients treat the store as a database and overload it", role: "coordination", prevention: "quotas on key size and request rate; keep only metadata there", repair: "move bulk data out and keep pointers" },
  ],
  bottlenecks: [
    {
      bottleneck: "every write funnels through one leader and a majority round trip",
      mitigation: "keep writes rare and small; batch proposals; shard independent metadata into separate groups",
      formula: { yields: "writes per second the leader must order", expression: "changes_per_sec", unit: "writes/s" },
    },
    {
      bottleneck: "watch fan-out when many clients watch the same keys",
      mitigation: "serve watches from followers or a proxy layer and coalesce events",
      formula: { yields: "watch events delivered per second", expression: "changes_per_sec * subscribers", unit: "events/s" },
    },
    {
      bottleneck: "session keepalives from a large fleet",
      mitigation: "longer session timeouts and multiplexing many keys on one session",
      formula: { yields: "keepalives per second", expression: "clients / heartbeat_seconds", unit: "writes/s" },
    },
  ],
  silhouette: {
    storage: "small strongly consistent metadata store",
    coordination: "consensus, lease, leader election",
    serving: "metadata reads and watch streams",
  },
  technologies: [
    { product: "etcd", layer: "storage", fits: "Raft-replicated key-value store with revisions, leases and watches", suits: ["linearizable", "fail-closed", "small-metadata", "durable"], poorFor: ["high-throughput", "large-objects", "multi-region"], caveat: "database size and write rate are deliberately limited" },
    { product: "ZooKeeper", layer: "coordination", fits: "ordered znodes, sessions, ephemeral and sequential nodes", suits: ["linearizable", "fail-closed", "small-metadata"], poorFor: ["operational-simplicity", "high-throughput"], caveat: "one-shot watches and session handling are easy to get wrong" },
    { product: "Consul", layer: "serving", fits: "Raft store plus service catalogue and health checks", suits: ["linearizable", "operational-simplicity", "small-metadata"], poorFor: ["high-throughput"], caveat: "default reads may be stale; ask for consistent mode where it matters" },
    { product: "Embedded Raft library", layer: "coordination", fits: "build the replicated state machine into the service itself", suits: ["linearizable", "low-latency", "fail-closed"], poorFor: ["operational-simplicity"], caveat: "you own snapshotting, membership change and testing" },
  ],
  connections: [
    { to: "I02", role: "output", why: "locks, leases and leadership are built on its conditional writes and sessions", typical: true },
    { to: "I10", role: "output", why: "service registries keep membership as ephemeral keys with watches" },
    { to: "I11", role: "output", why: "config control planes store desired state here and stream changes by watch" },
    { to: "I19", role: "output", why: "storage systems keep chunk placement and cluster metadata in it" },
  ],
} satisfies ArchetypeInput;
