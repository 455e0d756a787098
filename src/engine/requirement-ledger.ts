import { CARDINALS_TO_99, SCALE_WORDS, SET_WORDS } from "../knowledge/lexicon.js";
import { requirementKind } from "../knowledge/requirement-kinds.js";
import type { Design } from "./design/design.js";
import type { CARRIER_KINDS, StatedRequirementRow } from "./design/schema.js";
import { clauseSpans } from "./fields/requirements.js";
import { guaranteeClauses, saysClause } from "./stated-clauses.js";
import { anyWord, pattern } from "./text.js";

/**
 * The requirement ledger: every requirement clause of the prompt, with what in the design reads it. Each reader
 * records the prompt's words it rests on as a quote in its reason ("the prompt says '5 million scheduled jobs a
 * day'", "the prompt asks to 'pause a schedule'"), so a clause is carried by the readers whose quotes fall in it,
 * found by span, never by matching the clause's words again. A clause no reader quotes is not carried: the design
 * shows it as such, with what it asks for where its words name a kind (knowledge/requirement-kinds.ts), and
 * coherence `requirement-not-carried` names it.
 */

type CarrierKind = (typeof CARRIER_KINDS)[number];
type Carrier = StatedRequirementRow["carriedBy"][number];
/** A reader's quote of the prompt with where it stands. */
interface Reading extends Carrier {
  from: number;
  to: number;
}

/** The design's parts the ledger reads: every field but the verdicts made from the ledger itself. */
export type Ledgered = Omit<Design, "coherence" | "statedRequirements">;

/** Quotes in a reason: a span in single quotes whose marks are not an apostrophe inside a word ("driver's"). */
const QUOTE = /(?<![\p{L}\p{N}])'(.+?)'(?![\p{L}\p{N}])/gu;

/** The sources of the NFR values a prompt may state in a clause of their own (nfrs.sources keys). */
const QUALITY_SOURCES =
  /^(?:delivery|consistency|availability|ordering|durability|regions|survives|readModes|orderKey|repeatWindow|idWidth)$/;

/** Every place a quote stands in the prompt, case-insensitive; a quote of no letter or digit stands nowhere. */
function placesOf(prompt: string, quote: string): { from: number; to: number }[] {
  const q = quote.trim().toLowerCase();
  if (q.length < 3 || !/[\p{L}\p{N}]/u.test(q)) return [];
  const text = lowered(prompt);
  const out: { from: number; to: number }[] = [];
  for (let i = text.indexOf(q); i >= 0; i = text.indexOf(q, i + 1)) out.push({ from: i, to: i + q.length });
  return out;
}

/** The prompt lower-cased, made once for the many quotes a design places in it (the last prompt's kept). */
let lastPrompt = "";
let lastLowered = "";
function lowered(prompt: string): string {
  if (prompt !== lastPrompt) {
    lastPrompt = prompt;
    lastLowered = prompt.toLowerCase();
  }
  return lastLowered;
}

/** Each quote of a reason, placed in the prompt, as a reading of one kind of design element. */
function quotesIn(prompt: string, because: string, kind: CarrierKind, what: string): Reading[] {
  const out: Reading[] = [];
  for (const m of because.matchAll(QUOTE)) {
    const quote = heldQuote(prompt, because, m.index + 1) ?? m[1] ?? "";
    for (const at of placesOf(prompt, quote)) out.push({ kind, what, quote, ...at });
  }
  return out;
}

/** A closing quote mark: one no letter or digit follows. */
const CLOSING = /'(?![\p{L}\p{N}])/gu;

/**
 * A quote that holds a word the prompt itself quotes ("the prompt says 'Deploy scripts ask for 'stable' and must …'"):
 * the first closing mark ends it too early, so the longest span from its opening to a later closing mark that stands
 * in the prompt is the quote. Undefined when the reason holds no later mark or no longer span stands in the prompt.
 */
