import type { PartyKind } from "../../knowledge/parties.js";
import type {
  ArchetypeId,
  Availability,
  ComponentRole,
  Consistency,
  Delivery,
  Durability,
  InteractionKind,
  MechanismFamily,
  Operation,
  Ordering,
  PredicateId,
  Scope,
} from "../../knowledge/schema.js";
import type { Topic } from "../../knowledge/topics.js";
import type { RunsIn as KnowledgeRunsIn } from "../../knowledge/vocab.js";
import type { FailureUnit, RepeatWindow, StatedGuarantee, StatedNfrs } from "../nfr-parse.js";
import type { FeatureNotDrawn } from "../product/recognize.js";
import type { Recognition } from "../recognize/recognize.js";

/** Where an effective value came from: the prompt, an override, or an archetype default. */
export interface Sourced<T> {
  value: T;
  source: "stated" | "override" | "default";
  because: string;
}

export interface Nfrs {
  delivery: Sourced<Delivery>;
  consistency: Sourced<Consistency>;
  availability: Sourced<Availability>;
  ordering: Sourced<Ordering>;
  durability: Sourced<Durability>;
  regions: Sourced<number>;
  latency: StatedNfrs["latency"];
  /** Quantities the prompt states, by quantity id. */
  scale: Record<string, { value: number; quote: string; reading?: string; source: "stated" | "override" }>;
  /** Quantities the prompt's nouns imply without stating them, each with the noun as its reason. */
  implied?: Record<string, { value: number; because: string }>;
  /** The kind of outside party a workflow's effects reach (knowledge/parties.ts), when the design has one. */
  party?: { value: PartyKind; because: string };
  /**
   * The subjects (knowledge/topics.ts) the prompt and its product features speak of, each with the words that name
   * it: an archetype's rows, decision points, products and capacity figures kept for one subject follow them.
   */
  topics?: { value: Topic; because: string }[];
  /**
   * The key a stated per-key order is kept within, when the prompt names it ("each customer's events in order"),
   * with the items it orders where it names them (events).
   */
  orderKey?: { value: string; items?: string; because: string };
  /** A repeat the prompt forbids within a window ("never fetches the same URL twice in one day"). */
  repeatWindow?: RepeatWindow & { because: string };
  /** The width the prompt fixes for its ids ("64-bit IDs"): no product whose ids are wider is offered. */
  idWidth?: { bits: number; because: string };
  /** The guarantees the prompt states in clauses of their own (never twice per slot, keeps serving its last copy). */
  guarantees?: StatedGuarantee[];
  /** The failure unit the prompt says the system survives the loss of, with its words. */
  survives?: { value: FailureUnit; because: string };
  /** Reads whose consistency each request chooses (a stated tunable consistency), with its words. */
  readModes?: { value: "per-request"; because: string };
  /** An outcome final only once a named outside party confirms it, with the party and the prompt's words. */
  confirmation?: { party: string; because: string };
  /** Claims the prompt treats as lasting ownership rather than session leases, with its words. */
  tenure?: { value: "durable"; because: string };
}

export interface Requirement {
  text: string;
  kind: "stated" | "core" | "hidden" | "implied" | "deep dive";
  archetype: ArchetypeId;
  because: string;
  /** The product feature whose user action this is, when it comes from one. */
  feature?: string;
  /** The archetype write or read path the requirement instantiates, when it comes from one. */
  path?: { shape: Operation; entity: string; mechanism?: string; critical: boolean; hidden: boolean };
  /** The alias-table row a stated requirement matched. */
  alias?: { phrase: string; operation: Operation; interaction: InteractionKind; hidden: boolean };
}

export interface OperationRow {
  phrase: string;
  operation: Operation;
  interaction: InteractionKind;
  entity: string;
  archetype: ArchetypeId;
  critical: boolean;
  hidden: boolean;
  /** The base mechanism the archetype's write or read path names, when it names one. */
  mechanism?: string;
  /** The product feature whose user action this is, when it comes from one. */
  feature?: string;
  because: string;
}

export interface CriticalPath {
  name: string;
  operations: string[];
  archetype: ArchetypeId;
  because: string;
}

export interface PrimaryStateRow {
  entity: string;
  description: string;
  authority: string;
  scope: Scope;
  archetype: ArchetypeId;
  because: string;
  /**
   * How much losing this state costs, by its role: the prompt's stated durability, else the stance of the archetype
   * that holds it (a config store's versions are durable while a liveness registry's leases are soft).
   */
  durability: { value: Durability; because: string };
  /**
   * How current a read of this state must be, by its role: the prompt's stated consistency, else linearizable where
   * a majority-commit group holds it, else its archetype's stance (a delivery log is not a payment's state).
   */
  consistency: { value: Consistency; because: string };
  /** Whether writes to this state are refused or kept up when its holder is cut off, by the same rule. */
  availability: { value: Availability; because: string };
}

