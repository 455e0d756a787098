import type { Deriver } from "../design/graph.js";

export const featuresField: Deriver<"features"> = {
  field: "features",
  category: "Classified",
  reads: ["prompt", "branch", "archetypes"],
  rule: "product features recognised from the prompt's named products and feature words (not built yet)",
  derive: () => [],
};
