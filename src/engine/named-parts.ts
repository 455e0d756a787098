import { isReferringWord, STOP_WORDS } from "../knowledge/lexicon.js";
import {
  COUNT_WORDS,
  COUNTED_BOXES,
  GUARANTEE_BEFORE_ONE,
  OBJECT_SYSTEMS,
  PLACE_WORDS,
  RELATION_POSSESSIVES,
  RELATIONAL_PARTS,
  type RelationalPart,
  SPREAD_HEADS,
  SPREAD_WORDS,
  VERB_SYSTEMS,
} from "../knowledge/named-parts.js";
import { type CountedThing, countedThings, designWords, holds, singularOf } from "./counted-nouns.js";
import type { ComponentRow, DataModelRow, LinkRow } from "./design/types.js";
import { RECORD_PART } from "./product/record.js";
import { pattern } from "./text.js";

/**
 * The parts a prompt names: the things it counts ("into five resolutions", "across 500 workers", "from one queue")
 * and the sibling systems it spreads its steps across ("reserves inventory, charges the card and books shipping across
 * three services": an inventory, a payment and a shipping service). A design draws or keeps each (coherence
 * `named-part-missing`); the architecture draws a spread's systems it lacks (`engine/architecture.ts`).
 */

/** The systems a prompt spreads its steps across, one per step, in the prompt's order. */
export interface Spread {
  /** The kind of system, singular ("service", "provider"). */
  head: string;
  /** The count the prompt states ("three"). */
  count: number;
  /** Each step's system, named by its object or by its verb's system ("inventory", "payment", "shipping"). */
  members: { system: string; step: string }[];
  quote: string;
}

const SPREAD = new Set(SPREAD_WORDS);
const HEADS = new Set(SPREAD_HEADS);
/** Words that open the clause a spread's steps are listed in. */
const CLAUSE_OPENERS = new Set(["that", "which", "who", "where", "to", "then"]);

const verbSystem = (verb: string): string | undefined =>
  VERB_SYSTEMS[verb] ?? VERB_SYSTEMS[singularOf(verb)] ?? VERB_SYSTEMS[verb.replace(/e?s$/, "")];

/**
 * The spread a prompt states: "across three services" after a list of steps ("reserves inventory, charges the card
 * and books shipping"); each step's system is its verb's (charging reaches payments) or its object's. Undefined when
 * the prompt spreads nothing, or lists fewer than two steps before the spread.
 */
export function spreadOf(prompt: string): Readonly<Spread> | undefined {
  // the layout and coherence of one design both ask (the last prompt's answer is kept, frozen)
  if (lastSpread?.prompt !== prompt) {
    const spread = readSpread(prompt);
    if (spread !== undefined) {
      for (const m of spread.members) Object.freeze(m);
      Object.freeze(spread.members);
      Object.freeze(spread);
    }
    lastSpread = { prompt, spread };
  }
  return lastSpread.spread;
}
let lastSpread: { prompt: string; spread: Readonly<Spread> | undefined } | undefined;

