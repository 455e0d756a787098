import { architectureOf, LAYOUT_FACTS, type Layout } from "../architecture.js";
import type { Deriver } from "../design/graph.js";
import { regionalComponents } from "../regions.js";

export const componentsField: Deriver<"components", Layout> = {
  field: "components",
  category: "Derived",
  reads: ["prompt", "branch", "archetypes", "features", "decisions", "nfrs"],
  rule: "the dominant archetype's component topology, joined by each supporting archetype by role (a substrate hosts the component it carries, a decorator wraps the entry or keeps its state on the state owner, an input feeds the intake, an output drains the outlet) and by product features through shared components; the prompt's noun renames the unit; a component, link, API call or protocol that only an option not chosen draws is left out; with more than one region, a geo router in front, the same cluster in every other region and the link that carries writes between regions",
  facts: LAYOUT_FACTS,
  derive: (f, _input, layout) => {
    const arch = architectureOf(f, layout);
    const notes = arch.renaming;
    if (notes.length === 0) return regionalComponents(f, arch.components);
    return regionalComponents(
      f,
      arch.components.map((c) =>
        notes.some((r) => c.holds.some((h) => h.toLowerCase() === r.noun.replace(/-/g, "")))
          ? { ...c, because: `${c.because}; ${notes.map((r) => r.because).join("; ")}` }
          : c,
      ),
    );
  },
};
