import { cannotKeep } from "./cannot-keep.js";
import type { MechanismId } from "./catalog.js";
import { keepsKind } from "./rule-kinds.js";

/**
 * Rules only some mechanisms can keep, by what the mechanism does rather than by the words it shares with the rule.
 * A retry rule ("a retried request takes effect once", "every retry of a call carries the same effect id") is kept
 * by what recognises the repeat: a stored request id, an applied-id set, a receiver keyed by a stable id, or a
 * create that finds the key already there (a name that is a hash of the bytes). A lease, a renewal, an expiry, an
 * ordering key, a replication protocol or an outbox keeps no such rule, however many words of the retried
 * operation its reason repeats: a lease keeps one live holder, a renewal detects failure, an expiry frees what
 * lapsed, an outbox ties an effect's intent to the state change. Own words.
 */
export const REPEAT_KEEPERS: ReadonlySet<MechanismId> = new Set<MechanismId>([
  "idempotency-key",
  "dedup-window",
  "idempotent-receiver",
  "put-if-absent",
  "content-addressing",
  // an update applied only if newer than what the row holds: a repeat carries the same order and changes nothing
  "ordered-apply",
  // a score raised only to the larger of the stored and the sent value: the same update applied again changes nothing
  "max-update",
]);

/** Where a rule's lead clause ends: its first colon, semicolon or sentence end, or a comma before a new clause. */
const LEAD_END = /[:;]|\.(?:\s|$)|,\s+(?:and|but|so|while|no matter)\b/;

/** A retry or a repeat named as the subject of a rule's lead clause. */
const REPEAT_LEAD = /\b(?:retried|retry|retries|redeliver\w*|resent|resubmit\w*|repeated)\b/i;

/**
 * Whether a rule is a retry rule: its lead clause (before the colon that explains it) is about a retried or
 * redelivered request ("A retried 'hold a seat' takes effect once: …", "Every retry of an OutboxEntry's external
 * call carries the same effect id: …"). A rule whose lead is about something else and mentions a retry only in
 * its explanation ("A follow edge exists at most once …: a retried follow never duplicates it") is not.
 */
export function isRetryRule(statement: string): boolean {
  let retry = RETRY_RULES.get(statement);
  if (retry === undefined) {
    const end = LEAD_END.exec(statement);
    retry = REPEAT_LEAD.test(end ? statement.slice(0, end.index) : statement);
    if (RETRY_RULES.size >= 4096) RETRY_RULES.clear();
    RETRY_RULES.set(statement, retry);
  }
  return retry;
}

/** A rule's lead clause: the words before its first colon, semicolon or sentence end (`LEAD_END`). */
function leadOf(statement: string): string {
  const end = LEAD_END.exec(statement);
  return end ? statement.slice(0, end.index) : statement;
}

/** isRetryRule's answers by statement: a design asks it of every rule for each of its mechanisms. Bounded. */
const RETRY_RULES = new Map<string, boolean>();

/**
 * The mechanisms that do nothing but recognise a repeat: a rule they keep is one about a repeat (a retried request,
 * a redelivered event, something applied at most once or never twice), never a lease's token or a log's commit
 * rule that merely shares a word with the operation they guard.
 */
const REPEAT_ONLY: ReadonlySet<MechanismId> = new Set<MechanismId>([
  "idempotency-key",
  "dedup-window",
  "idempotent-receiver",
]);

/**
 * A caller's idempotency key keeps a rule whose lead is about a repeat ("at most once", "a retried request takes
 * effect once"), never one whose lead is another property ("an acknowledged event is never lost") that only says in
 * its explanation that consumers tolerate a redelivery: that part is the consumers' dedup, not the caller's key.
 */
const LEAD_REPEAT: ReadonlySet<MechanismId> = new Set<MechanismId>(["idempotency-key"]);

/** The words of a rule about a repeat. */
const ABOUT_REPEATS =
  /\b(?:at most once|takes? effect once|once per|twice|duplicat\w*|resubmit\w*|retried|retry|retries|redeliver\w*|more than once|delivered again|repeats?|second \w+ (?:change|copy|effect))\b/i;

/**
 * The mechanisms that do nothing but keep one order per key: every write of a key goes through the one partition
 * (or worker) that owns it, so its writes apply in one order. A rule they keep is about an order or about one owner
 * per key, never a charge taken once, a lease's holder or an id never reused that merely shares the word "key".
 */
const ORDER_ONLY: ReadonlySet<MechanismId> = new Set<MechanismId>(["partition-key-ordering"]);

/** The words of a rule about an order, or about one owner that writes a key (what per-key ordering keeps). */
const ABOUT_ORDER =
  /\b(?:in (?:[\w-]+ ){0,2}order|(?:same|one|agreed|that|whatever) order|ordered|out-of-order|sequence numbers?|prefix of|exactly one (?:[\w-]+ ){0,3}(?:accepts writes|partition|worker|writer))\b/i;

/**
 * Mechanisms that keep only one kind of rule, the kind their own action makes true, with the words of that kind:
 * - a create that finds its key already there keeps a rule that something exists once (at most one per key, no
 *   two sharing a name, an id never reused or rewritten), never an order or a count its operation's words name
 *   ("create a topic with its partition count" keeps nothing about which partition a key lands in);
 * - log compaction or retention keeps a rule about what is kept, dropped or compacted (a source block deleted only
 *   after its compacted copy is durable), never a key's partition or order;
 * - an expiry sweeper with guarded release keeps a rule about a holder, a claim or what an expiry frees, never a
 *   version check, a state that replicas converge on or a cached copy's system of record;
 * - last-writer-wins keeps a rule about which of two writes of one key survives (the newest, the latest, what
 *   replicas converge on), never that something lands once or never twice: it drops the older of two writes, so a
 *   second copy under another key stays.
 * Own words.
 */
