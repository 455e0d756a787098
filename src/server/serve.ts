import { createServer, type RequestListener, type Server, type ServerOptions } from "node:http";
import { serve } from "@hono/node-server";
import { openDb, StoreError, transientStoreName } from "../store/db.js";
import { SessionStore } from "../store/sessions.js";
import { createApp } from "./app.js";
import { answerCache } from "./design-cache.js";
import { planHosts, urlFor } from "./hosts.js";
import { loadStaticFiles } from "./static.js";
import { warmDesign } from "./warm-design.js";
import { builtWebDir, notBuiltUi } from "./web-dir.js";

export interface ServeOptions {
  port: number;
  host: string;
  db: string;
  webDir?: string;
  /** Extra names the Host header may carry (--allowed-host), e.g. a DNS name of this machine. */
  allowedHosts?: readonly string[];
}

export interface Running {
  /** A URL usable from this machine. */
  url: string;
  /** URLs of the other names a wildcard bind answers to. */
  otherUrls: string[];
  /** How many requests are being answered right now. */
  inFlight(): number;
  /**
   * Stops accepting, lets requests in flight finish (for at most `graceMs`, then drops their connections),
   * closes the store. Safe to call twice; both calls resolve when the store is closed.
   */
  close(graceMs?: number): Promise<void>;
  /** Drops every open connection now (a second Ctrl+C); a pending close() then finishes at once. */
  abort(): void;
}

export const DEFAULT_GRACE_MS = 10_000;

/** Opens and checks the store (StoreError when unusable), then listens. */
export async function startServer(opts: ServeOptions): Promise<Running> {
  const webDir = opts.webDir ?? builtWebDir();
  const notBuilt = notBuiltUi(webDir);
  if (notBuilt) throw new Error(notBuilt);
  const files = loadStaticFiles(webDir);
  // tests open ":memory:" stores through openDb; the workbench refuses one, as it refuses an empty name
  if (transientStoreName(opts.db))
    throw new StoreError(
      `'${opts.db}' keeps sessions in memory only: every session would be lost when the workbench stops; name a file with --db (or $MECHSD_DB)`,
    );
  const db = openDb(opts.db);
  const store = new SessionStore(db);
  const plan = planHosts(opts.host, opts.allowedHosts ?? []);
  const reach = { names: plan.names, port: -1 };
  const answers = answerCache();
  const app = createApp({ store, files, reach, answers });
  let inFlight = 0;
  const counter = {
    enter: () => {
      inFlight++;
    },
    leave: () => {
      inFlight--;
    },
  };
  return new Promise((resolve, reject) => {
    const server = serve(
      {
        fetch: async (req, env) => {
          inFlight++;
          try {
            return await app.fetch(req, env);
          } finally {
            inFlight--;
          }
        },
        port: opts.port,
        hostname: opts.host,
        // a repeated design request is answered before the web layer (warm-design.ts); everything else goes on to it
        // (@hono/node-server calls it with its server options and its listener)
        createServer: ((options: ServerOptions, listener: RequestListener) =>
          createServer(options, warmDesign(listener, answers, reach, counter))) as typeof createServer,
      },
      (info) => {
        reach.port = info.port;
        resolve({
          url: urlFor(plan.primary, info.port),
          otherUrls: plan.others.map((n) => urlFor(n, info.port)),
          inFlight: () => inFlight,
          close: (graceMs = DEFAULT_GRACE_MS) => (closing ??= shutdown(server as Server, graceMs)),
          abort: () => (server as Server).closeAllConnections(),
        });
      },
    );
    let closing: Promise<void> | undefined;
    const shutdown = (s: Server, graceMs: number) =>
      new Promise<void>((done) => {
        // Keep-alive connections go once their current response is sent; the timer ends whatever is left.
        const idle = setInterval(() => s.closeIdleConnections(), 25);
        const force = setTimeout(() => s.closeAllConnections(), graceMs);
        s.close(() => {
          clearInterval(idle);
          clearTimeout(force);
          db.close();
          done();
        });
        s.closeIdleConnections();
      });
    server.on("error", (e) => {
      db.close();
      reject(e);
    });
  });
}
