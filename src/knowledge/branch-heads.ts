import { NAMED_READS } from "./product-record.js";
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
  "product",
  "shop",
  "forum",
  // a shop by another name ("an online bookstore with wish lists"); a bare "store" names a data store too
  "bookstore",
  "storefront",
  // a conversation product named by what it is ("a chat for teams where …", "a team chat", "a messenger for
  // nurses"); as a modifier ("a chat message store") the head ends on the component instead
  "chat",
  "messenger",
];

/**
 * Words that end the head on a product only when nothing before them names a component: "an online course platform",
 * "a wedding gift registry", "a language exchange network" are products, while "a deployment platform", "a container
 * registry" and "a content delivery network" are infrastructure, since the words before the noun name an archetype.
 */
export const CONSUMER_HEAD_NOUNS: readonly string[] = [
  "platform",
  "registry",
  "network",
  "exchange",
  "hub",
  "directory",
  "community",
];

/**
 * Words that, after a product kind in the head, still name the whole product ("a ride-hailing app", "a food delivery
 * backend", "a photo sharing service"), beside the product and consumer head nouns above. Any other word there names
 * the part of that product to build ("a ride-hailing surge pricing service", "a chat message store"): the product kind
 * only says whose part it is.
 */
export const WHOLE_PRODUCT_TAILS: readonly string[] = [
  "service",
  "services",
  "system",
  "systems",
  "backend",
  "back-end",
  "clone",
  "company",
  "startup",
  "business",
  "infrastructure",
  "architecture",
  "application",
  "solution",
];

/**
 * Words after which the head's noun phrase has ended though the head runs on ("a plant swap marketplace | connecting
 * gardeners with …", "a platform | matching tutors to students"): the product noun is the word before them.
 */
export const HEAD_PHRASE_ENDS: readonly string[] = [
  "connecting",
  "connects",
  "matching",
  "matches",
  "linking",
  "links",
  "pairing",
  "pairs",
  "helping",
  "helps",
  "letting",
  "lets",
  "allowing",
  "allows",
  // "a public transit app | showing routes and fares": what it shows is a feature, not part of the noun
  "showing",
  "featuring",
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
  // An order or an exclusivity the product must keep, not a feature it lists: "filled strictly in the order they
  // arrive", "applied in the same order on every device", "worked by one agent at a time", "see each other's
  // cursors" (several people on one subject at once).
  "strictly",
  "in order",
  "in the order",
  "in the same order",
  "in sequence",
  "in the sequence",
  "in arrival order",
  "one at a time",
  "at a time",
  "at once",
  "each other's",
  // A negation the product must keep is a demand, not a feature: "so checkout is not overwhelmed", "only the first
  // driver to accept gets it".
  "is not",
  "are not",
  "isn't",
  "aren't",
  "only the first",
  "only one",
  // contention the product must survive: "when hundreds of members book the last spots at the same moment"
  "at the same moment",
  "at the same time",
  "at the same second",
  "at the same instant",
  "simultaneously",
  "concurrently",
  "unique",
  // a double sale or a pace the product must not exceed: "no seat may be sold twice", "let in only as fast as
  // checkout can cope"
  "may be sold twice",
  "sold twice",
  "booked twice",
  "only as fast as",
  "no faster than",
  "cannot",
  "can't",
  "can not",
  // a sequence the product must keep whole: "a confirmation number per event with no gaps and no repeats"
  "no gaps",
  "without gaps",
  "no repeats",
  "no duplicates",
  // an outside effect the product must make once: "premiums are taken each month, once and only once", "never
  // double-charging"
  "only once",
  "double-charging",
  "double-charge",
  "double-charged",
  // a cap the product must hold each caller to: "lets each developer make at most 100 calls per minute"
  "at most",
  // an obligation put as "has to": "the public booking API has to turn away any partner sending more than …"
  "has to",
  "have to",
  // a value no other record may share: "each listing gets a short code that no other listing will ever get"
  "no other",
];

