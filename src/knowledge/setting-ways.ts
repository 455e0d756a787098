/**
 * Settings a design states for one of its parts, each with the ways it can be set that exclude each other: a design
 * says each such setting one way (coherence `setting-said-twice`). A way's words are matched in what the design
 * states happens (its parts, links, calls, rules, failure rows, chosen options and the script), never in a decision's
 * question or a rejected option, which name the other way on purpose.
 */
export interface SettingWays {
  readonly id: string;
  /** What is set, said in the problem's detail. */
  readonly what: string;
  /** Each way's name and words; a design that says two of them says the setting two ways. */
  readonly ways: readonly { readonly name: string; readonly words: RegExp }[];
  /** Words that scope a way to another part (a copy in another region), so the text says no way of this part. */
  readonly scoped?: RegExp;
  /** The primary source for the ways excluding each other. */
  readonly source: string;
}

/**
 * A way named only to be set aside ("cache-aside over write-through", "rather than acks=1", "never synchronously")
 * or as what another choice would be ("write-through would win if …"): the words from the setting-aside word to the
 * clause's end, and a whole sentence of what would win, say no way of the design.
 */
export const SET_ASIDE =
  /[^.;]*\bwould (?:win|flip|switch)\b[^.;]*|\b(?:over|rather than|instead of|not|never|than|or)\s+[^,.;:()]*/gi;
/** The words that make a whole sentence set aside (`SET_ASIDE`'s first branch): without them only the second applies. */
export const SET_ASIDE_WOULD = /\bwould (?:win|flip|switch)\b/i;
/** `SET_ASIDE`'s second branch alone: the words after a setting-aside word, to the clause's end. */
export const SET_ASIDE_WORDS = /\b(?:over|rather than|instead of|not|never|than|or)\s+[^,.;:()]*/gi;

export const SETTING_WAYS: readonly SettingWays[] = [
  {
    id: "producer-acks",
    what: "when the log's leader acknowledges a produce",
    ways: [
      // ... or said as what the acknowledgement waits for ("acknowledged once every in-sync replica holds it")
      {
        name: "acks=1 (the leader alone)",
        words: /\backs ?= ?1\b|\backnowledg\w* once the partition leader has appended\b/i,
      },
      {
        name: "acks=all (every in-sync replica)",
        words:
          /\backs ?= ?(?:all|-1)\b|\backnowledg\w* (?:only )?(?:once|after|when) (?:every|all) in-sync replicas?\b/i,
      },
    ],
    source:
      "Apache Kafka documentation, producer configuration 'acks': 1 answers once the leader has written the record, all once the full in-sync set has it",
  },
  {
    id: "replication-mode",
    what: "whether a store acknowledges a write before or after its replicas hold it",
    ways: [
      { name: "synchronously", words: /\bsynchronous(?:ly)? replicat\w*|\breplicat\w* synchronously\b/i },
      { name: "asynchronously", words: /\basynchronous(?:ly)? replicat\w*|\breplicat\w* asynchronously\b/i },
    ],
    // a copy in another region or a standby is often replicated the other way from the copies in one region
    scoped: /\bregions?\b|\bcross-region\b|\bstandbys?\b|\bdisaster\b|\bread replicas?\b|\bfollowers? in\b/i,
    source:
      "PostgreSQL documentation, 'Synchronous Replication': a commit waits for the named standbys to confirm, while streaming replication is otherwise asynchronous and acknowledges before any standby holds the write",
  },
  {
    id: "cache-write",
    what: "what a write does to the cached copy",
    ways: [
      { name: "write-through (the write sets the cached value)", words: /\bwrite-through\b/i },
      { name: "write-back (the cache takes the write first)", words: /\bwrite-back\b|\bwrite-behind\b/i },
      {
        name: "invalidate on write (the write deletes the cached copy)",
        words: /\binvalidat\w* (?:on|after) (?:every |each |a )?(?:write|update)\b/i,
      },
    ],
    source:
      "Amazon ElastiCache documentation, 'Caching strategies': lazy loading fills the cache only on a miss, write-through adds or updates the cached value whenever the database is written",
  },
];
