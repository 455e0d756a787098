import { RULE_KIND_WORDS } from "./cannot-keep.js";
import type { MechanismId } from "./catalog.js";

/**
 * What kind of promise a rule makes, read from its words, and which mechanisms keep each kind by what they do. This is
 * the positive side of the keeping model (`cannot-keep.ts` is the negative side): a rule of a kind this table reads is
 * kept only by a mechanism that keeps that kind, never by one that merely shares its words or sits on its path (a
 * uniqueness rule is not kept by a retry's backoff, a cache's time to live or a rate limit). A rule of no kind read
 * here is left to the word and path pairing. Own words, over each mechanism's catalogue summary.
 */
export type KeptKind =
  | "outbox"
  | "tamper"
  | "replicated-ack"
  | "durable"
  | "lost-update"
  | "repeat-tolerated"
  | "sampling"
  | "fence"
  | "one-holder"
  | "unique"
  | "order"
  | "monotone"
  | "publish-after"
  | "integrity"
  | "routing"
  | "atomic"
  | "guarded-state"
  | "staleness"
  | "agreement"
  | "rate"
  | "bound"
  | "recovery"
  | "health"
  | "derived"
  | "deletion";

interface KindEntry {
  readonly kind: KeptKind;
  /** The words of a rule of this kind. */
  readonly words: RegExp;
  /** The mechanisms whose own action makes a rule of this kind true. */
  readonly keepers: readonly MechanismId[];
}

/** The replication that holds a write on other replicas before it is acknowledged. */
const ACK_REPLICATION: readonly MechanismId[] = [
  "consensus-replication",
  "isr-replication",
  "pipelined-replication",
  "quorum-read-write",
];

/**
 * The kinds, most specific first: a rule of several kinds is kept best by a mechanism that keeps its earliest kind
 * (an outbox rule is also an atomic one, and its outbox is what keeps it).
 */
