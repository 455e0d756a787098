/**
 * The kinds of thing a requirement clause of a prompt may ask for, read from its words, so a clause the design
 * carries by nothing is named with what it asks ("teams can pause or edit a schedule": a control operation on a
 * record) rather than dropped silently (engine/requirement-ledger.ts, coherence `requirement-not-carried`).
 *
 * `asks` is what the design would need to carry it, in words for the design document, the script and the coherence
 * detail; `words` is read on the clause's own text. Rows are tried in order and the first that matches names the
 * kind, so a narrower kind stands before a broader one it overlaps (a catch-up on reconnect before a delivery).
 */
export interface RequirementKind {
  id: string;
  /** What a clause of this kind asks the design for. */
  asks: string;
  words: RegExp;
  /**
   * Whether a clause of this kind that nothing in the design reads is flagged (coherence `requirement-not-carried`)
   * and said in the script: a kind whose words reliably state an ask the design owes an answer to. A broader kind
   * ("can", "fails") is shown as not carried in the document and the JSON only, since its words also open clauses a
   * design answers without quoting them (a failure row, a capability of the subject).
   */
  owed: boolean;
  /**
   * What a design does for a clause of this kind when no part of it quotes the clause, said aloud after "so" in the
   * spoken script (render/script): the plan in a line, in the first person plural, never a confession that a check
   * found nothing. Only the owed kinds are said, so only they carry one.
   */
  plan?: string;
}

/**
 * The verbs of a control operation on a record, as verbs only (a stem with a verb's endings): "pause" but not a "GC
 * pause" (the control kind needs the words that grant it before the verb).
 */
export const CONTROL_VERB =
  /(?:pause|resume|edit|cancel|reschedule|disable|enable|suspend|update|delete|remove|revoke|modify|change|rename|archive|unarchive|restore|undo|retract|withdraw|mute|unmute|snooze|unsubscribe|reopen|hide|unhide)(?:s|d|ed|ing|led|ling)?/;

/** A control verb granted to an actor: "teams can pause", "lets riders cancel", "a schedule can be paused". */
export const CONTROL = new RegExp(
  String.raw`\b(?:(?:can|may|could|able to|lets?\s+\w+|allows?\s+\w+\s+to)\s+(?:(?!(?:never|not|no)\b)\w+\s+){0,2}?|(?:can|may) be\s+)` +
    `(${CONTROL_VERB.source})\\b`,
  "i",
);

