/**
 * What a stated guarantee's keeper needs in each section of a design, by the guarantee's kind (engine/stated-clauses.ts
 * `ClauseKind`): the columns and index of the record that holds the guard, the fields the call that writes it carries,
 * the error it answers when the guard refuses, and the check drawn at the record's owner before it acknowledges.
 * Read by engine/stated-guards.ts, which fills in the prompt's own nouns.
 */

/** The prompt's nouns a guard is said in: the thing, its column stem, the holder and the party, where they apply. */
export interface GuardNouns {
  /** The thing the rule constrains ("spot", "contract", "connection"). */
  thing: string;
  /** The thing as a column stem ("spot" → spot_id). */
  column: string;
  /** The record that holds the guard, as the design names its table ("Booking", "PayoutLine"). */
  record: string;
  /** The column the record already carries for the guard (a run's due_at), when it carries one. */
  present?: string;
  /** A sticky thing's holder ("backend"). */
  holder?: string;
  /** An effect's party ("songwriter") and the effect's record words ("payout"). */
  party?: string;
  effect?: string;
  /** A cap's limit as the prompt words it ("two", "100,000") and what a holder's cap counts ("order"). */
  limit?: string;
  counted?: string;
  /** The party of a use once per party ("customer") and the period of a cap per period ("day"). */
  per?: string;
  period?: string;
  /** The act a use or a cap counts ("redeemed"). */
  act?: string;
  /** One use as a noun ("redemption"). */
  use?: string;
  /** How many things one holder takes at once, where both sides are exclusive ("10"). */
  members?: string;
  /** A total cap's units are held and released (leases), or its counter is escrowed to shards (a hot row). */
  held?: boolean;
  escrow?: boolean;
  /** What a party takes, each with times of its own ("section"), where the party's times never overlap. */
  taken?: string;
  /** The column that orders a forward-only state's updates: the value itself ("version"), else the update's time and
   * tie-break; `ranked` where the state is a step of a forward lifecycle (a status), `events` the updates ("scan"). */
  order?: string;
  ranked?: boolean;
  events?: string;
  /** A bounded quantity's column ("balance"), the bound's column or figure ("exposure_limit", "0"), its side. */
  quantity?: string;
  bound?: string;
  side?: "floor" | "ceiling";
  /**
   * The key columns of the row that holds a bounded quantity, where that row is keyed by its own columns (a stock row
   * by location_id and item_id) rather than by the thing's id: the guard is said on them, never on a `<thing>_id`.
   */
  keys?: readonly string[];
  /** A one-holder claim the prompt treats as lasting ownership: it carries no lease deadline. */
  lasting?: boolean;
}

/** One kind's guard in each section. */
export interface GuardShape {
  /** Columns the guarded record carries (added where its row lacks them). */
  fields: (n: GuardNouns) => string[];
  /** Whether the guard lives on the record the rule's write writes (a release gate on the run it releases) before
   * the record named for the thing (a post's schedule). */
  onWrite?: boolean;
  /** A column the record may already carry for the guard (a run's due_at is its not-before time): none is added then. */
  present?: RegExp;
  /** The index or constraint that makes the check one step at the owner. */
  index: (n: GuardNouns) => string;
  /** The key of a record of the guard's own, where the kind keeps one (an effect line, a connection entry). */
  ownKey?: (n: GuardNouns) => string[];
  /** Request fields of the call that writes the guarded record; `drops` are the fields, errors and clauses of a
   * drawn check the guard replaces (a create-only put names no expected version). */
  request: (n: GuardNouns) => string[];
  drops?: RegExp;
  /** The error the call answers when the guard refuses. */
  error: (n: GuardNouns) => string;
  /** The call's guarantee, said with the guard. */
  guarantee: (n: GuardNouns) => string;
  /** The check drawn at the record's owner before it acknowledges the write. */
  check: (n: GuardNouns) => string;
  /** A drawn check that already says the guard ("connection tracked or hash of the 5-tuple"): nothing is added. */
  drawn?: RegExp;
  /** The words of a call or a protocol step that writes the guarded record ("hold", "book", "create"). */
  writes: RegExp;
}

