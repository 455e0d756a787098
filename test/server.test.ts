import { networkInterfaces } from "node:os";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { design } from "../src/lib/index.js";
import { withScript } from "../src/render/script/index.js";
import { createApp, MAX_BODY_BYTES } from "../src/server/app.js";
import { hostAllowed, planHosts, urlFor } from "../src/server/hosts.js";
import type { StaticFiles } from "../src/server/static.js";
import { checkStore, openDb, StoreError } from "../src/store/db.js";
import { SessionStore } from "../src/store/sessions.js";

const PORT = 4477;
const FILES: StaticFiles = new Map([
  ["/index.html", { path: "/index.html", body: Buffer.from("<!doctype html><title>t</title>"), type: "text/html" }],
]);

function setup(names: readonly string[] = ["127.0.0.1", "localhost"]) {
  let t = 0;
  const db = openDb(":memory:");
  const store = new SessionStore(
    db,
    () => `2026-01-01T00:${String(Math.floor(t / 60)).padStart(2, "0")}:${String(t++ % 60).padStart(2, "0")}Z`,
  );
  const app = createApp({ store, files: FILES, reach: { names: new Set(names), port: PORT } });
  const call = (path: string, init: RequestInit & { host?: string } = {}) => {
    const headers = new Headers(init.headers);
    if (!headers.has("host")) headers.set("host", init.host ?? `127.0.0.1:${PORT}`);
    return app.request(`http://127.0.0.1:${PORT}${path}`, { ...init, headers });
  };
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    call(path, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  return { db, store, app, call, post };
}

const errorOf = async (r: Response) => {
  expect(r.headers.get("content-type")).toMatch(/application\/json/);
  return ((await r.json()) as { error: string }).error;
};

describe("host names", () => {
  it("brackets IPv6 in printed URLs and in Host matching", () => {
    expect(urlFor("::1", 4477)).toBe("http://[::1]:4477/");
    const plan = planHosts("::1");
    expect(plan.primary).toBe("[::1]");
    expect(hostAllowed("[::1]:4477", plan.names, 4477)).toBe(true);
    expect(hostAllowed("[::1]:4478", plan.names, 4477)).toBe(false);
    expect(hostAllowed("::1:4477", plan.names, 4477)).toBe(false);
  });

  it("answers a wildcard bind at every interface address, localhost and --allowed-host names", () => {
    const plan = planHosts("0.0.0.0", ["Workbench.Example"]);
    const v4 = Object.values(networkInterfaces())
      .flatMap((l) => l ?? [])
      .filter((a) => a.family === "IPv4")
      .map((a) => a.address);
    expect(v4.length).toBeGreaterThan(0);
    for (const a of v4) expect(hostAllowed(`${a}:80`, plan.names, 80)).toBe(true);
    expect(hostAllowed("localhost:80", plan.names, 80)).toBe(true);
    expect(hostAllowed("workbench.example:80", plan.names, 80)).toBe(true);
    expect(hostAllowed("workbench.example", plan.names, 80)).toBe(true);
    expect(hostAllowed("0.0.0.0:80", plan.names, 80)).toBe(false);
    expect(hostAllowed("evil.example:80", plan.names, 80)).toBe(false);
    expect(plan.primary).toBe("127.0.0.1");
  });
});

describe("HTTP edge", () => {
  it("refuses foreign Host headers and wrong ports with JSON 403 and security headers", async () => {
    const { call } = setup();
    for (const host of ["evil.example", `evil.example:${PORT}`, "127.0.0.1:1", ""]) {
      const r = await call("/api/meta", { host });
      expect(r.status).toBe(403);
      expect(await errorOf(r)).toMatch(/not served here/);
      expect(r.headers.get("content-security-policy")).toContain("default-src 'self'");
    }
    expect((await call("/api/meta", { host: `localhost:${PORT}` })).status).toBe(200);
  });

  it("checks every request's Host and Origin, whatever the requests before it allowed, and again when the port moves", async () => {
    const reach = { names: new Set(["127.0.0.1", "localhost"]), port: PORT };
    const store = new SessionStore(openDb(":memory:"));
    const app = createApp({ store, files: FILES, reach });
    const get = (host: string) => app.request(`http://${host}/api/meta`, { headers: { host } });
    const post = (origin: string) =>
      app.request(`http://127.0.0.1:${PORT}/api/sessions`, {
        method: "POST",
        headers: { host: `127.0.0.1:${PORT}`, origin, "content-type": "application/json" },
        body: JSON.stringify({ prompt: "Design a queue" }),
      });
    for (let round = 0; round < 2; round++) {
      expect((await get(`localhost:${PORT}`)).status).toBe(200);
      expect((await get(`evil.example:${PORT}`)).status).toBe(403);
      expect((await get(`evil.example:${PORT}`)).status).toBe(403);
      expect((await get(`localhost:${PORT}`)).status).toBe(200);
      expect((await post(`http://127.0.0.1:${PORT}`)).status).toBe(201);
      expect((await post("http://evil.example")).status).toBe(403);
      expect((await post("http://evil.example")).status).toBe(403);
      expect((await post(`http://127.0.0.1:${PORT}`)).status).toBe(201);
    }
    reach.port = PORT + 1;
    expect((await get(`localhost:${PORT}`)).status).toBe(403);
    expect((await post(`http://127.0.0.1:${PORT}`)).status).toBe(403);
    expect((await get(`localhost:${PORT + 1}`)).status).toBe(200);
  });

  it("keeps the CSP and framing headers on the UI and the API", async () => {
    const { call } = setup();
    for (const path of ["/", "/s/some-session", "/api/meta"]) {
      const r = await call(path);
      expect(r.status).toBe(200);
      expect(r.headers.get("content-security-policy")).toBe(
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
      );
      expect(r.headers.get("x-frame-options")).toBe("DENY");
      expect(r.headers.get("x-content-type-options")).toBe("nosniff");
      expect(r.headers.get("referrer-policy")).toBe("no-referrer");
    }
  });

  it("refuses state changes from another origin or site, whatever the content type", async () => {
    const { post, call } = setup();
    const body = { prompt: "Design a queue" };
    expect((await post("/api/sessions", body, { origin: "http://evil.example" })).status).toBe(403);
    expect((await post("/api/sessions", body, { origin: `http://127.0.0.1:${PORT + 1}` })).status).toBe(403);
    expect((await post("/api/sessions", body, { origin: "null" })).status).toBe(403);
    expect((await post("/api/sessions", body, { "sec-fetch-site": "cross-site" })).status).toBe(403);
    const del = await call("/api/sessions/x", { method: "DELETE", headers: { origin: "http://evil.example" } });
    expect(del.status).toBe(403);
    expect(await errorOf(del)).toMatch(/cross-origin/);
    expect((await post("/api/sessions", body, { origin: `http://127.0.0.1:${PORT}` })).status).toBe(201);
    expect((await post("/api/sessions", body, { "sec-fetch-site": "same-origin" })).status).toBe(201);
  });

  it("answers 415 to a body without a JSON content type and stores nothing", async () => {
    const { call, store } = setup();
    for (const type of [undefined, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]) {
      const r = await call("/api/sessions", {
        method: "POST",
        headers: type ? { "content-type": type } : {},
        body: JSON.stringify({ prompt: "Design a queue" }),
      });
      expect(r.status).toBe(415);
      expect(await errorOf(r)).toMatch(/Content-Type: application\/json/);
    }
    const ok = await call("/api/design", {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify({ prompt: "Design a queue" }),
    });
    expect(ok.status).toBe(200);
    expect(store.list()).toHaveLength(0);
  });

  it("limits bodies to 512 KB with a JSON 413", async () => {
    const { post } = setup();
    const big = JSON.stringify({ prompt: "x".repeat(MAX_BODY_BYTES) });
    const r = await post("/api/design", big, { "content-length": String(Buffer.byteLength(big)) });
    expect(r.status).toBe(413);
    expect(await errorOf(r)).toMatch(/larger than 524288 bytes/);
  });

  it("limits a body that states no length as it arrives, and answers one under the limit", async () => {
    const { call } = setup();
    const streamed = (text: string) =>
      call("/api/design", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: new ReadableStream({
          start(c) {
            const bytes = new TextEncoder().encode(text);
            for (let i = 0; i < bytes.length; i += 65536) c.enqueue(bytes.subarray(i, i + 65536));
            c.close();
          },
        }),
        duplex: "half",
      } as RequestInit);
    const big = await streamed(JSON.stringify({ prompt: "x".repeat(MAX_BODY_BYTES) }));
    expect(big.status).toBe(413);
    expect(await errorOf(big)).toMatch(/larger than 524288 bytes/);
    const small = await streamed(JSON.stringify({ prompt: "Design a queue" }));
    expect(small.status).toBe(200);
  });

  it("answers unknown routes and malformed JSON with JSON errors", async () => {
    const { call, post } = setup();
    const r = await call("/api/nope");
    expect(r.status).toBe(404);
    expect(await errorOf(r)).toMatch(/no API route GET \/api\/nope/);
    const bad = await post("/api/design", "{nope");
    expect(bad.status).toBe(400);
    expect(await errorOf(bad)).toMatch(/not valid JSON/);
  });
});

