// Workbench 2 in a real browser: deep links, diagrams in both themes, zoom/full screen/download,
// phone width, print, accessibility (axe-core), and the two session behaviours of the newcomer issue.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Served as Running } from "./browser.js";
import { launch, SHOTS, serveBin, tempDb } from "./browser.js";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let browser: Browser;
let server: Running;

const LOCK = "Design a distributed lock service with fencing tokens";
const KAFKA = "Design a distributed message queue like Kafka";

async function page(opts: BrowserContextOptions = {}): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...opts });
  return ctx.newPage();
}

async function derive(p: Page, prompt: string) {
  const box = p.getByLabel("Prompt", { exact: true });
  await box.fill(prompt);
  const url = p.url();
  await box.press("Enter");
  await p.waitForURL((u) => u.href !== url && /\/s\//.test(u.pathname));
  await p.locator(".chips").first().waitFor();
}

async function sessions(p: Page): Promise<{ id: string; name: string; prompt: string; overrides: string[] }[]> {
  return p.evaluate(async () => {
    const r = (await (await fetch("/api/sessions")).json()) as unknown;
    return (Array.isArray(r) ? r : (r as { sessions: unknown[] }).sessions) as never;
  });
}

/** WCAG contrast ratio of two CSS colours as the browser resolves them. */
function contrast(p: Page, fg: string, bg: string): Promise<number> {
  return p.evaluate(
    ([a, b]: [string, string]) => {
      const rgb = (c: string) => {
        const ctx = document.createElement("canvas").getContext("2d") as CanvasRenderingContext2D;
        ctx.fillStyle = c;
        ctx.fillRect(0, 0, 1, 1);
        return [...ctx.getImageData(0, 0, 1, 1).data].slice(0, 3);
      };
      const lum = (c: number[]) => {
        const [r, g, bl] = c.map((v) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        }) as [number, number, number];
        return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
      };
      const [l1, l2] = [lum(rgb(a)), lum(rgb(b))].sort((x, y) => y - x) as [number, number];
      return (l1 + 0.05) / (l2 + 0.05);
    },
    [fg, bg] as [string, string],
  );
}

