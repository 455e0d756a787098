import { fig } from "./helpers.js";
import type { CapacityFigureSpec, CapacityInputSpec, LatencyPath } from "./types.js";

/**
 * A stated latency target ("answering … within 50 ms") is a budget the serving path spends step by step: each step is
 * one drawn part's work with a planning cost and its reason (the client's round trip, the gateway, the service, a
 * cache or store read, a model's own steps such as a scan or a fan-out), the steps are summed, and the sum is held
 * under the bound with headroom kept for a slow step. A model that knows its own path declares it (`latencyPath`);
 * any other lead model spends one of the generic paths below.
 */

/**
 * The headroom rule for a stated time bound (a latency or a freshness): a design plans its parts to fill at most
 * `planned` of the bound (the `bound_headroom` quantity keeps the rest spare), and a design whose parts leave less than
 * `least` of it spare has no room for one slow step (coherence `bound-without-headroom`).
 */
export const BOUND_MARGIN = {
  /** The share of a stated bound the solvers keep spare (the `bound_headroom` quantity's value). */
  planned: 0.3,
  /** Below this share spare, a bound is met only when every step runs at its usual cost. */
  least: 0.2,
  leastWhy:
    "a step's slow tail (a pause, a retry, a queue near saturation) runs several times its usual cost, so a bound planned with less than a fifth of it spare is missed by the first slow step",
} as const;

/** A serving service's own work on one request at its usual cost (the `service_seconds` quantity's planning figure). */
export const SERVICE_SECONDS = 0.005;

/**
 * The service's own work, cut to fit a stated latency the usual cost would overrun: the bound's planned share less the
 * path's other steps is what the service may spend, taken only when that is under its usual cost (a tight bound
 * re-sizes the one step the design controls, never lengthens it); when nothing is left the path stays over the bound
 * and coherence says so.
 */
function serviceBudget(others: readonly string[]): CapacityInputSpec {
  return {
    quantity: "service_seconds",
    from: {
      expression: `latency_seconds * (1 - bound_headroom) - ${others.join(" - ")}`,
      why: "the stated latency's planned share, less the path's other steps, is what the service's own work may take: it answers from memory, with no further call on the request path",
      atMost: SERVICE_SECONDS,
    },
  };
}

/** The path of a request from a client outside the serving region: its round trip, the gateway, the service, a store read. */
export const CLIENT_PATH: LatencyPath = {
  steps: ["client_rtt_seconds", "gateway_seconds", "service_seconds", "store_read_seconds"],
  inputs: [serviceBudget(["client_rtt_seconds", "gateway_seconds", "store_read_seconds"])],
  serves: "one request",
};

/**
 * The path of a call from inside the serving region, for a target tighter than a client's round trip to a region
 * (REGION_REACH.inRegionMs): the caller's round trip in the region, the service, and a read from memory.
 */
export const IN_REGION_PATH: LatencyPath = {
  steps: ["in_region_rtt_seconds", "service_seconds", "cache_read_seconds"],
  inputs: [serviceBudget(["in_region_rtt_seconds", "cache_read_seconds"])],
  serves: "one call from inside the region",
};

/**
 * The path of a key read so tight that no service hop fits (REGION_REACH.directMs): the caller hashes the key to the
 * node that holds it and reads it there, as memcached's and Redis Cluster's clients do.
 */
export const DIRECT_PATH: LatencyPath = {
  steps: ["in_region_rtt_seconds", "node_lookup_seconds"],
  inputs: [],
  serves: "one key read straight from the node that holds it",
};

/** The figures that spend a stated latency over a path: the steps' sum held to the bound, the share it uses, the spare. */
export function latencyPathFigures(path: LatencyPath): CapacityFigureSpec[] {
  return [
    {
      ...fig("request_path_seconds", `time ${path.serves} takes along its path`, "time", path.steps.join(" + "), "s"),
      bound: "latency_seconds",
    },
    fig(
      "latency_spare_seconds",
      "stated latency left spare for a slow step",
      "time",
      "latency_seconds - request_path_seconds",
      "s",
    ),
    fig(
      "latency_used_share",
      "share of the stated latency the path's steps use",
      "headroom",
      "request_path_seconds / latency_seconds",
      "fraction",
    ),
  ];
}

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
  /** Below this, no service hop fits: the caller reads the key straight from its node. */
  directMs: 3,
  directWhy:
    "a service hop in the region adds its own round trip and a few milliseconds of work, so a tighter target leaves room only for the caller's round trip to the node that holds the key",
  inRegionWhy:
    "a client on the same continent already spends 10 to 40 ms on its round trip to a region, so a tighter target concerns callers inside the region",
  /** Serving regions drawn when no region count is stated. */
  servingRegions: 3,
  servingWhy:
    "one per continent with most of the readers, commonly North America, Europe and Asia-Pacific (an assumption: set it from where the readers are)",
} as const;