export const REQUIREMENT_KINDS: readonly RequirementKind[] = [
  {
    id: "failure-detection",
    asks: "failure detection: a liveness signal, the timeout after which a member is declared failed, and who declares it",
    // "missed heartbeats" is a member going silent, not a client catching up on what it missed
    words:
      /\b(?:(?:miss(?:es|ed|ing)?|no|stops? sending|skips?)\s+(?:\w+\s+)?(?:heartbeats?|pings?|health ?checks?|check-?ins?)|heartbeats?\s+(?:stop|time\s*out|lapse)\w*|(?:declared|marked|considered|presumed)\s+(?:dead|down|failed|unhealthy))\b/i,
    owed: false,
  },
  {
    id: "catch-up",
    asks: "a catch-up read: what a client missed while away, read from its last position",
    words:
      /\b(?:(?:were|was|went|are|is|goes|go|been)\s+offline|reconnect\w*|come[s]? back online|missed|catch(?:es)? up|while (?:they were |it was )?(?:away|disconnected))\b/i,
    owed: true,
    plan: "a client that was away reads what it missed from its last position, then follows live",
  },
  {
    id: "downstream-protection",
    asks: "load shaping that protects a downstream part (coalescing, jittered warm-up, admission)",
    words:
      /\b(?:(?:must not|never|without|cannot|can't|shouldn't|should not|won't|not)\s+(?:\w+\s+){0,2}(?:flood|overload|overwhelm|stampede|hammer|swamp|melt)\w*|thundering herd|stampede)\b/i,
    owed: true,
    plan: "we shape load before it reaches that part, coalescing repeated requests and admitting only what it can take",
  },
  {
    id: "control",
    asks: "a control operation on the owned record (its call and the state it changes)",
    // a control verb after the words that grant it ("teams can pause or edit a schedule", "lets riders cancel"): a
    // bare "change" or "update" is as often a noun or the system's own write ("every change is replicated")
    words: CONTROL,
    owed: true,
    plan: "it is a call of its own, a guarded update of the record's state that the workers check before acting",
  },
  {
    id: "alerting",
    asks: "an alerting rule: the signal, its threshold, the window it is judged over and who is told",
    // a threshold that raises an alert ("alert on-call when p99 passes 500 ms") is no latency the design must meet
    words: /\b(?:alert\w*|pag(?:e|es|ed|ing)\s+(?:the\s+)?on-?call|notif\w+\s+(?:the\s+)?on-?call|thresholds?)\b/i,
    owed: false,
  },
  {
    id: "time-bound",
    asks: "a time bound on handling a failure (its detection, the release or hand-over it forces), planned against that time",
    // a crashed holder's lock "released within 20 seconds" is a failure's bound, not a request path's latency, as is a
    // new leader or primary "chosen within 10 seconds of a failure"
    words:
      /\b(?:releas|freed|expir|reclaim|fail(?:s|ed|ing)?\s+over|failover|tak(?:e|es|en)\s+over|detect|recover|reassign|promot|elect|new\s+(?:primar|leader|master|coordinator|owner|holder))\w*\b[^,;]*?\b(?:within|under|in|after)\s+\d/i,
    owed: true,
    plan: "we plan the detection and the hand-over against that time, with the timeout well inside it",
  },
  {
    id: "freshness",
    asks: "a freshness bound: how long after a write its copies (an index, a cache, other devices) show it",
    // a change that "shows up", "is searchable" or "is visible" within a time is a copy's lag, not a request's latency;
    // a bound in milliseconds is a request's ("readable in under 5 ms")
    words:
      /\b(?:visible|searchable|shows? up|appears?|reflect(?:s|ed)?|propagat\w*|seen by|sees)\b[^,;]*?\b(?:within|under|in)\s+(?:about\s+)?(?:a|one|\d[\d.,]*)\s*(?:seconds?|s|minutes?|mins?|hours?)\b/i,
    owed: true,
    plan: "we budget the lag from the write to each copy against that bound and watch it",
  },
  {
    id: "latency",
    asks: "a latency bound on a named path, spent over that path's steps",
    words:
      /\b(?:under|below|within|less than|at most|in)\s+(?:\d[\d.,]*\s*)(?:ms|milliseconds?|µs|microseconds?|s|sec|seconds?)\b|\bp(?:50|90|95|99|999)\b/i,
    owed: true,
    plan: "we spend that bound over the path's steps and keep the slow work off it",
  },
  {
    id: "retention",
    asks: "a retention period on stored data, with what expires or is compacted after it",
    words:
      /\b(?:kept|retained|stored|keep|retain|store|history|expire\w*|deleted)\b[^,;]*\b(?:for|after)\s+\w+\s+(?:days?|weeks?|months?|years?|hours?)\b/i,
    owed: true,
    plan: "data past that period expires or is compacted by a background sweep",
  },
  {
    id: "rule",
    asks: "a rule the design keeps: an invariant, the write that enforces it and the failure that would break it",
    // an obligation ("must", "never", "at most", "no … may be lost", "still accepts writes while …")
    words:
      /\b(?:must|never|always|cannot|can't|may not|at most|at least|no more than|exactly once|still)\b|\bno\b[^,;]*\b(?:may|can|is|are|will|ever)\b/i,
    owed: true,
    plan: "we keep it as a rule, checked on the path that could break it",
  },
  {
    id: "visibility",
    asks: "a visibility or audience rule (who may see or receive what)",
    words: /\b(?:private|visible to|can see|cannot see|permission\w*|access|authori[sz]\w*)\b/i,
    owed: false,
  },
  {
    id: "recovery",
    asks: "a behaviour under failure (what survives, what resumes, from where)",
    words: /\b(?:crash\w*|fail\w*|outage|down|restart\w*|recover\w*|lost|lose|survive\w*)\b/i,
    owed: false,
  },
  {
    id: "ordering",
    asks: "an order kept within a key",
    words: /\b(?:in order|in the order|out of (?:order|sequence)|ordered|sequence)\b/i,
    owed: false,
  },
  {
    id: "capability",
    asks: "a user-facing capability: an operation and the record it reads or writes",
    words: /\b(?:can|may|lets?|allows?|able to|supports?)\b/i,
    owed: false,
  },
];

/** Whether a not-carried clause of a kind (by id) is flagged and said in the script. */
export const owedKind = (id: string | undefined): boolean => REQUIREMENT_KINDS.some((k) => k.id === id && k.owed);

/** The kinds already read, by clause text (a clause recurs design after design); bounded, emptied when full. */
const KIND_OF = new Map<string, RequirementKind | null>();

/** The kind of a requirement clause, by its words, if one is recognisable. */
export function requirementKind(clause: string): RequirementKind | undefined {
  let kind = KIND_OF.get(clause);
  if (kind === undefined) {
    kind = REQUIREMENT_KINDS.find((k) => k.words.test(clause)) ?? null;
    if (KIND_OF.size >= 4096) KIND_OF.clear();
    KIND_OF.set(clause, kind);
  }
  return kind ?? undefined;
}
