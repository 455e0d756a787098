import {
  CONSUMER_HEAD_NOUNS,
  DEMAND_WORDS,
  DISMISSALS,
  DRIFT_DEMANDS,
  FEATURE_LIST_LEAST,
  HEAD_PHRASE_ENDS,
  PRODUCT_FEATURE_NOUNS,
  PRODUCT_HEAD_NOUNS,
  REACH_DEMANDS,
  RECORD_READ_RATE,
  SCALE_DEMANDS,
  SOLD_ITEM_NOUNS,
  STATED_RATE,
  TIME_BOUND_DEMANDS,
  WHOLE_PRODUCT_TAILS,
} from "../../knowledge/branch-heads.js";
import { CHAT } from "../../knowledge/features/chat.js";
import { LEARNED_BRANCH, LEARNED_WORDS } from "../../knowledge/generated/learned-words.js";
import { STOP_WORDS } from "../../knowledge/lexicon.js";
import type { Archetype, ArchetypeId, CompositionRole } from "../../knowledge/schema.js";
import { FUNCTION_TAILS, FUNCTION_WEIGHT, FUNCTION_WORDS } from "../../knowledge/signals/functions.js";
import { COVER_WEIGHT, KNOWN_SYSTEMS, SYSTEM_KINDS, type SystemKind } from "../../knowledge/signals/kinds.js";
import {
  BUSINESS_COUNT_OWNER,
  BUSINESS_COUNT_RULE,
  CALLER_VERBS,
  CALLER_WINDOW,
  CLAIM_OWN_RULE,
  CUTOFF_RULE,
  EXCLUSIVE_CLAIM,
  HARD_RULE_LEAST,
  HARD_RULES,
  OUTSIDE_PARTY_CUES,
  OWN_ACCOUNT_CUES,
  OWN_ACCOUNT_RULE,
  OWN_MONEY_OUTSIDE_RULES,
  OWN_MONEY_WORDS,
  PROVIDER_RULES,
  RUNNER_COUNT_WINDOW,
  RUNNER_COUNTS,
  RUNNER_OWNER,
  RUNNER_WORDS,
  STATED_OWNER_LEAST,
  SUBJECT_NOUN_TAILS,
  SUBJECT_NOUNS,
  SUBJECT_STATED_LEAST,
  SYSTEM_MEASURE_CUES,
  SYSTEM_TELEMETRY,
  TIMED_WORK,
  WORK_OWNERS,
} from "../../knowledge/signals/leads.js";
import {
  BRANCH_KINDS,
  type LearnedBranchTable,
  type LearnedEvidence,
  type LearnedWords,
  learnedEvidence,
  learnedShares,
} from "../../knowledge/signals/learned.js";
import { PEOPLE_MESSAGING_WEIGHT, PROGRAMS_MESSAGING } from "../../knowledge/signals/messaging.js";
import { FLOW_REACH, FLOW_SKIPS, FLOW_WORDS, SINK_WORDS } from "../../knowledge/signals/systems.js";
import type { AmbiguousSystem } from "../../knowledge/signals/types.js";
import { compositionRole } from "../composition.js";
import { anA, eitherOf } from "../text.js";
import { ASKS_TO_BUILD, askWords, branchMarks } from "./branch-learned.js";
import { matchCombinations, READ_TOGETHER } from "./combos.js";
import { type EvidenceKind, evidenceKinds } from "./evidence-kinds.js";
import { functionIndex, type HeadFunction, headFunction } from "./head-function.js";
import { combine, compileSignal, findSignal, firstBy, type Hit, matchAll, type Signal, sortShort } from "./match.js";
import { type MessagingReading, messagingReadings, messagingTokens } from "./messaging.js";
import type { ArchetypeLinks, RecognitionKnowledge } from "./signals.js";
import {
  apartSupport,
  clauseSetAside,
  explainedSupport,
  headSystemSupport,
  type NotDrawn,
  productNameSupport,
  ruledOutByHead,
  servedPhrase,
  straySupport,
  subjectSupport,
  whenOnlySupport,
} from "./stray-support.js";
import { namesWholeSubject } from "./subject.js";
import { CLAUSE_BREAKS, foldText, stemSet, stemWord, type Token, tokenize, writtenWords } from "./tokens.js";

export type BranchKind = "infra" | "product" | "mixed";
export type ArchetypeRole = "dominant" | CompositionRole;

export interface RecognizedArchetype {
  id: ArchetypeId;
  name: string;
  role: ArchetypeRole;
  score: number;
  evidence: string[];
  /**
   * A supporting archetype's own evidence: what the prompt's words for it are worth before the dominant's recorded
   * connection (a typical companion, a need) adds its prior. Below what a supporting archetype needs on its own, it
   * is there through the dominant's card, not through anything the prompt asks of it.
   */
  own?: number;
  /** A supporting archetype's kinds of evidence, strongest first (`evidence-kinds.ts`): what its reading rests on. */
  basis?: EvidenceKind[];
  /** On the dominant row: supporting archetypes read only from stray words, not drawn, each with its rule and words. */
  notDrawn?: NotDrawn[];
}

/**
 * A supporting row that is there only because the dominant's card names it a usual companion: no word of the prompt
 * speaks for it (its own words score 0) and no cue made it one of the dominant's needs, so its support is the typical
 * prior alone. Nothing the prompt names, states or demands reaches it.
 */
export function onCardAlone(a: Pick<RecognizedArchetype, "own" | "score">): boolean {
  return a.own === 0 && a.score < NEED_PRIOR;
}

/** How a product substrate that only the fallback for a product naming no feature placed says so in its evidence. */
export const NO_FEATURE_NAMED = "no feature named: ";

/**
 * A product's substrate row placed only by that fallback ("most product features keep per-entity state by key,
 * serve lists and searches from derived views and put a cache in front of hot reads"): no word of the prompt chose it.
 */
export function onFallbackAlone(a: Pick<RecognizedArchetype, "evidence">): boolean {
  return a.evidence.length > 0 && a.evidence.every((e) => e.startsWith(NO_FEATURE_NAMED));
}

export interface Recognition {
  branch: { kind: BranchKind; evidence: string[]; scores: { infra: number; product: number } };
  archetypes: RecognizedArchetype[];
  /**
   * The kind of system the head names for the lead, in an ask to build one ("Design a file sync service …"), with the
   * words that name it: the features field draws the kind's own product layer from it (`SystemKind.feature`).
   */
  headKind?: { kind: string; quoted: string };
}

/** Tuning constants, named so the reasoning behind each threshold is visible. */
/** Head words that name a store a product keeps ("a shopping cart store"): a product kind before one says whose store it is. */
const STORE_HEADS = new Set(["store", "database", "db", "cache", "queue", "log", "index", "registry"].map(stemWord));
/** Words before a later kind's noun in the head that make it what the first kind sits on or reads ("… over a data lake"). */
const HEAD_PART_PREPOSITIONS = new Set([
  "over",
  "on",
  "atop",
  "above",
  "behind",
  "for",
  "from",
  "into",
  "inside",
  "within",
  "under",
  "beneath",
  "across",
  "using",
  "via",
]);
const ARTICLES = new Set(["a", "an", "the"]);
const BODY_DISCOUNT = 0.8; // a signal after the head noun phrase is more often a qualifier
const TYPO_DISCOUNT = 0.9; // a misspelt system name is slightly weaker evidence
const MIN_DOMINANT = 0.3; // below this no archetype has really been named
const MIN_SUPPORTING = 0.3; // a supporting archetype needs its own evidence or a typical connection
const MIN_CONNECTED = 0.15; // a weaker signal suffices when the dominant archetype's entry names the connection
const TYPICAL_PRIOR = 0.3; // what a typical connection of the dominant archetype is worth on its own
const NEED_PRIOR = 0.5; // what a need of the dominant, made explicit by a cue in the prompt, is worth on its own
const MAX_SUPPORTING = 3;
const BRANCH_PRESENT = 0.35; // a branch score above this counts as present
const BRANCH_MARGIN = 0.15;
const FOCUS_INFRA = 0.5; // infra evidence needed for a focus cue ("and its …") to make a product prompt mixed
const FOCUS_EXPLICIT_INFRA = 0.2; // after an explicit turn ("focusing on how …") one typical word of an archetype suffices
const FOCUS_LEARNED_SHARE = 0.5; // … or the learned words giving one archetype at least this probability
const STATED_LEARNED_SHARE = 0.7; // learned words this clear make a statement that asks for no product infra-first
const HEAD_NAMED = 0.7; // a head hit this strong names the component to build
const NOUNS_ONLY_FACTOR = 0.85; // rank discount for noun-only archetypes when the prompt opens with an invariant
const BODY_ONLY_FACTOR = 0.85; // rank discount for archetypes seen only in the body when the head names one
const BRANCH_LEARNED_SHARE = 0.7; // the branch model this sure a prompt is not infra-first moves an infra reading
const BRANCH_LEARNED_MIXED = 0.6; // … and this sure it is mixed moves a product reading
const CALLER_FACTOR = 0.5; // a named system that calls what the prompt designs is its client: weaker evidence for its own archetype
const RANK_BELOW = 0.95; // an archetype another one outranks by rule scores this share of it
const OWNER_LEAST = 0.5; // the owner of timed, scanned or stepped work needs this much evidence of its own to outrank a claim
const FED_LEAST = 0.4; // the head's archetype needs this much evidence of its own to be what a named input feeds
const HEAD_WEAKLY = 0.45; // a component the head names this strongly leads over what only the body speaks of
const LONE_PAIR_FACTOR = 0.4; // one requirement read from two words together, and nothing else for its archetype
const CLONE_WEIGHT = 1; // "a ZooKeeper-style service": the named system's own kind, as strong as a component named in the head
/** "Now design Redis Cluster itself": a build verb before the name and "itself" after it ask to build the system, not use it. */
const ITSELF_VERBS = "(?:design|build|implement|write|architect|create)";
const REQUIREMENT_LED = 0.9; // stated requirements this strong, of two kinds or more, decide the branch over plain product nouns

const PRODUCT_HEADS = new Set(PRODUCT_HEAD_NOUNS.map(stemWord));
const CONSUMER_HEADS = new Set(CONSUMER_HEAD_NOUNS.map(stemWord));
const PHRASE_ENDS = new Set(HEAD_PHRASE_ENDS);
const FEATURE_STEMS = new Set(PRODUCT_FEATURE_NOUNS.map(stemWord));
const SOLD_ITEM_STEMS = new Set(SOLD_ITEM_NOUNS.map(stemWord));
const WHOLE_TAILS = new Set([...PRODUCT_HEAD_NOUNS, ...CONSUMER_HEAD_NOUNS, ...WHOLE_PRODUCT_TAILS].map(stemWord));
const DEMANDS = new RegExp(`\\b(?:${DEMAND_WORDS.map((w) => w.replace(/ /g, "\\s+")).join("|")})\\b`);
/** A word shaped like an adjective ("collaborative", "shared", "distributed"): it describes a product, not names a part. */
const DESCRIBING = /(?:ive|ed|al|able|ible|ous|ful)$/;
const DEMANDED = 0.55; // a stated requirement this strong, in demanding words, makes a product ask mixed
const ANY_DISMISSAL = eitherOf(DISMISSALS);
const FEATURE_LED = 0.75; // a stated requirement this strong, beside a list of product features, makes an infra reading mixed

const round = (x: number) => Math.round(x * 100) / 100;
/** Archetype ids ("I02") in order; plain comparison, which orders these ids as localeCompare does, without loading ICU's collator. */
const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** Archetypes by score, highest first, ties by id. */
const byScore = (a: Scored, b: Scored): number => b.score - a.score || compareIds(a.archetype.id, b.archetype.id);
/** Archetypes by their score without the learned words, highest first, ties by id. */
const byPlainScore = (a: Scored, b: Scored): number => b.plain - a.plain || compareIds(a.archetype.id, b.archetype.id);

/**
 * A hit's weight. A hit after the head is discounted as a likely qualifier, except a stated
 * requirement in a prompt that asks for nothing to be built: there the whole sentence is the requirement.
 */
function weightOf(h: Hit, tokensHead: (i: number) => boolean, statement: boolean): number {
  // A stated requirement counts from its first word in the head; a named component only when all of its
  // words are there ("an edge proxy that also caches" names a proxy; "edge … caches" spans the break).
  const named = h.signal.rule === undefined ? h.covers.every(tokensHead) : h.covers.some(tokensHead);
  const inHead = named || (statement && h.signal.rule !== undefined && !h.signal.concept);
  return h.signal.weight * (inHead ? 1 : BODY_DISCOUNT) * (h.fuzzy ? TYPO_DISCOUNT : 1);
}

/**
 * An archetype known from one requirement read from two words together and nothing else: no name, phrase or typical
 * word of its own, no second requirement and no learned words for it ("password reset and login service" read as
 * 'login … service', measurements from a fleet; "restore any server" as a staged rollout). Two common words that
 * happen to fall into two families do not say what the prompt is about, so the reading is weak alone: it ranks
 * below any archetype the prompt's words corroborate, and alone it does not name a component to build.
 */
function lonePair(hits: readonly Hit[], learned: boolean): boolean {
  return (
    !learned &&
    hits.length > 0 &&
    hits.every((h) => h.signal.combined === true) &&
    new Set(hits.map((h) => h.signal.text)).size === 1
  );
}

function learnedNote(l: LearnedEvidence): string {
  return `words typical of ${l.id} in labelled prompts: ${l.words.map((w) => `'${w}'`).join(", ")} (the learned model gives it ${Math.round(l.share * 100)}%; adds ${l.weight}, never a stated requirement)`;
}

function describeHit(h: Hit): string {
  const said = h.quoted === h.signal.text.toLowerCase() ? `'${h.quoted}'` : `'${h.quoted}' (as '${h.signal.text}')`;
  const note = h.note ? `; ${h.note}` : "";
  if (h.signal.kind === "system")
    return h.fuzzy
      ? `${said} reads as the named system ${h.signal.text}${note}`
      : `${said} names a known product or system${note}`;
  if (h.signal.concept) return `${said} (a word typical of this problem, weak alone)${note}`;
  if (h.signal.rule) return `${said} states a requirement (${h.signal.rule.name}: ${h.signal.rule.why})${note}`;
  return `${said}${note}`;
}

interface Scored {
  archetype: ArchetypeLinks;
  score: number;
  /** What the words typical of the archetype in labelled prompts added (weak, never a requirement). */
  learned: LearnedEvidence | undefined;
  /** The score without the learned words: what the branch is read from, so they never decide it. */
  plain: number;
  /** The score without typical-word hits: what decides the branch and whether it may support. */
  strong: number;
  hits: Hit[];
  /** Known from one requirement read from two words together and nothing else (see lonePair): weak alone. */
  lone?: boolean;
  /** Why another archetype outranks this one by rule (a caller of the designed thing; a claim inside owned work). */
  below?: string;
  /** Why this one leads by rule over archetypes that would otherwise outrank it (a stated hard rule). */
  led?: string;
}

const CALLER_STEMS = new Set(CALLER_VERBS.map(stemWord));
const RUNNER_STEMS = new Set(RUNNER_WORDS.map(stemWord));
const RUNNER_COUNT_STEMS = new Set(RUNNER_COUNTS.map(stemWord));

/** Words from a named system up to the calling verb right after it: the caller of what the prompt designs. */
interface CallerSpan {
  from: number;
  to: number;
  verb: string;
}

/**
 * The spans a named system followed closely by a calling verb opens ("Envoy sidecars | call out to …"): the system
 * and the words naming it ("sidecars") are the client of what the prompt designs. None for a system the prompt
 * asks for in its head ("Design Envoy …").
 */
function callerSpans(hits: readonly Hit[], tokens: readonly Token[], askedInHead: (h: Hit) => boolean): CallerSpan[] {
  const spans: CallerSpan[] = [];
  for (const h of hits) {
    if (h.signal.kind !== "system" || askedInHead(h)) continue;
    const from = h.covers[0] ?? -1;
    const end = h.covers[h.covers.length - 1] ?? -1;
    for (let i = end + 1; i <= end + CALLER_WINDOW && i < tokens.length; i++) {
      const t = tokens[i];
      if (t && CALLER_STEMS.has(t.stem)) {
        spans.push({ from, to: i, verb: t.raw });
        break;
      }
    }
  }
  return spans;
}

/**
 * Ranks an archetype below another by rule: `over` keeps its score and `s` gets RANK_BELOW of it, with the
 * reason kept as evidence. Nothing changes when `s` already ranks below.
 */
const cueSignals = (texts: readonly string[]): Signal[] =>
  texts.flatMap((t) => {
    const s = compileSignal(t, 1, "phrase");
    return s ? [s] : [];
  });
const OWN_ACCOUNT_SIGNALS = cueSignals(OWN_ACCOUNT_CUES);
const OUTSIDE_PARTY_SIGNALS = cueSignals(OUTSIDE_PARTY_CUES);
const SYSTEM_MEASURE_SIGNALS = cueSignals(SYSTEM_MEASURE_CUES);
const OWN_MONEY_STEMS = new Set(OWN_MONEY_WORDS.map(stemWord));

