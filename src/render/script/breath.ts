/**
 * A sentence longer than one breath split into sentences a candidate can say, never cut: every word is kept, only
 * the join between two clauses changes. A sentence is split only where both sides stand as sentences with their own
 * verb, at the join a listener already hears as a new thought, in this order:
 *
 * - a semicolon: "a; b" -> "A. B";
 * - a colon before a clause: "a: b" -> "A. B" (a colon before a list or a noun phrase stays: it explains the head);
 * - ", so": "a, so b" -> "A. So b";
 * - ", because": "a, because b" -> "A. That is because b";
 * - ", then": "a, then b" -> "A. Then b";
 * - ", and" before a clause with its own subject: "a, and b" -> "A. And b";
 * - ", but" before a clause: "a, but b" -> "A. But b".
 *
 * Each half still too long is split again. A sentence with no such join is left whole: a run-on the splitter cannot
 * part safely is for its template to reword, and the shape check counts it.
 */
import { rememberText } from "../../engine/text.js";
import { hasVerb } from "./shapes.js";
import { countWords, isFiniteClause, subjectVerbAt } from "./speak.js";

/** The longest sentence a candidate says comfortably in one go (the shape check's bound). */
export const BREATH_WORDS = 30;

/**
 * The length past which a spoken line is parted at a safe join (`breathSplit`): a sentence a listener follows in one
 * hearing. Interviewers hear sentences past twenty-odd words as run-ons even when they parse, so the script's own lines
 * are parted well below the shape check's hard bound; a sentence with no safe join is still left whole.
 */
export const SPOKEN_WORDS = 22;

/** The fewest words a part split off may have: a shorter one is a fragment, not a thought of its own. */
const MIN_PART_WORDS = 5;

interface Join {
  /** The join as it appears inside the sentence. */
  at: RegExp;
  /** The second sentence's opening, before the clause that followed the join. */
  lead: string;
  /**
   * Whether the clause after the join must be a finite clause with its subject, not only show a verb somewhere: a
   * colon before a noun phrase with a relative clause ("immutable versions in a registry, routed to replicas that
   * hold them") explains its head and is never a sentence of its own.
   */
  strict: boolean;
}

const JOINS: readonly Join[] = [
  { at: /;\s+/g, lead: "", strict: false },
  { at: /:\s+/g, lead: "", strict: true },
  { at: /,\s+so\s+(?!that\b|much\b|many\b|far\b|long\b)/g, lead: "So ", strict: false },
  { at: /,\s+because\s+/g, lead: "That is because ", strict: false },
  { at: /,\s+then\s+/g, lead: "Then ", strict: false },
  {
    at: /,\s+and\s+(?=(?:a|an|the|each|every|its|their|no|any|it|they|we|I|this|these|those)\s)/g,
    lead: "And ",
    strict: true,
  },
  { at: /,\s+but\s+/g, lead: "But ", strict: true },
];

/** The text's brackets are balanced up to `end`: a join inside an aside is never a place to split. */
function outsideBrackets(text: string, end: number): boolean {
  let depth = 0;
  for (let i = 0; i < end; i++) {
    const c = text[i];
    if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth = Math.max(0, depth - 1);
  }
  return depth === 0;
}

/** Whether a part can be said as a sentence of its own. */
const standsAlone = (part: string): boolean => countWords(part) >= MIN_PART_WORDS && hasVerb(`${part}.`);

/**
 * Whether a part is a finite clause with its subject ("durability comes from replication", "I'm assuming …"), not a
 * noun phrase whose verb sits in an aside ("the holder's own deadline, measured from when the acquire was sent").
 */
const finite = (part: string): boolean =>
  isFiniteClause(part) ||
  subjectVerbAt(part.split(/\s+/)) >= 0 ||
  /^(?:I|I'm|I'd|I'll|we|we'd|we'll|it|it's|they|there|that's|this is|you)\b/i.test(part);

/** A sentence that says a pick ("I'd pick …", "I'd go …"). */
const PICK = /^I'd (?:pick|go|choose|take)\b/;

const capitalised = (s: string): string => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

/**
 * One sentence (ending in its stop) split at the best join into two, or undefined when none parts it safely. With
 * `strict`, every join needs a finite clause after it: a sentence within the hard bound is parted only where both
 * halves are sentences with their own subject ("…, then set in every window's set" stays whole).
 */
function splitOnce(text: string, strict = false): [string, string] | undefined {
  const stop = /[.?!]$/.exec(text)?.[0] ?? ".";
  const body = text.replace(/[.?!]+$/, "");
  const total = countWords(body);
  for (const join of JOINS) {
    let best: { head: string; tail: string; gap: number } | undefined;
    for (const m of body.matchAll(join.at)) {
      const i = m.index ?? 0;
      if (!outsideBrackets(body, i)) continue;
      const head = body.slice(0, i).trim();
      const rest = body.slice(i + m[0].length).trim();
      // a pick's reason keeps the pick's own voice: "I'd pick a, rather than b. I'd do it because c"
      const lead = join.lead === "That is because " && PICK.test(body) ? "I'd do it because " : join.lead;
      const tail = `${lead}${lead ? rest : capitalised(rest)}`;
      if (!standsAlone(head) || !finite(head) || !standsAlone(rest) || ((join.strict || strict) && !finite(rest)))
        continue;
      // the most even split of this join, so both halves come out short
      const gap = Math.abs(countWords(head) - (total - countWords(head)));
      if (!best || gap < best.gap) best = { head, tail, gap };
    }
    if (best) return [`${best.head}.`, `${best.tail}${stop}`];
  }
  return undefined;
}

/**
 * A sentence over `max` words said as several, each as long as a join allows; a shorter one, or one with no safe
 * join, as it is. Several sentences in `text` are each split on their own.
 */
export function breathSplit(text: string, max = BREATH_WORDS): string {
  let split = SPLITTERS.get(max);
  if (split === undefined) {
    split = rememberText((t) => splitText(t, max));
    SPLITTERS.set(max, split);
  }
  return split(text);
}

/**
 * breathSplit by its bound, each remembering its answers by text: a script's lines are mostly the knowledge's own
 * sentences with a design's names in them, so nine in ten recur design after design (measured over never-derived pool
 * prompts) and each is parted once.
 */
const SPLITTERS = new Map<number, (text: string) => string>();

function splitText(text: string, max: number): string {
  return text
    .split(/(?<=[.?!])\s+(?=[A-Z])/)
    .flatMap((s) => splitSentence(s, max))
    .join(" ");
}

function splitSentence(s: string, max: number): string[] {
  if (countWords(s) <= max) return [s];
  // below the hard bound a split is a nicety, taken only where it is sure to leave two whole sentences
  const parts = splitOnce(s, countWords(s) <= BREATH_WORDS);
  if (!parts) return [s];
  return parts.flatMap((p) => splitSentence(p, max));
}
