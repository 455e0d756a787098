import fc from "fast-check";
// A CommonMark (GFM) reader, here through Mermaid's own dependency: it reads the Markdown the way a viewer would.
import { marked, type Token } from "marked";
import { describe, expect, it } from "vitest";
import { deriveDesign } from "../src/engine/design/design.js";
import { OVERRIDE_KEYS, parseOverrides } from "../src/engine/design/overrides.js";
import { misspeltCacheSize, recognizeProduct } from "../src/engine/product/recognize.js";
import { checkPrompt } from "../src/engine/prompt.js";
import { pieceCacheSize, STEM_CACHE_MAX, stemCacheSize, stemWord, tokenize } from "../src/engine/recognize/tokens.js";
import { designBlocks } from "../src/render/design-doc.js";
import { type Block, bullets, code, heading, para, table, toMarkdown, toTerminal } from "../src/render/doc.js";
import { scriptBlocks } from "../src/render/script/document.js";
import { writeScript } from "../src/render/script/index.js";
import { createApp } from "../src/server/app.js";
import { openDb } from "../src/store/db.js";
import { SessionStore } from "../src/store/sessions.js";
import { HOSTILE, HOSTILE_OVERRIDES } from "./hostile-corpus.js";

const PORT = 4477;
const HOST = `127.0.0.1:${PORT}`;