export const KEPT_KINDS: readonly KindEntry[] = [
  {
    // an effect recorded in the transaction of the change that requires it, and sent once that change commits
    kind: "outbox",
    // (its record named by its type too: "an OutboxEntry committed in the same transaction"); a rule that only
    // mentions outbox entries for another promise ("each outbox entry carries a sequence number within its partner")
    // is of that promise's kind, not the outbox's
    words: /\boutbox(?: ?entr(?:y|ies))?\b[^.]*\btransaction\b|\btransaction\b[^.]*\boutbox(?: ?entr(?:y|ies))?\b/i,
    keepers: ["transactional-outbox"],
  },
  {
    // a record that must never be altered after it is written (an audit record): a hash chain detects a change and a
    // write-once retention lock refuses one; an append-only log alone lets whoever holds its disks rewrite it
    kind: "tamper",
    words:
      /\b(?:(?:never|cannot be|not be) (?:\w+ )?(?:altered|rewritten|tampered)|tamper[- ]?(?:evident|proof)|hash of the (?:record|entry) before|write-once|object lock)\b/i,
    keepers: ["hash-chain", "worm-retention"],
  },
  {
    // an acknowledgement given only once other replicas hold the write
    kind: "replicated-ack",
    words:
      /\backnowledged\b[^.;]{0,80}\b(?:quorum|majority|replicas?|in-sync)\b|\b(?:held|stored) (?:by|on) (?:a |at least )?(?:write )?(?:quorum|majority|the configured number of replicas)\b/i,
    keepers: ACK_REPLICATION,
  },
  {
    // an acknowledged write survives a crash of what took it: replicated before the acknowledgement, or an fsynced log
    kind: "durable",
    words:
      /\b(?:acknowledged|committed|written|stored|persisted|accepted|write|writes|record|records|data|delivery|sample|event|message)\b[^.;:]{0,40}\b(?:is|are|was|were|be) (?:ever |silently )?(?:lost|dropped afterwards)\b|\b(?:acknowledged|committed|written|stored|persisted)\b[^.;:]{0,40}\bnever (?:silently )?lost\b|\bsurvives? (?:a |the |one |any )?(?:[\w-]+ )?(?:crash|failover|loss|restart)\b|\bdurabl[ey] (?:before|once)\b/i,
    // (an outbox row commits with the change it announces, so an acknowledged change's event is never lost either)
    // (re-replication restores the copies a loss took, so the count a survival rule names holds again)
    keepers: [
      ...ACK_REPLICATION,
      "write-ahead-log",
      "transaction",
      "append-log",
      "transactional-outbox",
      "replica-repair",
    ],
  },
  {
    // of two concurrent updates of one thing neither is dropped (the words cannot-keep.ts reads as `no-lost-update`):
    // an increment applied atomically where the value lives, a write that names the version it read, a merge that keeps
    // both, or a transaction; never a rule only a replication or a last-writer-wins pick touches
    kind: "lost-update",
    words: RULE_KIND_WORDS["no-lost-update"],
    keepers: [
      "atomic-counter",
      "version-check",
      "versioned-overwrite",
      "crdt-merge",
      "operational-transform",
      "transaction",
      "bounded-counter",
      "bounded-quantity-update",
      "guarded-transition",
      "head-pointer-cas",
    ],
  },
  {
    // a delivery that may come again, made harmless where it lands: the receiver recognises the repeat
    kind: "repeat-tolerated",
    words:
      /\b(?:tolerates?|absorbs?|ignores?|drops?|discards?) (?:the |a |any )?(?:repeats?|redeliver(?:y|ies)|duplicates?)\b/i,
    keepers: ["dedup-window", "idempotent-receiver", "idempotency-key", "keyed-effect-ledger", "put-if-absent"],
  },
  {
    // every part of a whole (a trace's spans) gets the one keep-or-drop decision made for it
    kind: "sampling",
    words: /\bsampling decision\b/i,
    keepers: ["trace-sampling"],
  },
  {
    // an act refused unless it carries the current token, term, attempt or incarnation
    kind: "fence",
    words:
      /\b(?:fenc\w*|tokens?|terms?|epochs?|incarnations?|attempt numbers?)\b[^.;]{0,60}\b(?:below|lower|older|current|stale|last|refused|only)\b|\b(?:only|accepted only) from the current\b|\bcurrent (?:token|term|epoch|attempt|owner|incarnation)\b/i,
    keepers: [
      "fencing-token",
      "epoch-term",
      "version-check",
      "guarded-transition",
      "expiry-sweeper",
      "claim-run",
      "lease",
      "range-lease",
      "leader-election",
      "consensus-replication",
    ],
  },
  {
    // one live holder, owner, leader or worker at a time
    kind: "one-holder",
    words:
      /\b(?:at most|exactly|only) one (?:[\w-]+ ){0,2}(?:holders?|leaders?|primar(?:y|ies)|owners?|writers?|workers?|runners?|evaluators?|schedulers?|consumers?|live|unexpired|running|active|current|try|tries|claims?|leases?|assignments?)\b|\bnever both\b|\bexclusiv\w*\b|\bone (?:leader|primary|owner|holder) (?:per|at a time)\b|\bonly the (?:holder|owner|leader)\b/i,
    keepers: [
      "lease",
      "range-lease",
      "claim-run",
      "exclusive-claim",
      "expiry-sweeper",
      "epoch-term",
      "leader-election",
      "consensus-replication",
      "worker-id-allocation",
      "interval-exclusion",
      "party-interval-exclusion",
      "guarded-transition",
      "version-check",
      "put-if-absent",
      // (a create-if-absent under an immutable key: of two creators only one wins)
      "write-once-key",
      "insert-primary",
      "consumer-group-assignment",
      "capped-holder-count",
      "concurrency-slots",
      "sticky-assignment",
      "transaction",
    ],
  },
  {
    // every reader or replica holds the same answer
    kind: "agreement",
    words:
      /\b(?:never|ever) (?:\w+ ){0,3}(?:see|sees|seeing|believe|believes|get|gets|look|looks|return|returns) (?:\w+ )?different\b|\bone agreed\b|\bidentical on (?:all|every)\b|\bnever (?:both|two) (?:\w+ ){0,2}(?:believe|think)\b/i,
    keepers: [
      "consensus-replication",
      "op-sequencer",
      "owner-sequenced-bid",
      "authoritative-tick",
      "leader-read",
      "quorum-read-write",
      "epoch-term",
      "leader-election",
      "guarded-transition",
      "transaction",
      "commit-wait",
      "version-check",
    ],
  },
  {
    // something exists, is handed out or takes effect once per key
    kind: "unique",
    words:
      /\b(?:at most (?:once|one)|exactly (?:once|one)|only one|no two|once per|twice|duplicat\w*|unique\w*|collision\w*|never (?:reused|re-?issued|handed out again)|yields? at most|takes? effect once|exists? (?:at most )?once|never (?:points?|maps?|resolves?) to (?:a |two )?different)\b|\b(?:double|doubled)[- ]?(?:charg|debit|order|book|spend|pay|send|refund|count)\w*|\bnever doubles?\b|\b(?:gets?|takes?|receives?) a second\b/i,
    keepers: [
      "put-if-absent",
      "insert-primary",
      "write-once-key",
      "use-once-key",
      "exclusive-claim",
      "idempotency-key",
      "dedup-window",
      "keyed-effect-ledger",
      "idempotent-receiver",
      "content-addressing",
      "claim-run",
      "interval-exclusion",
      "party-interval-exclusion",
      "capped-holder-count",
      "bounded-counter",
      "bounded-quantity-update",
      "transaction",
      "guarded-transition",
      "version-check",
      "versioned-overwrite",
      "ordered-apply",
      "max-update",
      "atomic-counter",
      "timestamp-sequence-id",
      "worker-id-allocation",
      "range-lease",
      "lease",
      "expiry-sweeper",
      "leader-election",
      "epoch-term",
      "consensus-replication",
      "owner-sequenced-bid",
      "crdt-merge",
      // a consumer's state saved together with the input position it reflects: a restart replays from there, once
      "projector-checkpoint",
    ],
  },
  {
    // one order per key, per partition or over the whole log
    kind: "order",
    words:
      /\b(?:in (?:[\w-]+ ){0,2}order|(?:same|one|agreed|total) order|ordered|out-of-order|sequence numbers?|prefix of|index order|strictly increas\w*)\b/i,
    keepers: [
      "partition-key-ordering",
      "op-sequencer",
      // a watch delivers a key space's changes in revision order, and a gap in the revisions shows a missed one
      "watch-stream",
      "append-log",
      "consensus-replication",
      "isr-replication",
      "pipelined-replication",
      "ordered-apply",
      "owner-sequenced-bid",
      "authoritative-tick",
      "timestamp-sequence-id",
      "operational-transform",
      "consumer-offsets",
      "out-of-order-window",
      "clock-skew-bound",
      "commit-wait",
      "sticky-assignment",
      "atomic-counter",
      "worker-id-allocation",
    ],
  },
  {
    // a value or version that never moves backwards
    kind: "monotone",
    words:
      /\bnever (?:moves?|goes|steps|falls?) (?:back\w*|to an? (?:older|earlier|lower))\b|\bnever lowers?\b|\b(?:strictly )?greater than every\b|\bonly (?:rises|grows|increases|moves forward|goes forward)\b|\b(?:lower|older) (?:[\w-]+ ){0,2}never (?:overwrites?|replaces?)\b|\bnever (?:overwrites?|replaces?) (?:[\w-]+ ){0,4}with an? (?:older|earlier|lower)\b|\bnever (?:a )?(?:newer|higher)\b/i,
    keepers: [
      "versioned-overwrite",
      "ordered-apply",
      "max-update",
      "version-check",
      "head-pointer-cas",
      "timestamp-sequence-id",
      "epoch-term",
      "fencing-token",
      "consensus-replication",
      "atomic-counter",
      "op-sequencer",
      "guarded-transition",
      "clock-skew-bound",
      "expiry-sweeper",
      "put-if-absent",
    ],
  },
  {
    // something made visible, accepted, advanced or deleted only after what it rests on is complete
    kind: "publish-after",
    words:
      /\b(?:published|accepted|visible|served|deleted|marked complete|queued|starts?|advances?|moves?|widens?|removed|resolves?)\b[^.;]{0,30}\bonly (?:after|once|when)\b|\b(?:never|not) (?:\w+ )?(?:before|past)\b[^.;]{0,60}\b(?:durable|verified|succeeded|acknowledged|due|complete\w*|baked|passes|reached)\b|\bhalf[- ](?:written|uploaded|finished)\b|\bonly (?:after|once) (?:every|all|its|the)\b/i,
    keepers: [
      "publish-content-first",
      "completion-barrier",
      "head-pointer-cas",
      "content-addressing",
      "transaction",
      "versioned-snapshot",
      "staged-rollout",
      "scan-checkpoint",
      "sharded-frontier",
      "consumer-offsets",
      "projector-checkpoint",
      "log-compaction",
      "reference-gc",
      "not-before-gate",
      "due-time-index",
      "out-of-order-window",
      "write-ahead-log",
      "claim-run",
      "guarded-transition",
      "saga",
      "consensus-replication",
      "expiry-sweeper",
    ],
  },
  {
    // bytes checked against their digest or checksum
    kind: "integrity",
    words: /\b(?:checksums?|digests?|hash(?:es)? to|corrupt\w*)\b/i,
    keepers: ["content-addressing", "replica-repair", "anti-entropy-repair", "version-check", "publish-content-first"],
  },
  {
    // which shard, range or partition owns a key
    kind: "routing",
    words:
      /\b(?:maps? to one|accepts writes for each|partition map|for each key range|(?:one|its|the) (?:history )?(?:shard|partition|range)\b[^.;]{0,30}\bonly the)\b/i,
    keepers: [
      "consistent-hashing",
      "range-lease",
      "epoch-term",
      "consumer-group-assignment",
      "partition-key-ordering",
      "placement-scheduler",
      "sticky-assignment",
      "consensus-replication",
      "leader-election",
    ],
  },
  {
    // several changes that happen together or not at all, or one whole version applied at once
    kind: "atomic",
    words:
      /\b(?:in one|same|one local) transaction\b|\batomic(?:ally)?\b|\bor none\b|\ball or nothing\b|\bnever (?:a )?mix\b|\bwhole (?:[\w-]+ ){0,2}version\b|\bcommit together\b/i,
    keepers: [
      "transaction",
      "transactional-outbox",
      "saga",
      "versioned-snapshot",
      "atomic-counter",
      "bounded-quantity-update",
      "bounded-counter",
      "guarded-transition",
      "head-pointer-cas",
      "publish-content-first",
      "completion-barrier",
      "consistent-cut",
      "subject-snapshot",
      "expiry-sweeper",
      "write-ahead-log",
      "token-bucket",
      "consensus-replication",
      "max-update",
    ],
  },
  {
    // a state changed only through a check of what it holds now
    kind: "guarded-state",
    words:
      /\b(?:changes? state|moves?|transitions?|applies)\b[^.;]{0,40}\bonly (?:through|by|if|when)\b|\bguarded by\b|\bonly (?:if|when) (?:[\w-]+ ){0,4}(?:still|equals|is free|matches)\b/i,
    keepers: [
      "guarded-transition",
      "version-check",
      "versioned-overwrite",
      "transaction",
      "bounded-quantity-update",
      "bounded-counter",
      "head-pointer-cas",
      "max-update",
      "expiry-sweeper",
      "claim-run",
      "exclusive-claim",
      "owner-sequenced-bid",
      "completion-barrier",
    ],
  },
  {
    // a copy or an answer at most so far behind its source
    kind: "staleness",
    words:
      /\bwithin (?:the )?freshness bound\b|\b(?:more than|past) (?:[\w-]+ ){0,4}(?:old|older|behind|stale)\b|\bserved stale\b|\bserves? (?:a |the )?cached copy\b[^.;]{0,60}\bbefore\b|\bpast its expiry\b|\bold (?:value|copy|version) for (?:at most|no longer than)\b|\bwithin (?:a|an|one|\d[\w.]*) (?:[\w-]+ )?(?:seconds?|minutes?|hours?|ms|milliseconds?)\b/i,
    keepers: [
      "ttl-expiry",
      "cache-invalidation",
      "watch-stream",
      "projector-checkpoint",
      "versioned-snapshot",
      "leader-read",
      "version-check",
      "gossip-dissemination",
      "heartbeat-renewal",
      "expiry-sweeper",
      "reconciliation-loop",
      "transactional-outbox",
      "consensus-replication",
    ],
  },
  {
    // admissions held under a rate or a budget in a window
    kind: "rate",
    words:
      /\b(?:admits|uses?|spends?) (?:at most|no more than|more than)\b|\bbudgets?\b|\bquotas?\b|\brate limit\w*\b/i,
    keepers: ["token-bucket", "atomic-counter", "bounded-counter", "concurrency-slots", "load-shedding"],
  },
  {
    // a stock, a count of holders or what runs at once held under a bound (never oversold, never negative)
    kind: "bound",
    words:
      /\bmore (?:[\w-]+ ){0,3}than (?:exist|there are|are in stock|are available|the stock)\b|\boversell\w*\b|\b(?:goes|go|went) negative\b|\bbelow zero\b|\b(?:sees?|holds?|runs?) (?:at most|no more than|more than) (?:\d|one|two|three|half)/i,
    keepers: [
      "bounded-quantity-update",
      "bounded-counter",
      "capped-holder-count",
      "concurrency-slots",
      "guarded-transition",
      "transaction",
      "atomic-counter",
      "token-bucket",
      "load-shedding",
    ],
  },
  {
    // work a crashed holder leaves is taken up again once its lease lapses
    kind: "recovery",
    words:
      /\bre-?queue\w*\b|\blapses?\b[^.;]{0,40}\b(?:re-?queue\w*|taken|takes? over|handed)\b|\btakes? over only after\b/i,
    keepers: [
      "expiry-sweeper",
      "lease",
      "heartbeat-renewal",
      "claim-run",
      "retry-dead-letter",
      "reconciliation-loop",
      "leader-election",
      "ttl-expiry",
    ],
  },
  {
    // requests go only to healthy, serving backends
    kind: "health",
    words: /\b(?:ejected|draining|unhealthy|healthy (?:active )?backends?|fails? (?:its )?health checks?)\b/i,
    keepers: [
      "health-checked-selection",
      "outlier-ejection",
      "watch-stream",
      "versioned-snapshot",
      "load-shedding",
      "heartbeat-renewal",
      "staged-rollout",
    ],
  },
  {
    // a derived copy never decides a write and is rebuilt from the record that is the authority
    kind: "derived",
    words:
      /\bno (?:write|write path)\b[^.;]{0,20}\breads? (?:the |a )?(?:[\w-]+ ){0,2}(?:index|view|projection|board|cache|copy|document)\b|\bonly authority\b|\bnever originates?\b|\brebuilt from\b/i,
    keepers: [
      "replay-rebuild",
      "derived-view-read",
      "projector-checkpoint",
      "cache-invalidation",
      "ttl-expiry",
      "request-coalescing",
      "subject-snapshot",
    ],
  },
  {
    // a delete that stays a delete, or what is kept or dropped
    kind: "deletion",
    words:
      /\bdeleted\b[^.;]{0,20}\bstays?\b|\btombstones?\b|\bresurrect\w*\b|\bretention\b|\bretain\w*\b|\blog start offset\b/i,
    // (a record that lapses by its time to live at the end of its retention is deleted by the expiry itself)
    keepers: [
      "tombstones",
      "log-compaction",
      "reference-gc",
      "rollup-downsampling",
      "anti-entropy-repair",
      "ttl-expiry",
    ],
  },
];

