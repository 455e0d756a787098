import type { MechanismId } from "../knowledge/mechanisms/catalog.js";
import { singularOf } from "./counted-nouns.js";
import { participle } from "./stated-rules.js";
import { article, contentStems, stemOverlap } from "./text.js";

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
  /** What the verb forbids, where a mechanism of its own keeps it (`clauseKind`); else undefined. */
  kind?: ClauseKind;
  /** For a thing kept on its holder ("connections stay on their backend"), the holder's noun, singular. */
  holder?: string;
  /** For an effect on a named party ("bills each advertiser"), the party's noun, singular, and the effect's record. */
  party?: { noun: string; effect: string };
}

/**
 * What a guarantee clause forbids, where only a mechanism of its own kind keeps it (never the nearest rule of the
 * design that shares a word with it):
 * - immutable: a written thing is never changed, overwritten or reused (a write-once key);
 * - interval: a resource is never held by two bookings whose times overlap (interval exclusion per resource);
 * - sticky: a thing stays on its holder while holders are added or removed (connection tracking over a consistent hash);
 * - not-before: a thing is never released before its time (a not-before gate, the clock's error spent late);
 * - effect-once: an effect on a named party happens once per thing ("bills each advertiser for each click exactly
 *   once": one billing line per click, keyed by its event id, written with the aggregate and the input position).
 */
export type ClauseKind = "immutable" | "interval" | "sticky" | "not-before" | "effect-once";

const IMMUTABLE = /\b(?:chang|edit|modif|overwrit|mutat|alter|rewrit|tamper|updat)\w*|\breused\b/;
const OVERLAP = /\bdouble[- ]?book\w*|\boverlap\w*/;
const SAME_TIME = /\bat the same time\b|\bat once\b|\bfor the same (?:time|slot|hour|period)\b/;
const BOOKING = /\b(?:reserv|book|appointment|schedul)\w*/i;
const STAYS = /\bstays?\b/;
const MEMBERSHIP = /\b(?:add|remov|join|leav|scal|replac|drain)\w*/;
const EARLY = /\b(?:before (?:its|their|the) (?:[a-z]+ )?(?:time|due time|date|deadline|schedule)|early)\b/;

/** What a clause's verb forbids (`ClauseKind`), read of its verb phrase and, for a time clash, the prompt's booking words. */
export function clauseKind(verb: string, prompt: string): ClauseKind | undefined {
  const v = verb.toLowerCase();
  if (EARLY.test(v)) return "not-before";
  if (STAYS.test(v) && MEMBERSHIP.test(v)) return "sticky";
  if (OVERLAP.test(v) || (SAME_TIME.test(v) && BOOKING.test(prompt))) return "interval";
  if (IMMUTABLE.test(v)) return "immutable";
  return undefined;
}

/** Where a clause's subject starts: after a word that opens a clause, or punctuation. */
const OPENS = /[.,;:!?()]|\b(?:where|that|which|whose|so|and|but|while|with|such that|ensuring|guaranteeing)\b/gi;
/** Where a verb phrase ends: punctuation or a word that opens another clause. */
const ENDS = /[.,;:!?()]|\s(?:and|but|where|which|so that|whereas)\s/i;
const MODAL = /\s+(?:can|could|will|would|may|must|should|shall|is|are|does|do|gets?)$/i;
/** An aside between a subject and its verb that says when the rule starts ("once released", "once signed"). */
const ONCE_ASIDE = /,\s*once\s+[a-z]+,?$/i;
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
  // "a firmware image, once released, is never changed": the interjected "once released" is not the subject
  const before = full.replace(MODAL, "").replace(ONCE_ASIDE, "");
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

