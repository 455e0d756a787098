import type { Design } from "../../engine/design/design.js";
import { decidedAgainst } from "../../engine/fields/decisions.js";
import { NO_INVARIANT } from "../../engine/fields/mechanism-rows.js";
import { own } from "../../engine/own.js";
import { UNKEPT } from "../../engine/stated-clauses.js";
import { contentStems, stemOverlap } from "../../engine/text.js";
import { FEATURES } from "../../knowledge/features/index.js";
import { ARCHETYPE_BY_ID, type ArchetypeId, keeperMayLead, keepRank, STORAGE_COST } from "../../knowledge/index.js";
import { CARDINAL_WORDS } from "../../knowledge/lexicon.js";
import { fitsTopics, unspokenBesides } from "../../knowledge/topics.js";
import { grammarFixed, grammarProblems } from "./grammar.js";
import { unheldKinds } from "./held.js";
import { placeholderSaid, placeholdersOf } from "./placeholders.js";
import {
  baseForm,
  COMFORT_WORDS,
  countedItems,
  countMismatch,
  countWords,
  danglingEnd,
  entityWords,
  firstClause,
  headOf,
  isActionVerb,
  isClause,
  isConditionClause,
  isFiniteClause,
  lowerFirst,
  MAX_SENTENCE_WORDS,
  mixedForms,
  optionForm,
  phraseForm,
  speakable,
  subjectlessPredicate,
  titleWords,
  verbless,
} from "./speak.js";
import {
  chainInputs,
  expires,
  hardRuleStatement,
  hottest,
  promptSubject,
  spokenFailures,
  statedKeeper,
} from "./steps.js";
import { derivedStore, housekeepingRule, mainClause, mayLeadFor, onSubjectPath, subjectFeature } from "./subject.js";
import type { Script } from "./types.js";

/** Table cells long enough that reading one out inside another sentence would be splicing. */
/** A long cell as the checks read it: its words without the first, and its word count (worked out once per design). */
interface LongCell {
  cell: string;
  core: string;
  words: number;
}
const LONG_CELLS = new WeakMap<Design, readonly LongCell[]>();
function longCells(d: Design): readonly LongCell[] {
  const known = LONG_CELLS.get(d);
  if (known) return known;
  const cells = [
    ...d.operations.map((o) => o.phrase),
    ...d.invariants.map((i) => i.statement),
    ...d.primaryState.map((s) => s.description),
    ...d.failures.flatMap((f) => [f.failure, f.prevention, f.repair]),
    ...d.bottlenecks.flatMap((b) => [b.bottleneck, b.mitigation]),
    ...d.readPaths.map((r) => r.staleness),
    d.context.retries,
    d.context.clocks,
    d.context.crashes,
    d.context.failureStance,
  ];
  const out = cells
    .map((c) => speakable(c).replace(/[.]$/, ""))
    .map((cell) => ({ cell, core: cell.slice(cell.indexOf(" ") + 1), words: countWords(cell) }))
    .filter((c) => c.words >= 10);
  LONG_CELLS.set(d, out);
  return out;
}

/**
 * "If <a failure's first clause>, <its fix>": step 8's one-sentence form of a further failure, which holds the failure
 * cell or the fix cell whole by design; any other place a long cell sits inside a sentence is a splice.
 */
function conditionThenFix(body: string, cell: string, core: string): boolean {
  if (!/^If [^,]+, /.test(body)) return false;
  return body.endsWith(core) || body.slice(3).toLowerCase().startsWith(`${cell.toLowerCase()}, `);
}

/** The items after "are" in a counted list ("The three to start from are a, b and c"). */
function listItems(body: string): string[] {
  const m = / (?:to start from|that matter most) (?:is|are) (.+)$|, among them (.+)$/.exec(body);
  const list = m?.[1] ?? m?.[2];
  return list ? items(list) : [];
}

/** A spoken list split into its items; "reads and writes" is one phrase, not two items. */
const items = (list: string): string[] =>
  list.replace(/\breads and writes\b/g, "reads-and-writes").split(/,\s+|\s+and\s+/);

export interface SpeechProblem {
  step: number;
  sentence: string;
  problem: string;
}

/**
 * What makes a sentence unspeakable or a pasted table cell: over the word limit, symbols and ids a
 * speaker would not say, a capitalised sentence start in mid-sentence ("… by The resource…"), or a
 * long cell from the design embedded inside a longer sentence.
 */
export function speechProblems(d: Design, script: Script): SpeechProblem[] {
  const cells = longCells(d);
  const out: SpeechProblem[] = [];
  for (const s of script.steps)
    for (const text of s.sentences) {
      const add = (problem: string) => out.push({ step: s.step, sentence: text, problem });
      const w = countWords(text);
      if (w > MAX_SENTENCE_WORDS) add(`${w} words`);
      if (/[()[\];/=→_|]|\bI\d{2}\b/.test(text)) add("symbols or ids a speaker would not say");
      if (/(^|\s)'[^']{12,}'/.test(text)) add("a quoted table phrase");
      if (/[a-z,:] (The|A|An|If|When|Only|Every|Each|Any|Its|This|That|Keep|Grant|Pass|Make|Use)\b/.test(text))
        add("a sentence spliced into another");
      const body = text.replace(/[.!?]$/, "");
      // a whole sentence may end on an intransitive verb ("… resolve and fetch"), never on "of" or "past"
      const end = danglingEnd(body, false);
      if (end) add(`a cut-short ending: ${end}`);
      // the items of a spoken list ("three reads: a, b and c"); API call names may be single words
      const colon = body.lastIndexOf(": ");
      if (colon > 0 && !/\bcalls?\b/.test(body.slice(0, colon)))
        for (const item of items(body.slice(colon + 2))) {
          const why = danglingEnd(item);
          if (why && item.split(/\s+/).length <= 6) add(`a cut-short list item "${item}": ${why}`);
        }
      for (const item of listItems(body)) {
        const why = danglingEnd(item);
        if (why) add(`a cut-short list item "${item}": ${why}`);
      }
      const bodyWords = countWords(body);
      for (const { cell, core, words } of cells)
        if (bodyWords - words > 5 && body.includes(core) && !conditionThenFix(body, cell, core))
          add(`a table cell read inside a sentence: ${cell}`);
    }
  return out;
}

