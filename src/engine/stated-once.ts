import { singularOf as singular } from "./counted-nouns.js";
import type { GuaranteeClause } from "./stated-clauses.js";

/**
 * The "once" guarantees a prompt states in the words the first readers of engine/nfr-parse.ts (`ONCE`: "never runs
 * the same job twice", "each nightly job runs at most once per night", "without duplicate pages") do not take: an act
 * forbidden twice on a thing the prompt names without "the same" ("never process a patron twice", "never running a
 * report twice"), a thing forbidden a second act ("no step may happen twice", "no block is ever issued twice"), an
 * act said doubled ("never double-fire"), a bare "never twice" after the act it qualifies ("… is released to the
 * freelancer on approval, never twice"), and an act required exactly once of a thing ("every valid reminder goes out
 * exactly once", "a downgrade must still happen once", "each text must go out once"). Each becomes the `once`
 * guarantee (one claim keyed by the thing and its occurrence, fenced, its key carried to the party the act reaches),
 * quoted from the start of its clause through the condition it holds under ("… even if our sender crashes"), so the
 * requirement ledger reads the whole clause through the rule made from it.
 *
 * A clause a reader of a stated guarantee of a kind with a keeper of its own already takes, or the reader of an act
 * that reaches another party never done twice ("never charge a member twice", kept by the write that keys a repeat by
 * its id), is left to it (engine/stated-clauses.ts:
 * a voucher "used only once", "exactly one runner", "bills each advertiser … exactly once") is left to it: `taken` holds
 * their spans.
 */
export interface OnceSaid {
  noun: string;
  act?: string;
  quote: string;
}

/** Words that are no thing acted on: pronouns, determiners, the system itself, adverbs a loose match may catch. */
const NOT_A_THING =
  /^(?:it|its|they|them|their|this|that|these|those|one|ones|each|every|any|all|some|an?|the|even|ever|again|anyone|anybody|anything|nobody|nothing|none|someone|something|us|we|you|he|she|system|service|platform|app|backend|thing|things|way|time|times|same|such|more|less)$/i;
/** Subjects that act rather than are acted on ("retries must not charge twice", "workers must never …"). */
const ACTOR =
  /^(?:retry|retries|request|worker|server|node|service|system|client|user|caller|consumer|producer|process|scheduler|we|attempt|job runner|instance|replica)$/i;
/** Acts that are no act done to a thing ("never be twice", "not even twice", "never more than twice"). */
const NOT_AN_ACT =
  /^(?:be|been|being|is|are|was|were|have|has|had|do|does|did|get|gets|got|more|less|even|just|only|once|than|ever|hit|exceed|see|appear|show|visit|poll|check|retry|try)$/i;
/** Words that open the condition a once rule holds under, right after it ("… twice if a machine dies"). */
const CONDITION_AFTER =
  /^\s+(?:(?:even\s+)?(?:if|when|though|after|while|during|across)|per|for each|for every|on|in|after|across|once\s+(?:it|they|the|its|their|a|an)\b)\b/i;
/** A condition opened after a comma ("…, even if our sender crashes"), which the rule still holds under. */
const CONDITION_COMMA = /^\s*,\s*(?:even\s+(?:if|when|though)|(?:if|when|though|while|during)\b)/i;
/** Acts said without an object that name no act done to the thing: said as the act that makes them happen. */
const INTRANSITIVE: Readonly<Record<string, string>> = {
  happen: "perform",
  occur: "perform",
  repeat: "perform",
  "go out": "send",
  go: "send",
  arrive: "deliver",
  "get through": "deliver",
};

/**
 * Stems that take back an "e" their "-ed" or "-ing" dropped ("fir" -> fire, "releas" -> release, "charg" -> charge,
 * "scor" -> score, "shar" -> share, "cach" -> cache); "monitor", "mirror", "clear" and "reach" keep their ending.
 */
const E_STEM =
  /(?:[^aeiou]g|[^s]c|v|z|u|[aeiou]s|[^aeiou][aeiou]d|ir|ur|iz|ok|ak|at|ut|let|bl|dl|ul|rs|ns|[^aeiou]ar|(?:sc|st|gn|pl)or|^(?:ad|b|c|p|sn|sh)or|^cach)$/;
/** Stems ending so that take no "e" back though E_STEM would give one ("treat", "visit", "count"). */
const NO_E = /(?:^(?:tr|rep|h|s|b)eat|oat|ait|ount|ast|ist)$/;
const IRREGULAR_BASE: Readonly<Record<string, string>> = {
  ran: "run",
  sent: "send",
  paid: "pay",
  sold: "sell",
  given: "give",
  taken: "take",
  done: "do",
  made: "make",
  brought: "bring",
  bought: "buy",
  held: "hold",
  written: "write",
  goes: "go",
  went: "go",
};

