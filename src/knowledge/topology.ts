/**
 * The shape of an architecture as knowledge: the components, links, API calls and data model an
 * archetype (or a product feature) brings to a design. Archetype entries and product features
 * both declare one; the engine merges them by composition role.
 */

import type { ArchetypeId } from "./generated/ids.js";
import { fitsTopics, type Topic, type TopicMark } from "./topics.js";

/**
 * An element only some designs of its archetype draw (`knowledge/topics.ts`): a device-token registry and a sender
 * per platform where the workflow pushes to phones, a cancel that compensates where it does not.
 */
export interface Topical {
  /** Drawn only where the prompt speaks of this subject. */
  topic?: Topic;
  /** Never drawn where the prompt speaks of this subject (or of any of these). */
  unlessTopic?: TopicMark;
  /** Drawn only where a decision chose one of these options (`OptionMark`): head sampling's root sampler, tail's router. */
  chosen?: OptionMark;
}

/**
 * An element (a component, link, API call, entity, protocol, card failure row) that belongs to some options of one
 * decision point: drawn only where the design's row for `decision` chose one of `options`, or, where the point is not
 * asked, where they hold its fallback. The engine's `choiceFits` (engine/fields/decisions.ts) applies it; coherence
 * `rejected-option-drawn` flags an element of a rejected option that a design still draws.
 */
export interface OptionMark {
  decision: string;
  options: readonly string[];
}

export const COMPONENT_KIND_VALUES = [
  "client",
  "service",
  "gateway",
  "replica-group",
  "store",
  "log",
  "cache",
  "worker-pool",
  "control-loop",
  "external",
  "resource",
] as const;
export type ComponentKind = (typeof COMPONENT_KIND_VALUES)[number];

export const LINK_KIND_VALUES = ["request", "replication", "stream", "control", "callback"] as const;
export type LinkKind = (typeof LINK_KIND_VALUES)[number];

import type { PartyKind } from "./parties.js";

/** Where a component sits in the HLD: on the request path, the control path, or the data/replication path. */
export type Plane = "request" | "control" | "data";

export interface ComponentSpec extends Topical {
  /** Stable within its topology, kebab-case ("lock-leader"). */
  id: string;
  name: string;
  kind: ComponentKind;
  /** Entity names it holds (authoritative or derived). */
  holds?: string[];
  /** Paths or loops it runs. */
  runs?: string[];
  because: string;
  /** For a follower set: the leader component it replicates (a substrate maps followers onto its own). */
  replicaOf?: string;
  /** The HLD group; when absent it follows from the kind. */
  plane?: Plane;
  /** Stands for the outside party the effects reach, and takes that party's name (knowledge/parties.ts). */
  sink?: true;
  /** Drawn only where the effects reach one of these kinds of outside party (a reconciler needs one it can ask). */
  parties?: PartyKind[];
  /**
   * A product feature's component that, in a design an archetype leads, is that archetype's own component (a
   * document's session is I13's sequencer): there it merges into that component instead of being drawn twice.
   */
  sameAs?: Partial<Record<ArchetypeId, string>>;
}

export interface LinkSpec extends Topical {
  from: string;
  to: string;
  kind: LinkKind;
  label: string;
  /** Drawn only where the effects reach one of these kinds of outside party (knowledge/parties.ts). */
  parties?: PartyKind[];
}

export interface ApiSpec extends Topical {
  operation: string;
  call: string;
  request: string[];
  response: string[];
  errors: string[];
  guarantee: string;
  /** Drawn only where the effects reach one of these kinds of outside party (knowledge/parties.ts). */
  parties?: PartyKind[];
}

export interface DataSpec extends Topical {
  entity: string;
  key: string[];
  fields: string[];
  indexes: string[];
  partitionKey?: string;
  /** Component id that owns the entity. */
  owner: string;
  /** Drawn only where the effects reach one of these kinds of outside party (a payment's amount and card token). */
  parties?: PartyKind[];
  /**
   * The nouns a prompt calls the thing this record stands for when it does not use the record's own name: a Lease is
   * the holder record of a lock, so a rule about a lock sits on the lease's writes.
   */
  plays?: string[];
}

/**
 * A protocol bound to components, in the notation of FRAMEWORK.md §8 extended with a receiver:
 * `from>to[message {guard}]` is a message from one component to another; `actor[step]` without a
 * receiver is a step local to that component. Every name is a component id of the same topology.
 */
export interface ProtocolSpec extends Topical {
  name: string;
  notation: string;
  /** Drawn only where the effects reach one of these kinds of outside party (knowledge/parties.ts). */
  parties?: PartyKind[];
}

