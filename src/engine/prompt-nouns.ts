import { ARCHITECTURE } from "../knowledge/architecture/index.js";
import { COUNT_SCALE_WORDS } from "../knowledge/counted-things.js";
import { FEATURE_BY_ID } from "../knowledge/features/index.js";
import { PRODUCTS } from "../knowledge/features/products.js";
import { isReferringWord, STOP_WORDS } from "../knowledge/lexicon.js";
import type { ArchetypeId } from "../knowledge/schema.js";
import type { Topology } from "../knowledge/topology.js";
import { entityWords } from "../knowledge/words.js";
import { namedSystems, namesMentioned } from "./references.js";
import { pattern } from "./text.js";

/**
 * Prompt nouns: when the prompt names its unit of work or state ("a timer service", "a refund system",
 * "a user profile store"), the design's unit entity, its paths, keys and component names take that
 * noun instead of the archetype's generic one. The rule: the noun is the word right before a
 * system word (service, system, store, scheduler, …), skipping -ing words ("order processing
 * system" names orders), and it must not be a qualifier or a generic systems word.
 */

export interface Renaming {
  /** The archetype's unit entity. */
  entity: string;
  /** The prompt's noun, singular, lower case. */
  noun: string;
  words: string[];
  because: string;
}

/** Words naming a system itself (a service, a store, an engine, a backend): never a record it keeps. */
export const SYSTEM_WORDS: ReadonlySet<string> = new Set([
  "service",
  "system",
  "scheduler",
  "queue",
  "store",
  "registry",
  "pipeline",
  "platform",
  "generator",
  "processor",
  "workflow",
  "editor",
  "engine",
  "database",
  "manager",
  "tracker",
  "backend",
]);

const STOP = new Set([
  "distributed",
  "durable",
  "scalable",
  "global",
  "simple",
  "reliable",
  "available",
  "consistent",
  "real",
  "time",
  "new",
  "key",
  "value",
  "data",
  "event",
  "message",
  "metadata",
  "storage",
  "cloud",
  "internal",
  "central",
  "shared",
  "large",
  "small",
  "high",
  "low",
  "fast",
  "web",
  "online",
  "the",
  "and",
  "for",
  "our",
  "code",
  "lock",
  "cache",
  "config",
  "configuration",
  "coordination",
  "consensus",
  "compute",
  "serverless",
  "file",
  "object",
  "blob",
  "block",
  "stream",
  "streaming",
  "log",
  "search",
  "index",
  "rate",
  "limit",
  "id",
  "ids",
  "unique",
  "sequence",
  "metrics",
  "monitoring",
  "telemetry",
  "service",
  "system",
  "design",
  "build",
  "multi",
  "tenant",
  "region",
  "regional",
  "collaborative",
  // how work is run, not what is run ("a batch scheduler" runs jobs)
  "batch",
  "nightly",
  "daily",
  "hourly",
  "periodic",
  "background",
  "async",
  "asynchronous",
  "generic",
  "general",
  "purpose",
  // a data model or query language names what kind of database it is, not a record it keeps
  "sql",
  "nosql",
  // what a sign-in service does, not the record it keeps ("a login service" keeps accounts)
  "login",
  "signin",
  "authentication",
  "auth",
  "reset",
  "identity",
  // what a semaphore or limiter service does, not the record it keeps ("a semaphore service" keeps slots)
  "semaphore",
  // the whole book a ledger service keeps, not one of its records ("a ledger service" keeps accounts and transfers)
  "ledger",
  "newsql",
  "relational",
  "graph",
  "columnar",
  "column",
  "wide",
  "tabular",
  "transactional",
  "analytical",
  "olap",
  "oltp",
  "vector",
]);

/**
 * Words naming the venue or organisation a system serves (a stock exchange's matching engine, a bank's ledger, a
 * hospital's scheduler), never a record it keeps: the exchange's engine matches orders of symbols, not exchanges.
 */
const VENUES = new Set([
  "exchange",
  "bank",
  "marketplace",
  "market",
  "hospital",
  "clinic",
  "airline",
  "airport",
  "casino",
  "university",
  "school",
  "company",
  "enterprise",
  "startup",
  "government",
]);

