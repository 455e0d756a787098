/**
 * Evaluates capacity models: every input is stated (with the prompt's words), set by an
 * override, or assumed (with the archetype's typical value and why it is typical); every
 * figure is `id = expression = value unit`, and later figures build on earlier ones.
 */
import { capacityModel } from "../knowledge/capacity/index.js";
import {
  CLIENT_PATH,
  DIRECT_PATH,
  IN_REGION_PATH,
  latencyPathFigures,
  REGION_REACH,
} from "../knowledge/capacity/latency.js";
import {
  ALERT_INPUTS,
  ALERT_PATH_FIGURES,
  REGION_SPREAD_PATH,
  rollbackInputs,
  rollbackPathFigures,
  SITES_SPREAD_PATH,
  SPREAD_EVERYWHERE,
  SPREAD_FANOUT,
  spreadPathFigures,
} from "../knowledge/capacity/spread.js";
import { COUNTED_ONLY, RECORD_SIZED, recordBytesOf, STATED_USES } from "../knowledge/capacity/stated.js";
import type { CapacityModel, LatencyPath } from "../knowledge/capacity/types.js";
import { FEATURE_BY_ID } from "../knowledge/features/index.js";
import { countsAmount } from "../knowledge/lexicon.js";
import { formulaOf } from "../knowledge/notation/compiled.js";
import { evaluateFormula, formulaVariables } from "../knowledge/notation/formula.js";
import { RECORD_CAPACITY } from "../knowledge/product-record.js";
import { BRIDGES_TO, QUANTITY_BY_ID, ROLE_FLEETS, STATED_FLEETS, TWINS_OF } from "../knowledge/quantities.js";
import { partlessArchetypes } from "./architecture.js";
import { singularOf } from "./counted-nouns.js";
import type { CapacityInput, CapacityRow, Fields, Nfrs } from "./design/types.js";
import { scaleReason } from "./nfr-parse.js";
import { featureLed as isFeatureLed } from "./product/correctness.js";
import { RECORD_PART } from "./product/record.js";
import { approx, formatQuantity, shownCount, WHOLE_UNITS, wholeCount } from "./quantity-format.js";
import { recordSizeOf } from "./record-size.js";

interface Known {
  value: number;
  /** The stated, overridden or assumed inputs this value rests on (itself, for a leaf). */
  inputs: CapacityInput[];
}

function merge(lists: CapacityInput[][]): CapacityInput[] {
  const out: CapacityInput[] = [];
  for (const l of lists) for (const i of l) if (!out.some((o) => o.name === i.name)) out.push(i);
  return out;
}

function statedInput(name: string, s: Nfrs["scale"][string]): Known {
  return {
    value: s.value,
    inputs: [
      {
        name,
        value: s.value,
        source: s.source,
        because: scaleReason(s),
      },
    ],
  };
}

/**
 * An input the prompt leaves out, read back from a stated one the model derives from it: when the model
 * says `samples_per_sec` comes from `series / scrape_seconds` and the prompt states samples per second,
 * then series = samples_per_sec * scrape_seconds, not a typical count that ignores the stated rate.
 * Only a single product or quotient is inverted; the other operand is looked up as usual.
 */
function invertedFrom(
  name: string,
  model: CapacityModel,
  statedOf: (name: string) => Known | undefined,
  lookup: (name: string) => Known | undefined,
): { value: number; inputs: CapacityInput[]; expression: string; why: string } | undefined {
  for (const other of model.inputs) {
    if (other.quantity === name) continue;
    const stated = statedOf(other.quantity);
    if (!stated) continue;
    const derivations = other.from === undefined ? [] : Array.isArray(other.from) ? other.from : [other.from];
    for (const d of derivations) {
      const m = /^\s*([a-z_][a-z0-9_]*)\s*([*/])\s*([a-z_][a-z0-9_]*)\s*$/.exec(d.expression);
      if (!m) continue;
      const [, left = "", op, right = ""] = m;
      if (left !== name && right !== name) continue;
      const operand = left === name ? right : left;
      const k = lookup(operand);
      if (!k || k.value <= 0) continue;
      const y = other.quantity;
      // y = name / a -> name = y * a; y = name * a (or a * name) -> name = y / a; y = a / name -> name = a / y
      const [expression, value] =
        op === "*"
          ? [`${y} / ${operand}`, stated.value / k.value]
          : left === name
            ? [`${y} * ${operand}`, stated.value * k.value]
            : [`${operand} / ${y}`, k.value / stated.value];
      if (!(value > 0) || !Number.isFinite(value)) continue;
      return {
        value,
        inputs: merge([stated.inputs, k.inputs]),
        expression,
        why: `read back from ${y} = ${d.expression}: ${d.why}`,
      };
    }
  }
  return undefined;
}

/** A value derived from others, with the inputs it rests on and its own row saying how. */
function derivedKnown(
  name: string,
  unit: string,
  d: { expression: string; why: string },
  r: { value: number; inputs: CapacityInput[] },
  also?: string,
): Known {
  return {
    value: r.value,
    inputs: [
      ...r.inputs,
      {
        name,
        value: r.value,
        source: "assumed",
        because: `not stated; derived as ${d.expression} = ${formatQuantity(r.value, unit)} (${d.why})${also ? `; ${also}` : ""}`,
      },
    ],
  };
}

/** Every quantity a capacity model may read: the shared table plus the inputs models declare themselves. */
export function capacityQuantityIds(models: readonly CapacityModel[]): Set<string> {
  const ids = new Set(QUANTITY_BY_ID.keys());
  for (const m of models) for (const i of m.inputs) ids.add(i.quantity);
  return ids;
}

/** An input a chosen decision option fixes, with the decision as its reason. */
/**
 * The quantities a design's figures read: every input not assumed, every bound a figure is checked against, and each
 * one's twin (the latency in ms a budget split reads). A stated number bound to a name outside this set is read by no
 * figure: coherence `stated-number-unused` flags it and the script never says it as a given number.
 */
