import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { deriveDesign } from "../engine/design/design.js";
import { OVERRIDE_KEYS, parseOverrides } from "../engine/design/overrides.js";
import { lookupArchetype } from "../engine/lookup.js";
import { checkPrompt } from "../engine/prompt.js";
import { ARCHETYPES, MECHANISMS } from "../knowledge/index.js";
import { PREDICATES } from "../knowledge/predicates.js";
import { Availability, CompositionRole, Consistency, Delivery, Ordering } from "../knowledge/schema.js";
import { designBlocks } from "../render/design-doc.js";
import { toMarkdown } from "../render/doc.js";
import { withScript, writeScript } from "../render/script/index.js";
import type { SessionStore } from "../store/sessions.js";
import { EXAMPLE_PROMPTS } from "./examples.js";
import { SessionFile } from "./session-file.js";
import type { StaticFiles } from "./static.js";

export const MAX_BODY_BYTES = 512 * 1024;
const MAX_NAME = 120;

const Name = z
  .string()
  .trim()
  .min(1, "the name is empty")
  .max(MAX_NAME, `the name is longer than ${MAX_NAME} characters`);
const Overrides = z.array(z.string().max(200)).max(40).default([]);
const DesignBody = z.strictObject({ prompt: z.string(), overrides: Overrides });
const ScriptBody = z.strictObject({
  prompt: z.string(),
  overrides: Overrides,
  minutes: z.number().min(5).max(180).optional(),
  wpm: z.number().min(60).max(300).optional(),
  short: z.boolean().optional(),
});
const CreateBody = z.strictObject({ name: Name.optional(), prompt: z.string(), overrides: Overrides });
const UpdateBody = z.strictObject({
  name: Name.optional(),
  prompt: z.string().optional(),
  overrides: Overrides.optional(),
});

export interface AppOptions {
  store: SessionStore;
  files: StaticFiles;
  /** Host headers the server answers to, e.g. "127.0.0.1:4477", "localhost:4477". */
  allowedHosts: ReadonlySet<string>;
}

const zodMessage = (e: z.ZodError) => e.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");

function defaultName(prompt: string): string {
  const flat = prompt
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^design\s+(an?|the)?\s*/i, "");
  const name = flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
  return name.charAt(0).toUpperCase() + name.slice(1) || "Untitled design";
}

