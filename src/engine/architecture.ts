import { ARCHITECTURE } from "../knowledge/architecture/index.js";
import { replacementOf, replacementsKept } from "../knowledge/covers.js";
import { FEATURE_BY_ID } from "../knowledge/features/index.js";
import { SHARED_COMPONENT_IDS } from "../knowledge/features/skeleton.js";
import { ARCHETYPE_BY_ID } from "../knowledge/index.js";
import type { RelationalPart } from "../knowledge/named-parts.js";
import { protocolOf } from "../knowledge/notation/compiled.js";
import type { ProtocolStep } from "../knowledge/notation/protocol.js";
import { fitsParty, PARTIES, type PartyKind, partyBoundary, partyOf } from "../knowledge/parties.js";
import type { ArchetypeId, CompositionRole } from "../knowledge/schema.js";
import { designTopicsUnspoken, fitsTopics, offTopicNames, type Topic } from "../knowledge/topics.js";
import {
  type ComponentSpec,
  keptElements,
  type Plane,
  type Topical,
  type Topology,
  topicalTopology,
} from "../knowledge/topology.js";
import { type CatchUp, catchUpsOf, withCatchUpCursors } from "./catch-up-cursors.js";
import { type Barrier, barriersOf, withCompletionRecords } from "./completion-records.js";
import { compositionRole } from "./composition.js";
import { withConfirmer } from "./confirmer.js";
import type { CountedThing } from "./counted-nouns.js";
import { designWords } from "./counted-nouns.js";
import { sharedFacts } from "./design/graph.js";
import type { ApiRow, ComponentRow, DataModelRow, Fields, LinkRow } from "./design/types.js";
import { choiceFits, choiceReason, chosenDraws, chosenNames, rejectedKeys, undrawn } from "./fields/decisions.js";
import { sizedGroupComponent } from "./group-size.js";
import { countedParts, relationalParts, type Spread, spreadOf, withNamedParts } from "./named-parts.js";
import { statedNfrsOf } from "./nfr-parse.js";
import { type OperationObjects, operationObjects, withOperationObjects } from "./operation-objects.js";
import { composedKind, featureLed } from "./product/correctness.js";
import { SCOPED } from "./product/recognize.js";
import { bareProductRecord, type ProductRecord, RECORD_PART, recordBoxes } from "./product/record.js";
import { fillTerms } from "./product/terms.js";
import { designUnitNoun, promptNouns, type Renaming, renameText, renamings, type UnitNoun } from "./prompt-nouns.js";
import { columnMap, headNoun, mergeApiRows, mergeDataRows, sameCall, translate } from "./roles.js";
import { type GuaranteeClause, guaranteeClauses } from "./stated-clauses.js";
import { statedConfirmation } from "./stated-stance.js";
import { type Stock, stockThings, withStockRecords } from "./stock-records.js";
import { anA } from "./text.js";

/**
 * Composition of architectures (pure): the dominant archetype's topology is the frame; each
 * supporting archetype joins by its role, and product features join by shared component ids.
 *  - substrate: hosts one of the dominant's components (its state owner by default; a gateway
 *    runs inside the substrate's gateway, a worker pool on the substrate's workers);
 *  - decorator: wraps the dominant's entry when it mediates requests (it has an upstream),
 *    otherwise keeps its state on the dominant's state owner and is called by the dominant's workers;
 *  - input: its consumer becomes the dominant's intake, or its outlet feeds the intake;
 *  - output: its producer becomes the dominant's outlet, or the outlet feeds its intake.
 */

export interface Part {
  /** Archetype id or product feature id. */
  key: string;
  name: string;
  /** "peer" when the design has no dominant archetype (a product's substrates side by side). */
  role: "dominant" | CompositionRole | "feature" | "peer";
  topology: Topology;
  why: string;
  /** True when this archetype's own card names the dominant as its substrate: its state then lives on the dominant's. */
  onDominant?: boolean;
  /** For a product feature: the archetype ids it rests on. */
  substrates?: string[];
  /**
   * In a product-first design: the feature whose components carry this archetype. The archetype
   * then adds no boxes of its own; its state lives on the feature's component of the same kind
   * (the seat-hold lease on the inventory store), its callers are the feature's service, and its
   * protocols run between the feature's components.
   */
  hostedOn?: string;
  /**
   * The archetype a hosting feature's own record realizes (a seat hold is a conditional write on the seat's row), or
   * that its features keep only as parts of their own (`supportOnly`: a hold's expiry sweeper): its state is that
   * record, so its own entities and steps join no component.
   */
  realized?: boolean;
  /** For a product feature: the product's words for its terms, which its API operations use. */
  terms?: Record<string, string>;
  /** The topology elements a chosen option of this part's decisions draws (`chosenDraws`): parts it decided to have. */
  chosen?: ReadonlySet<string>;
}

export interface BoundStep extends ProtocolStep {
  /** Final component ids. */
  from: string;
  to: string;
}

export interface BoundProtocol {
  part: string;
  name: string;
  steps: BoundStep[];
  outcomes: string[];
}

export interface Architecture {
  components: ComponentRow[];
  links: LinkRow[];
  api: ApiRow[];
  dataModel: DataModelRow[];
  protocols: BoundProtocol[];
  renaming: Renaming[];
}

const STATEFUL = new Set(["replica-group", "store", "log"]);

/** The HLD group of a component: declared, or by kind. */
export function planeOf(kind: ComponentRow["kind"], declared?: Plane): Plane {
  if (declared) return declared;
  if (kind === "control-loop") return "control";
  if (STATEFUL.has(kind)) return "data";
  return "request";
}

/**
 * The parts a design is composed of, dominant (or first substrate) first, then product features.
 * A product-first design with features leads with the features instead: the product skeleton and
 * the features' components are the architecture, and each recognised archetype a feature rests on
 * is hosted on that feature's components (see `Part.hostedOn`) rather than drawn whole.
 */
export function designParts(
  f: Pick<Fields, "archetypes" | "features"> & {
    branch?: Pick<Fields["branch"], "kind">;
    decisions?: Fields["decisions"];
  },
  party?: PartyKind,
  bounded = false,
): Part[] {
  const all = featureLed(f.branch?.kind ?? "", f.features, f.archetypes) ? featureLedParts(f) : archetypeLedParts(f);
  const decisions = f.decisions;
  const parts = (party === undefined ? all : all.map((p) => forParty(p, party, bounded))).map((p) =>
    byChoice(p, decisions),
  );
  if (!decisions) return parts;
  return parts.map((p) => {
    const gone = undrawn(decisions, p.key);
    const names = chosenNames(decisions, p.key);
    const keys = rejectedKeys(
      decisions.filter((d) => d.archetype === p.key),
      decisions,
    ).map((k) => k.re);
    const drawn = chosenDraws(decisions, p.key);
    if (drawn.size > 0) p = { ...p, chosen: drawn };
    if (gone.size === 0 && names.size === 0 && keys.length === 0) return p;
    const pruned = gone.size === 0 ? p.topology : pruneTopology(p.topology, gone);
    const components = pruned.components.map((c) => {
      const named = names.get(c.id);
      return named
        ? {
            ...c,
            name: named.name,
            ...(named.runs ? { runs: named.runs } : {}),
            ...(named.because ? { because: named.because } : {}),
          }
        : c;
    });
    const api =
      keys.length === 0 ? pruned.api : pruned.api.map((a) => ({ ...a, guarantee: chosenClauses(a.guarantee, keys) }));
    return { ...p, topology: { ...pruned, components, api } };
  });
}

/**
 * A guarantee without its clauses in a rejected option's key phrase ("a write that names no current version becomes
 * a sibling" beside last-writer-wins chosen): the call promises what the chosen option does. Kept whole where every
 * clause names the rejected option (the clause is then the card's to reword).
 */
export function chosenClauses(guarantee: string, keys: readonly RegExp[]): string {
  const clauses = guarantee.split(/;\s+/);
  const kept = clauses.filter((c) => !keys.some((re) => re.test(c)));
  return kept.length === clauses.length || kept.length === 0 ? guarantee : kept.join("; ");
}

/**
 * A product no feature card models still has its own record and calls (a URL shortener keeps short URLs,
 * created by a POST and read by a redirect): a small part of its own, a service over a store (with a cache in
 * front of the reads when the design rests on a cache), that every substrate the product rests on is hosted on,
 * as on a product feature: the store holds the substrates' records, the service calls them, and the create and the
 * read are drawn as its own sequences.
 */
/**
 * Whether a part hosted on a bare product's record fills its cache from the store itself (a read-through edge cache
 * fetching from its origin on a miss): one of its chosen protocols has a step from a cache to a store. The record's
 * cache then draws that link, so the step is on a drawn link.
 */
