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
