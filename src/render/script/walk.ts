import type { Design } from "../../engine/design/design.js";
import { perUnit } from "../../engine/fields/bottleneck-load.js";
import { shownDecisions } from "../../engine/roles.js";
import { QUANTITY_BY_ID } from "../../knowledge/quantities.js";
import {
  contentProblems,
  heldProblems,
  phrasingProblems,
  presentationProblems,
  speechProblems,
  spliceProblems,
} from "./check.js";
import {
  andList,
  countWords,
  entityWords,
  gerund,
  lowerFirst,
  numberWord,
  orList,
  sentence,
  speakable,
  speakFigure,
  speakInput,
  startsWithInstruction,
  startsWithVerb,
} from "./speak.js";
import { boxName, formulaSaid, hottest, spokenFailures, theName } from "./steps.js";
import type { Line, Script } from "./types.js";

/**
 * The walk-through: what a step says of the design's own tables once its lead sentences are said — the boxes and
 * what flows between them, each record with its key and fields, each call with its correctness fields, each read
 * with its staleness, each decision's alternative and when it wins, each figure with its arithmetic, each failure
 * with what the design does. Every sentence is built from one row and names what that row names; all of them are
 * details, so timing keeps as many as the step's share of the round holds.
 */

/** Longest walk sentence; a row that would need more is left unsaid rather than cut. */
const WALK_WORDS = 30;
/** Most rows of one table a step walks. */
const MAX_ROWS = 6;

/** A walk sentence: at most WALK_WORDS words and no number with three decimals ("4.321 gigabytes" is not said). */
const detail = (text: string | undefined): Line[] =>
  text && countWords(text) <= WALK_WORDS && !/\d\.\d{3}/.test(text) ? [{ text: sentence(text), keep: "detail" }] : [];

/** A cell without its asides in brackets and its trailing entity tag: "caller key (API key, user or IP)" -> "caller key". */
export function bare(cell: string): string {
  let t = cell;
  for (let prev = ""; prev !== t; ) {
    prev = t;
    t = t.replace(/\s*\([^()]*\)/g, "");
  }
  // a list field ("item_ids[]") is said as its plural name once
  return speakable(t.replace(/s?\[\]/g, "s"))
    .replace(/\s+([,.;:])/g, "$1")
    .replace(/[.;:,]+$/, "")
    .trim();
}

/** The first part of a cell, before its first semicolon or dash aside. */
const firstPart = (cell: string): string => bare(cell.split(/;\s|\s[—–]\s/)[0] ?? cell);

/** An imperative path name said as what it does: "match the request to its policy" -> "matching the request to its policy". */
export function doingOf(phrase: string): string {
  // a path name cut before its object ("count the request in the current window and") loses the dangling word
  const p = bare(phrase).replace(/(?:\s+(?:and|or|to|from|of|on|in|into|at|for|with|by|between))+$/i, "");
  return gerund(p) ?? p;
}

/** "th" ordinals said as words, for the failures after the first two the step already said. */
const ORDINALS = ["third", "fourth", "fifth", "sixth", "seventh", "eighth"];

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** A call said by its name, or by what it does: "the set limit call", "the call to hold a seat" (never "the hold a seat call"). */
const callName = (operation: string): string => {
  const op = bare(operation);
  return startsWithVerb(op) ? `the call to ${op}` : `the ${op} call`;
};

/** A box named in the plural ("the callers", "the projector workers") takes a plural verb. */
const isPlural = (name: string): boolean => /[^s]s$/.test(boxName(name));