function fillsFromStore(parts: readonly Part[]): boolean {
  return parts.some((p) => {
    const kind = (id: string) => p.topology.components.find((c) => c.id === id)?.kind;
    return (p.topology.protocols ?? []).some((x) =>
      [...x.notation.matchAll(/([\w-]+)>([\w-]+)\[/g)].some(
        (m) => kind(m[1] as string) === "cache" && kind(m[2] as string) === "store",
      ),
    );
  });
}

/**
 * A product's own record drawn beside its features: its calls enter through the features' shared edge (the one client
 * and API gateway of knowledge/features/skeleton.ts) instead of a client of its own.
 */
function besideFeatures(part: Part): Part {
  const t = part.topology;
  const at = (id: string) => (id === "product-clients" ? "client" : id);
  return {
    ...part,
    topology: {
      ...t,
      components: t.components.filter((c) => c.id !== "product-clients"),
      links: t.links.map((l) =>
        l.from === "product-clients" ? { ...l, from: "gateway" } : { ...l, from: at(l.from), to: at(l.to) },
      ),
      protocols: t.protocols?.map((p) => ({ ...p, notation: p.notation.replace(/product-clients/g, "client") })),
    },
  };
}

function recordPart(r: ProductRecord, cached: boolean, fills = false): Part {
  const service = "product-api";
  const store = "product-store";
  const cache = "product-cache";
  const { title, service: serviceName, store: storeName } = recordBoxes(r);
  const readSteps = cached
    ? `product-clients>${service}[${r.read.verb} by ${r.key}] -> ${service}>${cache}[look up the ${r.key}] -> ${cache}>${service}[hit, or miss] -> ${service}>${store}[on a miss, read the ${r.noun} by ${r.key}] -> ${store}>${service}[${r.noun}] -> ${service}>${cache}[fill the copy] -> ${service}>product-clients[${r.read.response.join(", ")}] |-> ${service}>product-clients[404 {no ${r.entity} with this ${r.key}}] => done | reject`
    : `product-clients>${service}[${r.read.verb} by ${r.key}] -> ${service}>${store}[read the ${r.noun} by ${r.key}] -> ${store}>${service}[${r.noun}] -> ${service}>product-clients[${r.read.response.join(", ")}] |-> ${service}>product-clients[404 {no ${r.entity} with this ${r.key}}] => done | reject`;
  return {
    key: RECORD_PART,
    name: `${title}s`,
    role: "feature",
    why: r.because,
    topology: {
      components: [
        {
          id: "product-clients",
          name: "Clients (apps and browsers)",
          kind: "client",
          runs: [r.create.verb, r.read.verb],
          because: `users ${r.create.verb} and read ${r.noun}s`,
        },
        {
          id: service,
          name: serviceName,
          kind: "service",
          runs: [r.create.verb, r.read.verb],
          because: `the product's own calls: ${r.create.verb} a ${r.noun}, and ${r.read.verb} one by its ${r.key}`,
        },
        ...(cached
          ? [
              {
                id: cache,
                name: `${title} cache (sharded by ${r.key})`,
                kind: "cache" as const,
                runs: [`serve ${r.noun}s by ${r.key}`],
                because: `reads far outnumber creates, so the hot ${r.noun}s are served from memory and only misses reach the store`,
              },
            ]
          : []),
        {
          id: store,
          name: storeName,
          kind: "store",
          holds: [r.entity],
          runs: [`write and read ${r.noun}s by ${r.key}`],
          because: `the ${r.noun} records are the product's source of truth`,
        },
      ],
      links: [
        { from: "product-clients", to: service, kind: "request", label: `${r.create.verb} / ${r.read.verb}` },
        { from: service, to: store, kind: "request", label: `write and read ${r.noun}s` },
        ...(cached
          ? [{ from: service, to: cache, kind: "request" as const, label: `${r.read.verb}: look up first` }]
          : []),
        ...(cached && fills
          ? [{ from: cache, to: store, kind: "request" as const, label: `fill a miss from the store` }]
          : []),
      ],
      api: [
        {
          operation: r.create.verb,
          call: r.create.call,
          request: r.create.request,
          response: r.create.response,
          errors: r.create.errors,
          guarantee: r.create.guarantee,
        },
        {
          operation: r.read.verb,
          call: r.read.call,
          request: [r.key],
          response: r.read.response,
          errors: r.read.errors,
          guarantee: r.read.guarantee,
        },
      ],
      dataModel: [
        {
          entity: r.entity,
          key: [r.key],
          fields: r.fields,
          indexes: ["owner_id"],
          partitionKey: r.key,
          owner: store,
        },
      ],
      entry: service,
      stateOwner: store,
      protocols: [
        {
          name: `${r.create.verb[0]?.toUpperCase()}${r.create.verb.slice(1)} ${anA(r.noun)}`,
          notation: `product-clients>${service}[${r.create.verb} under an idempotency key] -> ${service}>${store}[insert the ${r.noun} under a new ${r.key} {no ${r.entity} with this ${r.key}}] -> ${store}>${service}[stored] -> ${service}>product-clients[${r.create.response.join(", ")}] |-> ${service}>product-clients[the first answer {the idempotency key was seen}] => done | retry`,
        },
        { name: `${r.read.verb[0]?.toUpperCase()}${r.read.verb.slice(1)} by ${r.key}`, notation: readSteps },
      ],
    },
  };
}

/**
 * The archetype parts of a bare product: one that only stores, serves or numbers the record (no log and no workers of
 * its own: a key-value store, a cache, an id generator) is hosted on the record's part, as a substrate is on a
 * feature; one that brings machinery of its own (a scheduler's workers, a sequencer's log) is drawn beside it.
 */
function onRecord(parts: readonly Part[], r: ProductRecord): Part[] {
  const machinery = (t: Topology) => t.components.some((c) => c.kind === "worker-pool" || c.kind === "log");
  return parts.map((p) =>
    p.role === "feature" || machinery(p.topology)
      ? p
      : {
          ...p,
          role: "substrate",
          hostedOn: RECORD_PART,
          why: `the ${r.noun} records rest on ${p.key} ${p.name}`,
        },
  );
}

/**
 * A part as the outside party its effects reach sees it: links, API calls, records and protocols marked for other kinds
 * of party are left out (no lookup at a customer's webhook endpoint, no replay call for a payment), and the
 * component that stands for the party (`sink`) takes the party's own name.
 */
function forParty(p: Part, party: PartyKind, bounded = false): Part {
  const t = p.topology;
  const marked = (x: { parties?: readonly PartyKind[] }) => fitsParty(x, party);
  const sink = t.components.some((c) => c.sink);
  if (!sink && [t.components, t.links, t.api, t.dataModel, t.protocols ?? []].every((xs) => xs.every(marked))) return p;
  const component = PARTIES[party].component;
  const boundary = bounded ? PARTIES[party].boundary?.text : undefined;
  const components = t.components
    .filter(marked)
    .map((c) =>
      c.sink ? { ...c, name: component, ...(boundary ? { because: `${c.because}; ${boundary}` } : {}) } : c,
    );
  const kept = new Set(components.map((c) => c.id));
  const topology: Topology = {
    ...t,
    components,
    links: t.links.filter((l) => marked(l) && kept.has(l.from) && kept.has(l.to)),
    api: t.api.filter(marked),
    dataModel: t.dataModel.filter(marked),
    ...(t.protocols ? { protocols: t.protocols.filter(marked) } : {}),
  };
  return { ...p, topology };
}

/**
 * A part without the elements marked for options its decisions did not choose (`chosen`, knowledge/topology.ts
 * `OptionMark`): tail sampling's trace router is drawn only where tail sampling is chosen, head sampling's root sampler
 * only where it is not. A kept marked component says which decision drew it.
 */
function byChoice(p: Part, decisions: Fields["decisions"] | undefined): Part {
  const t = p.topology;
  const marked = (x: { chosen?: unknown }) => x.chosen !== undefined;
  if (![t.components, t.links, t.api, t.dataModel, t.protocols ?? []].some((xs) => xs.some(marked))) return p;
  const fits = (x: Topical) => choiceFits(x.chosen, decisions);
  const components = t.components
    .filter(fits)
    .map((c) =>
      c.chosen ? { ...c, because: `${c.because} (drawn because ${choiceReason(c.chosen, decisions)})` } : c,
    );
  return { ...p, topology: keptElements(t, fits, components) };
}

/** A topology without the elements only an option not chosen draws (components, entities, links, API calls, protocols). */
function pruneTopology(t: Topology, gone: ReadonlySet<string>): Topology {
  const calls = new Set(t.api.map((a) => a.operation));
  const components = t.components
    .filter((c) => !gone.has(c.id))
    .map((c) => (c.holds?.some((e) => gone.has(e)) ? { ...c, holds: c.holds.filter((e) => !gone.has(e)) } : c))
    // a duty only a rejected option draws (a generator's block lease beside a timestamp layout) is not run; a duty
    // named like an API call (a client's write) stays with the call's own pruning
    .map((c) =>
      c.runs?.some((r) => gone.has(r) && !calls.has(r))
        ? { ...c, runs: c.runs.filter((r) => !gone.has(r) || calls.has(r)) }
        : c,
    );
  const kept = new Set(components.map((c) => c.id));
  return {
    ...t,
    components,
    links: t.links.filter(
      (l) =>
        kept.has(l.from) &&
        kept.has(l.to) &&
        !gone.has(`${l.from}>${l.to}`) &&
        !gone.has(`${l.from}>${l.to}[${l.label}]`),
    ),
    api: t.api.filter((a) => !gone.has(a.operation)),
    dataModel: t.dataModel.filter((d) => kept.has(d.owner) && !gone.has(d.entity)),
    ...(t.protocols ? { protocols: t.protocols.filter((p) => !gone.has(p.name)) } : {}),
  };
}

/** Whether a chosen option of the part draws this component, or a link from it (`members>gossip-detector`). */
const actsForChoice = (p: Part, local: string): boolean =>
  [...(p.chosen ?? [])].some((e) => e === local || e.startsWith(`${local}>`));

/**
 * A supporting part's client that its chosen option draws or acts through (the members that gossip, the agents that
 * push samples, the targets scraped) is played by the lead's own nodes, not dropped with its other callers; true when
 * it is mapped so.
 */
function playedForChoice(
  p: Part,
  c: ComponentSpec,
  eq: Map<string, { target: string; takeShape: boolean; note: string }>,
  nodes: string | undefined,
): boolean {
  if (!nodes || !actsForChoice(p, c.id)) return false;
  eq.set(c.id, {
    target: nodes,
    takeShape: false,
    note: `also acts as ${p.name}'s ${c.name.charAt(0).toLowerCase()}${c.name.slice(1)}, which its chosen option draws`,
  });
  return true;
}

function featureParts(f: Pick<Fields, "features">): Part[] {
  const parts: Part[] = [];
  for (const row of f.features) {
    const feature = FEATURE_BY_ID.get(row.id);
    if (!feature) continue;
    parts.push({
      key: row.id,
      name: feature.name,
      role: "feature",
      topology: feature.topology,
      why: `the product needs ${feature.name} (${row.evidence[0] ?? "named in the prompt"})`,
      substrates: row.substrates.map((x) => x.id),
      terms: row.terms,
    });
  }
  return parts;
}

const ROLE_RANK: Record<string, number> = { substrate: 0, input: 1, output: 2, decorator: 3 };

/** A prompt that asks for part of a product ("Twitter's home timeline"): it draws no substrate of the parts it left out. */
const scopedAsk = (f: Pick<Fields, "features">) =>
  f.features.some((row) => row.evidence.some((e) => e.endsWith(SCOPED)));

/**
 * The recognised archetypes a design draws no part of: in a feature-led design that asks for part of a product,
 * an archetype no feature rests on is left out of the drawing, so it sizes, decides and bottlenecks nothing
 * either (no artifact store's 15 PB in a home timeline); and the archetype a feature's record realizes. Empty for
 * every other design.
 */
export function partlessArchetypes(f: Pick<Fields, "archetypes" | "features" | "branch">): ReadonlySet<string> {
  // the archetype a feature's own record realizes (a seat hold is a conditional write on the seat's row) keeps its
  // state in that record: no lock service or consensus group of its own, so nothing of it to size, decide or load
  const realized = f.archetypes[0]?.realizes?.id;
  if (realized === undefined && (f.branch.kind !== "product" || f.features.length === 0)) return NONE;
  // so does one each feature resting on it keeps in a record of its own (a driver's state row is the driver's lease),
  // in a design composed as a product because a feature's record realized its lead too (a courier's state row beside
  // "exactly one courier": the trips' key-value rows and the drivers' location heartbeats are the feature's records),
  // and one the features keep only as parts of their own (`supportOnly`: a hold's expiry sweeper, a waiting room)
  const carried = [
    ...new Set([...f.archetypes.filter((a) => recordCarried(f.features, a.id)).map((a) => a.id), ...supportOnly(f)]),
  ];
  if (realized !== undefined) return new Set([realized, ...carried]);
  if (!scopedAsk(f)) return carried.length > 0 ? new Set(carried) : NONE;
  const hosted = new Set(f.features.flatMap((row) => row.substrates.map((s) => s.id)));
  const out = f.archetypes.filter((a) => ARCHITECTURE[a.id as ArchetypeId] && !hosted.has(a.id)).map((a) => a.id);
  return out.length + carried.length > 0 ? new Set([...out, ...carried]) : NONE;
}

/**
 * The supporting archetypes a feature-led design keeps only as its features' own parts: a feature rests on it other
 * than as its input (which brings what the feature lacks), but no user action of any drawn feature does (the hold's expiry is the booking's own sweeper releasing its Hold rows at
 * their deadline; a popular on-sale's admission is the booking's own waiting room), it does not lead, and the
 * prompt's own words for it make less than one phrase (none in a product prompt, whose archetypes come from its
 * features). Such an archetype adds no entity, protocol, decision or figure of its own: no Schedule and Run rows or
 * due-time index beside seat holds, no per-key Budget, token bucket and a million API keys beside one concert's
 * waiting room. A prompt that speaks of its own machinery ("at most 10 requests per second per buyer") keeps it.
 */
export function supportOnly(f: Pick<Fields, "archetypes" | "features">): readonly string[] {
  if (f.features.length === 0) return [];
  // (an input brings what the feature lacks, a log of the posts its fan-out reads: it stays, as its records do)
  const rests = new Set(
    f.features.flatMap((row) => row.substrates.filter((s) => s.role !== "input").map((s) => s.id as string)),
  );
  const inputs = new Set(
    f.features.flatMap((row) => row.substrates.filter((s) => s.role === "input").map((s) => s.id as string)),
  );
  const acted = new Set(
    f.features.flatMap((row) => (FEATURE_BY_ID.get(row.id)?.actions ?? []).map((a) => a.substrate as string)),
  );
  return f.archetypes
    .filter(
      (a, i) => i > 0 && rests.has(a.id) && !inputs.has(a.id) && !acted.has(a.id) && (a.own ?? 0) < ONE_PHRASE_OWN,
    )
    .map((a) => a.id);
}
/** The score of one phrase of the prompt's own words for an archetype (`ONE_PHRASE` in fields/archetypes.ts). */
const ONE_PHRASE_OWN = 0.5;

/**
 * The feature records that already are an archetype's state, where every feature of the design resting on it names
 * one (`record` on a feature's substrate: a driver's state row, offered with a token and an expiry, is the lease);
 * undefined where any feature resting on it keeps it as machinery of its own, or none rests on it.
 */
export function recordCarried(
  features: Pick<Fields, "features">["features"],
  id: string,
): { feature: string; entity: string; why: string }[] | undefined {
  const rows = features.flatMap((row) =>
    row.substrates.some((s) => s.id === id)
      ? [{ row, s: FEATURE_BY_ID.get(row.id)?.substrates.find((s) => s.id === id) }]
      : [],
  );
  if (rows.length === 0 || rows.some((r) => r.s?.record === undefined)) return undefined;
  return rows.flatMap(({ row, s }) =>
    s?.record
      ? [{ feature: row.name, entity: fillTerms(s.record.entity, row.terms), why: fillTerms(s.record.why, row.terms) }]
      : [],
  );
}
const NONE: ReadonlySet<string> = new Set();

/** Features first; then each archetype, hosted on the feature that rests on it most directly. */
/**
 * The product feature a recognised archetype is hosted on in a feature-led design: the feature that rests on it
 * most directly, and among those one that has a component of the kind the archetype keeps its state in (a log for
 * a log, a store for a store).
 */
/**
 * Where several features send effects outside (a ride's charge, a notification's push), the workflow's deep dive
 * runs on the one whose effect costs most to repeat: a party whose records the design decides once, on one primary
 * (money at a payment provider), before one whose repeat is dropped or harmless (a push, an email). That feature's
 * own store then keeps the outbox, the idempotency records and the ledger, and its effects reach that party.
 */
const partyRank = (feature: string, id: ArchetypeId): number => {
  const party = FEATURE_BY_ID.get(feature)?.substrates.find((s) => s.id === id)?.party;
  return party === undefined ? 2 : PARTIES[party].stance.availability === "fail-closed" ? 0 : 1;
};

export function hostFeature(
  features: Fields["features"],
  id: ArchetypeId,
): { row: Fields["features"][number]; s: Fields["features"][number]["substrates"][number] } | undefined {
  const topology = ARCHITECTURE[id];
  if (!topology) return undefined;
  const stateKind = topology.components.find((c) => c.id === topology.stateOwner)?.kind;
  const hasKind = (fid: string) =>
    FEATURE_BY_ID.get(fid)?.topology.components.some((c) => c.kind === stateKind) === true ? 0 : 1;
  return features
    .flatMap((row) => row.substrates.filter((s) => s.id === id).map((s) => ({ row, s })))
    .sort(
      (x, y) =>
        partyRank(x.row.id, id) - partyRank(y.row.id, id) ||
        (ROLE_RANK[x.s.role] ?? 9) - (ROLE_RANK[y.s.role] ?? 9) ||
        hasKind(x.row.id) - hasKind(y.row.id),
    )[0];
}

function featureLedParts(f: Pick<Fields, "archetypes" | "features">): Part[] {
  const parts = featureParts(f);
  const scoped = scopedAsk(f);
  const support = supportOnly(f);
  for (const a of f.archetypes) {
    const topology = ARCHITECTURE[a.id as ArchetypeId];
    if (!topology) continue;
    const host = hostFeature(f.features, a.id as ArchetypeId);
    if (host) {
      parts.push({
        key: a.id,
        name: a.name,
        role: "substrate",
        topology,
        hostedOn: host.row.id,
        ...(f.archetypes[0]?.realizes?.id === a.id || recordCarried(f.features, a.id) || support.includes(a.id)
          ? { realized: true }
          : {}),
        why: `${host.row.name} rests on ${a.id} ${a.name} (${host.s.role}): ${host.s.why}`,
      });
    } else if (!scoped) {
      // named by the prompt's words but by no feature: drawn beside the features, called by the client
      parts.push({
        key: a.id,
        name: a.name,
        role: "peer",
        topology,
        why: `${a.id} ${a.name} is a substrate the prompt names beside the product's features`,
      });
    }
  }
  return parts;
}

function archetypeLedParts(f: Pick<Fields, "archetypes" | "features">): Part[] {
  const parts: Part[] = [];
  const lead = f.archetypes[0];
  const leadEntry = lead ? ARCHETYPE_BY_ID.get(lead.id) : undefined;
  for (const [i, a] of f.archetypes.entries()) {
    const entry = ARCHETYPE_BY_ID.get(a.id);
    const topology = ARCHITECTURE[a.id as ArchetypeId];
    if (!entry || !topology) continue;
    const link = i > 0 && leadEntry ? compositionRole(leadEntry, entry) : undefined;
    const peers = lead?.role !== "dominant";
    const role = i === 0 ? "dominant" : peers ? "peer" : a.role === "dominant" ? "substrate" : a.role;
    const onDominant = i > 0 && entry.connections.some((c) => c.to === lead?.id && c.role === "substrate");
    parts.push({
      onDominant,
      key: a.id,
      name: a.name,
      role,
      topology,
      why:
        i === 0
          ? `${a.id} ${a.name} leads the design`
          : peers
            ? `${a.id} ${a.name} is a substrate the product rests on beside ${lead?.id ?? "the others"}`
            : (link?.why ?? `${a.id} ${a.name} was recognised as the ${role} of ${lead?.id ?? "the design"}`),
    });
  }
  parts.push(...featureParts(f));
  return parts;
}

interface Box extends ComponentRow {
  plane: Plane;
  replicaOf?: string;
}

/** Composes the parts into one connected architecture, the prompt's noun renaming its unit. */
export function composeArchitecture(parts: readonly Part[], prompt: string): Architecture {
  const topical = topicalParts(parts, designTopicsUnspoken(prompt, []), replacementsKept(prompt));
  return composeParts(topical, promptNouns(prompt, topical));
}

/**
 * Each part with only the topical elements of its topology that fit the subjects the prompt leaves unspoken, and
 * without the entities its card keeps for another subject (no tombstones held by a cache's nodes).
 */
/**
 * A supporting part without what the dominant's subject already plays (`knowledge/covers.ts` REPLACEMENTS): the
 * components it names, with their links, data and the protocols that run through them, and, where its calls are
 * internal to the subject, its API calls.
 */
function replacedPart(
  p: Part,
  dominant: string | undefined,
  unspoken: readonly Topic[],
  kept: readonly string[],
): Part {
  const r = dominant && p.key !== dominant ? replacementOf(dominant, p.key, unspoken, kept) : undefined;
  if (!r) return p;
  const gone = new Set(r.components);
  const t = p.topology;
  const through = (notation: string) =>
    r.components.some((id) => new RegExp(String.raw`(?:^|[\s>])${id}[>\[]`).test(notation));
  const topology: Topology = {
    ...t,
    components: t.components.filter((c) => !gone.has(c.id)),
    links: t.links.filter((l) => !gone.has(l.from) && !gone.has(l.to)),
    api: r.internalApi ? [] : t.api,
    dataModel: t.dataModel.filter((d) => !gone.has(d.owner)),
    ...(t.protocols ? { protocols: t.protocols.filter((x) => !through(x.notation)) } : {}),
  };
  return { ...p, topology };
}

function topicalParts(parts: readonly Part[], unspoken: readonly Topic[], kept: readonly string[] = []): Part[] {
  const dominant = parts.find((p) => p.role === "dominant")?.key;
  return parts.map((whole) => {
    const p = replacedPart(whole, dominant, unspoken, kept);
    const offTopic = offTopicNames(ARCHETYPE_BY_ID.get(p.key as ArchetypeId)?.entities ?? [], unspoken);
    let topology = topicalTopology(p.topology, unspoken);
    if (offTopic.size > 0 && topology.components.some((c) => c.holds?.some((h) => offTopic.has(h))))
      topology = {
        ...topology,
        components: topology.components.map((c) =>
          c.holds?.some((h) => offTopic.has(h)) ? { ...c, holds: c.holds.filter((h) => !offTopic.has(h)) } : c,
        ),
        dataModel: topology.dataModel.filter((d) => !offTopic.has(d.entity)),
      };
    return topology === p.topology ? p : { ...p, topology };
  });
}

/** The composition itself: the prompt reaches it only through the renamings it asks for. */
function composeParts(parts: readonly Part[], renaming: Renaming[]): Architecture {
  const boxes = new Map<string, Box>();
  const alias = new Map<string, string>();
  const links: LinkRow[] = [];
  const fronted: { hosted: string; front: string; part: string }[] = [];
  const wrapped: { entry: string; front: string; part: string }[] = [];
  /** Which part drew each link, so a decorator's own links are told from the ones it wraps. */
  const linkPart = new WeakMap<LinkRow, string>();
  const extra: LinkRow[] = [];
  const scoped = (p: Part, local: string) => `${p.key}:${local}`;
  const resolve = (p: Part, local: string | undefined) =>
    local === undefined ? undefined : alias.get(scoped(p, local));
  const compOf = (p: Part, local: string) => p.topology.components.find((c) => c.id === local);

  const addBox = (p: Part, c: ComponentSpec): string => {
    let id = c.id;
    if (boxes.has(id)) {
      const shared = p.role === "feature" && boxes.get(id)?.kind === c.kind;
      if (shared) {
        mergeInto(p, c, id, `shared with the other product features (same ${c.kind} '${c.id}')`);
        return id;
      }
      id = `${p.key.toLowerCase()}-${c.id}`;
    }
    boxes.set(id, {
      id,
      name: c.name,
      kind: c.kind,
      archetype: p.key,
      holds: [...(c.holds ?? [])],
      runs: [...(c.runs ?? [])],
      because: p.role === "dominant" ? c.because : `${c.because} (${p.key} as ${p.role}: ${p.why})`,
      plane: planeOf(c.kind, c.plane),
    });
    alias.set(scoped(p, c.id), id);
    return id;
  };

  const mergeInto = (p: Part, c: ComponentSpec, target: string, note: string, takeShape = false) => {
    const b = boxes.get(target);
    if (!b) return;
    // a record the box holds only as given by the system it fronts (the database behind a look-aside cache) gives way to
    // the records of the part that builds that system here (the key-value store beside the cache)
    if ((c.holds ?? []).length > 0 && b.archetype !== p.key)
      b.holds = b.holds.filter((h) => !isGivenRecord(b.archetype, h));
    for (const h of c.holds ?? []) if (!b.holds.includes(h)) b.holds.push(h);
    for (const r of c.runs ?? []) if (!b.runs.includes(r)) b.runs.push(r);
    if (takeShape) {
      b.name = c.name;
      b.kind = c.kind;
      b.plane = planeOf(c.kind, c.plane);
    }
    // one reason once: a component shared by several features says so one time
    if (!b.because.includes(note)) b.because = `${b.because}; ${note}`;
    alias.set(scoped(p, c.id), target);
  };

  const [dominant, ...rest] = parts;
  if (!dominant) return { components: [], links: [], api: [], dataModel: [], protocols: [], renaming: [] };
  for (const c of dominant.topology.components) {
    const id = addBox(dominant, c);
    const b = boxes.get(id);
    if (b && c.replicaOf) b.replicaOf = c.replicaOf;
  }
  const d = dominant.topology;
  const dId = (local: string | undefined) => resolve(dominant, local);
  const dKind = (kind: ComponentRow["kind"]) => d.components.find((c) => c.kind === kind)?.id;
  const follower = (t: Topology, leader: string) => t.components.find((c) => c.replicaOf === leader)?.id;
  const dropped = new Set<string>();
  const SWEEP = /sweep|expir|reclaim/;
  /** The part keeps its state on the dominant's state owner; its clients are the dominant's workers; its sweeper is the dominant's. */
  const hostOnDominant = (p: Part, eq: Map<string, { target: string; takeShape: boolean; note: string }>) => {
    const t = p.topology;
    const owner = dId(d.stateOwner);
    if (!owner) return;
    eq.set(t.stateOwner, {
      target: owner,
      takeShape: false,
      note: `also holds ${p.name}'s state (${(compOf(p, t.stateOwner)?.holds ?? []).join(", ")}) as its ${p.role}`,
    });
    const theirFollower = follower(t, t.stateOwner);
    const followerTarget = dId(follower(d, d.stateOwner)) ?? owner;
    if (theirFollower)
      eq.set(theirFollower, { target: followerTarget, takeShape: false, note: `replicates ${p.name}'s state` });
    const myWorkers = dId(dKind("worker-pool"));
    const theirWorkers = t.components.filter((c) => c.kind === "worker-pool");
    for (const c of theirWorkers)
      if (myWorkers) eq.set(c.id, { target: myWorkers, takeShape: false, note: `also runs ${p.name}'s work` });
    const caller = theirWorkers.length === 0 ? (myWorkers ?? dId(dKind("client"))) : dId(dKind("client"));
    for (const c of t.components.filter((c) => c.kind === "client"))
      if (caller) eq.set(c.id, { target: caller, takeShape: false, note: `acts as ${p.name}'s client (${p.role})` });
    // a fencing token is checked only by a resource we own: an outside party (a website, a provider) cannot check
    // one, so where the dominant's guarded thing is outside, its state owner, which applies the holder's writes,
    // checks it; with neither, the part keeps its own fenced resource
    const guarded =
      d.components.find((c) => c.kind === "resource")?.id ??
      (d.components.some((c) => c.kind === "external") ? d.stateOwner : undefined);
    for (const c of t.components.filter((c) => c.kind === "resource"))
      if (guarded && dId(guarded))
        eq.set(c.id, { target: dId(guarded) as string, takeShape: false, note: `is what ${p.name} protects` });
    const mySweeper = d.components.find(
      (c) => c.kind === "control-loop" && SWEEP.test(`${c.id} ${(c.runs ?? []).join(" ")}`),
    );
    for (const c of t.components.filter(
      (c) => c.kind === "control-loop" && SWEEP.test(`${c.id} ${(c.runs ?? []).join(" ")}`),
    ))
      if (mySweeper && dId(mySweeper.id))
        eq.set(c.id, { target: dId(mySweeper.id) as string, takeShape: false, note: `also runs ${p.name}'s expiry` });
  };

  /**
   * An archetype hosted on a feature adds no boxes: its state owner (and followers and other stores)
   * map to the feature's component of the same kind, or the one the feature pins for it, or its
   * state owner; its loops, caches, workers and outside parties to the feature's of that kind; every
   * other component (clients, services, gateways) to the feature's entry, which is its caller.
   */
  const hostOnFeature = (p: Part) => {
    const host = parts.find((x) => x.key === p.hostedOn && x.role === "feature");
    if (!host) return;
    const ft = host.topology;
    const t = p.topology;
    const stateKind = compOf(p, t.stateOwner)?.kind;
    const sameKind = (kind: ComponentRow["kind"] | undefined) =>
      kind === undefined ? undefined : ft.components.find((c) => c.kind === kind)?.id;
    // a workflow whose effects leave the system commits its outbox in the same transaction as the record whose
    // change starts the effect, so it lives in the feature's own state owner (a ride's charge beside the trip, not
    // in the driver-state store) when that is a store of its kind
    const ownerFits =
      t.components.some((c) => c.sink) && ft.components.find((c) => c.id === ft.stateOwner)?.kind === stateKind;
    const hostedLocal =
      ft.hostedBy?.[p.key] ?? (ownerFits ? ft.stateOwner : undefined) ?? sameKind(stateKind) ?? ft.stateOwner;
    const hosted = resolve(host, hostedLocal);
    const entry = resolve(host, ft.entry);
    if (!hosted || !entry) return;
    for (const c of t.components) {
      const stateful = c.id === t.stateOwner || c.replicaOf !== undefined || STATEFUL.has(c.kind);
      let target: string | undefined;
      if (stateful)
        target = c.id === t.stateOwner || c.replicaOf !== undefined ? hosted : resolve(host, sameKind(c.kind));
      else if (c.kind === "control-loop" || c.kind === "cache" || c.kind === "worker-pool" || c.kind === "external")
        target = resolve(host, sameKind(c.kind));
      // the outside party the effects reach is drawn even where the feature draws none of its own (a ride's charge
      // reaches a payment provider): the feature's entry calls it, and it is no part of our service
      if (target === undefined && c.sink) {
        const box = addBox(p, c);
        // drawn for the feature whose step reaches it, as that feature's own outside party
        const drawn = boxes.get(box);
        if (drawn) drawn.archetype = host.key;
        // its calls and callbacks run between it and the feature's entry, under the part's own labels
        for (const l of t.links.filter((l) => l.to === c.id || l.from === c.id))
          links.push(
            l.to === c.id
              ? { from: entry, to: box, kind: l.kind, label: l.label }
              : { from: box, to: entry, kind: l.kind, label: l.label },
          );
        continue;
      }
      target ??= stateful ? hosted : entry;
      if (target === hosted && c.id === t.stateOwner) {
        // the archetype a feature's record realizes keeps its state in that record: it adds no entity or step
        if (p.realized) {
          alias.set(scoped(p, c.id), target);
          continue;
        }
        // only the archetype's source-of-truth entities join the feature's component: the deep dive's state
        const truth = new Set(
          ARCHETYPE_BY_ID.get(p.key as ArchetypeId)
            ?.entities.filter((e) => e.truth)
            .map((e) => e.name),
        );
        // the feature's own records its actions resting on this archetype write, where its components hold them, are
        // the archetype's state here (a catalogue's tracks are the key-value store's values, a play log's events the
        // log's records): its generic records (KeyValue, Tombstone, a log's Partition) are machinery, not drawn as data
        // (a product's own record part, which no catalogue feature models, keeps that record in its store)
        const bare = (name: string) => name.replace(/[{}]/g, "");
        const own = new Set(ft.components.flatMap((x) => (x.holds ?? []).map(bare)));
        // An input's records are what the feature takes in (uploaded blobs and their manifests), not its own, so they join.
        const card = FEATURE_BY_ID.get(host.key);
        const input = card?.substrates.some((x) => x.id === p.key && x.role === "input") === true;
        const written = input
          ? []
          : card
            ? card.actions.filter((a) => a.substrate === p.key && own.has(bare(a.entity))).map((a) => bare(a.entity))
            : (ft.components.find((x) => x.id === ft.stateOwner)?.holds ?? []).map(bare);
        // (a subject's own records, which the topology keeps only where the prompt speaks of it, still join: a
        // leaderboard's PlayerScore, an acquirer's attempts)
        const entities = ARCHETYPE_BY_ID.get(p.key as ArchetypeId)?.entities ?? [];
        const topical = new Set(
          entities
            .filter((e) => e.truth && entities.every((x) => x.name !== e.name || x.topic !== undefined))
            .map((e) => e.name),
        );
        // (a workflow whose effects leave the system keeps its outbox and idempotency records beside the feature's:
        // they commit in the same transaction as the record whose change starts the effect, a ride's charge)
        const reachesOut = t.components.some((x) => x.sink);
        const holds = (c.holds ?? []).filter(
          (h) => truth.has(h) && (written.length === 0 || reachesOut || topical.has(h)),
        );
        const state = written.length > 0 ? [...new Set([...written, ...holds])] : holds;
        mergeInto(
          p,
          { ...c, holds },
          target,
          `carries ${p.key} ${p.name} for ${host.name} (${state.join(", ") || c.name}): the deep dive of ${p.key} runs here`,
        );
      } else alias.set(scoped(p, c.id), target);
    }
  };

  /**
   * A feature's shared edge that plays a role the leading archetype already draws is that component, not a second
   * one: the people the product serves act through the lead's own client (the editors of a document are its mobile
   * and web clients), and the product's front door is the lead's gateway when the lead's clients enter through it.
   */
  const sameRole = (p: Part): Map<string, { target: string; takeShape: boolean; note: string }> => {
    const out = new Map<string, { target: string; takeShape: boolean; note: string }>();
    // only a lead archetype whose own clients enter through its gateway faces the product's people (a key-value
    // store's routing clients are other services, not the app)
    if (dominant.role !== "dominant" || compOf(dominant, d.entry)?.kind !== "gateway") return out;
    const myClient = d.links.find((l) => l.to === d.entry && compOf(dominant, l.from)?.kind === "client")?.from;
    if (!myClient) return out;
    const frontDoor = d.entry;
    for (const c of p.topology.components) {
      if (c.sameAs) continue;
      const lower = `${c.name.charAt(0).toLowerCase()}${c.name.slice(1)}`;
      const local = c.kind === "client" ? myClient : c.kind === "gateway" && c.id === "gateway" ? frontDoor : undefined;
      const target = dId(local);
      if (target)
        out.set(c.id, {
          target,
          takeShape: false,
          note:
            c.kind === "client"
              ? `also the product's ${lower}: the same people act through one client`
              : `also the product's ${lower} (${(c.runs ?? []).join(", ")}): the lead's clients already enter here`,
        });
    }
    return out;
  };

  for (const p of rest) {
    if (p.hostedOn) {
      hostOnFeature(p);
      continue;
    }
    const t = p.topology;
    const eq = new Map<string, { target: string; takeShape: boolean; note: string }>();
    const hostNote = (local: string) =>
      `runs on ${p.key} ${p.name} (${p.role}): ${p.why}; ${compOf(p, local)?.because ?? ""}`.trim();
    if (p.role === "substrate") {
      const hosted = hostedComponent(d, t, p.key);
      const target = dId(hosted.mine);
      if (target) {
        const gatewayHost = compOf(p, hosted.theirs)?.kind === "gateway";
        eq.set(hosted.theirs, { target, takeShape: gatewayHost, note: hostNote(hosted.theirs) });
        const theirFollower = follower(t, hosted.theirs);
        const myFollower = follower(d, hosted.mine);
        const followerTarget = dId(myFollower);
        if (theirFollower && followerTarget)
          eq.set(theirFollower, { target: followerTarget, takeShape: false, note: hostNote(theirFollower) });
      }
      // the substrate's node-side workers run on the dominant's workers, or else on its serving nodes
      const entryKind = compOf(dominant, d.entry)?.kind;
      const serving = entryKind === "gateway" || entryKind === "cache" || entryKind === "service";
      const myWorkers = dId(dKind("worker-pool")) ?? (serving ? dId(d.entry) : undefined);
      // its callers are the dominant's, except a client its chosen option draws or acts through (the members that
      // gossip, the agents that push samples, the targets scraped): the dominant's own nodes play it
      for (const c of t.components)
        if (c.kind === "client" && !eq.has(c.id) && !playedForChoice(p, c, eq, myWorkers ?? dId(d.stateOwner)))
          dropped.add(scoped(p, c.id));
      for (const c of t.components)
        if (c.kind === "worker-pool" && myWorkers && !eq.has(c.id))
          eq.set(c.id, { target: myWorkers, takeShape: false, note: `also runs ${p.name}'s node-side ${c.name}` });
    } else if (p.role === "decorator") {
      if (t.upstream) {
        const entry = dId(d.entry);
        if (entry) eq.set(t.upstream, { target: entry, takeShape: false, note: `sits behind ${p.key} ${p.name}` });
        const myClient = dId(dKind("client"));
        for (const c of t.components.filter((c) => c.kind === "client")) {
          if (myClient) eq.set(c.id, { target: myClient, takeShape: false, note: `its requests pass ${p.name}` });
          else dropped.add(scoped(p, c.id));
        }
      } else if (compOf(dominant, d.stateOwner)?.kind === "log") {
        // an append-only log cannot hold another archetype's mutable state: the decorator keeps its own
        // store and serves the dominant's clients
        const myClient = dId(dKind("client"));
        for (const c of t.components.filter((c) => c.kind === "client"))
          if (myClient) eq.set(c.id, { target: myClient, takeShape: false, note: `also uses ${p.name} (${p.role})` });
      } else hostOnDominant(p, eq);
    } else if (p.role === "peer") {
      const myClient = dId(dKind("client"));
      for (const c of t.components.filter((c) => c.kind === "client"))
        if (myClient) eq.set(c.id, { target: myClient, takeShape: false, note: `also calls ${p.name}` });
    } else if (p.onDominant) {
      hostOnDominant(p, eq);
      for (const c of t.components)
        if (c.kind === "client" && !eq.has(c.id) && p.role === "output") dropped.add(scoped(p, c.id));
    } else if (p.role === "input") {
      const intake = dId(d.intake ?? d.entry);
      if (t.consumer && intake)
        eq.set(t.consumer, { target: intake, takeShape: false, note: `consumes ${p.name} as its input` });
    } else if (p.role === "feature") {
      // a feature's component that is the leading archetype's own (the document session is I13's sequencer)
      for (const c of t.components) {
        const local = c.sameAs?.[dominant.key as ArchetypeId];
        const target = dId(local);
        // an outside party the feature names (a card network's payment provider) names the lead's generic one
        const named = c.kind === "external" && target !== undefined && boxes.get(target)?.kind === "external";
        if (target)
          eq.set(c.id, {
            target,
            takeShape: named,
            note: `also runs ${p.name}'s ${c.name.charAt(0).toLowerCase()}${c.name.slice(1)}`,
          });
      }
      for (const [local, m] of sameRole(p)) eq.set(local, m);
    } else if (p.role === "output") {
      const nodes = dId(dKind("worker-pool")) ?? dId(d.stateOwner);
      for (const c of t.components)
        if (c.kind === "client" && c.id !== t.producer && !playedForChoice(p, c, eq, nodes))
          dropped.add(scoped(p, c.id));
      const outlet = dId(d.outlet ?? d.stateOwner);
      if (t.producer && outlet)
        eq.set(t.producer, { target: outlet, takeShape: false, note: `publishes into ${p.name} as its output` });
      else if (t.consumer && d.consumer && dId(d.consumer))
        eq.set(t.consumer, {
          target: dId(d.consumer) as string,
          takeShape: false,
          note: `also runs ${p.name} as its output`,
        });
    }
    for (const c of t.components) {
      if (dropped.has(scoped(p, c.id))) continue;
      const m = eq.get(c.id);
      if (m) mergeInto(p, c, m.target, m.note, m.takeShape);
      else addBox(p, c);
    }
    for (const c of t.components) {
      const id = resolve(p, c.id);
      const b = id ? boxes.get(id) : undefined;
      if (b && c.replicaOf && !b.replicaOf) b.replicaOf = resolve(p, c.replicaOf);
    }
    // A substrate whose entry coordinates its replicas (a router fanning writes out to the group)
    // takes the dominant's requests to the hosted component.
    const coordinates = t.links.some((l) => l.from === t.entry && l.to === t.stateOwner && l.kind === "replication");
    if (p.role === "substrate" && t.entry !== t.stateOwner && coordinates) {
      const front = resolve(p, t.entry);
      const hosted = resolve(p, t.stateOwner);
      if (front && hosted && front !== hosted) fronted.push({ hosted, front, part: p.key });
    }
    // A decorator that mediates requests takes the dominant's client traffic in front of its entry.
    if (p.role === "decorator" && t.upstream) {
      const front = resolve(p, t.entry);
      const entry = dId(d.entry);
      if (front && entry) wrapped.push({ entry, front, part: p.key });
    }
    // An input or output that shares no component still feeds or drains the dominant.
    if ((p.role === "input" || p.role === "output") && !t.components.some((c) => eq.has(c.id))) {
      const mine = p.role === "input" ? dId(d.intake ?? d.entry) : dId(d.outlet ?? d.stateOwner);
      const theirs = p.role === "input" ? resolve(p, t.outlet ?? t.stateOwner) : resolve(p, t.intake ?? t.entry);
      if (mine && theirs) {
        const label = p.role === "input" ? `feeds ${dominant.name}` : `feeds ${p.name}`;
        extra.push(
          p.role === "input"
            ? { from: theirs, to: mine, kind: "stream", label }
            : { from: mine, to: theirs, kind: "stream", label },
        );
      }
    }
  }

  // A feature may name another feature's component by its id (the fan-out workers read the graph's follower
  // index): the link and protocol step are drawn when that feature is in the design too.
  const reach = (p: Part, local: string | undefined) =>
    resolve(p, local) ??
    (local !== undefined && p.role === "feature" && !compOf(p, local) && boxes.has(local) ? local : undefined);

  // Links, translated to final ids, after merges. A hosted archetype's links are its internals,
  // which the feature's own links already draw.
  for (const p of parts) {
    if (p.hostedOn) continue;
    for (const l of p.topology.links) {
      if (dropped.has(scoped(p, l.from)) || dropped.has(scoped(p, l.to))) continue;
      const from = reach(p, l.from);
      const to = reach(p, l.to);
      if (!from || !to || from === to) continue;
      const row = { from, to, kind: l.kind, label: l.label };
      linkPart.set(row, p.key);
      links.push(row);
    }
  }
  for (const r of fronted) {
    for (const l of links) {
      if (l.to === r.hosted && l.kind === "request" && boxes.get(l.from)?.archetype !== r.part) l.to = r.front;
    }
  }
  for (const w of wrapped) {
    for (const l of links) {
      // the decorator's own call past itself (a look-aside reader going to the database on a miss) stays
      if (linkPart.get(l) === w.part) continue;
      if (l.to === w.entry && l.from !== w.front && boxes.get(l.from)?.kind === "client") l.to = w.front;
    }
  }
  links.push(...extra);

  // Features reach the archetypes they rest on; a shared gateway fronts every feature's entry.
  connectFeatures(parts, boxes, links, resolve);
  // a part a chosen option draws that calls others on its own (central scrapers pulling every target) is kept
  const decided = new Set(
    parts.flatMap((p) => [...(p.chosen ?? [])].map((e) => resolve(p, e)).filter((id) => id !== undefined)),
  );
  withoutUncalled(parts, boxes, links, alias, (id) => decided.has(id) && links.some((l) => l.from === id));
  ensureConnected(parts, boxes, links, resolve);

  const moved = sameEntityHome(parts, boxes, resolve);
  const merged = sameRoleEntities(parts, resolve, moved, renaming);
  // a merged record is one row: the box names it as its data row leads, by the product's name (the data model's row
  // says the lead's in parentheses: "DocSnapshot (SubjectSnapshot)")
  for (const b of boxes.values()) b.holds = b.holds.filter((h) => !b.holds.some((x) => merged.get(x) === h));
  const unique = dedupeLinks(links);
  const rn = (s: string) => renameText(s, renaming);
  // a feature on the dominant's parts names the shared record's columns as the dominant does (doc_id is document_id)
  const onLead = onLeadParts(parts);
  const columns = keyColumns(parts, merged, rn);
  const components: ComponentRow[] = [...boxes.values()].map((b) => ({
    id: b.id,
    name: rn(b.name),
    kind: b.kind,
    archetype: b.archetype,
    holds: b.holds.map(rn),
    runs: b.runs,
    because: b.because,
  }));
  return {
    components,
    links: unique,
    api: apiRows(parts, rn, onLead, columns),
    dataModel: dataRows(parts, resolve, rn, moved, merged, onLead, columns),
    protocols: boundProtocols(parts, reach, (p, id) => p.role === "feature" && !compOf(p, id)),
    renaming,
  };
}

/** Which of the dominant's components a substrate hosts, and with which of its own. */
function hostedComponent(d: Topology, t: Topology, key: string): { mine: string; theirs: string } {
  const kindOf = (top: Topology, id: string) => top.components.find((c) => c.id === id)?.kind;
  const pinned = d.hostedBy?.[key];
  const mine = pinned ?? d.stateOwner;
  const myKind = kindOf(d, mine);
  if (kindOf(d, d.entry) === "gateway" && kindOf(t, t.entry) === "gateway" && pinned === undefined)
    return { mine: d.entry, theirs: t.entry };
  if (myKind === "gateway" && kindOf(t, t.entry) === "gateway") return { mine, theirs: t.entry };
  const myWorkers = d.components.find((c) => c.kind === "worker-pool")?.id;
  if (t.consumer && kindOf(t, t.consumer) === "worker-pool" && myWorkers && pinned === undefined)
    return { mine: myWorkers, theirs: t.consumer };
  if (myKind === "worker-pool" && t.consumer) return { mine, theirs: t.consumer };
  const theirLoop = t.components.find((c) => c.kind === "control-loop")?.id;
  if (myKind === "control-loop" && theirLoop) return { mine, theirs: theirLoop };
  return { mine, theirs: t.stateOwner };
}

function connectFeatures(
  parts: readonly Part[],
  boxes: Map<string, Box>,
  links: LinkRow[],
  resolve: (p: Part, local: string | undefined) => string | undefined,
): void {
  const features = parts.filter((p) => p.role === "feature");
  if (features.length === 0) return;
  // the product's front door: a feature's own gateway, or the lead's gateway the shared one merged into
  const gateway =
    [...boxes.values()].find((b) => b.kind === "gateway" && features.some((f) => f.key === b.archetype)) ??
    features.map((f) => boxes.get(resolve(f, "gateway") ?? "")).find((b) => b?.kind === "gateway");
  const archetypes = parts.filter((p) => p.role !== "feature" && !p.hostedOn);
  for (const f of features) {
    const entry = resolve(f, f.topology.entry);
    if (!entry) continue;
    // a feature whose entry is the leading archetype's own component (`sameAs`) runs on that archetype's path
    if (boxes.get(entry)?.archetype !== f.key) continue;
    if (gateway && entry !== gateway.id) {
      for (const l of links) if (l.to === entry && boxes.get(l.from)?.kind === "client") l.to = gateway.id;
      links.push({ from: gateway.id, to: entry, kind: "request", label: `routes ${f.name}` });
    }
    const owner = resolve(f, f.topology.stateOwner) ?? entry;
    const rests = archetypes.filter((a) => f.substrates?.includes(a.key));
    // a feature whose own parts already call one of the archetype's (its metadata service checking blocks in the
    // block store's index) uses it on that link: its state owner is given no second link to the archetype's entry
    // (the product's shared edge, its client and gateway, routes to every part: a link from it is no use)
    const edge = new Set(SHARED_COMPONENT_IDS.map((id) => resolve(f, id)));
    const reaches = (a: Part) =>
      links.some(
        (l) => !edge.has(l.from) && boxes.get(l.from)?.archetype === f.key && boxes.get(l.to)?.archetype === a.key,
      );
    for (const a of rests.length > 0 ? rests : archetypes) {
      const target = resolve(a, a.topology.entry);
      if (target && !reaches(a) && !links.some((l) => l.from === owner && l.to === target))
        links.push({ from: owner, to: target, kind: "request", label: `uses ${a.name}` });
    }
  }
}

/** Any component cut off from the dominant's entry gets a link from the nearest part's entry, by role. */
/**
 * A supporting archetype's part that serves requests (an API, a front end) and that no link reaches once the parts
 * are joined serves nobody: its callers were the archetype's own clients, whom the lead's stand in for, and the lead
 * reaches its state another way (a crawler's workers write the pages a projection's write API would have taken). It is
 * left out with its own links, so the diagram draws no box nothing calls (coherence `part-uncalled`).
 */
function withoutUncalled(
  parts: readonly Part[],
  boxes: Map<string, Box>,
  links: LinkRow[],
  alias: Map<string, string>,
  kept: (id: string) => boolean = () => false,
): void {
  const supporting = new Set(
    parts.filter((p, i) => i > 0 && p.role !== "feature" && p.role !== "peer" && !p.hostedOn).map((p) => p.key),
  );
  if (supporting.size === 0 || parts[0]?.role !== "dominant") return;
  const called = new Set(links.map((l) => l.to));
  const gone = [...boxes.values()].filter(
    (b) => supporting.has(b.archetype) && CALLED_KINDS.has(b.kind) && !called.has(b.id) && !kept(b.id),
  );
  if (gone.length === 0) return;
  const ids = new Set(gone.map((b) => b.id));
  for (const id of ids) boxes.delete(id);
  for (let i = links.length - 1; i >= 0; i--) {
    const l = links[i];
    if (l && (ids.has(l.from) || ids.has(l.to))) links.splice(i, 1);
  }
  for (const [k, v] of alias) if (ids.has(v)) alias.delete(k);
}

/** Kinds of part that act only when called (an API, a front end, a gateway): with no caller they do nothing. */
export const CALLED_KINDS: ReadonlySet<string> = new Set(["service", "gateway"]);

function ensureConnected(
  parts: readonly Part[],
  boxes: Map<string, Box>,
  links: LinkRow[],
  resolve: (p: Part, local: string | undefined) => string | undefined,
): void {
  const dominant = parts[0];
  if (!dominant) return;
  const start = resolve(dominant, dominant.topology.entry);
  if (!start) return;
  const reach = () => {
    const seen = new Set([start]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const l of links) {
        if (seen.has(l.from) && !seen.has(l.to)) {
          seen.add(l.to);
          grew = true;
        } else if (seen.has(l.to) && !seen.has(l.from)) {
          seen.add(l.from);
          grew = true;
        }
      }
    }
    return seen;
  };
  for (const p of parts.slice(1)) {
    if (p.hostedOn) continue;
    const seen = reach();
    const entry = resolve(p, p.topology.entry);
    if (!entry || seen.has(entry)) continue;
    const anchor = resolve(dominant, dominant.topology.stateOwner) ?? start;
    links.push({ from: anchor, to: entry, kind: "request", label: `${p.role}: ${p.name}` });
  }
  for (const b of boxes.values()) {
    if (reach().has(b.id)) continue;
    links.push({ from: start, to: b.id, kind: "request", label: b.runs[0] ?? "uses" });
  }
}

