/**
 * Words the catch-up cursor (engine/catch-up-cursors.ts) reads records by. A stated catch-up after absence ("users
 * who were offline get the messages they missed when they reconnect") is carried by a per-reader cursor: the last
 * position delivered to a reader in a stream, advanced on acknowledge and read from on return.
 */

/**
 * A field that already keeps a reader's delivered position in a stream ("delivered_up_to", "last_seen_sequence",
 * "checkpoint"): a record holding one, keyed by a reader, is the cursor, so no second one is drawn.
 */
export const CURSOR_FIELD =
  /^(?:\w+_up_to|last_\w*(?:seq|sequence|offset|position|id)|cursor\w*|checkpoint\w*|watermark)$/;

/** A key part that orders a stream's entries, so "everything after my position" is a range read on it. */
export const POSITION_KEYS: readonly string[] = ["sequence", "seq", "offset", "position", "version", "event_id"];

/** Key parts that name a reader of a stream, so a record keyed by one and holding a position is a reader's cursor. */
export const READER_KEYS: readonly string[] = [
  "user_id",
  "device_id",
  "client_id",
  "member_id",
  "consumer_id",
  "subscriber_id",
  "session_id",
  "connection_id",
];

/** Words that stand where a reader's noun would but name no kind of reader ("someone who was offline"). */
export const NOT_READERS: readonly string[] = [
  "someone",
  "anyone",
  "everyone",
  "none",
  "most",
  "nobody",
  "some",
  "all",
];