export interface ScopeRow {
  concern: "ordering" | "exclusivity" | "coordination";
  scope: Scope;
  why: string;
  archetype: ArchetypeId;
}

export interface InvariantRow {
  path: string;
  statement: string;
  archetype: ArchetypeId;
  because: string;
  /** The mechanism the rule's own card or feature names as what keeps it (`keptBy` on the knowledge row). */
  keptBy?: string;
}

export type RunsIn = KnowledgeRunsIn;

export interface ExecutionContext {
  paths: { path: string; runsIn: RunsIn; because: string }[];
  retries: string;
  crashes: string;
  clocks: string;
  regions: string;
  /**
   * Regions the read path is served from when the stated latency target is below one round trip between regions and
   * no region count is stated: each keeps a copy of what is read, and the authoritative state stays in one region.
   */
  servingRegions?: { value: number; because: string };
  failureStance: string;
  /**
   * The paths whose stance a hard rule the prompt states forces beyond the design's own (engine/hard-rules.ts): each
   * fails closed on one linearizable authority while the rest keep the design's stance.
   */
  pathStances?: { path: string; availability: "fail-closed"; consistency: "linearizable"; because: string }[];
}

export interface PredicateRow {
  id: PredicateId;
  name: string;
  holds: boolean;
  because: string;
  source: "derived" | "override";
}

export interface MechanismRow {
  id: string;
  name: string;
  family: MechanismFamily;
  kind: "base" | "companion";
  because: string[];
  protects: string;
  /** Why this invariant: the path, the predicate's guarded words or the words it shares with the mechanism. */
  protectsBecause: string;
  /** Set when the mechanism keeps no rule: the liveness, throughput or recovery concern it is kept for. */
  serves?: string;
}

export interface ReadPathRow {
  read: string;
  entity: string;
  servedBy: "authority" | "replica" | "derived copy";
  staleness: string;
  archetype: ArchetypeId;
  because: string;
}

export interface TechnologyRow {
  layer: "storage" | "coordination" | "serving";
  shape: string;
  archetype: ArchetypeId;
  /**
   * `component`: the drawn component the product would be, where its name says what kind of part it is (a log).
   * `split`: the count of primaries or nodes the design sizes the store over, when its load is past one.
   */
  choices: { product: string; fits: string; why: string; component?: string; split?: string }[];
  avoid?: { product: string; why: string };
  /** Products the prompt asks to build (named, or the archetype itself): the reference design, never a choice. */
  references?: { product: string; why: string }[];
  /** The best product of the layer left out of the choices, with why it lost to them (a decision that rejected the option it is built on, or a lower fit). */
  runnerUp?: { product: string; why: string };
}

export interface FailureRow {
  failure: string;
  prevention: string;
  repair: string;
  role: ComponentRole;
  archetype: ArchetypeId;
  source: string;
}

/** The per-unit ceiling a bottleneck's load is checked against: what one leader, primary, core or account handles. */
export interface BottleneckCeiling {
  /** The headroom or count figure that divides the load by the per-unit capacity. */
  figure: string;
  kind: "headroom" | "count";
  /** The figure divided (the load itself, or the total it is an even split of). */
  load: string;
  /** The unit the capacity is planned per ("leader", "primary", "account"). */
  per: string;
  /** The per-unit capacity input, with its value and where it comes from. */
  input: string;
  value: number;
  unit?: string;
  source: "stated" | "assumed" | "override";
  because: string;
  /** The share of one unit's capacity the load uses, when the figure is a headroom. */
  share?: number;
}

/** Why a bottleneck ranks where it does. */
export interface BottleneckRank {
  code:
    | "feature-load"
    | "sized-by-prompt"
    | "closest-to-shared-ceiling"
    | "most-units"
    | "load-before-storage-cost"
    | "dominant-first"
    | "dominant-card-order"
    | "supporting-first";
  refs: string[];
}

export interface BottleneckRow {
  bottleneck: string;
  mitigation: string;
  formula?: string;
  /** The formula evaluated with the prompt's numbers (and named assumptions), when it could be. */
  estimate?: string;
  archetype: ArchetypeId;
  rank: "first hotspot" | "next";
  /** The capacity figure that sizes this bottleneck. */
  load?: { figure: string; value: number; unit: string };
  /** The per-unit ceiling that load is checked against, when it has one. */
  ceiling?: BottleneckCeiling;
  /** Why the row ranks where it does. */
  why?: BottleneckRank;
}

export interface ChecklistRow {
  question: string;
  answer: string;
  complete: boolean;
  missing?: string;
}