function dedupeLinks(links: readonly LinkRow[]): LinkRow[] {
  const seen = new Set<string>();
  const out: LinkRow[] = [];
  for (const l of links) {
    if (l.from === l.to) continue;
    const k = `${l.from}>${l.to}>${l.kind}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(l);
  }
  return out;
}

/**
 * Client-facing calls: the dominant's, a decorator's and an input's (their callers are clients too), and each feature's.
 * A feature that runs on the dominant's own parts (`onLead`) plays the dominant's calls in the product's words: its call
 * with the same verb on the same record is merged into the dominant's (engine/roles.ts), in the dominant's columns.
 */
function apiRows(
  parts: readonly Part[],
  rn: (s: string) => string,
  onLead: ReadonlySet<string> = new Set(),
  columns: ReadonlyMap<string, string> = new Map(),
): ApiRow[] {
  const out: ApiRow[] = [];
  const seen = new Set<string>();
  const lead = parts[0]?.key;
  const mergedInto = new Set<number>();
  for (const p of parts) {
    if (p.role === "substrate" || p.role === "output" || p.onDominant || p.hostedOn) continue;
    if (p.role === "decorator" && !p.topology.upstream) continue;
    for (const a of p.topology.api) {
      const call = rn(a.call);
      if (seen.has(call)) continue;
      seen.add(call);
      const t = onLead.has(p.key) ? (x: string) => translate(rn(x), columns) : rn;
      const row: ApiRow = {
        operation: rn(p.terms ? fillTerms(a.operation, p.terms) : a.operation),
        call: t(a.call),
        request: a.request.map(t),
        response: a.response.map(t),
        errors: a.errors.map(t),
        guarantee: t(a.guarantee),
        archetype: p.key,
        // a variant of a call that a decision's options each promise their own way keeps the option it belongs to
        ...(a.chosen ? { chosen: { decision: a.chosen.decision, options: [...a.chosen.options] } } : {}),
      };
      const twin = onLead.has(p.key)
        ? out.findIndex((x, i) => x.archetype === lead && !mergedInto.has(i) && sameCall(x, row))
        : -1;
      const base = out[twin];
      if (base) {
        out[twin] = mergeApiRows(base, row, columns);
        mergedInto.add(twin);
        continue;
      }
      out.push(row);
    }
  }
  return out;
}

/** The product features that run on the dominant's own parts: a component of theirs is the dominant's (`sameAs`). */
function onLeadParts(parts: readonly Part[]): ReadonlySet<string> {
  const [dominant] = parts;
  if (!dominant) return new Set();
  return new Set(
    parts
      .filter(
        (p) =>
          p.role === "feature" &&
          !p.hostedOn &&
          p.topology.components.some((c) => c.sameAs?.[dominant.key as ArchetypeId] !== undefined),
      )
      .map((p) => p.key),
  );
}

/**
 * Records that play one role (engine/roles.ts): a feature's entity kept in the same composed component as one of the
 * dominant's, of the same kind (head noun), where the feature runs on the dominant's parts: a document editor's
 * DocOperation in the dominant's operation log is its Operation. Returns each feature entity with the dominant's.
 */
function sameRoleEntities(
  parts: readonly Part[],
  resolve: (p: Part, local: string | undefined) => string | undefined,
  moved: ReadonlyMap<string, string>,
  renaming: readonly Renaming[] = [],
): Map<string, string> {
  const out = new Map<string, string>();
  const onLead = onLeadParts(parts);
  const [dominant] = parts;
  if (!dominant || onLead.size === 0) return out;
  const home = (p: Part, e: { entity: string; owner: string }) => moved.get(e.entity) ?? resolve(p, e.owner);
  const leads = new Map<string, string>();
  for (const e of dominant.topology.dataModel) {
    const box = home(dominant, e);
    const k = `${box}|${headNoun(e.entity)}`;
    if (box && !leads.has(k)) leads.set(k, e.entity);
    // the unit renamed after a feature's record (a checkout's workflow instance is its Order) is that record's role
    const noun = renaming.find((r) => r.entity === e.entity)?.noun;
    if (box && noun) leads.set(`${box}|${renameText(e.entity, renaming)}`, e.entity);
  }
  for (const p of parts) {
    if (!onLead.has(p.key)) continue;
    for (const e of p.topology.dataModel) {
      const lead = leads.get(`${home(p, e)}|${headNoun(e.entity)}`);
      if (lead && lead !== e.entity && !out.has(e.entity)) out.set(e.entity, lead);
    }
  }
  return out;
}

/** The feature's key columns in the dominant's names, from the records merged by role (doc_id is document_id). */
function keyColumns(
  parts: readonly Part[],
  merged: ReadonlyMap<string, string>,
  rn: (s: string) => string,
): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  const rows = new Map(parts.flatMap((p) => p.topology.dataModel.map((e) => [e.entity, e] as const)));
  for (const [mine, theirs] of merged) {
    const a = rows.get(mine);
    const b = rows.get(theirs);
    if (!a || !b) continue;
    for (const [from, to] of columnMap(a.key.map(rn), b.key.map(rn))) if (!out.has(from)) out.set(from, to);
  }
  return out;
}

/** One row per entity of state the parts declare, owner mapped to the composed component. */

/**
 * One entity, one home. A product feature's entity carried into a component of the lead archetype (by `sameAs`)
 * lives where the lead keeps that kind of thing: a document's snapshots in the lead's snapshot store, not beside the
 * operation log the feature's document store became. Returns the entities moved, with their new component.
 */
function sameEntityHome(
  parts: readonly Part[],
  boxes: Map<string, Box>,
  resolve: (p: Part, local: string | undefined) => string | undefined,
): Map<string, string> {
  const moved = new Map<string, string>();
  const [dominant] = parts;
  if (!dominant) return moved;
  const homes = new Map<string, string>();
  for (const c of dominant.topology.components) {
    const id = resolve(dominant, c.id);
    if (id) for (const h of c.holds ?? []) if (!homes.has(headNoun(h))) homes.set(headNoun(h), id);
  }
  for (const p of parts) {
    if (p.role !== "feature") continue;
    for (const c of p.topology.components) {
      if (!c.sameAs?.[dominant.key as ArchetypeId]) continue;
      const from = resolve(p, c.id);
      const b = from ? boxes.get(from) : undefined;
      if (!b) continue;
      for (const h of c.holds ?? []) {
        const home = homes.get(headNoun(h));
        const target = home ? boxes.get(home) : undefined;
        if (!target || target.id === b.id || !b.holds.includes(h)) continue;
        b.holds = b.holds.filter((x) => x !== h);
        if (!target.holds.includes(h)) target.holds.push(h);
        target.because = `${target.because}; also keeps ${p.name}'s ${h}, the same kind of record (one home per entity)`;
        moved.set(h, target.id);
      }
    }
  }
  return moved;
}