function heldQuote(prompt: string, because: string, from: number): string | undefined {
  const ends = [...because.slice(from).matchAll(CLOSING)].map((c) => from + (c.index ?? 0));
  for (let i = ends.length - 1; i >= 1; i--) {
    const span = because.slice(from, ends[i]);
    if (span.includes("'") && placesOf(prompt, span).length > 0) return span;
  }
  return undefined;
}

/** A rule's first sentence, short enough to name it beside a clause. */
const shortly = (text: string, max = 90): string => {
  const first = text.split(/(?<=[.;])\s/)[0] ?? text;
  return first.length <= max ? first.replace(/[.;]$/, "") : `${first.slice(0, max - 1).replace(/\s+\S*$/, "")}…`;
};

/** What each part of the design reads from the prompt, by the words its reasons quote. */
function readings(d: Ledgered): Reading[] {
  const p = d.prompt;
  const out: Reading[] = [];
  for (const [key, s] of Object.entries(d.nfrs.sources)) {
    if (s.source !== "stated") continue;
    if (key.startsWith("scale.")) {
      const quantity = key.slice("scale.".length);
      const figures = d.capacity.filter((r) => r.inputs.some((i) => i.name === quantity && i.source === "stated"));
      const ids = figures.map((r) => r.id);
      const named = ids.length > 3 ? `${ids.slice(0, 3).join(", ")} and ${ids.length - 3} more` : ids.join(", ");
      const what = figures.length > 0 ? `${quantity}, read by ${named}` : quantity;
      out.push(...quotesIn(p, s.because, "figure", what));
    } else if (key.startsWith("guarantee.")) {
      out.push(...quotesIn(p, s.because, "rule", "a stated guarantee"));
    } else if (QUALITY_SOURCES.test(key)) {
      const value = (d.nfrs as unknown as Record<string, unknown>)[key];
      out.push(...quotesIn(p, s.because, "quality", typeof value === "string" ? `${key} ${value}` : key));
    }
  }
  for (const l of d.nfrs.latency)
    for (const at of placesOf(p, l.quote))
      out.push({ kind: "latency", what: `${l.percentile} under ${l.ms} ms`, quote: l.quote, ...at });
  for (const i of d.invariants) out.push(...quotesIn(p, i.because, "rule", shortly(i.statement)));
  for (const r of d.requirements)
    out.push(...quotesIn(p, r.because, "operation", r.alias ? `${r.alias.phrase} (${r.alias.operation})` : r.text));
  for (const a of d.api) if (a.because) out.push(...quotesIn(p, a.because, "operation", a.call));
  for (const m of d.dataModel) if (m.because) out.push(...quotesIn(p, m.because, "record", m.entity));
  for (const m of d.mechanisms) for (const b of m.because) out.push(...quotesIn(p, b, "mechanism", m.name));
  for (const f of d.features) for (const e of f.evidence) out.push(...quotesIn(p, e, "feature", f.name));
  for (const c of d.decisions) out.push(...quotesIn(p, c.because, "decision", c.question));
  // a guarantee clause the stated-rule reader found (its own span) is carried by the invariant that says it
  for (const c of guaranteeClauses(p)) {
    const rule = d.invariants.find((i) => saysClause(i.statement, c));
    if (rule)
      out.push({ kind: "rule", what: shortly(rule.statement), quote: c.quote, from: c.at, to: c.at + c.quote.length });
  }
  // a product the prompt names is carried by the technology row that buys it or learns from it
  for (const t of d.technology)
    for (const product of [...t.choices, ...(t.references ?? [])].map((c) => c.product)) {
      const name = /^[A-Z][\w.-]{2,}/.exec(product)?.[0];
      if (!name) continue;
      for (const m of p.matchAll(pattern(`\\b${name.replace(/[.]/g, "\\.")}\\b`, "g")))
        out.push({
          kind: "technology",
          what: product,
          quote: name,
          from: m.index ?? 0,
          to: (m.index ?? 0) + name.length,
        });
    }
  return out;
}

/** A word of a clause, where it stands in the prompt, and whether it is a figure the prompt states ("5,000"). */
interface Word {
  text: string;
  from: number;
  to: number;
  number: boolean;
}

