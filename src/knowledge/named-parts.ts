/**
 * Parts a prompt names by counting them or by spreading its work across them: "into five resolutions", "across 500
 * workers", "reserves inventory, charges the card and books shipping across three services". Each is a part the
 * design must draw or keep (engine/named-parts.ts; coherence `named-part-missing`).
 */
import { CARDINAL_WORDS } from "./lexicon.js";

/** Number words a part's count may be written in ("five resolutions", "three services"), with their values. */
export const COUNT_WORDS: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(CARDINAL_WORDS).filter(([, v]) => v >= 1 && v <= 12),
);

/**
 * Heads of a spread: "across three services", "over three providers" name sibling systems the work reaches, one per
 * step the clause before lists. Each step's system is drawn as its own box.
 */
export const SPREAD_HEADS: readonly string[] = [
  "service",
  "microservice",
  "provider",
  "system",
  "vendor",
  "partner",
  "backend",
  "api",
];

/** The words that start a spread's phrase: the work lands "across" or "over" the named systems. */
export const SPREAD_WORDS: readonly string[] = ["across", "over", "through", "via", "spanning"];

/**
 * Verbs whose object is an instrument, not the system that acts on it: "charges the card" reaches the payment
 * service, "ships the order" the shipping service. Any other step's system is named by its object ("reserves
 * inventory" → inventory, "books a flight" → flight).
 */
export const VERB_SYSTEMS: Readonly<Record<string, string>> = {
  charge: "payment",
  pay: "payment",
  bill: "billing",
  refund: "payment",
  ship: "shipping",
  deliver: "delivery",
  email: "email",
  notify: "notification",
  invoice: "invoicing",
};

/** Objects that name an instrument of a system rather than the system ("the card" is charged by payments). */
export const OBJECT_SYSTEMS: Readonly<Record<string, string>> = {
  card: "payment",
  money: "payment",
  funds: "payment",
};

/**
 * Words before a count of one that make it a guarantee, not a part: "only one instance runs", "exactly one courier",
 * "at most one leader" say how many may act at once, and the design keeps that with a rule, not a box.
 */
export const GUARANTEE_BEFORE_ONE: readonly string[] = ["only", "exactly", "most", "least", "than", "single", "just"];

/**
 * Places copies or parts live in, counted as failure domains ("across three data centers", "in two racks"): the design
 * spreads its replicas over them rather than drawing each as a part.
 */
export const PLACE_WORDS: readonly string[] = ["center", "centre", "datacenter", "rack", "zone", "region", "site"];

/**
 * Things that name a box when the prompt counts them in figures ("across 500 workers", "200 workers pulling"): a pool
 * of workers and the queue they take from are components, whatever text of the design mentions them.
 */
export const COUNTED_BOXES: readonly string[] = ["worker", "queue"];

/**
 * A part the prompt names by a relation rather than a count: "their contacts", "their friends" name the list a
 * status change fans out over; "live on a map" names the channel that pushes each new position to the clients
 * watching it. The design draws the part (a record and/or a component, with who writes and who reads it) unless a
 * record or component of the same role is there already (one of `coveredBy` among its words).
 */
export interface RelationalPart {
  id: string;
  /** The words that name the part ("contacts"), read after a possessive ("their contacts")… */
  words?: readonly string[];
  /** …or a pair of words in one sentence ("live" … "map"). */
  together?: readonly (readonly string[])[];
  /** Words of a record or component that already plays this part's role (a Follow edge is a contact list). */
  coveredBy: readonly string[];
  record?: { entity: string; key: readonly string[]; fields: readonly string[]; indexes: readonly string[] };
  component: { id: string; name: string; kind: "store" | "gateway"; runs: readonly string[]; because: string };
  /**
   * The part's writer or reader: the first component whose runs or name carry one of these words, a log or store before
   * a service and a service before a gateway (else the entry service).
   */
  peer: { words: readonly string[]; label: string; toPart: boolean };
  /** A second path, from the part on to the clients that watch, when it pushes. */
  push?: { label: string };
}

/** Possessives before a relational part's word: "their contacts", "your friends". */
export const RELATION_POSSESSIVES: readonly string[] = ["their", "your", "his", "her", "my", "whose"];

export const RELATIONAL_PARTS: readonly RelationalPart[] = [
  {
    id: "contacts",
    words: ["contacts", "friends", "followers", "buddies"],
    coveredBy: ["contact", "friend", "follow", "roster", "buddy"],
    record: {
      entity: "Contact",
      key: ["user_id", "contact_id"],
      fields: ["since", "state"],
      indexes: ["(contact_id, user_id): who has this user as a contact, the fan-out of a change"],
    },
    component: {
      id: "contact-store",
      name: "Contact lists (indexed by contact)",
      kind: "store",
      runs: ["list a user's contacts", "list who has a user as a contact"],
      because:
        "a status change is shown to the user's contacts, so the change fans out over the reverse index of the contact list: each watcher is found by a lookup on the changed user's id, not by a scan",
    },
    peer: {
      words: ["status", "presence", "watch", "push", "notify", "publish", "fan"],
      label: "who sees the change",
      toPart: true,
    },
  },
  {
    id: "live-map",
    together: [
      ["live", "map"],
      ["real-time", "map"],
      ["realtime", "map"],
      ["track", "live"],
    ],
    coveredBy: ["tracking", "viewer", "live"],
    record: {
      entity: "TrackingWatch",
      key: ["tracked_id", "viewer_id"],
      fields: ["connection_id", "since", "last_position_sent_at"],
      indexes: ["viewer_id"],
    },
    component: {
      id: "live-tracking",
      name: "Live tracking channel (pushes to watchers)",
      kind: "gateway",
      runs: ["hold each watching client's connection", "push each new position of the watched mover"],
      because:
        "the prompt shows the mover live on a map: each position update is pushed over the watcher's open connection as it arrives, rather than the map polling for it",
    },
    peer: {
      words: ["position", "location"],
      label: "position updates",
      toPart: false,
    },
    push: { label: "push each new position" },
  },
];
