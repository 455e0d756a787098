import { ARCHETYPE_BY_ID } from "../knowledge/index.js";
import { STOP_WORDS } from "../knowledge/lexicon.js";
import type { ArchetypeId } from "../knowledge/schema.js";
import { designWords, singularOf } from "./counted-nouns.js";
import { SYSTEM_WORDS } from "./prompt-nouns.js";

/**
 * Whether the chosen card speaks of what the prompt is about: the prompt's distinctive nouns (a word some card keeps
 * as a record, an operation or a phrase, and only a few cards do: 'window', 'warehouse', 'player') against the words
 * of the lead card's rows this design draws (rows of a subject it does not take are left out). A design read from an
 * incidental word ("like Apache Flink" as a search projection) holds none of "windowed counts": the lead row says so,
 * with low confidence, and names the nouns no drawn row holds and the cards that do hold them.
 */

/** A noun kept by more cards than this is generic (record, query, request): it says nothing of the fit. */
const DISTINCT_AT_MOST = 3;

/** Nouns outside the lead's rows needed to doubt the kind: this many, and more than the nouns it holds. */
const LEAST_UNCOVERED = 2;

type Row = { topic?: string | readonly string[]; unlessTopic?: string | readonly string[] };

const asList = (x: string | readonly string[] | undefined): readonly string[] =>
  x === undefined ? [] : typeof x === "string" ? [x] : x;

/** Whether a card row is drawn under the design's subjects: its own subject taken, no subject that drops it. */
const drawn = (r: Row, topics: ReadonlySet<string> | undefined): boolean =>
  (r.topic === undefined || (topics !== undefined && asList(r.topic).some((t) => topics.has(t)))) &&
  !asList(r.unlessTopic).some((t) => topics?.has(t));

type Entry = NonNullable<ReturnType<typeof ARCHETYPE_BY_ID.get>>;

/** The runtime overlay a design of the card draws: its subject's own, else the card's. */
const overlayOf = (e: Entry, topics: ReadonlySet<string> | "all") =>
  (topics === "all" ? undefined : e.topicOverlays?.find((o) => topics.has(o.topic))) ?? e.overlay;

/** The texts of a card that name what it keeps and does, under the given subjects (all subjects when undefined). */
function cardTexts(id: ArchetypeId, topics: ReadonlySet<string> | "all"): string[] {
  const e = ARCHETYPE_BY_ID.get(id);
  if (e === undefined) return [];
  const keep = (r: Row) => topics === "all" || drawn(r, topics);
  return [
    e.name,
    e.summary,
    ...e.signals.phrases.map((p) => p.text),
    ...e.entities.filter(keep).flatMap((x) => [x.name, x.description]),
    ...e.writePaths.filter(keep).flatMap((p) => [p.action, p.entity]),
    ...e.readPaths.filter(keep).flatMap((p) => [p.action, p.entity]),
    ...(e.invariantTopics ?? e.invariants.map((statement): Row & { statement: string } => ({ statement })))
      .filter(keep)
      .map((i) => i.statement),
    ...e.contract.api,
    ...Object.values(overlayOf(e, topics) ?? {}).filter((v): v is string => typeof v === "string"),
  ];
}

let SPREAD: Map<string, ArchetypeId[]> | undefined;
/** Each word of a record's name any card keeps (its subjects' records too) and the cards that keep it, built on first ask. */
function spread(): Map<string, ArchetypeId[]> {
  if (SPREAD) return SPREAD;
  SPREAD = new Map();
  for (const [id, e] of ARCHETYPE_BY_ID)
    for (const w of designWords(e.entities.map((x) => x.name))) {
      const ids = SPREAD.get(w);
      if (ids) ids.push(id);
      else SPREAD.set(w, [id]);
    }
  return SPREAD;
}

const LEAD_WORDS = new Map<string, ReadonlySet<string>>();
/** The words of the lead card's rows drawn under the design's subjects (kept per card and subjects). */
function leadWords(id: ArchetypeId, topics: readonly string[]): ReadonlySet<string> {
  const key = `${id}|${[...topics].sort().join(",")}`;
  let out = LEAD_WORDS.get(key);
  if (out === undefined) {
    if (LEAD_WORDS.size > 256) LEAD_WORDS.clear();
    out = designWords(cardTexts(id, new Set(topics)));
    LEAD_WORDS.set(key, out);
  }
  return out;
}

/**
 * Words that say who acts rather than what is kept (users, clients, people): every system serves them, so they say
 * nothing of the kind of system.
 */
const ACTORS = new Set(["user", "client", "customer", "people", "person", "visitor", "member"]);

/**
 * Words that count a group when "of" and a plural follow ("a chain of bakeries", "a group of stores", "a network of
 * depots"): they say how the owner is organised, not a record the system keeps (a hash chain is a record; a chain of
 * shops is a business).
 */
const COLLECTIVES = new Set(["chain", "group", "network", "family", "franchise", "collection", "series", "number"]);

