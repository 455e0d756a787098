import { z } from "zod";
import { MECHANISM_IDS } from "./mechanisms/catalog.js";
import { PARTY_KINDS } from "./parties.js";
import { TOPIC_VALUES } from "./topics.js";
import {
  ARCHETYPE_IDS,
  AVAILABILITY_VALUES,
  COMPONENT_ROLE_VALUES,
  COMPOSITION_ROLE_VALUES,
  CONSISTENCY_VALUES,
  DELIVERY_VALUES,
  DURABILITY_VALUES,
  INTERACTION_KIND_VALUES,
  MECHANISM_FAMILY_VALUES,
  NFR_TAG_VALUES,
  OPERATION_VALUES,
  ORDERING_VALUES,
  PREDICATE_ID_VALUES,
  READ_SHAPE_VALUES,
  RUNS_IN_VALUES,
  SCOPE_VALUES,
  WRITE_SHAPE_VALUES,
} from "./vocab.js";

/** Topics a row cannot coexist with: one, or a list (knowledge/topics.ts `TopicMark`). */
const UNLESS_TOPIC = z.union([z.enum(TOPIC_VALUES), z.array(z.enum(TOPIC_VALUES)).readonly()]).optional();

export { ARCHETYPE_IDS };

/** Closed vocabularies shared by every knowledge-base entry. */

/**
 * An archetype id. Its type is the union the compile step derives from the registry (generated/ids.ts), so a
 * dangling reference fails to compile; at parse time only the spelling is checked, because a new entry is parsed
 * before its id is in the generated union, and the compile step resolves every reference against the registry.
 */
export type ArchetypeId = (typeof ARCHETYPE_IDS)[number];
export const ArchetypeId = z.custom<ArchetypeId>((v) => typeof v === "string" && /^I\d{2}$/.test(v), {
  message: "an archetype id is I followed by two digits",
});

export const ComponentRole = z.enum(COMPONENT_ROLE_VALUES);
export type ComponentRole = z.infer<typeof ComponentRole>;

export const Operation = z.enum(OPERATION_VALUES);
export type Operation = z.infer<typeof Operation>;

export const WriteShape = z.enum(WRITE_SHAPE_VALUES);
export type WriteShape = z.infer<typeof WriteShape>;

export const ReadShape = z.enum(READ_SHAPE_VALUES);
export type ReadShape = z.infer<typeof ReadShape>;

export const InteractionKind = z.enum(INTERACTION_KIND_VALUES);
export type InteractionKind = z.infer<typeof InteractionKind>;

export const CompositionRole = z.enum(COMPOSITION_ROLE_VALUES);
export type CompositionRole = z.infer<typeof CompositionRole>;

export const MechanismFamily = z.enum(MECHANISM_FAMILY_VALUES);
export type MechanismFamily = z.infer<typeof MechanismFamily>;

export const PredicateId = z.enum(PREDICATE_ID_VALUES);
export type PredicateId = z.infer<typeof PredicateId>;

/** Tags a technology choice is matched against the stated NFRs with. */
export const NfrTag = z.enum(NFR_TAG_VALUES);
export type NfrTag = z.infer<typeof NfrTag>;

export const Scope = z.enum(SCOPE_VALUES);
export type Scope = z.infer<typeof Scope>;

export const Consistency = z.enum(CONSISTENCY_VALUES);
export const Availability = z.enum(AVAILABILITY_VALUES);
export const Delivery = z.enum(DELIVERY_VALUES);
export const Ordering = z.enum(ORDERING_VALUES);
export const Durability = z.enum(DURABILITY_VALUES);
export type Consistency = z.infer<typeof Consistency>;
export type Availability = z.infer<typeof Availability>;
export type Delivery = z.infer<typeof Delivery>;
export type Ordering = z.infer<typeof Ordering>;
export type Durability = z.infer<typeof Durability>;

const text = z.string().trim().min(3);
const weight = z.number().gt(0).lte(1);

/** How a mechanism id is spelled (checked on the catalogue itself). */
export const MechanismIdFormat = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
/** A reference to a catalogued mechanism: the union derived from the catalogue, so a dangling id fails to compile. */
export const MechanismId = z.enum(MECHANISM_IDS);
export type MechanismId = z.infer<typeof MechanismId>;
export const QuantityId = z.string().regex(/^[a-z][a-z0-9_]*$/);

