import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Running } from "../../src/server/serve.js";
import { launch, SHOTS, serveOn, tempDb } from "./browser.js";

let browser: Browser;
let server: Running;
let db: string;

async function derive(page: Page, prompt: string) {
  await page.getByLabel("Prompt", { exact: true }).fill(prompt);
  await page.getByLabel("Prompt", { exact: true }).press("Enter");
  await page.locator(".chips").first().waitFor();
}

beforeAll(async () => {
  browser = await launch();
  db = tempDb();
  server = await serveOn(db);
}, 60000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("workbench in a real browser", () => {
  it("derives a queue prompt and shows I05", async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await derive(page, "Design a distributed message queue with retries and a dead-letter queue");
    await expect(page.locator(".chip.dominant").textContent()).resolves.toContain("I05");
    await page.screenshot({ path: join(SHOTS, "design.png"), fullPage: true });
    await page
      .getByRole("button", { name: /^why\?/ })
      .first()
      .click();
    await expect(page.locator(".trace").first().textContent()).resolves.toMatch(/Inputs/);
    await page.close();
  });

  it("names the archetype a feature's record realizes as the dominant one, not the feature's first substrate", async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await derive(page, "Design a hotel reservation system that never double-books a room, for 20,000 hotels");
    const summary = await page.locator("#sec-summary").textContent();
    expect(summary).toMatch(
      /I02 Claim \/ Lease \/ Exclusive Ownership, realized by [^:]+: the feature leads the design/,
    );
    expect(summary).not.toMatch(/I16 Key-Scoped Mutable State \/ Replicated KV \(substrate\)/);
    await page.close();
  });

  it("changes the dominant archetype and shows the mechanisms change", async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await derive(page, "Design a distributed message queue");
    const before = await page.locator("table").filter({ hasText: "protects" }).textContent();
    await page.getByLabel("Dominant archetype", { exact: true }).selectOption("I02");
    await page.locator(".changes").waitFor();
    await expect(page.locator(".chip.dominant").textContent()).resolves.toContain("I02");
    const after = await page.locator("table").filter({ hasText: "protects" }).textContent();
    expect(after).not.toBe(before);
    await expect(page.locator(".changes").textContent()).resolves.toMatch(/dominant: I05 → I02/);
    await page.close();
  });

  it("saves, survives a server restart, and exports Markdown", async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await derive(page, "Design a distributed lock service with fencing tokens");
    await page.locator(".sessions li.current").waitFor();
    await server.close();
    server = await serveOn(db);
    await page.goto(server.url);
    const entry = page.getByRole("link", { name: /distributed lock service/i }).first();
    await entry.waitFor();
    await entry.click();
    await page.locator(".chips").waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Markdown" }).click(),
    ]);
    const path = await download.path();
    const { readFileSync } = await import("node:fs");
    expect(readFileSync(path, "utf8")).toMatch(/^# Design: Design a distributed lock service/);
    await page.close();
  });

  it("shows a precise error for a bad import and keeps saved sessions", async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.locator(".sessions li").first().waitFor();
    const count = await page.locator(".sessions li").count();
    const bad = join(SHOTS, "..", "bad-import.json");
    writeFileSync(bad, JSON.stringify({ format: "something-else", prompt: 7 }));
    await page.locator('input[type="file"]').setInputFiles(bad);
    await expect(page.getByRole("alert").textContent()).resolves.toMatch(
      /Import failed: .*bad-import\.json.* is not a session[\s\S]*format must be 'mechsd-session'/,
    );
    expect(await page.locator(".sessions li").count()).toBe(count);
    await page.close();
  });

  it("renders script-like text from a prompt and a session name as text, running nothing", async () => {
    const page = await browser.newPage();
    let alerted = false;
    page.on("dialog", async (d) => {
      if (d.type() === "alert") alerted = true;
      if (d.type() === "prompt") await d.accept("<img src=x onerror=alert(1)>");
      else await d.dismiss();
    });
    await page.goto(server.url);
    const evil = "Design a queue <img src=x onerror=alert(1)>";
    await derive(page, evil);
    await page
      .getByRole("button", { name: /^Rename / })
      .first()
      .click();
    await page.getByRole("link", { name: "<img src=x onerror=alert(1)>", exact: true }).waitFor();
    expect(await page.locator("img[src=x]").count()).toBe(0);
    await page.getByRole("tab", { name: "Diagrams" }).click();
    await page.locator("[data-testid=diagram] svg").first().waitFor({ timeout: 20000 });
    await page.screenshot({ path: join(SHOTS, "diagrams.png"), fullPage: true });
    expect(await page.locator("img[src=x]").count()).toBe(0);
    expect(alerted).toBe(false);
    await page.close();
  });

  it("works by keyboard, at phone width and in dark mode; the catalogue searches", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, colorScheme: "dark" });
    await page.goto(server.url);
    await page.getByLabel("Prompt", { exact: true }).focus();
    await page.keyboard.type("Design a rate limiter");
    await page.keyboard.press("Enter");
    await page.locator(".chips").waitFor();
    await page.screenshot({ path: join(SHOTS, "phone-dark.png"), fullPage: true });
    await page.getByRole("tab", { name: "Archetypes" }).click();
    await page.getByLabel("Search archetypes").fill("lease");
    await page.locator(".arch-card").first().waitFor();
    await page.locator(".arch-card").first().focus();
    await page.keyboard.press("Enter");
    await page.locator("article.entry").waitFor();
    await page.screenshot({ path: join(SHOTS, "catalogue.png"), fullPage: true });
    await page.close();
  });
});
