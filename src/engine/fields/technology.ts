import { lacks, PROPERTIES, type Property } from "../../knowledge/decisions/properties.js";
import { factsOf } from "../../knowledge/product-facts.js";
import { QUANTITY_BY_ID } from "../../knowledge/quantities.js";
import type { NfrTag } from "../../knowledge/schema.js";
import { ONE_PRIMARY_STORE, slowerThan, stateLimitOf } from "../../knowledge/state-limits.js";
import { BUILT_IN_HOUSE, roleOf } from "../../knowledge/technology-roles.js";
import { fitsTopics, unspokenBesides } from "../../knowledge/topics.js";
import type { Deriver } from "../design/graph.js";
import type { ComponentRow, Fields, Nfrs, TechnologyRow } from "../design/types.js";
import { decidedFeatureProducts, featureLed, featureTechnology } from "../product/index.js";
import { formatQuantity } from "../quantity-format.js";
import {
  mentionsName,
  type ReferenceFacts,
  referenceFacts,
  referenceVerdict,
  unaskedBuildingBlock,
} from "../references.js";
import { regionMode } from "../regions.js";
import { managedObjectStore, ownStorageFleet, subPartDrawn } from "../technology-parts.js";
import { compareText, pattern } from "../text.js";
import { ceilingOfFigure } from "./bottleneck-load.js";
import { archetype, stateHolder } from "./common.js";
import { builds, builtOn, preferTechnology } from "./decisions.js";
import { drawsCache, durabilityOf, technologyRequirements, withRequirements } from "./technology-requirements.js";

/** The NFR tags a design asks of its products, each with the reason it is asked. */
export function wantedTags(n: Nfrs, mechanismIds: ReadonlySet<string>): Map<NfrTag, string> {
  const want = new Map<NfrTag, string>();
  const c = n.consistency.value;
  want.set(c, `consistency ${c}`);
  want.set(n.delivery.value, `delivery ${n.delivery.value}`);
  want.set(n.availability.value, `stance ${n.availability.value}`);
  if (n.durability.value === "durable") want.set("durable", "durable state");
  if (n.ordering.value !== "none") want.set("ordering", `ordering ${n.ordering.value}`);
  if (n.regions.value > 1) want.set("multi-region", `${n.regions.value} regions`);
  if (n.latency.length > 0) want.set("low-latency", `latency target ${n.latency[0]?.quote}`);
  const big = Object.entries(n.scale).find(([k, v]) => k.endsWith("_per_sec") && v.value >= 10000);
  if (big) want.set("high-throughput", `'${big[1].quote}'`);
  if (mechanismIds.has("consensus-replication")) want.set("small-metadata", "consensus-held state stays small");
  return want;
}

/** The layers that keep the design's truth, where a component's needs bind the products. */
export const TRUTH_LAYERS: ReadonlySet<TechnologyRow["layer"]> = new Set(["storage", "coordination"]);

/**
 * What an archetype's components in this design need of the products that keep its truth, each with the component
 * that needs it: a consensus group commits a write on a majority, which a store that replicates asynchronously cannot.
 */
export function componentNeeds(
  components: readonly Pick<ComponentRow, "name" | "kind" | "archetype">[],
  archetype: string,
): Map<Property, string> {
  const needs = new Map<Property, string>();
  const group = components.find(
    (c) => c.archetype === archetype && c.kind === "replica-group" && /\bconsensus\b/i.test(c.name),
  );
  if (group) needs.set("majority-commit", `the design keeps its truth in '${group.name}'`);
  // a store drawn as one primary with a synchronous replica takes its conditional writes on that primary: a product
  // is chosen for the store kind the design draws, never a leaderless one that settles writes by timestamp
  const primary = components.find(
    (c) =>
      c.archetype === archetype &&
      STORE_KINDS.has(c.kind) &&
      /\bprimary\b[^)]*\bsync(?:hronous)?\b[^)]*\b(?:replicas?|standbys?)\b/i.test(c.name),
  );
  if (primary) needs.set("single-leader", `the design keeps its truth in '${primary.name}'`);
  return needs;
}

/** A storage figure of the state a coordination layer holds: metadata, leases or other small state, never the data. */
const COORDINATION_STATE = /\b(?:metadata|lease|state)\b|_(?:meta|state)_|^(?:metadata|lease)/i;

/**
 * The state a layer of an archetype keeps, as the design sizes it: for the coordination layer the largest of the
 * archetype's storage figures in bytes that sizes metadata, leases or state (what a consensus group would hold), for
 * the storage layer the largest storage figure in bytes.
 */
function layerState(
  layer: TechnologyRow["layer"],
  archetype: string,
  capacity: Fields["capacity"],
): Fields["capacity"][number] | undefined {
  if (layer === "serving") return undefined;
  const bytes = capacity.filter(
    (c) =>
      c.archetype === archetype &&
      c.kind === "storage" &&
      c.unit === "B" &&
      (layer === "storage" || COORDINATION_STATE.test(`${c.id} ${c.quantity}`)),
  );
  return [...bytes].sort((x, y) => y.value - x.value)[0];
}

