import { defaultDbPath } from "../../store/db.js";
import { UserError } from "../errors.js";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);

export async function runServe(opts: {
  port?: string;
  db?: string;
  host?: string;
  allowRemote?: boolean;
}): Promise<void> {
  const port = Number(opts.port ?? 4477);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UserError(`--port takes a number from 0 to 65535, not '${opts.port}'`);
  const host = opts.host ?? "127.0.0.1";
  if (!LOOPBACK.has(host)) {
    if (!opts.allowRemote)
      throw new UserError(
        `--host ${host} would expose the workbench beyond this machine; add --allow-remote if you mean it`,
      );
    process.stderr.write(
      `mechsd: warning: serving on ${host}; anyone who can reach it can read and change your sessions\n`,
    );
  }
  const db = opts.db ?? defaultDbPath();
  const { startServer } = await import("../../server/serve.js");
  let running: Awaited<ReturnType<typeof startServer>>;
  try {
    running = await startServer({ port, host, db });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === "EADDRINUSE") throw new UserError(`port ${port} is already in use; pick another with --port`);
    throw new UserError(`cannot start the workbench: ${err.message}`);
  }
  process.stdout.write(`mechsd workbench: ${running.url}\nstore: ${db}\n(press Ctrl+C to stop)\n`);
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  await new Promise(() => {});
}
