import type { Archetype, CompositionRole } from "../knowledge/schema.js";

/** Seen from the other side, an input is an output, a decorator sits on a substrate, and so on. */
const INVERSE_ROLE: Record<CompositionRole, CompositionRole> = {
  input: "output",
  output: "input",
  decorator: "substrate",
  substrate: "decorator",
};

/**
 * The role `other` plays when `dominant` leads, from the dominant's recorded connection, or the
 * inverse of the other's connection to the dominant; undefined when neither entry records one.
 */
export function compositionRole(
  dominant: Pick<Archetype, "id" | "connections">,
  other: Pick<Archetype, "id" | "connections">,
): { role: CompositionRole; why: string } | undefined {
  const direct = dominant.connections.find((c) => c.to === other.id);
  if (direct) return { role: direct.role, why: direct.why };
  const reverse = other.connections.find((c) => c.to === dominant.id);
  if (reverse) return { role: INVERSE_ROLE[reverse.role], why: reverse.why };
  return undefined;
}
