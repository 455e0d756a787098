import { partlessArchetypes } from "../architecture.js";
import type { Deriver } from "../design/graph.js";
import { designArchetypes } from "./common.js";

export const overlayField: Deriver<"overlay"> = {
  field: "overlay",
  category: "Derived",
  reads: ["archetypes", "nfrs", "features", "branch"],
  rule: "add the runtime overlay (driver, unit, worker, slot, state, source, sink, fabric, maintenance) for scheduler, workflow, fleet, pipeline, telemetry and storage-repair archetypes; a design about one of the archetype's subjects (a work queue) takes that subject's overlay; an archetype a feature's own record carries (a feed's per-reader lists are its projection) runs no machinery of its own, so it adds none",
  derive: (f) => {
    const partless = partlessArchetypes(f);
    return designArchetypes(f.archetypes).flatMap((a) => {
      if (partless.has(a.id)) return [];
      const own = a.topicOverlays?.find((x) => (f.nfrs.topics ?? []).some((t) => t.value === x.topic));
      if (own) {
        const { topic: _topic, ...overlay } = own;
        return [{ archetype: a.id, ...overlay }];
      }
      return a.overlay ? [{ archetype: a.id, ...a.overlay }] : [];
    });
  },
};