/** An effect's record as a ledger line ("payout" → payout line; "billing line" stays). */
const line = (effect: string | undefined) =>
  effect === undefined ? "effect line" : /\bline$/.test(effect) ? effect : `${effect} line`;
const an = (w: string) => (/^[aeiou]/i.test(w) ? "an" : "a");

const snake = (w: string) => w.toLowerCase().replace(/[^a-z0-9]+/g, "_");
/** The key of a use once (per party): the thing, and the party where the rule is once per party. */
const useKey = (n: GuardNouns) => [`${n.column}_id`, ...(n.per ? [`${snake(n.per)}_id`] : [])];

export const GUARD_SHAPES: Readonly<
  Record<
    | "immutable"
    | "interval"
    | "sticky"
    | "not-before"
    | "effect-once"
    | "one-holder"
    | "once-only"
    | "holder-cap"
    | "total-cap"
    | "party-overlap"
    | "forward-only"
    | "quantity-bound",
    GuardShape
  >
> = {
  "one-holder": {
    fields: (n) => [
      "state",
      `${snake(n.holder ?? "holder")}_id`,
      "claim_version",
      ...(n.lasting ? [] : ["lease_expires_at"]),
    ],
    index: (n) =>
      `${n.column}_id is the ${n.record} row's key: it moves from free to held (${snake(n.holder ?? "holder")}_id set) only while still free, by compare-and-set on claim_version${n.members ? `; a ${n.holder} claims all ${n.members} of its ${n.thing} rows in one transaction` : ""}`,
    request: (n) => [
      n.members ? `${n.column}_ids` : `${n.column}_id`,
      `${snake(n.holder ?? "holder")}_id`,
      "idempotency_key",
    ],
    error: (n) => `409 the ${n.thing} is already held by another ${n.holder ?? "holder"}`,
    guarantee: (n) =>
      `moves ${n.members ? `every ${n.thing} of the ${n.holder}` : `the ${n.thing}`} from free to held only while still free, in one conditional write${n.members ? " (one transaction, all or none)" : ""}`,
    check: (n) =>
      `${n.members ? `every ${n.record} of the ${n.holder}` : n.record} has no ${snake(n.holder ?? "holder")}_id (free) and claim_version unchanged`,
    writes:
      /\b(?:assign|claim|plac|match|dispatch|giv|hold|book|reserv|join|enrol|allocat|seat|start|accept|acquir|form|creat|lock)\w*|\brun(?:s|ning)?\b/i,
  },
  "once-only": {
    fields: (n) => [...useKey(n), "idempotency_key", "result", "used_at"],
    ownKey: (n) => useKey(n),
    index: (n) =>
      `unique (${useKey(n).join(", ")}): one use per ${n.thing}${n.per ? ` per ${n.per}` : ""}, inserted if absent with the use marked in the same write`,
    request: (n) => ["idempotency_key", ...(n.per ? [`${snake(n.per)}_id`] : [])],
    error: (n) => `409 the ${n.thing} is already ${n.act ?? "used"}${n.per ? ` by this ${n.per}` : ""}`,
    guarantee: (n) =>
      `records the use only if (${useKey(n).join(", ")}) is absent; a retry with the same idempotency_key gets the first result`,
    check: (n) => `no ${n.record} for (${useKey(n).join(", ")}) (insert if absent, marking the use)`,
    writes:
      /\b(?:redeem|use|claim|spend|scan|sell|appl|consum|activat|vot|submit|buy|purchas|check|cash|enter|post|creat|admit)\w*/i,
  },
  "holder-cap": {
    fields: (n) => [
      ...(n.period ? [`${n.column}_id`, `${snake(n.period)}_start`] : []),
      `${snake(n.counted ?? "item")}_count`,
    ],
    ownKey: (n) => [`${n.column}_id`, `${snake(n.period ?? "period")}_start`],
    index: (n) =>
      `${n.period ? `(${n.column}_id, ${snake(n.period)}_start)` : `${n.column}_id`}: ${snake(n.counted ?? "item")}_count is incremented with each ${n.counted ?? "assignment"} only while it stays at or below ${n.limit ?? "the cap"}, in the same atomic write`,
    request: (n) => [`${n.column}_id`, "idempotency_key"],
    error: (n) =>
      n.period
        ? `429 the ${n.thing} has reached its limit of ${n.limit ?? "N"} ${n.counted ?? "item"}s this ${n.period}`
        : `409 the ${n.thing} already holds ${n.limit ?? "N"} ${n.counted ?? "item"}s`,
    guarantee: (n) =>
      `records the ${n.counted ?? "assignment"} only while the ${n.thing}'s count stays at or below ${n.limit ?? "the cap"}, checked and incremented in one write`,
    check: (n) =>
      `${n.record}.${snake(n.counted ?? "item")}_count < ${n.limit ?? "the cap"}, incremented in the same write`,
    writes:
      /\b(?:assign|claim|add|creat|book|reserv|join|enrol|take|accept|hold|borrow|issu|grant|attempt|log|sign|verif|check|offer|dispatch|match|transfer|send|withdraw|pay|redeem)\w*/i,
  },
  "total-cap": {
    fields: (n) =>
      n.held ? ["unit_limit", "live_units", "lease_expires_at"] : ["remaining", ...(n.escrow ? ["escrowed"] : [])],
    index: (n) =>
      n.held
        ? `live_units <= ${n.limit ?? "the cap"}: a unit is a lease taken by a conditional write while fewer are live, reclaimed after its expiry`
        : `remaining >= 0: every ${n.use ?? "take"} is a conditional decrement of remaining, never below zero${n.escrow ? "; blocks of units are escrowed to shards, each granting only from its own block" : ""}`,
    request: (n) => [`${n.column}_id`, "idempotency_key"],
    error: (n) => `409 the limit of ${n.limit ?? "N"} is reached for this ${n.thing}`,
    guarantee: (n) =>
      n.held
        ? `takes a leased unit only while fewer than ${n.limit ?? "the cap"} are live; an expired lease returns its unit`
        : `takes a unit only by a conditional decrement that never goes below zero${n.escrow ? ", from the block escrowed to its shard" : ""}`,
    check: (n) =>
      n.held
        ? `${n.record}.live_units < ${n.limit ?? "the cap"} (expired leases reclaimed)`
        : n.escrow
          ? `the shard's escrowed block of ${n.record}.remaining has a unit left (else a new block from the counter)`
          : `${n.record}.remaining > 0 (conditional decrement, never below zero)`,
    writes:
      /\b(?:redeem|use|claim|sell|buy|book|reserv|take|admit|start|acquir|grant|issu|hold|regist|enrol|allocat|creat|post)\w*/i,
  },
  interval: {
    fields: (n) => [`${n.column}_id`, "starts_at", "ends_at"],
    index: (n) =>
      `exclusion on (${n.column}_id, [starts_at, ends_at)) over live rows: no two live ${n.record} rows of one ${n.thing} overlap`,
    request: (n) => [`${n.column}_id`, "starts_at", "ends_at"],
    error: (n) => `409 the ${n.thing} is already taken for an overlapping interval`,
    guarantee: (n) =>
      `inserted only if no live ${n.record} of the same ${n.thing} overlaps [starts_at, ends_at), checked and written in one step`,
    check: (n) => `no live ${n.record} of this ${n.column}_id overlaps [starts_at, ends_at)`,
    writes: /\b(?:hold|book|reserv|schedul|claim|assign|creat|insert|put|start)\w*/i,
  },
  immutable: {
    fields: () => ["content_hash", "created_at"],
    index: (n) => `${n.column} key unique and written once: create-if-absent, no update path`,
    request: () => ["If-None-Match: * (create only)"],
    drops: /\bexpected_version\b|\bif-match\b|\bversion\b/i,
    error: (n) => `412 ${an(n.thing)} ${n.thing} already exists under this key; it is never overwritten`,
    guarantee: (n) =>
      `creates the ${n.thing} only if its key is absent; a ${n.thing} once written is never changed, and its key is never reused`,
    check: (n) => `no ${n.record} under this key (create only, never overwrite)`,
    writes: /\b(?:put|post|creat|publish|upload|commit|accept|insert|record|releas|sign|fil)\w*/i,
  },
  "not-before": {
    fields: () => ["not_before"],
    onWrite: true,
    present: /^(?:not_before|due_at|release_at|unlock_at|deliver_at|send_at)$/,
    // the release's own "due <= now" is what the gate tightens by the clock's error bound
    drops: /\b(?:not_before|due_at|release_at|unlock_at|deliver_at|send_at)\s*(?:<=|#lt;=)\s*now\s*$/,
    index: (n) => `(${n.present ?? "not_before"}) as the release index: nothing is released before it`,
    // the due time is set where the thing is created; the guard is the release's own check, not a field of a call
    request: () => [],
    error: () => "",
    guarantee: (n) =>
      `each ${n.thing} is released only once the releasing node's clock, less its error bound, has passed not_before`,
    check: (n) => `${n.record}.${n.present ?? "not_before"} <= now - the clock's error bound (never early)`,
    writes: /\b(?:claim|releas|deliver|fire|dispatch|due|poll)\w*/i,
  },
  "effect-once": {
    fields: (n) => ["event_id", `${n.party ?? "party"}_id`, "amount", "input_position", "created_at"],
    ownKey: () => ["event_id"],
    index: (n) => `event_id unique: one ${line(n.effect)} per ${n.thing}, inserted if absent with the input position`,
    request: () => ["event_id"],
    error: (n) => `200 the ${n.effect ?? "effect"} for this event_id is already recorded; nothing is applied again`,
    guarantee: (n) =>
      `one ${line(n.effect)} per ${n.thing} by its event_id, so a replay or a retried call has no second effect`,
    check: (n) => `no ${n.record} for this event_id`,
    writes: /\b(?:pay|bill|charg|credit|debit|invoic|refund|capture|start|post|accept|call|record|appl)\w*/i,
  },
  "party-overlap": {
    // one row per time the party holds: the taken thing's own times, copied in when it is taken
    fields: (n) => [`${snake(n.taken ?? "thing")}_id`, "starts_at", "ends_at"],
    ownKey: (n) => [`${n.column}_id`, "starts_at"],
    index: (n) =>
      `exclusion on (${n.column}_id, [starts_at, ends_at)): no two busy intervals of one ${n.thing} overlap; one row per time of each ${n.taken ?? "thing"} taken, written with the take in one transaction`,
    request: (n) => [`${snake(n.taken ?? "thing")}_id`, `${n.column}_id`, "idempotency_key"],
    error: (n) =>
      `409 the ${n.thing} already has ${an(n.taken ?? "thing")} ${n.taken ?? "thing"} at an overlapping time`,
    guarantee: (n) =>
      `takes the ${n.taken ?? "thing"} only if none of its times overlaps one the ${n.thing} already holds, checked and written in one transaction serialised per ${n.thing}`,
    check: (n) =>
      `no ${n.record} of this ${n.column}_id overlaps any time of the ${n.taken ?? "thing"} (its intervals inserted in the same transaction)`,
    writes:
      /\b(?:enrol|regist|sign|assign|schedul|book|take|join|add|claim|accept|staff|roster|allocat|reserv|plac|creat)\w*/i,
  },
  "forward-only": {
    fields: (n) => (n.order ? [n.order] : [...(n.ranked ? ["status_rank"] : []), "last_event_at", "last_event_seq"]),
    index: (n) =>
      n.order
        ? `${n.column}_id: ${n.order} is set only by a conditional write WHERE ${n.order} < the new ${n.order}, so it never goes down`
        : `${n.column}_id: the current row takes ${n.events ? `a ${n.events}` : "an update"} only if ${n.ranked ? "its status_rank is higher, or equal with " : ""}(event_at, event_seq) above (last_event_at, last_event_seq); every ${n.events ?? "update"} is still appended to the ${n.thing}'s history`,
    request: (n) => (n.order ? [n.order] : ["event_at", "event_seq"]),
    error: (n) =>
      n.order
        ? `409 the ${n.thing} already holds a higher ${n.order}; nothing is lowered`
        : `200 the ${n.events ?? "update"} is kept in the history; the ${n.thing}'s current row already holds a newer one and is left as it is`,
    guarantee: (n) =>
      n.order
        ? `sets the ${n.order} only above the stored one, in one conditional write`
        : `moves the ${n.thing}'s current row only for a newer ${n.events ?? "update"} (by event time, then sequence${n.ranked ? ", never to a lower status rank" : ""}); an older one is recorded but changes nothing`,
    check: (n) =>
      n.order
        ? `${n.record}.${n.order} < the new ${n.order} (conditional write)`
        : `${n.ranked ? `new status_rank >= ${n.record}.status_rank and ` : ""}(event_at, event_seq) > (${n.record}.last_event_at, ${n.record}.last_event_seq), else history only`,
    writes:
      /\b(?:appl|ingest|record|updat|track|consum|process|set|write|report|scan|advanc|mov|post|publish|put|sav|commit)\w*/i,
  },
  "quantity-bound": {
    fields: (n) => [n.quantity ?? "quantity", ...(n.bound && !/^\d/.test(n.bound) ? [n.bound] : [])],
    index: (n) =>
      `${n.keys && n.keys.length > 0 ? `(${n.keys.join(", ")})` : `${n.column}_id`}: ${n.quantity ?? "quantity"} changes only by a conditional update ${n.side === "floor" ? `WHERE ${n.quantity ?? "quantity"} - amount >= ${n.bound ?? "0"}` : `WHERE ${n.quantity ?? "quantity"} + amount <= ${n.bound ?? "the bound"}`}, the bound checked and the change applied in one write`,
    request: (n) => [...(n.keys && n.keys.length > 0 ? n.keys : [`${n.column}_id`]), "amount", "idempotency_key"],
    error: (n) =>
      `409 the ${n.thing}'s ${(n.quantity ?? "quantity").replace(/_/g, " ")} would ${n.side === "floor" ? `go below ${n.bound === "0" ? "zero" : (n.bound ?? "its floor").replace(/_/g, " ")}` : `exceed its ${(n.bound ?? "bound").replace(/_/g, " ")}`}`,
    guarantee: (n) =>
      `changes the ${(n.quantity ?? "quantity").replace(/_/g, " ")} only by a conditional update that checks the bound in the same write; a retry with the same idempotency_key applies once`,
    check: (n) =>
      n.side === "floor"
        ? `${n.record}.${n.quantity ?? "quantity"} - amount >= ${n.bound ?? "0"} (checked and changed in one conditional update)`
        : `${n.record}.${n.quantity ?? "quantity"} + amount <= ${/^\d/.test(n.bound ?? "") ? n.bound : `${n.record}.${n.bound ?? "bound"}`} (checked and changed in one conditional update)`,
    writes:
      /\b(?:debit|credit|withdraw|deposit|transfer|pay|charg|spend|reserv|allocat|place|accept|bet|add|remov|put|pick|stor|ship|move|adjust|decrement|increment|book|take|buy|sell|order|submit)\w*/i,
  },
  sticky: {
    fields: (n) => ["flow_key", `${n.holder ?? "holder"}_id`, "last_seen_at"],
    ownKey: () => ["flow_key"],
    index: (n) =>
      `flow_key → ${n.holder ?? "holder"}_id, kept on each node that routes ${n.thing}s and expired after idle; consulted before the hash`,
    request: () => [],
    error: () => "",
    guarantee: (n) =>
      `a ${n.thing} already in the connection table keeps its ${n.holder ?? "holder"}; only a new one is placed by the consistent hash`,
    check: (n) => `a ${n.thing} in the connection table keeps its ${n.holder ?? "holder"} before any hash`,
    drawn: /\bconnection (?:track\w*|table)\b|\bconntrack\b/i,
    writes: /\b(?:forward|rout|pick|select|balanc|steer)\w*/i,
  },
};
