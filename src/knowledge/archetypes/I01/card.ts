import type { ArchetypeInput } from "../../schema.js";
import { protocols } from "./topology.js";

export const card = {
  id: "I01",
  name: "Coordination / Consensus Metadata",
  summary:
    "This archetype keeps the small, critical facts other systems must agree on: who the leader or controller is, the shard map, cluster configuration, and the keys behind locks and registrations. " +
    "Its authoritative state is a replicated log of changes that a majority of replicas has accepted, applied in order to a versioned key space. " +
    "The core correctness concern is agreement without split brain: one leader per term, nothing acknowledged before a majority holds it, and reads that never travel back in time. " +
    "Raft adds three rules beyond the happy path: a leader counts an entry from an earlier term as committed only once an entry of its own term above it is on a majority; the voting membership changes one server at a time or through joint consensus so old and new majorities always overlap; and a leader may skip the quorum round for reads only while it holds a time-based lease, which assumes bounded clock drift. " +
    "Typical systems are etcd (linearizable reads by default through a read index), ZooKeeper (linearizable writes, but reads served by the connected server are only sequentially consistent unless preceded by sync), Chubby, Consul's server tier and Kafka's KRaft controller quorum.",
  roles: ["coordination", "truth"],
  signals: {
    phrases: [
      { text: "coordination service", weight: 1.0 },
      { text: "coordination store", weight: 1.0 },
      { text: "consensus", weight: 0.8 },
      { text: "raft", weight: 0.9 },
      { text: "paxos", weight: 0.9 },
      { text: "zab", weight: 0.7 },
      { text: "replicated state machine", weight: 0.9 },
      { text: "total order broadcast", weight: 0.7 },
      { text: "cluster metadata", weight: 0.7 },
      { text: "metadata store", weight: 0.6 },
      { text: "elect controller", weight: 0.8 },
      { text: "cluster controller", weight: 0.6 },
      { text: "leader election", weight: 0.5 },
      { text: "quorum", weight: 0.5 },
      { text: "majority of replicas", weight: 0.6 },
      { text: "split brain", weight: 0.7 },
      { text: "linearizable", weight: 0.5 },
      { text: "strongly consistent metadata", weight: 0.8 },
      { text: "log replication", weight: 0.5 },
      { text: "znode", weight: 0.9 },
      { text: "ephemeral node", weight: 0.7 },
      { text: "watch changes", weight: 0.5 },
      { text: "distributed barrier", weight: 0.7 },
      { text: "hierarchical namespace", weight: 0.4 },
      { text: "shard map", weight: 0.5 },
      { text: "membership change", weight: 0.4 },
      { text: "term epoch", weight: 0.5 },
      { text: "compare and swap", weight: 0.3 },
      { text: "control plane metadata", weight: 0.5 },
      { text: "fault tolerant agreement", weight: 0.6 },
    ],
    systems: [
      {
        name: "ZooKeeper",
        aliases: ["Apache ZooKeeper"],
        weight: 1.0,
        sharedBecause:
          "ZooKeeper is a consensus metadata store (I01) most often deployed to hold locks and leader leases (I02) and service registrations (I10)",
      },
      {
        name: "etcd",
        aliases: [],
        weight: 1.0,
        sharedBecause:
          "etcd is a consensus metadata store (I01) whose leases and lock API make it a lock service (I02) and a registry or config source for other archetypes",
      },
      {
        name: "Chubby",
        aliases: ["Google Chubby"],
        weight: 0.9,
        sharedBecause:
          "Chubby is both a coordination metadata store (I01) and the canonical coarse-grained lock service (I02)",
      },
      {
        name: "Consul",
        aliases: ["HashiCorp Consul"],
        weight: 0.6,
        sharedBecause:
          "Consul's servers form a Raft-replicated store (I01) while its catalog and gossip layer make it a service registry (I10) and config source (I11)",
      },
      { name: "KRaft", aliases: ["Kafka Raft"], weight: 0.8 },
    ],
  },
  entities: [
    {
      name: "ConsensusLog",
      description:
        "The ordered sequence of proposed changes, each tagged with an index and the term of the leader that wrote it; an entry counts only once a majority stores it.",
      truth: true,
    },
    {
      name: "ElectionTerm",
      description:
        "Per replica, the current term number and the candidate it voted for in that term, written to disk before any vote is answered.",
      truth: true,
    },
    {
      name: "MetadataKey",
      description:
        "The key space produced by applying committed log entries in order: value, create revision, modification revision, version, and owning session for ephemeral keys.",
      truth: false,
    },
    {
      name: "ClientSession",
      description:
        "A client's liveness handle with a timeout, kept alive by keepalives; ephemeral keys created under it are deleted when it expires.",
      truth: false,
    },
    {
      name: "Watch",
      description:
        "A client's subscription to a key or prefix from a given revision, fed by committed changes in revision order.",
      truth: false,
    },
    {
      name: "Snapshot",
      description:
        "A point-in-time image of the applied key space at a log index, used to truncate the log and to bring a lagging or new replica up to date.",
      truth: false,
    },
  ],
  writePaths: [
    {
      action: "propose a put, delete or transaction to the leader, which appends it and waits for a majority",
      entity: "ConsensusLog",
      shape: "append event",
      mechanism: "consensus-replication",
      critical: true,
    },
    {
      action: "apply each committed entry to the key space, evaluating any compare on modification revision",
      entity: "MetadataKey",
      shape: "state transition",
      mechanism: "guarded-transition",
      critical: true,
    },
    {
      action: "record the new term and the vote durably before replying to a vote request",
      entity: "ElectionTerm",
      shape: "overwrite current value",
      mechanism: "epoch-term",
      hidden: true,
      critical: true,
    },
    {
      action: "leader sends periodic heartbeats so followers do not start an election",
      entity: "ElectionTerm",
      shape: "overwrite current value",
      mechanism: "leader-election",
      hidden: true,
    },
    {
      action:
        "client keepalives refresh the session timeout in the memory of the leader (etcd) or the connected server (ZooKeeper), without a log entry; only grant, revoke and expiry go through consensus",
      entity: "ClientSession",
      shape: "overwrite current value",
      mechanism: "heartbeat-renewal",
      hidden: true,
    },
    {
      action: "expire a silent session and delete its ephemeral keys through the log",
      entity: "ClientSession",
      shape: "state transition",
      mechanism: "expiry-sweeper",
      hidden: true,
      critical: true,
    },
    {
      action: "write a snapshot and discard log entries and old revisions before it",
      entity: "Snapshot",
      shape: "async process",
      mechanism: "log-compaction",
      hidden: true,
    },
  ],
  readPaths: [
    {
      action:
        "linearizable read of a key through the leader after confirming leadership with a quorum round (read index), or within a leader lease that assumes bounded clock drift",
      entity: "MetadataKey",
      shape: "read source",
      staleness:
        "none: the read reflects every write acknowledged before the read began; a lease read is only as safe as the clock-drift bound it assumes",
    },
    {
      action:
        "serializable read served by any replica from its local applied state (ZooKeeper's normal read, sequentially consistent per session)",
      entity: "MetadataKey",
      shape: "read projection",
      staleness:
        "behind the leader by the replica's apply lag, usually milliseconds but unbounded during a partition; safe only when followed by a revision-guarded write",
    },
    {
      action: "watch a prefix for changes from a revision",
      entity: "Watch",
      shape: "read projection",
      staleness:
        "events arrive after commit and in revision order; a client that falls behind the compaction point must re-list and resume from the new revision",
    },
  ],
  protocols,
  invariants: [
    "At most one leader exists per term, because each replica grants one vote per term and persists ElectionTerm before replying.",
    "A change is acknowledged only after a majority has stored it at the same index and term; once committed, a ConsensusLog entry is never lost, altered or reordered.",
    "A leader marks a ConsensusLog entry from an earlier term committed only through a later entry of its own term stored on a majority, never by counting replicas of the old entry.",
    "The voting membership changes one server at a time, or through a joint configuration recorded in the ConsensusLog, so the old and new majorities always overlap.",
    "Every replica applies committed entries in index order, so MetadataKey state at a given revision is identical on all replicas.",
    "A linearizable read reflects every write acknowledged before it started; a deposed leader never answers one.",
    "Revisions only increase, and a watch delivers every change after its start revision exactly once and in order, or reports that the history was compacted.",
    "An ephemeral MetadataKey exists only while its ClientSession is alive.",
  ],
  contract: {
    api: [
      "put(key, value, if_mod_revision?) -> revision | conflict",
      "get(key, linearizable | serializable) -> value, mod_revision",
      "txn(compares[], on_success[], on_failure[]) -> succeeded, revision, applied atomically across keys",
      "delete(key or prefix, if_mod_revision?) -> revision",
      "watch(key or prefix, from_revision) -> ordered change stream | compacted",
      "openSession(ttl) and keepAlive(session) -> session id whose ephemeral keys vanish on expiry",
    ],
    guarantees: [
      "Linearizable writes; reads are linearizable in etcd unless the client opts into serializable reads, while ZooKeeper reads are sequentially consistent (a client never sees an older state than it saw before) and need sync first to observe the latest write.",
      "Correct operation with any minority of replicas down; without a majority it refuses writes (fails closed) instead of diverging.",
      "Every observer sees the same order of changes, and watches are gap-free from their start revision.",
      "Ephemeral state is tied to a client session, so a crashed client's registrations and locks disappear after its timeout.",
    ],
  },
  predicates: [
    {
      id: "quorum-truth",
      because:
        "the metadata decides leadership for other systems, so it must survive node loss without two replicas disagreeing",
    },
    {
      id: "exclusivity-matters",
      because: "exactly one leader per term may order writes; two leaders would produce two histories",
    },
    {
      id: "ordering-matters",
      because:
        "watchers, recipes and replicas depend on one total order of changes and monotonically increasing revisions",
    },
    {
      id: "stale-write-dangerous",
      because:
        "a client acting on an old read of a shard map or lock key would overwrite newer metadata, so writes compare revisions",
    },
    {
      id: "multi-object",
      because:
        "moving a shard or handing over leadership updates several keys that must change together in one transaction",
    },
    {
      id: "duplicate-retry-matters",
      because:
        "a client that retries after a leader failover may apply a non-idempotent change twice unless the request carries a client id and sequence number",
    },
  ],
  failures: [
    {
      failure: "Split brain: after a partition an old leader keeps acting while the majority side elects a new one",
      role: "coordination",
      prevention:
        "Commit only with a majority and stamp every message with the term; a leader confirms it still holds a quorum before serving linearizable reads",
      repair:
        "The old leader steps down when it sees the higher term and its uncommitted entries are overwritten by the new leader's log",
    },
    {
      failure:
        "Acknowledged before durable: a leader replies after writing only locally and then crashes, losing the change",
      role: "truth",
      prevention: "Reply only after a majority has fsynced the entry; never disable fsync on the consensus log",
      repair:
        "The newly elected leader's log is the authority; clients retry with a request id so the change is applied once",
    },
    {
      failure: "Stale read: a follower or a deposed leader serves a value that a newer committed write has replaced",
      role: "truth",
      prevention:
        "Route decision-making reads through the leader with a read index or quorum check; keep follower reads for display only",
      repair: "Revision-guarded writes fail on the stale base, forcing the client to re-read and retry",
    },
    {
      failure: "Progress stalled: a majority is unreachable, or too-short election timeouts cause endless re-elections",
      role: "coordination",
      prevention:
        "Run an odd number of voters across separate failure domains, keep election timeout well above heartbeat and disk latency, and use pre-vote so a rejoining node cannot disrupt a healthy leader",
      repair:
        "Restore members to regain a majority; as a last resort, rebuild a new group from the most up-to-date surviving snapshot, accepting possible loss",
    },
    {
      failure:
        "Membership change splits the group: adding several voters at once lets an old majority and a new majority commit different entries",
      role: "coordination",
      prevention:
        "Change voting membership one server at a time, or through joint consensus, and add new members as non-voting learners until they catch up",
      repair:
        "Roll back to the last committed configuration and redo the change step by step; the side that committed fewer entries is rebuilt from the other's log",
    },
    {
      failure: "Watch gap: a client disconnects, history it had not seen is compacted, and it silently misses changes",
      role: "derived",
      prevention: "Keep a retention window of revisions and resume watches from the last revision seen",
      repair: "On a compacted error, re-list the prefix at the current revision and watch from there",
    },
    {
      failure:
        "Session expired while the client is alive (long pause), deleting its ephemeral lock or registration while it still acts",
      role: "coordination",
      prevention:
        "Set the session timeout above the worst pause and pass the key's creation revision as a fencing token to protected resources",
      repair: "The client receives the expiry event, stops acting, opens a new session and re-registers",
    },
    {
      failure: "Unbounded growth: log and revision history fill the disk and the group stops accepting writes",
      role: "truth",
      prevention:
        "Snapshot and compact on a schedule, enforce a storage quota, and keep values small by storing pointers instead of payloads",
      repair: "Compact, defragment, raise the quota and clear the space alarm",
    },
  ],
  bottlenecks: [
    {
      bottleneck: "One leader orders every write and waits for a majority fsync",
      mitigation:
        "Keep only small control metadata here, batch proposals, and split very large key spaces into several independent consensus groups",
      formula: {
        yields: "replication messages sent by the leader per second",
        expression: "changes_per_sec * (voters - 1)",
        unit: "msg/s",
      },
    },
    {
      bottleneck: "Watch fan-out: each change is pushed to every watcher of the key or prefix",
      mitigation:
        "Watch narrow prefixes, put watch proxies or observers in front of the group, and coalesce events on the client",
      formula: {
        yields: "watch notifications per second",
        expression: "changes_per_sec * subscribers",
        unit: "events/s",
      },
    },
    {
      bottleneck: "Session keepalives from a large client fleet, all answered by the leader or the connected servers",
      mitigation:
        "Multiplex many leases on one session, lengthen keepalive intervals, and terminate sessions at proxies; keepalives stay in memory and are not log entries, so they cost network and CPU rather than fsyncs",
      formula: { yields: "keepalives per second", expression: "clients / heartbeat_seconds", unit: "msg/s" },
    },
    {
      bottleneck: "Full state on every replica: a slow or new member must receive the entire snapshot",
      mitigation:
        "Cap the data size, store references rather than blobs, and add non-voting learners before promoting them",
      formula: {
        yields: "time to ship a full snapshot to a new replica",
        expression: "bytes_stored / disk_write_bytes_per_sec",
        unit: "s",
      },
    },
  ],
  silhouette: {
    storage: "small strongly consistent metadata store",
    coordination: "consensus, lease, leader election",
    serving: "metadata reads and watch streams",
  },
  technologies: [
    {
      product: "etcd",
      layer: "coordination",
      fits: "Raft-replicated key space with revisions, multi-key transactions, leases and resumable watches in one small binary",
      suits: ["linearizable", "fail-closed", "small-metadata", "durable", "ordering"],
      poorFor: ["high-throughput", "large-objects", "multi-region"],
      caveat:
        "It is sized for a few gigabytes of metadata; using it as a general database hits the storage quota and slows every member",
    },
    {
      product: "ZooKeeper",
      layer: "coordination",
      fits: "Hierarchical znodes with sessions, ephemeral and sequential nodes and one-shot or persistent watches, proven for leader election and locks",
      suits: ["read-your-writes", "fail-closed", "small-metadata", "ordering"],
      poorFor: ["high-throughput", "large-objects", "operational-simplicity"],
      caveat:
        "Reads are served from the connected follower and may be stale; call sync before a read that must observe the latest write",
    },
    {
      product: "Consul servers",
      layer: "coordination",
      fits: "A Raft-replicated key-value store with sessions and blocking queries, bundled with service discovery and health checks",
      suits: ["small-metadata", "fail-closed", "operational-simplicity"],
      poorFor: ["high-throughput", "large-objects"],
      caveat:
        "The default read mode can return a stale answer from a former leader; request consistent mode for decisions",
    },
    {
      product: "Embedded Raft library",
      layer: "coordination",
      fits: "A Raft library, the etcd raft package or HashiCorp's, lets a system replicate its own metadata state machine without a separate service",
      suits: ["linearizable", "fail-closed", "durable"],
      poorFor: ["operational-simplicity", "multi-region"],
      caveat:
        "The library supplies the log; snapshots, membership changes and client deduplication remain the application's job",
    },
  ],
  connections: [
    {
      to: "I02",
      role: "decorator",
      why: "locks, leases and leader latches are recipes built from sessions, ephemeral keys and conditional writes on this store",
      typical: true,
    },
    {
      to: "I10",
      role: "output",
      why: "service registrations kept as ephemeral keys, plus watches on them, form a strongly consistent membership registry",
    },
    {
      to: "I11",
      role: "output",
      why: "configuration truth is written here and carried to the data plane by watches that feed snapshot distribution",
    },
  ],
  /** The NFR stance a design takes when the prompt is silent, and where ordering, exclusivity and coordination hold. */
  stance: {
    consistency: "linearizable",
    availability: "fail-closed",
    delivery: "at-least-once",
    ordering: "global",
    durability: "durable",
    because:
      "coordination metadata is what other systems trust to decide who leads; a stale or split answer is worse than no answer, so a minority refuses; a client that loses its connection retries, and a compare on the version it read makes the retry safe",
    scopes: {
      ordering: {
        scope: "replica group",
        why: "every change passes through one consensus log, so the replica group sees a single order",
      },
      exclusivity: { scope: "replica group", why: "one leader per replica group accepts writes in a given term" },
      coordination: { scope: "replica group", why: "a majority of the group must agree before a change commits" },
    },
  },
} satisfies ArchetypeInput;