describe("input the API refuses", () => {
  it("refuses a lone surrogate in a prompt, a name or an override, so export never meets U+FFFD", async () => {
    const { post, store } = setup();
    for (const body of [
      { prompt: "Design a queue \ud800" },
      { prompt: "Design a \udc00 queue" },
      { prompt: "Design a queue", name: "x\ud83d" },
      { prompt: "Design a queue", overrides: ["delivery=\udfff"] },
    ]) {
      const r = await post("/api/sessions", body);
      expect(r.status).toBe(400);
      expect(await errorOf(r)).toMatch(/unpaired UTF-16 surrogate/);
    }
    const design = await post("/api/design", { prompt: "Design a queue \ud800" });
    expect(design.status).toBe(400);
    // A well-formed pair (an emoji) is text like any other.
    expect((await post("/api/sessions", { prompt: "Design a queue 🚀", name: "rocket 🚀" })).status).toBe(201);
    expect(store.list()).toHaveLength(1);
  });

  it("refuses control characters in session names", async () => {
    const { post, call, store } = setup();
    for (const name of ["a\u0000b", "line\nbreak", "tab\there", "bell\u0007", "del\u007f", "c1\u009b"]) {
      const r = await post("/api/sessions", { prompt: "Design a queue", name });
      expect(r.status).toBe(400);
      expect(await errorOf(r)).toMatch(/name: .*control characters/);
    }
    const s = (await (await post("/api/sessions", { prompt: "Design a queue", name: "ok" })).json()) as { id: string };
    const put = await call(`/api/sessions/${s.id}`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "bad\r\nname" }),
    });
    expect(put.status).toBe(400);
    expect(store.get(s.id)?.name).toBe("ok");
    expect((await post("/api/sessions", { prompt: "Design a queue", name: "שירות תורים" })).status).toBe(201);
  });

  it("refuses unknown fields in an imported file, naming them", async () => {
    const { post, store } = setup();
    const file = { format: "mechsd-session", version: 1, name: "x", prompt: "Design a queue", overrides: [] };
    const r = await post("/api/import", { ...file, owner: "admin" });
    expect(r.status).toBe(400);
    expect(await errorOf(r)).toMatch(/not a mechsd session file: .*owner/);
    expect(store.list()).toHaveLength(0);
    expect((await post("/api/import", file)).status).toBe(201);
    const bad = await post("/api/import", { ...file, name: "x\u0001" });
    expect(bad.status).toBe(400);
  });

  it("checks an imported file's design against the Design schema", async () => {
    const { post, store } = setup();
    const file = { format: "mechsd-session", version: 1, name: "x", prompt: "Design a queue", overrides: [] };
    const good = withScript(design(file.prompt));
    expect((await post("/api/import", { ...file, design: good })).status).toBe(201);
    const r = await post("/api/import", { ...file, design: { ...good, mechanisms: "none" } });
    expect(r.status).toBe(400);
    expect(await errorOf(r)).toMatch(/not a mechsd session file: .*mechanisms/);
    expect(store.list()).toHaveLength(1);
  });
});