/** Whether the prompt names an outside party the money moves through (accounts held at banks, another bank). */
const namesOutsideParty = (tokens: readonly Token[]): boolean =>
  OUTSIDE_PARTY_SIGNALS.some((s) => allStemsIn(s, tokens) && findSignal(tokens, s) !== undefined);

/** False when a cue phrase has a word the tokens lack: then it cannot be found, and is not looked for. */
const allStemsIn = (s: Signal, tokens: readonly Token[]): boolean => {
  const present = stemSet(tokens);
  for (const st of s.stems) if (!present.has(st)) return false;
  return true;
};

/**
 * The words saying the money moves between accounts the system keeps itself, when the prompt names no outside
 * party: then "bank" and "transfer money" name its own ledger, not a provider to call (knowledge/signals/leads.ts).
 */
export function ownAccounts(tokens: readonly Token[], outside = namesOutsideParty(tokens)): string | undefined {
  if (outside) return undefined;
  for (const s of OWN_ACCOUNT_SIGNALS) {
    const h = allStemsIn(s, tokens) ? findSignal(tokens, s) : undefined;
    if (h) return h.quoted;
  }
  return undefined;
}

const SUBJECT_STEMS = new Set(SUBJECT_NOUNS.map(stemWord));
const SUBJECT_TAIL_STEMS = new Set(SUBJECT_NOUN_TAILS.map(stemWord));

/**
 * An archetype's hit made only of money words ("bank", "transfer money", "a payments system"), which own accounts
 * read as our ledger: a word that only names the subject ("service", "system") after one adds nothing.
 */
const moneyWordsOnly = (h: Hit): boolean =>
  h.signal.owner.kind === "archetype" &&
  h.signal.stems.some((st) => OWN_MONEY_STEMS.has(st)) &&
  h.signal.stems.every((st) => OWN_MONEY_STEMS.has(st) || SUBJECT_TAIL_STEMS.has(st));

/**
 * A requirement read from words taken together whose outside party is a money word ("payment … twice"): with the
 * money kept in the system's own accounts that word names what moves, so the reading names no outside party.
 */
const OWN_MONEY_OUTSIDE = new Set(OWN_MONEY_OUTSIDE_RULES.map((r) => `${r}${READ_TOGETHER}`));
const outsideReadFromMoney = (h: Hit): boolean =>
  h.signal.combined === true &&
  OWN_MONEY_OUTSIDE.has(h.signal.rule?.name ?? "") &&
  h.signal.stems.some((st) => OWN_MONEY_STEMS.has(st));

/**
 * Money kept in the system's own accounts is what the prompt is about: beside the requirement stated in its own
 * phrase ("transfers between accounts"), an archetype read only from words taken together ("query … as of a past
 * date" as a search index, "past … payment" as a replayed log) is what is asked of the ledger's own records (its
 * journal answers a balance as of a past time), so it is not drawn.
 */
function ownLedgerLeads(scored: Scored[]): void {
  const ledger = scored.find((s) => s.hits.some((h) => h.signal.rule?.name === OWN_ACCOUNT_RULE));
  const rule = ledger?.hits.find((h) => h.signal.rule?.name === OWN_ACCOUNT_RULE);
  if (!ledger || !rule) return;
  for (const s of scored) {
    const own = s.hits.filter((h) => !h.signal.concept);
    // words typical of another archetype in labelled prompts ('ledger', 'balance', 'date' of an as-of read) never lift
    // one the prompt gives no word of its own above the ledger whose rule it states
    if (s !== ledger && own.length === 0 && s.learned) {
      s.score = s.plain;
      s.learned = undefined;
      continue;
    }
    if (s === ledger || own.length === 0 || !own.every((h) => h.signal.combined === true)) continue;
    s.score = 0;
    s.plain = 0;
    s.strong = 0;
    s.below = `'${rule.quoted}' states that the money moves between the system's own accounts, and ${s.archetype.id} is read only from words taken together, which ask this of the ledger's own records, so it is not drawn`;
  }
}

/** A hit that only names what the prompt is about: a subject noun, alone or before "service" / "system". */
const namesSubject = (h: Hit): boolean =>
  h.signal.rule === undefined &&
  h.signal.kind === "phrase" &&
  SUBJECT_STEMS.has(h.signal.stems[0] ?? "") &&
  h.signal.stems.slice(1).every((st) => SUBJECT_TAIL_STEMS.has(st));

/** How strongly an archetype's requirement is stated: its requirement-phrase hits alone, combined. */
const stated = (x: Scored): number =>
  combine(
    x.hits.filter((h) => h.signal.rule !== undefined),
    (h) => h.signal.weight,
  ).score;

/**
 * In a prompt that asks for nothing to be built ("Callers need the healthy addresses of the payments service…"),
 * an archetype known only from business nouns ranks below the strongest archetype whose requirement is stated.
 */
function subjectBelow(scored: Scored[], tokens: readonly Token[]): void {
  // A requirement read from word families that rests on a business noun ("merchants … refunds" as an outside effect
  // made once) says no more than the noun does.
  const restsOnSubject = (h: Hit) =>
    h.signal.combined === true && h.covers.some((i) => SUBJECT_STEMS.has(tokens[i]?.stem ?? ""));
  for (const s of scored) {
    const own = s.hits.filter((h) => !h.signal.concept);
    if (own.length === 0 || !own.every((h) => namesSubject(h) || restsOnSubject(h))) continue;
    if (!own.some(namesSubject)) continue;
    const over = firstBy(
      scored.filter((o) => o !== s && stated(o) >= SUBJECT_STATED_LEAST),
      byScore,
    );
    const noun = own.find(namesSubject);
    if (over && noun)
      rankBelow(
        s,
        over,
        `'${noun.quoted}' only says what the prompt is about and ${over.archetype.id}'s requirement is stated, so ${s.archetype.id} ranks below it`,
        true,
      );
  }
}

/**
 * Event analytics is not monitoring (knowledge/signals/leads.ts): where business events are counted (the count's own
 * requirement is stated) and no word says a system's own measurements are gathered, telemetry is dropped.
 */
function telemetryBelowCount(scored: Scored[], tokens: readonly Token[]): void {
  const telemetry = scored.find((s) => s.archetype.id === SYSTEM_TELEMETRY);
  const count = scored.find((s) => s.archetype.id === BUSINESS_COUNT_OWNER);
  const rule = count?.hits.find((h) => h.signal.text === BUSINESS_COUNT_RULE);
  if (!telemetry || !count || !rule) return;
  if (SYSTEM_MEASURE_SIGNALS.some((s) => allStemsIn(s, tokens) && findSignal(tokens, s) !== undefined)) return;
  telemetry.score = 0;
  telemetry.plain = 0;
  telemetry.strong = 0;
  telemetry.below = `'${rule.quoted}' counts what users do and nothing in the prompt is a system's own measurement (hosts, metrics, logs, alerts), so ${SYSTEM_TELEMETRY} is not drawn beside ${BUSINESS_COUNT_OWNER}`;
}

function rankBelow(s: Scored, over: Scored, why: string, withoutLearned = false): boolean {
  // withoutLearned: also when only the reading without learned words (which decides the branch) has it ahead.
  if (s.score < over.score && !(withoutLearned && s.plain >= over.plain)) return false;
  s.score = Math.min(s.score, over.score * RANK_BELOW);
  s.plain = Math.min(s.plain, over.plain * RANK_BELOW);
  s.below = why;
  return true;
}

/** The words right after a named system's name that name one of its own pieces, if any. */
function ownPart(
  sys: AmbiguousSystem,
  name: Hit,
  tokens: readonly Token[],
): { covers: Set<number>; quoted: string } | undefined {
  const after = (name.covers[name.covers.length - 1] ?? -2) + 1;
  for (const part of sys.parts ?? []) {
    const stems = part.split(" ").map(stemWord);
    if (stems.length > 0 && stems.every((st, k) => tokens[after + k]?.stem === st)) {
      const covers = new Set(stems.map((_, k) => after + k));
      return { covers, quoted: [...covers].map((i) => tokens[i]?.raw ?? "").join(" ") };
    }
  }
  return undefined;
}

/**
 * Where a named system is a sink or a source ("… streams Postgres changes into Elasticsearch and Redis"): the written
 * position of the flow word before it (knowledge/signals/systems.ts `FLOW_WORDS`), if any.
 */
function flowWordBefore(name: Hit, tokens: readonly Token[], written: readonly string[]): number | undefined {
  const at = tokens[name.covers[0] ?? -1]?.at;
  if (at === undefined) return undefined;
  let others = 0;
  for (let k = at - 1; k >= 0; k--) {
    const w = written[k] ?? "";
    if (FLOW_WORDS.includes(w)) return k;
    if (FLOW_SKIPS.includes(w)) continue;
    // a listed sibling only after a join ("Elasticsearch and Redis"), never the moved noun itself ("jobs to Redis")
    if (!FLOW_SKIPS.includes(written[k + 1] ?? "") || ++others > FLOW_REACH) return undefined;
  }
  return undefined;
}

/**
 * Whether a cue hit says which use a named system is put to. A cue written with a leading stop word ("every month",
 * "in front of") needs that word written right before its first word: "workflows that run for months" is no monthly
 * schedule. Where the system is a sink or a source (`flowAt`, the flow word's written position), a cue written
 * before the flow word is the designed system's own verb ("streams … into Redis"), unless it is the noun moved, right
 * before the flow word ("jobs into Redis").
 */
function cueSpeaks(cue: Hit, tokens: readonly Token[], written: readonly string[], flowAt?: number): boolean {
  const first = tokens[cue.covers[0] ?? -1];
  if (first === undefined) return false;
  const lead = leadWordOf(cue.signal.text);
  if (STOP_WORDS.has(lead) && written[first.at - 1] !== lead) return false;
  if (flowAt === undefined) return true;
  const last = Math.max(...cue.covers.map((i) => tokens[i]?.at ?? 0));
  return last >= flowAt - 1;
}

/**
 * A cue's first word, lower-cased: worked out once per cue text (the cues are knowledge, so the table is bounded), not
 * on every place a cue is written (a cue repeated on each line of a long prompt asked it hundreds of times).
 */
const LEAD_WORDS = new Map<string, string>();
function leadWordOf(text: string): string {
  let lead = LEAD_WORDS.get(text);
  if (lead === undefined) {
    lead = text.toLowerCase().split(/\s+/)[0] ?? "";
    LEAD_WORDS.set(text, lead);
  }
  return lead;
}

/** A hit and the later places its signal is written, each found the same way (findSignal finds the first). */
function occurrences(h: Hit, tokens: readonly Token[]): Hit[] {
  const out = [h];
  // each search starts after the last occurrence's words (in place: a copy of the later tokens per occurrence made
  // a cue written on every line of a long prompt cost its length squared)
  for (let from = Math.max(...h.covers) + 1; from < tokens.length; ) {
    const next = findSignal(tokens, h.signal, from);
    if (next === undefined) break;
    out.push(next);
    from = Math.max(...next.covers) + 1;
  }
  return out;
}

/** The prompt's hits sorted into the groups they speak for. */
/** The chat product's row among the product features the recogniser reads (knowledge/branch.ts). */
const CHAT_FEATURE = CHAT.id;

/**
 * Messaging said of people (engine/recognize/messaging.ts): the words are the chat product's, so the phrases read from
 * them as a component or a function (the I05 kind "messaging system", a one-word reading) are not read, and the
 * product reads them together with their sender word as a product signal (as strong as "group chat") and the chat
 * feature's row, each quoting the words and the sender.
 */
function readPeopleMessaging(
  sorted: Sorted,
  kb: RecognitionKnowledge,
  tokens: readonly Token[],
  written: readonly string[],
  readings: readonly MessagingReading[],
  peopleAt: ReadonlySet<number>,
): void {
  const onPeople = (h: Hit) =>
    h.signal.kind === "phrase" && h.signal.rule === undefined && h.covers.some((i) => peopleAt.has(i));
  for (const [id, list] of sorted.byArchetype) {
    const kept = list.filter((h) => !onPeople(h));
    if (kept.length === 0) sorted.byArchetype.delete(id);
    else if (kept.length < list.length) sorted.byArchetype.set(id, kept);
  }
  sorted.infra = sorted.infra.filter((h) => !onPeople(h));
  const reading = readings.find((r) => r.sense === "people");
  if (reading === undefined) return;
  const product = messagingHit(tokens, written, reading, "people messaging", PEOPLE_MESSAGING_WEIGHT, {
    kind: "product",
  });
  if (product !== undefined) sorted.product.push(product);
  const index = kb.productFeatures.findIndex((f) => f.text === CHAT_FEATURE);
  const chatRead = sorted.features.some(
    (h) => h.signal.owner.kind === "feature" && kb.productFeatures[h.signal.owner.index]?.text === CHAT_FEATURE,
  );
  const feature =
    index >= 0 && !chatRead
      ? messagingHit(tokens, written, reading, "people messaging", PEOPLE_MESSAGING_WEIGHT, { kind: "feature", index })
      : undefined;
  if (feature !== undefined) sorted.features.push(feature);
}

/**
 * Messaging said of programs (engine/recognize/messaging.ts): no product feature is read from the words, and they
 * name a broker's log (I05) together with their sender word, as strong as a head's function word.
 */
function readProgramsMessaging(
  sorted: Sorted,
  tokens: readonly Token[],
  written: readonly string[],
  readings: readonly MessagingReading[],
  systemsAt: ReadonlySet<number>,
): void {
  sorted.features = sorted.features.filter((h) => !h.covers.some((i) => systemsAt.has(i)));
  const reading = readings.find((r) => r.sense === "systems");
  if (reading === undefined) return;
  const hit = messagingHit(tokens, written, reading, "programs messaging", FUNCTION_WEIGHT, {
    kind: "archetype",
    id: PROGRAMS_MESSAGING,
  });
  if (hit !== undefined)
    sorted.byArchetype.set(PROGRAMS_MESSAGING, [...(sorted.byArchetype.get(PROGRAMS_MESSAGING) ?? []), hit]);
}

/** A hit on a messaging reading's words and sender word, quoting them as written, with the reading as its note. */
function messagingHit(
  tokens: readonly Token[],
  written: readonly string[],
  reading: MessagingReading,
  text: string,
  weight: number,
  owner: Signal["owner"],
): Hit | undefined {
  const signal = compileSignal(text, weight, "phrase", { owner });
  const at = new Set([...reading.at, reading.senderAt]);
  const covers = tokens.flatMap((t, i) => (at.has(t.at) ? [i] : []));
  if (signal === undefined || covers.length === 0) return undefined;
  const from = Math.min(...at);
  const to = Math.max(...at);
  const quoted = to - from < 4 ? written.slice(from, to + 1).join(" ") : `${reading.sender} … ${reading.words}`;
  return { signal, covers, quoted, fuzzy: false, note: reading.why };
}

interface Sorted {
  byArchetype: Map<ArchetypeId, Hit[]>;
  infra: Hit[];
  product: Hit[];
  features: Hit[];
  needCues: Map<number, Hit>;
}

/**
 * Sorts hits by owner and resolves named systems with several uses: a cue elsewhere in the prompt
 * picks the use ("Redis … lock" → a lock); with no cue the system's most common use applies.
 */
/** Written words that make a system named right after them the thing asked for ("like Vault", "Design Vault"). */
const ASKS_LIKE = new Set(["like", "design", "build", "implement", "architect", "create", "write"]);
/** Written endings or next words that make a named system the model of what is built ("Vault-like", "a Vault clone"). */
const LIKE_SUFFIX = /-(?:like|style|inspired|esque)$/;
const LIKE_NEXT = new Set(["clone", "itself", "style", "alternative", "replacement"]);

/**
 * A kind of system named in the head ("a secrets manager"), or a well-known system the prompt asks for one like ("like
 * HashiCorp Vault", "a Vault-like service", "Design Vault"), as a hit on the archetype that builds that kind, with a
 * note that says how well it does (knowledge/signals/kinds.ts). Undefined where the words only name a part or a caller:
 * a kind noun outside the head, a system named anywhere else, a name matched through a typo.
 */
function askedKind(
  h: Hit,
  tokens: readonly Token[],
  written: readonly string[],
  isHead: (i: number) => boolean,
): { id: ArchetypeId; hit: Hit } | undefined {
  const o = h.signal.owner;
  if (o.kind !== "kind" && o.kind !== "known") return undefined;
  let kind: SystemKind | undefined;
  let asked: string;
  if (o.kind === "kind") {
    if (!h.covers.every(isHead)) return undefined;
    kind = SYSTEM_KINDS[o.index];
    const what = kind?.kind ?? "kind of system";
    asked = `'${h.quoted}' in the head names ${anA(what)}`;
  } else {
    if (h.fuzzy) return undefined;
    const sys = KNOWN_SYSTEMS[o.index];
    const firstAt = tokens[h.covers[0] ?? -1]?.at ?? -1;
    const lastAt = tokens[h.covers[h.covers.length - 1] ?? -1]?.at ?? -1;
    const before = written[firstAt - 1] ?? "";
    const last = written[lastAt] ?? "";
    const next = written[lastAt + 1] ?? "";
    const how = ASKS_LIKE.has(before)
      ? `${before} ${h.quoted}`
      : LIKE_SUFFIX.test(last)
        ? last
        : LIKE_NEXT.has(next)
          ? `${h.quoted} ${next}`
          : undefined;
    if (sys === undefined || how === undefined) return undefined;
    kind = SYSTEM_KINDS.find((k) => k.kind === sys.kind);
    asked = `'${how}' asks for a system like ${sys.name}, which is a ${sys.kind}`;
  }
  if (kind === undefined) return undefined;
  const note =
    kind.cover === "well"
      ? `${asked}, which is what ${kind.id} builds: ${kind.why}`
      : `${asked}, which no archetype builds whole, so it is read with low confidence as its nearest, ${kind.id}: ${kind.why}`;
  return { id: kind.id, hit: { ...h, signal: { ...h.signal, weight: COVER_WEIGHT[kind.cover] }, note } };
}

