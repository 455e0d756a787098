import { BOUNDED_COUNT, SPLIT_COUNTER } from "../../knowledge/bounded-counters.js";
import { capacityModel } from "../../knowledge/capacity/index.js";
import { formulaOf } from "../../knowledge/notation/compiled.js";
import { evaluateFormula, formulaVariables } from "../../knowledge/notation/formula.js";
import { fitsParty } from "../../knowledge/parties.js";
import { QUANTITY_BY_ID } from "../../knowledge/quantities.js";
import { fitsTopics, unspokenBesides } from "../../knowledge/topics.js";
import { partlessArchetypes } from "../architecture.js";
import { capacityRows, fixedInputs, type SharedInputs } from "../capacity.js";
import type { Deriver } from "../design/graph.js";
import type { BottleneckRow, CapacityRow, DecisionRow, Nfrs } from "../design/types.js";
import { featureHotspots, featureLed } from "../product/correctness.js";
import { formatQuantity, grouped, SCIENTIFIC_FROM, scientific, shownCount } from "../quantity-format.js";

/** Units that count whole things (one place: the unit layer, engine/quantity-format.ts). */
export { WHOLE_UNITS } from "../quantity-format.js";

import { pattern } from "../text.js";
import { atBase, rankBottlenecks, sameMeasure, withLoad } from "./bottleneck-load.js";
import { archetype, meaningWords } from "./common.js";
import { excludedBy, impliedCapacity, rejectedKeys, unsized } from "./decisions.js";

/**
 * An archetype's whole capacity model, with the values the design's capacity table gives its named inputs: the
 * table shows a supporting archetype's first hotspot and storage figures only, and a bottleneck may read an
 * input or figure of the rest.
 */
function wholeModel(
  id: string,
  capacity: readonly CapacityRow[],
  nfrs: Nfrs,
  decisions: readonly DecisionRow[],
): readonly CapacityRow[] {
  const model = capacityModel(id as Parameters<typeof capacityModel>[0], nfrs.topics);
  if (!model) return [];
  const shared = new Map<string, { value: number; because: string }>();
  for (const r of capacity)
    for (const i of r.inputs)
      if (i.source === "assumed" && !shared.has(i.name))
        shared.set(i.name, { value: i.value, because: i.because.replace(/^not stated; /, "") });
  return capacityRows(model, id, nfrs.scale, fixedInputs(nfrs, impliedCapacity(decisions, id)), shared as SharedInputs);
}

/** Formats a number for people: 20000 -> "20,000", 1.5e9 -> "1.5 billion", 0.25 -> "0.25". */
export function human(x: number): string {
  const abs = Math.abs(x);
  if (abs >= SCIENTIFIC_FROM) return scientific(x);
  if (abs >= 1e12) return `${+(x / 1e12).toPrecision(3)} trillion`;
  if (abs >= 1e9) return `${+(x / 1e9).toPrecision(3)} billion`;
  if (abs >= 1e7) return `${+(x / 1e6).toPrecision(3)} million`;
  if (abs >= 100) return grouped(Math.round(x));
  return String(+x.toPrecision(3));
}

/** One stated value of an estimate: "leases = 200,000 ('200,000 leases')". */
function statedPart(name: string, value: number, unit: string, source: string): string {
  const shown = unit === "s" || /^B(\/|$)/.test(unit) ? formatQuantity(value, unit) : human(value);
  return `${name} = ${shown} (${source})`;
}

/** A capacity figure as a bottleneck's estimate, with the inputs it rests on, worded as `estimate` words them. */
function quoted(figure: CapacityRow): string {
  const parts = figure.inputs.map((i) => {
    const unit = i.unit ?? "";
    if (i.source === "stated") return statedPart(i.name, i.value, unit, i.because.replace(/^the prompt says /, ""));
    if (i.source === "override") return statedPart(i.name, i.value, unit, "set by override");
    return `${i.name} = ${formatQuantity(i.value, unit)} (assumed: ${i.because.replace(/^not stated; /, "")})`;
  });
  const rhs = figure.formula.replace(/^[a-z0-9_]+ = /, "");
  return `${figure.quantity} = ${rhs} ${figure.display}${parts.length > 0 ? `, with ${parts.join("; ")}` : ""}`;
}