/**
 * Why a product cannot hold the state this layer of the design keeps: its documented size limit
 * (knowledge/state-limits.ts) is below the design's own figure; undefined when it can, or no limit is known.
 */
export function overLimit(
  product: string,
  layer: TechnologyRow["layer"],
  archetype: string,
  capacity: Fields["capacity"],
): string | undefined {
  const limit = stateLimitOf(product);
  const state = limit ? layerState(layer, archetype, capacity) : undefined;
  if (!limit || !state || state.value <= limit.bytes) return undefined;
  return `the design's ${state.quantity} is ≈ ${formatQuantity(state.value, state.unit)}, more than it takes: ${limit.what} (${limit.source})`;
}

/**
 * The drawn component a product would be, where its name says what kind of part it is (Kafka is a log), or why it is
 * no part of this design: the design draws no component of that kind. Products whose name says no kind get neither.
 */
export function drawnPart(
  product: string,
  owner: string,
  components: readonly Pick<ComponentRow, "name" | "kind" | "archetype">[],
): { component?: string; missing?: string } {
  const role = roleOf(product);
  if (!role) return {};
  // the part the product's own archetype draws: a row's words speak of that archetype's records (a topic of
  // discovered keys is no change stream another archetype draws); a row whose archetype draws nothing itself (a
  // product design's features draw the parts) may be any drawn part of its kind
  const mine = components.filter((x) => x.archetype === owner);
  const own = mine.length > 0 ? mine : components;
  const c = own.find((x) => x.kind === role.kind) ?? own.find((x) => role.named.test(x.name));
  return c
    ? { component: c.name }
    : { missing: `it is ${role.what}, and the design draws no ${role.kind} component for ${owner}` };
}

/**
 * Why a product cannot hand out the ids the prompt asks for: its ids are wider (`idBits`) than the width the prompt
 * states ("64-bit IDs"); undefined when they fit or either width is unknown.
 */
export function widerThanStated(
  t: { idBits?: number },
  stated: { bits: number; because: string } | undefined,
): string | undefined {
  if (!stated || t.idBits === undefined || t.idBits <= stated.bits) return undefined;
  return `its ids are ${t.idBits} bits, wider than the ${stated.bits} bits stated (${stated.because})`;
}

/** The system the prompt names as a part (not as the system to build) that a product's name names, if any. */
export function namedPart(product: string, facts: ReferenceFacts): string | undefined {
  return facts.named.find((n) => !facts.subjects.includes(n) && mentionsName(product, n));
}

/** The drawn component that names the part the prompt names and a product is ("Cache (Redis: …)" for Redis). */
function namedComponent(
  product: string,
  facts: ReferenceFacts,
  components: readonly Pick<ComponentRow, "name">[],
): { name: string; component: string } | undefined {
  const name = namedPart(product, facts);
  const c = name ? components.find((x) => mentionsName(x.name, name)) : undefined;
  return name && c ? { name, component: c.name } : undefined;
}

