import { answerKey, deepFreeze, factsKey, hasIdentity, Kept, KeptByContent, keep } from "./keep.js";
import type { Category, FieldName, Fields, TraceEntry } from "./types.js";

/** One small rule that computes one field from the fields it declares. */
export interface Deriver<F extends FieldName = FieldName, P = never> {
  field: F;
  category: Category;
  reads: readonly FieldName[];
  rule: string;
  /**
   * A deriver that declares `facts` reads the prompt only through them: `facts` sees every declared field and
   * answers the few things the field needs from the prompt's words (plain data: the words it speaks back, the
   * patterns that match), and `derive` gets them as its third argument and a view without the prompt (reading
   * it throws). The field is then kept by those facts and its other inputs, like a field that never reads it.
   */
  facts?: ((fields: Readonly<Fields>) => P) | SharedFacts<P>;
  derive(fields: Readonly<Fields>, input: DesignInput, facts: P): Fields[F];
}

/**
 * Prompt facts several derivers read alike (the architecture's layout: components, links, API, data model and
 * diagrams). A deriver names them as its `facts`; they are computed once per design, from a view of their own
 * declared fields, and their key made once, instead of once per deriver that reads them. Every deriver that
 * reads them must declare their fields (checked by `orderDerivers`), so sharing hides no undeclared read.
 */
export interface SharedFacts<P> {
  /** Names the facts in errors. */
  readonly name: string;
  readonly reads: readonly FieldName[];
  readonly of: (fields: Readonly<Fields>) => P;
}

export const sharedFacts = <P>(
  name: string,
  reads: readonly FieldName[],
  of: (fields: Readonly<Fields>) => P,
): SharedFacts<P> => Object.freeze({ name, reads: Object.freeze([...reads]), of });

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
    if (d.facts !== undefined && typeof d.facts !== "function")
      for (const r of d.facts.reads)
        if (!d.reads.includes(r))
          throw new Error(
            `field graph: '${d.field}' reads the ${d.facts.name} facts, which read '${r}', without declaring it`,
          );
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
/** One prototype per deriver: its views share it; it names the deriver and ends in UNDECLARED. */
const VIEWS = new WeakMap<Reader, object>();

/** What reads fields through a guarded view: a deriver, or shared facts (named in errors by `field`). */
interface Reader {
  readonly field: string;
  readonly reads: readonly FieldName[];
}

function viewPrototype(d: Reader): object {
  let proto = VIEWS.get(d);
  if (!proto) {
    proto = Object.create(UNDECLARED) as object;
    Object.defineProperty(proto, FIELD, { value: d.field });
    VIEWS.set(d, proto);
  }
  return proto;
}

/**
 * A read-only view that lets a deriver see only the fields it declared: the declared fields are the view's own
 * properties, read at plain-object speed; any other name reaches UNDECLARED and throws. The fields are set on a
 * plain object before it takes the view's prototype: adding a property to an object whose prototype chain holds
 * a Proxy asks the Proxy first, a slow path that cost ~4 µs a view.
 */
function guarded(fields: Partial<Fields>, d: Reader, withPrompt = true): Readonly<Fields> {
  const view: Record<string, unknown> = {};
  const reads = d.reads;
  // an index loop: this runs ~30 times a design, and the array iterator was not always optimised away
  for (let i = 0; i < reads.length; i++) {
    const r = reads[i] as FieldName;
    if (withPrompt || r !== "prompt") view[r] = fields[r];
  }
  return Object.setPrototypeOf(view, viewPrototype(d)) as Readonly<Fields>;
}

/**
 * A deriver is kept (its answers reused by input identity) when it reads at least one field and reads the
 * prompt, if at all, only through its facts. It is handed an input whose prompt cannot be read, so a kept
 * deriver that reached for the prompt would fail loudly instead of answering from a stale memory.
 */
const kept = (d: Deriver): boolean => d.reads.length > 0 && (!d.reads.includes("prompt") || d.facts !== undefined);
const NO_INPUT: DesignInput = Object.freeze({
  get prompt(): string {
    throw new Error("field graph: a kept deriver read the prompt outside its facts");
  },
});