/** A value a formula may use beyond the prompt's: a capacity input or figure with how it was reached. */
export interface KnownValue {
  value: number;
  unit: string;
  because: string;
  /** The figure's own id when the value is a figure that decides this quantity ("registry_nodes" for nodes). */
  as?: string;
}

/**
 * Evaluates a starter formula with the prompt's numbers, then the capacity model's inputs and
 * figures, then the quantities' defaults; every value not stated is named as an assumption.
 */
export function estimate(
  expression: string,
  yields: string,
  unit: string,
  scale: Nfrs["scale"],
  known: ReadonlyMap<string, KnownValue> = new Map(),
): string | undefined {
  const expr = formulaOf(expression);
  const vars = [...formulaVariables(expr)];
  const values: Record<string, number> = {};
  const parts: string[] = [];
  let shown = expression;
  for (const v of vars) {
    const s = scale[v];
    const k = known.get(v);
    const q = QUANTITY_BY_ID.get(v);
    if (s) {
      values[v] = s.value;
      parts.push(statedPart(v, s.value, q?.unit ?? "", s.source === "override" ? "set by override" : `'${s.quote}'`));
    } else if (k) {
      values[v] = k.value;
      // a value a figure decides is named by that figure, so one name never holds two values in a design
      if (k.as) shown = shown.replace(new RegExp(`\\b${v}\\b`, "g"), k.as);
      parts.push(`${k.as ?? v} = ${formatQuantity(k.value, k.unit)} (${k.because})`);
    } else if (q?.assumed !== undefined) {
      values[v] = q.assumed;
      parts.push(`${v} = ${formatQuantity(q.assumed, q.unit)} (assumed: ${q.assumedBecause})`);
    } else return undefined;
  }
  const r = evaluateFormula(expr, values);
  if (r === undefined) return undefined;
  return `${yields} = ${shown} ${shownCount(r, unit)}, with ${parts.join("; ")}`;
}

/**
 * The capacity values of one archetype: its inputs (with their reasons) and its figures, then the inputs the
 * design's other models assumed, so a quantity has the one value the capacity table gives it.
 */
function knownFor(archetype: string, rows: readonly CapacityRow[]): Map<string, KnownValue> {
  const out = new Map<string, KnownValue>();
  const addInputs = (r: CapacityRow) => {
    for (const i of r.inputs) {
      if (out.has(i.name) || i.source !== "assumed") continue;
      const unit = i.unit ?? QUANTITY_BY_ID.get(i.name)?.unit ?? "";
      out.set(i.name, { value: i.value, unit, because: `assumed: ${i.because.replace(/^not stated; /, "")}` });
    }
  };
  for (const r of rows) {
    if (r.archetype !== archetype) continue;
    addInputs(r);
    out.set(r.id, { value: r.value, unit: r.unit, because: `capacity: ${r.formula}` });
    if (r.sets && r.sets !== r.id)
      out.set(r.sets, { value: r.value, unit: r.unit, because: `sized by capacity: ${r.formula}`, as: r.id });
  }
  for (const r of rows) if (r.archetype !== archetype) addInputs(r);
  return out;
}

/** "per broker", "per node": a quantity counted per unit of something other than time ("per second" is a rate). */
const PER_UNIT = /\bper\s+(?!(?:sec|second|minute|min|hour|hr|day|week|month|year)s?\b)[a-z]/i;

/**
 * The capacity figure a bottleneck's own formula measures again: the same archetype, the same unit and
 * mostly the same words (at least half of all their words shared). A formula that already reads a capacity
 * figure is built on it and needs no quoting.
 */
