import { Hono } from "hono";
import type { SessionStore } from "../../store/sessions.js";
import { jsonBody } from "../edge.js";
import { SessionFile } from "../session-file.js";
import { validOverrides, validPrompt } from "./sessions.js";

/** POST /import: an exported session file becomes a new session (its design is re-derived, not trusted). */
export function importRoutes(store: SessionStore): Hono {
  const r = new Hono();
  r.post("/import", async (c) => {
    const file = await jsonBody(c, SessionFile, "the file", "not a mechsd session file: ");
    const prompt = validPrompt(file.prompt, "the file's prompt is invalid: ");
    const overrides = validOverrides(file.overrides, "the file's overrides are invalid: ");
    return c.json(store.create({ name: file.name, prompt, overrides }), 201);
  });
  return r;
}
