import { VARIANTS } from "../../knowledge/covers.js";
import { ARCHETYPES } from "../../knowledge/index.js";
import { STOP_WORDS } from "../../knowledge/lexicon.js";
import {
  BESIDE_VERBS,
  CHOSEN_KEY,
  CONTAINER_SUFFIXES,
  CREATE_VERBS,
  KEEPING_AGENTS,
  KEEPING_COMPOUNDS,
  NAMED_READS,
  NOT_RECORDS,
  PHRASE_ENDS,
  PRODUCT_KIND_WORDS,
  QUALIFIERS,
} from "../../knowledge/product-record.js";
import { topicsSpoken } from "../../knowledge/topics.js";
import { singularOf } from "../counted-nouns.js";
import { pattern } from "../text.js";

/**
 * The main record of a product no feature card models ("a URL shortener" keeps short URLs, "a pastebin"
 * keeps pastes), read from the prompt's head noun phrase and verbs, with the create and read calls it needs.
 */
export interface ProductRecord {
  /** PascalCase entity name: "ShortUrl". */
  entity: string;
  /** In words: "short URL". */
  noun: string;
  /** The resource path segment: "short-urls". */
  plural: string;
  /** The prompt's words it came from: "URL shortener". */
  quote: string;
  key: string;
  fields: string[];
  /** `phrase`: the user action in the prompt's words ("shorten a URL"); `invariant`: the rule the create keeps. */
  create: {
    verb: string;
    phrase: string;
    call: string;
    request: string[];
    response: string[];
    guarantee: string;
    invariant: string;
    /** The create's own errors beyond a bad input: a taken custom key answers 409. */
    errors: string[];
    /** The prompt's words that let the user pick the key ("custom aliases"), when it says so. */
    chosen?: string;
  };
  /** `phrase`: the user action in the prompt's words ("redirect a short URL by its code"). */
  read: { verb: string; phrase: string; call: string; response: string[]; errors: string[]; guarantee: string };
  because: string;
}

const pluralOf = (w: string) =>
  /[^aeiou]y$/i.test(w) ? `${w.slice(0, -1)}ies` : /(?:s|x|ch|sh)$/i.test(w) ? `${w}es` : `${w}s`;
const cap = (w: string) =>
  w === w.toUpperCase() ? `${w[0]}${w.slice(1).toLowerCase()}` : `${w[0]?.toUpperCase()}${w.slice(1)}`;
/** The article a word takes as spoken: "an order", "a URL" (you-ar-el), "an SQL query" (es-cue-el). */
const article = (w: string) =>
  w.length > 1 && w === w.toUpperCase()
    ? /^[AEFHILMNORSX]/.test(w)
      ? "an"
      : "a"
    : /^(?:[aeio]|u(?!s|ni|r))/i.test(w)
      ? "an"
      : "a";
const snake = (words: string[]) => words.map((w) => w.toLowerCase()).join("_");

/** The verb an agent noun names: "shortener" -> "shorten", "allocator" -> "allocate", "tracker" -> "track". */
function agentVerb(w: string): string | undefined {
  const l = w.toLowerCase();
  if (l.length < 6) return undefined;
  if (l.endsWith("ator")) return `${l.slice(0, -4)}ate`;
  if (/(?:ul|iz|is|us|as|ag)er$/.test(l)) return l.slice(0, -1);
  if (l.endsWith("er") && !l.endsWith("ier")) return l.slice(0, -2);
  return undefined;
}

/** The prompt's head noun phrase: the words after the design verb and article, up to a clause or figure. */
function headPhrase(prompt: string): string[] {
  const rest = prompt.replace(
    /^\s*(?:(?:how|what)\s+(?:would|should|could|can|do|might)\s+(?:you|we|i|one)\s+|(?:let's|let us|we need to|i want to|i'd like to)\s+)?(?:please\s+)?(?:design|build|create|implement|architect)\s+(?:an?\s+|the\s+)?/i,
    "",
  );
  const out: string[] = [];
  for (const raw of rest.split(/\s+/)) {
    const w = raw.replace(/[.,;:!?()]+$/, "");
    if (!/^[A-Za-z][A-Za-z-]*$/.test(w) || PHRASE_ENDS.has(w.toLowerCase())) break;
    out.push(w);
    if (w !== raw) break;
  }
  return out;
}

