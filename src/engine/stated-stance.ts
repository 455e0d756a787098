/**
 * Three things a prompt may state about its own paths that outrank the card's stance, each read from its words with
 * the quote that says it:
 *
 * - local autonomy: a part that keeps working while it is cut off ("machines keep selling while offline", "every car
 *   keeps serving its queued stops if the dispatcher fails") asks that path to stay available, deciding locally and
 *   reconciling later. A stated "never two …" on another path still fails closed there (engine/hard-rules.ts), so one
 *   design may need both, each on its own path.
 * - outside confirmation: an outcome that is final only once a named outside party confirms it ("a registration is
 *   final only once the registry operator confirms it") is an effect that leaves the design: it waits pending until that
 *   party answers, and an unknown answer must be settled by asking it.
 * - tenure: a claim the prompt treats as lasting ("a domain must never be registered to two customers", "a credit is
 *   retired only once") is a durable ownership record, changed only by an explicit transfer, release or stored end
 *   date; it is a session lease that lapses on silence only where the prompt says the holder can crash, go silent or
 *   time out, or names a lease, lock or hold with a time limit.
 */

import { topicsSpoken } from "../knowledge/topics.js";

/** What a cut-off part does: cut off from its link, or the part it depends on failing. */
const CUT_OFF = String.raw`(?:offline|disconnected|partitioned|cut off|out of (?:contact|reach|coverage)|without (?:a |any )?(?:network |internet |cellular )?(?:connection|connectivity|network|signal|link))`;
const DEPENDENCY_FAILS = String.raw`(?:fails|has failed|is down|goes down|goes offline|is offline|is unreachable|is unavailable|crashes|dies|is lost|loses (?:its |their )?(?:link|connection|connectivity))`;
const WHILE = String.raw`(?:while|when|whenever|if|even if|even when|during|until)`;
const CUT_CLAUSE = String.raw`(?:${WHILE}\s+(?:(?:it|they|the [\w-]+|its [\w-]+|their [\w-]+)\s+(?:is|are|goes|go|gets?|stays?|remains?|runs?)\s+)?${CUT_OFF}|${WHILE}\s+(?:the|its|their|a|an|any)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s+${DEPENDENCY_FAILS}|during\s+(?:a|an|any)\s+(?:network\s+)?(?:partition|outage)|${WHILE}\s+(?:the\s+|its\s+|their\s+)?(?:network|link|connection|uplink|backhaul)\s+(?:is|goes)\s+(?:down|lost|cut))`;
/**
 * Verbs that keep trying rather than keep working (a retry loop is no promise to serve), and words that go on from
 * where a crashed worker stopped (resuming a pass is recovery, not staying up).
 */
const NOT_SERVING =
  /^(?:retry\w*|try\w*|wait\w*|fail\w*|poll\w*|check\w*|queu\w*|buffer\w*|stor\w*|log\w*|from|where|on|with|at)$/i;
const RESUMES = /\b(?:resum\w*|left off|where (?:it|they|we) (?:stopped|left))\b/i;
/**
 * What staying up through the loss of one of the design's own replica sites says ("keeps serving reads when a data
 * centre fails", "keeps working if a node dies"): fault tolerance that replication gives, not a part deciding on its own
 * while cut off from what it depends on.
 */
const OWN_SITE_LOST =
  /\b(?:data ?cent(?:er|re)s?|datacent(?:er|re)s?|(?:availability )?zones?|regions?|racks?|replicas?|nodes?|disks?)\s+(?:fails|has failed|is down|goes down|is lost|dies|crashes|is unreachable|is unavailable)\b/i;
/** Serving reads through a loss asks only the read path to stay up (follower or cached reads), never the writes. */
const ONLY_READS = /^(?:serving|answering|returning)\s+(?:\w+\s+)?(?:reads?|queries|lookups?)\b/i;
const KEEPS_WORKING = new RegExp(
  String.raw`\b(?:keeps?|kept|keeping|continues?|continuing|carr(?:y|ies) on)\s+(?:to\s+)?([a-z]+)\b[^.;]{0,60}?\b${CUT_CLAUSE}`,
  "i",
);
const WORKS_OFFLINE =
  /\b(?:works?|operates?|functions?|runs?|sells?|accepts?|admits?|serves?)\s+(?:fully\s+|normally\s+)?offline\b|\boffline[- ]first\b/i;