function dataRows(
  parts: readonly Part[],
  resolve: (p: Part, local: string | undefined) => string | undefined,
  rn: (s: string) => string,
  moved: ReadonlyMap<string, string>,
  merged: ReadonlyMap<string, string> = new Map(),
  onLead: ReadonlySet<string> = new Set(),
  columns: ReadonlyMap<string, string> = new Map(),
): DataModelRow[] {
  const out: DataModelRow[] = [];
  const seen = new Set<string>();
  /** A record merged by role waits for the row it joins. */
  const joining = new Map<string, DataModelRow>();
  for (const p of parts) {
    if (p.hostedOn) continue;
    // a record not merged still names the shared record's columns as the dominant does
    const t = onLead.has(p.key) ? (x: string) => translate(rn(x), columns) : rn;
    for (const e of p.topology.dataModel) {
      if (seen.has(e.entity)) continue;
      seen.add(e.entity);
      const renamed = rn(e.entity);
      const row: DataModelRow = {
        entity: renamed === e.entity ? e.entity : `${renamed} (${e.entity})`,
        key: e.key.map(merged.has(e.entity) ? rn : t),
        fields: e.fields.map(t),
        indexes: e.indexes.map(t),
        owner: moved.get(e.entity) ?? resolve(p, e.owner) ?? e.owner,
        archetype: p.key,
      };
      if (e.partitionKey) row.partitionKey = t(e.partitionKey);
      if (merged.has(e.entity)) joining.set(merged.get(e.entity) as string, row);
      else out.push(row);
    }
  }
  if (joining.size === 0) return out;
  const base = (entity: string) => /\(([A-Za-z]+)\)$/.exec(entity)?.[1] ?? entity;
  return out.map((r) => {
    const other = joining.get(base(r.entity));
    return other ? mergeDataRows(r, other) : r;
  });
}

