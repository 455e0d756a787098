import type { ArchetypeId, Operation } from "../schema.js";

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
}

/** An infra archetype the feature is built on, with the role it plays and why. */
export interface FeatureSubstrate {
  id: ArchetypeId;
  role: "substrate" | "input" | "output" | "decorator";
  why: string;
}

export interface FeatureEntity {
  name: string;
  description: string;
}
