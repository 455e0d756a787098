/**
 * Word patterns the predicate rules, the companion gates and the coherence check share: what a prompt's
 * operations and invariants must say for a write to change several records, check a token, or delete.
 * One place, so the rule that adds a mechanism and the check that re-tests it read the same words.
 */
import { entityWords } from "./words.js";

/** A write that a fencing token protects: the protected store compares the holder's token or attempt. */
export const TOKEN_CHECKING_WRITE =
  /\b(only (if|when|from|under)|accepted only|at least)\b[^.;]*\b(tokens?|epoch|attempt number|claimed_by|fenc\w*|term|chunk version|lease version)\b|\b(tokens?|epoch|claimed_by|fenc\w*)\b[^.;]*\b(still match\w*|is at least|is current)\b/i;
/**
 * Words that put the whole system on one machine (a single-node or embedded engine, "on one SSD"): no replica exists,
 * so a write that must never be lost is kept by its log record synced to the disk before the acknowledgement.
 */
export const ONE_MACHINE =
  /\b(?:single[- ](?:node|machine|server|process|host|disk|ssd)|(?:on|to) (?:one|a single) (?:machine|server|node|host|disk|ssd|nvme(?: drive)?)|embedded (?:key[- ]value |kv )?(?:stores?|databases?|engines?|librar(?:y|ies))|in[- ]process (?:stores?|databases?|engines?))\b/i;
/** Words for a delete. */
export const DELETES = /\b(delet\w*|remov\w*|purg\w*|unpublish\w*|tombstone\w*|retract\w*|unfollow\w*|unfriend\w*)\b/i;
/** Housekeeping deletes (retention, compaction, draining) that no derived copy needs to learn about. */
export const HOUSEKEEPING = /\b(retention|older than|compact\w*|garbage|unreferenced|drain\w*|snapshot)\b/i;
/** Words for one write that changes several records ("card transaction", "each transaction", "transaction id" name a business transaction, not a database one). */
export const MULTI_OBJECT_WRITE =
  /\b((?<!\b(?:card|payment|no|each|every|the|a) )transactions?(?! ids?\b)|in (?:a|the) transaction|together|all or nothing|(same|one) (local )?transaction|atomically across|across (several|many|multiple) (keys|records|rows|objects)|both \w+ and|outbox|double[- ]entry|debit\w* and credit\w*)\b/i;

/** The operation shapes that only read. */
export const isWrite = (o: { operation: string }) => o.operation !== "read source" && o.operation !== "read projection";

/** The grant, renewal and expiry of a lease or claim are bookkeeping; the protected resource is elsewhere. */
export const isLeaseBookkeeping = (o: { entity: string }) =>
  /\b(lease|claim|lock|heartbeat|keepalive|vote|election)\b/i.test(`${o.entity} ${entityWords(o.entity)}`);

/**
 * An invariant that lets a value only rise (a player's best score, a high-water mark): a lower write changes
 * nothing, so a newer write may not simply replace an older one.
 */
export const RISES_ONLY =
  /\b(only ever (rises|grows|increases|goes up)|never (decreases|falls|goes down|lowers (?:a|the|its) (?:score|value|count|best))|max-only|a (submission|write|value) below the stored (best|maximum) changes nothing)\b/i;

/** An invariant that refuses a write made from an old read: a version or compare-and-set guard. */
export const REFUSES_STALE =
  /\b(conditional write|compare-and-set|version (still )?(equals|matches)|never dropped unnoticed|if-match)\b/i;

/**
 * A stance reason that promises a repeat (an item fires twice, a record is redelivered): never said beside a stated
 * at-most-once delivery (engine/fields/nfrs.ts re-derives the reason; coherence `stance-against-delivery`).
 */
/** Words of a stated durability that promise no loss at all ('no photo is ever lost', 'zero data loss', 'never lose'). */
export const LOSS_WORDS = /\blos[et]\b|\bloss\b|\blost\b/i;

export const REPEAT_PROMISE = /\b(?:twice|again|redeliver(?:s|ed|y)?|duplicates?|at least once|more than once)\b/i;

/**
 * A reason that says how a repeat is absorbed into one effect ('so it happens once in effect where the receiver honours
 * the key', 'consumers de-duplicate'): it agrees with a stated exactly-once, which is at-least-once plus that.
 */
export const ONCE_IN_EFFECT = /\bonce in effect\b|\beffectively once\b|\bde-?duplicat\w*/i;

/**
 * Whether a reason promises a repeat that a stated delivery rules out: at most once rules out any; exactly once only one
 * the reason does not absorb into one effect (ONCE_IN_EFFECT).
 */
