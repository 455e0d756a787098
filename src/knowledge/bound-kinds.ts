/**
 * The kinds of time a prompt may bound other than a request's latency, and the words of a capacity figure that
 * measure a time of each kind. A stated bound of a kind ("a failed dispatcher must be replaced within 2 seconds":
 * failover) holds every time figure of that kind, whether or not the figure names the bound itself: coherence
 * `stated-bound-exceeded` flags one past it, so no model says 11 s of failover beside a stated 2 s.
 *
 * `figure` is read on a figure's quantity words; `unless` sets aside figures of the kind that are not a time the
 * bound covers: a spare left over (the bound less a time), or a compound fault the stated case does not speak of
 * (the holder and the lock store's own leader failing at once).
 */
export interface BoundKind {
  /** The stated quantity (engine/nfr-parse.ts reads it from the bound's words). */
  bound: string;
  /** What the bound measures, in words for the coherence detail. */
  kind: string;
  figure: RegExp;
  unless?: RegExp;
}

/** Figures that are not a time the bound covers: what is left of it, or a second fault on top of the first. */
const NOT_THE_BOUNDED_TIME = /\b(?:spare|left over|headroom|also fails)\b/i;

export const BOUND_KINDS: readonly BoundKind[] = [
  {
    bound: "failover_seconds",
    kind: "failover (from a holder's or leader's crash until a new one serves)",
    figure: /\b(?:failover|fail over|replace a failed|takes? over|idle time after a holder crashes)\b/i,
    unless: NOT_THE_BOUNDED_TIME,
  },
  {
    bound: "detection_bound_seconds",
    kind: "detection (from a member's death until it is out of every reader's view)",
    figure: /\b(?:failure detection|removal|out of every reader's view)\b/i,
    unless: NOT_THE_BOUNDED_TIME,
  },
  {
    bound: "reclaim_bound_seconds",
    kind: "reclaim (from a holder's crash until what it held goes back to the others)",
    figure: /\bcrashed holder's (?:lease|claim|lock)s? is taken back\b/i,
    unless: NOT_THE_BOUNDED_TIME,
  },
  {
    bound: "redelivery_bound_seconds",
    kind: "redelivery (from a consumer's crash or a failed attempt until the item is handed out again)",
    figure: /\b(?:handed out again|redeliver\w*)\b/i,
    unless: NOT_THE_BOUNDED_TIME,
  },
];

/**
 * A ratio a prompt bounds: a share of some work that may go wrong ("a per-minute quota that may be exceeded by at most
 * 5%", "within 1% of the true count", "no more than 0.1% duplicates", "loses at most 0.01% of events"). Each is read
 * into its own quantity (a fraction, `engine/nfr-parse.ts`), never a latency or a sampling share, so the requirement
 * keeps the prompt's figure and its words; a capacity figure that computes the error the design allows ties itself to
 * it (`bound`), and where no model computes one the stated share is turned into the items a day it allows
 * (`capacity/stated.ts`). `figure` names the fraction figures that measure the same ratio: coherence
 * `stated-bound-exceeded` holds each to the stated share, whether or not it names the bound.
 *
 * `words` finds the bound: its first capture group is the percentage, written before or after the words it bounds.
 */
export interface RatioBoundKind {
  /** The stated quantity (a fraction). */
  bound: string;
  /** What the ratio measures, in words for the requirement and the coherence detail. */
  kind: string;
  /** What the items it allows are, in words for the figure a stated share brings in ("admissions past the quota"). */
  allowed: string;
  words: readonly RegExp[];
  figure: RegExp;
  /** The window the share is counted over, where the prompt may state one (a quota's minute): its quantity and words. */
  per?: { quantity: string; words: string };
}

/** A percentage: "5%", "0.1 %", "2 percent"; the number is the first group. */
const PCT = String.raw`(\d+(?:\.\d+)?)\s*(?:%|percent\b|per cent\b)`;
/**
 * A verb of admitting past a limit: "exceed", "overshoot", "overrun", "over-admit", "go over", "go past", "run over",
 * "be exceeded".
 */
const OVERSHOOT_VERB = String.raw`(?:exceed(?:ed|s|ing)?|overshoot(?:s|ing)?|overshot|overrun(?:s|ning)?|over-?admit(?:ted|s|ting)?|(?:go(?:es|ing)?|gone|went|run(?:s|ning)?|ran)\s+(?:over|past|beyond|above))`;
/** A limit said as the object: "its limit", "their per-minute quota", "a merchant's limit", "any budget", "it". */
const LIMIT_OBJECT = String.raw`(?:(?:the|its|their|a|any|each|his|her|your|our|that|this|(?:a|an|each|every|one|the)\s+[a-z-]+'s)\s+(?:[a-z-]+\s+){0,2}?(?:quota|limit|budget|allowance|cap|rate)s?\b|it|them)`;
/** Words that cap what follows: "at most", "no more than", "under", "less than", "up to". */
const AT_MOST = String.raw`(?:at most|no more than|not more than|up to|under|below|less than|fewer than|a maximum of|a max of)`;

export const RATIO_BOUNDS: readonly RatioBoundKind[] = [
  {
    bound: "overshoot_bound_share",
    kind: "overshoot (admissions past a quota or limit, as a share of it)",
    allowed: "admissions past the quota",
    words: [
      // "a per-minute quota that may be exceeded by at most 5%", "limits may be overshot by no more than 2%", "a merchant
      // may exceed its per-minute limit by at most 2%", "a tenant can go past its quota by up to 3%", "may exceed it by
      // 2% at most"
      new RegExp(
        String.raw`\b${OVERSHOOT_VERB}\s+(?:${LIMIT_OBJECT}\s+)?by\s+(?:${AT_MOST}\s+|(?=[\d.]+\s*(?:%|percent\b|per cent\b)\s+at\s+most\b))${PCT}`,
        "i",
      ),
      // "must not exceed its limit by more than 2%", "no merchant may exceed its quota by more than 2%", "never overshoots
      // by more than 1%": "more than" under a negation is a cap
      new RegExp(
        String.raw`\b(?:not|never|no|cannot|can't|mustn't|won't|shouldn't|may\s+not)\b[^.;]{0,40}?\b${OVERSHOOT_VERB}\s+(?:${LIMIT_OBJECT}\s+)?by\s+more\s+than\s+${PCT}`,
        "i",
      ),
      // "exceeding the limit by more than 2% is not allowed"
      new RegExp(
        String.raw`\b${OVERSHOOT_VERB}\s+(?:${LIMIT_OBJECT}\s+)?by\s+more\s+than\s+${PCT}\s+(?:is|are|would\s+be)\s+(?:not\s+(?:allowed|acceptable|permitted|ok|okay|tolerated)|never\s+(?:allowed|acceptable)|forbidden|disallowed|unacceptable)`,
        "i",
      ),
      // "an overshoot of at most 5%", "over-admission under 1%"
      new RegExp(
        String.raw`\b(?:overshoot|over-?admission|overage)s?\s+(?:of\s+|stays?\s+|must stay\s+|is\s+)?${AT_MOST}\s+${PCT}`,
        "i",
      ),
      // "tolerate at most 2% overshoot", "at most 2% over-admission", "no more than 1% overage"
      new RegExp(String.raw`\b${AT_MOST}\s+${PCT}\s+(?:of\s+)?(?:overshoot|over-?admission|overage)s?\b`, "i"),
      // "at most 5% over the quota", "no more than 2% above the limit", "keys may go up to 2% over their limits", "each
      // customer gets no more than 2% over."
      new RegExp(
        String.raw`\b${AT_MOST}\s+${PCT}\s+(?:over|above|beyond|past)(?:\s+${LIMIT_OBJECT}|\s*(?=[.;,]|$))`,
        "i",
      ),
      // "no key may be admitted more than 2% over its limit"
      new RegExp(
        String.raw`\b(?:not|never|no|cannot|can't|mustn't|won't|shouldn't|may\s+not)\b[^.;]{0,40}?\bmore\s+than\s+${PCT}\s+(?:over|above|beyond|past)\s+${LIMIT_OBJECT}`,
        "i",
      ),
      // "enforce per-API-key quotas of 1,000 requests a minute, to within about 5%": the quota enforced to a share
      new RegExp(
        String.raw`\b(?:quotas?|limits?)\b[^.;]{0,60}?,?\s+to\s+within\s+(?:about\s+|roughly\s+|around\s+|approximately\s+)?${PCT}`,
        "i",
      ),
    ],
    figure: /\bover-?admi\w*|\bovershoot\b/i,
    per: { quantity: "quota_window_seconds", words: "quota window" },
  },
  {
    bound: "count_error_bound_share",
    kind: "count error (how far an answered count or total may be from the true one, as a share of it)",
    allowed: "miscounted items",
    words: [
      // "within 1% of the true count", "within 2 percent of the exact total"
      new RegExp(
        String.raw`\bwithin\s+${PCT}\s+of\s+(?:the\s+)?(?:true|exact|actual|real|correct)\s+(?:count|total|value|number|answer|cardinality|sum)s?\b`,
        "i",
      ),
      // "accurate to within 2%", "accurate to 1%"
      new RegExp(String.raw`\baccurate\s+(?:to\s+)?(?:within\s+)?${PCT}`, "i"),
      // "an error of at most 1%", "relative error under 0.5%", "error below 2 percent"
      new RegExp(
        String.raw`\b(?:relative |standard |counting |count )?errors?\s+(?:rate\s+)?(?:of\s+)?${AT_MOST}\s+${PCT}`,
        "i",
      ),
      // "off by at most 1%"
      new RegExp(String.raw`\boff\s+by\s+${AT_MOST}\s+${PCT}`, "i"),
    ],
    figure: /\b(?:count(?:ing)? error|error on (?:a|the) count|estimate'?s? error|relative error)\b/i,
  },
  {
    bound: "duplicate_bound_share",
    kind: "duplicates (repeated deliveries or records, as a share of all)",
    allowed: "duplicates",
    words: [
      // "no more than 0.1% duplicates", "under 0.01% duplicated messages"
      new RegExp(
        String.raw`\b${AT_MOST}\s+${PCT}\s+(?:of\s+(?:the\s+|all\s+)?[a-z]+\s+(?:are\s+|is\s+|may be\s+|can be\s+)?)?(?:duplicate[sd]?|repeat(?:s|ed)?|double[- ]?(?:counted|delivered|sent))\b`,
        "i",
      ),
      // "duplicates stay under 0.1%", "a duplicate rate below 0.01%"
      new RegExp(
        String.raw`\bduplicat(?:es|ion)\s+(?:rate\s+)?(?:(?:must |should )?stays?\s+|of\s+|is\s+)?${AT_MOST}\s+${PCT}`,
        "i",
      ),
    ],
    figure: /\bduplicat\w* share\b|\bshare (?:of )?duplicat\w*/i,
  },
  {
    bound: "loss_bound_share",
    kind: "loss (items lost or dropped, as a share of all)",
    allowed: "items lost",
    words: [
      // "loses at most 0.01% of events", "drops no more than 0.1% of samples"
      new RegExp(
        String.raw`\b(?:los(?:e|es|ing)|drop(?:s|ping)?)\s+${AT_MOST}\s+${PCT}\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?[a-z]+`,
        "i",
      ),
      // "no more than 0.1% of events may be lost", "under 1% of samples are dropped"
      new RegExp(
        String.raw`\b${AT_MOST}\s+${PCT}\s+of\s+(?:the\s+|all\s+)?(?:[a-z]+\s+){1,2}(?:is|are|may be|can be|get|gets)\s+(?:ever\s+)?(?:lost|dropped)\b`,
        "i",
      ),
      // "a loss rate under 0.1%", "data loss of at most 0.01%"
      new RegExp(
        String.raw`\b(?:data |message |event |sample )?loss\s+(?:rate\s+)?(?:of\s+|stays?\s+|is\s+)?${AT_MOST}\s+${PCT}`,
        "i",
      ),
    ],
    figure: /\bloss share\b|\bshare (?:of \w+ )?lost\b/i,
  },
];

/**
 * Stated bounds on a pipeline's whole way, end to end, that the design spends as a budget: the stage figures of the
 * path are summed into one figure held to the bound, and the tunable stages (a scrape or evaluation interval, a
 * health window, a poll interval, a batch window) are chosen so the sum fits. A page ("fires alerts within 1 minute":
 * scrape + evaluation + notification), a rollback ("rolled back within one minute": detect + decide + propagate) and a
 * change spreading to its readers ("visible within 10 seconds", "propagated to every server within 5 seconds").
 * Coherence `bound-unbudgeted` flags one that a figure reads but no summed figure spends; a sum past its bound is
 * `stated-bound-exceeded`'s.
 */
export const END_TO_END_BOUNDS: readonly { bound: string; path: string }[] = [
  { bound: "page_bound_seconds", path: "a condition to its alert or page (scrape, evaluation, notification)" },
  {
    bound: "rollback_bound_seconds",
    path: "a bad change to every node on the last good version (detect, decide, propagate)",
  },
  { bound: "propagation_seconds", path: "a change to every reader or server that must see it" },
];