const MEASURES = new Set(["number", "code", "key", "count"]);

/**
 * Words that say how a system is or where it stands, never a record it keeps: a slow, tiny or healthy database, the
 * primary store, a downstream system, the right backend, a live platform. A record takes a noun the prompt stores or
 * serves ("an order service"), never a quality of the system ("a slow database" keeps no slows).
 */
const QUALITIES = new Set([
  "slow",
  "tiny",
  "big",
  "huge",
  "healthy",
  "unhealthy",
  "active",
  "passive",
  "standby",
  "primary",
  "secondary",
  "main",
  "downstream",
  "upstream",
  "right",
  "wrong",
  "live",
  "legacy",
  "existing",
  "separate",
  "single",
  "whole",
  "entire",
  "current",
  "remote",
  "local",
  "external",
  "underlying",
  "dedicated",
  "read",
  "write",
  "other",
  "same",
  "old",
]);

/**
 * Words before a system word that make it another party the prompt's system talks to, not the system built: the thing
 * a check is compared "with", a call goes "to" or comes "from", traffic is spread "over" ("compares our ledger with the
 * card processor", "calls between services", "publish to the billing service").
 */
const TOWARD = new Set(["with", "to", "from", "into", "via", "against", "behind", "by", "across", "over", "between"]);

/**
 * System words that name other running systems or the people using one when written plural ("400 consumer services",
 * "video editors upload footage"), never the unit of the one built.
 */
const PARTIES = new Set([
  "service",
  "system",
  "backend",
  "database",
  "engine",
  "platform",
  "processor",
  "manager",
  "editor",
]);

/** System words that hold the records a system built from them serves ("derived from the orders database"). */
const HOLDERS = new Set(["database", "store"]);

/**
 * Where a system's units run, said with a -ing word of how ("an edge computing platform" runs functions at the edge):
 * a place, like `PLACES`, never the unit.
 */
const EDGE_PLACES = new Set(["edge"]);

/** Plurals whose singular is the same word ("time series", "species"): never cut to "sery". */
const SAME_PLURAL = new Set(["series", "species"]);

/**
 * Words naming what a system does to its unit, like an -ing word ("a firmware update distribution service" distributes
 * firmware): the unit is the word before them.
 */
const PROCESS = new Set(["distribution", "update", "ingestion", "management", "propagation"]);

/**
 * Words naming where a system's units run or sit (a cluster scheduler places pods on a cluster's nodes), never the
 * unit itself: the unit is then the thing the head's clause places, stores or runs ("places 10,000 pods").
 */
const PLACES = new Set(["cluster", "fleet", "datacenter", "datacentre", "rack", "grid", "farm"]);

/** Verbs of a head's clause whose object is the system's unit: what it places, stores, runs or keeps. */
const HOLDING_VERBS = new Set([
  "places",
  "schedules",
  "stores",
  "holds",
  "keeps",
  "runs",
  "hosts",
  "launches",
  "assigns",
  "packs",
]);

/**
 * The thing a head's clause places, stores or runs, right after the head ("a cluster scheduler that places 10,000 pods
 * per minute" → pod), singular; undefined when the clause says no such verb or no plural noun follows its count.
 */
function heldThing(words: readonly string[], head: number): { noun: string; at: number } | undefined {
  let k = head + 1;
  // "a cluster scheduler like Kubernetes that places …": the likeness names the model, the clause still follows
  if (words[k] === "like") for (let n = 0; n < 3 && k < words.length && words[k] !== "that"; n++) k++;
  if (!isReferringWord(words[k] ?? "") && words[k] !== "that" && words[k] !== "which") return undefined;
  k++;
  if (!HOLDING_VERBS.has(words[k] ?? "")) return undefined;
  k++;
  while (k < words.length && (words[k] === "" || words[k] === "of" || SCALE_WORDS.has(words[k] ?? ""))) k++;
  const w = words[k] ?? "";
  if (w.length < 3 || !w.endsWith("s") || w.endsWith("ss") || STOP.has(w) || isReferringWord(w)) return undefined;
  return { noun: singular(w), at: k };
}

