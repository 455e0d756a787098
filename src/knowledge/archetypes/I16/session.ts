import type { DataSpec } from "../../topology.js";
import { OWN_STORE_SUBJECTS } from "./subjects.js";

/**
 * A key-value store whose records are people's signed-in sessions (topic "login-session", knowledge/topics.ts): the
 * generic store's rows stay, but its delete is a logout, and a logout is a credential's revocation that must never be
 * undone. In a store that settles writes by timestamp (last writer wins) or repairs replicas in the background, a
 * delete can come back: a renewal that lands after it recreates the session, a hint replayed late or a repair from a
 * replica that missed the delete copies the old value back once the delete marker is gone. So the logout is a marker
 * that outranks every older write, lives in a field no renewal writes, is kept at least as long as a copy could come
 * back and still be accepted, and is read by every check (and every cached copy within its bound).
 *
 * Facts, checked against primary sources:
 * - Apache Cassandra docs (Operating: Tombstones; DataStax "How is data deleted?"): a delete is written as a
 *   timestamped tombstone through the normal write path; reads ignore values timestamped before it; a tombstone is
 *   purged by compaction after the table's gc_grace_seconds (864,000 s, 10 days, by default), and a replica that never
 *   got it before then brings the deleted data back, so repair must complete within that window.
 * - DataStax "About hinted handoff writes": a coordinator keeps hints for an unreachable replica for max_hint_window
 *   (3 hours by default); a replica down longer must be repaired.
 * - Amazon DynamoDB developer guide (Working with expired items; UpdateTimeToLive): TTL deletes expired items in the
 *   background, typically within a few days, and until then they still show in reads, so a read must check the
 *   expiry attribute itself.
 * - Redis replication docs: replicas do not expire keys themselves but wait for the primary's DEL, while reporting a
 *   logically expired key as missing to reads.
 * Planning figures are said where they are used.
 */

const T = "login-session" as const;
/** The generic store's rows a session store replaces; the own-store subjects keep their own. */
const NOT_OWN = [...OWN_STORE_SUBJECTS];

/** The words of a prompt clause that asks for the logout's rule ("logout must take effect everywhere within a second"). */
export const SESSION_REVOKE_WORDS = String.raw`\b(?:log(?:s|ged|ging)?[- ]?outs?|sign(?:s|ed|ing)?[- ]?outs?|revok(?:e|es|ed|ing)|revocations?)\b`;

/** The rule a logout keeps: "logout must take effect everywhere", and never be undone. */
export const REVOKED_NEVER_ACCEPTED =
  "A logged-out or revoked session is never accepted again. The logout writes a Tombstone that outranks every older write of the session, and every replica read and every cached copy checks it within the design's freshness bound. The Tombstone is kept for the longer of the session's own lifetime and the time a replica that missed it takes to catch up; in a leaderless store that is the hinted handoff window plus a full anti-entropy repair cycle, so no late hint or repair from a replica that missed the logout brings the session back.";

export const SESSION_ENTITIES = [
  {
    name: "Tombstone",
    topic: T,
    unlessTopic: NOT_OWN,
    description:
      "The marker a logout or revocation writes for one session id: revoked_at and a version newer than any write the session took, in a field no renewal writes; it replicates like any write and is kept for the longer of the session's own lifetime and the store's repair window, so no replica, hint or repair that missed it can bring the session back.",
    truth: true,
  },
] as const;

export const SESSION_WRITES = [
  {
    topic: T,
    unlessTopic: NOT_OWN,
    action:
      "end a session at logout or revocation: write its Tombstone (revoked_at, a version newer than any write the session took) that replicates like any other write and that no renewal overwrites",
    entity: "Tombstone",
    shape: "create target",
    mechanism: "tombstones",
    critical: true,
  },
] as const;

export const SESSION_INVARIANTS = [REVOKED_NEVER_ACCEPTED];

export const SESSION_FAILURES = [
  {
    topic: T,
    unlessTopic: NOT_OWN,
    failure:
      "Resurrected session: a logout is undone by a renewal or an older write that lands after it, or by a replica that missed the logout copying the session back once its tombstone was purged",
    role: "truth",
    prevention:
      "Write the logout as a tombstone with a version newer than any write the session took, in a field no renewal writes (a renewal only extends an existing session's expiry and never creates one), keep it for the longer of the session's lifetime and the time a lagging replica takes to catch up, and check it on every read and cached copy; in a leaderless store, keep it past the hinted handoff window and a full repair cycle (Cassandra keeps tombstones for gc_grace_seconds, 10 days by default, and repair must finish inside it)",
    repair:
      "Revoke the session again with a newer version; a copy brought back after the session's own expiry is refused by its expires_at; in a leaderless store, run anti-entropy repair so every replica holds the tombstone",
  },
] as const;

export const SESSION_DATA: DataSpec[] = [
  {
    entity: "Tombstone",
    topic: T,
    unlessTopic: NOT_OWN,
    key: ["key"],
    fields: ["version", "revoked_at", "kept_until (the later of the session's expiry and the repair window's end)"],
    indexes: ["kept_until (purged only after it)"],
    partitionKey: "hash(key)",
    owner: "replicas",
  },
];
