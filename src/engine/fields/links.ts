import { architectureOf, LAYOUT_FACTS, type Layout } from "../architecture.js";
import type { Deriver } from "../design/graph.js";
import { regionalLinks } from "../regions.js";

export const linksField: Deriver<"links", Layout> = {
  field: "links",
  category: "Derived",
  reads: ["prompt", "branch", "archetypes", "features", "decisions", "components", "nfrs"],
  rule: "the links of every composed topology translated to the merged components (request, replication, stream, control, callback), plus the links a role adds (a decorator in front of the entry, an input into the intake, an output from the outlet), deduplicated; only links between listed components; with more than one region, callers reach the entry through the geo router and the state reaches the other regions through the replicator or a consensus round",
  facts: LAYOUT_FACTS,
  derive: (f, _input, layout) => {
    const ids = new Set(f.components.map((c) => c.id));
    return regionalLinks(
      f,
      f.components,
      architectureOf(f, layout).links.filter((l) => ids.has(l.from) && ids.has(l.to)),
    );
  },
};
