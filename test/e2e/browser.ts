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