export const technologyField: Deriver<"technology", ReferenceFacts> = {
  field: "technology",
  category: "Chosen",
  reads: [
    "prompt",
    "archetypes",
    "baseMechanisms",
    "companions",
    "nfrs",
    "decisions",
    "branch",
    "features",
    "criticalPaths",
    "components",
    "capacity",
    "primaryState",
    "invariants",
    "failures",
  ],
  rule: "the storage layer of a system the prompt asks to build, where only reference designs are left, is built in-house as the drawn part that holds its first primary state, with buying the reference as the runner-up; a product-first design takes each layer from its features' products, falling back to the lead archetype only when no feature names a product; otherwise recall the dominant archetype's silhouette (storage, coordination, serving), then rank products of that shape (leaving out one that stands in for a mechanism the design builds itself: no workflow engine beside a hand-built outbox) by how many wanted NFRs they suit minus how many they are poor at, a chosen decision's preferred products leading their layer; a design asked only for derived state (a cache) is offered no store that keeps records durable, a product lacking what a component needs (a majority commit under a consensus group) is avoided rather than chosen for the layers that keep the truth, a product the prompt asks to build is shown as the reference design, never as a choice, parts for building an archetype appear only when the prompt asks to build it, a product the prompt names as a part (a sink, a source) is never avoided or the runner-up and, where the design draws it, is chosen with what would argue against it said as how to run it, a product is never both chosen and avoided (a product that keeps the records is checked against the design's requirements and each product's documented replication and conditional writes: an acknowledged write that must outlive its node needs a store that copies it before answering, and a rule that makes a write conditional needs a store that checks it in the write, not by a Paxos round per write; one that fails is the runner-up with the unmet property named, its place taken by the runner-up it had where that passes), and a product that keeps the records is checked against the design's requirements (by each product's documented replication and conditional writes: an acknowledged write that must outlive its node needs a store that copies it before answering, a rule that makes a write conditional needs a store that checks it in the write, not by a Paxos round per write): one that fails is the runner-up with the unmet property named, its place taken by the runner-up it had where that passes",
  // all the technology reads of the prompt: the systems it names and the archetypes it asks to build
  facts: (f) => referenceFacts(f.prompt),
  derive: (f, _input, asked) => {
    const lead = f.archetypes[0];
    if (!lead) return [];
    const a = archetype(lead.id);
    const ids = new Set([...f.baseMechanisms, ...f.companions].map((m) => m.id));
    const want = wantedTags(f.nfrs, ids);
    // the tightest stated latency: a product whose documented reads are slower is not offered
    const target = [...f.nfrs.latency].sort((x, y) => x.ms - y.ms)[0];
    const inDesign = f.archetypes.map((x) => x.id);
    const own = featureLed(f.branch.kind, f.features, f.archetypes)
      ? featureTechnology(
          f.features,
          (p) => !unaskedBuildingBlock(p, asked) && !referenceVerdict(p, asked, inDesign, f.components),
          (id) => f.decisions.find((r) => r.id === id)?.chosen,
          unspokenBesides(f.nfrs.topics),
        )
      : [];
    // A feature-led design names products only for the layers its features need; the lead archetype's
    // silhouette (a lock service for a hotel) fills in only when no feature names any product.
    const substrateCounts = own.length === 0;
    // A design asked only for derived or soft state (a cache in front of someone else's database) keeps no
    // records of its own: a store chosen to keep them durable belongs to the origin, not to this design.
    const holder = stateHolder(f.archetypes, asked);
    const derivedOnly = holder?.asked === true && !holder.records && holder.id !== a.id;
    const rows: TechnologyRow[] = [];
    const unspoken = unspokenBesides(f.nfrs.topics);
    // the shape of a design about one subject (an order book's matcher and order log), where the card has one
    const silhouette =
      a.topicSilhouettes?.find((x) => (f.nfrs.topics ?? []).some((t) => t.value === x.topic)) ?? a.silhouette;
    for (const layer of ["storage", "coordination", "serving"] as const) {
      const feature = own.find((r) => r.layer === layer);
      if (feature) {
        // a feature's product for a part the design does not draw (a log where no log is drawn) is no choice
        const mine = {
          ...feature,
          choices: feature.choices.filter((c) => !drawnPart(c.product, feature.archetype, f.components).missing),
        };
        if (mine.choices.length > 0 || mine.avoid || mine.references) rows.push(mine);
        continue;
      }
      if (!substrateCounts) continue;
      const references: NonNullable<TechnologyRow["references"]> = [];
      const tooSmall: { product: string; why: string }[] = [];
      const needsHere = componentNeeds(f.components, a.id);
      // the fleet of storage nodes this archetype sizes for its own bytes, if it sizes one
      const fleet = ownStorageFleet(a.id, f.capacity);
      const boughtTwice: (typeof a.technologies)[number][] = [];
      const scored = a.technologies
        .filter((t) => t.layer === layer && !unaskedBuildingBlock(t.product, asked))
        // a product kept for another subject (a document OT server beside an order book) is no choice here
        .filter((t) => fitsTopics(t, unspoken))
        // a product that is one option of a decision is offered only where that option was chosen
        .filter((t) => !t.onlyChosen || builds(t.product, a.id, f.decisions).chosen !== undefined)
        .filter((t) => !(derivedOnly && layer === "storage" && t.suits.includes("durable")))
        // a product standing in for a mechanism this design builds itself would contradict it
        .filter((t) => !t.instead?.some((m) => ids.has(m)))
        // nor one that lacks a mechanism the design builds (a store that never downsamples where rollups are chosen)
        .filter((t) => !t.lacks?.some((m) => ids.has(m)))
        // nor is a product for a part the design does not draw (a Kafka topic where no log is drawn)
        .filter((t) => !drawnPart(t.product, a.id, f.components).missing)
        // nor one that lacks what the drawn store needs (one primary for a store drawn as primary + sync replica)
        .filter((t) => {
          const gap = TRUTH_LAYERS.has(layer) ? needGap(t.product, needsHere) : undefined;
          if (gap) tooSmall.push({ product: t.product, why: gap });
          return !gap;
        })
        // nor is one whose documented size limit is below the state the design sizes for this layer
        .filter((t) => {
          const over = overLimit(t.product, layer, a.id, f.capacity);
          if (over) tooSmall.push({ product: t.product, why: over });
          return !over;
        })
        // nor is one whose ids are wider than the width the prompt fixes for them (128-bit UUIDv7 for 64-bit ids)
        .filter((t) => {
          const wide = widerThanStated(t, f.nfrs.idWidth);
          if (wide) tooSmall.push({ product: t.product, why: wide });
          return !wide;
        })
        // nor is a managed object store where the design sizes storage nodes of its own for these bytes: buying one
        // beside that fleet would buy the disks, the redundancy and the repair twice (it is the runner-up instead)
        .filter((t) => {
          const bought = layer === "storage" && fleet !== undefined && managedObjectStore(t.product);
          if (bought) boughtTwice.push(t);
          return !bought;
        })
        // nor is one whose documented reads are slower than the stated latency target
        .filter((t) => {
          const slow = target ? slowerThan(t.product, target.ms) : undefined;
          if (slow && target)
            tooSmall.push({
              product: t.product,
              why: `its reads are slower than the target '${target.quote}': ${slow.what} (${slow.source})`,
            });
          return !slow;
        })
        .filter((t) => {
          const ref = referenceVerdict(t.product, asked, inDesign, f.components);
          // a whole system built on an option the design rejected is no reference for it (Kafka's offsets beside a
          // queue that leases each message): it is left out, as it would be as a choice
          // (one the prompt itself names stays: it is the subject, whatever option this design takes)
          const subject = asked.subjects.some((x) => mentionsName(t.product, x));
          if (ref && (subject || !builds(t.product, a.id, f.decisions).rejected))
            references.push({ product: t.product, why: ref.why });
          return !ref;
        })
        .map((t) => {
          const good = t.suits.filter((s) => want.has(s));
          const bad = t.poorFor.filter((s) => want.has(s));
          return { t, good, bad, score: good.length - bad.length };
        })
        .sort((x, y) => y.score - x.score || compareText(x.t.product, y.t.product));
      // a product the prompt names as a part (a sink, a source, a store it builds on) is never the one to avoid, and
      // where the design draws it, it is what the prompt decided, whatever the NFR tally says
      const named = (s: (typeof scored)[number]) => namedPart(s.t.product, asked);
      const drawnNamed = (s: (typeof scored)[number]) =>
        named(s) ? namedComponent(s.t.product, asked, f.components) : undefined;
      // a product a chosen option is built on is what the design decided, whatever the NFR tally says
      // (a product a chosen option names only as its example, "for example Redis", is not what it decided where the
      // design commits these records by a majority the product cannot give: the example does not fit this design)
      const majority = ids.has("consensus-replication") || ids.has("quorum-read-write");
      const decided = (s: (typeof scored)[number]) => {
        if (drawnNamed(s) !== undefined) return true;
        const by = builds(s.t.product, a.id, f.decisions).chosen;
        if (by === undefined) return false;
        return !(majority && lacks(s.t.product, "majority-commit") && !builtOn(by.option, s.t.product));
      };
      // nor is a product built on an option a decision rejected a choice (no gossip library beside a heartbeat
      // registry); it may still be the product to avoid
      const rejected = (s: (typeof scored)[number]) => builds(s.t.product, a.id, f.decisions).rejected !== undefined;
      // one product per part: a second undecided product is chosen beside the first only where both say which
      // part they are and the parts differ (a log and a stream processor); otherwise it is an alternative for the
      // same part, and the runner-up says when it would win
      const undecided = scored.filter((s) => !decided(s) && !rejected(s) && s.score >= 0);
      const [first, ...others] = undecided;
      const partsOf = (x: (typeof scored)[number]) => x.t.fills ?? [];
      const second = first
        ? others.find(
            (o) =>
              partsOf(first).length > 0 && partsOf(o).length > 0 && !partsOf(o).some((q) => partsOf(first).includes(q)),
          )
        : undefined;
      const picked = [...scored.filter(decided), ...(first ? [first] : []), ...(second ? [second] : [])].slice(0, 2);
      const choices = picked.map((s) => {
        const drawn = drawnNamed(s);
        const component =
          drawnPart(s.t.product, a.id, f.components).component ??
          drawn?.component ??
          subPartDrawn(s.t.product, f.components);
        // a product a chosen option is built on, where a wanted property argues against it: the decision took it, so
        // what argues against it is said as how to run it, never as "no stated NFR argues against it"
        const by = builds(s.t.product, a.id, f.decisions).chosen;
        return {
          product: s.t.product,
          fits: s.t.fits,
          why: drawn
            ? // the prompt's own part: what would have argued against it is said as how to run it
              `the prompt names ${drawn.name} as a part, and the design draws it; its caveat is how to run it here: ${s.t.caveat}`
            : by && s.bad.length > 0
              ? `decision ${by.row.id} chose ${short(by.option.name)}, built on it; it is poor for ${s.bad.map((b) => `${b} (${want.get(b)})`).join(", ")}, so its caveat is how to run it here: ${s.t.caveat}`
              : s.good.length > 0
                ? `suits ${s.good.map((g) => `${g} (${want.get(g)})`).join(", ")}`
                : "fits the shape; no stated NFR argues against it",
          ...(component ? { component } : {}),
        };
      });
      // the truth layer of the very system the prompt asks to build, where no building block is offered: built
      // in-house as the drawn part that keeps it, with buying the reference itself as the runner-up
      const inHouse =
        choices.length === 0 && references[0] ? builtInHouse(layer, a.id, f.components, f.primaryState) : undefined;
      if (inHouse) choices.push(inHouse);
      // the bytes kept on the fleet the design sizes itself, where a managed store was left out for it: that fleet is
      // the choice, run by this design, and the managed store the runner-up with when it would win
      const ownFleet =
        !inHouse && choices.length === 0 && fleet && boughtTwice[0]
          ? fleetInHouse(a.id, f.components, fleet)
          : undefined;
      if (ownFleet) choices.push(ownFleet);
      // a self-run store chosen for those bytes is the fleet the design draws and sizes
      const fleetPart = fleet && boughtTwice[0] ? fleetInHouse(a.id, f.components, fleet)?.component : undefined;
      if (fleetPart)
        for (const [i, c] of choices.entries()) if (!c.component) choices[i] = { ...c, component: fleetPart };
      const row: TechnologyRow = { layer, shape: silhouette[layer], archetype: a.id, choices };
      if (references.length > 0) row.references = references;
      // (never one the prompt itself names: a product it names is a part of the design, not a product passed over)
      const bought = references.find((r) => !namedPart(r.product, asked));
      if (inHouse && bought)
        row.runnerUp = {
          product: bought.product,
          why: `not chosen because the prompt asks to build this system, not to run one; it would win if the goal were to operate such a system rather than build it, since ${bought.product} is a whole one`,
        };
      // Only a product left out of the choices can be the one to avoid.
      const worst = [...scored]
        .reverse()
        .find((s) => s.bad.length > 0 && !picked.includes(s) && !decided(s) && !named(s));
      if (worst)
        row.avoid = {
          product: worst.t.product,
          why: `tempting, but poor for ${worst.bad.map((b) => `${b} (${want.get(b)})`).join(", ")}; ${worst.t.caveat}`,
        };
      else if (tooSmall[0]) row.avoid = { product: tooSmall[0].product, why: `tempting, but ${tooSmall[0].why}` };
      const runner =
        picked.length > 0
          ? runnerUp(
              scored.filter((s) => !named(s)),
              picked,
              row.avoid?.product,
              a.id,
              f.decisions,
              want,
            )
          : undefined;
      if (runner && !inHouse) row.runnerUp = runner;
      if (fleet && boughtTwice[0] && (ownFleet || !row.runnerUp))
        row.runnerUp = {
          product: boughtTwice[0].product,
          why: `not chosen because the design runs its own storage nodes for these bytes (${fleet.id} ≈ ${fleet.display}: ${fleet.quantity}), and buying a managed store beside them would pay for the disks, the redundancy and the repair twice; it would win if running that fleet were not worth its cost`,
        };
      // a part the design draws is no runner-up and nothing to avoid: it is built ("Object storage (S3 or GCS)" as
      // the runner-up beside the object storage the design draws for its blocks)
      if (row.runnerUp && setsAsideDrawn(row.runnerUp.product, f.components)) delete row.runnerUp;
      if (row.avoid && setsAsideDrawn(row.avoid.product, f.components)) delete row.avoid;
      if (choices.length > 0 || row.avoid || row.references) rows.push(row);
    }
    // One product per part: a product whose part an earlier layer's choice already fills (a second outbox relay)
    // is no choice.
    dropSecondFills(rows, a.technologies);
    // No product is both chosen in one layer and avoided in another.
    const chosen = new Set(rows.flatMap((r) => r.choices.map((c) => c.product.toLowerCase())));
    for (const r of rows) if (r.avoid && chosen.has(r.avoid.product.toLowerCase())) delete r.avoid;
    // nor set aside by a name one of its alternatives shares with a choice ("Redis" of "Memcached or Redis")
    const named = new Set(rows.flatMap((r) => r.choices.flatMap((c) => namedAlternatives(c.product))).map(lower));
    const recommended = (p: string) => namedAlternatives(p).some((n) => named.has(lower(n)));
    for (const r of rows) {
      if (r.avoid && recommended(r.avoid.product)) delete r.avoid;
      if (r.runnerUp && recommended(r.runnerUp.product)) delete r.runnerUp;
    }
    // Hook (numbers helper): a chosen decision's preferred products lead their layer.
    // A layer left with no product to pick, avoid or learn from says nothing: it is not shown as an empty heading.
    const fitOf = (product: string) => a.technologies.find((t) => t.product === product)?.fits;
    // a product a feature offers only under a chosen option was weighed by that decision
    const decided = decidedFeatureProducts(f.features, (id) => f.decisions.find((r) => r.id === id)?.chosen);
    return withRequirements(
      withComponentNeeds(preferTechnology(rows, f.decisions), (id) => componentNeeds(f.components, id)),
      technologyRequirements(durabilityOf(f.nfrs), f),
      drawsCache(f.components),
      fitOf,
      {
        kept: (row, p) =>
          builds(p, row.archetype, f.decisions).chosen !== undefined ||
          decided.has(p) ||
          namedPart(p, asked) !== undefined,
        rejected: (row, p) => builds(p, row.archetype, f.decisions).rejected !== undefined,
      },
      [...f.baseMechanisms, ...f.companions].some((m) => MAJORITY_COMMIT.has(m.id)),
    )
      .filter((r) => r.choices.length > 0 || r.avoid !== undefined || (r.references?.length ?? 0) > 0)
      .map((r) => withStoreSplit(r, f.capacity, f.nfrs.scale, own.length > 0))
      .map((r) => acrossRegionsSaid(r, f));
  },
};