export function repeatAgainst(text: string, delivery: string): RegExpExecArray | undefined {
  if (delivery !== "at-most-once" && delivery !== "exactly-once") return undefined;
  if (delivery === "exactly-once" && ONCE_IN_EFFECT.test(text)) return undefined;
  return promisesRepeat(text);
}

/**
 * Whether a reason promises a repeat: a clause in REPEAT_PROMISE's words that no negation turns into a refusal ('a due
 * item may fire a little late or twice' does; 'refused rather than answered twice', 'money moved twice cannot be taken
 * back', 'decide whether a card is charged again', 'could hit a site twice at once' and the prompt's own quoted words,
 * 'never run twice', do not).
 */
export function promisesRepeat(text: string): RegExpExecArray | undefined {
  const own = text.replace(/(?<![A-Za-z0-9])'[^']*'(?![A-Za-z])/g, "");
  for (const clause of own.split(/[,;:()]|\bbut\b/)) {
    const m = REPEAT_PROMISE.exec(clause);
    // a repeat asked about ('decide whether a card is charged again'), named as the risk a stance avoids ('rather
    // than risk charging twice'), or two at the same moment ('hit a site twice at once') is not a repeat promised
    if (!m || /\btwice at once\b/i.test(clause)) continue;
    if (!/\b(?:never|not|no|cannot|rather than|without|refus\w*|whether|risk(?:s|ing)?)\b|n't\b/i.test(clause))
      return m;
  }
  return undefined;
}

/**
 * Words that say people keep editing or writing while disconnected and their changes merge later ('offline edits
 * merged on reconnect', 'works offline and syncs later', 'edits made without a connection', 'keeps editing on a plane
 * without internet', 'changes merge when they reconnect', 'adding items at once, sometimes offline'): a central
 * sequencer cannot be in the path of such a write, so a decision's option that merges without one wins (read as the
 * `words` of a decision condition). A node or region that goes offline, or a player who drops and reconnects to
 * catch up, is not this.
 */
export const OFFLINE_EDITS = String.raw`\boffline (?:edit\w*|changes?|writes?|mode|use|support|first|work)\b|\b(?:edit(?:s|ed|ing)?|changes?|writes?|works?|working|us(?:e|ed|ing))\b(?: \w+){0,3} (?:while |when )?offline\b|\b(?:edit(?:s|ed|ing)?|changes?|writes?|works?|working|made|us(?:e|ed|ing))\b(?: \w+){0,4} without (?:a |an |any )?(?:(?:network|internet|data) )?(?:connection|connectivity|network|internet|signal|wi-?fi|reception)\b|\bsyncs? (?:up )?(?:later|afterwards|when (?:back )?online|on reconnect\w*)\b|\bmerged? (?:\w+ )?on reconnect\w*\b|\b(?:merg|sync)\w*\b(?: \w+){0,3} (?:when|once|after) (?:\w+ ){0,2}(?:reconnects?|reconnected|reconnecting|(?:is|are|comes?|gets?|goes|go) back online)\b|\b(?:edit|add|tick|chang|writ|modif|updat)\w*\b[^.;?!]{0,60}\b(?:sometimes|some of them|occasionally|often|even) offline\b|\boffline (?:(?!and |or |but |then |so )\w+ ){1,2}(?:edit(?:s|ed)?|change[sd]?|writes?|modif(?:y|ies|ied))\b(?! (?:status|state|flag))|\b(?:edit(?:s|ed|ing)?|changes?|writes?|works?|working)\b(?: \w+){0,3} (?:while|when) disconnected\b|\blocal[- ]first\b`;

/**
 * A rule that makes several records change together: "in the same transaction", "in one write", "atomically". Every
 * record such a rule names must sit in one partition of its store, or the rule needs a cross-partition mechanism.
 */
export const ONE_TRANSACTION =
  /\b(?:(?:the )?same|one|a single|one local) (?:local )?(?:transaction|write|shard write)\b|\batomically\b/i;

/**
 * A step that keeps a rule across partitions on purpose: a claim row written first and released by compensation, a
 * transaction that spans partitions (two-phase commit, a multi-item transaction), or an orchestrated compensation.
 */
export const CROSS_PARTITION_STEP =
  /\bcompensat\w*|\btwo-phase commit\b|\bmulti-item transaction\b|\bcross-partition transaction\b|\bTransactWriteItems\b/i;

/**
 * Words that forbid acting before a stored time ("delivered within 1 second of its time and never before it", "a Run
 * never starts before its due_at", "no earlier than the scheduled time"): the clock line then says drift may only
 * make a release late, and a default stance that tolerates firing early contradicts it (coherence
 * `stance-contradicts-clause`).
 */
export const NEVER_EARLY = String.raw`\bnever (?:\w+ ){0,3}(?:before|early|ahead of)\b|\bnot (?:\w+ ){0,2}(?:before|early)\b(?= (?:it|its|the|their|a|an)\b)|\bno earlier than\b|\bnever too early\b`;
/** A clock line that lets a due item fire early by the drift (the default stance of a due-time release). */
export const TOLERATES_EARLY = String.raw`\bearly\b[^;.]{0,40}\btolerated\b`;

/**
 * A count or tally the prompt says must never take one event twice ("each donation is added to the total exactly once",
 * "no car may ever be counted twice", "without double counting"): the counting decisions read it as a stated
 * exactly-once rule over the counted events, which a short dedupe window and an accepted over-count break.
 * Said of a counted or applied event, not of a delivery ("sent twice" is the delivery NFR's).
 */
export const NEVER_COUNTED_TWICE = String.raw`\bexactly[- ]once\b|\b(?:count|tall|add|credit|record|appl|tabulat)(?:ed|ied|y|s)?\b(?: \w+){0,3} (?:twice|more than once)\b|\b(?:counted|tallied|credited) (?:only |just )?once\b|\b(?:no|never|without|avoid\w*|prevent\w*) (?:any )?(?:double|duplicate)[- ]count\w*|\bdouble[- ]count\w* (?:is|are|must|may) (?:never|not)\b`;

/** Words that accept a repeat in a count ("a view may be counted twice", "double counting is fine"): no exactly-once rule. */
export const REPEAT_ACCEPTED = String.raw`(?<!\bno \w+ )(?<!\bno \w+ \w+ )\b(?:may|can|might|could) (?:sometimes |occasionally |rarely |still |also )?be (?:counted|tallied|added|recorded) (?:twice|more than once)\b|\b(?:double|duplicate|over)[- ]?count\w* (?:is|are) (?:ok|okay|fine|acceptable|tolerable|tolerated)\b|\bsmall over-?counts?\b|\bat[- ]least[- ]once\b`;

/**
 * A session or match the prompt says outlives the server it runs on ("a match must survive its server crashing",
 * "keeps running when any single server fails", "players carry on after a host dies"): its state must live off that
 * one host (checkpoints or a replica), not end with it.
 */
export const OUTLIVES_ITS_SERVER = String.raw`\bsurviv\w*\b(?: \w+){0,3} (?:server|host|node|machine|instance)s?\b(?: (?:crash\w*|fail\w*|loss|dy\w*|going down|restart\w*|outages?))?|\b(?:keeps?|kept|keeping|stays?|continues?|carr(?:y|ies) on|goes on|go on|lives? on|not (?:end|stop|be lost))\b[^.;]{0,50}\b(?:when|if|after|through|despite|even if|even when)\b(?: \w+){0,3} (?:server|host|node|machine|instance)s? (?:fails?|failures?|crash\w*|dies|die|goes down|go down|is lost|are lost|restarts?)\b|\b(?:any|a) (?:single|one) (?:server|host|node|machine)(?: \w+){0,2} (?:fails?|crash\w*|dies|goes down)\b`;

/**
 * A writer who must see their own change at once ("a user always sees their own write right after", "shoppers see
 * their own review immediately after posting it"): read-your-writes said in the prompt's own words, which a copy fed
 * asynchronously breaks unless the writer's reads go to the source.
 */
export const SEES_OWN_WRITE = String.raw`\bread[- ](?:your|my|their)[- ](?:own[- ])?writes?\b|\b(?:sees?|seeing|reads?|reading|gets?|finds?|views?)\b (?:\w+ ){0,2}(?:their|his|her|its|my|your|our) own (?:\w+ ){0,5}?(?:right (?:away|after)|immediately|at once|straight away|instantly|as soon as|the moment)\b|\bown (?:\w+ ){0,2}(?:visible|shows?|appears?|show up|shows up) (?:to (?:them|him|her|the (?:\w+ )?(?:author|writer|poster|user|sender)) )?(?:right (?:away|after)|immediately|at once|instantly)\b`;

/**
 * Writes the prompt says are taken while replicas or regions are cut off ("any region must accept writes during a
 * partition", "writes must always be accepted"): stay-available said in its own words, for a replication choice.
 */
export const WRITES_THROUGH_PARTITION = String.raw`\b(?:accept|accepts|accepting|take|takes|taking)\b (?:\w+ ){0,2}writes?\b(?: \w+){0,3} (?:during|through|despite|under|in) (?:a |any |the )?(?:network )?partitions?\b|\bwrites? (?:must|should|have to) (?:always )?be (?:accepted|taken)\b(?: \w+){0,3} (?:during|through|despite|even (?:during|when|if)|when)\b|\b(?:always|never refuse|never reject)\w* (?:\w+ )?writes?\b(?: \w+){0,3} (?:during|through|despite|even (?:during|when|if)) (?:a |any |the )?(?:network )?partitions?\b`;
