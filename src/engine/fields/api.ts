import type { Deriver } from "../design/graph.js";

export const apiField: Deriver<"api"> = {
  field: "api",
  category: "Derived",
  reads: ["operations", "archetypes", "features"],
  rule: "one call per client-facing critical operation (not built yet)",
  derive: () => [],
};