/**
 * Words that carry no ask of their own: articles, joining words, auxiliaries and the words that only size or place a
 * figure ("up to", "at peak", "per second"). A clause's other words are its key words: what a reader must quote for
 * the clause to be carried.
 */
const NOT_KEY = new Set(
  (
    "a an the of to at on in by for from with and or but nor not no never ever every each any all its it is are be " +
    "been being was were has have had do does did will would should shall could may might must can cannot only so " +
    "that this these those then than when where whenever which whose who whom what as into onto over under after before per up down " +
    "out about around more less most least still same own their there them they his her our your we you i also just " +
    "within while without across between among through via until unless since because others " +
    "even very both either neither such some many much few other another whole get gets got peak time " +
    "times hold holds held keep kept make makes made"
  ).split(" "),
);

/** The words of a clause (at `at` in the prompt), each with its place and whether it is a stated figure. */
function wordsOf(text: string, at: number): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}.,'’%-]*/gu)) {
    const w = m[0].replace(/[.,'’-]+$/, "").replace(/['’]s$/, "");
    const from = at + (m.index ?? 0);
    out.push({ text: w, from, to: from + w.length, number: /^\d/.test(w) || NUMBER_WORD.test(w) });
  }
  // "one" or "a" before a unit of time is a figure ("kept for one year", "once a day"), elsewhere a pronoun or article
  for (let i = 0; i + 1 < out.length; i++) {
    const w = out[i] as Word;
    if (!w.number && /^(?:one|a|an)$/i.test(w.text) && TIME_UNIT.test((out[i + 1] as Word).text)) w.number = true;
  }
  return out;
}

/** A unit of time a number word may stand before ("one year", "a day"). */
const TIME_UNIT = /^(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?)$/i;

/**
 * A number said in words ("three replicas", "two billion photos", "forty-five days"): the words of knowledge/lexicon.ts
 * from two up, the scale words and the set words, singular or plural ("one" and "a" count only before a time unit).
 */
const NUMBER_WORD = new RegExp(
  String.raw`^(?:${anyWord(
    [
      ...Object.entries(CARDINALS_TO_99)
        .filter(([, v]) => v >= 2)
        .map(([w]) => w),
      ...Object.keys(SCALE_WORDS),
      ...Object.keys(SET_WORDS).filter((w) => w !== "single"),
    ].flatMap((w) => [w, `${w}s`]),
  )})$`,
  "i",
);

/** A clause's key words: its stated figures and the words that say what it asks (not in NOT_KEY). */
const keyWords = (words: readonly Word[]): Word[] =>
  words.filter((w) => w.number || (w.text.length > 2 && !NOT_KEY.has(w.text.toLowerCase())));

/** Whether a reading's quote holds a word of the prompt. */
const holds = (r: Reading, w: Word): boolean => r.from <= w.from && w.to <= r.to;

/** Whether a reading stands inside a clause (or overlaps it): only those are weighed for it. */
const touches = (r: Reading, from: number, to: number): boolean => Math.min(r.to, to) - Math.max(r.from, from) > 0;

/**
 * Words that make a clause a rule (an obligation the design must keep, not a figure to size): "must", "never",
 * "at most", "still", "exactly". A rule clause is carried only by a reader that states it — a rule, a mechanism, an
 * operation, a stated quality or a latency bound quoting most of it — never by a figure that reads its number alone.
 */
