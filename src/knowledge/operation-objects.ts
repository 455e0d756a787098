/**
 * The words `engine/operation-objects.ts` reads a product prompt's operations by: an owner publishing its things
 * ("restaurants publish their tables and opening hours") and an operation's qualifier ("book a table for a party
 * size").
 */

/** Verbs an owner makes its things known by ("publish their", "list their"). */
export const PUBLISH_VERBS: readonly string[] = [
  "publish",
  "list",
  "post",
  "upload",
  "offer",
  "manage",
  "register",
  "add",
  "set",
];

/** Owners that are the system's users in general, whose things the auth or account records keep: no owner record. */
export const GENERIC_OWNERS: readonly string[] = [
  "user",
  "customer",
  "client",
  "person",
  "people",
  "member",
  "account",
];

/** A qualifier ending in a length of time ("for a half day", "for a time window") is the booking's interval. */
export const SPAN_WORDS: readonly string[] = [
  "day",
  "night",
  "week",
  "hour",
  "minute",
  "month",
  "year",
  "while",
  "moment",
  "period",
  "time",
  "window",
  "bit",
];

/** Words before a qualifier's noun that pick one rather than name a field ("for a given merchant"). */
export const PICKING_WORDS: readonly string[] = [
  "given",
  "single",
  "specific",
  "certain",
  "particular",
  "whole",
  "half",
  "full",
  "few",
  "long",
  "short",
  "new",
  "limited",
  "fixed",
];

/** Verbs that write the design's booking record whatever its name ("book a home" writes a Reservation). */
export const BOOKING_VERBS: readonly string[] = ["book", "reserve", "rent", "hire", "schedule"];
export const BOOKING_RECORDS: readonly string[] = ["Booking", "Reservation", "Appointment", "Rental"];
