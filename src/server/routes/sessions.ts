import { Hono } from "hono";
import { z } from "zod";
import { deriveDesign } from "../../engine/design/design.js";
import { parseOverrides } from "../../engine/design/overrides.js";
import { checkPrompt } from "../../engine/prompt.js";
import { designBlocks } from "../../render/design-doc.js";
import { toMarkdown } from "../../render/doc.js";
import { withScript } from "../../render/script/index.js";
import { decodeCursor, type SessionStore } from "../../store/sessions.js";
import { fail, jsonBody } from "../edge.js";
import { FILE_VERSION, type SessionFile } from "../session-file.js";
import { BIDI_CONTROL, Name, Overrides, Text, zodMessage } from "../text.js";

export const PAGE_DEFAULT = 50;
export const PAGE_MAX = 200;

const CreateBody = z.strictObject({ name: Name.optional(), prompt: Text, overrides: Overrides.default([]) });
const UpdateBody = z.strictObject({ name: Name.optional(), prompt: Text.optional(), overrides: Overrides.optional() });
const ListQuery = z.strictObject({
  limit: z
    .string()
    .regex(/^\d{1,4}$/, "limit must be a whole number")
    .transform(Number)
    .pipe(z.number().min(1, "limit must be at least 1").max(PAGE_MAX, `limit is at most ${PAGE_MAX}`))
    .optional(),
  cursor: z.string().max(1000).optional(),
  q: Text.pipe(z.string().max(200, "q is longer than 200 characters")).optional(),
});

/** The prompt through the engine's one gate, with the field named in the error. */
export function validPrompt(prompt: string, prefix = ""): string {
  const checked = checkPrompt(prompt);
  if (!checked.ok) throw fail(400, `${prefix}${checked.error}`);
  return checked.prompt;
}

/**
 * Overrides that parse and, with the prompt they go with, that the design takes: a decision the prompt's design
 * does not make is refused here rather than stored and refused each time the session is opened.
 */
export function validOverrides(overrides: string[], prefix = "", prompt?: string): string[] {
  const ov = parseOverrides(overrides);
  if (!ov.ok) throw fail(400, `${prefix}${ov.error}`);
  if (prompt !== undefined && overrides.length > 0) {
    const d = deriveDesign(prompt, overrides);
    if (!d.ok) throw fail(400, `${prefix}${d.error}`);
  }
  return overrides;
}

/** A name for a session saved without one: the prompt's head, without "Design a". */
export function defaultName(prompt: string): string {
  const flat = prompt
    .replace(BIDI_CONTROL, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^design\s+(an?|the)?\s*/i, "");
  const name = flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
  return name.charAt(0).toUpperCase() + name.slice(1) || "Untitled design";
}

const fileBase = (name: string) =>
  name
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60) || "design";

/** Saved sessions: a paged, searchable list; create, read, update, duplicate, delete, export. */
export function sessionRoutes(store: SessionStore): Hono {
  const r = new Hono();
  const found = <T>(s: T | undefined): T => {
    if (s === undefined) throw fail(404, "no such session");
    return s;
  };

  r.get("/sessions", (c) => {
    const parsed = ListQuery.safeParse(c.req.query());
    if (!parsed.success) throw fail(400, zodMessage(parsed.error));
    const { limit = PAGE_DEFAULT, cursor, q } = parsed.data;
    const after = cursor === undefined || cursor === "" ? undefined : decodeCursor(cursor);
    if (cursor && !after) throw fail(400, "cursor: not a cursor this server handed out; start again without one");
    const query = q?.trim();
    return c.json(store.page({ limit, ...(after ? { after } : {}), ...(query ? { q: query } : {}) }));
  });

  r.post("/sessions", async (c) => {
    const body = await jsonBody(c, CreateBody);
    const prompt = validPrompt(body.prompt, "prompt: ");
    const overrides = validOverrides(body.overrides, "overrides: ", prompt);
    return c.json(store.create({ name: body.name ?? defaultName(prompt), prompt, overrides }), 201);
  });

  r.get("/sessions/:id", (c) => c.json(found(store.get(c.req.param("id")))));

  r.put("/sessions/:id", async (c) => {
    const body = await jsonBody(c, UpdateBody);
    const patch: { name?: string; prompt?: string; overrides?: string[] } = {};
    if (body.name !== undefined) patch.name = body.name;
    if (body.prompt !== undefined) patch.prompt = validPrompt(body.prompt, "prompt: ");
    if (body.overrides !== undefined) patch.overrides = validOverrides(body.overrides, "overrides: ");
    const id = c.req.param("id");
    // a new prompt or new overrides must still go together (a decision the new prompt's design does not make)
    if (patch.prompt !== undefined || patch.overrides !== undefined) {
      const cur = found(store.get(id));
      validOverrides(patch.overrides ?? cur.overrides, "overrides: ", patch.prompt ?? cur.prompt);
    }
    return c.json(found(store.update(id, patch)));
  });

  r.post("/sessions/:id/duplicate", (c) => c.json(found(store.duplicate(c.req.param("id"))), 201));

  r.delete("/sessions/:id", (c) => {
    if (!store.remove(c.req.param("id"))) throw fail(404, "no such session");
    return c.body(null, 204);
  });

  r.get("/sessions/:id/export", (c) => {
    const s = found(store.get(c.req.param("id")));
    const format = c.req.query("format") ?? "json";
    if (format !== "json" && format !== "md") throw fail(400, "format must be md or json");
    const d = deriveDesign(s.prompt, s.overrides);
    if (!d.ok) throw fail(400, d.error);
    c.header("Content-Disposition", `attachment; filename="${fileBase(s.name)}.${format}"`);
    if (format === "md")
      return c.body(toMarkdown(designBlocks(d.design)), 200, { "Content-Type": "text/markdown; charset=utf-8" });
    const file: SessionFile = {
      format: "mechsd-session",
      version: FILE_VERSION,
      name: s.name,
      prompt: s.prompt,
      overrides: s.overrides,
      design: withScript(d.design),
    };
    return c.json(file);
  });

  return r;
}
