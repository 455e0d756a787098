import { MECHANISM_FAILURES } from "../../knowledge/mechanism-failures.js";
import type { MechanismRow, OperationRow } from "../design/types.js";

type MechanismFailure = (typeof MECHANISM_FAILURES)[number];

/**
 * Whether the design holds a mechanism as a working part, so that the failure it exists to survive can happen
 * here: an operation the design draws uses it, or a chosen decision option is it. A mechanism a predicate only
 * recommends (a lease because some write must go to one actor) names no holder, resource or sweeper of this
 * design, and its generic failure row ("the holder crashes … higher fencing token") would describe parts the
 * design does not have.
 */
export function mechanismCarried(
  m: Pick<MechanismRow, "id" | "because">,
  operations: readonly OperationRow[],
): boolean {
  return operations.some((o) => o.mechanism === m.id) || m.because.some((b) => b.startsWith("decision "));
}

/**
 * A mechanism's failure row holds in this design: the mechanism is carried, and a row that speaks of one
 * archetype's parts (the budget store of a rate limiter) appears only where that archetype is in the design.
 */
export function failureRowHolds(
  row: MechanismFailure,
  m: Pick<MechanismRow, "id" | "because">,
  operations: readonly OperationRow[],
  archetypes: readonly { id: string }[],
): boolean {
  return mechanismCarried(m, operations) && (!row.archetype || archetypes.some((a) => a.id === row.archetype));
}

/** The mechanism failure row a design's failure row was taken from, by its words. */
export const MECHANISM_FAILURE_BY_TEXT: ReadonlyMap<string, MechanismFailure> = new Map(
  MECHANISM_FAILURES.map((r) => [r.failure, r]),
);
