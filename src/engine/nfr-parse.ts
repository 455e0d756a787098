/**
 * Reads the non-functional requirements a prompt states: delivery semantics, consistency,
 * availability stance, ordering, durability, regions, latency targets and scale numbers.
 * Every value carries the words it came from.
 */

import { RATIO_BOUNDS } from "../knowledge/bound-kinds.js";
import { OBJECT_KIND_QUANTITIES, OBJECT_KINDS } from "../knowledge/capacity/object-kinds.js";
import { TIME_UNIT_SPELLINGS, TIME_UNIT_TABLE } from "../knowledge/counted-things.js";
import { NFR_LITERALS } from "../knowledge/generated/nfr-literals.js";
import { CARDINAL_WORDS, FRACTION_WORDS, SCALE_WORDS, SET_WORDS } from "../knowledge/lexicon.js";
import { LazyLiteralIndex, patternKey } from "../knowledge/pattern-literals.js";
import { ONE_MACHINE } from "../knowledge/patterns.js";
import { REFERENCE_FAMILIES } from "../knowledge/references.js";
import type { Availability, Consistency, Delivery, Durability, Ordering } from "../knowledge/schema.js";
import {
  BID_SUBJECT_NOUNS,
  BIDDER_NOUNS,
  STATED_NOUNS as NOUNS,
  OCCURRENCE_HEADS,
  type StatedImplication,
  SUBJECT_NOUNS,
} from "../knowledge/stated-nouns.js";
import { oneMachineReason, TOPIC_WORDS, topicsSpoken } from "../knowledge/topics.js";
import { singularOf as singular } from "./counted-nouns.js";
import { own } from "./own.js";
import { formatQuantity, grouped, sig } from "./quantity-format.js";
import type { Stated } from "./stated.js";
import { guaranteeClauses } from "./stated-clauses.js";
import { parseCopiesWithin } from "./stated-copies.js";
import { parseFence } from "./stated-fence.js";
import { composedScale } from "./stated-flows.js";
import { onceQuote, parseOnceSaid } from "./stated-once.js";
import { parseSameOrder } from "./stated-order.js";
import { parseReplay } from "./stated-replay.js";
import { parseResume } from "./stated-resume.js";
import type { RuleGuarantee } from "./stated-rules.js";
import { parseSplit } from "./stated-split.js";
import { statedConfirmation, statedLocalAutonomy, statedTenure } from "./stated-stance.js";
import { anyWord } from "./text.js";

/**
 * The reason a scale figure carries, from where it came: "the prompt says '72 hours'" or "set by override …".
 * `quoteOfScaleReason` reads the prompt's words back out of such a reason (the Design keeps only its text).
 */
export const scaleReason = (s: { source: string; quote: string; reading?: string }): string =>
  s.source === "override"
    ? `set by override ${s.quote}`
    : `the prompt says '${s.quote}'${s.reading ? `, read as ${s.reading}` : ""}`;

export function quoteOfScaleReason(because: string | undefined): string | undefined {
  return (because ? /^the prompt says '([^']+)'(?:, read as .*)?$/.exec(because) : null)?.[1];
}

export interface LatencyTarget {
  percentile: string;
  ms: number;
  quote: string;
}

export interface StatedNfrs {
  delivery?: Stated<Delivery>;
  consistency?: Stated<Consistency>;
  availability?: Stated<Availability>;
  ordering?: Stated<Ordering>;
  durability?: Stated<Durability>;
  regions?: Stated<number>;
  latency: LatencyTarget[];
  scale: Record<string, Stated<number>>;
  /**
   * Amounts the prompt states that no rule reads (the number with the words after it): each one is a figure the design
   * cannot be sized by, so the coherence check names it rather than let a typical value stand in silently.
   */
  unread: Stated<number>[];
  /** Quantities the prompt's nouns imply without stating them (a count of redirects: each answer is small). */
  implied: Record<string, { value: number; because: string }>;
  /** A repeat the prompt forbids within a window ("never fetches the same URL twice in one day"). */
  repeatWindow?: RepeatWindow;
  /** The width the prompt fixes for the ids it asks for ("64-bit IDs", "a 64-bit order-number generator"). */
  idWidth?: IdWidth;
  /** The guarantees the prompt states in its own words (never twice per slot, keeps serving the last copy). */
  guarantees?: StatedGuarantee[];
  /** The failure unit the prompt says the system survives the loss of ("survives the loss of an availability zone"). */
  survives?: Stated<FailureUnit>;
  /** Reads whose consistency each request chooses ("tunable consistency", "strong or eventual reads per request"). */
  readModes?: Stated<"per-request">;
  /** An outcome final only once a named outside party confirms it ("final only once the registry operator confirms it"). */
  confirmation?: { party: string; quote: string };
  /** Claims the prompt treats as lasting ownership, not session leases ("never registered to two customers"). */
  tenure?: Stated<"durable">;
}

/** The width, in bits, the prompt fixes for the identifiers it asks for, with its words. */
export interface IdWidth {
  bits: number;
  quote: string;
}

/**
 * A width stated for an identifier: a number of bits before the noun that names the id, a few words on ("64-bit
 * IDs", "64-bit roughly time-ordered IDs", "64-bit, roughly time-ordered IDs", "a 64-bit order-number generator", "32-bit keys"). A width of a hash, a
 * key for encryption or a machine word names no id ("256-bit AES keys" is a cipher's key, left out).
 */
const ID_WIDTH =
  /\b(\d{1,3})[- ]bits?\b((?:,?[ -]+(?!ids?\b|identifiers?\b|numbers?\b|keys?\b)[a-z]+){0,3}?)[ -]+(ids?|identifiers?|(?:[a-z]+-)?numbers?|(?:[a-z]+ )?keys?|integers?)\b/i;
const NOT_AN_ID = /\b(?:aes|encryption|cipher|hmac|sha|hash|rsa|signing)\b/i;

export function parseIdWidth(prompt: string): IdWidth | undefined {
  if (!/\bbits?\b/i.test(prompt)) return undefined;
  const m = ID_WIDTH.exec(prompt);
  if (!m?.[1] || NOT_AN_ID.test(m[0])) return undefined;
  const bits = Number(m[1]);
  return bits >= 8 && bits <= 256 ? { bits, quote: m[0] } : undefined;
}

/**
 * A guarantee the prompt states in a clause of its own, beyond a stance word: a thing that is never acted on twice
 * for one scope ("never runs the same job twice for one schedule slot", "without duplicate pages"), or a last copy
 * kept in use while what feeds it is down ("keeps serving the last known flags if the service is down").
 */
export type StatedGuarantee =
  | { kind: "once"; noun: string; act?: string; scope?: string; quote: string }
  | { kind: "last-known"; what: string; dependency: string; quote: string }
  | RuleGuarantee;

const HALF = String.raw`(half[- ](?:written|finished|done|built|uploaded|rendered|generated|processed|transcoded)|partial(?:ly[- ](?:written|uploaded|built|processed))?|incomplete|unfinished|torn|truncated)`;
const SEEN = String.raw`(?:published|visible|seen|served|exposed|returned|shown|readable|read|downloaded|made available)`;
const ATOMIC_PUBLISH: readonly RegExp[] = [
  // "no half-written output is ever published", "never a partial index visible to queries"
  new RegExp(
    String.raw`\b(?:no |never (?:an? |any )?)${HALF} ([a-z][\w-]*)\b(?: [a-z][\w-]*){0,3}? (?:is|are|gets?|becomes?)? ?(?:ever |never )?(?:be )?${SEEN}\b`,
    "i",
  ),
  // "a half-finished upload must never be visible to anyone"
  new RegExp(
    String.raw`\b(?:a|an|any)\s+${HALF} ([a-z][\w-]*)\s+(?:(?:must|should|can|will|may)\s+)?(?:never|not)\s+(?:ever\s+)?(?:be\s+)?${SEEN}\b`,
    "i",
  ),
  // "readers never see a half-finished report"
  new RegExp(
    String.raw`\b(?:readers?|users?|clients?|consumers?|viewers?|customers?|downloaders?|queries) (?:never|cannot|can't|must never|should never) (?:see|sees|read|reads|get|gets|observe|observes|download|downloads|fetch|fetches) (?:a |an |any )?${HALF} ([a-z][\w-]*)`,
    "i",
  ),
];
/** A reader's act of getting what it asked for ("must get", "receives", "downloads"). */
const GETS = String.raw`(?:gets?|receives?|sees?|downloads?|installs?|fetch(?:es)?|pulls?)`;
/** A never clause that says the same after a comma: ", never a mix", ", never a half-published one". */
const NEVER_MIX = String.raw`(?:,?\s*(?:and\s+)?never\s+(?:a\s+mix(?:\s+of\s+(?:the\s+)?two)?|(?:a|an)\s+[a-z]+[- ][a-z]+\s+one|half\s+of\s+(?:one|it)))?`;
/**
 * A reader that gets a release whole or not at all, said from its side: "installers get either the whole old version
 * or the whole new one, never a mix", "must get all of the old version or all of the new one", "no client may get half
 * a release", "must always receive a complete, fully uploaded set of files, never a half-published one", "must get a
 * complete set". The rule is the one "no half-written release is ever published" states: the release's parts are
 * written first and one pointer write makes them visible together. Each pattern's group 1 is what is released, where
 * it names it.
 */
const WHOLE_OR_NOTHING: readonly { re: RegExp; state: string }[] = [
  {
    re: new RegExp(
      String.raw`\b${GETS}\s+(?:either\s+)?(?:all of|the whole(?: of)?|the entire)\s+(?:the\s+)?old\s+([a-z][\w-]*)\s+or\s+(?:all of|the whole(?: of)?|the entire)\s+(?:the\s+)?new\s+(?:one|[a-z][\w-]*)${NEVER_MIX}`,
      "i",
    ),
    state: "mixed",
  },
  {
    re: new RegExp(
      String.raw`\bno\s+[a-z][\w-]*\s+(?:(?:may|can|will|should|must)\s+)?(?:ever\s+)?${GETS}\s+half\s+(?:of\s+)?(?:a|an|the)\s+([a-z][\w-]*)`,
      "i",
    ),
    state: "partial",
  },
  {
    re: new RegExp(
      String.raw`\b(?:must|should|will|has to|have to)\s+(?:always\s+)?${GETS}\s+(?:a|the)\s+complete(?:,?\s+(?:fully\s+[a-z]+|verified|consistent))?\s+(?:set|copy|release|version|bundle|pack|build|image)\b(?:\s+of\s+[a-z]+)?${NEVER_MIX}`,
      "i",
    ),
    state: "partial",
  },
];
/** The thing a reader asks for before it gets it whole ("asks for the current pack"), when the clause names one. */
const ASKED_FOR =
  /\b(?:asks?|asking)\s+for\s+(?:the\s+)?(?:current|latest|newest|stable)\s+([a-z][\w-]*)|\b(?:the\s+)?(?:current|latest|newest)\s+([a-z][\w-]*)\b/i;
/** Released things a whole-or-nothing rule may be said of; "set" and "one" name none. */
const RELEASED =
  /^(?:release|version|build|bundle|pack|patch|package|image|model|artifact|snapshot|dataset|index|config|firmware|map|update)$/i;

const GONE = String.raw`(revoked|expired|deleted|disabled|invalidated|cancell?ed|rotated[- ]out|suspended|banned|blocked)`;
const NEVER_STALE: readonly RegExp[] = [
  // "never serves a revoked secret", "never accepts an expired token"
  new RegExp(
    String.raw`\bnever (serves?|accepts?|returns?|honou?rs?|uses?|grants?|allows?|validates?|authori[sz]es?|issues?|hands? out|shows?) (?:a |an |any |the )?(?:already )?${GONE} ([a-z][\w-]*)`,
    "i",
  ),
  // "a revoked key is never accepted"
  new RegExp(
    String.raw`\b${GONE} ([a-z][\w-]*) (?:is|are) never (served|accepted|returned|honou?red|used|granted|allowed|validated|authori[sz]ed|issued|shown)\b`,
    "i",
  ),
];
const EXACTLY_ONE =
  /\b(?:every|each|any) ([a-z][\w-]*(?: (?!(?:is|are|gets?|goes|go|must|will|belongs?|assigned|has)\b)[a-z][\w-]*)?) ((?:is |are |gets? |must be |will be )?(?:assigned|given|sent|routed|dispatched|matched|offered|handed|goes|go|belongs|bound|owned|claimed|taken|picked up|leased|locked|handled|processed|executed|run)(?: (?:to|by|with))?) (?:exactly|at most|only) one ([a-z][\w-]*)/i;
/**
 * A thing held by at most one owner in each scope ("each microscope has at most one user per slot", "every room has
 * no more than one booking per night"): the owner is set from empty once per (thing, scope), as for exactly one.
 */
const AT_MOST_ONE =
  /\b(?:each|every|any|a|an) ([a-z][\w-]*) (has|holds|gets|takes|can have|may have|is booked by|is held by|is used by|is given to|goes to) (?:at most|no more than|only|just) one ([a-z][\w-]*) (?:per|for each|in each|in any|in a|at a|at any|for any|for a|each) ([a-z][\w-]*)/i;
/**
 * A thing never taken by two holders, said in other words than "exactly one" (each pattern's groups: the thing, how it
 * is taken, the holder): "no key range may be handled by two workers at once", "no other fan may be sold that same
 * ticket", "a seat held for one buyer for ten minutes can't be sold to anyone else", "the room is held for 10 minutes
 * so no one else can book it", "a seat someone picks must be held for that buyer for 8 minutes". The owner is set from
 * empty once, as for exactly one.
 */
const NO_TWO_HOLDERS: readonly { re: RegExp; order: readonly [number, number, number] }[] = [
  {
    re: /\bno ([a-z][\w-]*(?: (?!(?:may|can|will|should|must|is|are|ever|be)\b)[a-z][\w-]*)?) (?:(?:may|can|will|should|must|is|are) )?(?:ever )?(?:be )?((?:handled|processed|run|claimed|held|leased|locked|owned|worked on|assigned|given|sold|booked|matched|offered|picked up) (?:by|to)) two ([a-z][\w-]*)(?: (?:at once|at the same time|simultaneously|concurrently))?/i,
    order: [1, 2, 3],
  },
  {
    re: /\bno other ([a-z][\w-]*) (?:may|can|will|should|must) (?:ever )?be (sold|given|booked|assigned|offered|allocated) (?:that|the|this) same ([a-z][\w-]*)/i,
    order: [3, 2, 1],
  },
  {
    re: /\b(?:a|an|the|each|every) ([a-z][\w-]*) (?:(?:is|are) )?held for (?:one|a|that|the|this|each) ([a-z][\w-]*)\b[^,.;]{0,30}? (?:can't|cannot|can not|may not|must not|is not|won't) be (sold|booked|given|taken|reserved|held) (?:to|by) (?:anyone|anybody|someone|somebody|any other [a-z]+) else/i,
    order: [1, 3, 2],
  },
  {
    re: /\b(?:a|an|the|each|every) ([a-z][\w-]*) (?:someone|somebody|a [a-z]+|the [a-z]+) (?:picks|chooses|selects|takes|reserves) (?:must|will|should|has to) be (held) for (?:that|the|this) ([a-z][\w-]*)/i,
    order: [1, 2, 3],
  },
  {
    re: /\b(?:a|an|the|each|every) ([a-z][\w-]*) (?:is|are) (held) for [^,.;]{1,30}? so (?:that )?(?:no ?one|nobody|no other [a-z]+) else can (?:book|take|buy|reserve|grab|hold|claim) (?:it|them)/i,
    order: [1, 2, 0],
  },
];

const OLD = String.raw`(old|older|stale|outdated|out-of-date|previous|superseded|overwritten)`;
/**
 * A read never answered from a copy older than the last acknowledged write ("never returns an old version after an
 * overwrite has succeeded", "readers never see stale data"): every read resolves the current version at its authority.
 */
const LATEST_READ: readonly RegExp[] = [
  new RegExp(
    String.raw`\bnever (returns?|serves?|reads?|shows?|gives?|hands? out) (?:an? |any |the )?${OLD} ([a-z][\w-]*)(?: after (?:an? |the |its )?([a-z][\w-]*) (?:has |have |is |was )?(?:succeeded|completed|been acknowledged|acknowledged|returned|committed|finished))?`,
    "i",
  ),
  new RegExp(
    String.raw`\b(?:reads?|readers?|clients?|users?|gets?|queries) (?:never|must never|should never) (see|sees|get|gets|return|returns|observe|observes|read|reads) (?:an? |any |the )?${OLD} ([a-z][\w-]*)`,
    "i",
  ),
];
/**
 * A capacity never given out beyond what there is: "never overcommits a node's memory", "never overbooks a flight",
 * "never sells more permits than spaces", "never assigns more students than seats".
 */