export const Mechanism = z.strictObject({
  id: MechanismIdFormat,
  name: text,
  family: MechanismFamily,
  summary: text,
  /**
   * What the mechanism does not give, where its summary could be read as promising it (a quorum under sloppy
   * membership, a lease under a paused holder). Kept apart from the summary, whose words pair the mechanism with a
   * design's rules, so a caveat's words never pair it with a rule it does not keep.
   */
  limits: text.optional(),
});
export type Mechanism = z.infer<typeof Mechanism>;

export const Quantity = z.strictObject({
  id: QuantityId,
  label: text,
  unit: z.string().min(1),
  /** A value assumed when the prompt states none; absent means "must be stated". */
  assumed: z.number().positive().optional(),
  assumedBecause: text.optional(),
  /** How the quantity is said after its amount when it is one part of a budget it is summed into ("3 s of lease"). */
  share: text.optional(),
});
export type Quantity = z.infer<typeof Quantity>;

export const Formula = z.strictObject({
  /** What the expression yields, e.g. "lease renewals per second". */
  yields: text,
  /** Arithmetic over quantity ids: + - * / ^ ( ) and numbers. */
  expression: z.string().min(1),
  unit: z.string().min(1),
});
export type Formula = z.infer<typeof Formula>;

export const PhraseSignal = z.strictObject({
  /** Words or a multi-word phrase as people write it; matching is inflection- and hyphen-insensitive. */
  text: z.string().trim().min(2),
  weight,
});
export type PhraseSignal = z.infer<typeof PhraseSignal>;

export const SystemSignal = z.strictObject({
  /** A named real system, e.g. "Kafka". */
  name: z.string().trim().min(2),
  aliases: z.array(z.string().trim().min(2)).default([]),
  weight,
  /** Required when another archetype lists the same system: why both claim it. */
  sharedBecause: text.optional(),
});
export type SystemSignal = z.infer<typeof SystemSignal>;

export const Entity = z.strictObject({
  name: z.string().regex(/^[A-Z][A-Za-z0-9]*$/),
  description: text,
  truth: z.boolean(),
  /**
   * How much losing this entity costs, when it differs from the archetype's stance: the origin's object is durable
   * where it lives, though a cache's copies of it are not.
   */
  durability: z.enum(DURABILITY_VALUES).optional(),
  /**
   * How current reads of it must be and whether its writes stop when its holder is cut off, when its role differs
   * from the archetype's stance (a webhook's delivery log beside its guarded delivery state), with why.
   */
  stance: z
    .strictObject({
      consistency: z.enum(CONSISTENCY_VALUES),
      availability: z.enum(AVAILABILITY_VALUES),
      because: text,
      /**
       * What the stance guards against, when that is all it guards: "repeat" fails closed only so that an outside effect
       * never runs twice, so where the design's outside party accepts a repeat (a webhook or an email is delivered at
       * least once), the row takes the party's stance instead.
       */
      against: z.enum(["repeat"]).optional(),
    })
    .optional(),
  /** Authoritative only where the outside party cannot be asked about an outcome: our own record is then the only one. */
  truthFor: z.array(z.enum(PARTY_KINDS)).min(1).optional(),
  /**
   * The system that keeps and writes it, where that is one the design fronts rather than builds (the database behind a
   * look-aside cache): it is the design's source of truth though no path of the design writes it, held there.
   */
  givenBy: text.optional(),
  /** Only designs about this subject hold it (a ledger where money moves): its paths need the prompt's word. */
  topic: z.enum(TOPIC_VALUES).optional(),
  /** Designs of this shape never hold it (no consumer offset in a work queue that leases each message). */
  unlessTopic: UNLESS_TOPIC,
  /**
   * What it is in a design about one subject, where the general description speaks of parts that design lacks (a
   * database row behind a look-aside cache keeps no siblings or vector clocks of a leaderless store).
   */
  topicDescriptions: z.array(z.strictObject({ topic: z.enum(TOPIC_VALUES), description: text })).optional(),
});