const RULE_WORDS =
  /\b(?:must|never|always|cannot|can't|may not|must not|at most|at least|no more than|exactly|only|guarantee\w*|still)\b/i;
/** The ask that opens a clause, up to the word that starts what it asks to keep ("so", "so that", "where"). */
const ASK_OPENS =
  /^\s*(?:(?:re)?design|build|make\s+sure|ensure|how\s+(?:would|do|can|should)\s+(?:you|we|I))\b[^,;:.!?]{0,60}?\b(?:so\s+that|so|where|such\s+that)\s+/i;
/** A word that opens the condition a clause holds under ("when", "if", "even", "unless"). */
const CONDITION = /^(?:when|whenever|if|unless|even|though|although|whether|until|in case)$/i;

/** The kinds of reader that can state a rule. */
const RULE_READERS: ReadonlySet<CarrierKind> = new Set(["rule", "mechanism", "operation", "quality", "latency"]);

/** What a reader kind may carry of a clause: all of it, or only words (a figure's number, a record's noun). */
export interface Credit {
  carried: boolean;
  /** The readings that read some of the clause's key words, in prompt order. */
  readers: Reading[];
  /** The clause's key words no fitting reader reads, in the prompt's order. */
  unread: string[];
}

/**
 * Whether a clause is carried, by meaning: its key words (its figures with their units, and the words that say what
 * it asks) are each read by a reader of a kind that fits them. A latency bound ("within 5 seconds") is read only by a
 * latency bound the design holds, never by a figure of another path that quotes the same words; a rule clause
 * ("must", "never") needs a reader that states the rule (RULE_READERS) over at least half its key words; a figure
 * reads its number and the words it measures, and the words before it only name what it counts ("8,000 servers
 * ship …"). A reader that reads a part of a clause (a part count of "files up to 5 GB are uploaded in chunks") does
 * not carry it: the words left unread are said as what the design drops.
 */
export function credit(text: string, at: number, all: readonly Reading[], bound?: "latency" | "freshness"): Credit {
  const to = at + text.length;
  // the words of a condition under which the clause holds ("…, even when both report the same purchase", "… may be
  // lost when a node crashes") say when, not what: the clause's ask is the words before it
  const all0 = wordsOf(text, at);
  // the ask that opens a clause ("Redesign this so …", "How would you place jobs so …", "Design a queue where …")
  // says what to build, not what to keep: the clause asks the words after it
  const ask = ASK_OPENS.exec(text);
  const asked = ask ? all0.filter((w) => w.from >= at + ask[0].length) : all0;
  const words = keyWords(asked).length >= 2 ? asked : all0;
  const cut = words.findIndex((w, i) => i > 0 && CONDITION.test(w.text) && keyWords(words.slice(0, i)).length >= 2);
  const keys = keyWords(cut > 0 ? words.slice(0, cut) : words);
  const near = all.filter((r) => touches(r, at, to));
  // the latency bound's own words ("within 5 seconds") are read by a latency bound only
  // (so are a page's or a rollback's bound words, where the figure that spends that bound reads them)
  const wayBound = near.some((r) => r.kind === "figure" && WAY_BOUND_FIGURE.test(r.what));
  const said = bound || wayBound ? LATENCY_BOUND.exec(text) : null;
  const boundFrom = said ? at + said.index : -1;
  const boundTo = said ? boundFrom + said[0].length : -1;
  const inBound = (w: Word) => w.from >= boundFrom && w.to <= boundTo;
  // a freshness bound is also read by a figure of a copy's lag ("propagation_seconds, read by copy_fresh_seconds")
  // (a latency clause on a copy's update, "updated within 2 seconds", is read by that lag figure too)
  const readsBound = (r: Reading) =>
    r.kind === "latency" ||
    (r.kind === "figure" && ((bound !== undefined && LAG_FIGURE.test(r.what)) || WAY_BOUND_FIGURE.test(r.what)));
  const readsWord = (r: Reading, w: Word) => holds(r, w) && (!inBound(w) || readsBound(r));
  const readers = near.filter((r) => keys.some((w) => readsWord(r, w)));
  const unreadWords = keys.filter((w) => !readers.some((r) => readsWord(r, w)));
  // a figure or a latency bound reads its number with what it measures: the words before it name what it counts or
  // the path it bounds ("marketing and order systems submit 30,000 …", "an edit shows up on other devices within
  // 10 seconds"), and the words after it up to a verb of their own its unit ("3 TB of logs a day"); a predicate after
  // it ("files up to 5 GB are uploaded in chunks") is an ask of its own
  const measured = keys.filter(
    (w) =>
      (w.number || inBound(w)) && readers.some((r) => (r.kind === "figure" || r.kind === "latency") && readsWord(r, w)),
  );
  const isRule = RULE_WORDS.test(text);
  const last = measured[measured.length - 1];
  const unitEnd = last ? at + unitEndOf(text.slice(last.to - at)) + (last.to - at) : -1;
  const dropped = unreadWords.filter((w) => (isRule && said === null) || !last || w.from > unitEnd);
  const stated =
    !isRule ||
    // a bound the clause states ("must show up within a second") is stated by the reader of that bound
    (said !== null && readers.some((r) => readsBound(r) && keys.some((w) => inBound(w) && holds(r, w)))) ||
    readers.some(
      (r) => RULE_READERS.has(r.kind) && keys.filter((w) => readsWord(r, w)).length * 2 >= Math.max(keys.length, 1),
    );
  return {
    carried: readers.length > 0 && dropped.length === 0 && stated,
    readers,
    unread: (dropped.length > 0 ? dropped : stated ? [] : unreadWords).map((w) => w.text),
  };
}

/** A word that opens a predicate of its own after a figure ("… are uploaded", "… must balance"). */
const PREDICATE =
  /^(?:are|is|was|were|be|been|being|get|gets|got|must|may|might|can|cannot|should|shall|will|would|need|needs|have|has|had|that|which|where|who|and|but|or|while|so|then|to)$/i;

/** How far a figure's unit and measure run after its number: up to the first word that opens a predicate. */
function unitEndOf(tail: string): number {
  for (const m of tail.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)) if (PREDICATE.test(m[0])) return m.index ?? 0;
  return tail.length;
}