const OVERCOMMIT =
  /\bnever (over-?(?:commit|allocate|subscribe|book|sell|assign|schedule|fill|provision)s?) (?:an? |any |the |each |one )?(?:([a-z][\w-]*)(?:'s|\u2019s) )?([a-z][\w-]*)/i;
const MORE_THAN =
  /\bnever (sells?|books?|assigns?|admits?|allocates?|issues?|grants?|places?|schedules?|reserves?|accepts?|registers?|enrol?ls?|seats?|hands? out|gives? out) more (?:of (?:an?|the|any|each|one) )?([a-z][\w-]*) than (?:(?:the|an?|each|any|there are|its|their|it has|available|free) )*([a-z][\w-]*)(?: (has|have|holds|can hold|can take|fits?|offers))?/i;

const CAP =
  /\b(?:at most|no more than) (\d[\d,]*|(?:their|its|the(?:ir)?) (?:own )?(?:quota|limit|cap|allowance)) (?:of )?([a-z][\w-]*)(?: [a-z][\w-]*)? (?:at once|at a time|at the same time|concurrently|in parallel|simultaneously|in flight)\b/i;
/** A verb of holding just before a cap ("can hold", "may rent", "can borrow"), not of running work. */
const HOLDS_BEFORE =
  /\b(?:hold|have|own|borrow|rent|carry|keep|book|reserve|check out|be assigned|be given|take)s?\s+(?:only\s+)?$/i;
const CAP_SCOPE = /\b(?:each|every|per|any) (?:of (?:the |their |its )?(?:[\d,.]+[kmb]? )?)?([a-z][\w-]*)\b[^.;]*$/i;
const CRASH =
  /\beven (?:when|if) (?:the |its |their |a |an |some )?((?:[a-z][\w-]* )?[a-z][\w-]*) (?:crash(?:es)?|die|dies|fail|fails|are killed|is killed|restart|restarts|disappear|disappears|go away)\b/i;
const EFFECT_LAST =
  /\bnever ((?:charges?|captures?|bills?|debits?|pays?|releases?|transfers?|ships?|refunds?|settles?|disburses?|sends?)(?: out)?) (?:the (?:card |customer |buyer |seller )?|any(?:one)? |money )?(?:for|on) (?:an? |any |the )?([a-z][\w-]*) that (?:cannot|can't|can not|won't|will not|could not|may not|fails to) ((?:be )?[a-z][\w-]*)/i;

/**
 * What is never lost is a thing kept, not a faculty ("never loses track of", "never loses its place" name no record),
 * nor a person ("without losing anyone's edits" is said of the edits, which a convergence rule keeps), nor a
 * direction ("never drops below zero" is a floor on a quantity, engine/stated-clauses.ts quantity-bound).
 */
const NOT_KEPT =
  /^(?:track|sight|touch|count|time|way|place|focus|interest|connection|contact|anyone|anybody|everyone|everybody|someone|one|below|under|beneath|beyond|above|over|to|off|out|into)$/;
/**
 * A quantity a ledger conserves is never lost in another sense: money neither lost nor made is the ledger's own
 * conservation rule, not a write's durability ("never loses or creates money", "never loses money").
 */
const CONSERVED = /^(?:money|funds?|cash|balances?|value|credits?)$/;
const NEVER_LOST: readonly RegExp[] = [
  // "never loses a transaction", "never loses or creates money", "must never lose an acknowledged write"
  /\bnever (?:loses?|drops?)(?: or [a-z]+)? (?:a |an |any |the |its |their )?(?:single )?(?:acknowledged |committed |accepted |confirmed |stored |uploaded )?([a-z][\w-]*)/i,
  // "no photo is ever lost", "no acknowledged message is ever dropped"
  /\bno (?:acknowledged |committed |accepted |confirmed |stored |uploaded )?([a-z][\w-]*(?: [a-z][\w-]*)?) (?:is|are|gets?) ever (?:lost|dropped)\b/i,
  // "an acknowledged write is never lost", "uploaded files are never lost", "an added item is never lost"
  /\b(?:acknowledged|committed|accepted|confirmed|stored|uploaded|added|saved|placed|submitted|written|posted|sent|entered|created|recorded) ([a-z][\w-]*) (?:is|are) never (?:lost|dropped)\b/i,
  // "without losing a single order", "without losing any messages"
  /\bwithout (?:ever )?(?:losing|dropping) (?:a |an |any |the )?(?:single )?(?:acknowledged |committed )?([a-z][\w-]*)/i,
];
/** Whether the prompt puts the whole system on one machine, in its own words or by a subject that lives on one. */
const onOneMachine = (prompt: string): boolean =>
  ONE_MACHINE.test(prompt) || oneMachineReason(topicsSpoken(prompt)) !== undefined;
/** An act said as a gerund or a noun of action after "exactly-once" ("exactly-once counting" counts). */
const ONCE_ACT: Readonly<Record<string, string>> = {
  counting: "count",
  processing: "process",
  delivery: "deliver",
  aggregation: "aggregate",
  billing: "bill",
  semantics: "process",
  updates: "apply",
  writes: "apply",
};
const EXACTLY_ONCE: readonly RegExp[] = [
  // "exactly-once counting", "exactly-once delivery", "with exactly once processing"
  /\bexactly[- ]once (counting|processing|delivery|aggregation|billing|semantics|updates|writes)\b/i,
  // "counts every click exactly once", "processes each event exactly once"
  /\b(counts?|process(?:es)?|delivers?|applies|apply|aggregates?|bills?) (?:each|every|all|all the) ([a-z][\w-]*(?: (?!exactly\b)[a-z][\w-]*)?) exactly[- ]once\b/i,
  // "each click is counted exactly once"
  /\b(?:each|every) ([a-z][\w-]*(?: (?!is\b|are\b|gets?\b)[a-z][\w-]*)?) (?:is|are|gets?) (counted|processed|delivered|applied|aggregated|billed) exactly[- ]once\b/i,
];

/** What a parent becomes once its parts are done: published, visible, complete, shipped, released … */
const PARENT_STATE = String.raw`((?:published|visible|available|complete|completed|marked (?:complete|done|ready)|ready|released|shipped|dispatched|committed|finali[sz]ed|delivered|closed|done|served|paid out|sent|billed|invoiced|activated|live))`;
/** What a part does when it is done: succeeds, is processed, acknowledges, is packed, has signed … */
const PART_DONE = String.raw`((?:have |has )?(?:succeed(?:ed|s)?|finish(?:ed|es)?|complete[sd]?|acknowledge[sd]?|pass(?:ed|es)?|(?:have |has )?(?:been )?(?!been\b)[a-z]{3,}ed)\b|(?:are|is|have been|has been) (?:successfully )?[a-z]{3,}(?:ed|en|ne)\b)`;
/** A part's noun, with one word before it ("build targets"), never a verb ("have", "are"). */
const PART_NOUN = String.raw`((?:(?!(?:have|has|are|is|were|was|been)\b)[a-z][\w-]*\s+)??(?!(?:have|has|are|is|were|was|been)\b)[a-z][\w-]*)`;
/** A parent's noun, with one word before it ("map version", "sample report"). */
const PARENT_NOUN = String.raw`((?:[a-z][\w-]*\s+)??[a-z][\w-]*)`;
/** Parts that are the copies of one write, whose acknowledgements are replication, never a barrier over a parent. */
const REPLICA_PARTS = /^(?:replica|follower|node|broker|copy|cop|region|zone|peer|server)s?$/;
/**
 * A parent that changes state only once all of its parts are done: "a video is published only after all of its
 * segments succeed", "an order ships only when all items in the order are packed", "a batch is not complete until
 * every file is processed", "a transaction commits once every shard acknowledges".
 */
const ALL_PARTS: readonly RegExp[] = [
  // "a video is published only after all of its segments succeed", "a map version becomes visible only once all of
  // its tiles are rendered"
  new RegExp(
    String.raw`\b(?:a|an|the|each|every)\s+${PARENT_NOUN}\s+(?:is|are|becomes?|gets?|counts? as|will be|must be|may be|can be)\s+(?:only\s+)?${PARENT_STATE}\s+only\s+(?:after|once|when)\s+(?:all|every one)\s+(?:of\s+)?(?:its|their|the)\s+${PART_NOUN}\s+(?:(?:in|of)\s+(?:the|that|it)\s+(?:[a-z][\w-]*\s+)?)?${PART_DONE}`,
    "i",
  ),
  // "an order ships only when all items in the order are packed", "a job finishes only after every task succeeds"
  new RegExp(
    String.raw`\b(?:a|an|the|each|every)\s+${PARENT_NOUN}\s+(ships|publishes|completes|commits|closes|finishes|releases|goes live|is released)\s+only\s+(?:after|once|when)\s+(?:all|every)\s+(?:of\s+)?(?:its\s+|their\s+|the\s+)?${PART_NOUN}\s+(?:(?:in|of)\s+(?:the|that|it)\s+(?:[a-z][\w-]*\s+)?)?${PART_DONE}`,
    "i",
  ),
  // "a batch is not complete until every file is processed", "an upload is never visible until all its chunks are written"
  new RegExp(
    String.raw`\b(?:a|an|the|each|every)\s+${PARENT_NOUN}\s+(?:is|are)\s+(?:not|never)\s+${PARENT_STATE}\s+(?:until|before)\s+(?:all|every)\s+(?:of\s+)?(?:its\s+|their\s+|the\s+)?${PART_NOUN}\s+(?:(?:in|of)\s+(?:the|that|it)\s+(?:[a-z][\w-]*\s+)?)?${PART_DONE}`,
    "i",
  ),
];

/**
 * Units whose loss a replicated store is asked to survive, each a failure domain its copies are spread over: a machine
 * (server, node, host, disk, replica), a rack, a data centre, a zone or a region.
 */
const LOSS_UNIT = String.raw`((?:control |storage |metadata |disk |database |voting )?(?:machines?|servers?|nodes?|hosts?|disks?|drives?|replicas?|brokers?|members?|voters?|racks?|data[- ]?cent(?:er|re)s?|(?:availability )?zones?|regions?))`;
/** How many units are lost at once ("any two", "a whole", "one"). */
const LOSS_COUNT = String.raw`(?:(?:any|up to|at most|as many as)\s+)?(a|an|one|a single|a whole|an entire|one whole|two|three|four|\d+|any(?=\s+[a-z]))`;
/** Of how many ("any two of five machines", "two of the five servers holding it"). */
const LOSS_OF = String.raw`(?:\s+of\s+(?:the\s+|its\s+|their\s+|our\s+)?(three|four|five|six|seven|eight|nine|\d+))?`;
/** The subject of a survival rule: a noun with its determiner ("that value", "every byte", "sessions", "it"). */
const LOSS_SUBJECT = String.raw`(?:(?:(?:each|every|an?|the|that|this|its|their|our|all)\s+)?(?:(?:latest|newest|last|current|acknowledged|stored|saved|uploaded|committed|written)\s+)?([a-z][\w-]*)\s+(?:(?:themselves|itself)\s+)?)?`;
/**
 * A rule that stated data survives the loss of a count of failure units at once: "that value must survive the loss of
 * any two of the five servers holding it", "a volume must survive losing a whole rack", "every byte must survive two
 * racks failing at once", "it must not be lost even if a whole rack burns down", "never lost when a machine dies".
 */
const SURVIVE_LOSS: readonly RegExp[] = [
  new RegExp(
    String.raw`\b${LOSS_SUBJECT}(?:must|should|has to|have to|needs? to|will|can)\s+(?:still\s+)?survive\s+(?:losing\s+|the\s+(?:loss|failure)\s+of\s+)?${LOSS_COUNT}${LOSS_OF}\s+${LOSS_UNIT}(?:\s+(?:holding|storing|that hold|that store|with a copy of)\s+(?:it|them|a copy|copies|its \w+|their \w+|the \w+))?(?:\s+(?:fail\w*|dying|going down|burning down|crashing|outages?|loss)(?:\s+at once|\s+at the same time)?|\s+at once|\s+at the same time)?`,
    "i",
  ),
  new RegExp(
    String.raw`\b(?:${LOSS_SUBJECT}(?:must not be|must never be|may not be|can't be|cannot be|should never be|is never|are never)|never(?:\s+be)?)\s+lost\s+(?:even\s+)?(?:if|when|while)\s+${LOSS_COUNT}${LOSS_OF}\s+${LOSS_UNIT}\s+(?:dies|die|fails|fail|burns down|burn down|goes down|go down|is lost|are lost|crashes|crash|goes dark)`,
    "i",
  ),
];
/**
 * A survival rule said with the loss first or as what the data stays: "losing two members must not lose accepted
 * changes", "losing a data center must not empty anyone's cart", "must keep every file readable after losing any two
 * racks", "a failed disk or even a whole rack never loses a scan". Each entry names its groups: the data's noun, the
 * count lost, of how many, and the unit (the larger unit where two are named).
 */
const SURVIVE_LOSS_SAID: readonly { re: RegExp; noun: number; count: number; of: number; unit: number }[] = [
  {
    re: new RegExp(
      String.raw`\blosing\s+${LOSS_COUNT}${LOSS_OF}\s+${LOSS_UNIT}\s+(?:must not|must never|should not|should never|can't|cannot|will not|won't|may not|never)\s+(?:lose|loses|drop|empty|wipe out|erase)\s+(?:any\s+|a\s+single\s+|an?\s+)?(?:(?:acknowledged|accepted|committed|stored|saved)\s+)?(?:(?:anyone|anybody|someone|a user|any user)['\u2019]s\s+)?([a-z][\w-]*)`,
      "i",
    ),
    noun: 4,
    count: 1,
    of: 2,
    unit: 3,
  },
  {
    re: new RegExp(
      String.raw`\b(?:must|should|has to|have to|needs? to)\s+keep\s+(?:every|each|all|the|any)?\s*([a-z][\w-]*)\s+(?:readable|available|intact|durable|safe|retrievable)\s+(?:after|when|while|despite|even after)\s+losing\s+${LOSS_COUNT}${LOSS_OF}\s+${LOSS_UNIT}`,
      "i",
    ),
    noun: 1,
    count: 2,
    of: 3,
    unit: 4,
  },
  {
    re: new RegExp(
      String.raw`\b(?:a|an|one)\s+(?:failed|dead|lost|broken)\s+(?:disk|drive|machine|server|node|host)\s+or\s+(?:even\s+)?${LOSS_COUNT}\s+${LOSS_UNIT}\s+(?:never|must never|must not|can't|cannot|will never|won't)\s+(?:loses?|lose|destroys?)\s+(?:a|an|any|the|one)?\s*([a-z][\w-]*)`,
      "i",
    ),
    noun: 3,
    count: 1,
    of: 0,
    unit: 2,
  },
];
/** The machines counted elsewhere in the prompt that vote ("Five voting members keep …"), for a rule naming none. */
const VOTERS_COUNTED = /\b(three|five|seven|nine|\d+)\s+(?:voting\s+)?(members|voters|replicas|servers|nodes)\b/i;

/** A pronoun or a word that is no noun as a survival rule's subject: the rule is said of the acknowledged data. */
const NOT_A_LOSS_SUBJECT = /^(?:it|they|this|that|these|those|which|what|data|everything|anything|all|if|and|so)$/i;
/** A count word as a number ("a whole" and "one" are one). */
const lossCount = (w: string): number => {
  const t = w
    .toLowerCase()
    .replace(/^(?:a|an|one)(?:\s+(?:single|whole|entire))?$|^a (?:single|whole)$|^an entire$/, "1");
  return /^\d+$/.test(t) ? Number(t) : (own(CARDINAL_WORDS, t) ?? 1);
};
/** A unit's noun as the rule names it, singular ("data centers" -> data centre, "control machines" -> machine). */
const lossUnit = (w: string): string => {
  const t = w.toLowerCase().replace(/^(?:control|storage|metadata|disk|database) (?=\w)/, "");
  if (/cent(?:er|re)/.test(t)) return "data centre";
  if (/zone/.test(t)) return "zone";
  return singular(t);
};

/** The survival rule the prompt states, if it states one (its first). */
function parseSurviveLoss(prompt: string): RuleGuarantee | undefined {
  for (const re of SURVIVE_LOSS) {
    const m = gx(re, prompt);
    if (!m?.[2] || !m[4]) continue;
    const subject = m[1] ?? "";
    const noun = subject && !NOT_A_LOSS_SUBJECT.test(subject) ? singular(subject.toLowerCase()) : "write";
    const of = m[3] ? lossCount(m[3]) : undefined;
    const lost = lossCount(m[2]);
    // "two of two machines": nothing is left to survive on, no rule a design can keep
    if (of !== undefined && of <= lost) continue;
    // from the word that opens its clause, so the words that name what survives ("the lease records themselves")
    // stand in it
    const quote = prompt.slice(openerBefore(prompt, m.index), m.index + m[0].length).trim();
    return { kind: "survive-loss", noun, lost, ...(of !== undefined ? { of } : {}), unit: lossUnit(m[4]), quote };
  }
  for (const { re, noun: n, count, of: o, unit: u } of SURVIVE_LOSS_SAID) {
    const m = gx(re, prompt);
    if (!m?.[count] || !m[u] || !m[n]) continue;
    const subject = m[n];
    const noun = !NOT_A_LOSS_SUBJECT.test(subject) ? singular(subject.toLowerCase()) : "write";
    const unit = lossUnit(m[u]);
    // "losing two members" where the prompt counts its voting members elsewhere ("Five voting members keep …")
    const counted = VOTERS_COUNTED.exec(prompt);
    const ofWord =
      (o > 0 ? m[o] : undefined) ?? (counted && singular(lower(counted[2])) === unit ? counted[1] : undefined);
    const of = ofWord ? lossCount(ofWord) : undefined;
    const lost = lossCount(m[count]);
    if (of !== undefined && of <= lost) continue;
    return {
      kind: "survive-loss",
      noun,
      lost,
      ...(of !== undefined ? { of } : {}),
      unit,
      quote: onceQuote(prompt, m.index, m.index + m[0].length),
    };
  }
  return undefined;
}
const lower = (x: string | undefined) => (x ?? "").toLowerCase();

/** A mark or word that opens a clause ("…, and the lease records …", "… where each recipe …"). */
const OPENER = /[.,;:!?(]|\b(?:where|that|which|so|and|but|while|whose)\b/gi;
/** Where the clause holding a point starts: just after the last opener before it (a thousands comma is none). */
function openerBefore(prompt: string, at: number): number {
  let start = 0;
  for (const o of prompt.slice(0, at).matchAll(OPENER))
    if (!(o[0] === "," && /^\d{3}\b/.test(prompt.slice(o.index + 1)))) start = o.index + o[0].length;
  while (start < at && /\s/.test(prompt.charAt(start))) start++;
  return start;
}

/**
 * A derived copy the prompt says is rebuilt from its source when they disagree: "they may lag briefly and must be
 * recomputed from the ledger if they ever disagree", "it is allowed to be a few seconds behind but must be rebuilt if
 * it ever disagrees with the table", "search must be rebuildable from the posts database".
 */
const REBUILT_FROM =
  /\b(?:((?:may|can|is allowed to|are allowed to)\s+(?:lag|trail|fall behind|be\s+(?:\w+\s+){0,3}behind)\b[^,;.]{0,40}?\s(?:but|and)\s+)?(?:must|should|has to|have to|needs? to|can)\s+(?:always\s+)?be\s+(?:recomputed|rebuilt|rebuildable|re-?derived|regenerated|reconstructed|recomputable)|(?:must|should)\s+be\s+able\s+to\s+(?:recompute|rebuild|re-?derive|regenerate|reconstruct)\s+(?:it|them))(?:\s+(?:from|out of)\s+(?:the\s+|its\s+|their\s+|our\s+)?((?:(?!(?:if|when|whenever|and|but|or|so)\b)[a-z][\w-]*\s+)?(?!(?:if|when|whenever|and|but|or|so)\b)[a-z][\w-]*))?(\s+(?:if|when|whenever)\s+(?:it|they|the\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:ever\s+)?(?:disagrees?|drifts?|diverges?|goes wrong|go wrong|goes bad|go bad|is corrupted|are corrupted|loses data|lose data|stops? matching)(?:\s+(?:with\s+)?(?:the\s+|its\s+|their\s+)?([a-z][\w-]*))?)?(?=[\s,;.]|$)/i;
/** Words after "from" that name no source ("from scratch", "from zero", "from the first ball": a replay from the start). */
const NO_SOURCE = /^(?:scratch|zero|nothing|memory|time|then|there|first\b.*|start|beginning|earliest\b.*)$/i;

/** The rebuild-from-source rule the prompt states, if it states one. */
function parseRebuiltFrom(prompt: string): RuleGuarantee | undefined {
  const m = gx(REBUILT_FROM, prompt);
  if (!m) return undefined;
  const named = (m[2] ?? m[4] ?? "").toLowerCase().trim();
  const hasSource = named !== "" && !NO_SOURCE.test(named);
  // a copy rebuilt "automatically" with no source and no disagreement named is a lost replica copied again, not a
  // derived copy: only a named source, a disagreement or a stated lag makes it one
  if (!hasSource && !m[1] && !m[3]) return undefined;
  const source = hasSource ? named : "source of truth";
  // from the start of its clause, so the words that name the copy ("timelines must be rebuildable …") stand in the quote
  return { kind: "rebuilt-from", source, quote: onceQuote(prompt, m.index, m.index + m[0].length) };
}

/** A part's verb said of all of them ("every payment is processed" -> are processed, "every task succeeds" -> succeed). */
const pluralDone = (done: string): string =>
  done
    .replace(/^(?:have |has )/, "")
    .replace(/^is /, "are ")
    .replace(/^has been /, "have been ")
    .replace(/^(\w+?)(?:(?<=sh|ch|ss|x)es|(?<!s)s)$/, "$1");

/** The rule guarantees the prompt states: what is never seen half-written, never served once gone, and so on. */
export function parseRuleGuarantees(prompt: string): RuleGuarantee[] {
  const out: RuleGuarantee[] = [];
  for (const re of ATOMIC_PUBLISH) {
    const m = gx(re, prompt);
    if (m?.[1] && m[2]) {
      out.push({ kind: "atomic-publish", noun: singular(lower(m[2])), state: lower(m[1]), quote: m[0] });
      break;
    }
  }
  if (!out.some((g) => g.kind === "atomic-publish"))
    for (const { re, state } of WHOLE_OR_NOTHING) {
      const m = gx(re, prompt);
      if (!m) continue;
      const quote = onceQuote(prompt, m.index, m.index + m[0].length);
      // what the reader asked for names the release where the clause's own word is none ("a complete set")
      const asked = ASKED_FOR.exec(quote);
      const named = [m[1], asked?.[1], asked?.[2]].map((w) => singular(lower(w))).find((w) => RELEASED.test(w));
      out.push({ kind: "atomic-publish", noun: named ?? "release", state, quote });
      break;
    }
  const [active, passive] = NEVER_STALE;
  const a = active ? gx(active, prompt) : null;
  const p = a ? undefined : passive ? gx(passive, prompt) : null;
  if (a?.[1] && a[2] && a[3])
    out.push({
      kind: "never-stale",
      noun: singular(lower(a[3])),
      state: lower(a[2]),
      act: verbBase(lower(a[1])),
      quote: a[0],
    });
  else if (p?.[1] && p[2] && p[3])
    out.push({
      kind: "never-stale",
      noun: singular(lower(p[2])),
      state: lower(p[1]),
      act: activeOf(lower(p[3])),
      quote: p[0],
    });
  const e = gx(EXACTLY_ONE, prompt);
  if (e?.[1] && e[2] && e[3])
    out.push({
      kind: "exactly-one",
      noun: singular(lower(e[1])),
      how: lower(e[2])
        .replace(/^(?:is|are|gets?|must be|will be) /, "")
        .replace(/^(?:goes|go|belongs)\b/, "assigned"),
      owner: singular(lower(e[3])),
      // from its clause's start through the condition it holds under ("… once it is due")
      quote: onceQuote(prompt, e.index, e.index + e[0].length),
    });
  const one = e ? undefined : gx(AT_MOST_ONE, prompt);
  if (one?.[1] && one[2] && one[3] && one[4])
    out.push({
      kind: "exactly-one",
      noun: singular(lower(one[1])),
      how: "held by",
      owner: singular(lower(one[3])),
      scope: singular(lower(one[4])),
      quote: onceQuote(prompt, one.index, one.index + one[0].length),
    });
  if (!e && !one)
    for (const { re, order } of NO_TWO_HOLDERS) {
      const m = gx(re, prompt);
      const [thing, how, holder] = order.map((i) => (i > 0 ? lower(m?.[i]) : ""));
      if (!m || !thing || !how) continue;
      out.push({
        kind: "exactly-one",
        noun: singular(thing),
        // "sold" -> sold to, "held" -> held by: how the thing is taken, said before its holder
        how: /\b(?:to|by)$/.test(how)
          ? how
          : `${how} ${/^(?:held|claimed|leased|locked|owned|taken)$/.test(how) ? "by" : "to"}`,
        owner: holder ? singular(holder) : "holder",
        quote: onceQuote(prompt, m.index, m.index + m[0].length),
      });
      break;
    }
  const [latestActive, latestPassive] = LATEST_READ;
  const la = latestActive ? gx(latestActive, prompt) : null;
  const lp = la ? undefined : latestPassive ? gx(latestPassive, prompt) : null;
  if (la?.[1] && la[2] && la[3])
    out.push({
      kind: "latest-read",
      noun: lower(la[3]) === "data" ? "data" : singular(lower(la[3])),
      state: lower(la[2]),
      act: verbBase(lower(la[1])),
      ...(la[4] ? { after: lower(la[4]) } : {}),
      quote: la[0],
    });
  else if (lp?.[1] && lp[2] && lp[3])
    out.push({
      kind: "latest-read",
      noun: lower(lp[3]) === "data" ? "data" : singular(lower(lp[3])),
      state: lower(lp[2]),
      act: "return",
      quote: lp[0],
    });
  const oc = gx(OVERCOMMIT, prompt);
  const mt = oc ? undefined : gx(MORE_THAN, prompt);
  // "a node's memory": the node holds the memory; "a flight": the flight is the holder, and what it holds its capacity
  if (oc?.[1] && oc[3])
    out.push({
      kind: "capacity",
      act: lower(oc[1])
        .replace(/^over-?/, "over")
        .replace(/s$/, ""),
      // an acronym keeps its capitals ("a host's CPU")
      capacity: oc[2] ? (/^[A-Z]{2,}$/.test(oc[3]) ? oc[3] : lower(oc[3])) : "capacity",
      scope: singular(lower(oc[2] ?? oc[3])),
      quote: oc[0],
    });
  // "than spaces": a count of places; "than the hotel has": a holder of the things taken
  else if (mt?.[1] && mt[2] && mt[3])
    out.push({
      kind: "capacity",
      act: verbBase(lower(mt[1])),
      noun: singular(lower(mt[2])),
      capacity: mt[4] ? lower(mt[2]) : lower(mt[3]),
      ...(mt[4] ? { scope: singular(lower(mt[3])) } : {}),
      quote: mt[0],
    });
  const c0 = gx(CAP, prompt);
  // "a courier can hold at most two orders at a time": things a holder holds are counted on the holder
  // (engine/stated-clauses.ts holder-cap), not slots of work that runs
  const c = c0 && HOLDS_BEFORE.test(prompt.slice(Math.max(0, c0.index - 30), c0.index)) ? undefined : c0;
  if (c?.[1] && c[2]) {
    const before = prompt.slice(Math.max(0, c.index - 80), c.index);
    const scope = CAP_SCOPE.exec(before)?.[1];
    const crash = CRASH.exec(prompt.slice(c.index));
    out.push({
      kind: "cap",
      noun: singular(lower(c[2])),
      limit: lower(c[1]).replace(/^(?:their|its|the(?:ir)?) (?:own )?/, ""),
      ...(scope ? { scope: singular(lower(scope)) } : {}),
      ...(crash?.[1] ? { crash: lower(crash[1]) } : {}),
      quote: crash && crash.index < 60 ? prompt.slice(c.index, c.index + crash.index + crash[0].length) : c[0],
    });
  }
  const f = gx(EFFECT_LAST, prompt);
  if (f?.[1] && f[2] && f[3])
    out.push({
      kind: "effect-last",
      effect: lower(f[1]).replace(/^(\w+)/, (w) => verbBase(w)),
      noun: singular(lower(f[2])),
      cannot: lower(f[3]),
      quote: f[0],
    });
  const lowered = prompt.toLowerCase();
  for (const re of NEVER_LOST) {
    const m = execIf(re, prompt, lowered);
    const noun = m?.[1] ? singular(lower(m[1])) : undefined;
    if (m && noun && !NOT_KEPT.test(noun) && !CONSERVED.test(noun) && !/ or creates?\b/i.test(m[0])) {
      out.push({
        kind: "never-lost",
        noun,
        ...(onOneMachine(prompt) ? { oneMachine: true as const } : {}),
        quote: m[0],
      });
      break;
    }
  }
  for (const re of ALL_PARTS) {
    const m = execIf(re, prompt, lowered);
    const parts = m?.[3] ? singular(lower(m[3])) : undefined;
    if (!m?.[1] || !m[2] || !parts || !m[4] || REPLICA_PARTS.test(parts)) continue;
    const state = lower(m[2])
      .replace(/^(ships|publishes|completes|commits|closes|finishes|releases)$/, (v) => SHIPS_STATE[v] ?? v)
      .replace(/^is released$/, "released");
    const done = pluralDone(lower(m[4]));
    out.push({ kind: "all-parts", noun: singular(lower(m[1])), state, parts, done, quote: m[0] });
    break;
  }
  const [bare, onceActive, passiveOnce] = EXACTLY_ONCE;
  const xb = bare ? gx(bare, prompt) : null;
  const xa = xb ? undefined : onceActive ? gx(onceActive, prompt) : null;
  const xp = xb || xa ? undefined : passiveOnce ? gx(passiveOnce, prompt) : null;
  if (xb?.[1]) {
    const act = ONCE_ACT[lower(xb[1])] ?? "process";
    out.push({ kind: "exactly-once", noun: act === "deliver" ? "message" : "event", act, quote: xb[0] });
  } else if (xa?.[1] && xa[2])
    out.push({ kind: "exactly-once", noun: singular(lower(xa[2])), act: verbBase(lower(xa[1])), quote: xa[0] });
  else if (xp?.[1] && xp[2])
    out.push({ kind: "exactly-once", noun: singular(lower(xp[1])), act: activeOf(lower(xp[2])), quote: xp[0] });
  const survive = parseSurviveLoss(prompt);
  if (survive) out.push(survive);
  const rebuilt = parseRebuiltFrom(prompt);
  if (rebuilt) out.push(rebuilt);
  const writable = parseStayWritable(prompt, lowered);
  if (writable) out.push(writable);
  // everyone sees the same things in the same order, or ends with the same state (engine/stated-order.ts)
  const order = parseSameOrder(prompt);
  if (order) out.push(order);
  // a reader goes back and reads a retained log again from a past position (engine/stated-replay.ts)
  const replay = parseReplay(prompt);
  if (replay) out.push(replay);
  // a hold that lapses and passes on, the old holder's late acts refused (engine/stated-fence.ts)
  const fence = parseFence(prompt);
  if (fence) out.push(fence);
  // a change reaching every copy within a time, or no copy trailing by more (engine/stated-copies.ts)
  const copies = parseCopiesWithin(prompt);
  if (copies) out.push(copies);
  // one agreed answer, never two, while the voters are split or a minority is down (engine/stated-split.ts)
  const split = parseSplit(prompt);
  if (split) out.push(split);
  // long work picks up where it stopped after a crash, never from the start (engine/stated-resume.ts)
  const resume = parseResume(prompt);
  if (resume) out.push(resume);
  return out;
}

/** The places a write is stated to be taken in: every region, both data centres, a region on its own. */
const WRITE_PLACE = String.raw`(?:in|from|within)\s+(?:every|each|any|all|both|all\s+(?:three|four|five|\d+)|a|either|whichever)(?:\s+of)?(?:\s+(?:our|the|its|their))?(?:\s+(?:two|three|four|five|\d+))?(?:\s+(?!(?:even|when|while|if|during)\b)[\w-]+){0,3}?\s+(regions?|data[- ]?cent(?:er|re)s?|datacent(?:er|re)s?)(?:\s+(?:they|it)\s+(?:hit|use|reach))?`;
/** A cut between places, or the loss of one, under which writes must still be taken. */
const WRITE_CUT = String.raw`(?:(?:even\s+)?(?:when|while|if|during|through)\s+(?:an?\s+|the\s+|one\s+(?:of\s+(?:our|the)\s+(?:two|three|\d+)\s+)?)?(?:[\w-]+\s+){0,6}?(?:(cut|cut off|split|partitioned|disconnected|can(?:no|')t reach|cannot reach|lose contact|(?:network\s+|inter-region\s+)?(?:partition|split|outage))|(down|lost|offline|unreachable|goes dark|fails?))\b)`;
/**
 * A store stated to keep taking writes in each of its regions (or data centres) while they are cut off from each
 * other, or while one is down: "carts must stay writable in both regions even when the link between them is cut",
 * "readable and writable in every region even while the regions cannot reach each other", "any region must accept
 * writes during a partition", "keep accepting writes in every region during an inter-region outage".
 */
const STAY_WRITABLE: readonly RegExp[] = [
  new RegExp(
    String.raw`\b${LOSS_SUBJECT}(?:(?:must|should|has to|have to|needs? to|will|can)\s+)?(?:(?:always\s+)?(?:stay|stays|remain|remains|be|keep|keeps)\s+)?(?:(?:readable|available)\s+and\s+)?(?:writ(?:e)?able)(?:\s+and\s+readable)?(?:\s+by\s+[\w-]+\s+id)?(?:\s+${WRITE_PLACE})?(?:,?\s+${WRITE_CUT})?`,
    "gi",
  ),
  new RegExp(
    String.raw`\b(?:${LOSS_SUBJECT}(?:must|should|has to|have to|needs? to|will|can)\s+)?(?:keeps?\s+accepting|accepts?|takes?|keeps?\s+taking)\s+writes\s+${WRITE_PLACE}(?:,?\s+${WRITE_CUT})?`,
    "gi",
  ),
  new RegExp(
    String.raw`\b(any|every|each)\s+(region|data[- ]?cent(?:er|re))\s+(?:must|should|has to|needs? to|will|can)\s+(?:(?:keep|still)\s+)?(?:accept(?:ing)?|tak(?:e|ing))\s+writes\s+${WRITE_CUT}`,
    "gi",
  ),
];

/** Words a stay-writable clause's subject slot may catch that name no record ("stays writable", "always writable"). */
const NOT_A_WRITE_SUBJECT =
  /^(?:readable|available|keep|keeps|stay|stays|remain|remains|always|and|or|but|store|service|system|database|db)$/i;
/** Text before a subject that makes it the object of a preposition ("… in a podcast app must stay writable"). */
const AFTER_PREPOSITION =
  /\b(?:in|of|on|for|at|from|with|by)\s+(?:(?:an?|the|our|their|its|his|her|my|your)\s+)?(?:[\w-]+\s+)?$/i;
/** Words of a cut between places, not a place's loss ("the link between them goes down"). */
const BETWEEN_WORDS =
  /\b(?:link|between|each other|one another|the others|partition\w*|split|cut|disconnected|contact|reach)\b/i;

/** The rule that writes keep being taken in every region under a cut, if the prompt states one (its first). */
function parseStayWritable(prompt: string, lowered = prompt.toLowerCase()): RuleGuarantee | undefined {
  for (const [i, re] of STAY_WRITABLE.entries())
    for (const m of matchesIf(re, prompt, lowered)) {
      // the third form names the place first and no subject ("any region must accept writes during a partition")
      const subject = i === 2 ? undefined : m[1];
      const [, , place, partition, lost] = m;
      // said of regions or data centres, in the place or in the cut ("even when one of our two regions is down")
      const where = place ?? /\b(?:regions?|data[- ]?cent(?:er|re)s?|datacent(?:er|re)s?)\b/i.exec(m[0])?.[0];
      if (!where) continue;
      // a place taken one at a time ("in a region") with no cut says nothing of a cut; "both"/"every" does
      if (!partition && !lost && !/\b(?:every|each|any|all|both|either|whichever)\b/i.test(m[0])) continue;
      const before = prompt.slice(0, m.index ?? 0);
      const noun =
        subject &&
        !NOT_A_LOSS_SUBJECT.test(subject) &&
        !NOT_A_WRITE_SUBJECT.test(subject) &&
        !AFTER_PREPOSITION.test(before)
          ? singular(subject.toLowerCase())
          : "record";
      const unit = /region/i.test(where) ? "region" : "data centre";
      const cut = partition || (lost && BETWEEN_WORDS.test(m[0])) ? "partition" : lost ? "loss" : undefined;
      // the quote runs from the start of its clause, so it holds the words that name what stays writable ("The resume
      // position must …", "temperature) is stored per device and must …")
      const from = Math.max(...[".", ";", ",", ":", "!", "?", "("].map((c) => before.lastIndexOf(c))) + 1;
      const quote = prompt
        .slice(from, (m.index ?? 0) + m[0].length)
        .trim()
        .replace(/^(?:and|or|but)\s+/i, "");
      return { kind: "stay-writable", noun, unit, ...(cut ? { cut } : {}), quote };
    }
  return undefined;
}

/** The state an active verb of a parent leaves it in ("ships" -> shipped). */
const SHIPS_STATE: Readonly<Record<string, string>> = {
  ships: "shipped",
  publishes: "published",
  completes: "complete",
  commits: "committed",
  closes: "closed",
  finishes: "finished",
  releases: "released",
};

/** A participle's active base ("accepted" -> accept, "served" -> serve, "issued" -> issue, "honored" -> honor). */
const activeOf = (v: string): string =>
  /(?:rv|su|us|at|iz|is|ow)ed$/.test(v) && !/(?:ow)ed$/.test(v) ? v.slice(0, -1) : v.replace(/ed$/, "");

const PHRASE = String.raw`([a-z][\w-]*(?: (?!(?:even|if|when|while|and|or|but|so|to|for|in|on|at|by|with)\b)[a-z][\w-]*)?)`;
const ONCE: readonly RegExp[] = [
  // "never runs the same job twice for one schedule slot", "never sends the same alert twice to on-call"
  new RegExp(
    String.raw`\bnever (\w+) the same ${PHRASE} (?:twice|more than once|again)(?: (?:for|per|in|within|during) (?:one|a|an|each|every|the same|any|a single) ${PHRASE})?`,
    // not global: \`exec\` on a global pattern starts where its last match ended, so a second prompt read after a
    // match began there (and reading the same prompt twice could answer differently)
    "i",
  ),
  // "each nightly job runs at most once per night"
  new RegExp(
    String.raw`\b(?:each|every|an?|any|the same) ${PHRASE} (\w+) (?:at most|no more than|only) once (?:per|for each|for|in|within|each|a|an) (?:one |a |an |each |every |the same |single )?${PHRASE}`,
    "i",
  ),
  // "without duplicate pages", "no duplicate notifications"
  // (an article before the noun is no noun: "never duplicate an item" is said of the item)
  /\b(?:without|no|never(?: any)?) (?:duplicate|duplicated|double) (?:(?:an?|any|the) )?(?!(?:even|ever|if|when|while|and|or|but|again)\b)([a-z][\w-]*)/i,
];
const LAST_KNOWN = new RegExp(
  String.raw`\bkeeps? (?:serving|working|running|answering|evaluating|reading|using)(?: (?:from|on|with))? (?:the |its |their |a )?last(?: known| known good| good| fetched| received)? ?([a-z][\w-]*)?\b.{0,40}?\b(?:if|when|while|whenever|even if|even when) (?:the |its |their )?${PHRASE} (?:is|are|goes|go|gets?) (?:down|unreachable|unavailable|offline)`,
  "i",
);

/** A phrase that ends on a modal ("shareholder can"): a subject and its verb, not a noun. */
const MODAL_WORD = /\s(?:can|may|must|should|will|could|would|shall)$/i;

/** The guarantee clauses the prompt states, each with its words. */
export function parseGuarantees(prompt: string): StatedGuarantee[] {
  const out: StatedGuarantee[] = [];
  const [never, each, dup] = ONCE;
  const n = never ? gx(never, prompt) : null;
  // "each shareholder can vote at most once per resolution": a subject that acts names no thing used once, and a
  // modal is never part of a noun (engine/stated-clauses.ts reads the use once per party)
  const e0 = n ? undefined : each ? gx(each, prompt) : null;
  const e = e0 && MODAL_WORD.test(e0[1] ?? "") ? undefined : e0;
  const d = n || e0 ? undefined : dup ? gx(dup, prompt) : null;
  if (n?.[1] && n[2])
    out.push({
      kind: "once",
      noun: singular(n[2].toLowerCase()),
      act: verbBase(n[1].toLowerCase()),
      ...(n[3] ? { scope: n[3].toLowerCase() } : {}),
      // from the start of its clause, so the words that say what does the act stand in the rule's quote
      quote: onceQuote(prompt, n.index, n.index + n[0].length),
    });
  else if (e?.[1] && e[2] && e[3])
    out.push({
      kind: "once",
      noun: singular(e[1].toLowerCase()),
      act: verbBase(e[2].toLowerCase()),
      scope: e[3].toLowerCase(),
      quote: e[0],
    });
  else if (d?.[1]) out.push({ kind: "once", noun: singular(d[1].toLowerCase()), quote: d[0] });
  else if (!parseRuleGuarantees(prompt).some((g) => g.kind === "exactly-once")) {
    // the other words a prompt forbids a repeat in (an input a consumer takes exactly once is its checkpoint's rule) ("never process a patron twice", "every reminder goes out exactly
    // once"), where no reader of a stated clause takes them (engine/stated-once.ts)
    const said = parseOnceSaid(
      prompt,
      guaranteeClauses(prompt).filter((c) => c.kind !== undefined || /\btwice\b/.test(c.verb)),
    );
    if (said) out.push({ kind: "once", ...said });
  }
  const k = gx(LAST_KNOWN, prompt);
  if (k?.[2])
    out.push({
      kind: "last-known",
      what: (k[1] ?? "copy").toLowerCase(),
      dependency: k[2].toLowerCase(),
      // from the start of its clause, so the words that say who keeps serving stand in the rule's quote
      quote: onceQuote(prompt, k.index, k.index + k[0].length),
    });
  out.push(...parseRuleGuarantees(prompt));
  return out;
}

/** A unit of failure a replicated store spreads its copies over, so that losing one whole unit loses no data. */
export type FailureUnit = "zone" | "data centre" | "rack" | "region";
const FAILURE_UNIT = String.raw`(availability[- ]zones?|zones?|azs?|data ?cent(?:er|re)s?|datacent(?:er|re)s?|racks?|regions?)`;
/**
 * A guarantee to survive the loss of one whole failure unit: "survives the loss of an availability zone", "tolerates
 * a rack failure", "survives one zone going down", "keeps serving reads when a data centre fails".
 */
const SURVIVES: readonly RegExp[] = [
  new RegExp(
    String.raw`\b(?:surviv\w*|tolerat\w*|withstand\w*)\s+(?:the\s+)?(?:loss|failure|outage)\s+of\s+(?:an?|one|any|any one|a single|a whole|an entire|one whole|the)\s+${FAILURE_UNIT}\b`,
    "i",
  ),
  new RegExp(
    String.raw`\b(?:surviv\w*|tolerat\w*|withstand\w*)\s+(?:an?|one|any|any one|a single|a whole|an entire|one whole|the)\s+${FAILURE_UNIT}(?:\s+(?:loss|failure|outage|going down|going dark)s?)?\b`,
    "i",
  ),
  new RegExp(
    String.raw`\b(?:when|if|should)\s+(?:an?|one|any|the|a whole|an entire)\s+${FAILURE_UNIT}\s+(?:fails?|goes down|go down|is lost|be lost|goes dark|go dark|goes offline|dies|die|is down)\b`,
    "i",
  ),
];
/** A unit's words as the design names it. */
function failureUnit(words: string): FailureUnit {
  const w = words.toLowerCase();
  if (/^rack/.test(w)) return "rack";
  if (/^region/.test(w)) return "region";
  if (/cent(?:er|re)/.test(w)) return "data centre";
  return "zone";
}
export function parseSurvivedUnit(prompt: string): Stated<FailureUnit> | undefined {
  for (const re of SURVIVES) {
    const m = gx(re, prompt);
    if (m?.[1]) return { value: failureUnit(m[1]), quote: m[0] };
  }
  return undefined;
}
/**
 * Reads whose consistency the caller picks per request: "tunable consistency", "strong or eventual reads (per
 * request)", "per-request consistency", "consistency level per read".
 */
const READ_MODES =
  /\btunable(?: read)? consisten\w*|\b(?:strong(?:ly consistent)?|consistent|linearizable) or eventual(?:ly consistent)? reads?\b|\beventual(?:ly consistent)? or strong(?:ly consistent)? reads?\b|\bper[- ](?:request|read|query|call) consisten\w*|\bconsisten\w* (?:level )?(?:chosen |picked |set )?(?:per|for each|on each) (?:request|read|query|call)\b/i;

/**
 * A repeat forbidden within a window of time: the thing repeated (a URL), the act (a fetch) and the window's length,
 * from "never fetches the same URL twice in one day" or "refetches a page at most once per hour".
 */
export interface RepeatWindow {
  noun: string;
  act: string;
  seconds: number;
  /** The window in the prompt's words ("one day", "hour"). */
  window: string;
  quote: string;
}

const WINDOW_UNIT = String.raw`(?:(?:one|a|an|the same|any|a single|any one) |(\d+|${anyWord(Object.keys(CARDINAL_WORDS))}) )?(${TIME_UNIT_TABLE.map((u) => u.word).join("|")})s?`;
const REPEAT_WINDOW: readonly RegExp[] = [
  new RegExp(
    String.raw`\bnever (\w+) (?:the same|a|an|any|one) ([a-z][\w.-]*(?: [a-z][\w-]*)?) (?:twice|more than once|again) (?:in|within|per|during|inside) ${WINDOW_UNIT}\b`,
    "i",
  ),
  new RegExp(
    String.raw`\b(\w+) (?:a|an|each|any|the same|one|every) ([a-z][\w.-]*(?: [a-z][\w-]*)?) (?:at most|no more than) once (?:per|an?|every|each|in|within) ${WINDOW_UNIT}\b`,
    "i",
  ),
];
/** The thing named before its act: "every job runs at most once per day" (the act is the second group here). */
const REPEAT_WINDOW_NOUN_FIRST = new RegExp(
  String.raw`\b(?:each|every|any) ([a-z][\w.-]*) (\w+) (?:at most|no more than) once (?:per|an?|every|each|in|within) ${WINDOW_UNIT}\b`,
  "i",
);
/** Words before "every X" that are no act ("where every job runs …" names the job first). */
const NOT_AN_ACT = /^(?:where|that|which|who|and|or|so|then|when|while|if|but)$/i;

/** The base form of a verb in the third person ("fetches" -> fetch, "refetches" -> refetch, "crawls" -> crawl). */
const verbBase = (v: string): string =>
  /(?:ch|sh|ss|x)es$/.test(v) ? v.slice(0, -2) : /[^s]s$/.test(v) ? v.slice(0, -1) : v;

/** The repeat the prompt forbids within a window, if it forbids one. */
export function parseRepeatWindow(prompt: string): RepeatWindow | undefined {
  if (!/\b(?:twice|more than once|again|at most once|no more than once)\b/i.test(prompt)) return undefined;
  const f = gx(REPEAT_WINDOW_NOUN_FIRST, prompt);
  const swapped = f?.[1] && f[2] ? ([f[0], f[2], f[1], f[3], f[4]] as const) : undefined;
  for (const m of [...REPEAT_WINDOW.map((re) => gx(re, prompt)), swapped]) {
    if (!m?.[1] || !m[2] || !m[4] || NOT_AN_ACT.test(m[1])) continue;
    const count = m[3] ? (own(CARDINAL_WORDS, m[3].toLowerCase()) ?? Number(m[3])) : 1;
    const unit = m[4].toLowerCase();
    const seconds = count * (timeUnit(unit) ?? 0);
    if (!(seconds > 0)) continue;
    return {
      noun: /\burls?\b/i.test(m[2]) ? m[2] : m[2].toLowerCase(),
      act: verbBase(m[1].toLowerCase()),
      seconds,
      window: count === 1 ? `one ${unit}` : `${count} ${unit}s`,
      quote: m[0],
    };
  }
  return undefined;
}

type Rule<T> = { re: RegExp; value: T };

const DELIVERY: Rule<Delivery>[] = [
  {
    re: /\bexactly[- ]once\b|\bnever (?:be )?(?:double[- ])?(?:charg|process|appl(?:y|i)|deliver|refund|send|sent|bill|pay|paid|run|execut)\w* twice\b|\bno (?:duplicate|double)[- ](?:charges?|payments?|processing|delivery|deliveries|refunds?)\b|\bmust not (?:\w+ ){0,2}twice\b/i,
    value: "exactly-once",
  },
  {
    re: /\bat[- ]least[- ]once\b|\bnever (?:lose|drop) (?:a |any )?(?:message|event|job|task|request)s?\b|\bguaranteed delivery\b/i,
    value: "at-least-once",
  },
  {
    // "at most once per hour" bounds a repeat within a window (parseRepeatWindow), not how a message is delivered;
    // a thing "sold", "redeemed" or "booked at most once" is a uniqueness rule on that thing (one sale per number),
    // never a delivery stance that lets a message be lost
    re: /(?<!\b(?:sold|used|redeemed|claimed|assigned|booked|reserved|allocated|issued|bought|purchased|won|rented|spent|taken|granted|awarded|registered) )\b(?:at[- ]most|no more than)[- ]once\b(?! (?:per|an?|every|each|in|within) (?:(?:one|a|an|any|a single) |\d+ )?(?:second|minute|hour|day|week|month)s?\b)|\bfire[- ]and[- ]forget\b|\bbest[- ]effort delivery\b|\b(?:ok|okay|fine|acceptable) to (?:lose|drop)\b/i,
    value: "at-most-once",
  },
];

const CONSISTENCY: Rule<Consistency>[] = [
  {
    re: /\b(?:linearizab\w*|strong(?:ly)? consisten\w*|external(?:ly)? consisten\w*|strict(?:ly)? serializab\w*|serializab\w*|consensus|single source of truth)\b/i,
    value: "linearizable",
  },
  {
    // a guarantee stated in its own words: every reader sees the newest value once a write is acknowledged ("readers
    // always see the newest price after an update is acknowledged", "no one ever reads a stale balance after a
    // transfer commits", "once an update is acknowledged, every later read returns it") is a linearizable read,
    // whatever the archetype's default
    re: /\balways (?:see|sees|read|reads|get|gets|return|returns|show|shows) the (?:newest|latest|most recent|current|last (?:acknowledged|written|committed))\b[^.;]{0,60}?\b(?:after|once|as soon as)\b[^.;]{0,40}?\b(?:acknowledg|confirm|commit|accept|succeed|written|saved|stored)\w*|\b(?:never|no [a-z]+ ever) (?:see|sees|read|reads|return|returns|show|shows|serve|serves|get|gets) (?:a |an |the )?(?:stale|old|older|outdated|previous)\b[^.;]{0,60}?\b(?:after|once)\b[^.;]{0,40}?\b(?:acknowledg|confirm|commit|accept|succeed|written|saved|stored|updat|chang)\w*|\b(?:once|after|as soon as)\b[^.;]{0,60}?\b(?:acknowledg|confirm|commit|succeed|written|saved)\w*[^.;]{0,20}?\b(?:every|any|all)\s+(?:later|subsequent|following)\s+reads?\b[^.;]{0,40}?\b(?:returns?|sees?|reflects?|shows?)\b|\b(?:every|any|all)\s+(?:later|subsequent)\s+reads?\b[^.;]{0,40}?\b(?:returns?|sees?|reflects?|shows?)\b[^.;]{0,30}?\b(?:acknowledged|committed|latest|newest|last) (?:write|value|update|version)\b/i,
    value: "linearizable",
  },
  {
    re: /\bread[- ](?:your|my|their)[- ](?:own[- ])?writes?\b|\bsession consisten\w*|\bmonotonic reads?\b/i,
    value: "read-your-writes",
  },
  { re: /\bconsistent[- ]prefix\b|\bprefix consisten\w*/i, value: "consistent-prefix" },
  {
    re: /\beventual(?:ly)?[- ]consisten\w*|\blast[- ]writer[- ]wins\b|\blww\b|\bstale reads? (?:are|is) (?:ok|okay|fine|acceptable)\b|\bslightly stale\b/i,
    value: "eventual",
  },
];

const AVAILABILITY: Rule<Availability>[] = [
  {
    re: /\bfail(?:s)?[- ]closed\b|\bcorrectness over availability\b|\bnever (?:grant|give|hand out) (?:\w+ ){0,2}twice\b|\bsplit[- ]brain\b/i,
    value: "fail-closed",
  },
  {
    re: /\bfail(?:s)?[- ]open\b|\bhighly available\b|\bhigh availability\b|\balways (?:be )?(?:available|up|writable)\b|\bstay(?:s)? (?:up|available)\b|\bavailability over consistency\b|(?<!\bdurab\w*\s+(?:of\s+)?)\b99\.9+%(?!\s*(?:(?:of|annual|yearly|object|data)\s+){0,3}durab)/i,
    value: "stay-available",
  },
];

/** The words "at most once" themselves: a stated at-most-once rule, not a never-twice one. */
const AT_MOST_ONCE_WORDS = /\b(?:at[- ]most|no more than)[- ]once\b/i;

const ORDERING: Rule<Ordering>[] = [
  { re: /\b(?:global(?:ly)?|total(?:ly)?|strict(?:ly)?) order(?:ed|ing)?\b|\bsingle global order\b/i, value: "global" },
  {
    re: /\border(?:ed|ing)? (?:per|within (?:a|each|the)) partition\b|\bper[- ]partition order\w*/i,
    value: "per-partition",
  },
  {
    re: /\border(?:ed|ing)? (?:per|for each|within (?:a|each|the)) (?:key|user|account|customer|entity|device|order|document|stream|topic|chat|room|conversation)\b|\bper[- ](?:key|user|account|customer|device|conversation) order\w*|\bper[- ](?!(?:second|minute|hour|day|week|month|year|partition|shard)s?\b)[a-z]+ order(?:ing|ed)\b|\bin[- ]order\b|\bordered delivery\b|\bpreserv\w* (?:the )?order\b|\bfifo\b|\bin the (?:same )?order (?:\w+ ){0,2}(?:sent|submitted|received|enqueued|published|written|created|placed|made|arrived?|arrive)\b|\bin (?:send|arrival|submission) order\b/i,
    value: "per-key",
  },
  {
    // an order said of the items of one thing ("never sees two events of the same order out of sequence", "updates
    // for the same account arrive in sequence"): a per-key order, keyed by that thing
    re: /\b(?:events?|messages?|updates?|changes?|records?|notifications?|commands?|operations?|transactions?) (?:of|for|about) the same [a-z]+ (?:[a-z]+ ){0,3}?(?:out of (?:order|sequence)|in (?:order|sequence))\b/i,
    value: "per-key",
  },
  { re: /\b(?:order|ordering) (?:does not|doesn't|need not) matter\b|\bunordered\b|\bno ordering\b/i, value: "none" },
];

const DURABILITY: Rule<Durability>[] = [
  {
    re: /\bdurabl\w*|\bnever lose\b|\bno data loss\b|\bzero (?:data )?loss\b|\bnever (?:be |get |gets |is |are )?lost\b|\b(?:no|not a single|nothing)\b(?: [\w'-]+){0,3} (?:is|are|gets?|will be|may be|can be|must be|should be) (?:ever )?lost\b|\bmust (?:never|not) be lost\b|\bno (?:\w+ ){1,2}lost (?:when|if|on|after)\b|\bno (?:\w+ ){1,2}(?:is|are|gets?|will be|(?:may|can|must|should) (?:ever )?be) (?:ever )?lost\b|\bnot (?:a single|one) (?:\w+ ){1,2}(?:is|gets?|will be) lost\b|\bpersist\w*|\bsurviv\w* (?:a )?(?:crash|restart|node loss|failure)s?\b|(?<!\b(?:never|not|no|nor|without)\b(?: [\w'-]+){0,3} )\b(?:three|3|two|2|five|5) (?:copies|replicas)\b/i,
    value: "durable",
  },
  {
    re: /\bin[- ]memory only\b|\bbest[- ]effort\b|\b(?:ok|okay|fine|acceptable) to lose\b|\bephemeral\b/i,
    value: "best-effort",
  },
];

/**
 * Words one of which is in the lower-cased text whenever the pattern matches: the letters, digits and
 * spaces each top-level alternative starts with (after `\b` or `^`), without a last character a
 * quantifier makes optional. Undefined when some alternative starts otherwise (a group, a class): then
 * the pattern is always tried. Lets a prompt that names none of a rule's words skip compiling its pattern.
 */
export function leadingWords(re: RegExp): readonly string[] | undefined {
  const src = re.source;
  const alternatives: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) {
      alternatives.push(src.slice(start, i));
      start = i + 1;
    }
  }
  alternatives.push(src.slice(start));
  const words: string[] = [];
  for (const alt of alternatives) {
    const body = alt.replace(/^(?:\\b|\^)+/, "");
    let word = /^[A-Za-z0-9 ]*/.exec(body)?.[0] ?? "";
    const next = body.charAt(word.length);
    if (next === "?" || next === "*" || next === "{") word = word.slice(0, -1);
    if (word.length < 2) return undefined;
    words.push(word.toLowerCase());
  }
  return words;
}

/**
 * False only where a pattern cannot match a text (lowered): the text holds none of the literals listed for it at
 * build time (knowledge/pattern-literals.ts, generated/nfr-literals.ts). A one-shot design then never compiles the
 * pattern (V8 compiles each pattern it runs to machine code, ~0.1-0.3 ms for a long one), and most of these match
 * few prompts. Every gated pattern's literals are one `LiteralIndex`, walked once over a text for all of them (the
 * last two texts' answers kept: a prompt is read as itself and with its dashes made plain), so the check is cheaper
 * than running the compiled patterns for every text, not only a process's first. The answers are the same either way.
 */
export function mayMatch(re: RegExp, lowered: string): boolean {
  gated ??= gatedIndex();
  const place = gated.places.get(re);
  if (place === undefined) return true;
  let held: readonly boolean[];
  if (heldRecent?.lowered === lowered) held = heldRecent.held;
  else if (heldBefore?.lowered === lowered) {
    held = heldBefore.held;
    [heldBefore, heldRecent] = [heldRecent, heldBefore];
  } else {
    held = gated.index.holds(lowered);
    heldBefore = heldRecent;
    heldRecent = { lowered, held };
  }
  return held[place] === true;
}
/** Each gated pattern whose literals are listed (under its own flags and source), by its place in the index. */
let gated: { places: ReadonlyMap<RegExp, number>; index: LazyLiteralIndex } | undefined;
let heldRecent: { lowered: string; held: readonly boolean[] } | undefined;
let heldBefore: { lowered: string; held: readonly boolean[] } | undefined;
function gatedIndex(): { places: ReadonlyMap<RegExp, number>; index: LazyLiteralIndex } {
  const places = new Map<RegExp, number>();
  const lists: (readonly string[])[] = [];
  for (const re of literalGatedPatterns()) {
    const key = patternKey(re);
    if (places.has(re) || !Object.hasOwn(NFR_LITERALS, key)) continue;
    places.set(re, lists.length);
    lists.push(NFR_LITERALS[key] ?? [""]);
  }
  return { places, index: new LazyLiteralIndex(lists) };
}

/** The pattern's match in the text, where the text (lowered) may hold one. */
const execIf = (re: RegExp, text: string, lowered: string): RegExpExecArray | null =>
  mayMatch(re, lowered) ? re.exec(text) : null;

/** The prompt `gx` lowered last: the readers below are each handed the prompt alone, most of them in turn. */
let lastLowered: { text: string; lowered: string } | undefined;
/**
 * `execIf` for a reader handed only the prompt: its match, where the prompt may hold one. A pattern it runs must be
 * one of `literalGatedPatterns` (else it is always run) and neither global nor sticky (a skipped run would leave
 * `lastIndex` where a run that found nothing resets it).
 */
function gx(re: RegExp, text: string): RegExpExecArray | null {
  if (lastLowered?.text !== text) lastLowered = { text, lowered: text.toLowerCase() };
  return execIf(re, text, lastLowered.lowered);
}

/**
 * The matches of a global pattern in the text, none where the text (lowered) cannot hold one. Not `matchAll` of a
 * pattern that matches nothing: V8 still tries that one at every position of the text (a 4,000-character prompt
 * paid ~0.3 ms for two such scans).
 */
const matchesIf = (re: RegExp, text: string, lowered: string): Iterable<RegExpMatchArray> =>
  mayMatch(re, lowered) ? text.matchAll(re) : [];

/** Each rule pattern's leading words, worked out once. */
const LEADING = new Map<RegExp, readonly string[] | undefined>();

/** The first rule (in priority order) whose pattern occurs in the text. */
function first<T>(text: string, rules: Rule<T>[], lowered = text.toLowerCase()): Stated<T> | undefined {
  for (const r of rules) {
    if (!LEADING.has(r.re)) LEADING.set(r.re, leadingWords(r.re));
    const words = LEADING.get(r.re);
    if (words && !words.some((w) => lowered.includes(w))) continue;
    if (!mayMatch(r.re, lowered)) continue;
    const m = r.re.exec(text);
    if (m) return { value: r.value, quote: m[0] };
  }
  return undefined;
}

/** The rule tables `first` reads, for tests. */
export const STATED_RULES: readonly (readonly Rule<string>[])[] = [
  DELIVERY,
  CONSISTENCY,
  AVAILABILITY,
  ORDERING,
  DURABILITY,
];

/* ------------------------------------------------------------------------------------------------
 * Quantities. A small grammar over the prompt text:
 *   quantity := number [multiplier] ["+"] [byte-unit] [noun-phrase] [rate] [scope]
 *   number   := digits ("10", "10,000", "10 000", "3.2e6") | number words ("twenty thousand", "a billion")
 *             | vague amounts ("thousands of", "tens of millions of")
 *   rate     := ("/" | "per" | "a" | "an" | "each" | "every") time-unit      (second … year)
 *   scope    := "per" ["api"] key | user | tenant | node …                    (kept apart from fleet totals)
 * Durations ("10 second TTL", "7 days retention", "within seconds") are read by the words around them.
 * Every token is matched on word boundaries, so "and" is never a unit.
 * ---------------------------------------------------------------------------------------------- */

/** The number words, scale words and set words a count is said in: knowledge/lexicon.ts, the one table of them. */
const SMALL: Record<string, number> = { ...CARDINAL_WORDS, ...SET_WORDS };
const SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, mm: 1e6, mn: 1e6, b: 1e9, bn: 1e9, t: 1e12 };

const BYTE_UNITS: Record<string, number> = {
  b: 1,
  byte: 1,
  bytes: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  pb: 1e15,
  eb: 1e18,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4,
  pib: 1024 ** 5,
  // spelled out ("holding 5 petabytes", "a 20-gigabyte file")
  kilobyte: 1e3,
  kilobytes: 1e3,
  megabyte: 1e6,
  megabytes: 1e6,
  gigabyte: 1e9,
  gigabytes: 1e9,
  terabyte: 1e12,
  terabytes: 1e12,
  petabyte: 1e15,
  petabytes: 1e15,
  exabyte: 1e18,
  exabytes: 1e18,
};

/** Seconds in one time unit, by each of its spellings (knowledge/counted-things.ts `TIME_UNIT_TABLE`). */
const SECONDS: Readonly<Record<string, number>> = Object.fromEntries(
  TIME_UNIT_TABLE.flatMap((u) => u.spellings.map((w) => [w, u.seconds] as const)),
);

function timeUnit(word: string): number | undefined {
  const w = word.toLowerCase().replace(/-/g, "");
  return own(SECONDS, w) ?? own(SECONDS, w.replace(/s$/, ""));
}

const TIME_WORD = anyWord(TIME_UNIT_SPELLINGS);
const LONG_TIME_WORD = "(?:milliseconds?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)";
/** "… per hour", "/day" after a byte amount. */
const PER_TIME = new RegExp(String.raw`^\s*(?:/\s*|(?:per|a|an|each|every)\s+)(${TIME_WORD})\b`, "i");
/**
 * The thing a byte amount measures, between the amount and its period ("3 TB of logs a day", "2 PB of new video per
 * month"): "of" and up to three words, none of them a word that starts another phrase.
 */
const BYTES_OF_THING =
  /^\s+of\s+(?:(?!(?:and|or|but|that|which|with|for|in|on|at|from|by|to|per|a|an|each|every)\b)[a-z][a-z-]*\s+(?:(?:and|or)\s+)?){0,3}(?!(?:and|or|but|that|which|with|for|in|on|at|from|by|to|per|a|an|each|every)\b)[a-z][a-z-]*(?=\s)/i;
/** A passive verb just before a frequency ("are submitted 60,000 times a second"): the thing is acted on that often. */
const PASSIVE_TIMES =
  /\b(?:is|are|was|were|gets?|get|being)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en|wn|ught|id|ld|nt)\s+(?:(?:up to|about|around|roughly|some|over|nearly|almost)\s+)?$/i;