/** Everything the candidate says aloud: the sentences, the drawing cues, the check-ins and the follow-ups. */
export function saidAloud(script: Script): { step: number; text: string }[] {
  return script.steps.flatMap((s) => [
    ...s.sentences.map((text) => ({ step: s.step, text })),
    ...(s.cue ? [{ step: s.step, text: s.cue.say }] : []),
    ...(s.checkIn ? [{ step: s.step, text: s.checkIn }] : []),
    ...s.followUps.flatMap((f) => [
      { step: s.step, text: f.question },
      { step: s.step, text: f.answer },
    ]),
  ]);
}

/**
 * What a design's own structure makes wrong to say: an internal id ("I05"), a variable name
 * (snake_case, or a capacity input's id read as words: "lease seconds"), a table row with two colons,
 * a decision said as a label ("One decision: X over Y"), a count that does not match the items named,
 * a card's placeholder where the prompt has its own noun ("the shared document, room, board or match", "per-subject"),
 * and a failure row from a mechanism this design does not speak (another design's story).
 */
/** What the content checks read of a design, worked out once per design (a walk checks sentence by sentence). */
interface ContentFacts {
  variables: readonly { v: string; re: RegExp }[];
  placeholders: ReturnType<typeof placeholdersOf>;
  foreign: readonly string[];
}
const CONTENT_FACTS = new WeakMap<Design, ContentFacts>();
function contentFacts(d: Design): ContentFacts {
  const known = CONTENT_FACTS.get(d);
  if (known) return known;
  // a variable named as a count per thing ("searches per reservation", "reservations per day") reads as English
  // after its number; one named otherwise ("lease seconds", "peak factor") does not
  const variables = [...new Set(d.capacity.flatMap((c) => c.inputs.map((i) => i.name)).filter((n) => n.includes("_")))]
    .map((n) => n.replace(/_/g, " "))
    .filter((v) => !/^[a-z]+s(?: per [a-z]+){1,2}$/.test(v))
    .map((v) => ({ v, re: new RegExp(`\\d(?: thousand| million| billion)? ${v}\\b`, "i") }));
  const kept = new Set(spokenFailures(d));
  const foreign = d.failures
    .filter((f) => !kept.has(f) && /^because the design uses /.test(f.source))
    .map((f) => firstClause(f.failure, 40)?.replace(/[.]$/, "").toLowerCase())
    .filter((x): x is string => x !== undefined && countWords(x) >= 4);
  const facts = { variables, placeholders: placeholdersOf(d), foreign };
  CONTENT_FACTS.set(d, facts);
  return facts;
}

export function contentProblems(d: Design, script: Script): SpeechProblem[] {
  const out: SpeechProblem[] = [];
  const { variables, placeholders, foreign } = contentFacts(d);
  for (const { step, text } of saidAloud(script)) {
    const add = (problem: string) => out.push({ step, sentence: text, problem });
    if (/\bI\d{2}\b/.test(text)) add("an internal archetype id");
    if (/\b[a-z]+_[a-z_]+\b/.test(text)) add("a snake_case name");
    // a number followed by a variable's words ("10 lease seconds", "3 peak factor") reads the variable aloud
    for (const { v, re } of variables) if (re.test(text)) add(`a variable read aloud: ${v}`);
    if ((text.match(/: /g) ?? []).length >= 2) add("two colons: a table row read aloud");
    if (/\bOne decision\b|\bdecision: /i.test(text)) add("a decision said as a label");
    for (const part of text.split(/(?<=[.?!])\s+/)) {
      const why = countMismatch(part);
      if (why) add(`a count that does not add up: ${why}`);
    }
    const lower = text.toLowerCase();
    for (const f of foreign) if (lower.includes(f)) add(`a failure from a mechanism this design does not speak: ${f}`);
    const placeholder = placeholderSaid(text, placeholders);
    if (placeholder) add(`a card's placeholder for the prompt's own noun: ${placeholder}`);
  }
  // the mechanism called the core one must keep a rule of the design: one that protects nothing is a base card's
  // vocabulary speaking where the rule's own guard belongs (one the next sentence says keeps the hard rule guards
  // it by the rule's own words: the table's pairing is then the engine's to mend, not a base card speaking)
  const said = saidAloud(script);
  said.forEach(({ step, text }, i) => {
    const core = /^The core mechanism is (?:an? |the )?([^.]+)\.$/.exec(text)?.[1];
    const named = core ? d.mechanisms.find((m) => lowerFirst(speakable(m.name)) === core) : undefined;
    const claimed = /^(?:It keeps the hard rule|Together with)\b/.test(said[i + 1]?.text ?? "");
    if (named && named.protects === NO_INVARIANT && !claimed)
      out.push({ step, sentence: text, problem: `a core mechanism that protects no rule: ${named.name}` });
  });
  return out;
}

/** The list a sentence says, if it says one: after "writes …:", "reads …:", "paths …:", "covers" or "In the request path,". */
export function spokenList(text: string): string[] | undefined {
  const body = text.replace(/[.!?]$/, "");
  const m =
    /\b(?:writes?|reads?|paths?)\b[^:]*: (.+)$/.exec(body) ??
    / covers? (.+)$/.exec(body) ??
    /^In (?:the request path|async workers|control loops), (.+)$/.exec(body) ??
    /^The others? (?:are|is) (.+)$/.exec(body);
  return m?.[1] ? countedItems(m[1]) : undefined;
}

