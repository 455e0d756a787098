// Hostile text in the workbench, in a real browser: markup and script in a prompt stay text, a right-to-left
// override cannot disguise a session name, Mermaid keywords do not break the drawing, a 100 KB prompt gets a clear
// refusal, and a phone in dark mode, driven by keyboard only, never scrolls sideways or traps focus.
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, type Served, SHOTS, serveBin, tempDb } from "./browser.js";

let browser: Browser;
let server: Served;

const HOSTILE =
  'Design a \u202Ekcol\u202C distributed lock service <img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> ' +
  'שירות נעילה 🔒👩‍👩‍👧 graph TD; A-->B; %%{init: {"theme":"dark"}}%% end click A "javascript:alert(1)"';

beforeAll(async () => {
  browser = await launch();
  server = await serveBin(tempDb());
}, 60000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function phone(): Promise<{ p: Page; problems: string[] }> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: "dark" });
  const p = await ctx.newPage();
  const problems: string[] = [];
  p.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  p.on("dialog", (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return { p, problems };
}

const width = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth);

describe("hostile text in the workbench", { timeout: 90000 }, () => {
  it("keeps markup, script, bidi overrides, emoji and Mermaid keywords as text on a dark phone, by keyboard only", async () => {
    const { p, problems } = await phone();
    await p.goto(server.url);
    await p.locator("button.example").first().waitFor();
    // keyboard only: Tab reaches the prompt, Enter derives
    let onPrompt = false;
    for (let i = 0; i < 10 && !onPrompt; i++) {
      await p.keyboard.press("Tab");
      onPrompt = await p.evaluate(() => document.activeElement?.tagName === "TEXTAREA");
    }
    expect(onPrompt).toBe(true);
    await p.keyboard.insertText(HOSTILE);
    await p.keyboard.press("Enter");
    await p.waitForURL((u) => /\/s\//.test(u.pathname));
    await p.locator(".chips").first().waitFor();
    expect(await p.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const name = (await p.locator(".current-name b").textContent()) ?? "";
    expect(name).toContain("<img src=x");
    // the name the server gave the session carries no invisible reordering characters
    expect(name).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(await width(p)).toBeLessThanOrEqual(390);
    await p.screenshot({ path: join(SHOTS, "hostile-phone-design.png") });
    await p.getByRole("tab", { name: "Diagrams" }).click();
    await p.locator("[data-testid=diagram] svg").first().waitFor({ timeout: 30000 });
    expect(await width(p)).toBeLessThanOrEqual(390);
    await p.screenshot({ path: join(SHOTS, "hostile-phone-diagrams.png") });
    // focus is never trapped: Tab keeps moving to new elements
    const seen = new Set<string>();
    for (let i = 0; i < 25; i++) {
      await p.keyboard.press("Tab");
      seen.add(await p.evaluate(() => document.activeElement?.outerHTML.slice(0, 80) ?? ""));
    }
    expect(seen.size).toBeGreaterThan(10);
    expect(problems).toEqual([]);
    await p.context().close();
  });

  it("refuses a 100 KB prompt with a clear message and a name that would read reversed", async () => {
    const { p, problems } = await phone();
    await p.goto(server.url);
    const box = p.getByLabel("Prompt", { exact: true });
    await box.fill(`Design a distributed lock service ${"with fencing tokens and leases ".repeat(3400)}`);
    await box.press("Enter");
    await expect
      .poll(() => p.getByRole("alert").allInnerTexts(), { timeout: 20000 })
      .toEqual(expect.arrayContaining([expect.stringMatching(/the prompt is \d+ characters; the limit is 4000/)]));
    expect(await width(p)).toBeLessThanOrEqual(390);
    await p.screenshot({ path: join(SHOTS, "hostile-phone-long.png") });
    const renamed = await p.evaluate(async () => {
      const made = await fetch("/api/sessions", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ prompt: "Design a queue" }),
      });
      const { id } = (await made.json()) as { id: string };
      const put = await fetch(`/api/sessions/${id}`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "invoice\u202Efdp.exe" }),
      });
      return { status: put.status, body: (await put.json()) as { error: string } };
    });
    expect(renamed.status).toBe(400);
    expect(renamed.body.error).toMatch(/bidirectional control characters/);
    expect(problems).toEqual([]);
    await p.context().close();
  });
});
