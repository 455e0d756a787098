import type { Design } from "../../engine/design/design.js";
import { shownDecisions } from "../../engine/roles.js";
import { pattern } from "../../engine/text.js";
import { PRESENTATION_STEPS } from "../../knowledge/presentation.js";
import { breathSplit, SPOKEN_WORDS } from "./breath.js";
import { grammarFixed } from "./grammar.js";
import { heldOnly } from "./held.js";
import { keptSteps } from "./kept.js";
import { forScript } from "./memo.js";
import { placeholderSpeech } from "./placeholders.js";
import {
  actionName,
  bodyOf,
  countWords,
  entityWords,
  firstClause,
  headOf,
  lowerFirst,
  MAX_SENTENCE_WORDS,
  sayOwnedOnce,
  sentence,
  speakable,
} from "./speak.js";
import {
  asFix,
  bodyFailures,
  decisionLine,
  furtherDecisions,
  hotBottleneck,
  hottest,
  jargonGlosses,
  protocolName,
  STEP_WRITERS,
  sayDecision,
  spokenFailures,
  subjectSequence,
} from "./steps.js";
import { DEFAULT_MINUTES, DEFAULT_SPEAKING_SHARE, DEFAULT_WEIGHTS, DEFAULT_WPM, retime } from "./timing.js";
import type {
  CheatSheet,
  DeepDive,
  FollowUp,
  Line,
  Script,
  ScriptedDesign,
  ScriptOptions,
  ScriptStep,
} from "./types.js";

export { DEFAULT_MINUTES, DEFAULT_WEIGHTS, DEFAULT_WPM, retime, SHORT_MINUTES, stepBudget } from "./timing.js";
export * from "./types.js";

/** A failure offered as a deep dive by what happens ("when a crashed holder keeps the resource locked …"), its label only when that is too long. */
function failureTopic(cell: string): string {
  const body = bodyOf(cell);
  const c = body ? firstClause(body, 26) : undefined;
  return c ? `when ${lowerFirst(c).replace(/[.]$/, "")}` : `${headOf(cell)}`;
}

/** Deep dives to offer when there is time: the protocols, the failures and limits not yet spoken, the decisions. */
function deepDives(d: Design): DeepDive[] {
  const out: DeepDive[] = [];
  // the sequence step 6 draws first, then the design's next one
  const first = subjectSequence(d);
  const seqs = d.diagrams.filter((x) => x.kind === "sequence");
  for (const g of [...(first ? [first] : []), ...seqs.filter((x) => x !== first)].slice(0, 2))
    out.push({
      topic: `${protocolName(d, g.title, "protocol")}, message by message`,
      why: "it shows where the check that keeps the rule happens",
    });
  // the failures step 8 does not say in its body
  const told = new Set(bodyFailures(d));
  for (const f of spokenFailures(d)
    .filter((x) => headOf(x.failure) && !told.has(x))
    .slice(0, 2))
    out.push({ topic: failureTopic(f.failure), why: firstClause(f.repair, 30) ?? "it tests the repair path" });
  const hot = hotBottleneck(d);
  for (const b of d.bottlenecks.filter((x) => x !== hot).slice(0, 2)) {
    const h = headOf(b.bottleneck);
    // a mitigation that only names the remedy is said as what the remedy is, never as a sentence with no verb
    const why = firstClause(b.mitigation, 30);
    if (h) out.push({ topic: h, why: why ? asFix(why, "remedy") : "it is the next limit as load grows" });
  }
  // a further decision, with the pick and its reason in the option's own words (never the engine's "x is x" tag)
  // the third and fourth, unless step 6 says them in its body
  const further = new Set(furtherDecisions(d));
  for (const dec of shownDecisions(d.decisions)
    .slice(2, 4)
    .filter((x) => !further.has(x)))
    out.push({ topic: speakable(dec.question), why: sayDecision(dec).join(" ") });
  // two sequences of one protocol (or two rows said alike) are one deep dive, offered once
  // each said with the prompt's noun for its unit; one only a card's placeholder could say is not offered
  const bind = placeholderSpeech(d);
  const said = out
    .map((x) => ({ topic: bind(x.topic), why: bind(x.why) }))
    .filter((x) => x.topic.length > 0 && x.why.length > 0);
  return said.filter((x, i) => said.findIndex((y) => y.topic === x.topic) === i);
}

