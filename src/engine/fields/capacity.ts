import { countsAmount } from "../../knowledge/lexicon.js";
import {
  type CapacityOwner,
  capacityOwners,
  designCapacityRows,
  fixedInputs,
  type ImpliedInputs,
  statedUseRows,
} from "../capacity.js";
import type { Deriver } from "../design/graph.js";
import type { CapacityRow, DataModelRow, Fields, Nfrs } from "../design/types.js";
import { statedNfrsOf } from "../nfr-parse.js";
import { featureLed } from "../product/correctness.js";
import { bareProductRecord, RECORD_PART } from "../product/record.js";
import { regionalCapacity } from "../regions.js";
import { pattern } from "../text.js";
import { withUnitCount } from "../unit-count.js";
import { servingRegions } from "./context.js";
import { chosenOptions, excludedBy, impliedCapacity, unsized } from "./decisions.js";

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

/** A figure of stored bytes. */
export const storedBytes = (r: Pick<CapacityRow, "kind" | "unit">): boolean => r.kind === "storage" && r.unit === "B";

/**
 * The archetypes whose records a feature that sizes its own stored bytes (`withBytes`, by feature id) already sized:
 * those it rests on as their substrate or output (a feed's projection, a graph's key-value edges, a nearby search's
 * cell index), not an input log, which keeps its own copy for its own retention.
 */
export function sizedByFeatures(
  features: readonly Pick<Fields["features"][number], "id" | "substrates">[],
  withBytes: ReadonlySet<string>,
): Set<string> {
  const out = new Set<string>();
  for (const f of features)
    if (withBytes.has(f.id)) for (const s of f.substrates) if (s.role !== "input") out.add(s.id);
  return out;
}

/**
 * The prompt's scale as the capacity models read it: with its latency target (above) and with the regions the
 * requirements state in words ("globally distributed", "multi-region"), so the figures count the regions the
 * requirements list and the drawing replicates to, one value for both (a model that reads `regions` must not
 * assume one region beside "Regions: 2 (stated)").
 */
function capacityScale(
  nfrs: Nfrs,
  regionsQuote: string | undefined,
  model: readonly Pick<DataModelRow, "entity">[],
): Nfrs["scale"] {
  const scale = withUnitCount(scaleWithLatency(nfrs), model);
  if (!regionsCounted(nfrs, regionsQuote) || scale.regions || regionsQuote === undefined) return scale;
  return { ...scale, regions: { value: nfrs.regions.value, quote: regionsQuote, source: "stated" } };
}

/** Whether the requirements' regions (more than one) are said by the prompt, from its own words. */
const regionsSaid = (nfrs: Nfrs, quote: string | undefined): quote is string =>
  quote !== undefined && nfrs.regions.source === "stated" && nfrs.regions.value > 1;

/** Whether the prompt counts its regions ("three regions", "2 data centres"), not only says there are several. */
const regionsCounted = (nfrs: Nfrs, quote: string | undefined): boolean =>
  regionsSaid(nfrs, quote) && countsAmount(quote);

/**
 * The regions a word implies without counting them ("worldwide", "multi-region", "global users"): the figures read the
 * requirements' count as an assumed input that names the word and the reading, never as a stated count.
 */
function impliedRegions(nfrs: Nfrs, quote: string | undefined): ImpliedInputs {
  if (!regionsSaid(nfrs, quote) || regionsCounted(nfrs, quote) || nfrs.scale.regions) return new Map();
  const why = nfrs.regions.because.replace(/^the prompt says /, "");
  return new Map([
    [
      "regions",
      {
        value: nfrs.regions.value,
        because: `the prompt counts no regions but says ${why}`,
      },
    ],
  ]);
}

/**
 * The regions a word implies without counting them, read from the prompt as the capacity field reads them: the
 * decisions weigh the same regions the capacity table shows (one value of `regions` in the design).
 */
export const impliedRegionInputs = (f: Pick<Fields, "nfrs" | "prompt">): ImpliedInputs =>
  impliedRegions(f.nfrs, statedNfrsOf(f.prompt).regions?.quote);