function boundProtocols(
  parts: readonly Part[],
  resolve: (p: Part, local: string | undefined) => string | undefined,
  foreign: (p: Part, local: string) => boolean,
): BoundProtocol[] {
  const out: BoundProtocol[] = [];
  for (const p of parts) {
    // the archetype a feature's record realizes runs no protocol of its own: the feature's protocol on that record is it
    if (p.realized) continue;
    for (const spec of p.topology.protocols ?? []) {
      const parsed = protocolOf(spec.notation);
      if (!parsed.ok) continue;
      const steps: BoundStep[] = [];
      let complete = true;
      for (const s of parsed.value.steps) {
        const from = resolve(p, s.actor);
        const to = s.target === undefined ? from : resolve(p, s.target);
        if (!from || !to) {
          // a step with another feature's component, absent from this design, is left out of the flow
          if (foreign(p, s.actor) || (s.target !== undefined && foreign(p, s.target))) continue;
          complete = false;
          break;
        }
        // a message between two components that composition merged is internal to the merged one
        if (s.target !== undefined && s.target !== s.actor && from === to) continue;
        steps.push({ ...s, from, to });
      }
      if (complete && steps.length > 0)
        out.push({ part: p.key, name: spec.name, steps, outcomes: [...parsed.value.outcomes] });
    }
  }
  return out;
}