/**
 * Things a business sells or books one of at a time (a seat, a ticket, a room, an appointment slot, a unit of stock).
 * A "never two" or "never negative" rule over one of them is a rule of that thing's own row in a reservation or
 * inventory system (a conditional update on the seat, a guarded decrement of the stock), not a request for a lock
 * service or a limiter: two stated requirements about such a thing do not make the prompt infrastructure-first.
 * Matched on word stems.
 */
export const SOLD_ITEM_NOUNS: readonly string[] = [
  "seat",
  "seats",
  "ticket",
  "tickets",
  "room",
  "rooms",
  "appointment",
  "appointments",
  "slot",
  "slots",
  "stock",
  "inventory",
  "unit",
  "units",
  "berth",
  "berths",
];

/**
 * Ordinary features of a product, listed in the body ("users sign up, create folders, set sharing permissions";
 * "member profiles, class browsing and a plan page"): each names something a user keeps or manages, so a list of
 * them is product weight. An infra ask that names one in passing ("a user's folders") lists none; a product ask whose
 * body lists several and states one infrastructure requirement strongly asks for both (matched on word stems).
 */
export const PRODUCT_FEATURE_NOUNS: readonly string[] = [
  "account",
  "accounts",
  "profile",
  "profiles",
  "folder",
  "folders",
  "permissions",
  "workspace",
  "workspaces",
  "plan",
  "plans",
  "cart",
  "carts",
  "wishlist",
  "wishlists",
  "playlist",
  "playlists",
  "favourites",
  "favorites",
  "comments",
  "ratings",
  "reviews",
  "receipts",
  "invoices",
  "templates",
  "logins",
  "history",
  "bios",
  "address",
  "coupons",
];

/** How many different feature nouns of `PRODUCT_FEATURE_NOUNS` make a list. */
export const FEATURE_LIST_LEAST = 2;

/**
 * A bound in time a product must meet ("finds any note within a second of saving it"): a demand only when the head
 * ends on a product noun, since "Make new listings findable within ten seconds" states a requirement about listings
 * and asks for no product. Regular expressions over the lower-cased prompt.
 */
export const TIME_BOUND_DEMANDS: readonly RegExp[] = [
  /\bwithin (?:a|one|two|three|five|ten|a few|\d+) (?:ms|milliseconds?|seconds?|minutes?)\b/,
  /\bwithin seconds\b/,
  // "shows a price change no more than five seconds after …", "in under a second"
  /\b(?:no more than|at most|no later than|in under|under|in less than|less than) (?:a|one|two|three|five|ten|a few|\d+) (?:ms|milliseconds?|seconds?|minutes?)\b/,
];

/**
 * A scale the product must carry ("for 40 million learners", "for 20 million daily users", "500k concurrent fans"): a
 * demand only when the head ends on a product noun, as for a bound in time, since a feature list ("get a reminder
 * the night before") states no size, while a requirement stated for millions is a property the design must hold.
 * "Design a counter for 10 million keys" asks for the component, whose head names no product.
 */
export const SCALE_DEMANDS: readonly RegExp[] = [
  /\b\d[\d,.]*\s*(?:k|m|million|billion|thousand)\s+(?:(?:daily|monthly|weekly|active|concurrent|simultaneous|registered|paying)\s+)*(?:users|learners|students|players|members|fans|viewers|listeners|readers|riders|drivers|customers|shoppers|buyers|sellers|guests|patients|subscribers|people|devices|households|homes|employees)\b/,
];

/**
 * A reach the product must serve ("photos load fast for readers on every continent", "for shoppers around the
 * world"): a demand only when the head ends on a product noun, as for a bound in time.
 */
export const REACH_DEMANDS: readonly RegExp[] = [
  /\b(?:on|across) every continent\b/,
  /\b(?:on|across) all (?:the )?continents\b/,
  /\b(?:around|across) the (?:world|globe)\b/,
  /\bworldwide\b/,
  /\bin every region\b/,
];

