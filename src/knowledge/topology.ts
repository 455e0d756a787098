/**
 * The shape of an architecture as knowledge: the components, links, API calls and data model an
 * archetype (or a product feature) brings to a design. Archetype entries and product features
 * both declare one; the engine merges them by composition role.
 */

export type ComponentKind =
  | "client"
  | "service"
  | "gateway"
  | "replica-group"
  | "store"
  | "log"
  | "cache"
  | "worker-pool"
  | "control-loop"
  | "external"
  | "resource";

export type LinkKind = "request" | "replication" | "stream" | "control" | "callback";

export interface ComponentSpec {
  /** Stable within its topology, kebab-case ("lock-leader"). */
  id: string;
  name: string;
  kind: ComponentKind;
  /** Entity names it holds (authoritative or derived). */
  holds?: string[];
  /** Paths or loops it runs. */
  runs?: string[];
  because: string;
}

export interface LinkSpec {
  from: string;
  to: string;
  kind: LinkKind;
  label: string;
}

export interface ApiSpec {
  operation: string;
  call: string;
  request: string[];
  response: string[];
  errors: string[];
  guarantee: string;
}

export interface DataSpec {
  entity: string;
  key: string[];
  fields: string[];
  indexes: string[];
  partitionKey?: string;
  /** Component id that owns the entity. */
  owner: string;
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
}
