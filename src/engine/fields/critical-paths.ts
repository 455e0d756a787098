import type { Deriver } from "../design/graph.js";
import type { CriticalPath } from "../design/types.js";
import { shortName } from "./common.js";

const MAX_PATHS = 6;

export const criticalPathsField: Deriver<"criticalPaths"> = {
  field: "criticalPaths",
  category: "Classified",
  reads: ["operations"],
  rule: "a path is critical when it writes authoritative state whose corruption breaks the contract; hidden writes on the same entity ride along",
  derive: (f) => {
    const paths: CriticalPath[] = [];
    for (const op of f.operations) {
      if (!op.critical || paths.length >= MAX_PATHS) continue;
      const riders = f.operations.filter((o) => o !== op && o.hidden && o.entity === op.entity).map((o) => o.phrase);
      paths.push({
        name: shortName(op.phrase),
        operations: [op.phrase, ...riders],
        archetype: op.archetype,
        because: `${op.operation} on ${op.entity} is correctness-critical${riders.length > 0 ? `; ${riders.length} hidden write(s) keep it valid` : ""}`,
      });
    }
    if (paths.length === 0) {
      const first = f.operations.find((o) => o.operation !== "read source" && o.operation !== "read projection");
      if (first) {
        paths.push({
          name: shortName(first.phrase),
          operations: [first.phrase],
          archetype: first.archetype,
          because: `no path is marked critical, so the first write (${first.operation} on ${first.entity}) carries the correctness burden`,
        });
      }
    }
    return paths;
  },
};