/**
 * The kinds only their own keepers keep, whatever other kind the rule is also of: a rule that names its outbox is the
 * outbox's ("an outbox entry written once per device token, in the transaction that records the fan-out" is no run
 * claim's to keep, though it says "once").
 */
export const SOLE_KINDS: ReadonlySet<KeptKind> = new Set<KeptKind>(["outbox"]);

/** The kinds a rule is of, most specific first; its first sentence is read (a later one only explains it). */
export function keptKinds(statement: string): readonly KeptKind[] {
  let kinds = KINDS_OF.get(statement);
  if (kinds === undefined) {
    const first = /^.*?[.!?](?=\s|$)/.exec(statement)?.[0] ?? statement;
    kinds = KEPT_KINDS.filter((k) => k.words.test(first)).map((k) => k.kind);
    if (KINDS_OF.size >= 4096) KINDS_OF.clear();
    KINDS_OF.set(statement, kinds);
  }
  return kinds;
}
const KINDS_OF = new Map<string, readonly KeptKind[]>();

/**
 * The catalogue's mechanisms that keep no kind of rule by their own action (they serve an operation: a replica
 * shipped asynchronously, a batcher, an autoscaler, a last-writer-wins overwrite): a rule is never theirs to keep.
 */
const KEEPS_NO_KIND: ReadonlySet<string> = new Set([
  "lww-overwrite",
  "order-statistic-index",
  "partition-top-k-merge",
  "sync-standby-replication",
  "async-replication",
  "selective-forwarding",
  "deadline-fanout",
  "sandbox-isolation",
  "dynamic-batching",
  "autoscaling",
]);