/** Mechanisms whose writes commit once a majority (or a write quorum) of replicas holds them. */
const MAJORITY_COMMIT: ReadonlySet<string> = new Set(["consensus-replication", "quorum-read-write"]);

/** The kinds of drawn part that keep a design's records. */
const STORE_KINDS: ReadonlySet<string> = new Set(["store", "replica-group", "log"]);

/**
 * The storage layer of a system the prompt asks to build, where no product or building block is left to choose: the
 * drawn part of the archetype that keeps its records is built in-house, and the choice says so and names it.
 */
function builtInHouse(
  layer: TechnologyRow["layer"],
  owner: string,
  components: readonly Pick<ComponentRow, "name" | "kind" | "archetype" | "holds">[],
  state: Fields["primaryState"],
): TechnologyRow["choices"][number] | undefined {
  if (layer !== "storage") return undefined;
  // the part that holds the archetype's first primary state, else any of its parts that keeps records
  const stores = components.filter((c) => c.archetype === owner && STORE_KINDS.has(c.kind) && c.holds.length > 0);
  const truth = state.find((r) => r.archetype === owner && stores.some((c) => c.holds.includes(r.entity)));
  const part = (truth && stores.find((c) => c.holds.includes(truth.entity))) ?? stores[0];
  if (!part) return undefined;
  return {
    product: BUILT_IN_HOUSE,
    fits: `${part.holds.join(", ")} kept by this design's own part`,
    why: "the prompt asks to build this system, so the products that are whole ones are reference designs to learn from, and its storage is this design's own part",
    component: part.name,
  };
}