/**
 * "keep working", "keep selling", "keep it available", "keep each count writable": keeping something going or open,
 * never keeping a thing held ("keeps three replicas of every block", "keeps erasure-coded fragments").
 */
const GOING_ON = /^(?:\w+ing|going|up|on)$/i;
const OPEN_WORDS = /\b(?:available|writable|readable|online|open|reachable|usable|up)\b/i;
const goesOn = (verb: string, said: string): boolean => GOING_ON.test(verb) || OPEN_WORDS.test(said);

const readsOnly = (said: string): boolean => ONLY_READS.test(said.replace(/^\S+\s+(?:to\s+)?/, ""));

/** A part the prompt says keeps working while cut off, with its words. */
export function statedLocalAutonomy(prompt: string): { quote: string } | undefined {
  const m = KEEPS_WORKING.exec(prompt);
  if (
    m &&
    goesOn(m[1] ?? "", m[0]) &&
    !NOT_SERVING.test(m[1] ?? "") &&
    !RESUMES.test(m[0]) &&
    !OWN_SITE_LOST.test(m[0]) &&
    !readsOnly(m[0])
  )
    return { quote: m[0] };
  const w = WORKS_OFFLINE.exec(prompt);
  return w ? { quote: w[0] } : undefined;
}

/**
 * Heads of an outside organisation or system whose answer decides an outcome (a registry, a bank, a carrier, an
 * exchange, a regulator): not a person in the design's own workflow (a manager, a reviewer, a moderator), whose
 * approval is a step of its own.
 */
const OUTSIDE_HEADS = String.raw`(?:registry|registries|operator|bank|issuer|acquirer|carrier|exchange|clearing ?house|clearinghouse|network|provider|processor|gateway|insurer|payer|regulator|authority|government|ministry|agency|partner|supplier|vendor|airline|broker|custodian|depository|registrar|psp|scheme|lender|underwriter|marketplace|bureau|court|laboratory)`;
const PARTY = String.raw`(?:the|a|an|its|their|each|that)\s+((?:[\w-]+\s+){0,2}?${OUTSIDE_HEADS})`;
const CONFIRM_VERBS = String.raw`(?:confirms|acknowledges|approves|accepts|settles|clears|authori[sz]es|verifies|records|registers|ratifies|commits)`;
const CONFIRMED = String.raw`(?:confirmed|acknowledged|approved|accepted|settled|cleared|authori[sz]ed|verified|ratified)`;
const CONFIRMS: readonly RegExp[] = [
  // "final only once the registry operator confirms it", "not booked until the airline acknowledges"
  new RegExp(
    String.raw`\b(?:only\s+(?:once|after|when)|not\s+(?:\w+\s+){0,2}until|until|unless)\s+${PARTY}\s+(?:has\s+|have\s+)?${CONFIRM_VERBS}\b`,
    "i",
  ),
  // "final once confirmed by the bank", "must be approved by the card issuer"
  new RegExp(String.raw`\b${CONFIRMED}\s+by\s+${PARTY}\b`, "i"),
];

/** An outcome the prompt says an outside party confirms, with the party and the words. */
export function statedConfirmation(prompt: string): { party: string; quote: string } | undefined {
  for (const re of CONFIRMS) {
    const m = re.exec(prompt);
    if (m?.[1]) return { party: m[1].replace(/\s+/g, " ").toLowerCase(), quote: m[0] };
  }
  return undefined;
}

/**
 * Whether the prompt treats its claims as lasting ownership (with its words), where it names nothing that lapses: the
 * subject `lasting-ownership` (knowledge/topics.ts), whose words and whose lease words live there.
 */
export function statedTenure(prompt: string): { value: "durable"; quote: string } | undefined {
  const t = topicsSpoken(prompt).find((x) => x.value === "lasting-ownership");
  return t ? { value: "durable", quote: t.quote } : undefined;
}

/** The lasting-ownership reason said where a claim would otherwise lapse on silence. */
export const lastingBecause = (quote: string): string =>
  `the prompt treats the claim as lasting ('${quote}') and names no lease, time limit or holder that can go silent, so it is a durable ownership record changed only by an explicit transfer, a release or a stored end date, never lapsing because a session stopped`;
