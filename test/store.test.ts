import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrate, openDb, schemaVersion } from "../src/store/db.js";
import { MIGRATIONS } from "../src/store/migrations.js";
import { SessionStore } from "../src/store/sessions.js";

const tmp = () => join(mkdtempSync(join(tmpdir(), "mechsd-store-")), "s.sqlite");

describe("session store", () => {
  it("creates, migrates once, and keeps WAL mode", () => {
    const file = tmp();
    const db = openDb(file);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(migrate(db)).toBe(0);
    db.close();
  });

  it("lists, renames, duplicates and deletes sessions", () => {
    let t = 0;
    const store = new SessionStore(openDb(tmp()), () => `2026-01-01T00:00:${String(t++).padStart(2, "0")}Z`);
    const a = store.create({ name: "A", prompt: "Design a queue", overrides: [] });
    const b = store.create({ name: "B", prompt: "Design a lock", overrides: ["delivery=exactly-once"] });
    expect(store.list().map((s) => s.name)).toEqual(["B", "A"]);
    store.update(a.id, { name: "A2" });
    expect(store.get(a.id)?.name).toBe("A2");
    const c = store.duplicate(b.id);
    expect(c?.overrides).toEqual(["delivery=exactly-once"]);
    expect(store.remove(b.id)).toBe(true);
    expect(store.remove(b.id)).toBe(false);
    expect(store.list()).toHaveLength(2);
  });

  it("keeps every saved session readable when the server is killed mid-save", async () => {
    const file = tmp();
    const bin = fileURLToPath(new URL("../bin/mechsd", import.meta.url));
    const child = spawn(process.execPath, [bin, "serve", "--port", "0", "--db", file], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        const m = /http:\/\/[^\s]+/.exec(out);
        if (m) resolve(m[0]);
      });
      child.on("exit", (code) => reject(new Error(`server exited early (${code})`)));
    });
    const post = (body: unknown) =>
      fetch(`${url}api/sessions`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    const saved: string[] = [];
    for (let i = 0; i < 20; i++) {
      const r = await post({ name: `kept ${i}`, prompt: `Design a queue number ${i}`, overrides: [] });
      expect(r.status).toBe(201);
      saved.push(((await r.json()) as { id: string }).id);
    }
    // Fire a burst of saves and kill the server while they are in flight.
    const burst = Array.from({ length: 200 }, (_, i) =>
      post({ name: `burst ${i}`, prompt: `Design a cache ${i}`, overrides: [] }).catch(() => undefined),
    );
    await new Promise((r) => setTimeout(r, 15));
    child.kill("SIGKILL");
    await Promise.all(burst);
    if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.once("exit", r));
    const db = new Database(file);
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    const ids = new Set((db.prepare("SELECT id FROM sessions").all() as { id: string }[]).map((r) => r.id));
    for (const id of saved) expect(ids.has(id)).toBe(true);
    db.close();
  });
});

/** Posts with node:http so a server that answers before reading the whole body still yields its status. */
function postRaw(base: string, path: string, body: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, base);
    const req = request(
      url,
      {
        method: "POST",
        agent: false,
        headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body), ...headers },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code !== "EPIPE" && e.code !== "ECONNRESET") reject(e);
    });
    req.end(body);
  });
}

describe("workbench API safety", () => {
  it("rejects foreign hosts and origins, bad bodies and oversize bodies", async () => {
    const { startServer } = await import("../src/server/serve.js");
    const web = fileURLToPath(new URL("../dist/web/", import.meta.url));
    const s = await startServer({ port: 0, host: "127.0.0.1", db: tmp(), webDir: web });
    try {
      const u = s.url;
      const evilOrigin = await fetch(`${u}api/sessions`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: "http://evil.example" },
        body: JSON.stringify({ prompt: "Design a queue" }),
      });
      expect(evilOrigin.status).toBe(403);
      const bad = await fetch(`${u}api/design`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: "{nope",
      });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: string }).error).toMatch(/not valid JSON/);
      const empty = await fetch(`${u}api/design`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ prompt: "" }),
      });
      expect(((await empty.json()) as { error: string }).error).toMatch(/empty/);
      expect(await postRaw(u, "/api/design", JSON.stringify({ prompt: "x".repeat(600000) }))).toBe(413);
      expect(
        await postRaw(u, "/api/design", JSON.stringify({ prompt: "Design a queue" }), { Host: "evil.example" }),
      ).toBe(403);
      const trav = await fetch(`${u}..%2f..%2fpackage.json`);
      expect(trav.status).toBe(404);
      const imp = await fetch(`${u}api/import`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ format: "mechsd-session", version: 1, name: "x", prompt: "", overrides: [] }),
      });
      expect(imp.status).toBe(400);
      const list = (await (await fetch(`${u}api/sessions`)).json()) as { sessions: unknown[] };
      expect(list.sessions).toHaveLength(0);
    } finally {
      await s.close();
    }
  });
});
