import { serve } from "@hono/node-server";
import { openDb } from "../store/db.js";
import { SessionStore } from "../store/sessions.js";
import { createApp } from "./app.js";
import { loadStaticFiles } from "./static.js";
import { builtWebDir, notBuiltUi } from "./web-dir.js";

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

export async function startServer(opts: ServeOptions): Promise<Running> {
  const webDir = opts.webDir ?? builtWebDir();
  const notBuilt = notBuiltUi(webDir);
  if (notBuilt) throw new Error(notBuilt);
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
