import { quantitiesRead } from "../../engine/capacity.js";
import type { Design } from "../../engine/design/design.js";
import { countFor, perUnit, splitOf } from "../../engine/fields/bottleneck-load.js";
import { decidedAgainst } from "../../engine/fields/decisions.js";
import { fromStatedGuarantee } from "../../engine/fields/invariants.js";
import { NO_INVARIANT } from "../../engine/fields/mechanism-rows.js";
import { promptNamedBoxes } from "../../engine/named-parts.js";
import { quoteOfScaleReason } from "../../engine/nfr-parse.js";
import { approx } from "../../engine/quantity-format.js";
import { shownDecisions } from "../../engine/roles.js";
import { UNKEPT } from "../../engine/stated-clauses.js";
import { contentStems, stemOverlap } from "../../engine/text.js";
import { FEATURE_BY_ID } from "../../knowledge/features/index.js";
import {
  ARCHETYPE_BY_ID,
  CORE_MECHANISMS,
  GENERIC_KEEPERS,
  keeperMayLead,
  keepRank,
  keptKinds,
} from "../../knowledge/index.js";
import { partyBoundary } from "../../knowledge/parties.js";
import { PREDICATES, speaksOfWritten } from "../../knowledge/predicates.js";
import { factsOf } from "../../knowledge/product-facts.js";
import { QUANTITY_BY_ID } from "../../knowledge/quantities.js";
import { REGION_MODES } from "../../knowledge/regions.js";
import { owedKind, REQUIREMENT_KINDS } from "../../knowledge/requirement-kinds.js";
import type { ArchetypeId } from "../../knowledge/schema.js";
import { BUILT_IN_HOUSE } from "../../knowledge/technology-roles.js";
import { fitsTopics, TOPIC_VALUES, type Topic, type TopicMark } from "../../knowledge/topics.js";
import type { ComponentKind } from "../../knowledge/topology.js";
import { UNIT_INPUT } from "../../knowledge/words.js";
import { joiningSentence, spokenArchetype } from "./archetypes.js";
import { BREATH_WORDS } from "./breath.js";
import { spliceDefect } from "./grammar.js";
import { promptRead } from "./kept.js";
import { perScript } from "./memo.js";
import { hasVerb } from "./shapes.js";
import {
  actionName,
  andList,
  bodyOf,
  COMFORT_WORDS,
  clauses,
  countWords,
  danglingEnd,
  entityWords,
  enumerate,
  firstClause,
  gerund,
  gerundOf,
  headOf,
  isClause,
  isConditionClause,
  isFiniteClause,
  isHeadline,
  isPredicate,
  lowerFirst,
  MAX_SENTENCE_WORDS,
  numberWord,
  oneForm,
  optionForm,
  orList,
  phraseForm,
  sentence,
  speakable,
  speakBytes,
  speakFigure,
  speakInput,
  speakNumber,
  startsWithInstruction,
  startsWithVerb,
  subjectlessPredicate,
  subjectVerbAt,
  verbless,
  withArticle,
} from "./speak.js";
import {
  derivedStore,
  housekeepingRule,
  leadState,
  mainClause,
  mayLeadFor,
  onSubjectPath,
  ownerOf,
  subjectFeature,
  subjectOperations,
} from "./subject.js";
import { targetsSaid } from "./targets.js";
import type { DiagramCue, FollowUp, Line } from "./types.js";

/** What one step contributes before timing: its sentences, a diagram cue, a check-in and follow-ups. */
export interface StepDraft {
  lines: Line[];
  cue?: DiagramCue;
  checkIn?: string;
  followUps: FollowUp[];
}

const core = (text: string | undefined): Line[] => (text ? [{ text: sentence(text), keep: "core" }] : []);
const detail = (text: string | undefined): Line[] => (text ? [{ text: sentence(text), keep: "detail" }] : []);
/** A cell spoken whole, one sentence per clause: the first is `keep`, the rest are details. */
const spoken = (cell: string | undefined, keep: Line["keep"] = "core", max = 2, words = RULE_WORDS): Line[] =>
  cell
    ? clauses(cell, words)
        .slice(0, max)
        .map((text, i) => ({ text, keep: i === 0 ? keep : "detail" }))
    : [];

/** A path name cut before its object ("move the alert between"), said without the dangling word. */
const CUT_AT_PREPOSITION = /\s+(?:between|to|from|of|on|in|into|at|for|with|by|and)$/i;

const isRead = (op: string) => op === "read source" || op === "read projection";
const uniq = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/** A guarantee as a phrase: "linearizable consistency", "at-least-once delivery", "failing closed under a partition". */
function guarantee(kind: string, value: string, majorityWrites = false): string {
  if (kind === "availability")
    return value === "fail-closed"
      ? "failing closed when the network splits"
      : // a design whose writes commit on a majority (consensus replication) takes none on the minority side: what
        // stays available there is its reads, and saying more would contradict step 6's failover cost
        majorityWrites
        ? "reads staying available when the network splits"
        : "staying available when the network splits";
  if (kind === "ordering") return value === "none" ? "no ordering" : `${value} ordering`;
  // a model already named for consistency is said by what it guarantees ("consistent-prefix reads"), never
  // with the kind repeated ("consistent-prefix consistency")
  if (kind === "consistency" && /consistent/.test(value)) return `${value} reads`;
  return `${value} ${kind}`;
}

/** Whether the design's writes commit only on a majority of their replicas (a minority side takes none). */
const majorityWrites = (d: Design): boolean => d.mechanisms.some((m) => m.id === "consensus-replication");

/** `asked` with the prompt's own words for a stated guarantee. */
const askedOf = (d: Design, kind: string, value: string): string => asked(kind, value, d.prompt);

/** Most stated asks nothing quotes that step 1 answers aloud; the rest are the design document's. */
const MAX_OPEN_ASKS = 2;

/**
 * A clause that names a thing ("a rate limiter for …", "the indexing pipeline for …") is what the prompt asks for; one
 * with a verb of its own ("a new primary must be chosen within 10 seconds") is what it says.
 */
const namesAThing = (clause: string): boolean =>
  /^(?:a|an|the)\s/.test(clause) &&
  !isConditionClause(clause) &&
  !/\b(?:must|should|shall|may|might|can|cannot|will|would|has to|have to|needs? to)\b/i.test(clause);
/**
 * What the design does for each requirement clause of the prompt that no part of it quotes, of a kind a design owes
 * an answer to (engine/requirement-ledger.ts, `owed` in knowledge/requirement-kinds.ts): never a confession that a
 * check found nothing (that stays in the design document and the JSON), but the carrier that reads part of the
 * clause ("so I pick racks of one data centre"), else the failure row whose repair is most about the clause, else the
 * kind's one-line plan ("so we keep it as a rule, checked on the path that could break it"). A clause too long to
 * say in a breath is left to the design document rather than read out.
 */
function openAskAnswers(d: Design): string[] {
  const out: string[] = [];
  const answers: string[] = [];
  for (const r of d.statedRequirements) {
    if (out.length >= MAX_OPEN_ASKS) break;
    if (r.carried || !owedKind(r.asks?.kind)) continue;
    const clause = lowerFirst(speakable(r.clause).replace(/[.;:,]+$/, "")).trim();
    // a clause cut inside a bracket ("300M mailboxes) against …") or otherwise spliced is not quoted
    if (countWords(clause) > ASK_WORDS || countWords(clause) < 3 || spliceDefect(clause)) continue;
    const carried = (r.partly ?? [])
      .filter((c) => c.kind !== "subject")
      .map((c) => consequenceOf(d, c, clause))
      .find((x) => x !== undefined);
    const repair = carried ? undefined : repairAbout(d, clause);
    const plan = REQUIREMENT_KINDS.find((k) => k.id === r.asks?.kind)?.plan;
    const answer = carried ?? (repair ? `we ${lowerFirst(repair)}` : plan);
    if (!answer) continue;
    const opener = namesAThing(clause) ? "The prompt asks for" : "The prompt says";
    // a clause whose subject is the sentence before it ("must be re-protected after disk failures") takes "it"
    const spokenClause = /^(?:must|should|has to|have to|needs? to|may|can|cannot|is|are|will)\b/.test(clause)
      ? `it ${clause}`
      : clause;
    // a plan already said for the clause before is not said twice in a row
    const lead = answers.includes(answer)
      ? `${opener} ${spokenClause}, and I keep that the same way`
      : `${opener} ${spokenClause}, so ${answer}`;
    answers.push(answer);
    if (countWords(lead) <= MAX_SENTENCE_WORDS) out.push(sentence(lead));
    else out.push(sentence(`${opener} ${spokenClause}`), sentence(`So ${answer}`));
  }
  return out;
}

/**
 * The prevention of the failure row most about a clause (at least two content stems shared with the failure or its
 * prevention), when it is said as an instruction ("Spread replicas across racks …"): what the design does.
 */
function repairAbout(d: Design, clause: string): string | undefined {
  const want = contentStems(clause);
  let best: { repair: string; score: number } | undefined;
  for (const f of d.failures) {
    const score = stemOverlap(want, contentStems(`${f.failure} ${f.prevention}`));
    const first = firstClause(speakable(f.prevention), 24)?.replace(/[.]$/, "");
    if (score >= 2 && first && startsWithInstruction(first) && (!best || score > best.score))
      best = { repair: first, score };
  }
  return best?.repair;
}

/** The answers of `openAskAnswers`, said as step 1's sentences. */
function openAsks(d: Design): Line[] {
  return promptRead(d, openAskAnswers).flatMap((x) => core(x));
}

/**
 * A guarantee the prompt states, said as what it asks of the system: exactly-once is asked of the
 * effects (a charge, a write), never of the network, which delivers at least once.
 */
function asked(kind: string, value: string, prompt = ""): string {
  if (kind === "delivery" && value === "exactly-once") {
    // in the prompt's own words when it says what happens once ("… that charges cards exactly once")
    const m = /\b(?:that|which|to) ([a-z]+(?: [a-z]+){0,3}) exactly[ -]once\b/i.exec(prompt);
    return m?.[1] ? `a service that ${m[1].toLowerCase()} exactly once` : "each effect to happen exactly once";
  }
  return guarantee(kind, value);
}

/** A quantity said by its spoken label and unit, never its variable name. */
function quantity(value: number, id: string, unit?: string): string {
  const q = QUANTITY_BY_ID.get(id);
  return speakInput(value, id, unit ?? q?.unit, q?.label);
}

/** A quantity's own unit, when the knowledge names one. */
const unitOfQuantity = (name: string | undefined): string | undefined =>
  name === undefined ? undefined : QUANTITY_BY_ID.get(name)?.unit;

/**
 * A stated figure in the prompt's own words ("the prompt says '72 hours'" -> "72 hours"): said as the prompt put
 * it, a number with its noun, rather than as the quantity's label, which for a duration or a derived name reads
 * as a definition ("a how long a failed call keeps being retried … of 259.2 thousand seconds").
 */
function givenWords(because: string | undefined, unit?: string): string | undefined {
  // a rate composed from the prompt's operations is said as what it counts ("463 segments a second"), its reading's sum;
  // a count whose reading ends on the rate it makes ("1,500 groups: … = 600M deliveries/s") is the count, not that rate
  const rate = unit === undefined || /\/s$/.test(unit);
  const composed = rate ? /, read as [^=]*×[^=]*= (\d[\d.,]*[kMB]? [a-z]+\/s)$/.exec(because ?? "")?.[1] : undefined;
  if (composed) return speakFigure(composed);
  const quoted = quoteOfScaleReason(because);
  // a vague count the prompt gave ("hundreds of bids", read as 100) is said as the prompt said it, with its noun
  const vague =
    quoted && /^(?:dozens|hundreds|thousands|millions|billions|tens of thousands) of [a-z-]+s\b/i.exec(quoted)?.[0];
  if (vague) {
    const perSecond = unit !== undefined && /\/s$/.test(unit) && /\b(?:every|per|a|each) second\b/.test(quoted ?? "");
    return perSecond ? `${vague} a second` : vague;
  }
  // the length of a ranking ("top 100 and", "top 10 hashtags") is said as the ranking, never as "100 keys"
  const top = quoted === undefined ? undefined : /^top[- ](\d[\d,]*)(?:\s+([a-z]{2,}s)\b)?/i.exec(quoted);
  if (top?.[1])
    return top[2] && !/^(?:is|was|has|as|us)$/.test(top[2]) ? `the top ${top[1]} ${top[2]}` : `a top ${top[1]}`;
  // a figure followed by the prompt's next words ("3,000 auctions run") is its number and noun ("3,000 auctions")
  const words = quoted === undefined ? undefined : countedPrefix(quoted);
  // only a whole figure: a number ending on a plural noun or a rate ("10k lock" cut from "10k lock acquisitions" is not)
  // that starts with its number ("fails over within 5 seconds" is a clause, said by its quantity's name)
  const whole = words !== undefined && /^\d/.test(words) && /(?:[a-z]{2,}s|\b(?:per|a|an|each)\s+[a-z]+)$/i.test(words);
  // or a bound the prompt puts on how soon something can be used ("searchable within 30 seconds"), a phrase of its own
  const bound = words !== undefined && /^[a-z]+(?:able|ible) within \d[\d,.]* [a-z]+s$/i.test(words);
  return (whole || bound) && words.split(/\s+/).length <= 6 ? words : undefined;
}

/**
 * The opening of a quoted figure that ends on what it counts: "3,000 auctions run" -> "3,000 auctions",
 * "40 regions serve" -> "40 regions"; a quote that already ends on its noun, or has no noun after its number, is as
 * it was.
 */
function countedPrefix(quoted: string): string {
  const words = quoted.split(/\s+/);
  if (!/^\d/.test(words[0] ?? "") || /(?:[a-z]{2,}s|\b(?:per|a|an|each)\s+[a-z]+)$/i.test(quoted)) return quoted;
  // the shortest opening on a plural noun: "5 minutes extends" is "5 minutes", never a verb taken for the noun
  for (let n = 2; n <= words.length; n++) {
    const head = words.slice(0, n).join(" ");
    const last = words[n - 1] ?? "";
    if (/^[a-z-]{2,}s$/i.test(last) && !/(?:ss|us|is)$/.test(last) && !/^(?:is|was|has|does)$/.test(last)) return head;
  }
  return quoted;
}

/**
 * A stated figure said among others: the prompt's words, except a bare span of time beside other figures ("3
 * gigabytes a second and 7 days" leaves the days unnamed), which is said by its quantity's short name ("a retention
 * period of 7 days"); a long name (a definition) keeps the prompt's words.
 */
function givenAmong(count: number, given: string | undefined, named: string, id?: string): string {
  if (given === undefined) return named;
  const bareTime = /^\d[\d,.]*\s*(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)$/i.test(given);
  // a bare time among other numbers is said with what it times, in the prompt's unit: "a hold of 8 minutes", never
  // the quantity's own count of seconds ("480 hold seconds")
  const timed = id?.endsWith("_seconds") ? id.slice(0, -"_seconds".length).replace(/_/g, " ") : undefined;
  if (bareTime && count > 1 && timed && /^[a-z]+(?: [a-z]+)?$/.test(timed))
    return `${/^[aeiou]/.test(timed) ? "an" : "a"} ${timed} of ${given}`;
  return bareTime && count > 1 && countWords(named) <= 7 ? named : given;
}

/** The reason inside a default's explanation: "not stated; I02's default … (reason)" -> "reason". */
function defaultReason(because: string | undefined): string | undefined {
  if (!because) return undefined;
  const m = /\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*$/.exec(because);
  return m?.[1];
}

/** A component's spoken name: "Brokers: partition leaders" -> "brokers". */
function boxName(name: string): string {
  // a role named after a subject that is itself the role's noun ("Service service") is said once
  return lowerFirst(speakable(name).split(": ")[0] ?? name).replace(/\b([a-z]+) \1\b/gi, "$1");
}

/** A component's spoken name with "the": "Lock service (5-node group)" -> "the lock service". */
function theName(name: string): string {
  const n = boxName(name);
  return /^(the|a|an)\s/i.test(n) ? n : `the ${n}`;
}

/** A name compared by its words alone: case, marks and repeated spaces do not count. */
const sameWords = (t: string): string =>
  t
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/** The spoken name of the authoritative record: "the lease", "the partition log". */
function stateName(d: Design): string | undefined {
  const s = leadState(d);
  return s ? `the ${entityWords(s.entity)}` : undefined;
}

/** Short names of phrases, each a complete spoken phrase; phrases with no complete short name are left out. */
const names = (phrases: readonly string[]): string[] =>
  uniq(
    phrases
      .map(actionName)
      .filter((n) => n.length > 0)
      .map(withSubject),
  );

/**
 * A name whose subject comes first takes "the", so a list mixing forms still reads as speech:
 * "producer appends the record" -> "the producer appends the record"; "acquire the resource" stays.
 */
function withSubject(name: string): string {
  // "operator or autoscaler reads consumer lag": two agent nouns joined by "or" are one subject and take one "the"
  if (/^[a-z-]+(?:or|er|ist|ant) (?:or|and) [a-z-]+(?:or|er|ist|ant) [a-z]+s\b/.test(name)) return `the ${name}`;
  if (startsWithVerb(name) || phraseForm(name) === "verb" || /^(the|a|an)\s/i.test(name)) return name;
  return /^[a-z-]+ [a-z]+s\b/.test(name) ? `the ${name}` : name;
}

/** Names said together in one list, all in one grammatical form. */
const said = (list: readonly string[]): string[] => oneForm(list).items;

function criticalNames(d: Design): string[] {
  return names(d.criticalPaths.map((p) => p.name));
}

/**
 * An action said as a noun phrase that fits after a preposition: "acquire the resource" -> "acquiring
 * the resource"; a phrase with its own subject ("producer appends the record") -> "how the producer
 * appends the record".
 */
function doing(name: string): string {
  // a phrase whose first word reads as its verb ("filter nodes") is one too, as `withSubject` takes it
  if (startsWithVerb(name) || phraseForm(name) === "verb") {
    const [first = "", or, second, ...rest] = name.split(/\s+/);
    const both = or === "or" && second ? gerund(`${second} ${rest.join(" ")}`) : undefined;
    const g = both ? `${gerund(first) ?? first} or ${both}` : gerund(name);
    if (g) return g;
  }
  return /^(the|a|an)\s/i.test(name) ? `how ${name.replace(/^an?\s/i, "the ")}` : `how the ${name}`;
}

/**
 * The operations of the subject's critical paths (the dominant archetype's, or those carrying the feature a product
 * prompt names as its subject, with that feature's own actions): what the spoken mechanisms must protect.
 */
function dominantCritical(d: Design): Set<string> {
  return perScript(d, dominantCritical, undefined, () => {
    const dominant = d.archetypes[0]?.id;
    const own = subjectFeature(d)
      ? subjectOperations(d)
          .filter((o) => o.critical)
          .map((o) => o.phrase)
      : [];
    return new Set([
      ...own,
      ...d.criticalPaths
        .filter((p) => !dominant || p.archetype === dominant || p.operations.some((o) => own.includes(o)))
        .flatMap((p) => [p.name, ...p.operations]),
    ]);
  });
}

/** Longest hard rule said as one sentence: the rule everything else protects is worth a longer breath. */
const HARD_RULE_WORDS = 34;

/** A rule said as sentences; a trailing condition ("…, as long as X") becomes its own "That holds as long as X". */
function sayRule(statement: string): readonly string[] {
  // sentence by sentence: a rule whose first sentence cannot be said is not said by its later ones alone; the
  // engine's note that nothing keeps the rule ("… refuses nothing that breaks it: no mechanism …") is no part of it
  const [first = "", ...rest] = statement
    .split(/(?<=[.])\s+(?=[A-Z])/)
    .filter((x, i) => i === 0 || !x.endsWith(UNKEPT));
  // a rule whose words were spliced badly upstream ("no anyone is ever lost", "for one majority of") is not said:
  // the next-ranked rule is said instead
  if (spliceDefect(first)) return [];
  const head = saySentence(first);
  return head.length > 0 ? [...head, ...rest.filter((x) => !spliceDefect(x)).flatMap(saySentence)] : [];
}

/** A rule's first sentence. */
const firstSentence = (statement: string): string => statement.split(/(?<=[.])\s+(?=[A-Z])/)[0] ?? statement;

/** One sentence of a rule, split before a condition it holds under when too long ("That holds as long as …"). */
function saySentence(statement: string): readonly string[] {
  const said = clauses(statement, HARD_RULE_WORDS);
  if (said.length > 0) return said;
  const m = /^(.*),\s+((?:as long as|unless|provided|even if|even after)\s.*)$/.exec(speakable(statement));
  if (!m?.[1] || !m[2]) return [];
  const main = clauses(m[1], HARD_RULE_WORDS);
  const tail = clauses(`That holds ${m[2]}`, HARD_RULE_WORDS);
  return main.length === 1 ? [...main, ...tail] : [];
}

/**
 * The hard rule referred to by a short name two steps after it was said: "the hard rule on the lease from
 * step four", by the entity the rule's path writes, never "the rule I just gave".
 */
export function ruleName(d: Design, statement: string): string {
  const inv = d.invariants.find((i) => i.statement === statement);
  // a stated guarantee is on the record that holds its guard (engine/stated-guards.ts: the row says the prompt's clause)
  const quote =
    inv && fromStatedGuarantee(inv.because) ? /the prompt says '([^']+)'/.exec(inv.because)?.[1] : undefined;
  const guarded = quote
    ? d.dataModel.find((r) => r.because?.includes(`the prompt says '${quote}', kept by`))
    : undefined;
  const op = inv ? d.operations.find((o) => o.phrase.startsWith(inv.path)) : undefined;
  const entity = guarded
    ? entityWords(guarded.entity.replace(/\s*\(.*\)$/, ""))
    : op
      ? entityWords(op.entity)
      : undefined;
  return entity ? `the hard rule on the ${entity} from step four` : "the hard rule from step four";
}

/** An invariant the archetype states itself, as opposed to one restating a default guarantee. */
const ownRule = (i: Design["invariants"][number]): boolean =>
  !/^(delivery|consistency|ordering|availability) is/.test(i.because);

/**
 * The hard rule step 4 states and step 6 refers back to: the first rule the dominant archetype states
 * for its critical state that can be said aloud, with the sentences that say it.
 */
function hardRule(d: Design): { statement: string; said: readonly string[] } | undefined {
  return perScript(d, hardRule, undefined, () => {
    const dominant = d.archetypes[0]?.id;
    // where a feature's record realizes the demand that made the archetype dominant ("no seat is ever sold twice"),
    // the rule that says that demand leads, not the record's housekeeping (an expired hold frees its seat once)
    const demand = stems(contentStemsOfDemand(d));
    const says = (statement: string) => (demand.size === 0 ? 0 : overlap(demand, stems(statement)));
    // the subject's own rules lead (a feed prompt's fan-out rule, not the media upload beside it); within them a rule
    // that is only housekeeping the prompt does not ask about (a resubmitted operation sequenced once, a deleted
    // record kept out of the index) comes after the rule about what the prompt asks for
    // then a rule only the chosen shape holds: its main clause has words a rejected option would take out of the
    // design ("primary lease" for a file system chosen over an object store)
    const rejected = d.decisions.flatMap((dec) =>
      dec.options
        .filter((o) => o.id !== dec.chosen && o.name !== dec.chosen)
        .flatMap((o) => o.implies?.excludes ?? [])
        .map((x) => new RegExp(x, "i")),
    );
    const chosenShape = (statement: string) => {
      const main = mainClause(statement).replace(/([a-z])([A-Z])/g, "$1 $2");
      return rejected.some((re) => re.test(main));
    };
    // a rule said in the prompt's own stated guarantee ('visible within 1 second') is the rule the prompt asks about
    const guarantees = statedGuarantees(d);
    const quotes = (statement: string) => guarantees.some((q) => statement.includes(`'${q}'`));
    const byAsk = (list: readonly Design["invariants"][number][]) =>
      list
        .map((i, k) => ({
          statement: i.statement,
          k,
          q: quotes(i.statement) || fromStatedGuarantee(i.because),
          n: says(i.statement),
          h: housekeepingRule(d, i.statement),
          s: chosenShape(i.statement),
          g: genericKept(d, i.statement),
          // a rule on the headline operation that is only housekeeping the prompt does not ask about (a consumer's own
          // discipline about its effects) does not lead for sitting on it
          p: headlineRule(d, i) && !housekeepingRule(d, i.statement),
        }))
        .sort(
          (a, b) =>
            Number(b.q) - Number(a.q) ||
            (b.n >= 2 ? b.n : 0) - (a.n >= 2 ? a.n : 0) ||
            Number(a.g) - Number(b.g) ||
            Number(b.p) - Number(a.p) ||
            Number(a.h) - Number(b.h) ||
            Number(b.s) - Number(a.s) ||
            a.k - b.k,
        )
        .map((x) => x.statement);
    // a rule made from a guarantee the prompt states in a clause of its own leads wherever it sits: the prompt asked
    // for it, so a feature's own rule on the subject's path ("a fulfilment moves only forward") does not speak first
    // ("every order is assigned to exactly one courier" sits on the matching feature's accept)
    const stated = byAsk(d.invariants.filter((i) => fromStatedGuarantee(i.because)));
    const subject = byAsk(d.invariants.filter((i) => ownRule(i) && onSubjectPath(d, i)));
    const own = byAsk(d.invariants.filter((i) => ownRule(i) && i.archetype === dominant));
    const ranked = uniq([
      ...stated,
      ...subject,
      ...own,
      ...d.invariants.filter(ownRule).map((i) => i.statement),
      ...d.invariants.map((i) => i.statement),
    ]);
    for (const statement of ranked) {
      const said = sayRule(statement);
      if (said.length > 0) return { statement, said };
    }
    return undefined;
  });
}

/** The statement of the hard rule step 4 says, or undefined (the checks read it). */
export const hardRuleStatement = (d: Design): string | undefined => hardRule(d)?.statement;

/**
 * The prompt's stated guarantees, as it words them: the quotes of the stated scale bounds and NFRs ('visible within 1
 * second', 'never lost'). A rule that repeats one in its own words is the rule the prompt asks about.
 */
function statedGuarantees(d: Design): string[] {
  return uniq(
    Object.entries(d.nfrs.sources ?? {}).flatMap(([k, v]) => {
      const q =
        v.source === "stated" && !k.startsWith("topic.") ? /the prompt says '([^']+)'/.exec(v.because)?.[1] : undefined;
      return q ? [q] : [];
    }),
  );
}

/** The demand a feature's record realizes, as the design words it ("no seat is ever sold twice"); empty when none does. */
const contentStemsOfDemand = (d: Design): string => d.archetypes[0]?.realizes?.demand ?? "";

/** Content-word stems of a text (the engine's: a bottleneck is tied to its figure by the same words). */
const stems = contentStems;

/** A mechanism's stems, by its name and the paths it was chosen for (joined once per script). */
const mechanismStems = (d: Design, m: Design["mechanisms"][number]): ReadonlySet<string> =>
  perScript(d, mechanismStems, m, () => stems(`${m.name} ${pathsOf(m).join(" ")}`));

/** A capacity figure's stems, by its quantity and id (joined once per script). */
const figureStems = (d: Design, c: Design["capacity"][number]): ReadonlySet<string> =>
  perScript(d, figureStems, c, () => stems(`${c.quantity} ${c.id}`));

const overlap = stemOverlap;

/** The path phrases a mechanism was chosen for ("acquire …: state transition on Lease …" -> "acquire …"). */
const pathsOf = (m: Design["mechanisms"][number]): string[] => m.because.map((b) => b.split(": ")[0] ?? "");

/**
 * The base mechanisms on the dominant archetype's critical paths that enforce a rule, best first: those
 * whose name and paths share the most words with the rule ("acknowledged … leader … replica" is kept by
 * in-sync replication, not by partitioning). A mechanism sharing fewer than two words does not enforce it.
 */
function guardsOf(d: Design, rule: string): Design["mechanisms"] {
  return perScript(d, guardsOf, rule, () => {
    const critical = dominantCritical(d);
    const words = stems(rule);
    return (
      d.mechanisms
        // a mechanism kept only to serve reads, throughput or recovery guards the rule only where it is paired with it
        .filter(
          (m) =>
            m.kind === "base" &&
            // a mechanism a decision chose against (invalidation, where TTL expiry was chosen) guards nothing said
            !decidedAgainst(d.decisions, m.id, d.archetypes[0]?.id) &&
            pathsOf(m).some((p) => critical.has(p)) &&
            mayLeadFor(m, rule) &&
            (!m.serves || m.protects === rule),
        )
        .map((m, i) => ({ m, i, score: overlap(words, mechanismStems(d, m)) }))
        .filter((x) => x.score >= 2)
        // a mechanism that realises the subject's central rule guards it before a companion sharing more words
        // (a queue message's lease before the tunable quorum that stores it)
        .sort((a, b) => Number(isCore(d, b.m, rule)) - Number(isCore(d, a.m, rule)) || b.score - a.score || a.i - b.i)
        .filter((x, _, all) => !isCore(d, all[0]?.m, rule) || isCore(d, x.m, rule))
        .filter((x, _, all) => x.score * 2 >= (all[0]?.score ?? 0))
        .map((x) => x.m)
    );
  });
}

/**
 * The archetypes whose central rule a rule's core mechanism may realise: the rule's own archetype and the dominant one
 * (a ride's request rule is a key-value row's, its driver claim the exclusive-ownership archetype's).
 */
const coreArchetypes = (d: Design, rule: string | undefined): ArchetypeId[] => {
  const own = rule === undefined ? undefined : d.invariants.find((i) => i.statement === rule)?.archetype;
  return uniq([own, d.archetypes[0]?.id].filter((a): a is ArchetypeId => a !== undefined));
};

/**
 * Whether a mechanism realises the central rule of the archetype a rule belongs to (knowledge: CORE_MECHANISMS), so
 * it may be named as the design's core: never a replication, idempotency or ordering companion that sits under
 * any design, unless the archetype is about it.
 */
function isCore(d: Design, m: Design["mechanisms"][number] | undefined, rule: string | undefined): boolean {
  if (!m) return false;
  return coreArchetypes(d, rule).some((a) => (CORE_MECHANISMS[a] ?? []).includes(m.id as never));
}

/**
 * Whether a rule is kept only by a generic companion (knowledge: GENERIC_KEEPERS) its archetype is not about: a
 * queue message acknowledged once a quorum stores it, a retried ride request taking effect once. The mechanisms the
 * operations bound to the rule decide (`protects`, or the rule's own `keptBy`); a rule nothing is bound to is judged
 * by the guards its words name. Such a rule is the substrate's, so it is never the hard rule before the subject's own.
 */