const KEPT_MAX = 256;
/** Kept answers per deriver, by the identities of its inputs and its facts. */
const ANSWERS = new WeakMap<Deriver, Kept<unknown>>();
/** Kept values per field, by content: a value derived afresh becomes the kept one with the same content. */
const VALUES = new Map<FieldName, KeptByContent>();
/** Per evaluation order: the fields some kept deriver reads (only those need a kept identity). */
const READ_BY_KEPT = new WeakMap<readonly Deriver[], ReadonlySet<FieldName>>();

function readByKept(order: readonly Deriver[]): ReadonlySet<FieldName> {
  let set = READ_BY_KEPT.get(order);
  if (!set) {
    set = new Set(order.filter(kept).flatMap((d) => d.reads));
    READ_BY_KEPT.set(order, set);
  }
  return set;
}

/**
 * The kept value with the same content as a fresh one. Content seen for the first time is only remembered (the
 * fresh value is not kept, so nothing below it is either); on its second sighting the fresh value becomes the kept one.
 */
function intern(field: FieldName, value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  let table = VALUES.get(field);
  if (!table) {
    table = new KeptByContent(KEPT_MAX);
    VALUES.set(field, table);
  }
  return table.intern(value);
}

/**
 * The fields' values for the last prompts, by the exact prompt text: per deriver, the identities of its inputs
 * (but the prompt), the value, and a stamp that tells whether the value is still the one the engine would give.
 * Two kinds of deriver are remembered. One that reads the prompt whole (branch, archetypes, features, NFRs) has its
 * value interned by content: its stamp is the value's content hash, and it is given back only while it is still
 * the kept value for that content. A kept deriver's answer is found by a key of its prompt facts and its inputs'
 * identities; the facts are a function of the prompt and those inputs, so the same prompt and the same input
 * objects make the same key: its stamp is its answer table's generation, and it is given back only while the
 * table has not been emptied since (until then the key's answer cannot change). Either way a value is given back
 * only when its inputs are the same objects and deriving it afresh (and interning it, or looking its key up) would
 * give that very object: a repeated prompt (the workbench re-deriving after an override or a re-render) skips
 * recognition, the stated parse, the facts and the keys, and answers exactly as without the memo. A value is
 * remembered only when it and its inputs are kept; a field an override patches is neither looked up nor remembered,
 * nor is anything after a patch. Bounded by prompts and by their characters, the least recently asked dropped.
 */
interface Remembered {
  readonly inputs: readonly unknown[];
  readonly value: unknown;
  /** The value's content hash (a prompt-reading field), or its answer table's generation (a kept deriver). */
  readonly stamp: number;
}
export const PROMPT_MEMO_MAX = 256;
/** The characters of all remembered prompts, at most (a prompt longer than this is not remembered). */
export const PROMPT_MEMO_CHARS = 1 << 20;
const PROMPT_MEMO = new Map<string, Map<Deriver, Remembered>>();
let promptMemoChars = 0;

/** How many prompts the memo holds, their characters, and the values it holds for them all (for tests). */
export const promptMemoSize = (): { prompts: number; chars: number; values: number } => {
  let values = 0;
  for (const entries of PROMPT_MEMO.values()) values += entries.size;
  return { prompts: PROMPT_MEMO.size, chars: promptMemoChars, values };
};

/**
 * Prompts asked (by a hash of the whole text; two prompts that share one only make the second remembered on
 * its first asking): the memo remembers a prompt's values from its second asking, so a prompt asked once (most
 * of a batch) costs nothing to remember and takes no remembered prompt's place. Emptied when full.
 */
const SIGHTED = new Set<number>();
const SIGHTED_MAX = 4096;

/** Whether the prompt was asked before (since the set was last emptied); marks it asked. */
function askedBefore(prompt: string): boolean {
  let h = 0x811c9dc5 ^ prompt.length;
  for (let i = 0; i < prompt.length; i++) h = Math.imul(h ^ prompt.charCodeAt(i), 0x01000193);
  if (SIGHTED.has(h)) return true;
  if (SIGHTED.size >= SIGHTED_MAX) SIGHTED.clear();
  SIGHTED.add(h);
  return false;
}

