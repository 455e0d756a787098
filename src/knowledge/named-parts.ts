/**
 * Parts a prompt names by counting them or by spreading its work across them: "into five resolutions", "across 500
 * workers", "reserves inventory, charges the card and books shipping across three services". Each is a part the
 * design must draw or keep (engine/named-parts.ts; coherence `named-part-missing`).
 */

/** Number words a part's count may be written in ("five resolutions", "three services"), with their values. */
export const COUNT_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};

/**
 * Heads of a spread: "across three services", "over three providers" name sibling systems the work reaches, one per
 * step the clause before lists. Each step's system is drawn as its own box.
 */
export const SPREAD_HEADS: readonly string[] = [
  "service",
  "microservice",
  "provider",
  "system",
  "vendor",
  "partner",
  "backend",
  "api",
];

/** The words that start a spread's phrase: the work lands "across" or "over" the named systems. */
export const SPREAD_WORDS: readonly string[] = ["across", "over", "through", "via", "spanning"];

/**
 * Verbs whose object is an instrument, not the system that acts on it: "charges the card" reaches the payment
 * service, "ships the order" the shipping service. Any other step's system is named by its object ("reserves
 * inventory" → inventory, "books a flight" → flight).
 */
export const VERB_SYSTEMS: Readonly<Record<string, string>> = {
  charge: "payment",
  pay: "payment",
  bill: "billing",
  refund: "payment",
  ship: "shipping",
  deliver: "delivery",
  email: "email",
  notify: "notification",
  invoice: "invoicing",
};

/** Objects that name an instrument of a system rather than the system ("the card" is charged by payments). */
export const OBJECT_SYSTEMS: Readonly<Record<string, string>> = {
  card: "payment",
  money: "payment",
  funds: "payment",
};

/**
 * Words before a count of one that make it a guarantee, not a part: "only one instance runs", "exactly one courier",
 * "at most one leader" say how many may act at once, and the design keeps that with a rule, not a box.
 */
export const GUARANTEE_BEFORE_ONE: readonly string[] = ["only", "exactly", "most", "least", "than", "single", "just"];

/**
 * Places copies or parts live in, counted as failure domains ("across three data centers", "in two racks"): the design
 * spreads its replicas over them rather than drawing each as a part.
 */
export const PLACE_WORDS: readonly string[] = ["center", "centre", "datacenter", "rack", "zone", "region", "site"];

/**
 * Things that name a box when the prompt counts them in figures ("across 500 workers", "200 workers pulling"): a pool
 * of workers and the queue they take from are components, whatever text of the design mentions them.
 */
export const COUNTED_BOXES: readonly string[] = ["worker", "queue"];