/**
 * Compositions by what they are composed of: the parts (each archetype or feature with its role and the
 * reasons it carries, its topology pruned by the chosen decision options) and the renamings the prompt asks for, which are all of the prompt composition reads.
 * Prompts that recognise the same parts compose the same architecture. Bounded; emptied when full.
 */
const COMPOSED = new Map<string, Architecture>();
const COMPOSED_MAX = 256;

const partsKey = (parts: readonly Part[], renaming: readonly Renaming[]) =>
  JSON.stringify([
    parts.map((p) => [p.key, p.name, p.role, p.why, p.onDominant, p.substrates, p.hostedOn, p.terms]),
    renaming,
  ]);

/** A design's own copy of a kept composition: every row and every list in it new (the strings are shared). */
function copied(a: Architecture): Architecture {
  return {
    components: a.components.map((c) => ({ ...c, holds: [...c.holds], runs: [...c.runs] })),
    links: a.links.map((l) => ({ ...l })),
    api: a.api.map((x) => ({ ...x, request: [...x.request], response: [...x.response], errors: [...x.errors] })),
    dataModel: a.dataModel.map((d) => ({ ...d, key: [...d.key], fields: [...d.fields], indexes: [...d.indexes] })),
    protocols: a.protocols.map((p) => ({ ...p, steps: p.steps.map((s) => ({ ...s })), outcomes: [...p.outcomes] })),
    renaming: a.renaming.map((r) => ({ ...r, words: [...r.words] })),
  };
}

