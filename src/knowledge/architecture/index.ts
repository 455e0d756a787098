import type { ArchetypeId } from "../schema.js";
import type { Topology } from "../topology.js";
import { I01_TOPOLOGY } from "./I01.js";
import { I02_TOPOLOGY } from "./I02.js";
import { I05_TOPOLOGY } from "./I05.js";

/** Each archetype's component topology with its protocols bound to those components. */
export const ARCHITECTURE: Partial<Record<ArchetypeId, Topology>> = {
  I01: I01_TOPOLOGY,
  I02: I02_TOPOLOGY,
  I05: I05_TOPOLOGY,
};