/** Most words a cheat-sheet answer keeps. */
const CHEAT_WORDS = 24;

/** `text` split at `sep` only outside parentheses: "a (b; c); d" -> "a (b; c)", "d". */
function splitOutside(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "(") depth++;
    else if (c === ")") depth = Math.max(0, depth - 1);
    else if (depth === 0 && text.startsWith(sep, i)) {
      out.push(text.slice(from, i));
      from = i + sep.length;
    }
  }
  out.push(text.slice(from));
  return out.map((x) => x.trim()).filter((x) => x.length > 0);
}

/** Text without its asides in brackets, nested ones too; an opening bracket never closed ends it. */
function withoutAsides(text: string): string {
  let t = text;
  for (let prev = ""; prev !== t; ) {
    prev = t;
    t = t.replace(/\s*\([^()]*\)/g, "");
  }
  const open = t.indexOf("(");
  return (open >= 0 ? t.slice(0, open) : t).replace(/\s+([,.;:])/g, "$1").trim();
}

/**
 * A checklist answer cut to a line: archetype ids removed, first part only, at most 24 words, and only ever cut
 * where a clause ends: never inside brackets (an aside goes whole), never mid-clause ("Release missed: a worker
 * claims a run, crashes, and the run sits in claimed forever.", not "Release missed.").
 */
export function cheatLine(answer: string): string {
  const t = speakable(answer.replace(/\bI\d{2}:\s*/g, "")).replace(/\.:/g, ":");
  const first = splitOutside(t, "; ")[0] ?? t;
  if (countWords(first) <= CHEAT_WORDS && withoutAsides(first) === first.replace(/\s+([,.;:])/g, "$1").trim())
    return sentence(first);
  const bare = withoutAsides(first);
  if (countWords(bare) <= CHEAT_WORDS) return sentence(bare);
  // the clauses after a label's colon, as many as fit
  const parts = splitOutside(bare, ": ");
  let kept = parts[0] ?? bare;
  for (const p of parts.slice(1)) {
    if (countWords(`${kept}: ${p}`) > CHEAT_WORDS) break;
    kept = `${kept}: ${p}`;
  }
  // a first clause longer than a line is said whole rather than cut inside it
  return sentence(kept);
}

/**
 * Design entity names (CamelCase identifiers) said as words: "ProtectedResource never applies" ->
 * "The protected resource never applies"; "one unexpired Lease" -> "one unexpired lease".
 */
function entitySpeech(d: Design): (text: string) => string {
  const names = [
    ...new Set([
      ...d.primaryState.map((s) => s.entity),
      ...d.operations.map((o) => o.entity),
      ...d.readPaths.map((r) => r.entity),
    ]),
  ].filter((n) => /^[A-Z][A-Za-z0-9]*$/.test(n));
  const bind = placeholderSpeech(d);
  if (names.length === 0) return bind;
  const alt = names.join("|");
  // Global, and used only by `replace`, which starts each search from the beginning.
  const atStart = pattern(`(^|(?<=[.!?] ))(${alt})(s?)\\b`, "g");
  const inside = pattern(`\\b(${alt})(s?)\\b`, "g");
  return (text) =>
    // entity names said as words first, so a renamed unit's own records ("SubjectSnapshot") take the prompt's noun too
    // a record named after its key's noun ("a prefix's PrefixSuggestions") says the noun once
    sayOwnedOnce(
      bind(
        text
          .replace(atStart, (_m, _pre: string, name: string, s: string) => `The ${entityWords(name)}${s}`)
          .replace(inside, (_m, name: string, s: string) => `${entityWords(name)}${s}`),
      ),
    );
}

