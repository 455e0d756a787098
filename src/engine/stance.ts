/**
 * Where an entity's stance comes from when the prompt states none: the component that holds it. A record kept by
 * a group that commits each write on a majority of its members (a consensus group, a leader whose replication
 * waits for a majority) is linearizable, refuses writes on a cut-off minority and survives the loss of a member,
 * whatever the archetype's design-wide stance says of its other state (a registry's soft view beside it).
 */
import { ARCHITECTURE } from "../knowledge/architecture/index.js";
import { ARCHETYPE_BY_ID } from "../knowledge/index.js";
import type { Archetype, ArchetypeId } from "../knowledge/schema.js";
import { fitsTopics, type Topic } from "../knowledge/topics.js";

const CONSENSUS = /\bconsensus\b/i;
const MAJORITY = /\bmajority\b/i;

/**
 * The component of an archetype's own topology that holds an entity and commits it by majority, if any. Soft state
 * such a group keeps beside its log (a liveness lease each heartbeat renews, marked best-effort on its card) lives in
 * the members' memory, not in the log, so no majority commits it.
 */
export function majorityHolder(id: ArchetypeId, entity: string): { name: string; because: string } | undefined {
  const t = ARCHITECTURE[id];
  if (!t) return undefined;
  if (ARCHETYPE_BY_ID.get(id)?.entities.find((e) => e.name === entity)?.durability === "best-effort") return undefined;
  const owner = t.dataModel.find((d) => d.entity === entity)?.owner;
  const holder = t.components.find((c) => c.id === owner) ?? t.components.find((c) => c.holds?.includes(entity));
  if (!holder) return undefined;
  if (CONSENSUS.test(holder.name))
    return { name: holder.name, because: `${holder.name} commits each write by consensus` };
  const link = t.links.find((l) => l.from === holder.id && l.kind === "replication" && MAJORITY.test(l.label));
  return link
    ? { name: holder.name, because: `${holder.name} acknowledges a write once a majority holds it ('${link.label}')` }
    : undefined;
}

/**
 * The archetype's authoritative state (its first source-of-truth entity that fits the design's subjects) when its card
 * says one owner holds it and it fails closed without that owner (an order book behind its symbol's matcher, a document
 * behind its sequencer's lease); the design's own failure stance then follows it.
 */
export function ownedAuthority(
  id: ArchetypeId,
  unspoken: readonly Topic[],
): { name: string; stance: NonNullable<Archetype["entities"][number]["stance"]> } | undefined {
  const first = ARCHETYPE_BY_ID.get(id)?.entities.find((e) => e.truth && fitsTopics(e, unspoken));
  return first?.stance && first.stance.availability === "fail-closed" && first.stance.against === undefined
    ? { name: first.name, stance: first.stance }
    : undefined;
}

/**
 * The archetype's first source-of-truth entity that fits the design's subjects, where its card marks it best-effort:
 * an in-memory cache's items are copies an origin keeps, so a store whose subject is such a cache holds nothing it must
 * not lose, whatever the store's own default says.
 */
export function copyOnlyTruth(id: ArchetypeId, unspoken: readonly Topic[]): { name: string } | undefined {
  const first = ARCHETYPE_BY_ID.get(id)?.entities.find((e) => e.truth && fitsTopics(e, unspoken));
  return first?.durability === "best-effort" ? { name: first.name } : undefined;
}
