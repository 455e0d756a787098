import { STOP_WORDS } from "../knowledge/lexicon.js";
import { COUNTED_BOXES, PLACE_WORDS } from "../knowledge/named-parts.js";
import {
  ACTION_MODALS,
  ATTEMPT_NOUNS,
  BOOKKEEPING_HEADS,
  CALLER_SYSTEM_NOUNS,
  FLEET_NOUNS,
  FLEET_PIECES,
  KEEP_VERBS,
  LABEL_LEADS,
  MEASURE_NOUNS,
  NOT_NOUNS,
  ONCE_WORDS,
  PARTY_NOUNS,
  SELECTION_WORDS,
  SITE_NOUNS,
  STAND_IN_KEYS,
  STOCK_VERBS,
  WEAK_ACTION_VERBS,
} from "../knowledge/stock-records.js";
import { type CountedThing, countedThings, designWords, singularOf } from "./counted-nouns.js";
import type { ApiRow, ComponentRow, DataModelRow } from "./design/types.js";
import { partWords } from "./named-parts.js";
import { RECORD_PART } from "./product/record.js";
import { SYSTEM_WORDS } from "./prompt-nouns.js";
import { guaranteeClauses } from "./stated-clauses.js";

/**
 * The stocks a prompt counts ("100 million voters", "2 million spots", "1 billion embeddings") that the design must
 * keep a record of: when none of the composed records, keys, fields or boxes holds one, the thing the prompt is about
 * gets a record of its own, named by the prompt's noun, on the store that holds the design's first record, with the
 * calls the prompt's words ask of it. Without it a design speaks only of a neighbour's records (a voting system drawn
 * as a scheduler's runs).
 */

const BOXES = new Set(COUNTED_BOXES);
const PLACES = new Set(PLACE_WORDS);
const MODALS = new Set(ACTION_MODALS);
const ONCE = new Set(ONCE_WORDS);
const MEASURES = new Set(MEASURE_NOUNS);
const FLEET = new Set([...FLEET_NOUNS, ...FLEET_PIECES, ...CALLER_SYSTEM_NOUNS]);
const SITES = new Set(SITE_NOUNS);
const LABELS = new Set(LABEL_LEADS);
const NOT_NOUN = new Set(NOT_NOUNS);
const SELECTION = new Set(SELECTION_WORDS);
const PARTIES = new Set(PARTY_NOUNS);
const ATTEMPTS = new Set(ATTEMPT_NOUNS);
const STAND_INS = new Set(STAND_IN_KEYS);
const WEAK = new Set(WEAK_ACTION_VERBS);
/** Counted systems that call this one (servers, services): parties, like the people who use it. */
const CALLERS = new Set([...CALLER_SYSTEM_NOUNS, "server", "service"]);

/**
 * Whether a counted thing is no stock the design keeps whatever it draws: a site it serves from, a measure of a quantity
 * or of traffic, a word that is no noun, or a figure that labels ("a layer 7 load balancer"). The stock records and the
 * coherence rule that asks each counted thing to be held (`prompt-noun-uncovered`) read it alike.
 */
