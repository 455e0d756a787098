import { BUILT_IN_HOUSE } from "../knowledge/technology-roles.js";
import type { Problem } from "./coherence.js";
import type { Design } from "./design/design.js";
import { optionNamesProduct } from "./option-products.js";
import { managedObjectStore, ownStorageFleet, subPartDrawn } from "./technology-parts.js";

/**
 * Coherence `technology-against-design`: the Technology section follows what the design itself decided and draws.
 * - A product a chosen option names (in its own words, "for example Redis with an atomic script", or as the products
 *   it prefers) is never the product to avoid, the runner-up, or a reference design set aside.
 * - A product that is one part of a whole system ("Prometheus Alertmanager") where the design draws that part (an
 *   alert manager) is named for the part, never set aside as a whole-system reference.
 * - A managed object store (S3, GCS) is not recommended for the bytes of an archetype that sizes a fleet of storage
 *   nodes of its own for them: the design either buys the store or runs the fleet, not both.
 */
export function technologyAgainstDesign(
  d: Pick<Design, "technology" | "decisions" | "components" | "capacity">,
): Problem[] {
  const out: Problem[] = [];
  const chosen = d.decisions.flatMap((row) => {
    const option = row.options.find((o) => o.id === row.chosen);
    return option ? [{ row, option }] : [];
  });
  // what names a product among a chosen option's words or preferred products
  // the decisions of the row's own archetype, or of a product feature (which speaks for the whole product)
  const chooser = (product: string, owner: string) =>
    chosen.find(
      ({ row, option }) =>
        (row.archetype === owner || !/^I\d\d$/.test(row.archetype)) &&
        (optionNamesProduct(option.name, product) !== undefined ||
          (option.implies?.preferTechnology ?? []).some((p) => product.toLowerCase().includes(p.toLowerCase()))),
    );
  for (const t of d.technology) {
    // a reference design a chosen option names as its kind ("a consensus-replicated store (etcd, ZooKeeper)" for a lock
    // service the prompt asks to build) is what the design learns from, not a product it turns down; nor is buying the
    // whole system, the runner-up of a layer the design builds itself
    const builds = (t.references?.length ?? 0) > 0 || t.choices.some((c) => c.product === BUILT_IN_HOUSE);
    const setAside = [
      ...(t.avoid ? [{ p: t.avoid.product, as: "avoided" }] : []),
      ...(t.runnerUp && !builds ? [{ p: t.runnerUp.product, as: "left as the runner-up" }] : []),
    ];
    // a managed object store set aside for a storage-node fleet the design sizes itself: an option preferring it names
    // the interface (an S3-style object store), which a self-run store keeps, and buying both is what this rule refuses
    const fleet = t.layer === "storage" ? ownStorageFleet(t.archetype, d.capacity) : undefined;
    for (const { p, as } of setAside) {
      if (fleet && managedObjectStore(p)) continue;
      const by = chooser(p, t.archetype);
      if (by)
        out.push({
          rule: "technology-against-design",
          detail: `'${p}' is ${as} (${t.layer}), but decision ${by.row.id} chose '${by.option.name}', which is built on it`,
        });
    }
    for (const r of t.references ?? []) {
      const part = subPartDrawn(r.product, d.components);
      if (part)
        out.push({
          rule: "technology-against-design",
          detail: `'${r.product}' is set aside as a whole-system reference (${t.layer}), but it is one part, and the design draws it: '${part}'`,
        });
    }
    for (const c of fleet ? t.choices : [])
      if (managedObjectStore(c.product))
        out.push({
          rule: "technology-against-design",
          detail: `'${c.product}' (a managed object store) is recommended for ${t.archetype}'s storage, but the design sizes its own storage nodes for those bytes (${fleet?.id} ≈ ${fleet?.display})`,
        });
  }
  return out;
}
