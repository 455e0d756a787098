import { ARCHETYPES } from "../knowledge/index.js";
import { REFERENCE_FAMILIES } from "../knowledge/references.js";
import type { ArchetypeId } from "../knowledge/schema.js";

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

interface NamePattern {
  re: RegExp;
  /** The name in lower case when it is plain ASCII: a text that does not contain it cannot match `re`. */
  lower?: string;
}

const NAME_RE = new Map<string, NamePattern>();

let lastText = "";
let lastLower = "";
/** The lower-case form of a text, kept for the last text asked about (names are tested against one text in turn). */
function lowered(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastLower = text.toLowerCase();
  }
  return lastLower;
}

/** Whole-word, case-insensitive test of a name inside a text (each name's pattern is compiled once). */
export function mentionsName(text: string, name: string): boolean {
  let pat = NAME_RE.get(name);
  if (!pat) {
    pat = { re: new RegExp(`(^|[^A-Za-z0-9])${escapeRe(name)}([^A-Za-z0-9]|$)`, "i") };
    // A case-insensitive match of ASCII letters needs the same letters in the text, whatever their case (no
    // other character folds onto an ASCII one without the u flag), so a substring test rules most names out.
    if (/^[\x20-\x7e]*$/.test(name)) pat.lower = name.toLowerCase();
    // Names come from the knowledge base and from its product lists, so the map stays small.
    if (NAME_RE.size < 5000) NAME_RE.set(name, pat);
  }
  if (pat.lower !== undefined && !lowered(text).includes(pat.lower)) return false;
  return pat.re.test(text);
}

/** Every named system (and alias) the knowledge base knows, longest first so "Amazon S3" beats "S3". */
const SYSTEM_NAMES: readonly string[] = [
  ...new Set(ARCHETYPES.flatMap((a) => a.signals.systems.flatMap((s) => [s.name, ...s.aliases]))),
]
  .filter((n) => n.length >= 2)
  .sort((a, b) => b.length - a.length || a.localeCompare(b));

/** Lower-case ASCII code of a character code, or -1 for a character no ASCII name can match. */
const asciiLower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c < 128 ? c : -1);
/** Three lower-case ASCII codes as one number. */
const trigram = (a: number, b: number, c: number) => (a << 14) | (b << 7) | c;

/** The ASCII names by their first three letters (lower case); the others, and shorter names, are always tried. */
const BY_TRIGRAM = new Map<number, number[]>();
const ALWAYS: number[] = [];
SYSTEM_NAMES.forEach((n, i) => {
  if (n.length < 3 || !/^[\x20-\x7e]*$/.test(n)) {
    ALWAYS.push(i);
    return;
  }
  const t = trigram(asciiLower(n.charCodeAt(0)), asciiLower(n.charCodeAt(1)), asciiLower(n.charCodeAt(2)));
  const list = BY_TRIGRAM.get(t);
  if (list) list.push(i);
  else BY_TRIGRAM.set(t, [i]);
});

/** The indexes of the names a text may mention: those whose first three letters occur in it, in any case. */
function candidateNames(text: string): number[] {
  const found = new Set<number>(ALWAYS);
  let a = -1;
  let b = -1;
  for (let i = 0; i < text.length; i++) {
    const c = asciiLower(text.charCodeAt(i));
    if (a >= 0 && b >= 0 && c >= 0) {
      const list = BY_TRIGRAM.get(trigram(a, b, c));
      if (list) for (const k of list) found.add(k);
    }
    a = b;
    b = c;
  }
  return [...found].sort((x, y) => x - y);
}

interface PromptNames {
  prompt: string;
  names: readonly string[];
  /** Per reference family, the words the prompt asks for it with (null: it does not), once asked. */
  asked: (string | null | undefined)[];
}
let lastNamed: PromptNames | undefined;

function promptNames(prompt: string): PromptNames {
  if (lastNamed?.prompt === prompt) return lastNamed;
  // Asked once per product while a design is derived: the answer for the last prompt is kept. A name can only
  // be mentioned where its first three letters occur (any case), so only those names are tested.
  const names = candidateNames(prompt)
    .map((k) => SYSTEM_NAMES[k] as string)
    .filter((n) => mentionsName(prompt, n));
  lastNamed = { prompt, names, asked: [] };
  return lastNamed;
}

/** The real systems a prompt names ("like Kafka", "Design an object store like S3"). */
export function namedSystems(prompt: string): readonly string[] {
  return promptNames(prompt).names;
}

export interface ReferenceVerdict {
  /** The name that made the product a reference. */
  name: string;
  why: string;
}

/**
 * Whether a product is the very thing the prompt asks to design: the prompt names it, or the prompt
 * asks to build one of the design's archetypes ("Design a CDN") and the product is a whole implementation of it.
 */
export function referenceVerdict(
  product: string,
  prompt: string,
  archetypes: readonly ArchetypeId[],
): ReferenceVerdict | undefined {
  const named = promptNames(prompt);
  for (const name of named.names) {
    if (mentionsName(product, name))
      return {
        name,
        why: `the prompt names ${name}: it is the system being designed, so its design is the reference, not a part to buy`,
      };
  }
  for (const [i, family] of REFERENCE_FAMILIES.entries()) {
    if (!archetypes.includes(family.archetype)) continue;
    let asked = named.asked[i];
    if (asked === undefined) {
      asked = prompt.match(family.asks)?.[0] ?? null;
      named.asked[i] = asked;
    }
    const impl = family.implementations.find((i) => mentionsName(product, i));
    if (asked && impl)
      return {
        name: impl,
        why: `the prompt asks for a ${asked} and ${impl} is a whole one: it is the reference design to learn from, not a part to buy`,
      };
  }
  return undefined;
}

/**
 * Whether a product is a part for building an archetype that this prompt does not ask to build
 * (a segment-file layout is offered for "Design Kafka", not for "Design Twitter", which buys a log).
 */
export function unaskedBuildingBlock(product: string, prompt: string): boolean {
  const owners = REFERENCE_FAMILIES.filter((f) => f.buildingBlocks?.some((b) => product.startsWith(b)));
  return owners.length > 0 && !owners.some((f) => f.asks.test(prompt));
}
