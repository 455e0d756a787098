/**
 * The size of one record of a thing the prompt counts, from what the record holds (knowledge/capacity/record-kinds.ts):
 * the counted phrase's head noun picks the kind, whose fields are summed, and the reason lists each field's bytes. A
 * head no kind lists keeps the generic record, said as a planning assumption. Pure: same quote, same answer.
 */
import { GENERIC_RECORD, RECORD_KINDS } from "../knowledge/capacity/record-kinds.js";
import { TIME_UNIT_SPELLINGS } from "../knowledge/counted-things.js";
import { anyWord } from "./text.js";

export interface RecordSize {
  bytes: number;
  because: string;
}

/** The head noun of a counted phrase: its last word, lower case ("1 billion leaked password hashes" → "hashes"). */
export function countedHead(quote: string): string {
  // a rate's time unit after its noun is no part of what is counted ("30 million packages a day" counts packages)
  const counted = quote.toLowerCase().replace(TIME_TAIL, "");
  const words = counted.match(/[a-z][a-z-]*/g) ?? [];
  return words[words.length - 1] ?? "";
}

/** The time unit a rate ends with: "a day", "per second", "an hour", "/s". */
const TIME_TAIL = new RegExp(String.raw`(?:\s+(?:per|a|an|each|every)\s+|\s*\/\s*)${anyWord(TIME_UNIT_SPELLINGS)}\s*$`);

const bytesSaid = (n: number): string => `${n} B`;

/** One record's bytes for the things a stated count names, with its fields as the reason. */
export function recordSizeOf(quote: string): RecordSize {
  const head = countedHead(quote);
  const kind = RECORD_KINDS.find((k) => k.head.test(head));
  if (!kind)
    return {
      bytes: GENERIC_RECORD.bytes,
      because: `no record size is stated for '${quote}' and its noun names no record kind with known fields; ${GENERIC_RECORD.why}`,
    };
  const bytes = kind.fields.reduce((sum, f) => sum + f.bytes, 0);
  const parts = kind.fields.map((f) => `${f.name} (${bytesSaid(f.bytes)}: ${f.why})`).join("; ");
  return {
    bytes,
    because: `one of '${quote}' is ${kind.label}, whose record holds ${parts}: ${bytesSaid(bytes)} in all`,
  };
}
