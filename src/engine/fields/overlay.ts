import type { Deriver } from "../design/graph.js";
import { designArchetypes } from "./common.js";

export const overlayField: Deriver<"overlay"> = {
  field: "overlay",
  category: "Derived",
  reads: ["archetypes"],
  rule: "add the runtime overlay (driver, unit, worker, slot, state, source, sink, fabric, maintenance) for scheduler, workflow, fleet, pipeline, telemetry and storage-repair archetypes",
  derive: (f) => designArchetypes(f.archetypes).flatMap((a) => (a.overlay ? [{ archetype: a.id, ...a.overlay }] : [])),
};