export function sameFigure(
  formula: { yields: string; expression: string; unit: string },
  archetypeId: string,
  rows: readonly CapacityRow[],
): CapacityRow | undefined {
  const mine = rows.filter((r) => r.archetype === archetypeId);
  const vars = formulaVariables(formulaOf(formula.expression));
  if (mine.some((r) => vars.has(r.id) || (r.sets !== undefined && vars.has(r.sets) && r.kind !== "count")))
    return undefined;
  // the same expression, at peak or not, is the same quantity: the table's (peak) figure is the one value
  const same = mine.find(
    (r) =>
      sameMeasure(r.unit, formula.unit) &&
      atBase(r.formula.replace(/^[a-z0-9_]+ = /, ""), mine) === atBase(formula.expression, mine),
  );
  if (same) return same;
  const want = meaningWords(formula.yields);
  let best: { row: CapacityRow; score: number } | undefined;
  const overlap = (have: ReadonlySet<string>) =>
    [...want].filter((w) => have.has(w)).length / new Set([...want, ...have]).size;
  for (const r of mine) {
    if (r.unit !== formula.unit) continue;
    // a figure is named by its label and by its id ("storage nodes needed" is `storage_nodes`, however long its
    // label), but an id never names a quantity said per unit ("bandwidth per broker") unless it is one too
    const id = r.id.replace(/_/g, " ");
    const score = Math.max(
      overlap(meaningWords(r.quantity)),
      PER_UNIT.test(formula.yields) === PER_UNIT.test(id) ? overlap(meaningWords(id)) : 0,
    );
    if (score >= 0.5 && (!best || score > best.score)) best = { row: r, score };
  }
  return best?.row;
}

/** A starter formula's quantity as a figure's id: "workers needed (Little's law)" -> workers_needed. */
export const quantityId = (yields: string): string =>
  yields
    .replace(/\([^)]*\)/g, " ")
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");

/**
 * One quantity, one value: the figure another model of the design computes under the very name a bottleneck's own
 * formula yields, in the same unit (an execution fleet's "workers needed" beside a scheduler's `workers_needed`). The
 * model that sizes it owns it, and the bottleneck quotes its figure rather than a second value from its own inputs.
 */
export function namedFigure(
  formula: { yields: string; unit: string },
  rows: readonly CapacityRow[],
): CapacityRow | undefined {
  const id = quantityId(formula.yields);
  return rows.find((r) => r.id === id && r.unit === formula.unit);
}