/** A sentence with one of the design's archetype titles read aloud ("append log and consumer progress"). */
function labelsOf(d: Design): string[] {
  return d.archetypes.map((a) => titleWords(a.name).toLowerCase());
}

/**
 * What reads as a template or a label rather than this design's speech: a list whose items mix
 * grammatical forms, an archetype title or a failure label said bare, a template line whose facts the
 * design lacks (a lease holder, a leader, a worker, something that expires; "nobody asks for it"; "the
 * rule I just gave" two steps later), and a hottest number said without the inputs behind it.
 */
/** What the presentation checks read of a design, worked out once per design (a walk checks sentence by sentence). */
interface PresentationFacts {
  titles: readonly string[];
  labels: readonly { l: string; re: RegExp }[];
  entities: readonly string[];
  kinds: ReadonlySet<string>;
  subject: string | undefined;
  how: string | undefined;
}
const PRESENTATION_FACTS = new WeakMap<Design, PresentationFacts>();
function presentationFacts(d: Design): PresentationFacts {
  const known = PRESENTATION_FACTS.get(d);
  if (known) return known;
  const hot = hottest(d);
  const facts: PresentationFacts = {
    titles: labelsOf(d),
    labels: d.failures
      .map((f) => (f.failure.includes(": ") ? headOf(f.failure) : undefined))
      .filter((x): x is string => x !== undefined)
      .map((l) => ({ l, re: new RegExp(`: ${l.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[.?]?$`, "i") })),
    entities: [...d.operations.map((o) => o.entity), ...d.primaryState.map((s) => s.entity)],
    kinds: new Set(d.components.map((c) => c.kind)),
    subject: promptSubject(d),
    how: hot ? chainInputs(d, hot) : undefined,
  };
  PRESENTATION_FACTS.set(d, facts);
  return facts;
}

export function presentationProblems(d: Design, script: Script): SpeechProblem[] {
  const out: SpeechProblem[] = [];
  const { titles, labels, entities, kinds, subject, how } = presentationFacts(d);
  for (const { step, text } of saidAloud(script)) {
    const add = (problem: string) => out.push({ step, sentence: text, problem });
    for (const part of text.split(/(?<=[.?!])\s+/)) {
      const list = spokenList(part);
      const why = list ? mixedForms(list) : undefined;
      if (why) add(`a list that ${why}: ${part}`);
      // "the admit a request": a verb phrase given an article, so it reads as neither
      const verbal = list?.find((x) =>
        /^the (?:re-)?[a-z]+ (?:(?:or|and) [a-z-]+ |up |out )?(?:the|a|an|its)\s|^the re-[a-z]+ /.test(x),
      );
      if (verbal) add(`a list that gives a verb phrase an article: ${verbal}`);
    }
    const lower = text.toLowerCase();
    for (const t of titles) if (lower.includes(t)) add(`an archetype title read aloud: ${t}`);
    for (const { l, re } of labels) if (re.test(text)) add(`a failure label said bare: ${l}`);
    if (/nobody asks for it/i.test(text)) add("a template reason: nobody asks for it");
    if (/the hard rule I just gave/i.test(text) && step !== 4 && step !== 5)
      add("refers to a rule said steps earlier as just given");
    if (/holder mid-lease/.test(text) && !entities.some((e) => /Lease$/.test(e)))
      add("a lease holder in a design without leases");
    if (/leader mid-replication/.test(text) && !d.components.some((c) => /\bleaders?\b/i.test(c.name)))
      add("a leader in a design without one");
    if (/worker mid-task/.test(text) && !kinds.has("worker-pool")) add("a worker in a design without a worker pool");
    if (/^Expiry decisions/.test(text) && !expires(d)) add("an expiry clock rule where nothing expires");
  }
  // the first minute names what the prompt asks to build in its own words, not only an archetype's name for it
  const opening = (script.steps[0]?.sentences.slice(0, 2).join(" ") ?? "").toLowerCase();
  if (subject && !opening.includes(subject.toLowerCase()))
    out.push({ step: 1, sentence: opening, problem: `the first minute never names the prompt's subject: ${subject}` });
  const eight = script.steps[7];
  if (
    eight &&
    how &&
    eight.sentences.some((x) => x.startsWith("The hottest number is")) &&
    !eight.text.includes(grammarFixed(how))
  )
    out.push({ step: 8, sentence: eight.text, problem: "the hottest number without the inputs behind it" });
  return out;
}

/**
 * Where a template spliced a phrase of the wrong form into its slot, so the sentence is not one a candidate
 * would say: a verb or a how ("fold the time …", "by document", "asynchronously from …") after "I'd pick",
 * a noun phrase after "a design where", a clause inside a list of actions ("…, the consumer acks the
 * message and …"), two joined verbs in different forms ("accepting or declines"), a count that disagrees
 * with its noun ("1 regions", "3 node"), and a sentence that opens on "its" or "their" after one that named
 * nothing it could refer to ("Now the first failure. Its lease expires late …").
 */
