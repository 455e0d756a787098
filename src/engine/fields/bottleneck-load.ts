import { STORAGE_COST } from "../../knowledge/mechanisms/serves.js";
import { formulaOf } from "../../knowledge/notation/compiled.js";
import type { Expr } from "../../knowledge/notation/formula.js";
import { QUANTITY_BY_ID } from "../../knowledge/quantities.js";
import type { BottleneckCeiling, BottleneckRank, BottleneckRow, CapacityRow } from "../design/types.js";
import { contentStems, stemOverlap } from "../text.js";

/**
 * Each bottleneck's load and ceiling, and the order they rank in, as structured values: the capacity figure that
 * sizes it, the per-unit ceiling that figure is checked against (what one leader, primary, core or provider
 * account handles, with where that number comes from), the share of that ceiling the load uses, and why the row
 * ranks where it does. The design's `bottlenecks` order comes from here, and the script speaks from these values.
 */

/** A figure's expression, parsed (the row's formula is "id = expression"). */
function expressionOf(f: CapacityRow): Expr | undefined {
  const rhs = f.formula.split(" = ").slice(1).join(" = ").trim();
  if (!rhs) return undefined;
  try {
    return formulaOf(rhs);
  } catch {
    return undefined;
  }
}

/**
 * An expression as its base rate reads it, so the same quantity at peak or not is one: "peak_" prefixes go, and a
 * figure that is only another figure times the peak factor ("peak_ops_per_sec = writes_per_sec * peak_factor")
 * is replaced by that other figure ("peak_ops_per_sec * participants" -> "writes_per_sec*participants").
 */
export function atBase(expression: string, rows: readonly CapacityRow[]): string {
  const peakOf = new Map<string, string>();
  for (const r of rows) {
    const m = /^[a-z0-9_]+ = ([a-z0-9_]+) \* peak_factor$/.exec(r.formula);
    if (m?.[1]) peakOf.set(r.id, m[1]);
  }
  return expression
    .replace(/[a-z][a-z0-9_]*/g, (v) => peakOf.get(v) ?? v)
    .replace(/\bpeak_/g, "")
    .replace(/\s+/g, "");
}

/** The first division in an expression, read from the left: "load / (per_unit * utilisation)" -> [load, per_unit]. */
function divisionOf(e: Expr | undefined): [string, string] | undefined {
  if (e?.kind !== "bin") return undefined;
  if (e.op === "/" && e.left.kind === "var") {
    let r: Expr = e.right;
    while (r.kind === "bin") r = r.left;
    return r.kind === "var" ? [e.left.name, r.name] : undefined;
  }
  return divisionOf(e.left);
}

/** A figure that is another figure split evenly over a count ("messages_per_partition = peak / partitions"). */
export function splitOf(
  capacity: readonly CapacityRow[],
  f: CapacityRow,
): { total: CapacityRow; over: CapacityRow } | undefined {
  const e = expressionOf(f);
  if (e?.kind !== "bin" || e.op !== "/" || e.left.kind !== "var" || e.right.kind !== "var") return undefined;
  const { left, right } = e;
  const total = capacity.find((c) => c.id === left.name);
  const over = capacity.find((c) => c.id === right.name);
  return total && over ? { total, over } : undefined;
}

/** The unit a capacity is planned per, from its label: "… planned per log partition" -> "partition", "… one database primary handles" -> "primary". */
export function perUnit(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const per = /\bper (?:[a-z]+ )?([a-z]+)$/.exec(label);
  if (per?.[1] && per[1] !== "second") return per[1];
  return /\bone (?:[a-z]+ )?([a-z]+) (?:sustains|handles|serves|holds)\b/.exec(label)?.[1];
}

/**
 * The ceiling a figure is checked against: a headroom or count figure that divides the load (or the total it
 * is an even split of) by a planned per-unit capacity ("peak_lease_writes / leader_writes_per_sec"), or the
 * figure's own formula when it does ("samples_per_sec / distributor_samples_per_core"). A number with no
 * ceiling (bytes in object storage, rows in a table) is not a limit, however large.
 */