/** The participle of a verb that writes what it acts on ("submitted", "posted", "inserted"). */
const WRITTEN_VERB =
  /\b(?:submitted|posted|written|uploaded|recorded|sent|updated|saved|created|stored|logged|added|placed|published|changed|edited|inserted|appended|set|incremented|reported)\s/i;
/** People or devices said to hold a session at once ("6 million connected", "2 million users online at once"). */
const ONLINE_AFTER =
  /^\s+(?:(?:players?|users?|people|members?|devices?|viewers?|fans?|customers?|clients?|gamers?|learners?|students?)\s+(?:are\s+)?(?:connected|online|concurrently (?:connected|online)|logged[- ]in|signed[- ]in)\b(?!\s+(?:a|an|per|each|every)\s+(?:day|week|month|year)\b)|(?:connected|online|concurrently (?:connected|online))(?=\s*(?:$|[,.;)]|(?:at|in|on|and|or|during|while|with|across|simultaneously|concurrently)\b)))/i;
/** A user base with its noun left out ("80 million players … and 30 million registered"). */
const ELIDED_USERS = /^\s+(?:registered|signed[- ]up)(?=\s*(?:$|[,.;)]|and\b|at\b|in\b|with\b|so\b))/i;
/** "30 times per second", "4 times an hour": how often something happens, a frequency. */
const TIMES_PER = new RegExp(String.raw`^\s*(?:times|x)\s+(?:per|a|an|each|every)\s+(${LONG_TIME_WORD})\b`, "i");
/**
 * Words of a frequency's sentence that make it a subject's state sent to its participants ("state updates reach every
 * player 30 times per second", "the server ticks 60 times a second"): the update rate each participant receives.
 */
const UPDATE_WORDS =
  /\b(?:updates?|updated|state|ticks?|snapshots?|broadcasts?|broadcast(?:ed|ing)?|sent|sends?|pushe[sd]|push|reach\w*|redraw\w*|render\w*|simulat\w*)\b/i;
/** A verb of reading just before a frequency: the thing is read, fetched or served that often. */
const READ_TIMES =
  /\b(?:(?:requested|read|fetched|viewed|downloaded|served|looked up|loaded|accessed|pulled|opened|streamed|resolved|queried|hit)|(?:lookups?|requests?|queries|reads?|calls?|searches)\s+(?:\w+\s+)?(?:arrive|come in|are made))\s+(?:about\s+|around\s+|roughly\s+|some\s+|up to\s+)?$/i;
/** "10 second", "10-second": a duration's unit. */
const IDLE_DURATION = new RegExp(String.raw`^\s+(?:idle|inactive|untouched|unused)\s+(${TIME_WORD})\b`, "i");
const DURATION = new RegExp(String.raw`^[- ]?\s*(${TIME_WORD})\b`, "i");
/**
 * A passive verb between a listed noun and its time unit ("codes are sent per second", "emails get delivered a minute"):
 * the count is still the noun's rate.
 */
const PASSIVE_BEFORE_RATE =
  /^\s+(?:are|is|get|gets|being)\s+(?:sent|issued|delivered|generated|created|requested|texted|e-?mailed|published|produced|processed|written|verified|checked|made)(?:\s+out)?(?=\s)/i;
/** "per minute", "each second", "/ s" after a count's noun. */
const PER_LONG_TIME = new RegExp(
  String.raw`^\s*(?:once\s+)?(?:per[- ]|an?\s+|each\s+|every\s+|/\s*)(${LONG_TIME_WORD}|s|sec|min|h|hr|d|mo|yr)\b`,
  "i",
);

/**
 * A verb that writes the system's own records, straight before a number ("indexes 20,000", "stores about 3,000"): the
 * things it counts are records the system writes, whatever their name.
 */
const WRITES_BEFORE =
  /\b(?:index(?:es|ing)?|stor(?:es|e|ing)|writ(?:es|e|ing)|ingest(?:s|ing)?|sav(?:es|e|ing)|records?|recording|persist(?:s|ing)?|archiv(?:es|e|ing)|append(?:s|ing)?|insert(?:s|ing)?)\s+(?:up to\s+|about\s+|around\s+|roughly\s+|some\s+|over\s+)?$/i;

/**
 * A client's asking verb before "every" ("asks the dispatcher for its next task every"): "requests" or "calls" only as
 * a verb with its object after it, never the noun ("gather request counts … every fifteen seconds" is a scrape).
 */
const ASKING = String.raw`\b(?:asks?|asking|requesting|calling|querying|(?:requests|calls|queries)\s+(?:a|an|the|its|their|for))\b`;
const ASKS_EVERY = new RegExp(String.raw`${ASKING}[^.;,]{0,60}\bevery\s*$`, "i");

/** A verb before a counted noun that reads the things it counts ("serves 10 million files a day"), never writes them. */
const READS_BEFORE =
  /\b(?:serv(?:es|e|ing)|download(?:s|ing)?|read(?:s|ing)?|fetch(?:es|ing)?|view(?:s|ing)?|look(?:s|ing)? up|quer(?:ies|y|ying)|search(?:es|ing)?|get(?:s|ting)?|return(?:s|ing)?|check(?:s|ing)?)\s+(?:up to\s+|about\s+|around\s+|roughly\s+|some\s+|over\s+)?$/i;

/** A preposition that makes the rate after it the input a per-key result is computed over ("counts over 1M events/s"). */
const RATE_AS_INPUT = /\b(?:over|across|from|among|out of)\s+(?:(?:up to|about|around|roughly|some)\s+)?$/i;

/**
 * Machines the work is placed onto ("places 10,000 pods per minute onto 5,000 nodes", "schedules jobs across 2,000
 * machines"): the fleet the placed work runs on, the workers, not hosts the service only watches.
 */
const PLACED_ONTO =
  /\b(?:(?:plac|schedul|assign|pack|bin-pack|dispatch|distribut)\w*\b[^.;]*\b(?:onto|on to|on|across)|run(?:s|ning)?\b[^.;]*\b(?:builds?|jobs?|tasks?|pods?|containers?|workloads?|tests?)\b[^.;]*\b(?:on|onto|across))\s+(?:(?:up to|about|around|roughly|some|over)\s+)?$/i;

/** Scopes a rate can be stated per; such a rate is kept apart from the fleet total. */
const SCOPES: { re: RegExp; scope: "key" | "user" | "tenant" | "node" | "partition" }[] = [
  { re: /^(?:api[- ]?keys?|keys?|clients?|ips?|ip address(?:es)?|tokens?|callers?)$/, scope: "key" },
  { re: /^(?:users?|customers?|accounts?|devices?|members?|players?)$/, scope: "user" },
  { re: /^(?:tenants?|organi[sz]ations?|orgs?|teams?)$/, scope: "tenant" },
  {
    re: /^(?:nodes?|servers?|hosts?|instances?|machines?|gateways?|brokers?|workers?|proxies|proxy|pods?)$/,
    scope: "node",
  },
  { re: /^(?:partitions?|shards?)$/, scope: "partition" },
];
export type RateScope = (typeof SCOPES)[number]["scope"];

function scopeOf(words: string): RateScope | undefined {
  return SCOPES.find((s) => s.re.test(words.toLowerCase().trim()))?.scope;
}

/**
 * Words after "per" that never name a key the rate is counted under: a place or a whole fleet ("per region" is
 * still the fleet's load in that region), an amount ("per cent") or a time unit.
 */
const NOT_A_KEY =
  /^(?:regions?|zones?|data ?cent(?:er|re)s?|clusters?|fleets?|cores?|cpus?|vcpus?|threads?|cent|percent|peak|average|day|days|hour|hours|minute|minutes|second|seconds|month|months|week|weeks|year|years|ms|s|sec|min|h|hr|d)$/;

/**
 * The scope of a rate stated "per <noun>" straight after its time unit: a listed scope, else any other noun is a
 * key the load is counted under ("1 million clicks per second per campaign" is one campaign's rate, not the
 * fleet's), so the rate is kept apart from the fleet total like a per-key rate.
 */
function scopeAfterRate(word: string): RateScope | undefined {
  const w = word.toLowerCase().trim();
  return scopeOf(w) ?? (NOT_A_KEY.test(w) || STOP.has(w) ? undefined : "key");
}

/**
 * One thing of many said to receive a rate: "a big story can get", "one viral post draws", "a popular video receives",
 * "the hottest thread sees". Group 1 is the thing's noun.
 */
