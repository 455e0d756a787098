import type { CapacityModel } from "../capacity/types.js";
import type { DecisionPoint } from "../decisions/types.js";
import type { Topology } from "../topology.js";

/** A recurring feature of product prompts (home feed, media upload, booking hold, …). */
export interface FeatureEntry {
  id: string;
  name: string;
  topology: Topology;
  /** Back-of-envelope figures this feature adds to a design (see ../capacity/types.ts). */
  capacity?: CapacityModel;
  /** Trade-offs this feature adds to a design (see ../decisions/types.ts). */
  decisions?: DecisionPoint[];
}

/** Every product feature, in a stable order. The product catalogue fills this registry. */
export const FEATURES: readonly FeatureEntry[] = [];

export const FEATURE_BY_ID: ReadonlyMap<string, FeatureEntry> = new Map(FEATURES.map((f) => [f.id, f]));
