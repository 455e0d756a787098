import { fig, fleetOf, fromUsers, inp, OVERSHOOT_SYNC, REGION_OVERSHOOT_SYNC } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import { SLOT_CAPACITY } from "./slots.js";
import { ROOM_CAPACITY } from "./waiting-room.js";

/** The capacity model: inputs typical of this kind of system (and why), and the figures every design of it shows. */
export const capacity: CapacityModel = {
  inputs: [
    fromUsers(50000, "a shared API gateway fleet commonly admits tens of thousands of requests a second in total"),
    inp("active_keys", 1000000, "an API with about a million keys or clients that hold a budget at once"),
    {
      quantity: "requests_per_sec_per_key",
      typical: 10,
      why: "a common per-key quota is on the order of ten requests a second",
      from: [
        {
          expression: "requests_per_sec_per_user",
          why: "the limit is stated per user, so each user is a budget key",
        },
        {
          expression: "requests_per_sec_per_tenant",
          why: "the limit is stated per tenant, so each tenant is a budget key",
        },
      ],
    },
    // "enforced across 40 data centres": each stated site enforces with gateways of its own, so the sites count the
    // enforcers whose local allowances add up to a key's overshoot (never a typical fleet smaller than the sites)
    fleetOf("gateways", 20, "a gateway fleet of a couple of dozen instances", [
      {
        expression: "regions * gateways_per_region",
        why: "each stated region or data centre admits its own callers through gateways of its own",
      },
    ]),
    inp("quota_window_seconds"),
    // "a per-minute quota that may be exceeded by at most 5%": the sync interval of local allowances sets the
    // overshoot, so a stated bound sets the interval (OVERSHOOT_SYNC), never a typical second
    { quantity: "allowance_sync_seconds", from: OVERSHOOT_SYNC },
    inp("value_bytes", 100, "one bucket or window (key, count or tokens, timestamp) is about a hundred bytes"),
    // "enforced across 40 data centres": only a stated count of regions sizes how they share a key's budget
    { quantity: "regions", statedOnly: true },
    // a stated overshoot bound sets how often the regions exchange their per-key counts, as it sets the gateways' sync
    { quantity: "count_sync_seconds", from: REGION_OVERSHOOT_SYNC },
  ],
  figures: [
    fig(
      "peak_requests_per_sec",
      "peak admission checks across the fleet",
      "peak",
      "requests_per_sec * peak_factor",
      "req/s",
    ),
    fig(
      "requests_per_gateway",
      "admission checks per gateway at peak",
      "rate",
      "peak_requests_per_sec / gateways",
      "req/s",
    ),
    fig(
      "budget_store_ops",
      "budget-store operations (one atomic update per check, no local allowance)",
      "hotspot",
      "peak_requests_per_sec",
      "ops/s",
    ),
    fig(
      "budget_store_nodes",
      "budget-store nodes at the planned load",
      "count",
      "budget_store_ops / (store_node_ops_per_sec * target_utilisation)",
      "nodes",
      true,
    ),
    fig("budget_state_bytes", "budget state for every active key", "storage", "active_keys * value_bytes", "B"),
    fig(
      "limit_per_key_per_minute",
      "one key's allowance per minute",
      "rate",
      "requests_per_sec_per_key * 60",
      "req/min per key",
    ),
    // The error each enforcement shape allows across the fleet, with the stated limit and node count bound in: a
    // gateway that enforces the whole limit on its own lets the fleet admit it once per gateway; a local allowance
    // sized as one sync interval of the key's rate lets every other gateway spend its allowance before any of them
    // hears of the rest.
    fig(
      "local_only_admits_per_key_per_minute",
      "one key's admissions per minute if every gateway enforced the whole limit on its own",
      "rate",
      "limit_per_key_per_minute * gateways",
      "req/min per key",
    ),
    // what one gateway may spend of one key's budget before it hears of the others: one sync interval of the key's
    // rate, which a stated overshoot bound shrinks with the interval (OVERSHOOT_SYNC); under a request or two, a gateway
    // asks the store for nearly every request anyway, so local allowances save nothing (decision i08-enforcement)
    fig(
      "allowance_per_gateway",
      "one key's allowance a gateway may spend between syncs (one sync interval of the key's rate)",
      "count",
      "requests_per_sec_per_key * allowance_sync_seconds",
      "req per key",
    ),
    fig(
      "allowance_overshoot_per_key",
      "one key's worst over-admission per sync interval with local allowances (every other gateway spends one interval's quota before it hears of the rest)",
      "rate",
      "(gateways - 1) * requests_per_sec_per_key * allowance_sync_seconds",
      "req per key",
    ),
    // the budget runs out once a window, and the others' unsynced allowances are what is admitted past it: that
    // over-admission as a share of the key's quota per window is the error the stated overshoot bound allows
    {
      ...fig(
        "allowance_overshoot_share",
        "one key's worst over-admission with local allowances, as a share of its quota per window",
        "rate",
        "allowance_overshoot_per_key / (requests_per_sec_per_key * quota_window_seconds)",
        "fraction",
      ),
      bound: "overshoot_bound_share",
    },
    // every gateway takes a new allowance for each key it serves once an interval, never more often than it checks:
    // at the interval a tight bound sets, the syncs may cost the budget store as many calls as checking every request
    fig(
      "allowance_syncs_per_sec",
      "budget-store calls from allowance syncs at the sync interval (never more than the checks themselves)",
      "rate",
      "min(peak_requests_per_sec, gateways * active_keys / allowance_sync_seconds)",
      "ops/s",
    ),
    // How the regions share one key's budget (decision i08-cross-region): an even share per region is the key's
    // quota per window over the regions, which decides whether shares are worth splitting; with per-region counts
    // summed every sync interval, each other region may admit one interval of the key's rate before it hears of the
    // rest, and each region sends its changed slots to every other region once an interval.
    fig(
      "region_share_per_key",
      "one key's even share of its quota per window in each region (limit / regions)",
      "count",
      "requests_per_sec_per_key * quota_window_seconds / regions",
      "req per key",
    ),
    fig(
      "region_count_overshoot_per_key",
      "one key's worst over-admission across regions with per-region counts summed (every other region admits one sync interval of the key's rate before it hears of the rest)",
      "count",
      "(regions - 1) * requests_per_sec_per_key * count_sync_seconds",
      "req per key",
    ),
    {
      ...fig(
        "region_count_overshoot_share",
        "one key's worst over-admission across regions, as a share of its quota per window",
        "rate",
        "region_count_overshoot_per_key / (requests_per_sec_per_key * quota_window_seconds)",
        "fraction",
      ),
      bound: "overshoot_bound_share",
    },
    fig(
      "count_exchange_bytes_per_region",
      "count exchange one region sends (its changed per-key slots to every other region each sync interval)",
      "bandwidth",
      "min(active_keys / count_sync_seconds, peak_requests_per_sec / regions) * value_bytes * (regions - 1)",
      "B/s",
    ),
  ],
  topics: { "job-slots": SLOT_CAPACITY, "waiting-room": ROOM_CAPACITY },
};
