import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { openDb } from "../store/db.js";
import { SessionStore } from "../store/sessions.js";
import { createApp } from "./app.js";
import { loadStaticFiles } from "./static.js";

export interface ServeOptions {
  port: number;
  host: string;
  db: string;
  webDir?: string;
}

export interface Running {
  url: string;
  close(): Promise<void>;
}

/** The built UI sits beside the bundle: dist/web. */
export function defaultWebDir(): string {
  return fileURLToPath(new URL("../web/", import.meta.url));
}

export async function startServer(opts: ServeOptions): Promise<Running> {
  const webDir = opts.webDir ?? defaultWebDir();
  if (!existsSync(`${webDir}/index.html`))
    throw new Error(`the web UI is not built (no ${webDir}/index.html); run 'npm run build'`);
  const db = openDb(opts.db);
  const store = new SessionStore(db);
  const files = loadStaticFiles(webDir);
  const hostNames = opts.host === "127.0.0.1" || opts.host === "localhost" ? ["127.0.0.1", "localhost"] : [opts.host];
  return new Promise((resolve, reject) => {
    const allowedHosts = new Set<string>();
    const app = createApp({ store, files, allowedHosts });
    const server = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, (info) => {
      for (const h of hostNames) allowedHosts.add(`${h}:${info.port}`.toLowerCase());
      resolve({
        url: `http://${hostNames[0]}:${info.port}/`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => {
              db.close();
              done();
            });
            // Idle keep-alive connections would otherwise hold close() open.
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
    server.on("error", (e) => {
      db.close();
      reject(e);
    });
  });
}
