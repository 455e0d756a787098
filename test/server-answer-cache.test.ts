import { describe, expect, it } from "vitest";
import { deriveDesign } from "../src/lib/index.js";
import { createApp } from "../src/server/app.js";
import { answerCache } from "../src/server/design-cache.js";
import type { StaticFiles } from "../src/server/static.js";
import { openDb } from "../src/store/db.js";
import { SessionStore } from "../src/store/sessions.js";

const PORT = 4481;
const bytes = (s: string) => new TextEncoder().encode(s);
const FILES: StaticFiles = new Map();

function setup() {
  const store = new SessionStore(openDb(":memory:"), () => "2026-01-01T00:00:00Z");
  const app = createApp({ store, files: FILES, reach: { names: new Set(["127.0.0.1"]), port: PORT } });
  const post = (body: unknown, host = `127.0.0.1:${PORT}`) =>
    app.request(`http://127.0.0.1:${PORT}/api/design`, {
      method: "POST",
      headers: { host, "content-type": "application/json" },
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

  it("answers a design, first and kept, with the security headers every other response has", async () => {
    const { post } = setup();
    const refusal = await post({ prompt: "" }); // answered through the usual path: headers set on the finished response
    expect(refusal.status).toBe(400);
    const secure = [...refusal.headers].filter(([k]) => k !== "content-type" && k !== "content-length");
    expect(secure.map(([k]) => k)).toContain("content-security-policy");
    for (const r of [await post({ prompt: "Design a job board" }), await post({ prompt: "Design a job board" })]) {
      expect(r.status).toBe(200);
      const got = [...r.headers];
      for (const h of secure) expect(got).toContainEqual(h);
      expect(r.headers.get("content-type")).toBe("application/json");
      expect(r.headers.get("x-powered-by")).toBeNull();
    }
  });

  it("still refuses a cached request from a name it does not serve, and never keeps a refusal", async () => {
    const { post } = setup();
    await post({ prompt: "Design a distributed message queue" });
    const evil = await post({ prompt: "Design a distributed message queue" }, "evil.example");
    expect(evil.status).toBe(403);
    expect((await post({ prompt: "Design a queue", overrides: ["speed=fast"] })).status).toBe(400);
    expect((await post({ prompt: "Design a queue", overrides: ["speed=fast"] })).status).toBe(400);
  });
});
