import type { Design } from "../../engine/design/design.js";
import { rememberText } from "../../engine/text.js";
import { countWords, lowerFirst, speakable } from "./speak.js";

/**
 * Record kinds a card's text speaks of as state ("the lease table", "block allocation", "the outbox row"). A
 * sentence naming one speaks of state this design keeps only if one of its records, fields or components is
 * named by it; otherwise the sentence is another design's residue (a lease-table scope in a design whose
 * holds live on its inventory rows, block allocation beside a timestamp layout).
 */
const RECORD_KINDS: readonly { kind: string; words: RegExp }[] = [
  {
    kind: "lease",
    words: /\blease(?:-| )(?:table|store|row|record)s?\b|\b(?:writer|primary|chunk) leases?\b|\bits own lease\b/i,
  },
  { kind: "block", words: /\bblock allocation\b|\b(?:leased|range|id) blocks?\b|\bblocks of ids\b/i },
  { kind: "outbox", words: /\boutbox (?:table|row|record)s?\b/i },
];

/** The words of what a design holds: the records it writes or keeps as primary state, the data model's records and fields, and its components' names, as lower-case text. */
function heldText(d: Design): string {
  const camel = (s: string) => s.replace(/([a-z])([A-Z])/g, "$1 $2");
  return [
    ...d.primaryState.map((s) => camel(s.entity)),
    // a record only read (an in-memory block a read path still names) is not kept by any write of this design
    ...d.operations.filter((o) => !o.operation.startsWith("read")).map((o) => camel(o.entity)),
    ...d.dataModel.flatMap((e) => [
      camel((e as { entity?: string }).entity ?? ""),
      ...((e as { fields?: unknown[] }).fields ?? []).map((f) => (typeof f === "string" ? f : JSON.stringify(f))),
    ]),
    ...d.components.map((c) => c.name),
  ]
    .join(" ")
    .replace(/_/g, " ")
    .toLowerCase();
}

/** The names a design gives its own mechanisms, options and drawn sequences, which may say a record kind by name. */
function ownNames(d: Design): string[] {
  return [
    ...d.mechanisms.map((m) => m.name),
    ...d.decisions.flatMap((x) => x.options.map((o) => o.name)),
    ...d.diagrams.map((g) => g.title),
  ]
    .map((n) => lowerFirst(speakable(n)).toLowerCase())
    .filter((n) => n.length > 0)
    .sort((a, b) => b.length - a.length);
}

/** A design's held words and own names, worked out once per design (designs are frozen, so they cannot go stale). */
const PER_DESIGN = new WeakMap<Design, { held: string; names: readonly string[] }>();
function ofDesign(d: Design): { held: string; names: readonly string[] } {
  let v = PER_DESIGN.get(d);
  if (!v) {
    v = { held: heldText(d), names: ownNames(d) };
    PER_DESIGN.set(d, v);
  }
  return v;
}

/** A text as the record kinds are sought in it: lower case, "there is no writer lease" (what the design does not keep) blanked. */
const kindBody = (text: string): string =>
  text.toLowerCase().replace(/\bno (?:[a-z-]+ )?(?:leases?|blocks?|outbox)\b/g, " ");

/** Where heldOnly parts a text into sentences. */
const SENTENCE_BREAK = /(?<=[.?!])\s+(?=[A-Z])/;

/**
 * heldOnly's answer for a text that names no record kind, whatever the design (its sentences joined by one space), or
 * false where it names one. No kind's words reach across a sentence's stop, so a text names none exactly when none of
 * its sentences does. Remembered by text: a script's lines recur design after design.
 */
const kindFree = rememberText((text: string): string | false => {
  const body = kindBody(text);
  return RECORD_KINDS.some((k) => k.words.test(body)) ? false : text.split(SENTENCE_BREAK).join(" ");
});

/**
 * The record kinds a sentence names that the design holds nowhere (none of its records, fields or components
 * is named by it), after the design's own mechanism, option and sequence names are set aside.
 */
export function unheldKinds(d: Design, text: string): string[] {
  let body = kindBody(text);
  // most sentences name no record kind at all: nothing to set aside
  if (!RECORD_KINDS.some((k) => k.words.test(body))) return [];
  const { held, names } = ofDesign(d);
  for (const n of names) body = body.split(n).join(" ");
  return RECORD_KINDS.filter((k) => k.words.test(body) && !new RegExp(`\\b${k.kind}`).test(held)).map((k) => k.kind);
}

/**
 * A text without its sentences that name a record kind the design does not hold, and without a "So …" sentence
 * that only followed from one of them. Empty when nothing is left.
 */
export function heldOnly(d: Design, text: string): string {
  const plain = kindFree(text);
  if (plain !== false) return plain;
  const parts = text.split(SENTENCE_BREAK);
  const out: string[] = [];
  let dropped = false;
  for (const p of parts) {
    // a sentence whose record kind sits only in what follows its colon keeps the claim before it
    const colon = p.indexOf(": ");
    const head = colon > 0 ? p.slice(0, colon) : undefined;
    if (head && unheldKinds(d, p).length > 0 && unheldKinds(d, head).length === 0 && countWords(head) >= 6) {
      dropped = false;
      out.push(`${head}.`);
      continue;
    }
    if (unheldKinds(d, p).length > 0 || (dropped && /^So\b/.test(p))) {
      dropped = true;
      continue;
    }
    dropped = false;
    out.push(p);
  }
  return out.join(" ");
}