/** The workbench HTTP API and static UI. All text is returned as JSON or escaped Markdown; nothing is rendered as HTML here. */
export function createApp(opts: AppOptions): Hono {
  const app = new Hono();
  const { store } = opts;

  app.use("*", async (c, next) => {
    const host = (c.req.header("host") ?? "").toLowerCase();
    if (!opts.allowedHosts.has(host)) return c.json({ error: `host '${host}' is not served here` }, 403);
    if (!["GET", "HEAD", "OPTIONS"].includes(c.req.method)) {
      const origin = c.req.header("origin");
      if (origin !== undefined) {
        let ok = false;
        try {
          ok = opts.allowedHosts.has(new URL(origin).host.toLowerCase());
        } catch {
          ok = false;
        }
        if (!ok) return c.json({ error: "cross-origin requests may not change the workbench" }, 403);
      }
    }
    await next();
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
    c.header("X-Frame-Options", "DENY");
    c.header(
      "Content-Security-Policy",
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
  });
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.json({ error: `request body is larger than ${MAX_BODY_BYTES} bytes` }, 413),
    }),
  );

  const readJson = async (c: {
    req: { json: () => Promise<unknown> };
  }): Promise<{ ok: true; value: unknown } | { ok: false }> => {
    try {
      return { ok: true, value: await c.req.json() };
    } catch {
      return { ok: false };
    }
  };

  app.get("/api/meta", (c) =>
    c.json({
      examples: EXAMPLE_PROMPTS,
      overrideKeys: OVERRIDE_KEYS,
      values: {
        delivery: Delivery.options,
        consistency: Consistency.options,
        availability: Availability.options,
        ordering: Ordering.options,
        roles: CompositionRole.options,
      },
      predicates: PREDICATES.map((p) => ({ id: p.id, name: p.name })),
      archetypes: ARCHETYPES.map((a) => ({ id: a.id, name: a.name })),
      mechanisms: MECHANISMS.length,
    }),
  );

  app.post("/api/design", async (c) => {
    const body = await readJson(c);
    if (!body.ok) return c.json({ error: "the body is not valid JSON" }, 400);
    const parsed = DesignBody.safeParse(body.value);
    if (!parsed.success) return c.json({ error: zodMessage(parsed.error) }, 400);
    const r = deriveDesign(parsed.data.prompt, parsed.data.overrides);
    return r.ok ? c.json(withScript(r.design)) : c.json({ error: r.error }, 400);
  });

  /** The full spoken script (budgets, cues, check-ins, follow-ups, deep dives, cheat sheet) for a round. */
  app.post("/api/script", async (c) => {
    const body = await readJson(c);
    if (!body.ok) return c.json({ error: "the body is not valid JSON" }, 400);
    const parsed = ScriptBody.safeParse(body.value);
    if (!parsed.success) return c.json({ error: zodMessage(parsed.error) }, 400);
    const { prompt, overrides, ...opts } = parsed.data;
    const r = deriveDesign(prompt, overrides);
    return r.ok ? c.json(writeScript(r.design, opts)) : c.json({ error: r.error }, 400);
  });

  app.get("/api/archetypes", (c) => c.json(ARCHETYPES));
  app.get("/api/archetypes/:id", (c) => {
    const found = lookupArchetype(c.req.param("id"), ARCHETYPES);
    if (!found.ok)
      return c.json({ error: `no archetype '${c.req.param("id")}'`, closest: found.suggestions.map((a) => a.id) }, 404);
    return c.json(found.archetype);
  });

  app.get("/api/sessions", (c) => c.json(store.list()));

  app.post("/api/sessions", async (c) => {
    const body = await readJson(c);
    if (!body.ok) return c.json({ error: "the body is not valid JSON" }, 400);
    const parsed = CreateBody.safeParse(body.value);
    if (!parsed.success) return c.json({ error: zodMessage(parsed.error) }, 400);
    const checked = checkPrompt(parsed.data.prompt);
    if (!checked.ok) return c.json({ error: checked.error }, 400);
    const ov = parseOverrides(parsed.data.overrides);
    if (!ov.ok) return c.json({ error: ov.error }, 400);
    const s = store.create({
      name: parsed.data.name ?? defaultName(checked.prompt),
      prompt: checked.prompt,
      overrides: parsed.data.overrides,
    });
    return c.json(s, 201);
  });

  app.get("/api/sessions/:id", (c) => {
    const s = store.get(c.req.param("id"));
    return s ? c.json(s) : c.json({ error: "no such session" }, 404);
  });

  app.put("/api/sessions/:id", async (c) => {
    const body = await readJson(c);
    if (!body.ok) return c.json({ error: "the body is not valid JSON" }, 400);
    const parsed = UpdateBody.safeParse(body.value);
    if (!parsed.success) return c.json({ error: zodMessage(parsed.error) }, 400);
    const patch: { name?: string; prompt?: string; overrides?: string[] } = {};
    if (parsed.data.name !== undefined) patch.name = parsed.data.name;
    if (parsed.data.prompt !== undefined) {
      const checked = checkPrompt(parsed.data.prompt);
      if (!checked.ok) return c.json({ error: checked.error }, 400);
      patch.prompt = checked.prompt;
    }
    if (parsed.data.overrides !== undefined) {
      const ov = parseOverrides(parsed.data.overrides);
      if (!ov.ok) return c.json({ error: ov.error }, 400);
      patch.overrides = parsed.data.overrides;
    }
    const s = store.update(c.req.param("id"), patch);
    return s ? c.json(s) : c.json({ error: "no such session" }, 404);
  });

  app.post("/api/sessions/:id/duplicate", (c) => {
    const s = store.duplicate(c.req.param("id"));
    return s ? c.json(s, 201) : c.json({ error: "no such session" }, 404);
  });

  app.delete("/api/sessions/:id", (c) =>
    store.remove(c.req.param("id")) ? c.body(null, 204) : c.json({ error: "no such session" }, 404),
  );

  app.get("/api/sessions/:id/export", (c) => {
    const s = store.get(c.req.param("id"));
    if (!s) return c.json({ error: "no such session" }, 404);
    const format = c.req.query("format") ?? "json";
    const r = deriveDesign(s.prompt, s.overrides);
    if (!r.ok) return c.json({ error: r.error }, 400);
    const base =
      s.name
        .replace(/[^A-Za-z0-9._-]+/g, "-")
        .replace(/^-+|-+$/g, "")
        .slice(0, 60) || "design";
    if (format === "md") {
      c.header("Content-Disposition", `attachment; filename="${base}.md"`);
      return c.body(toMarkdown(designBlocks(r.design)), 200, { "Content-Type": "text/markdown; charset=utf-8" });
    }
    if (format !== "json") return c.json({ error: "format must be md or json" }, 400);
    c.header("Content-Disposition", `attachment; filename="${base}.json"`);
    const file: SessionFile = {
      format: "mechsd-session",
      version: 1,
      name: s.name,
      prompt: s.prompt,
      overrides: s.overrides,
      design: withScript(r.design),
    };
    return c.json(file);
  });

  app.post("/api/import", async (c) => {
    const body = await readJson(c);
    if (!body.ok) return c.json({ error: "the file is not valid JSON" }, 400);
    const parsed = SessionFile.safeParse(body.value);
    if (!parsed.success) return c.json({ error: `not a mechsd session file: ${zodMessage(parsed.error)}` }, 400);
    const checked = checkPrompt(parsed.data.prompt);
    if (!checked.ok) return c.json({ error: `the file's prompt is invalid: ${checked.error}` }, 400);
    const ov = parseOverrides(parsed.data.overrides);
    if (!ov.ok) return c.json({ error: `the file's overrides are invalid: ${ov.error}` }, 400);
    const s = store.create({ name: parsed.data.name, prompt: checked.prompt, overrides: parsed.data.overrides });
    return c.json(s, 201);
  });

  app.all("/api/*", (c) => c.json({ error: `no API route ${c.req.method} ${c.req.path}` }, 404));

  app.get("*", (c) => {
    const f = opts.files.get(c.req.path) ?? (c.req.path.includes(".") ? undefined : opts.files.get("/index.html"));
    if (!f) return c.json({ error: "not found" }, 404);
    c.header("Cache-Control", f.path === "/index.html" ? "no-cache" : "public, max-age=31536000, immutable");
    return c.body(new Uint8Array(f.body), 200, { "Content-Type": f.type });
  });

  return app;
}
