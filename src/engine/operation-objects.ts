import { STOP_WORDS } from "../knowledge/lexicon.js";
import {
  BOOKING_RECORDS,
  BOOKING_VERBS,
  GENERIC_OWNERS,
  PICKING_WORDS,
  PUBLISH_VERBS,
  SPAN_WORDS,
} from "../knowledge/operation-objects.js";
import { singularOf } from "./counted-nouns.js";
import type { ApiRow, DataModelRow } from "./design/types.js";
import { RECORD_PART } from "./product/record.js";
import { type Drawn, homeOf } from "./stock-records.js";

/**
 * The nouns a product prompt states its operations on, kept by the records those operations act on. Two shapes:
 * an owner publishing its things ("40,000 restaurants publish their tables and opening hours": a thing the prompt
 * later speaks of one at a time, "a table", is a record of its own that carries the owner's id; the rest, "opening
 * hours", are the owner's record's fields, so the owner has a record), and an operation's qualifier ("book a table for
 * a party size": the booking record carries party_size). Only the prompt's own words add a field, each with its reason.
 */

/** "restaurants publish their tables and opening hours". */
export interface OwnerClause {
  owner: string;
  verb: string;
  /** The owner's things one at a time ("table") and its own attributes ("opening hours"). */
  things: string[];
  attributes: string[];
  quote: string;
}

/** "book a table for a party size". */
export interface QualifierClause {
  verb: string;
  object: string;
  /** The qualifier's words, "party size"; "number of attendees" reads "attendee count". */
  qualifier: string;
  quote: string;
}

export interface OperationObjects {
  owners: OwnerClause[];
  qualifiers: QualifierClause[];
}

const PUBLISH = new RegExp(
  String.raw`\b([a-z]+)\s+(${PUBLISH_VERBS.join("|")})(?:es|s)?\s+(?:their|its)\s+([a-z][a-z ]*?)\s*(?=[,.;:]|$)`,
  "g",
);
const QUALIFIED =
  /\b([a-z]+)\s+(?:a|an|the)\s+([a-z]+)(?:\s+with\s+(?:a|an|the)\s+[a-z]+)?\s+for\s+(?:a|an|the)\s+(?:number\s+of\s+([a-z]+)|([a-z]+)(?:\s+([a-z]+))?)/g;
/** A qualifier that is a length of time ("for a half day", "for a week") is the booking's interval, not a field. */
const SPAN = new Set(SPAN_WORDS);
const PICKING = new Set(PICKING_WORDS);
const GENERIC = new Set(GENERIC_OWNERS);
/** Words that end a qualifier phrase: "for a party size and ..." keeps "party size". */
const ENDS = new Set(["and", "or", "with", "at", "in", "on", "by", "from", "to", "of"]);

const snake = (w: string) => w.trim().toLowerCase().replace(/\W+/g, "_");
const pascal = (w: string) => w.replace(/(^|[-_\s])([a-z])/g, (_, __, c: string) => c.toUpperCase());
const plural = (w: string) =>
  /[^aeiou]y$/.test(w) ? `${w.slice(0, -1)}ies` : /(?:s|x|ch|sh)$/.test(w) ? `${w}es` : `${w}s`;
/** A verb as its owner says it: "publish" → "publishes", "list" → "lists". */
const says = (verb: string) => (/(?:s|x|z|ch|sh)$/.test(verb) ? `${verb}es` : `${verb}s`);
const singularPhrase = (p: string) => {
  const ws = p.split(" ");
  return [...ws.slice(0, -1), singularOf(ws.at(-1) ?? "")].join(" ");
};

/** The owner and qualifier clauses a prompt states. */
export function operationObjects(prompt: string): OperationObjects {
  const lower = prompt.toLowerCase();
  const owners: OwnerClause[] = [];
  for (const m of lower.matchAll(PUBLISH)) {
    const owner = singularOf(m[1] ?? "");
    if (owner.length < 3 || STOP_WORDS.has(owner) || GENERIC.has(owner)) continue;
    const nouns = (m[3] ?? "")
      .split(/\s+and\s+|\s*,\s*/)
      .map((n) => n.trim())
      .filter((n) => /^[a-z]+(?: [a-z]+)?$/.test(n) && !n.split(" ").some((w) => STOP_WORDS.has(w)));
    if (nouns.length === 0) continue;
    // a thing the prompt speaks of one at a time elsewhere ("book a table") is a record; the rest are the owner's
    const one = (n: string) => new RegExp(`\\b(?:a|an|the|each)\\s+${singularPhrase(n)}\\b`).test(lower);
    owners.push({
      owner,
      verb: m[2] ?? "",
      things: nouns.filter(one).map(singularPhrase),
      attributes: nouns.filter((n) => !one(n)),
      quote: m[0].trim(),
    });
  }
  const qualifiers: QualifierClause[] = [];
  for (const m of lower.matchAll(QUALIFIED)) {
    const verb = m[1] ?? "";
    if (STOP_WORDS.has(verb)) continue;
    const first = m[4] ?? "";
    const second = m[5] && !ENDS.has(m[5]) && !STOP_WORDS.has(m[5]) ? m[5] : undefined;
    // "for a number of attendees": the record counts them
    const qualifier = m[3] ? `${singularOf(m[3])} count` : second ? `${first} ${second}` : first;
    if (
      SPAN.has(singularOf(qualifier.split(" ").at(-1) ?? "")) ||
      (!m[3] && (STOP_WORDS.has(first) || PICKING.has(first)))
    )
      continue;
    const quote = m[5] && !second ? m[0].replace(/\s+[a-z]+$/, "") : m[0];
    qualifiers.push({ verb, object: m[2] ?? "", qualifier, quote });
  }
  return { owners, qualifiers };
}

