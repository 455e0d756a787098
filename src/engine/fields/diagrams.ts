import { hldFlowchart, protocolSequence } from "../../render/mermaid.js";
import type { Deriver } from "../design/graph.js";
import type { Diagram } from "../design/types.js";
import { archetype } from "./common.js";

const MAX_SEQUENCES = 4;

export const diagramsField: Deriver<"diagrams"> = {
  field: "diagrams",
  category: "Output",
  reads: ["archetypes", "primaryState", "operations", "baseMechanisms", "companions", "readPaths", "criticalPaths"],
  rule: "an HLD flowchart starting from the canonical state owner (control path before data path, derived stores apart) and a sequence diagram per critical protocol of the archetypes that own critical paths",
  derive: (f) => {
    const lead = f.archetypes[0];
    if (!lead) return [];
    const mechs = [...f.baseMechanisms, ...f.companions];
    const out: Diagram[] = [
      {
        kind: "hld",
        title: `${lead.name}: high-level design`,
        mermaid: hldFlowchart({
          title: lead.name,
          service: `${lead.name} service`,
          truth: f.primaryState.map((s) => ({ entity: s.entity, store: s.authority })),
          control: mechs
            .filter((m) => m.family === "ownership control" || m.family === "state propagation")
            .slice(0, 5)
            .map((m) => ({ name: m.name, family: m.family })),
          writes: f.operations
            .filter((o) => o.operation !== "read source" && o.operation !== "read projection")
            .map((o) => ({
              phrase: o.phrase.replace(/\s*\([^)]*\)$/, ""),
              entity: o.entity,
              async: o.hidden || o.operation === "async process",
            })),
          derived: f.readPaths
            .filter((r) => r.servedBy === "derived copy")
            .slice(0, 3)
            .map((r) => ({ read: r.read.replace(/\s*\([^)]*\)$/, ""), entity: r.entity })),
          supporting: f.archetypes.slice(1).map((a) => ({ id: a.id, name: a.name, role: a.role })),
        }),
      },
    ];
    const owners = [lead.id, ...f.criticalPaths.map((p) => p.archetype).filter((id) => id !== lead.id)];
    for (const id of [...new Set(owners)]) {
      for (const p of archetype(id).protocols) {
        if (out.length > MAX_SEQUENCES) break;
        const mermaid = protocolSequence(p.notation);
        if (mermaid) out.push({ kind: "sequence", title: `${id}: ${p.name}`, mermaid });
      }
    }
    return out;
  },
};
