/**
 * The written words around a one-word product feature signal that say how the prompt uses it
 * (`engine/product/feature-evidence.ts`): as a noun ("their books", "a used-book marketplace", "list books") or as a
 * stated operation, a verb with what it acts on ("book a table", "search by city", "rate them", "never booked twice").
 */

/** Words that, written right before a word, make it a noun: determiners, possessives, quantifiers, "of". */
export const NOUN_BEFORE: ReadonlySet<string> = new Set(
  "a an the their his her its our your my this that these those some any each every no of per another other such".split(
    " ",
  ),
);

/**
 * Verbs of a product's listings that take a thing as their object: the word right after one is the thing listed, a noun
 * ("sellers list books", "place holds on copies"), not the feature's own act.
 */
export const OBJECT_VERBS: ReadonlySet<string> = new Set(
  "list lists listed publish publishes published post posts posted sell sells sold buy buys bought rent rents borrow borrows return returns upload uploads share shares save saves browse browses view views see sees add adds manage manages track tracks place places store stores keep keeps show shows set sets".split(
    " ",
  ),
);

/** Words that, written right before a word, make it a verb: "to", modals, auxiliaries and negations ("can book", "is never booked"). */
export const VERB_BEFORE: ReadonlySet<string> = new Set(
  "to can cannot may might must will would should shall is are was were be been being never not also then get gets".split(
    " ",
  ),
);

/**
 * Words that, written right after a word, give it an object or a complement, so it is said as an act: a determiner, a
 * pronoun, a number or a preposition ("book a table", "rate them", "search by city", "reserve for two hours").
 */
export const OBJECT_AFTER: ReadonlySet<string> = new Set(
  "a an the their his her its our your my this that these those some any each every them it one two three up by for on at in into from with through across within".split(
    " ",
  ),
);

/** Subject pronouns: a bare form right after one is the pronoun's act ("a stay is held while they pay"). */
export const SUBJECT_PRONOUNS: readonly string[] = ["they", "we", "you", "he", "she", "who"];