/** One page to glance at: the checklist answers, the main numbers and the two decisions, each in a line. */
function cheatSheet(d: Design): CheatSheet {
  const short = cheatLine;
  const bind = placeholderSpeech(d);
  const numbers: string[] = [];
  const hot = hottest(d);
  const figures = hot ? [hot, ...d.capacity.filter((c) => c !== hot)] : [...d.capacity];
  for (const c of figures.slice(0, 4)) numbers.push(`${c.quantity}: ${c.display} (${c.formula})`);
  if (numbers.length === 0)
    for (const b of d.bottlenecks.slice(0, 3)) {
      if (b.estimate) numbers.push(b.estimate);
      else if (b.formula) numbers.push(b.formula);
    }
  const decisions = shownDecisions(d.decisions).slice(0, 2).map(decisionLine);
  return {
    // an answer's reason about a record this design does not keep is left off: "Shard." rather than block allocation
    checklist: d.checklist.map((c) => {
      // an answer only a card's placeholder could fill keeps its label alone ("Shard.")
      const said = short(c.answer);
      const answer = bind(said) || sentence(/^([^:]{1,40}): /.exec(said)?.[1] ?? said);
      const [, head, rest] = /^([^:]{1,40}): (.+)$/.exec(answer) ?? [];
      return {
        question: c.question,
        answer: head && rest && heldOnly(d, sentence(rest)) === "" ? sentence(head) : answer,
      };
    }),
    numbers,
    decisions,
  };
}

/**
 * Template openings a step may say several times, each with the ways said in turn within the step: "I'd do it
 * because" three times over is heard as a form being filled in. The first use keeps the plain wording.
 */
const OPENING_TURNS: readonly (readonly string[])[] = [
  ["That is because ", "That's because ", "The reason is that "],
  ["I'd do it because ", "My reason is that ", "That's my pick because "],
  ["The cost is that ", "The price is that ", "What I give up is that "],
];

/** Each opening's pattern at a sentence start (`String.replace` restarts a global pattern at 0 on every call). */
const OPENING_AT = OPENING_TURNS.map((turns) => new RegExp(`(^|[.?!]\\s+)${turns[0] ?? ""}`, "g"));

/** A step's lines with each template opening of `OPENING_TURNS` said in turn. */
function becauseVaried(lines: readonly Line[]): Line[] {
  const used = OPENING_TURNS.map(() => 0);
  return lines.map((l) => {
    let text = l.text;
    OPENING_TURNS.forEach((turns, i) => {
      const at = OPENING_AT[i];
      if (!at || !text.includes(turns[0] ?? "")) return;
      text = text.replace(at, (_, pre: string) => {
        const k = used[i] ?? 0;
        used[i] = k + 1;
        return `${pre}${turns[k % turns.length] ?? ""}`;
      });
    });
    return { ...l, text };
  });
}

/** Writes the spoken eight-step script for a design, timed for a round of `minutes`. */
export function writeScript(d: Design, opts: ScriptOptions = {}): Script {
  return forScript(d, () => scriptOf(d, opts, true));
}

