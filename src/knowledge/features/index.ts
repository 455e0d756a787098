import type { CapacityModel } from "../capacity/types.js";
import type { DecisionPoint } from "../decisions/types.js";
import { parseProtocol } from "../notation/protocol.js";
import type { ArchetypeId, Availability, Consistency } from "../schema.js";
import type { Topic } from "../topics.js";
import type { Topology } from "../topology.js";
import { BOOKING } from "./booking.js";
import { CALENDAR } from "./calendar.js";
import { CHAT } from "./chat.js";
import { CHECKOUT } from "./checkout.js";
import { COLLAB_DOCS } from "./collab-docs.js";
import { COUNTERS } from "./counters.js";
import { FEED } from "./feed.js";
import { FILE_SYNC } from "./file-sync.js";
import { FULFILMENT } from "./fulfilment.js";
import { GRAPH } from "./graph.js";
import { LEADERBOARD } from "./leaderboard.js";
import { LENDING } from "./lending.js";
import { MATCHING } from "./matching.js";
import { MEDIA } from "./media.js";
import { MUSIC } from "./music.js";
import { NOTIFICATIONS } from "./notifications.js";
import { PLAYBACK } from "./playback.js";
import { PRESENCE } from "./presence.js";
import { PROXIMITY } from "./proximity.js";
import { QA } from "./qa.js";
import { RANKING } from "./ranking.js";
import { REVIEWS } from "./reviews.js";
import { SEARCH } from "./search.js";
import { SHARED_EXPENSES } from "./shared-expenses.js";
import { SHORTLINKS } from "./shortlinks.js";
import { PRODUCT_SKELETON, SHARED_COMPONENT_IDS } from "./skeleton.js";
import { STAY } from "./stay.js";
import { STOCK } from "./stock.js";
import { STOCK_LEDGER } from "./stock-ledger.js";
import { STORED_VALUE } from "./stored-value.js";
import { TRANSFER } from "./transfer.js";
import type {
  FeatureAction,
  FeatureEntity,
  FeatureFailure,
  FeatureHotspot,
  FeatureInvariant,
  FeatureSubstrate,
  FeatureTechnology,
} from "./types.js";

export type {
  FeatureAction,
  FeatureEntity,
  FeatureFailure,
  FeatureHotspot,
  FeatureInvariant,
  FeatureSubstrate,
  FeatureTechnology,
} from "./types.js";

/** A recurring feature of product prompts (home feed, media upload, booking hold, …). */
/** An archetype's guarantee a feature's own record enforces (see `FeatureEntry.realizes`). */
export interface FeatureRealizes {
  id: ArchetypeId;
  /** The feature's record whose conditional write or transaction enforces it, in the feature's terms. */
  entity: string;
  /** The demand as a clause the script says: "a room is never booked twice for the same night". */
  demand: string;
  /** What the design then does not draw, as the script names it: "lock service", "broker cluster". */
  instead: string;
  why: string;
  unless: string;
}