/** The main record a product prompt names, or none when its words name no record. */
export function productRecordOf(prompt: string): ProductRecord | undefined {
  return recordOfHead(prompt, headPhrase(prompt))?.record;
}

/** How a record was read off its head phrase: from the head noun itself, or from a form that names what it keeps. */
type HeadForm = "noun" | "kept" | "keeps";

/** The record a head phrase names, with the form that named it; `verb` is the making verb the prompt uses for it. */
function recordOfHead(
  prompt: string,
  head: string[],
  verb?: string,
): { record: ProductRecord; form: HeadForm } | undefined {
  // a "-sharing" or "-tracking" compound keeps its first part ("a recipe-sharing app" keeps recipes)
  let compound = false;
  let keeping = false;
  const words = head.map((w) => {
    const m = /^([A-Za-z]+)-([A-Za-z]+ing)$/.exec(w);
    if (m) compound = true;
    if (m && KEEPING_COMPOUNDS.has((m[2] as string).toLowerCase())) keeping = true;
    return m ? (m[1] as string) : w;
  });
  // trailing kind words go ("photo storage service" keeps photos), unless only a qualifier would be left
  while (words.length > 1 && PRODUCT_KIND_WORDS.has((words[words.length - 1] as string).toLowerCase())) {
    if (QUALIFIERS.has((words[words.length - 2] as string).toLowerCase())) break;
    words.pop();
  }
  const core = words.length > 1 ? words.filter((w) => !/ing$/i.test(w)) : words;
  const last = core[core.length - 1];
  // a head that is only function words ("Each …", "How …" with no design verb) names no record
  if (!last || STOP_WORDS.has(last.toLowerCase())) return undefined;
  let nounWords: string[];
  let made: string | undefined;
  let object: string | undefined;
  let how: string;
  const agent = core.length > 1 ? agentVerb(last) : undefined;
  const container = CONTAINER_SUFFIXES.find((s) => last.toLowerCase().endsWith(s));
  if (agent) {
    made = agent;
    object = singularOf(core[core.length - 2] as string);
    // a verb made from an adjective ("shorten" from "short") names what the record is: a short URL
    nounWords = /en$/.test(agent) && agent.length > 5 ? [agent.slice(0, -2), object] : [object];
    how = `'${last}' is what ${made}s a ${object}`;
  } else if (container && last.length > container.length + 2) {
    nounWords = [last.slice(0, -container.length)];
    how = `a ${last} holds ${pluralOf(nounWords[0] as string)}`;
  } else if (container && core.length > 1) {
    nounWords = [singularOf(core[core.length - 2] as string)];
    how = `a ${core.slice(-2).join(" ")} holds ${pluralOf(nounWords[0] as string)}`;
  } else {
    nounWords = [singularOf(last)];
    how = `its head noun is '${last}'`;
  }
  const noun = nounWords.join(" ");
  const entity = nounWords.map(cap).join("");
  const plural = [...nounWords.slice(0, -1), pluralOf(nounWords[nounWords.length - 1] as string)]
    .map((w) => w.toLowerCase())
    .join("-");
  const lower = prompt.toLowerCase();
  // a verb that is the record's own noun ("losing recent pastes" in a pastebin) names no making
  const said =
    verb ?? CREATE_VERBS.find((v) => v !== noun.toLowerCase() && pattern(`\\b${v}(?:s|ed|ing)?\\b`).test(lower));
  const createVerb = made ?? said ?? "create";
  const readName = Object.keys(NAMED_READS).find(
    (v) =>
      pattern(`\\b${v}(?:s|ed|ing)?\\b`).test(lower) ||
      (object !== undefined && NAMED_READS[v]?.objects?.includes(object.toLowerCase())),
  );
  const named = readName ? NAMED_READS[readName] : undefined;
  const key = named?.key ?? `${snake(nounWords)}_id`;
  const fields = [
    ...(object ? [object.toLowerCase()] : ["content"]),
    "owner_id",
    "created_at",
    ...(named?.key === "code" ? ["expires_at"] : ["updated_at", "version"]),
  ];
  const thing = object ?? noun;
  const keyWords = key.replace(/_/g, " ");
  // a key the user picks ("custom aliases") is claimed by a conditional insert, so a taken one is refused
  const chosenWords = CHOSEN_KEY.exec(prompt)?.[0]
    .split(/\s+/)
    .map((w) => (w.length > 1 && w === w.toUpperCase() ? w : w.toLowerCase()));
  const chosen = chosenWords && [...chosenWords.slice(0, -1), singularOf(chosenWords.at(-1) as string)].join(" ");
  const claimed = chosen
    ? {
        guarantee: `; a ${chosen} is taken by a conditional insert on the ${keyWords} (put-if-absent), so a taken one answers 409 and is never handed out twice`,
        invariant: ` A ${chosen} is written only by a conditional insert that fails when its ${keyWords} already exists, so no two ${pluralOf(noun)} ever share one.`,
      }
    : undefined;
  // the product's name says what it keeps ("recipe-sharing", "habit tracker"): the only form read beside features
  const keeps = keeping || (agent !== undefined && KEEPING_AGENTS.has(last.toLowerCase()));
  const form: HeadForm = keeps ? "keeps" : compound || agent || container ? "kept" : "noun";
  const record: ProductRecord = {
    entity,
    noun,
    plural,
    quote: head.join(" "),
    key,
    fields,
    create: {
      verb: createVerb,
      phrase: `${createVerb} ${article(thing)} ${thing}`,
      call: `POST /v1/${plural}`,
      request: [
        ...(object ? [object.toLowerCase()] : ["content"]),
        ...(chosen ? [`custom_${key} (optional)`] : []),
        "idempotency_key",
      ],
      response: [key, ...(named?.key === "code" ? [`the ${noun}`] : [])],
      guarantee: `a retry with the same idempotency key returns the first ${noun}; a ${key} is never reused for another${claimed?.guarantee ?? ""}`,
      invariant: `${cap(article(keyWords))} ${keyWords}, once handed out, always names the same ${noun} and is never reused for another; a retried ${createVerb} request with the same idempotency key returns the first ${keyWords} instead of making a second ${noun}.${claimed?.invariant ?? ""}`,
      errors: [
        "409 same idempotency key with a different request",
        ...(chosen ? [`409 ${chosen} already taken`] : []),
        "422 invalid input",
      ],
      ...(chosen ? { chosen } : {}),
    },
    read: {
      verb: readName ?? "get",
      phrase: `${readName ?? "get"} ${article(noun)} ${noun} by its ${keyWords}`,
      call: named ? named.call(plural) : `GET /v1/${plural}/{${key}}`,
      response: named ? named.response : [...fields.filter((f) => f !== "owner_id"), key],
      errors: named ? named.errors : [`404 unknown ${key}`],
      guarantee: `a ${key} always resolves to the same ${noun}; served from a cache when one fronts the store`,
    },
    because: `no product feature models '${head.join(" ")}', so its main record comes from the prompt's words: ${how}${said ? `, and it is made by '${said}'` : ""}${readName ? `; it is read by a ${readName}` : ""}`,
  };
  return { record, form };
}

