import {
  CLAUSE_JOINS,
  CONDITION_OPENERS,
  FAILURE_WORDS,
  NOTICING_VERBS,
  SUBJECT_STARTS,
  SUBORDINATE_OPENERS,
} from "../../knowledge/signals/clauses.js";
import type { Hit } from "./match.js";
import type { Token } from "./tokens.js";

const SUBORDINATE: ReadonlySet<string> = new Set(SUBORDINATE_OPENERS);
const JOINS: ReadonlySet<string> = new Set(CLAUSE_JOINS);
const CONDITION: ReadonlySet<string> = new Set(CONDITION_OPENERS);
const FAILURE: ReadonlySet<string> = new Set(FAILURE_WORDS);
const NOTICING: ReadonlySet<string> = new Set(NOTICING_VERBS);
const SUBJECTS: ReadonlySet<string> = new Set(SUBJECT_STARTS);

/**
 * One clause of the prompt as a range of written words (`writtenWords`), both ends included, and the word that opens
 * it when one does ("when", "if", "and").
 */
export interface Clause {
  from: number;
  to: number;
  opener?: { word: string; at: number };
}

/** Each written word's phrase (`Token.part`), where the word is a token; stop words have none. */
function partsOf(tokens: readonly Token[], length: number): (number | undefined)[] {
  const parts: (number | undefined)[] = new Array(length).fill(undefined);
  for (const t of tokens) parts[t.at] = t.part;
  return parts;
}

const opens = (w: string | undefined): boolean => w !== undefined && (SUBORDINATE.has(w) || JOINS.has(w));

/**
 * The clause that holds the written words `first` to `last`: it reaches back and on from them up to a mark of the
 * prompt (a word of another phrase) or a word that opens a clause (`clauses.ts`), which belongs to the clause it opens.
 */
export function clauseOf(first: number, last: number, tokens: readonly Token[], written: readonly string[]): Clause {
  const parts = partsOf(tokens, written.length);
  const part = parts[first];
  let from = first;
  let opener: Clause["opener"];
  for (let k = first - 1; k >= 0; k--) {
    if (parts[k] !== undefined && parts[k] !== part) break;
    from = k;
    if (opens(written[k])) {
      opener = { word: written[k] as string, at: k };
      break;
    }
  }
  let to = last;
  for (let k = last + 1; k < written.length; k++) {
    if ((parts[k] !== undefined && parts[k] !== part) || opens(written[k])) break;
    to = k;
  }
  return opener ? { from, to, opener } : { from, to };
}

/** The written positions a hit covers, lowest first. */
const positions = (h: Hit, tokens: readonly Token[]): number[] =>
  h.covers.map((i) => tokens[i]?.at ?? 0).sort((a, b) => a - b);

/**
 * Whether a hit's words stand in two clauses: a word opening a subordinate clause ("when", "if", "while") stands
 * between two of them, or a list's "and"/"or" does other than as the join of two words read next to each other
 * ("join and leave" is one expression; "machine … when its machine dies" and "hours … and block them" are not).
 */
export function acrossClauses(h: Hit, tokens: readonly Token[], written: readonly string[]): boolean {
  const at = positions(h, tokens);
  for (let k = 1; k < at.length; k++) {
    const a = at[k - 1] as number;
    const b = at[k] as number;
    for (let j = a + 1; j < b; j++) {
      const w = written[j] ?? "";
      if (SUBORDINATE.has(w)) return true;
      if (JOINS.has(w) && b - a > 2) return true;
    }
  }
  return false;
}

/**
 * The failure condition a hit's words stand in, or undefined: every word of it stands in one clause opened by a
 * condition word ("when", "if") that holds a failure word ("a node fails", "a region goes offline"), and the clause
 * before it notices nothing ("detect when a node fails" asks for the noticing). Such words say under which failure
 * the main clause's requirement must hold ("no session lost when one node fails"), not a requirement of their own.
 */
export function failureCondition(h: Hit, tokens: readonly Token[], written: readonly string[]): Clause | undefined {
  // a rule that states what must hold through a failure is stated by naming the failure ("even if a data center burns")
  if (h.signal.underFailure) return undefined;
  const at = positions(h, tokens);
  if (at.length === 0) return undefined;
  const first = at[0] as number;
  const last = at[at.length - 1] as number;
  const clause = clauseOf(first, first, tokens, written);
  const opener = clause.opener;
  if (!opener || !CONDITION.has(opener.word)) return undefined;
  // the condition runs from its opener to its failure word and on to the start of a new subject: "if a disk dies | the
  // missing copies are rebuilt" is a condition and then the main clause, though no comma parts them
  let failure = -1;
  for (let k = opener.at + 1; k <= clause.to && failure < 0; k++) if (FAILURE.has(written[k] ?? "")) failure = k;
  if (failure < 0) return undefined;
  let to = failure;
  while (to < clause.to && !SUBJECTS.has(written[to + 1] ?? "")) to++;
  if (last > to) return undefined;
  if (opener.at > 0) {
    const before = clauseOf(opener.at - 1, opener.at - 1, tokens, written);
    if (written.slice(before.from, before.to + 1).some((w) => NOTICING.has(w))) return undefined;
  }
  return { from: clause.from, to, opener };
}

/**
 * The other property a requirement's clause states, or undefined: the requirement's rule lists words (`instead`)
 * that, in the clause its words stand in, say the clause is about something else ("history is kept for one year" is
 * a retention, not telemetry), unless one of its `unlessWith` words stands there too ("metrics are kept for a year").
 */
export function otherProperty(h: Hit, tokens: readonly Token[], written: readonly string[]): string | undefined {
  const instead = h.signal.instead;
  if (!instead) return undefined;
  const at = positions(h, tokens);
  if (at.length === 0) return undefined;
  const clause = clauseOf(at[0] as number, at[at.length - 1] as number, tokens, written);
  const words = written.slice(clause.from, clause.to + 1);
  const has = (phrase: string) => {
    const ws = phrase.split(" ");
    return words.some((_, k) => ws.every((w, j) => words[k + j] === w));
  };
  if (!instead.words.some(has) || (instead.unlessWith ?? []).some(has)) return undefined;
  return instead.says;
}