function genericKept(d: Design, statement: string): boolean {
  const inv = d.invariants.find((i) => i.statement === statement);
  const list: readonly string[] = inv?.archetype ? (CORE_MECHANISMS[inv.archetype as ArchetypeId] ?? []) : [];
  const bound = d.mechanisms.filter(
    (m) =>
      (m.protects === statement || inv?.keptBy === m.id) && !decidedAgainst(d.decisions, m.id, d.archetypes[0]?.id),
  );
  // with the mechanism of the operation row that states the rule (a ride request's idempotency key): the row that
  // introduced a mechanism binds it, whatever a companion's words later bound to the rule
  const row = inv ? d.operations.find((o) => o.mechanism && o.phrase.startsWith(inv.path))?.mechanism : undefined;
  const own = d.mechanisms.filter((m) => m.id === row && !decidedAgainst(d.decisions, m.id, d.archetypes[0]?.id));
  const keepers = bound.length + own.length > 0 ? [...bound, ...own] : guardsOf(d, statement);
  const generic = (m: Design["mechanisms"][number]) =>
    (GENERIC_KEEPERS as readonly string[]).includes(m.id) && !list.includes(m.id) && !namedByRule(m, statement);
  return keepers.length > 0 && keepers.every(generic);
}

/** Fewest content words a rule's operation shares with the prompt for it to be the prompt's headline operation. */
const HEADLINE_WORDS = 2;

/**
 * Whether a rule sits on the prompt's headline operation: the operation that states it shares at least two content
 * words with what the prompt asks beyond the system's name ("evaluates 1 million alert rules" and "evaluate a rule
 * and move the alert …"), so the rule
 * the prompt asks about leads before the substrate's rule on a write it never named.
 */
function headlineRule(d: Design, inv: Design["invariants"][number]): boolean {
  return promptRead(d, onHeadline, inv);
}

function onHeadline(d: Design, inv: Design["invariants"][number]): boolean {
  // the words that name what is built ("metrics alerting system", "edge cache") name no operation
  return overlap(askedBeyondName(d), stems(inv.path)) >= HEADLINE_WORDS;
}

/** The prompt's stems but those of its name for what is built: read once per script, not once per rule ranked. */
const askedBeyondName = (d: Design): ReadonlySet<string> =>
  perScript(d, askedBeyondName, undefined, () => {
    const name = stems(promptSubject(d) ?? "");
    return new Set([...stems(d.prompt)].filter((w) => !name.has(w)));
  });

/**
 * Whether a rule names its keeper in its own words ("… with the same idempotency key returns the first code"): then
 * that mechanism is the rule's own, whatever kind it is.
 */
const namedByRule = (m: Design["mechanisms"][number], statement: string): boolean =>
  statement.toLowerCase().includes(m.name.toLowerCase());

/**
 * The mechanism the design leans on: the one the hard rule's own subject names as what keeps it (`keptBy`: a top k's
 * partition-local lists merged, a conversation's one sequencer), where the design holds it; else the one that best
 * enforces the hard rule, else the first critical write's own mechanism, else the first base mechanism on a dominant
 * critical path; never one that protects no rule.
 */
function leadMechanism(d: Design): Design["mechanisms"][number] | undefined {
  return perScript(d, leadMechanism, undefined, () => {
    const hard = hardRule(d)?.statement;
    // one that realises the subject's central rule leads before any companion the older order would name first
    // among those that keep the hard rule (its keeper, its guards, one bound to it); a rule that names its keeper keeps it
    const picks = leadCandidates(d, hard);
    const keeps = (m: Design["mechanisms"][number]) =>
      m === keptByMechanism(d, hard) || m.protects === hard || (hard !== undefined && guardsOf(d, hard).includes(m));
    const named = hard === undefined ? undefined : picks.find((m) => m.protects === hard && namedByRule(m, hard));
    // the keeper a subject's rule names in knowledge (`keptBy`) leads unless it is a generic companion; the keeper of
    // a rule made from a guarantee the prompt states leads whatever its kind (a majority-acknowledged write keeps "no
    // photo is ever lost": the prompt asked about it, so it is no substrate housekeeping)
    const own = keptByMechanism(d, hard);
    const ownLeads = own && (keeperMayLead(own.id, coreArchetypes(d, hard)) || statedKeeper(d, hard));
    const chosen =
      named ?? (ownLeads ? own : undefined) ?? picks.find((m) => keeps(m) && isCore(d, m, hard)) ?? picks[0];
    // the core's own rule is the hard rule: one the design binds to another of its rules does not lead where the
    // design binds the hard rule to a base mechanism of its own (the table's pairing, the one the worksheet shows)
    const bound =
      hard === undefined
        ? undefined
        : d.mechanisms.find(
            (m) =>
              m.kind === "base" &&
              m.protects === hard &&
              !m.serves &&
              !decidedAgainst(d.decisions, m.id, d.archetypes[0]?.id),
          );
    const elsewhere =
      chosen !== undefined &&
      chosen.protects !== hard &&
      chosen !== own &&
      d.invariants.some((i) => i.statement === chosen.protects);
    return bound && elsewhere ? bound : chosen;
  });
}

/** Whether a rule made from a guarantee the prompt states has no mechanism that keeps it (engine/stated-clauses.ts). */
const unkeptStated = (d: Design, statement: string): boolean => {
  const inv = d.invariants.find((i) => i.statement === statement);
  return (
    inv !== undefined && inv.keptBy === undefined && fromStatedGuarantee(inv.because) && statement.endsWith(UNKEPT)
  );
};

/** Whether a rule is made from a guarantee the prompt states in a clause of its own (so its keeper may lead). */
export const statedKeeper = (d: Design, statement: string | undefined): boolean => {
  const inv = statement === undefined ? undefined : d.invariants.find((i) => i.statement === statement);
  return inv !== undefined && fromStatedGuarantee(inv.because);
};

/** The mechanisms that could lead, in the order `leadMechanism` weighs them (the rule's keeper first). */
function leadCandidates(d: Design, hard: string | undefined): Design["mechanisms"] {
  const own = keptByMechanism(d, hard);
  const guards = hard ? guardsOf(d, hard) : [];
  const rest = leadFallback(d, hard);
  return uniq([own, ...guards, ...rest].filter((m): m is Design["mechanisms"][number] => m !== undefined));
}

/** Failing the rule's keeper and its guards: a mechanism paired with the rule, else one on a critical path. */
function leadFallback(d: Design, hard: string | undefined): Design["mechanisms"] {
  // failing a guard by the rule's words, a mechanism the design pairs with the hard rule itself (base first)
  const paired = hard
    ? [...d.mechanisms]
        .sort((a, b) => Number(a.kind !== "base") - Number(b.kind !== "base"))
        .find(
          (m) =>
            m.protects === hard &&
            !m.serves &&
            mayLeadFor(m, hard) &&
            !decidedAgainst(d.decisions, m.id, d.archetypes[0]?.id),
        )
    : undefined;
  // failing that, a mechanism that protects no rule of the design, or only serves reads, throughput or recovery, is
  // never the one it leans on, nor one that keeps only a housekeeping concern the hard rule is not about
  const keeps = (m: Design["mechanisms"][number]) =>
    m.protects !== NO_INVARIANT &&
    m.protects !== "" &&
    !m.serves &&
    (!hard || mayLeadFor(m, hard)) &&
    !decidedAgainst(d.decisions, m.id, d.archetypes[0]?.id);
  const base = d.mechanisms.filter((m) => m.kind === "base" && keeps(m));
  const dominant = d.archetypes[0]?.id;
  const critical = dominantCritical(d);
  const named = d.operations
    .filter((o) => o.critical && !o.hidden && o.archetype === dominant && o.mechanism)
    .map((o) => base.find((m) => m.id === o.mechanism))
    .filter((m): m is Design["mechanisms"][number] => m !== undefined);
  const onPath = base.filter((m) => pathsOf(m).some((p) => critical.has(p)));
  return [...(paired ? [paired] : []), ...named, ...onPath, ...base];
}

/** The mechanism a rule's own subject names as what keeps it, where the design holds it and chose nothing against it. */
export function keptByMechanism(d: Design, statement: string | undefined): Design["mechanisms"][number] | undefined {
  const id = statement === undefined ? undefined : d.invariants.find((i) => i.statement === statement)?.keptBy;
  return id === undefined
    ? undefined
    : d.mechanisms.find((m) => m.id === id && !decidedAgainst(d.decisions, m.id, d.archetypes[0]?.id));
}

/** A write the design walks has a mechanism or is critical; a requirement row with neither is the prompt's own words. */
const walkedOps = (d: Design) => d.operations.filter((o) => o.critical || o.mechanism || isRead(o.operation));

/** The visible writes step 1 names, critical first, so the ones named when a list is cut short are the ones that matter. */
function visibleWrites(d: Design, ownOnly = false): string[] {
  const ws = walkedOps(d).filter(
    (o) => !o.hidden && !isRead(o.operation) && (!ownOnly || o.archetype === d.archetypes[0]?.id),
  );
  // the archetype the prompt asks for speaks first: a substrate's internals ("proposing a put") come after its own writes
  const dominant = d.archetypes[0]?.id;
  const rank = (o: Design["operations"][number]) => (o.critical ? 0 : 2) + (o.archetype === dominant ? 0 : 1);
  const ordered = ws.map((o, i) => ({ o, i })).sort((a, b) => rank(a.o) - rank(b.o) || a.i - b.i);
  return said(names(ordered.map((x) => x.o.phrase)));
}

/** Words that end the prompt's name for what it asks to build ("a task queue with …", "a cache in front of …"). */
const SUBJECT_END =
  /^(?:that|which|who|with|within|for|in|into|of|like|to|at|on|by|from|per|serving|handling|where|using|across|over|under|through|between|before|after|during|supporting|,)$|^\d/i;

/**
 * The prompt's own name for what it asks to build ("stock exchange order matching engine", "webhook delivery
 * service"), never an archetype's: the noun phrase of the prompt around the record's unit phrase when the prompt
 * named one ("the prompt names its unit 'order' ('order matching engine')"), else around the first phrase the
 * dominant archetype was recognised by that the prompt says word for word.
 */
export function promptSubject(d: Design): string | undefined {
  return perScript(d, promptSubject, undefined, () => promptRead(d, subjectOf));
}

function subjectOf(d: Design): string | undefined {
  const unit = /\bthe prompt names its unit '[^']+' \('([^']+)'\)/.exec(d.primaryState[0]?.because ?? "")?.[1];
  const evidence = (d.archetypes[0]?.evidence ?? [])
    .map((e) => /^'([^'…]+)' (?:\(as '[^']*'\) )?(?:points to|states a requirement|→)/.exec(e)?.[1])
    .filter((q): q is string => q !== undefined);
  const words = d.prompt.replace(/[.?!:;]+\s*$/, "").split(/\s+/);
  const lower = words.map((w) => w.toLowerCase().replace(/[,.:;]$/, ""));
  // the prompt's first noun phrase: after "Design" and its article, up to a word that ends it
  const article = /^(?:a|an|the)$/.test(lower[1] ?? "") ? lower[1] : undefined;
  const start = article ? 2 : 1;
  let end = start;
  // a present participle with its object after it ("answering 100,000 queries", "storing every file") starts a clause
  const participle = (i: number) =>
    i > start &&
    /ing$/.test(lower[i] ?? "") &&
    /^(?:\d|(?:a|an|the|each|every|all|any|its|their|which|what|who|whether|how|where|when)$)/.test(lower[i + 1] ?? "");
  const more = () => {
    while (
      end < words.length &&
      !SUBJECT_END.test(lower[end] ?? "") &&
      !participle(end) &&
      // a bracket opens an aside of the prompt's ("a banking app (accounts, cards …)"): the name ends before it
      !/^[([]/.test(words[end] ?? "") &&
      !/[,:;]$/.test(words[end - 1] ?? "")
    )
      end++;
  };
  more();
  // where it sits is part of what it is: "a distributed cache in front of a user-profile database"
  if (["in front of", "on top of"].includes(lower.slice(end, end + 3).join(" "))) {
    end += /^(?:a|an|the)$/.test(lower[end + 3] ?? "") ? 4 : 3;
    more();
  }
  // a participle left at the end ("a user profile store keyed") belonged to the words cut off after it
  while (end > start + 1 && /ed$/.test(lower[end - 1] ?? "")) end--;
  const inside = [unit, ...evidence].some((quote) => {
    const q = (quote ?? "").toLowerCase().split(/\s+/);
    return (
      quote !== undefined &&
      lower.some(
        (_, i) =>
          i >= start && i + q.length <= end && q.every((w, j) => lower[i + j] === w || lower[i + j] === `${w}s`),
      )
    );
  });
  if (!inside || end - start > 10) return undefined;
  // a prompt that opens on its requirement, not on "Design …" ("Each developer key may call …"), has a clause where
  // the subject would be: "I'm designing developer key may call the maps API" is never said
  if (
    /\b(?:may|must|might|should|shall|can|cannot|will|would|is|are|was|were|has|have|does|do)\b/.test(
      lower.slice(start, end).join(" "),
    )
  )
    return undefined;
  const phrase = speakable(
    words
      .slice(start, end)
      .join(" ")
      .replace(/[,.:;]$/, ""),
  );
  // a subject cut inside the prompt's own brackets ("a small-business banking app (accounts") is not said
  if (spliceDefect(phrase)) return undefined;
  // a requirement the prompt names after it in its own words ("… that sends push notifications") says what it is for
  const rest = lower.slice(end).join(" ");
  const also = (d.archetypes[0]?.evidence ?? [])
    .map((e) => /^'([^'…]+)' (?:\(as '[^']*'\) )?states a requirement\b/.exec(e)?.[1])
    .find(
      (x) =>
        x !== undefined &&
        countWords(x) <= 3 &&
        /s$/.test(x) &&
        rest.includes(x.toLowerCase()) &&
        // a plural, not an acronym the prompt writes in capitals ("SMS" in "push, email and SMS messages")
        !acronymIn(words.slice(end).join(" "), x),
    );
  // said with the prompt's own verb when it has one ("a bank ledger that transfers money between accounts"), never
  // as "for money between accounts"
  const verb = also
    ? new RegExp(`\\b(?:that|which) ([a-z]+s) ${also.toLowerCase().replace(/[^a-z0-9 ]/g, ".")}\\b`).exec(rest)?.[1]
    : undefined;
  const said = also ? (verb ? `${phrase} that ${verb} ${also}` : `${phrase} for ${also}`) : phrase;
  // with the prompt's own article, or none where it gave none ("Dropbox file sync", "Twitter's home timeline")
  return article ? `${article} ${said}` : said;
}

/** Whether the prompt writes a phrase's last word in capitals: an acronym ending in "s" ("SMS"), not a plural. */
function acronymIn(text: string, phrase: string): boolean {
  const last = phrase.split(/\s+/).pop() ?? "";
  const m = new RegExp(`\\b${last.replace(/[^A-Za-z0-9]/g, ".")}\\b`, "i").exec(text);
  return m !== null && /^[A-Z0-9]{2,}$/.test(m[0]);
}

/** What a design whose feature record realizes an archetype does not draw: "lock service", "broker cluster". */
function realizedInstead(realized: NonNullable<Design["archetypes"][number]["realizes"]>): string {
  const row = FEATURE_BY_ID.get(realized.feature)?.realizes?.find((r) => r.id === realized.id);
  return row?.instead ?? "lock service";
}

/**
 * A partition key as said aloud: a key given as a formula ("shard_id = hash(workflow_id) mod shards") is said by
 * what it hashes ("the hash of workflow id"), never with its "=" and brackets read out.
 */
export function spokenKey(key: string): string {
  // (an aside inside the brackets, "hash(series_id (hash of sorted labels))", is the page's, not the key's)
  const m = /^\s*(?:[\w.]+\s*=\s*)?(?:hash|crc32|murmur\w*)\(([^)]+)\)/i.exec(key);
  if (m?.[1]) return `the hash of ${speakable(m[1].replace(/\s*\(.*$/, ""))}`;
  // a key written as how it is split ("by device") is said once after "partitioned by", never "by by device"
  if (/^\s*by\s/i.test(key)) return spokenKey(key.replace(/^\s*by\s+/i, ""));
  const lhs = /^\s*([\w.]+)\s*=/.exec(key)?.[1];
  return speakable(lhs ?? key);
}

/**
 * The guarantee the prompt states in a clause of its own, as step 4's hard rule says it first ("a parking spot is never
 * assigned to two cars for overlapping hours"): its first sentence, to be said in step 1 as the hard demand; undefined
 * when the hard rule is not one the prompt states.
 */
function statedDemand(d: Design): string | undefined {
  const hard = hardRule(d);
  if (!hard || !d.invariants.some((i) => i.statement === hard.statement && fromStatedGuarantee(i.because)))
    return undefined;
  const first = hard.said[0]?.replace(/[.!]\s*$/, "");
  return first ? lowerFirst(first) : undefined;
}

/* ---- 1. Normalise ---- */
function normalise(d: Design): StepDraft {
  const lead = d.archetypes[0];
  const lines: Line[] = [];
  const features = uniq(d.features.map((f) => lowerFirst(speakable(f.name))));
  // A product-first design starts from what users do: the features first, the substrates under them.
  const realized = d.archetypes[0]?.realizes;
  const featureLed = (d.branch.kind === "product" || realized !== undefined) && features.length > 0;
  // the first words name what the prompt asks to build in its own words, then what it is at heart
  const subject = promptSubject(d);
  if (subject) lines.push(...core(`I'm designing ${subject}`));
  // a guarantee the prompt states is said first, in its own words, before what the design is at heart
  const demand = statedDemand(d);
  if (demand && !realized) lines.push(...core(`The hard demand is that ${demand}`));
  if (realized)
    lines.push(
      ...core(`The hard demand is that ${demand ?? realized.demand}`),
      ...core(
        `The ${speakable(realized.entity)} record keeps it itself, in the database that owns it, so I draw no separate ${realizedInstead(realized)}`,
      ),
      ...core(`The product is built from ${enumerate("feature", "features", features, 4)}`),
    );
  else if (featureLed)
    lines.push(
      ...core("This is a product prompt, so I'll start from what users do"),
      ...core(`The product is built from ${enumerate("feature", "features", features, 4)}`),
    );
  // (where the feature's own record keeps the rule, in the database that owns it, the archetype under it is that
  // database: saying the correctness rests on a separate store would take back the sentence just said)
  if (lead && !realized) {
    // a subject the prompt speaks of (a cache tier in front of a database) is what the design is, said first
    const heart = lead.variant?.subject ?? spokenArchetype(lead.id, lead.name, d.nfrs.topics);
    lines.push(
      ...(featureLed ? detail : core)(
        featureLed
          ? `Under ${features.length === 1 ? "it" : "them"}, most of the correctness rests on ${heart}`
          : d.branch.kind === "product"
            ? `This is a product prompt, so I'll design the infrastructure under it, and at heart that is ${heart}`
            : subject && !featureLed
              ? `At heart it is ${heart}`
              : `At heart this is ${heart}`,
      ),
    );
    if (lead.variant && !featureLed) for (const x of lead.variant.summary) lines.push(...core(x));
    const said = new Set(lead.variant?.absorbs ?? []);
    const others = d.archetypes.slice(1, 4).filter((a) => !said.has(a.id));
    for (const role of uniq(others.map((a) => a.role)))
      lines.push(
        ...detail(
          joiningSentence(
            role,
            others.filter((a) => a.role === role).map((a) => spokenArchetype(a.id, a.name, d.nfrs.topics)),
          ),
        ),
      );
  }
  if (features.length > 0 && !featureLed)
    lines.push(...core(`The product is built from ${enumerate("feature", "features", features, 4)}`));
  const walked = walkedOps(d);
  const writes = visibleWrites(d);
  // the hidden writes that keep the critical ones valid are the ones on a critical path
  const onCritical = new Set(d.criticalPaths.flatMap((p) => p.operations));
  const hidden = said(names(walked.filter((o) => o.hidden && onCritical.has(o.phrase)).map((o) => o.phrase)));
  const reads = said(names(walked.filter((o) => isRead(o.operation)).map((o) => o.phrase)));
  if (writes.length > 0)
    lines.push(...core(enumerate("write matters", "writes matter", writes, 3, "writes matter most")));
  if (hidden.length > 0) lines.push(...core(hiddenSaid(hidden, writes.length === 1 ? "it" : "them")));
  if (reads.length > 0) lines.push(...detail(readsSaid(reads)));
  const n = d.nfrs;
  // a consistency each read picks (a stated tunable consistency) is stated, said as its two modes
  const perRequest = n.readModes !== undefined;
  const assumed = (["consistency", "delivery", "availability"] as const).filter(
    (k) => n.sources[k]?.source === "default" && !(k === "consistency" && perRequest),
  );
  const stated = (["consistency", "delivery", "availability", "ordering"] as const).filter(
    (k) => n.sources[k]?.source !== "default" || (k === "consistency" && perRequest),
  );
  const asks = [
    ...stated.map((k) =>
      // an order kept within a key the prompt names is said by that key ("order within each customer")
      k === "ordering" && n.ordering === "per-key" && n.orderKey
        ? `order within each ${n.orderKey}`
        : k === "consistency" && perRequest
          ? `a read consistency each request picks, ${n.consistency} unless it asks for a consistent read`
          : promptRead(d, askedOf, k, String(n[k])),
    ),
    // a stated loss to survive is a guarantee of its own, kept by where the replicas sit
    ...(n.survives ? [`surviving the loss of a whole ${n.survives}`] : []),
  ];
  if (asks.length > 0) lines.push(...core(`The prompt asks for ${andList(asks)}`));
  if (assumed.length > 0)
    lines.push(
      ...core(
        `Where ${stated.length > 0 ? "it" : "the prompt"} is silent, I'll assume ${andList(assumed.map((k) => guarantee(k, String(n[k]), majorityWrites(d))))}`,
      ),
    );
  // one stated number may bind several names ("5,000 services" is services and backends): say it once; a stated
  // number no figure reads (coherence `stated-number-unused`) is a binding the design did not use, never said as given
  const spoken = new Set<string>();
  const read = quantitiesRead(d.capacity);
  // a stated number read twice, once cut short inside the other's words ("1,500 subscriber" inside "each of 1,500
  // subscriber groups receives every message"), is said once, by its fuller reading: the cut one is a misread
  const quoted = (k: string) =>
    n.sources[`scale.${k}`]?.source === "stated"
      ? /'([^']+)'/.exec(n.sources[`scale.${k}`]?.because ?? "")?.[1]
      : undefined;
  const cut = (k: string, v: number) => {
    const q = quoted(k);
    return (
      q !== undefined &&
      Object.entries(n.scale).some(
        ([o, w]) => o !== k && w === v && (quoted(o)?.length ?? 0) > q.length && quoted(o)?.includes(q),
      )
    );
  };
  // the fuller reading is said by its number and the noun after it, in the prompt's words ("1,500 subscriber groups")
  const counted = (k: string, v: number) => {
    const q = quoted(k);
    const fuller = q !== undefined && Object.entries(n.scale).some(([o, w]) => o !== k && w === v && cut(o, w));
    return fuller ? /\b\d[\d,.]*(?: [a-z-]+){0,2}? [a-z-]+s\b/.exec(q)?.[0] : undefined;
  };
  const scale = Object.entries(n.scale).filter(([k, v]) => {
    if (n.sources[`scale.${k}`]?.source === "stated" && !read.has(k)) return false;
    if (cut(k, v)) return false;
    // one stated number read under two names (a limit's rate and its quota window) is said once, by its words
    const because = n.sources[`scale.${k}`]?.because;
    const words = quoteOfScaleReason(because) ?? because ?? k;
    if (spoken.has(words)) return false;
    spoken.add(words);
    return true;
  });
  if (scale.length > 0)
    lines.push(
      ...core(
        `${scale.length === 1 ? "The number given is" : "The numbers given are"} ${andList(scale.slice(0, 4).map(([k, v]) => counted(k, v) ?? givenAmong(scale.length, givenWords(n.sources[`scale.${k}`]?.because, unitOfQuantity(k)), quantity(v, k), k)))}`,
      ),
    );
  lines.push(...openAsks(d));
  const stance = assumed.includes("availability") ? n.availability : undefined;
  const checkIn = stance
    ? `Before I go on: does that scope match, and should it ${stance === "fail-closed" ? "refuse requests" : "keep answering"} when the network splits?`
    : "Before I go on: does that scope match what you want, or should I focus on one path?";
  const followUps: FollowUp[] = [];
  const why = defaultReason(n.sources.consistency?.because);
  // a stance a decision set from the prompt's words (a limiter that fails closed on login attempts) has its own reason
  const whyStance = assumed.includes("availability") ? defaultReason(n.sources.availability?.because) : undefined;
  const stanceOwn = whyStance !== undefined && /^the prompt says '/.test(whyStance) ? whyStance : undefined;
  if (assumed.length > 0 && why)
    followUps.push({
      question: `Why assume ${andList(assumed.map((k) => guarantee(k, String(n[k]), majorityWrites(d))))}?`,
      answer: [
        // a stance the prompt's words set has its own reason: the default's second clause would argue the other way
        ...clauses(why).slice(0, stanceOwn ? 1 : 2),
        ...(stanceOwn
          ? [sentence(`It ${n.availability === "fail-closed" ? "fails closed" : "stays up"} because ${stanceOwn}`)]
          : []),
      ].join(" "),
    });
  // the other writes of the system asked for; a substrate's internals ("proposing a put") are not its writes
  const otherWrites = visibleWrites(d, true).filter((w) => !writes.slice(0, 3).includes(w));
  if (writes.length > 3 && otherWrites.length > 0)
    followUps.push({
      question: "Which other writes are there?",
      // one write is "the other is", never "the others are"
      answer: sentence(`${otherWrites.length === 1 ? "The other is" : "The others are"} ${andList(said(otherWrites))}`),
    });
  // a hidden write is explained only by its own stated purpose ("… so one sender works on it at a time"),
  // never by a generic "it must stay current" line that would fit any write
  const h = d.operations
    .filter((o) => o.hidden && o.archetype === lead?.id && actionName(o.phrase))
    .map((o) => ({ o, why: purposeOf(o.phrase) }))
    .find((x) => x.why !== undefined);
  if (h?.why)
    followUps.push({
      question: `Why is ${gerundOf(actionName(h.o.phrase))} a write at all?`,
      answer: h.why,
    });
  return { lines, checkIn, followUps };
}

/** The purpose a path's own words state ("claim a due entry so one sender works on it at a time"), as a sentence. */
function purposeOf(phrase: string): string | undefined {
  const m = /\bso(?: that)? ([a-z][^,;()]*?)\s*(?:\([^)]*\))?$/.exec(phrase.trim());
  if (!m?.[1] || countWords(m[1]) < 3) return undefined;
  return sentence(`It is there so ${speakable(m[1])}`);
}

/**
 * The entities the critical paths write: the state that must never be wrong, the subject's first (a view counter's
 * events before the video upload a named product's catalogue brings along), then in path order.
 */
function critEntities(d: Design): string[] {
  return perScript(d, critEntities, undefined, () => {
    const critical = uniq(d.criticalPaths.flatMap((p) => d.operations.filter((o) => p.operations.includes(o.phrase))));
    // a product with no feature named as its subject keeps the order of its paths
    const subject = new Set(d.branch.kind === "product" && !subjectFeature(d) ? [] : subjectOperations(d));
    const ordered = [...critical.filter((o) => subject.has(o)), ...critical.filter((o) => !subject.has(o))];
    return uniq(ordered.map((o) => entityWords(o.entity)));
  });
}

/**
 * The hidden writes that keep the visible ones valid, said as what they do ("Behind the scenes, materialising the next
 * occurrence and advancing the cursor keep them valid"), not a count and a list; a list of clauses keeps the count.
 */
function hiddenSaid(hidden: readonly string[], them: string): string {
  const f = oneForm(hidden.slice(0, 3));
  if (f.clauses || f.items.length === 0)
    return enumerate(
      "hidden write keeps them valid",
      "hidden writes keep them valid",
      hidden,
      3,
      "hidden writes matter most for them",
    );
  const more = hidden.length > 3 ? ", among others," : "";
  return `Behind the scenes, ${andList(f.items)}${more} ${f.items.length === 1 ? "keeps" : "keep"} ${them} valid`;
}

/** The reads that matter, said as a sentence ("On the read side, the poller fetches runs due"), never "Three reads: …". */
function readsSaid(reads: readonly string[]): string {
  const f = oneForm(reads.slice(0, 3));
  if (f.items.length === 0) return enumerate("read", "reads", reads, 3, "reads matter most");
  if (f.clauses) return `On the read side, ${andList(f.items)}`;
  if (f.items.length === 1) return `The one read is ${f.items[0]}`;
  return `The reads that matter${reads.length > 3 ? " most" : ""} are ${andList(f.items)}`;
}

/* ---- 2. Critical state and scopes ---- */

/** Most requirement clauses step 2 says with their consequences, and most consequences said of one clause. */
const MAX_ASKS = 5;
const ASK_CONSEQUENCES = 2;
/** A clause longer than this is not quoted aloud: its readers are said in the other steps. */
const ASK_WORDS = 26;
/** Most words of a clause and its first consequence said as one sentence; a longer pair is said as two. */
const ASK_LEAD_WORDS = 30;
/** Which reader of a clause is said first: what it binds, then what it brings in, then what it sizes. */
const CARRIER_ORDER = [
  "rule",
  "decision",
  "mechanism",
  "record",
  "feature",
  "latency",
  "figure",
  "quality",
  "technology",
  "operation",
] as const;

type Carrier = Design["statedRequirements"][number]["carriedBy"][number];

