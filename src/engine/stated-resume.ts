import { endOf, startOf } from "./stated-replay.js";

/**
 * A stated resume after a crash: long work shared by workers picks up where it stopped, never from the start, and
 * skips nothing ("a crash must not send us back to the start", "a crash must neither restart it from the beginning nor
 * skip any accounts", "the job must resume where it stopped after a crash", "if the job crashes halfway it must
 * continue from where it stopped rather than start over", "resuming from checkpoints after crashes and never skipping
 * a mailbox", "each team must be able to pick up where it left off after an outage"). It is the rule guarantee
 * `resume-from` (engine/stated-rules.ts): a position recorded only after the work before it is durable, only forward,
 * and a restart just after it, kept by the design's checkpoint on that write (a scan checkpoint, a consumer's offset, a
 * projector's checkpoint).
 *
 * "never skip …" joins the quote only beside a resume in the same sentence: on its own it may forbid a gap in numbers.
 */
export interface ResumeSaid {
  kind: "resume-from";
  quote: string;
}

const RESUMES: readonly RegExp[] = [
  // "a crash must not send us back to the start", "a crash must neither restart it from the beginning"
  /\bcrash\w*\s+must\s+(?:not|never|neither)\s+(?:send\s+\w+\s+back\s+to|restart\s+\w+\s+from|start\s+\w+\s+(?:over\s+)?from)\s+the\s+(?:start|beginning)\b/i,
  // "resume where it stopped", "continue from where it stopped", "pick up where it left off", "carrying on where …"
  /\b(?:resum\w*|continu\w*|carry(?:ing)?\s+on|pick(?:s|ing)?\s+up)\s+(?:from\s+)?where\s+(?:it|they|he|she|we|each)\s+(?:stopped|left\s+off|was)\b/i,
  // "resuming from checkpoints after crashes"
  /\bresum\w*\s+from\s+(?:its\s+|their\s+|the\s+last\s+)?checkpoints?\b/i,
];
/** Nothing skipped, said beside a resume ("never skip a document", "never skipping a mailbox", "nor skip any"). */
const NO_SKIP = /\b(?:never|nor|not|without)\s+skip(?:ping|s)?\s+(?:a|an|any|one)\s+[\w-]+/i;

/** The resume rule a prompt states, if it states one: one quote over its clauses in the first sentence saying it. */
export function parseResume(prompt: string): ResumeSaid | undefined {
  const hits: RegExpExecArray[] = [];
  for (const re of RESUMES) {
    const m = re.exec(prompt);
    if (m) hits.push(m);
  }
  if (hits.length === 0) return undefined;
  hits.sort((a, b) => a.index - b.index);
  const first = hits[0] as RegExpExecArray;
  const sentenceStart = Math.max(...[".", ";", "!", "?", "\n"].map((c) => prompt.lastIndexOf(c, first.index))) + 1;
  const stop = /[.;!?\n]/.exec(prompt.slice(first.index));
  const sentenceEnd = stop ? first.index + stop.index : prompt.length;
  const skip = NO_SKIP.exec(prompt.slice(sentenceStart, sentenceEnd));
  if (skip)
    hits.push(Object.assign([skip[0]], { index: sentenceStart + skip.index, input: prompt }) as RegExpExecArray);
  const inSentence = hits.filter((h) => h.index >= sentenceStart && h.index < sentenceEnd);
  const from = Math.min(...inSentence.map((h) => h.index));
  const last = inSentence.reduce((a, b) => (a.index + a[0].length >= b.index + b[0].length ? a : b));
  const quote = prompt
    .slice(startOf(prompt, from), endOf(prompt, last.index + last[0].length))
    .trim()
    .replace(/^(?:and|but|or|so|then)\s+/i, "");
  return { kind: "resume-from", quote };
}