/** A figure of how far a copy trails its source: the quantities a freshness bound is read as. */
const LAG_FIGURE = /^(?:propagation|lag|staleness|freshness|replication_lag)\w*\b/;
/**
 * A stated bound on a pipeline's whole way (a page's, a rollback's, a failover's: detection, lease expiry and hand-over),
 * read by the figure that sums its steps against it:
 * it reads the bound's words in any clause that states them, a rule's ("a bad version must be reverted within 3
 * minutes") as well as a latency's.
 */
const WAY_BOUND_FIGURE = /^(?:page_bound|rollback_bound|failover)_seconds, read by\b/;

/** A latency bound's words in a clause: a time under which a path answers ("within 50 ms", "in under 2 seconds"). */
const LATENCY_BOUND =
  /\b(?:under|below|within|less than|at most|in)\s+(?:under\s+|about\s+)?(?:a|one|\d[\d.,]*)\s*(?:ms|milliseconds?|µs|microseconds?|s|sec|seconds?|minutes?|mins?|hours?)\b/i;

/** At most this many readers are named beside one clause (the strongest kinds first). */
const MAX_CARRIERS = 4;

/** A reading as the ledger names it: its kind, which one, and the words it quotes. */
const named = (r: Reading | Carrier): Carrier => ({ kind: r.kind, what: r.what, quote: r.quote });

/** Readings named once each (one kind and one name), the strongest kinds first, at most MAX_CARRIERS. */
function strongest(list: readonly Carrier[]): Carrier[] {
  const out: Carrier[] = [];
  for (const r of list) if (!out.some((f) => f.kind === r.kind && f.what === r.what)) out.push(named(r));
  return out.sort((a, b) => RANK.indexOf(a.kind) - RANK.indexOf(b.kind)).slice(0, MAX_CARRIERS);
}

/**
 * The requirement ledger of a design: each clause of its prompt (punctuation breaks them, `clauseSpans`), with the
 * readers that carry it by meaning (`credit`). The clause that names what to design ("Design a distributed cron
 * service …") is carried by the design's subject, the dominant archetype (or the product) recognition read from it.
 * A clause read only in part keeps the readers of that part (`partly`) and the key words nothing reads (`unread`).
 */
