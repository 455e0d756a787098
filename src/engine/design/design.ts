import {
  besideUnread,
  type CoherenceFacts,
  coherenceFacts,
  coherenceParts,
  keepFieldTexts,
  notCarriedProblems,
  type Problem,
  unreadProblems,
} from "../coherence.js";
import { protectionsOf, withDownstreamProtection } from "../downstream-protection.js";
import { baseMechanismsField } from "../fields/base-mechanisms.js";
import { checklistField } from "../fields/checklist.js";
import { companionsField } from "../fields/companions.js";
import { placedByComponents } from "../fields/context.js";
import {
  carriedMechanisms,
  carriedOperations,
  carriedPaths,
  excludedBy,
  leftOutState,
  readsOnly,
  rejectedKeys,
  withoutExcludedClauses,
  withoutLeftOut,
} from "../fields/decisions.js";
import { drawnVerdicts } from "../fields/drawn-verdicts.js";
import { failuresField } from "../fields/failures.js";
import { carriedPairings } from "../fields/mechanism-rows.js";
import { predicatesField } from "../fields/predicates.js";
import { scopesField } from "../fields/scopes.js";
import { scaleReason } from "../nfr-parse.js";
import { checkPrompt } from "../prompt.js";
import { requirementLedger } from "../requirement-ledger.js";
import { DERIVERS } from "./derivers.js";
import type { Deriver } from "./graph.js";
import { evaluate, orderDerivers } from "./graph.js";
import { answerKey, deepFreeze, factsKey, Kept, keep } from "./keep.js";
import { OverrideRefused, parseOverrides } from "./overrides.js";
import type { GuaranteeShape, StatedRequirementRow } from "./schema.js";
import { FIELD_NAMES, type Fields, type TraceEntry } from "./types.js";

/** Checked once at load: no cycles, no missing inputs. */
const ORDER = orderDerivers(DERIVERS);

export const SCHEMA_VERSION = 1;

/**
 * The Design object: the stable JSON contract of ../shared/DESIGN.md plus the worksheet's extra fields.
 * The spoken `script` is presentation, not derivation: render/script writes it from this object and the
 * edges (CLI, server, library) attach it, so the engine never imports presentation code for it.
 */
export interface Design {
  schemaVersion: number;
  prompt: string;
  overrides: string[];
  branch: Fields["branch"];
  archetypes: Fields["archetypes"];
  nfrs: {
    delivery: Fields["nfrs"]["delivery"]["value"];
    consistency: Fields["nfrs"]["consistency"]["value"];
    availability: Fields["nfrs"]["availability"]["value"];
    ordering: Fields["nfrs"]["ordering"]["value"];
    durability: Fields["nfrs"]["durability"]["value"];
    regions: number;
    latency: Fields["nfrs"]["latency"];
    scale: Record<string, number>;
    sources: Record<string, { source: string; because: string }>;
    /** The kind of outside party the effects reach, when the design sends effects outside (sources.party says why). */
    party?: NonNullable<Fields["nfrs"]["party"]>["value"];
    /** The subjects the design speaks of (knowledge/topics.ts; `sources["topic.<name>"]` says which words). */
    topics?: NonNullable<Fields["nfrs"]["topics"]>[number]["value"][];
    /** The key a stated per-key order is kept within ("customer"; `sources.orderKey` says which words). */
    orderKey?: string;
    /** A repeat the prompt forbids within a window (`sources.repeatWindow` says which words). */
    repeatWindow?: { noun: string; act: string; seconds: number; window: string };
    /** The width in bits the prompt fixes for its ids (`sources.idWidth` says which words). */
    idWidth?: number;
    /** The guarantees the prompt states in clauses of their own (`sources["guarantee.<i>"]` says which words). */
    guarantees?: GuaranteeShape[];
    /** The failure unit the prompt says the system survives the loss of (`sources.survives` says which words). */
    survives?: NonNullable<Fields["nfrs"]["survives"]>["value"];
    /** Reads whose consistency each request chooses (`sources.readModes` says which words). */
    readModes?: NonNullable<Fields["nfrs"]["readModes"]>["value"];
  };
  overlay: Fields["overlay"];
  requirements: Fields["requirements"];
  operations: Fields["operations"];
  criticalPaths: Fields["criticalPaths"];
  primaryState: Fields["primaryState"];
  scopes: Fields["scopes"];
  invariants: Fields["invariants"];
  context: Fields["context"];
  predicates: Fields["predicates"];
  mechanisms: Fields["baseMechanisms"][number][];
  readPaths: Fields["readPaths"];
  technology: Fields["technology"];
  failures: Fields["failures"];
  bottlenecks: Fields["bottlenecks"];
  features: Fields["features"];
  components: Fields["components"];
  links: Fields["links"];
  api: Fields["api"];
  dataModel: Fields["dataModel"];
  capacity: Fields["capacity"];
  decisions: Fields["decisions"];
  checklist: Fields["checklist"];
  diagrams: Fields["diagrams"];
  trace: TraceEntry[];
  /**
   * Each requirement clause of the prompt with what in the design reads it, or that nothing does
   * (engine/requirement-ledger.ts): made for each prompt, since a reader's quotes are placed in the prompt's words.
   */
  statedRequirements: StatedRequirementRow[];
  /** Coherence rules this design breaks (src/engine/coherence.ts); empty when it holds together. */
  coherence: Problem[];
}