/**
 * The kinds the head asks for, by hit, without a kind whose words lie inside a longer kind's in the head: "an audit log
 * service" names an audit log, not the log management system its last two words name ("log service"), so the longer
 * noun phrase says what is built (the words of a kind are its head noun phrase, and a longer one is more specific).
 */
function askedKinds(
  hits: readonly Hit[],
  tokens: readonly Token[],
  written: readonly string[],
  isHead: (i: number) => boolean,
): Map<Hit, { id: ArchetypeId; hit: Hit }> {
  const out = new Map<Hit, { id: ArchetypeId; hit: Hit }>();
  for (const h of hits) {
    const k = h.signal.owner.kind;
    if (k !== "kind" && k !== "known") continue;
    const asked = askedKind(h, tokens, written, isHead);
    if (asked) out.set(h, asked);
  }
  if (out.size < 2) return out;
  const named = [...out.keys()].filter((h) => h.signal.owner.kind === "kind");
  const inside = (h: Hit, k: Hit) => k.covers.length > h.covers.length && h.covers.every((i) => k.covers.includes(i));
  for (const h of named) if (named.some((k) => k !== h && inside(h, k))) out.delete(h);
  return out;
}

/**
 * Whether a named system is written as an example of a kind another archetype builds ("a data warehouse like
 * Snowflake", "a data warehouse such as Snowflake"): the noun it is attached to says which system the name means, so
 * a name one archetype's card shares with a product of that kind (Twitter's Snowflake ids) does not count for it.
 */
function likenedToOtherKind(h: Hit, id: ArchetypeId, tokens: readonly Token[], written: readonly string[]): boolean {
  const at = tokens[h.covers[0] ?? -1]?.at ?? -1;
  const like = written[at - 1] === "like" ? 1 : written[at - 1] === "as" && written[at - 2] === "such" ? 2 : 0;
  if (like === 0) return false;
  const end = at - 1 - like;
  return SYSTEM_KINDS.some(
    (k) =>
      k.id !== id &&
      k.nouns.some((n) => {
        const words = n.split(" ");
        return words.every((w, i) => written[end - words.length + 1 + i] === w);
      }),
  );
}

function sortHits(
  hits: readonly Hit[],
  kb: RecognitionKnowledge,
  cloned: (sys: AmbiguousSystem) => string | undefined,
  tokens: readonly Token[],
  written: readonly string[],
  askSentence: number | undefined,
  isHead: (i: number) => boolean,
): Sorted {
  const out: Sorted = { byArchetype: new Map(), infra: [], product: [], features: [], needCues: new Map() };
  const add = (id: ArchetypeId, h: Hit) => {
    const list = out.byArchetype.get(id);
    if (list) list.push(h);
    else out.byArchetype.set(id, [h]);
  };
  // every place each use's cues are written (a cue may speak only at a later place: "a job queue that pushes jobs into
  // Redis"), in the order the hits come
  const cues = new Map<number, Map<number, Hit[]>>();
  const named: Hit[] = [];
  const kinds = askedKinds(hits, tokens, written, isHead);
  for (const h of hits) {
    const o = h.signal.owner;
    if (o.kind === "archetype") {
      if (h.signal.kind === "system" && likenedToOtherKind(h, o.id, tokens, written)) continue;
      add(o.id, h);
    } else if (o.kind === "infra") out.infra.push(h);
    else if (o.kind === "product") out.product.push(h);
    else if (o.kind === "feature") out.features.push(h);
    else if (o.kind === "need") {
      if (!out.needCues.has(o.index)) out.needCues.set(o.index, h);
    } else if (o.kind === "ambiguous") named.push(h);
    else if (o.kind === "kind" || o.kind === "known") {
      const asked = kinds.get(h);
      if (asked) add(asked.id, asked.hit);
    } else if (o.kind === "cue") {
      const uses = cues.get(o.system) ?? new Map<number, Hit[]>();
      const found = occurrences(h, tokens).filter((x) => cueSpeaks(x, tokens, written));
      if (found.length > 0) uses.set(o.use, [...(uses.get(o.use) ?? []), ...found]);
      cues.set(o.system, uses);
    }
  }
  const done = new Set<number>();
  for (const h of named) {
    if (h.signal.owner.kind !== "ambiguous" || done.has(h.signal.owner.system)) continue;
    const index = h.signal.owner.system;
    done.add(index);
    const sys = kb.ambiguous[index];
    if (!sys) continue;
    // only where the prompt asks to build what moves the data: "Design a pipeline that streams … into Redis" (in
    // "we publish model checkpoints to S3" the people's own verb says what S3 holds)
    const flowAt =
      askSentence !== undefined && tokens[h.covers[0] ?? -1]?.sentence === askSentence
        ? flowWordBefore(h, tokens, written)
        : undefined;
    const picked = sortShort(
      [...(cues.get(index) ?? new Map<number, Hit[]>()).entries()].flatMap(([u, list]) => {
        const c = list.find((x) => cueSpeaks(x, tokens, written, flowAt));
        return c ? [[u, c] as const] : [];
      }),
      (a, b) => a[0] - b[0],
    );
    // a sink whose use no cue picks is what the designed system's data lands in (knowledge: the system's `sink` use)
    const sink = flowAt !== undefined && SINK_WORDS.includes(written[flowAt] ?? "") ? sys.sink : undefined;
    const unpicked = sink ?? sys.default;
    const flowNote =
      flowAt === undefined
        ? ""
        : sink !== undefined
          ? `; '${written[flowAt]}' before it makes ${sys.name} where the designed system's data lands, so it is read as ${sink.use}`
          : (cues.get(index)?.size ?? 0) > 0
            ? `; '${written[flowAt]}' before it makes ${sys.name} where the data lands or comes from, so the words before that say how data reaches it, not what it is used as`
            : "";
    const others = [sys.default.use, ...sys.uses.map((u) => u.use)].filter((u, i, xs) => xs.indexOf(u) === i);
    const choices = picked.length > 0 ? picked : [[-1, undefined] as const];
    // "Consul's key/value store": words right after the name that name one of its own pieces are that system's part,
    // not another component; hits on them speak only for the uses the prompt picked.
    const part = ownPart(sys, h, tokens);
    const partNote = part ? `; '${part.quoted}' after it names ${sys.name}'s own part, not another component` : "";
    if (part !== undefined) {
      const kept = new Set(choices.flatMap(([u]) => (u < 0 ? unpicked : sys.uses[u])?.targets.map((t) => t.id) ?? []));
      for (const [id, list] of out.byArchetype) {
        if (kept.has(id)) continue;
        const rest = list.filter((x) => !x.covers.some((i) => part.covers.has(i)));
        if (rest.length === list.length) continue;
        if (rest.length > 0) out.byArchetype.set(id, rest);
        else out.byArchetype.delete(id);
      }
    }
    for (const [useIndex, cue] of choices) {
      const use = useIndex < 0 ? unpicked : sys.uses[useIndex];
      if (!use) continue;
      const note = cue
        ? `${sys.name} has several uses (${others.join("; ")}); '${cue.quoted}' in the prompt says it is used as ${use.use}`
        : sink !== undefined
          ? `${sys.name} has several uses; no other word picks one${flowNote}`
          : `${sys.name} has several uses; no other word picks one, so it is read as its most common use, ${use.use}${flowNote}`;
      for (const t of use.targets)
        add(t.id, { ...h, signal: { ...h.signal, weight: t.weight }, note: note + partNote });
    }
    // "Design a ZooKeeper-style service": what is built is what the system is, whatever the prompt then says it
    // does; its uses picked by cues are the clone's features, and its own kind leads.
    const clone = cloned(sys);
    if (clone !== undefined) {
      const note = `'${clone}' asks to build ${sys.name} itself or a system like it, so what ${sys.name} is, ${sys.default.use}, is what is built`;
      sys.default.targets.forEach((t, k) => {
        add(t.id, { ...h, signal: { ...h.signal, weight: k === 0 ? CLONE_WEIGHT : t.weight }, note });
      });
    }
  }
  for (const [id, list] of out.byArchetype) out.byArchetype.set(id, kindKeepsItsWords(list));
  return out;
}

/**
 * A kind asked for ("a data warehouse", "like BigQuery") whose words are also a phrase or a system of the same
 * archetype's own card: one reading of those words, the kind's, which says what is built and how well the archetype
 * builds it, at the stronger of the two weights. (Counted apart, the card's phrase, when it weighs more, hid the kind's
 * reading, and with it the rule that the head's kind leads.)
 */
function kindKeepsItsWords(list: Hit[]): Hit[] {
  const asked = new Set(list.filter((h) => h.signal.owner.kind === "kind" || h.signal.owner.kind === "known"));
  if (asked.size === 0) return list;
  const within = (h: Hit, k: Hit) => h.covers.length > 0 && h.covers.every((i) => k.covers.includes(i));
  // A hit within another covers that one's words, its first word included: each hit is compared only with those
  // whose words hold its first (a long prompt repeats a kind's words, and comparing every pair cost the square).
  const askedAt = new Map<number, Hit[]>();
  const cardFrom = new Map<number, Hit[]>();
  for (const h of list) {
    if (asked.has(h)) {
      for (const i of h.covers) {
        const at = askedAt.get(i);
        if (at === undefined) askedAt.set(i, [h]);
        else if (at[at.length - 1] !== h) at.push(h);
      }
    } else if (h.covers.length > 0) {
      const first = h.covers[0] as number;
      const from = cardFrom.get(first);
      if (from === undefined) cardFrom.set(first, [h]);
      else from.push(h);
    }
  }
  const same = (h: Hit) =>
    !asked.has(h) && h.covers.length > 0 && (askedAt.get(h.covers[0] as number) ?? []).some((k) => within(h, k));
  if (!list.some(same)) return list;
  return list.flatMap((h) => {
    if (same(h)) return [];
    if (!asked.has(h)) return [h];
    let weight = h.signal.weight;
    for (const i of h.covers)
      for (const x of cardFrom.get(i) ?? []) if (within(x, h)) weight = Math.max(weight, x.signal.weight);
    return [{ ...h, signal: { ...h.signal, weight } }];
  });
}

/**
 * Two readings the words alone get wrong (knowledge/signals/leads.ts), applied to the scores in place (same order
 * as `raw`): an archetype known only from a named system that calls what the prompt designs ranks below the
 * strongest archetype with its own evidence; and in a prompt that asks to build something (no invariant opener),
 * a claim not named in the head ranks below the owner of the timed, scanned or stepped work it is about.
 */
function rankByRule(
  scored: Scored[],
  raw: readonly { callers: readonly Hit[]; callerOnly: boolean }[],
  asked: boolean,
  isHead: (i: number) => boolean,
  afterTurn: (h: Hit) => boolean,
  runner?: string,
): void {
  const best = (xs: Scored[]) => firstBy(xs, byScore);
  scored.forEach((s, i) => {
    const r = raw[i];
    if (!r?.callerOnly) return;
    const over = best(scored.filter((o, j) => o !== s && !raw[j]?.callerOnly && o.strong >= MIN_DOMINANT));
    const c = r.callers[0];
    if (over && c)
      rankBelow(
        s,
        over,
        `'${c.quoted}' calls what the prompt designs, so ${s.archetype.id} is its caller and ranks below ${over.archetype.id}`,
      );
  });
  if (!asked) {
    if (runner !== undefined) runnersBelow(scored, runner, isHead);
    return;
  }
  const i = scored.findIndex((s) => s.archetype.id === EXCLUSIVE_CLAIM);
  const claim = scored[i];
  // The head speaking of the claim ("a seat hold service …") makes the claim what is built.
  if (!claim || claim.hits.some((h) => !h.signal.concept && h.covers.some(isHead))) return;
  // So does an explicit turn to it ("…; the hard part is that a charger can belong to only one driver …").
  if (claim.hits.some((h) => h.signal.rule !== undefined && !h.signal.concept && afterTurn(h))) return;
  // So does the claim's own requirement, a stale holder fenced off ("… stays correct when a holder stalls past its TTL").
  if (claim.hits.some((h) => h.signal.rule?.name === CLAIM_OWN_RULE)) return;
  // The owner is named (a component or system: "crawler", "Airflow"), not only inferred from requirement words, nor
  // from a business noun that only says what the prompt is about ("with payments").
  const owners = scored.filter(
    (s) =>
      WORK_OWNERS.some((o) => o.id === s.archetype.id) &&
      s.strong >= OWNER_LEAST &&
      s.hits.some((h) => h.signal.rule === undefined && !h.signal.concept && !namesSubject(h)),
  );
  const owner = best(owners);
  const work = WORK_OWNERS.find((o) => o.id === owner?.archetype.id)?.work;
  if (owner && work)
    rankBelow(
      claim,
      owner,
      `the prompt asks to build ${work} (${owner.archetype.id}); its exclusivity words say how that work runs, so ${EXCLUSIVE_CLAIM} supports it`,
    );
}

/**
 * In a statement ("holds not confirmed in 24h must be released right then, each exactly once even if two workers pick it
 * up"), a claim whose exclusivity stands beside the runners of owned work ranks below that work's owner, when the owner's
 * requirement is stated and the head does not speak of the claim: each run happens once, which the owner's claimable run
 * provides.
 */
function runnersBelow(scored: Scored[], runner: string, isHead: (i: number) => boolean): void {
  const claim = scored.find((s) => s.archetype.id === EXCLUSIVE_CLAIM);
  // Only a component the head names ("a seat hold service") makes the claim what is built; requirement words there
  // ("… at the time their hold expires") are the statement itself.
  if (!claim || claim.hits.some((h) => h.signal.rule === undefined && !h.signal.concept && h.covers.some(isHead)))
    return;
  const owner = firstBy(
    scored.filter((s) => s.archetype.id === RUNNER_OWNER && stated(s) >= STATED_OWNER_LEAST),
    byScore,
  );
  const work = WORK_OWNERS.find((o) => o.id === owner?.archetype.id)?.work;
  if (owner && work)
    rankBelow(
      claim,
      owner,
      `the prompt states ${work} (${owner.archetype.id}) and its exclusivity stands beside '${runner}' running it, so it says each run happens once, and ${EXCLUSIVE_CLAIM} supports it`,
      true,
    );
}

/**
 * "A customer-360 view that a consumer keeps current from the orders topic in Kafka": a system named only in the body
 * whose archetype the head's archetype reads as its input is where the designed thing's data comes from, not the
 * thing designed, so it ranks below the archetype the head speaks of.
 */
function feederBelow(scored: Scored[], isHead: (i: number) => boolean): void {
  // Ranked without the learned words, so the branch (read from the same scores) is the same with and without them.
  const ranked = sortShort([...scored], byPlainScore);
  const top = ranked[0];
  if (!top) return;
  const own = top.hits.filter((h) => !h.signal.concept);
  const system = own.find((h) => h.signal.kind === "system");
  if (!system || own.some((h) => h.covers.some(isHead))) return;
  const headed = ranked.find(
    (s) =>
      s !== top &&
      s.plain >= FED_LEAST &&
      s.hits.some((h) => !h.signal.concept && h.covers.some(isHead)) &&
      compositionRole(s.archetype, top.archetype)?.role === "input",
  );
  if (!headed) return;
  const why = `'${system.quoted}' is named only after the head, and ${headed.archetype.id}, which the head speaks of, reads ${top.archetype.id} as its input, so it feeds what is designed`;
  rankBelow(top, headed, why);
  // The learned words may already rank it below; the branch is read without them, so that reading moves too.
  if (top.plain >= headed.plain) {
    top.plain = headed.plain * RANK_BELOW;
    top.below = why;
  }
}

/**
 * "Design a backup service that takes incremental snapshots … every night": in an ask to build, an archetype read only
 * from the body (a cadence, a requirement) says how or when the thing the head names works; when the head names
 * another archetype's component by a phrase of its own, however weakly, that one is what is built and leads.
 */
function headBelow(scored: Scored[], isHead: (i: number) => boolean): void {
  const ranked = sortShort([...scored], byScore);
  const top = ranked[0];
  if (!top || top.archetype.id !== TIMED_WORK || top.hits.some((h) => !h.signal.concept && h.covers.some(isHead)))
    return;
  const headed = ranked.find(
    (s) =>
      s !== top &&
      s.plain >= HEAD_WEAKLY &&
      s.hits.some(
        (h) => h.signal.rule === undefined && !h.signal.concept && h.signal.kind !== "system" && h.covers.every(isHead),
      ),
  );
  if (!headed) return;
  const name = headed.hits.find((h) => h.signal.rule === undefined && !h.signal.concept && h.covers.every(isHead));
  rankBelow(
    top,
    headed,
    `the head names '${name?.quoted}' (${headed.archetype.id}) and nothing of ${top.archetype.id} stands there, so ${top.archetype.id} says how or when that thing works and ranks below it`,
    true,
  );
}

