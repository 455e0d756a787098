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