/**
 * The words of a rule an outbox keeps: an effect or event recorded with (committed in the transaction of) the change
 * that requires it, published or sent only once that change commits, and not lost after it.
 */
const OUTBOX_RULE =
  /\b(?:outbox\w*|committed|commits?|(?:same|one) (?:local )?transaction|never lost|not lost|intended|intent|recorded as|published (?:only )?(?:if|when|once|after)|(?:is|are) (?:published|emitted|relayed))\b/i;

const KEEPS_ONLY: Readonly<Partial<Record<MechanismId, RegExp>>> = {
  "partition-key-ordering": ABOUT_ORDER,
  "put-if-absent":
    /\b(?:at most (?:once|one)|exactly one|only one|no two|one live|unique\w*|twice|duplicat\w*|collision\w*|exists? (?:at most )?once|once handed out|never (?:reused|rewritten|overwritten|changed|duplicat\w*)|yields? at most|takes? effect once|once per|retried)\b/i,
  "log-compaction":
    /\b(?:retain\w*|retention|compact\w*|delet\w*|purg\w*|tombstone\w*|garbage|log start offset|latest value)\b/i,
  "lww-overwrite":
    /\b(?:newest|newer|latest|older|last[- ]writ\w*|last (?:value|one)|\w+ed last|most recent|overwrit\w*|converg\w*|timestamps?|clocks?|wins?|stale)\b/i,
  "expiry-sweeper":
    /\b(?:at most one|only the holder|holders?|lease\w*|expir\w*|unexpired|lapse\w*|releas\w*|claim\w*|ephemeral|alive)\b/i,
  // an outbox writes the intent to publish in the transaction of the change that requires it, and a relay sends what
  // committed: it keeps "published (or sent) exactly when the write commits, never lost after it", never that a
  // reader sees something once (a repeat is the receiver's or the set key's to drop)
  "transactional-outbox": OUTBOX_RULE,
  // a lease keeps one live holder of a resource for a bounded time, never a mapping from a key to a record
  lease:
    /\b(?:holders?|holding|lease\w*|owner\w*|owning|owns|exclusiv\w*|fenc\w*|tokens?|lapse\w*|expir\w*|renew\w*|at most one|only one|one at a time|one (?:[\w-]+ )?(?:leader|writer|worker|runner|evaluator|member|master|scheduler|try)|in flight|deposed|paused)\b/i,
};

/**
 * Whether a mechanism can keep a rule, judged by what it does: never a kind of rule its action cannot make true
 * (`CANNOT_KEEP`), only a repeat keeper keeps a retry rule, a
 * mechanism that only recognises repeats keeps only a rule about a repeat, and one that keeps one kind of rule
 * (`KEEPS_ONLY`: per-key ordering an order or a key's one owner, a create-if-absent one existence) keeps only that kind.
 */
export function canKeep(mechanismId: string, statement: string): boolean {
  let answers = CAN_KEEP.get(mechanismId);
  if (answers === undefined) {
    answers = new Map();
    CAN_KEEP.set(mechanismId, answers);
  }
  let can = answers.get(statement);
  if (can === undefined) {
    can = canKeepAfresh(mechanismId, statement);
    if (answers.size >= 4096) answers.clear();
    answers.set(statement, can);
  }
  return can;
}

/** canKeep's answers by mechanism and statement: a design asks it of every rule for each of its mechanisms. Bounded. */
const CAN_KEEP = new Map<string, Map<string, boolean>>();

function canKeepAfresh(mechanismId: string, statement: string): boolean {
  // a kind of rule the mechanism's own action cannot make true (last-writer-wins beside "no older version is ever
  // returned": knowledge/mechanisms/cannot-keep.ts)
  if (cannotKeep(mechanismId, statement)) return false;
  // a rule of kinds the mechanism keeps none of (a replica read beside "entries apply in index order"): rule-kinds.ts
  if (!keepsKind(mechanismId, statement)) return false;
  const only = KEEPS_ONLY[mechanismId as MechanismId];
  if (only && !only.test(statement)) return false;
  if (ORDER_ONLY.has(mechanismId as MechanismId)) return true;
  if (isRetryRule(statement)) return REPEAT_KEEPERS.has(mechanismId as MechanismId);
  if (!REPEAT_ONLY.has(mechanismId as MechanismId)) return true;
  const lead = leadOf(statement);
  if (LEAD_REPEAT.has(mechanismId as MechanismId) && /\b(?:lost|loss|lose)\b/i.test(lead) && !ABOUT_REPEATS.test(lead))
    return false;
  return ABOUT_REPEATS.test(statement);
}

/**
 * Mechanisms that keep one live holder of a resource and free what lapses (a lease, an expiry, a sweeper, a claim):
 * among the rules they may keep, one about how many may hold at once or what an expiry frees comes first, before a
 * rule that only shares the guarded operation's words (a token's monotonicity is the fencing token's rule).
 */
const HOLDER_KEEPERS: ReadonlySet<MechanismId> = new Set<MechanismId>([
  "lease",
  "ttl-expiry",
  "expiry-sweeper",
  "range-lease",
  "claim-run",
]);

/** The words of a rule about one live holder, or about what an expiry frees. */
const HOLDER_RULE = /\bat most one\b(?! \w+ per \w+ number)|\bexpir(?:ed|y|es)\b[^.;:]*\bfree(?:s|d)?\b/i;

/** Whether a rule is one a mechanism keeps first by what it does (a lease: at most one live holder). */
export function keepsFirst(mechanismId: string, statement: string): boolean {
  return HOLDER_KEEPERS.has(mechanismId as MechanismId) && HOLDER_RULE.test(statement);
}
