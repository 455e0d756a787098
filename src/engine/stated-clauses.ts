import { singularOf } from "./counted-nouns.js";
import { contentStems, stemOverlap } from "./text.js";

/**
 * A guarantee clause the prompt states that no clause shape of engine/stated-rules.ts reads ("stock never goes
 * negative", "a signed contract can never be edited", "each event billed exactly once", "keeps each user's session on
 * the same server while it is healthy"): its subject, its cleaned verb phrase, the rule said in the prompt's own words,
 * and the head noun of what it constrains.
 */
export interface GuaranteeClause {
  /** The clause as the prompt words it. */
  quote: string;
  /** Where the clause starts in the prompt (a shape's quote overlapping it means a shape reads it). */
  at: number;
  /** The rule in the prompt's own words: subject + cleaned verb phrase ("A signed contract is never edited."). */
  statement: string;
  /** The head noun of what the rule constrains, singular ("balance", "ticket", "session"). */
  head: string;
  /** The nouns the subject names besides the head, singular (the owner in "a card's balance": "card"). */
  names: string[];
  /** The words of the verb phrase ("goes below zero", "accepted at two gates"). */
  verb: string;
}

/** Where a clause's subject starts: after a word that opens a clause, or punctuation. */
const OPENS = /[.,;:!?()]|\b(?:where|that|which|whose|so|and|but|while|with|such that|ensuring|guaranteeing)\b/gi;
/** Where a verb phrase ends: punctuation or a word that opens another clause. */
const ENDS = /[.,;:!?()]|\s(?:and|but|where|which|so that|whereas)\s/i;
const MODAL = /\s+(?:can|could|will|would|may|must|should|shall|is|are|does|do|gets?)$/i;
const PRONOUN = /^(?:it|they|this|that|we|you|he|she|there|one|users?|nothing|anything|something)$/i;