/** The memo's entries for a prompt, made the most recently asked. */
function remembered(prompt: string): Map<Deriver, Remembered> | undefined {
  const entries = PROMPT_MEMO.get(prompt);
  if (entries !== undefined) {
    PROMPT_MEMO.delete(prompt);
    PROMPT_MEMO.set(prompt, entries);
  }
  return entries;
}

function remember(prompt: string, d: Deriver, entry: Remembered): void {
  let entries = PROMPT_MEMO.get(prompt);
  if (entries === undefined) {
    if (prompt.length > PROMPT_MEMO_CHARS) return;
    entries = new Map();
    PROMPT_MEMO.set(prompt, entries);
    promptMemoChars += prompt.length;
    for (const [oldest] of PROMPT_MEMO) {
      if (PROMPT_MEMO.size <= PROMPT_MEMO_MAX && promptMemoChars <= PROMPT_MEMO_CHARS) break;
      PROMPT_MEMO.delete(oldest);
      promptMemoChars -= oldest.length;
    }
  }
  entries.set(d, entry);
}

/** A deriver whose value the memo may hold: a kept one, or one that reads the prompt whole and a kept deriver reads. */
const memoised = (d: Deriver, isKept: boolean, needIdentity: ReadonlySet<FieldName>): boolean =>
  isKept || (d.reads.includes("prompt") && needIdentity.has(d.field));

/** The remembered value, if its inputs are the same objects as now and it is still what the engine would give. */
function recall(d: Deriver, isKept: boolean, fields: Partial<Fields>, entry: Remembered | undefined): unknown {
  if (entry === undefined) return undefined;
  const reads = d.reads;
  let at = 0;
  for (let i = 0; i < reads.length; i++)
    if (reads[i] !== "prompt" && fields[reads[i] as FieldName] !== entry.inputs[at++]) return undefined;
  const value = entry.value;
  if (isKept) return ANSWERS.get(d)?.generation === entry.stamp ? value : undefined;
  if (typeof value === "object" && value !== null && VALUES.get(d.field)?.holds(entry.stamp, value) !== true)
    return undefined;
  return value;
}

/**
 * Remembers a value and its inputs when all are kept: a value not kept could not be what interning gives later,
 * and a kept deriver's answer from an input that is not kept has no key (it is not in its table).
 */
function rememberIfKept(prompt: string, d: Deriver, isKept: boolean, fields: Partial<Fields>, value: unknown): void {
  if (value === undefined || !hasIdentity(value)) return;
  const inputs: unknown[] = [];
  for (const r of d.reads)
    if (r !== "prompt") {
      const v = fields[r];
      if (!hasIdentity(v)) return;
      inputs.push(v);
    }
  const stamp = isKept
    ? (ANSWERS.get(d)?.generation ?? -1)
    : typeof value === "object" && value !== null
      ? (VALUES.get(d.field)?.lastHash ?? 0)
      : 0;
  remember(prompt, d, { inputs, value, stamp });
}

/** Shared facts as a reader of fields (their views name them as "<name> facts"). */
const SHARED_READERS = new WeakMap<SharedFacts<unknown>, Reader>();
/** One design's shared facts, each with its key, computed on the first deriver that asks. */
type SharedAnswers = Map<SharedFacts<unknown>, { facts: unknown; key: string }>;

/** Shared facts and their key, from this design's first computation of them. */
function sharedOf(
  f: SharedFacts<unknown>,
  fields: Partial<Fields>,
  shared: SharedAnswers,
): { facts: unknown; key: string } {
  let answer = shared.get(f);
  if (answer === undefined) {
    let reader = SHARED_READERS.get(f);
    if (!reader) {
      reader = { field: `${f.name} facts`, reads: f.reads };
      SHARED_READERS.set(f, reader);
    }
    const facts = f.of(guarded(fields, reader));
    answer = { facts, key: facts === undefined ? "" : factsKey(facts) };
    shared.set(f, answer);
  }
  return answer;
}

