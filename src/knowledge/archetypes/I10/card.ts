import type { ArchetypeInput } from "../../schema.js";
import { protocols } from "./topology.js";

export const card = {
  id: "I10",
  name: "Membership / Presence / Registry",
  summary:
    "This archetype tracks who is currently alive and where to reach them: service instances behind a name, nodes in a cluster, or users and devices that are online. " +
    "Its authoritative state is a set of registrations kept alive by heartbeats or session keepalives, so most of it is soft state that expires unless renewed, plus the views and change streams derived from it. " +
    "The core correctness concern is bounded, honest failure detection: dead members must leave every view within a known time, live members must not be evicted by a pause or a network blip, and an old registration must never overwrite a newer one. " +
    "Typical systems are service discovery registries such as Eureka and Consul, gossip membership such as SWIM-based memberlist, and presence services behind chat and device fleets.",
  roles: ["coordination", "truth", "derived"],
  signals: {
    phrases: [
      { text: "real time messaging", weight: 0.3 },
      { text: "online users", weight: 0.5 },
      { text: "service discovery", weight: 1.0 },
      { text: "service registry", weight: 1.0 },
      { text: "cluster membership", weight: 0.9 },
      { text: "group membership", weight: 0.8 },
      { text: "membership", weight: 0.7 },
      { text: "presence", weight: 0.7 },
      { text: "online offline status", weight: 0.8 },
      { text: "last seen", weight: 0.7 },
      { text: "user online", weight: 0.6 },
      { text: "failure detector", weight: 0.9 },
      { text: "failure detection", weight: 0.8 },
      { text: "detect dead node", weight: 0.7 },
      { text: "heartbeat", weight: 0.5 },
      { text: "liveness", weight: 0.5 },
      { text: "gossip", weight: 0.7 },
      { text: "swim protocol", weight: 0.9 },
      { text: "register instance", weight: 0.8 },
      { text: "register deregister", weight: 0.7 },
      { text: "announce themselves", weight: 0.7 },
      { text: "live server", weight: 0.6 },
      { text: "healthy instance", weight: 0.5 },
      { text: "lookup instance", weight: 0.6 },
      { text: "node join leave", weight: 0.7 },
      { text: "node registry", weight: 0.8 },
      { text: "worker registry", weight: 0.8 },
      { text: "connection registry", weight: 0.8 },
      { text: "user connected to which server", weight: 0.6 },
      { text: "device online", weight: 0.6 },
      { text: "typing indicator", weight: 0.5 },
      // others' cursors shown as they move are who is here and where: presence, kept as soft state
      { text: "live cursor", weight: 0.5 },
      { text: "ephemeral registration", weight: 0.7 },
      { text: "naming service", weight: 0.6 },
      { text: "endpoint list", weight: 0.5 },
      { text: "peer list", weight: 0.5 },
      { text: "discovery", weight: 0.5 },
      { text: "registry", weight: 0.3 },
      { text: "health check", weight: 0.3 },
    ],
    systems: [
      { name: "Eureka", aliases: ["Netflix Eureka"], weight: 1.0 },
      {
        name: "Consul",
        aliases: ["HashiCorp Consul"],
        weight: 0.9,
        sharedBecause:
          "Consul's catalog and gossip layer are a service registry (I10), built on a Raft-replicated store (I01) that also serves locks (I02) and config (I11)",
      },
      { name: "memberlist", aliases: ["HashiCorp memberlist"], weight: 0.9 },
      { name: "Serf", aliases: ["HashiCorp Serf"], weight: 0.9 },
      {
        name: "Nacos",
        aliases: ["Alibaba Nacos"],
        weight: 0.8,
        sharedBecause: "Nacos is both a service registry (I10) and a dynamic configuration centre (I11)",
      },
      { name: "AWS Cloud Map", aliases: ["Cloud Map"], weight: 0.9 },
      { name: "EndpointSlice", aliases: ["Kubernetes Endpoints"], weight: 0.8 },
      { name: "Phoenix Presence", aliases: [], weight: 0.8 },
      {
        name: "ZooKeeper",
        aliases: ["Apache ZooKeeper"],
        weight: 0.4,
        sharedBecause:
          "ZooKeeper is a consensus metadata store (I01) most often deployed to hold locks and leader leases (I02) and service registrations (I10)",
      },
    ],
  },
  entities: [
    {
      name: "Registration",
      description:
        "One record per member or connected client: instance id, service or user, address or gateway, metadata, status, and an incarnation number that grows on every restart or refutation.",
      truth: true,
      stance: {
        consistency: "consistent-prefix",
        availability: "stay-available",
        because:
          "a registration is committed through the registry's replicated log, so it survives a server's loss, but discovery reads are answered by any server from its copy of that log, a prefix of it (Consul's stale read mode, the DNS default since 0.7, lets a follower answer, usually within 50 ms of the leader): a cut-off minority keeps answering with a slightly older view, and only a new registration waits for the leader",
      },
    },
    {
      name: "LivenessLease",
      description:
        "The expiry attached to a registration, pushed forward by heartbeats or session keepalives; when it passes, the member counts as gone.",
      truth: true,
      durability: "best-effort",
      stance: {
        consistency: "eventual",
        availability: "stay-available",
        because:
          "liveness is soft state renewed by every heartbeat: a lost copy is rebuilt within one heartbeat interval, so it is never worth refusing a heartbeat or a lookup over",
      },
    },
    {
      name: "PresenceStatus",
      description:
        "What a person shows to others: online, away or busy, and when they were last seen, settled from their connections' registrations and what they set themselves; a hint where the latest report wins.",
      truth: true,
      topic: "user-presence",
    },
    {
      name: "MembershipEvent",
      description:
        "An ordered join, leave, suspect or update change with a revision, consumed by watchers to keep their views current.",
      truth: false,
    },
    {
      name: "MembershipView",
      description:
        "A reader's copy of the live member list with the revision it reflects: a client-side cache, a proxy's endpoint table, or a gossip node's local table.",
      truth: false,
    },
  ],
  writePaths: [
    {
      action: "register a member, creating its record or replacing one only when the new incarnation is higher",
      entity: "Registration",
      shape: "create target",
      mechanism: "put-if-absent",
      critical: true,
    },
    {
      action: "heartbeat or keepalive pushes the liveness expiry forward",
      entity: "LivenessLease",
      shape: "overwrite current value",
      mechanism: "heartbeat-renewal",
      hidden: true,
      critical: true,
    },
    {
      action: "expire members whose heartbeats stopped, guarded by the incarnation that was seen expiring",
      entity: "Registration",
      shape: "state transition",
      mechanism: "expiry-sweeper",
      hidden: true,
      critical: true,
    },
    {
      action: "deregister on graceful shutdown, only if the incarnation still matches",
      entity: "Registration",
      shape: "state transition",
      mechanism: "guarded-transition",
    },
    {
      action: "update a user's presence status (online, away, busy) with last seen time",
      entity: "PresenceStatus",
      shape: "overwrite current value",
      mechanism: "lww-overwrite",
    },
    {
      action: "publish join, leave and suspect changes to watchers in revision order",
      entity: "MembershipEvent",
      shape: "append event",
      mechanism: "watch-stream",
      hidden: true,
    },
    {
      action: "spread member state to random peers each protocol round",
      entity: "MembershipView",
      shape: "async process",
      mechanism: "gossip-dissemination",
      hidden: true,
    },
  ],
  readPaths: [
    {
      action: "look up the live instances of a service, node or worker",
      entity: "MembershipView",
      shape: "read projection",
      staleness:
        "up to the detection time plus propagation, typically seconds; callers must expect dead entries and fall back to another instance",
    },
    {
      action: "look up a user's presence status and the gateway holding their connection",
      entity: "PresenceStatus",
      shape: "read source",
      staleness:
        "current for the registry, yet the status is a hint that may trail the user's real connection by one heartbeat",
    },
    {
      action: "watch a service or contact list for joins, leaves and status changes",
      entity: "MembershipEvent",
      shape: "read projection",
      staleness:
        "event delivery lag; after a disconnect the watcher resumes from its revision or re-lists the full set",
    },
    {
      action: "check one registration authoritatively before assigning it work or routing a message to it",
      entity: "Registration",
      shape: "read source",
      staleness: "current for the registry, yet the member itself may have died up to one lease length ago",
    },
  ],
  protocols,
  invariants: [
    "There is at most one live Registration per instance id, and a registration with a lower incarnation never overwrites one with a higher incarnation.",
    "A member whose heartbeats stop disappears from every MembershipView within lease length plus sweep interval plus propagation delay.",
    "No member is declared dead on a single missed probe; a suspected member can refute with a higher incarnation before the suspicion timeout.",
    "Each member's status changes are applied in incarnation and revision order on every view, so no view moves a member backwards.",
    "An expiry or deregistration only removes the incarnation it was issued for, never a newer registration of a restarted instance.",
  ],
  contract: {
    api: [
      "register(service, instance_id, address, metadata, ttl) -> incarnation",
      "heartbeat(instance_id, incarnation) -> ok | unknown, where unknown means register again",
      "deregister(instance_id, incarnation) -> ok",
      "lookup(service, filters) -> live instances and the view revision",
      "watch(service or contact set, from_revision) -> join, leave and update events",
      "setPresence(user, status) and getPresence(users) -> status and last seen per user",
    ],
    guarantees: [
      "Dead members leave the view within a bounded detection time; new members appear after registration propagates.",
      "Views are eventually consistent, with each member's state monotonic by incarnation.",
      "Lookups stay available: clients keep serving their last known view when the registry is unreachable, and the registry stops mass eviction when heartbeats vanish all at once.",
    ],
  },
  predicates: [
    {
      id: "time-bounded-hold",
      because:
        "a registration is a hold on a name or slot that must lapse on its own when the member dies without saying goodbye",
    },
    {
      id: "derived-read",
      because: "lookups are served from cached views, proxy tables and gossip copies that lag the registry",
    },
    {
      id: "stale-write-dangerous",
      because:
        "a delayed deregistration or expiry from a previous incarnation could remove the member's fresh registration",
    },
    {
      id: "ordering-matters",
      because: "join and leave events for one member must be applied in order, or a view can resurrect a dead member",
    },
    {
      id: "lww-acceptable",
      because: "user presence status is a best-effort hint where the latest reported value simply wins",
    },
  ],
  failures: [
    {
      failure:
        "Dead member still listed: its lease expires late or the leave never reaches a view, so traffic keeps going to it",
      role: "coordination",
      prevention:
        "Use a short lease with frequent heartbeats and combine it with passive health checks and outlier ejection at the caller",
      repair: "The sweeper expires the entry; callers retry on another instance and eject the failing one locally",
    },
    {
      failure:
        "Flapping: the registry evicts a live member by mistake after a garbage-collection pause or a brief network blip",
      role: "coordination",
      prevention:
        "Require several missed heartbeats, probe indirectly through peers before suspecting, and allow refutation",
      repair: "The member re-registers or refutes with a higher incarnation and reappears in views",
    },
    {
      failure: "Mass eviction: a partition between the registry and a healthy fleet makes every lease expire at once",
      role: "coordination",
      prevention:
        "Stop expiring when renewals drop below a fraction of the expected rate (self-preservation) and let clients keep their last good view",
      repair: "When connectivity returns, members re-register with jitter and normal expiry resumes",
    },
    {
      failure:
        "Zombie registration: a restarted instance registers again, then the old incarnation's late deregistration or expiry removes the new record",
      role: "truth",
      prevention:
        "Carry the incarnation on every deregistration and expiry and apply it only when it matches the stored one",
      repair: "The member notices it is unknown on its next heartbeat and registers again",
    },
    {
      failure: "Missed leave event: a watcher's view diverges from the registry after a dropped event or disconnect",
      role: "derived",
      prevention:
        "Use revisioned watches that resume from the last revision and run periodic full anti-entropy between views",
      repair: "Re-list the full member set and replace the view",
    },
    {
      failure: "Re-registration storm after a registry restart overloads it with every member at once",
      role: "coordination",
      prevention: "Add jitter and exponential backoff to registration and heartbeat retries",
      repair: "Rate-limit registrations and admit members gradually until the registry is caught up",
    },
    {
      failure:
        "Presence flaps for users on unstable mobile networks, spamming contacts with online and offline changes",
      role: "derived",
      topic: "user-presence",
      prevention: "Wait a grace period before marking a user offline and coalesce rapid status changes",
      repair: "Publish the settled status with last seen time once the connection stabilises",
    },
  ],
  bottlenecks: [
    {
      bottleneck: "Heartbeat write rate on the registry",
      mitigation:
        "Keep liveness in memory as soft state rather than a durable store, shard the registry, and aggregate heartbeats per host or session",
      formula: { yields: "heartbeats per second", expression: "clients / heartbeat_seconds", unit: "writes/s" },
    },
    {
      bottleneck: "Presence and membership fan-out: every change goes to every watcher of that member or service",
      mitigation:
        "Subscribe only to visible contacts or needed services, batch and coalesce updates, and fetch presence lazily when a list is opened",
      formula: {
        yields: "change notifications per second",
        expression: "membership_changes_per_sec * subscribers",
        unit: "events/s",
      },
    },
    {
      bottleneck: "Detection time is bounded below by the heartbeat interval times the missed beats tolerated",
      mitigation:
        "Shorten the interval only as far as heartbeat load and false positives allow, and add indirect probes instead of shorter timeouts",
      formula: {
        yields: "detection time with three missed heartbeats",
        expression: "missed_heartbeats * heartbeat_seconds",
        unit: "s",
      },
    },
    {
      bottleneck: "Full member lists pushed to every watcher on each change in large fleets",
      mitigation:
        "Send deltas with revisions, split endpoint lists into slices, and let proxies subscribe only to their upstream services",
      formula: {
        yields: "entries transferred per second if full lists were pushed",
        expression: "membership_changes_per_sec * subscribers * instances_per_service",
        unit: "entries/s",
      },
    },
  ],
  silhouette: {
    storage: "membership/presence registry",
    coordination: "heartbeat, expiry, watch/gossip",
    serving: "membership lookup / presence read",
  },
  technologies: [
    {
      // a catalog of services, not of people: every registration and session is a write through its one Raft group
      // (HashiCorp docs, "Consensus"), so millions of users' presence is no load for it (see the etcd row below)
      unlessTopic: ["user-presence"],
      product: "Consul",
      layer: "coordination",
      fits: "Catalog of services with health checks, agent gossip for node liveness, and blocking queries or DNS for lookups",
      // HashiCorp Consul docs, "Consistency modes" and the Raft consensus page: the servers form one Raft group, a
      // catalog or key-value write commits only through a leader holding a majority, and without one every write
      // fails; only stale-mode reads (DNS allows them by default) keep answering, from the last committed state. So
      // its servers fail closed: they are no pick for a design that must stay up through a partition.
      suits: ["small-metadata", "fail-closed", "multi-region", "operational-simplicity"],
      poorFor: ["high-throughput", "low-cost", "stay-available"],
      caveat:
        "Catalog writes go through a Raft group that refuses them without a majority (only stale reads and DNS keep answering), so very large, fast-churning fleets should lean on agents and gossip rather than direct registrations",
    },
    {
      // a registry of middle-tier servers for load balancing and failover (github.com/Netflix/eureka/wiki/Eureka-at-a-glance),
      // not of people: a user's online dot is no server instance a balancer routes to
      unlessTopic: ["user-presence"],
      product: "Eureka",
      layer: "serving",
      fits: "Availability-first registry with client-side caching, peer replication and self-preservation against mass eviction",
      suits: ["stay-available", "eventual", "operational-simplicity"],
      poorFor: ["linearizable", "fail-closed"],
      caveat:
        "Views can lag by tens of seconds, and self-preservation deliberately keeps dead instances listed during an outage",
    },
    {
      // not for people's presence: ZooKeeper keeps coordination data of kilobytes, its whole tree in memory, every change
      // through one atomic broadcast (zookeeper.apache.org/doc/current/zookeeperProgrammers.html, "ZNodes"), and etcd's
      // store is capped at 2 GiB by default, 8 GiB suggested (etcd.io/docs dev-guide "System limits"); millions of
      // users' sessions, each a lease grant and expiry through consensus, are far past what either is built for
      unlessTopic: ["user-presence"],
      product: "etcd or ZooKeeper ephemeral keys",
      layer: "coordination",
      fits: "Session-bound keys vanish when a member dies and watches report changes in one consistent order",
      suits: ["linearizable", "fail-closed", "small-metadata", "ordering"],
      poorFor: ["high-throughput", "stay-available"],
      caveat:
        "Keepalives are answered in memory by the leader (etcd) or the connected server (ZooKeeper), but every registration, expiry and session close is a consensus write and every watcher is fed by one small group, so it does not scale to millions of user presence sessions",
    },
    {
      // people's presence at millions of sessions: the registry is sharded by user id, each shard a small replica group
      // that keeps its sessions in memory and replicates through a Raft library (etcd's raft package, github.com/etcd-io/raft:
      // a library, not a service; or HashiCorp's raft), so no shared coordination store carries every session
      topic: "user-presence",
      product:
        "A sharded presence registry of our own, one Raft group per shard (etcd's raft library or HashiCorp Raft)",
      layer: "coordination",
      fits: "Sessions live in the memory of their shard's leader, sharded by user id; heartbeats refresh them there, and only a session's start and end are replicated to the shard's group",
      suits: ["high-throughput", "elastic-scale", "linearizable", "ordering"],
      poorFor: ["operational-simplicity"],
      caveat: "A library, not a service: we write the shard map, the session table and its snapshots ourselves",
    },
    {
      product: "Redis keys with TTL",
      layer: "storage",
      fits: "A presence key per user or connection refreshed by heartbeats and expired automatically, with pub/sub for status changes",
      suits: ["low-latency", "high-throughput", "eventual"],
      poorFor: ["durable", "linearizable"],
      caveat:
        "Expiry notifications are fire-and-forget and may lag, so periodic sweeps must reconcile missed offline transitions",
    },
    {
      product: "memberlist / Serf (SWIM gossip)",
      layer: "coordination",
      fits: "Peer-to-peer failure detection with indirect probes and piggybacked dissemination, no central registry to overload",
      suits: ["stay-available", "elastic-scale", "eventual"],
      poorFor: ["linearizable", "ordering"],
      caveat:
        "Members converge on the same view only eventually, so it must not be used to pick a single leader or owner",
    },
  ],
  connections: [
    {
      to: "I17",
      role: "output",
      why: "load balancers and proxies consume the live endpoint list to decide where requests may go",
    },
    {
      to: "I05",
      role: "output",
      why: "presence and membership changes are fanned out to subscribers over a pub/sub channel",
    },
    {
      to: "I02",
      role: "decorator",
      why: "a registration is an expiring hold on an instance id or slot, renewed by heartbeats like a lease",
    },
    {
      to: "I01",
      role: "substrate",
      why: "when membership must be strongly consistent (controller or shard owners), registrations are ephemeral keys on a consensus store",
    },
    {
      to: "I16",
      role: "substrate",
      why: "high-volume user presence is stored as key-value entries with a TTL rather than in a consensus store",
    },
  ],
  /** The NFR stance a design takes when the prompt is silent, and where ordering, exclusivity and coordination hold. */
  stance: {
    consistency: "eventual",
    availability: "stay-available",
    delivery: "at-most-once",
    ordering: "per-key",
    durability: "best-effort",
    because:
      "membership is soft state rebuilt from heartbeats; a briefly stale view is acceptable, a frozen one is not",
    scopes: {
      ordering: { scope: "key", why: "a member's own heartbeats and status changes must not go backwards" },
      exclusivity: { scope: "key", why: "one live registration per instance id" },
      coordination: { scope: "global", why: "lookups read a view of the whole membership" },
    },
  },
} satisfies ArchetypeInput;
