import { fig } from "./helpers.js";
import type { CapacityFigureSpec, CapacityInputSpec, LatencyPath } from "./types.js";

/**
 * A stated bound on a change reaching every reader or server ("a purge takes effect everywhere within 5 seconds", "a
 * config change reaches all servers within 5 seconds", "an invalidation reaches every node within 2 seconds") is not a
 * request's latency: it is met by the path the change itself takes, from its commit at the control plane, out to the
 * farthest site and its acknowledgement back, to the servers of that site dropping or replacing their copies. A model
 * that already holds a figure to the bound (a count's pipeline stages) spends it there; any other lead model spends
 * one of these paths, so the bound is budgeted step by step and a design past it is flagged (`stated-bound-exceeded`).
 */

/** A change fanned out to sites spread over regions or continents (edge locations, PoPs, every region). */
export const SITES_SPREAD_PATH: LatencyPath = {
  steps: ["change_commit_seconds", "wide_area_rtt_seconds", "site_apply_seconds"],
  inputs: [],
  serves: "a change to reach every site and be acknowledged",
};

/** A change fanned out to the servers of one region (a fleet's config, a cache tier's invalidations). */
export const REGION_SPREAD_PATH: LatencyPath = {
  steps: ["change_commit_seconds", "in_region_rtt_seconds", "site_apply_seconds"],
  inputs: [],
  serves: "a change to reach every server of the region and be acknowledged",
};

/**
 * Words of a spreading bound or prompt that put its readers in many places: "everywhere", "every edge location",
 * "all PoPs", "globally".
 */
export const SPREAD_EVERYWHERE =
  /\b(?:everywhere|globally|worldwide|around the world|every (?:edge|site|region|pop|location|data ?cent(?:er|re)|continent)s?|all (?:the )?(?:edges?|sites|regions|pops|locations|data ?cent(?:er|re)s|continents)|edge (?:locations?|sites?|servers?|nodes?)|pops|points? of presence|cdn)\b/i;

/**
 * Words of a stated bound that make it a fan-out, a change sent out to many servers or sites ("reaches all servers",
 * "a purge takes effect everywhere", "pushed to every node"), rather than a reader's view catching up with a pipeline
 * ("counts shown within 10 seconds", "searchable within 2 seconds"), which that pipeline's own stages spend.
 */
export const SPREAD_FANOUT =
  /\b(?:reach\w*|propagat\w*|push\w*|roll(?:s|ed)? out|takes? effect|taking effect|purg\w*|invalidat\w*|everywhere|every|all|deliver\w*|converge\w*)\b/i;

/** The figures that spend a stated spreading bound over a path: the steps' sum held to the bound, and the spare. */
export function spreadPathFigures(path: LatencyPath): CapacityFigureSpec[] {
  return [
    {
      ...fig("change_spread_seconds", `worst-case time for ${path.serves}`, "time", path.steps.join(" + "), "s"),
      bound: "propagation_seconds",
    },
    fig(
      "spread_spare_seconds",
      "freshness bound left spare for a slow or lagging site",
      "time",
      "propagation_seconds - change_spread_seconds",
      "s",
    ),
  ];
}

/**
 * A stated bound on undoing a bad change ("a bad config can be rolled back within one minute") is the whole way back,
 * not how fast a new change rolls out: the health gate sees the bad change over its window (detect), the controller
 * reads the failing gate and moves the target back to the last good version (decide: the pointer's commit), and the
 * moved target is pushed to every server or site, each swapping back to the snapshot it kept (propagate). The steps
 * are summed into one figure held to the bound, and the one tunable step, the health window, is chosen from what the
 * bound leaves once the others are spent, so detect + decide + propagate fits it; a bound too tight for the fixed
 * steps keeps the usual window and is flagged (`stated-bound-exceeded`).
 */
export function rollbackSteps(everywhere: boolean, pickup = false): readonly string[] {
  return [
    "rollback_detect_seconds",
    "rollback_decide_seconds",
    "change_commit_seconds",
    // a model that says how its nodes pick a change up (a stream write, or their next poll) pushes the rollback that way
    pickup ? "node_pickup_seconds" : everywhere ? "wide_area_rtt_seconds" : "in_region_rtt_seconds",
    "site_apply_seconds",
  ];
}

/** The health window chosen from the stated rollback bound: what its planned share leaves after the other steps. */
export function rollbackInputs(everywhere: boolean, pickup = false): CapacityInputSpec[] {
  const rest = rollbackSteps(everywhere, pickup).slice(1);
  return [
    {
      quantity: "rollback_detect_seconds",
      from: {
        expression: `rollback_bound_seconds * (1 - bound_headroom) - ${rest.join(" - ")}`,
        why: `the share of the stated rollback bound planned for use, less the controller's check, the commit of the moved target and its push to every ${everywhere ? "site" : "server"}: the health window is what is left, so detect + decide + propagate fits the bound`,
        atMost: 30,
      },
    },
  ];
}

/** The figures that spend a stated rollback bound: the steps' sum held to the bound, and the spare. */
export function rollbackPathFigures(everywhere: boolean, pickup = false): CapacityFigureSpec[] {
  return [
    {
      ...fig(
        "rollback_seconds",
        `worst-case time to roll a bad change back (the health window + the controller's check + the commit moving the target to the last good version + its push to every ${everywhere ? "site" : "server"})`,
        "time",
        rollbackSteps(everywhere, pickup).join(" + "),
        "s",
      ),
      bound: "rollback_bound_seconds",
    },
    fig(
      "rollback_spare_seconds",
      "rollback bound left spare for a slow gate or a lagging node",
      "time",
      "rollback_bound_seconds - rollback_seconds",
      "s",
    ),
  ];
}

/**
 * A stated bound on an alert going out ("alerts within 30 seconds") where the leading model holds no paging figure of
 * its own (a device fleet pushing readings): the way from a condition to its alert is one sample interval (the
 * condition shows in the next sample), one evaluation interval (the next rule evaluation sees it) and the notification.
 * The evaluation interval is the tunable step, chosen from what the bound's planned share leaves after the other two.
 */
export const ALERT_INPUTS: readonly CapacityInputSpec[] = [
  {
    quantity: "eval_interval_seconds",
    from: {
      expression: "page_bound_seconds * (1 - bound_headroom) - scrape_seconds - page_notify_seconds",
      why: "the share of the stated alert bound planned for use, less one sample interval and the notification: rules are evaluated at least this often, so sample + evaluation + notification fits the bound",
      atMost: 60,
    },
  },
];

/** The figure that spends a stated alert bound: sample interval + evaluation interval + notification, held to it. */
export const ALERT_PATH_FIGURES: readonly CapacityFigureSpec[] = [
  {
    ...fig(
      "alert_seconds",
      "longest time from a condition to its alert (a sample interval + an evaluation interval + notification)",
      "time",
      "scrape_seconds + eval_interval_seconds + page_notify_seconds",
      "s",
    ),
    bound: "page_bound_seconds",
  },
];
