import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium } from "playwright-core";
import { type Running, startServer } from "../../src/server/serve.js";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SHOTS = fileURLToPath(new URL("../../test-results/screenshots/", import.meta.url));
const WEB = fileURLToPath(new URL("../../dist/web/", import.meta.url));

/** Debian's Chromium, headless, with the flags this network-less machine needs. */
export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it with 'apt-get install -y chromium' (the CI script does)`,
    );
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

export function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), "mechsd-e2e-")), "workbench.sqlite");
}

export function serveOn(db: string): Promise<Running> {
  return startServer({ port: 0, host: "127.0.0.1", db, webDir: WEB });
}

/** The real `bin/mechsd serve` as a child process (port 0: the OS picks one; the URL is read from its output). */
/** What a browser test needs of a server: its URL and a way to stop it. */
export interface Served {
  url: string;
  close(): Promise<void>;
}

export function serveBin(db: string): Promise<Served> {
  const bin = fileURLToPath(new URL("../../bin/mechsd", import.meta.url));
  const child = spawn(process.execPath, [bin, "serve", "--port", "0", "--db", db], {
    env: { ...process.env, NO_COLOR: "1" },
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed; output so far: ${output}`)), 30000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /(http:\/\/\S+\/)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        const url = m[1];
        resolve({
          url,
          close: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once("exit", () => done());
              child.kill("SIGTERM");
            }),
        });
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${output}`));
    });
  });
}
