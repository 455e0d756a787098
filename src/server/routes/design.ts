import { Hono } from "hono";
import { z } from "zod";
import { deriveDesign } from "../../engine/design/design.js";
import { withScript, writeScript } from "../../render/script/index.js";
import { fail, jsonBody } from "../edge.js";
import { Overrides, Text } from "../text.js";

const DesignBody = z.strictObject({ prompt: Text, overrides: Overrides.default([]) });
const ScriptBody = z.strictObject({
  prompt: Text,
  overrides: Overrides.default([]),
  minutes: z.number().min(5).max(180).optional(),
  wpm: z.number().min(60).max(300).optional(),
  short: z.boolean().optional(),
});

/** POST /design: a prompt (and overrides) in, the derived design out; nothing is stored. */
export function designRoutes(): Hono {
  const r = new Hono();
  r.post("/design", async (c) => {
    const body = await jsonBody(c, DesignBody);
    const d = deriveDesign(body.prompt, body.overrides);
    if (!d.ok) throw fail(400, d.error);
    return c.json(withScript(d.design));
  });
  /** POST /script: the full spoken script (budgets, cues, check-ins, follow-ups, deep dives, cheat sheet) for a round. */
  r.post("/script", async (c) => {
    const { prompt, overrides, ...opts } = await jsonBody(c, ScriptBody);
    const d = deriveDesign(prompt, overrides);
    if (!d.ok) throw fail(400, d.error);
    return c.json(writeScript(d.design, opts));
  });
  return r;
}
