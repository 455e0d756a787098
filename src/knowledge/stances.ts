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

/**
 * The scopes at which ordering, exclusivity and coordination hold for an archetype in a design that speaks of these
 * subjects: the card's scopes for the first spoken topic it has its own for (`topicScopes`), else its stance's.
 */
export function scopesOf(id: ArchetypeId, spoken: readonly { value: Topic }[] | undefined): Stance["scopes"] {
  const own = BY_ID.get(id)?.topicScopes?.find((x) => (spoken ?? []).some((t) => t.value === x.topic));
  if (!own) return STANCES[id].scopes;
  return { ordering: own.ordering, exclusivity: own.exclusivity, coordination: own.coordination };
}
