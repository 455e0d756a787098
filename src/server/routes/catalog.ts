import { Hono } from "hono";
import { COHERENCE_RULES } from "../../engine/coherence.js";
import { OVERRIDE_KEYS } from "../../engine/design/overrides.js";
import { lookupArchetype } from "../../engine/lookup.js";
import { ARCHETYPES, MECHANISMS } from "../../knowledge/index.js";
import { PREDICATES } from "../../knowledge/predicates.js";
import {
  AVAILABILITY_VALUES,
  COMPOSITION_ROLE_VALUES,
  CONSISTENCY_VALUES,
  DELIVERY_VALUES,
  ORDERING_VALUES,
} from "../../knowledge/vocab.js";
import { EXAMPLE_PROMPTS } from "../examples.js";

/** Read-only knowledge: what the UI offers (examples, override keys and values) and the archetype catalogue. */
export function catalogRoutes(): Hono {
  const r = new Hono();
  r.get("/meta", (c) =>
    c.json({
      examples: EXAMPLE_PROMPTS,
      overrideKeys: OVERRIDE_KEYS,
      values: {
        delivery: DELIVERY_VALUES,
        consistency: CONSISTENCY_VALUES,
        availability: AVAILABILITY_VALUES,
        ordering: ORDERING_VALUES,
        roles: COMPOSITION_ROLE_VALUES,
      },
      predicates: PREDICATES.map((p) => ({ id: p.id, name: p.name })),
      archetypes: ARCHETYPES.map((a) => ({ id: a.id, name: a.name })),
      mechanisms: MECHANISMS.length,
    }),
  );
  r.get("/archetypes", (c) => c.json(ARCHETYPES));
  /** Each coherence rule's id and what it asks of a design: the workbench explains a finding by its rule. */
  r.get("/coherence-rules", (c) => c.json(COHERENCE_RULES));
  r.get("/archetypes/:id", (c) => {
    const found = lookupArchetype(c.req.param("id"), ARCHETYPES);
    if (!found.ok)
      return c.json({ error: `no archetype '${c.req.param("id")}'`, closest: found.suggestions.map((a) => a.id) }, 404);
    return c.json(found.archetype);
  });
  return r;
}
