/**
 * Readers for win conditions a prompt states in its own words: each is the phrases (a case-insensitive regular
 * expression, a `words` condition of `DecisionCondition`) by which prompts say one option's "would win if …" outright,
 * so the option's `wins` is a fact the design evaluates rather than prose beside the choice. Each reader names the
 * option it serves; `test/stated-conditions.test.ts` holds every one to phrasings it must and must not match.
 */

/**
 * A job offered to several workers at once, the first to accept taking it (dispatch-offer `broadcast`): "each request
 * is offered to the 5 nearest couriers and the first to accept gets it".
 */
export const OFFER_TO_SEVERAL = String.raw`\b(?:offer(?:s|ed)?|sen[dt]s?|shown|broadcast\w*|push(?:es|ed)?)\s+(?:\w+\s+){0,3}?to\s+(?:several|many|multiple|all|every|the\s+(?:\w+\s+)?(?:\d+|few|several)\s+(?:nearest|closest)|(?:the\s+)?(?:\d+|two|three|four|five|ten)\s+(?:nearest|closest)|(?:up\s+to\s+)?\d+)\s+(?:\w+\s+){0,2}?(?:drivers?|couriers?|riders?|workers?|technicians?|providers?|taskers?|agents?|cleaners?|dashers?)\b|\bfirst\s+(?:\w+\s+)?to\s+accept\b`;

/**
 * Sign-in guesses that must be counted even while the limiter is down (i16-auth-limiter-down `fail-closed`):
 * "high-value accounts without a second factor".
 */
export const GUESS_COSTS_MORE = String.raw`\bhigh[- ]value\s+accounts?\b|\bno\s+(?:second|2nd)\s+factor\b|\bwithout\s+(?:a\s+)?(?:second\s+factor|2fa|mfa|two[- ]factor)\b|\bno\s+(?:2fa|mfa|two[- ]factor)\b`;

/**
 * A limit whose over-admission costs money or breaks a security promise (i08-on-failure `fail-closed`): calls billed
 * per request, licences, brute-force guesses, credential stuffing, login attempts, fraud. A paid tier's bigger share is
 * not one: giving a free caller a little more costs capacity, not money owed.
 */
export const OVER_ADMISSION_COSTS = String.raw`\b(?:billed|billable|charged)\s+(?:per|for\s+each|by\s+the)\s+(?:call|request|use)\b|\blicen[cs]es?\b|\bbrute[- ]forc\w*|\bpassword\s+guess\w*|\bcredential\s+stuffing\b|\blogin\s+attempts?\b|\bfraud\w*`;

/**
 * A limit the prompt says may be exceeded in short bursts around a steady rate (i08-algorithm `token-bucket`): "short
 * bursts above the rate are fine", "allow bursts of up to 50", "bursty clients are tolerated". A token bucket's
 * capacity is exactly that allowance; a per-window counter would refuse the burst.
 */
export const BURSTS_TOLERATED = String.raw`\b(?:allow|allows|allowing|tolerat\w*|permit\w*|absorb\w*|accept\w*)\s+(?:short\s+|brief\s+|occasional\s+|small\s+)?bursts?\b|\bbursts?\s+(?:of\s+(?:up\s+to\s+)?[\d,]+\s+\w+\s+)?(?:above|over|beyond)\s+(?:the\s+|its\s+|their\s+)?(?:\w+\s+)?rate\b[^.;]{0,30}?\b(?:fine|ok|okay|allowed|acceptable|tolerated)\b|\bbursts?\s+(?:are|is)\s+(?:fine|ok|okay|allowed|acceptable|tolerated)\b|\bbursty\s+\w+\s+(?:are|is)\s+(?:fine|ok|okay|allowed|acceptable|tolerated)\b`;

/**
 * A quota the prompt states as a hard cap, never to be run over even briefly (i08-slots-unrenewable `stop-job`):
 * "a hard limit of 20 concurrent builds", "may never run more than 8 renders at once", "a licence allows 5 seats".
 */
export const HARD_CAP = String.raw`\bhard\s+(?:cap|limit|quota|ceiling)s?\b|\b(?:must|may|can|should)\s+never\s+(?:exceed|(?:run|go)\s+(?:over|above|beyond|more\s+than))\b|\bnever\s+(?:exceeds?|runs?\s+over|goes\s+over)\b|\blicen[cs]es?\s+(?:allows?|covers?|permits?|caps?)\b`;

/**
 * A follow (or any edge) that must appear in the other side's list as soon as it is made (graph-reverse-index
 * `two-sided-transaction`): "a new follower appears in the followed user's followers list immediately", "followers
 * lists reflect a follow at once". A reverse list derived from the change stream trails it by the stream's lag.
 */
export const REVERSE_LIST_AT_ONCE = String.raw`\b(?:appears?|shows?\s+up|(?:is\s+)?(?:visible|listed|reflected))\s+(?:\w+\s+){0,3}?(?:in|on)\s+(?:the\s+|their\s+|his\s+|her\s+|its\s+)?(?:[\w-]+(?:'s|s')?\s+){0,2}?followers?\s+(?:lists?|pages?|counts?)\s+(?:immediately|at\s+once|right\s+away|instantly)\b|\bfollowers?\s+(?:lists?|pages?)\s+(?:must\s+|should\s+)?(?:reflects?|shows?|includes?)\s+(?:\w+\s+){0,3}?(?:immediately|at\s+once|right\s+away|instantly)\b`;
