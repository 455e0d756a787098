import { factsOf } from "../knowledge/product-facts.js";
import { REFERENCE_FAMILIES } from "../knowledge/references.js";
import { productNames } from "./option-products.js";

/**
 * What a technology row's product is in the drawn design, read by the technology field and by coherence alike, so
 * the field never offers what the check flags:
 * - a product that is one component of a whole system ("Prometheus Alertmanager" of Prometheus) is that component
 *   where the design draws it (an alert manager), never the whole system set aside as a reference design;
 * - a managed object store (S3, GCS) keeps bytes on the provider's own fleet, so it is no choice where the design
 *   sizes a fleet of storage nodes of its own for the bytes of the same archetype.
 */

/** A drawn component's name before what it holds or runs, as letters only ("Alert manager (HA cluster …)": "alertmanager"). */
const compactHead = (name: string): string => (name.split(/[(:,;]/)[0] ?? "").toLowerCase().replace(/[^a-z0-9]/g, "");

/**
 * The drawn component a product names as one part of a whole system it is written after ("Prometheus Alertmanager":
 * the word after Prometheus is the alert manager the design draws): undefined when the product is the whole system
 * ("Prometheus", "Redis Cluster") or the part it names is not drawn.
 */
export function drawnSubPart(
  product: string,
  system: string,
  components: readonly { name: string }[],
): string | undefined {
  const head = (product.split(/[(:;]/)[0] ?? "").trim();
  const at = head.toLowerCase().indexOf(system.toLowerCase());
  if (at < 0) return undefined;
  // the proper name right after the system's: a part of it, written as its own name ("Alertmanager", "Connect")
  const next = head.slice(at + system.length).match(/^\s+([A-Z][\w-]*)/)?.[1];
  const word = next?.toLowerCase().replace(/[^a-z0-9]/g, "") ?? "";
  if (word.length < 5) return undefined;
  return components.find((c) => {
    const h = compactHead(c.name);
    return h.length >= 5 && (h === word || h.startsWith(word) || word.startsWith(h));
  })?.name;
}

/** Whether a product is a managed store that keeps whole objects on the provider's fleet (knowledge/product-facts.ts). */
export const managedObjectStore = (product: string): boolean => factsOf(product).some((f) => f.managedObjects === true);

/**
 * The figure by which an archetype sizes a fleet of storage nodes of its own for its bytes: a count of nodes read from
 * a bytes figure ("storage_nodes = max(min_storage_nodes, raw_bytes / (node_bytes * disk_fill))"), past one node.
 */
export function ownStorageFleet<
  T extends { archetype: string; kind: string; unit: string; formula: string; value: number; id: string },
>(archetype: string, capacity: readonly T[]): T | undefined {
  return capacity.find(
    (c) =>
      c.archetype === archetype &&
      c.kind === "count" &&
      /^nodes?$/.test(c.unit) &&
      /\bstorage|\bdata|\bdisk/.test(c.id) &&
      /\w*bytes\w*\s*\//.test(c.formula) &&
      c.value > 1,
  );
}

/** Whether a product's name, before what it is for, is a whole implementation of a kind of system ("EventBridge Scheduler"). */
const wholeImplementation = (product: string): boolean => {
  const head = (product.split(/[(:;]/)[0] ?? "").trim().toLowerCase();
  return REFERENCE_FAMILIES.some((f) => f.implementations.some((i) => i.toLowerCase() === head));
};

/**
 * The drawn component a product is one part of a whole system for, by any name it is known by ("Prometheus
 * Alertmanager": the alert manager); never for a product that is itself a whole implementation ("EventBridge Scheduler").
 */
export function subPartDrawn(product: string, components: readonly { name: string }[]): string | undefined {
  if (wholeImplementation(product)) return undefined;
  for (const n of productNames(product)) {
    const part = drawnSubPart(product, n, components);
    if (part) return part;
  }
  return undefined;
}
