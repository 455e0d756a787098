/**
 * The last grammar pass over a composed spoken sentence, and the same shapes as checks: templates join words the
 * knowledge wrote for other slots, so an article can land before the wrong sound ("a allowance"), a regular past
 * form after "is" ("is showed"), and a bare four-digit count loses the separator a reader expects ("1000 keys").
 * Pure text to text: the design is never read here.
 */

import { rememberText } from "../../engine/text.js";

/** Regular-looking past forms a template makes of an irregular verb, and the participle said after "is". */
const PARTICIPLES: Readonly<Record<string, string>> = {
  showed: "shown",
  writed: "written",
  readed: "read",
  sended: "sent",
  choosed: "chosen",
  gived: "given",
  taked: "taken",
  knowed: "known",
  throwed: "thrown",
  growed: "grown",
  hided: "hidden",
  breaked: "broken",
  drawed: "drawn",
  holded: "held",
  keeped: "kept",
  builded: "built",
  losed: "lost",
  runned: "run",
  seted: "set",
  putted: "put",
  splitted: "split",
  spended: "spent",
};

/** A form of "be" (or "get"), an optional adverb, then one of the regular-looking past forms above. */
const PASSIVE = new RegExp(
  `\\b((?:is|are|was|were|be|been|being|gets|get|got)(?: (?:never|not|ever|only|also|always|then|first))?) (${Object.keys(PARTICIPLES).join("|")})\\b`,
  "gi",
);