export interface OverlayRow {
  archetype: ArchetypeId;
  driver: string;
  unit: string;
  worker: string;
  slot: string;
  state: string;
  source: string;
  sink: string;
  fabric: string;
  maintenance: string;
}

export interface Diagram {
  kind: "hld" | "sequence";
  title: string;
  mermaid: string;
}

/* ---- Architecture, numbers and decisions (second wave; see ../shared/DESIGN.md) ---- */

export type { ComponentKind, LinkKind } from "../../knowledge/topology.js";

import type { CapacityKind } from "../../knowledge/capacity/types.js";
import type { DecisionImplies } from "../../knowledge/decisions/types.js";

import type { ComponentKind, LinkKind } from "../../knowledge/topology.js";

/** A box of the architecture: what it is, what state it holds, what paths or loops it runs. */
export interface ComponentRow {
  id: string;
  name: string;
  kind: ComponentKind;
  /** The archetype (or product feature id) that contributed it. */
  archetype: string;
  holds: string[];
  runs: string[];
  because: string;
}

export interface LinkRow {
  from: string;
  to: string;
  kind: LinkKind;
  label: string;
}

/** One client-facing call with the fields that matter for correctness. */
export interface ApiRow {
  operation: string;
  call: string;
  request: string[];
  response: string[];
  errors: string[];
  guarantee: string;
  archetype: string;
  /** Why the call is there, when the prompt's own words asked for it (a stock it counts: engine/stock-records.ts). */
  because?: string;
  /**
   * The options of one decision this call's variant belongs to, where the options change what the call promises (a
   * publish acknowledged by every in-sync replica under acks=all, by the leader alone under acks=1): coherence
   * `rejected-option-drawn` matches a call by its operation and this, not by the operation alone.
   */
  chosen?: { decision: string; options: string[] };
}

/** One entity of primary state as a table/keyspace. */
export interface DataModelRow {
  entity: string;
  key: string[];
  fields: string[];
  indexes: string[];
  partitionKey?: string;
  /** The component id that owns it. */
  owner: string;
  archetype: string;
  /** Why the record is there, when the prompt's own words asked for it (a stock it counts: engine/stock-records.ts). */
  because?: string;
}

export interface CapacityInput {
  name: string;
  value: number;
  /** The quantity's unit, when it has one. */
  unit?: string;
  source: "stated" | "assumed" | "override";
  because: string;
}

/** One back-of-envelope figure: `formula = value unit`, every input stated or assumed. */
export interface CapacityRow {
  /** The figure's id (usable in decision conditions and later formulas). */
  id: string;
  quantity: string;
  kind: CapacityKind;
  formula: string;
  value: number;
  unit: string;
  display: string;
  inputs: CapacityInput[];
  archetype: string;
  /** The design quantity this figure decides (partitions, nodes, workers), when it decides one. */
  sets?: string;
  /** The stated target this figure must stay within (a scale quantity: failover_seconds), when the prompt states it. */
  bound?: { quantity: string; value: number };
  /**
   * For a figure sized by the larger of several drivers (max(…)): the driver that sets it, with its own value, and
   * each other driver with what it alone would need.
   */
  drivenBy?: { term: string; value: number; over: { term: string; value: number }[] };
}

export interface DecisionOption {
  id: string;
  name: string;
  buys: string;
  costs: string;
  /** When this option wins, in words. */
  winsWhen: string;
  /** The words that name this option and no other (`DecisionOptionSpec.key`). */
  key?: string;
  implies?: DecisionImplies;
}

/** A trade-off argued for this prompt: the options, the one chosen and why, and when the other would win. */
export interface DecisionRow {
  id: string;
  question: string;
  options: DecisionOption[];
  /** The chosen option's id. */
  chosen: string;
  because: string;
  wouldFlipIf: string;
  /** The NFRs and numbers the choice rests on, with their values in this design. */
  inputs: string[];
  /** Whether the chosen option's implications shape the mechanisms (the dominant archetype's and features' decisions, and any override). */
  drives: boolean;
  source: "derived" | "override";
  archetype: string;
  /**
   * The options whose structured win condition (the facts form of `winsWhen`) holds in this design, each with
   * the conditions as this design's values; absent when none does. A rejected option listed here is a contradiction.
   */
  winning?: { option: string; says: string[] }[];
}

/** A recurring product feature a product prompt is built from (feed, media, booking hold, …). */
export interface FeatureRow {
  id: string;
  name: string;
  evidence: string[];
  /** Infra archetypes the feature rests on, with their role. */
  substrates: { id: string; role: string; why: string }[];
  /** The user actions in the product's own words ("post a tweet"). */
  actions: string[];
  /** The feature's core entities in the product's words. */
  entities: { name: string; description: string }[];
  /** The non-functional requirements the feature brings, in the product's words. */
  nfrs: string[];
  /** The product's words for the feature's terms ({post} -> "tweet"), for anything that shows its nouns. */
  terms: Record<string, string>;
}