/**
 * The composed architecture of a design's fields and the prompt's unit noun (`unitNoun`), which is all of the
 * prompt it reads. Several fields read it (components, links, API, data model, diagrams); it is computed once
 * per set of inputs and remembered by their identity, which is invisible to callers because composition is a
 * pure function of those inputs. Each design gets its own copy of a composition made for an earlier one.
 */
const memo = new WeakMap<object, WeakMap<object, Map<string, Architecture>>>();
const BY_UNIT_MAX = 16;

/**
 * What the architecture reads of the prompt: the unit's own noun, a product's main record when no feature models it,
 * and the subjects it never speaks of (an archetype's topology draws its topical elements only where it does).
 */
export interface Layout {
  unit: UnitNoun | undefined;
  record: ProductRecord | undefined;
  unspoken: readonly Topic[];
  /** The kind of outside party a workflow's effects reach (knowledge/parties.ts), when the design sends any. */
  party: PartyKind | undefined;
  /** Whether the party's data boundary applies to the prompt's subject (card payments: knowledge/parties.ts). */
  bounded: boolean;
  /** The subject replacements the prompt's words keep from applying (`knowledge/covers.ts` `replacementsKept`). */
  kept: readonly string[];
  /** The sibling systems the prompt spreads its steps across (`engine/named-parts.ts`), each drawn as a box. */
  spread: Spread | undefined;
  /** The outside party the prompt says confirms an outcome (`engine/stated-stance.ts`), drawn by `withConfirmer`. */
  confirmation: ReturnType<typeof statedConfirmation>;
  /** The parts the prompt counts ('five resolutions') and names by relation ('their contacts'), drawn unless held. */
  named: { counted: readonly CountedThing[]; relational: readonly RelationalPart[] };
  /** The stocks the prompt counts in figures ('100 million voters'), each kept by a record unless one holds it. */
  stocks: readonly Stock[];
  /** The stated all-of rules ('published only after all of its segments succeed'), whose parent keeps a done set. */
  barriers: readonly Barrier[];
  /** The stated catch-ups after absence, each carried by a per-reader cursor. */
  catchUps: readonly CatchUp[];
  /** The nouns a product prompt's operations act on ('restaurants publish their opening hours', 'for a party size'). */
  objects: OperationObjects;
  /** The voters of one consensus group the prompt counts ('a 7-node consensus group'), which size the group's boxes. */
  voters: { value: number; quote: string } | undefined;
  /** The guarantee clauses the prompt states (engine/stated-clauses.ts), which reach the records, calls and checks. */
  clauses: readonly GuaranteeClause[];
}

/**
 * The last design's layout, by its inputs' identities: the invariants' facts and the architecture's shared facts
 * both ask for it within one design (the field values are not changed once derived).
 */