const rowName = (r: DataModelRow) => r.entity.replace(/\s*\(.*\)$/, "");
const named = (r: DataModelRow, noun: string) =>
  [rowName(r), /\(([A-Za-z]+)\)$/.exec(r.entity)?.[1] ?? ""].some(
    (n) => n.toLowerCase() === pascal(noun).replace(/\s/g, "").toLowerCase(),
  );

/** The record that keeps a noun: one of its name, or one a feature's terms pair it with (a ticketing Item is a 'table'). */
function recordOf(
  rows: readonly DataModelRow[],
  noun: string,
  terms: readonly Readonly<Record<string, string>>[],
): DataModelRow | undefined {
  return (
    rows.find((r) => named(r, noun)) ??
    rows.find((r) =>
      terms.some((t) =>
        Object.entries(t).some(([k, v]) => singularOf(v.toLowerCase()) === noun.split(" ").at(-1) && named(r, k)),
      ),
    )
  );
}

/** The record an operation's verb writes: named by the verb ("book" → Booking, "reserve" → Reservation, "rent" → Rental). */
function writtenBy(rows: readonly DataModelRow[], verb: string): DataModelRow | undefined {
  const stem = verb.replace(/e$/, "");
  if (stem.length < 3) return undefined;
  const names = (r: DataModelRow) => [rowName(r), /\(([A-Za-z]+)\)$/.exec(r.entity)?.[1] ?? ""];
  return (
    rows.find((r) => names(r).some((n) => n.toLowerCase().startsWith(stem))) ??
    // a booking verb writes the design's booking record under whichever name it has ("book a home" → Reservation)
    (BOOKING_VERBS.includes(verb) ? rows.find((r) => names(r).some((n) => BOOKING_RECORDS.includes(n))) : undefined)
  );
}

const withFields = (r: DataModelRow, fields: readonly string[], why: string): DataModelRow => {
  const add = fields.filter((f) => !r.fields.includes(f) && !r.key.includes(f));
  return add.length === 0
    ? r
    : { ...r, fields: [...r.fields, ...add], because: r.because ? `${r.because}; ${why}` : why };
};

/**
 * An architecture whose records keep the nouns the prompt's operations act on: an owner's record (drawn on the
 * store of the design's first record where none is named for it) with its published attributes and a call to publish
 * them, the owner's id on each record of a thing it publishes, and each stated qualifier on the record its verb writes.
 */
export function withOperationObjects<A extends Drawn>(
  arch: A,
  objects: OperationObjects,
  lead: string,
  terms: readonly Readonly<Record<string, string>>[] = [],
): A {
  if (objects.owners.length === 0 && objects.qualifiers.length === 0) return arch;
  let dataModel = [...arch.dataModel];
  let components = arch.components;
  const api = [...arch.api];
  for (const o of objects.owners) {
    const key = `${snake(o.owner)}_id`;
    const held = o.things.map((t) => ({ t, r: recordOf(dataModel, t, terms) }));
    for (const { t, r } of held)
      if (r)
        dataModel = dataModel.map((x) =>
          x === r
            ? withFields(
                x,
                [key],
                `the prompt says '${o.quote}': each ${t} belongs to the ${o.owner} that ${says(o.verb)} it, so it carries ${key}`,
              )
            : x,
        );
    if (o.attributes.length === 0) continue;
    const fields = o.attributes.map(snake);
    const why = `the prompt says '${o.quote}': the ${o.owner}'s record keeps its ${o.attributes.join(" and ")}, which a ${o.owner} ${says(o.verb)} as its own`;
    const own = dataModel.find((r) => named(r, o.owner));
    if (own) {
      dataModel = dataModel.map((r) => (r === own ? withFields(r, fields, why) : r));
      continue;
    }
    const { first, home } = homeOf({ components, dataModel }, lead);
    if (!first || !home) continue;
    const archetype = first.archetype === RECORD_PART ? lead : first.archetype;
    dataModel.push({
      entity: pascal(o.owner),
      key: [key],
      fields: [...fields, "updated_at", "version"],
      indexes: [],
      partitionKey: `hash(${key})`,
      owner: home.id,
      archetype,
      because: why,
    });
    components = components.map((c) => (c.id === home.id ? { ...c, holds: [...c.holds, pascal(o.owner)] } : c));
    const call: ApiRow = {
      operation: `${o.verb} ${/^[aeio]/.test(o.owner) ? "an" : "a"} ${o.owner}'s ${o.attributes.join(" and ")}`,
      call: `PUT /v1/${plural(o.owner).replace(/\W+/g, "-")}/{${key}}`,
      request: [...fields, "expected_version"],
      response: [key, "version"],
      errors: [`404 unknown ${key}`, "409 version changed since it was read"],
      guarantee: `a write carrying a stale expected_version answers 409, so two editors never overwrite each other's change to one ${o.owner}`,
      archetype,
      because: `the prompt says '${o.quote}'`,
    };
    if (!api.some((x) => x.call === call.call)) api.push(call);
  }
  for (const q of objects.qualifiers) {
    const r = writtenBy(dataModel, q.verb);
    if (!r) continue;
    const why = `the prompt says '${q.quote}': the ${rowName(r)} written by '${q.verb} ${/^[aeio]/.test(q.object) ? "an" : "a"} ${q.object}' carries the ${q.qualifier} it is made for`;
    dataModel = dataModel.map((x) => (x === r ? withFields(x, [snake(q.qualifier)], why) : x));
  }
  return { ...arch, components, dataModel, api };
}
