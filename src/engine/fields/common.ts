import { VARIANTS } from "../../knowledge/covers.js";
import { FALLBACK_ARCHETYPE } from "../../knowledge/defaults.js";
import { ARCHETYPE_BY_ID } from "../../knowledge/index.js";
import { REFERENCE_FAMILIES } from "../../knowledge/references.js";
import type { Archetype, ArchetypeId, Stance } from "../../knowledge/schema.js";
import { STANCES } from "../../knowledge/stances.js";
import { entityWords as splitEntityWords } from "../../knowledge/words.js";
import type { Fields } from "../design/types.js";
import type { ReferenceFacts } from "../references.js";
import { rememberText } from "../text.js";

export function archetype(id: ArchetypeId): Archetype {
  const a = ARCHETYPE_BY_ID.get(id);
  if (!a) throw new Error(`unknown archetype ${id}`);
  return a;
}

/** The archetypes a design is built from, dominant (or first substrate) first. */
export function designArchetypes(list: Fields["archetypes"]): Archetype[] {
  return list.map((a) => archetype(a.id));
}

/**
 * The stance of the leading archetype (or of the one a feature's record realizes: its demand is still the design's
 * guarantee); a product design without archetypes leans on key-value state.
 */
export function leadingStance(list: Fields["archetypes"]): { stance: Stance; id: ArchetypeId } {
  // a demand a feature's record realizes (no room booked twice) is still the design's guarantee: its stance leads
  const id = list[0]?.realizes?.id ?? list[0]?.id ?? FALLBACK_ARCHETYPE;
  return { stance: STANCES[id], id };
}

/**
 * The archetype whose stance sets durability and delivery, by the role of its state: the archetypes the prompt
 * asks to build, else the dominant one, else (a product's substrates) all of the design's; the first of them
 * whose stance keeps its state durable holds the records the design must not lose (a config store beside a
 * liveness registry, the link records behind a redirect cache). When none does, the state asked for is
 * derived or soft (a cache in front of someone else's database) and the first of them speaks for it.
 */
export function stateHolder(
  archetypes: Fields["archetypes"],
  facts: ReferenceFacts,
): { id: ArchetypeId; records: boolean; asked: boolean } | undefined {
  const asked = facts.asked;
  const askedIds = new Set(REFERENCE_FAMILIES.filter((_, i) => asked[i] !== null).map((fam) => fam.archetype));
  const inAsk = archetypes.filter((a) => askedIds.has(a.id));
  const dominant = archetypes.filter((a) => a.role === "dominant");
  const pool = inAsk.length > 0 ? inAsk : dominant.length > 0 ? dominant : archetypes;
  const owner = pool.find((a) => STANCES[a.id].durability === "durable");
  const first = owner ?? pool[0];
  return first && { id: first.id, records: owner !== undefined, asked: inAsk.length > 0 };
}

/** How many of an archetype's paths a design includes, by its role in the composition. */
export function depthFor(role: Fields["archetypes"][number]["role"], index: number): number {
  if (role === "dominant") return Number.POSITIVE_INFINITY;
  return role === "substrate" && index === 0 ? 2 : 1;
}

/** Splits PascalCase entity names into words ("PartitionLog" -> "partition log"), remembered per name. */
export const entityWords = rememberText(splitEntityWords);

/** A short name for a long action: "acquire a free resource by a conditional write, …" -> "acquire a free resource". */
export const shortName = rememberText(shortNameOf);

/** Words a name cut short may not end on: prepositions, articles, possessives and conjunctions, however many. */
const OPEN_TAIL =
  /(?:\s+(?:between|to|from|of|on|in|into|onto|at|for|with|by|under|over|via|per|its|their|his|her|our|your|the|a|an|each|every|and|or|than))+$/i;

function shortNameOf(action: string): string {
  const base = action.replace(/\s*\([^)]*\)$/, "");
  const cut =
    base.split(/,|;|:| — | - | by | so that | so | with | only | when | whose | that | which | using | until /)[0] ??
    base;
  // eight words at most; a name cut there never ends on a word that waits for more ("… for a user under its" is
  // "… for a user"), while one whole as written keeps its particle ("let a member sign in")
  const all = cut.trim().split(/\s+/);
  const kept = all.length > 8 ? all.slice(0, 8).join(" ").replace(OPEN_TAIL, "") : all.join(" ");
  // a name never stops inside a parenthesised aside ("create a namespace entry (a file path"): the aside goes whole
  const open = kept.lastIndexOf("(");
  const words = open >= 0 && !kept.slice(open).includes(")") ? kept.slice(0, open).trim() : kept;
  return words.length >= 3 ? words : base.slice(0, 60);
}

const NOT_MEANING = new Set(
  (
    "a an the of to at on in by for from with and or but not no never every each any all its it is are be was " +
    "only so that this then than when which whose who as into over under after before one per may can must " +
    "still once same new own their there them they other second " +
    // words nearly every invariant and mechanism uses, which say nothing about which rule is meant
    "write writes written read reads record records store stored change changes value values through current last hold holds data"
  ).split(" "),
);

/** A word's rough stem, so "increases" meets "increasing", "grants" meets "grant" and "compaction" "compacted". */
function stem(w: string): string {
  return w.replace(/(?:ions?|ing|ed|es|s|ly)$/, "").replace(/e$/, "");
}

/** The words that say what a text is about, roughly stemmed, without the words every such text uses (remembered by text). */
export const meaningWords = rememberText(
  (text: string): ReadonlySet<string> =>
    new Set(
      text
        .toLowerCase()
        .split(/[^a-z]+/)
        .filter((w) => w.length > 2 && !NOT_MEANING.has(w))
        .map(stem),
    ),
);

/**
 * Why an archetype's default stance holds in this design: the variant's own reason where the design's row of it is a
 * variant that gives one (a log pipeline's lines, not a metrics pipeline's samples), else the card's.
 */
export function stanceReason(id: ArchetypeId, list: Fields["archetypes"]): string {
  const topic = list.find((a) => a.id === id)?.variant?.topic;
  const variant = topic === undefined ? undefined : VARIANTS.find((v) => v.by === id && v.topic === topic);
  return variant?.stance ?? STANCES[id].because;
}