export interface Topology {
  components: ComponentSpec[];
  links: LinkSpec[];
  api: ApiSpec[];
  dataModel: DataSpec[];
  /** The component clients (or a decorator in front) call first. */
  entry: string;
  /** The component that holds the authoritative state (what a substrate replaces or hosts). */
  stateOwner: string;
  /** Critical protocols, most important first, bound to this topology's components. */
  protocols?: ProtocolSpec[];
  /** For a mediating component (limiter, proxy, cache): the component standing for whatever sits behind it. */
  upstream?: string;
  /** The component an input archetype feeds (defaults to the entry). */
  intake?: string;
  /** The component an output archetype consumes from (defaults to the state owner). */
  outlet?: string;
  /** The component that takes records in when this topology is another's output (a producer). */
  producer?: string;
  /** The component that hands records on when this topology is another's input (a consumer). */
  consumer?: string;
  /** Which of this topology's components a substrate archetype hosts, by archetype id (default: the state owner). */
  hostedBy?: Partial<Record<string, string>>;
  /**
   * The unit of work or state a prompt usually names in its own words ("timers", "refunds", "profiles"):
   * the entity that takes the prompt's noun, and the generic words in names, paths and keys it replaces.
   */
  unit?: { entity: string; words: string[] };
  /**
   * The hooks of a design about one subject, where its components differ (an order book enters at an order gateway
   * and keeps its truth in an order log): the first spoken subject with hooks here replaces these fields.
   */
  topicHooks?: Partial<
    Record<
      Topic,
      Pick<Topology, "entry" | "stateOwner" | "upstream" | "outlet" | "intake" | "unit" | "consumer" | "producer">
    >
  >;
}

/**
 * A topology with only the elements that fit the subjects the prompt leaves unspoken: a component, link, API call,
 * entity or protocol marked with a topic is kept only where the prompt speaks of it, one marked `unlessTopic` only
 * where it does not; a link or entity whose component is gone goes with it. An unmarked topology is returned as is.
 */
export function topicalTopology(t: Topology, unspoken: readonly Topic[]): Topology {
  const marked = (x: Topical) => x.topic !== undefined || x.unlessTopic !== undefined;
  const any =
    t.components.some(marked) ||
    t.links.some(marked) ||
    t.api.some(marked) ||
    t.dataModel.some(marked) ||
    (t.protocols ?? []).some(marked);
  if (!any) return t;
  let byTopics = TOPICAL.get(t);
  if (byTopics === undefined) {
    byTopics = new Map();
    TOPICAL.set(t, byTopics);
  }
  const key = unspoken.join("\n");
  let kept = byTopics.get(key);
  if (kept === undefined) {
    const hooks = Object.entries(t.topicHooks ?? {}).find(([topic]) => !unspoken.includes(topic as Topic))?.[1];
    const made = { ...keptElements(t, (x) => fitsTopics(x, unspoken)), ...hooks };
    for (const list of [made.components, made.links, made.api, made.dataModel, made.protocols ?? []])
      Object.freeze(list);
    kept = Object.freeze(made);
    if (byTopics.size >= 64) byTopics.clear();
    byTopics.set(key, kept);
  }
  return kept;
}

/**
 * topicalTopology's answers by topology and unspoken subjects: a pure function of the two, asked of the same
 * knowledge topologies design after design (composition, the thin-part check, the options-carried rule). Each answer
 * is frozen, so no caller can change what a later one is handed.
 */
const TOPICAL = new WeakMap<Topology, Map<string, Topology>>();

/**
 * The elements of a topology a mark test keeps (by topic, by a decision's chosen option): the components it keeps (or
 * those given, already kept and annotated), the links none of whose ends it left out (an end that is no component of
 * this topology, such as a feature's link to the change stream of a feature it requires, stays for the composed
 * architecture to resolve), the calls, the records whose owner is kept, and the protocols.
 */
export function keptElements(
  t: Topology,
  fits: (x: Topical) => boolean,
  components: Topology["components"] = t.components.filter(fits),
): Topology {
  const kept = new Set(components.map((c) => c.id));
  const left = new Set(t.components.flatMap((c) => (kept.has(c.id) ? [] : [c.id])));
  return {
    ...t,
    components,
    links: t.links.filter((l) => fits(l) && !left.has(l.from) && !left.has(l.to)),
    api: t.api.filter(fits),
    dataModel: t.dataModel.filter((d) => fits(d) && kept.has(d.owner)),
    ...(t.protocols ? { protocols: t.protocols.filter(fits) } : {}),
  };
}
