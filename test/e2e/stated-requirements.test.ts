// The design page's stated requirements and coherence findings, in a real browser: each clause the prompt states is
// quoted with what carries it (a jump to that section) or marked not carried in words; the design's own coherence
// findings stand in one place with their rule and its explanation; all of it by keyboard, at phone width in dark
// mode, and with markup in the prompt kept as text.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, type Served, SHOTS, serveBin, tempDb } from "./browser.js";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let browser: Browser;
let server: Served;

/** A prompt whose last clause (a control operation on a record) the design owes an answer to. */
const GARAGE =
  "Design a parking garage reservation API for 3,000 garages: a spot is never given to two drivers, drivers who lose signal catch up on missed updates when they reconnect, operators can edit prices, and every receipt must show the garage's tax number.";

const HOSTILE =
  'Design a library lending service where each copy <img src=x onerror="window.__pwned=1"> is lent to one member at a time, and members <script>window.__pwned=2</script> can renew a loan.';

interface Row {
  clause: string;
  carried: boolean;
  carriedBy: { kind: string; what: string }[];
}

beforeAll(async () => {
  browser = await launch();
  server = await serveBin(tempDb());
}, 60000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function page(opts: BrowserContextOptions = {}): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...opts });
  return ctx.newPage();
}

async function derive(p: Page, prompt: string) {
  await p.goto(server.url);
  const box = p.getByLabel("Prompt", { exact: true });
  await box.fill(prompt);
  await box.press("Enter");
  await p.waitForURL((u) => /\/s\//.test(u.pathname));
  await p.locator(".chips").first().waitFor();
}

/** The design the server derives for a prompt, as the page's own API answers it. */
function designOf(
  p: Page,
  prompt: string,
): Promise<{ statedRequirements: Row[]; coherence: { rule: string; detail: string }[] }> {
  return p.evaluate(async (text) => {
    const r = await fetch("/api/design", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ prompt: text, overrides: [] }),
    });
    return r.json();
  }, prompt);
}