/* ---- 1. Normalise: the numbers the prompt does not give, each with the reason it is assumed ---- */
export function assumptionsWalk(d: Design): Line[] {
  // the inputs behind the hottest figure are said with its arithmetic in step 8
  const seen = new Set<string>(hottest(d)?.inputs.map((x) => x.name) ?? []);
  const out: Line[] = [];
  for (const f of d.capacity)
    for (const x of f.inputs) {
      if (x.source !== "assumed" || seen.has(x.name)) continue;
      seen.add(x.name);
      const label = QUANTITY_BY_ID.get(x.name)?.label;
      const amount =
        x.unit === "fraction" && /utili[sz]ation/.test(x.name)
          ? `${+(x.value * 100).toPrecision(2)} percent utilisation`
          : `${speakInput(x.value, x.name, x.unit, label)}${/\/s$/.test(x.unit ?? "") && perUnit(label) ? ` per ${perUnit(label)}` : ""}`;
      // "typical for I08: 20 gateways — a gateway fleet of a couple of dozen instances" names what the number is;
      // "assumed 50%: running at half capacity leaves room for a failover" says why it is enough
      const what = /\s[—–]\s(.+)$/.exec(x.because)?.[1];
      const why = /\bassumed [^:;]+:\s+(.+)$/.exec(x.because)?.[1];
      if (what) out.push(...detail(`I'll assume ${amount}, ${lowerFirst(bare(what))}`));
      else if (why) out.push(...detail(`I'll assume ${amount}, because ${lowerFirst(bare(why))}`));
    }
  return out.slice(0, 4);
}

/* ---- 2. Critical state and scopes: each critical write, the record it changes and the box that owns it ---- */
export function ownershipWalk(d: Design): Line[] {
  const out: Line[] = [];
  for (const p of d.criticalPaths.slice(0, MAX_ROWS)) {
    const op = d.operations.find((o) => p.operations.includes(o.phrase));
    const model = op ? d.dataModel.find((m) => m.entity === op.entity) : undefined;
    // the record's owner in the data model, else the box the diagram draws holding it
    const owner = op
      ? (d.components.find((c) => c.id === model?.owner) ?? d.components.find((c) => c.holds.includes(op.entity)))
      : undefined;
    if (!op || !owner) continue;
    const key = model ? bare(model.partitionKey ?? model.key[0] ?? "") : "";
    out.push(
      ...detail(
        `${capital(doingOf(p.name))} changes the ${recordName(op.entity)}, which only ${theName(owner.name)} writes${key ? `, one ${key} at a time` : ""}`,
      ),
    );
  }
  return out;
}

/** A record said once as one: "the budget record", "the idempotency record" (never "idempotency record record"). */
const recordName = (entity: string): string => {
  const w = entityWords(entity);
  return /\brecord$/.test(w) ? w : `${w} record`;
};

/** Up to five fields named whole; a longer list counted, with its first three named. */
function fieldList(fields: readonly string[]): string {
  return fields.length <= 5
    ? andList(fields)
    : `${numberWord(fields.length)} fields, among them ${andList(fields.slice(0, 3))}`;
}

/* ---- 3. Smallest primary state: the boxes, what flows between them, and each record's key and fields ---- */
export function boxesWalk(d: Design): Line[] {
  const out: Line[] = [];
  const byId = new Map(d.components.map((c) => [c.id, c]));
  for (const c of d.components.slice(0, MAX_ROWS + 2)) {
    const sends = d.links
      // a feed to a derived copy is said with the reads it serves (step 7)
      .filter((l) => l.from === c.id && byId.has(l.to) && l.kind !== "stream" && l.kind !== "replication")
      .slice(0, 3)
      .map((l) => `${bare(l.label)} to ${theName(byId.get(l.to)?.name ?? l.to)}`);
    // "the callers send …", "the limiter sends …"
    const plural = /[^s]s$/.test(boxName(c.name));
    if (sends.length > 0)
      out.push(...detail(`${capital(theName(c.name))} ${plural ? "send" : "sends"} ${andList(sends)}`));
  }
  for (const m of d.dataModel.slice(0, 4)) {
    const key = andList(m.key.map(bare));
    const part = m.partitionKey && !(m.key.length === 1 && m.key[0] === m.partitionKey);
    out.push(
      ...detail(
        `The ${recordName(m.entity)} is keyed by ${key}${part ? `, partitioned by ${bare(m.partitionKey ?? "")},` : ""} and holds ${fieldList(m.fields.map(bare))}`,
      ),
    );
    const idx = m.indexes.map(bare).filter((x) => x.length > 0);
    if (idx.length > 0) out.push(...detail(`It is indexed on ${andList(idx.slice(0, 3))}`));
  }
  return out;
}