/**
 * The head names a kind of system ("Design a relational database …", "a secrets manager like Vault"): an archetype that
 * only the clauses speak of ("… streams its change log to a search index") says what the named thing feeds, keeps or
 * does, not what it is, so it ranks below the archetype the head's kind names, however many of its words the clauses hold.
 * So does one whose words in the head only say how the kind behaves ("a strongly consistent relational database",
 * "consistent … leader" read together): a requirement qualifies the kind; only a component named in the head is a
 * second thing asked for.
 */
function kindLeads(
  scored: Scored[],
  isHead: (i: number) => boolean,
  tokens: readonly Token[],
  written: readonly string[],
): void {
  const named = (h: Hit) =>
    (h.signal.owner.kind === "kind" || h.signal.owner.kind === "known") && h.covers.some(isHead);
  // Of two kinds' nouns in the head, the first is the head's own noun and a later one sits in a phrase after it ("an
  // interactive SQL engine over a data lake"): the first one is what is built. With no kind's noun, the strongest
  // archetype a named system asks for.
  const nounAt = (s: Scored) =>
    Math.min(
      ...s.hits.filter((h) => h.signal.owner.kind === "kind" && h.covers.some(isHead)).map((h) => h.covers[0] ?? 0),
    );
  const byNoun = sortShort(
    scored.filter((s) => Number.isFinite(nounAt(s))),
    (a, b) => nounAt(a) - nounAt(b) || byScore(a, b),
  );
  const headed = byNoun[0] ?? sortShort([...scored], byScore).find((s) => s.hits.some(named));
  const name = headed?.hits.find(named);
  if (!headed || !name) return;
  const component = (h: Hit) => !h.signal.concept && h.signal.rule === undefined && h.covers.some(isHead);
  // a later kind's noun after a preposition in the head ("an interactive SQL engine over a data lake", "a cache for a
  // relational database") names what the kind named first sits on or reads, not a second thing to build
  const partOfName = (h: Hit) => {
    if (h.signal.owner.kind !== "kind" || (h.covers[0] ?? 0) <= (name.covers[0] ?? 0)) return false;
    let k = (tokens[h.covers[0] ?? -1]?.at ?? 0) - 1;
    while (k > 0 && ARTICLES.has(written[k] ?? "")) k--;
    return HEAD_PART_PREPOSITIONS.has(written[k] ?? "");
  };
  for (const s of scored) {
    if (s === headed) continue;
    const parts = s.hits.filter(component);
    if (parts.length > 0 && !parts.every(partOfName)) continue;
    rankBelow(
      s,
      headed,
      parts.length > 0
        ? `the head asks for what '${name.quoted}' names (${headed.archetype.id}); '${parts[0]?.quoted}' comes after it behind a preposition, so it names what that thing sits on or reads, and ${s.archetype.id} ranks below it`
        : `the head asks for what '${name.quoted}' names (${headed.archetype.id}) and no component of ${s.archetype.id} is named there, so ${s.archetype.id} says what that thing feeds, keeps or does, or how it behaves, and ranks below it`,
      true,
    );
  }
}

/**
 * "Design a file sync service …: … when two devices edit the same file both versions must be kept": in an ask to
 * build, the head noun phrase names what is built. When it names one archetype's component in that archetype's own
 * words ('file sync', 'push notifications'; a phrase or name, not a requirement nor a typical word) and the archetype
 * leading has no word in the head at all, the leader is read only from the body (words that happen to fall together
 * in a clause, a requirement, typical or learned words): it says how the named thing behaves or what it must keep,
 * not what it is, so it ranks below the archetype the head names. `kindLeads` does the same for a kind's noun;
 * this rule reads a card's own phrase in the head.
 */
function headSystemLeads(
  scored: Scored[],
  isHead: (i: number) => boolean,
  w: (h: Hit) => number,
  tokens: readonly Token[],
  afterTurn: (h: Hit) => boolean,
): void {
  const ranked = sortShort([...scored], byScore);
  const top = ranked[0];
  if (!top || top.hits.some((h) => !h.signal.concept && (h.covers.some(isHead) || afterTurn(h)))) return;
  const names = (h: Hit) =>
    h.signal.rule === undefined &&
    !h.signal.concept &&
    h.covers.length > 0 &&
    h.covers.every(isHead) &&
    (h.signal.stems.length > 1 || h.signal.owner.kind === "kind" || h.signal.owner.kind === "known") &&
    !PRODUCT_HEADS.has(tokens[(h.covers[h.covers.length - 1] ?? -2) + 1]?.stem ?? "");
  // only the runner-up: moving the leader below the head's archetype must not hand the lead to a third one the head
  // does not name either ("a group chat backend … history is kept for one year")
  const second = ranked[1];
  const headed =
    second !== undefined && second.plain >= HEAD_WEAKLY && second.hits.some((h) => names(h) && w(h) >= HEAD_WEAKLY)
      ? second
      : undefined;
  const name = headed?.hits.find(names);
  if (!headed || !name) return;
  rankBelow(
    top,
    headed,
    `the head names '${name.quoted}' (${headed.archetype.id}) and no word of ${top.archetype.id} stands there, so ${top.archetype.id} is read only from the body and says how that thing behaves or what it keeps, and ranks below it`,
    true,
  );
}

/**
 * "Design a rate limiter like Stripe's": the head names what is built, and the company after "like", written as whose
 * ("like Stripe's"), says whose such component is the model, so the brand contributes only what it shares with the
 * head's archetype, never its own main business. A system likened without a possessive ("a configuration store like
 * etcd") is the model of the thing itself and is read by `likenessBelow` and `kindLeads`. An archetype read only from that brand (every word of it, typical words aside, is the name after "like")
 * is not drawn at all when the head names another archetype's kind or component. Returns the archetype the head
 * names, if any, for the branch (the brand is then no product ask either).
 */
function likenedBrandShares(
  scored: Scored[],
  isHead: (i: number) => boolean,
  brand: (h: Hit) => boolean,
  w: (h: Hit) => number,
): Scored | undefined {
  const kindInHead = (h: Hit) => h.signal.owner.kind === "kind" && h.covers.every(isHead);
  const component = (h: Hit) =>
    kindInHead(h) ||
    (!h.signal.concept &&
      h.signal.rule === undefined &&
      h.signal.kind !== "system" &&
      h.covers.every(isHead) &&
      w(h) >= HEAD_NAMED);
  const headed =
    sortShort([...scored], byScore).find((s) => s.hits.some(kindInHead)) ??
    sortShort([...scored], byScore).find((s) => s.hits.some(component));
  const noun = headed?.hits.find(component);
  if (!headed || !noun) return undefined;
  for (const s of scored) {
    if (s === headed) continue;
    const own = s.hits.filter((h) => !h.signal.concept);
    if (own.length === 0 || !own.every(brand)) continue;
    s.score = 0;
    s.plain = 0;
    s.strong = 0;
    s.below = `'${noun.quoted}' in the head names what is built (${headed.archetype.id}), and 'like ${own[0]?.quoted}' after it only says whose such thing is the model: the brand brings only what it shares with ${headed.archetype.id}, not its own main business (${s.archetype.id})`;
  }
  return headed;
}

/**
 * "… orders placed in the final minute before the close must be honoured": a cutoff the prompt states (`CUTOFF_RULE` in
 * knowledge/signals/leads.ts) is checked by each write, so due-time release read from the prompt's time words ranks
 * below the archetype that keeps the cutoff, with and without the learned words.
 */
function cutoffBelow(scored: Scored[]): void {
  const cutoff = (h: Hit) => !h.signal.concept && ruleName(h) === CUTOFF_RULE;
  const keeper = firstBy(
    scored.filter((s) => s.hits.some(cutoff)),
    byScore,
  );
  const timed = scored.find((s) => s.archetype.id === TIMED_WORK);
  const rule = keeper?.hits.find(cutoff);
  if (!keeper || !timed || !rule || timed === keeper) return;
  if (
    rankBelow(
      timed,
      keeper,
      `'${rule.quoted}' speaks of writes made just before a time, so that time is a cutoff each write is checked against (${keeper.archetype.id}), not work released when it comes; ${TIMED_WORK} ranks below it`,
      true,
    )
  )
    keeper.led ??= `'${rule.quoted}' makes the prompt's time a cutoff checked on the write path, so ${keeper.archetype.id} leads over due-time release (${TIMED_WORK})`;
}

/**
 * The written places of the thing a head made only of words for the whole thing names in the clause right after it
 * ("a service that sends one-time passcodes by SMS": 'one-time passcodes'): the words after 'that' or 'which' and its
 * verb, up to the next clause break in the same phrase. The head says only that a service is built; the clause says
 * which, so its noun phrase is read as the head's. Undefined where the head has a word of its own.
 */
/** Verbs (stemmed) by which a service hands out or keeps the thing it is (`definingClause`). */
const PROVIDING_VERBS: ReadonlySet<string> = new Set(
  [
    "sends",
    "emails",
    "texts",
    "issues",
    "generates",
    "hands",
    "delivers",
    "serves",
    "mints",
    "grants",
    "provides",
    "hosts",
    "stores",
    "keeps",
    "holds",
    "manages",
    "verifies",
  ].map(stemWord),
);

function definingClause(
  tokens: readonly Token[],
  written: readonly string[],
  askAt: ReadonlySet<number>,
): ReadonlySet<number> | undefined {
  // the head past the opening ask's own words ("Design a", `askWords`) must be only words for the whole thing
  const head = tokens.filter((t) => t.head && !askAt.has(t.at));
  const last = head[head.length - 1];
  if (!last || !head.every((t) => FUNCTION_TAIL_STEMS.has(t.stem))) return undefined;
  const rel = written[last.at + 1];
  if (rel !== "that" && rel !== "which") return undefined;
  // only a verb saying what the service hands out or keeps makes its object the thing built ("sends one-time
  // passcodes", "issues certificates"); one that works on data ("rescans stored objects") names its input
  if (!PROVIDING_VERBS.has(stemWord(written[last.at + 2] ?? ""))) return undefined;
  const after = tokens.filter((t) => t.at > last.at + 1);
  const part = after[0]?.part;
  const partAt = new Map(after.map((t) => [t.at, t.part]));
  const out = new Set<number>();
  for (let at = last.at + 3; at < written.length; at++) {
    if (CLAUSE_BREAKS.has(written[at] ?? "")) break;
    const p = partAt.get(at);
    if (p !== undefined && p !== part) break;
    out.add(at);
  }
  return out.size > 0 ? out : undefined;
}

const HARD_RULE_SAYS = new Map(HARD_RULES.map((r) => [r.rule, r.says]));
const FUNCTIONS = functionIndex(FUNCTION_WORDS);
/** The words that only say a head names a whole thing ("system", "service", "platform"), past which its function word stands. */
const FUNCTION_TAIL_STEMS = new Set([...WHOLE_PRODUCT_TAILS, ...FUNCTION_TAILS].map(stemWord));
/** The requirement rule a hit states, by its table name (a rule read from word families says so after its name). */
const ruleName = (h: Hit): string | undefined => {
  const name = h.signal.rule?.name;
  return name?.endsWith(READ_TOGETHER) ? name.slice(0, -READ_TOGETHER.length) : name;
};

/**
 * What an archetype ranked below a lead was read from, said in its reason: the head's function word (`fn`, where it
 * is among the archetype's hits), at most two side words, words typical of it in labelled prompts, its typical words.
 */
function readFrom(s: Scored, fn?: Hit): string {
  const words = s.hits.filter((h) => !h.signal.concept && h.signal !== fn?.signal).map((h) => `'${h.quoted}'`);
  const from = [
    ...(fn !== undefined && s.hits.some((h) => h.signal === fn.signal)
      ? [`the head's function word '${fn.quoted}'`]
      : []),
    ...(words.length > 0 ? [`side words ${words.slice(0, 2).join(", ")}`] : []),
    ...(s.learned ? ["words typical of it in labelled prompts"] : []),
    ...(s.hits.some((h) => h.signal.concept) ? ["its typical words"] : []),
  ];
  return from.join(" and ") || "weak words";
}

/**
 * "Design a blood bank service where a unit must never be allocated to two patients at once": when the head of an
 * ask to build names no kind of system (no kind's noun or well-known system, no component an archetype's own phrase
 * names outright), the hard rule the prompt states (`HARD_RULES` in knowledge/signals/leads.ts: an exclusive claim, a
 * once-only use, a cap on a count, an outside effect made once) says what the design must keep, so its archetype leads
 * over every archetype known only from side phrases (a component or system named after the head, one word read as a
 * requirement: 'bank') or from words typical of it in labelled prompts. Of several
 * hard rules, the strongest archetype's leads. An archetype that states a requirement of its own in two words or more
 * ("two people editing the same card at once" for shared-subject coordination, "fire at the chosen time" for
 * due-time release) keeps its rank: the rule is weighed against side words, not against another stated requirement.
 * Both the lead and the ones below it say which rule made the lead.
 */
function hardRuleLeads(
  scored: Scored[],
  isHead: (i: number) => boolean,
  w: (h: Hit) => number,
  fn: Hit | undefined,
): void {
  const asked = (h: Hit) =>
    (h.signal.owner.kind === "kind" || h.signal.owner.kind === "known") && h.covers.some(isHead);
  if (scored.some((s) => s.hits.some(asked))) return;
  const hard = (h: Hit) => !h.signal.concept && HARD_RULE_SAYS.has(ruleName(h) ?? "");
  const headComponent = (h: Hit) =>
    !h.signal.concept &&
    h.signal.rule === undefined &&
    h.signal.kind !== "system" &&
    h.covers.every(isHead) &&
    w(h) >= HEAD_NAMED;
  const lead = firstBy(
    scored.filter((s) => s.strong >= HARD_RULE_LEAST && s.hits.some(hard)),
    byScore,
  );
  const rule = lead?.hits.find(hard);
  // a rule read from two words together and nothing else is weak alone; an archetype an earlier rule ranked below
  // another (a claim inside owned work) keeps that reading
  if (!lead || !rule || lead.lone || lead.below !== undefined) return;
  const says = HARD_RULE_SAYS.get(ruleName(rule) ?? "") ?? "";
  const moved: string[] = [];
  // a requirement read from two words or more is stated; one word alone ('bank', 'scan') is a side word
  const statedOwn = (h: Hit) => !h.signal.concept && h.signal.rule !== undefined && h.covers.length > 1;
  for (const s of scored) {
    if (s === lead || s.hits.some(hard) || s.hits.some(headComponent) || s.hits.some(statedOwn)) continue;
    if (
      rankBelow(
        s,
        lead,
        `the head names no kind of system, and the prompt states a hard rule, '${rule.quoted}' (${says}), which ${lead.archetype.id} keeps; ${s.archetype.id} states none and is read here only from ${readFrom(s, fn)}, which count for less than a stated rule, so it ranks below`,
        true,
      )
    )
      moved.push(s.archetype.id);
  }
  if (moved.length > 0)
    lead.led = `the head names no kind of system, and the prompt's stated hard rule '${rule.quoted}' (${says}) is what ${lead.archetype.id} keeps, so it leads over ${moved.join(", ")}, read only from side words or words typical of them`;
}

/**
 * "Design package tracking for a parcel carrier …": when the head names no kind of system, no well-known system and no
 * component an archetype's own phrase names, the last word of its noun phrase may still say what the system does (a
 * function noun or nominalised verb, knowledge/signals/functions.ts). It is read as a hit on the archetype that does
 * it: of the row's archetypes, the one the prompt's other words already favour, else the first. Undefined when the
 * head names anything (a product's words included) or ends on another word.
 */
function functionHit(
  sorted: Sorted,
  tokens: readonly Token[],
  isHead: (i: number) => boolean,
  ask: (i: number) => boolean,
  w: (h: Hit) => number,
): { id: ArchetypeId; hit: Hit; found: HeadFunction } | undefined {
  const found = headFunction(tokens, isHead, ask, FUNCTION_TAIL_STEMS, FUNCTIONS);
  if (found === undefined) return undefined;
  const lists = [...sorted.byArchetype.values()];
  const names = (h: Hit) =>
    h.signal.owner.kind === "kind" ||
    h.signal.owner.kind === "known" ||
    (!h.signal.concept && h.covers.includes(found.at)) ||
    (!h.signal.concept && h.signal.rule === undefined && h.covers.every(isHead) && w(h) >= HEAD_NAMED);
  // nor where a product's words stand in the head ("a food delivery courier dispatcher", "a seat reservation service"):
  // the product's own feature designs that part
  if (lists.some((list) => list.some(names)) || sorted.product.some((h) => h.covers.some(isHead))) return undefined;
  // nor where the function word is a word of a product feature's own phrase ("a geo search", "a charity auction site"):
  // the word names that feature, whose own design builds it, not a function of some system
  if (sorted.features.some((h) => h.covers.includes(found.at))) return undefined;
  const scoreOf = (id: ArchetypeId) => {
    const list = sorted.byArchetype.get(id);
    return list === undefined ? 0 : combine(list, w).score;
  };
  // the first of the best: a row lists its archetypes in order of preference
  const id = found.row.ids.reduce((best, x) => (scoreOf(x) > scoreOf(best) ? x : best));
  const word = tokens[found.at]?.raw ?? "";
  const signal = functionSignal(word, id);
  if (signal === undefined) return undefined;
  const hit: Hit = {
    signal,
    covers: [found.at],
    quoted: word,
    fuzzy: false,
    note: `the head names no kind of system and asks for ${word}: ${found.row.why}`,
  };
  return { id, hit, found };
}

