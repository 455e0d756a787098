import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/lib/index.js";

describe("ride dispatch reaches the driver and ranks by road", () => {
  for (const p of [
    "Design Uber's dispatch system: match riders with nearby drivers within 3 seconds, with 1 million drivers sending their location every 4 seconds.",
    "Design a ride sharing service like Uber.",
  ]) {
    it(p, () => {
      const d = design(p);
      const names = d.components.map((c) => c.name).join("\n");
      // an offer travels over the driver's open connection, and candidates are ranked by a routing engine's ETA
      expect(names).toMatch(/Driver connection gateways/);
      expect(names).toMatch(/ETA service/);
      const offer = d.diagrams.find((x) => x.kind === "sequence" && /offer token/.test(x.mermaid))?.mermaid ?? "";
      expect(offer).toMatch(/ranked by ETA/);
      expect(offer).toMatch(/push the offer/);
      // the dispatcher never messages a phone directly
      const dispatcher = /participant (P\d+) as Dispatcher/.exec(offer)?.[1];
      const clients = /participant (P\d+) as Mobile and web clients/.exec(offer)?.[1];
      expect(offer).not.toContain(`${dispatcher}->>${clients}`);
      expect(checkCoherence(d)).toEqual([]);
      // every feature term is filled: no "{driver}" left in a component, link or step
      expect(JSON.stringify({ ...d, api: [] })).not.toMatch(/\{(?:driver|trip|rider)s?\}/i);
    });
  }
});