export type DesignResult = { ok: true; design: Design } | { ok: false; error: string };

/** The execution context's paths, only for the operations the design carries. */
function carriedContext(context: Fields["context"], operations: readonly { phrase: string }[]): Fields["context"] {
  const kept = new Set(operations.map((o) => o.phrase));
  const paths = context.paths.filter((p) => kept.has(p.path));
  return paths.length === context.paths.length ? context : { ...context, paths };
}

/**
 * The fields read from the operations, invariants and execution context that the decisions come after (a decision
 * reads the predicates, so the graph evaluates these before any option is chosen), in their graph order.
 */
const AFTER_DECISIONS: readonly Deriver[] = [
  scopesField,
  predicatesField,
  baseMechanismsField,
  companionsField,
  failuresField,
  checklistField,
] as Deriver[];

/**
 * What a design carries once its decisions are made, in one place: the operations a chosen option leaves (a block
 * counter's steps once a timestamp layout is chosen), the requirements they come from, the paths, invariants,
 * context, state and reads that go with them, and everything read from those (predicates, mechanisms and what they
 * protect, failure rows, the checklist) derived again from what is left, so no field cites a step, record or rule the
 * design does not carry. A predicate an override pinned stays pinned.
 */
function carriedFields(given: Fields): Fields {
  const fields = withoutExcludedWords(given);
  const left = leftOutState(fields.decisions, fields.operations);
  const operations = withoutLeftOut(carriedOperations(fields.operations, fields.decisions), left, (o) =>
    readsOnly(o) ? o.phrase : undefined,
  );
  if (operations.length === fields.operations.length) {
    // a clause of a rule the chosen option excludes went: everything read from the rules is derived again
    if (fields.invariants !== given.invariants) return rederived({ ...fields }, fields);
    // nothing left out: only a verdict the drawn design denies is answered again, and what reads it after it
    const drawn = drawnVerdicts(fields.predicates, fields);
    return drawn ? rederived({ ...fields, predicates: drawn }, fields, "predicates") : fields;
  }
  const kept = new Set(operations.map((o) => o.phrase));
  const gone = new Set(fields.operations.filter((o) => !kept.has(o.phrase)).map((o) => o.phrase));
  const carried = carriedPaths(fields.criticalPaths, fields.invariants, operations, fields.operations);
  const view: Fields = {
    ...fields,
    requirements: fields.requirements.filter((r) => !gone.has(r.text)),
    operations,
    criticalPaths: [...carried.paths],
    // a rule in the words a chosen option excludes, or in a rejected option's key phrase alone, is the rejected
    // option's (record appends beside immutable objects; a sequencer's lease beside CRDTs chosen)
    invariants: carried.invariants.filter(
      (i) =>
        !excludedBy(fields.decisions, i.archetype).some((re) => re.test(i.statement)) &&
        !rejectedKeys(
          fields.decisions.filter((r) => r.archetype === i.archetype),
          fields.decisions,
        ).some((k) => k.alone.test(i.statement)),
    ),
    context: carriedContext(fields.context, operations),
    primaryState: withoutLeftOut(fields.primaryState, left),
    readPaths: withoutLeftOut(fields.readPaths, left, (r) => r.read),
  };
  return rederived(view, fields);
}

/**
 * The rules, state and reads without their clauses in the words the chosen options of their archetype exclude (a
 * record "may hold several concurrent siblings" beside one leader per shard; a read's staleness "through a sloppy
 * quorum"): a card row that says both options of a decision keeps only the chosen one's clause, and a rule wholly in
 * the excluded words goes. Each field is the given one when nothing in it changed.
 */