/* ---- 4. Hard invariants: each rule with the mechanism that keeps it ---- */
export function keepersWalk(d: Design): Line[] {
  const out: Line[] = [];
  for (const inv of d.invariants.slice(0, MAX_ROWS)) {
    const keepers = d.mechanisms.filter((m) => m.protects === inv.statement).map((m) => bare(m.name));
    const rule = bare(inv.statement.split(/;\s/)[0] ?? inv.statement);
    if (keepers.length === 0 || countWords(rule) > 24) continue;
    out.push(
      ...detail(`${capital(andList(keepers))} ${keepers.length > 1 ? "keep" : "keeps"} this: ${lowerFirst(rule)}`),
    );
  }
  // what each call promises its caller is a rule the design keeps too
  for (const a of d.api.slice(0, MAX_ROWS))
    if (a.guarantee)
      out.push(...detail(`What ${callName(a.operation)} guarantees: ${lowerFirst(firstPart(a.guarantee))}`));
  return out;
}

/* ---- 5. Execution context: each call with its fields, its errors and what it guarantees ---- */
export function apiWalk(d: Design): Line[] {
  const out: Line[] = [];
  for (const a of d.api.slice(0, MAX_ROWS)) {
    const req = a.request.map(bare).filter((x) => x.length > 0);
    const res = a.response.map(bare).filter((x) => x.length > 0);
    if (req.length > 0 && res.length > 0)
      out.push(
        ...detail(
          `${capital(callName(a.operation))} takes ${andList(req.slice(0, 5))} and returns ${andList(res.slice(0, 4))}`,
        ),
      );
    const errs = a.errors.map(bare).filter((x) => x.length > 0);
    // each sentence names its call, so it stands even when timing keeps it without the one before
    const call = capital(callName(a.operation));
    if (errs.length > 0) out.push(...detail(`${call} can answer ${orList(errs.slice(0, 3))}`));
  }
  return out;
}

/* ---- 6. Shapes and mechanisms: each decision's alternative, what it would buy, and when it wins ---- */
export function alternativesWalk(d: Design): Line[] {
  const out: Line[] = [];
  for (const dec of shownDecisions(d.decisions).slice(0, 4)) {
    const picked = dec.options.find((o) => (o as { id?: string }).id === dec.chosen || o.name === dec.chosen);
    const alt = dec.options.find((o) => o !== picked);
    if (!picked || !alt) continue;
    const name = bare(alt.name);
    const wins = alt.winsWhen ? detail(`${capital(name)} would win when ${lowerFirst(firstPart(alt.winsWhen))}`) : [];
    // what the alternative would buy and cost is said only after its name, so "it" has one referent
    if (wins.length === 0) continue;
    out.push(...wins);
    // an option named by a clause ("a conditional write at payment decides, with no hold before it") is said once
    if (/,/.test(name) || countWords(name) > 8) continue;
    out.push(
      // each names its option, so neither leans on a sentence timing or the checks may leave out
      ...detail(`The upside of ${lowerFirst(name)}: ${lowerFirst(firstPart(alt.buys))}`),
      ...detail(`The price of ${lowerFirst(name)}: ${lowerFirst(firstPart(alt.costs))}`),
    );
  }
  return out;
}

