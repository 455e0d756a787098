/**
 * The Design object's schema: every field of the JSON contract (../../../ARCHITECTURE.md, DESIGN.md), defined
 * once with zod. The JSON Schema `mechsd schema` prints is generated from it, imports are checked against it,
 * and a test checks every corpus design. Loading this module loads zod, so only the `schema` command, the
 * server and the tests import it at run time; everything else imports its types only.
 */

import { z } from "zod";
import { CAPACITY_KIND_VALUES } from "../../knowledge/capacity/types.js";
import { PROPERTY_VALUES } from "../../knowledge/decisions/properties.js";
import { MECHANISM_IDS } from "../../knowledge/mechanisms/catalog.js";
import { PARTY_KINDS } from "../../knowledge/parties.js";
import { TOPIC_VALUES } from "../../knowledge/topics.js";
import { COMPONENT_KIND_VALUES, LINK_KIND_VALUES } from "../../knowledge/topology.js";
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
  OPERATION_VALUES,
  ORDERING_VALUES,
  PREDICATE_ID_VALUES,
  SCOPE_VALUES,
} from "../../knowledge/vocab.js";
import { COHERENCE_RULES, type CoherenceRule } from "../coherence.js";
import { FEATURE_EVIDENCE_KINDS } from "../product/feature-evidence.js";
import { EVIDENCE_KINDS } from "../recognize/evidence-kinds.js";
import { NOT_DRAWN_RULES } from "../recognize/stray-support.js";
import { FIELD_NAMES } from "./types.js";

const ArchetypeId = z.enum(ARCHETYPE_IDS);
const Operation = z.enum(OPERATION_VALUES);
const InteractionKind = z.enum(INTERACTION_KIND_VALUES);
const Scope = z.enum(SCOPE_VALUES);
const strings = z.array(z.string());

const Branch = z.strictObject({
  kind: z.enum(["infra", "product", "mixed"]),
  evidence: strings,
  scores: z.strictObject({ infra: z.number(), product: z.number() }),
});

const ArchetypeFields = {
  id: ArchetypeId,
  name: z.string(),
  role: z.enum(["dominant", ...COMPOSITION_ROLE_VALUES]),
  score: z.number(),
  evidence: strings,
  own: z.number().optional(),
  basis: z.array(z.enum(EVIDENCE_KINDS)).optional(),
};

const RecognizedArchetype = z.strictObject({
  ...ArchetypeFields,
  notDrawn: z
    .array(
      z.strictObject({
        id: z.string(),
        name: z.string(),
        rule: z.enum(NOT_DRAWN_RULES),
        words: strings,
        kinds: z.array(z.enum(EVIDENCE_KINDS)),
        because: z.string(),
      }),
    )
    .optional(),
  featuresNotDrawn: z
    .array(
      z.strictObject({
        id: z.string(),
        name: z.string(),
        rule: z.enum(["stray-feature", "other-kind"]),
        words: strings,
        kinds: z.array(z.enum(FEATURE_EVIDENCE_KINDS)),
        because: z.string(),
      }),
    )
    .optional(),
  covers: z.array(z.strictObject({ ...ArchetypeFields, because: z.string() })).optional(),
  variant: z.strictObject({ topic: z.string(), subject: z.string(), summary: strings, absorbs: strings }).optional(),
  realizes: z
    .strictObject({
      id: ArchetypeId,
      name: z.string(),
      evidence: strings,
      feature: z.string(),
      featureName: z.string(),
      entity: z.string(),
      demand: z.string(),
      because: z.string(),
    })
    .optional(),
});

/**
 * A guarantee the prompt states in a clause of its own, in the shape the design keeps it (its words are in
 * `nfrs.sources["guarantee.<i>"]`): the one declaration of these shapes, whose types the engine infers
 * (`GuaranteeShape`; engine/stated-rules.ts adds the words a parse quotes).
 */
