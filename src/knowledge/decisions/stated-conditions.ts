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
