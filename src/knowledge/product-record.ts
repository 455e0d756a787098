import { fig, fromUsers } from "./capacity/helpers.js";
import type { CapacityModel } from "./capacity/types.js";
/**
 * What a product prompt's own words say about its main record when no product feature card models it
 * ("a URL shortener", "a pastebin", "an online auction"): the words around the head noun phrase that are
 * not the record itself, and the reads a prompt may name that change the read call's shape.
 */

/** Words that end the head noun phrase: a clause, a preposition, a figure or a comparison starts. */
export const PHRASE_ENDS = new Set([
  "that",
  "which",
  "where",
  "who",
  "with",
  "for",
  "handling",
  "serving",
  "supporting",
  "storing",
  "like",
  "so",
  "to",
  "in",
  "on",
  "at",
  "of",
  "and",
  "or",
  "from",
  "by",
  "using",
  "across",
  "between",
]);

/** Words that name the product's kind rather than its record (a photo *storage service* keeps photos). */
export const PRODUCT_KIND_WORDS = new Set([
  "app",
  "application",
  "site",
  "website",
  "service",
  "system",
  "platform",
  "tool",
  "backend",
  "server",
  "api",
  "storage",
  "hosting",
  "distribution",
  "management",
  "engine",
  "online",
  "mobile",
  "web",
  "simple",
  "scalable",
  "distributed",
]);

/** Qualifiers a product's kind word may follow: "a static website" keeps websites, not "statics". */
export const QUALIFIERS = new Set([
  "static",
  "online",
  "mobile",
  "simple",
  "social",
  "personal",
  "scalable",
  "distributed",
]);

/** Container suffixes a product's name may end in: the record is what it holds (a paste*bin* holds pastes). */
export const CONTAINER_SUFFIXES = ["bin", "board", "box", "book", "hub", "shelf", "gallery", "catalog", "catalogue"];

/**
 * Reads a prompt may name that give the read call its own shape: a redirect answers with the stored
 * target in a Location header, keyed by a short code.
 */
export const NAMED_READS: Readonly<
  Record<
    string,
    {
      call: (plural: string) => string;
      key: string;
      response: string[];
      errors: string[];
      /** Records that are read this way even when the prompt does not say so: a stored URL is followed. */
      objects?: string[];
    }
  >
> = {
  redirect: {
    objects: ["url", "link"],
    call: () => "GET /{code}",
    key: "code",
    response: ["301 or 302 with Location: the stored URL"],
    errors: ["404 unknown code", "410 expired or disabled"],
  },
  download: {
    call: (plural) => `GET /v1/${plural}/{id}/content`,
    key: "id",
    response: ["the stored bytes (or a redirect to a signed URL)"],
    errors: ["404 unknown id"],
  },
};

/**
 * Words that let the user pick the record's own key ("custom aliases", "vanity URLs", "a custom short code", "a
 * branded slug"): such a key is claimed, not minted, so the create takes it by a conditional insert that fails when
 * the key exists (put-if-absent, a unique key) and answers 409, and the same key is never handed to two records.
 */
export const CHOSEN_KEY =
  /\b(?:(?:custom|vanity|branded|personali[sz]ed|chosen)\s+(?:aliases?|names?|codes?|short codes?|slugs?|urls?|links?|keys?)|aliases?|vanity)\b/i;

/** Verbs that make a record ("post a photo", "publish a package"), in the order tried. */
export const MAKING_VERBS: readonly string[] = [
  "post",
  "upload",
  "create",
  "submit",
  "publish",
  "list",
  "add",
  "share",
  "paste",
];

/** Verbs a product prompt may use for making its record, in the order tried. */
export const CREATE_VERBS = [...MAKING_VERBS, "store", "save"];

/**
 * The size of a bare product's own service (a URL shortener's API): its stateless nodes are counted from the peak
 * request rate over what one node serves at a safe utilisation (`node_requests_per_sec`, with its reason in the
 * quantity table), never from the memory a cache needs.
 */
export const RECORD_CAPACITY: CapacityModel = {
  inputs: [fromUsers(10000, "a product's own API serves thousands to tens of thousands of requests a second")],
  figures: [
    fig(
      "service_nodes",
      "service nodes to serve the peak requests",
      "count",
      "requests_per_sec * peak_factor / (node_requests_per_sec * target_utilisation)",
      "nodes",
      true,
      "nodes",
    ),
  ],
};

/**
 * Verbs by which a product's users make the things it keeps beside its features ("cooks post recipes", "users log
 * workouts", "students list textbooks", "a user collects places"): the object of one, when no drawn feature's records
 * model it, is the product's own record. Verbs that as often name a relation or a read ("save favourites", "share a
 * link", "store") are left out.
 */
export const BESIDE_VERBS: readonly string[] = [
  "post",
  "upload",
  "create",
  "submit",
  "publish",
  "list",
  "add",
  "log",
  "collect",
  "record",
  "write",
];

/** Objects of a making verb that are parties or relations, never a product's own record ("add friends"). */
export const NOT_RECORDS = new Set([
  "friend",
  "user",
  "member",
  "follower",
  "people",
  "person",
  "contact",
  "comment",
  "like",
  "reaction",
  "message",
  "favourite",
  "favorite",
  "item",
  "thing",
  "other",
  "each",
]);

/**
 * Product names that say what the product keeps, read beside drawn features: a "-sharing" or "-tracking" compound keeps
 * its first part ("a recipe-sharing app" keeps recipes; "a language-learning app" or "a dog-walking app" keeps lessons
 * and walks, which its name does not say), and a keeper's agent noun keeps its object ("a habit tracker" keeps habits;
 * "an online indicator" keeps no "online").
 */
export const KEEPING_COMPOUNDS = new Set(["sharing", "tracking", "logging", "swapping", "trading", "lending"]);
export const KEEPING_AGENTS = new Set(["tracker", "planner", "logger", "organizer", "organiser"]);
