import { Hono } from "hono";
import { z } from "zod";
import { deriveDesign } from "../../engine/design/design.js";
import { fail, jsonBody } from "../edge.js";
import { Overrides, Text } from "../text.js";

const DesignBody = z.strictObject({ prompt: Text, overrides: Overrides.default([]) });

/** POST /design: a prompt (and overrides) in, the derived design out; nothing is stored. */
export function designRoutes(): Hono {
  const r = new Hono();
  r.post("/design", async (c) => {
    const body = await jsonBody(c, DesignBody);
    const d = deriveDesign(body.prompt, body.overrides);
    if (!d.ok) throw fail(400, d.error);
    return c.json(d.design);
  });
  return r;
}