export const WritePath = z.strictObject({
  action: text,
  entity: z.string(),
  shape: WriteShape,
  mechanism: MechanismId,
  /** A write the user never asked for (renewal, heartbeat, offset, cursor). */
  hidden: z.boolean().default(false),
  critical: z.boolean().default(false),
  /**
   * Where the path runs, when its shape and words do not tell (a periodic rule evaluation, a call the
   * outbox relay makes): the engine's rule (engine/fields/context.ts) places every other path.
   */
  runs: z.strictObject({ in: z.enum(RUNS_IN_VALUES), because: text }).optional(),
  /**
   * Why a repeat of this write changes nothing, when its own key makes it so (a sample keyed by series and
   * timestamp): a retry then needs no stored request id (predicates/duplicate-retry-matters.ts).
   */
  repeatSafe: text.optional(),
  /** Only designs about this subject make this write (a per-endpoint queue where customers register webhooks). */
  topic: z.enum(TOPIC_VALUES).optional(),
  /** Designs about this subject never make this write (no compensating refund for a push to a phone). */
  unlessTopic: UNLESS_TOPIC,
  /** Only designs whose effects reach one of these kinds of outside party (knowledge/parties.ts) keep it. */
  parties: z.array(z.enum(PARTY_KINDS)).min(1).optional(),
});

export const ReadPath = z.strictObject({
  action: text,
  entity: z.string(),
  shape: ReadShape,
  staleness: text,
  /**
   * "stale": the read decides nothing (monitoring, scaling, dashboards), so a replica may answer it even when the
   * stance is linearizable or fails closed; "none": the read is part of a decision that must see the latest write
   * (a limiter's budget check is the spend itself), so the record's owner answers it whatever the stance; without
   * either, the stance decides where the read goes. "snapshot": the read carries the snapshot it must be at least as
   * fresh as (a token from the caller's last write), so a replica that has applied that snapshot answers it and one
   * behind it forwards or waits.
   */
  tolerates: z.enum(["stale", "none", "snapshot"]).optional(),
  /**
   * How a read served off the authority still keeps a linearizable stance (a follower that first learns the leader's
   * commit index and waits until it has applied that far): where the design's consistency is linearizable, this
   * staleness and reason replace the lag the read has otherwise.
   */
  linearizable: z.strictObject({ staleness: text, because: text }).optional(),
  /**
   * This is how the archetype serves any derived copy read through it, so a product feature's read that rests on it
   * and that no path of the card names ("view a question page" on a cache tier) takes this staleness, not a
   * projector's lag (engine/fields/read-paths.ts).
   */
  servesFeatureReads: z.literal(true).optional(),
  /** Only designs about this subject make this read (a notification's outcome per device where pushes go to phones). */
  topic: z.enum(TOPIC_VALUES).optional(),
  /** Designs of this shape never make this read (no fetch by offset from a work queue). */
  unlessTopic: UNLESS_TOPIC,
  /** Only designs whose effects reach one of these kinds of outside party (knowledge/parties.ts) keep it. */
  parties: z.array(z.enum(PARTY_KINDS)).min(1).optional(),
});

/** Drawn only where a decision chose one of these options (knowledge/topology.ts `OptionMark`). */
const OPTION_MARK = z.strictObject({ decision: z.string(), options: z.array(z.string()).min(1).readonly() }).optional();

export const Protocol = z.strictObject({
  name: text,
  notation: z.string().min(10),
  /** Drawn only where the prompt speaks of this subject (knowledge/topology.ts `Topical`). */
  topic: z.enum(TOPIC_VALUES).optional(),
  /** Never drawn where the prompt speaks of this subject. */
  unlessTopic: UNLESS_TOPIC,
  /** Drawn only where a decision chose one of these options. */
  chosen: OPTION_MARK,
  /** Only designs whose effects reach one of these kinds of outside party (knowledge/parties.ts) keep it. */
  parties: z.array(z.enum(PARTY_KINDS)).min(1).optional(),
});

export const Failure = z.strictObject({
  failure: text,
  role: ComponentRole,
  prevention: text,
  repair: text,
  /** Only a design whose decision chose one of these options meets it (knowledge/topology.ts `OptionMark`). */
  chosen: OPTION_MARK,
  /** Only a design that writes an entity of this topic meets it (a card capture needs a ledger's money). */
  topic: z.enum(TOPIC_VALUES).optional(),
  /** A design whose prompt speaks of this subject never meets it (no refund reverses a push to a phone). */
  unlessTopic: UNLESS_TOPIC,
  /** Only designs whose effects reach one of these kinds of outside party (knowledge/parties.ts) keep it. */
  parties: z.array(z.enum(PARTY_KINDS)).min(1).optional(),
  /**
   * Only designs with one of these delivery guarantees keep it: a row that re-runs work after an unknown outcome
   * holds for at-least-once, and its at-most-once twin never re-runs it.
   */
  delivery: z.array(z.enum(DELIVERY_VALUES)).min(1).optional(),
});

