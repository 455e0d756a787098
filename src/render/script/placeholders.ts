import { singularOf } from "../../engine/counted-nouns.js";
import type { Design } from "../../engine/design/design.js";
import { pattern } from "../../engine/text.js";
import { ARCHITECTURE } from "../../knowledge/architecture/index.js";
import { promptRead } from "./kept.js";
import { entityWords, speakable } from "./speak.js";

/**
 * A card's placeholder words for the unit a prompt names: the generic name of its unit record ("subject") and
 * the alternatives its description lists for it ("the shared document, room, board or match"). A script says
 * the prompt's own noun instead, or leaves a sentence unsaid that only a placeholder could fill.
 */

/** A spoken list of alternatives of one- or two-word items: "shared document, room, board or match". */
const ALTERNATIVES = /\b[a-z]+(?: [a-z]+)?(?:, [a-z]+(?: [a-z]+)?)+,? or [a-z]+(?: [a-z]+)?\b/g;

const itemsOf = (list: string) => list.split(/,? or |, /);
const lastWord = (item: string) => item.split(" ").pop() ?? item;
const pluralOf = (noun: string) =>
  /s$/.test(noun) ? noun : /[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`;

export interface Placeholders {
  /** The prompt's noun for the unit, when the prompt renamed it ("document"). */
  noun?: string;
  /** The card's generic name for the unit, said in its place only by mistake ("subject"). */
  generic?: string;
  /** The unit description's alternatives, singular ("document", "room", "board", "match"). */
  alternatives: ReadonlySet<string>;
}

/** Whether the prompt says a word, singular or plural. */
const namesWord = (d: Design, w: string): boolean =>
  pattern(`\\b(?:${w}|${pluralOf(w)})\\b`, "i").test(d.prompt.toLowerCase());

/** The first of the words the prompt says, singular or plural. */
const firstNamed = (d: Design, words: readonly string[]): string | undefined => words.find((w) => namesWord(d, w));

/** The placeholders of a design's lead record: its unit's generic name, if renamed, and its listed alternatives. */
export function placeholdersOf(d: Design): Placeholders {
  const lead = d.primaryState[0];
  const renamed = /\(its (\w+): the prompt names its unit '([^']+)'/.exec(lead?.because ?? "");
  const unit = lead ? ARCHITECTURE[lead.archetype]?.unit?.entity : undefined;
  // the records that are the unit: the renamed one, or the card's own unit record kept under its own name
  const units = d.primaryState.filter((s) => (s === lead ? Boolean(renamed) || s.entity === unit : s.entity === unit));
  const alternatives = new Set(
    units.flatMap((s) =>
      (speakable(s.description).match(ALTERNATIVES) ?? []).flatMap((l) =>
        itemsOf(l).map((x) => singularOf(lastWord(x))),
      ),
    ),
  );
  // a unit the engine did not rename is still the one alternative the prompt names ("every player in a match")
  const chosen = renamed ? undefined : promptRead(d, firstNamed, [...alternatives]);
  const noun = renamed?.[2]?.replace(/-/g, " ") ?? chosen;
  const generic = renamed?.[1]
    ? entityWords(renamed[1]).toLowerCase()
    : chosen && unit
      ? entityWords(unit).toLowerCase()
      : undefined;
  return noun && generic && noun !== generic ? { noun, generic, alternatives } : { alternatives };
}

/** Whether a spoken list is the card's alternatives for the unit: two or more of its items are. */
function isPlaceholderList(list: string, p: Placeholders): boolean {
  return itemsOf(list).filter((x) => p.alternatives.has(singularOf(lastWord(x)))).length >= 2;
}

/** What a sentence says that is a card's placeholder, if anything: its generic unit name or its alternatives. */
export function placeholderSaid(text: string, p: Placeholders): string | undefined {
  for (const list of text.match(ALTERNATIVES) ?? []) if (isPlaceholderList(list, p)) return list;
  if (p.generic && pattern(`\\b${p.generic}s?\\b`, "i").test(text)) return p.generic;
  return undefined;
}

/**
 * Says a sentence with the prompt's own noun for its unit: a list of the card's alternatives as the item the prompt
 * names (the renamed noun, or an item the prompt says: "per document"), the card's generic name as the prompt's
 * noun ("per-subject" -> "per-document"). A sentence whose alternatives the prompt names none of is left unsaid
 * (""). The card's name is then never said, so no sentence ties the two names.
 */
export function placeholderSpeech(d: Design): (text: string) => string {
  const p = placeholdersOf(d);
  if (p.alternatives.size === 0 && !p.noun) return (text) => text;
  const named = (item: string) => {
    const w = singularOf(lastWord(item));
    if (p.noun) return w === p.noun || w === singularOf(p.noun);
    return promptRead(d, namesWord, w);
  };
  const generic = p.generic ? pattern(`\\b(${p.generic})(s?)\\b`, "gi") : undefined;
  return (text) => {
    let unsaid = false;
    let out = text.replace(ALTERNATIVES, (list) => {
      const items = itemsOf(list);
      if (!isPlaceholderList(list, p) && !(p.noun && items.some(named))) return list;
      const said = items.find(named);
      if (!said) {
        unsaid = true;
        return list;
      }
      // a last item of two words may be one item and the next word ("rooms or matches open at once"): that word stays
      const [lastOne, next] = (items[items.length - 1] ?? "").split(" ");
      const tail = next && lastOne && (p.alternatives.has(singularOf(lastOne)) || named(lastOne)) ? ` ${next}` : "";
      const first = items[0] ?? said;
      return `${named(first) ? first : said}${tail}`;
    });
    if (unsaid) return "";
    if (generic && p.noun) {
      const noun = p.noun;
      out = out.replace(generic, (_m, w: string, pl: string) => {
        const said = pl ? pluralOf(noun) : noun;
        return w.charAt(0) === w.charAt(0).toUpperCase() ? said.charAt(0).toUpperCase() + said.slice(1) : said;
      });
    }
    return out;
  };
}
