import type { Category, FieldName, Fields, TraceEntry } from "./types.js";

/** One small rule that computes one field from the fields it declares. */
export interface Deriver<F extends FieldName = FieldName> {
  field: F;
  category: Category;
  reads: readonly FieldName[];
  rule: string;
  derive(fields: Readonly<Fields>, input: DesignInput): Fields[F];
}

/** What the caller gives: the prompt. Everything else is derived from it. */
export interface DesignInput {
  prompt: string;
}

/** A change an override makes to one field's value after it is derived. */
export interface Patch<F extends FieldName = FieldName> {
  field: F;
  label: string;
  apply(value: Fields[F], fields: Readonly<Fields>): Fields[F];
}

/** Checks the graph: every field has one deriver, every input is some field, and there is no cycle. Returns the evaluation order. */
export function orderDerivers(derivers: readonly Deriver[]): Deriver[] {
  const byField = new Map<FieldName, Deriver>();
  for (const d of derivers) {
    if (byField.has(d.field)) throw new Error(`field graph: two derivers produce '${d.field}'`);
    byField.set(d.field, d);
  }
  for (const d of derivers) {
    for (const r of d.reads) {
      if (!byField.has(r)) throw new Error(`field graph: '${d.field}' reads '${r}', which nothing produces`);
    }
  }
  const order: Deriver[] = [];
  const state = new Map<FieldName, "visiting" | "done">();
  const visit = (f: FieldName, path: FieldName[]) => {
    const s = state.get(f);
    if (s === "done") return;
    if (s === "visiting") throw new Error(`field graph: cycle ${[...path, f].join(" -> ")}`);
    state.set(f, "visiting");
    const d = byField.get(f) as Deriver;
    for (const r of d.reads) visit(r, [...path, f]);
    state.set(f, "done");
    order.push(d);
  };
  for (const d of derivers) visit(d.field, []);
  return order;
}

const FIELD = Symbol("deriver field");

/**
 * Stands behind every deriver's view: a read that finds no declared field falls through to here and is refused.
 * Symbol reads (inspection, coercion) answer undefined, as they would on the plain fields object.
 */
const UNDECLARED: object = new Proxy(Object.freeze(Object.create(null)) as object, {
  get(_target, key, receiver: { [FIELD]?: FieldName }) {
    if (typeof key !== "string") return undefined;
    throw new Error(`field graph: '${receiver[FIELD] ?? "?"}' read '${key}' without declaring it`);
  },
});
/** One view maker per deriver: its views share a prototype that names the deriver and ends in UNDECLARED. */
const VIEWS = new WeakMap<Deriver, new () => Record<string, unknown>>();

function viewMaker(d: Deriver): new () => Record<string, unknown> {
  let View = VIEWS.get(d);
  if (!View) {
    const Made = function (this: Record<string, unknown>) {} as unknown as new () => Record<string, unknown>;
    const proto = Object.create(UNDECLARED) as Record<symbol, unknown>;
    Object.defineProperty(proto, FIELD, { value: d.field });
    Made.prototype = proto;
    View = Made;
    VIEWS.set(d, View);
  }
  return View;
}

/**
 * A read-only view that lets a deriver see only the fields it declared: the declared fields are the view's own
 * properties, read at plain-object speed; any other name reaches UNDECLARED and throws.
 */
function guarded(fields: Partial<Fields>, d: Deriver): Readonly<Fields> {
  const view = new (viewMaker(d))();
  for (const r of d.reads) view[r] = fields[r];
  return view as unknown as Readonly<Fields>;
}

/** Evaluates every field in dependency order, applying override patches right after their field. */
export function evaluate(
  order: readonly Deriver[],
  input: DesignInput,
  patches: readonly Patch[],
): { fields: Fields; trace: TraceEntry[] } {
  const fields: Partial<Fields> = {};
  const trace: TraceEntry[] = [];
  for (const d of order) {
    let value = d.derive(guarded(fields, d), input);
    const mine = patches.filter((p) => p.field === d.field);
    for (const p of mine) value = (p as Patch<typeof d.field>).apply(value as never, fields as Fields) as typeof value;
    (fields as Record<string, unknown>)[d.field] = value;
    const entry: TraceEntry = { field: d.field, category: d.category, rule: d.rule, inputs: [...d.reads] };
    if (mine.length > 0) entry.pinned = mine.map((p) => p.label);
    trace.push(entry);
  }
  return { fields: fields as Fields, trace };
}