export const Bottleneck = z.strictObject({
  bottleneck: text,
  /** Only designs whose effects reach one of these kinds of outside party (knowledge/parties.ts) keep it. */
  parties: z.array(z.enum(PARTY_KINDS)).min(1).optional(),
  /** Only designs about this subject meet it (knowledge/topics.ts). */
  topic: z.enum(TOPIC_VALUES).optional(),
  /** Designs about this subject never meet it (no broadcast to a document's editors in an order book). */
  unlessTopic: UNLESS_TOPIC,
  mitigation: text,
  formula: Formula.optional(),
});

export const Silhouette = z.strictObject({
  storage: text,
  coordination: text,
  serving: text,
});

export const Technology = z.strictObject({
  product: z.string().min(2),
  layer: z.enum(["storage", "coordination", "serving"]),
  fits: text,
  suits: z.array(NfrTag).min(1),
  poorFor: z.array(NfrTag).min(1),
  caveat: text,
  /**
   * Mechanisms this product stands in for (a workflow engine's durable history does an outbox's job): a
   * design that builds one of them itself does not also recommend the product.
   */
  instead: z.array(MechanismId).optional(),
  /**
   * Mechanisms this product does not provide though the products beside it do (Grafana Mimir's compactor compacts
   * blocks and deletes them past retention, but never downsamples): a design that builds one of them is not offered it.
   */
  lacks: z.array(MechanismId).optional(),
  /**
   * The width, in bits, of the ids this product hands out (UUIDv7 and ULID: 128): a prompt that fixes a narrower id
   * width ("64-bit IDs") is not offered it.
   */
  idBits: z.number().int().positive().optional(),
  /**
   * The parts of the design this product is (an outbox relay): one product per part, so a product whose part an
   * earlier choice already fills (CDC relaying an outbox beside tables whose relay claims rows with SKIP LOCKED)
   * is no second choice.
   */
  fills: z.array(z.string().min(3)).min(1).optional(),
  /** Offered only where the design speaks of this subject (knowledge/topics.ts). */
  topic: z.enum(TOPIC_VALUES).optional(),
  /** Never offered where the design speaks of this subject (no document OT server for an order book). */
  unlessTopic: UNLESS_TOPIC,
  /**
   * Offered only where a decision chose an option built on it (own edge appliances only where the design chose to
   * own its edge over a commercial CDN): a product that is one option of a decision, never a default.
   */
  onlyChosen: z.literal(true).optional(),
});

export const Connection = z.strictObject({
  to: ArchetypeId,
  role: CompositionRole,
  why: text,
  /** True when the dominant archetype nearly always needs this one, even unnamed in the prompt. */
  typical: z.boolean().default(false),
});

export const RuntimeOverlay = z.strictObject({
  driver: text,
  unit: text,
  worker: text,
  slot: text,
  state: text,
  source: text,
  sink: text,
  fabric: text,
  maintenance: text,
});

export const TypicalPredicate = z.strictObject({
  id: PredicateId,
  because: text,
  /** Only designs whose effects reach one of these kinds of outside party (knowledge/parties.ts) count it as usual. */
  parties: z.array(z.enum(PARTY_KINDS)).min(1).optional(),
  /** Only designs that speak of this subject (knowledge/topics.ts) count it as usual, or only those that do not. */
  topic: z.enum(TOPIC_VALUES).optional(),
  unlessTopic: UNLESS_TOPIC,
  /**
   * The card's entities its reason speaks of: only a design that writes one of them counts it as usual (a block
   * counter's stale advance is no reason in a design whose decisions left the counter out).
   */
  entities: z.array(text).min(1).optional(),
});

export const ScopeRule = z.strictObject({
  scope: Scope,
  why: text,
  /**
   * The card's entities the reason speaks of (a chunk's writer lease): where the design's operations write none of
   * them, the scope is `otherwise`'s, so it never names a record the decisions left out.
   */
  entities: z.array(text).min(1).optional(),
  otherwise: z.strictObject({ scope: Scope, why: text }).optional(),
});
/** How a design's consistency reason opens when it takes its lead's reference model (`Stance.relaxed`): said in full. */
export { REFERENCE_MODEL } from "./reference-model.js";

