import { fig } from "./helpers.js";
import type { CapacityFigureSpec } from "./types.js";

/**
 * A stated latency target ("answering … within 50 ms") is a budget the serving path spends: the client's network
 * round trip takes its share first, and what is left is all the service's own hops (gateway, cache, store) may use.
 * These figures join the leading model of a design whose prompt states one, so the target reaches a number.
 */
export const LATENCY_BUDGET_FIGURES: readonly CapacityFigureSpec[] = [
  fig(
    "server_latency_budget",
    "time left inside the service for the stated latency once the client's round trip is paid",
    "time",
    "latency_seconds - client_rtt_seconds",
    "s",
  ),
  fig(
    "network_latency_share",
    "share of the stated latency the client's network round trip takes",
    "headroom",
    "client_rtt_seconds / latency_seconds",
    "fraction",
  ),
];

/**
 * How far one region reaches within a stated latency target. A target below one round trip between regions of a
 * continent cannot be met for readers a region away, so a read served from copies (a derived view, a replica) is
 * served from a region near each group of readers, while the authoritative state stays in its home region. A target
 * so tight that only callers inside the serving region can meet it is a service-to-service target, which more regions
 * do not help.
 */
export const REGION_REACH = {
  /** Round trip between two regions of one continent, at its worst. */
  crossRegionRttMs: 72,
  crossRegionWhy:
    "Microsoft's published round trips between its own regions reach 72 ms inside North America and 134 ms inside Asia (Azure network round-trip latency statistics), and more between continents",
  /** Below this, the target is met only by callers inside the serving region. */
  inRegionMs: 20,
  inRegionWhy:
    "a client on the same continent already spends 10 to 40 ms on its round trip to a region, so a tighter target concerns callers inside the region",
  /** Serving regions drawn when no region count is stated. */
  servingRegions: 3,
  servingWhy:
    "one per continent with most of the readers, commonly North America, Europe and Asia-Pacific (an assumption: set it from where the readers are)",
} as const;
