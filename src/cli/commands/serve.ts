import { defaultDbPath } from "../../store/db.js";
import { UserError } from "../errors.js";
import { stdout } from "../output.js";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/** Grace for requests in flight at shutdown, from $MECHSD_SHUTDOWN_GRACE_MS (default 10 s). */
function graceMs(): number {
  const v = Number(process.env.MECHSD_SHUTDOWN_GRACE_MS);
  return Number.isFinite(v) && v >= 0 ? v : 10_000;
}

export async function runServe(opts: {
  port?: string;
  db?: string;
  host?: string;
  allowRemote?: boolean;
  allowedHost?: string[];
}): Promise<void> {
  const port = Number(opts.port ?? 4477);
  if (!/^\d+$/.test(opts.port ?? "4477") || !Number.isInteger(port) || port < 0 || port > 65535)
    throw new UserError(`--port takes a number from 0 to 65535, not '${opts.port}'`);
  const host = (opts.host ?? "127.0.0.1").replace(/^\[(.*)\]$/, "$1");
  if (!LOOPBACK.has(host)) {
    if (!opts.allowRemote)
      throw new UserError(
        `--host ${host} would expose the workbench beyond this machine; add --allow-remote if you mean it`,
      );
    process.stderr.write(
      `mechsd: warning: serving on ${host}; anyone who can reach it can read and change your sessions\n`,
    );
  }
  for (const h of opts.allowedHost ?? [])
    if (!/^[A-Za-z0-9.-]+$|^\[?[0-9A-Fa-f:.]+\]?$/.test(h))
      throw new UserError(`--allowed-host takes a host name or address without port or scheme, not '${h}'`);
  const db = opts.db ?? defaultDbPath();

  // Signals are handled from here on, before the store opens and long before the URL is printed:
  // a stop request during start-up closes the store once it is open.
  let stopRequested = false;
  let stopNow: (() => void) | undefined;
  let abort: (() => void) | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopRequested) {
      process.stderr.write(`mechsd: ${signal} again; dropping open connections\n`);
      abort?.();
      return;
    }
    stopRequested = true;
    stopNow?.();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  const { startServer } = await import("../../server/serve.js");
  const { StoreError } = await import("../../store/db.js");
  let running: Awaited<ReturnType<typeof startServer>>;
  try {
    running = await startServer({ port, host, db, allowedHosts: opts.allowedHost ?? [] });
  } catch (e) {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    if (e instanceof StoreError) throw new UserError(`the session store cannot be used: ${e.message}`);
    const err = e as NodeJS.ErrnoException;
    if (err.code === "EADDRINUSE") throw new UserError(`port ${port} is already in use; pick another with --port`);
    if (err.code === "EADDRNOTAVAIL" || err.code === "ENOTFOUND")
      throw new UserError(`cannot listen on ${host}: no interface of this machine has that address`);
    throw new UserError(`cannot start the workbench: ${err.message}`);
  }

  const stopped = new Promise<void>((resolve) => {
    stopNow = () => {
      const n = running.inFlight();
      process.stderr.write(`mechsd: stopping${n > 0 ? ` (finishing ${n} request${n === 1 ? "" : "s"})` : ""}\n`);
      void running.close(graceMs()).then(resolve);
    };
    abort = () => running.abort();
  });
  if (stopRequested) stopNow?.();
  else {
    const also = running.otherUrls.length > 0 ? `also at: ${running.otherUrls.join(" ")}\n` : "";
    stdout().write(`mechsd workbench: ${running.url}\n${also}store: ${db}\n(press Ctrl+C to stop)\n`);
  }
  await stopped;
  process.stderr.write("mechsd: stopped; the store is closed\n");
  process.exit(0);
}
