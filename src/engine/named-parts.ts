import { isReferringWord, STOP_WORDS } from "../knowledge/lexicon.js";
import {
  COUNT_WORDS,
  COUNTED_BOXES,
  GUARANTEE_BEFORE_ONE,
  OBJECT_SYSTEMS,
  PLACE_WORDS,
  SPREAD_HEADS,
  SPREAD_WORDS,
  VERB_SYSTEMS,
} from "../knowledge/named-parts.js";
import { type CountedThing, countedThings, singularOf } from "./counted-nouns.js";

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
export function spreadOf(prompt: string): Spread | undefined {
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
export function countedParts(prompt: string, spread: Spread | undefined = spreadOf(prompt)): CountedThing[] {
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