const Guarantee = z.union([
  z.strictObject({
    kind: z.literal("once"),
    noun: z.string(),
    act: z.string().optional(),
    scope: z.string().optional(),
  }),
  z.strictObject({ kind: z.literal("last-known"), what: z.string(), dependency: z.string() }),
  z.strictObject({ kind: z.literal("atomic-publish"), noun: z.string(), state: z.string() }),
  z.strictObject({ kind: z.literal("never-stale"), noun: z.string(), state: z.string(), act: z.string() }),
  z.strictObject({
    kind: z.literal("exactly-one"),
    noun: z.string(),
    owner: z.string(),
    how: z.string(),
    scope: z.string().optional(),
  }),
  z.strictObject({
    kind: z.literal("latest-read"),
    noun: z.string(),
    state: z.string(),
    act: z.string(),
    after: z.string().optional(),
  }),
  z.strictObject({
    kind: z.literal("capacity"),
    capacity: z.string(),
    scope: z.string().optional(),
    noun: z.string().optional(),
    act: z.string(),
  }),
  z.strictObject({
    kind: z.literal("cap"),
    noun: z.string(),
    limit: z.string(),
    scope: z.string().optional(),
    crash: z.string().optional(),
  }),
  z.strictObject({ kind: z.literal("effect-last"), noun: z.string(), effect: z.string(), cannot: z.string() }),
  z.strictObject({ kind: z.literal("never-lost"), noun: z.string(), oneMachine: z.literal(true).optional() }),
  z.strictObject({ kind: z.literal("exactly-once"), noun: z.string(), act: z.string() }),
  z.strictObject({
    kind: z.literal("all-parts"),
    noun: z.string(),
    state: z.string(),
    parts: z.string(),
    done: z.string(),
  }),
  z.strictObject({
    kind: z.literal("survive-loss"),
    noun: z.string(),
    lost: z.number().int().positive(),
    of: z.number().int().positive().optional(),
    unit: z.string(),
  }),
  z.strictObject({ kind: z.literal("rebuilt-from"), source: z.string() }),
  z.strictObject({ kind: z.literal("replay-from") }),
  z.strictObject({ kind: z.literal("fenced-takeover") }),
  z.strictObject({ kind: z.literal("one-answer") }),
  z.strictObject({ kind: z.literal("resume-from") }),
  z.strictObject({ kind: z.literal("copies-within"), bound: z.string(), noun: z.string().optional() }),
  z.strictObject({
    kind: z.literal("stay-writable"),
    noun: z.string(),
    unit: z.enum(["region", "data centre"]),
    cut: z.enum(["partition", "loss"]).optional(),
  }),
  z.strictObject({ kind: z.literal("same-order"), noun: z.string(), converge: z.literal(true).optional() }),
]);
/** A stated guarantee's shape, inferred from the schema. */
export type GuaranteeShape = z.infer<typeof Guarantee>;

const Nfrs = z.strictObject({
  delivery: z.enum(DELIVERY_VALUES),
  consistency: z.enum(CONSISTENCY_VALUES),
  availability: z.enum(AVAILABILITY_VALUES),
  ordering: z.enum(ORDERING_VALUES),
  durability: z.enum(DURABILITY_VALUES),
  regions: z.number(),
  latency: z.array(z.strictObject({ percentile: z.string(), ms: z.number(), quote: z.string() })),
  /** Quantities the prompt or an override states, by quantity id. */
  scale: z.record(z.string(), z.number()),
  /** Where each value came from (`scale.<id>` for the scale quantities). */
  sources: z.record(z.string(), z.strictObject({ source: z.string(), because: z.string() })),
  /** The kind of outside party a workflow's effects reach (`sources.party` says why). */
  party: z.enum(PARTY_KINDS).optional(),
  /** The subjects the design speaks of (`sources["topic.<name>"]` says which words name each). */
  topics: z.array(z.enum(TOPIC_VALUES)).optional(),
  /** The key a stated per-key order is kept within (`sources.orderKey` says which words name it). */
  orderKey: z.string().optional(),
  /** A repeat the prompt forbids within a window (`sources.repeatWindow` says which words state it). */
  repeatWindow: z
    .strictObject({ noun: z.string(), act: z.string(), seconds: z.number(), window: z.string() })
    .optional(),
  /** The width in bits the prompt fixes for its ids (`sources.idWidth` says which words state it). */
  idWidth: z.number().optional(),
  /** The guarantees the prompt states in clauses of their own (`sources["guarantee.<i>"]` says which words). */
  guarantees: z.array(Guarantee).optional(),
  /** The failure unit the prompt says the system survives the loss of (`sources.survives` says which words). */
  survives: z.enum(["zone", "data centre", "rack", "region"]).optional(),
  /** Reads whose consistency each request chooses (`sources.readModes` says which words). */
  readModes: z.literal("per-request").optional(),
});

const Overlay = z.strictObject({
  archetype: ArchetypeId,
  driver: z.string(),
  unit: z.string(),
  worker: z.string(),
  slot: z.string(),
  state: z.string(),
  source: z.string(),
  sink: z.string(),
  fabric: z.string(),
  maintenance: z.string(),
});