function api() {
  const store = new SessionStore(openDb(":memory:"), () => "2026-01-01T00:00:00.000Z");
  const app = createApp({ store, files: new Map(), reach: { names: new Set(["127.0.0.1"]), port: PORT } });
  const send = async (method: string, path: string, body?: unknown) => {
    const r = await app.request(`http://${HOST}${path}`, {
      method,
      headers: body === undefined ? { host: HOST } : { host: HOST, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
    });
    const text = await r.text();
    return { status: r.status, type: r.headers.get("content-type") ?? "", text };
  };
  return { store, send };
}

/** A refusal is a 4xx with a JSON `{ error }` that says something; never a 5xx, never an empty or bare message. */
function expectClearRefusal(r: { status: number; type: string; text: string }, label: string) {
  expect(r.status, label).toBeGreaterThanOrEqual(400);
  expect(r.status, label).toBeLessThan(500);
  expect(r.type, label).toMatch(/application\/json/);
  const { error } = JSON.parse(r.text) as { error: unknown };
  expect(typeof error, label).toBe("string");
  expect((error as string).length, label).toBeGreaterThan(10);
}

describe("hostile corpus through the API", () => {
  it("designs or clearly refuses every entry, deterministically", async () => {
    const { send } = api();
    for (const { label, text } of HOSTILE) {
      const a = await send("POST", "/api/design", { prompt: text });
      const b = await send("POST", "/api/design", { prompt: text });
      expect(b.text, label).toBe(a.text);
      if (a.status === 200) expect(JSON.parse(a.text).prompt, label).toBeTypeOf("string");
      else expectClearRefusal(a, label);
    }
  });

  it("saves, exports (JSON and Markdown) and re-imports every entry it accepts, and stores none it refuses", async () => {
    const { send, store } = api();
    let saved = 0;
    for (const { label, text } of HOSTILE) {
      const r = await send("POST", "/api/sessions", { prompt: text, name: text.slice(0, 100) });
      if (r.status !== 201) {
        expectClearRefusal(r, label);
        continue;
      }
      saved++;
      const { id } = JSON.parse(r.text) as { id: string };
      const json = await send("GET", `/api/sessions/${id}/export?format=json`);
      expect(json.status, label).toBe(200);
      const md = await send("GET", `/api/sessions/${id}/export?format=md`);
      expect(md.status, label).toBe(200);
      expect(md.text, label).not.toMatch(/<script|<img/i);
      const again = await send("POST", "/api/import", json.text);
      expect(again.status, label).toBe(201);
    }
    expect(store.list()).toHaveLength(saved * 2);
    expect(saved).toBeGreaterThan(HOSTILE.length / 2);
  });

  it("refuses the lone-surrogate, control-character and over-size entries as names", async () => {
    const { send, store } = api();
    // a bidirectional override would show "invoice\u202efdp.exe" as "invoiceexe.pdf"
    for (const name of ["a\ud800", "\udc00", "a\u0000", "a\nb", "x".repeat(121), "", "   ", "invoice\u202efdp.exe"]) {
      expectClearRefusal(await send("POST", "/api/sessions", { prompt: "Design a queue", name }), JSON.stringify(name));
    }
    expect(store.list()).toHaveLength(0);
    for (const { label, text } of HOSTILE) {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: skipping the entries with control characters
      if (
        text.length > 120 ||
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for control characters on purpose
        /[\u0000-\u001f\u007f-\u009f]/.test(text) ||
        /[\ud800-\udfff\u202a-\u202e\u2066-\u2069]/.test(text)
      )
        continue;
      if (text.trim() === "") continue;
      const r = await send("POST", "/api/sessions", { prompt: "Design a queue", name: text });
      expect(r.status, label).toBe(201);
      expect((JSON.parse(r.text) as { name: string }).name, label).toBe(text.trim());
    }
  });

  it("answers every hostile override list with a design or a clear refusal", async () => {
    const { send } = api();
    for (const o of HOSTILE_OVERRIDES) {
      const r = await send("POST", "/api/design", { prompt: "Design a distributed lock service", overrides: [o] });
      if (r.status !== 200) expectClearRefusal(r, JSON.stringify(o));
      // An accepted override never drives a number out of range: no "Infinity percent" in the design or its script.
      else expect(r.text, JSON.stringify(o)).not.toMatch(/Infinity|NaN/);
    }
  });

  it("keeps a refusal short however many unknown fields a body has", async () => {
    const { send } = api();
    const body = `{${Array.from({ length: 30_000 }, (_, i) => `"k${i}":1`).join(",")}}`;
    const r = await send("POST", "/api/design", body);
    expectClearRefusal(r, "30,000 unknown keys");
    expect(r.text.length).toBeLessThan(2000);
    expect(JSON.parse(r.text).error).toMatch(/k0.*more/);
  });

  it("says a session file from a newer mechsd is newer, not just wrong", async () => {
    const { send, store } = api();
    const r = await send("POST", "/api/import", {
      format: "mechsd-session",
      version: 2,
      name: "From tomorrow",
      prompt: "Design a queue",
    });
    expectClearRefusal(r, "version 2");
    expect(JSON.parse(r.text).error).toMatch(/newer mechsd/);
    expect(store.list()).toHaveLength(0);
  });
});

/** Every token of a lexed Markdown document, nested ones too. */
function tokensOf(tokens: readonly Token[]): Token[] {
  return tokens.flatMap((t) => {
    const inner = t as {
      tokens?: Token[];
      items?: { tokens: Token[] }[];
      header?: { tokens: Token[] }[];
      rows?: { tokens: Token[] }[][];
    };
    return [
      t,
      ...tokensOf(inner.tokens ?? []),
      ...(inner.items ?? []).flatMap((i) => tokensOf(i.tokens)),
      ...(inner.header ?? []).flatMap((c) => tokensOf(c.tokens)),
      ...(inner.rows ?? []).flatMap((r) => r.flatMap((c) => tokensOf(c.tokens))),
    ];
  });
}

/** C0 and C1 control characters but the line feed: none reaches a terminal. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL_CHARS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

const MARKDOWN_KIND = { heading: "heading", para: "paragraph", bullets: "list", table: "table", code: "code" } as const;

/** Each block stays one block of its kind with its own item and row count, and no text turns into a link, HTML or strike-through. */
function expectBlocksKeepShape(blocks: readonly Block[], label: string) {
  for (const b of blocks) {
    const md = toMarkdown([b]);
    const top = marked.lexer(md).filter((t) => t.type !== "space");
    expect(
      top.map((t) => t.type),
      `${label}: ${md.slice(0, 200)}`,
    ).toEqual([MARKDOWN_KIND[b.kind]]);
    const [t] = top as [Token & { items?: unknown[]; rows?: unknown[]; text?: string }];
    if (b.kind === "bullets") expect(t.items, `${label}: ${md.slice(0, 200)}`).toHaveLength(b.items.length);
    if (b.kind === "table") expect(t.rows, `${label}: ${md.slice(0, 200)}`).toHaveLength(b.rows.length);
    if (b.kind === "code") expect(t.text, label).toBe(b.text);
    const made = tokensOf(top).filter((x) => ["link", "image", "html", "del"].includes(x.type));
    expect(
      made.map((x) => x.raw),
      `${label}: ${md.slice(0, 200)}`,
    ).toEqual([]);
  }
}

describe("hostile text through the render paths", () => {
  it("Markdown: text that opens a block, a link, HTML or a strike-through stays plain text in every block kind", () => {
    const pieces = [
      "~~~ fence",
      "```js",
      "    indented code",
      "\t\tcode",
      "1. item",
      "2) item",
      "- item",
      "+ item",
      "---",
      "***",
      "===",
      "> quote",
      "# heading",
      "  - nested",
      "~~strike~~",
      "http://evil.example/x",
      "see https://evil.example/x now",
      "www.evil.example",
      "<b>bold</b> &amp;",
      "[x](javascript:alert(1))",
      "a\u2028b\u2029c\u0085d",
      "a\u000bb\u000cc",
    ];
    for (const p of pieces)
      expectBlocksKeepShape(
        [
          para(p),
          bullets([p, `x ${p}`]),
          heading(2, p),
          heading(1, `Design: ${p}`),
          table(["h", "k"], [[p, p]]),
          code("text", `${p}\n~~~~\n\`\`\`\`\n${p}`),
        ],
        JSON.stringify(p),
      );
  });

  it("design and script documents of every accepted hostile prompt keep their Markdown shape and print no control characters", () => {
    for (const { label, text } of HOSTILE) {
      const r = deriveDesign(text);
      if (!r.ok) continue;
      for (const [what, blocks] of [
        ["design", designBlocks(r.design)],
        ["script", scriptBlocks(writeScript(r.design, { short: true }))],
      ] as const) {
        expectBlocksKeepShape(blocks, `${label} ${what}`);
        expect(toTerminal(blocks, { color: false, width: 80 }), `${label} ${what}`).not.toMatch(CONTROL_CHARS);
      }
    }
  });
});

/** Text that mixes prompt words, hostile fragments and arbitrary Unicode. */
const promptText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 300 }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(
          "design",
          "a",
          "distributed",
          "queue",
          "lock",
          "rate limiter",
          "exactly-once",
          "10k rps",
          "3 regions",
          "with",
          "that",
          ",",
          "<script>",
          '"]; click',
          "%%{init}%%",
          "\u202e",
          "\ud800",
          "\u0000",
          "🚀",
        ),
        fc.constantFrom(...Object.getOwnPropertyNames(Object.prototype)),
        fc.string({ maxLength: 12 }),
      ),
      { maxLength: 40 },
    )
    .map((ws) => ws.join(" ")),
);

