import type { MechanismId } from "./catalog.js";

/**
 * Kinds of rule that only some mechanisms can keep, by what the rule promises a reader or a writer:
 * - `fresh-read`: a read never returns a version older than one already acknowledged (or already read): "no older
 *   version is ever returned", "returns the latest acknowledged write", "every later read sees it or something
 *   newer", read-your-writes, monotonic reads. Kept where one place orders a key's writes and reads are answered
 *   there or checked against its version (a leader read, a version check, a majority commit), never by a rule that
 *   merges copies afterwards or lets a copy live for a while.
 * - `no-lost-update`: of two concurrent updates of one thing neither is silently dropped ("no update is lost", "an
 *   edit is never overwritten by a concurrent one"). Kept by a compare-and-set on the version read, a merge that
 *   keeps both (a CRDT, operational transform) or a transaction, never by picking one winner.
 * - `acked-durable`: an acknowledged write survives losing the node that took it ("an acknowledged write is never
 *   lost", "survives a failover"). Kept by acknowledging only after other replicas hold it (a majority commit, the
 *   in-sync set), never by replicating it after the acknowledgement.
 * Own words.
 */
export type RuleKind = "fresh-read" | "no-lost-update" | "acked-durable";

/** The words of a rule of each kind (its lead clause, or anywhere in a one-sentence rule). */
export const RULE_KIND_WORDS: Readonly<Record<RuleKind, RegExp>> = {
  "fresh-read":
    /\bno older (?:version|value|copy)\b|\bnever (?:sees?|returns?|serves?|shows?|reads?|gets?) (?:an? |the )?(?:older|earlier|stale|staler|outdated)\b|\breturns? the latest (?:acknowledged|committed|successful)\b|\bevery later read sees\b|\bsees? (?:it|that write|the write) or (?:something|anything) newer\b|\bread[- ]your[- ](?:own[- ])?writes?\b|\bnever (?:goes|moves|steps) backwards?\b|\bmonotonic reads?\b/i,
  "no-lost-update":
    /\b(?:no|never an?|neither)\s+(?:[\w-]+\s+){0,3}(?:updates?|edits?|changes?|increments?|writes?)\s+(?:is|are|gets?|may be|can be)\s+(?:ever\s+)?(?:lost|dropped|discarded|silently overwritten)\b(?![^.;:]{0,40}\b(?:acknowledged|committed|crash\w*|failover|fails?|node|replica|disk|power)\b)|\blost updates?\b|\bnever (?:silently )?(?:overwrites?|clobbers?) (?:a |an )?(?:concurrent|another|other)\b|\bconcurrent (?:[\w-]+ ){0,2}(?:updates?|edits?|writes?|changes?) (?:are )?(?:both|all) (?:kept|applied|preserved)\b/i,
  "acked-durable":
    /\b(?:no|never an?)\s+(?:[\w-]+\s+){0,3}(?:updates?|writes?|records?|changes?|events?|messages?)\s+(?:is|are)\s+(?:ever\s+)?lost\b[^.;:]{0,40}\b(?:acknowledged|committed|crash\w*|failover|fails?|node|replica)\b|\backnowledged (?:[\w-]+ ){0,3}(?:is|are) never lost\b|\bonce (?:[\w-]+ ){0,3}(?:is |are )?acknowledged,? (?:[\w-]+ ){0,4}(?:is|are) never lost\b|\bno acknowledged (?:[\w-]+ ){0,2}(?:is|are) (?:ever )?lost\b|\b(?:acknowledged|committed) (?:[\w-]+ ){0,3}survives? (?:a |the )?(?:failover|loss of|losing|crash)\b/i,
};

/**
 * A mechanism that cannot keep a kind of rule, why (what it does instead), what keeps that kind, and the primary
 * source checked for the claim. The pairing of mechanisms with rules never credits such a mechanism with a rule of
 * that kind (`canKeep`), and coherence `keeper-cannot-keep` flags a design that still does.
 */
export interface CannotKeep {
  readonly mechanism: MechanismId;
  readonly kind: RuleKind;
  readonly why: string;
  /** Mechanisms that keep a rule of this kind, the first that a design holds being named instead. */
  readonly keepers: readonly MechanismId[];
  readonly source: string;
}

const FRESH_READ_KEEPERS: readonly MechanismId[] = [
  "leader-read",
  "version-check",
  "versioned-overwrite",
  "consensus-replication",
  "commit-wait",
  "quorum-read-write",
];
const LOST_UPDATE_KEEPERS: readonly MechanismId[] = [
  "version-check",
  "versioned-overwrite",
  "crdt-merge",
  "operational-transform",
  "transaction",
  "atomic-counter",
];
const DURABLE_KEEPERS: readonly MechanismId[] = [
  "consensus-replication",
  "sync-standby-replication",
  "isr-replication",
  "pipelined-replication",
  "quorum-read-write",
];