const upperFirst = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
const words = (t: string) => t.trim().split(/\s+/).filter(Boolean);
/** A noun as one thing: "user's" -> user, "sessions" -> session. */
const bare = (w: string) => singularOf(w.toLowerCase().replace(/['’]s?$/, ""));
const plural = (subject: string) => {
  const last = words(subject).pop() ?? "";
  return /[^s]s$/i.test(last) && !/^(?:each|every|a|an|no|one)\b/i.test(subject);
};

/** The subject before a clause's "never" (its last opening word cut off), or undefined when it names nothing. */
function subjectBefore(
  prompt: string,
  end: number,
): { subject: string; start: number; aux: string | undefined } | undefined {
  const full = prompt.slice(0, end).trimEnd();
  const aux = MODAL.exec(full)?.[0].trim().toLowerCase();
  const before = full.replace(MODAL, "");
  let start = 0;
  for (const m of before.matchAll(OPENS)) start = m.index + m[0].length;
  while (/\s/.test(before.charAt(start))) start++;
  const subject = before.slice(start).trim();
  const ws = words(subject);
  if (ws.length === 0 || ws.length > 6) return undefined;
  const last = ws[ws.length - 1] ?? "";
  if (PRONOUN.test(last) || !/^[a-z][\w'’-]*$/i.test(last)) return undefined;
  return { subject, start, aux };
}

/** A verb phrase after its lead word, cut where the clause ends. */
const verbAfter = (prompt: string, from: number) => {
  const rest = prompt.slice(from);
  const e = ENDS.exec(rest);
  return (e ? rest.slice(0, e.index) : rest).trim();
};

/** A never clause's verb phrase cleaned to follow "never" after its subject ("be changed" -> is never changed). */
function neverVerb(subject: string, aux: string | undefined, vp: string): string {
  const is = plural(subject) ? "are" : "is";
  if (/^be\s+/i.test(vp)) return `${is} never ${vp.replace(/^be\s+/i, "")}`;
  if (aux === "is" || aux === "are") return `${is} never ${vp}`;
  return aux && !/^(?:does|do|gets?)$/.test(aux) ? `${aux} never ${vp}` : `never ${vp}`;
}

function clause(quote: string, at: number, subject: string, said: string, verb: string): GuaranteeClause | undefined {
  const nouns = words(subject.replace(/^(?:a|an|the|each|every|any|no|all|existing)\s+/i, ""))
    .filter((w) => !/^(?:a|an|the|of|on|in|its|their)$/i.test(w))
    .map(bare);
  // "two customers never book the same seat": what the rule constrains is the one thing the claimants share
  const shared = /^(?:no\s+)?(?:two|several|multiple)\s/i.test(subject)
    ? /\b(?:same|one)\s+([a-z]+)\b/i.exec(verb)?.[1]
    : undefined;
  if (shared) nouns.push(bare(shared));
  const head = nouns[nouns.length - 1];
  if (!head || verb.length === 0) return undefined;
  return {
    quote,
    at,
    statement: `${upperFirst(said.replace(/\s+/g, " ").trim())}.`,
    head,
    names: nouns.slice(0, -1),
    verb: verb.toLowerCase(),
  };
}

/**
 * The guarantee clauses a prompt states: "<subject> (can) never <verb phrase>", "no <noun> is ever <state>",
 * "<subject> (is) <done> exactly once" and "keeps <thing> <where> when/while <condition>". Each is said as its subject
 * and cleaned verb phrase; a clause whose subject is a pronoun or too long to be one noun phrase is left out.
 */
export function guaranteeClauses(prompt: string): GuaranteeClause[] {
  const out: GuaranteeClause[] = [];
  for (const m of prompt.matchAll(/\bnever\s+/gi)) {
    const s = subjectBefore(prompt, m.index);
    const vp = verbAfter(prompt, m.index + m[0].length);
    if (!s || words(vp).length === 0 || /^no\b/i.test(s.subject)) continue;
    const said = `${s.subject} ${neverVerb(s.subject, s.aux, vp)}`;
    const c = clause(prompt.slice(s.start, m.index + m[0].length + vp.length), s.start, s.subject, said, vp);
    if (c) out.push(c);
  }
  for (const m of prompt.matchAll(/\bno\s+([a-z][\w'’ -]*?)\s+(?:(is|are)\s+)?ever\s+/gi)) {
    const vp = verbAfter(prompt, m.index + m[0].length);
    const subject = m[1] ?? "";
    if (words(subject).length > 4 || words(vp).length === 0) continue;
    const said = `no ${subject} ${m[2] ? `${m[2].toLowerCase()} ` : ""}ever ${vp}`;
    const c = clause(prompt.slice(m.index, m.index + m[0].length + vp.length), m.index, subject, said, vp);
    if (c) out.push(c);
  }
  for (const m of prompt.matchAll(/\b(?:(?:is|are|gets?|be)\s+)?([a-z]+ed|sent|paid|run|done)\s+exactly\s+once\b/gi)) {
    const s = subjectBefore(prompt, m.index);
    if (!s) continue;
    const done = m[1]?.toLowerCase() ?? "";
    const said = `${s.subject} ${plural(s.subject) ? "are" : "is"} ${done} exactly once`;
    const c = clause(prompt.slice(s.start, m.index + m[0].length), s.start, s.subject, said, `${done} exactly once`);
    if (c) out.push(c);
  }
  for (const m of prompt.matchAll(
    /\bkeeps?\s+((?:(?:each|every|all|existing|a|an|the)\s+)?[a-z][\w'’]*(?:\s+[a-z][\w'’]*)?)\s+((?:on|in|at|with|to|across)\s+[^.,;:!?]+?)\s+((?:even\s+)?(?:when|while|as|if)\s+[^.,;:!?]+)/gi,
  )) {
    const thing = m[1] ?? "";
    const where = m[2] ?? "";
    const cond = verbAfter(m[3] ?? "", 0);
    const said = `${thing} ${plural(thing) ? "stay" : "stays"} ${where} ${cond}`;
    const c = clause(m[0], m.index, thing, said, `stays ${where} ${cond}`);
    if (c) out.push(c);
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Words that say the same limit in other words ("negative" is "below zero"; an edit is a change). */
const SAME: readonly (readonly string[])[] = [
  ["negat", "below", "zero", "overd", "minus"],
  ["edit", "edite", "chang", "modif", "overw", "mutat", "alter", "rewri", "updat"],
  ["twice", "concu", "doubl", "again", "second"],
  ["book", "booki", "sold", "sell", "selli", "hold", "reser", "claim", "assig", "taken"],
  ["stay", "stays", "keeps", "kept", "sticky", "same"],
];
const widen = (stems: ReadonlySet<string>): Set<string> => {
  const out = new Set(stems);
  for (const group of SAME) if (group.some((g) => stems.has(g))) for (const g of group) out.add(g);
  return out;
};

/** Whether a text names a noun, singular or plural, as a whole word. */
const names = (text: string, noun: string) => {
  const t = ` ${text.toLowerCase().replace(/[^a-z' ]/g, " ")} `;
  return [noun, `${noun}s`, `${noun}es`, `${noun.replace(/y$/, "")}ies`].some(
    (n) => t.includes(` ${n} `) || t.includes(` ${n}'`),
  );
};

/**
 * Whether a rule's statement already says a guarantee clause: it names the clause's head noun, it says a limit
 * ("never", "no … ever", "only", "exactly once", "at most", "stays"), and it shares a word of the clause's verb phrase,
 * counting words that say the same limit ("below zero" says "negative").
 */
export function saysClause(statement: string, c: GuaranteeClause): boolean {
  if (!/\b(?:never|ever|not|only|exactly once|at most|cannot|refus\w*|stays?|same)\b/i.test(statement)) return false;
  // the verb's own words, not the nouns it names ("write after it has lost leadership" is not said by "leader failover")
  const own = new Set([c.head, ...c.names].map((n) => contentStems(n)).flatMap((x) => [...x]));
  const verb = new Set([...contentStems(c.verb)].filter((x) => !own.has(x) && !own.has(x.slice(0, 4))));
  const stems = contentStems(statement);
  // the card's own noun for the thing ("no seat is sold twice" says "a ticket is never sold twice"): two of the verb's
  // own words, as the prompt words them
  if (!names(statement, c.head)) return verb.size >= 2 && stemOverlap(verb, stems) >= 2;
  return stemOverlap(widen(verb), widen(stems)) >= 1;
}

/**
 * The mechanisms that may keep a clause by what its verb forbids: a limit below zero by a guarded or atomic write, a
 * thing never done twice by a guarded claim, an immutable thing by a write-once or guarded write, a thing kept in
 * place by an affinity-keeping router; any other clause by a mechanism whose own words share its verb phrase.
 */
const KEEPERS: readonly { when: RegExp; keepers: readonly string[] }[] = [
  {
    when: /\b(?:negative|below zero|overdrawn|oversold|overdraw\w*|less than zero)\b/,
    keepers: ["guarded-transition", "atomic-counter", "transaction", "version-check"],
  },
  {
    when: /\b(?:twice|concurrently|two|double|again|more than once)\b/,
    keepers: ["guarded-transition", "put-if-absent", "insert-primary", "claim-run", "fencing-token", "idempotency-key"],
  },
  {
    when: /\b(?:chang|edit|modif|overwrit|mutat|alter|rewrit|updat)\w*/,
    keepers: ["put-if-absent", "insert-primary", "content-addressing", "guarded-transition"],
  },
  { when: /\b(?:stays?|same server|sticky)\b/, keepers: ["consistent-hashing"] },
];

/** A write a keeper may be chosen from: what it does and writes, and its mechanism's name and summary. */
export interface KeeperCandidate {
  phrase: string;
  entity: string;
  mechanism: string;
  words: string;
}

/**
 * The mechanism that keeps a clause: among the writes that name the clause's thing (its head noun, else a noun its
 * subject names), the first whose mechanism the clause's verb calls for (KEEPERS), else whose own words share a word
 * of the verb phrase; none, when no such write carries one (the design then says no mechanism keeps it yet).
 */
export function keeperOf<T extends KeeperCandidate>(c: GuaranteeClause, writes: readonly T[]): T | undefined {
  const naming = (noun: string) =>
    writes.filter((w) => names(`${w.phrase} ${w.entity.replace(/([a-z])([A-Z])/g, "$1 $2")}`, noun));
  const on = [c.head, ...c.names].map(naming).find((l) => l.length > 0) ?? [];
  const called = KEEPERS.find((k) => k.when.test(c.verb));
  if (called) return on.find((w) => called.keepers.includes(w.mechanism));
  const verb = contentStems(c.verb);
  return on.find((w) => stemOverlap(verb, contentStems(w.words)) >= 1);
}

/** The words a rule with no keeper adds, so the design says so rather than naming an unrelated mechanism. */
export const UNKEPT = "no mechanism in this design keeps it yet.";