function withoutExcludedWords(fields: Fields): Fields {
  if (!fields.decisions.some((d) => (d.options.find((o) => o.id === d.chosen)?.implies?.excludes ?? []).length > 0))
    return fields;
  const words = new Map<string, RegExp[]>();
  const of = (owner: string) =>
    words.get(owner) ?? words.set(owner, excludedBy(fields.decisions, owner)).get(owner) ?? [];
  const pruned = <T>(
    rows: readonly T[],
    text: (r: T) => string,
    put: (r: T, t: string) => T,
    drop = false,
  ): readonly T[] | undefined => {
    let changed = false;
    const out: T[] = [];
    for (const r of rows) {
      const was = text(r);
      const now = withoutExcludedClauses(was, of((r as { archetype: string }).archetype), drop);
      if (now === was) out.push(r);
      else {
        changed = true;
        // a row wholly in the excluded words: a rule goes, a record or a read keeps its words (its own rows decide)
        if (now !== undefined) out.push(put(r, now));
        else if (!drop) out.push(r);
      }
    }
    return changed ? out : undefined;
  };
  const invariants = pruned(
    fields.invariants,
    (r) => r.statement,
    (r, statement) => ({ ...r, statement }),
    true,
  );
  const primaryState = pruned(
    fields.primaryState,
    (r) => r.description,
    (r, description) => ({ ...r, description }),
  );
  const readPaths = pruned(
    fields.readPaths,
    (r) => r.staleness,
    (r, staleness) => ({ ...r, staleness }),
  );
  const scopes = scopesWithoutExcluded(fields.scopes, fields.decisions);
  if (!invariants && !primaryState && !readPaths && scopes === fields.scopes) return fields;
  return {
    ...fields,
    scopes,
    ...(invariants ? { invariants: [...invariants] } : {}),
    ...(primaryState ? { primaryState: [...primaryState] } : {}),
    ...(readPaths ? { readPaths: [...readPaths] } : {}),
  };
}

/**
 * The scope rows without their clauses in the words the chosen options of their archetype exclude: a scope's reason
 * said per option ("one leader per shard orders them; under leaderless quorums any replica ... coordinates a write")
 * keeps the chosen option's clause alone, and a reason wholly in the excluded words stays as it is. The given rows
 * when nothing changed.
 */
function scopesWithoutExcluded(scopes: Fields["scopes"], decisions: Fields["decisions"]): Fields["scopes"] {
  let changed = false;
  const out = scopes.map((r) => {
    const why = withoutExcludedClauses(r.why, excludedBy(decisions, r.archetype));
    if (why === undefined || why === r.why) return r;
    changed = true;
    return { ...r, why };
  });
  return changed ? out : scopes;
}

/**
 * The fields of AFTER_DECISIONS derived again over a view (those after `from` only, when given), the predicates
 * checked against what the drawn design holds (`drawnVerdicts`); a predicate an override pinned stays pinned.
 */
function rederived(view: Fields, fields: Fields, from?: Deriver["field"]): Fields {
  const set = view as unknown as Record<string, unknown>;
  const start = from === undefined ? 0 : AFTER_DECISIONS.findIndex((d) => d.field === from) + 1;
  for (const d of AFTER_DECISIONS.slice(start)) {
    const facts = typeof d.facts === "function" ? d.facts(view) : undefined;
    set[d.field] = d.derive(view, { prompt: fields.prompt }, facts as never);
    if (d.field === "scopes") view.scopes = scopesWithoutExcluded(view.scopes, view.decisions);
    if (d.field === "predicates") {
      view.predicates = view.predicates.map(
        (p) => fields.predicates.find((x) => x.id === p.id && x.source === "override") ?? p,
      );
      view.predicates = drawnVerdicts(view.predicates, view) ?? view.predicates;
    }
  }
  view.primaryState = withScopes(view.primaryState, fields.scopes, view.scopes);
  return view;
}

/**
 * The primary state's rows with the coordination scope the carried operations give (a state row says where its
 * archetype coordinates, in the scope row's words): once the decisions leave out the records a card's coordination
 * reason speaks of, its rows take the reason that holds for what is left.
 */
