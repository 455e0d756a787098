import { parseProtocol } from "../notation/protocol.js";
import type { ArchetypeId } from "../schema.js";
import type { Topology } from "../topology.js";
import { I01_TOPOLOGY } from "./I01.js";
import { I02_TOPOLOGY } from "./I02.js";
import { I03_TOPOLOGY } from "./I03.js";
import { I04_TOPOLOGY } from "./I04.js";
import { I05_TOPOLOGY } from "./I05.js";
import { I06_TOPOLOGY } from "./I06.js";
import { I07_TOPOLOGY } from "./I07.js";
import { I08_TOPOLOGY } from "./I08.js";
import { I09_TOPOLOGY } from "./I09.js";
import { I10_TOPOLOGY } from "./I10.js";
import { I11_TOPOLOGY } from "./I11.js";
import { I12_TOPOLOGY } from "./I12.js";
import { I13_TOPOLOGY } from "./I13.js";
import { I14_TOPOLOGY } from "./I14.js";
import { I15_TOPOLOGY } from "./I15.js";
import { I16_TOPOLOGY } from "./I16.js";
import { I17_TOPOLOGY } from "./I17.js";
import { I18_TOPOLOGY } from "./I18.js";
import { I19_TOPOLOGY } from "./I19.js";

/** Each archetype's component topology with its protocols bound to those components. */
export const ARCHITECTURE: Readonly<Record<ArchetypeId, Topology>> = {
  I01: I01_TOPOLOGY,
  I02: I02_TOPOLOGY,
  I03: I03_TOPOLOGY,
  I04: I04_TOPOLOGY,
  I05: I05_TOPOLOGY,
  I06: I06_TOPOLOGY,
  I07: I07_TOPOLOGY,
  I08: I08_TOPOLOGY,
  I09: I09_TOPOLOGY,
  I10: I10_TOPOLOGY,
  I11: I11_TOPOLOGY,
  I12: I12_TOPOLOGY,
  I13: I13_TOPOLOGY,
  I14: I14_TOPOLOGY,
  I15: I15_TOPOLOGY,
  I16: I16_TOPOLOGY,
  I17: I17_TOPOLOGY,
  I18: I18_TOPOLOGY,
  I19: I19_TOPOLOGY,
};

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

/** Every problem across the archetype topologies; the tests require this to be empty. */
export function architectureProblems(): string[] {
  return Object.entries(ARCHITECTURE).flatMap(([id, t]) => topologyProblems(id, t));
}
