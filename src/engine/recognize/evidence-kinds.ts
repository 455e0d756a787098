import { TIME_UNITS } from "../../knowledge/counted-things.js";
import { CADENCE_WORDS } from "../../knowledge/signals/expressions.js";
import { acrossClauses, failureCondition, otherProperty } from "./clause-reading.js";
import type { Hit } from "./match.js";
import type { Token } from "./tokens.js";

/**
 * The kinds of evidence a supporting archetype is read from, strongest first:
 * - `head`: a name, phrase or requirement all of whose words stand in the head noun phrase (what is asked to be built);
 * - `system`: a named system or product;
 * - `need`: a cue that makes it a recorded need of the dominant archetype;
 * - `rule-phrase`: a requirement stated in a phrase of two words or more ("keeps serving", "at most once");
 * - `phrase`: a component named in two words or more ("message queue");
 * - `rule-word`: a requirement read from one word;
 * - `word`: a component named in one word ("cache", "quotas");
 * - `combo`: a requirement read from words of two families together, within one phrase of the prompt;
 * - `spread-phrase`: a requirement phrase of two words whose words are read apart, another word of the prompt
 *   between them, or out of their order, and which is not written as the phrase elsewhere in the prompt ("a cart still accepts writes" read as 'still writing'; "the previous day's
 *   searches" as 'searches a day'): words that fall together in one clause, not the requirement's wording as written;
 * - `rule-part`: a requirement read from one word of a requirement written in several ('night' of "every night",
 *   'wait' of "waiting on them"): the word alone does not say what the whole wording says;
 * - `time-word`: a requirement read from one word that only says when or how often ("nightly", "night", "daily"):
 *   it says when the prompt's own work runs, not that the system releases work at a stored time; also words of two
 *   families read together one of which only says when ('time … servers' of "on one of ten servers each time"):
 *   measured over tuned + pool (stop 44), such pairs gave no labelled support;
 * - `loose-combo`: words of two families read together from different phrases of the prompt, across a comma, a
 *   semicolon or a full stop ("40,000 availability checks …, … at the moment they drop" read as 'checks … drop'), or
 *   from two items of a list joined by "and" or "or" ("keep copies near every app server and refresh them");
 * - `split-clause`: a requirement's words read from two clauses of one phrase, on both sides of a word opening a
 *   subordinate clause or of a list's "and" ("retry an export on another machine when its machine dies" read as
 *   'machine dies'; clause-reading.ts `acrossClauses`);
 * - `condition`: a requirement's words all inside a clause that only says under which failure the main clause must
 *   hold ("no session lost when one node fails" read as 'node fails'; clause-reading.ts `failureCondition`);
 * - `other-property`: a requirement's words inside a clause that its rule's own words say states another property
 *   ("history is kept for one year" is a retention, not telemetry; `RequirementRule.instead`);
 * - `word-form`: a component's noun read only from a verb form of it ("queued" as 'queue', "scheduled" as 'scheduler'):
 *   the word says what happens to something, not that there is such a part;
 * - `concept`: a word typical of the archetype's problem, weak alone;
 * - `learned`: words typical of it in labelled prompts (the learned model);
 * - `card`: nothing of the prompt, only the dominant's card naming it a usual companion.
 */