/**
 * The signal of a head's function word for an archetype, compiled once per (word, archetype) and shared after: a
 * signal is read-only, and compiling one per recognition tokenized the word, which also pushed the prompt's own
 * tokens out of `tokenize`'s one-text memory (the next reading of the prompt tokenized it again). The words are a
 * table's function words as a prompt writes them, so few; the memory is emptied if it ever grows past its bound.
 */
const FUNCTION_SIGNALS = new Map<string, Signal | undefined>();
const FUNCTION_SIGNALS_MAX = 512;
function functionSignal(word: string, id: ArchetypeId): Signal | undefined {
  const key = `${id}\u0000${word}`;
  if (FUNCTION_SIGNALS.has(key)) return FUNCTION_SIGNALS.get(key);
  if (FUNCTION_SIGNALS.size >= FUNCTION_SIGNALS_MAX) FUNCTION_SIGNALS.clear();
  const signal = compileSignal(word, FUNCTION_WEIGHT, "phrase", { owner: { kind: "archetype", id } });
  FUNCTION_SIGNALS.set(key, signal);
  return signal;
}

/**
 * The head's function word (`functionHit`) says what is built, so an archetype read only from side words, one word
 * read as a requirement or words typical of it in labelled prompts ranks below the archetype that does it. One that
 * states a requirement of its own in two words or more keeps its rank, as does everything when the prompt's stated
 * hard rule already led (`hardRuleLeads`) or an earlier rule ranked the function's archetype below another.
 */
function functionLeads(scored: Scored[], id: ArchetypeId, hit: Hit, isHead: (i: number) => boolean): void {
  const lead = scored.find((s) => s.archetype.id === id);
  if (lead === undefined || lead.below !== undefined || scored.some((s) => s.led !== undefined)) return;
  const statedOwn = (h: Hit) => !h.signal.concept && h.signal.rule !== undefined && h.covers.length > 1;
  const headComponent = (h: Hit) =>
    h !== hit && !h.signal.concept && h.signal.rule === undefined && h.covers.every(isHead);
  const moved: string[] = [];
  for (const s of scored) {
    if (s === lead || s.hits.some(headComponent)) continue;
    // a stated requirement keeps its rank on its own words; the learned words do not lift it over the function word
    const stated = s.hits.find(statedOwn);
    if (stated !== undefined) {
      if (s.plain < lead.plain && s.score >= lead.score)
        rankBelow(
          s,
          lead,
          `the head names no kind of system and asks for ${hit.quoted}, which ${id} does; ${s.archetype.id}'s stated '${stated.quoted}' weighs less than that on its own, and words typical of it in labelled prompts, which never outweigh what the head asks for, were all that put it ahead, so it ranks below`,
        );
      continue;
    }
    if (
      rankBelow(
        s,
        lead,
        `the head names no kind of system and asks for ${hit.quoted}, which ${id} does; ${s.archetype.id} states no requirement of its own and is read here only from ${readFrom(s)}, which count for less than what the head asks for, so it ranks below`,
        true,
      )
    )
      moved.push(s.archetype.id);
  }
  if (moved.length > 0)
    lead.led = `the head names no kind of system and asks for ${hit.quoted}, which ${id} does, so it leads over ${moved.join(", ")}, read only from side words or words typical of them`;
}

/**
 * "a log aggregation system like Kafka": the system the head likens what it names to is the model of the thing built,
 * not the thing. An archetype whose only component in the head is such a likeness ranks below the one whose component
 * the head names in its own words before it. Not where the name is a kind asked for (knowledge/signals/kinds.ts, read
 * by `kindLeads`: "a replicated log like BookKeeper" asks for a distributed log), nor where the named system is used
 * as what the noun names ("a lock service like etcd": etcd is one, so the noun does not make it something else), nor
 * where words other than ones for the whole thing ("system", "service") stand between them ("a service discovery and
 * configuration store like etcd" likens the store, which the noun before it does not name), nor where the noun is one
 * general word ("a job orchestrator like …") or the name comes first ("a Kubernetes-like scheduler"): the name says
 * which kind of the noun is meant.
 */
function likenessBelow(
  scored: Scored[],
  isHead: (i: number) => boolean,
  likeness: (h: Hit) => boolean,
  w: (h: Hit) => number,
  kb: RecognitionKnowledge,
  tokens: readonly Token[],
): void {
  const inHead = (h: Hit) => !h.signal.concept && h.signal.rule === undefined && h.covers.every(isHead);
  // a phrase or a kind's noun names what is built; one word alone ("an orchestrator like …", "a scheduler like …") is
  // a general noun the likeness says which kind of
  const own = (h: Hit) =>
    inHead(h) &&
    !likeness(h) &&
    h.signal.kind !== "system" &&
    w(h) >= HEAD_WEAKLY &&
    (h.covers.length > 1 || h.signal.owner.kind === "kind");
  const over = sortShort([...scored], byScore).find((s) => s.hits.some(own));
  const noun = over?.hits.find(own);
  if (!over || !noun) return;
  const nounEnd = Math.max(...noun.covers);
  const usedAs = (h: Hit) => {
    const o = h.signal.owner;
    const sys = o.kind === "ambiguous" ? kb.ambiguous[o.system] : undefined;
    return [sys?.default, ...(sys?.uses ?? [])].some((u) => u?.targets.some((t) => t.id === over.archetype.id));
  };
  // the likeness attaches to the noun: only words for the whole thing ("system", "service") stand between them
  const attached = (h: Hit) => {
    const at = h.covers[0] ?? -1;
    if (at <= nounEnd) return false;
    for (let i = nounEnd + 1; i < at; i++) if (!WHOLE_TAILS.has(tokens[i]?.stem ?? "")) return false;
    return true;
  };
  const model = (h: Hit) =>
    likeness(h) && h.signal.owner.kind !== "kind" && h.signal.owner.kind !== "known" && attached(h) && !usedAs(h);
  for (const s of scored) {
    const head = s.hits.filter(inHead);
    if (s === over || head.length === 0 || !head.every(model)) continue;
    rankBelow(
      s,
      over,
      `'${noun.quoted}' in the head names what is built (${over.archetype.id}) and 'like ${head[0]?.quoted}' after it only says what it is likened to, so ${s.archetype.id} ranks below it`,
      true,
    );
  }
}

/** What recognition reads of the compiled tables on every prompt, arranged once per tables (see `prepared`). */
interface Prepared {
  ids: readonly ArchetypeId[];
  /**
   * Each focus cue's first word as its pattern spells it literally (right after its leading `\b`), as a position in
   * `words` (the distinct ones), or -1 when the pattern does not start so: a text without that word cannot match the
   * cue, so its pattern is not run. 51 cues start with 30 words, so a text is searched for each word once however
   * many cues share it (`cueFilter`). (One pattern joining the 51 cues cost more to compile at a command's start
   * than the cues run one by one.)
   */
  cueWordAt: readonly number[];
  words: readonly string[];
  /** By archetype: its first typical connection to each other archetype. */
  typical: ReadonlyMap<ArchetypeId, ReadonlyMap<ArchetypeId, Archetype["connections"][number]>>;
  /** By archetype: its reading in a prompt with no hit for it (read-only, shared by every such prompt). */
  unnamed: ReadonlyMap<ArchetypeId, Raw>;
}

/** An archetype's hits in a prompt, weighed, before the rules that rank one below another. */
interface Raw {
  archetype: ArchetypeLinks;
  score: number;
  strong: number;
  hits: Hit[];
  headStated: boolean;
  named: boolean;
  callers: Hit[];
  callerOnly: boolean;
  /** Known from one requirement read from two words together and nothing else (see lonePair). */
  lone?: boolean;
}
const NO_HITS = Object.freeze([]) as unknown as Hit[];
const preparedFor = new WeakMap<RecognitionKnowledge, Prepared>();

/**
 * For one text: false for a focus cue `k` whose first word the text lacks, so its pattern cannot match. Each distinct
 * first word is looked for once, when a cue first asks about it.
 */
function cueFilter(once: Prepared, text: string): (k: number) => boolean {
  // per distinct word: 0 not yet looked for, 1 in the text, 2 not
  const known = new Uint8Array(once.words.length);
  return (k) => {
    const d = once.cueWordAt[k] as number;
    if (d < 0) return true;
    if (known[d] === 0) known[d] = text.includes(once.words[d] as string) ? 1 : 2;
    return known[d] === 1;
  };
}

/** The tables' per-prompt constants, built on first use and kept with the tables. */
/**
 * Each product feature's phrases (stems joined by spaces) and the words of its acts: the stems of its phrases of two
 * words or more ('dispatch drivers', 'match riders'), as `actStemsOf` in engine/product/recognize.ts reads them. Built
 * once per compiled knowledge, and only when a prompt asks (the feature lists are decoded on first use).
 */
const featureActsFor = new WeakMap<RecognitionKnowledge, readonly { phrases: Set<string>; acts: Set<string> }[]>();
function featureActs(kb: RecognitionKnowledge): readonly { phrases: Set<string>; acts: Set<string> }[] {
  let acts = featureActsFor.get(kb);
  if (acts === undefined) {
    const lists = kb.lists?.().features ?? [];
    acts = lists.map((signals) => {
      return {
        phrases: new Set(signals.map((s) => s.stems.join(" "))),
        acts: new Set(signals.filter((s) => s.stems.length > 1).flatMap((s) => s.stems)),
      };
    });
    featureActsFor.set(kb, acts);
  }
  return acts;
}

/**
 * Whether the head's noun (`noun`, its last word before the phrase naming the product) names what a product feature
 * does, where the product's words after it (`stems`) are one of that feature's own phrases ('ride hailing'): "the
 * dispatch system for a ride-hailing app" asks for the dispatch of that product, which its ride-matching feature
 * designs. A word of the product's own phrase never counts, nor a word before the noun that only qualifies it ('order'
 * in "an order number service for a food delivery app").
 */
function namesFeaturePart(kb: RecognitionKnowledge, stems: readonly string[], noun: Token | undefined): boolean {
  if (noun === undefined || stems.includes(noun.stem)) return false;
  const phrase = stems.join(" ");
  return featureActs(kb).some((f) => f.phrases.has(phrase) && f.acts.has(noun.stem));
}

