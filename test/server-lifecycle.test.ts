import { type ChildProcessByStdio, spawn } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { connect } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { openDb } from "../src/store/db.js";
import { SCHEMA_VERSION } from "../src/store/migrations.js";

/** The built CLI in a child process: signals, exit codes and printed URLs are what an operator meets. */
const BIN = process.env.MECHSD_TEST_BIN ?? fileURLToPath(new URL("../bin/mechsd", import.meta.url));
const tmp = () => join(mkdtempSync(join(tmpdir(), "mechsd-life-")), "s.sqlite");

type Child = ChildProcessByStdio<null, Readable, Readable> & { out: () => string; err: () => string };

const children: Child[] = [];
afterEach(() => {
  // A failed test must not leave a server running.
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
});

function serve(args: string[], env: Record<string, string> = {}): Child {
  const child = spawn(process.execPath, [BIN, "serve", "--port", "0", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env },
  }) as Child;
  children.push(child);
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on("data", (d: Buffer) => {
    err += d.toString();
  });
  child.out = () => out;
  child.err = () => err;
  return child;
}

const exited = (child: Child) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once("exit", (code, signal) => resolve({ code, signal }));
  });

/** Resolves with the printed URL, or rejects when the child exits first. */
const urlOf = (child: Child) =>
  new Promise<string>((resolve, reject) => {
    const look = () => {
      const m = /mechsd workbench: (http:\/\/\S+)/.exec(child.out());
      if (m?.[1]) resolve(m[1]);
    };
    child.stdout.on("data", look);
    look();
    child.once("exit", (code) => reject(new Error(`server exited (${code}): ${child.err()}`)));
  });

const waitFor = (child: Child, re: RegExp) =>
  new Promise<void>((resolve) => {
    const look = () => {
      if (re.test(child.err())) resolve();
    };
    child.stderr.on("data", look);
    look();
  });

