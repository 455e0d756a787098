import { NUMBER_WORDS, STOP_WORDS } from "../../knowledge/lexicon.js";
import { CONCEPT_FAMILIES } from "../../knowledge/signals/combinations.js";
import {
  COLLECTIVE_NOUNS,
  COMPOUND_NOUNS,
  NOUN_LEADS,
  SUBJECT_TAILS,
  VERB_LEADS,
  WORD_SENSES,
  type WordClass,
  type WordSense,
} from "../../knowledge/signals/senses.js";
import { isPluralWord } from "../counted-nouns.js";

/** How a written word inflects a table word: as written, plural or third person, past, or present participle. */
type Form = "bare" | "s" | "ed" | "ing";

/** Every written form of each table word, with its form: "type", "types", "typed", "typing". */
const FORMS = new Map<string, { sense: WordSense; form: Form }>();
for (const sense of WORD_SENSES) {
  const w = sense.word;
  const last = w[w.length - 1] as string;
  const stem = w.replace(/e$/, "");
  const add = (written: string, form: Form) => {
    if (!FORMS.has(written)) FORMS.set(written, { sense, form });
  };
  add(w, "bare");
  add(`${w}s`, "s");
  add(`${w}es`, "s");
  add(`${stem}ed`, "ed");
  add(`${w}${last}ed`, "ed");
  add(`${stem}ing`, "ing");
  add(`${w}${last}ing`, "ing");
}
const COLLECTIVES = new Set(COLLECTIVE_NOUNS);
/** The compound nouns' words, by first word (a piece is compared only with the compounds it can begin), in table order. */
const COMPOUNDS = new Map<string, string[][]>();
for (const c of COMPOUND_NOUNS) {
  const words = c.split(" ");
  const first = words[0] ?? "";
  const list = COMPOUNDS.get(first);
  if (list === undefined) COMPOUNDS.set(first, [words]);
  else list.push(words);
}
const VERB_BEFORE = new Set(VERB_LEADS);
const NOUN_BEFORE = new Set(NOUN_LEADS);
const SUBJECT_AFTER = new Set(SUBJECT_TAILS);
/** Words for people (the word family `people`: "users", "players", "everyone"), each also as written singular. */
const PEOPLE = new Set((CONCEPT_FAMILIES.people ?? []).flatMap((w) => [w, w.replace(/s$/, "")]));
/** How many written words after "of" a collective's plural noun may stand ("a bank of 12 operating theatres"). */
const GROUP_REACH = 3;

const isWord = (piece: string | undefined): piece is string => piece !== undefined && /[a-z]/.test(piece);
const isNumber = (piece: string | undefined): boolean =>
  piece !== undefined && (/^\d/.test(piece) || NUMBER_WORDS.has(piece));
/** A written plural noun ("elevators", "users", "drones"): a content word written as a plural (`isPluralWord`). */
const isPlural = (piece: string | undefined): boolean => isWord(piece) && !STOP_WORDS.has(piece) && isPluralWord(piece);
/** A written content word: a word that is no stop word and no count. */
const isContent = (piece: string | undefined): piece is string =>
  isWord(piece) && !STOP_WORDS.has(piece) && !isNumber(piece);

/** A word shaped like an adjective or adverb: it describes the word after it, not names a kind of it. */
const DESCRIBING = /^[a-z]{3,}(?:ly|ic|al|ive|ful|ous|able|ible|less|ed|ing)$/;

/** A word written the same as a compound's word, or its plural ("vending machines"). */
const sameWord = (piece: string | undefined, word: string): boolean => piece === word || piece === `${word}s`;

/**
 * The part of speech a written table word stands in, from the words around it, or undefined where they do not say.
 * A verb: a participle ("typing", "filed"), after "to", a modal, a subject pronoun or a person ("must stay", "as the user types"), before an object's
 * determiner or count ("file a claim", "files 2 million reports"), bare after a plural subject opening its phrase ("drones file"), or
 * third person before a plural object ("the crawler scans pages"). A noun: after a determiner, a count or a
 * determiner and one word ("a live match"), before a relative pronoun, a form of "be" or a modal ("scans that
 * arrive"), after a noun ("blood type", "parcel scans"), or bare before a plural noun it
 * qualifies ("scan events").
 */
export function wordClass(pieces: readonly string[], p: number, form: Form): WordClass | undefined {
  const prev = pieces[p - 1];
  const prev2 = pieces[p - 2];
  const next = isWord(pieces[p + 1]) || isNumber(pieces[p + 1]) ? pieces[p + 1] : undefined;
  if (form === "ing" || form === "ed") return "verb";
  if (prev !== undefined && VERB_BEFORE.has(prev)) return "verb";
  // a person right before it is its subject ("people type", "as the user types"): a person is no kind of a thing
  if (prev !== undefined && PEOPLE.has(prev)) return "verb";
  if (next !== undefined && (NOUN_BEFORE.has(next) || isNumber(next))) return "verb";
  // "drones file", "15,000 drones file": a plural opening its phrase; after a singular noun it is a verb itself ("the
  // server serves file downloads")
  if (form === "bare" && isPlural(prev) && !isContent(prev2)) return "verb";
  if (form === "s" && isPlural(next)) return "verb";
  if (prev !== undefined && (NOUN_BEFORE.has(prev) || isNumber(prev))) return "noun";
  if (isWord(prev) && !DESCRIBING.test(prev) && prev2 !== undefined && NOUN_BEFORE.has(prev2)) return "noun";
  if (next !== undefined && SUBJECT_AFTER.has(next)) return "noun";
  // a noun before it ("blood type", "parcel scans"); a word shaped like an adjective or adverb ("nightly", "periodic")
  // says when or how, and leaves the sense open
  if (isContent(prev) && !DESCRIBING.test(prev)) return "noun";
  if (form === "bare" && isPlural(next)) return "noun";
  return undefined;
}

/**
 * The written pieces (the tokenizer's, marks included) whose word stands in a sense no one-word signal of it means
 * (knowledge/signals/senses.ts): a table word in the other part of speech, a collective before "of" and a plural noun,
 * or a word of a compound noun.
 */
export function otherSenses(pieces: readonly string[]): ReadonlySet<number> {
  const out = new Set<number>();
  pieces.forEach((piece, p) => {
    const entry = FORMS.get(piece);
    if (entry !== undefined) {
      const read = wordClass(pieces, p, entry.form);
      if (read !== undefined && read !== entry.sense.means) out.add(p);
    }
    if (COLLECTIVES.has(piece) && pieces[p + 1] === "of") {
      for (let k = p + 2; k < pieces.length && k <= p + 1 + GROUP_REACH; k++) {
        const w = pieces[k];
        if (!isWord(w) && !isNumber(w)) break;
        if (isPlural(w)) {
          out.add(p);
          break;
        }
      }
    }
    for (const words of COMPOUNDS.get(piece) ?? []) {
      if (words.every((w, k) => (k === words.length - 1 ? sameWord(pieces[p + k], w) : pieces[p + k] === w)))
        for (let k = 0; k < words.length; k++) out.add(p + k);
    }
  });
  return out;
}
