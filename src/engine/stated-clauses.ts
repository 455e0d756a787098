import { ROW_WRITES_PER_SEC } from "../knowledge/bounded-counters.js";
import { TIME_SPANS, TIME_UNITS } from "../knowledge/counted-things.js";
import { CARDINAL_WORDS } from "../knowledge/lexicon.js";
import { FIXED_HOLD_WORDS } from "../knowledge/mechanism-semantics.js";
import type { MechanismId } from "../knowledge/mechanisms/catalog.js";
import { singularOf } from "./counted-nouns.js";
import { own } from "./own.js";
import { baseOf } from "./stated-once.js";
import { participle } from "./stated-rules.js";
import { lastingBecause, statedTenure } from "./stated-stance.js";
import { anyWord, article, contentStems, namesNoun, pattern, stemOverlap } from "./text.js";

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
  /** For a cardinality rule, the subject as the prompt words it ("a code like SPRING50"). */
  subject?: string;
  /** For a cap, the limit as the prompt words it ("two", "100,000", "$500"). */
  limit?: string;
  /** For a cap on a holder, what it counts, singular ("order", "wrong attempt"). */
  counted?: string;
  /** For a use once per party, the party ("customer"); for a cap per period, the period ("day"). */
  per?: string;
  period?: string;
  /** The act a use or a cap counts, as a participle ("redeemed", "held"). */
  act?: string;
  /** For a total cap on units held and released ("at any moment"): the units are leases. */
  held?: boolean;
  /** For one holder at a time where one holder takes many things at once ("10 players per match"), how many. */
  members?: string;
  /** For a total cap, the rate per second the prompt states for its act (the counter row's write rate). */
  rate?: { quote: string; perSecond: number };
  /** For a party's times that never overlap, the things it takes, each with times of its own ("section", "shift"). */
  taken?: string;
  /** For a state that never moves backwards, the updates that carry it ("scan"), and whether it is a state of a forward
   * lifecycle, ranked (a status), rather than a value ordered by its event's time. */
  events?: string;
  ranked?: boolean;
  /** For a bound on a per-key quantity: the quantity ("balance"), the key whose row holds it ("account"), the bound as
   * the prompt words it ("zero", "its limit") and its side (a floor or a ceiling). */
  quantity?: string;
  key?: string;
  bound?: string;
  side?: "floor" | "ceiling";
  /** For one holder at a time, the prompt's words that make the claim lasting ownership, not a lease (stated-stance.ts). */
  lasting?: string;
  /** For one holder at a time, the prompt's words that give the hold a fixed duration (never renewed). */
  fixedHold?: string;
}

/**
 * What a guarantee clause forbids, where only a mechanism of its own kind keeps it (never the nearest rule of the
 * design that shares a word with it):
 * - immutable: a written thing is never changed, overwritten or reused (a write-once key);
 * - interval: a resource is never held by two bookings whose times overlap (interval exclusion per resource);
 * - sticky: a thing stays on its holder while holders are added or removed (connection tracking over a consistent hash);
 * - not-before: a thing is never released before its time (a not-before gate, the clock's error spent late);
 * - effect-once: an effect on a named party happens once per thing ("bills each advertiser for each click exactly
 *   once": one billing line per click, keyed by its event id, written with the aggregate and the input position);
 * - one-holder: a thing is held by one holder at a time ("a player is never in two matches at once", "every job runs on
 *   exactly one runner"): an exclusive claim on the thing's own row;
 * - once-only: a thing is used at most once, or once per party ("redeemed only once per customer"): a use-once key;
 * - holder-cap: a holder holds at most N things, or N per period ("a courier holds at most two orders at a time"): a
 *   count on the holder's row, checked and changed with the assignment;
 * - total-cap: at most N in total, or held at any moment ("redeemed at most 100,000 times in total"): one bounded counter
 *   row, escrowed to shards in blocks when the stated rate makes it hot, its units leases when they are held;
 * - party-overlap: a party never takes two things whose times overlap ("a student is never enrolled in two sections that
 *   meet at the same time"): interval exclusion keyed by the party over the times of the things it takes, where each
 *   thing is taken by many parties (unlike one-holder) and its times are its own, not the request's (unlike interval);
 * - forward-only: a per-key state never moves backwards ("a package's status never moves backwards when scans arrive
 *   late"): each update carries its own order and applies by a conditional write only if newer (or ranked higher);
 * - quantity-bound: a per-key quantity stays within a bound ("an account's balance never goes below zero", "exposure on
 *   each market stays under its limit"): one conditional update on the key's row checks the bound and changes it.
 */
export type ClauseKind =
  | "immutable"
  | "interval"
  | "sticky"
  | "not-before"
  | "effect-once"
  | "one-holder"
  | "once-only"
  | "holder-cap"
  | "total-cap"
  | "party-overlap"
  | "forward-only"
  | "quantity-bound";

const IMMUTABLE = /\b(?:chang|edit|modif|overwrit|mutat|alter|rewrit|tamper|updat)\w*|\breused\b/;
const OVERLAP = /\bdouble[- ]?book\w*|\boverlap\w*/;
const SAME_TIME = /\bat the same time\b|\bat once\b|\bfor the same (?:time|slot|hour|period)\b/;
// (a scheduler is a system that runs jobs, no booking: "a lock is never held by two hosts at once" in a job
// scheduler's lock service is one holder at a time, not two bookings whose times overlap)
const BOOKING = /\b(?:reserv|book|appointment|schedul(?!ers?\b))\w*/i;
const STAYS = /\bstays?\b/;
const MEMBERSHIP = /\b(?:add|remov|join|leav|scal|replac|drain)\w*/;
/** A second holder in a never clause ("to two couriers", "into two matches at once"): the holder's noun. */
const TWO_HOLDERS =
  /\b(?:to|for|by|in|into|on|at|with|between|across|from)\s+two\s+(?:different\s+|separate\s+)?([a-z]+)|\btwo\s+(?:different\s+|separate\s+)?([a-z]+)\s+(?:at once|at the same time|simultaneously|concurrently)/i;
/** Units of time: "two hours" is a duration, "per day" a period, never a holder or a party. */
const TIME_UNIT = new RegExp(
  `^${anyWord([...TIME_UNITS, "nights", ...TIME_SPANS.flatMap((w) => [w, `${w}s`])])}$`,
  "i",
);
/** The noun a holder's first word modifies ("two scheduler replicas at once": the replicas hold, not the scheduler). */
const HEAD_AFTER =
  /^\s+([a-z]+s)\b(?=\s+(?:at once|at the same time|simultaneously|concurrently|in parallel)\b|\s*[,.;:!?]|\s*$)/i;
const twoHolders = (verb: string): string | undefined => {
  const m = TWO_HOLDERS.exec(verb);
  const head = m?.[1] ? HEAD_AFTER.exec(verb.slice(m.index + m[0].length))?.[1] : undefined;
  const h = head ?? m?.[1] ?? m?.[2];
  return h && !TIME_UNIT.test(h) ? h : undefined;
};
const EARLY = /\b(?:before (?:its|their|the) (?:[a-z]+ )?(?:time|due time|date|deadline|schedule)|early)\b/;

/**
 * Two things a party takes whose own times clash ("two sections that meet at the same time", "two operations that
 * overlap", "two overlapping shifts"): the overlap is said of the two things, not of a resource's bookings.
 */
const PARTY_OVERLAP =
  /\btwo\s+(?:different\s+|separate\s+)?([a-z]+)\s+(?:that|which)\s+(?:(?:would\s+)?(?:meet|meets|run|happen|occur|take place|are held|are scheduled|fall)\s+(?:at the same time|at overlapping times|concurrently|simultaneously)|overlap\w*|clash\w*)|\btwo\s+(?:overlapping|concurrent|clashing|simultaneous)\s+([a-z]+)/i;
/** A thing that is itself the time held (a booking, a slot): two of those overlapping is a resource's clash. */
const TIME_HELD =
  /^(?:bookings?|reservations?|appointments?|holds?|rentals?|slots?|intervals?|times?|hours?|periods?|ranges?|windows?)$/i;
/** The things a party takes whose times must not overlap, read of a never clause's verb. */
export const partyTaken = (verb: string): string | undefined => {
  const m = PARTY_OVERLAP.exec(verb);
  const t = m?.[1] ?? m?.[2];
  return t && !TIME_HELD.test(t) ? t : undefined;
};
/** A state moved backwards, or an older update laid over a newer one ("never moves backwards", "never regresses"). */
const BACKWARDS =
  /\bbackwards?\b|\b(?:go(?:es)?|goes|mov\w*|step\w*|jump\w*|roll\w*|revert\w*)\s+back\b|\bregress\w*|\boverwrit\w*\s+(?:a|an|the|any)?\s*(?:newer|later|more recent|fresher)\b/;
/** A value that only rises ("a version never goes down", "a sequence number never decreases"): its noun. */
const ORDERED =
  /^(?:version|revision|sequence|seq|counter|offset|epoch|generation|watermark|position|status|state|stage|phase|level|serial|index|high-water|checkpoint|number)$/i;
const DOWN = /\b(?:go(?:es)?|goes|mov\w*|count\w*|step\w*)\s+down\b|\bdecreas\w*|\bdecrement\w*|\bshrinks?\b/;
/** A quantity below a floor ("goes below zero", "negative", "overdrawn"). */
const FLOOR =
  /\b(?:go(?:es)?|goes|drops?|falls?|dips?|sinks?|be|is)\s+(?:below|under)\s+(zero|0|(?:its|their|the|a)\s+(?:[a-z-]+\s+)?(?:floor|minimum|reserve))\b|\b(?:become|becomes|go|goes|be|is|turn|turns)\s+negative\b|\boverdrawn\b/;
/** A quantity past a ceiling ("exceeds its limit", "holds more than its capacity", "goes over $5,000"). */
const CEILING =
  /\b(?:exceed\w*|go(?:es)?\s+(?:over|above|past)|ris\w*\s+above|(?:holds?|contains?|carr(?:y|ies)|stores?|takes?)\s+more\s+than|is\s+(?:over|above)|surpass\w*)\s+((?:its|their|the)\s+(?:[a-z-]+\s+){0,2}?(?:limit|capacity|cap|ceiling|maximum|max|budget|quota|allowance|threshold)|\$\s?\d[\d,.]*\s*[km]?)(?![\w-])/;
const BOUND_NOUN = /(?:limit|capacity|cap|ceiling|maximum|max|budget|quota|allowance|threshold|floor|minimum|reserve)$/;