/** A verb's base form from its gerund, third person or participle ("processing" -> process, "running" -> run). */
export function baseOf(word: string): string {
  const w = word.toLowerCase();
  const known = IRREGULAR_BASE[w];
  if (known) return known;
  const back = (s: string): string =>
    /([bdgkmnprt])\1$/.test(s) ? s.slice(0, -1) : E_STEM.test(s) && !NO_E.test(s) ? `${s}e` : s;
  if (/(?:[^aeiou]|u)ing$/.test(w) && w.length > 5) return back(w.slice(0, -3));
  if (/[^e]ied$/.test(w)) return `${w.slice(0, -3)}y`;
  if (/ed$/.test(w) && w.length >= 4) return back(w.slice(0, -2));
  if (/(?:ch|sh|ss|x)es$/.test(w)) return w.slice(0, -2);
  if (/[^aeiou]ies$/.test(w)) return `${w.slice(0, -3)}y`;
  if (/[^su]s$/.test(w)) return w.slice(0, -1);
  return w;
}

/** A noun phrase's head, singular ("valid reminder" -> reminder, "App Store receipts" -> receipt). */
const headOf = (words: string): string => {
  const ws = words.trim().split(/\s+/);
  // "a step that already succeeded": the relative word closes the phrase, the noun before it heads it
  if (ws.length > 1 && /^(?:that|which|who|whose|where)$/i.test(ws.at(-1) ?? "")) ws.pop();
  return singular((ws.pop() ?? "").toLowerCase());
};

/** A once rule's quote: from the start of its clause through the conditions it holds under. */
export function onceQuote(prompt: string, from: number, to: number): string {
  return prompt
    .slice(clauseStartOf(prompt, from), clauseEndOf(prompt, to))
    .trim()
    .replace(/^(?:and|but|or|so|then)\s+/i, "");
}

/** Where the clause holding a point starts: after the last punctuation before it (a comma counts). */
function clauseStartOf(prompt: string, at: number): number {
  const before = prompt.slice(0, at);
  let start =
    Math.max(
      ...[".", ";", ":", "!", "?", "(", "\n"].map((c) => before.lastIndexOf(c)),
      // a comma between digits is a thousands mark ("2,000 shards"), not a clause's start
      ...[...before.matchAll(/,(?!\d{3}\b)/g)].slice(-1).map((m) => m.index),
      ...[...before.matchAll(/\bso that\s/gi)].map((m) => m.index + m[0].length - 1),
    ) + 1;
  while (start < at && /\s/.test(prompt.charAt(start))) start++;
  return start;
}

/** Where a once rule's words end: after its match and the conditions it holds under, before a new clause. */
function clauseEndOf(prompt: string, end: number): number {
  let to = end;
  for (let i = 0; i < 3; i++) {
    const rest = prompt.slice(to);
    const opens = CONDITION_AFTER.exec(rest) ?? CONDITION_COMMA.exec(rest);
    if (!opens) break;
    const stop = /[,.;:!?]/.exec(rest.slice(opens[0].length));
    to += opens[0].length + (stop ? stop.index : rest.length - opens[0].length);
  }
  return to;
}

/** The sentence holding a point: from after the last full stop before it to the point. */
const sentenceBefore = (prompt: string, at: number): string => {
  const before = prompt.slice(0, at);
  const from = Math.max(...[".", "!", "?", "\n"].map((c) => before.lastIndexOf(c))) + 1;
  return before.slice(from);
};

