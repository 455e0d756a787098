import { ARCHETYPES } from "./index.js";
import type { ArchetypeId, Stance } from "./schema.js";
import type { Topic } from "./topics.js";

/**
 * Per archetype: the NFR stance a design takes when the prompt is silent, and the scopes at which
 * ordering, exclusivity and coordination hold (each entry's `stance`). A stated NFR always wins over these.
 */
export const STANCES: Readonly<Record<ArchetypeId, Stance>> = Object.fromEntries(
  ARCHETYPES.map((a) => [a.id, a.stance]),
) as Record<ArchetypeId, Stance>;

const BY_ID = new Map(ARCHETYPES.map((a) => [a.id, a]));

type ScopeRule = Stance["scopes"]["ordering"];

/** A scope rule as it holds for the records a design writes: its `otherwise` where it speaks of none of them. */
const held = (r: ScopeRule, written: ReadonlySet<string> | undefined): { scope: ScopeRule["scope"]; why: string } =>
  r.entities && r.otherwise && written && !r.entities.some((e) => written.has(e))
    ? { scope: r.otherwise.scope, why: r.otherwise.why }
    : { scope: r.scope, why: r.why };

/**
 * The scopes at which ordering, exclusivity and coordination hold for an archetype in a design that speaks of these
 * subjects: the card's scopes for the first spoken topic it has its own for (`topicScopes`), else its stance's; a
 * rule that speaks of records the design's operations do not write (`written`, the archetype's written entities)
 * gives its `otherwise` (an object store's immutable versions, not a chunk's writer lease).
 */
export function scopesOf(
  id: ArchetypeId,
  spoken: readonly { value: Topic }[] | undefined,
  written?: ReadonlySet<string>,
): { [K in keyof Stance["scopes"]]: { scope: ScopeRule["scope"]; why: string } } {
  const own = BY_ID.get(id)?.topicScopes?.find((x) => (spoken ?? []).some((t) => t.value === x.topic));
  const rules = own ?? STANCES[id].scopes;
  return {
    ordering: held(rules.ordering, written),
    exclusivity: held(rules.exclusivity, written),
    coordination: held(rules.coordination, written),
  };
}

/** The entities an archetype's operations write, which `scopesOf` reads. */
export const writtenBy = (id: string, operations: readonly { archetype: string; entity: string }[]): Set<string> =>
  new Set(operations.filter((o) => o.archetype === id).map((o) => o.entity));
