/**
 * What one record of a counted thing holds, by the noun the prompt counts it with ("1 billion leaked password hashes",
 * "100,000 handheld scanners", "3 million coupon codes"): its own fields, each with its size and why. A population's
 * held state is sized from these fields, never from the value size another model assumes for its own records (a
 * cached page's 100 KB is not a hash's size). A noun no kind lists keeps the generic record (`GENERIC_RECORD`), said as
 * an assumption with its reason.
 */
export interface RecordField {
  /** The field, in words ("its digest"). */
  name: string;
  bytes: number;
  /** Why that size, in our own words, with the source where one fixes it. */
  why: string;
}

export interface RecordKind {
  /** The counted noun's head word (the last word of the counted phrase), lower case. */
  head: RegExp;
  /** What one record is, in words ("a hash"). */
  label: string;
  fields: readonly RecordField[];
}

const KEY_ENTRY: RecordField = {
  name: "its key's index entry",
  bytes: 24,
  why: "a B-tree or hash index keeps the key again with a pointer and a little page overhead, a few tens of bytes",
};
const ID: RecordField = { name: "a 16-byte id", bytes: 16, why: "a 128-bit id (a UUID) or a 64-bit one with room" };
const TIMES: RecordField = {
  name: "two timestamps",
  bytes: 16,
  why: "created and last-changed times as 64-bit integers",
};
const STATUS: RecordField = { name: "a status", bytes: 8, why: "a small enum or flag word" };

export const RECORD_KINDS: readonly RecordKind[] = [
  // FIPS 180-4: SHA-1's digest is 160 bits (20 bytes), SHA-256's 256 bits (32 bytes); the larger is planned for
  {
    head: /^(?:hash(?:es)?|digests?|fingerprints?|checksums?)$/,
    label: "a hash",
    fields: [
      {
        name: "its digest",
        bytes: 32,
        why: "a SHA-256 digest is 256 bits (32 bytes) and a SHA-1 one 160 bits (20 bytes), FIPS 180-4; the larger is planned for",
      },
      { name: "a 4-byte count or flag", bytes: 4, why: "how often it was seen, or a flag, fits a 32-bit integer" },
      KEY_ENTRY,
    ],
  },
  // a code, token or ticket number is a short id with whom it was issued to, its state and its times
  {
    head: /^(?:codes?|tokens?|tickets?|coupons?|vouchers?|ids?|numbers?|serials?)$/,
    label: "an issued code",
    fields: [
      ID,
      { name: "its holder's id", bytes: 16, why: "the account or order it was issued to, another 128-bit id" },
      STATUS,
      TIMES,
      KEY_ENTRY,
    ],
  },
  // a device or physical asset the system tracks: its id, where it is, its state and when it was last heard from
  {
    head: /^(?:devices?|scanners?|sensors?|robots?|vehicles?|vans?|bikes?|scooters?|buses|trucks?|cars?|lockers?|stations?|chargers?|meters?|terminals?|kiosks?|cameras?|machines?|assets?|thermostats?|trackers?|gateways?|turbines?)$/,
    label: "a device",
    fields: [
      ID,
      { name: "its site or owner", bytes: 16, why: "the place or account it belongs to, a 128-bit id" },
      {
        name: "its last position or reading",
        bytes: 32,
        why: "a latitude and longitude (two 8-byte floats) or a last reading with its 8-byte time",
      },
      STATUS,
      TIMES,
      {
        name: "a model and firmware tag",
        bytes: 32,
        why: "short strings naming its model and software version",
      },
      KEY_ENTRY,
    ],
  },
];

/**
 * A record of a thing no kind lists: an entity with an id, a few short attributes and its index entries. A planning
 * figure, said as an assumption where it is used.
 */
export const GENERIC_RECORD = {
  bytes: 1000,
  why: "one record of a counted thing's own fields, keys and index entries is about a kilobyte (a planning figure; measure the real record)",
} as const;