/** Runs one deriver, or answers from what an earlier design with the same inputs left. */
function run(d: Deriver, fields: Partial<Fields>, input: DesignInput, shared: SharedAnswers): unknown {
  if (!kept(d)) return d.derive(guarded(fields, d), input, undefined as never);
  let facts: unknown;
  let factsText = "";
  const f = d.facts;
  if (typeof f === "function") {
    facts = f(guarded(fields, d));
    if (facts !== undefined) factsText = factsKey(facts);
  } else if (f !== undefined) ({ facts, key: factsText } = sharedOf(f, fields, shared));
  const inputs: unknown[] = [];
  const reads = d.reads;
  for (let i = 0; i < reads.length; i++) if (reads[i] !== "prompt") inputs.push(fields[reads[i] as FieldName]);
  const key = answerKey(factsText, inputs);
  let table = ANSWERS.get(d);
  if (!table) {
    table = new Kept(KEPT_MAX);
    ANSWERS.set(d, table);
  }
  const hit = key === undefined ? undefined : table.get(key);
  if (hit !== undefined) return hit;
  const value = d.derive(guarded(fields, d, false), NO_INPUT, facts as never);
  // an answer from inputs that are not all kept is asked by no later design
  if (key !== undefined) table.set(key, keep(value));
  return value;
}

/** Per deriver: its trace entry when no override pins it, the same frozen object for every design. */
const TRACE = new WeakMap<Deriver, TraceEntry>();

function traceOf(d: Deriver, pins: readonly Patch[]): TraceEntry {
  if (pins.length > 0)
    return {
      field: d.field,
      category: d.category,
      rule: d.rule,
      inputs: [...d.reads],
      pinned: pins.map((p) => p.label),
    };
  let entry = TRACE.get(d);
  if (!entry) {
    entry = deepFreeze<TraceEntry>({ field: d.field, category: d.category, rule: d.rule, inputs: [...d.reads] });
    TRACE.set(d, entry);
  }
  return entry;
}

/**
 * Evaluates every field in dependency order, applying override patches right after their field. The values
 * may be kept ones shared with other designs, frozen (keep.ts): a caller hands them out as they are.
 */
export function evaluate(
  order: readonly Deriver[],
  input: DesignInput,
  patches: readonly Patch[],
): { fields: Fields; trace: TraceEntry[] } {
  const fields: Partial<Fields> = {};
  const trace: TraceEntry[] = [];
  const needIdentity = readByKept(order);
  const shared: SharedAnswers = new Map();
  const memo = remembered(input.prompt);
  const rememberHere = memo !== undefined || askedBefore(input.prompt);
  // values are remembered only while no override has patched a field yet (the prompt's own values)
  let patched = false;
  for (const d of order) {
    const mine = patches.length === 0 ? NONE : patches.filter((p) => p.field === d.field);
    if (mine.length > 0) patched = true;
    const isKept = kept(d);
    const memoHere = mine.length === 0 && memoised(d, isKept, needIdentity);
    if (memoHere) {
      const hit = recall(d, isKept, fields, memo?.get(d));
      if (hit !== undefined) {
        (fields as Record<string, unknown>)[d.field] = hit;
        trace.push(traceOf(d, mine));
        continue;
      }
    }
    let value = run(d, fields, input, shared);
    for (const p of mine) value = (p as Patch<typeof d.field>).apply(value as never, fields as Fields) as typeof value;
    // a value a kept deriver reads must be the kept one with its content, so identity can stand for content
    if (needIdentity.has(d.field) && (mine.length > 0 || !isKept)) value = intern(d.field, value);
    if (memoHere && rememberHere && !patched) rememberIfKept(input.prompt, d, isKept, fields, value);
    (fields as Record<string, unknown>)[d.field] = value;
    trace.push(traceOf(d, mine));
  }
  return { fields: fields as Fields, trace };
}

const NONE: readonly Patch[] = Object.freeze([]);