export function quantitiesRead(capacity: readonly CapacityRow[]): Set<string> {
  const read = new Set<string>();
  for (const r of capacity) for (const i of r.inputs) if (i.source !== "assumed") read.add(i.name);
  for (const r of capacity) if (r.bound) read.add(r.bound.quantity);
  for (const name of [...read]) for (const t of TWINS_OF.get(name) ?? []) read.add(t.twin);
  return read;
}

/**
 * The figures stated numbers no model of the design reads are inputs of (knowledge/capacity/stated.ts): a stated
 * query rate sizes the servers answering it, a stated count of source databases the change-log readers, a stated
 * window length the state the open windows hold. A use joins when one of the quantities it reads is stated, no figure
 * already reads that number (under any name it binds) and the use's own figures read it; its rows carry `owner`.
 */
export function statedUseRows(
  rows: readonly CapacityRow[],
  scale: Nfrs["scale"],
  owner: string,
  implied: ImpliedInputs = NONE_IMPLIED,
): CapacityRow[] {
  const read = quantitiesRead(rows);
  // one stated number binds every name stated from the same words: read under one of them, it is read
  const quoteRead = (name: string) => {
    const q = scale[name]?.quote;
    return Object.entries(scale).some(([n, s]) => s.quote === q && read.has(n));
  };
  // an input the design's own figures already read keeps their value here (one named input, one value in a design):
  // a use never sizes the stated number at a typical record size or replica count beside another figure's
  const design = new Map(implied);
  for (const r of rows)
    for (const i of r.inputs)
      if (i.source === "assumed" && !design.has(i.name))
        design.set(i.name, {
          value: i.value,
          because: `as ${r.archetype} ${r.id} reads it (${i.because.replace(/^not stated;\s*/, "")})`,
        });
  // the record a stated count or rate counts is sized from what the counted thing holds, never another model's value size
  for (const stated of RECORD_SIZED) {
    const s = scale[stated];
    const q = recordBytesOf(stated);
    if (s?.source !== "stated" || scale[q] || design.has(q)) continue;
    const size = recordSizeOf(s.quote);
    design.set(q, { value: size.bytes, because: size.because });
  }
  const out: CapacityRow[] = [];
  for (const use of STATED_USES) {
    // a count of machines, places or copies is read only where the prompt counts it ("3 regions", not "worldwide")
    const counted = (n: string) => !COUNTED_ONLY.has(n) || countsAmount(scale[n]?.quote ?? "");
    const wanted = use.reads.filter(
      (n) => scale[n]?.source === "stated" && counted(n) && (use.ownReading ? !read.has(n) : !quoteRead(n)),
    );
    if (wanted.length === 0) continue;
    // the design's own values are also what a use's `fromDesign` derivation rests on (a queue's messages as its tasks)
    const got = capacityRows(use.model, owner, scale, design, design).filter(
      (r) => !rows.some((x) => x.id === r.id) && !out.some((x) => x.id === r.id),
    );
    if (!got.some((r) => r.inputs.some((i) => wanted.includes(i.name) && i.source !== "assumed"))) continue;
    for (const r of got) {
      out.push({ ...r, inputs: r.inputs.map((i) => ({ ...i })) });
      for (const i of r.inputs) if (i.source !== "assumed") read.add(i.name);
    }
  }
  return out;
}

export type ImpliedInputs = ReadonlyMap<string, { value: number; because: string }>;
const NONE_IMPLIED: ImpliedInputs = new Map();

/**
 * An unstated input another model of the same design already gave a value: the design uses that one
 * value everywhere, and `because` says where it came from.
 */
export type SharedInputs = ReadonlyMap<
  string,
  {
    value: number;
    because: string;
    /** The inputs the figure that computed it read: a model never derives one of them back from it (a cycle). */
    rests?: ReadonlySet<string>;
  }
>;
const NONE_SHARED: SharedInputs = new Map();

function impliedInput(name: string, i: { value: number; because: string }): Known {
  return { value: i.value, inputs: [{ name, value: i.value, source: "assumed", because: `not stated; ${i.because}` }] };
}

/** Every scale entry a model can read: its inputs and every variable of its derivations and figures. */
const MODEL_READS = new WeakMap<CapacityModel, readonly string[]>();

function modelReads(model: CapacityModel): readonly string[] {
  let reads = MODEL_READS.get(model);
  if (!reads) {
    const names = new Set<string>();
    for (const spec of model.inputs) {
      names.add(spec.quantity);
      for (const q of spec.supersededBy ?? []) names.add(q);
      const from = spec.from === undefined ? [] : Array.isArray(spec.from) ? spec.from : [spec.from];
      for (const d of from) for (const v of formulaVariables(formulaOf(d.expression))) names.add(v);
    }
    for (const f of model.figures) for (const v of formulaVariables(formulaOf(f.expression))) names.add(v);
    for (const f of model.figures) if (f.bound) names.add(f.bound);
    // a quantity read through a bridge from another (a record rate from a stated bandwidth) reads that one too
    for (const name of [...names])
      for (const b of BRIDGES_TO.get(name) ?? [])
        for (const v of formulaVariables(formulaOf(b.expression))) names.add(v);
    reads = [...names];
    MODEL_READS.set(model, reads);
  }
  return reads;
}

/**
 * Evaluated models by the scale entries they read: most prompts state no number a model reads, so a model's
 * rows repeat across designs. Bounded; emptied when full.
 */
const EVALUATED = new WeakMap<CapacityModel, Map<string, readonly CapacityRow[]>>();
const EVALUATED_MAX = 256;

/**
 * Evaluates one model with the prompt's scale; figures whose inputs cannot all be found are left out.
 * `implied` holds the inputs the owner's chosen decision options fix: they stand in for any quantity
 * the prompt does not state, ahead of the model's typical values.
 */
