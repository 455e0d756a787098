/**
 * Words that a signal read from that word alone means in one sense, and the shapes of a prompt that put the word in
 * another. A one-word signal (a requirement phrase whose other words carry nothing, "scan all"; a feature's "is
 * typing"; a word typical of an archetype; a one-word member of a word family) is not read where the prompt writes
 * the word in the other sense: "a blood type" is no one typing, "a bank of 24 elevators" no payment provider. A phrase
 * of two content words or more fixes the sense by its other words, so it is read as before. The tokenizer marks such
 * a word `other` (engine/recognize/sense.ts); the matchers pass over it.
 */

/** The part of speech a word's one-word signals mean. */
export type WordClass = "noun" | "verb";

/** A word whose one-word signals mean it as one part of speech, and why the other one is something else. */
export interface WordSense {
  /** The bare word; its inflected forms (-s, -es, -ed, -ing) are the same word. */
  word: string;
  /** The part of speech the knowledge's one-word signals mean. */
  means: WordClass;
  /** What the word says in the other part of speech, which no signal of it means. */
  why: string;
}

export const WORD_SENSES: readonly WordSense[] = [
  {
    word: "file",
    means: "noun",
    why: "to file a claim, a report or a flight plan is to submit it; no stored file is meant",
  },
  {
    word: "type",
    means: "verb",
    why: "a type (a blood type, a room type, a cuisine type) is a kind of thing; no one is typing",
  },
  {
    word: "match",
    means: "verb",
    why: "a match (a live match, a chess match) is a game being played; nothing is matched to anything",
  },
  {
    word: "scan",
    means: "verb",
    why: "a scan (a parcel scan, scan events) is one reading of a barcode or a card, recorded; no set is passed over",
  },
  {
    word: "stay",
    means: "noun",
    why: "to stay under a limit, available or online is to remain so; no one books a stay",
  },
];

/**
 * Words that, followed by "of" and a plural noun ("a bank of 24 elevators", "a battery of tests"), name a group of
 * those things, not the thing they name alone (a bank that holds money, a battery that stores power).
 */
export const COLLECTIVE_NOUNS: readonly string[] = ["bank", "battery", "host", "suite", "array"];

/**
 * Compound nouns whose words mean nothing of what they mean alone: no single-word signal reads a word of one ("machine
 * learning" is a kind of software, not machines; a vending machine is a device that sells, not a server; a blood bank
 * keeps blood, it moves no money). A phrase of the knowledge that holds the whole compound still reads it.
 */
export const COMPOUND_NOUNS: readonly string[] = [
  // a bank of something that is no money is a store of it, not a payment provider to call
  "blood bank",
  "food bank",
  "memory bank",
  "data bank",
  "seed bank",
  "sperm bank",
  "milk bank",
  "tissue bank",
  "organ bank",
  "gene bank",
  "question bank",
  "piggy bank",
  "machine learning",
  "vending machine",
  "slot machine",
  "washing machine",
  "coffee machine",
  "ticket machine",
  "answering machine",
  // a medical scan is an image kept of a patient: no set is passed over (a word family of stored bytes still reads it,
  // FAMILY_SENSES)
  "medical scan",
  "ct scan",
  "mri scan",
  "pet scan",
  "x-ray scan",
  "ultrasound scan",
  "brain scan",
  // a book that lists things is no booking: an exchange's order book holds resting orders, an address book contacts
  "order book",
  "address book",
  "phone book",
  "guest book",
  "log book",
  "run book",
];

/**
 * Word families (signals/combinations.ts) whose one-word member means a word of `WORD_SENSES` in its other sense, so
 * the family reads the word where the tokenizer marks it `other`: the stored bytes of \`bulk\` are scans as things kept
 * ("a scan is written once", "medical scans"), where the table's one-word signals of "scan" mean passing over a set.
 */
export const FAMILY_SENSES: readonly { family: string; word: string }[] = [{ family: "bulk", word: "scan" }];

/**
 * Written words that put the next word in a verb's place: "to", a modal, a subject pronoun ("users must file", "we
 * match riders").
 */
export const VERB_LEADS: readonly string[] = [
  "to",
  "can",
  "cannot",
  "must",
  "may",
  "might",
  "will",
  "would",
  "should",
  "could",
  "shall",
  "we",
  "they",
  "i",
  "you",
  "he",
  "she",
  "who",
  "never",
  "always",
];

/**
 * Written words that open a noun phrase: a determiner, a possessive or a count ("a match", "each blood type", "their
 * stay"). Right after a word, they open its object, so the word before is a verb ("file a claim", "scan all pages").
 */
export const NOUN_LEADS: readonly string[] = [
  "a",
  "an",
  "the",
  "each",
  "every",
  "all",
  "any",
  "some",
  "no",
  "this",
  "these",
  "those",
  "its",
  "their",
  "our",
  "your",
  "his",
  "her",
  "my",
];

/** Written words that, right after a word, make it a subject: a relative pronoun, a form of "be" or a modal. */
export const SUBJECT_TAILS: readonly string[] = [
  "that",
  "which",
  "is",
  "are",
  "was",
  "were",
  "must",
  "can",
  "cannot",
  "may",
  "will",
  "should",
];