/**
 * The storage layer's bytes kept on the storage nodes the design sizes itself (a managed store left out for them):
 * built in-house as the drawn part that keeps the pieces, named with the figure that sizes it.
 */
function fleetInHouse(
  owner: string,
  components: readonly Pick<ComponentRow, "name" | "kind" | "archetype" | "holds">[],
  fleet: Fields["capacity"][number],
): TechnologyRow["choices"][number] | undefined {
  const stores = components.filter((c) => c.archetype === owner && c.kind === "store" && c.holds.length > 0);
  const part = stores.find((c) => /\bnodes?\b/i.test(c.name)) ?? stores[0];
  if (!part) return undefined;
  return {
    product: BUILT_IN_HOUSE,
    fits: `${part.holds.join(", ")} kept on this design's own storage nodes`,
    why: `the design sizes its own fleet for these bytes (${fleet.id} ≈ ${fleet.display}: ${fleet.quantity}), so the store is run by this design, not bought`,
    component: part.name,
  };
}

/**
 * The best product of a layer left out of its choices, and why it lost: one built on an option a decision rejected
 * comes first (that decision is the reason, with the rejected option's cost and when it would win), else the
 * highest-scored one left, by the wanted properties it is poor at or suits fewer of. The layer's product to avoid
 * already says why it is out, so it is never the runner-up.
 */