/** A four-digit count said before the word it counts, not a year or a code: "1000 keys" → "1,000 keys". */
const BARE_THOUSANDS =
  /(?<![\d.,$€£#/:-]|\b(?:in|since|until|by|of|year|port|version|v|HTTP|status|code)\s)\b([1-9])(\d{3})\b(?=\s+[a-z])/gi;

/** Words after "an" that start with a consonant sound, and after "a" that start with a vowel sound. */
const CONSONANT_VOWEL = /^(?:uni(?!nd|nt|ns|mp|n?hab)|use|usa|usu|uti|uri|url|ure|euro|eu|one\b|once\b|ubiq|uto)/i;
const VOWEL_CONSONANT = /^(?:hour|honest|honou?r|heir)/i;
/** Letters whose spoken names start with a vowel sound: "an SQL", "an HTTP call", "an LRU", but "a TTL", "a URL". */
const VOWEL_LETTERS = /^[AEFHILMNORSX]/;

/** Whether `word` (the word after an indefinite article) starts with a vowel sound. */
export function vowelSound(word: string): boolean | undefined {
  if (/^\d/.test(word)) return /^(?:8|11(?!\d)|18(?!\d)|11,\d{3}(?!,)|18,\d{3}(?!,))/.test(word);
  // an acronym is said letter by letter unless it reads as a word; two or more capitals and no lowercase
  // a capital letter said as its name before a digit or alone ("an L4 tier", "an S3 bucket", "a P99")
  if (/^[A-Z](?:\d|$)/.test(word)) return VOWEL_LETTERS.test(word);
  const bare = word.replace(/[^A-Za-z]/g, "");
  if (bare.length === 0) return undefined;
  if (
    /^[A-Z]{2,}s?$/.test(bare) &&
    !/^(?:NAT|RAM|SAN|LAN|WAN|NIC|GUI|JSON|YAML|REST|CRUD|SIM|PIN|AWS|SaaS|SQL|SQLite)$/.test(bare)
  )
    return VOWEL_LETTERS.test(bare);
  if (VOWEL_CONSONANT.test(bare)) return true;
  if (CONSONANT_VOWEL.test(bare)) return false;
  return /^[aeiou]/i.test(bare);
}

/** "a" or "an" as the word after it wants, keeping the article's capital. */
function article(art: string, word: string): string {
  const vowel = vowelSound(word);
  if (vowel === undefined) return art;
  const want = vowel ? "an" : "a";
  return art[0] === "A" ? want.charAt(0).toUpperCase() + want.slice(1) : want;
}

/** An indefinite article and the word after it; not the letter "A" as a name ("plan A", "option A or B"). */
const ARTICLE = /(?<![\w'-])(a|an|A|An)\s+([A-Za-z0-9][\w'-]*)/g;

/**
 * The sentence with its articles, participles and four-digit counts put right. Remembered by text: a script's lines
 * recur design after design (nine in ten of a never-derived design's, measured over the pool).
 */
export const grammarFixed: (text: string) => string = rememberText((text) => fixedGrammar(text));

function fixedGrammar(text: string): string {
  return text
    .replace(PASSIVE, (_m, be: string, past: string) => `${be} ${PARTICIPLES[past.toLowerCase()] ?? past}`)
    .replace(BARE_THOUSANDS, "$1,$2")
    .replace(ARTICLE, (m, art: string, word: string, at: number, whole: string) => {
      // "Plan A", "option A", "A/B": the letter as a name, not an article
      if (
        (art === "A" || art === "a") &&
        /\b(?:plan|option|type|class|grade|step|region|zone)\s$/i.test(whole.slice(0, at))
      )
        return m;
      return `${article(art, word)} ${word}`;
    });
}

/** The shapes `grammarFixed` puts right, and "if there is" before a whole clause, as problems a check reports. */
export function grammarProblems(sentence: string): string[] {
  const out: string[] = [];
  for (const m of sentence.matchAll(PASSIVE)) out.push(`a regular past form after "be": ${m[0]}`);
  for (const m of sentence.matchAll(BARE_THOUSANDS)) out.push(`a count without its thousands separator: ${m[0]}`);
  for (const m of sentence.matchAll(ARTICLE)) {
    const [whole, art = "", word = ""] = m;
    if (/^an?$/i.test(art) && article(art, word).toLowerCase() !== art.toLowerCase())
      out.push(`an article before the wrong sound: ${whole}`);
  }
  // "if there is the hottest account's rate nears …": a clause said as if it were a thing there is
  const there =
    /\bif there (?:is|are) ((?:the|a|an|no|one|each|every|this)\s+(?:[a-z'-]+\s+){0,3}[a-z]{3,}(?<!ss|us|is|ed|ly)s\s+(?:for|to|the|a|an|one|its|their|no|that|up|down|near)\b)/i.exec(
      sentence,
    );
  if (there) out.push(`a clause after "if there is": ${there[1]}`);
  // a determiner then a plural count noun then "per": "a local allowances per gateway"
  const plural = /\b(?:a|an)\s+(?:[a-z-]+\s+)?([a-z]{3,}(?<!ss|us|is|ys|as|ies)s)\s+per\b/i.exec(sentence);
  if (plural) out.push(`a singular article before a plural: ${plural[0]}`);
  return out;
}

/** "no" before a word that already quantifies or points ("no anyone", "no the"); "no one" and "no more" are words. */
export const NO_PRONOUN =
  /\bno (anyone|anybody|anything|everyone|everybody|everything|someone|somebody|something|any|each|every|all|both|either|neither|it|its|they|them|their|this|these|those|we|you|he|she|a|an|the|our|my)\b/i;

/** "of" after a word that cannot own it ("has of"), before a verb or a conjunction, or at a clause's end. */
export const OF_NO_OBJECT =
  /\b(?:has|have|had|is|are|was|were|does|do|did|can|will|must)\s+of\b|\bof(?=\s*(?:[.,;:!?)]|$))|\bof\s+(?:of|and|or|but|is|are|was|were)\b/i;

/** The same word twice in a row ("a write write"), or two articles; "that that" and "had had" are English. */
export function doubledWord(text: string): string | undefined {
  // two articles in a row are one word said twice too ("send a an"): a fix of the article's sound makes it "an an"
  return (
    /\b([A-Za-z]+) \1\b/i.exec(text.replace(/\b(that|had) \1\b/gi, ""))?.[0] ??
    /\b(?:[Aa]n?|[Tt]he) (?:a|an|the)\b/.exec(text)?.[0]
  );
}

/** Whether every bracket a text opens it closes, and none closes that was not opened. */
export function bracketsBalanced(text: string): boolean {
  let round = 0;
  let square = 0;
  for (const ch of text) {
    if (ch === "(") round++;
    else if (ch === ")" && --round < 0) return false;
    else if (ch === "[") square++;
    else if (ch === "]" && --square < 0) return false;
  }
  return round === 0 && square === 0;
}

/**
 * What makes a fragment unfit to splice into a spoken sentence, or undefined: a word said twice, a bracket with no
 * partner, "no" before a pronoun, "of" with nothing after it. Builders ask this of a fragment they did not write (a
 * rule, a prompt's clause) before saying it; the shapes check (`shapes.ts`) asks it of every sentence said.
 */
export function spliceDefect(text: string): string | undefined {
  const twice = doubledWord(text);
  if (twice) return `a word said twice: ${twice}`;
  if (!bracketsBalanced(text)) return "a bracket with no partner";
  const no = NO_PRONOUN.exec(text);
  if (no) return `"no" before a pronoun: ${no[0]}`;
  const of = OF_NO_OBJECT.exec(text);
  if (of) return `"of" with no object: ${of[0]}`;
  return undefined;
}
