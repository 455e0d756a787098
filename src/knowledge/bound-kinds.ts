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