export function ceilingOfFigure(capacity: readonly CapacityRow[], f: CapacityRow): BottleneckCeiling | undefined {
  const own = expressionOf(f);
  const loads = new Set([f.id, ...(own?.kind === "var" ? [own.name] : [])]);
  const total = splitOf(capacity, f)?.total;
  if (total) loads.add(total.id);
  const divides = (c: CapacityRow): BottleneckCeiling | undefined => {
    // a count sized by the larger of several loads ("max(writes / per_partition, egress / per_server)") is the
    // ceiling of each load it divides
    const divs = divisionsOf(expressionOf(c));
    const div = c === f ? divs[0] : divs.find((d) => loads.has(d[0]));
    if (!div) return undefined;
    // a time to copy or repair ("state over a node's bandwidth") is no ceiling: only a count of units or a share of one
    if (c.kind !== "headroom" && c.kind !== "count") return undefined;
    const input = c.inputs.find((x) => x.name === div[1]);
    const per = perUnit(QUANTITY_BY_ID.get(div[1])?.label);
    if (!input || !per) return undefined;
    return {
      figure: c.id,
      kind: c.kind,
      load: div[0],
      per,
      input: input.name,
      value: input.value,
      ...(input.unit !== undefined ? { unit: input.unit } : {}),
      source: input.source,
      because: input.because,
      ...(c.kind === "headroom" ? { share: c.value } : {}),
    };
  };
  return divides(f) ?? capacity.map(divides).find((x) => x !== undefined);
}

/**
 * The count that acts on a share of one unit's ceiling: a count figure dividing the same load by the same
 * per-unit input ("outbox_writes / (primary_writes_per_sec * target_utilisation)" for "outbox_writes /
 * primary_writes_per_sec"), so a load past what one unit handles is split over as many units as it needs.
 */
export function countFor(capacity: readonly CapacityRow[], share: CapacityRow): CapacityRow | undefined {
  const div = divisionOf(expressionOf(share));
  if (!div) return undefined;
  return capacity.find((c) => {
    if (c === share || c.kind !== "count") return false;
    return divisionsOf(expressionOf(c)).some((d) => d[0] === div[0] && d[1] === div[1]);
  });
}

/**
 * The divisions a count is sized by: its own, or each argument's of a larger-of ("max(writes / per_leader_writes,
 * keepalives / per_leader_requests)": groups enough for whichever load needs more).
 */
function divisionsOf(e: Expr | undefined): [string, string][] {
  if (e?.kind === "call" && e.fn === "max") return e.args.flatMap((a) => divisionsOf(a));
  const d = divisionOf(e);
  return d ? [d] : [];
}

/** The capacity figure that sizes a bottleneck: the one its formula names (by quantity or id), else the one sharing most words with it. */
export function figureOfBottleneck(capacity: readonly CapacityRow[], b: BottleneckRow): CapacityRow | undefined {
  const lhs = b.formula?.split(" = ")[0]?.trim();
  const exact = lhs ? capacity.find((c) => c.quantity === lhs || c.id === lhs) : undefined;
  if (exact) return exact;
  const words = contentStems(b.bottleneck);
  const rank = (c: CapacityRow) => ["hotspot", "peak", "rate"].indexOf(c.kind) + 1 || 9;
  // the bottleneck's own archetype's figures first: a substrate's leader load is not the lease store's hotspot
  const own = (c: CapacityRow) => (c.archetype === b.archetype ? 0.5 : 0);
  return capacity
    .map((c, i) => ({ c, i, score: stemOverlap(words, contentStems(`${c.quantity} ${c.id}`)) + own(c) }))
    .filter((x) => x.score >= 1.5)
    .sort((a, b) => b.score - a.score || rank(a.c) - rank(b.c) || a.i - b.i)[0]?.c;
}

/** A bottleneck row with its load (the figure that sizes it) and the ceiling that figure is checked against. */
export function withLoad(capacity: readonly CapacityRow[], b: BottleneckRow): BottleneckRow {
  const f = figureOfBottleneck(capacity, b);
  if (!f) return b;
  const ceiling = ceilingOfFigure(capacity, f);
  return {
    ...b,
    load: { figure: f.id, value: f.value, unit: f.unit },
    ...(ceiling ? { ceiling } : {}),
  };
}