/** The script; without `whole`, its timed steps only (the deep dives and the cheat sheet left empty). */
function scriptOf(d: Design, opts: ScriptOptions, whole: boolean): Script {
  const say = entitySpeech(d);
  // a jargon action is glossed once, right after the first sentence that says it
  const glosses = jargonGlosses(d);
  const glossed = new Set<string>();
  // a sentence is said once in a script: a second "The stated freshness bound is 5 seconds." before another figure
  // checked against the same bound adds nothing the listener has not just heard
  const spoken = new Set<string>();
  // each line said with its entities as words, too long ones left out, and any glosses it calls for after it
  const sayLines = (drafted: readonly Line[]): Line[] => {
    const out: Line[] = [];
    for (const x of drafted) {
      // a card's sentence about a record this design does not keep (a lease table, block allocation) is not said
      // then its articles, participles and four-digit counts put right (grammar.ts)
      // a sentence past one breath is split at a join between its clauses (breath.ts), every word kept
      const l = { ...x, text: breathSplit(grammarFixed(heldOnly(d, say(x.text))), SPOKEN_WORDS) };
      if (l.text.length === 0 || countWords(l.text) > MAX_SENTENCE_WORDS || spoken.has(l.text)) continue;
      spoken.add(l.text);
      out.push(l);
      const lower = l.text.toLowerCase();
      // the glosses' names differ, so marking one glossed never changes whether the next is fresh
      for (const g of glosses)
        if (!glossed.has(g.name) && (lower.includes(g.said) || lower.includes(g.name))) {
          glossed.add(g.name);
          out.push({ text: g.gloss, keep: l.keep });
        }
    }
    return out;
  };
  const steps: ScriptStep[] = PRESENTATION_STEPS.map((s, i) => {
    const writer = STEP_WRITERS[i];
    const draft = writer ? writer(d) : { lines: [], followUps: [] };
    const lines = becauseVaried(sayLines(draft.lines));
    // a jargon action first said in a follow-up answer is glossed there
    const held = draft.followUps
      .map((f) => ({ ...f, answer: heldOnly(d, f.answer) }))
      .filter((f) => f.answer.length > 0 && heldOnly(d, f.question) === f.question);
    const followUps = held.map((f) => {
      const lower = f.answer.toLowerCase();
      const fresh = glosses.filter((g) => !glossed.has(g.name) && lower.includes(g.said));
      for (const g of fresh) glossed.add(g.name);
      return fresh.length > 0 ? { ...f, answer: [f.answer, ...fresh.map((g) => g.gloss)].join(" ") } : f;
    });
    const step: ScriptStep = {
      step: s.step,
      title: s.title,
      text: "",
      sentences: [],
      words: 0,
      seconds: 0,
      minutes: 0,
      budgetSeconds: 0,
      overrun: false,
      dropped: 0,
      lines,
      followUps: withoutRepeats(
        lines.map((l) => l.text),
        followUps.map((f) => ({
          question: grammarFixed(say(f.question)),
          answer: splitLong(breathSplit(grammarFixed(say(f.answer)))),
        })),
      ),
    };
    if (draft.cue) step.cue = { ...draft.cue, say: breathSplit(grammarFixed(say(draft.cue.say))) };
    const checkIn = draft.checkIn ? breathSplit(grammarFixed(say(draft.checkIn))) : "";
    if (checkIn) step.checkIn = checkIn;
    return step;
  });
  return retime(
    {
      // the steps alone (withScript) never show the prompt, so they are written without reading it (render/script/kept.ts)
      prompt: whole ? d.prompt : "",
      minutes: DEFAULT_MINUTES,
      wpm: DEFAULT_WPM,
      short: false,
      weights: [...DEFAULT_WEIGHTS],
      speakingShare: DEFAULT_SPEAKING_SHARE,
      steps,
      deepDives: whole ? deepDives(d) : [],
      cheatSheet: whole ? cheatSheet(d) : { checklist: [], numbers: [], decisions: [] },
      totals: { words: 0, seconds: 0, budgetSeconds: 0, overruns: [] },
    },
    opts,
  );
}

/** Longest answer sentence a candidate says in one breath; a longer one is split at its ", and". */
const ANSWER_WORDS = 35;

/** An answer whose sentences stay speakable: "…, and give it a transactional id …" becomes its own sentence. */
function splitLong(answer: string): string {
  return answer
    .split(/(?<=[.?!])\s+(?=[A-Z])/)
    .map((x) => {
      const at = x.indexOf(", and ");
      if (countWords(x) <= ANSWER_WORDS || at < 0) return x;
      const rest = x.slice(at + 6);
      return `${x.slice(0, at)}. ${rest.charAt(0).toUpperCase()}${rest.slice(1)}`;
    })
    .join(" ");
}

/**
 * A step's follow-ups without one whose answer only repeats sentences the step already says ("What if a client
 * retries?" answered by the step's own retry sentence): an answer the candidate has just given is not a follow-up.
 * Judged against every line the step may say, so the result does not depend on how much of it the timing keeps.
 */
function withoutRepeats(lines: readonly string[], followUps: readonly FollowUp[]): FollowUp[] {
  const said = new Set(lines);
  return followUps.filter(
    (f) => f.answer.length > 0 && !f.answer.split(/(?<=[.?!])\s+(?=[A-Z])/).every((x) => said.has(x)),
  );
}

/** The Design with its default (45-minute) script attached: the JSON contract's `script` field. */
export function withScript(d: Design): ScriptedDesign {
  // only the steps are kept, so the deep dives and the cheat sheet are never written (timing reads neither)
  return { ...d, script: keptSteps(d, (v) => forScript(v, () => scriptOf(v, {}, false)).steps) as ScriptStep[] };
}

export { actionName };