const Requirement = z.strictObject({
  text: z.string(),
  kind: z.enum(["stated", "core", "hidden", "implied", "deep dive"]),
  archetype: ArchetypeId,
  because: z.string(),
  feature: z.string().optional(),
  path: z
    .strictObject({
      shape: Operation,
      entity: z.string(),
      mechanism: z.string().optional(),
      critical: z.boolean(),
      hidden: z.boolean(),
    })
    .optional(),
  alias: z
    .strictObject({ phrase: z.string(), operation: Operation, interaction: InteractionKind, hidden: z.boolean() })
    .optional(),
});

const OperationRow = z.strictObject({
  phrase: z.string(),
  operation: Operation,
  interaction: InteractionKind,
  entity: z.string(),
  archetype: ArchetypeId,
  critical: z.boolean(),
  hidden: z.boolean(),
  mechanism: z.string().optional(),
  feature: z.string().optional(),
  because: z.string(),
});

const CriticalPath = z.strictObject({
  name: z.string(),
  operations: strings,
  archetype: ArchetypeId,
  because: z.string(),
});

const PrimaryState = z.strictObject({
  entity: z.string(),
  description: z.string(),
  authority: z.string(),
  scope: Scope,
  archetype: ArchetypeId,
  because: z.string(),
  durability: z.strictObject({ value: z.enum(DURABILITY_VALUES), because: z.string() }),
  consistency: z.strictObject({ value: z.enum(CONSISTENCY_VALUES), because: z.string() }),
  availability: z.strictObject({ value: z.enum(AVAILABILITY_VALUES), because: z.string() }),
});

const ScopeRow = z.strictObject({
  concern: z.enum(["ordering", "exclusivity", "coordination"]),
  scope: Scope,
  why: z.string(),
  archetype: ArchetypeId,
});

const Invariant = z.strictObject({
  path: z.string(),
  statement: z.string(),
  archetype: ArchetypeId,
  because: z.string(),
  /** The mechanism the rule's own card or feature names as what keeps it. */
  keptBy: z.string().optional(),
});

const Context = z.strictObject({
  paths: z.array(
    z.strictObject({
      path: z.string(),
      runsIn: z.enum(["request path", "async worker", "control loop"]),
      because: z.string(),
    }),
  ),
  retries: z.string(),
  crashes: z.string(),
  clocks: z.string(),
  regions: z.string(),
  servingRegions: z.strictObject({ value: z.number(), because: z.string() }).optional(),
  failureStance: z.string(),
  pathStances: z
    .array(
      z.strictObject({
        path: z.string(),
        availability: z.literal("fail-closed"),
        consistency: z.literal("linearizable"),
        because: z.string(),
      }),
    )
    .optional(),
});

const Predicate = z.strictObject({
  id: z.enum(PREDICATE_ID_VALUES),
  name: z.string(),
  holds: z.boolean(),
  because: z.string(),
  source: z.enum(["derived", "override"]),
});

const Mechanism = z.strictObject({
  id: z.string(),
  name: z.string(),
  family: z.enum(MECHANISM_FAMILY_VALUES),
  kind: z.enum(["base", "companion"]),
  because: strings,
  protects: z.string(),
  protectsBecause: z.string(),
  serves: z.string().optional(),
});

const ReadPath = z.strictObject({
  read: z.string(),
  entity: z.string(),
  servedBy: z.enum(["authority", "replica", "derived copy"]),
  staleness: z.string(),
  archetype: ArchetypeId,
  because: z.string(),
});

const Product = z.strictObject({ product: z.string(), why: z.string() });
const Technology = z.strictObject({
  layer: z.enum(["storage", "coordination", "serving"]),
  shape: z.string(),
  archetype: ArchetypeId,
  choices: z.array(
    z.strictObject({
      product: z.string(),
      fits: z.string(),
      why: z.string(),
      component: z.string().optional(),
      split: z.string().optional(),
    }),
  ),
  avoid: Product.optional(),
  references: z.array(Product).optional(),
  runnerUp: Product.optional(),
});

const Failure = z.strictObject({
  failure: z.string(),
  prevention: z.string(),
  repair: z.string(),
  role: z.enum(COMPONENT_ROLE_VALUES),
  archetype: ArchetypeId,
  source: z.string(),
});

