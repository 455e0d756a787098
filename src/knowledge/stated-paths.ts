/**
 * Paths a prompt names in its own words, each with the kind of part that runs it. A prompt that says an alert "pages
 * on-call", that a queue has "visibility timeouts", that old data is "downsampled", that offline users get their
 * messages "when they reconnect" or that drivers send "their location every 4 seconds" names a path the design must
 * draw: a component whose name, work or links say it runs that path, joined to the rest by a link. Coherence
 * `stated-path-undrawn` (engine/coherence.ts) flags a design that draws none.
 */
export interface StatedPath {
  /** Short name of the path, used in the problem's detail. */
  readonly id: string;
  /** The prompt's words that name the path. */
  readonly asks: RegExp;
  /** Words in a linked component's name, its work (`runs`) or one of its links' labels that show it runs the path. */
  readonly runs: RegExp;
  /** What the path does, in a clause. */
  readonly what: string;
}

export const STATED_PATHS: readonly StatedPath[] = [
  {
    id: "page on-call",
    asks: /\bpag(?:e|es|ed|ing)\s+(?:the\s+)?(?:on[- ]?call|an?\s+(?:engineer|operator|human|responder))\b|\bpagers?\b/i,
    // the part that pages, not one that only names a pager as its target ("route to pager")
    runs: /\bpage\s+(?:the\s+)?on[- ]?call\b|\bpag(?:ing|er)\s+(?:provider|service)\b/i,
    what: "a firing alert reaches the on-call person through a pager",
  },
  {
    id: "visibility timeout",
    asks: /\bvisibility[- ]timeouts?\b|\binvisibility\s+(?:window|timeout|period)s?\b/i,
    runs: /\blapsed\s+leases?\b|\bleases?\s+past\b|\bvisible\s+again\b/i,
    what: "a message whose visibility timeout passes without an ack is handed out again",
  },
  {
    id: "downsampling",
    asks: /\bdown-?sampl\w*|\broll(?:s|ed|ing)?\s+up\s+old\b|\brollups?\s+of\s+old\b/i,
    runs: /\bdown-?sampl\w*|\brollups?\b/i,
    what: "old data is rolled up into coarser buckets",
  },
  {
    id: "reconnect",
    asks: /\breconnect\w*\b|\bwhile\s+(?:they\s+are\s+|they're\s+)?offline\b|\boffline\s+(?:users?|devices?|recipients?|clients?)\b/i,
    runs: /\bsync\w*\b|\breconnect\w*\b|\bsince\s+(?:sequence|cursor|version)\b|\bpending\b|\bmissed\b|\bresume\b|\breplay\w*\b/i,
    what: "a device that was offline gets what it missed when it reconnects",
  },
  {
    id: "location updates",
    asks: /\b(?:locations?|positions?|gps|coordinates)\b[^.;]{0,30}\bevery\s+(?:\d|few|couple|second|minute)|\bsend(?:s|ing)?\s+(?:their|its|his|her)\s+(?:current\s+)?(?:locations?|positions?)\b/i,
    runs: /\b(?:position|location)s?\s+updates?\b|\bupdates?\s+(?:their\s+|the\s+)?(?:position|location)s?\b|\bpositions?\s+up\b/i,
    what: "position updates flow into the index that finds nearby ones",
  },
];

/** The stated paths a prompt names. */
export const statedPaths = (prompt: string): readonly StatedPath[] => STATED_PATHS.filter((p) => p.asks.test(prompt));
