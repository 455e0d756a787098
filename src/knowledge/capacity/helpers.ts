/** Builders the archetypes' capacity models (`archetypes/<id>/capacity.ts`) share. */
import type { CapacityFigureSpec, CapacityInputSpec, CapacityKind } from "./types.js";

/** An input, with the value typical of the archetype and why when it has one. */
export const inp = (quantity: string, typical?: number, why?: string): CapacityInputSpec =>
  typical === undefined ? { quantity } : { quantity, typical, why: why ?? "" };

/** A figure `id = expression` in `unit`, rounded up when `ceil`, setting the quantity `sets` when given. */
export const fig = (
  id: string,
  label: string,
  kind: CapacityKind,
  expression: string,
  unit: string,
  ceil?: boolean,
  sets?: string,
): CapacityFigureSpec => ({ id, label, kind, expression, unit, ...(ceil ? { ceil } : {}), ...(sets ? { sets } : {}) });

/** Total requests from whatever the prompt states: writes and reads, writes, reads, or users. */
export const fromUsers = (typical: number, why: string): CapacityInputSpec => ({
  quantity: "requests_per_sec",
  typical,
  why,
  from: [
    { expression: "writes_per_sec + reads_per_sec", why: "the stated writes and reads together", allStated: true },
    { expression: "writes_per_sec * (1 + read_write_ratio)", why: "the stated writes plus reads at the usual ratio" },
    {
      expression: "reads_per_sec * (1 + 1 / read_write_ratio)",
      why: "the stated reads plus writes at the usual ratio",
    },
    { expression: "users * requests_per_user_per_day / 86400", why: "each user's daily requests spread over a day" },
  ],
});

/**
 * A card's own fleet, named by its role (proxies, gateways, cache sites): the machines the prompt counts ("on 5,000
 * nodes") are this fleet when stated; else the card's typical size, which no other card's fleet ever takes.
 */
export const fleetOf = (
  role: string,
  typical: number,
  why: string,
  also: readonly { expression: string; why: string; fromDesign?: true }[] = [],
): CapacityInputSpec => ({
  quantity: role,
  typical,
  why,
  from: [{ expression: "nodes", why: `the machines the prompt counts are the ${role.replace(/_/g, " ")}` }, ...also],
});

/**
 * A stated failover bound is a budget the lease fits inside with room to spare: after a holder crashes its lease runs
 * out, the store's leader notices on its next expiry check, and a waiting candidate hears and takes over; one
 * keep-alive interval of the lease is left spare, so one missed beat or a pause that long still meets the bound; a
 * store cannot grant a lease shorter than its own minimum, so a bound too tight for it is exceeded, not met. Read by
 * the lock archetype's model and by the failover figure a stated bound brings in where no model reads it.
 */
export const LEASE_FROM_FAILOVER = {
  expression:
    "max(min_lease_seconds, (failover_seconds - expiry_check_seconds - notify_seconds) * keepalives_per_lease / (keepalives_per_lease + 1))",
  why: "the stated failover bound less the store's expiry check and the time to tell a waiting candidate, with one keep-alive interval left spare for a missed beat or a pause, and never below the store's shortest lease",
} as const;

/**
 * The time from a holder's crash to a waiting candidate holding the lease: the lease runs out, the store's leader finds
 * it expired on its next check, and the candidate hears of it; held to a stated failover bound. Drawn by the lock
 * archetype's model and by the figures a stated failover bound brings in where no model reads it.
 */
export const failoverTimeFigure = (): CapacityFigureSpec => ({
  ...fig(
    "failover_time",
    "worst-case failover time after a holder crashes",
    "time",
    "lease_seconds + expiry_check_seconds + notify_seconds",
    "s",
  ),
  bound: "failover_seconds",
});

/**
 * A stated overshoot bound ("a per-minute quota that may be exceeded by at most 5%") sets how often local allowances
 * sync: when a key's budget runs out, every other enforcing node may still spend the allowance it took at its last
 * sync (one interval of the key's rate), so the over-admission is (nodes - 1) x rate x interval against a quota of
 * rate x window; the interval is the planned share of the bound times the window, over the other nodes. Read by the
 * rate limiter's model.
 */
/**
 * The interval at which regions exchange their per-key counts, set by a stated overshoot bound: each other region may
 * admit one interval of a key's rate before it hears of the rest, so the bound's planned share of one quota window,
 * spread over the other regions, is the longest interval that keeps it.
 */
export const REGION_OVERSHOOT_SYNC = {
  expression: "overshoot_bound_share * (1 - bound_headroom) * quota_window_seconds / max(1, regions - 1)",
  why: "the stated overshoot bound's planned share of one quota window, spread over the other regions: each may admit one sync interval of a key's rate before it hears of the rest, so a shorter interval is the only way the over-admission across regions stays inside the bound",
} as const;

export const OVERSHOOT_SYNC = {
  expression: "overshoot_bound_share * (1 - bound_headroom) * quota_window_seconds / max(1, gateways - 1)",
  why: "the stated overshoot bound's planned share of one quota window, spread over the other gateways: each may spend one sync interval of a key's rate after its budget runs out, so a shorter interval is the only way the over-admission stays inside the bound",
} as const;
