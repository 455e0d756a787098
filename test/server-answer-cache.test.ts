import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { deriveDesign } from "../src/lib/index.js";
import { createApp } from "../src/server/app.js";
import { answerCache } from "../src/server/design-cache.js";
import { acceptsGzip } from "../src/server/edge.js";
import type { StaticFiles } from "../src/server/static.js";
import { openDb } from "../src/store/db.js";
import { SessionStore } from "../src/store/sessions.js";

const PORT = 4481;
const bytes = (s: string) => new TextEncoder().encode(s);
const FILES: StaticFiles = new Map();

function setup() {
  const store = new SessionStore(openDb(":memory:"), () => "2026-01-01T00:00:00Z");
  const app = createApp({ store, files: FILES, reach: { names: new Set(["127.0.0.1"]), port: PORT } });
  const post = (body: unknown, host = `127.0.0.1:${PORT}`, more: Record<string, string> = {}) =>
    app.request(`http://127.0.0.1:${PORT}/api/design`, {
      method: "POST",
      headers: { host, "content-type": "application/json", ...more },
      body: JSON.stringify(body),
    });
  return { post };
}

describe("answer cache", () => {
  it("keeps the most recently used answers within its count", () => {
    const c = answerCache(2, 1 << 20);
    const [one, two, three] = [bytes("1"), bytes("2"), bytes("3")];
    c.set("a", [], one);
    c.set("b", [], two);
    expect(c.get("a", [])).toBe(one); // a is now the most recent
    c.set("c", [], three);
    expect(c.get("b", [])).toBeUndefined();
    expect(c.get("a", [])).toBe(one);
    expect(c.get("c", [])).toBe(three);
    expect(c.size).toBe(2);
  });

  it("keeps within its byte budget and never keeps an answer larger than the budget", () => {
    const c = answerCache(100, 200);
    c.set("a", [], bytes("x".repeat(80))); // 2 * 8 (the key ["a",[]]) + 80 = 96 bytes
    c.set("b", [], bytes("y".repeat(80)));
    expect(c.bytes).toBe(192);
    c.set("c", [], bytes("z".repeat(80)));
    expect(c.get("a", [])).toBeUndefined();
    expect(c.bytes).toBeLessThanOrEqual(200);
    c.set("d", [], bytes("w".repeat(500)));
    expect(c.get("d", [])).toBeUndefined();
    expect(c.bytes).toBeLessThanOrEqual(200);
  });

  it("tells overrides apart from the prompt's own words", () => {
    const c = answerCache();
    const one = bytes("one");
    c.set("p", ["a=1"], one);
    expect(c.get("p", [])).toBeUndefined();
    expect(c.get("p", ["a=1"])).toBe(one);
    expect(c.get('p","a=1', [])).toBeUndefined();
  });

  it("answers a repeated design request with the same bytes the first answer had", async () => {
    const { post } = setup();
    const body = { prompt: "Design a distributed lock service", overrides: ["regions=3"] };
    const first = await post(body);
    const again = await post(body);
    expect(first.status).toBe(200);
    expect(again.headers.get("content-type")).toMatch(/^application\/json/);
    const text = await first.text();
    expect(await again.text()).toBe(text);
    const lib = deriveDesign(body.prompt, body.overrides);
    expect(lib.ok && JSON.stringify(lib.design)).toBe(text);
    const other = await (await post({ prompt: body.prompt })).text();
    expect(other).not.toBe(text);
  });

  it("still refuses a cached request from a name it does not serve, and never keeps a refusal", async () => {
    const { post } = setup();
    await post({ prompt: "Design a distributed message queue" });
    const evil = await post({ prompt: "Design a distributed message queue" }, "evil.example");
    expect(evil.status).toBe(403);
    expect((await post({ prompt: "Design a queue", overrides: ["speed=fast"] })).status).toBe(400);
    expect((await post({ prompt: "Design a queue", overrides: ["speed=fast"] })).status).toBe(400);
  });

  it("sends a repeated answer gzipped to a client that takes gzip, and the same JSON plainly to one that does not", async () => {
    const { post } = setup();
    const body = { prompt: "Design a distributed lock service" };
    const gzip = { "accept-encoding": "gzip, deflate, br" };
    const first = await post(body, undefined, gzip);
    expect(first.headers.get("content-encoding")).toBeNull();
    expect(first.headers.get("vary")).toBe("Accept-Encoding");
    const text = await first.text();
    for (let i = 0; i < 2; i++) {
      const again = await post(body, undefined, gzip);
      expect(again.headers.get("content-encoding")).toBe("gzip");
      expect(again.headers.get("vary")).toBe("Accept-Encoding");
      const packed = Buffer.from(await again.arrayBuffer());
      expect(packed.length).toBeLessThan(text.length / 3);
      expect(gunzipSync(packed).toString("utf8")).toBe(text);
    }
    const others: Record<string, string>[] = [
      {},
      { "accept-encoding": "gzip;q=0, *" },
      { "accept-encoding": "identity" },
    ];
    for (const more of others) {
      const plain = await post(body, undefined, more);
      expect(plain.headers.get("content-encoding")).toBeNull();
      expect(await plain.text()).toBe(text);
    }
  });

  it("keeps an answer's gzip within its byte budget", () => {
    const json = bytes(JSON.stringify({ text: "lease ".repeat(200) }));
    const c = answerCache(10, 2 * 8 + json.byteLength + 200);
    c.set("a", [], json);
    const before = c.bytes;
    const gzip = c.getGzip("a", []);
    expect(gzip && gunzipSync(gzip).toString("utf8")).toBe(new TextDecoder().decode(json));
    expect(c.bytes).toBe(before + (gzip?.byteLength ?? 0));
    expect(c.getGzip("a", [])).toBe(gzip); // compressed once
    c.set("b", [], bytes("x".repeat(150))); // no room beside a and its gzip: a goes
    expect(c.get("a", [])).toBeUndefined();
    expect(c.bytes).toBeLessThanOrEqual(2 * 8 + json.byteLength + 200);
    expect(c.getGzip("missing", [])).toBeUndefined();
    const tight = answerCache(10, 2 * 8 + json.byteLength);
    tight.set("a", [], json);
    expect(tight.getGzip("a", [])).toBeDefined(); // sent, but not kept: it does not fit
    expect(tight.bytes).toBe(2 * 8 + json.byteLength);
  });

  it("reads Accept-Encoding's weights", () => {
    const takes = [
      "gzip",
      "GZIP",
      "deflate, gzip;q=0.5",
      "br;q=1, gzip",
      "*",
      "x-gzip",
      "gzip ; q=1.0",
      "identity, *;q=0.1",
    ];
    const refuses = [
      undefined,
      "",
      "identity",
      "br, deflate",
      "gzip;q=0",
      "gzip; q=0.000",
      "*;q=0",
      "gzip;q=0, *",
      "*, gzip;q=0",
    ];
    for (const h of takes) expect(acceptsGzip(h), String(h)).toBe(true);
    for (const h of refuses) expect(acceptsGzip(h), String(h)).toBe(false);
  });
});
