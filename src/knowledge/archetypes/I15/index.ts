/** I15 Execution Fleet + Worker Substrate: its parts as one bundle (see ../define.ts). */
import { defineArchetype } from "../define.js";
import { capacity } from "./capacity.js";
import { card } from "./card.js";
import { concepts } from "./concepts.js";
import { decisions } from "./decisions.js";
import { topology } from "./topology.js";

export const archetype = defineArchetype({ card, topology, capacity, decisions, concepts });
