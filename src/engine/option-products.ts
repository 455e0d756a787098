import { factsOf } from "../knowledge/product-facts.js";
import { REFERENCE_FAMILIES } from "../knowledge/references.js";
import { rememberText } from "./text.js";

/**
 * The products a decision option names in its own words ("a central budget store (for example Redis with an atomic
 * script)" names Redis): a technology row whose product is one of them is what the option decided, so choosing that
 * option and rejecting the product in Technology says both. Only a proper name written as the option writes it counts
 * (not its first word, which is capitalised anyway), and never a likeness ("Redis-style", "Spanner-like"), which names
 * a system the option resembles, not one it is built on.
 */

/** The alternatives a technology row's product offers ("Memcached or Redis", "Amazon S3 or Google Cloud Storage"). */
function alternatives(product: string): string[] {
  return (product.split(/[(:;]|\s+for\s+/)[0] ?? "")
    .split(/,|\s+or\s+|\s*\/\s*/)
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
}

/** A vendor's or foundation's name said before a product's own ("Apache Kafka", "Amazon S3", "Prometheus" is no vendor). */
const VENDOR = /^(?:Apache|Amazon|AWS|Google(?: Cloud)?|Azure|Microsoft|Confluent|Grafana|HashiCorp)\s+/;

/**
 * The proper name each alternative of a row's product is known by: its first word after a vendor ("Redis" of "Redis
 * with atomic scripts", "S3" of "Amazon S3"), where that word is a name (it has a capital, or a digit, after its first
 * letter, or the whole alternative is one capitalised word before a qualifier).
 */
export const productNames: (product: string) => readonly string[] = rememberText((product) =>
  Object.freeze(namesOfProduct(product)),
);

/** productNames' answer, made afresh (the products are the knowledge's rows, so it is remembered by their text). */
function namesOfProduct(product: string): string[] {
  const out: string[] = [];
  for (const alt of alternatives(product)) {
    const word = alt.replace(VENDOR, "").split(/\s+/)[0] ?? "";
    // a product's name starts with a capital; a plain word ("In-process limiter", "Object storage") is a kind of part
    if (!/^[A-Z][\w.-]*$/.test(word) || word.length < 2) continue;
    if (!/^[A-Z].*[A-Z0-9]/.test(word) && !knownName(word)) continue;
    if (!out.includes(word)) out.push(word);
  }
  return out;
}

/**
 * Whether one capitalised word is a product's name, not an English word starting a description ("In-process",
 * "Object"): a product the knowledge holds documented facts for (Redis, Kafka), or a whole implementation of a kind
 * of system (Envoy, Thanos).
 */
function knownName(word: string): boolean {
  return (
    factsOf(word).some((f) => f.name === word) ||
    // an implementation's own first word, never what is left once a vendor is dropped ("Storage" of "Google Cloud Storage")
    REFERENCE_FAMILIES.some((f) => f.implementations.some((i) => i.split(/\s+/)[0] === word))
  );
}

/** Whether a text names a proper name as written, as a whole word and not as a likeness ("Redis-style"). */
function namesWord(text: string, name: string): boolean {
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // case-sensitive: a proper name is written as the product writes it; its first word is every option's capital
  return new RegExp(`(?:^|[^\\w-])${esc}(?![\\w]|-(?:style|like|compatible|friendly|based)\\b)`).test(text.slice(1));
}

/**
 * The proper name of a product that an option's name says, if it says one ("Redis" for "Redis with atomic scripts").
 * Asked for every technology row against every decision's options, design after design, of texts the knowledge
 * holds: remembered by the pair (bounded, emptied when full), so each pair's patterns are built once.
 */
export function optionNamesProduct(optionName: string, product: string): string | undefined {
  const key = `${product}\u0000${optionName}`;
  const known = NAMED.get(key);
  if (known !== undefined) return known === NONE ? undefined : known;
  const answer = productNames(product).find((n) => namesWord(optionName, n));
  if (NAMED.size >= 20000) NAMED.clear();
  NAMED.set(key, answer ?? NONE);
  return answer;
}

/** optionNamesProduct's answers by product and option name; NONE where the option names none of its products. */
const NAMED = new Map<string, string>();
const NONE = "\u0000";
