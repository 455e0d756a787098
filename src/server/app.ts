import { Hono } from "hono";
import type { SessionStore } from "../store/sessions.js";
import type { AnswerCache } from "./design-cache.js";
import { headers, hostGuard, limitBody, notFound, onError, originGuard, type Reach } from "./edge.js";
import { catalogRoutes } from "./routes/catalog.js";
import { designRoutes } from "./routes/design.js";
import { importRoutes } from "./routes/import.js";
import { sessionRoutes } from "./routes/sessions.js";
import { uiRoutes } from "./routes/ui.js";
import type { StaticFiles } from "./static.js";

export { MAX_BODY_BYTES } from "./edge.js";

export interface AppOptions {
  store: SessionStore;
  files: StaticFiles;
  /** The names (no port; IPv6 in brackets) and the port a Host header must name; filled in once the port is bound. */
  reach: { names: ReadonlySet<string>; port: number };
  /** The finished design answers (design-cache.ts); a server shares them with its warm path (warm-design.ts). */
  answers?: AnswerCache;
}

/**
 * The workbench HTTP API and static UI. The edge (edge.ts) checks Host, Origin, size and content type and turns
 * every error into JSON; the routes hold only their own logic. Nothing is rendered as HTML here.
 */
export function createApp(opts: AppOptions): Hono {
  const reach: Reach = opts.reach;
  const app = new Hono();
  app.onError(onError);
  app.notFound(notFound);
  app.use("*", headers(), hostGuard(reach), originGuard(reach));
  app.use("/api/*", limitBody());
  app.route("/api", catalogRoutes());
  app.route("/api", designRoutes(opts.answers));
  app.route("/api", sessionRoutes(opts.store));
  app.route("/api", importRoutes(opts.store));
  app.all("/api/*", (c) => c.json({ error: `no API route ${c.req.method} ${c.req.path}` }, 404));
  app.route("/", uiRoutes(opts.files));
  return app;
}
