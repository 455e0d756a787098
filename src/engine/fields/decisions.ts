import type { Deriver } from "../design/graph.js";

export const decisionsField: Deriver<"decisions"> = {
  field: "decisions",
  category: "Chosen",
  reads: ["nfrs", "archetypes", "capacity"],
  rule: "the archetypes' decision points chosen by NFRs and numbers (not built yet)",
  derive: () => [],
};
