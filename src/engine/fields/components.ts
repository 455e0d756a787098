import type { Deriver } from "../design/graph.js";

export const componentsField: Deriver<"components"> = {
  field: "components",
  category: "Derived",
  reads: ["archetypes", "features", "primaryState", "operations", "nfrs"],
  rule: "the archetypes' component topologies merged by composition role (not built yet)",
  derive: () => [],
};