/** What one reader of a stated clause makes the design do, in the design's own names, or nothing to say. */
function consequenceOf(d: Design, c: Carrier, clause: string): string | undefined {
  switch (c.kind) {
    case "rule": {
      const prefix = c.what.replace(/…$/, "");
      const inv = d.invariants.find((i) => i.statement.startsWith(prefix));
      if (!inv) return undefined;
      const op = d.operations.find((o) => o.phrase.startsWith(inv.path));
      const entity = op ? entityWords(op.entity) : undefined;
      const keeper = ruleKeeperRow(d, inv.statement);
      if (!entity) return undefined;
      return `it puts a rule on the ${entity}${keeper ? `, kept by ${withArticle(lowerFirst(speakable(keeper.name)))}` : ""}`;
    }
    case "decision": {
      const dec = shownDecisions(d.decisions).find((x) => x.question === c.what);
      const picked = dec?.options.find((o) => optionId(o) === dec.chosen || o.name === dec.chosen);
      if (!dec || !picked) return undefined;
      // a long option is named by its words before the first comma ("staged waves, each landing …" -> "staged waves")
      const whole = optionName(picked.name);
      const name = countWords(whole) <= 10 ? whole : (whole.split(/,\s/)[0] ?? whole);
      if (optionForm(name) !== "noun" || countWords(name) > 10) return undefined;
      // said with the option it beats when that one is a short noun phrase too ("I'd pick a token bucket over a
      // sliding-window counter"): never the bare "it settles a choice", which says nothing of this design
      const other = dec.options.find((o) => o !== picked);
      const alt = other ? optionName(other.name) : undefined;
      return alt && optionForm(alt) === "noun" && countWords(alt) <= 6 && countWords(name) <= 8
        ? `I'd pick ${optionPhrase(name)} over ${optionPhrase(alt)}`
        : `I'd pick ${optionPhrase(name)}`;
    }
    case "mechanism": {
      const m = d.mechanisms.find((x) => x.name === c.what);
      if (!m || decidedAgainst(d.decisions, m.id, d.archetypes[0]?.id)) return undefined;
      return `it calls for ${withArticle(lowerFirst(speakable(m.name)))}`;
    }
    case "record": {
      const r = d.dataModel.find((x) => x.entity === c.what);
      const name = r ? entityWords(r.entity.replace(/\s*\(.*\)$/, "")) : "";
      return r ? `it needs the ${name}${/\brecord$/.test(name) ? "" : " record"}` : undefined;
    }
    case "feature":
      return `it adds ${lowerFirst(speakable(c.what))}`;
    case "latency": {
      const m = /^(p\d+) under ([\d.]+) ms$/.exec(c.what);
      // a bound of a second or more is said in seconds ("10 seconds", never "10 thousand milliseconds")
      const ms = Number(m?.[2]);
      const bound = ms >= 1000 ? `${speakNumber(ms / 1000)} seconds` : `${speakNumber(ms)} milliseconds`;
      return m ? `it bounds the answer at ${m[1]} under ${bound}, spent step by step in step eight` : undefined;
    }
    case "figure": {
      const input = c.what.split(",")[0]?.trim() ?? "";
      // the first figure the clause's quantity feeds, said by its own name; a spare or share of a bound is not a size
      const row = d.capacity.find(
        (f) =>
          f.inputs.some((x) => x.name === input) &&
          !/;|\b(?:spare|share)\b/.test(f.quantity.replace(/\s*\([^)]*\)/g, "")),
      );
      if (!row) return undefined;
      // an aside in brackets ("(one atomic update per check)") is the table's, not the sentence's
      const what = lowerFirst(speakable(row.quantity.replace(/\s*\([^)]*\)/g, ""))).trim();
      // "one key's allowance per minute" keeps its own determiner; a rate per minute or hour is said as one
      const noun = /^(?:one|each|every|all|the|a|an)\s/.test(what) ? what.replace(/^(?:a|an) /, "the ") : `the ${what}`;
      const display = row.display
        .replace(/(\w+)\/min\b/g, "$1 a minute")
        .replace(/(\w+)\/h\b/g, "$1 an hour")
        .replace(/(\w+)\/day\b/g, "$1 a day");
      return countWords(what) <= 8 && !/\//.test(display)
        ? `it sizes ${noun}, at ${roundSaid(speakFigure(display))}`
        : undefined;
    }
    case "quality": {
      const [kind = "", value = ""] = c.what.split(" ");
      return ["consistency", "delivery", "ordering", "availability"].includes(kind) && value
        ? `it fixes ${asked(kind, value, d.prompt)}`
        : undefined;
    }
    case "technology":
      return `it names ${c.what.replace(/\s*\(.*\)$/, "")}, which I draw as given`;
    case "operation":
      // an operation is said in steps 3 and 5 with its record and call; as a consequence of a clause its name reads
      // as a template ("it is the storing the future action path", "a call of its own, job job"), so it is not said
      return undefined;
    default:
      return undefined;
  }
}

/** A text's lower-case words of three letters or more, for telling which carrier a clause is most about. */
const meaningWordsOf = (text: string): string[] => text.toLowerCase().match(/[a-z]{3,}/g) ?? [];

/**
 * Each requirement the prompt states, in its own words, with what it forces in the design: the rule it puts on a
 * record and the mechanism keeping it, the choice it settles, the figure it sizes. Read from the design's
 * requirement ledger (`statedRequirements`), so a clause nothing carries is left to `openAsks` and nothing is said
 * that the design does not draw.
 */
function askLines(d: Design): Line[] {
  const out: Line[] = [];
  // a consequence is said once, for the first clause that forces it; a mechanism named as a rule's keeper is not
  // brought in again
  const told: string[] = [];
  let asks = 0;
  for (const r of d.statedRequirements) {
    if (asks >= MAX_ASKS) break;
    if (!r.carried) continue;
    const clause = lowerFirst(speakable(r.clause).replace(/[.;:,]+$/, "")).trim();
    // a clause cut inside a bracket ("300M mailboxes) against …") or otherwise spliced is not quoted
    if (countWords(clause) > ASK_WORDS || countWords(clause) < 3 || spliceDefect(clause)) continue;
    const rank = (c: Carrier) => CARRIER_ORDER.indexOf(c.kind as (typeof CARRIER_ORDER)[number]);
    // of one kind, the carrier most about the clause is said first (a clause's own stated rule before another rule
    // on the same record that shares a word with it)
    const clauseWords = new Set(meaningWordsOf(clause));
    const about = (c: Carrier) => meaningWordsOf(c.what).filter((w) => clauseWords.has(w)).length;
    const carriers = [...r.carriedBy]
      .filter((c) => c.kind !== "subject")
      .sort((a, b) => rank(a) - rank(b) || about(b) - about(a));
    // a stated latency is said as its bound, never again as the figure of what the bound leaves spare
    const bounded = carriers.some((c) => c.kind === "latency");
    const said: string[] = [];
    for (const c of carriers) {
      if (said.length >= ASK_CONSEQUENCES || (bounded && c.kind === "figure")) continue;
      const x = consequenceOf(d, c, clause);
      const named = x?.replace(/^it (?:calls for|puts a rule on) /, "");
      // one rule on a record is said once, whichever mechanism keeps each of its rules
      const head = x?.split(",")[0];
      if (!x || told.some((t) => t === x || t.split(",")[0] === head || (named !== undefined && t.includes(named))))
        continue;
      said.push(x);
      told.push(x);
    }
    const [first, second] = said;
    if (!first) continue;
    asks++;
    // a clause that names a thing ("a rate limiter for …") is what the prompt asks for; one with a verb is what it says
    const opener = namesAThing(clause) ? "The prompt asks for" : "The prompt says";
    const lead = `${opener} ${clause}, so ${first}`;
    if (countWords(lead) <= ASK_LEAD_WORDS) out.push(...detail(lead));
    else out.push(...detail(`${opener} ${clause}`), ...detail(`So ${first}`));
    if (second)
      out.push(...detail(second.replace(/^it is /, "it is also ").replace(/^it (?!is also)(\w+)/, "it also $1")));
  }
  return out;
}

function scopesStep(d: Design): StepDraft {
  const lines: Line[] = [];
  const entities = critEntities(d);
  if (entities.length > 0)
    lines.push(
      ...core(`The state that must never be wrong is ${andList(entities.slice(0, 3).map((e) => `the ${e}`))}`),
    );
  const paths = said(criticalNames(d));
  const it = entities.length > 1 ? "them" : "it";
  // the same three paths as step 1's writes are not read out a second time
  const repeated = paths.length >= 2 && paths.slice(0, 3).join("|") === visibleWrites(d).slice(0, 3).join("|");
  // never an exclusive claim ("are the ones that change them"): renewals, reclaims and settling attempts write
  // the same state, so they are named beside the three, or the step says only what the three do
  const three = paths.slice(0, 3);
  const besides = said(
    names(
      d.operations.filter((o) => !isRead(o.operation) && entities.includes(entityWords(o.entity))).map((o) => o.phrase),
    ),
  ).filter((w) => !three.includes(w));
  // the paths beside the three are a sentence of their own ("So do …"), never a run-on joined to the first
  if (repeated)
    lines.push(
      ...core(`The ${numberWord(Math.min(3, paths.length))} writes from step one change ${it}`),
      ...(besides.length > 0
        ? core(
            `So ${besides.length === 1 ? "does" : "do"} ${andList(besides.length > 2 ? [...besides.slice(0, 2), "the other background paths I'll cover"] : besides)}`,
          )
        : []),
    );
  else if (paths.length > 0)
    lines.push(...core(enumerate(`path writes ${it}`, `paths write ${it}`, paths, 3, "paths matter most")));
  const sc = (c: string) => d.scopes.find((s) => s.concern === c);
  const o = sc("ordering");
  const e = sc("exclusivity");
  const k = sc("coordination");
  const parts: string[] = [];
  // "per key" names a unit; the "global" scope is said as a whole ("order and ownership are global")
  const per = (scope: string) => (scope === "global" ? "across the whole system" : `per ${scope}`);
  const same = [o, e, k].filter((x) => x !== undefined);
  // agreement is said by its reason ("the lease table is replicated by quorum …"), never as a bare scope
  // ("work is coordinated per replica group", "agreement holds per key" in a single-primary store)
  if (same.length === 3 && same.every((x) => x.scope === o?.scope) && o?.scope !== "none")
    parts.push(`order and ownership hold ${per(o?.scope ?? "")}`);
  else {
    const ordered = o && o.scope !== "none" ? o : undefined;
    if (o && !ordered) parts.push("order does not matter");
    if (ordered && e && ordered.scope === e.scope) parts.push(`order and ownership hold ${per(ordered.scope)}`);
    else {
      if (ordered) parts.push(`order holds ${per(ordered.scope)}`);
      // nothing is owned ("none"): no ownership sentence, never "ownership holds per none"
      if (e && e.scope !== "none") parts.push(`ownership holds ${per(e.scope)}`);
    }
  }
  if (parts.length > 0) lines.push(...core(andList(parts)));
  const reason = e ?? o;
  if (reason) lines.push(...spoken(reason.why, "core", 1));
  if (k && k !== reason) lines.push(...spoken(k.why, "detail", 1));
  lines.push(...askLines(d));
  const followUps: FollowUp[] = [];
  // a global scope is asked the other way round: "why per global and not globally?" says nothing
  if (e && e.scope !== "none")
    followUps.push({
      question:
        e.scope === "global"
          ? "Why one owner for everything, and not one per key?"
          : `Why per ${e.scope} and not globally?`,
      answer: clauses(e.why).slice(0, 2).join(" ") || sentence(e.why),
    });
  const cp = d.criticalPaths[0];
  // a path the step already named is not "else": the question lists only paths the body has not said
  const body = stems(lines.map((l) => l.text).join(" "));
  const unsaid = (n: string) => [...stems(n)].some((w) => !body.has(w));
  const touching = cp ? said(names(cp.operations.slice(1))).filter(unsaid) : [];
  const first = cp ? actionName(cp.name) : "";
  if (cp && first && touching.length > 0)
    followUps.push({
      question: `What else writes the ${entityWords(d.operations.find((o) => o.phrase === cp.operations[0])?.entity ?? "state")}?`,
      answer: sentence(
        touching.length === 1
          ? `One more path shares the same rules: ${touching[0]}`
          : `${numberWord(Math.min(3, touching.length))} more paths share the same rules: ${andList(touching.slice(0, 3))}`,
      ),
    });
  return { lines, followUps };
}

/** Most boxes named when the HLD is drawn; the rest are drawn without a word. */
const MAX_BOXES = 6;

/** The components the prompt names, in the order `promptNamedBoxes` finds them. */
const namedBoxes = (d: Design): string[] => [...promptNamedBoxes(d.prompt, d.components)];

/**
 * The boxes said while drawing, in the design's order: those holding state that must never be wrong
 * first, then the entry, the gateway and where effects leave (clients, gateways, external systems),
 * then the rest, up to six, so the evaluator, the notifier or the consumers are not cut for a fifth box. A part the
 * prompt names (a system its steps are spread across, its users' contacts: `promptNamedBoxes`) ranks with the state.
 */
function drawnBoxes(d: Design): Design["components"] {
  const critical = new Set(
    d.criticalPaths.flatMap((p) => d.operations.filter((o) => p.operations.includes(o.phrase)).map((o) => o.entity)),
  );
  const named = new Set(promptRead(d, namedBoxes));
  const rank = (c: Design["components"][number], i: number) =>
    c.holds.some((h) => critical.has(h)) || named.has(c.id)
      ? 0
      : i === 0 || ["gateway", "external"].includes(c.kind)
        ? 1
        : 2;
  const chosen = new Set(
    d.components
      .map((c, i) => ({ c, i, r: rank(c, i) }))
      .sort((a, b) => a.r - b.r || a.i - b.i)
      .slice(0, MAX_BOXES)
      .map((x) => x.c),
  );
  return d.components.filter((c) => chosen.has(c));
}

/** A kind of box said as a plain noun and its plural, for the parts drawn later without a name. */
const KIND_NOUNS: Record<ComponentKind, [string, string]> = {
  client: ["client", "clients"],
  service: ["service", "services"],
  gateway: ["gateway", "gateways"],
  "replica-group": ["replica group", "replica groups"],
  store: ["store", "stores"],
  log: ["log", "logs"],
  cache: ["cache", "caches"],
  "worker-pool": ["worker pool", "worker pools"],
  "control-loop": ["control loop", "control loops"],
  external: ["outside system", "outside systems"],
  resource: ["resource", "resources"],
};

/** Most kinds named in the clause that groups the boxes drawn later; the others are counted together. */
const REST_KINDS = 3;

/**
 * The boxes not named while drawing, grouped by kind, most first ("three services, two stores and a cache"), so the
 * candidate never announces a count no one draws at once on a whiteboard; kinds past the third are said as "more parts".
 */
export function restSaid(kinds: readonly ComponentKind[]): string {
  const counts = new Map<ComponentKind, number>();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  const groups = [...counts].sort((a, b) => b[1] - a[1]);
  const said = (n: number, [one, many]: [string, string]) => (n === 1 ? withArticle(one) : `${numberWord(n)} ${many}`);
  const shown = groups.slice(0, groups.length > REST_KINDS + 1 ? REST_KINDS : REST_KINDS + 1);
  const left = groups.slice(shown.length).reduce((t, [, n]) => t + n, 0);
  const parts = shown.map(([k, n]) => said(n, KIND_NOUNS[k]));
  // a long tail is said as other parts, never a count the listener has to hold
  if (left > 0) parts.push(left === 1 ? "one more part" : left <= 4 ? `${numberWord(left)} more parts` : "other parts");
  return andList(parts);
}

/**
 * The boxes said while drawing: all of them when every one is named ("Three boxes: a, b and c"), else the ones that
 * matter and, for the rest, one clause grouping them by kind, added as the talk reaches them; never a bare count of
 * the whole diagram (no one draws 23 boxes at once), nor a count of only the named ones as if it were the diagram's.
 */
export function drawnSaid(named: readonly string[], rest: readonly ComponentKind[]): string {
  if (rest.length === 0) return `Let me draw this. ${sentence(enumerate("box", "boxes", named, MAX_BOXES))}`;
  return `Let me draw this. ${sentence(`The ${numberWord(named.length)} boxes that matter most are ${andList([...named])}`)} ${sentence(
    `The rest I add as we reach them: ${restSaid(rest)}`,
  )}`;
}

/* ---- 3. Smallest primary state (the HLD is drawn here) ---- */
function primaryStep(d: Design): StepDraft {
  const lines: Line[] = [];
  const s = leadState(d);
  const name = stateName(d);
  // authority is named on the store that keeps the record, never on a derived copy of it (a search index)
  const owner = s ? ownerOf(d, s) : undefined;
  const kept = owner && !derivedStore(d, owner) ? owner : undefined;
  let described: string | undefined;
  let describedWhole: string | undefined;
  // whether the body said the record as a field list (then every field is named, or counted if many)
  let listed = false;
  if (s && name) {
    lines.push(
      ...core(
        // "the partition map, kept in the partition map" says one thing twice: a store named as its record is not said
        kept && sameWords(theName(kept.name)) !== sameWords(name)
          ? `The authoritative state is ${name}, kept in ${theName(kept.name)}`
          : `The authoritative state is ${name}`,
      ),
    );
    // The record's description is the one place a longer sentence is worth it: it lists the fields.
    // A description without a verb ("One row per resource: owner, token …") is said as what the record is,
    // then what it holds, so no field list hangs off a colon; it comes before any other record is named,
    // so "it" can only mean this one.
    // a description that opened on a field list in brackets ("(item, holder, …): the claim") starts after it
    // a key mapping ("(board, period, player) -> best score …") opens on its arrow once the key in brackets is gone
    const desc = speakable(s.description).replace(/^(?:[:\s]|->|then\b)+/, "");
    const labelled = /^([^:.;]{3,60}): ([^:]+)$/.exec(desc);
    // a record the prompt renamed ("the payment") is said by the prompt's noun only: its card label ("one workflow
    // instance") would say "the payment is one payment", so only what it holds is said
    const unit = renamedFrom(s);
    listed = Boolean(labelled?.[1] && labelled[2] && !isClause(labelled[1]));
    described =
      isClause(desc.split(/[.;]/)[0] ?? "") && !labelled
        ? // a description written as what the record answers ("Which live instance owns each worker id …") is said as
          // what it records, never as a question word opening a sentence of its own
          /^(?:which|what|who|whom|whose|where|whether)\s/i.test(desc)
          ? `It records ${lowerFirst(desc)}`
          : desc
        : labelled?.[1] && labelled[2] && !isClause(labelled[1])
          ? unit
            ? heldSaid(d, lowerFirst(labelled[2]))
            : `${sentence(name).slice(0, -1)} is ${lowerFirst(labelled[1])}. ${heldSaid(d, lowerFirst(labelled[2]))}`
          : // a bare field list ("rider, pickup, drop-off, driver, state") is what the record holds, not what it is
            !/^(?:the|a|an|one|each|every)\b/i.test(desc) && !isClause(desc.split(/[.;]/)[0] ?? "")
            ? heldSaid(d, lowerFirst(desc.split(/[.;]/)[0] ?? desc))
            : `It is ${lowerFirst(desc)}`;
    // asked "what exactly is in it?", the answer names the fields the body only counted
    if (labelled?.[1] && labelled[2] && !isClause(labelled[1]) && !(isClause(desc.split(/[.;]/)[0] ?? "") && !labelled))
      describedWhole = `${sentence(name).slice(0, -1)} is ${lowerFirst(labelled[1])}. ${heldSaid(d, lowerFirst(labelled[2]), true)}`;
    // what the record is and holds is the step's point, kept whole even in the short version
    lines.push(...spoken(described, "core", 4, 32).map((l) => ({ ...l, keep: "core" as const })));
  }
  // a record the prompt renamed ("the ride") is the data model's row under its card's name ("Trip")
  const cardName = s ? /\(its (\w+): the prompt names its unit\b/.exec(s.because)?.[1] : undefined;
  // or the row its authority is named after (a ride kept in the "Trip database" is the Trip row)
  const model = s
    ? (d.dataModel.find((m) => m.entity === s.entity || m.entity === cardName) ??
      d.dataModel.find((m) => new RegExp(`^${entityWords(m.entity)}\\b`, "i").test(s.authority ?? "")))
    : undefined;
  if (model && model.key.length > 0)
    lines.push(
      ...detail(
        model.partitionKey && model.key.length === 1 && model.key[0] === model.partitionKey
          ? `${name ? `${sentence(name).slice(0, -1)} is` : "It is"} keyed and partitioned by ${spokenKey(model.partitionKey)}`
          : `${name ? `${sentence(name).slice(0, -1)} is` : "It is"} keyed by ${andList(model.key.map((k) => speakable(k)))}${partitionedBy(model.partitionKey, spokenKey)}`,
      ),
    );
  // beside it only the few records the hard rule rests on, each by the key it is partitioned by, in one sentence; the
  // data-model table holds the rest, which a listener asks about rather than hears read out
  const leadNames = [model?.entity, s?.entity, cardName].filter((x): x is string => x !== undefined);
  const { said: beside, rest, onRule } = ruleRecords(d, leadNames);
  if (beside.length > 0)
    lines.push(
      ...detail(
        // (each item carries its own comma, so two are joined by ", and": never "session id and the lock")
        `${onRule ? "The hard rule also rests on" : "Beside it, I keep"} ${beside.map(recordWithKey).join(", and ")}`,
      ),
    );
  if (rest.length > 0)
    lines.push(
      ...detail(
        `The other ${rest.length === 1 ? "record is" : `${numberWord(rest.length)} records are`} in the data-model table`,
      ),
    );
  // "rebuilt from it" only holds when nothing else is state that must never be wrong
  const alone = critEntities(d).length <= 1;
  if (alone) lines.push(...core("Everything else I draw can be rebuilt from it"));
  const hld = d.diagrams.find((g) => g.kind === "hld");
  let cue: DiagramCue | undefined;
  if (hld) {
    const drawn = drawnBoxes(d);
    const boxes = uniq(drawn.map((c) => boxName(c.name)));
    const rest = d.components.filter((c) => !drawn.includes(c)).map((c) => c.kind);
    cue = {
      kind: "hld",
      title: hld.title,
      say:
        boxes.length >= 2
          ? drawnSaid(boxes, rest)
          : `Let me draw this: clients on the left, the service in the middle, ${name ?? "the state"} on the right.`,
    };
  }
  const followUps: FollowUp[] = [];
  // the body already named every field: "what exactly is in it?" would only repeat it
  // (a body that said only the checked fields, or the first two "among others", named only some of them)
  const named =
    listed &&
    described !== undefined &&
    !/\bamong \w+ fields\b|\bamong others\b|\bWhat the rules check in it\b/.test(described);
  const contents = model
    ? sentence(
        // (a field named by a phrase cut on its preposition, "merged_into", is left to the table: "the merged into")
        `It is keyed by ${andList(model.key.map(speakable))}. ${fieldsSaid(
          d,
          model.fields.filter((f) => !/[_ ](?:for|of|to|by|from|in|on|with|into)$/i.test(f)).map(speakable),
          true,
        )}`,
      )
    : (describedWhole ?? described)
      ? clauses(describedWhole ?? described ?? "")
          .slice(0, 2)
          .join(" ")
      : sentence(name ?? "");
  // an answer the body already said word for word is not worth a question
  const body = lines.map((l) => l.text).join(" ");
  const repeats = contents.split(/(?<=\.)\s+/).every((c) => body.includes(c.replace(/\.$/, "")));
  if (s && name && !named && !repeats) followUps.push({ question: `What exactly is in ${name}?`, answer: contents });
  // the records the body only pointed at, asked about: each by its key and partition key, as many as a short answer holds
  const answer: string[] = [];
  for (const m of rest) {
    const x = recordSaid(d, m);
    if (countWords([...answer, x].join(" ")) <= REST_ANSWER_WORDS) answer.push(x);
  }
  if (answer.length > 0) followUps.push({ question: "What are the other records?", answer: answer.join(" ") });
  if (s && alone)
    followUps.push({
      question: "Why keep it that small?",
      answer:
        [firstClause(s.because.replace(/^[^;]*;\s*/, ""))].find((a) => a && /rebuil|deriv|small|only/i.test(a)) ??
        sentence("Everything else is derived, so it can be rebuilt rather than kept in sync"),
    });
  return { lines, cue, followUps };
}

/** Records step 3 says beside the authoritative one: a candidate names the few a rule rests on, not the table. */
const RULE_RECORDS = 2;
/** Longest answer naming the records step 3 left to the table. */
const REST_ANSWER_WORDS = 45;

/** Whether a data-model row's name is plain words a listener hears as a record ("cron (cron)" is left to the table). */
const plainRecord = (m: Design["dataModel"][number]): boolean =>
  m.key.length > 0 && /^[a-z][a-z -]*$/i.test(entityWords(m.entity));

/** Whether a rule's words name a record: its own name ("WorkflowExecution's") or its spoken words ("the lease"). */
function namesRecord(statement: string, entity: string): boolean {
  if (new RegExp(`\\b${entity}(?:s|'s)?\\b`).test(statement)) return true;
  const words = entityWords(entity).toLowerCase();
  return new RegExp(`\\b${words.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?:s|'s)?\\b`).test(statement.toLowerCase());
}

/**
 * The data model's records step 3 says beside the authoritative one: first those the hard rule rests on (the records
 * its words name, the records its own path writes, the records the paths of the mechanisms that keep it write), else
 * the state the critical paths write that must never be wrong; at most two, each plain words with a key. `rest` is every
 * other plain record, left to the data-model table; `onRule` says whether the said ones came from the rule.
 */
function ruleRecords(
  d: Design,
  lead: readonly string[],
): { said: Design["dataModel"]; rest: Design["dataModel"]; onRule: boolean } {
  const rows = d.dataModel.filter((m) => !lead.includes(m.entity) && plainRecord(m));
  const hard = hardRuleStatement(d);
  const inv = hard ? d.invariants.find((i) => i.statement === hard) : undefined;
  const written = (phrase: string) => d.operations.filter((o) => o.phrase.startsWith(phrase)).map((o) => o.entity);
  const ruleNames = hard
    ? uniq([
        ...rows.filter((m) => namesRecord(hard, m.entity)).map((m) => m.entity),
        ...(inv?.path ? written(inv.path) : []),
        ...d.mechanisms
          .filter((m) => m.protects === hard || inv?.keptBy === m.id)
          .flatMap(pathsOf)
          .filter((p) => p !== "")
          .flatMap(written),
      ])
    : [];
  const same = (m: Design["dataModel"][number], name: string) =>
    m.entity === name || entityWords(m.entity).toLowerCase() === entityWords(name).toLowerCase();
  const onRule = rows.filter((m) => ruleNames.some((n) => same(m, n)));
  const critical = rows.filter((m) => critEntities(d).some((n) => same(m, n)));
  const said = (onRule.length > 0 ? onRule : critical).slice(0, RULE_RECORDS);
  return { said, rest: rows.filter((m) => !said.includes(m)), onRule: onRule.length > 0 };
}

/** A record said by the key it is partitioned by ("the holder session, partitioned by session id"), else its key. */
function recordWithKey(m: Design["dataModel"][number]): string {
  const who = `the ${entityWords(m.entity)}`;
  return m.partitionKey
    ? `${who}${partitionedBy(m.partitionKey, partitionSaid)}`
    : `${who}, keyed by ${andList(m.key.map((k) => speakable(k)))}`;
}

/**
 * A record as the listener asks about it: what it is for, then its key and the key it is partitioned by ("The driver
 * state is keyed and partitioned by driver id"); its fields stay in the data-model table.
 */
function recordSaid(d: Design, m: Design["dataModel"][number]): string {
  const who = `The ${entityWords(m.entity)}`;
  const purpose = recordPurpose(d, m.entity, who);
  const key =
    m.partitionKey && m.key.length === 1 && m.key[0] === m.partitionKey
      ? `${purpose ? "It" : who} is keyed and partitioned by ${spokenKey(m.partitionKey)}`
      : `${purpose ? "It" : who} is keyed by ${andList(m.key.map((k) => speakable(k)))}${partitionedBy(m.partitionKey, partitionSaid)}`;
  return [purpose, key]
    .filter((x): x is string => x !== undefined)
    .map(sentence)
    .join(" ");
}

/**
 * What a record is for, said from the description the design or its knowledge gives it (the design's own primary
 * state first, then the archetype's or feature's entity), as one short sentence about the record: "The auction lease
 * records which owner node currently holds an auction", "The idempotency record maps a caller's request key to the
 * workflow it started". A description that is only a field list, or too long to say before its first pause, is left
 * unsaid: the key then says where the record lives.
 */
export function recordPurpose(d: Design, entity: string, who: string): string | undefined {
  const m = d.dataModel.find((x) => x.entity === entity);
  // a card or feature entity of that name the design's subjects keep (a key-value store's delete marker, never the
  // logout tombstone of a session store): an entity marked for a subject the design is not about describes another
  // design's record
  const unspoken = TOPIC_VALUES.filter((t) => !(d.nfrs.topics ?? []).includes(t));
  const fits = (e: { name: string; topic?: Topic; unlessTopic?: TopicMark }) =>
    e.name === entity && fitsTopics(e, unspoken);
  const desc =
    d.primaryState.find((p) => p.entity === entity)?.description ??
    (m ? ARCHETYPE_BY_ID.get(m.archetype as ArchetypeId)?.entities.find(fits)?.description : undefined) ??
    d.features.flatMap((f) => f.entities).find(fits)?.description;
  if (!desc) return undefined;
  // what it is, before its field list, its asides and its second thought
  let head = speakable(desc)
    .split(/:\s|;\s|\s\(|(?<=[a-z])\.\s/)[0]
    ?.trim()
    .replace(/[.,]$/, "");
  if (!head) return undefined;
  if (countWords(head) > 16) head = head.split(/,\s/)[0]?.trim() ?? head;
  // a head that strands its preposition ("… that workflow ids hash to") is no sentence to say alone
  if (
    countWords(head) < 3 ||
    countWords(head) > 16 ||
    spliceDefect(head) ||
    danglingEnd(head, false) ||
    /\b(?:within|into|onto|via|by|at|to)$/i.test(head)
  )
    return undefined;
  const first = (head.split(/\s+/)[0] ?? "").toLowerCase();
  const rest = lowerFirst(head);
  if (/^(?:which|what|who|where|when|how|whether)$/.test(first)) return `${who} records ${rest}`;
  if (/^(?:one|a|an|each|the|per)$/.test(first)) return `${who} is ${rest}`;
  if (/^[a-z]{3,}[^s]s$/.test(first) && phraseForm(rest) === "verb") return `${who} ${rest}`;
  return undefined;
}

/**
 * The words after a record's key that say how it is split: ", partitioned by device"; a record the model keeps
 * whole ("none: one Raft-replicated store") is said as such, never "partitioned by none".
 */
function partitionedBy(key: string | undefined, say: (key: string) => string): string {
  if (!key) return "";
  const whole = /^\s*none\b[:,]?\s*(.*)$/i.exec(key);
  if (whole)
    return whole[1] ? `, kept whole in ${lowerFirst(speakable(whole[1]).replace(/^in /, ""))}` : ", kept whole";
  return `, partitioned by ${say(key)}`;
}

/**
 * A partition key of several columns ("item_id, bucket", "(item_id, bucket)") said as a list: "item id and bucket";
 * a function of a column keeps its brackets for `spokenKey` ("hash(group)" is "the hash of group", never "hashgroup").
 */
export function partitionSaid(key: string): string {
  const inner = /^\((.*)\)$/.exec(key.trim())?.[1] ?? key;
  const parts: string[] = [];
  let depth = 0;
  let part = "";
  for (const ch of inner) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      parts.push(part);
      part = "";
    } else part += ch;
  }
  parts.push(part);
  return andList(parts.map((p) => spokenKey(p.trim())).filter((p) => p !== ""));
}