async function axe(p: Page, label: string) {
  await p.evaluate(AXE);
  const result = (await p.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } }).axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    }),
  )) as { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = bad.map(
    (v) => `${label}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  return { bad: report, all: result.violations.map((v) => `${v.id}:${v.impact}`) };
}

beforeAll(async () => {
  browser = await launch();
  // Through the real command a user runs, as the issue asks.
  server = await serveBin(tempDb());
}, 60000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("workbench 2", { timeout: 90000 }, () => {
  it("first visit shows what mechsd does and examples as buttons grouped by archetype", async () => {
    const p = await page();
    await p.goto(server.url);
    await p.getByRole("heading", { name: "Start with a prompt" }).waitFor();
    await p.locator(".example-groups h3").first().waitFor();
    expect(await p.locator(".example-groups h3").count()).toBeGreaterThan(3);
    expect(await p.locator("button.example").count()).toBeGreaterThanOrEqual(10);
    expect(await p.getByRole("link", { name: "catalogue of archetypes" }).count()).toBe(1);
    await p.screenshot({ path: join(SHOTS, "w2-empty-state.png"), fullPage: true });
    await p.context().close();
  });

  it("the summary's mechanisms each say the rule they keep or what they serve, never an empty 'protects:'", async () => {
    const p = await page();
    await p.goto(server.url);
    await derive(
      p,
      "Design an SQS-like message queue with visibility timeouts that handles 500,000 messages per second.",
    );
    const rows = await p.locator("#sec-summary ol li .muted").allInnerTexts();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.trim()).toMatch(/^(protects|serves): \S/);
    await p.context().close();
  });

  it("gives each session its own URL that survives a reload and back/forward; a design links by prompt", async () => {
    const p = await page();
    await p.goto(server.url);
    await derive(p, LOCK);
    const first = new URL(p.url()).pathname;
    expect(first).toMatch(/^\/s\/[0-9a-f-]+$/);
    await p.reload();
    await p.locator(".chips").first().waitFor();
    await expect(p.getByLabel("Prompt", { exact: true }).inputValue()).resolves.toBe(LOCK);
    await expect(p.locator(".chip.dominant").textContent()).resolves.toContain("I02");
    await p.getByRole("tab", { name: "Script" }).click();
    expect(p.url()).toMatch(/view=script/);
    await p.reload();
    await expect(p.getByRole("tab", { name: "Script" }).getAttribute("aria-selected")).resolves.toBe("true");
    await p.getByRole("tab", { name: "Design" }).click();
    await derive(p, KAFKA);
    const second = new URL(p.url()).pathname;
    expect(second).not.toBe(first);
    await p.goBack();
    await p.waitForURL((u) => u.pathname === first);
    await p.waitForFunction((t) => document.querySelector(".summary")?.textContent?.includes(t), "I02");
    await expect(p.getByLabel("Prompt", { exact: true }).inputValue()).resolves.toBe(LOCK);
    await p.goForward();
    await p.waitForURL((u) => u.pathname === second);
    await p.waitForFunction((t) => document.querySelector(".summary")?.textContent?.includes(t), "I05");
    // A design link by prompt and overrides reopens the same design, across a reload too.
    const link = `/d?prompt=${encodeURIComponent("Design a distributed message queue")}&set=dominant%3DI02`;
    await p.goto(new URL(link, server.url).href);
    await p.locator(".chip.dominant").waitFor();
    await expect(p.locator(".chip.dominant").textContent()).resolves.toContain("I02");
    await p.reload();
    await p.locator(".chip.dominant").waitFor();
    await expect(p.locator(".chip.dominant").textContent()).resolves.toContain("I02");
    await expect(p.getByLabel("Dominant archetype", { exact: true }).inputValue()).resolves.toBe("I02");
    await p.screenshot({ path: join(SHOTS, "w2-deep-link.png") });
    // An adjustment on a linked design moves the link; "Copy design link" hands out the same URL.
    await p.getByLabel("Delivery", { exact: true }).selectOption("at-most-once");
    await p.waitForURL(/set=delivery%3Dat-most-once/);
    await p
      .context()
      .grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url.replace(/\/$/, "") });
    await p.getByRole("button", { name: "Copy design link" }).click();
    await p.getByRole("status").filter({ hasText: "on the clipboard" }).waitFor();
    const copied = await p.evaluate(() => navigator.clipboard.readText());
    const q = await browser.newContext();
    const other = await q.newPage();
    await other.goto(copied);
    await other.locator(".chip.dominant").waitFor();
    await expect(other.locator(".chip.dominant").textContent()).resolves.toContain("I02");
    await expect(other.getByLabel("Delivery", { exact: true }).inputValue()).resolves.toBe("at-most-once");
    await q.close();
    await p.context().close();
  });

  it("rehearses the spoken script: a timer, step budgets, drawing cues and a cheat sheet", async () => {
    const p = await page();
    await p.goto(server.url);
    await derive(p, LOCK);
    await p.getByRole("tab", { name: "Script" }).click();
    const view = p.locator("section.script-view");
    await view.waitFor({ timeout: 20000 });
    await expect(view.getByRole("timer").textContent()).resolves.toMatch(/\d+:\d\d/);
    expect(await view.locator("li.step").count()).toBe(8);
    await expect(view.textContent()).resolves.toMatch(/draw/i);
    await expect(view.locator(".cheat-sheet").textContent()).resolves.toMatch(/\w/);
    await p.screenshot({ path: join(SHOTS, "w2-script.png"), fullPage: true });
    await p.context().close();
  });

  it("a new prompt starts a new session instead of overwriting the open one (issue 9 item 4)", async () => {
    const p = await page();
    await p.goto(server.url);
    const before = (await sessions(p)).length;
    await derive(p, "Design a distributed lock service");
    await derive(p, KAFKA);
    const all = await sessions(p);
    expect(all.length).toBe(before + 2);
    const lock = all.find((s) => /lock service/i.test(s.name));
    expect(lock?.prompt).toBe("Design a distributed lock service");
    expect(all.some((s) => s.prompt === KAFKA)).toBe(true);
    // The sessions list finds a session by a word of its name or prompt.
    await p.getByLabel("Find a session").fill("kafka");
    await p.waitForFunction(() => document.querySelectorAll("#sessions li").length >= 1);
    const shown = await p.locator("#sessions li .session-name").allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((t) => /kafka/i.test(t))).toBe(true);
    await p.context().close();
  });

  it("examples are buttons reachable by keyboard; arrow keys in adjust controls make no save per key (item 5)", async () => {
    const p = await page();
    const writes: string[] = [];
    p.on("request", (r) => {
      if (r.url().includes("/api/sessions") && r.method() !== "GET") writes.push(`${r.method()} ${r.url()}`);
    });
    await p.goto(server.url);
    const before = (await sessions(p)).length;
    const examples = p.locator("button.example");
    await examples.nth(3).waitFor();
    // Tab reaches every example; focus alone creates nothing.
    await examples.first().focus();
    for (let i = 0; i < 3; i++) await p.keyboard.press("Tab");
    expect(writes).toEqual([]);
    const text = (await p.evaluate(() => document.activeElement?.textContent)) ?? "";
    await p.keyboard.press("Enter");
    await p.waitForURL(/\/s\//);
    await p.locator(".chips").first().waitFor();
    await expect(p.getByLabel("Prompt", { exact: true }).inputValue()).resolves.toBe(text);
    expect((await sessions(p)).length).toBe(before + 1);
    expect(writes.filter((w) => w.startsWith("POST")).length).toBe(1);
    writes.length = 0;
    // Three arrow keys on the dominant drop-down: the design follows, one save at most, no new session.
    const dominant = p.getByLabel("Dominant archetype");
    await dominant.focus();
    for (let i = 0; i < 3; i++) await p.keyboard.press("ArrowDown");
    await p.waitForTimeout(1500);
    expect(writes.filter((w) => w.startsWith("POST")).length).toBe(0);
    expect(writes.filter((w) => w.startsWith("PUT")).length).toBeLessThanOrEqual(1);
    expect((await sessions(p)).length).toBe(before + 1);
    await p.context().close();
  });

  it("keeps every override in the Adjust panel with reset per field and for all, and says what changed", async () => {
    const p = await page();
    await p.goto(server.url);
    await derive(p, "Design a distributed message queue");
    for (const name of ["Branch", "Dominant archetype", "Delivery", "Consistency", "Durability", "Regions"])
      expect(await p.getByLabel(name, { exact: true }).count(), name).toBe(1);
    await p.getByLabel("Delivery", { exact: true }).selectOption("at-most-once");
    await p.locator(".changes").waitFor();
    await expect(p.locator(".changes").textContent()).resolves.toMatch(/delivery: at-least-once → at-most-once/);
    await p.getByLabel("Regions", { exact: true }).fill("3");
    await p.getByLabel("Regions", { exact: true }).press("Enter");
    await p.getByRole("button", { name: "Reset Regions to derived" }).waitFor();
    await p.getByRole("button", { name: "Reset Delivery to derived" }).click();
    await p.waitForFunction(() => !document.querySelector('[aria-label="Reset Delivery to derived"]'));
    await p.getByRole("button", { name: /Reset all to derived/ }).click();
    await p.waitForFunction(() => !document.querySelector('[aria-label="Reset Regions to derived"]'));
    // Predicates by name; "why?" buttons have distinct names; views are real tabs.
    expect((await p.locator(".adjust .check label").first().textContent())?.trim()).toMatch(/^[A-Z][a-z]+ [a-z]/);
    const whys = await p
      .getByRole("button", { name: /^why\?/ })
      .evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
    expect(new Set(whys).size).toBe(whys.length);
    expect(await p.getByRole("tab").count()).toBe(4);
    await p.context().close();
  });

  it("keeps the previous design under an error, says when nothing was recognised, clears notices", async () => {
    const p = await page();
    await p.goto(server.url);
    await derive(p, LOCK);
    await p.getByLabel("Prompt", { exact: true }).fill("x ".repeat(2100));
    await p.getByLabel("Prompt", { exact: true }).press("Enter");
    await p.getByRole("alert").waitFor();
    expect(await p.locator(".chip.dominant").count()).toBe(1);
    await p.getByLabel("Prompt", { exact: true }).fill("hello");
    await p.getByLabel("Prompt", { exact: true }).press("Enter");
    await p.locator(".unrecognised").waitFor();
    await expect(p.locator(".unrecognised").textContent()).resolves.toMatch(/was recognised/);
    expect(await p.locator(".unrecognised button.example").count()).toBeGreaterThan(0);
    await p.screenshot({ path: join(SHOTS, "w2-unrecognised.png") });
    await p.context().close();
  });

  it("draws diagrams in the dark theme with readable contrast and redraws on a theme change", async () => {
    const p = await page({ colorScheme: "dark" });
    await p.goto(server.url);
    await derive(p, LOCK);
    await p.getByRole("tab", { name: "Diagrams" }).click();
    await p.locator("[data-testid=diagram] svg").nth(1).waitFor({ timeout: 30000 });
    const bg = await p
      .locator(".diagram")
      .first()
      .evaluate((e) => getComputedStyle(e).backgroundColor);
    const colours = await p.evaluate(() => {
      const out: { text: string[]; lines: string[]; numbers: { text: string; disc: string }[] } = {
        text: [],
        lines: [],
        numbers: [],
      };
      for (const svg of document.querySelectorAll("[data-testid=diagram] svg")) {
        // Message numbers sit on their own filled disc: they are read against the disc, not the card.
        for (const t of svg.querySelectorAll("text.sequenceNumber")) {
          const disc = svg.querySelector("#sequencenumber circle, circle.sequenceNumber, marker circle");
          out.numbers.push({ text: getComputedStyle(t).fill, disc: disc ? getComputedStyle(disc).fill : "" });
        }
        // The painted text: a tspan where the label has one, else the text element itself.
        for (const t of svg.querySelectorAll("text:not(.sequenceNumber)")) {
          const leaves = t.querySelectorAll("tspan");
          for (const l of leaves.length > 0 ? [...leaves] : [t])
            if (l.textContent?.trim()) out.text.push(getComputedStyle(l).fill);
        }
        for (const l of svg.querySelectorAll(".messageLine0, .messageLine1, .flowchart-link, path.relation"))
          out.lines.push(getComputedStyle(l).stroke);
      }
      return out;
    });
    expect(colours.text.length).toBeGreaterThan(5);
    expect(colours.lines.length).toBeGreaterThan(0);
    const worstText = Math.min(...(await Promise.all([...new Set(colours.text)].map((c) => contrast(p, c, bg)))));
    const worstLine = Math.min(...(await Promise.all([...new Set(colours.lines)].map((c) => contrast(p, c, bg)))));
    expect(worstText).toBeGreaterThanOrEqual(4.5);
    for (const n of colours.numbers.filter((x) => x.disc !== ""))
      expect(await contrast(p, n.text, n.disc)).toBeGreaterThanOrEqual(4.5);
    expect(worstLine).toBeGreaterThanOrEqual(3);
    await p.screenshot({ path: join(SHOTS, "w2-diagrams-dark.png"), fullPage: true });
    const darkSvg = await p.locator("[data-testid=diagram]").first().innerHTML();
    await p.getByLabel("Theme").selectOption("light");
    await p.waitForFunction(
      (old) => {
        const now = document.querySelector("[data-testid=diagram]")?.innerHTML;
        return now?.includes("<svg") && now !== old;
      },
      darkSvg,
      { timeout: 20000 },
    );
    await p.screenshot({ path: join(SHOTS, "w2-diagrams-light.png"), fullPage: true });
    await p.context().close();
  });

  it("zooms, opens full screen, downloads SVG and PNG and copies the source of a diagram", async () => {
    const p = await page();
    await p
      .context()
      .grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url.replace(/\/$/, "") });
    await p.goto(server.url);
    await derive(p, LOCK);
    await p.getByRole("tab", { name: "Diagrams" }).click();
    const first = p.locator("figure.diagram").first();
    await first.locator("[data-testid=diagram] svg").waitFor({ timeout: 30000 });
    const title = (await first.locator("figcaption").textContent()) ?? "";
    const widthBefore = (await first.locator("[data-testid=diagram] svg").boundingBox())?.width ?? 0;
    await p.getByRole("button", { name: `Zoom in: ${title}` }).click();
    await p.getByRole("button", { name: `Zoom in: ${title}` }).click();
    const widthAfter = (await first.locator("[data-testid=diagram] svg").boundingBox())?.width ?? 0;
    expect(widthAfter / widthBefore).toBeGreaterThan(1.5);
    await p.getByRole("button", { name: `Full screen: ${title}` }).click();
    const box = await first.boundingBox();
    expect(box?.width).toBe(1280);
    expect(box?.height).toBe(900);
    await p.screenshot({ path: join(SHOTS, "w2-diagram-fullscreen.png") });
    await p.keyboard.press("Escape");
    await p.waitForFunction(() => !document.querySelector("figure.diagram.full"));
    const [svgDl] = await Promise.all([
      p.waitForEvent("download"),
      p.getByRole("button", { name: `Download SVG: ${title}` }).click(),
    ]);
    expect(svgDl.suggestedFilename()).toMatch(/\.svg$/);
    expect(readFileSync(await svgDl.path(), "utf8")).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const [pngDl] = await Promise.all([
      p.waitForEvent("download"),
      p.getByRole("button", { name: `Download PNG: ${title}` }).click(),
    ]);
    expect(pngDl.suggestedFilename()).toMatch(/\.png$/);
    const png = readFileSync(await pngDl.path());
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.length).toBeGreaterThan(2000);
    await p.getByRole("button", { name: `Copy source: ${title}` }).click();
    await first.getByText("Mermaid source copied").waitFor();
    const clip = await p.evaluate(() => navigator.clipboard.readText());
    expect(clip).toMatch(/^(flowchart|sequenceDiagram)/);
    await p.context().close();
  });

  it("fits a 390 px phone with no horizontal scroll: prompt first, sessions in a menu, tables as cards", async () => {
    const p = await page({ viewport: { width: 390, height: 844 }, colorScheme: "dark" });
    await p.goto(server.url);
    await p.locator("button.example").first().waitFor();
    const widths: Record<string, number> = {};
    const width = () => p.evaluate(() => document.documentElement.scrollWidth);
    widths.home = await width();
    await derive(p, LOCK);
    widths.design = await width();
    // Sessions are behind a menu button; the prompt is the first thing in the page.
    expect(await p.locator("#sessions").isVisible()).toBe(false);
    const promptTop = (await p.getByLabel("Prompt", { exact: true }).boundingBox())?.y ?? 999;
    expect(promptTop).toBeLessThan(150);
    await p.getByRole("button", { name: /^Sessions/ }).click();
    await p.locator("#sessions").waitFor();
    widths.menu = await width();
    await p.screenshot({ path: join(SHOTS, "w2-phone-menu.png") });
    await p.getByRole("button", { name: /^Sessions/ }).click();
    // Sections start folded; a jump link opens one; its table reads as cards.
    await p.getByRole("link", { name: "Failures and scale" }).click();
    await p.locator("#body-failures").waitFor();
    expect(new URL(p.url()).hash).toBe("#sec-failures");
    expect(
      await p
        .locator("#body-failures thead")
        .first()
        .evaluate((e) => e.getBoundingClientRect().height),
    ).toBeLessThanOrEqual(1);
    widths.section = await width();
    await p.screenshot({ path: join(SHOTS, "w2-phone-design.png"), fullPage: true });
    const height = await p.evaluate(() => document.documentElement.scrollHeight);
    await p.getByRole("tab", { name: "Diagrams" }).click();
    await p.locator("[data-testid=diagram] svg").first().waitFor({ timeout: 30000 });
    widths.diagrams = await width();
    await p.getByRole("tab", { name: "Archetypes" }).click();
    await p.locator(".arch-card").first().waitFor();
    widths.catalogue = await width();
    console.log(`390 px page widths: ${JSON.stringify(widths)}; design page height ${height} px`);
    for (const [k, w] of Object.entries(widths)) expect(w, k).toBeLessThanOrEqual(390);
    await p.context().close();
  }, 90000);

  it("prints a study sheet: no sidebar, form or controls; folded sections printed", async () => {
    const p = await page({ viewport: { width: 390, height: 844 } });
    await p.goto(server.url);
    await derive(p, LOCK);
    await p.emulateMedia({ media: "print" });
    for (const sel of ["#sessions", "form.ask", ".adjust", '[role="tablist"]', ".why"])
      expect(await p.locator(sel).first().isVisible(), sel).toBe(false);
    expect(await p.locator("#body-checklist").isVisible()).toBe(true);
    await p.setViewportSize({ width: 794, height: 1123 });
    await p.screenshot({ path: join(SHOTS, "w2-print.png"), fullPage: true });
    const pdf = await p.pdf({ format: "A4", path: join(SHOTS, "w2-print.pdf") });
    expect(pdf.subarray(0, 4).toString("latin1")).toBe("%PDF");
    await p.context().close();
  });

  it("has no serious accessibility violations (axe-core) on the empty state, a design, diagrams, light and dark", async () => {
    const found: string[] = [];
    const seen: string[] = [];
    for (const colorScheme of ["light", "dark"] as const) {
      const p = await page({ colorScheme });
      await p.goto(server.url);
      await p.locator(".example-groups h3").first().waitFor();
      let r = await axe(p, `${colorScheme} empty`);
      found.push(...r.bad);
      seen.push(...r.all);
      await derive(p, LOCK);
      r = await axe(p, `${colorScheme} design`);
      found.push(...r.bad);
      seen.push(...r.all);
      await p.getByRole("tab", { name: "Diagrams" }).click();
      await p.locator("[data-testid=diagram] svg").first().waitFor({ timeout: 30000 });
      r = await axe(p, `${colorScheme} diagrams`);
      found.push(...r.bad);
      seen.push(...r.all);
      await p.context().close();
    }
    console.log(`axe-core violations of any impact: ${[...new Set(seen)].join(", ") || "none"}`);
    expect(found).toEqual([]);
  }, 120000);
});