/** The yardstick for a rate with no ceiling of its own: what one in-memory store node serves. */
const YARDSTICK = QUANTITY_BY_ID.get("store_node_ops_per_sec");

/** A per-second count ("writes/s", "msg/s"), not bytes or time: loads of this kind compare with each other. */
const COUNT_RATE = /^(?!B\/)[a-z]+\/s$/;

/** Two units of one measure: equal, or both per-second counts ("msgs/s" and "deliveries/s" count the same sends). */
export const sameMeasure = (a: string, b: string): boolean => a === b || (COUNT_RATE.test(a) && COUNT_RATE.test(b));

/**
 * How many units' worth of work a row's load is: the load over the per-unit ceiling it is checked against
 * (the leader, primary or account it loads), else, for a per-second count with no ceiling, over what one
 * store node serves. Undefined for a row with no load, or a load (bytes, seconds) no unit handles per second.
 */
export function unitsOfLoad(r: BottleneckRow): { value: number; input: string } | undefined {
  const load = r.load;
  if (!load || !(load.value > 0)) return undefined;
  const c = r.ceiling;
  if (
    c &&
    c.value > 0 &&
    (c.unit === undefined || c.unit === load.unit || (COUNT_RATE.test(c.unit) && COUNT_RATE.test(load.unit)))
  )
    return { value: load.value / c.value, input: c.input };
  if (YARDSTICK?.assumed && COUNT_RATE.test(load.unit))
    return { value: load.value / YARDSTICK.assumed, input: YARDSTICK.id };
  return undefined;
}

/**
 * The stated input a row's load is measured in, if there is one: the prompt gave this figure's own measure
 * (a stated rate of the same count, or requests of any kind; a stated size or count in the same unit), so the
 * load rests on the prompt's number and not on a ratio the prompt never stated that turns it into another one.
 */
export function ownMeasure(capacity: readonly CapacityRow[], r: BottleneckRow): string | undefined {
  const f = r.load ? capacity.find((c) => c.id === r.load?.figure) : undefined;
  if (!f) return undefined;
  const same = (a: string | undefined) =>
    a !== undefined &&
    (a === f.unit || (COUNT_RATE.test(a) && COUNT_RATE.test(f.unit) && (a === "req/s" || f.unit === "req/s")));
  return f.inputs.find((i) => i.source === "stated" && same(i.unit))?.name;
}

/** The stated input a row's load rests on, anywhere in the figures it is computed from. */
const statedInput = (capacity: readonly CapacityRow[], r: BottleneckRow): string | undefined =>
  capacity.find((c) => c.id === r.load?.figure)?.inputs.find((i) => i.source === "stated")?.name;

/**
 * How many times a feature's load must exceed the first row's to lead: loads measured against different
 * yardsticks are compared only when the gap is an order of magnitude. With no comparable first load, a
 * feature leads when its load is more than one unit's worth of work.
 */
const CLEARLY_HEAVIER = 10;

/**
 * The row whose load needs clearly the most units' worth of work against its own per-unit ceiling (the load over what
 * one server, leader or partition handles), among those `eligible`, when it needs at least `CLEARLY_HEAVIER` times
 * the first row's units (or the first row has no measure) and at least that many units itself: where it stands, its units, the
 * per-unit input it is measured against and the first row's units.
 */
export function mostUnits(
  rows: readonly BottleneckRow[],
  eligible: (r: BottleneckRow) => boolean,
): { at: number; units: number; input: string; than?: number } | undefined {
  const lead = rows[0] ? unitsOfLoad(rows[0]) : undefined;
  let best: { at: number; units: number; input: string } | undefined;
  rows.forEach((r, at) => {
    if (!r.ceiling || !eligible(r)) return;
    const u = unitsOfLoad(r);
    // a load a handful of units carry is sized, not hot: only one that takes a fleet of its own overrides the card
    if (!u || u.input !== r.ceiling.input || u.value < CLEARLY_HEAVIER) return;
    if (lead && u.value < lead.value * CLEARLY_HEAVIER) return;
    if (!best || u.value > best.units) best = { at, units: u.value, input: u.input };
  });
  return best ? { ...best, ...(lead ? { than: lead.value } : {}) } : undefined;
}