function withScopes(
  state: Fields["primaryState"],
  before: Fields["scopes"],
  after: Fields["scopes"],
): Fields["primaryState"] {
  const coordination = (rows: Fields["scopes"], id: string) =>
    rows.find((r) => r.concern === "coordination" && r.archetype === id);
  let changed = false;
  const rows = state.map((row) => {
    const was = coordination(before, row.archetype);
    const now = coordination(after, row.archetype);
    if (!was || !now || was.why === now.why || !row.because.includes(was.why)) return row;
    changed = true;
    return { ...row, scope: now.scope, because: row.because.replace(was.why, now.why) };
  });
  return changed ? rows : state;
}

/** A design without what it takes from its call (the prompt, the overrides) and its coherence verdict. */
type Body = Omit<Design, "schemaVersion" | "prompt" | "overrides" | "coherence" | "statedRequirements">;

/** The body of the Design from the evaluated fields (which may be kept values shared with other designs). */
function assemble(fields: Fields, trace: TraceEntry[]): Body {
  const n = fields.nfrs;
  const sources: Design["nfrs"]["sources"] = {};
  for (const k of ["delivery", "consistency", "availability", "ordering", "durability", "regions"] as const) {
    sources[k] = { source: n[k].source, because: n[k].because };
  }
  if (n.party) sources.party = { source: "default", because: n.party.because };
  for (const t of n.topics ?? []) sources[`topic.${t.value}`] = { source: "stated", because: t.because };
  if (n.orderKey) sources.orderKey = { source: "stated", because: n.orderKey.because };
  if (n.repeatWindow) sources.repeatWindow = { source: "stated", because: n.repeatWindow.because };
  if (n.idWidth) sources.idWidth = { source: "stated", because: n.idWidth.because };
  for (const [i, g] of (n.guarantees ?? []).entries())
    sources[`guarantee.${i}`] = { source: "stated", because: `the prompt says '${g.quote}'` };
  if (n.survives) sources.survives = { source: "stated", because: n.survives.because };
  if (n.readModes) sources.readModes = { source: "stated", because: n.readModes.because };
  // the operations the decisions leave (a card's step a chosen option rules out is not the design's), and what
  // goes with them: a record only a rejected option draws, a read in the words the choice excludes
  const c = carriedFields(fields);
  const scale: Record<string, number> = {};
  for (const [k, v] of Object.entries(n.scale)) {
    scale[k] = v.value;
    sources[`scale.${k}`] = {
      source: v.source,
      because: scaleReason(v),
    };
  }
  return {
    branch: fields.branch,
    archetypes: fields.archetypes,
    nfrs: {
      delivery: n.delivery.value,
      consistency: n.consistency.value,
      availability: n.availability.value,
      ordering: n.ordering.value,
      durability: n.durability.value,
      regions: n.regions.value,
      latency: n.latency,
      scale,
      sources,
      ...(n.party ? { party: n.party.value } : {}),
      ...(n.topics ? { topics: n.topics.map((t) => t.value) } : {}),
      ...(n.orderKey ? { orderKey: n.orderKey.value } : {}),
      ...(n.repeatWindow
        ? {
            repeatWindow: {
              noun: n.repeatWindow.noun,
              act: n.repeatWindow.act,
              seconds: n.repeatWindow.seconds,
              window: n.repeatWindow.window,
            },
          }
        : {}),
      ...(n.idWidth ? { idWidth: n.idWidth.bits } : {}),
      ...(n.guarantees ? { guarantees: n.guarantees.map(({ quote: _, ...g }) => g) } : {}),
      ...(n.survives ? { survives: n.survives.value } : {}),
      ...(n.readModes ? { readModes: n.readModes.value } : {}),
    },
    overlay: fields.overlay,
    requirements: c.requirements,
    operations: c.operations,
    criticalPaths: c.criticalPaths,
    primaryState: c.primaryState,
    scopes: c.scopes,
    invariants: c.invariants,
    // where each path runs, placed again by the worker pools and control loops the architecture draws
    context: placedByComponents(c.context, c.operations, fields.components),
    predicates: c.predicates,
    // a stated protection of a downstream part is carried by load shaping on its read path
    mechanisms: withDownstreamProtection(
      carriedPairings(carriedMechanisms([...c.baseMechanisms, ...c.companions], fields.operations, c.operations), {
        invariants: c.invariants,
        operations: c.operations,
        paths: c.criticalPaths,
      }),
      protectionsOf(fields.prompt),
    ),
    readPaths: c.readPaths,
    technology: fields.technology,
    failures: c.failures,
    bottlenecks: fields.bottlenecks,
    features: fields.features,
    components: fields.components,
    links: fields.links,
    api: fields.api,
    dataModel: fields.dataModel,
    capacity: fields.capacity,
    decisions: fields.decisions,
    checklist: c.checklist,
    diagrams: fields.diagrams,
    trace,
  };
}

