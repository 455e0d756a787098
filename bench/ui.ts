// UI benchmark: initial JavaScript size (gzipped, Mermaid's lazy chunks excluded), the time from page
// load to the first derived design in headless Chromium, and the page width and height at 390 px.
// Usage: npm run bench:ui [-- --web <built UI dir>]   (default dist/web)
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { startServer } from "../src/server/serve.js";
import { launch } from "../test/e2e/browser.js";

const at = process.argv.indexOf("--web");
const web =
  at > 0 && process.argv[at + 1]
    ? (process.argv[at + 1] as string)
    : fileURLToPath(new URL("../dist/web/", import.meta.url));
const html = readFileSync(join(web, "index.html"), "utf8");
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] as string);
let raw = 0;
let gz = 0;
for (const f of initial) {
  const body = readFileSync(join(web, f));
  raw += body.length;
  gz += gzipSync(body).length;
}
console.log("| initial asset | bytes | gzipped |");
console.log("|---|---:|---:|");
for (const f of initial) {
  const body = readFileSync(join(web, f));
  console.log(`| ${f} | ${body.length.toLocaleString("en-US")} | ${gzipSync(body).length.toLocaleString("en-US")} |`);
}
console.log(`| **total initial load** | ${raw.toLocaleString("en-US")} | ${gz.toLocaleString("en-US")} |`);

const server = await startServer({
  port: 0,
  host: "127.0.0.1",
  db: join(mkdtempSync(join(tmpdir(), "mechsd-bench-")), "b.sqlite"),
  webDir: web,
});
const browser = await launch();
const runs = 5;
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const page = await browser.newPage();
  const t = performance.now();
  await page.goto(server.url);
  await page.getByLabel("Prompt", { exact: true }).fill("Design a distributed message queue");
  await page.getByLabel("Prompt", { exact: true }).press("Enter");
  await page.locator(".chips").waitFor();
  times.push(performance.now() - t);
  await page.close();
}
// The phone check: a design at 390 px must not scroll sideways.
const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
await phone.goto(server.url);
await phone.getByLabel("Prompt", { exact: true }).fill("Design a distributed lock service with fencing tokens");
await phone.getByLabel("Prompt", { exact: true }).press("Enter");
await phone.locator(".chips").first().waitFor();
const size = await phone.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
await phone.close();
await browser.close();
await server.close();
times.sort((a, b) => a - b);
console.log("\n| page load → first derived design (headless Chromium) | runs | median ms | worst ms |");
console.log("|---|---:|---:|---:|");
console.log(
  `| ${server.url} | ${runs} | ${(times[Math.floor(runs / 2)] ?? 0).toFixed(0)} | ${(times[runs - 1] ?? 0).toFixed(0)} |`,
);
console.log("\n| lock-service design at a 390 px viewport | page width px | page height px |");
console.log("|---|---:|---:|");
console.log(`| ${web} | ${size[0]} | ${size[1]} |`);