/** An option's name up to its colon ("saga: debit with …" is "saga"). */
const short = (name: string) => name.split(":")[0]?.trim() || name;

function runnerUp(
  scored: readonly {
    t: { product: string; caveat: string; suits?: readonly NfrTag[]; fills?: readonly string[] };
    good: NfrTag[];
    bad: NfrTag[];
    score: number;
  }[],
  picked: readonly unknown[],
  avoided: string | undefined,
  owner: string,
  decisions: Fields["decisions"],
  want: ReadonlyMap<NfrTag, string>,
): { product: string; why: string } | undefined {
  const left = scored.filter((s) => !picked.includes(s) && s.t.product !== avoided);
  const rejected = left
    .map((s) => ({ s, r: builds(s.t.product, owner, decisions).rejected }))
    .find((x) => x.r !== undefined);
  if (rejected?.r) {
    const { row, option } = rejected.r;
    const chosen = row.options.find((o) => o.id === row.chosen);
    return {
      product: rejected.s.t.product,
      why: `not chosen because the design chose ${short(chosen?.name ?? row.chosen)} over ${short(option.name)} (its cost: ${option.costs}); it would win if ${option.winsWhen}`,
    };
  }
  const next = left[0];
  // the runner-up is weighed against the choice for the same part (an FST server against the chosen suggester, never
  // against the edge cache beside it); with no part named, against the first choice
  const same = (s: (typeof scored)[number]) => (s.t.fills ?? []).some((q) => (next?.t.fills ?? []).includes(q));
  const first = scored.find((s) => picked.includes(s) && same(s)) ?? scored.find((s) => picked.includes(s));
  if (!next || !first) return undefined;
  const tags = (xs: readonly NfrTag[]) => xs.map((x) => `${x} (${want.get(x)})`).join(", ");
  // "fewer" only when it is: a runner-up that suits as many wanted properties ties, and the tie is said as one
  const why =
    next.bad.length > 0
      ? `not chosen because it is poor for ${tags(next.bad)}`
      : next.good.length >= first.good.length && next.good.length > 0
        ? `not chosen over ${first.t.product}, which suits the same wanted properties (${tags(next.good)}) and is the one kept`
        : `not chosen because it suits fewer of the wanted properties than ${first.t.product}${next.good.length > 0 ? ` (only ${tags(next.good)})` : ""}`;
  // when it would win: what it suits that the chosen product does not
  const edge = (next.t.suits ?? []).filter((x) => !(first.t.suits ?? []).includes(x));
  const wins = edge.length > 0 ? `; it would win where ${edge.join(" or ")} matters more` : "";
  return { product: next.t.product, why: `${why}${wins}; ${next.t.caveat}` };
}