export interface FeatureEntry {
  id: string;
  name: string;
  summary: string;
  /** Words that name the feature in a prompt ("news feed", "pick seats"); matched stemmed, in any order. */
  signals: string[];
  /** Default wording of the {terms} its actions use; a named product may rename them. */
  terms: Record<string, string>;
  /** The user actions in the feature's nouns, visible ones first. */
  actions: FeatureAction[];
  entities: FeatureEntity[];
  /** Non-functional requirements the feature brings. */
  nfrs: string[];
  /** The infra archetypes it composes, with their roles. */
  substrates: FeatureSubstrate[];
  /**
   * The consistency and partition stance the feature's own requirements set, where they set one (a feed is
   * eventual and stays up): a prompt that names the feature takes it for what it leaves unstated.
   */
  stance?: { consistency: Consistency; availability: Availability; because: string };
  /** Its components, links, API and data model; ids in SHARED_COMPONENT_IDS are the shared product edge. */
  topology: Topology;
  /**
   * When no named product renames `term`, the prompt's own object of one of these verbs does
   * ("users pick seats" -> seat, "reserve a parking spot" -> parking spot).
   */
  objectTerm?: { term: string; verbs: string[] };
  /** Nouns the prompt may use for a term, most specific first ("couriers" -> driver: courier). */
  promptNouns?: Record<string, string[]>;
  /** Other features whose components this one's links name (dispatch asks the proximity index). */
  requires?: string[];
  /**
   * Its signals that name only where the feature happens (a restaurant), not what users do there: a prompt whose
   * only word for it is one of these, standing just before another feature's own phrase ("a restaurant table
   * reservation app", "restaurant reviews"), names the place of that feature, so this one does not join.
   */
  setting?: string[];
  /**
   * Words that say the prompt's words for the feature belong to another kind of thing (the questions and answers of a
   * quiz, a survey or an exam are no Q&A site's), each a case-insensitive regular expression's source, with why: where
   * the prompt says one, the feature is drawn only from a named product or from its own word in the head ("a Q&A
   * site"), never from its phrases elsewhere in the prompt.
   */
  otherKind?: { words: string; because: string };
  /**
   * Where the feature's own words draw it (each a case-insensitive regular expression's source, with why): only in a
   * prompt that also says `words` and never `unless` (stock kept at named locations, with nothing sold there, is
   * those locations' receipts, picks, transfers and counts; a prompt that sells the stock is a sale's reserved
   * count). Elsewhere its words draw it not at all, and the features they name are drawn as before.
   */
  drawnWhere?: { words: string; unless: string; because: string };
  /**
   * Supporting archetypes whose concern the feature keeps inside its own components (who is in a document and
   * where their cursors are lives in the document session's memory, not in a consensus registry): recognised
   * beside it in a supporting role and rested on by no feature of the design, such an archetype is not drawn.
   */
  carries?: { id: ArchetypeId; why: string }[];
  /**
   * Archetypes whose guarantee the feature's own record enforces in the system of record, by a conditional write or
   * one transaction there (room-night counts changed in one transaction over every night of a stay are the
   * exclusivity a lease service would give): when a demand in the prompt ("never double-books") makes one of them
   * lead a mixed design, the feature leads instead and the archetype is realized by that record (`entity`), so no
   * lease leader, consensus group or fenced resource is drawn, unless the prompt asks for the archetype's own
   * machinery (`unless`, a case-insensitive regular expression's source: a lock, a lease service, leader election).
   */
  realizes?: FeatureRealizes[];
  /**
   * Why the feature is a whole system of its own (a URL shortener is its short links): an infra prompt whose head names
   * it by its own words ("Design a URL shortener handling …") is built from it, the feature leading as in a product
   * design while the branch stays infra.
   */
  wholeSystem?: string;
  /**
   * The whole system only where the prompt's head names it ("Design loyalty points that …"): named elsewhere, its
   * phrase is a step of another system ("issue the refund … and adjust loyalty points"), which this feature does not
   * replace.
   */
  wholeSystemInHead?: boolean;
  /**
   * The subject (knowledge/topics.ts) of an infra archetype that builds this feature's whole record itself, with why
   * (a bank ledger's accounts, journal and transfers are a wallet's balances and payments): in an infra design whose
   * prompt speaks of that subject, a named product brings this feature no second copy of it. So does a mixed design
   * whose dominant archetype is that subject's (`id`: "a peer-to-peer payments app … never create money" is I16's
   * ledger of the users' stored balances), which draws the accounts, transfers and journal itself.
   */
  builtBy?: { topic: Topic; id: ArchetypeId; why: string };
  /**
   * Features this one replaces when both are recognised, each with why (room-night stays replace the seat hold for a
   * hotel; a hold confirmed by its own charge replaces a checkout that would charge the same purchase again).
   */
  supersedes?: {
    id: string;
    because: string;
    /** Replaces it only where the prompt's words match (a case-insensitive regular expression's source: knowledge/goods.ts). */
    when?: string;
    /** Never replaces it where the prompt's words match. */
    unless?: string;
    /**
     * Replaces it even where the prompt's head names it by its own word, because `when`'s words say that word means
     * this feature's act there (a library's "checkout system" lends copies; it sells nothing).
     */
    inHead?: boolean;
  }[];
  /** Back-of-envelope figures this feature adds to a design (see ../capacity/types.ts). */
  capacity?: CapacityModel;
  /** Its heaviest load as a bottleneck, ranked with the archetypes' by the share of one unit it needs. */
  hotspot?: FeatureHotspot;
  /**
   * Its heaviest load where the design does not size `hotspot`'s figure (an assumption the prompt's own counts
   * retired: places that stay put send no position updates, so their searches on dense cells are the load), in order:
   * the first whose figure the design sizes is the feature's hotspot.
   */
  otherHotspots?: readonly FeatureHotspot[];
  /** Trade-offs this feature adds to a design (see ../decisions/types.ts). */
  decisions?: DecisionPoint[];
  /** Never-violate rules, each on the action whose path it constrains; they lead a product design's invariants. */
  invariants?: FeatureInvariant[];
  /** How the feature breaks, with prevention and repair; they lead a product design's failure table. */
  failures?: FeatureFailure[];
  /** Products that fit the feature's layers, with why (and tempting ones that do not). */
  technology?: FeatureTechnology[];
}