const ONE_THING_GETS =
  /\b(?:a|an|one|a single|the (?:hottest|busiest|biggest|most popular))\s+(?:(?:big|busy|popular|hot|viral|large|famous|trending|breaking|major|single|celebrity(?:'s)?)\s+)*([a-z]+)\s+(?:can\s+|may\s+|might\s+|could\s+|will\s+|sometimes\s+|often\s+)?(?:gets?|draws?|receives?|attracts?|sees?|takes?|collects?|racks? up|pulls? in|reach(?:es)?|hits?|peaks? at)\s+(?:up to\s+|about\s+|around\s+|over\s+|more than\s+|as many as\s+)?$/i;
/**
 * The hot few of many said as a plural subject that reaches a rate: "viral videos reach 100,000 views per second",
 * "trending posts can get 50,000 likes a minute", "the most popular items see …". The adjective that singles them
 * out is required: each of them is one key at that rate, never the fleet ("videos get 2 billion views a day" is the
 * whole platform's). Group 1 is the thing's noun.
 */
const HOT_THINGS_GET =
  /(?:^\s*|[^a-z\s]\s*|\b(?:and|but|while|when|where|so|some|the|its|their|our)\s+)(?:(?:(?:the\s+)?(?:most\s+popular|hottest|busiest|biggest)|popular|hot|viral|trending|celebrity|breaking|famous)\s+)+([a-z]+s)\s+(?:can\s+|may\s+|might\s+|could\s+|will\s+|sometimes\s+|often\s+|routinely\s+)?(?:get|draw|receive|attract|see|take|collect|rack up|pull in|reach|hit|peak at)\s+(?:up to\s+|about\s+|around\s+|over\s+|more than\s+|as many as\s+)?$/i;
/** How often one source backs up: "backs up every hour", "is backed up every 6 hours", "backs up nightly". */
const BACKS_UP_EVERY =
  /\bback(?:s|ed|ing)?[ -]up\s+(?:(?:once|automatically|incrementally)\s+)?(?:every\s+(?:(\d+|two|three|four|six|eight|twelve|few)\s+)?(minutes?|hours?|days?)\b|(hourly|daily|nightly)\b)/i;

/**
 * A burst of bids on one item in its closing moments: "hundreds of bids in the final seconds", "800 bids in an
 * auction's last minute", "dozens of offers during the last few seconds". Group 1 the count, 2 the noun, 3 a count of
 * the time unit, 4 the unit.
 */
const CLOSING_BURST =
  /\b(\d[\d,]*|hundreds|thousands|dozens|tens of thousands|hundreds of thousands)\s+(?:of\s+)?(bids|offers|bidders' bids)\s+(?:in|during|within|over)\s+(?:the|its|their|an auction's|the auction's|an item's)\s+(?:final|last|closing|dying)\s+(?:(few|several|\d+|two|three|five|ten|thirty)\s+)?(seconds?|minutes?)\b/i;
/** Nouns that name the whole system, whose rate a "gets N a second" states: "a busy site gets 50,000 requests a second". */
const WHOLE_SYSTEM =
  /^(?:site|website|service|system|platform|app|application|cluster|fleet|company|business|api|product|backend|network|deployment|region|day|peak|minute|second|hour|week|month|year)$/i;

/** "times for every write", "times as often as it is written", "times between edits": how many reads one write has. */
const READS_PER_WRITE =
  /^\s*(?:of\s+)?times\s+(?:for\s+(?:every|each)|per|to\s+(?:every|each)|between|as\s+often\s+as\s+(?:it\s+is\s+|they\s+are\s+)?)\s*(?:(?:a|one|single)\s+)?(?:writes?|updates?|edits?|changes?|modifications?|written|updated|edited|changed)\b/i;

/**
 * A plan's or tier's members said as a rate's subject ("free-tier users may generate at most 20 images a day", "free
 * keys get 60 calls a minute", "paid accounts get …"): the rate is each member's allowance, never the fleet's load.
 * Group 1 is the member noun.
 */
const TIER_SUBJECT =
  /\b(?:free|paid|premium|pro|basic|standard|enterprise|trial|business|starter|gold|silver|bronze)(?:[- ](?:tier|plan))?\s+((?:api[- ])?[a-z]+?)(?:\s+of\s+[^,;]*?)?\s+(?:(?:may|can|will|are allowed to|each)\s+)?(?:get|gets|have|has|may|can|send|make|submit|generate|create|run|call|use|are allowed|is allowed|allowed)\b[^.;]*$/i;
/**
 * "No research group may submit more than 2,000 jobs per hour": a limit each one of a kind of thing is held to, so
 * the rate is one scope's. Group 1 is the thing's noun.
 */
const NONE_MAY_EXCEED =
  /\bno\s+(?:single\s+|one\s+)?(?:[a-z]+\s+)?([a-z]+)\s+(?:may|can|should|is allowed to|gets? to)\s+[a-z]+\s+(?:more than|over|above|beyond)\s+$/i;
/** The owners a limit is held per, beside the rate scopes: a group or project is a tenant of a shared system. */
const GROUP_SCOPE = /^(?:groups?|projects?|labs?|workspaces?|departments?)$/i;

/** The words after a limit's owner that cap the rate said next: "is limited to", "may make at most", "gets up to". */
const CAPPED_AT = String.raw`(?:at\s+most|up\s+to|no\s+more\s+than|not\s+more\s+than|a\s+maximum\s+of|a\s+max\s+of|a\s+(?:rate\s+)?limit\s+of|a\s+quota\s+of|an\s+allowance\s+of)`;
const LIMIT_VERB = String.raw`(?:make|send|issue|submit|call|use|get|have|perform|place|fire|run)`;
/**
 * A limit said of an owner of any kind before its rate, each a budget key the limiter counts apart ("per-merchant limits
 * of 600 requests per minute", "each seller is limited to 5,000 requests an hour", "every app may make at most 100
 * calls a second", "merchants get at most 600 requests per minute"): the rate is one owner's allowance, never the
 * fleet's load. Group 1 (or 2, 3, 4) is the owner's noun.
 */
const LIMIT_OWNER_BEFORE = new RegExp(
  [
    String.raw`\bper[- ]((?:api[- ])?[a-z]+)\s+(?:rate[- ]?)?(?:limits?|quotas?|caps?|allowances?|budgets?)\s+(?:(?:of|at|is|are|set\s+(?:at|to))\s+)?(?:(?:up\s+to|at\s+most|about|around)\s+)?$`,
    String.raw`\b(?:each|every|any|a\s+single|one|a|an|the)\s+(?:[a-z]+[- ])?(?!(?:is|are|was|may|can|gets?|has|have)\b)([a-z]+)\s+(?:is\s+)?(?:limited|capped|throttled|restricted|held)\s+(?:to|at)\s+(?:(?:at\s+most|up\s+to|about)\s+)?$`,
    String.raw`\b(?:each|every|any|a\s+single|one)\s+(?:[a-z]+[- ])?(?!(?:is|are|was|may|can|gets?|has|have)\b)([a-z]+)\s+(?:may|can|gets?|has|is\s+allowed(?:\s+to)?)\s+(?:${LIMIT_VERB}\s+)?(?:${CAPPED_AT}\s+)?$`,
    String.raw`\b([a-z]+s)\s+(?:(?:are\s+(?:limited|capped|throttled|restricted|held)\s+(?:to|at)\s+(?:(?:at\s+most|up\s+to)\s+)?)|(?:(?:may|can|get|have|are\s+allowed(?:\s+to)?)\s+(?:${LIMIT_VERB}\s+)?${CAPPED_AT}\s+))$`,
  ].join("|"),
  "i",
);
/** Nouns that are the limited acts themselves or the whole system, never an owner a limit is held per. */
const NOT_AN_OWNER =
  /^(?:requests?|calls?|messages?|events?|writes?|reads?|quer(?:y|ies)|operations?|ops|transactions?|uploads?|downloads?|jobs?|tasks?|the|a|an|it|they|this|that|limits?|quotas?)$/i;

/**
 * The scope of a limit said of an owner before its rate: a listed scope, a group a tenant, else any other owner (a
 * merchant, an app, a seller) a key the limiter counts apart; never an act, a place or a time.
 */
function limitOwnerScope(owner: string): RateScope | undefined {
  const w = owner.toLowerCase().trim();
  if (NOT_AN_OWNER.test(w)) return undefined;
  return scopeOf(w) ?? (GROUP_SCOPE.test(w) ? "tenant" : scopeAfterRate(w));
}

/**
 * A second tier's allowance said with its number alone, after a first tier's rate ("…, paid users 500", "and paid
 * users 2,000", "paid keys 6,000"): the same unit and window as the first. Group 1 is the tier's member noun, 2 the
 * number.
 */
const NEXT_TIER =
  /^\s*(?:,\s*|\.\s*)?(?:(?:and|while|but|whereas)\s+)?(?:the\s+)?(?:free|paid|premium|pro|basic|standard|enterprise|trial|business|starter|gold|silver|bronze)(?:[- ](?:tier|plan))?\s+((?:api[- ])?[a-z]+)\s+(?:(?:get|gets|have|has|may make|may send|can make|up to|at most)\s+)?(\d{1,3}(?:,\d{3})+|\d+)(?=\s*(?:$|[.,;)]|and\b|but\b))/i;

/** Words that make a rate held per owner a limit: the window of its unit is the quota's ("a rate limiter that lets each …"). */
const LIMIT_WORDS =
  /\b(?:rate[- ]?limit\w*|limit\w*|quotas?|throttl\w*|capped|caps?|allowances?|allow(?:s|ed|ing)?|lets?|permit\w*|at\s+most|no\s+more\s+than|up\s+to)\b/i;

/** The sentence a span of the text stands in (a point inside a number is no sentence end). */
const sentenceAround = (t: string, start: number, end: number): string => {
  const before =
    t
      .slice(0, start)
      .split(/[;!?]|[.](?!\d)/)
      .pop() ?? "";
  const after = /^[^;!?]*?(?:[.](?!\d)|$)/.exec(t.slice(end))?.[0] ?? "";
  return `${before}${t.slice(start, end)}${after}`;
};

/** A place that people live in, said just before its population: "a city of", "a country with", "a metro area of about". */
const PLACE_OF_BEFORE =
  /\b(?:(?:a|an|the|one|our|its|their|this|that)\s+)?(?:[a-z][\w-]*\s+)?(?:city|cities|town|village|country|nation|state|province|region|metro(?:politan)?(?:\s+area)?|island|county|municipality|capital|market)\s+(?:of|with|home\s+to|that\s+has|housing)\s+(?:(?:about|around|roughly|some|over|nearly|almost|more\s+than|under|up\s+to)\s+)?$/i;
/** The people after a place's count, or none ("a city of 2 million people", "a country of 60 million;"). */
const PLACE_PEOPLE_AFTER =
  /^(?:\s+(?:people|persons|residents|inhabitants|citizens|souls|population)\b|(?=\s*(?:$|[,.;:)]|\s(?:and|where|with|that|which|who|in|on|so|but|while|whose)\b)))/i;
/** People said to live in a place by their noun alone ("its 800,000 residents", "3 million inhabitants"). */
const RESIDENTS_AFTER = /^\s+(?:residents|inhabitants|citizens)\b/i;

/** What a duration of media is: "hours of video", "minutes of audio", "hours of uploads", "hours of new footage". */
const MEDIA_NOUN = String.raw`(?:[a-z][\w-]*\s+){0,2}?(?:videos?|audio|footage|media|recordings?|uploads?|music|speech|calls?|podcasts?|content|streams?|movies?|films?|lectures?|episodes?|clips?|sound|voice(?:\s+notes?)?)`;
/**
 * A duration of media and the period it arrives in: "hours of video uploaded every minute", "minutes of audio per
 * hour", "hours of uploads a minute", "hours of video are uploaded to the site every minute". Group 1 the media's
 * unit, 2 the period's.
 */
const MEDIA_PER_TIME = new RegExp(
  String.raw`^[- ]?\s*(${LONG_TIME_WORD})\s+of\s+${MEDIA_NOUN}\b(?:\s+(?!(?:per|a|an|each|every|and|but|while|which|that)\b)[a-z][\w'-]*){0,5}?\s*,?\s+(?:per|a|an|each|every)\s+(${LONG_TIME_WORD})\b`,
  "i",
);
/** A duration of media with its period said before it ("every minute, 500 hours of video …"). Group 1 the unit. */
const MEDIA_AMOUNT = new RegExp(String.raw`^[- ]?\s*(${LONG_TIME_WORD})\s+of\s+${MEDIA_NOUN}\b`, "i");
/** The period said before an amount of media: "every minute, ", "each hour ". Group 1 the unit. */
const MEDIA_PERIOD_BEFORE = new RegExp(String.raw`\b(?:every|each|per)\s+(${LONG_TIME_WORD})\s*,?\s*$`, "i");

/** A window of several time units after a rate's noun ("per 15 minutes"; "every 10 seconds" is a period read elsewhere). Group 1 the count, 2 the unit. */
const PER_SPAN = new RegExp(String.raw`^\s*per\s+(\d{1,3})[- ](${LONG_TIME_WORD})\b`, "i");
/**
 * "allows each of 50 million API keys 900 requests …", "gives every tenant 500 jobs an hour": an allowance handed to
 * each member of a kind, so the rate after it is one member's. Group 1 is the member noun.
 */
const ALLOWS_EACH =
  /\b(?:allow\w*|gives?|grants?|lets?)\s+(?:each|every)\s+(?:of\s+(?:the\s+|its\s+|our\s+|their\s+)?(?:[\d,.]+\s*(?:thousand|million|billion|[kmb])?\s+)?)?((?:api[- ])?[a-z]+)\s+$/i;
/** The end of a rate's time unit ("… a minute "): a "per …" straight after it scopes that rate, not a later one. */
const AFTER_TIME_UNIT = new RegExp(String.raw`\b${LONG_TIME_WORD}\s+$`, "i");

/** A period straight after a count's noun ("hosts every minute", "meters once each hour"). */
const PERIOD_OF_COUNT = new RegExp(
  String.raw`^\s*(?:once\s+)?(?:every|each)\s+(${LONG_TIME_WORD}|s|sec|min|h|hr|d)\b`,
  "i",
);

/** The most words an unlisted noun said with a rate may take ("3,000 vessel GPS pings per second"). */
const UNLISTED_RATE_WORDS = 3;

/** Words that may stand between a number and its noun without being the noun ("10M daily active users"). */
const STOP = new Set([
  "per",
  "a",
  "an",
  "each",
  "every",
  "and",
  "or",
  "but",
  "with",
  "at",
  "in",
  "to",
  "for",
  "across",
  "from",
  "on",
  "of",
  "that",
  "which",
  "while",
  "is",
  "are",
  "the",
  "by",
  "within",
  "under",
  "once",
]);

/** A plural noun straight before "at" and a rate's figure ("IDs at", "events at about"): the thing the rate counts. */
const NOUN_AT_BEFORE = /\b([a-z][a-z-]*s)\s+at\s+(?:about\s+|around\s+|roughly\s+|up to\s+|a rate of\s+)?$/i;

/** The stated noun a phrase starts with at word `i`, longest first. */
function nounAt(
  words: readonly string[],
  i: number,
): { entry: (typeof NOUNS)[number]; noun: string; used: number } | undefined {
  for (const len of [3, 2, 1]) {
    if (i + len > words.length) continue;
    const cand = words.slice(i, i + len).join(" ");
    const entry = NOUNS.find((n) => n.re.test(cand));
    if (entry) return { entry, noun: cand, used: i + len };
  }
  return undefined;
}

/** A verb of contending straight after a count of people: they want the same things at the same moment. */
const CONTEND =
  /^\s+(?:all\s+|who\s+|that\s+)?(?:(?:race|racing|races|compete|competing|competes|rush|rushing|rushes|scramble|scrambling|fight|fighting|vie|vying|line up|lining up|queue|queuing|queueing)\b(?:\s+(?:to\s+(?:buy|book|get|grab)\s+)?for\b)?|(?:(?:try|tries|trying|attempt|attempts|attempting|want|wants|wanting|hope|hoping|show up|showing up|arrive|arriving|log on|logging on|hit the site)\s+(?:at once\s+)?to\s+(?:buy|book|get|grab|snap up|purchase|reserve)|buy|book|grab|snap up|purchase|reserve|(?:arrive|arrives|arriving|show up|shows up|showing up|pour in|pouring in|flood in|flooding in)(?=[^.;!?]*\b(?:in|within|during|over)\s+(?:the\s+(?:first|opening)\b|(?:just\s+|only\s+)?(?:a\s+few|a\s+couple\s+of|several|\d+(?:\.\d+)?|two|three|four|five|ten|fifteen|twenty|thirty)\s+(?:seconds|minutes|hours)\b)))\b)/i;

/**
 * The window a burst of contenders arrives in, said in the contenders' clause: "in the first minute", "within the first
 * 10 minutes", "during the first hour", "in 30 seconds". Group 1 is the count (absent: one), group 2 the time unit.
 */
const ARRIVAL_WINDOW =
  /\b(?:in|within|during|over)\s+(?:just\s+|only\s+)?(?:the\s+(?:first|opening)\s+)?(?:(\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|ten|fifteen|twenty|thirty|(?:a\s+)?few|a\s+couple\s+of|several)\s+)?(seconds?|secs?|minutes?|mins?|hours?|hrs?)\b/i;

/**
 * The stated noun of a phrase: the first one found, unless another follows it straight away, which is then the
 * phrase's head and the first only its modifier ("key lookups" are lookups, "user sessions" sessions, "order
 * events" events; "servers running agents" stays servers, and "users post" is a subject and its verb).
 */
function nounOf(words: readonly string[]): { entry: (typeof NOUNS)[number]; noun: string; used: number } | undefined {
  for (let i = 0; i < words.length; i++) {
    let hit = nounAt(words, i);
    // "9,000 supermarkets change shelf prices", "2,000 engineers change flags": a plural no entry lists, then a word
    // of an act in its plain form, is the counted subject and its verb; the act is no noun of the count
    const subject = words[i - 1] ?? "";
    if (
      hit?.entry.rate &&
      !hit.entry.count &&
      !/s$/.test(words[i] ?? "") &&
      POPULATION_HEAD.test(subject) &&
      !NOT_A_POPULATION.test(subject)
    )
      return undefined;
    // a modifier noun is singular and its head plural ("key lookups"); "users post …" is a subject and its verb
    const compound = (a: string, b: string) => !/[^s]s$/.test(a) && /s$/.test(b);
    for (
      let next = hit ? nounAt(words, hit.used) : undefined;
      hit && next && compound(hit.noun, next.noun);
      next = nounAt(words, next.used)
    )
      // "workflow executions", "job runs": a head that counts occurrences keeps its modifier's kind
      hit =
        hit.entry.rate && OCCURRENCE_HEADS.test(next.noun)
          ? { entry: hit.entry, noun: `${hit.noun} ${next.noun}`, used: next.used }
          : // "GET requests", "read requests", "write calls": requests of a read or write kind are requests and reads
            // (or writes) too, so the figures that count reads read the stated rate
            KINDED_RATES.has(hit.entry.rate ?? "") && next.entry.rate === "requests_per_sec" && !next.entry.also
            ? { entry: kindedRequests(hit.entry.rate as string, next.entry), noun: next.noun, used: next.used }
            : next;
    if (hit) return hit;
  }
  return undefined;
}

/** Rates a request's kind names ("GET requests" are reads, "PUT requests" writes). */
const KINDED_RATES: ReadonlySet<string> = new Set(["reads_per_sec", "writes_per_sec"]);
const KINDED = new Map<string, (typeof NOUNS)[number]>();
/** The requests entry that also states the kind's rate, made once per kind. */
function kindedRequests(rate: string, requests: (typeof NOUNS)[number]): (typeof NOUNS)[number] {
  let e = KINDED.get(rate);
  if (!e) {
    e = { ...requests, also: rate };
    KINDED.set(rate, e);
  }
  return e;
}

interface NumberMatch {
  value: number;
  start: number;
  end: number;
}

/** The number words a count is written in (knowledge/lexicon.ts `CARDINAL_WORDS`) and the scale words after them. */
const CARDINALS = Object.keys(CARDINAL_WORDS);
const SCALES = Object.keys(SCALE_WORDS);
// "couple" counts only after its article ("a couple of regions"), never as a verb ("couple the services")
const SETS = Object.keys(SET_WORDS).map((w) => (w === "couple" ? String.raw`(?<=\ban? )couple` : w));
const FRACTIONS = `(?:${Object.keys(FRACTION_WORDS).join("|")})`;
const NUMBER_RE = new RegExp(
  [
    // vague amounts: "thousands of", "tens of millions of", "hundreds of"
    String.raw`\b(?<vague>(?:(?:tens|hundreds) of )?(?:dozens|hundreds|thousands|millions|billions)) of\b`,
    // digits: "10,000", "10 000", "3.2e6", "1.5", with an optional suffix or scale word(s)
    String.raw`(?<![\w.])(?<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.])|\d+(?:\.\d+)?(?:e[+-]?\d+)?)(?:[ ]?(?<suffix>k|mm|mn|m|bn|b|t)(?![a-z])|(?<scales>(?:[ -](?:hundred|thousand|million|billion|trillion))+))?`,
    // number words: "twenty thousand", "a billion", "two hundred and fifty", "a dozen", "three", "twenty-five",
    // "half a million", "a quarter of a million", "a couple of thousand"
    String.raw`\b(?<words>(?:(?:${FRACTIONS}|a[ ]${FRACTIONS}[ ]of)[ ](?:a|an)[ ](?=(?:${[...SETS, ...SCALES].join("|")})\b)|(?:a|an)[ ](?=(?:${[...SETS, ...SCALES].join("|")})\b))?(?:${[...CARDINALS, ...SETS, ...SCALES].join("|")})(?:(?:[ -]|[ ]and[ ]|(?<=\bcouple)[ ]of[ ](?=(?:${[...CARDINALS, ...SCALES].join("|")})\b))(?:${[...CARDINALS.filter((w) => w !== "zero"), ...SCALES].join("|")})\b)*(?:(?<=\bcouple)[ ]of(?=[ ]))?)\b`,
  ].join("|"),
  "gi",
);

const VAGUE: Record<string, number> = {
  dozens: 12,
  hundreds: 100,
  thousands: 1e3,
  millions: 1e6,
  billions: 1e9,
  "tens of thousands": 1e4,
  "hundreds of thousands": 1e5,
  "tens of millions": 1e7,
  "hundreds of millions": 1e8,
  "tens of billions": 1e10,
  "hundreds of billions": 1e11,
};

/**
 * "twenty thousand" -> 20000, "two hundred and fifty" -> 250, "a billion" -> 1e9, "half a million" -> 500000, "a couple
 * of thousand" -> 2000.
 */
export function wordsToNumber(text: string): number | undefined {
  let total = 0;
  let current = 0;
  let any = false;
  // a fraction said before "a" and a scale word takes that share of it ("half a million")
  let fraction: number | undefined;
  for (const w of text.toLowerCase().split(/[ -]+/)) {
    if (w === "and" || w === "of" || w === "") continue;
    const part = own(FRACTION_WORDS, w);
    if (part !== undefined) {
      fraction = part;
      continue;
    }
    // an article counts one of what follows ("a billion", "a dozen"): the word after it says how many
    if (w === "a" || w === "an") continue;
    const small = own(SMALL, w);
    if (small !== undefined) {
      // "half a dozen" is six; otherwise words add ("twenty-five")
      if (fraction !== undefined) current += fraction * small;
      else current += small;
      fraction = undefined;
      any = true;
      continue;
    }
    const sc = own(SCALE_WORDS, w);
    if (sc === undefined) return undefined;
    any = true;
    if (fraction !== undefined) {
      current = (current || 1) * fraction;
      fraction = undefined;
    }
    if (sc === 100) current = (current || 1) * 100;
    else {
      total += (current || 1) * sc;
      current = 0;
    }
  }
  return any ? total + current : undefined;
}

/**
 * The amounts written in a text, in order. The last text's are kept (frozen): the scale reader and the unread-amount
 * reader each read the same prompt.
 */
function findNumbers(t: string): readonly NumberMatch[] {
  if (numbersOf?.[0] === t) return numbersOf[1];
  const out = readNumbers(t);
  numbersOf = [t, Object.freeze(out.map((n) => Object.freeze(n)))];
  return numbersOf[1];
}
let numbersOf: [string, readonly NumberMatch[]] | undefined;

function readNumbers(t: string): NumberMatch[] {
  const out: NumberMatch[] = [];
  for (const m of t.matchAll(NUMBER_RE)) {
    const g = m.groups ?? {};
    const start = m.index ?? 0;
    let value: number | undefined;
    if (g.vague) value = own(VAGUE, g.vague.toLowerCase());
    else if (g.digits) {
      const base = Number(g.digits.replace(/[, \u00a0\u202f]/g, ""));
      const suffix = g.suffix?.toLowerCase();
      const after = t.slice(start + m[0].length);
      // "5m users" is five million, but "5 m" before a time word or "500 b" alone is not a multiplier.
      // ("100M-item catalog" joins its noun with a dash: still a hundred million)
      if (suffix && (suffix === "m" || suffix === "b") && !/^(?:\+?\s*|-)[a-z]/i.test(after)) {
        out.push({ value: base, start, end: start + g.digits.length });
        continue;
      }
      value = base * (suffix ? (own(SUFFIX, suffix) ?? 1) : 1);
      if (g.scales)
        for (const w of g.scales.split(/[\s-]+/).filter(Boolean)) value *= own(SCALE_WORDS, w.toLowerCase()) ?? 1;
    } else if (g.words) value = wordsToNumber(g.words);
    if (value === undefined || !Number.isFinite(value)) continue;
    out.push({ value, start, end: start + m[0].length });
  }
  // "keep them for a year", "traces are kept for a week": an article before a unit of days or more, after the "for"
  // of a keeping verb, is one of that unit, a retention like "for 1 year" (elsewhere "a day" is a rate's unit)
  let kept = false;
  for (const m of t.matchAll(KEPT_FOR_A)) {
    const start = (m.index ?? 0) + m[0].length - (m[1] ?? "").length;
    if (
      !KEEPING_VERB.test(
        t
          .slice(Math.max(0, start - 60), start)
          .split(/[.;:!?,]/)
          .pop() ?? "",
      )
    )
      continue;
    out.push({ value: 1, start, end: start + (m[1] ?? "").length });
    kept = true;
  }
  return kept ? out.sort((a, b) => a.start - b.start) : out;
}

/** An article after "for" before a unit of days or more ("for a week"): group 1 is the article. */
const KEPT_FOR_A = /\bfor\s+(an?)(?=\s+(?:day|week|month|year|decade)\b)/gi;
/** A verb that keeps data, read in the clause before "for a …". */
const KEEPING_VERB = /\b(?:keep|keeps|kept|keeping|retain\w*|stored|storing|archived|archiving|downsampl\w*)\b/i;

type Scale = Record<string, Stated<number>>;

/** Words just before a size that make it the largest one ("files up to 10 GB", "objects of at most 5 TB"). */
const MOST_BYTES_BEFORE =
  /\b(?:[a-z]+\s+(?:of\s+|with\s+)?)?(?:up to|at most|as large as|as big as|no (?:larger|bigger) than|max(?:imum)?(?: size)?(?: of)?)\s+$/i;

/** The most availability zones a cloud region offers: a bare count of zones above it counts areas of a map. */
const AVAILABILITY_ZONES_MAX = 6;

/**
 * How a vague amount ("thousands of bidders") is read: the least the word says, said as a reading beside the quote,
 * so the figure that rests on it shows it is a floor taken for the number, not a number the prompt gives.
 */
function vagueReading(t: string, n: NumberMatch): string | undefined {
  const said = t.slice(n.start, n.end).replace(/\s+of$/i, "");
  if (!/^(?:(?:tens|hundreds) of )?(?:dozens|hundreds|thousands|millions|billions)$/i.test(said)) return undefined;
  return `${n.value.toLocaleString("en-US")}, the least '${said.toLowerCase()}' says`;
}

function setScale(scale: Scale, id: string, value: number, quote: string, reading?: string) {
  if (!Number.isFinite(value) || value <= 0) return;
  if (scale[id] === undefined)
    scale[id] = { value, quote: quote.trim().replace(/\s+/g, " "), ...(reading ? { reading } : {}) };
}

/** A shared subject sized by its people: "100-player matches", "an 8-person room". */
const SIZED_SUBJECT =
  /\b(\d{1,5})[- ](?:players?|person|people|members?|users?)[- ](?:matches|match|games?|rooms?|lobbies|lobby|sessions?|races?|servers?|channels?|calls?|meetings?)\b/i;
/** An organisation sized by its people: "a 2,000-person office", "a 5,000-employee company". */
const ORG_SIZE =
  /\b(\d{1,3}(?:,\d{3})+|\d{1,7})[- ](?:person|people|employee|staff|student|seat)[- ](?:office|company|firm|organi[sz]ation|org|school|university|college|hospital|department|agency|business|startup|enterprise|workforce|campus|nonprofit|charity|law firm|bank|factory)\b/i;
/** A game's words: a tick rate is read only where one is spoken of. */
/** The words after a live stream's delay bound that say it is one ("5 seconds of delay", "10 s of glass-to-glass lag"). */
const LIVE_DELAY_AFTER =
  /^\s*of\s+(?:end-to-end\s+|glass-to-glass\s+|stream(?:ing)?\s+|broadcast\s+|live\s+|playback\s+|viewer\s+)?(?:delay|lag|latency)\b/i;

/** Words of a prompt about a live broadcast: one source watched by many as it happens. */
const LIVE_WORDS = /\b(?:live|livestream\w*|streamers?|broadcast\w*|webinars?|viewers)\b/i;

/**
 * "one streamer can reach 2 million concurrent viewers", "one presenter reaches 300,000 live viewers": the audience of
 * one stream, said by one source before the people watching it at once (its fan-out, not that many streams).
 */
const ONE_SOURCE =
  /\b(?:one|a single|each|any|every|per|the same|a|an)\s+(?:popular\s+|live\s+|big\s+)?(?:streamers?|streams?|channels?|broadcasters?|broadcasts?|presenters?|hosts?|creators?|speakers?|webinars?|events?|match(?:es)?|games?|concerts?|shows?)\b[^.;,]*$/i;
const AUDIENCE_QUOTE =
  /\b(?:concurrent|simultaneous|live)\s+(?:viewers|watchers|listeners|spectators|fans|attendees)\b/i;

const GAME_WORDS = /\b(?:games?|gaming|multiplayer|matches|players?)\b/i;
/**
 * A game server's tick rate: "60 Hz", "64-tick", "a tick rate of 30", or state, updates or snapshots sent "30 times
 * per second" (never a request rate: "read 80,000 times a second" has no update noun before it).
 */
const TICK_RATE =
  /\b(\d{1,3})\s*(?:hz|hertz)\b|\b(\d{1,3})[- ]ticks?\b|\btick[- ]?rate (?:of |is |at )?(\d{1,3})\b|\b(?:updates?|snapshots?|state|positions?|ticks?)\b[^.;]{0,60}?\b(\d{1,3}) times (?:per|a|each) second\b/i;

/** Words that make a duration a failover bound ("fails over within 5 seconds", "a new leader within 2 s"). */
const FAILOVER_WORDS =
  /\b(?:fail(?:s|ed|ing)?[- ]?over|failovers?|takes? over|taking over|releas(?:e|es|ed|ing) (?:a |the )?(?:dead|crashed|failed) (?:holder|owner|client)'s (?:lock|lease)|(?:elects?|elected|electing|election of|picks?) a new (?:leader|primary|master|owner)|new (?:leader|primary|master) (?:is )?(?:elected|chosen|takes over)|re-?elect\w*|recover(?:s|y)? from (?:a )?(?:crash|failure)\w*|(?:dead|failed|failing|crashed)\s+(?:[\w'-]+\s+){1,2}(?:(?:must|should|will|is|are|gets?|to)\s+)?(?:be\s+|get\s+)?(?:replaced|restarted elsewhere)|(?:new|standby|replacement|backup|spare)\s+(?:[\w'-]+\s+)?(?:(?:must|should|will|can|is|are|gets?)\s+)?(?:be\s+)?(?:elected|chosen|picked|selected|promoted|in charge|serving|step(?:s|ping)? in)|(?:replicas?|secondar(?:y|ies)|followers?|standbys?)\s+(?:(?:must|should|will|is|are|gets?)\s+)?(?:be\s+)?promoted|(?:standby|backup|replica|secondary|spare)\s+(?:(?:must|should|will|can)\s+)?(?:replaces?|takes? the place of))\b/i;

/** Where the last match of a pattern starts in a text. */
function lastMatch(re: RegExp, text: string): number | undefined {
  let at: number | undefined;
  for (const m of text.matchAll(new RegExp(re.source, `${re.flags.replace("g", "")}g`))) at = m.index;
  return at;
}

/**
 * A durability target in nines: "eleven nines of durability", "11 9s durability", "99.999999999% durability".
 * The count of nines is the target annual loss probability per object, 10^-nines.
 */
const NINES_WORDS = anyWord(
  Object.entries(CARDINAL_WORDS)
    .filter(([, v]) => v >= 1 && v <= 16)
    .map(([w]) => w),
);
const DURABILITY_NINES = new RegExp(
  String.raw`\b(?:(${NINES_WORDS}|\d{1,2})[- ](?:nines|9s)|(99(?:\.9+)?)\s*%)\s+(?:(?:of|annual|yearly|object|data)\s+){0,3}durab\w*|\bdurab\w*\s+(?:of\s+|target of\s+)?(?:(${NINES_WORDS}|\d{1,2})[- ](?:nines|9s)|(99(?:\.9+)?)\s*%)`,
  "i",
);

export function parseDurabilityNines(text: string): Stated<number> | undefined {
  const m = mayMatch(DURABILITY_NINES, text.toLowerCase()) ? DURABILITY_NINES.exec(text) : null;
  if (!m) return undefined;
  const count = m[1] ?? m[3];
  const percent = m[2] ?? m[4];
  const nines = count
    ? (own(SMALL, count.toLowerCase()) ?? Number(count))
    : (percent ?? "").replace(".", "").replace(/[^9]/g, "").length;
  return Number.isFinite(nines) && nines > 0 ? { value: nines, quote: m[0].trim() } : undefined;
}

/**
 * Words that make a duration a bound on detecting a dead member and taking it out of every reader's view ("removing a
 * dead instance within 10 seconds", "failed nodes detected within 5 s", "marks a crashed server down within 3 s", "marks a device offline within 10 seconds",
 * "callers stop sending traffic to a dead instance within 10 seconds": a member that
 * stops beating is taken for gone): the
 * time from the death to the removal, met by the failure detector's interval times the misses it waits for plus the
 * spreading of the removal, not a request's latency.
 */
const DETECTION_WORDS =
  /\b(?:(?:remov|evict|deregist|detect|drop|mark|declar|flag|expel|reap)\w*\s+(?:(?:a|an|the|any|every|each)\s+)?(?:dead|failed|failing|crashed|unhealthy|down|unresponsive)\b|(?:mark|declar|flag)\w*\s+(?:(?:a|an|the|any|every|each|its|their)\s+)?(?:[\w-]+\s+){1,2}(?:as\s+)?(?:dead|crashed|unhealthy|down|offline|unreachable)\b|(?:dead|failed|failing|crashed|unhealthy|unresponsive)\s+(?:\w+\s+){0,2}(?:(?:is|are|get|gets|must|should|will)\s+(?:be\s+)?)?(?:(?:noticed|detected|spotted)\s+and\s+)?(?:removed|evicted|deregistered|detected|noticed|dropped|marked|declared|reaped)|stop\w*\s+(?:send|rout|forward|direct|call)\w*\s+(?:[\w-]+\s+){0,2}(?:to|at)\s+(?:(?:a|an|the|any|every|each)\s+)?(?:dead|failed|failing|crashed|unhealthy|unresponsive)\b)/i;

/**
 * The words before a count of the parties one item is sent to: "sends each event to", "fans every message out to up
 * to", "delivers each notification to about".
 */
const FAN_OUT_BEFORE =
  /\b(?:each|every)\s+(?:[\w-]+\s+){1,2}?(?:out\s+)?to\s+(?:up to\s+|as many as\s+|about\s+|around\s+|roughly\s+|an average of\s+)?$/i;

/** The words before a size said of records just counted: "20,000 events/s of", "messages of about", "events each of". */
const RECORD_OF_BEFORE =
  /\b(?:messages?|events?|records?|payloads?|log lines?|msgs?)(?:\s*(?:\/|per|a|an)\s*(?:s|sec|second|min|minute|hour|day))?,?\s+(?:each\s+)?(?:of|at)\s+(?:about\s+|around\s+|roughly\s+|up to\s+)?$/i;

/**
 * Words that make a duration a bound on how stale a reader may be: a change must reach, or be visible to, its readers
 * within it ("counts visible within 10 seconds", "reflected in search within 5 seconds", "likes shown within 5 s",
 * "new documents available within 2 seconds"): the time from a write to being readable, not a request's latency.
 */
const SPREAD_WORDS =
  /\b(?:propagat\w*|(?:re)?sync(?:s|ed|ing)?|synchroni[sz]\w*|reach\w*|converge\w*|visible|reflected|show(?:s|n)? up|shown|displayed|seen|appear\w*|available|readable|searchable|findable|retrievable|queryable|indexed|roll(?:ed)? out|takes? effect|taking effect|purged|invalidated|applied|push\w*|deliver\w*|updated)\b/i;

/**
 * "… by every anycast site within", "on all 400 gateways within": a bound said of every place that keeps or serves a copy,
 * right before its duration.
 */
const EVERY_PLACE_WITHIN =
  /\b(?:by|on|to|at|in|across|from)\s+(?:every|each|all)(?:\s+(?:the|of|[\d,]+|[\w-]+)){0,3}?\s+(?:sites?|servers?|nodes?|replicas?|regions?|edges?|pops?|caches?|machines?|hosts?|devices?|gateways?|stores?|locations?|clusters?|proxies|proxy|brokers?|data ?cent(?:er|re)s?)\s+(?:within|in under)\s*$/i;

/**
 * "… end that session everywhere within", "signed out on all of the user's devices within", "revoked across every
 * region within", "locked out of all devices within": a bound said of a change reaching everywhere it is held (every
 * device, session, region or service), right before its duration: how fast it spreads, not one request's latency.
 */
/** The act that ends or withdraws something everywhere it is held: signing out, revoking, invalidating, disabling. */
const REVOKE_WORDS =
  /\b(?:sign(?:s|ed|ing)?[- ]?(?:out|off)|log(?:s|ged|ging)?[- ]?(?:out|off)|logouts?|revok\w*|revocations?|invalidat\w*|disabl\w*|deactivat\w*|suspend\w*|ban(?:s|ned|ning)?|block(?:s|ed|ing)?|lock(?:s|ed|ing)?\s+out|delet\w*|remov\w*|withdraw\w*|terminat\w*|kill(?:s|ed|ing)?)\b/i;
const EVERYWHERE_WITHIN =
  /\b(?:everywhere|globally|system-?wide|fleet-?wide|(?:on|to|at|in|across|from|of|for)\s+(?:every|each|all)(?:\s+(?:of|the|a|an|its|their|his|her|that|this|user's|account's|[\d,]+|other|active|open|logged-in|signed-in)){0,4}?\s+(?:devices?|sessions?|tabs?|browsers?|apps?|clients?|phones?|services?|microservices?|regions?|instances?|data ?cent(?:er|re)s?|endpoints?|readers?))\s+(?:within|in under)\s*$/i;

/**
 * Words that make a duration a bound on paging someone: from a condition becoming true to the person on call being
 * told ("pages on-call within a minute", "alerts the on-call engineer in under 2 minutes").
 */
const PAGE_WORDS =
  /\b(?:pag(?:ed|ing)|on-?call (?:engineers?|person|people|team|sres?)|(?:pages?|alerts?|notif(?:y|ies))\s+(?:the\s+)?(?:on-?call|engineers?|operators?|someone|a human|sres?)\b[\w\s-]*?)/i;

/**
 * Words that make a duration a bound on an alert going out, a few words before it ("fires alerts within 1 minute", "alerts
 * within 30 seconds", "an alert is raised within 2 minutes", "alerting within a minute"): from a condition becoming
 * true to its alert leaving, the same path a page takes (a scrape, an evaluation, the notification), never a request's
 * latency. Read only where the prompt speaks of monitoring (ALERTED_SUBJECT): an alert a product sends its users
 * ("weather alerts delivered within 30 seconds") is a notification's delivery.
 */
const ALERT_WORDS =
  /\b(?:(?:fir(?:e|es|ed|ing)|rais(?:e|es|ed|ing)|trigger(?:s|ed|ing)?|emit(?:s|ted|ting)?)\s+(?:an?\s+|the\s+|its\s+|their\s+)?alerts?|alerts?(?:\s+(?:must|should|will|shall|can|are|is|get|gets))?(?:\s+be)?(?:\s+(?:fire[sd]?|firing|raised|triggered|go(?:es)?\s+out|goes\s+off|go\s+off))?|alerting)\b/i;
/** A prompt about watching a fleet's measurements, where an alert is a monitoring alert (a page's path). */
const ALERTED_SUBJECT =
  /\b(?:metrics?|monitor\w*|telemetry|observability|time[- ]series|samples?|series|thresholds?|prometheus|datadog|grafana|dashboards?|sensors?|scrap\w*|readings?|iot|uptime|health[- ]checks?|on-?call)\b/i;

/**
 * Words that make a duration a bound on undoing a bad change ("a bad config can be rolled back within one minute",
 * "revert everywhere within a minute", "undo a bad push within 30 seconds"): the way back to the last good version,
 * never how fast a new change rolls out.
 */
const ROLLBACK_WORDS =
  /\b(?:roll(?:s|ed|ing)?[- ]?back|rollbacks?|revert(?:s|ed|ing)?|revertible|undo(?:ne|es|ing)?|undoable)\b/i;

/** Words that say how long each one runs, just before its duration ("run for", "last up to", "takes about"). */
/** How many of a unit a bare plural ("run for months") is read as: several, more than the two a pair would say. */
const SEVERAL_OF_A_PLURAL = 3;
const SEVERAL_WORD = "three";

/** The closing seconds of an auction, or the window a bid extends it by. */
const CLOSING_WINDOW =
  /\b(?:(?:the|its|their|an auction's|the auction's|the item's|a lot's) (?:last|final|closing)\s*$|(?:extend\w*|reset\w*|restart\w*|add\w*)\b[^,.;]{0,40}?\b(?:by|to|a|an)\s*$|^\s*(?:-\s*)?(?:timer|countdown|clock|extension|soft[- ]close)s?\b)/i;
const AUCTION_WORDS = /\b(?:auction\w*|bid\w*)\b/i;

const RUN_FOR =
  /\b(?:runs?|running|lasts?|lasting|lives?|living|stays? open|takes?|taking)\s+(?:for\s+)?(?:up to\s+|as long as\s+|about\s+|around\s+)?$/i;

/** "the last", "the past": a span back from now, just before its duration ("any of the last 30 days"). */
const LAST_SPAN = /\b(?:the|these|those)\s+(?:last|past|previous|prior|most recent|latest)\s*$/i;

/** A prompt about one-time codes or sign-in links: the subject whose validity "valid for 5 minutes" states. */
const ONE_TIME_CODE_WORDS = new RegExp(TOPIC_WORDS["one-time-code"], "i");
/** A holder dying, the words that make handing its things on a reclaim ("crashed", "dies", "goes away"). */
const CRASH_WORDS =
  /\b(?:crash\w*|dies|died|dead|fail(?:s|ed|ing)?|stall\w*|disappear\w*|vanish\w*|goes away|gone|hangs?|hung)\b/i;
/** Words that hand a dead holder's work to another ("handed to another worker", "picked up by another node"). */
const HANDED_ON_WORDS =
  /\b(?:hand(?:s|ed)?\s+(?:over\s+)?to|pick(?:s|ed)?\s+up\s+by|taken\s+over\s+by)\s+(?:another|a\s+different|a\s+new|some\s+other|a\s+healthy|a\s+live|a\s+surviving)\b/i;
/** Words that give a dead holder's thing back to the others ("reclaimed", "released to the pool", "reassigned"). */
const RECLAIM_WORDS =
  /\b(?:reclaim\w*|taken back|given back|handed back|returned|released|freed|re-?assign\w*|re-?queued|requeued|pick(?:s|ed|ing)?\s+(?:(?:it|them|the|its|their|that|this|each|every)\s+)?(?:[\w'-]+\s+)?up|tak(?:e|es|en|ing)\s+(?:it|them|the\s+[\w'-]+)\s+over)/i;

/** Words that hand a failed or abandoned item out again ("redelivered", "retried", "re-run"). */
const REDELIVERY_WORDS =
  /\b(?:redeliver\w*|re-?sent|re-?tried|retried|re-?attempted|re-?run|re-?processed|re-?dispatched|handed out again|delivered again|tried again)/i;

/** What the words around a duration say it measures. */
/**
 * "a flag change may take up to 5 minutes to reach every instance", "changes can take 30 minutes to propagate": the time
 * a change may take to spread, said by the verb right after the duration, never how long a run lasts.
 */
const TO_SPREAD_AFTER =
  /^\s*(?:-\s*)?(?:or\s+(?:so|less|more)\s+)?to\s+(?:fully\s+)?(?:propagat\w*|reach\w*|land\b|spread\w*|take\s+effect|show\s+up|appear\w*|be\s+(?:seen|visible|applied|reflected|propagated))/i;

const DURATION_CONTEXT: { re: RegExp; id: string; toDays?: boolean; prompt?: RegExp }[] = [
  // "page someone when p99 latency stays above 300 ms for five minutes", "alert when a field has stayed too dry for 6
  // hours": how long a condition must hold before its alert fires (an alerting rule's pending duration, Prometheus's
  // `for`), which the time to a page adds to; never a retention, a hold of a seat or a run's length
  {
    re: /\b(?:stays?|stayed|staying|remains?|remained|remaining|has been|have been|keeps? being|trends?|trending|is trending)\s+(?:[\w-]+\s+){0,5}?for\s+(?:(?:at least|more than|over|longer than)\s+)?$/i,
    id: "alert_hold_seconds",
    prompt: /\b(?:alert\w*|pag(?:e|ed|es|ing)|woken|wake|notif\w*|fires?)\b/i,
  },
  // "a 30-minute slot", "45-minute appointments": the length of one bookable slot, which sets how many a day each
  // resource offers
  {
    re: /^\s*(?:-\s*)?(?:time\s+|booking\s+|delivery\s+)?(?:slots?|appointments?|consults?|consultations?|lessons?|classes|class|visits?)\b/i,
    id: "slot_seconds",
  },
  // "a message whose consumer crashes must be redelivered to another consumer within 30 seconds", "a failed job must be
  // retried within a minute": the latest a failed or abandoned item is handed out again, a bound the visibility
  // timeout (or the first retry's wait) is cut to fit, never a request's latency nor a change spreading to readers
  {
    re: new RegExp(
      String.raw`(?:${REDELIVERY_WORDS.source})\s+(?:(?:to|on|by)\s+(?:another|a\s+different|a\s+new|some\s+other|the\s+next)\s+[\w'-]+\s+)?(?:within|in under|in at most|no later than)\s*$`,
      "i",
    ),
    id: "redelivery_bound_seconds",
  },
  // "unacknowledged messages are redelivered after 30 seconds": how long a taken message stays hidden before it is
  // handed out again, the queue's visibility timeout
  {
    re: new RegExp(
      String.raw`(?:${REDELIVERY_WORDS.source})\s+(?:to\s+(?:another|a\s+different|a\s+new)\s+[\w'-]+\s+)?after\s*$`,
      "i",
    ),
    id: "visibility_timeout_seconds",
  },
  // "a crashed holder's claim must be reclaimed within 2 minutes": the latest a dead holder's thing goes back to the
  // others, a bound the lease (or heartbeat timeout) and the sweep that takes it back are spent under
  {
    re: new RegExp(
      String.raw`(?:${RECLAIM_WORDS.source})\s+(?:to\s+(?:the\s+)?(?:pool|queue|others)\s+)?(?:within|in under|in at most|no later than)\s*$`,
      "i",
    ),
    id: "reclaim_bound_seconds",
    prompt: CRASH_WORDS,
  },
  // how far a copy may trail its source ("at most 5 seconds behind", "no more than 2 s stale", "lagging at most 30
  // seconds", "may trail the database by at most 30 s"): a freshness bound every refresh, push and cache on the way spends
  {
    re: /^\s*(?:-\s*)?(?:behind|stale|old|out of date|out-of-date|late)\b|\b(?:lag\w*|trail\w*|behind|stale)\s+(?:[\w'-]+\s+){0,3}?(?:by\s+)?(?:at most|no more than|up to|under|less than|within)\s*$/i,
    id: "propagation_seconds",
  },
  // a window's length said as the adjective before the windows or their result ("5-minute windowed counts", "1-hour
  // tumbling windows"), a session window's inactivity gap ("30-minute inactivity gaps"), which is its length, or
  // "windows of 1 hour": the span a windowed result covers (its state is held until the window closes)
  {
    re: /^\s*(?:-\s*)?(?:(?:tumbling|sliding|hopping|rolling|event[- ]time|session)\s+)?(?:windowed\b|windows?\b|(?:inactivity|idle)\s+(?:gaps?|timeouts?)\b)|\bwindows?\s+of\s*$/i,
    id: "window_seconds",
  },
  // "checks in every 30 seconds": a member's check-in is its heartbeat
  { re: /\b(?:heart ?beats?|check(?:s|ing)?[- ]in|check-ins?|health[- ]?checks?)\b/i, id: "heartbeat_seconds" },
  // "removed if they go silent for ten seconds": the quiet spell after which a member is declared gone
  { re: /\b(?:silent|quiet|unresponsive)\s+for\s*$/i, id: "detection_bound_seconds" },
  // a dead holder's lock released or a dead member removed within a bound: said by the words just before the
  // duration, ahead of the lock or lease noun that would read it as the lease's own length
  {
    re: /\b(?:dead|crashed|failed)\s+(?:holder|owner|client)'s\s+(?:locks?|leases?)\s+(?:within|in under|in)\s*$/i,
    id: "failover_seconds",
  },
  {
    re: /\b(?:dead|failed|failing|crashed|unhealthy|unresponsive)\s+[\w'-]+(?:\s+[\w'-]+)?\s+(?:within|in under|in)\s*$/i,
    id: "detection_bound_seconds",
    prompt: DETECTION_WORDS,
  },
  // "each code is valid for 5 minutes", "expires them after 5 minutes": how long a one-time code may be used, said
  // where the prompt speaks of one-time codes or sign-in links (archetypes/I16/otp.ts)
  {
    re: /\b(?:valid|good|usable|live|expir\w*|lasts?)\b(?:\s+(?:them|it|each one|codes?))?\s+(?:for|after|in|within)\s+(?:up to\s+|only\s+|at most\s+|just\s+)?$/i,
    id: "code_valid_seconds",
    prompt: ONE_TIME_CODE_WORDS,
  },
  { re: /\b(?:ttls?|time[- ]to[- ]live|expir\w*)\b/i, id: "ttl_seconds" },
  // "cache API responses for thirty seconds": how long a cached copy is kept before it is fetched again, its TTL
  { re: /\bcach(?:e|es|ed|ing)\b[^,.;]*\bfor\s+(?:up to\s+|at most\s+|about\s+)?$/i, id: "ttl_seconds" },
  { re: /\b(?:leases?|locks?)\b/i, id: "lease_seconds" },
  // a seat, room or cart item kept for one buyer while they pay ("holds seats for 10 minutes")
  { re: /\b(?:holds?|held|holding|reserv(?:e|es|ed|ing))\b[^,.;]*\bfor\s*$/i, id: "hold_seconds" },
  // "logs stay searchable for 14 days and are archived for 1 year", "kept in the hot index for 7 days, then in cold
  // storage": the span a search index keeps its lines hot for, where the prompt also keeps them in a colder tier (the
  // archive's span is the retention); without a colder tier the searchable span is how long they are kept (below)
  {
    re: /\b(?:searchable|full[- ]text[- ]searchable|(?:in|on)\s+(?:the\s+)?(?:hot|fast|search)\s+(?:tier|index|storage|nodes?))\b[^,.;]*\bfor\s+(?:up to\s+|at least\s+|the\s+(?:last|past|first)\s+)?$/i,
    id: "hot_days",
    toDays: true,
    prompt: /\b(?:archiv\w*|cold(?:er)?\s+(?:tier|storage|store)|glacier|deep storage)\b/i,
  },
  // "per-minute rollups kept for 2 years, raw points for 7 days": the span the raw points are kept at full resolution,
  // said beside rollups kept longer (the rollups' span is the retention)
  {
    re: /\braw\s+(?:data\s*)?(?:points?|data|samples?|events?|readings?|metrics?|measurements?|values?)\s+(?:(?:are\s+|is\s+)?(?:kept|retained|stored)\s+)?for\s+(?:up to\s+|at least\s+)?$/i,
    id: "raw_retention_days",
    toDays: true,
    prompt: /\b(?:roll-?ups?|rolled[- ]up|downsampl\w*|coarser|aggregates?)\b/i,
  },
  // "readable by any service for up to ninety days", "replayable for 7 days": how long what is written stays there
  {
    re: /\b(?:readable|replayable|re-?readable|available|retrievable|queryable|searchable)\b[^,.;]*\bfor\s+(?:up to\s+|at least\s+)?$/i,
    id: "retention_days",
    toDays: true,
  },
  {
    re: /\b(?:retention|retain\w*|kept|keep(?:s|ing)?|history|stor(?:e|es|ed|ing)|archive\w*)\b/i,
    id: "retention_days",
    toDays: true,
  },
  // "point-in-time restore for 14 days", "can restore backups for 35 days": how far back a restore reaches, a
  // retention window (a restore "within" a time is a recovery bound, not this)
  {
    re: /\b(?:point[- ]in[- ]time|restor\w*|recover\w*)\b[^,.;]*\bfor\s*$/i,
    id: "retention_days",
    toDays: true,
  },
  // a moving object's position sent every few seconds ("drivers sending location every 4 seconds", "reporting location every 5 seconds"): before a
  // report's own interval, which a position reported is not
  {
    re: /\b(?:locations?|positions?|gps|coordinates|pings?)\s+(?:updates?\s+|(?:stream|streams|streaming|come|comes|coming|flow|flows|arrive|arrives|arriving)\s+(?:in\s+)?)?(?:every|each)\s*$/i,
    id: "update_seconds",
  },
  // "each robot asks for its next moves every 200 ms", "every app calls the service every 30 seconds": how often one
  // client asks, which with the stated clients is the request rate (a poll stays a scrape, said below)
  {
    re: new RegExp(String.raw`${ASKING}[^.;,]{0,30}\bevery\s*$`, "i"),
    id: "request_interval_seconds",
  },
  { re: /\b(?:scrapes?|scraped|report\w*|collect\w*|gather\w*|emit\w*|poll\w*|flush\w*)\b/i, id: "scrape_seconds" },
  // "evaluates 5 million series every 30 seconds": how often the rules are evaluated, said by the verb
  { re: /\bevaluat\w*\b/i, id: "eval_interval_seconds" },
  { re: /\b(?:re-?crawl\w*|revisit\w*|refresh\w*|crawl\w*)\b/i, id: "scan_period_seconds" },
  // "checksums re-verified at least once every 30 days", "every disk scrubbed every two weeks": one full pass of a
  // verification over everything held, whose period is the pass's time
  // (said as a period, "every" straight before it: "rescan every customer's 5 years of mail" keeps 5 years of mail)
  {
    re: /\b(?:re-?verif\w*|verif\w*|scrub\w*|re-?check\w*|re-?scan\w*|audit\w*)\b[^.;!?]*\bevery\s*$/i,
    id: "scan_period_seconds",
  },
  // "credentials rotated every 30 days": how often a secret gets a new value
  { re: /\brotat\w*\b/i, id: "rotation_period_seconds" },
  // a bound on taking over after a crash: detection, election and telling the others, not a request's latency
  { re: FAILOVER_WORDS, id: "failover_seconds" },
  // an auction's closing seconds ("in its last 10 seconds"), or the window a soft close extends it by or a penny
  // auction's countdown restarts at ("extends the auction by two minutes", "resets a 15 second timer"): ahead of a
  // run's length, which "last" would otherwise read
  { re: CLOSING_WINDOW, id: "closing_window_seconds", prompt: AUCTION_WORDS },
  // "restore to any of the last 30 days", "query the past 90 days": the span back from now that stays reachable, a
  // retention window; "last" here is the adjective after an article, never the verb of how long a run lasts
  {
    re: LAST_SPAN,
    id: "retention_days",
    toDays: true,
  },
  // how long each one runs, from its start to its end ("workflows that run for 90 days", "a build takes 10 minutes")
  { re: RUN_FOR, id: "run_seconds" },
  { re: PAGE_WORDS, id: "page_bound_seconds" },
  // a bound on removing a dead member, detection and spreading the removal, not a request's latency
  { re: DETECTION_WORDS, id: "detection_bound_seconds" },
  { re: SPREAD_WORDS, id: "propagation_seconds" },
  // Last: a bare deadline on a change ("… to every server within 5 seconds") is how fast it must spread.
  {
    re: /\bwithin\s*$/i,
    id: "propagation_seconds",
    prompt: /\b(?:chang|updat|push|flags?\b|config|propagat|deploy|roll)/i,
  },
];

/**
 * The words after a bound that tie it to a due time ("delivered within 1 second of its time", "fires within 2 seconds
 * of the scheduled time"): how late a due item may be released, a bound on the path from its due time to its release
 * (the latency target a scheduler's due path spends), never a change spreading to its readers.
 */
const OF_DUE_TIME =
  /^\s*(?:of|after|past)\s+(?:its|their|the|each\s+\w+'s)\s+(?:(?:own|due|scheduled|chosen|set|target|planned|requested|appointed|fire|firing|delivery|send)\s+)?(?:times?|moments?|deadlines?|due times?|timestamps?)\b/i;

/**
 * A rate of things scheduled for a later release: a scheduling verb straight before the number ("producers schedule
 * 1 billion messages a day") or a due time straight after the rate ("… a day for delivery at a chosen future time").
 */
const SCHEDULED_BEFORE =
  /\b(?:schedul\w*|defer\w*|delay\w*|enqueue\w* for later)\s+(?:about\s+|around\s+|up to\s+|some\s+)?$/i;
const DUE_TIME_AFTER =
  /^\s*(?:,\s*)?(?:(?:each\s+)?(?:for|to be)\s+(?:delivery|sending|release|publishing|delivered|sent|released|published)\s+)?(?:at|for|on)\s+(?:a|an|the|their|its|some)\s+(?:chosen\s+|given\s+|set\s+|specified\s+|scheduled\s+|later\s+|due\s+)?(?:future\s+|later\s+)?(?:times?|moments?|dates?)\b/i;

/**
 * A duration that says how far ahead of its time a thing is set to happen, read only where no other words name it: the
 * offset from an event to a timed act ("a text 24 hours before the appointment", "released 14 days after delivery",
 * "run this in 45 minutes"), or the quiet spell after which an act falls due ("idle for 30 days", "unpaid for 15
 * minutes", "has not paid within ten minutes"). Each is a timer set that far ahead of its firing (and moved when the
 * thing is touched again), the scheduling lead time a scheduler's pending timers are counted by (Little's law).
 */
/** The sentence a number stands in, up to the number. */
const sentenceBefore = (t: string, at: number): string =>
  t
    .slice(Math.max(0, at - 160), at)
    .split(/[;:!?]|[.](?!\d)/)
    .pop() ?? "";

/** A read back over a span ("chart any series over 30 days", "range queries over 30 days"). */
/** A span a search reads back from now: "searches over the last", "auditors search the past", "queries across the last". */
const LOOKBACK =
  /\b(?:search\w*|quer(?:y|ies|ying)|look(?:s|ing)?\s+up|find\w*|chart\w*|dashboards?)\b(?:\s+[\w'-]+){0,5}?\s+(?:(?:over|across|in|from|through|for)\s+)?the\s+(?:last|past)\s+$/i;

/**
 * Whether the prompt keeps its records for a span of years said elsewhere ("kept for 7 years", "keeps every admin
 * action for seven years"): then a look-back a search covers is a window of its own, not how long records are kept.
 */
function keptLonger(t: string, at: number): boolean {
  const other = t.slice(0, at) + " ".repeat(Math.min(40, t.length - at)) + t.slice(at + 40);
  return /\b(?:keep|keeps|kept|retain\w*|stor(?:e|es|ed)|hold|holds|held)\b[^.;]{0,60}\bfor\s+(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+years?\b/i.test(
    other,
  );
}

const QUERIED_OVER =
  /\b(?:chart\w*|graph\w*|plot\w*|quer(?:y|ies|ying)|search\w*|dashboards?)\b(?:\s+[\w'-]+){0,5}\s+over\s+(?:the\s+(?:last|past)\s+)?$/i;

/** Words after a duration that put it ahead of an event, never after a change it bounds ("48 hours before"). */
const LEAD_AHEAD = /^\s*(?:-\s*)?(?:before|ahead|in advance|from now)\b/i;
// "anywhere from one second to 90 days away", "the moment its 14 days run out": how far ahead a timer is set
const LEAD_AFTER =
  /^\s*(?:-\s*)?(?:before|after|ahead|later|in advance|from now|out|away|(?:run|runs|ran)\s+out|(?:are|is)\s+up|elapse[sd]?)\b/i;
const LEAD_BEFORE =
  /\b(?:after|(?:runs?|fires?|sends?|due|expires?|ends?|lapses?|closes?|happens?|goes? out|this|it|them)\s+in|(?:idle|inactive|dormant|unpaid|unconfirmed|unclaimed|unused|untouched)\s+for(?:\s+(?:more than|over|longer than))?|(?:sleeps?|sleeping|slept)\s+for(?:\s+(?:up to|as long as))?|no\s+[a-z]+\s+for|(?:not|[a-z]+n't|never|nobody|no one|no-one)\s+(?:[a-z']+\s+){0,3}(?:within|in))\s*$/i;

function timerLead(clauseBefore: string, after: string): { id: string; toDays?: boolean } | undefined {
  // "within 5 minutes after …" is a bound on a step, "every 10 minutes after …" a period: neither is a lead time
  if (PERIOD_BEFORE.test(clauseBefore) || (BOUND_BEFORE.test(clauseBefore) && !LEAD_BEFORE.test(clauseBefore)))
    return undefined;
  return LEAD_AFTER.test(after) || LEAD_BEFORE.test(clauseBefore) ? { id: "timer_lead_seconds" } : undefined;
}

/**
 * A population's head noun: a plural word ("carts", "worlds", "DAGs"), never a unit, a share or a verb form, and its
 * least count: a handful of things ("3 clusters") is a layout to draw, not a population to size.
 */
const POPULATION_HEAD = /^[a-z][a-z'-]*[a-z](?:[^s'u]s|ies|ches|shes|xes)$/;
const NOT_A_POPULATION =
  /^(?:times|percents?|digits|chars|characters|bits|bytes|letters|words|tokens|minutes|seconds|hours|days|weeks|months|years|ms|us|ns|kbps|mbps|gbps|rps|qps|tps|ops|this|its|his|hers|ours|yours|theirs|whereas|thus|plus|always|perhaps|unless|across|towards|afterwards|besides|sometimes|yes|less|ness|news)$/;
const MIN_POPULATION = 10;
/** "hosts each emit a few hundred counters": what follows is each one's own, not a population ("each of 10k" is one). */
const EACH_OWN = /\beach\s+(?!of\b)(?:[a-z]+\s+){0,4}$/i;
/** Words before a count that make it the size of one portion ("blocks of 10,000 ids", "batches of 500 rows"). */
const PORTION_OF =
  /\b(?:blocks?|batch(?:es)?|chunks?|groups?|sets?|pages?|ranges?|windows?|bursts?|lists?|top)\s+(?:of\s+)?(?:up to\s+|at most\s+)?$|\b(?:1|one)\s+(?:in|out of)\s+$/i;

/**
 * Whether a span of days or more is a retention: said after "for" in a sentence about keeping or reaching things
 * ("keep radiology scans, often several gigabytes each, for ten years"), or as the span of the things themselves
 * ("5 years of mail", "ten years of published court rulings"), never a quiet spell or a wait ("30 days of inactivity").
 */
function keptSpan(clauseBefore: string, after: string, sentence: string): boolean {
  if (
    /^\s+of\s+(?!(?:inactivity|idleness|silence|downtime|notice|grace|delay|lag|retr\w*|back ?off|free|trial|waiting|no\b))[a-z]/i.test(
      after,
    )
  )
    return true;
  return /\bfor\s*$/i.test(clauseBefore) && KEPT_WORDS.test(sentence);
}
const KEPT_WORDS =
  /\b(?:keep\w*|kept|stor(?:e|es|ed|ing|age)|retain\w*|retention|hold(?:s|ing)?|held|archiv\w*|history|available|retrievable|downloadable|searchable|queryable|readable|accessible|restorable|raw (?:points|data|samples))\b/i;

/** The period a money amount is counted over ("per calendar year", "a month"). */
const MONEY_PERIOD = /^\s*(?:per|a|an|each|every)\s+(?:calendar\s+|fiscal\s+)?(?:day|week|month|quarter|year)\b/i;
/** Words before an amount of money that make it a cap ("at most $500 per calendar year", "capped at $50"). */
const MONEY_CAP_BEFORE =
  /\b(?:at most|no more than|up to|capped at|a cap of|a maximum of|maximum of|a limit of|limited to|never more than)\s*$/i;

/** A word in a count's noun phrase, or just after it, that says each thing counted waits for a moment of its own. */
const PENDING_WORD = /^(?:upcoming|pending|outstanding|open|scheduled|queued|unexpired|unconfirmed)$/;
/** More places than this is no set of sites each running the service ("across 30 million accounts"). */
const MAX_SITES = 100000;
/** "across", "across all", "across all of our", straight before a count of places. */
const ACROSS_BEFORE = /\bacross\s+(?:all\s+)?(?:of\s+)?(?:(?:our|the|its|their)\s+)?$/i;
const PENDING_POSTPOSITIVE = /^(?:pending|outstanding)$/;
const PENDING_AFTER = /^\s+(?:pending|outstanding|in flight|open|scheduled|waiting)\b/i;

/**
 * "nobody else may take it for the next ten minutes", "no one else can buy it for 8 minutes": a thing kept from everyone
 * but its holder for a time is held that long (the hold a sweep releases when it lapses), said in the duration's clause.
 */
const HELD_FROM_OTHERS =
  /\b(?:nobody|no one|no-one|no other [a-z]+)\s+(?:else\s+)?(?:may|can|could|is allowed to|gets to)\s+(?:[a-z']+\s+){1,4}for\s+(?:the\s+next\s+)?$/i;

/** A keeping verb, its object of up to four words and "for", straight before a duration: how long the object is kept. */
/** A copy said to trail its source by a bound: "may trail the ticket database by at most". */
const TRAILS_BY =
  /\b(?:trail\w*|lag\w*)\s+(?:[\w'-]+\s+){0,5}?by\s+(?:at most|no more than|up to|under|less than)\s*$/i;
/** A portion of ids handed out at once, said before its count: "blocks of", "a range of up to". */
const ID_BLOCK_OF = /\b(?:blocks?|batch(?:es)?|ranges?|chunks?|leases?)\s+of\s+(?:up to\s+|about\s+)?$/i;
/** A counting verb and what it counts, before the things counted: "counts likes on", "tracks views for each of". */
const COUNTED_ON =
  /\b(?:counts?|counting|tall(?:y|ies|ying))\s+(?:[\w'-]+\s+){0,3}?(?:on|for|across)\s+(?:(?:all|each|every)\s+(?:of\s+)?(?:the\s+|its\s+|our\s+)?)?$/i;
/** A stale or revoked thing served for at most a span: "never serve a revoked session for more than". */
const SERVES_STALE_FOR =
  /\b(?:serv\w*|return\w*|show\w*|accept\w*|honou?r\w*)\s+(?:an?\s+|the\s+)?(?:revoked|stale|old|outdated|deleted|expired|logged[- ]out|invalidated)\s+[\w'-]+\s+for\s+(?:more than|longer than|over)\s*$/i;
/** Things said readable for a span at the end of their sentence: "readable by …, each …, for up to". */
const READABLE_FOR =
  /\b(?:readable|replayable|re-?readable|retrievable|queryable|searchable)\b[^.;!?]*\bfor\s+(?:up to|at least)\s*$/i;
const RETAINED_FOR = /\b(?:retain\w*|kept|keep(?:s|ing)?|stor(?:e|es|ed|ing)|archiv\w*)(?:\s+[\w'-]+){0,6}\s+for\s*$/i;

/**
 * The role a duration's preposition gives it: after "every" it is a period (how often something happens), after
 * "within" or "in under" a bound (how long something may take). A period never binds a bound's quantity and a bound
 * never a period's ("evaluates … every 30 seconds and pages on-call within one minute": the minute is the page bound).
 */
const PERIOD_BEFORE = /\b(?:every|each|once every|once each)\s*$/i;
/**
 * Where a stated bound's quote starts, by the bound: the last of its own words before the figure ("fail over … within
 * 30 s"), in the clause before it or, `wide`, in the wider clause the bound's words may stand further back in; where
 * none of its own words stands there, the last of its `orElse` words (a task "handed to another worker within …").
 */
const LEAD_WORDS: Readonly<Record<string, { words: RegExp; wide?: true; orElse?: RegExp }>> = {
  failover_seconds: { words: FAILOVER_WORDS, wide: true },
  propagation_seconds: { words: SPREAD_WORDS, wide: true, orElse: REVOKE_WORDS },
  detection_bound_seconds: { words: DETECTION_WORDS, wide: true },
  reclaim_bound_seconds: { words: RECLAIM_WORDS, orElse: HANDED_ON_WORDS },
  redelivery_bound_seconds: { words: REDELIVERY_WORDS, wide: true },
  page_bound_seconds: { words: PAGE_WORDS, orElse: ALERT_WORDS },
  rollback_bound_seconds: { words: ROLLBACK_WORDS, wide: true },
  run_seconds: { words: RUN_FOR },
  retention_days: { words: LAST_SPAN },
  hot_days: { words: /\b(?:searchable|(?:in|on)\s+(?:the\s+)?(?:hot|fast|search)\s+(?:tier|index|storage|nodes?))\b/i },
  // an expiry is quoted from the word that makes it one ("expire after 12 months"), so the clause's expiry is read
  ttl_seconds: { words: /\b(?:expir(?:e|es|ed|ing)|lapse[sd]?)\b/i },
};
const BOUND_BEFORE = /\b(?:within|in under|under|in less than|less than|at most|no more than|no later than)\s*$/i;
const BOUND_IDS: ReadonlySet<string> = new Set([
  "reclaim_bound_seconds",
  "redelivery_bound_seconds",
  "page_bound_seconds",
  "rollback_bound_seconds",
  "propagation_seconds",
  "failover_seconds",
  "detection_bound_seconds",
]);
const PERIOD_IDS: ReadonlySet<string> = new Set([
  "heartbeat_seconds",
  "scrape_seconds",
  "update_seconds",
  "request_interval_seconds",
  "scan_period_seconds",
  "eval_interval_seconds",
  "rotation_period_seconds",
]);

/** Whether a quantity may take a duration said in the role its preposition gives it. */
function fitsRole(id: string, clauseBefore: string): boolean {
  if (PERIOD_BEFORE.test(clauseBefore)) return !BOUND_IDS.has(id);
  if (BOUND_BEFORE.test(clauseBefore)) return !PERIOD_IDS.has(id);
  return true;
}

/**
 * The words after a duration that may say what it is: its own noun phrase, up to a word that starts another clause
 * ("10 seconds and keeps serving …" says nothing of the 10 seconds; "10 second TTL", "7 days of history" do).
 */
const OWN_PHRASE_END =
  /\s(?:and|or|but|that|which|who|while|if|when|whenever|where|so|then|even|because|unless|until|without|to|for|after|before|since)\b/i;
const ownPhrase = (after: string): string => {
  const clause = after.split(/[.;,]/)[0] ?? "";
  const end = OWN_PHRASE_END.exec(clause);
  return end ? clause.slice(0, end.index) : clause;
};

/**
 * Bounds said a few words ahead of their duration ("a purge takes effect everywhere within 5 seconds", "failed
 * instances are removed within 5 seconds"): a detection, failover or spreading bound whose verb ends at most a few
 * words before the duration, read ahead of a lock or TTL noun nearer to it.
 */
const BOUND_AHEAD: { re: RegExp; id: string; words: RegExp; prompt?: RegExp }[] = [
  { re: DETECTION_WORDS, id: "detection_bound_seconds" },
  { re: FAILOVER_WORDS, id: "failover_seconds" },
  { re: REDELIVERY_WORDS, id: "redelivery_bound_seconds" },
  // "a job on a crashed worker must be handed to another worker within 2 minutes": what a dead holder held goes to
  // another, said only where the prompt speaks of a holder dying
  { re: HANDED_ON_WORDS, id: "reclaim_bound_seconds", prompt: CRASH_WORDS },
  // "a bad config can be rolled back within one minute": the way back to the last good version, not a rollout's pace
  // ("revert a broken setting on every host within 45 seconds": what is undone and where may stand between them)
  { re: ROLLBACK_WORDS, id: "rollback_bound_seconds", gap: 8 },
  // "fires alerts within 1 minute", "alerts within 30 seconds": an alert's way out, where the prompt is about monitoring
  { re: ALERT_WORDS, id: "page_bound_seconds", prompt: ALERTED_SUBJECT },
  { re: SPREAD_WORDS, id: "propagation_seconds" },
].map((c: { re: RegExp; id: string; prompt?: RegExp; gap?: number }) => ({
  re: new RegExp(`(?:${c.re.source})(?:\\s+[\\w'-]+){0,${c.gap ?? 4}}\\s+(?:within|in under)\\s*$`, "i"),
  id: c.id,
  words: c.re,
  ...(c.prompt ? { prompt: c.prompt } : {}),
}));

function durationId(
  before: string,
  after: string,
  prompt: string,
  clause = before,
): { id: string; toDays?: boolean } | undefined {
  // The noun right after the duration decides first ("10 second TTL", "7 days retention"), then the words before it.
  for (const c of DURATION_CONTEXT) if (c.re.test(after)) return resolveLease(c, prompt);
  for (const c of BOUND_AHEAD)
    if (c.re.test(clause) && (c.prompt ? promptHas(c.prompt, prompt) : true)) return { id: c.id };
  // a deadline said of every place that serves a copy ("answered by every anycast site within 30 seconds", "enforced on
  // all 400 gateways within 15 s"): how fast a change must reach all of them, not one request's latency
  if (EVERY_PLACE_WITHIN.test(clause) || EVERYWHERE_WITHIN.test(clause)) return { id: "propagation_seconds" };
  // "taking a lock should take under 20 ms": how long one operation may take is a latency, never the length of the
  // lease, TTL or retention a noun earlier in the clause names
  if (TAKES_AT_MOST.test(before)) return undefined;
  for (const c of DURATION_CONTEXT)
    if (c.re.test(before) && (c.prompt ? promptHas(c.prompt, prompt) : true)) return resolveLease(c, prompt);
  return undefined;
}

/** The words that bound how long one operation takes, said just before its duration ("should take under"). */
const TAKES_AT_MOST =
  /\b(?:takes?|taking|took)\s+(?:no\s+more\s+than|not\s+more\s+than|less\s+than|at\s+most|in\s+under|under|within|below)\s*$/i;

/**
 * A duration that bounds retrying: "retries failed deliveries for up to 72 hours", "a 3-day retry window".
 * What the duration qualifies decides its name: the span a failed call keeps being retried is not the time
 * a change takes to reach its readers, though the same sentence says "deliveries".
 */
function retryWindow(
  textBefore: string,
  clauseBefore: string,
  after: string,
): { id: string; toDays?: boolean } | undefined {
  if (/^[- ]?\s*(?:of\s+)?(?:retr(?:y|ies|ying)|redeliver\w*|back ?off)\b/i.test(after))
    return { id: "retry_window_seconds" };
  // the words after the last sentence mark, as `split(/[.;!?]/).pop()` gives them, without splitting the whole text
  // before the duration (it runs for every duration of the prompt)
  let mark = textBefore.length - 1;
  while (mark >= 0 && !SENTENCE_MARKS.has(textBefore.charCodeAt(mark))) mark--;
  const sentence = textBefore.slice(mark + 1);
  const retried = /\b(?:retr(?:y|ies|ied|ying)|redeliver\w*|back(?:s|ing)? ?off)\b/i.test(sentence);
  const span = /\b(?:for|over|during|up to)\s+(?:up to\s+|at most\s+|about\s+|roughly\s+)?$/i.test(clauseBefore);
  return retried && span ? { id: "retry_window_seconds" } : undefined;
}

/**
 * "events may arrive up to 48 hours late", "late data of up to 2 hours is accepted": how late an event may reach the
 * system after its own time, the lateness its windows stay open for (allowed lateness), never how stale a copy may be.
 */
const LATE_AFTER = /^\s*(?:-\s*)?late\b/i;
const ARRIVES_BEFORE =
  /\b(?:arriv\w*|come in|comes in|coming in|show(?:s|ing)? up|land(?:s|ing)?|trickl\w* in|reach(?:es|ing)? us|be delivered|are delivered|delivered)\b/i;
const LATE_NOUN_BEFORE =
  /\blate\s+(?:events?|data|arrivals?|records?|samples?|readings?|messages?)\s+(?:(?:of|by|arriving|that arrive)\s+)?(?:up to|as much as|at most)\s*$/i;
function lateArrival(clauseBefore: string, after: string): { id: string; toDays?: boolean } | undefined {
  return (LATE_AFTER.test(after) && ARRIVES_BEFORE.test(clauseBefore)) || LATE_NOUN_BEFORE.test(clauseBefore)
    ? { id: "allowed_lateness_seconds" }
    : undefined;
}

/** A TTL on a lock or lease is the lease duration the lease formulas read. */
/** `.`, `;`, `!` and `?`: the marks `retryWindow` takes a sentence to end at. */
const SENTENCE_MARKS: ReadonlySet<number> = new Set([".", ";", "!", "?"].map((c) => c.charCodeAt(0)));

/**
 * Whether a whole prompt holds a pattern's words, asked once per prompt and pattern: the duration readers ask it for
 * every duration of the prompt, each a scan of the whole prompt. Only for a pattern without `g` or `y` (whose `test`
 * would move its `lastIndex`).
 */
function promptHas(re: RegExp, prompt: string): boolean {
  if (re.global || re.sticky) return re.test(prompt);
  if (promptAsked !== prompt) {
    promptAsked = prompt;
    promptAnswers = new Map();
  }
  let has = promptAnswers.get(re);
  if (has === undefined) {
    has = re.test(prompt);
    promptAnswers.set(re, has);
  }
  return has;
}
let promptAsked: string | undefined;
let promptAnswers = new Map<RegExp, boolean>();

/** Words that make a time-to-live a lease: the prompt is about a lock, a lease or a leader. */
const LEASE_WORDS = /\b(?:lock|locks|lease|leases|leader|mutex)\b/i;

function resolveLease(c: { id: string; toDays?: boolean }, prompt: string): { id: string; toDays?: boolean } {
  if (c.id === "ttl_seconds" && promptHas(LEASE_WORDS, prompt)) return { id: "lease_seconds" };
  return c;
}

/** A distance's unit after its number, and kilometres in one of it. */
const DISTANCE = /^[- ]?\s*(km|kilomet(?:er|re)s?|mi|miles?|met(?:er|re)s?)\b/i;
const KM_IN: Record<string, number> = {
  km: 1,
  kilometer: 1,
  kilometre: 1,
  mi: 1.609,
  mile: 1.609,
  meter: 0.001,
  metre: 0.001,
};

// "1536-dimensional embeddings", "768 dimensions": an embedding's width, read as vector_dimensions below
const WIDTH = /^[- ]?(?:bits?|bytes? wide|digits?|chars?|characters?|letters?|dimensional|dimensions|dims?)\b/i;
/** A width inside a noun phrase ("100k roughly time-ordered 64-bit IDs"): skipped, the noun goes on. */
const WIDTH_WORD = /^(?:[ -]+|\s+)\d+[- ]?(?:bits?|digits?|chars?|characters?|letters?|dimensional|dims?)\b/i;

/**
 * Kinds listed before the head noun they modify ("500 million push, email and SMS messages a day"): each listed word
 * is a modifier, so the list has two kinds before its "and" and the head follows. A list that starts with a plural
 * ("3 billion users, friends, posts and a news feed", "80M players, read and written by player id") or whose "and"
 * starts a new phrase ("and a news feed") is the counted noun followed by other things, never modifiers of a later
 * head, unless a rate follows the list's head ("20 million emails, texts and push notifications a day").
 */
const KINDS_LIST = /^\s+([a-z][a-z-]*)(?:,\s*[a-z][a-z-]*)+,?\s+(?:and|or)\s+(?=[a-z][a-z-]*\s+[a-z])/i;
const LIST_NEW_PHRASE = /^(?:a|an|the|its|their|our|his|her|some|many|all|by|to|in|on|at|for|with)\s/i;
const LIST_RATE_AFTER = new RegExp(
  String.raw`^\s*[a-z][a-z-]*(?:\s+[a-z][a-z-]*)?\s+(?:per|a|an|each|every)\s+${LONG_TIME_WORD}\b`,
  "i",
);
function kindsList(after: string): RegExpExecArray | null {
  const m = KINDS_LIST.exec(after);
  if (!m) return null;
  const next = after.slice(m[0].length);
  if (LIST_NEW_PHRASE.test(next)) return null;
  if (/[^s]s$/i.test(m[1] ?? "") && !LIST_RATE_AFTER.test(next)) return null;
  return m;
}

/**
 * A count of things said with the short span it all happens in ("sends 50 million alerts in 2 minutes", "indexes
 * 300,000 listings within an hour"): the count over the span is the rate while it lasts, a burst. Never a span
 * each one takes ("in 2 seconds each"), a bound after an event ("within 5 seconds of being written") or a span longer
 * than a day (a total over years is a growth, read with its bytes).
 */
const BURST_WINDOW = new RegExp(
  String.raw`^\s+(?:in|within|over)\s+(?:(?:just|only|about|around|roughly|under|less than)\s+)?(the\s+(?:first|opening)\s+)?(?:(\d+(?:\.\d+)?|${anyWord(Object.keys(CARDINAL_WORDS))})\s+|(a|an|one)\s+)?(seconds?|secs?|minutes?|mins?|hours?|hrs?)\b(?!\s+(?:each|apiece|per|after|from|before|once)\b|\s+of\s+(?:being|its|their|each|every|it|them|receipt|arrival)\b)`,
  "i",
);
const NUMBER_TERM = /^[a-z]+-(?:time|off|shot|way|click|stop|liner|sided|phase|step|pass|tier|to-one|on-one)\b/i;
/** A span of years or months a stored total accumulates over ("over ten years", "of imagery within 5 years"). */
const GROWTH_SPAN = new RegExp(
  String.raw`^\s*(?:of\s+(?:[a-z][a-z-]*\s+){1,3}?)?(?:over|in|within|across|during|after)\s+(?:the\s+(?:next|first|coming)\s+)?(\d+(?:\.\d+)?|${anyWord(Object.keys(CARDINAL_WORDS))})\s+(years?|months?)\b`,
  "i",
);
function spanDays(count: string, unit: string): number | undefined {
  const n = /^\d/.test(count) ? Number(count) : (wordsToNumber(count) ?? own(CARDINAL_WORDS, count.toLowerCase()));
  const secs = timeUnit(unit);
  return n && secs ? (n * secs) / 86400 : undefined;
}
/** How a total over a span was read: "40 PB added over 3,650 days: 11 TB a day on average, 4 PB a year". */
function growthReading(total: string, days: number, perDay: number): string {
  const n = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: v < 10 ? 2 : 0 });
  return `${total.trim()} added over ${n(days)} days: ${formatQuantity(perDay, "B")} a day on average, ${formatQuantity(perDay * 365, "B")} a year`;
}
/** A verb that lets people in, straight before their count ("admits 2,000 buyers a minute"). */
const ADMITS_BEFORE = /\b(?:admit\w*|lets?\s+(?:in|through)|letting\s+(?:in|through))\s+(?:up to\s+|about\s+)?$/i;
/** A second kind joined to a counted kind, then the one time unit both share ("codes and order updates a day"). */
const JOINT_RATE = new RegExp(
  String.raw`^\s+(?:and|or|plus)\s+(?:[a-z][a-z-]*\s+){1,3}?(?:per|a|an|each|every)\s+(${LONG_TIME_WORD})\b`,
  "i",
);
// and never the receivers a change fans out to: "a flag change reaches 50,000 SDKs within 3 seconds", "pushed to 40,000
// hosts in a minute" count where it lands, a set bounded in time, not acts at a rate (capacity/spread.ts sizes those)
const BURST_NOT =
  /\b(?:more than|fewer than|less than|at most|up to|no more than|over|exceed\w*|after|limit\w*|caps?|capped|quotas?|allow\w*|any|each|every|per|a single|one)\s+(?:[\w'-]+\s+){0,4}$|\b(?:reach\w*|propagat\w*|across)\s+(?:(?:all|every|our|the|its|their)\s+)?$|\b(?:push\w*|deliver\w*|roll\w* out|fan\w* out|cop(?:y|ies|ied)|replicat\w*|ship\w*|appl(?:y|ies|ied)|distribut\w*|broadcast\w*|live)\s+(?:[\w'-]+\s+){0,3}?(?:to|on|across)\s+(?:(?:all|every|our|the|its|their)\s+)?$/i;
function burstWindow(after: string): { length: number; secs: number; said: string } | undefined {
  const m = BURST_WINDOW.exec(after);
  // a bare unit is a span only after "the first" ("in the first minute"); "in seconds" says how fast, not how long
  if (!m || (m[2] === undefined && m[3] === undefined && m[1] === undefined)) return undefined;
  const said = m[2];
  const count =
    said === undefined
      ? 1
      : /^\d/.test(said)
        ? Number(said)
        : (wordsToNumber(said) ?? own(CARDINAL_WORDS, said.toLowerCase()));
  const unit = timeUnit(m[4] ?? "");
  if (!count || !unit || count * unit > 86400) return undefined;
  return { length: m[0].length, secs: count * unit, said: m[0].trim() };
}

function parseScale(text: string, implied: StatedNfrs["implied"] = {}): Scale {
  const scale: Scale = {};
  const t = text.replace(/[\u2013\u2014]/g, "-");
  const lowered = t.toLowerCase();
  // A width or length ("64-bit ids", "7-character codes", "16 digits") describes a value, never an amount.
  // A number word joined to a word that makes a term ("one-time codes", "two-phase commit", "one-off jobs") counts nothing.
  const nums = findNumbers(t).filter(
    (n) => !WIDTH.test(t.slice(n.end)) && !NUMBER_TERM.test(t.slice(n.start, n.end + 12)),
  );
  /** A rate noun whose time unit is stated only after the next number ("50k writes and 200k reads per second"). */
  const pendingRate: { value: number; start: number; rate: string }[] = [];
  /** Rates composed from a fleet's count and one member's rate: a rate the prompt states outright replaces them. */
  const composed = new Set<string>();

  /** The end of a span a rate already read whole ("50 million alerts in 2 minutes"): numbers inside it are read. */
  let readTo = 0;
  for (let ni = 0; ni < nums.length; ni++) {
    const n = nums[ni] as NumberMatch;
    if (n.start < readTo) continue;
    const nextStart = nums[ni + 1]?.start ?? t.length;
    const rest = t.slice(n.end, nextStart);
    let pos = 0;
    const quoteTo = (k: number) => t.slice(n.start, n.end + k);
    // "is credited $10", "at most $500 per calendar year": an amount of money is the rule's amount (a credit, a
    // charge, a cap on what one scope receives in a period), never a rate or a count of anything
    const currency = /[$\u20ac\u00a3]\s*$/.test(t.slice(Math.max(0, n.start - 2), n.start));
    const moneyWord = /^\s*(?:dollars|euros|pounds|usd|eur|gbp)\b/i.exec(rest);
    if (currency || moneyWord) {
      const span =
        (moneyWord?.[0].length ?? 0) + (MONEY_PERIOD.exec(rest.slice(moneyWord?.[0].length ?? 0))?.[0].length ?? 0);
      const lead = currency ? 1 : 0;
      const said = t.slice(n.start - lead, n.end + span);
      const cap = MONEY_CAP_BEFORE.exec(t.slice(Math.max(0, n.start - lead - 30), n.start - lead));
      setScale(scale, cap ? "amount_cap" : "money_amount", n.value, cap ? `${cap[0]}${said}` : said);
      continue;
    }
    // "the 20 most similar images", "the 10 nearest neighbours": how many a search returns (top_k, read below)
    if (/^\s+(?:nearest|closest|most similar)\b/i.test(rest)) continue;
    const plus = /^\+/.exec(rest);
    if (plus) pos += 1;
    const before = t.slice(Math.max(0, n.start - 40), n.start);
    // Clause breaks, but not the comma or point inside a number ("20,000 servers", "1.5 GB").
    const clauseBefore = before.split(/[;:!?]|[.,](?!\d)/).pop() ?? "";

    // "a city of 2 million people", "a country of 60 million", "the town's 40,000 residents": the people living in the
    // place the service runs in, who bound its users, riders and trips (each derived with a stated share), never all
    // of them users
    const placeBefore = PLACE_OF_BEFORE.exec(clauseBefore);
    const people = placeBefore ? PLACE_PEOPLE_AFTER.exec(rest.slice(pos)) : RESIDENTS_AFTER.exec(rest.slice(pos));
    if (people) {
      const said = `${placeBefore?.[0] ?? ""}${quoteTo(pos + people[0].length)}`;
      setScale(
        scale,
        "place_population",
        n.value,
        said,
        `the people living where the service runs, ${grouped(n.value)}, which bound its users, not all of them users`,
      );
      continue;
    }
    // "6 million connected at peak", "2 million users online at once": the people or devices holding a session at the
    // same moment are the connected clients, never the product's whole user base; "30 million registered" with its
    // noun left out (said beside the connected ones) is the user base
    const online = ONLINE_AFTER.exec(rest.slice(pos));
    if (online) {
      setScale(scale, "clients", n.value, quoteTo(pos + online[0].length), vagueReading(t, n));
      continue;
    }
    const registered = ELIDED_USERS.exec(rest.slice(pos));
    if (registered) {
      setScale(scale, "users", n.value, quoteTo(pos + registered[0].length), vagueReading(t, n));
      continue;
    }

    // Bits a second: "10 Tbps", "400 Gbit/s": a bandwidth to serve, in bytes a second (eight bits a byte), taken as
    // the peak as a bandwidth in bytes a second is
    const bits = /^\s*([kmgtp])(?:bps|bits?\/s|bits? per second)\b/i.exec(rest.slice(pos));
    if (bits) {
      const perBit = own(BYTE_UNITS, `${(bits[1] ?? "").toLowerCase()}b`) ?? 1;
      const said = quoteTo(pos + bits[0].length);
      setScale(scale, "bytes_per_sec", (n.value * perBit) / 8, said);
      if (implied.peak_factor === undefined)
        implied.peak_factor = {
          value: 1,
          because: `the prompt states '${said.trim()}' as the bandwidth to serve, which is taken as the peak (it does not call it an average)`,
        };
      continue;
    }

    // Bytes: "1 TB/day", "500 GB per hour", "10 PB", "1 KB messages".
    const bytes = /^\s*(kib|mib|gib|tib|pib|kb|mb|gb|tb|pb|eb|(?:kilo|mega|giga|tera|peta|exa)bytes?|bytes?|b)\b/i.exec(
      rest.slice(pos),
    );
    if (bytes) {
      const v = n.value * (own(BYTE_UNITS, (bytes[1] ?? "").toLowerCase()) ?? 1);
      pos += bytes[0].length;
      // "3 TB of logs a day", "500 GB of new photos per hour": the bytes of a named thing arriving each period are
      // that period's ingest, never the bytes kept (what is kept is the daily bytes over the stated retention)
      const ofThing = BYTES_OF_THING.exec(rest.slice(pos));
      const per =
        PER_TIME.exec(rest.slice(pos)) ?? (ofThing ? PER_TIME.exec(rest.slice(pos + ofThing[0].length)) : null);
      if (per && ofThing && !PER_TIME.exec(rest.slice(pos))) pos += ofThing[0].length;
      if (per) {
        const secs = timeUnit(per[1] ?? "");
        // a bandwidth stated per second or minute is the rate to serve ("ingests 1 GB/s"), kept as stated and taken
        // as the peak; per hour or longer it is a daily amount, an average
        const said = quoteTo(pos + per[0].length);
        // "200,000 servers. Each server writes about 2 KB of logs per second": one member's bandwidth times the fleet
        const fleet = secs ? eachOfFleet(t, nums, ni, scale) : undefined;
        const fleetSaid = fleet ? t.slice(fleet.start, n.end + pos + per[0].length) : said;
        const fleetReading = fleet && secs ? eachReading(fleet, v, said, (fleet.count * v) / secs, "B") : undefined;
        const amount = v * (fleet?.count ?? 1);
        if (secs && secs <= 60) {
          setScale(scale, "bytes_per_sec", amount / secs, fleetSaid, fleetReading);
          if (implied.peak_factor === undefined)
            implied.peak_factor = {
              value: 1,
              because: `the prompt states '${said.trim()}' as the bandwidth to serve, which is taken as the peak (it does not call it an average)`,
            };
        } else if (secs) setScale(scale, "bytes_per_day", (amount / secs) * 86400, fleetSaid, fleetReading);
        continue;
      }
      // "40 PB over ten years", "grows to 2 PB of scans within 5 years": a total said over a span of years or months is
      // what the span adds, so its ingest a day is the total over the span's days (the total stays the bytes stored)
      const grown = GROWTH_SPAN.exec(t.slice(n.end + pos));
      const grownDays = grown ? spanDays(grown[1] ?? "", grown[2] ?? "") : undefined;
      if (grown && grownDays) {
        const said = t.slice(n.start, n.end + pos + grown[0].length);
        const perDay = v / grownDays;
        setScale(scale, "bytes_stored", v, quoteTo(pos));
        setScale(scale, "bytes_per_day", perDay, said, growthReading(quoteTo(pos), grownDays, perDay));
        continue;
      }
      const after = rest.slice(pos, pos + 30).toLowerCase();
      const near = `${clauseBefore.slice(-25)} ${after}`.toLowerCase();
      // "20,000 events/s of 2 KB", "messages of about 1 KB": a size said of the records just counted is each record's
      // "on 12 TB disks", "16 TB drives": one disk's size; "100 TB per node", "200 TB servers": one node's
      const id = /^\s*(?:disks?|drives?|hdds?|ssds?)\b|^\s*per (?:disk|drive)\b/.test(after)
        ? "disk_bytes"
        : /^\s*(?:(?:storage )?(?:nodes?|servers?|machines?|hosts?))\b|^\s*(?:per|on each|each) (?:storage )?(?:node|server|machine|host)\b/.test(
              after,
            )
          ? "node_bytes"
          : /^\s*(?:of\s+)?(?:messages?|events?|records?|payloads?|log lines?|requests?)\b/.test(after) ||
              RECORD_OF_BEFORE.test(clauseBefore)
            ? "message_bytes"
            : /^\s*(?:values?|items?|entries)\b/.test(after) ||
                // "a key-value store holding 40 TB" names the store, whose total it is, never each value's size
                /(?<!\bkey[- ])\bvalues?\b(?![- ]stores?\b)/.test(clauseBefore.slice(-20))
              ? "value_bytes"
              : /^\s*(?:objects?|files?|blobs?|photos?|images?|videos?|uploads?|artifacts?)\b|^\s*(?:each|apiece|on average)\b|^\s*per (?:object|file|photo|image|video|upload)\b/.test(
                    after,
                  ) ||
                  /\b(?:average|averag(?:es|ed|ing)|avg|each|per|size of|up to|weighing)\b[^,.;]*$/.test(
                    clauseBefore.slice(-30),
                  )
                ? /\b(?:message|event|record|payload)s?\b/.test(near)
                  ? "message_bytes"
                  : "object_bytes"
                : /^\s*(?:chunks?|blocks?)\b/.test(after)
                  ? "chunk_bytes"
                  : "bytes_stored";
      // The quote runs through the next word only when that word named what the bytes are ("1 KB messages").
      const next = /^\s*(?!of\b)\w+/.exec(rest.slice(pos))?.[0].length ?? 0;
      // "files up to 10 GB", "objects as large as 5 TB": the largest one, a maximum, never the average object size
      const most = MOST_BYTES_BEFORE.exec(clauseBefore);
      const objectNoun = /\b(?:objects?|files?|blobs?|photos?|images?|videos?|uploads?|artifacts?|attachments?)\b/i;
      if (most && (id === "object_bytes" || (id === "bytes_stored" && objectNoun.test(clauseBefore)))) {
        setScale(scale, "max_object_bytes", v, `${clauseBefore.slice(most.index)}${quoteTo(pos)}`);
        continue;
      }
      setScale(scale, id, v, quoteTo(id === "bytes_stored" ? pos : pos + next));
      continue;
    }

    // A distance a search reaches: "within 5 km", "a 3-mile radius", "radius of 500 meters"
    const dist = DISTANCE.exec(rest.slice(pos));
    if (dist) {
      const km = n.value * (own(KM_IN, (dist[1] ?? "").toLowerCase().replace(/s$/, "")) ?? 0);
      const word = /^\s*radius\b/i.exec(rest.slice(pos + dist[0].length))?.[0] ?? "";
      const radius = word !== "" || /\b(?:within|radius of|around|up to|inside)\s*$/i.test(clauseBefore);
      const lead = /\S+\s*$/.exec(clauseBefore)?.[0] ?? "";
      if (km > 0 && radius) setScale(scale, "radius_km", km, `${lead}${quoteTo(pos + dist[0].length + word.length)}`);
      if (km > 0) continue;
    }

    // "read 500 times for every write", "read thousands of times between edits": reads per write, the read-to-write
    // ratio (never a frequency: no time unit follows)
    const perWrite = READS_PER_WRITE.exec(rest.slice(pos));
    if (perWrite && n.value > 1) {
      setScale(scale, "read_write_ratio", n.value, quoteTo(pos + perWrite[0].length), vagueReading(t, n));
      continue;
    }

    // A frequency: "state updates reach every player 30 times per second", "heartbeats twice a second"
    const times = TIMES_PER.exec(rest.slice(pos));
    const perSecs = times ? timeUnit(times[1] ?? "") : undefined;
    if (times && perSecs && n.value > 0) {
      const said = quoteTo(pos + times[0].length);
      const sentence =
        t
          .slice(Math.max(0, n.start - 90), n.start)
          .split(/[;:!?]|[.](?!\d)/)
          .pop() ?? "";
      // the interval of a paced thing the sentence names (a heartbeat, a report), else a subject's update rate
      const period = DURATION_CONTEXT.find((c) => PERIOD_IDS.has(c.id) && c.re.test(sentence));
      if (period) setScale(scale, period.id, perSecs / n.value, said);
      else if (UPDATE_WORDS.test(sentence)) setScale(scale, "updates_per_subject_per_sec", n.value / perSecs, said);
      // "the same product images are requested 400,000 times a second", "episodes are downloaded 50M times a day": how
      // often a thing is read is the read rate the serving path takes, a request each
      else if (READ_TIMES.test(sentence)) {
        const quote = `${sentence.slice(READ_TIMES.exec(sentence)?.index ?? sentence.length)}${said}`;
        setScale(scale, "requests_per_sec", n.value / perSecs, quote, vagueReading(t, n));
        setScale(scale, "reads_per_sec", n.value / perSecs, quote, vagueReading(t, n));
        if (perSecs <= 60 && implied.peak_factor === undefined)
          implied.peak_factor = {
            value: 1,
            because: `the prompt states '${quote}' as the rate to serve, which is taken as the peak (it does not call it an average)`,
          };
      } else {
        // "each developer key may call the API at most 50 times a second", "scores are submitted 60,000 times a
        // second": how often the clause's act happens is a rate of its subject, one request each; a scope word
        // before it ("each key", "per user") makes it one key's rate, never the fleet's
        // (only in the frequency's own clause: "each player sees a rank, and scores are submitted …" is the fleet's)
        const clause = sentence.split(/,|\b(?:and|but|while|whereas)\b/).pop() ?? "";
        const sb = /\b(?:per|each|every|a single|one)[- ]((?:[a-z]+[- ])?[a-z]+)\b[^.;]*$/i.exec(clause);
        const scopeWords = (sb?.[1] ?? "").split(/[- ]/);
        const scope = sb ? (scopeOf(scopeWords.at(-1) ?? "") ?? scopeOf(scopeWords[0] ?? "")) : undefined;
        const quote = `${sb && scope ? clause.slice(sb.index) : ""}${said}`;
        // with no scope, only a thing said to be acted on that often ("are submitted", "is clicked") is the fleet's
        // rate; "machines phone home 3 times an hour" is each machine's own pace, which no fleet rate is
        const acted = PASSIVE_TIMES.exec(t.slice(Math.max(0, n.start - 40), n.start));
        // "each invoice is retried 3 times a day": a frequency said of each of many things is each one's own pace
        if (!scope && (!acted || sb)) continue;
        // a thing written that often ("scores are submitted", "rows are inserted") is a write rate, else a request's
        const rate = acted && WRITTEN_VERB.test(acted[0]) ? "writes_per_sec" : "requests_per_sec";
        const id = scope ? `${rate}_per_${scope}` : rate;
        const subject = acted ? (/\b[a-z]+\s+$/i.exec(t.slice(0, n.start - acted[0].length))?.[0] ?? "") : "";
        const words = scope ? quote : `${subject}${acted?.[0] ?? ""}${said}`.trim();
        setScale(scale, id, n.value / perSecs, words);
        if (!scope && perSecs <= 60 && implied.peak_factor === undefined)
          implied.peak_factor = {
            value: 1,
            because: `the prompt states '${words}' as the rate to serve, which is taken as the peak (it does not call it an average)`,
          };
      }
      continue;
    }

    // "500 hours of video uploaded every minute", "10,000 minutes of audio per hour", "every minute, 500 hours of video
    // arrive": an amount of media said per time is the media arriving each second, which sizes encoding and storage
    // directly (a typical upload count beside it would be a guess the prompt's own number already answers)
    const media = MEDIA_PER_TIME.exec(rest.slice(pos)) ?? MEDIA_AMOUNT.exec(rest.slice(pos));
    const mediaSecs = media ? timeUnit(media[1] ?? "") : undefined;
    const mediaPer = media
      ? (media[2] ?? MEDIA_PERIOD_BEFORE.exec(t.slice(Math.max(0, n.start - 30), n.start))?.[1])
      : undefined;
    const mediaPerSecs = mediaPer ? timeUnit(mediaPer) : undefined;
    if (media && mediaSecs && mediaPerSecs) {
      const said = media[2]
        ? quoteTo(pos + media[0].length)
        : `${MEDIA_PERIOD_BEFORE.exec(t.slice(Math.max(0, n.start - 30), n.start))?.[0] ?? ""}${quoteTo(pos + media[0].length)}`;
      const perSec = (n.value * mediaSecs) / mediaPerSecs;
      setScale(
        scale,
        "media_seconds_per_sec",
        perSec,
        said,
        `${sig(perSec)} seconds of media arriving each second (${grouped(Math.round(n.value * mediaSecs))} s every ${grouped(mediaPerSecs)} s)`,
      );
      readTo = Math.max(readTo, n.end + pos + media[0].length);
      continue;
    }
    // "expire after 30 idle minutes", "dropped after 30 idle days": an entry kept while it is touched and dropped after
    // that much idle time has a sliding time to live of that length
    const idle = IDLE_DURATION.exec(rest.slice(pos));
    const idleSecs = idle ? timeUnit(idle[1] ?? "") : undefined;
    if (idle && idleSecs) {
      setScale(scale, resolveLease({ id: "ttl_seconds" }, t).id, n.value * idleSecs, quoteTo(pos + idle[0].length));
      continue;
    }
    // Durations: "10 second TTL", "10-second leases", "7 days retention", "every 5 seconds".
    const dur = DURATION.exec(rest.slice(pos));
    const durSecs = dur ? timeUnit(dur[1] ?? "") : undefined;
    // "1 million alert rules every 30 seconds", "10 million devices each sending a reading every 10 seconds": an
    // interval that paces the items the noun before it names
    if (
      dur &&
      durSecs &&
      pacedBy(t, nums[ni - 1], n, durSecs, quoteTo(pos + dur[0].length), scale, eachOfFleet(t, nums, ni, scale, 1))
    )
      continue;
    if ((dur && !/\bper\s*$|\/\s*$/i.test(clauseBefore.slice(-8))) || (dur && /\bevery\s*$/i.test(clauseBefore))) {
      const secs = timeUnit(dur?.[1] ?? "");
      if (dur && secs) {
        const after = rest.slice(pos + dur[0].length, pos + dur[0].length + 24);
        // a bound's verb may sit a few words ahead ("purged content is gone everywhere within 2 seconds")
        const wideClause =
          t
            .slice(Math.max(0, n.start - 70), n.start)
            .split(/[;:!?]|[.,](?!\d)/)
            .pop() ?? "";
        // a bound tied to a due time is the latency of releasing a due item (parseLatency reads it), no scale entry
        if (OF_DUE_TIME.test(ownPhrase(after))) continue;
        // "under 5 seconds of delay" on a live stream: how far a viewer's picture may trail the source, a bound spent
        // over the stream's stages (encode, segments the player holds, edge delivery), never a request's latency
        const ofDelay = promptHas(LIVE_WORDS, t)
          ? LIVE_DELAY_AFTER.exec(rest.slice(pos + dur[0].length, pos + dur[0].length + 48))?.[0]
          : undefined;
        const found =
          (ofDelay ? { id: "live_delay_seconds" } : undefined) ??
          // "answers searches over the last 90 days within 2 seconds" where records are kept for years: the span
          // searches look back over, never a freshness bound (the bound after it is the search's latency)
          (secs >= 86400 && LOOKBACK.test(clauseBefore) && keptLonger(t, n.start)
            ? { id: "search_window_days", toDays: true }
            : undefined) ??
          // "a push 48 hours before the lease ends": a duration before its event is a lead time, whatever verb leads it
          (LEAD_AHEAD.test(after) ? timerLead(clauseBefore, after) : undefined) ??
          retryWindow(t.slice(0, n.start), clauseBefore, after.split(/[.;,]/)[0] ?? "") ??
          (HELD_FROM_OTHERS.test(clauseBefore) ? { id: "hold_seconds" } : undefined) ??
          lateArrival(clauseBefore, after) ??
          (TO_SPREAD_AFTER.test(after) ? { id: "propagation_seconds" } : undefined) ??
          durationId(clauseBefore.slice(-30), ownPhrase(after), t, wideClause) ??
          // "each forklift asks the dispatcher for its next task every 2 seconds": the asking verb may sit further back
          (ASKS_EVERY.test(wideClause) ? { id: "request_interval_seconds" } : undefined) ??
          // "may trail the ticket database by at most 30 s", "never serve a revoked session for more than 2 seconds":
          // how far a copy may lag its source, its words a little further ahead than a short clause's tail
          (TRAILS_BY.test(wideClause) || SERVES_STALE_FOR.test(wideClause)
            ? { id: "propagation_seconds" }
            : undefined) ??
          // "readable by any number of services, each from its own saved position, for up to ninety days": the span
          // things stay readable, said after clauses of their own in the same sentence
          (secs >= 86400 && READABLE_FOR.test(sentenceBefore(t, n.start))
            ? { id: "retention_days", toDays: true }
            : undefined) ??
          // "keeps unacknowledged messages for 14 days": the keeping verb may sit a few words ahead of its "for"
          (RETAINED_FOR.test(clauseBefore) || RETAINED_FOR.test(wideClause)
            ? { id: "retention_days", toDays: true }
            : undefined) ??
          // "evaluates 5 million series every 30 seconds": a period's verb may sit before its counted noun
          (PERIOD_BEFORE.test(clauseBefore)
            ? DURATION_CONTEXT.find((c) => PERIOD_IDS.has(c.id) && c.re.test(wideClause))
            : undefined) ??
          // "every container reports CPU, memory and latency every ten seconds": the paced verb may sit before a list
          // whose commas end the clause, so the whole sentence before the period is read for it
          (PERIOD_BEFORE.test(clauseBefore)
            ? DURATION_CONTEXT.find((c) => PERIOD_IDS.has(c.id) && c.re.test(sentenceBefore(t, n.start)))
            : undefined) ??
          // "chart any of them over thirty days", "answer range queries over 30 days": a span read back must be kept
          (QUERIED_OVER.test(clauseBefore) ? { id: "retention_days", toDays: true } : undefined) ??
          timerLead(clauseBefore, after) ??
          // "stays downloadable for 7 years", "raw points for 7 days", "5 years of mail": a span of days or more that
          // things stay reachable for, in a sentence about keeping them, is how long they are kept
          (secs >= 86400 && keptSpan(clauseBefore, after, sentenceBefore(t, n.start))
            ? { id: "retention_days", toDays: true }
            : undefined);
        // a retention is kept for days, never said in seconds or milliseconds ("a key-value store with p99 latency
        // under 10 ms", "keeps serving … within 10 seconds"): a unit that does not fit is refused, not converted;
        // and a period never binds a bound nor a bound a period
        const target = (found?.toDays && secs < 60) || (found && !fitsRole(found.id, clauseBefore)) ? undefined : found;
        // the word after a duration joins its quote when it says what the duration is ("10 second TTL"), never a
        // joining word ("7 days of data")
        const afterWord =
          /^[- ]?\s*(?!(?:of|and|or|but|unless|until|because|that|which|who|while|if|when|the|a|an|to|for|in|with|without|at|on|across|each|per)\b)([a-z-]+)/i.exec(
            after,
          )?.[0] ?? "";
        if (target) {
          const value = n.value * secs;
          // a failover bound is quoted from the words that make it one ("fails over within 5 seconds")
          // a live stream's delay is quoted with its bound word and what it is ("under 5 seconds of delay")
          // and a failover bound with the failure it counts from ("within 10 seconds of a failure")
          const ofFailure =
            target.id === "failover_seconds"
              ? (/^\s+(?:of|after)\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+)?(?:failures?|crash(?:es)?|outages?|faults?|loss)\b/i.exec(
                  after,
                )?.[0] ?? "")
              : "";
          const said = quoteTo(
            pos +
              dur[0].length +
              (target.id === "live_delay_seconds" ? (ofDelay?.length ?? 0) : afterWord.length || ofFailure.length),
          );
          const leadWords = own(LEAD_WORDS, target.id);
          const lead =
            target.id === "live_delay_seconds"
              ? BOUND_BEFORE.exec(clauseBefore)?.index
              : leadWords &&
                (lastMatch(leadWords.words, leadWords.wide ? wideClause : clauseBefore) ??
                  (leadWords.orElse && lastMatch(leadWords.orElse, leadWords.wide ? wideClause : clauseBefore)) ??
                  // a change said to reach everywhere ("… that session everywhere within") is quoted from there
                  (target.id === "propagation_seconds" ? EVERYWHERE_WITHIN.exec(wideClause)?.index : undefined));
          setScale(
            scale,
            target.id,
            target.toDays ? value / 86400 : value,
            lead === undefined
              ? said
              : `${(
                  target.id === "propagation_seconds" ||
                  target.id === "detection_bound_seconds" ||
                  target.id === "redelivery_bound_seconds" ||
                  target.id === "rollback_bound_seconds" ||
                  target.id === "failover_seconds"
                    ? wideClause
                    : clauseBefore
                ).slice(lead)}${said}`,
          );
          // clients each asking once an interval make a steady load the interval sets: no daily peak multiplies it
          if (target.id === "request_interval_seconds" && implied.peak_factor === undefined)
            implied.peak_factor = {
              value: 1,
              because: `the prompt says each client asks every '${said.trim()}', a steady rate the interval sets, so no daily peak multiplies it`,
            };
        }
        continue;
      }
    }

    // "users follow 200 accounts on average": the average out-degree of the follow graph, which
    // equals its average in-degree (every edge has one follower and one followee).
    if (/\bfollow(?:s|ing)?\s+(?:about\s+|around\s+|roughly\s+|an average of\s+|on average\s+)?$/i.test(clauseBefore)) {
      const noun = /^\s+(?:other\s+)?(?:accounts?|users?|people|creators?|others|friends)\b/i.exec(rest.slice(pos));
      if (noun) {
        setScale(scale, "followers_per_user", n.value, quoteTo(pos + noun[0].length));
        continue;
      }
    }
    // "sends each event to 500 subscribers", "delivers every message to up to 50 consumers": the parties one item is
    // sent to, a fan-out per item, never the product's population of users (a count of subscriptions or consumer
    // groups is read below as the groups that each read every item)
    const fannedTo = /^\s+(?:subscribers?|consumers?|recipients?|listeners?|destinations?|endpoints?|sinks?)\b/i.exec(
      rest.slice(pos),
    );
    if (fannedTo && FAN_OUT_BEFORE.test(clauseBefore)) {
      setScale(scale, "fanout", n.value, quoteTo(pos + fannedTo[0].length));
      continue;
    }
    // "each user has 300 followers", "an average of 200 followers"
    const followers = /^\s+(?:followers|friends|connections)\b/i.exec(rest.slice(pos));
    if (followers && /\b(?:each|every|per|average|avg|typical|users? (?:has|have))\b[^.;,]*$/i.test(clauseBefore)) {
      setScale(scale, "followers_per_user", n.value, quoteTo(pos + followers[0].length));
      continue;
    }

    // "only one worker", "exactly one instance", "a single leader": exclusivity the design must enforce, not an amount.
    if (n.value === 1 && /\b(?:only|exactly|just|at most|never more than|no more than)\s+$/i.test(clauseBefore))
      continue;
    // "editing one document", "in a single room": the subject people share, not a count of subjects
    if (n.value === 1 && /^\s*[a-z]/i.test(rest) && subjectNounAt(rest.trimStart()) !== undefined) continue;

    // Noun phrase: up to four words, stopping at a stop word or punctuation.
    // a particle joined to its word ("signed-in users", "logged-in sessions") is one modifier, never a stop word
    // a product's name with its digits ("10 million S3 buckets", "EC2 instances") is one modifier word, never a word
    // cut before a number
    const wordsRe = /^(?:[ -]+|\s+)([a-z][a-z']*(?:\d+[a-z]*\b)?(?:-(?:in|up|on|out|off)\b)?)/i;
    const words: string[] = [];
    const ends: number[] = [];
    let p = pos;
    // "500 million push, email and SMS messages a day": the listed kinds name the head noun after them; a list has two
    // kinds before its "and" ("20 bidders, and must answer …" is a noun and the next clause, not a list)
    const list = kindsList(rest.slice(p));
    if (list?.[0].includes(",")) p += list[0].length - 1;
    for (let k = 0; k < 4; k++) {
      const width = WIDTH_WORD.exec(rest.slice(p));
      if (width) {
        p += width[0].length;
        k--;
        continue;
      }
      const w = wordsRe.exec(rest.slice(p));
      if (!w) break;
      const word = (w[1] ?? "").toLowerCase();
      // "of" inside a listed noun ("150 points of presence", "5,000 units of stock") is part of it, never its end
      const ofNext = word === "of" ? wordsRe.exec(rest.slice(p + w[0].length))?.[1]?.toLowerCase() : undefined;
      const inNoun =
        ofNext !== undefined && words.length > 0 && nounAt([...words.slice(-1), "of", ofNext], 0)?.used === 3;
      if (!inNoun && (STOP.has(word) || timeUnit(word) !== undefined)) break;
      words.push(word);
      p += w[0].length;
      ends.push(p);
    }
    const slashRate = /^\/\s*(s|sec|second|min|minute|h|hr|hour|d|day)\b/i;
    let hit = nounOf(words);
    let head: number | undefined;
    // "10k lock acquisitions per second": a known noun with one more word before the time unit is only that
    // word's modifier; the phrase counts events of an unlisted kind per second, a request rate, not 10k locks
    if (hit && ends[hit.used] !== undefined) {
      const after = rest.slice(ends[hit.used]);
      if (slashRate.test(after) || PER_LONG_TIME.test(after)) {
        // "50,000 workflow starts per second": a word that counts occurrences of the known noun keeps its kind
        if (hit.entry.rate && OCCURRENCE_HEADS.test(words[hit.used] ?? ""))
          hit = { entry: hit.entry, noun: `${hit.noun} ${words[hit.used]}`, used: hit.used + 1 };
        else {
          head = ends[hit.used];
          hit = undefined;
        }
      }
    }
    // "issues time-ordered IDs at 2 million per second", "events at 50,000 a second": with no noun after the figure, a
    // listed noun said just before "at" is what the rate counts
    if (!hit && words.length === 0) {
      const at = NOUN_AT_BEFORE.exec(clauseBefore);
      const before = at ? nounAt([(at[1] ?? "").toLowerCase()], 0) : undefined;
      if (before?.entry.rate) hit = { entry: before.entry, noun: before.noun, used: 0 };
    }
    // "indexes 20,000 articles per second", "stores 3,000 invoices a second": a noun no entry lists, counted per time
    // straight after a verb that writes it, is a record the system writes, so the rate is its write rate
    let ownRecords = false;
    if (!hit && head === undefined && WRITES_BEFORE.test(clauseBefore))
      for (const end of ends.slice(0, 2))
        if (PER_LONG_TIME.test(rest.slice(end))) {
          head = end;
          ownRecords = true;
          break;
        }
    // "3,000 offers per second", "20 sign-up attempts per hour", "2 million expirations a day": a noun no entry lists,
    // counted per time, names an act the system serves, so the rate is its request rate (read like a bare "10k/s"),
    // which each archetype takes as its own operation's rate; left unread, the figures fall back to a typical load
    if (!hit && head === undefined)
      for (const end of ends.slice(0, UNLISTED_RATE_WORDS))
        if (
          slashRate.test(rest.slice(end)) ||
          PER_LONG_TIME.test(rest.slice(end)) ||
          burstWindow(t.slice(n.end + end)) !== undefined
        ) {
          head = end;
          break;
        }
    // "10k/s", "10k req/s": a rate with the noun before the slash or none at all.
    let nounEnd = hit ? (ends[hit.used - 1] ?? pos) : (head ?? pos);
    // "20,000 codes are sent per second": a passive verb between the noun and its time unit says what happens to each
    const passive = hit ? PASSIVE_BEFORE_RATE.exec(rest.slice(nounEnd)) : null;
    const passiveRate = passive
      ? (slashRate.exec(rest.slice(nounEnd + passive[0].length)) ??
        PER_LONG_TIME.exec(rest.slice(nounEnd + passive[0].length)))
      : null;
    if (passive && passiveRate) nounEnd += passive[0].length;
    const afterNoun = rest.slice(nounEnd);
    // "900 requests per 15 minutes": a rate over a window of several time units, the window's seconds its span
    // (the words run past the next number, the window's count, which is read here with it)
    const perSpan = PER_SPAN.exec(t.slice(n.end + nounEnd));
    const rateM =
      slashRate.exec(afterNoun) ??
      PER_LONG_TIME.exec(afterNoun) ??
      (perSpan ? (Object.assign([perSpan[0], perSpan[2] ?? ""], { index: 0 }) as unknown as RegExpExecArray) : null);
    const spanUnits = rateM && perSpan && rateM[0] === perSpan[0] ? Number(perSpan[1]) : 1;
    if (spanUnits > 1) readTo = Math.max(readTo, n.end + nounEnd + (rateM?.[0].length ?? 0));
    const intrinsic = hit && /^(?:rps|qps|tps|ops)$/.test(hit.noun);
    // a count of acts or of new things said with the short span they all happen in is a rate over that span
    // (acts or things of a kind no entry lists, never a stock such as seats; never a limit or one scope's count, "any IP
    // that sends more than 300 requests in a minute", "after five attempts in an hour", which is a quota)
    const burst =
      rateM ||
      intrinsic ||
      (hit && (!hit.entry.rate || hit.entry.count)) ||
      n.value < 10 ||
      BURST_NOT.test(clauseBefore)
        ? undefined
        : burstWindow(t.slice(n.end + nounEnd));
    // "collects disk usage from 50,000 hosts every minute": a count of things with no rate of their own, said with a
    // period, is how many there are (each acting once in it), never a rate dropped as neither; the count binds as a bare
    // count, and the period is the interval the clause's verb names (collects, reports, scrapes, checks in)
    const countPeriod =
      rateM && hit?.entry.count && !hit.entry.rate && !hit.entry.interval && !WRITES_BEFORE.test(clauseBefore)
        ? PERIOD_OF_COUNT.exec(afterNoun)
        : null;
    if (countPeriod) {
      const secs = timeUnit(countPeriod[1] ?? "");
      const period = DURATION_CONTEXT.find((c) => PERIOD_IDS.has(c.id) && c.re.test(clauseBefore));
      if (secs && period) setScale(scale, period.id, secs, quoteTo(nounEnd + countPeriod[0].length));
    } else if (rateM || intrinsic || burst) {
      const secs = rateM ? (timeUnit(rateM[1] ?? "") ?? 0) * spanUnits : (burst?.secs ?? 1);
      // "stores 5,000 records per second": a counted noun (records, rows, files) written per time is a write rate too
      const written = ownRecords || (!!hit?.entry.count && !hit.entry.interval && WRITES_BEFORE.test(clauseBefore));
      // "moves 30 million packages a day", "takes in 2 million documents an hour": stored things (a noun counted as
      // objects, with no rate of its own) counted per time arrive as new records, each written once, unless a verb
      // before them reads them ("serves 10 million files a day" is a read rate)
      const stored = hit?.entry.count === "objects" && !hit.entry.rate && !hit.entry.interval;
      const arriving = stored && !READS_BEFORE.test(clauseBefore);
      const served = stored && READS_BEFORE.test(clauseBefore);
      const rateId =
        hit?.entry.rate ??
        (written || arriving ? "writes_per_sec" : served ? "reads_per_sec" : hit ? undefined : "requests_per_sec");
      // "1 million alert rules every minute": a count of things paced by an interval, each once in it
      if (secs && hit?.entry.count && hit.entry.interval && !rateId) {
        setScale(scale, hit.entry.count, n.value, quoteTo(ends[hit.used - 1] ?? pos));
        setScale(scale, hit.entry.interval, secs, quoteTo(nounEnd + (rateM?.[0].length ?? 0)));
        continue;
      }
      // "a waiting room admits 2,000 buyers a minute": people let in each period are the admission rate; "20 million
      // riders a day": people counted a day are the people active that day, the users the figures size
      if (secs && !rateId && hit?.entry.count === "users") {
        const said = quoteTo(nounEnd + (rateM?.[0].length ?? 0));
        if (ADMITS_BEFORE.test(clauseBefore)) setScale(scale, "admits_per_sec", n.value / secs, said);
        else if (secs === 86400)
          setScale(scale, "users", n.value, said, `${said.trim()}: the people active in a day, read as the users`);
        continue;
      }
      if (!secs || !rateId) continue;
      nounEnd += rateM ? rateM[0].length : (burst?.length ?? 0);
      if (burst) {
        readTo = n.end + nounEnd;
        // the burst is the load while it lasts: the peak, never an average a daily factor multiplies
        if (implied.peak_factor === undefined)
          implied.peak_factor = {
            value: 1,
            because: `the prompt states '${quoteTo(nounEnd).trim()}', a burst whose rate over its span is the peak`,
          };
      }
      // "each pushes one sample every minute": one item of a paced noun a time unit is its interval, not a fleet rate
      const interval = hit?.entry.interval;
      if (interval && n.value === 1 && !/s$/.test(hit?.noun ?? "")) {
        setScale(scale, interval, secs, quoteTo(nounEnd));
        continue;
      }
      // Scope after ("per minute per API key") or before ("each user sends …", "a per-tenant limit of …").
      const scopeAfter = /^\s*(?:per|for each|each|\/)[- ]\s*((?:api[- ])?[a-z]+(?: address)?)\b/i.exec(
        t.slice(n.end + nounEnd),
      );
      let scope = scopeAfter ? scopeAfterRate(scopeAfter[1] ?? "") : undefined;
      // a plan's allowance ("free users get 50 AI edits a day") caps each member; it is no daily volume of the thing
      let allowance = false;
      // the owner's words a limit is said of before its rate, and what they make of it
      let ownerQuote = "";
      let ownerReading: string | undefined;
      if (scope && scopeAfter) nounEnd += scopeAfter[0].length;
      if (!scope) {
        // a bracket closes the words it holds, and a "per …" straight after a time unit scopes the rate said there
        // ("(200 requests a minute per API key) … 75,000 requests a second" is one key's limit, then the fleet's rate)
        const inBracket = clauseBefore.split(/[()[\]]/).pop() ?? "";
        const found = /\b(?:per|each|every|a single|one)[- ]((?:api[- ])?[a-z]+)\b[^.;]*$/i.exec(inBracket);
        const sb = found && !AFTER_TIME_UNIT.test(inBracket.slice(0, found.index)) ? found : null;
        // "computes per-user counts over 1 million events per second": a per-key result computed over the rate (the
        // rate after "over", "across" or "from") scopes the result, never the input rate, which is the fleet's
        const overInput = sb !== null && RATE_AS_INPUT.test(sb[0].slice((sb[1] ?? "").length));
        scope = sb && !overInput ? scopeOf(sb[1] ?? "") : undefined;
        // "a big story can get 50,000 comments in an hour", "one viral post draws 2,000 likes a minute": a single
        // thing of many said to get the rate is one key's burst, never the whole system's rate ("a busy site gets …"
        // names the system itself, whose rate it is)
        const one = ONE_THING_GETS.exec(clauseBefore) ?? HOT_THINGS_GET.exec(clauseBefore);
        if (!scope && one && !WHOLE_SYSTEM.test(one[1] ?? "")) scope = "key";
        // "free keys get 60 calls a minute", "no research group may submit more than 2,000 jobs per hour": one
        // member's or owner's allowance, never the fleet's rate
        const owner =
          TIER_SUBJECT.exec(clauseBefore)?.[1] ??
          NONE_MAY_EXCEED.exec(clauseBefore)?.[1] ??
          ALLOWS_EACH.exec(clauseBefore)?.[1];
        if (!scope && owner) scope = scopeOf(owner) ?? (GROUP_SCOPE.test(owner) ? "tenant" : undefined);
        allowance = !!owner && scope !== undefined;
        // "per-merchant limits of 600 requests per minute", "each seller is limited to …": a limit held per owner of
        // any kind is that owner's allowance, quoted from the owner's words so the reason carries them
        const limited = LIMIT_OWNER_BEFORE.exec(inBracket);
        const limitOwner = limited ? (limited[1] ?? limited[2] ?? limited[3] ?? limited[4] ?? "") : "";
        const limitScope = limited ? limitOwnerScope(limitOwner) : undefined;
        if (limited && limitScope && (!scope || scope === limitScope)) {
          scope = limitScope;
          allowance = true;
          ownerQuote = inBracket.slice(limited.index);
          const o = singular(limitOwner.toLowerCase());
          ownerReading = `a limit held per ${o}, so each ${o} ${o === limitScope ? "has" : `is a ${limitScope} with`} its own budget, counted apart from the fleet's load`;
        }
      }
      const id = scope ? `${rateId}_per_${scope}` : rateId;
      // "400,000 users, each sending 30 messages a day": a rate each member of a fleet counted just before keeps is
      // one member's; the fleet's rate is the count times it, quoted from the count to the rate
      const fleet = scope ? undefined : eachOfFleet(t, nums, ni, scale);
      let value = ((fleet?.count ?? 1) * n.value) / secs;
      const quoteAll = (k: number) => (fleet ? t.slice(fleet.start, n.end + k) : quoteTo(k));
      const reading = fleet
        ? eachReading(fleet, n.value, t.slice(n.start, n.end + nounEnd), value)
        : burst
          ? burstReading(n.value, burst, value)
          : undefined;
      // a fleet's rate stated outright wins over one composed from a member's rate said earlier
      if (!fleet && composed.has(id)) {
        delete scale[id];
        composed.delete(id);
      }
      // "free users get 50 AI edits a day and paid users 2,000": the next tier's bare number keeps this rate's unit and
      // scope; the larger allowance is the busiest key's, which sizes the hot key, and the quote holds both tiers
      const tier = scope ? NEXT_TIER.exec(t.slice(n.end + nounEnd)) : null;
      const tierValue = tier ? Number((tier[2] ?? "").replace(/,/g, "")) : undefined;
      if (tier && tierValue !== undefined && scopeOf(tier[1] ?? "") === scope) {
        const both = quoteTo(nounEnd + tier[0].length);
        const top = Math.max(n.value, tierValue);
        const unit = t.slice(n.start, n.end + nounEnd).trim();
        value = top / secs;
        setScale(
          scale,
          id,
          value,
          both,
          `${both.trim()}: two tiers' allowances, the second said in the first's unit ('${unit}'); the larger, ${top.toLocaleString("en-US")} each ${scope}, is the busiest ${scope}'s`,
        );
        readTo = n.end + nounEnd + tier[0].length;
      }
      setScale(scale, id, value, `${ownerQuote}${quoteAll(nounEnd)}`, reading ?? ownerReading);
      if (fleet) composed.add(id);
      // "lets each customer make 1,000 requests per hour", "10,000 calls per day per key": a limit held per owner is
      // counted over its own rate's unit, so that unit is the quota window every allowance and overshoot figure reads
      // (never a typical per-minute window beside a stated hourly or daily one)
      if (scope && (allowance || LIMIT_WORDS.test(sentenceAround(t, n.start, n.end + nounEnd)))) {
        setScale(
          scale,
          "quota_window_seconds",
          secs,
          `${ownerQuote}${quoteAll(nounEnd)}`,
          `a limit per ${scope} counted over its rate's own unit, a quota window of ${grouped(secs)} s`,
        );
        // "customers may send at most 100 text messages an hour": each limited act is one request the limiter admits,
        // so the limit is also that owner's request allowance (the limiter's budget counts acts of any kind)
        if (rateId !== "requests_per_sec")
          setScale(
            scale,
            `requests_per_sec_per_${scope}`,
            value,
            `${ownerQuote}${quoteAll(nounEnd)}`,
            `a limit per ${scope} on ${singular((hit?.noun ?? "act").toLowerCase())}s, each one request the limiter admits`,
          );
      }
      // A system-wide rate stated per second or minute is the load to serve, so it is already the peak: no
      // peak-to-average factor multiplies it, unless the prompt calls it an average.
      const said = quoteTo(nounEnd).trim();
      const average = /\b(?:average|avg|mean|typical(?:ly)?|normal(?:ly)?)\b/i.test(
        `${clauseBefore.slice(-30)} ${t.slice(n.end + nounEnd, n.end + nounEnd + 30)}`,
      );
      if (secs <= 60 && !scope && !average && !hit?.entry.perStream && implied.peak_factor === undefined)
        implied.peak_factor = {
          value: 1,
          because: `the prompt states '${said}' as the rate to serve, which is taken as the peak (it does not call it an average)`,
        };
      impliedBy(hit?.entry.implies, quoteTo(nounEnd), implied);
      if (!scope)
        for (const also of [hit?.entry.also ?? []].flat()) setScale(scale, also, value, quoteAll(nounEnd), reading);
      // "producers schedule 1 billion messages a day for delivery at a chosen future time": things scheduled to be
      // released at a time are the runs a scheduler fires, so the same rate is its task rate (never a typical one)
      if (
        !scope &&
        rateId !== "tasks_per_sec" &&
        (SCHEDULED_BEFORE.test(clauseBefore.slice(-40)) ||
          DUE_TIME_AFTER.test(t.slice(n.end + nounEnd, n.end + nounEnd + 80)))
      )
        setScale(scale, "tasks_per_sec", value, quoteTo(nounEnd));
      const daily = hit?.entry.daily;
      if (daily && secs >= 86400 && !allowance && (!scope || scope === "user"))
        setScale(
          scale,
          scope ? `${daily}_per_user_per_day` : `${daily}_per_day`,
          value * 86400,
          quoteAll(nounEnd),
          reading,
        );
      // each of the stated users keeps one member's daily rate: the per-user figure the models multiply by the users
      if (daily && fleet?.id === "users")
        setScale(scale, `${daily}_per_user_per_day`, n.value * (86400 / secs), quoteAll(nounEnd), reading);
      // "a billion pages a month": a visit rate stated per day or longer also states the pass period.
      if (rateId === "items_per_sec" && secs >= 86400) setScale(scale, "scan_period_seconds", secs, quoteTo(nounEnd));
      // A rate noun stated just before, with no unit of its own, shares this one.
      for (const pr of pendingRate.splice(0))
        setScale(
          scale,
          scope ? `${pr.rate}_per_${scope}` : pr.rate,
          pr.value / secs,
          `${t.slice(pr.start, n.start)}${quoteTo(nounEnd)}`,
        );
      continue;
    }
    // "counts likes on 5 billion posts", "tallies votes for 40 million polls": the things a counter keeps its counts
    // for, said after the counting verb, are its keys (a noun counted only as a rate has no stock of its own)
    // "hands each application server blocks of 10,000 ids", "leases ranges of 1,000 sequence numbers": the ids one
    // allocation hands out at once, the block size an id service's counter moves by
    if (hit?.entry.rate === "ids_per_sec" && ID_BLOCK_OF.test(clauseBefore)) {
      setScale(
        scale,
        "id_block_size",
        n.value,
        `${ID_BLOCK_OF.exec(clauseBefore)?.[0] ?? ""}${quoteTo(ends[hit.used - 1] ?? pos)}`,
      );
      continue;
    }
    if (hit?.entry.rate && !hit.entry.count && COUNTED_ON.test(clauseBefore)) {
      setScale(scale, "keys", n.value, quoteTo(ends[hit.used - 1] ?? pos), vagueReading(t, n));
      continue;
    }
    if (hit?.entry.rate && !hit.entry.count) {
      // "50k writes and 200k reads per second": wait for the next number's time unit.
      const between = t.slice(ends[hit.used - 1] !== undefined ? n.end + (ends[hit.used - 1] ?? 0) : n.end, nextStart);
      if (/^\s*(?:,|and|or|,\s*and)\s*$/i.test(between))
        pendingRate.push({ value: n.value, start: n.start, rate: hit.entry.rate });
      // "sends 50 million one-time codes and order updates a day": one count of two kinds said together, with one time
      // unit after the second kind, is the rate of both, read as the first kind's
      const joint = JOINT_RATE.exec(between);
      const jointSecs = joint ? timeUnit(joint[1] ?? "") : undefined;
      if (joint && jointSecs) {
        const said = t.slice(n.start, n.end + (ends[hit.used - 1] ?? 0) + joint[0].length);
        setScale(
          scale,
          hit.entry.rate,
          n.value / jointSecs,
          said,
          `one count for both kinds the prompt lists together: ${n.value.toLocaleString("en-US")} over ${Math.round(jointSecs).toLocaleString("en-US")} s`,
        );
        for (const also of [hit.entry.also ?? []].flat()) setScale(scale, also, n.value / jointSecs, said);
        if (hit.entry.daily && jointSecs >= 86400)
          setScale(scale, `${hit.entry.daily}_per_day`, (n.value / jointSecs) * 86400, said);
      }
      continue;
    }
    pendingRate.length = 0;
    // "unique across all 12 warehouses", "across our 40 box offices": places of a kind no noun lists, each running its own
    // copy of the service (a regions noun, "across six data centres", is read above as regions)
    if (
      !hit &&
      words.length > 0 &&
      !list?.[0].includes(",") &&
      n.value <= MAX_SITES &&
      ACROSS_BEFORE.test(clauseBefore)
    ) {
      setScale(scale, "sites", n.value, quoteTo(ends[Math.min(words.length, 2) - 1] ?? pos), vagueReading(t, n));
      continue;
    }
    // "40 million trials outstanding", "5 million upcoming appointments", "8 million open holds": things of a kind no
    // noun lists, each waiting for its own due moment, are the timers a scheduler holds pending until they fire
    if (!hit && words.length > 0) {
      const last = ends[words.length - 1] ?? pos;
      const pendingAfter = PENDING_AFTER.exec(rest.slice(last))?.[0] ?? "";
      // an adjective before the head ("open holds"), or a word after it that only ever means waiting ("trials
      // outstanding"); never a verb after the head ("5M students open the videos")
      const waiting = words.some(
        (w, i) => (PENDING_WORD.test(w) && i < words.length - 1) || (i > 0 && PENDING_POSTPOSITIVE.test(w)),
      );
      if (waiting || pendingAfter) {
        setScale(scale, "timers", n.value, quoteTo(last + pendingAfter.length), vagueReading(t, n));
        continue;
      }
      // "80 million carts", "10k game worlds", "5,000 DAGs": things of a kind no noun lists, counted with no rate, are
      // a population the system keeps one record each for (the state it holds); its head is the phrase's first plural
      const head = words.findIndex((w) => POPULATION_HEAD.test(w) && !NOT_A_POPULATION.test(w));
      if (
        head >= 0 &&
        n.value >= MIN_POPULATION &&
        !list?.[0].includes(",") &&
        !EACH_OWN.test(clauseBefore) &&
        !PORTION_OF.test(clauseBefore)
      ) {
        setScale(scale, "population", n.value, quoteTo(ends[head] ?? pos), vagueReading(t, n));
        continue;
      }
    }
    // "for one schedule slot", "a single worker crashes": "one" spelled as a word before a noun is an article, not a
    // count of that noun ("one million" is an amount, and a digit "1 leader" stays a stated count)
    if (hit?.entry.count && n.value === 1 && /^(?:one|single)$/i.test(t.slice(n.start, n.end))) continue;
    // "the top 100 players": the length of a ranking (top_k, read below), not how many players there are
    if (hit?.entry.count && /\btop[- ]$/i.test(clauseBefore)) continue;
    if (hit?.entry.count) {
      const end = ends[hit.used - 1] ?? pos;
      impliedBy(hit.entry.implies, quoteTo(end), implied);
      // "up to 50 people edit the same board", "200 members per room", "rooms of up to 100 people": people counted
      // within one shared subject are its participants, not the product's users, and the count is the most one
      // subject holds (the busiest subject's), not every subject's
      // the words up to the next amount ("one document" is the subject they share, not an amount)
      const upTo = nums.slice(ni + 1).find((m) => m.value !== 1)?.start ?? t.length;
      const after = t.slice(n.end + end, upTo);
      // people counted by a noun that already names a subject's members ("editors", "participants") are the most one
      // subject holds when a maximum is said ("up to 50 editors") or a subject is named ("50 editors per document"),
      // unless an average is said ("about 3 editors per document on average"): that is the typical subject's count
      const members = hit.entry.count === "participants";
      const average =
        members && AVERAGE_WORDS.test(`${clauseBefore.slice(-24)} ${after.split(/[;:!?]|[.,](?!\d)/)[0]}`);
      const within =
        (hit.entry.count === "users" || members) && !average
          ? (subjectOfCount(clauseBefore, after, BIDDER_NOUNS.test(hit.noun)) ??
            (members && MOST_BEFORE.test(clauseBefore) ? 0 : undefined))
          : undefined;
      if (within !== undefined) {
        setScale(scale, "max_participants", n.value, quoteTo(end + within), vagueReading(t, n));
        continue;
      }
      // "never runs two copies of the same task at once", "no two instances of a job run concurrently": a count under a
      // negation, of one and the same thing or at one time, bounds how many may exist at once (an exclusivity
      // invariant), never an amount to size
      if (EXCLUSIVE_BEFORE.test(clauseBefore) && EXCLUSIVE_AFTER.test(after.split(/[;:!?]|[.,](?!\d)/)[0] ?? ""))
        continue;
      // "two customers can never book the same seat": a small count that is the subject of a negated rule over one and
      // the same thing says how many may not share it, never how many there are
      if (n.value <= 2 && EXCLUSIVE_SUBJECT.test(after.split(/[;:!?]|[.,](?!\d)/)[0] ?? "")) continue;
      // "a ticket is never sold to two buyers", "a spot is never given to two drivers": a small count a negated verb
      // hands one thing to is how many may not share it, never how many there are
      if (n.value <= 2 && EXCLUSIVE_TO.test(clauseBefore)) continue;
      // "two devices adding items at the same moment", "two copies of the job both wake up", "even if two cron hosts fire
      // in the same minute": a handful of contenders racing for one thing is the race the design settles, never a fleet
      // or a user base to size (a count lost at once, "survives losing two nodes at once", is a tolerance and stays)
      const ownClause = after.split(/[;:!?]|[.,](?!\d)/)[0] ?? "";
      if (
        n.value <= 3 &&
        !RACE_NOT_CONTENDERS.has(hit.entry.count) &&
        RACE_AFTER.test(ownClause) &&
        !LOSS_BEFORE.test(clauseBefore) &&
        !LOST_AFTER.test(ownClause)
      )
        continue;
      // "20k wind turbines each emit 300 sensor series": series said after "each" and a stated device count are every
      // device's own, never the fleet's
      if (hit.entry.count === "series" && scale.devices && EACH_EMITS.test(clauseBefore)) {
        setScale(scale, "sensors_per_device", n.value, quoteTo(end));
        continue;
      }
      // "replicated across 3 zones": a handful of bare zones are a region's availability zones (clouds offer three to
      // six), failure domains, not areas of a map
      const count =
        hit.entry.count === "zones" && /^zones?$/.test(hit.noun) && n.value <= AVAILABILITY_ZONES_MAX
          ? "failure_domains"
          : hit.entry.count;
      // "survives one zone", "tolerates the loss of one zone": the count of zones that may be lost, a guarantee
      // (`parseSurvivedUnit`), never how many zones the pieces are spread over
      // "losing any two disk servers loses nothing", "survive the loss of two nodes": machines that may fail at once,
      // a tolerance, never the size of the fleet
      if (
        (count === "failure_domains" || count === "nodes") &&
        /\b(?:surviv\w*|tolerat\w*|withstand\w*|los(?:e|es|ing|s)(?: of)?|loses)\s+(?:the\s+)?(?:loss\s+of\s+)?(?:(?:any|up to|at most|as many as)\s+)?$/i.test(
          clauseBefore,
        )
      ) {
        // machines that may be lost at once are a floor the redundancy must survive, not the pieces it tolerates
        if (count === "nodes") setScale(scale, "machines_lost_at_once", n.value, quoteTo(end));
        continue;
      }
      // "Two readers must never see different answers": a handful of people spelled as a word are a rule's actors (or a
      // consensus group's voters, below), never the product's user base
      const handful = count === "users" && n.value < 10 && /^[a-z]+$/i.test(t.slice(n.start, n.end));
      if (!handful) setScale(scale, count, n.value, quoteTo(end), vagueReading(t, n));
      for (const also of [hit.entry.also ?? []].flat()) setScale(scale, also, n.value, quoteTo(end));
      // "a 5-node consensus group", "a majority of five coordinator machines", "seven machines have to agree": a handful
      // of machines or members that vote in the sentence that counts them are one consensus group's voters
      if ((count === "nodes" || count === "users" || count === "replicas") && n.value >= 3 && n.value <= MAX_VOTERS) {
        const sentence = `${
          t
            .slice(Math.max(0, n.start - 60), n.start)
            .split(/[;!?]|[.](?!\d)/)
            .pop() ?? ""
        } ${t.slice(n.end).split(/[;!?]|[.](?!\d)/)[0] ?? ""}`;
        if (VOTING_WORDS.test(sentence)) setScale(scale, "voters", n.value, quoteTo(end));
      }
      if (
        count === "nodes" &&
        PLACED_ONTO.test(
          t
            .slice(Math.max(0, n.start - 90), n.start)
            .split(/[;:!?]|[.,](?!\d)/)
            .pop() ?? "",
        )
      )
        setScale(scale, "workers", n.value, quoteTo(end));
      // "1 million fans race for 50,000 seats": people who contend for something at once are the buyers who arrive
      // when the sale opens, not only the product's users
      const contend = hit.entry.count === "users" ? CONTEND.exec(t.slice(n.end + end)) : null;
      if (contend) {
        setScale(scale, "buyers_at_onsale", n.value, quoteTo(end));
        // "… try to buy 60,000 seats in the first minute": the window the contenders arrive in is the sale's window,
        // the divisor of their attempt rate; read only in their own sentence, so a bound said elsewhere ("a change
        // reaches every node within 10 seconds") is never taken for it
        const sentence = t.slice(n.end + end).split(/[;!?]|[.](?!\d)/)[0] ?? "";
        const win = ARRIVAL_WINDOW.exec(sentence);
        const unit = win ? timeUnit(win[2] ?? "") : undefined;
        const said = (win?.[1] ?? "").toLowerCase();
        // "the first few minutes" is a few of them; "the first minute", "a minute" one
        // ("a few minutes", "several minutes" three of them, "a couple of minutes" two)
        const count = /^\d/.test(said)
          ? Number(said)
          : /\b(?:few|several)$/.test(said)
            ? 3
            : /couple/.test(said)
              ? 2
              : (wordsToNumber(said) ?? 1);
        if (win && unit && (win[1] !== undefined || /\bfirst|opening\b/i.test(win[0])))
          setScale(scale, "onsale_seconds", count * unit, win[0]);
      }
    }
  }

  // Vague durations: "within seconds", "within a few seconds", "in under a minute".
  const vagueDur = execIf(VAGUE_WITHIN, t, lowered);
  if (vagueDur) {
    const w = (vagueDur[1] ?? "").toLowerCase();
    const secs = w.startsWith("milli")
      ? 0.1
      : w.startsWith("minute")
        ? 300
        : w === "a minute"
          ? 60
          : w === "a second"
            ? 1
            : 5;
    // "pages on-call within a minute" bounds the page, not a change reaching its readers
    const lead = t.slice(Math.max(0, vagueDur.index - 40), vagueDur.index);
    const page = PAGE_WORDS.exec(lead);
    // "a failed job must be retried within a minute", "a new leader is elected within seconds": a bound of another
    // kind the words before it say (BOUND_AHEAD), never a change spreading to its readers
    const kind = page ? undefined : BOUND_AHEAD.find((c) => c.re.test(`${lead}within`) && (c.prompt?.test(t) ?? true));
    const kindAt = kind && kind.id !== "propagation_seconds" ? lastMatch(kind.words, lead) : undefined;
    const quote = page
      ? `${lead.slice(page.index)}${vagueDur[0]}`
      : kindAt !== undefined
        ? `${lead.slice(kindAt)}${vagueDur[0]}`
        : vagueDur[0];
    // "2 million fans arrive within a few minutes": the window a crowd arrives in (read above as the sale's opening
    // window) is how fast the load comes, never how fresh anything must be
    const arrival = scale.onsale_seconds?.quote.toLowerCase().endsWith(vagueDur[0].toLowerCase()) ?? false;
    if (!arrival) setScale(scale, page ? "page_bound_seconds" : (kind?.id ?? "propagation_seconds"), secs, quote);
  }
  // "workflows that run for months": how long each one runs. A bare plural unit says several of it, not one: read
  // as SEVERAL_OF_A_PLURAL of the unit, so what stays open and the history kept are sized for a typical long run
  const runFor = execIf(RUNS_FOR, t, lowered);
  const runUnit = runFor ? timeUnit(runFor[1] ?? "") : undefined;
  if (runFor && runUnit)
    setScale(
      scale,
      "run_seconds",
      runUnit * SEVERAL_OF_A_PLURAL,
      runFor[0],
      `${SEVERAL_WORD} ${(runFor[1] ?? "").toLowerCase()}: a bare plural unit says several of it, not one`,
    );
  // "samples 1% of traces", "keeps 10 percent of spans", "a 0.1% trace sampling rate": the share of traces kept
  const sampled = execIf(SAMPLED, t, lowered);
  // "keeps 1 in 100 traces": one kept of every so many, the share one over that many
  const share = sampled
    ? sampled[3] !== undefined
      ? 1 / Number(sampled[3].replace(/,/g, ""))
      : Number(sampled[1] ?? sampled[2]) / 100
    : 0;
  if (sampled && share > 0 && share <= 1) setScale(scale, "trace_sample_share", share, sampled[0]);
  // "sends a reading once a minute", "a sample every second": one item of a paced noun each time unit is its interval
  for (const m of matchesIf(PACED_ITEM, t, lowered)) {
    const list = (m[1] ?? "").toLowerCase().split(/[ -]+/);
    const hit = list.map((_, i) => nounAt(list, i)).findLast((h) => h?.used === list.length);
    const secs = timeUnit(m[2] ?? "");
    if (hit?.entry.interval && secs) setScale(scale, hit.entry.interval, secs, m[0]);
  }
  // "heartbeat every second", "renew every minute" with no number.
  const everyUnit = execIf(EVERY_UNIT, t, lowered);
  if (everyUnit) {
    const target = durationId(everyUnit[1] ?? "", "", t);
    const secs = timeUnit(everyUnit[2] ?? "");
    if (target && secs) setScale(scale, target.id, target.toDays ? secs / 86400 : secs, everyUnit[0]);
  }
  // "popular cars draw hundreds of bids in the final seconds", "800 bids in an auction's last minute": a burst on the one
  // item in its closing moments is the hot item's load, never a count of records the system keeps; a bare plural unit
  // ("the final seconds") says several of it
  const closing = CLOSING_BURST.exec(t);
  const closingSecs = closing ? timeUnit(closing[4] ?? "") : undefined;
  const closingBids = closing
    ? /^\d/.test(closing[1] ?? "")
      ? Number((closing[1] ?? "").replace(/,/g, ""))
      : (own(VAGUE, (closing[1] ?? "").toLowerCase()) ?? wordsToNumber(closing[1] ?? ""))
    : undefined;
  if (closing && closingSecs && closingBids) {
    const bare = closing[3] === undefined && /s$/i.test(closing[4] ?? "");
    const count = closing[3]
      ? /few|several/i.test(closing[3])
        ? SEVERAL_OF_A_PLURAL
        : Number(closing[3]) || (wordsToNumber(closing[3]) ?? 1)
      : bare
        ? SEVERAL_OF_A_PLURAL
        : 1;
    const said = closing[0];
    const vague = /^\d/.test(closing[1] ?? "")
      ? undefined
      : `${closing[1]} read as ${closingBids.toLocaleString("en-US")}, the least it says`;
    setScale(scale, "closing_bids", closingBids, said, vague);
    setScale(
      scale,
      "closing_burst_seconds",
      count * closingSecs,
      said,
      bare
        ? `${SEVERAL_WORD} ${(closing[4] ?? "").toLowerCase()}: a bare plural unit says several of it, not one`
        : undefined,
    );
    if (scale.population && said.toLowerCase().startsWith(scale.population.quote.toLowerCase()))
      delete scale.population;
  }
  // "each laptop backs up every hour", "databases are backed up every 6 hours", "backs up nightly": how often one
  // source backs up (a bare "hourly" or "nightly" one such unit)
  const backup = BACKS_UP_EVERY.exec(t);
  if (backup) {
    const every = backup[2]
      ? timeUnit(backup[2])
      : backup[3]
        ? timeUnit(backup[3].replace(/ly$/i, "").replace(/^night$/i, "day"))
        : undefined;
    const count = backup[1] ? (/^\d/.test(backup[1]) ? Number(backup[1]) : (wordsToNumber(backup[1]) ?? 1)) : 1;
    if (every) setScale(scale, "backup_interval_seconds", count * every, backup[0]);
  }
  // "500,000 shoppers show up within two minutes": a bound whose words are the crowd's arrival window is that window,
  // read as the sale's opening window above, never a freshness bound on anything the design spreads
  const onsale = scale.onsale_seconds?.quote.toLowerCase();
  const fresh = scale.propagation_seconds?.quote.toLowerCase();
  if (onsale && fresh && (fresh.endsWith(onsale) || onsale.endsWith(fresh))) delete scale.propagation_seconds;
  return scale;
}

/**
 * Where the clause a ratio bound sits in starts: after the last break at most 100 characters back (a comma, colon or
 * semicolon before a space, or a joining "where", "with", "and", "while"), never on the prompt's "Design a", so the
 * quote keeps the words it bounds ("each API key has a per-minute quota that may be exceeded by at most 5%").
 */
function ratioClauseStart(t: string, at: number): number {
  const from = Math.max(0, at - 100);
  const before = t.slice(from, at);
  let start = from > 0 ? from + before.indexOf(" ") + 1 : 0;
  for (const m of before.matchAll(RATIO_CLAUSE_BREAK)) start = from + m.index + m[0].length;
  const lead = /^\s*(?:design\s+(?:a|an|the)\s+)?/i.exec(t.slice(start, at));
  return start + (lead?.[0].length ?? 0);
}
const RATIO_CLAUSE_BREAK = /[,;:]\s+(?:(?:and|but|while|so)\s+)?|\s(?:where|with|and|while|whose)\s+/gi;
/**
 * The window a quota is counted over: "per-minute quota", "an hourly limit", or the unit of the limit's own rate ("limits
 * of 600 requests per minute", "is limited to 5,000 calls an hour", "at most 100 requests a minute").
 */
const QUOTA_WINDOW =
  /\bper[- ](second|minute|hour|day)[- ](?:quotas?|limits?|allowances?|budgets?|caps?)\b|\b(hourly|daily)\s+(?:quotas?|limits?|allowances?|budgets?|caps?)\b|\b(?:limits?|quotas?|caps?|allowances?|limited\s+to|capped\s+at|at\s+most|up\s+to|no\s+more\s+than)\s+(?:of\s+)?\d[\d,.]*\s*[kmb]?\s+(?:[a-z-]+\s+){1,2}?(?:per|a|an|each|every)\s+(second|minute|hour|day)\b/i;

/** A vague duration: "within seconds", "within a few seconds". */
const VAGUE_WITHIN = /\bwithin (?:a few |a couple of |several )?(seconds|a second|minutes|a minute|milliseconds)\b/i;
/** How long each one runs: "workflows that run for months". */
const RUNS_FOR =
  /\b(?:runs?|running|lasts?|lasting|lives?|living|stays? open|takes?|taking)\s+for\s+(?:up to\s+)?(minutes|hours|days|weeks|months|years)\b/i;
/** The share of traces kept: "samples 1% of traces", "a 0.1% trace sampling rate". */
const SAMPLED =
  /\b(?:sampl\w*|keep\w*|retain\w*|stor(?:e|es|ing))\s+(?:only\s+)?(\d+(?:\.\d+)?)\s*(?:%|percent)\s+of\s+(?:all\s+|the\s+)?(?:traces|spans)\b|\b(\d+(?:\.\d+)?)\s*(?:%|percent)\s+(?:trace|head|tail)[- ]sampl(?:ing|ed|e)\b|\b(?:sampl\w*|keep\w*|retain\w*|stor(?:e|es|ing))\s+(?:only\s+)?(?:1|one)\s+(?:in|out of)\s+(\d{1,3}(?:,\d{3})*|\d+)\s+(?:of\s+(?:all\s+|the\s+)?)?(?:traces|spans|requests)\b/i;
/** A pacing with no number: "heartbeat every second", "scrapes once a minute". */
const EVERY_UNIT =
  /\b(heart ?beats?|scrape\w*|report\w*|re-?crawl\w*|revisit\w*)\s+(?:once\s+)?(?:every|each|per|a)\s+(second|minute|hour|day|week|month)\b/i;
/** "a reading once a minute", "a sample every second": one item of a paced noun each time unit. */
const PACED_ITEM =
  /\b(?:a|an)\s+([a-z]+(?:[ -](?!once\b)[a-z]+)?)\s+(?:once\s+)?(?:every|each|per|a)\s+(second|minute|hour|day)\b/gi;

/** "… <noun> every" or "… <noun> once every": the words just before a pacing "every", up to four. */
const PACED_WORDS = /((?:[a-z][a-z'-]*[ -]+){1,4})(?:once\s+)?every\s*$/i;

/**
 * A duration after "every" that paces the items a noun just before it names: where a model counts that noun's items
 * over an interval (a sensor's report interval, an alert rule's evaluation interval) the duration is that interval
 * ("a reading every 10 seconds"); otherwise a count stated earlier in the sentence, over the duration, is the noun's
 * rate ("1 million users each posting a message every 10 minutes" is 1 million messages every 10 minutes). Returns
 * whether it read the duration so.
 */
function pacedBy(
  t: string,
  prev: NumberMatch | undefined,
  n: NumberMatch,
  secs: number,
  said: string,
  scale: Scale,
  fleet?: Fleet,
): boolean {
  // back to the previous number, within the sentence
  const from = Math.max(prev?.end ?? 0, n.start - 80);
  const before = (
    t
      .slice(from, n.start)
      .split(/[.;!?](?!\d)/)
      .pop() ?? ""
  ).replace(/,/g, " ");
  const words = PACED_WORDS.exec(before);
  if (!words) return false;
  const list = (words[1] ?? "").toLowerCase().trim().split(/[ -]+/);
  // the noun nearest "every" is what it paces ("hosts each exporting metrics every 15 seconds" paces the metrics)
  // a verb may follow it ("1M alert rules evaluated every 30 s")
  const hit = list.map((_, i) => nounAt(list, i)).findLast((h) => h !== undefined);
  if (!hit) return false;
  const at = before.toLowerCase().lastIndexOf(hit.noun);
  if (at < 0) return false;
  const rate = hit.entry.rate;
  const sameSentence = prev !== undefined && !/[.;!?](?!\d)/.test(t.slice(prev.end, n.start));
  // "1 million readings every 10 seconds": the number counts the items themselves, so they are a rate
  const direct = sameSentence && (prev?.value ?? 0) > 1 && prev?.end === from && before.slice(0, at).trim() === "";
  // "10 million devices each sending a reading every 10 seconds": one item from each of a count stated before
  const subject =
    sameSentence && prev && prev.value > 1
      ? nounOf(
          t
            .slice(prev.end, from + at)
            .toLowerCase()
            .split(/[^a-z]+/)
            .filter(Boolean),
        )
      : undefined;
  const each =
    subject?.entry.count !== undefined &&
    (/\b(?:each|every|per)\b/i.test(t.slice(prev?.end ?? 0, from + at)) ||
      /\b(?:a|an|one)\s+$/i.test(before.slice(0, at)));
  if (!(direct && rate) && hit.entry.interval) {
    setScale(scale, hit.entry.interval, n.value * secs, `${before.slice(at)}${said}`);
    return true;
  }
  if (!rate || !prev || !(direct || each)) return false;
  // "12,000 servers, 300 measurements each every 20 seconds": the items paced are every member's, so the fleet's rate
  // is the members times them (`fleet`, the count before, tied by "each")
  const members = direct ? fleet : undefined;
  const quote = t.slice(members?.start ?? prev.start, n.start) + said;
  const value = ((members?.count ?? 1) * prev.value) / (n.value * secs);
  const reading = members
    ? eachReading(members, prev.value, `${t.slice(prev.start, n.start)}${said}`, value)
    : undefined;
  setScale(scale, rate, value, quote, reading);
  for (const also of [hit.entry.also ?? []].flat()) setScale(scale, also, value, quote, reading);
  // each member's items are paced by the interval too: every one of them reports once in it
  if (members && hit.entry.interval) setScale(scale, hit.entry.interval, n.value * secs, quote, reading);
  return true;
}

/** What counting in a noun says about other quantities, assumed with the counted words as the reason. */
function impliedBy(
  implies: StatedImplication | readonly StatedImplication[] | undefined,
  said: string,
  implied: StatedNfrs["implied"],
): void {
  for (const x of [implies ?? []].flat())
    if (implied[x.quantity] === undefined)
      implied[x.quantity] = { value: x.value, because: `the prompt counts '${said.trim()}': ${x.because}` };
}

/** Counts of a fleet whose members each act at their own rate ("400,000 users", "8,000 hosts", "50,000 buoys"). */
const FLEET_COUNTS: ReadonlySet<string> = new Set([
  "users",
  "subscribers",
  "clients",
  "devices",
  "nodes",
  "workers",
  "merchants",
  "properties",
  "population",
  "moving_objects",
  "tenants",
]);

/** The counted fleet a rate said after it belongs to: the count, where it starts, its scale id and its words. */
interface Fleet {
  count: number;
  start: number;
  id: string;
  said: string;
}

/**
 * The fleet a per-member rate belongs to: the number just before `nums[ni]` in the same sentence counts a fleet ("400,000
 * users", "8,000 hosts") and "each" (or "apiece", "per …" of that fleet's noun) ties the rate to every member: "400,000
 * users, each sending 30 messages a day", "8,000 hosts each report 200 gauges", "300 measurements each every 20 seconds"
 * (with `skip` 1, the count one number further back). A count in brackets, or one the rate's own words scope ("per API
 * key"), is never a fleet's member rate.
 */
function eachOfFleet(t: string, nums: readonly NumberMatch[], ni: number, scale: Scale, skip = 0): Fleet | undefined {
  const n = nums[ni];
  const prev = nums[ni - 1 - skip];
  if (!n || !prev) return undefined;
  const between = t.slice(prev.end, n.start);
  if (/[.;!?()[\]](?!\d)/.test(between) || !EACH_MEMBER.test(between))
    return skip === 0 ? memberOfFleetBefore(t, nums, ni, scale) : undefined;
  // with a number between, "each" must sit after it ("300 measurements each"), tying that number to the fleet
  if (skip > 0 && !EACH_MEMBER.test(t.slice(nums[ni - 1]?.end ?? n.start, n.start))) return undefined;
  const said = t.slice(prev.start, prev.end);
  const hit = Object.entries(scale).find(
    ([id, v]) => FLEET_COUNTS.has(id) && v.value === prev.value && v.quote.startsWith(said),
  );
  return hit ? { count: prev.value, start: prev.start, id: hit[0], said: hit[1].quote } : undefined;
}

/** A sentence whose subject is one member of a fleet, up to the rate: "Each server writes about ", "Every node ships ". */
const MEMBER_SUBJECT = /(?:^|[.;!?]\s+)(?:each|every)\s+([a-z][a-z-]*)\s+(?!of\b)[^.;!?\d]*$/i;
/** How many numbers back the fleet's count may sit in the sentences before the member's ("8,000 nodes in 3 regions"). */
const FLEET_LOOKBACK = 3;

/**
 * The fleet a member's rate said in a later sentence belongs to: "for 200,000 servers. Each server writes about 2 KB of
 * logs per second", "8,000 storage nodes in three regions. Every node ships 50 KB a second". The sentence must open on
 * "each" or "every" and the member's own noun, and that noun's plural must be the noun a fleet count just before
 * counted; a member noun no fleet counts ("Each request is 2 KB") ties nothing.
 */
function memberOfFleetBefore(t: string, nums: readonly NumberMatch[], ni: number, scale: Scale): Fleet | undefined {
  const n = nums[ni] as NumberMatch;
  const subject = MEMBER_SUBJECT.exec(t.slice(Math.max(0, n.start - 120), n.start));
  if (!subject) return undefined;
  const member = (subject[1] ?? "").toLowerCase();
  for (let k = ni - 1; k >= Math.max(0, ni - FLEET_LOOKBACK); k--) {
    const prev = nums[k] as NumberMatch;
    const said = t.slice(prev.start, prev.end);
    const hit = Object.entries(scale).find(
      ([id, v]) =>
        FLEET_COUNTS.has(id) &&
        v.value === prev.value &&
        v.quote.startsWith(said) &&
        v.quote
          .slice(said.length)
          .toLowerCase()
          .split(/[^a-z-]+/)
          .some((w) => w !== member && singular(w) === member),
    );
    if (hit) return { count: prev.value, start: prev.start, id: hit[0], said: hit[1].quote };
  }
  return undefined;
}

/** The word that ties a rate to every member of a fleet said before it. */
const EACH_MEMBER = /\b(?:each|apiece)\b/i;

/** How a fleet's rate was composed: "400,000 users × 30 messages a day each = 12,000,000 a day (139 a second)". */
function eachReading(fleet: Fleet, per: number, said: string, perSecond: number, unit?: string): string {
  const n = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: v < 10 ? 2 : 0 });
  const u = (v: number) => (unit ? formatQuantity(v, unit) : n(v));
  return `each of the ${fleet.said} at ${said.trim()}: ${n(fleet.count)} × ${u(per)} = ${u(fleet.count * per)} in that time, ${u(perSecond)} a second across them all`;
}

/** How a burst's rate was read: "50,000,000 in 2 minutes (120 s) = 416,667 a second while it lasts". */
function burstReading(count: number, burst: { secs: number; said: string }, perSecond: number): string {
  const n = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: v < 10 ? 2 : 0 });
  return `${n(count)} ${burst.said} (${n(burst.secs)} s) = ${n(perSecond)} a second while it lasts`;
}

/** A subject noun ("board", "group chat") at the start of a text, with the length of its words. */
function subjectNounAt(text: string, bidders = false): number | undefined {
  const m = /^([a-z]+)(?:\s+([a-z]+))?/i.exec(text);
  if (!m) return undefined;
  const two = `${m[1]} ${m[2] ?? ""}`.toLowerCase();
  if (m[2] && SUBJECT_NOUNS.test(two)) return m[0].length;
  const one = (m[1] ?? "").toLowerCase();
  // bidders gather on an item or lot: that item's auction is their one subject
  return SUBJECT_NOUNS.test(one) || (bidders && BID_SUBJECT_NOUNS.test(one)) ? (m[1] ?? "").length : undefined;
}

/** Words just before an amount that make it a maximum ("up to 50 editors", "at most 20 players"). */
/** A negation just before a count ("never runs two", "no two", "not more than two"). */
const EXCLUSIVE_BEFORE = /\b(?:never|not|no|nor|without)\b(?:\s+[\w'-]+){0,3}\s*$/i;
/** A negated verb handing one thing to a count ("never sold to", "not assigned to", "never held by"). */
const EXCLUSIVE_TO = /\b(?:never|not|no|nor|without)\b(?:\s+[\w'-]+){0,3}\s+(?:to|by|between|among)\s*$/i;
/** A count's noun, then a negated verb over one and the same thing ("customers can never book the same seat"). */
const EXCLUSIVE_SUBJECT =
  /^\s*(?:(?:can|could|may|must|should|will|would|are|do)\s+)?(?:ever\s+)?(?:never|not|cannot|can't|won't|mustn't)\b.*\b(?:the same|one and the same)\b/i;
/** What makes a negated count exclusivity: the same thing, or one moment ("at once", "concurrently"). */
const EXCLUSIVE_AFTER =
  /\b(?:(?:of|for) (?:the|one) same|the same|at once|at (?:the )?same time|at a time|concurrently|simultaneously|in parallel|side by side|overlap\w*)\b/i;
/** Words that make a handful of machines or members one consensus group's voters. */
const VOTING_WORDS =
  /\b(?:consensus|quorum|majority|agree|agreement|vot(?:e|es|ing|ers?)|raft|paxos|ensemble|etcd|zookeeper)\b/i;
/** More voters than this is no one consensus group (each write waits on a majority of them). */
const MAX_VOTERS = 9;
/** "each emit", "each sending", "each with": what follows is one item's own, not the whole fleet's. */
const EACH_EMITS = /\beach\s+(?:[a-z]+\s+){0,2}$/i;
/** What makes a small count a race: the same moment, or both of them acting. */
const RACE_AFTER =
  /\b(?:at (?:the )?(?:same|exact same) (?:time|moment|instant|second|minute)|in the same (?:second|minute|moment|instant)|at once|simultaneously|concurrently|both)\b/i;
/** Counts that are places or pieces, never contenders in a race. */
const RACE_NOT_CONTENDERS: ReadonlySet<string> = new Set(["regions", "failure_domains", "partitions", "zones"]);
const LOST_AFTER = /^\s*(?:[a-z]+\s+)?(?:fail|die|crash|go down|go dark|are lost|burn)/i;
const LOSS_BEFORE = /\b(?:los(?:e|es|ing|t)|loss of|surviv\w*|tolerat\w*|withstand\w*)\s+(?:the\s+|any\s+)?$/i;
const MOST_BEFORE =
  /\b(?:up to|at most|as many as|no more than|never more than|a maximum of|max(?:imum)?(?: of)?)\s+$/i;
/** Words around an amount that make it an average, not a maximum ("3 editors per document on average"). */
const AVERAGE_WORDS = /\b(?:on average|average|avg|typically|typical|usually|mean)\b/i;

/**
 * Whether a count of people is counted within one shared subject: the words after it name "the same", "each", "per"
 * or "one" subject in the same clause ("50 people edit the same board at once"), or the words before it hold them in
 * one ("each room holds up to 200 members", "boards of up to 50 editors"). Returns how far the quote runs on past the
 * noun (0 when the subject came before), undefined when the people are the product's users.
 */
function subjectOfCount(textBefore: string, after: string, bidders = false): number | undefined {
  const clause = after.split(/[;:!?]|[.,](?!\d)/)[0] ?? "";
  // only the words since the last number: an earlier count's subject is its own ("64 players join each match and 5
  // million players are online")
  const clauseBefore = textBefore.split(/\d/).pop() ?? "";
  // "100 players share a match", "16 players join a race": people who share or join one subject are its participants
  const one =
    /\b(?:the same|a single|one|each|every|per|a given|(?:share|shares|sharing|join|joins|joining) (?:a|an))\s+/gi;
  for (const m of clause.matchAll(one)) {
    const at = (m.index ?? 0) + m[0].length;
    const len = subjectNounAt(clause.slice(at), bidders);
    if (len !== undefined) return at + len;
  }
  const held =
    /\b(?:each|every|per|a single|one|a given)\s+([a-z]+(?:\s+[a-z]+)?)\s+(?:holds?|has|have|hosts?|seats?|allows?|supports?|takes?|fits?|with|of)\s+(?:up to\s+|at most\s+|as many as\s+)?$/i.exec(
      clauseBefore,
    );
  if (held && subjectNounAt(held[1] ?? "") !== undefined) return 0;
  // a plural subject that holds the people, each up to a most ("rooms hold up to 500 members", "channels can have up
  // to 10,000 members"): the most one subject holds, however many subjects there are
  const most =
    /\b([a-z]+)\s+(?:can\s+|may\s+)?(?:hold|have|host|seat|allow|support|take|fit)\s+(?:up to|at most|as many as)\s+$/i.exec(
      clauseBefore,
    );
  if (most && /s$/i.test(most[1] ?? "") && subjectNounAt(most[1] ?? "") !== undefined) return 0;
  // "rooms of up to 500 members", "a room with up to 50 people"; not "a mobile game with 50 million players", which
  // counts the product's players
  const of = /\b([a-z]+)\s+(?:of|with|holding|hosting|for)\s+(up to\s+|at most\s+|as many as\s+)?$/i.exec(clauseBefore);
  const noun = of?.[1] ?? "";
  if (of && subjectNounAt(noun) !== undefined && (of[2] !== undefined || /[^s]s$|ches$/i.test(noun))) return 0;
  return undefined;
}

/**
 * The words a latency bounds, just before it in the same clause: up to four words back to a clause break, a joining
 * word or a number ("with the feed loading" -> "the feed loading"); none when they are only a rate's unit ("100,000
 * queries per second within 50 ms") or a verb of answering alone.
 */
function latencySubject(before: string): string | undefined {
  const clause = before.split(/[,;:.!?()]|\b(?:with|and|while|that|which|where|so|to|but)\b/i).pop() ?? "";
  const all = clause.trim().split(/\s+/).filter(Boolean);
  // back to a plain number ("100,000 queries per second within 50 ms"); a number inside a word ("last-24-hour") stays
  const from = all.findLastIndex((w) => /^[\d.,]+[a-z]{0,2}$/i.test(w)) + 1;
  const phrase = all.slice(Math.max(from, all.length - 4)).join(" ");
  if (!/[a-z]{3}/i.test(phrase) || /\bper\b|\b(?:p\d+|latency|latencies|respond\w*|answer\w*|return\w*)$/i.test(phrase))
    return undefined;
  return phrase;
}

/** Number words a latency may be stated in ("in under one second", "under a second"). */
const LATENCY_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  five: 5,
  ten: 10,
  "half a": 0.5,
};

/** A duration in a latency's unit (ms, µs or s), in milliseconds. */
const inMs = (n: number, unit: string): number =>
  unit.startsWith("ms") || unit.startsWith("milli")
    ? n
    : unit.startsWith("µ") || unit.startsWith("u") || unit.startsWith("micro")
      ? n / 1000
      : n * 1000;

function parseLatency(text: string): LatencyTarget[] {
  const out: LatencyTarget[] = [];
  const re =
    /\b(p\d{2,3}(?:\.\d+)?|median|average|avg)?\s*(?:latency\s*)?(?:of\s*|under\s*|below\s*|within\s*|<\s*|less than\s*|at most\s*|no later than\s*|in\s+|tmax(?:\s*(?:of|=|:))?\s*)(\d+(?:\.\d+)?|(?:one|two|three|five|ten|half an?|an?)(?=\s))\s*(ms|milliseconds?|s|seconds?|µs|us|microseconds?)\b/gi;
  for (const m of text.matchAll(re)) {
    const ctx = text.slice(Math.max(0, (m.index ?? 0) - 30), (m.index ?? 0) + m[0].length + 5).toLowerCase();
    // a latency in milliseconds is a request's; in seconds, only where the words say something answers or loads; an ad
    // exchange's "tmax 80 ms" is the time a bid request may take (OpenRTB's tmax, in milliseconds)
    const millis = /^(?:ms|milli)/i.test(m[3] ?? "");
    // "no later than 5 seconds after its due time": a bound tied to a due time is the due path's latency
    const dueBound = OF_DUE_TIME.test(text.slice((m.index ?? 0) + m[0].length));
    if (/^no later than/i.test((m[0] ?? "").trim()) && !dueBound) continue;
    if (
      !m[1] &&
      !millis &&
      !dueBound &&
      !/latenc|respond|response|result|p\d\d|fast|lookup|read|write|within|quer|search|answer|load|return|render|serve|open|match|assign|dispatch/.test(
        ctx,
      )
    )
      continue;
    // "fails over within 5 seconds" bounds a failover (scale failover_seconds), not a request's latency
    if (!m[1] && FAILOVER_WORDS.test(text.slice(Math.max(0, (m.index ?? 0) - 30), (m.index ?? 0) + 1))) continue;
    const said = (m[2] ?? "").toLowerCase().replace(/\s+/g, " ");
    const n = own(LATENCY_WORDS, said.replace(/^half an?$/, "half a")) ?? Number(said);
    if (!Number.isFinite(n)) continue;
    const unit = (m[3] ?? "").toLowerCase();
    const ms = inMs(n, unit);
    // the thing it bounds, said just before it ("the feed loading in under 200 ms", "last-24-hour queries in under one
    // second"): its words join the quote, so the design says which path the budget is for
    const subject = latencySubject(text.slice(Math.max(0, (m.index ?? 0) - 60), m.index ?? 0));
    // the due time a bound is tied to joins its quote ("within 1 second of its time"): what the bound is on
    const due = OF_DUE_TIME.exec(text.slice((m.index ?? 0) + m[0].length));
    const words = `${m[0].trim()}${due ? due[0].replace(/\s+/g, " ").trimEnd() : ""}`;
    out.push({
      percentile: (m[1] ?? "p99").toLowerCase().replace("average", "avg"),
      ms,
      quote: subject && !m[1] ? `${subject} ${words}` : words,
    });
  }
  // the number said before the word latency ("a 1 ms p99 read latency", "5 ms median latency")
  const before =
    /\b(\d+(?:\.\d+)?)\s*(ms|milliseconds?|µs|us|microseconds?|s|seconds?)\s+(?:(p\d{2,3}(?:\.\d+)?|median|average|avg)\s+)?(?:(?:read|write|request|response|lookup|query|get|put)\s+)?latency\b/gi;
  for (const m of text.matchAll(before)) {
    const n = Number(m[1]);
    if (!Number.isFinite(n)) continue;
    const unit = (m[2] ?? "").toLowerCase();
    const ms = inMs(n, unit);
    out.push({ percentile: (m[3] ?? "p99").toLowerCase().replace("average", "avg"), ms, quote: m[0].trim() });
  }
  // milliseconds said before a percentile with no word latency ("30 ms p99", "a 10 ms p99"), where no pattern above
  // already read that number ("under 50 ms p99" is read by the first)
  const taken = [...text.matchAll(re), ...text.matchAll(before)].map((m) => [
    m.index ?? 0,
    (m.index ?? 0) + m[0].length,
  ]);
  const bare =
    /\b(\d+(?:\.\d+)?)\s*(ms|milliseconds?)\s+(p\d{2,3}(?:\.\d+)?)\b(?!\s+(?:(?:read|write|request|response|lookup|query|get|put)\s+)?latency)/gi;
  for (const m of text.matchAll(bare)) {
    const at = m.index ?? 0;
    if (taken.some(([from, to]) => at < (to ?? 0) && at + m[0].length > (from ?? 0))) continue;
    const n = Number(m[1]);
    if (!Number.isFinite(n)) continue;
    out.push({
      percentile: (m[3] ?? "p99").toLowerCase(),
      ms: inMs(n, (m[2] ?? "").toLowerCase()),
      quote: m[0].trim(),
    });
  }
  return out;
}

/**
 * Words that put the product in front of users on several continents: a system said to be global ("a global
 * configuration service", "global users") or worldwide. "Global" that qualifies an order, an id, an index or a lock
 * ("a global order", "globally unique ids", "a global secondary index") says nothing about where it runs.
 */
const WORLDWIDE =
  /\b(?:globally(?: distributed| available| deployed)|global(?! (?:order|ordering|unique|uniqueness|secondary|index|lock|locks|clock|id|ids|sequence|counter|state|view|snapshot|consistency|transaction|transactions|variable|namespace|total|top|leaderboard|ranking|rate limit|rate limits|rate limiter|rate limiting|limit|limits)\b)(?:[ -][a-z]+){0,2}? (?:service|store|system|platform|scale|fleet|users|audience|customers|traffic|deployment|cluster|network|app|application|product|database|cache|cdn|api|backend|game|marketplace|company|business|footprint|presence)s?\b|worldwide|world-wide|around the world|across (?:the )?(?:world|globe|continents)|on every continent|(?:in|across) (?:many|several|multiple) countries)\b/i;

/** Words that put the product in more than one region ("multi-region", "active-active", "survives the loss of a region"). */
const SEVERAL_REGIONS =
  /\b(?:multi[- ]region(?:al)?|across (?:all |several |multiple )?regions|(?:in |to )?(?:every|each|all|several|multiple) regions?|geo[- ]?(?:distributed|replicated)|global(?= (?:rate limit|limit))|across (?:the )?data ?cent(?:er|re)s|active[- ]active|cross[- ]region|region (?:outage|failure|goes down|is lost)|survives? (?:the )?loss of a region)\b/i;

/** One region per populated continent group (Americas, Europe, Asia-Pacific), the fewest that keep users near one. */
const WORLDWIDE_REGIONS = 3;
/** Users beyond which a product's users live on several continents (the largest single-country user bases). */
const WORLDWIDE_USERS = 1e8;

/** Words that keep a product's people in one country: "a national voting system", "nationwide", "the country's". */
const ONE_COUNTRY =
  /\b(?:national|nationwide|nation-wide|(?:in|across|for)\s+(?:one|a single|the whole|the entire)\s+country|(?:the|a|one)\s+country's|domestic|federal)\b/i;

function parseRegions(text: string, scale: Record<string, Stated<number>>): Stated<number> | undefined {
  const fromScale = scale.regions;
  if (fromScale) return fromScale;
  const lowered = text.toLowerCase();
  const world = mayMatch(WORLDWIDE, lowered) ? WORLDWIDE.exec(text) : null;
  if (world)
    return {
      value: WORLDWIDE_REGIONS,
      quote: world[0],
      reading: `a product used worldwide is served from a region on each populated continent group (Americas, Europe, Asia-Pacific), ${WORLDWIDE_REGIONS} at least, so no user pays an intercontinental round trip`,
    };
  const m = mayMatch(SEVERAL_REGIONS, lowered) ? SEVERAL_REGIONS.exec(text) : null;
  if (m) return { value: 2, quote: m[0] };
  // "2 billion users": more people than any one country's market holds live on several continents
  // (unless the prompt keeps them in one country: "a national voting system", "nationwide", "the country's taxpayers")
  const people = scale.users;
  if (people && people.value >= WORLDWIDE_USERS && !ONE_COUNTRY.test(text))
    return {
      value: WORLDWIDE_REGIONS,
      quote: people.quote,
      reading: `${people.quote} is more than any one country's market holds, so they live on several continents: served from a region on each populated continent group, ${WORLDWIDE_REGIONS} at least`,
    };
  return undefined;
}

/** Everything the prompt states about NFRs; absent fields were not stated. */
/** The last prompts' stated NFRs, least recently asked first, by the exact prompt (at most `STATED_MAX` of them). */
const STATED = new Map<string, Readonly<StatedNfrs>>();
const STATED_MAX = 64;
/** How many prompts' stated NFRs are kept (for tests). */
export const statedKept = (): number => STATED.size;

/**
 * The stated NFRs of a prompt: derivation reads them (the nfrs field), and so do the facts of fields kept across
 * designs (capacity, requirements) and the coherence check, for every design, also one whose prompt-reading fields
 * are remembered (engine/design/graph.ts), so the last prompts' answers are kept. Shared, so frozen; copy before
 * changing.
 */
export function statedNfrsOf(prompt: string): Readonly<StatedNfrs> {
  const known = STATED.get(prompt);
  if (known !== undefined) {
    STATED.delete(prompt);
    STATED.set(prompt, known);
    return known;
  }
  const stated = parseStatedNfrs(prompt);
  for (const l of stated.latency) Object.freeze(l);
  Object.freeze(stated.latency);
  for (const u of stated.unread) Object.freeze(u);
  Object.freeze(stated.unread);
  for (const v of Object.values(stated.scale)) Object.freeze(v);
  Object.freeze(stated.scale);
  for (const v of Object.values(stated.implied)) Object.freeze(v);
  Object.freeze(stated.implied);
  Object.freeze(stated);
  // a long prompt is not kept beside the others (the table stays small in characters)
  if (prompt.length <= 16_384) {
    if (STATED.size >= STATED_MAX)
      for (const [oldest] of STATED) {
        STATED.delete(oldest);
        break;
      }
    STATED.set(prompt, stated);
  }
  return stated;
}

/** Words that count shared subjects while they are open: "300,000 active boards", "20,000 matches at once". */
const AT_ONE_MOMENT =
  /\b(?:active|open|live|ongoing|concurrent|simultaneous)\s+[a-z]+(?:\s+[a-z]+)?$|\b(?:at once|at the same time|concurrently|simultaneously|in progress)$/i;
/** The same said after the count: "2 million rooms are live at once", "80,000 boards open at the same time". */
const OPEN_AFTER =
  /^\s+(?:(?:are|being)\s+)?(?:(?:active|open|live|ongoing|in progress)\b|(?:at once|at the same time|concurrently|simultaneously)\b)/i;
/** Whether the scale holds a rate the prompt states (a count of things a second, a day or per subject). */
const statesRate = (scale: Scale): boolean => Object.keys(scale).some((k) => /_per_(?:sec|day)\b/.test(k));

export function parseStatedNfrs(prompt: string): StatedNfrs {
  const implied: StatedNfrs["implied"] = {};
  // the prompt's stated operations composed (engine/stated-flows.ts): the parts, bytes, fan-out and streams its stated
  // rates derive, each in the prompt's words; a size said of each item is that item's size, never the store's bytes
  const scale = composedScale(prompt, parseScale(prompt, implied));
  // a request's latency target is a budget the serving path spends; a duration the scale already reads as the
  // bound on spreading a change ("pushes config changes … within 10 seconds") is sized there, not here
  // ("counts visible within 10 seconds" is how stale a reader may see them: a freshness bound, not a latency)
  // the same holds for a bound on removing a dead member or releasing a dead holder's lock: a detection or failover
  // bound, met by the failure detector and the spreading of its verdict
  const bounds = [
    scale.propagation_seconds,
    scale.detection_bound_seconds,
    scale.failover_seconds,
    scale.reclaim_bound_seconds,
    scale.redelivery_bound_seconds,
    scale.allowed_lateness_seconds,
    scale.live_delay_seconds,
  ];
  // the people watching one source at once are that stream's fan-out (and still the streams played, each viewer's own)
  for (const s of Object.values(scale)) {
    const at = AUDIENCE_QUOTE.test(s.quote) ? prompt.indexOf(s.quote) : -1;
    if (at < 0 || scale.viewers_per_stream) continue;
    if (ONE_SOURCE.test(prompt.slice(Math.max(0, at - 60), at)))
      setScale(scale, "viewers_per_stream", s.value, s.quote);
  }
  // so is any other time the scale reads from the same words ("its lease must expire within 10 seconds" is the
  // lease, "redelivered after 30 seconds" the visibility timeout): a duration has one meaning
  for (const [id, v] of Object.entries(scale)) if (id.endsWith("_seconds") && !bounds.includes(v)) bounds.push(v);
  const latency = parseLatency(prompt).filter(
    (l) =>
      !bounds.some(
        (b) =>
          b && Math.abs(b.value * 1000 - l.ms) < 1e-6 && b.quote.endsWith(l.quote.split(/\s+/).slice(-2).join(" ")),
      ),
  );
  const target = latency[0];
  if (target) setScale(scale, "latency_seconds", target.ms / 1000, target.quote);
  // read after the latency, so a request's latency target is said before them among the numbers given
  // "may be exceeded by at most 5%", "within 1% of the true count", "no more than 0.1% duplicates": a ratio bound, each
  // kind its own fraction, quoted from the start of its clause so the requirement keeps the words it bounds
  for (const k of RATIO_BOUNDS) {
    const m = k.words.map((re) => gx(re, prompt)).find((x) => x !== null);
    const pct = m ? Number(m[1]) : 0;
    if (!m || !(pct > 0 && pct < 100)) continue;
    setScale(scale, k.bound, pct / 100, `${prompt.slice(ratioClauseStart(prompt, m.index), m.index)}${m[0]}`);
  }
  // "a per-minute quota", "an hourly limit": the window a quota is counted over, read where an overshoot of it is bounded
  const window = scale.overshoot_bound_share ? gx(QUOTA_WINDOW, prompt) : null;
  const windowSecs = window
    ? timeUnit((window[1] ?? window[2] ?? window[3] ?? "").replace(/ly$/, "").replace(/^dai$/, "day"))
    : undefined;
  if (window && windowSecs) setScale(scale, "quota_window_seconds", windowSecs, window[0]);
  // "state updates reach every player 30 times per second", "at 60 Hz", "a 64-tick server": how often a game server
  // steps a match and sends its state, read only where the prompt speaks of a game (a sensor's 100 Hz is a sample rate)
  const tick = GAME_WORDS.test(prompt) ? gx(TICK_RATE, prompt) : null;
  const hz = tick ? Number(tick[1] ?? tick[2] ?? tick[3] ?? tick[4]) : 0;
  if (tick && hz > 0 && hz <= 240) setScale(scale, "tick_rate_hz", hz, tick[0]);
  // "100-player matches", "a 16-player lobby": the people one shared subject holds, said as its size
  const sized = gx(SIZED_SUBJECT, prompt);
  if (sized) setScale(scale, "max_participants", Number(sized[1]), sized[0]);
  // "a 2,000-person office", "a 5,000-employee company": the people of the organisation the product serves are its
  // users, each one account
  const org = gx(ORG_SIZE, prompt);
  if (org) setScale(scale, "users", Number((org[1] ?? "").replace(/,/g, "")), org[0]);
  // "300,000 active boards", "20,000 live matches at once": shared subjects counted while they are open are the count
  // at one moment, the busy one the prompt sizes; the load they make while open (every participant's updates) is that
  // moment's, so no daily peak factor multiplies it a second time (only where the prompt states no rate of its own,
  // which says for itself whether it is an average)
  const open = scale.subjects;
  const openAt = open ? prompt.indexOf(open.quote) : -1;
  const openAfter =
    openAt < 0 || !open ? "" : prompt.slice(openAt + open.quote.length, openAt + open.quote.length + 40);
  if (
    open &&
    implied.peak_factor === undefined &&
    (AT_ONE_MOMENT.test(open.quote) || OPEN_AFTER.test(openAfter)) &&
    !statesRate(scale)
  )
    implied.peak_factor = {
      value: 1,
      because: `the prompt counts '${open.quote}', the subjects open at one moment, so the updates they make while open are already that moment's load, not a daily average a peak multiplies`,
    };
  // "the top 100 hashtags": the length of a ranking the design keeps, not an amount of anything
  const top = /\btop[- ](\d[\d,]*)\s+[a-z][\w-]*(?:\s+(?:of|in|over|for)\s+the\s+\w+(?:\s+\w+)?)?/i.exec(prompt);
  if (top?.[1]) setScale(scale, "top_k", Number(top[1].replace(/,/g, "")), top[0]);
  // "1536-dimensional embeddings", "768 dimensions", "vectors of dimension 384": the size of one embedding
  const dims = /\b(\d{2,5})[- ](?:dimensional|dimensions|dims?)\b|\bdimension(?:ality)? (?:of )?(\d{2,5})\b/i.exec(
    prompt,
  );
  const dimCount = dims ? Number(dims[1] ?? dims[2]) : 0;
  if (dims && dimCount >= 2) setScale(scale, "vector_dimensions", dimCount, dims[0]);
  // "the 10 nearest neighbours", "the 20 most similar images": how many results a nearest-neighbour search returns
  const nearest = top ? null : /\b(\d[\d,]*)\s+(?:nearest|closest|most similar)\b/i.exec(prompt);
  if (nearest?.[1]) setScale(scale, "top_k", Number(nearest[1].replace(/,/g, "")), nearest[0]);
  // "a package registry like npm": the kind of object the system keeps fixes its size, named for the prompt's words
  for (const k of OBJECT_KINDS) {
    const named = gx(k.re, prompt);
    if (!named) continue;
    for (const q of OBJECT_KIND_QUANTITIES)
      if (!scale[q] && implied[q] === undefined)
        implied[q] = { value: k.bytes, because: `the prompt names '${named[0]}': ${k.because}` };
    break;
  }
  const out: StatedNfrs = { latency, scale, implied, unread: [] };
  const lowered = prompt.toLowerCase();
  const delivery = first(prompt, DELIVERY, lowered);
  if (delivery) out.delivery = delivery;
  const consistency = first(prompt, CONSISTENCY, lowered);
  if (consistency) out.consistency = consistency;
  const availability = first(prompt, AVAILABILITY, lowered);
  if (availability) out.availability = availability;
  const ordering = first(prompt, ORDERING, lowered);
  if (ordering) out.ordering = ordering;
  const nines = parseDurabilityNines(prompt);
  if (nines) scale.durability_nines ??= nines;
  const durability = nines ? { value: "durable" as const, quote: nines.quote } : first(prompt, DURABILITY, lowered);
  if (durability) out.durability = durability;
  const regions = parseRegions(prompt, scale);
  if (regions) out.regions = regions;
  const repeatWindow = parseRepeatWindow(prompt);
  if (repeatWindow) out.repeatWindow = repeatWindow;
  const idWidth = parseIdWidth(prompt);
  if (idWidth) out.idWidth = idWidth;
  // a repeat forbidden within a window of time is the window's rule; any other stated guarantee is one of its own
  const guarantees = parseGuarantees(prompt).filter((g) => !(repeatWindow && g.kind === "once"));
  if (guarantees.length > 0) out.guarantees = guarantees;
  // a thing the prompt says is never acted on twice for its scope is delivered exactly once there: a stated "at most
  // once per night" bounds a repeat, and an at-least-once default would answer the rule with its opposite. An output
  // said only to go out without duplicates ("without duplicate pages") is deduplicated where it goes out, and sets
  // no stance for everything else the system carries (a metrics pipeline still ingests at least once)
  // A rule said in the words "at most once" ("each job fires at most once per scheduled time") keeps that stance:
  // a claim recorded before the effect and no automatic retry after it, never at-least-once plus a dedup window, which
  // would run an item whose first attempt's outcome is unknown a second time
  const once = guarantees.find((g) => g.kind === "once" && g.act !== undefined);
  // (a thing "sold at most once" is a uniqueness rule the delivery patterns never read, and stays exactly-once)
  const keptAtMost = out.delivery?.value === "at-most-once" && AT_MOST_ONCE_WORDS.test(out.delivery.quote);
  if (once && keptAtMost && once.quote.includes(out.delivery?.quote ?? ""))
    out.delivery = { value: "at-most-once", quote: once.quote };
  else if (
    once &&
    (!out.delivery || (out.delivery.value === "at-most-once" && once.quote.includes(out.delivery.quote)))
  )
    out.delivery = { value: "exactly-once", quote: once.quote };
  // a last copy kept in use while what feeds it is down is the system staying up under that loss: it answers, possibly
  // stale, rather than refuse ("keeps serving the last known flags if the service is down")
  const lastKnown = guarantees.find((g) => g.kind === "last-known");
  if (lastKnown && !out.availability) out.availability = { value: "stay-available", quote: lastKnown.quote };
  // a part said to keep working while it is cut off decides locally and reconciles later: that path stays available
  // ("machines keep selling while offline"), and a stated never-two rule still fails closed on its own path
  const local = statedLocalAutonomy(prompt);
  if (local && !out.availability) out.availability = { value: "stay-available", quote: local.quote };
  const confirmation = statedConfirmation(prompt);
  if (confirmation) out.confirmation = confirmation;
  const tenure = statedTenure(prompt);
  if (tenure) out.tenure = tenure;
  // a thing never served once revoked, or a cap held even when holders crash, is checked at one authority that
  // refuses when it cannot answer: a stay-available default would answer the rule from a stale copy or a local
  // allowance that overshoots
  // (a read never older than the last acknowledged write is the same check at one authority on every read; a
  // capacity never overcommitted fails closed only on the path that reserves it, which the hard rule's stance forces)
  const strict = guarantees.find((g) => g.kind === "never-stale" || g.kind === "cap" || g.kind === "latest-read");
  if (strict && !out.availability) out.availability = { value: "fail-closed", quote: strict.quote };
  if (strict && !out.consistency) out.consistency = { value: "linearizable", quote: strict.quote };
  const survives = parseSurvivedUnit(prompt);
  if (survives) out.survives = survives;
  const modes = gx(READ_MODES, prompt);
  if (modes) out.readModes = { value: "per-request", quote: modes[0] };
  out.unread = unreadNumbers(prompt, [
    ...Object.values(scale).map((v) => v.quote),
    ...latency.map((l) => l.quote),
    ...[
      out.delivery,
      out.consistency,
      out.availability,
      out.ordering,
      out.durability,
      out.regions,
      out.repeatWindow,
      out.idWidth,
      ...(out.guarantees ?? []),
      out.survives,
      out.readModes,
      out.confirmation,
      out.tenure,
    ].flatMap((x) => (x ? [x.quote] : [])),
    // a cap the prompt states is read by the rule that bounds it (engine/stated-clauses.ts holder-cap, total-cap)
    ...guaranteeClauses(prompt).flatMap((c) => (c.limit !== undefined ? [c.quote] : [])),
  ]);
  return out;
}

/**
 * Words after a number that make it a name, a rank or a part of a term rather than an amount: "two-phase commit",
 * "top 10", "Web 2.0", "layer 7", "one of", "one at a time".
 */
const NOT_AN_AMOUNT_AFTER =
  /^(?:[- ]?(?:phase|way|step|pass|factor|tier|level|dimension|d\b|x\b|th\b|st\b|nd\b|rd\b)|\s+(?:of|at a time|another|by one|after another|or more|or two|to|and only)\b|\.\d|\s*(?:%|percent\b))/i;
const NOT_AN_AMOUNT_BEFORE =
  /(?:\b(?:top|layer|level|version|v|http|ipv|tier|phase|step|no|exactly|only|just|a single)[ /-]?|[/#.-])$/i;

/**
 * Numbers that name a moment or a status rather than count anything: a time of day ("12:00:00", "at 9am", "turn the
 * heater off at 23:00", "next Tuesday at 9") is when a thing is due, and an HTTP status ("get a 429", "HTTP 503") is an
 * answer's code. Neither is an amount a figure could rest on.
 */
const NAMED_NOT_COUNTED: readonly RegExp[] = [
  /\b\d{1,2}(?::\d{2}){1,2}(?:\s*(?:am|pm|a\.m\.|p\.m\.))?(?![\d:])/gi,
  /\b\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.)(?![a-z])/gi,
  /\bat\s+\d{1,2}(?=\s*(?:$|[.,;!?'")]|o'?clock\b|sharp\b|in\s+(?:the|their|its|each|every|our|your)\b|local\b))/gi,
  // a product's or model's name that ends in a number ("like Route 53", "on Windows 11", "a Pixel 8"): a name's digits
  // after a capitalised word inside a sentence, with no scale word, unit or counted plural after them, never an amount
  /(?<=[a-z,]\s+)[A-Z][A-Za-z]+\s+\d{1,3}\b(?![.,]\d|\s*(?:%|percent\b|[kmb]\b|thousand|million|billion|trillion)|\s+(?!(?:across|has|was|is|as|does|its|this|plus|less|unless|whereas|always)\b)[a-z]+s\b)/g,
  // a label made of letters and a number ("order numbers like A-10493"): an example of an id, never an amount
  /\b[A-Za-z]{1,3}-\d+\b/g,
  // a list of small numbers after a word that numbers things ("tickets numbered 1, 2, 3 and so on", "retry on days 1, 3
  // and 7"): labels or offsets in a sequence, never a count of anything
  /\b(?:numbered|numbers?|days?|weeks?|hours?|minutes?|steps?|rounds?|levels?|attempts?)\s+\d{1,3}(?:,\s+\d{1,3})+(?:,?\s+(?:and|or)\s+\d{1,3})?\b/gi,
  // a number after a place or part it names ("sensors in segment 12", "on shard 7"): which one, never how many
  /\b(?:in|on|at|to|for|of|from)\s+(?:segment|shard|partition|zone|room|table|gate|route|floor|aisle|platform|bay|lane|building|ward|sector|terminal|channel)\s+#?\d+\b/gi,
  // a width given as a range ("short (3-4 digits)"): a value's length, never an amount
  /\b\d+\s*(?:-|to)\s*\d+\s*(?:digits?|chars?|characters?|letters?|bits?)\b/gi,
  // where a count starts ("starts at 1 every morning", "restarts from 1"): the first value handed out, never an amount
  /\b(?:starts?|starting|begins?|beginning|restarts?|restarting|resets?|resetting|counts? up from)\s+(?:again\s+)?(?:(?:at|from)\s+)?\d+\b/gi,
  /\b(?:http(?:\s+status)?|status(?:\s+code)?|(?:an?|the)(?:\s+(?:immediate|instant|quick|fast|plain))?(?=\s+[45]\d\d\s*(?:$|[.,;!?)]|instead\b|status\b|error\b|response\b|code\b|too many\b)))\s+[45]\d\d\b/gi,
];

/**
 * The amounts the prompt states that none of the quotes above reads: a number (in digits, with a multiplier, or a word
 * for ten or more) outside every stated value's words, and not a name, a rank or a term ("two-phase commit").
 */
function unreadNumbers(prompt: string, quotes: readonly string[]): Stated<number>[] {
  const t = prompt.replace(/[\u2013\u2014]/g, "-");
  const covered: [number, number][] = [];
  for (const q of quotes) {
    if (!q) continue;
    for (let at = t.indexOf(q); at >= 0; at = t.indexOf(q, at + 1)) covered.push([at, at + q.length]);
  }
  for (const re of NAMED_NOT_COUNTED)
    for (const m of t.matchAll(re)) covered.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  const out: Stated<number>[] = [];
  for (const n of findNumbers(t)) {
    if (covered.some(([a, b]) => n.start >= a && n.end <= b)) continue;
    const said = t.slice(n.start, n.end);
    // a small count in words ("one leader", "two regions" where no rule reads it) is a term more often than an amount
    if (!/\d/.test(said) && n.value < 10) continue;
    if (WIDTH.test(t.slice(n.end)) || NOT_AN_AMOUNT_AFTER.test(t.slice(n.end, n.end + 20))) continue;
    if (NOT_AN_AMOUNT_BEFORE.test(t.slice(Math.max(0, n.start - 12), n.start).trimEnd()) && n.value < 100) continue;
    out.push({ value: n.value, quote: `${said}${amountWords(t.slice(n.end))}`.trim() });
  }
  return out;
}

/** Words that end an amount's noun: a conjunction, a relative word or a preposition starts the next phrase. */
const AMOUNT_NOUN_END =
  /^(?:and|or|but|nor|that|which|who|whose|where|while|when|with|to|so|then|per|a|an|each|every|is|are|was|were|in|on|at|for|from|by|of)$/i;

/**
 * The words an amount is said with, as the unit parser reads them: its unit where one follows ("7 days", "5 GB"),
 * else its noun up to the next phrase, with a rate's time unit ("3 million widget frobs per second"); never the
 * words of the next phrase ("7 days and delivers").
 */
function amountWords(after: string): string {
  const unit = DURATION.exec(after)?.[0] ?? SIZE_UNIT.exec(after)?.[0];
  if (unit) return `${unit}${PER_TIME.exec(after.slice(unit.length))?.[0] ?? ""}`;
  let noun = "";
  for (const m of after.matchAll(AMOUNT_WORD)) {
    if (AMOUNT_NOUN_END.test(m[1] ?? "") || countWordsIn(noun) >= 3) break;
    noun += m[0];
  }
  return noun ? `${noun}${PER_LONG_TIME.exec(after.slice(noun.length))?.[0] ?? ""}` : "";
}

/** A size's unit after its number ("5 GB"), and one word after another from the start of a text. */
const SIZE_UNIT = /^\s*(?:kib|mib|gib|tib|pib|kb|mb|gb|tb|pb|eb|(?:kilo|mega|giga|tera|peta|exa)bytes?|bytes?)\b/i;
const AMOUNT_WORD = /[\s-]+([A-Za-z]+)/gy;

const countWordsIn = (s: string): number => s.split(/[\s-]+/).filter(Boolean).length;

/**
 * The patterns whose literals are looked for before they are run (`mayMatch`): scripts/build-kb.ts lists their
 * literals in generated/nfr-literals.ts, and test/nfr-literals.test.ts checks no text they match is ruled out.
 */
export const literalGatedPatterns = (): readonly RegExp[] => [
  ...STATED_RULES.flatMap((rules) => rules.map((r) => r.re)),
  DURABILITY_NINES,
  WORLDWIDE,
  SEVERAL_REGIONS,
  VAGUE_WITHIN,
  RUNS_FOR,
  SAMPLED,
  EVERY_UNIT,
  PACED_ITEM,
  ...NEVER_LOST,
  ...ALL_PARTS,
  ...STAY_WRITABLE,
  // the rule and figure readers handed only the prompt (`gx`)
  ...SURVIVE_LOSS,
  REBUILT_FROM,
  ...ATOMIC_PUBLISH,
  ...NEVER_STALE,
  EXACTLY_ONE,
  AT_MOST_ONE,
  ...LATEST_READ,
  OVERCOMMIT,
  MORE_THAN,
  CAP,
  EFFECT_LAST,
  ...EXACTLY_ONCE,
  ...ONCE,
  LAST_KNOWN,
  ...SURVIVES,
  REPEAT_WINDOW_NOUN_FIRST,
  ...REPEAT_WINDOW,
  ...RATIO_BOUNDS.flatMap((k) => k.words),
  QUOTA_WINDOW,
  TICK_RATE,
  SIZED_SUBJECT,
  ORG_SIZE,
  ...OBJECT_KINDS.map((k) => k.re),
  READ_MODES,
  // not the parser's own: the words asking for a reference family (engine/references.ts), gated by the same index
  ...REFERENCE_FAMILIES.map((f) => f.asks),
];
