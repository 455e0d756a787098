import { fig, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";

/**
 * The capacity model: inputs typical of this kind of system (and why), and the figures every design of it shows.
 * Leases are bound to a client's session, so one keep-alive renews all of that client's leases, and the leader
 * answers it from the expiry it keeps in memory (etcd's lessor renews on the leader without a Raft entry); only
 * acquires, releases and expiries are replicated, so they alone size the consensus groups.
 */
export const capacity: CapacityModel = {
  inputs: [
    inp("leases", 100000, "a large fleet holds on the order of a hundred thousand locks or leases at once"),
    {
      quantity: "clients",
      typical: 5000,
      why: "a large fleet runs a few thousand processes that take locks, each with one session",
      from: [
        // services whose leader is elected: each candidate instance holds one session (the rest only watch)
        {
          expression: "services * candidates_per_service",
          why: "each stated service's leader is chosen among a few candidate instances, each with its own session",
        },
        { expression: "leases / 20", why: "a client process holds a few tens of leases under its one session" },
      ],
    },
    // a stated failover bound is a budget the lease fits inside: the lease runs out, the lock store may itself be
    // electing a new leader (etcd re-arms every lease on a leader change), and a candidate must hear and take over
    {
      quantity: "lease_seconds",
      from: {
        expression: "failover_seconds - store_election_seconds - notify_seconds",
        why: "the stated failover bound less the lock store's own election and the time to tell a waiting candidate",
      },
    },
    {
      quantity: "keepalive_seconds",
      from: { expression: "lease_seconds / 3", why: "a holder renews every third of its lease duration" },
    },
    inp(
      "leader_requests_per_sec",
      30000,
      "that is what etcd's performance guide reports for a three-member cluster under heavy load",
    ),
    inp("writes_per_sec", 1000, "a large fleet runs about 500 lock cycles a second, each an acquire and a release"),
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
    fig(
      "consensus_groups",
      "consensus groups needed",
      "count",
      "peak_lease_writes / (leader_writes_per_sec * target_utilisation)",
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
    fig("lease_state_bytes", "lease state across replicas", "storage", "leases * value_bytes * replicas", "B"),
    fig("idle_after_crash", "worst-case idle time after a holder crashes", "time", "lease_seconds", "s"),
    // the crashed holder's lease runs out, the lock store may be electing its own new leader, and a waiting
    // candidate hears of the expiry and takes the lease
    {
      ...fig(
        "failover_time",
        "worst-case failover time after a holder crashes",
        "time",
        "lease_seconds + store_election_seconds + notify_seconds",
        "s",
      ),
      bound: "failover_seconds",
    },
  ],
};
