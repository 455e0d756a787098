import type { Deriver } from "../design/graph.js";
import { classify } from "../recognize/index.js";

export const archetypesField: Deriver<"archetypes"> = {
  field: "archetypes",
  category: "Classified",
  reads: ["prompt", "branch"],
  rule: "the archetype with the strongest signals dominates; others join with the role their knowledge-base connection gives (input, output, decorator, substrate)",
  derive: (f) => classify(f.prompt, { branch: f.branch.kind }).archetypes,
};