/** Serious or critical WCAG 2.1 AA violations (axe-core) inside the two new parts of the page. */
async function axeOnLedger(p: Page): Promise<string[]> {
  await p.evaluate(AXE);
  const result = (await p.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } }).axe.run(
      { include: [["#sec-stated"], ["#sec-coherence"], ["#sec-summary"]] },
      { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } },
    ),
  )) as { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
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

describe("stated requirements and coherence findings", { timeout: 90000 }, () => {
  it("quotes each stated clause with what carries it, marks a clause nothing carries in words, and lists the findings with their rule", async () => {
    const p = await page();
    await derive(p, GARAGE);
    const d = await designOf(p, GARAGE);
    const missing = d.statedRequirements.filter((r) => !r.carried);
    expect(missing.length).toBeGreaterThan(0);
    const rows = p.locator("#sec-stated ol.stated > li");
    expect(await rows.count()).toBe(d.statedRequirements.length);
    for (const [i, r] of d.statedRequirements.entries()) {
      const row = rows.nth(i);
      expect(await row.locator("q").textContent()).toBe(r.clause);
      // the status is said in words, not by colour alone
      expect(((await row.locator(".status").textContent()) ?? "").trim()).toMatch(
        r.carried ? /^✓ Carried$/ : /^✗ Not carried$/,
      );
      if (r.carried) expect(await row.locator(".carriers li").count()).toBe(r.carriedBy.length);
      else expect(await row.textContent()).toMatch(/Nothing in this design reads it/);
    }
    // the heading counts them
    const head = (await p.locator("#h-stated").textContent()) ?? "";
    expect(head).toContain(`${missing.length} of ${d.statedRequirements.length} not carried`);
    // every jump from a carrier lands on a section this page shows
    const targets = await p
      .locator("#sec-stated .carriers a")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(targets.length).toBeGreaterThan(0);
    for (const t of targets) expect(await p.locator(t as string).count()).toBe(1);
    // the findings: one place, each with its rule id, the rule's explanation and this design's detail
    // each rule's explanation comes from the server's rule table, fetched once a design has a finding
    await p.locator("#sec-coherence .rule-asks").first().waitFor();
    const findings = p.locator("#sec-coherence .findings > li");
    expect(await findings.count()).toBe(new Set(d.coherence.map((c) => c.rule)).size);
    const first = (await findings.first().textContent()) ?? "";
    expect(first).toContain(d.coherence[0]?.rule);
    expect(first).toMatch(/The rule: \S.+Here\b[^:]*: \S/);
    const all = (await p.locator("#sec-coherence").textContent()) ?? "";
    for (const c of d.coherence) expect(all).toContain(c.detail);
    expect(await p.locator("#sec-summary").textContent()).toMatch(/Coherence⚠ (one finding|\d+ findings)/);
    expect(await axeOnLedger(p)).toEqual([]);
    await p.locator("#sec-stated").screenshot({ path: join(SHOTS, "stated-desktop.png") });
    await p.context().close();
  });

  it("is reached and operated by keyboard alone, with a visible focus ring", async () => {
    const p = await page();
    await derive(p, GARAGE);
    // Tab from the top of the page reaches the summary's jump to the stated requirements
    await p.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const focusedText = () => p.evaluate(() => document.activeElement?.textContent ?? "");
    let found = false;
    for (let i = 0; i < 60 && !found; i++) {
      await p.keyboard.press("Tab");
      found = (await focusedText()) === "each clause and what carries it";
    }
    expect(found).toBe(true);
    const ring = await p.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(ring).not.toBe("none");
    await p.keyboard.press("Enter");
    await p.waitForURL((u) => u.hash === "#sec-stated");
    // the next Tabs go through the section: its fold button, then the jumps to what carries each clause
    let onCarrier = false;
    for (let i = 0; i < 20 && !onCarrier; i++) {
      await p.keyboard.press("Tab");
      onCarrier = await p.evaluate(() => document.activeElement?.closest(".carriers") !== null);
    }
    expect(onCarrier).toBe(true);
    const href = await p.evaluate(() => document.activeElement?.getAttribute("href") ?? "");
    expect(href).toMatch(/^#sec-/);
    await p.keyboard.press("Enter");
    await p.waitForURL((u) => u.hash === href);
    expect(await p.locator(`${href} .fold-body`).isVisible()).toBe(true);
    // the section folds and unfolds by Enter on its heading button
    const fold = p.locator("#h-stated button.fold");
    await fold.focus();
    await p.keyboard.press("Enter");
    expect(await fold.getAttribute("aria-expanded")).toBe("false");
    await p.keyboard.press("Enter");
    expect(await fold.getAttribute("aria-expanded")).toBe("true");
    await p.context().close();
  });

  it("reads on a 390 px phone in dark mode: open where a clause is not carried, no sideways scroll, marks in contrast", async () => {
    const p = await page({ viewport: { width: 390, height: 844 }, colorScheme: "dark" });
    await derive(p, GARAGE);
    expect(await p.locator("#sec-stated .not-carried").first().isVisible()).toBe(true);
    expect(await p.locator("#sec-coherence .findings").isVisible()).toBe(true);
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const colours = await p.evaluate(() => {
      const of = (sel: string) => document.querySelector(sel) as Element;
      const row = getComputedStyle(of("#sec-stated .not-carried"));
      const finding = getComputedStyle(of("#sec-coherence .findings > li"));
      const card = getComputedStyle(of("#sec-stated")).backgroundColor;
      return {
        status: [getComputedStyle(of("#sec-stated .not-carried .status")).color, row.backgroundColor],
        gap: [getComputedStyle(of("#sec-stated .not-carried .gap")).color, row.backgroundColor],
        finding: [finding.color, finding.backgroundColor],
        badge: [getComputedStyle(of("#sec-stated .badge")).color, card],
        link: [getComputedStyle(of("#sec-stated .carriers a")).color, card],
      };
    });
    for (const [name, [fg, bg]] of Object.entries(colours))
      expect(await contrast(p, fg as string, bg as string), name).toBeGreaterThanOrEqual(4.5);
    expect(await axeOnLedger(p)).toEqual([]);
    await p.locator("#sec-stated").screenshot({ path: join(SHOTS, "stated-phone-dark.png") });
    await p.context().close();
  });

  it("keeps markup and script in a quoted clause as text", async () => {
    const p = await page();
    const problems: string[] = [];
    p.on("pageerror", (e) => problems.push(e.message));
    p.on("dialog", (dg) => {
      problems.push(`dialog: ${dg.message()}`);
      void dg.dismiss();
    });
    await derive(p, HOSTILE);
    const quotes = (await p.locator("#sec-stated q").allTextContents()).join("\n");
    expect(quotes).toContain('<img src=x onerror="window.__pwned=1">');
    expect(quotes).toContain("<script>window.__pwned=2</script>");
    expect(await p.locator("#sec-stated img, #sec-stated script, #sec-coherence img").count()).toBe(0);
    expect(await p.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(problems).toEqual([]);
    // findings of one rule stand together under it, each detail said once
    const d = await designOf(p, HOSTILE);
    const rules = new Set(d.coherence.map((c) => c.rule));
    expect(await p.locator("#sec-coherence .findings > li").count()).toBe(rules.size);
    const all = (await p.locator("#sec-coherence").textContent()) ?? "";
    for (const c of d.coherence) expect(all).toContain(c.detail);
    await p.context().close();
  });
});