function clause(
  quote: string,
  at: number,
  subject: string,
  said: string,
  verb: string,
  prompt = quote,
): GuaranteeClause | undefined {
  const nouns = words(subject.replace(/^(?:a|an|the|each|every|any|no|all|existing)\s+/i, ""))
    .filter((w) => !/^(?:a|an|the|of|on|in|its|their|same|one)$/i.test(w))
    .map(bare);
  // "two customers never book the same seat": what the rule constrains is the one thing the claimants share
  const shared = /^(?:no\s+)?(?:two|several|multiple)\s/i.test(subject)
    ? /\b(?:same|one)\s+([a-z]+)\b/i.exec(verb)?.[1]
    : undefined;
  if (shared) nouns.push(bare(shared));
  const head = nouns[nouns.length - 1];
  if (!head || verb.length === 0) return undefined;
  const kind = clauseKind(verb, prompt);
  const holder =
    kind === "sticky"
      ? /\b(?:on|to|with|at) (?:their|its|the|a|an|one)\s+(?:same\s+)?([a-z]+)/i.exec(verb)?.[1]
      : undefined;
  return {
    quote,
    at,
    statement: `${upperFirst(said.replace(/\s+/g, " ").trim())}.`,
    head,
    names: nouns.slice(0, -1),
    verb: verb.toLowerCase(),
    ...(kind ? { kind } : {}),
    ...(holder ? { holder: bare(holder) } : {}),
  };
}

/** A passive clause: its subject, its be-verb and participle, and what follows ("each message is delivered within …"). */
const PASSIVE = /^(.{1,60}?)\s+(is|are|gets?)\s+([a-z]+(?:ed|en|nt|wn))\b\s*(.*)$/i;

/**
 * A never clause that shares the subject and act of the clause before it ("each message is delivered within 1 second
 * of its time and never before it"): said whole, with an "it" after a time word resolved to the earlier clause's own
 * "its …" ("never delivered before its time").
 */
function elidedClause(prompt: string, at: number, vp: string): GuaranteeClause | undefined {
  const full = prompt.slice(0, at).trimEnd();
  const conj = /,?\s*\b(?:and|but)$/i.exec(full);
  if (!conj) return undefined;
  const prior = full.slice(0, conj.index);
  let start = 0;
  for (const o of prior.matchAll(OPENS)) start = o.index + o[0].length;
  while (/\s/.test(prior.charAt(start))) start++;
  const p = PASSIVE.exec(prior.slice(start));
  const subject = p?.[1]?.trim() ?? "";
  if (!p || words(subject).length > 6 || PRONOUN.test(words(subject).pop() ?? "")) return undefined;
  const its = [...(p[4] ?? "").matchAll(/\b(its|their) ((?:[a-z]+ )?(?:time|date|deadline|slot))\b/gi)].pop();
  const resolved = its ? vp.replace(/\b(before|after|until|past)\s+it\b/i, `$1 ${its[1]} ${its[2]}`) : vp;
  const done = `${p[3]} ${resolved}`;
  const said = `${subject} ${plural(subject) ? "are" : "is"} never ${done}`;
  return clause(prompt.slice(start, at + vp.length + 6).trim(), start, subject, said, done, prompt);
}

/** Words that end the object of an act ("sends a reminder early": the object is "a reminder"). */
const OBJECT_END =
  /^(?:before|after|to|on|in|at|for|with|until|twice|again|early|late|more|without|from|by|during|when|while|unless)$/i;
/** The plain form of a third-person verb ("sends" -> send, "pushes" -> push, "carries" -> carry). */
const plainVerb = (v: string) =>
  /ies$/i.test(v) ? `${v.slice(0, -3)}y` : /(?:sh|ch|x|ss|zz)es$/i.test(v) ? v.slice(0, -2) : v.replace(/s$/i, "");

/**
 * A never clause whose subject is the system that acts ("a reminder service that never sends a reminder early"): the
 * rule is about the act's object, said in the passive ("A reminder is never sent early").
 */
function objectClause(prompt: string, at: number, vp: string): GuaranteeClause | undefined {
  const full = prompt.slice(0, at).trimEnd();
  if (!/\b[a-z]+\s+(?:that|which|who)$/i.test(full)) return undefined;
  const ws = words(vp);
  const verb = ws[0] ?? "";
  if (!/^[a-z]+s$/i.test(verb) || !/^(?:a|an|the|any|each|every|one)$/i.test(ws[1] ?? "")) return undefined;
  let end = 2;
  while (end < ws.length && end < 5 && !OBJECT_END.test(ws[end] ?? "")) end++;
  const object = ws.slice(1, end).join(" ");
  const rest = ws.slice(end).join(" ");
  if (end === 2 || rest.length === 0) return undefined;
  const done = `${participle(plainVerb(verb.toLowerCase()))} ${rest}`;
  const said = `${object} is never ${done}`;
  return clause(prompt.slice(at, at + 6 + vp.length).trim(), at, object, said, done, prompt);
}

