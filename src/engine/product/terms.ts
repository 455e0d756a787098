/**
 * Fills a feature's {terms} with a product's words. `{post}` is the term, `{posts}` its plural
 * (an explicit "posts" term wins over the rule), `{Post}` the term as an entity name ("photo
 * post" -> "PhotoPost"); "a {x}" / "an {x}" take the article the filled word needs.
 */

const VOWEL_SOUND = /^(?:[aeio]|u(?!s|ni|ni)|hour|honest)/i;

export function plural(word: string): string {
  const parts = word.split(" ");
  const last = parts.pop() ?? word;
  let p: string;
  if (/[^aeiou]y$/i.test(last)) p = `${last.slice(0, -1)}ies`;
  else if (/(?:s|x|z|ch|sh)$/i.test(last)) p = `${last}es`;
  else p = `${last}s`;
  return [...parts, p].join(" ");
}

const pascal = (words: string) =>
  words
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]?.toUpperCase() + w.slice(1))
    .join("");

/** The word for one placeholder name, or undefined when no term covers it. */
function termFor(name: string, terms: Readonly<Record<string, string>>): string | undefined {
  const lower = name[0]?.toLowerCase() + name.slice(1);
  const capital = name !== lower;
  let word = terms[lower];
  if (word === undefined && lower.endsWith("s")) {
    const single = terms[lower.slice(0, -1)];
    if (single !== undefined) word = plural(single);
  }
  if (word === undefined) return undefined;
  return capital ? pascal(word) : word;
}

export function fillTerms(text: string, terms: Readonly<Record<string, string>>): string {
  // no placeholder, nothing to fill
  if (!text.includes("{")) return text;
  return text
    .replace(/\b(a|an) \{(\w+)\}/g, (all, _article: string, name: string) => {
      const word = termFor(name, terms);
      if (word === undefined) return all;
      return `${VOWEL_SOUND.test(word) ? "an" : "a"} ${word}`;
    })
    .replace(/\{(\w+)\}/g, (all, name: string) => termFor(name, terms) ?? all);
}

/** Every {placeholder} name a text uses. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
}