/**
 * A recognised archetype as the design uses it. The dominant one may carry the supporting archetypes whose role its
 * own variant plays (`knowledge/covers.ts`: a work queue's visibility timeout is the per-message lease): those are
 * named here with the part that covers them, and add nothing else to the design.
 */
export type DesignArchetype = Recognition["archetypes"][number] & {
  covers?: CoveredArchetype[];
  /** On the dominant row: what the design is about when the prompt speaks of one of its subjects (knowledge/covers.ts). */
  variant?: ArchetypeVariant;
  /**
   * On the first row of a mixed design whose dominant archetype came from a demand a product feature's own record
   * enforces in the system of record (`realizes` in knowledge/features): the feature leads the design instead, and
   * that archetype is realized by the record; it stays in the list only where a critical action rests on it.
   */
  realizes?: RealizedArchetype;
  /**
   * On the first row of a product or mixed design: the product features the prompt reaches only through a stray word
   * ("their books" for booking), not drawn, each with why (`engine/product/feature-evidence.ts`).
   */
  featuresNotDrawn?: FeatureNotDrawn[];
};

export interface RealizedArchetype {
  /** The archetype the record realizes, and the recogniser's evidence that made it dominant. */
  id: Recognition["archetypes"][number]["id"];
  name: string;
  evidence: string[];
  /** The feature's id and name. */
  feature: string;
  featureName: string;
  /** The feature's record, in the product's words, whose conditional write or transaction enforces the guarantee. */
  entity: string;
  /** The demand the record keeps, as a clause. */
  demand: string;
  because: string;
}

export interface ArchetypeVariant {
  topic: string;
  /** A noun phrase: "a look-aside cache tier in front of the database, which stays the system of record". */
  subject: string;
  summary: string[];
  /** Supporting archetypes the subject already says. */
  absorbs: string[];
}

export interface CoveredArchetype {
  id: Recognition["archetypes"][number]["id"];
  name: string;
  /** The role recognition gave it beside the dominant. */
  role: Recognition["archetypes"][number]["role"];
  score: number;
  /** The recogniser's evidence for it. */
  evidence: string[];
  /** Which part of the dominant covers its role, and why. */
  because: string;
}

/** Every worksheet field, by name. The field graph computes them in dependency order. */
export interface Fields {
  prompt: string;
  branch: Recognition["branch"];
  archetypes: DesignArchetype[];
  nfrs: Nfrs;
  overlay: OverlayRow[];
  requirements: Requirement[];
  operations: OperationRow[];
  criticalPaths: CriticalPath[];
  primaryState: PrimaryStateRow[];
  scopes: ScopeRow[];
  invariants: InvariantRow[];
  context: ExecutionContext;
  predicates: PredicateRow[];
  baseMechanisms: MechanismRow[];
  companions: MechanismRow[];
  readPaths: ReadPathRow[];
  technology: TechnologyRow[];
  failures: FailureRow[];
  bottlenecks: BottleneckRow[];
  checklist: ChecklistRow[];
  features: FeatureRow[];
  components: ComponentRow[];
  links: LinkRow[];
  api: ApiRow[];
  dataModel: DataModelRow[];
  capacity: CapacityRow[];
  decisions: DecisionRow[];
  diagrams: Diagram[];
}

export type FieldName = keyof Fields;

/** Every field name, in the order the Fields interface lists them (what the schema and the trace use at run time). */
export const FIELD_NAMES = [
  "prompt",
  "branch",
  "archetypes",
  "nfrs",
  "overlay",
  "requirements",
  "operations",
  "criticalPaths",
  "primaryState",
  "scopes",
  "invariants",
  "context",
  "predicates",
  "baseMechanisms",
  "companions",
  "readPaths",
  "technology",
  "failures",
  "bottlenecks",
  "checklist",
  "features",
  "components",
  "links",
  "api",
  "dataModel",
  "capacity",
  "decisions",
  "diagrams",
] as const satisfies readonly FieldName[];
/** Fails to compile when a field is added to Fields and not to FIELD_NAMES. */
export const FIELD_NAMES_COMPLETE: Exclude<FieldName, (typeof FIELD_NAMES)[number]> extends never ? true : never = true;

export type Category = "Given" | "Chosen" | "Classified" | "Derived" | "Output";

export interface TraceEntry {
  field: FieldName;
  category: Category;
  rule: string;
  inputs: FieldName[];
  /** Overrides that pinned part or all of this field. */
  pinned?: string[];
}