/**
 * A product that lacks what the design's components need is no choice for the layers that keep its truth: it
 * becomes the layer's product to avoid (unless one is named), with the component and the gap as the reason.
 */
/** Why a product cannot carry the drawn components' needs (the first one it lacks), if it cannot. */
function needGap(product: string, needs: ReadonlyMap<Property, string>): string | undefined {
  for (const [p, why] of needs) {
    const gap = lacks(product, p);
    // a row may name two products ("Cassandra or DynamoDB"): a reason about "it" names the one that lacks it
    if (gap) return `${why}, where ${PROPERTIES[p].means}; here ${gap.why.replace(/^it /, `${gap.product} `)}`;
  }
  return undefined;
}

function withComponentNeeds(
  rows: TechnologyRow[],
  needsOf: (archetype: string) => ReadonlyMap<Property, string>,
): TechnologyRow[] {
  return rows.flatMap((row) => {
    const needs = needsOf(row.archetype);
    if (!TRUTH_LAYERS.has(row.layer) || needs.size === 0) return [row];
    const gapOf = (product: string) => needGap(product, needs);
    const out: TechnologyRow = { ...row, choices: row.choices.filter((c) => !gapOf(c.product)) };
    const dropped = row.choices.find((c) => gapOf(c.product));
    if (dropped && !out.avoid) out.avoid = { product: dropped.product, why: `tempting, but ${gapOf(dropped.product)}` };
    return out.choices.length > 0 || out.avoid || out.references ? [out] : [];
  });
}

/** Leaves out a choice whose part (`fills`) a choice before it already fills; a row left with nothing is kept only for its references or product to avoid. */
function dropSecondFills(
  rows: TechnologyRow[],
  known: readonly { product: string; fills?: readonly string[] }[],
): void {
  const fillsOf = new Map(known.map((t) => [t.product, t.fills ?? []]));
  const filled = new Set<string>();
  for (const [i, r] of rows.entries()) {
    const kept = r.choices.filter((c) => {
      const parts = fillsOf.get(c.product) ?? [];
      if (parts.some((p) => filled.has(p))) return false;
      for (const p of parts) filled.add(p);
      return true;
    });
    if (kept.length !== r.choices.length) rows[i] = { ...r, choices: kept };
  }
  for (let i = rows.length - 1; i >= 0; i--) {
    const r = rows[i] as TechnologyRow;
    if (r.choices.length === 0 && !r.avoid && !r.references) rows.splice(i, 1);
  }
}

/** The units of our own a store's load is split over: a database primary, or a store node. */
const STORE_UNITS: ReadonlySet<string> = new Set(["primary", "node"]);

/**
 * The count a layer's store is split over, where the design sizes one: the largest count figure of the row's
 * archetype that divides a load by what one store primary or node handles, at more than one. A store the design
 * loads past one unit is said split, with the figure and its formula, never drawn as one table.
 */
export function storeSplitOf(
  layer: TechnologyRow["layer"],
  owner: string,
  capacity: Fields["capacity"],
): Fields["capacity"][number] | undefined {
  if (layer !== "storage") return undefined;
  return capacity
    .filter((c) => c.archetype === owner && c.kind === "count" && c.value > 1)
    .filter((c) => {
      const ceiling = ceilingOfFigure(capacity, c);
      return ceiling?.figure === c.id && STORE_UNITS.has(ceiling.per);
    })
    .sort((x, y) => y.value - x.value)[0];
}

/** The largest peak write rate an archetype's figures put on its store (writes, operations or appends a second). */
export function peakStoreWrites(owner: string, capacity: Fields["capacity"]): Fields["capacity"][number] | undefined {
  return capacity
    .filter(
      (c) =>
        c.archetype === owner &&
        (c.kind === "peak" || c.kind === "hotspot") &&
        /^(?:writes|ops|appends)\/s$/.test(c.unit),
    )
    .sort((x, y) => y.value - x.value)[0];
}

/** A planning quantity as the design holds it: the prompt's or an override's value, else its assumed one. */
const planned = (scale: Nfrs["scale"], id: string): number =>
  scale[id]?.value ?? QUANTITY_BY_ID.get(id)?.assumed ?? Number.NaN;

/**
 * How a storage layer's one-primary store is split: over the count the design sizes for it, or, where the
 * archetype sizes none, over as many primaries as its peak write rate needs at the planned utilisation (a store
 * that partitions itself needs neither). Undefined when one primary takes the load.
 */
