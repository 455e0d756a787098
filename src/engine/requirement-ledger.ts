import { requirementKind } from "../knowledge/requirement-kinds.js";
import type { Design } from "./design/design.js";
import type { CARRIER_KINDS, StatedRequirementRow } from "./design/schema.js";
import { clauseSpans } from "./fields/requirements.js";
import { guaranteeClauses, saysClause } from "./stated-clauses.js";
import { pattern } from "./text.js";

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
    const quote = m[1] ?? "";
    for (const at of placesOf(prompt, quote)) out.push({ kind, what, quote, ...at });
  }
  return out;
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

/** A reading carries a clause when it covers at least half of the shorter of the two. */
const covers = (r: Reading, from: number, to: number): boolean => {
  const overlap = Math.min(r.to, to) - Math.max(r.from, from);
  return overlap > 0 && overlap * 2 >= Math.min(r.to - r.from, to - from);
};

/** At most this many readers are named beside one clause (the strongest kinds first). */
const MAX_CARRIERS = 4;

/**
 * The requirement ledger of a design: each clause of its prompt (punctuation breaks them, `clauseSpans`), with the
 * readers whose quotes fall in it. The clause that names what to design ("Design a distributed cron service …") is
 * carried by the design's subject, the dominant archetype (or the product) recognition read from it.
 */
export function requirementLedger(d: Ledgered): StatedRequirementRow[] {
  const all = readings(d);
  const subject = d.archetypes[0];
  return requirementClauses(d.prompt).map(({ text, at }, i) => {
    const to = at + text.length;
    const found: Carrier[] = [];
    // the prompt's first clause names what is built: recognition read the design's subject from it
    if (i === 0 && subject) found.push({ kind: "subject", what: subject.name, quote: text });
    for (const r of all) {
      if (!covers(r, at, to)) continue;
      if (found.some((f) => f.kind === r.kind && f.what === r.what)) continue;
      found.push({ kind: r.kind, what: r.what, quote: r.quote });
    }
    const ordered = found.sort((a, b) => RANK.indexOf(a.kind) - RANK.indexOf(b.kind)).slice(0, MAX_CARRIERS);
    const kind = requirementKind(text);
    return {
      clause: text,
      at,
      carried: ordered.length > 0,
      carriedBy: ordered,
      ...(kind ? { asks: { kind: kind.id, what: kind.asks } } : {}),
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

/**
 * The requirement clauses of a prompt: its clauses broken at punctuation (`clauseSpans` without joining words), a
 * clause that only qualifies the one before it joined to it.
 */
export function requirementClauses(prompt: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  for (const c of clauseSpans(prompt, false)) {
    const last = out[out.length - 1];
    if (last && QUALIFIER.test(c.text)) {
      out[out.length - 1] = { text: prompt.slice(last.at, c.at + c.text.length), at: last.at };
      continue;
    }
    out.push(c);
  }
  return out;
}

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