/* ---- 7. Serving paths: each read with where it is served and how stale it may be; each product with its fit ---- */
export function readsWalk(d: Design): Line[] {
  const out: Line[] = [];
  for (const r of d.readPaths.slice(0, MAX_ROWS)) {
    const where =
      r.servedBy === "authority"
        ? "reads the authority"
        : `reads ${lowerFirst(bare(r.servedBy)).replace(/^(?!the |a |an )/, "a ")}`;
    out.push(
      ...detail(`${capital(doingOf(r.read))} ${where}, and its staleness is ${lowerFirst(firstPart(r.staleness))}`),
    );
  }
  // the feeds that keep each derived copy current
  const byId = new Map(d.components.map((c) => [c.id, c]));
  for (const l of d.links.filter((x) => x.kind === "stream" || x.kind === "replication").slice(0, MAX_ROWS)) {
    const from = byId.get(l.from);
    const to = byId.get(l.to);
    if (from && to)
      out.push(
        ...detail(
          `${capital(theName(from.name))} ${isPlural(from.name) ? "feed" : "feeds"} ${bare(l.label)} to ${theName(to.name)}, which ${isPlural(to.name) ? "serve reads from their copies" : "serves reads from its copy"}`,
        ),
      );
  }
  for (const t of d.technology)
    for (const c of t.choices.slice(0, 1))
      out.push(...detail(`${bare(c.product)} fits the ${bare(t.layer)} layer: ${lowerFirst(firstPart(c.fits))}`));
  return out;
}

/* ---- 8. Failures and scale: each figure with its arithmetic, then each further failure with what the design does ---- */
export function scaleWalk(d: Design): Line[] {
  const out: Line[] = [];
  const hot = hottest(d);
  for (const f of d.capacity.filter((x) => x !== hot).slice(0, MAX_ROWS)) {
    const sum = formulaSaid(d, f);
    const value = speakFigure(f.display);
    // a compound unit ("req/min/key") has no spoken form the listener could follow
    if (/\bor\b/.test(value) && !/\bor\b/.test(f.display)) continue;
    // a figure that only reads a stated number back ("3 GB/s" derived from itself) is the prompt's own number
    if (f.inputs.some((x) => x.source === "stated" && x.value === f.value)) continue;
    out.push(
      ...detail(
        sum ? `${capital(bare(f.quantity))}: ${sum}, that's ${value}` : `${capital(bare(f.quantity))}: ${value}`,
      ),
    );
  }
  let n = 0;
  for (const f of spokenFailures(d).slice(2, 2 + ORDINALS.length)) {
    const said = detail(`A ${ORDINALS[n]} failure: ${lowerFirst(firstPart(f.failure))}`);
    // the prevention and repair only follow the failure they answer
    if (said.length === 0) continue;
    n++;
    out.push(...said);
    // a prevention cell is an instruction ("validate policies …") or a noun list ("retry-after hints, …"): a colon fits both
    out.push(...detail(`The guard against it: ${lowerFirst(firstPart(f.prevention))}`));
    out.push(...detail(`If it happens anyway, ${lowerFirst(firstPart(f.repair))}`));
  }
  return out;
}

/**
 * Whether a walk sentence, as it will be said at `step`, is one the script's own checks flag (a cell read inside a
 * sentence, a cut-short list item, symbols a speaker would not say, a count that does not add up …): a walk only adds
 * sentences the checks pass, so the walk never makes a script read worse than its lead sentences.
 */
export function flagged(d: Design, step: number, text: string): boolean {
  const script: Script = {
    prompt: d.prompt,
    minutes: 0,
    wpm: 0,
    short: false,
    weights: [],
    speakingShare: 0,
    steps: [
      {
        step,
        title: "",
        text,
        sentences: [text],
        words: 0,
        seconds: 0,
        minutes: 0,
        budgetSeconds: 0,
        overrun: false,
        dropped: 0,
        lines: [],
        followUps: [],
      },
    ],
    deepDives: [],
    cheatSheet: { checklist: [], numbers: [], decisions: [] },
    totals: { words: 0, seconds: 0, budgetSeconds: 0, overruns: [] },
  };
  return [
    phrasingProblems(script),
    speechProblems(d, script),
    contentProblems(d, script),
    presentationProblems(d, script),
    spliceProblems(script),
    heldProblems(d, script),
  ].some((list) => list.some((p) => p.sentence === text));
}

/** The walk of each of the eight steps, in the presentation order. */
export const WALKS: readonly ((d: Design) => Line[])[] = [
  assumptionsWalk,
  ownershipWalk,
  boxesWalk,
  keepersWalk,
  apiWalk,
  alternativesWalk,
  readsWalk,
  scaleWalk,
];
