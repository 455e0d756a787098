import { fig, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";

/** The capacity model: inputs typical of this kind of system (and why), and the figures every design of it shows. */
export const capacity: CapacityModel = {
  inputs: [
    inp("leases", 100000, "a large fleet holds on the order of a hundred thousand locks or leases at once"),
    inp("writes_per_sec", 1000, "acquires and releases are far rarer than renewals"),
    inp("value_bytes", 200, "a lease record (resource key, owner, fencing token, expiry) is a couple of hundred bytes"),
  ],
  figures: [
    fig(
      "renewals_per_sec",
      "lease renewals (renewing every third of the TTL)",
      "rate",
      "3 * leases / lease_seconds",
      "writes/s",
    ),
    fig(
      "peak_lease_writes",
      "peak lease writes (renewals + acquires + releases)",
      "peak",
      "(renewals_per_sec + writes_per_sec) * peak_factor",
      "writes/s",
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
      "lease writes on each group's leader",
      "hotspot",
      "peak_lease_writes / consensus_groups",
      "writes/s",
    ),
    fig("lease_state_bytes", "lease state across replicas", "storage", "leases * value_bytes * replicas", "B"),
    fig("idle_after_crash", "worst-case idle time after a holder crashes", "time", "lease_seconds", "s"),
  ],
};