function readSpread(prompt: string): Spread | undefined {
  const tokens = prompt.toLowerCase().match(/[a-z0-9][a-z0-9'’-]*|[,;:.()]/g) ?? [];
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (!SPREAD.has(tokens[i] ?? "")) continue;
    const countWord = tokens[i + 1] ?? "";
    const count = COUNT_WORDS[countWord] ?? (/^\d+$/.test(countWord) ? Number(countWord) : undefined);
    const head = singularOf(tokens[i + 2] ?? "");
    if (count === undefined || count < 2 || !HEADS.has(head)) continue;
    // the clause before: back to its opener or a stop mark (commas inside the list stay)
    let s = i - 1;
    while (s >= 0 && !CLAUSE_OPENERS.has(tokens[s] ?? "") && !/^[;:.()]$/.test(tokens[s] ?? "")) s--;
    const clause = tokens.slice(s + 1, i);
    const steps: string[][] = [[]];
    for (const t of clause) {
      if (t === "," || t === "and") {
        if ((steps.at(-1) ?? []).length > 0) steps.push([]);
      } else steps.at(-1)?.push(t);
    }
    const pieces = steps.filter((p) => p.length > 0 && p.length <= 4);
    if (pieces.length < 2 || pieces.length !== steps.filter((p) => p.length > 0).length) continue;
    let verb: string | undefined;
    const members = pieces.map((p) => {
      const words = p.filter((w) => !isReferringWord(w) && !STOP_WORDS.has(w));
      // the first piece's first word is its verb; a later piece of one word more than its object also leads with one
      if (words.length >= 2) verb = words[0];
      const object = words.at(-1) ?? "";
      const system =
        (words.length >= 2 && verb !== undefined ? verbSystem(verb) : undefined) ??
        OBJECT_SYSTEMS[object] ??
        singularOf(object);
      // a step of its object alone ("a hotel") is done by the verb of the step before ("books a flight, a hotel")
      const step = words.length < 2 && verb !== undefined ? `${verb} ${p.join(" ")}` : p.join(" ");
      return { system, step };
    });
    const systems = members.filter((m, k) => members.findIndex((n) => n.system === m.system) === k);
    if (systems.length < 2) continue;
    return { head, count, members: systems, quote: tokens.slice(s + 1, i + 3).join(" ") };
  }
  return undefined;
}

const GUARANTEE = new Set(GUARANTEE_BEFORE_ONE);
const PLACES = new Set(PLACE_WORDS);
const BOXES = new Set(COUNTED_BOXES);

/**
 * The parts a prompt names by counting them: a thing counted in a small number word ("five resolutions", "one
 * queue") or a box counted in figures ("500 workers"); the figures of other things are `countedNouns`' (coherence
 * `prompt-noun-uncovered`). A count of one said as a guarantee ("exactly one courier"), a place copies live in
 * ("three data centers") and a spread's own head ("three services": its members are the parts) are not parts.
 */
export function countedParts(
  prompt: string,
  spread: Spread | undefined = spreadOf(prompt),
): readonly Readonly<CountedThing>[] {
  // the layout and the coherence rules of one design each ask (with the one spread `spreadOf` keeps): the last answer
  // is kept, frozen, as the things it lists are
  if (lastCounted?.prompt !== prompt || lastCounted.spread !== spread)
    lastCounted = { prompt, spread, parts: Object.freeze(readCountedParts(prompt, spread)) };
  return lastCounted.parts;
}
let lastCounted: { prompt: string; spread: Spread | undefined; parts: readonly Readonly<CountedThing>[] } | undefined;

function readCountedParts(prompt: string, spread: Spread | undefined): Readonly<CountedThing>[] {
  const lower = prompt.toLowerCase();
  return countedThings(prompt, COUNT_WORDS).filter((t) => {
    if (spread && t.noun === spread.head) return false;
    const [count, ...nouns] = t.quote.split(" ");
    if (nouns.some((w) => PLACES.has(singularOf(w)))) return false;
    if (!(count !== undefined && count in COUNT_WORDS)) return BOXES.has(t.noun);
    if (t.count === 1) {
      const before = /([a-z]+)\s+$/.exec(lower.slice(0, lower.indexOf(t.quote)))?.[1] ?? "";
      if (GUARANTEE.has(before)) return false;
    }
    return true;
  });
}

/** The words of a counted part that name it ("four thumbnail sizes" → thumbnail, size), singular. */
export function partNouns(t: CountedThing): string[] {
  return t.quote
    .split(" ")
    .filter((w) => /^[a-z][a-z-]*$/.test(w) && !(w in COUNT_WORDS) && !isReferringWord(w) && w !== "of")
    .map(singularOf);
}

/** Whether a design's record and box words already hold a counted part (one of its words is a record's or a box's). */
export const countedPartHeld = (t: CountedThing, words: ReadonlySet<string>): boolean =>
  partNouns(t).some((w) => holds(words, w));

const POSSESSIVE = new Set(RELATION_POSSESSIVES);

/**
 * The relational parts a prompt names (`knowledge/named-parts.ts` RELATIONAL_PARTS): a relation word after a
 * possessive ("their contacts", "which of their friends") or a pair of words in one sentence ("track … live",
 * "live on a map").
 */
export function relationalParts(prompt: string): readonly RelationalPart[] {
  // the layout, the spoken walk-through's boxes and the coherence rules of one design each ask: the last answer is kept
  if (lastRelational?.prompt !== prompt) lastRelational = { prompt, parts: Object.freeze(readRelationalParts(prompt)) };
  return lastRelational.parts;
}
let lastRelational: { prompt: string; parts: readonly RelationalPart[] } | undefined;

function readRelationalParts(prompt: string): RelationalPart[] {
  // each sentence's words read once, not once per part (a long prompt's sentences were split again for every part)
  const sentences = prompt
    .toLowerCase()
    .split(/[.;!?]/)
    .map((s) => {
      const tokens = s.match(/[a-z][a-z'’-]*/g) ?? [];
      return { tokens, words: new Set(tokens) };
    });
  return RELATIONAL_PARTS.filter((part) =>
    sentences.some(({ tokens, words }) => {
      if (part.together?.some((pair) => pair.every((w) => words.has(w)))) return true;
      return tokens.some((t, i) => part.words?.includes(t) && POSSESSIVE.has(tokens[i - 1] ?? ""));
    }),
  );
}

/** Whether a design already plays a relational part's role: one of its records or boxes says one of `coveredBy`. */
export const relationalPartHeld = (part: RelationalPart, words: ReadonlySet<string>): boolean =>
  part.coveredBy.some((w) => words.has(w));

/** The singular words of a design's boxes (names and records held) and records (names, keys, fields). */
export function partWords(
  components: readonly Pick<ComponentRow, "name" | "holds">[],
  dataModel: readonly Pick<DataModelRow, "entity" | "key" | "fields">[],
): Set<string> {
  return designWords([
    ...components.flatMap((c) => [c.name, ...c.holds]),
    ...dataModel.flatMap((e) => [e.entity, ...e.key, ...e.fields]),
  ]);
}

/** The kinds a relational part's peer is taken from first: the path's carrier before the service and the gateway. */
const PEER_ORDER: readonly string[] = ["log", "store", "replica-group", "cache", "service", "worker-pool", "gateway"];

const peerRank = (kind: string) => (PEER_ORDER.includes(kind) ? PEER_ORDER.indexOf(kind) : PEER_ORDER.length);

interface Drawn {
  components: ComponentRow[];
  links: LinkRow[];
  dataModel: DataModelRow[];
}

const pascal = (words: readonly string[]) => words.map((w) => `${w[0]?.toUpperCase()}${w.slice(1)}`).join("");
const word = (w: string) => pattern(`\\b${w}`, "i");

/**
 * A design that draws every part the prompt names and no record or box of the design plays yet: a thing counted in a
 * number word ("into five resolutions") is a record per unit and part, its count carried ("one of 5 per video"), on
 * the store that holds the unit; a relational part ("their contacts", "live on a map") is its record and its box,
 * linked to the component that writes or reads it (RELATIONAL_PARTS' `peer`) and, when it pushes, on to the client.
 * A part a subject already draws (a Rendition for renditions, a Follow edge for friends) is left to it: one row per role.
 */
export function withNamedParts<A extends Drawn>(
  arch: A,
  counted: readonly CountedThing[],
  relational: readonly RelationalPart[],
  unit: string | undefined,
  lead = "",
): A {
  const words = partWords(arch.components, arch.dataModel);
  const newCounted = counted.filter((t) => t.count !== undefined && !BOXES.has(t.noun) && !countedPartHeld(t, words));
  const newRelational = relational.filter((p) => !relationalPartHeld(p, words));
  if (newCounted.length === 0 && newRelational.length === 0) return arch;
  const components = arch.components.map((c) => ({ ...c, holds: [...c.holds] }));
  const links = [...arch.links];
  const dataModel = [...arch.dataModel];
  const unitKey = unit ? `${unit.replace(/\W+/g, "_")}_id` : arch.dataModel[0]?.key[0];
  const stateful = (c: ComponentRow) => ["store", "replica-group", "log", "cache"].includes(c.kind);
  const unitRow = arch.dataModel.find((e) => e.key[0] === unitKey) ?? arch.dataModel[0];
  const home = components.find((c) => c.id === unitRow?.owner) ?? components.find(stateful);
  for (const t of newCounted) {
    if (!home || !unitKey) break;
    const nouns = partNouns(t);
    const entity = pascal(nouns);
    const per = unit ?? unitKey.replace(/_id$/, "");
    dataModel.push({
      entity,
      key: [unitKey, nouns.join("_")],
      fields: ["spec", "state", "output_ref", "updated_at", `one of ${t.count} per ${per}`],
      indexes: [],
      partitionKey: `hash(${unitKey})`,
      owner: home.id,
      archetype: home.archetype,
    });
    home.holds.push(entity);
  }
  const entry = components.find((c) => c.kind === "service");
  // a part the prompt names is not the product's own record (RECORD_PART): it takes a drawn archetype's name
  const archetypeOf = (c: ComponentRow | undefined) =>
    [c, ...components].find((x) => x !== undefined && x.archetype !== RECORD_PART)?.archetype ??
    (lead || c?.archetype) ??
    "";
  for (const part of newRelational) {
    const c = part.component;
    const peer =
      part.peer.words
        .map((w) =>
          [...components]
            .filter((x) => x.kind !== "client" && word(w).test(`${x.name} ${x.runs.join(" ")}`))
            .sort((a, b) => peerRank(a.kind) - peerRank(b.kind))
            .at(0),
        )
        .find((x) => x !== undefined) ?? entry;
    const owner = archetypeOf(peer ?? entry);
    const box: ComponentRow = {
      id: c.id,
      name: c.name,
      kind: c.kind,
      archetype: owner,
      holds: part.record ? [part.record.entity] : [],
      runs: [...c.runs],
      because: c.because,
    };
    components.push(box);
    if (part.record)
      dataModel.push({
        entity: part.record.entity,
        key: [...part.record.key],
        fields: [...part.record.fields],
        indexes: [...part.record.indexes],
        partitionKey: `hash(${part.record.key[0]})`,
        owner: box.id,
        archetype: box.archetype,
      });
    if (peer)
      links.push(
        part.peer.toPart
          ? { from: peer.id, to: box.id, kind: "request", label: part.peer.label }
          : { from: peer.id, to: box.id, kind: "stream", label: part.peer.label },
      );
    const client = components.find((x) => x.kind === "client");
    if (part.push && client) links.push({ from: box.id, to: client.id, kind: "stream", label: part.push.label });
  }
  return { ...arch, components, links, dataModel };
}

/**
 * The components that are parts the prompt names: a system its steps are spread across (the member's word leads the
 * box's name: "Shipping service", "Payment provider") and the box of a relational part it names ("their contacts").
 * The spoken walk-through names these when it draws the diagram (render/script).
 */
export function promptNamedBoxes(
  prompt: string,
  components: readonly Pick<ComponentRow, "id" | "name">[],
): Set<string> {
  const systems = new Set(spreadOf(prompt)?.members.map((m) => m.system) ?? []);
  const boxes = new Set(relationalParts(prompt).map((p) => p.component.id));
  return new Set(
    components
      .filter((c) => boxes.has(c.id) || systems.has(/^[a-z]+/.exec(c.name.toLowerCase())?.[0] ?? ""))
      .map((c) => c.id),
  );
}