export function requirementLedger(d: Ledgered): StatedRequirementRow[] {
  const all = readings(d);
  const subject = d.archetypes[0];
  return requirementClauses(d.prompt).map(({ text, at }, i) => {
    const kind = requirementKind(text);
    const asks = kind ? { asks: { kind: kind.id, what: kind.asks } } : {};
    const here = all.filter((r) => touches(r, at, at + text.length));
    // the prompt's first clause names what is built: recognition read the design's subject from it
    if (i === 0 && subject) {
      const carriedBy = strongest([{ kind: "subject", what: subject.name, quote: text }, ...here]);
      return { clause: text, at, carried: true, carriedBy, ...asks };
    }
    // `credit` weighs only the readings that touch the clause, so it is handed those alone
    const c = credit(text, at, here, kind?.id === "latency" || kind?.id === "freshness" ? kind.id : undefined);
    if (c.carried) return { clause: text, at, carried: true, carriedBy: strongest(c.readers), ...asks };
    return {
      clause: text,
      at,
      carried: false,
      carriedBy: [],
      ...asks,
      ...(c.readers.length > 0 ? { partly: strongest(c.readers) } : {}),
      ...(c.unread.length > 0 ? { unread: c.unread } : {}),
    };
  });
}

/**
 * Words that open a clause which only qualifies the one before it ("if that node hangs", "at the hour they signed
 * up", "with short bursts allowed", "even if a scheduler node crashes"): it is part of that requirement, not one of
 * its own.
 */
const QUALIFIER =
  /^(?:if|when|whenever|unless|until|even|except|after|before|once|since|because|so|as|at|with|without|within|including|focusing|especially|ideally|preferably|whether|than|then|by|in|on|from|for|under|over|per|via|plus|such as|e\.g\.|i\.e\.)\b/i;

/** A requirement clause: its text and where it starts in the prompt. */
export interface RequirementClause {
  readonly text: string;
  readonly at: number;
}

/**
 * The last prompt's requirement clauses: the ledger, the catch-up and the downstream-protection readers each ask for
 * them in one design. Frozen, as they are shared.
 */
let lastClauses: { prompt: string; clauses: readonly RequirementClause[] } | undefined;

/**
 * The requirement clauses of a prompt: its clauses broken at punctuation (`clauseSpans` without joining words), a
 * clause that only qualifies the one before it joined to it.
 */
export function requirementClauses(prompt: string): readonly RequirementClause[] {
  if (lastClauses?.prompt === prompt) return lastClauses.clauses;
  const out: RequirementClause[] = [];
  for (const c of clauseSpans(prompt, false)) {
    const last = out[out.length - 1];
    // a clause the prompt joins on with "and" ("…, and when two devices edit one file both versions are kept") is
    // a requirement of its own, whatever word it opens with
    const joined = joinedOn(prompt, c.at);
    if (last && !joined && QUALIFIER.test(c.text)) {
      out[out.length - 1] = { text: prompt.slice(last.at, c.at + c.text.length), at: last.at };
      continue;
    }
    out.push(c);
  }
  const clauses = Object.freeze(out.map((c) => Object.freeze(c)));
  lastClauses = { prompt, clauses };
  return clauses;
}

/** A joining word ending the text before a clause, after any spaces ("…, and", "… while"). */
const JOINED = /\b(?:and|or|but|while)$/i;

/**
 * Whether the prompt joins the clause at `at` on with "and", "or", "but" or "while": the spaces before it skipped, the
 * word read from the few characters left (the longest joining word and the character before it), so a long prompt is
 * not scanned from its start for every clause.
 */
function joinedOn(prompt: string, at: number): boolean {
  let end = at;
  while (end > 0 && SPACE.test(prompt[end - 1] as string)) end--;
  return JOINED.test(prompt.slice(Math.max(0, end - 6), end));
}
const SPACE = /\s/;

/** The order readers are named in: the design's own parts before the figures and qualities that only size it. */
const RANK: readonly CarrierKind[] = [
  "subject",
  "operation",
  "rule",
  "latency",
  "record",
  "mechanism",
  "feature",
  "figure",
  "quality",
  "decision",
  "technology",
];

/** The clauses nothing in the design reads. */
export const notCarried = (ledger: readonly StatedRequirementRow[]): StatedRequirementRow[] =>
  ledger.filter((r) => !r.carried);