export function spliceProblems(script: Script): SpeechProblem[] {
  const out: SpeechProblem[] = [];
  // the deep dives are offered aloud too (step 0 here)
  const said = [...saidAloud(script), ...(script.deepDives ?? []).map((x) => ({ step: 0, text: x.why }))];
  for (const [k, { step, text }] of said.entries()) {
    const add = (problem: string) => out.push({ step, sentence: text, problem });
    for (const part of text.split(/(?<=[.?!])\s+/)) {
      const m = /\bI'd (pick|go) (an? )?(.+?)(?:,| over | rather than | not one where |[.]$)/.exec(part);
      const pick = m?.[3];
      const form = pick ? optionForm(pick) : undefined;
      if (pick && m?.[1] === "pick" && (form === "instruction" || form === "modifier"))
        add(
          `a ${form === "instruction" ? "verb phrase" : "how or where"} where a noun phrase belongs: I'd pick ${pick}`,
        );
      if (pick && m?.[1] === "go" && (m[2] || form !== "modifier"))
        add(`a noun phrase where a how belongs: I'd go ${m[2] ?? ""}${pick}`);
      for (const m of part.matchAll(/\b(?:a design|one) where (.+?)(?:, (?:not|rather than)\b|, because\b|[.?]$)/g))
        if (m[1] && !isClause(m[1])) add(`a noun phrase where a clause belongs: where ${m[1]}`);
        // "where no hold, and a conditional write decides": the clause slot opens with a noun phrase of its own
        else if (m[1] && /, (?:and|but) /.test(m[1]) && !isClause(m[1].split(/, (?:and|but) /)[0] ?? ""))
          add(`a noun phrase where a clause belongs: where ${m[1].split(/, (?:and|but) /)[0]}`);
      // the prompt's subject cut after a participle whose object was left behind ("a service answering.")
      const cut =
        /^I'm designing [^.]*\b(?:service|system|store|platform|engine|server|cache|queue|database|pipeline|registry|api) ([a-z]+ing)\.$/i.exec(
          part,
        );
      if (cut) add(`a subject cut after its participle: ${cut[1]}`);
      const list = spokenList(part);
      if (list && list.length > 1 && list.some((x) => phraseForm(x) === "gerund"))
        for (const x of list) if (phraseForm(x) === "clause") add(`a clause in a list of actions: ${x}`);
      for (const x of list ?? []) {
        const mixed = /^([a-z]+ing) (?:or|and) ([a-z]+[^s'\s]s)\b/.exec(x);
        if (mixed) add(`two joined verbs in different forms: ${mixed[0]}`);
      }
      const one = /(?<![\d.,])\b1 ([a-z]+[^su]s)\b/.exec(part);
      if (one) add(`a count of one with a plural: ${one[0]}`);
      const many =
        /(?<![\d.,])\b(?:[2-9]|\d{2,}) (region|node|replica|shard|zone|server|instance|partition|worker|machine|host|copy)\b/.exec(
          part,
        );
      if (many) add(`a count above one with a singular: ${many[0]}`);
      // a field list cut to nothing ("It holds."), a scope that is no unit ("per global"), a second "when"
      // inside "comes when" (a noun phrase in a clause slot), a tuple dropped from its noun ("A pair yields"),
      // and a split-off clause whose "none" points back at a noun left in the sentence before
      if (/^It (?:holds|keeps|carries)\s*[.]?$/.test(part)) add(`a field list cut to nothing: ${part}`);
      const scope = /\bper (global|none|all|everything)\b/.exec(part);
      if (scope) add(`a scope that is not a unit after "per": ${scope[0]}`);
      const when = /\bcomes when ([^.,;]+)/.exec(part)?.[1];
      if (when && (/\bwhen\b/.test(when) || !isClause(when)))
        add(`a noun phrase where a clause belongs: comes when ${when}`);
      const pair = /\b(?:[Aa]|[Tt]he|[Ee]ach|[Ee]very|[Oo]ne) (pair|tuple|triple)\b(?! of\b)/.exec(part);
      if (pair) add(`a ${pair[1]} with nothing in it: ${pair[0]}`);
      if (/^And\b[^.]*\b(?:keeps|has|holds|sends|stores) none\b/.test(part))
        add(`a split-off clause whose "none" has nothing to point back to: ${part}`);
    }
    const before = said[k - 1];
    // a short framing sentence ("Now the first failure.") names nothing; a question's subject is its answer's referent
    if (
      /^(?:Its|Their) /.test(text) &&
      before?.step === step &&
      countWords(before.text) <= 5 &&
      !/\?$/.test(before.text)
    )
      add(`a pronoun with nothing to refer to after: ${before.text}`);
  }
  return out;
}

/** Word statistics of a script's sentences. */
export function sentenceStats(script: Script): { sentences: number; words: number; max: number; over: number } {
  const all = script.steps.flatMap((s) => s.sentences.map(countWords));
  return {
    sentences: all.length,
    words: all.reduce((a, b) => a + b, 0),
    max: Math.max(0, ...all),
    over: all.filter((w) => w > COMFORT_WORDS).length,
  };
}

/** An article before a preposition or a conjunction ("the with …", "the as published …"); "the on-sale event" is a word. */
const THE_PREPOSITION =
  /\bthe (?:with|without|as|by|from|to|for|of|into|via|than|and|or|but|if|when|while)\b(?![-'])|\bthe (?:on|off|in|out)(?=[,.]|\s+(?:and|or)\b|$)/i;
/** An article before a word and what follows it when that word is a verb: its object, a gerund or a pronoun. */
const THE_VERB = /\bthe ([a-z]+) (?=(the|its|their|them|people|everyone|a|an|[a-z]{3,}ing|\d)\b)/g;
/** Verbs as often nouns with a reduced relative clause after them ("the lock a client holds", "the read a follower serves"). */
const NOUN_VERB =
  /^(?:read|write|lock|hold|check|run|scan|list|stream|post|issue|report|look|move|split|load|mark|route|ship|claim|record|update|commit|cut|call|send|push|poll|search|watch|shift|request|set|place|pay|sign|start|stop)$/;

/**
 * What a candidate could not say naturally, by the template that makes it: a reason said as a bare noun
 * phrase after "because" ("because millisecond reads"), a condition that is a clause after "with" ("would win
 * with one board outgrows …") or a clause where a noun phrase belongs ("rather than equal scores share a
 * rank"), "It gives" before a clause, a number said with more digits than anyone speaks ("2777.8 requests",
 * "1.16 thousand", "1000 terabytes"), a record's field read with a dot ("key value.version"), an article before
 * a determiner or a question word ("the its", "the how"), a diagram title with a colon said as a name, a list
 * item that ends on a preposition ("notifying the user about"), a noun phrase among actions ("the blind put"),
 * the same sentence twice in one step, and any sentence (follow-ups too) over 35 words.
 */
export function phrasingProblems(script: Script): SpeechProblem[] {
  const out: SpeechProblem[] = [];
  // the deep dives are offered aloud too (step 0 here): "I'd pick …" there is held to the same grammar
  const offered = (script.deepDives ?? []).map((x) => ({ step: 0, text: x.why }));
  for (const { step, text } of [...saidAloud(script), ...offered]) {
    const add = (problem: string) => out.push({ step, sentence: text, problem });
    for (const part of text.replace(/^(?:Q|A): /, "").split(/(?<=[.?!])\s+(?=[A-Z])/)) {
      const w = countWords(part);
      if (w > 35) add(`${w} words in one sentence: ${part}`);
      const because = /\bbecause (.+?)(?:[.?]$|, (?:and|so|but)\b|$)/.exec(part)?.[1];
      // a subject and its verb that `verbless` does not know ("bytes land in the order …") is a clause
      if (because && verbless(because) && !isFiniteClause(because))
        add(`a noun phrase said as a reason: because ${because}`);
      const withClause =
        /\bwould win with ((?:the |a |an |one |each |every )?[a-z-]+ [a-z]+s (?:the|a|an|one|its|their|whole|every|each|all|no)\b.*)/.exec(
          part,
        )?.[1];
      // a flip condition is a finite clause after "if", never one after "with" ("would win with readers scan …")
      const withCondition = /\bwould win with ([^.?]+)/.exec(part)?.[1];
      if (withClause) add(`a clause after "with": ${withClause}`);
      else if (withCondition && isConditionClause(withCondition)) add(`a clause after "with": ${withCondition}`);
      // an option's description spliced after a colon into the slot that names it ("rather than a delivery state
      // machine: each effect's state …"; "I'd pick …: …"), or a reason whose label's colon is said aloud
      const colon =
        /\b(?:rather than|not one where|I'd (?:pick|go)|When would you (?:pick|go)|When would a design where) [^.?:]*: /.exec(
          part,
        )?.[0];
      if (colon) add(`an option's description spliced after a colon: ${colon}`);
      const clauseAsName =
        /\b(?:rather than|pick|over) ([a-z]+ [a-z]+s (?!of|for|in|on|at|per|from|to|with|by)[a-z]+ (?:a|an|the|one|their|its|every|each)\b[^,.?]*)/.exec(
          part,
        )?.[1];
      if (clauseAsName && !/^(?:one|each|every|a|an|the|all)\b/.test(clauseAsName))
        add(`a clause where a noun phrase belongs: ${clauseAsName}`);
      if (
        /\bIt gives [^.]*?\b[a-z-]+ (?:vanish|turns|stores|keeps|stays|lives|makes)\b/.test(part) &&
        !/\bthat\b/.test(part)
      )
        add("a clause after 'It gives'");
      // "It gives computes and streams …": a predicate whose subject was left off, given "It gives" as one
      const gives = /\bIt gives (.+)$/.exec(part)?.[1];
      if (gives && subjectlessPredicate(gives)) add(`a verb after 'It gives': ${gives.split(/\s+/)[0]}`);
      // "the with traffic-split weights", "the as published": an article before a preposition or conjunction
      const prep = THE_PREPOSITION.exec(part);
      if (prep) add(`an article before a preposition: ${prep[0]}`);
      // "the start playing the video", "the invite people": an article before a verb phrase
      for (const m of part.matchAll(THE_VERB)) {
        const w = m[1] ?? "";
        if (/^an?$/.test(m[2] ?? "") && NOUN_VERB.test(w)) continue;
        if (isActionVerb(w) || (/s$/.test(w) && isActionVerb(baseForm(w))))
          add(`an article before a verb phrase: ${m[0]}${m[2]}`);
      }
      for (const m of part.matchAll(/\b\d+(?:,\d{3})*\.\d+\b(?! percent)/g)) {
        const [whole = "", fraction = ""] = m[0].replace(/,/g, "").split(".");
        if ((+whole >= 100 || fraction.length >= 2) && !/^99/.test(m[0]) && +whole !== 0)
          add(`a number with more digits than anyone says: ${m[0]}`);
      }
      const big = /\b(?:1000|\d{4,}) (?:kilo|mega|giga|tera)bytes\b/.exec(part);
      if (big) add(`a size said in too small a unit: ${big[0]}`);
      const dotted = /\b[a-z]+\.[a-z]{2,}\b/.exec(part);
      if (dotted && !/^(?:e\.g|i\.e|node\.js)$/i.test(dotted[0])) add(`a field read with a dot: ${dotted[0]}`);
      const double = /\b(?:the|a|an) (?:its|their|his|her|how|what|when|which|who|the|a|an)\b/i.exec(part);
      if (double) add(`an article before a determiner: ${double[0]}`);
      const titled = /\b(?:draw|walk) the ([^.,]*?): /.exec(part);
      if (titled) add(`a diagram title said as a name: ${titled[1]}`);
      if (/->|<-|=>/.test(part)) add("an arrow read aloud");
      const list = spokenList(part);
      if (list && list.length > 1) {
        for (const x of list) {
          const why = danglingEnd(x, false) ?? /\b(?:about|to|in|on|at|into|by)$/.exec(x)?.[0];
          if (why) add(`a cut-short list item "${x}": ${why}`);
          // an action whose object lost its modifier ("seeing the time" for the last-seen time)
          const bare = /^[a-z]+ing the (time|number|value|count)$/.exec(x);
          if (bare) add(`a list item cut to a bare "${bare[1]}": ${x}`);
        }
        if (list.some((x) => phraseForm(x) === "gerund"))
          for (const x of list)
            if (/^(?:the|a|an) /.test(x) && phraseForm(x) === "noun") add(`a noun phrase in a list of actions: ${x}`);
      }
    }
  }
  // a sentence said twice in a script, or a follow-up answer that only repeats what the step already said
  const spoken = new Set<string>();
  for (const s of script.steps) {
    const body = new Set<string>();
    for (const text of s.sentences) {
      if (body.has(text)) out.push({ step: s.step, sentence: text, problem: "the same sentence twice in one step" });
      else if (spoken.has(text))
        out.push({ step: s.step, sentence: text, problem: "the same sentence twice in one script" });
      body.add(text);
      spoken.add(text);
    }
    for (const f of s.followUps) {
      const parts = f.answer.split(/(?<=[.?!])\s+(?=[A-Z])/);
      if (parts.every((x) => body.has(x)))
        out.push({ step: s.step, sentence: f.answer, problem: `a follow-up that repeats the step: ${f.question}` });
    }
  }
  return out;
}

/**
 * What the script says that the design does not hold: a record kind none of its records, fields or components
 * keeps, and an API whose count disagrees with the design's own list of calls.
 */
export function heldProblems(d: Design, script: Script): SpeechProblem[] {
  const out: SpeechProblem[] = [];
  for (const { step, text } of saidAloud(script)) {
    for (const kind of unheldKinds(d, text))
      out.push({ step, sentence: text, problem: `names a ${kind} the design does not hold` });
    const calls = /\bThe API has (\w+) calls?\b(?! that matter most)/.exec(text)?.[1];
    if (calls) {
      const n = /^\d+$/.test(calls) ? Number(calls) : (own(CARDINAL_WORDS, calls.toLowerCase()) ?? -1);
      if (
        n !== d.api.length &&
        n !== d.api.filter((a) => !/\b(callback|webhook)s?\b/i.test(`${a.operation} ${a.call}`)).length
      )
        out.push({ step, sentence: text, problem: `an API of ${calls} calls against ${d.api.length} in the design` });
    }
  }
  return out;
}

/**
 * What the script says the design rests on, checked against the design: the authoritative state is never named on a
 * derived copy (a search index, a cache); the core mechanism keeps the spoken hard rule (never one that only keeps
 * a housekeeping concern the rule is not about, such as garbage collection or an idempotency key beside an ordering
 * rule, nor one that only serves reads or recovery without protecting it, nor another than the one the rule's own
 * subject names as what keeps it, `keptBy`, where the design holds that one); the hard rule is the prompt's subject's
 * (a product prompt's named feature, else the dominant archetype) when that subject states a rule of its own; and
 * the first hotspot is a load, never a storage cost while a load is listed beside it.
 */
export function coreProblems(d: Design, script: Script): SpeechProblem[] {
  const out: SpeechProblem[] = [];
  const said = saidAloud(script);
  const words = (t: string) =>
    t
      .toLowerCase()
      .replace(/[^a-z0-9 ]+/g, " ")
      .replace(/\s+/g, " ")
      .trim();
  // the invariant a spoken hard rule says: its first clause is said word for word
  let rule: Design["invariants"][number] | undefined;
  said.forEach(({ step, text }, i) => {
    if (text === "The hard rule is this." || text === "The hard rule is this") {
      const next = words(said[i + 1]?.text ?? "");
      rule = d.invariants.find((inv) => {
        const head = words(speakable(mainClause(inv.statement)));
        return head.length > 0 && next.startsWith(head.slice(0, Math.min(head.length, 40)));
      });
      if (rule && !onSubjectPath(d, rule) && !housekeepingRule(d, rule.statement)) {
        const subjectOwn = d.invariants.some(
          (inv) => onSubjectPath(d, inv) && !/^(delivery|consistency|ordering|availability) is/.test(inv.because),
        );
        if (subjectOwn && subjectFeature(d))
          out.push({ step, sentence: said[i + 1]?.text ?? text, problem: "a hard rule off the prompt's subject" });
      }
    }
    const kept = /^The authoritative state is [^,]+, kept in (.+)\.$/.exec(text)?.[1];
    if (kept) {
      // the name said without its bracketed note ("the search index cluster" for "Search index cluster (sharded …)")
      const bare = (x: Design["components"][number]) => words(x.name.replace(/\s*\([^)]*\)/g, ""));
      const c = d.components.find((x) => [bare(x), `the ${bare(x)}`].includes(words(kept)));
      if (c && derivedStore(d, c))
        out.push({ step, sentence: text, problem: `authority named on a derived store: ${c.name}` });
    }
    const hot = /^(?:Inside our own system, t|T)he first hotspot (?:is|comes when) (.+)\.$/.exec(text)?.[1];
    if (hot) {
      const b = d.bottlenecks.find((x) => words(hot).startsWith(words(x.bottleneck.split(":")[0] ?? "")));
      if (b && STORAGE_COST.test(b.bottleneck) && d.bottlenecks.some((x) => !STORAGE_COST.test(x.bottleneck)))
        out.push({ step, sentence: text, problem: `a first hotspot that is a storage cost: ${b.bottleneck}` });
    }
  });
  // a rule nothing keeps: the engine's own diagnostic is never said aloud, the gap is said once in plain words, no
  // mechanism is called its core, and no rule is credited to a mechanism right after saying none keeps it
  const unkept = rule !== undefined && rule.keptBy === undefined && rule.statement.endsWith(UNKEPT);
  const gaps = said.filter(({ text }) =>
    /^(?:Nothing in this design enforces|No mechanism in this design keeps)\b/.test(text),
  );
  if (gaps.length > 1)
    for (const { step, text } of gaps.slice(1)) out.push({ step, sentence: text, problem: "a rule's gap said twice" });
  said.forEach(({ step, text }, i) => {
    if (/\brefuses nothing that breaks it\b|\bno mechanism in this design keeps it yet\b/i.test(text))
      out.push({ step, sentence: text, problem: "an internal gap diagnostic said aloud" });
    if (/^It protects this rule\b/.test(text) && /^No mechanism\b/.test(said[i - 1]?.text ?? ""))
      out.push({ step, sentence: text, problem: "a rule credited to a mechanism right after saying none keeps it" });
    if (unkept && /^The core mechanism is\b/.test(text))
      out.push({ step, sentence: text, problem: "a core mechanism named for a rule nothing keeps" });
  });
  said.forEach(({ step, text }, i) => {
    const core = /^The core mechanism is (?:an? |the )?([^.]+)\.$/.exec(text)?.[1];
    const m = core ? d.mechanisms.find((x) => lowerFirst(speakable(x.name)) === core) : undefined;
    if (!m || !rule) return;
    // the core's own rule is the hard rule: one bound to another rule of the design, said to keep the hard rule while
    // the design binds the hard rule to another mechanism, names a family mechanism where the rule's own belongs
    const bound = d.mechanisms.find((x) => x.protects === rule?.statement && x.kind === "base");
    const claims = /^It keeps the hard rule\b/.test(said[i + 1]?.text ?? "");
    if (
      claims &&
      bound &&
      bound !== m &&
      m.protects !== NO_INVARIANT &&
      m.protects !== rule.statement &&
      m.id !== rule.keptBy &&
      d.invariants.some((x) => x.statement === m.protects)
    ) {
      out.push({
        step,
        sentence: text,
        problem: `a core mechanism bound to another rule: ${m.name}, while ${bound.name} keeps the hard rule`,
      });
      return;
    }
    // a rule its own subject says how to keep (a top k's merged partition lists, a device's out-of-order window)
    // is kept by that mechanism where the design holds it, never by a generic one its words happen to share
    // (a generic companion named as keeper, a version check or an idempotency key, is not the subject's own)
    const own = rule.keptBy ? d.mechanisms.find((x) => x.id === rule?.keptBy) : undefined;
    const archetypes = [rule.archetype, d.archetypes[0]?.id].filter((a): a is ArchetypeId => a !== undefined);
    if (
      own &&
      own !== m &&
      (keeperMayLead(own.id, archetypes) || statedKeeper(d, rule.statement)) &&
      !decidedAgainst(d.decisions, own.id, d.archetypes[0]?.id)
    )
      out.push({
        step,
        sentence: text,
        problem: `a core mechanism other than the subject's own: ${m.name}, not ${own.name}`,
      });
    else if (!mayLeadFor(m, rule.statement))
      out.push({ step, sentence: text, problem: `a core mechanism that keeps only housekeeping: ${m.name}` });
    else if (m.serves && m.protects !== rule.statement)
      out.push({ step, sentence: text, problem: `a core mechanism that does not protect the hard rule: ${m.name}` });
  });
  return out;
}

/** Where a step-five sentence says its paths run, by its opening words. */
const PLACES: readonly [RegExp, string][] = [
  [/^(?:The request path covers|In the request path,) /, "request path"],
  [/^(?:Async workers cover|In async workers,) /, "async worker"],
  [/^(?:Control loops cover|In control loops,) /, "control loop"],
];

/**
 * Where the script says a path runs, checked against the design's own placement (the execution context the
 * worksheet shows): each path named after "The request path covers", "Async workers cover" or "Control loops cover"
 * is the design path it shares the most words with, and that path runs there ("draining a backend" said under control
 * loops while the worksheet puts "drain a backend before removal" on the request path is a contradiction).
 */
export function placementProblems(d: Design, script: Script): SpeechProblem[] {
  const out: SpeechProblem[] = [];
  const paths = d.context.paths.map((p) => ({ p, stems: contentStems(p.path.replace(/\s*\([^)]*\)\s*$/, "")) }));
  for (const { step, text } of saidAloud(script)) {
    const place = PLACES.find(([re]) => re.test(text))?.[1];
    const list = place ? spokenList(text) : undefined;
    for (const item of list ?? []) {
      const words = contentStems(item);
      const scored = paths.map((x) => ({ ...x, n: stemOverlap(words, x.stems) })).sort((a, b) => b.n - a.n);
      const [best, next] = scored;
      // a path named unambiguously: it shares two words with one design path, more than with any other
      if (!best || best.n < 2 || (next && next.n === best.n)) continue;
      if (best.p.runsIn !== place)
        out.push({
          step,
          sentence: text,
          problem: `a path said to run in ${place === "async worker" ? "async workers" : `the ${place}`} that the worksheet places in the ${best.p.runsIn}: ${item}`,
        });
    }
  }
  return out;
}

/** Words that open a subordinate clause: a slot that wants a noun phrase or a list item never opens on one. */
const SUBORDINATOR =
  /^(?:if|when|whenever|because|since|while|although|though|unless|whether|which|that|where|once|until)\b/i;

/** The longest sentence a candidate says in one breath before a listener loses its start. */
export const BREATH_WORDS = 45;

/**
 * Template slots filled with text of the wrong shape, over everything said aloud and the design's drawn labels:
 * a noun-phrase slot ("I'd pick", "covers", "such as") or a list item that opens on a subordinator, a list item cut
 * to a quantifier and a bare number ("each of 1"), a word said twice in a row, a condition template ("would win if",
 * "wins if") wrapped around a clause that is a sentence of its own (it opens on a capital or a subordinator), a
 * numeral slot filled by a word ("about several thousand"), a sentence past {@link BREATH_WORDS} words, and a diagram
 * label cut with "…".
 */
export function slotProblems(d: Design, script: Script): SpeechProblem[] {
  const out: SpeechProblem[] = [];
  for (const { step, text } of saidAloud(script)) {
    const add = (problem: string) => out.push({ step, sentence: text, problem });
    for (const part of text.split(/(?<=[.?!])\s+/)) {
      const twice = /\b([a-z]+) \1\b/i.exec(part.replace(/\b(that|had) \1\b/gi, ""));
      if (twice) add(`a word said twice: ${twice[0]}`);
      if (countWords(part) > BREATH_WORDS) add(`a sentence of ${countWords(part)} words`);
      const cond = /\b(?:would win|wins|would flip|flips) (?:if|when) (.+)$/.exec(part)?.[1];
      if (cond && (SUBORDINATOR.test(cond) || /^(?!I\b|API\b)[A-Z][a-z]/.test(cond)))
        add(`a condition wrapped around a sentence: if ${cond}`);
      // ("decisions such as whether an effect may be retried" names a kind of question, which "whether" may)
      for (const m of part.matchAll(/\b(?:I'd pick|covers?|such as|including) ([^,.]+)/g))
        if (m[1] && SUBORDINATOR.test(m[1]) && !/^whether\b/.test(m[1]))
          add(`a subordinate clause where a noun phrase belongs: ${m[1]}`);
      for (const x of spokenList(part) ?? []) {
        if (SUBORDINATOR.test(x)) add(`a list item that opens a subordinate clause: ${x}`);
        if (/^(?:each|every|all|one|any) of [\d.,]+$|\b(?:of|to|for|the|a|an)$/.test(x))
          add(`a list item cut short: ${x}`);
      }
      for (const g of grammarProblems(part)) add(g);
      const numeral =
        /\b(?:about|roughly|around) (?:some|many|several|few|lots of) (?:hundred|thousand|million|billion)\b/.exec(
          part,
        );
      if (numeral) add(`a numeral slot filled by a word: ${numeral[0]}`);
    }
  }
  for (const g of d.diagrams)
    for (const cut of g.mermaid.match(/[^"\n]{0,40}…/g) ?? [])
      out.push({ step: 0, sentence: g.title, problem: `a diagram label cut with "…": ${cut}` });
  return out;
}

/** The data-model records a text names by their spoken names ("the partition map"), each once. */
export function recordsNamed(d: Design, text: string): string[] {
  const said = ` ${text.toLowerCase().replace(/[^a-z0-9' -]+/g, " ")} `;
  return [
    ...new Set(
      d.dataModel
        .map((m) => entityWords(m.entity.replace(/\s*\(.*\)$/, "")).toLowerCase())
        .filter(
          (w) => w.length > 2 && (said.includes(` ${w} `) || said.includes(` ${w}s `) || said.includes(` ${w}'s `)),
        ),
    ),
  ];
}

/**
 * Glosses said for a record that describe a same-named record of a subject the design is not about: a card entity
 * marked with a topic (or kept out by one) whose description's opening words the script says, while no entity of
 * that name which fits the design's topics says them ("The tombstone is the marker a logout or revocation writes
 * for one session id" in a key-value store that holds no sessions).
 */
export function leakedGlosses(d: Design, script: Script): string[] {
  const unspoken = unspokenBesides((d.nfrs.topics ?? []).map((value) => ({ value })));
  const text = script.steps
    .flatMap((s) => [...s.sentences, ...s.followUps.map((f) => f.answer)])
    .join(" ")
    .toLowerCase();
  const opening = (desc: string) =>
    speakable(desc)
      .toLowerCase()
      .split(/[:;(]|,\s/)[0]
      ?.replace(/[.,]$/, "")
      .trim() ?? "";
  const out: string[] = [];
  const names = new Set(d.dataModel.map((m) => m.entity));
  const entities = [
    ...[...ARCHETYPE_BY_ID.values()].flatMap((a) => a.entities),
    ...FEATURES.flatMap((f) => f.entities),
  ];
  for (const name of names) {
    const same = entities.filter((e) => e.name === name);
    const fitting = new Set(same.filter((e) => fitsTopics(e, unspoken)).map((e) => opening(e.description)));
    for (const e of same) {
      const head = opening(e.description);
      if (countWords(head) < 5 || fitsTopics(e, unspoken) || fitting.has(head)) continue;
      if (text.includes(head.split(/\s+/).slice(0, 8).join(" "))) out.push(`${name}: ${head}`);
    }
  }
  return [...new Set(out)];
}

/**
 * Answers to "How do you enforce the hard rule?" that name no mechanism the design's own mechanism table says
 * protects that rule (its `protects`, or the rule's `keptBy`), where the table names one: "With content addressing
 * with checksums" where the parent-version compare-and-set keeps it.
 */
export function hardRuleAnswerProblems(d: Design, script: Script, raw = false): string[] {
  const statement = hardRuleStatement(d);
  const answer = script.steps[3]?.followUps.find((f) => f.question === "How do you enforce the hard rule?")?.answer;
  if (!statement || !answer) return [];
  const inv = d.invariants.find((i) => i.statement === statement);
  // the table's pairing where it keeps a kind of the rule (a time-to-live paired by its words with an editing rule
  // keeps none of it; a rule of no known kind says nothing either way), unless `raw`
  const protectors = d.mechanisms.filter(
    (m) =>
      (m.protects === statement || inv?.keptBy === m.id) &&
      (raw || Number.isFinite(keepRank(m.id, statement) ?? Number.NaN)),
  );
  if (protectors.length === 0) return [];
  const said = answer.toLowerCase();
  // a mechanism named by its verb is said as the doing ("publishing content before the pointer"): its words after
  // the first name it too
  const named = d.mechanisms.filter((m) => {
    const name = lowerFirst(speakable(m.name)).toLowerCase();
    const tail = name.split(/\s+/).slice(1).join(" ");
    return said.includes(name) || (countWords(name) >= 3 && said.includes(tail));
  });
  return named.some((m) => protectors.includes(m))
    ? []
    : [`${answer} | kept by ${protectors.map((m) => m.name).join(", ")} | ${statement.slice(0, 90)}`];
}