const overrideText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc
    .tuple(
      fc.constantFrom(
        ...OVERRIDE_KEYS.map((k) => k.replace(/<[^>]+>/, "")),
        ...Object.getOwnPropertyNames(Object.prototype),
      ),
      fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.constantFrom(...Object.getOwnPropertyNames(Object.prototype)),
        fc.constantFrom("I02", "i5", "off", "true", "false", "-1", "3", "1e9", "exactly-once", "eventual", "per-key"),
      ),
      fc.constantFrom("", "I02", "leases", "exclusivity-matters", "constructor", "__proto__"),
    )
    .map(([k, v, suffix]) => `${k.endsWith(".") ? `${k}${suffix}` : k}=${v}`),
);

describe("property: every parser a user reaches", () => {
  it("prompt: checkPrompt and deriveDesign never throw, and answer the same twice", () => {
    fc.assert(
      fc.property(promptText, (p) => {
        const c = checkPrompt(p);
        if (!c.ok) expect(c.error.length).toBeGreaterThan(10);
        const a = deriveDesign(p);
        const b = deriveDesign(p);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        if (!a.ok) expect(a.error.length).toBeGreaterThan(10);
      }),
      { numRuns: 300 },
    );
  });

  it("--set overrides: parseOverrides never throws, answers the same twice, and refuses with a message", () => {
    fc.assert(
      fc.property(fc.array(overrideText, { maxLength: 5 }), (list) => {
        const a = parseOverrides(list);
        const b = parseOverrides(list);
        expect(a.ok).toBe(b.ok);
        if (!a.ok && !b.ok) {
          expect(b.error).toBe(a.error);
          expect(a.error.length).toBeGreaterThan(10);
        }
        const d1 = deriveDesign("Design a distributed lock service with fencing tokens", list);
        const d2 = deriveDesign("Design a distributed lock service with fencing tokens", list);
        expect(JSON.stringify(d2)).toBe(JSON.stringify(d1));
      }),
      { numRuns: 300 },
    );
  });

  it("import bodies: any JSON value is imported or clearly refused, never a server error", async () => {
    const { send } = api();
    const fileLike = fc.record(
      {
        format: fc.oneof(fc.constant("mechsd-session"), fc.string()),
        version: fc.oneof(fc.constant(1), fc.integer(), fc.string()),
        name: fc.oneof(promptText, fc.integer()),
        prompt: fc.oneof(promptText, fc.constant(null)),
        overrides: fc.oneof(fc.array(overrideText, { maxLength: 4 }), fc.string()),
        design: fc.jsonValue({ maxDepth: 2 }),
        constructor: fc.jsonValue({ maxDepth: 1 }),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fileLike, fc.jsonValue({ maxDepth: 3 })), async (body) => {
        const r = await send("POST", "/api/import", body);
        if (r.status !== 201) expectClearRefusal(r, JSON.stringify(body).slice(0, 200));
      }),
      { numRuns: 200 },
    );
  });

  it("API bodies: design, create and update answer or clearly refuse any JSON", async () => {
    const { send } = api();
    const created = JSON.parse((await send("POST", "/api/sessions", { prompt: "Design a queue" })).text) as {
      id: string;
    };
    const body = fc.oneof(
      fc.record(
        {
          prompt: fc.oneof(promptText, fc.jsonValue({ maxDepth: 1 })),
          name: fc.oneof(promptText, fc.jsonValue({ maxDepth: 1 })),
          overrides: fc.oneof(fc.array(overrideText, { maxLength: 4 }), fc.jsonValue({ maxDepth: 1 })),
          __proto__: fc.jsonValue({ maxDepth: 1 }),
        },
        { requiredKeys: [] },
      ),
      fc.jsonValue({ maxDepth: 3 }),
      fc.string().map((s) => ({ raw: s })),
    );
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom("design", "create", "update"), async (b, route) => {
        const r =
          route === "design"
            ? await send("POST", "/api/design", b)
            : route === "create"
              ? await send("POST", "/api/sessions", b)
              : await send("PUT", `/api/sessions/${created.id}`, b);
        if (r.status >= 300) expectClearRefusal(r, `${route} ${JSON.stringify(b).slice(0, 200)}`);
      }),
      { numRuns: 300 },
    );
  });

  it("raw bytes: a body that is not JSON is refused with 400, never a server error", async () => {
    const { send } = api();
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 200 }), async (raw) => {
        let isJson = true;
        try {
          JSON.parse(raw);
        } catch {
          isJson = false;
        }
        const r = await send("POST", "/api/design", raw);
        if (!isJson) expect(r.status).toBe(400);
        if (r.status !== 200) expectClearRefusal(r, JSON.stringify(raw));
      }),
      { numRuns: 200 },
    );
  });
});