/** A rule longer than this is said as two sentences where a new clause starts. */
const RULE_WORDS = 26;

/* ---- 4. Hard invariants ---- */
function invariantsStep(d: Design): StepDraft {
  const lines: Line[] = [];
  const hard = hardRule(d);
  if (hard) {
    lines.push(...core("The hard rule is this"), ...core(hard.said[0]));
    // a stated rule nothing keeps is never said to be unkept: a line disowning the design ("Nothing in this design
    // enforces it yet") is no candidate's; what keeps it is said where the design holds a keeper, else nothing is
    // a condition the rule depends on ("That holds as long as …") is part of the rule, not a detail
    lines.push(...(hard.said[1]?.startsWith("That holds") ? core : detail)(hard.said[1]));
    // a sentence after the condition says what the rule's own words mean ("the acknowledgement means …")
    if (hard.said[1]?.startsWith("That holds")) for (const more of hard.said.slice(2)) lines.push(...detail(more));
    // a rule that sounds like exactly-once execution ("no job is run twice") is said with what once means here, right
    // beside it: the work may run again after a crash and the repeat is recognised; step 6 then does not say it again
    if (d.nfrs.delivery === "exactly-once" && ONCE_SOUNDING.test(hard.statement))
      lines.push(...core(EXACTLY_ONCE_SAID));
  }
  // the archetypes' own rules; a row restating a default guarantee ("a change is never applied twice") adds nothing said
  // the dominant archetype's own rules first, so a substrate's internals are the ones left unsaid
  const dominant = d.archetypes[0]?.id;
  const own = d.invariants.filter(ownRule);
  const more = uniq(
    [...own.filter((i) => i.archetype === dominant), ...own.filter((i) => i.archetype !== dominant)].map(
      (i) => i.statement,
    ),
  ).filter((st) => st !== hard?.statement);
  // a rule is said by its first sentence: a later one ("the acknowledgement means …") leans on it
  // (never one whose words were spliced badly upstream: "no anyone is ever lost")
  const sayable = (r: string) => {
    const c = clauses(firstSentence(r), RULE_WORDS)[0];
    return c && !spliceDefect(c) ? c : undefined;
  };
  const ownSaid = more.filter((r) =>
    d.invariants.some((i) => i.statement === r && i.archetype === dominant && sayable(r)),
  );
  // a substrate's rules ("a change is acknowledged … at the same index and term") only when the design's own are few
  // a rule a stated guarantee adds ("survives the loss of a zone") is the prompt's own: said first, never cut
  const prompted = (r: string) => d.invariants.some((i) => i.statement === r && /\bthe prompt says '/.test(i.because));
  const ordered = ownSaid.length >= 3 ? ownSaid : more;
  const said = [...ordered.filter(prompted), ...ordered.filter((r) => !prompted(r))]
    .map(sayable)
    .filter((c): c is string => Boolean(c));
  // never "the rules on the other paths": a rule may sit on the hard rule's own path (ack after a quorum)
  // the few said aloud are introduced as what they are, never as a list ("Beside it, these rules also hold")
  const spokenRules = said.slice(0, MORE_RULES);
  if (spokenRules.length > 0)
    lines.push(
      ...core(
        !hard
          ? "The rules are these"
          : spokenRules.length === 1
            ? "One more rule holds alongside it"
            : "A few more rules hold alongside it",
      ),
    );
  // each rule with what keeps it, when the design holds that keeper and chose nothing against it
  const keeperOf = (c: string) => {
    const inv = d.invariants.find((i) => i.statement !== hard?.statement && sayable(i.statement) === c);
    return inv ? ruleKeeper(d, inv.statement, ruleCore(c)) : undefined;
  };
  const kept = new Set<string>(hard ? [ruleKeeper(d, hard.statement) ?? ""] : []);
  let keepers = 0;
  spokenRules.forEach((c, i) => {
    // a long rule is said by its core; its whole text stays in the document's invariants
    lines.push({ text: ruleLinked(ruleCore(c), i), keep: i === 0 ? "core" : "detail" });
    const k = keeperOf(c);
    if (k && !kept.has(k)) {
      kept.add(k);
      lines.push(...detail(keeperSaid(withArticle(k), keepers++)));
    }
  });
  if (said.length > spokenRules.length) lines.push(...detail("The rest I'd leave to the written invariants"));
  if (hard) {
    const k = ruleKeeper(d, hard.statement);
    const path = hardPath(d, hard.statement);
    // unless the rule's own sentences already say what keeps it
    const told = hard.said.some((x) => /\bkept by\b|\bkeeps? it\b/i.test(x));
    if (k && path && !told) lines.splice(2, 0, ...detail(`It is kept by ${withArticle(k)}, on the path that ${path}`));
  }
  const followUps: FollowUp[] = [];
  // a rule nothing keeps has no enforcement to be asked about: step four already said so
  if (hard && !unkeptStated(d, hard.statement)) {
    // a rule made from the prompt's own guarantee is enforced first by the keeper it names (the core of step 6)
    const keeper = statedKeeper(d, hard.statement) ? keptByMechanism(d, hard.statement) : undefined;
    // the mechanism the design's own table pairs with the rule and that keeps its kind (the one step four says keeps
    // it) answers first: a core mechanism sharing the rule's words (content addressing beside a parent-version
    // compare-and-set) never speaks before it
    // (only where the rule is of a kind that mechanism keeps: a rule of no known kind leaves the order to the core)
    const row = ruleKeeperRow(d, hard.statement);
    const paired = row && Number.isFinite(keepRank(row.id, hard.statement) ?? Number.NaN) ? row : undefined;
    const guards = uniq(
      [...(paired ? [paired] : []), ...(keeper ? [keeper] : []), ...guardsOf(d, hard.statement)].map((m) =>
        lowerFirst(speakable(m.name)),
      ),
    );
    if (guards.length > 0)
      followUps.push({
        question: "How do you enforce the hard rule?",
        answer: sentence(`With ${andList(guards.slice(0, 3).map(withArticle))}`),
      });
  }
  return { lines, followUps };
}

/** Most API calls step 5 says with what each promises. */
const PROMISED_CALLS = 3;

/**
 * What each of the first API calls promises its caller, from the call's own guarantee (its first part): "The transfer
 * call promises that money moves at most once per transfer id", "The balance call is read from the wallet shard's
 * leader". A guarantee that reads as neither a clause nor a predicate is not said.
 */
function callPromises(api: Design["api"]): Line[] {
  const out: Line[] = [];
  for (const a of api) {
    if (out.length >= PROMISED_CALLS) break;
    const raw = a.guarantee.split(/;\s+/)[0] ?? "";
    // a guarantee that names a field by its column ("until expires_at") is left to the API table
    if (/_/.test(raw)) continue;
    const g = speakable(raw).replace(/[.]$/, "").trim();
    const op = speakable(a.operation).replace(/\s*\([^)]*\)$/, "");
    if (!g || countWords(g) > 24 || /[{}/]|_|\sx\s/.test(g) || countWords(op) > 4) continue;
    const call = /^\w+ (?:a|an|the|each|every|one|its)\b/i.test(op) ? `A call to ${op}` : `The ${op} call`;
    const said = /^(?:read|served|answered|kept|written|sent|applied|acknowledged|checked|ordered|stored)\b/.test(g)
      ? `${call} is ${g}`
      : /^[a-z]{3,}s\b/.test(g) && !/^(?:is|was|has)\b/.test(g) && startsWithVerb(g.replace(/^(\w+?)e?s\b/, "$1"))
        ? `${call} ${g}`
        : isFiniteClause(g)
          ? `${call} promises that ${lowerFirst(g)}`
          : undefined;
    if (said) out.push(...detail(said));
  }
  return out;
}

/** Most rules step 4 says beside the hard rule: more is a list read aloud, and the document holds them all. */
const MORE_RULES = 3;

/** Past this many words, a rule said beside the hard rule is said by its core (`ruleCore`). */
const RULE_CORE_WORDS = 18;

/** A join after which a new clause with its own subject starts: the rule's core ends before it. */
const CORE_JOIN =
  /,\s+(?:and|so|because)\s+(?=(?:a|an|the|each|every|its|their|no|any|it|they|there|this|that|these|those|one|nothing|commits?|writes?|reads?)\s)/;

/**
 * A long rule said by its first clause ("Within one consumer group each partition has at most one owning member per
 * group assignment generation, and commits carrying an older generation are refused" is said up to ", and"): the part
 * dropped is a claim joined by "and", "so" or "because", so what is said is still true of the design, and the rule's
 * whole text stays in the document. A first clause that is a list ("a, b, and c") or too short to stand is not cut.
 */
export function ruleCore(rule: string): string {
  if (countWords(rule) <= RULE_CORE_WORDS) return rule;
  const m = CORE_JOIN.exec(rule);
  if (!m) return rule;
  const head = rule.slice(0, m.index).trim();
  if (head.includes(",") || head.includes("(") || countWords(head) < 8) return rule;
  const words = head.split(/\s+/);
  if (!isFiniteClause(head) && subjectVerbAt(words) < 0) return rule;
  return sentence(head);
}

/** Openings that join a rule to the one before it, by its place; only a rule opening on a plain word takes one. */
const RULE_LINKS = ["", "Also, ", "On top of that, "];
const PLAIN_OPENING =
  /^(?:A|An|The|Each|Every|No|There|Once|Within|When|If|At|Only|Any|All|One|Nothing|None|While|After|Before|For|In|On|Per|Two|Checking|Completion)\s/;

function ruleLinked(rule: string, i: number): string {
  const link = RULE_LINKS[i] ?? "";
  return link && PLAIN_OPENING.test(rule) ? `${link}${rule.charAt(0).toLowerCase()}${rule.slice(1)}` : rule;
}

/** What keeps a rule said aloud, each in its own words: "That one is kept by …" three times over is a template. */
function keeperSaid(keeper: string, i: number): string {
  const form = i % 3;
  return form === 0
    ? `That one is kept by ${keeper}`
    : form === 1
      ? `${keeper} is what keeps that one`
      : `For that, I rely on ${keeper}`;
}

/** The mechanism that keeps a rule, said as a name: the rule's own keeper, else one the design binds to it. */
function ruleKeeper(d: Design, statement: string, said?: string): string | undefined {
  const m = ruleKeeperRow(d, statement, said);
  // a keeper named from words spliced upstream ("a use-once key on each each") is not said
  const name = m ? lowerFirst(speakable(m.name)) : undefined;
  return name && !spliceDefect(name) ? name : undefined;
}

/**
 * The mechanism said to keep a rule: the one the rule names (`keptBy`), else one the design pairs with it, whichever
 * keeps the rule's most specific kind by what it does (knowledge/mechanisms/rule-kinds.ts: an outbox an outbox rule, a
 * dedup window a play stored once per id), never one that keeps none of the rule's kinds (a partitioned log beside a
 * uniqueness rule, a placement beside a checksum rule), however many words it shares or whichever comes first; none
 * when no such mechanism is drawn.
 */
export function ruleKeeperRow(d: Design, statement: string, said?: string): Design["mechanisms"][number] | undefined {
  // the kinds of the part said aloud, where it has one: a rule said by its first clause ("samples are stored in
  // timestamp order") is not kept by what keeps only a later one (a dedup window's "a duplicate is dropped")
  const judged = said !== undefined && keptKinds(said).length > 0 ? said : statement;
  const named = keptByMechanism(d, statement);
  const paired = d.mechanisms.filter(
    (x) => x.protects === statement && !decidedAgainst(d.decisions, x.id, d.archetypes[0]?.id),
  );
  const ranked = uniq([...(named ? [named] : []), ...paired])
    // (the keeper the rule names, where it keeps a kind of the rule, comes first: it was named for this rule)
    .map((x, i) => ({
      x,
      i,
      rank: x === named && keepRank(x.id, judged) !== undefined ? -1 : keepRank(x.id, judged),
    }))
    .filter((c): c is { x: Design["mechanisms"][number]; i: number; rank: number } => c.rank !== undefined)
    .sort((a, b) => a.rank - b.rank || a.i - b.i);
  return ranked[0]?.x;
}

/** The path a rule sits on, said as its action ("counts the request"), or nothing when its name does not read. */
function hardPath(d: Design, statement: string): string | undefined {
  const inv = d.invariants.find((i) => i.statement === statement);
  const op = inv ? d.operations.find((o) => o.phrase.startsWith(inv.path)) : undefined;
  const name = op ? actionName(op.phrase) : "";
  const [verb = "", ...rest] = name.split(/\s+/);
  // "count the request" -> "counts the request"; a name that does not open on a bare verb is not said
  if (!name || !/^[a-z]{3,}$/.test(verb) || /(?:s|ed|ing)$/.test(verb) || !startsWithVerb(name)) return undefined;
  const thirdOf = (v: string) =>
    /(?:sh|ch|x|z|o)$/.test(v) ? `${v}es` : /[^aeiou]y$/.test(v) ? `${v.slice(0, -1)}ies` : `${v}s`;
  // a second verb joined straight to the first ("invalidate or delete the cached key", "move or split key ranges")
  // agrees with it too: a word right after "verb or" is the other verb
  const [join = "", second = ""] = rest;
  if ((join === "or" || join === "and") && /^[a-z]{3,}$/.test(second) && !/(?:s|ed|ing)$/.test(second))
    return [thirdOf(verb), join, thirdOf(second), ...rest.slice(2)].join(" ");
  return [thirdOf(verb), ...rest].join(" ");
}

/* ---- 5. Execution context (the request path as API calls) ---- */
/** Whether anything in this design expires: a critical path or the primary state speaks of expiry or a lapse. */
export function expires(d: Design): boolean {
  const critical = new Set(d.criticalPaths.flatMap((p) => p.operations));
  const text = [
    ...d.operations.filter((o) => critical.has(o.phrase)).map((o) => o.phrase),
    ...d.primaryState.map((s) => s.description),
  ].join(" ");
  return /\b(expir|lapse|ttl)/i.test(text);
}

/**
 * Who can crash half-way in this design, from the engine's list ("a holder mid-lease, a leader
 * mid-replication, a worker mid-task"): each actor is said only when the design has it (a lease holder
 * when it holds leases, a leader when a component is one, a worker when a worker pool runs paths, a
 * sender when an external system is called), so no design hears about actors it does not have.
 */
function crashSaid(d: Design): string | undefined {
  const m = /^(.*?):\s*(.+?);\s*(.+)$/.exec(d.context.crashes);
  if (!m?.[1] || !m[2] || !m[3]) return clauses(d.context.crashes).slice(0, 2).join(" ") || undefined;
  const kinds = new Set(d.components.map((c) => c.kind));
  const entities = new Set([...d.operations.map((o) => o.entity), ...d.primaryState.map((s) => s.entity)]);
  const has = (actor: string): boolean => {
    if (/\bholder\b|\blease\b/.test(actor)) return [...entities].some((e) => /Lease$/.test(e));
    if (/\bleader\b/.test(actor)) return d.components.some((c) => /\bleaders?\b/i.test(c.name));
    if (/\bworker\b/.test(actor)) return kinds.has("worker-pool");
    if (/\bsender\b|calling out/.test(actor)) return kinds.has("external");
    return true;
  };
  const actors = m[2].split(/,\s+/).filter(has);
  if (actors.length === 0) return undefined;
  return [sentence(`${m[1]}: ${andList(actors)}`), ...clauses(m[3])].join(" ");
}

/** What the prompt's outside party keeps of its own data, as said (`partyBoundary`). */
const boundarySaid = (d: Design): string | undefined => partyBoundary(d.nfrs.party, d.prompt)?.said;

/** The openings of step 5's placement reasons, in turn. */
const PLACED_LEADS = ["Each runs there because", "That's because", "Here the reason is that"];

function contextStep(d: Design): StepDraft {
  const lines: Line[] = [];
  // the dominant archetype's critical paths first, then its others, then a substrate's
  const dominant = d.archetypes[0]?.id;
  const early = (p: { path: string }) => {
    const o = d.operations.find((x) => x.phrase === p.path);
    return (o?.archetype === dominant ? 0 : 2) + (o?.critical ? 0 : 1);
  };
  // where each path runs is the design's own placement, the one the worksheet's execution context shows: the script
  // never places a path anew (a drain the worksheet puts on the request path is not said to run in a control loop)
  const placed = d.context.paths.map((p) => ({ p, at: p.runsIn }));
  const by = (k: string) =>
    names(
      placed
        .filter((x) => x.at === k)
        .map(({ p }, i) => ({ p, i }))
        .sort((a, b) => early(a.p) - early(b.p) || a.i - b.i)
        .map(({ p }) => p.path),
    );
  const req = by("request path");
  const worker = by("async worker");
  const loop = by("control loop");
  // each list in one form: "The request path covers appending the record and creating a topic"
  const where = (list: string[], place: string, plural: boolean) => {
    const f = oneForm(list.slice(0, 3));
    return f.clauses
      ? `In ${place}, ${andList(f.items)}`
      : `${sentence(place).slice(0, -1)} ${plural ? "cover" : "covers"} ${andList(f.items)}`;
  };
  // each placement with the design's own reason for it, said once: the reason most of its paths give
  const reasonOf = (k: string) => {
    const whys = placed.filter((x) => x.at === k).map(({ p }) => p.because);
    const top = whys.sort((a, b) => whys.filter((w) => w === b).length - whys.filter((w) => w === a).length)[0];
    return top && /^(?:a|an|it|the caller)\b/.test(top) && !/\b[A-Z]/.test(top) ? top : undefined;
  };
  // each reason opens in its own words: three "Each runs there because" in a row is a template heard as one
  let whys = 0;
  const placedWhy = (k: string) => {
    const r = reasonOf(k);
    if (!r) return [];
    const lead = PLACED_LEADS[whys++ % PLACED_LEADS.length] ?? PLACED_LEADS[0];
    return detail(`${lead} ${r}`);
  };
  if (req.length > 0) lines.push(...core(where(req, "the request path", false)), ...placedWhy("request path"));
  if (worker.length > 0) lines.push(...core(where(worker, "async workers", true)), ...placedWhy("async worker"));
  if (loop.length > 0) lines.push(...core(where(loop, "control loops", true)), ...placedWhy("control loop"));
  if (d.api.length > 0) {
    // a call an outside system makes back to us (a provider's webhook) is not one of the callers' calls
    const inbound = (a: Design["api"][number]) => /\b(callback|webhook)s?\b/i.test(`${a.operation} ${a.call}`);
    const own = d.api.filter((a) => !inbound(a));
    const calls = [...new Set((own.length > 0 ? own : d.api).map((a) => speakable(a.operation)))];
    // the count said is the design's own list of calls; past four, the first four are named as the main ones
    lines.push(
      ...core(
        calls.length > 4
          ? `The API has ${numberWord(calls.length)} calls, led by ${andList(calls.slice(0, 4))}`
          : `The API has ${enumerate("call", "calls", calls, 4)}`,
      ),
    );
    lines.push(...callPromises(own.length > 0 ? own : d.api));
    const caller = d.components.find((c) => c.kind === "external");
    if (own.length > 0 && own.length < d.api.length && caller)
      lines.push(...core(`${sentence(theName(caller.name)).slice(0, -1)} calls our webhook`));
    const guard = d.api.find((a) => a.request.some((r) => /request.?id|token|version|offset|idempotency/i.test(r)));
    if (guard) {
      const f = guard.request.filter((r) => /request.?id|token|version|offset|idempotency/i.test(r));
      // a call named by what it does ("hold a seat") is "a call to hold a seat"; one named by a noun or a verb
      // alone ("signal", "multipart upload") is "the signal call", never "the hold a seat"
      const op = speakable(guard.operation).replace(/\s*\([^)]*\)$/, "");
      const call = /^\w+ (?:a|an|the|each|every|one|its)\b/i.test(op) ? `A call to ${op}` : `The ${op} call`;
      lines.push(...detail(`${call} carries ${andList(f.map((x) => withArticle(speakable(x))))}`));
    }
    // what of an outside party's data never enters our systems (card numbers at a payment provider), where a call
    // takes the party's token in its place
    const boundary = promptRead(d, boundarySaid);
    if (boundary && d.api.some((a) => a.request.some((r) => /\btoken\b/i.test(r))) && caller)
      lines.push(...detail(boundary));
  }
  lines.push(...spoken(withActors(d, d.context.retries), "core", 1));
  // a clock rule about expiry is said only where something expires
  if (!/\bexpir/i.test(d.context.clocks) || expires(d)) lines.push(...spoken(d.context.clocks, "detail", 1));
  const stance = d.nfrs.availability;
  // a hard rule the prompt states fails closed on its own path, whatever the rest of the design does (stance per path)
  // each verb of a path said as a gerund ("evaluating a rule and moving the alert")
  const forced = (d.context.pathStances ?? []).map((s) =>
    s.path
      .replace(CUT_AT_PREPOSITION, "")
      .split(/\s+and\s+/)
      .map((part, i) => (i === 0 || startsWithVerb(part) ? doing(part) : part))
      .join(" and "),
  );
  if (stance !== "fail-closed" && forced.length > 0)
    lines.push(
      ...core(`If the network splits, ${andList(forced)} refuses rather than break the rule the prompt states`),
      ...core("Everything else keeps serving from whatever replicas it can still reach, and catches up afterwards"),
    );
  else
    lines.push(
      ...core(
        stance === "fail-closed"
          ? "If the network splits, whatever cannot reach the authority refuses requests rather than risk a wrong answer"
          : d.mechanisms.some((m) => m.id === "quorum-read-write")
            ? "If the network splits, a write that reaches a quorum of its replicas still succeeds, and the sender retries the rest"
            : "If the network splits, it keeps serving from whatever replicas it can still reach, and catches up afterwards",
      ),
    );
  // the stance's reason, unless step 1's follow-up already gave the same words
  const why = defaultReason(d.nfrs.sources.availability?.because);
  if (why && why !== defaultReason(d.nfrs.sources.consistency?.because)) lines.push(...spoken(why, "detail", 1));
  // "one region" alone is a fragment; said as what the candidate decides
  lines.push(...spoken(d.context.regions.replace(/^one region(?=;|$)/i, "I'll keep it to one region"), "detail", 1));
  const critical = criticalNames(d)[0];
  const checkIn = critical
    ? `That's the frame. Shall I go deep on ${doing(critical)}, or on what can fail?`
    : "That's the frame. Where would you like me to go deep?";
  const followUps: FollowUp[] = [
    {
      question: "What if a client retries?",
      answer: clauses(withActors(d, d.context.retries))[0] ?? sentence(withActors(d, d.context.retries)),
    },
  ];
  // a crash this design's own failures tell (a leader dying before followers copied, a process crashing
  // after the charge) answers better than the generic list of actors
  const told = spokenFailures(d)
    .map((f) => ({ f, said: failureSaid(f), fix: fixSaid(f.prevention) }))
    .find((x) => x.said && !x.said.label && x.fix && /\b(crash(?:es|ed)?|dies|died)\b/i.test(x.said.text));
  const crash = told?.said && told.fix ? `${told.said.text} ${told.fix}` : crashSaid(d);
  if (crash) followUps.push({ question: "What does a crash in the middle look like?", answer: crash });
  return { lines, checkIn, followUps };
}

/**
 * A mechanism named for an order ("publish content before the pointer") glossed by the design's own path
 * that does it: "Here, publishing content before the pointer means uploading chunks and index before
 * announcing the block."
 */
function beforeGloss(ms: Design["mechanisms"]): string | undefined {
  for (const m of ms.slice(0, 3)) {
    const name = lowerFirst(speakable(m.name));
    if (!/\bbefore\b/.test(name) || !startsWithVerb(name)) continue;
    const path = pathsOf(m)[0] ?? "";
    const entity = /\(([a-z][a-z ]{2,30})\)\s*$/.exec(path)?.[1];
    const step = / and ([a-z][^,;()]*\bbefore\b[^,;()]*)/.exec(speakable(path.replace(/\s*\([^)]*\)\s*$/, "")))?.[1];
    const said = step ? gerund(step.trim()) : undefined;
    const g = gerund(name);
    if (said && g) return sentence(`Here, ${g} means ${entity ? said.replace(/\bit$/, `the ${entity}`) : said}`);
  }
  return undefined;
}

/** The companion predicate a mechanism was pulled in by: "duplicate-retry-matters: …" -> "duplicate-retry-matters". */
const predicateOf = (m: Design["mechanisms"][number]): string => (m.because[0] ?? "").split(":")[0] ?? "";

/**
 * The mechanisms worth saying aloud: base mechanisms on a critical path of the dominant archetype, and
 * companions pulled in because of one of those paths (their reason quotes it). The rest are for follow-ups.
 */
function spokenMechanisms(d: Design): Design["mechanisms"] {
  return perScript(d, spokenMechanisms, undefined, () => {
    const critical = dominantCritical(d);
    const lead = leadMechanism(d);
    const onPath = (b: string) => critical.has(b.split(": ")[0] ?? "");
    const quotes = (b: string) => [...b.matchAll(/'((?:[^']|'(?=[a-z]))+)'/g)].some((m) => critical.has(m[1] ?? ""));
    return d.mechanisms.filter(
      (m) => m === lead || (m.kind === "base" ? m.because.some(onPath) : m.because.some(quotes)),
    );
  });
}

/** Varied ways to say "this condition adds that companion", so a list of them does not sound read out. */
const ADD_LEADS = ["So I add", "That calls for", "So the design needs", "That brings in"];

/**
 * The spoken reason a predicate pulls in companions: the dominant archetype's own reason when its card
 * states one ("an acquire whose reply was lost is retried; …"), else the predicate table's generic sentence,
 * said only with the actors this design has.
 */
function predicateReason(d: Design, id: string): string | undefined {
  const lead = d.archetypes[0]?.id;
  // (a card reason about a record the design does not write, such as a block counter the decisions left out, is not said)
  const written = new Set(d.operations.filter((o) => o.archetype === lead).map((o) => o.entity));
  // (and one marked with a subject only where the design speaks of it: a device's resend is no reason for log lines)
  const unspoken = TOPIC_VALUES.filter((t) => !(d.nfrs.topics ?? []).includes(t));
  const own = lead
    ? ARCHETYPE_BY_ID.get(lead as ArchetypeId)?.predicates.find(
        (p) => p.id === id && speaksOfWritten(p, written) && fitsTopics(p, unspoken),
      )?.because
    : undefined;
  if (own) return own;
  const generic = PREDICATES.find((p) => p.id === id)?.holdsWhen;
  return generic ? withActors(d, generic) : undefined;
}

/**
 * A generic line said with the actors this design has: "callers and workers", "a client or worker" lose
 * the workers where no worker pool runs anything.
 */
export function withActors(d: Design, text: string): string {
  if (d.components.some((c) => c.kind === "worker-pool")) return text;
  return text
    .replace(/\b([Cc])allers and workers\b/g, "$1allers")
    .replace(/\b([Cc])lients and workers\b/g, "$1lients")
    .replace(/\b([Aa]) client or worker\b/g, "$1 client");
}

/**
 * "Exactly once" said as what it is built from, only where this design needs it: the prompt asks for
 * it, or the receiver and the reconciliation that make it are mechanisms on the critical paths.
 */
function exactlyOnce(d: Design, spokenSet: Design["mechanisms"]): Line[] {
  const ids = new Set(spokenSet.map((m) => m.id));
  const external = ids.has("idempotent-receiver") && ids.has("reconciliation-loop");
  if (external)
    return [
      ...core("Exactly once is not something the network gives us"),
      ...core(
        "It is at-least-once delivery, plus a receiver that applies each effect id once, plus reconciliation that repairs any outcome we never heard back about",
      ),
    ];
  if (d.nfrs.delivery === "exactly-once") return core(EXACTLY_ONCE_SAID);
  return [];
}

/** What an exactly-once stance means, said where the script first makes a once-only claim. */
const EXACTLY_ONCE_SAID = "Exactly once here means at-least-once delivery plus a receiver that ignores repeats";
/** A rule's words that promise an effect happens once ("no job is run twice", "charged exactly once"). */
const ONCE_SOUNDING = /\btwice\b|\bexactly once\b|\bat most once\b|\bonly once\b/i;

/** Companions a spoken base mechanism already covers, so saying them would say the same thing twice. */
const COVERED_BY: Record<string, readonly string[]> = {
  "version-check": ["guarded-transition", "lease"],
  "ttl-expiry": ["lease", "heartbeat-renewal"],
  "dedup-window": ["idempotency-key", "idempotent-receiver"],
};

/** An option's spoken name: "pull: the collector scrapes each target" -> "pull"; asides dropped. */
function optionName(name: string): string {
  // "counted inventory per room type and night; rooms are assigned at check-in": what follows the semicolon is an aside
  const t = speakable(name).split(/;\s+/)[0] ?? "";
  // what follows a colon describes the option ("a delivery state machine: each effect's state … kept in one
  // store"): the option is named by the words before it, and its description is never spliced into a sentence
  const colon = t.indexOf(": ");
  const n = lowerFirst(colon > 0 ? t.slice(0, colon) : t);
  // "raw for recent data, rollups for older data" is one option of two parts, said with "and" so it never
  // sounds like two options; "short leases, renewed every third of the TTL" keeps its comma (a participle follows)
  const parts = n.split(", ");
  return parts.length === 2 &&
    !/^[a-z]+ed\b|^(with|without|plus|so|and|or|but)\b/.test(parts[1] ?? "") &&
    !/ and /.test(n)
    ? parts.join(" and ")
    : n;
}

/** An option said after "pick": a noun phrase as is, a clause as "a design where …". */
function optionPhrase(name: string): string {
  const form = optionForm(name);
  if (form === "clause") return `a design where ${name}`;
  if (form === "modifier") return name;
  // the article goes by the option's head ("short leases, renewed …" stays bare; "transactional outbox with …" takes "a")
  const head = name.split(/,\s*|\s+(?:with|via|for|of|over)\s+/)[0] ?? name;
  if (countWords(head) < 2 || /\ball$/.test(head)) return name;
  // a plural before a participle or a second noun stays bare ("adjacency lists keyed by user", "heartbeats or …")
  const noun = head.split(/\s+(?:or|and)\s+|\s+(?=[a-z]+ed\b)/)[0] ?? head;
  if (withArticle(noun) === noun) return name;
  return `${withArticle(head)}${name.slice(head.length)}`;
}

