/**
 * Readers for win conditions a prompt states in its own words: each is the phrases (a case-insensitive regular
 * expression, a `words` condition of `DecisionCondition`) by which prompts say one option's "would win if …" outright,
 * so the option's `wins` is a fact the design evaluates rather than prose beside the choice. Each reader names the
 * option it serves; `test/stated-conditions.test.ts` holds every one to phrasings it must and must not match.
 */

/** Counts kept only to be shown (play-counting `live-counter`): "play counts are only for display". */
export const DISPLAY_ONLY = String.raw`\b(?:only|just|purely)\s+(?:for\s+|to\s+be\s+)?(?:display\w*|show\w*)\b|\b(?:shown|displayed)\s+only\b|\bnot\s+(?:used\s+)?(?:for|in)\s+(?:payouts?|royalt\w*|billing|payments?)\b`;
/** …unless the same prompt pays on the counts after all. */
export const PAID_ON_COUNTS = String.raw`\broyalt\w*|\bpayouts?\b|\bpaid\s+(?:per|on|by)\b|\bpays?\s+(?:artists|rights|creators|per)\b|\bbill\w*`;

/** Totals read on a dashboard (i06-agg-reconcile `stream-only`): "a live dashboard of clicks per campaign". */
export const DASHBOARD_TOTALS = String.raw`\bdashboards?\b`;
/**
 * …unless they are billed, or the prompt asks that the totals be checked against, or rebuilt from, the raw events (what a
 * batch recount does): "whenever it disagrees with the ledger we need to rebuild it".
 */
export const RECOUNT_ASKED = String.raw`\b(?:bill(?:s|ed|ing|able)?|invoic\w*|payouts?|paid|royalt\w*|charg(?:e|es|ed|ing)|revenue|audit\w*|rebuil\w*|recomput\w*|regenerat\w*|recount\w*|reconcil\w*|disagree\w*|drift\w*|exact\w*|must match)\b`;

/**
 * A workload whose reads far outnumber its writes (i16-engine-structure `b-tree`): "a read-heavy store", "reads
 * outnumber writes 100 to 1", "mostly reads".
 */
export const READ_HEAVY = String.raw`\bread[- ](?:heavy|mostly|dominated)\b|\breads?\s+(?:far\s+|vastly\s+|greatly\s+|heavily\s+)?outnumber\s+(?:the\s+)?writes?\b|\bmostly\s+reads?\b|\breads?\s+(?:dominate|far\s+exceed)\b`;
/** …unless the same prompt says its writes are the heavy side. */
export const WRITE_HEAVY = String.raw`\bwrite[- ](?:heavy|mostly|dominated|intensive)\b|\bwrites?\s+(?:far\s+|vastly\s+)?outnumber\s+(?:the\s+)?reads?\b|\bingest\w*\b`;

/**
 * A job offered to several workers at once, the first to accept taking it (dispatch-offer `broadcast`): "each request
 * is offered to the 5 nearest couriers and the first to accept gets it".
 */
export const OFFER_TO_SEVERAL = String.raw`\b(?:offer(?:s|ed)?|sen[dt]s?|shown|broadcast\w*|push(?:es|ed)?)\s+(?:\w+\s+){0,3}?to\s+(?:several|many|multiple|all|every|the\s+(?:\w+\s+)?(?:\d+|few|several)\s+(?:nearest|closest)|(?:the\s+)?(?:\d+|two|three|four|five|ten)\s+(?:nearest|closest)|(?:up\s+to\s+)?\d+)\s+(?:\w+\s+){0,2}?(?:drivers?|couriers?|riders?|workers?|technicians?|providers?|taskers?|agents?|cleaners?|dashers?)\b|\bfirst\s+(?:\w+\s+)?to\s+accept\b`;

/**
 * Renditions made on request rather than at upload (media-renditions `on-demand`): "images are resized on the fly",
 * "thumbnails generated on first request", "any width a client asks for".
 */
export const RESIZE_ON_REQUEST = String.raw`\b(?:resiz\w*|crop\w*|transform\w*|renditions?|thumbnails?|scaled?|sizes?)\s+(?:\w+\s+){0,4}?(?:on[- ]the[- ]fly|on\s+(?:first\s+)?(?:demand|request)|when\s+(?:first\s+)?(?:requested|asked\s+for|viewed))\b|\bon[- ]the[- ]fly\s+(?:resiz\w*|crop\w*|transform\w*|thumbnails?)\b|\b(?:any|arbitrary)\s+(?:size|width|height|dimension)s?\b`;

/**
 * A permission change allowed to land after a short delay (i16-authz-consistency `any-snapshot`): "sharing changes may
 * take a few seconds to apply", "access changes can lag by up to 10 seconds".
 */
export const PERMISSION_LAG_ALLOWED = String.raw`\b(?:permissions?|access|sharing|acls?|roles?|grants?|revocations?)\s+(?:\w+\s+)?(?:changes?|updates?)?\s*(?:may|can|are\s+allowed\s+to)\s+(?:take|lag|be\s+(?:delayed|stale))\b`;

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