/**
 * The guarantee clauses a prompt states: "<subject> (can) never <verb phrase>", "no <noun> is ever <state>",
 * "<subject> (is) <done> exactly once" and "keeps <thing> <where> when/while <condition>". Each is said as its subject
 * and cleaned verb phrase; a clause whose subject is a pronoun or too long to be one noun phrase is left out.
 */
export function guaranteeClauses(prompt: string): readonly GuaranteeClause[] {
  // the invariants, the layout and coherence each ask of one prompt: the last prompt's clauses are kept
  if (lastClauses?.prompt !== prompt) lastClauses = { prompt, clauses: Object.freeze(readClauses(prompt)) };
  return lastClauses.clauses;
}
let lastClauses: { prompt: string; clauses: readonly GuaranteeClause[] } | undefined;

function readClauses(prompt: string): GuaranteeClause[] {
  const out: GuaranteeClause[] = [];
  for (const m of prompt.matchAll(/\bnever\s+/gi)) {
    const s = subjectBefore(prompt, m.index);
    const vp = verbAfter(prompt, m.index + m[0].length);
    if (words(vp).length === 0) continue;
    if (!s) {
      // "each message is delivered within 1 second of its time and never before it"; "a service that never sends a
      // reminder early": the subject is the earlier clause's, or the object of the act
      const c = elidedClause(prompt, m.index, vp) ?? objectClause(prompt, m.index, vp);
      if (c) out.push(c);
      continue;
    }
    if (/^no\b/i.test(s.subject)) continue;
    const said = `${s.subject} ${neverVerb(s.subject, s.aux, vp)}`;
    const c = clause(prompt.slice(s.start, m.index + m[0].length + vp.length), s.start, s.subject, said, vp, prompt);
    if (c) out.push(c);
  }
  for (const m of prompt.matchAll(/\bno\s+([a-z][\w'’ -]*?)\s+(?:(is|are)\s+)?ever\s+/gi)) {
    const vp = verbAfter(prompt, m.index + m[0].length);
    const subject = m[1] ?? "";
    if (words(subject).length > 4 || words(vp).length === 0) continue;
    const said = `no ${subject} ${m[2] ? `${m[2].toLowerCase()} ` : ""}ever ${vp}`;
    const c = clause(prompt.slice(m.index, m.index + m[0].length + vp.length), m.index, subject, said, vp, prompt);
    if (c) out.push(c);
  }
  for (const m of prompt.matchAll(/\b(?:(?:is|are|gets?|be)\s+)?([a-z]+ed|sent|paid|run|done)\s+exactly\s+once\b/gi)) {
    const s = subjectBefore(prompt, m.index);
    if (!s) continue;
    const done = m[1]?.toLowerCase() ?? "";
    const said = `${s.subject} ${plural(s.subject) ? "are" : "is"} ${done} exactly once`;
    const c = clause(
      prompt.slice(s.start, m.index + m[0].length),
      s.start,
      s.subject,
      said,
      `${done} exactly once`,
      prompt,
    );
    if (c) out.push(c);
  }
  // "bills each advertiser for each click exactly once", "each artist is paid for each stream exactly once": an effect
  // on a named party, once per thing
  for (const m of prompt.matchAll(
    /\b(?:(is|are|be|gets?)\s+)?(bill|charg|pa(?:y|id)|credit|debit|invoic|refund)(?:s|es|ed|e)?\s+(?:((?:each|every|the|a|an|its)\s+)?([a-z]+)\s+)?for\s+((?:each|every|a|an|the)\s+[a-z]+(?:\s+[a-z]+)?)\s+exactly\s+once\b/gi,
  )) {
    const act = (m[2] ?? "").toLowerCase().replace(/^paid$/, "pay");
    const passive = m[1] !== undefined;
    const s = passive ? subjectBefore(prompt, m.index) : undefined;
    const partyWords = passive ? s?.subject : m[4] && `${m[3] ?? ""}${m[4]}`;
    const effect = EFFECTS[act];
    const thing = m[5] ?? "";
    if (!effect || !partyWords || (passive ? m[4] : !m[4])) continue;
    const party = bare(words(partyWords).pop() ?? "");
    const done = `${EFFECT_DONE[act]} for ${thing} exactly once`;
    const said = `${partyWords} ${plural(partyWords) ? "are" : "is"} ${done}`;
    const at = s?.start ?? m.index;
    const c = clause(prompt.slice(at, m.index + m[0].length), at, thing, said, done, prompt);
    if (c) out.push({ ...c, kind: "effect-once", names: [party, ...c.names], party: { noun: party, effect } });
  }
  for (const m of prompt.matchAll(
    /\bkeeps?\s+((?:(?:each|every|all|existing|a|an|the)\s+)?[a-z][\w'’]*(?:\s+[a-z][\w'’]*)?)\s+((?:on|in|at|with|to|across)\s+[^.,;:!?]+?)\s+((?:even\s+)?(?:when|while|as|if)\s+[^.,;:!?]+)/gi,
  )) {
    const thing = m[1] ?? "";
    const where = m[2] ?? "";
    const cond = verbAfter(m[3] ?? "", 0);
    const said = `${thing} ${plural(thing) ? "stay" : "stays"} ${where} ${cond}`;
    const c = clause(m[0], m.index, thing, said, `stays ${where} ${cond}`, prompt);
    if (c) out.push(c);
  }
  return out.sort((a, b) => a.at - b.at);
}

/** An effect on a party by its verb's stem: the record one effect leaves, and the verb's participle. */
const EFFECTS: Readonly<Record<string, string>> = {
  bill: "billing line",
  charg: "charge",
  pay: "payout",
  credit: "credit",
  debit: "debit",
  invoic: "invoice line",
  refund: "refund",
};
const EFFECT_DONE: Readonly<Record<string, string>> = {
  bill: "billed",
  charg: "charged",
  pay: "paid",
  credit: "credited",
  debit: "debited",
  invoic: "invoiced",
  refund: "refunded",
};

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

/** The words a rule of a clause's kind says its limit with. */
const KIND_TELLS: Readonly<Record<ClauseKind, RegExp>> = {
  immutable:
    /\b(?:never (?:changes?|changed|overwritten|rewritten|altered|edited|modified|reused)|immutable|write-once)\b/i,
  interval: /\boverlap\w*|\bintervals?\b|\btime ranges?\b|\bsame time\b|\bdouble[- ]book\w*/i,
  sticky: /\b(?:stays?|remains?|keeps?|kept|follows?)\b[^.]*\b(?:add\w*|join\w*)\b/i,
  "not-before": /\bbefore (?:its|their|the)\b[^.]*\b(?:time|due)\b|\bearly\b|\bnot[- ]before\b/i,
  "effect-once": /\b(?:bill|charg|pay|paid|credit|debit|invoic|refund)\w*\b[^.]*\b(?:exactly once|once|twice)\b/i,
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
  // a clause of a kind is said only by a rule of that kind (a drain rule says nothing of additions; a room-night
  // count says nothing of overlapping times)
  if (c.kind && !KIND_TELLS[c.kind].test(statement)) return false;
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
    // a lease grants a thing to one holder at a time: its conditional acquire keeps "never held by two"
    keepers: [
      "guarded-transition",
      "put-if-absent",
      "insert-primary",
      "claim-run",
      "lease",
      "fencing-token",
      "idempotency-key",
    ],
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
  /** The nouns the write's record stands for besides its own name (a lease is a lock's holder record). */
  plays?: readonly string[];
}

/**
 * The mechanism that keeps a clause: among the writes that name the clause's thing (its head noun, else a noun its
 * subject names), the first whose mechanism the clause's verb calls for (KEEPERS), else whose own words share a word
 * of the verb phrase; none, when no such write carries one (the design then says no mechanism keeps it yet).
 */
export function keeperOf<T extends KeeperCandidate>(c: GuaranteeClause, writes: readonly T[]): T | undefined {
  // a write names a thing by its own words, or by its record's role (a rule about a lock sits on the lease's writes)
  const naming = (noun: string) =>
    writes.filter(
      (w) => names(`${w.phrase} ${w.entity.replace(/([a-z])([A-Z])/g, "$1 $2")}`, noun) || w.plays?.includes(noun),
    );
  const on = [c.head, ...c.names].map(naming).find((l) => l.length > 0) ?? [];
  // a clause of a kind is kept only by a mechanism of that kind on a write that does not contradict it
  if (c.kind) {
    const own = KIND_KEEPERS[c.kind];
    return on.find((w) => own.reuse.includes(w.mechanism) && !contradicts(c, w));
  }
  const called = KEEPERS.find((k) => k.when.test(c.verb));
  if (called) return on.find((w) => called.keepers.includes(w.mechanism));
  const verb = contentStems(c.verb);
  return on.find((w) => stemOverlap(verb, contentStems(w.words)) >= 1);
}

/** The mechanism of its own that keeps a clause of a kind, and those a design may already carry that keep it too. */
export const KIND_KEEPERS: Readonly<
  Record<ClauseKind, { own: MechanismId; said: string; reuse: readonly string[]; act: RegExp }>
> = {
  immutable: {
    own: "write-once-key",
    said: "a write-once key",
    // a state-guarded write keeps a state's record unchanged ("a signed contract"), a content hash its bytes
    reuse: ["write-once-key", "put-if-absent", "insert-primary", "content-addressing", "guarded-transition"],
    act: /\b(?:publish|accept|creat|insert|fil|upload|put|record)\w*/i,
  },
  interval: {
    own: "interval-exclusion",
    said: "per-resource interval exclusion",
    reuse: ["interval-exclusion"],
    act: /\b(?:book|reserv|schedul|hold|claim|acquir|assign|give|grant)\w*/i,
  },
  sticky: {
    own: "sticky-assignment",
    said: "a connection table over a consistent hash",
    reuse: ["sticky-assignment"],
    act: /\b(?:rout|forward|spread|balanc|pick|select|assign|steer|hash)\w*/i,
  },
  "not-before": {
    own: "not-before-gate",
    said: "a not-before release gate",
    reuse: ["not-before-gate"],
    act: /\b(?:deliver|fire|send|releas|dispatch|run|poll|due|enqueue)\w*/i,
  },
  "effect-once": {
    own: "keyed-effect-ledger",
    said: "an effect ledger keyed by event id",
    reuse: ["keyed-effect-ledger"],
    // the effect is recorded where each event is counted into its aggregate, with the position it was read from
    act: /\b(?:add|count|aggregat|appl|consum|process|tally|sum)\w*/i,
  },
};

/** The mechanisms made for one kind of stated clause. */
export const KIND_OWN: ReadonlySet<string> = new Set(Object.values(KIND_KEEPERS).map((k) => k.own));

/** A write that changes a record in place: an update, overwrite, bump or replace, or a mechanism made for one. */
const OVERWRITES = /\b(?:updat|overwrit|replac|bump|edit|modif|rewrit|mutat)\w*/i;
const OVERWRITE_MECHANISMS: ReadonlySet<string> = new Set(["versioned-overwrite", "lww-overwrite", "max-update"]);
/** Whether a write changes a record in place (its words, or a mechanism made for overwrites). */
export const overwritesInPlace = (phrase: string, mechanism: string | undefined): boolean =>
  OVERWRITES.test(phrase) || (mechanism !== undefined && OVERWRITE_MECHANISMS.has(mechanism));

/** Whether a write's shape contradicts a clause: an overwrite under "never changed or overwritten". */
export const contradicts = (c: GuaranteeClause, w: { phrase: string; mechanism?: string }): boolean =>
  c.kind === "immutable" && overwritesInPlace(w.phrase, w.mechanism);

/** The write a clause of a kind sits on when nothing there keeps it yet: one naming its thing, else one doing its act. */
export function kindWrite<T extends KeeperCandidate>(c: GuaranteeClause, writes: readonly T[]): T | undefined {
  if (!c.kind) return undefined;
  const fits = writes.filter((w) => !contradicts(c, w));
  const own = KIND_KEEPERS[c.kind];
  // a thing kept on its holder sits on the write about the holders (the backend set), not the thing's traffic
  const holder = c.holder ? fits.find((w) => names(w.phrase, c.holder as string)) : undefined;
  return (
    holder ??
    [c.head, ...c.names].flatMap((n) => fits.filter((w) => names(w.phrase, n))).find((w) => own.act.test(w.phrase)) ??
    [c.head, ...c.names].flatMap((n) => fits.filter((w) => names(w.phrase, n)))[0] ??
    fits.find((w) => own.act.test(w.phrase))
  );
}

/** The record a clause's thing is kept in by its role, where no write of the design names it or does its act. */
export const roleRecord = (c: GuaranteeClause): string => (c.kind === "interval" ? `${c.head} booking` : c.head);

/** How a clause of a kind is kept, on the record its write writes, in the clause's own nouns. */
export function keptSaying(c: GuaranteeClause, entity: string): string {
  // the subject's own compound ("meeting room"), else the head alone ("meetings in the same room": a room)
  const compound = [...c.names, c.head].join(" ");
  const thing = c.statement.toLowerCase().includes(compound) ? compound : c.head;
  const record = /\brecords?$/.test(entity) ? entity : `${entity} record`;
  const heads = `${c.head.replace(/([^aeiou])y$/, "$1ie").replace(/(?:s|x|ch|sh)$/, "$&e")}s`;
  // a record not named for the prompt's own noun says which role it plays for it ("a spot's booking is a hold record")
  const own = [c.head, ...c.names].some((n) => names(entity, n));
  const as = (what: string) => (own ? "" : ` In this design ${what} is ${article(entity)} ${record}.`);
  switch (c.kind) {
    case "immutable": {
      // a thing never deleted is never removed at all; one only never changed may be removed, leaving a tombstone
      const removal = /\b(?:delet|remov|eras|purg|destroy)\w*/.test(c.verb)
        ? "No operation removes one either, so its key is never reused."
        : "Removing one leaves a tombstone under its key, so the key is never reused for other content.";
      return `Each ${thing} is written once under its own key by a create-if-absent write on the ${record}, and no operation updates it in place: a second write under a key already taken is refused, whatever its content. ${removal}${as(`each ${thing}`)}`;
    }
    case "interval":
      return `Each booking of a ${thing} holds a time interval on that ${c.head}. A new one is inserted only if no live booking of the same ${c.head} overlaps its interval, checked and written in one step under that ${c.head}'s serialization: a conditional insert on its ${record}, or an exclusion constraint on the ${c.head} and the interval. Of two overlapping requests one wins and the other is refused, and a cancelled booking stops counting but keeps its row.${as(`each booking of a ${c.head}`)}`;
    case "sticky": {
      const holder = c.holder ?? "owner";
      return `When a ${c.head} starts it is given a ${holder} by a consistent hash over the live ${holder}s, built so that a change of the set moves few keys, and the pick is recorded per ${c.head} on each node that routes it (connection tracking), apart from the ${record}, which can change under it. Later traffic of the ${c.head} follows its recorded pick rather than the hash, so adding a ${holder} moves no existing ${c.head}, and removing one moves only the ${heads} it held. A ${c.head} that reaches another node finds the same ${holder} through the same hash unless the set changed meanwhile.`;
    }
    case "not-before":
      return `Each ${thing} waits in an index by its due time on its ${record}, and the node that releases it does so only once its clock, less the clock's error bound, has passed that time. A clock error therefore makes a ${c.head} late, never early; a poller that wakes early leaves it for the next pass, and the error bound counts against the lateness the design allows.${as(`each waiting ${c.head}`)}`;
    case "effect-once": {
      const party = c.party?.noun ?? "party";
      const effect = c.party?.effect ?? "effect line";
      // a charge or bill is what the party owes; a payout, credit or refund what it is owed
      const owes = /^(?:billing|charge|debit|invoice)/.test(effect) ? "owes" : "is owed";
      return `Each ${c.head}'s ${effect} to its ${party} is one row keyed by the ${c.head}'s event id, inserted only if absent, in the same transaction as the ${c.head}'s change to the ${record} and the input position it was read from, so all of them are saved or none is. A replay after a crash re-reads the ${heads} past the saved position, finds their ${effect}s already written, and adds no second one; a duplicate ${c.head} dropped upstream never reaches it. Where the ${effect} is sent on to an outside provider, its key goes with the call as the provider's idempotency key, so a retried call has no second effect. What ${/^[aeiou]/.test(party) ? "an" : "a"} ${party} ${owes} is the sum of its ${effect}s, and a correction is a new ${effect} that reverses one, never an edit.`;
    }
    default:
      return "";
  }
}

/** The words a rule with no keeper adds, so the design says so rather than naming an unrelated mechanism. */
export const UNKEPT = "no mechanism in this design keeps it yet.";
