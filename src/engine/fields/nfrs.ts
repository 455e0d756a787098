import type { Deriver } from "../design/graph.js";
import type { Nfrs, Sourced } from "../design/types.js";
import { type Stated, statedNfrsOf } from "../nfr-parse.js";
import { leadingStance } from "./common.js";

function pick<T>(stated: Stated<T> | undefined, fallback: T, why: string): Sourced<T> {
  if (stated) return { value: stated.value, source: "stated", because: `the prompt says '${stated.quote}'` };
  return { value: fallback, source: "default", because: why };
}

export const nfrsField: Deriver<"nfrs"> = {
  field: "nfrs",
  category: "Given",
  reads: ["prompt", "archetypes"],
  rule: "NFRs the prompt states win; anything unstated takes the dominant archetype's default stance, and a default that contradicts a stated value (linearizable with stay-available) gives way to it",
  derive: (f) => {
    const s = statedNfrsOf(f.prompt);
    const { stance, id } = leadingStance(f.archetypes);
    const dflt = (what: string) => `not stated; ${id}'s default ${what} (${stance.because})`;
    const scale: Nfrs["scale"] = {};
    for (const [k, v] of Object.entries(s.scale)) scale[k] = { value: v.value, quote: v.quote, source: "stated" };
    let consistency = pick(s.consistency, stance.consistency, dflt("consistency"));
    let availability = pick(s.availability, stance.availability, dflt("availability stance"));
    // Linearizable and stay-available cannot both hold under a partition; a stated value beats a default.
    if (consistency.value === "linearizable" && availability.value === "stay-available") {
      if (consistency.source === "stated" && availability.source === "default")
        availability = {
          value: "fail-closed",
          source: "default",
          because: `the prompt asks for linearizable state (${consistency.because}), so a partitioned minority refuses rather than answer stale`,
        };
      else if (availability.source === "stated" && consistency.source === "default")
        consistency = {
          value: "read-your-writes",
          source: "default",
          because: `the prompt asks to stay available (${availability.because}), which rules out linearizable reads under a partition; each client still reads its own writes through a sticky session (if 'available' meant surviving node loss, state 'linearizable' instead: a majority keeps serving and only a cut-off minority refuses, which is what one leader or one lock holder needs)`,
        };
      else if (availability.source === "stated" && consistency.source === "stated")
        availability = {
          value: "fail-closed",
          source: "stated",
          because: `${availability.because} and ${consistency.because}: under a partition only one can hold, so the design keeps linearizable and stays available by surviving the loss of a minority of replicas (a majority keeps serving), not by answering on both sides`,
        };
    }
    return {
      delivery: pick(s.delivery, stance.delivery, dflt("delivery")),
      consistency,
      availability,
      ordering: pick(s.ordering, stance.ordering, dflt("ordering")),
      durability: pick(s.durability, stance.durability, dflt("durability")),
      regions: s.regions
        ? { value: s.regions.value, source: "stated", because: `the prompt says '${s.regions.quote}'` }
        : { value: 1, source: "default", because: "no regions named; one region with replicas across its zones" },
      latency: s.latency.map((l) => ({ ...l })),
      scale,
      ...(Object.keys(s.implied).length > 0 ? { implied: { ...s.implied } } : {}),
    };
  },
};
