import type { CapacityFigureSpec, CapacityInputSpec, CapacityKind } from "../capacity/types.js";

/** An input with the value typical of the feature and why. */
export const inp = (quantity: string, typical: number, why: string): CapacityInputSpec => ({ quantity, typical, why });

/**
 * An input with its typical value, derived instead from what the prompt states: the per-user
 * daily rate of a product activity from the stated daily total over the users.
 */
export const perUserDaily = (quantity: string, activity: string, typical: number, why: string): CapacityInputSpec => ({
  quantity,
  typical,
  why,
  from: {
    expression: `${activity}_per_day / users`,
    why: `the stated ${activity} a day shared over the users`,
  },
});

/** A figure `id = expression` in `unit`. */
export const fig = (
  id: string,
  label: string,
  kind: CapacityKind,
  expression: string,
  unit: string,
  ceil?: boolean,
): CapacityFigureSpec => (ceil ? { id, label, kind, expression, unit, ceil } : { id, label, kind, expression, unit });

/**
 * Words that ask for a lock or lease service's own machinery (a lock, a lease, leader election, fencing tokens): a
 * feature that realizes exclusivity in its own record gives the lead back to the lease archetype when the prompt
 * says them (`FeatureEntry.realizes`).
 */
export const LOCK_WORDS = String.raw`\b(?:locks?|locking|leases?|leased|leader election|elect\w* a leader|mutual exclusion|mutex\w*|fencing tokens?)\b`;
