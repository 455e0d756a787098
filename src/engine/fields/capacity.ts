import type { Deriver } from "../design/graph.js";

export const capacityField: Deriver<"capacity"> = {
  field: "capacity",
  category: "Derived",
  reads: ["nfrs", "archetypes", "features"],
  rule: "back-of-envelope figures from stated or assumed inputs (not built yet)",
  derive: () => [],
};