const Bottleneck = z.strictObject({
  bottleneck: z.string(),
  mitigation: z.string(),
  formula: z.string().optional(),
  estimate: z.string().optional(),
  archetype: ArchetypeId,
  rank: z.enum(["first hotspot", "next"]),
  load: z.strictObject({ figure: z.string(), value: z.number(), unit: z.string() }).optional(),
  ceiling: z
    .strictObject({
      figure: z.string(),
      kind: z.enum(["headroom", "count"]),
      load: z.string(),
      per: z.string(),
      input: z.string(),
      value: z.number(),
      unit: z.string().optional(),
      source: z.enum(["stated", "assumed", "override"]),
      because: z.string(),
      share: z.number().optional(),
    })
    .optional(),
  why: z
    .strictObject({
      code: z.enum([
        "feature-load",
        "sized-by-prompt",
        "closest-to-shared-ceiling",
        "most-units",
        "load-before-storage-cost",
        "dominant-first",
        "dominant-card-order",
        "supporting-first",
      ]),
      refs: z.array(z.string()),
    })
    .optional(),
});

const Feature = z.strictObject({
  id: z.string(),
  name: z.string(),
  evidence: strings,
  substrates: z.array(z.strictObject({ id: z.string(), role: z.string(), why: z.string() })),
  actions: strings,
  entities: z.array(z.strictObject({ name: z.string(), description: z.string() })),
  nfrs: strings,
  terms: z.record(z.string(), z.string()),
});

const Component = z.strictObject({
  id: z.string(),
  name: z.string(),
  kind: z.enum(COMPONENT_KIND_VALUES),
  archetype: z.string(),
  holds: strings,
  runs: strings,
  because: z.string(),
});

const Link = z.strictObject({ from: z.string(), to: z.string(), kind: z.enum(LINK_KIND_VALUES), label: z.string() });

const Api = z.strictObject({
  operation: z.string(),
  call: z.string(),
  request: strings,
  response: strings,
  errors: strings,
  guarantee: z.string(),
  archetype: z.string(),
  because: z.string().optional(),
  chosen: z.strictObject({ decision: z.string(), options: strings }).optional(),
});

const DataModel = z.strictObject({
  entity: z.string(),
  key: strings,
  fields: strings,
  indexes: strings,
  partitionKey: z.string().optional(),
  owner: z.string(),
  archetype: z.string(),
  because: z.string().optional(),
});

const Capacity = z.strictObject({
  id: z.string(),
  quantity: z.string(),
  kind: z.enum(CAPACITY_KIND_VALUES),
  formula: z.string(),
  value: z.number(),
  unit: z.string(),
  display: z.string(),
  inputs: z.array(
    z.strictObject({
      name: z.string(),
      value: z.number(),
      unit: z.string().optional(),
      source: z.enum(["stated", "assumed", "override"]),
      because: z.string(),
    }),
  ),
  archetype: z.string(),
  sets: z.string().optional(),
  bound: z.strictObject({ quantity: z.string(), value: z.number() }).optional(),
  drivenBy: z
    .strictObject({
      term: z.string(),
      value: z.number(),
      over: z.array(z.strictObject({ term: z.string(), value: z.number() })),
    })
    .optional(),
});

const DecisionOption = z.strictObject({
  id: z.string(),
  name: z.string(),
  buys: z.string(),
  costs: z.string(),
  winsWhen: z.string(),
  key: z.string().optional(),
  implies: z
    .strictObject({
      addMechanisms: z.array(z.enum(MECHANISM_IDS)).optional(),
      removeMechanisms: z.array(z.enum(MECHANISM_IDS)).optional(),
      preferTechnology: strings.optional(),
      capacity: z.array(z.strictObject({ quantity: z.string(), value: z.number(), why: z.string() })).optional(),
      draws: strings.optional(),
      // the capacity figures that size a part only this option has (coherence option-not-carried)
      sizes: strings.optional(),
      // the supporting archetypes composed only for this option (coherence option-not-carried)
      composes: z.array(ArchetypeId).optional(),
      // inputs of a composed archetype that are the owner's own quantity under another name
      carries: z.array(z.strictObject({ quantity: z.string(), from: z.string(), why: z.string() })).optional(),
      names: z
        .array(
          z.strictObject({
            component: z.string(),
            name: z.string(),
            runs: strings.optional(),
            because: z.string().optional(),
          }),
        )
        .optional(),
      needs: z.array(z.enum(PROPERTY_VALUES)).optional(),
      excludes: strings.optional(),
      crossRegion: z.enum(["sync", "async"]).optional(),
      regionMode: z.enum(["per-key-home", "region-shares", "count-slots"]).optional(),
      // the stance the design takes when the prompt states this option's win condition in words
      stance: z.enum(["fail-closed", "stay-available"]).optional(),
    })
    .optional(),
});

