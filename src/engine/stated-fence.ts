import { endOf, startOf } from "./stated-replay.js";

/**
 * A stated hand-over of a hold: a holder that stops renewing loses its hold, another takes over, and the old holder's
 * late acts change nothing ("a stale holder can never act", "a worker that freezes for a minute must not be able to
 * write after someone else has taken over", "the old one must not be able to push assignments when it comes back",
 * "an edit sent after her hold has lapsed must be rejected", "never while the first one could still be writing",
 * "another must take over without both sending it", "its reservation must lapse so another robot can take the pod",
 * "a run that stops renewing its hold must give way to a new one", "it must step down if it cannot renew its term",
 * "GPUs held by crashed jobs must be reclaimed"). It is the rule guarantee `fenced-takeover` (engine/stated-rules.ts),
 * kept by a token that rises with each grant and that the held resource checks on every act (`fencing-token`).
 *
 * The quote runs from the start of the first such clause to the end of the last one in the same sentence, so the
 * requirement ledger reads both halves of "its reservation must lapse …, and the first robot must not keep acting".
 */
export interface FenceSaid {
  kind: "fenced-takeover";
  quote: string;
}

/** A modal that forbids an act ("can never", "must not be able to", "cannot"). */
const FORBID = String.raw`(?:can\s*never|can(?:no|['\u2019])t|must\s+(?:not|never)|may\s+(?:not|never)|should\s+(?:not|never)|is\s+never\s+able\s+to)\s+(?:be\s+(?:able|allowed)\s+to\s+)?(?:keep\s+|still\s+|ever\s+)?`;
/** The acts a holder does with what it holds. */
const HELD_ACT = String.raw`(?:act|acting|write|writing|overwrite|push|complete|commit|apply|change|update|modify)\b`;
/** Words saying a holder is an old one: it paused, froze, went quiet or was replaced. */
const OLD_HOLDER = String.raw`\b(?:stale|paused|old|former|previous|first|late|frozen|froze|freezes|deposed|zombie|hung|hangs|came\s+back|comes\s+back)\b`;
/** The record of a hold ("reservation", "claim", "lease"). */
const HOLD = "(?:reservation|claim|hold|lease|lock|term)";

const PATTERNS: readonly RegExp[] = [
  // "a stale holder can never act", "a copy which froze for a minute and then came back cannot overwrite …"
  new RegExp(String.raw`${OLD_HOLDER}[^.;:!?]{0,80}?\b${FORBID}${HELD_ACT}`, "i"),
  // "an edit sent after her hold has lapsed must be rejected"
  new RegExp(
    String.raw`\b(?:sent|made|arriving|that\s+arrives?)\s+after\s+(?:its|their|his|her|the)\s+${HOLD}\s+(?:has\s+|had\s+)?(?:lapsed|expired|ended|run\s+out|timed\s+out)[^.;:!?]{0,30}?\bmust\s+be\s+(?:rejected|refused|ignored)`,
    "i",
  ),
  // "never while the first one could still be writing"
  /\bnever\s+while\s+(?:the\s+)?(?:first|old|previous|other|earlier)\s+(?:one|holder|worker|node|instance|copy)\s+(?:could|might|may|is)\s+still\s+be\s+\w+ing\b/i,
  // "another must take over without both sending it"
  /\btake\s+over\s+without\s+(?:both|two)\s+(?:of\s+them\s+)?\w+/i,
  // "its reservation must lapse so another robot can take the pod", "a claim left by a crashed robot must time out"
  new RegExp(String.raw`\b${HOLD}s?\b[^.;:!?,]{0,40}?\bmust\s+(?:lapse|time\s+out|expire)\b`, "i"),
  // "a run that stops renewing its hold must give way to a new one", "it must step down if it cannot renew its term"
  new RegExp(
    String.raw`\bstops?\s+renewing\s+(?:its|their|his|her|the)\s+${HOLD}\s+must\s+(?:give\s+way|step\s+down|let\s+go)`,
    "i",
  ),
  /\bmust\s+step\s+down\s+(?:if|when|once)\s+it\s+(?:cannot|can['\u2019]t|fails\s+to)\s+renew\b/i,
  // "if that worker hangs another must be able to pick it up later"
  /\bif\s+(?:that|the|a|its)\s+\w+\s+(?:hangs|crashes|dies|freezes|goes\s+quiet)\s*,?\s+another(?:\s+\w+)?\s+(?:must|should)\s+(?:be\s+able\s+to\s+)?(?:pick\s+it\s+up|take\s+(?:it\s+)?over)\b/i,
  // "GPUs held by crashed jobs must be reclaimed"
  /\bheld\s+by\s+(?:a\s+)?(?:crashed|dead|failed|hung|lost|vanished)\s+\w+\s+must\s+be\s+(?:reclaimed|released|freed|taken\s+back)\b/i,
];

/** The hand-over rule a prompt states, if it states one: one quote over its clauses in the first sentence saying it. */
export function parseFence(prompt: string): FenceSaid | undefined {
  const hits: RegExpExecArray[] = [];
  for (const re of PATTERNS) {
    const m = re.exec(prompt);
    if (m) hits.push(m);
  }
  if (hits.length === 0) return undefined;
  hits.sort((a, b) => a.index - b.index);
  const first = hits[0] as RegExpExecArray;
  const from = startOf(prompt, first.index);
  // the sentence the first clause stands in ends at its full stop; later hits in it join the quote
  const stop = /[.;!?\n]/.exec(prompt.slice(first.index));
  const sentenceEnd = stop ? first.index + stop.index : prompt.length;
  const last = hits.filter((h) => h.index < sentenceEnd).pop() as RegExpExecArray;
  const quote = prompt
    .slice(from, endOf(prompt, last.index + last[0].length))
    .trim()
    .replace(/^(?:and|but|or|so|then)\s+/i, "");
  return { kind: "fenced-takeover", quote };
}