/** A mitigation's items at the top level: "a (x, y), b, and c" -> ["a (x, y)", "b", "c"]. */
export function mitigationItems(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    else if (ch === "," && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out
    .map((x) =>
      x
        .trim()
        .replace(/^(?:and|or)\s+/, "")
        .replace(/[.]$/, ""),
    )
    .filter((x) => x.length > 0);
}

/** The conjunction a mitigation joins its last item with ("…, or give it its own partition" -> "or"). */
const lastJoin = (text: string): string => /,\s+(and|or)\s+[^,]*$/.exec(text)?.[1] ?? "and";

/** An option a chosen decision rejected, with the wording the chosen option excludes and when the rejected one wins. */
interface Rejected {
  excludes: RegExp[];
  /** An item that names the rejected option as the step to take ("use erasure coding instead of …"). */
  proposes?: RegExp;
  winsWhen?: string;
  /** The words a rejected option excludes, which name what the chosen one does: a step in them is already done. */
  done?: boolean;
}

/** Words before an option's name that say it is not the step taken ("instead of erasure coding"). */
const NOT_TAKEN = String.raw`(?<!\b(?:instead of|rather than|than|over|not|no|without|of|from)\s)`;

/**
 * The words that name an option as a step to take: its name up to a colon, comma or parenthesis ("erasure coding
 * (for example …)" is "erasure coding"), where that is two words or more (one word, "cluster" or "replication", is
 * said of too much else), not after words that set it aside. Undefined for a name too short to tell.
 */
export function optionProposal(name: string): RegExp | undefined {
  const head = name.split(/[:,(]/)[0]?.trim().toLowerCase() ?? "";
  const words = head.match(/[a-z][a-z0-9-]*/g) ?? [];
  if (words.length < 2 || words.length > 4) return undefined;
  return pattern(`${NOT_TAKEN}\\b${words.join("[\\s-]+")}\\b`, "i");
}

/** A mitigation item that proposes an option without the condition under which it would win. */
export function proposesOption(item: string, name: string): boolean {
  return optionProposal(name)?.test(item) === true && !/\bif\b/i.test(item);
}

function rejectedBy(decisions: readonly DecisionRow[]): Rejected[] {
  return decisions.flatMap((d) => {
    const chosen = d.options.find((o) => o.id === d.chosen);
    const excludes = (chosen?.implies?.excludes ?? []).map((x) => pattern(x, "i"));
    const other = d.options.find((o) => o.id !== d.chosen);
    const done = d.options
      .filter((o) => o.id !== d.chosen && (o.implies?.excludes ?? []).length > 0)
      .map((o) => ({ excludes: (o.implies?.excludes ?? []).map((x) => pattern(x, "i")), done: true }));
    // a rejected option named as the step to take is the later change its win condition would bring
    const named = d.options
      .filter((o) => o.id !== d.chosen)
      .flatMap((o) => {
        const proposes = optionProposal(o.name);
        return proposes ? [{ excludes: [], proposes, winsWhen: o.winsWhen?.replace(/[.]$/, "") }] : [];
      });
    // a step in a rejected option's key phrase ("keep near-term buckets in an in-memory timing wheel" beside a polled
    // index chosen) is that option's, said under the condition it wins on
    const keyed = rejectedKeys([d], decisions).map((k) => ({
      excludes: [],
      proposes: k.re,
      winsWhen: k.option.winsWhen?.replace(/[.]$/, ""),
    }));
    return [
      ...(excludes.length > 0 ? [{ excludes, winsWhen: other?.winsWhen?.replace(/[.]$/, "") }] : []),
      ...done,
      ...named,
      ...keyed,
    ];
  });
}

/**
 * A mitigation that agrees with the design: an item in the words a chosen decision excludes ("keep rollups
 * long" beside raw samples for the whole retention) is said as what would change the decision ("… if retention
 * runs to months"), or left out when the rejected option says no condition; an item in the words a rejected
 * option excludes is what the chosen one already does and is left out; an item that moves data to
 * something the design already has ("move blocks to object storage" where object storage is the chosen store)
 * is left out as already done; where a rule of the design bounds a counted value (`bounded`), a step that splits a
 * counter into parts summed on read is left out, since no one write would see the whole value. Undefined when
 * nothing is left.
 */
export function agreeingMitigation(
  text: string,
  rejected: readonly Rejected[],
  have: readonly string[],
  bounded = false,
): string | undefined {
  const owned = have.map((h) => h.toLowerCase());
  const items: string[] = [];
  const all = mitigationItems(text);
  for (const item of all) {
    // a counter split into parts summed on read cannot enforce a bound on its value in one write
    if (bounded && SPLIT_COUNTER.test(item)) continue;
    const r = rejected.find(
      (x) => !x.done && (x.excludes.some((re) => re.test(item)) || (x.proposes?.test(item) && !/\bif\b/i.test(item))),
    );
    if (r) {
      if (r.winsWhen) items.push(`${item} if ${r.winsWhen}`);
      continue;
    }
    // a step a chosen option already takes ("downsample older data" beside rollups chosen) is not proposed again
    if (rejected.some((x) => x.done && x.excludes.some((re) => re.test(item)))) continue;
    const target = /\b(?:move|moves|moving|tier|offload|put)\b.*?\b(?:to|into|onto|on)\s+(.+)$/i.exec(item)?.[1];
    const words = target?.toLowerCase().match(/[a-z]{3,}/g) ?? [];
    if (words.length > 0 && owned.some((h) => words.every((w) => h.includes(w)))) continue;
    items.push(item);
  }
  if (items.length === 0) return undefined;
  // a step said under the rejected option's condition is an alternative to the rest: "…, or downsample … if …"
  const conditioned = rejected.some((r) => r.winsWhen && items[items.length - 1]?.endsWith(` if ${r.winsWhen}`));
  // nothing changed: the card's own wording, joins and sentences as written
  if (items.length === all.length && items.every((x, i) => x === all[i])) return text;
  const said =
    items.length === 1
      ? (items[0] ?? "")
      : conditioned
        ? `${items.slice(0, -1).join(", ")}, or ${items[items.length - 1]}`
        : `${items.slice(0, -1).join(", ")}${items.length > 2 ? "," : ""} ${lastJoin(text)} ${items[items.length - 1]}`;
  // the card's own case for the first word (a lower-case mitigation stays lower case where a sentence quotes it)
  const first = /^[A-Z]/.test(text.trim()) ? said.charAt(0).toUpperCase() : said.charAt(0);
  return `${first}${said.slice(1)}${/[.]$/.test(text.trim()) ? "." : ""}`;
}

export const bottlenecksField: Deriver<"bottlenecks"> = {
  field: "bottlenecks",
  category: "Derived",
  reads: [
    "branch",
    "archetypes",
    "features",
    "nfrs",
    "primaryState",
    "capacity",
    "decisions",
    "technology",
    "components",
    "invariants",
  ],
  rule: "a mitigation keeps only what agrees with the chosen decisions (and no step that splits a counter into parts summed on read where a rule bounds a counted value) (an item in the words a chosen option excludes, or naming a rejected option as the step to take, is said with the condition under which the rejected option wins; one in the words a rejected option excludes is what the chosen one already does and is left out) and what the design does not already have (moving data to the chosen store); the dominant archetype's first bottleneck is the first hotspot; the rest and each supporting archetype's first follow; a starter formula that measures a figure the capacity table has quotes that figure (one source of numbers per design), other starter formulas are evaluated with the prompt's numbers and the capacity model's inputs and figures, and a bottleneck without a formula quotes its archetype's hotspot figure; each row carries its load (the capacity figure that sizes it) and the per-unit ceiling that figure is checked against, with its source and the share used; a row the prompt's numbers sized comes first, and a row whose load is in the measure the prompt stated (misses out of stated reads) comes ahead of one that an assumed ratio turned into another measure (writes out of stated reads) or that rests on assumptions alone, whatever card it comes from; a row of the first one's archetype that loads the same unit to a larger share of its ceiling moves ahead of it; in a product design each feature's heaviest load (its own capacity figure) leads, heaviest first, when it is an order of magnitude more work for one unit than that first row (or more than one store node's work when the first row has no comparable load), and follows the first row otherwise; each row says why it ranks where it does",
  derive: (f) => {
    const out: BottleneckRow[] = [];
    // an archetype's capacity values, gathered once for all of its bottlenecks
    const known = new Map<string, Map<string, KnownValue>>();
    const knownOf = (id: string) => {
      let k = known.get(id);
      if (!k) {
        const shown = new Set(f.capacity.filter((r) => r.archetype === id).map((r) => r.id));
        // a figure of a rejected option's part (the shards of parallel schedulers) is no value of this design
        const unsizedHere = unsized(f.decisions, id);
        const hidden = wholeModel(id, f.capacity, f.nfrs, f.decisions).filter(
          (r) => !shown.has(r.id) && !unsizedHere.has(r.id),
        );
        k = knownFor(id, [...f.capacity, ...hidden]);
        // a value a chosen option fixes (one scheduler loop: the placements are not split) that no figure reads
        for (const [name, fixed] of impliedCapacity(f.decisions, id))
          if (!k.has(name) && f.nfrs.scale[name]?.source !== "stated")
            k.set(name, {
              value: fixed.value,
              unit: QUANTITY_BY_ID.get(name)?.unit ?? "",
              because: `assumed: ${fixed.because}`,
            });
        known.set(id, k);
      }
      return k;
    };
    const rejected = rejectedBy(f.decisions);
    const excluded = (owner: string) => excludedBy(f.decisions, owner);
    const absorbed = new Set<string>(f.archetypes[0]?.variant?.absorbs ?? []);
    const have = [...f.technology.flatMap((t) => t.choices.map((c) => c.product)), ...f.components.map((c) => c.name)];
    const partless = partlessArchetypes(f);
    const led = featureLed(f.branch.kind, f.features, f.archetypes);
    const bounded = f.invariants.some((i) => BOUNDED_COUNT.test(i.statement));
    // each product feature's heaviest load, measured by its own capacity figure (a product design's only)
    const featureRows = new Set<BottleneckRow>();
    // one hotspot per feature: its first whose figure the design sizes, one built on a number the prompt states
    // before one resting on assumptions alone (a channel's stated 100,000 members before an assumed user base)
    const hot = new Set<string>();
    const onStated = (figure: string, feature: string) =>
      f.capacity.some((c) => c.archetype === feature && c.id === figure && c.inputs.some((i) => i.source === "stated"));
    const hotspots = led ? featureHotspots(f.features, unspokenBesides(f.nfrs.topics)) : [];
    const byScale = [
      ...hotspots.filter((h) => onStated(h.figure, h.feature)),
      ...hotspots.filter((h) => !onStated(h.figure, h.feature)),
    ];
    for (const h of byScale) {
      const figure = f.capacity.find((c) => c.archetype === h.feature && c.id === h.figure);
      // a load in the words the feature's chosen option excludes is the rejected option's (fixed places move no pins)
      if (hot.has(h.feature) || !figure || excludedBy(f.decisions, h.feature).some((re) => re.test(h.bottleneck)))
        continue;
      hot.add(h.feature);
      // checked against the feature's own per-unit ceiling where one of its figures divides this load by what one unit
      // handles (a music service's egress over what one edge server sends)
      const row: BottleneckRow = withLoad(
        f.capacity.filter((c) => c.archetype === h.feature),
        {
          bottleneck: h.bottleneck,
          mitigation: agreeingMitigation(h.mitigation, rejected, have, bounded) ?? h.mitigation,
          archetype: h.archetype,
          rank: "next",
          // the formula names the quantity it yields, as a starter formula does
          formula: `${figure.quantity} = ${figure.formula.replace(/^[a-z0-9_]+ = /, "")} (${figure.unit})`,
          estimate: quoted(figure),
        },
      );
      featureRows.add(row);
    }
    f.archetypes.forEach((ra, i) => {
      // an archetype the design draws no part of has no bottleneck of its own, nor one whose heaviest load a feature's
      // own figure measures (a photo app's delivery egress on the object store it rests on, not the card's fleet-wide
      // release of one artifact)
      if (partless.has(ra.id) || [...featureRows].some((r) => r.archetype === ra.id)) return;
      const a = archetype(ra.id);
      // a row about one kind of outside party (a provider account's rate limit) only where the effects reach it
      // and a row about one subject (an order book's hottest symbol) only where the design speaks of it
      const unspoken = unspokenBesides(f.nfrs.topics);
      // a row in the words a chosen option excludes is the rejected option's (an edge's purge fan-out beside a cache cluster)
      const mine = a.bottlenecks.filter(
        (b) =>
          fitsParty(b, f.nfrs.party?.value) &&
          fitsTopics(b, unspoken) &&
          !excluded(ra.id).some((re) => re.test(b.bottleneck)),
      );
      // the lead's own rows, and those of an archetype its variant absorbs (a look-aside cache's tier); a supporting one's
      // first. In a design a feature leads, no card is the subject: each feature's own heaviest load stands for it
      // (below), and a substrate's card, written for the system it is named after (an artifact registry's fleet-wide
      // release beside a photo app's uploads), gives its first row only
      const list = (i === 0 && !led) || absorbed.has(ra.id) ? mine : mine.slice(0, 1);
      for (const b of list) {
        const row: BottleneckRow = {
          bottleneck: b.bottleneck,
          mitigation: agreeingMitigation(b.mitigation, rejected, have, bounded) ?? b.mitigation,
          archetype: a.id,
          rank: out.length === 0 ? "first hotspot" : "next",
        };
        const figure = b.formula
          ? (sameFigure(b.formula, a.id, f.capacity) ?? namedFigure(b.formula, f.capacity))
          : undefined;
        // a quantity another model owns, whose row the table already has, is one row, not two
        if (figure && figure.archetype !== a.id && out.some((o) => o.formula === `${figure.formula} (${figure.unit})`))
          continue;
        if (figure) {
          // one source of numbers per design: the capacity table's figure, not a second estimate of it
          row.formula = `${figure.formula} (${figure.unit})`;
          row.estimate = quoted(figure);
        } else if (b.formula) {
          row.formula = `${b.formula.yields} = ${b.formula.expression} (${b.formula.unit})`;
          const e = estimate(b.formula.expression, b.formula.yields, b.formula.unit, f.nfrs.scale, knownOf(a.id));
          if (e) row.estimate = e;
        }
        out.push(row);
      }
    });
    // A bottleneck without a formula of its own quotes its archetype's hotspot figure from the capacity model.
    for (const r of out) {
      if (r.estimate) continue;
      const hot = f.capacity.find((c) => c.archetype === r.archetype && c.kind === "hotspot");
      if (hot && !out.some((o) => o.estimate?.startsWith(hot.quantity)))
        r.estimate = `${hot.quantity}: ${hot.formula} ${hot.display}`;
    }
    // each row's load and ceiling, then the order they rank in (rankBottlenecks says why)
    return rankBottlenecks(
      [...featureRows, ...out.map((r) => withLoad(f.capacity, r))],
      f.archetypes[0]?.id,
      (r) => featureRows.has(r),
      f.capacity,
    );
  },
};