let lastLayout: { f: Pick<Fields, "prompt" | "branch" | "features" | "archetypes">; layout: Layout } | undefined;

/** The layout facts of a design: a product's main record is read only when no product feature models the product. */
export function layoutOf(f: Pick<Fields, "prompt" | "branch" | "features" | "archetypes">): Layout {
  const last = lastLayout;
  if (
    last !== undefined &&
    last.f.prompt === f.prompt &&
    last.f.branch === f.branch &&
    last.f.features === f.features &&
    last.f.archetypes === f.archetypes
  )
    return last.layout;
  const layout = freshLayout(f);
  lastLayout = {
    f: { prompt: f.prompt, branch: f.branch, features: f.features, archetypes: f.archetypes },
    layout,
  };
  return layout;
}

const NO_OBJECTS: OperationObjects = { owners: [], qualifiers: [] };

function freshLayout(f: Pick<Fields, "prompt" | "branch" | "features" | "archetypes">): Layout {
  const party = designParty(f)?.kind;
  const spread = spreadOf(f.prompt);
  const barriers = barriersOf(statedNfrsOf(f.prompt).guarantees);
  return {
    unit: designUnitNoun(f),
    record: bareProductRecord(f.prompt, f.branch.kind, f.features),
    unspoken: designTopicsUnspoken(f.prompt, f.features),
    party,
    bounded: partyBoundary(party, f.prompt) !== undefined,
    kept: replacementsKept(f.prompt),
    spread,
    confirmation: statedConfirmation(f.prompt),
    named: { counted: countedParts(f.prompt, spread), relational: relationalParts(f.prompt) },
    // the parts of a stated all-of rule are kept in their parent's done set, never as records of their own
    stocks: stockThings(f.prompt).filter((s) => !barriers.some((b) => b.parts === s.noun)),
    barriers,
    catchUps: catchUpsOf(f.prompt),
    // a product's own operations, read where the design is a product's or a product feature is recognised
    objects: f.branch.kind === "product" || f.features.length > 0 ? operationObjects(f.prompt) : NO_OBJECTS,
    voters: statedNfrsOf(f.prompt).scale.voters,
    clauses: guaranteeClauses(f.prompt),
  };
}

/**
 * The layout as facts the architecture's fields share (components, links, API, data model, diagrams): one
 * computation and one key per design instead of one per field.
 */
export const LAYOUT_FACTS = sharedFacts<Layout>("layout", ["prompt", "branch", "features", "archetypes"], layoutOf);

/** Heads of a spread whose systems are outside parties (a provider, a vendor) rather than services of our own. */
const OUTSIDE_HEADS = new Set(["provider", "vendor", "partner", "api"]);

/**
 * An architecture that draws every system the prompt spreads its steps across ("reserves inventory, charges the card
 * and books shipping across three services"): a system no component's name or records already name gets a box of its
 * own ("Shipping service"), called by the part that sends the design's effects outside (the first component with a
 * request link to an outside party, else the entry service) for the step that reaches it.
 */
export function withSpread(arch: Architecture, spread: Spread | undefined): Architecture {
  if (!spread) return arch;
  const drawn = designWords(arch.components.flatMap((c) => [c.name, ...c.holds]));
  // (the system's own word, not one it starts: a car provider is not drawn by a card network gateway)
  const missing = spread.members.filter((m) => !drawn.has(m.system));
  if (missing.length === 0) return arch;
  const outside = new Set(arch.components.filter((c) => c.kind === "external").map((c) => c.id));
  const sender =
    arch.links.find((l) => l.kind === "request" && outside.has(l.to))?.from ??
    arch.components.find((c) => c.kind === "service")?.id;
  if (sender === undefined) return arch;
  const kind = OUTSIDE_HEADS.has(spread.head) ? "external" : "service";
  const owner = arch.components.find((c) => c.id === sender)?.archetype ?? "";
  const said = `the prompt spreads its steps across ${spread.count} ${spread.head}s ('${spread.quote}')`;
  const added = missing.map((m) => ({
    component: {
      id: `spread-${m.system}`,
      name: `${m.system[0]?.toUpperCase()}${m.system.slice(1)} ${spread.head}`,
      kind,
      archetype: owner,
      holds: [],
      runs: [m.step],
      because: `${said}: '${m.step}' is this ${spread.head}'s step, called once per ${spread.head} under the effect's id so a retry is applied once`,
    } satisfies ComponentRow,
    link: { from: sender, to: `spread-${m.system}`, kind: "request", label: m.step } satisfies LinkRow,
  }));
  return {
    ...arch,
    components: [...arch.components, ...added.map((a) => a.component)],
    links: [...arch.links, ...added.map((a) => a.link)],
  };
}

/**
 * The kind of outside party a design's effects reach, with why, when it sends effects outside (I12): in a
 * feature-led design the feature that hosts the workflow says it (notifications reach the push gateways), else
 * the prompt's words (knowledge/parties.ts), else another service.
 */
export function designParty(
  f: Pick<Fields, "prompt" | "branch" | "features" | "archetypes">,
): { kind: PartyKind; because: string } | undefined {
  if (!f.archetypes.some((a) => a.id === "I12")) return undefined;
  if (featureLed(f.branch.kind, f.features, f.archetypes)) {
    const host = hostFeature(f.features, "I12");
    const kind = host ? FEATURE_BY_ID.get(host.row.id)?.substrates.find((s) => s.id === "I12")?.party : undefined;
    if (host && kind)
      return { kind, because: `${host.row.name} carries the workflow, and its effects reach ${PARTIES[kind].name}` };
  }
  const found = partyOf(f.prompt);
  return {
    kind: found.kind,
    because: found.quote
      ? `the prompt says '${found.quote}', so the effects reach ${PARTIES[found.kind].name}`
      : `the prompt names no payment, webhook, push, email or SMS party, so the effects reach ${PARTIES[found.kind].name}`,
  };
}

export function architectureOf(
  f: Pick<Fields, "branch" | "archetypes" | "features"> & { decisions?: Fields["decisions"] },
  layout: Layout,
): Architecture {
  const {
    unit,
    record,
    unspoken,
    party,
    bounded,
    kept,
    spread,
    confirmation,
    named,
    stocks,
    barriers,
    catchUps,
    objects,
    voters,
  } = layout;
  let byFeatures = memo.get(f.archetypes);
  if (!byFeatures) {
    byFeatures = new WeakMap();
    memo.set(f.archetypes, byFeatures);
  }
  let byUnit = byFeatures.get(f.features);
  if (!byUnit) {
    byUnit = new Map();
    byFeatures.set(f.features, byUnit);
  }
  // the decisions' chosen options decide which option-specific elements are drawn
  const chosen = (f.decisions ?? []).map((d) => `${d.id}=${d.chosen}`).join(",");
  const recordKey = record ? JSON.stringify(record) : "";
  const topics = unspoken.join(",");
  const key = `${composedKind(f.branch.kind, f.archetypes)}\n${unit ? JSON.stringify([unit.noun, unit.quote]) : ""}\n${chosen}\n${recordKey}\n${topics}\n${party ?? ""}\n${bounded}\n${kept.join(",")}\n${spread ? JSON.stringify(spread) : ""}\n${JSON.stringify(named.counted)}\n${named.relational.map((p) => p.id).join(",")}\n${JSON.stringify(stocks)}\n${JSON.stringify(barriers)}\n${JSON.stringify(catchUps)}\n${JSON.stringify(objects)}\n${voters ? JSON.stringify(voters) : ""}\n${confirmation ? JSON.stringify(confirmation) : ""}`;
  const hit = byUnit.get(key);
  if (hit) return hit;
  // each part draws only the topical elements that fit the prompt's subjects
  // (a cache drawn only for one subject, a typeahead's edge cache, counts only where the design speaks of it)
  const cached = f.archetypes.some((a) =>
    ARCHITECTURE[a.id as ArchetypeId]?.components.some((c) => c.kind === "cache" && fitsTopics(c, unspoken)),
  );
  // (a part is hosted on a bare product's record by the machinery it draws for the prompt's subjects, not by rows of
  // a subject the prompt never speaks of: a ledger's transfer relay does not keep a pastebin's store off its record)
  // a record kept beside drawn features (a recipe-sharing app's recipes beside its social graph) is one more part of
  // its own, its own service and store; the features' parts stay as they are, none hosted on it
  const beside = record !== undefined && f.features.length > 0;
  const hosted =
    record && !beside ? onRecord(topicalParts(designParts(f, party, bounded), unspoken, kept), record) : [];
  const parts = topicalParts(
    record && beside
      ? [...designParts(f, party, bounded), besideFeatures(recordPart(record, false))]
      : record
        ? [recordPart(record, cached, fillsFromStore(hosted.filter((p) => p.hostedOn === RECORD_PART))), ...hosted]
        : designParts(f, party, bounded),
    unspoken,
    kept,
  );
  const renaming = renamings(unit, parts);
  // the parts' topologies are pruned by the chosen options, so the choices are part of what they are composed of
  const composedKey = `${partsKey(parts, renaming)}\n${chosen}\n${recordKey}\n${topics}\n${party ?? ""}\n${bounded}\n${kept.join(",")}`;
  let composed = COMPOSED.get(composedKey);
  if (!composed) {
    composed = composeParts(parts, renaming);
    if (COMPOSED.size >= COMPOSED_MAX) COMPOSED.clear();
    COMPOSED.set(composedKey, composed);
  }
  const terms = f.features.map((x) => x.terms ?? {});
  const stocked = withCatchUpCursors(
    withOperationObjects(
      withStockRecords(
        withCompletionRecords(
          withNamedParts(
            withConfirmer(withSpread(copied(composed), spread), confirmation, f.archetypes[0]?.id),
            named.counted,
            named.relational,
            unit?.noun,
            f.archetypes[0]?.id,
          ),
          barriers,
          f.archetypes[0]?.id ?? "",
        ),
        stocks,
        f.archetypes[0]?.id ?? "",
        terms,
      ),
      objects,
      f.archetypes[0]?.id ?? "",
      terms,
    ),
    catchUps,
    f.archetypes[0]?.id ?? "",
  );
  // a group the prompt counts the voters of is drawn with that many, never the typical five
  const arch = voters
    ? { ...stocked, components: stocked.components.map((c) => sizedGroupComponent(c, voters)) }
    : stocked;
  // kept archetypes and features live across designs, so bound what each pair remembers
  if (byUnit.size >= BY_UNIT_MAX) byUnit.clear();
  byUnit.set(key, arch);
  return arch;
}

/** Whether an archetype's card holds a record only as given by a system the design fronts (`givenBy`). */
function isGivenRecord(archetype: string, entity: string): boolean {
  return (
    ARCHETYPE_BY_ID.get(archetype as ArchetypeId)?.entities.some((e) => e.name === entity && e.givenBy !== undefined) ??
    false
  );
}
