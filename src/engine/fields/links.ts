import type { Deriver } from "../design/graph.js";

export const linksField: Deriver<"links"> = {
  field: "links",
  category: "Derived",
  reads: ["components"],
  rule: "links between components by path kind (not built yet)",
  derive: () => [],
};