function splitOfLayer(
  row: TechnologyRow,
  capacity: Fields["capacity"],
  scale: Nfrs["scale"],
  featureRows: boolean,
): string | undefined {
  const count = storeSplitOf(row.layer, row.archetype, capacity);
  if (count) return `split over ${count.display}: ${count.quantity} (${count.formula})`;
  // a feature's own store is sized by the feature's figures, not by a substrate's assumed rates
  if (row.layer !== "storage" || featureRows) return undefined;
  const load = peakStoreWrites(row.archetype, capacity);
  const one = planned(scale, "primary_writes_per_sec");
  const use = planned(scale, "target_utilisation");
  if (!load || !(one > 0) || !(use > 0)) return undefined;
  const n = Math.ceil(load.value / (one * use));
  if (n <= 1) return undefined;
  return `split over ${n} primaries by key: ${load.id} ${load.display} / (primary_writes_per_sec ${formatQuantity(one, "writes/s")} × target_utilisation ${use})`;
}

/**
 * A storage row's choices that keep a database's writes on one primary (knowledge/state-limits.ts), each said split
 * over the primaries the layer's load needs (`split`); a store that partitions itself needs no such words.
 */
function withStoreSplit(
  row: TechnologyRow,
  capacity: Fields["capacity"],
  scale: Nfrs["scale"],
  featureRows: boolean,
): TechnologyRow {
  if (!row.choices.some((c) => ONE_PRIMARY_STORE.product.test(c.product))) return row;
  const split = splitOfLayer(row, capacity, scale, featureRows);
  if (!split) return row;
  return {
    ...row,
    choices: row.choices.map((c) => (ONE_PRIMARY_STORE.product.test(c.product) ? { ...c, split } : c)),
  };
}

const lower = (s: string) => s.toLowerCase();

/** The words a product or part is named by, before what it is for or how it is run: "object storage". */
const partHead = (name: string): string => (name.split(/[(:,;]/)[0] ?? "").trim().toLowerCase();

/**
 * The products a row's name offers as alternatives that are named by a proper name or an acronym ("CDN", "Redis" in
 * "CDN or pull-through cache", "Memcached or Redis"), before what they are for: a drawn part whose name says one of
 * them is that product. Plain words ("pull-through cache") name a kind of part, matched only as the whole head.
 */
export const namedAlternatives = (product: string): string[] =>
  (product.split(/[(:;]|\s+for\s+/)[0] ?? "")
    .split(/,|\s+or\s+|\s*\/\s*/)
    .map((x) => x.trim())
    .filter((x) => /^[A-Z]/.test(x) && x.length >= 3);

/** A phrase found whole in a text: not inside a longer word ("Redis" in "Redis sorted set", never in "Rediscover"). */
const namesWhole = (text: string, phrase: string): boolean =>
  pattern(`(?:^|[^\\w-])${phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?:$|[^\\w-])`, "i").test(text);

/**
 * Whether a technology row's product is, by its name, a part the design draws (so setting it aside rejects a drawn
 * part): its whole head is a drawn component's, or a drawn component's name says one of the products it names
 * ("CDN edge (caches blobs by digest)" for "CDN or pull-through cache", "Ranking index (Redis sorted set …)" for
 * "Memcached or Redis").
 */
export function setsAsideDrawn(product: string, components: readonly { name: string }[]): boolean {
  const head = partHead(product);
  if (head.length === 0) return false;
  const named = namedAlternatives(product);
  return components.some((c) => partHead(c.name) === head || named.some((n) => namesWhole(c.name, n)));
}

/**
 * A row as the design's regions read it, where an acknowledged write must outlive a region (a write waits for a
 * majority of regions): a chosen store says the setting that makes it wait so (Cassandra's QUORUM over every
 * region's replicas, sized from the design's replicas per region), and a runner-up whose own cross-region modes do
 * not keep that rule says what they do instead of an option's cost it does not have (DynamoDB's global tables are
 * multi-active, not one leader's region).
 */
function acrossRegionsSaid(row: TechnologyRow, f: Parameters<typeof technologyField.derive>[0]): TechnologyRow {
  const m = regionMode(f);
  if (!m || (m.mode !== "quorum-across-regions" && m.mode !== "global-consensus")) return row;
  const n = f.nfrs.regions.value;
  const replicas =
    f.capacity.flatMap((c) => c.inputs).find((i) => i.name === "replicas" && i.unit === "replicas")?.value ?? 3;
  const total = replicas * n;
  const fill = (t: string) =>
    t
      .replace("{quorum}", String(Math.floor(total / 2) + 1))
      .replace("{total}", String(total))
      .replace("{replicas}", String(replicas))
      .replace("{regions}", String(n));
  const choices = row.choices.map((c) => {
    const q =
      m.mode === "quorum-across-regions" ? factsOf(c.product).find((x) => x.regionQuorum)?.regionQuorum : undefined;
    return q ? { ...c, why: `${c.why}; across the ${n} regions, ${fill(q)}` } : c;
  });
  const across = row.runnerUp ? factsOf(row.runnerUp.product).find((x) => x.acrossRegions)?.acrossRegions : undefined;
  const runnerUp =
    row.runnerUp && across && across.strongRegions !== n
      ? {
          ...row.runnerUp,
          why: `not chosen because an acknowledged write must outlive a region across ${n} regions, and ${across.says}, not ${n}`,
        }
      : row.runnerUp;
  return { ...row, choices, ...(runnerUp ? { runnerUp } : {}) };
}