export function uncountedThing(t: { noun: string; quote: string }, prompt: string): boolean {
  if (SITES.has(t.noun) || NOT_NOUN.has(t.noun) || MEASURES.has(t.noun)) return true;
  const first = t.quote.split(" ")[0] ?? "";
  const tokens: string[] = prompt.toLowerCase().match(/[a-z0-9][a-z0-9'’-]*(?:[.,]\d+)*|[,;:.()]/g) ?? [];
  return LABELS.has(tokens[tokens.indexOf(first) - 1] ?? "");
}

/** Whether a counted noun names a party that uses the system (people, or systems that call it): a client, not a record. */
export const isPartyNoun = (noun: string): boolean => PARTIES.has(noun) || CALLERS.has(noun);

/** A counted stock with what the prompt says is done to it and by it. */
export interface Stock extends CountedThing {
  /** The verb right before the count that makes the thing ("storing 50 million recipes" → store). */
  made?: string;
  /** The verb right before the count that keeps the things ("storing 50 million recipes" → store). */
  kept?: string;
  /** The word right before the count ("with" of "a job board with 10 million listings"). */
  before: string;
  /** What each thing does ("each voter can vote exactly once" → vote), and whether the prompt says it once only. */
  action?: { verb: string; once: boolean; quote: string };
  /**
   * What the count names: a thing kept; a party that uses the system ("10k engineers": a client, unless the prompt
   * gives each a rule to keep, "each voter can vote exactly once"); or a try at something ("5 failed attempts": a
   * counter on the record tried).
   */
  role: "thing" | "party" | "attempt";
  /**
   * Whether the prompt makes the counted thing the holder of a one-holder rule ("300 application servers" of "a lock
   * is never held by two servers at once"): it holds the rule's thing, so it is the system's client, never a record
   * keyed by the thing it holds (a Lease is a lock's holder record, not a server's).
   */
  holds?: boolean;
  /** The noun a count is said per ("6 guesses per daily puzzle" → puzzle), singular. */
  per?: string;
}

const verbOf = (token: string, verbs: readonly string[] = STOCK_VERBS): string | undefined =>
  verbs.find(
    (v) =>
      token === v ||
      token === `${v}s` ||
      token === `${v}es` ||
      token === `${v}d` ||
      token === `${v}ed` ||
      token === `${v.replace(/e$/, "")}ing`,
  );

/**
 * The stocks a prompt counts in figures: the things `countedThings` reads, less a counted box (workers, queues: the
 * named parts'), a place copies live in or a site the system serves from ("across 12 warehouses", "in 150 cities"), a
 * system word (services, backends: a system, never a record it keeps), a measure of a fungible quantity or of traffic
 * ("10,000 units", "900 requests"), a piece of the system's own fleet or layout ("50 gateway nodes", "10,000 shards",
 * "3 replicas"), a word that is no noun ("a 429 instead"), a figure that labels rather than counts ("layer 4") and a
 * count of how many are picked ("the top 100 hashtags", "the 10 nearest of 1 billion").
 */
export function stockThings(prompt: string): Stock[] {
  const things = countedThings(prompt).filter(
    (t) =>
      (CALLERS.has(t.noun) && t.count !== undefined) ||
      (!BOXES.has(t.noun) &&
        !PLACES.has(t.noun) &&
        !SITES.has(t.noun) &&
        !NOT_NOUN.has(t.noun) &&
        !MEASURES.has(t.noun) &&
        !FLEET.has(t.noun) &&
        !(SYSTEM_WORDS as ReadonlySet<string>).has(t.noun) &&
        t.count !== undefined),
  );
  if (things.length === 0) return [];
  // the nouns a one-holder rule says hold its thing ("never held by two hosts at once")
  const holders = new Set(
    guaranteeClauses(prompt).flatMap((c) => (c.kind === "one-holder" && c.holder ? [c.holder] : [])),
  );
  const tokens: string[] = prompt.toLowerCase().match(/[a-z0-9][a-z0-9'’-]*(?:[.,]\d+)*|[,;:.()]/g) ?? [];
  const out: Stock[] = [];
  // each token's singular, taken once for every stock's action search below
  let singulars: string[] | undefined;
  for (const t of things) {
    const first = t.quote.split(" ")[0] ?? "";
    const at = tokens.indexOf(first);
    if (SELECTION.has(tokens[at - 1] ?? "")) continue;
    // "a layer 4 load balancer": a figure after such a word names which one, it counts nothing
    if (LABELS.has(tokens[at - 1] ?? "")) continue;
    // 'the' count followed by 'of' and another count picks from that stock ("the 10 nearest of 1 billion embeddings"):
    // it is how many are returned, not a thing kept ("2 billion photos of 300 million users" are kept)
    const after = at + t.quote.split(" ").length;
    // ("the 10 nearest neighbours among 1 billion embeddings" picks the same way)
    if (
      at > 0 &&
      tokens[at - 1] === "the" &&
      /^(?:of|among|from)$/.test(tokens[after] ?? "") &&
      /^\d/.test(tokens[after + 1] ?? "")
    )
      continue;
    const made = at > 0 ? verbOf(tokens[at - 1] ?? "") : undefined;
    const kept = at > 0 ? verbOf(tokens[at - 1] ?? "", KEEP_VERBS) : undefined;
    let action: Stock["action"];
    for (let i = 0; i + 2 < tokens.length && !action; i++) {
      singulars ??= tokens.map((w) => singularOf(w));
      if (singulars[i] !== t.noun || !MODALS.has(tokens[i + 1] ?? "")) continue;
      const verb = tokens[i + 2] ?? "";
      if (
        !/^[a-z]{3,}$/.test(verb) ||
        STOP_WORDS.has(verb) ||
        verb.endsWith("ly") ||
        WEAK.has(verb) ||
        verb === "never" ||
        verb === "not"
      )
        continue;
      let end = i + 3;
      while (end < tokens.length && !/^[,;:.()]$/.test(tokens[end] ?? "")) end++;
      const clause = tokens.slice(i, end);
      action = { verb, once: clause.some((w) => ONCE.has(w)), quote: clause.join(" ") };
    }
    // "6 guesses per daily puzzle", "5 failed attempts per account": what each count is said per
    let per: string | undefined;
    if (tokens[after] === "per")
      for (let n = after + 1; n < Math.min(tokens.length, after + 4); n++) {
        const w = tokens[n] ?? "";
        if (!/^[a-z]{3,}$/.test(w) || STOP_WORDS.has(w)) break;
        per = singularOf(w);
      }
    const role = ATTEMPTS.has(t.noun)
      ? "attempt"
      : (PARTIES.has(t.noun) || CALLERS.has(t.noun)) && !action?.once
        ? "party"
        : "thing";
    out.push({
      ...t,
      role: holders.has(t.noun) && role === "thing" ? "party" : role,
      ...(holders.has(t.noun) ? { holds: true } : {}),
      ...(per ? { per } : {}),
      before: tokens[at - 1] ?? "",
      ...(made ? { made } : {}),
      ...(kept ? { kept } : {}),
      ...(action ? { action } : {}),
    });
  }
  return out;
}

/** A noun as a record's name ("video" → "Video"). */
export const pascal = (w: string) => w.replace(/(^|[-_\s])([a-z])/g, (_, __, c: string) => c.toUpperCase());
/** A noun's plural ("video" → "videos", "entry" → "entries"). */
export const pluralOf = (w: string) =>
  /[^aeiou]y$/.test(w) ? `${w.slice(0, -1)}ies` : /(?:s|x|ch|sh)$/.test(w) ? `${w}es` : `${w}s`;
const says = (verb: string) => pluralOf(verb);
const article = (w: string) => (/^[aeio]/.test(w) ? "an" : "a");

/** A stock's record and calls, each with the reason the prompt gives for it. */
export interface StockRecord {
  row: DataModelRow;
  api: ApiRow[];
}

/** The record and calls of one stock, on the given owner (a component id and its archetype). */
export function stockRecord(s: Stock, owner: { id: string; archetype: string }): StockRecord {
  const noun = s.noun;
  const key = `${noun.replace(/\W+/g, "_")}_id`;
  const plural = pluralOf(noun).replace(/[^a-z0-9]+/g, "-");
  const counted = `the prompt counts '${s.quote}'`;
  const row: DataModelRow = {
    entity: pascal(noun),
    key: [key],
    fields: [
      "attributes",
      ...(s.action?.once ? [`${s.action.verb}_receipt (set once)`] : []),
      "created_at",
      "updated_at",
      "version",
    ],
    indexes: [],
    partitionKey: `hash(${key})`,
    owner: owner.id,
    archetype: owner.archetype,
    because: `${counted}, and no other record of the design keeps one: each ${noun} is a record of its own under its ${key.replace(/_/g, " ")}, on the store that holds the design's first record`,
  };
  const write: ApiRow = s.made
    ? {
        operation: `${s.made} ${article(noun)} ${noun}`,
        call: `POST /v1/${plural}`,
        request: ["attributes", "idempotency_key"],
        response: [key],
        errors: ["409 same idempotency key with a different request", "422 invalid input"],
        guarantee: `a retry with the same idempotency key returns the first ${noun}'s ${key}; a ${key} is never reused for another ${noun}`,
        archetype: owner.archetype,
        because: `${counted}, made by '${s.made}'`,
      }
    : {
        operation: `add or update ${article(noun)} ${noun}`,
        call: `PUT /v1/${plural}/{${key}}`,
        request: ["attributes", "expected_version"],
        response: [key, "version"],
        errors: ["409 version changed since it was read", "422 invalid input"],
        guarantee: `a write carrying a stale expected_version answers 409, so two writers never overwrite each other's change to one ${noun}`,
        archetype: owner.archetype,
        because: `${counted}${s.kept ? `, kept by '${s.kept}'` : ""} and names no verb that makes them, so each is put by its ${key.replace(/_/g, " ")}`,
      };
  const read: ApiRow = {
    operation: `read ${article(noun)} ${noun} by its ${key.replace(/_/g, " ")}`,
    call: `GET /v1/${plural}/{${key}}`,
    request: [],
    response: [key, "attributes", "version"],
    errors: [`404 unknown ${key}`],
    guarantee: `a ${key} always names the same ${noun}`,
    archetype: owner.archetype,
    because: `${counted}: each is read by its key`,
  };
  const a = s.action;
  const act: ApiRow[] = a
    ? [
        {
          operation: `${article(noun)} ${noun} ${says(a.verb)}`,
          call: `POST /v1/${plural}/{${key}}:${a.verb}`,
          request: ["idempotency_key", "details"],
          response: [`${a.verb}_receipt`],
          errors: [
            `404 unknown ${key}`,
            ...(a.once ? [`409 this ${noun} may ${a.verb} only once, and already has`] : []),
          ],
          guarantee: a.once
            ? `each ${noun} may ${a.verb} at most once: the call sets the ${noun}'s ${a.verb}_receipt by a conditional write that fails when one is set, so a second answers 409 and changes nothing; a retry with the same idempotency key returns the first receipt`
            : `a retry with the same idempotency key is applied once`,
          archetype: owner.archetype,
          because: `the prompt says '${a.quote}'`,
        },
      ]
    : [];
  return { row, api: [write, read, ...act] };
}

export interface Drawn {
  components: ComponentRow[];
  dataModel: DataModelRow[];
  api: ApiRow[];
}

/**
 * An architecture that keeps a record of every stock the prompt counts and none of its records or boxes holds yet,
 * on the store that holds its first record of the design's own archetype or feature, with that record's calls. A
 * record holds a stock by the same word (a Spot for spots, never a Booking for books), by a word a feature's terms
 * pair it with (a Yelp 'place' is a Business, a concert's booking Item is a 'seat'), or, for a noun made from a verb, by a call of that verb ('10 million
 * listings' on a job board whose jobs are made by 'list a job'). A stock beside a bare product's own record is no
 * second product record: it is labelled with the lead archetype, so the product's record stays the first state.
 */
export function withStockRecords<A extends Drawn>(
  arch: A,
  stocks: readonly Stock[],
  lead: string,
  terms: readonly Readonly<Record<string, string>>[] = [],
): A {
  if (stocks.length === 0) return arch;
  const words = partWords(arch.components, arch.dataModel);
  const verbs = designWords(arch.api.map((a) => a.operation));
  const stem = (noun: string) => noun.slice(0, -3);
  const heldAs = (noun: string) =>
    words.has(noun) ||
    terms.some((t) =>
      Object.entries(t).some(
        ([k, v]) =>
          (k === noun && words.has(singularOf(v.toLowerCase()))) ||
          (singularOf(v.toLowerCase()) === noun && words.has(k)),
      ),
    ) ||
    (noun.endsWith("ing") && (verbs.has(stem(noun)) || verbs.has(`${stem(noun)}e`)));
  // a bare product's first stock said as what it has or keeps ('a job board with 10 million listings', 'a recipe site
  // storing 50 million recipes') is the count of the product's own record, read from its head: not a second record
  const bare = arch.dataModel.some((r) => r.archetype === RECORD_PART);
  const ownCount = (s: Stock, i: number) =>
    bare && i === 0 && (s.before === "with" || s.made !== undefined || s.kept !== undefined);
  const missing = stocks.filter((s, i) => !heldAs(s.noun) && !ownCount(s, i));
  if (missing.length === 0) return arch;
  const byId = new Map(arch.components.map((c) => [c.id, c]));
  const own = (r: DataModelRow) => ownRecord(r, lead);
  const bookkeeping = (r: DataModelRow) => BOOKKEEPING_HEADS.some((h) => cardName(r).endsWith(h));
  const { first, home } = homeOf(arch, lead);
  if (!first || !home) return arch;
  let components = arch.components.map((c) => (c.id === home.id ? { ...c, holds: [...c.holds] } : c));
  const homeRow = components.find((c) => c.id === home.id);
  let dataModel = [...arch.dataModel];
  const api = [...arch.api];
  const played = new Set<string>();
  // tries go last, so the record they are said per ("5 guesses per code") is drawn before they look for it
  for (const s of [...missing.filter((m) => m.role !== "attempt"), ...missing.filter((m) => m.role === "attempt")]) {
    // a try is a counter on the record it is made against: "5 failed attempts" is attempt_count, not 5 records
    if (s.role === "attempt") {
      const tried = triedRecord(dataModel, s, (r) => own(r) && !bookkeeping(r), byId) ?? first;
      dataModel = dataModel.map((r) => (r.entity === tried.entity ? counted(r, s) : r));
      continue;
    }
    // a record that stands for whatever the design tracks plays the prompt's counted thing or party
    // (never by a holder of a one-holder rule: it holds the thing the record is keyed by, and is a client)
    const stand = s.holds
      ? undefined
      : dataModel.find((r) => own(r) && !played.has(r.entity) && standsIn(r) && !s.action?.once);
    if (stand) {
      played.add(stand.entity);
      dataModel = dataModel.map((r) => (r === stand ? plays(r, s) : r));
      continue;
    }
    // a party that uses the system is its client: its count sizes the load, and no record keeps it
    if (s.role === "party") {
      components = asClient(components, s);
      continue;
    }
    const r = stockRecord(s, { id: home.id, archetype: first.archetype === RECORD_PART ? lead : first.archetype });
    dataModel.push(r.row);
    homeRow?.holds.push(r.row.entity);
    api.push(...r.api.filter((x) => !api.some((y) => y.call === x.call)));
  }
  return { ...arch, components, dataModel, api };
}

/** The design's own record: the lead archetype's or a feature's (a counted thing is never a neighbour's). */
const ownRecord = (r: DataModelRow, lead: string) => r.archetype === lead || !/^I\d\d$/.test(r.archetype);

/**
 * Where a record the prompt's words ask for is kept: the design's first own record on a component that keeps state,
 * and not one of the system's own bookkeeping (a partition map, a checkpoint), with the component that holds it.
 */
export function homeOf(
  arch: Pick<Drawn, "components" | "dataModel">,
  lead: string,
): { first: DataModelRow | undefined; home: ComponentRow | undefined } {
  const stateful = new Set(["store", "replica-group", "log"]);
  const byId = new Map(arch.components.map((c) => [c.id, c]));
  const own = (r: DataModelRow) => ownRecord(r, lead);
  const bookkeeping = (r: DataModelRow) => BOOKKEEPING_HEADS.some((h) => cardName(r).endsWith(h));
  const first =
    arch.dataModel.find((r) => own(r) && !bookkeeping(r) && stateful.has(byId.get(r.owner)?.kind ?? "")) ??
    arch.dataModel.find((r) => own(r) && stateful.has(byId.get(r.owner)?.kind ?? "")) ??
    arch.dataModel.find(own) ??
    arch.dataModel[0];
  return { first, home: first ? byId.get(first.owner) : undefined };
}

/** A record's own name, without the prompt's noun it is drawn under ("Game (Subject)" → "Game"). */
const cardName = (r: DataModelRow): string => r.entity.replace(/\s*\(.*\)$/, "");

/** The key of a record that stands for whatever the design tracks (KeyValue's key, a Registration's instance_id). */
const standInKey = (r: DataModelRow): string | undefined =>
  r.key.find((k) => STAND_INS.has(k.replace(/_id$/, "").toLowerCase()));
const standsIn = (r: DataModelRow): boolean => standInKey(r) !== undefined;

const addBecause = (was: string | undefined, why: string) => (was ? `${was}; ${why}` : why);

/** A record that plays the prompt's counted thing, saying so: the record stays the card's, its reason names the role. */
function plays(r: DataModelRow, s: Stock): DataModelRow {
  const name = cardName(r);
  const key = standInKey(r) ?? r.key[0] ?? "key";
  return {
    ...r,
    because: addBecause(
      r.because,
      `${name} plays the prompt's '${s.noun}' ('${s.quote}'): each ${s.noun} is one ${name}, its ${key.replace(/_/g, " ")} the ${s.noun}'s id, so no second record keeps it`,
    ),
  };
}

/**
 * The record a try is made against: the one the prompt names right after the count ("6 guesses per puzzle" → a
 * Puzzle), else the design's unit under the prompt's noun, else its own record on a store (a counter lives on a
 * row, not on a log entry).
 */
function triedRecord(
  rows: readonly DataModelRow[],
  s: Stock,
  own: (r: DataModelRow) => boolean,
  byId: ReadonlyMap<string, ComponentRow>,
): DataModelRow | undefined {
  const named = designWords(rows.filter(own).map(cardName));
  if (s.per && named.has(s.per)) return rows.find((r) => own(r) && designWords([cardName(r)]).has(s.per ?? ""));
  // the design's unit, renamed to the prompt's noun ("Game (Subject)"), is what its tries are made against
  return (
    rows.find((r) => own(r) && /\(.*\)$/.test(r.entity)) ??
    rows.find((r) => own(r) && ["store", "replica-group"].includes(byId.get(r.owner)?.kind ?? ""))
  );
}

/** A field a record counts its tries in ("attempts", "failed_attempts", "guess_count"). */
const TRY_FIELD = /^(?:[a-z]+_)?(?:attempts?|guess(?:es)?|tries|try|retries)(?:_count)?$/;

/** A record that counts the tries made against it ("5 failed attempts" → attempt_count), with the prompt's limit. */
function counted(r: DataModelRow, s: Stock): DataModelRow {
  // a record that already counts its tries under its own name ("attempts", "failed_attempts") keeps that field
  const own = r.fields.find((f) => TRY_FIELD.test(f));
  const field = own ?? `${s.noun}_count`;
  if (!own && r.fields.includes(field)) return r;
  return {
    ...r,
    fields: own ? r.fields : [...r.fields, field],
    because: addBecause(
      r.because,
      `${field} counts the prompt's '${s.quote}' on the ${cardName(r)} they are made against: a try is a counter on the record it tries${s.count !== undefined ? `, checked against ${s.count}` : ""}, never a record of its own`,
    ),
  };
}

/** The design's clients, told that they are the prompt's counted party (their count sizes the load; no record keeps them). */
function asClient(components: ComponentRow[], s: Stock): ComponentRow[] {
  const target = components.find((c) => c.kind === "client") ?? components.find((c) => c.kind === "external");
  if (!target) return components;
  const why = `stands for the prompt's '${s.quote}': a counted party that uses the system is a ${target.kind === "client" ? "client" : "party outside it"}, whose count sizes the load, never a record`;
  return components.map((c) => (c === target ? { ...c, because: addBecause(c.because, why) } : c));
}
