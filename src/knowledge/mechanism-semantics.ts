import type { MechanismId } from "./mechanisms/catalog.js";

/**
 * The stated semantics a mechanism can break, as the prompt states them: an order kept within one key ("never sees two
 * events of the same order out of sequence"), a thing done at most once ("fires at most once per scheduled time"), and
 * a hold of a fixed duration ("released if payment is not completed within 10 minutes").
 */
export const STATED_SEMANTICS = ["per-key-order", "at-most-once", "fixed-hold"] as const;
export type StatedSemantic = (typeof STATED_SEMANTICS)[number];

/**
 * A hold the prompt gives a fixed duration: held, reserved or a hold, released (expires, is freed, lapses, is
 * cancelled) within or after a stated time, or held for a stated time. Such a hold is timed once when it is taken;
 * nothing renews it.
 */
export const FIXED_HOLD_WORDS =
  /\b(?:held|holds?|reserved|reservations?|locked)\b[^.;]{0,60}?\b(?:released|expires?|expired|freed|lapses?|cancel+ed|returned)\b[^.;]{0,50}?\b(?:within|after|in)\s+(?:\d+|an?|one|two|three|five|ten|fifteen|thirty)\s*(?:seconds?|minutes?|mins?|hours?)\b|\b(?:held|reserved|locked) for (?:up to |at most )?(?:\d+|an?|one|two|three|five|ten|fifteen|thirty)\s*(?:seconds?|minutes?|mins?|hours?)\b/i;

/**
 * A mechanism that, as the catalogue states it, breaks a stated semantic, and the variant that keeps it. At
 * derivation a design that states the semantic names the variant on the mechanism's row (its reason naming the stated
 * rule), and its failure rows that speak of the plain mechanism (`failure.match`) are said of the variant instead;
 * coherence `mechanism-breaks-stated-rule` flags what is left.
 */
export interface SemanticConflict {
  readonly mechanism: MechanismId;
  readonly breaks: StatedSemantic;
  /** Why the plain mechanism breaks the stated rule. */
  readonly why: string;
  /** The variant that keeps the stated rule: its name on the row, and how it works. */
  readonly variant: { readonly name: string; readonly how: string };
  /** A failure row about the plain mechanism (matched over failure, prevention and repair), said of the variant. */
  readonly failure?: { readonly match: RegExp; readonly prevention: string; readonly repair: string };
  /** A failure that cannot happen under the variant (a release racing a renewal where nothing renews): its row leaves. */
  readonly cannotHappen?: RegExp;
  /** Words that, left in the design's text beside the stated rule, still say the plain mechanism. */
  readonly says: RegExp;
  /** The primary source checked for the claim. */
  readonly source: string;
}

export const MECHANISM_SEMANTICS: readonly SemanticConflict[] = [
  {
    mechanism: "retry-dead-letter",
    breaks: "per-key-order",
    why: "a dead-letter queue sets a failing record aside and lets the later records of its key go past it, so a reader sees them out of order",
    variant: {
      name: "bounded retry that parks the key",
      how: "a record that exhausts its retries is parked together with its key: later records of the same key are parked behind it in arrival order, and the key resumes only once the parked record is fixed and replayed or an operator skips it, while other keys keep flowing",
    },
    failure: {
      match: /\bdead-letter (?:queue|topic)\b/i,
      prevention:
        "retries are bounded with backoff; then the record is parked together with its key, and later records of that key wait behind it in the parked queue while other keys keep flowing",
      repair:
        "fix the handler, then replay the key's parked records in their order; the key resumes after the last of them",
    },
    says: /\bso later records proceed\b|\bdead-letter (?:queue|topic) so later\b/i,
    source:
      "Amazon SQS developer guide, dead-letter queues: a DLQ beside a FIFO queue breaks the exact order of messages; the FIFO message group id is the per-key order",
  },
  {
    mechanism: "dedup-window",
    breaks: "at-most-once",
    why: "a dedup window makes redelivery safe for an effect that is retried (at least once plus recognising repeats); a stated at-most-once effect is never retried once its outcome is unknown",
    variant: {
      name: "claim recorded before the effect",
      how: "the item's claim is written durably, keyed by the item and its scheduled time, before the effect starts, and an attempt whose outcome is unknown is reported rather than retried, so nothing is redelivered to deduplicate",
    },
    says: /\bexactly once here means at-least-once delivery plus\b/i,
    source:
      "Kafka documentation, message delivery semantics: at most once is recording progress before processing, so a crash loses the message rather than processing it again",
  },
  {
    mechanism: "claim-run",
    breaks: "at-most-once",
    why: "a claim that lapses hands its task to another worker, which runs it again: at least once, where the prompt states at most once",
    variant: {
      name: "claim of a runnable unit, marked started before the effect",
      how: "a worker claims the run, then marks it started durably before it calls the target; a claim that lapses before the mark returns the run to runnable, and one that lapses after it leaves the run unknown and reported, never handed to another worker",
    },
    failure: {
      match: /\banother worker re-claims\b/i,
      prevention:
        "a claim carries an expiry and an attempt number that fences the late holder's writes, and the worker marks the run started durably before it calls the target",
      repair:
        "a claim that lapsed before the started mark returns the run to runnable; one that lapsed after it moves the run to unknown, reported for the target's record or an operator to settle, never re-claimed",
    },
    says: /\banother worker re-claims the task\b/i,
    source:
      "Kafka documentation, message delivery semantics: at most once is recording progress before processing, so a crash loses the message rather than processing it again",
  },
  {
    mechanism: "heartbeat-renewal",
    breaks: "fixed-hold",
    why: "a renewal keeps a hold alive for as long as its holder beats, where the prompt gives the hold a fixed duration",
    variant: {
      name: "expiry stamped once",
      how: "the hold's expiry is written once, when it is taken, the stated duration later, and nothing extends it; a holder that finishes in time completes under the hold's token, and one that does not loses it",
    },
    says: /\bheartbeat to extend\b/i,
    source:
      "Gray and Cheriton, Leases (SOSP 1989): a lease is a grant for a fixed term that the holder may ask to extend; with no extension the term is the hold",
  },
  {
    mechanism: "lease",
    breaks: "fixed-hold",
    why: "a lease that lapses unless renewed lets a live holder keep the thing past the duration the prompt fixes",
    variant: {
      name: "hold with a fixed expiry",
      how: "the hold is a lease whose expiry is stamped once when it is granted, the stated duration later, and is never renewed; every write under it carries its fencing token and is refused once the hold has expired",
    },
    failure: {
      match: /\blapses unless renewed\b/i,
      prevention:
        "the hold's expiry is stamped once when it is taken, the stated duration later, and is never renewed, so a holder that crashes or stalls loses it on time",
      repair:
        "after expiry the sweeper frees it by a conditional write on the expiry and version it read, and the next claimant takes it",
    },
    cannotHappen: /\brenewed a moment earlier\b/i,
    says: /\b(?:expires|lapses) unless renewed\b|\bholders renew well before it\b|\bcarries a lease renewed\b/i,
    source:
      "Gray and Cheriton, Leases (SOSP 1989): a lease is a grant for a fixed term that the holder may ask to extend; with no extension the term is the hold",
  },
];

/** The conflicts of one mechanism, by id. */
export const SEMANTICS_BY_MECHANISM: ReadonlyMap<string, readonly SemanticConflict[]> = (() => {
  const m = new Map<string, SemanticConflict[]>();
  for (const c of MECHANISM_SEMANTICS) m.set(c.mechanism, [...(m.get(c.mechanism) ?? []), c]);
  return m;
})();
