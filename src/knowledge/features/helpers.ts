import type { CapacityFigureSpec, CapacityInputSpec, CapacityKind } from "../capacity/types.js";

/** An input with the value typical of the feature and why. */
export const inp = (quantity: string, typical: number, why: string): CapacityInputSpec => ({ quantity, typical, why });

/** A figure `id = expression` in `unit`. */
export const fig = (
  id: string,
  label: string,
  kind: CapacityKind,
  expression: string,
  unit: string,
  ceil?: boolean,
): CapacityFigureSpec => (ceil ? { id, label, kind, expression, unit, ceil } : { id, label, kind, expression, unit });
