import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, SHOTS } from "./browser.js";

/**
 * Guards the README's main job exactly as a newcomer runs it: the built `bin/mechsd serve` as a
 * child process with only the options a user would pass (a port and a database file), loaded in
 * Chromium. No test-only options: the server must find its own built UI.
 */
const BIN = fileURLToPath(new URL("../../bin/mechsd", import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

let browser: Browser;
let child: ChildProcess;
let url = "";
let dir = "";
let output = "";

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "mechsd-readme-"));
  const port = await freePort();
  // Run from a folder outside the project, as a user with the package on PATH would.
  child = spawn(process.execPath, [BIN, "serve", "--port", String(port), "--db", join(dir, "workbench.sqlite")], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: "1" },
  });
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed; output so far: ${output}`)), 30000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /(http:\/\/\S+\/)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("exit", (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
  browser = await launch();
}, 60000);

afterAll(async () => {
  await browser?.close();
  child?.kill("SIGTERM");
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the README's main job: bin/mechsd serve", () => {
  it("serves the built UI, never the source tree", async () => {
    const index = await (await fetch(url)).text();
    expect(index).toMatch(/src="\/assets\/[^"]+\.js"/);
    expect(index).not.toMatch(/\/src\/main\.tsx/);
    for (const path of ["src/main.tsx", "tsconfig.json", "web/src/main.tsx"]) {
      const r = await fetch(new URL(path, url));
      expect(r.status, path).toBe(404);
    }
  });

  it("derives a prompt in Chromium and shows the design", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    // Any console error counts too: a resource the page asks for and the server lacks (a favicon) is one.
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(`console: ${m.text()}`);
    });
    await page.goto(url);
    const prompt = page.getByLabel("Prompt", { exact: true });
    await prompt.fill("Design a distributed lock service with fencing tokens");
    await prompt.press("Enter");
    await page.getByText("Claim / Lease / Exclusive Ownership").first().waitFor({ timeout: 20000 });
    await expect(page.locator("body").textContent()).resolves.toMatch(/fencing token/i);
    await page.screenshot({ path: join(SHOTS, "readme-serve.png"), fullPage: false });
    expect(errors).toEqual([]);
    await page.close();
  });
});