/** The component ids a topology's protocols name, as senders or receivers. */
function protocolActors(t: Topology): string[] {
  const out: string[] = [];
  for (const spec of t.protocols ?? []) {
    const parsed = parseProtocol(spec.notation);
    if (parsed.ok) for (const s of parsed.value.steps) out.push(s.actor, ...(s.target ? [s.target] : []));
  }
  return out;
}

/**
 * Puts a feature on the shared product edge: its topology gains the skeleton's client, gateway
 * and auth service (and the object store with its CDN when it uses either), with the skeleton's
 * links among them, so features merged by component id form one architecture.
 */
function onSkeleton(t: Topology): Topology {
  const own = new Set(t.components.map((c) => c.id));
  const used = new Set([
    ...t.links.flatMap((l) => [l.from, l.to]),
    t.entry,
    t.stateOwner,
    ...t.dataModel.map((d) => d.owner),
    ...protocolActors(t),
  ]);
  const media = used.has("object-store") || used.has("cdn");
  const wanted = new Set(["client", "gateway", "auth", ...(media ? ["object-store", "cdn"] : [])]);
  const shared = PRODUCT_SKELETON.components.filter((c) => wanted.has(c.id) && !own.has(c.id));
  const links = PRODUCT_SKELETON.links.filter((l) => wanted.has(l.from) && wanted.has(l.to));
  return { ...t, components: [...shared, ...t.components], links: [...links, ...t.links] };
}

const CATALOGUE: readonly FeatureEntry[] = [
  FEED,
  GRAPH,
  MEDIA,
  PLAYBACK,
  MUSIC,
  CHAT,
  PRESENCE,
  PROXIMITY,
  BOOKING,
  STAY,
  STOCK,
  CHECKOUT,
  FULFILMENT,
  TRANSFER,
  STORED_VALUE,
  COUNTERS,
  LEADERBOARD,
  SEARCH,
  NOTIFICATIONS,
  REVIEWS,
  MATCHING,
  CALENDAR,
  COLLAB_DOCS,
  FILE_SYNC,
  RANKING,
  SHORTLINKS,
  QA,
  LENDING,
  STOCK_LEDGER,
  SHARED_EXPENSES,
];

/**
 * A feature standing on the shared product edge. Its topology is put there when first read: most designs read
 * no feature's, and doing it for all 25 at load (every protocol parsed) was ~3 ms of every start-up.
 */
function onEdge(f: FeatureEntry): FeatureEntry {
  let topology: Topology | undefined;
  // the same key, in the same place among the entry's keys, as the catalogue's own topology
  return Object.defineProperty({ ...f }, "topology", {
    get: () => {
      topology ??= onSkeleton(f.topology);
      return topology;
    },
    enumerable: true,
  });
}

/** Every product feature, in a stable order, each standing on the shared product edge. */
export const FEATURES: readonly FeatureEntry[] = CATALOGUE.map(onEdge);

export const FEATURE_BY_ID: ReadonlyMap<string, FeatureEntry> = new Map(FEATURES.map((f) => [f.id, f]));

export { coreFeatures, type NamedProduct, PRODUCTS } from "./products.js";
export { PRODUCT_SKELETON, SHARED_COMPONENT_IDS };

const MACHINERY = new Map<string, RegExp>();
/** Whether the prompt asks for the machinery of the archetype a feature's record realizes (a lock, a lease). */
export function asksForMachinery(r: FeatureRealizes, prompt: string): boolean {
  let re = MACHINERY.get(r.unless);
  if (!re) {
    re = new RegExp(r.unless, "i");
    MACHINERY.set(r.unless, re);
  }
  return re.test(prompt);
}