export function evaluateCapacity(
  model: CapacityModel,
  owner: string,
  scale: Nfrs["scale"],
  implied: ImpliedInputs = NONE_IMPLIED,
  shared: SharedInputs = NONE_SHARED,
): CapacityRow[] {
  // each design gets its own rows, so a caller that edits one never edits another design's
  return capacityRows(model, owner, scale, implied, shared).map((r) => ({
    ...r,
    inputs: r.inputs.map((i) => ({ ...i })),
  }));
}

/** The same rows, shared with every other reader: for a caller that only reads them. */
export function capacityRows(
  model: CapacityModel,
  owner: string,
  scale: Nfrs["scale"],
  implied: ImpliedInputs = NONE_IMPLIED,
  shared: SharedInputs = NONE_SHARED,
): readonly Readonly<CapacityRow>[] {
  let key = owner;
  for (const name of modelReads(model)) {
    const s = scale[name];
    if (s) key += `\n${name}\t${s.value}\t${s.source}\t${JSON.stringify(s.quote)}`;
  }
  for (const [name, i] of [...implied].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    key += `\n=${name}\t${i.value}\t${JSON.stringify(i.because)}`;
  for (const [name, i] of [...shared].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    key += `\n~${name}\t${i.value}\t${JSON.stringify(i.because)}`;
  let byKey = EVALUATED.get(model);
  if (!byKey) {
    byKey = new Map();
    EVALUATED.set(model, byKey);
  }
  let rows = byKey.get(key);
  if (!rows) {
    rows = evaluateModel(model, owner, scale, implied, shared);
    for (const r of rows) {
      for (const i of r.inputs) Object.freeze(i);
      Object.freeze(r.inputs);
      Object.freeze(r);
    }
    Object.freeze(rows);
    if (byKey.size >= EVALUATED_MAX) byKey.clear();
    byKey.set(key, rows);
  }
  return rows;
}

function evaluateModel(
  model: CapacityModel,
  owner: string,
  scale: Nfrs["scale"],
  implied: ImpliedInputs,
  shared: SharedInputs,
): CapacityRow[] {
  const env = new Map<string, Known>();
  const lookup = (name: string): Known | undefined => {
    const have = env.get(name);
    if (have) return have;
    const s = scale[name];
    if (s) {
      const k = statedInput(name, s);
      env.set(name, k);
      return k;
    }
    const i = implied.get(name) ?? shared.get(name);
    if (i) {
      const k = impliedInput(name, i);
      env.set(name, k);
      return k;
    }
    const b = bridged(name);
    if (b) {
      env.set(name, b);
      return b;
    }
    // an input read only when the prompt states it is never assumed, not even at its quantity's common default
    if (model.inputs.some((x) => x.quantity === name && x.statedOnly)) return undefined;
    const q = QUANTITY_BY_ID.get(name);
    if (q?.assumed !== undefined) {
      const k: Known = {
        value: q.assumed,
        inputs: [
          {
            name,
            value: q.assumed,
            source: "assumed",
            because: `not stated; assumed ${formatQuantity(q.assumed, q.unit)}: ${q.assumedBecause ?? "a common default"}`,
          },
        ],
      };
      env.set(name, k);
      return k;
    }
    return undefined;
  };
  const evalExpr = (expression: string): { value: number; inputs: CapacityInput[] } | undefined => {
    const expr = formulaOf(expression);
    const values: Record<string, number> = {};
    const used: CapacityInput[][] = [];
    for (const v of formulaVariables(expr)) {
      const k = lookup(v);
      if (!k) return undefined;
      values[v] = k.value;
      used.push(k.inputs);
    }
    const value = evaluateFormula(expr, values);
    return value === undefined ? undefined : { value, inputs: merge(used) };
  };
  /** Whether an expression reads a number the prompt states. */
  const restsOnScale = (expression: string): boolean =>
    [...formulaVariables(formulaOf(expression))].some((v) => scale[v] !== undefined);
  /** Whether a bridge rests on the prompt: on a stated number, or on nothing but stated numbers where it says so. */
  const bridgeHolds = (b: { expression: string; allStated?: true; needsOne?: readonly string[] }): boolean =>
    (b.needsOne === undefined || b.needsOne.some((q) => scale[q] !== undefined)) &&
    (b.allStated
      ? [...formulaVariables(formulaOf(b.expression))].every((v) => scale[v] !== undefined)
      : restsOnScale(b.expression));
  /** The quantities being bridged now: a bridge never reads back through another to the one it sizes. */
  const bridging = new Set<string>();
  /** A quantity the prompt states in another unit, read through the first bridge that rests on that number. */
  function bridged(name: string): Known | undefined {
    if (bridging.has(name)) return undefined;
    bridging.add(name);
    try {
      const unit = QUANTITY_BY_ID.get(name)?.unit ?? model.inputs.find((x) => x.quantity === name)?.unit ?? "";
      for (const b of BRIDGES_TO.get(name) ?? []) {
        if (!bridgeHolds(b)) continue;
        const r = evalExpr(b.expression);
        if (r && r.value > 0 && Number.isFinite(r.value) && !(r.value > (b.atMost ?? Number.POSITIVE_INFINITY)))
          return derivedKnown(name, unit, b, r);
      }
      return undefined;
    } finally {
      bridging.delete(name);
    }
  }

  for (const spec of model.inputs) {
    const s = scale[spec.quantity];
    if (s) {
      env.set(spec.quantity, statedInput(spec.quantity, s));
      continue;
    }
    // a stated count of the same thing retires this assumption: the input and the figures that read it leave
    if (spec.supersededBy?.some((q) => scale[q] !== undefined)) continue;
    // a load only the prompt's own number sizes (reads a config fleet also answers) is never assumed
    if (spec.statedOnly) continue;
    const i = implied.get(spec.quantity) ?? shared.get(spec.quantity);
    const unit = QUANTITY_BY_ID.get(spec.quantity)?.unit ?? spec.unit ?? "";
    const derivations = spec.from === undefined ? [] : Array.isArray(spec.from) ? spec.from : [spec.from];
    let derived = false;
    // the model's own derivations that rest on a stated number first, then a bridge from a stated quantity of the
    // same amount in another unit, then (for an input with no typical value) a derivation from assumptions
    const candidates = [
      ...derivations.map((d) => ({ d, bridge: false })),
      ...(BRIDGES_TO.get(spec.quantity) ?? []).map((d) => ({ d, bridge: true })),
    ];
    for (const pass of [0, 1]) {
      for (const { d, bridge } of candidates) {
        if (bridge && (pass === 1 || !bridgeHolds(d))) continue;
        if (!bridge && "allStated" in d && d.allStated && !bridgeHolds(d)) continue;
        // a value computed from this very input (orders a day from orders per user per day) never gives it back
        if ([...formulaVariables(formulaOf(d.expression))].some((v) => shared.get(v)?.rests?.has(spec.quantity)))
          continue;
        const r = evalExpr(d.expression);
        // Derived when something it rests on was stated (or there is no typical value); else the typical value reads better.
        if (!r || r.value <= 0) continue;
        if ("atMost" in d && d.atMost !== undefined && r.value > d.atMost) continue;
        const stated = r.inputs.some((x) => x.source !== "assumed");
        // ... or, where the derivation says so, when every quantity it reads is another model's estimate here
        const designed =
          "fromDesign" in d &&
          d.fromDesign === true &&
          [...formulaVariables(formulaOf(d.expression))].every((v) => shared.has(v) && !scale[v]);
        if (pass === 0 && !stated && !designed) continue;
        if (pass === 1 && spec.typical !== undefined) continue;
        // A value a decision fixes or another model gives stands, unless the prompt's own number gives the same
        // value: then the design reads that number, and the decision is named beside it.
        if (i && !(stated && r.value === i.value)) continue;
        env.set(spec.quantity, derivedKnown(spec.quantity, unit, d, r, i?.because));
        derived = true;
        break;
      }
      if (derived) break;
    }
    if (derived) continue;
    if (i) {
      env.set(spec.quantity, impliedInput(spec.quantity, i));
      continue;
    }
    const inverted = invertedFrom(
      spec.quantity,
      model,
      (name) => {
        const st = scale[name];
        return st ? statedInput(name, st) : bridged(name);
      },
      lookup,
    );
    if (inverted) {
      env.set(spec.quantity, {
        value: inverted.value,
        inputs: [
          ...inverted.inputs,
          {
            name: spec.quantity,
            value: inverted.value,
            source: "assumed",
            because: `not stated; derived as ${inverted.expression} = ${formatQuantity(inverted.value, unit)} (${inverted.why})`,
          },
        ],
      });
      continue;
    }
    if (spec.typical !== undefined) {
      env.set(spec.quantity, {
        value: spec.typical,
        inputs: [
          {
            name: spec.quantity,
            value: spec.typical,
            source: "assumed",
            // the reason after a dash, not "because": a knowledge reason is as often a noun phrase ("an environment's
            // flags and segments as one snapshot") as a clause, and a dash reads right before either
            because: `not stated; typical for ${owner}: ${formatQuantity(spec.typical, unit)} — ${spec.why ?? "the common case"}`,
          },
        ],
      });
    }
  }

  /**
   * The stated bound a figure is held to: a stated quantity, an earlier figure that rests on one, or an input the model
   * derived from a stated bound of another name (a removal bound read from a stated freshness bound): the bound binds
   * to the figure of the path the prompt's words name, whatever name the prompt's words gave it.
   */
  const boundOf = (name: string | undefined): { bound?: { quantity: string; value: number } } => {
    if (!name) return {};
    const stated = scale[name]?.value;
    const figure = rows.find((x) => x.id === name && x.inputs.some((i) => i.source !== "assumed"))?.value;
    const derived = env.get(name);
    const fromStated = derived?.inputs.some((i) => i.source !== "assumed" && i.name !== name)
      ? derived.value
      : undefined;
    const value = stated ?? figure ?? fromStated;
    return value === undefined ? {} : { bound: { quantity: name, value } };
  };
  const unitOf = (name: string) =>
    QUANTITY_BY_ID.get(name)?.unit ?? model.inputs.find((i) => i.quantity === name)?.unit ?? "";
  const rows: CapacityRow[] = [];
  for (const f of dependencyOrder(model.figures)) {
    // a figure that computes a quantity the prompt states ("messages sent per second" beside "1 million
    // messages per second") gives way to the stated number, which every later figure reads
    if (scale[f.id]) continue;
    // a fleet the prompt counts ("on 500 worker machines") is that count: the figure sizing it shows the stated fleet
    // instead of computing another, and every later figure reads it under the figure's name
    const fleet = f.sets && STATED_FLEETS.has(f.sets) ? scale[f.sets] : undefined;
    // a count of the very things the prompt counts ("80 million carts" beside the carts held at once) is that count:
    // the figure shows the stated number instead of an estimate, and every later figure reads it under its name
    const counted = fleet ? undefined : statedCountOf(f, scale);
    const r =
      f.sets && fleet
        ? statedInput(f.sets, fleet)
        : counted
          ? statedInput("population", counted)
          : evalExpr(f.expression);
    if (!r || !Number.isFinite(r.value) || r.value <= 0) continue;
    // a count of whole things (nodes, shards, instances) is rounded up to a whole one, at least one
    const whole = f.ceil === true || WHOLE_UNITS.test(f.unit);
    const value = whole ? wholeCount(r.value) : r.value;
    env.set(f.id, { value, inputs: r.inputs });
    rows.push({
      id: f.id,
      quantity: f.label,
      kind: f.kind,
      formula: `${f.id} = ${fleet ? f.sets : counted ? "population" : f.expression}`,
      value,
      unit: f.unit,
      display: WHOLE_UNITS.test(f.unit)
        ? shownCount(r.value, f.unit)
        : whole
          ? formatQuantity(value, f.unit)
          : approx(value, f.unit),
      inputs: r.inputs.map((i) => {
        const unit = unitOf(i.name);
        return unit ? { ...i, unit } : i;
      }),
      archetype: owner,
      ...(f.sets ? { sets: f.sets } : {}),
      ...boundOf(f.bound),
      ...(fleet || counted ? {} : drivenBy(f.expression, evalExpr)),
    });
  }
  // shown in the model's own order, whatever order the dependencies evaluated them in
  const at = new Map(model.figures.map((f, i) => [f.id, i]));
  return rows.sort((a, b) => (at.get(a.id) ?? 0) - (at.get(b.id) ?? 0));
}

/**
 * A model's figures in the order their dependencies allow: a figure reading another figure of the same model is
 * evaluated after it, wherever the model lists it (a partition count sized by the egress to every group, listed before
 * the egress row), so every reader gets the final value of what it reads; otherwise the model's own order stands.
 */
export function dependencyOrder<F extends { id: string; expression: string }>(figures: readonly F[]): F[] {
  const ids = new Set(figures.map((f) => f.id));
  const reads = new Map(
    figures.map((f) => [f.id, [...formulaVariables(formulaOf(f.expression))].filter((v) => ids.has(v) && v !== f.id)]),
  );
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: F[] = [];
  const byId = new Map(figures.map((f) => [f.id, f]));
  const visit = (f: F): void => {
    if (done.has(f.id) || visiting.has(f.id)) return;
    visiting.add(f.id);
    for (const r of reads.get(f.id) ?? []) {
      const g = byId.get(r);
      if (g) visit(g);
    }
    visiting.delete(f.id);
    done.add(f.id);
    out.push(f);
  };
  for (const f of figures) visit(f);
  return out;
}

/** The top-level arguments of "max(a, b, c)", as written; undefined for any other expression. */
function maxArguments(expression: string): string[] | undefined {
  const e = expression.trim();
  if (!e.startsWith("max(") || !e.endsWith(")")) return undefined;
  const args: string[] = [];
  let depth = 0;
  let start = 4;
  for (let i = 4; i < e.length - 1; i++) {
    const c = e[i];
    if (c === "(") depth++;
    else if (c === ")") {
      depth--;
      if (depth < 0) return undefined;
    } else if (c === "," && depth === 0) {
      args.push(e.slice(start, i).trim());
      start = i + 1;
    }
  }
  if (depth !== 0) return undefined;
  args.push(e.slice(start, e.length - 1).trim());
  return args.length > 1 ? args : undefined;
}

/**
 * Which driver sets a count sized by the larger of several ("max(writes / per_node, egress / per_node_egress)"): the
 * argument that gives the value, and each other one with what it alone would need, so the figure says what set it
 * and what did not ("set by egress, not by writes").
 */
function drivenBy(
  expression: string,
  evalExpr: (e: string) => { value: number } | undefined,
): Pick<CapacityRow, "drivenBy"> {
  const args = maxArguments(expression);
  if (!args) return {};
  const values = args.map((term) => ({ term, value: evalExpr(term)?.value }));
  if (values.some((v) => v.value === undefined || !Number.isFinite(v.value))) return {};
  const terms = values as { term: string; value: number }[];
  const top = terms.reduce((a, b) => (b.value > a.value ? b : a));
  return { drivenBy: { term: top.term, value: top.value, over: terms.filter((t) => t !== top) } };
}

/**
 * The stated population a count figure counts: a figure in units of things (carts) where the prompt counts those very
 * things ("80 million carts", read as `population` because no stated noun lists them).
 */
function statedCountOf(f: { kind: string; unit: string }, scale: Nfrs["scale"]): Nfrs["scale"][string] | undefined {
  const p = scale.population;
  if (!p || f.kind !== "count" || p.source !== "stated") return undefined;
  const noun = /([a-z][a-z'-]*)\s*$/i.exec(p.quote)?.[1]?.toLowerCase();
  return noun !== undefined && singularOf(noun) === singularOf(f.unit.toLowerCase()) ? p : undefined;
}

/**
 * The inputs fixed for one owner: what the prompt's nouns imply (a count of redirects: each answer is a small
 * redirect), then what the owner's chosen decision options fix, which wins.
 */
export function fixedInputs(nfrs: Pick<Nfrs, "implied">, decided: ImpliedInputs = NONE_IMPLIED): ImpliedInputs {
  if (!nfrs.implied) return decided;
  return new Map([...Object.entries(nfrs.implied), ...decided]);
}

/** Each model with a latency path's figures added, made once per model and path so its evaluations stay cached. */
const WITH_LATENCY = new WeakMap<CapacityModel, Map<LatencyPath, CapacityModel>>();

/**
 * The model with its latency path spent against the stated latency: the model's own path where it declares one, else
 * the path of a caller inside the region for a target tighter than a client's round trip, else a client's path.
 */
function withLatencyBudget(model: CapacityModel, latencySeconds: number): CapacityModel {
  const ms = latencySeconds * 1000;
  const path =
    model.latencyPath ??
    (ms < REGION_REACH.directMs ? DIRECT_PATH : ms < REGION_REACH.inRegionMs ? IN_REGION_PATH : CLIENT_PATH);
  let byPath = WITH_LATENCY.get(model);
  if (!byPath) {
    byPath = new Map();
    WITH_LATENCY.set(model, byPath);
  }
  let m = byPath.get(path);
  if (!m) {
    const have = new Set(model.inputs.map((i) => i.quantity));
    m = {
      ...model,
      inputs: [...model.inputs, ...path.inputs.filter((i) => !have.has(i.quantity))],
      figures: [...model.figures, ...latencyPathFigures(path)],
    };
    byPath.set(path, m);
  }
  return m;
}

const WITH_SPREAD = new WeakMap<CapacityModel, Map<LatencyPath, CapacityModel>>();

/**
 * A model that spends a stated spreading bound over the path a change takes to every site or server
 * (knowledge/capacity/spread.ts): to every site when the readers are in many places (the bound's or the prompt's
 * words, or more than one region), else to every server of one region.
 */
function withSpreadBudget(model: CapacityModel, everywhere: boolean): CapacityModel {
  const path = everywhere ? SITES_SPREAD_PATH : REGION_SPREAD_PATH;
  let byPath = WITH_SPREAD.get(model);
  if (!byPath) {
    byPath = new Map();
    WITH_SPREAD.set(model, byPath);
  }
  let m = byPath.get(path);
  if (!m) {
    m = { ...model, figures: [...model.figures, ...spreadPathFigures(path)] };
    byPath.set(path, m);
  }
  return m;
}

const WITH_ROLLBACK = new WeakMap<CapacityModel, Map<boolean, CapacityModel>>();

/**
 * A model that spends a stated rollback bound over the way a bad change is undone (knowledge/capacity/spread.ts):
 * the health window chosen from the bound, the controller's check, the moved target's commit and its push to every
 * site (readers in many places) or every server of one region.
 */
function withRollbackBudget(model: CapacityModel, everywhere: boolean): CapacityModel {
  let byWhere = WITH_ROLLBACK.get(model);
  if (!byWhere) {
    byWhere = new Map();
    WITH_ROLLBACK.set(model, byWhere);
  }
  let m = byWhere.get(everywhere);
  if (!m) {
    const have = new Set(model.inputs.map((i) => i.quantity));
    // a model whose nodes pick a change up their own way (a stream write, or their next poll) pushes the rollback so
    const pickup = have.has("node_pickup_seconds");
    m = {
      ...model,
      inputs: [...model.inputs, ...rollbackInputs(everywhere, pickup).filter((i) => !have.has(i.quantity))],
      figures: [...model.figures, ...rollbackPathFigures(everywhere, pickup)],
    };
    byWhere.set(everywhere, m);
  }
  return m;
}

const WITH_ALERT = new WeakMap<CapacityModel, CapacityModel>();

/** A model that spends a stated alert bound: sample + evaluation + notification (knowledge/capacity/spread.ts). */
function withAlertBudget(model: CapacityModel): CapacityModel {
  let m = WITH_ALERT.get(model);
  if (!m) {
    const have = new Set(model.inputs.map((i) => i.quantity));
    m = {
      ...model,
      inputs: [...model.inputs, ...ALERT_INPUTS.filter((i) => !have.has(i.quantity))],
      figures: [...model.figures, ...ALERT_PATH_FIGURES],
    };
    WITH_ALERT.set(model, m);
  }
  return m;
}

/** Whether a model holds a figure to a stated bound. */
const holdsTo = (model: CapacityModel, bound: string): boolean => model.figures.some((x) => x.bound === bound);

/**
 * The owner a stated latency is about: the first product feature whose name or id the latency's words name ("the feed
 * loading in under 200 ms" names the home feed); -1 when they name none.
 */
function latencyOwner(owners: readonly CapacityOwner[], quote: string | undefined): number {
  if (!quote) return -1;
  const named = owners.findIndex((o) => latencyNamesFeature(quote, o.owner));
  if (named < 0) return named;
  // a latency said on a part another feature builds its own costed path on ("match riders with nearby drivers within
  // 3 seconds": the nearby search is one step of the match) is spent along that feature's path
  const over = owners.findIndex(
    (o) =>
      o.model.latencyPath !== undefined &&
      (FEATURE_BY_ID.get(o.owner)?.requires ?? []).includes(owners[named]?.owner ?? ""),
  );
  return over >= 0 ? over : named;
}

/** Whether a stated latency's words name a product feature ("the feed loading in under 200 ms" names the home feed). */
export function latencyNamesFeature(quote: string, featureId: string): boolean {
  const feature = FEATURE_BY_ID.get(featureId);
  if (!feature) return false;
  const said = new Set(
    quote
      .toLowerCase()
      .match(/[a-z]{4,}/g)
      ?.map((w) => w.replace(/s$/, "")) ?? [],
  );
  const names = `${feature.id} ${feature.name}`.toLowerCase().match(/[a-z]{4,}/g) ?? [];
  return names.some((w) => said.has(w.replace(/s$/, "")));
}

/** One capacity model of a design, with its owner and the inputs its chosen decision options fix. */
export interface CapacityOwner {
  model: CapacityModel;
  owner: string;
  implied?: ImpliedInputs;
  /**
   * Inputs of this model that are another owner's quantity under another name (a queue's messages a second are the
   * scheduler's runs a second it carries), each with why: unstated, the input takes that quantity's value.
   */
  carried?: ReadonlyMap<string, { from: string; why: string }>;
}

interface Choice {
  value: number;
  /** Its reason, made on first ask (`becauseOf`): most values offered are never chosen, or never shared. */
  because?: string;
  /** The figure of the owner's model that computes it, whose reason it is (when `because` is not given). */
  figure?: Readonly<CapacityRow>;
  /** The inputs the value was computed from (a figure's), carried to its twin. */
  rests?: ReadonlySet<string>;
  owner: string;
  /**
   * 0 and 1: rests on a stated number or a decision (a figure's value, then an input's); 2 and 3: any other
   * value (a figure computed from assumptions, then a model's typical value or a default).
   */
  rank: number;
  /** Taken from the same quantity under another name (`QUANTITY_TWINS`): even its own model reads it so. */
  twin?: true;
}

/**
 * One quantity under two names has one value: where a design chose a value for one name, its twin (the same quantity
 * in another unit) takes that value converted, unless the twin's own value is better grounded (a lower rank, or the
 * same rank from a model shown earlier).
 */
/** A choice's reason: given, or a figure's, spelled out once on first ask. */
function becauseOf(c: Choice): string {
  if (c.because === undefined) {
    const r = c.figure as Readonly<CapacityRow>;
    c.because = `not stated; ${c.owner}'s ${r.quantity}: ${r.formula.split(" = ").slice(1).join(" = ")} ${/^≈/.test(r.display) ? r.display : `= ${r.display}`}`;
  }
  return c.because;
}

function shareTwins(chosen: Map<string, Choice>, order: readonly string[], scale: Nfrs["scale"]): void {
  const at = (c: Choice) => order.indexOf(c.owner);
  for (const [name, c] of [...chosen]) {
    if (c.twin) continue;
    for (const { twin, factor } of TWINS_OF.get(name) ?? []) {
      if (scale[twin]) continue;
      const have = chosen.get(twin);
      if (have && !have.twin && (have.rank < c.rank || (have.rank === c.rank && at(have) <= at(c)))) continue;
      chosen.set(twin, {
        value: c.value / factor,
        because: `${becauseOf(c).replace(/^not stated; /, "")}; the same quantity as ${name}, in another unit`,
        owner: c.owner,
        rank: c.rank,
        ...(c.rests ? { rests: c.rests } : {}),
        twin: true,
      });
    }
  }
}

/**
 * How strongly an unstated input's value is grounded in this design (lower is stronger): fixed by the prompt's
 * nouns or a decision, or derived in a figure that reads a stated number, beats a typical value or a default.
 */
function rankOf(o: CapacityOwner, name: string, value: number, row: Readonly<CapacityRow>): number {
  if (o.implied?.has(name)) return 0;
  const spec = o.model.inputs.find((i) => i.quantity === name);
  const typical = spec?.typical ?? QUANTITY_BY_ID.get(name)?.assumed;
  return typical !== value && row.inputs.some((i) => i.source !== "assumed") ? 0 : 1;
}

/**
 * Every model of one design evaluated so that one named input has one value: an input no one states takes
 * the value best grounded in the design (derived from a stated number or fixed by the prompt's nouns or a
 * decision; else the value of the first model that reads it, the dominant archetype's or the leading
 * feature's), and every other model uses that value with a reason naming the model it came from. Returns
 * each owner's rows, in the owners' order.
 */
export function designCapacityRows(
  owners: readonly CapacityOwner[],
  scale: Nfrs["scale"],
): readonly (readonly Readonly<CapacityRow>[])[] {
  const alone = owners.map((o) => capacityRows(o.model, o.owner, scale, o.implied));
  // each owner's own value of each input, before any sharing
  const own = alone.map((rows) => {
    const m = new Map<string, number>();
    for (const r of rows) for (const i of r.inputs) if (!m.has(i.name)) m.set(i.name, i.value);
    return m;
  });
  let rows = alone;
  let shared: SharedInputs[] = owners.map(() => NONE_SHARED);
  let last = "";
  // names some model reads as an input: a figure of another model that computes one gives it its value
  const readByAny = new Set(owners.flatMap((o) => modelReads(o.model)));
  let chosen = new Map<string, Choice>();
  for (let pass = 0; pass < 4; pass++) {
    chosen = new Map<string, Choice>();
    // a value offered replaces the one chosen only when it ranks strictly lower
    const offer = (name: string, c: Choice) => {
      const have = chosen.get(name);
      if (!have || c.rank < have.rank) chosen.set(name, c);
    };
    rows.forEach((list, k) => {
      const o = owners[k] as CapacityOwner;
      for (const r of list) {
        // a figure is the design's own estimate of its quantity: it ranks ahead of an input's value grounded as
        // well (the chat feature's messages a second from the stated users, not a log's typical event rate)
        if (readByAny.has(r.id) && !scale[r.id])
          offer(r.id, {
            value: r.value,
            figure: r,
            rests: new Set(r.inputs.map((i) => i.name)),
            owner: o.owner,
            rank: 2 * (r.inputs.some((i) => i.source !== "assumed") ? 0 : 1),
          });
        for (const i of r.inputs) {
          if (i.source !== "assumed" || shared[k]?.has(i.name)) continue;
          // an assumed machine count is its own model's fleet (cache servers, proxies), never another role's
          if (ROLE_FLEETS.has(i.name)) continue;
          // an input's rank is 1 or 3: nothing it could be replaces a value ranked 1 or lower
          if ((chosen.get(i.name)?.rank ?? 4) <= 1) continue;
          offer(i.name, {
            value: i.value,
            because: i.because,
            owner: o.owner,
            rank: 2 * rankOf(o, i.name, i.value, r) + 1,
          });
        }
      }
    });
    shareTwins(
      chosen,
      owners.map((o) => o.owner),
      scale,
    );
    const key = [...chosen].map(([n, c]) => `${n}=${c.value}@${c.owner}`).join("\n");
    if (key === last) break;
    last = key;
    const before = shared;
    shared = owners.map((o, k) => {
      const m = new Map<string, { value: number; because: string }>();
      for (const name of modelReads(o.model)) {
        const c = chosen.get(name);
        if (
          !c ||
          (c.owner === o.owner && !c.twin) ||
          scale[name] ||
          o.implied?.has(name) ||
          own[k]?.get(name) === c.value
        )
          continue;
        m.set(name, {
          value: c.value,
          because: `${becauseOf(c).replace(/^not stated; /, "")}; one value for the whole design, taken from ${c.owner}'s estimates`,
          ...(c.rests ? { rests: c.rests } : {}),
        });
      }
      for (const [name, { from, why }] of o.carried ?? []) {
        if (scale[name] || o.implied?.has(name)) continue;
        const value = scale[from]?.value ?? chosen.get(from)?.value;
        if (value === undefined) continue;
        m.set(name, { value, because: `${why} (${from} = ${value})` });
      }
      return m.size > 0 ? m : NONE_SHARED;
    });
    // an owner offered the same values as in the pass before evaluates to the same rows: not evaluated again
    const previous = rows;
    rows = owners.map((o, k) =>
      sameShared(shared[k] as SharedInputs, before[k] as SharedInputs)
        ? (previous[k] as readonly Readonly<CapacityRow>[])
        : capacityRows(o.model, o.owner, scale, o.implied, shared[k]),
    );
  }
  // one quantity, one value: a figure computing a quantity the design took from a better-grounded value elsewhere (a
  // request rate derived from the stated users, beside a neighbour feature's rate from its own typical bookings) is
  // a second, weaker value of it, and is left out
  return rows.map((list, k) => {
    const o = owners[k] as CapacityOwner;
    const weaker = (r: Readonly<CapacityRow>) => {
      const c = chosen.get(r.id);
      return (
        c !== undefined &&
        readByAny.has(r.id) &&
        !scale[r.id] &&
        c.owner !== o.owner &&
        c.figure !== r &&
        Math.abs(c.value - r.value) > 0.05 * Math.max(Math.abs(c.value), Math.abs(r.value))
      );
    };
    return list.some(weaker) ? list.filter((r) => !weaker(r)) : list;
  });
}

/** Whether two sets of shared inputs give every name the same value for the same reason. */
function sameShared(a: SharedInputs, b: SharedInputs): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const [name, x] of a) {
    const y = b.get(name);
    if (y === undefined || y.value !== x.value || y.because !== x.because) return false;
  }
  return true;
}

/**
 * The design's capacity models in the order it shows them: a product-first design with features shows the
 * features' models first, any other design its archetypes' (dominant first) and then the features'.
 * `implied` gives the inputs each owner's chosen options fix.
 */
export function capacityOwners(
  f: Pick<Fields, "archetypes" | "features" | "branch" | "nfrs">,
  implied?: (owner: string) => CapacityOwner["implied"],
  record = false,
): { owners: CapacityOwner[]; dominant: boolean[]; archetype: boolean[] } {
  const feats: CapacityOwner[] = [];
  for (const feat of f.features) {
    const own = FEATURE_BY_ID.get(feat.id)?.capacity;
    // a feature's model may have a version per subject, as an archetype's does (nearby static places: no moves)
    const model = (f.nfrs.topics ?? []).map((t) => own?.topics?.[t.value]).find((m) => m !== undefined) ?? own;
    if (model) feats.push({ model, owner: feat.id, ...(implied ? { implied: implied(feat.id) } : {}) });
  }
  const archs: CapacityOwner[] = [];
  const first: boolean[] = [];
  const partless = partlessArchetypes(f);
  f.archetypes.forEach((a, i) => {
    const model = capacityModel(a.id, f.nfrs.topics);
    // an archetype the design draws no part of sizes nothing
    if (!model || partless.has(a.id)) return;
    archs.push({ model, owner: a.id, ...(implied ? { implied: implied(a.id) } : {}) });
    first.push(i === 0);
  });
  const featureLed = isFeatureLed(f.branch.kind, f.features, f.archetypes);
  const owners = featureLed ? [...feats, ...archs] : [...archs, ...feats];
  // a stated latency target is spent by the design's leading model: its budget figures join that model, unless it
  // splits the stated budget itself (a typeahead's network, edge and lookup), so the design has one latency budget
  // the model of the path the latency is stated on ("the feed loading in under 200 ms": the feed's), else the leading one
  const at = Math.max(0, latencyOwner(owners, f.nfrs.latency[0]?.quote));
  const lead = owners[at];
  const latency = f.nfrs.scale.latency_seconds?.value;
  if (lead && latency !== undefined && !modelReads(lead.model).includes("latency_budget_ms"))
    owners[at] = { ...lead, model: withLatencyBudget(lead.model, latency) };
  // a stated bound on a change sent out to every server or site is spent along the change's own path by the leading
  // model, unless a model of the design already holds a figure to it (a count's pipeline stages)
  // a bound worded otherwise ("a price change must be visible within 1 second") is spent the same way by the first
  // model that keeps copies a change must reach (a cache's nodes)
  const spread = f.nfrs.scale.propagation_seconds;
  const spreadAt = spread
    ? SPREAD_FANOUT.test(spread.quote)
      ? 0
      : (() => {
          const copies = owners.findIndex((o) => o.model.copiesFollowChanges === true);
          // no model keeps copies a change must reach, and none reads the bound: the leading model spends it over the
          // change's own path, so a stated bound is never left unread
          // (a design served from several regions holds it to the cross-region replication lag instead, regions.ts)
          return copies >= 0 ||
            f.nfrs.regions.value > 1 ||
            owners.some((o) => modelReads(o.model).includes("propagation_seconds"))
            ? copies
            : 0;
        })()
    : -1;
  const spreadLead = owners[spreadAt];
  if (spread && spreadLead && !owners.some((o) => holdsTo(o.model, "propagation_seconds"))) {
    const everywhere =
      f.nfrs.regions.value > 1 || Object.values(f.nfrs.scale).some((s) => SPREAD_EVERYWHERE.test(s.quote));
    owners[spreadAt] = { ...spreadLead, model: withSpreadBudget(spreadLead.model, everywhere) };
  }
  // a stated bound on rolling a bad change back is spent by the leading model over the way back (detect + decide +
  // propagate), unless a model of the design already holds a figure to it
  const rollback = f.nfrs.scale.rollback_bound_seconds;
  if (rollback && owners[0] && !owners.some((o) => holdsTo(o.model, "rollback_bound_seconds"))) {
    const everywhere =
      f.nfrs.regions.value > 1 || Object.values(f.nfrs.scale).some((s) => SPREAD_EVERYWHERE.test(s.quote));
    owners[0] = { ...owners[0], model: withRollbackBudget(owners[0].model, everywhere) };
  }
  // so is a stated bound on an alert going out, where no model holds a paging figure of its own (a device fleet's)
  if (f.nfrs.scale.page_bound_seconds && owners[0] && !owners.some((o) => holdsTo(o.model, "page_bound_seconds")))
    owners[0] = { ...owners[0], model: withAlertBudget(owners[0].model) };
  const archetype = featureLed
    ? [...feats.map(() => false), ...archs.map(() => true)]
    : [...archs.map(() => true), ...feats.map(() => false)];
  const dominant = featureLed ? owners.map(() => false) : [...first, ...feats.map(() => false)];
  // a bare product's own service (drawn as its own part) is sized from the load it serves; it comes last so the
  // archetypes' typical values (the request rate) stay the ones the design uses, and the table shows it first
  if (record) {
    owners.push({ model: RECORD_CAPACITY, owner: RECORD_PART });
    archetype.push(false);
    dominant.push(false);
  }
  return { owners, dominant, archetype };
}
