import { singularOf as singular } from "./counted-nouns.js";
import { endOf, startOf } from "./stated-replay.js";

/**
 * A stated bound on how far the copies of a thing may trail it: a change must reach every copy within a time ("the
 * rules must reach every checkout till within 2 minutes", "all ten thousand proxies must switch to the new version
 * within a minute", "a deleted photo must vanish from every edge within a minute", "the old one must be gone
 * everywhere within a minute"), or a copy may serve nothing older than a time ("never show a price older than a
 * minute", "an edited profile must not be served stale for more than a few seconds"). It is the rule guarantee
 * `copies-within` (engine/stated-rules.ts): a push to every copy, each copy's applied version known, a check for the
 * latest version (or an expiry) inside the bound catching a lost push, kept by the design's propagating mechanism on
 * that write (a watch stream, an invalidation), else a watch stream (a push) or an invalidation (a served copy).
 */
export interface CopiesSaid {
  kind: "copies-within";
  /** The bound in the prompt's words ("a minute", "2 minutes", "a few seconds", "minutes"). */
  bound: string;
  /** The thing a served copy may not trail by more (a stale copy's bound), absent for a push to every copy. */
  noun?: string;
  quote: string;
}

/** A time in the prompt's words: "a minute", "2 minutes", "ten seconds", "a few seconds", "minutes". */
const DURATION = String.raw`((?:(?:a|one|a\s+few|\d[\d.,]*|two|three|four|five|six|ten|fifteen|twenty|thirty|sixty)\s*)?(?:ms|milliseconds?|seconds?|secs?|minutes?|mins?|hours?))\b`;
/** The acts of a change arriving at a copy, or an old copy leaving. */
const ARRIVE = String.raw`(?:reach|switch|get|have|vanish|disappear|be\s+(?:gone|pulled|removed|purged|replaced|rolled\s+back|cut\s+off|updated|invalidated)|replace|follow|apply|pick\s+up|propagate)`;
/** Words saying the change goes to every copy. */
const EVERY = /\b(?:every|all|everywhere|each)\b/i;
/** The thing a copy serves, in one or two words ("a price", "a stock level"). */
const NOUN = String.raw`([a-z][\w-]*(?:\s+(?!(?:more|older|over|for|stale|than|must|should|may)\b)[a-z][\w-]*)?)`;

/**
 * "must <arrive> … within <time>" in one clause: a negated verb is no arrival ("each shard must never have two
 * primaries"), and the gap never runs into another clause's "must" or past ", and" ("…, and a new primary must be
 * chosen within 10 seconds" is a failover bound, not a change reaching copies).
 */
const PUSH = new RegExp(
  String.raw`\bmust\s+(?:(?!(?:never|not)\b)\w+\s+)?${ARRIVE}\b(?:(?!\bmust\b|,\s*(?:and|but|while)\b)[^.;:!?]){0,60}?\bwithin\s+${DURATION}`,
  "i",
);
export const STALE: readonly RegExp[] = [
  // "never show a page more than a minute older than its last edit", "never show a price older than a minute",
  // "never serve a rate more than a minute old"
  new RegExp(
    String.raw`\bnever\s+(?:show|serve|return|display)s?\s+(?:an?\s+|the\s+|any\s+)?${NOUN}\s+(?:(?:more\s+than|over)\s+${DURATION}\s+(?:old|older|stale|out\s+of\s+date)|older\s+than\s+${DURATION})`,
    "i",
  ),
  // "an edited profile must not be served stale for more than a few seconds", "shoppers never see a stale price
  // for more than a few seconds"
  new RegExp(
    String.raw`\b(?:an?\s+|the\s+)?(?:edited\s+|changed\s+|updated\s+|stale\s+)?${NOUN}\s+(?:must\s+not|must\s+never|should\s+not|may\s+not)\s+be\s+(?:served|shown|returned)\s+stale\s+for\s+(?:more\s+than|over)\s+${DURATION}`,
    "i",
  ),
  new RegExp(
    String.raw`\bnever\s+(?:see|get|read)s?\s+(?:an?\s+)?stale\s+${NOUN}\s+for\s+(?:more\s+than|over)\s+${DURATION}`,
    "i",
  ),
];

/** A word each of `STALE`'s patterns holds in every match, in its place. */
export const STALE_WORD = ["never", "stale", "never"] as const;

/** The quote of a clause that holds a match: from its clause's start to its end. */
function quoteOf(prompt: string, m: RegExpExecArray): string {
  return prompt
    .slice(startOf(prompt, m.index), endOf(prompt, m.index + m[0].length))
    .trim()
    .replace(/^(?:and|but|or|so|then)\s+/i, "");
}

/** The bound on the copies a prompt states (its first), if it states one. */
export function parseCopiesWithin(prompt: string): CopiesSaid | undefined {
  // each pattern holds one fixed word a match cannot be without (case aside): a prompt without it is not searched
  // (the second form tries a noun at every word of the text, ~0.1 ms on a 4,000-character prompt)
  const lowered = prompt.toLowerCase();
  for (const [i, re] of STALE.entries()) {
    const m = lowered.includes(STALE_WORD[i] ?? "") ? re.exec(prompt) : null;
    const noun = m?.[1];
    const bound = m?.[2] ?? m?.[3];
    if (m && noun && bound)
      return {
        kind: "copies-within",
        bound: bound.toLowerCase(),
        noun: singular(noun.toLowerCase()),
        quote: quoteOf(prompt, m),
      };
  }
  const m = lowered.includes("within") ? PUSH.exec(prompt) : null;
  if (!m?.[1]) return undefined;
  const quote = quoteOf(prompt, m);
  // the change goes to every copy: a bound on one answer ("must respond within 50 ms") is a latency
  if (!EVERY.test(quote)) return undefined;
  return { kind: "copies-within", bound: m[1].toLowerCase(), quote };
}
