import type { Deriver } from "../design/graph.js";

export const dataModelField: Deriver<"dataModel"> = {
  field: "dataModel",
  category: "Derived",
  reads: ["primaryState", "components"],
  rule: "keys, fields, indexes and owner per primary entity (not built yet)",
  derive: () => [],
};