export const EVIDENCE_KINDS = [
  "head",
  "system",
  "need",
  "rule-phrase",
  "phrase",
  "rule-word",
  "word",
  "combo",
  "spread-phrase",
  "rule-part",
  "time-word",
  "loose-combo",
  "split-clause",
  "condition",
  "other-property",
  "word-form",
  "concept",
  "learned",
  "card",
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/**
 * The kinds that alone do not make a supporting archetype a part of the design: words of two families read together
 * across a phrase break or a list's "and", one word of a requirement written in several, a word that only says when,
 * a verb form of a component's noun, a typical word, the learned words. Measured over the
 * labelled prompts of `eval/tuned.jsonl` and the unseen pool (`eval/unseen*.jsonl`): a support whose evidence is of
 * these kinds only, and that the lead neither needs nor usually composes with, is a labelled one 2 times in 117 and 2
 * in 164; read together across phrases alone, 3% and 2% (within one phrase, 6% and 7%); a verb form alone, 0 of 12.
 * Measured again (stop 41) over the same sets, for supports neither needed nor usual: read together across a list's
 * "and" alone, 1 labelled in 36 and 0 in 38; one word of a several-word requirement alone, 0 in 29 and 0 in 25; a
 * word that only says when alone, 0 in 12 and 0 in 7.
 * A single requirement word alone is as seldom right (3%) but sets aside labelled ones (a backend that "disappears" is
 * a membership registry), so it is not among them; nor are a head noun, a named system, a cued need, a requirement or
 * a part stated in two words or more.
 */
export const STRAY_KINDS: ReadonlySet<EvidenceKind> = new Set([
  "rule-part",
  "time-word",
  "loose-combo",
  "split-clause",
  "condition",
  "other-property",
  "word-form",
  "concept",
  "learned",
]);

/**
 * The stray kinds the clause reading finds (clause-reading.ts): a requirement's words across two clauses, inside a
 * failure condition, or in a clause that states another property. Such words state no requirement of the archetype.
 */
export const CLAUSE_KINDS: ReadonlySet<EvidenceKind> = new Set(["split-clause", "condition", "other-property"]);

/** The kinds that read a requirement (a rule stated in the prompt's words), as opposed to a named part or system. */
export const REQUIREMENT_KINDS: ReadonlySet<EvidenceKind> = new Set([
  "rule-phrase",
  "rule-word",
  "combo",
  "spread-phrase",
  "rule-part",
  "time-word",
  "loose-combo",
  "split-clause",
  "condition",
  "other-property",
]);

/** Words joining two items of a list: words read together across one are from different items. */
const LIST_JOINS = new Set(["and", "or"]);
const WHEN_WORDS = new Set([...TIME_UNITS, ...CADENCE_WORDS]);
/** Words before "time" that make it say when ("each time", "at any time"), not how many at once ("one at a time"). */
const WHEN_TIME_LEADS = new Set(["each", "every", "any", "next", "first", "last"]);

/** Whether a token only says when: a time unit or cadence word, or "time" after a word that makes it a when. */
function whenWord(t: Token | undefined, written: readonly string[]): boolean {
  if (t === undefined) return false;
  if (WHEN_WORDS.has(t.raw)) return true;
  return (t.raw === "time" || t.raw === "times") && WHEN_TIME_LEADS.has(written[t.at - 1] ?? "");
}

/** Endings of a verb form ("queued", "scheduling") that a component noun ("queue", "scheduler") does not have. */
const VERB_FORM = /(?:ed|ing)$/;

/** Whether a list's "and" or "or" is written between the first and the last of the covered tokens. */
function acrossJoin(covers: readonly number[], tokens: readonly Token[], written: readonly string[]): boolean {
  const ats = covers.map((i) => tokens[i]?.at ?? 0);
  const from = Math.min(...ats);
  const to = Math.max(...ats);
  for (let k = from + 1; k < to; k++) if (LIST_JOINS.has(written[k] ?? "")) return true;
  return false;
}

/**
 * Whether a two-word phrase's words, found at `covers` (token indexes in the prompt's order), are read apart or out of
 * order: a kept word of the prompt stands between two of them, or a later word of the phrase comes first.
 */
export function spread(h: Hit, tokens: readonly Token[]): boolean {
  const covers = h.covers;
  const own = h.signal.stems;
  // a phrase of three words or more found whole in a short window is its wording ("only one VM may write … at a
  // time"); two words of it apart are a pair that fell into one clause
  if (own.length !== 2) return false;
  // the covered words in the prompt's order against the phrase's own: the same stems in another order
  const got = covers.map((i) => tokens[i]?.stem ?? "");
  const reordered = got.length === own.length && got.some((s, k) => s !== own[k]);
  let apart = false;
  for (let k = 1; k < covers.length; k++) if ((covers[k] as number) !== (covers[k - 1] as number) + 1) apart = true;
  if (!apart && !reordered) return false;
  // the matcher reads a phrase's first occurrence: one written as the phrase elsewhere in the prompt is said as written
  // ("blobs kept on a replicated blob store")
  return !tokens.some((_, i) => own.every((s, k) => tokens[i + k]?.stem === s));
}

/**
 * The kind of one hit for a supporting archetype (`inHead`: whether a token index stands in the head; `written`: the
 * prompt's written words, `writtenWords`, to see a list's "and" between words read together).
 */
export function hitKind(
  h: Hit,
  tokens: readonly Token[],
  inHead: (i: number) => boolean,
  written: readonly string[] = [],
): EvidenceKind {
  if (h.signal.concept) return "concept";
  if (h.signal.kind === "system") return "system";
  if (h.covers.length > 0 && h.covers.every(inHead)) return "head";
  // a requirement is read from one clause's meaning: its words in a clause that states another property, in a clause
  // that only says under which failure, or across two clauses say no requirement of it (clause-reading.ts)
  if (h.signal.rule && written.length > 0) {
    if (otherProperty(h, tokens, written) !== undefined) return "other-property";
    if (failureCondition(h, tokens, written)) return "condition";
  }
  if (h.signal.combined) {
    // one of the two families' words only says when ('time … servers' of "executes on one of ten servers each time",
    // 'back off … days'): the pair says when the prompt's own work happens, not the requirement the pair names
    if (h.covers.some((i) => whenWord(tokens[i], written))) return "time-word";
    const parts = new Set(h.covers.map((i) => tokens[i]?.part));
    if (parts.size > 1 || acrossJoin(h.covers, tokens, written)) return "loose-combo";
    return acrossClauses(h, tokens, written) ? "split-clause" : "combo";
  }
  if (h.signal.rule && h.covers.length > 1 && acrossClauses(h, tokens, written)) return "split-clause";
  const words = h.signal.stems.length;
  if (h.signal.rule) {
    if (words > 1) return spread(h, tokens) ? "spread-phrase" : "rule-phrase";
    if (WHEN_WORDS.has(h.quoted.toLowerCase())) return "time-word";
    // the rule's wording has more written words than the one read: the others are stop words the reading skipped
    return h.signal.text.trim().split(/\s+/).length > 1 ? "rule-part" : "rule-word";
  }
  if (words > 1) return "phrase";
  return VERB_FORM.test(h.quoted) && !VERB_FORM.test(h.signal.text.toLowerCase()) ? "word-form" : "word";
}

/** Every kind a supporting archetype's evidence holds, strongest first, each once. */
export function evidenceKinds(
  hits: readonly Hit[],
  tokens: readonly Token[],
  inHead: (i: number) => boolean,
  extra: { need?: boolean; learned?: boolean; typical?: boolean },
  written: readonly string[] = [],
): EvidenceKind[] {
  const kinds = new Set<EvidenceKind>(hits.map((h) => hitKind(h, tokens, inHead, written)));
  if (extra.need) kinds.add("need");
  if (extra.learned) kinds.add("learned");
  if (kinds.size === 0 && extra.typical) kinds.add("card");
  return EVIDENCE_KINDS.filter((k) => kinds.has(k));
}

/** Whether a supporting archetype's evidence is of stray kinds only (`STRAY_KINDS`), with at least one word of the prompt. */
export function strayOnly(basis: readonly EvidenceKind[]): boolean {
  return basis.some((k) => k !== "learned") && basis.every((k) => STRAY_KINDS.has(k));
}