/**
 * Derives the complete, explained design for a prompt; overrides are `key=value` strings. The design is read-only,
 * deeply frozen: its field values may be kept ones shared with other designs (keep.ts), so they are handed out as
 * they are rather than copied, and the rest is frozen too, so that every design behaves alike whatever came
 * before it (a caller that wants to change one changes its own copy, e.g. `structuredClone(design)`).
 */
export function deriveDesign(prompt: string, overrides: readonly string[] = []): DesignResult {
  const checked = checkPrompt(prompt);
  if (!checked.ok) return { ok: false, error: checked.error };
  const parsed = parseOverrides(overrides);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  let evaluated: ReturnType<typeof evaluate>;
  try {
    evaluated = evaluate(ORDER, { prompt: checked.prompt }, parsed.patches);
  } catch (e) {
    if (e instanceof OverrideRefused) return { ok: false, error: e.message };
    throw e;
  }
  const { fields, trace } = evaluated;
  // the identities of every field but the prompt: the key of the body, and with the prompt's facts of the verdict
  const fieldsKey = answerKey(
    "",
    FIELDS_BESIDE_PROMPT.map((k) => fields[k]),
  );
  const body = bodyOf(fields, trace, parsed.patches.length === 0 ? fieldsKey : undefined);
  const design: Design = {
    schemaVersion: SCHEMA_VERSION,
    prompt: fields.prompt,
    overrides: [...overrides],
    ...body,
    statedRequirements: [],
    coherence: [],
  };
  design.statedRequirements = ledgerOf(design, parsed.patches.length === 0 ? fieldsKey : undefined);
  design.coherence = [...coherenceOf(design, fieldsKey), ...notCarriedProblems(design.statedRequirements)];
  if (parsed.patches.length === 0 && fieldsKey !== undefined) BODY_KEYS.set(design, fieldsKey);
  deepFreeze(design);
  // the JSON texts the coherence rules made of the fields, now frozen as they were read, serve the design's JSON
  keepFieldTexts(design);
  return { ok: true, design };
}

/**
 * The requirement ledger of a design whose body is kept, kept by that body's key and the prompt (the ledger reads
 * nothing else), so a repeated prompt does not place every reader's quotes again; bounded, emptied when full.
 */
const LEDGERS = new Map<string, StatedRequirementRow[]>();
const LEDGERS_MAX = 4096;
function ledgerOf(design: Design, bodyKey: string | undefined): StatedRequirementRow[] {
  if (bodyKey === undefined) return requirementLedger(design);
  const key = `${bodyKey}\u0000${design.prompt}`;
  let rows = LEDGERS.get(key);
  if (rows === undefined) {
    if (LEDGERS.size >= LEDGERS_MAX) LEDGERS.clear();
    rows = deepFreeze(requirementLedger(design));
    LEDGERS.set(key, rows);
  }
  return rows;
}

/** The key each design's body is kept by (`bodyOf`), for designs whose body is kept. */
const BODY_KEYS = new WeakMap<Design, string>();

/**
 * The key a design's body is kept by: equal for two designs exactly when their fields (all but the prompt) are the
 * same kept values, so everything made from the body alone is the same for both (render/script/kept.ts keeps scripts
 * by it). Undefined for a design with overrides or with a field not kept.
 */
export const keptBodyKey = (d: Design): string | undefined => BODY_KEYS.get(d);

/** The fields a design's body and its coherence verdict are kept by (the prompt is read only through facts). */
const FIELDS_BESIDE_PROMPT = FIELD_NAMES.filter((k) => k !== "prompt");

/**
 * Design bodies kept by the identities of their fields: a body is a function of the fields and the trace, and the
 * trace of a design without overrides is the same for every design (a design with overrides is not kept: its
 * trace names the overrides that pinned fields).
 */
const BODIES = new Kept<Body>(256);

function bodyOf(fields: Fields, trace: TraceEntry[], key: string | undefined): Body {
  let body = key === undefined ? undefined : BODIES.get(key);
  if (!body) {
    body = assemble(fields, trace);
    if (key !== undefined) BODIES.set(key, keep(body));
  }
  return body;
}