const SCALE_WORDS = new Set(COUNT_SCALE_WORDS);

/**
 * The acronyms the prompt writes (DNS, CDN, API, S3): the name of a protocol, network or product a system is, never
 * a unit's noun, and never made singular ("DNS" is no plural of "DN").
 */
const acronymsOf = (prompt: string): Set<string> =>
  new Set(prompt.match(/\b[A-Z][A-Z0-9]+(?:s\b|\b)/g)?.map((w) => w.replace(/s$/, "").toLowerCase()));

const singular = (w: string) =>
  SAME_PLURAL.has(w)
    ? w
    : w.endsWith("ies")
      ? `${w.slice(0, -3)}y`
      : w.endsWith("ss") || !w.endsWith("s")
        ? w
        : w.slice(0, -1);

/** The prompt's own noun for its unit and the words it came from: all that renaming reads of the prompt. */
export interface UnitNoun {
  noun: string;
  quote: string;
}

/**
 * The first words of the named systems and products the prompt writes as names (capitalised), lower case: a
 * product's name is the system the prompt builds or one it uses ("like Temporal", "for YouTube videos"), never the
 * noun of its unit. A product named with common words ("Artifact Registry") leaves them common where the prompt writes
 * them so, and only a name's first word is its own ("Google" of "Google Docs": a doc is still a document).
 */
export function namedWords(prompt: string): ReadonlySet<string> {
  // the unit noun's reading and a coherence rule of one design each ask: the last prompt's answer is kept
  if (lastNamedWords?.prompt !== prompt) lastNamedWords = { prompt, words: readNamedWords(prompt) };
  return lastNamedWords.words;
}
let lastNamedWords: { prompt: string; words: ReadonlySet<string> } | undefined;

function readNamedWords(prompt: string): Set<string> {
  const names = [...namedSystems(prompt), ...productNames()];
  const capitalised = new Set(prompt.match(/\b[A-Z][A-Za-z-]*/g)?.map((w) => w.toLowerCase()));
  return new Set(
    namesMentioned(prompt, names)
      .flatMap((n) => (n.toLowerCase().match(/[a-z][a-z-]*/g) ?? []).slice(0, 1))
      .filter((w) => capitalised.has(w)),
  );
}

/** The named products' names and aliases, in the table's order (built on first ask, not per prompt). */
let PRODUCT_NAMES: readonly string[] | undefined;
const productNames = (): readonly string[] =>
  (PRODUCT_NAMES ??= PRODUCTS.flatMap((p) => [p.name, ...(p.aliases ?? [])]));

/**
 * The prompt's own noun for its unit, with the words it came from. The noun stands in the head's phrase: a number or
 * a mark between them ("like Temporal: 50,000 workflow starts") breaks the phrase (an empty word here).
 */
