import { Hono } from "hono";
import type { SessionStore } from "../../store/sessions.js";
import { fail, jsonBody } from "../edge.js";
import { fileDesign, SessionFile } from "../session-file.js";
import { validOverrides, validPrompt } from "./sessions.js";

/**
 * POST /import: an exported session file becomes a new session (its design is re-derived, not trusted). A design
 * from a newer mechsd with fields or values this one does not know is accepted once the prompt and overrides
 * derive here, and the answer's `notice` says what was set aside.
 */
export function importRoutes(store: SessionStore): Hono {
  const r = new Hono();
  r.post("/import", async (c) => {
    const file = await jsonBody(c, SessionFile, "the file", "not a mechsd session file: ");
    const prompt = validPrompt(file.prompt, "the file's prompt is invalid: ");
    const design = fileDesign(file.design);
    if (!design.ok) throw fail(400, `not a mechsd session file: ${design.error}`);
    const overrides = validOverrides(file.overrides, "the file's overrides are invalid: ", prompt);
    const session = store.create({ name: file.name, prompt, overrides });
    if (design.newer.length === 0) return c.json(session, 201);
    const shown = design.newer.slice(0, 5).join("; ");
    const more = design.newer.length > 5 ? `; and ${design.newer.length - 5} more` : "";
    const notice = `the file's design came from a newer mechsd (${shown}${more}); it was set aside and the design re-derived from the prompt and overrides`;
    return c.json({ ...session, notice }, 201);
  });
  return r;
}