/**
 * The first part of an option's buys or costs ("a; b" -> "a"), said as speech, never with a description spliced
 * after a colon: a label that is a clause is said alone, and one that is not ("safe under autoscaling and restarts:
 * two live processes never share an id") is said by its explanation where that is a clause.
 */
const firstPart = (cell: string): string => {
  const t = (speakable(cell).split(/;\s+/)[0] ?? "").replace(/[.]$/, "").trim();
  const colon = t.indexOf(": ");
  if (colon < 0) return t;
  const [label, said] = [t.slice(0, colon), t.slice(colon + 2)];
  // a label that is itself a clause ("revocation takes effect on the next request: …") is the reason, said alone
  return isFiniteClause(label) || !isFiniteClause(said) ? label : said;
};

/** Why an assumed figure is that figure: "because a fleet runs …", or a typical case named as a thing ("typical of daily active users of a large social app"). */
const assumedWhy = (why: string): string =>
  verbless(why.trim()) ? `typical of ${lowerFirst(why.trim())}` : `because ${why.trim()}`;

/** A reason said after "because": a clause as is, a bare predicate with "it" or "we", a noun phrase with "of". */
function becausePhrase(text: string): string {
  if (startsWithInstruction(text)) return `because we ${lowerFirst(text)}`;
  if (isPredicate(text)) return `because it ${lowerFirst(text)}`;
  // a comparison after the reason ("…, as exact as the window algorithm it runs") has its own verb, not the reason's
  const main = text.split(/,\s+as\s/)[0] ?? text;
  // a noun phrase whose verb sits in a relative clause that ends on its preposition ("the order the prompt asks
  // for", "the state a reader depends on") names what the option gives; it is no clause of its own
  const relative = /^(?:the|a|an|its|every|each|one)\s.*\s(?:for|on|to|with|about|from|in|by|of)$/i.test(main.trim());
  if (isFiniteClause(main) && !relative) return `because ${lowerFirst(text)}`;
  // a reason named as a thing ("full resolution for every query") is said as what the option gives
  return /^no\b/i.test(text) ? `because it has ${lowerFirst(text)}` : `because it gives ${lowerFirst(text)}`;
}

/** A cost said after "the cost is": a clause with "that", a bare predicate with "that it". */
function costPhrase(text: string): string {
  if (isPredicate(text)) return `the cost is that it ${lowerFirst(text)}`;
  // "approximate unless a log is kept" says what the option is: "the cost is that it is approximate …"
  if (verbless(text) && /^[a-z]+(?:ate|al|ive|ous|ic|able|ible)\b/.test(text))
    return `the cost is that it is ${lowerFirst(text)}`;
  return isFiniteClause(text) ? `the cost is that ${lowerFirst(text)}` : `the cost is ${lowerFirst(text)}`;
}

/** A decision whose option is an instruction: "I'd fold …, rather than …. I'd do it because …. The cost is …". */
function sayInstruction(
  own: string,
  alt: string | undefined,
  picked: Decision["options"][number] | undefined,
): string[] {
  const other =
    alt === undefined ? "" : optionForm(alt) !== "clause" ? `, rather than ${alt}` : `, not a design where ${alt}`;
  const whole = `I'd ${own}${other}`;
  // past one breath, the pick and the option it beats are two sentences, each said whole
  const out =
    alt !== undefined && countWords(whole) > BREATH_WORDS
      ? [sentence(`I'd ${own}`), sentence(`The alternative is ${rejectedPhrase(alt)}`)]
      : [sentence(whole)];
  const buys = picked ? firstPart(picked.buys) : "";
  if (buys) out.push(sentence(`I'd do it ${becausePhrase(buys)}`));
  out.push(...costSaid(picked));
  return out.filter((x) => countWords(x) <= MAX_SENTENCE_WORDS);
}

/**
 * A decision said as sentences, never as a table row: "I'd pick X over Y because …", then "The cost is …".
 * The reason and cost come from the chosen option's own buys and costs.
 */
export function sayDecision(dec: Decision): string[] {
  const picked = dec.options.find((o) => optionId(o) === dec.chosen || o.name === dec.chosen);
  const other = dec.options.find((o) => o !== picked);
  const alt = other ? optionName(other.name) : undefined;
  const own = optionName(picked?.name ?? dec.chosen);
  const form = optionForm(own);
  // an option worded as an instruction ("fold the time into the sort key") is said as what I'd do, not picked
  if (form === "instruction") return sayInstruction(own, alt, picked);
  const name = optionPhrase(own);
  // an option named by how or where ("by document", "through a CDN", "synchronous to a majority") is where I'd go
  const verb = form === "modifier" ? "go" : "pick";
  const altForm = alt === undefined ? undefined : optionForm(alt);
  const pick = alt
    ? altForm === "clause"
      ? `I'd ${verb} ${name}, not one where ${alt}`
      : // "a relay that retries over a direct call" would garden-path: a name with its own clause ends at a comma
        // and "X over one partition for a single global order" would read "over" as a preposition of X
        /,|\b(that|which|who|over)\b/.test(name) || /\b(for|with|over|of|in)\b/.test(alt) || altForm !== "noun"
        ? `I'd ${verb} ${name}, rather than ${alt}`
        : `I'd ${verb} ${name} over ${alt}`
    : `I'd ${verb} ${name}`;
  const buys = picked ? firstPart(picked.buys) : "";
  const out: string[] = [];
  const joined = buys ? `${pick}, ${becausePhrase(buys)}` : pick;
  if (countWords(joined) <= COMFORT_WORDS + 3) out.push(sentence(joined));
  else {
    // past one breath, the pick and the option it beats are two sentences, each said whole
    if (alt !== undefined && countWords(pick) > BREATH_WORDS)
      out.push(sentence(`I'd ${verb} ${name}`), sentence(`The alternative is ${rejectedPhrase(alt)}`));
    else out.push(sentence(pick));
    if (buys && countWords(buys) <= COMFORT_WORDS + 3) out.push(sentence(`I'd do it ${becausePhrase(buys)}`));
  }
  out.push(...costSaid(picked));
  return out.filter((x) => countWords(x) <= MAX_SENTENCE_WORDS);
}

/**
 * A decision a rule over the design's own figures made ("allowance_per_gateway ≈ 0.897 req per key (computed …), < 2
 * req per key"; "object_index_bytes ≈ 15 TB (…), ≥ master_memory_bytes ≈ 256 GB (assumed)"), said with those figures
 * so the pick is heard to follow from the numbers: "The numbers decide it: one key's allowance a gateway may spend
 * between syncs, about 0.9 requests per key, under 2 requests per key." Only where the decision's reason rests on its
 * inputs (a rule or a win condition that held, never the fallback's list of tests that did not fire) and each figure
 * is a row of the deciding owner's capacity table.
 */
export function figuresDecide(d: Design, dec: Decision): string | undefined {
  if (dec.inputs.length === 0 || !dec.because.includes(`: ${dec.inputs.join("; ")}`)) return undefined;
  const parts = dec.inputs.flatMap((input) => {
    const m = /^([a-z][a-z0-9_]*) ≈ .*, (<|≥) (.+)$/.exec(input);
    const row = m && d.capacity.find((r) => r.id === m[1] && r.archetype === dec.archetype);
    if (!m || !row) return [];
    const limit = figureLimitSaid(d, m[3] ?? "");
    if (!limit) return [];
    // said to two significant digits, as a speaker rounds ("about 0.9 requests", not "0.897")
    const value = row.display.replace(/\b\d+\.\d{2,}\b/g, (x) => String(+Number(x).toPrecision(2)));
    return [`${figureLabel(row.quantity)}, ${speakFigure(value)}, ${m[2] === "<" ? "under" : "at least"} ${limit}`];
  });
  if (parts.length === 0) return undefined;
  const text = sentence(`The numbers decide it: ${andList(parts)}`);
  return countWords(text) <= MAX_SENTENCE_WORDS ? text : undefined;
}

/**
 * How a design across regions shares its state when a chosen option names the protocol (a budget's per-region counts
 * exchanged and summed, a key's home region, regional shares), said in one or two sentences with the design's own
 * figures: "Across the 40 regions, each region counts a key's admissions only in its own slot … So a key can go over
 * by at most about 10.8 requests per key, 1.08% of its quota …". A sentence whose figure the design lacks is left out.
 */
export function regionalProtocolSaid(d: Design): string[] {
  if (d.nfrs.regions < 2) return [];
  const mode = d.decisions
    .map((r) => r.options.find((o) => o.id === r.chosen)?.implies?.regionMode)
    .find((m) => m !== undefined);
  const said = mode ? REGION_MODES[mode].said : undefined;
  if (!said) return [];
  const value = (id: string): string | undefined => {
    const row = d.capacity.find((r) => r.id === id);
    if (row) return row.display.replace(/\b\d+\.\d{2,}\b/g, (x) => String(+Number(x).toPrecision(3)));
    const input = d.capacity.flatMap((r) => r.inputs).find((i) => i.name === id);
    return input ? `${input.value} ${input.unit ?? QUANTITY_BY_ID.get(id)?.unit ?? ""}`.trim() : undefined;
  };
  return said.flatMap((t) => {
    let missing = false;
    const text = t.replace(/\{([a-z_]+)\}/g, (_, id: string) => {
      if (id === "regions") return String(d.nfrs.regions);
      const v = value(id);
      if (v === undefined) missing = true;
      // a time is said in seconds: "every 1 second", "about 0.15 seconds"
      return v === undefined
        ? ""
        : speakFigure(v).replace(/(\d+(?:\.\d+)?) s$/, (_, n: string) => `${n} second${n === "1" ? "" : "s"}`);
    });
    return missing ? [] : [sentence(text)];
  });
}

/** A figure's label said without its parenthesised asides, in lower case. */
const figureLabel = (quantity: string): string =>
  lowerFirst(speakable(quantity.replace(/\s*\([^()]*\)/g, "")))
    .replace(/\s+/g, " ")
    .trim();

/**
 * A decision threshold as said: a literal amount ("2 req per key": "2 requests per key"), or another number of the
 * design ("master_memory_bytes ≈ 256 GB (assumed)": "the memory one metadata machine gives its in-memory tables, about
 * 256 gigabytes"), said by its label.
 */