const KEEPERS_OF: ReadonlyMap<KeptKind, ReadonlySet<string>> = new Map(
  KEPT_KINDS.map((k) => [k.kind, new Set<string>(k.keepers)]),
);

/** Every mechanism some kind lists as its keeper. */
const LISTED: ReadonlySet<string> = new Set(KEPT_KINDS.flatMap((k) => k.keepers as readonly string[]));

/**
 * How well a mechanism keeps a rule by what it does: the rank of the rule's most specific kind it keeps (0 best),
 * `undefined` when the rule is of kinds the mechanism keeps none of (it must not be named as the rule's keeper), and
 * `Infinity` when the rule is of no kind read here (nothing is known either way).
 */
export function keepRank(mechanismId: string, statement: string): number | undefined {
  const all = keptKinds(statement);
  if (all.length === 0) return Number.POSITIVE_INFINITY;
  // a mechanism no kind lists and not known to keep none (one just added to the catalogue) is not judged here
  if (!LISTED.has(mechanismId) && !KEEPS_NO_KIND.has(mechanismId)) return Number.POSITIVE_INFINITY;
  const sole = all.find((k) => SOLE_KINDS.has(k));
  const kinds = sole ? [sole] : all;
  const i = kinds.findIndex((k) => KEEPERS_OF.get(k)?.has(mechanismId));
  return i < 0 ? undefined : i;
}