/** Words after which a word ending in -s or -ed is a verb ("that blocks", "and books", "takes effect"). */
const VERB_BEFORE = new Set([
  "that",
  "which",
  "who",
  "and",
  "or",
  "never",
  "always",
  "also",
  "only",
  "it",
  "to",
  "can",
  "may",
  "must",
  "will",
  "should",
  "takes",
  "take",
]);

/**
 * A prompt's distinctive nouns, in its order: words a few cards keep as records ("windowed counts" as 'window'), never a
 * name the prompt writes in capitals (Vault), an actor, a system word, a rate's or scope's noun, or a word in a verb's
 * place ("that blocks", "booked twice").
 */
export function distinctNouns(prompt: string): string[] {
  const cards = spread();
  const out: string[] = [];
  const written = prompt.match(/[A-Za-z]+|\d[\d,.]*/g) ?? [];
  const words = written.map((w) => w.toLowerCase());
  for (let i = 0; i < words.length; i++) {
    const raw = words[i] ?? "";
    if (raw.length < 4 || STOP_WORDS.has(raw) || raw.endsWith("ing")) continue;
    // a name the prompt writes capitalised after its first word ("like HashiCorp Vault") is a product, not a record
    if (i > 0 && /^[A-Z]/.test(written[i] ?? "")) continue;
    const ed = raw.endsWith("ed");
    // "windowed counts": a noun made a modifier of the plural after it; "booked twice", "time-ordered IDs" are verbs
    if (ed && !/[^s]s$/.test(words[i + 1] ?? "")) continue;
    if (/[^s]s$|ed$/.test(raw) && VERB_BEFORE.has(words[i - 1] ?? "")) continue;
    const base = ed ? raw.slice(0, -2) : singularOf(raw);
    if (SYSTEM_WORDS.has(base) || ACTORS.has(base)) continue;
    // a rate's or a scope's noun ("1 million events per second", "per-user counts") is traffic, not a kept record
    if (words[i - 1] === "per" || words[i + 1] === "per") continue;
    if (
      COLLECTIVES.has(base) &&
      words[i + 1] === "of" &&
      /[^s]s$/.test(words[/^\d/.test(words[i + 2] ?? "") ? i + 3 : i + 2] ?? "")
    )
      continue;
    const n = cards.get(base)?.length ?? 0;
    if (n === 0 || n > DISTINCT_AT_MOST || out.includes(base)) continue;
    out.push(base);
  }
  return out;
}

/**
 * The prompt's distinctive nouns the lead's drawn rows (and its subject's words) do not hold, each with the cards whose
 * records name it (the lead too, when only a subject it does not draw here keeps it), and those they hold.
 */
export interface NounFit {
  uncovered: { noun: string; cards: ArchetypeId[] }[];
  covered: string[];
}

export function nounFit(
  prompt: string,
  lead: ArchetypeId,
  topics: readonly string[],
  subjectTexts: readonly string[] = [],
): NounFit {
  const nouns = distinctNouns(prompt);
  if (nouns.length === 0) return { uncovered: [], covered: [] };
  const own = leadWords(lead, topics);
  const subject = subjectTexts.length > 0 ? designWords(subjectTexts) : undefined;
  const cards = spread();
  const fit: NounFit = { uncovered: [], covered: [] };
  for (const noun of nouns) {
    if (own.has(noun) || subject?.has(noun)) fit.covered.push(noun);
    else fit.uncovered.push({ noun, cards: cards.get(noun) ?? [] });
  }
  return fit;
}

/** The lead row's note when the prompt's distinctive nouns fall outside it, or undefined when they fit. */
export function lowFitNote(lead: ArchetypeId, fit: NounFit): string | undefined {
  // one stray noun, or fewer than the card holds, is a detail the design may miss, not a misread kind
  if (fit.uncovered.length < LEAST_UNCOVERED || fit.uncovered.length <= fit.covered.length) return undefined;
  const list = fit.uncovered
    .map((u) => {
      const others = u.cards.filter((c) => c !== lead);
      const where = [
        ...(u.cards.includes(lead) ? [`a subject of ${lead} not drawn here`] : []),
        ...(others.length > 0 ? [others.join(", ")] : []),
      ];
      return `'${u.noun}'${where.length > 0 ? ` (${where.join("; ")})` : ""}`;
    })
    .join(", ");
  const none = fit.covered.length === 0;
  const one = fit.uncovered.length === 1;
  const held = fit.covered.map((c) => `'${c}'`).join(", ");
  const what =
    none && !one
      ? `none of the prompt's nouns ${list} is`
      : `the prompt's ${one ? "noun" : "nouns"} ${list} ${one ? "is" : "are"} not`;
  return `low confidence: ${what} among the records or operations ${lead}'s drawn rows keep${none ? "" : ` (it holds ${held})`}, so the design may not cover ${one ? "it" : "them"}`;
}