function prepared(kb: RecognitionKnowledge): Prepared {
  let p = preparedFor.get(kb);
  if (p === undefined) {
    const cueWords = kb.focus.map((f) => {
      const word = /^[a-z0-9']+/.exec(f.text.toLowerCase())?.[0];
      return word !== undefined && f.pattern.source.startsWith(`\\b${word}`) ? word : undefined;
    });
    const words = [...new Set(cueWords.filter((w) => w !== undefined))];
    p = {
      ids: Object.freeze(kb.archetypes.map((a) => a.id)),
      cueWordAt: cueWords.map((w) => (w === undefined ? -1 : words.indexOf(w))),
      words,
      typical: new Map(
        kb.archetypes.map((a) => {
          const firsts = new Map<ArchetypeId, Archetype["connections"][number]>();
          for (const c of a.connections) if (c.typical === true && !firsts.has(c.to)) firsts.set(c.to, c);
          return [a.id, firsts];
        }),
      ),
      unnamed: new Map(
        kb.archetypes.map((archetype) => [
          archetype.id,
          Object.freeze({
            archetype,
            score: 0,
            strong: 0,
            hits: NO_HITS,
            headStated: false,
            named: false,
            callers: NO_HITS,
            callerOnly: false,
          }),
        ]),
      ),
    };
    preparedFor.set(kb, p);
  }
  return p;
}

/** Classifies a prompt: branch, dominant archetype and supporting ones with roles, all with evidence. */
export function recognize(
  prompt: string,
  kb: RecognitionKnowledge,
  opts: { branch?: BranchKind; learned?: LearnedWords; learnedBranch?: LearnedBranchTable } = {},
): Recognition {
  const tokens = tokenize(prompt);
  const once = prepared(kb);
  const learned = new Map(learnedEvidence(opts.learned ?? LEARNED_WORDS, tokens, once.ids).map((e) => [e.id, e]));
  const lower = prompt.toLowerCase();
  const opensWithAsk = ASKS_TO_BUILD.test(lower);
  // A prompt that states its context first and asks later ("…; design that service") has its head in the ask.
  const asked = askWords(prompt);
  const later = asked.later;
  const matched = matchAll(tokens, kb.index);
  // a kind of system named in the clause that defines a head of bare words for the whole thing ("a service that sends
  // one-time passcodes") is named in the head (`definingClause`); the clause's other words stay the body's
  const clause = later.size > 0 ? undefined : definingClause(tokens, writtenWords(prompt), asked.opening);
  const thatKind = new Set(
    clause
      ? matched.flatMap((h) =>
          h.signal.owner.kind === "kind" && h.covers.every((i) => clause.has(tokens[i]?.at ?? -1))
            ? h.covers.map((i) => tokens[i]?.at ?? -1)
            : [],
        )
      : [],
  );
  const isHead =
    later.size > 0
      ? (i: number) => later.has(tokens[i]?.at ?? -1)
      : thatKind.size > 0
        ? (i: number) => tokens[i]?.head === true || thatKind.has(tokens[i]?.at ?? -1)
        : (i: number) => tokens[i]?.head === true;
  const asksForThing = later.size > 0 || opensWithAsk;
  const w = (h: Hit) => weightOf(h, isHead, !asksForThing);
  const combined = kb.combinations ? matchCombinations(tokens, kb.combinations, writtenWords(prompt)) : [];
  // The opening ask's own words ("Walk me through …") state nothing: a hit on any of them is dropped.
  const askAt = asked.opening;
  const notAsk = (h: Hit) => askAt.size === 0 || !h.covers.some((i) => askAt.has(tokens[i]?.at ?? -1));
  const cloned = (sys: AmbiguousSystem): string | undefined => {
    if (!asksForThing) return undefined;
    for (const name of [sys.name, ...sys.aliases]) {
      const n = name.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const m = new RegExp(
        `\\b(?:${n}[- ](?:like|style|inspired)\\b|like ${n}\\b|${n} clone\\b|${ITSELF_VERBS}\\s+(?:\\w+\\s+){0,2}?${n}(?:[ -]\\w+)?\\s+itself\\b)`,
      ).exec(lower);
      if (m) return m[0];
    }
    return undefined;
  };
  // Money moved between the system's own accounts is its own state: money words alone name no outside party.
  const outside = namesOutsideParty(tokens);
  const own = ownAccounts(tokens, outside);
  const notOwnMoney = (h: Hit) =>
    own === undefined
      ? !(outside && h.signal.rule?.name === OWN_ACCOUNT_RULE)
      : h.signal.rule?.name === OWN_ACCOUNT_RULE || !(moneyWordsOnly(h) || outsideReadFromMoney(h));
  const written = writtenWords(prompt);
  // A named system written as the model of what is built ("like etcd", "Kafka-like", "a Vault clone"), not "X itself".
  const likeness = (h: Hit) =>
    h.signal.kind === "system" && written[(tokens[h.covers[0] ?? -1]?.at ?? 0) - 1] === "like";
  const sorted = sortHits(
    [...matched, ...combined].filter((h) => notAsk(h) && notOwnMoney(h)),
    kb,
    cloned,
    tokens,
    written,
    opensWithAsk ? 0 : tokens.find((t) => later.has(t.at))?.sentence,
    isHead,
  );

  // "messaging" said of people ("a group messaging service", "friends message each other") is the chat product, said of
  // programs ("a messaging system for microservices") a broker's log: the sender word nearest to it says which
  const messaging = messagingReadings(prompt);
  const peopleAt = messagingTokens(tokens, messaging, "people");
  if (peopleAt.size > 0) readPeopleMessaging(sorted, kb, tokens, written, messaging, peopleAt);
  const systemsAt = messagingTokens(tokens, messaging, "systems");
  if (systemsAt.size > 0) readProgramsMessaging(sorted, tokens, written, messaging, systemsAt);

  // the head's function word, read only in an ask to build whose head names nothing else (not messaging said of
  // people: that is the chat product's word)
  const ask = (i: number) => askAt.has(tokens[i]?.at ?? -1);
  const fnRead =
    asksForThing && kb.opener?.exec(lower)?.[1] === undefined ? functionHit(sorted, tokens, isHead, ask, w) : undefined;
  const fnHit = fnRead?.hit.covers.some((i) => peopleAt.has(i)) ? undefined : fnRead;
  if (fnHit !== undefined) sorted.byArchetype.set(fnHit.id, [...(sorted.byArchetype.get(fnHit.id) ?? []), fnHit.hit]);
  const archetypeHits: Hit[] = [];
  for (const list of sorted.byArchetype.values()) for (const h of list) archetypeHits.push(h);
  const spans = callerSpans(archetypeHits, tokens, (h) => asksForThing && h.covers.every(isHead));
  // the phrase after the head naming whom the system serves: a provider named only there is no party it calls
  const servedFor = asksForThing ? servedPhrase(tokens, isHead, written) : undefined;
  const servedProvider = (h: Hit): boolean =>
    servedFor !== undefined &&
    servedFor.size > 0 &&
    h.signal.rule !== undefined &&
    PROVIDER_RULES.some((r) => h.signal.rule?.name.startsWith(r)) &&
    h.covers.some((i) => servedFor.has(i)) &&
    h.covers.every((i) => servedFor.has(i) || isHead(i));
  const raw = kb.archetypes.map((archetype): Raw => {
    // a provider named only as whom the system is built for is no party it calls: not read at all
    const listed = sorted.byArchetype.get(archetype.id);
    const own = listed?.some(servedProvider) ? listed.filter((h) => !servedProvider(h)) : listed;
    // most archetypes have no hits in a prompt: nothing to weigh
    if (own === undefined || own.length === 0) return once.unnamed.get(archetype.id) as Raw;
    // A named system that calls what the prompt designs, and the words naming it, are its client: weaker evidence.
    const callers: Hit[] = [];
    const all = own.map((h) => {
      if (spans.length === 0) return h;
      const span = spans.find((c) => h.covers.every((i) => i >= c.from && i < c.to));
      if (span === undefined) return h;
      const c: Hit = {
        ...h,
        signal: { ...h.signal, weight: h.signal.weight * CALLER_FACTOR },
        note: `'${span.verb}' after it makes it the caller of what the prompt designs, not the thing designed`,
      };
      callers.push(c);
      return c;
    });
    const { score, counted } = combine(all, w);
    const lone = lonePair(all, learned.has(archetype.id));
    // without typical words: the same score when there are none
    const plainStrong = all.some((h) => h.signal.concept)
      ? combine(
          all.filter((h) => !h.signal.concept),
          w,
        ).score
      : score;
    // the head's function word says that something is built, not how much the prompt's other words weigh: the branch
    // reads it as strong as itself, never adding to them
    const strong =
      fnHit !== undefined && all.some((h) => h.signal === fnHit.hit.signal)
        ? Math.max(
            combine(
              all.filter((h) => !h.signal.concept && h.signal !== fnHit.hit.signal),
              w,
            ).score,
            w(fnHit.hit),
          )
        : plainStrong;
    return {
      archetype,
      score,
      strong,
      hits: counted,
      // In a prompt that asks for nothing to be built, a requirement stated in the head is as much
      // its subject as a component named there ("Hold each payment for 48 hours, then release it").
      headStated:
        !asksForThing && counted.some((h) => h.signal.rule !== undefined && !h.signal.concept && h.covers.some(isHead)),
      // Words read together state a requirement; they do not name the component to build.
      named: counted.some(
        (h) => h.covers.every(isHead) && w(h) >= HEAD_NAMED && !h.signal.concept && h.signal.rule === undefined,
      ),
      callers,
      callerOnly: callers.length > 0 && all.every((h) => h.signal.concept || callers.includes(h)),
      lone,
    };
  });
  // A prompt that opens with an invariant ("Ensure no two…") is about that requirement: archetypes
  // backed only by nouns rank below those whose rule it states. Otherwise, when the head names a
  // component outright, requirements stated later qualify it rather than replace it.
  const invariant = kb.opener?.exec(lower)?.[1];
  const stated = (r: { hits: Hit[] }) => r.hits.some((h) => h.signal.rule !== undefined && !h.signal.concept);
  // Only a prompt that asks for something to be built has a head that names it; in a statement the
  // head is what the requirement is about, and the requirement leads.
  const headNamed = invariant === undefined && asksForThing && raw.some((r) => r.named);
  const headNamesWeakly =
    invariant === undefined &&
    asksForThing &&
    raw.some(
      (r) =>
        !r.callerOnly && r.hits.some((h) => h.covers.every(isHead) && !h.signal.concept && h.signal.rule === undefined),
    );
  const someStated = invariant !== undefined && raw.some(stated);
  const scored: Scored[] = raw.map((r) => {
    // Learned words add one weak piece of evidence (noisy-OR, at most LEARNED_CAP), but not to an
    // archetype the head does not name when it names another: they rank and break ties, never override.
    // Nor do they make an archetype no word of the prompt names lead over one its head names, however weakly ("Design
    // a job queue that … each job runs on exactly one worker": 'job' and 'exactly' are typical of due-time runs, but
    // the head asks for the queue).
    const l =
      (headNamed && !r.named && !r.headStated) || (r.score === 0 && headNamesWeakly)
        ? undefined
        : learned.get(r.archetype.id);
    const factor =
      someStated && !stated(r) ? NOUNS_ONLY_FACTOR : headNamed && !r.named && !r.headStated ? BODY_ONLY_FACTOR : 1;
    // a lone pair ranks low, but the branch (read without the learned words, which corroborate it) is not moved by it
    const lone = r.lone ? LONE_PAIR_FACTOR : 1;
    return {
      archetype: r.archetype,
      hits: r.hits,
      strong: r.strong,
      learned: l,
      plain: r.score * factor,
      score: (l ? 1 - (1 - r.score) * (1 - l.weight) : r.score) * factor * lone,
      ...(r.lone ? { lone: true } : {}),
    };
  });
  // An explicit turn ("the hard part is …") says what the prompt is about; a claim stated after it is that part.
  const turnText = foldText(prompt).replace(/’/g, "'");
  const turnMay = cueFilter(once, turnText);
  const turnAt = Math.min(
    turnText.length,
    ...kb.focus.map((f, k) =>
      f.explicit && turnMay(k) ? (f.pattern.exec(turnText)?.index ?? turnText.length) : turnText.length,
    ),
  );
  // Word positions are counted as `tokenize` counts them (see dismissedInfra).
  const turnWord =
    turnAt < turnText.length
      ? (turnText.slice(0, turnAt).match(/[a-z0-9/+-]+/g) ?? []).length
      : Number.POSITIVE_INFINITY;
  const afterTurn = (h: Hit) => h.covers.every((i) => (tokens[i]?.at ?? -1) >= turnWord);
  // Several runners racing for one piece of work ("two workers pick it up"), by the count right before the runner word.
  const countBefore = (k: number) =>
    Array.from({ length: RUNNER_COUNT_WINDOW }, (_, d) => k - 1 - d).find((j) =>
      RUNNER_COUNT_STEMS.has(tokens[j]?.stem ?? ""),
    );
  const runnerAt = tokens.findIndex((t, k) => RUNNER_STEMS.has(t.stem) && countBefore(k) !== undefined);
  const runner =
    runnerAt < 0
      ? undefined
      : tokens
          .slice(countBefore(runnerAt), runnerAt + 1)
          .map((t) => t.raw)
          .join(" ");
  rankByRule(scored, raw, asksForThing && invariant === undefined, isHead, afterTurn, runner);
  if (asksForThing && invariant === undefined) {
    feederBelow(scored, isHead);
    headBelow(scored, isHead);
    likenessBelow(scored, isHead, likeness, w, kb, tokens);
    kindLeads(scored, isHead, tokens, written);
    headSystemLeads(scored, isHead, w, tokens, afterTurn);
    hardRuleLeads(scored, isHead, w, fnHit?.hit);
    if (fnHit !== undefined) functionLeads(scored, fnHit.id, fnHit.hit, isHead);
  }
  // "like Stripe's": a named system after "like", written as whose component is the model
  const brand = (h: Hit) =>
    likeness(h) &&
    new RegExp(
      `\\blike\\s+${h.quoted.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+")}(?:'s|’s)(?![a-z])`,
    ).test(lower);
  const brandHeaded =
    asksForThing && invariant === undefined ? likenedBrandShares(scored, isHead, brand, w) : undefined;
  cutoffBelow(scored);
  if (!asksForThing) subjectBelow(scored, tokens);
  if (own !== undefined) ownLedgerLeads(scored);
  telemetryBelowCount(scored, tokens);
  sortShort(scored, byScore);

  // A product name that only says whose system is meant ("Twitter's Snowflake") is not a product ask.
  const systemStarts = new Set(archetypeHits.flatMap((h) => (h.signal.kind === "system" ? [h.covers[0]] : [])));
  // So is one that qualifies the head's own noun ("a YouTube view counter"): the word after it, still in the head, is
  // a word of an archetype's problem, so the name says whose component is designed.
  const archetypeAt = new Set(archetypeHits.flatMap((h) => h.covers));
  const after = (h: Hit) => (h.covers[h.covers.length - 1] ?? -2) + 1;
  // the next word in the prompt itself, not the next kept one ("Ticketmaster and its seat-hold service" is two things)
  const adjacent = (h: Hit) => tokens[after(h)]?.at === (tokens[after(h) - 1]?.at ?? -2) + 1;
  // the head's last word is itself an archetype's word: the name qualifies a component ("view counter"), not a page
  const headEnd = tokens.reduce((last, _t, i) => (isHead(i) ? i : last), -1);
  const componentHead = archetypeAt.has(headEnd);
  // And one named after a head made of an archetype's words with no product noun ("the view counter for YouTube").
  const headOfProblem =
    tokens.some((_, i) => isHead(i) && archetypeAt.has(i)) &&
    !tokens.some((t, i) => isHead(i) && PRODUCT_HEADS.has(t.stem));
  // ... named after a word that says whose ("for YouTube", "at Facebook scale"), not one that names a party it calls
  // (split only when a hit asks: a long prompt's thousand words cost more than the rest of this)
  let split: readonly string[] | undefined;
  const word = (k: number): string | undefined => {
    split ??= lower.match(/[a-z0-9/+-]+/g) ?? [];
    return split[k];
  };
  const whose = (h: Hit) => /^(?:for|at|of)$/.test(word((tokens[h.covers[0] ?? 0]?.at ?? 0) - 1) ?? "");
  // A product kind that qualifies the head's own noun ("a ride-hailing surge pricing service", "a chat message store"):
  // words after it in the head that do not name a whole product name the part built, so the kind says whose part.
  // So does one named after a word that says whose ("a dynamic pricing service for a ride-hailing app") when the words
  // before it name a part, not a whole product.
  const partWord = (t: Token | undefined) => t !== undefined && !WHOLE_TAILS.has(t.stem) && !STOP_WORDS.has(t.raw);
  const first = (h: Hit) => h.covers[0] ?? 0;
  const whoseAt = (h: Hit) => {
    let k = (tokens[first(h)]?.at ?? 0) - 1;
    while (k > 0 && /^(?:a|an|the)$/.test(word(k) ?? "")) k--;
    return /^(?:for|at|of|in)$/.test(word(k) ?? "") ? k : -1;
  };
  // a part word in the head from `from` on, before any word for the whole product ("a ride sharing service like Uber"
  // names the whole product: 'service' comes first)
  // a participle before its object ("a URL shortener serving 50,000 redirects") ends the noun phrase: what follows
  // says what the product does, not which part of it is built
  const participle = (i: number) => {
    const t = tokens[i];
    return (
      t !== undefined &&
      /ing$/.test(t.raw) &&
      /^(?:\d|(?:a|an|the|all|every|each|up|over|about|some|many|millions?|billions?|thousands?|hundreds?)$)/.test(
        word(t.at + 1) ?? "",
      )
    );
  };
  const partBefore = (from: number) => {
    for (let i = from; i < tokens.length && isHead(i); i++) {
      if (WHOLE_TAILS.has(tokens[i]?.stem ?? "") || participle(i)) return false;
      if (partWord(tokens[i])) return true;
    }
    return false;
  };
  // ... unless the part the head names before it is what one of that product's own features does ("the dispatch system
  // for a ride-hailing app": dispatch is the ride-matching feature's act), so the head asks for that feature of the
  // product, and the product's features design it
  const headPartOf = (h: Hit) =>
    namesFeaturePart(
      kb,
      h.signal.stems,
      tokens.findLast((t, i) => i < first(h) && isHead(i) && t.at < whoseAt(h) && partWord(t)),
    );
  const kindQualifies = (h: Hit) =>
    h.signal.kind !== "system" &&
    ((h.covers.every(isHead) &&
      adjacent(h) &&
      (componentHead || STORE_HEADS.has(tokens[headEnd]?.stem ?? "")) &&
      partBefore(after(h))) ||
      (whoseAt(h) > 0 &&
        PRODUCT_HEADS.has(tokens[after(h)]?.stem ?? "") &&
        tokens.some((t, i) => i < first(h) && isHead(i) && t.at < whoseAt(h) && partWord(t)) &&
        !headPartOf(h)));
  const owners = sorted.product.filter(
    (h) =>
      // a brand after "like" when the head names what is built ("an ID generator like Twitter's") says whose model
      (brandHeaded !== undefined && brand(h)) ||
      (h.signal.kind === "system" &&
        (systemStarts.has(after(h)) ||
          (isHead(after(h)) && archetypeAt.has(after(h)) && adjacent(h) && componentHead) ||
          (headOfProblem && !h.covers.some(isHead) && (h.covers[0] ?? 0) > 0 && whose(h)))) ||
      kindQualifies(h),
  );
  const infraWords = combine(sorted.infra, w);
  // A product word inside a kind's noun named in the head ("recommendation" in "a recommendation service") is that
  // kind's word: the kind says what is built, so the word asks for no product beside it.
  const headKinds = archetypeHits.filter((h) => h.signal.owner.kind === "kind" && h.covers.every(isHead));
  const inHeadKind = (h: Hit) =>
    h.covers.length > 0 && headKinds.some((k) => h.covers.every((i) => k.covers.includes(i)));
  const productWords = combine(
    sorted.product.filter((h) => !owners.includes(h) && !inHeadKind(h)),
    w,
  );
  // "Design a … app" asks for a product; "Ship app bundles so that …" states a requirement about one.
  const asksToBuild = opensWithAsk || tokens.length <= 3;
  const lowerMay = cueFilter(once, lower);
  const focus = kb.focus.find((f, k) => lowerMay(k) && f.pattern.test(lower));
  const focusLeast = focus?.explicit ? FOCUS_EXPLICIT_INFRA : FOCUS_INFRA;
  // After an explicit turn the cue itself says a part is asked about; which part may be told by weaker words:
  // a typical word of an archetype, or the learned words when they speak clearly for one.
  // The archetypes by their scores without the learned words: the branch is read from the one leading there.
  const byPlain = sortShort([...scored], byPlainScore);
  const turnedTo = (() => {
    if (!focus?.explicit) return undefined;
    const weak = byPlain[0];
    if (weak && weak.plain >= focusLeast) return `only weaker infrastructure words speak (for ${weak.archetype.id})`;
    const clear = [...learned.values()].find((l) => l.share >= FOCUS_LEARNED_SHARE);
    return clear
      ? `words typical of ${clear.id} in labelled prompts speak for it (${Math.round(clear.share * 100)}%)`
      : undefined;
  })();
  const top = scored[0];
  // The branch is read from the archetype leading without the learned words.
  const lead = byPlain[0];
  // Typical words alone rank archetypes but do not make a prompt infra-first.
  const topScore = Math.max(0, ...scored.map((x) => x.strong));
  const infraScore = Math.max(topScore, infraWords.score * BODY_DISCOUNT);
  const productScore = productWords.score;
  const headInfra =
    // the head's function word says what the component does, not that the head names one beside a product
    (lead?.hits.some((h) => !h.signal.concept && h.signal !== fnHit?.hit.signal && h.covers.some(isHead)) ?? false) ||
    infraWords.counted.some((h) => h.covers.some(isHead));
  const headProduct = productWords.counted.some((h) => h.covers.some(isHead));
  const statedInfra = (lead?.hits ?? []).some((h) => h.signal.rule !== undefined && !h.signal.concept);
  // "Build a per-merchant view of refunds derived from the payments table, rebuilt when it drifts":
  // two or more requirements stated strongly decide the branch when the product side is only nouns
  // (no named product), since the nouns say what the requirement is about.
  const requirementHits = (lead?.hits ?? []).filter((h) => h.signal.rule !== undefined && !h.signal.concept);
  const requirementKinds = new Set(requirementHits.map((h) => h.signal.rule?.name)).size;
  const namedProduct = productWords.counted.some((h) => h.signal.kind === "system");
  // "Design a movie theater seat booking system … where two customers can never book the same seat": the
  // requirements are rules of a thing the business sells, kept on that thing's own row, so a product workflow word
  // beside it ("booking") is the product asked for, not what the requirements are about.
  const soldItem = productWords.counted.length > 0 && tokens.some((t) => SOLD_ITEM_STEMS.has(t.stem));
  const requirementLed =
    requirementKinds >= 2 &&
    !namedProduct &&
    !soldItem &&
    combine(requirementHits, w).score >= Math.max(REQUIREMENT_LED, productScore);

  // A statement that asks for nothing to be built, in words the learned model reads clearly as one archetype's
  // requirement ("Hand out order numbers that never clash …"), is about that requirement, not a product.
  const stating = [...learned.values()].find((l) => l.share >= STATED_LEARNED_SHARE);
  // The head's last word, and whether it names a product ("Design a podcast app …") rather than a component.
  // The head's noun phrase ends before a word that goes on to say what the product does ("a marketplace | connecting
  // walkers with owners"), so the noun is the word before it.
  const phraseEnd = tokens.findIndex((t, i) => i > 0 && t.head && PHRASE_ENDS.has(t.raw));
  const headNoun = [...(phraseEnd > 0 ? tokens.slice(0, phraseEnd) : tokens)].reverse().find((t) => t.head);
  const headNounAt = headNoun === undefined ? -1 : tokens.indexOf(headNoun);
  // "platform", "registry", "network" name a product only when words before them say what kind and none of them names
  // a component: "an online course platform" is a product, "a deployment platform" infrastructure, and "a registry
  // where game servers announce themselves" names a component with nothing before it.
  const namesBefore = (h: Hit) => !h.signal.concept && h.covers.some((i) => i < headNounAt && isHead(i));
  const namedBefore = infraWords.counted.some(namesBefore) || raw.some((r) => r.hits.some(namesBefore));
  const consumerHead =
    headNoun !== undefined &&
    CONSUMER_HEADS.has(headNoun.stem) &&
    tokens[headNounAt - 1]?.head === true &&
    !namedBefore &&
    !headNamed;
  const productHead =
    headNoun !== undefined && (PRODUCT_HEADS.has(headNoun.stem) || consumerHead) ? `'${headNoun.raw}'` : undefined;
  // A kind of system named whole in the head names the component too, however well an archetype builds it: `partly`
  // lowers the confidence in the archetype, not that a system is asked for ("Design a model serving platform" is no
  // product for its word 'platform').
  const componentNamed = headNamed || raw.some((r) => r.named) || headKinds.length > 0;
  const branchEvidence: string[] = [];
  // "Design a URL shortener that creates 20,000 short links per second, each code unique": a product kind named in
  // the head without a product noun, sized by a stated rate, asks for the component (no demand makes it mixed below).
  // A rate of the product's own reads ("serves 200,000 redirects per second") sizes the product, not the component the
  // requirement names: only the product's record serves it, and the demand is a rule of that record.
  const rate = STATED_RATE.exec(lower)?.[0];
  const readRate =
    headProduct && !headInfra && productHead === undefined && rate !== undefined && RECORD_READ_RATE.test(rate)
      ? rate
      : undefined;
  const sized =
    headProduct &&
    !headInfra &&
    productHead === undefined &&
    !focus &&
    statedInfra &&
    rate !== undefined &&
    !readRate &&
    !soldItem;
  let kind: BranchKind;
  const infraPresent = infraScore >= BRANCH_PRESENT;
  const productPresent = productScore >= BRANCH_PRESENT;
  if (!productPresent && infraPresent) {
    kind = "infra";
    branchEvidence.push("infrastructure signals fired and no product workflow did");
  } else if (productPresent && !infraPresent && focus?.explicit && asksToBuild && turnedTo !== undefined) {
    kind = "mixed";
    branchEvidence.push(
      `the prompt asks for a product, then '${focus.text}' turns to one part of it, where ${turnedTo}, so both carry weight`,
    );
  } else if (
    !infraPresent &&
    !asksToBuild &&
    !namedProduct &&
    stating !== undefined &&
    (productPresent || (topScore === 0 && productScore > 0))
  ) {
    kind = "infra";
    branchEvidence.push(
      `the prompt asks for no product and states a requirement in words typical of ${stating.id} in labelled prompts (${stating.words.map((x) => `'${x}'`).join(", ")}: ${Math.round(stating.share * 100)}%); its product nouns only say what it is about`,
    );
  } else if (productPresent && !infraPresent) {
    kind = "product";
    branchEvidence.push("product or user-workflow signals dominate and no infrastructure archetype is named");
  } else if (!productPresent && !infraPresent) {
    kind = topScore > 0 || (!asksToBuild && productScore === 0) ? "infra" : "product";
    branchEvidence.push(
      topScore > 0
        ? "only weak infrastructure signals fired; treated as infra-first"
        : kind === "infra"
          ? "nothing was named, but the prompt states a requirement rather than asking for a product, so it is read as infra-first"
          : "no infrastructure signal fired, so the prompt is read as product-first",
    );
  } else if (!asksToBuild && statedInfra && infraPresent) {
    kind = "infra";
    branchEvidence.push(
      "the prompt states an infrastructure requirement and does not ask to build a product; its product words only say what the requirement is about",
    );
  } else if (requirementLed && infraPresent) {
    kind = "infra";
    branchEvidence.push(
      `the prompt states ${requirementKinds} infrastructure requirements (${[...new Set(requirementHits.map((h) => h.signal.rule?.name))].slice(0, 3).join("; ")}) and names no product; its product nouns only say what the requirements are about`,
    );
  } else if (sized) {
    kind = "infra";
    branchEvidence.push(
      `the prompt sizes what it asks for ('${rate}') and states its requirement; its product words name what kind of component it is`,
    );
  } else if (headProduct && !headInfra) {
    const focused = focus !== undefined && infraScore >= focusLeast;
    kind = (infraScore >= 0.8 && readRate === undefined) || focused ? "mixed" : "product";
    branchEvidence.push(
      focused
        ? `the prompt asks for a product, then '${focus?.text}' turns to an infrastructure part of it, so both carry weight`
        : kind === "mixed"
          ? "the prompt asks for a product, but names a specific infrastructure component strongly"
          : "the prompt asks for a product; its infrastructure words describe parts of it",
    );
    if (kind === "product" && readRate !== undefined)
      branchEvidence.push(
        `the prompt sizes the product's own reads ('${readRate}'), which only its record serves, so a requirement it states is a rule of that record`,
      );
  } else if (headInfra && headProduct && focus && infraScore >= focusLeast) {
    kind = "mixed";
    branchEvidence.push(
      `the prompt names a product and, with '${focus.text}', an infrastructure part of it, so both carry weight`,
    );
  } else if (headInfra && !headProduct) {
    kind = "infra";
    branchEvidence.push("the prompt asks for an infrastructure component; product words only give its context");
  } else if (Math.abs(infraScore - productScore) <= BRANCH_MARGIN && productHead !== undefined && !componentNamed) {
    // "Design a dental practice app where patients book cleanings and pay their bill": the head asks for a product
    // and names no component, so close scores mean the infrastructure words describe its parts (a demand in the
    // body can still make it mixed below).
    kind = "product";
    branchEvidence.push(
      `the prompt asks for a product (${productHead}) and names no component; its infrastructure words are about as strong as its product words, so they describe parts of it`,
    );
  } else if (Math.abs(infraScore - productScore) <= BRANCH_MARGIN) {
    kind = "mixed";
    branchEvidence.push("both an infrastructure component and a product workflow are asked for");
  } else {
    kind = infraScore > productScore ? "infra" : "product";
    branchEvidence.push(`${kind} signals outweigh the others`);
  }
  // "Design Dropbox, focusing on how file metadata survives a regional outage": a product name too
  // infra-leaning to make a product prompt alone still names a whole product when a focus cue then
  // turns to one part of it, so both sides carry weight.
  const namedInHead = sorted.product.find(
    (h) => h.signal.kind === "system" && !owners.includes(h) && h.covers.every(isHead),
  );
  // The same holds for a head that ends on a product word ("Design a podcast app, but go deep on the CDN …").
  const wholeProduct = namedInHead?.quoted ?? (focus?.explicit ? productHead?.slice(1, -1) : undefined);
  if (kind === "infra" && asksToBuild && wholeProduct !== undefined && focus && infraScore >= focusLeast) {
    kind = "mixed";
    branchEvidence.unshift(
      `'${wholeProduct}' names a whole product and '${focus.text}' turns to an infrastructure part of it, so both carry weight`,
    );
  }
  // "Design a doctor appointment app where two patients can never book the same slot": the head asks for a
  // product (it ends on a product word, or a product signal stands in it), no component is named there, and the
  // body demands an infrastructure requirement strongly ("must", "never", "exactly", …): both carry weight.
  const demand =
    DEMANDS.exec(lower)?.[0] ??
    (productHead !== undefined
      ? [...TIME_BOUND_DEMANDS, ...DRIFT_DEMANDS, ...SCALE_DEMANDS, ...REACH_DEMANDS]
          .map((r) => r.exec(lower)?.[0])
          .find((m) => m !== undefined)
      : undefined);
  // What is demanded is the leading archetype's stated requirement, or, when the lead is known only from nouns ("a
  // payout page … from the ledger"), the strongest requirement stated at all ("recomputed when it drifts").
  const statedBy = (x: Scored) => x.hits.some((h) => h.signal.rule !== undefined && !h.signal.concept);
  const demanded = lead !== undefined && statedInfra ? lead : byPlain.find(statedBy);
  if (
    kind !== "mixed" &&
    !sized &&
    readRate === undefined &&
    asksToBuild &&
    !componentNamed &&
    (productHead !== undefined || headProduct) &&
    demand !== undefined &&
    demanded !== undefined &&
    demanded.plain >= DEMANDED
  ) {
    branchEvidence.unshift(
      `the prompt asks for a product (${productHead ?? "product words in its head"}) and demands ('${demand}') a requirement of ${demanded.archetype.id} strongly, so both carry weight`,
    );
    kind = "mixed";
  }
  // "Build a meal-kit subscription service where customers manage their plan, skip weeks and update their address, and
  // the card is charged on each renewal date through the payment provider": the body lists ordinary product features
  // (accounts, profiles, folders, plans, carts), which is product weight the product words alone may not reach, and
  // states one infrastructure requirement strongly; the head names no component, so both carry weight. An infra ask
  // that names a user's folders in passing lists no features.
  const features = [...new Set(tokens.filter((t) => !t.head && FEATURE_STEMS.has(t.stem)).map((t) => t.raw))];
  // "Design collaborative notes for a student app: sharing, comments and folders, plus live co-editing": a head whose
  // only infrastructure word is a describing one says what kind of product is asked for, it names no component.
  const inHead = (h: Hit) => !h.signal.concept && h.covers.some(isHead);
  const described = (h: Hit) => h.covers.every((i) => DESCRIBING.test(tokens[i]?.raw ?? ""));
  const headOnlyDescribed =
    scored.some((x) => x.hits.some(inHead)) &&
    scored.every((x) => x.hits.every((h) => !inHead(h) || described(h))) &&
    !infraWords.counted.some((h) => h.covers.some(isHead) && !described(h));
  if (
    kind === "infra" &&
    asksToBuild &&
    ((!headNamed && !headInfra) || headOnlyDescribed) &&
    features.length >= FEATURE_LIST_LEAST &&
    statedInfra &&
    lead !== undefined &&
    lead.plain >= FEATURE_LED
  ) {
    branchEvidence.unshift(
      `the prompt asks for something whose body lists product features (${features.map((f) => `'${f}'`).join(", ")}) and states a requirement of ${lead.archetype.id}, and its head names no component, so both carry weight`,
    );
    kind = "mixed";
  }
  // "Design a collaborative whiteboard app where several people draw on the same board at once": the head ends on a
  // product word, so what it names before that word ("collaborative") only says what kind of product is asked for;
  // with a requirement stated in the body the product and the requirement both carry weight.
  // Only a describing word ("collaborative", "shared", "distributed") is a modifier; a component's name before the
  // noun ("a rate limiter app") names what is built.
  const headModifier = lead?.hits.find((h) =>
    h.covers.every((i) => isHead(i) && i < headNounAt && DESCRIBING.test(tokens[i]?.raw ?? "")),
  );
  if (
    kind === "infra" &&
    asksToBuild &&
    later.size === 0 &&
    productHead !== undefined &&
    headModifier !== undefined &&
    statedInfra &&
    lead !== undefined &&
    lead.plain >= DEMANDED
  ) {
    branchEvidence.unshift(
      `the head asks for a product (${productHead}); '${headModifier.quoted}' before it only says what kind, and the body states a requirement of ${lead.archetype.id}, so both carry weight`,
    );
    kind = "mixed";
  }
  // "Design a book club app …; there is a cache in front of the database but don't dwell on it": a product ask
  // that sets a layer aside does not ask about it, so an infra or mixed reading goes back to product, and the
  // branch model does not move it. What is set aside is read from the dismissal's sentence (from its start, or from
  // the dismissal when a turn comes first, to its end or a later turn); it counts only when infrastructure words stand
  // there ("don't dwell on judging" sets nothing of the kind aside), and not when a later turn ("skip the UI and
  // focus on the cache") names infrastructure of its own. A turn the dismissal holds ("no need to go deep on") is none.
  const setAside = dismissedInfra(prompt, tokens, [...infraWords.counted, ...(lead?.hits ?? [])], focus?.pattern);
  const asideAsked =
    setAside !== undefined && asksToBuild && !componentNamed && (productHead !== undefined || headProduct);
  if (kind !== "product" && asideAsked) {
    branchEvidence.unshift(
      `the prompt asks for a product (${productHead ?? "product words in its head"}) and sets a part aside ('${setAside.cue}' … '${setAside.hit.quoted}'), so the infrastructure words it names are not what is asked about`,
    );
    kind = "product";
  }
  // "Design a blood donation site: donors pick a time slot and get a reminder": the head asks for a product and names
  // no component, and the body neither turns to a part nor demands a requirement, so its infrastructure words list
  // the product's features.
  if (
    kind === "infra" &&
    asksToBuild &&
    later.size === 0 &&
    productHead !== undefined &&
    !componentNamed &&
    focus === undefined &&
    demand === undefined
  ) {
    branchEvidence.unshift(
      `the prompt asks for a product (${productHead}), names no component, and neither turns to a part nor states a requirement in demanding words, so its infrastructure words list its features`,
    );
    kind = "product";
  }
  // The branch model fitted to labelled prompts' branches reads the prompt's words and marks (an opening ask, the
  // words of its head) together. The hand-written rules are tuned on far more infrastructure prompts than product
  // ones, so the model only moves a reading away from infrastructure: an infra reading it finds clearly product or
  // mixed (together at least BRANCH_LEARNED_SHARE) when the head names no component outright ("Design Kafka, focusing
  // on …" stays infra), or a product reading it finds clearly mixed. Mixed needs an archetype the words name. The
  // evidence quotes its words.
  const canLead = top !== undefined && top.score >= MIN_DOMINANT;
  // Read only where it may move the branch (an infra reading of a prompt that asks for something or has product
  // words), so most prompts never pay for it.
  const fitted =
    !asideAsked &&
    ((kind === "infra" && !componentNamed && (asksToBuild || productScore > 0)) || (kind === "product" && canLead))
      ? learnedShares(opts.learnedBranch ?? LEARNED_BRANCH, tokens, BRANCH_KINDS, branchMarks(prompt, tokens))
      : [];
  const share = (b: BranchKind) => fitted.find((f) => f.id === b) ?? { id: b, share: 0, words: [] };
  const [pProduct, pMixed] = [share("product"), share("mixed")];
  const moved =
    kind === "infra" && !componentNamed && pProduct.share + pMixed.share >= BRANCH_LEARNED_SHARE
      ? pMixed.share > pProduct.share && canLead
        ? pMixed
        : pProduct
      : kind === "product" && pMixed.share >= BRANCH_LEARNED_MIXED && canLead
        ? pMixed
        : undefined;
  if (moved) {
    branchEvidence.unshift(
      `the branch model fitted to labelled prompts reads this as ${moved.id} (${Math.round(moved.share * 100)}%${moved.words.length > 0 ? `, from ${moved.words.map((x) => `'${x}'`).join(", ")}` : ""}; infra ${Math.round(share("infra").share * 100)}%), over the hand-written rules' ${kind}`,
    );
    kind = moved.id;
  }
  if (opts.branch && opts.branch !== kind) {
    branchEvidence.unshift(`set to ${opts.branch} by override (the signals alone said ${kind})`);
    kind = opts.branch;
  }
  for (const h of infraWords.counted.slice(0, 4)) branchEvidence.push(`infra signal ${describeHit(h)}`);
  if (lead && lead.plain > 0)
    branchEvidence.push(
      `archetype signal for ${lead.archetype.id}: ${lead.hits.slice(0, 2).map(describeHit).join(", ")}`,
    );
  for (const h of productWords.counted.slice(0, 4)) branchEvidence.push(`product signal ${describeHit(h)}`);
  for (const h of owners)
    branchEvidence.push(
      h.signal.kind === "system"
        ? `'${h.quoted}' only says whose system is meant, so it is not read as a product ask`
        : `'${h.quoted}' only qualifies the part the head names (whose it is, or what it is about), so it is not read as a product ask`,
    );

  const branch = { kind, evidence: branchEvidence, scores: { infra: round(infraScore), product: round(productScore) } };

  if (kind === "product") return { branch, archetypes: productSubstrates(scored, kb, sorted.features, w, prompt) };
  if (!top || top.score === 0) return { branch, archetypes: [] };

  const dominant = top.archetype;
  const result: RecognizedArchetype[] = [
    {
      id: dominant.id,
      name: dominant.name,
      role: "dominant",
      score: round(top.score),
      evidence: top.hits.slice(0, 4).map((h) => `${describeHit(h)} points to ${dominant.name}`),
    },
  ];
  if (top.learned) result[0]?.evidence.push(learnedNote(top.learned));
  if (top.led) result[0]?.evidence.push(top.led);
  if (invariant !== undefined && top.hits.some((h) => h.signal.rule))
    result[0]?.evidence.push(
      `the prompt opens with '${invariant}', stating an invariant, so the requirement it states leads over the nouns it names`,
    );
  if (top.lone)
    result[0]?.evidence.push(
      "only one requirement read from two words together speaks for it and nothing else in the prompt does, so it ranks below any archetype the prompt's words corroborate",
    );
  if (top.score < MIN_DOMINANT)
    result[0]?.evidence.push("the evidence is weak: consider naming the component more directly");

  const named = top.hits
    .slice(0, 2)
    .map((h) => `'${h.quoted}'`)
    .join(", ");
  const needs = new Map<ArchetypeId, { why: string; cue?: Hit }>();
  kb.needs.forEach((n, i) => {
    if (n.dominant !== dominant.id) return;
    const cue = sorted.needCues.get(i);
    if (n.cues.length === 0 || cue) needs.set(n.needs, cue ? { why: n.why, cue } : { why: n.why });
  });
  // the words of a phrase of several words in a row that names the dominant ("cluster scheduler"): a word inside it
  // ("scheduler") is that phrase's, never a part of another kind on its own (words read together across the prompt,
  // "hours … before … text message", are no such phrase)
  const domPhrases = top.hits.filter(
    (h) => h.covers.length > 1 && h.covers.every((c, k) => k === 0 || c === (h.covers[k - 1] as number) + 1),
  );
  const insideDominant = (h: Hit): boolean =>
    domPhrases.some((d) => d.covers.length > h.covers.length && h.covers.every((i) => d.covers.includes(i)));
  // a phrase that shares a word with one of the dominant's and adds only a word for the whole thing ('log service' of
  // "a commit log service": the service of the commit log, no logging service) reads the dominant's word again
  const overDominant = (h: Hit): boolean =>
    h.covers.length > 1 &&
    domPhrases.some(
      (d) =>
        !d.signal.combined &&
        d.signal.rule === undefined &&
        h.covers.some((i) => d.covers.includes(i)) &&
        h.covers.some((i) => !d.covers.includes(i)) &&
        h.covers.every((i) => d.covers.includes(i) || FUNCTION_TAIL_STEMS.has(tokens[i]?.stem ?? "")),
    );
  // a word written after 'of' inside a longer phrase of words in a row that names another archetype ('presence' of
  // "points of presence", an edge site; 'sale' of "point of sale") qualifies that phrase's head, so it is the phrase's
  // word, never a part of a third kind on its own ("a distributed cache" is still a cache: no 'of' stands inside)
  const rowPhrases = scored.flatMap((s) =>
    s.hits
      .filter(
        (h) =>
          !h.signal.concept &&
          h.covers.length > 1 &&
          h.covers.every((c, k) => k === 0 || c === (h.covers[k - 1] as number) + 1),
      )
      .map((h) => ({ id: s.archetype.id, covers: h.covers })),
  );
  const afterOfIn = (h: Hit, id: ArchetypeId): boolean => {
    const at = h.covers[0] ?? -1;
    return (
      h.covers.length === 1 &&
      written[(tokens[at]?.at ?? 0) - 1] === "of" &&
      rowPhrases.some((p) => p.id !== id && p.covers.includes(at) && (p.covers[0] ?? at) < at)
    );
  };
  // the nouns of the thing the head asks to build ("a delayed message service"): a requirement read in a clause with
  // one of them ("each message is delivered") speaks of that thing in its own sense, and one word just before the dominant's phrase in the
  // head ("live" of "live video streaming platform") says what kind it is: a supporting archetype whose own words all
  // fall on such words is the head's word read as another kind's, not a part
  const headStems = new Set(
    tokens.flatMap((t, i) => (isHead(i) && i !== headEnd && !STOP_WORDS.has(t.raw) ? [t.stem] : [])),
  );
  const inClause = (h: Hit): boolean =>
    !h.signal.combined && !h.covers.every(isHead) && h.covers.some((i) => headStems.has(tokens[i]?.stem ?? ""));
  const modifiesDominant = (h: Hit): boolean => {
    const at = h.covers[0] ?? -1;
    return (
      h.covers.length === 1 &&
      h.signal.kind !== "system" &&
      isHead(at) &&
      domPhrases.some((d) => {
        const first = d.covers[0] ?? -1;
        return first > at && first - at <= 2 && (tokens[first]?.at ?? 0) - (tokens[at]?.at ?? 0) === first - at;
      })
    );
  };
  const headsOwn = (s: Scored): boolean => {
    const own = s.hits.filter((h) => !h.signal.concept);
    return own.length > 0 && own.every((h) => inClause(h) || modifiesDominant(h));
  };
  const candidates = [];
  for (const s of scored.slice(1)) {
    // (a word typical of it beside them is weak alone: "a virtual waiting room … in the order" is still the head's
    // 'waiting', no log's consumers waiting)
    const ownWords = s.hits.filter((h) => !h.signal.concept);
    if (
      ownWords.length > 0 &&
      ownWords.every((h) => insideDominant(h) || overDominant(h) || afterOfIn(h, s.archetype.id)) &&
      !needs.get(s.archetype.id)?.cue
    )
      continue;
    if (top.hits.length > 0 && headsOwn(s) && !needs.get(s.archetype.id)?.cue) continue;
    const typical = once.typical.get(dominant.id)?.get(s.archetype.id);
    const need = needs.get(s.archetype.id);
    const prior = need ? NEED_PRIOR : typical ? TYPICAL_PRIOR : 0;
    // the head's function word says what leads, never what supports it: an archetype it did not make lead is weighed
    // on its other words alone
    const strong =
      fnHit?.id === s.archetype.id
        ? combine(
            s.hits.filter((h) => !h.signal.concept && h.signal !== fnHit.hit.signal),
            w,
          ).score
        : s.strong;
    const support = 1 - (1 - strong) * (1 - prior);
    // below what even a connected archetype needs it is never placed (most are: no word and no prior)
    if (support < Math.min(MIN_CONNECTED, MIN_SUPPORTING)) continue;
    candidates.push({ s, link: compositionRole(dominant, s.archetype), typical, need, support });
  }
  sortShort(candidates, (a, b) => b.support - a.support || compareIds(a.s.archetype.id, b.s.archetype.id));
  const notDrawn: NotDrawn[] = [];
  // what the design already accounts for: the words the lead is read from (its hits and its words typical in labelled
  // prompts), and the phrase after the head naming whom the system serves (`explainedSupport`)
  const learnedRaw = new Set(top.learned?.words ?? []);
  const leadStems = new Set([
    ...top.hits.flatMap((h) => h.covers.map((i) => tokens[i]?.stem ?? "")),
    ...tokens.filter((t) => learnedRaw.has(t.raw)).map((t) => t.stem),
  ]);
  const served = servedPhrase(tokens, isHead, written);
  // the lead's own words naming it in the head ("a file sync service", or the head's function word: "the storage for
  // shopping carts"), in an ask to build: what is built
  const leadNamed =
    asksForThing && invariant === undefined
      ? top.hits.find(
          (h) => !h.signal.concept && h.signal.rule === undefined && h.covers.length > 0 && h.covers.every(isHead),
        )
      : undefined;
  const leadHead = leadNamed === undefined ? undefined : { quoted: leadNamed.quoted, id: dominant.id };
  // the kind of system the head names for the lead, with the archetypes it rules out (`SystemKind.rulesOut`)
  const kindHit = top.hits.find((h) => h.signal.owner.kind === "kind" && h.covers.every(isHead));
  const headKind =
    kindHit?.signal.owner.kind === "kind" && asksForThing && invariant === undefined
      ? SYSTEM_KINDS[kindHit.signal.owner.index]
      : undefined;
  const ruling =
    headKind && kindHit ? { quoted: kindHit.quoted, kind: headKind.kind, rulesOut: headKind.rulesOut } : undefined;
  for (const c of candidates) {
    if (result.length > MAX_SUPPORTING) break;
    if (c.support < (c.link ? MIN_CONNECTED : MIN_SUPPORTING)) continue;
    // a lone pair some of whose words stand in the head ('login … service' of "a password reset and login service")
    // misreads the name of what is built as a requirement: it is not placed unless the lead's card makes it typical
    if (c.s.lone && !c.typical && !c.need && c.s.hits.some((h) => h.covers.some(isHead))) continue;
    const a = c.s.archetype;
    // the head's function word says what leads, never what supports it (as for `strong` above)
    const ownHits = fnHit?.id === a.id ? c.s.hits.filter((h) => h.signal !== fnHit.hit.signal) : c.s.hits;
    const basis = evidenceKinds(
      ownHits,
      tokens,
      isHead,
      {
        need: c.need?.cue !== undefined,
        learned: c.s.learned !== undefined,
        typical: c.typical !== undefined || c.need !== undefined,
      },
      written,
    );
    // one stray word (a verb form, words read together across the prompt's phrases) is no part of the design: a
    // supporting archetype read only from such words, that the lead neither needs nor usually composes with, is not
    // drawn, and the lead's row says why (`stray-support.ts`)
    // and one read only as a requirement from words the design already accounts for is not drawn either
    const stray =
      (!c.need?.cue ? ruledOutByHead(a, ownHits, basis, ruling) : undefined) ??
      (!c.need && !c.typical
        ? (straySupport(a, ownHits, basis, tokens, isHead, written) ??
          explainedSupport(a, ownHits, basis, tokens, { stems: leadStems, id: dominant.id }, served, isHead, written) ??
          headSystemSupport(a, ownHits, basis, tokens, leadHead, isHead, written))
        : undefined) ??
      // words that merely fall near each other ask for no part, even of an archetype the lead usually composes with
      (!c.need ? apartSupport(a, ownHits, basis, tokens, isHead, written) : undefined) ??
      // a word that only says when the prompt's own work runs ("the nightly report job") is no due-time release asked
      // for, even of an archetype the lead usually composes with
      (!c.need ? whenOnlySupport(a, ownHits, basis, tokens, isHead, written) : undefined) ??
      // a business noun says whose records or which client, even where the lead usually composes with the archetype:
      // the card's prior is not raised into a part by it
      (!c.need ? subjectSupport(a, ownHits, basis, tokens, SUBJECT_STEMS) : undefined);
    if (stray) {
      notDrawn.push(stray);
      continue;
    }
    const role: CompositionRole = c.link?.role ?? "substrate";
    const evidence: string[] = c.s.hits
      .slice(0, 3)
      .map((h) => `${describeHit(h)} → ${a.id} ${a.name} as ${role} of ${dominant.id}`);
    if (c.s.below) evidence.push(c.s.below);
    if (c.link) evidence.push(`why ${role}: ${c.link.why}`);
    else evidence.push(`no recorded connection to ${dominant.id}; placed as substrate`);
    if (c.need)
      evidence.unshift(
        `${c.need.cue ? `'${c.need.cue.quoted}': ` : `from ${named}: `}${dominant.name} needs ${a.name}: ${c.need.why}`,
      );
    else if (c.typical && c.s.strong < MIN_SUPPORTING)
      evidence.unshift(`${dominant.name} (from ${named}) usually composes with ${a.name}`);
    // a part known from one pair of words only is thin: the design draws it only where the lead needs it
    const own = c.s.lone ? c.s.strong * LONE_PAIR_FACTOR : c.s.strong;
    if (c.s.lone)
      evidence.push(
        `only one requirement read from two words together speaks for ${a.id}, so its own words count ${round(own)}`,
      );
    result.push({ id: a.id, name: a.name, role, score: round(c.support), evidence, own: round(own), basis });
  }
  const leadRow = result[0];
  if (leadRow && notDrawn.length > 0) {
    leadRow.evidence.push(...notDrawn.map((n) => `${n.id} ${n.name} is not drawn: ${n.because}`));
    leadRow.notDrawn = notDrawn;
  }
  return headKind && kindHit
    ? { branch, archetypes: result, headKind: { kind: headKind.kind, quoted: kindHit.quoted } }
    : { branch, archetypes: result };
}

/**
 * The dismissal in a prompt ("don't dwell on", "ignore the", "take … as given") and an infrastructure hit in what it
 * sets aside, or undefined: no dismissal, nothing of infrastructure in its reach, or an explicit turn after it that
 * names infrastructure of its own. Word positions are counted as `tokenize` counts them.
 */
function dismissedInfra(
  prompt: string,
  tokens: readonly Token[],
  hits: readonly Hit[],
  turn: RegExp | undefined,
): { cue: string; hit: Hit } | undefined {
  const text = foldText(prompt).replace(/’/g, "'");
  // most prompts set nothing aside: one pass over the text says so
  if (!ANY_DISMISSAL?.test(text)) return undefined;
  const m = DISMISSALS.map((d) => d.exec(text)).find((x) => x !== null);
  if (!m) return undefined;
  const wordsBefore = (i: number) => (text.slice(0, i).match(/[a-z0-9/+-]+/g) ?? []).length;
  const end = m.index + m[0].length;
  const turnAt = turn ? text.search(turn) : -1;
  const held = turnAt >= m.index && turnAt <= end;
  const sentence = Math.max(...[".", "?", "!"].map((c) => text.lastIndexOf(c, m.index - 1))) + 1;
  const from = turnAt >= 0 && turnAt < m.index ? m.index : sentence;
  const stop = /[.?!;]/.exec(text.slice(end));
  const to =
    turnAt > end && !held && (!stop || turnAt < end + stop.index) ? turnAt : stop ? end + stop.index : text.length;
  const [a, b] = [wordsBefore(from), wordsBefore(to)];
  const at = (h: Hit) => h.covers.map((i) => tokens[i]?.at ?? -1);
  const hit = hits.find((h) => at(h).every((x) => x >= a && x < b));
  if (!hit) return undefined;
  // "skip the UI and focus on the cache": a later turn that names infrastructure asks about it.
  const after = turnAt > end && !held ? wordsBefore(turnAt) : Number.POSITIVE_INFINITY;
  if (hits.some((h) => at(h).every((x) => x >= after))) return undefined;
  return { cue: m[0], hit };
}

function productSubstrates(
  scored: readonly Scored[],
  kb: RecognitionKnowledge,
  featureHits: readonly Hit[],
  w: (h: Hit) => number,
  prompt: string,
): RecognizedArchetype[] {
  const byId = new Map<ArchetypeId, RecognizedArchetype>();
  const add = (a: ArchetypeLinks, score: number, evidence: string) => {
    const prev = byId.get(a.id);
    if (prev) {
      prev.score = round(Math.max(prev.score, score));
      if (prev.evidence.length < 4) prev.evidence.push(evidence);
    } else byId.set(a.id, { id: a.id, name: a.name, role: "substrate", score: round(score), evidence: [evidence] });
  };
  // A product named as a qualifier or the context ("the Instagram news feed", "a view counter for YouTube videos")
  // leans on nothing of its own where the prompt's words name features: they are the part asked for.
  const worded = featureHits.some((h) => h.signal.owner.kind === "feature" && h.signal.kind === "phrase");
  for (const hit of featureHits) {
    if (hit.signal.owner.kind !== "feature") continue;
    if (worded && hit.signal.kind === "system" && !namesWholeSubject(prompt, hit.quoted, hit.covers[0] === 0)) continue;
    const f = kb.productFeatures[hit.signal.owner.index];
    if (!f) continue;
    for (const id of f.archetypes) {
      const a = kb.byId.get(id);
      if (a) add(a, w(hit), `${describeHit(hit)} → a product like this leans on ${a.name}: ${f.why}`);
    }
  }
  const tokens = tokenize(prompt);
  const written = writtenWords(prompt);
  const notDrawn: NotDrawn[] = [];
  for (const s of scored) {
    if (s.strong < MIN_SUPPORTING) continue;
    // words that state no requirement of it, read within their clause, do not make a product lean on it
    const inHead = (i: number) => tokens[i]?.head === true;
    const aside =
      clauseSetAside(s.archetype, s.hits, tokens, inHead, written) ??
      productNameSupport(s.archetype, s.hits, tokens, inHead, written);
    if (aside) {
      notDrawn.push(aside);
      continue;
    }
    add(
      s.archetype,
      s.strong,
      `${s.hits
        .filter((h) => !h.signal.concept)
        .slice(0, 2)
        .map(describeHit)
        .join(", ")} names ${s.archetype.name} as a substrate`,
    );
  }
  if (byId.size === 0) {
    for (const id of kb.defaultSubstrates.archetypes) {
      const a = kb.byId.get(id);
      if (a) add(a, 0.2, `${NO_FEATURE_NAMED}${kb.defaultSubstrates.why}`);
    }
  }
  const rows = sortShort([...byId.values()], (a, b) => b.score - a.score || compareIds(a.id, b.id)).slice(0, 5);
  const first = rows[0];
  // named on the first row's not-drawn list only: a substrate's evidence says why it is drawn
  if (first && notDrawn.length > 0) first.notDrawn = notDrawn;
  return rows;
}