export const capacityField: Deriver<"capacity", { record: boolean; regionsQuote: string | undefined }> = {
  field: "capacity",
  category: "Derived",
  reads: ["prompt", "nfrs", "branch", "archetypes", "features", "decisions", "readPaths", "dataModel"],
  rule: "each archetype's (and product feature's) capacity model evaluated with the prompt's numbers; an unstated input a chosen decision option fixes (a redundancy scheme's storage overhead) takes that value with the decision as its reason, and every other unstated input the archetype's typical value with why it is typical. One named input has one value in the design: an input several models read takes the value best grounded in it (derived from a stated number or fixed by the prompt's nouns or a decision, else the first model's value) in every model, with the model it came from as its reason. A bare product's own service (a URL shortener's API) is sized first: its nodes from the peak requests over one node's rate at a safe utilisation. A product-first design with features shows the features' models first and, of each archetype, its first hotspot and storage figures, but, in a feature-led design, no stored-bytes figure of an archetype a feature that sizes its own stored bytes rests on other than as its input log (the feature sized those records from the prompt's nouns)",
  facts: (f) => ({
    record: bareProductRecord(f.prompt, f.branch.kind, f.features) !== undefined,
    regionsQuote: statedNfrsOf(f.prompt).regions?.quote,
  }),
  derive: (f, _input, { record, regionsQuote }) => {
    const rows: CapacityRow[] = [];
    const seen = new Set<string>();
    // the regions the reads are served from, where a stated latency target chose more than one: a figure that
    // counts serving copies reads the chosen count, never the default of one
    const serving = servingRegions(f.nfrs, f.readPaths);
    const { owners, dominant, archetype } = capacityOwners(
      f,
      (owner) => {
        const fixed = new Map([
          ...impliedRegions(f.nfrs, regionsQuote),
          ...fixedInputs(f.nfrs, impliedCapacity(f.decisions, owner)),
        ]);
        return serving ? new Map([...fixed, [SERVING_REGIONS, serving]]) : fixed;
      },
      record,
    );
    const all = designCapacityRows(withCarried(owners, f.decisions), capacityScale(f.nfrs, regionsQuote, f.dataModel));
    // beside a product's features, a feature that sizes its stored bytes from the prompt's own nouns already sizes
    // the records the archetypes it rests on keep: their typical stored-bytes figures (an index of a hundred million
    // two-kilobyte documents beside a feed cache of the stated users) would size the same records a second time
    // (a design led by its archetypes, a cache asked for at some product's scale, keeps its own cache size)
    const bytes = new Set(
      owners.filter((_, k) => !archetype[k] && (all[k] ?? []).some(storedBytes)).map((o) => o.owner),
    );
    const sizedByFeature = featureLed(f.branch.kind, f.features, f.archetypes)
      ? sizedByFeatures(f.features, bytes)
      : new Set<string>();
    owners.forEach((o, k) => {
      const excluded = excludedBy(f.decisions, o.owner);
      // a figure that sizes only a rejected option's part (the shards of parallel schedulers beside one scheduler)
      const rejected = unsized(f.decisions, o.owner);
      const list = (all[k] ?? []).filter((r) => !rejected.has(r.id));
      // The dominant archetype shows its whole model; a supporting one (and every one beside a
      // product's features) its first hotspot and storage figures.
      const whole = !archetype[k] || dominant[k];
      // a figure in the words a chosen option excludes sizes the rejected option (purges to every edge site beside a
      // cache cluster), unless another figure of the model is computed from it
      const kept = list.filter(
        (r) => !excluded.some((re) => re.test(r.quantity)) || list.some((x) => x !== r && readsFigure(x, r.id)),
      );
      // a figure held to a bound the prompt states ('visible within 1 second'), and the spare it leaves, is shown
      // whichever model holds it, unless a figure already shown spends that bound
      // so is a figure that reads a bound the prompt states which no figure shown so far reads ('applies route
      // changes within 5 seconds' is read only by a control plane's distribution bandwidth beside a gateway)
      const unreadBound = (r: CapacityRow) =>
        r.inputs.some(
          (i) =>
            STATED_BOUNDS.has(i.name) &&
            f.nfrs.scale[i.name]?.source === "stated" &&
            !rows.some((x) => x.inputs.some((y) => y.name === i.name)),
        );
      const held = new Set(
        kept
          .filter(
            (r) =>
              (r.bound !== undefined &&
                f.nfrs.scale[r.bound.quantity]?.source === "stated" &&
                !rows.some((x) => x.bound?.quantity === r.bound?.quantity)) ||
              (!whole && unreadBound(r)),
          )
          .map((r) => r.id),
      );
      const spends = (r: CapacityRow) => held.has(r.id) || [...held].some((id) => readsFigure(r, id));
      const shown = whole
        ? kept
        : [
            ...kept
              .filter((r) => r.kind === "hotspot" || r.kind === "storage")
              .filter((r) => !(storedBytes(r) && sizedByFeature.has(o.owner)))
              .slice(0, 2),
            ...kept.filter(spends),
          ];
      for (const r of shown) {
        const key = `${r.archetype}:${r.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        // each design gets its own rows, so a caller that edits one never edits another design's
        rows.push({ ...r, inputs: r.inputs.map((i) => ({ ...i })) });
      }
    });
    onceEach(rows);
    // a design served from several regions: its replication lag, recovery point and recovery time (engine/regions.ts)
    const lead = rows[0]?.archetype ?? f.archetypes[0]?.id;
    // a stated spreading bound no other figure spends holds the replication lag (a feed's fan-out path already does)
    const spent = rows.some((r) => r.bound?.quantity === "propagation_seconds");
    if (lead) rows.push(...regionalCapacity(f, lead, !spent).filter((r) => !seen.has(`${r.archetype}:${r.id}`)));
    // a stated number none of these figures reads is an input of the figure its kind sizes (knowledge/capacity/stated.ts)
    if (lead)
      rows.push(
        ...statedUseRows(
          rows,
          capacityScale(f.nfrs, regionsQuote, f.dataModel),
          lead,
          new Map([
            ...impliedRegions(f.nfrs, regionsQuote),
            ...fixedInputs(f.nfrs, impliedCapacity(f.decisions, lead)),
          ]),
        ),
      );
    // a bare product's own service leads the table, as its part leads the drawing
    return shardedByModelKey(
      [...rows.filter((r) => r.archetype === RECORD_PART), ...rows.filter((r) => r.archetype !== RECORD_PART)],
      f.dataModel,
    );
  },
};

/**
 * Each owner with the inputs a chosen option of another owner's decisions carries into it (`implies.carries` beside
 * `composes`: the queue a releaser feeds takes the scheduler's runs a second as its messages a second).
 */
function withCarried(owners: readonly CapacityOwner[], decisions: Fields["decisions"]): readonly CapacityOwner[] {
  const chosen = chosenOptions(decisions);
  return owners.map((o) => {
    const carried = new Map<string, { from: string; why: string }>();
    for (const { option } of chosen)
      if (option.implies?.composes?.some((id) => id === o.owner))
        for (const c of option.implies.carries ?? [])
          if (!carried.has(c.quantity)) carried.set(c.quantity, { from: c.from, why: c.why });
    return carried.size > 0 ? { ...o, carried } : o;
  });
}

/** A sharding figure's words for the key it splits by ("split over by workflow id"). */
const SPLIT_BY = /\bsplit over by ([a-z]+) id\b/;

/**
 * A figure that counts the shards an archetype's state is split over names the key it is split by, and that key is
 * the one its data model partitions the rows by: where every partitioned row of that archetype sits under one key
 * column (a webhook's deliveries and outbox entries both by customer_id, so a customer's order and the transaction
 * that writes a delivery with its outbox entry stay on one primary), the figure says that key, not the archetype's
 * default (workflow id).
 */
function shardedByModelKey(rows: CapacityRow[], model: readonly DataModelRow[]): CapacityRow[] {
  return rows.map((r) => {
    const said = SPLIT_BY.exec(r.quantity);
    if (!said) return r;
    const keys = new Set(
      model.filter((m) => m.archetype === r.archetype && m.partitionKey).map((m) => m.partitionKey as string),
    );
    const key = keys.size === 1 ? /^([a-z]+)_id$/.exec([...keys][0] as string)?.[1] : undefined;
    if (!key || key === said[1]) return r;
    return {
      ...r,
      quantity: r.quantity.replace(SPLIT_BY, `split over by ${key} id (the key the data model partitions them by)`),
    };
  });
}

/** A figure's expression, without its name or spaces: "moving_objects/update_seconds". */
/** Whether a figure's expression reads the figure `id` (the words after its name), by a pattern compiled once. */
/** Bounds a prompt states on how soon something happens everywhere or is noticed (a figure of the design must spend each). */
const STATED_BOUNDS = new Set([
  "propagation_seconds",
  "detection_bound_seconds",
  "failover_seconds",
  "reclaim_bound_seconds",
  "redelivery_bound_seconds",
]);

const readsFigure = (r: Pick<CapacityRow, "formula">, id: string): boolean =>
  pattern(String.raw`\b${id}\b`).test(r.formula.split("=").slice(1).join("="));

const expressionOf = (r: Pick<CapacityRow, "formula">) =>
  r.formula.split(" = ").slice(1).join(" = ").replace(/\s+/g, "");

/**
 * One quantity, one row: a figure that computes the same expression over the same inputs as a figure shown before it
 * (a dispatcher's and a proximity index's location updates, a chat's open connections and the presence feature's
 * online users) is the same quantity under a second name, so it is shown as that quantity read under its own name,
 * never computed a second time. Its id stays, so the decisions and bottlenecks that name it still find it.
 */
function onceEach(rows: CapacityRow[]): void {
  const first = new Map<string, CapacityRow>();
  rows.forEach((r, k) => {
    const expression = expressionOf(r);
    if (!/[-+*/()]/.test(expression)) return;
    const earlier = first.get(expression);
    if (!earlier) {
      first.set(expression, r);
      return;
    }
    if (earlier.id === r.id || Math.abs(earlier.value - r.value) > 1e-9 * Math.max(1, Math.abs(r.value))) return;
    rows[k] = {
      ...r,
      formula: `${r.id} = ${earlier.id}`,
      inputs: [
        {
          name: earlier.id,
          value: earlier.value,
          unit: earlier.unit,
          // a figure another model computes reaches this one as a value it did not state (as shared inputs do)
          source: "assumed",
          because: `not stated; ${earlier.archetype}'s ${earlier.quantity}, ${earlier.formula}: the same quantity, computed once`,
        },
      ],
    };
  });
}