/** GET with an explicit Host header (fetch does not let a caller set one). */
const getStatus = (url: string, host: string) =>
  new Promise<number>((resolve, reject) => {
    const req = request(url, { headers: { host }, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });

describe("serve: shutdown", () => {
  it("finishes a request in flight on SIGTERM, then closes the store and exits 0", async () => {
    const file = tmp();
    const child = serve(["--db", file]);
    const url = new URL(await urlOf(child));
    const body = JSON.stringify({ name: "in flight", prompt: "Design a distributed message queue", overrides: [] });
    const sock = connect(Number(url.port), url.hostname);
    let answer = "";
    sock.on("data", (d) => {
      answer += d.toString();
    });
    const closed = new Promise<void>((r) => sock.once("close", () => r()));
    await new Promise<void>((r) => sock.once("connect", () => r()));
    // Headers and half the body: the request is in flight when the signal lands.
    sock.write(
      `POST /api/sessions HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 20)}`,
    );
    await new Promise((r) => setTimeout(r, 50));
    child.kill("SIGTERM");
    await waitFor(child, /stopping/);
    sock.end(body.slice(20));
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 201/);
    const { code, signal } = await exited(child);
    expect(signal).toBeNull();
    expect(code).toBe(0);
    expect(child.err()).toMatch(/stopped; the store is closed/);
    // A cleanly closed WAL store leaves no -wal file behind, and the session is there.
    expect(existsSync(`${file}-wal`)).toBe(false);
    const db = new Database(file, { readonly: true });
    expect((db.prepare("SELECT name FROM sessions").all() as { name: string }[]).map((r) => r.name)).toEqual([
      "in flight",
    ]);
    db.close();
  });

  it("drops a request that never completes once the grace period is over, and still exits 0", async () => {
    const file = tmp();
    const child = serve(["--db", file], { MECHSD_SHUTDOWN_GRACE_MS: "300" });
    const url = new URL(await urlOf(child));
    const sock = connect(Number(url.port), url.hostname);
    sock.on("error", () => {});
    const closed = new Promise<void>((r) => sock.once("close", () => r()));
    await new Promise<void>((r) => sock.once("connect", () => r()));
    sock.write(
      `POST /api/sessions HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"prompt":`,
    );
    await new Promise((r) => setTimeout(r, 50));
    child.kill("SIGTERM");
    await closed; // the server, not the client, ends the stalled connection
    const { code, signal } = await exited(child);
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it("has its signal handlers in place when the URL is printed", async () => {
    for (let round = 0; round < 3; round++) {
      const file = tmp();
      const child = serve(["--db", file]);
      const got = new Promise<void>((resolve) => {
        const look = () => {
          if (child.out().includes("http://")) {
            child.kill(round % 2 === 0 ? "SIGTERM" : "SIGINT");
            resolve();
          }
        };
        child.stdout.on("data", look);
      });
      await got;
      const { code, signal } = await exited(child);
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      expect(existsSync(`${file}-wal`)).toBe(false);
    }
  });
  it("starts without an error from the V8 flags its launcher sets (bin/mechsd: the interrupt budget)", async () => {
    const child = serve(["--db", tmp()]);
    await urlOf(child);
    child.kill("SIGTERM");
    await exited(child);
    expect(child.err()).not.toMatch(/unrecognized flag|unknown flag/i);
  });
});

describe("serve: store checked at start", () => {
  const refused = async (file: string, message: RegExp) => {
    const child = serve(["--db", file]);
    const { code } = await exited(child);
    expect(code).toBe(2);
    expect(child.out()).not.toMatch(/http:\/\//);
    expect(child.err()).toMatch(/^mechsd: the session store cannot be used: /);
    expect(child.err()).toMatch(message);
    expect(child.err()).not.toMatch(/\n\s+at /); // no stack trace
  };

  it("refuses a file that is not a SQLite database", async () => {
    const file = tmp();
    writeFileSync(file, "this is not a database, just text that happens to be long enough ".repeat(100));
    await refused(file, /not a usable SQLite database/);
  });

  it("refuses a damaged store", async () => {
    const file = tmp();
    const db = openDb(file);
    db.pragma("journal_mode = DELETE");
    db.exec("CREATE TABLE filler (x TEXT)");
    const ins = db.prepare("INSERT INTO filler VALUES (?)");
    db.transaction(() => {
      for (let i = 0; i < 400; i++) ins.run(`row ${i} ${"y".repeat(200)}`);
    })();
    db.close();
    // Overwrite a page in the middle of the file with garbage.
    const { openSync, writeSync, closeSync } = await import("node:fs");
    const fd = openSync(file, "r+");
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * 3);
    closeSync(fd);
    await refused(file, /damaged|not a usable SQLite database/);
  });

  it("refuses a store written by a newer mechsd", async () => {
    const file = tmp();
    const db = openDb(file);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future', 'later')").run(
      SCHEMA_VERSION + 1,
    );
    db.close();
    await refused(
      file,
      new RegExp(`newer mechsd \\(schema ${SCHEMA_VERSION + 1}; this one knows up to ${SCHEMA_VERSION}\\)`),
    );
  });

  it("refuses an empty store name, which SQLite would take as a temporary file deleted at stop", async () => {
    await refused("", /names no file/);
    await refused("   ", /names no file/);
  });

  it("refuses a folder as the store", async () => {
    await refused(mkdtempSync(join(tmpdir(), "mechsd-folder-")), /cannot open the store/);
  });

  it("refuses another program's SQLite file", async () => {
    const file = tmp();
    const db = new Database(file);
    db.exec("CREATE TABLE photos (id INTEGER)");
    db.close();
    await refused(file, /another program/);
  });
});

describe("serve: hosts", () => {
  it("answers --host 0.0.0.0 --allow-remote at each interface address, with real Host headers", async () => {
    const child = serve(["--db", tmp(), "--host", "0.0.0.0", "--allow-remote", "--allowed-host", "workbench.example"]);
    try {
      const url = new URL(await urlOf(child));
      expect(url.hostname).toBe("127.0.0.1");
      const v4 = Object.values(networkInterfaces())
        .flatMap((l) => l ?? [])
        .filter((a) => a.family === "IPv4")
        .map((a) => a.address);
      for (const a of v4) {
        const r = await fetch(`http://${a}:${url.port}/api/meta`);
        expect(r.status, a).toBe(200);
        if (a !== "127.0.0.1") expect(child.out()).toContain(`http://${a}:${url.port}/`);
      }
      const named = await getStatus(`http://127.0.0.1:${url.port}/api/meta`, `workbench.example:${url.port}`);
      expect(named).toBe(200);
      expect(await getStatus(`http://127.0.0.1:${url.port}/api/meta`, `evil.example:${url.port}`)).toBe(403);
      expect(child.err()).toMatch(/warning: serving on 0\.0\.0\.0/);
    } finally {
      child.kill("SIGTERM");
      expect((await exited(child)).code).toBe(0);
    }
  });

  it("prints a bracketed IPv6 URL for --host ::1 and answers at it", async (ctx) => {
    const child = serve(["--db", tmp(), "--host", "::1"]);
    let url: string;
    try {
      url = await urlOf(child);
    } catch (e) {
      if (/cannot listen|EADDRNOTAVAIL|EAFNOSUPPORT/.test(String(e))) ctx.skip();
      throw e;
    }
    try {
      expect(url).toMatch(/^http:\/\/\[::1\]:\d+\/$/);
      const r = await fetch(`${url}api/meta`);
      expect(r.status).toBe(200);
    } finally {
      child.kill("SIGTERM");
      expect((await exited(child)).code).toBe(0);
    }
  });
});
