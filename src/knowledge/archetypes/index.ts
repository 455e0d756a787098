import type { ArchetypeInput } from "../schema.js";
import type { ArchetypeBundle } from "./define.js";
import * as REGISTRY from "./registry.js";

export type { ArchetypeBundle } from "./define.js";

/** Every registered archetype's bundle, in id order (the registry's export names). */
export const ARCHETYPE_BUNDLES: readonly ArchetypeBundle[] = Object.entries(REGISTRY)
  .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  .map(([, bundle]) => bundle);

/** Raw archetype entries (the bundles' cards) in id order; the knowledge compile step validates them. */
export const ARCHETYPE_ENTRIES: readonly ArchetypeInput[] = ARCHETYPE_BUNDLES.map((b) => b.card);

/** Registry problems: a bundle exported under a name other than its card's id. */
export function registryProblems(registry: Readonly<Record<string, ArchetypeBundle>> = REGISTRY): string[] {
  return Object.entries(registry).flatMap(([name, b]) =>
    b.card.id === name
      ? []
      : [`archetype registry: ${name} is exported under a name other than its card's id ${b.card.id}`],
  );
}
