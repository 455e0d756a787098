import { failoverTimeFigure, fig, inp, LEASE_FROM_FAILOVER } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import { LASTING_CAPACITY } from "./lasting.js";

/**
 * The capacity model: inputs typical of this kind of system (and why), and the figures every design of it shows.
 * Leases are bound to a client's session, so one keep-alive renews all of that client's leases, and the leader
 * answers it from the expiry it keeps in memory (etcd's lessor renews on the leader without a Raft entry); only
 * acquires, releases and expiries are replicated, so they alone size the consensus groups.
 */
const base: CapacityModel = {
  inputs: [
    {
      quantity: "leases",
      typical: 100000,
      why: "a large fleet holds on the order of a hundred thousand locks or leases at once",
      // a stated count of shards or partitions is a count of leaderships: each elects its own leader under one lease
      from: { expression: "partitions", why: "each stated shard elects its own leader, held under one lease" },
    },
    {
      quantity: "clients",
      typical: 5000,
      why: "a large fleet runs a few thousand processes that take locks, each with one session",
      from: [
        // each shard's election has a few candidate processes, each campaigning under its own session
        {
          expression: "partitions * candidates_per_service",
          why: "each stated shard's election is stood for by a few candidate processes, each with its own session (at most: a process standing for several shards shares one session)",
        },
        // services whose leader is elected: each candidate instance holds one session (the rest only watch)
        {
          expression: "services * candidates_per_service",
          why: "each stated service's leader is chosen among a few candidate instances, each with its own session",
        },
        { expression: "leases / 20", why: "a client process holds a few tens of leases under its one session" },
      ],
    },
    // a stated failover bound is a budget the lease fits inside with room to spare (LEASE_FROM_FAILOVER)
    {
      quantity: "lease_seconds",
      from: [
        LEASE_FROM_FAILOVER,
        // "nobody else may take it for the next ten minutes": the stated time a thing stays with its holder alone
        {
          expression: "hold_seconds",
          why: "the stated time a thing stays with its holder alone is the lease that keeps it, lapsing unless it is given back",
        },
      ],
    },
    {
      quantity: "keepalive_seconds",
      from: {
        expression: "lease_seconds / keepalives_per_lease",
        why: "a holder renews a few times within each lease duration",
      },
    },
    inp(
      "leader_requests_per_sec",
      30000,
      "that is what etcd's performance guide reports for a three-member cluster under heavy load",
    ),
    {
      ...inp(
        "writes_per_sec",
        1000,
        "a large fleet runs about 500 lock cycles a second, each an acquire and a release",
      ),
      // "each robot asks for its next moves every 200 ms": each ask of a stated client claims what it asks for, a
      // lease write, so the stated clients over their interval are the lease writes, never a typical lock fleet's
      from: {
        expression: "clients / request_interval_seconds",
        why: "each stated client asks once an interval and each ask takes a claim, a replicated lease write",
      },
    },
    inp(
      "value_bytes",
      200,
      "a lease record (resource key, session id, fencing token, version) is a couple of hundred bytes",
    ),
  ],
  figures: [
    fig("keepalives_per_sec", "session keep-alives to the leader", "rate", "clients / keepalive_seconds", "req/s"),
    // keep-alives never reach the log, so a leader's request rate, not its write rate, is their ceiling
    fig(
      "keepalive_headroom",
      "share of one leader's request capacity the keep-alives use",
      "headroom",
      "keepalives_per_sec / leader_requests_per_sec",
      "fraction",
    ),
    fig(
      "peak_lease_writes",
      "peak replicated lease writes (acquires + releases)",
      "peak",
      "writes_per_sec * peak_factor",
      "writes/s",
    ),
    // every acquire and release is a majority commit, so a leader's write rate is their ceiling
    fig(
      "lease_write_headroom",
      "share of one leader's write capacity the lease writes use",
      "headroom",
      "peak_lease_writes / leader_writes_per_sec",
      "fraction",
    ),
    // a group's leader both commits the lease writes and answers its sessions' keep-alives: elections or locks are
    // split over as many groups as the larger of the two loads needs, each key in one group with its sessions
    fig(
      "consensus_groups",
      "consensus groups needed (for the lease writes or the keep-alives, whichever needs more)",
      "count",
      "max(peak_lease_writes / (leader_writes_per_sec * target_utilisation), keepalives_per_sec / (leader_requests_per_sec * target_utilisation))",
      "groups",
      true,
      "partitions",
    ),
    fig(
      "writes_per_group",
      "replicated lease writes on each group's leader",
      "hotspot",
      "peak_lease_writes / consensus_groups",
      "writes/s",
    ),
    fig("lease_state_bytes", "lease state across the group's voters", "storage", "leases * value_bytes * voters", "B"),
    fig("idle_after_crash", "worst-case idle time after a holder crashes", "time", "lease_seconds", "s"),
    failoverTimeFigure(),
    fig(
      "failover_spare",
      "failover budget left spare for a missed keep-alive or a pause",
      "time",
      "failover_seconds - failover_time",
      "s",
    ),
    // the bound covers one failure at a time: if the store's own leader fails just as a dead holder's lease runs out,
    // the store elects a new leader, and that leader re-arms every lease for a whole lease plus one election timeout
    // (etcd's lessor Promote), so the dead holder's lease runs a second time before it expires
    fig(
      "failover_with_store_failover",
      "worst-case failover when the lock store's own leader also fails as the lease runs out (its new leader re-arms every lease)",
      "time",
      "lease_seconds + store_election_seconds + store_election_seconds + lease_seconds + expiry_check_seconds + notify_seconds",
      "s",
    ),
  ],
};

/**
 * A leader election service is read by everyone who must know who leads: each instance of an elected service holds
 * an observe stream (a watch on its election's leader key), not only the few candidates that campaign. etcd's own
 * watch benchmark aims at O(10k) clients and O(100k) watch streams per cluster, so a fleet whose instances outnumber
 * that watches through gRPC proxies, each of which coalesces every watcher of one key into one watcher on the store.
 */
const ELECTION_CAPACITY: CapacityModel = {
  inputs: [
    ...base.inputs,
    {
      quantity: "store_watch_streams",
      label: "watch streams one coordination store cluster is built to hold",
      unit: "streams",
      typical: 100000,
      why: "etcd's watch memory benchmark states the aim of O(10k) clients, O(100k) watch streams and O(10M) watchings per cluster (etcd documentation, Watch Memory Usage Benchmark)",
    },
    {
      quantity: "watch_proxies",
      label: "watch proxies in front of the store",
      unit: "proxies",
      typical: 3,
      why: "one stateless gRPC proxy per zone; etcd's gRPC proxy coalesces the watchers of one key into a single watcher on the store (etcd documentation, gRPC proxy), so the store sees one watcher per election per proxy (a planning figure)",
    },
  ],
  figures: [
    ...base.figures,
    fig(
      "observers",
      "observe streams: every instance of an elected service watches who leads",
      "fan-out",
      "services * instances_per_service",
      "streams",
    ),
    fig(
      "store_watchers",
      "watchers the store holds once each proxy coalesces an election's observers into one",
      "count",
      "services * watch_proxies",
      "watchers",
    ),
    fig(
      "observe_share",
      "share of the store's watch capacity those watchers use",
      "headroom",
      "store_watchers / store_watch_streams",
      "fraction",
    ),
  ],
};

export const capacity: CapacityModel = {
  ...base,
  topics: { election: ELECTION_CAPACITY, "lasting-ownership": LASTING_CAPACITY },
};
