import { endOf, startOf } from "./stated-replay.js";

/**
 * A stated promise that the system keeps one agreed answer, never two, while its voters are split or a minority of
 * them is down ("a metadata service that must never split-brain", "it must never name two primaries at once, even
 * during a network split", "how would you make sure a network split can never leave us with two controllers",
 * "that answer must stay correct, and never split in two, while any two of our five machines are down", "a minority
 * that gets cut off must refuse writes", "that agreement must still hold when three of them stop answering", "every
 * change must be accepted by at least two of them", "must never look different to two readers"). It is the rule
 * guarantee `one-answer` (engine/stated-rules.ts): a majority commit under the current leader's term, a side without a
 * majority refusing, kept by consensus replication (or the term or election the design carries on that write).
 *
 * The quote runs from the start of the first such clause to the end of the last one in the same sentence.
 */
export interface SplitSaid {
  kind: "one-answer";
  quote: string;
}

/** The deciders a system must never have two of at once. */
const DECIDERS = "(?:primaries|leaders|controllers|masters|owners|hosts|coordinators|writers|answers|versions)";

const PATTERNS: readonly RegExp[] = [
  // "must never split-brain", "no split brain"
  /\b(?:never|no|not|without|cannot|can['\u2019]t)\s+(?:\w+\s+){0,2}?split[- ]brain(?:ed)?\b/i,
  // "never name two primaries at once", "never leave us with two controllers", "never show two hosts for one world"
  // (not two a thing is held by or given to: "a lock is never held by two hosts at once" says each host would hold
  // the lock, a one-holder rule of the lock that engine/stated-clauses.ts reads and its lease keeps, not two deciders)
  new RegExp(
    String.raw`\b(?:never|cannot|can['\u2019]t)\b[^.;:!?]{0,40}?(?<!\b(?:by|to)\s+)\btwo\s+${DECIDERS}\b(?:\s+(?:at\s+once|at\s+the\s+same\s+time|for\s+(?:one|the\s+same|a\s+single)\s+[\w-]+))?`,
    "i",
  ),
  // "never split in two"
  /\bnever\s+(?:be\s+)?split\s+in\s+(?:two|half)\b/i,
  // "a minority that gets cut off must refuse writes"
  /\bminority\b[^.;:!?]{0,40}?\bmust\s+(?:refuse|reject|stop\s+(?:taking|accepting))\s+writes\b/i,
  // "that agreement must still hold when three of them stop answering", "the registry itself must stay consistent
  // through a whole datacenter failure", "that answer must stay correct, … while any two … are down"
  /\b(?:agreement|answer|record|registry|map|view)\b(?:\s+itself)?\s+must\s+(?:still\s+|always\s+)?(?:hold|stay\s+(?:correct|consistent)|remain\s+(?:correct|consistent))\b(?=[^.;:!?]{0,80}?\b(?:when|while|if|even|through|during)\b[^.;:!?]{0,60}?\b(?:crash\w*|down|fail\w*|stop\s+answering|split|partition\w*|lost|losing|cut\s+off)\b)/i,
  // "every change must be accepted by at least two of them"
  /\bevery\s+(?:change|write|update)\s+must\s+be\s+(?:accepted|acknowledged|confirmed)\s+by\s+(?:at\s+least\s+)?(?:two|three|\d+|a\s+majority)\s+of\s+(?:them|the\s+\w+)\b/i,
  // "must never look different to two readers"
  /\bnever\s+look\s+different\s+to\s+(?:two|any\s+two|different)\s+readers\b/i,
];

/** The one-answer rule a prompt states, if it states one: one quote over its clauses in the first sentence saying it. */
export function parseSplit(prompt: string): SplitSaid | undefined {
  const hits: RegExpExecArray[] = [];
  for (const re of PATTERNS) {
    const m = re.exec(prompt);
    if (m) hits.push(m);
  }
  if (hits.length === 0) return undefined;
  hits.sort((a, b) => a.index - b.index);
  const first = hits[0] as RegExpExecArray;
  const stop = /[.;!?\n]/.exec(prompt.slice(first.index));
  const sentenceEnd = stop ? first.index + stop.index : prompt.length;
  const last = hits.filter((h) => h.index < sentenceEnd).pop() as RegExpExecArray;
  const quote = prompt
    .slice(startOf(prompt, first.index), endOf(prompt, last.index + last[0].length))
    .trim()
    .replace(/^['"‘’“”]\s*/, "")
    .replace(/^(?:and|but|or|so|then)\s+/i, "");
  return { kind: "one-answer", quote };
}