const Decision = z.strictObject({
  id: z.string(),
  question: z.string(),
  options: z.array(DecisionOption),
  chosen: z.string(),
  because: z.string(),
  wouldFlipIf: z.string(),
  inputs: strings,
  drives: z.boolean(),
  source: z.enum(["derived", "override"]),
  archetype: z.string(),
  winning: z.array(z.strictObject({ option: z.string(), says: strings })).optional(),
});

const Checklist = z.strictObject({
  question: z.string(),
  answer: z.string(),
  complete: z.boolean(),
  missing: z.string().optional(),
});

const Diagram = z.strictObject({ kind: z.enum(["hld", "sequence"]), title: z.string(), mermaid: z.string() });

const FieldName = z.enum(FIELD_NAMES);
const Trace = z.strictObject({
  field: FieldName,
  category: z.enum(["Given", "Chosen", "Classified", "Derived", "Output"]),
  rule: z.string(),
  inputs: z.array(FieldName),
  pinned: strings.optional(),
});

const Coherence = z.strictObject({
  rule: z.enum(Object.keys(COHERENCE_RULES) as [CoherenceRule, ...CoherenceRule[]]),
  detail: z.string(),
});

/** What carries a stated requirement clause in the design (engine/requirement-ledger.ts). */
export const CARRIER_KINDS = [
  "subject",
  "figure",
  "latency",
  "quality",
  "rule",
  "operation",
  "record",
  "mechanism",
  "feature",
  "decision",
  "technology",
] as const;

/** One requirement clause of the prompt and what in the design reads it, by the words each reader quotes. */
const StatedRequirement = z.strictObject({
  /** The clause as the prompt words it, and where it starts in the prompt. */
  clause: z.string(),
  at: z.number().int().nonnegative(),
  /** Whether anything in the design reads the clause. */
  carried: z.boolean(),
  /** The readers: a kind of design element, which one, and the prompt's words it quotes. */
  carriedBy: z.array(z.strictObject({ kind: z.enum(CARRIER_KINDS), what: z.string(), quote: z.string() })),
  /** What the clause asks for, when its words name a kind (knowledge/requirement-kinds.ts). */
  asks: z.optional(z.strictObject({ kind: z.string(), what: z.string() })),
  /** Of a clause not carried: the readers that read a part of it (a figure that reads its number alone). */
  partly: z.optional(z.array(z.strictObject({ kind: z.enum(CARRIER_KINDS), what: z.string(), quote: z.string() }))),
  /** Of a clause not carried: its key words nothing in the design reads, in the prompt's order. */
  unread: z.optional(z.array(z.string())),
});
export type StatedRequirementRow = z.infer<typeof StatedRequirement>;

/** The Design contract as the engine derives it. */
export const DesignSchema = z.strictObject({
  schemaVersion: z.number().int(),
  prompt: z.string(),
  overrides: strings,
  branch: Branch,
  archetypes: z.array(RecognizedArchetype),
  nfrs: Nfrs,
  overlay: z.array(Overlay),
  requirements: z.array(Requirement),
  operations: z.array(OperationRow),
  criticalPaths: z.array(CriticalPath),
  primaryState: z.array(PrimaryState),
  scopes: z.array(ScopeRow),
  invariants: z.array(Invariant),
  context: Context,
  predicates: z.array(Predicate),
  mechanisms: z.array(Mechanism),
  readPaths: z.array(ReadPath),
  technology: z.array(Technology),
  failures: z.array(Failure),
  bottlenecks: z.array(Bottleneck),
  features: z.array(Feature),
  components: z.array(Component),
  links: z.array(Link),
  api: z.array(Api),
  dataModel: z.array(DataModel),
  capacity: z.array(Capacity),
  decisions: z.array(Decision),
  checklist: z.array(Checklist),
  diagrams: z.array(Diagram),
  trace: z.array(Trace),
  /** Each requirement clause of the prompt with what in the design carries it, or that nothing does. */
  statedRequirements: z.array(StatedRequirement),
  /** Coherence rules this design breaks; empty when it holds together. */
  coherence: z.array(Coherence),
});

export type DesignShape = z.infer<typeof DesignSchema>;