/**
 * The main record of a product prompt no product feature models: read only when the design is a product's
 * and no feature card was recognised (a feature card names its own records).
 */
export function bareProductRecord(
  prompt: string,
  branch: string,
  features: number | readonly FeatureRecords[],
): ProductRecord | undefined {
  if (branch !== "product") return undefined;
  if (typeof features !== "number" && features.length > 0) return recordBesideFeatures(prompt, features);
  if (features !== 0 && typeof features === "number") return undefined;
  const r = productRecordOf(prompt);
  // a record a subject the prompt speaks of already keeps under the same name (an online auction's Auction, held by
  // its owner), or a product named in that subject's own words ("a bidding system" for an auction, whose variant
  // models its records), is that subject's, with its own calls and store: it is not drawn a second time
  return r && (subjectEntities(prompt).has(r.entity) || namedBySubject(prompt, r.noun)) ? undefined : r;
}

/** What a drawn feature says of its records: their names and descriptions. */
export interface FeatureRecords {
  entities: readonly { name: string; description: string }[];
  /** The prompt's words the feature was recognised from ("the prompt says 'url shortener'"). */
  evidence?: readonly string[];
}

/**
 * Whether a drawn feature's records model a thing: an entity named by it, or whose description names it, or a feature
 * recognised from the very words that name it (a URL shortener's short links come from 'url shortener').
 */
function modelled(noun: string, quote: string, features: readonly FeatureRecords[]): boolean {
  const n = noun.toLowerCase();
  const word = pattern(`\\b${n}(?:e?s)?\\b`);
  const said = quote.toLowerCase();
  return features.some(
    (f) =>
      f.entities.some(
        (e) => e.name.toLowerCase().includes(n.replace(/\s+/g, "")) || word.test(e.description.toLowerCase()),
      ) ||
      (f.evidence ?? []).some((e) =>
        (/'([^']+)'/.exec(e)?.[1] ?? "").split(/\s+/).some((w) => w.length > 2 && said.includes(w)),
      ),
  );
}