export function unitNoun(prompt: string): UnitNoun | undefined {
  const lower = prompt.toLowerCase();
  const words = (lower.match(/[a-z][a-z-]*|[^a-z\s'’-]+/g) ?? []).map((w) => (/^[a-z]/.test(w) ? w : ""));
  let named: ReadonlySet<string> | undefined;
  let acronyms: Set<string> | undefined;
  for (let i = 1; i < words.length; i++) {
    const written = words[i] ?? "";
    const head = singular(written);
    if (!SYSTEM_WORDS.has(head)) continue;
    // "that stores 200 TB", "which stores sessions": a head word after a relative word is that clause's verb
    if (isReferringWord(words[i - 1] ?? "")) continue;
    // "400 consumer services", "60 downstream systems", "partner backends": many systems are the ones the built
    // system serves or calls, never the one whose unit it keeps
    if (written !== head && PARTIES.has(head)) continue;
    let j = i - 1;
    while (j >= 0 && ((words[j] ?? "").endsWith("ing") || PROCESS.has(singular(words[j] ?? "")))) j--;
    const w = words[j];
    if (w === undefined || w.length < 3 || w.includes("-") || STOP.has(w) || STOP.has(singular(w))) continue;
    // "across three services", "each service": a number word or determiner never names the unit
    if (isReferringWord(w)) continue;
    // "between services", "how would you store", "replicated store", "a slow database": a function word, a participle
    // or a quality is no noun a record takes; "pub/sub system": half of a slashed name is no noun either
    if (STOP_WORDS.has(w) || TOWARD.has(w) || QUALITIES.has(w) || /[^e]ed$/.test(w)) continue;
    if (pattern(`[a-z]/${w}\\b`).test(lower)) continue;
    // "compares our ledger with the card processor", "fed from the checkout service": a system the prompt's own talks
    // to is not the one built; a database or store it reads from holds the records it serves ("derived from the orders
    // database"), so those keep their noun
    const toward =
      TOWARD.has(words[j - 1] ?? "") || (isReferringWord(words[j - 1] ?? "") && TOWARD.has(words[j - 2] ?? ""));
    if (toward && !HOLDERS.has(head)) continue;
    if (VENUES.has(singular(w)) || EDGE_PLACES.has(w)) continue;
    acronyms ??= acronymsOf(prompt);
    if (acronyms.has(w) || acronyms.has(singular(w))) continue;
    if (PLACES.has(singular(w))) {
      const held = heldThing(words, i);
      if (held)
        return {
          noun: held.noun,
          quote: words
            .slice(j, held.at + 1)
            .filter((x) => x !== "")
            .join(" "),
        };
      continue;
    }
    named ??= namedWords(prompt);
    if (named.has(w)) continue;
    if (SYSTEM_WORDS.has(singular(w))) continue;
    // "ticket number", "order id": a generic measure noun takes the word before it
    const prev = words[j - 1];
    if (MEASURES.has(singular(w)) && prev && prev.length >= 3 && !STOP.has(prev) && !prev.endsWith("ing"))
      return { noun: `${prev}-${singular(w)}`, quote: words.slice(j - 1, i + 1).join(" ") };
    // "a sequence number service": a measure word alone names no record
    if (MEASURES.has(singular(w))) continue;
    return { noun: singular(w), quote: words.slice(j, i + 1).join(" ") };
  }
  return undefined;
}

let last: { prompt: string; unit: UnitNoun | undefined } | undefined;

/** `unitNoun`, remembering the last prompt's answer (five fields of one design ask it; the answer is frozen). */
export function unitNounOf(prompt: string): UnitNoun | undefined {
  if (last?.prompt !== prompt) {
    const unit = unitNoun(prompt);
    last = { prompt, unit: unit && Object.freeze(unit) };
  }
  return last.unit;
}

/** The renamings a prompt asks for: the first part with a declared unit takes the prompt's noun. */
export function promptNouns(prompt: string, parts: readonly { key: string; topology: Topology }[]): Renaming[] {
  return renamings(unitNoun(prompt), parts);
}

/** The renamings the prompt's unit noun (`unitNoun`) asks of the parts: the first with a declared unit takes it. */
export function renamings(
  found: UnitNoun | undefined,
  parts: readonly { key: string; topology: Topology }[],
): Renaming[] {
  if (!found) return [];
  const part = parts[0];
  const unit = part?.topology.unit;
  if (!part || !unit) return [];
  // a noun the archetype already uses for one of its own entities is not a rename ("rollout" in a rollout system)
  const own = new Set(part.topology.dataModel.map((e) => e.entity.toLowerCase()));
  if (unit.words.includes(found.noun) || own.has(found.noun.replace(/-/g, ""))) return [];
  return [
    {
      entity: unit.entity,
      noun: found.noun,
      words: unit.words,
      because: `the prompt names its unit '${found.noun}' ('${found.quote}'), so ${part.key}'s ${unit.entity} and its paths, keys and components take that name`,
    },
  ];
}

const pascal = (noun: string) => noun.replace(/(^|[-_\s])([a-z])/g, (_, __, c: string) => c.toUpperCase());
const plural = (noun: string) =>
  noun.endsWith("y") && !/[aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : noun.endsWith("s") ? noun : `${noun}s`;

/** Applies renamings to one piece of text: the unit entity by name, generic words as whole words (plurals and `_id` keys too). */
export function renameText(text: string, renamings: readonly Renaming[]): string {
  let out = text;
  for (const r of renamings) {
    if (out === r.entity) return pascal(r.noun);
    out = out.replace(pattern(`\\b${r.entity}\\b`, "g"), pascal(r.noun));
    for (const w of r.words) {
      out = out.replace(pattern(`(?<![A-Za-z])(${w})(s?)(?![a-z])`, "gi"), (_m, word: string, s: string) => {
        const base = s ? plural(r.noun) : r.noun;
        return word[0] === word[0]?.toUpperCase() ? base[0]?.toUpperCase() + base.slice(1) : base;
      });
    }
  }
  return out;
}

/**
 * The renaming of an infra design's lead archetype's unit (a webhook service's WorkflowInstance is a Delivery): the
 * one the architecture applies to its boxes, for every field that writes the unit's name into its own words.
 */
export function leadRenamings(
  unit: UnitNoun | undefined,
  lead: { id: ArchetypeId } | undefined,
  branch: string,
): Renaming[] {
  return lead && branch !== "product" ? renamings(unit, [{ key: lead.id, topology: ARCHITECTURE[lead.id] }]) : [];
}

/**
 * Applies renamings to a sentence that names the unit entity (an invariant, a failure): the entity's name and its
 * spelled-out words ("workflow instance") take the prompt's noun; the archetype's generic words elsewhere stay.
 */
export function renameUnit(text: string, renamings: readonly Renaming[]): string {
  let out = text;
  for (const r of renamings) {
    out = out.replace(pattern(`\\b${r.entity}(s?)\\b`, "g"), (_m, s: string) =>
      s ? pascal(plural(r.noun)) : pascal(r.noun),
    );
    out = out.replace(pattern(`\\b(${entityWords(r.entity)})(s?)\\b`, "gi"), (_m, w: string, s: string) => {
      const base = s ? plural(r.noun) : r.noun;
      return w[0] === w[0]?.toUpperCase() ? base[0]?.toUpperCase() + base.slice(1) : base;
    });
  }
  return out;
}

/**
 * The unit's noun when the prompt names none by a system word: the record of a feature drawn on the lead archetype's
 * own unit store (`sameAs`) that the prompt says in its own words. "A checkout that … never charges for an order"
 * runs its workflow on the checkout's Order: the order is the workflow's unit, so one record is the authority, not a
 * WorkflowInstance beside an Order.
 */
export function carriedUnitNoun(
  prompt: string,
  archetypes: readonly { id: string; role: string }[],
  features: readonly { id: string }[],
): UnitNoun | undefined {
  const lead = archetypes.find((a) => a.role === "dominant")?.id as ArchetypeId | undefined;
  const topology = lead ? ARCHITECTURE[lead] : undefined;
  const unit = topology?.unit;
  if (!lead || !unit) return undefined;
  const home = topology.components.find((c) => c.holds?.includes(unit.entity))?.id;
  if (home === undefined) return undefined;
  const words = new Set(prompt.toLowerCase().match(/[a-z]+/g) ?? []);
  for (const f of features) {
    const mine = FEATURE_BY_ID.get(f.id)?.topology?.components.find((c) => c.sameAs?.[lead] === home);
    for (const record of mine?.holds ?? []) {
      const noun = record.toLowerCase();
      if (/^[a-z]+$/.test(noun) && (words.has(noun) || words.has(`${noun}s`)))
        return { noun, quote: `${record} on ${unit.entity}'s store, said as '${noun}'` };
    }
  }
  return undefined;
}

/** The unit noun a design's fields read: the prompt's own (`unitNounOf`), else a carried feature record's. */
export function designUnitNoun(f: {
  prompt: string;
  archetypes: readonly { id: string; role: string }[];
  features: readonly { id: string }[];
}): UnitNoun | undefined {
  return unitNounOf(f.prompt) ?? carriedUnitNoun(f.prompt, f.archetypes, f.features);
}
