import { CURSOR_FIELD, NOT_READERS, POSITION_KEYS, READER_KEYS } from "../knowledge/catch-up-cursors.js";
import { STOP_WORDS } from "../knowledge/lexicon.js";
import { requirementKind } from "../knowledge/requirement-kinds.js";
import { singularOf } from "./counted-nouns.js";
import type { ApiRow, DataModelRow } from "./design/types.js";
import { RECORD_PART } from "./product/record.js";
import { requirementClauses } from "./requirement-ledger.js";
import { type Drawn, homeOf, pascal, pluralOf } from "./stock-records.js";

/**
 * The per-reader cursor a stated catch-up after absence needs ("users who were offline get the messages they missed
 * when they reconnect", "a device resumes from where it left off"): a record of the last position delivered to each
 * reader in each stream, written when the reader acknowledges, and a read of everything after it. Without it the
 * design delivers to whoever is connected and has no answer for who was not. A design whose records already keep
 * such a position (a chat's receipts: delivered_up_to per member) carries the clause by them; otherwise the cursor
 * is drawn on the store of the design's first record, keyed by the reader and the stream the missed things belong to.
 */

/** A stated catch-up: the clause, who comes back, and what they missed. */
export interface CatchUp {
  quote: string;
  /** Who returns ("user", "device", "subscriber"); "client" when the clause names nobody. */
  reader: string;
  /** What they missed ("message"), when the clause names it. */
  missed?: string;
}

const ARTICLES = /^(?:and\s+|but\s+|so\s+)?(?:the\s+|a\s+|an\s+|each\s+|every\s+|any\s+|all\s+)?/i;
/** Who is away: the noun before the words of absence ("users who were offline", "a device is offline", "terminals that lose their connection"). */
const AWAY =
  /\b([a-z]+)\s+(?:(?:who|that|which)\s+)?(?:(?:were|was|is|are|went|goes|go|has been|have been)\s+(?:offline|away|disconnected|down)|reconnects?|los(?:e|es|t)\s+(?:its|their|the)\s+connection|comes?\s+back)\b/i;
/** The thing missed: "the messages they missed", "missed messages", "catch up on the events". */
const MISSED =
  /\b(?:([a-z]+)\s+(?:that\s+|which\s+)?(?:they|it|he|she|you|we)\s+missed|missed\s+([a-z]+)|catch(?:es)?\s+up\s+on\s+(?:the\s+|their\s+|its\s+)?([a-z]+))\b/i;

/** The catch-up clauses of a prompt, by the ledger's own clause spans and kind words. */
export function catchUpsOf(prompt: string): CatchUp[] {
  const out: CatchUp[] = [];
  for (const c of requirementClauses(prompt)) {
    if (requirementKind(c.text)?.id !== "catch-up") continue;
    const noun = (w: string | undefined) =>
      w && w.length > 2 && !STOP_WORDS.has(w) && !NOT_READERS.includes(w) ? w : undefined;
    const away = noun(AWAY.exec(c.text)?.[1]?.toLowerCase());
    // the clause's first word names a reader only where a relative clause follows it ("a fan whose app ..."), never
    // an imperative that opens a sentence ("Know which ...")
    const lead = /^([a-z]+)\s+(\w+)/i.exec(c.text.replace(ARTICLES, ""));
    const first = noun(lead?.[1]?.toLowerCase());
    const related =
      first && /^[a-z]/.test(lead?.[1] ?? "") && /^(?:who|whose|that|which)$/i.test(lead?.[2] ?? "")
        ? first
        : undefined;
    const head = away ?? related;
    const reader = head ? singularOf(head) : "client";
    const m = MISSED.exec(c.text);
    // "commands sent while a device is offline": the clause's own subject, made by a participle, is what was missed
    const made =
      away && first && first !== away && /^(?:\w+ed|sent|written|made)$/i.test(lead?.[2] ?? "") ? first : undefined;
    const missedWord = m?.[1] ?? (m?.[2] && /s$/i.test(m[2]) ? m[2] : undefined) ?? m?.[3] ?? made;
    const word = noun(missedWord?.toLowerCase());
    out.push({
      quote: c.text.trim(),
      reader,
      ...(word ? { missed: singularOf(word) } : {}),
    });
  }
  return out;
}

const bare = (r: DataModelRow) => r.entity.replace(/\s*\(.*\)$/, "");
/**
 * The key that names a stream of a record: its partition key where that is one of its key parts and not the whole
 * key (a message's conversation_id); a record each of whose rows is its own partition has no stream but the reader's.
 */
function streamKeyOf(r: DataModelRow): string | undefined {
  const pk = r.partitionKey?.replace(/^hash\((.*)\)$/, "$1").split(/\s*,\s*/)[0] ?? r.key[0];
  return pk && /^\w+$/.test(pk) && r.key.length > 1 && r.key.includes(pk) && !POSITION_KEYS.includes(pk)
    ? pk
    : undefined;
}

/** The record that holds what was missed: named by the clause's noun, else the design's first record. */
function streamRecord(arch: Drawn, c: CatchUp, lead: string): DataModelRow | undefined {
  const byName = c.missed
    ? arch.dataModel.find((r) => bare(r).toLowerCase() === c.missed?.replace(/\W+/g, "").toLowerCase())
    : undefined;
  return byName ?? homeOf(arch, lead).first;
}