/** What a clause's verb forbids (`ClauseKind`), read of its verb phrase and, for a time clash, the prompt's booking words. */
export function clauseKind(verb: string, prompt: string, head?: string): ClauseKind | undefined {
  const v = verb.toLowerCase();
  if (EARLY.test(v)) return "not-before";
  if (STAYS.test(v) && MEMBERSHIP.test(v)) return "sticky";
  if (partyTaken(v)) return "party-overlap";
  if (FLOOR.test(v) || CEILING.test(v)) return "quantity-bound";
  if (BACKWARDS.test(v) || (DOWN.test(v) && head !== undefined && ORDERED.test(head))) return "forward-only";
  if (OVERLAP.test(v) || (SAME_TIME.test(v) && BOOKING.test(prompt))) return "interval";
  if (IMMUTABLE.test(v)) return "immutable";
  if (twoHolders(v)) return "one-holder";
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
const bare = (w: string) => {
  const t = w.toLowerCase().replace(/['’]s?$/, "");
  // "status", "bus", "campus": an -us noun is already singular
  return /(?:status|bus|campus|census|virus|bonus|corpus|consensus|radius|nexus|surplus|focus|syllabus)$/.test(t)
    ? t
    : singularOf(t);
};
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
  given?: Partial<GuaranteeClause>,
): GuaranteeClause | undefined {
  // "a code like SPRING50": the example names no noun of the rule
  const nouns = words(
    subject
      .replace(/^(?:a|an|the|each|every|any|no|all|existing)\s+/i, "")
      .replace(/\s+(?:like|such as|e\.g\.)\s+.*$/i, ""),
  )
    .filter((w) => !/^(?:a|an|the|of|on|in|its|their|same|one)$/i.test(w))
    .map(bare);
  // "two customers never book the same seat": what the rule constrains is the one thing the claimants share
  const shared = /^(?:no\s+)?(?:two|several|multiple)\s/i.test(subject)
    ? /\b(?:same|one)\s+([a-z]+)\b/i.exec(verb)?.[1]
    : undefined;
  if (shared) nouns.push(bare(shared));
  // "an older reading never overwrites a newer one": the age words say which update, not what is kept
  const kept = nouns.filter((n) => !/^(?:older|newer|late|later|earlier|stale|fresher|previous)$/.test(n));
  const head = kept[kept.length - 1];
  if (!head || verb.length === 0) return undefined;
  // "two customers never book the same seat": one holder at a time of the thing they share
  const kind = given?.kind ?? clauseKind(verb, prompt, head) ?? (shared ? "one-holder" : undefined);
  if (kind === "party-overlap" || kind === "forward-only" || kind === "quantity-bound") {
    const extra = orderedKindFields(kind, subject, verb, prompt, kept);
    if (!extra) return undefined;
    return {
      ...given,
      quote,
      at,
      statement: `${upperFirst(said.replace(/\s+/g, " ").trim())}.`,
      head: extra.head ?? head,
      names: extra.names ?? kept.filter((n) => n !== (extra.head ?? head)),
      verb: verb.toLowerCase(),
      kind,
      ...extra.fields,
    };
  }
  const holder =
    kind === "sticky"
      ? /\b(?:on|to|with|at) (?:their|its|the|a|an|one)\s+(?:same\s+)?([a-z]+)/i.exec(verb)?.[1]
      : kind === "one-holder"
        ? (given?.holder ?? twoHolders(verb) ?? (shared ? words(subject).pop() : undefined))
        : undefined;
  if (kind === "one-holder" && !holder) return undefined;
  const members = kind === "one-holder" && holder ? membersOf(prompt, head, bare(holder)) : undefined;
  return {
    ...given,
    quote,
    at,
    statement: `${upperFirst(said.replace(/\s+/g, " ").trim())}.`,
    head,
    names: nouns.slice(0, -1),
    verb: verb.toLowerCase(),
    ...(kind ? { kind } : {}),
    ...(holder ? { holder: bare(holder) } : {}),
    ...(members ? { members } : {}),
  };
}

/** A count in digits or words ("10", "ten", "a hundred"): its words are knowledge/lexicon.ts `CARDINAL_WORDS`. */
const NUMBER_WORD = String.raw`\d[\d,]*|${anyWord(Object.keys(CARDINAL_WORDS))}|a hundred`;
const pluralRe = (noun: string) => `${noun}(?:s|es)?`;
/**
 * How many things one holder takes at once, where the prompt says so ("10 players per match", "matches of 10
 * players"): the holder side is exclusive too, so a claim takes every member.
 */
function membersOf(prompt: string, thing: string, holder: string): string | undefined {
  const t = pluralRe(thing.replace(/[^a-z]/gi, ""));
  const h = pluralRe(holder.replace(/[^a-z]/gi, ""));
  const per = new RegExp(
    String.raw`\b(${NUMBER_WORD})\s+${t}\s+(?:per|in each|in a|in every|to a|for each|for a|a|each)\s+${h}\b`,
    "i",
  ).exec(prompt);
  const of = new RegExp(
    String.raw`\b${h}\s+(?:of|with|for|takes?|holds?|has|have)\s+(?:up to\s+|exactly\s+)?(${NUMBER_WORD})\s+${t}\b`,
    "i",
  ).exec(prompt);
  const n = per?.[1] ?? of?.[1];
  return n && !/^(?:one|1)$/i.test(n) ? n : undefined;
}

/** A quantity's noun that is no thing of its own ("balance", "exposure"): its row is its key's ("an account's balance"). */
const MEASURE =
  /^(?:balance|exposure|stock|inventory|quantity|amount|credit|debt|spend|spending|usage|load|weight|volume|level|liability|total|position|budget|headroom|count|funds?|allocation|occupancy)$/i;
/** The key a quantity is held per, said after it ("exposure on each market", "stock per warehouse"). */
const PER_KEY =
  /\b(?:(?:on|for|of|in|at)\s+(?:each|every|a|an|any|the|one)|per(?:\s+(?:each|every))?)\s+([a-z][a-z-]*)\s*$/i;

/** A stated rate's count and scale, then up to three words of its noun ("30,000 redemption attempts", "2 million bets"). */
const RATE_COUNT = String.raw`\b(\d[\d,.]*)\s*(k|thousand|m|million)?\s+(?:[a-z-]+\s+){0,3}?`;
const PER_SECOND = String.raw`(?:per|a|each|every)\s+second`;

/** The rate per second a match of `RATE_COUNT` states, with its words: the one reading of a stated rate in this file. */
function rateOf(m: RegExpExecArray): { quote: string; perSecond: number } | undefined {
  const unit = (m[2] ?? "").toLowerCase();
  const n = Number((m[1] ?? "").replace(/,/g, "")) * (unit === "k" || unit === "thousand" ? 1e3 : unit ? 1e6 : 1);
  return Number.isFinite(n) && n > 0 ? { quote: m[0], perSecond: n } : undefined;
}

/**
 * A rate per second the prompt states on one key ("5,000 bets per second on a single market", "3,000 debits per
 * second per account"): the writes one key's row takes, where the prompt says so.
 */
function keyRate(prompt: string, key: string): { quote: string; perSecond: number } | undefined {
  const k = pluralRe(key.replace(/[^a-z]/gi, ""));
  const re = new RegExp(
    String.raw`${RATE_COUNT}(?:${PER_SECOND}\s+(?:on|per|for|to|into|against|at)\s+(?:each|every|a|one|a single|the same|the busiest|a hot|a popular|any)\s+${k}|per\s+${k}\s+${PER_SECOND})\b`,
    "i",
  );
  const m = re.exec(prompt);
  return m ? rateOf(m) : undefined;
}

/** The nouns an ordered kind is said in: the party's things, the updates that carry a state, a quantity's key and bound. */
function orderedKindFields(
  kind: "party-overlap" | "forward-only" | "quantity-bound",
  subject: string,
  verb: string,
  prompt: string,
  nouns: readonly string[],
): { head?: string; names?: string[]; fields: Partial<GuaranteeClause> } | undefined {
  const v = verb.toLowerCase();
  if (kind === "party-overlap") {
    const taken = partyTaken(v);
    return taken ? { fields: { taken: bare(taken) } } : undefined;
  }
  if (kind === "forward-only") {
    // "scans … never move a package's status backwards": the state is the verb's object, the subject its updates
    const moved =
      /\b(?:move|moves|set|sets|push|pushes|turn|turns|take|takes|roll|rolls)\s+(?:a|an|the|its|their|any)\s+([a-z][\w-]*)['’]s\s+([a-z][\w-]*)\s+back/i.exec(
        v,
      );
    if (moved?.[1] && moved[2]) {
      const head = bare(moved[2]);
      const ev = bare(words(subject)[0] ?? "");
      return {
        head,
        names: [bare(moved[1])],
        fields: {
          key: bare(moved[1]),
          ...(ev && !PRONOUN.test(ev) && ev !== head ? { events: ev } : {}),
          ...(/^(?:status|state|stage|phase|step)$/i.test(head) ? { ranked: true } : {}),
        },
      };
    }
    const head = nouns[nouns.length - 1] ?? "";
    // "when scans arrive late or out of order": the updates that carry the state, else those the prompt says arrive late
    const events =
      /\b(?:when|if|as|even when|even if)\s+(?:the\s+|its\s+|their\s+)?([a-z]+)\s+(?:arrive|come|land|are (?:delivered|received|replayed|retried))/i.exec(
        v,
      )?.[1] ??
      /\b([a-z]+)\s+(?:can|may|might|often|sometimes)?\s*(?:arrive|come in|are delivered)\s+(?:late|out of order|out-of-order|delayed)/i.exec(
        prompt,
      )?.[1];
    const ev = events && !PRONOUN.test(events) ? bare(events) : undefined;
    // the key whose row holds the state: its owner ("a device's reported firmware version"), else the thing itself
    const owner = /\b([a-z][\w-]*)['’]s\b/i.exec(subject)?.[1];
    const key =
      owner && (ORDERED.test(head) || /^(?:status|state|stage|phase|step)$/i.test(head)) ? bare(owner) : undefined;
    return {
      fields: {
        ...(key && key !== head ? { key } : {}),
        ...(ev && ev !== head ? { events: ev } : {}),
        ...(/^(?:status|state|stage|phase|step)$/i.test(head) ? { ranked: true } : {}),
      },
    };
  }
  // quantity-bound: the key is said after the quantity ("exposure on each market"), else owns it ("an account's
  // balance"), else the subject is the key itself ("a bin never holds more than its capacity")
  const per = PER_KEY.exec(subject)?.[1];
  const trimmed = per ? nouns.filter((n) => !/^(?:each|every|any|per)$/.test(n) && n !== bare(per)) : [...nouns];
  const last = trimmed[trimmed.length - 1] ?? "";
  const measured = MEASURE.test(last);
  // "a team's monthly spending": the owner named with 's is the key, whatever adjectives follow it
  const owner = /\b([a-z][\w-]*)['’]s\b/i.exec(subject)?.[1];
  const key = per ? bare(per) : owner && measured ? bare(owner) : measured ? trimmed[trimmed.length - 2] : last;
  const floor = FLOOR.exec(v);
  const ceiling = floor ? undefined : CEILING.exec(v);
  const bound = (floor?.[1] ?? ceiling?.[1] ?? (floor ? "zero" : "")).replace(/^(?:its|their|the)\s+/, "").trim();
  if (!bound) return undefined;
  const held = /\b(?:holds?|contains?|carr(?:y|ies)|stores?|takes?)\s+more\s+than\b/.test(v);
  const rate = key ? keyRate(prompt, key) : undefined;
  // "stock counts": a count of a measure is one quantity, keyed by what the prompt says elsewhere
  const prior = trimmed[trimmed.length - 2];
  const compound = measured && !per && !owner && prior && MEASURE.test(prior);
  const quantity = compound ? `${prior} ${last}` : measured ? last : held ? "quantity held" : last;
  return {
    head: last,
    names: trimmed.filter((n) => n !== last && !/^(?:total|overall|net|current|running)$/.test(n)),
    fields: {
      quantity,
      ...(key && key !== quantity && !compound ? { key } : {}),
      bound,
      side: floor ? "floor" : "ceiling",
      ...(rate ? { rate } : {}),
    },
  };
}

/** A passive clause: its subject, its be-verb and participle, and what follows ("each message is delivered within …"). */
const PASSIVE = /^(.{1,60}?)\s+(is|are|gets?)\s+([a-z]+(?:ed|en|nt|wn|pt))\b\s*(.*)$/i;

/**
 * A never clause that shares the subject and act of the clause before it ("each message is delivered within 1 second
 * of its time and never before it"): said whole, with an "it" after a time word resolved to the earlier clause's own
 * "its …" ("never delivered before its time").
 */
function elidedClause(prompt: string, at: number, vp: string): GuaranteeClause | undefined {
  const full = prompt.slice(0, at).trimEnd();
  // "… is stored under its version, never modified afterwards": a bare comma joins a never clause that says its own
  // participle, so the act is that participle, not the clause before's
  const own = /^[a-z]+(?:ed|en)\b/i.test(vp);
  const conj = /,?\s*\b(?:and|but)$/i.exec(full) ?? (own ? /,$/.exec(full) : null);
  if (!conj) return undefined;
  const prior = full.slice(0, conj.index);
  let start = 0;
  for (const o of prior.matchAll(OPENS)) start = o.index + o[0].length;
  while (/\s/.test(prior.charAt(start))) start++;
  // "signed images stored once and never altered": a clause with no be-verb before its participle opens a list's item,
  // read only where the never clause says its own participle (so the act is never the clause before's)
  const p = PASSIVE.exec(prior.slice(start)) ?? (own ? REDUCED_PASSIVE.exec(prior.slice(start)) : null);
  const whole = p?.[1]?.trim() ?? "";
  // "every released build of the game client": the thing is the noun before "of", the rest only says whose it is
  const subject = ofHead(whole);
  if (!p || words(subject).length > 6 || PRONOUN.test(words(subject).pop() ?? "")) return undefined;
  const its = [...(p[4] ?? "").matchAll(/\b(its|their) ((?:[a-z]+ )?(?:time|date|deadline|slot))\b/gi)].pop();
  const resolved = its ? vp.replace(/\b(before|after|until|past)\s+it\b/i, `$1 ${its[1]} ${its[2]}`) : vp;
  const done = own ? resolved : `${p[3]} ${resolved}`;
  const said = `${whole} ${plural(subject) ? "are" : "is"} never ${done}`;
  return clause(prompt.slice(start, at + vp.length + 6).trim(), start, subject, said, done, prompt);
}

/**
 * A clause that opens with its subject and participle and no be-verb ("signed images stored once"): the subject is a
 * noun phrase of at most four words, none of them a verb of its own, and the participle follows it.
 */
const REDUCED_PASSIVE = /^((?:[a-z][\w'’-]*\s+){0,3}?[a-z][\w'’-]*s)\s+([a-z]+(?:ed|en|nt|wn))\b\s*(.*)$/i;

/**
 * A subject whose thing is named before an "of" phrase that only says whose it is ("every released build of the game
 * client" -> every released build), where the whole would be too long to read as one noun phrase.
 */
const ofHead = (subject: string): string => (words(subject).length > 6 ? subject.replace(/\s+of\s+.*$/i, "") : subject);

/**
 * A never clause said of a noun after "is a … that" ("each release is a signed bundle that never changes"): the rule is
 * about the subject of "is", said with the never clause's own verb ("Each release never changes").
 */
function predicateClause(prompt: string, at: number, vp: string): GuaranteeClause | undefined {
  const full = prompt.slice(0, at).trimEnd();
  const rel = /\s(?:that|which)$/i.exec(full);
  if (!rel) return undefined;
  const before = full.slice(0, rel.index);
  let start = 0;
  for (const o of before.matchAll(OPENS)) start = o.index + o[0].length;
  while (/\s/.test(before.charAt(start))) start++;
  const m = /^(.{1,60}?)\s+(?:is|are)\s+(?:an?|the)\s+(?:[a-z][\w'’-]*\s+){0,3}?[a-z][\w'’-]*$/i.exec(
    before.slice(start),
  );
  const subject = m?.[1]?.trim() ?? "";
  if (!m || words(subject).length > 6 || PRONOUN.test(words(subject).pop() ?? "")) return undefined;
  const said = `${subject} ${neverVerb(subject, undefined, vp)}`;
  return clause(prompt.slice(start, at + 6 + vp.length).trim(), start, subject, said, vp, prompt);
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
      const c =
        elidedClause(prompt, m.index, vp) ?? objectClause(prompt, m.index, vp) ?? predicateClause(prompt, m.index, vp);
      if (c) out.push(c);
      continue;
    }
    if (/^no\b/i.test(s.subject)) continue;
    // "scans that arrive late … must never move a package's status backwards": the subject is the noun the relative
    // clause describes, not the relative clause's own verb
    const rel = /^(?:arrive|arrives|come|comes|land|lands|show up|shows up)\b/i.test(s.subject)
      ? /\b([a-z][\w-]*)\s+(?:that|which)\s+$/i.exec(prompt.slice(0, s.start))
      : null;
    if (rel) {
      const subject = prompt.slice(rel.index, s.start) + s.subject;
      const said = `${subject} ${neverVerb(subject, s.aux, vp)}`;
      const c = clause(
        prompt.slice(rel.index, m.index + m[0].length + vp.length),
        rel.index,
        subject,
        said,
        vp,
        prompt,
      );
      if (c) out.push(c);
      continue;
    }
    const said = `${s.subject} ${neverVerb(s.subject, s.aux, vp)}`;
    const c = clause(prompt.slice(s.start, m.index + m[0].length + vp.length), s.start, s.subject, said, vp, prompt);
    if (c) out.push(c);
  }
  // ("no lock may ever be held by two servers": the modal is no word of the subject, whose head is the lock)
  for (const m of prompt.matchAll(
    /\bno\s+([a-z][\w'’ -]*?)\s+(?:(is|are|may|can|must|will|should|shall|could|would)\s+)?ever\s+/gi,
  )) {
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
  overspendClauses(prompt, out);
  cardinalClauses(prompt, out);
  orderedClauses(prompt, out);
  twiceClauses(prompt, out);
  sameBytesClauses(prompt, out);
  // a claim the prompt treats as lasting ownership is never a lease that lapses on silence
  const lasting = statedTenure(prompt)?.quote;
  // a hold the prompt gives a fixed duration is timed once when it is taken and never renewed
  const fixed = lasting ? undefined : FIXED_HOLD_WORDS.exec(prompt)?.[0];
  return out
    .map((c) => (c.kind !== "one-holder" ? c : lasting ? { ...c, lasting } : fixed ? { ...c, fixedHold: fixed } : c))
    .sort((a, b) => a.at - b.at);
}

/**
 * A prohibition on spending what one does not hold ("no customer may spend credits they do not have", "a cardholder
 * cannot withdraw more than they hold", "members must not overspend their points"): a floor on the holder's balance,
 * the same rule as "a balance never goes below zero", so it is read as that floor on the holder's own balance row
 * (a guarded debit: the check and the decrement in one conditional write). The act is taking value out (spend,
 * withdraw, redeem, transfer, pay, debit, use) beyond what the holder has, or overspending or overdrawing outright;
 * the prohibition is a negated modal before it ("cannot", "may not", "must not", "is not allowed to", "never") or a
 * "no one" subject ("no customer may", "nobody can").
 */
const TAKE_OUT = String.raw`(?:spend|withdraw|redeem|transfer|send|pay|debit|draw|use|cash out)\w*`;
const HOLDER = String.raw`(?:they|he|she|it|you|we)`;
const NOT_HELD = String.raw`(?:(?:do|does|did)\s+not|don['\u2019]t|doesn['\u2019]t|didn['\u2019]t)\s+(?:have|hold|own)`;
const OVERSPEND = new RegExp(
  String.raw`\b(?:over-?(?:spend|draw)\w*(?:\s+(?:their|his|her|its|the)\s+([a-z]+))?|${TAKE_OUT}\s+(?:(?:more\s+(?:([a-z]+)\s+)?than\s+(?:${HOLDER}|their|its|his|her|the)(?:\s+[\w'\u2019]+){0,2}?\s+(?:ha(?:ve|s)|holds?|owns?|balances?|available)\b)|(?:(?:the\s+|any\s+)?([a-z]+)\s+)?${HOLDER}\s+${NOT_HELD}\b))`,
  "gi",
);
/** A negated modal just before the act ("cannot", "may not", "must never"). */
const NEGATED =
  /\b(?:can\s?not|can['’]t|could\s+not|may\s+not|must\s+not|mustn['’]t|should\s+not|shouldn['’]t|shall\s+not|will\s+not|won['’]t|(?:is|are)\s+not\s+(?:allowed|able|permitted)\s+to|(?:must|may|can|should)?\s*never(?:\s+be\s+(?:able|allowed)\s+to)?|not\s+be\s+(?:able|allowed)\s+to)\s+$/i;
/** A "no one" subject and its modal just before the act ("no customer may", "nobody can"). */
const NONE_MAY =
  /\b(?:no\s+((?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)|nobody|no\s+one|no-one)\s+(?:(?:may|can|could|should|shall|will|is\s+allowed\s+to|are\s+allowed\s+to|is\s+able\s+to|ever)\s+)+$/i;
/** Words for what is held that are no owner's noun: the balance is then the holder's own. */
const NOT_A_THING = /^(?:more|money|funds?|value|than|anything|what|any)$/i;

function overspendClauses(prompt: string, out: GuaranteeClause[]): void {
  for (const m of prompt.matchAll(OVERSPEND)) {
    const before = prompt.slice(0, m.index);
    const none = NONE_MAY.exec(before);
    const negated = none ? undefined : NEGATED.exec(before);
    if (!none && !negated) continue;
    let owner: string | undefined;
    let start: number;
    if (none) {
      owner = none[1] ? words(none[1]).pop() : undefined;
      start = none.index;
    } else {
      const s = subjectBefore(prompt, negated?.index ?? m.index);
      if (!s) continue;
      owner = words(s.subject).pop();
      start = s.start;
    }
    // "more than the card's balance": the balance is the card's, whoever spends it
    const held = /\bthan\s+(?:the|a|an|its|their|his|her)\s+([a-z][\w-]*)['’]s\b/i.exec(m[0])?.[1];
    const who = held ?? owner;
    const holder = who && !PRONOUN.test(who) ? bare(who) : "account";
    const thing = [m[1], m[2], m[3]].find((w) => w !== undefined && !NOT_A_THING.test(w));
    const quantity = thing ? `${bare(thing).replace(/s$/, "")} balance` : "balance";
    const quote = prompt.slice(start, m.index + m[0].length);
    if (out.some((c) => c.at === start)) continue;
    out.push({
      quote,
      at: start,
      statement: `${upperFirst(`${/^[aeiou]/i.test(holder) ? "an" : "a"} ${holder}'s ${quantity} never goes below zero`)}.`,
      head: "balance",
      names: [holder, ...(thing ? [bare(thing).replace(/s$/, "")] : [])],
      verb: "goes below zero",
      kind: "quantity-bound",
      quantity,
      key: holder,
      bound: "zero",
      side: "floor",
      ...(keyRate(prompt, holder) ? { rate: keyRate(prompt, holder) } : {}),
    });
  }
}

/**
 * The ordered rules a prompt states without "never": a party that takes no two things at once ("no employee works two
 * shifts that overlap") and a quantity kept within its bound ("the exposure on each market must stay under its
 * limit"). Each is said in the prompt's own words.
 */
function orderedClauses(prompt: string, out: GuaranteeClause[]): void {
  const push = (c: GuaranteeClause | undefined) => {
    if (c && !covered(out, c.at, c.at + c.quote.length)) out.push(c);
  };
  // "no employee works two shifts that overlap", "no surgeon is booked into two overlapping operations"
  for (const m of prompt.matchAll(
    /\bno\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+((?:(?:is|are|gets?|can be|may be)\s+)?[a-z]+(?:\s+(?:in|into|on|for|to|at))?\s+two\s+[^.,;:!?]+)/gi,
  )) {
    const subject = m[1] ?? "";
    const vp = verbAfter(m[2] ?? "", 0);
    if (!partyTaken(vp) || /\b(?:two|ever)\b/i.test(subject)) continue;
    const quote = prompt.slice(m.index, m.index + 3 + subject.length + 1 + vp.length).trim();
    push(clause(quote, m.index, subject, `no ${subject} ${vp}`, vp, prompt));
  }
  // "the bookmaker's total exposure on each market must stay under its limit", "a wallet's balance stays above zero"
  for (const m of prompt.matchAll(
    /\b(?:(?:must|should|will|shall|has to|have to)\s+)?(?:always\s+)?(stays?|remains?|be kept|is kept|are kept)\s+(under|below|within|at or below|less than|above|at or above|over)\s+((?:its|their|the)\s+(?:[a-z-]+\s+){0,2}?(?:limit|capacity|cap|ceiling|maximum|max|budget|quota|allowance|threshold|floor|minimum|reserve)\b|zero\b|0\b|\$\s?\d[\d,.]*\s*[km]?)/gi,
  )) {
    const start = clauseStart(prompt, m.index);
    const subject = prompt.slice(start, m.index).trim();
    if (words(subject).length === 0 || words(subject).length > 9 || SYSTEM.test(words(subject).pop() ?? "")) continue;
    const low = /^(?:above|at or above|over)$/i.test(m[2] ?? "");
    const bound = (m[3] ?? "").trim();
    // said as the verb it forbids, so the kind reads the same words as a never clause
    const verb = low ? `goes below ${bound}` : `exceeds ${bound}`;
    const quote = prompt.slice(start, m.index + m[0].length).trim();
    const c = clause(quote, start, subject, `${subject} ${m[0].trim()}`, verb, prompt, { kind: "quantity-bound" });
    push(c ? { ...c, verb: m[0].trim().toLowerCase() } : undefined);
  }
}

/** A version as the prompt names one a reader asks for ("version 12", "that version", "the version a filing referenced"). */
const ASKED_VERSION = String.raw`(?:(?:version|release|build|tag)\s+v?\d[\w.-]*|(?:that|this|the same|a given|any|each|every)\s+(?:version|release|build))`;
/** Readers' acts of fetching a version ("asks for", "fetches", "reinstalls"). */
const FETCH_ACT = String.raw`(?:asks?\s+for|fetch(?:es)?|downloads?|pulls?|installs?|reinstalls?|requests?|gets?)`;
/**
 * A version read back unchanged, said from the reader's side: "everyone who asks for version 12 must get
 * byte-identical content forever", "anyone who fetches that version must get the same bytes forever", "auditors must
 * always be able to fetch exactly the version a filing referenced". The reader can only get the same bytes again if a
 * published version is never changed under its name, so the clause is the immutable kind, said of the version.
 */
const SAME_BYTES: readonly RegExp[] = [
  new RegExp(
    String.raw`\b(?:every|any)(?:one|body)\s+(?:who|that)\s+${FETCH_ACT}\s+(${ASKED_VERSION})\s+(?:must|will|should|has to)\s+(?:always\s+)?(?:get|receive|see|download)\s+(?:the\s+same\s+(?:bytes|content|files?)|byte-(?:for-byte\s+)?identical\s+(?:bytes|content|files?)|identical\s+(?:bytes|content|files?))(?:\s+forever|\s+every\s+time)?`,
    "gi",
  ),
  /\b(?:(?:a|an|the|each|every|any)\s+)?[a-z][\w-]*\s+(?:must|should|will)\s+always\s+be\s+able\s+to\s+(?:re-?)?(?:fetch|download|install|pull|get|retrieve)\s+exactly\s+the\s+(version|release|build)\b[^.,;:!?]{0,50}/gi,
];

function sameBytesClauses(prompt: string, out: GuaranteeClause[]): void {
  for (const re of SAME_BYTES)
    for (const m of prompt.matchAll(re)) {
      const at = m.index ?? 0;
      if (covered(out, at, at + m[0].length)) continue;
      const thing = /\b(version|release|build|tag)\b/i.exec(m[1] ?? m[0])?.[1]?.toLowerCase() ?? "version";
      const said = `A published ${thing} never changes: ${m[0].trim().replace(/^./, (x) => x.toLowerCase())}`;
      const c = clause(m[0].trim(), at, thing, said, "never changes", prompt, { kind: "immutable" });
      if (c) out.push(c);
    }
}

/**
 * An act that reaches another party (REPEATED_EFFECT) the prompt says is never done twice, with no subject of its own
 * that names what it is done to ("never charge a customer twice", "retries must not refund twice"): the rule is about the
 * act's object, said in the passive ("A customer is never charged twice"), or, with no object, about the act itself
 * ("Nothing is ever refunded twice"). Its quote runs from the clause's start, so the words that say whose repeat it is
 * ("retries", "a repeated approval") stand in the rule's quote. A clause another reader already took is left to it.
 */
function twiceClauses(prompt: string, out: GuaranteeClause[]): void {
  for (const m of prompt.matchAll(TWICE_ACT)) {
    const word = (m[1] ?? "").toLowerCase();
    // a gerund takes its base back with its dropped "e" ("scoring" -> score), never a bare stem ("scor")
    const verb = /ss$/.test(word) ? word : /ing$/.test(word) ? baseOf(word) : plainVerb(word);
    if (NOT_AN_ACT.test(verb)) continue;
    const particle = m[2] ? ` ${m[2].toLowerCase()}` : "";
    const object = (m[3] ?? "").trim();
    const tail = (m[4] ?? "").trim();
    // "never hit one site more than twice a second" is a rate, "never fires one twice" names no object
    if (/\bthan\b/i.test(object) || words(object).length > 4) continue;
    const named = object !== "" && !PRONOUN.test(object) && !/^(?:any|some|no)(?:one|body)$/i.test(object);
    const done = `${participle(verb)}${particle} twice${tail ? ` ${tail}` : ""}`;
    // only an act that reaches another party: a thing's own use or grant ("granting a shard twice") is its holder's
    if (!REPEATED_EFFECT.test(done)) continue;
    const start = clauseStart(prompt, m.index);
    const end = m.index + m[0].length;
    if (covered(out, start, end)) continue;
    const quote = prompt.slice(start, end).trim();
    // with no object, what the rule holds is the thing its tail names ("tick" of "for the same scheduled tick"), else
    // the act
    const thing = named
      ? object
      : (/\b(?:same|each|every|one|a|an)\s+(?:[a-z-]+\s+)?([a-z-]+)$/i.exec(tail)?.[1] ?? verb);
    const said = named ? `${object} is never ${done}` : `nothing is ever ${done}`;
    const c = clause(quote, start, thing, said, done, prompt);
    if (c) out.push(c);
  }
  // "no seat may be sold twice", "no reward can be claimed twice": the passive with a modal in place of "ever"
  for (const m of prompt.matchAll(NO_THING_TWICE)) {
    const subject = m[1] ?? "";
    const done = `${(m[2] ?? "").toLowerCase()}${m[3] ? ` ${m[3].toLowerCase()}` : ""} twice${m[4] ? ` ${m[4].trim()}` : ""}`;
    const end = m.index + m[0].length;
    if (/^(?:one|body|thing)$/i.test(subject) || covered(out, m.index, end)) continue;
    const c = clause(prompt.slice(m.index, end), m.index, subject, `no ${subject} is ever ${done}`, done, prompt);
    if (c) out.push(c);
  }
}
/** "no seat may be sold twice", "no refund can be issued twice for the same order". */
const NO_THING_TWICE =
  /\bno\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:may|can|must|will|should|shall|is|are)\s+(?:ever\s+)?be\s+([a-z]+(?:ed|en|wn|nt|ld|ght|id|ne))(?:\s+(out|off|up|back))?\s+twice\b((?:\s+(?:for|on|per|in)\s+(?:the same|each|every|one|a|an)\s+[a-z-]+(?:\s+[a-z-]+)?)?)/gi;
/** "never charge a customer twice", "must not refund twice", "never submit the same order twice for a run". */
const TWICE_ACT =
  /\b(?:never|not|n't|without)\s+(?:ever\s+)?([a-z]+)(?:\s+(out|off|up|back))?\s+(?:((?:a|an|the|any|anyone|anybody|one|each|every|its|their|our|your)\b[^.,;:!?]*?)\s+)?twice\b((?:\s+(?:for|on|per|in)\s+(?:the same|each|every|one|a|an)\s+[a-z-]+(?:\s+[a-z-]+)?)?)/gi;
/** Words after "never" that are no act done to a thing ("never more than twice", "not even twice"). */
const NOT_AN_ACT =
  /^(?:more|less|even|just|only|once|be|been|is|are|was|were|have|has|had|do|does|did|get|happen|occur)$/;

/** Where the clause that ends at a point starts: after the last word that opens a clause, or punctuation. */
function clauseStart(prompt: string, end: number): number {
  const before = prompt.slice(0, end);
  let start = 0;
  for (const o of before.matchAll(OPENS)) start = o.index + o[0].length;
  while (/\s/.test(prompt.charAt(start))) start++;
  return start;
}
/** A subject that names the system, not a thing the rule holds ("the service", "our platform"). */
const SYSTEM = /^(?:system|service|platform|api|app|application|backend|design|we|it)$/i;
const NUMBER = String.raw`(\d[\d,]*|${anyWord(Object.keys(CARDINAL_WORDS))})`;
/** A counted noun of one or two words, never a preposition or a time phrase. */
const NOT_COUNTED = String.raw`(?:at|per|in|a|an|the|and|or|to|for|each|every|of|on|with|from|by|times?|once|can|may|must|will|should|are|is|be|concurrently|simultaneously|total)\b`;
const COUNTED = String.raw`((?:(?!${NOT_COUNTED})[a-z][\w-]*\s+){0,2}(?!${NOT_COUNTED})[a-z][\w-]*)`;
/** A rate per second the prompt states ("30,000 redemption attempts per second"), the highest when it states several. */
function statedRate(prompt: string): { quote: string; perSecond: number } | undefined {
  let best: { quote: string; perSecond: number } | undefined;
  for (const m of prompt.matchAll(pattern(String.raw`${RATE_COUNT}${PER_SECOND}\b`, "gi"))) {
    const r = rateOf(m);
    if (r && (!best || r.perSecond > best.perSecond)) best = r;
  }
  return best;
}
/** Whether a span is already read by a clause. */
const covered = (out: readonly GuaranteeClause[], at: number, end: number) =>
  out.some((c) => c.at <= at && at < c.at + c.quote.length) || out.some((c) => at <= c.at && c.at < end);

/**
 * The cardinality rules a prompt states beyond "never": "every job runs on exactly one runner", "a voucher can be used
 * only once", "redeemed at most once per customer", "a courier can hold at most two orders at a time", "at most 5 wrong
 * attempts per card", "redeemed at most 100,000 times in total", "at most 300 rooms may be held at any moment". Each is
 * said in the prompt's own words, its subject a whole noun phrase of the prompt.
 */
function cardinalClauses(prompt: string, out: GuaranteeClause[]): void {
  const push = (c: GuaranteeClause | undefined) => {
    if (c && !covered(out, c.at, c.at + c.quote.length)) out.push(c);
  };
  // "every job must run on exactly one runner even if a runner dies mid-job"
  for (const m of prompt.matchAll(/\bexactly\s+one\s+([a-z][\w-]*)((?:\s+even\s+(?:if|when)\s+[^.,;:!?]+)?)/gi)) {
    const holder = m[1] ?? "";
    if (TIME_UNIT.test(holder)) continue;
    const start = clauseStart(prompt, m.index);
    const seg = prompt.slice(start, m.index).trim();
    const sm =
      /^((?:each|every|any|a|an|the)\s+[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2}?)\s+((?:(?:must|should|will|can|may|has to|have to|is|are|gets?)\s+)?(?:(?:be|only)\s+)?[a-z]+(?:\s+(?:on|to|by|with|in|at|for|from|into|of))?)$/i.exec(
        seg,
      );
    if (!sm?.[1] || !sm[2]) continue;
    const quote = prompt.slice(start, m.index + m[0].length).trim();
    const verb = `${sm[2]} exactly one ${holder}${m[2] ?? ""}`.replace(/\s+/g, " ").trim();
    push(clause(quote, start, sm[1], `${sm[1]} ${verb}`, verb, prompt, { kind: "one-holder", holder, subject: sm[1] }));
  }
  // "a voucher can only be used once", "may be redeemed at most once per customer"
  for (const m of prompt.matchAll(
    /\b(only\s+)?(?:(?:be|is|are|gets?)\s+)?(?:only\s+)?([a-z]+ed|sold|spent|won|run|bought|taken|given)\s+(?:(at most|only|no more than|just)\s+)?once\b(?!\s+(?:a|an|every|each|in a while)\b)(?:\s+(?:per|for each|by each|by any one|for any one|by any|by a|for a)\s+([a-z][\w-]*))?/gi,
  )) {
    if (!/\bonly\b|at most|no more than|\bjust\b/i.test(m[0]) || /^(?:exactly|happened|needed)$/i.test(m[2] ?? ""))
      continue;
    const per = m[4];
    if (per && TIME_UNIT.test(per)) continue;
    const s = subjectBefore(prompt, m.index);
    if (!s || SYSTEM.test(words(s.subject).pop() ?? "")) continue;
    const act = (m[2] ?? "").toLowerCase();
    const body = m[0].replace(/^(?:only\s+)?(?:(?:be|is|are|gets?)\s+)?(?:only\s+)?/i, "");
    const said = `${s.subject} ${plural(s.subject) ? "are" : "is"} ${/\b(?:only|at most|no more than|just)\b/i.test(body) ? body : body.replace(/\bonce\b/i, "only once")}`;
    const quote = prompt.slice(s.start, m.index + m[0].length);
    push(
      clause(quote, s.start, s.subject, said, body, prompt, {
        kind: "once-only",
        act,
        subject: s.subject,
        ...(per ? { per: bare(per) } : {}),
      }),
    );
  }
  // "each shareholder can vote at most once per resolution": the party acts, and what it uses once is the scope, keyed
  // by (the scope, the party)
  for (const m of prompt.matchAll(
    /\b(?:(?:can|may|must|should|will)\s+)(?:only\s+)?([a-z]+)\s+(?:at most|only|no more than|just)\s+once\s+(?:per|for each|in each|on each|for any|in any)\s+([a-z][\w-]*)/gi,
  )) {
    const scope = m[2] ?? "";
    const verb = (m[1] ?? "").toLowerCase();
    if (TIME_UNIT.test(scope) || /^(?:be|is|are|get|run|happen|occur)$/.test(verb)) continue;
    const s = subjectBefore(prompt, m.index);
    if (!s || SYSTEM.test(words(s.subject).pop() ?? "")) continue;
    const party = bare(words(s.subject).pop() ?? "");
    const quote = prompt.slice(s.start, m.index + m[0].length);
    push(
      clause(quote, s.start, scope, `${s.subject} ${m[0].trim()}`, m[0].trim(), prompt, {
        kind: "once-only",
        act: participle(verb),
        subject: s.subject,
        per: party,
      }),
    );
  }
  // "a gift card works only once"
  for (const m of prompt.matchAll(/\b(works?|is valid|are valid|is good|are good)\s+(?:only\s+once|once only)\b/gi)) {
    const s = subjectBefore(prompt, m.index);
    if (!s || SYSTEM.test(words(s.subject).pop() ?? "")) continue;
    push(
      clause(prompt.slice(s.start, m.index + m[0].length), s.start, s.subject, `${s.subject} ${m[0]}`, m[0], prompt, {
        kind: "once-only",
        act: "used",
        subject: s.subject,
      }),
    );
  }
  // "a courier can hold at most two orders at a time", "each account can have at most 3 API keys"
  const holds = pattern(
    String.raw`\b(?:(?:can|may|must|should|will|is allowed to|are allowed to)\s+)?(?:only\s+)?(hold|have|own|take|carry|keep|borrow|rent|book|reserve|run|create|open|register for|enrol in|enroll in|join|attend|check out|make|submit)s?\s+(?:at most|no more than|up to|a maximum of|only)\s+${NUMBER}\s+${COUNTED}((?:\s+(?:at a time|at once|at any (?:one )?time|concurrently|simultaneously|in total|per\s+[a-z]+|(?:a|each)\s+(?:day|week|month|year|hour)))?)`,
    "gi",
  );
  for (const m of prompt.matchAll(holds)) {
    const s = subjectBefore(prompt, m.index);
    if (!s || SYSTEM.test(words(s.subject).pop() ?? "") || /^(?:one|1)$/i.test(m[2] ?? "")) continue;
    // "rooms hold up to 50,000 members" says how big a room gets (a size to plan for); only a modal or "at most" makes
    // it a limit the system refuses past ("can hold up to", "holds at most")
    if (/\bup to\b/i.test(m[0]) && !/\b(?:can|may|must|should|will|allowed|only)\b/i.test(m[0])) continue;
    const tail = (m[4] ?? "").trim();
    const period = /^(?:per|a|each)\s+([a-z]+)$/i.exec(tail)?.[1];
    if (period && !TIME_UNIT.test(period)) continue;
    const quote = prompt.slice(s.start, m.index + m[0].length);
    const body = m[0].trim();
    push(
      clause(quote, s.start, s.subject, `${s.subject} ${body}`, body, prompt, {
        kind: "holder-cap",
        limit: m[2] ?? "",
        counted: bare(words(m[3] ?? "").join(" ")),
        subject: s.subject,
        ...(period ? { period: bare(period) } : {}),
      }),
    );
  }
  // "at most 5 wrong PIN attempts per card", "no more than $500 per customer per day"
  const perHolder = pattern(
    String.raw`\b(?:at most|no more than|up to|a maximum of|a limit of|capped at)\s+(\$\s?\d[\d,.]*[km]?|${NUMBER.slice(1, -1)})\s+(?:${COUNTED}\s+)?per\s+([a-z][\w-]*)((?:\s+(?:per|a|each)\s+(?:day|week|month|year|hour|minute))?)`,
    "gi",
  );
  for (const m of prompt.matchAll(perHolder)) {
    const holder = m[3] ?? "";
    if (TIME_UNIT.test(holder) || SYSTEM.test(holder)) continue;
    const start = clauseStart(prompt, m.index);
    const quote = prompt.slice(start, m.index + m[0].length).trim();
    const limit = m[1] ?? "";
    const counted = m[2] ? bare(words(m[2]).join(" ")) : /^\$/.test(limit) ? "amount" : undefined;
    if (!counted || words(quote).length > 24) continue;
    const period = /([a-z]+)$/i.exec((m[4] ?? "").trim())?.[1];
    push(
      clause(quote, start, `a ${holder}`, quote, m[0], prompt, {
        kind: "holder-cap",
        limit,
        counted,
        subject: `a ${holder}`,
        ...(period ? { period: bare(period) } : {}),
      }),
    );
  }
  // "may be redeemed at most 100,000 times in total", "at most 300 rooms may be held at any moment"
  const total = pattern(
    String.raw`\b(?:at most|no more than|up to|a maximum of|never more than)\s+(\d[\d,.]*(?:\s*(?:k|thousand|million))?)\s+(?:${COUNTED}\s+)?(?:(times)\s+)?(?:(?:may|can|will|are|be|is)\s+(?:be\s+)?([a-z]+)\s+)?(in total|overall|in all|altogether|at any (?:one |given )?(?:moment|time)|at the same time|simultaneously|concurrently)\b`,
    "gi",
  );
  const rate = statedRate(prompt);
  for (const m of prompt.matchAll(total)) {
    const limit = m[1] ?? "";
    const held =
      !/total|overall|in all|altogether/i.test(m[5] ?? "") || /^(?:held|running|open|active|used)$/i.test(m[4] ?? "");
    if (m[3]) {
      // "X may be redeemed at most N times in total": the cap is on X's uses
      const before = prompt.slice(0, m.index);
      const v =
        /(?:(?:can|could|may|must|should|will)\s+)?(?:only\s+)?(?:be\s+)?([a-z]+ed|sold|run|held|won|spent|used)\s*$/i.exec(
          before,
        );
      if (!v?.[1]) continue;
      const s = subjectBefore(prompt, v.index);
      if (!s || SYSTEM.test(words(s.subject).pop() ?? "")) continue;
      const act = v[1].toLowerCase();
      const body = `${act} ${m[0]}`;
      const said = `${s.subject} ${plural(s.subject) ? "are" : "is"} ${body}`;
      push(
        clause(prompt.slice(s.start, m.index + m[0].length), s.start, s.subject, said, body, prompt, {
          kind: "total-cap",
          limit,
          act,
          subject: s.subject,
          ...(held ? { held } : {}),
          ...(rate ? { rate } : {}),
        }),
      );
      continue;
    }
    const counted = m[2];
    if (!counted || TIME_UNIT.test(words(counted).pop() ?? "")) continue;
    const start = clauseStart(prompt, m.index);
    const quote = prompt.slice(start, m.index + m[0].length).trim();
    if (words(quote).length > 24) continue;
    // "a course admits at most 200 students in total": the cap is the course's; else one cap over all of them
    const scope =
      /^((?:each|every|a|an|the|any)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:(?:can|may|will|must)\s+)?[a-z]+$/i.exec(
        prompt.slice(start, m.index).trim(),
      )?.[1];
    push(
      clause(quote, start, scope ?? counted, quote, m[0], prompt, {
        counted: bare(words(counted).pop() ?? counted),
        kind: "total-cap",
        limit,
        act: (m[4] ?? (held ? "held" : "taken")).toLowerCase(),
        subject: counted,
        ...(held ? { held } : {}),
        ...(rate ? { rate } : {}),
      }),
    );
  }
  // "… at most 100,000 times in total and only once per customer": the use once per party shares the cap's subject
  for (const m of prompt.matchAll(
    /\b(?:and|but)\s+(?:only|at most)\s+once\s+(?:per|for each|by each|by any one)\s+([a-z][\w-]*)/gi,
  )) {
    const per = m[1] ?? "";
    if (TIME_UNIT.test(per)) continue;
    const prior = [...out]
      .filter((c) => c.subject && c.act && c.at < m.index && !prompt.slice(c.at, m.index).includes("."))
      .sort((a, b) => b.at - a.at)[0];
    if (!prior?.subject || !prior.act) continue;
    const body = `${prior.act} only once per ${per}`;
    const said = `${prior.subject} ${plural(prior.subject) ? "are" : "is"} ${body}`;
    const quote = prompt.slice(m.index, m.index + m[0].length).replace(/^(?:and|but)\s+/i, "");
    push(
      clause(quote, m.index + (m[0].length - quote.length), prior.subject, said, body, prompt, {
        kind: "once-only",
        act: prior.act,
        subject: prior.subject,
        per: bare(per),
      }),
    );
  }
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
  "one-holder": /\btwo\b|\btwice\b|\bexactly one\b|\bat most one\b|\bonly one\b|\bone [a-z]+ at a time\b/i,
  "once-only": /\b(?:at most|only|exactly) once\b|\btwice\b|\bsingle[- ]use\b|\bonce per\b/i,
  "holder-cap": /\bat most\b|\bno more than\b|\bup to\b|\bcap(?:ped)?\b|\blimit\b/i,
  "total-cap": /\bat most\b|\bno more than\b|\bup to\b|\bcap(?:ped)?\b|\blimit\b/i,
  "party-overlap": /\boverlap\w*|\bsame time\b|\bclash\w*|\bat once\b/i,
  "forward-only":
    /\bbackwards?\b|\bregress\w*|\bnewer\b|\bolder\b|\bgoes down\b|\bdecreas\w*|\bmonoton\w*|\bonly (?:moves|rises|increases|goes) (?:forward|up)\b/i,
  "quantity-bound":
    /\bbelow (?:zero|0)\b|\bnegative\b|\boverdra\w*|\bexceed\w*|\b(?:under|within|above|over) (?:its|their|the) \w+|\bmore than (?:its|their|the)\b/i,
};

/** A limit as a number ("two" -> 2, "100,000" -> 100000, "$500" -> 500, "2k" -> 2000); undefined when it is none. */
export function limitValue(limit: string): number | undefined {
  const t = limit.toLowerCase().replace(/[$,\s]/g, "");
  const w = own(CARDINAL_WORDS, t);
  if (w !== undefined) return w;
  const m = /^(\d+(?:\.\d+)?)(k|thousand|m|million)?$/.exec(t);
  if (!m) return undefined;
  const unit = m[2] ?? "";
  return Number(m[1]) * (unit === "k" || unit === "thousand" ? 1e3 : unit ? 1e6 : 1);
}
/** Whether a text states a limit, as digits or as a word ("at most 2 orders" states "two"). */
const statesLimit = (text: string, limit: string): boolean => {
  const n = limitValue(limit);
  if (n === undefined) return text.toLowerCase().includes(limit.toLowerCase());
  const said = [
    String(n),
    n.toLocaleString("en-US"),
    ...Object.entries(CARDINAL_WORDS)
      .filter(([, v]) => v === n)
      .map(([k]) => k),
  ];
  return said.some((x) => new RegExp(String.raw`(?:^|[^\d,.])${x.replace(/[.,]/g, "\\$&")}(?![\d,])`, "i").test(text));
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
  // a cardinality rule is said only by a rule that names its other side and its number ("at most one open offer" does
  // not say "at most two orders"; "a match has one ticking server" does not say "never in two matches")
  // ("no seat is sold twice" says "two customers never book the same seat": a thing given twice is held by two)
  if (c.kind === "one-holder" && c.holder && !namesNoun(statement, c.holder) && !/\btwice\b/i.test(statement))
    return false;
  if (c.limit !== undefined && !statesLimit(statement, c.limit)) return false;
  if (c.per && !namesNoun(statement, c.per)) return false;
  // the verb's own words, not the nouns it names ("write after it has lost leadership" is not said by "leader failover")
  const own = new Set([c.head, ...c.names].map((n) => contentStems(n)).flatMap((x) => [...x]));
  const verb = new Set([...contentStems(c.verb)].filter((x) => !own.has(x) && !own.has(x.slice(0, 4))));
  const stems = contentStems(statement);
  // the card's own noun for the thing ("no seat is sold twice" says "a ticket is never sold twice"): two of the verb's
  // own words, as the prompt words them
  if (!namesNoun(statement, c.head)) return verb.size >= 2 && stemOverlap(verb, stems) >= 2;
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
      (w) => namesNoun(`${w.phrase} ${w.entity.replace(/([a-z])([A-Z])/g, "$1 $2")}`, noun) || w.plays?.includes(noun),
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

/**
 * The mechanisms that make a repeated act take effect once by the id it carries, in the order a design's write is
 * chosen among them: an effect ledger keyed by event id, an outbox whose every retry carries the effect's id, a
 * receiver that drops an id it has applied, a request id remembered with its outcome, and a run claimed once and
 * executed under its run id; a caller's request id last, since it dedups the request rather than the act.
 */
export const REPEAT_KEEPERS: readonly MechanismId[] = [
  "keyed-effect-ledger",
  "transactional-outbox",
  "idempotent-receiver",
  "claim-run",
  "idempotency-key",
];

/**
 * The acts that reach another party, in any form ("charge", "paid out", "emails", "submitted"): a repeat of one is kept
 * by the id it carries to that party. A use or a grant of a thing the design keeps ("redeemed", "sold") is no such act:
 * a write on the thing's own record keeps it, or nothing does.
 */
const REPEATED_EFFECT =
  /^(?:charg(?:e|es|ed|ing)|pa(?:y|ys|id|ying)|refund(?:s|ed|ing)?|credit(?:s|ed|ing)?|debit(?:s|ed|ing)?|bill(?:s|ed|ing)?|invoic(?:e|es|ed|ing)|transfer(?:s|red|ring)?|wir(?:e|es|ed|ing)|disburs(?:e|es|ed|ing)|b(?:uy|uys|ought|uying)|sen(?:d|ds|t|ding)|email(?:s|ed|ing)?|text(?:s|ed|ing)?|messag(?:e|es|ed|ing)|notif(?:y|ies|ied|ying)|call(?:s|ed|ing)?|submit(?:s|ted|ting)?|post(?:s|ed|ing)?|publish(?:es|ed|ing)?|fir(?:e|es|ed|ing)|deliver(?:s|ed|ing)?|execut(?:e|es|ed|ing)|transmit(?:s|ted|ting)?|invok(?:e|es|ed|ing)|dispatch(?:es|ed|ing)?|push(?:es|ed|ing)?)\b/;

/**
 * The write that keeps a rule that an act is never done twice when no write names its thing ("A customer is never
 * charged twice" in a design whose charges leave through an outbox): the design's write whose mechanism makes a
 * repeat take effect once by its id (REPEAT_KEEPERS, in its order), one that names what the repeat is counted per
 * ("twice for the same run") first; only for an act that reaches another party (REPEATED_EFFECT). None for a clause of a
 * kind (its kind's mechanism keeps it) or one that says no repeat.
 */
export function repeatKeeperOf<T extends KeeperCandidate>(c: GuaranteeClause, writes: readonly T[]): T | undefined {
  const act = c.verb.replace(/^(?:be|been|is|are|gets?|got)\s+/, "");
  if (c.kind || !/\btwice\b/.test(act) || !REPEATED_EFFECT.test(act)) return undefined;
  const rank = (w: T) => REPEAT_KEEPERS.indexOf(w.mechanism as MechanismId);
  const keeping = writes.filter((w) => rank(w) >= 0).sort((a, b) => rank(a) - rank(b));
  // the thing a repeat is counted per ("twice for the same run"): a write that names it is where the repeat is caught
  const per = /\btwice\s+(?:for|on|per|in)\s+(?:the same|each|every|one|a|an)\s+(?:[a-z-]+\s+)?([a-z-]+)$/.exec(
    c.verb,
  )?.[1];
  const naming = (w: T) => per !== undefined && namesNoun(`${w.phrase} ${w.entity}`, per);
  return keeping.find(naming) ?? keeping[0];
}

/** The kinds that bound how many hold or use a thing (one holder, once only, a cap per holder, a total cap). */
export const CARDINAL_KINDS: ReadonlySet<ClauseKind> = new Set(["one-holder", "once-only", "holder-cap", "total-cap"]);

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
  "one-holder": {
    own: "exclusive-claim",
    said: "an exclusive claim on each thing's own row",
    // a lease per resource grants it to one holder at a time; a claimed run is a job held by one worker
    reuse: ["exclusive-claim", "lease", "claim-run"],
    act: /\b(?:assign|claim|plac|match|dispatch|giv|hold|book|reserv|join|enrol|allocat|seat|start|accept|acquir|run|form|lock)\w*/i,
  },
  "once-only": {
    own: "use-once-key",
    said: "a use-once key",
    reuse: ["use-once-key"],
    act: /\b(?:redeem|use|claim|spend|scan|sell|appl|consum|activat|vot|submit|buy|purchas|check|cash|enter)\w*/i,
  },
  "holder-cap": {
    own: "capped-holder-count",
    said: "a count on each holder's row, checked and changed with the assignment",
    reuse: ["capped-holder-count"],
    act: /\b(?:assign|claim|add|creat|book|reserv|join|enrol|take|accept|hold|borrow|issu|grant|attempt|log|sign|verif|check|offer|dispatch|match|transfer|send|withdraw|pay)\w*/i,
  },
  "total-cap": {
    own: "bounded-counter",
    said: "a bounded counter row",
    reuse: ["bounded-counter"],
    act: /\b(?:redeem|use|claim|sell|buy|book|reserv|take|admit|start|acquir|grant|issu|hold|regist|enrol|allocat)\w*/i,
  },
  "party-overlap": {
    own: "party-interval-exclusion",
    said: "interval exclusion keyed by each party over the times of what it takes",
    reuse: ["party-interval-exclusion"],
    act: /\b(?:enrol|regist|sign|assign|schedul|book|take|join|add|claim|accept|staff|roster|allocat|reserv|plac)\w*/i,
  },
  "forward-only": {
    own: "ordered-apply",
    said: "an ordered apply: a conditional write that takes an update only if it is newer",
    // a conditional max update keeps a value that only rises
    reuse: ["ordered-apply", "max-update"],
    act: /\b(?:appl|ingest|record|updat|track|consum|process|set|write|report|scan|advanc|mov|post|publish)\w*/i,
  },
  "quantity-bound": {
    own: "bounded-quantity-update",
    said: "a conditional update that checks the bound and changes the quantity in one write",
    // a state-guarded write the design already makes on the quantity's row keeps its bound too
    reuse: ["bounded-quantity-update", "guarded-transition"],
    act: /\b(?:debit|credit|withdraw|deposit|transfer|pay|charg|spend|reserv|allocat|place|accept|bet|add|remov|put|pick|stor|ship|move|adjust|decrement|increment|book|take)\w*/i,
  },
};

/**
 * The mechanism that keeps a clause, said in the clause's own nouns ("an exclusive claim on each player's own row",
 * "a use-once key on (code, customer)"), with its reason where the prompt's figures choose it (escrow at a stated rate).
 */
export function keeperSaid(c: GuaranteeClause, mechanism?: string): string {
  const head = c.head;
  switch (c.kind) {
    case "one-holder":
      if (mechanism === "lease") return `the lease on each ${head}, granted to one holder at a time`;
      if (mechanism === "claim-run")
        return `the claim on each ${head}, held under a lease by one ${c.holder ?? "holder"}`;
      return c.members
        ? `an exclusive claim on each ${head}'s own row, taken for every member of a ${c.holder} at once`
        : `an exclusive claim on each ${head}'s own row`;
    case "once-only":
      return c.per ? `a use-once key on (${head}, ${c.per})` : `a use-once key on each ${head}`;
    case "holder-cap":
      return c.period
        ? `a count per ${head} and ${c.period}, checked and changed with each ${c.counted ?? "assignment"}`
        : `a count on each ${head}'s row, checked and changed with each ${c.counted ?? "assignment"}`;
    case "total-cap": {
      // a cap over all of the things it counts has one counter; a cap of a subject ("a course admits") one per subject
      const over = c.counted === head ? `for all ${pluralOf(head)}` : `per ${head}`;
      if (c.held) return `a counting semaphore of leased units, one counter row ${over}`;
      return hot(c) ? `a bounded counter row ${over}, escrowed to shards in blocks` : `a bounded counter row ${over}`;
    }
    case "party-overlap":
      return `interval exclusion keyed by each ${head} over the times of the ${pluralOf(c.taken ?? "thing")} it takes`;
    case "forward-only":
      return mechanism === "max-update"
        ? `a conditional max update on each ${c.key ?? head}'s ${head}`
        : c.ranked || c.events
          ? `an ordered apply: each ${c.events ?? "update"} carries its own order, and the current ${head} takes it only if it is newer`
          : `an ordered apply: a conditional write that takes a ${head} only if it is newer`;
    case "quantity-bound":
      return `a conditional update on each ${c.key ?? head}'s row that checks the ${c.side === "floor" ? "floor" : "bound"} and changes the ${c.quantity ?? head} in one write`;
    default:
      return c.kind ? KIND_KEEPERS[c.kind].said : "";
  }
}

/**
 * Whether the rate a prompt states makes one counter row hot: above the conditional writes one row takes a second
 * (knowledge/bounded-counters.ts ROW_WRITES_PER_SEC), so its units are escrowed to shards in blocks.
 */
const hot = (c: GuaranteeClause) =>
  (c.rate?.perSecond ?? 0) > ROW_WRITES_PER_SEC &&
  // the rate falls on this one row: the cap is over all the things it counts, or the rate names its act or thing
  (c.counted === c.head ||
    [c.head, actNoun(c.act), c.act ?? ""].some((w) => w.length > 2 && (c.rate?.quote.toLowerCase() ?? "").includes(w)));

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
  const holder =
    c.kind === "sticky" && c.holder ? fits.find((w) => namesNoun(w.phrase, c.holder as string)) : undefined;
  // a thing given to one holder at a time sits on the write that gives it to a holder ("match the delivery to the
  // nearest courier", "make a match and place it"), its act read with the nouns themselves left out
  const giver =
    c.kind === "one-holder" && c.holder
      ? fits.find((w) => {
          const said = ` ${(w.phrase.split(":")[0] ?? "").toLowerCase()} `;
          const bare = [c.holder as string, c.head].reduce(
            (t, n) => t.replace(new RegExp(String.raw`\b${n}(?:s|es)?\b`, "g"), " "),
            said,
          );
          return namesNoun(said, c.holder as string) && own.act.test(bare);
        })
      : undefined;
  return (
    holder ??
    giver ??
    [c.head, ...c.names]
      .flatMap((n) => fits.filter((w) => namesNoun(w.phrase, n)))
      // (a cardinality rule's act is what the write does, named before its explanation, not a word in it)
      .find((w) =>
        own.act.test(CARDINAL_KINDS.has(c.kind as ClauseKind) ? (w.phrase.split(":")[0] ?? "") : w.phrase),
      ) ??
    [c.head, ...c.names].flatMap((n) => fits.filter((w) => namesNoun(w.phrase, n)))[0] ??
    fits.find((w) => own.act.test(w.phrase)) ??
    // bytes never changed that no write names or publishes ("signed images stored once" beside a rollout's versions)
    // are the bytes the design stores under their own key: the write that commits content under its digest or once
    (c.kind === "immutable" ? fits.find((w) => WRITTEN_ONCE.has(w.mechanism)) : undefined)
  );
}

/** The writes that store content once under its own key: a content digest, or a key created only if absent. */
const WRITTEN_ONCE: ReadonlySet<string> = new Set(["content-addressing", "write-once-key"]);

/** The record a clause's thing is kept in by its role, where no write of the design names it or does its act. */
export const roleRecord = (c: GuaranteeClause): string => (c.kind === "interval" ? `${c.head} booking` : c.head);

const pluralOf = (noun: string) =>
  /(?:s|x|ch|sh)$/.test(noun) ? `${noun}es` : /[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`;

/** How a clause of a kind is kept, on the record its write writes, in the clause's own nouns. */
export function keptSaying(c: GuaranteeClause, entity: string, mechanism?: string): string {
  // the subject's own compound ("meeting room"), else the head alone ("meetings in the same room": a room)
  const compound = [...c.names, c.head].join(" ");
  const thing = c.statement.toLowerCase().includes(compound) ? compound : c.head;
  const record = /\brecords?$/.test(entity) ? entity : `${entity} record`;
  const heads = `${c.head.replace(/([^aeiou])y$/, "$1ie").replace(/(?:s|x|ch|sh)$/, "$&e")}s`;
  // a record not named for the prompt's own noun says which role it plays for it ("a spot's booking is a hold record")
  const own = [c.head, ...c.names].some((n) => namesNoun(entity, n));
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
    case "one-holder":
      // the claim is on the thing's own row, which the data model carries whatever record the write names
      return oneHolderSaying(c, entity, mechanism);
    case "party-overlap": {
      const taken = c.taken ?? "thing";
      const takens = pluralOf(taken);
      return `Each ${taken} has its own times on its row (every meeting of it, if it recurs). When a ${c.head} takes a ${taken}, the same transaction reads the ${c.head}'s busy intervals and inserts one per time of the new ${taken}, accepted only if none overlaps an interval the ${c.head} already holds; an exclusion constraint on (${c.head}, interval) makes the check the store's own, and the transaction is serialised per ${c.head} (its row locked, or one writer per ${c.head} id), so two takes by the same ${c.head} racing from two sessions see each other's intervals and one is refused. Dropping a ${taken} deletes its intervals in the same transaction. The rule is on the ${c.head}, not the ${taken}: a ${taken} is taken by many ${pluralOf(c.head)}, which a claim on the ${taken}'s row or an interval exclusion on the ${taken} would forbid, and ${takens} that only touch end to end do not overlap.`;
    }
    case "forward-only":
      return forwardSaying(c);
    case "quantity-bound":
      return boundSaying(c);
    case "once-only": {
      const key = c.per ? `(${c.head}, ${c.per})` : `the ${c.head}`;
      const who = c.per ? ` by the same ${c.per}` : "";
      return `Each use is one row keyed by ${key}, inserted only if that key is absent, and the same conditional write marks the ${c.head} ${c.act ?? "used"}, so two uses of one ${c.head}${who} cannot both be recorded, however close together they arrive. Each request carries an idempotency key: a retry of the same request finds its own row and gets the first result back, and a different request finds the key taken and gets a clear conflict (already ${c.act ?? "used"}).${as(`each use of a ${c.head}`)}`;
    }
    case "holder-cap": {
      const counted = pluralOf(c.counted ?? "thing");
      const n = c.limit ?? "N";
      const row = c.period
        ? `a count row keyed by (${c.head}, ${c.period} start), which a new ${c.period} starts afresh`
        : `the ${c.head}'s own row`;
      return `Each ${c.head}'s ${counted} are counted on ${row}. A new one is recorded by one atomic write that increments that count together with the ${c.counted ?? "assignment"} itself, accepted only while the count stays at or below ${n}, so two requests racing for a ${c.head}'s last place cannot both succeed and the count is never read and written back blind. A retried request finds its own ${c.counted ?? "assignment"} by its request key and counts once${c.period ? "" : ", and a release decrements the count in the same way"}.`;
    }
    case "total-cap": {
      const n = c.limit ?? "N";
      if (c.held)
        return `One counter row ${c.counted === c.head ? `for all ${pluralOf(c.head)}` : `per ${c.head}`} holds at most ${n} live units, and each unit is a lease: it is taken by a conditional write only while fewer than ${n} are live, renewed while it is held, and given back by a conditional write when it is released. A holder that crashes stops renewing, and its unit returns to the count once the lease expires, so a crash delays the unit, never leaks it.`;
      const use = actNoun(c.act);
      const base = `One counter row ${c.counted === c.head ? `for all ${pluralOf(c.head)}` : `per ${c.head}`} holds what is left of its ${n}, and every ${use} decrements it by a conditional write that never takes it below zero, in the same transaction as the ${use}'s own record; at zero a request gets a clear 'limit reached'.`;
      if (!hot(c) || !c.rate) return base;
      return `${base} At the stated ${c.rate.quote} that one row would take every write, more than the about ${ROW_WRITES_PER_SEC.toLocaleString("en-US")} conditional writes a second one row sustains, so the counter is escrowed: it hands out blocks of units to shards, each shard grants from its block with local conditional decrements and asks for another when it runs out, and a block left unused returns when its shard goes idle or its lease lapses. The blocks handed out never sum to more than the counter held, so the cap holds without any write reading a total; sub-counters summed on read are never used, since no write could then see the whole count.`;
    }
    default:
      return "";
  }
}

/** How a state that never moves backwards is kept: each update's own order, compared in one conditional write. */
function forwardSaying(c: GuaranteeClause): string {
  const key = c.key ?? c.head;
  const update = c.events ?? "update";
  const updates = pluralOf(update);
  if (
    !c.ranked &&
    /^(?:version|revision|sequence|seq|counter|offset|epoch|generation|watermark|serial|number)$/.test(c.head)
  ) {
    // "a page's revision number": the number is named by the noun before it
    const prior = c.names.at(-1);
    const v = c.head === "number" && prior && prior !== c.key ? `${prior} number` : c.head;
    return `The ${v} is its own order: each write carries the ${v} it sets, and the ${key}'s row takes it by one conditional write only if it is above the stored ${v} (UPDATE … WHERE ${v.replace(/ /g, "_")} < new), so a delayed or repeated write finds a higher ${v} and changes nothing; no write reads the ${v} first and writes it back.`;
  }
  const rank = c.ranked
    ? ` The ${c.head} is a step of a forward lifecycle, so each ${c.head} has a rank, and the row moves only to a rank at or above the one it holds; the event order breaks ties within a rank.`
    : "";
  return `Each ${update} carries its own order: the time it happened at its source and a tie-break (a per-source sequence), never the time it arrived. Every ${update} is appended to the ${key}'s history keyed by (${key}, event time, sequence), and the current row of the ${key} takes it only by one conditional write whose condition is that the ${update} is newer than the one the row last applied.${rank} A ${update} that arrives late or out of order is still kept in the history, so it is never lost, but it leaves the current row as it is; two ${updates} racing for one ${key} are ordered by that condition, not by which write lands last.`;
}

/** How a per-key quantity is kept within its bound: the check and the change in one conditional update on its row. */
function boundSaying(c: GuaranteeClause): string {
  const q = c.quantity ?? c.head;
  const key = c.key ?? c.head;
  const floor = c.side === "floor";
  const bound = c.bound ?? (floor ? "zero" : "its bound");
  const cond = floor
    ? `only if the ${q} less the amount stays at or above ${/^(?:zero|0)$/.test(bound) ? "zero" : `its ${bound}`}`
    : `only if the ${q} plus the amount stays ${/^\$?\s?\d/.test(bound) ? `within ${bound}` : `within its ${bound}`}`;
  const base = `Each ${key}'s ${q} lives on that ${key}'s own row, and every change is one conditional update on it that applies the amount ${cond}, checked and changed in the same write; of two concurrent changes that would pass the bound together, the second sees the first's result and is refused. No change reads the ${q} and writes it back, and no cache or copy decides. A change that must wait for a later step takes a reservation the same way (the amount held on the row until it is committed or released), and every change carries an idempotency key so a retry applies once.`;
  if (!c.rate) return base;
  const n = c.rate.perSecond.toLocaleString("en-US");
  if (c.rate.perSecond <= ROW_WRITES_PER_SEC)
    return `${base} At the stated ${c.rate.quote}, one ${key}'s row takes ${n} conditional writes a second, within the about ${ROW_WRITES_PER_SEC.toLocaleString("en-US")} one row sustains.`;
  return `${base} At the stated ${c.rate.quote}, one ${key}'s row would take ${n} conditional writes a second, more than the about ${ROW_WRITES_PER_SEC.toLocaleString("en-US")} one row sustains, so the ${key}'s headroom is split into allowances held by shards, each checking its own part with the same conditional update and asking the ${key}'s row for more when it runs low; the allowances never sum past the bound.`;
}

/**
 * The failure that tests a stated ordered rule, in the prompt's own nouns (a student's two sections, a package's late
 * scan, an account's racing debits); undefined for a kind whose mechanism's own row says it.
 */
export function kindFailure(c: GuaranteeClause): { failure: string; prevention: string; repair: string } | undefined {
  switch (c.kind) {
    case "party-overlap": {
      const t = c.taken ?? "thing";
      return {
        failure: `A ${c.head} takes two ${pluralOf(t)} whose times overlap from two sessions at once, each check seeing only the ${c.head}'s intervals from before`,
        prevention: `Taking a ${t} inserts the ${c.head}'s busy intervals for its times in the same transaction that checks them, serialised per ${c.head} by an exclusion constraint on (${c.head}, interval), so the second take sees the first's intervals`,
        repair: `The second take is refused with the clashing ${t} named, and the ${c.head} may pick one at another time`,
      };
    }
    case "forward-only": {
      const u = c.events ?? "update";
      const key = c.key ?? c.head;
      return {
        failure: `An older ${u}, delayed or retried, arrives after a newer one and would move the ${key}'s ${key === c.head ? "current value" : c.head} back`,
        prevention: `Each ${u} carries its event time and a tie-break${c.ranked ? `, and each ${c.head} a rank,` : ""} and the ${key}'s current row takes it only by a conditional write that finds it newer`,
        repair: `The late ${u} is kept in the ${key}'s history and changes nothing; the current row can be rebuilt from the history by its highest order`,
      };
    }
    case "quantity-bound": {
      const q = c.quantity ?? c.head;
      const key = c.key ?? c.head;
      const past =
        c.side === "floor" ? `below ${c.bound === "zero" ? "zero" : `its ${c.bound}`}` : `past its ${c.bound}`;
      return {
        failure: `Two changes to one ${key}'s ${q} race, or one is retried after a timeout, and together they would take it ${past}`,
        prevention: `Every change is one conditional update on the ${key}'s row that checks the bound and applies the amount in the same write, under an idempotency key`,
        repair: `The change that would pass the bound is refused with what is still available; a retry gets its first result and applies nothing again`,
      };
    }
    case "one-holder": {
      // a lasting claim never lapses, so its failure is the race alone; a lease's crash row stays the mechanism's
      if (!c.lasting) return undefined;
      const holder = c.holder ?? "holder";
      return {
        failure: `Two requests claim the same ${c.head} for different ${pluralOf(holder)} at once, or a retried claim arrives after the first was granted`,
        prevention: `The claim is one conditional write that moves the ${c.head}'s row from free to held only while it is still free, under the request's idempotency key; the claim lasts (${lastingBecause(c.lasting)})`,
        repair: `The second request gets a clear 'already held'; a retry gets its first answer; only an explicit transfer or release, or the stored end date, frees the ${c.head}`,
      };
    }
    default:
      return undefined;
  }
}

/** A use's noun by its act ("redeemed" -> redemption, "sold" -> sale), else a use. */
const USE_NOUN: Readonly<Record<string, string>> = {
  redeemed: "redemption",
  claimed: "claim",
  sold: "sale",
  scanned: "scan",
  spent: "spend",
  voted: "vote",
  applied: "application",
  activated: "activation",
  bought: "purchase",
  purchased: "purchase",
  booked: "booking",
  submitted: "submission",
  issued: "issue",
  registered: "registration",
  enrolled: "enrolment",
  reserved: "reservation",
  held: "hold",
  taken: "take",
  used: "use",
};
export const actNoun = (act: string | undefined): string => USE_NOUN[act ?? ""] ?? "use";

/** How one holder at a time is kept: by a lease the design holds per resource, else a claim on the thing's own row. */
function oneHolderSaying(c: GuaranteeClause, entity: string, mechanism: string | undefined): string {
  const holder = c.holder ?? "holder";
  const record = /\brecords?$/.test(entity) ? entity : `${entity} record`;
  if (mechanism === "lease")
    return c.lasting
      ? `In this design each ${c.head} is a resource of the lock service: its ${record} is created by a conditional write only while no ${holder} holds that ${c.head}, and it names the one ${holder} that holds it. The claim does not lapse: ${lastingBecause(c.lasting)}; every later change carries the version it read, so a write from a superseded ${holder} is refused.`
      : `In this design each ${c.head} is a resource of the lock service: its ${record} is created by a conditional write only while no live lease on that ${c.head} exists, and it names the one ${holder} that holds it. ${c.fixedHold ? `The lease's expiry is stamped once when it is granted and never renewed ('${c.fixedHold}')` : "The lease expires unless renewed"}, and every write made under it carries its fencing token, so a ${holder} that lost its lease, crashed or paused, is refused.`;
  const claim = `Each ${c.head}'s own row carries its state, the ${holder} that holds it and a version. A claim moves it from free to held by one conditional write on that row, accepted only while it is still free (a compare-and-set on the version), so of two requests for the same ${c.head} one wins and the other gets a clear 'already held'. ${
    c.lasting
      ? `The claim does not lapse: ${lastingBecause(c.lasting)}. A transfer or release is a conditional write on the same version, so a late write under the old claim finds the version moved and is refused.`
      : c.fixedHold
        ? `Every claim carries an expiry stamped once when it is taken and never renewed ('${c.fixedHold}'): a claim not completed by then lapses, and a conditional write on the same version then frees the ${c.head}, so a late write under the old claim finds the version moved and is refused.`
        : `Every claim carries a lease renewed while the ${c.head} is held: a claim whose holder crashes or goes silent lapses, and a conditional write on the same version then frees the ${c.head}, so a late write under the old claim finds the version moved and is refused.`
  }`;
  if (!c.members) return claim;
  const things = pluralOf(c.head);
  return `${claim} Both sides are exclusive here: a ${holder} takes ${c.members} ${things} at once and each ${c.head} may be in one ${holder} only, so forming a ${holder} claims every member in one transaction over its ${c.members} ${c.head} rows, all moving from free to held or none. One transaction is chosen because ${c.members} rows are few and a partial ${holder} must never be visible; where those rows sit on different shards, the same claims go one by one in ${c.head}-id order, and those already taken are released when a later one finds its ${c.head} held, the fixed order keeping two ${holder}s that form at once from waiting on each other in a cycle.`;
}

/** The words a rule with no keeper adds, so the design says so rather than naming an unrelated mechanism. */
export const UNKEPT = "no mechanism in this design keeps it yet.";
