import { createServer, type RequestListener, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/server/app.js";
import { answerCache } from "../src/server/design-cache.js";
import { warmDesign } from "../src/server/warm-design.js";
import { openDb } from "../src/store/db.js";
import { SessionStore } from "../src/store/sessions.js";

/**
 * The warm path (warm-design.ts) against the web layer alone: two servers on the same kind of app, one with the
 * warm path in front, asked the same requests. Every answer must be the same (status, headers but the date, body),
 * and a repeated design request must be answered without the web layer.
 */
interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function start(warm: boolean): Promise<{ server: Server; port: number; passedOn: () => number }> {
  const store = new SessionStore(openDb(":memory:"), () => "2026-01-01T00:00:00Z");
  const reach = { names: new Set(["127.0.0.1"]) as ReadonlySet<string>, port: -1 };
  const answers = answerCache();
  const app = createApp({ store, files: new Map(), reach, answers });
  const web = getRequestListener(app.fetch);
  let passed = 0;
  const counted: RequestListener = (req, res) => {
    passed++;
    return web(req, res);
  };
  const listener = warm ? warmDesign(counted, answers, reach, { enter() {}, leave() {} }) : counted;
  const server = createServer(listener);
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      reach.port = (server.address() as AddressInfo).port;
      resolve({ server, port: reach.port, passedOn: () => passed });
    }),
  );
}

function ask(port: number, body: string, headers: Record<string, string>, path = "/api/design"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path,
        method: "POST",
        headers: {
          host: `127.0.0.1:${port}`,
          "content-length": String(Buffer.byteLength(body)),
          ...Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.replace("PORT", String(port))])),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const { date: _date, ...rest } = res.headers;
          resolve({ status: res.statusCode ?? 0, headers: rest, body: Buffer.concat(chunks).toString("utf8") });
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const JSON_TYPE = { "content-type": "application/json" };
const PROMPT = "Design a rate limiter for a public API with per-key quotas";

let warm: Awaited<ReturnType<typeof start>>;
let plain: Awaited<ReturnType<typeof start>>;
beforeAll(async () => {
  [warm, plain] = await Promise.all([start(true), start(false)]);
});
afterAll(() => {
  warm.server.close();
  plain.server.close();
});

/**
 * The same request to both servers ("PORT" in a header stands for each one's port): the answers must be equal; the
 * warm server's answer is returned.
 */
async function both(body: string, headers: Record<string, string>, path?: string): Promise<Answer> {
  const fix = (a: Answer, port: number) => JSON.parse(JSON.stringify(a).replaceAll(String(port), "PORT")) as Answer;
  const w = await ask(warm.port, body, headers, path);
  const p = await ask(plain.port, body, headers, path);
  expect(fix(w, warm.port)).toEqual(fix(p, plain.port));
  return w;
}

describe("repeated design requests answered before the web layer", () => {
  it("answers a repeat with the web layer's bytes and headers, without the web layer", async () => {
    const body = JSON.stringify({ prompt: PROMPT });
    const first = await both(body, JSON_TYPE);
    expect(first.status).toBe(200);
    const before = warm.passedOn();
    const again = await both(body, { ...JSON_TYPE, origin: "http://127.0.0.1:PORT" });
    expect(again).toEqual(first);
    // the same request written another way (spaces, key order) reads the same body: still kept
    const spaced = await both(`{ "overrides": [] ,  "prompt": ${JSON.stringify(PROMPT)} }`, {
      "content-type": "application/json; charset=utf-8",
    });
    expect(spaced).toEqual(first);
    expect(warm.passedOn()).toBe(before);
  });

  it("keeps overrides apart and leaves first answers to the web layer", async () => {
    const body = JSON.stringify({ prompt: PROMPT, overrides: ["regions=3"] });
    const before = warm.passedOn();
    const first = await both(body, JSON_TYPE);
    expect(warm.passedOn()).toBe(before + 1);
    expect((await both(body, JSON_TYPE)).body).toBe(first.body);
    expect(warm.passedOn()).toBe(before + 1);
  });

  it("leaves every refusal to the web layer, with the same answer", async () => {
    const body = JSON.stringify({ prompt: PROMPT });
    await both(body, JSON_TYPE); // kept from here on
    const before = warm.passedOn();
    const refused: [string, Record<string, string>, number][] = [
      [body, { ...JSON_TYPE, host: "evil.example:80" }, 403],
      [body, { ...JSON_TYPE, origin: "http://evil.example" }, 403],
      [body, { ...JSON_TYPE, "sec-fetch-site": "cross-site" }, 403],
      [body, { "content-type": "text/plain" }, 415],
      [`${body.slice(0, -1)}`, JSON_TYPE, 400],
      [JSON.stringify({ prompt: PROMPT, extra: 1 }), JSON_TYPE, 400],
      [JSON.stringify({ prompt: "\ud800" }), JSON_TYPE, 400],
    ];
    for (const [b, h, status] of refused) expect((await both(b, h)).status).toBe(status);
    expect(warm.passedOn()).toBe(before + refused.length);
    // another path is the web layer's
    expect((await both(body, JSON_TYPE, "/api/design?x=1")).status).toBe(200);
  });
});