/**
 * Coherence verdicts kept by the identities of the fields they read and the prompt's coherence facts but its unread
 * amounts (`besideUnread`): the rules before and after those amounts' problems, and both parts together.
 */
const COHERENCE = new Kept<Verdict>(256);

/**
 * What the coherence verdict reads of a prompt, worked out once per prompt: its coherence facts, their key without
 * the unread amounts, the prompt's text without them, and the last verdict given for it with the key of the fields
 * it was given for. The facts are a function of the prompt alone (the knowledge cannot change while the process
 * runs), and a fields key names kept values by identities never reused (keep.ts), so the same prompt with the same
 * fields key has the same verdict: a repeated prompt skips the facts (the stated parse's kept answer, the prompt's
 * words, every feature's machinery ask, the reference facts), their JSON key and the verdict table's long key.
 * Bounded by prompts, the least recently asked dropped; a long prompt is not kept (as `statedNfrsOf`).
 */
interface PromptCoherence {
  readonly facts: CoherenceFacts;
  readonly beside: CoherenceFacts;
  /** `factsKey(beside)`: the first part of the verdict table's key. */
  readonly factsText: string;
  readonly text: string;
  fieldsKey?: string;
  verdict?: Verdict;
}
type Verdict = { parts: readonly [Problem[], Problem[]]; whole: readonly Problem[] };
const PROMPT_COHERENCE = new Map<string, PromptCoherence>();
export const PROMPT_COHERENCE_MAX = 256;
const PROMPT_COHERENCE_CHARS = 16_384;

function promptCoherence(prompt: string): PromptCoherence {
  const known = PROMPT_COHERENCE.get(prompt);
  if (known !== undefined) {
    PROMPT_COHERENCE.delete(prompt);
    PROMPT_COHERENCE.set(prompt, known);
    return known;
  }
  // frozen: every later design of the prompt reads these same objects
  const facts = deepFreeze(coherenceFacts(prompt));
  const beside = deepFreeze(besideUnread(facts));
  // a few rules read the prompt's own words (named products, own accounts, a rejected option's words), so its text
  // is part of the key too, without the unread amounts that make a variant of a prompt differ
  const text = facts.unread.reduce((t, quote) => t.split(quote).join(""), prompt);
  const made: PromptCoherence = { facts, beside, factsText: factsKey(beside), text };
  if (prompt.length <= PROMPT_COHERENCE_CHARS) {
    if (PROMPT_COHERENCE.size >= PROMPT_COHERENCE_MAX)
      for (const [oldest] of PROMPT_COHERENCE) {
        PROMPT_COHERENCE.delete(oldest);
        break;
      }
    PROMPT_COHERENCE.set(prompt, made);
  }
  return made;
}

/** How many prompts the coherence record holds (for tests). */
export const promptCoherenceSize = (): number => PROMPT_COHERENCE.size;

/**
 * The coherence verdict of a design: a function of its fields (the Design holds nothing else but the prompt and
 * the overrides, which the rules read only through the fields and `coherenceFacts`), so kept like a field. The
 * problems of the amounts the prompt states and no rule reads are made afresh for each prompt: a prompt that differs
 * from another only by such a number (a long prompt's variants, "… (variant 12)") runs no other rule again.
 */
function coherenceOf(shared: Design, fieldsKey: string | undefined): Problem[] {
  const p = promptCoherence(shared.prompt);
  const { facts, beside } = p;
  let verdict = fieldsKey !== undefined && p.fieldsKey === fieldsKey ? p.verdict : undefined;
  if (!verdict) {
    const key = fieldsKey === undefined ? undefined : `${p.factsText}${fieldsKey}\u0001${p.text}`;
    verdict = key === undefined ? undefined : COHERENCE.get(key);
    if (!verdict) {
      const parts = coherenceParts(shared, beside);
      verdict = deepFreeze({ parts, whole: [...parts[0], ...parts[1]] });
      if (key !== undefined) COHERENCE.set(key, verdict);
    }
    if (fieldsKey !== undefined) {
      p.fieldsKey = fieldsKey;
      p.verdict = verdict;
    }
  }
  if (facts.unread.length === 0) return verdict.whole as Problem[];
  return [...verdict.parts[0], ...unreadProblems(facts), ...verdict.parts[1]];
}

/** Library form: returns the Design or throws an Error whose message says what is wrong. */
export function design(prompt: string, overrides: readonly string[] = []): Design {
  const r = deriveDesign(prompt, overrides);
  if (!r.ok) throw new Error(r.error);
  return r.design;
}
