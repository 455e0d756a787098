import { Hono } from "hono";
import type { StaticFiles } from "../static.js";

/**
 * The built UI, answered only from the in-memory map (no request path reaches the file system).
 * Client-side routes (a path without a file extension, e.g. /s/<id>) get index.html: the SPA fallback lives here.
 */
export function uiRoutes(files: StaticFiles): Hono {
  const r = new Hono();
  r.get("*", (c) => {
    const path = c.req.path;
    const f = files.get(path) ?? (path.includes(".") ? undefined : files.get("/index.html"));
    if (!f) return c.json({ error: "not found" }, 404);
    c.header("Cache-Control", f.path === "/index.html" ? "no-cache" : "public, max-age=31536000, immutable");
    return c.body(new Uint8Array(f.body), 200, { "Content-Type": f.type });
  });
  return r;
}
