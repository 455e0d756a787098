import { Hono } from "hono";
import { z } from "zod";
import { deriveDesign } from "../../engine/design/design.js";
import { designJsonBytes } from "../../render/design-json.js";
import { withScript, writeScript } from "../../render/script/index.js";
import { type AnswerCache, answerCache } from "../design-cache.js";
import { fail, jsonBody, plainAnswer } from "../edge.js";
import { Overrides, Text } from "../text.js";

/** A design request's body (also read by warm-design.ts, which answers repeated ones before the web layer). */
export const DesignBody = z.strictObject({ prompt: Text, overrides: Overrides.default([]) });
const ScriptBody = z.strictObject({
  prompt: Text,
  overrides: Overrides.default([]),
  minutes: z.number().min(5).max(180).optional(),
  wpm: z.number().min(60).max(300).optional(),
  short: z.boolean().optional(),
});

/**
 * POST /design: a prompt (and overrides) in, the derived design out; nothing is stored. A repeated request is
 * answered from the cache of finished answers (design-cache.ts): the same bytes, without deriving again.
 */
export function designRoutes(cache: AnswerCache = answerCache()): Hono {
  const r = new Hono();
  r.post("/design", async (c) => {
    const body = await jsonBody(c, DesignBody);
    let json = cache.get(body.prompt, body.overrides);
    if (json === undefined) {
      const d = deriveDesign(body.prompt, body.overrides);
      if (!d.ok) throw fail(400, d.error);
      json = designJsonBytes(withScript(d.design));
      cache.set(body.prompt, body.overrides, json);
    }
    return plainAnswer(json, "application/json");
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