describe("long-running process", () => {
  it("keeps the stem cache bounded while stems stay right", () => {
    const before = stemWord("queued");
    for (let i = 0; i < STEM_CACHE_MAX + 5000; i++) stemWord(`w${i.toString(36)}ing`);
    expect(stemCacheSize()).toBeLessThanOrEqual(STEM_CACHE_MAX);
    expect(stemWord("queued")).toBe(before);
    expect(stemWord("queuing")).toBe(before);
  });

  it("keeps the cache of a prompt's written pieces bounded while tokens stay right", () => {
    const before = tokenize("queued re-tries").map((t) => t.stem);
    for (let i = 0; i < STEM_CACHE_MAX + 5000; i += 500)
      tokenize(Array.from({ length: 500 }, (_, k) => `x${(i + k).toString(36)}-ing`).join(" "));
    expect(pieceCacheSize()).toBeLessThanOrEqual(STEM_CACHE_MAX);
    expect(tokenize("queued re-tries").map((t) => t.stem)).toEqual(before);
  });

  it("keeps the words looked up as misspelt product names bounded while names stay found", () => {
    for (let i = 0; i < STEM_CACHE_MAX + 5000; i += 500)
      recognizeProduct(Array.from({ length: 500 }, (_, k) => `t${(i + k).toString(36)}x`).join(" "));
    expect(misspeltCacheSize()).toBeLessThanOrEqual(STEM_CACHE_MAX);
    expect(recognizeProduct("Design Instagrm").products.map((p) => p.name)).toEqual(["Instagram"]);
  });
});