/**
 * The rows in the order they are said, each with why it ranks there: the dominant archetype's card order, each
 * supporting archetype's first after them; a row the prompt's own numbers sized moves first (it is the one the
 * prompt sized); a row of the first one's archetype that loads the same single unit to a larger share of its
 * ceiling moves ahead of it, so a number is never called the hottest while another on the same box is closer to
 * what that box handles; and the product's own features' loads (`fromFeature`) lead, heaviest first, when they
 * are clearly more units' worth of work (`unitsOfLoad`) than that first row, or that first row rests on assumptions
 * alone, or else follow it.
 */
export function rankBottlenecks(
  rows: readonly BottleneckRow[],
  dominant: string | undefined,
  fromFeature: (r: BottleneckRow) => boolean = () => false,
  capacity: readonly CapacityRow[] = [],
): BottleneckRow[] {
  const out = rows.filter((r) => !fromFeature(r)).map((r) => ({ ...r }));
  // sized by the prompt: its estimate quotes the prompt or an override, or a figure it is computed from reads a stated number
  const stated = (r: BottleneckRow) =>
    (r.estimate !== undefined && /\('[^']+'\)|set by override/.test(r.estimate)) ||
    statedInput(capacity, r) !== undefined;
  const sized = out.findIndex((r) => stated(r) && r.archetype === out[0]?.archetype);
  let first: BottleneckRank | undefined;
  if (sized > 0) {
    const [row] = out.splice(sized, 1);
    if (row) out.unshift(row);
    first = { code: "sized-by-prompt", refs: [row?.load?.figure ?? row?.bottleneck ?? ""] };
  }
  // a load the prompt sized that is checked against an outside party's per-account ceiling (a push gateway's
  // project quota, a provider's rate limit) leads: no scaling of our own boxes raises that limit
  const party = out.findIndex((r) => r.ceiling?.per === "account" && statedInput(capacity, r) !== undefined);
  if (party > 0) {
    const [row] = out.splice(party, 1);
    if (row) {
      out.unshift(row);
      first = { code: "sized-by-prompt", refs: [row.load?.figure ?? row.bottleneck, statedInput(capacity, row) ?? ""] };
    }
  }
  // a load in the prompt's own measure (misses out of stated reads) outranks one converted into another measure
  // through an assumed ratio (writes out of stated reads) or built on assumptions alone, whichever card it is from
  const own = (r: BottleneckRow) => ownMeasure(capacity, r);
  if (out[0] && own(out[0]) === undefined) {
    const at = out.findIndex((r) => own(r) !== undefined);
    const [row] = at > 0 ? out.splice(at, 1) : [];
    if (row) {
      out.unshift(row);
      first = { code: "sized-by-prompt", refs: [row.load?.figure ?? row.bottleneck, own(row) ?? ""] };
    }
  }
  // a storage cost (bytes kept several times) is paid for, not run hot: the first row that loads a unit leads it
  if (out[0] && STORAGE_COST.test(out[0].bottleneck)) {
    const at = out.findIndex((r) => !STORAGE_COST.test(r.bottleneck));
    const [row] = at > 0 ? out.splice(at, 1) : [];
    if (row) {
      first = {
        code: "load-before-storage-cost",
        refs: [row.load?.figure ?? row.bottleneck, out[0]?.bottleneck ?? ""],
      };
      out.unshift(row);
    }
  }
  const b0 = out[0];
  const c0 = b0?.ceiling;
  if (b0 && c0?.kind === "headroom") {
    const rival = out
      .slice(1)
      .map((b, i) => ({ b, i: i + 1 }))
      .filter(
        ({ b }) =>
          b.archetype === b0.archetype &&
          (own(b) !== undefined || own(b0) === undefined) &&
          b.ceiling?.kind === "headroom" &&
          b.ceiling.per === c0.per &&
          (b.ceiling.share ?? 0) > (c0.share ?? 0),
      )
      .sort((a, b) => (b.b.ceiling?.share ?? 0) - (a.b.ceiling?.share ?? 0))[0];
    if (rival) {
      out.splice(rival.i, 1);
      out.unshift(rival.b);
      first = { code: "closest-to-shared-ceiling", refs: [rival.b.ceiling?.figure ?? "", c0.figure] };
    }
  }
  // a load the prompt's numbers size that needs clearly more units (servers, leaders, partitions) than the first row's
  // leads: the first hotspot is the one furthest past what one unit handles, not the card's first row
  // (among the first row's own archetype's and the dominant one's rows: a supporting archetype's load is weighed
  // against the product's as a feature's is, below)
  const home = out[0]?.archetype;
  const heaviest = mostUnits(
    out,
    (r) => (r.archetype === home || r.archetype === dominant) && statedInput(capacity, r) !== undefined,
  );
  if (heaviest && heaviest.at > 0) {
    const [row] = out.splice(heaviest.at, 1);
    if (row) {
      const was = out[0];
      out.unshift(row);
      first = {
        code: "most-units",
        refs: [
          row.load?.figure ?? row.bottleneck,
          heaviest.input,
          String(+heaviest.units.toPrecision(3)),
          was?.load?.figure ?? was?.bottleneck ?? "",
          String(+(heaviest.than ?? 0).toPrecision(3)),
        ],
      };
    }
  }
  // the product's own loads, those the prompt's numbers sized first (an assumed volume never outranks a stated one:
  // a channel's stated 100,000 members before presence pushes over an assumed user base), then heaviest first:
  // ahead of the first row when heavier than it, else right after it
  const lead = out[0] ? unitsOfLoad(out[0]) : undefined;
  const features = rows
    .filter(fromFeature)
    .map((r) => ({ r: { ...r }, units: unitsOfLoad(r), sized: stated(r) }))
    .sort((a, b) => Number(b.sized) - Number(a.sized) || (b.units?.value ?? -1) - (a.units?.value ?? -1));
  // a first row built on assumptions alone (a substrate's typical figures: an outbox's workflow rate, a registry's
  // heartbeats) yields to the product's own sized loads, which are written for this product (a sale's partition)
  const headFigure = capacity.find((c) => c.id === out[0]?.load?.figure);
  const guessedHead = out[0] !== undefined && headFigure !== undefined && !stated(out[0]);
  const ahead = features.filter(
    (x) => x.units && (guessedHead || x.units.value >= (lead ? lead.value * CLEARLY_HEAVIER : 1)),
  );
  const after = features.filter((x) => !ahead.includes(x));
  const said = (x: (typeof features)[number]): BottleneckRank =>
    x.units
      ? { code: "feature-load", refs: [x.r.load?.figure ?? "", x.units.input] }
      : { code: "feature-load", refs: [] };
  const why = new Map<BottleneckRow, BottleneckRank>(features.map((x) => [x.r, said(x)]));
  const head = out.slice(0, 1);
  // with no card row to weigh them against (each substrate's heaviest load is a feature's own), the product's loads
  // keep their order: sized by the prompt first, then heaviest
  const ordered =
    out.length === 0
      ? features.map((x) => x.r)
      : ahead.length > 0
        ? [...ahead.map((x) => x.r), ...head, ...after.map((x) => x.r), ...out.slice(1)]
        : [...head, ...after.map((x) => x.r), ...out.slice(1)];
  return ordered.map((r, i) => ({
    ...r,
    rank: i === 0 ? "first hotspot" : "next",
    why:
      why.get(r) ??
      (r === out[0] && first
        ? first
        : i === 0 || r === b0
          ? { code: "dominant-first", refs: [r.archetype] }
          : r.archetype === dominant
            ? { code: "dominant-card-order", refs: [r.archetype] }
            : { code: "supporting-first", refs: [r.archetype] }),
  }));
}
