/**
 * A win condition about the size of what the design builds (a load figure at or above a threshold: "the ingest runs to
 * gigabytes a second", "chunks run to a billion"), read against the figures the design is sized for. Some such
 * conditions are gated on the prompt stating the figure (`{ stated: q }` beside `{ number: q, atLeast }`), so an
 * assumed load alone never settles a choice the prompt could settle. But a design sized at that load while its decision
 * rests only on its default contradicts itself: its capacity table builds for gigabytes a second while its decision
 * says "at a modest ingest". `figureOnlyWins` picks out the conditions such a check reads; `figuresMeet` reads them.
 */
import type { DecisionCondition } from "../knowledge/decisions/types.js";
import { formatQuantity } from "./quantity-format.js";

export type FigureCondition = Extract<DecisionCondition, { number: string }>;

/**
 * The size conditions of an option's win condition, where it is about figures alone: one or more numbers, at least
 * one a lower bound on a load (`atLeast` without `below`), and nothing else but the gates that ask for those numbers
 * to be stated. An upper bound on a time (`below` a stated propagation bound) is a requirement, real only where the
 * prompt states it, so a condition with one is not read this way; nor is one resting on words, NFRs or predicates.
 */
export function figureOnlyWins(wins: readonly DecisionCondition[] | undefined): FigureCondition[] | undefined {
  if (!wins || wins.length === 0) return undefined;
  const numbers = wins.filter((c): c is FigureCondition => "number" in c);
  if (numbers.length === 0 || numbers.some((c) => c.below !== undefined || c.atLeast === undefined)) return undefined;
  const gates = wins.filter((c) => !("number" in c));
  const gated = gates.every(
    (c) => !("nfr" in c) && "stated" in c && c.matching === undefined && numbers.some((n) => n.number === c.stated),
  );
  return gated ? numbers : undefined;
}

/** A figure the design is sized for: its value, unit and whether anything the prompt states feeds it. */
export interface SizedFigure {
  value: number;
  unit: string;
  assumed: boolean;
}

/** Whether every size condition is met by the design's own figures (all must be known). */
export function figuresMeet(
  conditions: readonly FigureCondition[],
  figure: (id: string) => SizedFigure | undefined,
): boolean {
  return conditions.every((c) => {
    const f = figure(c.number);
    const threshold = figureThreshold(c, figure);
    return f !== undefined && threshold !== undefined && f.value >= threshold;
  });
}

/**
 * A size condition's lower bound in the compared figure's unit: its `atLeast`, or that many times the figure it is
 * read against (`of`: one machine's memory); undefined where that figure is not the design's.
 */
export function figureThreshold(
  c: FigureCondition,
  figure: (id: string) => SizedFigure | undefined,
): number | undefined {
  if (c.atLeast === undefined) return undefined;
  if (c.of === undefined) return c.atLeast;
  const base = figure(c.of);
  return base === undefined ? undefined : c.atLeast * base.value;
}

/** A win condition on a time bound the prompt states, below a figure another option adds to that time. */
export type BoundCondition = Extract<DecisionCondition, { boundBelow: string }>;

/** A stated quantity: its value and the prompt's words for it. */
export type StatedQuantity = { value: number; quote: string };

/**
 * Whether the prompt states the bound below the other option's figure, with the stated words and the figure it is
 * read against ("the prompt says 'at most 10 seconds stale' (10 s), under the cache's TTL of 1 min"); a bound the
 * prompt does not state does not hold.
 */
export function boundCheck(
  c: BoundCondition,
  scale: Readonly<Record<string, StatedQuantity | undefined>>,
): { holds: boolean; says: string } {
  const s = scale[c.boundBelow];
  if (!s) return { holds: false, says: `${c.boundBelow} is not stated` };
  const holds = s.value < c.seconds;
  const figure = `${c.figure} (${formatQuantity(c.seconds, "s")})`;
  return {
    holds,
    says: `the prompt says '${s.quote}' (${formatQuantity(s.value, "s")}), ${holds ? `under ${figure}` : `which ${figure} fits`}`,
  };
}

/**
 * The bound conditions of an option's win condition, where it is about stated bounds alone (each a `boundBelow`, or a
 * gate asking that the bound be stated): what coherence reads from the design's stated quantities.
 */
export function boundOnlyWins(wins: readonly DecisionCondition[] | undefined): BoundCondition[] | undefined {
  if (!wins || wins.length === 0) return undefined;
  const bounds = wins.filter((c): c is BoundCondition => "boundBelow" in c);
  if (bounds.length === 0) return undefined;
  const gated = wins.every(
    (c) =>
      "boundBelow" in c ||
      ("stated" in c && !("nfr" in c) && c.matching === undefined && bounds.some((b) => b.boundBelow === c.stated)),
  );
  return gated ? bounds : undefined;
}
