import type { Deriver } from "../design/graph.js";
import { classify } from "../recognize/index.js";

export const branchField: Deriver<"branch"> = {
  field: "branch",
  category: "Classified",
  reads: ["prompt"],
  rule: "infra-first when the dominant question is coordination, routing, replication, propagation, ordering, ownership, serving substrate or cache/log semantics; product-first when a user workflow is asked for",
  derive: (f) => classify(f.prompt).branch,
};
