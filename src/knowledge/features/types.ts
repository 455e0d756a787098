import type { PartyKind } from "../parties.js";
import type { ArchetypeId, ComponentRole, MechanismId, Operation, Scope } from "../schema.js";
import type { Topic, TopicMark } from "../topics.js";

/**
 * A user action of a product feature, written in the feature's own nouns. Words in braces are
 * terms a named product renames ("post a {post}" -> "post a tweet" for Twitter); `{Post}` is the
 * same term as an entity name and `{posts}` its plural.
 */
export interface FeatureAction {
  action: string;
  shape: Operation;
  /** The entity the action writes or reads (may hold a {Term}). */
  entity: string;
  /** Breaking this action breaks the product's contract (double booking, lost message, lost money). */
  critical: boolean;
  /** Nobody asks for it, but the visible actions stay correct only if it runs (fan-out, expiry, reindex). */
  hidden?: boolean;
  /** The infra archetype whose path carries this action's correctness: its deep dive. */
  substrate: ArchetypeId;
  /** The base mechanism that makes the action safe, when one is specific. */
  mechanism?: string;
  /**
   * The subject the action belongs to (knowledge/topics.ts, a subject only the prompt's own words speak of): kept
   * only where the prompt speaks of it (`topic`), or never where it does (`unlessTopic`: a static place never moves).
   */
  topic?: Topic;
  unlessTopic?: TopicMark;
}

/** An infra archetype the feature is built on, with the role it plays and why. */
export interface FeatureSubstrate {
  id: ArchetypeId;
  role: "substrate" | "input" | "output" | "decorator";
  why: string;
  /** For a workflow with outside effects (I12): the kind of party those effects reach (knowledge/parties.ts). */
  party?: PartyKind;
  /**
   * The feature's own record that already is this substrate's state, in the feature's {terms}, where the record's own
   * conditional write or overwrite does the substrate's job (a driver's state row, moved from available to offered
   * with an offer token and expiry, is the driver's lease): the substrate then adds no entity, protocol, decision or
   * figure of its own beside that record. Absent where the substrate keeps machinery the record lacks (a payment's
   * outbox and idempotency records).
   */
  record?: { entity: string; why: string };
  /**
   * Why the design's default stance holds in this feature's terms, where this substrate's stance leads a product
   * design (a chat's sends stop per conversation, not a log's produce requests): said in place of the archetype
   * card's own reason, which speaks of that archetype's machinery.
   */
  stance?: string;
  /**
   * Where this substrate leads the design, the scopes its correctness holds at in the feature's own records (a
   * chat's order per conversation, kept by that conversation's owner), said in place of the archetype card's (a
   * log's order per partition, kept by a partition leader): each a scope and its reason, in the feature's {terms}.
   */
  scopes?: Record<"ordering" | "exclusivity" | "coordination", { scope: Scope; why: string }>;
  /** As on an action: listed only where the prompt speaks of the subject (a waiting room's crowd at an on-sale). */
  topic?: Topic;
  unlessTopic?: TopicMark;
}

export interface FeatureEntity {
  name: string;
  description: string;
  /** As on an action: kept only where the prompt speaks of the subject, or never where it does. */
  topic?: Topic;
  unlessTopic?: TopicMark;
}

/**
 * A never-violate rule of a feature, tied to the user action whose path it constrains (`action`
 * is that action's template exactly as in `actions`). The statement names the entity the action
 * writes, in the feature's {Terms}.
 */
export interface FeatureInvariant {
  action: string;
  statement: string;
  /** The mechanism that keeps the rule (a conversation's order by its one sequencer), named as the core one. */
  keptBy?: MechanismId;
  /** As on an action: kept only where the prompt speaks of the subject (one reservation per shopper in a flash sale). */
  topic?: Topic;
  unlessTopic?: TopicMark;
}

/** A way the feature breaks, what prevents it and how it is repaired, in the feature's nouns. */
export interface FeatureFailure {
  failure: string;
  prevention: string;
  repair: string;
  role: ComponentRole;
  /** As on an action: kept only where the prompt speaks of the subject (a crowd at an on-sale), or never where it does. */
  topic?: Topic;
  unlessTopic?: TopicMark;
}

/**
 * The feature's heaviest load, as a bottleneck: the capacity figure (an id of its own capacity model) that
 * measures it, what runs hot, and how it is spread, in the feature's nouns.
 */
export interface FeatureHotspot {
  figure: string;
  bottleneck: string;
  mitigation: string;
  /**
   * The substrate the load lands on, where it is not the feature's home archetype (a delivery app's menu reads land
   * on its key-value menus, not on the fulfilment workflow its critical action runs): that substrate's card rows give
   * way to this one.
   */
  archetype?: ArchetypeId;
  /** As on an action: kept only where the prompt speaks of the subject, or never where it does. */
  topic?: Topic;
  unlessTopic?: TopicMark;
}

/** A product that fits one layer of the feature (or, with `poorFor`, a tempting one that does not). */
export interface FeatureTechnology {
  layer: "storage" | "coordination" | "serving";
  product: string;
  fits: string;
  /** Why it is the wrong choice for this feature; set only on a product to avoid. */
  poorFor?: string;
  /** Offered only where this decision chose this option (a wide-column table for feeds kept durable, not in memory). */
  chosen?: { decision: string; option: string };
  /** As on an action: offered only where the prompt speaks of the subject whose part it fills (an availability cache). */
  topic?: Topic;
  unlessTopic?: TopicMark;
}
