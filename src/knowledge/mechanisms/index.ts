import type { Mechanism, MechanismFamily } from "../schema.js";
import { MECHANISM_CATALOG } from "./catalog.js";

/** Every mechanism with its family, in catalogue order (checked against the schema by the knowledge compile step). */
export const MECHANISMS: readonly Mechanism[] = Object.entries(MECHANISM_CATALOG).flatMap(([family, entries]) =>
  entries.map((e) => ({ ...e, family: family as MechanismFamily })),
);

export const MECHANISM_BY_ID: ReadonlyMap<string, Mechanism> = new Map(MECHANISMS.map((m) => [m.id, m]));