export const Stance = z.strictObject({
  consistency: Consistency,
  availability: Availability,
  delivery: Delivery,
  ordering: Ordering,
  durability: Durability,
  because: text,
  /**
   * A weaker consistency model the archetype's own reference system promises, taken where the prompt's words
   * (`when`, a case-insensitive regular expression) name that system or its workload (GFS's relaxed regions for
   * appended files), with why; a stated consistency still wins.
   */
  relaxed: z.strictObject({ when: z.string(), consistency: Consistency, because: text }).optional(),
  scopes: z.strictObject({ ordering: ScopeRule, exclusivity: ScopeRule, coordination: ScopeRule }),
});
export type Stance = z.infer<typeof Stance>;

export const Archetype = z.strictObject({
  id: ArchetypeId,
  name: text,
  summary: z.string().min(80),
  roles: z.array(ComponentRole).min(1),
  /** A runtime archetype (scheduler, workflow, fleet, streaming, projection, telemetry, repair: FRAMEWORK.md §9) carries the overlay. */
  runtime: z.boolean().default(false),
  signals: z.strictObject({
    phrases: z.array(PhraseSignal).min(8),
    systems: z.array(SystemSignal),
  }),
  entities: z.array(Entity).min(2),
  writePaths: z.array(WritePath).min(2),
  readPaths: z.array(ReadPath).min(1),
  protocols: z.array(Protocol).min(1),
  invariants: z.array(text).min(2),
  /**
   * Invariants only some designs hold (knowledge/topics.ts): a statement listed here with `topic` holds only where
   * the prompt speaks of it, with `unlessTopic` only where it does not (no provider dedupes a push by our key).
   */
  invariantTopics: z
    .array(
      z.strictObject({
        statement: text,
        topic: z.enum(TOPIC_VALUES).optional(),
        unlessTopic: UNLESS_TOPIC,
        /**
         * The mechanism that keeps this subject's rule (a top k's ranking by partition-local lists merged, a device's
         * late samples by an out-of-order window): where the design holds it, the script names it as the core one.
         */
        keptBy: MechanismId.optional(),
        /**
         * Words of a prompt clause this rule carries ("logout must take effect everywhere"): where the prompt says one,
         * the rule quotes that clause as its reason, so the stated requirement is read by the rule that keeps it.
         */
        says: z.string().optional(),
      }),
    )
    .optional(),
  /**
   * Invariants that bound a rate the prompt may state per scope ("1,000 requests per minute" per API key): where it
   * states one, the design says the rule in its own figure (`stated`, with {scope}, {rate} and {nodes} filled from the
   * stated numbers), so the hard rule is the prompt's limit, not a card's generic one.
   */
  invariantRates: z.array(z.strictObject({ statement: text, stated: text })).optional(),
  contract: z.strictObject({
    api: z.array(text).min(2),
    guarantees: z.array(text).min(1),
  }),
  predicates: z.array(TypicalPredicate).min(1),
  failures: z.array(Failure).min(4),
  bottlenecks: z.array(Bottleneck).min(3),
  silhouette: Silhouette,
  /** The silhouette of a design about one subject, where it differs (an order book's matcher and order log). */
  topicSilhouettes: z.array(Silhouette.extend({ topic: z.enum(TOPIC_VALUES) })).optional(),
  technologies: z.array(Technology).min(2),
  connections: z.array(Connection).min(1),
  overlay: RuntimeOverlay.optional(),
  /** The runtime overlay of a design about one subject, where it differs (a work queue's leased messages, not a log's groups). */
  topicOverlays: z.array(RuntimeOverlay.extend({ topic: z.enum(TOPIC_VALUES) })).optional(),
  /** The NFR stance a design takes when the prompt is silent, and the scopes at which ordering, exclusivity and coordination hold. */
  stance: Stance,
  /**
   * Where ordering, exclusivity and coordination hold in a design about one subject, where they differ from the
   * card's own (a file-sync product's commits are ordered per namespace journal, not by a chunk's writer lease).
   */
  topicScopes: z
    .array(
      z.strictObject({
        topic: z.enum(TOPIC_VALUES),
        ordering: ScopeRule,
        exclusivity: ScopeRule,
        coordination: ScopeRule,
      }),
    )
    .optional(),
});
export type Archetype = z.infer<typeof Archetype>;
export type ArchetypeInput = z.input<typeof Archetype>;

/** An archetype's default NFR stance and correctness scopes, used when the prompt states none. */