describe("session list pages", () => {
  it("pages newest first with a cursor, without repeats or gaps, and searches name and prompt", async () => {
    const { post, call, store } = setup();
    for (let i = 0; i < 120; i++) {
      const r = await post("/api/sessions", {
        name: `s${i}`,
        prompt: `Design a ${i % 3 === 0 ? "queue" : "lock"} ${i}`,
      });
      expect(r.status).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | null = "";
    let pages = 0;
    while (cursor !== null) {
      const r = await call(`/api/sessions?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(r.status).toBe(200);
      const page = (await r.json()) as { sessions: { id: string }[]; nextCursor: string | null };
      seen.push(...page.sessions.map((s) => s.id));
      cursor = page.nextCursor;
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(store.list().map((s) => s.id));
    const first = (await (await call("/api/sessions")).json()) as { sessions: unknown[] };
    expect(first.sessions).toHaveLength(50);

    const found = (await (await call("/api/sessions?q=QUEUE&limit=200")).json()) as {
      sessions: { prompt: string }[];
      nextCursor: string | null;
    };
    expect(found.sessions).toHaveLength(40);
    expect(found.nextCursor).toBeNull();
    for (const s of found.sessions) expect(s.prompt).toMatch(/queue/);
    const byName = (await (await call("/api/sessions?q=s11")).json()) as { sessions: { name: string }[] };
    expect(byName.sessions.map((s) => s.name).sort()).toEqual([
      "s11",
      "s110",
      "s111",
      "s112",
      "s113",
      "s114",
      "s115",
      "s116",
      "s117",
      "s118",
      "s119",
    ]);
    const literal = (await (await call("/api/sessions?q=%25")).json()) as { sessions: unknown[] };
    expect(literal.sessions).toHaveLength(0);
  });

  it("refuses a malformed cursor, limit or query with 400", async () => {
    const { call } = setup();
    for (const q of ["cursor=nope", "cursor=WzEsMl0", "limit=0", "limit=201", "limit=abc", "limit=1.5", "extra=1"]) {
      const r = await call(`/api/sessions?${q}`);
      expect(r.status, q).toBe(400);
      await errorOf(r);
    }
  });
});

describe("store failures", () => {
  it("answers a store error at request time with JSON naming the cause", async () => {
    const { db, post, call } = setup();
    db.pragma("query_only = ON"); // every write now fails inside SQLite, as on a file made read-only later
    const r = await post("/api/sessions", { prompt: "Design a queue" });
    expect(r.status).toBe(500);
    expect(await errorOf(r)).toMatch(/the session store failed \(SQLITE_READONLY\)/);
    db.close(); // anything else that breaks under a request still answers JSON
    const list = await call("/api/sessions");
    expect(list.status).toBe(500);
    expect(await errorOf(list)).toMatch(/internal error/);
  });

  it("refuses a store it cannot write to", () => {
    const db = new Database(":memory:", { readonly: false });
    db.exec(
      "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
    );
    db.pragma("query_only = ON");
    expect(() => checkStore(db, "mem")).toThrow(StoreError);
    expect(() => checkStore(db, "mem")).toThrow(/cannot write to mem/);
    db.close();
  });
});