export const CANNOT_KEEP: readonly CannotKeep[] = [
  {
    mechanism: "lww-overwrite",
    kind: "fresh-read",
    why: "last-writer-wins only picks which of two copies survives a merge, by timestamp; it makes no read wait for the newest write, and under clock skew a later write stamped earlier is dropped, so a value can move backwards",
    keepers: FRESH_READ_KEEPERS,
    source:
      "ScyllaDB in Action, section 6.1.2 (last-write-wins by cell write timestamp loses a valid update); Couchbase Sync Gateway, conflict resolution (timestamp resolution depends on synchronised clocks)",
  },
  {
    mechanism: "lww-overwrite",
    kind: "no-lost-update",
    why: "last-writer-wins keeps the write with the highest timestamp and silently drops the other of two concurrent writes",
    keepers: LOST_UPDATE_KEEPERS,
    source:
      "ScyllaDB in Action, section 6.1.2 (a concurrent update is overwritten and lost under last-write-wins; conditional updates avoid it)",
  },
  {
    mechanism: "ttl-expiry",
    kind: "fresh-read",
    why: "a time to live bounds how long a copy may be served, so a copy older than the latest write is served until it expires",
    keepers: FRESH_READ_KEEPERS,
    source:
      "RFC 9111 (HTTP Caching), section 4.2: a response is fresh until its freshness lifetime passes, whatever the origin changed meanwhile",
  },
  {
    mechanism: "async-replication",
    kind: "fresh-read",
    why: "followers apply writes after the primary acknowledges them, so a read at a follower can return an older version",
    keepers: FRESH_READ_KEEPERS,
    source:
      "PostgreSQL documentation, 'Log-Shipping Standby Servers', streaming replication: asynchronous by default, a standby lags the primary",
  },
  {
    mechanism: "async-replication",
    kind: "acked-durable",
    why: "the primary acknowledges before any follower holds the write, so a write acknowledged just before the primary fails is lost in the failover",
    keepers: DURABLE_KEEPERS,
    source:
      "PostgreSQL documentation, 'Log-Shipping Standby Servers', streaming replication: if the primary crashes, transactions it committed that had not reached the standby are lost",
  },
  {
    mechanism: "anti-entropy-repair",
    kind: "fresh-read",
    why: "anti-entropy repairs replicas in the background after they diverge; until a repair runs a replica answers with its older copy",
    keepers: FRESH_READ_KEEPERS,
    source:
      "DeCandia et al., Dynamo (SOSP 2007), section 4.7: Merkle-tree anti-entropy synchronises divergent replicas in the background",
  },
  {
    mechanism: "gossip-dissemination",
    kind: "fresh-read",
    why: "gossip spreads a change over rounds, so until it reaches a node that node answers with what it held",
    keepers: FRESH_READ_KEEPERS,
    source:
      "Demers et al., Epidemic Algorithms for Replicated Database Maintenance (PODC 1987): updates reach all sites only eventually",
  },
  {
    mechanism: "epoch-term",
    kind: "fresh-read",
    why: "a term number only lets a node refuse a deposed leader's messages; that a read sees every acknowledged write comes from answering it at the current leader after a majority commit, which the term alone does not do",
    keepers: FRESH_READ_KEEPERS,
    source:
      "Ongaro and Ousterhout, In Search of an Understandable Consensus Algorithm (USENIX ATC 2014), sections 5.1 and 8: terms detect stale leaders; a linearizable read needs the leader to confirm it still leads",
  },
  {
    mechanism: "epoch-term",
    kind: "acked-durable",
    why: "a term number only lets a node refuse a deposed leader's messages; an acknowledged write survives because a majority held it before the acknowledgement and only a candidate holding every committed entry can win an election",
    keepers: DURABLE_KEEPERS,
    source:
      "Ongaro and Ousterhout, In Search of an Understandable Consensus Algorithm (USENIX ATC 2014), section 5.4: the commit rule and the election restriction keep committed entries, terms order leaders",
  },
  {
    mechanism: "tombstones",
    kind: "acked-durable",
    why: "a tombstone marks a delete so a replica's older copy cannot bring the value back; it keeps no copy of a write",
    keepers: DURABLE_KEEPERS,
    source:
      "Apache Cassandra documentation, compaction and tombstones: a delete writes a timestamped marker that shadows older values until gc_grace_seconds pass",
  },
  {
    mechanism: "atomic-counter",
    kind: "fresh-read",
    why: "an atomic increment applies each change once at the owner of the counter; which copy a read is answered from is another matter",
    keepers: FRESH_READ_KEEPERS,
    source: "own reasoning over the mechanism's action (no named system)",
  },
  {
    mechanism: "consistent-hashing",
    kind: "fresh-read",
    why: "consistent hashing only decides which nodes own a key; it says nothing of whether a read sees the latest write",
    keepers: FRESH_READ_KEEPERS,
    source:
      "Karger et al., Consistent Hashing and Random Trees (STOC 1997): a mapping of items to caches that moves few items when caches change",
  },
  {
    mechanism: "op-sequencer",
    kind: "acked-durable",
    why: "a sequencer gives operations one order; keeping an acknowledged one through a crash is the replication of its log",
    keepers: DURABLE_KEEPERS,
    source: "own reasoning over the mechanism's action (an order, not a copy)",
  },
  {
    mechanism: "concurrency-slots",
    kind: "acked-durable",
    why: "slots cap how much runs at once; they keep no copy of an acknowledged change",
    keepers: DURABLE_KEEPERS,
    source: "own reasoning over the mechanism's action (a cap, not a copy)",
  },
];

/** The conflicts of each mechanism. */
export const CANNOT_KEEP_BY_MECHANISM: ReadonlyMap<string, readonly CannotKeep[]> = (() => {
  const m = new Map<string, CannotKeep[]>();
  for (const c of CANNOT_KEEP) m.set(c.mechanism, [...(m.get(c.mechanism) ?? []), c]);
  return m;
})();

/** The kinds a rule is of, by its words. */
export function ruleKinds(statement: string): RuleKind[] {
  return (Object.keys(RULE_KIND_WORDS) as RuleKind[]).filter((k) => RULE_KIND_WORDS[k].test(statement));
}

/** Why a mechanism cannot keep a rule (the first kind of the rule it cannot keep), or undefined when it can. */
export function cannotKeep(mechanismId: string, statement: string): CannotKeep | undefined {
  const conflicts = CANNOT_KEEP_BY_MECHANISM.get(mechanismId);
  if (!conflicts) return undefined;
  return conflicts.find((c) => RULE_KIND_WORDS[c.kind].test(statement));
}