/**
 * The thing a product's users make that no drawn feature's records model ("cooks post recipes" beside a social graph,
 * "users log workouts" beside friends' leaderboards): the object of a making verb, else the thing the product's name
 * says it keeps ("a habit tracker" keeps habits, "a recipe-sharing app" keeps recipes). A product whose features model
 * what it keeps (a ride's trip, an order's checkout) gets none.
 */
function recordBesideFeatures(prompt: string, features: readonly FeatureRecords[]): ProductRecord | undefined {
  // the five derivers that draw the record ask of the same prompt and features (one kept features list)
  if (lastBeside?.prompt === prompt && lastBeside.features === features) return lastBeside.record;
  const record = readBesideFeatures(prompt, features);
  lastBeside = { prompt, features, record };
  return record;
}
let lastBeside: { prompt: string; features: object; record: ProductRecord | undefined } | undefined;

/** A making verb and the plural thing it makes ("cooks post recipes", "users log their workouts"). */
const MADE = new RegExp(
  `\\b(${BESIDE_VERBS.join("|")})(?:s|ed|ing)?\\s+(?:(?:a|an|the|their|his|her|its|new|own|some)\\s+)*([a-z]+s)\\b`,
  "gi",
);

function readBesideFeatures(prompt: string, features: readonly FeatureRecords[]): ProductRecord | undefined {
  for (const m of prompt.matchAll(MADE)) {
    const verb = (m[1] as string).toLowerCase();
    const thing = singularOf(m[2] as string).toLowerCase();
    if (thing.length < 3 || NOT_RECORDS.has(thing) || STOP_WORDS.has(thing) || modelled(thing, m[0], features))
      continue;
    // a feature whose record is the making itself ("hosts list homes": a stay's Listing; "post": a feed's Post) models it
    const making = pattern(`^${verb}(?:ing|s)?$`);
    if (features.some((f) => f.entities.some((e) => making.test(e.name.toLowerCase())))) continue;
    const found = recordOfHead(prompt, [thing], verb);
    if (!found) continue;
    const r = found.record;
    return {
      ...r,
      quote: m[0],
      because: `no drawn feature's records model the ${pluralOf(r.noun)} the prompt's users make ('${m[0]}'), so they are the product's own record, kept beside the features, made by '${verb}'`,
    };
  }
  const head = recordOfHead(prompt, headPhrase(prompt));
  if (head?.form !== "keeps" || modelled(head.record.noun, head.record.quote, features)) return undefined;
  return {
    ...head.record,
    because: `no drawn feature's records model what '${head.record.quote}' keeps, so it is the product's own record, kept beside the features: ${head.record.because.replace(/^.*?from the prompt's words: /, "")}`,
  };
}

/** Whether a product's head noun is said in the words of a spoken subject that an archetype keeps a variant for. */
function namedBySubject(prompt: string, noun: string): boolean {
  const n = noun.toLowerCase();
  return topicsSpoken(prompt).some(
    (t) =>
      VARIANTS.some((v) => v.topic === t.value) &&
      t.quote
        .toLowerCase()
        .split(/[\s-]+/)
        .includes(n),
  );
}

/** The entities archetype cards keep only for subjects the prompt speaks of (`topic` marks). */
function subjectEntities(prompt: string): ReadonlySet<string> {
  const spoken = topicsSpoken(prompt).map((t) => t.value);
  if (spoken.length === 0) return EMPTY;
  return new Set(
    ARCHETYPES.flatMap((a) =>
      a.entities.filter((e) => e.topic !== undefined && spoken.includes(e.topic)).map((e) => e.name),
    ),
  );
}
const EMPTY: ReadonlySet<string> = new Set();

/** The part key (and the data model and API rows' archetype) of a bare product's own record and calls. */
export const RECORD_PART = "product";

/** The service and store a bare product's record lives in, as the architecture draws them ("Short URL store"). */
export function recordBoxes(r: ProductRecord): { title: string; service: string; store: string } {
  const title = `${r.noun[0]?.toUpperCase()}${r.noun.slice(1)}`;
  return { title, service: `${title} service (stateless API)`, store: `${title} store` };
}
