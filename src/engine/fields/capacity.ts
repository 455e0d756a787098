import { capacityOwners, designCapacityRows, fixedInputs } from "../capacity.js";
import type { Deriver } from "../design/graph.js";
import type { CapacityRow, Nfrs } from "../design/types.js";
import { bareProductRecord, RECORD_PART } from "../product/record.js";
import { servingRegions } from "./context.js";
import { excludedBy, impliedCapacity } from "./decisions.js";

/** The quantity the chosen serving regions reach a capacity model as (engine/fields/context.ts `servingRegions`). */
const SERVING_REGIONS = "serving_regions";

/** The quantity a stated latency target reaches a capacity model as (a latency budget split against it). */
const LATENCY_BUDGET = "latency_budget_ms";

/**
 * The prompt's scale, plus its tightest stated latency target as `latency_budget_ms` ("within 50 ms"), so a model
 * that splits a latency budget (network, cache, lookup) splits the stated one. The same object when no target is
 * stated or the scale already names one, so models that never read it are evaluated as before.
 */
function scaleWithLatency(nfrs: Nfrs): Nfrs["scale"] {
  const tightest = [...nfrs.latency].sort((a, b) => a.ms - b.ms)[0];
  if (!tightest || nfrs.scale[LATENCY_BUDGET]) return nfrs.scale;
  return { ...nfrs.scale, [LATENCY_BUDGET]: { value: tightest.ms, quote: tightest.quote, source: "stated" } };
}

export const capacityField: Deriver<"capacity", { record: boolean }> = {
  field: "capacity",
  category: "Derived",
  reads: ["prompt", "nfrs", "branch", "archetypes", "features", "decisions", "readPaths"],
  rule: "each archetype's (and product feature's) capacity model evaluated with the prompt's numbers; an unstated input a chosen decision option fixes (a redundancy scheme's storage overhead) takes that value with the decision as its reason, and every other unstated input the archetype's typical value with why it is typical. One named input has one value in the design: an input several models read takes the value best grounded in it (derived from a stated number or fixed by the prompt's nouns or a decision, else the first model's value) in every model, with the model it came from as its reason. A bare product's own service (a URL shortener's API) is sized first: its nodes from the peak requests over one node's rate at a safe utilisation. A product-first design with features shows the features' models first and, of each archetype, its first hotspot and storage figures",
  facts: (f) => ({ record: bareProductRecord(f.prompt, f.branch.kind, f.features.length) !== undefined }),
  derive: (f, _input, { record }) => {
    const rows: CapacityRow[] = [];
    const seen = new Set<string>();
    // the regions the reads are served from, where a stated latency target chose more than one: a figure that
    // counts serving copies reads the chosen count, never the default of one
    const serving = servingRegions(f.nfrs, f.readPaths);
    const { owners, dominant, archetype } = capacityOwners(
      f,
      (owner) => {
        const fixed = fixedInputs(f.nfrs, impliedCapacity(f.decisions, owner));
        return serving ? new Map([...fixed, [SERVING_REGIONS, serving]]) : fixed;
      },
      record,
    );
    const all = designCapacityRows(owners, scaleWithLatency(f.nfrs));
    owners.forEach((o, k) => {
      const excluded = excludedBy(f.decisions, o.owner);
      const list = all[k] ?? [];
      // The dominant archetype shows its whole model; a supporting one (and every one beside a
      // product's features) its first hotspot and storage figures.
      const whole = !archetype[k] || dominant[k];
      // a figure in the words a chosen option excludes sizes the rejected option (purges to every edge site beside a
      // cache cluster), unless another figure of the model is computed from it
      const kept = list.filter(
        (r) =>
          !excluded.some((re) => re.test(r.quantity)) ||
          list.some(
            (x) => x !== r && new RegExp(String.raw`\b${r.id}\b`).test(x.formula.split("=").slice(1).join("=")),
          ),
      );
      const shown = whole ? kept : kept.filter((r) => r.kind === "hotspot" || r.kind === "storage").slice(0, 2);
      for (const r of shown) {
        const key = `${r.archetype}:${r.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        // each design gets its own rows, so a caller that edits one never edits another design's
        rows.push({ ...r, inputs: r.inputs.map((i) => ({ ...i })) });
      }
    });
    // a bare product's own service leads the table, as its part leads the drawing
    return [...rows.filter((r) => r.archetype === RECORD_PART), ...rows.filter((r) => r.archetype !== RECORD_PART)];
  },
};