/** Whether a mechanism may be named as a rule's keeper: it keeps a kind the rule is of, or the rule is of no kind. */
export const keepsKind = (mechanismId: string, statement: string): boolean =>
  keepRank(mechanismId, statement) !== undefined;

/** The mechanisms that keep a rule's most specific kind, for saying what would keep a rule the design leaves unkept. */
export function wouldKeep(statement: string): readonly MechanismId[] {
  const kind = keptKinds(statement)[0];
  return kind === undefined ? [] : (KEPT_KINDS.find((k) => k.kind === kind)?.keepers ?? []);
}

/**
 * The kinds a rule may state of a design as a whole rather than of one record (what every reader sees, how many lead
 * at once, what survives a crash, one order): kept by the mechanism of the write the rule sits on though that write
 * names none of its words ("two readers never see different answers" on a consensus log's write).
 */
export const WHOLE_DESIGN_KINDS: ReadonlySet<KeptKind> = new Set<KeptKind>([
  "agreement",
  "one-holder",
  "replicated-ack",
  "durable",
  "order",
]);

/** Whether the kinds a mechanism keeps are known here: some kind lists it, or it is known to keep none. */
export const kindsKnown = (mechanismId: string): boolean => LISTED.has(mechanismId) || KEEPS_NO_KIND.has(mechanismId);
