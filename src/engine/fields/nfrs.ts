import type { Deriver } from "../design/graph.js";
import type { Nfrs, Sourced } from "../design/types.js";
import { parseStatedNfrs, type Stated } from "../nfr-parse.js";
import { leadingStance } from "./common.js";

function pick<T>(stated: Stated<T> | undefined, fallback: T, why: string): Sourced<T> {
  if (stated) return { value: stated.value, source: "stated", because: `the prompt says '${stated.quote}'` };
  return { value: fallback, source: "default", because: why };
}

export const nfrsField: Deriver<"nfrs"> = {
  field: "nfrs",
  category: "Given",
  reads: ["prompt", "archetypes"],
  rule: "NFRs the prompt states win; anything unstated takes the dominant archetype's default stance",
  derive: (f) => {
    const s = parseStatedNfrs(f.prompt);
    const { stance, id } = leadingStance(f.archetypes);
    const dflt = (what: string) => `not stated; ${id}'s default ${what} (${stance.because})`;
    const scale: Nfrs["scale"] = {};
    for (const [k, v] of Object.entries(s.scale)) scale[k] = { value: v.value, quote: v.quote, source: "stated" };
    return {
      delivery: pick(s.delivery, stance.delivery, dflt("delivery")),
      consistency: pick(s.consistency, stance.consistency, dflt("consistency")),
      availability: pick(s.availability, stance.availability, dflt("availability stance")),
      ordering: pick(s.ordering, stance.ordering, dflt("ordering")),
      durability: pick(s.durability, stance.durability, dflt("durability")),
      regions: s.regions
        ? { value: s.regions.value, source: "stated", because: `the prompt says '${s.regions.quote}'` }
        : { value: 1, source: "default", because: "no regions named; one region with replicas across its zones" },
      latency: s.latency,
      scale,
    };
  },
};