/** A record that already keeps a reader's delivered position in the stream: its key holds the stream's key and one more. */
const cursorIn = (rows: readonly DataModelRow[], stream: string | undefined, reader: string) =>
  rows.find(
    (r) =>
      (stream === undefined || r.key.includes(stream)) &&
      r.key.some((k) => k === reader || READER_KEYS.includes(k)) &&
      r.fields.some((f) => CURSOR_FIELD.test(f)),
  );

const addBecause = (was: string | undefined, why: string) => (was && !was.includes(why) ? `${was}; ${why}` : why);

/**
 * An architecture whose stated catch-ups each have a per-reader cursor and the calls around it: the acknowledge that
 * advances it and the read of everything after it, whose cursor older than the stream's retention answers with the
 * snapshot to start from instead.
 */
export function withCatchUpCursors<A extends Drawn>(arch: A, catchUps: readonly CatchUp[], lead: string): A {
  if (catchUps.length === 0) return arch;
  let dataModel = [...arch.dataModel];
  let components = arch.components;
  let api = [...arch.api];
  for (const c of catchUps) {
    const stream = streamRecord({ ...arch, components, dataModel, api }, c, lead);
    if (!stream) continue;
    const streamKey = streamKeyOf(stream);
    const readerKey = `${c.reader.replace(/\W+/g, "_")}_id`;
    const position = stream.key.find((k) => POSITION_KEYS.includes(k)) ?? "sequence";
    const thing = bare(stream).toLowerCase();
    const why = `the prompt says '${c.quote}': a per-${c.reader} cursor keeps the last ${thing} ${position} delivered ${streamKey ? `in each ${streamKey.replace(/_id$/, "").replace(/_/g, " ")}` : `to the ${c.reader}`}, so on return the ${c.reader} reads everything after it (catch-up read from a cursor)`;
    const held = cursorIn(dataModel, streamKey, readerKey);
    const archetype = stream.archetype === RECORD_PART ? lead : stream.archetype;
    if (held) {
      dataModel = dataModel.map((r) => (r === held ? { ...r, because: addBecause(r.because, why) } : r));
    } else {
      const entity = `${pascal(c.reader)}Cursor`;
      if (dataModel.some((r) => r.entity === entity)) continue;
      dataModel.push({
        entity,
        key: streamKey ? [readerKey, streamKey] : [readerKey],
        fields: [`last_delivered_${position}`, "updated_at"],
        indexes: [],
        partitionKey: `hash(${readerKey})`,
        owner: stream.owner,
        archetype,
        because: why,
      });
      components = components.map((x) => (x.id === stream.owner ? { ...x, holds: [...x.holds, entity] } : x));
    }
    // the things read back are the clause's own noun where it names one ("the events they missed")
    const missed = c.missed ?? thing;
    const things = pluralOf(missed).replace(/\W+/g, "-");
    const owner = streamKey ?? readerKey;
    const streams = pluralOf(owner.replace(/_id$/, "")).replace(/_/g, "-");
    // the read after a position the design already has on the stream is the catch-up read; else it is drawn
    const read = api.find(
      (a) =>
        a.call.startsWith("GET ") && a.call.includes(`{${owner}}`) && /[?&]\w*(?:after|since|from)\w*=/.test(a.call),
    );
    const ask = `the prompt says '${c.quote}'`;
    if (read) {
      api = api.map((a) =>
        a === read
          ? {
              ...a,
              because: addBecause(a.because, ask),
              errors: a.errors.some((e) => e.startsWith("410"))
                ? a.errors
                : [...a.errors, `410 ${position} older than retention: read the snapshot, then from its ${position}`],
            }
          : a,
      );
    } else {
      api.push({
        operation: `catch up on missed ${pluralOf(missed)}`,
        call: `GET /v1/${streams}/{${owner}}/${things}?after={${position}}`,
        request: ["limit"],
        response: [`${pluralOf(missed)} in ${position} order`, `next_${position}`],
        errors: [
          `404 unknown ${owner}`,
          `410 ${position} older than retention: read the snapshot, then from its ${position}`,
        ],
        guarantee: `returns every ${missed} after the given ${position} in order, a page at a time, so a returning ${c.reader} misses none and sees none twice`,
        archetype,
        because: ask,
      });
    }
    if (held) {
      // the call that writes the held cursor is the acknowledge that advances it
      const path = `/${pluralOf(
        bare(held)
          .replace(/([a-z])([A-Z])/g, "$1-$2")
          .toLowerCase(),
      )}`;
      api = api.map((a) =>
        /^(?:PUT|POST|PATCH) /.test(a.call) && a.call.includes(path)
          ? { ...a, because: addBecause(a.because, ask) }
          : a,
      );
    } else {
      api.push({
        operation: `acknowledge ${pluralOf(missed)} delivered to a ${c.reader}`,
        call: `PUT /v1/${pluralOf(c.reader).replace(/\W+/g, "-")}/{${readerKey}}/cursors${streamKey ? `/{${streamKey}}` : ""}`,
        request: [`last_delivered_${position}`],
        response: [`last_delivered_${position}`],
        errors: [`404 unknown ${readerKey}`],
        guarantee: `moves the cursor forward only (a smaller ${position} leaves it as it is), so a late or repeated acknowledge never rewinds it`,
        archetype,
        because: ask,
      });
    }
  }
  return { ...arch, components, dataModel, api };
}