function figureLimitSaid(d: Design, limit: string): string | undefined {
  const other = /^(?:([\d.]+) × )?([a-z][a-z0-9_]*) ≈ (.+?) \(/.exec(limit);
  if (!other) return /^[\d.]/.test(limit) ? speakFigure(limit) : undefined;
  const [, times, id = "", value = ""] = other;
  const label = d.capacity.find((r) => r.id === id)?.quantity ?? QUANTITY_BY_ID.get(id)?.label ?? undefined;
  if (!label) return undefined;
  return `${times ? `${times} times ` : ""}the ${figureLabel(label)}, about ${speakFigure(value)}`;
}

/** The option a pick beats, said after "The alternative is": a noun phrase as is, a clause as a design, an instruction as what to do. */
function rejectedPhrase(alt: string): string {
  const form = optionForm(alt);
  if (form === "clause") return `a design where ${alt}`;
  if (form === "instruction") return `to ${alt}`;
  return form === "modifier" ? `to go ${alt}` : optionPhrase(alt);
}

/** An option's cost as sentences: "relay lag, and effects may be sent twice" is a noun phrase, then a clause of its own. */
function costSaid(picked: Decision["options"][number] | undefined): string[] {
  const costs = picked ? firstPart(picked.costs) : "";
  const [cost = "", ...more] = costs.split(/,\s+and\s+/);
  if (cost && !isClause(cost) && more.length > 0 && isClause(more.join(", and ")))
    return [sentence(costPhrase(cost)), sentence(more.join(", and "))];
  return costs && countWords(costs) <= COMFORT_WORDS ? [sentence(costPhrase(costs))] : [];
}

/** A decision as one cheat-sheet line: the question, the pick and when the other would win. */
export function decisionLine(dec: Decision): string {
  const picked = dec.options.find((o) => optionId(o) === dec.chosen || o.name === dec.chosen);
  const flip = sayFlip(dec);
  return `${speakable(dec.question)} ${sentence(optionName(picked?.name ?? dec.chosen))}${flip ? ` ${flip}` : ""}`;
}

/**
 * A flip condition as a finite clause after "if": a clause as is ("readers scan key ranges"), a noun phrase said
 * as what there is ("tens of thousands of placements a second" -> "there are tens of thousands of …"), never a
 * clause after "with" ("would win with readers scan key ranges").
 */
export function flipCondition(when: string): string {
  if (isConditionClause(when)) return `if ${when}`;
  const head = when.split(/\s+(?:of|for|in|with|per|from|at|on|under)\s+/)[0] ?? when;
  const plural =
    /^(?:a handful|a few|a couple|many|several|most|few|tens|hundreds|thousands|millions|billions|dozens|\d)/i.test(
      head,
    ) || /[a-z]s$/i.test(head.split(/\s+(?:or|and)\s+/)[0] ?? head);
  return `if there ${plural ? "are" : "is"} ${when}`;
}

/** A runner-up named by more words than this is said as "the other way" right after it was named. */
const SHORT_OPTION_WORDS = 5;

/** When the other option of a decision would win, said as a sentence. */
function sayFlip(dec: Decision, named = false): string | undefined {
  const picked = dec.options.find((o) => optionId(o) === dec.chosen || o.name === dec.chosen);
  const other = dec.options.find((o) => o !== picked);
  if (!other?.winsWhen) return undefined;
  const when = speakable(other.winsWhen).replace(/[.]$/, "");
  const name = optionName(other.name);
  if (countWords(when) > COMFORT_WORDS) return undefined;
  // `named`: the runner-up was just said by name, so a long name is not said again ("the other way wins if …");
  // nor is one that would carry the sentence past a breath
  const noun =
    optionForm(name) === "noun" &&
    !(named && countWords(name) > SHORT_OPTION_WORDS) &&
    countWords(`${name} would win ${flipCondition(when)}`) <= BREATH_WORDS;
  // a condition that says when it never wins ("never for real money; only for prototypes") is said as that
  const never = /^never\s+(.+)$/i.exec(when)?.[1];
  if (never) return noun ? sentence(`${name} would never win ${never}`) : sentence(`The other way never wins ${never}`);
  const cond = flipCondition(when);
  return noun ? sentence(`${name} would win ${cond}`) : sentence(`The other way wins ${cond}`);
}

/**
 * A protocol said by a short natural name, never its diagram title spliced into a sentence: the core
 * mechanism's head noun when the title names it ("Transition with outbox, idempotent external call" -> "the
 * outbox"), else the title's first action before any comma or "with" ("Acquire, fenced write, release" ->
 * "the acquire"), followed by `noun`; an action with its object is said as what the protocol is for ("the sequence
 * for applying a change").
 */
export function protocolName(d: Design, title: string, noun: "sequence" | "protocol"): string {
  const head = protocolHead(d, title);
  // a title that is an action with its object ("apply a change") is said as what the protocol is for: "the sequence
  // for applying a change", never "the apply a change sequence"
  const act = head.replace(/^the /, "");
  return countWords(act) >= 2 && phraseForm(act) === "verb" ? `the ${noun} for ${gerundOf(act)}` : `${head} ${noun}`;
}

/** The name a protocol is called by before "sequence" or "protocol", with its article. */
function protocolHead(d: Design, title: string): string {
  return perScript(d, protocolHead, title, () => {
    // a feature's label before the title ("feed: Publish, fan out …") and a gloss after a colon are not its name
    const t =
      lowerFirst(speakable(title.replace(/^[A-Z]\d+:\s*/, "").replace(/^[a-z][a-z -]*:\s+/, "")))
        .split(/:\s/)[0]
        ?.trim() ?? "";
    const lead = leadMechanism(d);
    const head = lead
      ? lowerFirst(speakable(lead.name))
          .split(/\s+with\s+/)[0]
          ?.split(/\s+/)
          .pop()
      : undefined;
    if (head && head.length > 3 && new RegExp(`\\b${head}\\b`, "i").test(t)) return `the ${head}`;
    const first = t.split(/[,;]|\s+with\s+|\s+and\s+/)[0]?.trim();
    return `the ${first || t}`;
  });
}

/** A field list and any sentences after it: "owner id, fencing token and a row version. The token is …". */
function heldSaid(d: Design, text: string, whole = false): string {
  // a list written in parentheses ("(conversation, sequence number, sender)") is the list itself, not an aside
  const bare = /^\(([^()]*)\)\.?$/.exec(text.trim())?.[1];
  if (bare !== undefined) return heldSaid(d, bare, whole);
  const [list = "", ...rest] = text.split(/(?<=[a-z0-9_])\.\s+(?=[A-Z])/);
  // alternatives or a placement ("…, or the count …, held on the shard …") are not a plain field list
  if (/,\s+or\b|[()]|\b(?:held|kept|stored)\b/.test(list)) return `It holds ${text}`;
  const parts = list.replace(/\.$/, "").split(/,\s+|\s+and\s+/);
  // a description whose pieces open on a preposition ("…, with traffic-split weights, as published by …") is one
  // noun phrase with its modifiers, not a field list: each piece given "the" would read "the with …", "the as …"
  if (parts.slice(1).some((x) => MODIFIER_LEAD.test(x.trim())))
    return [sentence(`It holds ${lowerFirst(list.replace(/\.$/, ""))}`), ...rest].join(" ");
  const fields = fieldsSaid(d, parts, whole);
  return rest.length > 0 ? `${fields} ${rest.join(". ")}` : fields;
}

/** A piece of a description that modifies the noun before it rather than naming a field of its own. */
const MODIFIER_LEAD = /^(?:with|without|as|by|from|to|for|of|in|at|via|into|through|under|per|over|across|behind)\s/i;

/** Most fields a record's description names aloud; past that only the one or two the rules check are named. */
const NAMED_FIELDS = 5;

/** The archetype's own name for a record the prompt renamed ("payment" was the workflow instance), from its reason. */
function renamedFrom(s: Design["primaryState"][number]): string | undefined {
  const m = /\(its (\w+): the prompt names its unit\b/.exec(s.because);
  return m?.[1] && m[1] !== s.entity ? entityWords(m[1]) : undefined;
}

/** What the prompt's unit carries as its input ("amount and currency" for a payment), when the prompt renamed it. */
function unitInput(d: Design): string | undefined {
  const s = d.primaryState[0];
  return s && renamedFrom(s) ? UNIT_INPUT[entityWords(s.entity)] : undefined;
}

/**
 * A record's fields said as how many there are and the one or two that matter, never the whole list read
 * aloud: "It holds the owner id and the fencing token, among four fields." The fields that matter are the
 * ones the design's rules name; a list of two or fewer is said whole. Asked "what exactly is in it?", the
 * answer (`whole`) names every field up to six, the asked-for detail.
 */
export function fieldsSaid(d: Design, fields: readonly string[], whole = false): string {
  // a bare "input" is said as what this prompt's unit carries ("the amount and currency" for a payment)
  const input = unitInput(d);
  const items = fields
    .map((f) =>
      f
        .trim()
        .replace(/^(?:and|or)\s+/i, "")
        .replace(/^(?:the|a|an)\s+/i, ""),
    )
    .filter((f) => f.length > 0)
    .map((f) => (input && /^inputs?$/i.test(f) ? input : f))
    // a timestamp column ("set at", "expires at") is said as when: "when it was set", "when it expires"
    .map((f) => {
      const at = /^([a-z]+) at$/.exec(f)?.[1];
      if (!at) return f;
      if (/ed$|^(?:set|sent|seen|run|made|paid|read|built|won)$/.test(at)) return `when it was ${at}`;
      return /s$/.test(at) ? `when it ${at}` : f;
    });
  // a field that carries its own determiner or is a clause ("its delivery id", "how many times it was received") takes no "the"
  // a flag field named by its state ("on", "off") is said as what it tells: "whether it is on"
  const the = (f: string) =>
    /^(?:on|off|enabled|disabled|active|paused)$/i.test(f)
      ? `whether it is ${f}`
      : /^(?:its|their|our|his|her|how|what|when|where|which|who|whether|one|each|every)\b/i.test(f)
        ? f
        : `the ${f}`;
  // no field left to name: say nothing rather than "It holds."
  if (items.length === 0) return "";
  // a short list is what the record is; asked "what exactly is in it?", the answer names up to six
  if (items.length <= NAMED_FIELDS || (whole && items.length <= 6))
    return sentence(`It holds ${andList(items.map(the))}`);
  const rules = stems(d.invariants.map((i) => i.statement).join(" "));
  const score = (f: string) => overlap(stems(f), rules);
  const ranked = items.map((f, i) => ({ f, i, s: score(f) })).sort((a, b) => b.s - a.s || a.i - b.i);
  if (whole) {
    const picked = ranked
      .slice(0, 3)
      .sort((a, b) => a.i - b.i)
      .map((x) => the(x.f));
    return sentence(
      `It holds ${andList(picked)}, and ${numberWord(items.length - 3).toLowerCase()} more I'd show in the table`,
    );
  }
  // past a short list the body never reads the table: only the fields the design's rules turn on are named, as
  // what matters in the record; with none, what the record is for and its key say enough
  const picked = ranked
    .filter((x) => x.s > 0)
    .slice(0, 2)
    .sort((a, b) => a.i - b.i)
    .map((x) => the(x.f));
  if (picked.length === 0)
    return sentence(
      `It holds ${andList(
        ranked
          .slice(0, 2)
          .sort((a, b) => a.i - b.i)
          .map((x) => the(x.f)),
      )}, among others`,
    );
  return sentence(`What the rules check in it is ${andList(picked)}`);
}

/**
 * The sequence drawn in step 6: the first one of the subject (a feature a product prompt names, titled by its id, or
 * the dominant archetype's), else the design's first.
 */
export function subjectSequence(d: Design): Design["diagrams"][number] | undefined {
  const seqs = d.diagrams.filter((g) => g.kind === "sequence");
  // a product with no feature named as its subject keeps the design's order (its own record's sequence first)
  const prefix = subjectFeature(d)?.id ?? (d.branch.kind === "product" ? undefined : d.archetypes[0]?.id);
  return seqs.find((g) => prefix !== undefined && g.title.startsWith(`${prefix}: `)) ?? seqs[0];
}

/* ---- 6. Shapes and mechanisms (the critical sequence is drawn here) ---- */
function mechanismsStep(d: Design): StepDraft {
  const lines: Line[] = [];
  const spokenSet = spokenMechanisms(d);
  const base = spokenSet.filter((m) => m.kind === "base");
  const baseIds = new Set(base.map((m) => m.id));
  const allCompanions = spokenSet.filter(
    (m) => m.kind === "companion" && !(COVERED_BY[m.id] ?? []).some((b) => baseIds.has(b)),
  );
  const lead = leadMechanism(d);
  const hard = hardRule(d);
  const guards = hard ? guardsOf(d, hard.statement) : [];
  // a second guard the rule names in its own words ("a conditional write") shares the credit: a lease's
  // expiry frees a dead holder, the conditional write is what grants to one
  // else a companion pulled in by the rule itself and paired with it ("the invariant '…' spans several records"):
  // a conditional update over several rows holds the rule only inside one transaction
  const partner =
    lead && guards[0] === lead && guards[1] && hard && overlap(stems(guards[1].name), stems(hard.statement)) >= 1
      ? guards[1]
      : lead && guards[0] === lead && hard
        ? d.mechanisms.find(
            (m) =>
              m.kind === "companion" &&
              m.protects === hard.statement &&
              m.because.some((b) => b.includes(`'${hard.statement}'`)),
          )
        : undefined;
  // the partner said with the core mechanism is not added again under its predicate
  const companions = allCompanions.filter((m) => m !== partner);
  if (lead) {
    const leadName = withArticle(lowerFirst(speakable(lead.name)));
    const unkept = hard !== undefined && unkeptStated(d, hard.statement);
    if (hard && guards[0] === lead && partner && !unkept)
      lines.push(
        ...core(`The core mechanism is ${leadName}`),
        ...core(
          `Together with ${withArticle(lowerFirst(speakable(partner.name)))}, it keeps ${ruleName(d, hard.statement)}`,
        ),
      );
    else if (
      hard &&
      !unkept &&
      (guards[0] === lead || lead.protects === hard.statement || keptByMechanism(d, hard.statement) === lead)
    )
      lines.push(...core(`The core mechanism is ${leadName}`), ...core(`It keeps ${ruleName(d, hard.statement)}`));
    else {
      // a mechanism that does not keep the hard rule is never called its core: step four said, once, that nothing
      // keeps a stated rule yet; here the mechanism is named by the other rule it does keep
      // the other rule said inline by its main clause, so a step that already said it whole leaves nothing dangling
      const c = lead.protects === NO_INVARIANT || lead.serves ? undefined : firstClause(lead.protects);
      const other = c ? lowerFirst(mainClause(c).split(/:\s/)[0]?.replace(/[.]$/, "") ?? "") : "";
      const inline = `The mechanism that matters most here is ${leadName}, which keeps a different rule: ${other}`;
      if (other && countWords(inline) <= COMFORT_WORDS + 5) lines.push(...core(inline));
      else
        lines.push(
          ...core(
            c
              ? `The mechanism that matters most here is ${leadName}, and it keeps a different rule`
              : `The mechanism that matters most here is ${leadName}`,
          ),
          ...(c ? core(c) : []),
        );
    }
  }
  lines.push(...exactlyOnce(d, spokenSet));
  // a mechanism a decision chose against is not one that matters most (it is said with that decision, if at all)
  const others = base.filter(
    (m) => m !== lead && m !== partner && !decidedAgainst(d.decisions, m.id, d.archetypes[0]?.id),
  );
  const rest = uniq(others.map((m) => lowerFirst(speakable(m.name))));
  if (rest.length > 0) {
    // where each of the three named has a path it guards, the placements name them: a list of them first, then each
    // again with its path, says every name twice
    const guards = guardLines(d, others);
    const placedAll = rest.slice(0, 3).every((r) => guards.placed.has(r));
    if (!placedAll) lines.push(...core(leansOn(rest)));
    lines.push(...detail(beforeGloss(others)));
    lines.push(
      ...guards.lines.map(
        (l, i): Line =>
          !placedAll
            ? l
            : { text: i === 0 ? `Around it, ${lowerFirst(l.text)}` : l.text, keep: i === 0 ? "core" : l.keep },
      ),
    );
  }
  // Companions, grouped by the predicate that pulls them in: the condition, then what it adds.
  const byPredicate = new Map<string, string[]>();
  for (const m of companions) {
    const id = predicateOf(m);
    byPredicate.set(id, [...(byPredicate.get(id) ?? []), lowerFirst(speakable(m.name))]);
  }
  let i = 0;
  for (const [id, names] of byPredicate) {
    const reason = predicateReason(d, id);
    // the condition in at most two short sentences: "An acquire whose reply was lost is retried. Without …"
    const said = reason ? clauses(reason, COMFORT_WORDS).slice(0, 2) : [];
    const text = said[0];
    if (!text) continue;
    for (const t of said) lines.push({ text: t, keep: i < 2 ? "core" : "detail" });
    const verb = ADD_LEADS[i % ADD_LEADS.length] ?? "So I add";
    lines.push({ text: sentence(`${verb} ${andList(names.map(withArticle))}`), keep: i < 2 ? "core" : "detail" });
    i++;
  }
  // a pick is never said without its reason: the first decision keeps reason and cost, the second its reason
  shownDecisions(d.decisions)
    .slice(0, 2)
    .forEach((dec, k) => {
      const [pick, ...why] = sayDecision(dec);
      // a pick past one breath says the option it beats first: that sentence and the reason after it stay together
      const beats = why[0]?.startsWith("The alternative is ") ? 1 : 0;
      const reasoned = why.length > beats && !/^The cost is/.test(why[beats] ?? "");
      const keep = (i: number): Line["keep"] => (k === 0 || (i <= beats && reasoned) ? "core" : "detail");
      // a pick the design's own figures made says them beside its reason
      const numbers = figuresDecide(d, dec);
      lines.push(
        { text: pick ?? "", keep: k === 0 || reasoned ? "core" : "detail" },
        ...why.map((t, i) => ({ text: t, keep: keep(i) }) as Line),
        ...(numbers ? [{ text: numbers, keep: k === 0 ? "core" : "detail" } as Line] : []),
        // and the condition that would flip it, so the trade-off is heard whole: what I pick, why, at what cost, and
        // when the other option would win (a detail: a tight round keeps the pick and its reason)
        // (the first decision's: the second's stays a follow-up the interviewer may ask)
        ...(k > 0 || why.some((t) => /\bwould (?:never )?win\b|\bwins\b/.test(t)) ? [] : detail(sayFlip(dec, true))),
      );
    });
  // the further decisions fill the step's time: each with its runner-up, its reason and what would flip it, said
  // here rather than offered as a deep dive (`furtherDecisions`); they are details, so a tight round drops them
  const further = furtherDecisions(d);
  if (further.length > 0)
    lines.push(
      ...detail(
        further.length === 1 ? "I'd make one more choice" : `I'd make ${numberWord(further.length)} more choices`,
      ),
    );
  for (const dec of further) {
    // the step's first picks open "I'd pick"; a further one opens in its own words, so three picks in a row never
    // open alike
    const [first = "", ...rest] = sayDecision(dec);
    lines.push(...[first.replace(/^I'd pick /, "I'd take "), ...rest].flatMap((t) => detail(t)));
    lines.push(...detail(figuresDecide(d, dec)));
    lines.push(...detail(sayFlip(dec, true)));
  }
  // how the regions share the state, where a chosen option names the protocol: said whole, since the design rests on it
  lines.push(...regionalProtocolSaid(d).map((text): Line => ({ text, keep: "core" })));
  const seq = subjectSequence(d);
  const cue: DiagramCue | undefined = seq
    ? {
        kind: "sequence",
        title: seq.title,
        say: `Let me draw ${protocolName(d, seq.title, "sequence")}, with who asks whom.`,
      }
    : undefined;
  const followUps: FollowUp[] = [];
  // two decisions' flips the body has not said (the first decision's flip is said in the body, so a further one
  // is offered instead: a flip asked after it was said would be dropped as a repeat)
  const spokenFlips = new Set(lines.map((l) => l.text));
  for (const [k, dec] of shownDecisions(d.decisions).entries()) {
    if (followUps.length >= 2) break;
    const picked = dec.options.find((o) => optionId(o) === dec.chosen || o.name === dec.chosen);
    const other = dec.options.find((o) => o !== picked);
    const flip = sayFlip(dec);
    const alt = other ? optionName(other.name) : "";
    const repeats =
      flip !== undefined && flip.length > 0 && flip.split(/(?<=[.?!])\s+(?=[A-Z])/).every((x) => spokenFlips.has(x));
    // a further decision's long option name read as a noun is likely a clause the form reader missed: asked as "pick
    // <it> instead" it would not be a sentence, so it is left to the cheat sheet
    const askable = k < 2 || optionForm(alt) !== "noun" || subjectAndVerb(alt) || countWords(alt) <= 6;
    if (other && flip && !repeats && askable)
      followUps.push({
        question: optionQuestion(alt),
        answer: flip,
      });
  }
  for (const [id, names] of [...byPredicate].slice(0, 2)) {
    const adds = PREDICATES.find((p) => p.id === id)?.addsBecause;
    const answer = adds ? firstClause(adds, 40) : undefined;
    if (answer) followUps.push({ question: `Why ${andList(names.map(withArticle))}?`, answer });
  }
  return { lines, cue, followUps };
}

/**
 * The base mechanisms beside the core, said as what the core works with ("Around it, I use three more: an idempotency key,
 * a put-if-absent and a version check"), never a bare count and a list read off a table; past three, the three that
 * matter most.
 */
function leansOn(rest: readonly string[]): string {
  const named = rest.map(withArticle);
  if (named.length === 1) return `Around it, I use one more mechanism, ${named[0]}`;
  if (named.length <= 3) return `Around it, I use ${numberWord(named.length)} more: ${andList(named)}`;
  return `Around it, three more matter most: ${andList(named.slice(0, 3))}`;
}

/** Most base mechanisms step 6 places on the paths they guard. */
const GUARDED_MECHANISMS = 4;

/**
 * Each base mechanism beside the core said with the design's own paths it works on ("An idempotency key guards
 * crediting the destination account and accepting the request"), so a listener hears where each one sits.
 */
function guardLines(d: Design, ms: Design["mechanisms"]): { lines: Line[]; placed: Set<string> } {
  const out: Line[] = [];
  const placed = new Set<string>();
  for (const m of ms) {
    if (out.length >= GUARDED_MECHANISMS) break;
    const phrases = m.because
      .map((b) => d.operations.find((o) => b.startsWith(o.phrase))?.phrase)
      .filter((x): x is string => x !== undefined);
    const paths = said(names(phrases)).slice(0, 2);
    if (
      paths.length === 0 ||
      !paths.every((x) => startsWithVerb(x.replace(/^(\w+)ing\b/, "$1")) || /ing\b/.test(x.split(" ")[0] ?? ""))
    )
      continue;
    const all = paths.map((x) => (/^\w+ing\b/.test(x) ? x : doing(x)));
    // a bare gerund beside one with the same verb and its object ("accepting the order and accepting") is said once
    const gerunds = all.filter((g, i) => !(/^\w+$/.test(g) && all.some((h, j) => j !== i && h.startsWith(`${g} `))));
    const guarded = andList(gerunds);
    const by = withArticle(lowerFirst(speakable(m.name)));
    // each placement in its own words: four "… is guarded by …" in a row is a list read aloud
    const form = out.length % 3;
    out.push(
      ...detail(
        form === 0
          ? `${guarded} ${gerunds.length > 1 ? "are" : "is"} guarded by ${by}`
          : form === 1
            ? `${by} is what guards ${guarded}`
            : `For ${guarded}, I use ${by}`,
      ),
    );
    placed.add(lowerFirst(speakable(m.name)));
  }
  return { lines: out, placed };
}

/** Decisions after the first two that step 6 says in its body, with what would flip each. */
const FURTHER_DECISIONS = 3;

/** Most words a further decision's sentence may take to be said in the body. */
const FURTHER_SENTENCE_WORDS = 32;

/** The decisions step 6 says after its first two, each with its runner-up and its flip (so no deep dive offers them). */
export function furtherDecisions(d: Design): Design["decisions"] {
  return (
    shownDecisions(d.decisions)
      .slice(2, 2 + FURTHER_DECISIONS)
      // a pick whose sentence runs long (two long option names joined) is left to the cheat sheet
      .filter((dec) => {
        const said = sayDecision(dec);
        // and so is one whose reason has no verb ("because a consensus-replicated store")
        const reasoned = (t: string) => {
          const why = /\bbecause ([^,;:.()?]+)/.exec(t)?.[1];
          return why === undefined || isClause(why);
        };
        return said.length > 0 && said.every((t) => countWords(t) <= FURTHER_SENTENCE_WORDS && reasoned(t));
      })
  );
}

/**
 * A noun-looking option name that opens with a plural subject and its base verb ("clients subscribe only to users on
 * screen and …"): asked as what I would have them do ("When would you rather have clients subscribe …?").
 */
const subjectAndVerb = (alt: string): boolean =>
  optionForm(alt) === "noun" &&
  /^[a-z]{3,}s(?<!ss|us|is)\s+[a-z]{3,}(?<!s|ed|ing|ly)\s/.test(alt) &&
  isConditionClause(alt);

/** Asking when the other option would win, in the option's own form. */
function optionQuestion(alt: string): string {
  if (subjectAndVerb(alt)) return `When would you rather have ${alt}?`;
  const form = optionForm(alt);
  if (form === "clause") return `When would a design where ${alt} win?`;
  // "offer to several drivers at once, and the first acceptance wins" carries a clause of its own after a comma
  if (form === "instruction")
    return alt.includes(", ") ? `When would you rather ${alt}?` : `When would you ${alt} instead?`;
  return form === "modifier" ? `When would you go ${alt} instead?` : `When would you pick ${alt} instead?`;
}

/** A product as said after "use": a kind of thing ("PostgreSQL lease table") takes an article. */
function product(name: string): string {
  // a kind of storage named in common words ("Object storage for …") is not a proper name
  const t = speakable(name).replace(/^(Object|Segment|Local|Sharded|Replicated|Embedded|Partitioned)\b/, (w) =>
    w.toLowerCase(),
  );
  // "Apache Kafka as the change log" is a product named for a role: its kind is the words before "as"
  const kind = t.split(/\s+as\s+(?:the|a|an|our)\s+/)[0] ?? t;
  return /\b(table|tables|store|log|queue|cluster|index|library|database|engine|broker)$/.test(kind) && !/s$/.test(kind)
    ? withArticle(t)
    : t;
}

/** Most words a product's fit is said in when asked: its facts one sentence each, as many as fit. */
const FIT_WORDS = 45;

/**
 * How a product fits, said as sentences: each of its facts on its own (never four spliced with commas), as
 * many as fit in a short answer; a description without a verb ("Managed ordered shards with …") is said as
 * what the product gives.
 */
function fitSaid(fits: string, subject = "It"): string | undefined {
  const out: string[] = [];
  let words = 0;
  for (const c of clauses(fits, 40)) {
    if (out.length > 0 && words + countWords(c) > FIT_WORDS) break;
    out.push(c);
    words += countWords(c);
  }
  const first = out[0];
  if (!first) return undefined;
  // a proper name leading the description keeps its capital ("Raft-replicated key space")
  const named = /^(?:Raft|Paxos|Kafka|Redis|Prometheus|PostgreSQL|ZooKeeper|[A-Z][A-Z0-9]+)\b/.test(first);
  // a predicate whose subject was left off ("Computes and streams route snapshots …") takes "It" as its subject
  if (subjectlessPredicate(first)) out[0] = sentence(`${subject} ${lowerFirst(first)}`);
  // a proper name followed by its own verb ("CRUSH computes placement …") is a clause already
  else if (!isClause(first) && !(named && /^\S+ [a-z]+(?<!ss|us|is)s\s/.test(first)))
    // a description with no verb is a thing the product gives, with its article ("a durable, cheap blob store")
    out[0] = sentence(`${subject} gives ${givenThing(named ? first : lowerFirst(first))}`);
  return out.join(" ");
}

/**
 * A product's description with no verb, said after "It gives": a singular count noun takes its article ("a durable,
 * cheap blob store keyed by digest"); plurals and mass nouns stay bare ("token buckets and window counters …",
 * "managed object storage with …").
 */
function givenThing(phrase: string): string {
  const head = phrase.split(/\s+(?:with|for|of|that|which|keyed|per|in|on|across|by|and|or)\s+/)[0] ?? phrase;
  const words = head.split(/[\s,]+/).slice(0, 4);
  const plural = words.some((w) => /^[a-z-]{3,}(?<!ss|us|is)s$/i.test(w));
  return plural || /\b(?:storage|software|data|hardware)$/i.test(head) ? phrase : withArticle(phrase);
}

/**
 * Why a product is avoided, said by its reason after the row's "tempting, but …" lead: a bracketed aside (a source,
 * "(Memcached wiki, Overview; memcached protocol, gets and cas)") goes first, so a semicolon inside it never cuts the
 * sentence into "memcached protocol, gets and cas)".
 */
export function avoidWhy(why: string): string | undefined {
  // the reason after "tempting, but" is said when it is a clause of its own ("it cannot keep every acknowledged write
  // when a node fails"); what follows its colon is the product's own detail
  const lead = /^tempting, but ([^:;(]+)/i.exec(why)?.[1]?.trim();
  if (lead && countWords(lead) <= 25 && /^(?:it|they|its|their)\b/i.test(lead) && isFiniteClause(lead))
    return sentence(lead);
  return clauses(why.replace(/\s*\((?:[^()]|\([^()]*\))*\)/g, "").replace(/^tempting, but[^;]*;\s*/i, ""), 40)[0];
}

/* ---- 7. Serving paths ---- */
/** Whether the prompt names a product (a word of its name, four letters or more and not a vendor's, is in it). */
const namesProduct = (d: Design, product: string): boolean => {
  const asked = d.prompt.toLowerCase();
  return product
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .some(
      (w) =>
        w.length >= 4 && !["amazon", "apache", "google", "azure", "with", "table"].includes(w) && asked.includes(w),
    );
};

function servingStep(d: Design): StepDraft {
  const lines: Line[] = [];
  const group = (k: string) => said(names(d.readPaths.filter((r) => r.servedBy === k).map((r) => r.read)));
  // one read named by two archetypes' paths is said once, in the nearest class to the authority
  const auth = group("authority");
  const replica = group("replica").filter((r) => !auth.includes(r));
  const derived = group("derived copy").filter((r) => !auth.includes(r) && !replica.includes(r));
  const say = (names: string[], where: string) =>
    names.length > 3
      ? `${numberWord(names.length)} reads ${where}, among them ${andList(names.slice(0, 2))}`
      : `${numberWord(names.length)} ${names.length === 1 ? "read" : "reads"} ${where}: ${andList(names)}`;
  // a design choice, not a law: Kafka consumers read from the leader by default but may fetch from a follower (KIP-392)
  // each class with the design's own reason for serving it there, said once
  const whyServed = (k: string, n: number) => {
    const whys = d.readPaths.filter((r) => r.servedBy === k).map((r) => r.because);
    const top = whys.sort((a, b) => whys.filter((w) => w === b).length - whys.filter((w) => w === a).length)[0];
    // the engine's own wording of a source ("I16's stance", quotes) is not said
    // a reason with its own explanation after a colon is said up to the colon
    const reason = top?.split(/:\s/)[0]?.trim();
    if (!reason || /['_]|\bI\d\d\b/.test(reason) || countWords(reason) > 26 || !isFiniteClause(reason)) return [];
    return detail(`${n === 1 ? "It goes" : "They go"} there because ${lowerFirst(reason)}`);
  };
  if (auth.length > 0)
    lines.push(
      ...core(say(auth, auth.length === 1 ? "goes to the authority" : "go to the authority")),
      ...whyServed("authority", auth.length),
    );
  if (replica.length > 0)
    lines.push(...core(say(replica, "can use a replica")), ...whyServed("replica", replica.length));
  if (derived.length > 0)
    lines.push(...core(say(derived, "can use a derived copy")), ...whyServed("derived copy", derived.length));
  if (d.readPaths.length === 0) lines.push(...core("Every read goes to the authority"));
  const lagging = d.readPaths.find((r) => r.servedBy !== "authority");
  // "the lag we accept there" names one read's bound; with several reads off the authority it would
  // pin the first one's bound on all of them, so the question about that read says it instead
  const alone = d.readPaths.filter((r) => r.servedBy !== "authority").length === 1;
  if (lagging && alone) {
    const c = firstClause(lagging.staleness, COMFORT_WORDS);
    // "none: bytes under a digest never change" is two statements, said as two sentences
    const [lag = "", ...why] = (c ?? "").split(": ");
    if (c) lines.push({ text: sentence(`The lag we accept there: ${lowerFirst(lag)}`), keep: "detail" });
    if (c && why.length > 0) lines.push({ text: sentence(why.join(", ")), keep: "detail" });
  }
  // a read off the authority that still may not lag says where it must read, and why
  const fresh = d.readPaths.find((r) => r.servedBy !== "authority" && /^none:\s/.test(r.staleness));
  // (the one lagging read's own bound, already said with its reason above, is not said again)
  const saidAbove =
    alone && fresh !== undefined && fresh === lagging && firstClause(fresh.staleness, COMFORT_WORDS)?.includes(": ");
  if (fresh && !saidAbove) lines.push(...detail(clauses(fresh.staleness.replace(/^none:\s*/, ""), 34)[0]));
  // Never recommend buying the system the prompt asks us to design.
  const named = (product: string) => promptRead(d, namesProduct, product);
  const tech = d.technology
    .map((t) => ({ ...t, choices: t.choices.filter((c) => !named(c.product)) }))
    .filter((t) => t.choices.length > 0);
  const store = tech[0];
  // One technology line: the store. A second layer's product (a workflow engine beside hand-built
  // outbox tables, a coordination service beside the store being designed) would contradict the design.
  // a product that is itself a system of the kind the prompt asks to build (etcd for a lock service) is
  // something to build on, said as such, never as the answer to the prompt
  const lead = d.archetypes[0]?.id;
  const kin = new Set(
    (lead ? (ARCHETYPE_BY_ID.get(lead as ArchetypeId)?.signals.systems ?? []) : []).flatMap((x) => [
      x.name.toLowerCase(),
      ...x.aliases.map((a) => a.toLowerCase()),
    ]),
  );
  const picks = store?.choices.slice(0, 2) ?? [];
  const buildsOn = picks.length > 0 && picks.every((c) => kin.has(c.product.toLowerCase()));
  if (store && buildsOn)
    lines.push(
      ...core(`If I may build on an existing store, it's ${orList(picks.map((c) => product(c.product)))}`),
      ...core("Everything else I drew is my service on top of it"),
    );
  else if (store && picks[0]?.product === BUILT_IN_HOUSE) {
    // the system asked for keeps its own records: said as the part it builds, never "I'd use built in-house"
    const part = picks[0].component?.replace(/\s*\([^)]*\)/g, "");
    lines.push(
      ...core(
        part
          ? `For the ${store.layer} I'd build our own: the ${lowerFirst(part)} I drew, not a product bought whole`
          : `For the ${store.layer} I'd build our own part, not a product bought whole`,
      ),
    );
  } else if (store) {
    // a store the design loads past one primary or node is said split, by the count it sizes ("over 600 shards")
    const split = picks[0]?.split?.split(":")[0];
    lines.push(
      ...core(
        `For the ${store.layer} I'd use ${orList(picks.map((c) => product(c.product)))}${split ? `, ${split}` : ""}`,
      ),
    );
  }
  // what the store gives this design is said right after it, so no follow-up asks it
  // with two products named, the description is the first one's and says so ("DynamoDB gives …"): "It gives" after
  // "DynamoDB or TiKV or FoundationDB" would claim DynamoDB's Multi-Paxos partitions for the others too
  const fit =
    store && !buildsOn && picks[0]?.product !== BUILT_IN_HOUSE && picks[0]
      ? fitSaid(picks[0].fits, picks.length > 1 ? product(picks[0].product) : "It")
      : undefined;
  if (fit) lines.push(...core(fit));
  lines.push(...commitRuleSaid(d, picks).flatMap((t) => core(t)));
  lines.push(...partChains(d).flatMap((t) => detail(t)));
  const chosen = new Set(tech.flatMap((t) => t.choices.map((c) => c.product)));
  const avoid = d.technology.find((t) => t.avoid && !chosen.has(t.avoid.product))?.avoid;
  if (avoid) {
    lines.push(...detail(`I'd avoid ${speakable(avoid.product)} here`));
    // with its reason, so the avoidance is not a bare verdict (its follow-up then repeats it and is left out)
    const why = avoidWhy(avoid.why);
    if (why) lines.push(...detail(why));
  }
  const followUps: FollowUp[] = [];
  const pick = store?.choices[0];
  if (pick && !fit)
    followUps.push({
      question: `How ${/s$/.test(product(pick.product).split(/\s+(?:with|on|for|in)\s+/)[0] ?? "") ? "do" : "does"} ${product(pick.product)} fit?`,
      answer: fitSaid(pick.fits) ?? sentence(speakable(pick.product)),
    });
  if (avoid) {
    const why = avoidWhy(avoid.why);
    if (why) followUps.push({ question: `Why not ${speakable(avoid.product)}?`, answer: why });
  }
  if (lagging) {
    const c = firstClause(lagging.staleness, 40);
    const n = actionName(lagging.read);
    if (c && n) followUps.push({ question: `How stale can "${n}" be?`, answer: c });
  }
  return { lines, followUps };
}

/**
 * The chosen store's own commit rule and failover, said right after the store where the design keeps its truth on
 * that store's one primary with a synchronous standby (`sync-standby-replication`, engine/truth-store.ts) and the
 * store picked commits on its primary first (PostgreSQL, MySQL: knowledge/product-facts.ts): what an acknowledgement
 * waits for, who fences the old primary, and what a failover keeps, so no majority vote of the design's own is implied.
 */
function commitRuleSaid(d: Design, picks: readonly { product: string }[]): string[] {
  if (!d.mechanisms.some((m) => m.id === "sync-standby-replication")) return [];
  const facts = picks.flatMap((c) => factsOf(c.product));
  if (facts.length === 0 || !facts.every((f) => f.commit === "primary-first")) return [];
  // MySQL's semisynchronous source falls back to asynchronous replication after its timeout (10 s by default), which
  // would let a failover lose acknowledged commits: said with the setting that keeps it waiting
  const mysql = facts.every((f) => f.name === "MySQL");
  return [
    mysql
      ? "Each commit is acknowledged only once a semisynchronous replica has it, with the fallback timeout raised so it never quietly turns asynchronous"
      : "Each commit is acknowledged only once its synchronous standby holds it",
    `If the primary fails, the failover manager fences it and promotes that ${mysql ? "replica" : "standby"}, so no acknowledged commit is lost`,
  ];
}

/** A capacity figure's kind (hotspot, peak, storage, …) when the design labels it. */
export const figureKind = (c: Design["capacity"][number]): string => (c as { kind?: string }).kind ?? "";

type Figure = Design["capacity"][number];

/** The figure a sizing discussion starts from when no hotspot names one: the hotspot, else the peak, else the largest rate. */
function byRank(d: Design): Figure | undefined {
  return perScript(d, byRank, undefined, () => {
    const byKind = (k: string) => d.capacity.find((c) => figureKind(c) === k);
    const rates = d.capacity.filter((c) => /\/s\b|per second/i.test(`${c.unit} ${c.quantity}`));
    return byKind("hotspot") ?? byKind("peak") ?? [...rates].sort((a, b) => b.value - a.value)[0] ?? d.capacity[0];
  });
}

type Bottleneck = Design["bottlenecks"][number];

/** The figure said as a bottleneck's number: the one its formula names by quantity, else the one sharing most words with it. */
function figureOf(d: Design, b: Bottleneck): Figure | undefined {
  return perScript(d, figureOf, b, () => {
    const lhs = b.formula?.split(" = ")[0]?.trim();
    const exact = lhs ? d.capacity.find((c) => c.quantity === lhs) : undefined;
    if (exact) return exact;
    const words = stems(b.bottleneck);
    const rank = (c: Figure) => ["hotspot", "peak", "rate"].indexOf(figureKind(c)) + 1 || 9;
    // the bottleneck's own archetype's figures first: a substrate's leader load is not the lease store's hotspot
    const own = (c: Figure) => (c.archetype === b.archetype ? 0.5 : 0);
    return d.capacity
      .map((c, i) => ({ c, i, score: overlap(words, figureStems(d, c)) + own(c) }))
      .filter((x) => x.score >= 1.5)
      .sort((a, b) => b.score - a.score || rank(a.c) - rank(b.c) || a.i - b.i)[0]?.c;
  });
}

/** The figure that sizes a bottleneck, as the design ranked it (its `load`). */
function loadOf(d: Design, b: Bottleneck): Figure | undefined {
  const id = b.load?.figure;
  return id ? d.capacity.find((c) => c.id === id) : undefined;
}

/** What one unit handles, compared with a load: the figure that divides it, the unit ("leader") and the per-unit input. */
interface Ceiling {
  room: Figure;
  per: string;
  input: Input;
  /** The figure divided: the load itself, or the total it is an even split of. */
  load?: Figure;
}

/** A bottleneck's ceiling, as the design ranked it: what one leader, primary, core or account handles. */
function ceilingFor(d: Design, b: Bottleneck): Ceiling | undefined {
  return perScript(d, ceilingFor, b, () => {
    const c = b.ceiling;
    const room = c ? d.capacity.find((x) => x.id === c.figure) : undefined;
    if (!c || !room) return undefined;
    const input: Input = {
      name: c.input,
      value: c.value,
      ...(c.unit !== undefined ? { unit: c.unit } : {}),
      source: c.source,
      because: c.because,
    };
    const load = d.capacity.find((x) => x.id === c.load);
    return { room, per: c.per, input, ...(load ? { load } : {}) };
  });
}

/** The bottleneck said as the first hotspot: the design's first (the engine ranks a row loading the same unit closer to its ceiling ahead). */
export function hotBottleneck(d: Design): Bottleneck | undefined {
  return d.bottlenecks[0];
}

/** The figure that sizes the first hotspot. */
function hotspotFigure(d: Design): Figure | undefined {
  return perScript(d, hotspotFigure, undefined, () => {
    const hot = hotBottleneck(d);
    // the rate the design ranked the hotspot by, when it has one (a count or a size is said by the words' figure)
    const load = hot ? loadOf(d, hot) : undefined;
    return load && /^(?!B\/)[a-z]+\/s$/.test(load.unit) ? load : hot ? figureOf(d, hot) : undefined;
  });
}

/** Most figures step 7 sizes a part by, beside the one step 8 sizes. */
const PART_CHAINS = 2;

/**
 * The chains that decide a part's size (a figure that sets or counts shards, nodes or workers, then what a store
 * holds), said in step 7 where the parts are placed: "At 1.5 thousand workflows a second times 3 writes for each workflow, that's 5 shards". The
 * figure step 8 sizes, its split, and any figure that reads it or that it reads are left to step 8.
 */
function partChains(d: Design): string[] {
  const size = sizing(d);
  const taken = new Set([size?.hot.id, size?.split?.each.id, size?.split?.over.id].filter(Boolean) as string[]);
  const reads = (f: Figure, id: string) => new RegExp(`\\b${id}\\b`).test(f.formula.split(" = ")[1] ?? "");
  const near = (c: Figure) =>
    [...taken].some((id) => reads(c, id)) || d.capacity.some((t) => taken.has(t.id) && reads(t, c.id));
  const out: string[] = [];
  // a count of parts first (shards, brokers, workers), then what the store holds
  const rank = (c: Figure) => (c.sets ? 0 : c.kind === "count" ? 1 : 3);
  for (const c of [...d.capacity].filter((x) => rank(x) < 3).sort((a, b) => rank(a) - rank(b))) {
    if (out.length >= PART_CHAINS) break;
    // a least or greatest of two drivers is step 8's to explain by the one that sets it
    if (taken.has(c.id) || near(c) || (/\b(?:min|max)\(/.test(c.formula) && !c.drivenBy)) continue;
    // the chain is said under what it sizes, so its result is never a bare number ("that's 15 thousand instances")
    const what = lowerFirst(
      speakable(c.quantity)
        .replace(/\s*\([^)]*\)/g, "")
        .split(/[:;,]\s/)[0] ?? "",
    ).trim();
    const line = chainLine(d, c);
    // a chain said with its inputs in a row ("…, with a ratio of 3 and 10 thousand …") hides how they combine
    if (!line || !what || countWords(what) > 9 || !/^At /.test(line) || /, with\b/.test(line)) continue;
    const said = `For ${/^(?:the|a|an|one|each|every)\s/i.test(what) ? what : `the ${what}`}, ${lowerFirst(line)}`;
    if (countWords(said) <= BREATH_WORDS && !spliceDefect(said) && !/[a-z0-9]_[a-z0-9]/i.test(said) && !unsaid(d, said))
      out.push(said);
  }
  return out;
}

/**
 * A sizing chain no one would say: a ratio result ("about 8.6 thousand x"), a number with more digits than anyone
 * says ("5.79 writes"), or an input's variable read after its number ("50 thousand review reads per sec").
 */
function unsaid(d: Design, said: string): boolean {
  if (/\d x\b/.test(said) || /\b\d+(?:,\d{3})*\.\d{2,}\b/.test(said)) return true;
  return d.capacity
    .flatMap((f) => f.inputs.map((i) => i.name))
    .filter((n) => n.includes("_"))
    .map((n) => n.replace(/_/g, " "))
    .filter((v) => !/^[a-z]+s(?: per [a-z]+){1,2}$/.test(v))
    .some((v) => new RegExp(`\\d(?: thousand| million| billion)? ${v}\\b`, "i").test(said));
}

/**
 * The numbers step 8 says: the hottest figure, and when it is an even split of a total (or a total that
 * is split), both, so an average per partition is never called the hottest number.
 */
function sizing(d: Design): { hot: Figure; split?: { each: Figure; over: Figure } } | undefined {
  return perScript(d, sizing, undefined, () => {
    const f = hotspotFigure(d) ?? byRank(d);
    if (!f) return undefined;
    const up = splitOf(d.capacity, f);
    // an even split over a single group is the total itself: "3 thousand on each" of one group says nothing
    if (up && up.over.value <= 1) return { hot: up.total };
    if (up) return { hot: up.total, split: { each: f, over: up.over } };
    const down = d.capacity.find((c) => splitOf(d.capacity, c)?.total === f);
    const over = down ? splitOf(d.capacity, down)?.over : undefined;
    return down && over ? { hot: f, split: { each: down, over } } : { hot: f };
  });
}

/** A spoken part of a formula: its words, and whether it is a sum or product that needs a pause around it. */
interface Said {
  text: string;
  compound: boolean;
  /** a parenthesised sum or product: a pause (comma) before the operator that follows it */
  paren?: boolean;
  fraction?: boolean;
  /** the operands and operators at the top of a compound, so a bracketed one is said by what groups it */
  parts?: string[];
  ops?: string[];
  /** a part is itself a product or quotient */
  mixed?: boolean;
  /** the first term of a sum, as said */
  head?: Said;
}

/**
 * A bracketed sum, difference or product said so a listener hears what groups it, since spoken words carry no
 * brackets: "(regions - 1)" is "one less than 2 regions", "(a + b)" is "the sum of a and b", "(a * b)" after "over"
 * is "the product of a and b". A mix of operators inside keeps its words and the pause before what follows.
 */
function groupedSaid(inner: Said): string | undefined {
  const ops = inner.ops ?? [];
  const parts = inner.parts ?? [];
  if (ops.length === 0 || parts.length !== ops.length + 1) return undefined;
  if (ops.length === 1 && parts[1] === "1" && (ops[0] === "-" || ops[0] === "+")) {
    // "one less than the product of 3 replicas and 2 regions", never "one less than 3 replicas times 2 regions"
    const h = inner.head;
    const product = h?.ops && h.ops.length > 0 && h.ops.every((o) => o === "*") && h.parts ? h.parts : undefined;
    return `one ${ops[0] === "-" ? "less" : "more"} than ${product ? `the product of ${andList(product)}` : parts[0]}`;
  }
  if (inner.mixed) return undefined;
  if (ops.every((o) => o === "+")) return `the sum of ${andList(parts)}`;
  if (ops.length === 1 && ops[0] === "-") return `the difference between ${parts[0]} and ${parts[1]}`;
  if (ops.every((o) => o === "*")) return `the product of ${andList(parts)}`;
  return undefined;
}

/** A value divided by a small whole number, said as a part of it. */
const PARTS: Record<string, string> = { "2": "half", "3": "a third", "4": "a quarter" };

const RATE_WORDS: Record<string, string> = { msg: "messages", req: "requests", ops: "operations" };

/**
 * A figure's formula said with its inputs' values ("(renewals + writes) * peak_factor" -> "30 thousand
 * writes a second plus 1000 writes a second, times a peak-to-average traffic ratio of 3"): each name is a
 * figure's rounded value or an input's value with its spoken label, so the listener can redo the sum.
 * Undefined when the formula is a bare copy of one value or uses a name the figure does not carry.
 */
export function formulaSaid(d: Design, f: Figure, single = false): string | undefined {
  return perScript(d, formulaSaid, f, () => {
    // a count sized by the larger of several drivers is said by the driver that sets it
    const rhs = f.drivenBy?.term ?? f.formula.split(" = ")[1] ?? "";
    const tokens = rhs.match(/[A-Za-z_][A-Za-z0-9_]*|\d+(?:\.\d+)?|[-+*/()]/g) ?? [];
    let at = 0;
    let unknown = false;
    const name = (id: string): Said => {
      const fig = d.capacity.find((c) => c.id === id && c !== f);
      if (fig) {
        // a figure that only reads a stated number back is that number, said as the prompt said it
        const back = statedReadBack(fig);
        if (back) return { text: `the stated ${back}`, compound: false };
        return { text: countedSaid(fig, speakFigure(fig.display).replace(/^about /, "")), compound: false };
      }
      const found = f.inputs.find((x) => x.name === id);
      // an input derived only as a stated one ("cache_sites derived as nodes") is the stated number in the prompt's words
      const origin = found && statedOrigin(f, found);
      const input =
        origin !== found && givenWords(origin?.because, origin?.unit ?? unitOfQuantity(origin?.name)) ? origin : found;
      if (!input) {
        unknown = true;
        return { text: id, compound: false };
      }
      const q = QUANTITY_BY_ID.get(id);
      const unit = input.unit ?? q?.unit;
      // a utilisation scales the capacity it follows ("at 50 percent utilisation"); any other share is said by its label
      if (unit === "fraction" && /utili[sz]ation/.test(id))
        return { text: `${+(input.value * 100).toPrecision(2)} percent utilisation`, compound: false, fraction: true };
      // a stated figure in the prompt's words ("72 hours"), never its quantity's label read as a definition
      const given =
        input.source === "stated" ? givenWords(input.because, input.unit ?? unitOfQuantity(input.name)) : undefined;
      if (given) return { text: (/\/s$/.test(input.unit ?? "") && statedSaid(input)) || given, compound: false };
      // a share whose label is a sentence of its own is said as the share; its reason names what it is a share of
      if (unit === "fraction" && /\b(?:that|which|who|how)\b/.test(q?.label ?? ""))
        return { text: `${+(input.value * 100).toPrecision(2)} percent`, compound: false };
      // a planned capacity said with what it is per: "10 thousand writes a second per leader"
      const per = perUnit(q?.label);
      const rate = unit ? /^(\w+)\/s$/.exec(unit)?.[1] : undefined;
      if (per && rate) {
        const amount =
          rate === "B" ? speakBytes(input.value) : `${speakNumber(input.value)} ${RATE_WORDS[rate] ?? rate}`;
        return { text: `${amount} a second per ${per}`, compound: false };
      }
      return { text: quantity(input.value, id, input.unit), compound: false };
    };
    const factor = (): Said => {
      const t = tokens[at++] ?? "";
      if (t === "(") {
        const inner = sum();
        at++;
        const grouped = groupedSaid(inner);
        return grouped ? { text: grouped, compound: true } : { ...inner, compound: true, paren: true };
      }
      if (/^\d/.test(t)) return { text: t === "86400" ? "86,400 seconds a day" : t, compound: false };
      return name(t);
    };
    const term = (): Said => {
      let left = factor();
      const parts = [left.text];
      const ops: string[] = [];
      while (tokens[at] === "*" || tokens[at] === "/") {
        const op = tokens[at++] ?? "*";
        const right = factor();
        parts.push(right.text);
        ops.push(op);
        // "10 thousand writes a second at 50 percent": a utilisation scales the capacity it follows
        // "a third of a lease duration of 10 seconds", never "10 seconds over 3"
        const part = op === "/" && !left.compound ? PARTS[right.text] : undefined;
        const joined = part
          ? `${part} of ${left.text}`
          : op === "*" && right.fraction
            ? `${left.text} at ${right.text}`
            : `${left.text}${left.paren ? "," : ""} ${op === "*" ? "times" : "over"} ${right.text}`;
        left = { text: joined, compound: true, fraction: undefined, ...(part || right.fraction ? {} : { parts, ops }) };
      }
      return left;
    };
    function sum(): Said {
      let left = term();
      const head = left;
      const parts = [left.text];
      const ops: string[] = [];
      // a product beside a sum ("a times b plus c") groups by its words only when the product is said first as one
      let mixed = left.compound;
      while (tokens[at] === "+" || tokens[at] === "-") {
        const op = tokens[at++] ?? "+";
        const right = term();
        mixed ||= right.compound;
        parts.push(right.text);
        ops.push(op);
        left = {
          // a product beside it is set off by a pause, the spoken bracket: "a, plus b times c"
          text: `${left.text}${mixed ? "," : ""} ${op === "+" ? "plus" : "minus"} ${right.text}`,
          compound: true,
          parts,
          ops,
          mixed,
          head,
        };
      }
      return left;
    }
    const out = sum();
    // (one value alone is a chain only where the caller asks for it by name)
    return unknown || (!out.compound && !single) ? undefined : out.text;
  });
}

/** The figure a sizing discussion starts from (the cheat sheet lists it first). */
function hottest(d: Design): Figure | undefined {
  return sizing(d)?.hot;
}

type Decision = Design["decisions"][number];
const optionId = (o: Decision["options"][number]): string => (o as { id?: string }).id ?? o.name;
/** The chosen option and the strongest alternative, whether `chosen` holds an option's id or its name. */
function choice(dec: Decision) {
  const picked = dec.options.find((o) => optionId(o) === dec.chosen || o.name === dec.chosen);
  const other = dec.options.find((o) => o !== picked);
  return { picked: speakable(picked?.name ?? dec.chosen), other: other ? speakable(other.name) : undefined };
}

/** A mechanism's generic failure row names the mechanism it comes from ("because the design uses lease with expiry"). */
const GENERIC = /^because the design uses (.+)$/;

/**
 * The failure rows this design may speak: the archetypes' and features' own failure modes first, then a
 * mechanism's generic row only when that mechanism is one the script speaks on the critical path. A
 * generic row for a mechanism pulled in elsewhere ("the holder crashes while it owns the resource" in a
 * metrics pipeline) belongs to another design's story and is never said.
 */
export function spokenFailures(d: Design): Design["failures"] {
  return perScript(d, spokenFailures, undefined, () => {
    const spoken = new Set(spokenMechanisms(d).map((m) => m.name));
    const own = d.failures.filter((f) => !GENERIC.test(f.source));
    const generic = d.failures.filter((f) => spoken.has(GENERIC.exec(f.source)?.[1] ?? ""));
    // (nor one whose fix was: its repair would be said beside it)
    return [...own, ...generic].filter((f) => failureSaid(f) !== undefined && !spliceDefect(f.prevention));
  });
}

/**
 * A failure said aloud as what happens: the row's description after its label ("Lease granted twice: two
 * claimants both read the resource as free …" -> "Two claimants both read the resource as free …"), never
 * the bare label ("stale owner accepted"); a row whose description is too long keeps its label, said in a sentence.
 */
function failureSaid(f: Design["failures"][number]): { label?: string; text: string } | undefined {
  // a row whose words were spliced upstream ("began to send an an") is left for the worksheet, never said
  if (spliceDefect(f.failure)) return undefined;
  const body = bodyOf(f.failure);
  const text = firstClause(ownReferent(f.failure, body), 30);
  if (text) return { text };
  const label = body ? headOf(f.failure) : undefined;
  return label ? { label, text: label } : undefined;
}

/**
 * A failure's body said without its label, with the label's subject in place of an opening "its" or
 * "their" that pointed back at it: "Dead member still listed: its lease expires late …" -> "The dead
 * member's lease expires late …".
 */
function ownReferent(failure: string, body: string | undefined): string {
  if (!body) return failure;
  const pronoun = /^(?:its|their)\s+/i.exec(body.trim());
  const label = headOf(failure) ?? "";
  const subject = label.split(/\s+(?=(?:still|never|not|no longer|is|are|was|were|gets?|[a-z]+ed)\b)/i)[0]?.trim();
  if (!pronoun || !subject || countWords(subject) > 4 || subject === label) return body;
  return `The ${lowerFirst(subject)}'s ${body.trim().slice(pronoun[0].length)}`;
}

/**
 * A failure's fix as one sentence: its first clause, or when that is too long to say, its first alternative
 * ("Accept samples from one elected replica per cluster and drop the other's, or keep both and …" -> the part
 * before ", or").
 */
function fixSaid(prevention: string): string | undefined {
  const whole = clauses(prevention, RULE_WORDS)[0];
  if (whole) return asFix(whole);
  const first = speakable(prevention).split(/,\s+or\s+/)[0] ?? "";
  return first && countWords(first) <= RULE_WORDS ? asFix(sentence(first)) : undefined;
}

/**
 * A fix cell said as a sentence: an instruction ("Use a conditional put …") or a clause stands as it is; a
 * table cell that only names the fix ("Atomic refill-and-decrement on the shard …", "A client-generated message
 * id, deduplicated …") is said as "The fix is …", never read out as a sentence of its own.
 */
export function asFix(text: string, noun = "fix"): string {
  // a cell that names the fix, with or without an explanation after a colon ("A panic threshold: below a minimum
  // healthy fraction, route across all backends"), is said as what the fix is; one with a verb stands as it is
  if (namesOnly(text) || (/^(?:a|an|one)\s/i.test(text) && !startsWithInstruction(text) && !hasVerb(text)))
    return sentence(`The ${noun} is ${lowerFirst(text.replace(/[.]$/, ""))}`);
  // a list of remedies read as a sentence ("CDN caches per region, staged rollout, peer-to-peer distribution") is
  // said as the list it is, with its "and"
  const items = text.replace(/[.]$/, "").split(/,\s+/);
  if (
    items.length >= 3 &&
    items.every((x) => !isClause(x) && !startsWithInstruction(x) && !/\b(?:and|or)$/.test(x)) &&
    !/^(?:and|or)\s/.test(items[items.length - 1] ?? "")
  )
    return sentence(`The ${noun === "fix" ? "fixe" : noun.replace(/y$/, "ie")}s are ${andList(items.map(lowerFirst))}`);
  return text;
}

/** Whether a sentence only names a thing (a table cell: "Atomic refill-and-decrement on …"), with no verb of its own. */
export function namesOnly(text: string): boolean {
  const first = (text.split(/\s+/)[0] ?? "").replace(/[,:]$/, "");
  const second = (text.split(/\s+/)[1] ?? "").toLowerCase();
  if (startsWithInstruction(text)) return false;
  // its own verb, outside a relative clause ("Stale reads are tolerated"), makes it a sentence
  const head = text.split(/\b(?:that|which|who|where|when|while|so|because|if|unless)\b/)[0] ?? text;
  if (/\b(?:is|are|was|were|can|cannot|must|may|will|would|should|has|have|does|do)\b/i.test(head)) return false;
  // "A client-generated message id, deduplicated where …": an article and a noun with no verb before the first comma
  const lead = (text.split(/,\s/)[0] ?? text).replace(/[.]$/, "");
  const article =
    /^(?:a|an|one)$/i.test(first) &&
    !/:/.test(text) &&
    !isClause(text) &&
    verbless(lead) &&
    verbless(text.replace(/[.]$/, "")) &&
    // "A request key maps to …": a singular subject's verb before its preposition or adverb
    !/^\S+ (?:[\w-]+ ){0,3}[a-z]+[^s]s (?:to|into|onto|on|in|at|by|from|with|only|exactly|never|once|after|before)\b/i.test(
      text,
    );
  // a modifier first ("Atomic", "Local", "Jittered", "Compare-and-set", "Validation"), not a verb before its object
  const modifier =
    /^(?!(?:pre|re|de|co)-)[A-Za-z]+-[a-z-]+$|^[A-Za-z]{3,}(?:ic|al|ed|ive|ent|ous|ble)$|^(?:short|local|whole|validation)$/i.test(
      first,
    ) &&
    // verbs of those shapes that open an instruction ("Receive and ack …", "Prevent …", "Enable …")
    !/^(?:receive|derive|arrive|archive|drive|give|live|revive|seal|heal|reveal|install|signal|deal|need|feed|seed|embed|shed|speed|proceed|exceed|succeed|prevent|present|represent|invent|rent|segment|augment|implement|document|comment|orient|enable|disable|double|assemble|decrement|increment)$/i.test(
      first,
    ) &&
    !/^(?:a|an|the|each|every|its|their|all|one|no)$/.test(second) &&
    // "Replicated shards answer each keystroke": a plural subject and its verb
    !/\b[a-z]{3,}s (?:answer|record|report|send|pass|reject|refuse|keep|hold|read|write|take|serve|store|watch|return|apply|carry|see|get|make|use)\b/i.test(
      head,
    );
  return article || modifier;
}

/**
 * A failure as a question: "What if <what happens>?", from the row's own description. A description that is
 * a headline, not a clause ("deleted value resurrected by …"), never follows "What if": the row's label is
 * asked instead when it is a clause, else no question.
 */
export function failureQuestion(f: Design["failures"][number]): string | undefined {
  const what = bodyOf(f.failure) ?? f.failure;
  const c = firstClause(what, 24)?.replace(/[.]$/, "");
  if (c && !isHeadline(c)) return `What if ${lowerFirst(c)}?`;
  const label = bodyOf(f.failure) ? headOf(f.failure) : undefined;
  return label && isClause(label) && !isHeadline(label) ? `What if ${label}?` : undefined;
}

/** A time window a failure row states ("after 24 hours"): worth saying even when the row is not the first. */
const WINDOW = /\b\d+\s*(?:hours?|days?|minutes?|weeks?)\b/;
/** A failure row about the loss of a whole failure unit ("Zone loss: …", "Rack failure: …", "Data centre outage: …"). */
const UNIT_LOSS = /^(?:(?:availability )?zone|az|rack|data ?cent(?:er|re)|region)\s+(?:loss|outage|failure)\b/i;

/** A spoken figure rounded to what a person says: "about 4.89 thousand" -> "about 5 thousand". */
function roundSaid(said: string): string {
  // two decimals, or a decimal on a number past ten, is more precision than anyone says aloud
  return said.replace(/\b(\d+)\.(\d+)\b(?= (?:thousand|million|billion)\b)/, (m, a: string, b: string) =>
    b.length >= 2 || a.length >= 2 ? String(Math.round(Number(`${a}.${b}`))) : m,
  );
}

/** A figure said as the result of a chain: "about 30 thousand writes a second of lease renewals", "19 groups". */
function resultSaid(f: Figure): string {
  return countedSaid(f, roundSaid(speakFigure(f.display)));
}

/**
 * A rate's value with what it counts when its unit does not say it: "30 thousand writes a second of lease
 * renewals", but "330 thousand requests a second", never "… of peak requests".
 */
function countedSaid(f: Figure, value: string): string {
  const what = lowerFirst(speakable(f.quantity)).trim();
  const unitNoun = /^(\w+)\/s$/.exec(f.unit)?.[1];
  const named =
    unitNoun &&
    countWords(what) <= 3 &&
    /s$/.test(what) &&
    !what.endsWith(unitNoun) &&
    !what.endsWith(RATE_WORDS[unitNoun] ?? unitNoun);
  return named ? `${value} of ${what}` : value;
}

/**
 * A figure said as a short natural chain from its inputs, in the order a listener computes it: "At 93
 * thousand writes a second over 10 thousand writes a second per leader at 50 percent utilisation, that's
 * 19 groups." Never a labelled row ("For consensus groups needed, …").
 */
function chainLine(d: Design, f: Figure): string | undefined {
  // a peak that is the stated rate itself (a peak factor of 1) is said as that rate, never as "times 1"
  const rate = /^\w+ = (\w+) \* peak_factor$/.exec(f.formula)?.[1];
  if (rate && f.inputs.find((x) => x.name === "peak_factor")?.value === 1) {
    const stated = f.inputs.find((x) => x.name === rate)?.source === "stated";
    const said = formulaSaid(d, { ...f, formula: `${f.id} = ${rate}` }, true);
    return said ? sentence(`${stated ? `The stated ${said}` : "That"} is already the peak to serve`) : undefined;
  }
  const expr = chainInputs(d, f);
  if (!expr) return undefined;
  const whole = sentence(`At ${expr}, that's ${resultSaid(f)}`);
  if (countWords(whole) <= BREATH_WORDS) return whole;
  // past one breath, the chain is said in two: what it starts from, then what it is divided over or said with and
  // the result ("Start from 300 thousand requests a second plus …. Over 20 thousand operations a second at 50
  // percent utilisation, that's 36 nodes.")
  const cut = expr.lastIndexOf(", ");
  const head = cut > 0 ? expr.slice(0, cut) : "";
  const tail = cut > 0 ? expr.slice(cut + 2) : "";
  if (!head || !/^(?:over|with|times|at)\b/.test(tail)) return whole;
  return `${sentence(`Start from ${head}`)} ${sentence(`${tail.charAt(0).toUpperCase()}${tail.slice(1)}, that's ${resultSaid(f)}`)}`;
}

/**
 * The inputs a figure's chain is said from: the whole formula when it reads well by ear, else its first input with
 * the inputs that move it most ({@link shortChain}). The script check holds the hottest number to these words.
 */
export function chainInputs(d: Design, f: Figure): string | undefined {
  // a peak factor of 1 inside a longer product (a self-paced crawl's) multiplies nothing, so it goes unsaid
  const g =
    f.inputs.find((x) => x.name === "peak_factor")?.value === 1 && / \* peak_factor\b/.test(f.formula)
      ? {
          ...f,
          formula: f.formula.replace(/ \* peak_factor\b/, ""),
          inputs: f.inputs.filter((x) => x.name !== "peak_factor"),
        }
      : f;
  return shortChain(d, g) ?? formulaSaid(d, g);
}

/** How many named values a chain may read aloud before it is said by its result and the inputs that move it. */
const CHAIN_NAMES = 3;

/**
 * A figure whose formula is too long to follow by ear (more than three named values, or a share taken away in
 * brackets) said by its result, its first input and the one other input that moves it most: "At 100 thousand
 * queries a second, with 50 percent answered by browser and edge caches, that's about 50 thousand requests a
 * second", never "times a ratio of 1 times 1 minus a share of …". A factor of exactly 1 moves nothing, so it is
 * never the one said. Returns the inputs as said after "At"; undefined when the formula reads well as it is.
 */
function shortChain(d: Design, f: Figure): string | undefined {
  const rhs = f.formula.split(" = ")[1] ?? "";
  const names = [...new Set(rhs.match(/[A-Za-z_]\w*/g) ?? [])];
  if (names.length <= CHAIN_NAMES && !/\(\s*1\s*-/.test(rhs)) return undefined;
  const inputValue = (n: string) =>
    f.inputs.find((x) => x.name === n)?.value ?? d.capacity.find((c) => c.id === n && c !== f)?.value;
  const [lead, ...rest] = names;
  if (!lead || inputValue(lead) === undefined) return undefined;
  // how far a value moves the result: a share taken away ("1 - share") or kept, a factor above or below one
  const moves = (n: string): number => {
    const v = inputValue(n);
    if (v === undefined || v <= 0) return 0;
    const away = new RegExp(`1\\s*-\\s*${n}\\b`).test(rhs);
    return Math.abs(Math.log(away ? Math.max(1 - v, 1e-9) : v));
  };
  // the two inputs that move it most, in the formula's order
  const others = rest
    .filter((n) => moves(n) > 0)
    .sort((x, y) => moves(y) - moves(x) || names.indexOf(x) - names.indexOf(y))
    .slice(0, 2)
    .sort((x, y) => names.indexOf(x) - names.indexOf(y));
  const said = (n: string) => formulaSaid(d, { ...f, formula: `${f.id} = ${n}` }, true);
  const leadSaid = said(lead);
  if (!leadSaid) return undefined;
  // a share said as what it is a share of: "50 percent of requests answered by browser and edge caches"
  const otherSaid = (n: string) => {
    const q = QUANTITY_BY_ID.get(n);
    const share = (f.inputs.find((x) => x.name === n)?.unit ?? q?.unit) === "fraction";
    const of = /^(?:a |the )?(?:share|fraction|proportion) of (.+)$/.exec(lowerFirst(speakable(q?.label ?? "")))?.[1];
    return share && of ? `${+((inputValue(n) ?? 0) * 100).toPrecision(2)} percent of ${of}` : said(n);
  };
  const withSaid = others.map(otherSaid);
  if (withSaid.some((x) => x === undefined)) return undefined;
  const otherSaidAll = andList(withSaid as string[]);
  return otherSaidAll ? `${leadSaid}, with ${otherSaidAll}` : leadSaid;
}

/** An input the design derived from others ("derived as samples_per_sec * scrape_seconds = …"), said as its own chain. */
function derivedInputLine(d: Design, f: Figure, name: string): string[] {
  const input = f.inputs.find((x) => x.name === name);
  const expr = input ? derivationOf(input.because) : undefined;
  if (!input || !expr) return [];
  const onTop = statedPlusLine(f, input, expr);
  if (onTop) return onTop;
  const said = formulaSaid(d, { ...f, formula: `${name} = ${expr}`, inputs: f.inputs.filter((x) => x !== input) });
  // an unstated number the derivation reads ("1 percent of calls fail") is said as mine before the step it sizes
  const names: string[] = expr.match(/[A-Za-z_]\w*/g) ?? [];
  const assumed = f.inputs
    .filter((x) => x !== input && names.includes(x.name))
    .map(assumedReason)
    .filter((x): x is string => x !== undefined);
  return said ? [...assumed, sentence(`At ${said}, that's ${quantity(input.value, input.name, input.unit)}`)] : [];
}

type Input = Figure["inputs"][number];

/** The expression an input's reason says it was derived as ("derived as bytes_per_sec / value_bytes = …"). */
const derivationOf = (because: string): string | undefined => /\bderived as ([\w\s*/+()-]+?)\s*=/.exec(because)?.[1];
/** Whether two values are one number, up to rounding. */
const sameValue = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** The stated input a figure only reads back through an input derived from it, said as the prompt said it. */
function statedReadBack(f: Figure): string | undefined {
  const derivedFrom = f.inputs.flatMap((x) => derivationOf(x.because)?.split(/\W+/) ?? []);
  for (const x of f.inputs) {
    const said = statedSaid(x);
    if (!said || !sameValue(f.value, x.value)) continue;
    if (derivedFrom.includes(x.name)) return said;
  }
  return undefined;
}

/**
 * The stated input an input is only a copy of: itself when stated, or the stated input its derivation names alone
 * with the same value ("cache_sites derived as nodes = 200 sites" -> the prompt's "200 edge locations").
 */
function statedOrigin(f: Figure, input: Input): Input {
  const expr = derivationOf(input.because);
  const from = expr ? f.inputs.find((x) => x.name === expr && x.source === "stated") : undefined;
  return from && sameValue(from.value, input.value) ? from : input;
}

/** A stated number as the prompt said it: "'100k redirects per second'" -> "100 thousand redirects a second". */
function statedSaid(input: Input): string | undefined {
  const quote = /^the prompt says '(.+)'$/.exec(input.because)?.[1];
  if (!quote) return undefined;
  // an amount in a unit of bits or bytes ("10 Tbps", "5 TB a day") is held in bytes, a number the prompt's unit word
  // does not fit ("1.3 trillion Tbps"): said as the prompt said it
  if (/\d\s*(?:[kmgtp]?bps|[kmgtpe]i?b)\b/i.test(quote)) return quote;
  // the number as a person says it (the input's own value), the words as the prompt wrote them
  return (
    quote
      .replace(/\d[\d,.]*(?:\s*(?:k|m|b|thousand|million|billion)\b)?/i, speakNumber(input.value))
      .replace(/\bper (?:second|sec)\b|\s*\/\s*s\b/i, " a second")
      // the value is per second, so a rate the prompt stated per day or hour is said per second, never "579 a day"
      .replace(
        /\b(?:per|a|an|each|every)\s+(?:day|hour|minute|week|month|year)\b|\s*\/\s*(?:day|d|hour|hr|h|min|minute)\b/i,
        " a second",
      )
      .replace(/\s+/g, " ")
  );
}

/**
 * A derived rate that is one stated rate plus what the design adds on top, said in that order: "100 thousand
 * redirects a second stated, plus about 10 thousand writes a second at a read-to-write ratio of 10, that's
 * 110 thousand requests a second". The stated number keeps the prompt's own words, and the part added is named
 * by the derivation's reason ("the stated reads plus writes at the usual ratio").
 */
function statedPlusLine(f: Figure, input: Input, expr: string): string[] | undefined {
  const names: string[] = expr.match(/[A-Za-z_]\w*/g) ?? [];
  const stated = f.inputs.filter((x) => x.source === "stated" && names.includes(x.name));
  const s = stated[0];
  if (stated.length !== 1 || !s || !/\/s$/.test(s.unit ?? "") || !/\/s$/.test(input.unit ?? "")) return undefined;
  const rest = input.value - s.value;
  const why = /\(([^()]*)\)\s*$/.exec(input.because)?.[1] ?? "";
  const added = /\bplus (\w+)/.exec(why)?.[1];
  const said = statedSaid(s);
  if (!added || !said || !(rest > s.value * 0.001)) return undefined;
  const inputs = f.inputs.filter((x) => x !== s && x !== input && names.includes(x.name));
  const others = inputs.map((x) => quantity(x.value, x.name, x.unit));
  const at = others.length > 0 ? ` at ${others.join(" and ")}` : "";
  // a ratio the prompt never stated that turns its number into another ("a read-to-write ratio of 10") is said
  // as an assumption, with its reason, before the number it adds is heard as given
  const assumed = inputs.map(assumedReason).filter((x): x is string => x !== undefined);
  return [
    ...assumed,
    sentence(
      `${said} stated, plus about ${speakNumber(+rest.toPrecision(2))} ${added} a second${at}, that's ${quantity(input.value, input.name, input.unit)}`,
    ),
  ];
}

/**
 * Where an assumed input comes from, from its own reason: "I'm assuming 100 thousand leases, because a
 * large fleet holds …". Ratios (peak factor, utilisation) and inputs derived from others are left to the chain.
 */
function assumedReason(input: Input | undefined): string | undefined {
  // a share the prompt never gave ("a cache hit ratio of 90 percent") is an assumption too; a target utilisation
  // and the peak factor are planning conventions the chain says as they are
  if (input?.source !== "assumed" || /peak_factor|utili[sz]ation/.test(input.name)) return undefined;
  if (/\bderived as\b/.test(input.because)) return undefined;
  const why = (
    /(?:\bbecause | — )([^;]+)$/.exec(input.because)?.[1] ??
    /^not stated; assumed [^:;]+: ([^;]+)$/.exec(input.because)?.[1]
  )?.replace(/\s*\([^()]*\)/g, "");
  if (!why) return undefined;
  // "share of calls that fail and wait for a retry" at 1% is said "1 percent of calls fail and wait for a retry"
  const share = /^(?:share|fraction) of (.+?) that (.+)$/.exec(QUANTITY_BY_ID.get(input.name)?.label ?? "");
  const what =
    share && input.unit === "fraction"
      ? `${+(input.value * 100).toPrecision(2)} percent of ${share[1]} ${share[2]}`
      : quantity(input.value, input.name, input.unit);
  // a reason too long to say still leaves a rate or a share said as mine, never heard as the interviewer's
  if (countWords(why) > 16)
    return /\/s$/.test(input.unit ?? "") || share ? sentence(`I'm assuming ${what}`) : undefined;
  return sentence(`I'm assuming ${what}, ${assumedWhy(why)}`);
}

/** The reason for the first assumed input a chain's formula names: the input that drives the result. */
function driverReason(f: Figure, expr: string): string | undefined {
  for (const name of expr.match(/[A-Za-z_]\w*/g) ?? []) {
    const r = assumedReason(f.inputs.find((x) => x.name === name));
    if (r) return r;
  }
  return undefined;
}

/** The expression an input of `f` was derived from ("samples_per_sec * scrape_seconds"), for the first derived input named. */
function derivedExpr(f: Figure, names: readonly string[]): string {
  for (const n of names) {
    const e = derivationOf(f.inputs.find((x) => x.name === n)?.because ?? "");
    if (e) return e;
  }
  return "";
}

/** An assumed count the result is divided over, said with the reason it is that count: "I'm assuming 20 ingesters, because …". */
function countReason(f: Figure): string | undefined {
  const rhs = f.formula.split(" = ")[1] ?? "";
  const divisor = /\/\s*([A-Za-z_]\w*)\s*$/.exec(rhs)?.[1];
  return assumedReason(f.inputs.find((x) => x.name === divisor));
}

/** The names a figure's formula reads; for a count sized by the larger of several drivers, the driver that sets it. */
const formulaNames = (f: Figure): string[] =>
  (f.drivenBy?.term ?? f.formula.split(" = ")[1] ?? "").match(/[A-Za-z_]\w*/g) ?? [];

/**
 * The sizing story in derivation order: the hottest number named, each figure it is built from derived
 * first, then the hottest number itself as a chain, then the count it is split over with the reason for that
 * count, then the load on each. No figure is said before it is derived.
 */
function sizingLines(d: Design, size: { hot: Figure; split?: { each: Figure; over: Figure } }): Line[] {
  const { hot, split } = size;
  // a figure that only reads a stated rate back (items derived from the stated rate over the period, then divided
  // by the period again) is that rate: said once, in the prompt's words, never as a chain that derives it from itself
  const back = statedReadBack(hot);
  if (back) return core(`The hottest number is ${lowerFirst(speakable(hot.quantity))}, which is the stated ${back}`);
  const how = chainInputs(d, hot);
  if (!how) return core(`The hottest number is ${lowerFirst(speakable(hot.quantity))}, ${speakFigure(hot.display)}`);
  const lines: Line[] = [...core(`The hottest number is ${lowerFirst(speakable(hot.quantity))}`)];
  const names = formulaNames(hot);
  // a figure that reads a stated number back is said as that number inside the chain, never derived from itself
  const part = d.capacity.find((c) => c !== hot && names.includes(c.id) && !statedReadBack(c) && chainLine(d, c));
  const derived = names.flatMap((n) => derivedInputLine(d, hot, n));
  // the assumed input that drives the first chain said, with where it comes from
  const firstChain = part?.formula ?? (derived.length > 0 ? derivedExpr(hot, names) : hot.formula);
  const driver = driverReason(part ?? hot, firstChain.split(" = ").pop() ?? "");
  // the input the whole chain starts from is said as an assumption even in the short version, so an assumed
  // "50 thousand messages a second" is never heard as if the interviewer had given it
  lines.push(...core(driver));
  // a figure the hottest number is built from says its own derived inputs first, each with what it came from
  if (part)
    for (const n of formulaNames(part)) {
      for (const x of derivedInputLine(d, part, n)) if (!derived.includes(x) && x !== driver) lines.push(...core(x));
    }
  if (part) lines.push(...core(chainLine(d, part)));
  for (const x of derived) lines.push(...core(x));
  const count = countReason(hot);
  if (count !== driver) lines.push(...detail(count));
  // every other assumed input the hottest number reads directly, with where it comes from ("5000 clients")
  for (const n of names) {
    const r = assumedReason(hot.inputs.find((x) => x.name === n));
    if (r && r !== driver && r !== count) lines.push(...detail(r));
  }
  lines.push(...core(chainLine(d, hot)));
  const room = headroomLines(d, hot);
  lines.push(...room);
  if (room.length === 0) lines.push(...drivenLines(d, hot));
  if (split) {
    // a figure the count is built from is derived before the count uses it ("150 megabytes a second")
    const said = new Set([hot.id, ...(part ? [part.id] : [])]);
    const overNames = formulaNames(split.over);
    for (const c of d.capacity.filter((x) => !said.has(x.id) && x !== split.over && overNames.includes(x.id)))
      lines.push(...core(chainLine(d, c)));
    const over = chainLine(d, split.over);
    // the count's own assumed divisor ("a budget of 2 million series per ingester") with where it comes from
    const overWhy = countReason(split.over);
    if (over && overWhy && overWhy !== driver) lines.push(...detail(overWhy));
    lines.push(...core(over ?? `That spreads over ${speakFigure(split.over.display)}`));
    // a count sized from a per-unit budget in the same unit puts that budget on each: saying so is circular
    const budget = split.over.inputs.find((x) => x.name === /\/\s*(\w+)\s*$/.exec(split.over.formula)?.[1]);
    if (!(overWhy && budget?.unit === split.each.unit))
      lines.push(...core(`That's ${roundSaid(speakFigure(split.each.display))} on each`));
  }
  // an assumption two figures of the chain both read ("10 participants") is said once, where it is first needed
  return lines.filter((l, i) => lines.findIndex((x) => x.text === l.text) === i);
}

/**
 * What the hottest number sets, when it drives counts sized by the larger of several loads: how many units' worth of
 * work it is against the per-unit ceiling those counts divide it by, then each count it sets and what the next driver
 * alone would need ("That's about 480 times what one server sends. It sets 960 brokers and 320 partitions; peak
 * ingest bandwidth alone would need 80 partitions"), so the figure that sizes the fleet is the one said.
 */
function drivenLines(d: Design, hot: Figure): Line[] {
  const set = d.capacity.filter(
    (c) => c.kind === "count" && c.drivenBy !== undefined && new RegExp(`^${hot.id}\\s*/`).test(c.drivenBy.term),
  );
  const first = set[0];
  const per = first ? /^\w+\s*\/\s*\(?\s*(\w+)/.exec(first.drivenBy?.term ?? "")?.[1] : undefined;
  const input = per ? first?.inputs.find((x) => x.name === per) : undefined;
  const unit = perUnit(per ? QUANTITY_BY_ID.get(per)?.label : undefined);
  if (!first || !input || !unit || !(input.value > 0)) return [];
  const times = hot.value / input.value;
  if (times < 2) return [];
  // what the next driver alone would need for each count, so what the hottest number moved is heard
  const alone = set.flatMap((c) => {
    const next = [...(c.drivenBy?.over ?? [])].sort((a, b) => b.value - a.value)[0];
    const name = next ? /^(\w+)/.exec(next.term)?.[1] : undefined;
    const figure = name ? d.capacity.find((x) => x.id === name) : undefined;
    return next && figure && next.value > 0
      ? [
          `${lowerFirst(speakable(figure.quantity))} alone would need ${roundSaid(speakFigure(approx(Math.ceil(next.value), c.unit)))}`,
        ]
      : [];
  });
  const rate = /^(\w+)\/s$/.exec(input.unit ?? "")?.[1];
  const why =
    input.source === "assumed"
      ? (/(?:\bbecause | — )([^;]+)$/.exec(input.because)?.[1] ??
        /^not stated; assumed [^:;]+: ([^;]+)$/.exec(input.because)?.[1])
      : undefined;
  const amount = rate
    ? `${rate === "B" ? speakBytes(input.value) : `${speakNumber(input.value)} ${RATE_WORDS[rate] ?? rate}`} a second per ${unit}`
    : undefined;
  return [
    ...detail(
      why && amount && countWords(why) <= 20 ? `I'm assuming ${amount}, ${assumedWhy(speakable(why))}` : undefined,
    ),
    ...core(`That's about ${speakNumber(+times.toPrecision(2))} times what one ${unit} handles`),
    ...core(
      `It sets ${andList(set.map((c) => roundSaid(speakFigure(c.display))))}${alone.length > 0 ? `, where ${andList(alone)}` : ""}`,
    ),
  ];
}

/** Below this share of one unit's ceiling, the hotspot's remedies are for when it grows, not for now. */
const HEADROOM_LATER = 0.5;

/** A small multiple said as a word: 2 -> "twice". */
const TIMES: Record<number, string> = { 2: "twice", 3: "three times", 4: "four times" };

/**
 * The hotspot's own load when it is the even share times an assumed skew ("messages_per_partition *
 * partition_skew"): the average per partition says nothing about the hot one, so the skew is said with its
 * reason and the load it puts on the busiest one.
 */
function skewLines(b: Design["bottlenecks"][number], each: Figure): Line[] {
  const m = /^(.+?) = (\w+) \* (\w+) \(/.exec(b.formula ?? "");
  if (!m?.[1] || m[2] !== each.id || !m[3]) return [];
  const q = QUANTITY_BY_ID.get(m[3]);
  const value = /≈ ([^,]+?), with /.exec(b.estimate ?? "")?.[1];
  const why = q?.assumedBecause;
  if (!value || !why || q?.assumed === undefined) return [];
  const where = /\bon (the busiest [a-z]+)/.exec(m[1])?.[1] ?? "the busiest one";
  return [
    // one sentence: the reason the skew is assumed, then the load it puts on the busiest one
    ...core(
      `${(why.split(/,\s+so\s+/)[0] ?? why).replace(/^./, (c) => c.toUpperCase())}, so at ${TIMES[q.assumed] ?? `${q.assumed} times`} the average, ${where} takes ${roundSaid(speakFigure(`≈ ${value}`))}`,
    ),
  ];
}

/**
 * How close the hottest number is to what one unit handles, from a headroom figure the capacity model
 * divides it by ("keepalives_per_sec / leader_requests_per_sec"): the ceiling with where it comes from, then
 * the share used, so a load is never called a hotspot without saying whether it is near the limit.
 */
function headroomLines(d: Design, hot: Figure, lead = "That's"): Line[] {
  const room = d.capacity.find(
    (c) => figureKind(c) === "headroom" && new RegExp(`=\\s*${hot.id}\\s*/\\s*\\w+\\s*$`).test(c.formula),
  );
  const cap = room ? /\/\s*(\w+)\s*$/.exec(room.formula)?.[1] : undefined;
  const input = room?.inputs.find((x) => x.name === cap);
  if (!room || !input) return [];
  const pct = room.value * 100;
  // past twice the ceiling, a multiple says it better than a percentage ("about 20 times")
  const share =
    pct < 1
      ? "under 1 percent of"
      : pct >= 200
        ? `about ${speakNumber(+room.value.toPrecision(2))} times`
        : `about ${+pct.toPrecision(pct < 10 ? 1 : 2)} percent of`;
  const per = perUnit(QUANTITY_BY_ID.get(input.name)?.label);
  const rate = /^(\w+)\/s$/.exec(input.unit ?? "")?.[1];
  if (!per || !rate) return [];
  const why =
    /(?:\bbecause | — )([^;]+)$/.exec(input.because)?.[1] ??
    /^not stated; assumed [^:;]+: ([^;]+)$/.exec(input.because)?.[1];
  const amount = `${speakNumber(input.value)} ${RATE_WORDS[rate] ?? rate} a second per ${per}`;
  // a load past what one of our own units handles is acted on where it is said: the count the capacity model
  // sizes to split it (an outside party's account is raised or paced, never split by us)
  const split = room.value >= 1 && per !== "account" ? countFor(d.capacity, room) : undefined;
  return [
    ...detail(why ? `I'm assuming ${amount}, ${assumedWhy(why)}` : undefined),
    ...core(`${lead} ${share} what one ${per} handles`),
    ...core(
      split && split.value > 1
        ? `So one ${per} cannot carry it, and I split it over ${roundSaid(speakFigure(split.display))}: ${lowerFirst(split.quantity)}`
        : undefined,
    ),
  ];
}

/** Where a per-unit ceiling comes from, said with its unit: "I'm assuming 25 thousand samples a second per core, because …". */
function ceilingReason(c: Ceiling): string | undefined {
  const why =
    /(?:\bbecause | — )([^;]+)$/.exec(c.input.because)?.[1] ??
    /^not stated; assumed [^:;]+: ([^;]+)$/.exec(c.input.because)?.[1];
  if (!why || countWords(why) > 20) return undefined;
  const rate = /^(\w+)\/s$/.exec(c.input.unit ?? "")?.[1];
  const amount = rate
    ? `${rate === "B" ? speakBytes(c.input.value) : `${speakNumber(c.input.value)} ${RATE_WORDS[rate] ?? rate}`} a second per ${c.per}`
    : quantity(c.input.value, c.input.name, c.input.unit);
  return sentence(`I'm assuming ${amount}, ${assumedWhy(speakable(why))}`);
}

/* ---- 8. Failures and scale (the hottest number is said here) ---- */
/** A failure row past the first two whose text names a window of time, said with its fix in step 8. */
const windowedFailure = (d: Design): Design["failures"][number] | undefined =>
  spokenFailures(d)
    .slice(2)
    .find((f) => WINDOW.test(speakable(f.failure)));

/**
 * A zone-loss row's text in the unit the prompt asks to survive: "availability zone" and "zone" become "data centre"
 * (or "region"), plural kept; a rack, or a zone asked for, leaves it as written.
 */
function inStatedUnit(text: string, unit: string | undefined): string {
  if (unit !== "data centre" && unit !== "region") return text;
  return text.replace(/\b(?:availability )?zone(s?)\b/gi, (_m, plural: string) =>
    plural ? (unit === "region" ? "regions" : "data centres") : unit,
  );
}

/** The row for losing a whole zone or region, said in step 8 when the prompt asks to survive that loss. */
function unitLossFailure(d: Design): Design["failures"][number] | undefined {
  const windowed = windowedFailure(d);
  return d.nfrs.survives
    ? spokenFailures(d)
        .slice(2)
        .find((f) => f !== windowed && UNIT_LOSS.test(f.failure))
    : undefined;
}

/**
 * Failure rows step 8 says after its first two, besides a windowed or whole-unit row: each in one sentence, the
 * condition and its fix ("If a worker runs past its visibility timeout, it extends …"). More than three read aloud
 * back to back sound like a table recited; the rest are asked as follow-ups.
 */
const MORE_FAILURES = 3;

/** The further failure rows step 8 says in its body, each one that can be said with its fix. */
export function moreFailures(d: Design): Design["failures"] {
  return perScript(d, moreFailures, undefined, () => {
    const named = spokenFailures(d);
    const skip = new Set([windowedFailure(d), unitLossFailure(d)]);
    const before = [named[0], named[1], ...skip].filter((f): f is Design["failures"][number] => f !== undefined);
    const heard = before.map((f) => stems(f.failure));
    const out: Design["failures"] = [];
    for (const f of named.slice(2)) {
      if (out.length >= MORE_FAILURES) break;
      if (skip.has(f)) continue;
      const said = failureSaid(f);
      const fix = fixSaid(f.prevention);
      // a row whose failure or fix would be said as a bare table cell ("One live registration per instance id.") is
      // left to the follow-ups, where it is asked as a question
      if (said === undefined || fix === undefined || namesOnly(said.text) || namesOnly(fix)) continue;
      // a row that tells a failure already said again in other words ("A worker crashes mid-task after claiming it"
      // after "A worker crashes or stalls after it began to run a job …, so its claim lapses") is not said twice
      const own = stems(f.failure);
      if (heard.some((h) => sameFailure(own, h))) continue;
      heard.push(own);
      out.push(f);
    }
    return out;
  });
}

/** Two failure rows tell the same failure: most of the shorter one's content words are in the other. */
function sameFailure(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const shared = overlap(a, b);
  return shared >= 3 && shared >= 0.6 * Math.min(a.size, b.size);
}

/** Words that open a subordinate clause: a failure that starts with one cannot follow "If". */
const SUBORDINATE = /^(?:if|when|whenever|after|before|while|once|as|because|since|although|though|unless|until)\b/i;

/**
 * A further failure said in one sentence, its condition then its fix: "If the holder's clock runs slow, the server
 * alone decides expiry on its own clock." Only a failure of one clause joins: one told in steps ("Two clients read
 * the same key, modify it and write back, and the second write erases the first") loses its point when cut to its
 * first step, so it is said as it is, then its fix. Undefined when the two do not join into one sentence a person
 * would say (a condition that is not one clause, a fix that is itself conditional, too many words).
 */
function failureWithFix(failure: string, fix: string): string | undefined {
  const clause = failure.replace(/[.]$/, "");
  if (/[,;:]/.test(clause) || SUBORDINATE.test(clause) || !isClause(clause) || countWords(clause) < 4) return undefined;
  if (SUBORDINATE.test(fix) || /^the fix is\b/i.test(fix)) return undefined;
  const joined = `If ${lowerFirst(clause)}, ${lowerFirst(fix)}`;
  return countWords(joined) <= BREATH_WORDS ? sentence(joined) : undefined;
}

/** Every failure row step 8 says in its body: the first two, a windowed or whole-unit row, and the further ones. */
export function bodyFailures(d: Design): Design["failures"] {
  const named = spokenFailures(d);
  const second = named[1] && failureSaid(named[1]) && fixSaid(named[1].prevention) ? named[1] : undefined;
  const out = [named[0], second, windowedFailure(d), unitLossFailure(d), ...moreFailures(d)];
  return out.filter((f): f is Design["failures"][number] => f !== undefined);
}

function failuresStep(d: Design): StepDraft {
  const lines: Line[] = [];
  const named = spokenFailures(d);
  const first = named[0];
  const said = first ? failureSaid(first) : undefined;
  if (first && said) {
    if (said.label) lines.push(...core(`The first failure to plan for is the one we call ${said.label}`));
    else lines.push(...core("Now the first failure"), ...core(said.text));
    lines.push(...spoken(first.prevention, "core", 1).map((l) => ({ ...l, text: asFix(l.text) })));
    const repair = firstClause(first.repair);
    if (repair) lines.push({ text: `As a backstop, ${lowerFirst(repair)}`, keep: "core" });
  }
  const second = named[1];
  const said2 = second ? failureSaid(second) : undefined;
  // a failure is said with its fix or not at all: a failure left hanging sounds like an open problem
  const fix2 = second ? fixSaid(second.prevention) : undefined;
  if (second && said2 && fix2) {
    if (said2.label) lines.push(...detail(`The next failure is the one we call ${said2.label}`));
    else lines.push(...detail("Then a second failure"), ...detail(said2.text));
    lines.push(...detail(fix2));
  }
  // a stated window bounds a guarantee said earlier, so it is said even when its row comes later
  const windowed = windowedFailure(d);
  const w = windowed ? firstClause(windowed.failure, 34) : undefined;
  if (windowed && w && WINDOW.test(w)) {
    lines.push(...detail("One window matters here"), ...detail(w));
    lines.push(
      ...spoken(windowed.prevention, "detail", 2).map((l, i) => (i === 0 ? { ...l, text: asFix(l.text) } : l)),
    );
  }
  // a stated loss the system survives ("survives the loss of a zone") is said with its row, wherever the row ranks:
  // the loss of a whole unit, its placement and its repair
  const unitLoss = unitLossFailure(d);
  const lossSaid = unitLoss ? failureSaid(unitLoss) : undefined;
  if (unitLoss && lossSaid) {
    // the row is written for a zone; a data centre or region the prompt names is said by its name, so the answer
    // speaks of the unit the prompt asked about ("a whole data centre goes down"), never of another
    const unit = (text: string) => inStatedUnit(text, d.nfrs.survives);
    lines.push(...core(`The prompt asks to survive losing a whole ${d.nfrs.survives}`), ...detail(unit(lossSaid.text)));
    lines.push(...spoken(unitLoss.prevention, "core", 1).map((l) => ({ ...l, text: unit(asFix(l.text)) })));
    const repair = firstClause(unitLoss.repair);
    if (repair) lines.push(...detail(unit(repair)));
  }
  const size = sizing(d);
  const b0 = hotBottleneck(d);
  // a limit the stated load already exceeds is not "next": it binds now, so it is said before any hotspot,
  // with its remedy as a precondition of running at this load at all
  const b1 = nextBottleneck(d);
  const binding = b1 !== undefined && exceeded(d, b1);
  const nextLines = b1 ? nextLimitLines(d, b1, binding) : [];
  const inside = binding ? "Inside our own system, the first hotspot" : "The first hotspot";
  // a target the prompt states is answered by the design's own figures against it (its parts, the spare, a case
  // past it); when the hottest number is one of those figures, that answer replaces it and its hotspot line
  const targets = targetsSaid(d);
  const answered = size !== undefined && targets.covers.has(size.hot.id);
  lines.push(...targets.lines.flatMap((t) => core(t)));
  if (b0 && !answered) {
    const h = bodyOf(b0.bottleneck) ? headOf(b0.bottleneck) : undefined;
    const c = h ? undefined : firstClause(b0.bottleneck, 30);
    if (h) lines.push(...core(`${inside} is ${h}`));
    else if (c)
      lines.push(
        ...core(
          // "bytes pushed when a whole fleet takes a snapshot" is a noun phrase with its own "when": never "comes when"
          // "write bandwidth per broker, since every byte is written once per replica": the reason's verb does not
          // make the named thing a clause
          isClause(c.split(/,\s+(?:since|because|as|so|which|while|where)\b/i)[0] ?? c) && !/\bwhen\b/i.test(c)
            ? `${inside} comes when ${lowerFirst(c).replace(/[.]$/, "")}`
            : `${inside} is ${lowerFirst(c).replace(/[.]$/, "")}`,
        ),
      );
  }
  if (size && !answered) lines.push(...sizingLines(d, size));
  if (size?.split && b0 && !answered) lines.push(...skewLines(b0, size.split.each));
  if (!size && b0?.estimate) {
    lines.push(...core(`Sizing it: ${speakFigure(b0.estimate)}`));
  } else if (!size && b0?.formula) {
    const q = speakable(b0.formula.split(" = ")[0] ?? "");
    if (q && countWords(q) <= 12) lines.push(...core(`I'd size it by ${lowerFirst(q)}`));
  }
  // a load well under its ceiling is a limit for later: its remedies are said as what to do when it grows
  const room = size
    ? d.capacity.find((c) => figureKind(c) === "headroom" && c.formula.includes(`= ${size.hot.id} /`))
    : undefined;
  const later = room !== undefined && room.value < HEADROOM_LATER;
  // a hotspot answered by the stated target's budget was sized to it: its remedy (pick the lease, the TTL) is the budget
  if (b0 && !answered)
    lines.push(
      ...spoken(b0.mitigation, "core", 2)
        .map((l, i) => (i === 0 ? { ...l, text: asFix(l.text, "remedy") } : l))
        .map((l, i) => (later && i === 0 ? { ...l, text: `When it grows, ${lowerFirst(l.text)}` } : l)),
    );
  lines.push(...sameUnitLines(d));
  // a binding limit keeps its place after the sizing that derives its load, but is said in the short version too
  lines.push(...nextLines.map((text) => ({ text, keep: binding ? ("core" as const) : ("detail" as const) })));
  // the follow-up answer keeps the limit and its size; where the ceiling comes from was said in the body
  const next = nextLines.length > 0 ? nextLines.filter((x) => !x.startsWith("I'm assuming ")).join(" ") : undefined;
  // further failure rows fill the step's time, each with its fix and repair (`moreFailures`); they are details, so
  // a tight round drops them, and the follow-ups ask about the rows the body does not say
  const more = moreFailures(d);
  if (more.length > 0)
    lines.push(
      ...detail(
        more.length === 1
          ? "One more failure is worth a plan"
          : `${numberWord(more.length)} more failures are worth a plan`,
      ),
    );
  for (const f of more) {
    const m = failureSaid(f);
    const fix = fixSaid(f.prevention);
    if (!m || !fix) continue;
    const joined = m.label ? undefined : failureWithFix(m.text, fix);
    if (joined) lines.push(...detail(joined));
    else lines.push(...detail(m.label ? `There's the one we call ${m.label}` : m.text), ...detail(fix));
  }
  // the rows the body does not say are asked as follow-ups, with their fix as the answer
  const told = new Set(bodyFailures(d));
  const followUps: FollowUp[] = [];
  for (const f of named.slice(1, 4).filter((x) => !told.has(x))) {
    const q = failureQuestion(f);
    const a = firstClause(f.prevention, 40);
    if (q && a) followUps.push({ question: q, answer: asFix(a) });
  }
  if (b1 && next && !binding) {
    const a = firstClause(b1.mitigation, 40);
    if (a) followUps.push({ question: "What breaks next?", answer: `${next} ${a}` });
  }
  return { lines, checkIn: closingCheckIn(d), followUps };
}

/**
 * The question that closes the talk and hands the interviewer the choice: the critical protocol message by
 * message, the next limit (by its name when it has a short one) or the first failure's repair.
 */
function closingCheckIn(d: Design): string {
  const offers: string[] = [];
  const seq = subjectSequence(d);
  if (seq) offers.push(`walk ${protocolName(d, seq.title, "protocol")} message by message`);
  const b1 = nextBottleneck(d);
  // a limit already exceeded was said as binding now, so it is never offered as the next one to size
  const h = b1 && !exceeded(d, b1) && bodyOf(b1.bottleneck) ? headOf(b1.bottleneck, 8) : undefined;
  offers.push(
    h ? `size the next limit, ${/^(the|a|an)\s/i.test(h) ? h : `the ${h}`}` : "size what breaks next as load grows",
  );
  if (offers.length < 2 && spokenFailures(d).length > 2) offers.push("go through the other failures");
  return `That's the design end to end. I can ${offers.join(", or ")}. Where would you like to go deeper?`;
}

/**
 * The limit said as "next": the first bottleneck after the hotspot that is a real limit, checked against a
 * ceiling (what one leader, core or provider account handles) on a different box from the hotspot's, and
 * that does not repeat the hottest number. A number with no ceiling (bytes in object storage, open rows)
 * names nothing that breaks, and one on the hotspot's own box is said beside it, never as "next".
 */
export function nextBottleneck(d: Design): Bottleneck | undefined {
  return perScript(d, nextBottleneck, undefined, () => {
    const hot = hottest(d);
    const first = hotBottleneck(d);
    const unit = first ? ceilingFor(d, first)?.per : undefined;
    const sized = hot ? figureStems(d, hot) : new Set<string>();
    const repeats = (b: Bottleneck) =>
      sized.size > 0 &&
      overlap(stems((bodyOf(b.bottleneck) ? headOf(b.bottleneck) : undefined) ?? b.bottleneck), sized) >= 2;
    return d.bottlenecks.find((b) => {
      // a row with no formula of its own is never checked against a ceiling, so it is never called the next limit
      if (b === first || !b.formula || repeats(b)) return false;
      const c = ceilingFor(d, b);
      return c !== undefined && c.per !== unit && c.room !== hot;
    });
  });
}

/** "the provider's rate limit" as said: a name with its own article keeps it, a bare one gets "the". */
function the(name: string): string {
  return /^(the|a|an)\s/i.test(name) ? name : `the ${name}`;
}

/**
 * Whether the stated load already exceeds a limit's ceiling (its headroom share is 1 or more): such a limit
 * binds now, so it is never said as the next one.
 */
export function exceeded(_d: Design, b: Bottleneck): boolean {
  return b.ceiling?.kind === "headroom" && (b.ceiling.share ?? 0) >= 1;
}

/**
 * Other loads on the hotspot's own box, said beside it with their share of the same ceiling: "Session
 * keep-alives to the leader add about 1.5 thousand requests a second. That's about 5 percent of what one
 * leader handles." Only bottlenecks of the hotspot's archetype, checked against the same unit.
 */
function sameUnitLines(d: Design): Line[] {
  const first = hotBottleneck(d);
  const unit = first ? ceilingFor(d, first)?.per : undefined;
  if (!first || !unit) return [];
  const lines: Line[] = [];
  for (const b of d.bottlenecks) {
    const f = loadOf(d, b);
    const c = ceilingFor(d, b);
    if (
      b === first ||
      !b.formula ||
      !f ||
      f === hottest(d) ||
      !c ||
      c.per !== unit ||
      b.archetype !== first.archetype ||
      figureKind(c.room) !== "headroom"
    )
      continue;
    lines.push(
      ...detail(
        `${speakable(f.quantity).replace(/^./, (x) => x.toUpperCase())} add ${roundSaid(speakFigure(f.display))}`,
      ),
    );
    lines.push(...headroomLines(d, f));
  }
  return lines;
}

/** "comes" or "come", by the head noun of a limit's name: "the retained bytes" come, "the single leader per group" comes. */
function comes(name: string): string {
  const head = name.split(/\s+(?:per|of|on|in|for|across|at|to|with)\s+/)[0] ?? name;
  const last = head.split(/\s+/).pop() ?? "";
  return /[^s]s$/.test(last) && !/(?:ness|sis|us)$/.test(last) ? "come" : "comes";
}

/**
 * The next limit as sentences: its name, then its load against the ceiling it is checked against, with where
 * that ceiling comes from: "Next comes the distributor CPU. I'm assuming 25 thousand samples a second per
 * core, because … At 5 million samples a second over 25 thousand samples a second per core, that's 200 cores."
 */
function nextLimitLines(d: Design, b: Bottleneck, binding = false): string[] {
  const h = bodyOf(b.bottleneck) ? headOf(b.bottleneck) : undefined;
  const c = h ? undefined : firstClause(b.bottleneck, 30);
  const fix = binding ? firstClause(b.mitigation, 30) : undefined;
  // only an outside party's per-account limit is outside our system; a primary or leader of ours binds here
  const outside = ceilingFor(d, b)?.per === "account" ? "outside our system: " : "";
  const head = binding
    ? h || c
      ? sentence(`But the binding limit at this load is ${outside}${lowerFirst(the(h ?? c ?? ""))}`)
      : undefined
    : h
      ? sentence(
          `Next ${comes(/^(the|a|an)\s/i.test(h) ? h : `the ${h}`)} ${/^(the|a|an)\s/i.test(h) ? h : `the ${lowerFirst(h)}`}`,
        )
      : c
        ? sentence(isClause(c) ? `Next, ${lowerFirst(c)}` : `Next ${comes(c)} ${lowerFirst(c)}`)
        : undefined;
  if (!head) return [];
  const f = loadOf(d, b);
  const ceiling = ceilingFor(d, b);
  if (!f || !ceiling) return [head];
  if (figureKind(ceiling.room) === "headroom") {
    const load = ceiling.load;
    return [
      head,
      ...headroomLines(
        d,
        load ?? f,
        load ? `At ${roundSaid(speakFigure(load.display)).replace(/^about /, "")}, that's` : undefined,
      ).map((l) => l.text),
      ...(fix ? ["That makes its remedy a precondition, not a later fix.", sentence(fix)] : []),
    ];
  }
  const why = ceilingReason(ceiling);
  const chain = chainLine(d, ceiling.room);
  return [head, ...(why ? [why] : []), ...(chain ? [chain] : [])];
}

/**
 * Short action names that are jargon, with the plain verb a gloss says instead; any other verb is taken as
 * self-explanatory (append, acquire, commit, delete …).
 */
const JARGON: Record<string, string> = { park: "setting aside", cut: "sealing", settle: "resolving" };

/** The particle of a phrasal verb ("settle up", "cut off"), which makes the pair mean something else than the verb. */
const PARTICLES = /^(?:up|down|out|off|back|over)$/;

/**
 * A gloss for each jargon action the design names, from the design's own path description: "cutting the
 * head" -> "Cutting the head means sealing the head into an immutable block." Keyed by the spoken name.
 */
export function jargonGlosses(d: Design): { name: string; said: string; gloss: string }[] {
  return perScript(d, jargonGlosses, undefined, () => {
    const phrases = uniq([
      ...d.operations.map((o) => o.phrase),
      ...d.criticalPaths.flatMap((p) => [p.name, ...p.operations]),
    ]);
    const out: { name: string; said: string; gloss: string }[] = [];
    for (const phrase of phrases) {
      const name = actionName(phrase);
      const [verb = "", ...object] = name.split(/\s+/);
      const plain: string | undefined = JARGON[verb];
      const g = gerund(name);
      if (!plain || !g || object.length === 0 || out.some((x) => x.name === name)) continue;
      // a phrasal verb ("settle up": pay back what one owes) is not the jargon verb, and glossing only its verb
      // ("resolving up") says nothing
      if (PARTICLES.test(object[0] ?? "")) continue;
      const rest = (phrase.startsWith(name) ? phrase.slice(name.length) : "")
        .split(/\s+(?:and|by|so|before|after)\s+|[(,;:]/)[0]
        ?.trim();
      const gloss = [plain, ...object, ...(rest ? rest.split(/\s+/) : [])].slice(0, 10).join(" ");
      out.push({ name, said: g, gloss: sentence(`${g.charAt(0).toUpperCase()}${g.slice(1)} means ${gloss}`) });
    }
    // a hash named by what it hashes ("request hash"), glossed by the path that stores it ("a hash of the request body")
    for (const inv of d.invariants) {
      const what = /\b([a-z]+) hash\b/.exec(inv.statement)?.[1];
      const of = what
        ? phrases.map((p) => new RegExp(`\\ba hash of the ${what} (\\w+)`).exec(p)?.[1]).find(Boolean)
        : undefined;
      const name = `${what} hash`;
      if (what && of && !out.some((x) => x.name === name))
        out.push({ name, said: name, gloss: sentence(`The ${name} is a hash of the ${what} ${of}`) });
    }
    return out;
  });
}

/** The eight step writers, in the order of the knowledge table's presentation steps. */
/** The openings that say a record's fields, in turn: "It holds …" for every record is a table read row by row. */
const HOLDS_LEADS = ["It holds ", "It carries ", "It stores "];
/** The openings that say a record's key, in turn. */
const KEYED_LEADS = ["It is keyed by ", "This one is keyed by "];

/** Step 3 with each record's fields said in turn by `HOLDS_LEADS`, so no two records in a row open alike. */
function primaryVaried(d: Design): StepDraft {
  const draft = primaryStep(d);
  let n = 0;
  let k = 0;
  const vary = (text: string) =>
    text
      .replace(/(^|[.?!]\s+)It holds /g, (_, pre: string) => `${pre}${HOLDS_LEADS[n++ % HOLDS_LEADS.length]}`)
      .replace(/(^|[.?!]\s+)It is keyed by /g, (_, pre: string) => `${pre}${KEYED_LEADS[k++ % KEYED_LEADS.length]}`);
  return { ...draft, lines: draft.lines.map((l) => ({ ...l, text: vary(l.text) })) };
}

export const STEP_WRITERS: readonly ((d: Design) => StepDraft)[] = [
  normalise,
  scopesStep,
  primaryVaried,
  invariantsStep,
  contextStep,
  mechanismsStep,
  servingStep,
  failuresStep,
];

export { ceilingFor as ceilingOfBottleneck, choice, hottest };
