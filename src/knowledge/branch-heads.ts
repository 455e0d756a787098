/**
 * What makes a prompt that asks for a product also ask about one of its parts, with no focus cue: the
 * head ends on a word that names a product ("Design a doctor appointment app | where …"), and the body
 * states an infrastructure requirement in words that demand it ("two patients can never book the same
 * slot"). A list of features ("patients pick a slot and can cancel") demands nothing and stays product.
 */

/** Words that, as the last word of the head, name a product rather than a component. */
export const PRODUCT_HEAD_NOUNS: readonly string[] = [
  "app",
  "apps",
  "website",
  "site",
  "marketplace",
  "game",
  "portal",
];

/** Words that demand a property rather than list a feature (matched as whole words, lower-cased). */
export const DEMAND_WORDS: readonly string[] = [
  "must",
  "never",
  "exactly",
  "even when",
  "even if",
  "no one",
  "nobody",
  "no two",
  "guarantee",
  "guaranteed",
];
