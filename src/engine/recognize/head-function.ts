import { HEAD_PHRASE_ENDS } from "../../knowledge/branch-heads.js";
import type { FunctionWord } from "../../knowledge/signals/types.js";
import { stemWord, type Token } from "./tokens.js";

/** The head's function word: the token that says what the head's system does, and the table row that reads it. */
export interface HeadFunction {
  /** The token index of the function word. */
  at: number;
  row: FunctionWord;
}

const PHRASE_ENDS = new Set(HEAD_PHRASE_ENDS.map(stemWord));

/**
 * The table by each of its words as written (a word in two rows is refused when the table is indexed). Written forms,
 * not stems: "shortener" and "shortening", "aggregator" and "aggregation" share a stem but not a function.
 */
export function functionIndex(rows: readonly FunctionWord[]): ReadonlyMap<string, FunctionWord> {
  const index = new Map<string, FunctionWord>();
  for (const row of rows)
    for (const word of row.words) {
      const had = index.get(word);
      if (had !== undefined && had !== row) throw new Error(`function word '${word}' is in two rows`);
      index.set(word, row);
    }
  return index;
}

/**
 * "Design package tracking for a parcel carrier …", "Design the course registration system …": the last word of the
 * head's noun phrase, past the words that only say it is a whole thing ("system", "platform", `wholeTails`), when the
 * table lists it as a function word. The noun phrase ends where the head does (a clause word, "for", "behind") or at a
 * word after which the head runs on about something else ("matching", `HEAD_PHRASE_ENDS`). The ask's own words
 * (`ask`) are not part of it. Undefined when the head ends on any other word.
 */
export function headFunction(
  tokens: readonly Token[],
  isHead: (i: number) => boolean,
  ask: (i: number) => boolean,
  wholeTails: ReadonlySet<string>,
  index: ReadonlyMap<string, FunctionWord>,
): HeadFunction | undefined {
  const phrase: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!isHead(i) || ask(i)) continue;
    // "a platform matching tutors …" runs on past the noun; "a ride matching service" ends on it
    if (
      phrase.length > 0 &&
      PHRASE_ENDS.has(tokens[i]?.stem ?? "") &&
      isHead(i + 1) &&
      !wholeTails.has(tokens[i + 1]?.stem ?? "")
    )
      break;
    phrase.push(i);
  }
  let n = phrase.length - 1;
  while (n >= 0 && wholeTails.has(tokens[phrase[n] ?? -1]?.stem ?? "")) n--;
  const k = phrase[n];
  if (k === undefined) return undefined;
  const row = index.get(tokens[k]?.raw ?? "");
  return row === undefined ? undefined : { at: k, row };
}
