import { byArchetype } from "../archetypes/runtime.js";
import { parseProtocol } from "../notation/protocol.js";
import type { ArchetypeId } from "../schema.js";
import { markTopics, TOPIC_NEEDS, TOPIC_VALUES, type Topic } from "../topics.js";
import { type Topical, type Topology, topicalTopology } from "../topology.js";

/** Each archetype's component topology with its protocols bound to those components (its folder's `topology.ts`). */
export const ARCHITECTURE: Readonly<Record<ArchetypeId, Topology>> = byArchetype((b) => b.topology);

/**
 * Problems in one topology: unknown component ids in links, entry, state owner, roles, data owners,
 * protocol steps that name components the topology does not have, and components nothing links to.
 */
export function topologyProblems(where: string, t: Topology): string[] {
  const out: string[] = [];
  const ids = new Set(t.components.map((c) => c.id));
  if (ids.size !== t.components.length) out.push(`${where}: duplicate component id`);
  const need = (id: string | undefined, what: string) => {
    if (id !== undefined && !ids.has(id)) out.push(`${where}: ${what} names unknown component '${id}'`);
  };
  need(t.entry, "entry");
  need(t.stateOwner, "stateOwner");
  need(t.upstream, "upstream");
  need(t.intake, "intake");
  need(t.outlet, "outlet");
  need(t.producer, "producer");
  need(t.consumer, "consumer");
  for (const c of t.components) need(c.replicaOf, `${c.id}.replicaOf`);
  for (const l of t.links) {
    need(l.from, "link");
    need(l.to, "link");
  }
  for (const d of t.dataModel) {
    need(d.owner, `data model ${d.entity}`);
    if (d.key.length === 0) out.push(`${where}: data model ${d.entity} has no key`);
  }
  const linked = new Set(t.links.flatMap((l) => [l.from, l.to]));
  for (const c of t.components) if (!linked.has(c.id)) out.push(`${where}: component '${c.id}' has no link`);
  for (const p of t.protocols ?? []) {
    const r = parseProtocol(p.notation);
    if (!r.ok) {
      out.push(`${where}: protocol '${p.name}': ${r.error}`);
      continue;
    }
    for (const s of r.value.steps) {
      need(s.actor, `protocol '${p.name}'`);
      need(s.target, `protocol '${p.name}'`);
    }
  }
  return out;
}

/**
 * The variants of a topology a design can draw: none of its subjects spoken, then each subject it marks spoken on
 * its own (elements of one id may differ by subject: the push variant of a workflow's API beside the general one).
 */
export function topologyVariants(t: Topology): { where: string; topology: Topology }[] {
  const marks = (xs: readonly Topical[]) => xs.flatMap((x) => [x.topic, ...markTopics(x.unlessTopic)]);
  const used = new Set(marks([...t.components, ...t.links, ...t.api, ...t.dataModel, ...(t.protocols ?? [])]));
  const topics = TOPIC_VALUES.filter((x) => used.has(x));
  // a subject that only makes sense inside another (a shown count inside an event count) is drawn with it, and with
  // what that one needs in turn (a person's likes inside a shown count inside an event count)
  const needed = (spoken: Topic | undefined): Topic[] => {
    const next = spoken === undefined ? undefined : TOPIC_NEEDS[spoken];
    return next === undefined ? [] : [next, ...needed(next)];
  };
  const without = (spoken: Topic | undefined) =>
    TOPIC_VALUES.filter((x) => x !== spoken && !needed(spoken).includes(x));
  return [undefined, ...topics].map((spoken) => ({
    where: spoken ? ` (about ${spoken})` : "",
    topology: topicalTopology(t, without(spoken)),
  }));
}

/** Every problem across the archetype topologies, in each variant their subjects draw; the tests require this to be empty. */
export function architectureProblems(): string[] {
  return Object.entries(ARCHITECTURE).flatMap(([id, t]) =>
    topologyVariants(t).flatMap((v) => topologyProblems(`${id}${v.where}`, v.topology)),
  );
}
