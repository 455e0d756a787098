/**
 * A design's JSON text, as `JSON.stringify` writes it (the same characters), with the text of each shared part
 * written once. A design is frozen through and most of its parts are kept values handed to every design with the
 * same body (ARCHITECTURE.md, "What the engine keeps between designs"): the fields, the trace, the script's steps.
 * The text of a frozen part is a function of that object alone, so it is kept beside the object (a WeakMap: it goes
 * when the object goes) and a later design holding the same part only joins the kept texts. The jsonl batch and
 * `POST /api/design` answer with it: a design of a prompt that differs from an earlier one in words no field reads
 * writes its ~120 KB of JSON from a few kept pieces instead of serialising them all again.
 */

import { jsonText, keptJsonText } from "../engine/design/keep.js";

/** A part's JSON text as UTF-8 bytes, for writers of bytes (the jsonl batch, the design endpoint); kept apart from its text. */
const BYTES = new WeakMap<object, Buffer>();

/**
 * JSON.stringify's text of a part, kept beside it when the part is frozen (engine/design/keep.ts `jsonText`, where the
 * coherence rules leave the texts of a new design's fields they made); undefined for what JSON leaves out.
 */
const partText = jsonText;

/** A part's text as UTF-8 bytes, kept beside it when the part is frozen; undefined for what JSON leaves out. */
function partBytes(value: unknown): Buffer | undefined {
  if (typeof value !== "object" || value === null || !Object.isFrozen(value)) {
    const text = JSON.stringify(value);
    return text === undefined ? undefined : Buffer.from(text);
  }
  let bytes = BYTES.get(value);
  if (bytes === undefined) {
    // a text already made (by the coherence rules, or a `designJson`) is encoded, not made again; none is kept here
    bytes = Buffer.from(keptJsonText(value) ?? JSON.stringify(value));
    BYTES.set(value, bytes);
  }
  return bytes;
}

/**
 * `JSON.stringify(record)` for a plain record (a design, or a design with its script), written key by key in the
 * order JSON.stringify takes them (Object.keys: own enumerable string keys) with each frozen value's kept text. A
 * record or value with a `toJSON` method (none in a design) is left to JSON.stringify whole, since a part's text
 * would then depend on its key.
 */
export function designJson(record: object): string {
  if (typeof (record as { toJSON?: unknown }).toJSON === "function") return JSON.stringify(record);
  let out = "";
  for (const key of Object.keys(record)) {
    const value = (record as Record<string, unknown>)[key];
    if (typeof (value as { toJSON?: unknown } | null | undefined)?.toJSON === "function") return JSON.stringify(record);
    const text = partText(value);
    if (text === undefined) continue;
    out += `${out === "" ? "{" : ","}${JSON.stringify(key)}:${text}`;
  }
  return out === "" ? "{}" : `${out}}`;
}

/**
 * designJson's text as UTF-8 bytes, followed by `end` (a jsonl line passes "\n"), copied together from each frozen
 * part's kept bytes. Encoding a line's ~120 KB text afresh (flattening the joined pieces and converting them to UTF-8)
 * was the jsonl batch's largest cost of its own. The same bytes as `Buffer.from(designJson(record) + end)`: each piece
 * is a whole JSON text, so no boundary between pieces splits a character.
 */
export function designJsonBytes(record: object, end = ""): Buffer<ArrayBuffer> {
  const keys = Object.keys(record);
  if (
    typeof (record as { toJSON?: unknown }).toJSON === "function" ||
    keys.some(
      (k) => typeof ((record as Record<string, unknown>)[k] as { toJSON?: unknown } | null)?.toJSON === "function",
    )
  )
    return Buffer.from(`${JSON.stringify(record)}${end}`) as Buffer<ArrayBuffer>;
  const pieces: Buffer[] = [];
  let head = "{";
  for (const key of keys) {
    const bytes = partBytes((record as Record<string, unknown>)[key]);
    if (bytes === undefined) continue;
    pieces.push(Buffer.from(`${head}${JSON.stringify(key)}:`), bytes);
    head = ",";
  }
  pieces.push(Buffer.from(`${head === "{" ? "{}" : "}"}${end}`));
  // Buffer.concat copies into a fresh (never shared) ArrayBuffer.
  return Buffer.concat(pieces) as Buffer<ArrayBuffer>;
}