/**
 * A stated rate of work ("handles 20,000 hold requests per second", "creates 20,000 short links per second", "1 million
 * callbacks per minute"): an interviewer sizing the component asked for. Where the head names a product kind by a
 * product word but ends on no product noun ("a URL shortener", "a seat reservation service"), a rate in the body says
 * the component is what is designed, so a stated requirement reads infra rather than mixed. A head that ends on a
 * product noun ("a ride pooling app; … how many requests per second a rider can make") is not sized this way.
 */
export const STATED_RATE =
  /\b\d[\d,.]*\s*(?:k|m|million|billion|thousand)?\s+(?:[a-z/-]+\s+){0,3}(?:per|a|an|each|every)\s+(?:second|sec|minute)\b|\b\d[\d,.]*\s*(?:k|m)?\s*(?:qps|rps|tps)\b/;

/**
 * A stated rate that counts reads of the product's own record ("serves 200,000 redirects per second", "a million
 * downloads a minute"; the reads `NAMED_READS` lists): the load of the product's read path. No component a stated
 * requirement names (an id generator, a lock) serves it, so it sizes the product, not that component: the demand is
 * then a rule of the product's record, and the product leads. Matched on the words `STATED_RATE` found.
 */
export const RECORD_READ_RATE = new RegExp(`\\b(?:${Object.keys(NAMED_READS).join("|")})(?:s|ed|ing)?\\b`);

/**
 * A derived copy that must be put right when it stops matching its source ("each seller's earnings page is recomputed
 * when it drifts from the ledger"): a demand, since a feature list never says its page drifts, but only when the head
 * ends on a product noun, as for a bound in time ("Build a per-restaurant rating summary …, rebuilt when it drifts"
 * asks for the derived copy itself).
 */
export const DRIFT_DEMANDS: readonly RegExp[] = [
  /\b(?:drifts|drifted|drifting)\b/,
  /\bout of (?:step|sync)\b/,
  /\bdisagrees? with\b/,
];

/**
 * Words that tell the candidate to leave a part out ("don't dwell on the queue or cache layer", "no need to go
 * deep on caching", "the CDN you can take as given"). A layer named only to be set aside is not what the prompt
 * asks about, so such a cue counts against reading a product ask as mixed. Matched on the lower-cased prompt.
 */
export const DISMISSALS: readonly RegExp[] = [
  /\b(?:don't|do not|no need to|needn't|need not) (?:dwell|go deep|go into|focus|discuss|cover|detail|design|worry|spend time|bother|obsess|sweat|fuss)\b/,
  // "the menu API is slow sometimes, but that's a separate team's problem" (possessive 's is dropped before matching)
  /\b(?:separate|another|other|different) teams? (?:problem|concern|job)\b/,
  /\bsomeone else (?:problem|concern|job)\b/,
  /\b(?:ignore|skip|set aside) (?:the|any|all)\b/,
  /\bleave [^.;:]{1,40}\bout\b/,
  /\b(?:take|taken|treat|treated) [^.;:]{0,40}\bas (?:given|plumbing|solved|a black box|black boxes)\b/,
  // "Assume the usual load balancer, cache and database"
  /\bassume (?:the usual|a standard|the standard|standard|an existing|the existing|existing)\b/,
  // "Assume reviews get cached and photos sit behind a CDN": a premise about what is already in place
  /\bassume (?:that )?(?:the |our |all |any )?[a-z]+(?: [a-z]+)? (?:get|gets|are|is|sit|sits|live|lives|come|comes|go|goes) (?:cached|served|stored|behind|in|from|through|on)\b/,
  /\bnot the (?:interesting|important|focus|hard)\b/,
  /\bout of scope\b/,
  // "the cache is not what I'm asking about", "we already have a queue for the emails"
  /\b(?:is not|isn't|are not|aren't) what (?:i'm|i am|we're|we are) (?:asking|after|interested|looking)\b/,
  /\b(?:we|you|they) already (?:have|run|use|operate)\b/,
];