/** The subject and the act of a passive said before a bare "never twice" ("a payment is captured … and released"). */
const PASSIVE =
  /\b(?:(?:every|each|the|a|an|our|their|its)\s+)?((?:[a-z][\w'\u2019-]*\s+){0,2}?[a-z][\w-]*)\s+(?:(?:has|have|needs?)\s+to\s+be|(?:must|should|will|can|may)\s+be|is|are|gets?)\s+([a-z]+(?:ed|en|id|nt|wn|ld))\b((?:\s+[^.;:!?]*?\band\s+([a-z]+(?:ed|en|id|nt|wn|ld))\b)?)/gi;

/** A thing an act is done to earlier in the prompt ("fires a run twice" -> run, "runs become due" -> run). */
function objectOf(prompt: string, act: string, before: number): string | undefined {
  const stem = act.replace(/e$/, "");
  const re = new RegExp(
    String.raw`\b${stem}\w*\s+(?:(?:a|an|the|each|every|one|its|their)\s+)?([a-z][\w-]*)\b(?!\s+(?:a|an|the|to|of|for|from|on|in)\b)`,
    "gi",
  );
  let out: string | undefined;
  for (const m of prompt.slice(0, before).matchAll(re)) {
    const n = m[1] ?? "";
    if (!NOT_A_THING.test(n) && !/^(?:twice|once|again|out|up|off|at|every|each)$/i.test(n))
      out = singular(n.toLowerCase());
  }
  return out;
}

/** The once guarantee a prompt states in one of the forms above (its first), if it states one. */
export function parseOnceSaid(prompt: string, taken: readonly GuaranteeClause[]): OnceSaid | undefined {
  if (!/\b(?:twice|once|repeats?|double[- ][a-z])/i.test(prompt)) return undefined;
  const free = (from: number, to: number) => !taken.some((c) => c.at < to && from < c.at + c.quote.length);
  const found: { at: number; said: OnceSaid }[] = [];
  const make = (from: number, matchEnd: number, noun: string | undefined, act: string | undefined) => {
    if (!noun || NOT_A_THING.test(noun) || (act !== undefined && NOT_AN_ACT.test(act))) return;
    // a rule said after "without" or "so that" is said of what follows it, not of the ask before it
    const start = /^without\b/i.test(prompt.slice(from)) ? from : clauseStartOf(prompt, from);
    // a noun closed by a relative word ("a step that already succeeded") runs through its relative clause
    const relative = /\b(?:that|which|who|whose)$/i.test(prompt.slice(from, matchEnd));
    const closes = relative ? /[,.;:!?]|$/.exec(prompt.slice(matchEnd)) : null;
    const end = clauseEndOf(prompt, matchEnd + (closes?.index ?? 0));
    if (!free(from, matchEnd)) return;
    const quote = prompt
      .slice(start, end)
      .trim()
      .replace(/^(?:and|but|or|so|then)\s+/i, "");
    const mapped = act ? (INTRANSITIVE[act] ?? act) : undefined;
    found.push({ at: start, said: { noun, ...(mapped ? { act: mapped } : {}), quote } });
  };
  // "never process a patron twice", "never running a report twice", "must never count a chargeback twice"
  for (const m of prompt.matchAll(
    /\b(?:never|not|without)\s+(?:ever\s+)?([a-z]+)(?:\s+(out|up|off))?\s+(?:a|an|any|one|each|every|its|their|the)\s+((?:[a-z][\w-]*\s+)?[a-z][\w-]*)\s+twice\b/gi,
  )) {
    const act = baseOf(m[1] ?? "");
    if (/\bthan\b/i.test(m[3] ?? "")) continue;
    make(m.index, m.index + m[0].length, headOf(m[3] ?? ""), m[2] ? `${act} ${m[2].toLowerCase()}` : act);
  }
  // "no step may happen twice", "no block is ever issued twice", "no task should run twice" (a plain "no seat is sold
  // twice" is the archetype's own rule where a hold or a claim keeps it)
  for (const m of prompt.matchAll(
    /\bno\s+((?:[a-z][\w-]*\s+)?[a-z][\w-]*)\s+(?:(?:is|are|gets?)\s+ever|(?:may|can|must|should|will|shall|would)(?:\s+ever)?)\s+(?:be\s+|get\s+)?([a-z]+)(?:\s+(out|up|off))?\s+twice\b/gi,
  )) {
    const act = baseOf(m[2] ?? "");
    make(m.index, m.index + m[0].length, headOf(m[1] ?? ""), m[3] ? `${act} ${m[3].toLowerCase()}` : act);
  }
  // "money must never move twice": the thing is the clause's subject, never one that acts ("retries must not …")
  for (const m of prompt.matchAll(
    /\b((?:[a-z][\w-]*\s+)?[a-z][\w-]*)\s+(?:must|should|may|can|will|shall)\s+(?:never|not)\s+(?:ever\s+)?([a-z]+)(?:\s+(out|up|off))?\s+twice\b/gi,
  )) {
    const noun = headOf(m[1] ?? "");
    if (ACTOR.test(noun)) continue;
    const act = baseOf(m[2] ?? "");
    make(m.index, m.index + m[0].length, noun, m[3] ? `${act} ${m[3].toLowerCase()}` : act);
  }
  // "never repeats the wire", "never skips or repeats a step that already succeeded"
  for (const m of prompt.matchAll(
    /\b(?:never|not)\s+(?:[a-z]+\s+or\s+)?repeats?\s+(?:a|an|any|the|each|one)\s+((?:[a-z][\w-]*\s+)?[a-z][\w-]*)\b/gi,
  ))
    make(m.index, m.index + m[0].length, headOf(m[1] ?? ""), "repeat");
  // "records every delivery exactly once": an act done once to each thing (the acts a consumer's checkpoint keeps,
  // counting or processing each event exactly once, are engine/stated-rules.ts exactly-once)
  for (const m of prompt.matchAll(
    /\b([a-z]+)\s+(?:each|every)\s+((?:[a-z][\w-]*\s+)?[a-z][\w-]*)\s+exactly[- ]once\b/gi,
  )) {
    const act = baseOf(m[1] ?? "");
    if (/^(?:count|process|deliver|apply|aggregate|bill|is|are|be|to|and|that|which|with)$/.test(act)) continue;
    make(m.index, m.index + m[0].length, headOf(m[2] ?? ""), act);
  }
  // "never double-fire", "must never double-charge": the thing is what that act is done to earlier in the prompt
  for (const m of prompt.matchAll(
    /\b(?:never|not|without)\s+(?:ever\s+)?double[- ]([a-z]+)\b(?!\s+[a-z]+\s+twice)/gi,
  )) {
    const word = (m[1] ?? "").toLowerCase();
    if (/^(?:check|count|up|click|tap|booking|spend|entry|dip)$/.test(word)) continue;
    const act = baseOf(word);
    make(m.index, m.index + m[0].length, objectOf(prompt, act, m.index), act);
  }
  // "…, never twice", "… on time and not twice": the thing and the act of the passive said before it in the sentence
  for (const m of prompt.matchAll(/\b(?:never|and not|but not|not)\s+twice\b/gi)) {
    const sentence = sentenceBefore(prompt, m.index);
    let last: RegExpMatchArray | undefined;
    for (const p of sentence.matchAll(PASSIVE)) last = p;
    const subject = last?.[1];
    const act = last?.[4] ?? last?.[2];
    if (!subject || !act) continue;
    make(m.index, m.index + m[0].length, headOf(subject), baseOf(act));
  }
  // "every valid reminder goes out exactly once", "a downgrade must still happen once", "each text must go out once",
  // "coins are granted exactly once per App Store receipt", "each one released exactly once"
  for (const m of prompt.matchAll(
    /\b(?:(?:each|every|all|the|a|an)\s+)?((?:[a-z][\w'\u2019-]*\s+){0,2}?[a-z][\w-]*)\s+(?:(?:must|should|has to|have to|needs? to|will|can)\s+)?(?:(?:still|only|also|always)\s+)?(?:(?:be|is|are|gets?|get)\s+)?([a-z]+)(?:\s+(out|through))?\s+(?:(?:on|at|by|to)\s+(?:its|their|the|a)\s+(?:[a-z]+\s+){0,2}?)?(exactly\s+)?once\b(?=\s*(?:[,.;:!?]|$|and\b|even\b|per\b|for each\b|for every\b|if\b|when\b))/gi,
  )) {
    const verb = (m[2] ?? "").toLowerCase();
    // "at most once", "only once" (a use-once rule), "all at once", "more than once" are other rules
    if (/^(?:most|than|at|all|only|least|just|process|processes|processing)$/.test(verb)) continue;
    // the act is a participle or an act that happens to the thing ("charges cards exactly once" is an active act on
    // cards, whose effect the payment design keeps)
    if (!/(?:ed|en|wn|nt|ld|id)$|^(?:happens?|occurs?|go|goes|runs?|fires?|arrives?|executes?)$/.test(verb)) continue;
    if (!m[4] && !/^(?:happen|happens|occur|occurs|go|goes|run|runs|fire|fires|execute|executes)$/.test(verb) && !m[3])
      continue;
    const act = m[3] ? `${baseOf(verb)} ${m[3].toLowerCase()}` : baseOf(verb);
    const subject = m[1] ?? "";
    const noun = headOf(subject);
    // "each one released", "each must be charged": the thing is what that act is done to before
    const thing = /^(?:and|or|but)$/.test(noun)
      ? sentenceSubject(prompt, m.index)
      : NOT_A_THING.test(noun) || /^(?:must|should|will)$/.test(noun)
        ? passiveSubject(prompt, act, m.index)
        : noun;
    make(m.index, m.index + m[0].length, thing, act);
  }
  found.sort((a, b) => a.at - b.at);
  return found[0]?.said;
}

/** The thing a passive of the act is said of before a point ("holds … have to be released" -> hold). */
function passiveSubject(prompt: string, act: string, before: number): string | undefined {
  let out: string | undefined;
  for (const p of prompt.slice(0, before).matchAll(PASSIVE)) {
    const said = [p[2], p[4]].filter(Boolean).map((a) => baseOf(a ?? ""));
    if (said.includes(act) && !NOT_A_THING.test(headOf(p[1] ?? ""))) out = headOf(p[1] ?? "");
  }
  return out;
}

/** The thing the first passive of a sentence is said of ("Each prescription is transmitted … and must arrive"). */
function sentenceSubject(prompt: string, before: number): string | undefined {
  for (const p of sentenceBefore(prompt, before).matchAll(PASSIVE)) {
    const noun = headOf(p[1] ?? "");
    if (!NOT_A_THING.test(noun)) return noun;
  }
  return undefined;
}
